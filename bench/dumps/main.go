// Command dumps measures a full dump release of a synthetic dataset: the
// time of each file, the whole release, and the process's peak memory.
// bench/dumps.sh runs it and then DuckDB on the same CSV.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/synth"
	"github.com/moving-cities/opendata/vocab"
)

func main() {
	n := flag.Int("municipalities", 100000, "synthetic municipalities")
	out := flag.String("out", "", "folder for the dumps folders of the runs (required)")
	runs := flag.Int("runs", 3, "releases to make (each in a folder of its own); the best times are reported")
	seed := flag.Bool("seed-data", false, "release the seed data instead of synthetic municipalities (--municipalities is ignored)")
	noPDF := flag.Bool("no-pdf", false, "leave the printable publications out (to measure the other files alone)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the releases to this file")
	memProfile := flag.String("memprofile", "", "write a heap (allocations) profile after the releases to this file")
	heapProfile := flag.String("heapprofile", "", "write an in-use heap profile to this file whenever the heap reaches a new peak (the live objects as of the last collection), and name the file being written then in the report")
	ntOut := flag.String("ntriples", "", "only write the graph as N-Triples (uncompressed) to this file, timed, and report that (for the comparison with rapper)")
	flag.Parse()
	if *ntOut != "" {
		writeNTriples(*n, *ntOut)
		return
	}
	if *out == "" {
		log.Fatal("--out is required")
	}
	t0 := time.Now()
	d := synth.Generate(synth.Options{Municipalities: *n, Seed: 1})
	if *seed {
		var err error
		if d, err = dataset.Seed(); err != nil {
			log.Fatal(err)
		}
	}
	snap := dataset.NewSnapshot(d, 1)
	gen := time.Since(t0)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	// Sample the heap while releases are written, and note which file
	// was being written at its peak.
	var peakHeap atomic.Uint64
	var writing, peakFile atomic.Pointer[string]
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		var profiled uint64
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peakHeap.Load() {
				peakHeap.Store(ms.HeapAlloc)
				peakFile.Store(writing.Load())
				// A new profile for each 5% more, not each sample.
				if *heapProfile != "" && ms.HeapAlloc > profiled+profiled/20 {
					profiled = ms.HeapAlloc
					writeHeapProfile(*heapProfile)
				}
			}
		}
	}()

	const base = "https://data.moving-cities.eu"
	files := map[string]float64{}
	filesCPU := map[string]float64{} // CPU time of the process (all threads), which a loaded machine does not inflate
	var best time.Duration
	var res *dumps.Result
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}
	for run := range *runs {
		var cur string
		var curStart time.Time
		var curCPU float64
		times, cpu := map[string]float64{}, map[string]float64{}
		dm := &dumps.Dumper{Dir: filepath.Join(*out, fmt.Sprintf("run-%d", run+1)), BaseURI: base,
			Graph: dumps.GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
				return graph.DatasetTriples(ctx, snap, base, emit)
			}),
			Catalog: &catalog.Config{},
			NoPDF:   *noPDF,
			Progress: func(p dumps.Progress) {
				now, nowCPU := time.Now(), cpuSeconds()
				if cur != "" {
					times[cur] = now.Sub(curStart).Seconds()
					cpu[cur] = nowCPU - curCPU
				}
				cur, curStart, curCPU = p.File, now, nowCPU
				writing.Store(&p.File)
			}}
		start := time.Now()
		r, err := dm.Release(context.Background(), snap)
		total := time.Since(start)
		if err != nil {
			log.Fatal(err)
		}
		times[cur] = time.Since(curStart).Seconds()
		cpu[cur] = cpuSeconds() - curCPU
		if best == 0 || total < best {
			best, res = total, r
		}
		for f, t := range times {
			if old, ok := files[f]; !ok || t < old {
				files[f] = t
			}
		}
		for f, t := range cpu {
			if old, ok := filesCPU[f]; !ok || t < old {
				filesCPU[f] = t
			}
		}
	}
	close(stop)
	<-sampled
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		f.Close()
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	var bytes int64
	sizes := map[string]int64{}
	for _, f := range res.Manifest.Files {
		bytes += f.Bytes
		sizes[f.Name] = f.Bytes
	}
	report := map[string]any{
		"municipalities":        len(snap.Municipalities),
		"memberships":           len(snap.Memberships),
		"approaches":            len(snap.Approaches),
		"release":               res.Release,
		"generate_seconds":      gen.Seconds(),
		"runs":                  *runs,
		"release_seconds":       best.Seconds(),
		"release_bytes":         bytes,
		"peak_rss_bytes":        ru.Maxrss * 1024, // Linux reports KiB
		"heap_before_bytes":     before.HeapAlloc,
		"peak_heap_alloc_bytes": peakHeap.Load(),
		"peak_heap_file":        peakFile.Load(),
		"file_seconds":          files,
		"file_cpu_seconds":      filesCPU,
		"file_bytes":            sizes,
		"gomaxprocs":            runtime.GOMAXPROCS(0),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(report); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// writeHeapProfile writes the in-use heap profile to path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// cpuSeconds is the CPU time (user and system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// writeNTriples writes the graph of n synthetic municipalities as
// N-Triples to path and reports the time of making and writing the
// triples (the dataset is made before the clock starts).
func writeNTriples(n int, path string) {
	snap := dataset.NewSnapshot(synth.Generate(synth.Options{Municipalities: n, Seed: 1}), 1)
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	cpu0 := cpuSeconds()
	bw := bufio.NewWriterSize(f, 1<<16)
	w := exporters.NTriples.NewWriter(bw, exporters.Options{})
	var triples int64
	err = graph.DatasetTriples(context.Background(), snap, "https://data.moving-cities.eu", func(t vocab.Triple) error {
		triples++
		return w.WriteTriple(t)
	})
	if err == nil {
		err = w.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]any{"triples": triples,
		"ntriples_seconds": time.Since(start).Seconds(), "ntriples_cpu_seconds": cpuSeconds() - cpu0}); err != nil {
		log.Fatal(err)
	}
}
