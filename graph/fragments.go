package graph

import "github.com/moving-cities/opendata/vocab"

// The search form of the Triple Pattern Fragments interface (package
// tpf), which the dataset states about itself: the dataset is a Hydra
// collection whose triples a client selects by triple pattern. Its nodes
// are IRIs under the interface's address, so that no blank node needs a
// label unique across the dataset stream.

// Positions are the variables of the form's template, in order: each
// names what it fills in a triple pattern.
var Positions = []struct {
	Variable string
	Property *vocab.Term
}{
	{"subject", vocab.RDFSubject},
	{"predicate", vocab.RDFPredicate},
	{"object", vocab.RDFObject},
}

// SearchTemplate is the RFC 6570 template of the fragments' IRIs.
func SearchTemplate(base string) string {
	vars := ""
	for i, p := range Positions {
		if i > 0 {
			vars += ","
		}
		vars += p.Variable
	}
	return vocab.FragmentsURL(base) + "{?" + vars + "}"
}

// SearchForm returns the triples that give the dataset its search form:
// rdf:type hydra:Collection, hydra:search, the IRI template with its
// explicit representation and one mapping a variable.
func SearchForm(base string) []vocab.Triple {
	ds := vocab.IRI(vocab.DatasetIRI(base))
	form := vocab.IRI(vocab.FragmentsURL(base) + "#search")
	ts := []vocab.Triple{
		{S: ds, P: vocab.RDFType.Node(), O: vocab.HydraCollection.Node()},
		{S: ds, P: vocab.HydraSearch.Node(), O: form},
		{S: form, P: vocab.RDFType.Node(), O: vocab.HydraIriTemplate.Node()},
		{S: form, P: vocab.HydraTemplate.Node(), O: vocab.Str(SearchTemplate(base))},
		{S: form, P: vocab.HydraVariableRepresentation.Node(), O: vocab.HydraExplicitRepresentation.Node()},
	}
	for _, p := range Positions {
		ts = append(ts, vocab.Triple{S: form, P: vocab.HydraMapping.Node(), O: vocab.IRI(vocab.FragmentsURL(base) + "#" + p.Variable)})
	}
	for _, p := range Positions {
		m := vocab.IRI(vocab.FragmentsURL(base) + "#" + p.Variable)
		ts = append(ts,
			vocab.Triple{S: m, P: vocab.RDFType.Node(), O: vocab.HydraIriTemplateMapping.Node()},
			vocab.Triple{S: m, P: vocab.HydraVariable.Node(), O: vocab.Str(p.Variable)},
			vocab.Triple{S: m, P: vocab.HydraProperty.Node(), O: p.Property.Node()},
		)
	}
	return ts
}
