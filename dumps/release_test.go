package dumps

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/guide"
	"github.com/moving-cities/opendata/vocab"
)

func TestReleaseIsDeterministic(t *testing.T) {
	snap := testSnapshot(t, 500, 3)
	dirA, dirB := t.TempDir(), t.TempDir()
	a := newTestDumper(dirA)
	b := newTestDumper(dirB)
	b.Now = fixedClock(day1.Add(2 * time.Hour)) // same day, another time
	ra, err := a.Release(context.Background(), snap)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := b.Release(context.Background(), snap)
	if err != nil {
		t.Fatal(err)
	}
	if ra.Release != rb.Release {
		t.Fatalf("names %s and %s", ra.Release, rb.Release)
	}
	entries, _ := os.ReadDir(filepath.Join(dirA, ra.Release))
	if len(entries) < 30 {
		t.Fatalf("only %d files", len(entries))
	}
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(dirA, ra.Release, e.Name()))
		y, err := os.ReadFile(filepath.Join(dirB, rb.Release, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == manifestFile {
			var mx, my map[string]any
			json.Unmarshal(x, &mx)
			json.Unmarshal(y, &my)
			if mx["generated"] == my["generated"] {
				t.Error("manifests have the same generation time")
			}
			delete(mx, "generated")
			delete(my, "generated")
			jx, _ := json.Marshal(mx)
			jy, _ := json.Marshal(my)
			if !bytes.Equal(jx, jy) {
				t.Errorf("manifests differ beyond the generation time:\n%s\n%s", jx, jy)
			}
			continue
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", e.Name())
		}
	}
}

// Two releases of the same data, made at other times into other
// folders, have byte-identical guides and profiles; the manifest lists the
// PDFs with their media type and the profiles with their count; NoPDF
// leaves every one of them out. (TestReleaseIsDeterministic checks the
// other files, at a size the PDFs would make slow.)
func TestPublicationsInTheRelease(t *testing.T) {
	snap := testSnapshot(t, 20, 1)
	release := func(noPDF bool, at time.Time) (string, *Manifest) {
		dir := t.TempDir()
		d := newTestDumper(dir)
		d.NoPDF, d.Now = noPDF, fixedClock(at)
		res, err := d.Release(context.Background(), snap)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, res.Release), checkRelease(t, dir, res.Release)
	}
	dirA, m := release(false, day1)
	dirB, _ := release(false, day1.Add(3*time.Hour))
	_, bare := release(true, day1)
	listed := map[string]FileEntry{}
	for _, f := range m.Files {
		listed[f.Name] = f
	}
	for _, f := range bare.Files {
		if f.MediaType == "application/pdf" {
			t.Errorf("NoPDF: the release lists %s", f.Name)
		}
	}
	for _, name := range append(guideFiles(), guide.ProfilesFile) {
		f, ok := listed[name]
		if !ok {
			t.Errorf("the release does not list %s", name)
			continue
		}
		if name == guide.ProfilesFile && (f.Rows == nil || *f.Rows != int64(len(snap.Municipalities))) {
			t.Errorf("%s: rows %v, want %d", name, f.Rows, len(snap.Municipalities))
		}
		if f.MediaType != "application/pdf" || f.Bytes == 0 {
			t.Errorf("%s: %s, %d bytes", name, f.MediaType, f.Bytes)
		}
		x, errX := os.ReadFile(filepath.Join(dirA, name))
		y, errY := os.ReadFile(filepath.Join(dirB, name))
		if errX != nil || errY != nil {
			t.Fatal(errX, errY)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two releases of the same data", name)
		}
	}
}

func TestNoReleaseWhenNothingChanged(t *testing.T) {
	dir := t.TempDir()
	d := newTestDumper(dir)
	snap := testSnapshot(t, 50, 1)
	first, err := d.Release(context.Background(), snap)
	if err != nil || !first.Created {
		t.Fatalf("%+v, %v", first, err)
	}
	// The next day, same data (even at a new revision): no release.
	d.Now = fixedClock(day1.AddDate(0, 0, 1))
	again, err := d.Release(context.Background(), dataset.NewSnapshot(snap.Dataset(), 2))
	if err != nil || again.Created || again.Release != first.Release {
		t.Fatalf("unchanged data: %+v, %v", again, err)
	}
	// Changed data: a release whose change list says what changed.
	ds := snap.Dataset()
	ds.Municipalities[0].Names = dataset.Names{"en": "Renamed"}
	removed := ds.Municipalities[1].ID
	// The records it goes with go too, their IDs kept as tombstones, as
	// the store keeps them.
	ds.Memberships = slices.DeleteFunc(ds.Memberships, func(m dataset.Membership) bool {
		if m.Municipality == removed {
			ds.Retired = append(ds.Retired, dataset.Retired{Type: dataset.TypeMembership, ID: m.ID, Reason: "merged"})
		}
		return m.Municipality == removed
	})
	ds.Approaches = slices.DeleteFunc(ds.Approaches, func(a dataset.Approach) bool {
		if a.Municipality == removed {
			ds.Retired = append(ds.Retired, dataset.Retired{Type: dataset.TypeApproach, ID: a.ID, Reason: "merged"})
		}
		return a.Municipality == removed
	})
	ds.Municipalities = slices.Delete(ds.Municipalities, 1, 2)
	ds.Retired = append(ds.Retired, dataset.Retired{Type: dataset.TypeMunicipality, ID: removed, Reason: "merged"})
	added := ds.Municipalities[0]
	added.ID = "zz-new-town"
	ds.Municipalities = append(ds.Municipalities, added)
	next, err := d.Release(context.Background(), dataset.NewSnapshot(ds, 3))
	if err != nil || !next.Created || next.Release != "2026-11-28-r3" {
		t.Fatalf("changed data: %+v, %v", next, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, next.Release, changesFile))
	var c Changes
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	// Without a history, the digests tell; a new tombstone is a
	// retirement, as the change feed calls it, not an added record.
	if c.Previous != first.Release || c.PreviousRevision != 1 || c.Revision != 3 || c.Source != "digests" ||
		c.Feed != testBase+"/changes?after=1" || len(c.Added) != 1 || len(c.Removed) != 0 ||
		!slices.Equal(c.Added["municipality"], []string{"zz-new-town"}) ||
		!slices.Equal(c.Changed["municipality"], []string{snap.Municipalities[0].ID}) ||
		!slices.Equal(c.Retired["municipality"], []string{removed}) {
		t.Errorf("changes %s", b)
	}
	if latest, _ := Open(dir).Latest(); latest != next.Release {
		t.Errorf("latest is %s", latest)
	}
	checkRelease(t, dir, first.Release)
	checkRelease(t, dir, next.Release)
}

// failingFile fails its n-th write, or its Sync.
type failingFile struct {
	file
	writes   *atomic.Int64
	failAt   int64
	failSync bool
}

var errDiskFull = errors.New("no space left on device (injected)")

func (f *failingFile) Write(p []byte) (int, error) {
	if f.failAt > 0 && f.writes.Add(1) == f.failAt {
		n := len(p) / 2
		f.file.Write(p[:n])
		return n, errDiskFull
	}
	return f.file.Write(p)
}

func (f *failingFile) Sync() error {
	if f.failSync {
		return errDiskFull
	}
	return f.file.Sync()
}

// TestFailureMidwayLeavesPreviousRelease makes a release, then fails the
// next one at many points: the first release stays complete and latest,
// and nothing else is left in the folder.
func TestFailureMidwayLeavesPreviousRelease(t *testing.T) {
	dir := t.TempDir()
	d := newTestDumper(dir)
	first, err := d.Release(context.Background(), testSnapshot(t, 100, 1))
	if err != nil {
		t.Fatal(err)
	}
	changed := testSnapshot(t, 120, 2)
	nfiles := len(first.Manifest.Files) + 1
	type tc struct {
		name          string
		create        func(string) (file, error)
		cancelAtFile  int
		cancelContext bool
		graph         Graph
	}
	var cases []tc
	for _, at := range []int64{1, 2, 5, 40} {
		cases = append(cases, tc{name: fmt.Sprintf("write %d fails", at), create: func(name string) (file, error) {
			f, err := createFile(name)
			var n atomic.Int64
			return &failingFile{file: f, writes: &n, failAt: at}, err
		}})
	}
	for _, i := range []int{0, 3, nfiles / 2, nfiles - 2, nfiles - 1} {
		cases = append(cases, tc{name: fmt.Sprintf("file %d cannot be created", i), create: func() func(string) (file, error) {
			var n atomic.Int64
			return func(name string) (file, error) {
				if int(n.Add(1))-1 == i {
					return nil, errDiskFull
				}
				return createFile(name)
			}
		}()})
		cases = append(cases, tc{name: fmt.Sprintf("file %d cannot be synced", i), create: func() func(string) (file, error) {
			var n atomic.Int64
			return func(name string) (file, error) {
				f, err := createFile(name)
				var w atomic.Int64
				return &failingFile{file: f, writes: &w, failSync: int(n.Add(1))-1 == i}, err
			}
		}()})
	}
	cases = append(cases, tc{name: "context cancelled", cancelContext: true})
	for _, f := range graphFormats {
		cases = append(cases, tc{name: "writing " + graphFile(f) + " fails", create: func(name string) (file, error) {
			fl, err := createFile(name)
			var n atomic.Int64
			at := int64(0)
			if filepath.Base(name) == graphFile(f) {
				at = 3
			}
			return &failingFile{file: fl, writes: &n, failAt: at}, err
		}})
	}
	cases = append(cases, tc{name: "the graph fails midway", graph: GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		if err := fakeGraph(ctx, snap, emit); err != nil {
			return err
		}
		return errDiskFull
	})})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newTestDumper(dir)
			d.Now = fixedClock(day1.AddDate(0, 0, 1))
			d.create = c.create
			if c.graph != nil {
				d.Graph = c.graph
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if c.cancelContext {
				d.Progress = func(p Progress) {
					if p.Step == 4 {
						cancel()
					}
				}
			}
			m := &Metrics{}
			d.Metrics = m
			_, err := d.Release(ctx, changed)
			if err == nil {
				t.Fatal("release succeeded")
			}
			if !c.cancelContext && !errors.Is(err, errDiskFull) {
				t.Errorf("error %v", err)
			}
			if m.Snapshot().Failed != 1 {
				t.Errorf("metrics %+v", m.Snapshot())
			}
			latest, err := Open(dir).Latest()
			if err != nil || latest != first.Release {
				t.Errorf("latest %q, %v", latest, err)
			}
			checkRelease(t, dir, first.Release)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if n := e.Name(); n != first.Release && n != LatestLink && n != ".lock" && n != lastRunFile {
					t.Errorf("left behind: %s", n)
				}
			}
		})
	}
	// Then a run that works.
	d = newTestDumper(dir)
	d.Now = fixedClock(day1.AddDate(0, 0, 1))
	if res, err := d.Release(context.Background(), changed); err != nil || !res.Created {
		t.Fatalf("%+v %v", res, err)
	}
}

// TestKilledDumpLeavesPreviousRelease kills a dump process (this test
// binary, re-executed) with SIGKILL while it writes a release.
func TestKilledDumpLeavesPreviousRelease(t *testing.T) {
	if os.Getenv("DUMPS_TEST_CHILD") != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	first, err := newTestDumper(dir).Release(context.Background(), testSnapshot(t, 100, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, killAt := range []int{1, 8, 25} {
		t.Run(fmt.Sprintf("killed at file %d", killAt), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestDumpChild$", "-test.v")
			cmd.Env = append(os.Environ(), "DUMPS_TEST_CHILD="+dir, fmt.Sprintf("DUMPS_TEST_KILL_AT=%d", killAt))
			var out syncBuffer
			cmd.Stdout, cmd.Stderr = &out, &out
			stdin, _ := cmd.StdinPipe()
			defer stdin.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The child prints "writing" when it reaches the file, and
			// blocks there.
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(out.String(), "writing file") {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("child did not start writing: %s", out.String())
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("child ended with %v: %s", err, out.String())
			}
			latest, err := Open(dir).Latest()
			if err != nil || latest != first.Release {
				t.Errorf("latest %q, %v", latest, err)
			}
			checkRelease(t, dir, first.Release)
			if ms, _ := Open(dir).Releases(); len(ms) != 1 {
				t.Errorf("%d releases listed", len(ms))
			}
		})
	}
	// The next run sweeps what the killed ones left and succeeds.
	d := newTestDumper(dir)
	d.Now = fixedClock(day1.AddDate(0, 0, 1))
	res, err := d.Release(context.Background(), testSnapshot(t, 120, 2))
	if err != nil || !res.Created {
		t.Fatalf("%+v %v", res, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	checkRelease(t, dir, res.Release)
}

// TestDumpChild is the process TestKilledDumpLeavesPreviousRelease kills.
func TestDumpChild(t *testing.T) {
	dir := os.Getenv("DUMPS_TEST_CHILD")
	if dir == "" {
		t.Skip("run by TestKilledDumpLeavesPreviousRelease")
	}
	var killAt int
	fmt.Sscan(os.Getenv("DUMPS_TEST_KILL_AT"), &killAt)
	d := newTestDumper(dir)
	d.Now = fixedClock(day1.AddDate(0, 0, 1))
	n := 0
	d.create = func(name string) (file, error) {
		f, err := createFile(name)
		if n++; n == killAt {
			f.Write([]byte("half a file"))
			fmt.Println("writing file", n, name)
			os.Stdout.Sync()
			select {} // until killed
		}
		return f, err
	}
	if _, err := d.Release(context.Background(), testSnapshot(t, 120, 2)); err != nil {
		t.Fatal(err)
	}
	t.Fatal("the release finished before it was killed")
}

func TestRetention(t *testing.T) {
	days := func(from string, n int) []string {
		t0, _ := time.Parse(time.DateOnly, from)
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("%s-r%d", t0.AddDate(0, 0, i).Format(time.DateOnly), i+1))
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		r     Retention
		names []string
		want  []string
	}{
		{"fewer than kept", Retention{Daily: 3}, []string{"2026-01-01-r1", "2026-01-02-r2"}, []string{"2026-01-01-r1", "2026-01-02-r2"}},
		{"last three and the first of the month", Retention{Daily: 3}, days("2026-01-01", 6),
			[]string{"2026-01-01-r1", "2026-01-04-r4", "2026-01-05-r5", "2026-01-06-r6"}},
		{"first of each month", Retention{Daily: 2}, days("2026-01-30", 5),
			[]string{"2026-01-30-r1", "2026-02-01-r3", "2026-02-02-r4", "2026-02-03-r5"}},
		{"no monthly", Retention{Daily: 2, Monthly: -1}, days("2026-01-30", 5), []string{"2026-02-02-r4", "2026-02-03-r5"}},
		{"last month only", Retention{Daily: 1, Monthly: 1}, days("2026-01-30", 5), []string{"2026-02-01-r3", "2026-02-03-r5"}},
		{"default keeps 14", Retention{}, days("2026-03-01", 20), append([]string{"2026-03-01-r1"}, days("2026-03-01", 20)[6:]...)},
		{"same day twice, by revision", Retention{Daily: 1, Monthly: -1}, []string{"2026-01-01-r9", "2026-01-01-r10", "2026-01-01-r10-2"}, []string{"2026-01-01-r10-2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, n := range tc.names {
				os.Mkdir(filepath.Join(dir, n), 0o755)
			}
			// names sorts them; the order of creation does not matter.
			d := &Dumper{Dir: dir, Retention: tc.r}
			latest := tc.names[len(tc.names)-1]
			os.Symlink(latest, filepath.Join(dir, LatestLink))
			if _, err := d.applyRetention(); err != nil {
				t.Fatal(err)
			}
			got, _ := Open(dir).names()
			if !slices.Equal(got, tc.want) {
				t.Errorf("kept %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("latest is never removed", func(t *testing.T) {
		dir := t.TempDir()
		for _, n := range days("2026-01-01", 5) {
			os.Mkdir(filepath.Join(dir, n), 0o755)
		}
		os.Symlink("2026-01-02-r2", filepath.Join(dir, LatestLink))
		d := &Dumper{Dir: dir, Retention: Retention{Daily: 1, Monthly: -1}}
		d.applyRetention()
		got, _ := Open(dir).names()
		if !slices.Equal(got, []string{"2026-01-02-r2", "2026-01-05-r5"}) {
			t.Errorf("kept %v", got)
		}
	})
}

func TestReleasesAreKeptByRetention(t *testing.T) {
	dir := t.TempDir()
	d := newTestDumper(dir)
	d.Graph = nil
	d.Retention = Retention{Daily: 2, Monthly: -1}
	var made []string
	for i := range 4 {
		d.Now = fixedClock(day1.AddDate(0, 0, i))
		res, err := d.Release(context.Background(), seedSnapshot(t, int64(i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && res.Created {
			t.Fatalf("the same data made release %s", res.Release)
		}
		made = append(made, res.Release)
	}
	// Same data every day: one release.
	if ms, _ := Open(dir).Releases(); len(ms) != 1 {
		t.Errorf("%d releases", len(ms))
	}
	for i := range 3 {
		d.Now = fixedClock(day1.AddDate(0, 0, 10+i))
		snap := testSnapshot(t, 10+i, int64(10+i))
		if _, err := d.Release(context.Background(), snap); err != nil {
			t.Fatal(err)
		}
	}
	ms, _ := Open(dir).Releases()
	var names []string
	for _, m := range ms {
		names = append(names, m.Release)
	}
	if want := []string{"2026-12-09-r12", "2026-12-08-r11"}; !slices.Equal(names, want) {
		t.Errorf("releases %v, want %v", names, want)
	}
}

func TestGuardRecoversPanicsAndRunsAgain(t *testing.T) {
	m := &Metrics{}
	var runs atomic.Int64
	job := guard(cronLogger{discard()}, m, discard(), cron.FuncJob(func() {
		if runs.Add(1) == 1 {
			panic("boom")
		}
	}))
	job.Run() // panics inside, recovered
	job.Run()
	job.Run()
	if runs.Load() != 3 {
		t.Errorf("job ran %d times, want 3: a panic locked it out", runs.Load())
	}
	if s := m.Snapshot(); s.Panics != 1 || s.Failed != 1 {
		t.Errorf("metrics %+v", s)
	}
	// Overlapping runs are skipped.
	release := make(chan struct{})
	started := make(chan struct{})
	var slow atomic.Int64
	job = guard(cronLogger{discard()}, m, discard(), cron.FuncJob(func() {
		slow.Add(1)
		close(started)
		<-release
	}))
	go job.Run()
	<-started
	job.Run() // skipped: returns at once
	close(release)
	if slow.Load() != 1 {
		t.Errorf("overlapping run was not skipped: %d runs", slow.Load())
	}
}

func TestSchedulerCatchesUpMissedRuns(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data")
	}
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, tc := range []struct {
		name      string
		last, now string
		want      bool
	}{
		{"ran last night", "2026-11-27 03:30", "2026-11-27 12:00", false},
		{"down at 03:30", "2026-11-26 03:30", "2026-11-27 09:00", true},
		{"before tonight's run", "2026-11-26 03:30", "2026-11-27 03:29", false},
		{"on the dot", "2026-11-26 03:30", "2026-11-27 03:30", true},
		{"spring forward night", "2026-03-28 03:30", "2026-03-29 04:00", true},
		{"before the spring forward run", "2026-03-28 03:30", "2026-03-29 03:10", false},
		{"fall back night", "2026-10-24 03:30", "2026-10-25 03:45", true},
		{"never ran", "", "2026-11-27 12:00", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			d := &Dumper{Dir: dir, Location: berlin}
			if tc.last != "" {
				d.Now = fixedClock(at(tc.last))
				d.noteRun()
			}
			s, err := NewScheduler(d, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Missed(at(tc.now)); got != tc.want {
				t.Errorf("missed = %v, want %v (next after last: %v)", got, tc.want, s.Next(at(tc.last)))
			}
		})
	}
	// 03:30 exists on both DST change days, once.
	s, _ := NewScheduler(&Dumper{Dir: t.TempDir(), Location: berlin}, nil, "")
	for _, day := range []string{"2026-03-29", "2026-10-25"} {
		next := s.Next(at(day + " 00:00"))
		if next.Format("2006-01-02 15:04") != day+" 03:30" || s.Next(next).Format("2006-01-02") == day {
			t.Errorf("%s: next run %v, then %v", day, next, s.Next(next))
		}
	}
}

func TestSchedulerRunsAndStops(t *testing.T) {
	dir := t.TempDir()
	var cur dataset.Current
	cur.Store(seedSnapshot(t, 1))
	d := newTestDumper(dir)
	d.Graph = nil
	d.Metrics = &Metrics{}
	s, err := NewScheduler(d, &cur, "@every 1h")
	if err != nil {
		t.Fatal(err)
	}
	s.Start() // never ran: catches up
	deadline := time.Now().Add(20 * time.Second)
	for d.Metrics.Snapshot().Created == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no catch-up run")
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.RunNow()
	if st := d.Metrics.Snapshot(); st.Created != 1 || st.Unchanged != 1 {
		t.Errorf("metrics %+v", st)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := NewScheduler(d, &cur, "61 3 * * *"); err == nil {
		t.Error("a bad schedule was accepted")
	}
}

// syncBuffer is a bytes.Buffer a child process writes while a test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func guideFiles() []string {
	var names []string
	for _, lang := range dataset.Languages {
		names = append(names, guide.FileName(lang))
	}
	return names
}
