package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/sqlite"
	"github.com/moving-cities/opendata/synth"
)

func openSeeded(t *testing.T) (*sqlite.DB, *dataset.Snapshot) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	snap, err := Open(ctx, db, dataset.Seed, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return db, snap
}

func TestOpenSeedsEmptyStoreOnce(t *testing.T) {
	db, snap := openSeeded(t)
	if snap.Revision != 1 || len(snap.Municipalities) == 0 {
		t.Fatalf("seeded snapshot: revision %d, %d municipalities", snap.Revision, len(snap.Municipalities))
	}
	again, err := Open(context.Background(), db, dataset.Seed, slog.New(slog.DiscardHandler))
	if err != nil || again.Revision != 1 {
		t.Fatalf("second open: revision %d, %v; the seed must load only into an empty store", again.Revision, err)
	}
}

func TestOpenWithoutSeedWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	rw, err := sqlite.Open(ctx, path) // an empty, migrated database
	if err != nil {
		t.Fatal(err)
	}
	rw.Close()
	db, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	snap, err := Open(ctx, db, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("Open without seed on a read-only store: %v", err)
	}
	if snap.Revision != 0 || snap.Dataset().Len() != 0 {
		t.Fatalf("Open without seed: revision %d, %d records; want an empty snapshot", snap.Revision, snap.Dataset().Len())
	}
}

func TestImport(t *testing.T) {
	berlin := func(edit func(m *dataset.Municipality)) *dataset.Dataset {
		_, snap := openSeeded(t)
		m, _ := snap.Municipality("berlin")
		c := *m
		edit(&c)
		return &dataset.Dataset{Municipalities: []dataset.Municipality{c}}
	}
	tests := []struct {
		name         string
		in           *dataset.Dataset
		dryRun       bool
		wantErr      bool
		wantRevision int64
		wantChanges  int
	}{
		{"unchanged record is a no-op", berlin(func(*dataset.Municipality) {}), false, false, 1, 0},
		{"changed record makes a revision", berlin(func(m *dataset.Municipality) { m.Website = "https://www.berlin.de" }), false, false, 2, 1},
		{"dry run writes nothing", berlin(func(m *dataset.Municipality) { m.Website = "https://www.berlin.de" }), true, false, 1, 1},
		{"invalid record writes nothing", berlin(func(m *dataset.Municipality) { m.Country = "XX" }), false, true, 1, 0},
		{"new record is added", &dataset.Dataset{Municipalities: []dataset.Municipality{{
			ID: "newtown", Names: dataset.Names{"en": "Newtown"}, Country: "DE", Status: dataset.StatusActive,
		}}}, false, false, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, snap := openSeeded(t)
			rep, next, err := Import(context.Background(), db, snap, tt.in, tt.dryRun)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if len(rep.Changes) != tt.wantChanges {
				t.Errorf("%d changes, want %d", len(rep.Changes), tt.wantChanges)
			}
			_, rev, _ := db.Load(context.Background())
			if rev != tt.wantRevision || next.Revision != tt.wantRevision {
				t.Errorf("stored revision %d, snapshot revision %d, want %d", rev, next.Revision, tt.wantRevision)
			}
		})
	}
}

func TestImportReportsEveryProblem(t *testing.T) {
	db, snap := openSeeded(t)
	in := &dataset.Dataset{Municipalities: []dataset.Municipality{
		{ID: "a", Names: dataset.Names{"en": "A"}, Country: "ZZ", Status: dataset.StatusActive},
		{ID: "b", Names: dataset.Names{"en": "B"}, Country: "DE", Wikidata: "64", Status: dataset.StatusActive},
		{ID: "c", Names: dataset.Names{"en": "C"}, Country: "DE", Coordinates: &dataset.Coordinates{Lat: 40.4, Lon: -3.7}, Status: dataset.StatusActive},
	}}
	_, _, err := Import(context.Background(), db, snap, in, false)
	var ps dataset.Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("err = %v; want the three problems", err)
	}
	for i, want := range []string{"country", "wikidata", "coordinates"} {
		if ps[i].Field != want {
			t.Errorf("problem %d on field %q, want %q", i, ps[i].Field, want)
		}
	}
}

// cancelOnApply cancels the import's context as the store transaction
// begins, as a SIGTERM arriving then would.
type cancelOnApply struct {
	store.Store
	cancel context.CancelFunc
}

func (c cancelOnApply) Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error) {
	c.cancel()
	return c.Store.Apply(ctx, base, changes)
}

// TestInterruptedImportChangesNothing: an import interrupted at any point
// leaves the stored revision and data as they were, or (when the
// interruption came after the commit) has applied all of it.
func TestInterruptedImportChangesNothing(t *testing.T) {
	big := synth.Generate(synth.Options{Municipalities: 3000, Seed: 3})
	tests := []struct {
		name string
		// interrupt returns the context to import with and the store to
		// import into.
		interrupt func(db store.Store) (context.Context, store.Store)
		mayApply  bool // the interruption may come after the commit
	}{
		{"before the import", func(db store.Store) (context.Context, store.Store) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, db
		}, false},
		{"as the store transaction begins", func(db store.Store) (context.Context, store.Store) {
			ctx, cancel := context.WithCancel(context.Background())
			return ctx, cancelOnApply{db, cancel}
		}, false},
	}
	for _, d := range []time.Duration{time.Millisecond, 20 * time.Millisecond, 100 * time.Millisecond, 300 * time.Millisecond} {
		tests = append(tests, struct {
			name      string
			interrupt func(db store.Store) (context.Context, store.Store)
			mayApply  bool
		}{fmt.Sprintf("after %v", d), func(db store.Store) (context.Context, store.Store) {
			ctx, cancel := context.WithTimeout(context.Background(), d)
			t.Cleanup(cancel)
			return ctx, db
		}, true})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, snap := openSeeded(t)
			before, rev, err := db.Load(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			ctx, st := tt.interrupt(db)
			_, next, err := Import(ctx, st, snap, big, false)
			after, revAfter, lerr := db.Load(context.Background())
			if lerr != nil {
				t.Fatal(lerr)
			}
			if err == nil {
				if !tt.mayApply {
					t.Fatal("the interrupted import succeeded")
				}
				if revAfter != rev+1 || next.Revision != revAfter || len(after.Municipalities) != len(next.Municipalities) {
					t.Errorf("an import that succeeded stored revision %d with %d municipalities", revAfter, len(after.Municipalities))
				}
				return
			}
			if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "nothing changed") {
				t.Errorf("err = %v, want an interruption that says nothing changed", err)
			}
			if revAfter != rev || next != snap {
				t.Errorf("revision %d after an interrupted import, want %d", revAfter, rev)
			}
			if !reflect.DeepEqual(before, after) {
				t.Error("an interrupted import changed the stored data")
			}
		})
	}
}

// The seed's records keep the dates their facts were gathered on; an
// import's records are stamped by the store, whatever stamps they bring
// (issue 19).
func TestSeedKeepsItsDatesImportsDoNot(t *testing.T) {
	db, snap := openSeeded(t)
	gathered := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, m := range snap.Municipalities {
		if !m.Created.Equal(gathered) || !m.Modified.Equal(gathered) {
			t.Fatalf("seeded %s: created %v modified %v, want %v", m.ID, m.Created, m.Modified, gathered)
		}
	}
	before := time.Now().Add(-time.Minute)
	in := &dataset.Dataset{Municipalities: []dataset.Municipality{*snap.Municipalities[0]}}
	in.Municipalities[0].ID = "a-new-town"
	in.Municipalities[0].Wikidata = ""
	in.Municipalities[0].Created = gathered.AddDate(-5, 0, 0) // an import cannot date its records
	in.Municipalities[0].Modified = gathered.AddDate(-5, 0, 0)
	if _, _, err := Import(context.Background(), db, snap, in, false); err != nil {
		t.Fatal(err)
	}
	got, _, err := db.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range got.Municipalities {
		if m.ID == "a-new-town" && (m.Created.Before(before) || m.Modified.Before(before)) {
			t.Errorf("imported record kept the stamps it brought: %v/%v", m.Created, m.Modified)
		}
	}
}

// ImportReport is Import without the snapshot: the same report, the same
// revision stored, and nothing written on a dry run.
func TestImportReportStoresAsImportDoes(t *testing.T) {
	// ImportReport takes its input: each import is given its own.
	in := func() *dataset.Dataset {
		return &dataset.Dataset{Municipalities: []dataset.Municipality{{
			ID: "newtown", Names: dataset.Names{"en": "Newtown"}, Country: "DE", Status: dataset.StatusActive,
		}}}
	}
	for _, dryRun := range []bool{true, false} {
		t.Run(fmt.Sprintf("dry run %v", dryRun), func(t *testing.T) {
			viaImport, snapA := openSeeded(t)
			viaReport, snapB := openSeeded(t)
			want, _, err := Import(context.Background(), viaImport, snapA, in(), dryRun)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ImportReport(context.Background(), viaReport, snapB, in(), dryRun)
			if err != nil {
				t.Fatal(err)
			}
			// The records' stamps are each store's clock: compare the rest.
			summary := func(r Report) string {
				s := fmt.Sprintf("revision %d, dry run %v:", r.Revision, r.DryRun)
				for _, c := range r.Changes {
					s += fmt.Sprintf(" %s %s %s", c.Kind, c.Type, c.ID)
				}
				return s
			}
			if summary(got) != summary(want) || len(got.Changes) != 1 {
				t.Errorf("ImportReport reported %s; Import %s", summary(got), summary(want))
			}
			a, revA, errA := viaImport.Load(context.Background())
			b, revB, errB := viaReport.Load(context.Background())
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			if revA != revB || a.Len() != b.Len() {
				t.Errorf("ImportReport stored revision %d, %d records; Import %d, %d", revB, b.Len(), revA, a.Len())
			}
			if wantRev := map[bool]int64{true: 1, false: 2}[dryRun]; revB != wantRev {
				t.Errorf("revision %d after ImportReport, want %d", revB, wantRev)
			}
		})
	}
}
