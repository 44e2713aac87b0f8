// Package sqlite is the embedded default store.Store: SQLite through a
// pure-Go driver (no cgo), in WAL mode, with embedded versioned migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a SQLite-backed store.Store.
type DB struct {
	db *sql.DB
	// Now is the clock that stamps records; tests replace it.
	Now func() time.Time
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and migrates
// it to the latest schema.
func Open(ctx context.Context, path string) (*DB, error) {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(10000)",
		"foreign_keys(1)",
		// FULL: an import that reported success survives a power cut too.
		"synchronous(FULL)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers queue at BEGIN instead of failing at COMMIT
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s := &DB{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// migrate runs every embedded migration newer than the schema version,
// each in its own transaction.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migrate: %s: file name must start with a version number", name)
		}
		if err := s.migrateOne(ctx, version, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func (s *DB) migrateOne(ctx context.Context, version int, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, formatTime(s.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

// Load implements store.Store.
func (s *DB) Load(ctx context.Context) (*dataset.Dataset, int64, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	defer tx.Rollback()
	rev, err := revision(ctx, tx)
	if err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	d := &dataset.Dataset{}
	rows, err := tx.QueryContext(ctx, `SELECT type, id, doc, created, modified FROM records ORDER BY type, id`)
	if err != nil {
		return nil, 0, fmt.Errorf("load records: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, id, doc, created, modified string
		if err := rows.Scan(&typ, &id, &doc, &created, &modified); err != nil {
			return nil, 0, fmt.Errorf("load records: %w", err)
		}
		var st dataset.Stamps
		if st.Created, err = parseTime(created); err != nil {
			return nil, 0, fmt.Errorf("load %s %s: created: %w", typ, id, err)
		}
		if st.Modified, err = parseTime(modified); err != nil {
			return nil, 0, fmt.Errorf("load %s %s: modified: %w", typ, id, err)
		}
		if err := appendRecord(d, dataset.Type(typ), []byte(doc), st); err != nil {
			return nil, 0, fmt.Errorf("load %s %s: %w", typ, id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("load records: %w", err)
	}
	trows, err := tx.QueryContext(ctx, `SELECT type, id, replaced_by, reason, retired_at FROM retired ORDER BY type, id`)
	if err != nil {
		return nil, 0, fmt.Errorf("load retired: %w", err)
	}
	defer trows.Close()
	for trows.Next() {
		var r dataset.Retired
		var at string
		if err := trows.Scan(&r.Type, &r.ID, &r.ReplacedBy, &r.Reason, &at); err != nil {
			return nil, 0, fmt.Errorf("load retired: %w", err)
		}
		if r.Retired, err = parseTime(at); err != nil {
			return nil, 0, fmt.Errorf("load retired %s %s: %w", r.Type, r.ID, err)
		}
		d.Retired = append(d.Retired, r)
	}
	if err := trows.Err(); err != nil {
		return nil, 0, fmt.Errorf("load retired: %w", err)
	}
	return d, rev, nil
}

func appendRecord(d *dataset.Dataset, t dataset.Type, doc []byte, st dataset.Stamps) error {
	switch t {
	case dataset.TypeCountry:
		return decodeInto(&d.Countries, doc, func(x *dataset.Country) { x.Stamps = st })
	case dataset.TypeCategory:
		return decodeInto(&d.Categories, doc, func(x *dataset.Category) { x.Stamps = st })
	case dataset.TypeNetwork:
		return decodeInto(&d.Networks, doc, func(x *dataset.Network) { x.Stamps = st })
	case dataset.TypeMunicipality:
		return decodeInto(&d.Municipalities, doc, func(x *dataset.Municipality) { x.Stamps = st })
	case dataset.TypeMembership:
		return decodeInto(&d.Memberships, doc, func(x *dataset.Membership) { x.Stamps = st })
	case dataset.TypeApproach:
		return decodeInto(&d.Approaches, doc, func(x *dataset.Approach) { x.Stamps = st })
	}
	return fmt.Errorf("unknown record type %q", t)
}

func decodeInto[T any](list *[]T, doc []byte, stamp func(*T)) error {
	var x T
	if err := json.Unmarshal(doc, &x); err != nil {
		return err
	}
	stamp(&x)
	*list = append(*list, x)
	return nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func revision(ctx context.Context, q querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(revision), 0) FROM revisions`).Scan(&rev)
	return rev, err
}

// Apply implements store.Store.
func (s *DB) Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error) {
	if len(changes) == 0 {
		return 0, store.ErrNoChanges
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	defer tx.Rollback()
	rev, err := revision(ctx, tx)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	if rev != base {
		return 0, fmt.Errorf("apply on revision %d (stored: %d): %w", base, rev, store.ErrConflict)
	}
	next := base + 1
	now := s.Now().UTC()
	at := formatTime(now)

	upsert, err := tx.PrepareContext(ctx, `INSERT INTO records (type, id, doc, created, modified, revision) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (type, id) DO UPDATE SET doc = excluded.doc, modified = excluded.modified, revision = excluded.revision`)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	defer upsert.Close()
	var added, changed, retired int
	for _, c := range changes {
		switch c.Kind {
		case dataset.Added, dataset.Changed:
			st := stampsOf(c.Record)
			if st == nil {
				return 0, fmt.Errorf("apply %s %s: unsupported record %T", c.Type, c.ID, c.Record)
			}
			if c.Kind == dataset.Added || st.Created.IsZero() {
				st.Created = now
			}
			st.Modified = now
			doc, err := marshalWithoutStamps(c.Record, st)
			if err != nil {
				return 0, fmt.Errorf("apply %s %s: %w", c.Type, c.ID, err)
			}
			if _, err := upsert.ExecContext(ctx, string(c.Type), c.ID, string(doc), formatTime(st.Created), at, next); err != nil {
				return 0, fmt.Errorf("apply %s %s: %w", c.Type, c.ID, err)
			}
			if c.Kind == dataset.Added {
				added++
			} else {
				changed++
			}
		case dataset.Retire:
			r, ok := c.Record.(*dataset.Retired)
			if !ok {
				return 0, fmt.Errorf("apply retire %s %s: record is %T, not *dataset.Retired", c.Type, c.ID, c.Record)
			}
			r.Retired = now
			if _, err := tx.ExecContext(ctx, `DELETE FROM records WHERE type = ? AND id = ?`, string(c.Type), c.ID); err != nil {
				return 0, fmt.Errorf("apply retire %s %s: %w", c.Type, c.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO retired (type, id, replaced_by, reason, retired_at, revision) VALUES (?, ?, ?, ?, ?, ?)`,
				string(c.Type), c.ID, r.ReplacedBy, r.Reason, at, next); err != nil {
				return 0, fmt.Errorf("apply retire %s %s: %w", c.Type, c.ID, err)
			}
			retired++
		default:
			return 0, fmt.Errorf("apply %s %s: unknown change kind %q", c.Type, c.ID, c.Kind)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (revision, applied_at, added, changed, retired) VALUES (?, ?, ?, ?, ?)`,
		next, at, added, changed, retired); err != nil {
		return 0, fmt.Errorf("apply: record revision %d: %w", next, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("apply: commit revision %d: %w", next, err)
	}
	return next, nil
}

// stampsOf returns a pointer to the stamps of a record.
func stampsOf(rec any) *dataset.Stamps {
	if r, ok := rec.(interface{ StampsRef() *dataset.Stamps }); ok {
		return r.StampsRef()
	}
	return nil
}

// marshalWithoutStamps encodes rec without its stamps: they live in
// columns, and a document without them compares equal across revisions.
func marshalWithoutStamps(rec any, st *dataset.Stamps) ([]byte, error) {
	saved := *st
	*st = dataset.Stamps{}
	defer func() { *st = saved }()
	return json.Marshal(rec)
}

// Revision returns the stored revision (used by readiness checks).
func (s *DB) Revision(ctx context.Context) (int64, error) {
	rev, err := revision(ctx, s.db)
	if err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	return rev, nil
}
