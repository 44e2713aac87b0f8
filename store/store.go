// Package store defines how the dataset is persisted. Callers depend on the
// Store interface; store/sqlite is the embedded default, and a PostgreSQL
// implementation can follow by passing the same conformance suite
// (store/storetest) without touching callers.
package store

import (
	"context"
	"errors"

	"github.com/moving-cities/opendata/dataset"
)

// Store persists records, retired IDs and the dataset revision.
type Store interface {
	// Load reads every record and tombstone, with their stamps, and the
	// revision they form (0 for an empty store).
	Load(ctx context.Context) (*dataset.Dataset, int64, error)
	// Apply writes changes (from dataset.Merge) as one transaction: all or
	// nothing. It fails with ErrConflict unless the stored revision is
	// still base, so two writers cannot overwrite each other unseen. It sets
	// the Created/Modified stamps of the changed records (and the Retired
	// time of tombstones) in place and returns the new revision, which is
	// base+1. Applying no changes is an error: a revision means a change.
	Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error)
	// Revision returns the latest committed revision (0 for an empty store).
	Revision(ctx context.Context) (int64, error)
	// WaitForRevision blocks until the stored revision differs from known
	// (a commit by this process or another), or ctx ends (then it returns
	// ctx.Err()). It returns the stored revision.
	WaitForRevision(ctx context.Context, known int64) (int64, error)
	// Close releases the store. Calls still waiting in WaitForRevision
	// return ErrClosed; closing twice is not an error.
	Close() error
}

var (
	// ErrConflict means the store moved on since the caller loaded it.
	ErrConflict = errors.New("store: revision conflict: the dataset changed meanwhile")
	// ErrNoChanges means Apply was given nothing to write.
	ErrNoChanges = errors.New("store: no changes to apply")
	// ErrReadOnly means Apply was called on a store opened read-only.
	ErrReadOnly = errors.New("store: store is read-only")
	// ErrClosed means the store was used after Close.
	ErrClosed = errors.New("store: store is closed")
)
