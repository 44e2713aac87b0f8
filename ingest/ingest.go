// Package ingest moves data along the one path it may take: a source (the
// embedded seed, an import file) is merged over the current data,
// validated, written to the store in one transaction, and only then
// published as the new snapshot.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// Report says what an import did, or would do on a dry run.
type Report struct {
	Changes  []dataset.Change
	Revision int64 // the revision after the import; unchanged on a dry run or no-op
	DryRun   bool
}

// Count returns the number of changes of kind k.
func (r Report) Count(k dataset.ChangeKind) int {
	n := 0
	for _, c := range r.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Open loads the stored data into a snapshot. An empty store is first
// filled with seed, so that a fresh install serves real data; callers that
// must not write (read-only stores) pass a nil seed and get the empty
// snapshot.
func Open(ctx context.Context, st store.Store, seed func() (*dataset.Dataset, error), log *slog.Logger) (*dataset.Snapshot, error) {
	d, rev, err := st.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("open dataset: %w", err)
	}
	if rev == 0 && d.Len() == 0 && seed != nil {
		s, err := seed()
		if err != nil {
			return nil, fmt.Errorf("open dataset: %w", err)
		}
		rep, _, err := importData(ctx, st, dataset.NewSnapshot(d, rev), s, false, dataset.MergeDated)
		if err != nil {
			return nil, fmt.Errorf("open dataset: load seed: %w", err)
		}
		log.InfoContext(ctx, "loaded seed data into empty store", "records", len(rep.Changes), "revision", rep.Revision)
		if d, rev, err = st.Load(ctx); err != nil {
			return nil, fmt.Errorf("open dataset: %w", err)
		}
	}
	if err := d.Validate(); err != nil {
		// Stored data was valid when written; failing here means the
		// database was edited by hand or validation grew stricter.
		return nil, fmt.Errorf("open dataset: stored data at revision %d is not valid: %w", rev, err)
	}
	return dataset.NewSnapshot(d, rev), nil
}

// Seed fills an empty store with seed, so that a fresh install serves
// real data; a store that holds anything is left as it is. It reports
// whether it seeded.
func Seed(ctx context.Context, st store.Store, seed func() (*dataset.Dataset, error), log *slog.Logger) (bool, error) {
	rev, err := st.Revision(ctx)
	if err != nil {
		return false, fmt.Errorf("seed: %w", err)
	}
	if rev != 0 {
		return false, nil
	}
	d, rev, err := st.Load(ctx)
	if err != nil {
		return false, fmt.Errorf("seed: %w", err)
	}
	if d.Len() != 0 {
		return false, nil
	}
	s, err := seed()
	if err != nil {
		return false, fmt.Errorf("seed: %w", err)
	}
	rep, _, err := importData(ctx, st, dataset.NewSnapshot(d, rev), s, false, dataset.MergeDated)
	if err != nil {
		if errors.Is(err, store.ErrConflict) {
			return false, nil // another process seeded it meanwhile
		}
		return false, fmt.Errorf("seed: %w", err)
	}
	log.InfoContext(ctx, "loaded seed data into empty store", "records", len(rep.Changes), "revision", rep.Revision)
	return true, nil
}

// Import merges incoming over the snapshot cur, validates the result and,
// unless dryRun, applies it to the store as one revision. On any problem
// nothing is written. It returns the snapshot to publish: cur itself on a
// dry run or when nothing changed.
func Import(ctx context.Context, st store.Store, cur *dataset.Snapshot, incoming *dataset.Dataset, dryRun bool) (Report, *dataset.Snapshot, error) {
	return importData(ctx, st, cur, incoming, dryRun, dataset.Merge)
}

// ImportReport is Import for a caller that publishes nothing (the import
// command): it does not build the snapshot of the merged data, whose
// indexes at 100k municipalities take a tenth of a second and a hundred
// megabytes more at the import's peak (issue 18). It takes incoming,
// which the caller must not use afterwards: the merged data are built in
// its arrays (dataset.MergeConsuming).
func ImportReport(ctx context.Context, st store.Store, cur *dataset.Snapshot, incoming *dataset.Dataset, dryRun bool) (Report, error) {
	rep, _, err := apply(ctx, st, cur, incoming, dryRun, dataset.MergeConsuming)
	return rep, err
}

// ImportRestoring is Import for a source that may bring back records it
// removed (the CMS sync, issue 15): an incoming record under a retired ID
// restores it (dataset.MergeRestoring) instead of being refused.
func ImportRestoring(ctx context.Context, st store.Store, cur *dataset.Snapshot, incoming *dataset.Dataset, dryRun bool) (Report, *dataset.Snapshot, error) {
	return importData(ctx, st, cur, incoming, dryRun, dataset.MergeRestoring)
}

// importData is Import through merge: dataset.MergeDated (the seed
// only) asks the store to keep the created and modified times the
// records bring, as the seed dates its records by when their facts were
// gathered, not by when it was loaded.
func importData(ctx context.Context, st store.Store, cur *dataset.Snapshot, incoming *dataset.Dataset, dryRun bool,
	merge func(current, incoming *dataset.Dataset) (*dataset.Dataset, []dataset.Change, error)) (Report, *dataset.Snapshot, error) {
	rep, merged, err := apply(ctx, st, cur, incoming, dryRun, merge)
	if err != nil || merged == nil {
		return rep, cur, err
	}
	// Apply stamped the changed records inside merged.
	return rep, dataset.NewSnapshot(merged, rep.Revision), nil
}

// apply is importData without the snapshot: it returns the merged data
// when it applied it, nil on a dry run, when nothing changed, or on an
// error.
func apply(ctx context.Context, st store.Store, cur *dataset.Snapshot, incoming *dataset.Dataset, dryRun bool,
	merge func(current, incoming *dataset.Dataset) (*dataset.Dataset, []dataset.Change, error)) (Report, *dataset.Dataset, error) {
	rep := Report{Revision: cur.Revision, DryRun: dryRun}
	// Merging and validating take a while on a large import; an
	// interruption between the steps stops it before the store is touched.
	// Apply's transaction rolls back if interrupted.
	if err := interrupted(ctx); err != nil {
		return rep, nil, err
	}
	merged, changes, err := merge(cur.Dataset(), incoming)
	if err != nil {
		return rep, nil, err
	}
	if err := interrupted(ctx); err != nil {
		return rep, nil, err
	}
	if err := merged.Validate(); err != nil {
		return rep, nil, err
	}
	rep.Changes = changes
	if dryRun || len(changes) == 0 {
		return rep, nil, nil
	}
	if err := interrupted(ctx); err != nil {
		return rep, nil, err
	}
	rev, err := st.Apply(ctx, cur.Revision, changes)
	if err != nil {
		if ctx.Err() != nil {
			return rep, nil, interrupted(ctx)
		}
		if errors.Is(err, store.ErrConflict) {
			return rep, nil, fmt.Errorf("import: %w (load the current data and try again)", err)
		}
		return rep, nil, fmt.Errorf("import: %w", err)
	}
	rep.Revision = rev
	return rep, merged, nil
}

// interrupted reports a done ctx as an error that says nothing was written.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("import interrupted, nothing changed: %w", context.Cause(ctx))
}
