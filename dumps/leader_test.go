package dumps

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
)

// replica is one serving process's release maker: a scheduler whose
// Leader is the PostgreSQL release lock, on the shared folder dir.
func replica(t *testing.T, dbURL, dir string) (*Scheduler, *Dumper) {
	t.Helper()
	db, err := postgres.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d := newTestDumper(dir)
	d.Now = fixedClock(day1.AddDate(0, 0, 1))
	var cur dataset.Current
	cur.Store(testSnapshot(t, 120, 2))
	s, err := NewScheduler(d, &cur, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Leader = LeaderFunc(db.TryLeadRelease)
	return s, d
}

// Two replicas share a releases folder and a database. The one making
// the release is killed (SIGKILL) in the middle: the folder keeps the
// previous release, whole and latest, and nothing half written is
// listed. While it ran, the other replica did not start a release of its
// own; once it is dead, the other takes over and makes the release.
func TestKilledReleaseMakerLeavesNoPartialRelease(t *testing.T) {
	if os.Getenv("DUMPS_LEADER_CHILD") != "" {
		t.Skip("in the child")
	}
	dbURL := pgtest.FreshURL(t)
	dir := t.TempDir()
	first, err := newTestDumper(dir).Release(context.Background(), testSnapshot(t, 100, 1))
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestReleaseMakerChild$", "-test.v")
	cmd.Env = append(os.Environ(), "DUMPS_LEADER_CHILD="+dir, "DUMPS_LEADER_DB="+dbURL)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "writing file") {
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			cmd.Process.Kill()
			t.Fatalf("child did not start writing: %s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}

	// The other replica's schedule fires meanwhile: it must not write.
	other, d := replica(t, dbURL, dir)
	var files atomic.Int32
	d.create = func(name string) (file, error) { files.Add(1); return createFile(name) }
	other.RunNow()
	if n := files.Load(); n != 0 {
		t.Fatalf("the other replica wrote %d files while the first made the release", n)
	}

	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v: %s", err, out.String())
	}
	latest, err := Open(dir).Latest()
	if err != nil || latest != first.Release {
		t.Fatalf("latest after the kill: %q, %v; want %s", latest, err, first.Release)
	}
	checkRelease(t, dir, first.Release)
	if ms, _ := Open(dir).Releases(); len(ms) != 1 {
		t.Fatalf("%d releases listed after the kill, want 1", len(ms))
	}

	// The dead replica's session, and its lock, are gone: the other one
	// takes over (the database notices the closed connection at once,
	// but give it a moment).
	deadline = time.Now().Add(5 * time.Second)
	for files.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the other replica never took over the release")
		}
		other.RunNow()
		time.Sleep(50 * time.Millisecond)
	}
	latest, err = Open(dir).Latest()
	if err != nil || latest == first.Release {
		t.Fatalf("latest after the take-over: %q, %v", latest, err)
	}
	m := checkRelease(t, dir, latest)
	if m.Revision != 2 {
		t.Errorf("take-over release has revision %d, want 2", m.Revision)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// Done for the night: a later firing makes nothing more.
	before := files.Load()
	other.RunNow()
	if files.Load() != before {
		t.Error("a second run on the same night wrote files")
	}
}

// TestReleaseMakerChild is the replica TestKilledReleaseMakerLeavesNoPartialRelease
// kills: it takes the lead and blocks in the middle of the release.
func TestReleaseMakerChild(t *testing.T) {
	dir := os.Getenv("DUMPS_LEADER_CHILD")
	if dir == "" {
		t.Skip("run by TestKilledReleaseMakerLeavesNoPartialRelease")
	}
	s, d := replica(t, os.Getenv("DUMPS_LEADER_DB"), dir)
	n := 0
	d.create = func(name string) (file, error) {
		f, err := createFile(name)
		if n++; n == 5 {
			f.Write([]byte("half a file"))
			fmt.Println("writing file", n, name)
			os.Stdout.Sync()
			select {} // until killed
		}
		return f, err
	}
	s.RunNow()
	t.Fatal("the release finished, or never started, before it was killed")
}
