package graph

import (
	"fmt"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Doc is the document of an entity, or the tombstone of a retired ID.
type Doc struct {
	Base string
	Type dataset.Type
	ID   string
	// Object is the JSON-LD document without its "@context" (Context).
	Object Object
	// Modified is the latest change of any record the document shows.
	Modified time.Time
	// Retired is the record of a tombstone; nil for an entity's document.
	Retired *dataset.Retired
}

// Context is the document's "@context" value.
func (d *Doc) Context() any {
	if d.Retired != nil {
		return vocab.TombstoneContext(d.Base, d.Type)
	}
	return vocab.ContextURL(d.Base)
}

// Triples is the document's graph, in a fixed order: each node's triples
// together, the entity's first.
func (d *Doc) Triples() ([]vocab.Triple, error) {
	var ts []vocab.Triple
	w := &walker{base: d.Base}
	sc := top
	if d.Retired != nil {
		sc = tombstoneScope(d.Base, d.Type)
	}
	err := w.walk(d.Object, sc, func(t vocab.Triple) error {
		ts = append(ts, t)
		return nil
	})
	return ts, err
}

// Entity returns the document of entity t/id in snap: the record's JSON
// with "iri" and "type"; for a municipality its point as a GeoSPARQL
// "geometry" and its "memberships" and "approaches", each as its own
// document's entity; and the "document" itself. ok is false when snap has
// no such entity.
func Entity(base string, snap *dataset.Snapshot, t dataset.Type, id string) (d *Doc, ok bool, err error) {
	rec, ok := record(snap, t, id)
	if !ok {
		return nil, false, nil
	}
	d = &Doc{Base: base, Type: t, ID: id, Modified: modified(rec)}
	o, err := entityObject(base, t, rec)
	if err != nil {
		return nil, false, err
	}
	if m, ok := rec.(*dataset.Municipality); ok {
		var ms, as []any
		for _, x := range snap.MembershipsOf(m.ID) {
			xo, err := entityObject(base, dataset.TypeMembership, x)
			if err != nil {
				return nil, false, err
			}
			ms = append(ms, xo)
			d.Modified = later(d.Modified, x.Modified)
		}
		for _, x := range snap.ApproachesOf(m.ID) {
			xo, err := entityObject(base, dataset.TypeApproach, x)
			if err != nil {
				return nil, false, err
			}
			as = append(as, xo)
			d.Modified = later(d.Modified, x.Modified)
		}
		if ms != nil {
			o = append(o, Member{"memberships", ms})
		}
		if as != nil {
			o = append(o, Member{"approaches", as})
		}
	}
	d.Object = append(o, Member{"document", documentObject(base, t, id)})
	return d, true, nil
}

// Tombstone returns the document of a retired ID: the dataset.Retired
// record, read with vocab.TombstoneContext.
func Tombstone(base string, r *dataset.Retired) (*Doc, error) {
	o, err := ToObject(r)
	if err != nil {
		return nil, fmt.Errorf("graph: tombstone %s/%s: %w", r.Type, r.ID, err)
	}
	return &Doc{Base: base, Type: r.Type, ID: r.ID, Object: o, Modified: r.Retired, Retired: r}, nil
}

// entityObject is the JSON of a record with the "iri" and "type" the API
// gives every entity, after its "id", and for a municipality with a point
// its "geometry".
func entityObject(base string, t dataset.Type, rec any) (Object, error) {
	raw, err := ToObject(rec)
	if err != nil {
		return nil, fmt.Errorf("graph: encode %s: %w", t, err)
	}
	e, ok := vocab.TypeOf(t)
	if !ok {
		return nil, fmt.Errorf("graph: no entity type %q", t)
	}
	o := make(Object, 0, len(raw)+4)
	for _, m := range raw {
		o = append(o, m)
		if m.Key == "id" {
			id, _ := m.Value.(string)
			o = append(o, Member{"iri", vocab.EntityIRI(base, t, id)}, Member{"type", e.Name()})
		}
	}
	if m, ok := rec.(*dataset.Municipality); ok && m.Coordinates != nil {
		o = append(o, Member{"geometry", Object{{"wkt", vocab.WKTPointText(*m.Coordinates)}}})
	}
	return o, nil
}

// documentObject describes the document about entity t/id: a
// foaf:Document whose primary topic the entity is (the key "document" is
// the reverse of foaf:primaryTopic), under CC BY 4.0, part of the dataset.
func documentObject(base string, t dataset.Type, id string) Object {
	return Object{
		{"iri", vocab.DocumentIRI(base, t, id)},
		{"type", vocab.FOAFDocument.CURIE()},
		{"license", vocab.LicenseIRI},
		{"in_dataset", vocab.DatasetIRI(base)},
		{"is_part_of", vocab.DatasetIRI(base)},
	}
}

// record finds entity t/id in snap.
func record(snap *dataset.Snapshot, t dataset.Type, id string) (any, bool) {
	switch t {
	case dataset.TypeMunicipality:
		return found(snap.Municipality(id))
	case dataset.TypeCountry:
		return found(snap.Country(id))
	case dataset.TypeNetwork:
		return found(snap.Network(id))
	case dataset.TypeMembership:
		return found(snap.Membership(id))
	case dataset.TypeApproach:
		return found(snap.Approach(id))
	case dataset.TypeCategory:
		return found(snap.Category(id))
	}
	return nil, false
}

func found[T any](x *T, ok bool) (any, bool) {
	if !ok {
		return nil, false
	}
	return x, true
}

func modified(rec any) time.Time {
	if s, ok := rec.(interface{ StampsRef() *dataset.Stamps }); ok {
		return s.StampsRef().Modified
	}
	return time.Time{}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Namespaces lists the namespaces of vocab.Namespaces that the IRIs of ts
// (datatypes included) start with, in the table's order: the prefixes a
// document of ts needs to declare. The list is never nil.
func Namespaces(ts []vocab.Triple) []*vocab.Namespace {
	used := make([]bool, len(vocab.Namespaces))
	mark := func(iri string) {
		for i, ns := range vocab.Namespaces {
			if !used[i] && strings.HasPrefix(iri, ns.IRI) {
				used[i] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range ts {
		for _, n := range []vocab.Node{t.S, t.P, t.O} {
			iri := n.Value
			if n.IsLiteral() {
				iri = n.Datatype
			} else if !n.IsIRI() {
				continue
			}
			if !seen[iri] {
				seen[iri] = true
				mark(iri)
			}
		}
	}
	out := []*vocab.Namespace{}
	for i, ns := range vocab.Namespaces {
		if used[i] {
			out = append(out, ns)
		}
	}
	return out
}
