package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/moving-cities/opendata/dataset"
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
