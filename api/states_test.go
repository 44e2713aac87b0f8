package api

import (
	"log/slog"
	"net/http"
	"sync"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/publish"
	"github.com/moving-cities/opendata/query"
)

// testStates is a States over a snapshot the test may swap (Store), with
// the latest release of a dumps folder (dir, when set) read on every
// request, as the publisher would find it, when made under base.
type testStates struct {
	mu        sync.Mutex
	view      *query.View
	dir, base string
}

func (ts *testStates) Store(snap *dataset.Snapshot) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.view = query.NewView(snap)
}

func (ts *testStates) Load() *dataset.Snapshot {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.view == nil {
		return nil
	}
	return ts.view.Snap
}

func (ts *testStates) Current() *publish.State {
	ts.mu.Lock()
	v := ts.view
	ts.mu.Unlock()
	if v == nil {
		return nil
	}
	st := &publish.State{View: v}
	if ts.dir != "" {
		a := dumps.Open(ts.dir)
		if name, err := a.Latest(); err == nil {
			if m, err := a.Manifest(name); err == nil && (ts.base == "" || m.BaseURI == ts.base) {
				st.Release = m
			}
		}
	}
	return st
}

func mustServer(t testing.TB, cfg Config, states States) *Server {
	t.Helper()
	s, err := NewServer(cfg, states, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustNew(t testing.TB, cfg Config, states States) http.Handler {
	t.Helper()
	h, err := New(cfg, states, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return h
}
