package pages

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
)

// LandingInput is what the landing page shows besides the snapshot.
type LandingInput struct {
	// Release is the latest dump release; nil when there is none.
	Release *Release
	// DatasetJSONLD, when not nil, is embedded in the page as a JSON-LD
	// data block: the schema.org Dataset of the catalogue (a value to
	// marshal, or json.RawMessage).
	DatasetJSONLD any
}

type landingView struct {
	Lang         string
	LangExplicit bool
	CountsNote   string
	Counts       []countView
	// Coverage says what the data holds against what the platform shows.
	Coverage   string
	MapHref    string
	BrowseHref string
	Release    *releaseView
	DumpsHref  string
	CiteIntro  string
	CiteText   string
	BibTeX     string
	Links      []devLink
}

type countView struct{ Number, Label, Href string }

type releaseView struct {
	Intro, Caption                  string
	Files                           []fileView
	ManifestHref, SumsHref, AllHref string
	// Archive is the file that holds all the others, if any.
	Archive *fileView
}

type fileView struct {
	Name, Href, Format, Size, Rows, SHA256 string
	Bytes                                  int64
}

type devLink struct{ Label, Href, Text, Path string }

// Landing answers r with the landing page: what the dataset is and whom
// it is for, live counts from snap, the latest release with its
// downloads (format, size, SHA-256, rows), how to cite it (text and
// BibTeX, with version and date), and the ways in for developers: API
// reference, vocabulary, catalogue, reconciliation service, licence.
func (p *Pages) Landing(w http.ResponseWriter, r *http.Request, view *query.View, in LandingInput) error {
	if view == nil {
		return ErrNotFound
	}
	snap := view.Snap
	c := p.newCtx(r)
	rel := in.Release
	lv := &landingView{Lang: c.lang, LangExplicit: c.explicit,
		MapHref: c.href("/map", nil), BrowseHref: c.href("/browse/municipalities", nil), DumpsHref: c.href("/dumps", nil)}
	pr := printerFor(c.lang)
	modified := "–"
	if !snap.Modified.IsZero() {
		modified = snap.Modified.UTC().Format(time.DateOnly)
	}
	lv.CountsNote = c.tf("landing.counts.note", strconv.FormatInt(snap.Revision, 10), modified)
	featured := 0
	for _, m := range snap.Municipalities {
		if m.Featured {
			featured++
		}
	}
	for _, n := range []struct {
		n     int
		label string
		href  string
	}{
		{len(snap.Municipalities), c.typePlural(dataset.TypeMunicipality), c.href("/browse/municipalities", nil)},
		{featured, c.t("landing.featured"), c.href("/browse/municipalities", url.Values{"featured": {"true"}})},
		{len(snap.Countries), c.typePlural(dataset.TypeCountry), c.href("/browse/countries", nil)},
		{len(snap.Networks), c.typePlural(dataset.TypeNetwork), c.href("/browse/networks", nil)},
		{len(snap.Memberships), c.typePlural(dataset.TypeMembership), c.href("/browse/networks", nil)},
		{len(snap.Approaches), c.typePlural(dataset.TypeApproach), c.href("/browse/approaches", nil)},
		{len(snap.Categories), c.typePlural(dataset.TypeCategory), c.href("/browse/categories", nil)},
	} {
		lv.Counts = append(lv.Counts, countView{Number: pr.Sprintf("%d", n.n), Label: n.label, Href: n.href})
	}
	if totals, err := dataset.Platform(); err == nil {
		lv.Coverage = dataset.CoverageOf(snap, totals).Statement(c.lang)
	}
	base := p.cfg.BaseURI
	if rel != nil {
		rv := &releaseView{
			Intro:        c.tf("landing.release.intro", rel.Name, rel.Generated.Format(time.DateOnly), strconv.FormatInt(rel.Revision, 10)),
			Caption:      c.tf("landing.release.caption", rel.Name),
			ManifestHref: "/dumps/" + url.PathEscape(rel.Name) + "/manifest.json",
			SumsHref:     "/dumps/" + url.PathEscape(rel.Name) + "/SHA256SUMS",
			AllHref:      c.href("/dumps", nil),
		}
		for _, f := range rel.Files {
			fv := fileView{Name: f.Name, Href: "/dumps/" + url.PathEscape(rel.Name) + "/" + url.PathEscape(f.Name),
				Format: formatOf(f.Name, f.MediaType), Size: c.size(f.Bytes), Bytes: f.Bytes, SHA256: f.SHA256, Rows: "–"}
			switch {
			case f.Rows != nil:
				fv.Rows = pr.Sprintf("%d", *f.Rows)
			case f.Triples != nil:
				fv.Rows = c.tf("landing.triples", *f.Triples)
			}
			rv.Files = append(rv.Files, fv)
			if f.Name == rel.Archive && rel.Archive != "" {
				rv.Archive = &fv
			}
		}
		lv.Release = rv
	}
	lv.CiteIntro = c.t("landing.cite.intro")
	lv.CiteText, lv.BibTeX = citation(base, snap, rel)
	for _, d := range []struct{ key, path string }{
		{"api", "/docs"}, {"vocab", "/vocab"}, {"catalog", "/catalog"}, {"reconcile", "/reconcile/v0.2"},
		{"dumps", "/dumps"}, {"context", "/context.jsonld"}, {"void", "/.well-known/void"}, {"openapi", "/openapi.yaml"},
	} {
		lv.Links = append(lv.Links, devLink{Label: c.t("dev." + d.key), Text: c.t("dev." + d.key + ".text"),
			Href: c.href(d.path, nil), Path: base + d.path})
	}
	v := c.page("", "home")
	v.Content = lv
	v.Description = c.t("landing.lead")
	v.Canonical = base + "/"
	v.JSONLD = in.DatasetJSONLD
	v.Alternates = append(v.Alternates, Alternate{Label: "DCAT-AP (Turtle)", MediaType: "text/turtle", Href: "/catalog"})
	return p.write(w, r, c, "landing", v)
}

// Release is a dump release, as the landing page offers it.
type Release struct {
	Name      string
	Revision  int64
	Generated time.Time
	Files     []ReleaseFile
	// Archive names the file of Files that holds all the others.
	Archive string
}

// ReleaseFile is a file of a release; Rows or Triples count its content
// where it is a table or a graph.
type ReleaseFile struct {
	Name, MediaType, SHA256 string
	Bytes                   int64
	Rows, Triples           *int64
}

// citation is how to cite the release rel (or, with none, the live
// service at snap's revision): a reference in text and a BibTeX entry.
func citation(base string, snap *dataset.Snapshot, rel *Release) (string, string) {
	const title, author = "Moving Cities Open Data", "Moving Cities"
	var version, date, where, key, note string
	if rel != nil {
		version, date = rel.Name, rel.Generated.Format(time.DateOnly)
		where = base + "/dumps#" + rel.Name
		key = "movingcities-opendata-" + rel.Name
		note = fmt.Sprintf("Dataset revision %d", rel.Revision)
	} else {
		version = "revision " + strconv.FormatInt(snap.Revision, 10)
		t := snap.Modified
		if t.IsZero() {
			t = time.Now()
		}
		date = t.UTC().Format(time.DateOnly)
		where = base + "/"
		key = fmt.Sprintf("movingcities-opendata-r%d", snap.Revision)
		note = "Live service"
	}
	year := date[:4]
	text := fmt.Sprintf("%s (%s). %s, version %s [Data set], %s. %s. Licence: CC BY 4.0.", author, year, title, version, date, where)
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s,\n", key)
	for _, kv := range [][2]string{
		{"author", "{" + author + "}"}, {"title", title}, {"year", year}, {"date", date}, {"version", version},
		{"publisher", author}, {"howpublished", `\url{` + where + `}`}, {"url", where},
		{"note", note + ". Licensed under CC BY 4.0"},
	} {
		fmt.Fprintf(&b, "  %-12s = {%s},\n", kv[0], kv[1])
	}
	b.WriteString("}")
	return text, b.String()
}

// formatOf names the format of a release file by its name.
func formatOf(name, mediaType string) string {
	for _, s := range []struct{ suffix, format string }{
		{".geo.parquet", "GeoParquet"}, {".parquet", "Parquet"}, {".csv", "CSV"}, {".geojson", "GeoJSON"},
		{".nt.gz", "N-Triples (gzip)"}, {".ttl.gz", "Turtle (gzip)"}, {".jsonld.gz", "JSON-LD (gzip)"},
		{".tsv.gz", "TSV (gzip)"}, {"csv-metadata.json", "CSVW metadata"}, {"datapackage.json", "Data Package"},
		{"SHA256SUMS", "SHA-256 checksums"}, {".ttl", "Turtle"}, {".json", "JSON"}, {".zip", "ZIP"},
	} {
		if strings.HasSuffix(name, s.suffix) {
			return s.format
		}
	}
	if mt, _, _ := strings.Cut(mediaType, ";"); mt != "" {
		return mt
	}
	return "–"
}

// size is a byte count for people: B, kB, MB, GB (powers of 1000), in
// the language's number style.
func (c *ctx) size(n int64) string {
	pr := printerFor(c.lang)
	switch {
	case n < 1000:
		return pr.Sprintf("%d B", n)
	case n < 1000*1000:
		return pr.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return pr.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return pr.Sprintf("%.1f GB", float64(n)/1e9)
}
