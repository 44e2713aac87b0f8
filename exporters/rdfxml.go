package exporters

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moving-cities/opendata/vocab"
)

// RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/): one
// rdf:Description per run of triples with the same subject (rdf:about or
// rdf:nodeID), one property element per triple (rdf:resource,
// rdf:nodeID, or text with xml:lang or rdf:datatype). Predicates are
// written as QNames of the declared namespaces; a predicate outside them
// is split at its longest NCName suffix and its namespace declared on the
// element itself. A predicate that cannot be split (no NCName suffix), a
// property that RDF/XML reserves (rdf:Description, rdf:li…) and a
// character XML 1.0 cannot hold are errors.

type rdfxmlWriter struct {
	w       *bufio.Writer
	ns      []*vocab.Namespace // declared on the root, in order
	lookup  []*vocab.Namespace // the same, longest IRI first
	taken   map[string]bool    // declared prefixes
	started bool
	subj    vocab.Node
	open    bool
	sticky
	checker
}

// NewRDFXMLWriter returns a Writer of RDF/XML.
func NewRDFXMLWriter(w io.Writer, o Options) Writer {
	x := &rdfxmlWriter{w: bufio.NewWriter(w), taken: map[string]bool{"rdf": true}, checker: checker{o.Checked}}
	x.ns = append(x.ns, vocab.RDF)
	for _, ns := range o.namespaces() {
		if ns.Prefix == "rdf" || x.taken[ns.Prefix] || !isNCName(ns.Prefix) ||
			strings.HasPrefix(strings.ToLower(ns.Prefix), "xml") || checkIRI(ns.IRI) != nil || checkXMLText(ns.IRI) != nil {
			continue
		}
		x.ns = append(x.ns, ns)
		x.taken[ns.Prefix] = true
	}
	x.lookup = append([]*vocab.Namespace{}, x.ns...)
	sort.SliceStable(x.lookup, func(i, j int) bool { return len(x.lookup[i].IRI) > len(x.lookup[j].IRI) })
	return x
}

func (x *rdfxmlWriter) header() {
	x.started = true
	x.w.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF")
	for _, ns := range x.ns {
		fmt.Fprintf(x.w, "\n    xmlns:%s=\"%s\"", ns.Prefix, escapeXML(ns.IRI, true))
	}
	x.w.WriteString(">\n")
}

// reserved are the RDF/XML syntax names that cannot be property elements
// (rdf:li can, but means rdf:_1, rdf:_2…).
var reserved = map[string]bool{
	"RDF": true, "Description": true, "ID": true, "about": true, "parseType": true, "resource": true,
	"nodeID": true, "datatype": true, "li": true, "aboutEach": true, "aboutEachPrefix": true, "bagID": true,
}

func (x *rdfxmlWriter) WriteTriple(t vocab.Triple) error {
	if x.err != nil {
		return x.err
	}
	if err := x.check(t); err != nil {
		return x.fail("rdf/xml: %w", err)
	}
	for _, s := range []string{t.S.Value, t.P.Value, t.O.Value, t.O.Datatype} {
		if err := checkXMLText(s); err != nil {
			return x.fail("rdf/xml: %w", err)
		}
	}
	qname, decl, err := x.qname(t.P.Value)
	if err != nil {
		return x.fail("rdf/xml: %w", err)
	}
	if !x.started {
		x.header()
	}
	if !x.open || t.S != x.subj {
		if x.open {
			x.w.WriteString("  </rdf:Description>\n")
		}
		if t.S.IsIRI() {
			fmt.Fprintf(x.w, "  <rdf:Description rdf:about=\"%s\">\n", escapeXML(t.S.Value, true))
		} else {
			fmt.Fprintf(x.w, "  <rdf:Description rdf:nodeID=\"%s\">\n", t.S.Value)
		}
		x.subj, x.open = t.S, true
	}
	fmt.Fprintf(x.w, "    <%s%s", qname, decl)
	switch o := t.O; o.Kind {
	case vocab.IRINode:
		fmt.Fprintf(x.w, " rdf:resource=\"%s\"/>\n", escapeXML(o.Value, true))
	case vocab.BlankNode:
		fmt.Fprintf(x.w, " rdf:nodeID=\"%s\"/>\n", o.Value)
	case vocab.LiteralNode:
		switch dt := datatype(o); {
		case o.Lang != "":
			fmt.Fprintf(x.w, " xml:lang=\"%s\"", o.Lang)
		case dt != vocab.XSDString.IRI:
			fmt.Fprintf(x.w, " rdf:datatype=\"%s\"", escapeXML(dt, true))
		}
		fmt.Fprintf(x.w, ">%s</%s>\n", escapeXML(o.Value, false), qname)
	}
	return nil
}

func (x *rdfxmlWriter) Close() error {
	if x.err != nil {
		return x.err
	}
	if !x.started {
		x.header()
	}
	if x.open {
		x.w.WriteString("  </rdf:Description>\n")
	}
	x.w.WriteString("</rdf:RDF>\n")
	if err := x.w.Flush(); err != nil {
		return x.fail("rdf/xml: %w", err)
	}
	return nil
}

// qname returns the element name of a predicate, and a namespace
// declaration to put on the element when its namespace is not declared
// on the root.
func (x *rdfxmlWriter) qname(iri string) (name, decl string, err error) {
	for _, ns := range x.lookup {
		if local, ok := strings.CutPrefix(iri, ns.IRI); ok && isNCName(local) {
			if ns == vocab.RDF && reserved[local] {
				return "", "", fmt.Errorf("rdf:%s cannot be written as a property in RDF/XML", local)
			}
			return ns.Prefix + ":" + local, "", nil
		}
	}
	i := ncNameSuffix(iri)
	if i < 0 {
		return "", "", fmt.Errorf("predicate <%s> ends in no XML name, so RDF/XML cannot write it", iri)
	}
	nsIRI, local := iri[:i], iri[i:]
	if nsIRI == vocab.RDF.IRI && reserved[local] {
		return "", "", fmt.Errorf("rdf:%s cannot be written as a property in RDF/XML", local)
	}
	prefix := "ns1"
	for n := 2; x.taken[prefix]; n++ {
		prefix = "ns" + strconv.Itoa(n)
	}
	return prefix + ":" + local, fmt.Sprintf(" xmlns:%s=\"%s\"", prefix, escapeXML(nsIRI, true)), nil
}

// ncNameSuffix returns where the longest NCName that ends iri starts,
// leaving a non-empty namespace, or -1.
func ncNameSuffix(iri string) int {
	start := -1
	for i := len(iri); i > 0; {
		r, size := utf8.DecodeLastRuneInString(iri[:i])
		if !isNameChar(r) {
			break
		}
		i -= size
		if isNameStart(r) && i > 0 {
			start = i
		}
	}
	return start
}

// isNCName reports whether s is an XML name without colons.
func isNCName(s string) bool {
	for i, r := range s {
		if i == 0 && !isNameStart(r) || !isNameChar(r) {
			return false
		}
	}
	return s != ""
}

// isNameStart and isNameChar follow XML 1.0 (fifth edition) NameStartChar
// and NameChar, without ':'.
func isNameStart(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '_':
		return true
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// checkXMLText reports characters XML 1.0 cannot hold at all.
func checkXMLText(s string) error {
	for _, r := range s {
		if !isXMLChar(r) {
			return fmt.Errorf("the character %U cannot be written in XML 1.0", r)
		}
	}
	return nil
}

func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= unicode.MaxRune
}

// escapeXML escapes text for element content or, with attr, for a
// double-quoted attribute value. Whitespace that XML would normalise is
// written as character references, so that it reads back unchanged.
func escapeXML(s string, attr bool) string {
	if !strings.ContainsAny(s, "&<>\"\r\t\n") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#13;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\t':
			b.WriteString("&#9;")
		case attr && r == '\n':
			b.WriteString("&#10;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
