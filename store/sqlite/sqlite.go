// Package sqlite is the embedded default store.Store: SQLite through a
// pure-Go driver (no cgo), in WAL mode, with embedded versioned migrations.
package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"slices"
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

// DefaultPollInterval is how often a waiting DB checks whether another
// process committed (see WaitForRevision).
const DefaultPollInterval = 150 * time.Millisecond

// DB is a SQLite-backed store.Store.
//
// It holds two handles on the file. Reads (Load, Revision, the poller)
// go through read-only connections that begin deferred transactions, so
// in WAL mode they never wait for, or take, the write lock: they see the
// last commit even while another process holds an open write transaction.
// Writes (Apply, migrations) go through a single connection that begins
// IMMEDIATE transactions, so writers queue at BEGIN instead of failing at
// COMMIT. A DB opened with OpenReadOnly has no writer at all.
type DB struct {
	path string // the database file; Load opens its own connection (rawConn)

	r *sql.DB // readers: mode=ro, query_only, deferred transactions
	w *sql.DB // the writer: one connection, BEGIN IMMEDIATE; nil when read-only

	// Now is the clock that stamps records; tests replace it.
	Now func() time.Time
	// PollInterval is how often WaitForRevision checks for commits by
	// other processes (DefaultPollInterval when zero). Set it before the
	// first WaitForRevision.
	PollInterval time.Duration

	watch watcher

	// batchRows is how many records a statement writes (0: the constant
	// batchRows); tests compare other sizes.
	batchRows int
}

var (
	_ store.Store     = (*DB)(nil)
	_ store.History   = (*DB)(nil)
	_ store.Keys      = (*DB)(nil)
	_ store.Proposals = (*DB)(nil)
)

// Open opens (creating if needed) the database file at path for reading
// and writing, and migrates it to the latest schema. Opening a database
// that is up to date takes no write lock.
func Open(ctx context.Context, path string) (*DB, error) {
	w, err := openHandle(ctx, writerDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// One connection: SQLite has one writer per file anyway, so writers in
	// this process queue in database/sql rather than in busy_timeout.
	w.SetMaxOpenConns(1)
	r, err := openHandle(ctx, readerDSN(path))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s := newDB(path, r, w)
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens the existing database file at path for reading only.
// It never creates the file, never writes to it and never migrates it, so
// it neither takes nor waits for the write lock: it works while another
// process imports. A missing file, or one whose schema is older or newer
// than this binary's, is an error. Apply returns store.ErrReadOnly.
//
// SQLite may still create the -wal and -shm files beside a WAL database
// that no one has open: readers need the shared-memory index.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open sqlite %s read-only: %w (a database is made by 'movingcities serve' or 'movingcities import')", path, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("open sqlite %s read-only: %w", path, err)
	}
	r, err := openHandle(ctx, readerDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s read-only: %w", path, err)
	}
	s := newDB(path, r, nil)
	if err := s.checkSchema(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open sqlite %s read-only: %w", path, err)
	}
	return s, nil
}

func newDB(path string, r, w *sql.DB) *DB {
	s := &DB{path: path, r: r, w: w, Now: time.Now}
	s.watch.init()
	return s
}

// writerDSN configures the writing connection. journal_mode(WAL) takes no
// lock on a file that is already in WAL mode (only switching modes does),
// so it does not stop Open while another process writes.
func writerDSN(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(10000)",
		"foreign_keys(1)",
		// FULL: an import that reported success survives a power cut too.
		"synchronous(FULL)",
		// A multi-row statement inside a transaction keeps a statement
		// journal, to undo itself alone if it fails; in a temporary file,
		// its writes took some 0.8 s of an import at 100k municipalities
		// (issue 18). It holds the pages one statement changed (a batch of
		// rows) and matters to no one after the statement: durability and
		// the all-or-nothing revision rest on the WAL, which this leaves
		// as it is.
		"temp_store(MEMORY)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers queue at BEGIN instead of failing at COMMIT
	return "file:" + path + "?" + q.Encode()
}

// readerDSN configures reading connections: mode=ro makes SQLite open the
// file read-only (and never create it), query_only refuses writes on top,
// and no journal_mode pragma is sent, since a read-only connection cannot
// change it. busy_timeout covers the brief locks of WAL recovery.
func readerDSN(path string) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	q.Set("_txlock", "deferred")
	return "file:" + path + "?" + q.Encode()
}

func openHandle(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Close stops any watcher, wakes waiters (they return store.ErrClosed)
// and closes the database. Closing twice is not an error.
func (s *DB) Close() error {
	if !s.watch.close() {
		return nil
	}
	// Readers first: the writer, closing last, checkpoints the WAL and
	// removes it.
	err := s.r.Close()
	if s.w != nil {
		err = errors.Join(err, s.w.Close())
	}
	return err
}

// open returns store.ErrClosed once the DB is closed, so that callers
// get that rather than database/sql's message.
func (s *DB) open() error {
	if s.watch.isClosed() {
		return store.ErrClosed
	}
	return nil
}

type migration struct {
	version int
	name    string
}

// embedded lists the embedded migrations by version.
func embedded() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("%s: file name must start with a version number", name)
		}
		ms = append(ms, migration{version, name})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// schema is what a database's schema_migrations table says.
type schema struct {
	applied map[int]bool
	current int // the highest applied version; 0 for a new database
	known   int // the highest version this binary has
	pending []migration
}

// readSchema compares the database's migrations with the embedded ones,
// through the readers: it takes no write lock.
func (s *DB) readSchema(ctx context.Context) (schema, error) {
	ms, err := embedded()
	if err != nil {
		return schema{}, err
	}
	sc := schema{applied: map[int]bool{}}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return sc, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return sc, err
	}
	if n > 0 {
		rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return sc, err
		}
		defer rows.Close()
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				return sc, err
			}
			sc.applied[v] = true
			sc.current = max(sc.current, v)
		}
		if err := rows.Err(); err != nil {
			return sc, err
		}
	}
	for _, m := range ms {
		sc.known = max(sc.known, m.version)
		if !sc.applied[m.version] {
			sc.pending = append(sc.pending, m)
		}
	}
	if sc.current > sc.known {
		return sc, fmt.Errorf("the database has schema version %d, newer than this movingcities knows (%d): use a newer movingcities", sc.current, sc.known)
	}
	return sc, nil
}

// checkSchema fails unless the database is at exactly the schema this
// binary knows: a read-only DB cannot migrate.
func (s *DB) checkSchema(ctx context.Context) error {
	sc, err := s.readSchema(ctx)
	if err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	switch {
	case len(sc.pending) == 0:
		return nil
	case len(sc.applied) == 0:
		return fmt.Errorf("check schema: the file is not a movingcities database, or an empty one (a database is made by 'movingcities serve' or 'movingcities import')")
	default:
		return fmt.Errorf("check schema: the database has schema version %d, older than this movingcities (%d): open it once read-write ('movingcities serve' or 'movingcities import') to migrate it", sc.current, sc.known)
	}
}

// migrate runs every embedded migration the database lacks, each in its
// own write transaction. It reads first, so that opening a database that
// is up to date takes no write lock.
func (s *DB) migrate(ctx context.Context) error {
	sc, err := s.readSchema(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range sc.pending {
		if err := s.migrateOne(ctx, m); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *DB) migrateOne(ctx context.Context, m migration) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	// Another process may have run it since readSchema looked.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrations.ReadFile(m.name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, m.version, formatTime(s.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// timeLayout writes whole seconds (dataset.Stamp); parsing also accepts
// the fractions older databases hold.
const timeLayout = time.RFC3339

func formatTime(t time.Time) string { return dataset.Stamp(t).Format(timeLayout) }

// parseTime reads a stored time at the dataset's precision: databases
// written before issue 17 hold nanoseconds.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	return dataset.Stamp(t), err
}

// Load implements store.Store. It reads through a connection of its own
// to the C API (rawConn), in one read transaction: records, tombstones
// and revision agree.
func (s *DB) Load(ctx context.Context) (*dataset.Dataset, int64, error) {
	if err := s.open(); err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	c, err := openRaw(s.path)
	if err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	defer c.close()
	if err := c.exec(ctx, "load", `BEGIN`); err != nil {
		return nil, 0, err
	}
	defer c.exec(context.WithoutCancel(ctx), "load", `ROLLBACK`)
	var rev int64
	if err := c.query(ctx, "load", `SELECT coalesce(max(revision), 0) FROM revisions`, func(r *rawRow) error {
		rev = r.int64(0)
		return nil
	}); err != nil {
		return nil, 0, err
	}
	d := &dataset.Dataset{}
	dec := store.NewDecoder(d)
	defer dec.Close()
	// Each collection is sized from its count of records, so that the
	// decoder fills it in place: appending to slices that grow would copy
	// 100,000 municipalities again each time one outgrew its array.
	if err := c.query(ctx, "load records", `SELECT type, count(*) FROM records GROUP BY type`, func(r *rawRow) error {
		if err := dec.Reserve(dataset.Type(r.text(0)), int(r.int64(1))); err != nil {
			return fmt.Errorf("load records: %w", err)
		}
		return nil
	}); err != nil {
		return nil, 0, err
	}
	// The row's bytes are the connection's, reused from row to row: the
	// decoder copies what it keeps. Rows come by type, and most records
	// of a database share their stamps (an import stamps them all): the
	// type and the last stamps read are kept rather than made again.
	var t dataset.Type
	var lastCreated, lastModified []byte
	var st dataset.Stamps
	if err := c.query(ctx, "load records", `SELECT type, id, doc, created, modified FROM records ORDER BY type, id`, func(r *rawRow) error {
		typ, id, doc, created, modified := r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)
		if string(typ) != string(t) {
			t = dataset.Type(typ)
		}
		var err error
		if lastCreated == nil || string(created) != string(lastCreated) {
			if st.Created, err = parseTime(string(created)); err != nil {
				return fmt.Errorf("load %s %s: created: %w", typ, id, err)
			}
			lastCreated = append(created[:0:0], created...)
		}
		if lastModified == nil || string(modified) != string(lastModified) {
			if st.Modified, err = parseTime(string(modified)); err != nil {
				return fmt.Errorf("load %s %s: modified: %w", typ, id, err)
			}
			lastModified = append(modified[:0:0], modified...)
		}
		return dec.Add(t, id, doc, st)
	}); err != nil {
		return nil, 0, err
	}
	if err := dec.Wait(); err != nil {
		return nil, 0, err
	}
	if err := c.query(ctx, "load retired", `SELECT type, id, replaced_by, reason, retired_at FROM retired ORDER BY type, id`, func(r *rawRow) error {
		x := dataset.Retired{
			Type: dataset.Type(r.text(0)), ID: string(r.text(1)),
			ReplacedBy: string(r.text(2)), Reason: string(r.text(3)),
		}
		var err error
		if x.Retired, err = parseTime(string(r.text(4))); err != nil {
			return fmt.Errorf("load retired %s %s: %w", x.Type, x.ID, err)
		}
		d.Retired = append(d.Retired, x)
		return nil
	}); err != nil {
		return nil, 0, err
	}
	return d, rev, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func revision(ctx context.Context, q querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(revision), 0) FROM revisions`).Scan(&rev)
	return rev, err
}

// Apply implements store.Store: a revision with no author or message.
func (s *DB) Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error) {
	return s.ApplyRevision(ctx, base, changes, store.Meta{})
}

// ApplyRevision implements store.History.
func (s *DB) ApplyRevision(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta) (int64, error) {
	return s.write(ctx, base, changes, meta, nil)
}

// write applies changes as one revision. also, when set, runs in the
// same transaction before anything is written, with the revision to be
// made: what it writes commits with the revision or not at all
// (accepting a proposal).
func (s *DB) write(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta, also func(tx *sql.Tx, next int64) error) (int64, error) {
	if err := s.open(); err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	if s.w == nil {
		return 0, fmt.Errorf("apply: %w", store.ErrReadOnly)
	}
	if len(changes) == 0 {
		return 0, store.ErrNoChanges
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	defer tx.Rollback()
	if also != nil {
		if err := also(tx, base+1); err != nil {
			return 0, err
		}
	}
	rev, err := revision(ctx, tx)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	if rev != base {
		return 0, fmt.Errorf("apply on revision %d (stored: %d): %w", base, rev, store.ErrConflict)
	}
	next := base + 1
	now := dataset.Stamp(s.Now())
	at := formatTime(now)

	rows, err := newRecordRows(ctx, tx, s.batchRows)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	defer rows.close()
	docs := store.NewDocEncoder() // restorations'
	order := inKeyOrder(changes)
	records := newEncoder(changes, order, now, rows.size)
	defer records.stop()
	var added, changed, retired, restored int
	for _, i := range order {
		c := changes[i]
		switch c.Kind {
		case dataset.Added, dataset.Changed:
			r := records.next()
			if r.err != nil {
				return 0, r.err
			}
			if err := rows.add(ctx, c, r.doc, r.created, r.modified, next); err != nil {
				return 0, err
			}
			if c.Kind == dataset.Added {
				added++
			} else {
				changed++
			}
		case dataset.Retire:
			if err := rows.flush(ctx); err != nil {
				return 0, err
			}
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
			tomb := *r
			tomb.Retired = time.Time{}
			doc, err := json.Marshal(tomb)
			if err != nil {
				return 0, fmt.Errorf("apply retire %s %s: %w", c.Type, c.ID, err)
			}
			if _, err := rows.version1.ExecContext(ctx, string(c.Type), c.ID, next, string(c.Kind), string(doc), at); err != nil {
				return 0, fmt.Errorf("apply retire %s %s: version: %w", c.Type, c.ID, err)
			}
			retired++
		case dataset.Restore:
			if err := rows.flush(ctx); err != nil {
				return 0, err
			}
			if err := s.restore(ctx, tx, c, next, now, docs); err != nil {
				return 0, err
			}
			restored++
		default:
			return 0, fmt.Errorf("apply %s %s: unknown change kind %q", c.Type, c.ID, c.Kind)
		}
	}
	if err := rows.flush(ctx); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (revision, applied_at, added, changed, retired, restored, author, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		next, at, added, changed, retired, restored, meta.Author, meta.Message); err != nil {
		return 0, fmt.Errorf("apply: record revision %d: %w", next, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("apply: commit revision %d: %w", next, err)
	}
	s.watch.notify() // waiters in this process need not wait for the poller
	return next, nil
}

// restore lifts the tombstone of c's ID and writes c's record under it
// again (dataset.Restore). The record keeps the created time of its last
// version before the retirement: it is the same record, back; modified
// is now.
func (s *DB) restore(ctx context.Context, tx *sql.Tx, c dataset.Change, next int64, now time.Time, docs *store.DocEncoder) error {
	st := stampsOf(c.Record)
	if st == nil {
		return fmt.Errorf("apply restore %s %s: unsupported record %T", c.Type, c.ID, c.Record)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM retired WHERE type = ? AND id = ?`, string(c.Type), c.ID)
	if err != nil {
		return fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("apply restore %s %s: the ID is not retired: only a tombstone can be restored", c.Type, c.ID)
	}
	created := now
	var was string
	err = tx.QueryRowContext(ctx, `SELECT created FROM versions WHERE type = ? AND id = ? AND kind <> 'retired' ORDER BY revision DESC LIMIT 1`,
		string(c.Type), c.ID).Scan(&was)
	switch {
	case err == nil:
		if created, err = parseTime(was); err != nil {
			return fmt.Errorf("apply restore %s %s: created: %w", c.Type, c.ID, err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	st.Created, st.Modified = created, now
	doc, err := docs.Doc(c.Record, st)
	if err != nil {
		return fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO records (type, id, doc, created, modified, revision) VALUES (?, ?, ?, ?, ?, ?)`,
		string(c.Type), c.ID, doc, formatTime(created), formatTime(now), next); err != nil {
		return fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO versions (type, id, revision, kind, doc, created) VALUES (?, ?, ?, ?, ?, ?)`,
		string(c.Type), c.ID, next, string(c.Kind), doc, formatTime(created)); err != nil {
		return fmt.Errorf("apply restore %s %s: version: %w", c.Type, c.ID, err)
	}
	return nil
}

// inKeyOrder is the order of changes by type and ID, as their positions,
// keeping the order of the changes of one record. records and versions
// are clustered on that key (WITHOUT ROWID), so rows inserted in key
// order fill pages one after another; in the order of an import's file,
// each lands on another page, and at 100k municipalities the page cache
// spills to the WAL and reads it back (issue 18). One transaction
// applies them all, so the order is not seen outside it.
//
// The position is the last key, so that an unstable sort keeps the order
// of one record's changes: a stable sort of the changes (insertion sorts
// and in-place merges of 72-byte values) took 0.35 s at 100k
// municipalities, and a sorted copy of them held 19 MB more through the
// writing (issue 18).
func inKeyOrder(changes []dataset.Change) []int {
	order := make([]int, len(changes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &changes[i], &changes[j]
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.ID, b.ID), cmp.Compare(i, j))
	})
	return order
}

// keptModified is the modified time of a record whose stamps are kept
// (dataset.Change.KeepStamps): its own, or its created time when it has
// none, at the dataset's precision.
func keptModified(st *dataset.Stamps) time.Time {
	if st.Modified.IsZero() || st.Modified.Before(st.Created) {
		return dataset.Stamp(st.Created)
	}
	return dataset.Stamp(st.Modified)
}

// stampsOf returns a pointer to the stamps of a record.
func stampsOf(rec any) *dataset.Stamps {
	if r, ok := rec.(interface{ StampsRef() *dataset.Stamps }); ok {
		return r.StampsRef()
	}
	return nil
}
