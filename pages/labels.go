package pages

import (
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Property labels come from the vocabulary's term table: a field of a
// dataset type is labelled with its term's label in the interface
// language (English when the table lacks it), and links to the term's
// definition on /vocab. The pages spell no property name of their own.

// fieldOf finds the field at path ("population.year") of type t.
func fieldOf(t dataset.Type, path string) *vocab.Field {
	e, ok := vocab.TypeOf(t)
	if !ok {
		return nil
	}
	fields := e.Fields
	var f *vocab.Field
	for _, key := range strings.Split(path, ".") {
		f = nil
		for i := range fields {
			if fields[i].Key == key {
				f = &fields[i]
				break
			}
		}
		if f == nil {
			return nil
		}
		fields = f.Fields
	}
	return f
}

// termAnchor is the id of the vocabulary page's section on a term.
func termAnchor(term *vocab.Term) string {
	if term.Ours() {
		return term.Local
	}
	return term.NS.Prefix + "-" + term.Local
}

// label returns the label of the property at path of type t, and the
// link to its definition. A field without a term of its own (an ID, a
// nest of fields) is labelled by the message "field.{path}".
func (c *ctx) label(t dataset.Type, path string) (string, string) {
	f := fieldOf(t, path)
	if f == nil || f.Term == nil {
		return c.t("field." + path), ""
	}
	s, fellBack := f.Term.Label.Get(c.lang)
	if fellBack && c.lang != "en" {
		c.fallbacks++
	}
	return capitalize(s), c.href("/vocab", nil) + "#" + termAnchor(f.Term)
}

// fact returns the labelled property at path of type t with values; nil
// when there are none, so that absent properties are left out.
func (c *ctx) fact(t dataset.Type, path string, values ...Value) *fact {
	var vs []Value
	for _, v := range values {
		if v.Text != "" {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return nil
	}
	l, href := c.label(t, path)
	return &fact{Label: l, Href: href, Values: vs}
}

// code returns the label of a value of a code list (a status, a scope, a
// kind) in the interface language.
func (c *ctx) code(l *vocab.CodeList, v string) Value {
	if v == "" {
		return Value{}
	}
	concept := l.Concept(v)
	if concept == nil {
		return Value{Text: v, Code: true}
	}
	s, fellBack := concept.Label.Get(c.lang)
	if fellBack && c.lang != "en" {
		c.fallbacks++
		return Value{Text: s, Attr: "en", Fallback: true}
	}
	return Value{Text: s}
}

// typeLabel and typePlural name entity types in the interface language.
func (c *ctx) typeLabel(t dataset.Type) string  { return c.t("type." + string(t)) }
func (c *ctx) typePlural(t dataset.Type) string { return c.t("types." + string(t)) }
