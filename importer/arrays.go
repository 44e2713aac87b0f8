package importer

import (
	"reflect"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// array is one list of records of a dataset.Dataset: the JSON form's
// top-level array of that key, and the records a CSV table of that type
// adds to. Every per-type step of the importer goes through arrays, so
// that no type is spelled out a second time.
type array struct {
	key   string       // JSON key ("municipalities")
	typ   dataset.Type // record type; "retired" for tombstones
	index []int        // of the field in dataset.Dataset
}

// retiredType is the type the problems of a tombstone without a type
// name.
const retiredType dataset.Type = "retired"

// arrays are the fields of dataset.Dataset, in its order, which is the
// order of dependency: a record only refers to records of arrays before it.
var arrays = func() []array {
	var out []array
	for _, f := range reflect.VisibleFields(reflect.TypeFor[dataset.Dataset]()) {
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "" || key == "-" || f.Type.Kind() != reflect.Slice {
			continue
		}
		typ, ok := dataset.ParseType(key)
		if !ok {
			typ = retiredType
		}
		out = append(out, array{key: key, typ: typ, index: f.Index})
	}
	return out
}()

// of returns the slice of d the array is.
func (a array) of(d *dataset.Dataset) reflect.Value {
	return reflect.ValueOf(d).Elem().FieldByIndex(a.index)
}

// arrayOf returns the array of records of type t.
func arrayOf(t dataset.Type) (array, bool) {
	for _, a := range arrays {
		if a.typ == t {
			return a, true
		}
	}
	return array{}, false
}

func arrayKeys() string {
	keys := make([]string, len(arrays))
	for i, a := range arrays {
		keys[i] = a.key
	}
	return strings.Join(keys, ", ")
}

// appendAll appends the records of src to dst, array by array. Into an
// empty array, src's is taken rather than copied (an import of one file
// copied all its records here: 75 MB at 100k municipalities, issue 18),
// so src must not be used afterwards.
func appendAll(dst, src *dataset.Dataset) {
	for _, a := range arrays {
		d, s := a.of(dst), a.of(src)
		if d.Len() == 0 && s.Len() > 0 {
			d.Set(s)
			s.SetZero()
			continue
		}
		d.Set(reflect.AppendSlice(d, s))
	}
}
