package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
