// Package storetest is the conformance suite every store.Store
// implementation passes: the SQLite store today, PostgreSQL later.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// Opener returns a new, empty store whose clock is now; the suite closes it.
type Opener func(t *testing.T, now func() time.Time) store.Store

// Run runs the suite against stores from open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		run  func(t *testing.T, open Opener)
	}{
		{"EmptyStoreLoadsNothing", testEmpty},
		{"ApplyThenLoadRoundTrips", testRoundTrip},
		{"ChangeKeepsCreatedAndMovesModified", testChange},
		{"RetireKeepsTombstone", testRetire},
		{"StaleRevisionConflicts", testConflict},
		{"NoChangesIsAnError", testNoChanges},
		{"FailedApplyWritesNothing", testAllOrNothing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open) })
	}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newClock() *clock { return &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func sample(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// apply merges in over the loaded state and applies the changes.
func apply(t *testing.T, st store.Store, in *dataset.Dataset) (int64, []dataset.Change) {
	t.Helper()
	ctx := context.Background()
	cur, rev, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(cur, in)
	if err != nil {
		t.Fatal(err)
	}
	next, err := st.Apply(ctx, rev, changes)
	if err != nil {
		t.Fatal(err)
	}
	return next, changes
}

func testEmpty(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	d, rev, err := st.Load(context.Background())
	if err != nil || rev != 0 || d.Len() != 0 {
		t.Fatalf("Load of empty store = %d records, revision %d, %v", d.Len(), rev, err)
	}
}

func withoutStamps(t *testing.T, d *dataset.Dataset) string {
	t.Helper()
	c := *d
	clear := func(s *dataset.Stamps) { *s = dataset.Stamps{} }
	c.Municipalities = append([]dataset.Municipality(nil), d.Municipalities...)
	for i := range c.Municipalities {
		clear(&c.Municipalities[i].Stamps)
	}
	c.Countries = append([]dataset.Country(nil), d.Countries...)
	for i := range c.Countries {
		clear(&c.Countries[i].Stamps)
	}
	c.Networks = append([]dataset.Network(nil), d.Networks...)
	for i := range c.Networks {
		clear(&c.Networks[i].Stamps)
	}
	c.Memberships = append([]dataset.Membership(nil), d.Memberships...)
	for i := range c.Memberships {
		clear(&c.Memberships[i].Stamps)
	}
	c.Approaches = append([]dataset.Approach(nil), d.Approaches...)
	for i := range c.Approaches {
		clear(&c.Approaches[i].Stamps)
	}
	c.Categories = append([]dataset.Category(nil), d.Categories...)
	for i := range c.Categories {
		clear(&c.Categories[i].Stamps)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testRoundTrip(t *testing.T, open Opener) {
	clk := newClock()
	st := open(t, clk.now)
	in := sample(t)
	rev, changes := apply(t, st, in)
	if rev != 1 || len(changes) != in.Len() {
		t.Fatalf("first apply: revision %d with %d changes, want 1 with %d", rev, len(changes), in.Len())
	}
	got, gotRev, err := st.Load(context.Background())
	if err != nil || gotRev != 1 {
		t.Fatalf("Load = revision %d, %v", gotRev, err)
	}
	want, _, _ := dataset.Merge(&dataset.Dataset{}, in) // sorted like the store's output
	if a, b := withoutStamps(t, got), withoutStamps(t, want); a != b {
		t.Errorf("loaded data differs from applied data")
	}
	for _, m := range got.Municipalities {
		if !m.Created.Equal(clk.t) || !m.Modified.Equal(clk.t) {
			t.Fatalf("%s stamps = %v/%v, want %v", m.ID, m.Created, m.Modified, clk.t)
		}
	}
	if err := got.Validate(); err != nil {
		t.Errorf("loaded data is not valid: %v", err)
	}
}

func testChange(t *testing.T, open Opener) {
	clk := newClock()
	st := open(t, clk.now)
	apply(t, st, sample(t))
	created := clk.t
	clk.t = clk.t.Add(time.Hour)
	cur, _, _ := st.Load(context.Background())
	m := cur.Municipalities[0]
	m.Summary = dataset.Text{"en": "A changed summary."}
	rev, changes := apply(t, st, &dataset.Dataset{Municipalities: []dataset.Municipality{m}})
	if rev != 2 || len(changes) != 1 || changes[0].Kind != dataset.Changed {
		t.Fatalf("change: revision %d, changes %+v", rev, changes)
	}
	got, _, _ := st.Load(context.Background())
	g := got.Municipalities[0]
	if g.Summary["en"] != "A changed summary." || !g.Created.Equal(created) || !g.Modified.Equal(clk.t) {
		t.Errorf("after change: summary %q created %v modified %v", g.Summary["en"], g.Created, g.Modified)
	}
	if !got.Municipalities[1].Modified.Equal(created) {
		t.Errorf("an unchanged record's modified time moved")
	}
}

func testRetire(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	in := sample(t)
	apply(t, st, in)
	// Retire an approach no other record refers to.
	var target string
	related := map[string]bool{}
	for _, a := range in.Approaches {
		for _, r := range a.Related {
			related[r] = true
		}
	}
	for _, a := range in.Approaches {
		if !related[a.ID] && len(a.Related) == 0 {
			target = a.ID
			break
		}
	}
	rev, _ := apply(t, st, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeApproach, ID: target, Reason: "duplicate entry"}}})
	got, gotRev, _ := st.Load(context.Background())
	if gotRev != rev {
		t.Fatalf("revision %d, want %d", gotRev, rev)
	}
	for _, a := range got.Approaches {
		if a.ID == target {
			t.Fatalf("retired approach %s still loaded", target)
		}
	}
	if len(got.Retired) != 1 || got.Retired[0].ID != target || got.Retired[0].Reason != "duplicate entry" || got.Retired[0].Retired.IsZero() {
		t.Fatalf("tombstones = %+v", got.Retired)
	}
}

func testConflict(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	rev, changes := apply(t, st, sample(t))
	_, err := st.Apply(context.Background(), rev-1, changes[:1])
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("Apply on a stale revision: %v, want ErrConflict", err)
	}
	if _, got, _ := st.Load(context.Background()); got != rev {
		t.Fatalf("revision moved to %d after a conflict", got)
	}
}

func testNoChanges(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	if _, err := st.Apply(context.Background(), 0, nil); !errors.Is(err, store.ErrNoChanges) {
		t.Fatalf("Apply(nil) = %v, want ErrNoChanges", err)
	}
}

func testAllOrNothing(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	in := sample(t)
	_, changes, err := dataset.Merge(&dataset.Dataset{}, in)
	if err != nil {
		t.Fatal(err)
	}
	// A change the store cannot write, after many it can.
	bad := append(changes[:len(changes):len(changes)], dataset.Change{Kind: dataset.Added, Type: "bogus", ID: "x", Record: struct{}{}})
	if _, err := st.Apply(context.Background(), 0, bad); err == nil {
		t.Fatal("Apply with an unwritable change succeeded")
	}
	d, rev, err := st.Load(context.Background())
	if err != nil || rev != 0 || d.Len() != 0 {
		t.Fatalf("after a failed apply: %d records at revision %d (%v); want nothing written", d.Len(), rev, err)
	}
}
