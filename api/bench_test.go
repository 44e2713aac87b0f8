package api

import (
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// The benchmarks run the whole handler (middleware included, in process)
// over 100,000 synthetic municipalities and report latency percentiles of
// a filtered, paginated list and of a name search. Each request is paired
// with one to a baseline handler behind the same middleware that serves a
// precomputed JSON body of the same size, measured in the same loop, so
// that "x-static" says how many times slower than a static file we are.
//
//	go test ./api -run '^$' -bench API100k -benchtime 3000x
//
// The searches are distinct: with -benchtime up to benchSearches, none is
// answered from the per-snapshot list cache (pages of one list are, as a
// client walking it would see).

const (
	benchMunicipalities = 100_000
	benchSearches       = 5000
)

var bench struct {
	once  sync.Once
	h     http.Handler
	snap  *dataset.Snapshot
	pages []string // list URLs at various depths
	qs    []string // name searches
}

func benchSetup(b *testing.B) {
	bench.once.Do(func() {
		d := synth.Generate(synth.Options{Municipalities: benchMunicipalities, Seed: 1})
		cur := &testStates{}
		bench.snap = dataset.NewSnapshot(d, 1)
		cur.Store(bench.snap)
		bench.h = mustNew(b, Config{BaseURI: testBase, RateLimit: -1, FragmentsRateLimit: -1}, cur)

		// Pages of a filtered list at every depth: walk it once, keeping
		// the URL of each page.
		a := &testAPI{t: b, h: bench.h, cur: cur}
		next := "/municipalities?country=DE&featured=false&sort=name&limit=50"
		for next != "" && len(bench.pages) < 400 {
			bench.pages = append(bench.pages, next)
			next = a.list(next).Next
		}

		// Searches people type: whole names in any of their languages,
		// their first letters, lower case and without diacritics.
		r := rand.New(rand.NewPCG(7, 7))
		seen := map[string]bool{}
		for len(bench.qs) < benchSearches {
			m := bench.snap.Municipalities[r.IntN(len(bench.snap.Municipalities))]
			langs := slices.Sorted(maps.Keys(m.Names))
			name := m.Names[langs[r.IntN(len(langs))]]
			q := name
			switch r.IntN(3) {
			case 1:
				q = dataset.Fold(name)
			case 2:
				rs := []rune(dataset.Fold(name))
				q = string(rs[:min(len(rs), 4)])
			}
			if !seen[q] {
				seen[q] = true
				bench.qs = append(bench.qs, q)
			}
		}
	})
}

// staticTwin serves body as a precomputed JSON answer behind the same
// middleware as the API.
func staticTwin(body []byte) http.Handler {
	router := chi.NewMux()
	router.Use(plumbing(Config{RateLimit: -1, FragmentsRateLimit: -1}, slog.New(slog.DiscardHandler))...)
	router.Get("/static", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	return router
}

func serve(h http.Handler, target string) (*httptest.ResponseRecorder, time.Duration) {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, r)
	return w, time.Since(start)
}

// benchRequests times the API on targets against the static twin of the
// first answer.
func benchRequests(b *testing.B, targets []string) {
	first, _ := serve(bench.h, targets[0])
	if first.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", targets[0], first.Code, first.Body)
	}
	twin := staticTwin(first.Body.Bytes())
	api := make([]time.Duration, 0, b.N)
	static := make([]time.Duration, 0, b.N)
	var bytes int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, d := serve(bench.h, targets[i%len(targets)])
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", targets[i%len(targets)], w.Code)
		}
		api = append(api, d)
		bytes += int64(w.Body.Len())
		b.StopTimer()
		_, d = serve(twin, "/static")
		static = append(static, d)
		b.StartTimer()
	}
	b.StopTimer()
	p50, p99 := percentile(api, 50), percentile(api, 99)
	s50, s99 := percentile(static, 50), percentile(static, 99)
	b.ReportMetric(float64(p50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
	b.ReportMetric(float64(s50.Microseconds()), "static-p50-µs")
	b.ReportMetric(float64(s99.Microseconds()), "static-p99-µs")
	b.ReportMetric(float64(p50)/float64(max(s50, 1)), "x-static-p50")
	b.ReportMetric(float64(p99)/float64(max(s99, 1)), "x-static-p99")
	b.ReportMetric(float64(bytes)/float64(b.N), "body-bytes")
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// BenchmarkAPI100k/list: country=DE&featured=false&sort=name, 50 per page,
// pages at every depth (keyset cursors). BenchmarkAPI100k/search: q with
// whole names, folded names and 4-letter prefixes, 20 per page.
func BenchmarkAPI100k(b *testing.B) {
	benchSetup(b)
	b.Run("list", func(b *testing.B) {
		benchRequests(b, bench.pages)
	})
	b.Run("search", func(b *testing.B) {
		targets := make([]string, len(bench.qs))
		for i, q := range bench.qs {
			targets[i] = "/municipalities?limit=20&q=" + url.QueryEscape(q)
		}
		benchRequests(b, targets)
	})
	b.Run("get", func(b *testing.B) {
		targets := make([]string, 1000)
		for i := range targets {
			targets[i] = "/municipalities/" + bench.snap.Municipalities[i*97%len(bench.snap.Municipalities)].ID
		}
		benchRequests(b, targets)
	})
}

// TestBenchSearchesFind makes sure the benchmark measures searches that
// find something, at a smaller size.
func TestBenchSearchesFind(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a synthetic dataset")
	}
	d := synth.Generate(synth.Options{Municipalities: 2000, Seed: 3})
	a := newTestAPI(t, d, Config{})
	for _, m := range d.Municipalities[:200] {
		for _, name := range m.Names {
			for _, q := range []string{name, dataset.Fold(name), strings.ToUpper(name)} {
				ids := a.list("/municipalities?limit=1000&q=" + url.QueryEscape(q)).ids()
				if !slices.Contains(ids, m.ID) {
					t.Errorf("q=%s does not find %s", q, m.ID)
				}
			}
		}
	}
}
