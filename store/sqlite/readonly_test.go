package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// seededFile makes a database file holding the seed at revision 1.
func seededFile(t *testing.T) (path string, seed *dataset.Dataset) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "seeded.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seed, err = dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(&dataset.Dataset{}, seed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	return path, seed
}

// holdWriteLock opens a second, independent handle on path, as another
// process would, and leaves it inside BEGIN IMMEDIATE with an uncommitted
// write until the test ends. It proves the lock is held: a third writer
// with a short busy timeout must fail.
func holdWriteLock(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	h, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	conn, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
	})
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "UPDATE records SET modified = modified"); err != nil {
		t.Fatal(err)
	}

	third, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	tx, err := third.BeginTx(ctx, nil)
	if err == nil {
		tx.Rollback()
		t.Fatal("a third writer began a write transaction: the write lock is not held")
	}
	if !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "BUSY") {
		t.Fatalf("third writer: %v; want SQLITE_BUSY", err)
	}
}

func TestOpenReadOnlyMissingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing.db")
	db, err := OpenReadOnly(context.Background(), path)
	if err == nil {
		db.Close()
		t.Fatal("OpenReadOnly of a missing file succeeded")
	}
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "movingcities import") {
		t.Errorf("error %q should be fs.ErrNotExist, name the file and say how a database is made", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("OpenReadOnly left files behind: %v", entries)
	}
}

// Reads go on while another process holds the write lock, with an
// uncommitted write: neither opening (read-only, or read-write on an up to
// date database) nor Load, Revision or WaitForRevision may wait for it.
func TestReadsIgnoreHeldWriteLock(t *testing.T) {
	path, seed := seededFile(t)
	holdWriteLock(t, path)
	for _, tt := range []struct {
		name     string
		open     func(context.Context, string) (*DB, error)
		readOnly bool
	}{
		{"OpenReadOnly", OpenReadOnly, true},
		{"Open", Open, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// A wait for the lock would last the 10 s busy timeout; the
			// deadline turns a regression into a clear failure.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			db, err := tt.open(ctx, path)
			if err != nil {
				t.Fatalf("open while another connection writes: %v", err)
			}
			defer db.Close()
			d, rev, err := db.Load(ctx)
			if err != nil || rev != 1 || len(d.Municipalities) != len(seed.Municipalities) {
				t.Fatalf("Load = %d municipalities at revision %d, %v", len(d.Municipalities), rev, err)
			}
			if rev, err := db.Revision(ctx); err != nil || rev != 1 {
				t.Fatalf("Revision = %d, %v", rev, err)
			}
			if rev, err := db.WaitForRevision(ctx, 0); err != nil || rev != 1 {
				t.Fatalf("WaitForRevision(0) = %d, %v", rev, err)
			}
			if tt.readOnly {
				_, changes, _ := dataset.Merge(&dataset.Dataset{}, &dataset.Dataset{Countries: []dataset.Country{{ID: "ZZ", Names: dataset.Names{"en": "Z"}}}})
				if _, err := db.Apply(ctx, 1, changes); !errors.Is(err, store.ErrReadOnly) {
					t.Fatalf("Apply on a read-only store = %v, want store.ErrReadOnly", err)
				}
			}
		})
	}
}

// A read-only open changes nothing, not even a database that needs a
// migration, and refuses schemas it does not know.
func TestOpenReadOnlyRefusesOtherSchemas(t *testing.T) {
	ctx := context.Background()
	raw := func(t *testing.T, path string, stmts ...string) {
		t.Helper()
		h, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		for _, s := range stmts {
			if _, err := h.ExecContext(ctx, s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    string
		wantRW  string // error of a read-write Open; "" if it succeeds
	}{
		{"empty file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not a movingcities database", ""},
		{"older schema", func(t *testing.T, path string) {
			raw(t, path, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`,
				`INSERT INTO schema_migrations VALUES (0, '2026-01-01T00:00:00Z')`)
		}, "older than this movingcities", ""},
		{"newer schema", func(t *testing.T, path string) {
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			raw(t, path, `INSERT INTO schema_migrations VALUES (9999, '2026-01-01T00:00:00Z')`)
		}, "newer than this movingcities", "newer than this movingcities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t.db")
			tt.prepare(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			db, err := OpenReadOnly(ctx, path)
			if err == nil {
				db.Close()
				t.Fatal("OpenReadOnly succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("OpenReadOnly: %v; want it to say %q and name the file", err, tt.want)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Error("OpenReadOnly changed the file")
			}
			if tt.wantRW != "" {
				db, err := Open(ctx, path)
				if err == nil {
					db.Close()
					t.Fatal("Open succeeded")
				}
				if !strings.Contains(err.Error(), tt.wantRW) {
					t.Errorf("Open: %v; want it to say %q", err, tt.wantRW)
				}
			}
		})
	}
}
