package dumps

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Column is one column of a table, the same in CSV and Parquet.
type Column struct {
	Name string
	typ  *colType
	// List columns hold several values: a Parquet LIST (never null, empty
	// when there are none), a CSV cell of space-separated values.
	List bool
	// Required columns are never null.
	Required bool
	// Term is the property whose values the column holds (nil for IDs and
	// the columns of the derived tables that no property describes).
	Term *vocab.Term
	// Lang is the language of a multilingual field's column.
	Lang string
	// ValueURL is the CSVW template that makes a value an IRI.
	ValueURL string
	// Suppress marks columns a CSVW processor must not turn into
	// triples: their RDF form is a blank node (sources, population
	// figures, bounding boxes), a list, or none.
	Suppress bool
	// Ref names the table whose "id" the values are (a foreign key).
	Ref string
	// Title and Doc describe the column, from the vocabulary.
	Title, Doc string

	// Keys are the JSON keys, from the vocabulary's fields, at which a
	// record holds the column's values (["population", "value"]; in the
	// sources table, a source's). With Lang they reach one entry of a
	// language map. Empty for columns no field holds: derived dates and
	// the entity columns of the derived tables. Importers set values by
	// them, so that reading a table needs no second list of its columns.
	Keys []string
	// ItemKey is, for a list of objects (a record's sources), the key of
	// each object that the list's values are ("url").
	ItemKey string
	// DerivedFrom names the column a derived column is computed from
	// ("since" for "since_start"); it holds nothing of its own.
	DerivedFrom string

	get func(rec reflect.Value, c *cell) error
}

// TableRole says what a table's rows are.
type TableRole uint8

const (
	// RoleRecords: one record of Type a row.
	RoleRecords TableRole = iota + 1
	// RoleLinks: one value a row of a list of references of the records
	// of Type (approach_categories: an approach's categories), the same
	// values as the list column at LinkKeys.
	RoleLinks
	// RoleNames: the names table (NamesTable).
	RoleNames
	// RoleSources: the sources table (SourcesTable).
	RoleSources
	// RoleRetired: the retired IDs.
	RoleRetired
	// RoleObjects: one object a row of the lists of objects of a field
	// other than sources (the content blocks), after the type and ID of
	// the record it belongs to; ItemKeys says where each type has them.
	RoleObjects
)

// Table is one table of a release: a CSV file and a Parquet file.
type Table struct {
	Name  string // file name without suffix: "municipalities"
	Role  TableRole
	Title string
	// Type is the entity type of a record table, and of the owners of a
	// link table ("" for other derived tables).
	Type dataset.Type
	// LinkKeys are, in a link table, the JSON keys of the owner's list
	// its rows make up.
	LinkKeys []string
	// Class is the class of the entities the rows describe, if any.
	Class      *vocab.Term
	Columns    []*Column
	PrimaryKey []string
	// AboutURL is the CSVW template of the IRI each row describes.
	AboutURL string
	// Suppress marks tables a CSVW processor must not turn into triples.
	Suppress bool
	// ItemKeys are, in a RoleObjects table, the JSON keys of the list its
	// rows make up, by the type of the record the list is in.
	ItemKeys map[dataset.Type][]string

	// rows fills row (one cell per column) for each row of the table in
	// snap, in a fixed order, and calls emit.
	rows func(snap *dataset.Snapshot, row []cell, emit func() error) error
}

// Datatype names the column's datatype: string, iri, url, integer, year,
// double, boolean, dateTime, edtf (a date of year, month or day
// precision) or date.
func (c *Column) Datatype() string { return c.typ.name }

// Column returns the column called name, or nil.
func (t *Table) Column(name string) *Column { return t.column(name) }

// column returns the column called name, or nil.
func (t *Table) column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// recordOrder lists the record types in the order their tables appear.
var recordOrder = []dataset.Type{
	dataset.TypeMunicipality, dataset.TypeCountry, dataset.TypeNetwork,
	dataset.TypeMembership, dataset.TypeApproach, dataset.TypeCategory,
}

// records returns the snapshot's records of type t, a slice of pointers
// sorted by ID.
func records(snap *dataset.Snapshot, t dataset.Type) reflect.Value {
	switch t {
	case dataset.TypeMunicipality:
		return reflect.ValueOf(snap.Municipalities)
	case dataset.TypeCountry:
		return reflect.ValueOf(snap.Countries)
	case dataset.TypeNetwork:
		return reflect.ValueOf(snap.Networks)
	case dataset.TypeMembership:
		return reflect.ValueOf(snap.Memberships)
	case dataset.TypeApproach:
		return reflect.ValueOf(snap.Approaches)
	case dataset.TypeCategory:
		return reflect.ValueOf(snap.Categories)
	}
	panic("dumps: no records of type " + string(t))
}

func recordType(t dataset.Type) reflect.Type {
	return records(&dataset.Snapshot{}, t).Type().Elem().Elem()
}

func tableName(t dataset.Type) string { return t.Plural() }

// Tables returns the tables of a release whose IRIs are under base, in
// file order: each record type's table followed by the tables of its
// list-valued references, then the names, sources and retired IDs.
func Tables(base string) ([]*Table, error) {
	var (
		tables  []*Table
		names   []nameSource
		sources []sourceSource
		objects []sourceSource
	)
	for _, t := range recordOrder {
		e, ok := vocab.TypeOf(t)
		if !ok {
			return nil, fmt.Errorf("dumps: vocabulary has no fields for %s", t)
		}
		b := &builder{base: base, e: e, rt: recordType(t)}
		if err := b.build(); err != nil {
			return nil, fmt.Errorf("dumps: table %s: %w", tableName(t), err)
		}
		tables = append(tables, b.table)
		tables = append(tables, b.links...)
		names = append(names, b.names...)
		sources = append(sources, b.sources...)
		objects = append(objects, b.objects...)
	}
	ot, err := objectTables(base, objects)
	if err != nil {
		return nil, err
	}
	tables = append(tables, ot...)
	tables = append(tables, namesTableOf(names))
	st, err := sourcesTableOf(base, sources)
	if err != nil {
		return nil, err
	}
	tables = append(tables, st)
	rt, err := retiredTable(base)
	if err != nil {
		return nil, err
	}
	tables = append(tables, rt)
	for _, t := range tables {
		seen := map[string]bool{}
		for _, c := range t.Columns {
			if seen[c.Name] {
				return nil, fmt.Errorf("dumps: table %s has two columns %q", t.Name, c.Name)
			}
			seen[c.Name] = true
		}
	}
	return tables, nil
}

// builder makes the table of one record type from its vocabulary fields.
type builder struct {
	base    string
	e       *vocab.EntityType
	rt      reflect.Type
	table   *Table
	links   []*Table
	names   []nameSource
	sources []sourceSource
	objects []sourceSource // of lists with a table of their own
}

func (b *builder) build() error {
	t := b.e.Type
	b.table = &Table{
		Name: tableName(t), Role: RoleRecords, Title: strings.ToUpper(tableName(t)[:1]) + tableName(t)[1:], Type: t, Class: b.e.Class,
		AboutURL: vocab.EntityNamespace(b.base, t) + "{id}",
	}
	if err := b.fields(b.e.Fields, nil, false); err != nil {
		return err
	}
	idCol := b.table.column("id")
	if idCol == nil {
		return fmt.Errorf("no id field")
	}
	b.table.PrimaryKey = []string{idCol.Name}
	cols := b.table.Columns
	b.table.rows = func(snap *dataset.Snapshot, row []cell, emit func() error) error {
		recs := records(snap, t)
		for i := range recs.Len() {
			rec := recs.Index(i)
			for j, c := range cols {
				row[j].reset()
				if err := c.get(rec, &row[j]); err != nil {
					return err
				}
			}
			if err := emit(); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// fields adds the columns of fs, found under keys in the record. blank
// says they are parts of a blank node in RDF.
func (b *builder) fields(fs []vocab.Field, keys []string, blank bool) error {
	for i := range fs {
		f := &fs[i]
		k := append(slices.Clip(keys), f.Key)
		var err error
		switch f.Value {
		case vocab.Nest:
			err = b.fields(f.Fields, k, blank)
		case vocab.Object:
			if f.Many && f.Table != "" {
				var p path
				if p, err = pathOf(b.rt, k...); err == nil {
					b.objects = append(b.objects, sourceSource{typ: b.e.Type, path: p, field: f, keys: k})
				}
			} else if f.Many {
				err = b.sourceList(f, k)
			} else {
				err = b.fields(f.Fields, k, true)
			}
		case vocab.LangMap:
			err = b.langMap(f, k, blank)
		case vocab.LangPairs:
			var p path
			if p, err = pathOf(b.rt, k...); err == nil {
				b.names = append(b.names, nameSource{typ: b.e.Type, path: p, field: f})
			}
		default:
			if f.Many {
				err = b.list(f, k)
			} else {
				var cols []*Column
				if cols, err = scalarColumns(b.base, b.rt, f, f.Column, k, blank); err == nil {
					b.table.Columns = append(b.table.Columns, cols...)
				}
			}
		}
		if err != nil {
			return fmt.Errorf("field %s: %w", strings.Join(k, "."), err)
		}
	}
	return nil
}

// valueKind is the column type of a field that is not a Literal.
func valueKind(f *vocab.Field) (*colType, error) {
	switch f.Value {
	case vocab.Literal:
		return literalType(f.LiteralType())
	case vocab.ID, vocab.EntityRef, vocab.Code, vocab.WikidataItem, vocab.ClassName:
		return tIRI, nil
	case vocab.URL:
		return tURL, nil
	}
	return nil, fmt.Errorf("no column type for value kind %d", f.Value)
}

// valueURL is the CSVW template making the value of column name an IRI,
// or "" for literals. refBase is the entity namespace of references.
func valueURL(f *vocab.Field, name, refBase string) string {
	switch f.Value {
	case vocab.EntityRef:
		return refBase + "{" + name + "}"
	case vocab.Code:
		return f.Codes.Namespace() + "{" + name + "}"
	case vocab.WikidataItem:
		return vocab.WikidataIRI("{" + name + "}")
	case vocab.URL:
		return "{+" + name + "}"
	}
	return ""
}

func describe(c *Column, t *vocab.Term) {
	if t != nil {
		c.Title, c.Doc = t.LabelIn("en"), t.CommentIn("en")
	}
}

// scalarColumns returns the column of a single-valued field (and the
// DATE columns of a partial date), named name, read at keys in rt.
func scalarColumns(base string, rt reflect.Type, f *vocab.Field, name string, keys []string, blank bool) ([]*Column, error) {
	if name == "" {
		return nil, fmt.Errorf("no column name")
	}
	typ, err := valueKind(f)
	if err != nil {
		return nil, err
	}
	p, err := pathOf(rt, keys...)
	if err != nil {
		return nil, err
	}
	if err := checkScalar(typ, p.typ); err != nil {
		return nil, err
	}
	c := &Column{Name: name, typ: typ, Required: p.required, Term: f.Term, Suppress: blank || f.Term == nil, Keys: keys}
	describe(c, f.Term)
	switch f.Value {
	case vocab.ID:
		c.Title, c.Doc = "ID", "The record's identifier: the last segment of its IRI."
	case vocab.EntityRef:
		if f.Ref != "" {
			c.ValueURL = valueURL(f, name, vocab.EntityNamespace(base, f.Ref))
			c.Ref = tableName(f.Ref)
		}
	case vocab.ClassName:
		c.Suppress = true // a type name's class cannot be made by a template
	default:
		c.ValueURL = valueURL(f, name, "")
	}
	c.get = func(rec reflect.Value, out *cell) error {
		v, ok := p.get(rec)
		if !ok {
			return nil
		}
		return scalar(typ, v, out)
	}
	cols := []*Column{c}
	if typ == tEDTF {
		cols = append(cols, derivedDates(c, p)...)
	}
	return cols, nil
}

// derivedDates are the DATE columns of a partial date column: the first
// and the last day it covers, for queries by date.
func derivedDates(c *Column, p path) []*Column {
	mk := func(suffix, what string, last bool) *Column {
		return &Column{Name: c.Name + suffix, typ: tDate, Suppress: true, DerivedFrom: c.Name,
			Title: c.Title + " (" + what + " day)",
			Doc:   "The " + what + " day that " + c.Name + " covers: " + c.Name + " has the precision of its source (a year, a month or a day); this column makes it a date.",
			get: func(rec reflect.Value, out *cell) error {
				v, ok := p.get(rec)
				if !ok {
					return nil
				}
				d := v.Interface().(dataset.PartialDate)
				if d.IsZero() {
					return nil
				}
				first, lastDay := periodOf(d)
				if last {
					first = lastDay
				}
				out.i, out.null = daysOf(first), false
				return nil
			}}
	}
	return []*Column{mk(suffixStart, "first", false), mk(suffixEnd, "last", true)}
}

// langMap adds a column per platform language; names in other languages
// go to the names table.
func (b *builder) langMap(f *vocab.Field, keys []string, blank bool) error {
	p, err := pathOf(b.rt, keys...)
	if err != nil {
		return err
	}
	if p.typ.Kind() != reflect.Map || p.typ.Elem().Kind() != reflect.String {
		return fmt.Errorf("language map of type %s", p.typ)
	}
	if !strings.Contains(f.Column, "{lang}") {
		return fmt.Errorf("column %q has no {lang}", f.Column)
	}
	for _, lang := range dataset.Languages {
		key := reflect.ValueOf(lang)
		c := &Column{Name: strings.ReplaceAll(f.Column, "{lang}", lang), typ: tString, Term: f.Term, Lang: lang, Suppress: blank, Keys: keys}
		describe(c, f.Term)
		c.Title += " (" + lang + ")"
		c.get = func(rec reflect.Value, out *cell) error {
			m, ok := p.get(rec)
			if !ok {
				return nil
			}
			if v := m.MapIndex(key); v.IsValid() && v.String() != "" {
				out.s, out.null = v.String(), false
			}
			return nil
		}
		b.table.Columns = append(b.table.Columns, c)
	}
	b.names = append(b.names, nameSource{typ: b.e.Type, path: p, field: f})
	return nil
}

// list adds a list column of a many-valued field and, for references, a
// table of the links.
func (b *builder) list(f *vocab.Field, keys []string) error {
	typ, err := valueKind(f)
	if err != nil {
		return err
	}
	p, err := pathOf(b.rt, keys...)
	if err != nil {
		return err
	}
	if p.typ.Kind() != reflect.Slice || p.typ.Elem().Kind() != reflect.String {
		return fmt.Errorf("list of type %s", p.typ)
	}
	c := &Column{Name: f.Column, typ: typ, List: true, Term: f.Term, Suppress: true, Keys: keys}
	describe(c, f.Term)
	c.get = func(rec reflect.Value, out *cell) error {
		out.null = false
		v, ok := p.get(rec)
		if !ok {
			return nil
		}
		for i := range v.Len() {
			out.list = append(out.list, v.Index(i).String())
		}
		return nil
	}
	b.table.Columns = append(b.table.Columns, c)
	if f.Value == vocab.EntityRef {
		b.links = append(b.links, b.linkTable(f, p, keys))
	}
	return nil
}

// linkTable is the table of a list of references: one row per link
// (approach_categories: approach, category).
func (b *builder) linkTable(f *vocab.Field, p path, keys []string) *Table {
	owner, target := string(b.e.Type), string(f.Ref)
	if target == owner {
		target = f.Column
	}
	ownerNS := vocab.EntityNamespace(b.base, b.e.Type)
	oc := &Column{Name: owner, typ: tIRI, Required: true, Suppress: true, Ref: tableName(b.e.Type),
		Title: b.e.Class.LabelIn("en"), Doc: "The ID of the " + owner + "."}
	tc := &Column{Name: target, typ: tIRI, Required: true, Term: f.Term, Ref: tableName(f.Ref)}
	describe(tc, f.Term)
	tc.ValueURL = valueURL(f, target, vocab.EntityNamespace(b.base, f.Ref))
	idPath, _ := pathOf(b.rt, "id")
	t := b.e.Type
	return &Table{
		Name:       owner + "_" + f.Column,
		Role:       RoleLinks,
		Type:       t,
		LinkKeys:   keys,
		Title:      b.e.Class.LabelIn("en") + ": " + f.Term.LabelIn("en"),
		Columns:    []*Column{oc, tc},
		PrimaryKey: []string{owner, target},
		AboutURL:   ownerNS + "{" + owner + "}",
		rows: func(snap *dataset.Snapshot, row []cell, emit func() error) error {
			recs := records(snap, t)
			for i := range recs.Len() {
				rec := recs.Index(i)
				id, _ := idPath.get(rec)
				v, ok := p.get(rec)
				if !ok {
					continue
				}
				for j := range v.Len() {
					row[0] = cell{s: id.String()}
					row[1] = cell{s: v.Index(j).String()}
					if err := emit(); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
}

// sourceList adds the list column of a list of objects (the URLs of a
// record's sources) and notes the objects for the sources table.
func (b *builder) sourceList(f *vocab.Field, keys []string) error {
	p, err := pathOf(b.rt, keys...)
	if err != nil {
		return err
	}
	if p.typ.Kind() != reflect.Slice || p.typ.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("list of objects of type %s", p.typ)
	}
	for i := range f.Fields {
		sub := &f.Fields[i]
		if sub.Column == "" {
			continue
		}
		typ, err := valueKind(sub)
		if err != nil {
			return err
		}
		sp, err := pathOf(p.typ.Elem(), sub.Key)
		if err != nil {
			return err
		}
		if sp.typ.Kind() != reflect.String {
			return fmt.Errorf("list of %s", sp.typ)
		}
		c := &Column{Name: sub.Column, typ: typ, List: true, Term: sub.Term, Suppress: true, Keys: keys, ItemKey: sub.Key}
		describe(c, f.Term)
		c.Doc = "The " + sub.Key + "s of " + f.Term.LabelIn("en") + "s; the " + SourcesTable + " table has them in full."
		c.get = func(rec reflect.Value, out *cell) error {
			out.null = false
			v, ok := p.get(rec)
			if !ok {
				return nil
			}
			for i := range v.Len() {
				if s, ok := sp.get(v.Index(i)); ok {
					out.list = append(out.list, s.String())
				}
			}
			return nil
		}
		b.table.Columns = append(b.table.Columns, c)
	}
	b.sources = append(b.sources, sourceSource{typ: b.e.Type, path: p, field: f})
	return nil
}

// nameSource is a multilingual field whose other-language values or
// aliases the names table lists.
type nameSource struct {
	typ   dataset.Type
	path  path
	field *vocab.Field
}

func namesTableOf(srcs []nameSource) *Table {
	cols := []*Column{
		{Name: ColEntityType, typ: tString, Required: true, Suppress: true, Title: "entity type", Doc: "The type of the named entity (municipality, network, country…)."},
		{Name: ColEntity, typ: tIRI, Required: true, Suppress: true, Title: "entity", Doc: "The ID of the named entity in the table of its type."},
		{Name: ColNameLanguage, typ: tString, Required: true, Suppress: true, Title: "language", Doc: "The BCP 47 language tag of the name."},
		{Name: ColName, typ: tString, Required: true, Suppress: true, Title: "name", Doc: "The name."},
		{Name: ColNameKind, typ: tString, Required: true, Suppress: true, Title: "kind",
			Doc: "prefLabel for a name (skos:prefLabel) in a language that has no column of its own, altLabel for an alias (skos:altLabel): a former name, an exonym, a short form; takeaway for a key point of a municipality's case study (mc:takeaway), the rows of one language in their order."},
	}
	return &Table{
		Name: NamesTable, Role: RoleNames, Title: "Names in other languages and aliases", Columns: cols,
		// No primary key: an entity may have the same alias in two
		// languages, or a name that is also an alias.
		// A CSVW processor cannot give each row's name its own language
		// tag: the RDF of these names is in the graph dumps.
		Suppress: true,
		rows: func(snap *dataset.Snapshot, row []cell, emit func() error) error {
			for _, t := range recordOrder {
				recs := records(snap, t)
				idPath, _ := pathOf(recordType(t), "id")
				for i := range recs.Len() {
					rec := recs.Index(i)
					id, _ := idPath.get(rec)
					for _, src := range srcs {
						if src.typ != t {
							continue
						}
						if err := src.emit(rec, id.String(), row, emit); err != nil {
							return err
						}
					}
				}
			}
			return nil
		},
	}
}

func (n *nameSource) emit(rec reflect.Value, id string, row []cell, emit func() error) error {
	v, ok := n.path.get(rec)
	if !ok {
		return nil
	}
	put := func(lang, name string) error {
		row[0] = cell{s: string(n.typ)}
		row[1] = cell{s: id}
		row[2] = cell{s: lang}
		row[3] = cell{s: name}
		row[4] = cell{s: n.field.Term.Local}
		return emit()
	}
	switch n.field.Value {
	case vocab.LangMap:
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			if !dataset.IsPlatformLanguage(k.String()) {
				keys = append(keys, k.String())
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if s := v.MapIndex(reflect.ValueOf(k)).String(); s != "" {
				if err := put(k, s); err != nil {
					return err
				}
			}
		}
	case vocab.LangPairs:
		et := v.Type().Elem()
		lp, err := pathOf(et, PairLangKey)
		if err != nil {
			return err
		}
		np, err := pathOf(et, n.field.PairKey())
		if err != nil {
			return err
		}
		for i := range v.Len() {
			l, _ := lp.get(v.Index(i))
			s, _ := np.get(v.Index(i))
			if err := put(l.String(), s.String()); err != nil {
				return err
			}
		}
	}
	return nil
}

// sourceSource is a record type's list of sources, or of other objects.
type sourceSource struct {
	typ   dataset.Type
	path  path
	field *vocab.Field
	keys  []string
}

// objectTables are the tables of the lists of objects that name one
// (vocab.Field.Table), in the order their fields first appear: one row
// per object, after the type and ID of its record, in the order of the
// records' tables and of each list.
func objectTables(base string, srcs []sourceSource) ([]*Table, error) {
	var tables []*Table
	byName := map[string]*Table{}
	lists := map[string][]sourceSource{}
	for _, s := range srcs {
		name := s.field.Table
		lists[name] = append(lists[name], s)
		if byName[name] != nil {
			if s.path.typ.Elem() != lists[name][0].path.typ.Elem() {
				return nil, fmt.Errorf("dumps: table %s: %s has objects of another type", name, s.typ)
			}
			byName[name].ItemKeys[s.typ] = s.keys
			continue
		}
		f := s.field
		t := &Table{Name: name, Role: RoleObjects, Title: strings.ToUpper(f.Term.LabelIn("en")[:1]) + f.Term.LabelIn("en")[1:] + "s",
			Suppress: true, ItemKeys: map[dataset.Type][]string{s.typ: s.keys}}
		t.Columns = []*Column{
			{Name: ColEntityType, typ: tString, Required: true, Title: "entity type", Doc: "The type of the record the row belongs to."},
			{Name: ColEntity, typ: tIRI, Required: true, Title: "entity", Doc: "The ID of the record in the table of its type."},
		}
		t.PrimaryKey = []string{ColEntityType, ColEntity}
		elem := s.path.typ.Elem()
		for i := range f.Fields {
			sub := &f.Fields[i]
			cols, err := scalarColumns(base, elem, sub, sub.Column, []string{sub.Key}, true)
			if err != nil {
				return nil, fmt.Errorf("dumps: table %s: %w", name, err)
			}
			t.Columns = append(t.Columns, cols[0])
			if sub.Identifying {
				t.PrimaryKey = append(t.PrimaryKey, cols[0].Name)
			}
		}
		byName[name] = t
		tables = append(tables, t)
	}
	for _, t := range tables {
		t.rows = objectRows(lists[t.Name], t.Columns[2:])
	}
	return tables, nil
}

// objectRows emits the objects of the lists srcs, a row each.
func objectRows(srcs []sourceSource, subs []*Column) func(snap *dataset.Snapshot, row []cell, emit func() error) error {
	return func(snap *dataset.Snapshot, row []cell, emit func() error) error {
		for _, s := range srcs {
			recs := records(snap, s.typ)
			idPath, _ := pathOf(recordType(s.typ), "id")
			for i := range recs.Len() {
				rec := recs.Index(i)
				id, _ := idPath.get(rec)
				v, ok := s.path.get(rec)
				if !ok {
					continue
				}
				for j := range v.Len() {
					row[0] = cell{s: string(s.typ)}
					row[1] = cell{s: id.String()}
					for k, c := range subs {
						row[2+k].reset()
						if err := c.get(v.Index(j), &row[2+k]); err != nil {
							return err
						}
					}
					if err := emit(); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
}

// sourcesTableOf is the table of every record's sources, in full. Its
// columns past the entity's type and ID are the fields of a source.
func sourcesTableOf(base string, srcs []sourceSource) (*Table, error) {
	t := &Table{Name: SourcesTable, Role: RoleSources, Title: "Sources", Suppress: true}
	t.Columns = []*Column{
		{Name: ColEntityType, typ: tString, Required: true, Title: "entity type", Doc: "The type of the record the source is of."},
		{Name: ColEntity, typ: tIRI, Required: true, Title: "entity", Doc: "The ID of the record in the table of its type."},
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("dumps: no record type has sources")
	}
	f := srcs[0].field
	elem := srcs[0].path.typ.Elem()
	var subs []*Column
	for i := range f.Fields {
		sub := &f.Fields[i]
		cols, err := scalarColumns(base, elem, sub, sub.Key, []string{sub.Key}, true)
		if err != nil {
			return nil, fmt.Errorf("dumps: table %s: %w", SourcesTable, err)
		}
		subs = append(subs, cols[0]) // not the derived dates: a source's date is when we read it
	}
	for _, s := range srcs[1:] {
		if s.path.typ.Elem() != elem {
			return nil, fmt.Errorf("dumps: table %s: %s has sources of another type", SourcesTable, s.typ)
		}
	}
	t.Columns = append(t.Columns, subs...)
	t.rows = objectRows(srcs, subs)
	return t, nil
}

// retiredTable lists retired IDs (tombstones), from vocab.RetiredFields.
func retiredTable(base string) (*Table, error) {
	rt := reflect.TypeFor[dataset.Retired]()
	t := &Table{Name: "retired", Role: RoleRetired, Title: "Retired identifiers"}
	var typeCol string
	for i := range vocab.RetiredFields {
		f := &vocab.RetiredFields[i]
		cols, err := scalarColumns(base, rt, f, f.Column, []string{f.Key}, false)
		if err != nil {
			return nil, fmt.Errorf("dumps: table retired: field %s: %w", f.Key, err)
		}
		c := cols[0]
		switch f.Value {
		case vocab.ClassName:
			typeCol = c.Name
		case vocab.EntityRef: // of the tombstone's own type
			c.ValueURL = vocab.EntityNamespace(base, dataset.Type("{"+typeCol+"}")) + "{" + c.Name + "}"
		}
		t.Columns = append(t.Columns, cols...)
	}
	if typeCol == "" || t.column("id") == nil {
		return nil, fmt.Errorf("dumps: table retired: no type or id field")
	}
	t.AboutURL = vocab.EntityNamespace(base, dataset.Type("{"+typeCol+"}")) + "{id}"
	t.PrimaryKey = []string{typeCol, "id"}
	cols := t.Columns
	t.rows = func(snap *dataset.Snapshot, row []cell, emit func() error) error {
		retired := slices.Clone(snap.Retired)
		slices.SortFunc(retired, func(a, b *dataset.Retired) int {
			return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.ID, b.ID))
		})
		for _, r := range retired {
			rec := reflect.ValueOf(r)
			for j, c := range cols {
				row[j].reset()
				if err := c.get(rec, &row[j]); err != nil {
					return err
				}
			}
			if err := emit(); err != nil {
				return err
			}
		}
		return nil
	}
	return t, nil
}
