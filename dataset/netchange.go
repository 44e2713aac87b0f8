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
// record, sorted by type (in Types order) and ID. A record added and then
// changed was added; a record retired at any point was retired (its ID is
// now a tombstone, whatever came before); otherwise the first kind stands.
// Both a release's change list (dumps) and the change feed read the same
// revisions through it, so the two say the same thing.
func NetChanges(seq []RecordChange) []RecordChange {
	type key struct {
		t  Type
		id string
	}
	net := map[key]ChangeKind{}
	for _, c := range seq {
		k := key{c.Type, c.ID}
		switch first, seen := net[k]; {
		case !seen, c.Kind == Retire:
			net[k] = c.Kind
		default:
			net[k] = first
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
