package guide

// The guide's interface strings in the platform languages, in the order of
// dataset.Languages: en, de, es, fr, el, it, pl. The data's own texts
// (names, summaries) are printed as the data holds them.
var messages = map[string][7]string{
	"title":    {"Guide to solidarity-based municipalities", "Leitfaden für solidarische Kommunen", "Guía de municipios solidarios", "Guide des communes solidaires", "Οδηγός για αλληλέγγυους δήμους", "Guida ai comuni solidali", "Przewodnik po solidarnych gminach"},
	"subtitle": {"What European cities do for people on the move, and how to join them", "Was europäische Städte für Menschen auf der Flucht tun – und wie man mitmacht", "Lo que hacen las ciudades europeas por las personas migrantes y cómo sumarse", "Ce que font les villes européennes pour les personnes exilées, et comment les rejoindre", "Τι κάνουν οι ευρωπαϊκές πόλεις για τους ανθρώπους σε κίνηση και πώς να συμμετάσχετε", "Cosa fanno le città europee per le persone migranti e come unirsi a loro", "Co europejskie miasta robią dla osób w drodze i jak do nich dołączyć"},
	"intro":    {"Introduction", "Einleitung", "Introducción", "Introduction", "Εισαγωγή", "Introduzione", "Wprowadzenie"},
	"intro.text": {
		"Moving Cities collects open data on European municipalities that stand for a solidarity-based migration policy: the towns and cities themselves, the networks they form and the local approaches they put into practice. This guide is made from that data for mayors, municipal staff, members of parliament, civil society and journalists. It shows what municipalities already do, which approaches exist, which networks one can join and how to take part.",
		"Moving Cities sammelt offene Daten über europäische Kommunen, die für eine solidarische Migrationspolitik eintreten: über die Städte und Gemeinden selbst, die Netzwerke, die sie bilden, und die lokalen Ansätze, die sie umsetzen. Dieser Leitfaden entsteht aus diesen Daten und richtet sich an Bürgermeisterinnen und Bürgermeister, Verwaltung, Abgeordnete, Zivilgesellschaft und Presse. Er zeigt, was Kommunen schon tun, welche Ansätze es gibt, welchen Netzwerken man beitreten kann und wie man mitmacht.",
		"Moving Cities reúne datos abiertos sobre municipios europeos que defienden una política migratoria solidaria: las ciudades y pueblos, las redes que forman y los enfoques locales que aplican. Esta guía se genera a partir de esos datos para alcaldes, personal municipal, parlamentarios, sociedad civil y periodistas. Muestra lo que ya hacen los municipios, qué enfoques existen, a qué redes se puede adherir y cómo participar.",
		"Moving Cities rassemble des données ouvertes sur les communes européennes engagées pour une politique migratoire solidaire : les villes elles-mêmes, les réseaux qu'elles forment et les approches locales qu'elles mettent en œuvre. Ce guide est produit à partir de ces données pour les maires, les services municipaux, les parlementaires, la société civile et les journalistes. Il montre ce que font déjà les communes, quelles approches existent, quels réseaux rejoindre et comment participer.",
		"Το Moving Cities συγκεντρώνει ανοικτά δεδομένα για ευρωπαϊκούς δήμους που υποστηρίζουν μια αλληλέγγυα μεταναστευτική πολιτική: για τις ίδιες τις πόλεις, τα δίκτυα που σχηματίζουν και τις τοπικές προσεγγίσεις που εφαρμόζουν. Ο οδηγός αυτός παράγεται από τα δεδομένα αυτά για δημάρχους, δημοτικούς υπαλλήλους, βουλευτές, την κοινωνία των πολιτών και δημοσιογράφους. Δείχνει τι κάνουν ήδη οι δήμοι, ποιες προσεγγίσεις υπάρχουν, σε ποια δίκτυα μπορεί κανείς να ενταχθεί και πώς να συμμετάσχει.",
		"Moving Cities raccoglie dati aperti sui comuni europei che sostengono una politica migratoria solidale: le città stesse, le reti che formano e gli approcci locali che mettono in pratica. Questa guida è generata da quei dati per sindaci, personale comunale, parlamentari, società civile e giornalisti. Mostra cosa fanno già i comuni, quali approcci esistono, a quali reti aderire e come partecipare.",
		"Moving Cities gromadzi otwarte dane o europejskich gminach, które opowiadają się za solidarną polityką migracyjną: o samych miastach i gminach, o tworzonych przez nie sieciach i o wdrażanych przez nie podejściach lokalnych. Ten przewodnik powstaje z tych danych z myślą o burmistrzach, pracownikach samorządów, parlamentarzystach, społeczeństwie obywatelskim i dziennikarzach. Pokazuje, co gminy już robią, jakie podejścia istnieją, do jakich sieci można przystąpić i jak się zaangażować.",
	},
	"map":        {"Municipalities on the map", "Kommunen auf der Karte", "Municipios en el mapa", "Communes sur la carte", "Δήμοι στον χάρτη", "Comuni sulla mappa", "Gminy na mapie"},
	"map.count":  {"Municipalities: %d · countries: %d · networks: %d · approaches: %d", "Kommunen: %d · Länder: %d · Netzwerke: %d · Ansätze: %d", "Municipios: %d · países: %d · redes: %d · enfoques: %d", "Communes : %d · pays : %d · réseaux : %d · approches : %d", "Δήμοι: %d · χώρες: %d · δίκτυα: %d · προσεγγίσεις: %d", "Comuni: %d · paesi: %d · reti: %d · approcci: %d", "Gminy: %d · kraje: %d · sieci: %d · podejścia: %d"},
	"cases":      {"Case studies", "Fallstudien", "Casos de estudio", "Études de cas", "Μελέτες περίπτωσης", "Casi di studio", "Studia przypadków"},
	"approaches": {"Approaches by category", "Ansätze nach Kategorie", "Enfoques por categoría", "Approches par catégorie", "Προσεγγίσεις ανά κατηγορία", "Approcci per categoria", "Podejścia według kategorii"},
	"networks":   {"Networks and their members", "Netzwerke und ihre Mitglieder", "Redes y sus miembros", "Réseaux et leurs membres", "Δίκτυα και τα μέλη τους", "Reti e loro membri", "Sieci i ich członkowie"},
	"members":    {"Members: %d", "Mitglieder: %d", "Miembros: %d", "Membres : %d", "Μέλη: %d", "Membri: %d", "Członkowie: %d"},
	"founded":    {"Founded: %d", "Gegründet: %d", "Fundada: %d", "Fondé : %d", "Ίδρυση: %d", "Fondata: %d", "Założona: %d"},
	"join":       {"How a municipality takes part", "Wie eine Kommune mitmacht", "Cómo participa un municipio", "Comment une commune participe", "Πώς συμμετέχει ένας δήμος", "Come partecipa un comune", "Jak gmina może wziąć udział"},
	"join.text": {
		"A municipality that takes in people on the move, joins a network or starts a local approach can be listed. Send us its name, its country, what it does and a public source (a council decision, a press release, a web page) through the form “Add your city” on the platform. Every record cites its sources; we check them before publishing, and you can ask for corrections at any time.",
		"Eine Kommune, die Geflüchtete aufnimmt, einem Netzwerk beitritt oder einen lokalen Ansatz beginnt, kann aufgenommen werden. Schicken Sie uns über das Formular „Stadt hinzufügen“ auf der Plattform ihren Namen, ihr Land, was sie tut, und eine öffentliche Quelle (Ratsbeschluss, Pressemitteilung, Webseite). Jeder Eintrag nennt seine Quellen; wir prüfen sie vor der Veröffentlichung, und Korrekturen sind jederzeit möglich.",
		"Un municipio que acoge a personas migrantes, se une a una red o pone en marcha un enfoque local puede aparecer aquí. Envíenos su nombre, su país, lo que hace y una fuente pública (un acuerdo del pleno, una nota de prensa, una página web) mediante el formulario «Añade tu ciudad» de la plataforma. Cada registro cita sus fuentes; las comprobamos antes de publicar y se pueden pedir correcciones en cualquier momento.",
		"Une commune qui accueille des personnes exilées, rejoint un réseau ou lance une approche locale peut être référencée. Envoyez-nous son nom, son pays, ce qu'elle fait et une source publique (délibération du conseil, communiqué, page web) via le formulaire « Ajoutez votre ville » de la plateforme. Chaque fiche cite ses sources ; nous les vérifions avant publication, et des corrections peuvent être demandées à tout moment.",
		"Ένας δήμος που υποδέχεται ανθρώπους σε κίνηση, εντάσσεται σε ένα δίκτυο ή ξεκινά μια τοπική προσέγγιση μπορεί να καταχωριστεί. Στείλτε μας το όνομά του, τη χώρα, τι κάνει και μια δημόσια πηγή (απόφαση δημοτικού συμβουλίου, δελτίο τύπου, ιστοσελίδα) μέσω της φόρμας «Προσθέστε την πόλη σας» στην πλατφόρμα. Κάθε εγγραφή αναφέρει τις πηγές της· τις ελέγχουμε πριν από τη δημοσίευση και μπορείτε να ζητήσετε διορθώσεις ανά πάσα στιγμή.",
		"Un comune che accoglie persone migranti, aderisce a una rete o avvia un approccio locale può essere inserito. Inviateci il nome, il paese, cosa fa e una fonte pubblica (delibera del consiglio, comunicato stampa, pagina web) tramite il modulo «Aggiungi la tua città» sulla piattaforma. Ogni scheda cita le sue fonti; le verifichiamo prima della pubblicazione e si possono chiedere correzioni in qualsiasi momento.",
		"Gmina, która przyjmuje osoby w drodze, przystępuje do sieci lub rozpoczyna lokalne podejście, może zostać wpisana. Prześlij nam jej nazwę, kraj, opis działań i publiczne źródło (uchwałę rady, komunikat prasowy, stronę internetową) przez formularz „Dodaj swoje miasto” na platformie. Każdy wpis podaje swoje źródła; sprawdzamy je przed publikacją, a poprawki można zgłaszać w każdej chwili.",
	},
	"cite": {"Citing and reusing the data", "Daten zitieren und weiterverwenden", "Citar y reutilizar los datos", "Citer et réutiliser les données", "Παραπομπή και επαναχρησιμοποίηση των δεδομένων", "Citare e riutilizzare i dati", "Cytowanie i ponowne wykorzystanie danych"},
	"cite.text": {
		"The data is published under the licence CC BY 4.0: you may copy, change and share it, also commercially, as long as you name Moving Cities as the source. Please cite the revision you used:",
		"Die Daten stehen unter der Lizenz CC BY 4.0: Sie dürfen sie kopieren, verändern und weitergeben, auch kommerziell, wenn Sie Moving Cities als Quelle nennen. Bitte zitieren Sie die verwendete Revision:",
		"Los datos se publican con la licencia CC BY 4.0: puede copiarlos, modificarlos y compartirlos, también con fines comerciales, siempre que cite a Moving Cities como fuente. Cite la revisión que utilizó:",
		"Les données sont publiées sous licence CC BY 4.0 : vous pouvez les copier, les modifier et les partager, y compris commercialement, en citant Moving Cities comme source. Merci de citer la révision utilisée :",
		"Τα δεδομένα δημοσιεύονται με την άδεια CC BY 4.0: μπορείτε να τα αντιγράψετε, να τα τροποποιήσετε και να τα διαμοιραστείτε, και για εμπορικούς σκοπούς, αρκεί να αναφέρετε το Moving Cities ως πηγή. Παρακαλούμε αναφέρετε την αναθεώρηση που χρησιμοποιήσατε:",
		"I dati sono pubblicati con licenza CC BY 4.0: potete copiarli, modificarli e condividerli, anche a fini commerciali, citando Moving Cities come fonte. Citate la revisione che avete usato:",
		"Dane są publikowane na licencji CC BY 4.0: można je kopiować, zmieniać i udostępniać, także komercyjnie, pod warunkiem wskazania Moving Cities jako źródła. Prosimy cytować użytą wersję:",
	},
	"cite.links":    {"Where to find the data", "Wo die Daten zu finden sind", "Dónde encontrar los datos", "Où trouver les données", "Πού θα βρείτε τα δεδομένα", "Dove trovare i dati", "Gdzie znaleźć dane"},
	"links.pages":   {"Web pages", "Webseiten", "Páginas web", "Pages web", "Ιστοσελίδες", "Pagine web", "Strony internetowe"},
	"links.dumps":   {"Downloads (CSV, Parquet, RDF, PDF)", "Downloads (CSV, Parquet, RDF, PDF)", "Descargas (CSV, Parquet, RDF, PDF)", "Téléchargements (CSV, Parquet, RDF, PDF)", "Λήψεις (CSV, Parquet, RDF, PDF)", "Download (CSV, Parquet, RDF, PDF)", "Pliki do pobrania (CSV, Parquet, RDF, PDF)"},
	"links.api":     {"REST API", "REST-API", "API REST", "API REST", "REST API", "API REST", "REST API"},
	"revision":      {"Data revision %d of %s", "Datenstand: Revision %d vom %s", "Revisión de datos %d del %s", "Révision des données %d du %s", "Αναθεώρηση δεδομένων %d της %s", "Revisione dei dati %d del %s", "Wersja danych %d z %s"},
	"page":          {"Page %s of %s", "Seite %s von %s", "Página %s de %s", "Page %s sur %s", "Σελίδα %s από %s", "Pagina %s di %s", "Strona %s z %s"},
	"country":       {"Country", "Land", "País", "Pays", "Χώρα", "Paese", "Kraj"},
	"names":         {"Names", "Namen", "Nombres", "Noms", "Ονόματα", "Nomi", "Nazwy"},
	"population":    {"Population", "Einwohner", "Población", "Population", "Πληθυσμός", "Popolazione", "Ludność"},
	"memberships":   {"Networks", "Netzwerke", "Redes", "Réseaux", "Δίκτυα", "Reti", "Sieci"},
	"since":         {"since %s", "seit %s", "desde %s", "depuis %s", "από %s", "dal %s", "od %s"},
	"until":         {"until %s", "bis %s", "hasta %s", "jusqu'à %s", "έως %s", "fino al %s", "do %s"},
	"local":         {"Local approaches", "Lokale Ansätze", "Enfoques locales", "Approches locales", "Τοπικές προσεγγίσεις", "Approcci locali", "Podejścia lokalne"},
	"sources":       {"Sources", "Quellen", "Fuentes", "Sources", "Πηγές", "Fonti", "Źródła"},
	"record":        {"Record", "Datensatz", "Registro", "Fiche", "Εγγραφή", "Scheda", "Rekord"},
	"profile":       {"City profile", "Stadtprofil", "Perfil municipal", "Profil de ville", "Προφίλ πόλης", "Profilo della città", "Profil miasta"},
	"profiles":      {"City profiles", "Stadtprofile", "Perfiles municipales", "Profils de villes", "Προφίλ πόλεων", "Profili delle città", "Profile miast"},
	"more":          {"… and %d more", "… und %d weitere", "… y %d más", "… et %d de plus", "… και %d ακόμη", "… e altri %d", "… i %d więcej"},
	"profiles.more": {"The profiles of the other %d municipalities are made on request, from the data in force: %s/municipalities/{id}/profile.pdf", "Die Profile der übrigen %d Kommunen entstehen auf Anfrage aus den geltenden Daten: %s/municipalities/{id}/profile.pdf", "Los perfiles de los otros %d municipios se generan a petición, con los datos vigentes: %s/municipalities/{id}/profile.pdf", "Les profils des %d autres communes sont produits à la demande, à partir des données en vigueur : %s/municipalities/{id}/profile.pdf", "Τα προφίλ των υπόλοιπων %d δήμων παράγονται κατόπιν αιτήματος, από τα ισχύοντα δεδομένα: %s/municipalities/{id}/profile.pdf", "I profili degli altri %d comuni sono generati su richiesta, dai dati in vigore: %s/municipalities/{id}/profile.pdf", "Profile pozostałych %d gmin powstają na żądanie z aktualnych danych: %s/municipalities/{id}/profile.pdf"},
	"none":          {"None recorded.", "Keine erfasst.", "Ninguno registrado.", "Aucun enregistré.", "Δεν έχει καταγραφεί.", "Nessuno registrato.", "Brak wpisów."},
	"started":       {"started %d", "seit %d", "desde %d", "depuis %d", "από το %d", "dal %d", "od %d"},
}

// msg returns the string key in lang, English when lang is not a
// platform language.
func msg(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		panic("guide: no message " + key)
	}
	return m[langIndex(lang)]
}
