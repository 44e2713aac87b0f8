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
	// s, p and o are the terms of the triple being written, in buffers
	// reused from triple to triple (issue 18).
	s, p, o []byte
	sticky
	checker
}

// NewTurtleWriter returns a Writer of Turtle.
func NewTurtleWriter(w io.Writer, o Options) Writer {
	tw := &turtleWriter{w: bufio.NewWriter(w), checker: checker{o.Checked}}
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
	if err := t.check(tr); err != nil {
		return t.fail("turtle: %w", err)
	}
	var err error
	if t.s, err = t.appendTerm(t.s[:0], tr.S); err != nil {
		return t.fail("turtle: %w", err)
	}
	t.p = append(t.p[:0], 'a')
	if tr.P.Value != vocab.RDFType.IRI {
		if t.p, err = t.appendTerm(t.p[:0], tr.P); err != nil {
			return t.fail("turtle: %w", err)
		}
	}
	if t.o, err = t.appendTerm(t.o[:0], tr.O); err != nil {
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
		t.w.Write(t.p)
		t.w.WriteByte(' ')
	default:
		if t.open {
			t.w.WriteString(" .\n\n")
		}
		t.w.Write(t.s)
		t.w.WriteString("\n    ")
		t.w.Write(t.p)
		t.w.WriteByte(' ')
	}
	t.w.Write(t.o)
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

// appendTerm appends a checked node, abbreviated where that is safe.
func (t *turtleWriter) appendTerm(b []byte, n vocab.Node) ([]byte, error) {
	switch n.Kind {
	case vocab.IRINode:
		if ns, local, ok := t.prefixed(n.Value); ok {
			return appendPName(b, ns, local), nil
		}
	case vocab.LiteralNode:
		dt := datatype(n)
		switch {
		case dt == vocab.XSDInteger.IRI && turtleInteger.MatchString(n.Value),
			dt == vocab.XSDDecimal.IRI && turtleDecimal.MatchString(n.Value),
			dt == vocab.XSDDouble.IRI && turtleDouble.MatchString(n.Value),
			dt == vocab.XSDBoolean.IRI && (n.Value == "true" || n.Value == "false"):
			return append(b, n.Value...), nil
		}
		if dt != vocab.XSDString.IRI && dt != vocab.RDFLangString.IRI {
			if ns, local, ok := t.prefixed(dt); ok {
				// The lexical form as a plain string, then the datatype.
				b, err := appendNTTerm(b, vocab.Str(n.Value))
				if err != nil {
					return b, err
				}
				return appendPName(append(b, "^^"...), ns, local), nil
			}
		}
	}
	return appendNTTerm(b, n)
}

func appendPName(b []byte, ns *vocab.Namespace, local string) []byte {
	b = append(b, ns.Prefix...)
	b = append(b, ':')
	return append(b, local...)
}

// prefixed finds a declared prefix that abbreviates iri, the rest being a
// safe local name.
func (t *turtleWriter) prefixed(iri string) (*vocab.Namespace, string, bool) {
	for _, ns := range t.prefixes {
		if local, ok := strings.CutPrefix(iri, ns.IRI); ok && safeLocal.MatchString(local) {
			return ns, local, true
		}
	}
	return nil, "", false
}
