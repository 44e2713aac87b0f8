package api

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"

	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

// The HTML representation of a document: a plain page, rendered by the
// server, that lists the document's triples with the vocabulary's labels
// and links to the other formats. It loads nothing (no scripts, styles or
// fonts from anywhere). The pages for people come later (issue 9).

//go:embed document.html
var documentHTML string

var documentTmpl = template.Must(template.New("document").Parse(documentHTML))

type docPage struct {
	Base, Entity, License string
	Title, TitleLang      string
	Kind                  string // the entity's class, in English
	Gone                  bool
	Nodes                 []*pageNode // the entity first, then the other subjects
	Alternates            []vocab.Alternate
}

// pageNode is a subject and what the document says about it.
type pageNode struct {
	Anchor, IRI          string
	Heading, HeadingLang string
	Rows                 []pageRow
}

type pageRow struct {
	Label, Term, CURIE string
	Values             []pageValue
}

type pageValue struct {
	Text, Lang, Href, Note string
	Node                   *pageNode // a blank node, shown in place
}

// writeDocHTML renders the page of document d, whose triples are ts.
func writeDocHTML(w io.Writer, d *graph.Doc, ts []vocab.Triple, alternates []vocab.Alternate) error {
	bySubj := map[vocab.Node][]vocab.Triple{}
	var order []vocab.Node
	for _, t := range ts {
		if _, ok := bySubj[t.S]; !ok {
			order = append(order, t.S)
		}
		bySubj[t.S] = append(bySubj[t.S], t)
	}
	topic := vocab.IRI(d.Topic())
	p := &docPage{
		Base: d.Base, Entity: d.Topic(), License: vocab.LicenseIRI,
		Kind: vocab.ClassOf(d.Type).LabelIn("en"), Gone: d.Retired != nil, Alternates: alternates,
	}
	p.Title, p.TitleLang = labelOf(bySubj[topic])
	if p.Title == "" {
		p.Title = d.ID
	}
	root := pageNodeOf(topic, bySubj, 0)
	root.Heading = "Properties"
	p.Nodes = append(p.Nodes, root)
	for i, s := range order {
		if s == topic || s.IsBlank() {
			continue
		}
		n := pageNodeOf(s, bySubj, 0)
		n.Anchor, n.IRI = "n"+strconv.Itoa(i), s.Value
		n.Heading, n.HeadingLang = labelOf(bySubj[s])
		if n.Heading == "" {
			n.Heading = s.Value
		}
		if class := classOf(bySubj[s]); class != nil {
			n.Heading = class.LabelIn("en") + ": " + n.Heading
			n.HeadingLang = ""
		}
		p.Nodes = append(p.Nodes, n)
	}
	var b bytes.Buffer // a template error must not leave half a page
	if err := documentTmpl.Execute(&b, p); err != nil {
		return fmt.Errorf("render the page of %s: %w", d.Topic(), err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// pageNodeOf lists what ts say about s, one row per property in the
// order they come, with blank nodes nested in place.
func pageNodeOf(s vocab.Node, bySubj map[vocab.Node][]vocab.Triple, depth int) *pageNode {
	n := &pageNode{}
	row := map[vocab.Node]int{}
	for _, t := range bySubj[s] {
		i, ok := row[t.P]
		if !ok {
			i = len(n.Rows)
			row[t.P] = i
			r := pageRow{Label: t.P.Value, Term: t.P.Value, CURIE: t.P.Value}
			if term, ok := vocab.Lookup(t.P.Value); ok {
				r.Label, r.CURIE = term.LabelIn("en"), term.CURIE()
			}
			n.Rows = append(n.Rows, r)
		}
		v := valueOf(t.O)
		if t.O.IsBlank() && depth < 4 {
			v = pageValue{Node: pageNodeOf(t.O, bySubj, depth+1)}
		}
		n.Rows[i].Values = append(n.Rows[i].Values, v)
	}
	return n
}

func valueOf(o vocab.Node) pageValue {
	switch o.Kind {
	case vocab.IRINode:
		v := pageValue{Text: o.Value, Href: o.Value}
		if term, ok := vocab.Lookup(o.Value); ok {
			v.Text, v.Note = term.LabelIn("en"), term.CURIE()
		}
		return v
	case vocab.LiteralNode:
		v := pageValue{Text: o.Value, Lang: o.Lang}
		switch {
		case o.Lang != "":
			v.Note = o.Lang
		case o.Datatype == vocab.XSDDouble.IRI:
			if f, err := strconv.ParseFloat(o.Value, 64); err == nil {
				v.Text = strconv.FormatFloat(f, 'f', -1, 64)
			}
		case o.Datatype != "" && o.Datatype != vocab.XSDString.IRI:
			if dt, ok := vocab.Lookup(o.Datatype); ok {
				v.Note = dt.LabelIn("en")
			}
		}
		return v
	}
	return pageValue{Text: o.Value}
}

// labelOf is a subject's name: its English skos:prefLabel or dcterms:title,
// else the first one, else its dcterms:identifier.
func labelOf(ts []vocab.Triple) (text, lang string) {
	for _, p := range []*vocab.Term{vocab.SKOSPrefLabel, vocab.DCTermsTitle, vocab.DCTermsIdentifier} {
		for _, t := range ts {
			if t.P == p.Node() && t.O.IsLiteral() && (t.O.Lang == "en" || t.O.Lang == "") {
				return t.O.Value, t.O.Lang
			}
		}
		for _, t := range ts {
			if t.P == p.Node() && t.O.IsLiteral() {
				return t.O.Value, t.O.Lang
			}
		}
	}
	return "", ""
}

func classOf(ts []vocab.Triple) *vocab.Term {
	for _, t := range ts {
		if t.P == vocab.RDFType.Node() {
			if c, ok := vocab.Lookup(t.O.Value); ok {
				return c
			}
		}
	}
	return nil
}
