package api

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/sqlite"
)

// lostWrites is a store whose writes fail as they do when the database
// connection is lost after the key was checked.
type lostWrites struct{ *sqlite.DB }

var errLost = errors.New("connection lost")

func (l lostWrites) ApplyRevision(context.Context, int64, []dataset.Change, store.Meta) (int64, error) {
	return 0, errLost
}

// A write that fails while the store does not answer (StoreCheck, as
// /readyz asks) is a 503 with Retry-After, to retry later; the same
// failure on a store that answers is a 500.
func TestWriteWhileStoreDownIs503WithRetryAfter(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	tests := []struct {
		name       string
		check      func(context.Context) error
		status     int
		retryAfter string
	}{
		{"store down", func(context.Context) error { return errLost }, http.StatusServiceUnavailable, storeRetryAfter},
		{"store up", func(context.Context) error { return nil }, http.StatusInternalServerError, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{BaseURI: testBase, RateLimit: -1, Metrics: NewRegistry(), StoreCheck: tt.check,
				Editing: &Editing{Editor: testEditor(lostWrites{a.db}, a.pub), Keys: a.db, History: a.db, Proposals: a.db}}
			h, err := New(cfg, a.pub, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			a.h = h
			before := a.revision()
			w := a.req(http.MethodPost, "/networks", a.editor, testNetwork)
			if w.Code != tt.status || w.Header().Get("Retry-After") != tt.retryAfter || w.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("write: %d, Retry-After %q, %s %s; want %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"),
					w.Header().Get("Content-Type"), w.Body, tt.status, tt.retryAfter)
			}
			if a.revision() != before {
				t.Fatal("a failed write made a revision")
			}
			// Reads go on from the snapshot.
			if w := a.req(http.MethodGet, "/countries/DE", "", ""); w.Code != http.StatusOK {
				t.Fatalf("read while writes fail: %d", w.Code)
			}
		})
	}
}
