package vocab

// The case-study content of a municipality's page on the platform
// (dataset.CityContent, issue 15): one language-tagged literal per
// language of each text. Kept apart from terms.go so that the terms of
// other content (approaches, countries) can grow beside them.

// SchemaSlogan is the municipality's tagline (its subtitle on the
// platform's page).
var SchemaSlogan = def(&Term{NS: Schema, Local: "slogan", Kind: DatatypeProperty, Range: RDFLangString,
	Label:   text{"en": "subtitle", "de": "Untertitel", "es": "subtítulo", "fr": "sous-titre", "el": "υπότιτλος", "it": "sottotitolo", "pl": "podtytuł"},
	Comment: text{"en": "The tagline under a municipality's name on the platform's page (schema.org slogan).", "de": "Die Zeile unter dem Namen einer Kommune auf der Seite der Plattform (schema.org-Slogan)."}})

// cityText defines one of our properties of a municipality whose values
// are language-tagged texts.
func cityText(local string, rel func(*Term), label, comment text, example string) *Term {
	t := &Term{NS: MC, Local: local, Kind: DatatypeProperty, Domain: Municipality, Range: RDFLangString,
		Label: label, Comment: comment, Example: example}
	rel(t)
	return def(t)
}

var (
	SummaryTitle = cityText("summaryTitle", func(t *Term) { t.CloseMatch = []*Term{DCTermsTitle} },
		text{"en": "summary heading", "de": "Überschrift der Zusammenfassung", "es": "título del resumen", "fr": "titre du résumé", "el": "τίτλος της περίληψης", "it": "titolo della sintesi", "pl": "tytuł streszczenia"},
		text{
			"en": "The heading the platform gives a municipality's summary (its dcterms:abstract) on the municipality's page.",
			"de": "Die Überschrift, die die Plattform der Zusammenfassung einer Kommune (ihrem dcterms:abstract) auf deren Seite gibt.",
			"es": "El título que la plataforma da al resumen de un municipio (su dcterms:abstract) en la página del municipio.",
			"fr": "Le titre que la plateforme donne au résumé d'une commune (son dcterms:abstract) sur la page de la commune.",
			"el": "Ο τίτλος που δίνει η πλατφόρμα στην περίληψη ενός δήμου (το dcterms:abstract του) στη σελίδα του δήμου.",
			"it": "Il titolo che la piattaforma dà alla sintesi di un comune (il suo dcterms:abstract) nella pagina del comune.",
			"pl": "Nagłówek, który platforma nadaje streszczeniu gminy (jej dcterms:abstract) na stronie gminy.",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:summaryTitle \"A port that says welcome\"@en .")
	Reasoning = cityText("reasoning", func(t *Term) { t.SubOf = []*Term{DCTermsDescription} },
		text{"en": "reasoning", "de": "Begründung", "es": "motivación", "fr": "motivation", "el": "σκεπτικό", "it": "motivazione", "pl": "uzasadnienie"},
		text{
			"en": "Why the municipality pursues its migration policy, as the platform's case study explains it (Markdown).",
			"de": "Warum die Kommune ihre Migrationspolitik verfolgt, wie die Fallstudie der Plattform es erklärt (Markdown).",
			"es": "Por qué el municipio sigue su política migratoria, tal como lo explica el estudio de caso de la plataforma (Markdown).",
			"fr": "Pourquoi la commune mène sa politique migratoire, tel que l'explique l'étude de cas de la plateforme (Markdown).",
			"el": "Γιατί ο δήμος ακολουθεί τη μεταναστευτική του πολιτική, όπως το εξηγεί η μελέτη περίπτωσης της πλατφόρμας (Markdown).",
			"it": "Perché il comune persegue la sua politica migratoria, come lo spiega lo studio di caso della piattaforma (Markdown).",
			"pl": "Dlaczego gmina prowadzi swoją politykę migracyjną, tak jak wyjaśnia to studium przypadku platformy (Markdown).",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:reasoning \"Mobility is a human right.\"@en .")
	ReportTitle = cityText("reportTitle", func(t *Term) { t.CloseMatch = []*Term{DCTermsTitle} },
		text{"en": "report title", "de": "Titel des Berichts", "es": "título del informe", "fr": "titre du rapport", "el": "τίτλος της έκθεσης", "it": "titolo del rapporto", "pl": "tytuł raportu"},
		text{
			"en": "The title of the report the platform published about the municipality.",
			"de": "Der Titel des Berichts, den die Plattform über die Kommune veröffentlicht hat.",
			"es": "El título del informe que la plataforma publicó sobre el municipio.",
			"fr": "Le titre du rapport que la plateforme a publié sur la commune.",
			"el": "Ο τίτλος της έκθεσης που δημοσίευσε η πλατφόρμα για τον δήμο.",
			"it": "Il titolo del rapporto che la piattaforma ha pubblicato sul comune.",
			"pl": "Tytuł raportu, który platforma opublikowała o gminie.",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:reportTitle \"Palermo: the full report\"@en .")
	ReportIntro = cityText("reportIntro", func(t *Term) { t.CloseMatch = []*Term{DCTermsDescription} },
		text{"en": "report introduction", "de": "Einleitung des Berichts", "es": "introducción del informe", "fr": "introduction du rapport", "el": "εισαγωγή της έκθεσης", "it": "introduzione del rapporto", "pl": "wprowadzenie do raportu"},
		text{
			"en": "The text that introduces the municipality's report on its page (Markdown).",
			"de": "Der Text, der den Bericht über die Kommune auf ihrer Seite einleitet (Markdown).",
			"es": "El texto que presenta el informe del municipio en su página (Markdown).",
			"fr": "Le texte qui présente le rapport de la commune sur sa page (Markdown).",
			"el": "Το κείμενο που παρουσιάζει την έκθεση του δήμου στη σελίδα του (Markdown).",
			"it": "Il testo che presenta il rapporto del comune nella sua pagina (Markdown).",
			"pl": "Tekst wprowadzający raport gminy na jej stronie (Markdown).",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:reportIntro \"What the city did, step by step.\"@en .")
	ReportFile = cityText("reportFile", func(t *Term) { t.CloseMatch = []*Term{SchemaContentURL} },
		text{"en": "report file", "de": "Berichtsdatei", "es": "archivo del informe", "fr": "fichier du rapport", "el": "αρχείο της έκθεσης", "it": "file del rapporto", "pl": "plik raportu"},
		text{
			"en": "The web address of the municipality's report file in the language of the literal (the platform gives one file per language).",
			"de": "Die Webadresse der Berichtsdatei der Kommune in der Sprache des Literals (die Plattform hat eine Datei je Sprache).",
			"es": "La dirección web del archivo del informe del municipio en el idioma del literal (la plataforma da un archivo por idioma).",
			"fr": "L'adresse web du fichier du rapport de la commune dans la langue du littéral (la plateforme donne un fichier par langue).",
			"el": "Η διεύθυνση ιστού του αρχείου της έκθεσης του δήμου στη γλώσσα του λεκτικού (η πλατφόρμα δίνει ένα αρχείο ανά γλώσσα).",
			"it": "L'indirizzo web del file del rapporto del comune nella lingua del letterale (la piattaforma fornisce un file per lingua).",
			"pl": "Adres internetowy pliku raportu gminy w języku literału (platforma podaje jeden plik na język).",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:reportFile \"https://moving-cities.eu/uploads/palermo.pdf\"@en .")
	// ContentOrigin is the origin of all the texts above in one language:
	// the CMS gives them together.
	ContentOrigin = cityText("contentOrigin", func(*Term) {},
		text{"en": "origin of the case-study content", "de": "Herkunft: Inhalte der Fallstudie", "es": "origen: contenido del estudio de caso", "fr": "origine : contenu de l'étude de cas", "el": "προέλευση: περιεχόμενο της μελέτης περίπτωσης", "it": "origine: contenuti dello studio di caso", "pl": "pochodzenie: treść studium przypadku"},
		text{
			"en": "Where the case-study texts of a municipality (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) in the language of this literal came from: \"platform\", \"own\" or \"translation\", as for mc:summaryOrigin.",
			"de": "Woher die Texte der Fallstudie einer Kommune (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) in der Sprache dieses Literals stammen: \"platform\", \"own\" oder \"translation\", wie bei mc:summaryOrigin.",
			"es": "De dónde proceden los textos del estudio de caso de un municipio (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) en el idioma de este literal: \"platform\", \"own\" o \"translation\", como en mc:summaryOrigin.",
			"fr": "D'où viennent les textes de l'étude de cas d'une commune (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) dans la langue de ce littéral : \"platform\", \"own\" ou \"translation\", comme pour mc:summaryOrigin.",
			"el": "Από πού προέρχονται τα κείμενα της μελέτης περίπτωσης ενός δήμου (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) στη γλώσσα αυτού του λεκτικού: \"platform\", \"own\" ή \"translation\", όπως στο mc:summaryOrigin.",
			"it": "Da dove provengono i testi dello studio di caso di un comune (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) nella lingua di questo letterale: \"platform\", \"own\" o \"translation\", come per mc:summaryOrigin.",
			"pl": "Skąd pochodzą teksty studium przypadku gminy (schema:slogan, mc:summaryTitle, mc:reasoning, mc:reportTitle, mc:reportIntro, mc:reportFile) w języku tego literału: \"platform\", \"own\" lub \"translation\", jak w mc:summaryOrigin.",
		},
		"<https://data.moving-cities.eu/id/municipality/palermo> mc:reasoning \"Mobility is a human right.\"@en ;\n    mc:contentOrigin \"platform\"@en .")
)

// Takeaway is one key point of a case study: the platform's list, one
// literal each (their order is the JSON's and the tables').
var Takeaway = cityText("takeaway", func(t *Term) { t.CloseMatch = []*Term{DCTermsAbstract} },
	text{"en": "key takeaway", "de": "Kernaussage", "es": "conclusión clave", "fr": "point clé", "el": "βασικό συμπέρασμα", "it": "punto chiave", "pl": "najważniejszy wniosek"},
	text{
		"en": "One key point of the municipality's case study on the platform (Markdown); a municipality has several, in each language.",
		"de": "Eine Kernaussage der Fallstudie der Kommune auf der Plattform (Markdown); eine Kommune hat mehrere, in jeder Sprache.",
		"es": "Una conclusión clave del estudio de caso del municipio en la plataforma (Markdown); un municipio tiene varias, en cada idioma.",
		"fr": "Un point clé de l'étude de cas de la commune sur la plateforme (Markdown) ; une commune en a plusieurs, dans chaque langue.",
		"el": "Ένα βασικό συμπέρασμα της μελέτης περίπτωσης του δήμου στην πλατφόρμα (Markdown)· ένας δήμος έχει πολλά, σε κάθε γλώσσα.",
		"it": "Un punto chiave dello studio di caso del comune sulla piattaforma (Markdown); un comune ne ha diversi, in ogni lingua.",
		"pl": "Jeden z najważniejszych wniosków studium przypadku gminy na platformie (Markdown); gmina ma ich kilka, w każdym języku.",
	},
	"<https://data.moving-cities.eu/id/municipality/palermo> mc:takeaway \"A charter for the right to move\"@en, \"Una carta per il diritto alla mobilità\"@it .")

// cityContentFields are the municipality's fields of dataset.CityContent.
var cityContentFields = []Field{
	{Key: "subtitle", Term: SchemaSlogan, Value: LangMap, Column: "subtitle_{lang}"},
	{Key: "summary_title", Term: SummaryTitle, Value: LangMap, Column: "summary_title_{lang}"},
	{Key: "reasoning", Term: Reasoning, Value: LangMap, Column: "reasoning_{lang}"},
	{Key: "report_title", Term: ReportTitle, Value: LangMap, Column: "report_title_{lang}"},
	{Key: "report_intro", Term: ReportIntro, Value: LangMap, Column: "report_intro_{lang}"},
	{Key: "report_file", Term: ReportFile, Value: LangMap, Column: "report_file_{lang}"},
	// One row each in the names table (kind "takeaway"), in order.
	{Key: "takeaways", Term: Takeaway, Value: LangPairs, Many: true, PairValue: "text", Column: "takeaways"},
	{Key: "content_origin", Term: ContentOrigin, Value: LangMap, Column: "content_origin_{lang}"},
}
