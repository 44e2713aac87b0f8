package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/vocab"
)

// The vocabulary is served like a W3C vocabulary: /vocab negotiates
// between HTML documentation and the RDF formats (q-values honoured,
// Vary: Accept), /vocab.ttl and friends name one format, /vocab/{version}
// is a fixed version, and /context.jsonld is the JSON-LD context. Every
// representation is rendered once per snapshot and served as bytes with
// a strong ETag.

// registerVocab serves the vocabulary and the JSON-LD context (issue 3).
// The routes are documents, not operations, so they go on the router.
func registerVocab(_ huma.API, router chi.Router, s *Server) {
	h := &vocabHandler{s: s}
	for _, path := range []string{"/vocab", "/vocab.{ext}", "/vocab/{version}"} {
		router.Get(path, h.vocab)
		router.Head(path, h.vocab)
	}
	router.Get("/context.jsonld", h.context)
	router.Head("/context.jsonld", h.context)
}

// htmlFormat is the HTML documentation, next to the RDF formats.
var htmlFormat = &exporters.Format{Name: "html", Label: "HTML", Suffix: ".html", MediaType: "text/html",
	Aliases: []string{"application/xhtml+xml"}, ContentType: "text/html; charset=utf-8"}

// vocabFormats are the representations of /vocab, in the order of
// preference when a client accepts several equally ("*/*" gets Turtle).
var vocabFormats = []*exporters.Format{exporters.Turtle, htmlFormat, exporters.JSONLD, exporters.RDFXML, exporters.NTriples}

// vocabOffers are the media types /vocab negotiates over: canonical ones
// first, then aliases, and application/json for JSON-LD.
var vocabOffers = append(exporters.MediaTypes(vocabFormats), "application/json")

func vocabFormatFor(mediaType string) *exporters.Format {
	if mediaType == "application/json" {
		return exporters.JSONLD
	}
	for _, f := range vocabFormats {
		if f.MediaType == mediaType || slices.Contains(f.Aliases, mediaType) {
			return f
		}
	}
	return nil
}

type vocabHandler struct {
	s   *Server
	mu  sync.Mutex // one rendering at a time
	cur atomic.Pointer[vocabDocs]
}

// vocabDocs are the rendered representations for one snapshot.
type vocabDocs struct {
	snap     *dataset.Snapshot
	modified time.Time
	reps     map[*exporters.Format]*rendered // all but HTML
	context  *rendered
	// body is the HTML documentation, shown in the pages' layout; the
	// pages are rendered on first request per language and path.
	body  template.HTML
	pages sync.Map // vocabPageKey → *rendered
}

type vocabPageKey struct {
	choice pages.Choice
	path   string
}

// rendered is a representation's bytes with their strong ETag.
type rendered struct {
	body []byte
	etag string
}

func newRendered(b []byte) *rendered {
	sum := sha256.Sum256(b)
	return &rendered{body: b, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
}

// docs returns the representations for the snapshot in force, rendering
// them when the snapshot changed. The hot path is one atomic load.
func (h *vocabHandler) docs(w http.ResponseWriter) (*vocabDocs, bool) {
	snap := h.s.snaps.Load()
	if snap == nil {
		vocabProblem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return nil, false
	}
	if d := h.cur.Load(); d != nil && d.snap == snap {
		return d, true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if d := h.cur.Load(); d != nil && d.snap == snap {
		return d, true
	}
	d, err := renderVocab(h.s.cfg.BaseURI, snap)
	if err != nil {
		h.s.log.Error("render vocabulary", "err", err, "revision", snap.Revision)
		vocabProblem(w, http.StatusInternalServerError, "the vocabulary could not be rendered", nil)
		return nil, false
	}
	h.cur.Store(d)
	return d, true
}

// renderVocab renders every representation of the vocabulary and the
// context for snap.
func renderVocab(base string, snap *dataset.Snapshot) (*vocabDocs, error) {
	d := &vocabDocs{snap: snap, reps: map[*exporters.Format]*rendered{}}
	d.modified, _ = time.Parse(time.DateOnly, vocab.Modified)
	if snap.Modified.After(d.modified) {
		d.modified = snap.Modified
	}
	g := vocab.Graph(base, snap.Categories)
	for _, f := range vocabFormats {
		var b bytes.Buffer
		var err error
		if f == htmlFormat {
			err = vocab.WriteHTMLContent(&b, vocab.Page{Base: base, Categories: snap.Categories, Alternates: vocabAlternates(base)})
		} else {
			err = exporters.Write(&b, f, g, exporters.Options{})
		}
		if err != nil {
			return nil, fmt.Errorf("render vocabulary as %s: %w", f.Name, err)
		}
		if f == htmlFormat {
			d.body = template.HTML(b.String()) // html/template escaped it
			continue
		}
		d.reps[f] = newRendered(b.Bytes())
	}
	ctx, err := vocab.ContextJSON(base)
	if err != nil {
		return nil, err
	}
	d.context = newRendered(ctx)
	return d, nil
}

func vocabAlternates(base string) []vocab.Alternate {
	var out []vocab.Alternate
	for _, f := range vocabFormats {
		if f != htmlFormat {
			out = append(out, vocab.Alternate{Name: f.Label, MediaType: f.MediaType, Href: base + "/vocab" + f.Suffix})
		}
	}
	return out
}

// vocab serves /vocab, /vocab.{ext} and /vocab/{version}[.{ext}].
func (h *vocabHandler) vocab(w http.ResponseWriter, r *http.Request) {
	var f *exporters.Format
	if ext := chi.URLParam(r, "ext"); ext != "" {
		if f = vocabFormatBySuffix("." + ext); f == nil {
			vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no representation /vocab.%s; try %s", ext, suffixList()), nil)
			return
		}
	}
	if version := chi.URLParam(r, "version"); version != "" {
		for _, g := range vocabFormats {
			if v, ok := strings.CutSuffix(version, g.Suffix); ok && slices.Contains(vocab.Versions, v) {
				version, f = v, g
				break
			}
		}
		if !slices.Contains(vocab.Versions, version) {
			vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no version %q of the vocabulary; published versions: %s", version, strings.Join(vocab.Versions, ", ")),
				map[string]any{"versions": vocab.Versions})
			return
		}
	}
	negotiated := f == nil
	if negotiated {
		w.Header().Add("Vary", "Accept")
		mt, ok := exporters.Negotiate(r.Header.Get("Accept"), vocabOffers)
		if !ok {
			vocabProblem(w, http.StatusNotAcceptable, "none of the available media types is acceptable: "+strings.Join(vocabOffers, ", "),
				map[string]any{"available": vocabOffers})
			return
		}
		f = vocabFormatFor(mt)
	}
	d, ok := h.docs(w)
	if !ok {
		return
	}
	hdr := w.Header()
	if negotiated {
		hdr.Set("Content-Location", r.URL.Path+f.Suffix)
	}
	for _, g := range vocabFormats {
		if g != f {
			hdr.Add("Link", fmt.Sprintf(`<%s/vocab%s>; rel="alternate"; type="%s"`, h.s.cfg.BaseURI, g.Suffix, g.MediaType))
		}
	}
	rep := d.reps[f]
	if f == htmlFormat {
		var err error
		if rep, err = h.page(d, r); err != nil {
			h.s.log.ErrorContext(r.Context(), "render vocabulary page", "err", err)
			vocabProblem(w, http.StatusInternalServerError, "the vocabulary could not be rendered", nil)
			return
		}
		pages.SetHeaders(hdr, pages.Choose(r).Lang)
	}
	serveRendered(w, r, rep, f.ContentType, d.modified)
}

// page returns the HTML documentation in the pages' layout, in the
// interface language r asks for, rendering it on first request.
func (h *vocabHandler) page(d *vocabDocs, r *http.Request) (*rendered, error) {
	// /vocab and /vocab.html are the same bytes: the page's links (the
	// language switcher's) go to the negotiated URL.
	key := vocabPageKey{choice: pages.Choose(r), path: strings.TrimSuffix(r.URL.Path, htmlFormat.Suffix)}
	if rep, ok := d.pages.Load(key); ok {
		return rep.(*rendered), nil
	}
	var alts []pages.Alternate
	for _, f := range vocabFormats {
		if f != htmlFormat {
			alts = append(alts, pages.Alternate{Label: f.Label, MediaType: f.MediaType, Href: "/vocab" + f.Suffix})
		}
	}
	b, err := h.s.pages().RenderDocument(key.choice, key.path, pages.Doc{
		Title: vocab.Title["en"], Description: vocab.Description["en"], Body: d.body, BodyLang: "en",
		Section: "vocab", Alternates: alts, Canonical: vocab.OntologyIRI,
	})
	if err != nil {
		return nil, err
	}
	rep, _ := d.pages.LoadOrStore(key, newRendered(b))
	return rep.(*rendered), nil
}

// context serves the JSON-LD context.
func (h *vocabHandler) context(w http.ResponseWriter, r *http.Request) {
	d, ok := h.docs(w)
	if !ok {
		return
	}
	serveRendered(w, r, d.context, "application/ld+json", d.modified)
}

func vocabFormatBySuffix(suffix string) *exporters.Format {
	for _, f := range vocabFormats {
		if f.Suffix == suffix {
			return f
		}
	}
	return nil
}

func suffixList() string {
	var s []string
	for _, f := range vocabFormats {
		s = append(s, "/vocab"+f.Suffix)
	}
	return strings.Join(s, ", ")
}

// serveRendered answers with precomputed bytes, or 304 when the client
// has them (If-None-Match, else If-Modified-Since).
func serveRendered(w http.ResponseWriter, r *http.Request, rep *rendered, contentType string, modified time.Time) {
	hdr := w.Header()
	hdr.Set("ETag", rep.etag)
	hdr.Set("Cache-Control", "public, max-age=300")
	if !modified.IsZero() {
		hdr.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	}
	if notModified(r, rep.etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Type", contentType)
	hdr.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(contentType, "text/html") {
		// The page needs nothing but our stylesheet: no scripts, no
		// requests elsewhere.
		hdr.Set("Content-Security-Policy", pages.CSP)
	}
	hdr.Set("Content-Length", fmt.Sprint(len(rep.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(rep.body)
	}
}

// notModified evaluates the conditional headers of a GET or HEAD (RFC
// 9110, section 13.2.2): If-None-Match wins over If-Modified-Since.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagMatches(inm, etag)
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// etagMatches reports whether an If-None-Match value lists etag, by weak
// comparison as RFC 9110 asks for If-None-Match ("*" matches anything).
func etagMatches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for header != "" {
		header = strings.TrimLeft(header, " \t,")
		if header == "" {
			break
		}
		if header[0] == '*' {
			return true
		}
		tag := header
		if strings.HasPrefix(tag, "W/") {
			tag = tag[2:]
		}
		if tag == "" || tag[0] != '"' {
			// Not an entity-tag: skip to the next comma.
			_, header, _ = strings.Cut(header, ",")
			continue
		}
		end := strings.IndexByte(tag[1:], '"')
		if end < 0 {
			return false
		}
		if tag[:end+2] == want {
			return true
		}
		header = tag[end+2:]
	}
	return false
}

// vocabProblem answers an RFC 9457 problem document, with extension
// members.
func vocabProblem(w http.ResponseWriter, status int, detail string, ext map[string]any) {
	body := map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": detail}
	for k, v := range ext {
		body[k] = v
	}
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
