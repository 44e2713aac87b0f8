package exporters

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/vocab"
)

// N-Triples (https://www.w3.org/TR/n-triples/): one triple a line, every
// term serialised by knakk/rdf.

type ntWriter struct {
	w *bufio.Writer
	sticky
}

// NewNTriplesWriter returns a Writer of N-Triples.
func NewNTriplesWriter(w io.Writer, _ Options) Writer { return &ntWriter{w: bufio.NewWriter(w)} }

func (n *ntWriter) WriteTriple(t vocab.Triple) error {
	if n.err != nil {
		return n.err
	}
	if err := checkTriple(t); err != nil {
		return n.fail("n-triples: %w", err)
	}
	s, err := ntTerm(t.S)
	if err != nil {
		return n.fail("n-triples: %w", err)
	}
	p, err := ntTerm(t.P)
	if err != nil {
		return n.fail("n-triples: %w", err)
	}
	o, err := ntTerm(t.O)
	if err != nil {
		return n.fail("n-triples: %w", err)
	}
	if _, err := fmt.Fprintf(n.w, "%s %s %s .\n", s, p, o); err != nil {
		return n.fail("n-triples: %w", err)
	}
	return nil
}

func (n *ntWriter) Close() error {
	if n.err != nil {
		return n.err
	}
	if err := n.w.Flush(); err != nil {
		return n.fail("n-triples: %w", err)
	}
	return nil
}

// ntTerm serialises a checked node in N-Triples syntax, which is also
// valid Turtle, through knakk/rdf. Two gaps of knakk are closed here:
// it refuses language tags with more than one subtag ("sr-Latn-RS"), so
// such a tag is appended to knakk's serialisation of the plain string;
// and it leaves control characters other than \n and \r raw, which the
// grammar allows but tools and people trip over, so they are escaped as
// \uXXXX (a tab stays a tab).
func ntTerm(n vocab.Node) (string, error) {
	var term rdf.Term
	var suffix string
	switch n.Kind {
	case vocab.IRINode:
		iri, err := rdf.NewIRI(n.Value)
		if err != nil {
			return "", fmt.Errorf("IRI %q: %w", n.Value, err)
		}
		return iri.Serialize(rdf.NTriples), nil
	case vocab.BlankNode:
		b, err := rdf.NewBlank(n.Value)
		if err != nil {
			return "", fmt.Errorf("blank node %q: %w", n.Value, err)
		}
		return b.Serialize(rdf.NTriples), nil
	case vocab.LiteralNode:
		dt := datatype(n)
		switch {
		case n.Lang != "":
			l, err := rdf.NewLangLiteral(n.Value, n.Lang)
			if err != nil { // a valid tag knakk does not take
				l, _ = rdf.NewLiteral(n.Value)
				suffix = "@" + n.Lang
			}
			term = l
		case dt == vocab.XSDString.IRI:
			term, _ = rdf.NewLiteral(n.Value)
		default:
			iri, err := rdf.NewIRI(dt)
			if err != nil {
				return "", fmt.Errorf("datatype %q: %w", dt, err)
			}
			term = rdf.NewTypedLiteral(n.Value, iri)
		}
	default:
		return "", fmt.Errorf("no node")
	}
	return escapeControls(term.Serialize(rdf.NTriples)) + suffix, nil
}

// escapeControls rewrites the control characters (except tab) that a
// knakk literal leaves raw as UCHAR escapes. They can only come from the
// literal's lexical form: IRIs and tags hold none.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, isRawControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isRawControl(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isRawControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7F }
