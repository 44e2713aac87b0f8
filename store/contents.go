package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// Contents is everything a store holds, as stored: records with their
// stamps and the revision that last wrote them, tombstones, the
// revisions with who made them and why, every version they wrote, the
// editors' API keys and the proposals. `movingcities migrate` moves it
// between stores, so that a dataset keeps its revision numbers, dates,
// retired IDs, history, keys and moderation queue.
type Contents struct {
	Records   []StoredRecord
	Retired   []StoredRetired
	Revisions []RevisionRow
	// Versions are ordered by type, ID and revision; their Time is left
	// zero (it is their revision's AppliedAt).
	Versions  []Version
	Keys      []Key      // by name
	Proposals []Proposal // by ID
}

// StoredRecord is one record: its JSON document without stamps.
type StoredRecord struct {
	Type     dataset.Type
	ID       string
	Doc      json.RawMessage
	Created  time.Time
	Modified time.Time
	Revision int64
}

// StoredRetired is a tombstone and the revision that retired the ID.
type StoredRetired struct {
	dataset.Retired
	Revision int64
}

// RevisionRow is one revision as a copy carries it: when it was made and what it did.
type RevisionRow struct {
	Revision                int64
	AppliedAt               time.Time
	Added, Changed, Retired int
	Restored                int // retired IDs made records again (dataset.Restore)
	Meta
}

// Revision is the latest revision of c (0 when empty).
func (c *Contents) Revision() int64 {
	var rev int64
	for _, r := range c.Revisions {
		rev = max(rev, r.Revision)
	}
	return rev
}

// Copier is a store that can be read and written whole.
type Copier interface {
	// Export reads the whole store in one consistent read.
	Export(ctx context.Context) (*Contents, error)
	// Restore writes c into an empty store, in one transaction: all or
	// nothing. It fails with ErrNotEmpty if the store holds a revision,
	// a record, a tombstone, a key or a proposal.
	Restore(ctx context.Context, c *Contents) error
}

// ErrNotEmpty means Restore was asked to write into a store with data.
var ErrNotEmpty = errors.New("store: the target store is not empty")
