package vocab

// The terms of the Triple Pattern Fragments interface (package tpf): the
// Linked Data Fragments specification describes a fragment, its counts,
// its pages and the form that selects another one with Hydra, VoID and
// the RDF reification properties that name the three positions of a
// triple pattern.
var (
	RDFSubject = def(&Term{NS: RDF, Local: "subject", Kind: ObjectProperty,
		Label:   text{"en": "subject", "de": "Subjekt"},
		Comment: text{"en": "The subject position of a triple: what a fragment's subject variable fills.", "de": "Die Subjektstelle eines Tripels: was die Subjektvariable eines Fragments füllt."}})
	RDFPredicate = def(&Term{NS: RDF, Local: "predicate", Kind: ObjectProperty,
		Label:   text{"en": "predicate", "de": "Prädikat"},
		Comment: text{"en": "The predicate position of a triple: what a fragment's predicate variable fills.", "de": "Die Prädikatstelle eines Tripels: was die Prädikatvariable eines Fragments füllt."}})
	RDFObject = def(&Term{NS: RDF, Local: "object", Kind: ObjectProperty,
		Label:   text{"en": "object", "de": "Objekt"},
		Comment: text{"en": "The object position of a triple: what a fragment's object variable fills.", "de": "Die Objektstelle eines Tripels: was die Objektvariable eines Fragments füllt."}})

	HydraCollection = def(&Term{NS: Hydra, Local: "Collection", Kind: Class,
		Label:   text{"en": "collection (Hydra)", "de": "Sammlung (Hydra)"},
		Comment: text{"en": "A set of resources that can be searched: the dataset, whose triples the fragments select.", "de": "Eine durchsuchbare Menge von Ressourcen: der Datensatz, dessen Tripel die Fragmente auswählen."}})
	HydraPartialCollectionView = def(&Term{NS: Hydra, Local: "PartialCollectionView", Kind: Class,
		Label:   text{"en": "page of a fragment", "de": "Seite eines Fragments"},
		Comment: text{"en": "One page of the triples that match a triple pattern.", "de": "Eine Seite der Tripel, die einem Tripelmuster entsprechen."}})
	HydraIriTemplate = def(&Term{NS: Hydra, Local: "IriTemplate", Kind: Class,
		Label:   text{"en": "IRI template", "de": "IRI-Vorlage"},
		Comment: text{"en": "A form that builds the IRI of a fragment from a triple pattern (RFC 6570 template).", "de": "Ein Formular, das die IRI eines Fragments aus einem Tripelmuster bildet (RFC-6570-Vorlage)."}})
	HydraIriTemplateMapping = def(&Term{NS: Hydra, Local: "IriTemplateMapping", Kind: Class,
		Label:   text{"en": "template variable", "de": "Vorlagenvariable"},
		Comment: text{"en": "A variable of an IRI template and the position of the triple pattern it fills.", "de": "Eine Variable einer IRI-Vorlage und die Stelle des Tripelmusters, die sie füllt."}})
	HydraSearch = def(&Term{NS: Hydra, Local: "search", Kind: ObjectProperty, Range: HydraIriTemplate,
		Label:   text{"en": "search form", "de": "Suchformular"},
		Comment: text{"en": "The form that selects the triples of the dataset matching a triple pattern.", "de": "Das Formular, das die Tripel des Datensatzes auswählt, die einem Tripelmuster entsprechen."}})
	HydraTemplate = def(&Term{NS: Hydra, Local: "template", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "template", "de": "Vorlage"},
		Comment: text{"en": "The RFC 6570 IRI template of a form.", "de": "Die RFC-6570-IRI-Vorlage eines Formulars."}})
	HydraVariableRepresentation = def(&Term{NS: Hydra, Local: "variableRepresentation", Kind: ObjectProperty,
		Label:   text{"en": "variable representation", "de": "Darstellung der Variablen"},
		Comment: text{"en": "How a form's variables write RDF terms.", "de": "Wie die Variablen eines Formulars RDF-Terme schreiben."}})
	HydraExplicitRepresentation = def(&Term{NS: Hydra, Local: "ExplicitRepresentation", Kind: Individual,
		Label:   text{"en": "explicit representation", "de": "explizite Darstellung"},
		Comment: text{"en": "Variables hold IRIs as they are and literals quoted, with their language tag (@en) or datatype (^^IRI).", "de": "Variablen enthalten IRIs unverändert und Literale in Anführungszeichen, mit Sprachangabe (@de) oder Datentyp (^^IRI)."}})
	HydraMapping = def(&Term{NS: Hydra, Local: "mapping", Kind: ObjectProperty, Range: HydraIriTemplateMapping,
		Label:   text{"en": "variable", "de": "Variable"},
		Comment: text{"en": "A variable of a form's template.", "de": "Eine Variable der Vorlage eines Formulars."}})
	HydraVariable = def(&Term{NS: Hydra, Local: "variable", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "variable name", "de": "Variablenname"},
		Comment: text{"en": "The name of a template variable.", "de": "Der Name einer Vorlagenvariablen."}})
	HydraProperty = def(&Term{NS: Hydra, Local: "property", Kind: ObjectProperty,
		Label:   text{"en": "position", "de": "Stelle"},
		Comment: text{"en": "What a template variable stands for: the subject, predicate or object of the pattern.", "de": "Wofür eine Vorlagenvariable steht: Subjekt, Prädikat oder Objekt des Musters."}})
	HydraItemsPerPage = def(&Term{NS: Hydra, Local: "itemsPerPage", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "triples per page", "de": "Tripel pro Seite"},
		Comment: text{"en": "The largest number of triples a page of a fragment holds.", "de": "Die größte Zahl von Tripeln auf einer Seite eines Fragments."}})
	HydraFirst = def(&Term{NS: Hydra, Local: "first", Kind: ObjectProperty,
		Label:   text{"en": "first page", "de": "erste Seite"},
		Comment: text{"en": "The first page of a fragment.", "de": "Die erste Seite eines Fragments."}})
)

// SkolemIRI is the IRI that stands for the blank node label of a
// snapshot's graph where a client must name it again (the triple pattern
// fragments): RDF 1.1's well-known genid space (RDF 1.1 Concepts, 3.5).
func SkolemIRI(base, label string) string { return base + "/.well-known/genid/" + label }

// FragmentsURL is where the Triple Pattern Fragments interface is served.
func FragmentsURL(base string) string { return base + "/fragments" }

// TPFSpecIRI names the Triple Pattern Fragments specification, which the
// fragments interface conforms to.
const TPFSpecIRI = "https://linkeddatafragments.org/specification/triple-pattern-fragments/"
