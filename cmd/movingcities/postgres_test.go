package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
	"github.com/moving-cities/opendata/store/sqlite"
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

// waitFor polls cond every 50 ms until it holds or limit passes. Limits
// are generous (settle is one): they only matter when the condition never
// holds, and a loaded machine under -race can take seconds for a step
// that takes milliseconds alone.
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

// settle bounds the waits for what happens eventually: long, since it
// only matters on failure.
const settle = 60 * time.Second

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

// newKey makes an API key with `movingcities keys create` on db.
func newKey(t *testing.T, db, name, role string) string {
	t.Helper()
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db})
	if code := run(context.Background(), []string{"keys", "create", "--name", name, "--role", role}, e); code != 0 {
		t.Fatalf("keys create: exit %d: %s", code, errb)
	}
	return strings.TrimSpace(out.String())
}

// send sends a request with a body, and a key unless it is "".
func send(t *testing.T, method, url, key, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// A replica whose database goes away (connections terminated, new ones
// refused) keeps serving the last snapshot, says so on /readyz, answers
// writes 503 with Retry-After, and follows the store again, without a
// restart, once the database is back. An import against the database
// meanwhile fails with a clear error.
func TestServeOnPostgresSurvivesALostDatabase(t *testing.T) {
	direct := pgtest.FreshURL(t)
	key := newKey(t, direct, "erika", "editor")
	proxy, viaProxy := pgtest.NewProxy(t, direct)
	addr := startServe(t, viaProxy)
	if h := getHealth(t, addr, "/readyz"); h.status != 200 || h.Revision != 1 {
		t.Fatalf("/readyz before the cut: %+v", h)
	}

	proxy.Cut()
	if n := pgtest.Terminate(t, direct); n == 0 {
		t.Log("no backend left to terminate: the cut closed them all")
	}
	took := waitFor(t, settle, "/readyz reports the store down", func() bool {
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

	// Writes, with a key or as a proposal, answer 503 with Retry-After.
	network := `{"id": "lost-network", "names": {"en": "Lost network"}, "scope": "european"}`
	proposal := `{"kind": "city", "text": "Lostville", "source": "https://example.org/lostville"}`
	for _, w := range []struct{ path, key, body string }{{"/networks", key, network}, {"/proposals", "", proposal}} {
		res := send(t, http.MethodPost, "http://"+addr+w.path, w.key, w.body)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
			res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("POST %s while the database is down: %d, Retry-After %q, %s", w.path, res.StatusCode,
				res.Header.Get("Retry-After"), res.Header.Get("Content-Type"))
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
	took = waitFor(t, settle, "the replica serves revision 2 and is ready again", func() bool {
		h := getHealth(t, addr, "/readyz")
		return h.status == 200 && h.Revision == 2
	})
	t.Logf("recovered %v after the database came back", took)
	// Writes work again, on the revision the other replica made.
	if res := send(t, http.MethodPost, "http://"+addr+"/networks", key, network); res.StatusCode != http.StatusCreated {
		t.Fatalf("write after the database came back: %d", res.StatusCode)
	}
	// The write is answered once it is served, or after the editor's
	// publish wait regardless (a slow snapshot build, as under -race).
	waitFor(t, settle, "the write served as revision 3", func() bool { return getHealth(t, addr, "/healthz").Revision == 3 })
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
	// The editors' side: a key, a pending proposal and an accepted one,
	// whose revision 4 names its author.
	newKey(t, from, "anna", "editor")
	fillProposals(t, sqlitePath, kept)

	e, out, errb := testEnv(nil)
	if code := run(context.Background(), []string{"migrate", "--from", from, "--to", to}, e); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "copied revision 4 (4 revisions") || !strings.Contains(out.String(), "1 keys, 2 proposals") {
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
	if len(a.Records) != len(c.Records) || len(a.Retired) != 1 || len(c.Retired) != 1 || len(c.Revisions) != 4 {
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
	// History, keys and proposals come along, documents byte for byte.
	if len(a.Versions) == 0 || !reflect.DeepEqual(a.Versions, c.Versions) {
		t.Fatalf("versions differ: %d copied of %d", len(c.Versions), len(a.Versions))
	}
	if len(c.Keys) != 1 || !reflect.DeepEqual(a.Keys, c.Keys) || len(c.Proposals) != 2 || !reflect.DeepEqual(a.Proposals, c.Proposals) {
		t.Fatalf("keys or proposals differ:\n%+v %+v\n%+v %+v", a.Keys, a.Proposals, c.Keys, c.Proposals)
	}
	if c.Revisions[3].Author != "anna" || c.Proposals[0].ID != "p-accepted" || c.Proposals[0].Revision != 4 {
		t.Fatalf("revision 4 %+v, proposals %+v", c.Revisions[3], c.Proposals)
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
	if out := importInto(to, town); !strings.Contains(out, "revision 5") {
		t.Errorf("import after migrate: %s", out)
	}
	// The target now holds data: a second copy is refused, naming why.
	e, _, errb = testEnv(nil)
	if code := run(context.Background(), []string{"migrate", "--from", from, "--to", to}, e); code != 1 ||
		!strings.Contains(errb.String(), "already holds data") {
		t.Errorf("second migrate: exit %d: %s", code, errb)
	}
}

// fillProposals queues two proposals in the SQLite database at path and
// accepts one, by anna, renaming the municipality id.
func fillProposals(t *testing.T, path, id string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Now().UTC().Truncate(time.Second)
	for _, p := range []store.Proposal{
		{ID: "p-accepted", Kind: "correction", Text: "Another name", Source: "https://example.org/a", Contact: "a@example.org",
			Ops: json.RawMessage(`[{"op":"patch","type":"municipality","id":"` + id + `"}]`), Created: at},
		{ID: "p-pending", Kind: "city", Text: "Add a city", Source: "https://example.org/b", Created: at},
	} {
		if err := db.CreateProposal(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	cur, rev, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var in dataset.Dataset
	for _, m := range cur.Municipalities {
		if m.ID == id {
			m.Names = dataset.Names{"en": "Renamed by a proposal"}
			in.Municipalities = append(in.Municipalities, m)
		}
	}
	_, changes, err := dataset.Merge(cur, &in)
	if err != nil || len(changes) != 1 {
		t.Fatalf("merge: %d changes, %v", len(changes), err)
	}
	if _, err := db.AcceptProposal(ctx, "p-accepted", rev, changes, store.Meta{Author: "anna", Message: "Proposal p-accepted accepted"},
		store.Decision{By: "anna", At: at}); err != nil {
		t.Fatal(err)
	}
}

// `dump` on PostgreSQL takes the lock of the replicas' nightly release:
// while a replica holds it, dump waits and writes nothing; once it is
// free, dump makes the release.
func TestDumpWaitsForTheReleaseLock(t *testing.T) {
	ctx := context.Background()
	db := pgtest.FreshURL(t)
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db})
	if code := run(ctx, []string{"import", writeGen(t, "5")}, e); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errb)
	}
	replica, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	release, ok, err := replica.TryLeadRelease(ctx)
	if err != nil || !ok {
		t.Fatalf("the replica cannot take the release lock: %v, %v", ok, err)
	}
	dir := filepath.Join(t.TempDir(), "releases")
	e, out, _ := testEnv(map[string]string{"MOVINGCITIES_DB": db})
	dumpErr := &syncBuffer{} // read while dump writes it
	e.stderr = dumpErr
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"dump", "--out", dir}, e) }()
	waitFor(t, settle, "dump says it waits", func() bool { return strings.Contains(dumpErr.String(), "waiting for the release lock") })
	select {
	case code := <-done:
		t.Fatalf("dump ran while a replica held the release lock: exit %d: %s %s", code, out, dumpErr)
	case <-time.After(500 * time.Millisecond):
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("dump wrote %d entries while waiting", len(entries))
	}
	release()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(out.String(), "made release") {
			t.Fatalf("dump after the lock was freed: exit %d: %s %s", code, out, dumpErr)
		}
	case <-time.After(5 * time.Minute): // a release under -race on a loaded machine is slow; a hang is not
		t.Fatalf("dump did not finish within 5 minutes of the lock being free: %s", dumpErr)
	}
	// And it let go of the lock: the replica can lead again.
	if release, ok, err := replica.TryLeadRelease(ctx); err != nil || !ok {
		t.Fatalf("the lock after dump: %v, %v", ok, err)
	} else {
		release()
	}
}

// syncBuffer is a buffer a test reads while a command writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
