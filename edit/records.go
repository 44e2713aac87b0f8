package edit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

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
type records map[key]dataset.Record

// kind is the entry of t, one of dataset.Types, in the table of record
// types.
func kind(t dataset.Type) dataset.Kind {
	k, ok := dataset.KindOf(t)
	if !ok {
		panic(fmt.Sprintf("edit: unknown entity type %q", t))
	}
	return k
}

func load(d *dataset.Dataset) records {
	r := make(records, d.Len())
	for _, t := range dataset.Types {
		k := kind(t)
		for _, rec := range k.Copies(d) {
			r[key{t, *k.ID(rec)}] = rec
		}
	}
	return r
}

// Document is a record's JSON in the import form: without its stamps,
// which the store sets.
func Document(rec dataset.Record) ([]byte, error) {
	k, ok := dataset.KindOfRecord(rec)
	if !ok {
		return nil, fmt.Errorf("edit: not a record: %T", rec)
	}
	c := k.Clone(rec)
	*c.StampsRef() = dataset.Stamps{}
	return json.Marshal(c)
}

// readOnly are the members of a published document that a write may
// send back but cannot set: the store stamps a record, and its IRI and
// class follow from its type and ID.
var readOnly = []string{"iri", "type", "created", "modified"}

// decode reads a record of type t from a JSON object, refusing unknown
// members (a misspelt field would otherwise be dropped silently) and
// ignoring the read-only members of published documents.
func decode(t dataset.Type, body []byte) (dataset.Record, error) {
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
	rec := kind(t).New()
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
