package vocab

// The terms of the data catalogue (issue 8): the DCAT-AP 3 description of
// the dataset, its releases and the API (DCAT, DCAT-AP, DCTERMS, SPDX,
// vCard, ADMS), the VoID description of the graph, and the schema.org
// Dataset that search engines read. As with every reused term, the labels
// and comments are our reading of the term in our usage.

// RDF Schema and XML Schema datatypes the catalogue needs.
var (
	RDFSResource = def(&Term{NS: RDFS, Local: "Resource", Kind: Class,
		Label:   text{"en": "resource", "de": "Ressource"},
		Comment: text{"en": "Anything identified by an IRI; the catalogue types the API's endpoint URL and description with it, as DCAT-AP asks.", "de": "Alles, was durch eine IRI bezeichnet wird; der Katalog typisiert damit die Endpunkt-URL und die Beschreibung der API, wie DCAT-AP es verlangt."}})

	XSDHexBinary = def(&Term{NS: XSD, Local: "hexBinary", Kind: Datatype,
		Label:   text{"en": "hexadecimal binary", "de": "hexadezimale Binärdaten"},
		Comment: text{"en": "Bytes written as hexadecimal digits, such as a SHA-256 checksum in lower case.", "de": "Bytes als Hexadezimalziffern geschrieben, etwa eine SHA-256-Prüfsumme in Kleinbuchstaben."}})
	XSDNonNegativeInteger = def(&Term{NS: XSD, Local: "nonNegativeInteger", Kind: Datatype,
		Label:   text{"en": "non-negative integer", "de": "nichtnegative Ganzzahl"},
		Comment: text{"en": "A whole number that is zero or more, such as the size of a file in bytes.", "de": "Eine ganze Zahl größer oder gleich null, etwa die Größe einer Datei in Bytes."}})
	XSDGYearMonth = def(&Term{NS: XSD, Local: "gYearMonth", Kind: Datatype,
		Label:   text{"en": "year and month", "de": "Jahr und Monat"},
		Comment: text{"en": "A month of a year (YYYY-MM).", "de": "Ein Monat eines Jahres (JJJJ-MM)."}})
)

// DCTERMS properties and classes of the catalogue.
var (
	DCTermsLanguage = def(&Term{NS: DCTerms, Local: "language", Kind: ObjectProperty, Range: DCTermsLinguisticSystem,
		Label:   text{"en": "language", "de": "Sprache"},
		Comment: text{"en": "A language of the texts of the dataset or the catalogue, as a concept of the EU language table.", "de": "Eine Sprache der Texte des Datensatzes oder des Katalogs, als Begriff der EU-Sprachtabelle."}})
	DCTermsSpatial = def(&Term{NS: DCTerms, Local: "spatial", Kind: ObjectProperty, Range: DCTermsLocation,
		Label:   text{"en": "spatial coverage", "de": "räumliche Abdeckung"},
		Comment: text{"en": "A country the dataset covers, as a concept of the EU country table.", "de": "Ein Staat, den der Datensatz abdeckt, als Begriff der EU-Ländertabelle."}})
	DCTermsTemporal = def(&Term{NS: DCTerms, Local: "temporal", Kind: ObjectProperty, Range: DCTermsPeriodOfTime,
		Label:   text{"en": "temporal coverage", "de": "zeitliche Abdeckung"},
		Comment: text{"en": "The period the dated facts of the dataset span.", "de": "Der Zeitraum, den die datierten Angaben des Datensatzes umfassen."}})
	DCTermsAccessRights = def(&Term{NS: DCTerms, Local: "accessRights", Kind: ObjectProperty, Range: DCTermsRightsStatement,
		Label:   text{"en": "access rights", "de": "Zugangsrechte"},
		Comment: text{"en": "Who may access the dataset or the API, as a concept of the EU access-right table (public).", "de": "Wer auf den Datensatz oder die API zugreifen darf, als Begriff der EU-Tabelle der Zugangsrechte (öffentlich)."}})
	DCTermsConformsTo = def(&Term{NS: DCTerms, Local: "conformsTo", Kind: ObjectProperty, Range: DCTermsStandard,
		Label:   text{"en": "conforms to", "de": "entspricht"},
		Comment: text{"en": "A standard or vocabulary the data follows, such as the Moving Cities vocabulary.", "de": "Ein Standard oder Vokabular, dem die Daten folgen, etwa das Moving-Cities-Vokabular."}})
	DCTermsFormat = def(&Term{NS: DCTerms, Local: "format", Kind: ObjectProperty, Range: DCTermsMediaTypeOrExtent,
		Label:   text{"en": "format", "de": "Format"},
		Comment: text{"en": "The file format of a distribution, as a concept of the EU file-type table.", "de": "Das Dateiformat einer Distribution, als Begriff der EU-Dateitypentabelle."}})
	DCTermsAccrualPeriodicity = def(&Term{NS: DCTerms, Local: "accrualPeriodicity", Kind: ObjectProperty, Range: DCTermsFrequency,
		Label:   text{"en": "update frequency", "de": "Aktualisierungshäufigkeit"},
		Comment: text{"en": "How often the dataset is updated, as a concept of the EU frequency table.", "de": "Wie oft der Datensatz aktualisiert wird, als Begriff der EU-Tabelle der Häufigkeiten."}})

	DCTermsLicenseDocument = def(&Term{NS: DCTerms, Local: "LicenseDocument", Kind: Class,
		Label:   text{"en": "licence document", "de": "Lizenzdokument"},
		Comment: text{"en": "A licence under which the data may be used.", "de": "Eine Lizenz, unter der die Daten verwendet werden dürfen."}})
	DCTermsMediaType = def(&Term{NS: DCTerms, Local: "MediaType", Kind: Class,
		Label:   text{"en": "media type", "de": "Medientyp"},
		Comment: text{"en": "An IANA media type, such as text/csv.", "de": "Ein IANA-Medientyp, etwa text/csv."}})
	DCTermsMediaTypeOrExtent = def(&Term{NS: DCTerms, Local: "MediaTypeOrExtent", Kind: Class,
		Label:   text{"en": "media type or extent", "de": "Medientyp oder Umfang"},
		Comment: text{"en": "A file format; the catalogue's formats are concepts of the EU file-type table.", "de": "Ein Dateiformat; die Formate des Katalogs sind Begriffe der EU-Dateitypentabelle."}})
	DCTermsLinguisticSystem = def(&Term{NS: DCTerms, Local: "LinguisticSystem", Kind: Class,
		Label:   text{"en": "language", "de": "Sprache"},
		Comment: text{"en": "A language, as a concept of the EU language table.", "de": "Eine Sprache, als Begriff der EU-Sprachtabelle."}})
	DCTermsLocation = def(&Term{NS: DCTerms, Local: "Location", Kind: Class,
		Label:   text{"en": "location", "de": "Ort"},
		Comment: text{"en": "A place the dataset covers: a country of the EU country table.", "de": "Ein Ort, den der Datensatz abdeckt: ein Staat der EU-Ländertabelle."}})
	DCTermsPeriodOfTime = def(&Term{NS: DCTerms, Local: "PeriodOfTime", Kind: Class,
		Label:   text{"en": "period of time", "de": "Zeitraum"},
		Comment: text{"en": "An interval of time with a start and an end date.", "de": "Ein Zeitintervall mit Anfangs- und Enddatum."}})
	DCTermsRightsStatement = def(&Term{NS: DCTerms, Local: "RightsStatement", Kind: Class,
		Label:   text{"en": "rights statement", "de": "Rechteerklärung"},
		Comment: text{"en": "A statement about the rights held over a resource, such as public access.", "de": "Eine Erklärung über die Rechte an einer Ressource, etwa öffentlicher Zugang."}})
	DCTermsStandard = def(&Term{NS: DCTerms, Local: "Standard", Kind: Class,
		Label:   text{"en": "standard", "de": "Standard"},
		Comment: text{"en": "A standard or vocabulary that data conforms to.", "de": "Ein Standard oder Vokabular, dem Daten entsprechen."}})
	DCTermsFrequency = def(&Term{NS: DCTerms, Local: "Frequency", Kind: Class,
		Label:   text{"en": "frequency", "de": "Häufigkeit"},
		Comment: text{"en": "A rate at which something recurs, as a concept of the EU frequency table.", "de": "Eine Rate, mit der sich etwas wiederholt, als Begriff der EU-Tabelle der Häufigkeiten."}})
)

// DCAT properties of the catalogue, the dataset, its distributions and
// versions, and the API.
var (
	DCATKeyword = def(&Term{NS: DCAT, Local: "keyword", Kind: DatatypeProperty, Range: RDFLangString,
		Label:   text{"en": "keyword", "de": "Schlagwort"},
		Comment: text{"en": "A keyword describing the dataset or the API, in a language.", "de": "Ein Schlagwort, das den Datensatz oder die API beschreibt, in einer Sprache."}})
	DCATContactPoint = def(&Term{NS: DCAT, Local: "contactPoint", Kind: ObjectProperty, Range: VCardKind,
		Label:   text{"en": "contact point", "de": "Kontaktstelle"},
		Comment: text{"en": "Whom to contact about the dataset or the API.", "de": "Wen man zum Datensatz oder zur API kontaktieren kann."}})
	DCATEndpointURL = def(&Term{NS: DCAT, Local: "endpointURL", Kind: ObjectProperty, Range: RDFSResource,
		Label:   text{"en": "endpoint URL", "de": "Endpunkt-URL"},
		Comment: text{"en": "The root URL of the API.", "de": "Die Wurzel-URL der API."}})
	DCATEndpointDescription = def(&Term{NS: DCAT, Local: "endpointDescription", Kind: ObjectProperty, Range: RDFSResource,
		Label:   text{"en": "endpoint description", "de": "Endpunktbeschreibung"},
		Comment: text{"en": "The machine-readable description of the API: its OpenAPI document.", "de": "Die maschinenlesbare Beschreibung der API: ihr OpenAPI-Dokument."}})
	DCATServesDataset = def(&Term{NS: DCAT, Local: "servesDataset", Kind: ObjectProperty, Range: DCATDataset,
		Label:   text{"en": "serves dataset", "de": "stellt Datensatz bereit"},
		Comment: text{"en": "The dataset the API gives access to.", "de": "Der Datensatz, zu dem die API Zugang gibt."}})
	DCATService = def(&Term{NS: DCAT, Local: "service", Kind: ObjectProperty, Range: DCATDataService,
		Label:   text{"en": "service", "de": "Dienst"},
		Comment: text{"en": "A data service listed in the catalogue.", "de": "Ein im Katalog aufgeführter Datendienst."}})
	DCATByteSize = def(&Term{NS: DCAT, Local: "byteSize", Kind: DatatypeProperty, Range: XSDNonNegativeInteger,
		Label:   text{"en": "size in bytes", "de": "Größe in Bytes"},
		Comment: text{"en": "The size of a distribution's file in bytes.", "de": "Die Größe der Datei einer Distribution in Bytes."}})
	DCATCompressFormat = def(&Term{NS: DCAT, Local: "compressFormat", Kind: ObjectProperty, Range: DCTermsMediaType,
		Label:   text{"en": "compression format", "de": "Kompressionsformat"},
		Comment: text{"en": "The media type of the compression of a file (application/gzip); dcat:mediaType then gives the type of the content.", "de": "Der Medientyp der Kompression einer Datei (application/gzip); dcat:mediaType gibt dann den Typ des Inhalts an."}})
	DCATPackageFormat = def(&Term{NS: DCAT, Local: "packageFormat", Kind: ObjectProperty, Range: DCTermsMediaType,
		Label:   text{"en": "package format", "de": "Paketformat"},
		Comment: text{"en": "The media type of a package that groups several files into one download (application/zip): a release's one-file archive.", "de": "Der Medientyp eines Pakets, das mehrere Dateien zu einem Download bündelt (application/zip): das Ein-Datei-Archiv einer Veröffentlichung."}})
	DCATVersion = def(&Term{NS: DCAT, Local: "version", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "version", "de": "Version"},
		Comment: text{"en": "The version of the dataset: the name of a dump release (2026-11-27-r42).", "de": "Die Version des Datensatzes: der Name einer Abzugsveröffentlichung (2026-11-27-r42)."}})
	DCATHasVersion = def(&Term{NS: DCAT, Local: "hasVersion", Kind: ObjectProperty, Range: DCATDataset,
		Label:   text{"en": "has version", "de": "hat Version"},
		Comment: text{"en": "A release of the dataset, as a dataset of its own.", "de": "Eine Veröffentlichung des Datensatzes als eigener Datensatz."}})
	DCATIsVersionOf = def(&Term{NS: DCAT, Local: "isVersionOf", Kind: ObjectProperty, Range: DCATDataset,
		Label:   text{"en": "is version of", "de": "ist Version von"},
		Comment: text{"en": "The dataset a release is a version of.", "de": "Der Datensatz, dessen Version eine Veröffentlichung ist."}})
	DCATPreviousVersion = def(&Term{NS: DCAT, Local: "previousVersion", Kind: ObjectProperty, Range: DCATDataset,
		Label:   text{"en": "previous version", "de": "vorige Version"},
		Comment: text{"en": "The release before this one.", "de": "Die Veröffentlichung vor dieser."}})
	DCATStartDate = def(&Term{NS: DCAT, Local: "startDate", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "start date", "de": "Anfangsdatum"},
		Comment: text{"en": "The start of a period of time, as precise as the data: a year, a month or a day.", "de": "Der Beginn eines Zeitraums, so genau wie die Daten: ein Jahr, ein Monat oder ein Tag."}})
	DCATEndDate = def(&Term{NS: DCAT, Local: "endDate", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "end date", "de": "Enddatum"},
		Comment: text{"en": "The end of a period of time, as precise as the data: a year, a month or a day.", "de": "Das Ende eines Zeitraums, so genau wie die Daten: ein Jahr, ein Monat oder ein Tag."}})
	DCATBBox = def(&Term{NS: DCAT, Local: "bbox", Kind: DatatypeProperty, Range: GSPWKTLiteral,
		Label:   text{"en": "bounding box", "de": "Begrenzungsrahmen"},
		Comment: text{"en": "The rectangle that bounds a place, as a WKT polygon.", "de": "Das Rechteck, das einen Ort umschließt, als WKT-Polygon."}})
)

// DCAT-AP, the European application profile of DCAT.
var DCATAPAvailability = def(&Term{NS: DCATAP, Local: "availability", Kind: ObjectProperty, Range: SKOSConcept,
	Label:   text{"en": "availability", "de": "Verfügbarkeit"},
	Comment: text{"en": "How long a distribution is planned to stay available, as a concept of the EU planned-availability table.", "de": "Wie lange eine Distribution verfügbar bleiben soll, als Begriff der EU-Tabelle der geplanten Verfügbarkeit."}})

// SPDX, for the checksums of the files.
var (
	SPDXChecksum = def(&Term{NS: SPDX, Local: "Checksum", Kind: Class,
		Label:   text{"en": "checksum", "de": "Prüfsumme"},
		Comment: text{"en": "A digest of a file with the algorithm that made it.", "de": "Ein Hashwert einer Datei mit dem Algorithmus, der ihn erzeugt hat."}})
	SPDXChecksumAlgorithm = def(&Term{NS: SPDX, Local: "ChecksumAlgorithm", Kind: Class,
		Label:   text{"en": "checksum algorithm", "de": "Prüfsummenalgorithmus"},
		Comment: text{"en": "An algorithm that computes checksums, such as SHA-256.", "de": "Ein Algorithmus, der Prüfsummen berechnet, etwa SHA-256."}})
	SPDXChecksumProp = def(&Term{NS: SPDX, Local: "checksum", Kind: ObjectProperty, Range: SPDXChecksum,
		Label:   text{"en": "checksum", "de": "Prüfsumme"},
		Comment: text{"en": "The checksum of a distribution's file.", "de": "Die Prüfsumme der Datei einer Distribution."}})
	SPDXAlgorithm = def(&Term{NS: SPDX, Local: "algorithm", Kind: ObjectProperty, Range: SPDXChecksumAlgorithm,
		Label:   text{"en": "algorithm", "de": "Algorithmus"},
		Comment: text{"en": "The algorithm of a checksum: SHA-256 for our files.", "de": "Der Algorithmus einer Prüfsumme: SHA-256 für unsere Dateien."}})
	SPDXChecksumValue = def(&Term{NS: SPDX, Local: "checksumValue", Kind: DatatypeProperty, Range: XSDHexBinary,
		Label:   text{"en": "checksum value", "de": "Prüfsummenwert"},
		Comment: text{"en": "The digest, in lower-case hexadecimal digits.", "de": "Der Hashwert in hexadezimalen Kleinbuchstaben."}})
)

// vCard, for the contact point.
var (
	VCardKind = def(&Term{NS: VCard, Local: "Kind", Kind: Class,
		Label:   text{"en": "contact", "de": "Kontakt"},
		Comment: text{"en": "A contact point: a person, group or organisation to write to.", "de": "Eine Kontaktstelle: eine Person, Gruppe oder Organisation, an die man schreiben kann."}})
	VCardOrganization = def(&Term{NS: VCard, Local: "Organization", Kind: Class,
		Label:   text{"en": "organisation (vCard)", "de": "Organisation (vCard)"},
		Comment: text{"en": "A contact point that is an organisation.", "de": "Eine Kontaktstelle, die eine Organisation ist."}})
	VCardFN = def(&Term{NS: VCard, Local: "fn", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "formatted name", "de": "formatierter Name"},
		Comment: text{"en": "The name of a contact point.", "de": "Der Name einer Kontaktstelle."}})
	VCardHasEmail = def(&Term{NS: VCard, Local: "hasEmail", Kind: ObjectProperty,
		Label:   text{"en": "email", "de": "E-Mail"},
		Comment: text{"en": "The email address of a contact point, as a mailto: IRI.", "de": "Die E-Mail-Adresse einer Kontaktstelle als mailto:-IRI."}})
	VCardHasURL = def(&Term{NS: VCard, Local: "hasURL", Kind: ObjectProperty,
		Label:   text{"en": "contact page", "de": "Kontaktseite"},
		Comment: text{"en": "A web page through which a contact point can be reached.", "de": "Eine Webseite, über die eine Kontaktstelle erreichbar ist."}})
)

// ADMS and FOAF.
var (
	ADMSVersionNotes = def(&Term{NS: ADMS, Local: "versionNotes", Kind: DatatypeProperty, Range: RDFLangString,
		Label:   text{"en": "version notes", "de": "Versionshinweise"},
		Comment: text{"en": "What a release holds and how it differs from the one before.", "de": "Was eine Veröffentlichung enthält und worin sie sich von der vorigen unterscheidet."}})
	FOAFAgent = def(&Term{NS: FOAF, Local: "Agent", Kind: Class,
		Label:   text{"en": "agent", "de": "Akteur"},
		Comment: text{"en": "A person or organisation that acts, such as the publisher.", "de": "Eine handelnde Person oder Organisation, etwa der Herausgeber."}})
)

// VoID, the description of the graph: its size, its partitions by class
// and property, and its links to Wikidata.
var (
	VoIDLinkset = def(&Term{NS: VoID, Local: "Linkset", Kind: Class,
		Label:   text{"en": "linkset", "de": "Linkmenge"},
		Comment: text{"en": "The triples of the dataset that link its entities to another dataset, such as Wikidata, with one link predicate.", "de": "Die Tripel des Datensatzes, die seine Entitäten mit einem anderen Datensatz wie Wikidata verknüpfen, mit einem Verknüpfungsprädikat."}})
	VoIDTriples = def(&Term{NS: VoID, Local: "triples", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "triples", "de": "Tripel"},
		Comment: text{"en": "The number of triples of a dataset or partition, as in the N-Triples dump.", "de": "Die Zahl der Tripel eines Datensatzes oder einer Teilmenge, wie im N-Triples-Abzug."}})
	VoIDEntities = def(&Term{NS: VoID, Local: "entities", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "entities", "de": "Entitäten"},
		Comment: text{"en": "The number of distinct entities described: subjects in the dataset's URI space, or instances of a class in a class partition.", "de": "Die Zahl der beschriebenen Entitäten: Subjekte im URI-Raum des Datensatzes oder Instanzen einer Klasse in einer Klassenteilmenge."}})
	VoIDClasses = def(&Term{NS: VoID, Local: "classes", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "classes", "de": "Klassen"},
		Comment: text{"en": "The number of distinct classes things are typed with.", "de": "Die Zahl der verschiedenen Klassen, mit denen Dinge typisiert sind."}})
	VoIDProperties = def(&Term{NS: VoID, Local: "properties", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "properties", "de": "Eigenschaften"},
		Comment: text{"en": "The number of distinct predicates.", "de": "Die Zahl der verschiedenen Prädikate."}})
	VoIDDistinctSubjects = def(&Term{NS: VoID, Local: "distinctSubjects", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "distinct subjects", "de": "verschiedene Subjekte"},
		Comment: text{"en": "The number of distinct subjects, blank nodes included.", "de": "Die Zahl der verschiedenen Subjekte, leere Knoten eingeschlossen."}})
	VoIDDistinctObjects = def(&Term{NS: VoID, Local: "distinctObjects", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "distinct objects", "de": "verschiedene Objekte"},
		Comment: text{"en": "The number of distinct objects: IRIs, blank nodes and literals.", "de": "Die Zahl der verschiedenen Objekte: IRIs, leere Knoten und Literale."}})
	VoIDClassPartition = def(&Term{NS: VoID, Local: "classPartition", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "class partition", "de": "Klassenteilmenge"},
		Comment: text{"en": "The part of the dataset that describes the instances of one class.", "de": "Der Teil des Datensatzes, der die Instanzen einer Klasse beschreibt."}})
	VoIDPropertyPartition = def(&Term{NS: VoID, Local: "propertyPartition", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "property partition", "de": "Eigenschaftsteilmenge"},
		Comment: text{"en": "The triples of the dataset with one predicate.", "de": "Die Tripel des Datensatzes mit einem Prädikat."}})
	VoIDClass = def(&Term{NS: VoID, Local: "class", Kind: ObjectProperty,
		Label:   text{"en": "class", "de": "Klasse"},
		Comment: text{"en": "The class of a class partition.", "de": "Die Klasse einer Klassenteilmenge."}})
	VoIDProperty = def(&Term{NS: VoID, Local: "property", Kind: ObjectProperty,
		Label:   text{"en": "property", "de": "Eigenschaft"},
		Comment: text{"en": "The predicate of a property partition.", "de": "Das Prädikat einer Eigenschaftsteilmenge."}})
	VoIDLinkPredicate = def(&Term{NS: VoID, Local: "linkPredicate", Kind: ObjectProperty,
		Label:   text{"en": "link predicate", "de": "Verknüpfungsprädikat"},
		Comment: text{"en": "The predicate of a linkset's links, such as owl:sameAs.", "de": "Das Prädikat der Verknüpfungen einer Linkmenge, etwa owl:sameAs."}})
	VoIDSubjectsTarget = def(&Term{NS: VoID, Local: "subjectsTarget", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "subjects target", "de": "Subjektziel"},
		Comment: text{"en": "The dataset the subjects of a linkset's links belong to: ours.", "de": "Der Datensatz, zu dem die Subjekte der Verknüpfungen einer Linkmenge gehören: unserer."}})
	VoIDObjectsTarget = def(&Term{NS: VoID, Local: "objectsTarget", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "objects target", "de": "Objektziel"},
		Comment: text{"en": "The dataset the objects of a linkset's links belong to, such as Wikidata.", "de": "Der Datensatz, zu dem die Objekte der Verknüpfungen einer Linkmenge gehören, etwa Wikidata."}})
	VoIDSubset = def(&Term{NS: VoID, Local: "subset", Kind: ObjectProperty, Range: VoIDDataset,
		Label:   text{"en": "subset", "de": "Teilmenge"},
		Comment: text{"en": "A part of the dataset, such as a linkset.", "de": "Ein Teil des Datensatzes, etwa eine Linkmenge."}})
	VoIDDataDump = def(&Term{NS: VoID, Local: "dataDump", Kind: ObjectProperty,
		Label:   text{"en": "data dump", "de": "Datenabzug"},
		Comment: text{"en": "A file that holds the whole graph.", "de": "Eine Datei, die den ganzen Graphen enthält."}})
	VoIDExampleResource = def(&Term{NS: VoID, Local: "exampleResource", Kind: ObjectProperty,
		Label:   text{"en": "example resource", "de": "Beispielressource"},
		Comment: text{"en": "An entity that shows what the dataset holds.", "de": "Eine Entität, die zeigt, was der Datensatz enthält."}})
	VoIDVocabulary = def(&Term{NS: VoID, Local: "vocabulary", Kind: ObjectProperty,
		Label:   text{"en": "vocabulary", "de": "Vokabular"},
		Comment: text{"en": "A vocabulary whose terms the dataset uses.", "de": "Ein Vokabular, dessen Begriffe der Datensatz verwendet."}})
	VoIDFeature = def(&Term{NS: VoID, Local: "feature", Kind: ObjectProperty,
		Label:   text{"en": "feature", "de": "Merkmal"},
		Comment: text{"en": "A technical feature of the dataset, such as an RDF format its dumps come in.", "de": "Ein technisches Merkmal des Datensatzes, etwa ein RDF-Format seiner Abzüge."}})
	VoIDURISpace = def(&Term{NS: VoID, Local: "uriSpace", Kind: DatatypeProperty, Range: XSDString,
		Label:   text{"en": "URI space", "de": "URI-Raum"},
		Comment: text{"en": "The IRI every entity of the dataset starts with.", "de": "Die IRI, mit der jede Entität des Datensatzes beginnt."}})
)

// schema.org, for the Dataset that search engines read on the landing
// page (https://developers.google.com/search/docs/appearance/structured-data/dataset).
var (
	SchemaDataset = def(&Term{NS: Schema, Local: "Dataset", Kind: Class,
		Label:   text{"en": "dataset (schema.org)", "de": "Datensatz (schema.org)"},
		Comment: text{"en": "A body of structured data, as search engines read it.", "de": "Eine Sammlung strukturierter Daten, wie Suchmaschinen sie lesen."}})
	SchemaDataDownload = def(&Term{NS: Schema, Local: "DataDownload", Kind: Class,
		Label:   text{"en": "data download", "de": "Datendownload"},
		Comment: text{"en": "A file of the dataset to download.", "de": "Eine herunterladbare Datei des Datensatzes."}})
	SchemaDataCatalog = def(&Term{NS: Schema, Local: "DataCatalog", Kind: Class,
		Label:   text{"en": "data catalogue", "de": "Datenkatalog"},
		Comment: text{"en": "A catalogue that lists the dataset.", "de": "Ein Katalog, der den Datensatz aufführt."}})
	SchemaPlace = def(&Term{NS: Schema, Local: "Place", Kind: Class,
		Label:   text{"en": "place", "de": "Ort"},
		Comment: text{"en": "A place the dataset covers.", "de": "Ein Ort, den der Datensatz abdeckt."}})
	SchemaName = def(&Term{NS: Schema, Local: "name", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "name (schema.org)", "de": "Name (schema.org)"},
		Comment: text{"en": "The name of a thing.", "de": "Der Name eines Dings."}})
	SchemaDescription = def(&Term{NS: Schema, Local: "description", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "description (schema.org)", "de": "Beschreibung (schema.org)"},
		Comment: text{"en": "A description of a thing.", "de": "Eine Beschreibung eines Dings."}})
	SchemaIdentifier = def(&Term{NS: Schema, Local: "identifier", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "identifier (schema.org)", "de": "Kennung (schema.org)"},
		Comment: text{"en": "An identifier of a thing, such as the dataset's IRI.", "de": "Eine Kennung eines Dings, etwa die IRI des Datensatzes."}})
	SchemaKeywords = def(&Term{NS: Schema, Local: "keywords", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "keywords", "de": "Schlagwörter"},
		Comment: text{"en": "Keywords describing the dataset.", "de": "Schlagwörter, die den Datensatz beschreiben."}})
	SchemaLicense = def(&Term{NS: Schema, Local: "license", Kind: ObjectProperty,
		Label:   text{"en": "licence (schema.org)", "de": "Lizenz (schema.org)"},
		Comment: text{"en": "The licence of the dataset.", "de": "Die Lizenz des Datensatzes."}})
	SchemaIsAccessibleForFree = def(&Term{NS: Schema, Local: "isAccessibleForFree", Kind: DatatypeProperty, Range: XSDBoolean,
		Label:   text{"en": "free of charge", "de": "kostenlos"},
		Comment: text{"en": "Whether the dataset can be used without payment.", "de": "Ob der Datensatz ohne Bezahlung genutzt werden kann."}})
	SchemaCreator = def(&Term{NS: Schema, Local: "creator", Kind: ObjectProperty,
		Label:   text{"en": "creator (schema.org)", "de": "Urheber (schema.org)"},
		Comment: text{"en": "The organisation that made the dataset.", "de": "Die Organisation, die den Datensatz erstellt hat."}})
	SchemaPublisher = def(&Term{NS: Schema, Local: "publisher", Kind: ObjectProperty,
		Label:   text{"en": "publisher (schema.org)", "de": "Herausgeber (schema.org)"},
		Comment: text{"en": "The organisation that publishes the dataset.", "de": "Die Organisation, die den Datensatz veröffentlicht."}})
	SchemaVersion = def(&Term{NS: Schema, Local: "version", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "version (schema.org)", "de": "Version (schema.org)"},
		Comment: text{"en": "The version of the dataset: the latest release's name.", "de": "Die Version des Datensatzes: der Name der neuesten Veröffentlichung."}})
	SchemaDatePublished = def(&Term{NS: Schema, Local: "datePublished", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "date published", "de": "Veröffentlichungsdatum"},
		Comment: text{"en": "When the dataset was first published.", "de": "Wann der Datensatz erstmals veröffentlicht wurde."}})
	SchemaDateModified = def(&Term{NS: Schema, Local: "dateModified", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "date modified", "de": "Änderungsdatum"},
		Comment: text{"en": "When the data last changed.", "de": "Wann sich die Daten zuletzt geändert haben."}})
	SchemaTemporalCoverage = def(&Term{NS: Schema, Local: "temporalCoverage", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "temporal coverage (schema.org)", "de": "zeitliche Abdeckung (schema.org)"},
		Comment: text{"en": "The period the data covers, as an ISO 8601 interval.", "de": "Der Zeitraum, den die Daten abdecken, als ISO-8601-Intervall."}})
	SchemaSpatialCoverage = def(&Term{NS: Schema, Local: "spatialCoverage", Kind: ObjectProperty, Range: SchemaPlace,
		Label:   text{"en": "spatial coverage (schema.org)", "de": "räumliche Abdeckung (schema.org)"},
		Comment: text{"en": "A place the data covers.", "de": "Ein Ort, den die Daten abdecken."}})
	SchemaDistribution = def(&Term{NS: Schema, Local: "distribution", Kind: ObjectProperty, Range: SchemaDataDownload,
		Label:   text{"en": "distribution (schema.org)", "de": "Distribution (schema.org)"},
		Comment: text{"en": "A file of the dataset to download.", "de": "Eine herunterladbare Datei des Datensatzes."}})
	SchemaEncodingFormat = def(&Term{NS: Schema, Local: "encodingFormat", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "encoding format", "de": "Kodierungsformat"},
		Comment: text{"en": "The media type of a download.", "de": "Der Medientyp eines Downloads."}})
	SchemaContentURL = def(&Term{NS: Schema, Local: "contentUrl", Kind: ObjectProperty,
		Label:   text{"en": "content URL", "de": "Inhalts-URL"},
		Comment: text{"en": "Where a download's file is.", "de": "Wo die Datei eines Downloads liegt."}})
	SchemaContentSize = def(&Term{NS: Schema, Local: "contentSize", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "content size", "de": "Inhaltsgröße"},
		Comment: text{"en": "The size of a download's file.", "de": "Die Größe der Datei eines Downloads."}})
	SchemaSHA256 = def(&Term{NS: Schema, Local: "sha256", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "SHA-256", "de": "SHA-256"},
		Comment: text{"en": "The SHA-256 checksum of a download's file, in hexadecimal digits.", "de": "Die SHA-256-Prüfsumme der Datei eines Downloads in Hexadezimalziffern."}})
	SchemaIncludedInDataCatalog = def(&Term{NS: Schema, Local: "includedInDataCatalog", Kind: ObjectProperty, Range: SchemaDataCatalog,
		Label:   text{"en": "included in data catalogue", "de": "enthalten im Datenkatalog"},
		Comment: text{"en": "The catalogue that lists the dataset.", "de": "Der Katalog, der den Datensatz aufführt."}})
	SchemaCitation = def(&Term{NS: Schema, Local: "citation", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "citation", "de": "Zitierweise"},
		Comment: text{"en": "How to cite the dataset's latest release.", "de": "Wie die neueste Veröffentlichung des Datensatzes zitiert wird."}})
	SchemaInLanguage = def(&Term{NS: Schema, Local: "inLanguage", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "in language", "de": "in Sprache"},
		Comment: text{"en": "A language of the dataset's texts, as a BCP 47 tag.", "de": "Eine Sprache der Texte des Datensatzes als BCP-47-Kennung."}})
	SchemaSameAs = def(&Term{NS: Schema, Local: "sameAs", Kind: ObjectProperty,
		Label:   text{"en": "same as (schema.org)", "de": "identisch mit (schema.org)"},
		Comment: text{"en": "An IRI of the same thing elsewhere, such as a country's Wikidata item.", "de": "Eine IRI desselben Dings anderswo, etwa das Wikidata-Objekt eines Staates."}})
)
