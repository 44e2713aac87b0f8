package dataset

import (
	"errors"
	"strings"
	"testing"
)

// The approach's short title and the country's political context are
// checked like the other texts, with their own length limits (issue 15).
func TestValidateApproachAndCountryContent(t *testing.T) {
	base := func() *Dataset {
		return &Dataset{
			Countries:      []Country{{ID: "DE", Names: Names{"en": "Germany"}, BBox: &BBox{West: 5.8, South: 47.2, East: 15.1, North: 55.1}}},
			Categories:     []Category{{ID: "reception", Labels: Text{"en": "Reception"}}},
			Municipalities: []Municipality{validMunicipality()},
			Approaches: []Approach{{ID: "a", Title: Text{"en": "A"}, Municipality: "testville", Categories: []string{"reception"}, Status: ApproachActive,
				ApproachContent: ApproachContent{ShortTitle: Text{"en": "A", "de": "A"}, ShortTitleOrigin: Origins{"en": OriginPlatform, "de": OriginTranslation}}}},
		}
	}
	short := func(d *Dataset) *ApproachContent { return &d.Approaches[0].ApproachContent }
	country := func(d *Dataset) *CountryContent { return &d.Countries[0].CountryContent }
	tests := []struct {
		name  string
		edit  func(d *Dataset)
		field string // "" means valid
	}{
		{"valid", func(*Dataset) {}, ""},
		{"valid context", func(d *Dataset) {
			*country(d) = CountryContent{PoliticalContext: Text{"en": "The **state**\n\ndecides."}, PoliticalContextOrigin: Origins{"en": OriginPlatform}}
		}, ""},
		{"short title of two lines", func(d *Dataset) { short(d).ShortTitle["de"] = "A\nB" }, "short_title.de"},
		{"short title too long", func(d *Dataset) { short(d).ShortTitle["en"] = strings.Repeat("é", MaxLineLength+1) }, "short_title.en"},
		{"short title without English", func(d *Dataset) { delete(short(d).ShortTitle, "en"); delete(short(d).ShortTitleOrigin, "en") }, "short_title.en"},
		{"short title in a language not ours", func(d *Dataset) { short(d).ShortTitle["nl"] = "A" }, "short_title"},
		{"short title origin without text", func(d *Dataset) { short(d).ShortTitleOrigin["fr"] = OriginOwn }, "short_title_origin.fr"},
		{"valid sections", func(d *Dataset) {
			short(d).Blocks = []Block{{Lang: "en", Position: 1, Kind: BlockSection, Title: "How", Text: "Step *one*."}, {Lang: "en", Position: 2, Kind: BlockQuote, Text: "Yes.", Author: "B"}}
		}, ""},
		{"section title of two lines", func(d *Dataset) {
			short(d).Blocks = []Block{{Lang: "en", Position: 1, Kind: BlockSection, Title: "How\nnow", Text: "Step one."}}
		}, "blocks[0].title"},
		{"sections numbered from 2", func(d *Dataset) {
			short(d).Blocks = []Block{{Lang: "en", Position: 2, Kind: BlockSection, Title: "How", Text: "Step one."}}
		}, "blocks[0].position"},
		{"context without English", func(d *Dataset) { country(d).PoliticalContext = Text{"de": "Der Staat."} }, "political_context.en"},
		{"context too long", func(d *Dataset) {
			country(d).PoliticalContext = Text{"en": strings.Repeat("x", MaxRichTextLength+1)}
		}, "political_context.en"},
		{"context translated English", func(d *Dataset) {
			*country(d) = CountryContent{PoliticalContext: Text{"en": "x"}, PoliticalContextOrigin: Origins{"en": OriginTranslation}}
		}, "political_context_origin.en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(d)
			err := d.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Validate() = %v, want Problems", err)
			}
			for _, p := range ps {
				if p.Field == tt.field {
					return
				}
			}
			t.Errorf("no problem on %s in %v", tt.field, ps)
		})
	}
}
