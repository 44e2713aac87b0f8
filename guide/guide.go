// Package guide makes the printable publications of a release from the
// data: the guide (Leitfaden) in each platform language and a profile of
// each municipality, as PDF.
//
// The PDFs are made with codeberg.org/go-pdf/fpdf and the Go fonts, which
// are embedded (subset) so that Greek and Polish print and the text stays
// searchable and copyable. Their bytes depend on nothing but the data and
// the base URI: the creation date is the data's modification time, fpdf
// writes no random document ID, and every list is sorted, so unchanged
// data makes identical files.
package guide

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/moving-cities/opendata/dataset"
)

// Input is what the publications are made from.
type Input struct {
	Snap *dataset.Snapshot
	// BaseURI is the base of the dataset's IRIs and pages, without a
	// trailing slash.
	BaseURI string
}

// Author is the PDFs' author.
const Author = "Moving Cities"

// FileName is the name of the guide in lang within a release.
func FileName(lang string) string { return "guide-" + lang + ".pdf" }

func langIndex(lang string) int {
	if i := slices.Index(dataset.Languages, lang); i >= 0 {
		return i
	}
	return 0
}

// date is when the data last changed: the PDFs' creation date.
func (in Input) date() time.Time {
	if in.Snap.Modified.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return in.Snap.Modified.UTC().Truncate(time.Second)
}

// xmp is the document's XMP metadata: title, author, language, licence
// and date, for tools that read XMP rather than the document information
// (poppler's pdfinfo -meta shows the language only from here).
func xmp(title, lang string, date time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	return []byte(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="` + lang + `">` + esc(title) + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>` + esc(Author) + `</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>` + lang + `</rdf:li></rdf:Bag></dc:language>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li></rdf:Alt></dc:rights>
<xmp:CreateDate>` + date.Format(time.RFC3339) + `</xmp:CreateDate>
<xmp:ModifyDate>` + date.Format(time.RFC3339) + `</xmp:ModifyDate>
<pdf:Producer>Moving Cities Open Data</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>`)
}

// Colours of a civic publication: dark blue ink, a warm accent.
var (
	ink    = [3]int{0x1b, 0x2a, 0x41}
	accent = [3]int{0xb3, 0x3a, 0x2e}
	muted  = [3]int{0x5b, 0x64, 0x70}
)

type doc struct {
	*fpdf.Fpdf
	lang string
	in   Input
	// oneFont: the document embeds the regular face only and draws bold
	// by stroking the outlines as well as filling them. fpdf parses and
	// subsets each embedded font afresh for every document, which is
	// nearly all of a profile's cost and half its size, so a profile
	// embeds one font; the guide, made seven times a release, both.
	oneFont bool
	// stroked: text is filled and stroked (the faux bold of oneFont).
	stroked bool
	// footer is the title the page footers show.
	footer string
	// listCap is the most entries of a list the guide prints (ListCap).
	listCap int
}

func newDoc(in Input, lang, title string, oneFont bool) *doc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(20, 20, 20)
	f.SetAutoPageBreak(true, 20)
	f.AddUTF8FontFromBytes("go", "", goregular.TTF)
	if !oneFont {
		f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	}
	f.SetTitle(title, true)
	f.SetAuthor(Author, true)
	f.SetCreator("Moving Cities Open Data", true)
	f.SetProducer("Moving Cities Open Data", true)
	f.SetLang(lang)
	f.SetSubject(fmt.Sprintf("%s · %s", title, lang), true)
	f.SetCreationDate(in.date())
	f.SetModificationDate(in.date())
	f.SetXmpMetadata(xmp(title, lang, in.date()))
	f.SetCatalogSort(true)
	f.AliasNbPages("{nb}")
	g := &doc{Fpdf: f, lang: lang, in: in, oneFont: oneFont, footer: title}
	// A font before the first page and bookmark: fpdf writes a bookmark's
	// title as UTF-16 only when the current font is a Unicode one.
	f.SetFont("go", "", 10)
	f.SetFooterFunc(func() {
		f.SetY(-14)
		g.font("", 8, muted)
		f.CellFormat(0, 5, g.footer, "", 0, "L", false, 0, "")
		f.SetX(20)
		f.CellFormat(0, 5, fmt.Sprintf(msg(lang, "page"), strconv.Itoa(f.PageNo()), "{nb}"), "", 0, "R", false, 0, "")
	})
	return g
}

func (g *doc) t(key string) string { return msg(g.lang, key) }

func (g *doc) font(style string, size float64, c [3]int) {
	g.SetTextColor(c[0], c[1], c[2])
	if style == "B" && g.oneFont {
		// Fill and stroke (text rendering mode 2): a stroke of about 1.5 %
		// of the size thickens the regular face to a semi-bold.
		g.SetFont("go", "", size)
		g.SetTextRenderingMode(2)
		g.SetDrawColor(c[0], c[1], c[2])
		g.SetLineWidth(size * 0.015)
		g.stroked = true
		return
	}
	if g.stroked {
		g.SetTextRenderingMode(0)
		g.stroked = false
	}
	g.SetFont("go", style, size)
}

// heading starts a section with a bookmark of level.
func (g *doc) heading(text string, level int) {
	size := 16.0
	if level > 0 {
		size = 12.5
	}
	if g.GetY() > 250 {
		g.AddPage()
	}
	g.Ln(3)
	g.Bookmark(text, level, -1)
	g.font("B", size, ink)
	g.MultiCell(0, size*0.5, text, "", "L", false)
	if level == 0 {
		g.SetDrawColor(accent[0], accent[1], accent[2])
		g.SetLineWidth(0.6)
		y := g.GetY() + 1
		g.Line(20, y, 60, y)
		g.Ln(4)
	} else {
		g.Ln(1)
	}
}

func (g *doc) para(text string) {
	g.font("", 10, ink)
	g.MultiCell(0, 5, text, "", "L", false)
	g.Ln(2)
}

func (g *doc) small(text string) {
	g.font("", 8.5, muted)
	g.MultiCell(0, 4.2, text, "", "L", false)
	g.Ln(1)
}

// text returns t in the guide's language, English when missing.
func (g *doc) text(t dataset.Text) string { s, _ := t.Get(g.lang); return s }

// name is the name of a thing in lang, else English, else the first
// name in the order of the language tags.
func name(n dataset.Names, lang string) string {
	if s := n[lang]; s != "" {
		return s
	}
	if s := n["en"]; s != "" {
		return s
	}
	for _, l := range n.Langs() {
		if n[l] != "" {
			return n[l]
		}
	}
	return ""
}

func (g *doc) muniName(id string) string {
	if m, ok := g.in.Snap.Municipality(id); ok {
		return name(m.Names, g.lang)
	}
	return id
}

func (g *doc) countryName(id string) string {
	if c, ok := g.in.Snap.Country(id); ok {
		return name(c.Names, g.lang)
	}
	return id
}

func (g *doc) revisionLine() string {
	return fmt.Sprintf(g.t("revision"), g.in.Snap.Revision, g.in.date().Format(time.DateOnly))
}

// WriteGuide writes the guide in lang.
func WriteGuide(w io.Writer, in Input, lang string) error {
	return writeGuide(w, in, lang, ListCap)
}

// writeGuide writes the guide with lists of at most listCap entries.
func writeGuide(w io.Writer, in Input, lang string, listCap int) error {
	s := in.Snap
	g := newDoc(in, lang, msg(lang, "title"), false)
	g.listCap = listCap
	g.AddPage()

	// Cover: title, the map and the figures.
	g.Bookmark(g.t("title"), 0, -1)
	g.SetFillColor(ink[0], ink[1], ink[2])
	g.Rect(0, 0, 210, 8, "F")
	g.SetY(22)
	g.font("B", 24, ink)
	g.MultiCell(0, 11, g.t("title"), "", "L", false)
	g.Ln(2)
	g.font("", 12, accent)
	g.MultiCell(0, 6, g.t("subtitle"), "", "L", false)
	g.Ln(2)
	g.small(g.revisionLine())
	var pts []dataset.Coordinates
	for _, m := range s.Municipalities {
		if m.Coordinates != nil && m.Status != dataset.StatusWithdrawn {
			pts = append(pts, *m.Coordinates)
		}
	}
	y := g.GetY() + 4
	drawMap(g.Fpdf, 20, y, 170, pts)
	g.SetY(y + 170*europe.H/europe.W + 3)
	g.small(fmt.Sprintf(g.t("map.count"), len(s.Municipalities), len(s.Countries), len(s.Networks), len(s.Approaches)))

	g.AddPage()
	g.heading(g.t("intro"), 0)
	g.para(g.t("intro.text"))

	var featured []*dataset.Municipality
	for _, m := range s.Municipalities {
		if m.Featured {
			featured = append(featured, m)
		}
	}
	if len(featured) > 0 {
		g.heading(g.t("cases"), 0)
		for _, m := range featured[:min(len(featured), g.listCap)] {
			g.heading(name(m.Names, lang)+" ("+g.countryName(m.Country)+")", 1)
			if t := g.text(m.Summary); t != "" {
				g.para(t)
			}
			for _, a := range s.ApproachesOf(m.ID) {
				g.font("B", 10, ink)
				g.MultiCell(0, 5, "• "+g.text(a.Title), "", "L", false)
				if t := g.text(a.Summary); t != "" {
					g.font("", 9.5, ink)
					g.SetX(24)
					g.MultiCell(0, 4.6, t, "", "L", false)
				}
				g.Ln(1)
			}
		}
		g.more(len(featured))
	}

	g.heading(g.t("approaches"), 0)
	for _, c := range s.Categories {
		as := s.ApproachesIn(c.ID)
		if len(as) == 0 {
			continue
		}
		g.heading(g.text(c.Labels), 1)
		if t := g.text(c.Definitions); t != "" {
			g.small(t)
		}
		for _, a := range as[:min(len(as), g.listCap)] {
			line := "• " + g.text(a.Title) + " — " + g.muniName(a.Municipality)
			if a.YearStarted > 0 {
				line += " (" + fmt.Sprintf(g.t("started"), a.YearStarted) + ")"
			}
			g.font("", 10, ink)
			g.MultiCell(0, 5, line, "", "L", false)
		}
		g.more(len(as))
		g.Ln(2)
	}

	g.heading(g.t("networks"), 0)
	for _, n := range s.Networks {
		g.heading(name(n.Names, lang), 1)
		var facts []string
		if n.Founded > 0 {
			facts = append(facts, fmt.Sprintf(g.t("founded"), n.Founded))
		}
		members := s.MembersOf(n.ID)
		facts = append(facts, fmt.Sprintf(g.t("members"), len(members)))
		if n.Website != "" {
			facts = append(facts, n.Website)
		}
		g.small(strings.Join(facts, " · "))
		if t := g.text(n.Description); t != "" {
			g.para(t)
		}
		var names []string
		for _, ms := range members {
			names = append(names, g.muniName(ms.Municipality))
		}
		sort.Strings(names)
		if len(names) > 0 {
			g.font("", 9, ink)
			g.MultiCell(0, 4.5, strings.Join(names[:min(len(names), g.listCap)], ", "), "", "L", false)
			g.more(len(names))
			g.Ln(2)
		}
	}

	g.heading(g.t("join"), 0)
	g.para(g.t("join.text"))

	g.heading(g.t("cite"), 0)
	g.para(g.t("cite.text"))
	g.font("", 9.5, ink)
	g.SetX(26)
	g.MultiCell(0, 5, citation(in), "", "L", false)
	g.Ln(3)
	g.heading(g.t("cite.links"), 1)
	for _, l := range [][2]string{{"links.pages", in.BaseURI + "/"}, {"links.dumps", in.BaseURI + "/dumps/"}, {"links.api", in.BaseURI + "/api/"}} {
		g.font("", 10, ink)
		g.MultiCell(0, 5, g.t(l[0])+": "+l[1], "", "L", false)
	}
	return g.out(w)
}

// ListCap is the most entries the guide prints of any one list (case
// studies, a category's approaches, a network's members): a guide of
// 100 000 municipalities that named them all would be thousands of pages
// no one reads, and most of a release's time. Longer lists end with
// "… and N more"; the data and the pages hold them all.
const ListCap = 100

// more ends a list of total entries, of which ListCap were printed, with
// "… and N more" when some were left out.
func (g *doc) more(total int) {
	if total <= g.listCap {
		return
	}
	g.font("", 9.5, muted)
	g.MultiCell(0, 5, fmt.Sprintf(g.t("more"), total-g.listCap), "", "L", false)
}

// citation is how to cite the data at this revision.
func citation(in Input) string {
	return fmt.Sprintf("Moving Cities (%d). Moving Cities Open Data, revision %d (%s). CC BY 4.0. %s/",
		in.date().Year(), in.Snap.Revision, in.date().Format(time.DateOnly), in.BaseURI)
}

// out writes the document to w, or nothing when it failed. It closes the
// document first and checks for errors, so that Output only copies fpdf's
// buffer out: no copy of our own, which at 100k municipalities (a map of
// 100k dots) was 14 MB and its growth per guide (issue 18).
func (g *doc) out(w io.Writer) error {
	g.Close()
	if err := g.Error(); err != nil {
		return err
	}
	return g.Output(w)
}
