package api

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// The lazy encoders write the bytes and headers chi's own write, for
// every kind of answer, one request after another (the encoders come
// back from the pool used).
func TestLazyEncodersWriteChisBytes(t *testing.T) {
	text := strings.Repeat("municipality,country\nGdańsk,PL\n", 300)
	rep := newRendered(newGzippers(gzip.BestCompression), []byte(text), "text/turtle; charset=utf-8", time.Time{})
	handlers := map[string]http.HandlerFunc{
		"text": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/csv")
			io.WriteString(w, text)
		},
		"flushed": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, text[:1000])
			w.(http.Flusher).Flush()
			io.WriteString(w, text[1000:])
		},
		"empty": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusOK)
		},
		"made in advance": func(w http.ResponseWriter, r *http.Request) { rep.serve(w, r, http.StatusOK, maxAge5m) },
		"not compressible": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			io.WriteString(w, text)
		},
	}
	chi, lazy := middleware.Compress(5, compressible...), newCompressor(5, compressible...).Handler
	for round := range 3 {
		for name, h := range handlers {
			for _, ae := range []string{"gzip", "deflate", "gzip, deflate, br", "br", "identity"} {
				serve := func(mw func(http.Handler) http.Handler) *httptest.ResponseRecorder {
					r := httptest.NewRequest(http.MethodGet, "/x", nil)
					r.Header.Set("Accept-Encoding", ae)
					w := httptest.NewRecorder()
					mw(h).ServeHTTP(w, r)
					return w
				}
				want, got := serve(chi), serve(lazy)
				if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
					t.Errorf("round %d, %s, %s: %d bytes, chi's %d", round, name, ae, got.Body.Len(), want.Body.Len())
				}
				if g, w := got.Header(), want.Header(); g.Get("Content-Encoding") != w.Get("Content-Encoding") ||
					strings.Join(g["Vary"], ",") != strings.Join(w["Vary"], ",") || g.Get("Content-Length") != w.Get("Content-Length") {
					t.Errorf("round %d, %s, %s: headers %v, chi's %v", round, name, ae, g, w)
				}
			}
		}
	}
}

// BenchmarkCompressMadeInAdvance serves an answer made in advance (gzip
// included) to a client accepting gzip, behind chi's compression and
// behind newCompressor, once the encoders in the pool have compressed
// something.
//
//	go test ./api -run '^$' -bench CompressMadeInAdvance -benchmem
func BenchmarkCompressMadeInAdvance(b *testing.B) {
	text := strings.Repeat("municipality,country\nGdańsk,PL\n", 300)
	rep := newRendered(newGzippers(gzip.BestCompression), []byte(text), "text/turtle; charset=utf-8", time.Time{})
	made := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { rep.serve(w, r, http.StatusOK, maxAge5m) })
	compressed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		io.WriteString(w, text)
	})
	for name, mw := range map[string]func(http.Handler) http.Handler{
		"chi": middleware.Compress(5, compressible...), "lazy": newCompressor(5, compressible...).Handler,
	} {
		b.Run(name, func(b *testing.B) {
			r := httptest.NewRequest(http.MethodGet, "/x", nil)
			r.Header.Set("Accept-Encoding", "gzip")
			mw(compressed).ServeHTTP(httptest.NewRecorder(), r)
			h := mw(made)
			w := &discardWriter{}
			for b.Loop() {
				w.h = http.Header{}
				h.ServeHTTP(w, r)
			}
		})
	}
}
