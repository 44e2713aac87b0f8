package cms

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

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

// TestSyncReturningEntryIsRefused pins today's answer to an entry that
// comes back to the CMS after its record was retired: the retired ID is
// not taken again (the store has no way yet to lift a tombstone), so the
// sync stops, names the ID, and changes nothing.
func TestSyncReturningEntryIsRefused(t *testing.T) {
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	all := loadFixture(t)
	f.remove(PluralCities, 36) // Neustadt, new from the CMS, with its approach
	f.remove(PluralApproaches, 42, 43)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	data, revs := state(t, db)
	f.mu.Lock()
	f.collections[PluralCities] = all[PluralCities]
	f.collections[PluralApproaches] = all[PluralApproaches]
	f.mu.Unlock()
	_, err := syncOnce(t, db, srv.URL, false)
	if err == nil || !strings.Contains(err.Error(), "neustadt") || !strings.Contains(err.Error(), "retired IDs are never reused") ||
		!strings.Contains(err.Error(), "nothing changed") {
		t.Fatalf("err = %v, want the retired ID named and nothing changed", err)
	}
	if d, r := state(t, db); d != data || r != revs {
		t.Errorf("after the refused sync: %d revisions (was %d), data identical: %v", r, revs, d == data)
	}
}
