package exporters

import (
	"bytes"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

// hardStrings are texts that break naive writers: quotes, backslashes,
// line breaks, tabs, markup, scripts in every direction, emoji, and the
// delimiters of each syntax.
var hardStrings = []string{
	`He said "hello" and left`,
	`back\slash and \n not a newline, \u0041 not an A`,
	"line one\nline two\r\nline three\rend",
	"tab\there\tand there",
	"Αθήνα, Θεσσαλονίκη — Ελλάδα",
	"Москва, Київ, Беларусь",
	"القاهرة \u200fمدينة", // Arabic with a right-to-left mark
	"ירושלים עיר",
	"emoji 🏳️‍🌈 🇪🇺 👩🏽‍⚕️",
	`<tag attr="x"> & 'single' ]]> &amp;`,
	`"""triple quotes""" and ''' too`,
	"ends with a backslash \\",
	"",
	"  leading and trailing spaces  ",
	"line\u2028separator and \u00a0non-breaking space",
	"# not a comment . ; , ^^ @en _:b <iri>",
	"Frankfurt (Oder) / Słubice",
}

const ex = "http://example.org/"

// hardGraph uses every hard string as a plain, a language-tagged and a
// typed literal, and IRIs whose local parts no prefixed name may hold.
func hardGraph() []vocab.Triple {
	mc := func(local string) vocab.Node { return vocab.IRI(vocab.MC.IRI + local) }
	s := vocab.IRI(ex + "city/Frankfurt_(Oder)")
	b := vocab.Blank("b1")
	ts := []vocab.Triple{
		vocab.T(s, vocab.RDFType.Node(), vocab.Municipality.Node()),
		vocab.T(s, vocab.RDFType.Node(), mc("Frankfurt_(Oder)")),
		vocab.T(mc("Frankfurt_(Oder)"), vocab.RDFSLabel.Node(), vocab.Str("a term whose local name needs escaping")),
		vocab.T(mc("a.b"), vocab.RDFSSeeAlso.Node(), mc("trailing.")),
		vocab.T(mc("x"), vocab.RDFSSeeAlso.Node(), mc("1starts-with-digit")),
		vocab.T(vocab.IRI(ex+"%C3%A4?q=1&x=2#frag"), vocab.RDFSSeeAlso.Node(), vocab.IRI(ex+"Αθήνα/Москва")),
		vocab.T(s, vocab.IRI(ex+"p/123abc"), vocab.Str("predicate split off a digit")),
		vocab.T(s, vocab.IRI(ex+"ns#with-dash.and.dots"), vocab.Str("predicate with dots")),
		vocab.T(s, vocab.SKOSAltLabel.Node(), vocab.LangStr("Frankfurt", "sr-Latn-RS")),
		vocab.T(s, vocab.SKOSAltLabel.Node(), vocab.LangStr("Frankfurt", "de-CH-1996")),
		vocab.T(s, vocab.SKOSAltLabel.Node(), vocab.LangStr("法蘭克福", "zh-Hant")),
		vocab.T(s, vocab.GeoLat.Node(), vocab.Double(52.347)),
		vocab.T(s, vocab.OSMRelation.Node(), vocab.Integer(-62422)),
		vocab.T(s, vocab.Featured.Node(), vocab.Boolean(true)),
		vocab.T(s, vocab.RDFValue.Node(), vocab.Typed("007", vocab.XSDInteger)),
		vocab.T(s, vocab.RDFValue.Node(), vocab.Typed("1.0", vocab.XSDInteger)), // not an integer: stays quoted
		vocab.T(s, vocab.RDFValue.Node(), vocab.Typed("1", vocab.XSDBoolean)),
		vocab.T(s, vocab.RDFValue.Node(), vocab.Typed("2018-07", vocab.EDTFDate)),
		vocab.T(s, vocab.RDFValue.Node(), vocab.Node{Kind: vocab.LiteralNode, Value: `2020"x`, Datatype: vocab.XSDDateTime.IRI}),
		vocab.T(s, vocab.RDFValue.Node(), vocab.Node{Kind: vocab.LiteralNode, Value: "x", Datatype: ex + "dt#x(y)"}),
		vocab.T(s, vocab.DCTermsSource.Node(), b),
		vocab.T(b, vocab.SchemaURL.Node(), vocab.IRI("https://example.org/a?b=c&d=e")),
	}
	for i, str := range hardStrings {
		ts = append(ts,
			vocab.T(b, vocab.DCTermsDescription.Node(), vocab.Str(str)),
			vocab.T(b, vocab.DCTermsTitle.Node(), vocab.LangStr(str, []string{"el", "ru", "ar", "he", "en"}[i%5])),
			vocab.T(b, vocab.RDFValue.Node(), vocab.Node{Kind: vocab.LiteralNode, Value: str, Datatype: ex + "text"}),
		)
	}
	return ts
}

func write(t *testing.T, f *Format, ts []vocab.Triple) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f, ts, Options{}); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return b.Bytes()
}

// Every format reads back as the same graph with knakk/rdf's decoders
// (N-Triples, Turtle), encoding/xml (RDF/XML) and encoding/json (JSON-LD).
func TestHardStringsRoundTrip(t *testing.T) {
	g := hardGraph()
	for _, f := range Formats {
		t.Run(f.Name, func(t *testing.T) {
			doc := write(t, f, g)
			got, err := readBack(f, doc)
			if err != nil {
				t.Fatalf("cannot read back: %v\n%s", err, doc)
			}
			graphtest.SameGraph(t, f.Name, g, got)
		})
	}
}

// Raptor reads N-Triples, Turtle and RDF/XML without a warning, and gets
// the same graph.
func TestHardStringsInRapper(t *testing.T) {
	g := hardGraph()
	for f, syntax := range rapperSyntax {
		t.Run(f.Name, func(t *testing.T) {
			got, warnings := rapperRead(t, write(t, f, g), syntax)
			if warnings != "" {
				t.Errorf("rapper warns: %s", warnings)
			}
			graphtest.SameGraph(t, f.Name+" in rapper", g, got)
		})
	}
}

// The npm jsonld processor reads our JSON-LD as the same graph.
func TestHardStringsInJSONLDProcessor(t *testing.T) {
	g := hardGraph()
	graphtest.SameGraph(t, "jsonld.js", g, jsonldRead(t, write(t, JSONLD, g)))
}

// The npm n3 parser reads our Turtle and N-Triples as the same graph.
func TestHardStringsInN3(t *testing.T) {
	g := hardGraph()
	graphtest.SameGraph(t, "n3 turtle", g, n3Read(t, write(t, Turtle, g), "text/turtle"))
	graphtest.SameGraph(t, "n3 n-triples", g, n3Read(t, write(t, NTriples, g), "application/n-triples"))
}

// Control characters other than tab and line breaks are escaped where the
// syntax can (XML 1.0 cannot hold them at all).
func TestControlCharacters(t *testing.T) {
	s := "bell\a null\x00 escape\x1b delete\x7f"
	g := []vocab.Triple{vocab.T(vocab.IRI(ex+"s"), vocab.RDFSLabel.Node(), vocab.Str(s))}
	for _, f := range []*Format{NTriples, Turtle, JSONLD} {
		doc := write(t, f, g)
		if bytes.ContainsAny(doc, "\a\x00\x1b") || f != JSONLD && bytes.ContainsRune(doc, 0x7f) { // JSON may hold DEL raw
			t.Errorf("%s writes raw control characters: %q", f.Name, doc)
		}
		got, err := readBack(f, doc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		graphtest.SameGraph(t, f.Name, g, got)
	}
	var b bytes.Buffer
	if err := Write(&b, RDFXML, g, Options{}); err == nil || !strings.Contains(err.Error(), "cannot be written in XML 1.0") {
		t.Errorf("RDF/XML with a NUL: %v", err)
	}
}

// knakk's own Turtle encoder writes prefixed names it does not escape
// ("ns0:Frankfurt_(Oder)") and bare lexical forms that are not Turtle
// numbers; ours writes such terms in full.
func TestTurtleAbbreviatesOnlyWhereSafe(t *testing.T) {
	doc := string(write(t, Turtle, hardGraph()))
	for _, want := range []string{
		"<https://data.moving-cities.eu/vocab#Frankfurt_(Oder)>",
		"<https://data.moving-cities.eu/vocab#a.b>",
		"<https://data.moving-cities.eu/vocab#trailing.>",
		"<https://data.moving-cities.eu/vocab#1starts-with-digit>",
		`"1.0"^^xsd:integer`, `"1"^^xsd:boolean`, "007", "5.2347E1", "true",
		`"2020\"x"^^xsd:dateTime`, `"x"^^<http://example.org/dt#x(y)>`, `"2018-07"^^edtf:EDTF`,
		"a mc:Municipality", `"Frankfurt"@sr-Latn-RS`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("Turtle lacks %s", want)
		}
	}
	for _, bad := range []string{"mc:Frankfurt_(Oder)", "mc:a.b", "mc:trailing."} {
		if strings.Contains(doc, bad) {
			t.Errorf("Turtle holds the unsafe prefixed name %s", bad)
		}
	}
	// A double that is not in Turtle's DOUBLE form stays quoted, or it
	// would read back as a decimal.
	ts := []vocab.Triple{vocab.T(vocab.IRI(ex+"s"), vocab.RDFValue.Node(), vocab.Typed("52.5", vocab.XSDDouble))}
	if doc := string(write(t, Turtle, ts)); !strings.Contains(doc, `"52.5"^^xsd:double`) {
		t.Errorf("double written as %s", doc)
	}
}
