// Package storetest is the conformance suite every store.Store
// implementation passes: the SQLite store today, PostgreSQL later.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// Opener returns a new, empty store whose clock is now; the suite closes
// it, maybe twice (a test may close it early, then the cleanup does).
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
		{"GivenStampsKeptOnlyWhenAsked", testKeepStamps},
		{"RetireKeepsTombstone", testRetire},
		{"StampsAreWholeSecondsUTC", testStampPrecision},
		{"StaleRevisionConflicts", testConflict},
		{"NoChangesIsAnError", testNoChanges},
		{"FailedApplyWritesNothing", testAllOrNothing},
		{"RevisionStartsAtZeroAndMovesWithApply", testRevision},
		{"WaitForStaleRevisionReturnsAtOnce", testWaitStale},
		{"WaitForRevisionBlocksUntilApply", testWaitBlocks},
		{"WaitForRevisionWakesEveryWaiter", testWaitWakesAll},
		{"WaitForRevisionEndsWithContext", testWaitContext},
		{"CloseEndsWaitForRevision", testWaitClose},
		{"ExportRestoreCopiesEverything", testCopy},
		{"LoadWhileWritingIsOneRevision", testLoadWhileWriting},
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

// testKeepStamps: the seed's records are dated by when their facts were
// gathered (dataset.Change.KeepStamps); any other change is stamped by
// the store's clock whatever stamps the record brings.
func testKeepStamps(t *testing.T, open Opener) {
	clk := newClock()
	st := open(t, clk.now)
	in := sample(t)
	gathered := time.Date(2020, 5, 6, 7, 8, 9, 500, time.FixedZone("CEST", 2*3600))
	in.Municipalities[0].Created = gathered
	in.Municipalities[0].Modified = time.Time{} // none given: the created time
	in.Municipalities[1].Created = gathered
	in.Municipalities[1].Modified = gathered.Add(48 * time.Hour)
	in.Municipalities[2].Created = gathered
	_, changes, err := dataset.MergeDated(&dataset.Dataset{}, in)
	if err != nil {
		t.Fatal(err)
	}
	for i := range changes {
		if changes[i].Type == dataset.TypeMunicipality && changes[i].ID == in.Municipalities[2].ID {
			changes[i].KeepStamps = false // not asked to keep them
		}
	}
	if _, err := st.Apply(context.Background(), 0, changes); err != nil {
		t.Fatal(err)
	}
	got, _, err := st.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]dataset.Stamps{
		in.Municipalities[0].ID: {Created: dataset.Stamp(gathered), Modified: dataset.Stamp(gathered)},
		in.Municipalities[1].ID: {Created: dataset.Stamp(gathered), Modified: dataset.Stamp(gathered.Add(48 * time.Hour))},
		in.Municipalities[2].ID: {Created: clk.t, Modified: clk.t},
	}
	for _, m := range got.Municipalities {
		if w, ok := want[m.ID]; ok && (!m.Created.Equal(w.Created) || !m.Modified.Equal(w.Modified) || m.Created.Location() != time.UTC) {
			t.Errorf("%s stamps = %v/%v, want %v/%v", m.ID, m.Created, m.Modified, w.Created, w.Modified)
		}
	}
	// A later change of a kept record is stamped by the clock as usual.
	clk.t = clk.t.Add(time.Hour)
	m := got.Municipalities[0]
	m.Summary = dataset.Text{"en": "A changed summary."}
	apply(t, st, &dataset.Dataset{Municipalities: []dataset.Municipality{m}})
	again, _, _ := st.Load(context.Background())
	if g := again.Municipalities[0]; !g.Created.Equal(dataset.Stamp(gathered)) || !g.Modified.Equal(clk.t) {
		t.Errorf("after a change: %v/%v, want created %v modified %v", g.Created, g.Modified, dataset.Stamp(gathered), clk.t)
	}
}

func testRetire(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	in := sample(t)
	apply(t, st, in)
	target := unrelatedApproach(in)
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

// testStampPrecision: a clock with nanoseconds in another zone still
// gives stamps in UTC whole seconds (dataset.Stamp), so every output of
// the same record says the same instant (issue 17).
func testStampPrecision(t *testing.T, open Opener) {
	clk := &clock{t: time.Date(2026, 12, 5, 12, 36, 4, 262796980, time.FixedZone("CET", 3600))}
	st := open(t, clk.now)
	in := sample(t)
	apply(t, st, in)
	clk.t = clk.t.Add(90*time.Minute + 123456*time.Nanosecond)
	apply(t, st, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeApproach, ID: unrelatedApproach(in), Reason: "duplicate entry"}}})
	got, _, err := st.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 12, 5, 11, 36, 4, 0, time.UTC)
	check := func(what string, at, want time.Time) {
		t.Helper()
		if !at.Equal(want) || at.Nanosecond() != 0 || at.Location() != time.UTC {
			t.Errorf("%s = %s, want %s", what, at.Format(time.RFC3339Nano), want.Format(time.RFC3339Nano))
		}
	}
	for _, m := range got.Municipalities {
		check(m.ID+" created", m.Created, want)
		check(m.ID+" modified", m.Modified, want)
	}
	if len(got.Retired) != 1 {
		t.Fatalf("tombstones = %+v", got.Retired)
	}
	check("retired", got.Retired[0].Retired, want.Add(90*time.Minute))
}

// unrelatedApproach is an approach no other record refers to, which can
// be retired.
func unrelatedApproach(in *dataset.Dataset) string {
	related := map[string]bool{}
	for _, a := range in.Approaches {
		for _, r := range a.Related {
			related[r] = true
		}
	}
	for _, a := range in.Approaches {
		if !related[a.ID] && len(a.Related) == 0 {
			return a.ID
		}
	}
	return ""
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

// patience bounds every wait in the suite. It is generous on purpose: a
// slow or busy machine must not fail a correct store.
const patience = 5 * time.Second

// commit applies one small change (a new country) and returns the new
// revision.
func commit(t *testing.T, st store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	cur, rev, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := "T" + strconv.FormatInt(rev, 10)
	_, changes, err := dataset.Merge(cur, &dataset.Dataset{Countries: []dataset.Country{{ID: id, Names: dataset.Names{"en": "Testland " + id}}}})
	if err != nil {
		t.Fatal(err)
	}
	next, err := st.Apply(ctx, rev, changes)
	if err != nil {
		t.Fatal(err)
	}
	return next
}

func testRevision(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	ctx := context.Background()
	if rev, err := st.Revision(ctx); err != nil || rev != 0 {
		t.Fatalf("Revision of an empty store = %d, %v; want 0", rev, err)
	}
	for want := int64(1); want <= 2; want++ {
		next := commit(t, st)
		rev, err := st.Revision(ctx)
		if err != nil || rev != want || rev != next {
			t.Fatalf("Revision after apply %d = %d, %v; Apply said %d", want, rev, err, next)
		}
		if _, loaded, _ := st.Load(ctx); loaded != rev {
			t.Fatalf("Load says revision %d, Revision says %d", loaded, rev)
		}
	}
}

type waitResult struct {
	rev int64
	err error
}

// waitAsync runs WaitForRevision in a goroutine; the test ends it (by
// cancelling ctx or closing the store) if it is still waiting.
func waitAsync(ctx context.Context, st store.Store, known int64) <-chan waitResult {
	res := make(chan waitResult, 1)
	go func() {
		rev, err := st.WaitForRevision(ctx, known)
		res <- waitResult{rev, err}
	}()
	return res
}

// await returns the result of a waiter, failing the test if it takes
// longer than patience.
func await(t *testing.T, res <-chan waitResult, what string) waitResult {
	t.Helper()
	select {
	case r := <-res:
		return r
	case <-time.After(patience):
		t.Fatalf("%s: WaitForRevision did not return within %v", what, patience)
		return waitResult{}
	}
}

func testWaitStale(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	commit(t, st)
	rev := commit(t, st)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	for _, known := range []int64{0, 1, 7} {
		got, err := st.WaitForRevision(ctx, known)
		if err != nil || got != rev {
			t.Errorf("WaitForRevision(known %d) at revision %d = %d, %v; want %d at once", known, rev, got, err, rev)
		}
	}
}

func testWaitBlocks(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res := waitAsync(ctx, st, 0)
	// Not a timing assertion: a waiter on the current revision must not
	// return at all until something commits; a short look catches one
	// that returns at once.
	select {
	case r := <-res:
		t.Fatalf("WaitForRevision(0) on an empty store returned %d, %v without any commit", r.rev, r.err)
	case <-time.After(50 * time.Millisecond):
	}
	rev := commit(t, st)
	if r := await(t, res, "after an apply"); r.err != nil || r.rev != rev {
		t.Fatalf("WaitForRevision = %d, %v; want %d", r.rev, r.err, rev)
	}
}

func testWaitWakesAll(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Some waiters start long before the apply, some race with it: every
	// one must see the new revision.
	var early []<-chan waitResult
	for range 3 {
		early = append(early, waitAsync(ctx, st, 0))
	}
	time.Sleep(20 * time.Millisecond)
	late := waitAsync(ctx, st, 0)
	rev := commit(t, st)
	for i, res := range append(early, late) {
		if r := await(t, res, "waiter "+strconv.Itoa(i)); r.err != nil || r.rev != rev {
			t.Errorf("waiter %d: WaitForRevision = %d, %v; want %d", i, r.rev, r.err, rev)
		}
	}
}

func testWaitContext(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	commit(t, st)
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		res := waitAsync(ctx, st, 1)
		cancel()
		if r := await(t, res, "after cancel"); !errors.Is(r.err, context.Canceled) {
			t.Fatalf("WaitForRevision after cancel = %d, %v; want context.Canceled", r.rev, r.err)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		if r := await(t, waitAsync(ctx, st, 1), "after the deadline"); !errors.Is(r.err, context.DeadlineExceeded) {
			t.Fatalf("WaitForRevision past its deadline = %d, %v; want context.DeadlineExceeded", r.rev, r.err)
		}
	})
	t.Run("already cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if r := await(t, waitAsync(ctx, st, 1), "with a cancelled context"); !errors.Is(r.err, context.Canceled) {
			t.Fatalf("WaitForRevision with a cancelled context = %d, %v; want context.Canceled", r.rev, r.err)
		}
	})
	// The store still works after its waiters gave up.
	if rev := commit(t, st); rev != 2 {
		t.Fatalf("apply after cancelled waits: revision %d, want 2", rev)
	}
}

func testWaitClose(t *testing.T, open Opener) {
	st := open(t, newClock().now)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res := waitAsync(ctx, st, 0)
	select {
	case r := <-res:
		t.Fatalf("WaitForRevision(0) on an empty store returned %d, %v without any commit", r.rev, r.err)
	case <-time.After(20 * time.Millisecond):
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if r := await(t, res, "after Close"); !errors.Is(r.err, store.ErrClosed) {
		t.Fatalf("WaitForRevision after Close = %d, %v; want store.ErrClosed", r.rev, r.err)
	}
	if _, err := st.WaitForRevision(ctx, 0); !errors.Is(err, store.ErrClosed) {
		t.Fatalf("WaitForRevision on a closed store = %v; want store.ErrClosed", err)
	}
}

// testCopy: a store that is a store.Copier copies itself whole into
// another (of the same kind here; cmd tests SQLite into PostgreSQL):
// records, stamps, tombstones and revisions load the same, writing goes
// on from the copied revision, and a store with data refuses a copy.
func testCopy(t *testing.T, open Opener) {
	ctx := context.Background()
	clk := newClock()
	src := open(t, clk.now)
	if _, ok := src.(store.Copier); !ok {
		t.Skip("not a store.Copier")
	}
	in := sample(t)
	apply(t, src, in)
	clk.t = clk.t.Add(time.Hour)
	apply(t, src, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeApproach, ID: in.Approaches[len(in.Approaches)-1].ID, Reason: "duplicate entry"}}})
	wantRevs := int64(2)
	ps, editing := src.(editingStore)
	if editing {
		fillHistory(t, ps, clk)
		wantRevs = 4
	}
	c, err := src.(store.Copier).Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(c.Revisions)) != wantRevs || len(c.Retired) != 1 || c.Revision() != wantRevs {
		t.Fatalf("exported %d revisions, %d tombstones, revision %d", len(c.Revisions), len(c.Retired), c.Revision())
	}
	if editing && (len(c.Versions) < c.Revisions[0].Added || len(c.Keys) != 2 || len(c.Proposals) != 2 || c.Revisions[2].Author != "anna") {
		t.Fatalf("exported %d versions, %d keys, %d proposals, revision 3 by %q", len(c.Versions), len(c.Keys), len(c.Proposals), c.Revisions[2].Author)
	}
	dst := open(t, clk.now)
	if err := dst.(store.Copier).Restore(ctx, c); err != nil {
		t.Fatal(err)
	}
	want, wantRev, err := src.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, gotRev, err := dst.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if gotRev != wantRev || !reflect.DeepEqual(got, want) {
		t.Fatalf("the copy loads differently: revision %d, want %d", gotRev, wantRev)
	}
	c2, err := dst.(store.Copier).Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Revisions, c2.Revisions) {
		t.Fatalf("revision history differs:\n%+v\n%+v", c.Revisions, c2.Revisions)
	}
	if !reflect.DeepEqual(c.Versions, c2.Versions) || !reflect.DeepEqual(c.Keys, c2.Keys) || !reflect.DeepEqual(c.Proposals, c2.Proposals) {
		t.Fatalf("versions, keys or proposals differ:\n%+v %+v\n%+v %+v", c.Keys, c.Proposals, c2.Keys, c2.Proposals)
	}
	if editing {
		dh := dst.(editingStore)
		want, err := ps.Versions(ctx, dataset.TypeCountry, "XA")
		if err != nil {
			t.Fatal(err)
		}
		got, err := dh.Versions(ctx, dataset.TypeCountry, "XA")
		if err != nil || len(got) != 2 || !reflect.DeepEqual(got, want) {
			t.Fatalf("versions of the copy: %+v, %v; want %+v", got, err, want)
		}
		if _, err := dh.KeyByHash(ctx, "aa11"); err != nil {
			t.Fatalf("the copied key: %v", err)
		}
	}
	if err := dst.(store.Copier).Restore(ctx, c); !errors.Is(err, store.ErrNotEmpty) {
		t.Fatalf("restore into a store with data: %v, want ErrNotEmpty", err)
	}
	if rev := commit(t, dst); rev != wantRevs+1 {
		t.Fatalf("first commit after the copy is revision %d, want %d", rev, wantRevs+1)
	}
}

// editingStore is a store with everything the editor API keeps.
type editingStore interface {
	store.Store
	store.History
	store.Keys
	store.Proposals
}

// fillHistory adds to st two revisions with authors, an accepted and a
// pending proposal, and a valid and a revoked key.
func fillHistory(t *testing.T, st editingStore, clk *clock) {
	t.Helper()
	ctx := context.Background()
	clk.t = clk.t.Add(time.Hour)
	applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Xa")}}, store.Meta{Author: "anna", Message: "add XA"})
	for _, p := range []store.Proposal{
		{ID: "p1", Kind: "correction", Text: "Rename XA", Source: "https://example.org/a", Contact: "a@example.org", Ops: json.RawMessage(`[{"op":"patch"}]`), Created: clk.t},
		{ID: "p2", Kind: "city", Text: "Add a city", Source: "https://example.org/b", Created: clk.t},
	} {
		if err := st.CreateProposal(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	clk.t = clk.t.Add(time.Hour)
	cur, rev, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(cur, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Xa renamed")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AcceptProposal(ctx, "p1", rev, changes, store.Meta{Author: "ben", Message: "Proposal p1 accepted"},
		store.Decision{By: "ben", Reason: "sourced", At: clk.t}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []store.Key{{Name: "anna", Role: "editor", Hash: "aa11", Created: clk.t}, {Name: "ben", Role: "admin", Hash: "bb22", Created: clk.t}} {
		if err := st.CreateKey(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RevokeKey(ctx, "ben", clk.t.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
}

// testLoadWhileWriting loads while revisions are written: a store may
// read its records in parts (on connections of its own, in parts at
// once), and each load must still be one revision's data, whole, and
// two loads of one revision the same.
func testLoadWhileWriting(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t, newClock().now)
	rev, _ := apply(t, st, sample(t))
	base, _, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Revision rev+i adds municipality i and a membership of it.
	const writes = 20
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 1; i <= writes; i++ {
			m := base.Municipalities[0]
			m.ID = fmt.Sprintf("added-%d", i)
			m.Wikidata, m.GeoNames, m.LAU, m.OSMRelation = "", "", "", 0
			ms := dataset.Membership{ID: m.ID + "-" + base.Networks[0].ID, Municipality: m.ID, Network: base.Networks[0].ID}
			if _, err := st.Apply(ctx, rev+int64(i-1), []dataset.Change{
				{Kind: dataset.Added, Type: dataset.TypeMunicipality, ID: m.ID, Record: &m},
				{Kind: dataset.Added, Type: dataset.TypeMembership, ID: ms.ID, Record: &ms},
			}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for {
		d, r, err := st.Load(ctx)
		if err != nil {
			t.Fatal(err)
		}
		added := int(r - rev)
		if len(d.Municipalities) != len(base.Municipalities)+added || len(d.Memberships) != len(base.Memberships)+added {
			t.Fatalf("revision %d loaded with %d municipalities and %d memberships, want %d and %d", r,
				len(d.Municipalities), len(d.Memberships), len(base.Municipalities)+added, len(base.Memberships)+added)
		}
		if r >= rev+writes {
			break
		}
	}
	wg.Wait()
	again, _, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again2, _, err := st.Load(ctx); err != nil || !reflect.DeepEqual(again, again2) {
		t.Errorf("two loads of one revision differ (%v)", err)
	}
}
