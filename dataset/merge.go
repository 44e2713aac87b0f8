package dataset

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strings"
)

// ChangeKind says what a change does to a record.
type ChangeKind string

const (
	Added   ChangeKind = "added"
	Changed ChangeKind = "changed"
	Retire  ChangeKind = "retired"
	// Restore lifts a tombstone: the retired ID is a record again, as it
	// was before (a CMS entry that comes back, issue 15). Only
	// MergeRestoring makes it; an import or an editor that reuses a
	// retired ID is refused by validation.
	Restore ChangeKind = "restored"
)

// Change is one record an import adds, changes, retires or restores.
// Record points to the new version (a *Municipality, *Network…); for
// Retire it is the *Retired tombstone.
type Change struct {
	Kind   ChangeKind
	Type   Type
	ID     string
	Record any
	// KeepStamps asks the store to keep the created and modified times
	// the record brings instead of stamping it with its clock. Only the
	// embedded seed sets it (its records are dated by when their facts
	// were gathered, issue 19); stamps in import files and editors'
	// writes are never kept.
	KeepStamps bool
}

// Merge lays incoming over current and returns the result and what
// changed. A record whose ID exists replaces it (keeping its created
// stamp); a new ID is added; an incoming retirement removes the record and
// keeps its ID as a tombstone. Records equal to the current ones are not
// changes, so re-importing a file is a no-op. Neither input is modified.
// An ID given twice in incoming is a Problem, as Merge would otherwise hide
// it; everything else in the result still has to be validated.
func Merge(current, incoming *Dataset) (*Dataset, []Change, error) {
	return mergeDatasets(current, incoming, false, false)
}

// MergeRestoring is Merge for a source that may bring back what it
// removed (the CMS sync): an incoming record whose ID is a tombstone
// restores it (a Restore change) and the tombstone is lifted, instead of
// being refused as a reused ID. Whether the record truly is the retired
// one is the caller's to decide: the sync only proposes a retired ID for
// an entry with that slug that matches no record we hold.
func MergeRestoring(current, incoming *Dataset) (*Dataset, []Change, error) {
	return mergeDatasets(current, incoming, false, true)
}

// MergeDated is Merge for the embedded seed, whose records are dated by
// when their facts were gathered: an added record keeps the stamps it
// brings, and its change asks the store to keep them (KeepStamps). Import
// files and editors go through Merge, which drops such stamps.
func MergeDated(current, incoming *Dataset) (*Dataset, []Change, error) {
	return mergeDatasets(current, incoming, true, false)
}

func mergeDatasets(current, incoming *Dataset, dated, restore bool) (*Dataset, []Change, error) {
	retiring := map[Type]map[string]bool{}
	for _, r := range incoming.Retired {
		if retiring[r.Type] == nil {
			retiring[r.Type] = map[string]bool{}
		}
		retiring[r.Type][r.ID] = true
	}
	m := &merger{retiring: retiring, dated: dated}
	if restore {
		m.tombstones = map[Type]map[string]bool{}
		for _, r := range current.Retired {
			if !retiring[r.Type][r.ID] {
				if m.tombstones[r.Type] == nil {
					m.tombstones[r.Type] = map[string]bool{}
				}
				m.tombstones[r.Type][r.ID] = true
			}
		}
	}
	out := &Dataset{
		Countries:      merge(m, TypeCountry, current.Countries, incoming.Countries, func(x *Country) (string, *Stamps) { return x.ID, &x.Stamps }),
		Categories:     merge(m, TypeCategory, current.Categories, incoming.Categories, func(x *Category) (string, *Stamps) { return x.ID, &x.Stamps }),
		Networks:       merge(m, TypeNetwork, current.Networks, incoming.Networks, func(x *Network) (string, *Stamps) { return x.ID, &x.Stamps }),
		Municipalities: merge(m, TypeMunicipality, current.Municipalities, incoming.Municipalities, func(x *Municipality) (string, *Stamps) { return x.ID, &x.Stamps }),
		Memberships:    merge(m, TypeMembership, current.Memberships, incoming.Memberships, func(x *Membership) (string, *Stamps) { return x.ID, &x.Stamps }),
		Approaches:     merge(m, TypeApproach, current.Approaches, incoming.Approaches, func(x *Approach) (string, *Stamps) { return x.ID, &x.Stamps }),
	}
	out.Retired = slices.DeleteFunc(slices.Clone(current.Retired), func(r Retired) bool { return m.restored[r.Type][r.ID] })
	known := map[Type]map[string]bool{}
	for _, r := range current.Retired {
		if known[r.Type] == nil {
			known[r.Type] = map[string]bool{}
		}
		known[r.Type][r.ID] = true
	}
	for _, r := range incoming.Retired {
		if known[r.Type][r.ID] {
			continue // already a tombstone: retiring again changes nothing
		}
		r := r
		out.Retired = append(out.Retired, r)
		m.changes = append(m.changes, Change{Kind: Retire, Type: r.Type, ID: r.ID, Record: &r})
	}
	slices.SortFunc(out.Retired, func(a, b Retired) int {
		if c := strings.Compare(string(a.Type), string(b.Type)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(m.problems) > 0 {
		return nil, nil, m.problems
	}
	return out, m.changes, nil
}

type merger struct {
	retiring map[Type]map[string]bool
	dated    bool // keep the stamps of added records (MergeDated)
	// tombstones are the retired IDs an incoming record may restore
	// (MergeRestoring); restored, those it did.
	tombstones, restored map[Type]map[string]bool
	changes              []Change
	problems             Problems
}

func merge[T any](m *merger, t Type, current, incoming []T, key func(*T) (string, *Stamps)) []T {
	byID := make(map[string]int, len(current))
	out := make([]T, 0, len(current)+len(incoming))
	for _, x := range current {
		id, _ := key(&x)
		if m.retiring[t][id] {
			continue
		}
		byID[id] = len(out)
		out = append(out, x)
	}
	given := make(map[string]bool, len(incoming))
	for _, x := range incoming {
		id, stamps := key(&x)
		if given[id] {
			m.problems = append(m.problems, Problem{Type: t, ID: id, Field: "id", Message: "duplicate ID in the input"})
			continue
		}
		given[id] = true
		i, exists := byID[id]
		if !exists && m.tombstones[t][id] {
			// The store stamps it: created as it first was, modified now.
			*stamps = Stamps{}
			if m.restored[t] == nil {
				if m.restored == nil {
					m.restored = map[Type]map[string]bool{}
				}
				m.restored[t] = map[string]bool{}
			}
			m.restored[t][id] = true
			byID[id] = len(out)
			out = append(out, x)
			m.changes = append(m.changes, Change{Kind: Restore, Type: t, ID: id, Record: &out[len(out)-1]})
			continue
		}
		if !exists {
			keep := m.dated && !stamps.Created.IsZero()
			if !keep {
				*stamps = Stamps{}
			}
			byID[id] = len(out)
			out = append(out, x)
			m.changes = append(m.changes, Change{Kind: Added, Type: t, ID: id, Record: &out[len(out)-1], KeepStamps: keep})
			continue
		}
		_, old := key(&out[i])
		*stamps = *old
		if sameRecord(&out[i], &x) {
			continue
		}
		out[i] = x
		m.changes = append(m.changes, Change{Kind: Changed, Type: t, ID: id, Record: &out[i]})
	}
	// Compare through pointers: records are large, and SortFunc would
	// copy two of them per comparison.
	sort.Slice(out, func(i, j int) bool {
		a, _ := key(&out[i])
		b, _ := key(&out[j])
		return a < b
	})
	// Sorting moved the records: point the changes at their new places.
	for i := range m.changes {
		if m.changes[i].Type != t || m.changes[i].Kind == Retire {
			continue
		}
		j := sort.Search(len(out), func(j int) bool {
			id, _ := key(&out[j])
			return id >= m.changes[i].ID
		})
		m.changes[i].Record = &out[j]
	}
	return out
}

// sameRecord compares two records by their JSON form; both carry the same
// stamps by the time it is called.
func sameRecord(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
