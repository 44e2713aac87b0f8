package importer

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
)

// DecodeCSV decodes one CSV table of the release form (see
// docs/import-formats.md): the table is the one whose columns the header
// names. A table that adds to the records of another (names, sources,
// links) needs that table in the same import: see ReadFiles.
func DecodeCSV(r io.Reader) (*dataset.Dataset, error) {
	p, err := decodeCSV(r, "")
	if err != nil {
		return nil, err
	}
	return Join(p)
}

// decodeCSV decodes an RFC 4180 CSV file (UTF-8, optional byte order
// mark, header row) of one of the tables of a release (dumps.Tables): the
// columns and how each is read come from that table, the one the dumps
// write, so that a release's CSV files import as they are. hint is the
// file's name without ".csv": when it names a table, the file is that
// table.
//
// A cell that is empty or only white space is "not given". Numbers,
// booleans and dates may be surrounded by white space; text is taken as
// written, so that dataset.Validate sees and reports padded names. List
// cells are split exactly as the dumps join them (dumps.SplitList).
// Times (created, modified, retired) are read and checked, then left to
// the store, which stamps every record it writes.
//
// Every cell that does not parse is reported, with its line and column, in
// one dataset.Problems (Field "line N, column X"): a curator fixes the file
// in one pass. decodeCSV does not validate beyond parsing.
func decodeCSV(r io.Reader, hint string) (*Part, error) {
	br := bufio.NewReader(r)
	// Spreadsheet programs write a UTF-8 byte order mark; it is not part of
	// the first column's name.
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		if _, err := br.Discard(len(bom)); err != nil {
			return nil, fmt.Errorf("read CSV: %w", err)
		}
	}
	cr := csv.NewReader(br)
	// Rows of the wrong width are reported by decodeRows, which then reads
	// on, so that one short row does not hide the problems after it.
	cr.FieldsPerRecord = -1
	first, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: a CSV import needs a header row")
	}
	if err != nil {
		return nil, fmt.Errorf("read CSV header: %w", err)
	}
	h, err := parseHeader(cr, first, hint)
	if err != nil {
		return nil, err
	}
	return decodeRows(cr, h)
}

const bom = "\uFEFF"

// importTables are the tables of a release as dumps.Tables makes them;
// the IRIs' base does not matter to reading them.
var importTables = func() []*dumps.Table {
	ts, err := dumps.Tables("")
	if err != nil {
		panic(fmt.Sprintf("importer: %v", err)) // the dumps tests fail first
	}
	return ts
}()

// header is a parsed header row.
type header struct {
	table *dumps.Table
	names []string       // column names by position
	cols  []colRef       // the column of each position
	index map[string]int // position by column name
	// parts are the columns of nested objects that the record always
	// has once the object is there (lat and lon of coordinates): each
	// must be given when another column of its object is.
	parts []*dumps.Column
}

// colRef is the table column a header names, with the language of a
// language map column: a column of the table itself (name_de), or of
// the same family in a language without a column of its own (name_gl,
// which a release has in the names table).
type colRef struct {
	*dumps.Column
	lang string
}

// columnOf returns the column of t called name.
func columnOf(t *dumps.Table, name string) (colRef, bool) {
	if c := t.Column(name); c != nil {
		return colRef{c, c.Lang}, true
	}
	for _, c := range t.Columns {
		if c.Lang == "" {
			continue
		}
		prefix := strings.TrimSuffix(c.Name, c.Lang)
		if tag, ok := strings.CutPrefix(name, prefix); ok && tag != "" {
			return colRef{c, tag}, true
		}
	}
	return colRef{}, false
}

// help lists t's columns for error messages.
func help(t *dumps.Table) string {
	var names []string
	for _, c := range t.Columns {
		if c.Lang != "" {
			if c.Lang != dataset.Languages[0] {
				continue
			}
			names = append(names, strings.TrimSuffix(c.Name, c.Lang)+"<language tag>")
			continue
		}
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// tableFor finds the table a header is of: the one hint names, else the
// only one that has every column the header names and whose required
// columns it has (booleans, a municipality's status and a membership's
// ID may be left out: see defaults). With no such table, the closest
// one, whose unknown columns parseHeader then reports.
func tableFor(names []string, hint string) (*dumps.Table, []*dumps.Table) {
	for _, t := range importTables {
		if t.Name == hint {
			return t, nil
		}
	}
	var fits, complete []*dumps.Table
	var closest *dumps.Table
	best := 0
	for _, t := range importTables {
		unknown := 0
		for _, n := range names {
			if _, ok := columnOf(t, n); !ok {
				unknown++
			}
		}
		// The closest table knows the most columns; of those, a record
		// table is the likelier mistake.
		score := 2 * (len(names) - 2*unknown)
		if t.Role == dumps.RoleRecords {
			score++
		}
		if closest == nil || score > best {
			closest, best = t, score
		}
		if unknown > 0 {
			continue
		}
		fits = append(fits, t)
		if hasRequired(t, names) {
			complete = append(complete, t)
		}
	}
	switch {
	case len(complete) == 1:
		return complete[0], nil
	case len(complete) > 1:
		return nil, complete
	case len(fits) == 1:
		return fits[0], nil
	case len(fits) > 1:
		return nil, fits
	}
	return closest, nil
}

func hasRequired(t *dumps.Table, names []string) bool {
	for _, c := range t.Columns {
		if c.Required && c.Datatype() != "boolean" && !slices.Contains(names, c.Name) {
			return false
		}
	}
	return true
}

// parseHeader recognises the table and reports every unknown, duplicate
// or unnamed column at once.
func parseHeader(cr *csv.Reader, cells []string, hint string) (*header, error) {
	h := &header{names: make([]string, len(cells)), cols: make([]colRef, len(cells)), index: make(map[string]int, len(cells))}
	for i, c := range cells {
		h.names[i] = strings.TrimSpace(c)
	}
	t, several := tableFor(h.names, hint)
	if t == nil {
		var ns []string
		for _, s := range several {
			ns = append(ns, s.Name)
		}
		line, _ := cr.FieldPos(0)
		return nil, fmt.Errorf("line %d: the header fits the tables %s; name the file after its table (%s.csv) or add the columns that tell them apart",
			line, strings.Join(ns, ", "), ns[0])
	}
	h.table = t
	var ps dataset.Problems
	for i, name := range h.names {
		line, _ := cr.FieldPos(i)
		field := fmt.Sprintf("line %d, column %s", line, name)
		if name == "" || !utf8.ValidString(name) {
			field = fmt.Sprintf("line %d, column %d", line, i+1)
		}
		bad := func(format string, args ...any) {
			ps = append(ps, dataset.Problem{Type: problemType(t), Field: field, Message: fmt.Sprintf(format, args...)})
		}
		_, dup := h.index[name]
		c, known := columnOf(t, name)
		switch {
		case name == "":
			bad("the column has no name")
		case !utf8.ValidString(name):
			bad("the column name is not valid UTF-8")
		case dup:
			bad("column %q appears more than once", name)
		case !known:
			bad("unknown column %q (the columns of the %s table are: %s)", name, t.Name, help(t))
		}
		h.index[name] = i
		h.cols[i] = c
	}
	if len(ps) > 0 {
		return nil, ps
	}
	if a, ok := arrayOf(problemType(t)); ok && t.Role != dumps.RoleSources && t.Role != dumps.RoleObjects {
		rt := a.of(&dataset.Dataset{}).Type().Elem()
		for _, c := range t.Columns {
			if len(c.Keys) >= 2 && !c.List && c.Lang == "" && alwaysHas(rt, c.Keys) {
				h.parts = append(h.parts, c)
			}
		}
	}
	return h, nil
}

// problemType is the type problems of t's rows are reported under.
func problemType(t *dumps.Table) dataset.Type {
	switch t.Role {
	case dumps.RoleRecords, dumps.RoleLinks:
		return t.Type
	case dumps.RoleRetired:
		return retiredType
	}
	return dataset.Type(t.Name)
}

// decodeRows reads the data rows after the header. A CSV syntax error ends
// reading (the reader cannot tell where the next row starts), but the
// problems found before it are still reported.
func decodeRows(cr *csv.Reader, h *header) (*Part, error) {
	p := &Part{}
	var ps dataset.Problems
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("read CSV: %w", err)
			}
			ps = append(ps, dataset.Problem{
				Type:    problemType(h.table),
				Field:   fmt.Sprintf("line %d", pe.Line),
				Message: fmt.Sprintf("CSV syntax: %v (character %d of the line); the rest of the file was not read", pe.Err, pe.Column),
			})
			break
		}
		line, _ := cr.FieldPos(0)
		rw := &row{cr: cr, h: h, rec: rec, ps: &ps, typ: problemType(h.table), line: line}
		if len(rec) != len(h.names) {
			rw.id = rw.text("id")
			ps = append(ps, dataset.Problem{
				Type: rw.typ, ID: rw.id, Field: fmt.Sprintf("line %d", line),
				Message: fmt.Sprintf("the row has %d cells, the header %d", len(rec), len(h.names)),
			})
			continue
		}
		rw.checkUTF8()
		if err := rw.decode(p); err != nil {
			return nil, err
		}
		rw.flush()
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return p, nil
}

// row decodes the cells of one data row, recording every cell that does
// not parse.
type row struct {
	cr   *csv.Reader // for the position of the cells
	h    *header
	rec  []string
	line int          // of the row's first cell
	typ  dataset.Type // for problems
	id   string       // the record's ID, for problems
	ps   *dataset.Problems

	problems []cellProblem // of this row
	failed   map[string]bool
}

func (rw *row) fail(col string, format string, args ...any) {
	i, ok := rw.h.index[col]
	if !ok || i >= len(rw.rec) {
		i = 0 // the column is absent: report the row's first line
	}
	line, _ := rw.cr.FieldPos(i)
	if rw.failed == nil {
		rw.failed = map[string]bool{}
	}
	rw.failed[col] = true
	rw.problems = append(rw.problems, cellProblem{col: i, Problem: dataset.Problem{
		Type:    rw.typ,
		Field:   fmt.Sprintf("line %d, column %s", line, col),
		Message: fmt.Sprintf(format, args...),
	}})
}

// flush adds the row's problems to all problems in column order, which is
// how a curator reads the row, not the order the decoder checks cells in.
func (rw *row) flush() {
	slices.SortStableFunc(rw.problems, func(a, b cellProblem) int { return cmp.Compare(a.col, b.col) })
	for _, p := range rw.problems {
		p.ID = rw.id // known only once the row is decoded
		*rw.ps = append(*rw.ps, p.Problem)
	}
}

type cellProblem struct {
	col int
	dataset.Problem
}

// checkUTF8 reports and blanks cells that are not UTF-8, so that no invalid
// text reaches the dataset (JSON would silently rewrite it).
func (rw *row) checkUTF8() {
	for i, v := range rw.rec {
		if !utf8.ValidString(v) {
			rw.fail(rw.h.names[i], "not valid UTF-8 (save the file as UTF-8)")
			rw.rec[i] = ""
		}
	}
}

// text is the cell of col as written, or "" when the column is absent or
// the cell only white space.
func (rw *row) text(col string) string {
	i, ok := rw.h.index[col]
	if !ok || i >= len(rw.rec) || strings.TrimSpace(rw.rec[i]) == "" {
		return ""
	}
	return rw.rec[i]
}

// given reports whether the cell of col has a value.
func (rw *row) given(col string) bool { return rw.text(col) != "" }

// decode decodes the row into p: a record, or an addition to one.
func (rw *row) decode(p *Part) error {
	t := rw.h.table
	switch t.Role {
	case dumps.RoleNames:
		rw.name(p)
		return nil
	case dumps.RoleLinks:
		rw.link(p)
		return nil
	case dumps.RoleSources:
		return rw.source(p)
	case dumps.RoleObjects:
		return rw.object(p)
	}
	a, ok := arrayOf(problemType(t))
	if !ok {
		return fmt.Errorf("importer: no records of type %s", problemType(t))
	}
	rv := reflect.New(a.of(&p.Dataset).Type().Elem())
	if err := rw.fill(rv.Elem()); err != nil {
		return fmt.Errorf("importer: table %s, line %d: %w", t.Name, rw.line, err)
	}
	defaults(rv.Interface())
	rw.id = rv.Elem().FieldByName("ID").String()
	if r, ok := rv.Interface().(*dataset.Retired); ok && r.Type != "" {
		rw.typ = r.Type
	}
	s := a.of(&p.Dataset)
	s.Set(reflect.Append(s, rv.Elem()))
	return nil
}

// defaults fill what a CSV file may leave out: a municipality's status is
// active, a membership's ID is made of its municipality's and network's.
func defaults(rec any) {
	switch r := rec.(type) {
	case *dataset.Municipality:
		if r.Status == "" {
			r.Status = dataset.StatusActive
		}
	case *dataset.Membership:
		if r.ID == "" && r.Municipality != "" && r.Network != "" {
			r.ID = r.Municipality + "-" + r.Network
		}
	}
}

// fill sets the record (or, in the sources table, the source) rec from
// the row: every given cell at its column's JSON keys, which are where
// the dumps read it from.
func (rw *row) fill(rec reflect.Value) error {
	given := map[string]bool{} // the objects that hold a given value, by their keys
	for i, c := range rw.h.cols {
		name := rw.h.names[i]
		if len(c.Keys) == 0 && c.DerivedFrom == "" {
			continue // the entity columns of the sources table
		}
		if !rw.given(name) {
			continue
		}
		x, ok := rw.value(name, c)
		if !ok {
			continue
		}
		v, err := field(rec, c.Keys)
		if err != nil {
			return err
		}
		if c.lang != "" {
			if v.Kind() != reflect.Map {
				return fmt.Errorf("column %s: %s is not a map", name, v.Type())
			}
			if v.IsNil() {
				v.Set(reflect.MakeMap(v.Type()))
			}
			v.SetMapIndex(reflect.ValueOf(c.lang).Convert(v.Type().Key()), reflect.ValueOf(x).Convert(v.Type().Elem()))
		} else if err := assign(v, x, c.ItemKey); err != nil {
			return fmt.Errorf("column %s: %w", name, err)
		}
		for k := 1; k < len(c.Keys); k++ {
			given[strings.Join(c.Keys[:k], ".")] = true
		}
	}
	for _, c := range rw.h.parts {
		parent := c.Keys[:len(c.Keys)-1]
		if given[strings.Join(parent, ".")] && !rw.given(c.Name) && !rw.failed[c.Name] {
			rw.fail(c.Name, "missing: %s is given, and %s needs %s too", rw.siblingOf(parent), strings.Join(parent, "."), c.Name)
		}
	}
	return nil
}

// assign sets v to x, a value of a column: a string, number or boolean,
// or a list of strings, which with itemKey are the itemKey fields of a
// list of objects.
func assign(v reflect.Value, x any, itemKey string) error {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	switch x := x.(type) {
	case string:
		if v.Type() == partialDateType {
			d, err := dataset.ParsePartialDate(x)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(d))
			return nil
		}
		if v.Kind() == reflect.String {
			v.SetString(x)
			return nil
		}
	case int64:
		if v.CanInt() && !v.OverflowInt(x) {
			v.SetInt(x)
			return nil
		}
	case float64:
		if v.CanFloat() {
			v.SetFloat(x)
			return nil
		}
	case bool:
		if v.Kind() == reflect.Bool {
			v.SetBool(x)
			return nil
		}
	case []string:
		if v.Kind() != reflect.Slice {
			break
		}
		l := reflect.MakeSlice(v.Type(), len(x), len(x))
		for i, s := range x {
			e := l.Index(i)
			if itemKey != "" {
				var err error
				if e, err = field(e, []string{itemKey}); err != nil {
					return err
				}
			}
			if err := assign(e, s, ""); err != nil {
				return err
			}
		}
		v.Set(l)
		return nil
	}
	return fmt.Errorf("cannot set a %s to %T", v.Type(), x)
}

// value parses the cell of a given column by its datatype; ok is false
// when it does not parse (which is recorded) or is not the record's to
// hold (derived dates and times).
func (rw *row) value(name string, c colRef) (any, bool) {
	s := rw.text(name)
	trimmed := strings.TrimSpace(s)
	if c.List {
		vals, err := dumps.SplitList(s)
		if err != nil {
			hint := ""
			if strings.Contains(s, "|") {
				hint = " (the values of a list are separated by spaces, not |)"
			}
			rw.fail(name, "%v%s", err, hint)
			return nil, false
		}
		return vals, true
	}
	switch c.Datatype() {
	case "integer":
		v, err := strconv.ParseInt(trimmed, 10, 64)
		if err != nil {
			rw.fail(name, "%q is not a whole number", trimmed)
			return nil, false
		}
		return v, true
	case "year":
		v, err := strconv.ParseInt(trimmed, 10, 32)
		if err != nil {
			rw.fail(name, "%q is not a whole number", trimmed)
			return nil, false
		}
		return v, true
	case "double":
		v, err := strconv.ParseFloat(trimmed, 64)
		// ParseFloat accepts "NaN" and "Inf", which are no coordinates and
		// cannot be written as JSON.
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			hint := ""
			if strings.Contains(trimmed, ",") {
				hint = " (write the decimal separator as a point)"
			}
			rw.fail(name, "%q is not a decimal number%s", trimmed, hint)
			return nil, false
		}
		return v, true
	case "boolean":
		switch strings.ToLower(trimmed) {
		case "false", "0", "no":
			return false, true
		case "true", "1", "yes":
			return true, true
		}
		rw.fail(name, "%q is not a boolean (true/false, 1/0, yes/no)", trimmed)
		return nil, false
	case "edtf":
		if _, err := dataset.ParsePartialDate(trimmed); err != nil {
			rw.fail(name, "%v", err)
			return nil, false
		}
		return trimmed, true
	case "date":
		// A day derived from a partial date (since_start): the partial
		// date says it, so it is only checked.
		if _, err := time.Parse(time.DateOnly, trimmed); err != nil {
			rw.fail(name, "%q is not a date (YYYY-MM-DD)", trimmed)
		}
		return nil, false
	case "dateTime":
		// created, modified, retired: the store stamps what it writes
		// (docs/import-formats.md says why), so they are only checked.
		var t time.Time
		if err := t.UnmarshalText([]byte(trimmed)); err != nil {
			rw.fail(name, "%q is not an RFC 3339 timestamp (e.g. 2024-05-01T12:00:00Z)", trimmed)
		}
		return nil, false
	}
	return s, true
}

// siblingOf names a given column under keys.
func (rw *row) siblingOf(keys []string) string {
	for i, c := range rw.h.cols {
		if c.Column != nil && len(c.Keys) > len(keys) && slices.Equal(c.Keys[:len(keys)], keys) && rw.given(rw.h.names[i]) {
			return rw.h.names[i]
		}
	}
	return strings.Join(keys, ".")
}

// alwaysHas reports whether the JSON of type t always has the value at
// keys once its parent object is there: no step past the first is
// omitempty or a pointer.
func alwaysHas(t reflect.Type, keys []string) bool {
	for i, k := range keys {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := jsonField(t, k)
		if !ok {
			return false
		}
		_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if i > 0 && (strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")) {
			return false
		}
		t = f.Type
	}
	return true
}

// jsonFieldsCache holds, per struct type, its fields by JSON key: types
// do not change, and every cell of every row looks one up.
var jsonFieldsCache sync.Map // reflect.Type → map[string]reflect.StructField

// jsonField returns the field of struct type t whose JSON key is key.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	m, ok := jsonFieldsCache.Load(t)
	if !ok {
		fs := map[string]reflect.StructField{}
		for _, f := range reflect.VisibleFields(t) {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.IsExported() && !f.Anonymous && name != "" && name != "-" {
				fs[name] = f
			}
		}
		m, _ = jsonFieldsCache.LoadOrStore(t, fs)
	}
	f, ok := m.(map[string]reflect.StructField)[key]
	return f, ok
}

// entity reads the entity columns of the names and sources tables.
func (rw *row) entity() (dataset.Type, string, bool) {
	typ, id := strings.TrimSpace(rw.text(dumps.ColEntityType)), rw.text(dumps.ColEntity)
	rw.id = id
	ok := true
	if id == "" {
		rw.fail(dumps.ColEntity, "missing: the ID of the record the row adds to")
		ok = false
	}
	t, known := dataset.ParseType(typ)
	if !known {
		rw.fail(dumps.ColEntityType, "%q is not an entity type (one of %s)", typ, typeNames())
		return "", id, false
	}
	rw.typ = t
	return t, id, ok
}

func typeNames() string {
	names := make([]string, len(dataset.Types))
	for i, t := range dataset.Types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// name decodes a row of the names table: a name in a language without a
// column of its own, or an alias, of a record in this import.
func (rw *row) name(p *Part) {
	typ, id, ok := rw.entity()
	lang, text, kind := strings.TrimSpace(rw.text(dumps.ColNameLanguage)), rw.text(dumps.ColName), strings.TrimSpace(rw.text(dumps.ColNameKind))
	if lang == "" {
		rw.fail(dumps.ColNameLanguage, "missing: the language tag of the name")
		ok = false
	}
	if text == "" {
		rw.fail(dumps.ColName, "missing: the name")
		ok = false
	}
	if typ == "" {
		return
	}
	f, found := nameField(typ, kind)
	if !found {
		rw.fail(dumps.ColNameKind, "%q is not a kind of name a %s has (%s)", kind, typ, strings.Join(nameKinds(typ), ", "))
		return
	}
	if ok {
		p.adds = append(p.adds, addition{typ: typ, id: id, table: rw.h.table.Name, line: rw.line, apply: nameAdder(f, lang, text)})
	}
}

// link decodes a row of a link table: one value of a list of references.
func (rw *row) link(p *Part) {
	t := rw.h.table
	owner, target := t.Columns[0].Name, t.Columns[1].Name
	id, v := rw.text(owner), strings.TrimSpace(rw.text(target))
	rw.id = id
	if id == "" {
		rw.fail(owner, "missing: the ID of the %s", t.Type)
	}
	if v == "" {
		rw.fail(target, "missing: the %s", target)
	}
	if id != "" && v != "" {
		keys := t.LinkKeys
		p.adds = append(p.adds, addition{typ: t.Type, id: id, table: t.Name, line: rw.line, apply: func(rec reflect.Value, _ *joining) string {
			l, err := field(rec, keys)
			if err != nil {
				return err.Error()
			}
			for i := range l.Len() {
				if l.Index(i).String() == v {
					return ""
				}
			}
			l.Set(reflect.Append(l, reflect.ValueOf(v).Convert(l.Type().Elem())))
			return ""
		}})
	}
}

// source decodes a row of the sources table: one source of a record in
// this import, in full.
func (rw *row) source(p *Part) error {
	typ, id, ok := rw.entity()
	if typ == "" {
		return nil
	}
	keys, found := sourcesKeys(typ)
	a, _ := arrayOf(typ)
	if !found {
		rw.fail(dumps.ColEntityType, "a %s has no sources", typ)
		return nil
	}
	lt, err := typeAt(a.of(&dataset.Dataset{}).Type().Elem(), keys)
	if err != nil || lt.Kind() != reflect.Slice {
		return fmt.Errorf("importer: the sources of a %s: %v", typ, err)
	}
	src := reflect.New(lt.Elem()).Elem()
	if err := rw.fill(src); err != nil {
		return fmt.Errorf("importer: table %s, line %d: %w", rw.h.table.Name, rw.line, err)
	}
	if !ok {
		return nil
	}
	p.adds = append(p.adds, addition{typ: typ, id: id, table: rw.h.table.Name, line: rw.line, apply: func(rec reflect.Value, j *joining) string {
		l, err := field(rec, keys)
		if err != nil {
			return err.Error()
		}
		k := recordKey{typ, id}
		if _, seen := j.listed[k]; !seen {
			// The record table lists the URLs; this table has the
			// sources in full, and replaces them.
			j.listed[k] = urlsOf(l)
			l.Set(reflect.Zero(l.Type()))
		}
		l.Set(reflect.Append(l, src))
		return ""
	}})
	return nil
}

// object decodes a row of a table of objects (dumps.RoleObjects: the
// content blocks): one object of a list of a record in this import,
// appended in the order of the rows.
func (rw *row) object(p *Part) error {
	typ, id, ok := rw.entity()
	if typ == "" {
		return nil
	}
	t := rw.h.table
	keys, found := t.ItemKeys[typ]
	if !found {
		rw.fail(dumps.ColEntityType, "a %s has no rows in the %s table", typ, t.Name)
		return nil
	}
	a, _ := arrayOf(typ)
	lt, err := typeAt(a.of(&dataset.Dataset{}).Type().Elem(), keys)
	if err != nil || lt.Kind() != reflect.Slice {
		return fmt.Errorf("importer: the %s of a %s: %v", t.Name, typ, err)
	}
	obj := reflect.New(lt.Elem()).Elem()
	if err := rw.fill(obj); err != nil {
		return fmt.Errorf("importer: table %s, line %d: %w", t.Name, rw.line, err)
	}
	if !ok {
		return nil
	}
	p.adds = append(p.adds, addition{typ: typ, id: id, table: t.Name, line: rw.line, apply: func(rec reflect.Value, _ *joining) string {
		l, err := field(rec, keys)
		if err != nil {
			return err.Error()
		}
		l.Set(reflect.Append(l, obj))
		return ""
	}})
	return nil
}

// typeAt is the type of the value at the JSON keys in struct type t.
func typeAt(t reflect.Type, keys []string) (reflect.Type, error) {
	for _, k := range keys {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := jsonField(t, k)
		if !ok {
			return nil, fmt.Errorf("%s has no JSON key %q", t, k)
		}
		t = f.Type
	}
	return t, nil
}

// sourcesKeys are the JSON keys of the sources of records of type t: the
// keys of the list column of its table that lists their URLs.
func sourcesKeys(t dataset.Type) ([]string, bool) {
	for _, tb := range importTables {
		if tb.Role != dumps.RoleRecords || tb.Type != t {
			continue
		}
		for _, c := range tb.Columns {
			if c.ItemKey != "" {
				return c.Keys, true
			}
		}
	}
	return nil, false
}

// urlsOf returns the URLs of a list of sources: the values at the key
// the record table's URL list names.
func urlsOf(l reflect.Value) []string {
	var itemKey string
	for _, tb := range importTables {
		for _, c := range tb.Columns {
			if tb.Role == dumps.RoleRecords && c.ItemKey != "" {
				itemKey = c.ItemKey
			}
		}
	}
	var out []string
	for i := range l.Len() {
		v, err := field(l.Index(i), []string{itemKey})
		if err == nil {
			out = append(out, v.String())
		}
	}
	return out
}
