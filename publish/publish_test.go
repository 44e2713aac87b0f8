package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
)

// fakeStore is a store in memory whose revision the test moves.
type fakeStore struct {
	mu      sync.Mutex
	d       *dataset.Dataset
	rev     int64
	loadErr error
	changed chan struct{}
	country string // of the first municipality, restored by a good commit
}

func newFakeStore(t *testing.T) *fakeStore {
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return &fakeStore{d: d, rev: 1, changed: make(chan struct{}), country: d.Municipalities[0].Country}
}

func (f *fakeStore) Load(context.Context) (*dataset.Dataset, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.loadErr != nil {
		return nil, 0, f.loadErr
	}
	cp := *f.d
	cp.Municipalities = append([]dataset.Municipality(nil), f.d.Municipalities...)
	return &cp, f.rev, nil
}

func (f *fakeStore) Revision(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rev, nil
}

func (f *fakeStore) WaitForRevision(ctx context.Context, known int64) (int64, error) {
	for {
		f.mu.Lock()
		rev, ch := f.rev, f.changed
		f.mu.Unlock()
		if rev != known {
			return rev, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// commit moves the store on, changing a municipality's name (or, with
// broken, storing data that does not validate).
func (f *fakeStore) commit(name string, broken bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := *f.d
	d.Municipalities = append([]dataset.Municipality(nil), f.d.Municipalities...)
	d.Municipalities[0].Names = dataset.Names{"en": name}
	d.Municipalities[0].Country = f.country
	if broken {
		d.Municipalities[0].Country = "XX"
	}
	f.d = &d
	f.rev++
	close(f.changed)
	f.changed = make(chan struct{})
}

// waitFor polls cond until it holds. The bound is long: it only matters
// when cond never holds, and under -race on a loaded machine a snapshot
// or an index can take many seconds to build.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	const limit = time.Minute
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPublisherFollowsTheStore(t *testing.T) {
	st := newFakeStore(t)
	p := New(Config{Store: st, RetryAfter: 10 * time.Millisecond})
	if p.Current() != nil {
		t.Fatal("a State before Start")
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	first := p.Current()
	if first.Snapshot().Revision != 1 {
		t.Fatalf("revision %d", first.Snapshot().Revision)
	}
	st.commit("Renamed", false)
	if err := p.WaitForRevision(ctx, 2); err != nil {
		t.Fatal(err)
	}
	second := p.Current()
	if second.View == first.View || second.Snapshot().Municipalities[0].Names["en"] != "Renamed" {
		t.Error("the new revision is not served in a new read model")
	}
	// The old State is untouched: readers holding it see one revision.
	if first.Snapshot().Revision != 1 || first.Snapshot().Municipalities[0].Names["en"] == "Renamed" {
		t.Error("the old State changed")
	}

	// Data that does not validate is not published; the last good
	// snapshot keeps serving, and the failure is counted.
	st.commit("Broken", true)
	waitFor(t, "the failed build counted", func() bool { return p.Metrics().Failures() > 0 })
	if p.Current() != second {
		t.Error("a failed build replaced the State")
	}
	// The store recovers: the next revision is served.
	st.commit("Mended", false)
	if err := p.WaitForRevision(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if p.Current().Snapshot().Municipalities[0].Names["en"] != "Mended" {
		t.Error("the mended revision is not served")
	}
}

func TestPublisherStartFailsWithoutData(t *testing.T) {
	st := newFakeStore(t)
	st.loadErr = errors.New("disk on fire")
	if err := New(Config{Store: st}).Start(t.Context()); err == nil {
		t.Error("Start served nothing without an error")
	}
}

// The latest release is served when it was made under the service's
// base URI; one of another base is passed over.
func TestPublisherReleases(t *testing.T) {
	dir := t.TempDir()
	st := newFakeStore(t)
	const base = "https://data.test"
	p := New(Config{Store: st, DumpsDir: dir, BaseURI: base})
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	if p.Current().Release != nil {
		t.Fatal("a release before the first dump")
	}
	snap := p.Load()
	now := time.Date(2026, 12, 5, 3, 30, 0, 0, time.UTC)
	// NoPDF: the guides and profiles are not what this test is about,
	// and are most of a release's making time.
	res, err := (&dumps.Dumper{Dir: dir, BaseURI: base, Now: func() time.Time { return now }, NoPDF: true}).Release(t.Context(), snap)
	if err != nil {
		t.Fatal(err)
	}
	view := p.Current().View
	p.ReleaseChanged(t.Context())
	if got := p.Current(); got.Release == nil || got.Release.Release != res.Release || got.View != view {
		t.Fatalf("release %v served, want %s on the same read model", got.Release, res.Release)
	}
	// Another base's release becomes the folder's latest: not served;
	// the newest release of this base still is.
	if _, err := (&dumps.Dumper{Dir: dir, BaseURI: "https://elsewhere.test", Now: func() time.Time { return now }, NoPDF: true}).Release(t.Context(), snap); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Readlink(filepath.Join(dir, dumps.LatestLink)); err != nil {
		t.Fatal(err)
	}
	p.ReleaseChanged(t.Context())
	if got := p.Current().Release; got == nil || got.Release != res.Release {
		t.Errorf("release %v served, want %s", got, res.Release)
	}
	// A publisher started now finds it too.
	q := New(Config{Store: st, DumpsDir: dir, BaseURI: base})
	if err := q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := q.Current().Release; got == nil || got.Release != res.Release {
		t.Errorf("at start: release %v served, want %s", got, res.Release)
	}
}

// The first snapshot serves at once and gets its full-text indexes in
// the background; a later one is swapped in with its indexes built, and
// the one it replaced has its indexes closed after RetireAfter.
func TestPublisherFullTextIndexes(t *testing.T) {
	st := newFakeStore(t)
	p := New(Config{Store: st, RetryAfter: 10 * time.Millisecond, RetireAfter: 50 * time.Millisecond})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	first := p.Current().View
	waitFor(t, "the first snapshot's full-text index", first.FullText)
	st.commit("Renamed", false)
	if err := p.WaitForRevision(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if second := p.Current().View; !second.FullText() {
		t.Error("a new snapshot was swapped in before its full-text index was built")
	}
	waitFor(t, "the replaced snapshot's index closed", func() bool { return !first.FullText() })
	if !p.Current().View.FullText() {
		t.Error("the snapshot in force lost its index")
	}
}
