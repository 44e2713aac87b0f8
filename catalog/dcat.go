package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Input is what the catalogue and the VoID description are built from.
type Input struct {
	Config   Config
	Snapshot *dataset.Snapshot
	// Latest is the latest release: its files are the dataset's
	// distributions. Nil before the first release.
	Latest *Release
	// Earlier are the other releases kept, newest first: each is a
	// version of the dataset.
	Earlier []Release
	// Stats are the VoID statistics of Latest's N-Triples dump (see
	// Counter); nil when they are not known.
	Stats *Stats
}

// description is the dataset's description followed, in each language,
// by the coverage statement counted from the snapshot (what the data holds
// against what the platform shows), so that the catalogue, VoID and the
// schema.org Dataset say what the landing page and the manifest say.
func (in Input) description(cfg Config) dataset.Text {
	totals, err := dataset.Platform()
	if in.Snapshot == nil || err != nil {
		return cfg.Description
	}
	cov := dataset.CoverageOf(in.Snapshot, totals)
	out := dataset.Text{}
	for lang, s := range cfg.Description {
		if dataset.IsPlatformLanguage(lang) {
			s += " " + cov.Statement(lang)
		}
		out[lang] = s
	}
	return out
}

// The IRIs of what the catalogue describes. They are fragments of the
// catalogue's document, {base}/catalog, so that they dereference to it,
// except the dataset's: vocab.DatasetIRI, which every entity's document
// names as the dataset it belongs to (void:inDataset) and the graph dumps
// describe as a void:Dataset.

// CatalogIRI names the catalogue.
func CatalogIRI(base string) string { return base + "/catalog#catalog" }

// ServiceIRI names the REST API as a data service.
func ServiceIRI(base string) string { return base + "/catalog#api" }

// FragmentsServiceIRI names the Triple Pattern Fragments interface as a
// data service.
func FragmentsServiceIRI(base string) string { return base + "/catalog#fragments" }

// QueryPageURL is the page that explains how to query the graph.
func QueryPageURL(base string) string { return base + "/sparql" }

// ReleaseIRI names the version of the dataset that a release holds.
func ReleaseIRI(base, release string) string { return base + "/catalog#release-" + release }

// DistributionIRI names the distribution that a file of a release is.
func DistributionIRI(base, release, file string) string {
	return base + "/catalog#file-" + release + "-" + file
}

// DownloadURL is where a file of a release is served.
func DownloadURL(base, release, file string) string {
	return base + "/dumps/" + release + "/" + file
}

// DumpsURL is the index of the releases: every file's access URL.
func DumpsURL(base string) string { return base + "/dumps" }

// LandingURL is the landing page of the dataset.
func LandingURL(base string) string { return base + "/" }

// OpenAPIURL is the API's description.
func OpenAPIURL(base string) string { return base + "/openapi.yaml" }

// serviceTitle and serviceDescription describe the REST API.
var (
	serviceTitle       = dataset.Text{"en": "Moving Cities Open Data API", "de": "API von Moving Cities Open Data"}
	serviceDescription = dataset.Text{
		"en": "A read-only REST API over the dataset: municipalities, countries, city networks, memberships, approaches and categories as JSON that reads as JSON-LD, with multilingual search, filters and pagination. Its OpenAPI document describes every operation.",
		"de": "Eine lesende REST-API über den Datensatz: Kommunen, Staaten, Städtenetzwerke, Mitgliedschaften, Ansätze und Kategorien als JSON, das sich als JSON-LD lesen lässt, mit mehrsprachiger Suche, Filtern und Seitenweise-Abruf. Ihr OpenAPI-Dokument beschreibt jede Operation.",
	}
)

// apiFormats are the EU file types of the API's answers.
var apiFormats = []string{"application/json", "application/ld+json"}

// fragmentsTitle and fragmentsDescription describe the fragments.
var (
	fragmentsTitle = dataset.Text{
		"en": "Moving Cities Open Data: Triple Pattern Fragments",
		"de": "Moving Cities Open Data: Triple Pattern Fragments",
	}
	fragmentsDescription = dataset.Text{
		"en": "The dataset's graph as Triple Pattern Fragments: the triples that match a pattern, a page at a time, with their count and the controls to ask for any other pattern (Hydra). A client such as Comunica runs SPARQL queries over it; the page it links to has example queries.",
		"de": "Der Graph des Datensatzes als Triple Pattern Fragments: die Tripel, die einem Muster entsprechen, seitenweise, mit ihrer Zahl und den Steuerelementen, um nach jedem anderen Muster zu fragen (Hydra). Ein Client wie Comunica führt darüber SPARQL-Abfragen aus; die verlinkte Seite hat Beispielabfragen.",
	}
	// fragmentsFormats are the EU file types of the fragments.
	fragmentsFormats = []string{"text/turtle", "application/trig", "application/ld+json", "application/n-triples"}
)

// DCAT returns the DCAT-AP 3 catalogue: the catalogue, the dataset with
// one distribution per file of the latest release, the earlier releases
// as versions of the dataset, the API as a data service, and every
// agent, contact point, licence and controlled-vocabulary concept they
// refer to, with the classes DCAT-AP's shapes check. Every value comes
// from the configuration, a release manifest or the data.
func DCAT(in Input) ([]vocab.Triple, error) {
	cfg := in.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if in.Snapshot == nil {
		return nil, fmt.Errorf("catalog: no dataset snapshot")
	}
	b := &builder{g: newGraph(), cfg: cfg, in: in, base: cfg.BaseURI}
	b.catalog()
	return b.g.triples(), nil
}

type builder struct {
	g    *graph
	cfg  Config
	in   Input
	base string
	// blank counts blank nodes, for their labels.
	blank int
}

func (b *builder) newBlank(prefix string) vocab.Node {
	b.blank++
	return vocab.Blank(prefix + strconv.Itoa(b.blank))
}

func (b *builder) catalog() {
	g, cfg := b.g, b.cfg
	cat := vocab.IRI(CatalogIRI(b.base))
	g.typ(cat, vocab.DCATCatalog)
	g.texts(cat, vocab.DCTermsTitle, cfg.CatalogTitle)
	g.texts(cat, vocab.DCTermsDescription, cfg.CatalogDescription)
	g.add(cat, vocab.DCTermsPublisher, b.publisher())
	g.add(cat, vocab.DCTermsCreator, b.publisher())
	g.add(cat, vocab.FOAFHomepage, b.document(LandingURL(b.base)))
	for _, lang := range b.metadataLanguages() {
		g.add(cat, vocab.DCTermsLanguage, lang)
	}
	g.add(cat, vocab.DCTermsLicense, b.licence())
	g.add(cat, vocab.DCTermsIssued, vocab.Date(cfg.Issued))
	g.add(cat, vocab.DCTermsModified, b.modified())
	g.add(cat, vocab.DCATThemeTaxonomy, g.scheme(schemeTheme))
	for _, c := range b.countries() {
		g.add(cat, vocab.DCTermsSpatial, c)
	}
	g.add(cat, vocab.DCATDatasetProp, b.dataset())
	g.add(cat, vocab.DCATService, b.service())
	g.add(cat, vocab.DCATService, b.fragments())
}

// dataset describes the dataset as it is now: its latest release's files
// are its distributions, and the earlier releases its versions.
func (b *builder) dataset() vocab.Node {
	g, cfg := b.g, b.cfg
	ds := vocab.IRI(vocab.DatasetIRI(b.base))
	g.typ(ds, vocab.DCATDataset)
	g.texts(ds, vocab.DCTermsTitle, cfg.Title)
	g.texts(ds, vocab.DCTermsDescription, b.in.description(cfg))
	g.add(ds, vocab.DCTermsIdentifier, vocab.Str(vocab.DatasetIRI(b.base)))
	b.common(ds)
	for _, c := range b.countries() {
		g.add(ds, vocab.DCTermsSpatial, c)
	}
	g.add(ds, vocab.DCTermsTemporal, b.temporal())
	for _, lang := range b.dataLanguages() {
		g.add(ds, vocab.DCTermsLanguage, lang)
	}
	g.add(ds, vocab.DCATLandingPage, b.document(LandingURL(b.base)))
	g.add(ds, vocab.DCTermsIssued, vocab.Date(cfg.Issued))
	g.add(ds, vocab.DCTermsModified, b.modified())
	if cfg.Frequency != "" {
		g.add(ds, vocab.DCTermsAccrualPeriodicity, g.concept(frequencies[cfg.Frequency], vocab.DCTermsFrequency))
	}
	if r := b.in.Latest; r != nil {
		g.add(ds, vocab.DCATVersion, vocab.Str(r.Name))
		g.add(ds, vocab.ADMSVersionNotes, vocab.LangStr(versionNotes(r), "en"))
		for _, f := range r.Files {
			g.add(ds, vocab.DCATDistributionProp, b.distribution(r, f))
		}
	}
	for i := range b.in.Earlier {
		v := b.version(i)
		g.add(ds, vocab.DCATHasVersion, v)
		if i == 0 {
			g.add(ds, vocab.DCATPreviousVersion, v)
		}
	}
	return ds
}

// common states what the dataset, its versions and the API share:
// publisher, contact point, themes, keywords, licence, access rights and
// the vocabulary they conform to.
func (b *builder) common(n vocab.Node) {
	g := b.g
	g.add(n, vocab.DCTermsPublisher, b.publisher())
	g.add(n, vocab.DCTermsCreator, b.publisher())
	g.add(n, vocab.DCATContactPoint, b.contact())
	for _, t := range b.cfg.Themes {
		g.add(n, vocab.DCATTheme, g.concept(themes[t]))
	}
	for _, kw := range b.keywords() {
		g.add(n, vocab.DCATKeyword, kw)
	}
	g.add(n, vocab.DCTermsLicense, b.licence())
	g.add(n, vocab.DCTermsAccessRights, g.concept(accessPublic, vocab.DCTermsRightsStatement))
	g.add(n, vocab.DCTermsConformsTo, b.standard())
}

// version describes the earlier release b.in.Earlier[i] as a version of
// the dataset. What only the data of that release could tell (its
// countries, period and languages) is not stated.
func (b *builder) version(i int) vocab.Node {
	g, cfg := b.g, b.cfg
	r := &b.in.Earlier[i]
	v := vocab.IRI(ReleaseIRI(b.base, r.Name))
	g.typ(v, vocab.DCATDataset)
	title := dataset.Text{}
	for lang, t := range cfg.Title {
		title[lang] = t + " " + r.Name
	}
	g.texts(v, vocab.DCTermsTitle, title)
	g.texts(v, vocab.DCTermsDescription, cfg.Description)
	g.add(v, vocab.DCTermsIdentifier, vocab.Str(ReleaseIRI(b.base, r.Name)))
	b.common(v)
	g.add(v, vocab.DCATVersion, vocab.Str(r.Name))
	g.add(v, vocab.ADMSVersionNotes, vocab.LangStr(versionNotes(r), "en"))
	g.add(v, vocab.DCATIsVersionOf, vocab.IRI(vocab.DatasetIRI(b.base)))
	if d := r.Date(); !d.IsZero() {
		g.add(v, vocab.DCTermsIssued, vocab.Date(d.String()))
	}
	if i+1 < len(b.in.Earlier) {
		g.add(v, vocab.DCATPreviousVersion, vocab.IRI(ReleaseIRI(b.base, b.in.Earlier[i+1].Name)))
	}
	for _, f := range r.Files {
		g.add(v, vocab.DCATDistributionProp, b.distribution(r, f))
	}
	return v
}

// versionNotes say what a release holds, from its manifest.
func versionNotes(r *Release) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Release %s holds dataset revision %d in %d files", r.Name, r.Revision, len(r.Files))
	var layout []string
	if r.SchemaVersion != "" {
		layout = append(layout, "release layout "+r.SchemaVersion)
	}
	if r.VocabularyVersion != "" {
		layout = append(layout, "vocabulary "+r.VocabularyVersion)
	}
	if len(layout) > 0 {
		fmt.Fprintf(&s, " (%s)", strings.Join(layout, ", "))
	}
	if r.Previous != "" {
		fmt.Fprintf(&s, "; the release before it is %s", r.Previous)
	}
	s.WriteString(".")
	return s.String()
}

// distribution describes one file of a release.
func (b *builder) distribution(r *Release, f File) vocab.Node {
	g := b.g
	d := vocab.IRI(DistributionIRI(b.base, r.Name, f.Name))
	g.typ(d, vocab.DCATDistribution)
	g.add(d, vocab.DCTermsTitle, vocab.Str(f.Name))
	g.add(d, vocab.DCATAccessURL, b.resource(DumpsURL(b.base)))
	g.add(d, vocab.DCATDownloadURL, vocab.IRI(DownloadURL(b.base, r.Name, f.Name)))

	outer := baseMediaType(f.MediaType)
	content := outer
	if inner := baseMediaType(f.UncompressedMediaType); inner != "" {
		content = inner
		g.add(d, vocab.DCATCompressFormat, b.mediaType(outer))
	}
	if content != "" {
		g.add(d, vocab.DCATMediaType, b.mediaType(content))
	}
	format, known := fileTypes[content]
	if known {
		g.add(d, vocab.DCTermsFormat, g.concept(format, vocab.DCTermsMediaTypeOrExtent))
	}
	desc := fileDescription(r, f, format.Label, content, content != outer)
	if f.Name == r.Archive && r.Archive != "" {
		// A package of every other file: DCAT's packageFormat.
		g.add(d, vocab.DCATPackageFormat, b.mediaType(outer))
		desc = fmt.Sprintf("%s of release %s: ZIP archive of every other file of the release, with its manifest and SHA-256 checksums, in one download.", f.Name, r.Name)
	}
	g.add(d, vocab.DCTermsDescription, vocab.LangStr(desc, "en"))
	g.add(d, vocab.DCATByteSize, vocab.Typed(strconv.FormatInt(f.Bytes, 10), vocab.XSDNonNegativeInteger))
	if f.SHA256 != "" {
		sum := b.newBlank("checksum")
		g.add(d, vocab.SPDXChecksumProp, sum)
		g.typ(sum, vocab.SPDXChecksum)
		g.add(sum, vocab.SPDXAlgorithm, b.sha256())
		g.add(sum, vocab.SPDXChecksumValue, vocab.Typed(strings.ToLower(f.SHA256), vocab.XSDHexBinary))
	}
	if day := r.Date(); !day.IsZero() {
		g.add(d, vocab.DCTermsIssued, vocab.Date(day.String()))
		g.add(d, vocab.DCTermsModified, vocab.Date(day.String()))
	}
	g.add(d, vocab.DCTermsLicense, b.licence())
	g.add(d, vocab.DCATAPAvailability, g.concept(availabilities[b.cfg.Availability]))
	if f.GraphMediaType() != "" {
		g.add(d, vocab.DCTermsConformsTo, b.standard())
	}
	return d
}

// fileDescription says what a file is: "municipalities.csv of release
// 2026-11-27-r42: CSV, 202 rows."
func fileDescription(r *Release, f File, label, mediaType string, gzipped bool) string {
	if label == "" {
		label = mediaType
	}
	parts := []string{label}
	if gzipped {
		parts = append(parts, "gzip-compressed")
	}
	if f.Rows != nil {
		parts = append(parts, plural(*f.Rows, "row"))
	}
	if f.Triples != nil {
		parts = append(parts, plural(*f.Triples, "triple"))
	}
	return fmt.Sprintf("%s of release %s: %s.", f.Name, r.Name, strings.Join(parts, ", "))
}

func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.FormatInt(n, 10) + " " + noun + "s"
}

// service describes the REST API.
func (b *builder) service() vocab.Node {
	g := b.g
	s := vocab.IRI(ServiceIRI(b.base))
	g.typ(s, vocab.DCATDataService)
	g.texts(s, vocab.DCTermsTitle, serviceTitle)
	g.texts(s, vocab.DCTermsDescription, serviceDescription)
	g.add(s, vocab.DCATEndpointURL, b.resource(LandingURL(b.base)))
	g.add(s, vocab.DCATEndpointDescription, b.resource(OpenAPIURL(b.base)))
	g.add(s, vocab.DCATServesDataset, vocab.IRI(vocab.DatasetIRI(b.base)))
	b.common(s)
	g.add(s, vocab.DCATLandingPage, b.document(b.base+"/docs"))
	for _, mt := range apiFormats {
		g.add(s, vocab.DCTermsFormat, g.concept(fileTypes[mt], vocab.DCTermsMediaTypeOrExtent))
	}
	return s
}

// fragments describes the Triple Pattern Fragments interface.
func (b *builder) fragments() vocab.Node {
	g := b.g
	s := vocab.IRI(FragmentsServiceIRI(b.base))
	g.typ(s, vocab.DCATDataService)
	g.texts(s, vocab.DCTermsTitle, fragmentsTitle)
	g.texts(s, vocab.DCTermsDescription, fragmentsDescription)
	g.add(s, vocab.DCATEndpointURL, b.resource(vocab.FragmentsURL(b.base)))
	g.add(s, vocab.DCATEndpointDescription, b.resource(vocab.FragmentsURL(b.base)))
	g.add(s, vocab.DCATServesDataset, vocab.IRI(vocab.DatasetIRI(b.base)))
	b.common(s)
	spec := vocab.IRI(vocab.TPFSpecIRI)
	g.typ(spec, vocab.DCTermsStandard)
	g.add(spec, vocab.DCTermsTitle, vocab.LangStr("Triple Pattern Fragments", "en"))
	g.add(s, vocab.DCTermsConformsTo, spec)
	g.add(s, vocab.DCATLandingPage, b.document(QueryPageURL(b.base)))
	for _, mt := range fragmentsFormats {
		g.add(s, vocab.DCTermsFormat, g.concept(fileTypes[mt], vocab.DCTermsMediaTypeOrExtent))
	}
	return s
}

// publisher describes the publisher, an organisation named by its URL.
func (b *builder) publisher() vocab.Node {
	g := b.g
	p := vocab.IRI(b.cfg.PublisherURL)
	g.typ(p, vocab.FOAFAgent, vocab.FOAFOrganization)
	g.add(p, vocab.FOAFName, vocab.Str(b.cfg.PublisherName))
	g.add(p, vocab.DCTermsType, g.concept(publisherTypes[b.cfg.PublisherType]))
	return p
}

// contact describes the contact point.
func (b *builder) contact() vocab.Node {
	g := b.g
	c := vocab.IRI(b.base + "/catalog#contact")
	g.typ(c, vocab.VCardKind, vocab.VCardOrganization)
	g.add(c, vocab.VCardFN, vocab.Str(b.cfg.PublisherName))
	if b.cfg.ContactEmail != "" {
		g.add(c, vocab.VCardHasEmail, vocab.IRI("mailto:"+b.cfg.ContactEmail))
	}
	if b.cfg.ContactURL != "" {
		g.add(c, vocab.VCardHasURL, vocab.IRI(b.cfg.ContactURL))
	}
	return c
}

// licence describes the configured licence.
func (b *builder) licence() vocab.Node {
	g := b.g
	n := vocab.IRI(b.cfg.License)
	g.typ(n, vocab.DCTermsLicenseDocument)
	if l, ok := licences[b.cfg.License]; ok {
		g.add(n, vocab.DCTermsTitle, vocab.LangStr(l.Label, "en"))
		g.add(n, vocab.RDFSSeeAlso, vocab.IRI(l.URL))
		for _, t := range l.Types {
			g.add(n, vocab.DCTermsType, g.concept(t))
		}
	}
	return n
}

// standard describes the vocabulary the data conforms to.
func (b *builder) standard() vocab.Node {
	g := b.g
	n := vocab.IRI(vocab.OntologyIRI)
	g.typ(n, vocab.DCTermsStandard)
	g.texts(n, vocab.DCTermsTitle, vocab.Title)
	g.add(n, vocab.OWLVersionInfo, vocab.Str(vocab.Version))
	return n
}

// sha256 is SPDX's SHA-256 algorithm.
func (b *builder) sha256() vocab.Node {
	n := vocab.IRI(vocab.SPDX.IRI + "checksumAlgorithm_sha256")
	b.g.typ(n, vocab.SPDXChecksumAlgorithm)
	return n
}

// mediaType describes an IANA media type.
func (b *builder) mediaType(mt string) vocab.Node {
	n := vocab.IRI(ianaIRI(mt))
	b.g.typ(n, vocab.DCTermsMediaType)
	return n
}

// document and resource type a web page or an endpoint as DCAT-AP's
// ranges want.
func (b *builder) document(u string) vocab.Node {
	n := vocab.IRI(u)
	b.g.typ(n, vocab.FOAFDocument)
	return n
}

func (b *builder) resource(u string) vocab.Node {
	n := vocab.IRI(u)
	b.g.typ(n, vocab.RDFSResource)
	return n
}

// modified is when the data last changed, or, when the records carry no
// stamps, the day of the latest release, else the day of first
// publication.
func (b *builder) modified() vocab.Node {
	if m := b.in.Snapshot.Modified; !m.IsZero() {
		return vocab.DateTime(m)
	}
	if r := b.in.Latest; r != nil {
		if d := r.Date(); !d.IsZero() {
			return vocab.Date(d.String())
		}
	}
	return vocab.Date(b.cfg.Issued)
}

// countries describes the countries of the data as EU countries, with
// their bounding boxes from the data.
func (b *builder) countries() []vocab.Node {
	var out []vocab.Node
	for _, c := range b.in.Snapshot.Countries {
		cc, ok := countryConcept(c)
		if !ok {
			continue
		}
		n := b.g.concept(cc, vocab.DCTermsLocation)
		if c.BBox != nil {
			b.g.add(n, vocab.DCATBBox, vocab.Typed(wktBox(*c.BBox), vocab.GSPWKTLiteral))
		}
		out = append(out, n)
	}
	return out
}

// wktBox writes a bounding box as a WKT polygon, longitude first.
func wktBox(bb dataset.BBox) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	w, s, e, n := f(bb.West), f(bb.South), f(bb.East), f(bb.North)
	return "POLYGON((" + w + " " + s + ", " + e + " " + s + ", " + e + " " + n + ", " + w + " " + n + ", " + w + " " + s + "))"
}

// temporal describes the period the data's dated facts span; the zero
// node when the data dates nothing.
func (b *builder) temporal() vocab.Node {
	start, end, ok := Coverage(b.in.Snapshot)
	if !ok {
		return vocab.Node{}
	}
	n := vocab.Blank("temporal")
	b.g.typ(n, vocab.DCTermsPeriodOfTime)
	b.g.add(n, vocab.DCATStartDate, dateLiteral(start))
	b.g.add(n, vocab.DCATEndDate, dateLiteral(end))
	return n
}

// dateLiteral writes a date with its precision: xsd:gYear, xsd:gYearMonth
// or xsd:date, the datatypes DCAT-AP accepts for dates.
func dateLiteral(d dataset.PartialDate) vocab.Node {
	switch d.Precision {
	case dataset.PrecisionYear:
		return vocab.GYear(d.Year)
	case dataset.PrecisionMonth:
		return vocab.Typed(d.String(), vocab.XSDGYearMonth)
	case dataset.PrecisionDay:
		return vocab.Date(d.String())
	}
	return vocab.Node{}
}

// metadataLanguages are the languages of the catalogue's own texts.
func (b *builder) metadataLanguages() []vocab.Node {
	langs := map[string]string{}
	for _, t := range []dataset.Text{b.cfg.CatalogTitle, b.cfg.CatalogDescription, b.cfg.Title, b.cfg.Description} {
		for l := range t {
			langs[l] = ""
		}
	}
	return b.languages(langs)
}

// dataLanguages are the languages of the data's texts and names.
func (b *builder) dataLanguages() []vocab.Node {
	return b.languages(DataLanguages(b.in.Snapshot))
}

func (b *builder) languages(tags map[string]string) []vocab.Node {
	var out []vocab.Node
	seen := map[string]bool{}
	for _, tag := range vocab.LangOrder(tags) {
		c, ok := languageConcept(tag)
		if !ok || seen[c.Code] {
			continue
		}
		seen[c.Code] = true
		out = append(out, b.g.concept(c, vocab.DCTermsLinguisticSystem))
	}
	return out
}

// keywords are the configured keywords and the approach categories'
// labels, each once per language.
func (b *builder) keywords() []vocab.Node {
	byLang := map[string][]string{}
	for lang, kws := range b.cfg.Keywords {
		byLang[lang] = append(byLang[lang], kws...)
	}
	for _, c := range b.in.Snapshot.Categories {
		for lang, label := range c.Labels {
			byLang[lang] = append(byLang[lang], label)
		}
	}
	var out []vocab.Node
	for _, lang := range vocab.LangOrder(toSet(byLang)) {
		seen := map[string]bool{}
		for _, kw := range byLang[lang] {
			key := strings.ToLower(strings.TrimSpace(kw))
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, vocab.LangStr(strings.TrimSpace(kw), lang))
		}
	}
	return out
}

func toSet[V any](m map[string]V) map[string]string {
	out := make(map[string]string, len(m))
	for k := range m {
		out[k] = ""
	}
	return out
}

// DataLanguages returns the language tags of the data's texts and names,
// as a set.
func DataLanguages(s *dataset.Snapshot) map[string]string {
	langs := map[string]string{}
	add := func(m map[string]string) {
		for l, v := range m {
			if v != "" {
				langs[l] = ""
			}
		}
	}
	aliases := func(as []dataset.Alias) {
		for _, a := range as {
			langs[a.Lang] = ""
		}
	}
	for _, x := range s.Countries {
		add(x.Names)
	}
	for _, x := range s.Categories {
		add(x.Labels)
		add(x.Definitions)
	}
	for _, x := range s.Networks {
		add(x.Names)
		aliases(x.Aliases)
		add(x.Description)
	}
	for _, x := range s.Municipalities {
		add(x.Names)
		aliases(x.Aliases)
		add(x.Summary)
	}
	for _, x := range s.Approaches {
		add(x.Title)
		add(x.Summary)
	}
	return langs
}

// Coverage returns the period the data's dated facts span: from the
// earliest to the latest of the networks' founding years, the
// approaches' start years and the memberships' dates, the end extended to
// the day the data last changed (the data describes the situation as of
// then). ok is false when the data dates nothing.
func Coverage(s *dataset.Snapshot) (start, end dataset.PartialDate, ok bool) {
	var dates []dataset.PartialDate
	year := func(y int) {
		if y != 0 {
			dates = append(dates, dataset.PartialDate{Year: y, Precision: dataset.PrecisionYear})
		}
	}
	for _, n := range s.Networks {
		year(n.Founded)
	}
	for _, a := range s.Approaches {
		year(a.YearStarted)
	}
	for _, m := range s.Memberships {
		for _, d := range []dataset.PartialDate{m.Since, m.Until, m.Attested} {
			if !d.IsZero() {
				dates = append(dates, d)
			}
		}
	}
	if !s.Modified.IsZero() {
		m := s.Modified.UTC()
		dates = append(dates, dataset.PartialDate{Year: m.Year(), Month: int(m.Month()), Day: m.Day(), Precision: dataset.PrecisionDay})
	}
	if len(dates) == 0 {
		return start, end, false
	}
	start, end = dates[0], dates[0]
	for _, d := range dates[1:] {
		if d.Start().Before(start.Start()) || d.Start().Equal(start.Start()) && d.Precision < start.Precision {
			start = d
		}
		if lastDay(d).After(lastDay(end)) || lastDay(d).Equal(lastDay(end)) && d.Precision > end.Precision {
			end = d
		}
	}
	return start, end, true
}

// lastDay is the last day a date covers ("2018" → 2018-12-31).
func lastDay(d dataset.PartialDate) time.Time {
	s := d.Start()
	switch d.Precision {
	case dataset.PrecisionYear:
		return s.AddDate(1, 0, -1)
	case dataset.PrecisionMonth:
		return s.AddDate(0, 1, -1)
	}
	return s
}
