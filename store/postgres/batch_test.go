package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// A revision of more statements than pgBatch goes to the server in
// several batches of one transaction: it must store all of it, or, when
// a change fails after batches were sent, nothing.
func TestApplyInSeveralBatches(t *testing.T) {
	ctx := context.Background()
	in := synth.Generate(synth.Options{Municipalities: 1500, Seed: 9})
	_, changes, err := dataset.Merge(&dataset.Dataset{}, in)
	if err != nil {
		t.Fatal(err)
	}
	if 2*len(changes) <= pgBatch {
		t.Fatalf("%d changes make fewer than two batches of %d statements", len(changes), pgBatch)
	}
	t.Run("all", func(t *testing.T) {
		db := openHistory(t, time.Now)
		if _, err := db.Apply(ctx, 0, changes); err != nil {
			t.Fatal(err)
		}
		got, rev, err := db.Load(ctx)
		if err != nil || rev != 1 || got.Len() != len(changes) {
			t.Fatalf("Load: %d records at revision %d (%v); want %d at 1", got.Len(), rev, err, len(changes))
		}
		// Importing the same data again changes nothing: every record
		// was stored as it was given.
		if _, again, err := dataset.Merge(got, in); err != nil || len(again) != 0 {
			t.Fatalf("the stored data differs from the applied in %d records (%v)", len(again), err)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		db := openHistory(t, time.Now)
		bad := append(changes[:len(changes):len(changes)], dataset.Change{Kind: dataset.Added, Type: "bogus", ID: "x", Record: struct{}{}})
		if _, err := db.Apply(ctx, 0, bad); err == nil {
			t.Fatal("Apply with an unwritable last change succeeded")
		}
		got, rev, err := db.Load(ctx)
		if err != nil || rev != 0 || got.Len() != 0 {
			t.Fatalf("after a failed apply: %d records at revision %d (%v); want nothing", got.Len(), rev, err)
		}
	})
}
