package exporters

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

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
	node     map[string][]any
	sticky
}

// NewJSONLDWriter returns a Writer of JSON-LD.
func NewJSONLDWriter(w io.Writer, o Options) Writer {
	j := &jsonldWriter{w: bufio.NewWriter(w), context: map[string]string{}}
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
	if err := checkTriple(t); err != nil {
		return j.fail("json-ld: %w", err)
	}
	if !j.started {
		if err := j.header(); err != nil {
			return j.fail("json-ld: %w", err)
		}
	}
	if j.node != nil && t.S != j.subj {
		if err := j.flushNode(); err != nil {
			return err
		}
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
		j.node["@type"] = append(j.node["@type"], typ)
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
	j.node[key] = append(j.node[key], v)
	return nil
}

// start begins the node object of subject s unless it is open.
func (j *jsonldWriter) start(s vocab.Node, id string) {
	if j.node == nil {
		j.subj = s
		j.node = map[string][]any{"@id": {id}}
	}
}

func (j *jsonldWriter) nodeID(n vocab.Node) (string, error) {
	if n.IsBlank() {
		return "_:" + n.Value, nil
	}
	return j.full(n.Value)
}

func (j *jsonldWriter) value(o vocab.Node) (any, error) {
	switch o.Kind {
	case vocab.IRINode, vocab.BlankNode:
		id, err := j.nodeID(o)
		return map[string]string{"@id": id}, err
	}
	v := map[string]string{"@value": o.Value}
	switch dt := datatype(o); {
	case o.Lang != "":
		v["@language"] = o.Lang
	case dt != vocab.XSDString.IRI:
		c, err := j.compact(dt)
		if err != nil {
			return nil, err
		}
		v["@type"] = c
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

// flushNode writes the open node object: one key a line, values compact.
func (j *jsonldWriter) flushNode() error {
	keys := make([]string, 0, len(j.node))
	for k := range j.node {
		keys = append(keys, k)
	}
	sort.Strings(keys) // "@id" and "@type" sort first
	var b bytes.Buffer
	b.WriteString("{")
	for i, k := range keys {
		var v any = j.node[k]
		if k == "@id" {
			v = j.node[k][0]
		}
		kb, err := compactJSON(k)
		if err != nil {
			return j.fail("json-ld: %w", err)
		}
		vb, err := compactJSON(v)
		if err != nil {
			return j.fail("json-ld: %w", err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n      ")
		b.Write(kb)
		b.WriteString(": ")
		b.Write(vb)
	}
	b.WriteString("\n    }")
	j.node = nil
	if j.n > 0 {
		j.w.WriteByte(',')
	}
	j.n++
	j.w.WriteString("\n    ")
	j.w.Write(b.Bytes())
	return nil
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
	if j.node != nil {
		if err := j.flushNode(); err != nil {
			return err
		}
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

// compactJSON writes v as JSON on one line, without HTML escaping.
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
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
