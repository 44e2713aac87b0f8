package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

const vocabTestBase = "https://data.vocab.test"

// vocabRouter serves only the vocabulary routes, from snaps.
func vocabRouter(t testing.TB, snaps States) http.Handler {
	t.Helper()
	router := chi.NewMux()
	cfg := Config{BaseURI: vocabTestBase}
	registerVocab(humachi.New(router, humaConfig(cfg)), router, mustServer(t, cfg, snaps))
	return router
}

func vocabSnapshots(t testing.TB) *testStates {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var cur testStates
	cur.Store(dataset.NewSnapshot(d, 1))
	return &cur
}

func vocabGet(h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestVocabNegotiation(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	for _, c := range []struct {
		path, accept string
		status       int
		contentType  string
		location     string // Content-Location; "" when the URL names the format
	}{
		{"/vocab", "", 200, "text/turtle; charset=utf-8", "/vocab.ttl"},
		{"/vocab", "*/*", 200, "text/turtle; charset=utf-8", "/vocab.ttl"},
		{"/vocab", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 200, "text/html; charset=utf-8", "/vocab.html"},
		{"/vocab", "application/rdf+xml", 200, "application/rdf+xml; charset=utf-8", "/vocab.rdf"},
		{"/vocab", "application/ld+json", 200, "application/ld+json", "/vocab.jsonld"},
		{"/vocab", "application/json", 200, "application/ld+json", "/vocab.jsonld"},
		{"/vocab", "application/n-triples", 200, "application/n-triples; charset=utf-8", "/vocab.nt"},
		{"/vocab", "text/turtle;q=0.4, application/rdf+xml;q=0.8", 200, "application/rdf+xml; charset=utf-8", "/vocab.rdf"},
		{"/vocab", "application/x-turtle", 200, "text/turtle; charset=utf-8", "/vocab.ttl"},
		{"/vocab", "text/csv", 406, "application/problem+json", ""},
		{"/vocab", "text/turtle;q=0, text/html;q=0", 406, "application/problem+json", ""},
		{"/vocab.ttl", "text/html", 200, "text/turtle; charset=utf-8", ""},
		{"/vocab.html", "", 200, "text/html; charset=utf-8", ""},
		{"/vocab.jsonld", "", 200, "application/ld+json", ""},
		{"/vocab.rdf", "", 200, "application/rdf+xml; charset=utf-8", ""},
		{"/vocab.nt", "", 200, "application/n-triples; charset=utf-8", ""},
		{"/vocab.csv", "", 404, "application/problem+json", ""},
		{"/vocab/" + vocab.Version, "application/ld+json", 200, "application/ld+json", "/vocab/" + vocab.Version + ".jsonld"},
		{"/vocab/" + vocab.Version + ".ttl", "", 200, "text/turtle; charset=utf-8", ""},
		{"/vocab/0.9.0", "", 404, "application/problem+json", ""},
		{"/vocab/" + vocab.Version + ".csv", "", 404, "application/problem+json", ""},
		{"/context.jsonld", "", 200, "application/ld+json", ""},
	} {
		t.Run(c.path+" "+c.accept, func(t *testing.T) {
			w := vocabGet(h, http.MethodGet, c.path, map[string]string{"Accept": c.accept})
			if w.Code != c.status || w.Header().Get("Content-Type") != c.contentType {
				t.Fatalf("got %d %s, want %d %s\n%s", w.Code, w.Header().Get("Content-Type"), c.status, c.contentType, w.Body.String())
			}
			negotiated := c.path == "/vocab" || c.path == "/vocab/"+vocab.Version
			if got := w.Header().Get("Vary"); negotiated != (got == "Accept") {
				t.Errorf("Vary: %q", got)
			}
			if got := w.Header().Get("Content-Location"); got != c.location {
				t.Errorf("Content-Location %q, want %q", got, c.location)
			}
			if c.status == 200 && (w.Header().Get("ETag") == "" || w.Body.Len() == 0) {
				t.Error("no ETag or body")
			}
		})
	}
}

func TestVocabNotAcceptableListsTypes(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	w := vocabGet(h, http.MethodGet, "/vocab", map[string]string{"Accept": "image/png"})
	var p struct {
		Type, Title, Detail string
		Status              int
		Available           []string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if w.Code != 406 || p.Status != 406 || p.Title != "Not Acceptable" || p.Type != "about:blank" {
		t.Errorf("problem %+v", p)
	}
	for _, mt := range []string{"text/turtle", "text/html", "application/ld+json", "application/rdf+xml", "application/n-triples"} {
		if !strings.Contains(p.Detail, mt) || !contains(p.Available, mt) {
			t.Errorf("the problem does not list %s: %+v", mt, p)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestVocabConditionalRequests(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	first := vocabGet(h, http.MethodGet, "/vocab.ttl", nil)
	etag, modified := first.Header().Get("ETag"), first.Header().Get("Last-Modified")
	if !regexp.MustCompile(`^"[0-9a-f]{32}"$`).MatchString(etag) || modified == "" {
		t.Fatalf("ETag %q, Last-Modified %q", etag, modified)
	}
	other := vocabGet(h, http.MethodGet, "/vocab.nt", nil).Header().Get("ETag")
	if other == etag {
		t.Error("two representations share an ETag")
	}
	for _, c := range []struct {
		header map[string]string
		status int
	}{
		{map[string]string{"If-None-Match": etag}, 304},
		{map[string]string{"If-None-Match": "W/" + etag}, 304},
		{map[string]string{"If-None-Match": `"nope", ` + etag}, 304},
		{map[string]string{"If-None-Match": "*"}, 304},
		{map[string]string{"If-None-Match": `"nope"`}, 200},
		{map[string]string{"If-None-Match": other}, 200},
		{map[string]string{"If-Modified-Since": modified}, 304},
		{map[string]string{"If-Modified-Since": "Mon, 02 Jan 2006 15:04:05 GMT"}, 200},
		{map[string]string{"If-None-Match": `"nope"`, "If-Modified-Since": modified}, 200}, // If-None-Match wins
	} {
		w := vocabGet(h, http.MethodGet, "/vocab.ttl", c.header)
		if w.Code != c.status {
			t.Errorf("%v: %d, want %d", c.header, w.Code, c.status)
		}
		if w.Code == 304 && (w.Body.Len() != 0 || w.Header().Get("ETag") != etag) {
			t.Errorf("304 with a body or without the ETag")
		}
	}
	// Negotiated: the ETag is that of the representation chosen.
	if w := vocabGet(h, http.MethodGet, "/vocab", map[string]string{"Accept": "text/turtle", "If-None-Match": etag}); w.Code != 304 {
		t.Errorf("negotiated conditional GET: %d", w.Code)
	}
	if w := vocabGet(h, http.MethodGet, "/vocab", map[string]string{"Accept": "text/html", "If-None-Match": etag}); w.Code != 200 {
		t.Errorf("another representation is not the Turtle one: %d", w.Code)
	}
}

func TestVocabHEAD(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	get := vocabGet(h, http.MethodGet, "/vocab", map[string]string{"Accept": "application/rdf+xml"})
	head := vocabGet(h, http.MethodHead, "/vocab", map[string]string{"Accept": "application/rdf+xml"})
	if head.Code != 200 || head.Body.Len() != 0 {
		t.Fatalf("HEAD: %d with %d bytes", head.Code, head.Body.Len())
	}
	for _, k := range []string{"Content-Type", "Content-Length", "ETag", "Vary", "Content-Location", "Last-Modified"} {
		if head.Header().Get(k) != get.Header().Get(k) {
			t.Errorf("%s: HEAD %q, GET %q", k, head.Header().Get(k), get.Header().Get(k))
		}
	}
}

// Every representation is rendered once per snapshot: the same snapshot
// serves the same bytes, a new one renders anew.
func TestVocabRenderedOncePerSnapshot(t *testing.T) {
	cur := vocabSnapshots(t)
	h := vocabRouter(t, cur)
	a := vocabGet(h, http.MethodGet, "/vocab.ttl", nil)
	b := vocabGet(h, http.MethodGet, "/vocab.ttl", nil)
	if a.Header().Get("ETag") != b.Header().Get("ETag") || a.Body.String() != b.Body.String() {
		t.Fatal("the same snapshot gave two documents")
	}
	d := cur.Load().Dataset()
	d.Categories[0].Labels["en"] = "Renamed category"
	cur.Store(dataset.NewSnapshot(d, 2))
	c := vocabGet(h, http.MethodGet, "/vocab.ttl", nil)
	if c.Header().Get("ETag") == a.Header().Get("ETag") || !strings.Contains(c.Body.String(), `"Renamed category"@en`) {
		t.Error("a new snapshot did not render a new document")
	}
}

func TestVocabConcurrentSnapshots(t *testing.T) {
	cur := vocabSnapshots(t)
	h := vocabRouter(t, cur)
	d := cur.Load().Dataset()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				if i == 0 && j%5 == 0 {
					cur.Store(dataset.NewSnapshot(d, int64(j+2)))
				}
				path := []string{"/vocab", "/vocab.ttl", "/context.jsonld", "/vocab.html"}[j%4]
				if w := vocabGet(h, http.MethodGet, path, nil); w.Code != 200 {
					t.Errorf("%s: %d", path, w.Code)
				}
			}
		}()
	}
	wg.Wait()
}

func TestVocabHTMLPage(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	w := vocabGet(h, http.MethodGet, "/vocab.html", nil)
	page := w.Body.String()
	for _, term := range vocab.Ours {
		if !strings.Contains(page, `id="`+term.Local+`"`) {
			t.Errorf("no section for %s", term.CURIE())
		}
	}
	for _, suffix := range []string{".ttl", ".jsonld", ".rdf", ".nt"} {
		if !strings.Contains(page, `href="`+vocabTestBase+"/vocab"+suffix+`"`) {
			t.Errorf("no link to /vocab%s", suffix)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
}

func TestVocabContext(t *testing.T) {
	h := vocabRouter(t, vocabSnapshots(t))
	w := vocabGet(h, http.MethodGet, "/context.jsonld", nil)
	var doc map[string]map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	ctx := doc["@context"]
	if ctx["iri"] != "@id" || ctx["mc"] != vocab.MC.IRI {
		t.Errorf("context %v", ctx)
	}
	// The base of entity IRIs is the configured one.
	if !strings.Contains(w.Body.String(), `"@base": "`+vocabTestBase+`/id/country/"`) {
		t.Error("the context does not use the configured base")
	}
	if w.Header().Get("ETag") == "" {
		t.Error("no ETag")
	}
}

func TestVocabNoSnapshot(t *testing.T) {
	h := vocabRouter(t, &testStates{})
	for _, path := range []string{"/vocab", "/vocab.ttl", "/context.jsonld"} {
		if w := vocabGet(h, http.MethodGet, path, nil); w.Code != 503 || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s without a snapshot: %d", path, w.Code)
		}
	}
}

func TestETagMatches(t *testing.T) {
	const etag = `"abc"`
	for _, c := range []struct {
		header string
		want   bool
	}{
		{`"abc"`, true}, {`W/"abc"`, true}, {`"x", "abc"`, true}, {`"x" ,W/"abc"`, true}, {"*", true},
		{`"abcd"`, false}, {`abc`, false}, {`"ab`, false}, {``, false}, {`, ,`, false}, {`"x", junk, "abc"`, true},
	} {
		if got := etagMatches(c.header, etag); got != c.want {
			t.Errorf("etagMatches(%q) = %v", c.header, got)
		}
	}
}

func FuzzETagMatches(f *testing.F) {
	for _, s := range []string{`"abc"`, `W/"abc", *`, `"a"b"`, `W/`, `,,,"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		etag := `"0123456789abcdef"`
		got := etagMatches(header, etag)
		if etagMatches(header+", "+etag, etag) != true && !strings.Contains(header, `"`) {
			t.Fatalf("%q followed by the ETag does not match", header)
		}
		if got && !strings.Contains(header, etag) && !strings.Contains(header, "*") {
			t.Fatalf("%q matches %s", header, etag)
		}
	})
}
