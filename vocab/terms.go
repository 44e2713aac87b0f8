package vocab

// Our own terms: defined only where no standard term fits, and each
// related to the nearest standard one.

// Classes.
var (
	Municipality = def(&Term{NS: MC, Local: "Municipality", Kind: Class,
		SubOf: []*Term{OrgOrganization, SchemaAdministrativeArea, GeoSpatialThing},
		Label: text{"en": "municipality", "de": "Kommune", "es": "municipio", "fr": "commune", "el": "δήμος", "it": "comune", "pl": "gmina"},
		Comment: text{
			"en": "A local authority listed on Moving Cities for its solidarity-based migration policy: a town or city, a municipal association or a district. It is both a place (with coordinates, codes and a population) and a body that joins city networks.",
			"de": "Eine Gebietskörperschaft, die Moving Cities wegen ihrer solidarischen Migrationspolitik aufführt: eine Stadt oder Gemeinde, ein Gemeindeverband oder ein Kreis. Sie ist zugleich ein Ort (mit Koordinaten, Codes und Einwohnerzahl) und eine Körperschaft, die Städtenetzwerken beitritt.",
			"es": "Una autoridad local que Moving Cities recoge por su política migratoria solidaria: una ciudad o un municipio, una mancomunidad o un distrito. Es a la vez un lugar (con coordenadas, códigos y población) y una entidad que se une a redes de ciudades.",
			"fr": "Une collectivité locale que Moving Cities répertorie pour sa politique migratoire solidaire : une ville ou une commune, une intercommunalité ou un district. Elle est à la fois un lieu (avec coordonnées, codes et population) et une entité qui adhère à des réseaux de villes.",
			"el": "Μια τοπική αρχή που καταγράφει το Moving Cities για την αλληλέγγυα μεταναστευτική πολιτική της: πόλη ή δήμος, ένωση δήμων ή νομός. Είναι ταυτόχρονα τόπος (με συντεταγμένες, κωδικούς και πληθυσμό) και φορέας που συμμετέχει σε δίκτυα πόλεων.",
			"it": "Un ente locale che Moving Cities elenca per la sua politica migratoria solidale: una città o un comune, un'unione di comuni o un distretto. È insieme un luogo (con coordinate, codici e popolazione) e un ente che aderisce a reti di città.",
			"pl": "Samorząd lokalny wymieniony przez Moving Cities ze względu na solidarną politykę migracyjną: miasto lub gmina, związek gmin albo powiat. Jest zarazem miejscem (ze współrzędnymi, kodami i liczbą ludności) i podmiotem, który przystępuje do sieci miast.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> a mc:Municipality ;\n    skos:prefLabel \"Palermo\"@it ;\n    schema:containedInPlace <https://data.moving-cities.eu/id/country/IT> .",
	})
	Network = def(&Term{NS: MC, Local: "Network", Kind: Class,
		SubOf:      []*Term{OrgOrganization},
		CloseMatch: []*Term{SchemaOrganization},
		Label:      text{"en": "city network", "de": "Städtenetzwerk", "es": "red de ciudades", "fr": "réseau de villes", "el": "δίκτυο πόλεων", "it": "rete di città", "pl": "sieć miast"},
		Comment: text{
			"en": "An alliance, network or programme of municipalities, often with civil-society partners, that municipalities join.",
			"de": "Ein Bündnis, Netzwerk oder Programm von Kommunen, oft mit zivilgesellschaftlichen Partnern, dem Kommunen beitreten.",
			"es": "Una alianza, red o programa de municipios, a menudo con socios de la sociedad civil, al que se adhieren los municipios.",
			"fr": "Une alliance, un réseau ou un programme de collectivités, souvent avec des partenaires de la société civile, auquel les communes adhèrent.",
			"el": "Μια συμμαχία, ένα δίκτυο ή ένα πρόγραμμα δήμων, συχνά με εταίρους από την κοινωνία των πολιτών, στο οποίο προσχωρούν δήμοι.",
			"it": "Un'alleanza, una rete o un programma di comuni, spesso con partner della società civile, a cui i comuni aderiscono.",
			"pl": "Sojusz, sieć lub program samorządów, często z partnerami ze społeczeństwa obywatelskiego, do którego przystępują gminy.",
		},
		Example: "<https://data.moving-cities.eu/id/network/solidarity-cities> a mc:Network ;\n    mc:scope mc:scope-european .",
	})
	Approach = def(&Term{NS: MC, Local: "Approach", Kind: Class,
		SubOf: []*Term{PROVActivity},
		Label: text{"en": "local approach", "de": "lokaler Ansatz", "es": "enfoque local", "fr": "approche locale", "el": "τοπική προσέγγιση", "it": "approccio locale", "pl": "podejście lokalne"},
		Comment: text{
			"en": "A local policy or practice a municipality implemented for the reception, protection, inclusion or participation of migrants, filed under one or more categories.",
			"de": "Eine lokale Politik oder Praxis, die eine Kommune für Aufnahme, Schutz, Teilhabe oder Mitbestimmung von Migrantinnen und Migranten umgesetzt hat, einer oder mehreren Kategorien zugeordnet.",
			"es": "Una política o práctica local que un municipio ha puesto en marcha para la acogida, la protección, la inclusión o la participación de las personas migrantes, clasificada en una o varias categorías.",
			"fr": "Une politique ou pratique locale qu'une commune a mise en œuvre pour l'accueil, la protection, l'inclusion ou la participation des personnes migrantes, classée dans une ou plusieurs catégories.",
			"el": "Μια τοπική πολιτική ή πρακτική που εφάρμοσε ένας δήμος για την υποδοχή, την προστασία, την ένταξη ή τη συμμετοχή των μεταναστών, ταξινομημένη σε μία ή περισσότερες κατηγορίες.",
			"it": "Una politica o pratica locale che un comune ha attuato per l'accoglienza, la protezione, l'inclusione o la partecipazione delle persone migranti, classificata in una o più categorie.",
			"pl": "Lokalna polityka lub praktyka wdrożona przez gminę na rzecz przyjmowania, ochrony, integracji lub partycypacji migrantów, przypisana do jednej lub kilku kategorii.",
		},
		Example: "<https://data.moving-cities.eu/id/approach/x> a mc:Approach ;\n    prov:wasAssociatedWith <https://data.moving-cities.eu/id/municipality/marseille> ;\n    dcterms:subject <https://data.moving-cities.eu/id/category/reception> .",
	})
	PopulationCount = def(&Term{NS: MC, Local: "PopulationCount", Kind: Class,
		CloseMatch: []*Term{SchemaQuantitativeValue},
		Label:      text{"en": "population figure", "de": "Bevölkerungsangabe", "es": "cifra de población", "fr": "chiffre de population", "el": "πληθυσμιακό στοιχείο", "it": "dato sulla popolazione", "pl": "liczba ludności"},
		Comment: text{
			"en": "A head count with its reference year and source.",
			"de": "Eine Einwohnerzahl mit Stichjahr und Quelle.",
			"es": "Un número de habitantes con su año de referencia y su fuente.",
			"fr": "Un nombre d'habitants avec son année de référence et sa source.",
			"el": "Ένας αριθμός κατοίκων με το έτος αναφοράς και την πηγή του.",
			"it": "Un numero di abitanti con il suo anno di riferimento e la sua fonte.",
			"pl": "Liczba mieszkańców wraz z rokiem odniesienia i źródłem.",
		},
		Example: "[] rdf:value 643452 ; dcterms:date \"2021\"^^xsd:gYear .",
	})
	BoundingBox = def(&Term{NS: MC, Local: "BoundingBox", Kind: Class,
		CloseMatch: []*Term{GSPGeometry},
		Label:      text{"en": "bounding box", "de": "Begrenzungsrahmen", "es": "rectángulo envolvente", "fr": "emprise", "el": "πλαίσιο οριοθέτησης", "it": "riquadro di delimitazione", "pl": "prostokąt ograniczający"},
		Comment: text{
			"en": "The WGS84 rectangle that bounds a country's territory, in decimal degrees.",
			"de": "Das WGS84-Rechteck, das das Gebiet eines Staates umschließt, in Dezimalgrad.",
			"es": "El rectángulo WGS84 que delimita el territorio de un país, en grados decimales.",
			"fr": "Le rectangle WGS84 qui englobe le territoire d'un pays, en degrés décimaux.",
			"el": "Το ορθογώνιο WGS84 που περικλείει την επικράτεια ενός κράτους, σε δεκαδικές μοίρες.",
			"it": "Il rettangolo WGS84 che racchiude il territorio di un paese, in gradi decimali.",
			"pl": "Prostokąt WGS84 obejmujący terytorium państwa, w stopniach dziesiętnych.",
		},
		Example: "[] mc:west \"5.8E0\"^^xsd:double ; mc:south \"4.72E1\"^^xsd:double ;\n   mc:east \"1.51E1\"^^xsd:double ; mc:north \"5.51E1\"^^xsd:double .",
	})
)

// Object properties.
var (
	KindProp = def(&Term{NS: MC, Local: "kind", Kind: ObjectProperty, Domain: Municipality, Range: SKOSConcept,
		CloseMatch: []*Term{DCTermsType},
		Label:      text{"en": "kind", "de": "Art", "es": "tipo", "fr": "type", "el": "είδος", "it": "tipo", "pl": "rodzaj"},
		Comment: text{
			"en": "What kind of local authority a municipality is: a municipality, a municipal association or a district (a concept of mc:KindScheme).",
			"de": "Welche Art von Gebietskörperschaft eine Kommune ist: Gemeinde, Gemeindeverband oder Kreis (ein Begriff aus mc:KindScheme).",
			"es": "Qué tipo de autoridad local es un municipio: municipio, mancomunidad o distrito (un concepto de mc:KindScheme).",
			"fr": "Le type de collectivité locale : commune, intercommunalité ou district (un concept de mc:KindScheme).",
			"el": "Τι είδους τοπική αρχή είναι ένας δήμος: δήμος, ένωση δήμων ή νομός (έννοια του mc:KindScheme).",
			"it": "Che tipo di ente locale è un comune: comune, unione di comuni o distretto (un concetto di mc:KindScheme).",
			"pl": "Rodzaj samorządu lokalnego: gmina, związek gmin lub powiat (pojęcie z mc:KindScheme).",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:kind mc:kind-municipality .",
	})
	Status = def(&Term{NS: MC, Local: "status", Kind: ObjectProperty, Range: SKOSConcept,
		CloseMatch: []*Term{ADMSStatus},
		Label:      text{"en": "status", "de": "Status", "es": "estado", "fr": "statut", "el": "κατάσταση", "it": "stato", "pl": "status"},
		Comment: text{
			"en": "Whether a municipality is still listed, or whether an approach is still in place (a concept of mc:StatusScheme).",
			"de": "Ob eine Kommune noch aufgeführt ist oder ob ein Ansatz noch besteht (ein Begriff aus mc:StatusScheme).",
			"es": "Si un municipio sigue en la lista o si un enfoque sigue vigente (un concepto de mc:StatusScheme).",
			"fr": "Si une commune est toujours répertoriée, ou si une approche est toujours en place (un concept de mc:StatusScheme).",
			"el": "Αν ένας δήμος εξακολουθεί να καταγράφεται ή αν μια προσέγγιση εξακολουθεί να εφαρμόζεται (έννοια του mc:StatusScheme).",
			"it": "Se un comune è ancora elencato o se un approccio è ancora in vigore (un concetto di mc:StatusScheme).",
			"pl": "Czy gmina nadal figuruje na liście lub czy podejście jest nadal stosowane (pojęcie z mc:StatusScheme).",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:status mc:status-active .",
	})
	Scope = def(&Term{NS: MC, Local: "scope", Kind: ObjectProperty, Domain: Network, Range: SKOSConcept,
		CloseMatch: []*Term{DCTermsCoverage},
		Label:      text{"en": "scope", "de": "Reichweite", "es": "ámbito", "fr": "portée", "el": "εμβέλεια", "it": "ambito", "pl": "zasięg"},
		Comment: text{
			"en": "The geographic reach of a city network: national, European or international (a concept of mc:ScopeScheme).",
			"de": "Die geografische Reichweite eines Städtenetzwerks: national, europäisch oder international (ein Begriff aus mc:ScopeScheme).",
			"es": "El alcance geográfico de una red de ciudades: nacional, europeo o internacional (un concepto de mc:ScopeScheme).",
			"fr": "La portée géographique d'un réseau de villes : nationale, européenne ou internationale (un concept de mc:ScopeScheme).",
			"el": "Η γεωγραφική εμβέλεια ενός δικτύου πόλεων: εθνική, ευρωπαϊκή ή διεθνής (έννοια του mc:ScopeScheme).",
			"it": "La portata geografica di una rete di città: nazionale, europea o internazionale (un concetto di mc:ScopeScheme).",
			"pl": "Zasięg geograficzny sieci miast: krajowy, europejski lub międzynarodowy (pojęcie z mc:ScopeScheme).",
		},
		Example: "<https://data.moving-cities.eu/id/network/solidarity-cities> mc:scope mc:scope-european .",
	})
	Population = def(&Term{NS: MC, Local: "population", Kind: ObjectProperty, Domain: Municipality, Range: PopulationCount,
		CloseMatch: []*Term{WDTPopulation},
		Label:      text{"en": "population", "de": "Einwohnerzahl", "es": "población", "fr": "population", "el": "πληθυσμός", "it": "popolazione", "pl": "liczba ludności"},
		Comment: text{
			"en": "The municipality's population: a node with the head count (rdf:value), the reference year (dcterms:date) and the source (dcterms:source).",
			"de": "Die Einwohnerzahl der Kommune: ein Knoten mit der Zahl (rdf:value), dem Stichjahr (dcterms:date) und der Quelle (dcterms:source).",
			"es": "La población del municipio: un nodo con el número de habitantes (rdf:value), el año de referencia (dcterms:date) y la fuente (dcterms:source).",
			"fr": "La population de la commune : un nœud avec le nombre d'habitants (rdf:value), l'année de référence (dcterms:date) et la source (dcterms:source).",
			"el": "Ο πληθυσμός του δήμου: κόμβος με τον αριθμό κατοίκων (rdf:value), το έτος αναφοράς (dcterms:date) και την πηγή (dcterms:source).",
			"it": "La popolazione del comune: un nodo con il numero di abitanti (rdf:value), l'anno di riferimento (dcterms:date) e la fonte (dcterms:source).",
			"pl": "Liczba ludności gminy: węzeł z liczbą mieszkańców (rdf:value), rokiem odniesienia (dcterms:date) i źródłem (dcterms:source).",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/athina> mc:population [\n    rdf:value 643452 ; dcterms:date \"2021\"^^xsd:gYear ] .",
	})
	BoundingBoxProp = def(&Term{NS: MC, Local: "boundingBox", Kind: ObjectProperty, Domain: SchemaCountry, Range: BoundingBox,
		CloseMatch: []*Term{GSPHasBoundingBox},
		Label:      text{"en": "bounding box", "de": "Begrenzungsrahmen", "es": "rectángulo envolvente", "fr": "emprise", "el": "πλαίσιο οριοθέτησης", "it": "riquadro di delimitazione", "pl": "prostokąt ograniczający"},
		Comment: text{
			"en": "The rectangle that bounds a country's territory; used to catch misplaced coordinates.",
			"de": "Das Rechteck, das das Gebiet eines Staates umschließt; dient dazu, falsch gesetzte Koordinaten zu erkennen.",
			"es": "El rectángulo que delimita el territorio de un país; sirve para detectar coordenadas mal situadas.",
			"fr": "Le rectangle qui englobe le territoire d'un pays ; sert à repérer les coordonnées mal placées.",
			"el": "Το ορθογώνιο που περικλείει την επικράτεια ενός κράτους· χρησιμεύει στον εντοπισμό λανθασμένων συντεταγμένων.",
			"it": "Il rettangolo che racchiude il territorio di un paese; serve a individuare coordinate errate.",
			"pl": "Prostokąt obejmujący terytorium państwa; służy do wykrywania błędnie umieszczonych współrzędnych.",
		},
		Example: "<https://data.moving-cities.eu/id/country/DE> mc:boundingBox [ mc:west \"5.8E0\"^^xsd:double ] .",
	})
	WikidataCandidate = def(&Term{NS: MC, Local: "wikidataCandidate", Kind: ObjectProperty, Domain: Municipality, Range: WikibaseItem,
		SubOf: []*Term{RDFSSeeAlso},
		Label: text{"en": "Wikidata candidate", "de": "Wikidata-Kandidat", "es": "candidato de Wikidata", "fr": "candidat Wikidata", "el": "υποψήφιο στοιχείο Wikidata", "it": "candidato Wikidata", "pl": "kandydat z Wikidanych"},
		Comment: text{
			"en": "A Wikidata item that may be the municipality but is not confirmed; never a claim of identity (confirmed items are given with owl:sameAs).",
			"de": "Ein Wikidata-Objekt, das die Kommune sein könnte, aber nicht bestätigt ist; nie eine Aussage über Identität (bestätigte Objekte stehen bei owl:sameAs).",
			"es": "Un elemento de Wikidata que podría ser el municipio pero no está confirmado; nunca una afirmación de identidad (los elementos confirmados se indican con owl:sameAs).",
			"fr": "Un élément Wikidata qui pourrait être la commune mais n'est pas confirmé ; jamais une affirmation d'identité (les éléments confirmés sont donnés par owl:sameAs).",
			"el": "Ένα στοιχείο του Wikidata που ίσως είναι ο δήμος αλλά δεν έχει επιβεβαιωθεί· ποτέ δήλωση ταυτότητας (τα επιβεβαιωμένα στοιχεία δίνονται με owl:sameAs).",
			"it": "Un elemento di Wikidata che potrebbe essere il comune ma non è confermato; mai un'affermazione di identità (gli elementi confermati sono indicati con owl:sameAs).",
			"pl": "Element Wikidanych, który może być tą gminą, ale nie został potwierdzony; nigdy stwierdzenie tożsamości (potwierdzone elementy podaje owl:sameAs).",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/x> mc:wikidataCandidate wd:Q1 .",
	})
)

// Datatype properties.
var (
	Featured = def(&Term{NS: MC, Local: "featured", Kind: DatatypeProperty, Domain: Municipality, Range: XSDBoolean,
		Label: text{"en": "featured", "de": "hervorgehoben", "es": "destacado", "fr": "mis en avant", "el": "προβεβλημένος", "it": "in evidenza", "pl": "wyróżniona"},
		Comment: text{
			"en": "True when the platform publishes an in-depth case study of the municipality.",
			"de": "Wahr, wenn die Plattform eine ausführliche Fallstudie über die Kommune veröffentlicht.",
			"es": "Verdadero cuando la plataforma publica un estudio de caso detallado del municipio.",
			"fr": "Vrai lorsque la plateforme publie une étude de cas approfondie de la commune.",
			"el": "Αληθές όταν η πλατφόρμα δημοσιεύει εκτενή μελέτη περίπτωσης για τον δήμο.",
			"it": "Vero quando la piattaforma pubblica uno studio di caso approfondito sul comune.",
			"pl": "Prawda, gdy platforma publikuje pogłębione studium przypadku gminy.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:featured true .",
	})
	IDCoined = def(&Term{NS: MC, Local: "idCoined", Kind: DatatypeProperty, Range: XSDBoolean,
		Label: text{"en": "identifier coined by this project", "de": "Kennung von diesem Projekt vergeben", "es": "identificador creado por este proyecto", "fr": "identifiant créé par ce projet", "el": "αναγνωριστικό που δημιούργησε αυτό το έργο", "it": "identificatore creato da questo progetto", "pl": "identyfikator nadany przez ten projekt"},
		Comment: text{
			"en": "True when this project made up the record's identifier (the last segment of its IRI), because the platform's own slug for it was not seen; absent when the identifier is the platform's slug.",
			"de": "Wahr, wenn dieses Projekt die Kennung des Eintrags (das letzte Segment seiner IRI) selbst vergeben hat, weil der Slug der Plattform dafür nicht gesehen wurde; fehlt, wenn die Kennung der Slug der Plattform ist.",
			"es": "Verdadero cuando este proyecto creó el identificador del registro (el último segmento de su IRI) porque no se vio el slug propio de la plataforma; ausente cuando el identificador es el slug de la plataforma.",
			"fr": "Vrai lorsque ce projet a créé l'identifiant de la fiche (le dernier segment de son IRI), faute d'avoir vu le slug propre à la plateforme ; absent lorsque l'identifiant est le slug de la plateforme.",
			"el": "Αληθές όταν αυτό το έργο δημιούργησε το αναγνωριστικό της εγγραφής (το τελευταίο τμήμα του IRI της), επειδή δεν εντοπίστηκε το slug της πλατφόρμας· απουσιάζει όταν το αναγνωριστικό είναι το slug της πλατφόρμας.",
			"it": "Vero quando questo progetto ha creato l'identificatore della scheda (l'ultimo segmento del suo IRI), perché lo slug della piattaforma non è stato visto; assente quando l'identificatore è lo slug della piattaforma.",
			"pl": "Prawda, gdy identyfikator rekordu (ostatni segment jego IRI) nadał ten projekt, bo nie znaleziono slugu platformy; brak, gdy identyfikator jest slugiem platformy.",
		},
		Example: "<https://data.moving-cities.eu/id/network/sichere-haefen> mc:idCoined true .",
	})
	OwnCategories = def(&Term{NS: MC, Local: "ownCategories", Kind: DatatypeProperty, Domain: Approach, Range: XSDBoolean,
		Label: text{"en": "categories assigned by this project", "de": "Kategorien von diesem Projekt zugeordnet", "es": "categorías asignadas por este proyecto", "fr": "catégories attribuées par ce projet", "el": "κατηγορίες που απέδωσε αυτό το έργο", "it": "categorie assegnate da questo progetto", "pl": "kategorie przypisane przez ten projekt"},
		Comment: text{
			"en": "True when the approach's categories (its dcterms:subject statements) are this project's own classification, made from the approach's page, and not tags the platform gave it.",
			"de": "Wahr, wenn die Kategorien des Ansatzes (seine dcterms:subject-Aussagen) eine eigene Einordnung dieses Projekts anhand der Seite des Ansatzes sind und keine Schlagwörter der Plattform.",
			"es": "Verdadero cuando las categorías del enfoque (sus afirmaciones dcterms:subject) son una clasificación propia de este proyecto, hecha a partir de la página del enfoque, y no etiquetas de la plataforma.",
			"fr": "Vrai lorsque les catégories de l'approche (ses énoncés dcterms:subject) sont un classement propre à ce projet, fait d'après la page de l'approche, et non des étiquettes de la plateforme.",
			"el": "Αληθές όταν οι κατηγορίες της προσέγγισης (οι δηλώσεις dcterms:subject) είναι δική μας ταξινόμηση, με βάση τη σελίδα της προσέγγισης, και όχι ετικέτες της πλατφόρμας.",
			"it": "Vero quando le categorie dell'approccio (le sue asserzioni dcterms:subject) sono una classificazione propria di questo progetto, fatta a partire dalla pagina dell'approccio, e non etichette della piattaforma.",
			"pl": "Prawda, gdy kategorie podejścia (jego stwierdzenia dcterms:subject) są własną klasyfikacją tego projektu, opartą na stronie podejścia, a nie tagami platformy.",
		},
		Example: "<https://data.moving-cities.eu/id/approach/the-digital-city-card-1> mc:ownCategories true .",
	})
	// The origins of texts (dataset.Origins): one language-tagged literal
	// per language of the text, whose value says where the text of that
	// language came from (issue 19).
	SummaryOrigin     = originTerm("summaryOrigin", DCTermsAbstract, "summary", "Zusammenfassung", "resumen", "résumé", "περίληψη", "sintesi", "streszczenie")
	DescriptionOrigin = originTerm("descriptionOrigin", DCTermsDescription, "description", "Beschreibung", "descripción", "description", "περιγραφή", "descrizione", "opis")
	TitleOrigin       = originTerm("titleOrigin", DCTermsTitle, "title", "Titel", "título", "titre", "τίτλος", "titolo", "tytuł")
	LabelOrigin       = originTerm("labelOrigin", SKOSPrefLabel, "label", "Bezeichnung", "etiqueta", "libellé", "ετικέτα", "etichetta", "etykieta")
	DefinitionOrigin  = originTerm("definitionOrigin", SKOSDefinition, "definition", "Definition", "definición", "définition", "ορισμός", "definizione", "definicja")
	GeoNamesID        = def(&Term{NS: MC, Local: "geonamesID", Kind: DatatypeProperty, Domain: Municipality, Range: XSDString,
		CloseMatch: []*Term{WDTGeoNamesID},
		Label:      text{"en": "GeoNames ID", "de": "GeoNames-ID", "es": "ID de GeoNames", "fr": "identifiant GeoNames", "el": "αναγνωριστικό GeoNames", "it": "ID GeoNames", "pl": "identyfikator GeoNames"},
		Comment: text{
			"en": "The municipality's identifier in GeoNames (https://www.geonames.org/).",
			"de": "Die Kennung der Kommune in GeoNames (https://www.geonames.org/).",
			"es": "El identificador del municipio en GeoNames (https://www.geonames.org/).",
			"fr": "L'identifiant de la commune dans GeoNames (https://www.geonames.org/).",
			"el": "Το αναγνωριστικό του δήμου στο GeoNames (https://www.geonames.org/).",
			"it": "L'identificativo del comune in GeoNames (https://www.geonames.org/).",
			"pl": "Identyfikator gminy w GeoNames (https://www.geonames.org/).",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:geonamesID \"2523920\" .",
	})
	LAUCode = def(&Term{NS: MC, Local: "lauCode", Kind: DatatypeProperty, Domain: Municipality, Range: XSDString,
		CloseMatch: []*Term{WDTLAU},
		Label:      text{"en": "LAU code", "de": "LAU-Code", "es": "código LAU", "fr": "code LAU", "el": "κωδικός LAU", "it": "codice LAU", "pl": "kod LAU"},
		Comment: text{
			"en": "The municipality's Eurostat Local Administrative Unit code.",
			"de": "Der LAU-Code (Local Administrative Unit) der Kommune bei Eurostat.",
			"es": "El código de unidad administrativa local (LAU) de Eurostat del municipio.",
			"fr": "Le code d'unité administrative locale (LAU) d'Eurostat de la commune.",
			"el": "Ο κωδικός τοπικής διοικητικής μονάδας (LAU) της Eurostat για τον δήμο.",
			"it": "Il codice di unità amministrativa locale (LAU) di Eurostat del comune.",
			"pl": "Kod lokalnej jednostki administracyjnej (LAU) Eurostatu dla gminy.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:lauCode \"082053\" .",
	})
	NUTS3Code = def(&Term{NS: MC, Local: "nuts3Code", Kind: DatatypeProperty, Domain: Municipality, Range: XSDString,
		CloseMatch: []*Term{WDTNUTS},
		Label:      text{"en": "NUTS 3 code", "de": "NUTS-3-Code", "es": "código NUTS 3", "fr": "code NUTS 3", "el": "κωδικός NUTS 3", "it": "codice NUTS 3", "pl": "kod NUTS 3"},
		Comment: text{
			"en": "The code of the NUTS level-3 region the municipality lies in.",
			"de": "Der Code der NUTS-3-Region, in der die Kommune liegt.",
			"es": "El código de la región NUTS de nivel 3 en la que se encuentra el municipio.",
			"fr": "Le code de la région NUTS de niveau 3 où se trouve la commune.",
			"el": "Ο κωδικός της περιφέρειας NUTS επιπέδου 3 στην οποία βρίσκεται ο δήμος.",
			"it": "Il codice della regione NUTS di livello 3 in cui si trova il comune.",
			"pl": "Kod regionu NUTS poziomu 3, w którym leży gmina.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:nuts3Code \"ITG12\" .",
	})
	OSMRelation = def(&Term{NS: MC, Local: "osmRelation", Kind: DatatypeProperty, Domain: Municipality, Range: XSDInteger,
		CloseMatch: []*Term{WDTOSMRelation},
		Label:      text{"en": "OpenStreetMap relation", "de": "OpenStreetMap-Relation", "es": "relación de OpenStreetMap", "fr": "relation OpenStreetMap", "el": "σχέση OpenStreetMap", "it": "relazione OpenStreetMap", "pl": "relacja OpenStreetMap"},
		Comment: text{
			"en": "The number of the OpenStreetMap relation that outlines the municipality.",
			"de": "Die Nummer der OpenStreetMap-Relation, die die Kommune umreißt.",
			"es": "El número de la relación de OpenStreetMap que delimita el municipio.",
			"fr": "Le numéro de la relation OpenStreetMap qui délimite la commune.",
			"el": "Ο αριθμός της σχέσης OpenStreetMap που οριοθετεί τον δήμο.",
			"it": "Il numero della relazione OpenStreetMap che delimita il comune.",
			"pl": "Numer relacji OpenStreetMap wyznaczającej granice gminy.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/berlin> mc:osmRelation 62422 .",
	})
	Since = def(&Term{NS: MC, Local: "since", Kind: DatatypeProperty, Domain: OrgMembership, Range: EDTFDate,
		CloseMatch: []*Term{SchemaStartDate, TimeHasBeginning},
		Label:      text{"en": "member since", "de": "Mitglied seit", "es": "miembro desde", "fr": "membre depuis", "el": "μέλος από", "it": "membro dal", "pl": "członek od"},
		Comment: text{
			"en": "When the membership began, as precisely as the source says: a year, a month or a day.",
			"de": "Wann die Mitgliedschaft begann, so genau wie die Quelle es angibt: Jahr, Monat oder Tag.",
			"es": "Cuándo comenzó la membresía, con la precisión que da la fuente: un año, un mes o un día.",
			"fr": "Le début de l'adhésion, aussi précis que la source l'indique : une année, un mois ou un jour.",
			"el": "Πότε ξεκίνησε η ιδιότητα μέλους, με την ακρίβεια που δίνει η πηγή: έτος, μήνας ή ημέρα.",
			"it": "Quando è iniziata l'adesione, con la precisione indicata dalla fonte: un anno, un mese o un giorno.",
			"pl": "Kiedy zaczęło się członkostwo, z dokładnością podaną przez źródło: rok, miesiąc lub dzień.",
		},
		Example: "<https://data.moving-cities.eu/id/membership/palermo-solidarity-cities> mc:since \"2016\"^^edtf:EDTF .",
	})
	Until = def(&Term{NS: MC, Local: "until", Kind: DatatypeProperty, Domain: OrgMembership, Range: EDTFDate,
		CloseMatch: []*Term{SchemaEndDate, TimeHasEnd},
		Label:      text{"en": "member until", "de": "Mitglied bis", "es": "miembro hasta", "fr": "membre jusqu'à", "el": "μέλος έως", "it": "membro fino al", "pl": "członek do"},
		Comment: text{
			"en": "When the membership ended, as precisely as the source says; absent while it lasts.",
			"de": "Wann die Mitgliedschaft endete, so genau wie die Quelle es angibt; fehlt, solange sie besteht.",
			"es": "Cuándo terminó la membresía, con la precisión que da la fuente; ausente mientras continúa.",
			"fr": "La fin de l'adhésion, aussi précise que la source l'indique ; absente tant qu'elle dure.",
			"el": "Πότε έληξε η ιδιότητα μέλους, με την ακρίβεια που δίνει η πηγή· απουσιάζει όσο διαρκεί.",
			"it": "Quando è terminata l'adesione, con la precisione indicata dalla fonte; assente finché dura.",
			"pl": "Kiedy członkostwo się zakończyło, z dokładnością podaną przez źródło; brak, dopóki trwa.",
		},
		Example: "<https://data.moving-cities.eu/id/membership/x> mc:until \"2019-06\"^^edtf:EDTF .",
	})
	Attested = def(&Term{NS: MC, Local: "attested", Kind: DatatypeProperty, Domain: OrgMembership, Range: EDTFDate,
		SubOf: []*Term{DCTermsDate},
		Label: text{"en": "attested member on", "de": "als Mitglied belegt am", "es": "miembro documentado en", "fr": "membre attesté le", "el": "τεκμηριωμένο μέλος στις", "it": "membro attestato il", "pl": "członkostwo poświadczone"},
		Comment: text{
			"en": "When no source dates the start of the membership: the earliest date at which a source shows it (the municipality was listed, named or reported as a member then), as precisely as the source says. The membership began on or before this date; it is not a start date.",
			"de": "Wenn keine Quelle den Beginn der Mitgliedschaft datiert: das früheste Datum, zu dem eine Quelle sie belegt (die Kommune wurde damals als Mitglied aufgeführt, genannt oder gemeldet), so genau wie die Quelle es angibt. Die Mitgliedschaft begann an diesem Datum oder davor; es ist kein Beginndatum.",
			"es": "Cuando ninguna fuente fecha el inicio de la membresía: la fecha más temprana en que una fuente la muestra (el municipio figuraba, se nombraba o se citaba entonces como miembro), con la precisión que da la fuente. La membresía empezó en esa fecha o antes; no es una fecha de inicio.",
			"fr": "Lorsqu'aucune source ne date le début de l'adhésion : la date la plus ancienne à laquelle une source l'atteste (la commune était alors listée, nommée ou signalée comme membre), aussi précise que la source l'indique. L'adhésion a commencé à cette date ou avant ; ce n'est pas une date de début.",
			"el": "Όταν καμία πηγή δεν χρονολογεί την έναρξη της ιδιότητας μέλους: η νωρίτερη ημερομηνία στην οποία μια πηγή την καταγράφει (ο δήμος αναφερόταν τότε ως μέλος), με την ακρίβεια που δίνει η πηγή. Η ιδιότητα μέλους ξεκίνησε σε αυτή την ημερομηνία ή νωρίτερα· δεν είναι ημερομηνία έναρξης.",
			"it": "Quando nessuna fonte data l'inizio dell'adesione: la data più antica in cui una fonte la attesta (il comune era allora elencato, nominato o segnalato come membro), con la precisione indicata dalla fonte. L'adesione è iniziata in quella data o prima; non è una data di inizio.",
			"pl": "Gdy żadne źródło nie podaje początku członkostwa: najwcześniejsza data, z której źródło je poświadcza (gmina była wtedy wymieniona lub wskazana jako członek), z dokładnością podaną przez źródło. Członkostwo zaczęło się tego dnia lub wcześniej; nie jest to data rozpoczęcia.",
		},
		Example: "<https://data.moving-cities.eu/id/membership/aurich-sichere-haefen> mc:attested \"2022-03\"^^edtf:EDTF .",
	})
	StartYear = def(&Term{NS: MC, Local: "startYear", Kind: DatatypeProperty, Domain: Approach, Range: XSDGYear,
		CloseMatch: []*Term{PROVStartedAtTime},
		Label:      text{"en": "year started", "de": "Startjahr", "es": "año de inicio", "fr": "année de début", "el": "έτος έναρξης", "it": "anno di inizio", "pl": "rok rozpoczęcia"},
		Comment: text{
			"en": "The year the approach started.",
			"de": "Das Jahr, in dem der Ansatz begann.",
			"es": "El año en que comenzó el enfoque.",
			"fr": "L'année où l'approche a commencé.",
			"el": "Το έτος κατά το οποίο ξεκίνησε η προσέγγιση.",
			"it": "L'anno in cui è iniziato l'approccio.",
			"pl": "Rok, w którym rozpoczęto podejście.",
		},
		Example: "<https://data.moving-cities.eu/id/approach/x> mc:startYear \"2020\"^^xsd:gYear .",
	})
	Accessed = def(&Term{NS: MC, Local: "accessed", Kind: DatatypeProperty, Range: EDTFDate,
		SubOf: []*Term{DCTermsDate},
		Label: text{"en": "accessed", "de": "abgerufen", "es": "consultado", "fr": "consulté", "el": "ημερομηνία πρόσβασης", "it": "consultato", "pl": "data dostępu"},
		Comment: text{
			"en": "When we read the source, usually to the day.",
			"de": "Wann wir die Quelle gelesen haben, meist tagesgenau.",
			"es": "Cuándo consultamos la fuente, normalmente con precisión de día.",
			"fr": "Quand nous avons consulté la source, généralement au jour près.",
			"el": "Πότε διαβάσαμε την πηγή, συνήθως με ακρίβεια ημέρας.",
			"it": "Quando abbiamo consultato la fonte, di solito con precisione al giorno.",
			"pl": "Kiedy zapoznaliśmy się ze źródłem, zwykle z dokładnością do dnia.",
		},
		Example: "[] schema:url <https://moving-cities.eu/> ; mc:accessed \"2024-05-01\"^^edtf:EDTF .",
	})
	West = def(&Term{NS: MC, Local: "west", Kind: DatatypeProperty, Domain: BoundingBox, Range: XSDDouble,
		Label: text{"en": "west", "de": "West", "es": "oeste", "fr": "ouest", "el": "δύση", "it": "ovest", "pl": "zachód"},
		Comment: text{
			"en": "The western edge of the box: the smallest longitude, in decimal degrees.",
			"de": "Der westliche Rand des Rahmens: die kleinste geografische Länge in Dezimalgrad.",
			"es": "El borde occidental del rectángulo: la longitud mínima, en grados decimales.",
			"fr": "Le bord ouest de l'emprise : la longitude minimale, en degrés décimaux.",
			"el": "Το δυτικό όριο του πλαισίου: το ελάχιστο γεωγραφικό μήκος, σε δεκαδικές μοίρες.",
			"it": "Il bordo occidentale del riquadro: la longitudine minima, in gradi decimali.",
			"pl": "Zachodnia krawędź prostokąta: najmniejsza długość geograficzna w stopniach dziesiętnych.",
		},
		Example: "[] mc:west \"5.8E0\"^^xsd:double .",
	})
	South = def(&Term{NS: MC, Local: "south", Kind: DatatypeProperty, Domain: BoundingBox, Range: XSDDouble,
		Label: text{"en": "south", "de": "Süd", "es": "sur", "fr": "sud", "el": "νότος", "it": "sud", "pl": "południe"},
		Comment: text{
			"en": "The southern edge of the box: the smallest latitude, in decimal degrees.",
			"de": "Der südliche Rand des Rahmens: die kleinste geografische Breite in Dezimalgrad.",
			"es": "El borde meridional del rectángulo: la latitud mínima, en grados decimales.",
			"fr": "Le bord sud de l'emprise : la latitude minimale, en degrés décimaux.",
			"el": "Το νότιο όριο του πλαισίου: το ελάχιστο γεωγραφικό πλάτος, σε δεκαδικές μοίρες.",
			"it": "Il bordo meridionale del riquadro: la latitudine minima, in gradi decimali.",
			"pl": "Południowa krawędź prostokąta: najmniejsza szerokość geograficzna w stopniach dziesiętnych.",
		},
		Example: "[] mc:south \"4.72E1\"^^xsd:double .",
	})
	East = def(&Term{NS: MC, Local: "east", Kind: DatatypeProperty, Domain: BoundingBox, Range: XSDDouble,
		Label: text{"en": "east", "de": "Ost", "es": "este", "fr": "est", "el": "ανατολή", "it": "est", "pl": "wschód"},
		Comment: text{
			"en": "The eastern edge of the box: the largest longitude, in decimal degrees.",
			"de": "Der östliche Rand des Rahmens: die größte geografische Länge in Dezimalgrad.",
			"es": "El borde oriental del rectángulo: la longitud máxima, en grados decimales.",
			"fr": "Le bord est de l'emprise : la longitude maximale, en degrés décimaux.",
			"el": "Το ανατολικό όριο του πλαισίου: το μέγιστο γεωγραφικό μήκος, σε δεκαδικές μοίρες.",
			"it": "Il bordo orientale del riquadro: la longitudine massima, in gradi decimali.",
			"pl": "Wschodnia krawędź prostokąta: największa długość geograficzna w stopniach dziesiętnych.",
		},
		Example: "[] mc:east \"1.51E1\"^^xsd:double .",
	})
	North = def(&Term{NS: MC, Local: "north", Kind: DatatypeProperty, Domain: BoundingBox, Range: XSDDouble,
		Label: text{"en": "north", "de": "Nord", "es": "norte", "fr": "nord", "el": "βορράς", "it": "nord", "pl": "północ"},
		Comment: text{
			"en": "The northern edge of the box: the largest latitude, in decimal degrees.",
			"de": "Der nördliche Rand des Rahmens: die größte geografische Breite in Dezimalgrad.",
			"es": "El borde septentrional del rectángulo: la latitud máxima, en grados decimales.",
			"fr": "Le bord nord de l'emprise : la latitude maximale, en degrés décimaux.",
			"el": "Το βόρειο όριο του πλαισίου: το μέγιστο γεωγραφικό πλάτος, σε δεκαδικές μοίρες.",
			"it": "Il bordo settentrionale del riquadro: la latitudine massima, in gradi decimali.",
			"pl": "Północna krawędź prostokąta: największa szerokość geograficzna w stopniach dziesiętnych.",
		},
		Example: "[] mc:north \"5.51E1\"^^xsd:double .",
	})
	RetirementReason = def(&Term{NS: MC, Local: "retirementReason", Kind: DatatypeProperty, Range: XSDString,
		SubOf: []*Term{RDFSComment},
		Label: text{"en": "reason for retirement", "de": "Grund der Stilllegung", "es": "motivo de la retirada", "fr": "motif du retrait", "el": "λόγος απόσυρσης", "it": "motivo del ritiro", "pl": "powód wycofania"},
		Comment: text{
			"en": "Why an identifier was retired: renamed, merged or removed. Retired identifiers keep answering: with a redirect (dcterms:isReplacedBy) or as a tombstone.",
			"de": "Warum eine Kennung stillgelegt wurde: umbenannt, zusammengeführt oder entfernt. Stillgelegte Kennungen antworten weiter: mit einer Weiterleitung (dcterms:isReplacedBy) oder als Grabstein.",
			"es": "Por qué se retiró un identificador: renombrado, fusionado o eliminado. Los identificadores retirados siguen respondiendo: con una redirección (dcterms:isReplacedBy) o como lápida.",
			"fr": "Pourquoi un identifiant a été retiré : renommé, fusionné ou supprimé. Les identifiants retirés répondent toujours : par une redirection (dcterms:isReplacedBy) ou par une pierre tombale.",
			"el": "Γιατί αποσύρθηκε ένα αναγνωριστικό: μετονομάστηκε, συγχωνεύθηκε ή αφαιρέθηκε. Τα αποσυρμένα αναγνωριστικά εξακολουθούν να απαντούν: με ανακατεύθυνση (dcterms:isReplacedBy) ή ως επιτύμβια εγγραφή.",
			"it": "Perché un identificativo è stato ritirato: rinominato, unito o rimosso. Gli identificativi ritirati continuano a rispondere: con un reindirizzamento (dcterms:isReplacedBy) o come lapide.",
			"pl": "Dlaczego identyfikator został wycofany: zmiana nazwy, połączenie lub usunięcie. Wycofane identyfikatory nadal odpowiadają: przekierowaniem (dcterms:isReplacedBy) lub jako nagrobek.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/old> mc:retirementReason \"merged into new\" .",
	})
)

// originTerm defines the property that gives the origin of each language
// of the texts of prop; the rest are its names in the other six platform
// languages (de, es, fr, el, it, pl).
func originTerm(local string, prop *Term, en, de, es, fr, el, it, pl string) *Term {
	c := prop.CURIE()
	return def(&Term{NS: MC, Local: local, Kind: DatatypeProperty, Range: RDFLangString,
		Label: text{
			"en": "origin of the " + en, "de": "Herkunft: " + de, "es": "origen: " + es, "fr": "origine : " + fr,
			"el": "προέλευση: " + el, "it": "origine: " + it, "pl": "pochodzenie: " + pl,
		},
		Comment: text{
			"en": "Where the " + c + " text in the same language as this literal came from: \"platform\" (the platform's own wording), \"own\" (written by this project) or \"translation\" (this project's translation of the English text, not the platform's wording). One literal per language; a sync from the platform's CMS replaces translations with the platform's texts.",
			"de": "Woher der Text " + c + " in der Sprache dieses Literals stammt: \"platform\" (Wortlaut der Plattform), \"own\" (von diesem Projekt verfasst) oder \"translation\" (Übersetzung des englischen Textes durch dieses Projekt, nicht der Wortlaut der Plattform). Ein Literal je Sprache; ein Abgleich mit dem CMS der Plattform ersetzt Übersetzungen durch deren Texte.",
			"es": "De dónde procede el texto " + c + " en el idioma de este literal: \"platform\" (redacción de la plataforma), \"own\" (escrito por este proyecto) o \"translation\" (traducción del texto inglés por este proyecto, no la redacción de la plataforma). Un literal por idioma; una sincronización con el CMS de la plataforma sustituye las traducciones por sus textos.",
			"fr": "D'où vient le texte " + c + " dans la langue de ce littéral : \"platform\" (formulation de la plateforme), \"own\" (rédigé par ce projet) ou \"translation\" (traduction du texte anglais par ce projet, pas la formulation de la plateforme). Un littéral par langue ; une synchronisation avec le CMS de la plateforme remplace les traductions par ses textes.",
			"el": "Από πού προέρχεται το κείμενο " + c + " στη γλώσσα αυτού του λεκτικού: \"platform\" (διατύπωση της πλατφόρμας), \"own\" (γραμμένο από αυτό το έργο) ή \"translation\" (μετάφραση του αγγλικού κειμένου από αυτό το έργο, όχι διατύπωση της πλατφόρμας). Ένα λεκτικό ανά γλώσσα· ο συγχρονισμός με το CMS της πλατφόρμας αντικαθιστά τις μεταφράσεις με τα κείμενά της.",
			"it": "Da dove proviene il testo " + c + " nella lingua di questo letterale: \"platform\" (formulazione della piattaforma), \"own\" (scritto da questo progetto) o \"translation\" (traduzione del testo inglese da parte di questo progetto, non la formulazione della piattaforma). Un letterale per lingua; una sincronizzazione con il CMS della piattaforma sostituisce le traduzioni con i suoi testi.",
			"pl": "Skąd pochodzi tekst " + c + " w języku tego literału: \"platform\" (sformułowanie platformy), \"own\" (napisany przez ten projekt) lub \"translation\" (tłumaczenie tekstu angielskiego przez ten projekt, nie sformułowanie platformy). Jeden literał na język; synchronizacja z CMS platformy zastępuje tłumaczenia jej tekstami.",
		},
		Example: "<https://data.moving-cities.eu/id/approach/city-id-card> " + c + " \"City ID card for all residents\"@en, \"Städtischer Ausweis für alle Einwohner\"@de ;\n    mc:" + local + " \"own\"@en, \"translation\"@de .",
	})
}
