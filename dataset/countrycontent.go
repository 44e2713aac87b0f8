package dataset

import (
	"strings"
	"unicode/utf8"
)

// CountryContent is what people read about a country on the platform
// (issue 15): the CMS's country content, rich-text blocks.
type CountryContent struct {
	// PoliticalContext is the national political context in which the
	// country's municipalities act, as Markdown.
	PoliticalContext Text `json:"political_context,omitempty"`
	// PoliticalContextOrigin says, per language, where the text came from.
	PoliticalContextOrigin Origins `json:"political_context_origin,omitempty"`
}

// MaxRichTextLength bounds a rich text (Markdown) in one language, in
// bytes: far beyond any page of the platform, and small enough that no
// record grows unbounded.
const MaxRichTextLength = 64 << 10

// checkCountryContent validates the content fields of country id.
func (c *checker) checkCountryContent(id string, x CountryContent) {
	c.text(TypeCountry, id, "political_context", x.PoliticalContext, false)
	c.rich(TypeCountry, id, "political_context", x.PoliticalContext)
	c.origins(TypeCountry, id, "political_context", x.PoliticalContext, x.PoliticalContextOrigin)
}

// line refuses texts that are not one line of at most MaxLineLength
// characters.
func (c *checker) line(t Type, id, field string, tx Text) {
	for _, lang := range tx.Langs() {
		s := tx[lang]
		switch {
		case strings.ContainsAny(s, "\r\n"):
			c.add(t, id, field+"."+lang, "must be one line")
		case utf8.RuneCountInString(s) > MaxLineLength:
			c.add(t, id, field+"."+lang, "is %d characters long; at most %d", utf8.RuneCountInString(s), MaxLineLength)
		}
	}
}

// rich refuses rich texts longer than MaxRichTextLength.
func (c *checker) rich(t Type, id, field string, tx Text) {
	for _, lang := range tx.Langs() {
		if n := len(tx[lang]); n > MaxRichTextLength {
			c.add(t, id, field+"."+lang, "is %d bytes long; at most %d", n, MaxRichTextLength)
		}
	}
}
