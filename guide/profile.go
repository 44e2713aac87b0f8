package guide

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/moving-cities/opendata/dataset"
)

// ProfilesFile is the archive of the city profiles within a release, and
// ProfileName the name of one profile within it. The profiles travel as
// one archive rather than one file each: a release at 10 000
// municipalities would otherwise list 10 000 files in its manifest and
// checksums; the archive is one entry with one checksum, and one download
// for those who want them all. The service serves single profiles out of
// it.
const ProfilesFile = "profiles.zip"

// ProfileName is the name of the profile of the municipality id in the
// archive.
func ProfileName(id string) string { return "profiles/" + id + ".pdf" }

// ProfileLang is the language of the profiles in a release. A profile
// prints the municipality's names in every language the data holds; the
// service makes it in each platform language on request.
const ProfileLang = "en"

// WriteProfile writes the profile of municipality m in lang: one page or a
// few, without the map (the map's outlines would make each profile about
// four times larger, which at 10 000 municipalities is gigabytes).
func WriteProfile(w io.Writer, in Input, m *dataset.Municipality, lang string) error {
	s := in.Snap
	if !dataset.IsPlatformLanguage(lang) {
		lang = ProfileLang
	}
	title := name(m.Names, lang)
	g := newDoc(in, lang, msg(lang, "profile")+": "+title, true)
	g.AddPage()
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
	g.small(in.BaseURI + "/id/municipality/" + m.ID)
	if c := m.Coordinates; c != nil {
		g.small(fmt.Sprintf("%.4f, %.4f (WGS84)", c.Lat, c.Lon))
	}
	g.small(g.revisionLine())
	return g.out(w)
}

// WriteProfiles writes the archive of every municipality's profile,
// ordered by ID, stored uncompressed (PDF streams are compressed already)
// and dated with the data's time, so that unchanged data makes the same
// bytes. It returns the number of profiles.
//
// A profile costs about 12 ms, nearly all of it fpdf parsing and
// subsetting the embedded fonts, which it does afresh for each document;
// so the profiles are made on every core, a batch at a time, and written
// in order: the bytes do not depend on the number of cores.
func WriteProfiles(ctx context.Context, w io.Writer, in Input) (int64, error) {
	zw := zip.NewWriter(w)
	ms := in.Snap.Municipalities
	workers := runtime.GOMAXPROCS(0)
	batch := make([]bytes.Buffer, 8*workers)
	errs := make([]error, len(batch))
	var n int64
	for start := 0; start < len(ms); start += len(batch) {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		part := ms[start:min(start+len(batch), len(ms))]
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range next {
					batch[i].Reset()
					errs[i] = WriteProfile(&batch[i], in, part[i], ProfileLang)
				}
			})
		}
		for i := range part {
			next <- i
		}
		close(next)
		wg.Wait()
		for i, m := range part {
			if errs[i] != nil {
				return n, fmt.Errorf("profile %s: %w", m.ID, errs[i])
			}
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: ProfileName(m.ID), Method: zip.Store, Modified: in.date()})
			if err != nil {
				return n, err
			}
			if _, err := fw.Write(batch[i].Bytes()); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, zw.Close()
}
