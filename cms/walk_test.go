package cms

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store/sqlite"
)

// fixtureEntry is one locale's version of an entry of the fixture, read
// generically, so that the check below does not share the sync's reading.
type fixtureEntry struct {
	ID    int            `json:"id"`
	Attrs map[string]any `json:"attributes"`
}

func (e fixtureEntry) str(k string) string { s, _ := e.Attrs[k].(string); return s }
func (e fixtureEntry) locale() string      { return e.str("locale") }

// rel returns the IDs a relation attribute names.
func (e fixtureEntry) rel(k string) []int {
	r, _ := e.Attrs[k].(map[string]any)
	var out []int
	switch d := r["data"].(type) {
	case map[string]any:
		out = append(out, int(d["id"].(float64)))
	case []any:
		for _, x := range d {
			out = append(out, int(x.(map[string]any)["id"].(float64)))
		}
	}
	return out
}

func (e fixtureEntry) summary() string {
	s, _ := e.Attrs["summary"].(map[string]any)
	c, _ := s["content"].(string)
	return c
}

// blocks are the quotes and sections of the entry's dynamic zone, read
// from the raw JSON: a quote's content and author, a section's title and
// its rich-text component's content, numbered in the zone's order.
func (e fixtureEntry) blocks() []dataset.Block {
	zone, _ := e.Attrs["content"].([]any)
	var out []dataset.Block
	for _, z := range zone {
		b := z.(map[string]any)
		str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
		switch b["__component"] {
		case "blocks.quote":
			out = append(out, dataset.Block{Lang: e.locale(), Position: len(out) + 1, Kind: dataset.BlockQuote, Text: str(b, "content"), Author: str(b, "author")})
		case "blocks.section":
			rich, _ := b["content"].(map[string]any)
			out = append(out, dataset.Block{Lang: e.locale(), Position: len(out) + 1, Kind: dataset.BlockSection, Title: str(b, "title"), Text: str(rich, "content")})
		}
	}
	return out
}

// checkBlocks compares the blocks of one language with the fixture's.
func checkBlocks(t *testing.T, what string, e fixtureEntry, got []dataset.Block) int {
	t.Helper()
	want := e.blocks()
	if len(want) == 0 {
		return 0
	}
	if got := dataset.BlocksIn(got, e.locale()); !slices.Equal(got, want) {
		t.Errorf("%s: blocks in %s = %+v, want %+v", what, e.locale(), got, want)
	}
	return len(want)
}

// checkAgainstFixture walks every entry of testdata/strapi.json in every
// locale and checks that snap holds what it says: names, titles, labels
// and summaries per locale (marked as the platform's wording), quotes and
// sections per locale, slugs,
// coordinates, featured flags and relations.
func checkAgainstFixture(t *testing.T, snap *dataset.Snapshot, origin string) {
	t.Helper()
	b, err := os.ReadFile("testdata/strapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string][]fixtureEntry
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[int]fixtureEntry{}
	for plural, es := range raw {
		byID[plural] = map[int]fixtureEntry{}
		for _, e := range es {
			byID[plural][e.ID] = e
		}
	}
	// primarySlug is the slug of the entry's English version (or its
	// own when it has none), the slug that names the entry.
	primarySlug := func(plural string, e fixtureEntry) string {
		if e.locale() == "en" {
			return e.str("slug")
		}
		for _, id := range e.rel("localizations") {
			if o, ok := byID[plural][id]; ok && o.locale() == "en" {
				return o.str("slug")
			}
		}
		return e.str("slug")
	}
	marked := func(plural string, e fixtureEntry, sources []dataset.Source) bool {
		return slices.Contains(sources, dataset.Source{URL: SourceURL(origin, plural, primarySlug(plural, e))})
	}
	countryOf := func(e fixtureEntry) string {
		names := map[string]string{e.locale(): e.str("name")}
		for _, id := range e.rel("localizations") {
			o := byID[PluralCountries][id]
			names[o.locale()] = o.str("name")
		}
		code, err := countryCode(e.str("slug"), names)
		if err != nil {
			t.Fatal(err)
		}
		return code
	}
	cityOf := func(id int) *dataset.Municipality {
		e := byID[PluralCities][id]
		for _, x := range snap.Municipalities {
			if marked(PluralCities, e, x.Sources) {
				return x
			}
		}
		t.Fatalf("no municipality has the mark of city %q", primarySlug(PluralCities, e))
		return nil
	}
	networkOf := func(id int) *dataset.Network {
		e := byID[PluralNetworks][id]
		for _, x := range snap.Networks {
			if marked(PluralNetworks, e, x.Sources) {
				return x
			}
		}
		t.Fatalf("no network has the mark of network %q", primarySlug(PluralNetworks, e))
		return nil
	}
	categoryOf := func(id int) *dataset.Category {
		e := byID[PluralCategories][id]
		for _, x := range snap.Categories {
			if marked(PluralCategories, e, x.Sources) {
				return x
			}
		}
		t.Fatalf("no category has the mark of category %q", primarySlug(PluralCategories, e))
		return nil
	}
	platform := func(what, l string, got dataset.Origins) {
		if got[l] != dataset.OriginPlatform {
			t.Errorf("%s: origin in %s = %q, want %q", what, l, got[l], dataset.OriginPlatform)
		}
	}
	checked, blocks := 0, 0
	for _, e := range raw[PluralCountries] {
		c, ok := snap.Country(countryOf(e))
		if !ok {
			t.Errorf("country %q (%d): missing", e.str("slug"), e.ID)
			continue
		}
		if got := c.Names[e.locale()]; got != e.str("name") {
			t.Errorf("country %s: names.%s = %q, want %q", c.ID, e.locale(), got, e.str("name"))
		}
		// Its names are the platform's wording, and the CMS its source,
		// whether the sync created it or it was ours.
		platform("country "+c.ID+" names", e.locale(), c.NamesOrigin)
		if !marked(PluralCountries, e, c.Sources) {
			t.Errorf("country %s: sources %v lack the CMS's entry %q", c.ID, c.Sources, primarySlug(PluralCountries, e))
		}
		checked++
	}
	for _, e := range raw[PluralNetworks] {
		n, l := networkOf(e.ID), e.locale()
		if n.Names[l] != e.str("name") {
			t.Errorf("network %s: names.%s = %q, want %q", n.ID, l, n.Names[l], e.str("name"))
		}
		if s := e.str("slug"); s != n.ID && !slices.Contains(n.Aliases, dataset.Alias{Lang: "und", Name: s}) {
			t.Errorf("network %s: slug %q is neither its ID nor an alias", n.ID, s)
		}
		checked++
	}
	for _, e := range raw[PluralCategories] {
		c, l := categoryOf(e.ID), e.locale()
		if c.Labels[l] != e.str("title") {
			t.Errorf("category %s: labels.%s = %q, want %q", c.ID, l, c.Labels[l], e.str("title"))
		}
		platform("category "+c.ID+" labels", l, c.LabelsOrigin)
		if s := e.str("slug"); s != c.ID && !slices.Contains(c.Aliases, s) {
			t.Errorf("category %s: the %s slug %q is neither its ID nor an alias", c.ID, l, s)
		}
		checked++
	}
	for _, e := range raw[PluralCities] {
		m, l := cityOf(e.ID), e.locale()
		if m.Names[l] != e.str("name") {
			t.Errorf("municipality %s: names.%s = %q, want %q", m.ID, l, m.Names[l], e.str("name"))
		}
		if s := e.summary(); s != "" {
			if m.Summary[l] != s {
				t.Errorf("municipality %s: summary.%s = %q, want %q", m.ID, l, m.Summary[l], s)
			}
			platform("municipality "+m.ID+" summary", l, m.SummaryOrigin)
		}
		if s := e.str("slug"); s != m.ID && !slices.Contains(m.Aliases, dataset.Alias{Lang: "und", Name: s}) {
			t.Errorf("municipality %s: slug %q is neither its ID nor an alias", m.ID, s)
		}
		if m.Featured != (e.Attrs["is_featured"] == true) {
			t.Errorf("municipality %s: featured = %v, want %v", m.ID, m.Featured, e.Attrs["is_featured"])
		}
		if lat, lng, ok := strings.Cut(e.str("coordinates"), ","); ok {
			la, _ := strconv.ParseFloat(strings.TrimSpace(lat), 64)
			lo, _ := strconv.ParseFloat(strings.TrimSpace(lng), 64)
			if m.Coordinates == nil || m.Coordinates.Lat != la || m.Coordinates.Lon != lo {
				t.Errorf("municipality %s: coordinates = %v, want %s", m.ID, m.Coordinates, e.str("coordinates"))
			}
		}
		for _, id := range e.rel("country") {
			if want := countryOf(byID[PluralCountries][id]); m.Country != want {
				t.Errorf("municipality %s: country = %q, want %q", m.ID, m.Country, want)
			}
		}
		if n := checkBlocks(t, "municipality "+m.ID, e, m.Blocks); n > 0 {
			blocks += n
			platform("municipality "+m.ID+" content", l, m.ContentOrigin)
		}
		for _, id := range e.rel("networks") {
			n := networkOf(id)
			if !slices.ContainsFunc(snap.Memberships, func(x *dataset.Membership) bool { return x.Municipality == m.ID && x.Network == n.ID }) {
				t.Errorf("municipality %s: no membership in %s", m.ID, n.ID)
			}
		}
		checked++
	}
	for _, e := range raw[PluralApproaches] {
		var a *dataset.Approach
		for _, x := range snap.Approaches {
			if marked(PluralApproaches, e, x.Sources) {
				a = x
			}
		}
		if a == nil {
			t.Errorf("approach %q: missing", e.str("slug"))
			continue
		}
		l := e.locale()
		if a.Title[l] != e.str("title") {
			t.Errorf("approach %s: title.%s = %q, want %q", a.ID, l, a.Title[l], e.str("title"))
		}
		platform("approach "+a.ID+" title", l, a.TitleOrigin)
		if s := e.summary(); s != "" {
			if a.Summary[l] != s {
				t.Errorf("approach %s: summary.%s = %q, want %q", a.ID, l, a.Summary[l], s)
			}
			platform("approach "+a.ID+" summary", l, a.SummaryOrigin)
		}
		if n := checkBlocks(t, "approach "+a.ID, e, a.Blocks); n > 0 {
			blocks += n
			platform("approach "+a.ID+" blocks", l, a.BlocksOrigin)
		}
		for _, id := range e.rel("city") {
			if m := cityOf(id); a.Municipality != m.ID {
				t.Errorf("approach %s: municipality = %q, want %q", a.ID, a.Municipality, m.ID)
			}
		}
		for _, id := range e.rel("categories") {
			if c := categoryOf(id); !slices.Contains(a.Categories, c.ID) {
				t.Errorf("approach %s: categories %v lack %q", a.ID, a.Categories, c.ID)
			}
		}
		checked++
	}
	if checked == 0 || blocks == 0 {
		t.Fatalf("the fixture has %d entries and %d quotes and sections", checked, blocks)
	}
}

// TestSyncFixtureIntoEmptyAndSeeded: the fixture synced into a truly
// empty store (no seed, no countries: they come from the CMS, their ISO
// codes from their names) and into the seeded one holds every field of
// every entry in every locale; a second sync changes nothing.
func TestSyncFixtureIntoEmptyAndSeeded(t *testing.T) {
	for _, start := range []string{"empty", "seeded"} {
		t.Run(start, func(t *testing.T) {
			var db *sqlite.DB
			if start == "seeded" {
				db, _ = openSeeded(t)
			} else {
				var err error
				db, err = sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "e.db"))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
			}
			_, srv := newFake(t)
			if _, err := syncOnce(t, db, srv.URL, false); err != nil {
				t.Fatal(err)
			}
			snap := reload(t, db)
			checkAgainstFixture(t, snap, srv.URL)
			if start == "empty" {
				var ids []string
				for _, c := range snap.Countries {
					ids = append(ids, c.ID)
				}
				if want := []string{"DE", "IT", "PL"}; !slices.Equal(ids, want) {
					t.Errorf("countries %v, want %v: the CMS's, and only those", ids, want)
				}
			}
			if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
				t.Errorf("second sync: %d changes, %v", len(again.Changes), err)
			}
		})
	}
}

// TestSyncKeepsEveryLocaleSlug: a city's, network's or approach's slug
// that differs in some locale (the content types share it between
// locales, but a CMS may localize it, as it does a category's) becomes an
// alias too; so does an approach's slug that differs from our ID.
func TestSyncKeepsEveryLocaleSlug(t *testing.T) {
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	editEntry(f, PluralCities, 38, func(a map[string]any) { a["slug"] = "danzig" })
	editEntry(f, PluralNetworks, 11, func(a map[string]any) { a["slug"] = "sichere-haefen-netz" })
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	// Then the editors change the slug of our open-harbors: the next sync
	// finds it by its (synced) title in Palermo.
	editEntry(f, PluralApproaches, 40, func(a map[string]any) { a["slug"] = "harbours-open" })
	editEntry(f, PluralApproaches, 41, func(a map[string]any) { a["slug"] = "porti-aperti" })
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	snap := reload(t, db)
	for _, c := range []struct {
		t        dataset.Type
		slug, id string
	}{
		{dataset.TypeMunicipality, "danzig", "gdansk"},
		{dataset.TypeMunicipality, "gdansk-city", "gdansk"},
		{dataset.TypeNetwork, "sichere-haefen-netz", "sichere-haefen"},
		{dataset.TypeApproach, "harbours-open", "open-harbors"},
		{dataset.TypeApproach, "porti-aperti", "open-harbors"},
	} {
		if id, ok := snap.BySlugAlias(c.t, c.slug); !ok || id != c.id {
			t.Errorf("%s slug %q finds %q (%v), want %q", c.t, c.slug, id, ok, c.id)
		}
	}
	if a, _ := snap.Approach("open-harbors"); !slices.Equal(a.Aliases, []string{"harbours-open", "porti-aperti"}) {
		t.Errorf("open-harbors aliases = %v, want the English slug, then the Italian", a.Aliases)
	}
	// The next sync finds it by its alias, and changes nothing.
	if rep, err := syncOnce(t, db, srv.URL, false); err != nil || len(rep.Changes) != 0 {
		t.Errorf("next sync: %+v, %v; want no change", rep.Changes, err)
	}
}

// TestSyncKeepsACountryGoneFromTheCMS: a country the CMS no longer lists
// stays (municipalities of ours may lie in it), even one the sync created,
// and only loses the CMS as a source; its names stay the platform's words.
func TestSyncKeepsACountryGoneFromTheCMS(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	pl, ok := reload(t, db).Country("PL")
	if !ok || !slices.Equal(pl.Sources, []dataset.Source{{URL: SourceURL(srv.URL, PluralCountries, "poland")}}) {
		t.Fatalf("created PL = %+v, want the CMS's entry as its source", pl)
	}
	f.remove(PluralCountries, 5)
	f.remove(PluralCities, 37, 38) // Gdańsk, the one city in Poland
	rep, err := syncOnce(t, db, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(dataset.Retire) != 1 { // gdansk-city, from the CMS alone
		t.Errorf("changes %+v, want gdansk-city retired and PL changed", rep.Changes)
	}
	after, ok := reload(t, db).Country("PL")
	if !ok || len(after.Sources) != 0 || after.NamesOrigin["en"] != dataset.OriginPlatform || after.Names["en"] != pl.Names["en"] {
		t.Errorf("PL after the CMS dropped it = %+v, %v; want it kept without sources", after, ok)
	}
	if again, err := syncOnce(t, db, srv.URL, false); err != nil || len(again.Changes) != 0 {
		t.Errorf("next sync: %+v, %v; want no change", again.Changes, err)
	}
}
