package guide

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// ProfilesFile is the book of the city profiles within a release (at most
// MaxProfiles): one
// PDF, a municipality after another, each from a new page and with a
// bookmark, in the order of their IDs. One document rather than one file
// each: fpdf embeds the fonts in every document it makes, which was nearly
// all of a profile's 17 KB and of its making time (a release of 10 000
// municipalities carried 177 MB of profiles, made in 100 s); in one book
// they are embedded once. The service makes single profiles on request
// (WriteProfile), with the same pages.
const ProfilesFile = "profiles-en.pdf"

// ProfileLang is the language of the profiles in a release. A profile
// prints the municipality's names in every language the data holds; the
// service makes it in each platform language on request.
const ProfileLang = "en"

// WriteProfile writes the profile of municipality m in lang: one page or a
// few, without the map (the map's outlines would make each profile about
// four times larger).
func WriteProfile(w io.Writer, in Input, m *dataset.Municipality, lang string) error {
	if !dataset.IsPlatformLanguage(lang) {
		lang = ProfileLang
	}
	g := newDoc(in, lang, msg(lang, "profile")+": "+name(m.Names, lang), true)
	g.profile(m)
	return g.out(w)
}

// profile adds the pages of the profile of m.
func (g *doc) profile(m *dataset.Municipality) {
	s := g.in.Snap
	lang := g.lang
	title := name(m.Names, lang)
	// AddPage draws the footer of the page before: the new title after it.
	g.AddPage()
	g.footer = msg(lang, "profile") + ": " + title
	g.Bookmark(title, 0, -1)
	g.SetFillColor(ink[0], ink[1], ink[2])
	g.Rect(0, 0, 210, 8, "F")
	g.SetY(18)
	g.font("", 10, accent)
	g.CellFormat(0, 5, g.t("profile"), "", 1, "L", false, 0, "")
	g.font("B", 22, ink)
	g.MultiCell(0, 10, title, "", "L", false)
	g.font("", 11, ink)
	g.MultiCell(0, 6, g.t("country")+": "+g.countryName(m.Country), "", "L", false)
	if m.Population != nil {
		g.MultiCell(0, 6, fmt.Sprintf("%s: %d (%d)", g.t("population"), m.Population.Value, m.Population.Year), "", "L", false)
	}
	g.Ln(2)
	g.heading(g.t("names"), 1)
	var names []string
	for _, l := range m.Names.Langs() {
		names = append(names, m.Names[l]+" ["+l+"]")
	}
	for _, a := range m.Aliases {
		names = append(names, a.Name+" ["+a.Lang+"]")
	}
	g.para(strings.Join(names, " · "))
	if t := g.text(m.Summary); t != "" {
		g.para(t)
	}

	g.heading(g.t("memberships"), 1)
	ms := s.MembershipsOf(m.ID)
	if len(ms) == 0 {
		g.para(g.t("none"))
	}
	for _, x := range ms {
		line := "• " + x.Network
		if n, ok := s.Network(x.Network); ok {
			line = "• " + name(n.Names, lang)
		}
		var when []string
		if !x.Since.IsZero() {
			when = append(when, fmt.Sprintf(g.t("since"), x.Since.String()))
		}
		if !x.Until.IsZero() {
			when = append(when, fmt.Sprintf(g.t("until"), x.Until.String()))
		}
		if len(when) > 0 {
			line += " (" + strings.Join(when, ", ") + ")"
		}
		g.font("", 10, ink)
		g.MultiCell(0, 5, line, "", "L", false)
	}
	g.Ln(2)

	g.heading(g.t("local"), 1)
	as := s.ApproachesOf(m.ID)
	if len(as) == 0 {
		g.para(g.t("none"))
	}
	for _, a := range as {
		g.font("B", 10, ink)
		line := "• " + g.text(a.Title)
		if a.YearStarted > 0 {
			line += " (" + fmt.Sprintf(g.t("started"), a.YearStarted) + ")"
		}
		g.MultiCell(0, 5, line, "", "L", false)
		if t := g.text(a.Summary); t != "" {
			g.font("", 9.5, ink)
			g.SetX(24)
			g.MultiCell(0, 4.6, t, "", "L", false)
		}
		g.Ln(1)
	}

	var srcs []string
	for _, src := range m.Sources {
		s := src.URL
		if src.Title != "" {
			s = src.Title + " — " + src.URL
		}
		srcs = append(srcs, s)
	}
	if len(srcs) > 0 {
		g.heading(g.t("sources"), 1)
		for _, s := range srcs {
			g.small("• " + s)
		}
	}
	g.heading(g.t("record"), 1)
	g.small(g.in.BaseURI + "/id/municipality/" + m.ID)
	if c := m.Coordinates; c != nil {
		g.small(fmt.Sprintf("%.4f, %.4f (WGS84)", c.Lat, c.Lon))
	}
	g.small(g.revisionLine())
}

// MaxProfiles is the most profiles the book holds: the first ones in the
// order of IDs. The book of 100 000 profiles would take most of a
// release's time and hundreds of megabytes for pages the service makes
// on request anyway (WriteProfile); past the cap the book ends with a page
// that says how many more there are and where each is made.
const MaxProfiles = 1000

// WriteProfiles writes the book of the municipalities' profiles in
// ProfileLang (see ProfilesFile), at most MaxProfiles of them. It returns
// the number of profiles in the book.
func WriteProfiles(ctx context.Context, w io.Writer, in Input) (int64, error) {
	return writeProfiles(ctx, w, in, MaxProfiles)
}

// writeProfiles writes the book of at most max profiles.
func writeProfiles(ctx context.Context, w io.Writer, in Input, max int) (int64, error) {
	lang := ProfileLang
	g := newDoc(in, lang, msg(lang, "profiles"), true)
	var n int64
	ms := in.Snap.Municipalities
	for _, m := range ms[:min(len(ms), max)] {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
		g.profile(m)
		n++
	}
	if n == 0 {
		g.AddPage()
		g.para(msg(lang, "none"))
	}
	if rest := len(ms) - int(n); rest > 0 {
		g.AddPage()
		g.footer = msg(lang, "profiles")
		g.Bookmark(fmt.Sprintf(msg(lang, "more"), rest), 0, -1)
		g.para(fmt.Sprintf(msg(lang, "profiles.more"), rest, in.BaseURI))
	}
	return n, g.out(w)
}
