package api

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
)

func TestPages(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	total := func(target string) int { return a.list(target).Total }
	for _, c := range []struct {
		target string
		status int
		want   []string
	}{
		{"/browse/municipalities", 200, []string{`class="site-header"`, "Results: 202", `rel="next"`}},
		{"/browse/municipalities?country=DE", 200, []string{"Results: " + strconv.Itoa(total("/municipalities?country=DE&limit=1")), `<option value="DE" selected>`}},
		{"/browse/municipalities?country=DE&featured=true", 200, []string{"Results: " + strconv.Itoa(total("/municipalities?country=DE&featured=true&limit=1"))}},
		{"/browse/municipalities?network=solidarity-cities&sort=-name", 200, []string{"Results: " + strconv.Itoa(total("/municipalities?network=solidarity-cities&limit=1"))}},
		{"/browse/municipalities?q=munchen", 200, []string{"Results: " + strconv.Itoa(total("/municipalities?q=munchen&limit=1")), `href="/municipalities/munich"`}},
		{"/browse/networks?scope=european", 200, []string{"Results: " + strconv.Itoa(total("/networks?scope=european&limit=1"))}},
		{"/browse/approaches?category=reception", 200, []string{"Results: " + strconv.Itoa(total("/approaches?category=reception&limit=1"))}},
		{"/browse/categories", 200, []string{"Results: 7"}},
		{"/browse/countries?q=deutsch", 200, []string{"Results: 1", `href="/countries/DE"`}},
		{"/browse/municipalities?country=XX", 422, []string{`no country has the ID &#34;XX&#34;`}},
		{"/browse/municipalities?featured=maybe", 422, []string{"featured"}},
		{"/browse/municipalities?sort=wikidata", 422, []string{"cannot sort by"}},
		{"/browse/municipalities?cursor=nonsense", 400, []string{"cursor"}},
		{"/browse/networks?scope=galactic", 422, []string{"scope"}},
		{"/browse/memberships", 404, []string{`class="site-header"`}},
		{"/browse/things", 404, []string{"things"}},
		{"/search?q=munchen", 200, []string{`href="/municipalities/munich"`}},
		{"/search?q=%CE%B1%CE%B8%CE%B7%CE%BD%CE%B1", 200, []string{`href="/municipalities/athens"`}}, // αθηνα
		{"/search?q=%21%21", 422, []string{"no letter or digit"}},
		{"/search", 200, []string{`<input id="q" name="q"`}},
		{"/map", 200, []string{`<figure class="map">`, `href="/municipalities/munich"`}},
		{"/map?lang=pl", 200, []string{`<html lang="pl">`}},
	} {
		w := a.get(c.target)
		if w.Code != c.status || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s, want %d", c.target, w.Code, w.Header().Get("Content-Type"), c.status)
			continue
		}
		body := w.Body.String()
		for _, want := range c.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page lacks %q", c.target, want)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); csp != pages.CSP {
			t.Errorf("%s: CSP %q", c.target, csp)
		}
	}
	if w := a.get("/browse?country=DE"); w.Code != http.StatusFound || w.Header().Get("Location") != "/browse/municipalities?country=DE" {
		t.Errorf("/browse: %d %s", w.Code, w.Header().Get("Location"))
	}
}

// Walking a browse list by its page links shows every record of the
// API's list once, in the API's order.
func TestBrowsePagination(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for _, target := range []string{"/browse/municipalities", "/browse/municipalities?country=DE&sort=-name", "/browse/approaches?sort=-year_started"} {
		var pageIDs []string
		next := target
		for pages := 0; next != "" && pages < 50; pages++ {
			w := a.get(next)
			if w.Code != 200 {
				t.Fatalf("%s: %d", next, w.Code)
			}
			body := w.Body.String()
			for _, m := range regexp.MustCompile(`<p class="item-title"><a href="/[a-z]+/([^"?]+)"`).FindAllStringSubmatch(body, -1) {
				pageIDs = append(pageIDs, m[1])
			}
			next = ""
			if m := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(body); m != nil {
				next = html.UnescapeString(m[1])
			}
		}
		u, _ := url.Parse(target)
		apiPath := "/" + strings.TrimPrefix(u.Path, "/browse/")
		q := u.Query()
		if q.Get("sort") == "" {
			q.Set("sort", pages.SortOptions[typeOfPath(apiPath)][0])
		}
		apiIDs, _ := a.walk(apiPath+"?"+q.Encode()+"&limit=100", nil)
		if strings.Join(pageIDs, " ") != strings.Join(apiIDs, " ") {
			t.Errorf("%s: the pages show %d records, the API %d:\n%v\n%v", target, len(pageIDs), len(apiIDs), pageIDs, apiIDs)
		}
	}
}

func typeOfPath(p string) dataset.Type {
	t, _ := dataset.ParseType(strings.TrimPrefix(p, "/"))
	return t
}

func TestPagesAssets(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	w := a.get("/browse/categories")
	css := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`).FindStringSubmatch(w.Body.String())
	if css == nil {
		t.Fatal("no stylesheet")
	}
	w = a.get(css[1])
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("%s: %d %q %q", css[1], w.Code, w.Header().Get("Content-Type"), w.Header().Get("Cache-Control"))
	}
	if w := a.get("/favicon.ico"); w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" {
		t.Errorf("/favicon.ico: %d", w.Code)
	}
}

// The vocabulary's documentation is in the pages' layout, in the
// interface language asked for, and says its content is English.
func TestVocabPageInLayout(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for _, c := range []struct {
		target, accept, lang string
		notice               bool
	}{
		{"/vocab", "en", "en", false},
		{"/vocab", "de-AT", "de", true},
		{"/vocab.html?lang=fr", "de", "fr", true},
	} {
		w := a.do(http.MethodGet, c.target, http.Header{"Accept": {"text/html"}, "Accept-Language": {c.accept}})
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, `class="site-header"`) || !strings.Contains(body, `id="Municipality"`) ||
			!strings.Contains(body, `<html lang="`+c.lang+`">`) || w.Header().Get("Content-Language") != c.lang {
			t.Errorf("%s (%s): %d, Content-Language %q", c.target, c.accept, w.Code, w.Header().Get("Content-Language"))
		}
		if got := strings.Contains(body, `<main id="main" tabindex="-1" lang="en">`); got != c.notice {
			t.Errorf("%s (%s): main marked English: %v", c.target, c.accept, got)
		}
		if vary := strings.Join(w.Header().Values("Vary"), ", "); !strings.Contains(vary, "Accept-Language") {
			t.Errorf("%s: Vary %q", c.target, vary)
		}
	}
	// The suffix URL serves the negotiated bytes.
	h := http.Header{"Accept": {"text/html"}, "Accept-Language": {"it"}}
	if a, b := a.do(http.MethodGet, "/vocab", h), a.do(http.MethodGet, "/vocab.html", h); a.Body.String() != b.Body.String() {
		t.Error("/vocab.html differs from /vocab as HTML")
	}
}
