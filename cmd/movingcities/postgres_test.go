package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
)

type health struct {
	status   int
	Revision int64  `json:"revision"`
	Detail   string `json:"detail"`
}

func getHealth(t *testing.T, addr, path string) health {
	t.Helper()
	res, err := http.Get("http://" + addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var h health
	b, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatalf("%s: %d %s: %v", path, res.StatusCode, b, err)
	}
	h.status = res.StatusCode
	return h
}

// waitFor polls cond every 50 ms until it holds or limit passes.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// writeGen writes `gen --municipalities n` to a file and returns its path.
func writeGen(t *testing.T, n string) string {
	t.Helper()
	e, out, errb := testEnv(nil)
	if code := run(context.Background(), []string{"gen", "--municipalities", n, "--seed", "3"}, e); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errb)
	}
	file := filepath.Join(t.TempDir(), "gen.json")
	if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// A replica whose database goes away (connections terminated, new ones
// refused) keeps serving the last snapshot, says so on /readyz, and
// follows the store again, without a restart, once the database is back.
// An import against the database meanwhile fails with a clear error.
func TestServeOnPostgresSurvivesALostDatabase(t *testing.T) {
	direct := pgtest.FreshURL(t)
	proxy, viaProxy := pgtest.NewProxy(t, direct)
	addr := startServe(t, viaProxy)
	if h := getHealth(t, addr, "/readyz"); h.status != 200 || h.Revision != 1 {
		t.Fatalf("/readyz before the cut: %+v", h)
	}

	proxy.Cut()
	if n := pgtest.Terminate(t, direct); n == 0 {
		t.Log("no backend left to terminate: the cut closed them all")
	}
	took := waitFor(t, 5*time.Second, "/readyz reports the store down", func() bool {
		return getHealth(t, addr, "/readyz").status == http.StatusServiceUnavailable
	})
	t.Logf("/readyz 503 after %v", took)
	if h := getHealth(t, addr, "/readyz"); !strings.Contains(h.Detail, "store down") {
		t.Errorf("/readyz detail %q gives no reason", h.Detail)
	}
	// Reads go on from the snapshot in force.
	for _, path := range []string{"/healthz", "/countries/DE", "/municipalities?limit=5"} {
		res, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s while the database is down: %d", path, res.StatusCode)
		}
	}

	// An import that cannot reach the database says which and why.
	file := writeGen(t, "20")
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_DB": viaProxy})
	if code := run(context.Background(), []string{"import", file}, e); code == 0 {
		t.Fatal("import succeeded against a database that is down")
	}
	if msg := errb.String(); !strings.Contains(msg, "PostgreSQL database postgres://") {
		t.Errorf("import error does not name the database: %s", msg)
	}

	// Another replica writes meanwhile, straight to the database.
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": direct})
	if code := run(context.Background(), []string{"import", file}, e); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "revision 2") {
		t.Fatalf("import: %s", out)
	}
	if h := getHealth(t, addr, "/healthz"); h.Revision != 1 {
		t.Fatalf("revision %d served while the database is unreachable", h.Revision)
	}

	proxy.Restore()
	took = waitFor(t, 10*time.Second, "the replica serves revision 2 and is ready again", func() bool {
		h := getHealth(t, addr, "/readyz")
		return h.status == 200 && h.Revision == 2
	})
	t.Logf("recovered %v after the database came back", took)
}

// migrate copies a SQLite dataset into PostgreSQL with its revision
// history, stamps and tombstones: the copy loads the same, a retired ID
// stays retired, and the next import continues the revision numbers.
// A second copy into the same database is refused.
func TestMigrateSQLiteToPostgres(t *testing.T) {
	dir := t.TempDir()
	sqlitePath := filepath.Join(dir, "from.db")
	from := "sqlite://" + sqlitePath
	to := pgtest.FreshURL(t)
	importInto := func(db, file string) string {
		t.Helper()
		e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db})
		if code := run(context.Background(), []string{"import", file}, e); code != 0 {
			t.Fatalf("import %s: exit %d: %s", file, code, errb)
		}
		return out.String()
	}
	gen := writeGen(t, "5")
	importInto(from, gen) // revision 1 (seed) and 2
	var g struct {
		Municipalities []struct {
			ID string `json:"id"`
		} `json:"municipalities"`
		Memberships []struct {
			Municipality string `json:"municipality"`
		} `json:"memberships"`
	}
	b, _ := os.ReadFile(gen)
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gen output: %v", err)
	}
	// Retire a municipality no membership refers to.
	member := map[string]bool{}
	for _, m := range g.Memberships {
		member[m.Municipality] = true
	}
	var gone, kept string
	for _, m := range g.Municipalities {
		if !member[m.ID] && gone == "" {
			gone = m.ID
		} else if kept == "" {
			kept = m.ID
		}
	}
	if gone == "" || kept == "" {
		t.Fatalf("gen made no municipality without memberships: %s", b)
	}
	retire := filepath.Join(dir, "retire.json")
	os.WriteFile(retire, []byte(`{"retired":[{"type":"municipality","id":"`+gone+`","replaced_by":"`+kept+`","reason":"merged"}]}`), 0o644)
	if out := importInto(from, retire); !strings.Contains(out, "revision 3") {
		t.Fatalf("retire: %s", out)
	}

	e, out, errb := testEnv(nil)
	if code := run(context.Background(), []string{"migrate", "--from", from, "--to", to}, e); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "copied revision 3 (3 revisions") {
		t.Errorf("migrate said: %s", out)
	}

	ctx := context.Background()
	src, err := backend.OpenReadOnly(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := backend.OpenReadOnly(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	a, err := src.(store.Copier).Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dst.(store.Copier).Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// PostgreSQL keeps microseconds; SQLite nanoseconds.
	us := func(x time.Time) time.Time { return x.Truncate(time.Microsecond) }
	for i := range a.Records {
		a.Records[i].Created, a.Records[i].Modified = us(a.Records[i].Created), us(a.Records[i].Modified)
	}
	for i := range a.Retired {
		a.Retired[i].Retired.Retired = us(a.Retired[i].Retired.Retired)
	}
	for i := range a.Revisions {
		a.Revisions[i].AppliedAt = us(a.Revisions[i].AppliedAt)
	}
	if len(a.Records) != len(c.Records) || len(a.Retired) != 1 || len(c.Retired) != 1 || len(c.Revisions) != 3 {
		t.Fatalf("copied %d records, %d retired, %d revisions; source %d, %d, %d",
			len(c.Records), len(c.Retired), len(c.Revisions), len(a.Records), len(a.Retired), len(a.Revisions))
	}
	for i := range a.Records {
		x, y := a.Records[i], c.Records[i]
		var dx, dy any
		json.Unmarshal(x.Doc, &dx)
		json.Unmarshal(y.Doc, &dy)
		x.Doc, y.Doc = nil, nil
		if !reflect.DeepEqual(x, y) || !reflect.DeepEqual(dx, dy) {
			t.Fatalf("record %s %s differs:\n%+v %v\n%+v %v", x.Type, x.ID, x, dx, y, dy)
		}
	}
	if !reflect.DeepEqual(a.Retired, c.Retired) || !reflect.DeepEqual(a.Revisions, c.Revisions) {
		t.Fatalf("tombstones or revisions differ:\n%+v\n%+v\n%+v\n%+v", a.Retired, c.Retired, a.Revisions, c.Revisions)
	}
	if c.Retired[0].ID != gone || c.Retired[0].ReplacedBy != kept {
		t.Errorf("tombstone %+v", c.Retired[0])
	}

	// The tombstone works in PostgreSQL: the ID cannot come back.
	e, _, errb = testEnv(map[string]string{"MOVINGCITIES_DB": to})
	if code := run(context.Background(), []string{"import", writeGen(t, "7")}, e); code != 1 ||
		!strings.Contains(errb.String(), gone+": id: retired IDs are never reused") {
		t.Errorf("import of the retired ID after migrate: exit %d: %s", code, errb)
	}
	// Writing goes on from revision 3.
	town := filepath.Join(dir, "town.json")
	os.WriteFile(town, []byte(`{"municipalities":[{"id":"migrated-town","names":{"en":"Migrated Town"},"country":"NL",
		"coordinates":{"lat":52.0,"lon":5.1},"featured":false,"status":"active",
		"sources":[{"url":"https://example.org/migrated-town","accessed":"2026-12-05"}]}]}`), 0o644)
	if out := importInto(to, town); !strings.Contains(out, "revision 4") {
		t.Errorf("import after migrate: %s", out)
	}
	// The target now holds data: a second copy is refused, naming why.
	e, _, errb = testEnv(nil)
	if code := run(context.Background(), []string{"migrate", "--from", from, "--to", to}, e); code != 1 ||
		!strings.Contains(errb.String(), "already holds data") {
		t.Errorf("second migrate: exit %d: %s", code, errb)
	}
}
