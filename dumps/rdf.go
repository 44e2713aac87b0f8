package dumps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// Graph produces the triples of the whole dataset, in a fixed order, for
// the graph dumps. The dumps write them in each of graphFormats.
type Graph interface {
	Triples(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error
}

// GraphFunc makes a function a Graph.
type GraphFunc func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error

func (f GraphFunc) Triples(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
	return f(ctx, snap, emit)
}

// graphFormats are the formats of the graph dumps, from the exporters'
// format table.
var graphFormats = []*exporters.Format{exporters.NTriples, exporters.Turtle, exporters.JSONLD}

// graphFile is the name of the graph dump in format f.
func graphFile(f *exporters.Format) string { return "dataset" + f.Suffix + ".gz" }

// graphBatch is how many triples go to the writers at a time.
const graphBatch = 4096

// tripleBatch is a batch of triples on its way to the writers. The last
// writer done with it hands it back for the next batch, so that a
// release allocates a few batches rather than one per 4096 triples,
// which made most of the garbage of the graph pass (issue 18).
type tripleBatch struct {
	ts   []vocab.Triple
	left atomic.Int32 // writers yet to write it
}

// writeGraphs writes the graph once in each format, gzipped, to ws (one
// per format), and returns the number of triples of each. The triples are
// made and checked once: batches of them go to one goroutine per format
// (and one for count, which sees every triple), so the formats are
// written side by side in the memory of a few batches. Every writer sees the same triples
// in the same order, so each file is the same for the same data.
func writeGraphs(ctx context.Context, ws []io.Writer, g Graph, formats []*exporters.Format, snap *dataset.Snapshot, count func(vocab.Triple)) ([]int64, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	consumers := make([]func([]vocab.Triple) error, 0, len(formats)+1)
	closers := make([]func() error, 0, len(formats)+1)
	for i, f := range formats {
		zw, err := gzip.NewWriterLevel(ws[i], gzip.DefaultCompression)
		if err != nil {
			return nil, err
		}
		tw := f.NewWriter(zw, exporters.Options{Checked: true}) // the producer checks each triple once
		name := graphFile(f)
		consumers = append(consumers, func(batch []vocab.Triple) error {
			for _, t := range batch {
				if err := tw.WriteTriple(t); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			return nil
		})
		closers = append(closers, func() error {
			if err := tw.Close(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := zw.Close(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		})
	}
	if count != nil {
		consumers = append(consumers, func(batch []vocab.Triple) error {
			for _, t := range batch {
				count(t)
			}
			return nil
		})
		closers = append(closers, func() error { return nil })
	}

	const queue = 4 // batches waiting for each writer
	chans := make([]chan *tripleBatch, len(consumers))
	// free holds batches every writer is done with: at most one per place
	// a batch can be (queued, being written, being filled).
	free := make(chan *tripleBatch, len(consumers)*(queue+1)+1)
	var wg sync.WaitGroup
	for i, consume := range consumers {
		ch := make(chan *tripleBatch, queue)
		chans[i] = ch
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			for batch := range ch {
				if err == nil {
					if err = consume(batch.ts); err != nil {
						cancel(err) // and drain, so that the producer never blocks
					}
				}
				if batch.left.Add(-1) == 0 {
					select {
					case free <- batch:
					default:
					}
				}
			}
			if err == nil {
				err = closers[i]()
			}
			if err != nil {
				cancel(err)
			}
		}()
	}

	var n int64
	next := func() *tripleBatch {
		select {
		case b := <-free:
			b.ts = b.ts[:0]
			return b
		default:
			return &tripleBatch{ts: make([]vocab.Triple, 0, graphBatch)}
		}
	}
	batch := next()
	send := func() error {
		batch.left.Store(int32(len(chans)))
		for i, ch := range chans {
			select {
			case ch <- batch:
			case <-ctx.Done():
				// The writers not sent it will never hand it back.
				batch.left.Add(int32(i - len(chans)))
				return context.Cause(ctx)
			}
		}
		batch = next() // the writers share the old one until they are done
		return nil
	}
	err := g.Triples(ctx, snap, func(t vocab.Triple) error {
		if err := exporters.CheckTriple(t); err != nil {
			return fmt.Errorf("triple %d of the graph: %w", n+1, err)
		}
		n++
		batch.ts = append(batch.ts, t)
		if len(batch.ts) == graphBatch {
			return send()
		}
		return nil
	})
	if err == nil && len(batch.ts) > 0 {
		err = send()
	}
	for _, ch := range chans {
		close(ch)
	}
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		err = cause // a writer's error explains the producer's
	} else if err == nil {
		err = cause
	}
	if err != nil {
		return nil, err
	}
	counts := make([]int64, len(formats))
	for i := range counts {
		counts[i] = n
	}
	return counts, nil
}
