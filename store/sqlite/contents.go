package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/moving-cities/opendata/store"
)

var _ store.Copier = (*DB)(nil)

// Export implements store.Copier.
func (s *DB) Export(ctx context.Context) (*store.Contents, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback()
	c := &store.Contents{}
	rows, err := tx.QueryContext(ctx, `SELECT type, id, doc, created, modified, revision FROM records ORDER BY type, id`)
	if err != nil {
		return nil, fmt.Errorf("export records: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r store.StoredRecord
		var doc, created, modified string
		if err := rows.Scan(&r.Type, &r.ID, &doc, &created, &modified, &r.Revision); err != nil {
			return nil, fmt.Errorf("export records: %w", err)
		}
		r.Doc = []byte(doc)
		if r.Created, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("export %s %s: created: %w", r.Type, r.ID, err)
		}
		if r.Modified, err = parseTime(modified); err != nil {
			return nil, fmt.Errorf("export %s %s: modified: %w", r.Type, r.ID, err)
		}
		c.Records = append(c.Records, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export records: %w", err)
	}
	trows, err := tx.QueryContext(ctx, `SELECT type, id, replaced_by, reason, retired_at, revision FROM retired ORDER BY type, id`)
	if err != nil {
		return nil, fmt.Errorf("export retired: %w", err)
	}
	defer trows.Close()
	for trows.Next() {
		var r store.StoredRetired
		var at string
		if err := trows.Scan(&r.Type, &r.ID, &r.ReplacedBy, &r.Reason, &at, &r.Revision); err != nil {
			return nil, fmt.Errorf("export retired: %w", err)
		}
		if r.Retired.Retired, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("export retired %s %s: %w", r.Type, r.ID, err)
		}
		c.Retired = append(c.Retired, r)
	}
	if err := trows.Err(); err != nil {
		return nil, fmt.Errorf("export retired: %w", err)
	}
	vrows, err := tx.QueryContext(ctx, `SELECT revision, applied_at, added, changed, retired, restored, author, message FROM revisions ORDER BY revision`)
	if err != nil {
		return nil, fmt.Errorf("export revisions: %w", err)
	}
	defer vrows.Close()
	for vrows.Next() {
		var v store.RevisionRow
		var at string
		if err := vrows.Scan(&v.Revision, &at, &v.Added, &v.Changed, &v.Retired, &v.Restored, &v.Author, &v.Message); err != nil {
			return nil, fmt.Errorf("export revisions: %w", err)
		}
		if v.AppliedAt, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("export revision %d: %w", v.Revision, err)
		}
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
func exportHistory(ctx context.Context, tx *sql.Tx, c *store.Contents) error {
	rows, err := tx.QueryContext(ctx, `SELECT revision, type, id, kind, doc, created FROM versions ORDER BY type, id, revision`)
	if err != nil {
		return fmt.Errorf("export versions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v store.Version
		var doc, created string
		if err := rows.Scan(&v.Revision, &v.Type, &v.ID, &v.Kind, &doc, &created); err != nil {
			return fmt.Errorf("export versions: %w", err)
		}
		v.Doc = []byte(doc)
		if v.Created, err = parseTime(created); err != nil {
			return fmt.Errorf("export version %s %s %d: %w", v.Type, v.ID, v.Revision, err)
		}
		c.Versions = append(c.Versions, v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export versions: %w", err)
	}
	krows, err := tx.QueryContext(ctx, `SELECT name, role, hash, created, revoked FROM api_keys ORDER BY name`)
	if err != nil {
		return fmt.Errorf("export keys: %w", err)
	}
	defer krows.Close()
	for krows.Next() {
		k, err := scanKey(krows)
		if err != nil {
			return fmt.Errorf("export keys: %w", err)
		}
		c.Keys = append(c.Keys, k)
	}
	if err := krows.Err(); err != nil {
		return fmt.Errorf("export keys: %w", err)
	}
	prows, err := tx.QueryContext(ctx, `SELECT `+proposalColumns+` ORDER BY id`)
	if err != nil {
		return fmt.Errorf("export proposals: %w", err)
	}
	defer prows.Close()
	for prows.Next() {
		p, err := scanProposal(prows)
		if err != nil {
			return fmt.Errorf("export proposals: %w", err)
		}
		c.Proposals = append(c.Proposals, p)
	}
	if err := prows.Err(); err != nil {
		return fmt.Errorf("export proposals: %w", err)
	}
	return nil
}

// Restore implements store.Copier.
func (s *DB) Restore(ctx context.Context, c *store.Contents) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if s.w == nil {
		return fmt.Errorf("restore: %w", store.ErrReadOnly)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM revisions) + (SELECT count(*) FROM records) + (SELECT count(*) FROM retired)
		+ (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM proposals)`).Scan(&n); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("restore: %w", store.ErrNotEmpty)
	}
	for _, q := range []struct {
		sql  string
		n    int
		args func(i int) []any
	}{
		{`INSERT INTO revisions (revision, applied_at, added, changed, retired, restored, author, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, len(c.Revisions), func(i int) []any {
			v := c.Revisions[i]
			return []any{v.Revision, formatTime(v.AppliedAt), v.Added, v.Changed, v.Retired, v.Restored, v.Author, v.Message}
		}},
		{`INSERT INTO records (type, id, doc, created, modified, revision) VALUES (?, ?, ?, ?, ?, ?)`, len(c.Records), func(i int) []any {
			r := c.Records[i]
			return []any{string(r.Type), r.ID, string(r.Doc), formatTime(r.Created), formatTime(r.Modified), r.Revision}
		}},
		{`INSERT INTO retired (type, id, replaced_by, reason, retired_at, revision) VALUES (?, ?, ?, ?, ?, ?)`, len(c.Retired), func(i int) []any {
			r := c.Retired[i]
			return []any{string(r.Type), r.ID, r.ReplacedBy, r.Reason, formatTime(r.Retired.Retired), r.Revision}
		}},
		{`INSERT INTO versions (type, id, revision, kind, doc, created) VALUES (?, ?, ?, ?, ?, ?)`, len(c.Versions), func(i int) []any {
			v := c.Versions[i]
			return []any{string(v.Type), v.ID, v.Revision, string(v.Kind), string(v.Doc), formatTime(v.Created)}
		}},
		{`INSERT INTO api_keys (name, role, hash, created, revoked) VALUES (?, ?, ?, ?, ?)`, len(c.Keys), func(i int) []any {
			k := c.Keys[i]
			return []any{k.Name, k.Role, k.Hash, formatTime(k.Created), optionalTime(k.Revoked)}
		}},
		{`INSERT INTO proposals (id, kind, text, source, contact, ops, created, status, decided_by, reason, revision, decided)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(c.Proposals), func(i int) []any {
			p := c.Proposals[i]
			ops := string(p.Ops)
			if ops == "" {
				ops = "null"
			}
			return []any{p.ID, p.Kind, p.Text, p.Source, p.Contact, ops, formatTime(p.Created), p.Status, p.By, p.Reason, p.Revision, optionalTime(p.At)}
		}},
	} {
		stmt, err := tx.PrepareContext(ctx, q.sql)
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		for i := range q.n {
			if _, err := stmt.ExecContext(ctx, q.args(i)...); err != nil {
				stmt.Close()
				return fmt.Errorf("restore: %w", err)
			}
		}
		stmt.Close()
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("restore: commit: %w", err)
	}
	s.watch.notify()
	return nil
}

// optionalTime is a time as stored, or "" for none.
func optionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}
