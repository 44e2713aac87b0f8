package exporters

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

// FuzzWriters checks that whatever a writer accepts reads back as the
// same graph (knakk/rdf for N-Triples and Turtle, encoding/xml for
// RDF/XML, encoding/json for JSON-LD), and that it refuses only what its
// syntax cannot hold.
func FuzzWriters(f *testing.F) {
	for _, s := range hardStrings {
		f.Add(s, "en", "Frankfurt_(Oder)")
	}
	f.Add("x\x00y", "sr-Latn-RS", "a.b")
	f.Add("\r\n", "", "trailing.")
	f.Add(`\"`, "de-CH-1996", "")
	f.Fuzz(func(t *testing.T, value, lang, local string) {
		s := vocab.IRI(ex + "s/" + local)
		o := vocab.Str(value)
		if lang != "" {
			o = vocab.LangStr(value, lang)
		}
		g := []vocab.Triple{
			vocab.T(s, vocab.RDFSLabel.Node(), o),
			vocab.T(s, vocab.IRI(vocab.MC.IRI+local), vocab.Typed(value, vocab.XSDInteger)),
		}
		valid := utf8.ValidString(value) && checkIRI(s.Value) == nil && checkIRI(vocab.MC.IRI+local) == nil &&
			(lang == "" || isLangTag(lang))
		for _, f := range Formats {
			var b bytes.Buffer
			err := Write(&b, f, g, Options{})
			// RDF/XML also needs XML characters and a predicate that ends
			// in an XML name.
			xmlOK := checkXMLText(value) == nil && checkXMLText(local) == nil && ncNameSuffix(vocab.MC.IRI+local) >= 0
			switch {
			case err != nil && valid && (f != RDFXML || xmlOK):
				t.Fatalf("%s refuses a valid graph: %v", f.Name, err)
			case err != nil:
				continue
			case !valid:
				t.Fatalf("%s wrote an invalid graph:\n%s", f.Name, b.String())
			}
			got, err := readBack(f, b.Bytes())
			if err != nil {
				t.Fatalf("%s: cannot read back: %v\n%s", f.Name, err, b.String())
			}
			graphtest.SameGraph(t, f.Name, g, got)
		}
	})
}
