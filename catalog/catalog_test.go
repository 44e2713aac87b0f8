package catalog

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

const testBase = "https://data.example.org"

var modified = time.Date(2026, 11, 27, 3, 30, 0, 0, time.UTC)

// seed is the real seed data with one record stamped, as the store
// stamps it.
func seed(t *testing.T) *dataset.Snapshot {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Municipalities[0].Modified = modified
	return dataset.NewSnapshot(d, 42)
}

func count(n int64) *int64 { return &n }

// release is a release as its manifest lists it.
func release(name, previous string) Release {
	return Release{Name: name, Revision: 42, SchemaVersion: "1.0.0", VocabularyVersion: "1.0.0", Previous: previous, Files: []File{
		{Name: "municipalities.csv", Bytes: 53211, SHA256: strings.Repeat("a1", 32), MediaType: "text/csv; charset=utf-8; header=present", Rows: count(202)},
		{Name: "municipalities.parquet", Bytes: 40100, SHA256: strings.Repeat("b2", 32), MediaType: "application/vnd.apache.parquet", Rows: count(202)},
		{Name: "municipalities.geojson", Bytes: 90000, SHA256: strings.Repeat("c3", 32), MediaType: "application/geo+json", Rows: count(190)},
		{Name: "dataset.nt.gz", Bytes: 81234, SHA256: strings.Repeat("d4", 32), MediaType: "application/gzip", UncompressedMediaType: "application/n-triples", Triples: count(9876)},
		{Name: "dataset.ttl.gz", Bytes: 61234, SHA256: strings.Repeat("e5", 32), MediaType: "application/gzip", UncompressedMediaType: "text/turtle", Triples: count(9876)},
		{Name: "csv-metadata.json", Bytes: 7000, SHA256: strings.Repeat("f6", 32), MediaType: "application/csvm+json"},
		{Name: "movingcities-" + name + ".zip", Bytes: 300000, SHA256: strings.Repeat("18", 32), MediaType: "application/zip"},
		{Name: "SHA256SUMS", Bytes: 900, SHA256: strings.Repeat("07", 32), MediaType: "text/plain; charset=utf-8"},
	}, Archive: "movingcities-" + name + ".zip"}
}

func input(t *testing.T) Input {
	latest := release("2026-11-27-r42", "2026-11-20-r41")
	return Input{
		Config:   Config{BaseURI: testBase, ContactEmail: "data@example.org"},
		Snapshot: seed(t),
		Latest:   &latest,
		Earlier:  []Release{release("2026-11-20-r41", "2026-11-01-r40"), release("2026-11-01-r40", "")},
	}
}

// index holds triples by subject and predicate.
type index map[vocab.Node]map[string][]vocab.Node

func indexOf(ts []vocab.Triple) index {
	ix := index{}
	for _, t := range ts {
		if ix[t.S] == nil {
			ix[t.S] = map[string][]vocab.Node{}
		}
		ix[t.S][t.P.Value] = append(ix[t.S][t.P.Value], t.O)
	}
	return ix
}

func (ix index) objects(s string, p *vocab.Term) []vocab.Node { return ix[vocab.IRI(s)][p.IRI] }

func (ix index) has(s vocab.Node, p *vocab.Term, o vocab.Node) bool {
	for _, x := range ix[s][p.IRI] {
		if x == o {
			return true
		}
	}
	return false
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  Config
		want string // "" when valid
	}{
		{"defaults", Config{BaseURI: testBase}, ""},
		{"email contact only", Config{BaseURI: testBase, ContactEmail: "data@example.org"}, ""},
		{"no base", Config{}, "base URI"},
		{"relative publisher", Config{BaseURI: testBase, PublisherURL: "moving-cities.eu"}, "publisher URL"},
		{"bad email", Config{BaseURI: testBase, ContactEmail: "Data <data@example.org>"}, "contact email"},
		{"unknown theme", Config{BaseURI: testBase, Themes: []string{"MIGR"}}, `theme "MIGR"`},
		{"unknown publisher type", Config{BaseURI: testBase, PublisherType: "Charity"}, "publisher type"},
		{"unknown frequency", Config{BaseURI: testBase, Frequency: "NIGHTLY"}, "frequency"},
		{"unknown availability", Config{BaseURI: testBase, Availability: "FOREVER"}, "availability"},
		{"bad issued", Config{BaseURI: testBase, Issued: "2026"}, "issued"},
		{"no English title", Config{BaseURI: testBase, Title: dataset.Text{"de": "Titel"}}, "title has no English"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.WithDefaults().Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want one about %q", err, c.want)
			}
		})
	}
	if err := (Config{BaseURI: testBase}).Validate(); err == nil || !strings.Contains(err.Error(), "no contact point") {
		t.Errorf("a configuration without any contact: %v", err)
	}
}

// Every predicate, class and datatype of both documents is a term of the
// table, used as its kind says.
func TestDocumentsUseTheTable(t *testing.T) {
	in := input(t)
	in.Stats = &Stats{Triples: 3, Entities: 1, Classes: map[string]int64{vocab.Municipality.IRI: 1},
		Properties: map[string]int64{vocab.RDFType.IRI: 1, vocab.OWLSameAs.IRI: 2}, Links: map[string]int64{vocab.OWLSameAs.IRI: 2}}
	for name, build := range map[string]func(Input) ([]vocab.Triple, error){"DCAT": DCAT, "VoID": VoID} {
		ts, err := build(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := vocab.Check(ts); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The catalogue states every mandatory and recommended property of
// DCAT-AP 3 for the catalogue, the dataset, the API and the agents and
// concepts they refer to.
func TestDCATProperties(t *testing.T) {
	in := input(t)
	ts, err := DCAT(in)
	if err != nil {
		t.Fatal(err)
	}
	ix := indexOf(ts)
	cat, ds, api := CatalogIRI(testBase), vocab.DatasetIRI(testBase), ServiceIRI(testBase)
	for _, c := range []struct {
		subject string
		props   []*vocab.Term
	}{
		{cat, []*vocab.Term{vocab.RDFType, vocab.DCTermsTitle, vocab.DCTermsDescription, vocab.DCTermsPublisher, vocab.FOAFHomepage,
			vocab.DCTermsLanguage, vocab.DCTermsLicense, vocab.DCTermsIssued, vocab.DCTermsModified, vocab.DCATThemeTaxonomy,
			vocab.DCTermsSpatial, vocab.DCATDatasetProp, vocab.DCATService}},
		{ds, []*vocab.Term{vocab.RDFType, vocab.DCTermsTitle, vocab.DCTermsDescription, vocab.DCATContactPoint, vocab.DCATDistributionProp,
			vocab.DCATKeyword, vocab.DCTermsPublisher, vocab.DCTermsSpatial, vocab.DCTermsTemporal, vocab.DCATTheme,
			vocab.DCTermsAccessRights, vocab.DCTermsConformsTo, vocab.DCATVersion, vocab.ADMSVersionNotes, vocab.DCTermsLanguage,
			vocab.DCATLandingPage, vocab.DCTermsIssued, vocab.DCTermsModified, vocab.DCATHasVersion}},
		{api, []*vocab.Term{vocab.RDFType, vocab.DCTermsTitle, vocab.DCATEndpointURL, vocab.DCATEndpointDescription, vocab.DCATServesDataset,
			vocab.DCATContactPoint, vocab.DCTermsPublisher, vocab.DCATTheme, vocab.DCTermsConformsTo, vocab.DCATKeyword,
			vocab.DCTermsLicense, vocab.DCTermsAccessRights}},
		{FragmentsServiceIRI(testBase), []*vocab.Term{vocab.RDFType, vocab.DCTermsTitle, vocab.DCTermsDescription, vocab.DCATEndpointURL,
			vocab.DCATServesDataset, vocab.DCATContactPoint, vocab.DCTermsPublisher, vocab.DCTermsConformsTo, vocab.DCTermsLicense,
			vocab.DCATLandingPage, vocab.DCTermsFormat}},
		{vocab.PublisherIRI, []*vocab.Term{vocab.FOAFName, vocab.DCTermsType}},
		{DefaultLicense, []*vocab.Term{vocab.DCTermsType}},
		{testBase + "/catalog#contact", []*vocab.Term{vocab.VCardFN, vocab.VCardHasEmail, vocab.VCardHasURL}},
	} {
		for _, p := range c.props {
			if len(ix.objects(c.subject, p)) == 0 {
				t.Errorf("%s has no %s", c.subject, p.CURIE())
			}
		}
	}
	for _, c := range []struct {
		s, o  string
		p     *vocab.Term
		class bool
	}{
		{ds, "http://publications.europa.eu/resource/authority/data-theme/SOCI", vocab.DCATTheme, false},
		{ds, "http://publications.europa.eu/resource/authority/country/DEU", vocab.DCTermsSpatial, false},
		{ds, "http://publications.europa.eu/resource/authority/country/GRC", vocab.DCTermsSpatial, false},
		{ds, "http://publications.europa.eu/resource/authority/language/ELL", vocab.DCTermsLanguage, false},
		{ds, "http://publications.europa.eu/resource/authority/access-right/PUBLIC", vocab.DCTermsAccessRights, false},
		{ds, vocab.OntologyIRI, vocab.DCTermsConformsTo, false},
		{cat, "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", vocab.DCTermsLicense, false},
		{api, testBase + "/openapi.yaml", vocab.DCATEndpointDescription, false},
		{cat, FragmentsServiceIRI(testBase), vocab.DCATService, false},
		{FragmentsServiceIRI(testBase), vocab.DCATDataService.IRI, vocab.RDFType, true},
		{FragmentsServiceIRI(testBase), testBase + "/fragments", vocab.DCATEndpointURL, false},
		{FragmentsServiceIRI(testBase), vocab.TPFSpecIRI, vocab.DCTermsConformsTo, false},
		{FragmentsServiceIRI(testBase), ds, vocab.DCATServesDataset, false},
		{FragmentsServiceIRI(testBase), "http://publications.europa.eu/resource/authority/file-type/RDF_TRIG", vocab.DCTermsFormat, false},
		{vocab.TPFSpecIRI, vocab.DCTermsStandard.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", vocab.DCTermsLicenseDocument.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/country/DEU", vocab.DCTermsLocation.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/language/ELL", vocab.DCTermsLinguisticSystem.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/access-right/PUBLIC", vocab.DCTermsRightsStatement.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/data-theme/SOCI", vocab.SKOSConcept.IRI, vocab.RDFType, true},
		{"http://publications.europa.eu/resource/authority/data-theme/SOCI", "http://publications.europa.eu/resource/authority/data-theme", vocab.SKOSInScheme, false},
		{vocab.PublisherIRI, "http://purl.org/adms/publishertype/NonProfitOrganisation", vocab.DCTermsType, false},
		{"http://purl.org/adms/publishertype/1.0", vocab.SKOSConceptScheme.IRI, vocab.RDFType, true},
		{testBase + "/", vocab.FOAFDocument.IRI, vocab.RDFType, true},
		{testBase + "/", vocab.RDFSResource.IRI, vocab.RDFType, true},
		{vocab.OntologyIRI, vocab.DCTermsStandard.IRI, vocab.RDFType, true},
		{"https://www.iana.org/assignments/media-types/text/csv", vocab.DCTermsMediaType.IRI, vocab.RDFType, true},
	} {
		if !ix.has(vocab.IRI(c.s), c.p, vocab.IRI(c.o)) {
			t.Errorf("missing %s %s %s", c.s, c.p.CURIE(), c.o)
		}
	}
	// The data starts in 2004 (a network's founding) and is as of its
	// last change.
	temporal := ix.objects(ds, vocab.DCTermsTemporal)
	if len(temporal) != 1 || !ix.has(temporal[0], vocab.DCATStartDate, vocab.GYear(2004)) || !ix.has(temporal[0], vocab.DCATEndDate, vocab.Date("2026-11-27")) {
		t.Errorf("temporal coverage %v: %v", temporal, ix[temporal[0]])
	}
	if v := ix.objects(ds, vocab.DCATVersion); len(v) != 1 || v[0] != vocab.Str("2026-11-27-r42") {
		t.Errorf("version %v", v)
	}
}

// Each file of the latest release is a distribution with the manifest's
// size and checksum, its media type and format from the controlled
// vocabularies, and its download URL.
func TestDistributions(t *testing.T) {
	in := input(t)
	ts, err := DCAT(in)
	if err != nil {
		t.Fatal(err)
	}
	ix := indexOf(ts)
	ds := vocab.DatasetIRI(testBase)
	if got, want := len(ix.objects(ds, vocab.DCATDistributionProp)), len(in.Latest.Files); got != want {
		t.Fatalf("%d distributions, want %d", got, want)
	}
	const ft = "http://publications.europa.eu/resource/authority/file-type/"
	const iana = "https://www.iana.org/assignments/media-types/"
	for _, c := range []struct {
		file, format, mediaType, compress string
	}{
		{"municipalities.csv", "CSV", "text/csv", ""},
		{"municipalities.parquet", "PARQUET", "application/vnd.apache.parquet", ""},
		{"municipalities.geojson", "GEOJSON", "application/geo+json", ""},
		{"dataset.nt.gz", "RDF_N_TRIPLES", "application/n-triples", "application/gzip"},
		{"dataset.ttl.gz", "RDF_TURTLE", "text/turtle", "application/gzip"},
		{"csv-metadata.json", "JSON", "application/csvm+json", ""},
		{"SHA256SUMS", "TXT", "text/plain", ""},
		{"movingcities-2026-11-27-r42.zip", "ZIP", "application/zip", ""},
	} {
		t.Run(c.file, func(t *testing.T) {
			f, _ := in.Latest.File(c.file)
			d := vocab.IRI(DistributionIRI(testBase, in.Latest.Name, c.file))
			if !ix.has(vocab.IRI(ds), vocab.DCATDistributionProp, d) {
				t.Fatal("not a distribution of the dataset")
			}
			want := []struct {
				p *vocab.Term
				o vocab.Node
			}{
				{vocab.RDFType, vocab.DCATDistribution.Node()},
				{vocab.DCATDownloadURL, vocab.IRI(testBase + "/dumps/2026-11-27-r42/" + c.file)},
				{vocab.DCATAccessURL, vocab.IRI(testBase + "/dumps")},
				{vocab.DCATByteSize, vocab.Typed(itoa(f.Bytes), vocab.XSDNonNegativeInteger)},
				{vocab.DCATMediaType, vocab.IRI(iana + c.mediaType)},
				{vocab.DCTermsFormat, vocab.IRI(ft + c.format)},
				{vocab.DCTermsLicense, vocab.IRI(DefaultLicense)},
				{vocab.DCTermsIssued, vocab.Date("2026-11-27")},
				{vocab.DCATAPAvailability, vocab.IRI("http://publications.europa.eu/resource/authority/planned-availability/AVAILABLE")},
			}
			if c.compress != "" {
				want = append(want, struct {
					p *vocab.Term
					o vocab.Node
				}{vocab.DCATCompressFormat, vocab.IRI(iana + c.compress)})
			}
			for _, w := range want {
				if !ix.has(d, w.p, w.o) {
					t.Errorf("no %s %s; has %v", w.p.CURIE(), w.o, ix[d][w.p.IRI])
				}
			}
			sums := ix[d][vocab.SPDXChecksumProp.IRI]
			if len(sums) != 1 {
				t.Fatalf("%d checksums", len(sums))
			}
			if !ix.has(sums[0], vocab.SPDXChecksumValue, vocab.Typed(f.SHA256, vocab.XSDHexBinary)) ||
				!ix.has(sums[0], vocab.SPDXAlgorithm, vocab.IRI("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")) ||
				!ix.has(sums[0], vocab.RDFType, vocab.SPDXChecksum.Node()) {
				t.Errorf("checksum %v", ix[sums[0]])
			}
			// Only the one-file archive is a package.
			if pkg := ix[d][vocab.DCATPackageFormat.IRI]; (c.format == "ZIP") != (len(pkg) == 1) ||
				(len(pkg) == 1 && pkg[0] != vocab.IRI(iana+"application/zip")) {
				t.Errorf("package format %v", pkg)
			}
			if n := len(ix[d][vocab.DCTermsFormat.IRI]) + len(ix[d][vocab.DCATMediaType.IRI]); n != 2 {
				t.Errorf("%d formats and media types, want one each", n)
			}
		})
	}
}

func itoa(n int64) string { return vocab.Integer(n).Value }

// The earlier releases are versions of the dataset, newest first, each
// with its own files.
func TestVersions(t *testing.T) {
	in := input(t)
	ts, err := DCAT(in)
	if err != nil {
		t.Fatal(err)
	}
	ix := indexOf(ts)
	ds := vocab.IRI(vocab.DatasetIRI(testBase))
	r41, r40 := vocab.IRI(ReleaseIRI(testBase, "2026-11-20-r41")), vocab.IRI(ReleaseIRI(testBase, "2026-11-01-r40"))
	for _, c := range []struct {
		s vocab.Node
		p *vocab.Term
		o vocab.Node
	}{
		{ds, vocab.DCATHasVersion, r41},
		{ds, vocab.DCATHasVersion, r40},
		{ds, vocab.DCATPreviousVersion, r41},
		{r41, vocab.DCATIsVersionOf, ds},
		{r41, vocab.DCATPreviousVersion, r40},
		{r41, vocab.DCATVersion, vocab.Str("2026-11-20-r41")},
		{r41, vocab.RDFType, vocab.DCATDataset.Node()},
		{r41, vocab.DCTermsIssued, vocab.Date("2026-11-20")},
		{r40, vocab.DCATIsVersionOf, ds},
		{r41, vocab.DCATDistributionProp, vocab.IRI(DistributionIRI(testBase, "2026-11-20-r41", "dataset.nt.gz"))},
	} {
		if !ix.has(c.s, c.p, c.o) {
			t.Errorf("missing %s %s %s", c.s, c.p.CURIE(), c.o)
		}
	}
	if len(ix[r40][vocab.DCATPreviousVersion.IRI]) != 0 {
		t.Error("the oldest release has a previous version")
	}
	// Before the first release the catalogue still describes the dataset
	// and the API.
	in.Latest, in.Earlier = nil, nil
	ts, err = DCAT(in)
	if err != nil {
		t.Fatal(err)
	}
	ix = indexOf(ts)
	if len(ix[ds][vocab.DCATDistributionProp.IRI]) != 0 || len(ix[ds][vocab.DCATTheme.IRI]) == 0 {
		t.Errorf("without releases: %v", ix[ds])
	}
}

func TestCoverage(t *testing.T) {
	day := func(s string) dataset.PartialDate { d, _ := dataset.ParsePartialDate(s); return d }
	for _, c := range []struct {
		name       string
		d          dataset.Dataset
		start, end string
		ok         bool
	}{
		{"nothing dated", dataset.Dataset{}, "", "", false},
		{"years", dataset.Dataset{Networks: []dataset.Network{{ID: "a", Founded: 2015}, {ID: "b", Founded: 2008}},
			Approaches: []dataset.Approach{{ID: "x", YearStarted: 2019}}}, "2008", "2019", true},
		{"precise dates win ties", dataset.Dataset{Networks: []dataset.Network{{ID: "a", Founded: 2015}},
			Memberships: []dataset.Membership{{ID: "m", Since: day("2015-03"), Until: day("2021-06-30")}},
			Approaches:  []dataset.Approach{{ID: "x", YearStarted: 2021}}}, "2015", "2021", true},
		{"a later day", dataset.Dataset{Memberships: []dataset.Membership{{ID: "m", Since: day("2016-04-01"), Until: day("2022-01")}}},
			"2016-04-01", "2022-01", true},
		{"as of the last change", dataset.Dataset{Networks: []dataset.Network{{ID: "a", Founded: 2004}},
			Municipalities: []dataset.Municipality{{ID: "m", Stamps: dataset.Stamps{Modified: modified}}}}, "2004", "2026-11-27", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			start, end, ok := Coverage(dataset.NewSnapshot(&c.d, 1))
			if ok != c.ok || start.String() != c.start || end.String() != c.end {
				t.Errorf("Coverage = %s, %s, %v; want %s, %s, %v", start, end, ok, c.start, c.end, c.ok)
			}
		})
	}
}

func TestConcepts(t *testing.T) {
	for _, c := range []struct{ tag, code, label string }{
		{"en", "ENG", "English"}, {"el", "ELL", "Greek"}, {"de", "DEU", "German"}, {"nb", "NOB", "Norwegian Bokmål"},
		{"ca", "CAT", "Catalan"}, {"sq", "SQI", "Albanian"}, {"rm", "ROH", "Romansh"},
	} {
		got, ok := languageConcept(c.tag)
		if !ok || got.Code != c.code || got.Label != c.label || got.IRI() != authority+"language/"+c.code {
			t.Errorf("languageConcept(%q) = %+v, %v", c.tag, got, ok)
		}
	}
	if _, ok := languageConcept("not a tag!"); ok {
		t.Error("a malformed tag has a language")
	}
	for _, c := range []struct{ id, code string }{{"DE", "DEU"}, {"GR", "GRC"}, {"GB", "GBR"}, {"CH", "CHE"}, {"UA", "UKR"}} {
		got, ok := countryConcept(&dataset.Country{ID: c.id, Names: dataset.Names{"en": "x"}})
		if !ok || got.IRI() != authority+"country/"+c.code || got.Label != "x" {
			t.Errorf("countryConcept(%s) = %+v, %v", c.id, got, ok)
		}
	}
	if _, ok := countryConcept(&dataset.Country{ID: "EU"}); ok {
		t.Error("EU is not a country")
	}
}

// graphOf is a stand-in for the dataset graph: the vocabulary document
// plus a Wikidata link per municipality with a QID.
func graphOf(base string) Graph {
	return func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		for _, t := range vocab.Graph(base, snap.Categories) {
			if err := emit(t); err != nil {
				return err
			}
		}
		for _, m := range snap.Municipalities {
			n := vocab.IRI(vocab.EntityIRI(base, dataset.TypeMunicipality, m.ID))
			if err := emit(vocab.T(n, vocab.RDFType.Node(), vocab.Municipality.Node())); err != nil {
				return err
			}
			if m.Wikidata != "" {
				if err := emit(vocab.T(n, vocab.OWLSameAs.Node(), vocab.IRI(vocab.WikidataIRI(m.Wikidata)))); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

func TestCounter(t *testing.T) {
	a, b := vocab.IRI(testBase+"/id/municipality/a"), vocab.IRI(testBase+"/id/network/b")
	x := vocab.Blank("x")
	for _, c := range []struct {
		name string
		ts   []vocab.Triple
		want Stats
	}{
		{"empty", nil, Stats{}},
		{"typed entities and a link", []vocab.Triple{
			vocab.T(a, vocab.RDFType.Node(), vocab.Municipality.Node()),
			vocab.T(a, vocab.RDFType.Node(), vocab.OrgOrganization.Node()),
			vocab.T(a, vocab.OWLSameAs.Node(), vocab.IRI(vocab.WikidataIRI("Q64"))),
			vocab.T(a, vocab.OrgMemberOf.Node(), b),
			vocab.T(b, vocab.RDFType.Node(), vocab.OrgOrganization.Node()),
			vocab.T(b, vocab.SKOSPrefLabel.Node(), vocab.LangStr("B", "en")),
			vocab.T(x, vocab.SKOSPrefLabel.Node(), vocab.LangStr("B", "en")),
			vocab.T(x, vocab.RDFValue.Node(), vocab.Str("B")),
		}, Stats{Triples: 8, Entities: 2, DistinctSubjects: 3, DistinctObjects: 6,
			Classes:    map[string]int64{vocab.Municipality.IRI: 1, vocab.OrgOrganization.IRI: 2},
			Properties: map[string]int64{vocab.RDFType.IRI: 3, vocab.OWLSameAs.IRI: 1, vocab.OrgMemberOf.IRI: 1, vocab.SKOSPrefLabel.IRI: 2, vocab.RDFValue.IRI: 1},
			Links:      map[string]int64{vocab.OWLSameAs.IRI: 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cnt := NewCounter(testBase)
			for _, tr := range c.ts {
				cnt.Add(tr)
			}
			got := cnt.Stats()
			if got.Triples != c.want.Triples || got.Entities != c.want.Entities || got.DistinctSubjects != c.want.DistinctSubjects ||
				got.DistinctObjects != c.want.DistinctObjects || !sameCounts(got.Classes, c.want.Classes) ||
				!sameCounts(got.Properties, c.want.Properties) || !sameCounts(got.Links, c.want.Links) {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func sameCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Counting the graph's stream and counting its N-Triples serialisation,
// read back by a parser, give the same statistics.
func TestCountGraphEqualsNTriples(t *testing.T) {
	snap := seed(t)
	g := graphOf(testBase)
	fromStream, err := CountGraph(context.Background(), testBase, g, snap)
	if err != nil {
		t.Fatal(err)
	}
	var nt bytes.Buffer
	w := exporters.NTriples.NewWriter(&nt, exporters.Options{})
	if err := g(context.Background(), snap, w.WriteTriple); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := int64(strings.Count(nt.String(), "\n"))
	fromFile, err := CountNTriples(context.Background(), testBase, &nt)
	if err != nil {
		t.Fatal(err)
	}
	if fromStream.Triples != lines || fromFile.Triples != lines || fromStream.Links[vocab.OWLSameAs.IRI] == 0 {
		t.Fatalf("%d triples counted from the stream, %d from the file, %d lines; links %v", fromStream.Triples, fromFile.Triples, lines, fromStream.Links)
	}
	if fromStream.Entities != fromFile.Entities || fromStream.DistinctSubjects != fromFile.DistinctSubjects ||
		fromStream.DistinctObjects != fromFile.DistinctObjects || !sameCounts(fromStream.Classes, fromFile.Classes) ||
		!sameCounts(fromStream.Properties, fromFile.Properties) || !sameCounts(fromStream.Links, fromFile.Links) {
		t.Errorf("stream %+v\nfile %+v", fromStream, fromFile)
	}
}

func TestVoID(t *testing.T) {
	in := input(t)
	stats, err := CountGraph(context.Background(), testBase, graphOf(testBase), in.Snapshot)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		stats *Stats
	}{{"with statistics", stats}, {"without statistics", nil}} {
		t.Run(c.name, func(t *testing.T) {
			in.Stats = c.stats
			ts, err := VoID(in)
			if err != nil {
				t.Fatal(err)
			}
			ix := indexOf(ts)
			ds := vocab.IRI(vocab.DatasetIRI(testBase))
			for _, dump := range []string{"dataset.nt.gz", "dataset.ttl.gz"} {
				if !ix.has(ds, vocab.VoIDDataDump, vocab.IRI(DownloadURL(testBase, in.Latest.Name, dump))) {
					t.Errorf("no void:dataDump %s", dump)
				}
			}
			if len(ix[ds][vocab.VoIDExampleResource.IRI]) != 4 || !ix.has(ds, vocab.VoIDURISpace, vocab.Str(testBase+"/id/")) {
				t.Errorf("examples or URI space: %v", ix[ds])
			}
			// Where to query it: the search form of the fragments.
			form := ix.objects(ds.Value, vocab.HydraSearch)
			if len(form) != 1 || !ix.has(form[0], vocab.HydraTemplate, vocab.Str(testBase+"/fragments{?subject,predicate,object}")) ||
				len(ix[form[0]][vocab.HydraMapping.IRI]) != 3 {
				t.Errorf("search form %v: %v", form, ix[vocab.IRI(testBase+"/fragments#search")])
			}
			if c.stats == nil {
				if len(ix[ds][vocab.VoIDTriples.IRI]) != 0 {
					t.Error("statistics without counting")
				}
				return
			}
			if !ix.has(ds, vocab.VoIDTriples, vocab.Integer(stats.Triples)) || !ix.has(ds, vocab.VoIDEntities, vocab.Integer(stats.Entities)) {
				t.Errorf("totals %v", ix[ds])
			}
			if got := len(ix[ds][vocab.VoIDClassPartition.IRI]); got != len(stats.Classes) {
				t.Errorf("%d class partitions, want %d", got, len(stats.Classes))
			}
			for _, part := range ix[ds][vocab.VoIDPropertyPartition.IRI] {
				p := ix[part][vocab.VoIDProperty.IRI][0].Value
				if !ix.has(part, vocab.VoIDTriples, vocab.Integer(stats.Properties[p])) {
					t.Errorf("partition of %s: %v", p, ix[part])
				}
			}
			ls := vocab.IRI(LinksetIRI(testBase, vocab.OWLSameAs.IRI))
			if !ix.has(ds, vocab.VoIDSubset, ls) || !ix.has(ls, vocab.VoIDTriples, vocab.Integer(stats.Links[vocab.OWLSameAs.IRI])) ||
				!ix.has(ls, vocab.VoIDLinkPredicate, vocab.OWLSameAs.Node()) || !ix.has(ls, vocab.RDFType, vocab.VoIDLinkset.Node()) {
				t.Errorf("linkset %s: %v", ls, ix[ls])
			}
			if !ix.has(ds, vocab.VoIDVocabulary, vocab.IRI(vocab.OntologyIRI)) {
				t.Error("our vocabulary is not listed")
			}
		})
	}
}

// What the dumps write into a release is Turtle a parser reads, the same
// bytes for the same inputs.
func TestWriteRelease(t *testing.T) {
	in := input(t)
	in.Earlier = nil
	for _, file := range []string{DCATFile, VoIDFile} {
		t.Run(file, func(t *testing.T) {
			var a, b bytes.Buffer
			for _, w := range []*bytes.Buffer{&a, &b} {
				if err := WriteRelease(context.Background(), w, file, in, graphOf(testBase)); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two runs differ")
			}
			dec := rdf.NewTripleDecoder(bytes.NewReader(a.Bytes()), rdf.Turtle)
			n := 0
			for {
				_, err := dec.Decode()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("knakk cannot read it: %v", err)
				}
				n++
			}
			if n < 50 {
				t.Errorf("%d triples", n)
			}
			if file == VoIDFile && !strings.Contains(a.String(), "void:triples") {
				t.Error("no statistics in the release's VoID")
			}
		})
	}
	if err := WriteRelease(context.Background(), io.Discard, "catalog.xml", in, nil); err == nil {
		t.Error("an unknown file is written")
	}
	in.Latest = nil
	if err := WriteRelease(context.Background(), io.Discard, DCATFile, in, nil); err == nil {
		t.Error("a release's catalogue without a release")
	}
}

func TestSchemaOrg(t *testing.T) {
	in := input(t)
	in.Config.Title = dataset.Text{"en": `Moving Cities </script><script>alert(1)</script>`}
	b, err := SchemaOrgJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("</script")) || bytes.Contains(b, []byte("<script")) {
		t.Error("the JSON can end the script element that embeds it")
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"@context", "@type", "name", "description", "url", "license", "creator", "distribution",
		"temporalCoverage", "spatialCoverage", "version", "citation", "keywords", "includedInDataCatalog"} {
		if d[k] == nil {
			t.Errorf("no %s", k)
		}
	}
	if d["@type"] != "Dataset" || d["version"] != "2026-11-27-r42" || d["temporalCoverage"] != "2004/2026-11-27" ||
		d["license"] != "https://creativecommons.org/licenses/by/4.0/" {
		t.Errorf("type %v, version %v, coverage %v, licence %v", d["@type"], d["version"], d["temporalCoverage"], d["license"])
	}
	dists := d["distribution"].([]any)
	first := dists[0].(map[string]any)
	if len(dists) != len(in.Latest.Files) || first["contentUrl"] != testBase+"/dumps/2026-11-27-r42/municipalities.csv" ||
		first["encodingFormat"] != "text/csv" || first["sha256"] != in.Latest.Files[0].SHA256 {
		t.Errorf("distribution %v", first)
	}
	if d["citation"] != "Moving Cities (2026). Moving Cities </script><script>alert(1)</script>, release 2026-11-27-r42 [dataset]. https://data.example.org/dumps/2026-11-27-r42/manifest.json" {
		t.Errorf("citation %q", d["citation"])
	}
}

// The pages for people say what the RDF says: the release's files with
// their checksums and download links, and the VoID statistics.
func TestPagesForPeople(t *testing.T) {
	in := input(t)
	in.Config.PublisherName = `Moving <Cities> & Co`
	in.Stats = &Stats{Triples: 9555, Entities: 511, Classes: map[string]int64{"https://schema.org/City": 202},
		Properties: map[string]int64{"http://www.w3.org/2002/07/owl#sameAs": 80}, Links: map[string]int64{"http://www.w3.org/2002/07/owl#sameAs": 80}}
	page, err := CatalogHTML(in)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	f, _ := in.Latest.File("municipalities.csv")
	for _, want := range []string{in.Latest.Name, f.SHA256, `href="` + DownloadURL(testBase, in.Latest.Name, f.Name) + `"`,
		"Moving &lt;Cities&gt; &amp; Co"} {
		if !strings.Contains(html, want) {
			t.Errorf("catalogue page: no %q", want)
		}
	}
	page, err = VoIDHTML(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"9555 triples about 511 entities", "https://schema.org/City</code></span></td><td data-label=\"Count\" class=\"n\"><span>202", "Links to Wikidata"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("VoID page: no %q", want)
		}
	}
}

// The dataset's description in the catalogue, VoID and schema.org states
// the coverage counted from the snapshot, in every language of the
// description, and follows the data.
func TestDescriptionStatesCoverage(t *testing.T) {
	totals, err := dataset.Platform()
	if err != nil {
		t.Fatal(err)
	}
	check := func(in Input, want string) {
		t.Helper()
		ts, err := DCAT(in)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := VoID(in)
		if err != nil {
			t.Fatal(err)
		}
		for name, ix := range map[string]index{"DCAT": indexOf(ts), "VoID": indexOf(vs)} {
			langs := map[string]bool{}
			for _, o := range ix.objects(vocab.DatasetIRI(testBase), vocab.DCTermsDescription) {
				cov := dataset.CoverageOf(in.Snapshot, totals).Statement(o.Lang)
				if !strings.HasSuffix(o.Value, cov) {
					t.Errorf("%s description (%s) does not end in the coverage: %s", name, o.Lang, o.Value)
				}
				langs[o.Lang] = true
			}
			if !langs["en"] || !langs["de"] {
				t.Errorf("%s descriptions in %v", name, langs)
			}
		}
		d, err := SchemaOrg(in)
		if err != nil {
			t.Fatal(err)
		}
		if s, _ := d["description"].(string); !strings.Contains(s, want) {
			t.Errorf("schema.org description %q lacks %q", s, want)
		}
	}
	in := input(t)
	check(in, "202 of ~781 municipalities, 21 of 28 featured")
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Approaches = d.Approaches[:20]
	in.Snapshot = dataset.NewSnapshot(d, 43)
	check(in, "and 20 of ~50 local approaches")
}
