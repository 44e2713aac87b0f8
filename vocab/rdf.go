package vocab

import (
	"fmt"
	"strings"
)

// NodeKind says what an RDF node is.
type NodeKind uint8

const (
	IRINode NodeKind = iota + 1
	BlankNode
	LiteralNode
)

// Node is an RDF term: an IRI, a blank node or a literal. It is a plain
// comparable value, so nodes and triples can be map keys.
type Node struct {
	Kind NodeKind
	// Value is the IRI, the blank node label (without "_:") or the
	// literal's lexical form.
	Value string
	// Datatype is a literal's datatype IRI: rdf:langString when Lang is
	// set, xsd:string for a simple string. Empty for IRIs and blank nodes.
	Datatype string
	// Lang is a literal's language tag (BCP 47), or "".
	Lang string
}

// Triple is an RDF statement.
type Triple struct {
	S, P, O Node
}

// T builds a triple; a shorthand for exporters that write many.
func T(s, p, o Node) Triple { return Triple{S: s, P: p, O: o} }

// IRI returns the IRI node s. Writers reject IRIs that are not absolute
// or hold characters an IRI may not contain.
func IRI(s string) Node { return Node{Kind: IRINode, Value: s} }

// Blank returns the blank node labelled label. Writers accept labels of
// ASCII letters, digits, '_' and '-' that start with a letter or '_', so
// that the label is valid in every format (Turtle, N-Triples, RDF/XML
// rdf:nodeID, JSON-LD).
func Blank(label string) Node { return Node{Kind: BlankNode, Value: label} }

// Str returns the simple literal s (xsd:string).
func Str(s string) Node { return Node{Kind: LiteralNode, Value: s, Datatype: XSDString.IRI} }

// LangStr returns s tagged with the language tag lang (rdf:langString).
func LangStr(s, lang string) Node {
	return Node{Kind: LiteralNode, Value: s, Datatype: RDFLangString.IRI, Lang: lang}
}

// Typed returns the literal with lexical form lex and the datatype dt,
// which must be a Datatype term of the table.
func Typed(lex string, dt *Term) Node {
	return Node{Kind: LiteralNode, Value: lex, Datatype: dt.IRI}
}

// IsZero reports whether n is the zero Node (no term at all).
func (n Node) IsZero() bool { return n.Kind == 0 }

// IsIRI, IsBlank and IsLiteral report the node's kind.
func (n Node) IsIRI() bool     { return n.Kind == IRINode }
func (n Node) IsBlank() bool   { return n.Kind == BlankNode }
func (n Node) IsLiteral() bool { return n.Kind == LiteralNode }

// String formats n in N-Triples syntax, for messages and tests; exporters
// do their own, format-specific escaping.
func (n Node) String() string {
	switch n.Kind {
	case IRINode:
		return "<" + n.Value + ">"
	case BlankNode:
		return "_:" + n.Value
	case LiteralNode:
		q := fmt.Sprintf("%q", n.Value)
		switch {
		case n.Lang != "":
			return q + "@" + n.Lang
		case n.Datatype == "" || n.Datatype == XSDString.IRI:
			return q
		default:
			return q + "^^<" + n.Datatype + ">"
		}
	}
	return "(no node)"
}

func (t Triple) String() string {
	var b strings.Builder
	b.WriteString(t.S.String())
	b.WriteByte(' ')
	b.WriteString(t.P.String())
	b.WriteByte(' ')
	b.WriteString(t.O.String())
	b.WriteString(" .")
	return b.String()
}
