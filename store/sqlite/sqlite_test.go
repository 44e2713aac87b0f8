package sqlite

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/storetest"
)

func openTemp(t *testing.T, now func() time.Time) store.Store {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = now
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) { storetest.Run(t, openTemp) }

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := dataset.Seed()
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, seed)
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path) // migrations must not run twice
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d, rev, err := db.Load(ctx)
	if err != nil || rev != 1 || len(d.Municipalities) != len(seed.Municipalities) {
		t.Fatalf("after reopen: %d municipalities at revision %d (%v)", len(d.Municipalities), rev, err)
	}
	var mode string
	if err := db.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
}

// crashChildEnv makes the test binary act as an importer that gets killed.
const crashChildEnv = "MOVINGCITIES_CRASH_CHILD_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// crashChild starts a large import and reports when it is under way; the
// parent kills it with SIGKILL before it can commit.
func crashChild(path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		panic(err)
	}
	cur, rev, err := db.Load(ctx)
	if err != nil {
		panic(err)
	}
	big := &dataset.Dataset{}
	for i := range 100000 {
		m := cur.Municipalities[i%len(cur.Municipalities)]
		m.ID = "crash-" + strings.Repeat("x", i%3) + "-" + strconv.Itoa(i)
		m.Wikidata = ""
		big.Municipalities = append(big.Municipalities, m)
	}
	_, changes, err := dataset.Merge(cur, big)
	if err != nil {
		panic(err)
	}
	os.Stdout.WriteString("applying\n")
	if _, err := db.Apply(ctx, rev, changes); err != nil {
		panic(err)
	}
	os.Stdout.WriteString("committed\n")
}

// A process killed with SIGKILL in the middle of a large import leaves the
// previous data intact: the import is one transaction.
func TestKilledImportLeavesPreviousData(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := dataset.Seed()
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, seed)
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "applying" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child did not start its import: %q", lines.Text())
	}
	// Let the transaction write a good part of its rows, then kill.
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	rest := ""
	for lines.Scan() {
		rest += lines.Text()
	}
	cmd.Wait()
	if strings.Contains(rest, "committed") {
		t.Skip("the child committed before it was killed; the machine is faster than this test assumes")
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after SIGKILL: %v", err)
	}
	defer db.Close()
	d, rev, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rev != 1 || len(d.Municipalities) != len(seed.Municipalities) {
		t.Fatalf("after SIGKILL: %d municipalities at revision %d, want the previous %d at revision 1",
			len(d.Municipalities), rev, len(seed.Municipalities))
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("data after SIGKILL is not valid: %v", err)
	}
	var check string
	if err := db.r.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
}

func TestHistoryConformance(t *testing.T) {
	storetest.RunHistory(t, func(t *testing.T, now func() time.Time) storetest.HistoryStore {
		return openTemp(t, now).(*DB)
	})
}

func TestKeysConformance(t *testing.T) {
	storetest.RunKeys(t, func(t *testing.T) store.Keys {
		return openTemp(t, time.Now).(*DB)
	})
}

// TestMigrationKeepsHistoryOfOlderDatabase turns a database back into
// schema 1 (the state before issue 13) and reopens it: the migration must
// give every stored record and tombstone its last version.
func TestMigrationKeepsHistoryOfOlderDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := dataset.Seed()
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, seed)
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	cur, _, _ := db.Load(ctx)
	_, changes, _ = dataset.Merge(cur, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeCountry, ID: "ZZ", ReplacedBy: "DE", Reason: "test"}}})
	if _, err := db.Apply(ctx, 1, changes); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TABLE versions`, `DROP TABLE api_keys`,
		`ALTER TABLE revisions DROP COLUMN author`, `ALTER TABLE revisions DROP COLUMN message`,
		`DELETE FROM schema_migrations WHERE version = 2`,
	} {
		if _, err := db.w.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a schema-1 database: %v", err)
	}
	defer db.Close()
	var records, versions int
	if err := db.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM retired), (SELECT count(*) FROM versions)`).Scan(&records, &versions); err != nil {
		t.Fatal(err)
	}
	if versions != records || records == 0 {
		t.Fatalf("after migration: %d versions for %d records and tombstones", versions, records)
	}
	v, err := db.VersionAt(ctx, dataset.TypeCountry, "ZZ", 2)
	if err != nil || v.Kind != dataset.Retire || !strings.Contains(string(v.Doc), `"replaced_by":"DE"`) {
		t.Fatalf("migrated tombstone = %+v, %v", v, err)
	}
	ri, err := db.RevisionInfo(ctx, 1)
	if err != nil || ri.Author != "" {
		t.Fatalf("migrated revision 1 = %+v, %v", ri, err)
	}
}

func TestProposalsConformance(t *testing.T) {
	storetest.RunProposals(t, func(t *testing.T) store.Proposals {
		return openTemp(t, time.Now).(*DB)
	})
}
