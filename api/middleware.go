package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/moving-cities/opendata/pages"
)

// Defaults of the plumbing settings in Config, used where a field is zero.
const (
	DefaultRateLimit      = 10.0             // requests per second and client
	DefaultRateBurst      = 60               // requests a client may send at once
	DefaultRequestTimeout = 30 * time.Second // per request
	DefaultMaxBodyBytes   = 1 << 20          // 1 MiB
)

// plumbing returns the middleware every request goes through, outermost
// first: request ID, access log, metrics and panic recovery, /metrics,
// CORS, the rate limit, the body-size limit, the timeout, compression and
// HEAD for GET routes. It must be installed with router.Use, so that the
// route pattern is known to the log and the metrics.
func plumbing(cfg Config, log *slog.Logger) []func(http.Handler) http.Handler {
	m := newMetrics(cfg.Metrics)
	mws := []func(http.Handler) http.Handler{
		requestID,
		observe(log, m, cfg.MetricsElsewhere),
	}
	if !cfg.MetricsElsewhere {
		mws = append(mws, m.serve("/metrics"))
	}
	mws = append(mws, htmlHeaders, cors)
	if cfg.RateLimit >= 0 {
		rate, burst := cfg.RateLimit, cfg.RateBurst
		if rate == 0 {
			rate = DefaultRateLimit
		}
		if burst <= 0 {
			burst = DefaultRateBurst
		}
		mws = append(mws, newLimiter(rate, burst, cfg.RateLimitLoopback, cfg.ClientIPHeader, time.Now).middleware)
	}
	maxBody := cfg.MaxBodyBytes
	if maxBody == 0 {
		maxBody = DefaultMaxBodyBytes
	}
	if maxBody > 0 {
		mws = append(mws, limitBody(maxBody))
	}
	timeout := cfg.RequestTimeout
	if timeout == 0 {
		timeout = DefaultRequestTimeout
	}
	if timeout > 0 {
		mws = append(mws, timeoutAfter(timeout))
	}
	return append(mws,
		compressExcept(dumpFilesPrefix, middleware.Compress(5, compressible...)),
		middleware.GetHead,
	)
}

// dumpFilesPrefix is where release files are served byte for byte: Range,
// Content-Length and the ETag (the file's SHA-256) must refer to the file
// itself, and its large files are compressed already.
const dumpFilesPrefix = "/dumps/"

// compressExcept applies compress to every request but those under prefix.
func compressExcept(prefix string, compress func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		compressed := compress(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, prefix) {
				next.ServeHTTP(w, r)
				return
			}
			compressed.ServeHTTP(w, r)
		})
	}
}

// compressible are the media types answers are gzipped in, when the
// client accepts it.
var compressible = []string{
	"text/*", "application/json", "application/ld+json", "application/problem+json", "application/geo+json",
	"application/schema+json", "application/yaml", "application/openapi+yaml", "application/xml",
	"application/rdf+xml", "application/n-triples", "application/n-quads", "application/trig",
	"application/sparql-results+json", "image/svg+xml",
}

// recorder notes what a handler answered. It forwards Flush and unwraps
// for http.ResponseController.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Flush() {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	_ = http.NewResponseController(r.ResponseWriter).Flush()
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

type ctxKey int

const requestIDKey ctxKey = 0

// requestID gives every request an ID, the client's X-Request-ID when it
// is short and printable, and echoes it in the answer.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if len(id) == 0 || len(id) > 64 || strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' }) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// routeOf is the route pattern a request matched, the label of its
// metrics; requests that matched none share one label.
func routeOf(r *http.Request) string {
	if rc := chi.RouteContext(r.Context()); rc != nil {
		if p := rc.RoutePattern(); p != "" {
			return p
		}
	}
	return "unmatched"
}

// observe logs every request, counts it in m and turns a panic into a 500
// problem.
func observe(log *slog.Logger, m *metrics, metricsElsewhere bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &recorder{ResponseWriter: w}
			m.inFlight.Inc()
			defer func() {
				m.inFlight.Dec()
				if p := recover(); p != nil {
					if p == http.ErrAbortHandler {
						panic(p)
					}
					log.ErrorContext(r.Context(), "panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(p),
						"stack", string(debug.Stack()))
					if rec.status == 0 {
						problem(rec, http.StatusInternalServerError, "the server failed to answer; the error was logged", nil)
					}
				}
				status := rec.status
				if status == 0 {
					status = http.StatusOK
				}
				elapsed := time.Since(start)
				route := routeOf(r)
				if r.URL.Path == "/metrics" && !metricsElsewhere {
					route = "/metrics"
				}
				m.observe(r.Method, route, status, elapsed.Seconds())
				level := slog.LevelInfo
				switch {
				case status >= 500:
					level = slog.LevelError
				case route == "/healthz" || route == "/readyz" || route == "/metrics":
					level = slog.LevelDebug
				}
				id, _ := r.Context().Value(requestIDKey).(string)
				log.LogAttrs(r.Context(), level, "request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
					slog.String("route", route), slog.Int("status", status), slog.Int64("bytes", rec.bytes),
					slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
					slog.String("remote", r.RemoteAddr), slog.String("user_agent", r.UserAgent()),
					slog.String("request_id", id))
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// htmlHeaders makes sure every HTML answer, whoever wrote it (pages, the
// API reference, reconciliation previews, error pages), carries the
// security headers (issue 16, item 8): a Content-Security-Policy that
// says who may frame it, no MIME sniffing and a Referrer-Policy. A
// policy without frame-ancestors gets frame-ancestors 'none'.
func htmlHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&htmlHeaderWriter{ResponseWriter: w}, r)
	})
}

type htmlHeaderWriter struct {
	http.ResponseWriter
	done bool
}

func (h *htmlHeaderWriter) set() {
	if h.done {
		return
	}
	h.done = true
	hd := h.ResponseWriter.Header()
	if !strings.HasPrefix(strings.ToLower(hd.Get("Content-Type")), "text/html") {
		return
	}
	hd.Set("X-Content-Type-Options", "nosniff")
	if hd.Get("Referrer-Policy") == "" {
		hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	}
	switch csp := hd.Get("Content-Security-Policy"); {
	case csp == "":
		hd.Set("Content-Security-Policy", pages.CSP)
	case !strings.Contains(csp, "frame-ancestors"):
		hd.Set("Content-Security-Policy", csp+"; frame-ancestors 'none'")
	}
}

func (h *htmlHeaderWriter) WriteHeader(code int) {
	h.set()
	h.ResponseWriter.WriteHeader(code)
}

func (h *htmlHeaderWriter) Write(b []byte) (int, error) {
	h.set()
	return h.ResponseWriter.Write(b)
}

func (h *htmlHeaderWriter) Flush() {
	h.set()
	_ = http.NewResponseController(h.ResponseWriter).Flush()
}

func (h *htmlHeaderWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }

// CORS: the API is public and read-only, so any origin may read it.
const (
	corsMethods = "GET, HEAD, OPTIONS"
	corsHeaders = "Accept, Accept-Language, Cache-Control, Content-Type, If-Match, If-Modified-Since, If-None-Match, X-Request-ID"
	corsExposed = "Content-Language, Content-Location, ETag, Last-Modified, Link, Location, Retry-After, Vary, X-Request-ID"
)

// corsPostPrefixes are the paths where POST is a read too: queries too
// large for a URL (the W3C reconciliation API). Browsers may send them.
var corsPostPrefixes = []string{"/reconcile"}

// corsMethodsFor lists the methods a cross-origin request to path may use.
func corsMethodsFor(path string) string {
	for _, p := range corsPostPrefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return "GET, HEAD, POST, OPTIONS"
		}
	}
	return corsMethods
}

// cors allows cross-origin reads from any origin and answers preflights.
func cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", corsExposed)
		if r.Method == http.MethodOptions {
			methods := corsMethodsFor(r.URL.Path)
			h.Set("Allow", methods)
			if r.Header.Get("Access-Control-Request-Method") != "" {
				h.Set("Access-Control-Allow-Methods", methods)
				h.Set("Access-Control-Allow-Headers", corsHeaders)
				h.Set("Access-Control-Max-Age", "86400")
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody refuses request bodies larger than max bytes.
func limitBody(max int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > max {
				problem(w, http.StatusRequestEntityTooLarge,
					fmt.Sprintf("the request body has %d bytes; at most %d are accepted", r.ContentLength, max), nil)
				return
			}
			if r.Body != nil && r.Body != http.NoBody {
				r.Body = http.MaxBytesReader(w, r.Body, max)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// timeoutAfter gives every request a deadline. Handlers stop at it through
// their context; one that gave up before answering gets a 503 problem.
func timeoutAfter(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			rec := &recorder{ResponseWriter: w}
			next.ServeHTTP(rec, r.WithContext(ctx))
			if rec.status == 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
				problem(w, http.StatusServiceUnavailable, fmt.Sprintf("the request took longer than %s and was stopped", d), nil)
			}
		})
	}
}

// limiter is a token bucket per client address: each client may send
// burst requests at once and rate requests per second on average.
type limiter struct {
	rate     float64
	burst    float64
	loopback bool   // limit loopback clients too
	header   string // take the client address from this header (set by a proxy)
	now      func() time.Time

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	seen   time.Time
}

func newLimiter(rate float64, burst int, loopback bool, header string, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), loopback: loopback, header: header, now: now,
		buckets: map[string]*bucket{}, lastSweep: now()}
}

// client is the address a request is counted against.
func (l *limiter) client(r *http.Request) string {
	if l.header != "" {
		if v := r.Header.Get(l.header); v != "" {
			// A proxy appends the address it saw last.
			parts := strings.Split(v, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// allow takes a token for client, or says how long until one is free.
func (l *limiter) allow(client string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.lastSweep) > time.Minute {
		// Forget clients whose bucket has refilled: they start full anyway.
		full := time.Duration(l.burst / l.rate * float64(time.Second))
		for k, b := range l.buckets {
			if now.Sub(b.seen) > full {
				delete(l.buckets, k)
			}
		}
		l.lastSweep = now
	}
	b, ok := l.buckets[client]
	if !ok {
		b = &bucket{tokens: l.burst, seen: now}
		l.buckets[client] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.seen).Seconds()*l.rate)
	b.seen = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

func (l *limiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := l.client(r)
		if !l.loopback {
			if ip := net.ParseIP(client); ip != nil && ip.IsLoopback() {
				next.ServeHTTP(w, r)
				return
			}
		}
		if ok, wait := l.allow(client); !ok {
			secs := int(math.Ceil(wait.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
			problem(w, http.StatusTooManyRequests, fmt.Sprintf(
				"more than %g requests per second (bursts of %g) from %s; retry after %d s", l.rate, l.burst, client, max(secs, 1)), nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}
