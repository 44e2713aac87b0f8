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
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

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

	text textState
}

// textState holds a View's full-text indexes, one per collection that
// has texts. They are built all at once, by PrepareSearch or on the
// first search, and put in force whole: a search uses either all of
// them, complete, or (while they are built in the background, or after
// Close) the name index alone.
type textState struct {
	once     sync.Once
	deferred atomic.Bool // searches do not wait for the build
	ready    atomic.Pointer[map[dataset.Type]*textIndex]
	err      error
	closed   atomic.Bool
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

// PrepareSearch builds the full-text indexes of the snapshot, once;
// later calls return the first one's result at once, or wait for it
// when it is under way. The publisher calls it before putting a new
// snapshot in force, so that the snapshot serves full-text search from
// its first request.
func (v *View) PrepareSearch(ctx context.Context) error {
	v.text.once.Do(func() {
		if v.text.closed.Load() {
			v.text.err = errors.New("the view is closed")
			return
		}
		// The collections are indexed at once: bleve analyses a batch on
		// several goroutines but builds its segment on one.
		type built struct {
			t   dataset.Type
			idx *textIndex
			err error
		}
		var wg sync.WaitGroup
		results := make(chan built, len(dataset.Types))
		for _, t := range dataset.Types {
			c := v.collectionOf(t)
			if c == nil || c.texts == nil {
				continue
			}
			wg.Go(func() {
				idx, err := buildTextIndex(ctx, c.ids, c.byID, c.texts)
				results <- built{t, idx, err}
			})
		}
		wg.Wait()
		close(results)
		m := map[dataset.Type]*textIndex{}
		var errs []error
		for r := range results {
			if r.err != nil {
				errs = append(errs, fmt.Errorf("build the full-text index of %s: %w", r.t.Plural(), r.err))
				continue
			}
			m[r.t] = r.idx
		}
		if len(errs) > 0 {
			for _, idx := range m {
				idx.close()
			}
			v.text.err = errors.Join(errs...)
			return
		}
		v.text.ready.Store(&m)
	})
	return v.text.err
}

// SearchInBackground makes searches answer from the name index alone
// until PrepareSearch, run by the caller (typically in a goroutine), is
// done, instead of building the full-text indexes on the first search.
// The publisher uses it for the first snapshot, so that start-up does
// not wait for the indexes.
func (v *View) SearchInBackground() { v.text.deferred.Store(true) }

// FullText reports whether searches of v read the full-text indexes
// (false while they are being built in the background, after a failed
// build, or after Close).
func (v *View) FullText() bool { return v.text.ready.Load() != nil && !v.text.closed.Load() }

// Close releases the full-text indexes; searches then answer from the
// name index. Call it once no request reads the View any more.
func (v *View) Close() {
	v.text.closed.Store(true)
	v.text.once.Do(func() {}) // waits for a build under way; forbids a later one
	if m := v.text.ready.Load(); m != nil {
		for _, idx := range *m {
			idx.close()
		}
	}
}

// textIndex returns the full-text index of collection t, or nil when
// it has none or searches are to use the name index alone for now.
func (v *View) textIndex(t dataset.Type) *textIndex {
	if v.text.closed.Load() {
		return nil
	}
	m := v.text.ready.Load()
	if m == nil {
		if v.text.deferred.Load() {
			return nil
		}
		if v.PrepareSearch(context.Background()) != nil {
			return nil
		}
		if m = v.text.ready.Load(); m == nil {
			return nil
		}
	}
	return (*m)[t]
}

// collectionOf returns the collection of type t.
func (v *View) collectionOf(t dataset.Type) *collection {
	switch t {
	case dataset.TypeMunicipality:
		return v.municipalities().collection
	case dataset.TypeCountry:
		return v.countries()
	case dataset.TypeNetwork:
		return v.networks().collection
	case dataset.TypeMembership:
		return v.memberships().collection
	case dataset.TypeApproach:
		return v.approaches().collection
	case dataset.TypeCategory:
		return v.categories()
	}
	return nil
}

// Snippets returns, for the records of type t among ids whose texts
// match the search q, the passage that matched, in lang where it can;
// records found by their names alone have none. It returns nil while
// full-text search is not in force.
func (v *View) Snippets(ctx context.Context, t dataset.Type, q string, ids []string, lang string) map[string]Snippet {
	idx := v.textIndex(t)
	if idx == nil || parseSearch(q) == nil {
		return nil
	}
	return idx.snippets(ctx, q, ids, lang)
}
