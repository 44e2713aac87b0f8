package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

// The representations whose bytes change with the revision only (the
// dataset stream, fragments) share one preamble (respond.go): 503 before
// the first snapshot, a weak ETag naming the revision and format, and a
// 304 carrying the same validators and Cache-Control as the 200.
func TestRevisionPreamble(t *testing.T) {
	fragment := strings.TrimPrefix(tpf.URL(testBase, tpf.Pattern{P: vocab.OrgMember.Node()}, 1), testBase)
	for _, tc := range []struct{ name, path, etag string }{
		{"dataset", "/dataset.ttl", `W/"r1-turtle-`},
		{"fragments", strings.Replace(fragment, "/fragments?", "/fragments.ttl?", 1), `W/"r1-turtle-`},
		{"fragments, TriG", strings.Replace(fragment, "/fragments?", "/fragments.trig?", 1), `W/"r1-trig-`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			empty := &testAPI{t: t, cur: &testStates{}}
			empty.h = mustNew(t, Config{BaseURI: testBase, RateLimit: -1, FragmentsRateLimit: -1}, empty.cur)
			if w := empty.do(http.MethodGet, tc.path, nil); w.Code != http.StatusServiceUnavailable ||
				w.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("no snapshot: %d %s", w.Code, w.Header().Get("Content-Type"))
			}

			d := seed(t)
			a := &testAPI{t: t, cur: &testStates{}}
			snap := dataset.NewSnapshot(d, 1)
			if snap.Modified.IsZero() {
				snap.Modified = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
			}
			a.cur.Store(snap)
			a.h = mustNew(t, Config{BaseURI: testBase, RateLimit: -1, FragmentsRateLimit: -1}, a.cur)
			ok := a.do(http.MethodGet, tc.path, nil)
			etag := ok.Header().Get("ETag")
			if ok.Code != http.StatusOK || !strings.HasPrefix(etag, tc.etag) || ok.Header().Get("Cache-Control") == "" {
				t.Fatalf("200: %d ETag %q Cache-Control %q", ok.Code, etag, ok.Header().Get("Cache-Control"))
			}
			lm := ok.Header().Get("Last-Modified")
			if lm == "" {
				t.Error("200 without Last-Modified")
			}
			conds := []http.Header{{"If-None-Match": {`"other", ` + etag}}, {"If-Modified-Since": {lm}}}
			for _, h := range conds {
				w := a.do(http.MethodGet, tc.path, h)
				if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
					t.Errorf("%v: %d with %d bytes", h, w.Code, w.Body.Len())
				}
				for _, k := range []string{"ETag", "Cache-Control", "Last-Modified"} {
					if w.Header().Get(k) != ok.Header().Get(k) {
						t.Errorf("%v: 304 %s %q, 200 had %q", h, k, w.Header().Get(k), ok.Header().Get(k))
					}
				}
			}
			if w := a.do(http.MethodGet, tc.path, http.Header{"If-None-Match": {`W/"r0-turtle-x"`}}); w.Code != http.StatusOK {
				t.Errorf("another revision's ETag: %d", w.Code)
			}
		})
	}
}
