package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// addCountry commits one new country through db and returns the revision.
func addCountry(t *testing.T, db *DB, id string) int64 {
	t.Helper()
	ctx := context.Background()
	cur, rev, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(cur, &dataset.Dataset{Countries: []dataset.Country{{ID: id, Names: dataset.Names{"en": id}}}})
	if err != nil {
		t.Fatal(err)
	}
	next, err := db.Apply(ctx, rev, changes)
	if err != nil {
		t.Fatal(err)
	}
	return next
}

type waited struct {
	rev int64
	err error
}

func waitIn(ctx context.Context, db *DB, known int64) <-chan waited {
	res := make(chan waited, 1)
	go func() {
		rev, err := db.WaitForRevision(ctx, known)
		res <- waited{rev, err}
	}()
	return res
}

// A commit by another process (here a second DB on the same file, which
// shares nothing in memory with the first) reaches a waiter through the
// poller.
func TestWaitSeesOtherWriter(t *testing.T) {
	for _, tt := range []struct {
		name string
		open func(context.Context, string) (*DB, error)
	}{
		{"Open", Open},
		{"OpenReadOnly", OpenReadOnly},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			path := filepath.Join(t.TempDir(), "t.db")
			writer, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer writer.Close()
			addCountry(t, writer, "AA")
			watcher, err := tt.open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer watcher.Close()

			res := waitIn(ctx, watcher, 1)
			select {
			case r := <-res:
				t.Fatalf("WaitForRevision(1) at revision 1 returned %d, %v", r.rev, r.err)
			case <-time.After(2 * DefaultPollInterval): // the poller has run
			}
			rev := addCountry(t, writer, "BB")
			select {
			case r := <-res:
				if r.err != nil || r.rev != rev {
					t.Fatalf("WaitForRevision = %d, %v; want %d", r.rev, r.err, rev)
				}
			case <-time.After(time.Minute): // only a missed commit reaches it
				t.Fatal("a commit by another writer was not seen within a minute")
			}
		})
	}
}

// Commits through the same DB wake waiters without the poller's help.
func TestWaitWakesOnOwnCommitWithoutPolling(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.PollInterval = time.Hour // the poller checks once, at start
	res := waitIn(ctx, db, 0)
	time.Sleep(20 * time.Millisecond)
	rev := addCountry(t, db, "AA")
	select {
	case r := <-res:
		if r.err != nil || r.rev != rev {
			t.Fatalf("WaitForRevision = %d, %v; want %d", r.rev, r.err, rev)
		}
	case <-time.After(time.Minute): // only a missed wake-up reaches it
		t.Fatal("a commit through the same DB did not wake the waiter")
	}
}

// The poller runs only while someone waits, and Close stops it.
func TestPollerRunsOnlyWhileWaiting(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.PollInterval = 5 * time.Millisecond
	polling := func() bool {
		db.watch.mu.Lock()
		defer db.watch.mu.Unlock()
		return db.watch.polling
	}
	eventually := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !cond(); {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 5 s", what)
			}
			time.Sleep(time.Millisecond)
		}
	}
	if polling() {
		t.Fatal("a poller runs before anyone waits")
	}

	wctx, cancel := context.WithCancel(ctx)
	res := waitIn(wctx, db, 0)
	eventually("the poller starts for a waiter", polling)
	cancel()
	if r := <-res; !errors.Is(r.err, context.Canceled) {
		t.Fatalf("WaitForRevision after cancel = %v", r.err)
	}
	eventually("the poller stops when no one waits", func() bool { return !polling() })

	res = waitIn(ctx, db, 0)
	eventually("the poller starts again", polling)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if polling() {
		// Close waits for the poller, so it is gone by now.
		t.Error("the poller still runs after Close")
	}
	if r := <-res; !errors.Is(r.err, store.ErrClosed) {
		t.Fatalf("WaitForRevision across Close = %v, want store.ErrClosed", r.err)
	}
	if _, _, err := db.Load(ctx); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Load after Close = %v, want store.ErrClosed", err)
	}
}
