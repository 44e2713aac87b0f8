package cms

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
)

// TestOneReplicaRunsEachScheduledSync: two replicas on one PostgreSQL
// database are woken by the same schedule. While the first syncs (its
// first request to the CMS held open), the second skips the run without
// asking the CMS anything; once the first is done, the lock is free again.
func TestOneReplicaRunsEachScheduledSync(t *testing.T) {
	dbURL := pgtest.FreshURL(t)
	ctx := context.Background()
	f := &fakeStrapi{collections: loadFixture(t)}
	var requests atomic.Int64
	started, proceed := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 1 {
			close(started)
			<-proceed
		}
		f.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	replica := func(seed func() (*dataset.Dataset, error)) (*Scheduler, *postgres.DB, *bytes.Buffer) {
		db, err := postgres.Open(ctx, dbURL)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := ingest.Open(ctx, db, seed, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
		snaps := fixedSnapshots{func() *dataset.Snapshot {
			snap, err := ingest.Open(ctx, db, nil, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Error(err)
			}
			return snap
		}}
		var logs bytes.Buffer
		s, err := NewScheduler(&Client{Base: srv.URL, PageSize: 2}, db, snaps, "", slog.New(slog.NewTextHandler(&logs, nil)))
		if err != nil {
			t.Fatal(err)
		}
		s.Leader = LeaderFunc(db.TryLeadCMSSync)
		return s, db, &logs
	}
	a, db, _ := replica(dataset.Seed)
	b, _, bLogs := replica(nil)

	done := make(chan error, 1)
	go func() { done <- a.RunNow() }()
	<-started
	if err := b.RunNow(); err != nil {
		t.Fatalf("the second replica's run: %v", err)
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("the CMS got %d requests while the first replica's first was held, want 1: the second replica asked too", n)
	}
	if !strings.Contains(bLogs.String(), "another replica is running it") {
		t.Errorf("the second replica did not log its skip: %s", bLogs)
	}
	close(proceed)
	if err := <-done; err != nil {
		t.Fatalf("the first replica's run: %v", err)
	}
	rev, err := db.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rev != 2 {
		t.Fatalf("revision %d after one sync of the seed, want 2", rev)
	}
	if st := b.Stats(); st.Changed+st.Unchanged+st.Failed != 0 {
		t.Errorf("the second replica counted a run it skipped: %+v", st)
	}
	// The lock went with the first run: the next run, on either replica,
	// syncs (and finds nothing to change).
	if err := b.RunNow(); err != nil {
		t.Fatal(err)
	}
	if st := b.Stats(); st.Unchanged != 1 {
		t.Errorf("the second replica's next run: %+v, want one unchanged run", st)
	}
}
