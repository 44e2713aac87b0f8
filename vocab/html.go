package vocab

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"

	"github.com/moving-cities/opendata/dataset"
)

// Alternate is another representation of the vocabulary document, linked
// from the HTML page.
type Alternate struct {
	Name      string // "Turtle"
	MediaType string // "text/turtle"
	Href      string
}

// Page is what the HTML documentation shows besides the table.
type Page struct {
	Base       string // the service's base URI (entity IRIs, the context)
	Categories []*dataset.Category
	Alternates []Alternate
}

//go:embed page.html
var pageHTML string

var pageTmpl = template.Must(template.New("page").Parse(pageHTML))

// WriteHTML writes the vocabulary's documentation: the metadata, one
// section per term of ours whose id is the term's fragment (so that
// {namespace}{name} lands on it), the code lists and the category scheme,
// the reused terms and the namespaces. It loads nothing from other hosts.
func WriteHTML(w io.Writer, p Page) error {
	return execPage(w, "page", viewOf(p))
}

// WriteHTMLContent writes the documentation WriteHTML writes without the
// HTML document around it (no head, no styles): a fragment for a site's
// layout, inside its <main>. Its classes are those of WriteHTML's styles
// ("doc", "term", "kind", "iri").
func WriteHTMLContent(w io.Writer, p Page) error {
	return execPage(w, "content", viewOf(p))
}

func viewOf(p Page) pageView {
	v := pageView{
		Page:        p,
		Title:       Title["en"],
		Description: Description["en"],
		OntologyIRI: OntologyIRI, VersionIRI: VersionIRI, Version: Version,
		Namespace: MC.IRI, Prefix: MC.Prefix, Issued: Issued, Modified: Modified,
		License: LicenseIRI, Publisher: PublisherIRI, PublisherName: PublisherName,
		ContextURL: ContextURL(p.Base),
		Namespaces: Namespaces,
	}
	for _, t := range Ours {
		switch t.Kind {
		case Class:
			v.Classes = append(v.Classes, viewTerm(t))
		case ObjectProperty:
			v.ObjectProperties = append(v.ObjectProperties, viewTerm(t))
		case DatatypeProperty:
			v.DatatypeProperties = append(v.DatatypeProperties, viewTerm(t))
		case ConceptScheme:
			s := schemeView{termView: viewTerm(t)}
			for _, l := range CodeLists {
				if l.Scheme == t {
					for _, c := range l.Codes {
						s.Concepts = append(s.Concepts, viewTerm(c))
					}
				}
			}
			if t == CategoryScheme {
				for _, c := range p.Categories {
					s.Categories = append(s.Categories, categoryView{
						ID: c.ID, IRI: EntityIRI(p.Base, dataset.TypeCategory, c.ID),
						Labels: langTexts(c.Labels), Definitions: langTexts(c.Definitions),
					})
				}
			}
			v.Schemes = append(v.Schemes, s)
		}
	}
	for _, t := range Reused {
		v.Reused = append(v.Reused, viewTerm(t))
	}
	return v
}

func execPage(w io.Writer, name string, v pageView) error {
	var b bytes.Buffer // a template error must not leave half a page
	if err := pageTmpl.ExecuteTemplate(&b, name, v); err != nil {
		return fmt.Errorf("vocab: render HTML: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

type pageView struct {
	Page
	Title, Description                                    string
	OntologyIRI, VersionIRI, Version, Namespace, Prefix   string
	Issued, Modified, License, Publisher, PublisherName   string
	ContextURL                                            string
	Namespaces                                            []*Namespace
	Classes, ObjectProperties, DatatypeProperties, Reused []termView
	Schemes                                               []schemeView
}

type termView struct {
	ID, CURIE, IRI, Kind, Label, Comment string
	Translations                         []langText // labels and comments in other languages
	Domain, Range                        *link
	SubOf, Equivalent, CloseMatch        []link
	SubRelation                          string
	UsedOn                               []link
	JSONFields, Columns                  []string
	Notation, Example                    string
	Ours                                 bool
}

type schemeView struct {
	termView
	Concepts   []termView
	Categories []categoryView
}

type categoryView struct {
	ID, IRI             string
	Labels, Definitions []langText
}

type langText struct{ Lang, Text, Comment string }

type link struct{ Href, Text string }

func linkTo(t *Term) link {
	if t.Ours() {
		return link{Href: "#" + t.Local, Text: t.CURIE()}
	}
	return link{Href: t.IRI, Text: t.CURIE()}
}

func links(ts []*Term) []link {
	out := make([]link, len(ts))
	for i, t := range ts {
		out[i] = linkTo(t)
	}
	return out
}

func viewTerm(t *Term) termView {
	v := termView{
		ID: t.Local, CURIE: t.CURIE(), IRI: t.IRI, Kind: t.Kind.String(),
		Label: t.Label["en"], Comment: t.Comment["en"],
		SubOf: links(t.SubOf), Equivalent: links(t.Equivalent), CloseMatch: links(t.CloseMatch),
		UsedOn: links(t.UsedOn()), Columns: t.Columns(), JSONFields: jsonFieldsOf(t),
		Notation: t.Notation, Example: t.Example, Ours: t.Ours(),
	}
	if !t.Ours() {
		v.ID = t.NS.Prefix + "-" + t.Local
	}
	v.SubRelation = "subproperty of"
	if t.Kind == Class {
		v.SubRelation = "subclass of"
	}
	for _, lang := range LangOrder(t.Label) {
		if lang != "en" {
			v.Translations = append(v.Translations, langText{Lang: lang, Text: t.Label[lang], Comment: t.Comment[lang]})
		}
	}
	if t.Domain != nil {
		l := linkTo(t.Domain)
		v.Domain = &l
	}
	if t.Range != nil {
		l := linkTo(t.Range)
		v.Range = &l
	}
	return v
}

func langTexts(t map[string]string) []langText {
	var out []langText
	for _, lang := range LangOrder(t) {
		out = append(out, langText{Lang: lang, Text: t[lang]})
	}
	return out
}

// jsonFieldsOf lists the JSON fields that map to t ("Municipality.names",
// "Membership.source.url").
func jsonFieldsOf(t *Term) []string {
	seen := map[string]bool{}
	var walk func(prefix string, fs []Field)
	walk = func(prefix string, fs []Field) {
		for i := range fs {
			f := &fs[i]
			if f.Term == t {
				seen[prefix+f.Key] = true
			}
			walk(prefix+f.Key+".", f.Fields)
		}
	}
	for _, e := range entityTypes {
		walk(e.Name()+".", e.Fields)
	}
	walk("tombstone.", RetiredFields)
	walk("API.", WireFields)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sectionIDs lists the id of every section WriteHTML writes for a term,
// for tests.
func sectionIDs() []string {
	var out []string
	for _, t := range All {
		out = append(out, viewTerm(t).ID)
	}
	return out
}
