package dumps

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// Values are read from the dataset's records by their JSON keys, the keys
// the vocabulary's fields name: the dumps see a record as its JSON does,
// without a second list of its fields. A JSON field that encoding/json
// would omit (omitempty, omitzero, a nil pointer) is a null cell.

// jsonField is where a JSON key's value is in a struct.
type jsonField struct {
	index []int
	omit  bool // omitempty or omitzero: a zero value is absent
}

var jsonFieldsCache sync.Map // reflect.Type → map[string]jsonField

// jsonFields maps the JSON keys of struct type t to its fields, embedded
// structs' fields included.
func jsonFields(t reflect.Type) map[string]jsonField {
	if m, ok := jsonFieldsCache.Load(t); ok {
		return m.(map[string]jsonField)
	}
	m := map[string]jsonField{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || (name == "" && f.Anonymous) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
		m[name] = jsonField{index: f.Index, omit: omit}
	}
	jsonFieldsCache.Store(t, m)
	return m
}

// path reaches a value inside a record by a sequence of JSON keys.
type path struct {
	steps []jsonField
	// required: no step can be absent, so the value is always there.
	required bool
	typ      reflect.Type // of the value reached
}

// pathOf resolves keys in struct type t.
func pathOf(t reflect.Type, keys ...string) (path, error) {
	p := path{required: true}
	for _, k := range keys {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
			p.required = false
		}
		if t.Kind() != reflect.Struct {
			return p, fmt.Errorf("key %q: %s is not a struct", k, t)
		}
		f, ok := jsonFields(t)[k]
		if !ok {
			return p, fmt.Errorf("%s has no JSON key %q", t, k)
		}
		if f.omit {
			p.required = false
		}
		p.steps = append(p.steps, f)
		t = t.FieldByIndex(f.index).Type
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		p.required = false
	}
	p.typ = t
	return p, nil
}

// get returns the value at p in v, and false where JSON would have none.
func (p *path) get(v reflect.Value) (reflect.Value, bool) {
	for _, s := range p.steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(s.index)
		if s.omit && v.IsZero() {
			return reflect.Value{}, false
		}
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	return v, true
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	partialDateType = reflect.TypeFor[dataset.PartialDate]()
)

// scalar sets c from v, a value of a column of type t. Empty strings and
// zero times and dates are null.
func scalar(t *colType, v reflect.Value, c *cell) error {
	switch t {
	case tString, tIRI, tURL:
		if v.Kind() != reflect.String {
			return fmt.Errorf("%s value of kind %s", t.name, v.Kind())
		}
		c.s = v.String()
		c.null = c.s == ""
	case tInteger, tYear:
		switch v.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			c.i, c.null = v.Int(), false
		default:
			return fmt.Errorf("%s value of kind %s", t.name, v.Kind())
		}
	case tDouble:
		if v.Kind() != reflect.Float64 && v.Kind() != reflect.Float32 {
			return fmt.Errorf("double value of kind %s", v.Kind())
		}
		c.f, c.null = v.Float(), false
	case tBoolean:
		if v.Kind() != reflect.Bool {
			return fmt.Errorf("boolean value of kind %s", v.Kind())
		}
		c.b, c.null = v.Bool(), false
	case tDateTime:
		if v.Type() != timeType {
			return fmt.Errorf("dateTime value of type %s", v.Type())
		}
		// The store stamps at this precision; a snapshot made otherwise
		// still gives CSV and Parquet the same instant.
		c.t = v.Interface().(time.Time)
		c.null = c.t.IsZero()
		c.t = dataset.Stamp(c.t)
	case tEDTF:
		if v.Type() != partialDateType {
			return fmt.Errorf("EDTF value of type %s", v.Type())
		}
		c.s = v.Interface().(dataset.PartialDate).String()
		c.null = c.s == ""
	default:
		return fmt.Errorf("no reader for %s values", t.name)
	}
	return nil
}

// checkScalar reports whether values of type rt can fill a column of type t.
func checkScalar(t *colType, rt reflect.Type) error {
	var c cell
	return scalar(t, reflect.Zero(rt), &c)
}
