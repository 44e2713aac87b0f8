package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

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
	vrows, err := tx.Query(ctx, `SELECT revision, applied_at, added, changed, retired, restored, author, message FROM revisions ORDER BY revision`)
	if err != nil {
		return nil, fmt.Errorf("export revisions: %w", err)
	}
	for vrows.Next() {
		var v store.RevisionRow
		if err := vrows.Scan(&v.Revision, &v.AppliedAt, &v.Added, &v.Changed, &v.Retired, &v.Restored, &v.Author, &v.Message); err != nil {
			vrows.Close()
			return nil, fmt.Errorf("export revisions: %w", err)
		}
		v.AppliedAt = v.AppliedAt.UTC()
		c.Revisions = append(c.Revisions, v)
	}
	if err := vrows.Err(); err != nil {
		return nil, fmt.Errorf("export revisions: %w", err)
	}
	if err := exportHistory(ctx, tx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// exportHistory reads the versions, keys and proposals into c.
func exportHistory(ctx context.Context, tx pgx.Tx, c *store.Contents) error {
	rows, err := tx.Query(ctx, `SELECT revision, type, id, kind, doc::text, created FROM versions ORDER BY type, id, revision`)
	if err != nil {
		return fmt.Errorf("export versions: %w", err)
	}
	c.Versions, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Version, error) {
		var v store.Version
		var typ, kind, doc string
		err := row.Scan(&v.Revision, &typ, &v.ID, &kind, &doc, &v.Created)
		v.Type, v.Kind, v.Doc, v.Created = dataset.Type(typ), dataset.ChangeKind(kind), json.RawMessage(doc), v.Created.UTC()
		return v, err
	})
	if err != nil {
		return fmt.Errorf("export versions: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT `+keyColumns+` ORDER BY name`)
	if err != nil {
		return fmt.Errorf("export keys: %w", err)
	}
	if c.Keys, err = pgx.CollectRows(rows, scanKey); err != nil {
		return fmt.Errorf("export keys: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT `+proposalColumns+` ORDER BY id`)
	if err != nil {
		return fmt.Errorf("export proposals: %w", err)
	}
	if c.Proposals, err = pgx.CollectRows(rows, scanProposal); err != nil {
		return fmt.Errorf("export proposals: %w", err)
	}
	return nil
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
	if err := tx.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM revisions) AND NOT EXISTS (SELECT 1 FROM records) AND NOT EXISTS (SELECT 1 FROM retired)
		AND NOT EXISTS (SELECT 1 FROM api_keys) AND NOT EXISTS (SELECT 1 FROM proposals)`).Scan(&empty); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if !empty {
		return fmt.Errorf("restore: %w", store.ErrNotEmpty)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"revisions"}, []string{"revision", "applied_at", "added", "changed", "retired", "restored", "author", "message"},
		pgx.CopyFromSlice(len(c.Revisions), func(i int) ([]any, error) {
			v := c.Revisions[i]
			return []any{v.Revision, v.AppliedAt, v.Added, v.Changed, v.Retired, v.Restored, v.Author, v.Message}, nil
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
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"versions"}, []string{"type", "id", "revision", "kind", "doc", "created"},
		pgx.CopyFromSlice(len(c.Versions), func(i int) ([]any, error) {
			v := c.Versions[i]
			return []any{string(v.Type), v.ID, v.Revision, string(v.Kind), v.Doc, v.Created}, nil
		})); err != nil {
		return fmt.Errorf("restore versions: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"api_keys"}, []string{"name", "role", "hash", "created", "revoked"},
		pgx.CopyFromSlice(len(c.Keys), func(i int) ([]any, error) {
			k := c.Keys[i]
			return []any{k.Name, k.Role, k.Hash, k.Created, optionalTime(k.Revoked)}, nil
		})); err != nil {
		return fmt.Errorf("restore keys: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"proposals"},
		[]string{"id", "kind", "text", "source", "contact", "ops", "created", "status", "decided_by", "reason", "revision", "decided"},
		pgx.CopyFromSlice(len(c.Proposals), func(i int) ([]any, error) {
			p := c.Proposals[i]
			var ops any // NULL when the proposer wrote none
			if len(p.Ops) > 0 {
				ops = p.Ops
			}
			return []any{p.ID, p.Kind, p.Text, p.Source, p.Contact, ops, p.Created, p.Status, p.By, p.Reason, p.Revision, optionalTime(p.At)}, nil
		})); err != nil {
		return fmt.Errorf("restore proposals: %w", err)
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

// optionalTime is t, or NULL for the zero time.
func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
