package exporters

import (
	"bufio"
	"bytes"
	"io"

	"github.com/moving-cities/opendata/vocab"
)

// TriG (https://www.w3.org/TR/trig/) and named graphs. Our documents are
// one graph each; the Triple Pattern Fragments (package tpf) put their
// metadata and controls in a graph of their own, as the Linked Data
// Fragments specification asks of formats that hold several graphs.

// TriG is not in Formats: only fragments, which have a named graph, are
// served in it.
var TriG = &Format{Name: "trig", Label: "TriG", Suffix: ".trig", MediaType: "application/trig",
	ContentType: "application/trig; charset=utf-8", NewWriter: NewTriGWriter}

// GraphWriter is a Writer that also holds named graphs: WriteTriple
// writes to the default graph, WriteGraph one whole named graph.
type GraphWriter interface {
	Writer
	WriteGraph(name vocab.Node, ts []vocab.Triple) error
}

// NewTriGWriter returns a GraphWriter of TriG: the default graph's
// triples are Turtle statements at the top level, a named graph is a
// block of them in braces.
func NewTriGWriter(w io.Writer, o Options) Writer {
	return NewTurtleWriter(w, o)
}

// WriteGraph writes the named graph name as a TriG block. A Turtle
// document holds no named graph: only the writer NewTriGWriter returns
// may be used so.
func (t *turtleWriter) WriteGraph(name vocab.Node, ts []vocab.Triple) error {
	if t.err != nil {
		return t.err
	}
	if !name.IsIRI() {
		return t.fail("trig: graph name %s is not an IRI", name)
	}
	g, err := t.appendTerm(nil, name)
	if err != nil {
		return t.fail("trig: %w", err)
	}
	if !t.started {
		t.header()
	}
	if t.open {
		t.w.WriteString(" .\n\n")
		t.open = false
	}
	t.w.Write(g)
	t.w.WriteString(" {\n")
	for _, tr := range ts {
		if err := t.WriteTriple(tr); err != nil {
			return err
		}
	}
	if t.open {
		t.w.WriteString(" .\n")
		t.open = false
	}
	t.w.WriteString("}\n\n")
	return nil
}

// WriteGraph writes the named graph name as a node object with its own
// @graph (JSON-LD 1.1, section 4.9).
func (j *jsonldWriter) WriteGraph(name vocab.Node, ts []vocab.Triple) error {
	if j.err != nil {
		return j.err
	}
	if !name.IsIRI() {
		return j.fail("json-ld: graph name %s is not an IRI", name)
	}
	if !j.started {
		if err := j.header(); err != nil {
			return j.fail("json-ld: %w", err)
		}
	}
	if j.open {
		j.flushNode()
	}
	id, err := j.full(name.Value)
	if err != nil {
		return j.fail("json-ld: %w", err)
	}
	var inner bytes.Buffer
	sub := &jsonldWriter{w: bufio.NewWriter(&inner), prefixes: j.prefixes, context: j.context, started: true}
	for _, tr := range ts {
		if err := sub.WriteTriple(tr); err != nil {
			return j.fail("%w", err)
		}
	}
	if sub.open {
		sub.flushNode()
	}
	if err := sub.w.Flush(); err != nil {
		return j.fail("json-ld: %w", err)
	}
	if j.n > 0 {
		j.w.WriteByte(',')
	}
	j.n++
	j.w.WriteString("\n    {\n      \"@id\": ")
	j.w.Write(appendJSONString(nil, id))
	j.w.WriteString(",\n      \"@graph\": [")
	j.w.Write(inner.Bytes())
	j.w.WriteString("\n      ]\n    }")
	return nil
}
