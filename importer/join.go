package importer

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/vocab"
)

// Part is what one import file holds: records, and the rows of tables
// that add to records that may be in other files of the same import (a
// release's names, sources and link tables). Join puts the parts together.
type Part struct {
	Dataset dataset.Dataset
	adds    []addition
}

// addition is a row that adds to a record: a name, a source, a link.
type addition struct {
	typ   dataset.Type
	id    string
	table string // for problems: the table and line of the row
	line  int
	// apply adds the row to the record rec (addressable); it returns a
	// problem, or "".
	apply func(rec reflect.Value, j *joining) string
}

type recordKey struct {
	typ dataset.Type
	id  string
}

// joining is what the additions of one Join share.
type joining struct {
	// listed holds, per record that the sources table gives sources of,
	// the URLs its own table listed, which the sources replace.
	listed map[recordKey][]string
}

// Join puts parts together into one import: the records of all, in order,
// and then every addition applied to its record, which must be in the
// import. Every addition whose record is missing is reported at once.
// Join takes the parts' records: the parts must not be used afterwards.
func Join(parts ...*Part) (*dataset.Dataset, error) {
	d := &dataset.Dataset{}
	adds := 0
	for _, p := range parts {
		appendAll(d, &p.Dataset)
		adds += len(p.adds)
	}
	if adds == 0 {
		return d, nil
	}
	index := map[recordKey]reflect.Value{}
	for _, a := range arrays {
		if a.typ == retiredType {
			continue
		}
		s := a.of(d)
		for i := range s.Len() {
			rec := s.Index(i)
			index[recordKey{a.typ, rec.FieldByName("ID").String()}] = rec
		}
	}
	j := &joining{listed: map[recordKey][]string{}}
	var ps dataset.Problems
	for _, p := range parts {
		for _, a := range p.adds {
			problem := func(format string, args ...any) {
				ps = append(ps, dataset.Problem{Type: a.typ, ID: a.id, Field: fmt.Sprintf("%s.csv, line %d", a.table, a.line), Message: fmt.Sprintf(format, args...)})
			}
			rec, ok := index[recordKey{a.typ, a.id}]
			if !ok {
				ar, _ := arrayOf(a.typ)
				problem("the %s %q is not in this import: import %s.csv with %s.csv", a.typ, a.id, ar.key, a.table)
				continue
			}
			if msg := a.apply(rec, j); msg != "" {
				problem("%s", msg)
			}
		}
	}
	// A record's own table lists the URLs of its sources; the sources
	// table must have the same ones.
	for k, urls := range j.listed {
		l, err := field(index[k], mustSourcesKeys(k.typ))
		if err != nil {
			return nil, fmt.Errorf("importer: %w", err)
		}
		if got := urlsOf(l); len(urls) > 0 && !slices.Equal(urls, got) {
			ps = append(ps, dataset.Problem{Type: k.typ, ID: k.id, Field: "sources",
				Message: fmt.Sprintf("the table of %s lists the sources %s, the sources table %s", k.typ, strings.Join(urls, " "), strings.Join(got, " "))})
		}
	}
	if len(ps) > 0 {
		slices.SortStableFunc(ps, func(a, b dataset.Problem) int { return strings.Compare(string(a.Type)+a.ID, string(b.Type)+b.ID) })
		return nil, ps
	}
	return d, nil
}

func mustSourcesKeys(t dataset.Type) []string {
	keys, _ := sourcesKeys(t)
	return keys
}

// field returns the value at the JSON keys in the struct v, making nil
// pointers on the way.
func field(v reflect.Value, keys []string) (reflect.Value, error) {
	for _, k := range keys {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		f, ok := jsonField(v.Type(), k)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s has no JSON key %q", v.Type(), k)
		}
		v = v.FieldByIndex(f.Index)
	}
	return v, nil
}

// nameField returns the multilingual field of type t whose property's
// local name is kind: the names table's "kind" column ("prefLabel",
// "altLabel", "abstract"…), as the dumps write it.
func nameField(t dataset.Type, kind string) (*vocab.Field, bool) {
	var found *vocab.Field
	eachNameField(t, func(f *vocab.Field) {
		if f.Term.Local == kind && found == nil {
			found = f
		}
	})
	return found, found != nil
}

func nameKinds(t dataset.Type) []string {
	var kinds []string
	eachNameField(t, func(f *vocab.Field) { kinds = append(kinds, f.Term.Local) })
	return kinds
}

func eachNameField(t dataset.Type, fn func(f *vocab.Field)) {
	e, ok := vocab.TypeOf(t)
	if !ok {
		return
	}
	for i := range e.Fields {
		f := &e.Fields[i]
		if f.Term != nil && (f.Value == vocab.LangMap || f.Value == vocab.LangPairs) {
			fn(f)
		}
	}
}

// nameAdder adds a name in lang to the field f of a record: an entry of
// a language map, or an element of a list of language-tagged names.
func nameAdder(f *vocab.Field, lang, name string) func(rec reflect.Value, _ *joining) string {
	return func(rec reflect.Value, _ *joining) string {
		v, err := field(rec, []string{f.Key})
		if err != nil {
			return err.Error()
		}
		switch f.Value {
		case vocab.LangMap:
			if v.IsNil() {
				v.Set(reflect.MakeMap(v.Type()))
			}
			k := reflect.ValueOf(lang).Convert(v.Type().Key())
			if old := v.MapIndex(k); old.IsValid() && old.String() != name {
				return fmt.Sprintf("%s has the %s %q in %s, and the names table %q", f.Key, f.Term.Local, old.String(), lang, name)
			}
			v.SetMapIndex(k, reflect.ValueOf(name).Convert(v.Type().Elem()))
		case vocab.LangPairs:
			e := reflect.New(v.Type().Elem()).Elem()
			for k, x := range map[string]string{dumps.PairLangKey: lang, f.PairKey(): name} {
				f, err := field(e, []string{k})
				if err != nil {
					return err.Error()
				}
				f.SetString(x)
			}
			v.Set(reflect.Append(v, e))
		}
		return ""
	}
}
