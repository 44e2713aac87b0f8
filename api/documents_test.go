package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

// docRef names a document the tests fetch: an entity, or a removed ID
// (gone) whose tombstone answers 410.
type docRef struct {
	t    dataset.Type
	id   string
	gone *dataset.Retired
}

func (d docRef) path() string { return "/" + d.t.Plural() + "/" + url.PathEscape(d.id) }

// allDocs lists every entity of snap and every removed ID.
func allDocs(snap *dataset.Snapshot) []docRef {
	var out []docRef
	for _, x := range snap.Countries {
		out = append(out, docRef{t: dataset.TypeCountry, id: x.ID})
	}
	for _, x := range snap.Categories {
		out = append(out, docRef{t: dataset.TypeCategory, id: x.ID})
	}
	for _, x := range snap.Networks {
		out = append(out, docRef{t: dataset.TypeNetwork, id: x.ID})
	}
	for _, x := range snap.Municipalities {
		out = append(out, docRef{t: dataset.TypeMunicipality, id: x.ID})
	}
	for _, x := range snap.Memberships {
		out = append(out, docRef{t: dataset.TypeMembership, id: x.ID})
	}
	for _, x := range snap.Approaches {
		out = append(out, docRef{t: dataset.TypeApproach, id: x.ID})
	}
	for _, r := range snap.Retired {
		if _, current, _ := snap.Retirement(r.Type, r.ID); current == "" {
			out = append(out, docRef{t: r.Type, id: r.ID, gone: r})
		}
	}
	return out
}

// want is the graph a document must have.
func (d docRef) want(t *testing.T, snap *dataset.Snapshot) []vocab.Triple {
	t.Helper()
	var doc *graph.Doc
	var err error
	if d.gone != nil {
		doc, err = graph.Tombstone(testBase, d.gone)
	} else {
		doc, _, err = graph.Entity(testBase, snap, d.t, d.id)
	}
	if err != nil {
		t.Fatal(err)
	}
	ts, err := doc.Triples()
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func escapingAPI(t *testing.T) (*testAPI, *dataset.Snapshot) {
	t.Helper()
	a := newTestAPI(t, graphtest.Escaping(t), Config{})
	return a, a.cur.Load()
}

// fetch gets a document in format f and checks the status.
func (a *testAPI) fetch(d docRef, f *exporters.Format) []byte {
	a.t.Helper()
	w := a.get(d.path() + f.Suffix)
	want := http.StatusOK
	if d.gone != nil {
		want = http.StatusGone
	}
	if w.Code != want {
		a.t.Fatalf("%s%s: %d, want %d: %s", d.path(), f.Suffix, w.Code, want, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != f.ContentType {
		a.t.Errorf("%s%s: Content-Type %q", d.path(), f.Suffix, ct)
	}
	return w.Body.Bytes()
}

// Every document of the seed and of the escaping records (names with
// quotes, backslashes, line breaks, tabs, Greek, Cyrillic, right-to-left
// scripts, emoji), tombstones included, is one graph in every format:
// N-Triples and Turtle read by knakk and n3, JSON-LD by the jsonld
// processor with the served context.
func TestDocumentsAreOneGraph(t *testing.T) {
	a, snap := escapingAPI(t)
	docs := allDocs(snap)
	want := make([][]vocab.Triple, len(docs))
	var ttl, nt [][]byte
	var lds, flat []json.RawMessage
	for i, d := range docs {
		want[i] = d.want(t, snap)
		for _, f := range []*exporters.Format{exporters.NTriples, exporters.Turtle} {
			body := a.fetch(d, f)
			got, err := graphtest.Knakk(body, f.Name)
			if err != nil {
				t.Fatalf("%s%s: %v\n%s", d.path(), f.Suffix, err, body)
			}
			graphtest.SameGraph(t, d.path()+f.Suffix+" (knakk)", want[i], got)
			if f == exporters.Turtle {
				ttl = append(ttl, body)
			} else {
				nt = append(nt, body)
			}
		}
		lds = append(lds, a.fetch(d, exporters.JSONLD))
		flat = append(flat, a.fetchFlattened(d))
	}
	ctx := a.get("/context.jsonld").Body.Bytes()
	t.Run("n3", func(t *testing.T) {
		for i, g := range graphtest.N3(t, ttl, "text/turtle") {
			graphtest.SameGraph(t, docs[i].path()+".ttl (n3)", want[i], g)
		}
		for i, g := range graphtest.N3(t, nt, "application/n-triples") {
			graphtest.SameGraph(t, docs[i].path()+".nt (n3)", want[i], g)
		}
	})
	t.Run("jsonld", func(t *testing.T) {
		got := graphtest.JSONLD(t, lds, map[string]json.RawMessage{testBase + "/context.jsonld": ctx})
		for i, g := range got {
			if !graphtest.SameGraph(t, docs[i].path()+".jsonld (jsonld)", want[i], g) {
				t.Logf("%s", lds[i])
			}
		}
	})
	// The flattened form, for JSON-LD 1.0 processors (issue 17).
	t.Run("jsonld 1.0", func(t *testing.T) {
		got := graphtest.JSONLD10(t, flat)
		for i, g := range got {
			if !graphtest.SameGraph(t, docs[i].path()+" flattened (jsonld 1.0)", want[i], g) {
				t.Logf("%s", flat[i])
			}
		}
	})
}

// fetchFlattened gets a document in the flattened JSON-LD form by its
// profile and checks the status and headers.
func (a *testAPI) fetchFlattened(d docRef) []byte {
	a.t.Helper()
	w := a.do(http.MethodGet, d.path(), http.Header{"Accept": {`application/ld+json;profile="` + vocab.FlattenedProfile + `"`}})
	want := http.StatusOK
	if d.gone != nil {
		want = http.StatusGone
	}
	if w.Code != want {
		a.t.Fatalf("%s flattened: %d, want %d: %s", d.path(), w.Code, want, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != jsonldFlattened.ContentType {
		a.t.Errorf("%s flattened: Content-Type %q", d.path(), ct)
	}
	if loc := w.Header().Get("Content-Location"); loc != "" {
		a.t.Errorf("%s flattened: Content-Location %q names other bytes", d.path(), loc)
	}
	// Flattened: one node object per node.
	var doc struct {
		Graph []struct {
			ID string `json:"@id"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil || len(doc.Graph) == 0 {
		a.t.Fatalf("%s flattened: no @graph (%v): %s", d.path(), err, w.Body)
	}
	seen := map[string]bool{}
	for _, n := range doc.Graph {
		if seen[n.ID] {
			a.t.Errorf("%s flattened: two node objects for %s", d.path(), n.ID)
		}
		seen[n.ID] = true
	}
	return w.Body.Bytes()
}

// Raptor reads the escaping records' documents, and a sample of the
// seed's, in RDF/XML, Turtle and N-Triples without a warning, as the same
// graph.
func TestDocumentsInRapper(t *testing.T) {
	a, snap := escapingAPI(t)
	for i, d := range allDocs(snap) {
		if !strings.HasPrefix(d.id, "escaping-") && i%40 != 0 {
			continue
		}
		want := d.want(t, snap)
		for f, syntax := range map[*exporters.Format]string{exporters.RDFXML: "rdfxml", exporters.Turtle: "turtle", exporters.NTriples: "ntriples"} {
			graphtest.SameGraph(t, d.path()+f.Suffix+" (rapper)", want, graphtest.Rapper(t, a.fetch(d, f), syntax))
		}
	}
}

// The JSON-LD document is the API's JSON with its @context and what the
// graph has beyond it: every key of the JSON has the same value there.
func TestJSONLDIsTheAPIsJSON(t *testing.T) {
	a, snap := escapingAPI(t)
	for _, d := range allDocs(snap) {
		if d.gone != nil {
			continue
		}
		var js, ld map[string]any
		if err := json.Unmarshal(a.get(d.path()).Body.Bytes(), &js); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(a.fetch(d, exporters.JSONLD), &ld); err != nil {
			t.Fatal(err)
		}
		if ld["@context"] != testBase+"/context.jsonld" {
			t.Errorf("%s: @context %v", d.path(), ld["@context"])
		}
		delete(js, "$schema")
		for k, v := range js {
			if !reflect.DeepEqual(ld[k], v) {
				t.Errorf("%s: %s is %v in the JSON, %v in the JSON-LD", d.path(), k, v, ld[k])
			}
		}
		if d.t == dataset.TypeMunicipality && d.id == "escaping-test-town" {
			for _, k := range []string{"geometry", "memberships", "approaches", "document", "wikidata_candidates"} {
				if _, ok := ld[k]; !ok {
					t.Errorf("%s: the JSON-LD has no %s", d.path(), k)
				}
			}
		}
	}
}

func TestDocumentNegotiation(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	const path = "/municipalities/gdansk"
	for _, tc := range []struct {
		accept, want string
	}{
		{"", "application/json"},
		{"*/*", "application/json"},
		{"application/json", "application/json"},
		{"application/ld+json", "application/ld+json"},
		{"text/turtle", "text/turtle"},
		{"application/x-turtle", "text/turtle"},
		{"application/rdf+xml", "application/rdf+xml"},
		{"application/n-triples", "application/n-triples"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
		{"text/turtle;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml"},
		{"application/ld+json;q=0.2, text/*;q=0.4", "text/turtle"},
		{"application/json;q=0, */*;q=0.1", "application/ld+json"},
	} {
		w := a.do(http.MethodGet, path, http.Header{"Accept": {tc.accept}})
		if w.Code != http.StatusOK {
			t.Fatalf("Accept %q: %d %s", tc.accept, w.Code, w.Body)
		}
		ct, _, _ := strings.Cut(w.Header().Get("Content-Type"), ";")
		if ct != tc.want {
			t.Errorf("Accept %q: %s, want %s", tc.accept, ct, tc.want)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept") {
			t.Errorf("Accept %q: Vary %q", tc.accept, w.Header().Get("Vary"))
		}
		f := docOffer.byMediaType(tc.want)
		if loc := w.Header().Get("Content-Location"); loc != path+f.Suffix {
			t.Errorf("Accept %q: Content-Location %q", tc.accept, loc)
		}
		// The suffix serves the same bytes, without Vary: Accept. Pages
		// for people link to the path they were asked for, and vary by
		// Accept-Language.
		s := a.get(path + f.Suffix)
		if s.Code != http.StatusOK || (f != htmlFormat && !bytes.Equal(s.Body.Bytes(), w.Body.Bytes())) {
			t.Errorf("%s%s differs from the negotiated %s", path, f.Suffix, tc.want)
		}
		vary := strings.NewReplacer("Accept-Encoding", "", "Accept-Language", "").Replace(strings.Join(s.Header().Values("Vary"), ", "))
		if strings.Contains(vary, "Accept") {
			t.Errorf("%s%s: Vary %q", path, f.Suffix, vary)
		}
	}
	// The flattened JSON-LD is asked for by its profile, with no suffix
	// of its own; other profiles get the document as published.
	profile := func(p string) string { return `application/ld+json;profile="` + p + `"` }
	for _, tc := range []struct {
		accept, want string
	}{
		{profile(vocab.FlattenedProfile), jsonldFlattened.ContentType},
		{`application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted ` + vocab.FlattenedProfile + `"`, jsonldFlattened.ContentType},
		{"text/turtle;q=0.5, " + profile(vocab.FlattenedProfile), jsonldFlattened.ContentType},
		{profile(vocab.FlattenedProfile) + ";q=0.5, text/turtle", exporters.Turtle.ContentType},
		{profile(vocab.FlattenedProfile) + ";q=0.5, application/ld+json", exporters.JSONLD.ContentType},
		{profile("http://www.w3.org/ns/json-ld#expanded"), exporters.JSONLD.ContentType},
	} {
		w := a.do(http.MethodGet, path, http.Header{"Accept": {tc.accept}})
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != tc.want {
			t.Errorf("Accept %q: %d %q, want %q", tc.accept, w.Code, w.Header().Get("Content-Type"), tc.want)
		}
	}
	if w := a.do(http.MethodGet, path+".jsonld", http.Header{"Accept": {profile(vocab.FlattenedProfile)}}); w.Header().Get("Content-Type") != exporters.JSONLD.ContentType {
		t.Errorf(".jsonld with the flattened profile: %q; the suffix decides", w.Header().Get("Content-Type"))
	}
	// Nothing acceptable: 406 listing every type.
	w := a.do(http.MethodGet, path, http.Header{"Accept": {"image/png"}})
	var p struct {
		Status    int      `json:"status"`
		Available []string `json:"available"`
	}
	_ = json.Unmarshal(w.Body.Bytes(), &p)
	if w.Code != http.StatusNotAcceptable || w.Header().Get("Content-Type") != "application/problem+json" || p.Status != 406 {
		t.Errorf("406: %d %s", w.Code, w.Body)
	}
	for _, f := range docOffer {
		if !contains(p.Available, f.MediaType) {
			t.Errorf("406 does not list %s", f.MediaType)
		}
	}
	if w := a.get(path + ".xml"); w.Code != http.StatusNotFound {
		t.Errorf(".xml: %d", w.Code)
	}
	if w := a.get(path + ".ttl?x=1"); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("query: %d", w.Code)
	}
	if w := a.get("/municipalities/no-such-town.ttl"); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), `no municipality has the ID \"no-such-town\"`) {
		t.Errorf("missing: %d %s", w.Code, w.Body)
	}
}

// The JSON is the get operation's, unchanged, with the headers of a
// document.
func TestDocumentJSON(t *testing.T) {
	d := seed(t)
	a := newTestAPI(t, d, Config{})
	plain := a.get("/municipalities/munich")
	suffix := a.get("/municipalities/munich.json")
	if plain.Code != 200 || suffix.Code != 200 || !bytes.Equal(plain.Body.Bytes(), suffix.Body.Bytes()) {
		t.Fatalf("JSON: %d %d", plain.Code, suffix.Code)
	}
	var m map[string]any
	if err := json.Unmarshal(plain.Body.Bytes(), &m); err != nil || m["iri"] != testBase+"/id/municipality/munich" {
		t.Errorf("JSON %v %v", m, err)
	}
	links := strings.Join(plain.Header().Values("Link"), ", ")
	for _, want := range []string{`rel="http://www.w3.org/ns/json-ld#context"`, `rel="describedBy"`} {
		if !strings.Contains(links, want) {
			t.Errorf("JSON Link lacks %s: %s", want, links)
		}
	}
	etag := plain.Header().Get("ETag")
	if !strings.HasPrefix(etag, `"`) || plain.Header().Get("Cache-Control") == "" {
		t.Errorf("ETag %q Cache-Control %q", etag, plain.Header().Get("Cache-Control"))
	}
	if w := a.do(http.MethodGet, "/municipalities/munich", http.Header{"If-None-Match": {etag}}); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d", w.Code)
	}
	if w := a.do(http.MethodHead, "/municipalities/munich.json", nil); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") != fmt.Sprint(plain.Body.Len()) {
		t.Errorf("HEAD: %d %d %s", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
}

func TestDocumentConditionalRequests(t *testing.T) {
	a, _ := escapingAPI(t)
	const path = "/municipalities/escaping-test-town.ttl"
	w := a.get(path)
	etag := w.Header().Get("ETag")
	if len(etag) < 10 || strings.HasPrefix(etag, "W/") {
		t.Fatalf("ETag %q", etag)
	}
	// Memberships and approaches are in the document: its Last-Modified
	// is the latest of them.
	if lm := w.Header().Get("Last-Modified"); lm != graphtest.Stamp.Add(time.Hour).UTC().Format(http.TimeFormat) {
		t.Errorf("Last-Modified %q", lm)
	}
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age") {
		t.Errorf("Cache-Control %q", cc)
	}
	for _, tc := range []struct {
		header http.Header
		want   int
	}{
		{http.Header{"If-None-Match": {etag}}, 304},
		{http.Header{"If-None-Match": {`"other", ` + etag}}, 304},
		{http.Header{"If-None-Match": {"W/" + etag}}, 304},
		{http.Header{"If-None-Match": {`"other"`}}, 200},
		{http.Header{"If-Modified-Since": {graphtest.Stamp.Add(2 * time.Hour).UTC().Format(http.TimeFormat)}}, 304},
		{http.Header{"If-Modified-Since": {graphtest.Stamp.UTC().Format(http.TimeFormat)}}, 200},
	} {
		w := a.do(http.MethodGet, path, tc.header)
		if w.Code != tc.want || (tc.want == 304) != (w.Body.Len() == 0) {
			t.Errorf("%v: %d (%d bytes), want %d", tc.header, w.Code, w.Body.Len(), tc.want)
		}
		if w.Header().Get("ETag") != etag {
			t.Errorf("%v: ETag %q", tc.header, w.Header().Get("ETag"))
		}
	}
	h := a.do(http.MethodHead, path, nil)
	if h.Code != 200 || h.Body.Len() != 0 || h.Header().Get("Content-Length") != fmt.Sprint(w.Body.Len()) {
		t.Errorf("HEAD: %d %d %q", h.Code, h.Body.Len(), h.Header().Get("Content-Length"))
	}
}

// Renamed IDs answer 301 to the current one (through chains of renames,
// keeping the format suffix), removed IDs 410 with their tombstone in the
// negotiated format, and entity IRIs 303 to their documents.
func TestRetiredIdentifiers(t *testing.T) {
	d := graphtest.Escaping(t)
	// A chain: older-name was renamed escaping-old-name, which was renamed
	// escaping-test-town (validation accepts only the last step; a store
	// keeps chains as they happen).
	d.Retired = append(d.Retired, dataset.Retired{Type: dataset.TypeMunicipality, ID: "escaping-older-name",
		ReplacedBy: "escaping-old-name", Reason: "renamed", Retired: graphtest.Stamp})
	a := newTestAPI(t, d, Config{})
	for _, tc := range []struct {
		path, accept string
		status       int
		location     string
	}{
		{"/municipalities/escaping-old-name", "text/turtle", 301, "/municipalities/escaping-test-town"},
		{"/municipalities/escaping-old-name.ttl", "", 301, "/municipalities/escaping-test-town.ttl"},
		{"/municipalities/escaping-older-name.rdf", "", 301, "/municipalities/escaping-test-town.rdf"},
		{"/municipalities/escaping-old-name", "", 301, "/municipalities/escaping-test-town"},
		{"/municipalities/escaping-old-name.json", "", 301, "/municipalities/escaping-test-town.json"},
		{"/categories/inclusion.ttl", "", 301, "/categories/social-rights-inclusion.ttl"},
		{"/municipalities/escaping-gone-town.ttl", "", 410, ""},
		{"/municipalities/escaping-gone-town", "application/ld+json", 410, ""},
		{"/municipalities/escaping-gone-town", "text/html", 410, ""},
		{"/municipalities/escaping-gone-town", "", 410, ""},
		{"/networks/escaping-gone-network.nt", "", 410, ""},
		{"/id/municipality/escaping-test-town", "", 303, "/municipalities/escaping-test-town"},
		{"/id/municipality/escaping-old-name", "text/turtle", 303, "/municipalities/escaping-old-name"},
		{"/id/municipality/escaping-gone-town", "", 303, "/municipalities/escaping-gone-town"},
		{"/id/category/inclusion", "", 303, "/categories/inclusion"},
		{"/id/municipality/no-such-town", "", 404, ""},
		{"/id/municipalities/munich", "", 404, ""},
		{"/id/town/munich", "", 404, ""},
	} {
		w := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}})
		if w.Code != tc.status {
			t.Errorf("%s (%s): %d, want %d: %s", tc.path, tc.accept, w.Code, tc.status, w.Body)
			continue
		}
		if tc.location != "" && w.Header().Get("Location") != testBase+tc.location {
			t.Errorf("%s: Location %q, want %q", tc.path, w.Header().Get("Location"), testBase+tc.location)
		}
	}
	// The tombstone says what became of the ID, in every format.
	snap := a.cur.Load()
	ttl := a.get("/municipalities/escaping-gone-town.ttl")
	got, err := graphtest.Knakk(ttl.Body.Bytes(), "turtle")
	if err != nil {
		t.Fatal(err)
	}
	r, _, _ := snap.Retirement(dataset.TypeMunicipality, "escaping-gone-town")
	gone := vocab.IRI(testBase + "/id/municipality/escaping-gone-town")
	graphtest.SameGraph(t, "tombstone", []vocab.Triple{
		{S: gone, P: vocab.DCTermsType.Node(), O: vocab.Municipality.Node()},
		{S: gone, P: vocab.RetirementReason.Node(), O: vocab.Str(r.Reason)},
		{S: gone, P: vocab.PROVInvalidatedAtTime.Node(), O: vocab.DateTime(r.Retired)},
	}, got)
	html := a.do(http.MethodGet, "/municipalities/escaping-gone-town", http.Header{"Accept": {"text/html"}}).Body.String()
	if !strings.Contains(html, "was retired") || !strings.Contains(html, "listed by mistake: &#34;Gone&#34; \\ town") {
		t.Errorf("tombstone page:\n%s", html)
	}
	// JSON clients get a problem.
	if w := a.get("/municipalities/escaping-gone-town"); w.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("JSON 410: %s", w.Header().Get("Content-Type"))
	}
}

// The HTML representation is the pages package's entity page; this checks
// that the document route hands it the entity and that hostile text stays
// text (the pages package tests the page itself).
func TestDocumentHTML(t *testing.T) {
	a, _ := escapingAPI(t)
	w := a.get("/municipalities/escaping-test-town.html")
	page := w.Body.String()
	if w.Code != 200 || w.Header().Get("Content-Security-Policy") == "" {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	for _, want := range []string{
		`Frankfurt &#34;(Oder)&#34; \ Słubice</span>`,
		`القاهرة ‏مدينة`,
		`&lt;tag attr=&#34;x&#34;&gt; &amp; &#39;single&#39; ]]&gt; &amp;amp;`,
		`/Q4115189"`,
		`Member since`, `2018-07`,
		`<link rel="alternate" type="text/turtle" href="/municipalities/escaping-test-town.ttl"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(tag, `type="application/ld+json"`) {
			t.Errorf("the page runs a script: %s", tag)
		}
	}
	for _, bad := range []string{"src=\"http", "@import", "url(http"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}

// Documents are rendered once per snapshot and format; a new snapshot
// renders afresh.
func TestDocumentsRenderedOncePerSnapshot(t *testing.T) {
	d := seed(t)
	var cur testStates
	cur.Store(dataset.NewSnapshot(d, 1))
	s := mustServer(t, Config{BaseURI: testBase}, &cur)
	router := chi.NewMux()
	hapi := humachi.New(router, humaConfig(s.cfg))
	registerREST(hapi, router, s)
	registerDocuments(hapi, router, s)
	cached := func() int { return s.docs(cur.Current().View).Len() }
	get := func(path string) string {
		w := httptest.NewRecorder()
		router.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		return w.Body.String()
	}
	first := get("/countries/DE.ttl")
	get("/countries/DE.ttl")
	if n := cached(); n != 1 {
		t.Errorf("%d representations after two requests for one", n)
	}
	get("/countries/DE.nt")
	if n := cached(); n != 2 {
		t.Errorf("%d representations after two formats", n)
	}
	for i := range d.Countries {
		if d.Countries[i].ID == "DE" {
			d.Countries[i].Names = dataset.Names{"en": "Deutschland, changed"}
		}
	}
	cur.Store(dataset.NewSnapshot(d, 2))
	second := get("/countries/DE.ttl")
	if first == second || !strings.Contains(second, "Deutschland, changed") {
		t.Errorf("the new snapshot's document is not served:\n%s", second)
	}
	if n := cached(); n != 1 {
		t.Errorf("%d representations in the new snapshot's cache", n)
	}
}

func TestDatasetGraph(t *testing.T) {
	a, snap := escapingAPI(t)
	var want []vocab.Triple
	_ = graph.DatasetTriples(t.Context(), snap, testBase, func(tr vocab.Triple) error {
		want = append(want, tr)
		return nil
	})
	for _, tc := range []struct {
		path, accept, ct string
	}{
		{"/dataset", "", "text/turtle"},
		{"/dataset", "application/n-triples", "application/n-triples"},
		{"/dataset", "application/ld+json", "application/ld+json"},
		{"/dataset", "application/json", "application/ld+json"},
		{"/dataset.nt", "", "application/n-triples"},
		{"/dataset.ttl", "text/html", "text/turtle"},
		{"/dataset.jsonld", "", "application/ld+json"},
	} {
		w := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}})
		ct, _, _ := strings.Cut(w.Header().Get("Content-Type"), ";")
		if w.Code != 200 || ct != tc.ct {
			t.Errorf("%s (%s): %d %s", tc.path, tc.accept, w.Code, ct)
			continue
		}
		if ct != "application/ld+json" {
			got, err := graphtest.Knakk(w.Body.Bytes(), map[string]string{"text/turtle": "turtle", "application/n-triples": "ntriples"}[ct])
			if err != nil {
				t.Fatalf("%s: %v", tc.path, err)
			}
			graphtest.SameGraph(t, tc.path+" "+ct, want, got)
		}
		etag := w.Header().Get("ETag")
		if !strings.HasPrefix(etag, `W/"r1-`) {
			t.Errorf("%s: ETag %q", tc.path, etag)
		}
		if c := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}, "If-None-Match": {etag}}); c.Code != 304 {
			t.Errorf("%s: If-None-Match: %d", tc.path, c.Code)
		}
	}
	if w := a.do(http.MethodGet, "/dataset", http.Header{"Accept": {"text/html"}}); w.Code != http.StatusNotAcceptable {
		t.Errorf("HTML dataset: %d", w.Code)
	}
	if w := a.get("/dataset.rdf"); w.Code != http.StatusNotFound {
		t.Errorf("/dataset.rdf: %d", w.Code)
	}
	if w := a.do(http.MethodHead, "/dataset.nt", nil); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d %d", w.Code, w.Body.Len())
	}
}

// Clients read documents while snapshots change: each answer is one
// snapshot's (run with -race).
func TestDocumentsConcurrentSnapshots(t *testing.T) {
	d := seed(t)
	a := newTestAPI(t, d, Config{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for rev := int64(2); rev < 12; rev++ {
			a.cur.Store(dataset.NewSnapshot(d, rev))
		}
	}()
	errs := make(chan string, 64)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 30 {
				f := docOffer[1+(i+j)%(len(docOffer)-1)]
				w := httptest.NewRecorder()
				a.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/municipalities/munich"+f.Suffix, nil))
				if w.Code != http.StatusOK || w.Body.Len() == 0 {
					errs <- fmt.Sprintf("%s: %d", f.Suffix, w.Code)
				}
			}
		}()
	}
	wg.Wait()
	<-done
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// A whole-dataset download is not cut by the request timeout once it has
// started; a client's cancellation ends it.
func TestDatasetOutlivesTheRequestTimeout(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{RequestTimeout: time.Millisecond})
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/dataset.nt", nil)
	a.h.ServeHTTP(slowWriter{w}, r)
	if w.Code != 200 || !bytes.HasSuffix(w.Body.Bytes(), []byte(" .\n")) || bytes.Count(w.Body.Bytes(), []byte("\n")) < 5000 {
		t.Errorf("%d, %d lines", w.Code, bytes.Count(w.Body.Bytes(), []byte("\n")))
	}
	ctx, cancel := context.WithCancel(context.Background())
	stream, done := streamContext(ctx)
	defer done()
	cancel()
	<-stream.Done()
	deadline, stop := context.WithTimeout(context.Background(), time.Nanosecond)
	defer stop()
	<-deadline.Done()
	stream, done2 := streamContext(deadline)
	defer done2()
	if stream.Err() != nil {
		t.Error("the deadline ended the stream")
	}
}

// slowWriter makes each write take a little time, so that the stream
// outlasts a short request timeout.
type slowWriter struct{ *httptest.ResponseRecorder }

func (s slowWriter) Write(p []byte) (int, error) {
	time.Sleep(50 * time.Microsecond)
	return s.ResponseRecorder.Write(p)
}

// Documents are kept gzipped too: a client that accepts gzip gets the
// stored bytes, under an ETag of their own, not a fresh compression.
func TestDocumentGzip(t *testing.T) {
	a, _ := escapingAPI(t)
	const path = "/municipalities/escaping-test-town.ttl"
	plain := a.get(path)
	w := a.do(http.MethodGet, path, http.Header{"Accept-Encoding": {"br;q=1, gzip;q=0.8"}})
	if w.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept-Encoding") {
		t.Fatalf("headers %v", w.Header())
	}
	etag := w.Header().Get("ETag")
	if etag == plain.Header().Get("ETag") || w.Header().Get("Content-Length") != fmt.Sprint(w.Body.Len()) {
		t.Errorf("ETag %s (plain %s), Content-Length %s", etag, plain.Header().Get("ETag"), w.Header().Get("Content-Length"))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(body, plain.Body.Bytes()) {
		t.Errorf("gunzipped body differs: %v", err)
	}
	if c := a.do(http.MethodGet, path, http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {etag}}); c.Code != 304 || c.Header().Get("Content-Encoding") != "" {
		t.Errorf("If-None-Match gzip: %d %v", c.Code, c.Header())
	}
	// The JSON too.
	js := a.do(http.MethodGet, "/municipalities/escaping-test-town", http.Header{"Accept-Encoding": {"gzip"}})
	jsPlain := a.get("/municipalities/escaping-test-town")
	if js.Header().Get("Content-Encoding") != "gzip" || !strings.HasSuffix(js.Header().Get("ETag"), `-gzip"`) ||
		js.Header().Get("ETag") == jsPlain.Header().Get("ETag") {
		t.Errorf("JSON gzip: %v", js.Header())
	}
	if zr, err := gzip.NewReader(js.Body); err != nil {
		t.Error(err)
	} else if b, _ := io.ReadAll(zr); !bytes.Equal(b, jsPlain.Body.Bytes()) {
		t.Error("gunzipped JSON differs")
	}
	for h, want := range map[string]bool{"": false, "gzip": true, "GZIP": true, "x-gzip": true, "deflate, br": false, "*": true,
		"*;q=0": false, "gzip;q=0, *": false, "gzip;q=0.001": true, "identity;q=1, *;q=0.5": true, " gzip ; q=0 ": false} {
		if acceptsGzip(h) != want {
			t.Errorf("acceptsGzip(%q) = %v", h, !want)
		}
	}
}

// The platform's slugs that differ from our IDs, which the CMS sync keeps
// as aliases (a category's or an approach's in every locale, a city's or
// network's as an alias of the undetermined language), answer 301 to our record: the
// platform's localized addresses find ours. A tombstone of the ID wins
// over an alias, as IDs are never reused.
func TestPlatformSlugsRedirect(t *testing.T) {
	d := graphtest.Escaping(t)
	for i := range d.Categories {
		if d.Categories[i].ID == "reception" {
			d.Categories[i].Aliases = append(d.Categories[i].Aliases, "aufnahme", "accueil")
		}
	}
	for i := range d.Municipalities {
		if d.Municipalities[i].ID == "gdansk" {
			d.Municipalities[i].Aliases = append(d.Municipalities[i].Aliases,
				dataset.Alias{Lang: "und", Name: "gdansk-city"}, dataset.Alias{Lang: "und", Name: "escaping-gone-town"})
		}
	}
	for i := range d.Networks {
		if d.Networks[i].ID == "anvita" {
			d.Networks[i].Aliases = append(d.Networks[i].Aliases, dataset.Alias{Lang: "und", Name: "anvita-netzwerk"})
		}
	}
	for i := range d.Approaches {
		if d.Approaches[i].ID == "open-harbors" {
			d.Approaches[i].Aliases = append(d.Approaches[i].Aliases, "harbours-open")
		}
	}
	a := newTestAPI(t, d, Config{})
	for _, tc := range []struct {
		path     string
		status   int
		location string
	}{
		{"/categories/aufnahme", 301, "/categories/reception"},
		{"/categories/accueil.ttl", 301, "/categories/reception.ttl"},
		{"/municipalities/gdansk-city", 301, "/municipalities/gdansk"},
		{"/municipalities/gdansk-city.json", 301, "/municipalities/gdansk.json"},
		{"/networks/anvita-netzwerk", 301, "/networks/anvita"},
		{"/approaches/harbours-open", 301, "/approaches/open-harbors"},
		{"/approaches/harbours-open.ttl", 301, "/approaches/open-harbors.ttl"},
		{"/networks/harbours-open", 404, ""},
		{"/municipalities/escaping-gone-town", 410, ""},
		{"/municipalities/anvita-netzwerk", 404, ""},
	} {
		w := a.do(http.MethodGet, tc.path, nil)
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d: %s", tc.path, w.Code, tc.status, w.Body)
			continue
		}
		if tc.location != "" && w.Header().Get("Location") != testBase+tc.location {
			t.Errorf("%s: Location %q, want %q", tc.path, w.Header().Get("Location"), testBase+tc.location)
		}
	}
}
