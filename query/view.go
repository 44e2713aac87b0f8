// Package query is the read model: it answers the questions every output
// asks of a snapshot (filter, search, sort, page through a collection;
// find by Wikidata QID) and keeps whatever is derived from a snapshot
// (indexes here; rendered documents and encoded JSON elsewhere) in one
// per-snapshot cache, View, that is dropped with its snapshot.
//
// It returns record positions, IDs and totals, never encoded bytes:
// the REST API encodes JSON from a Page, the pages render HTML from it.
package query

import (
	"sync"

	"github.com/moving-cities/opendata/dataset"
)

// View is the read model of one snapshot. Everything derived from the
// snapshot is built on first use, once, and shared by every request that
// reads the same View; a new snapshot gets a new View, so nothing stale
// can be served and nothing needs invalidating.
type View struct {
	Snap *dataset.Snapshot

	mu    sync.Mutex
	cells map[any]*cell
}

type cell struct {
	mu   sync.Mutex
	done bool
	val  any
}

// NewView returns the read model of snap.
func NewView(snap *dataset.Snapshot) *View {
	return &View{Snap: snap, cells: map[any]*cell{}}
}

// Cached returns the value v holds under key, building it with build on
// first use. Concurrent callers for the same key wait for one build; a
// failed build is not kept, so the next caller tries again. Keys are
// values of types private to their users (an empty struct type, or a
// struct of parameters), so that packages cannot collide.
func Cached[T any](v *View, key any, build func() (T, error)) (T, error) {
	v.mu.Lock()
	c, ok := v.cells[key]
	if !ok {
		c = &cell{}
		v.cells[key] = c
	}
	v.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return c.val.(T), nil
	}
	val, err := build()
	if err != nil {
		var zero T
		return zero, err
	}
	c.val, c.done = val, true
	return val, nil
}

// must is Cached for builds that cannot fail.
func must[T any](v *View, key any, build func() T) T {
	x, _ := Cached(v, key, func() (T, error) { return build(), nil })
	return x
}
