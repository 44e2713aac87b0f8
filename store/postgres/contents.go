package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

var _ store.Copier = (*DB)(nil)

// Export implements store.Copier: one repeatable-read transaction.
func (s *DB) Export(ctx context.Context) (*store.Contents, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback(ctx)
	c := &store.Contents{}
	rows, err := tx.Query(ctx, `SELECT type, id, doc::text, created, modified, revision FROM records ORDER BY type, id`)
	if err != nil {
		return nil, fmt.Errorf("export records: %w", err)
	}
	for rows.Next() {
		var r store.StoredRecord
		var typ, doc string
		if err := rows.Scan(&typ, &r.ID, &doc, &r.Created, &r.Modified, &r.Revision); err != nil {
			rows.Close()
			return nil, fmt.Errorf("export records: %w", err)
		}
		r.Type, r.Doc = dataset.Type(typ), json.RawMessage(doc)
		r.Created, r.Modified = r.Created.UTC(), r.Modified.UTC()
		c.Records = append(c.Records, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export records: %w", err)
	}
	trows, err := tx.Query(ctx, `SELECT type, id, replaced_by, reason, retired_at, revision FROM retired ORDER BY type, id`)
	if err != nil {
		return nil, fmt.Errorf("export retired: %w", err)
	}
	for trows.Next() {
		var r store.StoredRetired
		var typ string
		if err := trows.Scan(&typ, &r.ID, &r.ReplacedBy, &r.Reason, &r.Retired.Retired, &r.Revision); err != nil {
			trows.Close()
			return nil, fmt.Errorf("export retired: %w", err)
		}
		r.Type = dataset.Type(typ)
		r.Retired.Retired = r.Retired.Retired.UTC()
		c.Retired = append(c.Retired, r)
	}
	if err := trows.Err(); err != nil {
		return nil, fmt.Errorf("export retired: %w", err)
	}
	vrows, err := tx.Query(ctx, `SELECT revision, applied_at, added, changed, retired FROM revisions ORDER BY revision`)
	if err != nil {
		return nil, fmt.Errorf("export revisions: %w", err)
	}
	for vrows.Next() {
		var v store.RevisionRow
		if err := vrows.Scan(&v.Revision, &v.AppliedAt, &v.Added, &v.Changed, &v.Retired); err != nil {
			vrows.Close()
			return nil, fmt.Errorf("export revisions: %w", err)
		}
		v.AppliedAt = v.AppliedAt.UTC()
		c.Revisions = append(c.Revisions, v)
	}
	if err := vrows.Err(); err != nil {
		return nil, fmt.Errorf("export revisions: %w", err)
	}
	return c, nil
}

// Restore implements store.Copier. It copies with COPY (a 100k-record
// dataset is one round trip per table) under the writers' lock, and
// announces the revision like a commit does. PostgreSQL keeps times to
// the microsecond: finer stamps are rounded down.
func (s *DB) Restore(ctx context.Context, c *store.Contents) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if s.readOnly {
		return fmt.Errorf("restore: %w", store.ErrReadOnly)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockApply); err != nil {
		return fmt.Errorf("restore: lock: %w", err)
	}
	var empty bool
	if err := tx.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM revisions) AND NOT EXISTS (SELECT 1 FROM records) AND NOT EXISTS (SELECT 1 FROM retired)`).Scan(&empty); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if !empty {
		return fmt.Errorf("restore: %w", store.ErrNotEmpty)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"revisions"}, []string{"revision", "applied_at", "added", "changed", "retired"},
		pgx.CopyFromSlice(len(c.Revisions), func(i int) ([]any, error) {
			v := c.Revisions[i]
			return []any{v.Revision, v.AppliedAt, v.Added, v.Changed, v.Retired}, nil
		})); err != nil {
		return fmt.Errorf("restore revisions: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"records"}, []string{"type", "id", "doc", "created", "modified", "revision"},
		pgx.CopyFromSlice(len(c.Records), func(i int) ([]any, error) {
			r := c.Records[i]
			return []any{string(r.Type), r.ID, r.Doc, r.Created, r.Modified, r.Revision}, nil
		})); err != nil {
		return fmt.Errorf("restore records: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"retired"}, []string{"type", "id", "replaced_by", "reason", "retired_at", "revision"},
		pgx.CopyFromSlice(len(c.Retired), func(i int) ([]any, error) {
			r := c.Retired[i]
			return []any{string(r.Type), r.ID, r.ReplacedBy, r.Reason, r.Retired.Retired, r.Revision}, nil
		})); err != nil {
		return fmt.Errorf("restore retired: %w", err)
	}
	if rev := c.Revision(); rev > 0 {
		if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, fmt.Sprint(rev)); err != nil {
			return fmt.Errorf("restore: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("restore: commit: %w", err)
	}
	s.watch.notify()
	return nil
}
