package pages

import (
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
)

const testBase = "https://data.example.org"

func testPages(t testing.TB) *Pages {
	t.Helper()
	p, err := New(Config{BaseURI: testBase, Version: "test", Formats: []Format{
		{"JSON", "application/json", ".json"}, {"JSON-LD", "application/ld+json", ".jsonld"}, {"Turtle", "text/turtle", ".ttl"},
		{"RDF/XML", "application/rdf+xml", ".rdf"}, {"N-Triples", "application/n-triples", ".nt"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// testSnapshot is the seed with the stamps a store gives.
func testSnapshot(t testing.TB) *dataset.Snapshot {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for i := range d.Municipalities {
		d.Municipalities[i].Created, d.Municipalities[i].Modified = at, at.Add(time.Duration(i)*time.Hour)
	}
	return dataset.NewSnapshot(d, 7)
}

// view is the read model of snap.
func view(snap *dataset.Snapshot) *query.View { return query.NewView(snap) }

// get runs a renderer for a GET of target with the given headers.
func get(t testing.TB, target string, header map[string]string, render func(w http.ResponseWriter, r *http.Request) error) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	if err := render(w, r); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return w
}

func TestChoose(t *testing.T) {
	for _, c := range []struct {
		query, accept string
		want          Choice
	}{
		{"", "", Choice{Lang: "en"}},
		{"lang=de", "", Choice{Lang: "de", Explicit: true}},
		{"lang=PL", "de", Choice{Lang: "pl", Explicit: true}},
		{"lang=xx", "fr", Choice{Lang: "fr"}},
		{"lang=", "it", Choice{Lang: "it"}},
		{"", "de-CH, fr;q=0.5", Choice{Lang: "de"}},
		{"", "fr-BE", Choice{Lang: "fr"}},
		{"", "el-GR,el;q=0.9,en;q=0.8", Choice{Lang: "el"}},
		{"", "es-419", Choice{Lang: "es"}},
		{"", "nl, it;q=0.3", Choice{Lang: "it"}},
		{"", "zh-CN", Choice{Lang: "en"}},
		{"", "*", Choice{Lang: "en"}},
		{"", "not a header;;;q=x", Choice{Lang: "en"}},
		{"", "en-GB, de;q=0.9", Choice{Lang: "en"}},
	} {
		r := httptest.NewRequest(http.MethodGet, "/map?"+c.query, nil)
		if c.accept != "" {
			r.Header.Set("Accept-Language", c.accept)
		}
		if got := Choose(r); got != c.want {
			t.Errorf("?%s with Accept-Language %q: %+v, want %+v", c.query, c.accept, got, c.want)
		}
	}
}

// jsonLD returns the JSON-LD data blocks of a page, decoded.
func jsonLD(t testing.TB, page string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func TestEveryEntityRenders(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	type entity struct {
		t  dataset.Type
		id string
	}
	var all []entity
	for _, x := range snap.Municipalities {
		all = append(all, entity{dataset.TypeMunicipality, x.ID})
	}
	for _, x := range snap.Networks {
		all = append(all, entity{dataset.TypeNetwork, x.ID})
	}
	for _, x := range snap.Approaches {
		all = append(all, entity{dataset.TypeApproach, x.ID})
	}
	for _, x := range snap.Categories {
		all = append(all, entity{dataset.TypeCategory, x.ID})
	}
	for _, x := range snap.Countries {
		all = append(all, entity{dataset.TypeCountry, x.ID})
	}
	for _, x := range snap.Memberships {
		all = append(all, entity{dataset.TypeMembership, x.ID})
	}
	for i, e := range all {
		// Every entity in English and German; a sample in every language.
		langs := []string{"en", "de"}
		if i%40 == 0 {
			langs = Languages
		}
		for _, lang := range langs {
			target := docPath(e.t, e.id) + "?lang=" + lang
			w := get(t, target, nil, func(w http.ResponseWriter, r *http.Request) error { return p.Entity(w, r, view(snap), e.t, e.id) })
			page := strings.ReplaceAll(w.Body.String(), "&#43;", "+")
			if w.Code != 200 || !strings.Contains(page, "<h1>") || !strings.Contains(page, `<html lang="`+lang+`">`) {
				t.Fatalf("%s: %d\n%s", target, w.Code, page)
			}
			ld := jsonLD(t, page)
			if len(ld) != 1 || ld[0]["@id"] != testBase+"/id/"+string(e.t)+"/"+e.id || ld[0]["@context"] != "https://schema.org" {
				t.Errorf("%s: JSON-LD %v", target, ld)
			}
			for _, alt := range []string{"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "application/json"} {
				if !strings.Contains(page, `<link rel="alternate" type="`+alt+`" href="`+docPath(e.t, e.id)) {
					t.Errorf("%s: no alternate %s", target, alt)
				}
			}
			if !strings.Contains(page, testBase+"/id/"+string(e.t)+"/"+e.id) {
				t.Errorf("%s: the page does not show the IRI", target)
			}
		}
	}
}

func TestEntityPage(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	m, _ := snap.Municipality("munich")
	w := get(t, "/municipalities/munich", map[string]string{"Accept-Language": "en"}, func(w http.ResponseWriter, r *http.Request) error {
		return p.Entity(w, r, view(snap), dataset.TypeMunicipality, "munich")
	})
	page := w.Body.String()
	for _, want := range []string{
		"https://www.wikidata.org/wiki/" + m.Wikidata, // the Wikidata link
		`href="/vocab#skos-prefLabel"`,                // labels link to the vocabulary
		">Member since<",                              // labels come from the vocabulary
		`<time datetime="` + m.Modified.Format(time.RFC3339) + `">`,
		`lang="de"`, // München is marked as German
		`class="locator"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the municipality page lacks %q", want)
		}
	}
	for _, ms := range snap.MembershipsOf("munich") {
		if !strings.Contains(page, docPath(dataset.TypeNetwork, ms.Network)) {
			t.Errorf("no link to network %s", ms.Network)
		}
	}
	// German labels come from the vocabulary too.
	w = get(t, "/municipalities/munich?lang=de", nil, func(w http.ResponseWriter, r *http.Request) error {
		return p.Entity(w, r, view(snap), dataset.TypeMunicipality, "munich")
	})
	if !strings.Contains(w.Body.String(), ">Mitglied seit<") {
		t.Error("no German label for mc:since")
	}

	r := httptest.NewRequest(http.MethodGet, "/municipalities/nowhere", nil)
	rec := httptest.NewRecorder()
	if err := p.Entity(rec, r, view(snap), dataset.TypeMunicipality, "nowhere"); err != ErrNotFound || rec.Body.Len() != 0 || len(rec.Header()) != 0 {
		t.Errorf("an unknown entity: %v, %d bytes written", err, rec.Body.Len())
	}
}

func TestFallbackToEnglish(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	// An approach whose title and summary are in English only.
	d.Approaches[0].Title = dataset.Text{"en": d.Approaches[0].Title["en"]}
	d.Approaches[0].Summary = dataset.Text{"en": d.Approaches[0].Summary["en"]}
	d.Approaches[0].TitleOrigin, d.Approaches[0].SummaryOrigin = nil, nil
	snap := dataset.NewSnapshot(d, 7)
	a := snap.Approaches[0]
	for _, c := range []struct {
		lang   string
		notice bool
	}{{"en", false}, {"de", true}, {"el", true}} {
		w := get(t, "/approaches/"+a.ID+"?lang="+c.lang, nil, func(w http.ResponseWriter, r *http.Request) error {
			return p.Entity(w, r, view(snap), dataset.TypeApproach, a.ID)
		})
		page := w.Body.String()
		if got := strings.Contains(page, `class="notice`); got != c.notice {
			t.Errorf("%s: notice %v", c.lang, got)
		}
		if c.notice && !strings.Contains(page, `<div class="md" lang="en"><p>`+template.HTMLEscapeString(a.Summary["en"])) {
			t.Errorf("%s: the English summary is not marked as English", c.lang)
		}
		if w.Header().Get("Content-Language") != c.lang {
			t.Errorf("%s: Content-Language %q", c.lang, w.Header().Get("Content-Language"))
		}
	}
}

// A text shown in the page's language that is this project's translation
// says so, in the page's language; the English original and the
// platform's own texts carry no such note (issue 19).
func TestTranslationsAreMarked(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	a := snap.Approaches[0]
	if a.SummaryOrigin["de"] != dataset.OriginTranslation {
		t.Fatalf("the seed's approach %s has no German translation", a.ID)
	}
	for _, c := range []struct {
		lang, note string
	}{
		{"de", "Von diesem Projekt aus dem Englischen übersetzt"},
		{"pl", "Przetłumaczone z angielskiego przez ten projekt"},
		{"en", ""},
	} {
		w := get(t, "/approaches/"+a.ID+"?lang="+c.lang, nil, func(w http.ResponseWriter, r *http.Request) error {
			return p.Entity(w, r, view(snap), dataset.TypeApproach, a.ID)
		})
		page := w.Body.String()
		if !strings.Contains(page, template.HTMLEscapeString(a.Summary[c.lang])) {
			t.Errorf("%s: the summary in %s is not shown", c.lang, c.lang)
		}
		if got := strings.Contains(page, `class="fb-note"`); got != (c.note != "") {
			t.Errorf("%s: translation note shown %v", c.lang, got)
		}
		if c.note != "" && !strings.Contains(page, c.note) {
			t.Errorf("%s: no note %q", c.lang, c.note)
		}
	}
	// The platform's own wording is not marked.
	d, _ := dataset.Seed()
	d.Approaches[0].SummaryOrigin["de"] = dataset.OriginPlatform
	d.Approaches[0].TitleOrigin["de"] = dataset.OriginPlatform
	own := dataset.NewSnapshot(d, 8)
	w := get(t, "/approaches/"+a.ID+"?lang=de", nil, func(w http.ResponseWriter, r *http.Request) error {
		return p.Entity(w, r, view(own), dataset.TypeApproach, a.ID)
	})
	if strings.Contains(w.Body.String(), "Von diesem Projekt aus dem Englischen übersetzt") {
		t.Error("the platform's German summary is marked as our translation")
	}
}

// resourceRefs finds every reference that makes a browser fetch
// something: src and srcset, stylesheet and icon links, SVG image and
// use references, CSS url() and @import, form actions.
var resourceRefs = []*regexp.Regexp{
	regexp.MustCompile(`\s(?:src|srcset|poster|xlink:href)="([^"]*)"`),
	regexp.MustCompile(`<link rel="(?:stylesheet|icon|preload|prefetch|manifest|modulepreload)"[^>]* href="([^"]*)"`),
	regexp.MustCompile(`<(?:image|use|feImage)[^>]* href="([^"]*)"`),
	regexp.MustCompile(`url\(\s*['"]?([^'")]*)`),
	regexp.MustCompile(`@import\s+['"]?([^'";]*)`),
	regexp.MustCompile(`<form[^>]* action="([^"]*)"`),
}

func checkNoExternal(t *testing.T, name, body string) {
	t.Helper()
	for _, re := range resourceRefs {
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			if !strings.HasPrefix(m[1], "/") || strings.HasPrefix(m[1], "//") {
				t.Errorf("%s: %q loads from elsewhere than the service", name, m[0])
			}
		}
	}
	for _, bad := range []string{"<iframe", "<img", "<object", "<embed", "<audio", "<video", " style=", "<style"} {
		if strings.Contains(body, bad) {
			t.Errorf("%s holds %q", name, bad)
		}
	}
	if n, ld := strings.Count(body, "<script"), strings.Count(body, `<script type="application/ld+json">`); n != ld {
		t.Errorf("%s holds a script that is not JSON-LD", name)
	}
}

func TestNoExternalResources(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	rows := int64(202)
	rel := &Release{Name: "2026-11-27-r7", Revision: 7, Generated: time.Date(2026, 11, 27, 3, 30, 0, 0, time.UTC),
		Files: []ReleaseFile{{Name: "municipalities.csv", Bytes: 64000, SHA256: strings.Repeat("ab", 32), MediaType: "text/csv", Rows: &rows}}}
	pages := map[string]func(w http.ResponseWriter, r *http.Request) error{
		"/": func(w http.ResponseWriter, r *http.Request) error {
			return p.Landing(w, r, view(snap), LandingInput{Release: rel, DatasetJSONLD: map[string]any{"@type": "Dataset"}})
		},
		"/map": func(w http.ResponseWriter, r *http.Request) error { return p.Map(w, r, view(snap)) },
		"/browse/municipalities?country=DE": func(w http.ResponseWriter, r *http.Request) error {
			return p.Browse(w, r, view(snap), dataset.TypeMunicipality)
		},
		"/search?q=a": func(w http.ResponseWriter, r *http.Request) error {
			return p.Search(w, r, view(snap))
		},
		"/dumps": func(w http.ResponseWriter, r *http.Request) error {
			return p.Layout(w, r, "Dumps", `<div class="wrap"><h1>Dumps</h1></div>`)
		},
		"/nowhere": func(w http.ResponseWriter, r *http.Request) error { return p.Error(w, r, 404, "Nothing here.") },
	}
	for _, m := range snap.Municipalities {
		id := m.ID
		pages[docPath(dataset.TypeMunicipality, id)] = func(w http.ResponseWriter, r *http.Request) error {
			return p.Entity(w, r, view(snap), dataset.TypeMunicipality, id)
		}
	}
	for target, render := range pages {
		for _, lang := range []string{"en", "el"} {
			w := get(t, target, map[string]string{"Accept-Language": lang}, render)
			checkNoExternal(t, target, w.Body.String())
			if csp := w.Header().Get("Content-Security-Policy"); csp != CSP {
				t.Errorf("%s: CSP %q", target, csp)
			}
		}
	}
	err := fs.WalkDir(assetFS, "assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := assetFS.ReadFile(path)
		body := strings.ReplaceAll(string(b), `xmlns="http://www.w3.org/2000/svg"`, "")
		checkNoExternal(t, path, body)
		if strings.Contains(body, "http:") || strings.Contains(body, "https:") || strings.Contains(body, " href=") {
			t.Errorf("%s refers to something", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestHeadersAndConditionalGET(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	render := func(w http.ResponseWriter, r *http.Request) error { return p.Map(w, r, view(snap)) }
	w := get(t, "/map", map[string]string{"Accept-Language": "fr"}, render)
	h := w.Header()
	for k, want := range map[string]string{
		"Content-Type": "text/html; charset=utf-8", "Content-Language": "fr", "Vary": "Accept-Language",
		"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300",
	} {
		if h.Get(k) != want {
			t.Errorf("%s: %q, want %q", k, h.Get(k), want)
		}
	}
	etag := h.Get("ETag")
	if w := get(t, "/map", map[string]string{"Accept-Language": "fr", "If-None-Match": etag}, render); w.Code != 304 || w.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes", w.Code, w.Body.Len())
	}
	if w := get(t, "/map", map[string]string{"Accept-Language": "de", "If-None-Match": etag}, render); w.Code != 200 {
		t.Errorf("another language has another ETag: %d", w.Code)
	}
	r := httptest.NewRequest(http.MethodHead, "/map", nil)
	rec := httptest.NewRecorder()
	if err := p.Map(rec, r, view(snap)); err != nil || rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %v %d, %d bytes", err, rec.Code, rec.Body.Len())
	}
}

func TestLanding(t *testing.T) {
	p, snap := testPages(t), testSnapshot(t)
	rows, triples := int64(202), int64(12345)
	rel := &Release{Name: "2026-11-27-r7", Revision: 7, Generated: time.Date(2026, 11, 27, 3, 30, 0, 0, time.UTC),
		Files: []ReleaseFile{
			{Name: "municipalities.parquet", Bytes: 23456, SHA256: strings.Repeat("0f", 32), MediaType: "application/vnd.apache.parquet", Rows: &rows},
			{Name: "graph.nt.gz", Bytes: 1234567, SHA256: strings.Repeat("e1", 32), MediaType: "application/gzip", Triples: &triples},
			{Name: "movingcities-2026-11-27-r7.zip", Bytes: 2345678, SHA256: strings.Repeat("a2", 32), MediaType: "application/zip"},
		}, Archive: "movingcities-2026-11-27-r7.zip"}
	for _, c := range []struct {
		name string
		in   LandingInput
		want []string
	}{
		{"with a release", LandingInput{Release: rel, DatasetJSONLD: json.RawMessage(`{"@type":"Dataset","name":"</script><b>"}`)}, []string{
			strings.Repeat("0f", 32), `href="/dumps/2026-11-27-r7/municipalities.parquet"`, ">Parquet<", ">N-Triples (gzip)<",
			">23.5 kB<", "1.2 MB", "version      = {2026-11-27-r7}", "date         = {2026-11-27}", "12,345 triples",
			`"@type":"Dataset"`, `href="/docs"`, `href="/vocab"`, `href="/catalog"`, `href="/reconcile/v0.2"`, "licenses/by/4.0",
			">202<", `<a href="/dumps/2026-11-27-r7/movingcities-2026-11-27-r7.zip">` + msg("en", "landing.archive") + "</a>", ">ZIP<",
		}},
		{"without a release", LandingInput{}, []string{msg("en", "landing.norelease"), "version      = {revision 7}", `href="/dumps"`}},
	} {
		w := get(t, "/", nil, func(w http.ResponseWriter, r *http.Request) error { return p.Landing(w, r, view(snap), c.in) })
		page := w.Body.String()
		// The coverage statement, computed from the snapshot.
		totals, err := dataset.Platform()
		if err != nil {
			t.Fatal(err)
		}
		c.want = append(c.want, template.HTMLEscapeString(dataset.CoverageOf(snap, totals).Statement("en")))
		for _, want := range c.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", c.name, want)
			}
		}
		if strings.Contains(page, "</script><b>") {
			t.Errorf("%s: the JSON-LD can end its script element", c.name)
		}
		if c.in.DatasetJSONLD != nil {
			if ld := jsonLD(t, page); len(ld) != 1 || ld[0]["name"] != "</script><b>" {
				t.Errorf("%s: JSON-LD %v", c.name, ld)
			}
		}
	}
}

func TestLayoutForOtherPages(t *testing.T) {
	p := testPages(t)
	body := template.HTML(`<div class="wrap"><h1>Dumps of the data</h1></div>`)
	w := get(t, "/dumps?lang=it", nil, func(w http.ResponseWriter, r *http.Request) error {
		return p.Layout(w, r, "Dumps", body)
	})
	page := w.Body.String()
	for _, want := range []string{string(body), "<title>Dumps · Moving Cities Open Data</title>", `<html lang="it">`,
		`href="/dumps?lang=it" aria-current="page">Download</a>`, `class="site-header"`, `class="site-footer"`, `href="/dumps?lang=de"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the layout lacks %q", want)
		}
	}
	a, err := p.RenderDocument(Choice{Lang: "de"}, "/vocab", Doc{Title: "Vocabulary", Body: body, BodyLang: "en", Section: "vocab"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := p.RenderDocument(Choice{Lang: "de"}, "/vocab", Doc{Title: "Vocabulary", Body: body, BodyLang: "en", Section: "vocab"})
	if string(a) != string(b) || !strings.Contains(string(a), `<main id="main" tabindex="-1" lang="en">`) ||
		!strings.Contains(string(a), msg("de", "fallback.page")) {
		t.Errorf("RenderDocument:\n%s", a)
	}
	w = get(t, "/nowhere", nil, func(w http.ResponseWriter, r *http.Request) error {
		return p.Error(w, r, http.StatusNotFound, "No page here.")
	})
	if w.Code != 404 || !strings.Contains(w.Body.String(), "No page here.") {
		t.Errorf("Error: %d", w.Code)
	}
}

func TestMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	for key, m := range messages {
		en := verbs.FindAllString(m[0], -1)
		for i, s := range m {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s has no %s text", key, Languages[i])
			}
			if got := verbs.FindAllString(s, -1); strings.Join(got, " ") != strings.Join(en, " ") {
				t.Errorf("%s in %s formats %v, in English %v", key, Languages[i], got, en)
			}
		}
	}
	// Every key the templates and the code name exists.
	used := map[string]bool{}
	keyRe := regexp.MustCompile(`(?:\{\{t |c\.t\(|c\.tf\(|msg\(c\.lang, |msg\("en", |msg\("de", )"([a-z0-9._-]+)"`)
	files, _ := fs.Glob(templateFS, "templates/*.html")
	for _, f := range files {
		b, _ := templateFS.ReadFile(f)
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	goFiles, _ := fs.Glob(os.DirFS("."), "*.go")
	for _, f := range goFiles {
		b, _ := os.ReadFile(f)
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	for _, typ := range dataset.Types {
		used["type."+string(typ)], used["types."+string(typ)] = true, true
	}
	for typ, sorts := range SortOptions {
		used["browse.q."+string(typ)] = true
		for _, s := range sorts {
			used["sort."+s] = true
		}
	}
	for _, k := range []string{"api", "vocab", "catalog", "reconcile", "dumps", "context", "void", "openapi"} {
		used["dev."+k], used["dev."+k+".text"] = true, true
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(used))
	}
	for k := range used {
		if _, ok := messages[k]; !ok && !strings.HasSuffix(k, ".") {
			t.Errorf("message %q is used but not defined", k)
		}
	}
}

func TestAssets(t *testing.T) {
	h := testPages(t).Assets()
	css := AssetPath("site.css")
	if !regexp.MustCompile(`^/assets/site\.[0-9a-f]{10}\.css$`).MatchString(css) {
		t.Fatalf("asset path %q", css)
	}
	for _, c := range []struct {
		path, cache, typ string
		status           int
	}{
		{css, "public, max-age=31536000, immutable", "text/css; charset=utf-8", 200},
		{"/assets/site.css", "public, max-age=3600", "text/css; charset=utf-8", 200},
		{AssetPath("europe.svg"), "public, max-age=31536000, immutable", "image/svg+xml", 200},
		{"/assets/nothing.css", "", "text/plain; charset=utf-8", 404},
		{"/assets/site.0000000000.css", "", "text/plain; charset=utf-8", 404},
	} {
		r := httptest.NewRequest(http.MethodGet, c.path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.status || w.Header().Get("Cache-Control") != c.cache || w.Header().Get("Content-Type") != c.typ {
			t.Errorf("%s: %d %q %q", c.path, w.Code, w.Header().Get("Cache-Control"), w.Header().Get("Content-Type"))
		}
		if c.status == 200 {
			r.Header.Set("If-None-Match", w.Header().Get("ETag"))
			w2 := httptest.NewRecorder()
			h.ServeHTTP(w2, r)
			if w2.Code != 304 {
				t.Errorf("%s: conditional GET %d", c.path, w2.Code)
			}
		}
	}
}

func TestProjection(t *testing.T) {
	if x, y := Project(52, 10); x != 0 || y != 0 {
		t.Errorf("the centre projects to %g, %g", x, y)
	}
	// East is right, north is up (smaller y), and distances are near
	// the truth: Berlin–Munich is about 504 km.
	bx, by := Project(52.52, 13.405)
	mx, my := Project(48.137, 11.575)
	if bx <= 0 || by >= 0 || my <= by {
		t.Errorf("Berlin at %g, %g; Munich at %g, %g", bx, by, mx, my)
	}
	if d := (bx-mx)*(bx-mx) + (by-my)*(by-my); d < 495*495 || d > 515*515 {
		t.Errorf("Berlin–Munich is %g km on the map", d)
	}
	for _, m := range testSnapshot(t).Municipalities {
		if p := m.Coordinates; p != nil {
			if x, y := Project(p.Lat, p.Lon); !EuropeFrame.Contains(x, y) {
				t.Errorf("%s (%g, %g) is off the map", m.ID, p.Lat, p.Lon)
			}
		}
	}
	svg, _ := assetFS.ReadFile("assets/europe.svg")
	f := EuropeFrame
	if want := `viewBox="` + strings.Join([]string{ftoa(f.X), ftoa(f.Y), ftoa(f.W), ftoa(f.H)}, " ") + `"`; !strings.Contains(string(svg), want) {
		t.Errorf("europe.svg is not drawn for EuropeFrame (%s): run scripts/europemap", want)
	}
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
