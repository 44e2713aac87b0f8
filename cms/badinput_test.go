package cms

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/sqlite"
)

// editEntry changes the attributes of the entry id of plural in the fake.
func editEntry(f *fakeStrapi, plural string, id int, change func(attrs map[string]any)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, raw := range f.collections[plural] {
		var e map[string]any
		if err := json.Unmarshal(raw, &e); err != nil {
			panic(err)
		}
		if int(e["id"].(float64)) != id {
			continue
		}
		change(e["attributes"].(map[string]any))
		f.collections[plural][i], _ = json.Marshal(e)
	}
}

// state is what a refused sync must leave as it was: every record and
// tombstone, and the list of revisions.
func state(t *testing.T, db *sqlite.DB) (data string, revisions int) {
	t.Helper()
	b, err := json.Marshal(reload(t, db))
	if err != nil {
		t.Fatal(err)
	}
	revs, err := db.Revisions(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), len(revs)
}

// TestSyncBadInputLeavesDataIdentical: each bad answer of the issue's
// list, met by a sync after a good one, stops it with a precise error,
// and the data and the revisions are exactly as before.
func TestSyncBadInputLeavesDataIdentical(t *testing.T) {
	onCitiesPage2 := func(answer func(w http.ResponseWriter)) func(*fakeStrapi, *httptest.Server, *Client) {
		return func(f *fakeStrapi, _ *httptest.Server, _ *Client) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.override = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/api/cities" || r.URL.Query().Get("pagination[page]") != "2" {
					return false
				}
				answer(w)
				return true
			}
		}
	}
	edit := func(plural string, id int, change func(map[string]any)) func(*fakeStrapi, *httptest.Server, *Client) {
		return func(f *fakeStrapi, _ *httptest.Server, _ *Client) {
			// Changed data: the records from the CMS would change if the
			// sync applied anything.
			editEntry(f, PluralCities, 30, func(a map[string]any) { a["name"] = "Berlin (changed)" })
			editEntry(f, plural, id, change)
		}
	}
	for _, tt := range []struct {
		name    string
		breakIt func(*fakeStrapi, *httptest.Server, *Client)
		want    []string
	}{
		{"unreachable CMS", func(_ *fakeStrapi, srv *httptest.Server, _ *Client) { srv.Close() },
			[]string{"/api/countries", "connection refused"}},
		{"401", func(f *fakeStrapi, _ *httptest.Server, _ *Client) {
			f.mu.Lock()
			f.token = "the-right-token"
			f.mu.Unlock()
		}, []string{"/api/countries", "HTTP 401: UnauthorizedError: Missing or invalid credentials"}},
		{"500", onCitiesPage2(func(w http.ResponseWriter) { w.WriteHeader(http.StatusInternalServerError) }),
			[]string{"/api/cities", "pagination%5Bpage%5D=2", "HTTP 500"}},
		{"truncated JSON", onCitiesPage2(func(w http.ResponseWriter) { w.Write([]byte(`{"data":[{"id":36,`)) }),
			[]string{"/api/cities", "pagination%5Bpage%5D=2", "truncated"}},
		{"missing required field", edit(PluralCities, 36, func(a map[string]any) { delete(a, "name") }),
			[]string{`cities "neustadt" (en): name is required and missing`}},
		{"unknown locale", edit(PluralCities, 31, func(a map[string]any) { a["locale"] = "nl" }),
			[]string{`cities entry 31: locale "nl" is not one of the platform's languages`}},
		{"relation to a missing record", edit(PluralApproaches, 40, func(a map[string]any) {
			a["city"] = map[string]any{"data": map[string]any{"id": 99}}
		}), []string{`approaches "open-harbors": city: relation to entry 99, which the CMS does not list`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openSeeded(t)
			f, srv := newFake(t)
			if _, err := syncOnce(t, db, srv.URL, false); err != nil {
				t.Fatal(err)
			}
			data, revs := state(t, db)
			c := &Client{Base: srv.URL, PageSize: 2}
			tt.breakIt(f, srv, c)
			_, _, err := Sync(context.Background(), c, db, reload(t, db), false)
			if err == nil {
				t.Fatal("the sync succeeded")
			}
			for _, w := range append(tt.want, "sync from "+srv.URL+", nothing changed") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if d, r := state(t, db); d != data || r != revs {
				t.Errorf("after the refused sync: %d revisions (was %d), data identical: %v", r, revs, d == data)
			}
		})
	}
}

// TestSyncRestoresAReturningEntry: an entry removed from the CMS and
// then put back restores its record under the old ID (the tombstone is
// lifted, the history says "restored"), with the CMS's data, and the
// next sync changes nothing.
func TestSyncRestoresAReturningEntry(t *testing.T) {
	ctx := context.Background()
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	before := reload(t, db)
	all := loadFixture(t)
	f.remove(PluralCities, 36) // Neustadt, new from the CMS, with its approach
	f.remove(PluralApproaches, 42, 43)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	gone := reload(t, db)
	returning := []struct {
		t  dataset.Type
		id string
	}{{dataset.TypeMunicipality, "neustadt"}, {dataset.TypeApproach, "housing-for-all"}, {dataset.TypeMembership, "neustadt-welcoming-towns"}}
	for _, r := range returning {
		if _, _, ok := gone.Retirement(r.t, r.id); !ok {
			t.Fatalf("%s %s was not retired", r.t, r.id)
		}
	}

	f.mu.Lock()
	f.collections[PluralCities] = all[PluralCities]
	f.collections[PluralApproaches] = all[PluralApproaches]
	f.mu.Unlock()
	rep, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(dataset.Restore) != len(returning) || len(rep.Changes) != len(returning) {
		t.Errorf("changes %+v, want %d restorations only", rep.Changes, len(returning))
	}
	back := reload(t, db)
	for _, r := range returning {
		if _, _, ok := back.Retirement(r.t, r.id); ok {
			t.Errorf("%s %s is still a tombstone", r.t, r.id)
		}
		if !back.Exists(r.t, r.id) {
			t.Errorf("%s %s is not a record again", r.t, r.id)
		}
	}
	// The same records as before the removal, from the CMS: created when
	// they were first stored.
	for _, id := range []string{"neustadt"} {
		was, _ := before.Municipality(id)
		now, _ := back.Municipality(id)
		a, b := *was, *now
		if !b.Created.Equal(a.Created) || !b.Modified.After(a.Modified) && !b.Modified.Equal(a.Modified) {
			t.Errorf("%s: created %v modified %v, was created %v modified %v", id, b.Created, b.Modified, a.Created, a.Modified)
		}
		a.Stamps, b.Stamps = dataset.Stamps{}, dataset.Stamps{}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s restored as\n%s\nwas\n%s", id, jb, ja)
		}
	}
	if a, ok := back.Approach("housing-for-all"); !ok || a.Municipality != "neustadt" {
		t.Errorf("housing-for-all = %+v, want it back on neustadt", a)
	}
	revs, err := db.Revisions(ctx, back.Revision-1, 1)
	if err != nil || len(revs) != 1 {
		t.Fatalf("last revision: %+v, %v", revs, err)
	}
	for _, r := range revs[0].Records {
		if r.Kind != dataset.Restore {
			t.Errorf("the revision says %s %s %s, want restored", r.Kind, r.Type, r.ID)
		}
	}
	vs, err := db.Versions(ctx, dataset.TypeMunicipality, "neustadt")
	if err != nil || len(vs) != 3 || vs[1].Kind != dataset.Retire || vs[2].Kind != dataset.Restore {
		t.Errorf("neustadt's history: %+v, %v; want added, retired, restored", vs, err)
	}
	if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
		t.Errorf("the sync after the restoration: %d changes, %v; want none", len(again.Changes), err)
	}
}

// TestSyncKeepsARenamesRedirect: an entry whose record was renamed here
// stays with the renamed record (found by its mark, or by following the
// rename when the mark is gone), so the old ID stays a redirect and is
// not restored.
func TestSyncKeepsARenamesRedirect(t *testing.T) {
	for _, keepMark := range []bool{true, false} {
		t.Run(fmt.Sprintf("mark kept %v", keepMark), func(t *testing.T) {
			ctx := context.Background()
			db, _ := openSeeded(t)
			_, srv := newFake(t)
			if _, err := syncOnce(t, db, srv.URL, false); err != nil {
				t.Fatal(err)
			}
			cur := reload(t, db)
			n, _ := cur.Municipality("neustadt")
			x := *n
			x.ID = "neustadt-weinstrasse"
			if !keepMark {
				// Neither the mark nor the name finds it: only the rename does.
				x.Sources = []dataset.Source{{URL: "https://example.org/neustadt"}}
				x.Names = dataset.Names{"en": "Neustadt (Pfalz)"}
			}
			rename := &dataset.Dataset{Municipalities: []dataset.Municipality{x},
				Retired: []dataset.Retired{{Type: dataset.TypeMunicipality, ID: "neustadt", ReplacedBy: x.ID, Reason: "renamed"}}}
			for _, a := range cur.ApproachesOf("neustadt") {
				y := *a
				y.Municipality = x.ID
				rename.Approaches = append(rename.Approaches, y)
			}
			for _, ms := range cur.MembershipsOf("neustadt") {
				y := *ms
				y.Municipality = x.ID
				rename.Memberships = append(rename.Memberships, y)
			}
			if _, _, err := ingest.Import(ctx, db, cur, rename, false); err != nil {
				t.Fatal(err)
			}
			if _, err := syncOnce(t, db, srv.URL, false); err != nil {
				t.Fatal(err)
			}
			snap := reload(t, db)
			if r, to, ok := snap.Retirement(dataset.TypeMunicipality, "neustadt"); !ok || to != x.ID || r.ReplacedBy != x.ID {
				t.Errorf("neustadt: tombstone %+v to %q, %v; want the redirect to %s kept", r, to, ok, x.ID)
			}
			if ren, ok := snap.Municipality(x.ID); !ok || !slices.Contains(ren.Sources, dataset.Source{URL: SourceURL(srv.URL, PluralCities, "neustadt")}) {
				t.Errorf("%s = %+v, want it synced from the entry neustadt", x.ID, ren)
			}
			if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
				t.Errorf("next sync: %+v, %v; want no change", again.Changes, err)
			}
		})
	}
}
