// Package publish owns what the service serves: the snapshot of the
// store's latest revision, with its read model, and the latest release
// of dumps made from it. A Publisher follows the store (commits by this
// process or any other) and the dumps folder, builds the new snapshot
// beside the one in force and swaps it in whole: a reader never sees a
// half-built state, and a build that fails leaves the old one serving.
//
// Every output reads the State in force: the REST API, the documents,
// the pages, the catalogue, the nightly dump. Whatever they derive from
// it is cached in its read model (query.View), so nothing outlives the
// snapshot it was made from.
package publish

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/query"
)

// State is what is served at one moment. It is immutable: a change makes
// a new State.
type State struct {
	// View is the read model of the snapshot in force.
	View *query.View
	// Release is the latest dump release made under the service's base
	// URI, or nil when there is none.
	Release *dumps.Manifest
}

// Snapshot is the snapshot in force.
func (s *State) Snapshot() *dataset.Snapshot { return s.View.Snap }

// Store is what a Publisher reads of the store.
type Store interface {
	Load(ctx context.Context) (*dataset.Dataset, int64, error)
	Revision(ctx context.Context) (int64, error)
	WaitForRevision(ctx context.Context, known int64) (int64, error)
}

// Config is what a Publisher follows.
type Config struct {
	Store Store
	// DumpsDir is the folder of dump releases; empty: none.
	DumpsDir string
	// BaseURI is the service's base: a release made under another base
	// holds other IRIs and is not served as the latest.
	BaseURI string
	// ReleasePoll is how often the dumps folder is checked for a release
	// made by another process; 0 means 5 s.
	ReleasePoll time.Duration
	// RetryAfter is the pause after a failed build or a lost store before
	// the next try; 0 means 2 s.
	RetryAfter time.Duration
	// RetireAfter is how long a replaced snapshot's full-text indexes are
	// kept for the requests that were reading it; 0 means 1 min.
	RetireAfter time.Duration
	Log         *slog.Logger
}

// Publisher follows the store and the dumps folder and holds the State
// in force. Use New, then Start.
type Publisher struct {
	cfg     Config
	archive *dumps.Archive
	cur     atomic.Pointer[State]
	metrics Metrics

	// mu serialises building a new State: the follow loop, Refresh and
	// release updates never build at once.
	mu sync.Mutex
	// changed is closed and replaced whenever a new State is in force.
	changedMu sync.Mutex
	changed   chan struct{}
	// seenLatest is the folder's latest release at the last look.
	seenLatest string
}

// New returns a Publisher for cfg. It serves nothing until Start.
func New(cfg Config) *Publisher {
	if cfg.ReleasePoll == 0 {
		cfg.ReleasePoll = 5 * time.Second
	}
	if cfg.RetryAfter == 0 {
		cfg.RetryAfter = 2 * time.Second
	}
	if cfg.RetireAfter == 0 {
		cfg.RetireAfter = time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	p := &Publisher{cfg: cfg, archive: dumps.Open(cfg.DumpsDir), changed: make(chan struct{})}
	p.metrics.p = p
	return p
}

// Current returns the State in force, or nil before the first snapshot.
func (p *Publisher) Current() *State { return p.cur.Load() }

// Load returns the snapshot in force, or nil before the first; the dumps
// scheduler reads it.
func (p *Publisher) Load() *dataset.Snapshot {
	if s := p.cur.Load(); s != nil {
		return s.View.Snap
	}
	return nil
}

// Metrics returns the publisher's counters.
func (p *Publisher) Metrics() *Metrics { return &p.metrics }

// Start builds the first State from the store, synchronously, and then
// follows the store and the dumps folder until ctx ends.
func (p *Publisher) Start(ctx context.Context) error {
	if err := p.Refresh(ctx); err != nil {
		return err
	}
	go p.follow(ctx)
	go p.watchReleases(ctx)
	return nil
}

// Refresh loads the store's latest revision, when it is not the one in
// force, and reads the latest release. A failure leaves the State in
// force as it was.
func (p *Publisher) Refresh(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	cur := p.cur.Load()
	rev, err := p.cfg.Store.Revision(ctx)
	if err != nil {
		return p.failed(ctx, fmt.Errorf("read the store's revision: %w", err))
	}
	view := (*query.View)(nil)
	background := false
	if cur != nil && cur.View.Snap.Revision == rev {
		view = cur.View
	} else {
		start := time.Now()
		snap, err := p.build(ctx)
		if err != nil {
			return p.failed(ctx, err)
		}
		view = query.NewView(snap)
		p.metrics.built(snap, time.Since(start))
		p.cfg.Log.InfoContext(ctx, "snapshot published", "revision", snap.Revision,
			"records", snapRecords(snap), "build_ms", time.Since(start).Milliseconds())
		// The full-text indexes of a new snapshot are built while the
		// previous one serves, so that it is searched whole from its first
		// request. The first snapshot has no previous one: it serves at
		// once, searching names alone until its indexes are built.
		if cur == nil {
			view.SearchInBackground()
			background = true
		} else {
			p.prepareSearch(ctx, view)
		}
	}
	rel := p.latestRelease(ctx)
	if cur != nil && cur.View == view && sameRelease(cur.Release, rel) {
		return nil
	}
	p.swap(&State{View: view, Release: rel})
	if background {
		go p.prepareSearch(context.WithoutCancel(ctx), view)
	}
	if cur != nil && cur.View != view {
		// Requests that took the old State before the swap may still be
		// searching it.
		time.AfterFunc(p.cfg.RetireAfter, cur.View.Close)
	}
	return nil
}

// prepareSearch builds the full-text indexes of view. A failure is
// logged, not returned: the snapshot is still served, searching names.
func (p *Publisher) prepareSearch(ctx context.Context, view *query.View) {
	start := time.Now()
	if err := view.PrepareSearch(ctx); err != nil {
		p.cfg.Log.ErrorContext(ctx, "full-text index not built; searching names only", "revision", view.Snap.Revision, "err", err)
		return
	}
	p.metrics.searchBuilt(time.Since(start))
	p.cfg.Log.InfoContext(ctx, "full-text index built", "revision", view.Snap.Revision, "build_ms", time.Since(start).Milliseconds())
}

func sameRelease(a, b *dumps.Manifest) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Release == b.Release
}

// build loads the store and makes a snapshot of it.
func (p *Publisher) build(ctx context.Context) (*dataset.Snapshot, error) {
	d, rev, err := p.cfg.Store.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("load the store: %w", err)
	}
	// Validating and indexing both only read d: they run at once, on two
	// cores, and the snapshot is dropped if the data is not valid. Done
	// one after the other they were a third of start-up at 100k
	// municipalities (issue 18). d is the snapshot's alone: SnapshotOf
	// keeps its records rather than copies.
	var snap *dataset.Snapshot
	var wg sync.WaitGroup
	wg.Go(func() { snap = dataset.SnapshotOf(d, rev) })
	err = d.Validate()
	wg.Wait()
	if err != nil {
		// Stored data was valid when written: failing here means the
		// database was edited by hand or validation grew stricter.
		return nil, fmt.Errorf("stored data at revision %d is not valid: %w", rev, err)
	}
	return snap, nil
}

func (p *Publisher) failed(ctx context.Context, err error) error {
	p.metrics.failed()
	rev := int64(-1)
	if cur := p.cur.Load(); cur != nil {
		rev = cur.View.Snap.Revision
	}
	p.cfg.Log.ErrorContext(ctx, "snapshot not published; still serving the previous one", "err", err, "serving_revision", rev)
	return err
}

// swap puts s in force and wakes whoever waits for a change.
func (p *Publisher) swap(s *State) {
	p.cur.Store(s)
	p.changedMu.Lock()
	close(p.changed)
	p.changed = make(chan struct{})
	p.changedMu.Unlock()
}

// Changed returns a channel closed at the next change of State.
func (p *Publisher) Changed() <-chan struct{} {
	p.changedMu.Lock()
	defer p.changedMu.Unlock()
	return p.changed
}

// WaitForRevision waits until the State in force holds revision rev or
// a later one, or ctx ends.
func (p *Publisher) WaitForRevision(ctx context.Context, rev int64) error {
	for {
		ch := p.Changed()
		if s := p.cur.Load(); s != nil && s.View.Snap.Revision >= rev {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// follow publishes every new revision of the store until ctx ends.
func (p *Publisher) follow(ctx context.Context) {
	for {
		known := int64(0)
		if s := p.cur.Load(); s != nil {
			known = s.View.Snap.Revision
		}
		_, err := p.cfg.Store.WaitForRevision(ctx, known)
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			err = p.Refresh(ctx)
		} else {
			p.failed(ctx, fmt.Errorf("follow the store: %w", err))
		}
		if err != nil && !sleep(ctx, p.cfg.RetryAfter) {
			return
		}
	}
}

// watchReleases looks for a new release in the dumps folder now and
// then: one made by another process, or by the scheduler of this one.
func (p *Publisher) watchReleases(ctx context.Context) {
	if p.cfg.DumpsDir == "" {
		return
	}
	t := time.NewTicker(p.cfg.ReleasePoll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.ReleaseChanged(ctx)
		}
	}
}

// ReleaseChanged reads the latest release again and publishes it if it
// is not the one in force; the dumps scheduler calls it after a run.
func (p *Publisher) ReleaseChanged(ctx context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	cur := p.cur.Load()
	if cur == nil {
		return
	}
	rel := p.latestRelease(ctx)
	if !sameRelease(cur.Release, rel) {
		p.swap(&State{View: cur.View, Release: rel})
		name := ""
		if rel != nil {
			name = rel.Release
		}
		p.cfg.Log.InfoContext(ctx, "release published", "release", name)
	}
}

// latestRelease is the manifest of the newest release made under this
// base URI, or nil when there is none or it cannot be read. A release
// made under another base (the CLI run with other flags) is passed
// over: its IRIs would not resolve here. It is called with p.mu held.
func (p *Publisher) latestRelease(ctx context.Context) *dumps.Manifest {
	if p.cfg.DumpsDir == "" {
		return nil
	}
	name, err := p.archive.Latest()
	if err != nil {
		if !errors.Is(err, dumps.ErrNotFound) {
			p.cfg.Log.WarnContext(ctx, "latest release unreadable", "dir", p.cfg.DumpsDir, "err", err)
		}
		return nil
	}
	cur := p.cur.Load()
	if cur != nil && name == p.seenLatest {
		return cur.Release // the folder has not changed since the last look
	}
	m, err := p.archive.Manifest(name)
	if err != nil {
		p.cfg.Log.WarnContext(ctx, "latest release unreadable", "release", name, "err", err)
		return nil
	}
	p.seenLatest = name
	if m.BaseURI == p.cfg.BaseURI {
		return m
	}
	p.cfg.Log.WarnContext(ctx, "latest release was made under another base URI; serving the newest made under this one",
		"release", name, "release_base_uri", m.BaseURI, "base_uri", p.cfg.BaseURI)
	all, err := p.archive.Releases()
	if err != nil {
		p.cfg.Log.WarnContext(ctx, "releases unreadable", "dir", p.cfg.DumpsDir, "err", err)
		return nil
	}
	for _, m := range all { // newest first
		if m.BaseURI == p.cfg.BaseURI {
			return m
		}
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func snapRecords(s *dataset.Snapshot) int {
	return len(s.Countries) + len(s.Categories) + len(s.Networks) + len(s.Municipalities) +
		len(s.Memberships) + len(s.Approaches)
}
