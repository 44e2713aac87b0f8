package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
)

const testBase = "https://data.test"

// testAPI is the whole handler (plumbing included) over a snapshot the
// test may swap.
type testAPI struct {
	t   testing.TB
	h   http.Handler
	cur *testStates
}

func newTestAPI(t testing.TB, d *dataset.Dataset, cfg Config) *testAPI {
	t.Helper()
	if cfg.BaseURI == "" {
		cfg.BaseURI = testBase
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1 // httptest clients are not loopback; tests of the limit set it
	}
	if cfg.FragmentsRateLimit == 0 {
		cfg.FragmentsRateLimit = -1
	}
	a := &testAPI{t: t, cur: &testStates{}}
	a.cur.Store(dataset.NewSnapshot(d, 1))
	a.h = mustNew(t, cfg, a.cur)
	return a
}

func seed(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// do sends a request; target may be an absolute URL under testBase.
func (a *testAPI) do(method, target string, header http.Header) *httptest.ResponseRecorder {
	a.t.Helper()
	target = strings.TrimPrefix(target, testBase)
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}

func (a *testAPI) get(target string) *httptest.ResponseRecorder {
	return a.do(http.MethodGet, target, nil)
}

// page is the generic shape of a list answer.
type testPage struct {
	Items []map[string]any `json:"items"`
	Total int              `json:"total"`
	Limit int              `json:"limit"`
	Next  string           `json:"next"`
	Prev  string           `json:"prev"`
}

func (p testPage) ids() []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i], _ = it["id"].(string)
	}
	return out
}

func (a *testAPI) list(target string) testPage {
	a.t.Helper()
	w := a.get(target)
	if w.Code != http.StatusOK {
		a.t.Fatalf("GET %s: %d %s", target, w.Code, w.Body)
	}
	var p testPage
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		a.t.Fatalf("GET %s: %v", target, err)
	}
	return p
}

// walk follows next links from target and returns every ID in order; after
// each page it calls between (if not nil) with the page number and the IDs
// returned so far.
func (a *testAPI) walk(target string, between func(page int, seen []string)) (ids []string, total int) {
	a.t.Helper()
	for n := 0; target != ""; n++ {
		if n > 10000 {
			a.t.Fatal("walk does not end")
		}
		p := a.list(target)
		ids = append(ids, p.ids()...)
		total = p.Total
		if p.Next != "" && len(p.Items) == 0 {
			a.t.Fatalf("%s: empty page with a next link", target)
		}
		target = p.Next
		if between != nil {
			between(n, ids)
		}
	}
	return ids, total
}

// walkBack follows prev links from target and returns every ID in order.
func (a *testAPI) walkBack(target string) []string {
	a.t.Helper()
	var pages [][]string
	for n := 0; target != ""; n++ {
		if n > 10000 {
			a.t.Fatal("walk does not end")
		}
		p := a.list(target)
		pages = append(pages, p.ids())
		target = p.Prev
	}
	var ids []string
	for i := len(pages) - 1; i >= 0; i-- {
		ids = append(ids, pages[i]...)
	}
	return ids
}

func once(t *testing.T, what string, got, want []string) {
	t.Helper()
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%s: %s returned %d times", what, id, n)
		}
	}
	for _, id := range want {
		if seen[id] == 0 {
			t.Errorf("%s: %s never returned", what, id)
		}
	}
}

func TestSearch(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for _, tc := range []struct {
		list, q string
		first   string   // expected first hit
		include []string // expected among the hits
	}{
		{"/municipalities", "munchen", "munich", []string{"grafing-bei-munchen"}},
		{"/municipalities", "Munich", "munich", nil},
		{"/municipalities", "MÜNCHEN", "munich", nil},
		{"/municipalities", "münch", "munich", []string{"grafing-bei-munchen"}},
		{"/municipalities", "muenchen", "munich", []string{"grafing-bei-munchen"}},
		{"/municipalities", "koeln", "cologne", nil},
		{"/municipalities", "Köln", "cologne", nil},
		{"/municipalities", "Αθήνα", "athens", nil},
		{"/municipalities", "αθηνα", "athens", nil},
		{"/municipalities", "athina", "athens", nil},
		{"/municipalities", "gdansk", "gdansk", nil},
		{"/municipalities", "Gdańsk", "gdansk", nil},
		{"/municipalities", "GDAŃSK", "gdansk", nil},
		{"/municipalities", "gdan", "gdansk", nil},
		{"/municipalities", "Danzig", "gdansk", nil},
		{"/municipalities", "Warszawa", "warsaw", nil},
		{"/municipalities", "warschau", "warsaw", nil},
		{"/municipalities", "Βαρσοβία", "warsaw", nil},
		{"/municipalities", "napoli", "naples", nil},
		{"/municipalities", "Thessaloniki", "thessaloniki", nil},
		{"/municipalities", "θεσσαλονικη", "thessaloniki", nil},
		{"/municipalities", "Ижевск", "izhevsk", nil},
		{"/municipalities", "melitopol", "melitopol", nil},
		{"/municipalities", "rottenburg neckar", "rottenburg", nil},
		{"/municipalities", "kreis nordfriesland", "nordfriesland", nil},
		{"/municipalities", "  a coruna ", "a-coruna", nil},
		{"/networks", "safe havens", "sichere-haefen", nil},
		{"/networks", "staedte sicherer", "staedte-sicherer-haefen", nil},
		{"/networks", "Städte", "staedte-sicherer-haefen", nil},
		{"/countries", "deutschland", "DE", nil},
		{"/countries", "Ελλάδα", "GR", nil},
		{"/categories", "inclusion", "", []string{"intercultural-inclusion-anti-racism", "social-rights-inclusion"}},
		{"/memberships", "munich", "", nil},
		{"/networks/solidarity-cities/members", "munchen", "munich-solidarity-cities", nil},
	} {
		t.Run(tc.list+"?q="+tc.q, func(t *testing.T) {
			p := a.list(tc.list + "?q=" + url.QueryEscape(tc.q))
			ids := p.ids()
			if len(ids) == 0 {
				t.Fatalf("no hit")
			}
			if tc.first != "" && ids[0] != tc.first {
				t.Errorf("first hit %s, want %s (all: %v)", ids[0], tc.first, ids)
			}
			for _, id := range tc.include {
				if !slices.Contains(ids, id) {
					t.Errorf("%s not found in %v", id, ids)
				}
			}
			if p.Total != len(ids) {
				t.Errorf("total %d, items %d", p.Total, len(ids))
			}
		})
	}
	t.Run("no match", func(t *testing.T) {
		if p := a.list("/municipalities?q=xqzwv"); p.Total != 0 || len(p.Items) != 0 || p.Next != "" {
			t.Errorf("got %+v", p)
		}
	})
	t.Run("sorted search", func(t *testing.T) {
		ids := a.list("/municipalities?q=munchen&sort=-id").ids()
		if !slices.Equal(ids, []string{"munich", "grafing-bei-munchen"}) {
			t.Errorf("got %v", ids)
		}
	})
}

func TestFilters(t *testing.T) {
	d := seed(t)
	snap := dataset.NewSnapshot(d, 1)
	a := newTestAPI(t, d, Config{})
	count := func(pred func(m *dataset.Municipality) bool) int {
		n := 0
		for _, m := range snap.Municipalities {
			if pred(m) {
				n++
			}
		}
		return n
	}
	members := map[string]bool{}
	for _, ms := range snap.MembersOf("solidarity-cities") {
		members[ms.Municipality] = true
	}
	withApproachIn := map[string]bool{}
	for _, ap := range snap.ApproachesIn("reception") {
		withApproachIn[ap.Municipality] = true
	}
	inGermanyBox := func(c *dataset.Coordinates) bool {
		return c != nil && c.Lat >= 47.2 && c.Lat <= 55.1 && c.Lon >= 5.8 && c.Lon <= 15.1
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"country=DE", count(func(m *dataset.Municipality) bool { return m.Country == "DE" })},
		{"featured=true", count(func(m *dataset.Municipality) bool { return m.Featured })},
		{"featured=false", count(func(m *dataset.Municipality) bool { return !m.Featured })},
		{"has_wikidata=true", count(func(m *dataset.Municipality) bool { return m.Wikidata != "" })},
		{"has_wikidata=false", count(func(m *dataset.Municipality) bool { return m.Wikidata == "" })},
		{"wikidata=Q1726", 1},
		{"wikidata=Q99999999", 0},
		{"network=solidarity-cities", len(members)},
		{"category=reception", len(withApproachIn)},
		{"category=residence-security", count(func(m *dataset.Municipality) bool { // a former category ID
			for _, ap := range snap.ApproachesOf(m.ID) {
				if slices.Contains(ap.Categories, "residence-protection-against-deportation") {
					return true
				}
			}
			return false
		})},
		{"bbox=5.8,47.2,15.1,55.1", count(func(m *dataset.Municipality) bool { return inGermanyBox(m.Coordinates) })},
		{"country=DE&featured=true", count(func(m *dataset.Municipality) bool { return m.Country == "DE" && m.Featured })},
		{"country=DE&network=solidarity-cities&q=m", -1},
		{"status=active", count(func(m *dataset.Municipality) bool { return m.Status == dataset.StatusActive })},
		{"status=withdrawn", 0},
		{"status=unknown", count(func(m *dataset.Municipality) bool { return m.Status == dataset.StatusUnknown })},
	} {
		t.Run(tc.query, func(t *testing.T) {
			ids, total := a.walk("/municipalities?limit=10&"+tc.query, nil)
			if tc.want >= 0 && total != tc.want {
				t.Errorf("total %d, want %d", total, tc.want)
			}
			if len(ids) != total {
				t.Errorf("walked %d records, total says %d", len(ids), total)
			}
			once(t, tc.query, ids, nil)
		})
	}
	t.Run("wikidata", func(t *testing.T) {
		if ids := a.list("/municipalities?wikidata=Q1726").ids(); !slices.Equal(ids, []string{"munich"}) {
			t.Errorf("got %v", ids)
		}
	})
	t.Run("other lists", func(t *testing.T) {
		for _, tc := range []struct {
			target string
			want   int
		}{
			{"/memberships?network=solidarity-cities", len(snap.MembersOf("solidarity-cities"))},
			{"/networks/solidarity-cities/members", len(snap.MembersOf("solidarity-cities"))},
			{"/memberships?municipality=munich", len(snap.MembershipsOf("munich"))},
			{"/approaches?category=reception", len(snap.ApproachesIn("reception"))},
			{"/approaches?municipality=gdansk", len(snap.ApproachesOf("gdansk"))},
			{"/networks?scope=national", -1},
			{"/countries?has_wikidata=true", len(snap.Countries)},
			{"/countries?wikidata=Q183", 1},
		} {
			ids, total := a.walk(tc.target, nil)
			if tc.want >= 0 && total != tc.want {
				t.Errorf("%s: total %d, want %d", tc.target, total, tc.want)
			}
			if len(ids) != total {
				t.Errorf("%s: walked %d, total %d", tc.target, len(ids), total)
			}
		}
	})
}

// stamped returns the seed with modification times spread over a year.
func stamped(t testing.TB) *dataset.Dataset {
	d := seed(t)
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range d.Municipalities {
		d.Municipalities[i].Created = base
		d.Municipalities[i].Modified = base.Add(time.Duration(i) * 24 * time.Hour)
	}
	d.Municipalities[3].Population = &dataset.Population{Value: 1000, Year: 2020}
	d.Municipalities[7].Population = &dataset.Population{Value: 5000, Year: 2020}
	return d
}

func TestModifiedSinceAndSort(t *testing.T) {
	d := stamped(t)
	a := newTestAPI(t, d, Config{})
	since := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(100 * 24 * time.Hour)
	p := a.list("/municipalities?limit=1000&modified_since=" + url.QueryEscape(since.Format(time.RFC3339)))
	if p.Total != len(d.Municipalities)-100 {
		t.Errorf("modified_since: total %d, want %d", p.Total, len(d.Municipalities)-100)
	}
	ids := a.list("/municipalities?limit=3&sort=-modified").ids()
	n := len(d.Municipalities)
	want := []string{d.Municipalities[n-1].ID, d.Municipalities[n-2].ID, d.Municipalities[n-3].ID}
	if !slices.Equal(ids, want) {
		t.Errorf("sort=-modified: got %v, want %v", ids, want)
	}
	ids = a.list("/municipalities?limit=3&sort=-population").ids()
	if len(ids) != 3 || ids[0] != d.Municipalities[7].ID || ids[1] != d.Municipalities[3].ID {
		t.Errorf("sort=-population: got %v (missing values must sort last)", ids)
	}
	var prev string
	names, _ := a.walk("/municipalities?limit=50&sort=name", nil)
	snap := dataset.NewSnapshot(d, 1)
	for _, id := range names {
		m, _ := snap.Municipality(id)
		k := dataset.Fold(englishOrFirst(m.Names))
		if k < prev {
			t.Errorf("sort=name: %q after %q", k, prev)
		}
		prev = k
	}
}

func TestPaginationWalk(t *testing.T) {
	d := seed(t)
	snap := dataset.NewSnapshot(d, 1)
	a := newTestAPI(t, d, Config{})
	lists := []struct {
		path string
		ids  []string
	}{
		{"/municipalities", idsOf(snap.Municipalities, func(x *dataset.Municipality) string { return x.ID })},
		{"/countries", idsOf(snap.Countries, func(x *dataset.Country) string { return x.ID })},
		{"/networks", idsOf(snap.Networks, func(x *dataset.Network) string { return x.ID })},
		{"/memberships", idsOf(snap.Memberships, func(x *dataset.Membership) string { return x.ID })},
		{"/approaches", idsOf(snap.Approaches, func(x *dataset.Approach) string { return x.ID })},
		{"/categories", idsOf(snap.Categories, func(x *dataset.Category) string { return x.ID })},
	}
	for _, l := range lists {
		for _, sort := range []string{"", "id", "-id", "name", "-name", "modified", "-since", "title", "-label"} {
			target := l.path + "?limit=7"
			if sort != "" {
				target += "&sort=" + sort
			}
			if w := a.get(target); w.Code != http.StatusOK {
				continue // not a sort of this list
			}
			t.Run(target, func(t *testing.T) {
				got, total := a.walk(target, nil)
				if total != len(l.ids) || len(got) != len(l.ids) {
					t.Errorf("walked %d, total %d, want %d", len(got), total, len(l.ids))
				}
				once(t, target, got, l.ids)
				// The last page's prev links lead back over the same records.
				p := a.list(target)
				for p.Next != "" {
					p = a.list(p.Next)
				}
				var last string
				if p.Prev != "" {
					last = p.Prev
				}
				back := a.walkBack(last)
				back = append(back, p.ids()...)
				if !slices.Equal(back, got) {
					t.Errorf("walking back gives another order:\n%v\n%v", back, got)
				}
			})
		}
	}
	t.Run("limit", func(t *testing.T) {
		if p := a.list("/municipalities"); len(p.Items) != 50 || p.Limit != 50 {
			t.Errorf("default limit: %d items, limit %d", len(p.Items), p.Limit)
		}
		if p := a.list("/municipalities?limit=1000"); len(p.Items) != len(snap.Municipalities) || p.Next != "" {
			t.Errorf("limit=1000: %d items, next %q", len(p.Items), p.Next)
		}
	})
	t.Run("link header", func(t *testing.T) {
		w := a.get("/municipalities?limit=5&country=DE")
		links := strings.Join(w.Header().Values("Link"), ", ")
		for _, want := range []string{`rel="next"`, `rel="first"`, `<` + testBase + `/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`} {
			if !strings.Contains(links, want) {
				t.Errorf("Link %q lacks %q", links, want)
			}
		}
		if strings.Contains(links, `rel="prev"`) {
			t.Errorf("first page with a prev link: %s", links)
		}
		var p testPage
		_ = json.Unmarshal(w.Body.Bytes(), &p)
		if !strings.Contains(links, "<"+p.Next+`>; rel="next"`) || !strings.Contains(p.Next, "country=DE") {
			t.Errorf("next link %q does not keep the filters or match the header %s", p.Next, links)
		}
	})
}

// TestPaginationWhileDataChanges swaps in new snapshots between pages:
// every record present throughout is returned exactly once.
func TestPaginationWhileDataChanges(t *testing.T) {
	for _, sort := range []string{"id", "-id", "name", "-name", "country"} {
		t.Run(sort, func(t *testing.T) {
			d := seed(t)
			a := newTestAPI(t, d, Config{})
			original := idsOf(a.cur.Load().Municipalities, func(x *dataset.Municipality) string { return x.ID })
			var removed string
			rev := int64(1)
			got, _ := a.walk("/municipalities?limit=20&sort="+sort, func(page int, seen []string) {
				// Insert records everywhere in the order, and remove one
				// that is not yet returned, after every page.
				rev++
				for _, name := range []string{"Aaa", "Mmm", "Zzz", "Ääb"} {
					id := fmt.Sprintf("%s-inserted-%d", strings.ToLower(dataset.Fold(name)), page)
					d.Municipalities = append(d.Municipalities, dataset.Municipality{ID: id,
						Names: dataset.Names{"en": fmt.Sprintf("%s inserted %d", name, page)}, Country: "DE", Status: dataset.StatusActive})
				}
				if page == 0 {
					for _, id := range original[len(original)/2:] {
						if !slices.Contains(seen, id) {
							removed = id
							break
						}
					}
					d.Municipalities = slices.DeleteFunc(d.Municipalities, func(m dataset.Municipality) bool { return m.ID == removed })
				}
				a.cur.Store(dataset.NewSnapshot(d, rev))
			})
			want := slices.DeleteFunc(slices.Clone(original), func(id string) bool { return id == removed })
			once(t, sort, got, want)
			if slices.Contains(got, removed) {
				t.Errorf("record %s, removed before it was reached, was returned", removed)
			}
			var inserted int
			for _, id := range got {
				if strings.Contains(id, "-inserted-") {
					inserted++
				}
			}
			if inserted == 0 {
				t.Errorf("no record inserted ahead of the cursor was returned")
			}
		})
	}
}

func TestProblems(t *testing.T) {
	d := seed(t)
	d.Retired = []dataset.Retired{
		{Type: dataset.TypeMunicipality, ID: "old-munich", ReplacedBy: "munich", Reason: "renamed"},
		{Type: dataset.TypeMunicipality, ID: "gone-town", Reason: "listed by mistake"},
	}
	a := newTestAPI(t, d, Config{})
	other := a.list("/countries?limit=1").Next
	otherCursor, _ := url.Parse(other)
	byName := a.list("/municipalities?limit=1&sort=name").Next
	byNameCursor, _ := url.Parse(byName)
	for _, tc := range []struct {
		target string
		status int
		detail string // part of the detail or an error message
	}{
		{"/municipalities?bogus=1", 422, "unknown query parameter"},
		{"/municipalities?limit=0", 422, "expected number >= 1"},
		{"/municipalities?limit=1001", 422, "expected number <= 1000"},
		{"/municipalities?limit=ten", 422, "invalid integer"},
		{"/municipalities?sort=height", 422, "expected value to be one of"},
		{"/municipalities?sort=relevance", 422, "needs a q"},
		{"/municipalities?country=Atlantis", 422, "neither an ISO 3166-1"},
		{"/networks?country=xx", 422, "no country has the ID"},
		{"/municipalities?country=XX", 422, `no country has the ID "XX"`},
		{"/municipalities?network=nope", 422, `no network has the ID "nope"`},
		{"/municipalities?category=nope", 422, `no category has the ID "nope"`},
		{"/municipalities?featured=maybe", 422, "invalid boolean"},
		{"/municipalities?wikidata=64", 422, "pattern"},
		{"/municipalities?bbox=1,2,3", 422, "four numbers"},
		{"/municipalities?bbox=1,2,x,4", 422, "not a number"},
		{"/municipalities?bbox=1,50,3,40", 422, "south must not be greater than north"},
		{"/municipalities?bbox=1,2,300,4", 422, "longitudes"},
		{"/municipalities?modified_since=2025-01-01", 422, "invalid date/time"},
		{"/municipalities?q=" + url.QueryEscape("!!!"), 422, "no letter or digit"},
		{"/municipalities?cursor=abc", 400, "cursor is malformed"},
		{"/municipalities?cursor=" + otherCursor.Query().Get("cursor"), 400, "issued for /countries"},
		{"/municipalities?sort=id&cursor=" + byNameCursor.Query().Get("cursor"), 400, "issued for sort=name"},
		{"/memberships?municipality=nope", 422, `no municipality has the ID "nope"`},
		{"/approaches?status=done", 422, "expected value to be one of"},
		{"/municipalities/nope", 404, `no municipality has the ID "nope"`},
		{"/municipalities/gone-town", 410, "listed by mistake"},
		{"/municipalities/old-munich", 301, `is now "munich"`},
		{"/categories/inclusion", 301, "former ID"},
		{"/networks/nope/members", 404, `no network has the ID "nope"`},
		{"/countries/de", 404, `no country has the ID "de"`},
		{"/municipalities/munich?lang=de", 422, "unknown query parameter"},
		{"/wikidata/Q1726?x=1", 422, "unknown query parameter"},
		{"/wikidata/64", 400, "not a Wikidata item ID"},
		{"/wikidata/Q0", 400, "not a Wikidata item ID"},
		{"/wikidata/Q99999999", 404, "no municipality, network or country"},
		{"/no/such/thing", 404, "nothing is published at /no/such/thing"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			w := a.get(tc.target)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			var prob struct {
				Title  string `json:"title"`
				Status int    `json:"status"`
				Detail string `json:"detail"`
				Errors []struct {
					Message, Location string
				} `json:"errors"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &prob); err != nil {
				t.Fatal(err)
			}
			if prob.Status != tc.status || prob.Title == "" {
				t.Errorf("problem %+v", prob)
			}
			text := prob.Detail
			for _, e := range prob.Errors {
				text += " | " + e.Location + ": " + e.Message
			}
			if !strings.Contains(text, tc.detail) {
				t.Errorf("problem %q does not say %q", text, tc.detail)
			}
			if tc.status == 301 && !strings.HasPrefix(w.Header().Get("Location"), testBase+"/") {
				t.Errorf("Location %q", w.Header().Get("Location"))
			}
		})
	}
	t.Run("method", func(t *testing.T) {
		// Documents take GET, HEAD and the editors' PUT, PATCH and DELETE.
		w := a.do(http.MethodPost, "/municipalities/munich", nil)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("POST: %d %s", w.Code, w.Header().Get("Content-Type"))
		}
	})
}

func TestWikidataRedirect(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for qid, want := range map[string]string{
		"Q1726": testBase + "/municipalities/munich",
		"Q1792": testBase + "/municipalities/gdansk",
		"Q183":  testBase + "/countries/DE",
	} {
		w := a.get("/wikidata/" + qid)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != want {
			t.Errorf("%s: %d Location %q, want 303 %q", qid, w.Code, w.Header().Get("Location"), want)
		}
		if got := a.get(w.Header().Get("Location")); got.Code != http.StatusOK {
			t.Errorf("%s: the redirect target answers %d", qid, got.Code)
		}
	}
}

func TestGetEntities(t *testing.T) {
	d := seed(t)
	snap := dataset.NewSnapshot(d, 1)
	a := newTestAPI(t, d, Config{})
	w := a.get("/municipalities/munich")
	if w.Code != http.StatusOK {
		t.Fatal(w.Code, w.Body)
	}
	if !strings.Contains(strings.Join(w.Header().Values("Link"), ","), `rel="http://www.w3.org/ns/json-ld#context"`) {
		t.Errorf("no JSON-LD context link: %v", w.Header().Values("Link"))
	}
	var m map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &m)
	for k, want := range map[string]any{
		"id": "munich", "iri": testBase + "/id/municipality/munich", "type": "Municipality",
		"country": "DE", "wikidata": "Q1726", "featured": false, "status": "active",
	} {
		if m[k] != want {
			t.Errorf("%s = %v, want %v", k, m[k], want)
		}
	}
	if names, _ := m["names"].(map[string]any); names["de"] != "München" {
		t.Errorf("names %v", m["names"])
	}
	if c, _ := m["coordinates"].(map[string]any); c["lat"] != 48.1375 || c["lon"] != 11.575 {
		t.Errorf("coordinates %v", m["coordinates"])
	}
	// Every list item is the entity's document.
	for _, tc := range []struct {
		path string
		ids  []string
	}{
		{"/countries", idsOf(snap.Countries, func(x *dataset.Country) string { return x.ID })},
		{"/networks", idsOf(snap.Networks, func(x *dataset.Network) string { return x.ID })},
		{"/approaches", idsOf(snap.Approaches, func(x *dataset.Approach) string { return x.ID })},
		{"/categories", idsOf(snap.Categories, func(x *dataset.Category) string { return x.ID })},
		{"/memberships", idsOf(snap.Memberships, func(x *dataset.Membership) string { return x.ID })[:20]},
	} {
		p := a.list(tc.path + "?limit=1000")
		for j, id := range tc.ids {
			w := a.get(tc.path + "/" + url.PathEscape(id))
			if w.Code != http.StatusOK {
				t.Errorf("%s/%s: %d", tc.path, id, w.Code)
				continue
			}
			var doc map[string]any
			_ = json.Unmarshal(w.Body.Bytes(), &doc)
			delete(doc, "$schema")
			item := p.Items[j]
			if fmt.Sprint(doc) != fmt.Sprint(item) {
				t.Errorf("%s/%s differs from its list item:\n%v\n%v", tc.path, id, doc, item)
			}
		}
	}
	// A network's members carry the member municipality.
	p := a.list("/networks/solidarity-cities/members?q=munich")
	if len(p.Items) != 1 {
		t.Fatalf("members of solidarity-cities named munich: %v", p.ids())
	}
	member, _ := p.Items[0]["member"].(map[string]any)
	if member["id"] != "munich" || member["country"] != "DE" || p.Items[0]["network"] != "solidarity-cities" {
		t.Errorf("member item %v", p.Items[0])
	}
}

func TestEntityBody(t *testing.T) {
	snap := dataset.NewSnapshot(seed(t), 1)
	s := mustServer(t, Config{BaseURI: testBase}, nil)
	for _, typ := range dataset.Types {
		if _, ok := s.entityBody(snap, typ, "no-such-id"); ok {
			t.Errorf("%s: found a missing entity", typ)
		}
	}
	body, ok := s.entityBody(snap, dataset.TypeMunicipality, "gdansk")
	if m, _ := body.(Municipality); !ok || m.IRI != testBase+"/id/municipality/gdansk" || !m.Featured {
		t.Errorf("gdansk: %+v", body)
	}
}

func TestNoSnapshot(t *testing.T) {
	h := mustNew(t, Config{BaseURI: testBase, RateLimit: -1}, &testStates{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/municipalities", nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

// englishOrFirst is the name a list sorts by: English, else the first
// language in tag order.
func englishOrFirst(names dataset.Names) string {
	if n := names["en"]; n != "" {
		return n
	}
	for _, l := range slices.Sorted(maps.Keys(names)) {
		if names[l] != "" {
			return names[l]
		}
	}
	return ""
}

// idsOf lists the IDs of xs.
func idsOf[T any](xs []*T, id func(*T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// The sort options the operations declare are the read model's.
func TestSortEnumsAreTheReadModels(t *testing.T) {
	v := query.NewView(dataset.NewSnapshot(seed(t), 1))
	for typ, in := range map[dataset.Type]reflect.Type{
		dataset.TypeMunicipality: reflect.TypeFor[ListMunicipalitiesInput](),
		dataset.TypeCountry:      reflect.TypeFor[ListCountriesInput](),
		dataset.TypeNetwork:      reflect.TypeFor[ListNetworksInput](),
		dataset.TypeMembership:   reflect.TypeFor[ListMembershipsInput](),
		dataset.TypeApproach:     reflect.TypeFor[ListApproachesInput](),
		dataset.TypeCategory:     reflect.TypeFor[ListCategoriesInput](),
	} {
		f, _ := in.FieldByName("Sort")
		declared := strings.Split(f.Tag.Get("enum"), ",")
		slices.Sort(declared)
		have := v.SortOptions(typ)
		slices.Sort(have)
		if !slices.Equal(declared, have) {
			t.Errorf("%s: the operation declares sort %v, the read model has %v", typ, declared, have)
		}
	}
}

// The REST JSON gives each text's languages with their origins, each
// source with the day it was read, and the seed's records dated by when
// their facts were gathered (issue 19).
func TestJSONOriginsSourcesAndDates(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for _, c := range []struct{ path, text, origin string }{
		{"/approaches/charter", "title", "title_origin"},
		{"/approaches/charter", "summary", "summary_origin"},
		{"/municipalities/berlin", "summary", "summary_origin"},
		{"/networks/anvita", "description", "description_origin"},
		{"/categories/reception", "definitions", "definitions_origin"},
		{"/categories/reception", "labels", "labels_origin"},
	} {
		w := a.get(c.path)
		var body map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != http.StatusOK {
			t.Fatalf("%s: %d %v", c.path, w.Code, err)
		}
		texts, _ := body[c.text].(map[string]any)
		origins, _ := body[c.origin].(map[string]any)
		for _, lang := range dataset.Languages {
			want := "translation"
			if lang == "en" || (c.text == "labels" && lang == "de") {
				want = "own"
			}
			if s, _ := texts[lang].(string); s == "" || origins[lang] != want {
				t.Errorf("%s %s.%s %q, origin %v, want %q", c.path, c.text, lang, s, origins[lang], want)
			}
		}
		if body["created"] != "2026-11-26T00:00:00Z" || body["modified"] != "2026-11-26T00:00:00Z" {
			t.Errorf("%s: created %v modified %v", c.path, body["created"], body["modified"])
		}
		srcs, _ := body["sources"].([]any)
		for _, s := range srcs {
			if src, _ := s.(map[string]any); src["accessed"] != "2026-11-26" {
				t.Errorf("%s: source %v without the day it was read", c.path, src)
			}
		}
		if len(srcs) == 0 {
			t.Errorf("%s: no sources", c.path)
		}
	}
}
