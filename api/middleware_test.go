package api

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

func TestCORS(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	t.Run("read", func(t *testing.T) {
		w := a.do(http.MethodGet, "/municipalities?limit=1", http.Header{"Origin": {"https://example.org"}})
		if got := w.Header().Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("Allow-Origin %q", got)
		}
		exposed := w.Header().Get("Access-Control-Expose-Headers")
		for _, h := range []string{"Link", "Retry-After", "Location", "ETag"} {
			if !strings.Contains(exposed, h) {
				t.Errorf("Expose-Headers %q lacks %s", exposed, h)
			}
		}
	})
	t.Run("preflight", func(t *testing.T) {
		w := a.do(http.MethodOptions, "/municipalities", http.Header{
			"Origin":                         {"https://example.org"},
			"Access-Control-Request-Method":  {"GET"},
			"Access-Control-Request-Headers": {"if-none-match"},
		})
		if w.Code != http.StatusNoContent {
			t.Fatalf("status %d", w.Code)
		}
		h := w.Header()
		if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") ||
			!strings.Contains(h.Get("Access-Control-Allow-Headers"), "If-None-Match") || h.Get("Access-Control-Max-Age") == "" {
			t.Errorf("preflight headers %v", h)
		}
		if strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") {
			t.Errorf("writes allowed: %s", h.Get("Access-Control-Allow-Methods"))
		}
	})
	t.Run("reconciliation queries by POST", func(t *testing.T) {
		w := a.do(http.MethodOptions, "/reconcile/reconcile", http.Header{
			"Origin":                         {"https://example.org"},
			"Access-Control-Request-Method":  {"POST"},
			"Access-Control-Request-Headers": {"content-type"},
		})
		if !strings.Contains(w.Header().Get("Access-Control-Allow-Methods"), "POST") ||
			!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Content-Type") {
			t.Errorf("preflight headers %v", w.Header())
		}
	})
	t.Run("errors too", func(t *testing.T) {
		w := a.do(http.MethodGet, "/municipalities/nope", http.Header{"Origin": {"https://example.org"}})
		if w.Code != http.StatusNotFound || w.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%d %v", w.Code, w.Header())
		}
	})
}

func TestRateLimit(t *testing.T) {
	get := func(a *testAPI, remote string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, "/municipalities?limit=1", nil)
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		a.h.ServeHTTP(w, r)
		return w
	}
	t.Run("429 with Retry-After", func(t *testing.T) {
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 3})
		for i := range 3 {
			if w := get(a, "203.0.113.7:5000"); w.Code != http.StatusOK {
				t.Fatalf("request %d: %d", i, w.Code)
			}
		}
		w := get(a, "203.0.113.7:5001")
		if w.Code != http.StatusTooManyRequests {
			t.Fatalf("status %d, want 429", w.Code)
		}
		if w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("Content-Type %q", w.Header().Get("Content-Type"))
		}
		secs, err := strconv.Atoi(w.Header().Get("Retry-After"))
		if err != nil || secs < 1 || secs > 2 {
			t.Errorf("Retry-After %q", w.Header().Get("Retry-After"))
		}
		if !strings.Contains(w.Body.String(), "retry after") {
			t.Errorf("body %s", w.Body)
		}
		// Another client has its own bucket.
		if w := get(a, "198.51.100.1:5000"); w.Code != http.StatusOK {
			t.Errorf("other client: %d", w.Code)
		}
	})
	t.Run("loopback exempt by default", func(t *testing.T) {
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 1})
		for i := range 5 {
			for _, remote := range []string{"127.0.0.1:5000", "[::1]:5000"} {
				if w := get(a, remote); w.Code != http.StatusOK {
					t.Fatalf("%s request %d: %d", remote, i, w.Code)
				}
			}
		}
	})
	t.Run("loopback limited when asked", func(t *testing.T) {
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 1, RateLimitLoopback: true})
		get(a, "127.0.0.1:5000")
		if w := get(a, "127.0.0.1:5000"); w.Code != http.StatusTooManyRequests {
			t.Errorf("status %d, want 429", w.Code)
		}
	})
	t.Run("fragments have a budget of their own", func(t *testing.T) {
		// Each budget is one request; a client spending one keeps the other.
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 1, FragmentsRateLimit: 0.5, FragmentsRateBurst: 1})
		fragment := strings.TrimPrefix(tpf.URL(testBase, tpf.Pattern{P: vocab.OrgMember.Node()}, 1), testBase)
		send := func(remote, target string) int {
			r := httptest.NewRequest(http.MethodGet, target, nil)
			r.RemoteAddr = remote
			w := httptest.NewRecorder()
			a.h.ServeHTTP(w, r)
			return w.Code
		}
		for _, tc := range []struct {
			name, remote  string
			first, second string
		}{
			{"general, then fragments", "203.0.113.20:1", "/municipalities?limit=1", fragment},
			{"fragments, then general", "203.0.113.21:1", fragment, "/municipalities?limit=1"},
			{"fragments with a suffix, then general", "203.0.113.22:1", strings.Replace(fragment, "/fragments?", "/fragments.nt?", 1), "/municipalities?limit=1"},
		} {
			if c := send(tc.remote, tc.first); c != http.StatusOK {
				t.Fatalf("%s: first %s: %d", tc.name, tc.first, c)
			}
			if c := send(tc.remote, tc.second); c != http.StatusOK {
				t.Errorf("%s: %s answered %d after the other budget was spent", tc.name, tc.second, c)
			}
			// Each budget is now spent.
			for _, target := range []string{tc.first, tc.second} {
				if c := send(tc.remote, target); c != http.StatusTooManyRequests {
					t.Errorf("%s: %s again: %d, want 429", tc.name, target, c)
				}
			}
		}
	})
	t.Run("fragments budget off, general on", func(t *testing.T) {
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 1, FragmentsRateLimit: -1})
		for i := range 5 {
			r := httptest.NewRequest(http.MethodGet, "/fragments", nil)
			r.RemoteAddr = "203.0.113.30:1"
			w := httptest.NewRecorder()
			a.h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Fatalf("fragment request %d: %d", i, w.Code)
			}
		}
		if w := get(a, "203.0.113.30:2"); w.Code != http.StatusOK {
			t.Errorf("general request after fragments: %d", w.Code)
		}
		if w := get(a, "203.0.113.30:3"); w.Code != http.StatusTooManyRequests {
			t.Errorf("second general request: %d, want 429", w.Code)
		}
	})
	t.Run("client address from a proxy header", func(t *testing.T) {
		a := newTestAPI(t, seed(t), Config{RateLimit: 0.5, RateBurst: 1, ClientIPHeader: "X-Forwarded-For"})
		send := func(xff string) int {
			r := httptest.NewRequest(http.MethodGet, "/municipalities?limit=1", nil)
			r.RemoteAddr = "127.0.0.1:4000" // the proxy
			r.Header.Set("X-Forwarded-For", xff)
			w := httptest.NewRecorder()
			a.h.ServeHTTP(w, r)
			return w.Code
		}
		if send("10.0.0.1, 203.0.113.9") != 200 || send("203.0.113.9") != 429 || send("203.0.113.10") != 200 {
			t.Error("the limit does not follow the forwarded address")
		}
	})
	t.Run("refill", func(t *testing.T) {
		now := time.Unix(1000, 0)
		l := newLimiter(2, 2, false, "", func() time.Time { return now })
		for range 2 {
			if ok, _ := l.allow("c"); !ok {
				t.Fatal("burst refused")
			}
		}
		ok, wait := l.allow("c")
		if ok || wait != 500*time.Millisecond {
			t.Errorf("allow = %v, wait %v; want refused, 500ms", ok, wait)
		}
		now = now.Add(500 * time.Millisecond)
		if ok, _ := l.allow("c"); !ok {
			t.Error("not refilled")
		}
		now = now.Add(2 * time.Minute)
		l.allow("d")
		if _, ok := l.buckets["c"]; ok {
			t.Error("idle client not forgotten")
		}
	})
}

func TestCompressionAndHEAD(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	w := a.do(http.MethodGet, "/municipalities?limit=100", http.Header{"Accept-Encoding": {"gzip"}})
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", w.Header().Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	var p testPage
	if err := json.NewDecoder(zr).Decode(&p); err != nil || len(p.Items) != 100 {
		t.Errorf("gzipped body: %v, %d items", err, len(p.Items))
	}
	if w := a.do(http.MethodGet, "/municipalities/nope", http.Header{"Accept-Encoding": {"gzip"}}); w.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("problem not compressed")
	}

	head := a.do(http.MethodHead, "/municipalities/munich", nil)
	if head.Code != http.StatusOK || head.Header().Get("Content-Type") != "application/json" {
		t.Errorf("HEAD: %d %q", head.Code, head.Header().Get("Content-Type"))
	}
}

func TestMetrics(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	a.get("/municipalities/munich")
	a.get("/municipalities/nope")
	a.get("/municipalities?limit=1")
	a.get("/no/such/path")
	w := a.get("/metrics")
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("%d %q", w.Code, w.Header().Get("Content-Type"))
	}
	body := w.Body.String()
	for _, want := range []string{
		`http_requests_total{method="GET",route="/municipalities/{id}",status="2xx"} 1`,
		`http_requests_total{method="GET",route="/municipalities/{id}",status="4xx"} 1`,
		`http_requests_total{method="GET",route="/municipalities",status="2xx"} 1`,
		`http_requests_total{method="GET",route="unmatched",status="4xx"} 1`,
		`http_request_duration_seconds_bucket{method="GET",route="/municipalities/{id}",status="2xx",le="+Inf"} 1`,
		`http_request_duration_seconds_count{method="GET",route="/municipalities",status="2xx"} 1`,
		"# TYPE http_request_duration_seconds histogram",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	// Every sample line is well formed.
	sample := regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? [-+0-9.eEInf]+$`)
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if !strings.HasPrefix(line, "#") && !sample.MatchString(line) {
			t.Errorf("malformed sample %q", line)
		}
	}
}

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	cur := &testStates{}
	cur.Store(dataset.NewSnapshot(seed(t), 1))
	h, err := New(Config{BaseURI: testBase, RateLimit: -1}, cur, slog.New(slog.NewJSONHandler(&buf, nil)))
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/municipalities/munich", nil)
	r.Header.Set("X-Request-ID", "abc-123")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Header().Get("X-Request-ID") != "abc-123" {
		t.Errorf("request ID not echoed: %q", w.Header().Get("X-Request-ID"))
	}
	var entry map[string]any
	if err := json.Unmarshal(buf.Bytes(), &entry); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	for k, want := range map[string]any{"msg": "request", "method": "GET", "path": "/municipalities/munich",
		"route": "/municipalities/{id}", "status": float64(200), "request_id": "abc-123"} {
		if entry[k] != want {
			t.Errorf("log %s = %v, want %v", k, entry[k], want)
		}
	}
	if _, ok := entry["duration_ms"].(float64); !ok {
		t.Errorf("no duration in %v", entry)
	}
}

func TestTimeoutAndBodyLimit(t *testing.T) {
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	w := httptest.NewRecorder()
	timeoutAfter(10*time.Millisecond, nil)(slow).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("timeout: %d %s", w.Code, w.Body)
	}

	read := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			problem(w, http.StatusRequestEntityTooLarge, err.Error(), nil)
		}
	})
	limited := limitBody(10)(read)
	for _, tc := range []struct {
		body   string
		length int64
		status int
	}{
		{"short", 5, 200},
		{"much too long a body", 20, 413},
		{"much too long a body", -1, 413}, // length unknown: cut while reading
	} {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tc.body))
		r.ContentLength = tc.length
		w := httptest.NewRecorder()
		limited.ServeHTTP(w, r)
		if w.Code != tc.status {
			t.Errorf("body %q (length %d): %d, want %d", tc.body, tc.length, w.Code, tc.status)
		}
	}
}

func TestPanicIsProblem(t *testing.T) {
	var buf bytes.Buffer
	boom := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	w := httptest.NewRecorder()
	observe(slog.New(slog.NewJSONHandler(&buf, nil)), newMetrics(nil), false)(boom).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusInternalServerError || w.Header().Get("Content-Type") != "application/problem+json" ||
		strings.Contains(w.Body.String(), "boom") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	if !strings.Contains(buf.String(), "boom") {
		t.Error("panic not logged")
	}
}

func TestDocs(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	w := a.get("/docs")
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("%d %q", w.Code, w.Header().Get("Content-Type"))
	}
	page := w.Body.String()
	for _, want := range []string{"list-municipalities", "/networks/{id}/members", "get-wikidata-entity",
		"<code>bbox</code>", "<code>cursor</code>", `id="schema-Municipality"`, "/openapi.yaml"} {
		if !strings.Contains(page, want) {
			t.Errorf("docs lack %q", want)
		}
	}
	// Nothing is loaded from another host: no script at all, and no
	// src or stylesheet link.
	for _, bad := range []string{"<script", " src=", `rel="stylesheet"`, "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("docs contain %q", bad)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	for _, path := range []string{"/openapi.yaml", "/openapi.json"} {
		if w := a.get(path); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "list-municipalities") {
			t.Errorf("%s: %d", path, w.Code)
		}
	}
}

// Release files go out byte for byte, so that Range and the file's ETag
// hold; every other answer is compressed.
func TestCompressionSkipsDumpFiles(t *testing.T) {
	body := strings.Repeat("municipality,country\n", 200)
	h := plumbing(Config{}, slog.New(slog.DiscardHandler))
	var handler http.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		io.WriteString(w, body)
	})
	for i := len(h) - 1; i >= 0; i-- {
		handler = h[i](handler)
	}
	for _, tc := range []struct {
		path string
		gzip bool
	}{
		{"/dumps/latest/municipalities.csv", false},
		{"/dumps/2026-11-26-r1/municipalities.csv", false},
		{"/municipalities.csv", true},
	} {
		r := httptest.NewRequest(http.MethodGet, tc.path, nil)
		r.Header.Set("Accept-Encoding", "gzip")
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, r)
		if got := w.Header().Get("Content-Encoding") == "gzip"; got != tc.gzip {
			t.Errorf("%s: gzip %v, want %v", tc.path, got, tc.gzip)
		}
		if !tc.gzip && w.Body.String() != body {
			t.Errorf("%s: body changed", tc.path)
		}
	}
}

// Entity documents of the snapshot in force skip the request timeout:
// they are answered from memory. Everything else keeps it.
func TestReadsDocument(t *testing.T) {
	for _, tc := range []struct {
		method, target string
		want           bool
	}{
		{http.MethodGet, "/municipalities/gdansk.ttl", true},
		{http.MethodHead, "/municipalities/gdansk", true},
		{http.MethodGet, "/networks/eurocities", true},
		{http.MethodGet, "/municipalities/gdansk.json?revision=3", false}, // the history
		{http.MethodGet, "/municipalities/gdansk.html?lang=de", false},
		{http.MethodPut, "/municipalities/gdansk", false},
		{http.MethodGet, "/municipalities", false},
		{http.MethodGet, "/municipalities/", false},
		{http.MethodGet, "/municipalities/gdansk/history", false},
		{http.MethodGet, "/networks/eurocities/members", false},
		{http.MethodGet, "/fragments", false},
		{http.MethodGet, "/dataset.ttl", false},
	} {
		if got := readsDocument(httptest.NewRequest(tc.method, tc.target, nil)); got != tc.want {
			t.Errorf("%s %s: %v, want %v", tc.method, tc.target, got, tc.want)
		}
	}
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := r.Context().Deadline(); ok {
			w.WriteHeader(http.StatusTeapot)
		}
	})
	h := timeoutAfter(time.Minute, readsDocument)(slow)
	for target, deadline := range map[string]bool{"/municipalities/gdansk.ttl": false, "/municipalities?limit=1": true} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		if got := w.Code == http.StatusTeapot; got != deadline {
			t.Errorf("%s: deadline %v, want %v", target, got, deadline)
		}
	}
}
