package exporters

import (
	"fmt"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/vocab"
)

// knakkTerm is the straightforward serialisation the N-Triples writer
// used before issue 18: knakk/rdf, with long language tags appended and
// raw control characters escaped afterwards.
func knakkTerm(n vocab.Node) (string, error) {
	var term rdf.Term
	var suffix string
	switch n.Kind {
	case vocab.IRINode:
		iri, err := rdf.NewIRI(n.Value)
		if err != nil {
			return "", err
		}
		return iri.Serialize(rdf.NTriples), nil
	case vocab.BlankNode:
		b, err := rdf.NewBlank(n.Value)
		if err != nil {
			return "", err
		}
		return b.Serialize(rdf.NTriples), nil
	case vocab.LiteralNode:
		dt := datatype(n)
		switch {
		case n.Lang != "":
			l, err := rdf.NewLangLiteral(n.Value, n.Lang)
			if err != nil {
				l, _ = rdf.NewLiteral(n.Value)
				suffix = "@" + n.Lang
			}
			term = l
		case dt == vocab.XSDString.IRI:
			term, _ = rdf.NewLiteral(n.Value)
		default:
			iri, err := rdf.NewIRI(dt)
			if err != nil {
				return "", err
			}
			term = rdf.NewTypedLiteral(n.Value, iri)
		}
	default:
		return "", fmt.Errorf("no node")
	}
	s := term.Serialize(rdf.NTriples)
	var b strings.Builder
	for _, r := range s {
		if isRawControl(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String() + suffix, nil
}

// The N-Triples terms written out by hand are byte for byte those of
// knakk/rdf, for every node of the hard graph and of the vocabulary, and
// for every byte below 0x80 in a literal.
func TestNTTermMatchesKnakk(t *testing.T) {
	var nodes []vocab.Node
	for _, tr := range append(hardGraph(), vocab.Graph("https://data.example", nil)...) {
		nodes = append(nodes, tr.S, tr.P, tr.O)
	}
	for c := range 0x80 {
		s := "a" + string(rune(c)) + "b"
		nodes = append(nodes, vocab.Str(s), vocab.LangStr(s, "sr-Latn-RS"), vocab.LangStr(s, "de"),
			vocab.Typed(s, vocab.XSDDate))
	}
	nodes = append(nodes, vocab.Blank("b0"), vocab.Str(""), vocab.Str("Ελλάδα \"ü\" \\ € 😀"))
	for _, n := range nodes {
		if err := checkNode(n); err != nil {
			continue // the writers refuse it before serialising
		}
		want, err := knakkTerm(n)
		if err != nil {
			t.Fatalf("%v: %v", n, err)
		}
		got, err := ntTerm(n)
		if err != nil {
			t.Fatalf("%v: %v", n, err)
		}
		if got != want {
			t.Errorf("%v: %q, knakk %q", n, got, want)
		}
	}
}

// hasDotSegment agrees with splitting the path at its slashes.
func TestHasDotSegment(t *testing.T) {
	split := func(path string) bool {
		path, _, _ = strings.Cut(path, "#")
		for _, seg := range strings.Split(path, "/") {
			if seg == "." || seg == ".." {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"", ".", "..", "...", "/.", "/..", "/./", "a/./b", "a/../b", "a/.../b", "a.b/c", "a/.b", "a/b.", "a/..b",
		"//data.example/id/x", "//data.example/id/.", "//data.example/id/..#x", "//x/y#/../", "./a", "../a", ".a/b", "a/b/.", "a/b/.."} {
		if got, want := hasDotSegment(p), split(p); got != want {
			t.Errorf("hasDotSegment(%q) = %v, want %v", p, got, want)
		}
	}
}
