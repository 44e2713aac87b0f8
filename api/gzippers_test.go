package api

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// freshGzip is body gzipped by a new writer at level, as every
// representation was before writers were kept (issue 18).
func freshGzip(t testing.TB, body []byte, level int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(body); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gzipBodies are bodies of the sizes and kinds rendered: documents of a
// few KB, compressible and not, and around the 64 KiB of a block and of
// deflate's window (testGzippers lets the larger output buffers go).
func gzipBodies() [][]byte {
	rng := rand.New(rand.NewPCG(18, 2026))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	text := func(n int) []byte {
		var b bytes.Buffer
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "<https://example.org/id/municipality/m%d> <http://www.w3.org/2000/01/rdf-schema#label> \"Gemeinde %d\"@de .\n", rng.IntN(5000), i)
		}
		return b.Bytes()[:n]
	}
	return [][]byte{
		text(gzipFrom), text(3000), random(6755), text(6755), text(64<<10 - 1),
		random(64<<10 + 1), text(900), text(140_000), []byte(strings.Repeat("a", 70_000)), text(gzipFrom),
	}
}

// testGzippers are gzippers that keep at most keep writers free, and let
// their output buffer go from 32 KiB (a random 64 KiB body's).
func testGzippers(level, keep int) *gzippers {
	gz := newGzippers(level)
	gz.keep, gz.keepBuffer = keep, 32<<10
	return gz
}

// A kept writer, reset, writes the bytes a new writer at its level
// writes, whatever it compressed before, one body after another and from
// goroutines at once; and the gzipped copy is the body.
func TestGzippersWriteNewWritersBytes(t *testing.T) {
	bodies := gzipBodies()
	for _, level := range []int{gzip.BestCompression, gzip.BestSpeed} {
		want := make([][]byte, len(bodies))
		for i, b := range bodies {
			want[i] = freshGzip(t, b, level)
		}
		t.Run(fmt.Sprintf("level %d, one after another", level), func(t *testing.T) {
			gz := testGzippers(level, 1)
			for round := range 2 {
				for i, b := range bodies {
					got := gz.compress(b)
					if !bytes.Equal(got, want[i]) {
						t.Errorf("round %d, body %d (%d bytes): %d bytes gzipped, a new writer's %d", round, i, len(b), len(got), len(want[i]))
					}
				}
			}
			if len(gz.free) != 1 {
				t.Errorf("%d writers free after one at a time, want 1", len(gz.free))
			}
		})
		t.Run(fmt.Sprintf("level %d, at once", level), func(t *testing.T) {
			gz := testGzippers(level, 2) // fewer than the goroutines: some writers are let go
			var wg sync.WaitGroup
			for g := range 3 {
				wg.Go(func() {
					for k := range bodies {
						i := (k + g) % len(bodies)
						if got := gz.compress(bodies[i]); !bytes.Equal(got, want[i]) {
							t.Errorf("goroutine %d, body %d: %d bytes gzipped, a new writer's %d", g, i, len(got), len(want[i]))
						}
					}
				})
			}
			wg.Wait()
			if len(gz.free) > gz.keep {
				t.Errorf("%d writers free, want at most %d", len(gz.free), gz.keep)
			}
		})
	}
	t.Run("round trip", func(t *testing.T) {
		gz := newGzippers(gzip.BestCompression)
		for i, b := range bodies {
			rep := newRendered(gz, b, "text/turtle; charset=utf-8", time.Time{})
			zr, err := gzip.NewReader(bytes.NewReader(rep.gz))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("body %d: gunzipped %d bytes (%v), want %d", i, len(got), err, len(b))
			}
			if rep.gzLength[0] != fmt.Sprint(len(rep.gz)) {
				t.Errorf("body %d: Content-Length %s for %d bytes", i, rep.gzLength[0], len(rep.gz))
			}
		}
	})
}

// BenchmarkRenderGzip makes the representations of real documents (the
// seed's Berlin in every format but HTML) as every document rendered in
// a snapshot is made: with a new gzip writer each, as before issue 18,
// and with the server's kept writers.
//
//	go test ./api -run '^$' -bench RenderGzip -benchmem
func BenchmarkRenderGzip(b *testing.B) {
	a := newTestAPI(b, seed(b), Config{})
	var bodies [][]byte
	for _, suffix := range []string{".json", ".jsonld", ".ttl", ".rdf", ".nt"} {
		w := a.get("/municipalities/berlin" + suffix)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", suffix, w.Code)
		}
		bodies = append(bodies, w.Body.Bytes())
	}
	const ct = "text/turtle; charset=utf-8"
	b.Run("new writer", func(b *testing.B) {
		for b.Loop() {
			for _, body := range bodies {
				rep := newRenderedCompressed(body, ct, time.Time{})
				rep.gz = bytes.Clone(freshGzip(b, body, gzip.BestCompression))
			}
		}
	})
	b.Run("kept writers", func(b *testing.B) {
		gz := newGzippers(gzip.BestCompression)
		for b.Loop() {
			for _, body := range bodies {
				newRendered(gz, body, ct, time.Time{})
			}
		}
	})
}
