package vocab

import (
	"strings"
	"testing"
)

func TestCheckAcceptsTheVocabulary(t *testing.T) {
	if err := Check(Graph(testBase, seedSnapshot(t).Categories)); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFindsProblems(t *testing.T) {
	s := IRI(testBase + "/id/municipality/berlin")
	for _, c := range []struct {
		name   string
		triple Triple
		want   string // in the error; "" for none
	}{
		{"defined", T(s, SKOSPrefLabel.Node(), LangStr("Berlin", "de")), ""},
		{"typed", T(s, RDFType.Node(), Municipality.Node()), ""},
		{"canonical double", T(s, GeoLat.Node(), Double(52.52)), ""},
		{"unknown predicate", T(s, IRI(MC.IRI+"nickname"), Str("x")), "predicate <https://data.moving-cities.eu/vocab#nickname> is not defined"},
		{"predicate from elsewhere", T(s, IRI("http://example.org/p"), Str("x")), "is not defined"},
		{"class not defined", T(s, RDFType.Node(), IRI(MC.IRI+"City")), "class <https://data.moving-cities.eu/vocab#City> is not defined"},
		{"a property as class", T(s, RDFType.Node(), Status.Node()), "not a class"},
		{"a class as predicate", T(s, Municipality.Node(), Str("x")), "not a property"},
		{"literal object of object property", T(s, OWLSameAs.Node(), Str("Q64")), "object property but has the literal"},
		{"IRI object of datatype property", T(s, Featured.Node(), IRI("http://example.org/")), "has the non-literal"},
		{"wrong datatype", T(s, Featured.Node(), Str("yes")), "mc:featured wants xsd:boolean literals, not xsd:string"},
		{"unknown datatype", T(s, RDFSLabel.Node(), Node{Kind: LiteralNode, Value: "x", Datatype: "http://example.org/dt"}), "datatype <http://example.org/dt> is not defined"},
		{"non-canonical double", T(s, GeoLat.Node(), Typed("52.52", XSDDouble)), "not in canonical form"},
		{"language string without tag", T(s, RDFSLabel.Node(), Node{Kind: LiteralNode, Value: "x", Datatype: RDFLangString.IRI}), "without a language tag"},
		{"bad language tag", T(s, RDFSLabel.Node(), LangStr("x", "not a tag")), "not well-formed"},
		{"literal subject", T(Str("x"), RDFSLabel.Node(), Str("x")), "subject"},
		{"literal predicate", T(s, Str("x"), Str("x")), "predicate \"x\" is not an IRI"},
		{"no object", T(s, RDFSLabel.Node(), Node{}), "has no object"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := Check([]Triple{c.triple})
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

// A problem is reported once, however often it occurs.
func TestCheckReportsOnce(t *testing.T) {
	var c Checker
	for range 3 {
		c.Add(T(IRI("http://example.org/a"), IRI("http://example.org/p"), Str("x")))
	}
	if err := c.Err(); err == nil || strings.Count(err.Error(), "http://example.org/p") != 1 {
		t.Errorf("got %v", err)
	}
}
