package exporters

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

func TestFormatTable(t *testing.T) {
	names, suffixes, types := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, f := range Formats {
		for _, mt := range append([]string{f.MediaType}, f.Aliases...) {
			if types[mt] {
				t.Errorf("media type %s twice", mt)
			}
			types[mt] = true
			if got, ok := ByMediaType(strings.ToUpper(mt) + "; charset=utf-8"); !ok || got != f {
				t.Errorf("ByMediaType(%s) = %v", mt, got)
			}
		}
		if names[f.Name] || suffixes[f.Suffix] {
			t.Errorf("%s: name or suffix twice", f.Name)
		}
		names[f.Name], suffixes[f.Suffix] = true, true
		if got, ok := ByName(f.Name); !ok || got != f {
			t.Errorf("ByName(%s)", f.Name)
		}
		if got, ok := BySuffix(f.Suffix); !ok || got != f {
			t.Errorf("BySuffix(%s)", f.Suffix)
		}
		if !strings.HasPrefix(f.ContentType, f.MediaType) || f.NewWriter == nil || f.Label == "" {
			t.Errorf("%s: incomplete record", f.Name)
		}
	}
	if _, ok := ByMediaType("text/csv"); ok {
		t.Error("text/csv is no RDF format")
	}
	if got := MediaTypes(Formats); got[0] != "text/turtle" || got[len(got)-1] != "application/x-turtle" {
		t.Errorf("MediaTypes: %v", got)
	}
}

// Every format writes the vocabulary document as the same graph, and
// uses only terms of the table.
func TestVocabularyInEveryFormat(t *testing.T) {
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	g := vocab.Graph("https://data.example.org", dataset.NewSnapshot(d, 1).Categories)
	if err := vocab.Check(g); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		got, err := readBack(f, write(t, f, g))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		graphtest.SameGraph(t, f.Name, g, got)
	}
}

func TestEmptyAndInterleavedGraphs(t *testing.T) {
	a, b := vocab.IRI(ex+"a"), vocab.Blank("n1")
	interleaved := []vocab.Triple{
		vocab.T(a, vocab.RDFSLabel.Node(), vocab.Str("1")),
		vocab.T(b, vocab.RDFSLabel.Node(), vocab.Str("2")),
		vocab.T(a, vocab.RDFSLabel.Node(), vocab.Str("3")), // the subject again, later
		vocab.T(a, vocab.RDFSSeeAlso.Node(), b),
		vocab.T(a, vocab.RDFSSeeAlso.Node(), b), // a duplicate
	}
	for _, f := range Formats {
		for name, g := range map[string][]vocab.Triple{"empty": nil, "interleaved": interleaved} {
			doc := write(t, f, g)
			got, err := readBack(f, doc)
			if err != nil {
				t.Fatalf("%s %s: %v\n%s", f.Name, name, err, doc)
			}
			// Writers stream: a duplicate is written twice, which is the
			// same graph.
			graphtest.SameGraph(t, f.Name+" "+name, g, got)
		}
	}
}

func TestWritersRefuseWhatTheyCannotWrite(t *testing.T) {
	s, p := vocab.IRI(ex+"s"), vocab.RDFSLabel.Node()
	for _, c := range []struct {
		name string
		t    vocab.Triple
		want string
	}{
		{"relative IRI", vocab.T(vocab.IRI("berlin"), p, vocab.Str("x")), "not absolute"},
		{"space in IRI", vocab.T(vocab.IRI(ex+"a b"), p, vocab.Str("x")), "holds the character"},
		{"angle bracket in IRI", vocab.T(s, p, vocab.IRI(ex+"a>b")), "holds the character"},
		{"dot segment", vocab.T(vocab.IRI(ex+"a/../b"), p, vocab.Str("x")), "dot segment"},
		{"blank label with a space", vocab.T(vocab.Blank("a b"), p, vocab.Str("x")), "blank node label"},
		{"blank label with a digit first", vocab.T(vocab.Blank("1a"), p, vocab.Str("x")), "blank node label"},
		{"empty blank label", vocab.T(s, vocab.RDFSSeeAlso.Node(), vocab.Blank("")), "empty blank node label"},
		{"underscore in language tag", vocab.T(s, p, vocab.LangStr("x", "en_US")), "language tag"},
		{"language tag with a leading hyphen", vocab.T(s, p, vocab.LangStr("x", "-en")), "language tag"},
		{"digits in the primary subtag", vocab.T(s, p, vocab.LangStr("x", "e1")), "language tag"},
		{"language tag on a typed literal", vocab.T(s, p, vocab.Node{Kind: vocab.LiteralNode, Value: "x", Lang: "en", Datatype: vocab.XSDString.IRI}), "has the datatype"},
		{"language string without tag", vocab.T(s, p, vocab.Node{Kind: vocab.LiteralNode, Value: "x", Datatype: vocab.RDFLangString.IRI}), "no language tag"},
		{"invalid UTF-8", vocab.T(s, p, vocab.Str("a\xffb")), "not valid UTF-8"},
		{"literal subject", vocab.T(vocab.Str("x"), p, vocab.Str("x")), "subject"},
		{"blank predicate", vocab.T(s, vocab.Blank("p"), vocab.Str("x")), "predicate"},
		{"no object", vocab.T(s, p, vocab.Node{}), "no node"},
	} {
		for _, f := range Formats {
			t.Run(f.Name+"/"+c.name, func(t *testing.T) {
				var b bytes.Buffer
				w := f.NewWriter(&b, Options{})
				err := w.WriteTriple(c.t)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("got %v, want %q", err, c.want)
				}
				// The error sticks.
				if err2 := w.WriteTriple(vocab.T(s, p, vocab.Str("ok"))); !errors.Is(err2, err) && err2.Error() != err.Error() {
					t.Errorf("after an error: %v", err2)
				}
				if err3 := w.Close(); err3 == nil {
					t.Error("Close after an error returned nil")
				}
			})
		}
	}
}

func TestRDFXMLPredicates(t *testing.T) {
	s := vocab.IRI(ex + "s")
	for _, c := range []struct {
		pred, want string
	}{
		{ex + "123", "ends in no XML name"},
		{ex + "p/", "ends in no XML name"},
		{vocab.RDF.IRI + "li", "rdf:li cannot be written"},
		{vocab.RDF.IRI + "Description", "rdf:Description cannot be written"},
		{ex + "ok-name", ""},
		{ex + "Ä-umlaut", ""},
		{"urn:x:y", ""},
	} {
		var b bytes.Buffer
		err := Write(&b, RDFXML, []vocab.Triple{vocab.T(s, vocab.IRI(c.pred), vocab.Str("x"))}, Options{})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.pred, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want %q", c.pred, err, c.want)
		case c.want == "":
			got, err := readRDFXML(b.Bytes())
			if err != nil {
				t.Fatalf("%s: %v\n%s", c.pred, err, b.String())
			}
			graphtest.SameGraph(t, c.pred, []vocab.Triple{vocab.T(s, vocab.IRI(c.pred), vocab.Str("x"))}, got)
		}
	}
}

// "geo:52.5,13.4" is an IRI, but with the prefix geo in the context a
// JSON-LD processor would read it as a compact IRI.
func TestJSONLDRefusesIRIsThatLookLikeCompactIRIs(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, JSONLD, []vocab.Triple{vocab.T(vocab.IRI(ex+"s"), vocab.RDFSSeeAlso.Node(), vocab.IRI("geo:52.5,13.4"))}, Options{})
	if err == nil || !strings.Contains(err.Error(), `scheme "geo"`) {
		t.Errorf("got %v", err)
	}
	// Without that prefix it is fine.
	b.Reset()
	err = Write(&b, JSONLD, []vocab.Triple{vocab.T(vocab.IRI(ex+"s"), vocab.RDFSSeeAlso.Node(), vocab.IRI("geo:52.5,13.4"))},
		Options{Namespaces: []*vocab.Namespace{vocab.RDFS}})
	if err != nil {
		t.Error(err)
	}
}

func TestPrefixes(t *testing.T) {
	g := []vocab.Triple{vocab.T(vocab.IRI(ex+"s"), vocab.RDFSLabel.Node(), vocab.Str("x"))}
	custom := Options{Namespaces: []*vocab.Namespace{vocab.RDFS, {Prefix: "ex", IRI: ex}, {Prefix: "bad prefix", IRI: ex + "x/"}}}
	for f, want := range map[*Format]string{
		Turtle: "ex:s\n    rdfs:label", RDFXML: `xmlns:ex="http://example.org/"`, JSONLD: `"ex": "http://example.org/"`,
	} {
		var b bytes.Buffer
		if err := Write(&b, f, g, custom); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || strings.Contains(b.String(), "bad prefix") {
			t.Errorf("%s:\n%s", f.Name, b.String())
		}
	}
}
