package api

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

// /fragments serves the page tpf makes of the snapshot, in every format,
// negotiated, with a weak ETag naming the revision.
func TestFragments(t *testing.T) {
	d := graphtest.Seed(t)
	a := newTestAPI(t, d, Config{})
	x, err := tpf.Build(t.Context(), dataset.NewSnapshot(d, 1), testBase)
	if err != nil {
		t.Fatal(err)
	}
	p := tpf.Pattern{P: vocab.OrgMember.Node()}
	path := strings.TrimPrefix(tpf.URL(testBase, p, 2), testBase)
	for _, tc := range []struct {
		path, accept, ct string
	}{
		{path, "", "text/turtle"},
		{path, "application/trig", "application/trig"},
		{path, "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,text/turtle;q=0.6", "application/trig"},
		{path, "application/n-triples", "application/n-triples"},
		{path, "application/ld+json", "application/ld+json"},
		{strings.Replace(path, "/fragments?", "/fragments.nt?", 1), "text/turtle", "application/n-triples"},
		{strings.Replace(path, "/fragments?", "/fragments.trig?", 1), "", "application/trig"},
	} {
		w := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}})
		ct, _, _ := strings.Cut(w.Header().Get("Content-Type"), ";")
		if w.Code != http.StatusOK || ct != tc.ct {
			t.Errorf("%s (%s): %d %s %s", tc.path, tc.accept, w.Code, ct, w.Body.String())
			continue
		}
		f, _ := exporters.ByMediaType(ct)
		if ct == exporters.TriG.MediaType {
			f = exporters.TriG
		}
		u, _ := url.Parse(tc.path)
		req, _ := tpf.ParseQuery(u.Query())
		want, ok := x.Fragment(testBase, testBase+tc.path, req)
		if !ok {
			t.Fatalf("%s: no page", tc.path)
		}
		var b bytes.Buffer
		if err := want.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Body.Bytes(), b.Bytes()) {
			t.Errorf("%s (%s): the body is not tpf's page", tc.path, tc.accept)
		}
		etag := w.Header().Get("ETag")
		if !strings.HasPrefix(etag, `W/"r1-`+f.Name+`-`) {
			t.Errorf("%s (%s): ETag %q", tc.path, tc.accept, etag)
		}
		if c := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}, "If-None-Match": {etag}}); c.Code != http.StatusNotModified {
			t.Errorf("%s: If-None-Match: %d", tc.path, c.Code)
		}
	}
	for _, tc := range []struct {
		path   string
		accept string
		status int
	}{
		{"/fragments?subject=munich", "", http.StatusBadRequest},
		{"/fragments?s=" + url.QueryEscape(testBase+"/id/municipality/munich"), "", http.StatusBadRequest},
		{"/fragments?page=0", "", http.StatusBadRequest},
		{"/fragments?page=100000", "", http.StatusNotFound},
		{"/fragments.rdf", "", http.StatusNotFound},
		{"/fragments", "text/html", http.StatusNotAcceptable},
		{"/fragments?subject=" + url.QueryEscape(testBase+"/id/municipality/nowhere"), "", http.StatusOK},
	} {
		w := a.do(http.MethodGet, tc.path, http.Header{"Accept": {tc.accept}})
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d: %s", tc.path, w.Code, tc.status, w.Body.String())
		}
		if tc.status >= 400 && w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: Content-Type %q", tc.path, w.Header().Get("Content-Type"))
		}
	}
	if w := a.do(http.MethodHead, "/fragments.nt", nil); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d bytes", w.Code, w.Body.Len())
	}
}

// /dataset names the fragments interface as its search form.
func TestDatasetLinksItsFragments(t *testing.T) {
	a := newTestAPI(t, graphtest.Seed(t), Config{})
	w := a.do(http.MethodHead, "/dataset.nt", nil)
	want := `<` + testBase + `/fragments>; rel="` + vocab.HydraSearch.IRI + `"`
	for _, l := range w.Header().Values("Link") {
		if l == want {
			return
		}
	}
	t.Errorf("Link %q, want %s among them", w.Header().Values("Link"), want)
}

// /sparql explains the fragments and the dumps and shows every example
// query, escaped.
func TestSPARQLPage(t *testing.T) {
	a := newTestAPI(t, graphtest.Seed(t), Config{})
	w := a.get("/sparql")
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("/sparql: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	body := w.Body.String()
	qs, err := tpf.Queries()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if !strings.Contains(body, template.HTMLEscapeString(q.Question)) || !strings.Contains(body, template.HTMLEscapeString(q.Text)) {
			t.Errorf("/sparql lacks query %s", q.Name)
		}
	}
	for _, s := range []string{testBase + "/fragments", "comunica-sparql", "oxigraph load", "qlever index", testBase + "/dumps/latest/dataset.nt.gz"} {
		if !strings.Contains(body, template.HTMLEscapeString(s)) {
			t.Errorf("/sparql does not mention %s", s)
		}
	}
}
