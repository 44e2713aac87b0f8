package vocab

import "github.com/moving-cities/opendata/dataset"

// CodeList is a closed list of values of a dataset field, published as a
// SKOS concept scheme. A value v becomes the concept
// {mc namespace}{Prefix}-{v}: "active" is mc:status-active.
type CodeList struct {
	Scheme *Term
	Prefix string
	Codes  []*Term
}

// Concept returns the concept of the value v, or nil.
func (l *CodeList) Concept(v string) *Term {
	for _, c := range l.Codes {
		if c.Notation == v {
			return c
		}
	}
	return nil
}

// Namespace is the IRI that a value is appended to ("…vocab#status-").
func (l *CodeList) Namespace() string { return MC.IRI + l.Prefix + "-" }

// code defines a concept of a code list.
func code(scheme *Term, prefix, notation string, label, definition text) *Term {
	return def(&Term{NS: MC, Local: prefix + "-" + notation, Kind: Concept, Scheme: scheme, Notation: notation,
		Label: label, Comment: definition})
}

// Concept schemes.
var (
	CategoryScheme = def(&Term{NS: MC, Local: "CategoryScheme", Kind: ConceptScheme,
		Label: text{"en": "approach categories", "de": "Kategorien der Ansätze", "es": "categorías de enfoques", "fr": "catégories d'approches", "el": "κατηγορίες προσεγγίσεων", "it": "categorie di approcci", "pl": "kategorie podejść"},
		Comment: text{
			"en": "The themes local approaches are filed under, as a SKOS concept scheme. Its concepts are the category entities of the dataset ({base}/id/category/{id}); they change with the data, not with the version of the vocabulary.",
			"de": "Die Themen, denen lokale Ansätze zugeordnet sind, als SKOS-Begriffsschema. Seine Begriffe sind die Kategorien des Datensatzes ({base}/id/category/{id}); sie ändern sich mit den Daten, nicht mit der Version des Vokabulars.",
			"es": "Los temas en los que se clasifican los enfoques locales, como esquema de conceptos SKOS. Sus conceptos son las categorías del conjunto de datos ({base}/id/category/{id}); cambian con los datos, no con la versión del vocabulario.",
			"fr": "Les thèmes dans lesquels les approches locales sont classées, sous forme de schéma de concepts SKOS. Ses concepts sont les catégories du jeu de données ({base}/id/category/{id}) ; ils évoluent avec les données, non avec la version du vocabulaire.",
			"el": "Τα θέματα στα οποία ταξινομούνται οι τοπικές προσεγγίσεις, ως σχήμα εννοιών SKOS. Οι έννοιές του είναι οι κατηγορίες του συνόλου δεδομένων ({base}/id/category/{id})· αλλάζουν με τα δεδομένα, όχι με την έκδοση του λεξιλογίου.",
			"it": "I temi in cui sono classificati gli approcci locali, come schema di concetti SKOS. I suoi concetti sono le categorie del dataset ({base}/id/category/{id}); cambiano con i dati, non con la versione del vocabolario.",
			"pl": "Tematy, do których przypisane są podejścia lokalne, jako schemat pojęć SKOS. Jego pojęcia to kategorie zbioru danych ({base}/id/category/{id}); zmieniają się wraz z danymi, a nie z wersją słownika.",
		},
		Example: "<https://data.moving-cities.eu/id/category/reception> skos:inScheme mc:CategoryScheme .",
	})
	KindScheme = def(&Term{NS: MC, Local: "KindScheme", Kind: ConceptScheme,
		Label: text{"en": "kinds of local authority", "de": "Arten von Gebietskörperschaften", "es": "tipos de autoridad local", "fr": "types de collectivité locale", "el": "είδη τοπικής αρχής", "it": "tipi di ente locale", "pl": "rodzaje samorządu lokalnego"},
		Comment: text{"en": "The code list of mc:kind.", "de": "Die Codeliste von mc:kind.", "es": "La lista de códigos de mc:kind.", "fr": "La liste de codes de mc:kind.",
			"el": "Ο κατάλογος κωδικών του mc:kind.", "it": "L'elenco di codici di mc:kind.", "pl": "Lista kodów dla mc:kind."},
		Example: "mc:kind-district skos:inScheme mc:KindScheme .",
	})
	StatusScheme = def(&Term{NS: MC, Local: "StatusScheme", Kind: ConceptScheme,
		Label: text{"en": "statuses", "de": "Statuswerte", "es": "estados", "fr": "statuts", "el": "καταστάσεις", "it": "stati", "pl": "statusy"},
		Comment: text{"en": "The code list of mc:status.", "de": "Die Codeliste von mc:status.", "es": "La lista de códigos de mc:status.", "fr": "La liste de codes de mc:status.",
			"el": "Ο κατάλογος κωδικών του mc:status.", "it": "L'elenco di codici di mc:status.", "pl": "Lista kodów dla mc:status."},
		Example: "mc:status-active skos:inScheme mc:StatusScheme .",
	})
	ScopeScheme = def(&Term{NS: MC, Local: "ScopeScheme", Kind: ConceptScheme,
		Label: text{"en": "network scopes", "de": "Reichweiten von Netzwerken", "es": "ámbitos de redes", "fr": "portées des réseaux", "el": "εμβέλειες δικτύων", "it": "ambiti delle reti", "pl": "zasięgi sieci"},
		Comment: text{"en": "The code list of mc:scope.", "de": "Die Codeliste von mc:scope.", "es": "La lista de códigos de mc:scope.", "fr": "La liste de codes de mc:scope.",
			"el": "Ο κατάλογος κωδικών του mc:scope.", "it": "L'elenco di codici di mc:scope.", "pl": "Lista kodów dla mc:scope."},
		Example: "mc:scope-european skos:inScheme mc:ScopeScheme .",
	})
)

// Concepts: the values of the code lists.
var (
	KindMunicipality = code(KindScheme, "kind", string(dataset.KindMunicipality),
		text{"en": "municipality", "de": "Gemeinde", "es": "municipio", "fr": "commune", "el": "δήμος", "it": "comune", "pl": "gmina"},
		text{"en": "A town, city or municipality: the basic level of local government.",
			"de": "Eine Stadt oder Gemeinde: die unterste Ebene der kommunalen Selbstverwaltung.",
			"es": "Una ciudad o un municipio: el nivel básico de la administración local.",
			"fr": "Une ville ou une commune : le niveau de base de l'administration locale.",
			"el": "Μια πόλη ή ένας δήμος: το βασικό επίπεδο τοπικής αυτοδιοίκησης.",
			"it": "Una città o un comune: il livello di base del governo locale.",
			"pl": "Miasto lub gmina: podstawowy szczebel samorządu terytorialnego."})
	KindMunicipalAssociation = code(KindScheme, "kind", string(dataset.KindMunicipalAssociation),
		text{"en": "municipal association", "de": "Gemeindeverband", "es": "mancomunidad", "fr": "intercommunalité", "el": "ένωση δήμων", "it": "unione di comuni", "pl": "związek gmin"},
		text{"en": "An association of municipalities that acts as one local authority, such as a German Samtgemeinde.",
			"de": "Ein Zusammenschluss von Gemeinden, der als eine Gebietskörperschaft handelt, etwa eine Samtgemeinde.",
			"es": "Una agrupación de municipios que actúa como una sola autoridad local, como una Samtgemeinde alemana.",
			"fr": "Un regroupement de communes qui agit comme une seule collectivité locale, comme une Samtgemeinde allemande.",
			"el": "Ένωση δήμων που λειτουργεί ως μία τοπική αρχή, όπως μια γερμανική Samtgemeinde.",
			"it": "Un'unione di comuni che agisce come un unico ente locale, come una Samtgemeinde tedesca.",
			"pl": "Związek gmin działający jako jeden samorząd lokalny, np. niemiecka Samtgemeinde."})
	KindDistrict = code(KindScheme, "kind", string(dataset.KindDistrict),
		text{"en": "district", "de": "Kreis", "es": "distrito", "fr": "district", "el": "νομός", "it": "distretto", "pl": "powiat"},
		text{"en": "A local authority above the municipalities, such as a German Kreis.",
			"de": "Eine Gebietskörperschaft oberhalb der Gemeinden, etwa ein Landkreis.",
			"es": "Una autoridad local por encima de los municipios, como un Kreis alemán.",
			"fr": "Une collectivité locale au-dessus des communes, comme un Kreis allemand.",
			"el": "Τοπική αρχή πάνω από τους δήμους, όπως ένα γερμανικό Kreis.",
			"it": "Un ente locale al di sopra dei comuni, come un Kreis tedesco.",
			"pl": "Samorząd lokalny wyższego szczebla niż gminy, np. niemiecki Kreis."})
	KindUncertain = code(KindScheme, "kind", string(dataset.KindUncertain),
		text{"en": "uncertain", "de": "unklar", "es": "incierto", "fr": "incertain", "el": "αβέβαιο", "it": "incerto", "pl": "niepewny"},
		text{"en": "The sources do not settle which local authority is meant, for example the City of Brussels or the Brussels-Capital Region.",
			"de": "Die Quellen klären nicht, welche Gebietskörperschaft gemeint ist, etwa die Stadt Brüssel oder die Region Brüssel-Hauptstadt.",
			"es": "Las fuentes no aclaran a qué autoridad local se refieren, por ejemplo la Ciudad de Bruselas o la Región de Bruselas-Capital.",
			"fr": "Les sources ne permettent pas de dire quelle collectivité est visée, par exemple la Ville de Bruxelles ou la Région de Bruxelles-Capitale.",
			"el": "Οι πηγές δεν ξεκαθαρίζουν ποια τοπική αρχή εννοείται, για παράδειγμα η πόλη των Βρυξελλών ή η Περιφέρεια Βρυξελλών-Πρωτεύουσας.",
			"it": "Le fonti non chiariscono a quale ente locale si riferiscono, ad esempio la Città di Bruxelles o la Regione di Bruxelles-Capitale.",
			"pl": "Źródła nie rozstrzygają, o który samorząd chodzi, np. o miasto Bruksela czy Region Stołeczny Brukseli."})

	StatusActive = code(StatusScheme, "status", string(dataset.StatusActive),
		text{"en": "active", "de": "aktiv", "es": "activo", "fr": "actif", "el": "ενεργό", "it": "attivo", "pl": "aktywny"},
		text{"en": "A municipality that is listed, or an approach that is in place.",
			"de": "Eine Kommune, die aufgeführt ist, oder ein Ansatz, der besteht.",
			"es": "Un municipio que figura en la lista o un enfoque que sigue vigente.",
			"fr": "Une commune répertoriée ou une approche en place.",
			"el": "Δήμος που καταγράφεται ή προσέγγιση που εφαρμόζεται.",
			"it": "Un comune elencato o un approccio in vigore.",
			"pl": "Gmina, która figuruje na liście, lub podejście, które jest stosowane."})
	StatusWithdrawn = code(StatusScheme, "status", string(dataset.StatusWithdrawn),
		text{"en": "withdrawn", "de": "zurückgezogen", "es": "retirado", "fr": "retiré", "el": "αποσυρθέν", "it": "ritirato", "pl": "wycofany"},
		text{"en": "A municipality that is kept and published but no longer listed as supporting.",
			"de": "Eine Kommune, die erhalten und veröffentlicht, aber nicht mehr als unterstützend aufgeführt wird.",
			"es": "Un municipio que se conserva y publica, pero que ya no figura como solidario.",
			"fr": "Une commune conservée et publiée, mais qui n'est plus répertoriée comme solidaire.",
			"el": "Δήμος που διατηρείται και δημοσιεύεται, αλλά δεν καταγράφεται πλέον ως υποστηρικτής.",
			"it": "Un comune conservato e pubblicato, ma non più elencato come solidale.",
			"pl": "Gmina zachowana i publikowana, ale już niewymieniana jako wspierająca."})
	StatusEnded = code(StatusScheme, "status", string(dataset.ApproachEnded),
		text{"en": "ended", "de": "beendet", "es": "finalizado", "fr": "terminé", "el": "ολοκληρωμένο", "it": "concluso", "pl": "zakończony"},
		text{"en": "An approach that is no longer in place.",
			"de": "Ein Ansatz, der nicht mehr besteht.",
			"es": "Un enfoque que ya no está vigente.",
			"fr": "Une approche qui n'est plus en place.",
			"el": "Προσέγγιση που δεν εφαρμόζεται πλέον.",
			"it": "Un approccio non più in vigore.",
			"pl": "Podejście, które nie jest już stosowane."})
	StatusUnknown = code(StatusScheme, "status", string(dataset.ApproachUnknown),
		text{"en": "unknown", "de": "unbekannt", "es": "desconocido", "fr": "inconnu", "el": "άγνωστο", "it": "sconosciuto", "pl": "nieznany"},
		text{"en": "An approach, or a municipality, whose current state the sources do not tell: for a municipality, its sources are old and none shows whether it still takes part.",
			"de": "Ein Ansatz oder eine Kommune, über deren aktuellen Stand die Quellen nichts sagen: bei einer Kommune sind die Quellen alt, und keine zeigt, ob sie noch mitwirkt.",
			"es": "Un enfoque o un municipio cuyo estado actual no indican las fuentes: en un municipio, sus fuentes son antiguas y ninguna muestra si sigue participando.",
			"fr": "Une approche ou une commune dont les sources n'indiquent pas l'état actuel : pour une commune, ses sources sont anciennes et aucune ne montre si elle participe encore.",
			"el": "Προσέγγιση ή δήμος για την τρέχουσα κατάσταση των οποίων οι πηγές δεν αναφέρουν τίποτα: για έναν δήμο, οι πηγές είναι παλιές και καμία δεν δείχνει αν συμμετέχει ακόμη.",
			"it": "Un approccio o un comune di cui le fonti non indicano lo stato attuale: per un comune, le fonti sono datate e nessuna mostra se partecipa ancora.",
			"pl": "Podejście lub gmina, o których obecnym stanie źródła nie informują: w przypadku gminy źródła są stare i żadne nie pokazuje, czy nadal uczestniczy."})

	ScopeNational = code(ScopeScheme, "scope", string(dataset.ScopeNational),
		text{"en": "national", "de": "national", "es": "nacional", "fr": "national", "el": "εθνικό", "it": "nazionale", "pl": "krajowy"},
		text{"en": "A network of municipalities of one country.",
			"de": "Ein Netzwerk von Kommunen eines Staates.",
			"es": "Una red de municipios de un solo país.",
			"fr": "Un réseau de communes d'un seul pays.",
			"el": "Δίκτυο δήμων μίας χώρας.",
			"it": "Una rete di comuni di un solo paese.",
			"pl": "Sieć gmin jednego państwa."})
	ScopeEuropean = code(ScopeScheme, "scope", string(dataset.ScopeEuropean),
		text{"en": "European", "de": "europäisch", "es": "europeo", "fr": "européen", "el": "ευρωπαϊκό", "it": "europeo", "pl": "europejski"},
		text{"en": "A network of municipalities across Europe.",
			"de": "Ein Netzwerk von Kommunen in ganz Europa.",
			"es": "Una red de municipios de toda Europa.",
			"fr": "Un réseau de communes à travers l'Europe.",
			"el": "Δίκτυο δήμων σε όλη την Ευρώπη.",
			"it": "Una rete di comuni di tutta Europa.",
			"pl": "Sieć gmin z całej Europy."})
	ScopeInternational = code(ScopeScheme, "scope", string(dataset.ScopeInternational),
		text{"en": "international", "de": "international", "es": "internacional", "fr": "international", "el": "διεθνές", "it": "internazionale", "pl": "międzynarodowy"},
		text{"en": "A network of municipalities beyond Europe, or of municipalities and other bodies across borders.",
			"de": "Ein Netzwerk von Kommunen über Europa hinaus oder von Kommunen und anderen Akteuren über Grenzen hinweg.",
			"es": "Una red de municipios más allá de Europa, o de municipios y otras entidades a través de las fronteras.",
			"fr": "Un réseau de communes au-delà de l'Europe, ou de communes et d'autres acteurs par-delà les frontières.",
			"el": "Δίκτυο δήμων πέρα από την Ευρώπη ή δήμων και άλλων φορέων πέρα από τα σύνορα.",
			"it": "Una rete di comuni oltre l'Europa, o di comuni e altri enti oltre i confini.",
			"pl": "Sieć gmin spoza Europy lub gmin i innych podmiotów ponad granicami."})
)

// The code lists.
var (
	Kinds    = &CodeList{Scheme: KindScheme, Prefix: "kind", Codes: []*Term{KindMunicipality, KindMunicipalAssociation, KindDistrict, KindUncertain}}
	Statuses = &CodeList{Scheme: StatusScheme, Prefix: "status", Codes: []*Term{StatusActive, StatusWithdrawn, StatusEnded, StatusUnknown}}
	Scopes   = &CodeList{Scheme: ScopeScheme, Prefix: "scope", Codes: []*Term{ScopeNational, ScopeEuropean, ScopeInternational}}
	// CodeLists lists every code list.
	CodeLists = []*CodeList{Kinds, Statuses, Scopes, BlockKinds}
)
