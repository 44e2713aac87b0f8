package vocab

import (
	"sort"

	"github.com/moving-cities/opendata/dataset"
)

// Graph returns the vocabulary document: the ontology with its metadata,
// every term of ours with its labels, comments, domain, range, relations
// to standard terms and example, the code lists as SKOS concept schemes,
// and the approach categories as the concept scheme mc:CategoryScheme,
// whose concepts are the category entities under base. The order is
// fixed, so equal inputs give equal bytes.
func Graph(base string, categories []*dataset.Category) []Triple {
	g := &graph{}
	onto := IRI(OntologyIRI)
	g.add(onto, RDFType, OWLOntology.Node())
	g.texts(onto, DCTermsTitle, Title)
	g.texts(onto, DCTermsDescription, Description)
	g.add(onto, DCTermsCreator, IRI(PublisherIRI))
	g.add(onto, DCTermsPublisher, IRI(PublisherIRI))
	g.add(onto, DCTermsLicense, IRI(LicenseIRI))
	g.add(onto, DCTermsIssued, Date(Issued))
	g.add(onto, DCTermsModified, Date(Modified))
	g.add(onto, OWLVersionInfo, Str(Version))
	g.add(onto, OWLVersionIRI, IRI(VersionIRI))
	g.add(onto, VANNPreferredNamespacePrefix, Str(MC.Prefix))
	g.add(onto, VANNPreferredNamespaceURI, Str(MC.IRI))

	pub := IRI(PublisherIRI)
	g.add(pub, RDFType, FOAFOrganization.Node())
	g.add(pub, FOAFName, Str(PublisherName))

	for _, t := range Ours {
		switch t.Kind {
		case Class, ObjectProperty, DatatypeProperty:
			g.term(t)
		case ConceptScheme:
			g.scheme(t)
		case Concept:
			g.concept(t)
		}
	}
	for _, c := range categories {
		n := IRI(EntityIRI(base, dataset.TypeCategory, c.ID))
		g.add(n, RDFType, SKOSConcept.Node())
		g.texts(n, SKOSPrefLabel, c.Labels)
		g.texts(n, SKOSDefinition, c.Definitions)
		g.add(n, SKOSNotation, Str(c.ID))
		g.add(n, SKOSInScheme, CategoryScheme.Node())
		g.add(n, SKOSTopConceptOf, CategoryScheme.Node())
		g.add(CategoryScheme.Node(), SKOSHasTopConcept, n)
	}
	return g.ts
}

// Title and Description describe the vocabulary as a whole.
var (
	Title = text{"en": "Moving Cities vocabulary", "de": "Moving-Cities-Vokabular", "es": "Vocabulario de Moving Cities",
		"fr": "Vocabulaire Moving Cities", "el": "Λεξιλόγιο του Moving Cities", "it": "Vocabolario di Moving Cities", "pl": "Słownik Moving Cities"}
	Description = text{
		"en": "Classes and properties of Moving Cities Open Data: European municipalities that support a solidarity-based migration policy, the city networks they form, their memberships and the local approaches they implemented. It reuses schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 and GeoSPARQL terms and defines its own only where none fits.",
		"de": "Klassen und Eigenschaften von Moving Cities Open Data: europäische Kommunen, die eine solidarische Migrationspolitik unterstützen, die Städtenetzwerke, die sie bilden, ihre Mitgliedschaften und die lokalen Ansätze, die sie umgesetzt haben. Es verwendet Begriffe aus schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 und GeoSPARQL und definiert eigene nur dort, wo keiner passt.",
		"es": "Clases y propiedades de Moving Cities Open Data: municipios europeos que apoyan una política migratoria solidaria, las redes de ciudades que forman, sus membresías y los enfoques locales que han puesto en marcha. Reutiliza términos de schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 y GeoSPARQL y solo define los suyos donde ninguno encaja.",
		"fr": "Classes et propriétés de Moving Cities Open Data : les communes européennes qui soutiennent une politique migratoire solidaire, les réseaux de villes qu'elles forment, leurs adhésions et les approches locales qu'elles ont mises en œuvre. Il réutilise des termes de schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 et GeoSPARQL et ne définit les siens que là où aucun ne convient.",
		"el": "Κλάσεις και ιδιότητες του Moving Cities Open Data: ευρωπαϊκοί δήμοι που υποστηρίζουν μια αλληλέγγυα μεταναστευτική πολιτική, τα δίκτυα πόλεων που σχηματίζουν, οι συμμετοχές τους και οι τοπικές προσεγγίσεις που εφάρμοσαν. Επαναχρησιμοποιεί όρους των schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 και GeoSPARQL και ορίζει δικούς του μόνο όπου κανένας δεν ταιριάζει.",
		"it": "Classi e proprietà di Moving Cities Open Data: i comuni europei che sostengono una politica migratoria solidale, le reti di città che formano, le loro adesioni e gli approcci locali che hanno attuato. Riutilizza termini di schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 e GeoSPARQL e ne definisce di propri solo dove nessuno è adatto.",
		"pl": "Klasy i właściwości Moving Cities Open Data: europejskie gminy wspierające solidarną politykę migracyjną, tworzone przez nie sieci miast, ich członkostwa oraz wdrożone przez nie podejścia lokalne. Wykorzystuje terminy z schema.org, DCTERMS, SKOS, ORG, PROV, WGS84 i GeoSPARQL, a własne definiuje tylko tam, gdzie żaden nie pasuje.",
	}
)

type graph struct{ ts []Triple }

func (g *graph) add(s Node, p *Term, o Node) {
	if o.IsZero() {
		return
	}
	g.ts = append(g.ts, Triple{S: s, P: p.Node(), O: o})
}

// texts adds one language-tagged literal per language of t, platform
// languages first.
func (g *graph) texts(s Node, p *Term, t map[string]string) {
	for _, lang := range LangOrder(t) {
		if t[lang] != "" {
			g.add(s, p, LangStr(t[lang], lang))
		}
	}
}

var kindClass = map[Kind]*Term{Class: OWLClass, ObjectProperty: OWLObjectProperty, DatatypeProperty: OWLDatatypeProperty}

func (g *graph) term(t *Term) {
	n := t.Node()
	g.add(n, RDFType, kindClass[t.Kind].Node())
	g.texts(n, RDFSLabel, t.Label)
	g.texts(n, RDFSComment, t.Comment)
	g.add(n, RDFSIsDefinedBy, IRI(OntologyIRI))
	if t.Domain != nil {
		g.add(n, RDFSDomain, t.Domain.Node())
	}
	if t.Range != nil {
		g.add(n, RDFSRange, t.Range.Node())
	}
	sub, eq := RDFSSubPropertyOf, OWLEquivalentProperty
	if t.Kind == Class {
		sub, eq = RDFSSubClassOf, OWLEquivalentClass
	}
	for _, x := range t.SubOf {
		g.add(n, sub, x.Node())
	}
	for _, x := range t.Equivalent {
		g.add(n, eq, x.Node())
	}
	for _, x := range t.CloseMatch {
		g.add(n, SKOSCloseMatch, x.Node())
	}
	if t.Example != "" {
		g.add(n, SKOSExample, Str(t.Example))
	}
}

func (g *graph) scheme(t *Term) {
	n := t.Node()
	g.add(n, RDFType, SKOSConceptScheme.Node())
	g.texts(n, DCTermsTitle, t.Label)
	g.texts(n, DCTermsDescription, t.Comment)
	g.add(n, RDFSIsDefinedBy, IRI(OntologyIRI))
	if t.Example != "" {
		g.add(n, SKOSExample, Str(t.Example))
	}
	for _, l := range CodeLists {
		if l.Scheme == t {
			for _, c := range l.Codes {
				g.add(n, SKOSHasTopConcept, c.Node())
			}
		}
	}
}

func (g *graph) concept(t *Term) {
	n := t.Node()
	g.add(n, RDFType, SKOSConcept.Node())
	g.texts(n, SKOSPrefLabel, t.Label)
	g.texts(n, SKOSDefinition, t.Comment)
	g.add(n, SKOSNotation, Str(t.Notation))
	g.add(n, SKOSInScheme, t.Scheme.Node())
	g.add(n, SKOSTopConceptOf, t.Scheme.Node())
	g.add(n, RDFSIsDefinedBy, IRI(OntologyIRI))
}

// LangOrder lists the languages of a text: the platform's languages in
// their order (dataset.Languages), then any others sorted.
func LangOrder(t map[string]string) []string {
	var out, rest []string
	for _, l := range dataset.Languages {
		if _, ok := t[l]; ok {
			out = append(out, l)
		}
	}
	for l := range t {
		if !dataset.IsPlatformLanguage(l) {
			rest = append(rest, l)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
