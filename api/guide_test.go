package api

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/guide"
	"github.com/moving-cities/opendata/pages"
)

// guideAPI is the whole handler over a small dataset (the seed's
// countries, networks and categories, its first few municipalities) whose
// dumps folder holds one release.
func guideAPI(t *testing.T) (*testAPI, *dumps.Result) {
	t.Helper()
	d := seed(t)
	d.Municipalities = d.Municipalities[:12]
	keep := map[string]bool{}
	for _, m := range d.Municipalities {
		keep[m.ID] = true
	}
	var ms []dataset.Membership
	for _, m := range d.Memberships {
		if keep[m.Municipality] {
			ms = append(ms, m)
		}
	}
	d.Memberships = ms
	var as []dataset.Approach
	for _, a := range d.Approaches {
		if keep[a.Municipality] {
			as = append(as, a)
		}
	}
	d.Approaches = as
	dir := t.TempDir()
	a := newTestAPI(t, d, Config{DumpsDir: dir})
	a.cur.dir, a.cur.base = dir, testBase
	dm := &dumps.Dumper{Dir: dir, BaseURI: testBase, Now: func() time.Time { return time.Date(2026, 12, 1, 3, 30, 0, 0, time.UTC) }}
	res, err := dm.Release(context.Background(), a.cur.Load())
	if err != nil {
		t.Fatal(err)
	}
	return a, res
}

// /guide offers the latest release's guide in every language, the one of
// the interface language first, and each link serves that PDF.
func TestGuidePage(t *testing.T) {
	a, res := guideAPI(t)
	for _, lang := range dataset.Languages {
		w := a.get("/guide?lang=" + lang)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", lang, w.Code, w.Body)
		}
		body := w.Body.String()
		if got := w.Header().Get("Content-Language"); got != lang {
			t.Errorf("%s: Content-Language %q", lang, got)
		}
		first := strings.Index(body, `href="/dumps/`+res.Release+"/")
		if first < 0 || !strings.HasPrefix(body[first:], `href="/dumps/`+res.Release+"/"+guide.FileName(lang)+`"`) {
			t.Errorf("%s: the first guide offered is not the page's language", lang)
		}
		for _, other := range dataset.Languages {
			href := "/dumps/" + res.Release + "/" + guide.FileName(other)
			if !strings.Contains(body, `href="`+href+`"`) {
				t.Errorf("%s: no link to %s", lang, href)
			}
		}
		if !strings.Contains(body, `href="/dumps/`+res.Release+"/"+guide.ProfilesFile+`"`) {
			t.Errorf("%s: no link to the profiles", lang)
		}
	}
	for _, lang := range []string{"el", "pl"} {
		w := a.get("/dumps/" + res.Release + "/" + guide.FileName(lang))
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF-")) {
			t.Errorf("%s guide: %d %s", lang, w.Code, w.Header().Get("Content-Type"))
		}
	}
}

func TestGuidePageBeforeTheFirstRelease(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	w := a.get("/guide?lang=de")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "noch gibt es keine") || strings.Contains(w.Body.String(), ".pdf") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

// A municipality's page links its profile in the page's language; the
// profile is made from the snapshot in force.
func TestProfileFollowsTheSnapshot(t *testing.T) {
	a, res := guideAPI(t)
	snap := a.cur.Load()
	m := snap.Municipalities[3]
	page := a.do(http.MethodGet, "/municipalities/"+m.ID+"?lang=pl", http.Header{"Accept": {"text/html"}}).Body.String()
	href := pages.ProfilePath(m.ID) + "?lang=pl"
	if !strings.Contains(page, `href="`+href+`"`) {
		t.Fatalf("the page does not link %s", href)
	}

	// The served profile, in English, is the one WriteProfile makes of
	// the snapshot in force, whose pages the release's book holds
	// (guide.TestProfilesBook).
	var want bytes.Buffer
	if err := guide.WriteProfile(&want, guide.Input{Snap: snap, BaseURI: testBase}, m, guide.ProfileLang); err != nil {
		t.Fatal(err)
	}
	book, err := os.ReadFile(filepath.Join(a.cur.dir, res.Release, guide.ProfilesFile))
	if err != nil || !bytes.HasPrefix(book, []byte("%PDF-")) {
		t.Fatalf("the release's book of profiles: %v", err)
	}

	w := a.get(pages.ProfilePath(m.ID) + "?lang=" + guide.ProfileLang)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("%d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
		t.Error("the served profile is not the snapshot's")
	}
	etag := w.Header().Get("ETag")
	if etag == "" || strings.HasPrefix(etag, "W/") {
		t.Errorf("ETag %q, want a strong one", etag)
	}
	if w := a.do(http.MethodGet, pages.ProfilePath(m.ID)+"?lang=en", http.Header{"If-None-Match": {etag}}); w.Code != http.StatusNotModified {
		t.Errorf("conditional GET: %d", w.Code)
	}
	pl := a.get(pages.ProfilePath(m.ID) + "?lang=pl")
	if pl.Code != http.StatusOK || pl.Header().Get("Content-Language") != "pl" || bytes.Equal(pl.Body.Bytes(), want.Bytes()) {
		t.Errorf("Polish profile: %d, Content-Language %q", pl.Code, pl.Header().Get("Content-Language"))
	}
	if !strings.Contains(pl.Header().Get("Vary"), "Accept-Language") {
		t.Errorf("Vary %q", pl.Header().Get("Vary"))
	}
	for _, c := range []struct {
		target string
		status int
	}{
		{pages.ProfilePath("no-such-town"), http.StatusNotFound},
		{pages.ProfilePath(m.ID) + "?format=a5", http.StatusUnprocessableEntity},
	} {
		if w := a.get(c.target); w.Code != c.status || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", c.target, w.Code, w.Header().Get("Content-Type"))
		}
	}
}
