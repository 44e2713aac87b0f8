package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// No request header may choose a URL the service writes: answers are
// cached and shared, so a reflected Host would poison them (issue 16,
// item 2).
func TestRequestHostNeverReachesAnswers(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	const evil = "evil.example"
	headers := []struct {
		name string
		h    http.Header
	}{
		{"X-Forwarded-Host", http.Header{"X-Forwarded-Host": {evil}}},
		{"Forwarded", http.Header{"Forwarded": {"for=1.2.3.4;host=" + evil + ";proto=https"}}},
		{"Host", nil},
	}
	paths := []string{"/municipalities", "/municipalities/munich", "/municipalities/munich.json", "/networks",
		"/healthz", "/countries/DE", "/reconcile", "/catalog", "/nothing-here", "/municipalities?limit=x"}
	for _, hd := range headers {
		for _, p := range paths {
			t.Run(hd.name+" "+p, func(t *testing.T) {
				r := a.request(http.MethodGet, p, hd.h)
				r.Host = evil
				w := a.serve(r)
				if strings.Contains(w.Body.String(), evil) {
					t.Errorf("GET %s with %s: the body names %s: %.300s", p, hd.name, evil, w.Body)
				}
				for k, v := range w.Header() {
					if strings.Contains(strings.Join(v, " "), evil) {
						t.Errorf("GET %s with %s: header %s names %s: %q", p, hd.name, k, evil, v)
					}
				}
			})
		}
	}
	// And the $schema link is the base's.
	w := a.do(http.MethodGet, "/healthz", http.Header{"X-Forwarded-Host": {evil}})
	if !strings.Contains(w.Body.String(), `"$schema":"`+testBase+`/schemas/`) {
		t.Errorf("$schema is not under the base URI: %.300s", w.Body)
	}
}

// request builds a request as do sends it, for tests that change more
// than its headers.
func (a *testAPI) request(method, target string, header http.Header) *http.Request {
	r := httptest.NewRequest(method, strings.TrimPrefix(target, testBase), nil)
	for k, v := range header {
		r.Header[k] = v
	}
	return r
}

func (a *testAPI) serve(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}
