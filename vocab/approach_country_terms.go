package vocab

// Terms of the content people read about approaches and countries on the
// platform (issue 15), kept together here.

// Reused terms.
var (
	SchemaAlternativeHeadline = def(&Term{NS: Schema, Local: "alternativeHeadline", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "short title", "de": "Kurztitel", "es": "título corto", "fr": "titre court", "el": "σύντομος τίτλος", "it": "titolo breve", "pl": "krótki tytuł"},
		Comment: text{"en": "The short title of an approach, shown where space is tight.", "de": "Der Kurztitel eines Ansatzes, gezeigt, wo wenig Platz ist."}})
)

// Our terms.
var (
	PoliticalContext = def(&Term{NS: MC, Local: "politicalContext", Kind: DatatypeProperty, Domain: SchemaCountry, Range: RDFLangString,
		SubOf: []*Term{DCTermsDescription},
		Label: text{"en": "political context", "de": "politischer Kontext", "es": "contexto político", "fr": "contexte politique", "el": "πολιτικό πλαίσιο", "it": "contesto politico", "pl": "kontekst polityczny"},
		Comment: text{
			"en": "The national political context in which a country's municipalities act on migration, as the platform describes it: Markdown, one literal per language.",
			"de": "Der nationale politische Kontext, in dem die Kommunen eines Staates in der Migrationspolitik handeln, wie die Plattform ihn beschreibt: Markdown, ein Literal je Sprache.",
			"es": "El contexto político nacional en el que actúan los municipios de un país en materia de migración, tal como lo describe la plataforma: Markdown, un literal por idioma.",
			"fr": "Le contexte politique national dans lequel les communes d'un pays agissent en matière de migration, tel que la plateforme le décrit : Markdown, un littéral par langue.",
			"el": "Το εθνικό πολιτικό πλαίσιο μέσα στο οποίο δρουν οι δήμοι μιας χώρας στο μεταναστευτικό, όπως το περιγράφει η πλατφόρμα: Markdown, ένα λεκτικό ανά γλώσσα.",
			"it": "Il contesto politico nazionale in cui agiscono i comuni di un paese in materia di migrazione, come lo descrive la piattaforma: Markdown, un letterale per lingua.",
			"pl": "Krajowy kontekst polityczny, w którym gminy danego państwa działają w sprawach migracji, tak jak opisuje go platforma: Markdown, jeden literał na język.",
		},
		Example: "<https://data.moving-cities.eu/id/country/PL> mc:politicalContext \"Poland's government …\"@en .",
	})
	ShortTitleOrigin       = originTerm("shortTitleOrigin", SchemaAlternativeHeadline, "short title", "Kurztitel", "título corto", "titre court", "σύντομος τίτλος", "titolo breve", "krótki tytuł")
	BlocksOrigin           = originTerm("blocksOrigin", ContentBlock, "content blocks", "Inhaltsblöcke", "bloques de contenido", "blocs de contenu", "ενότητες περιεχομένου", "blocchi di contenuto", "bloki treści")
	PoliticalContextOrigin = originTerm("politicalContextOrigin", PoliticalContext, "political context", "politischer Kontext", "contexto político", "contexte politique", "πολιτικό πλαίσιο", "contesto politico", "kontekst polityczny")
)
