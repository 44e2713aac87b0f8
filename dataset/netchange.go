package dataset

import (
	"slices"
	"strings"
)

// RecordChange names a record and what a change did to it.
type RecordChange struct {
	Type Type
	ID   string
	Kind ChangeKind
}

// NetChanges folds the record changes of consecutive revisions, given
// oldest first, into what the revisions did together: one change per
// record, sorted by type (in Types order) and ID. A record whose last
// change retired it was retired (its ID is now a tombstone, whatever came
// before). A record there at the end was added, or restored, when its
// first change added or restored it; otherwise it was there before and
// changed (retired and restored in between included).
// Both a release's change list (dumps) and the change feed read the same
// revisions through it, so the two say the same thing.
func NetChanges(seq []RecordChange) []RecordChange {
	type key struct {
		t  Type
		id string
	}
	type span struct{ first, last ChangeKind }
	spans := map[key]span{}
	for _, c := range seq {
		k := key{c.Type, c.ID}
		sp, seen := spans[k]
		if !seen {
			sp.first = c.Kind
		}
		sp.last = c.Kind
		spans[k] = sp
	}
	net := make(map[key]ChangeKind, len(spans))
	for k, sp := range spans {
		switch {
		case sp.last == Retire:
			net[k] = Retire
		case sp.first == Added, sp.first == Restore:
			net[k] = sp.first
		default:
			net[k] = Changed
		}
	}
	out := make([]RecordChange, 0, len(net))
	for k, kind := range net {
		out = append(out, RecordChange{Type: k.t, ID: k.id, Kind: kind})
	}
	slices.SortFunc(out, func(a, b RecordChange) int {
		if a.Type != b.Type {
			return slices.Index(Types, a.Type) - slices.Index(Types, b.Type)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}
