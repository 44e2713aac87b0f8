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

// HistoryStore is a store that keeps its revisions' history.
type HistoryStore interface {
	store.Store
	store.History
}

// HistoryOpener returns a new, empty store whose clock is now.
type HistoryOpener func(t *testing.T, now func() time.Time) HistoryStore

// RunHistory runs the conformance suite of store.History.
func RunHistory(t *testing.T, open HistoryOpener) {
	tests := []struct {
		name string
		run  func(t *testing.T, open HistoryOpener)
	}{
		{"RevisionRecordsAuthorTimeMessageAndRecords", testRevisionMeta},
		{"ApplyRecordsEmptyMeta", testApplyEmptyMeta},
		{"RevisionsPageByCursor", testRevisionsCursor},
		{"UnknownRevisionIsErrNoRevision", testNoRevision},
		{"VersionsFollowAnEditedRecord", testVersions},
		{"VersionsInARevision", testVersionsIn},
		{"RetirementNamesItsSuccessor", testRenameRef},
		{"FailedApplyRevisionRecordsNothing", testHistoryAllOrNothing},
		{"RestoreLiftsATombstone", testRestore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open) })
	}
}

// country is a small record for history tests.
func country(id, name string) dataset.Country {
	return dataset.Country{ID: id, Names: dataset.Names{"en": name}}
}

// applyMeta merges in over the stored state and applies it with meta.
func applyMeta(t *testing.T, st HistoryStore, in *dataset.Dataset, meta store.Meta) int64 {
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
	next, err := st.ApplyRevision(ctx, rev, changes, meta)
	if err != nil {
		t.Fatal(err)
	}
	return next
}

func testRevisionMeta(t *testing.T, open HistoryOpener) {
	clk := newClock()
	clk.t = clk.t.Add(789 * time.Millisecond) // revision times are whole seconds
	st := open(t, clk.now)
	meta := store.Meta{Author: "anna", Message: "Add two countries — für Tests"}
	rev := applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Xa"), country("XB", "Xb")}}, meta)
	ri, err := st.RevisionInfo(context.Background(), rev)
	if err != nil {
		t.Fatal(err)
	}
	want := clk.t.UTC().Truncate(time.Second)
	if ri.Revision != rev || ri.Meta != meta || !ri.Time.Equal(want) || ri.Time.Location() != time.UTC {
		t.Fatalf("RevisionInfo = %+v; want revision %d, %+v, time %v UTC", ri, rev, meta, want)
	}
	wantRefs := []store.RecordRef{{Type: dataset.TypeCountry, ID: "XA", Kind: dataset.Added}, {Type: dataset.TypeCountry, ID: "XB", Kind: dataset.Added}}
	if !sameRefs(ri.Records, wantRefs) {
		t.Fatalf("records = %+v, want %+v", ri.Records, wantRefs)
	}
}

func sameRefs(a, b []store.RecordRef) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testApplyEmptyMeta(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	rev := commit(t, st)
	ri, err := st.RevisionInfo(context.Background(), rev)
	if err != nil || ri.Meta != (store.Meta{}) || len(ri.Records) != 1 {
		t.Fatalf("revision written by Apply = %+v, %v; want empty meta and one record", ri, err)
	}
}

func testRevisionsCursor(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	for range 5 {
		commit(t, st)
	}
	ctx := context.Background()
	var seen []int64
	after := int64(0)
	for {
		page, err := st.Revisions(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 2 {
			t.Fatalf("page of %d revisions with limit 2", len(page))
		}
		for _, ri := range page {
			seen = append(seen, ri.Revision)
			if len(ri.Records) != 1 {
				t.Errorf("revision %d lists %d records, want 1", ri.Revision, len(ri.Records))
			}
		}
		after = page[len(page)-1].Revision
	}
	if len(seen) != 5 {
		t.Fatalf("paged through revisions %v, want 1…5", seen)
	}
	for i, r := range seen {
		if r != int64(i+1) {
			t.Fatalf("paged through revisions %v, want 1…5 in order", seen)
		}
	}
}

func testNoRevision(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	commit(t, st)
	for _, rev := range []int64{0, 2, 99} {
		if _, err := st.RevisionInfo(context.Background(), rev); !errors.Is(err, store.ErrNoRevision) {
			t.Errorf("RevisionInfo(%d) = %v, want ErrNoRevision", rev, err)
		}
	}
}

func testVersions(t *testing.T, open HistoryOpener) {
	clk := newClock()
	st := open(t, clk.now)
	ctx := context.Background()
	r1 := applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "First name")}}, store.Meta{Author: "a"})
	clk.t = clk.t.Add(time.Hour)
	r2 := applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Second name")}}, store.Meta{Author: "b"})
	commit(t, st) // a revision that leaves XA alone
	r4 := applyMeta(t, st, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeCountry, ID: "XA", Reason: "test"}}}, store.Meta{Author: "c"})

	vs, err := st.Versions(ctx, dataset.TypeCountry, "XA")
	if err != nil {
		t.Fatal(err)
	}
	kinds := []dataset.ChangeKind{dataset.Added, dataset.Changed, dataset.Retire}
	revs := []int64{r1, r2, r4}
	if len(vs) != 3 {
		t.Fatalf("%d versions, want 3: %+v", len(vs), vs)
	}
	for i, v := range vs {
		if v.Revision != revs[i] || v.Kind != kinds[i] || v.Type != dataset.TypeCountry || v.ID != "XA" {
			t.Errorf("version %d = revision %d %s, want revision %d %s", i, v.Revision, v.Kind, revs[i], kinds[i])
		}
	}
	var c dataset.Country
	if err := json.Unmarshal(vs[0].Doc, &c); err != nil || c.Names["en"] != "First name" {
		t.Errorf("first version's document %s (%v)", vs[0].Doc, err)
	}
	if !vs[1].Created.Equal(vs[0].Created) || !vs[1].Time.After(vs[0].Time) {
		t.Errorf("second version: created %v time %v; first: created %v time %v", vs[1].Created, vs[1].Time, vs[0].Created, vs[0].Time)
	}
	var tomb dataset.Retired
	if err := json.Unmarshal(vs[2].Doc, &tomb); err != nil || tomb.Reason != "test" || tomb.ID != "XA" {
		t.Errorf("retirement's document %s (%v)", vs[2].Doc, err)
	}

	at, err := st.VersionAt(ctx, dataset.TypeCountry, "XA", r2+1)
	if err != nil || at.Revision != r2 {
		t.Errorf("VersionAt(%d) = revision %d, %v; want %d", r2+1, at.Revision, err, r2)
	}
	if _, err := st.VersionAt(ctx, dataset.TypeCountry, "XA", r1-1); !errors.Is(err, store.ErrNoVersion) {
		t.Errorf("VersionAt before the first version = %v, want ErrNoVersion", err)
	}
	if vs, err := st.Versions(ctx, dataset.TypeCountry, "NOPE"); err != nil || len(vs) != 0 {
		t.Errorf("Versions of an unknown ID = %v, %v; want none", vs, err)
	}
}

func testVersionsIn(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	rev := applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XB", "Xb"), country("XA", "Xa")}}, store.Meta{})
	vs, err := st.VersionsIn(context.Background(), rev)
	if err != nil || len(vs) != 2 || vs[0].ID != "XA" || vs[1].ID != "XB" {
		t.Fatalf("VersionsIn = %+v, %v; want XA and XB", vs, err)
	}
}

func testRenameRef(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Xa"), country("XB", "Xb")}}, store.Meta{})
	rev := applyMeta(t, st, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeCountry, ID: "XA", ReplacedBy: "XB", Reason: "merged"}}}, store.Meta{})
	ri, err := st.RevisionInfo(context.Background(), rev)
	want := []store.RecordRef{{Type: dataset.TypeCountry, ID: "XA", Kind: dataset.Retire, ReplacedBy: "XB"}}
	if err != nil || !sameRefs(ri.Records, want) {
		t.Fatalf("records of a rename's revision = %+v, %v; want %+v", ri.Records, err, want)
	}
}

// testRestore: a Restore change (dataset.MergeRestoring) makes a retired
// ID a record again, with the created time it first had, lifts its
// tombstone and shows in the history as "restored"; restoring an ID that
// is not retired fails and writes nothing.
func testRestore(t *testing.T, open HistoryOpener) {
	clk := newClock()
	st := open(t, clk.now)
	ctx := context.Background()
	first := clk.t
	r1 := applyMeta(t, st, &dataset.Dataset{Countries: []dataset.Country{country("XA", "First name")}}, store.Meta{})
	clk.t = clk.t.Add(time.Hour)
	r2 := applyMeta(t, st, &dataset.Dataset{Retired: []dataset.Retired{{Type: dataset.TypeCountry, ID: "XA", Reason: "removed"}}}, store.Meta{})
	clk.t = clk.t.Add(time.Hour)
	cur, rev, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.MergeRestoring(cur, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Back again")}})
	if err != nil || len(changes) != 1 || changes[0].Kind != dataset.Restore {
		t.Fatalf("MergeRestoring: %+v, %v", changes, err)
	}
	r3, err := st.ApplyRevision(ctx, rev, changes, store.Meta{Author: "cms-sync", Message: "it is back"})
	if err != nil {
		t.Fatal(err)
	}
	if c := changes[0].Record.(*dataset.Country); !c.Created.Equal(first) || !c.Modified.Equal(clk.t) {
		t.Errorf("stamps set on the restored record: created %v modified %v; want %v and %v", c.Created, c.Modified, first, clk.t)
	}
	d, _, err := st.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Retired) != 0 || len(d.Countries) != 1 || d.Countries[0].Names["en"] != "Back again" {
		t.Fatalf("after the restoration: %d tombstones, countries %+v", len(d.Retired), d.Countries)
	}
	if c := d.Countries[0]; !c.Created.Equal(first) || !c.Modified.Equal(clk.t) {
		t.Errorf("restored record loads created %v modified %v; want %v (as first stored) and %v", c.Created, c.Modified, first, clk.t)
	}
	vs, err := st.Versions(ctx, dataset.TypeCountry, "XA")
	if err != nil || len(vs) != 3 {
		t.Fatalf("versions: %+v, %v; want 3", vs, err)
	}
	for i, want := range []struct {
		rev  int64
		kind dataset.ChangeKind
	}{{r1, dataset.Added}, {r2, dataset.Retire}, {r3, dataset.Restore}} {
		if vs[i].Revision != want.rev || vs[i].Kind != want.kind {
			t.Errorf("version %d = revision %d %s, want revision %d %s", i, vs[i].Revision, vs[i].Kind, want.rev, want.kind)
		}
	}
	if !vs[2].Created.Equal(vs[0].Created) {
		t.Errorf("restored version created %v, first version %v", vs[2].Created, vs[0].Created)
	}
	if at, err := st.VersionAt(ctx, dataset.TypeCountry, "XA", r3); err != nil || at.Kind != dataset.Restore {
		t.Errorf("VersionAt(%d) = %+v, %v; want the restoration", r3, at, err)
	}
	ri, err := st.RevisionInfo(ctx, r3)
	want := []store.RecordRef{{Type: dataset.TypeCountry, ID: "XA", Kind: dataset.Restore}}
	if err != nil || !sameRefs(ri.Records, want) || ri.Author != "cms-sync" {
		t.Errorf("records of the restoring revision = %+v by %q, %v; want %+v", ri.Records, ri.Author, err, want)
	}
	if cp, ok := st.(store.Copier); ok {
		c, err := cp.Export(ctx)
		if err != nil || len(c.Revisions) != 3 || c.Revisions[2].Restored != 1 || c.Revisions[2].Added != 0 {
			t.Errorf("exported revisions %+v, %v; want the third to count one restoration", c.Revisions, err)
		}
	}

	// Only a tombstone can be restored: a live ID or one never used is refused.
	for _, id := range []string{"XA", "XB"} {
		x := country(id, "Again")
		bad := []dataset.Change{{Kind: dataset.Restore, Type: dataset.TypeCountry, ID: id, Record: &x}}
		if _, err := st.ApplyRevision(ctx, r3, bad, store.Meta{}); err == nil {
			t.Errorf("restoring %s, which is not retired, succeeded", id)
		}
	}
	if got, err := st.Revision(ctx); err != nil || got != r3 {
		t.Errorf("after the refused restorations: revision %d, %v; want %d", got, err, r3)
	}
}

func testHistoryAllOrNothing(t *testing.T, open HistoryOpener) {
	st := open(t, newClock().now)
	ctx := context.Background()
	_, changes, err := dataset.Merge(&dataset.Dataset{}, &dataset.Dataset{Countries: []dataset.Country{country("XA", "Xa")}})
	if err != nil {
		t.Fatal(err)
	}
	bad := append(changes, dataset.Change{Kind: dataset.Added, Type: "bogus", ID: "x", Record: struct{}{}})
	if _, err := st.ApplyRevision(ctx, 0, bad, store.Meta{Author: "a"}); err == nil {
		t.Fatal("ApplyRevision with an unwritable change succeeded")
	}
	if vs, err := st.Versions(ctx, dataset.TypeCountry, "XA"); err != nil || len(vs) != 0 {
		t.Fatalf("after a failed apply: versions %+v, %v; want none", vs, err)
	}
	if rs, err := st.Revisions(ctx, 0, 10); err != nil || len(rs) != 0 {
		t.Fatalf("after a failed apply: revisions %+v, %v; want none", rs, err)
	}
}

// KeysOpener returns a new, empty key store.
type KeysOpener func(t *testing.T) store.Keys

// RunKeys runs the conformance suite of store.Keys.
func RunKeys(t *testing.T, open KeysOpener) {
	ctx := context.Background()
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	t.Run("CreateListFindRevoke", func(t *testing.T) {
		ks := open(t)
		a := store.Key{Name: "anna", Role: "editor", Hash: "aa11", Created: created}
		b := store.Key{Name: "ben", Role: "admin", Hash: "bb22", Created: created}
		for _, k := range []store.Key{b, a} {
			if err := ks.CreateKey(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
		list, err := ks.ListKeys(ctx)
		if err != nil || len(list) != 2 || list[0] != a || list[1] != b {
			t.Fatalf("ListKeys = %+v, %v; want anna then ben", list, err)
		}
		got, err := ks.KeyByHash(ctx, "bb22")
		if err != nil || got != b {
			t.Fatalf("KeyByHash = %+v, %v; want ben", got, err)
		}
		revoked := created.Add(time.Hour)
		if err := ks.RevokeKey(ctx, "anna", revoked); err != nil {
			t.Fatal(err)
		}
		if err := ks.RevokeKey(ctx, "anna", revoked.Add(time.Hour)); err != nil {
			t.Fatalf("revoking twice: %v", err)
		}
		got, err = ks.KeyByHash(ctx, "aa11")
		if err != nil || !got.Revoked.Equal(revoked) {
			t.Fatalf("revoked key = %+v, %v; want revoked at %v", got, err, revoked)
		}
	})
	t.Run("NamesAreNeverReused", func(t *testing.T) {
		ks := open(t)
		if err := ks.CreateKey(ctx, store.Key{Name: "anna", Role: "editor", Hash: "aa11", Created: created}); err != nil {
			t.Fatal(err)
		}
		if err := ks.RevokeKey(ctx, "anna", created); err != nil {
			t.Fatal(err)
		}
		if err := ks.CreateKey(ctx, store.Key{Name: "anna", Role: "editor", Hash: "cc33", Created: created}); !errors.Is(err, store.ErrKeyExists) {
			t.Fatalf("reusing a revoked key's name: %v, want ErrKeyExists", err)
		}
	})
	t.Run("UnknownKeys", func(t *testing.T) {
		ks := open(t)
		if _, err := ks.KeyByHash(ctx, "ffff"); !errors.Is(err, store.ErrNoKey) {
			t.Errorf("KeyByHash of an unknown hash = %v, want ErrNoKey", err)
		}
		if err := ks.RevokeKey(ctx, "nobody", created); !errors.Is(err, store.ErrNoKey) {
			t.Errorf("RevokeKey of an unknown name = %v, want ErrNoKey", err)
		}
	})
}

// ProposalStore is a store that keeps history and proposals: accepting
// a proposal makes a revision.
type ProposalStore interface {
	store.Store
	store.History
	store.Proposals
}

// ProposalsOpener returns a new, empty store with an empty proposal queue.
type ProposalsOpener func(t *testing.T) ProposalStore

// RunProposals runs the conformance suite of store.Proposals.
func RunProposals(t *testing.T, open ProposalsOpener) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p1 := store.Proposal{ID: "p1", Kind: "city", Text: "Add Thessaloniki", Source: "https://example.org/a", Contact: "a@example.org",
		Ops: json.RawMessage(`[{"op":"create"}]`), Created: at}
	p2 := store.Proposal{ID: "p2", Kind: "correction", Text: "Fix", Source: "https://example.org/b", Created: at.Add(time.Minute)}
	t.Run("CreateListDecide", func(t *testing.T) {
		q := open(t)
		for _, p := range []store.Proposal{p2, p1} {
			if err := q.CreateProposal(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if err := q.CreateProposal(ctx, p1); !errors.Is(err, store.ErrProposalExists) {
			t.Fatalf("creating an ID twice: %v, want ErrProposalExists", err)
		}
		pending, err := q.ListProposals(ctx, store.ProposalPending)
		if err != nil || len(pending) != 2 || pending[0].ID != "p1" || pending[0].Status != store.ProposalPending ||
			string(pending[0].Ops) != string(p1.Ops) || pending[0].Contact != p1.Contact || !pending[0].Created.Equal(at) || pending[1].Ops != nil {
			t.Fatalf("pending = %+v, %v", pending, err)
		}
		d := store.Decision{Status: store.ProposalAccepted, By: "erika", Reason: "sourced", Revision: 7, At: at.Add(time.Hour)}
		if err := q.DecideProposal(ctx, "p1", d); err != nil {
			t.Fatal(err)
		}
		if err := q.DecideProposal(ctx, "p1", store.Decision{Status: store.ProposalRejected, By: "x", At: at}); !errors.Is(err, store.ErrDecided) {
			t.Fatalf("deciding twice: %v, want ErrDecided", err)
		}
		got, err := q.Proposal(ctx, "p1")
		if err != nil || got.Status != store.ProposalAccepted || got.Decision != d {
			t.Fatalf("decided proposal = %+v, %v; want %+v", got, err, d)
		}
		if pending, _ := q.ListProposals(ctx, store.ProposalPending); len(pending) != 1 || pending[0].ID != "p2" {
			t.Fatalf("pending after a decision = %+v", pending)
		}
		if all, _ := q.ListProposals(ctx, ""); len(all) != 2 {
			t.Fatalf("all = %+v", all)
		}
	})
	t.Run("UnknownProposal", func(t *testing.T) {
		q := open(t)
		if _, err := q.Proposal(ctx, "nope"); !errors.Is(err, store.ErrNoProposal) {
			t.Errorf("Proposal(nope) = %v, want ErrNoProposal", err)
		}
		if err := q.DecideProposal(ctx, "nope", store.Decision{Status: store.ProposalRejected, At: at}); !errors.Is(err, store.ErrNoProposal) {
			t.Errorf("DecideProposal(nope) = %v, want ErrNoProposal", err)
		}
	})
	t.Run("AcceptIsOneRevisionWithTheDecision", func(t *testing.T) { testAccept(t, open(t)) })
	t.Run("FailedAcceptLeavesProposalPendingAndNoRevision", func(t *testing.T) { testAcceptFails(t, open(t)) })
}

// acceptChanges are the changes that add a country over st's contents,
// and the revision they apply to.
func acceptChanges(t *testing.T, st ProposalStore, id string) (int64, []dataset.Change) {
	t.Helper()
	cur, rev, err := st.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(cur, &dataset.Dataset{Countries: []dataset.Country{country(id, id)}})
	if err != nil {
		t.Fatal(err)
	}
	return rev, changes
}

func testAccept(t *testing.T, st ProposalStore) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := st.CreateProposal(ctx, store.Proposal{ID: "p1", Kind: "city", Text: "Add XA", Source: "https://example.org/a", Created: at}); err != nil {
		t.Fatal(err)
	}
	base, changes := acceptChanges(t, st, "XA")
	meta := store.Meta{Author: "erika", Message: "Proposal p1 accepted"}
	d := store.Decision{By: "erika", Reason: "sourced", At: at.Add(time.Hour)}
	rev, err := st.AcceptProposal(ctx, "p1", base, changes, meta, d)
	if err != nil || rev != base+1 {
		t.Fatalf("AcceptProposal = %d, %v; want revision %d", rev, err, base+1)
	}
	got, err := st.Proposal(ctx, "p1")
	want := store.Decision{Status: store.ProposalAccepted, By: "erika", Reason: "sourced", Revision: rev, At: d.At}
	if err != nil || got.Status != store.ProposalAccepted || got.Decision != want {
		t.Fatalf("accepted proposal = %+v, %v; want %+v", got, err, want)
	}
	ri, err := st.RevisionInfo(ctx, rev)
	if err != nil || ri.Meta != meta || len(ri.Records) != 1 || ri.Records[0].ID != "XA" {
		t.Fatalf("the acceptance's revision = %+v, %v", ri, err)
	}
	// Accepting again is refused, and writes nothing.
	base, changes = acceptChanges(t, st, "XB")
	if _, err := st.AcceptProposal(ctx, "p1", base, changes, meta, d); !errors.Is(err, store.ErrDecided) {
		t.Fatalf("accepting a decided proposal: %v, want ErrDecided", err)
	}
	if r, err := st.Revision(ctx); err != nil || r != rev {
		t.Fatalf("revision after a refused acceptance = %d, %v; want %d", r, err, rev)
	}
}

func testAcceptFails(t *testing.T, st ProposalStore) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := st.CreateProposal(ctx, store.Proposal{ID: "p2", Kind: "city", Text: "Add XB", Source: "https://example.org/b", Created: at}); err != nil {
		t.Fatal(err)
	}
	d := store.Decision{By: "erika", At: at}
	stale, changes := acceptChanges(t, st, "XB")
	rev := commit(t, st) // another writer moves the store on
	_, fresh := acceptChanges(t, st, "XB")
	bogus := dataset.Change{Kind: dataset.Added, Type: "bogus", ID: "x", Record: struct{}{}}
	cases := []struct {
		name    string
		id      string
		base    int64
		changes []dataset.Change
		want    error
	}{
		{"stale base", "p2", stale, changes, store.ErrConflict},
		{"unknown proposal", "nope", rev, fresh, store.ErrNoProposal},
		{"unwritable change", "p2", rev, append(fresh[:len(fresh):len(fresh)], bogus), nil},
	}
	for _, c := range cases {
		_, err := st.AcceptProposal(ctx, c.id, c.base, c.changes, store.Meta{Author: "erika"}, d)
		if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%s: AcceptProposal = %v, want an error (%v)", c.name, err, c.want)
		}
		p, err := st.Proposal(ctx, "p2")
		if err != nil || p.Status != store.ProposalPending || p.Revision != 0 || !p.At.IsZero() {
			t.Errorf("%s: proposal afterwards = %+v, %v; want it pending", c.name, p, err)
		}
		if r, err := st.Revision(ctx); err != nil || r != rev {
			t.Errorf("%s: revision afterwards = %d, %v; want %d", c.name, r, err, rev)
		}
		if vs, err := st.Versions(ctx, dataset.TypeCountry, "XB"); err != nil || len(vs) != 0 {
			t.Errorf("%s: versions of XB afterwards = %+v, %v; want none", c.name, vs, err)
		}
	}
}
