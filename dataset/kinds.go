package dataset

import (
	"fmt"
	"reflect"
	"slices"
)

// Record is a pointer to a record of any entity type (*Country,
// *Network, …).
type Record interface {
	StampsRef() *Stamps
}

// Ref is one reference a record holds to another record: the field that
// holds it (as the import form spells it), the type it points to, and a
// pointer to the ID in the record.
type Ref struct {
	Field string
	To    Type
	ID    *string
}

// Kind is what code that handles records of every type needs of one
// type, so that it needs no switch over the types: the one table of the
// record types (kinds), keyed by Type.
type Kind struct {
	Type Type
	// New returns a new zero record.
	New func() Record
	// ID returns a pointer to the record's ID.
	ID func(Record) *string
	// Clone copies the record deep enough that changing its references
	// leaves the original alone.
	Clone func(Record) Record
	// Refs lists the references the record holds, as pointers into it.
	Refs func(Record) []Ref
	// Copies returns copies of d's records of this type, in d's order.
	Copies func(d *Dataset) []Record
	// Append appends a copy of the record to d.
	Append func(d *Dataset, rec Record)
	// Lookup returns the snapshot's record of this type with the ID.
	Lookup func(s *Snapshot, id string) (Record, bool)
}

// KindOf returns the Kind of t; false for an unknown type.
func KindOf(t Type) (Kind, bool) {
	k, ok := kinds[t]
	return k, ok
}

// KindOfRecord returns the Kind of a record; false for a value that is
// not a pointer to a record.
func KindOfRecord(rec any) (Kind, bool) {
	t, ok := kindsByGoType[reflect.TypeOf(rec)]
	if !ok {
		return Kind{}, false
	}
	return KindOf(t)
}

// kindsByGoType finds a record's type from its Go type.
var kindsByGoType = func() map[reflect.Type]Type {
	m := make(map[reflect.Type]Type, len(kinds))
	for t, k := range kinds {
		m[reflect.TypeOf(k.New())] = t
	}
	return m
}()

// kinds and kindsByGoType are read-only after initialisation.
var kinds = map[Type]Kind{
	TypeCountry: kindOf(TypeCountry, func(d *Dataset) *[]Country { return &d.Countries }, (*Snapshot).Country,
		func(x *Country) *string { return &x.ID }, nil, nil),
	TypeCategory: kindOf(TypeCategory, func(d *Dataset) *[]Category { return &d.Categories }, (*Snapshot).Category,
		func(x *Category) *string { return &x.ID }, nil, nil),
	TypeNetwork: kindOf(TypeNetwork, func(d *Dataset) *[]Network { return &d.Networks }, (*Snapshot).Network,
		func(x *Network) *string { return &x.ID },
		func(x *Network) { x.Countries = slices.Clone(x.Countries) },
		func(x *Network) []Ref {
			var out []Ref
			for i := range x.Countries {
				out = append(out, Ref{fmt.Sprintf("countries[%d]", i), TypeCountry, &x.Countries[i]})
			}
			return out
		}),
	TypeMunicipality: kindOf(TypeMunicipality, func(d *Dataset) *[]Municipality { return &d.Municipalities }, (*Snapshot).Municipality,
		func(x *Municipality) *string { return &x.ID }, nil,
		func(x *Municipality) []Ref { return []Ref{{"country", TypeCountry, &x.Country}} }),
	TypeMembership: kindOf(TypeMembership, func(d *Dataset) *[]Membership { return &d.Memberships }, (*Snapshot).Membership,
		func(x *Membership) *string { return &x.ID }, nil,
		func(x *Membership) []Ref {
			return []Ref{{"municipality", TypeMunicipality, &x.Municipality}, {"network", TypeNetwork, &x.Network}}
		}),
	TypeApproach: kindOf(TypeApproach, func(d *Dataset) *[]Approach { return &d.Approaches }, (*Snapshot).Approach,
		func(x *Approach) *string { return &x.ID },
		func(x *Approach) {
			x.Categories = slices.Clone(x.Categories)
			x.Related = slices.Clone(x.Related)
		},
		func(x *Approach) []Ref {
			out := []Ref{{"municipality", TypeMunicipality, &x.Municipality}}
			for i := range x.Categories {
				out = append(out, Ref{fmt.Sprintf("categories[%d]", i), TypeCategory, &x.Categories[i]})
			}
			for i := range x.Related {
				out = append(out, Ref{fmt.Sprintf("related[%d]", i), TypeApproach, &x.Related[i]})
			}
			return out
		}),
}

// kindOf builds the Kind of the record type T from its slice in a
// Dataset, its lookup in a Snapshot, its ID, what a clone must copy
// beyond the struct (its slices of references; nil: nothing) and its
// references (nil: none).
func kindOf[T any, P interface {
	*T
	Record
}](t Type, list func(*Dataset) *[]T, lookup func(*Snapshot, string) (P, bool), id func(P) *string, deepen func(P), refs func(P) []Ref) Kind {
	return Kind{
		Type: t,
		New:  func() Record { return P(new(T)) },
		ID:   func(r Record) *string { return id(r.(P)) },
		Clone: func(r Record) Record {
			c := *r.(P)
			if deepen != nil {
				deepen(&c)
			}
			return P(&c)
		},
		Refs: func(r Record) []Ref {
			if refs == nil {
				return nil
			}
			return refs(r.(P))
		},
		Copies: func(d *Dataset) []Record {
			s := *list(d)
			out := make([]Record, len(s))
			for i := range s {
				x := s[i]
				out[i] = P(&x)
			}
			return out
		},
		Append: func(d *Dataset, r Record) {
			l := list(d)
			*l = append(*l, *r.(P))
		},
		Lookup: func(s *Snapshot, id string) (Record, bool) {
			x, ok := lookup(s, id)
			if !ok {
				return nil, false
			}
			return x, true
		},
	}
}
