package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
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

func TestUnknownCommandAndNoArgs(t *testing.T) {
	e, _, errb := testEnv(nil)
	if code := run(context.Background(), []string{"frobnicate"}, e); code != 2 || !strings.Contains(errb.String(), "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errb)
	}
	if code := run(context.Background(), nil, e); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
}

func TestServeAnswersHealthz(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_ADDR": "127.0.0.1:0", "MOVINGCITIES_DB": db,
		"MOVINGCITIES_DUMPS_DIR": filepath.Join(t.TempDir(), "releases")})
	ready := make(chan string, 1)
	e.ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve"}, e) }()
	var addr string
	select {
	case addr = <-ready:
	case code := <-done:
		t.Fatalf("serve exited with %d: %s", code, errb)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `"revision":1`) {
		t.Errorf("GET /healthz = %d %s", res.StatusCode, body)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exited with %d after shutdown: %s", code, errb)
	}
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
