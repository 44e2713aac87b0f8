package dataset

import (
	"testing"
	"unicode/utf8"
)

// xmlChar is XML 1.0's Char production, an oracle independent of BadChar:
// whatever validation accepts must be writable as RDF/XML.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// FuzzValidateText: no name or text validation accepts can break an
// output (issue 16, items 3 and 10).
func FuzzValidateText(f *testing.F) {
	for _, s := range []string{"Testville", "Test\x00ville", "a\uFFFE", "a\r\nb", "\xff", "München", "a\tb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := validMunicipality()
		m.Names["de"] = s
		m.Summary = Text{"en": s}
		d := &Dataset{
			Countries:      []Country{{ID: "DE", Names: Names{"en": "Germany"}, BBox: &BBox{West: 5.8, South: 47.2, East: 15.1, North: 55.1}}},
			Municipalities: []Municipality{m},
		}
		if d.Validate() != nil {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("accepted invalid UTF-8 %q", s)
		}
		for _, r := range s {
			if !xmlChar(r) {
				t.Fatalf("accepted %U, which XML cannot hold, in %q", r, s)
			}
		}
	})
}
