package exporters

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/moving-cities/opendata/vocab"
)

// N-Triples (https://www.w3.org/TR/n-triples/): one triple a line, every
// term serialised by knakk/rdf.

type ntWriter struct {
	w   *bufio.Writer
	buf []byte
	sticky
	checker
}

// NewNTriplesWriter returns a Writer of N-Triples.
func NewNTriplesWriter(w io.Writer, o Options) Writer {
	return &ntWriter{w: bufio.NewWriter(w), checker: checker{o.Checked}}
}

func (n *ntWriter) WriteTriple(t vocab.Triple) error {
	if n.err != nil {
		return n.err
	}
	if err := n.check(t); err != nil {
		return n.fail("n-triples: %w", err)
	}
	// One line in a reused buffer: a release writes millions of them.
	b := n.buf[:0]
	var err error
	for i, term := range [3]vocab.Node{t.S, t.P, t.O} {
		if i > 0 {
			b = append(b, ' ')
		}
		if b, err = appendNTTerm(b, term); err != nil {
			return n.fail("n-triples: %w", err)
		}
	}
	b = append(b, " .\n"...)
	n.buf = b
	if _, err := n.w.Write(b); err != nil {
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
// valid Turtle (see appendNTTerm).
func ntTerm(n vocab.Node) (string, error) {
	b, err := appendNTTerm(nil, n)
	return string(b), err
}

// appendNTTerm appends a checked node in N-Triples syntax to b. Its bytes
// are those knakk/rdf's serialisation made before (issue 18 wrote it out
// for speed; TestNTTermMatchesKnakk compares the two): an IRI in angle
// brackets, a blank node as "_:label", a literal quoted with \n, \r, \"
// and \\ escaped, then "@tag" or "^^<datatype>" unless it is an
// xsd:string. Beyond knakk, control characters other than tab (and DEL)
// are escaped as \uXXXX: the grammar allows them raw, but tools and
// people trip over them.
func appendNTTerm(b []byte, n vocab.Node) ([]byte, error) {
	switch n.Kind {
	case vocab.IRINode:
		if n.Value == "" {
			return b, fmt.Errorf("IRI %q: empty IRI", n.Value)
		}
		b = append(b, '<')
		b = append(b, n.Value...)
		return append(b, '>'), nil
	case vocab.BlankNode:
		if strings.TrimSpace(n.Value) == "" {
			return b, fmt.Errorf("blank node %q: blank id", n.Value)
		}
		b = append(b, "_:"...)
		return append(b, n.Value...), nil
	case vocab.LiteralNode:
		b = append(b, '"')
		b = appendEscaped(b, n.Value)
		b = append(b, '"')
		switch dt := datatype(n); {
		case n.Lang != "":
			b = append(b, '@')
			b = append(b, n.Lang...)
		case dt != vocab.XSDString.IRI:
			if dt == "" {
				return b, fmt.Errorf("datatype %q: empty IRI", dt)
			}
			b = append(b, "^^<"...)
			b = append(b, dt...)
			b = append(b, '>')
		}
		return b, nil
	}
	return b, fmt.Errorf("no node")
}

// appendEscaped appends the lexical form of a literal, escaped.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch {
		case c == '\n':
			esc = `\n`
		case c == '\r':
			esc = `\r`
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case isRawControl(rune(c)):
			esc = fmt.Sprintf(`\u%04X`, c)
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

func isRawControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7F }
