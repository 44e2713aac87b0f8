package pages

import "github.com/moving-cities/opendata/dataset"

// The content people read about approaches and countries (issue 15):
// texts of their own on the entity page, below the lead.

// textBlock is a rich text under its own heading; Body is Markdown,
// rendered by the template "mdtext".
type textBlock struct {
	ID      string
	Heading string
	Href    string // the definition of the heading's property, if any
	Body    LText
}

// valueFrom is a one-line text with its origins as a fact's value.
func (c *ctx) valueFrom(t dataset.Text, o dataset.Origins) Value {
	lt := c.optTextFrom(t, o)
	if lt == nil {
		return Value{}
	}
	return Value{Text: lt.Text, Attr: lt.Attr, Fallback: lt.Fallback, Translated: lt.Translated}
}

// textBlock is the text of field path of type t under the field's label;
// nil when the record has none.
func (c *ctx) textBlock(t dataset.Type, path, id string, tx dataset.Text, o dataset.Origins) *textBlock {
	lt := c.optTextFrom(tx, o)
	if lt == nil {
		return nil
	}
	label, href := c.label(t, path)
	return &textBlock{ID: id, Heading: label, Href: href, Body: *lt}
}

// approachContent adds the approach's short title to its facts.
func (c *ctx) approachContent(ev *entityView, a *dataset.Approach) {
	ev.facts(c.fact(dataset.TypeApproach, "short_title", c.valueFrom(a.ShortTitle, a.ShortTitleOrigin)))
}

// countryContent adds the country's political context as a text of its own.
func (c *ctx) countryContent(ev *entityView, k *dataset.Country) {
	if b := c.textBlock(dataset.TypeCountry, "political_context", "political-context", k.PoliticalContext, k.PoliticalContextOrigin); b != nil {
		ev.Texts = append(ev.Texts, *b)
	}
}
