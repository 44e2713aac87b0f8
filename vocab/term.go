package vocab

import (
	"sort"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// Namespace is a vocabulary namespace and the prefix our outputs give it.
type Namespace struct {
	Prefix string // "skos"
	IRI    string // "http://www.w3.org/2004/02/skos/core#"
	Title  string // the vocabulary's name, for the documentation
}

// Kind is what a term is.
type Kind uint8

const (
	Class Kind = iota + 1
	// ObjectProperty is a property whose values are IRIs or blank nodes.
	ObjectProperty
	// DatatypeProperty is a property whose values are literals.
	DatatypeProperty
	// AnnotationProperty is a property about terms and documents (labels,
	// comments, examples); its values are literals unless its range says
	// otherwise.
	AnnotationProperty
	Datatype
	// ConceptScheme and Concept are SKOS individuals: the code lists of
	// the vocabulary and their values.
	ConceptScheme
	Concept
	// Individual is a named instance of another vocabulary's class that
	// our outputs use as a value (hydra:ExplicitRepresentation).
	Individual
)

func (k Kind) String() string {
	switch k {
	case Class:
		return "class"
	case ObjectProperty:
		return "object property"
	case DatatypeProperty:
		return "datatype property"
	case AnnotationProperty:
		return "annotation property"
	case Datatype:
		return "datatype"
	case ConceptScheme:
		return "concept scheme"
	case Concept:
		return "concept"
	case Individual:
		return "individual"
	}
	return "unknown"
}

// IsProperty reports whether terms of kind k are used as predicates.
func (k Kind) IsProperty() bool {
	return k == ObjectProperty || k == DatatypeProperty || k == AnnotationProperty
}

// Term is one row of the table: a class, property, datatype or individual,
// ours (namespace MC) or reused.
type Term struct {
	NS    *Namespace
	Local string // local name: "Municipality", "prefLabel"
	// IRI is NS.IRI + Local, set by def.
	IRI  string
	Kind Kind
	// Label and Comment are keyed by language; English is required.
	// For reused terms they are our reading of the term, in our usage.
	Label, Comment dataset.Text
	// Domain is the class whose instances have this property (published
	// as rdfs:domain for our terms). Nil when several classes use it: see
	// UsedOn.
	Domain *Term
	// Range is the class or datatype of the property's values (rdfs:range
	// for our terms; for reused terms, what our data puts there).
	Range *Term
	// SubOf are superclasses of a class or superproperties of a property.
	SubOf []*Term
	// Equivalent are owl:equivalentClass / owl:equivalentProperty terms.
	Equivalent []*Term
	// CloseMatch are terms of other vocabularies with nearly the same
	// meaning (skos:closeMatch): a weaker claim than the two above.
	CloseMatch []*Term
	// Scheme is the concept scheme of a Concept; Notation is its code as
	// it appears in JSON and CSV ("active").
	Scheme   *Term
	Notation string
	// Example shows the term in use, in Turtle (prefixes as in Namespaces,
	// entity IRIs under https://data.moving-cities.eu).
	Example string
}

// def fills in a term's IRI and returns it. It registers nothing: the
// table is the explicit lists in All.
func def(t *Term) *Term {
	t.IRI = t.NS.IRI + t.Local
	return t
}

// Node returns the term's IRI as a node.
func (t *Term) Node() Node { return IRI(t.IRI) }

// CURIE is the term's prefixed name ("skos:prefLabel").
func (t *Term) CURIE() string { return t.NS.Prefix + ":" + t.Local }

// Ours reports whether the term is defined by our vocabulary.
func (t *Term) Ours() bool { return t.NS == MC }

// LabelIn returns the label in lang, falling back to English.
func (t *Term) LabelIn(lang string) string { s, _ := t.Label.Get(lang); return s }

// CommentIn returns the comment in lang, falling back to English.
func (t *Term) CommentIn(lang string) string { s, _ := t.Comment.Get(lang); return s }

// Columns lists the CSV/Parquet columns that hold this term's values, in
// any dataset type (see Field.Column), sorted.
func (t *Term) Columns() []string {
	seen := map[string]bool{}
	walkFields(func(_ string, f *Field) {
		if f.Term == t && f.Column != "" {
			seen[f.Column] = true
		}
	})
	return sortedSet(seen)
}

// UsedOn lists the classes whose JSON fields map to this term, sorted by
// IRI.
func (t *Term) UsedOn() []*Term {
	seen := map[*Term]bool{}
	for _, e := range entityTypes {
		for i := range e.Fields {
			if usesTerm(&e.Fields[i], t) {
				seen[e.Class] = true
			}
		}
	}
	out := make([]*Term, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out
}

func usesTerm(f *Field, t *Term) bool {
	if f.Term == t {
		return true
	}
	for i := range f.Fields {
		if f.Value == Nest && usesTerm(&f.Fields[i], t) {
			return true
		}
	}
	return false
}

// Lookup finds the term with the given IRI.
func Lookup(iri string) (*Term, bool) {
	t, ok := byIRI[iri]
	return t, ok
}

// LookupCURIE finds a term by its prefixed name ("mc:since").
func LookupCURIE(curie string) (*Term, bool) {
	prefix, local, ok := strings.Cut(curie, ":")
	if !ok {
		return nil, false
	}
	for _, ns := range Namespaces {
		if ns.Prefix == prefix {
			return Lookup(ns.IRI + local)
		}
	}
	return nil, false
}

var byIRI = func() map[string]*Term {
	m := make(map[string]*Term, len(All))
	for _, t := range All {
		m[t.IRI] = t
	}
	return m
}()

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
