package vocab

import "github.com/moving-cities/opendata/dataset"

// text is a shorthand for the multilingual labels of the table.
type text = dataset.Text

// The terms our outputs reuse from other vocabularies, with our labels and
// our reading of them. We publish no statements about them; they are in
// the table so that every writer takes their IRIs from here and Check
// knows them.

// RDF and RDF Schema.
var (
	RDFType = def(&Term{NS: RDF, Local: "type", Kind: ObjectProperty,
		Label:   text{"en": "type", "de": "Typ"},
		Comment: text{"en": "The class the subject is an instance of.", "de": "Die Klasse, deren Instanz das Subjekt ist."}})
	RDFValue = def(&Term{NS: RDF, Local: "value", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "value", "de": "Wert", "es": "valor", "fr": "valeur", "el": "τιμή", "it": "valore", "pl": "wartość"},
		Comment: text{"en": "The main value of a structured value, such as the head count of a population figure.", "de": "Der Hauptwert eines strukturierten Werts, etwa die Einwohnerzahl einer Bevölkerungsangabe."}})
	RDFLangString = def(&Term{NS: RDF, Local: "langString", Kind: Datatype,
		Label:   text{"en": "language-tagged string", "de": "Zeichenkette mit Sprachangabe"},
		Comment: text{"en": "A text with a BCP 47 language tag.", "de": "Ein Text mit einer Sprachangabe nach BCP 47."}})

	RDFSLiteral = def(&Term{NS: RDFS, Local: "Literal", Kind: Datatype,
		Label:   text{"en": "literal", "de": "Literal"},
		Comment: text{"en": "Any literal value: a text, a number, a date.", "de": "Ein beliebiger Literalwert: Text, Zahl, Datum."}})
	RDFSLabel = def(&Term{NS: RDFS, Local: "label", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "label", "de": "Bezeichnung"},
		Comment: text{"en": "A human-readable name of a term.", "de": "Ein für Menschen lesbarer Name eines Begriffs."}})
	RDFSComment = def(&Term{NS: RDFS, Local: "comment", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "comment", "de": "Kommentar"},
		Comment: text{"en": "A human-readable description of a term.", "de": "Eine für Menschen lesbare Beschreibung eines Begriffs."}})
	RDFSDomain = def(&Term{NS: RDFS, Local: "domain", Kind: ObjectProperty,
		Label:   text{"en": "domain", "de": "Definitionsbereich"},
		Comment: text{"en": "The class of the things that have the property.", "de": "Die Klasse der Dinge, die die Eigenschaft haben."}})
	RDFSRange = def(&Term{NS: RDFS, Local: "range", Kind: ObjectProperty,
		Label:   text{"en": "range", "de": "Wertebereich"},
		Comment: text{"en": "The class or datatype of the property's values.", "de": "Die Klasse oder der Datentyp der Werte der Eigenschaft."}})
	RDFSSubClassOf = def(&Term{NS: RDFS, Local: "subClassOf", Kind: ObjectProperty,
		Label:   text{"en": "subclass of", "de": "Unterklasse von"},
		Comment: text{"en": "Every instance of the subject class is an instance of the object class.", "de": "Jede Instanz der Subjektklasse ist eine Instanz der Objektklasse."}})
	RDFSSubPropertyOf = def(&Term{NS: RDFS, Local: "subPropertyOf", Kind: ObjectProperty,
		Label:   text{"en": "subproperty of", "de": "Untereigenschaft von"},
		Comment: text{"en": "Every statement with the subject property also holds with the object property.", "de": "Jede Aussage mit der Subjekteigenschaft gilt auch mit der Objekteigenschaft."}})
	RDFSIsDefinedBy = def(&Term{NS: RDFS, Local: "isDefinedBy", Kind: ObjectProperty,
		Label:   text{"en": "is defined by", "de": "definiert durch"},
		Comment: text{"en": "The vocabulary that defines the term.", "de": "Das Vokabular, das den Begriff definiert."}})
	RDFSSeeAlso = def(&Term{NS: RDFS, Local: "seeAlso", Kind: ObjectProperty,
		Label:   text{"en": "see also", "de": "siehe auch"},
		Comment: text{"en": "A resource with more information about the subject.", "de": "Eine Ressource mit weiteren Informationen über das Subjekt."}})
)

// OWL.
var (
	OWLOntology = def(&Term{NS: OWL, Local: "Ontology", Kind: Class,
		Label:   text{"en": "ontology", "de": "Ontologie"},
		Comment: text{"en": "A vocabulary published as a whole, with its metadata.", "de": "Ein als Ganzes veröffentlichtes Vokabular mit seinen Metadaten."}})
	OWLClass = def(&Term{NS: OWL, Local: "Class", Kind: Class,
		Label:   text{"en": "class", "de": "Klasse"},
		Comment: text{"en": "A set of things that share a description.", "de": "Eine Menge von Dingen mit gemeinsamer Beschreibung."}})
	OWLObjectProperty = def(&Term{NS: OWL, Local: "ObjectProperty", Kind: Class,
		Label:   text{"en": "object property", "de": "Objekteigenschaft"},
		Comment: text{"en": "A property whose values are things identified by IRIs.", "de": "Eine Eigenschaft, deren Werte durch IRIs bezeichnete Dinge sind."}})
	OWLDatatypeProperty = def(&Term{NS: OWL, Local: "DatatypeProperty", Kind: Class,
		Label:   text{"en": "datatype property", "de": "Datentypeigenschaft"},
		Comment: text{"en": "A property whose values are literals: texts, numbers, dates.", "de": "Eine Eigenschaft, deren Werte Literale sind: Texte, Zahlen, Daten."}})
	OWLSameAs = def(&Term{NS: OWL, Local: "sameAs", Kind: ObjectProperty,
		Label:   text{"en": "same as", "de": "identisch mit", "es": "igual a", "fr": "identique à", "el": "ίδιο με", "it": "uguale a", "pl": "tożsame z"},
		Comment: text{"en": "Both IRIs name the same thing; we use it for confirmed Wikidata items only.", "de": "Beide IRIs bezeichnen dasselbe Ding; wir verwenden es nur für bestätigte Wikidata-Objekte."}})
	OWLVersionInfo = def(&Term{NS: OWL, Local: "versionInfo", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "version", "de": "Version"},
		Comment: text{"en": "The version number of the vocabulary.", "de": "Die Versionsnummer des Vokabulars."}})
	OWLVersionIRI = def(&Term{NS: OWL, Local: "versionIRI", Kind: ObjectProperty,
		Label:   text{"en": "version IRI", "de": "Versions-IRI"},
		Comment: text{"en": "The IRI of this version of the vocabulary, which never changes.", "de": "Die IRI dieser Version des Vokabulars, die sich nie ändert."}})
	OWLEquivalentClass = def(&Term{NS: OWL, Local: "equivalentClass", Kind: ObjectProperty,
		Label:   text{"en": "equivalent class", "de": "äquivalente Klasse"},
		Comment: text{"en": "Both classes have exactly the same instances.", "de": "Beide Klassen haben genau dieselben Instanzen."}})
	OWLEquivalentProperty = def(&Term{NS: OWL, Local: "equivalentProperty", Kind: ObjectProperty,
		Label:   text{"en": "equivalent property", "de": "äquivalente Eigenschaft"},
		Comment: text{"en": "Both properties relate exactly the same things.", "de": "Beide Eigenschaften verbinden genau dieselben Dinge."}})
)

// XML Schema datatypes, and EDTF for dates of varying precision.
var (
	XSDString = def(&Term{NS: XSD, Local: "string", Kind: Datatype,
		Label:   text{"en": "string", "de": "Zeichenkette"},
		Comment: text{"en": "A text without a language tag: a code, an identifier, a note.", "de": "Ein Text ohne Sprachangabe: ein Code, eine Kennung, eine Notiz."}})
	XSDInteger = def(&Term{NS: XSD, Local: "integer", Kind: Datatype,
		Label:   text{"en": "integer", "de": "Ganzzahl"},
		Comment: text{"en": "A whole number.", "de": "Eine ganze Zahl."}})
	XSDDouble = def(&Term{NS: XSD, Local: "double", Kind: Datatype,
		Label:   text{"en": "double", "de": "Gleitkommazahl"},
		Comment: text{"en": "A 64-bit floating-point number, written in canonical form (5.252E1).", "de": "Eine 64-Bit-Gleitkommazahl in kanonischer Schreibweise (5.252E1)."}})
	XSDDecimal = def(&Term{NS: XSD, Local: "decimal", Kind: Datatype,
		Label:   text{"en": "decimal", "de": "Dezimalzahl"},
		Comment: text{"en": "An exact decimal number.", "de": "Eine exakte Dezimalzahl."}})
	XSDBoolean = def(&Term{NS: XSD, Local: "boolean", Kind: Datatype,
		Label:   text{"en": "boolean", "de": "Wahrheitswert"},
		Comment: text{"en": "true or false.", "de": "true (wahr) oder false (falsch)."}})
	XSDDate = def(&Term{NS: XSD, Local: "date", Kind: Datatype,
		Label:   text{"en": "date", "de": "Datum"},
		Comment: text{"en": "A calendar day (YYYY-MM-DD).", "de": "Ein Kalendertag (JJJJ-MM-TT)."}})
	XSDDateTime = def(&Term{NS: XSD, Local: "dateTime", Kind: Datatype,
		Label:   text{"en": "date and time", "de": "Datum und Uhrzeit"},
		Comment: text{"en": "An instant with its time zone, as RFC 3339.", "de": "Ein Zeitpunkt mit Zeitzone nach RFC 3339."}})
	XSDGYear = def(&Term{NS: XSD, Local: "gYear", Kind: Datatype,
		Label:   text{"en": "year", "de": "Jahr"},
		Comment: text{"en": "A calendar year (YYYY).", "de": "Ein Kalenderjahr (JJJJ)."}})
	EDTFDate = def(&Term{NS: EDTF, Local: "EDTF", Kind: Datatype,
		Label:   text{"en": "EDTF date", "de": "EDTF-Datum"},
		Comment: text{"en": "A date known to the year, the month or the day (YYYY, YYYY-MM or YYYY-MM-DD: EDTF level 0, a profile of ISO 8601), so that a date never claims more precision than its source gives.", "de": "Ein auf das Jahr, den Monat oder den Tag genau bekanntes Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT: EDTF-Stufe 0, ein Profil von ISO 8601), damit ein Datum nie genauer erscheint, als seine Quelle es angibt."}})
)

// SKOS.
var (
	SKOSConcept = def(&Term{NS: SKOS, Local: "Concept", Kind: Class,
		Label:   text{"en": "concept", "de": "Begriff", "es": "concepto", "fr": "concept", "el": "έννοια", "it": "concetto", "pl": "pojęcie"},
		Comment: text{"en": "A value of a code list or thesaurus, such as an approach category.", "de": "Ein Wert einer Codeliste oder eines Thesaurus, etwa eine Kategorie von Ansätzen."}})
	SKOSConceptScheme = def(&Term{NS: SKOS, Local: "ConceptScheme", Kind: Class,
		Label:   text{"en": "concept scheme", "de": "Begriffsschema"},
		Comment: text{"en": "A code list or thesaurus: a set of concepts.", "de": "Eine Codeliste oder ein Thesaurus: eine Menge von Begriffen."}})
	SKOSPrefLabel = def(&Term{NS: SKOS, Local: "prefLabel", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "name", "de": "Name", "es": "nombre", "fr": "nom", "el": "όνομα", "it": "nome", "pl": "nazwa"},
		Comment: text{"en": "The name of a thing in a language; at most one per language.", "de": "Der Name eines Dings in einer Sprache; höchstens einer je Sprache."}})
	SKOSAltLabel = def(&Term{NS: SKOS, Local: "altLabel", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "alias", "de": "Alternativname", "es": "nombre alternativo", "fr": "autre nom", "el": "εναλλακτικό όνομα", "it": "nome alternativo", "pl": "nazwa alternatywna"},
		Comment: text{"en": "Another name of a thing in a language: a former name, an exonym, a short form.", "de": "Ein weiterer Name eines Dings in einer Sprache: ein früherer Name, ein Exonym, eine Kurzform."}})
	SKOSHiddenLabel = def(&Term{NS: SKOS, Local: "hiddenLabel", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "former code", "de": "früherer Code", "es": "código anterior", "fr": "ancien code", "el": "προηγούμενος κωδικός", "it": "codice precedente", "pl": "poprzedni kod"},
		Comment: text{"en": "A former or alternative code of a category, kept so that old links and searches still find it.", "de": "Ein früherer oder alternativer Code einer Kategorie, der erhalten bleibt, damit alte Links und Suchen sie weiter finden."}})
	SKOSDefinition = def(&Term{NS: SKOS, Local: "definition", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "definition", "de": "Definition", "es": "definición", "fr": "définition", "el": "ορισμός", "it": "definizione", "pl": "definicja"},
		Comment: text{"en": "What a concept means.", "de": "Was ein Begriff bedeutet."}})
	SKOSNotation = def(&Term{NS: SKOS, Local: "notation", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "code", "de": "Code"},
		Comment: text{"en": "The code of a concept as it appears in JSON and CSV.", "de": "Der Code eines Begriffs, wie er in JSON und CSV steht."}})
	SKOSInScheme = def(&Term{NS: SKOS, Local: "inScheme", Kind: ObjectProperty, Range: SKOSConceptScheme,
		Label:   text{"en": "in scheme", "de": "in Schema"},
		Comment: text{"en": "The concept scheme a concept belongs to.", "de": "Das Begriffsschema, zu dem ein Begriff gehört."}})
	SKOSTopConceptOf = def(&Term{NS: SKOS, Local: "topConceptOf", Kind: ObjectProperty, Range: SKOSConceptScheme,
		Label:   text{"en": "top concept of", "de": "Spitzenbegriff von"},
		Comment: text{"en": "The concept scheme in which a concept is at the top level.", "de": "Das Begriffsschema, in dem ein Begriff auf oberster Ebene steht."}})
	SKOSHasTopConcept = def(&Term{NS: SKOS, Local: "hasTopConcept", Kind: ObjectProperty, Range: SKOSConcept,
		Label:   text{"en": "has top concept", "de": "hat Spitzenbegriff"},
		Comment: text{"en": "A concept at the top level of the scheme.", "de": "Ein Begriff auf der obersten Ebene des Schemas."}})
	SKOSCloseMatch = def(&Term{NS: SKOS, Local: "closeMatch", Kind: ObjectProperty,
		Label:   text{"en": "close match", "de": "enge Entsprechung"},
		Comment: text{"en": "A term of another vocabulary with nearly the same meaning.", "de": "Ein Begriff eines anderen Vokabulars mit nahezu gleicher Bedeutung."}})
	SKOSExample = def(&Term{NS: SKOS, Local: "example", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "example", "de": "Beispiel"},
		Comment: text{"en": "An example of the term in use, in Turtle.", "de": "Ein Anwendungsbeispiel des Begriffs in Turtle."}})
)

// DCMI Metadata Terms.
var (
	DCTermsTitle = def(&Term{NS: DCTerms, Local: "title", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "title", "de": "Titel", "es": "título", "fr": "titre", "el": "τίτλος", "it": "titolo", "pl": "tytuł"},
		Comment: text{"en": "The title of an approach, a source document or the vocabulary.", "de": "Der Titel eines Ansatzes, eines Quelldokuments oder des Vokabulars."}})
	DCTermsDescription = def(&Term{NS: DCTerms, Local: "description", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "description", "de": "Beschreibung", "es": "descripción", "fr": "description", "el": "περιγραφή", "it": "descrizione", "pl": "opis"},
		Comment: text{"en": "A description of a network or the vocabulary, or what a source says in our words.", "de": "Eine Beschreibung eines Netzwerks oder des Vokabulars oder das, was eine Quelle aussagt, in unseren Worten."}})
	DCTermsAbstract = def(&Term{NS: DCTerms, Local: "abstract", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "summary", "de": "Zusammenfassung", "es": "resumen", "fr": "résumé", "el": "περίληψη", "it": "sintesi", "pl": "streszczenie"},
		Comment: text{"en": "A short summary: why a municipality is listed, what an approach does.", "de": "Eine kurze Zusammenfassung: warum eine Kommune aufgeführt ist, was ein Ansatz bewirkt."}})
	DCTermsCreator = def(&Term{NS: DCTerms, Local: "creator", Kind: ObjectProperty,
		Label:   text{"en": "creator", "de": "Urheber"},
		Comment: text{"en": "Who made the resource.", "de": "Wer die Ressource erstellt hat."}})
	DCTermsPublisher = def(&Term{NS: DCTerms, Local: "publisher", Kind: ObjectProperty,
		Label:   text{"en": "publisher", "de": "Herausgeber"},
		Comment: text{"en": "Who makes the resource available.", "de": "Wer die Ressource bereitstellt."}})
	DCTermsLicense = def(&Term{NS: DCTerms, Local: "license", Kind: ObjectProperty,
		Label:   text{"en": "licence", "de": "Lizenz"},
		Comment: text{"en": "The licence under which the resource may be reused.", "de": "Die Lizenz, unter der die Ressource weiterverwendet werden darf."}})
	DCTermsIssued = def(&Term{NS: DCTerms, Local: "issued", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "issued", "de": "veröffentlicht"},
		Comment: text{"en": "When the resource was first published.", "de": "Wann die Ressource erstmals veröffentlicht wurde."}})
	DCTermsModified = def(&Term{NS: DCTerms, Local: "modified", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "modified", "de": "geändert", "es": "modificado", "fr": "modifié", "el": "τροποποιήθηκε", "it": "modificato", "pl": "zmieniono"},
		Comment: text{"en": "When the resource last changed.", "de": "Wann sich die Ressource zuletzt geändert hat."}})
	DCTermsCreated = def(&Term{NS: DCTerms, Local: "created", Kind: DatatypeProperty, Range: XSDDateTime,
		Label:   text{"en": "created", "de": "erstellt", "es": "creado", "fr": "créé", "el": "δημιουργήθηκε", "it": "creato", "pl": "utworzono"},
		Comment: text{"en": "When the record's facts were gathered: for the seed, the day its facts were gathered; for later records, when the record was first stored.", "de": "Wann die Angaben des Datensatzes erhoben wurden: beim Grundbestand der Tag ihrer Erhebung, bei späteren Datensätzen der Zeitpunkt der ersten Speicherung."}})
	DCTermsSource = def(&Term{NS: DCTerms, Local: "source", Kind: ObjectProperty,
		Label:   text{"en": "source", "de": "Quelle", "es": "fuente", "fr": "source", "el": "πηγή", "it": "fonte", "pl": "źródło"},
		Comment: text{"en": "A public document a record is based on. In our data its value is a node with the document's address (schema:url), title, the date we read it (mc:accessed) and what it says (dcterms:description); a population figure's source is the document itself.", "de": "Ein öffentliches Dokument, auf dem ein Datensatz beruht. In unseren Daten ist der Wert ein Knoten mit der Adresse des Dokuments (schema:url), seinem Titel, dem Datum, an dem wir es gelesen haben (mc:accessed), und seiner Aussage (dcterms:description); die Quelle einer Bevölkerungsangabe ist das Dokument selbst."}})
	DCTermsSubject = def(&Term{NS: DCTerms, Local: "subject", Kind: ObjectProperty, Range: SKOSConcept,
		Label:   text{"en": "category", "de": "Kategorie", "es": "categoría", "fr": "catégorie", "el": "κατηγορία", "it": "categoria", "pl": "kategoria"},
		Comment: text{"en": "A category an approach is filed under.", "de": "Eine Kategorie, der ein Ansatz zugeordnet ist."}})
	DCTermsRelation = def(&Term{NS: DCTerms, Local: "relation", Kind: ObjectProperty,
		Label:   text{"en": "related", "de": "verwandt", "es": "relacionado", "fr": "lié", "el": "σχετικό", "it": "correlato", "pl": "powiązane"},
		Comment: text{"en": "A related approach.", "de": "Ein verwandter Ansatz."}})
	DCTermsIsReplacedBy = def(&Term{NS: DCTerms, Local: "isReplacedBy", Kind: ObjectProperty,
		Label:   text{"en": "replaced by", "de": "ersetzt durch", "es": "sustituido por", "fr": "remplacé par", "el": "αντικαταστάθηκε από", "it": "sostituito da", "pl": "zastąpione przez"},
		Comment: text{"en": "The entity a retired identifier now redirects to.", "de": "Die Entität, auf die eine stillgelegte Kennung nun weiterleitet."}})
	DCTermsDate = def(&Term{NS: DCTerms, Local: "date", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "date", "de": "Datum", "es": "fecha", "fr": "date", "el": "ημερομηνία", "it": "data", "pl": "data"},
		Comment: text{"en": "The date a value refers to, such as the reference year of a population figure.", "de": "Das Datum, auf das sich ein Wert bezieht, etwa das Stichjahr einer Bevölkerungsangabe."}})
	DCTermsCoverage = def(&Term{NS: DCTerms, Local: "coverage", Kind: ObjectProperty,
		Label:   text{"en": "coverage", "de": "Geltungsbereich"},
		Comment: text{"en": "The spatial or temporal topic, applicability or jurisdiction of a resource (DCMI).", "de": "Das räumliche oder zeitliche Thema, der Anwendungs- oder Zuständigkeitsbereich einer Ressource (DCMI)."}})
	DCTermsIsPartOf = def(&Term{NS: DCTerms, Local: "isPartOf", Kind: ObjectProperty,
		Label:   text{"en": "is part of", "de": "ist Teil von"},
		Comment: text{"en": "The larger resource a resource belongs to.", "de": "Die größere Ressource, zu der eine Ressource gehört."}})
	DCTermsIdentifier = def(&Term{NS: DCTerms, Local: "identifier", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "identifier", "de": "Kennung", "es": "identificador", "fr": "identifiant", "el": "αναγνωριστικό", "it": "identificativo", "pl": "identyfikator"},
		Comment: text{"en": "The record's ID: a lowercase slug, or the ISO 3166-1 code of a country. It is the last segment of the entity's IRI and is never reused.", "de": "Die Kennung des Datensatzes: ein Slug in Kleinbuchstaben oder der ISO-3166-1-Code eines Staates. Sie ist das letzte Segment der IRI der Entität und wird nie wiederverwendet."}})
	DCTermsType = def(&Term{NS: DCTerms, Local: "type", Kind: ObjectProperty, Range: OWLClass,
		Label:   text{"en": "entity type", "de": "Entitätstyp", "es": "tipo de entidad", "fr": "type d'entité", "el": "τύπος οντότητας", "it": "tipo di entità", "pl": "typ encji"},
		Comment: text{"en": "The class of the entity a retired identifier named. A tombstone is not an instance of that class, so that queries for municipalities do not find removed ones.", "de": "Die Klasse der Entität, die eine stillgelegte Kennung bezeichnete. Ein Grabstein ist keine Instanz dieser Klasse, damit Abfragen nach Kommunen keine entfernten finden."}})
)

// VANN, FOAF.
var (
	VANNPreferredNamespacePrefix = def(&Term{NS: VANN, Local: "preferredNamespacePrefix", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "preferred namespace prefix", "de": "bevorzugtes Namensraumpräfix"},
		Comment: text{"en": "The prefix to use for the vocabulary's namespace.", "de": "Das für den Namensraum des Vokabulars zu verwendende Präfix."}})
	VANNPreferredNamespaceURI = def(&Term{NS: VANN, Local: "preferredNamespaceUri", Kind: AnnotationProperty, Range: RDFSLiteral,
		Label:   text{"en": "preferred namespace URI", "de": "bevorzugte Namensraum-URI"},
		Comment: text{"en": "The namespace IRI of the vocabulary's terms.", "de": "Die Namensraum-IRI der Begriffe des Vokabulars."}})

	FOAFOrganization = def(&Term{NS: FOAF, Local: "Organization", Kind: Class,
		Label:   text{"en": "organisation", "de": "Organisation"},
		Comment: text{"en": "An organisation, such as the publisher.", "de": "Eine Organisation, etwa der Herausgeber."}})
	FOAFDocument = def(&Term{NS: FOAF, Local: "Document", Kind: Class,
		Label:   text{"en": "document", "de": "Dokument"},
		Comment: text{"en": "A document of the service that describes an entity, in one of its formats.", "de": "Ein Dokument des Dienstes, das eine Entität beschreibt, in einem seiner Formate."}})
	FOAFPrimaryTopic = def(&Term{NS: FOAF, Local: "primaryTopic", Kind: ObjectProperty,
		Label:   text{"en": "primary topic", "de": "Hauptthema"},
		Comment: text{"en": "The entity a document is about.", "de": "Die Entität, von der ein Dokument handelt."}})
	FOAFName = def(&Term{NS: FOAF, Local: "name", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "name", "de": "Name"},
		Comment: text{"en": "The name of an agent.", "de": "Der Name eines Akteurs."}})
	FOAFHomepage = def(&Term{NS: FOAF, Local: "homepage", Kind: ObjectProperty,
		Label:   text{"en": "website", "de": "Website", "es": "sitio web", "fr": "site web", "el": "ιστότοπος", "it": "sito web", "pl": "strona internetowa"},
		Comment: text{"en": "The official website of a municipality, network or organisation.", "de": "Die offizielle Website einer Kommune, eines Netzwerks oder einer Organisation."}})
)

// schema.org.
var (
	SchemaCountry = def(&Term{NS: Schema, Local: "Country", Kind: Class,
		Label:   text{"en": "country", "de": "Staat", "es": "país", "fr": "pays", "el": "χώρα", "it": "paese", "pl": "państwo"},
		Comment: text{"en": "A state, identified by its ISO 3166-1 alpha-2 code.", "de": "Ein Staat, bezeichnet durch seinen Code nach ISO 3166-1 alpha-2."}})
	SchemaAdministrativeArea = def(&Term{NS: Schema, Local: "AdministrativeArea", Kind: Class,
		Label:   text{"en": "administrative area", "de": "Verwaltungsgebiet"},
		Comment: text{"en": "A geographical region under the jurisdiction of a government.", "de": "Ein Gebiet unter der Zuständigkeit einer Verwaltung."}})
	SchemaOrganization = def(&Term{NS: Schema, Local: "Organization", Kind: Class,
		Label:   text{"en": "organisation (schema.org)", "de": "Organisation (schema.org)"},
		Comment: text{"en": "An organisation such as a school, an NGO or a corporation.", "de": "Eine Organisation wie eine Schule, eine NGO oder ein Unternehmen."}})
	SchemaContainedInPlace = def(&Term{NS: Schema, Local: "containedInPlace", Kind: ObjectProperty, Range: SchemaCountry,
		Label:   text{"en": "country", "de": "Staat", "es": "país", "fr": "pays", "el": "χώρα", "it": "paese", "pl": "państwo"},
		Comment: text{"en": "The country a municipality lies in.", "de": "Der Staat, in dem eine Kommune liegt."}})
	SchemaAreaServed = def(&Term{NS: Schema, Local: "areaServed", Kind: ObjectProperty, Range: SchemaCountry,
		Label:   text{"en": "countries", "de": "Staaten", "es": "países", "fr": "pays", "el": "χώρες", "it": "paesi", "pl": "państwa"},
		Comment: text{"en": "A country a network is active in.", "de": "Ein Staat, in dem ein Netzwerk tätig ist."}})
	SchemaFoundingDate = def(&Term{NS: Schema, Local: "foundingDate", Kind: DatatypeProperty, Range: XSDGYear,
		Label:   text{"en": "founded", "de": "gegründet", "es": "fundado", "fr": "fondé", "el": "ιδρύθηκε", "it": "fondato", "pl": "założono"},
		Comment: text{"en": "The year a network was founded.", "de": "Das Gründungsjahr eines Netzwerks."}})
	SchemaURL = def(&Term{NS: Schema, Local: "url", Kind: ObjectProperty,
		Label:   text{"en": "address", "de": "Adresse", "es": "dirección web", "fr": "adresse web", "el": "διεύθυνση ιστού", "it": "indirizzo web", "pl": "adres internetowy"},
		Comment: text{"en": "The web address of a source document.", "de": "Die Webadresse eines Quelldokuments."}})
	SchemaQuantitativeValue = def(&Term{NS: Schema, Local: "QuantitativeValue", Kind: Class,
		Label:   text{"en": "quantitative value", "de": "Mengenangabe"},
		Comment: text{"en": "A value with a unit or reference (schema.org).", "de": "Ein Wert mit Einheit oder Bezug (schema.org)."}})
	SchemaStartDate = def(&Term{NS: Schema, Local: "startDate", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "start date", "de": "Beginn"},
		Comment: text{"en": "When something begins (schema.org).", "de": "Wann etwas beginnt (schema.org)."}})
	SchemaEndDate = def(&Term{NS: Schema, Local: "endDate", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "end date", "de": "Ende"},
		Comment: text{"en": "When something ends (schema.org).", "de": "Wann etwas endet (schema.org)."}})
)

// W3C Organization ontology, PROV-O, Time.
var (
	OrgOrganization = def(&Term{NS: Org, Local: "Organization", Kind: Class,
		Label:   text{"en": "organisation (ORG)", "de": "Organisation (ORG)"},
		Comment: text{"en": "A body that has members or is a member: a city network, or a municipality as a local authority.", "de": "Eine Körperschaft, die Mitglieder hat oder Mitglied ist: ein Städtenetzwerk oder eine Kommune als Gebietskörperschaft."}})
	OrgMembership = def(&Term{NS: Org, Local: "Membership", Kind: Class,
		Label:   text{"en": "membership", "de": "Mitgliedschaft", "es": "membresía", "fr": "adhésion", "el": "ιδιότητα μέλους", "it": "adesione", "pl": "członkostwo"},
		Comment: text{"en": "A municipality's membership in a network, as a record of its own with its dates and source.", "de": "Die Mitgliedschaft einer Kommune in einem Netzwerk als eigener Datensatz mit Daten und Quelle."}})
	OrgMember = def(&Term{NS: Org, Local: "member", Kind: ObjectProperty, Domain: OrgMembership,
		Label:   text{"en": "member", "de": "Mitglied", "es": "miembro", "fr": "membre", "el": "μέλος", "it": "membro", "pl": "członek"},
		Comment: text{"en": "The municipality that is the member.", "de": "Die Kommune, die Mitglied ist."}})
	OrgOrganizationProp = def(&Term{NS: Org, Local: "organization", Kind: ObjectProperty, Domain: OrgMembership,
		Label:   text{"en": "network", "de": "Netzwerk", "es": "red", "fr": "réseau", "el": "δίκτυο", "it": "rete", "pl": "sieć"},
		Comment: text{"en": "The network the membership is in.", "de": "Das Netzwerk, in dem die Mitgliedschaft besteht."}})
	OrgMemberOf = def(&Term{NS: Org, Local: "memberOf", Kind: ObjectProperty,
		Label:   text{"en": "member of", "de": "Mitglied von"},
		Comment: text{"en": "A network a municipality is or was a member of (a shortcut for a membership).", "de": "Ein Netzwerk, dem eine Kommune angehört oder angehörte (Kurzform einer Mitgliedschaft)."}})
	OrgHasMembership = def(&Term{NS: Org, Local: "hasMembership", Kind: ObjectProperty, Range: OrgMembership,
		Label:   text{"en": "has membership", "de": "hat Mitgliedschaft"},
		Comment: text{"en": "A membership of the municipality.", "de": "Eine Mitgliedschaft der Kommune."}})
	OrgMemberDuring = def(&Term{NS: Org, Local: "memberDuring", Kind: ObjectProperty,
		Label:   text{"en": "member during", "de": "Mitglied während"},
		Comment: text{"en": "The time interval of a membership (ORG); our memberships give mc:since and mc:until instead, with their precision.", "de": "Der Zeitraum einer Mitgliedschaft (ORG); unsere Mitgliedschaften geben stattdessen mc:since und mc:until mit ihrer Genauigkeit an."}})

	PROVActivity = def(&Term{NS: PROV, Local: "Activity", Kind: Class,
		Label:   text{"en": "activity", "de": "Aktivität"},
		Comment: text{"en": "Something that occurs over a period of time and acts upon or with things.", "de": "Etwas, das über einen Zeitraum geschieht und auf Dinge einwirkt."}})
	PROVWasAssociatedWith = def(&Term{NS: PROV, Local: "wasAssociatedWith", Kind: ObjectProperty,
		Label:   text{"en": "municipality", "de": "Kommune", "es": "municipio", "fr": "commune", "el": "δήμος", "it": "comune", "pl": "gmina"},
		Comment: text{"en": "The municipality responsible for an approach.", "de": "Die für einen Ansatz verantwortliche Kommune."}})
	PROVInvalidatedAtTime = def(&Term{NS: PROV, Local: "invalidatedAtTime", Kind: DatatypeProperty, Range: XSDDateTime,
		Label:   text{"en": "retired", "de": "stillgelegt", "es": "retirado", "fr": "retiré", "el": "αποσύρθηκε", "it": "ritirato", "pl": "wycofano"},
		Comment: text{"en": "When an identifier was retired.", "de": "Wann eine Kennung stillgelegt wurde."}})
	PROVStartedAtTime = def(&Term{NS: PROV, Local: "startedAtTime", Kind: DatatypeProperty, Range: XSDDateTime,
		Label:   text{"en": "started at", "de": "begonnen am"},
		Comment: text{"en": "When an activity started (PROV).", "de": "Wann eine Aktivität begann (PROV)."}})

	TimeHasBeginning = def(&Term{NS: Time, Local: "hasBeginning", Kind: ObjectProperty,
		Label:   text{"en": "has beginning", "de": "hat Anfang"},
		Comment: text{"en": "The instant an interval begins (W3C Time).", "de": "Der Zeitpunkt, an dem ein Intervall beginnt (W3C Time)."}})
	TimeHasEnd = def(&Term{NS: Time, Local: "hasEnd", Kind: ObjectProperty,
		Label:   text{"en": "has end", "de": "hat Ende"},
		Comment: text{"en": "The instant an interval ends (W3C Time).", "de": "Der Zeitpunkt, an dem ein Intervall endet (W3C Time)."}})
)

// WGS84 and GeoSPARQL.
var (
	GeoSpatialThing = def(&Term{NS: Geo, Local: "SpatialThing", Kind: Class,
		Label:   text{"en": "spatial thing", "de": "räumliches Ding"},
		Comment: text{"en": "Anything with a spatial extent or position.", "de": "Alles, was eine räumliche Ausdehnung oder Lage hat."}})
	GeoLat = def(&Term{NS: Geo, Local: "lat", Kind: DatatypeProperty, Range: XSDDouble,
		Label:   text{"en": "latitude", "de": "geografische Breite", "es": "latitud", "fr": "latitude", "el": "γεωγραφικό πλάτος", "it": "latitudine", "pl": "szerokość geograficzna"},
		Comment: text{"en": "WGS84 latitude in decimal degrees.", "de": "Geografische Breite nach WGS84 in Dezimalgrad."}})
	GeoLong = def(&Term{NS: Geo, Local: "long", Kind: DatatypeProperty, Range: XSDDouble,
		Label:   text{"en": "longitude", "de": "geografische Länge", "es": "longitud", "fr": "longitude", "el": "γεωγραφικό μήκος", "it": "longitudine", "pl": "długość geograficzna"},
		Comment: text{"en": "WGS84 longitude in decimal degrees.", "de": "Geografische Länge nach WGS84 in Dezimalgrad."}})
	GSPFeature = def(&Term{NS: GSP, Local: "Feature", Kind: Class,
		Label:   text{"en": "feature", "de": "Geoobjekt"},
		Comment: text{"en": "A thing with a geometry (GeoSPARQL).", "de": "Ein Ding mit einer Geometrie (GeoSPARQL)."}})
	GSPGeometry = def(&Term{NS: GSP, Local: "Geometry", Kind: Class,
		Label:   text{"en": "geometry", "de": "Geometrie"},
		Comment: text{"en": "A point or shape (GeoSPARQL).", "de": "Ein Punkt oder eine Form (GeoSPARQL)."}})
	GSPWKTLiteral = def(&Term{NS: GSP, Local: "wktLiteral", Kind: Datatype,
		Label:   text{"en": "WKT literal", "de": "WKT-Literal"},
		Comment: text{"en": "A geometry in Well-Known Text, longitude first (POINT(13.4 52.5)).", "de": "Eine Geometrie in Well-Known Text, Länge zuerst (POINT(13.4 52.5))."}})
	GSPHasBoundingBox = def(&Term{NS: GSP, Local: "hasBoundingBox", Kind: ObjectProperty, Range: GSPGeometry,
		Label:   text{"en": "has bounding box", "de": "hat Begrenzungsrahmen"},
		Comment: text{"en": "The minimum bounding box of a feature, as a geometry (GeoSPARQL 1.1).", "de": "Der kleinste umschließende Rahmen eines Geoobjekts als Geometrie (GeoSPARQL 1.1)."}})
	GSPHasGeometry = def(&Term{NS: GSP, Local: "hasGeometry", Kind: ObjectProperty, Range: GSPGeometry,
		Label:   text{"en": "geometry", "de": "Geometrie"},
		Comment: text{"en": "The point of a municipality, as a GeoSPARQL geometry.", "de": "Der Punkt einer Kommune als GeoSPARQL-Geometrie."}})
	GSPAsWKT = def(&Term{NS: GSP, Local: "asWKT", Kind: DatatypeProperty, Range: GSPWKTLiteral,
		Label:   text{"en": "as WKT", "de": "als WKT"},
		Comment: text{"en": "The geometry in Well-Known Text.", "de": "Die Geometrie in Well-Known Text."}})
)

// DCAT, for the catalogue and the dumps.
var (
	DCATCatalog = def(&Term{NS: DCAT, Local: "Catalog", Kind: Class,
		Label:   text{"en": "catalogue", "de": "Katalog"},
		Comment: text{"en": "A curated collection of datasets.", "de": "Eine gepflegte Sammlung von Datensätzen."}})
	DCATDataset = def(&Term{NS: DCAT, Local: "Dataset", Kind: Class,
		Label:   text{"en": "dataset", "de": "Datensatz"},
		Comment: text{"en": "A collection of data published as a whole.", "de": "Eine als Ganzes veröffentlichte Sammlung von Daten."}})
	DCATDistribution = def(&Term{NS: DCAT, Local: "Distribution", Kind: Class,
		Label:   text{"en": "distribution", "de": "Distribution"},
		Comment: text{"en": "One downloadable form of a dataset, such as a CSV file or an RDF dump.", "de": "Eine herunterladbare Form eines Datensatzes, etwa eine CSV-Datei oder ein RDF-Abzug."}})
	DCATDataService = def(&Term{NS: DCAT, Local: "DataService", Kind: Class,
		Label:   text{"en": "data service", "de": "Datendienst"},
		Comment: text{"en": "An API that gives access to data.", "de": "Eine Programmierschnittstelle, die Zugang zu Daten gibt."}})
	DCATDatasetProp = def(&Term{NS: DCAT, Local: "dataset", Kind: ObjectProperty, Range: DCATDataset,
		Label:   text{"en": "dataset", "de": "Datensatz"},
		Comment: text{"en": "A dataset of the catalogue.", "de": "Ein Datensatz des Katalogs."}})
	DCATDistributionProp = def(&Term{NS: DCAT, Local: "distribution", Kind: ObjectProperty, Range: DCATDistribution,
		Label:   text{"en": "distribution", "de": "Distribution"},
		Comment: text{"en": "A downloadable form of the dataset.", "de": "Eine herunterladbare Form des Datensatzes."}})
	DCATAccessURL = def(&Term{NS: DCAT, Local: "accessURL", Kind: ObjectProperty,
		Label:   text{"en": "access URL", "de": "Zugangs-URL"},
		Comment: text{"en": "Where the distribution can be accessed.", "de": "Wo die Distribution zugänglich ist."}})
	DCATDownloadURL = def(&Term{NS: DCAT, Local: "downloadURL", Kind: ObjectProperty,
		Label:   text{"en": "download URL", "de": "Download-URL"},
		Comment: text{"en": "The file of the distribution.", "de": "Die Datei der Distribution."}})
	DCATMediaType = def(&Term{NS: DCAT, Local: "mediaType", Kind: ObjectProperty,
		Label:   text{"en": "media type", "de": "Medientyp"},
		Comment: text{"en": "The IANA media type of the distribution.", "de": "Der IANA-Medientyp der Distribution."}})
	DCATLandingPage = def(&Term{NS: DCAT, Local: "landingPage", Kind: ObjectProperty,
		Label:   text{"en": "landing page", "de": "Startseite"},
		Comment: text{"en": "A web page about the dataset.", "de": "Eine Webseite über den Datensatz."}})
	DCATTheme = def(&Term{NS: DCAT, Local: "theme", Kind: ObjectProperty, Range: SKOSConcept,
		Label:   text{"en": "theme", "de": "Thema"},
		Comment: text{"en": "A theme of the dataset.", "de": "Ein Thema des Datensatzes."}})
	DCATThemeTaxonomy = def(&Term{NS: DCAT, Local: "themeTaxonomy", Kind: ObjectProperty, Range: SKOSConceptScheme,
		Label:   text{"en": "theme taxonomy", "de": "Themen-Taxonomie"},
		Comment: text{"en": "A concept scheme used to classify the catalogue's datasets.", "de": "Ein Begriffsschema zur Einordnung der Datensätze des Katalogs."}})
)

// WikibaseItem is the class of Wikidata items.
var WikibaseItem = def(&Term{NS: Wikibase, Local: "Item", Kind: Class,
	Label:   text{"en": "Wikidata item", "de": "Wikidata-Objekt"},
	Comment: text{"en": "An item of Wikidata (http://www.wikidata.org/entity/Q…).", "de": "Ein Objekt von Wikidata (http://www.wikidata.org/entity/Q…)."}})

// Wikidata properties our identifiers correspond to (skos:closeMatch
// targets; their values in Wikidata are the same codes).
var (
	WDTGeoNamesID = def(&Term{NS: WDT, Local: "P1566", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "GeoNames ID (Wikidata)", "de": "GeoNames-ID (Wikidata)"},
		Comment: text{"en": "Wikidata's property for the GeoNames identifier.", "de": "Die Wikidata-Eigenschaft für die GeoNames-Kennung."}})
	WDTLAU = def(&Term{NS: WDT, Local: "P782", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "LAU code (Wikidata)", "de": "LAU-Code (Wikidata)"},
		Comment: text{"en": "Wikidata's property for the Eurostat Local Administrative Unit code.", "de": "Die Wikidata-Eigenschaft für den LAU-Code von Eurostat."}})
	WDTNUTS = def(&Term{NS: WDT, Local: "P605", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "NUTS code (Wikidata)", "de": "NUTS-Code (Wikidata)"},
		Comment: text{"en": "Wikidata's property for the NUTS region code.", "de": "Die Wikidata-Eigenschaft für den NUTS-Regionalcode."}})
	WDTPopulation = def(&Term{NS: WDT, Local: "P1082", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "population (Wikidata)", "de": "Einwohnerzahl (Wikidata)"},
		Comment: text{"en": "Wikidata's property for the population of a place.", "de": "Die Wikidata-Eigenschaft für die Einwohnerzahl eines Orts."}})
	WDTOSMRelation = def(&Term{NS: WDT, Local: "P402", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "OpenStreetMap relation ID (Wikidata)", "de": "OpenStreetMap-Relations-ID (Wikidata)"},
		Comment: text{"en": "Wikidata's property for the OpenStreetMap relation of a place.", "de": "Die Wikidata-Eigenschaft für die OpenStreetMap-Relation eines Orts."}})
)

// Hydra, for the pages of the API's collections.
var (
	HydraMember = def(&Term{NS: Hydra, Local: "member", Kind: ObjectProperty,
		Label:   text{"en": "item", "de": "Eintrag"},
		Comment: text{"en": "A record on a page of a collection.", "de": "Ein Datensatz auf einer Seite einer Sammlung."}})
	HydraTotalItems = def(&Term{NS: Hydra, Local: "totalItems", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "total", "de": "Gesamtzahl"},
		Comment: text{"en": "The number of records that match the request, over all pages.", "de": "Die Zahl der Datensätze, die der Anfrage entsprechen, über alle Seiten."}})
	HydraLimit = def(&Term{NS: Hydra, Local: "limit", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "page size", "de": "Seitengröße"},
		Comment: text{"en": "The largest number of records a page holds.", "de": "Die größte Zahl von Datensätzen auf einer Seite."}})
	HydraNext = def(&Term{NS: Hydra, Local: "next", Kind: ObjectProperty,
		Label:   text{"en": "next page", "de": "nächste Seite"},
		Comment: text{"en": "The next page of the collection.", "de": "Die nächste Seite der Sammlung."}})
	HydraPrevious = def(&Term{NS: Hydra, Local: "previous", Kind: ObjectProperty,
		Label:   text{"en": "previous page", "de": "vorige Seite"},
		Comment: text{"en": "The previous page of the collection.", "de": "Die vorige Seite der Sammlung."}})
)

// ADMS, the European Commission's schema for the status of assets.
var ADMSStatus = def(&Term{NS: ADMS, Local: "status", Kind: ObjectProperty, Range: SKOSConcept,
	Label:   text{"en": "status (ADMS)", "de": "Status (ADMS)"},
	Comment: text{"en": "The status of an asset in a workflow, as a concept of a code list (ADMS).", "de": "Der Status eines Objekts in einem Arbeitsablauf als Begriff einer Codeliste (ADMS)."}})

// VoID, for the dataset that documents belong to.
var (
	VoIDDataset = def(&Term{NS: VoID, Local: "Dataset", Kind: Class,
		Label:   text{"en": "dataset (VoID)", "de": "Datensatz (VoID)"},
		Comment: text{"en": "A set of RDF triples published by one provider (VoID).", "de": "Eine Menge von RDF-Tripeln eines Anbieters (VoID)."}})
	VoIDInDataset = def(&Term{NS: VoID, Local: "inDataset", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "in dataset", "de": "im Datensatz"},
		Comment: text{"en": "The dataset a document belongs to.", "de": "Der Datensatz, zu dem ein Dokument gehört."}})
)
