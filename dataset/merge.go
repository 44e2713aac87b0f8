package dataset

import (
	"bytes"
	"encoding/json"
	"slices"
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

// MergeConsuming is Merge for a caller that is done with incoming (the
// import command): the result is built in incoming's own arrays, which
// it takes, so that an import's records are not held twice at the
// merge, once as read and once merged (issue 18: 75 MB at 100k
// municipalities). incoming must not be used afterwards, even when
// MergeConsuming fails (it is emptied then too); current is not
// modified.
func MergeConsuming(current, incoming *Dataset) (*Dataset, []Change, error) {
	m := &merger{consume: true}
	d, changes, err := m.run(current, incoming)
	*incoming = Dataset{}
	return d, changes, err
}

func mergeDatasets(current, incoming *Dataset, dated, restore bool) (*Dataset, []Change, error) {
	m := &merger{dated: dated, restore: restore}
	return m.run(current, incoming)
}

func (m *merger) run(current, incoming *Dataset) (*Dataset, []Change, error) {
	retiring := map[Type]map[string]bool{}
	for _, r := range incoming.Retired {
		if retiring[r.Type] == nil {
			retiring[r.Type] = map[string]bool{}
		}
		retiring[r.Type][r.ID] = true
	}
	m.retiring = retiring
	if m.restore {
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
	restore  bool // an incoming record may lift a tombstone (MergeRestoring)
	consume  bool // build the result in incoming's arrays (MergeConsuming)
	// tombstones are the retired IDs an incoming record may restore
	// (MergeRestoring); restored, those it did.
	tombstones, restored map[Type]map[string]bool
	changes              []Change
	problems             Problems
}

// mergeEntry is a record of the merged output before it is placed: where
// it comes from (current[i], or incoming[i]), the stamps it is placed
// with and the change it makes (an index into the merger's changes, or
// -1).
type mergeEntry struct {
	id      string
	i       int
	fromCur bool
	given   bool // incoming holds it
	stamps  Stamps
	change  int
}

func merge[T any](m *merger, t Type, current, incoming []T, key func(*T) (string, *Stamps)) []T {
	// The records are placed once, in ID order, from a sorted list of
	// entries: sorting the records themselves moved each several times
	// (a Municipality is over 400 bytes), and finding each change's
	// record again took a binary search per change (issue 18).
	byID := make(map[string]int, len(current)+len(incoming))
	entries := make([]mergeEntry, 0, len(current)+len(incoming))
	for i := range current {
		id, stamps := key(&current[i])
		if m.retiring[t][id] {
			continue
		}
		byID[id] = len(entries)
		entries = append(entries, mergeEntry{id: id, i: i, fromCur: true, stamps: *stamps, change: -1})
	}
	for k := range incoming {
		x := &incoming[k]
		id, stamps := key(x)
		i, exists := byID[id]
		if exists && entries[i].given {
			m.problems = append(m.problems, Problem{Type: t, ID: id, Field: "id", Message: "duplicate ID in the input"})
			continue
		}
		if !exists && m.tombstones[t][id] {
			// The store stamps it: created as it first was, modified now.
			if m.restored[t] == nil {
				if m.restored == nil {
					m.restored = map[Type]map[string]bool{}
				}
				m.restored[t] = map[string]bool{}
			}
			m.restored[t][id] = true
			byID[id] = len(entries)
			entries = append(entries, mergeEntry{id: id, i: k, given: true, change: len(m.changes)})
			m.changes = append(m.changes, Change{Kind: Restore, Type: t, ID: id})
			continue
		}
		if !exists {
			keep := m.dated && !stamps.Created.IsZero()
			e := mergeEntry{id: id, i: k, given: true, change: len(m.changes)}
			if keep {
				e.stamps = *stamps
			}
			byID[id] = len(entries)
			entries = append(entries, e)
			m.changes = append(m.changes, Change{Kind: Added, Type: t, ID: id, KeepStamps: keep})
			continue
		}
		e := &entries[i]
		e.given = true
		// Compared with the current record's stamps, on a copy: incoming
		// is not modified.
		y := *x
		_, ys := key(&y)
		*ys = e.stamps
		if sameRecord(&current[e.i], &y) {
			continue
		}
		e.i, e.fromCur = k, false
		e.change = len(m.changes)
		m.changes = append(m.changes, Change{Kind: Changed, Type: t, ID: id})
	}
	if len(m.problems) > 0 {
		return nil // the result is not used
	}
	// IDs are unique among the entries, so the order is total.
	slices.SortFunc(entries, func(a, b mergeEntry) int { return strings.Compare(a.id, b.id) })
	var out []T
	if m.consume {
		out = placeInPlace(incoming, current, entries)
	} else {
		out = make([]T, len(entries))
		for i, e := range entries {
			if e.fromCur {
				out[i] = current[e.i]
			} else {
				out[i] = incoming[e.i]
			}
		}
	}
	for i, e := range entries {
		_, stamps := key(&out[i])
		*stamps = e.stamps
		if e.change >= 0 {
			m.changes[e.change].Record = &out[i]
		}
	}
	return out
}

// placeInPlace returns the records of entries, in their order, in
// incoming's array: the current records kept are appended to it, and
// each record is then moved once to its place, along the cycles of the
// permutation. What incoming held that is not kept (records equal to the
// current ones) is cleared, for the collector.
func placeInPlace[T any](incoming, current []T, entries []mergeEntry) []T {
	arr := incoming
	for i := range entries {
		if e := &entries[i]; e.fromCur {
			arr = append(arr, current[e.i])
			e.i, e.fromCur = len(arr)-1, false
		}
	}
	// from[j] is the index in arr of the record that goes to j: the
	// entries' first, then the records not kept, so that from is a
	// permutation of arr's indexes.
	from := make([]int, len(arr))
	used := make([]bool, len(arr))
	for j, e := range entries {
		from[j] = e.i
		used[e.i] = true
	}
	j := len(entries)
	for i, u := range used {
		if !u {
			from[j] = i
			j++
		}
	}
	for i := range from {
		if from[i] == i || from[i] < 0 {
			continue
		}
		tmp := arr[i]
		j := i
		for {
			k := from[j]
			from[j] = -1 // placed
			if k == i {
				arr[j] = tmp
				break
			}
			arr[j] = arr[k]
			j = k
		}
	}
	clear(arr[len(entries):])
	return arr[:len(entries):len(entries)]
}

// sameRecord compares two records by their JSON form; both carry the same
// stamps by the time it is called.
func sameRecord(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
