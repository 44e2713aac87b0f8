package postgres

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
)

func seedChanges(t *testing.T, cur *dataset.Dataset) []dataset.Change {
	t.Helper()
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(cur, seed)
	if err != nil {
		t.Fatal(err)
	}
	return changes
}

func terminate(t *testing.T, dbURL string) {
	t.Helper()
	if pgtest.Terminate(t, dbURL) == 0 {
		t.Fatal("no connection was terminated")
	}
}

// A replica whose connections (the listening one too) are terminated
// still sees the next commit of another replica, within 2 s, without
// being reopened.
func TestWaitForRevisionRecoversAfterLostConnections(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	follower, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer follower.Close()
	follower.PollInterval = 50 * time.Millisecond
	// Start listening, and let the listener connect.
	wctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	if _, err := follower.WaitForRevision(wctx, 0); err != context.DeadlineExceeded {
		t.Fatalf("wait on an empty store: %v, want deadline", err)
	}
	cancel()

	terminate(t, u)

	writer, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	start := time.Now()
	if _, err := writer.Apply(ctx, 0, seedChanges(t, &dataset.Dataset{})); err != nil {
		t.Fatal(err)
	}
	// The follower's first calls may meet a dead pooled connection; what
	// matters is that it sees revision 1 soon, without a restart.
	deadline := time.Now().Add(2 * time.Second)
	for {
		wctx, cancel := context.WithDeadline(ctx, deadline)
		rev, err := follower.WaitForRevision(wctx, 0)
		cancel()
		if err == nil && rev == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("follower did not see revision 1 within 2 s of the commit: rev %d, %v", rev, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("seen after %v", time.Since(start))
	if err := follower.Ping(ctx); err != nil {
		t.Fatalf("follower does not answer after recovering: %v", err)
	}
}

// Replicas starting together migrate once: the advisory lock makes the
// others wait and find the schema done.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(ctx, u)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("schema_migrations has %d rows (%v), want 1", n, err)
	}
}

func TestReadOnlyRefusesApplyAndEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	if _, err := OpenReadOnly(ctx, u); err == nil {
		t.Fatal("OpenReadOnly on an empty database succeeded")
	}
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := OpenReadOnly(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Apply(ctx, 0, seedChanges(t, &dataset.Dataset{})); err == nil {
		t.Fatal("Apply on a read-only store succeeded")
	}
}

// A commit by another replica wakes a waiter through NOTIFY: with the
// poll set to an hour, nothing else could.
func TestWaitForRevisionWakesOnNotify(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	follower, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer follower.Close()
	follower.PollInterval = time.Hour
	writer, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()

	// Let the listener connect (it wakes the waiter once when it does).
	wctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	follower.WaitForRevision(wctx, 0)
	cancel()

	type result struct {
		rev int64
		err error
		at  time.Time
	}
	got := make(chan result, 1)
	wctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	go func() {
		rev, err := follower.WaitForRevision(wctx, 0)
		got <- result{rev, err, time.Now()}
	}()
	time.Sleep(100 * time.Millisecond)
	committed := time.Now()
	if _, err := writer.Apply(ctx, 0, seedChanges(t, &dataset.Dataset{})); err != nil {
		t.Fatal(err)
	}
	r := <-got
	if r.err != nil || r.rev != 1 {
		t.Fatalf("WaitForRevision = %d, %v; want 1", r.rev, r.err)
	}
	t.Logf("woken %v after the commit", r.at.Sub(committed))
}
