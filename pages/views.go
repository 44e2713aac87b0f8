package pages

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// The views are what templates show, made in Go: templates only loop and
// print. Every text knows its language, so that a page marks the parts
// that are not in the interface language (lang="…") and says when a text
// fell back to English.

// LText is a text in a language.
type LText struct {
	Text string
	// Attr is the text's language when it differs from the page's, for
	// its lang attribute; "" when it is the page's.
	Attr string
	// Fallback is true when the text is English because the data lacks
	// the interface language.
	Fallback bool
	// Translated is true when the text is this project's translation of
	// the English text, not the platform's wording (issue 19).
	Translated bool
}

// Value is one value of a property: text, a link, a code or a date.
type Value struct {
	Text string
	Href string
	Attr string // lang attribute, when not the page's language
	Code bool   // an identifier, shown as code
	Time string // machine-readable date for <time datetime>
	Tag  string // a language tag shown next to the value
	Note string // a muted remark after the value
	SR   string // what screen readers read instead of Text (for "–")
	// Fallback is true when the text is English for want of the
	// interface language.
	Fallback bool
	// Translated is true when the text is this project's translation.
	Translated bool
}

// fact is a labelled property with its values; Href points to the
// property's definition in the vocabulary.
type fact struct {
	Label, Href string
	Values      []Value
	// Inline shows the values on one line, comma-separated.
	Inline bool
}

// inline returns f shown on one line.
func inline(f *fact) *fact {
	if f != nil {
		f.Inline = true
	}
	return f
}

// cell is a table cell: its column's label (shown before the values on
// narrow screens) and its values.
type cell struct {
	Label  string
	Values []Value
}

type table struct {
	Caption string
	Head    []string
	Rows    [][]cell
}

type badge struct{ Text, Class string }

type link struct{ Label, Href string }

// item is one entry of a list of records.
type item struct {
	Title  LText
	Href   string
	Meta   []Value
	Badges []badge
	Text   *LText
	// Snippet is the passage of its texts a search matched, shown in
	// place of Text in search results.
	Snippet *snippetView
}

// snippetView is a matched passage: its language ("" when unknown) and
// its text in parts, the matched words marked.
type snippetView struct {
	Lang  string
	Parts []query.SnippetPart
}

// snippetOf returns the view of id's snippet among snips, or nil.
func snippetOf(snips map[string]query.Snippet, id string) *snippetView {
	s, ok := snips[id]
	if !ok || len(s.Parts) == 0 {
		return nil
	}
	return &snippetView{Lang: s.Lang, Parts: s.Parts}
}

// section is a list of related records on an entity page.
type section struct {
	ID, Heading string
	Count       int
	Table       *table
	Items       []item
	Empty       string
	More        *link
}

// text returns t in the request's language, or in English, noting the
// fallback.
func (c *ctx) text(t dataset.Text) LText {
	if s, ok := t[c.lang]; ok && s != "" {
		return LText{Text: s}
	}
	if s := t["en"]; s != "" {
		if c.lang != "en" {
			c.fallbacks++
			return LText{Text: s, Attr: "en", Fallback: true}
		}
		return LText{Text: s}
	}
	for _, l := range vocab.LangOrder(t) { // no English either: any language
		if t[l] != "" {
			return LText{Text: t[l], Attr: c.attr(l)}
		}
	}
	return LText{}
}

// optText is text for optional texts: nil when t is empty.
func (c *ctx) optText(t dataset.Text) *LText {
	if len(t) == 0 {
		return nil
	}
	lt := c.text(t)
	if lt.Text == "" {
		return nil
	}
	return &lt
}

// textFrom is text with its origins: a text shown in the page's language
// that is this project's translation says so.
func (c *ctx) textFrom(t dataset.Text, o dataset.Origins) LText {
	lt := c.text(t)
	lt.Translated = !lt.Fallback && lt.Attr == "" && t[c.lang] == lt.Text && o.Translated(c.lang)
	return lt
}

// optTextFrom is optText with its origins (see textFrom).
func (c *ctx) optTextFrom(t dataset.Text, o dataset.Origins) *LText {
	lt := c.optText(t)
	if lt != nil {
		lt.Translated = t[c.lang] == lt.Text && lt.Attr == "" && o.Translated(c.lang)
	}
	return lt
}

// name returns the name of a thing in the request's language, else in
// English, else in its first language. Names are proper names: one in
// another language is no fallback to apologise for.
func (c *ctx) name(n dataset.Names, id string) LText {
	for _, l := range []string{c.lang, "en"} {
		if s := n[l]; s != "" {
			return LText{Text: s, Attr: c.attr(l)}
		}
	}
	langs := n.Langs()
	for _, l := range langs {
		if n[l] != "" {
			return LText{Text: n[l], Attr: c.attr(l)}
		}
	}
	return LText{Text: id}
}

// attr is the lang attribute of a text in lang: empty when it is the
// page's language.
func (c *ctx) attr(lang string) string {
	if lang == c.lang {
		return ""
	}
	return lang
}

// value turns an LText into a Value.
func (lt LText) value() Value {
	return Value{Text: lt.Text, Attr: lt.Attr, Fallback: lt.Fallback, Translated: lt.Translated}
}

// capitalize upper-cases the first letter of a label from the vocabulary
// ("member since" → "Member since").
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// dateValue shows a time as its day, with the full time for machines.
func dateValue(t time.Time) Value {
	if t.IsZero() {
		return Value{Text: "–"}
	}
	return Value{Text: t.UTC().Format(time.DateOnly), Time: t.UTC().Format(time.RFC3339)}
}

// partialDate shows a date of a membership: as precise as known, or a
// dash that screen readers read as sr.
func partialDate(d dataset.PartialDate, sr string) Value {
	if d.IsZero() {
		return Value{Text: "–", SR: sr}
	}
	return Value{Text: d.String(), Time: d.String()}
}

// sinceValue is the start of a membership, or, when no source dates it,
// the date a source shows it by (dataset.Membership.Attested), so that a
// list of members never reads as if the start were known.
func (c *ctx) sinceValue(m *dataset.Membership) Value {
	if m.Since.IsZero() && !m.Attested.IsZero() {
		return Value{Text: c.tf("date.attested", m.Attested.String()), Time: m.Attested.String()}
	}
	return partialDate(m.Since, c.t("date.unknown"))
}

// hostOf is a URL's host without "www.", to name a link.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// sortItems sorts items by their titles, as a person reads them.
func sortItems(items []item) {
	slices.SortStableFunc(items, func(a, b item) int {
		return strings.Compare(dataset.Fold(a.Title.Text), dataset.Fold(b.Title.Text))
	})
}
