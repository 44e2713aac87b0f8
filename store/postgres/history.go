package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// Revisions implements store.History: the revisions and their records
// in one repeatable-read transaction, so that they agree.
func (s *DB) Revisions(ctx context.Context, after int64, limit int) ([]store.RevisionInfo, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	if limit <= 0 {
		return nil, nil
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, `SELECT revision, applied_at, author, message FROM revisions WHERE revision > $1 ORDER BY revision LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.RevisionInfo, error) {
		var ri store.RevisionInfo
		err := row.Scan(&ri.Revision, &ri.Time, &ri.Author, &ri.Message)
		ri.Time = ri.Time.UTC().Truncate(time.Second)
		return ri, err
	})
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	// The records of every listed revision, in one query.
	refs, err := tx.Query(ctx, `SELECT revision, type, id, kind,
		CASE WHEN kind = 'retired' THEN coalesce(doc->>'replaced_by', '') ELSE '' END
		FROM versions WHERE revision BETWEEN $1 AND $2 ORDER BY revision, type, id`,
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
		var typ, kind string
		if err := refs.Scan(&rev, &typ, &r.ID, &kind, &r.ReplacedBy); err != nil {
			return nil, fmt.Errorf("revisions: records: %w", err)
		}
		r.Type, r.Kind = dataset.Type(typ), dataset.ChangeKind(kind)
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

const versionColumns = `v.revision, v.type, v.id, v.kind, v.doc::text, v.created, r.applied_at FROM versions v JOIN revisions r ON r.revision = v.revision`

func (s *DB) versions(ctx context.Context, where string, args ...any) ([]store.Version, error) {
	if err := s.open(); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+versionColumns+` WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Version, error) {
		var v store.Version
		var typ, kind, doc string
		if err := row.Scan(&v.Revision, &typ, &v.ID, &kind, &doc, &v.Created, &v.Time); err != nil {
			return v, err
		}
		v.Type, v.Kind, v.Doc = dataset.Type(typ), dataset.ChangeKind(kind), []byte(doc)
		v.Created, v.Time = v.Created.UTC(), v.Time.UTC()
		return v, nil
	})
}

// Versions implements store.History.
func (s *DB) Versions(ctx context.Context, t dataset.Type, id string) ([]store.Version, error) {
	out, err := s.versions(ctx, `v.type = $1 AND v.id = $2 ORDER BY v.revision`, string(t), id)
	if err != nil {
		return nil, fmt.Errorf("versions of %s %s: %w", t, id, err)
	}
	return out, nil
}

// VersionAt implements store.History.
func (s *DB) VersionAt(ctx context.Context, t dataset.Type, id string, rev int64) (store.Version, error) {
	out, err := s.versions(ctx, `v.type = $1 AND v.id = $2 AND v.revision <= $3 ORDER BY v.revision DESC LIMIT 1`, string(t), id, rev)
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
	out, err := s.versions(ctx, `v.revision = $1 ORDER BY v.type, v.id`, rev)
	if err != nil {
		return nil, fmt.Errorf("versions in revision %d: %w", rev, err)
	}
	return out, nil
}

// uniqueViolation reports whether err is PostgreSQL's unique_violation.
func uniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// CreateKey implements store.Keys.
func (s *DB) CreateKey(ctx context.Context, k store.Key) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("create key: %w", err)
	}
	if s.readOnly {
		return fmt.Errorf("create key: %w", store.ErrReadOnly)
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO api_keys (name, role, hash, created) VALUES ($1, $2, $3, $4)`, k.Name, k.Role, k.Hash, dataset.Stamp(k.Created))
	if uniqueViolation(err) {
		return fmt.Errorf("create key %q: %w", k.Name, store.ErrKeyExists)
	}
	if err != nil {
		return fmt.Errorf("create key %q: %w", k.Name, err)
	}
	return nil
}

const keyColumns = `name, role, hash, created, revoked FROM api_keys`

func scanKey(row pgx.CollectableRow) (store.Key, error) {
	var k store.Key
	var revoked *time.Time
	if err := row.Scan(&k.Name, &k.Role, &k.Hash, &k.Created, &revoked); err != nil {
		return k, err
	}
	k.Created = k.Created.UTC()
	if revoked != nil {
		k.Revoked = revoked.UTC()
	}
	return k, nil
}

// ListKeys implements store.Keys.
func (s *DB) ListKeys(ctx context.Context) ([]store.Key, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+keyColumns+` ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanKey)
	if err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	return out, nil
}

// KeyByHash implements store.Keys. As in store/sqlite, the lookup by
// hash leaks nothing that brings a guess closer; the caller still
// compares in constant time.
func (s *DB) KeyByHash(ctx context.Context, hash string) (store.Key, error) {
	if err := s.open(); err != nil {
		return store.Key{}, fmt.Errorf("key: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+keyColumns+` WHERE hash = $1`, hash)
	if err != nil {
		return store.Key{}, fmt.Errorf("key: %w", err)
	}
	k, err := pgx.CollectExactlyOneRow(rows, scanKey)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Key{}, store.ErrNoKey
	}
	if err != nil {
		return store.Key{}, fmt.Errorf("key: %w", err)
	}
	return k, nil
}

// RevokeKey implements store.Keys: the first revocation's time stays.
func (s *DB) RevokeKey(ctx context.Context, name string, at time.Time) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("revoke key: %w", err)
	}
	if s.readOnly {
		return fmt.Errorf("revoke key: %w", store.ErrReadOnly)
	}
	var found bool
	err := s.pool.QueryRow(ctx, `WITH k AS (SELECT name FROM api_keys WHERE name = $1),
		u AS (UPDATE api_keys SET revoked = $2 WHERE name = $1 AND revoked IS NULL)
		SELECT EXISTS (SELECT 1 FROM k)`, name, dataset.Stamp(at)).Scan(&found)
	if err != nil {
		return fmt.Errorf("revoke key %q: %w", name, err)
	}
	if !found {
		return fmt.Errorf("revoke key %q: %w", name, store.ErrNoKey)
	}
	return nil
}
