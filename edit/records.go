package edit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/moving-cities/opendata/dataset"
)

// key names a record.
type key struct {
	t  dataset.Type
	id string
}

// records is a working copy of a dataset's records, keyed by type and
// ID; the values are pointers to copies, so editing them leaves the
// snapshot alone.
type records map[key]any

func load(d *dataset.Dataset) records {
	r := make(records, d.Len())
	for i := range d.Countries {
		x := d.Countries[i]
		r[key{dataset.TypeCountry, x.ID}] = &x
	}
	for i := range d.Categories {
		x := d.Categories[i]
		r[key{dataset.TypeCategory, x.ID}] = &x
	}
	for i := range d.Networks {
		x := d.Networks[i]
		r[key{dataset.TypeNetwork, x.ID}] = &x
	}
	for i := range d.Municipalities {
		x := d.Municipalities[i]
		r[key{dataset.TypeMunicipality, x.ID}] = &x
	}
	for i := range d.Memberships {
		x := d.Memberships[i]
		r[key{dataset.TypeMembership, x.ID}] = &x
	}
	for i := range d.Approaches {
		x := d.Approaches[i]
		r[key{dataset.TypeApproach, x.ID}] = &x
	}
	return r
}

// add appends rec (a pointer to a record) to d.
func add(d *dataset.Dataset, rec any) {
	switch x := rec.(type) {
	case *dataset.Country:
		d.Countries = append(d.Countries, *x)
	case *dataset.Category:
		d.Categories = append(d.Categories, *x)
	case *dataset.Network:
		d.Networks = append(d.Networks, *x)
	case *dataset.Municipality:
		d.Municipalities = append(d.Municipalities, *x)
	case *dataset.Membership:
		d.Memberships = append(d.Memberships, *x)
	case *dataset.Approach:
		d.Approaches = append(d.Approaches, *x)
	default:
		panic(fmt.Sprintf("edit: not a record: %T", rec))
	}
}

// newRecord returns a pointer to a zero record of type t.
func newRecord(t dataset.Type) any {
	switch t {
	case dataset.TypeCountry:
		return &dataset.Country{}
	case dataset.TypeCategory:
		return &dataset.Category{}
	case dataset.TypeNetwork:
		return &dataset.Network{}
	case dataset.TypeMunicipality:
		return &dataset.Municipality{}
	case dataset.TypeMembership:
		return &dataset.Membership{}
	case dataset.TypeApproach:
		return &dataset.Approach{}
	}
	return nil
}

// idOf returns a pointer to a record's ID.
func idOf(rec any) *string {
	switch x := rec.(type) {
	case *dataset.Country:
		return &x.ID
	case *dataset.Category:
		return &x.ID
	case *dataset.Network:
		return &x.ID
	case *dataset.Municipality:
		return &x.ID
	case *dataset.Membership:
		return &x.ID
	case *dataset.Approach:
		return &x.ID
	}
	return nil
}

// clone copies a record deep enough that editing its references leaves
// the original alone.
func clone(rec any) any {
	switch x := rec.(type) {
	case *dataset.Country:
		c := *x
		return &c
	case *dataset.Category:
		c := *x
		return &c
	case *dataset.Network:
		c := *x
		c.Countries = slices.Clone(x.Countries)
		return &c
	case *dataset.Municipality:
		c := *x
		return &c
	case *dataset.Membership:
		c := *x
		return &c
	case *dataset.Approach:
		c := *x
		c.Categories = slices.Clone(x.Categories)
		c.Related = slices.Clone(x.Related)
		return &c
	}
	return rec
}

// ref is one reference from a record to another.
type ref struct {
	field string
	to    dataset.Type
	id    *string
}

// refs lists the references a record holds, as pointers into it.
func refs(rec any) []ref {
	var out []ref
	switch x := rec.(type) {
	case *dataset.Network:
		for i := range x.Countries {
			out = append(out, ref{fmt.Sprintf("countries[%d]", i), dataset.TypeCountry, &x.Countries[i]})
		}
	case *dataset.Municipality:
		out = append(out, ref{"country", dataset.TypeCountry, &x.Country})
	case *dataset.Membership:
		out = append(out, ref{"municipality", dataset.TypeMunicipality, &x.Municipality}, ref{"network", dataset.TypeNetwork, &x.Network})
	case *dataset.Approach:
		out = append(out, ref{"municipality", dataset.TypeMunicipality, &x.Municipality})
		for i := range x.Categories {
			out = append(out, ref{fmt.Sprintf("categories[%d]", i), dataset.TypeCategory, &x.Categories[i]})
		}
		for i := range x.Related {
			out = append(out, ref{fmt.Sprintf("related[%d]", i), dataset.TypeApproach, &x.Related[i]})
		}
	}
	return out
}

// stamps returns a pointer to a record's stamps.
func stamps(rec any) *dataset.Stamps {
	if r, ok := rec.(interface{ StampsRef() *dataset.Stamps }); ok {
		return r.StampsRef()
	}
	return nil
}

// Document is a record's JSON in the import form: without its stamps,
// which the store sets.
func Document(rec any) ([]byte, error) {
	c := clone(rec)
	if st := stamps(c); st != nil {
		*st = dataset.Stamps{}
	}
	return json.Marshal(c)
}

// readOnly are the members of a published document that a write may
// send back but cannot set: the store stamps a record, and its IRI and
// class follow from its type and ID.
var readOnly = []string{"iri", "type", "created", "modified"}

// decode reads a record of type t from a JSON object, refusing unknown
// members (a misspelt field would otherwise be dropped silently) and
// ignoring the read-only members of published documents.
func decode(t dataset.Type, body []byte) (any, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %w", err)
	}
	if obj == nil {
		return nil, errors.New("the body is not a JSON object: null")
	}
	for _, k := range readOnly {
		delete(obj, k)
	}
	clean, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	rec := newRecord(t)
	dec := json.NewDecoder(bytes.NewReader(clean))
	dec.DisallowUnknownFields()
	if err := dec.Decode(rec); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the record")
	}
	return rec, nil
}

// mergePatch applies an RFC 7396 JSON merge patch to a JSON document.
func mergePatch(doc, patch []byte) ([]byte, error) {
	var d, p any
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(patch, &p); err != nil {
		return nil, fmt.Errorf("the patch is not JSON: %w", err)
	}
	if _, ok := p.(map[string]any); !ok {
		return nil, errors.New("the patch is not a JSON object (a merge patch that is not an object would replace the whole record)")
	}
	return json.Marshal(applyPatch(d, p))
}

func applyPatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = applyPatch(t[k], v)
	}
	return t
}
