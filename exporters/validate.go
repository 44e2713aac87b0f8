package exporters

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/moving-cities/opendata/vocab"
)

// CheckTriple reports why t cannot be written in any format, or nil.
// Every writer checks each triple so, unless Options.Checked says it was.
func CheckTriple(t vocab.Triple) error {
	switch {
	case t.S.IsIRI():
		if err := checkIRI(t.S.Value); err != nil {
			return fmt.Errorf("subject: %w", err)
		}
	case t.S.IsBlank():
		if err := checkBlank(t.S.Value); err != nil {
			return fmt.Errorf("subject: %w", err)
		}
	default:
		return fmt.Errorf("subject %s is not an IRI or blank node", t.S)
	}
	if !t.P.IsIRI() {
		return fmt.Errorf("predicate %s is not an IRI", t.P)
	}
	if err := checkIRI(t.P.Value); err != nil {
		return fmt.Errorf("predicate: %w", err)
	}
	if err := checkNode(t.O); err != nil {
		return fmt.Errorf("object: %w", err)
	}
	return nil
}

func checkNode(n vocab.Node) error {
	switch n.Kind {
	case vocab.IRINode:
		return checkIRI(n.Value)
	case vocab.BlankNode:
		return checkBlank(n.Value)
	case vocab.LiteralNode:
		if !utf8.ValidString(n.Value) {
			return fmt.Errorf("literal %q is not valid UTF-8", n.Value)
		}
		if n.Lang != "" {
			if !isLangTag(n.Lang) {
				return fmt.Errorf("language tag %q is not well-formed", n.Lang)
			}
			if n.Datatype != "" && n.Datatype != vocab.RDFLangString.IRI {
				return fmt.Errorf("literal with language tag %q has the datatype <%s>", n.Lang, n.Datatype)
			}
			return nil
		}
		if n.Datatype == vocab.RDFLangString.IRI {
			return fmt.Errorf("rdf:langString literal %q has no language tag", n.Value)
		}
		if n.Datatype != "" {
			return checkIRI(n.Datatype)
		}
		return nil
	}
	return fmt.Errorf("no node")
}

// checkIRI accepts absolute IRIs (a scheme, then any characters an IRI
// may hold in N-Triples' IRIREF).
func checkIRI(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("IRI %q is not valid UTF-8", s)
	}
	scheme := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ':' {
			scheme = i
			break
		}
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			break
		}
	}
	if scheme == 0 {
		return fmt.Errorf("IRI %q is not absolute", s)
	}
	if path, _, _ := strings.Cut(s[scheme+1:], "?"); hasDotSegment(path) {
		return fmt.Errorf("IRI %q has a dot segment, which RDF/XML and JSON-LD parsers would remove", s)
	}
	for _, r := range s {
		if r <= 0x20 || r == '<' || r == '>' || r == '"' || r == '{' || r == '}' || r == '|' || r == '^' || r == '`' || r == '\\' {
			return fmt.Errorf("IRI %q holds the character %q", s, r)
		}
	}
	return nil
}

func hasDotSegment(path string) bool {
	path, _, _ = strings.Cut(path, "#")
	// A byte scan for "." or ".." between slashes (or the ends), without
	// splitting: every triple's IRIs pass here, in each format (issue 18).
	for i := 0; i < len(path); i++ {
		if path[i] != '.' || i > 0 && path[i-1] != '/' {
			continue
		}
		j := i + 1
		if j < len(path) && path[j] == '.' {
			j++
		}
		if j == len(path) || path[j] == '/' {
			return true
		}
	}
	return false
}

// checkBlank accepts labels that are valid in every format: an ASCII
// letter or '_', then letters, digits, '_' and '-'.
func checkBlank(label string) error {
	for i := 0; i < len(label); i++ {
		c := label[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')
		if !ok {
			return fmt.Errorf("blank node label %q: use ASCII letters, digits, '_' and '-', starting with a letter or '_'", label)
		}
	}
	if label == "" {
		return fmt.Errorf("empty blank node label")
	}
	return nil
}

// isLangTag reports whether s matches Turtle's and N-Triples' LANGTAG:
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func isLangTag(s string) bool {
	if s == "" {
		return false
	}
	first, part := true, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if part == 0 {
				return false
			}
			first, part = false, 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			part++
		case c >= '0' && c <= '9' && !first:
			part++
		default:
			return false
		}
	}
	return part > 0
}

// datatype returns a literal's datatype IRI, xsd:string when unset.
func datatype(n vocab.Node) string {
	switch {
	case n.Lang != "":
		return vocab.RDFLangString.IRI
	case n.Datatype == "":
		return vocab.XSDString.IRI
	}
	return n.Datatype
}
