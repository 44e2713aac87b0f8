package exporters

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/moving-cities/opendata/vocab"
)

// Turtle (https://www.w3.org/TR/turtle/). Consecutive triples of one
// subject share a statement (";" and ","). IRIs become prefixed names only
// when the local part is a plain name that needs no escaping in any
// Turtle parser; rdf:type is "a"; numbers and booleans are written bare
// only when their lexical form is exactly the Turtle token of their
// datatype. Everything else is knakk's N-Triples form of the term.

type turtleWriter struct {
	w        *bufio.Writer
	prefixes []*vocab.Namespace // longest IRI first
	started  bool
	subj     vocab.Node
	pred     vocab.Node
	open     bool
	sticky
}

// NewTurtleWriter returns a Writer of Turtle.
func NewTurtleWriter(w io.Writer, o Options) Writer {
	tw := &turtleWriter{w: bufio.NewWriter(w)}
	for _, ns := range o.namespaces() {
		if prefixName.MatchString(ns.Prefix) && checkIRI(ns.IRI) == nil {
			tw.prefixes = append(tw.prefixes, ns)
		}
	}
	sort.SliceStable(tw.prefixes, func(i, j int) bool { return len(tw.prefixes[i].IRI) > len(tw.prefixes[j].IRI) })
	return tw
}

var (
	// prefixName and safeLocal are deliberately narrower than Turtle's
	// PN_PREFIX and PN_LOCAL: no dots, no escapes, no leading digit.
	prefixName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	safeLocal  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

	turtleInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)
	turtleDecimal = regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`)
	turtleDouble  = regexp.MustCompile(`^[+-]?([0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+)$`)
)

func (t *turtleWriter) header() {
	t.started = true
	// Declare in the table's order, not by length.
	byOrder := make([]*vocab.Namespace, len(t.prefixes))
	copy(byOrder, t.prefixes)
	sort.SliceStable(byOrder, func(i, j int) bool { return indexOf(byOrder[i]) < indexOf(byOrder[j]) })
	for _, ns := range byOrder {
		fmt.Fprintf(t.w, "@prefix %s: <%s> .\n", ns.Prefix, ns.IRI)
	}
	if len(byOrder) > 0 {
		t.w.WriteString("\n")
	}
}

func indexOf(ns *vocab.Namespace) int {
	for i, n := range vocab.Namespaces {
		if n == ns {
			return i
		}
	}
	return len(vocab.Namespaces)
}

func (t *turtleWriter) WriteTriple(tr vocab.Triple) error {
	if t.err != nil {
		return t.err
	}
	if err := checkTriple(tr); err != nil {
		return t.fail("turtle: %w", err)
	}
	s, err := t.term(tr.S)
	if err != nil {
		return t.fail("turtle: %w", err)
	}
	p := "a"
	if tr.P.Value != vocab.RDFType.IRI {
		if p, err = t.term(tr.P); err != nil {
			return t.fail("turtle: %w", err)
		}
	}
	o, err := t.term(tr.O)
	if err != nil {
		return t.fail("turtle: %w", err)
	}
	if !t.started {
		t.header()
	}
	switch {
	case t.open && tr.S == t.subj && tr.P == t.pred:
		t.w.WriteString(" ,\n        ")
	case t.open && tr.S == t.subj:
		t.w.WriteString(" ;\n    ")
		t.w.WriteString(p)
		t.w.WriteByte(' ')
	default:
		if t.open {
			t.w.WriteString(" .\n\n")
		}
		t.w.WriteString(s)
		t.w.WriteString("\n    ")
		t.w.WriteString(p)
		t.w.WriteByte(' ')
	}
	t.w.WriteString(o)
	t.subj, t.pred, t.open = tr.S, tr.P, true
	return nil
}

func (t *turtleWriter) Close() error {
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.header()
	}
	if t.open {
		t.w.WriteString(" .\n")
	}
	if err := t.w.Flush(); err != nil {
		return t.fail("turtle: %w", err)
	}
	return nil
}

// term writes a checked node, abbreviated where that is safe.
func (t *turtleWriter) term(n vocab.Node) (string, error) {
	switch n.Kind {
	case vocab.IRINode:
		if q, ok := t.prefixed(n.Value); ok {
			return q, nil
		}
	case vocab.LiteralNode:
		dt := datatype(n)
		switch {
		case dt == vocab.XSDInteger.IRI && turtleInteger.MatchString(n.Value),
			dt == vocab.XSDDecimal.IRI && turtleDecimal.MatchString(n.Value),
			dt == vocab.XSDDouble.IRI && turtleDouble.MatchString(n.Value),
			dt == vocab.XSDBoolean.IRI && (n.Value == "true" || n.Value == "false"):
			return n.Value, nil
		}
		if dt != vocab.XSDString.IRI && dt != vocab.RDFLangString.IRI {
			if q, ok := t.prefixed(dt); ok {
				lex, err := ntTerm(vocab.Str(n.Value))
				if err != nil {
					return "", err
				}
				return lex + "^^" + q, nil
			}
		}
	}
	return ntTerm(n)
}

// prefixed abbreviates iri with a declared prefix when the rest is a safe
// local name.
func (t *turtleWriter) prefixed(iri string) (string, bool) {
	for _, ns := range t.prefixes {
		if local, ok := strings.CutPrefix(iri, ns.IRI); ok && safeLocal.MatchString(local) {
			return ns.Prefix + ":" + local, true
		}
	}
	return "", false
}
