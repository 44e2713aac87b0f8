package store

import (
	"fmt"

	jsoniter "github.com/json-iterator/go"

	"github.com/moving-cities/opendata/dataset"
)

// Loading a dataset from its stored JSON records, shared by the SQLite and
// PostgreSQL stores: they differ in how they read rows, not in what a row
// becomes.

// ReserveRecords gives d's collection of type t the capacity of n records,
// so that AppendRecord fills it in place: appending to slices that grow
// would copy 100,000 municipalities again each time one outgrew its array,
// a fifth of start-up's CPU time (issue 18).
func ReserveRecords(d *dataset.Dataset, t dataset.Type, n int) {
	switch t {
	case dataset.TypeCountry:
		d.Countries = make([]dataset.Country, 0, n)
	case dataset.TypeCategory:
		d.Categories = make([]dataset.Category, 0, n)
	case dataset.TypeNetwork:
		d.Networks = make([]dataset.Network, 0, n)
	case dataset.TypeMunicipality:
		d.Municipalities = make([]dataset.Municipality, 0, n)
	case dataset.TypeMembership:
		d.Memberships = make([]dataset.Membership, 0, n)
	case dataset.TypeApproach:
		d.Approaches = make([]dataset.Approach, 0, n)
	}
}

// AppendRecord decodes doc, a stored record of type t, onto d's collection
// of t, with its stamps.
func AppendRecord(d *dataset.Dataset, t dataset.Type, doc []byte, st dataset.Stamps) error {
	switch t {
	case dataset.TypeCountry:
		return decodeInto(&d.Countries, doc, func(x *dataset.Country) { x.Stamps = st })
	case dataset.TypeCategory:
		return decodeInto(&d.Categories, doc, func(x *dataset.Category) { x.Stamps = st })
	case dataset.TypeNetwork:
		return decodeInto(&d.Networks, doc, func(x *dataset.Network) { x.Stamps = st })
	case dataset.TypeMunicipality:
		return decodeInto(&d.Municipalities, doc, func(x *dataset.Municipality) { x.Stamps = st })
	case dataset.TypeMembership:
		return decodeInto(&d.Memberships, doc, func(x *dataset.Membership) { x.Stamps = st })
	case dataset.TypeApproach:
		return decodeInto(&d.Approaches, doc, func(x *dataset.Approach) { x.Stamps = st })
	}
	return fmt.Errorf("unknown record type %q", t)
}

// decodeInto decodes doc into a new last element of list, in place.
// Decoding was half of start-up at 100k municipalities: json-iterator,
// in its mode compatible with encoding/json, takes about a third less
// CPU, and a test holds it to decoding every record as encoding/json
// does (issue 18).
func decodeInto[T any](list *[]T, doc []byte, stamp func(*T)) error {
	var zero T
	*list = append(*list, zero)
	x := &(*list)[len(*list)-1]
	if err := jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal(doc, x); err != nil {
		*list = (*list)[:len(*list)-1]
		return err
	}
	stamp(x)
	return nil
}
