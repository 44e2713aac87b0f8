package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/store/sqlite"
)

// fixtureCMS serves the cms package's Strapi fixture, each collection as
// one page, and checks the token.
func fixtureCMS(t *testing.T, token string) *httptest.Server {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "cms", "testdata", "strapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cols map[string][]json.RawMessage
	if err := json.Unmarshal(b, &cols); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+token {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials"}}`))
			return
		}
		data, ok := cols[strings.TrimPrefix(r.URL.Path, "/api/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]int{"page": 1, "pageSize": 100, "pageCount": 1, "total": len(data)}}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestSyncCommand: a dry run prints the diff and writes nothing, the
// sync makes one revision with its author and message, a second sync
// says "no changes", and a refused token changes nothing.
func TestSyncCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	makeDB(t, db)
	srv := fixtureCMS(t, "tok")
	vars := map[string]string{"MOVINGCITIES_DB": db, "MOVINGCITIES_CMS_TOKEN": "tok"}
	steps := []struct {
		name     string
		args     []string
		vars     map[string]string
		wantCode int
		want     string
		wantRev  int64
	}{
		{"dry run", []string{"--dry-run"}, vars, 0, "added    municipality neustadt", 1},
		{"dry run's field diff", []string{"--dry-run"}, vars, 0, "\n  coordinates.lat: 52.5167 → 52.52\n  coordinates.lon: 13.3833 → 13.405\n", 1},
		{"wrong token", []string{"--token", "nope"}, vars, 1, "HTTP 401: UnauthorizedError: Missing or invalid credentials", 1},
		{"sync", []string{"--author", "cms-bot", "--message", "nightly"}, vars, 0, "imported:", 2},
		{"again", nil, vars, 0, "no changes (revision 2)", 2},
		{"no url", []string{"--url", ""}, vars, 1, "--url", 2},
	}
	for _, s := range steps {
		e, out, errb := testEnv(s.vars)
		args := append([]string{"sync", "cms", "--url", srv.URL}, s.args...)
		code := run(context.Background(), args, e)
		if code != s.wantCode || !strings.Contains(out.String()+errb.String(), s.want) {
			t.Fatalf("%s: exit %d, output %q %q; want exit %d and %q", s.name, code, out, errb, s.wantCode, s.want)
		}
		if rev := storedRevision(t, db); rev != s.wantRev {
			t.Fatalf("%s: revision %d, want %d", s.name, rev, s.wantRev)
		}
	}
	st, err := sqlite.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	info, err := st.RevisionInfo(context.Background(), 2)
	if err != nil || info.Author != "cms-bot" || info.Message != "nightly" {
		t.Fatalf("revision 2: %+v, %v; want author cms-bot, message nightly", info.Meta, err)
	}
}

// TestSyncDryRunOnEmptyDatabase: a dry run on a new database shows the
// sync over the seed and writes neither.
func TestSyncDryRunOnEmptyDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	srv := fixtureCMS(t, "tok")
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db, "MOVINGCITIES_CMS_TOKEN": "tok"})
	if code := run(context.Background(), []string{"sync", "cms", "--url", srv.URL, "--dry-run"}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "changed  municipality berlin") {
		t.Errorf("the dry run was not laid over the seed:\n%s", out)
	}
	if rev := storedRevision(t, db); rev != 0 {
		t.Fatalf("revision %d after a dry run on a new database, want 0", rev)
	}
}

func TestSyncCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"sync"}, {"sync", "wiki"}} {
		e, _, _ := testEnv(nil)
		if code := run(context.Background(), args, e); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
	}
}

// TestServeSyncFlags: serve refuses a CMS address or schedule it could
// not use, before it serves anything.
func TestServeSyncFlags(t *testing.T) {
	for _, tt := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"MOVINGCITIES_SYNC_CMS_URL": "cms.local"}, "--sync-cms-url:"},
		{map[string]string{"MOVINGCITIES_SYNC_CMS_URL": "https://user:pw@cms.local"}, "--sync-cms-url: give the CMS's address without query or credentials"},
		{map[string]string{"MOVINGCITIES_SYNC_CMS_URL": "https://cms.local", "MOVINGCITIES_SYNC_CMS_SCHEDULE": "hourly"}, `cms sync schedule "hourly"`},
	} {
		vars := map[string]string{"MOVINGCITIES_ADDR": "127.0.0.1:0", "MOVINGCITIES_DB": filepath.Join(t.TempDir(), "s.db"),
			"MOVINGCITIES_DUMPS_DIR": filepath.Join(t.TempDir(), "releases")}
		for k, v := range tt.vars {
			vars[k] = v
		}
		e, _, errb := testEnv(vars)
		if code := run(context.Background(), []string{"serve"}, e); code != 1 || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, %q; want exit 1 and %q", tt.vars, code, errb, tt.want)
		}
	}
}

// TestSyncTokenNotInHelp: the token from the environment is not printed
// as a flag default by -h.
func TestSyncTokenNotInHelp(t *testing.T) {
	for _, args := range [][]string{{"sync", "cms", "-h"}, {"serve", "-h"}} {
		e, out, errb := testEnv(map[string]string{"MOVINGCITIES_CMS_TOKEN": "very-secret-token"})
		run(context.Background(), args, e)
		if strings.Contains(out.String()+errb.String(), "very-secret-token") {
			t.Errorf("%v prints the token", args)
		}
	}
}

// TestServeWithCMSSync: a server given --sync-cms-url starts, serves,
// and reports the scheduled sync's runs on /metrics.
func TestServeWithCMSSync(t *testing.T) {
	srv := fixtureCMS(t, "tok")
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_ADDR": "127.0.0.1:0", "MOVINGCITIES_DB": filepath.Join(t.TempDir(), "s.db"),
		"MOVINGCITIES_DUMPS_DIR": filepath.Join(t.TempDir(), "releases"), "MOVINGCITIES_SYNC_CMS_URL": srv.URL, "MOVINGCITIES_CMS_TOKEN": "tok"})
	ready := make(chan string, 1)
	e.ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve"}, e) }()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d: %s", code, errb)
		}
	}()
	var addr string
	select {
	case addr = <-ready:
	case code := <-done:
		done <- code
		t.Fatalf("serve exited with %d: %s", code, errb)
	}
	res, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, res.Body); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`movingcities_cms_sync_runs_total{result="failed"} 0`, "movingcities_cms_sync_last_success_timestamp_seconds 0"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
