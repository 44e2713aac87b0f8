package catalog

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Config is what the catalogue states that neither the data nor the
// releases know: who publishes, whom to contact, under which licence, and
// how the dataset is titled, described and classified. The zero value
// of every field means its default (WithDefaults).
type Config struct {
	// BaseURI is the public base of every IRI and link, without a
	// trailing slash ("https://data.moving-cities.eu").
	BaseURI string

	// Title and Description name and describe the dataset, by language.
	Title, Description dataset.Text
	// CatalogTitle and CatalogDescription name and describe the catalogue.
	CatalogTitle, CatalogDescription dataset.Text
	// Keywords describe the dataset, by language. The approach
	// categories' labels are added from the data.
	Keywords map[string][]string
	// Themes are codes of the EU data-theme table ("SOCI").
	Themes []string

	// PublisherName and PublisherURL name the publisher; the URL is also
	// its IRI, as in the vocabulary.
	PublisherName, PublisherURL string
	// PublisherType is a code of the ADMS publisher types
	// ("NonProfitOrganisation").
	PublisherType string
	// ContactEmail and ContactURL reach the contact point; ContactURL
	// defaults to PublisherURL, ContactEmail to none.
	ContactEmail, ContactURL string

	// License is the IRI of the licence of the data and of every file, in
	// the EU licence table (DefaultLicense: CC BY 4.0).
	License string
	// Issued is the day the dataset was first published (YYYY-MM-DD).
	Issued string
	// Frequency is a code of the EU frequency table for
	// dct:accrualPeriodicity; empty states none.
	Frequency string
	// Availability is a code of the EU planned-availability table for the
	// files of the releases.
	Availability string
}

// Defaults.
var (
	DefaultTitle = dataset.Text{"en": "Moving Cities Open Data", "de": "Moving Cities Open Data", "es": "Moving Cities Open Data",
		"fr": "Moving Cities Open Data", "el": "Moving Cities Open Data", "it": "Moving Cities Open Data", "pl": "Moving Cities Open Data"}
	DefaultDescription = dataset.Text{
		"en": "European municipalities that support a solidarity-based migration policy, the city networks they form, their memberships and the local approaches they implemented: linked open data from the Moving Cities platform, with sources, links to Wikidata and dated memberships.",
		"de": "Europäische Kommunen, die eine solidarische Migrationspolitik unterstützen, die Städtenetzwerke, die sie bilden, ihre Mitgliedschaften und die lokalen Ansätze, die sie umgesetzt haben: offene, verknüpfte Daten der Plattform Moving Cities, mit Quellen, Verknüpfungen zu Wikidata und datierten Mitgliedschaften.",
		"es": "Municipios europeos que apoyan una política migratoria solidaria, las redes de ciudades que forman, sus membresías y los enfoques locales que han puesto en marcha: datos abiertos enlazados de la plataforma Moving Cities, con fuentes, enlaces a Wikidata y membresías fechadas.",
		"fr": "Les communes européennes qui soutiennent une politique migratoire solidaire, les réseaux de villes qu'elles forment, leurs adhésions et les approches locales qu'elles ont mises en œuvre : données ouvertes et liées de la plateforme Moving Cities, avec leurs sources, des liens vers Wikidata et des adhésions datées.",
		"el": "Ευρωπαϊκοί δήμοι που υποστηρίζουν μια αλληλέγγυα μεταναστευτική πολιτική, τα δίκτυα πόλεων που σχηματίζουν, οι συμμετοχές τους και οι τοπικές προσεγγίσεις που εφάρμοσαν: ανοικτά συνδεδεμένα δεδομένα της πλατφόρμας Moving Cities, με πηγές, συνδέσμους προς το Wikidata και χρονολογημένες συμμετοχές.",
		"it": "I comuni europei che sostengono una politica migratoria solidale, le reti di città che formano, le loro adesioni e gli approcci locali che hanno attuato: dati aperti collegati della piattaforma Moving Cities, con fonti, collegamenti a Wikidata e adesioni datate.",
		"pl": "Europejskie gminy wspierające solidarną politykę migracyjną, tworzone przez nie sieci miast, ich członkostwa oraz wdrożone przez nie podejścia lokalne: otwarte dane powiązane platformy Moving Cities, ze źródłami, powiązaniami z Wikidanymi i datowanymi członkostwami.",
	}
	DefaultCatalogTitle = dataset.Text{"en": "Moving Cities Open Data catalogue", "de": "Katalog von Moving Cities Open Data",
		"es": "Catálogo de Moving Cities Open Data", "fr": "Catalogue de Moving Cities Open Data", "el": "Κατάλογος του Moving Cities Open Data",
		"it": "Catalogo di Moving Cities Open Data", "pl": "Katalog Moving Cities Open Data"}
	DefaultCatalogDescription = dataset.Text{
		"en": "The dataset of Moving Cities Open Data, its releases and its API.",
		"de": "Der Datensatz von Moving Cities Open Data, seine Veröffentlichungen und seine API.",
		"es": "El conjunto de datos de Moving Cities Open Data, sus versiones publicadas y su API.",
		"fr": "Le jeu de données de Moving Cities Open Data, ses versions publiées et son API.",
		"el": "Το σύνολο δεδομένων του Moving Cities Open Data, οι εκδόσεις του και η διεπαφή προγραμματισμού (API) του.",
		"it": "Il dataset di Moving Cities Open Data, le sue versioni pubblicate e la sua API.",
		"pl": "Zbiór danych Moving Cities Open Data, jego wydania i jego API.",
	}
	DefaultKeywords = map[string][]string{
		"en": {"migration", "migration policy", "solidarity cities", "municipalities", "city networks", "reception of refugees", "local government"},
		"de": {"Migration", "Migrationspolitik", "solidarische Städte", "Kommunen", "Städtenetzwerke", "Aufnahme von Geflüchteten", "Kommunalpolitik"},
	}
	// DefaultThemes: population and society, government and public
	// sector, regions and cities.
	DefaultThemes = []string{"SOCI", "GOVE", "REGI"}
)

const (
	// DefaultPublisherType is the ADMS publisher type assumed for Moving
	// Cities; deployments should state theirs.
	DefaultPublisherType = "NonProfitOrganisation"
	// DefaultAvailability: release files stay available for the medium
	// term (retention keeps the newest releases and each month's first).
	DefaultAvailability = "AVAILABLE"
)

// WithDefaults returns c with every empty field set to its default.
func (c Config) WithDefaults() Config {
	c.BaseURI = strings.TrimRight(c.BaseURI, "/")
	if len(c.Title) == 0 {
		c.Title = DefaultTitle
	}
	if len(c.Description) == 0 {
		c.Description = DefaultDescription
	}
	if len(c.CatalogTitle) == 0 {
		c.CatalogTitle = DefaultCatalogTitle
	}
	if len(c.CatalogDescription) == 0 {
		c.CatalogDescription = DefaultCatalogDescription
	}
	if c.Keywords == nil {
		c.Keywords = DefaultKeywords
	}
	if len(c.Themes) == 0 {
		c.Themes = DefaultThemes
	}
	if c.PublisherName == "" {
		c.PublisherName = vocab.PublisherName
	}
	if c.PublisherURL == "" {
		c.PublisherURL = vocab.PublisherIRI
	}
	if c.PublisherType == "" {
		c.PublisherType = DefaultPublisherType
	}
	if c.ContactURL == "" {
		c.ContactURL = c.PublisherURL
	}
	if c.License == "" {
		c.License = DefaultLicense
	}
	if c.Issued == "" {
		c.Issued = vocab.Issued
	}
	if c.Availability == "" {
		c.Availability = DefaultAvailability
	}
	return c
}

// Validate reports every field of c (after WithDefaults) that the
// catalogue cannot state as given.
func (c Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for name, u := range map[string]string{"base URI": c.BaseURI, "publisher URL": c.PublisherURL, "licence": c.License} {
		if !absoluteURL(u) {
			bad("%s %q is not an absolute http(s) URL", name, u)
		}
	}
	if c.ContactURL != "" && !absoluteURL(c.ContactURL) {
		bad("contact URL %q is not an absolute http(s) URL", c.ContactURL)
	}
	if c.ContactEmail != "" {
		if a, err := mail.ParseAddress(c.ContactEmail); err != nil || a.Address != c.ContactEmail {
			bad("contact email %q is not a plain email address", c.ContactEmail)
		}
	}
	if c.ContactURL == "" && c.ContactEmail == "" {
		bad("no contact point: give a contact email or URL")
	}
	for name, t := range map[string]dataset.Text{"title": c.Title, "description": c.Description,
		"catalogue title": c.CatalogTitle, "catalogue description": c.CatalogDescription} {
		if strings.TrimSpace(t["en"]) == "" {
			bad("the %s has no English text", name)
		}
	}
	for _, th := range c.Themes {
		if _, ok := themes[th]; !ok {
			bad("theme %q is not a code of the EU data-theme table", th)
		}
	}
	if _, ok := publisherTypes[c.PublisherType]; !ok {
		bad("publisher type %q is not an ADMS publisher type", c.PublisherType)
	}
	if _, ok := availabilities[c.Availability]; !ok {
		bad("availability %q is not a code of the EU planned-availability table", c.Availability)
	}
	if _, ok := frequencies[c.Frequency]; c.Frequency != "" && !ok {
		bad("frequency %q is not a code of the EU frequency table", c.Frequency)
	}
	if _, err := time.Parse(time.DateOnly, c.Issued); err != nil {
		bad("issued %q is not a date (YYYY-MM-DD)", c.Issued)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// LicenseInfo returns the title and the own page of the licence with the
// given IRI, where the catalogue knows it; otherwise the IRI for both.
func LicenseInfo(iri string) (title, page string) {
	if l, ok := licences[iri]; ok {
		return l.Label, l.URL
	}
	return iri, iri
}
