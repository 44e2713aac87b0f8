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

// Revisions implements store.History.
func (s *DB) Revisions(ctx context.Context, after int64, limit int) ([]store.RevisionInfo, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	if limit <= 0 {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT revision, applied_at, author, message FROM revisions WHERE revision > ? ORDER BY revision LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	var out []store.RevisionInfo
	for rows.Next() {
		var ri store.RevisionInfo
		var at string
		if err := rows.Scan(&ri.Revision, &at, &ri.Author, &ri.Message); err != nil {
			rows.Close()
			return nil, fmt.Errorf("revisions: %w", err)
		}
		t, err := parseTime(at)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("revision %d: time: %w", ri.Revision, err)
		}
		ri.Time = t.UTC().Truncate(time.Second)
		out = append(out, ri)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	// The records of every listed revision, in one query.
	refs, err := tx.QueryContext(ctx, `SELECT revision, type, id, kind,
		CASE WHEN kind = 'retired' THEN coalesce(json_extract(doc, '$.replaced_by'), '') ELSE '' END
		FROM versions WHERE revision BETWEEN ? AND ? ORDER BY revision, type, id`,
		out[0].Revision, out[len(out)-1].Revision)
	if err != nil {
		return nil, fmt.Errorf("revisions: records: %w", err)
	}
	defer refs.Close()
	byRev := make(map[int64]int, len(out))
	for i, ri := range out {
		byRev[ri.Revision] = i
	}
	for refs.Next() {
		var rev int64
		var r store.RecordRef
		if err := refs.Scan(&rev, &r.Type, &r.ID, &r.Kind, &r.ReplacedBy); err != nil {
			return nil, fmt.Errorf("revisions: records: %w", err)
		}
		if i, ok := byRev[rev]; ok {
			out[i].Records = append(out[i].Records, r)
		}
	}
	if err := refs.Err(); err != nil {
		return nil, fmt.Errorf("revisions: records: %w", err)
	}
	return out, nil
}

// RevisionInfo implements store.History.
func (s *DB) RevisionInfo(ctx context.Context, rev int64) (store.RevisionInfo, error) {
	out, err := s.Revisions(ctx, rev-1, 1)
	if err != nil {
		return store.RevisionInfo{}, err
	}
	if len(out) == 0 || out[0].Revision != rev {
		return store.RevisionInfo{}, fmt.Errorf("revision %d: %w", rev, store.ErrNoRevision)
	}
	return out[0], nil
}

const versionColumns = `v.revision, v.type, v.id, v.kind, v.doc, v.created, r.applied_at FROM versions v JOIN revisions r ON r.revision = v.revision`

func scanVersions(rows *sql.Rows) ([]store.Version, error) {
	defer rows.Close()
	var out []store.Version
	for rows.Next() {
		var v store.Version
		var doc, created, at string
		if err := rows.Scan(&v.Revision, &v.Type, &v.ID, &v.Kind, &doc, &created, &at); err != nil {
			return nil, err
		}
		v.Doc = []byte(doc)
		var err error
		if v.Created, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("%s %s at %d: created: %w", v.Type, v.ID, v.Revision, err)
		}
		if v.Time, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("%s %s at %d: time: %w", v.Type, v.ID, v.Revision, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Versions implements store.History.
func (s *DB) Versions(ctx context.Context, t dataset.Type, id string) ([]store.Version, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("versions: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+versionColumns+` WHERE v.type = ? AND v.id = ? ORDER BY v.revision`, string(t), id)
	if err != nil {
		return nil, fmt.Errorf("versions of %s %s: %w", t, id, err)
	}
	out, err := scanVersions(rows)
	if err != nil {
		return nil, fmt.Errorf("versions of %s %s: %w", t, id, err)
	}
	return out, nil
}

// VersionAt implements store.History.
func (s *DB) VersionAt(ctx context.Context, t dataset.Type, id string, rev int64) (store.Version, error) {
	if err := s.open(); err != nil {
		return store.Version{}, fmt.Errorf("version: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+versionColumns+` WHERE v.type = ? AND v.id = ? AND v.revision <= ? ORDER BY v.revision DESC LIMIT 1`, string(t), id, rev)
	if err != nil {
		return store.Version{}, fmt.Errorf("version of %s %s at %d: %w", t, id, rev, err)
	}
	out, err := scanVersions(rows)
	if err != nil {
		return store.Version{}, fmt.Errorf("version of %s %s at %d: %w", t, id, rev, err)
	}
	if len(out) == 0 {
		return store.Version{}, fmt.Errorf("%s %s at revision %d: %w", t, id, rev, store.ErrNoVersion)
	}
	return out[0], nil
}

// VersionsIn implements store.History.
func (s *DB) VersionsIn(ctx context.Context, rev int64) ([]store.Version, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("versions: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+versionColumns+` WHERE v.revision = ? ORDER BY v.type, v.id`, rev)
	if err != nil {
		return nil, fmt.Errorf("versions in revision %d: %w", rev, err)
	}
	out, err := scanVersions(rows)
	if err != nil {
		return nil, fmt.Errorf("versions in revision %d: %w", rev, err)
	}
	return out, nil
}

// CreateKey implements store.Keys.
func (s *DB) CreateKey(ctx context.Context, k store.Key) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("create key: %w", err)
	}
	if s.w == nil {
		return fmt.Errorf("create key: %w", store.ErrReadOnly)
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO api_keys (name, role, hash, created) VALUES (?, ?, ?, ?)`, k.Name, k.Role, k.Hash, formatTime(k.Created))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "PRIMARY KEY") {
			return fmt.Errorf("create key %q: %w", k.Name, store.ErrKeyExists)
		}
		return fmt.Errorf("create key %q: %w", k.Name, err)
	}
	return nil
}

// ListKeys implements store.Keys.
func (s *DB) ListKeys(ctx context.Context) ([]store.Key, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT name, role, hash, created, revoked FROM api_keys ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	defer rows.Close()
	var out []store.Key
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, fmt.Errorf("list keys: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

func scanKey(sc scanner) (store.Key, error) {
	var k store.Key
	var created, revoked string
	if err := sc.Scan(&k.Name, &k.Role, &k.Hash, &created, &revoked); err != nil {
		return k, err
	}
	var err error
	if k.Created, err = parseTime(created); err != nil {
		return k, fmt.Errorf("key %q: created: %w", k.Name, err)
	}
	if revoked != "" {
		if k.Revoked, err = parseTime(revoked); err != nil {
			return k, fmt.Errorf("key %q: revoked: %w", k.Name, err)
		}
	}
	return k, nil
}

// KeyByHash implements store.Keys. Looking a key up by its hash leaks
// nothing an attacker can use: the hash of a guess says nothing about how
// close the guess is, so the index's timing cannot be walked towards a
// key. The caller still compares in constant time.
func (s *DB) KeyByHash(ctx context.Context, hash string) (store.Key, error) {
	if err := s.open(); err != nil {
		return store.Key{}, fmt.Errorf("key: %w", err)
	}
	k, err := scanKey(s.r.QueryRowContext(ctx, `SELECT name, role, hash, created, revoked FROM api_keys WHERE hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Key{}, store.ErrNoKey
	}
	if err != nil {
		return store.Key{}, fmt.Errorf("key: %w", err)
	}
	return k, nil
}

// RevokeKey implements store.Keys.
func (s *DB) RevokeKey(ctx context.Context, name string, at time.Time) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("revoke key: %w", err)
	}
	if s.w == nil {
		return fmt.Errorf("revoke key: %w", store.ErrReadOnly)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("revoke key %q: %w", name, err)
	}
	defer tx.Rollback()
	var revoked string
	err = tx.QueryRowContext(ctx, `SELECT revoked FROM api_keys WHERE name = ?`, name).Scan(&revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("revoke key %q: %w", name, store.ErrNoKey)
	}
	if err != nil {
		return fmt.Errorf("revoke key %q: %w", name, err)
	}
	if revoked == "" {
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET revoked = ? WHERE name = ?`, formatTime(at), name); err != nil {
			return fmt.Errorf("revoke key %q: %w", name, err)
		}
	}
	return tx.Commit()
}
