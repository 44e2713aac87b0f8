package guide

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
)

// A reader of just what fpdf writes, to check the structure of the PDFs
// without an outside tool (e2e/guide.test.mjs checks them with poppler):
// objects, their inflated streams, the pages' text shown with Tj (fpdf
// writes Unicode fonts' text as UTF-16BE), the outline's titles and the
// document information.

type pdfDoc struct {
	raw  []byte
	objs map[int][]byte // object number → its bytes, dictionary and stream
}

var objPattern = regexp.MustCompile(`(?s)(\d+) 0 obj\n(.*?)\nendobj\n`)

func readPDF(t *testing.T, raw []byte) *pdfDoc {
	t.Helper()
	if !bytes.HasPrefix(raw, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(raw), []byte("%%EOF")) {
		t.Fatal("not a whole PDF")
	}
	d := &pdfDoc{raw: raw, objs: map[int][]byte{}}
	for _, m := range objPattern.FindAllSubmatch(raw, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		d.objs[n] = m[2]
	}
	return d
}

// stream is the inflated stream of object n.
func (d *pdfDoc) stream(t *testing.T, n int) []byte {
	t.Helper()
	o := d.objs[n]
	i := bytes.Index(o, []byte("stream\n"))
	j := bytes.LastIndex(o, []byte("\nendstream"))
	if i < 0 || j < i {
		t.Fatalf("object %d has no stream", n)
	}
	s := o[i+len("stream\n") : j]
	if !bytes.Contains(o[:i], []byte("/FlateDecode")) {
		return s
	}
	zr, err := zlib.NewReader(bytes.NewReader(s))
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	return b
}

var (
	pagePattern     = regexp.MustCompile(`/Type /Page\n[^>]*/Contents (\d+) 0 R`)
	countPattern    = regexp.MustCompile(`/Type /Pages\n/Kids \[[^\]]*\]\n/Count (\d+)`)
	titlePattern    = regexp.MustCompile(`(?s)^<</Title \((.*?)\)\n/Parent (\d+) 0 R`)
	showTextPattern = regexp.MustCompile(`(?s)Td \((.*?)\)Tj`)
)

// pages are the content streams of the pages, in order.
func (d *pdfDoc) pages(t *testing.T) [][]byte {
	t.Helper()
	var nums []int
	for n, o := range d.objs {
		if m := pagePattern.FindSubmatch(o); m != nil {
			c, _ := strconv.Atoi(string(m[1]))
			nums = append(nums, n*1_000_000+c)
		}
	}
	slices.Sort(nums)
	var ps [][]byte
	for _, n := range nums {
		ps = append(ps, d.stream(t, n%1_000_000))
	}
	m := countPattern.FindSubmatch(d.raw)
	if m == nil || string(m[1]) != strconv.Itoa(len(ps)) {
		t.Fatalf("the page tree's /Count is not the %d pages", len(ps))
	}
	return ps
}

// unescape reads a PDF literal string.
func unescape(s []byte) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			default:
				b = append(b, s[i])
			}
			continue
		}
		b = append(b, s[i])
	}
	return b
}

func utf16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// text is the text a page shows, one line per Tj.
func text(page []byte) string {
	var lines []string
	for _, m := range showTextPattern.FindAllSubmatch(page, -1) {
		lines = append(lines, utf16BE(unescape(m[1])))
	}
	return strings.Join(lines, "\n")
}

// outline is the outline's titles, in object order (fpdf's order of the
// bookmarks); every title must be UTF-16 with its byte order mark.
func (d *pdfDoc) outline(t *testing.T) []string {
	t.Helper()
	var nums []int
	for n := range d.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var titles []string
	for _, n := range nums {
		m := titlePattern.FindSubmatch(d.objs[n])
		if m == nil {
			continue
		}
		b := unescape(m[1])
		if !bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
			t.Errorf("outline title %q is not UTF-16", b)
			continue
		}
		titles = append(titles, utf16BE(b[2:]))
	}
	return titles
}

// topOutline is the titles of the outline's first level.
func (d *pdfDoc) topOutline(t *testing.T) []string {
	t.Helper()
	root := -1
	for n, o := range d.objs {
		if bytes.HasPrefix(o, []byte("<</Type /Outlines")) {
			root = n
		}
	}
	var nums []int
	for n := range d.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var titles []string
	for _, n := range nums {
		if m := titlePattern.FindSubmatch(d.objs[n]); m != nil && string(m[2]) == strconv.Itoa(root) {
			titles = append(titles, utf16BE(unescape(m[1])[2:]))
		}
	}
	return titles
}

// info is an entry of the document information dictionary.
func (d *pdfDoc) info(key string) string {
	m := regexp.MustCompile(`(?s)\n/` + key + ` \((.*?)\)\n`).FindSubmatch(d.raw)
	if m == nil {
		return ""
	}
	b := unescape(m[1])
	if bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return utf16BE(b[2:])
	}
	return string(b)
}

// The guide in each language has: the map of Europe on its first page,
// with one dot per located municipality on it and every country outline;
// an outline (bookmarks) of its sections, in its language; "page i of n"
// on every page; and its title, author, language and the data's date in
// its metadata.
func TestGuideStructure(t *testing.T) {
	in := seedInput(t)
	dots := 0
	for _, m := range in.Snap.Municipalities {
		if c := m.Coordinates; c != nil && m.Status != dataset.StatusWithdrawn {
			if x, y := pages.Project(c.Lat, c.Lon); europe.Contains(x, y) {
				dots++
			}
		}
	}
	if dots < 100 {
		t.Fatalf("only %d located municipalities in the seed", dots)
	}
	for _, lang := range dataset.Languages {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteGuide(&b, in, lang); err != nil {
				t.Fatal(err)
			}
			d := readPDF(t, b.Bytes())
			ps := d.pages(t)
			if len(ps) < 4 {
				t.Fatalf("%d pages", len(ps))
			}

			// The map: each country ring is a filled and stroked (B) path
			// of straight lines, each dot a filled and stroked path of
			// Bézier curves (c).
			var circles, polygons int
			curved := false
			for _, line := range bytes.Split(ps[0], []byte("\n")) {
				switch {
				case bytes.HasSuffix(line, []byte(" c")):
					curved = true
				case string(line) == "B" || bytes.HasSuffix(line, []byte(" B")):
					if curved {
						circles++
					} else {
						polygons++
					}
					curved = false
				}
			}
			if circles != dots || polygons != len(outlines) {
				t.Errorf("first page: %d circles and %d polygons, want %d dots and %d country outlines", circles, polygons, dots, len(outlines))
			}

			for i, p := range ps {
				want := fmt.Sprintf(msg(lang, "page"), strconv.Itoa(i+1), strconv.Itoa(len(ps)))
				if !strings.Contains(text(p), want) {
					t.Errorf("page %d does not say %q", i+1, want)
				}
			}
			if !strings.Contains(text(ps[0]), msg(lang, "title")) {
				t.Errorf("the first page does not show the title %q", msg(lang, "title"))
			}

			titles := d.outline(t)
			for _, key := range []string{"title", "intro", "cases", "approaches", "networks", "join", "cite", "cite.links"} {
				if !slices.Contains(titles, msg(lang, key)) {
					t.Errorf("the outline has no %q", msg(lang, key))
				}
			}
			for _, n := range in.Snap.Networks {
				if !slices.Contains(titles, name(n.Names, lang)) {
					t.Errorf("the outline has no network %q", name(n.Names, lang))
				}
			}
			if !bytes.Contains(b.Bytes(), []byte("/PageMode /UseOutlines")) && !bytes.Contains(b.Bytes(), []byte("/Outlines ")) {
				t.Error("the catalogue has no outline")
			}

			for key, want := range map[string]string{"Title": msg(lang, "title"), "Author": Author,
				"CreationDate": "D:" + in.date().Format("20060102150405")} {
				if got := d.info(key); !strings.HasPrefix(got, want) {
					t.Errorf("/%s %q, want %q", key, got, want)
				}
			}
			if !bytes.Contains(b.Bytes(), []byte("/Lang ("+lang+")")) {
				t.Errorf("no /Lang (%s)", lang)
			}
			if !bytes.Contains(b.Bytes(), []byte("/Type /Metadata /Subtype /XML")) ||
				!bytes.Contains(b.Bytes(), []byte("<dc:language><rdf:Bag><rdf:li>"+lang+"</rdf:li>")) {
				t.Errorf("no XMP metadata with dc:language %s", lang)
			}
		})
	}
}

// A profile names its municipality in its title, outline and first page,
// in Greek and Polish letters too, and numbers its pages.
func TestProfileStructure(t *testing.T) {
	in := seedInput(t)
	var picked []*dataset.Municipality
	for _, m := range in.Snap.Municipalities {
		if m.Names["el"] != "" || strings.ContainsAny(m.Names["pl"], "ąćęłńóśźżŁŚŻ") {
			picked = append(picked, m)
		}
	}
	if len(picked) == 0 {
		t.Fatal("no municipality with a Greek or Polish name in the seed")
	}
	for _, m := range picked[:min(len(picked), 5)] {
		for _, lang := range []string{"el", "pl"} {
			var b bytes.Buffer
			if err := WriteProfile(&b, in, m, lang); err != nil {
				t.Fatal(err)
			}
			d := readPDF(t, b.Bytes())
			ps := d.pages(t)
			nm := name(m.Names, lang)
			if got := d.info("Title"); got != msg(lang, "profile")+": "+nm {
				t.Errorf("%s/%s: title %q", m.ID, lang, got)
			}
			if o := d.outline(t); len(o) == 0 || o[0] != nm {
				t.Errorf("%s/%s: outline %q", m.ID, lang, o)
			}
			first := text(ps[0])
			for _, want := range []string{nm, fmt.Sprintf(msg(lang, "page"), "1", strconv.Itoa(len(ps))), in.BaseURI + "/id/municipality/" + m.ID} {
				if !strings.Contains(first, want) {
					t.Errorf("%s/%s: the first page does not show %q", m.ID, lang, want)
				}
			}
			for l, n := range m.Names {
				if !strings.Contains(strings.ReplaceAll(first, "\n", " "), n+" ["+l+"]") {
					t.Errorf("%s/%s: the names do not list %s [%s]", m.ID, lang, n, l)
				}
			}
		}
	}
}

// The book of profiles has every municipality, in ID order, each in the
// outline and from a new page, with the pages its own profile has: the
// same text but for the footer (the book numbers its pages throughout).
func TestProfilesBook(t *testing.T) {
	in := seedInput(t)
	var b bytes.Buffer
	n, err := WriteProfiles(context.Background(), &b, in)
	if err != nil {
		t.Fatal(err)
	}
	ms := in.Snap.Municipalities
	if n != int64(len(ms)) {
		t.Fatalf("%d profiles, %d municipalities", n, len(ms))
	}
	book := readPDF(t, b.Bytes())
	if got := book.info("Title"); got != msg(ProfileLang, "profiles") {
		t.Errorf("title %q", got)
	}
	titles := book.topOutline(t)
	if len(titles) != len(ms) {
		t.Fatalf("%d bookmarks, %d municipalities", len(titles), len(ms))
	}
	for i, m := range ms {
		if titles[i] != name(m.Names, ProfileLang) {
			t.Fatalf("bookmark %d is %q, want %q", i, titles[i], name(m.Names, ProfileLang))
		}
	}
	pages := book.pages(t)
	body := func(p []byte) string {
		lines := strings.Split(text(p), "\n")
		return strings.Join(lines[:len(lines)-2], "\n") // the footer: title, page i of n
	}
	at := 0
	for i, m := range ms {
		var one bytes.Buffer
		if err := WriteProfile(&one, in, m, ProfileLang); err != nil {
			t.Fatal(err)
		}
		own := readPDF(t, one.Bytes()).pages(t)
		if i%25 == 0 {
			for k, p := range own {
				if got, want := body(pages[at+k]), body(p); got != want {
					t.Fatalf("%s: page %d of the book differs from its profile:\n%s\n---\n%s", m.ID, k+1, got, want)
				}
				footer := msg(ProfileLang, "profile") + ": " + name(m.Names, ProfileLang)
				if lines := strings.Split(text(pages[at+k]), "\n"); lines[len(lines)-2] != footer {
					t.Fatalf("%s: the footer of its page %d in the book is %q", m.ID, k+1, lines[len(lines)-2])
				}
			}
			if last := text(pages[len(pages)-1]); !strings.Contains(last, fmt.Sprintf(msg(ProfileLang, "page"), strconv.Itoa(len(pages)), strconv.Itoa(len(pages)))) {
				t.Errorf("the last page does not say it is the last: %q", last)
			}
		}
		at += len(own)
	}
	if at != len(pages) {
		t.Errorf("the book has %d pages, the profiles %d", len(pages), at)
	}
}
