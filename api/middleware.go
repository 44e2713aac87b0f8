package api

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/moving-cities/opendata/pages"
)

// Defaults of the plumbing settings in Config, used where a field is zero.
const (
	DefaultRateLimit = 10.0 // requests per second and client
	DefaultRateBurst = 60   // requests a client may send at once
	// A SPARQL client over /fragments sends one small request per triple
	// pattern and binding, tens to thousands a query, each a cached page
	// that costs far less than a general request: the fragments have a
	// budget of their own.
	DefaultFragmentsRateLimit = 200.0            // fragment requests per second and client
	DefaultFragmentsRateBurst = 2000             // fragment requests a client may send at once
	DefaultRequestTimeout     = 30 * time.Second // per request
	DefaultMaxBodyBytes       = 1 << 20          // 1 MiB
)

// plumbing returns the middleware every request goes through, outermost
// first: request ID, access log, metrics, panic recovery and the security
// headers of HTML answers, /metrics, CORS, the rate limit, the body-size limit, the timeout, compression and
// HEAD for GET routes. It must be installed with router.Use, so that the
// route pattern is known to the log and the metrics.
func plumbing(cfg Config, log *slog.Logger) []func(http.Handler) http.Handler {
	m := newMetrics(cfg.Metrics)
	mws := []func(http.Handler) http.Handler{
		observe(log, m, cfg.MetricsElsewhere), // request ID and HTML security headers too
	}
	if !cfg.MetricsElsewhere {
		mws = append(mws, m.serve("/metrics"))
	}
	mws = append(mws, cors)
	// Two budgets per client: /fragments, and everything else.
	general := configLimiter(cfg, cfg.RateLimit, cfg.RateBurst, DefaultRateLimit, DefaultRateBurst)
	fragments := configLimiter(cfg, cfg.FragmentsRateLimit, cfg.FragmentsRateBurst, DefaultFragmentsRateLimit, DefaultFragmentsRateBurst)
	if general != nil || fragments != nil {
		mws = append(mws, limitBy(general, fragments))
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
		// Entity documents are answered from memory, with no context to
		// stop: a deadline's context and timer would be all they cost.
		mws = append(mws, timeoutAfter(timeout, readsDocument))
	}
	return append(mws,
		compressExcept(dumpFilesPrefix, newCompressor(5, compressible...).Handler),
		middleware.GetHead,
	)
}

// dumpFilesPrefix is where release files are served byte for byte: Range,
// Content-Length and the ETag (the file's SHA-256) must refer to the file
// itself, and its large files are compressed already.
const dumpFilesPrefix = "/dumps/"

// compressExcept applies compress to every request but those under prefix
// and those that accept no encoding (no Accept-Encoding), which it would
// pass through unchanged after allocating its wrapper.
func compressExcept(prefix string, compress func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		compressed := compress(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, prefix) || r.Header.Get("Accept-Encoding") == "" {
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

// recorder notes what a handler answered, and gives every HTML answer
// its security headers (see secureHTML). It forwards Flush and unwraps
// for http.ResponseController. One is made per request, with room for the
// request ID and the access-log line, so that neither allocates.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	html   bool // set the security headers of HTML answers
	headed bool // the headers were looked at

	id   [16]byte  // the request ID we made, in hex
	idH  [1]string // the X-Request-Id header value
	line accessLine
}

// head runs once, before the status is sent.
func (r *recorder) head() {
	if r.headed {
		return
	}
	r.headed = true
	if r.html {
		secureHTML(r.ResponseWriter.Header())
	}
}

func (r *recorder) WriteHeader(code int) {
	r.head()
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.head()
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Flush() {
	r.head()
	if r.status == 0 {
		r.status = http.StatusOK
	}
	_ = http.NewResponseController(r.ResponseWriter).Flush()
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLine is the attributes of one access-log line: a LogValuer whose
// value is a group with no key, which slog handlers write inline, so the
// line reads as if each attribute were passed on its own, without a slice
// allocated for those beyond the five a slog.Record holds.
type accessLine struct{ attrs [10]slog.Attr }

func (l *accessLine) LogValue() slog.Value { return slog.GroupValue(l.attrs[:]...) }

// requestIDs makes the IDs of requests that bring none: 16 hex digits,
// a random start per process counted up by one a request, as unique as
// random IDs within a process and across processes (whose ranges of 2^64
// hardly meet), without reading randomness per request.
type requestIDs struct{ next atomic.Uint64 }

func newRequestIDs() *requestIDs {
	var b [8]byte
	_, _ = rand.Read(b[:])
	ids := &requestIDs{}
	ids.next.Store(binary.BigEndian.Uint64(b[:]))
	return ids
}

// fill writes the next ID into dst.
func (ids *requestIDs) fill(dst *[16]byte) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], ids.next.Add(1))
	hex.Encode(dst[:], b[:])
}

// validRequestID reports whether a client's X-Request-ID is taken as the
// request's ID: short and printable.
func validRequestID(id string) bool {
	return len(id) > 0 && len(id) <= 64 && !strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' })
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

// observe gives every request an ID (the client's X-Request-ID when it is
// short and printable) and echoes it in the answer, logs every request,
// counts it in m, turns a panic into a 500 problem and gives HTML answers
// their security headers (secureHTML). The access log goes to the
// handler of log directly, as one record without the caller's program
// counter: slog.Logger would look it up on every request.
func observe(log *slog.Logger, m *metrics, metricsElsewhere bool) func(http.Handler) http.Handler {
	ids := newRequestIDs()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &recorder{ResponseWriter: w, html: true}
			// The canonical key, not Header.Get: canonicalising a key
			// net/http does not know allocates on every request.
			var id string
			if v := r.Header["X-Request-Id"]; len(v) > 0 {
				id = v[0]
			}
			if !validRequestID(id) {
				ids.fill(&rec.id)
				id = string(rec.id[:])
			}
			rec.idH[0] = id
			w.Header()["X-Request-Id"] = rec.idH[:]
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
				ctx := r.Context()
				h := log.Handler()
				if !h.Enabled(ctx, level) {
					return
				}
				rec.line.attrs = [10]slog.Attr{
					slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
					slog.String("route", route), slog.Int("status", status), slog.Int64("bytes", rec.bytes),
					slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
					slog.String("remote", r.RemoteAddr), slog.String("user_agent", r.UserAgent()),
					slog.String("request_id", id)}
				line := slog.NewRecord(time.Now(), level, "request", 0)
				line.AddAttrs(slog.Any("", &rec.line))
				_ = h.Handle(ctx, line)
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// Every HTML answer, whoever wrote it (pages, the API reference,
// reconciliation previews, error pages), carries the security headers
// (issue 16, item 8): a Content-Security-Policy that says who may frame
// it, no MIME sniffing and a Referrer-Policy. A policy without
// frame-ancestors gets frame-ancestors 'none'. observe's recorder sets
// them, before the status goes out.

// secureHTML sets the security headers in hd when it is an HTML
// answer's.
func secureHTML(hd http.Header) {
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

// CORS: the API is public and read-only, so any origin may read it.
const (
	corsMethods = "GET, HEAD, OPTIONS"
	corsHeaders = "Accept, Accept-Language, Cache-Control, Content-Type, If-Match, If-Modified-Since, If-None-Match, X-Request-ID"
	corsExposed = "Content-Language, Content-Location, ETag, Last-Modified, Link, Location, Retry-After, Vary, X-Request-ID"
)

// The header values as slices, shared by every answer (a header value is
// replaced, never appended to in place: capacity is length).
var (
	corsOriginH  = []string{"*"}
	corsExposedH = []string{corsExposed}
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
		h["Access-Control-Allow-Origin"] = corsOriginH
		h["Access-Control-Expose-Headers"] = corsExposedH
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

// timeoutAfter gives every request a deadline, but those exempt reports
// (nil: none). Handlers stop at it through their context; one that gave
// up before answering gets a 503 problem.
func timeoutAfter(d time.Duration, exempt func(*http.Request) bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if exempt != nil && exempt(r) {
				next.ServeHTTP(w, r)
				return
			}
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

// configLimiter is the limiter of rate and burst (0: the defaults), or
// nil when rate is negative (no limit).
func configLimiter(cfg Config, rate float64, burst int, defRate float64, defBurst int) *limiter {
	if rate < 0 {
		return nil
	}
	if rate == 0 {
		rate = defRate
	}
	if burst <= 0 {
		burst = defBurst
	}
	return newLimiter(rate, burst, cfg.RateLimitLoopback, cfg.ClientIPHeader, time.Now)
}

// isFragments reports whether path is /fragments or one of its suffixed
// forms (/fragments.ttl).
func isFragments(path string) bool {
	return path == "/fragments" || strings.HasPrefix(path, "/fragments.")
}

// limitBy counts fragment requests against fragments and every other
// request against general, each per client; a nil limiter lets its
// requests through.
func limitBy(general, fragments *limiter) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		var g, f http.Handler = next, next
		if general != nil {
			g = general.limit(next)
		}
		if fragments != nil {
			f = fragments.limit(next)
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isFragments(r.URL.Path) {
				f.ServeHTTP(w, r)
				return
			}
			g.ServeHTTP(w, r)
		})
	}
}

func (l *limiter) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := l.client(r)
		if !l.loopback {
			// netip, not net.ParseIP: it allocates nothing. A zone
			// (fe80::1%eth0) is no address net.ParseIP reads: limited.
			if ip, err := netip.ParseAddr(client); err == nil && ip.Zone() == "" && ip.IsLoopback() {
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
