package catalog

import (
	"mime"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/moving-cities/opendata/dataset"
)

// The controlled vocabularies DCAT-AP asks for: the EU Vocabularies'
// authority tables (publications.europa.eu/resource/authority/…), the
// ADMS code lists and IANA's media types. The catalogue names their
// concepts by IRI and, because the SHACL shapes check ranges with
// sh:class and code lists with skos:inScheme on the data itself, states
// each concept's classes, English label and scheme where it uses it.

const (
	authority = "http://publications.europa.eu/resource/authority/"
	ianaMedia = "https://www.iana.org/assignments/media-types/"

	publisherTypeNS     = "http://purl.org/adms/publishertype/"
	publisherTypeScheme = "http://purl.org/adms/publishertype/1.0"
	licenceTypeNS       = "http://purl.org/adms/licencetype/"
	licenceTypeScheme   = "http://purl.org/adms/licencetype/1.0"
)

// scheme is a code list: its IRI, its title and the IRI its codes are
// appended to.
type scheme struct {
	IRI, Title, NS string
}

// The code lists the catalogue uses.
var (
	schemeTheme        = scheme{authority + "data-theme", "Data theme", authority + "data-theme/"}
	schemeCountry      = scheme{authority + "country", "Countries and territories", authority + "country/"}
	schemeLanguage     = scheme{authority + "language", "Languages", authority + "language/"}
	schemeFileType     = scheme{authority + "file-type", "File type", authority + "file-type/"}
	schemeAccessRight  = scheme{authority + "access-right", "Access right", authority + "access-right/"}
	schemeAvailability = scheme{authority + "planned-availability", "Planned availability", authority + "planned-availability/"}
	schemeFrequency    = scheme{authority + "frequency", "Frequency", authority + "frequency/"}
	schemeLicence      = scheme{authority + "licence", "Licence", authority + "licence/"}
	schemePublisher    = scheme{publisherTypeScheme, "Publisher type", publisherTypeNS}
	schemeLicenceType  = scheme{licenceTypeScheme, "Licence type", licenceTypeNS}
)

// concept is a code of a code list, with its English label.
type concept struct {
	Scheme scheme
	Code   string
	Label  string
}

// IRI is the concept's IRI.
func (c concept) IRI() string { return c.Scheme.NS + c.Code }

// Themes are the EU data themes
// (http://publications.europa.eu/resource/authority/data-theme).
var themes = codeList(schemeTheme, map[string]string{
	"AGRI": "Agriculture, fisheries, forestry and food",
	"ECON": "Economy and finance",
	"EDUC": "Education, culture and sport",
	"ENER": "Energy",
	"ENVI": "Environment",
	"GOVE": "Government and public sector",
	"HEAL": "Health",
	"INTR": "International issues",
	"JUST": "Justice, legal system and public safety",
	"REGI": "Regions and cities",
	"SOCI": "Population and society",
	"TECH": "Science and technology",
	"TRAN": "Transport",
})

// publisherTypes are the ADMS publisher types.
var publisherTypes = codeList(schemePublisher, map[string]string{
	"Academia-ScientificOrganisation": "Academia/Scientific organisation",
	"Company":                         "Company",
	"IndustryConsortium":              "Industry consortium",
	"LocalAuthority":                  "Local authority",
	"NationalAuthority":               "National authority",
	"NonGovernmentalOrganisation":     "Non-governmental organisation",
	"NonProfitOrganisation":           "Non-profit organisation",
	"PrivateIndividual(s)":            "Private individual(s)",
	"RegionalAuthority":               "Regional authority",
	"StandardisationBody":             "Standardisation body",
	"SupraNationalAuthority":          "Supra-national authority",
})

// availabilities are the EU planned availabilities of distributions.
var availabilities = codeList(schemeAvailability, map[string]string{
	"AVAILABLE":    "available",
	"EXPERIMENTAL": "experimental",
	"STABLE":       "stable",
	"TEMPORARY":    "temporary",
})

// frequencies are the EU update frequencies the catalogue accepts.
var frequencies = codeList(schemeFrequency, map[string]string{
	"CONT":        "continuous",
	"DAILY":       "daily",
	"WEEKLY":      "weekly",
	"MONTHLY":     "monthly",
	"QUARTERLY":   "quarterly",
	"ANNUAL":      "annual",
	"IRREG":       "irregular",
	"UPDATE_CONT": "continuously updated",
	"UNKNOWN":     "unknown",
})

// accessPublic is the access right of the dataset and the API.
var accessPublic = concept{schemeAccessRight, "PUBLIC", "public"}

// licence is a licence of the EU licence table, with what DCAT-AP wants
// stated about it.
type licence struct {
	concept
	// URL is the licence's own page, linked with rdfs:seeAlso.
	URL string
	// Types are ADMS licence types (Attribution, ShareAlike…).
	Types []concept
}

var (
	licenceAttribution  = concept{schemeLicenceType, "Attribution", "Attribution"}
	licenceShareAlike   = concept{schemeLicenceType, "ShareAlike", "Share-alike"}
	licencePublicDomain = concept{schemeLicenceType, "PublicDomain", "Public domain"}
)

// licences are the open licences the catalogue knows, by IRI. Another
// licence IRI may be configured; the catalogue then states only that it
// is a licence document.
var licences = func() map[string]licence {
	m := map[string]licence{}
	for _, l := range []licence{
		{concept{schemeLicence, "CC_BY_4_0", "Creative Commons Attribution 4.0 International"},
			"https://creativecommons.org/licenses/by/4.0/", []concept{licenceAttribution}},
		{concept{schemeLicence, "CC_BYSA_4_0", "Creative Commons Attribution-ShareAlike 4.0 International"},
			"https://creativecommons.org/licenses/by-sa/4.0/", []concept{licenceAttribution, licenceShareAlike}},
		{concept{schemeLicence, "CC0", "Creative Commons CC0 1.0 Universal"},
			"https://creativecommons.org/publicdomain/zero/1.0/", []concept{licencePublicDomain}},
		{concept{schemeLicence, "ODC_BY", "Open Data Commons Attribution License"},
			"https://opendatacommons.org/licenses/by/1-0/", []concept{licenceAttribution}},
		{concept{schemeLicence, "ODC_ODBL", "Open Data Commons Open Database License"},
			"https://opendatacommons.org/licenses/odbl/1-0/", []concept{licenceAttribution, licenceShareAlike}},
	} {
		m[l.IRI()] = l
	}
	return m
}()

// DefaultLicense is the licence of the data: CC BY 4.0, as an IRI of the
// EU licence table.
const DefaultLicense = authority + "licence/CC_BY_4_0"

// fileTypes maps media types (without parameters) to EU file types.
var fileTypes = func() map[string]concept {
	ft := func(code, label string) concept { return concept{schemeFileType, code, label} }
	return map[string]concept{
		"text/csv":                       ft("CSV", "CSV"),
		"application/vnd.apache.parquet": ft("PARQUET", "Parquet"),
		"application/geo+json":           ft("GEOJSON", "GeoJSON"),
		"application/n-triples":          ft("RDF_N_TRIPLES", "RDF N-Triples"),
		"text/turtle":                    ft("RDF_TURTLE", "RDF Turtle"),
		"application/trig":               ft("RDF_TRIG", "RDF TriG"),
		"application/ld+json":            ft("JSON_LD", "JSON-LD"),
		"application/rdf+xml":            ft("RDF_XML", "RDF/XML"),
		"application/json":               ft("JSON", "JSON"),
		"application/csvm+json":          ft("JSON", "JSON"),
		"text/tab-separated-values":      ft("TSV", "TSV"),
		"text/plain":                     ft("TXT", "TXT"),
		"application/gzip":               ft("GZIP", "GZIP"),
		"application/zip":                ft("ZIP", "ZIP"),
		"text/html":                      ft("HTML", "HTML"),
		"application/pdf":                ft("PDF", "PDF"),
	}
}()

// baseMediaType returns mt without parameters, in lower case
// ("text/csv; charset=utf-8" → "text/csv"); "" when mt is not a media type.
func baseMediaType(mt string) string {
	t, _, err := mime.ParseMediaType(mt)
	if err != nil {
		return ""
	}
	return strings.ToLower(t)
}

// ianaIRI is the IRI of a media type in IANA's register.
func ianaIRI(mediaType string) string { return ianaMedia + mediaType }

// countryConcept returns the EU country of an ISO 3166-1 alpha-2 code,
// whose code is the alpha-3 one ("DE" → DEU), with the country's English
// name from the data.
func countryConcept(c *dataset.Country) (concept, bool) {
	r, err := language.ParseRegion(c.ID)
	if err != nil || !r.IsCountry() {
		return concept{}, false
	}
	label := c.Names["en"]
	if label == "" {
		label = c.ID
	}
	return concept{schemeCountry, strings.ToUpper(r.ISO3()), label}, true
}

// languageConcept returns the EU language of a BCP 47 tag, whose code is
// the ISO 639-3 one ("el" → ELL), with its English name.
func languageConcept(tag string) (concept, bool) {
	t, err := language.Parse(tag)
	if err != nil {
		return concept{}, false
	}
	base, conf := t.Base()
	if conf == language.No {
		return concept{}, false
	}
	code := base.ISO3()
	if len(code) != 3 {
		return concept{}, false
	}
	name := display.English.Languages().Name(language.Make(base.String()))
	if name == "" {
		name = base.String()
	}
	return concept{schemeLanguage, strings.ToUpper(code), name}, true
}

func codeList(s scheme, labels map[string]string) map[string]concept {
	m := make(map[string]concept, len(labels))
	for code, label := range labels {
		m[code] = concept{s, code, label}
	}
	return m
}
