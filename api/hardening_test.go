package api

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
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

// Metrics labels come from fixed sets: invented methods, paths and
// statuses must not each open a time series (issue 16, item 1).
func TestMetricsLabelsAreBounded(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for i := range 50 {
		a.do(fmt.Sprintf("X%dMETHOD", i), "/municipalities", nil)
		a.get(fmt.Sprintf("/no/such/path/%d", i))
		a.get(fmt.Sprintf("/municipalities/nope-%d", i))
	}
	a.get("/municipalities?limit=1")
	w := a.get("/metrics")
	body := w.Body.String()
	var requests int
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "http_requests_total{") {
			requests++
		}
		if strings.Contains(line, "METHOD") || strings.Contains(line, "/no/such") || strings.Contains(line, "nope-") {
			t.Errorf("a label holds what the client sent: %s", line)
		}
	}
	// other unmatched 4xx, GET unmatched 4xx, {id} 4xx, /municipalities 2xx.
	if requests > 4 {
		t.Errorf("%d request series after 150 requests of 4 kinds:\n%s", requests, body)
	}
	for _, want := range []string{
		`http_requests_total{method="other",route="unmatched",status="4xx"} 50`,
		`http_requests_total{method="GET",route="unmatched",status="4xx"} 50`,
		`http_requests_total{method="GET",route="/municipalities/{id}",status="4xx"} 50`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestMetricsElsewhere(t *testing.T) {
	reg := NewRegistry()
	a := newTestAPI(t, seed(t), Config{Metrics: reg, MetricsElsewhere: true})
	a.get("/municipalities?limit=1")
	if w := a.get("/metrics"); w.Code != http.StatusNotFound {
		t.Errorf("GET /metrics on the public handler = %d, want 404", w.Code)
	}
	w := httptest.NewRecorder()
	MetricsHandler(reg).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `route="/municipalities",status="2xx"`) {
		t.Errorf("GET /metrics on its own listener = %d %.300s", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	MetricsHandler(reg).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/municipalities", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("GET /municipalities on the metrics listener = %d, want 404", w.Code)
	}
}

// serveRange answers a request for a 100-byte file the way /dumps files
// are answered.
func serveRange(rangeHeader string) *httptest.ResponseRecorder {
	content := strings.Repeat("0123456789", 10)
	r := httptest.NewRequest(http.MethodGet, "/dumps/latest/municipalities.csv", nil)
	r.Header.Set("Range", rangeHeader)
	w := httptest.NewRecorder()
	if checkRange(w, r, int64(len(content))) {
		http.ServeContent(&rangeProblems{ResponseWriter: w, size: int64(len(content))}, r, "municipalities.csv",
			time.Time{}, strings.NewReader(content))
	}
	return w
}

// Range on /dumps (issue 16, item 7).
func TestDumpRanges(t *testing.T) {
	for _, tc := range []struct {
		rng, contentRange, contentType string
		status, length                 int
	}{
		{"bytes=0-9", "bytes 0-9/100", "", 206, 10},
		{"bytes=-10", "bytes 90-99/100", "", 206, 10},
		{"items=0-9", "", "", 200, 100}, // unknown unit: ignored
		{"bytes=-0", "bytes */100", "application/problem+json", 416, -1},
		{"bytes=-0,0-4", "bytes 0-4/100", "", 206, 5},
		{"bytes=200-300", "bytes */100", "application/problem+json", 416, -1},
		{"bytes=x-y", "", "application/problem+json", 416, -1},
	} {
		w := serveRange(tc.rng)
		if w.Code != tc.status || w.Header().Get("Content-Range") != tc.contentRange {
			t.Errorf("Range %s: %d, Content-Range %q; want %d, %q", tc.rng, w.Code, w.Header().Get("Content-Range"), tc.status, tc.contentRange)
		}
		if tc.contentType != "" {
			var p map[string]any
			if ct := w.Header().Get("Content-Type"); ct != tc.contentType || json.Unmarshal(w.Body.Bytes(), &p) != nil || p["status"] != float64(tc.status) {
				t.Errorf("Range %s: %q %q, want a problem", tc.rng, ct, w.Body)
			}
		}
		if tc.length >= 0 && w.Body.Len() != tc.length {
			t.Errorf("Range %s: %d bytes, want %d", tc.rng, w.Body.Len(), tc.length)
		}
	}
}

// A chunked body over the limit is 413 on the reconciliation routes too,
// and no error names a socket address (issue 16, item 6).
func TestReconcileBodiesAreLimitedLikeOtherRoutes(t *testing.T) {
	srv := httptest.NewServer(newTestAPI(t, seed(t), Config{MaxBodyBytes: 1024}).h)
	defer srv.Close()
	big := "queries=" + strings.Repeat("x", 4096)
	for _, tc := range []struct{ path, ctype, body string }{
		{"/reconcile/v0.2", "application/x-www-form-urlencoded", big},
		{"/reconcile", "application/x-www-form-urlencoded", big},
		{"/reconcile", "application/json", `{"queries":[` + strings.Repeat(`{"query":"x"},`, 400) + `{"query":"x"}]}`},
	} {
		// An io.Reader of unknown length: the body goes chunked.
		req, _ := http.NewRequest(http.MethodPost, srv.URL+tc.path, io.MultiReader(strings.NewReader(tc.body)))
		req.Header.Set("Content-Type", tc.ctype)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("POST %s (%s, chunked, %d bytes) = %d %s", tc.path, tc.ctype, len(tc.body), res.StatusCode, b)
		}
	}
}

// A stalled body is cut off after the body timeout with 408, and the
// answer names no address.
func TestReconcileStalledBody(t *testing.T) {
	srv := httptest.NewServer(newTestAPI(t, seed(t), Config{}).h)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /reconcile/v0.2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nqueries=")
	start := time.Now()
	_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	if took := time.Since(start); res.StatusCode != http.StatusRequestTimeout || took > 8*time.Second {
		t.Errorf("stalled body: %d after %v: %s", res.StatusCode, took, b)
	}
	if strings.Contains(string(b), "127.0.0.1") || strings.Contains(string(b), "tcp") {
		t.Errorf("the answer names an address: %s", b)
	}
}

// Every HTML answer carries the security headers, and a browser asking
// for a missing page gets a page (issue 16, item 8).
func TestHTMLAnswersCarrySecurityHeaders(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	html := http.Header{"Accept": {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}}
	for _, path := range []string{"/docs", "/reconcile/preview?id=munich", "/no/such/page", "/municipalities/munich",
		"/browse/nothing", "/", "/map"} {
		w := a.do(http.MethodGet, path, html)
		h := w.Header()
		if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Errorf("%s for a browser: %d %q, want an HTML page", path, w.Code, h.Get("Content-Type"))
			continue
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors") || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: CSP %q, X-Content-Type-Options %q, Referrer-Policy %q", path,
				h.Get("Content-Security-Policy"), h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
	}
	if w := a.do(http.MethodGet, "/no/such/page", nil); w.Code != http.StatusNotFound || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("missing page for a program: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
}
