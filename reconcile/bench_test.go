package reconcile

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// The benchmarks answer batches of 100 queries, as OpenRefine sends them,
// from the JSON of a 1.0-draft request to the JSON of its answer, and
// report the latency percentiles of a batch:
//
//	go test ./reconcile -run '^$' -bench Batch100 -benchtime 200x
//
// The queries are names people type: whole names in any of their
// languages, lower case without diacritics, with a typo, or of places we
// do not list; half with a country condition.

func BenchmarkBatch100Seed(b *testing.B) {
	benchBatches(b, seedIndex(), 0)
}

func BenchmarkBatch100Synthetic100k(b *testing.B) {
	d := synth.Generate(synth.Options{Municipalities: 100_000, Seed: 1})
	snap := dataset.NewSnapshot(d, 1)
	start := time.Now()
	ix := NewIndex(snap)
	benchBatches(b, ix, time.Since(start))
}

// benchBatches times batches over ix; build is how long ix took to build,
// reported when not zero.
func benchBatches(b *testing.B, ix *Index, build time.Duration) {
	r := rand.New(rand.NewPCG(7, 7))
	bodies := make([][]byte, 50)
	for i := range bodies {
		bodies[i] = benchBody(r, ix)
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		var batch QueryBatch10
		if err := json.Unmarshal(bodies[i%len(bodies)], &batch); err != nil {
			b.Fatal(err)
		}
		qs, err := Queries10(batch)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(ix.Reconcile10(qs)); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	pct := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms/batch")
	b.ReportMetric(pct(0.99), "p99-ms/batch")
	b.ReportMetric(float64(len(ix.entities)), "entities")
	if build > 0 {
		b.ReportMetric(float64(build.Milliseconds()), "index-build-ms")
	}
}

// benchBody is a 1.0-draft batch of 100 queries drawn from the index.
func benchBody(r *rand.Rand, ix *Index) []byte {
	var munis []*dataset.Municipality
	munis = ix.snap.Municipalities
	queries := make([]map[string]any, 100)
	for k := range queries {
		m := munis[r.IntN(len(munis))]
		langs := m.Names.Langs()
		name := m.Names[langs[r.IntN(len(langs))]]
		switch r.IntN(6) {
		case 0:
			name = dataset.Fold(name)
		case 1: // a typo
			rs := []rune(name)
			if len(rs) > 4 {
				i := 1 + r.IntN(len(rs)-2)
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
			name = string(rs)
		case 2: // a place we do not list
			name = fmt.Sprintf("%s %s", []string{"Nowhere", "Altstadt", "Villanueva", "Sankt", "Nea"}[r.IntN(5)], strings.ToUpper(name[:1]))
		}
		conds := []map[string]any{{"matchType": "name", "propertyValue": name}}
		if r.IntN(2) == 0 {
			conds = append(conds, map[string]any{"matchType": "property", "propertyId": "country", "propertyValue": m.Country})
		}
		queries[k] = map[string]any{"type": "municipality", "limit": 5, "conditions": conds}
	}
	body, _ := json.Marshal(map[string]any{"queries": queries})
	return body
}
