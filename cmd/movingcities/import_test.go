//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moving-cities/opendata/store/sqlite"
)

// TestMain lets a test run the command itself as a child process, to send
// it real signals.
func TestMain(m *testing.M) {
	if os.Getenv("MOVINGCITIES_TEST_AS_COMMAND") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func storedRevision(t *testing.T, db string) int64 {
	t.Helper()
	st, err := sqlite.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rev, err := st.Revision(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// TestImportRefusesEndlessInput: /dev/zero as an import file, which once
// grew the process to 10 GB, is refused at the size limit with an error
// that names the limit and the flag that sets it.
func TestImportRefusesEndlessInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	makeDB(t, db)
	for _, name := range []string{"zero.csv", "zero.json"} {
		for _, how := range []struct {
			label string
			args  []string
			vars  map[string]string
		}{
			{"flag", []string{"--max-import-bytes", "1048576"}, nil},
			{"environment", nil, map[string]string{"MOVINGCITIES_MAX_IMPORT_BYTES": "1048576"}},
		} {
			t.Run(name+" "+how.label, func(t *testing.T) {
				file := filepath.Join(t.TempDir(), name)
				if err := os.Symlink("/dev/zero", file); err != nil {
					t.Skip(err)
				}
				vars := map[string]string{"MOVINGCITIES_DB": db}
				for k, v := range how.vars {
					vars[k] = v
				}
				e, _, errb := testEnv(vars)
				args := append(append([]string{"import"}, how.args...), file)
				if code := run(context.Background(), args, e); code != 1 {
					t.Fatalf("exit %d, want 1: %s", code, errb)
				}
				msg := errb.String()
				// JSON decoding stops at the first zero byte, a syntax
				// error; CSV reads a line that never ends, up to the limit.
				want := "import size limit of 1048576 bytes (1 MiB); --max-import-bytes (MOVINGCITIES_MAX_IMPORT_BYTES) sets the limit"
				if name == "zero.json" {
					want = "found byte 0x00, want one object"
				}
				if !strings.Contains(msg, want) {
					t.Errorf("stderr %q lacks %q", msg, want)
				}
			})
		}
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"countries":[]}`+strings.Repeat(" ", 2000)), 0o600); err != nil {
		t.Fatal(err)
	}
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_DB": db})
	if code := run(context.Background(), []string{"validate", "--max-import-bytes", "1000", big}, e); code != 1 ||
		!strings.Contains(errb.String(), "import size limit of 1000 bytes") {
		t.Errorf("validate of a file over the limit: exit %d, %s", code, errb)
	}
	if rev := storedRevision(t, db); rev != 1 {
		t.Errorf("revision %d after refused imports, want 1", rev)
	}
}

// TestImportStopsOnSIGTERM: an import waiting on a stalled producer (a
// pipe that sent half a file) ends promptly on SIGTERM and SIGINT, saying
// that nothing changed, and the stored revision is the one before.
func TestImportStopsOnSIGTERM(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "s.db")
			makeDB(t, db)
			fifo := filepath.Join(dir, "stalled.json")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			cmd := exec.Command(os.Args[0], "import", fifo)
			cmd.Env = append(os.Environ(), "MOVINGCITIES_TEST_AS_COMMAND=1", "MOVINGCITIES_DB="+db)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Opening the pipe for writing waits for the import to open it.
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if _, err := w.WriteString(`{"municipalities":[{"id":"half-written","names":{"en":"H"},`); err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond) // the import is now blocked reading
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if code := cmd.ProcessState.ExitCode(); code != 1 {
					t.Errorf("exit %d (%v), want 1; stderr: %s", code, err, stderr.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("the import ignored %v", sig)
			}
			if !strings.Contains(stderr.String(), "import interrupted, nothing changed") {
				t.Errorf("stderr: %s", stderr.String())
			}
			if rev := storedRevision(t, db); rev != 1 {
				t.Errorf("revision %d after an interrupted import, want 1", rev)
			}
		})
	}
}
