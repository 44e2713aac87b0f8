package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testEnv runs commands with the given environment variables and captures
// their output.
func testEnv(vars map[string]string) (env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return env{stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}, &out, &errb
}

// makeDB creates the database at path the way an operator does, with
// `import` (which loads the seed into a new database), since the commands
// that only read no longer create one.
func makeDB(t *testing.T, path string) {
	t.Helper()
	empty := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(empty, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(context.Background(), []string{"import", empty}, e); code != 0 {
		t.Fatalf("import to make a database: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "revision 1") {
		t.Fatalf("import to make a database: %s", out)
	}
}

// holdWriteLock leaves a second handle on path inside BEGIN IMMEDIATE with
// an uncommitted write until the test ends, as a long import in another
// process does, and checks that the lock is held: a third writer with a
// short busy timeout fails.
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
	if tx, err := third.BeginTx(ctx, nil); err == nil {
		tx.Rollback()
		t.Fatal("a third writer began a write transaction: the write lock is not held")
	} else if !strings.Contains(err.Error(), "locked") {
		t.Fatalf("third writer: %v; want 'database is locked'", err)
	}
}

// Commands that only read work while another process holds the write
// lock, instead of failing with 'database is locked' after the 10 s busy
// timeout.
func TestReadCommandsWorkWhileAnImportWrites(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "busy.db")
	vars := map[string]string{"MOVINGCITIES_DB": db}
	makeDB(t, db)
	export := []string{"export", "--format", "json", "--out", "-"}
	e, out, errb := testEnv(vars)
	if code := run(context.Background(), export, e); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errb)
	}
	before := out.String()
	file := filepath.Join(dir, "new.json")
	if err := os.WriteFile(file, []byte(`{"municipalities":[{"id":"newtown","names":{"en":"Newtown"},"country":"DE","status":"active"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}

	holdWriteLock(t, db)
	tests := []struct {
		name string
		args []string
		want func(out string) bool
	}{
		{"export to stdout", export, func(out string) bool { return out == before }},
		{"export to a file", []string{"export", "--format", "json", "--out", filepath.Join(dir, "out.json")}, func(string) bool {
			b, err := os.ReadFile(filepath.Join(dir, "out.json"))
			return err == nil && string(b) == before
		}},
		{"validate", []string{"validate", file}, func(out string) bool { return strings.Contains(out, "would add 1") }},
		{"wikidata", []string{"wikidata", "mixnmatch", "--out", "-"}, func(out string) bool { return strings.Contains(out, "berlin") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out, errb := testEnv(vars)
			start := time.Now()
			code := run(context.Background(), tt.args, e)
			// Waiting for the lock would take the 10 s busy timeout.
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("%q took %v: it waited for the write lock", tt.args, took)
			}
			if code != 0 {
				t.Fatalf("%q while another process writes: exit %d: %s", tt.args, code, errb)
			}
			if !tt.want(out.String()) {
				t.Errorf("%q: unexpected output:\n%.500s", tt.args, out)
			}
		})
	}
}

// Commands that only read never create a database: a missing one is an
// error that says how to make one.
func TestReadCommandsNeedADatabase(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "new.json")
	if err := os.WriteFile(file, []byte(`{"municipalities":[{"id":"newtown","names":{"en":"Newtown"},"country":"DE","status":"active"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--format", "json", "--out", "-"},
		{"validate", file},
		{"wikidata", "mixnmatch", "--out", "-"},
		{"dump", "--out", filepath.Join(dir, "releases")},
	} {
		t.Run(args[0], func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "missing.db")
			e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db})
			if code := run(context.Background(), args, e); code != 1 {
				t.Fatalf("%q without a database: exit %d, want 1; stdout %.200s", args, code, out)
			}
			if msg := errb.String(); !strings.Contains(msg, db) || !strings.Contains(msg, "movingcities import") {
				t.Errorf("error %q should name the file and say how a database is made", msg)
			}
			if entries, _ := os.ReadDir(filepath.Dir(db)); len(entries) != 0 {
				t.Errorf("%q created files: %v", args, entries)
			}
		})
	}
}

func TestUnknownCommandAndNoArgs(t *testing.T) {
	e, _, errb := testEnv(nil)
	if code := run(context.Background(), []string{"frobnicate"}, e); code != 2 || !strings.Contains(errb.String(), "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errb)
	}
	if code := run(context.Background(), nil, e); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
}

// startServe runs `serve` on a free port until the test ends and returns
// its address.
func startServe(t *testing.T, db string) string {
	t.Helper()
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_ADDR": "127.0.0.1:0", "MOVINGCITIES_DB": db,
		"MOVINGCITIES_DUMPS_DIR": filepath.Join(t.TempDir(), "releases")})
	ready := make(chan string, 1)
	e.ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve"}, e) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d after shutdown: %s", code, errb)
		}
	})
	select {
	case addr := <-ready:
		return addr
	case code := <-done:
		done <- code // for the cleanup
		t.Fatalf("serve exited with %d: %s", code, errb)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

func getHealthz(t *testing.T, addr string) {
	t.Helper()
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `"revision":1`) {
		t.Errorf("GET /healthz = %d %s", res.StatusCode, body)
	}
}

func TestServeAnswersHealthz(t *testing.T) {
	// A new database: serve creates it and loads the seed.
	getHealthz(t, startServe(t, filepath.Join(t.TempDir(), "serve.db")))
}

// The server starts on an existing database while another process holds
// the write lock: starting only reads.
func TestServeStartsWhileAnImportWrites(t *testing.T) {
	db := filepath.Join(t.TempDir(), "busy.db")
	makeDB(t, db)
	holdWriteLock(t, db)
	start := time.Now()
	addr := startServe(t, db)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("serve took %v to start: it waited for the write lock", took)
	}
	getHealthz(t, addr)
}

func TestImportWithThreeErrorsReportsAllAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "import.db")
	vars := map[string]string{"MOVINGCITIES_DB": db}
	file := filepath.Join(dir, "bad.json")
	bad := `{"municipalities": [
	 {"id": "ok-town", "names": {"en": "OK Town"}, "country": "DE", "status": "active"},
	 {"id": "nowhere", "names": {"en": "Nowhere"}, "country": "XX", "status": "active"},
	 {"id": "badqid", "names": {"en": "Bad QID"}, "country": "DE", "wikidata": "Q-12", "status": "active"},
	 {"id": "swapped", "names": {"en": "Swapped"}, "country": "DE", "coordinates": {"lat": 13.4, "lon": 52.5}, "status": "active"}
	]}`
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	makeDB(t, db)
	exportJSON := func() string {
		e, out, errb := testEnv(vars)
		if code := run(context.Background(), []string{"export", "--format", "json", "--out", "-"}, e); code != 0 {
			t.Fatalf("export: exit %d: %s", code, errb)
		}
		return out.String()
	}
	before := exportJSON()

	e, out, errb := testEnv(vars)
	if code := run(context.Background(), []string{"import", file}, e); code != 1 {
		t.Fatalf("import of a bad file: exit %d, want 1; stdout %s", code, out)
	}
	for _, want := range []string{
		`municipality nowhere: country: refers to unknown country "XX"`,
		`municipality badqid: wikidata: "Q-12" is not a Wikidata item ID`,
		`municipality swapped: coordinates: (13.4, 52.5) lies far outside DE`,
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb)
		}
	}
	if strings.Contains(errb.String(), "ok-town") {
		t.Errorf("the valid record was reported as a problem:\n%s", errb)
	}
	if after := exportJSON(); after != before {
		t.Error("a rejected import changed the data")
	}
	if strings.Contains(exportJSON(), "ok-town") {
		t.Error("the valid record of a rejected import was applied: imports must be all or nothing")
	}
}

func TestImportDryRunThenImport(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"MOVINGCITIES_DB": filepath.Join(dir, "i.db")}
	file := filepath.Join(dir, "new.json")
	os.WriteFile(file, []byte(`{"municipalities":[{"id":"newtown","names":{"en":"Newtown"},"country":"DE","status":"active"}]}`), 0o644)

	e, out, errb := testEnv(vars)
	if code := run(context.Background(), []string{"import", "--dry-run", file}, e); code != 0 {
		t.Fatalf("dry run: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "added") || !strings.Contains(out.String(), "dry run") {
		t.Errorf("dry run output: %s", out)
	}
	e, out, errb = testEnv(vars)
	if code := run(context.Background(), []string{"import", file}, e); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "now at revision 2") {
		t.Errorf("import output: %s", out)
	}
	e, out, _ = testEnv(vars)
	run(context.Background(), []string{"import", file}, e)
	if !strings.Contains(out.String(), "nothing to change") {
		t.Errorf("re-import must be a no-op: %s", out)
	}
}

// TestImportRestore: --restore imports into an empty database without
// the seed, and refuses one that holds data.
func TestImportRestore(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"MOVINGCITIES_DB": filepath.Join(dir, "r.db")}
	file := filepath.Join(dir, "countries.csv")
	os.WriteFile(file, []byte("id,name_en\nDE,Germany\n"), 0o644)
	e, out, errb := testEnv(vars)
	if code := run(context.Background(), []string{"import", "--restore", file}, e); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "imported: 1 added") || !strings.Contains(out.String(), "now at revision 1") {
		t.Errorf("restore output: %s", out)
	}
	e, _, errb = testEnv(vars)
	if code := run(context.Background(), []string{"import", "--restore", file}, e); code != 1 ||
		!strings.Contains(errb.String(), "--restore needs an empty database") {
		t.Errorf("restore into a database with data: exit %d: %s", code, errb)
	}
}

func TestGenIsDeterministicAndImportable(t *testing.T) {
	dir := t.TempDir()
	gen := func(seed string) string {
		e, out, errb := testEnv(nil)
		if code := run(context.Background(), []string{"gen", "--municipalities", "300", "--seed", seed}, e); code != 0 {
			t.Fatalf("gen: exit %d: %s", code, errb)
		}
		return out.String()
	}
	a, b := gen("7"), gen("7")
	if a != b {
		t.Fatal("gen with the same seed differs")
	}
	file := filepath.Join(dir, "synth.json")
	os.WriteFile(file, []byte(a), 0o644)
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_DB": filepath.Join(dir, "g.db")})
	if code := run(context.Background(), []string{"import", file}, e); code != 0 {
		t.Fatalf("import of generated data: exit %d: %s", code, errb)
	}
}

func TestMalformedEnvironmentIsAnError(t *testing.T) {
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_RATE_LIMIT": "fast"})
	if code := run(context.Background(), []string{"serve"}, e); code != 1 || !strings.Contains(errb.String(), "MOVINGCITIES_RATE_LIMIT") {
		t.Errorf("exit %d, stderr %q; want an error naming the variable", code, errb)
	}
}

// TestImportRecordsAuthorAndMessage: an import's revision names who made
// it and why, from --author and --message or their defaults, and
// /revisions shows them.
func TestImportRecordsAuthorAndMessage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "meta.db")
	vars := map[string]string{"MOVINGCITIES_DB": db}
	imports := []struct {
		file string
		args []string
	}{
		{"given.json", []string{"--author", "erika", "--message", "Adds Newtown from the 2026 survey."}},
		{"defaults.json", nil},
	}
	for i, im := range imports {
		file := filepath.Join(dir, im.file)
		body := `{"municipalities":[{"id":"town-` + strconv.Itoa(i) + `","names":{"en":"Town"},"country":"DE","status":"active"}]}`
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		e, _, errb := testEnv(vars)
		if code := run(context.Background(), append(append([]string{"import"}, im.args...), file), e); code != 0 {
			t.Fatalf("import %s: exit %d: %s", im.file, code, errb)
		}
	}
	res, err := http.Get("http://" + startServe(t, db) + "/revisions")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var page struct {
		Items []struct {
			Revision        int64
			Author, Message string
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&page); err != nil || res.StatusCode != http.StatusOK || len(page.Items) != 3 {
		t.Fatalf("/revisions: %d %+v %v", res.StatusCode, page, err)
	}
	// Newest first: the defaults, then the given ones, then the seed.
	wantAuthor := defaultAuthor
	if u, err := user.Current(); err == nil && u.Username != "" {
		wantAuthor = u.Username
	}
	if got := page.Items[0]; got.Author != wantAuthor || got.Message != "import of defaults.json" {
		t.Errorf("import with defaults recorded %+v; want author %q", got, wantAuthor)
	}
	if got := page.Items[1]; got.Author != "erika" || got.Message != "Adds Newtown from the 2026 survey." {
		t.Errorf("import with --author and --message recorded %+v", got)
	}
	if got := page.Items[2]; got.Author != "" {
		t.Errorf("the seed has an author: %+v", got)
	}
}
