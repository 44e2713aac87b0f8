package api

import (
	"runtime"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// TestDocumentSizes measures what rendering every format of every
// municipality would hold, on synthetic data of the real shape, to size
// docCacheBytes: run with -v to see the figures.
//
//	go test ./api -run TestDocumentSizes -v -count=1
func TestDocumentSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("a measurement")
	}
	if raceDetector {
		// Under -race the heap figures are the detector's (they even come
		// out negative) and the run takes minutes: .ci/run runs this test
		// once more without -race, where its assertion means something.
		t.Skip("heap figures are meaningless under -race; .ci/run runs this test without it")
	}
	const n = 1000
	d := synth.Generate(synth.Options{Municipalities: n, Seed: 1})
	var cur testStates
	cur.Store(dataset.NewSnapshot(d, 1))
	s := mustServer(t, Config{BaseURI: testBase}, &cur)
	snap := cur.Load()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	bytesOf := map[string]int{}
	gzipped := 0
	var keep []*rendered
	for _, m := range snap.Municipalities {
		for _, f := range docOffer {
			if f == jsonFormat || f == htmlFormat {
				continue
			}
			rep, err := s.render(snap, dataset.TypeMunicipality, m.ID, nil, f)
			if err != nil {
				t.Fatal(err)
			}
			bytesOf[f.Name] += len(rep.body)
			gzipped += len(rep.gz)
			keep = append(keep, rep)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	total := 0
	for name, b := range bytesOf {
		t.Logf("%-9s %6d bytes a municipality on average", name, b/n)
		total += b
	}
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("all formats: %d bytes of documents and %d gzipped, %d bytes of heap a municipality; 100,000 municipalities: %.1f GB of heap",
		total/n, gzipped/n, heap/n, float64(heap)/n*100_000/1e9)
	total += gzipped
	t.Logf("docCacheBytes (%d MiB) holds every format of about %d municipalities", docCacheBytes>>20, int64(docCacheBytes)/(heap/n))
	runtime.KeepAlive(keep)
	// rendered.size's allowance for what is not the body.
	if overhead := (heap - int64(total)) / n / int64(len(docOffer)-2); overhead > 2048 {
		t.Errorf("%d bytes of heap a representation beyond its body; rendered.size assumes 1536", overhead)
	}
}
