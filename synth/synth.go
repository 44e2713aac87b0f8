// Package synth generates synthetic datasets of realistic shape and size,
// for benchmarks, load tests and demonstrations that must not depend on the
// curated data. The places are made up; the identifiers (Wikidata QIDs,
// GeoNames IDs, codes) are well-formed but do not point at them, and every
// URL is under the reserved .example domain.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/moving-cities/opendata/dataset"
)

// Options says what to generate.
type Options struct {
	Municipalities int   // how many; memberships and approaches scale with it
	Seed           int64 // the same options always give the same dataset
}

// Generate returns a dataset that dataset.Validate accepts: the fixed
// countries, categories and networks, opt.Municipalities municipalities and
// about 1.5 memberships per municipality and approaches for about a tenth of
// them.
func Generate(opt Options) *dataset.Dataset {
	g := &generator{
		r:     rand.New(rand.NewPCG(uint64(opt.Seed), 0x6d6f76696e672d63)), // second word: any constant
		slugs: make(map[string]int, max(opt.Municipalities, 0)),
	}
	d := &dataset.Dataset{
		Countries:  g.countries(),
		Categories: g.categories(),
		Networks:   g.networks(),
	}
	n := max(opt.Municipalities, 0)
	d.Municipalities = make([]dataset.Municipality, 0, n)
	g.profileOf = make([]*profile, 0, n)
	for i := range n {
		m, p := g.municipality(i)
		d.Municipalities = append(d.Municipalities, m)
		g.profileOf = append(g.profileOf, p)
	}
	d.Memberships = g.memberships(d.Municipalities, d.Networks)
	d.Approaches = g.approaches(d.Municipalities)
	return d
}

// generator holds the state of one Generate call.
type generator struct {
	r         *rand.Rand
	slugs     map[string]int // municipality slug → how often it was wanted
	profileOf []*profile     // by municipality index
}

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// between returns an int in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func pick[T any](g *generator, xs []T) T { return xs[g.r.IntN(len(xs))] }

// country is a country to generate municipalities in.
type country struct {
	id, qid string
	names   []string // lang, name, lang, name…; English first
	bbox    dataset.BBox
	weight  int // share of municipalities
	// langs are the profiles of its municipalities' names, with weights.
	langs []weighted
	// second is a language some municipalities also have a name in
	// (Swedish in Finland), with the share that has one.
	second      string
	secondShare float64
	exonymLang  string // a language with historical names for its places
	nuts        string // NUTS country code, "" when not in NUTS
	lauDigits   int    // length of its LAU codes, 0 when none
}

type weighted struct {
	lang   string
	weight int
}

func one(lang string) []weighted { return []weighted{{lang, 1}} }

var countryTable = []country{
	{id: "AT", qid: "Q40", names: []string{"en", "Austria", "de", "Österreich"}, bbox: dataset.BBox{West: 9.5, South: 46.4, East: 17.2, North: 49.0}, weight: 4, langs: one("de"), nuts: "AT", lauDigits: 5},
	{id: "BE", qid: "Q31", names: []string{"en", "Belgium", "nl", "België", "fr", "Belgique", "de", "Belgien"}, bbox: dataset.BBox{West: 2.5, South: 49.4, East: 6.5, North: 51.6}, weight: 4, langs: []weighted{{"nl", 55}, {"fr", 45}}, nuts: "BE", lauDigits: 5},
	{id: "BG", qid: "Q219", names: []string{"en", "Bulgaria", "bg", "България"}, bbox: dataset.BBox{West: 22.3, South: 41.2, East: 28.7, North: 44.2}, weight: 1, langs: one("bg"), nuts: "BG", lauDigits: 5},
	{id: "CH", qid: "Q39", names: []string{"en", "Switzerland", "de", "Schweiz", "fr", "Suisse", "it", "Svizzera", "rm", "Svizra"}, bbox: dataset.BBox{West: 5.9, South: 45.8, East: 10.5, North: 47.9}, weight: 3, langs: []weighted{{"de", 60}, {"fr", 25}, {"it", 15}}, nuts: "CH", lauDigits: 4},
	{id: "CY", qid: "Q229", names: []string{"en", "Cyprus", "el", "Κύπρος", "tr", "Kıbrıs"}, bbox: dataset.BBox{West: 32.2, South: 34.5, East: 34.6, North: 35.7}, weight: 1, langs: one("el"), second: "tr", secondShare: 0.3, nuts: "CY"},
	{id: "CZ", qid: "Q213", names: []string{"en", "Czechia", "cs", "Česko"}, bbox: dataset.BBox{West: 12.0, South: 48.5, East: 18.9, North: 51.1}, weight: 2, langs: one("cs"), exonymLang: "de", nuts: "CZ", lauDigits: 6},
	{id: "DE", qid: "Q183", names: []string{"en", "Germany", "de", "Deutschland"}, bbox: dataset.BBox{West: 5.8, South: 47.2, East: 15.1, North: 55.1}, weight: 22, langs: one("de"), nuts: "DE", lauDigits: 8},
	{id: "DK", qid: "Q35", names: []string{"en", "Denmark", "da", "Danmark"}, bbox: dataset.BBox{West: 8.0, South: 54.5, East: 15.2, North: 57.8}, weight: 2, langs: one("da"), nuts: "DK", lauDigits: 3},
	{id: "ES", qid: "Q29", names: []string{"en", "Spain", "es", "España", "ca", "Espanya"}, bbox: dataset.BBox{West: -9.4, South: 36.0, East: 3.4, North: 43.8}, weight: 10, langs: one("es"), second: "ca", secondShare: 0.15, nuts: "ES", lauDigits: 5},
	{id: "FI", qid: "Q33", names: []string{"en", "Finland", "fi", "Suomi", "sv", "Finland"}, bbox: dataset.BBox{West: 20.5, South: 59.8, East: 31.6, North: 70.1}, weight: 2, langs: one("fi"), second: "sv", secondShare: 0.2, nuts: "FI", lauDigits: 3},
	{id: "FR", qid: "Q142", names: []string{"en", "France", "fr", "France"}, bbox: dataset.BBox{West: -5.2, South: 42.3, East: 8.2, North: 51.1}, weight: 8, langs: one("fr"), nuts: "FR", lauDigits: 5},
	{id: "GR", qid: "Q41", names: []string{"en", "Greece", "el", "Ελλάδα"}, bbox: dataset.BBox{West: 19.3, South: 34.8, East: 29.7, North: 41.8}, weight: 5, langs: one("el"), nuts: "EL", lauDigits: 8},
	{id: "HR", qid: "Q224", names: []string{"en", "Croatia", "hr", "Hrvatska"}, bbox: dataset.BBox{West: 13.4, South: 42.4, East: 19.5, North: 46.6}, weight: 1, langs: one("hr"), exonymLang: "it", nuts: "HR", lauDigits: 5},
	{id: "HU", qid: "Q28", names: []string{"en", "Hungary", "hu", "Magyarország"}, bbox: dataset.BBox{West: 16.1, South: 45.7, East: 22.9, North: 48.6}, weight: 2, langs: one("hu"), exonymLang: "de", nuts: "HU", lauDigits: 5},
	{id: "IE", qid: "Q27", names: []string{"en", "Ireland", "ga", "Éire"}, bbox: dataset.BBox{West: -10.5, South: 51.4, East: -6.0, North: 55.4}, weight: 2, langs: one("ga"), nuts: "IE"},
	{id: "IS", qid: "Q189", names: []string{"en", "Iceland", "is", "Ísland"}, bbox: dataset.BBox{West: -24.6, South: 63.3, East: -13.5, North: 66.6}, weight: 1, langs: one("is"), nuts: "IS", lauDigits: 4},
	{id: "IT", qid: "Q38", names: []string{"en", "Italy", "it", "Italia"}, bbox: dataset.BBox{West: 6.6, South: 36.6, East: 18.5, North: 47.1}, weight: 12, langs: one("it"), nuts: "IT", lauDigits: 6},
	{id: "MT", qid: "Q233", names: []string{"en", "Malta", "mt", "Malta"}, bbox: dataset.BBox{West: 14.2, South: 35.8, East: 14.6, North: 36.1}, weight: 1, langs: one("mt"), nuts: "MT", lauDigits: 2},
	{id: "NL", qid: "Q55", names: []string{"en", "Netherlands", "nl", "Nederland"}, bbox: dataset.BBox{West: 3.3, South: 50.7, East: 7.3, North: 53.6}, weight: 4, langs: one("nl"), nuts: "NL", lauDigits: 4},
	{id: "NO", qid: "Q20", names: []string{"en", "Norway", "nb", "Norge", "nn", "Noreg"}, bbox: dataset.BBox{West: 4.6, South: 57.9, East: 31.1, North: 71.2}, weight: 2, langs: one("nb"), nuts: "NO", lauDigits: 4},
	{id: "PL", qid: "Q36", names: []string{"en", "Poland", "pl", "Polska"}, bbox: dataset.BBox{West: 14.1, South: 49.0, East: 24.2, North: 54.9}, weight: 5, langs: one("pl"), exonymLang: "de", nuts: "PL", lauDigits: 7},
	{id: "PT", qid: "Q45", names: []string{"en", "Portugal", "pt", "Portugal"}, bbox: dataset.BBox{West: -9.6, South: 36.9, East: -6.2, North: 42.2}, weight: 3, langs: one("pt"), nuts: "PT", lauDigits: 6},
	{id: "RO", qid: "Q218", names: []string{"en", "Romania", "ro", "România"}, bbox: dataset.BBox{West: 20.2, South: 43.6, East: 29.7, North: 48.3}, weight: 2, langs: one("ro"), exonymLang: "hu", nuts: "RO", lauDigits: 6},
	{id: "RS", qid: "Q403", names: []string{"en", "Serbia", "sr", "Србија", "sr-Latn", "Srbija"}, bbox: dataset.BBox{West: 18.8, South: 42.2, East: 23.0, North: 46.2}, weight: 1, langs: one("sr"), exonymLang: "hu", nuts: "RS", lauDigits: 5},
	{id: "SE", qid: "Q34", names: []string{"en", "Sweden", "sv", "Sverige"}, bbox: dataset.BBox{West: 11.0, South: 55.3, East: 24.2, North: 69.1}, weight: 3, langs: one("sv"), nuts: "SE", lauDigits: 4},
	{id: "SI", qid: "Q215", names: []string{"en", "Slovenia", "sl", "Slovenija"}, bbox: dataset.BBox{West: 13.4, South: 45.4, East: 16.6, North: 46.9}, weight: 1, langs: one("sl"), exonymLang: "de", nuts: "SI", lauDigits: 3},
	{id: "SK", qid: "Q214", names: []string{"en", "Slovakia", "sk", "Slovensko"}, bbox: dataset.BBox{West: 16.8, South: 47.7, East: 22.6, North: 49.6}, weight: 1, langs: one("sk"), exonymLang: "hu", nuts: "SK", lauDigits: 6},
	{id: "UA", qid: "Q212", names: []string{"en", "Ukraine", "uk", "Україна"}, bbox: dataset.BBox{West: 22.1, South: 44.4, East: 40.2, North: 52.4}, weight: 2, langs: one("uk")},
}

func (g *generator) countries() []dataset.Country {
	out := make([]dataset.Country, len(countryTable))
	for i, c := range countryTable {
		b := c.bbox
		out[i] = dataset.Country{ID: c.id, Names: namesOf(c.names), Wikidata: c.qid, BBox: &b}
	}
	return out
}

// namesOf turns lang, name pairs into Names.
func namesOf(pairs []string) dataset.Names {
	n := make(dataset.Names, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		n[pairs[i]] = pairs[i+1]
	}
	return n
}

func textOf(pairs ...string) dataset.Text { return dataset.Text(namesOf(pairs)) }

// categoryTable: id, English and German label, English and German
// definition, former slugs.
var categoryTable = []struct {
	id, en, de, defEN, defDE string
	aliases                  []string
}{
	{"housing", "Housing", "Wohnen", "Access to decent housing for newcomers.", "Zugang zu angemessenem Wohnraum für Neuankommende.", nil},
	{"access-to-services", "Access to services", "Zugang zu Leistungen", "Municipal services open to all residents regardless of status.", "Kommunale Leistungen für alle, unabhängig vom Aufenthaltsstatus.", []string{"services"}},
	{"participation", "Political participation", "Politische Teilhabe", "Residents without citizenship take part in local decisions.", "Menschen ohne Staatsangehörigkeit wirken an lokalen Entscheidungen mit.", nil},
	{"reception", "Reception", "Aufnahme", "Receiving refugees beyond national quotas.", "Aufnahme Geflüchteter über die Quoten hinaus.", []string{"relocation"}},
	{"work-and-education", "Work and education", "Arbeit und Bildung", "Access to the labour market, schools and training.", "Zugang zu Arbeitsmarkt, Schule und Ausbildung.", []string{"labour"}},
	{"firewall", "Data protection firewall", "Datenschutz-Firewall", "Municipal data are not passed to immigration enforcement.", "Kommunale Daten werden nicht an Ausländerbehörden weitergegeben.", nil},
	{"advocacy", "Advocacy and networking", "Interessenvertretung und Vernetzung", "Municipalities speak up for a humane migration policy.", "Kommunen setzen sich für eine humane Migrationspolitik ein.", nil},
}

func (g *generator) categories() []dataset.Category {
	out := make([]dataset.Category, len(categoryTable))
	for i, c := range categoryTable {
		out[i] = dataset.Category{
			ID:          c.id,
			Labels:      textOf("en", c.en, "de", c.de),
			Definitions: textOf("en", c.defEN, "de", c.defDE),
			Aliases:     c.aliases,
			Sources:     []dataset.Source{{URL: "https://vocabulary.example/categories/" + c.id}},
		}
	}
	return out
}

// networkTable: made-up networks in the shape of the real ones.
var networkTable = []struct {
	id      string
	scope   dataset.NetworkScope
	country []string
	founded int
	names   []string // English first
}{
	{"safe-harbours-de", dataset.ScopeNational, []string{"DE"}, 2019, []string{"en", "Alliance of Safe Harbour Cities", "de", "Bündnis Städte Sicherer Häfen"}},
	{"reception-districts-de", dataset.ScopeNational, []string{"DE"}, 2016, []string{"en", "Districts for Reception", "de", "Landkreise für Aufnahme"}},
	{"welcoming-municipalities-at", dataset.ScopeNational, []string{"AT"}, 2015, []string{"en", "Welcoming Municipalities Austria", "de", "Willkommensgemeinden Österreich"}},
	{"solidarity-cities-ch", dataset.ScopeNational, []string{"CH"}, 2018, []string{"en", "Swiss Solidarity Cities", "de", "Solidarische Städte Schweiz", "fr", "Villes solidaires de Suisse", "it", "Città solidali svizzere"}},
	{"villes-accueillantes", dataset.ScopeNational, []string{"FR"}, 2018, []string{"en", "Association of Welcoming Cities", "fr", "Association nationale des villes et territoires accueillants"}},
	{"comuni-solidali", dataset.ScopeNational, []string{"IT"}, 2003, []string{"en", "Network of Solidarity Municipalities", "it", "Rete dei Comuni Solidali"}},
	{"comuni-accoglienza", dataset.ScopeNational, []string{"IT"}, 2016, []string{"en", "Municipalities for Reception", "it", "Comuni per l'Accoglienza"}},
	{"ciudades-refugio", dataset.ScopeNational, []string{"ES"}, 2015, []string{"en", "Network of Refuge Cities", "es", "Red de Ciudades Refugio", "ca", "Xarxa de Ciutats Refugi"}},
	{"municipios-acolhimento", dataset.ScopeNational, []string{"PT"}, 2016, []string{"en", "Welcoming Municipalities Portugal", "pt", "Municípios de Acolhimento"}},
	{"gastvrije-gemeenten", dataset.ScopeNational, []string{"NL"}, 2017, []string{"en", "Hospitable Municipalities", "nl", "Gastvrije Gemeenten"}},
	{"gemeenten-van-onthaal", dataset.ScopeNational, []string{"BE"}, 2017, []string{"en", "Municipalities of Hospitality", "nl", "Gemeenten van Onthaal", "fr", "Communes hospitalières"}},
	{"venlige-kommuner", dataset.ScopeNational, []string{"DK"}, 2016, []string{"en", "Friendly Municipalities Denmark", "da", "Venlige Kommuner"}},
	{"valkomnande-kommuner", dataset.ScopeNational, []string{"SE"}, 2015, []string{"en", "Welcoming Municipalities Sweden", "sv", "Välkomnande kommuner"}},
	{"inkluderende-kommuner", dataset.ScopeNational, []string{"NO"}, 2017, []string{"en", "Inclusive Municipalities Norway", "nb", "Inkluderende kommuner"}},
	{"vastaanottavat-kunnat", dataset.ScopeNational, []string{"FI"}, 2016, []string{"en", "Receiving Municipalities Finland", "fi", "Vastaanottavat kunnat", "sv", "Mottagande kommuner"}},
	{"miasta-goscinne", dataset.ScopeNational, []string{"PL"}, 2017, []string{"en", "Network of Hospitable Cities", "pl", "Sieć Miast Gościnnych"}},
	{"vstricna-mesta", dataset.ScopeNational, []string{"CZ"}, 2019, []string{"en", "Welcoming Towns Czechia", "cs", "Vstřícná města"}},
	{"otvorene-mesta", dataset.ScopeNational, []string{"SK"}, 2019, []string{"en", "Open Towns Slovakia", "sk", "Otvorené mestá"}},
	{"befogado-telepulesek", dataset.ScopeNational, []string{"HU"}, 2018, []string{"en", "Network of Inclusive Settlements", "hu", "Befogadó Települések Hálózata"}},
	{"odprta-mesta", dataset.ScopeNational, []string{"SI"}, 2016, []string{"en", "Open Towns Slovenia", "sl", "Odprta mesta"}},
	{"gradovi-solidarnosti", dataset.ScopeNational, []string{"HR"}, 2017, []string{"en", "Towns of Solidarity", "hr", "Gradovi solidarnosti"}},
	{"poleis-allileggyis", dataset.ScopeNational, []string{"GR"}, 2016, []string{"en", "Solidarity Cities Network Greece", "el", "Δίκτυο Πόλεων Αλληλεγγύης"}},
	{"poleis-ypodochis-cy", dataset.ScopeNational, []string{"CY"}, 2019, []string{"en", "Welcoming Towns Cyprus", "el", "Πόλεις Υποδοχής Κύπρου"}},
	{"solidarni-gradove", dataset.ScopeNational, []string{"BG"}, 2018, []string{"en", "Network of Solidarity Towns", "bg", "Мрежа на солидарните градове"}},
	{"orase-primitoare", dataset.ScopeNational, []string{"RO"}, 2019, []string{"en", "Welcoming Cities Romania", "ro", "Orașe Primitoare"}},
	{"gradovi-dobrodoslice", dataset.ScopeNational, []string{"RS"}, 2018, []string{"en", "Welcoming Cities Serbia", "sr", "Мрежа градова добродошлице", "sr-Latn", "Mreža gradova dobrodošlice"}},
	{"hromady-shcho-pryimaiut", dataset.ScopeNational, []string{"UA"}, 2022, []string{"en", "Network of Receiving Communities", "uk", "Мережа громад, що приймають"}},
	{"bailte-failte", dataset.ScopeNational, []string{"IE"}, 2017, []string{"en", "Towns of Welcome Ireland", "ga", "Bailte Fáilte"}},
	{"irhula-ta-merhba", dataset.ScopeNational, []string{"MT"}, 2020, []string{"en", "Welcoming Localities Malta", "mt", "Lokalitajiet ta' Merħba"}},
	{"mottokusveitarfelog", dataset.ScopeNational, []string{"IS"}, 2019, []string{"en", "Receiving Municipalities Iceland", "is", "Móttökusveitarfélög"}},
	{"european-solidarity-cities", dataset.ScopeEuropean, nil, 2016, []string{"en", "European Solidarity Cities", "de", "Solidarische Städte Europas", "fr", "Villes solidaires d'Europe", "el", "Ευρωπαϊκές Πόλεις Αλληλεγγύης"}},
	{"intercultural-municipalities", dataset.ScopeEuropean, nil, 2008, []string{"en", "Intercultural Municipalities Programme", "fr", "Programme des municipalités interculturelles"}},
	{"mediterranean-ports-of-welcome", dataset.ScopeEuropean, []string{"ES", "FR", "IT", "MT", "GR", "CY", "HR"}, 2018, []string{"en", "Mediterranean Ports of Welcome", "it", "Porti mediterranei dell'accoglienza", "es", "Puertos mediterráneos de acogida", "el", "Μεσογειακά Λιμάνια Υποδοχής"}},
	{"alpine-welcome-network", dataset.ScopeEuropean, []string{"AT", "CH", "DE", "FR", "IT", "SI"}, 2017, []string{"en", "Alpine Welcome Network", "de", "Alpines Willkommensnetzwerk", "it", "Rete alpina dell'accoglienza", "fr", "Réseau alpin de l'accueil", "sl", "Alpska mreža dobrodošlice"}},
	{"baltic-welcoming-cities", dataset.ScopeEuropean, []string{"DE", "DK", "FI", "PL", "SE"}, 2016, []string{"en", "Baltic Sea Welcoming Cities", "de", "Willkommensstädte an der Ostsee", "pl", "Gościnne Miasta Bałtyku", "sv", "Välkomnande städer kring Östersjön"}},
	{"danube-cities-for-inclusion", dataset.ScopeEuropean, []string{"AT", "BG", "DE", "HR", "HU", "RO", "RS", "SK", "UA"}, 2019, []string{"en", "Danube Cities for Inclusion", "de", "Donaustädte für Inklusion", "hu", "Duna menti városok a befogadásért"}},
	{"cities-against-pushbacks", dataset.ScopeEuropean, nil, 2021, []string{"en", "Cities Against Pushbacks", "de", "Städte gegen Pushbacks", "es", "Ciudades contra las devoluciones en caliente"}},
	{"global-sanctuary-alliance", dataset.ScopeInternational, nil, 2017, []string{"en", "Global Sanctuary Cities Alliance", "es", "Alianza Mundial de Ciudades Santuario"}},
	{"mayors-for-migration", dataset.ScopeInternational, nil, 2014, []string{"en", "Mayors for Migration Forum", "fr", "Forum des maires pour les migrations"}},
	{"welcoming-cities-international", dataset.ScopeInternational, nil, 2010, []string{"en", "Welcoming Cities International"}},
	{"cities-refugee-compact", dataset.ScopeInternational, nil, 2018, []string{"en", "Cities for Refugees Compact", "de", "Städtepakt für Geflüchtete", "it", "Patto delle città per i rifugiati"}},
}

func (g *generator) networks() []dataset.Network {
	out := make([]dataset.Network, len(networkTable))
	for i, n := range networkTable {
		names := namesOf(n.names)
		site := "https://" + n.id + ".example/"
		nw := dataset.Network{
			ID:        n.id,
			Names:     names,
			Scope:     n.scope,
			Countries: n.country,
			Website:   site,
			Founded:   n.founded,
			Description: textOf("en", fmt.Sprintf("A %s network of municipalities, founded in %d, whose members commit to receiving and including migrants.",
				n.scope, n.founded)),
			Sources: []dataset.Source{{URL: site + "about", Title: "About " + names["en"]}},
		}
		if g.chance(0.5) {
			nw.Wikidata = "Q" + strconv.Itoa(130000000+i*7919)
		}
		if g.chance(0.4) {
			nw.Aliases = []dataset.Alias{{Lang: "en", Name: acronym(names["en"])}}
		}
		if names["de"] != "" {
			nw.Description["de"] = fmt.Sprintf("Ein Netzwerk von Kommunen, gegründet %d, die sich zu Aufnahme und Teilhabe von Geflüchteten verpflichten.", n.founded)
		}
		out[i] = nw
	}
	return out
}

// acronym is the capitals of a name ("Mayors for Migration Forum" → "MMF").
func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if r := []rune(w)[0]; r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// countryWeights is the cumulative weight of countryTable up to each entry.
var countryWeights = func() []int {
	cum := make([]int, len(countryTable))
	total := 0
	for i, c := range countryTable {
		total += c.weight
		cum[i] = total
	}
	return cum
}()

func (g *generator) pickCountry() *country {
	w := g.r.IntN(countryWeights[len(countryWeights)-1])
	for i, c := range countryWeights {
		if w < c {
			return &countryTable[i]
		}
	}
	panic("unreachable")
}

func (g *generator) pickLang(ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.weight
	}
	n := g.r.IntN(total)
	for _, w := range ws {
		if n < w.weight {
			return w.lang
		}
		n -= w.weight
	}
	panic("unreachable")
}

var kinds = []dataset.MunicipalityKind{
	dataset.KindMunicipality, dataset.KindMunicipality, dataset.KindMunicipality, dataset.KindMunicipality,
	dataset.KindMunicipality, dataset.KindMunicipality, dataset.KindMunicipality, dataset.KindMunicipality,
	dataset.KindMunicipalAssociation, dataset.KindDistrict,
}

// municipality makes the i-th municipality; i also makes its QID unique.
func (g *generator) municipality(i int) (dataset.Municipality, *profile) {
	c := g.pickCountry()
	p := profiles[g.pickLang(c.langs)]
	pl := p.name(g)
	m := dataset.Municipality{
		Kind:    pick(g, kinds),
		Names:   dataset.Names{"en": pl.en, p.lang: pl.native},
		Country: c.id,
		Status:  dataset.StatusActive,
	}
	if p.latnTag != "" {
		m.Names[p.latnTag] = pl.en
	}
	if c.second != "" && g.chance(c.secondShare) {
		m.Names[c.second] = profiles[c.second].name(g).native
	}
	m.ID = g.slug(pl.en)
	if g.chance(0.15) {
		m.Aliases = g.aliases(c, p, pl)
	}
	if g.chance(0.97) {
		b := c.bbox
		// Four decimals (about 10 m) is how sources give positions.
		lat := math.Round((b.South+g.r.Float64()*(b.North-b.South))*1e4) / 1e4
		lon := math.Round((b.West+g.r.Float64()*(b.East-b.West))*1e4) / 1e4
		m.Coordinates = &dataset.Coordinates{Lat: lat, Lon: lon}
	}
	switch {
	case g.chance(0.6):
		m.Wikidata = "Q" + strconv.Itoa(1000000+i)
	case g.chance(0.1):
		// Candidates are unconfirmed and may be shared, so they need not be unique.
		m.WikidataCandidates = []string{"Q" + strconv.Itoa(5000000+i)}
		if g.chance(0.3) {
			m.WikidataCandidates = append(m.WikidataCandidates, "Q"+strconv.Itoa(5000000+g.r.IntN(1000000)))
		}
	}
	if g.chance(0.5) {
		m.GeoNames = strconv.Itoa(2000000 + i*7 + g.r.IntN(7))
	}
	if c.lauDigits > 0 && g.chance(0.4) {
		m.LAU = g.digits(c.lauDigits)
	}
	if c.nuts != "" && g.chance(0.4) {
		const alnum = "0123456789ABCDEFGHJKLMNPRSTUVWXZ"
		m.NUTS3 = c.nuts + string([]byte{"123456789"[g.r.IntN(9)], alnum[g.r.IntN(len(alnum))], alnum[g.r.IntN(len(alnum))]})
	}
	if g.chance(0.3) {
		m.OSMRelation = int64(10000 + g.r.IntN(17000000))
	}
	if g.chance(0.5) {
		// Log-normal: most municipalities are small towns, a few are cities.
		pop := &dataset.Population{Value: int64(math.Exp(9+1.3*g.r.NormFloat64())) + 50, Year: g.between(2011, 2024)}
		if g.chance(0.7) {
			pop.Source = "https://statistics." + strings.ToLower(c.id) + ".example/population/" + m.ID
		}
		m.Population = pop
	}
	if g.chance(0.05) {
		m.Featured = true
		m.Summary = textOf("en", fmt.Sprintf("%s is a %s in %s that has declared itself a safe harbour and receives refugees beyond its quota.",
			pl.en, kindWord(m.Kind), c.names[1]))
		if p.lang == "de" {
			m.Summary["de"] = fmt.Sprintf("%s hat sich zum Sicheren Hafen erklärt und nimmt Geflüchtete über die Quote hinaus auf.", pl.native)
		}
	}
	if g.chance(0.7) {
		m.Website = "https://" + m.ID + "." + strings.ToLower(c.id) + ".example/"
	}
	m.Sources = g.sources(c, m.ID, 1+g.r.IntN(3))
	if g.chance(0.03) {
		m.Status = dataset.StatusWithdrawn
	}
	return m, p
}

func kindWord(k dataset.MunicipalityKind) string {
	switch k {
	case dataset.KindMunicipalAssociation:
		return "municipal association"
	case dataset.KindDistrict:
		return "district"
	}
	return "municipality"
}

// aliases gives one or two other names: a historical exonym, a form
// without diacritics, a form without the prefix word.
func (g *generator) aliases(c *country, p *profile, pl place) []dataset.Alias {
	var as []dataset.Alias
	if c.exonymLang != "" && g.chance(0.5) {
		as = append(as, dataset.Alias{Lang: c.exonymLang, Name: profiles[c.exonymLang].name(g).native})
	}
	if plain := plain(pl.en); plain != pl.en && g.chance(0.6) {
		as = append(as, dataset.Alias{Lang: "en", Name: plain})
	}
	if pl.short != "" {
		as = append(as, dataset.Alias{Lang: p.lang, Name: pl.short})
	}
	if len(as) == 0 {
		// A former spelling: the native name in capitals, as in old
		// registers; Greek capitals carry no accents.
		up := pl.native
		if p.lang == "el" {
			up = plain(up)
		}
		as = append(as, dataset.Alias{Lang: p.lang, Name: strings.ToUpper(up)})
	}
	return as
}

func (g *generator) sources(c *country, id string, n int) []dataset.Source {
	ss := make([]dataset.Source, n)
	for k := range ss {
		s := dataset.Source{URL: fmt.Sprintf("https://news.%s.example/%s/%d", strings.ToLower(c.id), id, k+1)}
		if g.chance(0.5) {
			s.Title = "Council decision " + strconv.Itoa(g.between(2015, lastYear)) + "/" + strconv.Itoa(g.between(1, 300))
		}
		if g.chance(0.4) {
			s.Accessed = dataset.PartialDate{Year: g.between(2020, lastYear), Month: g.between(1, 12), Day: g.between(1, 28), Precision: dataset.PrecisionDay}
		}
		ss[k] = s
	}
	return ss
}

func (g *generator) digits(n int) string {
	b := make([]byte, n)
	for k := range b {
		b[k] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

// plain writes s without diacritics, keeping case ("Łódź" → "Lodz",
// "Αθήνα" → "Αθηνα"). It does what dataset.Fold does without Fold's
// per-call transformer buffers, which dominated the generator's allocations.
func plain(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if p, ok := plainLetters[r]; ok {
			b.WriteString(p)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainLetters are letters that Unicode does not decompose into a base
// letter and a mark.
var plainLetters = map[rune]string{
	'ł': "l", 'Ł': "L", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ħ': "h", 'Ħ': "H", 'ð': "d", 'Ð': "D",
	'ı': "i", 'ß': "ss", 'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe", 'þ': "th", 'Þ': "Th",
}

// slug makes a unique ID from an English name: its letters and digits
// without diacritics, lower case, runs of anything else as one hyphen, and
// a numeric suffix from the second use on. Names have no digits, so a
// suffixed slug never equals another name's plain one.
func (g *generator) slug(en string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(plain(en)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
		case r != '\'':
			sep = true // an apostrophe joins ("Ta'" → "ta")
		}
	}
	base := b.String()
	if base == "" {
		base = "municipality"
	}
	g.slugs[base]++
	if n := g.slugs[base]; n > 1 {
		return base + "-" + strconv.Itoa(n)
	}
	return base
}

// memberships gives each municipality 0–3 (1.5 on average) networks it can
// join: mostly its country's, otherwise a transnational one.
func (g *generator) memberships(ms []dataset.Municipality, nws []dataset.Network) []dataset.Membership {
	national := map[string][]int{} // by country: indexes into nws
	var transnational []int
	for k, n := range nws {
		if n.Scope == dataset.ScopeNational {
			for _, c := range n.Countries {
				national[c] = append(national[c], k)
			}
			continue
		}
		transnational = append(transnational, k)
	}
	counts := []int{0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3} // mean 1.5
	out := make([]dataset.Membership, 0, len(ms)*3/2)
	ids := make(map[string]bool, len(ms)*3/2)
	var chosen []int
	for _, m := range ms {
		k := pick(g, counts)
		chosen = chosen[:0]
		for try := 0; len(chosen) < k && try < 10; try++ {
			var n int
			if own := national[m.Country]; len(own) > 0 && g.chance(0.6) {
				n = pick(g, own)
			} else {
				n = pick(g, transnational)
			}
			if !containsInt(chosen, n) && (len(nws[n].Countries) == 0 || nws[n].Scope == dataset.ScopeNational || containsStr(nws[n].Countries, m.Country)) {
				chosen = append(chosen, n)
			}
		}
		for _, n := range chosen {
			nw := &nws[n]
			id := m.ID + "-" + nw.ID
			for s := 2; ids[id]; s++ { // another pair can spell the same ID
				id = m.ID + "-" + nw.ID + "-" + strconv.Itoa(s)
			}
			ids[id] = true
			mb := dataset.Membership{ID: id, Municipality: m.ID, Network: nw.ID}
			if g.chance(0.7) {
				mb.Since = g.date(max(nw.Founded, 2010), lastYear)
				// Until is a later year, so that it is after since at any precision.
				if mb.Since.Year < lastYear && g.chance(0.15) {
					mb.Until = g.date(mb.Since.Year+1, min(mb.Since.Year+6, lastYear))
				}
			}
			if g.chance(0.4) {
				mb.Source = &dataset.Source{URL: "https://" + nw.ID + ".example/members/" + m.ID}
				if g.chance(0.3) {
					mb.Source.Note = "Listed as a member on the network's website."
				}
			}
			out = append(out, mb)
		}
	}
	return out
}

// lastYear is the latest year a generated date has, so that none lies in
// the future of the data.
const lastYear = 2025

// date is a date in [from, to] known to the year, the month or the day.
func (g *generator) date(from, to int) dataset.PartialDate {
	d := dataset.PartialDate{Year: g.between(from, to), Precision: dataset.PrecisionYear}
	switch g.r.IntN(3) {
	case 1:
		d.Month, d.Precision = g.between(1, 12), dataset.PrecisionMonth
	case 2:
		d.Month, d.Day, d.Precision = g.between(1, 12), g.between(1, 28), dataset.PrecisionDay
	}
	return d
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// topics are the approaches municipalities take, with their categories.
var topics = []struct {
	slug, en, de string
	categories   []string
}{
	{"city-id-card", "City ID card for all residents", "Stadtausweis für alle", []string{"access-to-services", "firewall"}},
	{"housing-first", "Housing First for newcomers", "Housing First für Neuankommende", []string{"housing"}},
	{"migrant-council", "Migrant advisory council", "Migrationsbeirat", []string{"participation"}},
	{"local-reception-programme", "Local reception programme", "Kommunales Aufnahmeprogramm", []string{"reception", "advocacy"}},
	{"health-care-for-all", "Health care regardless of status", "Gesundheitsversorgung unabhängig vom Aufenthaltsstatus", []string{"access-to-services"}},
	{"welcome-centre", "Welcome centre", "Willkommenszentrum", []string{"reception", "access-to-services"}},
	{"job-mentoring", "Job mentoring for refugees", "Job-Mentoring für Geflüchtete", []string{"work-and-education"}},
	{"language-courses", "Free language courses", "Kostenlose Sprachkurse", []string{"work-and-education", "access-to-services"}},
	{"data-firewall", "Firewall between services and immigration enforcement", "Firewall zwischen Verwaltung und Ausländerbehörde", []string{"firewall"}},
	{"safe-harbour-declaration", "Safe harbour declaration", "Erklärung zum Sicheren Hafen", []string{"advocacy", "reception"}},
	{"shared-flats", "Shared flats with local residents", "Wohngemeinschaften mit Einheimischen", []string{"housing", "participation"}},
	{"local-voting-rights", "Campaign for local voting rights", "Kampagne für das kommunale Wahlrecht", []string{"participation", "advocacy"}},
}

var approachStatuses = []dataset.ApproachStatus{
	dataset.ApproachActive, dataset.ApproachActive, dataset.ApproachActive, dataset.ApproachActive,
	dataset.ApproachActive, dataset.ApproachEnded, dataset.ApproachUnknown,
}

// approaches gives a tenth of the municipalities one or two approaches.
func (g *generator) approaches(ms []dataset.Municipality) []dataset.Approach {
	out := make([]dataset.Approach, 0, len(ms)/8)
	ids := make(map[string]bool, len(ms)/8)
	for i, m := range ms {
		if !g.chance(0.1) {
			continue
		}
		first := len(out)
		t0, n := g.r.IntN(len(topics)), 1
		if g.chance(0.2) {
			n = 2
		}
		for k := range n {
			t := topics[(t0+k*5)%len(topics)]
			id := m.ID + "-" + t.slug
			for s := 2; ids[id]; s++ {
				id = m.ID + "-" + t.slug + "-" + strconv.Itoa(s)
			}
			ids[id] = true
			a := dataset.Approach{
				ID:           id,
				Title:        textOf("en", t.en),
				Municipality: m.ID,
				Categories:   append([]string(nil), t.categories...),
				Status:       pick(g, approachStatuses),
				Sources:      g.sources(countryByID(m.Country), id, 1+g.r.IntN(2)),
			}
			if len(a.Categories) < 3 && g.chance(0.2) {
				if c := pick(g, categoryTable).id; !containsStr(a.Categories, c) {
					a.Categories = append(a.Categories, c)
				}
			}
			if g.profileOf[i].lang == "de" || g.chance(0.2) {
				a.Title["de"] = t.de
			}
			if g.chance(0.85) {
				a.YearStarted = g.between(2005, lastYear)
				a.Summary = textOf("en", fmt.Sprintf("%s started this in %d.", m.Names["en"], a.YearStarted))
			}
			switch {
			case k > 0 && g.chance(0.5):
				a.Related = []string{out[first].ID}
			case len(out) > 0 && g.chance(0.1):
				if r := out[g.r.IntN(len(out))].ID; r != id {
					a.Related = []string{r}
				}
			}
			out = append(out, a)
		}
	}
	return out
}

func countryByID(id string) *country {
	for i := range countryTable {
		if countryTable[i].id == id {
			return &countryTable[i]
		}
	}
	panic("synth: unknown country " + id)
}

// profile makes up place names that look like those of one language.
//
// A name is an optional prefix word, a stem and an ending. A part written
// "native/english" has an English form of its own (Irish "Baile/Bally");
// otherwise the English name is the native one, or its romanisation when
// the language is not written in Latin letters.
type profile struct {
	lang     string // BCP 47 tag of the native names
	prefixes []string
	stems    []string
	endings  []string
	// roman writes a native name in Latin letters; nil for Latin scripts.
	roman func(string) string
	// latnTag, when set, also gives the romanised name under this tag
	// (Serbian is written in both scripts).
	latnTag string
}

// place is a made-up place name.
type place struct {
	native, en string
	short      string // the native name without its prefix word, "" when it has none
}

func (p *profile) name(g *generator) place {
	var native, en strings.Builder
	add := func(part string) {
		n, e, ok := strings.Cut(part, "/")
		if !ok {
			e = n
		}
		native.WriteString(n)
		en.WriteString(e)
	}
	prefixed := len(p.prefixes) > 0 && g.chance(0.2)
	if prefixed {
		pre := pick(g, p.prefixes)
		add(pre)
		if !strings.HasSuffix(pre, "-") {
			add(" ")
		}
	}
	rest := native.Len()
	add(pick(g, p.stems))
	add(pick(g, p.endings))
	pl := place{native: native.String(), en: en.String()}
	if prefixed {
		pl.short = pl.native[rest:]
	}
	if p.roman != nil {
		pl.en = p.roman(pl.native)
	}
	return pl
}

// romanizer transliterates with a letter table: an upper-case letter maps
// to its lower-case entry with the first letter raised ("Ж" → "Zh").
func romanizer(table map[rune]string) func(string) string {
	return func(s string) string {
		var b strings.Builder
		for _, r := range s {
			lo := unicode.ToLower(r)
			t, ok := table[lo]
			if !ok {
				b.WriteRune(r)
				continue
			}
			if lo != r && t != "" {
				rs := []rune(t)
				rs[0] = unicode.ToUpper(rs[0])
				t = string(rs)
			}
			b.WriteString(t)
		}
		return b.String()
	}
}

// greekRoman romanises with the dataset's own search transliteration, so
// that the English name of a Greek place also finds its Greek name.
func greekRoman(s string) string {
	lower := strings.Map(func(r rune) rune {
		if r == 'ς' { // Transliterate knows only the medial sigma
			return 'σ'
		}
		return r
	}, strings.ToLower(plain(s)))
	return titleCase(dataset.Transliterate(lower))
}

func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
		up = r == ' ' || r == '-'
	}
	return b.String()
}

var (
	serbianLatin = romanizer(map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "đ", 'е': "e", 'ж': "ž", 'з': "z",
		'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n", 'њ': "nj", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'ћ': "ć", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c",
		'ч': "č", 'џ': "dž", 'ш': "š",
	})
	ukrainianLatin = romanizer(map[rune]string{ // national system of 2010, without the initial-letter rules
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
		'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
		'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
	})
	bulgarianLatin = romanizer(map[rune]string{ // official system of 2009
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i",
		'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
		'т': "t", 'у': "u", 'ф': "f", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sht", 'ъ': "a",
		'ь': "y", 'ю': "yu", 'я': "ya",
	})
)

// profiles by language tag. Stems and endings are plausible fragments, not
// real places.
var profiles = map[string]*profile{
	"de": {lang: "de",
		prefixes: []string{"Bad", "Groß", "Klein", "Ober", "Nieder", "Alt", "Sankt"},
		stems:    []string{"Lind", "Münch", "Schön", "Fürsten", "Wald", "Stein", "Rosen", "Mühl", "Eich", "Hohen", "Weiß", "Grün", "Königs", "Oster", "Wolf", "Bären", "Frei", "Süder", "Nord", "Lüne", "Göt", "Hild", "Würz", "Brück", "Ebers"},
		endings:  []string{"bach", "berg", "burg", "dorf", "hausen", "heim", "feld", "stadt", "ingen", "au", "weiler", "büttel", "brück", "hagen", "rode", "walde", "see", "tal", "kirchen", "leben", "grund", "heide"}},
	"fr": {lang: "fr",
		prefixes: []string{"Saint-", "Sainte-", "La", "Le", "Les"},
		stems:    []string{"Beau", "Château", "Mont", "Vil", "Fontaine", "Roche", "Bré", "Cé", "Mé", "Ar", "Montre", "Bourg", "Val", "Champ", "Pont", "Lé", "Ro", "Bel"},
		endings:  []string{"ville", "court", "mont", "ac", "ières", "euil", "ès", "y", "çon", "lès", "gny", "ais", "eaux", "ain", "ière", "é", "esse"}},
	"it": {lang: "it",
		prefixes: []string{"San", "Santa", "Monte", "Castel", "Borgo", "Villa"},
		stems:    []string{"Roc", "Pont", "Ser", "Cas", "Mon", "Lu", "Vigna", "Fon", "Gal", "Pal", "Tor", "Sor", "Val", "Bel", "Caro", "Mar"},
		endings:  []string{"ano", "ello", "ino", "ia", "ara", "ì", "ù", "ate", "ago", "ese", "one", "ona", "aro", "ieri", "ola"}},
	"es": {lang: "es",
		prefixes: []string{"San", "Santa", "Villa", "Torre", "Puerto"},
		stems:    []string{"Alcal", "Peñ", "Cañ", "Torre", "Valde", "Alm", "Bena", "Mora", "Cár", "Ávi", "Gua", "Jér", "Zamo", "Lor", "Ma"},
		endings:  []string{"ón", "ejo", "illa", "ares", "ena", "ía", "al", "ero", "uña", "ada", "ín", "eda", "oz"}},
	"ca": {lang: "ca",
		prefixes: []string{"Sant", "Santa", "la", "l'Hospitalet de"},
		stems:    []string{"Vila", "Tor", "Mont", "Bell", "Cal", "Roc", "Font", "Olo", "Reu", "Mataró", "Cer"},
		endings:  []string{"franca", "ella", "ès", "ell", "à", "eta", "oll", "ers", "ç", "ví"}},
	"pt": {lang: "pt",
		prefixes: []string{"São", "Santa", "Vila", "Porto", "Santo"},
		stems:    []string{"Alc", "Gondo", "Valong", "Mour", "Fam", "Bra", "Vise", "Guima", "Lou", "Coim", "Tor", "Ma", "Évo"},
		endings:  []string{"ão", "ães", "ela", "inho", "ões", "ra", "ga", "ém", "alicão", "ares", "osa"}},
	"nl": {lang: "nl",
		prefixes: []string{"Sint-", "Oud-", "Nieuw-", "Groot-"},
		stems:    []string{"Zwaag", "Oost", "West", "Hoog", "Broek", "Zuider", "Apel", "Ens", "Haar", "Leeu", "Gro", "Heeren", "Vlaar", "Roer", "Zaan", "IJssel", "Poperin"},
		endings:  []string{"dam", "dijk", "hoven", "veen", "wijk", "recht", "meer", "zand", "horst", "loo", "sum", "ingen", "broek", "hout", "ge"}},
	"da": {lang: "da",
		prefixes: []string{"Nørre", "Sønder", "Vester", "Øster", "Store", "Lille"},
		stems:    []string{"Fred", "Skør", "Hvid", "Lø", "Nær", "Ærø", "Bjørn", "Hol", "Ring", "Vej", "Ribe", "Æbel", "Kø", "Rø", "Ås"},
		endings:  []string{"ing", "sted", "rup", "by", "havn", "købing", "lev", "løse", "bjerg", "holm", "skov", "bæk"}},
	"sv": {lang: "sv",
		prefixes: []string{"Norra", "Södra", "Västra", "Östra", "Stora", "Lilla"},
		stems:    []string{"Ös", "Hög", "Näs", "Väst", "Lyck", "Skö", "Åm", "Häl", "Mal", "Ljung", "Tä", "Ängel", "Kri", "Sö"},
		endings:  []string{"sund", "köping", "by", "holm", "ås", "ö", "vik", "hamn", "stad", "berga", "fors", "näs", "torp", "hult"}},
	"nb": {lang: "nb",
		stems:   []string{"Fred", "Skjer", "Brønn", "Lille", "Ås", "Mo", "Kongs", "Høne", "Lø", "Sand", "Bær", "Tøns", "Gjø", "Sørum"},
		endings: []string{"stad", "vik", "sund", "dal", "øy", "berg", "fjord", "nes", "heim", "våg", "ås", "strand"}},
	"fi": {lang: "fi",
		stems:   []string{"Järv", "Kuus", "Häme", "Lappeen", "Ääne", "Sein", "Oulu", "Kemi", "Sävon", "Ylö", "Kitee", "Pori", "Rova", "Joki", "Kuo", "Mänt"},
		endings: []string{"enpää", "koski", "järvi", "linna", "lahti", "mäki", "salo", "niemi", "saari", "lampi", "harju", "vaara", "joki"}},
	"pl": {lang: "pl",
		prefixes: []string{"Nowy", "Stary", "Nowa", "Stara", "Wielki"},
		stems:    []string{"Łęcz", "Wrześ", "Zduń", "Brzo", "Szczyt", "Gorz", "Żyr", "Kłodz", "Ostrów", "Świe", "Bystrz", "Rzesz", "Dęb", "Ząb", "Śląs", "Chełm", "Głog", "Łomż", "Przemy", "Zgierz"},
		endings:  []string{"ów", "owo", "ice", "ica", "no", "sk", "ków", "na", "ki", "ń", "ówek", "awa", "ęcin", "ątek", "yca", "źnia"}},
	"cs": {lang: "cs",
		prefixes: []string{"Český", "Nové", "Staré", "Horní", "Dolní"},
		stems:    []string{"Přer", "Úst", "Břec", "Žďár", "Kněž", "Třeb", "Hořov", "Ostr", "Chru", "Kolí", "Písk", "Jičí", "Říč", "Čáslav"},
		endings:  []string{"ov", "ice", "ín", "any", "ná", "ěk", "ůvka", "ovice", "ec", "ník", "á"}},
	"sk": {lang: "sk",
		prefixes: []string{"Nové", "Dolný", "Horný", "Veľké", "Malé"},
		stems:    []string{"Žil", "Pieš", "Trenč", "Bánov", "Štúr", "Levoč", "Ružom", "Poprad", "Humen", "Zvol", "Brez", "Šaľ"},
		endings:  []string{"ina", "ťany", "ovce", "any", "ín", "á", "berok", "né", "ov", "ec"}},
	"hu": {lang: "hu",
		prefixes: []string{"Nagy", "Kis", "Alsó", "Felső"},
		stems:    []string{"Székes", "Tisza", "Kecs", "Győr", "Nyír", "Hód", "Bala", "Sop", "Pécs", "Eger", "Szeg", "Mis", "Debre", "Zala", "Ősz"},
		endings:  []string{"fehérvár", "újváros", "egyháza", "háza", "halom", "tó", "szentmiklós", "kemét", "vásárhely", "falva", "hely", "egerszeg", "lőrinc", "őr"}},
	"sl": {lang: "sl",
		prefixes: []string{"Slovenska", "Nova", "Stara"},
		stems:    []string{"Lju", "Ško", "Kranj", "Ptu", "Šmart", "Črn", "Novo", "Cel", "Mari", "Velen", "Trbo", "Kočev", "Ajdo"},
		endings:  []string{"ja", "omelj", "no", "ica", "ec", "nik", "je", "ovo", "šče", "ina", "lje"}},
	"hr": {lang: "hr",
		prefixes: []string{"Novi", "Stari", "Veliki", "Mali"},
		stems:    []string{"Čak", "Šibe", "Đako", "Vara", "Kaš", "Pore", "Ilo", "Vuko", "Bjelo", "Kop", "Samo", "Požeg", "Križ", "Daru"},
		endings:  []string{"ovec", "ovo", "nik", "ica", "grad", "ine", "var", "ač", "ja", "evci", "jevo", "ec", "ić"}},
	"ro": {lang: "ro",
		prefixes: []string{"Târgu", "Câmpia", "Piatra", "Baia", "Sânta"},
		stems:    []string{"Bră", "Câmp", "Sighiș", "Făgăr", "Ișal", "Slo", "Buzi", "Tur", "Focș", "Medi", "Oradi", "Piteș", "Târ", "Vaslu"},
		endings:  []string{"ila", "oara", "ești", "eni", "ulung", "ău", "ița", "ani", "ia", "uți", "iu"}},
	"ga": {lang: "ga",
		stems:   []string{"Baile/Bally", "Cill/Kil", "Dún/Dun", "Ros/Ross", "Cluain/Clon", "Achadh/Augh", "Gleann/Glen", "Inis/Ennis", "Carraig/Carrick", "Lios/Lis", "Mainistir/Monaster", "Ráth/Rath", "Tobar/Tubber", "Droichead/Drohed"},
		endings: []string{" Mór/more", " Beag/beg", " Locha/lough", " an Chaisil/cashel", " Doire/derry", " na Mara/namara", " Garbh/garriff", " Bán/bawn", " Rua/roe", " an Bhóthair/boher", " Dubh/duff", " na Coille/nakilla"}},
	"mt": {lang: "mt",
		prefixes: []string{"Ħal", "Ta'"},
		stems:    []string{"Żeb", "Birż", "Xgħa", "Mar", "Qor", "Għar", "Most", "Naxx", "Żur", "Kalk", "Fgur", "Isl", "Siġġ", "Ċirk"},
		endings:  []string{"bbuġa", "ejtun", "ira", "aq", "xlokk", "ieq", "ewi", "ar", "ija", "ara", "ena", "ta", "ewwa"}},
	"is": {lang: "is",
		stems:   []string{"Hafnar", "Reykja", "Akur", "Egils", "Ísa", "Sauðár", "Þórs", "Grinda", "Borgar", "Húsa", "Seyðis", "Vest", "Dal", "Ólafs"},
		endings: []string{"fjörður", "vík", "eyri", "staðir", "höfn", "krókur", "nes", "bær", "vellir", "hólmur", "fell", "ós"}},
	"tr": {lang: "tr",
		stems:   []string{"Gazi", "Lef", "Mağ", "Güzel", "Yeni", "Akde", "Kara", "Değir", "Çam", "İskele", "Dip"},
		endings: []string{"köy", "yurt", "usa", "kent", "ova", "lı", "dere", "boğaz", "ırmak"}},
	"el": {lang: "el",
		prefixes: []string{"Νέα", "Άνω", "Κάτω", "Παλαιά", "Αγία"},
		stems:    []string{"Καλαμ", "Θεσσαλ", "Λαρ", "Πατρ", "Ιωανν", "Κοζ", "Βολ", "Ηρακλ", "Χαλκ", "Σμυρν", "Ξανθ", "Τρικ", "Καβ", "Λεμεσ", "Παφ", "Κερκ", "Ρεθυμν", "Σερρ", "Δραμ", "Αμφισσ"},
		endings:  []string{"άτα", "ονίκη", "ίνα", "ίσα", "ίδα", "άλα", "ούπολη", "ύρα", "ή", "ιά", "ία", "ώνη", "ένη", "ίτσα"},
		roman:    greekRoman},
	"uk": {lang: "uk",
		prefixes: []string{"Нова", "Стара", "Велика", "Мала"},
		stems:    []string{"Біл", "Житом", "Терноп", "Черн", "Вінн", "Хмельн", "Запор", "Кропивн", "Ізюм", "Луц", "Рівн", "Полт", "Сум", "Ужгор", "Ковел", "Бердич", "Явор"},
		endings:  []string{"ів", "иця", "іль", "ець", "ка", "ове", "ин", "оград", "ани", "івка", "ичі", "ськ", "щина"},
		roman:    ukrainianLatin},
	"bg": {lang: "bg",
		prefixes: []string{"Горна", "Долна", "Стара", "Нова", "Велико"},
		stems:    []string{"Благо", "Карл", "Пазар", "Плов", "Казан", "Смол", "Габр", "Врац", "Шум", "Ямб", "Хаск", "Сливн", "Добр", "Разгр", "Ловеч", "Пещ", "Търг"},
		endings:  []string{"евград", "ово", "джик", "лък", "ян", "див", "ица", "ен", "ина", "ец", "ище"},
		roman:    bulgarianLatin},
	"sr": {lang: "sr",
		prefixes: []string{"Нови", "Стари", "Велико", "Бачка"},
		stems:    []string{"Крагу", "Шаб", "Ниш", "Зрењ", "Чач", "Панч", "Ваљ", "Сомб", "Суб", "Јаго", "Ћуп", "Ђурђ", "Љиг", "Њег", "Лозн", "Лесков", "Пожар"},
		endings:  []string{"евац", "ац", "ево", "анин", "ак", "ор", "отица", "ина", "ица", "ово", "ин", "ија"},
		roman:    serbianLatin, latnTag: "sr-Latn"},
}
