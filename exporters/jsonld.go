package exporters

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/moving-cities/opendata/vocab"
)

// JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/): a document with a
// context of prefixes from the table and a @graph with one node object
// per run of triples with the same subject. Predicates, classes and
// datatypes are compact IRIs where a prefix fits; node IRIs are written
// in full; every literal is a value object holding its lexical form as a
// string, so that no processor turns "52.50" into the number 52.5.

type jsonldWriter struct {
	w        *bufio.Writer
	prefixes []*vocab.Namespace // longest IRI first
	context  map[string]string
	started  bool
	n        int // node objects written
	subj     vocab.Node
	open     bool // a node object is being gathered in node
	node     jsonldNode
	buf      []byte // the node object being written, reused
	sticky
	checker
}

// jsonldNode is the node object of one subject, gathered until the
// subject changes: its slices are reused from node to node, so that the
// millions of triples of a dataset dump allocate almost nothing here
// (issue 18).
type jsonldNode struct {
	id    string
	types []string
	props []jsonldProp // in the order first seen; sorted when written
	keys  []jsonldKey  // the keys of the object, sorted when written
}

type jsonldProp struct {
	key    string
	values []jsonldValue
}

// jsonldValue is a value object: a node reference ({"@id": ref}) or a
// literal ({"@value": value} with "@language" or "@type").
type jsonldValue struct {
	ref, value, lang, typ string
}

// jsonldKey is a key of the node object written: "@id", "@type" or
// props[prop].key.
type jsonldKey struct {
	key  string
	prop int // -1 for "@id" and "@type"
}

// NewJSONLDWriter returns a Writer of JSON-LD.
func NewJSONLDWriter(w io.Writer, o Options) Writer {
	j := &jsonldWriter{w: bufio.NewWriter(w), context: map[string]string{}, checker: checker{o.Checked}}
	for _, ns := range o.namespaces() {
		// A prefix must not look like a keyword, a blank node or an IRI
		// scheme in use, and must end in a gen-delim to be usable.
		if prefixName.MatchString(ns.Prefix) && checkIRI(ns.IRI) == nil && strings.ContainsAny(ns.IRI[len(ns.IRI)-1:], "/#:?[]@") {
			if _, dup := j.context[ns.Prefix]; !dup {
				j.context[ns.Prefix] = ns.IRI
				j.prefixes = append(j.prefixes, ns)
			}
		}
	}
	sort.SliceStable(j.prefixes, func(a, b int) bool { return len(j.prefixes[a].IRI) > len(j.prefixes[b].IRI) })
	return j
}

func (j *jsonldWriter) header() error {
	j.started = true
	ctx, err := marshal(map[string]any{"@context": j.context})
	if err != nil {
		return err
	}
	// {"@context": {...}} without its closing brace, then the graph.
	j.w.Write(bytes.TrimRight(bytes.TrimSuffix(bytes.TrimSpace(ctx), []byte("}")), " \n"))
	j.w.WriteString(",\n  \"@graph\": [")
	return nil
}

func (j *jsonldWriter) WriteTriple(t vocab.Triple) error {
	if j.err != nil {
		return j.err
	}
	if err := j.check(t); err != nil {
		return j.fail("json-ld: %w", err)
	}
	if !j.started {
		if err := j.header(); err != nil {
			return j.fail("json-ld: %w", err)
		}
	}
	if j.open && t.S != j.subj {
		j.flushNode()
	}
	s, err := j.nodeID(t.S)
	if err != nil {
		return j.fail("json-ld: %w", err)
	}
	if t.P.Value == vocab.RDFType.IRI && t.O.IsIRI() {
		typ, err := j.compact(t.O.Value)
		if err != nil {
			return j.fail("json-ld: %w", err)
		}
		j.start(t.S, s)
		j.node.types = append(j.node.types, typ)
		return nil
	}
	key, err := j.compact(t.P.Value)
	if err != nil {
		return j.fail("json-ld: %w", err)
	}
	v, err := j.value(t.O)
	if err != nil {
		return j.fail("json-ld: %w", err)
	}
	j.start(t.S, s)
	j.node.add(key, v)
	return nil
}

// add appends v to the values of key.
func (n *jsonldNode) add(key string, v jsonldValue) {
	for i := range n.props {
		if n.props[i].key == key {
			n.props[i].values = append(n.props[i].values, v)
			return
		}
	}
	if len(n.props) < cap(n.props) { // reuse a property's values slice
		n.props = n.props[:len(n.props)+1]
		p := &n.props[len(n.props)-1]
		p.key, p.values = key, append(p.values[:0], v)
		return
	}
	n.props = append(n.props, jsonldProp{key: key, values: []jsonldValue{v}})
}

// start begins the node object of subject s unless it is open.
func (j *jsonldWriter) start(s vocab.Node, id string) {
	if !j.open {
		j.subj, j.open = s, true
		j.node.id, j.node.types, j.node.props = id, j.node.types[:0], j.node.props[:0]
	}
}

func (j *jsonldWriter) nodeID(n vocab.Node) (string, error) {
	if n.IsBlank() {
		return "_:" + n.Value, nil
	}
	return j.full(n.Value)
}

func (j *jsonldWriter) value(o vocab.Node) (jsonldValue, error) {
	switch o.Kind {
	case vocab.IRINode, vocab.BlankNode:
		id, err := j.nodeID(o)
		return jsonldValue{ref: id}, err
	}
	v := jsonldValue{value: o.Value}
	switch dt := datatype(o); {
	case o.Lang != "":
		v.lang = o.Lang
	case dt != vocab.XSDString.IRI:
		c, err := j.compact(dt)
		if err != nil {
			return jsonldValue{}, err
		}
		v.typ = c
	}
	return v, nil
}

// compact abbreviates an IRI used as a key, a type or a datatype with a
// prefix of the context. The rest must not start with "//", or the
// result would read as an absolute IRI.
func (j *jsonldWriter) compact(iri string) (string, error) {
	for _, ns := range j.prefixes {
		if rest, ok := strings.CutPrefix(iri, ns.IRI); ok && rest != "" && !strings.HasPrefix(rest, "//") {
			return ns.Prefix + ":" + rest, nil
		}
	}
	return j.full(iri)
}

// full returns an IRI to write unabbreviated. A JSON-LD processor reads
// "geo:52.5,13.4" as the prefix geo and a suffix, so an IRI whose scheme
// is a prefix of the context cannot be written in full.
func (j *jsonldWriter) full(iri string) (string, error) {
	scheme, rest, _ := strings.Cut(iri, ":")
	if _, ok := j.context[scheme]; ok && !strings.HasPrefix(rest, "//") {
		return "", fmt.Errorf("IRI %q has the scheme %q, which the context defines as a prefix", iri, scheme)
	}
	return iri, nil
}

// flushNode writes the open node object: one key a line in key order,
// values compact, as encoding/json would write them (a map of the keys,
// without HTML escaping; TestJSONLDMatchesEncodingJSON compares).
func (j *jsonldWriter) flushNode() {
	n := &j.node
	keys := append(n.keys[:0], jsonldKey{"@id", -1})
	if len(n.types) > 0 {
		keys = append(keys, jsonldKey{"@type", -1})
	}
	for i, p := range n.props {
		keys = append(keys, jsonldKey{p.key, i})
	}
	slices.SortFunc(keys, func(a, b jsonldKey) int { return strings.Compare(a.key, b.key) })
	n.keys = keys
	b := append(j.buf[:0], '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n      "...)
		b = appendJSONString(b, k.key)
		b = append(b, ": "...)
		switch {
		case k.prop >= 0:
			b = append(b, '[')
			for i, v := range n.props[k.prop].values {
				if i > 0 {
					b = append(b, ',')
				}
				b = v.appendJSON(b)
			}
			b = append(b, ']')
		case k.key == "@id":
			b = appendJSONString(b, n.id)
		default: // "@type"
			b = append(b, '[')
			for i, t := range n.types {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, t)
			}
			b = append(b, ']')
		}
	}
	b = append(b, "\n    }"...)
	j.buf = b
	j.open = false
	if j.n > 0 {
		j.w.WriteByte(',')
	}
	j.n++
	j.w.WriteString("\n    ")
	j.w.Write(b)
}

// appendJSON appends the value object, its keys in order.
func (v jsonldValue) appendJSON(b []byte) []byte {
	if v.ref != "" {
		b = append(b, `{"@id":`...)
		b = appendJSONString(b, v.ref)
		return append(b, '}')
	}
	b = append(b, '{')
	switch {
	case v.lang != "":
		b = append(b, `"@language":`...)
		b = appendJSONString(b, v.lang)
		b = append(b, ',')
	case v.typ != "":
		b = append(b, `"@type":`...)
		b = appendJSONString(b, v.typ)
		b = append(b, ',')
	}
	b = append(b, `"@value":`...)
	b = appendJSONString(b, v.value)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping: \" and \\, the short escapes of \b \f \n \r \t,
// \u00XX for other control characters, \u2028 and \u2029 escaped, and
// each byte of invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func (j *jsonldWriter) Close() error {
	if j.err != nil {
		return j.err
	}
	if !j.started {
		if err := j.header(); err != nil {
			return j.fail("json-ld: %w", err)
		}
	}
	if j.open {
		j.flushNode()
	}
	if j.n > 0 {
		j.w.WriteString("\n  ")
	}
	j.w.WriteString("]\n}\n")
	if err := j.w.Flush(); err != nil {
		return j.fail("json-ld: %w", err)
	}
	return nil
}

// marshal writes v as indented JSON without HTML escaping.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}
