// Package postgres is the store.Store for several replicas sharing one
// PostgreSQL database, on github.com/jackc/pgx/v5. It keeps the SQLite
// store's model (JSON documents keyed by type and ID, tombstones, one row
// per revision); replicas learn of commits through LISTEN/NOTIFY, with a
// poll while the listening connection is down.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys (pg_advisory_lock): arbitrary constants of this
// application, so they do not collide with other users of the database.
const (
	lockMigrate int64 = 0x6d6f7631 // "mov1": schema migrations
	lockApply   int64 = 0x6d6f7632 // "mov2": writers, one at a time
	lockRelease int64 = 0x6d6f7633 // "mov3": the replica making the nightly release
	lockCMSSync int64 = 0x6d6f7634 // "mov4": the replica running a scheduled CMS sync
)

// Channel is the NOTIFY channel a commit announces its revision on.
const Channel = "movingcities_revision"

// DefaultPollInterval is how often waiters check the revision while the
// listening connection is down, and how often it is checked anyway as a
// safety net while it is up (times 10).
const DefaultPollInterval = 250 * time.Millisecond

// DB is a PostgreSQL-backed store.Store.
type DB struct {
	pool     *pgxpool.Pool
	readOnly bool

	// Now is the clock that stamps records; tests replace it.
	Now func() time.Time
	// PollInterval: see DefaultPollInterval. Set before the first
	// WaitForRevision.
	PollInterval time.Duration

	watch watcher
}

var (
	_ store.Store     = (*DB)(nil)
	_ store.History   = (*DB)(nil)
	_ store.Keys      = (*DB)(nil)
	_ store.Proposals = (*DB)(nil)
)

// Open connects to the database at url (postgres://…), and migrates it
// to the latest schema under an advisory lock, so replicas starting
// together migrate once.
func Open(ctx context.Context, url string) (*DB, error) {
	return open(ctx, url, false)
}

// OpenReadOnly connects without migrating; the schema must be the one
// this binary knows. Apply returns store.ErrReadOnly.
func OpenReadOnly(ctx context.Context, url string) (*DB, error) {
	return open(ctx, url, true)
}

func open(ctx context.Context, url string, readOnly bool) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &DB{pool: pool, readOnly: readOnly, Now: time.Now}
	s.watch.init(s)
	// Say "cannot connect" when that is what failed, not "migrate".
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: cannot connect: %w", err)
	}
	if readOnly {
		err = s.checkSchema(ctx)
	} else {
		err = s.migrate(ctx)
	}
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// Pool is the connection pool, for callers that need PostgreSQL itself
// (advisory locks for the nightly release, health checks).
func (s *DB) Pool() *pgxpool.Pool { return s.pool }

// Ping reports whether the database answers.
func (s *DB) Ping(ctx context.Context) error {
	if s.watch.isClosed() {
		return store.ErrClosed
	}
	return s.pool.Ping(ctx)
}

// Close stops the listener, wakes waiters (they return store.ErrClosed)
// and closes the pool. Closing twice is not an error.
func (s *DB) Close() error {
	if !s.watch.close() {
		return nil
	}
	s.pool.Close()
	return nil
}

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

func embedded() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("%s: file name must start with a version number", name)
		}
		ms = append(ms, migration{v, name})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

func applied(ctx context.Context, q pgx.Tx) (map[int]bool, int, error) {
	got := map[int]bool{}
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, 0, err
	}
	if !exists {
		return got, 0, nil
	}
	rows, err := q.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, 0, err
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, 0, err
	}
	cur := 0
	for _, v := range vs {
		got[v] = true
		cur = max(cur, v)
	}
	return got, cur, nil
}

// migrate applies the missing migrations in one transaction holding a
// transaction-level advisory lock: a replica starting meanwhile waits,
// then finds nothing left to do.
func (s *DB) migrate(ctx context.Context) error {
	ms, err := embedded()
	if err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMigrate); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	have, cur, err := applied(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if known := ms[len(ms)-1].version; cur > known {
		return fmt.Errorf("the database has schema version %d, newer than this movingcities knows (%d): use a newer movingcities", cur, known)
	}
	for _, m := range ms {
		if have[m.version] {
			continue
		}
		body, err := migrations.ReadFile(m.name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())`, m.version); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return tx.Commit(ctx)
}

func (s *DB) checkSchema(ctx context.Context) error {
	ms, err := embedded()
	if err != nil {
		return err
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	defer tx.Rollback(ctx)
	have, cur, err := applied(ctx, tx)
	if err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	for _, m := range ms {
		if !have[m.version] {
			if len(have) == 0 {
				return fmt.Errorf("check schema: not a movingcities database, or an empty one (a database is made by 'movingcities serve' or 'movingcities import')")
			}
			return fmt.Errorf("check schema: the database has schema version %d, older than this movingcities: run 'movingcities serve' or 'movingcities import' once to migrate it", cur)
		}
	}
	return nil
}

// Revision implements store.Store.
func (s *DB) Revision(ctx context.Context) (int64, error) {
	if err := s.open(); err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	var rev int64
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(revision), 0) FROM revisions`).Scan(&rev); err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	return rev, nil
}

// Load implements store.Store: one repeatable-read transaction, so
// records, tombstones and revision agree.
func (s *DB) Load(ctx context.Context) (*dataset.Dataset, int64, error) {
	if err := s.open(); err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	readOnly := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	tx, err := s.pool.BeginTx(ctx, readOnly)
	if err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	defer tx.Rollback(ctx)
	var rev int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(revision), 0) FROM revisions`).Scan(&rev); err != nil {
		return nil, 0, fmt.Errorf("load: %w", err)
	}
	// The records are read in two parts, those of the types before
	// municipalities and the rest, each with a decoder of its own (they
	// fill different collections). Turning each stored document into text
	// is the server's work, and the larger part of a load: when a second
	// connection is free, the second part is read at the same time on it,
	// in a transaction that imports this one's snapshot
	// (pg_export_snapshot), so both parts are the same revision's data,
	// with no need to check or retry (issue 18). Otherwise, or where the
	// second transaction cannot import the snapshot, the rest is read on
	// this transaction after the first part, as one connection always
	// did.
	d := &dataset.Dataset{}
	first, rest := store.NewDecoder(d), store.NewDecoder(d)
	defer first.Close()
	defer rest.Close()
	if err := reserve(ctx, tx, first, rest); err != nil {
		return nil, 0, fmt.Errorf("load records: %w", err)
	}
	const (
		firstPart = `SELECT type, id, doc::text, created, modified FROM records WHERE type < 'municipality' ORDER BY type, id`
		restPart  = `SELECT type, id, doc::text, created, modified FROM records WHERE type >= 'municipality' ORDER BY type, id`
	)
	var firstErr, restErr error
	firstDone, restDone := false, false
	if conn := s.spareConn(ctx); conn != nil {
		defer conn.Release()
		snapshot, err := exportSnapshot(ctx, tx)
		if err != nil {
			return nil, 0, err
		}
		restCtx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		wg.Go(func() { restDone, restErr = readInSnapshot(restCtx, conn, readOnly, snapshot, restPart, rest) })
		if firstErr = readRecords(ctx, tx, firstPart, first); firstErr != nil {
			cancel()
		}
		firstDone = true
		wg.Wait()
		cancel()
	}
	if !firstDone {
		firstErr = readRecords(ctx, tx, firstPart, first)
	}
	if firstErr == nil && !restDone && restErr == nil {
		restErr = readRecords(ctx, tx, restPart, rest)
	}
	// The first part's rows come first: its error is the one reading
	// them all in order would have met first.
	if firstErr != nil {
		return nil, 0, firstErr
	}
	if restErr != nil {
		return nil, 0, restErr
	}
	trows, err := tx.Query(ctx, `SELECT type, id, replaced_by, reason, retired_at FROM retired ORDER BY type, id`)
	if err != nil {
		return nil, 0, fmt.Errorf("load retired: %w", err)
	}
	for trows.Next() {
		var r dataset.Retired
		var typ string
		if err := trows.Scan(&typ, &r.ID, &r.ReplacedBy, &r.Reason, &r.Retired); err != nil {
			trows.Close()
			return nil, 0, fmt.Errorf("load retired: %w", err)
		}
		r.Type = dataset.Type(typ)
		r.Retired = dataset.Stamp(r.Retired)
		d.Retired = append(d.Retired, r)
	}
	if err := trows.Err(); err != nil {
		return nil, 0, fmt.Errorf("load retired: %w", err)
	}
	return d, rev, nil
}

// spareConnWait is how long Load waits for a second connection. A
// pool held by others (a CMS sync holds one for its lock and needs
// another for its write) must not make a load wait for it: reading on
// one connection only takes longer.
const spareConnWait = 50 * time.Millisecond

// spareConn is a second connection for Load, or nil when the pool has
// none free soon.
func (s *DB) spareConn(ctx context.Context) *pgxpool.Conn {
	if s.pool.Config().MaxConns < 2 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, spareConnWait)
	defer cancel()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil
	}
	return conn
}

// exportSnapshot names tx's snapshot for another transaction to import.
// (Not in a savepoint: a subtransaction cannot export one.)
func exportSnapshot(ctx context.Context, tx pgx.Tx) (string, error) {
	var snapshot string
	if err := tx.QueryRow(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		return "", fmt.Errorf("load: %w", err)
	}
	return snapshot, nil
}

// readInSnapshot reads the records query selects into dec, on conn in a
// transaction of its own that imports the exported snapshot. It reports
// whether it read them: false with no error when the snapshot could not
// be imported, and nothing was given to dec.
func readInSnapshot(ctx context.Context, conn *pgxpool.Conn, opts pgx.TxOptions, snapshot, query string, dec *store.Decoder) (bool, error) {
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		return false, nil
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	// SET takes no parameters; an exported snapshot's name is hex digits
	// and hyphens, quoted as a literal anyway.
	if _, err := tx.Exec(ctx, "SET TRANSACTION SNAPSHOT '"+strings.ReplaceAll(snapshot, "'", "''")+"'"); err != nil {
		return false, nil
	}
	return true, readRecords(ctx, tx, query, dec)
}

// readRecords reads the records query selects into dec, and waits for
// them to be decoded.
func readRecords(ctx context.Context, tx pgx.Tx, query string, dec *store.Decoder) error {
	rows, err := tx.Query(ctx, query)
	if err != nil {
		return fmt.Errorf("load records: %w", err)
	}
	for rows.Next() {
		// The row's bytes are read in place: the decoder copies what it
		// keeps.
		vals := rows.RawValues()
		var st dataset.Stamps
		if err := rows.Scan(nil, nil, nil, &st.Created, &st.Modified); err != nil {
			rows.Close()
			return fmt.Errorf("load records: %w", err)
		}
		st.Created, st.Modified = dataset.Stamp(st.Created), dataset.Stamp(st.Modified)
		if err := dec.Add(dataset.Type(vals[0]), vals[1], vals[2], st); err != nil {
			rows.Close()
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load records: %w", err)
	}
	return dec.Wait()
}

// reserve sizes each collection from its count of records, so that the
// decoders fill it in place: appending to slices that grow would copy
// 100,000 municipalities again each time one outgrew its array (issue
// 18). Types before municipalities are first's to fill, the others
// rest's (see Load).
func reserve(ctx context.Context, tx pgx.Tx, first, rest *store.Decoder) error {
	rows, err := tx.Query(ctx, `SELECT type, count(*) FROM records GROUP BY type`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return err
		}
		dec := rest
		if t < string(dataset.TypeMunicipality) {
			dec = first
		}
		if err := dec.Reserve(dataset.Type(t), n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Apply implements store.Store: a revision with no author or message.
func (s *DB) Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error) {
	return s.ApplyRevision(ctx, base, changes, store.Meta{})
}

// ApplyRevision implements store.History.
func (s *DB) ApplyRevision(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta) (int64, error) {
	return s.write(ctx, base, changes, meta, nil)
}

// write applies changes as one revision. Writers from every replica
// queue on a transaction-level advisory lock, then check the base
// revision; the commit NOTIFYs the new revision to every listening
// replica. also, when set, runs in the same transaction once the lock is
// held, with the revision to be made: what it writes commits with the
// revision or not at all (accepting a proposal).
func (s *DB) write(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta, also func(tx pgx.Tx, next int64) error) (int64, error) {
	if err := s.open(); err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	if s.readOnly {
		return 0, fmt.Errorf("apply: %w", store.ErrReadOnly)
	}
	if len(changes) == 0 {
		return 0, store.ErrNoChanges
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockApply); err != nil {
		return 0, fmt.Errorf("apply: lock: %w", err)
	}
	if also != nil {
		if err := also(tx, base+1); err != nil {
			return 0, err
		}
	}
	var rev int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(revision), 0) FROM revisions`).Scan(&rev); err != nil {
		return 0, fmt.Errorf("apply: %w", err)
	}
	if rev != base {
		return 0, fmt.Errorf("apply on revision %d (stored: %d): %w", base, rev, store.ErrConflict)
	}
	next := base + 1
	// PostgreSQL keeps microseconds: stamp with what Load will return.
	now := dataset.Stamp(s.Now()) // whole seconds UTC, as every output writes them

	// Stamps are set in place only once the commit succeeded.
	type stamp struct {
		st *dataset.Stamps
		v  dataset.Stamps
	}
	var stamps []stamp
	var retires []*dataset.Retired
	b := &pgx.Batch{}
	// A revision's statements go to the server pgBatch at a time, in one
	// transaction: queued whole, an import of 100k municipalities held
	// half a million statements with their documents at once (issue 18).
	// A restoration runs queries of its own at once, ahead of the queue,
	// so a revision with one keeps the single batch, and that order.
	chunked := !slices.ContainsFunc(changes, func(c dataset.Change) bool { return c.Kind == dataset.Restore })
	docs := store.NewDocEncoder()
	var added, changed, retired, restored int
	for _, c := range changes {
		switch c.Kind {
		case dataset.Added, dataset.Changed:
			st := stampsOf(c.Record)
			if st == nil {
				return 0, fmt.Errorf("apply %s %s: unsupported record %T", c.Type, c.ID, c.Record)
			}
			v := *st
			mod := now
			if c.KeepStamps && !v.Created.IsZero() {
				mod = keptModified(&v)
			} else if c.Kind == dataset.Added || v.Created.IsZero() {
				v.Created = now
			}
			v.Created = dataset.Stamp(v.Created)
			v.Modified = mod
			doc, err := docs.Doc(c.Record, st)
			if err != nil {
				return 0, fmt.Errorf("apply %s %s: %w", c.Type, c.ID, err)
			}
			b.Queue(`INSERT INTO records (type, id, doc, created, modified, revision) VALUES ($1, $2, $3::text::jsonb, $4, $5, $6)
				ON CONFLICT (type, id) DO UPDATE SET doc = excluded.doc, modified = excluded.modified, revision = excluded.revision`,
				string(c.Type), c.ID, doc, v.Created, mod, next)
			b.Queue(`INSERT INTO versions (type, id, revision, kind, doc, created) VALUES ($1, $2, $3, $4, $5::text::json, $6)`,
				string(c.Type), c.ID, next, string(c.Kind), doc, v.Created)
			stamps = append(stamps, stamp{st, v})
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
			b.Queue(`DELETE FROM records WHERE type = $1 AND id = $2`, string(c.Type), c.ID)
			b.Queue(`INSERT INTO retired (type, id, replaced_by, reason, retired_at, revision) VALUES ($1, $2, $3, $4, $5, $6)`,
				string(c.Type), c.ID, r.ReplacedBy, r.Reason, now, next)
			tomb := *r
			tomb.Retired = time.Time{}
			doc, err := json.Marshal(tomb)
			if err != nil {
				return 0, fmt.Errorf("apply retire %s %s: %w", c.Type, c.ID, err)
			}
			b.Queue(`INSERT INTO versions (type, id, revision, kind, doc, created) VALUES ($1, $2, $3, $4, $5::text::json, $6)`,
				string(c.Type), c.ID, next, string(c.Kind), string(doc), now)
			retires = append(retires, r)
			retired++
		case dataset.Restore:
			st := stampsOf(c.Record)
			if st == nil {
				return 0, fmt.Errorf("apply restore %s %s: unsupported record %T", c.Type, c.ID, c.Record)
			}
			v, err := restoreStamps(ctx, tx, c, now)
			if err != nil {
				return 0, err
			}
			doc, err := docs.Doc(c.Record, st)
			if err != nil {
				return 0, fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
			}
			b.Queue(`INSERT INTO records (type, id, doc, created, modified, revision) VALUES ($1, $2, $3::text::jsonb, $4, $5, $6)`,
				string(c.Type), c.ID, doc, v.Created, v.Modified, next)
			b.Queue(`INSERT INTO versions (type, id, revision, kind, doc, created) VALUES ($1, $2, $3, $4, $5::text::json, $6)`,
				string(c.Type), c.ID, next, string(c.Kind), doc, v.Created)
			stamps = append(stamps, stamp{st, v})
			restored++
		default:
			return 0, fmt.Errorf("apply %s %s: unknown change kind %q", c.Type, c.ID, c.Kind)
		}
		if chunked && b.Len() >= pgBatch {
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return 0, fmt.Errorf("apply revision %d: %w", next, err)
			}
			b = &pgx.Batch{}
		}
	}
	b.Queue(`INSERT INTO revisions (revision, applied_at, added, changed, retired, restored, author, message) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		next, now, added, changed, retired, restored, meta.Author, meta.Message)
	b.Queue(`SELECT pg_notify($1, $2)`, Channel, strconv.FormatInt(next, 10))
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return 0, fmt.Errorf("apply revision %d: %w", next, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("apply: commit revision %d: %w", next, err)
	}
	for _, x := range stamps {
		*x.st = x.v
	}
	for _, r := range retires {
		r.Retired = now
	}
	s.watch.saw(next)
	return next, nil
}

// pgBatch is how many statements Apply queues before sending them.
const pgBatch = 4096

// restoreStamps lifts the tombstone of c's ID (dataset.Restore) and
// returns the stamps of the record written under it again: the created
// time of its last version before the retirement (it is the same record,
// back), modified now.
func restoreStamps(ctx context.Context, tx pgx.Tx, c dataset.Change, now time.Time) (dataset.Stamps, error) {
	tag, err := tx.Exec(ctx, `DELETE FROM retired WHERE type = $1 AND id = $2`, string(c.Type), c.ID)
	if err != nil {
		return dataset.Stamps{}, fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	if tag.RowsAffected() != 1 {
		return dataset.Stamps{}, fmt.Errorf("apply restore %s %s: the ID is not retired: only a tombstone can be restored", c.Type, c.ID)
	}
	v := dataset.Stamps{Created: now, Modified: now}
	var was time.Time
	err = tx.QueryRow(ctx, `SELECT created FROM versions WHERE type = $1 AND id = $2 AND kind <> 'retired' ORDER BY revision DESC LIMIT 1`,
		string(c.Type), c.ID).Scan(&was)
	switch {
	case err == nil:
		v.Created = dataset.Stamp(was)
	case !errors.Is(err, pgx.ErrNoRows):
		return dataset.Stamps{}, fmt.Errorf("apply restore %s %s: %w", c.Type, c.ID, err)
	}
	return v, nil
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

func stampsOf(rec any) *dataset.Stamps {
	if r, ok := rec.(interface{ StampsRef() *dataset.Stamps }); ok {
		return r.StampsRef()
	}
	return nil
}

// TryLeadRelease takes the nightly release's lock unless another replica
// holds it, without waiting (dumps.Leader). The lock is a session-level
// advisory lock on a connection kept out of the pool until release: a
// replica that dies loses its session, and the lock with it, so another
// takes over next time. release must be called once.
func (s *DB) TryLeadRelease(ctx context.Context) (release func(), ok bool, err error) {
	return s.tryLead(ctx, lockRelease, "release lock")
}

// TryLeadCMSSync takes the scheduled CMS sync's lock unless another
// replica holds it, without waiting (cms.Leader), as TryLeadRelease does
// for the release: of several replicas woken by the same schedule, one
// syncs. release must be called once.
func (s *DB) TryLeadCMSSync(ctx context.Context) (release func(), ok bool, err error) {
	return s.tryLead(ctx, lockCMSSync, "cms sync lock")
}

func (s *DB) tryLead(ctx context.Context, key int64, what string) (release func(), ok bool, err error) {
	if err := s.open(); err != nil {
		return nil, false, fmt.Errorf("%s: %w", what, err)
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", what, err)
	}
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil {
		conn.Release()
		return nil, false, fmt.Errorf("%s: %w", what, err)
	}
	if !ok {
		conn.Release()
		return nil, false, nil
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, key); err != nil {
			// The session may still hold the lock: end it rather than
			// give it back to the pool.
			c := conn.Hijack()
			c.Close(ctx)
			return
		}
		conn.Release()
	}, true, nil
}
