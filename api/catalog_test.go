package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/vocab"
)

const catalogTestBase = "https://data.catalog.test"

// catalogRouter serves only the catalogue's routes, from snaps and the
// releases in dir.
func catalogRouter(t testing.TB, snaps States, dir string) http.Handler {
	t.Helper()
	router := chi.NewMux()
	cfg := Config{BaseURI: catalogTestBase, DumpsDir: dir, Catalog: CatalogConfig{ContactEmail: "data@example.org"}}
	if ts, ok := snaps.(*testStates); ok {
		ts.dir, ts.base = dir, catalogTestBase
	}
	registerCatalog(humachi.New(router, humaConfig(cfg)), router, mustServer(t, cfg, snaps))
	return router
}

func TestCatalogNegotiation(t *testing.T) {
	h := catalogRouter(t, vocabSnapshots(t), t.TempDir())
	for _, c := range []struct {
		path, accept string
		status       int
		contentType  string
		location     string // Content-Location; "" when the URL names the format
	}{
		{"/catalog", "", 200, "text/turtle; charset=utf-8", "/catalog.ttl"},
		{"/catalog", "*/*", 200, "text/turtle; charset=utf-8", "/catalog.ttl"},
		{"/catalog", "application/rdf+xml", 200, "application/rdf+xml; charset=utf-8", "/catalog.rdf"},
		{"/catalog", "application/ld+json", 200, "application/ld+json", "/catalog.jsonld"},
		{"/catalog", "application/json", 200, "application/ld+json", "/catalog.jsonld"},
		{"/catalog", "application/n-triples", 200, "application/n-triples; charset=utf-8", "/catalog.nt"},
		{"/catalog", "text/turtle;q=0.5, application/rdf+xml", 200, "application/rdf+xml; charset=utf-8", "/catalog.rdf"},
		{"/catalog", "text/html", 200, "text/html; charset=utf-8", "/catalog.html"},
		{"/catalog", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 200, "text/html; charset=utf-8", "/catalog.html"},
		{"/catalog.html", "", 200, "text/html; charset=utf-8", ""},
		{"/.well-known/void", "text/html", 200, "text/html; charset=utf-8", "/.well-known/void.html"},
		{"/catalog", "application/pdf", 406, "application/problem+json", ""},
		{"/catalog.ttl", "application/rdf+xml", 200, "text/turtle; charset=utf-8", ""},
		{"/catalog.jsonld", "", 200, "application/ld+json", ""},
		{"/catalog.rdf", "", 200, "application/rdf+xml; charset=utf-8", ""},
		{"/catalog.nt", "", 200, "application/n-triples; charset=utf-8", ""},
		{"/catalog.csv", "", 404, "application/problem+json", ""},
		{"/.well-known/void", "", 200, "text/turtle; charset=utf-8", "/.well-known/void.ttl"},
		{"/.well-known/void", "application/ld+json", 200, "application/ld+json", "/.well-known/void.jsonld"},
		{"/.well-known/void.nt", "", 200, "application/n-triples; charset=utf-8", ""},
		{"/", "", 200, "text/html; charset=utf-8", ""},
	} {
		t.Run(c.path+" "+c.accept, func(t *testing.T) {
			w := vocabGet(h, http.MethodGet, c.path, map[string]string{"Accept": c.accept})
			if w.Code != c.status || w.Header().Get("Content-Type") != c.contentType {
				t.Fatalf("%d %s, want %d %s: %s", w.Code, w.Header().Get("Content-Type"), c.status, c.contentType, w.Body.String())
			}
			if got := w.Header().Get("Content-Location"); got != c.location {
				t.Errorf("Content-Location %q, want %q", got, c.location)
			}
			negotiated := !strings.Contains(c.path, ".") || c.path == "/.well-known/void"
			if negotiated && c.path != "/" && w.Header().Get("Vary") != "Accept" {
				t.Errorf("Vary %q", w.Header().Get("Vary"))
			}
			if c.status == 200 && w.Header().Get("ETag") == "" {
				t.Error("no ETag")
			}
		})
	}
}

// A browser gets the catalogue and the VoID description in words, in the
// site's layout, with the RDF formats linked.
func TestCatalogPagesForPeople(t *testing.T) {
	h := catalogRouter(t, vocabSnapshots(t), t.TempDir())
	for _, c := range []struct{ path, want string }{
		{"/catalog", "<h2>Moving Cities Open Data</h2>"},
		{"/catalog", "There is no release yet"},
		{"/.well-known/void", "VoID description of Moving Cities Open Data"},
	} {
		w := vocabGet(h, http.MethodGet, c.path, map[string]string{"Accept": "text/html"})
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, no %q", c.path, w.Code, c.want)
		}
		if !strings.Contains(body, `href="`+c.path+`.ttl"`) || w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: the Turtle is not linked, or the page has no CSP", c.path)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept") {
			t.Errorf("%s: Vary %q", c.path, w.Header().Get("Vary"))
		}
	}
}

func TestCatalogConditional(t *testing.T) {
	h := catalogRouter(t, vocabSnapshots(t), "")
	for _, path := range []string{"/catalog", "/catalog.jsonld", "/catalog.html", "/.well-known/void", "/"} {
		w := vocabGet(h, http.MethodGet, path, nil)
		etag := w.Header().Get("ETag")
		if w.Code != 200 || etag == "" {
			t.Fatalf("%s: %d, ETag %q", path, w.Code, etag)
		}
		if w := vocabGet(h, http.MethodGet, path, map[string]string{"If-None-Match": etag}); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("%s: If-None-Match answered %d", path, w.Code)
		}
		if w := vocabGet(h, http.MethodGet, path, map[string]string{"If-None-Match": `"other"`}); w.Code != 200 {
			t.Errorf("%s: another ETag answered %d", path, w.Code)
		}
		if w := vocabGet(h, http.MethodHead, path, nil); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
			t.Errorf("%s: HEAD answered %d with %d bytes", path, w.Code, w.Body.Len())
		}
	}
}

func TestCatalogWithoutSnapshot(t *testing.T) {
	h := catalogRouter(t, &testStates{}, "")
	for _, path := range []string{"/catalog", "/.well-known/void", "/"} {
		if w := vocabGet(h, http.MethodGet, path, nil); w.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: %d", path, w.Code)
		}
	}
}

// stubGraph stands in for the dataset graph (issue 4) in the dumps: the
// vocabulary document, and each municipality typed and linked to its
// Wikidata item.
var stubGraph = dumps.GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
	ts := vocab.Graph(catalogTestBase, snap.Categories)
	for _, m := range snap.Municipalities {
		n := vocab.IRI(vocab.EntityIRI(catalogTestBase, dataset.TypeMunicipality, m.ID))
		ts = append(ts, vocab.T(n, vocab.RDFType.Node(), vocab.Municipality.Node()))
		if m.Wikidata != "" {
			ts = append(ts, vocab.T(n, vocab.OWLSameAs.Node(), vocab.IRI(vocab.WikidataIRI(m.Wikidata))))
		}
	}
	for _, t := range ts {
		if err := emit(t); err != nil {
			return err
		}
	}
	return nil
})

// The catalogue reads the dumps folder as it changes: a new release's
// files become the distributions, with the sizes and checksums of the
// files on disk, and the VoID counts are those of its N-Triples dump.
func TestCatalogFollowsReleases(t *testing.T) {
	dir := t.TempDir()
	snaps := vocabSnapshots(t)
	h := catalogRouter(t, snaps, dir)
	ds := vocab.DatasetIRI(catalogTestBase)

	g := parseTurtleGraph(t, vocabGet(h, http.MethodGet, "/catalog.ttl", nil).Body.String())
	if n := len(g[ds][vocab.DCATDistributionProp.IRI]); n != 0 {
		t.Fatalf("%d distributions before the first release", n)
	}

	// No PDFs: two releases of them would be most of the test's time
	// under -race, and the catalogue describes whatever files a release
	// has (TestGuidePage covers a release with them).
	d := &dumps.Dumper{Dir: dir, BaseURI: catalogTestBase, Graph: stubGraph, NoPDF: true,
		Now: func() time.Time { return time.Date(2026, 11, 27, 3, 30, 0, 0, time.UTC) }}
	res, err := d.Release(context.Background(), snaps.Load())
	if err != nil {
		t.Fatal(err)
	}
	g = parseTurtleGraph(t, vocabGet(h, http.MethodGet, "/catalog.ttl", nil).Body.String())
	if got := g[ds][vocab.DCATVersion.IRI]; len(got) != 1 || got[0] != res.Release {
		t.Errorf("version %v, want %s", got, res.Release)
	}
	dists := g[ds][vocab.DCATDistributionProp.IRI]
	if len(dists) != len(res.Manifest.Files) {
		t.Fatalf("%d distributions, %d files", len(dists), len(res.Manifest.Files))
	}
	for _, dist := range dists {
		url := g[dist][vocab.DCATDownloadURL.IRI][0]
		name := filepath.Base(url)
		b, err := os.ReadFile(filepath.Join(dir, res.Release, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		checksum := g[dist][vocab.SPDXChecksumProp.IRI][0]
		if got := g[dist][vocab.DCATByteSize.IRI]; len(got) != 1 || got[0] != strconv.Itoa(len(b)) {
			t.Errorf("%s: byteSize %v, file has %d bytes", name, got, len(b))
		}
		if got := g[checksum][vocab.SPDXChecksumValue.IRI]; len(got) != 1 || got[0] != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: checksum %v", name, got)
		}
	}

	// The VoID counts equal the N-Triples dump's.
	nt := gunzipFile(t, filepath.Join(dir, res.Release, "dataset.nt.gz"))
	lines := strings.Count(nt, "\n")
	v := parseTurtleGraph(t, vocabGet(h, http.MethodGet, "/.well-known/void", nil).Body.String())
	if got := v[ds][vocab.VoIDTriples.IRI]; len(got) != 1 || got[0] != strconv.Itoa(lines) {
		t.Errorf("void:triples %v, the dump has %d lines", got, lines)
	}
	sameAs := strings.Count(nt, "<"+vocab.OWLSameAs.IRI+"> <"+vocab.WD.IRI)
	ls := catalog.LinksetIRI(catalogTestBase, vocab.OWLSameAs.IRI)
	if got := v[ls][vocab.VoIDTriples.IRI]; len(got) != 1 || got[0] != strconv.Itoa(sameAs) {
		t.Errorf("linkset %v, the dump has %d owl:sameAs links to Wikidata", got, sameAs)
	}

	// A second release makes the first a version of the dataset.
	changed := snaps.Load().Dataset()
	changed.Municipalities[0].Summary = dataset.Text{"en": "Changed for the second release."}
	snaps.Store(dataset.NewSnapshot(changed, 2))
	d.Now = func() time.Time { return time.Date(2026, 11, 28, 3, 30, 0, 0, time.UTC) }
	res2, err := d.Release(context.Background(), snaps.Load())
	if err != nil || !res2.Created {
		t.Fatalf("second release: %v, created %v", err, res2 != nil && res2.Created)
	}
	g = parseTurtleGraph(t, vocabGet(h, http.MethodGet, "/catalog.ttl", nil).Body.String())
	if got := g[ds][vocab.DCATVersion.IRI]; len(got) != 1 || got[0] != res2.Release {
		t.Errorf("version %v, want %s", got, res2.Release)
	}
	if got := g[ds][vocab.DCATHasVersion.IRI]; len(got) != 1 || got[0] != catalog.ReleaseIRI(catalogTestBase, res.Release) {
		t.Errorf("versions %v", got)
	}
}

func TestLandingPage(t *testing.T) {
	h := catalogRouter(t, vocabSnapshots(t), "")
	w := vocabGet(h, http.MethodGet, "/", nil)
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("%d, CSP %q", w.Code, w.Header().Get("Content-Security-Policy"))
	}
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatal("no JSON-LD in the page")
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("the embedded JSON-LD is not JSON: %v\n%s", err, m[1])
	}
	if d["@type"] != "Dataset" || d["@id"] != vocab.DatasetIRI(catalogTestBase) {
		t.Errorf("embedded %v %v", d["@type"], d["@id"])
	}
	// It loads nothing but our own assets: no scripts, and style sheets
	// only from /assets/.
	body := w.Body.String()
	if regexp.MustCompile(`(?i)<script\s+[^>]*src=`).MatchString(body) {
		t.Error("the page loads a script")
	}
	for _, m := range regexp.MustCompile(`(?i)<link[^>]+rel="stylesheet"[^>]*href="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if !strings.HasPrefix(m[1], "/assets/") {
			t.Errorf("style sheet from %q", m[1])
		}
	}
}

// parseTurtleGraph reads Turtle with knakk into subject → predicate →
// objects (IRIs, blank node labels and lexical forms).
func parseTurtleGraph(t testing.TB, doc string) map[string]map[string][]string {
	t.Helper()
	dec := rdf.NewTripleDecoder(bytes.NewReader([]byte(doc)), rdf.Turtle)
	g := map[string]map[string][]string{}
	for {
		tr, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("knakk cannot read the Turtle: %v", err)
		}
		s, p := tr.Subj.String(), tr.Pred.String()
		if g[s] == nil {
			g[s] = map[string][]string{}
		}
		g[s][p] = append(g[s][p], tr.Obj.String())
	}
	return g
}

func gunzipFile(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
