package query

import (
	"context"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// Benchmarks of full-text search over 100,000 synthetic municipalities
// (with their memberships and approaches), each against a baseline
// measured in the same run:
//
//	go test ./query -run '^$' -bench 'Search.*100k' -benchtime 2000x
//
// BenchmarkSearch100k times searches of municipalities (limit 20, as
// the API's default page) with full-text search in force against the
// same searches answered by the name index alone, as q was answered
// before full-text search: "x-names" says how many times slower.
//
// BenchmarkSearchIndexBuild100k times building the full-text indexes of
// a snapshot against building the snapshot and the read model's other
// indexes, which is what a start-up or a new revision did before.

const benchMunicipalities = 100_000

var benchData struct {
	once sync.Once
	d    *dataset.Dataset
	snap *dataset.Snapshot
	qs   []string
}

func benchSetup(b *testing.B) {
	benchData.once.Do(func() {
		benchData.d = synth.Generate(synth.Options{Municipalities: benchMunicipalities, Seed: 1})
		benchData.snap = dataset.NewSnapshot(benchData.d, 1)
		benchData.qs = benchQueries(benchData.snap, 4000)
	})
}

// benchQueries makes distinct searches people type: whole names, folded
// names and name prefixes (what q served before), and one or two words
// of the records' texts (summaries, source titles), some folded.
func benchQueries(snap *dataset.Snapshot, n int) []string {
	r := rand.New(rand.NewPCG(7, 7))
	seen := map[string]bool{}
	var qs []string
	ms := snap.Municipalities
	for len(qs) < n {
		m := ms[r.IntN(len(ms))]
		var q string
		switch r.IntN(4) {
		case 0, 1:
			langs := slices.Sorted(maps.Keys(m.Names))
			name := m.Names[langs[r.IntN(len(langs))]]
			q = name
			if r.IntN(2) == 0 {
				rs := []rune(dataset.Fold(name))
				q = string(rs[:min(len(rs), 4)])
			}
		default:
			var texts []string
			for _, s := range m.Summary {
				texts = append(texts, s)
			}
			for _, s := range m.Sources {
				if s.Title != "" {
					texts = append(texts, s.Title)
				}
			}
			if len(texts) == 0 {
				continue
			}
			var words []string
			for _, w := range strings.Fields(dataset.Fold(texts[r.IntN(len(texts))])) {
				if !synthStopWords[w] {
					words = append(words, w)
				}
			}
			if len(words) == 0 {
				continue
			}
			j := r.IntN(len(words))
			q = strings.Join(words[j:min(len(words), j+1+r.IntN(2))], " ")
		}
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	return qs
}

// synthStopWords are the words of synth's texts that the analysis of
// their language drops: searching them alone finds nothing, as people
// searching "its" or "und" would find.
var synthStopWords = map[string]bool{
	"is": true, "a": true, "in": true, "that": true, "has": true, "itself": true, "and": true, "its": true,
	"sich": true, "zum": true, "und": true, "die": true, "uber": true, "hat": true, "auf": true,
}

func BenchmarkSearch100k(b *testing.B) {
	benchSetup(b)
	full := NewView(benchData.snap)
	defer full.Close()
	start := time.Now()
	if err := full.PrepareSearch(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Logf("full-text indexes built in %v", time.Since(start))
	names := NewView(benchData.snap)
	names.SearchInBackground() // never built: the name index alone
	search := func(v *View, q string) (time.Duration, int) {
		t0 := time.Now()
		p, err := v.List(Request{Type: dataset.TypeMunicipality, Q: q, Limit: 20})
		d := time.Since(t0)
		if err != nil {
			b.Fatalf("q=%q: %v", q, err)
		}
		return d, p.Total
	}
	fullTimes := make([]time.Duration, 0, b.N)
	nameTimes := make([]time.Duration, 0, b.N)
	var fullHits, nameHits int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchData.qs[i%len(benchData.qs)]
		d, n := search(full, q)
		fullTimes = append(fullTimes, d)
		fullHits += n
		b.StopTimer()
		d, n = search(names, q)
		nameTimes = append(nameTimes, d)
		nameHits += n
		b.StartTimer()
	}
	b.StopTimer()
	p50, p99 := percentile(fullTimes, 50), percentile(fullTimes, 99)
	n50, n99 := percentile(nameTimes, 50), percentile(nameTimes, 99)
	b.ReportMetric(float64(p50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
	b.ReportMetric(float64(n50.Microseconds()), "names-p50-µs")
	b.ReportMetric(float64(n99.Microseconds()), "names-p99-µs")
	b.ReportMetric(float64(p50)/float64(max(n50, 1)), "x-names-p50")
	b.ReportMetric(float64(p99)/float64(max(n99, 1)), "x-names-p99")
	b.ReportMetric(float64(fullHits)/float64(b.N), "hits/q")
	b.ReportMetric(float64(nameHits)/float64(b.N), "names-hits/q")
}

func BenchmarkSearchIndexBuild100k(b *testing.B) {
	benchSetup(b)
	var base, build time.Duration
	var heap uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		runtime.GC()
		t0 := time.Now()
		snap := dataset.NewSnapshot(benchData.d, 1)
		v := NewView(snap)
		for _, t := range dataset.Types {
			v.collectionOf(t)
		}
		v.municipalities().index() // the name index
		base += time.Since(t0)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		t0 = time.Now()
		if err := v.PrepareSearch(context.Background()); err != nil {
			b.Fatal(err)
		}
		build += time.Since(t0)
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap += after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
		v.Close()
		b.StartTimer()
	}
	b.ReportMetric(build.Seconds()/float64(b.N), "index-s")
	b.ReportMetric(base.Seconds()/float64(b.N), "snapshot-s")
	b.ReportMetric(float64(build)/float64(max(base, 1)), "x-snapshot")
	b.ReportMetric(float64(heap)/float64(b.N)/(1<<20), "index-MiB")
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// TestBenchQueriesFind makes sure the benchmark's text searches find
// what they were taken from, at a smaller size.
func TestBenchQueriesFind(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a synthetic dataset")
	}
	snap := dataset.NewSnapshot(synth.Generate(synth.Options{Municipalities: 2000, Seed: 3}), 1)
	v := NewView(snap)
	defer v.Close()
	found := 0
	qs := benchQueries(snap, 300)
	for _, q := range qs {
		p, err := v.List(Request{Type: dataset.TypeMunicipality, Q: q, Limit: 1})
		if err != nil {
			t.Fatalf("q=%q: %v", q, err)
		}
		if p.Total > 0 {
			found++
		} else {
			t.Logf("q=%q finds nothing", q)
		}
	}
	if found != len(qs) {
		t.Errorf("%d of %d searches find nothing", len(qs)-found, len(qs))
	}
}
