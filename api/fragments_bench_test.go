package api

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/synth"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

// BenchmarkFragments times triple pattern requests through the whole
// handler (middleware included, in process), over the seed and over
// 10,000 synthetic municipalities: first pages of patterns of every shape
// (each position bound or not) taken from the graph's own triples, and
// later pages of the big ones, in TriG as Comunica asks. Each request is
// paired with one to the baseline in the same loop: an entity document
// (Turtle) that the document cache holds precomputed, so that
// "x-document" says how many times the cost of serving stored bytes a
// pattern costs.
//
//	go test ./api -run '^$' -bench Fragments -benchtime 5000x
//
// "miss" asks for a page no one asked for yet (rendered on the spot),
// "hit" for pages asked before (served from the per-snapshot cache of
// rendered pages).
//
// bench/tpf.sh times the example SPARQL queries over the fragments.
func BenchmarkFragments(b *testing.B) {
	for _, size := range []struct {
		name string
		data func(testing.TB) *dataset.Dataset
	}{
		{"seed", graphtest.Seed},
		{"10k", func(testing.TB) *dataset.Dataset {
			return synth.Generate(synth.Options{Municipalities: 10_000, Seed: 1})
		}},
	} {
		d := size.data(b)
		snap := dataset.NewSnapshot(d, 1)
		all := fragmentTargets(b, snap, 20_000)
		// miss: every request asks for another page, rendered then;
		// hit: 200 pages asked again, served from the per-snapshot cache.
		b.Run(size.name+"/miss", func(b *testing.B) {
			if b.N > len(all)-1 {
				b.Fatalf("at most %d distinct pages: use -benchtime %dx or less", len(all)-1, len(all)-1)
			}
			benchFragments(b, d, all[1:], all[0])
		})
		b.Run(size.name+"/hit", func(b *testing.B) {
			benchFragments(b, d, all[:200], "")
		})
	}
}

// benchFragments times the fragment requests to targets, each paired
// with one to the precomputed entity document. warm is asked first (the
// index is built then), or every target when empty.
func benchFragments(b *testing.B, d *dataset.Dataset, targets []string, warm string) {
	a := newTestAPI(b, d, Config{}) // a new snapshot: empty caches
	doc := "/municipalities/" + d.Municipalities[0].ID + ".ttl"
	trig := http.Header{"Accept": {"application/trig"}}
	first := []string{doc, warm}
	if warm == "" {
		first = append([]string{doc}, targets...)
	}
	for _, u := range first {
		if w := a.do(http.MethodGet, u, trig); w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", u, w.Code, w.Body)
		}
	}
	frag := make([]time.Duration, 0, b.N)
	base := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		w := a.do(http.MethodGet, targets[i%len(targets)], trig)
		frag = append(frag, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", targets[i%len(targets)], w.Code)
		}
		b.StopTimer()
		start = time.Now()
		a.do(http.MethodGet, doc, nil)
		base = append(base, time.Since(start))
		b.StartTimer()
	}
	b.StopTimer()
	var sum, bsum time.Duration
	for i := range frag {
		sum, bsum = sum+frag[i], bsum+base[i]
	}
	p99, d99 := percentile(frag, 99), percentile(base, 99)
	b.ReportMetric(float64(len(frag))/sum.Seconds(), "patterns/s")
	b.ReportMetric(float64(len(base))/bsum.Seconds(), "documents/s")
	b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
	b.ReportMetric(float64(d99.Microseconds()), "document-p99-µs")
	b.ReportMetric(float64(sum)/float64(max(bsum, 1)), "x-document")
	b.ReportMetric(float64(p99)/float64(max(d99, 1)), "x-document-p99")
}

// fragmentTargets returns n distinct fragment URLs (paths): for triples
// drawn from the graph, a pattern of every shape, and a later page where
// there is one.
func fragmentTargets(tb testing.TB, snap *dataset.Snapshot, n int) []string {
	var ts []vocab.Triple
	if err := graph.DatasetTriples(tb.Context(), snap, testBase, func(t vocab.Triple) error {
		if !t.S.IsBlank() && !t.O.IsBlank() {
			ts = append(ts, t)
		}
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	x, err := tpf.Build(tb.Context(), snap, testBase)
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(21, 21))
	var out []string
	seen := map[string]bool{}
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		t := ts[r.IntN(len(ts))]
		shape := tries % 8
		var p tpf.Pattern
		if shape&1 != 0 {
			p.S = t.S
		}
		if shape&2 != 0 {
			p.P = t.P
		}
		if shape&4 != 0 {
			p.O = t.O
		}
		page := 1
		if total, _ := x.Match(p, 0, 0); total > tpf.PageSize && r.IntN(2) == 0 {
			page = 1 + r.IntN((total+tpf.PageSize-1)/tpf.PageSize)
		}
		if u := strings.TrimPrefix(tpf.URL(testBase, p, page), testBase); !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}
