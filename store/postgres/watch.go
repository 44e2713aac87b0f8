package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/moving-cities/opendata/store"
)

// watcher wakes WaitForRevision callers. One goroutine per DB, started by
// the first waiter, holds a connection that LISTENs on Channel: every
// NOTIFY wakes the waiters, who read the revision themselves. When that
// connection is lost it wakes them every PollInterval (a poll) while it
// reconnects, so a commit made meanwhile is still seen.
type watcher struct {
	db      *DB
	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every possible change
	closed  chan struct{}
	done    bool
	running bool
	wg      sync.WaitGroup
	ctx     context.Context
	cancel  context.CancelFunc
}

func (w *watcher) init(db *DB) {
	w.db = db
	w.changed = make(chan struct{})
	w.closed = make(chan struct{})
	w.ctx, w.cancel = context.WithCancel(context.Background())
}

func (w *watcher) notify() {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.changed)
	w.changed = make(chan struct{})
}

// saw is called after this process committed rev.
func (w *watcher) saw(int64) { w.notify() }

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
	w.wg.Wait()
	return true
}

func (w *watcher) start() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return store.ErrClosed
	}
	if !w.running {
		w.running = true
		w.wg.Add(1)
		go w.listen()
	}
	return nil
}

func (s *DB) pollInterval() time.Duration {
	if s.PollInterval > 0 {
		return s.PollInterval
	}
	return DefaultPollInterval
}

// listen runs until Close.
func (w *watcher) listen() {
	defer w.wg.Done()
	interval := w.db.pollInterval()
	for w.ctx.Err() == nil {
		conn, err := w.connect()
		if err != nil {
			// Poll: waiters re-read the revision (or see the error).
			w.notify()
			select {
			case <-w.ctx.Done():
			case <-time.After(interval):
			}
			continue
		}
		// A commit may have happened while no one listened.
		w.notify()
		for {
			ctx, cancel := context.WithTimeout(w.ctx, 10*interval)
			_, err := conn.WaitForNotification(ctx)
			cancel()
			if err == nil || errors.Is(err, context.DeadlineExceeded) && w.ctx.Err() == nil {
				w.notify() // a NOTIFY, or the safety-net poll
				continue
			}
			break // lost connection or Close
		}
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closeCtx)
		cancel()
	}
}

func (w *watcher) connect() (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(w.ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, w.db.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{Channel}.Sanitize()); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}

// revisionTimeout bounds each revision check of WaitForRevision.
const revisionTimeout = 5 * time.Second

// WaitForRevision implements store.Store.
func (s *DB) WaitForRevision(ctx context.Context, known int64) (int64, error) {
	if err := s.watch.start(); err != nil {
		return 0, fmt.Errorf("wait for revision: %w", err)
	}
	for {
		wake := s.watch.wake()
		// Bounded: a database behind a cut network may never answer, and
		// the caller (the publisher) should hear of it and retry.
		rctx, cancel := context.WithTimeout(ctx, revisionTimeout)
		rev, err := s.Revision(rctx)
		cancel()
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
