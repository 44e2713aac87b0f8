package dumps

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// manyTriples is a graph of n triples, each different, over many batches.
func manyTriples(n int) Graph {
	return GraphFunc(func(ctx context.Context, _ *dataset.Snapshot, emit func(vocab.Triple) error) error {
		for i := range n {
			s := vocab.IRI(fmt.Sprintf("https://data.example.org/id/thing/%d", i/3))
			if err := emit(vocab.T(s, vocab.RDFSLabel.Node(), vocab.Str(fmt.Sprintf("label %d", i)))); err != nil {
				return err
			}
		}
		return nil
	})
}

// Batches are reused once every writer is done with them: each file is
// still the graph in order, as one writer alone writes it.
func TestWriteGraphsReusesBatchesSafely(t *testing.T) {
	const n = 7*graphBatch + 5
	g := manyTriples(n)
	bufs := make([]bytes.Buffer, len(graphFormats))
	ws := make([]io.Writer, len(graphFormats))
	for i := range bufs {
		ws[i] = &bufs[i]
	}
	var counted int
	counts, err := writeGraphs(context.Background(), ws, g, graphFormats, nil, func(vocab.Triple) { counted++ })
	if err != nil {
		t.Fatal(err)
	}
	if counted != n {
		t.Errorf("counted %d triples, want %d", counted, n)
	}
	for i, f := range graphFormats {
		if counts[i] != n {
			t.Errorf("%s: %d triples, want %d", f.Name, counts[i], n)
		}
		var want bytes.Buffer
		tw := f.NewWriter(&want, exporters.Options{})
		if err := g.Triples(context.Background(), nil, tw.WriteTriple); err != nil {
			t.Fatal(err)
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(&bufs[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: %d bytes differ from the %d of one writer alone", f.Name, len(got), want.Len())
		}
	}
}

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errDiskFull
	}
	return len(p), nil
}

// A writer that fails midway stops the others and the producer, and its
// error is the one returned.
func TestWriteGraphsStopsAtAWritersError(t *testing.T) {
	for i, f := range graphFormats {
		t.Run(f.Name, func(t *testing.T) {
			ws := make([]io.Writer, len(graphFormats))
			for j := range ws {
				ws[j] = io.Discard
			}
			ws[i] = &failAfter{n: 1 << 12}
			_, err := writeGraphs(context.Background(), ws, manyTriples(12*graphBatch), graphFormats, nil, nil)
			if !errors.Is(err, errDiskFull) {
				t.Fatalf("got %v, want %v", err, errDiskFull)
			}
		})
	}
}

// A triple no format can hold is refused once, by the producer, which
// every writer trusts: the release fails with the triple's fault.
func TestWriteGraphsRefusesAnInvalidTriple(t *testing.T) {
	const bad = 3*graphBatch + 10
	g := GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		return manyTriples(5*graphBatch).Triples(ctx, snap, func(tr vocab.Triple) error {
			if tr.O.Value == fmt.Sprintf("label %d", bad) {
				tr.S = vocab.IRI("relative/iri")
			}
			return emit(tr)
		})
	})
	ws := []io.Writer{io.Discard, io.Discard, io.Discard}
	_, err := writeGraphs(context.Background(), ws, g, graphFormats, nil, nil)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("triple %d of the graph", bad+1)) || !strings.Contains(err.Error(), "not absolute") {
		t.Fatalf("got %v, want the fault of triple %d", err, bad+1)
	}
}
