package pages

import (
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The interface strings, in the platform languages in the order of
// Languages: en, de, es, fr, el, it, pl. Property names are not here:
// they come from the vocabulary (see labels.go). Formatted messages take
// their arguments in the order shown in English; numbers are written in
// each language's style (printerFor). Counts are written "label: n", so
// that no language needs plural forms.
var messages = map[string][7]string{
	"skip":                {"Skip to content", "Zum Inhalt springen", "Saltar al contenido", "Aller au contenu", "Μετάβαση στο περιεχόμενο", "Vai al contenuto", "Przejdź do treści"},
	"nav.label":           {"Main", "Hauptnavigation", "Principal", "Principale", "Κύρια πλοήγηση", "Principale", "Główna"},
	"nav.home":            {"Home", "Startseite", "Inicio", "Accueil", "Αρχική", "Home", "Strona główna"},
	"nav.browse":          {"Browse", "Durchsuchen", "Explorar", "Parcourir", "Περιήγηση", "Sfoglia", "Przeglądaj"},
	"nav.map":             {"Map", "Karte", "Mapa", "Carte", "Χάρτης", "Mappa", "Mapa"},
	"nav.search":          {"Search", "Suche", "Búsqueda", "Recherche", "Αναζήτηση", "Ricerca", "Wyszukiwanie"},
	"nav.downloads":       {"Downloads", "Downloads", "Descargas", "Téléchargements", "Λήψεις", "Download", "Pliki do pobrania"},
	"nav.api":             {"API", "API", "API", "API", "API", "API", "API"},
	"nav.vocab":           {"Vocabulary", "Vokabular", "Vocabulario", "Vocabulaire", "Λεξιλόγιο", "Vocabolario", "Słownik"},
	"nav.catalog":         {"Data catalogue (DCAT-AP)", "Datenkatalog (DCAT-AP)", "Catálogo de datos (DCAT-AP)", "Catalogue de données (DCAT-AP)", "Κατάλογος δεδομένων (DCAT-AP)", "Catalogo dei dati (DCAT-AP)", "Katalog danych (DCAT-AP)"},
	"nav.reconcile":       {"Reconciliation service", "Abgleichsdienst", "Servicio de conciliación", "Service de réconciliation", "Υπηρεσία αντιστοίχισης", "Servizio di riconciliazione", "Usługa uzgadniania"},
	"nav.openapi":         {"OpenAPI description", "OpenAPI-Beschreibung", "Descripción OpenAPI", "Description OpenAPI", "Περιγραφή OpenAPI", "Descrizione OpenAPI", "Opis OpenAPI"},
	"search.label":        {"Search the data", "Daten durchsuchen", "Buscar en los datos", "Rechercher dans les données", "Αναζήτηση στα δεδομένα", "Cerca nei dati", "Szukaj w danych"},
	"search.button":       {"Search", "Suchen", "Buscar", "Rechercher", "Αναζήτηση", "Cerca", "Szukaj"},
	"search.heading":      {"Search", "Suche", "Búsqueda", "Recherche", "Αναζήτηση", "Ricerca", "Wyszukiwanie"},
	"search.hint":         {"Names in any language and script: “munchen”, “Munich” and “München” all find Munich.", "Namen in jeder Sprache und Schrift: „munchen“, „Munich“ und „München“ finden alle München.", "Nombres en cualquier idioma y alfabeto: «munchen», «Munich» y «München» encuentran Múnich.", "Noms dans toute langue et toute écriture : « munchen », « Munich » et « München » trouvent tous Munich.", "Ονόματα σε κάθε γλώσσα και γραφή: «munchen», «Munich» και «München» βρίσκουν όλα το Μόναχο.", "Nomi in qualsiasi lingua e alfabeto: «munchen», «Munich» e «München» trovano tutti Monaco di Baviera.", "Nazwy w dowolnym języku i alfabecie: „munchen”, „Munich” i „München” znajdą Monachium."},
	"search.total":        {"Records found: %d for “%s”", "Gefundene Einträge: %d für „%s“", "Registros encontrados: %d para «%s»", "Fiches trouvées : %d pour « %s »", "Εγγραφές που βρέθηκαν: %d για «%s»", "Schede trovate: %d per «%s»", "Znalezione rekordy: %d dla „%s”"},
	"search.more":         {"Show all (%d) in %s", "Alle anzeigen (%d) in %s", "Ver todos (%d) en %s", "Tout afficher (%d) dans %s", "Εμφάνιση όλων (%d) σε %s", "Mostra tutti (%d) in %s", "Pokaż wszystkie (%d) w: %s"},
	"lang.label":          {"Language", "Sprache", "Idioma", "Langue", "Γλώσσα", "Lingua", "Język"},
	"footer.about":        {"Open data on European municipalities that support a solidarity-based migration policy, the city networks they form and the local approaches they implemented.", "Offene Daten über europäische Kommunen mit solidarischer Migrationspolitik, die Städtenetzwerke, die sie bilden, und die lokalen Ansätze, die sie umgesetzt haben.", "Datos abiertos sobre municipios europeos con una política migratoria solidaria, las redes de ciudades que forman y los enfoques locales que han puesto en marcha.", "Données ouvertes sur les communes européennes qui mènent une politique migratoire solidaire, les réseaux de villes qu'elles forment et les approches locales qu'elles ont mises en œuvre.", "Ανοικτά δεδομένα για ευρωπαϊκούς δήμους που στηρίζουν μια αλληλέγγυα μεταναστευτική πολιτική, τα δίκτυα πόλεων που σχηματίζουν και τις τοπικές προσεγγίσεις που εφάρμοσαν.", "Dati aperti sui comuni europei che sostengono una politica migratoria solidale, le reti di città che formano e gli approcci locali che hanno attuato.", "Otwarte dane o europejskich gminach prowadzących solidarną politykę migracyjną, tworzonych przez nie sieciach miast i wdrożonych podejściach lokalnych."},
	"footer.licence":      {"Data licensed under", "Daten lizenziert unter", "Datos con licencia", "Données sous licence", "Δεδομένα με άδεια", "Dati con licenza", "Dane na licencji"},
	"footer.publisher":    {"published by", "herausgegeben von", "publicados por", "publiées par", "δημοσιεύονται από", "pubblicati da", "publikowane przez"},
	"footer.version":      {"Service version", "Dienstversion", "Versión del servicio", "Version du service", "Έκδοση υπηρεσίας", "Versione del servizio", "Wersja usługi"},
	"fallback.badge":      {"in English", "auf Englisch", "en inglés", "en anglais", "στα αγγλικά", "in inglese", "po angielsku"},
	"fallback.text":       {"Shown in English.", "Nicht auf Deutsch verfügbar; hier auf Englisch.", "No disponible en español; se muestra en inglés.", "Non disponible en français ; affiché en anglais.", "Δεν είναι διαθέσιμο στα ελληνικά· εμφανίζεται στα αγγλικά.", "Non disponibile in italiano; mostrato in inglese.", "Niedostępne po polsku; wyświetlono po angielsku."},
	"fallback.notice":     {"Some texts on this page are not available in English.", "Einige Texte dieser Seite liegen nicht auf Deutsch vor und werden auf Englisch gezeigt.", "Algunos textos de esta página no están disponibles en español y se muestran en inglés.", "Certains textes de cette page ne sont pas disponibles en français et sont affichés en anglais.", "Ορισμένα κείμενα αυτής της σελίδας δεν είναι διαθέσιμα στα ελληνικά και εμφανίζονται στα αγγλικά.", "Alcuni testi di questa pagina non sono disponibili in italiano e sono mostrati in inglese.", "Niektóre teksty na tej stronie nie są dostępne po polsku i są wyświetlane po angielsku."},
	"fallback.page":       {"The content of this page is available in English only.", "Der Inhalt dieser Seite liegt nur auf Englisch vor.", "El contenido de esta página solo está disponible en inglés.", "Le contenu de cette page n'est disponible qu'en anglais.", "Το περιεχόμενο αυτής της σελίδας είναι διαθέσιμο μόνο στα αγγλικά.", "Il contenuto di questa pagina è disponibile solo in inglese.", "Treść tej strony jest dostępna tylko po angielsku."},
	"fallback.page.other": {"The content of this page is in %s.", "Der Inhalt dieser Seite ist in der Sprache: %s.", "El contenido de esta página está en: %s.", "Le contenu de cette page est en : %s.", "Το περιεχόμενο αυτής της σελίδας είναι στη γλώσσα: %s.", "Il contenuto di questa pagina è in: %s.", "Treść tej strony jest w języku: %s."},
	"pager.label":         {"Pages", "Seiten", "Páginas", "Pages", "Σελίδες", "Pagine", "Strony"},
	"pager.prev":          {"Previous page", "Vorherige Seite", "Página anterior", "Page précédente", "Προηγούμενη σελίδα", "Pagina precedente", "Poprzednia strona"},
	"pager.next":          {"Next page", "Nächste Seite", "Página siguiente", "Page suivante", "Επόμενη σελίδα", "Pagina successiva", "Następna strona"},
	"crumbs.label":        {"You are here", "Sie sind hier", "Está aquí", "Vous êtes ici", "Βρίσκεστε εδώ", "Sei qui", "Jesteś tutaj"},
	"error.heading":       {"Something went wrong", "Etwas ist schiefgelaufen", "Algo ha fallado", "Une erreur s'est produite", "Κάτι πήγε στραβά", "Qualcosa è andato storto", "Coś poszło nie tak"},
	"error.notfound":      {"Page not found", "Seite nicht gefunden", "Página no encontrada", "Page introuvable", "Η σελίδα δεν βρέθηκε", "Pagina non trovata", "Nie znaleziono strony"},
	"error.gone":          {"This record was removed", "Dieser Eintrag wurde entfernt", "Este registro se ha eliminado", "Cette fiche a été supprimée", "Αυτή η εγγραφή αφαιρέθηκε", "Questa scheda è stata rimossa", "Ten rekord został usunięty"},
	"error.home":          {"Go to the home page", "Zur Startseite", "Ir a la página de inicio", "Aller à l'accueil", "Μετάβαση στην αρχική σελίδα", "Vai alla home page", "Przejdź do strony głównej"},
	"yes":                 {"yes", "ja", "sí", "oui", "ναι", "sì", "tak"},
	"no":                  {"no", "nein", "no", "non", "όχι", "no", "nie"},
	"date.unknown":        {"unknown", "unbekannt", "desconocida", "inconnue", "άγνωστη", "sconosciuta", "nieznana"},
	"date.attested":       {"not known; a member by %s", "unbekannt; Mitglied spätestens %s", "desconocida; miembro a más tardar en %s", "inconnue ; membre au plus tard en %s", "άγνωστη· μέλος το αργότερο %s", "sconosciuta; membro al più tardi da %s", "nieznana; członek najpóźniej od %s"},
	"date.none":           {"no end date recorded", "kein Enddatum erfasst", "sin fecha de fin registrada", "aucune date de fin enregistrée", "δεν έχει καταγραφεί ημερομηνία λήξης", "nessuna data di fine registrata", "brak zapisanej daty zakończenia"},

	"type.municipality":  {"Municipality", "Kommune", "Municipio", "Commune", "Δήμος", "Comune", "Gmina"},
	"type.network":       {"City network", "Städtenetzwerk", "Red de ciudades", "Réseau de villes", "Δίκτυο πόλεων", "Rete di città", "Sieć miast"},
	"type.approach":      {"Local approach", "Lokaler Ansatz", "Enfoque local", "Approche locale", "Τοπική προσέγγιση", "Approccio locale", "Podejście lokalne"},
	"type.category":      {"Category", "Kategorie", "Categoría", "Catégorie", "Κατηγορία", "Categoria", "Kategoria"},
	"type.country":       {"Country", "Staat", "País", "Pays", "Χώρα", "Paese", "Państwo"},
	"type.membership":    {"Membership", "Mitgliedschaft", "Membresía", "Adhésion", "Ιδιότητα μέλους", "Adesione", "Członkostwo"},
	"types.municipality": {"Municipalities", "Kommunen", "Municipios", "Communes", "Δήμοι", "Comuni", "Gminy"},
	"types.network":      {"City networks", "Städtenetzwerke", "Redes de ciudades", "Réseaux de villes", "Δίκτυα πόλεων", "Reti di città", "Sieci miast"},
	"types.approach":     {"Local approaches", "Lokale Ansätze", "Enfoques locales", "Approches locales", "Τοπικές προσεγγίσεις", "Approcci locali", "Podejścia lokalne"},
	"types.category":     {"Categories", "Kategorien", "Categorías", "Catégories", "Κατηγορίες", "Categorie", "Kategorie"},
	"types.country":      {"Countries", "Staaten", "Países", "Pays", "Χώρες", "Paesi", "Państwa"},
	"types.membership":   {"Memberships", "Mitgliedschaften", "Membresías", "Adhésions", "Ιδιότητες μέλους", "Adesioni", "Członkostwa"},

	"badge.featured":             {"Case study", "Fallstudie", "Estudio de caso", "Étude de cas", "Μελέτη περίπτωσης", "Caso di studio", "Studium przypadku"},
	"badge.unknown":              {"Current participation unknown", "Aktuelle Mitwirkung unbekannt", "Participación actual desconocida", "Participation actuelle inconnue", "Άγνωστη η τρέχουσα συμμετοχή", "Partecipazione attuale sconosciuta", "Obecny udział nieznany"},
	"badge.withdrawn":            {"No longer listed", "Nicht mehr aufgeführt", "Ya no figura", "Plus répertoriée", "Δεν καταγράφεται πλέον", "Non più elencato", "Już nie na liście"},
	"entity.facts":               {"Facts", "Angaben", "Datos", "Informations", "Στοιχεία", "Dati", "Dane"},
	"entity.sources":             {"Sources", "Quellen", "Fuentes", "Sources", "Πηγές", "Fonti", "Źródła"},
	"source.accessed":            {"accessed", "abgerufen", "consultado", "consulté le", "πρόσβαση", "consultato", "dostęp"},
	"entity.data":                {"This record as data", "Dieser Eintrag als Daten", "Este registro como datos", "Cette fiche en données", "Αυτή η εγγραφή ως δεδομένα", "Questa scheda come dati", "Ten rekord jako dane"},
	"entity.iri":                 {"Identifier (IRI)", "Kennung (IRI)", "Identificador (IRI)", "Identifiant (IRI)", "Αναγνωριστικό (IRI)", "Identificativo (IRI)", "Identyfikator (IRI)"},
	"entity.modified":            {"Last modified", "Zuletzt geändert", "Última modificación", "Dernière modification", "Τελευταία τροποποίηση", "Ultima modifica", "Ostatnia zmiana"},
	"entity.created":             {"First published", "Zuerst veröffentlicht", "Primera publicación", "Première publication", "Πρώτη δημοσίευση", "Prima pubblicazione", "Pierwsza publikacja"},
	"entity.formats":             {"Other formats", "Andere Formate", "Otros formatos", "Autres formats", "Άλλες μορφές", "Altri formati", "Inne formaty"},
	"entity.api":                 {"API reference", "API-Referenz", "Referencia de la API", "Référence de l'API", "Τεκμηρίωση API", "Riferimento API", "Dokumentacja API"},
	"entity.memberships":         {"Memberships in city networks", "Mitgliedschaften in Städtenetzwerken", "Membresías en redes de ciudades", "Adhésions à des réseaux de villes", "Συμμετοχή σε δίκτυα πόλεων", "Adesioni a reti di città", "Członkostwo w sieciach miast"},
	"entity.memberships.caption": {"Networks, with the dates of the membership as far as the sources give them", "Netzwerke mit den Daten der Mitgliedschaft, soweit die Quellen sie nennen", "Redes, con las fechas de la membresía en la medida en que las fuentes las indican", "Réseaux, avec les dates d'adhésion dans la mesure où les sources les donnent", "Δίκτυα, με τις ημερομηνίες συμμετοχής όσο τις αναφέρουν οι πηγές", "Reti, con le date dell'adesione per quanto le fonti le indicano", "Sieci wraz z datami członkostwa w zakresie, w jakim podają je źródła"},
	"entity.nomemberships":       {"No membership in a city network is recorded.", "Keine Mitgliedschaft in einem Städtenetzwerk erfasst.", "No consta ninguna membresía en una red de ciudades.", "Aucune adhésion à un réseau de villes n'est enregistrée.", "Δεν έχει καταγραφεί συμμετοχή σε δίκτυο πόλεων.", "Nessuna adesione a una rete di città registrata.", "Nie odnotowano członkostwa w żadnej sieci miast."},
	"entity.noapproaches":        {"No local approach is recorded.", "Kein lokaler Ansatz erfasst.", "No consta ningún enfoque local.", "Aucune approche locale n'est enregistrée.", "Δεν έχει καταγραφεί τοπική προσέγγιση.", "Nessun approccio locale registrato.", "Nie odnotowano żadnego podejścia lokalnego."},
	"entity.record":              {"record", "Eintrag", "registro", "fiche", "εγγραφή", "scheda", "rekord"},
	"entity.founded":             {"founded %s", "gegründet %s", "fundada en %s", "fondé en %s", "ιδρύθηκε το %s", "fondata nel %s", "założona w %s"},
	"entity.since":               {"since %s", "seit %s", "desde %s", "depuis %s", "από το %s", "dal %s", "od %s"},
	"entity.members":             {"Members", "Mitglieder", "Miembros", "Membres", "Μέλη", "Membri", "Członkowie"},
	"entity.members.caption":     {"Member municipalities, with the dates of their membership as far as the sources give them", "Mitgliedskommunen mit den Daten ihrer Mitgliedschaft, soweit die Quellen sie nennen", "Municipios miembros, con las fechas de su membresía en la medida en que las fuentes las indican", "Communes membres, avec les dates de leur adhésion dans la mesure où les sources les donnent", "Δήμοι-μέλη, με τις ημερομηνίες συμμετοχής τους όσο τις αναφέρουν οι πηγές", "Comuni membri, con le date della loro adesione per quanto le fonti le indicano", "Gminy członkowskie wraz z datami członkostwa w zakresie, w jakim podają je źródła"},
	"entity.nomembers":           {"No member is recorded.", "Kein Mitglied erfasst.", "No consta ningún miembro.", "Aucun membre n'est enregistré.", "Δεν έχει καταγραφεί μέλος.", "Nessun membro registrato.", "Nie odnotowano członków."},
	"entity.members.browse":      {"Browse and filter these members", "Diese Mitglieder durchsuchen und filtern", "Explorar y filtrar estos miembros", "Parcourir et filtrer ces membres", "Περιήγηση και φιλτράρισμα των μελών", "Sfoglia e filtra questi membri", "Przeglądaj i filtruj tych członków"},
	"entity.more.approaches":     {"More approaches of %s", "Weitere Ansätze von %s", "Más enfoques de %s", "Autres approches de %s", "Περισσότερες προσεγγίσεις: %s", "Altri approcci di %s", "Inne podejścia: %s"},
	"entity.category.approaches": {"Approaches in this category", "Ansätze in dieser Kategorie", "Enfoques de esta categoría", "Approches de cette catégorie", "Προσεγγίσεις σε αυτή την κατηγορία", "Approcci in questa categoria", "Podejścia w tej kategorii"},
	"entity.category.browse":     {"Municipalities with an approach in this category", "Kommunen mit einem Ansatz in dieser Kategorie", "Municipios con un enfoque de esta categoría", "Communes ayant une approche dans cette catégorie", "Δήμοι με προσέγγιση σε αυτή την κατηγορία", "Comuni con un approccio in questa categoria", "Gminy z podejściem w tej kategorii"},
	"entity.country.browse":      {"Browse and filter these municipalities", "Diese Kommunen durchsuchen und filtern", "Explorar y filtrar estos municipios", "Parcourir et filtrer ces communes", "Περιήγηση και φιλτράρισμα των δήμων", "Sfoglia e filtra questi comuni", "Przeglądaj i filtruj te gminy"},
	"entity.country.networks":    {"City networks working in this country", "Städtenetzwerke in diesem Staat", "Redes de ciudades activas en este país", "Réseaux de villes actifs dans ce pays", "Δίκτυα πόλεων που δραστηριοποιούνται σε αυτή τη χώρα", "Reti di città attive in questo paese", "Sieci miast działające w tym państwie"},
	"entity.membership.title":    {"%s in %s", "%s in %s", "%s en %s", "%s dans %s", "%s στο δίκτυο %s", "%s in %s", "%s w sieci %s"},
	"count.networks":             {"Networks: %d", "Netzwerke: %d", "Redes: %d", "Réseaux : %d", "Δίκτυα: %d", "Reti: %d", "Sieci: %d"},
	"count.approaches":           {"Approaches: %d", "Ansätze: %d", "Enfoques: %d", "Approches : %d", "Προσεγγίσεις: %d", "Approcci: %d", "Podejścia: %d"},
	"count.members":              {"Members: %d", "Mitglieder: %d", "Miembros: %d", "Membres : %d", "Μέλη: %d", "Membri: %d", "Członkowie: %d"},
	"count.municipalities":       {"Municipalities: %d", "Kommunen: %d", "Municipios: %d", "Communes : %d", "Δήμοι: %d", "Comuni: %d", "Gminy: %d"},

	"map.heading":         {"Map of the municipalities", "Karte der Kommunen", "Mapa de los municipios", "Carte des communes", "Χάρτης των δήμων", "Mappa dei comuni", "Mapa gmin"},
	"map.intro":           {"The municipalities whose position is known, %d of %d, each linking to its page. All of them are listed by country below the map.", "Die Kommunen mit bekannter Lage, %d von %d, jede mit einem Link auf ihre Seite. Unter der Karte sind alle nach Staaten aufgeführt.", "Los municipios cuya posición se conoce, %d de %d, cada uno enlazado a su página. Debajo del mapa figuran todos por país.", "Les communes dont la position est connue, %d sur %d, chacune avec un lien vers sa page. Toutes sont listées par pays sous la carte.", "Οι δήμοι με γνωστή θέση, %d από %d, ο καθένας με σύνδεσμο προς τη σελίδα του. Κάτω από τον χάρτη παρατίθενται όλοι ανά χώρα.", "I comuni di cui si conosce la posizione, %d su %d, ciascuno con un collegamento alla sua pagina. Sotto la mappa sono elencati tutti per paese.", "Gminy o znanym położeniu, %d z %d, każda z linkiem do swojej strony. Pod mapą wszystkie są wymienione według państw."},
	"map.caption":         {"Municipalities with a known position: %d. Lambert azimuthal equal-area projection centred on 52° N, 10° E.", "Kommunen mit bekannter Lage: %d. Flächentreue Azimutalprojektion nach Lambert, Mittelpunkt 52° N, 10° O.", "Municipios con posición conocida: %d. Proyección acimutal equivalente de Lambert centrada en 52° N, 10° E.", "Communes dont la position est connue : %d. Projection azimutale équivalente de Lambert centrée sur 52° N, 10° E.", "Δήμοι με γνωστή θέση: %d. Ισοεμβαδική αζιμουθιακή προβολή Lambert με κέντρο 52° Β, 10° Α.", "Comuni con posizione nota: %d. Proiezione azimutale equivalente di Lambert centrata su 52° N, 10° E.", "Gminy o znanym położeniu: %d. Odwzorowanie azymutalne równopolowe Lamberta o środku 52° N, 10° E."},
	"map.locator":         {"Position of %s: %.4f° N, %.4f° E", "Lage von %s: %.4f° N, %.4f° O", "Posición de %s: %.4f° N, %.4f° E", "Position de %s : %.4f° N, %.4f° E", "Θέση: %s, %.4f° Β, %.4f° Α", "Posizione di %s: %.4f° N, %.4f° E", "Położenie: %s, %.4f° N, %.4f° E"},
	"map.skip":            {"Skip the map to the list", "Karte überspringen, zur Liste", "Saltar el mapa e ir a la lista", "Passer la carte, aller à la liste", "Παράλειψη χάρτη, μετάβαση στη λίστα", "Salta la mappa e vai all'elenco", "Pomiń mapę i przejdź do listy"},
	"map.legend.point":    {"Municipality", "Kommune", "Municipio", "Commune", "Δήμος", "Comune", "Gmina"},
	"map.legend.featured": {"Municipality with a case study", "Kommune mit Fallstudie", "Municipio con estudio de caso", "Commune avec étude de cas", "Δήμος με μελέτη περίπτωσης", "Comune con caso di studio", "Gmina ze studium przypadku"},
	"map.list":            {"All municipalities by country", "Alle Kommunen nach Staaten", "Todos los municipios por país", "Toutes les communes par pays", "Όλοι οι δήμοι ανά χώρα", "Tutti i comuni per paese", "Wszystkie gminy według państw"},
	"map.nopos":           {"position unknown", "Lage unbekannt", "posición desconocida", "position inconnue", "άγνωστη θέση", "posizione sconosciuta", "położenie nieznane"},
	"map.credit":          {"Country outlines: Natural Earth (public domain), drawn by this service.", "Staatsgrenzen: Natural Earth (gemeinfrei), von diesem Dienst gezeichnet.", "Contornos de los países: Natural Earth (dominio público), dibujados por este servicio.", "Contours des pays : Natural Earth (domaine public), dessinés par ce service.", "Περιγράμματα χωρών: Natural Earth (κοινό κτήμα), σχεδιασμένα από αυτή την υπηρεσία.", "Contorni dei paesi: Natural Earth (pubblico dominio), disegnati da questo servizio.", "Kontury państw: Natural Earth (domena publiczna), rysowane przez tę usługę."},

	"browse.types":          {"Record types", "Eintragsarten", "Tipos de registro", "Types de fiches", "Τύποι εγγραφών", "Tipi di scheda", "Rodzaje rekordów"},
	"browse.filters":        {"Filters", "Filter", "Filtros", "Filtres", "Φίλτρα", "Filtri", "Filtry"},
	"browse.apply":          {"Apply", "Anwenden", "Aplicar", "Appliquer", "Εφαρμογή", "Applica", "Zastosuj"},
	"browse.reset":          {"Reset", "Zurücksetzen", "Restablecer", "Réinitialiser", "Επαναφορά", "Reimposta", "Wyczyść"},
	"browse.results":        {"Results", "Ergebnisse", "Resultados", "Résultats", "Αποτελέσματα", "Risultati", "Wyniki"},
	"browse.none":           {"Nothing matches these filters.", "Nichts entspricht diesen Filtern.", "Nada coincide con estos filtros.", "Rien ne correspond à ces filtres.", "Τίποτα δεν ταιριάζει με αυτά τα φίλτρα.", "Nessun risultato con questi filtri.", "Nic nie pasuje do tych filtrów."},
	"browse.onmap":          {"See all municipalities on the map", "Alle Kommunen auf der Karte", "Ver todos los municipios en el mapa", "Voir toutes les communes sur la carte", "Όλοι οι δήμοι στον χάρτη", "Vedi tutti i comuni sulla mappa", "Zobacz wszystkie gminy na mapie"},
	"browse.total":          {"Results: %d", "Ergebnisse: %d", "Resultados: %d", "Résultats : %d", "Αποτελέσματα: %d", "Risultati: %d", "Wyniki: %d"},
	"browse.q.municipality": {"Name", "Name", "Nombre", "Nom", "Όνομα", "Nome", "Nazwa"},
	"browse.q.network":      {"Name", "Name", "Nombre", "Nom", "Όνομα", "Nome", "Nazwa"},
	"browse.q.approach":     {"Title", "Titel", "Título", "Titre", "Τίτλος", "Titolo", "Tytuł"},
	"browse.q.category":     {"Label", "Bezeichnung", "Etiqueta", "Libellé", "Ετικέτα", "Etichetta", "Etykieta"},
	"browse.q.country":      {"Name", "Name", "Nombre", "Nom", "Όνομα", "Nome", "Nazwa"},
	"browse.any":            {"Any", "Alle", "Todos", "Tous", "Όλα", "Tutti", "Wszystkie"},
	"browse.featured.true":  {"Case studies only", "Nur Fallstudien", "Solo estudios de caso", "Études de cas seulement", "Μόνο μελέτες περίπτωσης", "Solo casi di studio", "Tylko studia przypadków"},
	"browse.featured.false": {"Without case study", "Ohne Fallstudie", "Sin estudio de caso", "Sans étude de cas", "Χωρίς μελέτη περίπτωσης", "Senza caso di studio", "Bez studium przypadku"},
	"browse.sort":           {"Sort by", "Sortieren nach", "Ordenar por", "Trier par", "Ταξινόμηση κατά", "Ordina per", "Sortuj według"},
	"sort.default":          {"Best match, else A–Z", "Beste Treffer, sonst A–Z", "Mejor coincidencia, si no A–Z", "Pertinence, sinon A–Z", "Καλύτερη αντιστοιχία, αλλιώς Α–Ω", "Pertinenza, altrimenti A–Z", "Trafność, w przeciwnym razie A–Z"},
	"sort.name":             {"Name A–Z", "Name A–Z", "Nombre A–Z", "Nom A–Z", "Όνομα Α–Ω", "Nome A–Z", "Nazwa A–Z"},
	"sort.-name":            {"Name Z–A", "Name Z–A", "Nombre Z–A", "Nom Z–A", "Όνομα Ω–Α", "Nome Z–A", "Nazwa Z–A"},
	"sort.country":          {"Country", "Staat", "País", "Pays", "Χώρα", "Paese", "Państwo"},
	"sort.-population":      {"Largest population first", "Größte Einwohnerzahl zuerst", "Mayor población primero", "Population la plus grande d'abord", "Μεγαλύτερος πληθυσμός πρώτα", "Popolazione più grande prima", "Największa liczba ludności najpierw"},
	"sort.-modified":        {"Recently changed first", "Zuletzt geändert zuerst", "Cambios recientes primero", "Modifiés récemment d'abord", "Πρόσφατες αλλαγές πρώτα", "Modificati di recente prima", "Ostatnio zmienione najpierw"},
	"sort.-founded":         {"Newest first", "Neueste zuerst", "Más recientes primero", "Plus récents d'abord", "Νεότερα πρώτα", "Più recenti prima", "Najnowsze najpierw"},
	"sort.founded":          {"Oldest first", "Älteste zuerst", "Más antiguos primero", "Plus anciens d'abord", "Παλαιότερα πρώτα", "Più vecchi prima", "Najstarsze najpierw"},
	"sort.title":            {"Title A–Z", "Titel A–Z", "Título A–Z", "Titre A–Z", "Τίτλος Α–Ω", "Titolo A–Z", "Tytuł A–Z"},
	"sort.-year_started":    {"Started most recently first", "Zuletzt begonnen zuerst", "Iniciados más recientemente primero", "Commencées le plus récemment d'abord", "Πιο πρόσφατη έναρξη πρώτα", "Avviati più di recente prima", "Najpóźniej rozpoczęte najpierw"},
	"sort.year_started":     {"Started earliest first", "Zuerst begonnen zuerst", "Iniciados primero", "Commencées le plus tôt d'abord", "Πιο παλιά έναρξη πρώτα", "Avviati per primi prima", "Najwcześniej rozpoczęte najpierw"},
	"sort.label":            {"Label A–Z", "Bezeichnung A–Z", "Etiqueta A–Z", "Libellé A–Z", "Ετικέτα Α–Ω", "Etichetta A–Z", "Etykieta A–Z"},
	"sort.-label":           {"Label Z–A", "Bezeichnung Z–A", "Etiqueta Z–A", "Libellé Z–A", "Ετικέτα Ω–Α", "Etichetta Z–A", "Etykieta Z–A"},

	"landing.lead":            {"Open data on European municipalities that support a solidarity-based migration policy, the city networks they form and the local approaches they implemented, from the Moving Cities platform.", "Offene Daten über europäische Kommunen mit solidarischer Migrationspolitik, die Städtenetzwerke, die sie bilden, und die lokalen Ansätze, die sie umgesetzt haben – von der Plattform Moving Cities.", "Datos abiertos sobre municipios europeos con una política migratoria solidaria, las redes de ciudades que forman y los enfoques locales que han puesto en marcha, de la plataforma Moving Cities.", "Données ouvertes sur les communes européennes qui mènent une politique migratoire solidaire, les réseaux de villes qu'elles forment et les approches locales qu'elles ont mises en œuvre, issues de la plateforme Moving Cities.", "Ανοικτά δεδομένα για ευρωπαϊκούς δήμους που στηρίζουν μια αλληλέγγυα μεταναστευτική πολιτική, τα δίκτυα πόλεων που σχηματίζουν και τις τοπικές προσεγγίσεις που εφάρμοσαν, από την πλατφόρμα Moving Cities.", "Dati aperti sui comuni europei che sostengono una politica migratoria solidale, le reti di città che formano e gli approcci locali che hanno attuato, dalla piattaforma Moving Cities.", "Otwarte dane o europejskich gminach prowadzących solidarną politykę migracyjną, tworzonych przez nie sieciach miast i wdrożonych podejściach lokalnych – z platformy Moving Cities."},
	"landing.who":             {"For researchers, journalists, civil society and municipalities: every record names its sources and links to Wikidata where it can. Browse it here, or download it whole, query the API and link to it as Linked Data.", "Für Forschung, Journalismus, Zivilgesellschaft und Kommunen: Jeder Eintrag nennt seine Quellen und verweist, wo möglich, auf Wikidata. Hier durchsuchen oder vollständig herunterladen, über die API abfragen und als Linked Data verlinken.", "Para investigadores, periodistas, la sociedad civil y los municipios: cada registro cita sus fuentes y enlaza con Wikidata cuando es posible. Explórelos aquí, o descárguelos completos, consulte la API y enlácelos como datos enlazados.", "Pour la recherche, le journalisme, la société civile et les communes : chaque fiche cite ses sources et renvoie à Wikidata quand c'est possible. Parcourez-les ici, ou téléchargez-les en entier, interrogez l'API et liez-les comme données liées.", "Για ερευνητές, δημοσιογράφους, την κοινωνία των πολιτών και τους δήμους: κάθε εγγραφή αναφέρει τις πηγές της και συνδέεται με το Wikidata όπου είναι δυνατόν. Περιηγηθείτε εδώ ή κατεβάστε τα πλήρη, χρησιμοποιήστε το API και συνδέστε τα ως Linked Data.", "Per ricercatori, giornalisti, società civile e comuni: ogni scheda cita le sue fonti e rimanda a Wikidata dove possibile. Sfogliali qui, oppure scaricali per intero, interroga l'API e collegali come Linked Data.", "Dla badaczy, dziennikarzy, społeczeństwa obywatelskiego i samorządów: każdy rekord podaje źródła i – tam, gdzie to możliwe – odsyła do Wikidata. Przeglądaj je tutaj albo pobierz w całości, korzystaj z API i linkuj jako Linked Data."},
	"landing.counts":          {"The data today", "Die Daten heute", "Los datos hoy", "Les données aujourd'hui", "Τα δεδομένα σήμερα", "I dati oggi", "Dane dziś"},
	"landing.counts.note":     {"Live figures of dataset revision %s, last changed on %s.", "Aktuelle Zahlen der Datensatz-Revision %s, zuletzt geändert am %s.", "Cifras actuales de la revisión %s del conjunto de datos, modificada por última vez el %s.", "Chiffres actuels de la révision %s du jeu de données, modifiée pour la dernière fois le %s.", "Τρέχοντα στοιχεία της αναθεώρησης %s του συνόλου δεδομένων, τελευταία αλλαγή στις %s.", "Cifre attuali della revisione %s del dataset, modificata l'ultima volta il %s.", "Aktualne liczby wersji %s zbioru danych, ostatnio zmienionej %s."},
	"landing.featured":        {"Case studies", "Fallstudien", "Estudios de caso", "Études de cas", "Μελέτες περίπτωσης", "Casi di studio", "Studia przypadków"},
	"landing.map":             {"See them on the map", "Auf der Karte ansehen", "Verlos en el mapa", "Les voir sur la carte", "Δείτε τα στον χάρτη", "Vedili sulla mappa", "Zobacz je na mapie"},
	"landing.browse":          {"Browse and filter", "Durchsuchen und filtern", "Explorar y filtrar", "Parcourir et filtrer", "Περιήγηση και φιλτράρισμα", "Sfoglia e filtra", "Przeglądaj i filtruj"},
	"landing.release":         {"Download the latest release", "Die neueste Veröffentlichung herunterladen", "Descargar la última versión", "Télécharger la dernière version", "Λήψη της τελευταίας έκδοσης", "Scarica l'ultima versione", "Pobierz najnowsze wydanie"},
	"landing.release.intro":   {"Release %s, made on %s from dataset revision %s: every table as CSV and Parquet, the municipalities as GeoJSON and GeoParquet, the whole graph as RDF.", "Veröffentlichung %s vom %s aus der Datensatz-Revision %s: jede Tabelle als CSV und Parquet, die Kommunen als GeoJSON und GeoParquet, der ganze Graph als RDF.", "Versión %s, generada el %s a partir de la revisión %s: cada tabla en CSV y Parquet, los municipios en GeoJSON y GeoParquet y el grafo completo en RDF.", "Version %s, produite le %s à partir de la révision %s : chaque table en CSV et Parquet, les communes en GeoJSON et GeoParquet, le graphe complet en RDF.", "Έκδοση %s, που δημιουργήθηκε στις %s από την αναθεώρηση %s: κάθε πίνακας σε CSV και Parquet, οι δήμοι σε GeoJSON και GeoParquet, ολόκληρος ο γράφος σε RDF.", "Versione %s, prodotta il %s dalla revisione %s: ogni tabella in CSV e Parquet, i comuni in GeoJSON e GeoParquet, l'intero grafo in RDF.", "Wydanie %s z dnia %s, z wersji %s zbioru danych: każda tabela w CSV i Parquet, gminy w GeoJSON i GeoParquet, cały graf w RDF."},
	"landing.archive":         {"All files in one ZIP archive", "Alle Dateien in einem ZIP-Archiv", "Todos los archivos en un archivo ZIP", "Tous les fichiers dans une archive ZIP", "Όλα τα αρχεία σε ένα αρχείο ZIP", "Tutti i file in un archivio ZIP", "Wszystkie pliki w jednym archiwum ZIP"},
	"landing.release.caption": {"Files of release %s", "Dateien der Veröffentlichung %s", "Archivos de la versión %s", "Fichiers de la version %s", "Αρχεία της έκδοσης %s", "File della versione %s", "Pliki wydania %s"},
	"landing.triples":         {"%d triples", "%d Tripel", "%d tripletas", "%d triplets", "%d τριπλέτες", "%d triple", "trójki: %d"},
	"landing.allreleases":     {"All releases", "Alle Veröffentlichungen", "Todas las versiones", "Toutes les versions", "Όλες οι εκδόσεις", "Tutte le versioni", "Wszystkie wydania"},
	"landing.norelease":       {"No release has been made yet. The data can be read through the API and the pages meanwhile.", "Es gibt noch keine Veröffentlichung. Die Daten sind bis dahin über die API und diese Seiten zugänglich.", "Aún no se ha publicado ninguna versión. Mientras tanto, los datos pueden consultarse a través de la API y de estas páginas.", "Aucune version n'a encore été publiée. En attendant, les données sont accessibles par l'API et ces pages.", "Δεν έχει δημοσιευθεί ακόμη καμία έκδοση. Στο μεταξύ τα δεδομένα είναι προσβάσιμα μέσω του API και αυτών των σελίδων.", "Non è ancora stata pubblicata alcuna versione. Nel frattempo i dati sono accessibili tramite l'API e queste pagine.", "Nie opublikowano jeszcze żadnego wydania. Do tego czasu dane są dostępne przez API i te strony."},
	"landing.cite":            {"How to cite", "Zitieren", "Cómo citar", "Comment citer", "Πώς να παραπέμψετε", "Come citare", "Jak cytować"},
	"landing.cite.intro":      {"Cite the release you used, with its version and date, so that others can find the same data.", "Zitieren Sie die verwendete Veröffentlichung mit Version und Datum, damit andere dieselben Daten finden.", "Cite la versión que ha utilizado, con su número y fecha, para que otras personas encuentren los mismos datos.", "Citez la version utilisée, avec son numéro et sa date, pour que d'autres retrouvent les mêmes données.", "Παραπέμψτε στην έκδοση που χρησιμοποιήσατε, με τον αριθμό και την ημερομηνία της, ώστε άλλοι να βρουν τα ίδια δεδομένα.", "Cita la versione che hai usato, con numero e data, perché altri possano ritrovare gli stessi dati.", "Cytuj wykorzystane wydanie wraz z wersją i datą, aby inni mogli odnaleźć te same dane."},
	"landing.cite.text":       {"Reference", "Quellenangabe", "Referencia", "Référence", "Παραπομπή", "Riferimento", "Przypis"},
	"landing.dev":             {"For developers and data tools", "Für Entwicklung und Datenwerkzeuge", "Para desarrolladores y herramientas de datos", "Pour les développeurs et les outils de données", "Για προγραμματιστές και εργαλεία δεδομένων", "Per sviluppatori e strumenti di dati", "Dla programistów i narzędzi danych"},
	"landing.licence":         {"Licence", "Lizenz", "Licencia", "Licence", "Άδεια χρήσης", "Licenza", "Licencja"},
	"landing.licence.text":    {"The data, the vocabulary and the dumps are published under", "Daten, Vokabular und Dumps stehen unter der Lizenz", "Los datos, el vocabulario y los volcados se publican bajo la licencia", "Les données, le vocabulaire et les exports sont publiés sous la licence", "Τα δεδομένα, το λεξιλόγιο και τα αρχεία εξαγωγής δημοσιεύονται με την άδεια", "I dati, il vocabolario e i dump sono pubblicati con la licenza", "Dane, słownik i zrzuty są publikowane na licencji"},
	"dl.file":                 {"File", "Datei", "Archivo", "Fichier", "Αρχείο", "File", "Plik"},
	"dl.format":               {"Format", "Format", "Formato", "Format", "Μορφή", "Formato", "Format"},
	"dl.size":                 {"Size", "Größe", "Tamaño", "Taille", "Μέγεθος", "Dimensione", "Rozmiar"},
	"dl.rows":                 {"Rows", "Zeilen", "Filas", "Lignes", "Γραμμές", "Righe", "Wiersze"},
	"dev.api":                 {"REST API", "REST-API", "API REST", "API REST", "REST API", "API REST", "REST API"},
	"dev.api.text":            {"Filter, search and page through every record as JSON(-LD); the reference documents each operation.", "Jeden Eintrag als JSON(-LD) filtern, suchen und blättern; die Referenz beschreibt jede Operation.", "Filtre, busque y pagine todos los registros en JSON(-LD); la referencia documenta cada operación.", "Filtrez, recherchez et parcourez chaque fiche en JSON(-LD) ; la référence décrit chaque opération.", "Φιλτράρισμα, αναζήτηση και σελιδοποίηση κάθε εγγραφής σε JSON(-LD)· η τεκμηρίωση περιγράφει κάθε λειτουργία.", "Filtra, cerca e scorri ogni scheda in JSON(-LD); il riferimento documenta ogni operazione.", "Filtruj, wyszukuj i przeglądaj wszystkie rekordy w JSON(-LD); dokumentacja opisuje każdą operację."},
	"dev.vocab":               {"Vocabulary", "Vokabular", "Vocabulario", "Vocabulaire", "Λεξιλόγιο", "Vocabolario", "Słownik"},
	"dev.vocab.text":          {"The classes and properties of the data, in seven languages, as HTML and RDF.", "Klassen und Eigenschaften der Daten in sieben Sprachen, als HTML und RDF.", "Las clases y propiedades de los datos, en siete idiomas, en HTML y RDF.", "Les classes et propriétés des données, en sept langues, en HTML et RDF.", "Οι κλάσεις και οι ιδιότητες των δεδομένων, σε επτά γλώσσες, ως HTML και RDF.", "Le classi e le proprietà dei dati, in sette lingue, in HTML e RDF.", "Klasy i właściwości danych w siedmiu językach, jako HTML i RDF."},
	"dev.catalog":             {"Data catalogue", "Datenkatalog", "Catálogo de datos", "Catalogue de données", "Κατάλογος δεδομένων", "Catalogo dei dati", "Katalog danych"},
	"dev.catalog.text":        {"DCAT-AP description of the dataset and its distributions, for data portals.", "DCAT-AP-Beschreibung des Datensatzes und seiner Distributionen, für Datenportale.", "Descripción DCAT-AP del conjunto de datos y sus distribuciones, para portales de datos.", "Description DCAT-AP du jeu de données et de ses distributions, pour les portails de données.", "Περιγραφή DCAT-AP του συνόλου δεδομένων και των διανομών του, για πύλες δεδομένων.", "Descrizione DCAT-AP del dataset e delle sue distribuzioni, per i portali di dati.", "Opis DCAT-AP zbioru danych i jego dystrybucji dla portali danych."},
	"dev.reconcile":           {"Reconciliation service", "Abgleichsdienst", "Servicio de conciliación", "Service de réconciliation", "Υπηρεσία αντιστοίχισης", "Servizio di riconciliazione", "Usługa uzgadniania"},
	"dev.reconcile.text":      {"Match your own lists of places against ours in OpenRefine.", "Eigene Ortslisten in OpenRefine mit unseren abgleichen.", "Concilie sus propias listas de lugares con las nuestras en OpenRefine.", "Rapprochez vos listes de lieux des nôtres dans OpenRefine.", "Αντιστοιχίστε τις δικές σας λίστες τόπων με τις δικές μας στο OpenRefine.", "Riconcilia le tue liste di luoghi con le nostre in OpenRefine.", "Uzgadniaj własne listy miejsc z naszymi w OpenRefine."},
	"dev.dumps":               {"Dumps", "Dumps", "Volcados", "Exports complets", "Αρχεία εξαγωγής", "Dump", "Zrzuty danych"},
	"dev.dumps.text":          {"Every release with checksums, for DuckDB, pandas, R and RDF stores.", "Alle Veröffentlichungen mit Prüfsummen, für DuckDB, pandas, R und RDF-Speicher.", "Todas las versiones con sumas de comprobación, para DuckDB, pandas, R y almacenes RDF.", "Toutes les versions avec leurs sommes de contrôle, pour DuckDB, pandas, R et les triplestores.", "Όλες οι εκδόσεις με αθροίσματα ελέγχου, για DuckDB, pandas, R και αποθήκες RDF.", "Tutte le versioni con checksum, per DuckDB, pandas, R e archivi RDF.", "Wszystkie wydania z sumami kontrolnymi, dla DuckDB, pandas, R i baz RDF."},
	"dev.context":             {"JSON-LD context", "JSON-LD-Kontext", "Contexto JSON-LD", "Contexte JSON-LD", "Πλαίσιο JSON-LD", "Contesto JSON-LD", "Kontekst JSON-LD"},
	"dev.context.text":        {"Turns the API's JSON into RDF as it is.", "Macht das JSON der API unverändert zu RDF.", "Convierte el JSON de la API en RDF tal cual.", "Fait du JSON de l'API du RDF tel quel.", "Μετατρέπει το JSON του API σε RDF ως έχει.", "Trasforma il JSON dell'API in RDF così com'è.", "Zamienia JSON z API w RDF bez zmian."},
	"dev.void":                {"VoID description", "VoID-Beschreibung", "Descripción VoID", "Description VoID", "Περιγραφή VoID", "Descrizione VoID", "Opis VoID"},
	"dev.void.text":           {"Counts, vocabularies and links to Wikidata, for Linked Data tools.", "Zahlen, Vokabulare und Links zu Wikidata, für Linked-Data-Werkzeuge.", "Recuentos, vocabularios y enlaces a Wikidata, para herramientas de datos enlazados.", "Effectifs, vocabulaires et liens vers Wikidata, pour les outils de données liées.", "Αριθμοί, λεξιλόγια και σύνδεσμοι προς το Wikidata, για εργαλεία Linked Data.", "Conteggi, vocabolari e collegamenti a Wikidata, per gli strumenti Linked Data.", "Liczby, słowniki i powiązania z Wikidata dla narzędzi Linked Data."},
	"dev.openapi":             {"OpenAPI description", "OpenAPI-Beschreibung", "Descripción OpenAPI", "Description OpenAPI", "Περιγραφή OpenAPI", "Descrizione OpenAPI", "Opis OpenAPI"},
	"dev.openapi.text":        {"The API as a machine-readable contract, to generate clients.", "Die API als maschinenlesbarer Vertrag, um Clients zu erzeugen.", "La API como contrato legible por máquina, para generar clientes.", "L'API comme contrat lisible par machine, pour générer des clients.", "Το API ως μηχαναγνώσιμη σύμβαση, για τη δημιουργία πελατών.", "L'API come contratto leggibile dalle macchine, per generare client.", "API jako kontrakt czytelny dla maszyn, do generowania klientów."},
}

// msg returns message key in lang, English when the language is not one
// of ours, and the key itself when there is no such message (a test
// makes sure every key used exists).
func msg(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	for i, l := range Languages {
		if l == lang && m[i] != "" {
			return m[i]
		}
	}
	return m[0]
}

var printers sync.Map // language → *message.Printer

// printerFor formats numbers in lang's style: 1,234 in English, 1.234 in
// German, 1 234 in French.
func printerFor(lang string) *message.Printer {
	if p, ok := printers.Load(lang); ok {
		return p.(*message.Printer)
	}
	p := message.NewPrinter(language.Make(lang))
	printers.Store(lang, p)
	return p
}
