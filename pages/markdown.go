package pages

import (
	"bytes"
	"html"
	"html/template"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdownRenderer turns the rich text the platform's CMS gives (Markdown)
// into HTML safe to put on our pages. The CMS is another system: its text
// must not be able to bring scripts, styles, forms or images from other
// hosts onto our pages, so the HTML goldmark makes is sanitised against an
// allow-list, whatever goldmark lets through.
type markdownRenderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
	strict *bluemonday.Policy
}

func newMarkdownRenderer() *markdownRenderer {
	// goldmark escapes raw HTML by default (no WithUnsafe): the policy is
	// the second line of defence.
	md := goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table, extension.Linkify))
	p := bluemonday.NewPolicy()
	// h1 stays out: the page has its own; its text is kept.
	p.AllowElements("p", "br", "em", "strong", "del", "blockquote", "code", "pre",
		"ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "hr",
		"table", "thead", "tbody", "tr", "th", "td")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	return &markdownRenderer{md: md, policy: p, strict: bluemonday.StrictPolicy()}
}

// HTML renders src, Markdown, as sanitised HTML.
func (r *markdownRenderer) HTML(src string) template.HTML {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		// goldmark fails only when writing to b fails, which it cannot;
		// show the text escaped rather than nothing.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(r.policy.SanitizeBytes(b.Bytes())) //nolint:gosec // sanitised just now
}

// Plain renders src, Markdown, as plain text on one line, for meta
// descriptions and other places that take no markup.
func (r *markdownRenderer) Plain(src string) string {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return strings.Join(strings.Fields(src), " ")
	}
	// Block ends become spaces before the tags go, so paragraphs do not
	// run into each other.
	s := strings.NewReplacer("</p>", " </p>", "</li>", " </li>", "<br>", " ", "</h2>", " </h2>", "</h3>", " </h3>").Replace(b.String())
	return strings.Join(strings.Fields(html.UnescapeString(r.strict.Sanitize(s))), " ")
}
