package vocab

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

const testBase = "https://data.example.org"

func seedSnapshot(t *testing.T) *dataset.Snapshot {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return dataset.NewSnapshot(d, 1)
}

// Every term defined in the package is in the table exactly once: the
// lists in table.go are the table, so a term left out of them would be
// invisible to Check, the documentation and Lookup.
func TestTableHoldsEveryDefinedTerm(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					if call, ok := v.(*ast.CallExpr); ok {
						if fn, ok := call.Fun.(*ast.Ident); ok && (fn.Name == "def" || fn.Name == "code" || fn.Name == "originTerm" || fn.Name == "cityText") {
							defined[vs.Names[i].Name] = true
						}
					}
				}
			}
		}
	}
	if len(defined) != len(All) {
		t.Errorf("%d terms defined with def or code, %d in All: add new terms to Ours or Reused", len(defined), len(All))
	}
	seen := map[*Term]bool{}
	iris := map[string]bool{}
	for _, term := range All {
		if seen[term] {
			t.Errorf("%s is listed twice", term.CURIE())
		}
		seen[term] = true
		if iris[term.IRI] {
			t.Errorf("two terms have the IRI %s", term.IRI)
		}
		iris[term.IRI] = true
		if got, ok := Lookup(term.IRI); !ok || got != term {
			t.Errorf("Lookup(%s) does not find the term", term.IRI)
		}
		if got, ok := LookupCURIE(term.CURIE()); !ok || got != term {
			t.Errorf("LookupCURIE(%s) does not find the term", term.CURIE())
		}
	}
	for _, term := range Ours {
		if term.NS != MC {
			t.Errorf("%s is in Ours but not in the mc namespace", term.CURIE())
		}
	}
	for _, term := range Reused {
		if term.NS == MC {
			t.Errorf("%s is in Reused but in the mc namespace", term.CURIE())
		}
	}
}

func TestTermsAreDocumented(t *testing.T) {
	for _, term := range All {
		langs := []string{"en", "de"}
		if term.Ours() {
			langs = dataset.Languages // ours in all seven platform languages
		}
		for _, lang := range langs {
			if strings.TrimSpace(term.Label[lang]) == "" || strings.TrimSpace(term.Comment[lang]) == "" {
				t.Errorf("%s has no label or comment in %q", term.CURIE(), lang)
			}
		}
		for lang := range term.Label {
			if !dataset.IsPlatformLanguage(lang) {
				t.Errorf("%s has a label in %q, not a platform language", term.CURIE(), lang)
			}
		}
		if term.Local == "" || term.Kind == 0 {
			t.Errorf("%s has no local name or kind", term.IRI)
		}
		if term.Ours() && term.Example == "" && term.Kind != Concept {
			t.Errorf("%s has no example", term.CURIE())
		}
		if term.Kind.IsProperty() && term.Ours() && term.Range == nil {
			t.Errorf("%s has no range", term.CURIE())
		}
		for _, rel := range [][]*Term{term.SubOf, term.Equivalent, term.CloseMatch, {term.Domain, term.Range, term.Scheme}} {
			for _, r := range rel {
				if r != nil {
					if _, ok := Lookup(r.IRI); !ok {
						t.Errorf("%s refers to %s, which is not in the table", term.CURIE(), r.IRI)
					}
				}
			}
		}
	}
}

// Our terms say how they relate to standard ones; the few that nothing
// standard comes near are named here with the reason.
func TestOurTermsRelateToStandardOnes(t *testing.T) {
	unrelated := map[*Term]string{
		Featured:      "a fact about the platform's own case studies",
		IDCoined:      "a fact about where this dataset's identifiers come from",
		OwnCategories: "says who classified an approach; PROV would need a qualified statement per category",
		// The origin of one language of a text: PROV would need a
		// qualified statement per literal, which RDF 1.1 cannot name.
		SummaryOrigin:     "the origin of one language of a text",
		DescriptionOrigin: "the origin of one language of a text",
		TitleOrigin:       "the origin of one language of a text",
		LabelOrigin:       "the origin of one language of a text",
		DefinitionOrigin:  "the origin of one language of a text",
		// Approach and country content (approach_country_terms.go).
		ShortTitleOrigin:       "the origin of one language of a text",
		PoliticalContextOrigin: "the origin of one language of a text",
		BlocksOrigin:           "the origin of one language of a text",
		ContentOrigin:          "the origin of one language of a text",
		West:                   "parts of mc:BoundingBox; GeoSPARQL has only WKT envelopes",
		South:                  "parts of mc:BoundingBox; GeoSPARQL has only WKT envelopes",
		East:                   "parts of mc:BoundingBox; GeoSPARQL has only WKT envelopes",
		North:                  "parts of mc:BoundingBox; GeoSPARQL has only WKT envelopes",
	}
	for _, term := range Ours {
		switch term.Kind {
		case Class, ObjectProperty, DatatypeProperty:
		default:
			continue
		}
		related := len(term.SubOf)+len(term.Equivalent)+len(term.CloseMatch) > 0
		if _, ok := unrelated[term]; ok == related {
			t.Errorf("%s: related to standard terms %v, listed as unrelated %v", term.CURIE(), related, ok)
		}
	}
}

func TestNamespaces(t *testing.T) {
	prefixes := map[string]bool{}
	for _, ns := range Namespaces {
		if !strings.HasSuffix(ns.IRI, "#") && !strings.HasSuffix(ns.IRI, "/") {
			t.Errorf("namespace %s does not end in '#' or '/'", ns.IRI)
		}
		if prefixes[ns.Prefix] {
			t.Errorf("prefix %s twice", ns.Prefix)
		}
		prefixes[ns.Prefix] = true
	}
	for _, term := range All {
		found := false
		for _, ns := range Namespaces {
			found = found || ns == term.NS
		}
		if !found {
			t.Errorf("%s: namespace not in Namespaces", term.IRI)
		}
	}
	if fixed := "https://data.moving-cities.eu/vocab"; MC.IRI != fixed+"#" || MC.Prefix != "mc" || OntologyIRI != fixed {
		t.Errorf("the namespace is fixed: %s %s", MC.Prefix, MC.IRI)
	}
}

func TestCodeLists(t *testing.T) {
	values := map[*CodeList][]string{
		Kinds:      {string(dataset.KindMunicipality), string(dataset.KindMunicipalAssociation), string(dataset.KindDistrict)},
		Statuses:   {string(dataset.StatusActive), string(dataset.StatusWithdrawn), string(dataset.ApproachActive), string(dataset.ApproachEnded), string(dataset.ApproachUnknown)},
		Scopes:     {string(dataset.ScopeNational), string(dataset.ScopeEuropean), string(dataset.ScopeInternational)},
		BlockKinds: {string(dataset.BlockQuote), string(dataset.BlockSection)},
	}
	for l, vs := range values {
		for _, v := range vs {
			c := l.Concept(v)
			if c == nil {
				t.Errorf("%s has no concept for %q", l.Scheme.CURIE(), v)
				continue
			}
			if c.IRI != l.Namespace()+v || c.Scheme != l.Scheme || c.Kind != Concept {
				t.Errorf("concept of %q: %s in %v", v, c.IRI, c.Scheme)
			}
		}
	}
}

// Every JSON field of every dataset type, nested ones included, is mapped
// by the field table, and the table maps nothing else.
func TestEveryDatasetFieldIsMapped(t *testing.T) {
	types := map[dataset.Type]reflect.Type{
		dataset.TypeMunicipality: reflect.TypeOf(dataset.Municipality{}),
		dataset.TypeNetwork:      reflect.TypeOf(dataset.Network{}),
		dataset.TypeCountry:      reflect.TypeOf(dataset.Country{}),
		dataset.TypeMembership:   reflect.TypeOf(dataset.Membership{}),
		dataset.TypeApproach:     reflect.TypeOf(dataset.Approach{}),
		dataset.TypeCategory:     reflect.TypeOf(dataset.Category{}),
	}
	if len(types) != len(dataset.Types) || len(EntityTypes()) != len(dataset.Types) {
		t.Fatalf("dataset types changed: %v", dataset.Types)
	}
	for _, e := range EntityTypes() {
		compareFields(t, string(e.Type), types[e.Type], e.Fields)
		if ClassOf(e.Type) != e.Class || e.Class.Kind != Class {
			t.Errorf("%s: class %v", e.Type, e.Class)
		}
	}
	compareFields(t, "retired", reflect.TypeOf(dataset.Retired{}), RetiredFields)
}

// leaves are struct types whose JSON is a scalar or handled by the value
// kind (language pairs).
var leaves = map[reflect.Type]bool{
	reflect.TypeOf(time.Time{}): true, reflect.TypeOf(dataset.PartialDate{}): true, reflect.TypeOf(dataset.Alias{}): true,
	reflect.TypeOf(dataset.Takeaway{}): true,
}

func compareFields(t *testing.T, where string, typ reflect.Type, fields []Field) {
	t.Helper()
	want := map[string]reflect.Type{}
	var collect func(reflect.Type)
	collect = func(typ reflect.Type) {
		for i := range typ.NumField() {
			sf := typ.Field(i)
			if sf.Anonymous {
				collect(sf.Type)
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			want[name] = sf.Type
		}
	}
	collect(typ)
	got := map[string]*Field{}
	for i := range fields {
		got[fields[i].Key] = &fields[i]
	}
	for name, ft := range want {
		f, ok := got[name]
		if !ok {
			t.Errorf("%s.%s is not in the field table", where, name)
			continue
		}
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !leaves[ft] {
			compareFields(t, where+"."+name, ft, f.Fields)
		} else if len(f.Fields) > 0 {
			t.Errorf("%s.%s has nested fields but is a scalar", where, name)
		}
		if f.Value == 0 || f.Value != ID && f.Value != Nest && f.Term == nil {
			t.Errorf("%s.%s: no value kind or term", where, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("the field table has %s.%s, which the dataset does not", where, name)
		}
	}
}

func TestColumns(t *testing.T) {
	if got := SKOSPrefLabel.Columns(); !reflect.DeepEqual(got, []string{"label_{lang}", "name_{lang}"}) {
		t.Errorf("skos:prefLabel columns %v", got)
	}
	if got := DCTermsSource.Columns(); !reflect.DeepEqual(got, []string{"population_source"}) {
		t.Errorf("dcterms:source is a node except for a population's: %v", got)
	}
	if got := SchemaURL.Columns(); !reflect.DeepEqual(got, []string{"source_url", "sources"}) {
		t.Errorf("schema:url columns %v", got)
	}
	if got := UsedOnCURIEs(SKOSPrefLabel); got != "schema:Country skos:Concept mc:Municipality mc:Network" {
		t.Errorf("skos:prefLabel used on %s", got)
	}
}

func UsedOnCURIEs(t *Term) string {
	var s []string
	for _, c := range t.UsedOn() {
		s = append(s, c.CURIE())
	}
	return strings.Join(s, " ")
}

func TestCanonicalDouble(t *testing.T) {
	// Expected values are what jsonld.js writes for these JSON numbers:
	// value.toExponential(15).replace(/(\d)0*e\+?/, '$1E').
	for _, c := range []struct {
		f    float64
		want string
	}{
		{52.52, "5.252E1"}, {13.405, "1.3405E1"}, {1, "1.0E0"}, {0, "0.0E0"}, {-5.2, "-5.2E0"},
		{1e21, "1.0E21"}, {0.1 + 0.2, "3.0E-1"}, {123456789.123, "1.23456789123E8"},
		{-0.000012, "-1.2E-5"}, {47.2, "4.72E1"}, {5.8, "5.8E0"}, {180, "1.8E2"},
	} {
		if got := CanonicalDouble(c.f); got != c.want {
			t.Errorf("CanonicalDouble(%v) = %s, want %s", c.f, got, c.want)
		}
	}
}

func TestLiteralRendering(t *testing.T) {
	d, _ := dataset.ParsePartialDate("2018-07")
	ts := time.Date(2024, 5, 1, 10, 0, 0, 123000000, time.UTC)
	for _, c := range []struct {
		got  Node
		want string
	}{
		{PartialDate(d), `"2018-07"^^<http://id.loc.gov/datatypes/edtf/EDTF>`},
		{GYear(2019), `"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>`},
		{GYear(33), `"0033"^^<http://www.w3.org/2001/XMLSchema#gYear>`},
		{DateTime(ts), `"2024-05-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`}, // whole seconds (issue 17)
		{DateTime(ts.In(time.FixedZone("CEST", 7200))), `"2024-05-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`},
		{Boolean(true), `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`},
		{Integer(-7), `"-7"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{LangStr("Αθήνα", "el"), `"Αθήνα"@el`},
		{Str("x"), `"x"`},
		{WKTPoint(dataset.Coordinates{Lat: 52.52, Lon: 13.405}), `"POINT(13.405 52.52)"^^<http://www.opengis.net/ont/geosparql#wktLiteral>`},
	} {
		if c.got.String() != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	if !PartialDate(dataset.PartialDate{}).IsZero() {
		t.Error("an unknown date must give no literal")
	}
	if EntityIRI(testBase, dataset.TypeMunicipality, "berlin") != testBase+"/id/municipality/berlin" {
		t.Error(EntityIRI(testBase, dataset.TypeMunicipality, "berlin"))
	}
}
