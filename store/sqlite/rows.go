package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// batchRows is how many records one statement writes. A statement of one
// row costs its execution overhead (database/sql's conversions, the
// driver's binding, SQLite's reset) for each of an import's records and
// versions rows, half a million at 100k municipalities (issue 18).
const batchRows = 64

const (
	upsertSQL = `INSERT INTO records (type, id, doc, created, modified, revision) VALUES %s
		ON CONFLICT (type, id) DO UPDATE SET doc = excluded.doc, modified = excluded.modified, revision = excluded.revision`
	versionSQL = `INSERT INTO versions (type, id, revision, kind, doc, created) VALUES %s`
)

// values is the VALUES list of n rows of six parameters.
func values(n int) string {
	return strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", n), ", ")
}

// recordRows writes the records and versions rows of a revision's added
// and changed records, batchRows records to a statement. A multi-row
// upsert writes its rows one after another, as as many statements would:
// a later row of the same key updates the earlier one. Rows wait in the
// batch until it is full or flushed: the writer flushes before anything
// else that must see them (a retirement, a restoration, the revision).
type recordRows struct {
	tx                *sql.Tx
	size              int       // rows to a batch: batchRows, or a test's
	upsert1, version1 *sql.Stmt // one row
	upsertN, versionN *sql.Stmt // size rows, prepared when first full

	recArgs, verArgs []any
	keys             []dataset.Change // the records waiting, to name them in errors
}

func newRecordRows(ctx context.Context, tx *sql.Tx, size int) (*recordRows, error) {
	if size <= 0 {
		size = batchRows
	}
	r := &recordRows{tx: tx, size: size}
	var err error
	if r.upsert1, err = tx.PrepareContext(ctx, fmt.Sprintf(upsertSQL, values(1))); err != nil {
		return nil, err
	}
	if r.version1, err = tx.PrepareContext(ctx, fmt.Sprintf(versionSQL, values(1))); err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *recordRows) close() {
	for _, s := range []*sql.Stmt{r.upsert1, r.version1, r.upsertN, r.versionN} {
		if s != nil {
			s.Close()
		}
	}
}

// add writes (or batches) c's records row and its versions row.
func (r *recordRows) add(ctx context.Context, c dataset.Change, doc, created, modified string, revision int64) error {
	r.recArgs = append(r.recArgs, string(c.Type), c.ID, doc, created, modified, revision)
	r.verArgs = append(r.verArgs, string(c.Type), c.ID, revision, string(c.Kind), doc, created)
	r.keys = append(r.keys, dataset.Change{Type: c.Type, ID: c.ID})
	if len(r.keys) < r.size {
		return nil
	}
	return r.flush(ctx)
}

// flush writes the rows waiting: a full batch in one statement per table,
// fewer row by row.
func (r *recordRows) flush(ctx context.Context) error {
	defer func() {
		r.recArgs, r.verArgs, r.keys = r.recArgs[:0], r.verArgs[:0], r.keys[:0]
	}()
	if len(r.keys) == r.size && r.size > 1 {
		var err error
		if r.upsertN == nil {
			if r.upsertN, err = r.tx.PrepareContext(ctx, fmt.Sprintf(upsertSQL, values(r.size))); err != nil {
				return fmt.Errorf("apply: %w", err)
			}
			if r.versionN, err = r.tx.PrepareContext(ctx, fmt.Sprintf(versionSQL, values(r.size))); err != nil {
				return fmt.Errorf("apply: %w", err)
			}
		}
		first, last := r.keys[0], r.keys[len(r.keys)-1]
		if _, err := r.upsertN.ExecContext(ctx, r.recArgs...); err != nil {
			return fmt.Errorf("apply %s %s … %s %s: %w", first.Type, first.ID, last.Type, last.ID, err)
		}
		if _, err := r.versionN.ExecContext(ctx, r.verArgs...); err != nil {
			return fmt.Errorf("apply %s %s … %s %s: version: %w", first.Type, first.ID, last.Type, last.ID, err)
		}
		return nil
	}
	for i, k := range r.keys {
		if _, err := r.upsert1.ExecContext(ctx, r.recArgs[6*i:6*i+6]...); err != nil {
			return fmt.Errorf("apply %s %s: %w", k.Type, k.ID, err)
		}
		if _, err := r.version1.ExecContext(ctx, r.verArgs[6*i:6*i+6]...); err != nil {
			return fmt.Errorf("apply %s %s: version: %w", k.Type, k.ID, err)
		}
	}
	return nil
}

// encoded is an added or changed record ready for its rows, or why not.
type encoded struct {
	doc, created, modified string
	err                    error
}

// encoder stamps and encodes the added and changed records of changes on
// its own goroutine, in the writer's order, a batch ahead of the writer:
// at 100k municipalities encoding took a sixth of Apply's time, which
// SQLite, writing on one goroutine, need not wait for on a machine of two
// cores or more (issue 18). Only the encoder touches those records until the
// writer has their rows, and stop waits for it to end.
type encoder struct {
	batches chan []encoded
	quit    chan struct{}
	done    chan struct{}
	batch   []encoded
}

func newEncoder(changes []dataset.Change, order []int, now time.Time, size int) *encoder {
	e := &encoder{batches: make(chan []encoded, 4), quit: make(chan struct{}), done: make(chan struct{})}
	go e.run(changes, order, now, size)
	return e
}

func (e *encoder) run(changes []dataset.Change, order []int, now time.Time, size int) {
	defer close(e.done)
	defer close(e.batches)
	docs := store.NewDocEncoder()
	batch := make([]encoded, 0, size)
	send := func() bool {
		select {
		case e.batches <- batch:
			batch = make([]encoded, 0, size)
			return true
		case <-e.quit:
			return false
		}
	}
	for _, i := range order {
		c := changes[i]
		if c.Kind != dataset.Added && c.Kind != dataset.Changed {
			continue
		}
		r := encodeRecord(docs, c, now)
		batch = append(batch, r)
		if r.err != nil {
			send()
			return // the writer stops at the error
		}
		if len(batch) == size && !send() {
			return
		}
	}
	if len(batch) > 0 {
		send()
	}
}

// encodeRecord stamps c's record as the store keeps it and encodes it.
func encodeRecord(docs *store.DocEncoder, c dataset.Change, now time.Time) encoded {
	st := stampsOf(c.Record)
	if st == nil {
		return encoded{err: fmt.Errorf("apply %s %s: unsupported record %T", c.Type, c.ID, c.Record)}
	}
	mod := now
	if c.KeepStamps && !st.Created.IsZero() {
		mod = keptModified(st)
	} else if c.Kind == dataset.Added || st.Created.IsZero() {
		st.Created = now
	}
	st.Created = dataset.Stamp(st.Created)
	st.Modified = mod
	doc, err := docs.Doc(c.Record, st)
	if err != nil {
		return encoded{err: fmt.Errorf("apply %s %s: %w", c.Type, c.ID, err)}
	}
	return encoded{doc: doc, created: formatTime(st.Created), modified: formatTime(mod)}
}

// next returns the next added or changed record, in the order of changes.
func (e *encoder) next() encoded {
	if len(e.batch) == 0 {
		b, ok := <-e.batches
		if !ok {
			return encoded{err: errors.New("apply: the encoder ended early")}
		}
		e.batch = b
	}
	r := e.batch[0]
	e.batch = e.batch[1:]
	return r
}

// stop ends the encoder and waits for it: after stop, the records are
// the caller's again.
func (e *encoder) stop() {
	close(e.quit)
	<-e.done
}
