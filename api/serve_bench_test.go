package api

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// discardWriter is a ResponseWriter that keeps nothing but its header
// map, cleared between requests as net/http gives each a new one.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(code int)        { w.status = code }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }

// BenchmarkEntityTurtle serves one entity's Turtle through the whole
// handler, the access log (JSON, discarded) and metrics included, as
// bench/serve.sh asks for it over HTTP: its allocations per request are
// what the plumbing costs a precomputed document (issue 18).
//
//	go test ./api -run '^$' -bench EntityTurtle -benchmem
func BenchmarkEntityTurtle(b *testing.B) {
	d, err := dataset.Seed()
	if err != nil {
		b.Fatal(err)
	}
	cur := &testStates{}
	cur.Store(dataset.NewSnapshot(d, 1))
	h, err := New(Config{BaseURI: testBase}, cur, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		header http.Header
	}{
		{"plain", http.Header{"User-Agent": {"wrk"}}},
		{"gzip", http.Header{"User-Agent": {"wrk"}, "Accept-Encoding": {"gzip"}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			u, _ := url.Parse("/municipalities/munich.ttl")
			w := &discardWriter{}
			b.ReportAllocs()
			for b.Loop() {
				r := &http.Request{Method: http.MethodGet, URL: u, Header: tc.header, RemoteAddr: "127.0.0.1:40000", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "x"}
				w.h = http.Header{}
				w.status = 0
				h.ServeHTTP(w, r)
				if w.status != http.StatusOK {
					b.Fatalf("status %d", w.status)
				}
			}
		})
	}
}
