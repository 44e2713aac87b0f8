package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/moving-cities/opendata/store"
)

// watcher tells waiting goroutines that the revision may have moved.
// Commits through this DB wake them at once; commits by other processes
// are noticed by a poller, which runs only while someone waits.
type watcher struct {
	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every possible change
	closed  chan struct{} // closed by Close
	done    bool          // Close was called
	waiters int
	polling bool           // a poller goroutine runs
	pollers sync.WaitGroup // Close waits for them
	ctx     context.Context
	cancel  context.CancelFunc // ends the pollers' queries on Close
}

func (w *watcher) init() {
	w.changed = make(chan struct{})
	w.closed = make(chan struct{})
	w.ctx, w.cancel = context.WithCancel(context.Background())
}

// notify wakes every waiter; each rereads the revision.
func (w *watcher) notify() {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.changed)
	w.changed = make(chan struct{})
}

// wake returns the channel the next notify closes.
func (w *watcher) wake() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.changed
}

func (w *watcher) isClosed() bool {
	select {
	case <-w.closed:
		return true
	default:
		return false
	}
}

// close marks the watcher closed, wakes waiters and waits for the
// pollers to stop. It reports false if it was closed already.
func (w *watcher) close() bool {
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return false
	}
	w.done = true
	close(w.closed)
	w.mu.Unlock()
	w.cancel()
	w.pollers.Wait()
	return true
}

// Revision implements store.Store.
func (s *DB) Revision(ctx context.Context) (int64, error) {
	if err := s.open(); err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	rev, err := revision(ctx, s.r)
	if err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	return rev, nil
}

// WaitForRevision implements store.Store. Commits through s wake it at
// once; commits by other processes are seen within about PollInterval.
func (s *DB) WaitForRevision(ctx context.Context, known int64) (int64, error) {
	if err := s.join(); err != nil {
		return 0, fmt.Errorf("wait for revision: %w", err)
	}
	defer s.leave()
	for {
		// Take the channel before reading, so that a commit after the
		// read closes it and is not missed.
		wake := s.watch.wake()
		rev, err := s.Revision(ctx)
		switch {
		case err == nil && rev != known:
			return rev, nil
		case ctx.Err() != nil:
			return 0, ctx.Err()
		case s.watch.isClosed():
			return 0, fmt.Errorf("wait for revision: %w", store.ErrClosed)
		case err != nil:
			return 0, fmt.Errorf("wait for revision: %w", err)
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-s.watch.closed:
			return 0, fmt.Errorf("wait for revision: %w", store.ErrClosed)
		}
	}
}

// join counts a waiter and starts the poller if none runs.
func (s *DB) join() error {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return store.ErrClosed
	}
	w.waiters++
	if !w.polling {
		w.polling = true
		w.pollers.Add(1)
		go s.poll(s.pollInterval())
	}
	return nil
}

func (s *DB) leave() {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waiters--
}

func (s *DB) pollInterval() time.Duration {
	if s.PollInterval > 0 {
		return s.PollInterval
	}
	return DefaultPollInterval
}

// poll watches for commits by other connections until no one waits or
// the DB is closed. It keeps one reader connection, because PRAGMA
// data_version is per connection: it changes when another connection has
// committed since this one last asked. Only then is the revision read.
func (s *DB) poll(interval time.Duration) {
	w := &s.watch
	defer w.pollers.Done()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	var p *poller
	defer func() {
		if p != nil {
			p.conn.Close()
		}
	}()
	for {
		if p == nil {
			// (Re)start from a fresh baseline. A commit may have landed
			// between a waiter's read and this baseline, so wake them all
			// to read again.
			var err error
			if p, err = newPoller(w.ctx, s.r); err == nil {
				w.notify()
			}
		} else if moved, err := p.check(w.ctx); err != nil {
			p.conn.Close()
			p = nil // retry on the next tick
		} else if moved {
			w.notify()
		}
		select {
		case <-w.closed:
			w.mu.Lock()
			w.polling = false
			w.mu.Unlock()
			return
		case <-tick.C:
		}
		w.mu.Lock()
		if w.waiters == 0 {
			w.polling = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
	}
}

type poller struct {
	conn     *sql.Conn
	version  int64 // PRAGMA data_version last seen
	revision int64
}

func newPoller(ctx context.Context, db *sql.DB) (*poller, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	p := &poller{conn: conn}
	// The version first: a commit after it, even one before the revision
	// is read, changes it again.
	if p.version, err = p.dataVersion(ctx); err == nil {
		p.revision, err = revision(ctx, conn)
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return p, nil
}

func (p *poller) dataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := p.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	return v, err
}

// check reports whether the revision moved since the last check.
func (p *poller) check(ctx context.Context) (bool, error) {
	v, err := p.dataVersion(ctx)
	if err != nil || v == p.version {
		return false, err
	}
	rev, err := revision(ctx, p.conn)
	if err != nil {
		return false, err
	}
	p.version = v
	moved := rev != p.revision
	p.revision = rev
	return moved, nil
}
