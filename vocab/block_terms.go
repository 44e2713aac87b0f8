package vocab

import "github.com/moving-cities/opendata/dataset"

// The content blocks of municipalities' case studies and of approaches
// (dataset.Block, issue 15): quotes and sections, each a blank node of its
// entity with its language, position, kind and texts. JSON-LD cannot tag
// a literal with a language given beside it in the same object, so a
// block's texts are plain literals and schema:inLanguage says their
// language.

// Reused terms.
var (
	DCTermsHasPart = def(&Term{NS: DCTerms, Local: "hasPart", Kind: ObjectProperty,
		Label:   text{"en": "has part", "de": "hat Teil"},
		Comment: text{"en": "A resource that is part of the subject.", "de": "Eine Ressource, die Teil des Subjekts ist."}})
	SchemaCreativeWork = def(&Term{NS: Schema, Local: "CreativeWork", Kind: Class,
		Label:   text{"en": "creative work", "de": "kreatives Werk"},
		Comment: text{"en": "A piece of writing, such as a section of a page or a quotation.", "de": "Ein Text, etwa ein Abschnitt einer Seite oder ein Zitat."}})
	SchemaPosition = def(&Term{NS: Schema, Local: "position", Kind: DatatypeProperty, Range: XSDInteger,
		Label:   text{"en": "position", "de": "Position", "es": "posición", "fr": "position", "el": "θέση", "it": "posizione", "pl": "pozycja"},
		Comment: text{"en": "The place of a content block among the blocks of its language, from 1.", "de": "Die Stelle eines Inhaltsblocks unter den Blöcken seiner Sprache, ab 1."}})
	SchemaHeadline = def(&Term{NS: Schema, Local: "headline", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "heading", "de": "Überschrift", "es": "título", "fr": "titre", "el": "επικεφαλίδα", "it": "titolo", "pl": "nagłówek"},
		Comment: text{"en": "The heading of a content section.", "de": "Die Überschrift eines Inhaltsabschnitts."}})
	SchemaText = def(&Term{NS: Schema, Local: "text", Kind: DatatypeProperty, Range: RDFSLiteral,
		Label:   text{"en": "text", "de": "Text", "es": "texto", "fr": "texte", "el": "κείμενο", "it": "testo", "pl": "tekst"},
		Comment: text{"en": "The text of a content block: a section's Markdown or a quote's plain text.", "de": "Der Text eines Inhaltsblocks: das Markdown eines Abschnitts oder der reine Text eines Zitats."}})
)

// Our terms.
var (
	BlockClass = def(&Term{NS: MC, Local: "ContentBlock", Kind: Class,
		SubOf: []*Term{SchemaCreativeWork},
		Label: text{"en": "content block", "de": "Inhaltsblock", "es": "bloque de contenido", "fr": "bloc de contenu", "el": "ενότητα περιεχομένου", "it": "blocco di contenuto", "pl": "blok treści"},
		Comment: text{
			"en": "A quote or a section of a page of the platform, in one language (see mc:contentBlock).",
			"de": "Ein Zitat oder ein Abschnitt einer Seite der Plattform, in einer Sprache (siehe mc:contentBlock).",
			"es": "Una cita o una sección de una página de la plataforma, en un idioma (véase mc:contentBlock).",
			"fr": "Une citation ou une section d'une page de la plateforme, dans une langue (voir mc:contentBlock).",
			"el": "Ένα απόσπασμα ή μια ενότητα μιας σελίδας της πλατφόρμας, σε μία γλώσσα (βλ. mc:contentBlock).",
			"it": "Una citazione o una sezione di una pagina della piattaforma, in una lingua (vedi mc:contentBlock).",
			"pl": "Cytat lub sekcja strony platformy, w jednym języku (zob. mc:contentBlock).",
		},
		Example: "<https://data.moving-cities.eu/id/approach/palermo-charter> mc:contentBlock [ schema:inLanguage \"en\" ; schema:position 1 ;\n    mc:blockKind mc:blockKind-section ; schema:headline \"How it began\" ; schema:text \"In 2015 …\" ] .",
	})
	ContentBlock = def(&Term{NS: MC, Local: "contentBlock", Kind: ObjectProperty, Range: BlockClass,
		CloseMatch: []*Term{DCTermsHasPart},
		Label:      text{"en": "content block", "de": "Inhaltsblock", "es": "bloque de contenido", "fr": "bloc de contenu", "el": "ενότητα περιεχομένου", "it": "blocco di contenuto", "pl": "blok treści"},
		Comment: text{
			"en": "A quote or a section of the page the platform gives a municipality's case study or an approach: a blank node with schema:inLanguage, schema:position (from 1 within its language), mc:blockKind and schema:text, and a section's schema:headline or a quote's mc:quoteAuthor.",
			"de": "Ein Zitat oder ein Abschnitt der Seite, die die Plattform der Fallstudie einer Kommune oder einem Ansatz gibt: ein leerer Knoten mit schema:inLanguage, schema:position (ab 1 innerhalb seiner Sprache), mc:blockKind und schema:text sowie der schema:headline eines Abschnitts oder dem mc:quoteAuthor eines Zitats.",
			"es": "Una cita o una sección de la página que la plataforma dedica al estudio de caso de un municipio o a un enfoque: un nodo en blanco con schema:inLanguage, schema:position (desde 1 dentro de su idioma), mc:blockKind y schema:text, y el schema:headline de una sección o el mc:quoteAuthor de una cita.",
			"fr": "Une citation ou une section de la page que la plateforme consacre à l'étude de cas d'une commune ou à une approche : un nœud anonyme avec schema:inLanguage, schema:position (à partir de 1 dans sa langue), mc:blockKind et schema:text, et le schema:headline d'une section ou le mc:quoteAuthor d'une citation.",
			"el": "Ένα απόσπασμα ή μια ενότητα της σελίδας που αφιερώνει η πλατφόρμα στη μελέτη περίπτωσης ενός δήμου ή σε μια προσέγγιση: ένας κενός κόμβος με schema:inLanguage, schema:position (από 1 μέσα στη γλώσσα του), mc:blockKind και schema:text, και το schema:headline μιας ενότητας ή το mc:quoteAuthor ενός αποσπάσματος.",
			"it": "Una citazione o una sezione della pagina che la piattaforma dedica allo studio di caso di un comune o a un approccio: un nodo vuoto con schema:inLanguage, schema:position (da 1 nella sua lingua), mc:blockKind e schema:text, e lo schema:headline di una sezione o il mc:quoteAuthor di una citazione.",
			"pl": "Cytat lub sekcja strony, którą platforma poświęca studium przypadku gminy lub podejściu: pusty węzeł z schema:inLanguage, schema:position (od 1 w obrębie jego języka), mc:blockKind i schema:text oraz schema:headline sekcji lub mc:quoteAuthor cytatu.",
		},
		Example: "<https://data.moving-cities.eu/id/municipality/palermo> mc:contentBlock [\n    schema:inLanguage \"en\" ; schema:position 1 ; mc:blockKind mc:blockKind-quote ;\n    schema:text \"Mobility is a human right.\" ; mc:quoteAuthor \"Leoluca Orlando\" ] .",
	})
	BlockKindProp = def(&Term{NS: MC, Local: "blockKind", Kind: ObjectProperty, Domain: BlockClass, Range: SKOSConcept,
		CloseMatch: []*Term{DCTermsType},
		Label:      text{"en": "kind of block", "de": "Art des Blocks", "es": "tipo de bloque", "fr": "type de bloc", "el": "είδος ενότητας", "it": "tipo di blocco", "pl": "rodzaj bloku"},
		Comment: text{
			"en": "Whether a content block (mc:contentBlock) is a quote or a section: a concept of mc:BlockKindScheme.",
			"de": "Ob ein Inhaltsblock (mc:contentBlock) ein Zitat oder ein Abschnitt ist: ein Begriff aus mc:BlockKindScheme.",
			"es": "Si un bloque de contenido (mc:contentBlock) es una cita o una sección: un concepto de mc:BlockKindScheme.",
			"fr": "Si un bloc de contenu (mc:contentBlock) est une citation ou une section : un concept de mc:BlockKindScheme.",
			"el": "Αν μια ενότητα περιεχομένου (mc:contentBlock) είναι απόσπασμα ή ενότητα κειμένου: μια έννοια του mc:BlockKindScheme.",
			"it": "Se un blocco di contenuto (mc:contentBlock) è una citazione o una sezione: un concetto di mc:BlockKindScheme.",
			"pl": "Czy blok treści (mc:contentBlock) jest cytatem, czy sekcją: pojęcie z mc:BlockKindScheme.",
		},
		Example: "_:b1 mc:blockKind mc:blockKind-section .",
	})
	QuoteAuthor = def(&Term{NS: MC, Local: "quoteAuthor", Kind: DatatypeProperty, Domain: BlockClass, Range: XSDString,
		CloseMatch: []*Term{DCTermsCreator},
		Label:      text{"en": "quoted person", "de": "zitierte Person", "es": "persona citada", "fr": "personne citée", "el": "πρόσωπο που παρατίθεται", "it": "persona citata", "pl": "osoba cytowana"},
		Comment: text{
			"en": "The name of who said a quote (a content block of kind quote), as the platform gives it, often with their role.",
			"de": "Der Name dessen, der ein Zitat (einen Inhaltsblock der Art quote) gesagt hat, wie die Plattform ihn angibt, oft mit seiner Rolle.",
			"es": "El nombre de quien dijo una cita (un bloque de contenido de tipo quote), tal como lo da la plataforma, a menudo con su cargo.",
			"fr": "Le nom de la personne qui a prononcé une citation (un bloc de contenu de type quote), tel que la plateforme le donne, souvent avec sa fonction.",
			"el": "Το όνομα αυτού που είπε ένα απόσπασμα (ενότητα περιεχομένου του είδους quote), όπως το δίνει η πλατφόρμα, συχνά με τον ρόλο του.",
			"it": "Il nome di chi ha detto una citazione (un blocco di contenuto di tipo quote), come lo dà la piattaforma, spesso con il suo ruolo.",
			"pl": "Imię i nazwisko osoby, która wypowiedziała cytat (blok treści rodzaju quote), tak jak podaje je platforma, często z jej funkcją.",
		},
		Example: "_:b1 mc:quoteAuthor \"Leoluca Orlando, mayor of Palermo\" .",
	})

	BlockKindScheme = def(&Term{NS: MC, Local: "BlockKindScheme", Kind: ConceptScheme,
		Label: text{"en": "kinds of content block", "de": "Arten von Inhaltsblöcken", "es": "tipos de bloque de contenido", "fr": "types de bloc de contenu", "el": "είδη ενοτήτων περιεχομένου", "it": "tipi di blocco di contenuto", "pl": "rodzaje bloków treści"},
		Comment: text{"en": "The code list of mc:blockKind.", "de": "Die Codeliste von mc:blockKind.", "es": "La lista de códigos de mc:blockKind.", "fr": "La liste de codes de mc:blockKind.",
			"el": "Ο κατάλογος κωδικών του mc:blockKind.", "it": "L'elenco di codici di mc:blockKind.", "pl": "Lista kodów dla mc:blockKind."},
		Example: "mc:blockKind-quote skos:inScheme mc:BlockKindScheme .",
	})
	BlockQuote = code(BlockKindScheme, "blockKind", string(dataset.BlockQuote),
		text{"en": "quote", "de": "Zitat", "es": "cita", "fr": "citation", "el": "απόσπασμα", "it": "citazione", "pl": "cytat"},
		text{"en": "Words someone said about the municipality's or the approach's work, with their name.",
			"de": "Worte, die jemand über die Arbeit der Kommune oder des Ansatzes gesagt hat, mit seinem Namen.",
			"es": "Palabras que alguien dijo sobre el trabajo del municipio o del enfoque, con su nombre.",
			"fr": "Des mots que quelqu'un a dits sur le travail de la commune ou de l'approche, avec son nom.",
			"el": "Λόγια που είπε κάποιος για το έργο του δήμου ή της προσέγγισης, με το όνομά του.",
			"it": "Parole che qualcuno ha detto sul lavoro del comune o dell'approccio, con il suo nome.",
			"pl": "Słowa, które ktoś powiedział o pracy gminy lub o podejściu, wraz z jego nazwiskiem."})
	BlockSection = code(BlockKindScheme, "blockKind", string(dataset.BlockSection),
		text{"en": "section", "de": "Abschnitt", "es": "sección", "fr": "section", "el": "ενότητα", "it": "sezione", "pl": "sekcja"},
		text{"en": "A part of the page with a heading and a Markdown text.",
			"de": "Ein Teil der Seite mit einer Überschrift und einem Markdown-Text.",
			"es": "Una parte de la página con un título y un texto en Markdown.",
			"fr": "Une partie de la page avec un titre et un texte en Markdown.",
			"el": "Ένα μέρος της σελίδας με επικεφαλίδα και κείμενο Markdown.",
			"it": "Una parte della pagina con un titolo e un testo in Markdown.",
			"pl": "Część strony z nagłówkiem i tekstem w Markdown."})

	// BlockKinds is the code list of a block's kind.
	BlockKinds = &CodeList{Scheme: BlockKindScheme, Prefix: "blockKind", Codes: []*Term{BlockQuote, BlockSection}}
)

// blocksField is the content blocks of a municipality or an approach: one
// row each in the blocks table.
var blocksField = Field{Key: "blocks", Term: ContentBlock, Value: Object, Many: true, Table: "blocks", Fields: []Field{
	{Key: "lang", Term: SchemaInLanguage, Value: Literal, Datatype: XSDString, Column: "lang", Identifying: true},
	{Key: "position", Term: SchemaPosition, Value: Literal, Column: "position", Identifying: true},
	{Key: "kind", Term: BlockKindProp, Value: Code, Codes: BlockKinds, Column: "kind"},
	{Key: "title", Term: SchemaHeadline, Value: Literal, Datatype: XSDString, Column: "title"},
	{Key: "text", Term: SchemaText, Value: Literal, Datatype: XSDString, Column: "text"},
	{Key: "author", Term: QuoteAuthor, Value: Literal, Column: "author"},
}}
