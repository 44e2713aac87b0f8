package vocab_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// The vocabulary document, as published in Turtle and read back by an
// independent parser, meets the requirements of Linked Open Vocabularies
// (https://lov.linkeddata.es/Recommendations_Vocabulary_Design.pdf).
func TestVocabularyMeetsLOVRequirements(t *testing.T) {
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	snap := dataset.NewSnapshot(d, 1)
	var b bytes.Buffer
	if err := exporters.Write(&b, exporters.Turtle, vocab.Graph("https://data.example.org", snap.Categories), exporters.Options{}); err != nil {
		t.Fatal(err)
	}
	g := parseTurtle(t, b.String())
	if err := checkLOV(g); err != nil {
		t.Error(err)
	}
}

// graph indexes parsed triples by subject and predicate.
type graph map[string]map[string][]rdf.Term

func parseTurtle(t *testing.T, doc string) graph {
	t.Helper()
	dec := rdf.NewTripleDecoder(strings.NewReader(doc), rdf.Turtle)
	g := graph{}
	for {
		tr, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("knakk cannot read our Turtle: %v", err)
		}
		s, p := tr.Subj.String(), tr.Pred.String()
		if g[s] == nil {
			g[s] = map[string][]rdf.Term{}
		}
		g[s][p] = append(g[s][p], tr.Obj)
	}
	return g
}

func (g graph) langs(s string, p *vocab.Term) map[string]string {
	out := map[string]string{}
	for _, o := range g[s][p.IRI] {
		if l, ok := o.(rdf.Literal); ok {
			out[l.Lang()] = l.String()
		}
	}
	return out
}

func (g graph) one(s string, p *vocab.Term) (rdf.Term, bool) {
	os := g[s][p.IRI]
	if len(os) != 1 {
		return nil, false
	}
	return os[0], true
}

// checkLOV returns what the document lacks.
func checkLOV(g graph) error {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	onto := vocab.OntologyIRI
	if !hasIRI(g[onto][vocab.RDFType.IRI], vocab.OWLOntology.IRI) {
		fail("%s is not an owl:Ontology", onto)
	}
	for _, p := range []*vocab.Term{vocab.DCTermsTitle, vocab.DCTermsDescription} {
		if g.langs(onto, p)["en"] == "" {
			fail("no English %s", p.CURIE())
		}
	}
	for _, p := range []*vocab.Term{vocab.DCTermsCreator, vocab.DCTermsPublisher} {
		o, ok := g.one(onto, p)
		if !ok || o.Type() != rdf.TermIRI {
			fail("%s must be one IRI", p.CURIE())
			continue
		}
		if g.langs(o.String(), vocab.FOAFName)[""] == "" {
			fail("%s <%s> has no foaf:name", p.CURIE(), o)
		}
	}
	if o, ok := g.one(onto, vocab.DCTermsLicense); !ok || o.String() != "https://creativecommons.org/licenses/by/4.0/" {
		fail("the licence must be CC BY 4.0, got %v", g[onto][vocab.DCTermsLicense.IRI])
	}
	for _, p := range []*vocab.Term{vocab.DCTermsIssued, vocab.DCTermsModified} {
		o, ok := g.one(onto, p)
		if l, isLit := o.(rdf.Literal); !ok || !isLit || l.DataType.String() != vocab.XSDDate.IRI {
			fail("%s must be one xsd:date", p.CURIE())
		}
	}
	if o, ok := g.one(onto, vocab.OWLVersionInfo); !ok || o.String() != vocab.Version {
		fail("owl:versionInfo must be %s", vocab.Version)
	}
	if o, ok := g.one(onto, vocab.OWLVersionIRI); !ok || o.Type() != rdf.TermIRI || o.String() != onto+"/"+vocab.Version {
		fail("owl:versionIRI must be <%s/%s>", onto, vocab.Version)
	}
	if o, ok := g.one(onto, vocab.VANNPreferredNamespacePrefix); !ok || o.String() != "mc" {
		fail("vann:preferredNamespacePrefix must be \"mc\"")
	}
	if o, ok := g.one(onto, vocab.VANNPreferredNamespaceURI); !ok || o.String() != "https://data.moving-cities.eu/vocab#" {
		fail("vann:preferredNamespaceUri must be the namespace")
	}
	// Every term in the namespace that the document mentions is defined in
	// it, with an English label and comment, and points to the vocabulary.
	mentioned := map[string]bool{}
	for s, ps := range g {
		mentioned[s] = true
		for p, os := range ps {
			mentioned[p] = true
			for _, o := range os {
				if o.Type() == rdf.TermIRI {
					mentioned[o.String()] = true
				}
			}
		}
	}
	for iri := range mentioned {
		if !strings.HasPrefix(iri, vocab.MC.IRI) {
			continue
		}
		label, comment := vocab.RDFSLabel, vocab.RDFSComment
		if hasIRI(g[iri][vocab.RDFType.IRI], vocab.SKOSConcept.IRI) {
			label, comment = vocab.SKOSPrefLabel, vocab.SKOSDefinition
		} else if hasIRI(g[iri][vocab.RDFType.IRI], vocab.SKOSConceptScheme.IRI) {
			label, comment = vocab.DCTermsTitle, vocab.DCTermsDescription
		}
		if g.langs(iri, label)["en"] == "" || g.langs(iri, comment)["en"] == "" {
			fail("%s is used but has no English %s and %s", iri, label.CURIE(), comment.CURIE())
		}
		if !hasIRI(g[iri][vocab.RDFSIsDefinedBy.IRI], onto) {
			fail("%s has no rdfs:isDefinedBy <%s>", iri, onto)
		}
		if len(g[iri][vocab.RDFType.IRI]) == 0 {
			fail("%s has no rdf:type", iri)
		}
	}
	// The category scheme: every concept with labels, notation, scheme.
	concepts := 0
	for s, ps := range g {
		if !hasIRI(ps[vocab.SKOSInScheme.IRI], vocab.CategoryScheme.IRI) {
			continue
		}
		concepts++
		if g.langs(s, vocab.SKOSPrefLabel)["en"] == "" || len(ps[vocab.SKOSNotation.IRI]) != 1 ||
			!hasIRI(ps[vocab.SKOSTopConceptOf.IRI], vocab.CategoryScheme.IRI) || len(g.langs(s, vocab.SKOSDefinition)) == 0 {
			fail("category %s lacks prefLabel, definition, notation or topConceptOf", s)
		}
	}
	if concepts < 7 {
		fail("the category scheme has %d concepts", concepts)
	}
	if len(problems) > 0 {
		return fmt.Errorf("LOV requirements not met:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

func hasIRI(ts []rdf.Term, iri string) bool {
	for _, t := range ts {
		if t.Type() == rdf.TermIRI && t.String() == iri {
			return true
		}
	}
	return false
}

// The check itself catches a document that lacks metadata.
func TestLOVCheckFailsOnIncompleteDocument(t *testing.T) {
	var b bytes.Buffer
	ts := []vocab.Triple{
		vocab.T(vocab.IRI(vocab.OntologyIRI), vocab.RDFType.Node(), vocab.OWLOntology.Node()),
		vocab.T(vocab.Municipality.Node(), vocab.RDFType.Node(), vocab.OWLClass.Node()),
	}
	if err := exporters.Write(&b, exporters.Turtle, ts, exporters.Options{}); err != nil {
		t.Fatal(err)
	}
	err := checkLOV(parseTurtle(t, b.String()))
	for _, want := range []string{"no English dcterms:title", "licence", "owl:versionIRI", "vann:preferredNamespacePrefix", "vocab#Municipality is used but has no English"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the check misses %q: %v", want, err)
		}
	}
}

// Every example in the table is valid Turtle with the table's prefixes.
func TestExamplesParse(t *testing.T) {
	var prefixes strings.Builder
	for _, ns := range vocab.Namespaces {
		fmt.Fprintf(&prefixes, "@prefix %s: <%s> .\n", ns.Prefix, ns.IRI)
	}
	for _, term := range vocab.All {
		if term.Example == "" {
			continue
		}
		dec := rdf.NewTripleDecoder(strings.NewReader(prefixes.String()+term.Example+"\n"), rdf.Turtle)
		if _, err := dec.DecodeAll(); err != nil {
			t.Errorf("%s: example does not parse: %v\n%s", term.CURIE(), err, term.Example)
		}
	}
}
