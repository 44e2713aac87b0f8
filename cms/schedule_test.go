package cms

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

type fixedSnapshots struct{ snap func() *dataset.Snapshot }

func (f fixedSnapshots) Load() *dataset.Snapshot { return f.snap() }

// TestSchedulerKeepsLastGoodData: a scheduled run that meets a broken CMS
// logs the failure and writes nothing; the next good run syncs.
func TestSchedulerKeepsLastGoodData(t *testing.T) {
	db, _ := openSeeded(t)
	f, srv := newFake(t)
	var logs bytes.Buffer
	s, err := NewScheduler(&Client{Base: srv.URL, PageSize: 2}, db, fixedSnapshots{func() *dataset.Snapshot { return reload(t, db) }}, "", slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	f.override = func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
	if err := s.RunNow(); err == nil || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("run against a CMS that is down: %v", err)
	}
	if rev := reload(t, db).Revision; rev != 1 {
		t.Fatalf("revision %d after a failed run, want 1", rev)
	}
	if !strings.Contains(logs.String(), "serving the last good data") {
		t.Errorf("the failure was not logged: %s", logs.String())
	}
	f.mu.Lock()
	f.override = nil
	f.mu.Unlock()
	if err := s.RunNow(); err != nil {
		t.Fatal(err)
	}
	if rev := reload(t, db).Revision; rev != 2 {
		t.Fatalf("revision %d after a good run, want 2", rev)
	}
	if err := s.RunNow(); err != nil {
		t.Fatal(err)
	}
	st := s.Stats()
	if st.Failed != 1 || st.Changed != 1 || st.Unchanged != 1 || st.LastFailure.IsZero() || st.LastSuccess.Before(st.LastFailure) {
		t.Errorf("stats %+v, want one failed, one changed and one unchanged run, the success last", st)
	}
	s.Start()
	// Long: it only matters if Stop hangs, and a loaded machine is slow.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestSchedulerRefusesBadSpec(t *testing.T) {
	_, err := NewScheduler(&Client{}, nil, nil, "every hour", slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), `cms sync schedule "every hour"`) {
		t.Fatalf("err = %v", err)
	}
}
