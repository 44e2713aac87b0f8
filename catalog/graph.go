package catalog

import (
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// graph collects the triples of a document, each once, and returns them
// grouped by subject in the order subjects first appear, so that every
// writer can abbreviate them. Catalogue documents are small: holding them
// is fine.
type graph struct {
	order  []vocab.Node
	bySubj map[vocab.Node][]vocab.Triple
	seen   map[vocab.Triple]bool
}

func newGraph() *graph {
	return &graph{bySubj: map[vocab.Node][]vocab.Triple{}, seen: map[vocab.Triple]bool{}}
}

// add states s p o; a zero object states nothing.
func (g *graph) add(s vocab.Node, p *vocab.Term, o vocab.Node) {
	if o.IsZero() {
		return
	}
	t := vocab.Triple{S: s, P: p.Node(), O: o}
	if g.seen[t] {
		return
	}
	g.seen[t] = true
	if _, ok := g.bySubj[s]; !ok {
		g.order = append(g.order, s)
	}
	g.bySubj[s] = append(g.bySubj[s], t)
}

// typ states the classes of s.
func (g *graph) typ(s vocab.Node, classes ...*vocab.Term) {
	for _, c := range classes {
		g.add(s, vocab.RDFType, c.Node())
	}
}

// texts states one language-tagged literal per language of t, platform
// languages first.
func (g *graph) texts(s vocab.Node, p *vocab.Term, t dataset.Text) {
	for _, lang := range vocab.LangOrder(t) {
		if t[lang] != "" {
			g.add(s, p, vocab.LangStr(t[lang], lang))
		}
	}
}

// concept states c's classes, English label and scheme, and the
// scheme's class and title, and returns c's node.
func (g *graph) concept(c concept, classes ...*vocab.Term) vocab.Node {
	n := vocab.IRI(c.IRI())
	g.typ(n, classes...)
	g.typ(n, vocab.SKOSConcept)
	g.add(n, vocab.SKOSPrefLabel, vocab.LangStr(c.Label, "en"))
	g.add(n, vocab.SKOSInScheme, g.scheme(c.Scheme))
	return n
}

func (g *graph) scheme(s scheme) vocab.Node {
	n := vocab.IRI(s.IRI)
	g.typ(n, vocab.SKOSConceptScheme)
	g.add(n, vocab.DCTermsTitle, vocab.LangStr(s.Title, "en"))
	return n
}

func (g *graph) triples() []vocab.Triple {
	var out []vocab.Triple
	for _, s := range g.order {
		out = append(out, g.bySubj[s]...)
	}
	return out
}
