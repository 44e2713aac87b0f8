package cms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/sqlite"
)

func openSeeded(t *testing.T) (*sqlite.DB, *dataset.Snapshot) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	if err := copySeeded(path); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, reload(t, db)
}

// seeded holds a database file with the seed loaded, made once: loading
// the seed takes seconds under -race, and a dozen tests start from it.
var seeded struct {
	once sync.Once
	dir  string
	err  error
}

// copySeeded copies the seeded database (made on first use) to path.
func copySeeded(path string) error {
	seeded.once.Do(func() {
		seeded.dir, seeded.err = os.MkdirTemp("", "cms-seeded-")
		if seeded.err != nil {
			return
		}
		ctx := context.Background()
		db, err := sqlite.Open(ctx, filepath.Join(seeded.dir, "t.db"))
		if err != nil {
			seeded.err = err
			return
		}
		_, err = ingest.Open(ctx, db, dataset.Seed, slog.New(slog.DiscardHandler))
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		seeded.err = err
	})
	if seeded.err != nil {
		return fmt.Errorf("seed a database: %w", seeded.err)
	}
	// Closing the last connection checkpoints the WAL into the main file;
	// a leftover WAL comes along all the same.
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(filepath.Join(seeded.dir, "t.db") + suffix)
		if errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(path+suffix, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// reload reads the store afresh, as the next process would.
func reload(t *testing.T, db *sqlite.DB) *dataset.Snapshot {
	t.Helper()
	snap, err := ingest.Open(context.Background(), db, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func syncOnce(t *testing.T, db *sqlite.DB, base string, dryRun bool) (ingest.Report, error) {
	t.Helper()
	c := &Client{Base: base, PageSize: 2}
	rep, _, err := Sync(context.Background(), c, db, reload(t, db), dryRun)
	return rep, err
}

// TestSyncMapsEveryField checks each synced record, field by field and
// locale by locale, against the fixture, and that our own fields the CMS
// lacks are kept.
func TestSyncMapsEveryField(t *testing.T) {
	db, seeded := openSeeded(t)
	_, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	snap := reload(t, db)
	src := func(plural, slug string) dataset.Source {
		return dataset.Source{URL: SourceURL(srv.URL, plural, slug)}
	}
	seedBerlin, _ := seeded.Municipality("berlin")
	seedGdansk, _ := seeded.Municipality("gdansk")
	munis := []struct {
		id       string
		names    dataset.Names
		country  string
		pos      dataset.Coordinates
		featured bool
		aliases  []dataset.Alias
		wikidata string
		slug     string
	}{
		{"berlin", dataset.Names{"en": "Berlin", "de": "Berlin", "pl": "Berlin"}, "DE", dataset.Coordinates{Lat: 52.52, Lon: 13.405}, true, seedBerlin.Aliases, seedBerlin.Wikidata, "berlin"},
		{"palermo", dataset.Names{"en": "Palermo", "it": "Palermo", "de": "Palermo"}, "IT", dataset.Coordinates{Lat: 38.1157, Lon: 13.3613}, true, nil, "Q2656", "palermo"},
		// Matched by name within Poland; the CMS slug is kept as an alias.
		{"gdansk", dataset.Names{"en": "Gdańsk", "de": "Danzig", "pl": "Gdańsk"}, "PL", dataset.Coordinates{Lat: 54.35, Lon: 18.65}, false,
			append(slices.Clone(seedGdansk.Aliases), dataset.Alias{Lang: "und", Name: "gdansk-city"}), seedGdansk.Wikidata, "gdansk-city"},
		// New: the CMS slug is the ID; a city without translations.
		{"neustadt", dataset.Names{"en": "Neustadt an der Weinstraße"}, "DE", dataset.Coordinates{Lat: 49.35, Lon: 8.14}, false, nil, "", "neustadt"},
	}
	for _, w := range munis {
		t.Run("municipality "+w.id, func(t *testing.T) {
			m, ok := snap.Municipality(w.id)
			if !ok {
				t.Fatalf("no municipality %q after the sync", w.id)
			}
			for l, n := range w.names {
				if m.Names[l] != n {
					t.Errorf("names[%s] = %q, want %q", l, m.Names[l], n)
				}
			}
			if m.Country != w.country || m.Coordinates == nil || *m.Coordinates != w.pos || m.Featured != w.featured {
				t.Errorf("country %s, coordinates %v, featured %v; want %s, %v, %v", m.Country, m.Coordinates, m.Featured, w.country, w.pos, w.featured)
			}
			if !slices.Equal(m.Aliases, w.aliases) {
				t.Errorf("aliases = %v, want %v", m.Aliases, w.aliases)
			}
			if m.Wikidata != w.wikidata {
				t.Errorf("wikidata = %q, want %q (ours, kept)", m.Wikidata, w.wikidata)
			}
			if !slices.Contains(m.Sources, src(PluralCities, w.slug)) {
				t.Errorf("sources %v lack the CMS entry", m.Sources)
			}
			if old, ok := seeded.Municipality(w.id); ok && len(m.Sources) != len(old.Sources)+1 {
				t.Errorf("%d sources, want our %d and the CMS's", len(m.Sources), len(old.Sources))
			}
		})
	}
	if p, _ := snap.Municipality("palermo"); p.Wikidata == "" {
		t.Error("palermo lost its Wikidata link")
	}
	// Not in the CMS, never came from it: untouched.
	if b, _ := snap.Municipality("bologna"); b == nil || slices.ContainsFunc(b.Sources, func(s dataset.Source) bool { return strings.HasPrefix(s.URL, srv.URL) }) {
		t.Errorf("bologna = %v, want it kept as it was", b)
	}

	t.Run("networks", func(t *testing.T) {
		n, _ := snap.Network("sichere-haefen") // matched by its English name
		if n == nil || n.Names["de"] != "Sichere Häfen" || !slices.Contains(n.Aliases, dataset.Alias{Lang: "und", Name: "seebruecke-safe-harbours"}) || n.Scope != dataset.ScopeNational {
			t.Errorf("sichere-haefen = %+v", n)
		}
		w, _ := snap.Network("welcoming-towns")
		if w == nil || w.Names["en"] != "Welcoming Towns Network" || w.Scope != dataset.ScopeNational || !slices.Equal(w.Countries, []string{"DE"}) ||
			!slices.Equal(w.Sources, []dataset.Source{src(PluralNetworks, "welcoming-towns")}) {
			t.Errorf("welcoming-towns = %+v", w)
		}
	})
	t.Run("memberships", func(t *testing.T) {
		for _, id := range []string{"berlin-welcoming-towns", "neustadt-welcoming-towns"} {
			m, ok := snap.Membership(id)
			if !ok || m.Source == nil || !strings.HasPrefix(m.Source.URL, srv.URL) {
				t.Errorf("membership %s = %+v, want one from the CMS", id, m)
			}
		}
		// Berlin's membership of sichere-haefen is ours, with its dates.
		old, _ := seeded.Membership("berlin-sichere-haefen")
		now, _ := snap.Membership("berlin-sichere-haefen")
		if now == nil || *now.Source != *old.Source || now.Since != old.Since {
			t.Errorf("berlin-sichere-haefen = %+v, want ours %+v", now, old)
		}
		if _, ok := snap.Membership("berlin-seebruecke-safe-harbours"); ok {
			t.Error("a second membership of the same network was made")
		}
	})
	t.Run("categories", func(t *testing.T) {
		c, _ := snap.Category("reception")
		if c == nil || c.Labels["de"] != "Aufnahme" || c.Labels["fr"] != "Accueil" || !slices.Equal(c.Aliases, []string{"aufnahme", "accueil"}) {
			t.Errorf("reception = %+v", c)
		}
		if byAlias, ok := snap.CategoryByAlias("aufnahme"); !ok || byAlias.ID != "reception" {
			t.Error("the German CMS slug does not find the category")
		}
		h, _ := snap.Category("housing-first")
		if h == nil || h.Labels["en"] != "Housing first" {
			t.Errorf("housing-first = %+v", h)
		}
	})
	t.Run("approaches", func(t *testing.T) {
		a, _ := snap.Approach("open-harbors")
		if a == nil || a.Title["en"] != "Open harbours" || a.Title["it"] != "Porti aperti" || a.Municipality != "palermo" ||
			!slices.Equal(a.Categories, []string{"reception"}) || a.OwnCategories {
			t.Errorf("open-harbors = %+v", a)
		}
		h, _ := snap.Approach("housing-for-all")
		if h == nil || h.Title["de"] != "Wohnen für alle" || h.Municipality != "neustadt" || !slices.Equal(h.Categories, []string{"housing-first", "reception"}) || h.Status != dataset.ApproachUnknown {
			t.Errorf("housing-for-all = %+v", h)
		}
	})
}

// TestSyncTwiceChangesNothing: the second sync of the same CMS makes no
// revision and reports no change.
func TestSyncTwiceChangesNothing(t *testing.T) {
	db, _ := openSeeded(t)
	_, srv := newFake(t)
	first, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Changes) == 0 || first.Revision != 2 {
		t.Fatalf("first sync: %d changes, revision %d; want changes at revision 2", len(first.Changes), first.Revision)
	}
	second, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Changes) != 0 || second.Revision != 2 {
		for _, c := range second.Changes {
			t.Logf("%s %s %s", c.Kind, c.Type, c.ID)
		}
		t.Fatalf("second sync: %d changes, revision %d; want none at revision 2", len(second.Changes), second.Revision)
	}
}

func TestSyncDryRunChangesNothing(t *testing.T) {
	db, _ := openSeeded(t)
	_, srv := newFake(t)
	rep, err := syncOnce(t, db, srv.URL, true)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.DryRun || len(rep.Changes) == 0 {
		t.Fatalf("dry run reported %d changes", len(rep.Changes))
	}
	if snap := reload(t, db); snap.Revision != 1 {
		t.Fatalf("revision %d after a dry run, want 1", snap.Revision)
	} else if _, ok := snap.Municipality("neustadt"); ok {
		t.Fatal("a dry run added a municipality")
	}
}

// TestSyncRemovedBecomesTombstone: entries deleted in the CMS leave 410
// tombstones, with the memberships that hang on them, when the CMS was
// their only source; records of ours stay, those the CMS also listed
// without it as a source.
func TestSyncRemovedBecomesTombstone(t *testing.T) {
	db, seeded := openSeeded(t)
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	f.remove(PluralCities, 36, 33, 34, 35) // Neustadt, new from the CMS; Palermo, ours too
	f.remove(PluralApproaches, 42, 43, 40, 41)
	rep, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(dataset.Retire) != 3 {
		t.Errorf("%d retired, want 3", rep.Count(dataset.Retire))
	}
	snap := reload(t, db)
	for _, w := range []struct {
		t  dataset.Type
		id string
	}{{dataset.TypeMunicipality, "neustadt"}, {dataset.TypeApproach, "housing-for-all"}, {dataset.TypeMembership, "neustadt-welcoming-towns"}} {
		r, _, ok := snap.Retirement(w.t, w.id)
		if !ok || r.ReplacedBy != "" || !strings.HasPrefix(r.Reason, RemovedReason) {
			t.Errorf("%s %s: tombstone %+v, %v; want a 410 tombstone", w.t, w.id, r, ok)
		}
	}
	for _, id := range []string{"berlin", "bologna", "barcelona"} {
		if _, ok := snap.Municipality(id); !ok {
			t.Errorf("%s was removed", id)
		}
	}
	// Palermo and its approach are ours too (they have sources of their
	// own): they stay, no longer sourced from the CMS.
	seedPalermo, _ := seeded.Municipality("palermo")
	if p, ok := snap.Municipality("palermo"); !ok || !slices.Equal(p.Sources, seedPalermo.Sources) {
		t.Errorf("palermo = %+v, want it kept with its own sources %v", p, seedPalermo.Sources)
	}
	seedHarbors, _ := seeded.Approach("open-harbors")
	if a, ok := snap.Approach("open-harbors"); !ok || !slices.Equal(a.Sources, seedHarbors.Sources) {
		t.Errorf("open-harbors = %+v, want it kept with its own sources", a)
	}
	// A category the CMS still lists but no approach uses any more stays.
	if _, ok := snap.Category("housing-first"); !ok {
		t.Error("housing-first was removed")
	}
}

// TestSyncBadContentChangesNothing: content the mapping or validation
// refuses stops the sync with a precise error and no revision.
func TestSyncBadContentChangesNothing(t *testing.T) {
	edit := func(plural string, id int, change func(attrs map[string]any)) func(*fakeStrapi) {
		return func(f *fakeStrapi) {
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
	}
	tests := []struct {
		name    string
		breakIt func(*fakeStrapi)
		want    string
	}{
		{"malformed coordinates", edit(PluralCities, 30, func(a map[string]any) { a["coordinates"] = "52.52;13.405" }),
			`cities "berlin": coordinates "52.52;13.405": want "lat,lng"`},
		{"coordinates outside the country", edit(PluralCities, 30, func(a map[string]any) { a["coordinates"] = "13.405,52.52" }),
			"municipality berlin: coordinates: (13.405, 52.52) lies far outside DE"},
		{"report file on another scheme", edit(PluralCities, 31, func(a map[string]any) {
			a["report_file"] = map[string]any{"data": map[string]any{"id": 7, "attributes": map[string]any{"url": "ftp://example.org/r.pdf"}}}
		}), `cities "berlin", locale de: report_file: "ftp://example.org/r.pdf" is not an http(s) address`},
		{"takeaways only in a translation", edit(PluralCities, 30, func(a map[string]any) { delete(a, "takeaways") }),
			"municipality berlin: takeaways: takeaways in other languages need English ones"},
		{"quote that is not a text", edit(PluralCities, 31, func(a map[string]any) {
			a["content"] = []any{map[string]any{"id": 9, "__component": "blocks.quote", "content": 42, "author": "X"}}
		}), `cities "berlin", locale de: content[0] (blocks.quote): content is not a text`},
		{"section whose content is not a rich-text component", edit(PluralApproaches, 41, func(a map[string]any) {
			a["content"] = []any{map[string]any{"id": 9, "__component": "blocks.section", "title": "T", "content": "plain"}}
		}), `approaches "open-harbors", locale it: content[0] (blocks.section): content is not a blocks.richtext component`},
		{"sections only in a translation", edit(PluralApproaches, 40, func(a map[string]any) { a["content"] = []any{} }),
			"approach open-harbors: blocks: blocks in other languages need English ones"},
		{"quote author of two lines", edit(PluralCities, 33, func(a map[string]any) {
			a["content"] = []any{map[string]any{"id": 9, "__component": "blocks.quote", "content": "Yes.", "author": "A\nB"}}
		}), "municipality palermo: blocks[0].author: must be one line"},
		{"unknown locale", edit(PluralCities, 31, func(a map[string]any) { a["locale"] = "nl" }),
			`cities entry 31: locale "nl" is not one of the platform's languages`},
		{"relation to a missing record", edit(PluralCities, 36, func(a map[string]any) { a["country"] = map[string]any{"data": map[string]any{"id": 99}} }),
			`cities "neustadt": country: relation to entry 99, which the CMS does not list`},
		{"relation to a missing network", edit(PluralCities, 30, func(a map[string]any) {
			a["networks"] = map[string]any{"data": []any{map[string]any{"id": 98}}}
		}), `cities "berlin": networks: relation to network 98`},
		{"missing required name", edit(PluralCities, 36, func(a map[string]any) { delete(a, "name") }),
			`cities "neustadt" (en): name is required and missing`},
		{"missing required name in a translation", edit(PluralCities, 31, func(a map[string]any) { a["name"] = " " }),
			`cities "berlin" (de): name is required and missing`},
		{"missing required title", edit(PluralApproaches, 41, func(a map[string]any) { a["title"] = nil }),
			`approaches "open-harbors" (it): title is required and missing`},
		{"missing required English name of a network", edit(PluralNetworks, 12, func(a map[string]any) { a["name"] = "" }),
			"network welcoming-towns: names.en: missing"},
		{"approach without a city", edit(PluralApproaches, 40, func(a map[string]any) { a["city"] = map[string]any{"data": nil} }),
			`approaches "open-harbors": no city`},
		{"unknown country", edit(PluralCountries, 5, func(a map[string]any) { a["name"] = "Atlantis" }),
			`country "poland": none of its names (en "Atlantis") is a country's name we know`},
		{"country of several names", edit(PluralCountries, 4, func(a map[string]any) { a["name"] = "Francia" }),
			`country "italy" (CMS id 3) matches several of our countries by name (FR, IT), not one`},
		{"membership ID taken by another pair", func(f *fakeStrapi) {
			f.collections[PluralNetworks] = append(f.collections[PluralNetworks], json.RawMessage(
				`{"id":13,"attributes":{"locale":"en","name":"Sea City","slug":"the-sea-to-the-city","localizations":{"data":[]}}}`))
			edit(PluralCities, 36, func(a map[string]any) {
				a["slug"] = "palermo-from"
				a["networks"] = map[string]any{"data": []any{map[string]any{"id": 13}}}
			})(f)
		}, `the membership ID "palermo-from-the-sea-to-the-city" of palermo-from in the-sea-to-the-city is taken by palermo in from-the-sea-to-the-city`},
		{"two entries with one slug", edit(PluralCities, 36, func(a map[string]any) { a["slug"] = "berlin" }),
			`cities: two entries (30 and 36) have the slug "berlin"`},
		{"bad slug", edit(PluralCities, 36, func(a map[string]any) { a["slug"] = "Neustadt Weinstraße" }),
			`slug "Neustadt Weinstraße" is not a lowercase slug`},
		{"wrong attribute type", edit(PluralCities, 30, func(a map[string]any) { a["is_featured"] = "yes" }),
			"cities entry 30 (en): attributes not in the content type's shape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each case has its own database and CMS
			db, _ := openSeeded(t)
			f, srv := newFake(t)
			tt.breakIt(f)
			_, err := syncOnce(t, db, srv.URL, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing changed") {
				t.Fatalf("err = %v, want one containing %q and saying nothing changed", err, tt.want)
			}
			if rev := reload(t, db).Revision; rev != 1 {
				t.Fatalf("revision %d after a refused sync, want 1", rev)
			}
		})
	}
}

// TestSyncBrokenCMSChangesNothing: a CMS that fails part-way (the second
// page of cities) leaves the data as it was, after an earlier good sync.
func TestSyncBrokenCMSChangesNothing(t *testing.T) {
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct{ name, want string }{
		{"500", "HTTP 500"}, {"truncated", "truncated"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			f.override = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/api/cities" || r.URL.Query().Get("pagination[page]") != "2" {
					return false
				}
				if bad.name == "500" {
					w.WriteHeader(http.StatusInternalServerError)
				} else {
					w.Write([]byte(`{"data":[{"id":36,`))
				}
				return true
			}
			_, err := syncOnce(t, db, srv.URL, false)
			if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "pagination%5Bpage%5D=2") {
				t.Fatalf("err = %v, want %q on page 2", err, bad.want)
			}
			if rev := reload(t, db).Revision; rev != 2 {
				t.Fatalf("revision %d, want 2", rev)
			}
		})
	}
}

// TestFieldDiff: a dry run's diff names each changed field with its old
// and new value, locale by locale, and leaves unchanged fields out.
func TestFieldDiff(t *testing.T) {
	db, seeded := openSeeded(t)
	_, srv := newFake(t)
	rep, err := syncOnce(t, db, srv.URL, true)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range rep.Changes {
		got[string(c.Type)+" "+c.ID] = FieldDiff(seeded, c)
	}
	berlin := strings.Join(got["municipality berlin"], "\n")
	for _, want := range []string{
		`coordinates.lat: 52.5167 → 52.52`,
		`coordinates.lon: 13.3833 → 13.405`,
		`names.pl: (none) → "Berlin"`,
		`sources: + {"url":"` + SourceURL(srv.URL, PluralCities, "berlin") + `"}`,
	} {
		if !strings.Contains(berlin, want) {
			t.Errorf("berlin's diff lacks %q:\n%s", want, berlin)
		}
	}
	if strings.Contains(berlin, "names.en") || strings.Contains(berlin, "wikidata") || strings.Contains(berlin, "modified") {
		t.Errorf("berlin's diff names unchanged fields:\n%s", berlin)
	}
	// The seed's Italian title is our translation; the CMS's replaces it
	// and is marked as the platform's wording.
	if d := got["approach open-harbors"]; !slices.Contains(d, `categories: − "networking-advocacy"`) ||
		!slices.Contains(d, `title.it: "Politica dei porti aperti" → "Porti aperti"`) ||
		!slices.Contains(d, `title_origin.it: "translation" → "platform"`) {
		t.Errorf("open-harbors' diff = %q", d)
	}
	if strings.Contains(berlin, "sources: −") {
		t.Errorf("berlin's diff says a source was removed:\n%s", berlin)
	}
	if d := got["municipality neustadt"]; d != nil {
		t.Errorf("an added record has a field diff: %v", d)
	}
}

// TestSyncIntoEmptyDatabase: into a database that holds only the
// countries, every CMS entry becomes a record named by its slug.
func TestSyncIntoEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ingest.Import(ctx, db, dataset.NewSnapshot(&dataset.Dataset{}, 0), &dataset.Dataset{Countries: seed.Countries}, false); err != nil {
		t.Fatal(err)
	}
	_, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	snap := reload(t, db)
	ids := func(n int, id func(int) string) []string {
		var out []string
		for i := range n {
			out = append(out, id(i))
		}
		return out
	}
	for _, w := range []struct {
		what      string
		got, want []string
	}{
		{"municipalities", ids(len(snap.Municipalities), func(i int) string { return snap.Municipalities[i].ID }), []string{"berlin", "gdansk-city", "neustadt", "palermo"}},
		{"networks", ids(len(snap.Networks), func(i int) string { return snap.Networks[i].ID }), []string{"seebruecke-safe-harbours", "welcoming-towns"}},
		{"categories", ids(len(snap.Categories), func(i int) string { return snap.Categories[i].ID }), []string{"housing-first", "reception"}},
		{"approaches", ids(len(snap.Approaches), func(i int) string { return snap.Approaches[i].ID }), []string{"housing-for-all", "open-harbors"}},
		{"memberships", ids(len(snap.Memberships), func(i int) string { return snap.Memberships[i].ID }),
			[]string{"berlin-seebruecke-safe-harbours", "berlin-welcoming-towns", "neustadt-welcoming-towns"}},
	} {
		if !slices.Equal(w.got, w.want) {
			t.Errorf("%s = %v, want %v", w.what, w.got, w.want)
		}
	}
	g, _ := snap.Municipality("gdansk-city")
	if g == nil || g.Names["de"] != "Danzig" || g.Aliases != nil || g.Status != dataset.StatusActive || g.IDCoined {
		t.Errorf("gdansk-city = %+v", g)
	}
	p, _ := snap.Municipality("palermo") // its French version is a draft
	if p == nil || len(p.Names) != 3 || p.Names["fr"] != "" {
		t.Errorf("palermo names = %v, want en, it and de only", p.Names)
	}
	if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
		t.Errorf("second sync: %d changes, %v", len(again.Changes), err)
	}
}

// TestSyncFollowsASlugChange: an entry whose slug the editors change
// stays the same record, found by its name, with the new slug as its
// mark and alias and no second mark.
func TestSyncFollowsASlugChange(t *testing.T) {
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	for i, raw := range f.collections[PluralCities] {
		f.collections[PluralCities][i] = json.RawMessage(strings.ReplaceAll(string(raw), `"slug": "neustadt"`, `"slug": "neustadt-weinstrasse"`))
	}
	rep, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 1 || rep.Changes[0].ID != "neustadt" || rep.Changes[0].Kind != dataset.Changed {
		t.Fatalf("changes %+v, want neustadt changed only", rep.Changes)
	}
	n, _ := reload(t, db).Municipality("neustadt")
	want := []dataset.Source{{URL: SourceURL(srv.URL, PluralCities, "neustadt-weinstrasse")}}
	if !slices.Equal(n.Sources, want) || !slices.Equal(n.Aliases, []dataset.Alias{{Lang: "und", Name: "neustadt-weinstrasse"}}) {
		t.Errorf("neustadt: sources %v, aliases %v", n.Sources, n.Aliases)
	}
	if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
		t.Errorf("next sync: %d changes, %v", len(again.Changes), err)
	}
}

// TestSyncCarriesTexts: the summaries and a network's description the
// CMS gives replace ours in their languages, as Markdown, marked as the
// platform's wording; the languages the CMS leaves empty keep our text
// and its origin.
func TestSyncCarriesTexts(t *testing.T) {
	db, seeded := openSeeded(t)
	_, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	snap := reload(t, db)
	seedBerlin, _ := seeded.Municipality("berlin")
	berlin, _ := snap.Municipality("berlin")
	network, _ := snap.Network("sichere-haefen")
	approach, _ := snap.Approach("open-harbors")
	tests := []struct {
		name       string
		text       dataset.Text
		origins    dataset.Origins
		lang, want string
		origin     dataset.TextOrigin
	}{
		{"berlin summary en", berlin.Summary, berlin.SummaryOrigin, "en", "Berlin joined the *Safe Harbours* in 2019.", dataset.OriginPlatform},
		{"berlin summary de", berlin.Summary, berlin.SummaryOrigin, "de", "Berlin trat 2019 den *Sicheren Häfen* bei.", dataset.OriginPlatform},
		{"berlin summary fr kept", berlin.Summary, berlin.SummaryOrigin, "fr", seedBerlin.Summary["fr"], seedBerlin.SummaryOrigin["fr"]},
		{"network description en", network.Description, network.DescriptionOrigin, "en",
			"Municipalities that declare themselves **safe harbours** for people rescued at sea.\n\nThey offer to take in more than their share.", dataset.OriginPlatform},
		{"approach summary en", approach.Summary, approach.SummaryOrigin, "en", "A city offers to receive people rescued at sea.", dataset.OriginPlatform},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == "" {
				t.Fatalf("the seed has no text to keep in %s", tt.lang)
			}
			if got := tt.text[tt.lang]; got != tt.want {
				t.Errorf("text[%s] = %q, want %q", tt.lang, got, tt.want)
			}
			if got := tt.origins[tt.lang]; got != tt.origin {
				t.Errorf("origin[%s] = %q, want %q", tt.lang, got, tt.origin)
			}
		})
	}
}
