package catalog

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/moving-cities/opendata/vocab"
)

// SchemaOrgContext is the JSON-LD context of the schema.org Dataset, as
// search engines expect it.
const SchemaOrgContext = "https://schema.org/"

// SchemaOrg returns the dataset as a schema.org Dataset in JSON-LD, for
// the landing page to embed (<script type="application/ld+json">), with
// what Google Dataset Search reads: name, description, URL, identifier,
// keywords, licence, creator and publisher, version, dates, temporal and
// spatial coverage, the latest release's files as downloads, the
// catalogue, and how to cite the release. Keys and types are the local
// names of the table's schema.org terms.
func SchemaOrg(in Input) (map[string]any, error) {
	cfg := in.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if in.Snapshot == nil {
		return nil, fmt.Errorf("catalog: no dataset snapshot")
	}
	base := cfg.BaseURI
	k := func(t *vocab.Term) string { return t.Local }
	org := map[string]any{
		"@type":             vocab.SchemaOrganization.Local,
		"@id":               cfg.PublisherURL,
		k(vocab.SchemaName): cfg.PublisherName,
		k(vocab.SchemaURL):  cfg.PublisherURL,
	}
	_, licenceURL := LicenseInfo(cfg.License)
	d := map[string]any{
		"@context":                         SchemaOrgContext,
		"@type":                            vocab.SchemaDataset.Local,
		"@id":                              vocab.DatasetIRI(base),
		k(vocab.SchemaName):                cfg.Title["en"],
		k(vocab.SchemaDescription):         in.description(cfg)["en"],
		k(vocab.SchemaURL):                 LandingURL(base),
		k(vocab.SchemaIdentifier):          vocab.DatasetIRI(base),
		k(vocab.SchemaLicense):             licenceURL,
		k(vocab.SchemaIsAccessibleForFree): true,
		k(vocab.SchemaCreator):             org,
		k(vocab.SchemaPublisher):           org,
		k(vocab.SchemaDatePublished):       cfg.Issued,
		k(vocab.SchemaIncludedInDataCatalog): map[string]any{
			"@type":             vocab.SchemaDataCatalog.Local,
			"@id":               CatalogIRI(base),
			k(vocab.SchemaName): cfg.CatalogTitle["en"],
			k(vocab.SchemaURL):  base + "/catalog",
		},
	}
	b := &builder{g: newGraph(), cfg: cfg, in: in, base: base}
	var keywords []string
	for _, kw := range b.keywords() {
		if kw.Lang == "en" {
			keywords = append(keywords, kw.Value)
		}
	}
	d[k(vocab.SchemaKeywords)] = keywords
	var langs []string
	for _, l := range vocab.LangOrder(DataLanguages(in.Snapshot)) {
		langs = append(langs, l)
	}
	d[k(vocab.SchemaInLanguage)] = langs
	if m := in.Snapshot.Modified; !m.IsZero() {
		d[k(vocab.SchemaDateModified)] = m.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	if start, end, ok := Coverage(in.Snapshot); ok {
		d[k(vocab.SchemaTemporalCoverage)] = start.String() + "/" + end.String()
	}
	var places []any
	for _, c := range in.Snapshot.Countries {
		p := map[string]any{"@type": vocab.SchemaPlace.Local, k(vocab.SchemaName): c.Names["en"]}
		if c.Names["en"] == "" {
			p[k(vocab.SchemaName)] = c.ID
		}
		if c.Wikidata != "" {
			p[k(vocab.SchemaSameAs)] = vocab.WikidataIRI(c.Wikidata)
		}
		places = append(places, p)
	}
	d[k(vocab.SchemaSpatialCoverage)] = places
	if r := in.Latest; r != nil {
		d[k(vocab.SchemaVersion)] = r.Name
		var downloads []any
		for _, f := range r.Files {
			dl := map[string]any{
				"@type":                    vocab.SchemaDataDownload.Local,
				k(vocab.SchemaName):        f.Name,
				k(vocab.SchemaContentURL):  DownloadURL(base, r.Name, f.Name),
				k(vocab.SchemaContentSize): strconv.FormatInt(f.Bytes, 10) + " B",
			}
			if mt := baseMediaType(f.MediaType); mt != "" {
				dl[k(vocab.SchemaEncodingFormat)] = mt
			}
			if f.SHA256 != "" {
				dl[k(vocab.SchemaSHA256)] = f.SHA256
			}
			downloads = append(downloads, dl)
		}
		d[k(vocab.SchemaDistribution)] = downloads
		d[k(vocab.SchemaCitation)] = Citation(cfg, r)
	}
	return d, nil
}

// Citation is how to cite a release: publisher, year, title, version and
// its manifest, which lists its files with their checksums.
func Citation(cfg Config, r *Release) string {
	cfg = cfg.WithDefaults()
	year := ""
	if d := r.Date(); !d.IsZero() {
		year = " (" + strconv.Itoa(d.Year) + ")"
	}
	return fmt.Sprintf("%s%s. %s, release %s [dataset]. %s", cfg.PublisherName, year, cfg.Title["en"], r.Name,
		DownloadURL(cfg.BaseURI, r.Name, "manifest.json"))
}

// SchemaOrgJSON returns SchemaOrg(in) as JSON that is safe to embed in an
// HTML script element (encoding/json escapes <, > and &).
func SchemaOrgJSON(in Input) ([]byte, error) {
	d, err := SchemaOrg(in)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("catalog: encode schema.org Dataset: %w", err)
	}
	return b, nil
}
