package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func openSeeded(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, seed)
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	return db
}

// Load reads its rows through the C API (rawConn): a database with bad
// rows fails as it did through database/sql, naming the record, and the
// library's errors are worded as the driver words them.
func TestLoadBadRows(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, edit, want string
	}{
		{"document", `UPDATE records SET doc = '{"id":5}' WHERE type = 'municipality' AND id = 'berlin'`,
			`load municipality berlin: dataset.Municipality.ID: ReadString: expects " or n, but found 5, error found in #7 byte of ...|{"id":5}|..., bigger context ...|{"id":5}|...`},
		{"created", `UPDATE records SET created = 'yesterday' WHERE type = 'network' AND id = 'intercultural-cities'`,
			`load network intercultural-cities: created: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`},
		{"modified", `UPDATE records SET modified = '2020-13-01T00:00:00Z' WHERE type = 'country' AND id = 'DE'`,
			`load country DE: modified: parsing time "2020-13-01T00:00:00Z": month out of range`},
		{"retired", `INSERT INTO retired (type, id, reason, retired_at, revision) VALUES ('municipality', 'gone', 'test', 'never', 1)`,
			`load retired municipality gone: parsing time "never" as "2006-01-02T15:04:05Z07:00": cannot parse "never" as "2006"`},
		{"count", `INSERT INTO records (type, id, doc, created, modified, revision) VALUES ('town', 'x', '{}', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1)`,
			`load records: unknown record type "town"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openSeeded(t)
			if _, err := db.w.ExecContext(ctx, c.edit); err != nil {
				t.Fatal(err)
			}
			_, _, err := db.Load(ctx)
			if err == nil || err.Error() != c.want {
				t.Errorf("Load: %v\nwant %s", err, c.want)
			}
		})
	}

	db := openSeeded(t)
	if _, err := db.w.ExecContext(ctx, `DROP TABLE retired`); err != nil {
		t.Fatal(err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT type, id, replaced_by, reason, retired_at FROM retired ORDER BY type, id`)
	if err == nil {
		rows.Close()
		t.Fatal("database/sql: no error for a missing table")
	}
	if _, _, got := db.Load(ctx); got == nil || got.Error() != "load retired: "+err.Error() {
		t.Errorf("Load: %v\nwant load retired: %v", got, err)
	}

	ended, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := openSeeded(t).Load(ended); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with an ended context: %v", err)
	}
}
