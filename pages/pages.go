package pages

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/moving-cities/opendata/dataset"
)

// ErrNotFound is returned by a renderer asked for something the snapshot
// does not hold; nothing has been written then.
var ErrNotFound = errors.New("pages: not found")

// CSP is the Content-Security-Policy of every page: nothing but our own
// stylesheet and images, no scripts, forms only to ourselves. (The
// JSON-LD in a page is a data block, which no policy governs.)
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Config is what the pages need to know about their deployment.
type Config struct {
	// BaseURI is the public base of IRIs, without a trailing slash
	// ("https://data.moving-cities.eu"). Links between pages are
	// root-relative; IRIs, canonical links and citations use the base.
	BaseURI string
	// Version is the service's build version, shown in the footer.
	Version string
	// Formats are the representations of an entity's document besides
	// its page (JSON, Turtle…), in the order entity pages link them.
	Formats []Format
}

// Format is a representation of a document, named by a suffix of its
// path (".ttl").
type Format struct {
	Label, MediaType, Suffix string
}

// Pages renders the service's HTML pages in the shared layout. It is
// safe for concurrent use.
type Pages struct {
	cfg Config
}

// New returns the page renderer for cfg.
func New(cfg Config) (*Pages, error) {
	cfg.BaseURI = strings.TrimRight(cfg.BaseURI, "/")
	if cfg.BaseURI != "" {
		u, err := url.Parse(cfg.BaseURI)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("pages: base URI %q is not an absolute URL", cfg.BaseURI)
		}
	}
	if err := loadTemplates(); err != nil {
		return nil, err
	}
	return &Pages{cfg: cfg}, nil
}

//go:embed templates/*.html
var templateFS embed.FS

// pageTemplates are the page kinds, each a "content" template in
// templates/{name}.html rendered inside templates/layout.html.
var pageTemplates = []string{"landing", "entity", "browse", "search", "map", "raw", "error", "propose", "proposal", "guide"}

var (
	tmplOnce sync.Once
	tmplErr  error
	// tmpls holds, per interface language, each page kind's template set;
	// every set's "t" function speaks its language.
	tmpls map[string]map[string]*template.Template
	// markdown renders the CMS's rich text; set with tmpls, read-only after.
	markdown *markdownRenderer
)

func loadTemplates() error {
	tmplOnce.Do(func() {
		tmpls = map[string]map[string]*template.Template{}
		markdown = newMarkdownRenderer()
		for _, lang := range Languages {
			base, err := template.New("layout").Funcs(funcsFor(lang, markdown)).ParseFS(templateFS, "templates/layout.html")
			if err != nil {
				tmplErr = fmt.Errorf("pages: parse layout: %w", err)
				return
			}
			tmpls[lang] = map[string]*template.Template{}
			for _, name := range pageTemplates {
				t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
				if err != nil {
					tmplErr = fmt.Errorf("pages: parse %s: %w", name, err)
					return
				}
				tmpls[lang][name] = t
			}
		}
	})
	return tmplErr
}

// funcsFor returns the template functions of the interface language lang.
func funcsFor(lang string, md *markdownRenderer) template.FuncMap {
	return template.FuncMap{
		"t":        func(key string) string { return msg(lang, key) },
		"markdown": md.HTML,
	}
}

// Alternate is another representation of a page, linked from its head
// (<link rel="alternate">) and, on entity pages, in the page itself.
type Alternate struct {
	Label     string // "Turtle"
	MediaType string // "text/turtle"
	Href      string
}

// Doc is a page to show in the layout. Title and Body are required; the
// rest is optional.
type Doc struct {
	// Title names the page in the window title ("Dumps"); the site name
	// is added.
	Title string
	// Description is the page's meta description.
	Description string
	// Body is the page's content, put inside <main>: it should start
	// with the page's h1. Wrap it in <div class="wrap"> for the layout's
	// width and margins.
	Body template.HTML
	// BodyLang is the language of Body when it is not the interface
	// language: the vocabulary documentation is in English, say. The
	// page then says so.
	BodyLang string
	// Section is the navigation item the page belongs to: "home",
	// "browse", "map", "search", "downloads", "api" or "vocab"; empty:
	// the one of the request's path (/dumps… is "downloads").
	Section string
	// Alternates are other representations of the same document.
	Alternates []Alternate
	// Canonical is the page's canonical URL, if any.
	Canonical string
	// JSONLD, when not nil, is embedded as a JSON-LD data block
	// (<script type="application/ld+json">): a value to marshal, or
	// json.RawMessage.
	JSONLD any
	// Status is the HTTP status; 0 means 200.
	Status int
}

// Layout answers r with body inside the site's layout, in the interface
// language the request asks for (see Choose): header, navigation,
// language switcher, search box and footer. It is the way for pages made
// elsewhere (the dumps index, the catalogue) to look like the rest.
func (p *Pages) Layout(w http.ResponseWriter, r *http.Request, title string, body template.HTML) error {
	return p.Document(w, r, Doc{Title: title, Body: body})
}

// Document answers r with d in the site's layout.
func (p *Pages) Document(w http.ResponseWriter, r *http.Request, d Doc) error {
	c := p.newCtx(r)
	v := c.doc(d)
	return p.write(w, r, c, "raw", v)
}

// RenderDocument renders d as the page at path (which the language
// switcher links from) in the language ch, for callers that cache whole
// pages: the bytes depend on nothing else. Serve them with SetHeaders.
func (p *Pages) RenderDocument(ch Choice, path string, d Doc) ([]byte, error) {
	c := &ctx{p: p, lang: ch.Lang, explicit: ch.Explicit, path: path, query: url.Values{}}
	if !dataset.IsPlatformLanguage(c.lang) {
		c.lang = "en"
	}
	v := c.doc(d)
	var b bytes.Buffer
	if err := p.exec(&b, c, "raw", v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// doc returns the layout's view of d.
func (c *ctx) doc(d Doc) *pageView {
	if d.Section == "" {
		d.Section = sectionOf(c.path)
	}
	v := c.page(d.Title, d.Section)
	v.Description, v.Alternates, v.Canonical, v.JSONLD, v.Status = d.Description, d.Alternates, d.Canonical, d.JSONLD, d.Status
	v.Body = d.Body
	if d.BodyLang != "" && d.BodyLang != c.lang {
		v.BodyLang = d.BodyLang
		v.Notice = msg(c.lang, "fallback.page")
		if d.BodyLang != "en" {
			v.Notice = fmt.Sprintf(msg(c.lang, "fallback.page.other"), languageNames[d.BodyLang])
		}
	}
	return v
}

// Error answers r with an HTML page for an error status: 404, 410, 400…
// message says what went wrong, in the interface language if the caller
// has it, else in English.
func (p *Pages) Error(w http.ResponseWriter, r *http.Request, status int, message string) error {
	c := p.newCtx(r)
	heading := msg(c.lang, "error.heading")
	switch status {
	case http.StatusNotFound:
		heading = msg(c.lang, "error.notfound")
	case http.StatusGone:
		heading = msg(c.lang, "error.gone")
	}
	v := c.page(heading, "")
	v.Status = status
	v.Content = errorView{Heading: heading, Message: message, HomeHref: c.href("/", nil), SearchHref: c.href("/search", nil)}
	return p.write(w, r, c, "error", v)
}

// pageView is what the layout shows; Content is the page kind's view.
type pageView struct {
	Lang, BodyLang     string
	Title, Description string
	CSS, Icon          string
	Canonical          string
	Alternates         []Alternate
	Languages          []langLink
	JSONLD             any
	Nav                []navItem
	FooterLinks        []navItem
	Home               string
	Query              string
	LangExplicit       bool
	Notice             string
	Version            string
	Status             int
	Body               template.HTML
	Content            any
}

type navItem struct {
	Label, Href string
	Current     bool
}

type langLink struct {
	Tag, Name, Href string
	Current         bool
}

type errorView struct {
	Heading, Message, HomeHref, SearchHref string
}

// ctx is one request's rendering state: its language, its URL (for the
// language switcher) and how many texts fell back to English.
type ctx struct {
	p         *Pages
	lang      string
	explicit  bool
	path      string
	query     url.Values
	fallbacks int
}

func (p *Pages) newCtx(r *http.Request) *ctx {
	ch := Choose(r)
	return &ctx{p: p, lang: ch.Lang, explicit: ch.Explicit, path: r.URL.Path, query: r.URL.Query()}
}

// t returns the message key in the request's language.
func (c *ctx) t(key string) string { return msg(c.lang, key) }

// tf formats the message key with args, numbers in the language's style.
func (c *ctx) tf(key string, args ...any) string {
	return printerFor(c.lang).Sprintf(msg(c.lang, key), args...)
}

// href is the root-relative link to path with query q; it carries the
// language on when the request chose it explicitly.
func (c *ctx) href(path string, q url.Values) string {
	if c.explicit {
		q2 := url.Values{}
		for k, v := range q {
			q2[k] = v
		}
		q2.Set("lang", c.lang)
		q = q2
	}
	if enc := q.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

// page returns the layout's view for a page of the given title and
// navigation section.
func (c *ctx) page(title, section string) *pageView {
	v := &pageView{
		Lang: c.lang, Title: title, CSS: assetURL("site.css"), Icon: assetURL("favicon.svg"),
		Home: c.href("/", nil), Query: c.query.Get("q"), LangExplicit: c.explicit, Version: c.p.cfg.Version,
	}
	for _, n := range []struct{ key, path, section string }{
		{"nav.browse", "/browse/municipalities", "browse"},
		{"nav.map", "/map", "map"},
		{"nav.downloads", "/dumps", "downloads"},
		{"nav.guide", "/guide", "guide"},
		{"nav.api", "/docs", "api"},
		{"nav.vocab", "/vocab", "vocab"},
	} {
		v.Nav = append(v.Nav, navItem{Label: c.t(n.key), Href: c.href(n.path, nil), Current: n.section == section})
	}
	for _, n := range []struct{ key, path string }{
		{"nav.home", "/"}, {"nav.search", "/search"}, {"nav.catalog", "/catalog"},
		{"nav.reconcile", "/reconcile/v0.2"}, {"nav.openapi", "/openapi.yaml"},
	} {
		v.FooterLinks = append(v.FooterLinks, navItem{Label: c.t(n.key), Href: c.href(n.path, nil)})
	}
	for _, l := range Languages {
		q := url.Values{}
		for k, vs := range c.query {
			if k != "lang" {
				q[k] = vs
			}
		}
		q.Set("lang", l)
		v.Languages = append(v.Languages, langLink{Tag: l, Name: languageNames[l], Href: c.path + "?" + q.Encode(), Current: l == c.lang})
	}
	return v
}

// sectionOf is the navigation section of a path.
func sectionOf(path string) string {
	for _, s := range []struct{ prefix, section string }{
		{"/browse", "browse"}, {"/map", "map"}, {"/dumps", "downloads"}, {"/docs", "api"}, {"/vocab", "vocab"}, {"/search", "search"}, {"/guide", "guide"},
	} {
		if path == s.prefix || strings.HasPrefix(path, s.prefix+"/") || strings.HasPrefix(path, s.prefix+".") {
			return s.section
		}
	}
	if path == "/" {
		return "home"
	}
	return ""
}

// exec renders page kind name with v into w.
func (p *Pages) exec(w io.Writer, c *ctx, name string, v *pageView) error {
	if c.fallbacks > 0 && v.Notice == "" {
		v.Notice = msg(c.lang, "fallback.notice")
	}
	t := tmpls[c.lang][name]
	if t == nil {
		return fmt.Errorf("pages: no template %q", name)
	}
	if err := t.ExecuteTemplate(w, "layout", v); err != nil {
		return fmt.Errorf("pages: render %s: %w", name, err)
	}
	return nil
}

// write renders page kind name with v and answers r with it: the page's
// headers, a strong ETag from its bytes, and 304 when the client has it.
func (p *Pages) write(w http.ResponseWriter, r *http.Request, c *ctx, name string, v *pageView) error {
	var b bytes.Buffer
	if err := p.exec(&b, c, name, v); err != nil {
		return err
	}
	sum := sha256.Sum256(b.Bytes())
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := w.Header()
	SetHeaders(h, c.lang)
	h.Set("ETag", etag)
	status := v.Status
	if status == 0 {
		status = http.StatusOK
		if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, etag) {
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
	}
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b.Bytes())
	}
	return nil
}

// SetHeaders sets the headers every page carries: its type and language,
// the security policy, and Vary: Accept-Language, as the interface
// language follows that header. Callers that serve pages they render
// with RenderDocument call it too.
func SetHeaders(h http.Header, lang string) {
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", lang)
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "public, max-age=300")
	}
	for _, v := range h.Values("Vary") {
		if strings.Contains(strings.ToLower(v), "accept-language") {
			return
		}
	}
	h.Add("Vary", "Accept-Language")
}
