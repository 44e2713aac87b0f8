package api

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// The vocabulary is served like a W3C vocabulary: /vocab negotiates
// between HTML documentation and the RDF formats (q-values honoured,
// Vary: Accept), /vocab.ttl and friends name one format, /vocab/{version}
// is a fixed version, and /context.jsonld is the JSON-LD context. Every
// representation is rendered once per snapshot and served as bytes with
// a strong ETag.

// registerVocab serves the vocabulary and the JSON-LD context (issue 3).
func registerVocab(api huma.API, router chi.Router, s *Server) {
	for _, path := range []string{"/vocab", "/vocab.{ext}", "/vocab/{version}"} {
		router.Get(path, s.vocab)
		router.Head(path, s.vocab)
	}
	router.Get("/context.jsonld", s.context)
	router.Head("/context.jsonld", s.context)
	describeVocab(api)
}

// vocabOffer are the representations of /vocab ("*/*" gets Turtle).
var vocabOffer = offer{exporters.Turtle, htmlFormat, exporters.JSONLD, exporters.RDFXML, exporters.NTriples}

// vocabDocs are the vocabulary's representations for one snapshot (its
// categories are part of it), kept in the read model.
type vocabDocs struct {
	modified time.Time
	reps     map[*exporters.Format]*rendered // all but HTML
	context  *rendered
	// body is the HTML documentation, shown in the pages' layout; the
	// pages are rendered on first request per language and path.
	body  template.HTML
	pages sync.Map // vocabPageKey → *rendered
}

type (
	vocabKey     struct{}
	vocabPageKey struct {
		choice pages.Choice
		path   string
	}
)

// vocabDocs returns the representations for the snapshot in force,
// rendering them on first use, or answers 503 or 500.
func (s *Server) vocabDocs(w http.ResponseWriter, r *http.Request) (*vocabDocs, bool) {
	st := s.states.Current()
	if st == nil {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return nil, false
	}
	d, err := query.Cached(st.View, vocabKey{}, func() (*vocabDocs, error) { return renderVocab(s.gzBest, s.cfg.BaseURI, st.Snapshot()) })
	if err != nil {
		s.log.ErrorContext(r.Context(), "render vocabulary", "err", err, "revision", st.Snapshot().Revision)
		problem(w, http.StatusInternalServerError, "the vocabulary could not be rendered", nil)
		return nil, false
	}
	return d, true
}

// renderVocab renders every representation of the vocabulary and the
// context for snap, gzipped by gz.
func renderVocab(gz *gzippers, base string, snap *dataset.Snapshot) (*vocabDocs, error) {
	d := &vocabDocs{reps: map[*exporters.Format]*rendered{}}
	d.modified, _ = time.Parse(time.DateOnly, vocab.Modified)
	if snap.Modified.After(d.modified) {
		d.modified = snap.Modified
	}
	g := vocab.Graph(base, snap.Categories)
	for _, f := range vocabOffer {
		var b bytes.Buffer
		if f == htmlFormat {
			if err := vocab.WriteHTMLContent(&b, vocab.Page{Base: base, Categories: snap.Categories, Alternates: vocabAlternates(base)}); err != nil {
				return nil, fmt.Errorf("render vocabulary as HTML: %w", err)
			}
			d.body = template.HTML(b.String()) // html/template escaped it
			continue
		}
		if err := exporters.Write(&b, f, g, exporters.Options{}); err != nil {
			return nil, fmt.Errorf("render vocabulary as %s: %w", f.Name, err)
		}
		d.reps[f] = newRendered(gz, b.Bytes(), f.ContentType, d.modified)
	}
	ctx, err := vocab.ContextJSON(base)
	if err != nil {
		return nil, err
	}
	d.context = newRendered(gz, ctx, "application/ld+json", d.modified)
	return d, nil
}

func vocabAlternates(base string) []vocab.Alternate {
	var out []vocab.Alternate
	for _, f := range vocabOffer {
		if f != htmlFormat {
			out = append(out, vocab.Alternate{Name: f.Label, MediaType: f.MediaType, Href: base + "/vocab" + f.Suffix})
		}
	}
	return out
}

// vocab serves /vocab, /vocab.{ext} and /vocab/{version}[.{ext}].
func (s *Server) vocab(w http.ResponseWriter, r *http.Request) {
	suffix := ""
	if ext := chi.URLParam(r, "ext"); ext != "" {
		suffix = "." + ext
	}
	path := "/vocab"
	if version := chi.URLParam(r, "version"); version != "" {
		for _, g := range vocabOffer {
			if v, ok := strings.CutSuffix(version, g.Suffix); ok && slices.Contains(vocab.Versions, v) {
				version, suffix = v, g.Suffix
				break
			}
		}
		if !slices.Contains(vocab.Versions, version) {
			problem(w, http.StatusNotFound, fmt.Sprintf("no version %q of the vocabulary; published versions: %s", version, strings.Join(vocab.Versions, ", ")),
				map[string]any{"versions": vocab.Versions})
			return
		}
		path += "/" + version
	}
	f := vocabOffer.pick(w, r, path, suffix)
	if f == nil {
		return
	}
	d, ok := s.vocabDocs(w, r)
	if !ok {
		return
	}
	vocabOffer.alternates(w.Header(), s.cfg.BaseURI, "/vocab", f)
	rep := d.reps[f]
	if f == htmlFormat {
		var err error
		if rep, err = s.vocabPage(d, r); err != nil {
			s.log.ErrorContext(r.Context(), "render vocabulary page", "err", err)
			problem(w, http.StatusInternalServerError, "the vocabulary could not be rendered", nil)
			return
		}
		pages.SetHeaders(w.Header(), pages.Choose(r).Lang)
	}
	rep.serve(w, r, http.StatusOK, maxAge5m)
}

// vocabPage returns the HTML documentation in the pages' layout, in the
// interface language r asks for, rendering it on first request.
func (s *Server) vocabPage(d *vocabDocs, r *http.Request) (*rendered, error) {
	// /vocab and /vocab.html are the same bytes: the page's links (the
	// language switcher's) go to the negotiated URL.
	key := vocabPageKey{choice: pages.Choose(r), path: strings.TrimSuffix(r.URL.Path, htmlFormat.Suffix)}
	if rep, ok := d.pages.Load(key); ok {
		return rep.(*rendered), nil
	}
	var alts []pages.Alternate
	for _, f := range vocabOffer {
		if f != htmlFormat {
			alts = append(alts, pages.Alternate{Label: f.Label, MediaType: f.MediaType, Href: "/vocab" + f.Suffix})
		}
	}
	b, err := s.pages.RenderDocument(key.choice, key.path, pages.Doc{
		Title: vocab.Title["en"], Description: vocab.Description["en"], Body: d.body, BodyLang: "en",
		Section: "vocab", Alternates: alts, Canonical: vocab.OntologyIRI,
	})
	if err != nil {
		return nil, err
	}
	rep, _ := d.pages.LoadOrStore(key, newRendered(s.gzBest, b, htmlFormat.ContentType, d.modified))
	return rep.(*rendered), nil
}

// context serves the JSON-LD context.
func (s *Server) context(w http.ResponseWriter, r *http.Request) {
	if d, ok := s.vocabDocs(w, r); ok {
		d.context.serve(w, r, http.StatusOK, maxAge5m)
	}
}

func describeVocab(api huma.API) {
	for _, p := range []struct{ id, path, summary string }{
		{"get-vocabulary", "/vocab", "The mc: vocabulary"},
		{"get-vocabulary-file", "/vocab.{ext}", "The mc: vocabulary in one format"},
		{"get-vocabulary-version", "/vocab/{version}", "A version of the mc: vocabulary"},
	} {
		rt := route{id: p.id, method: http.MethodGet, path: p.path, tag: "Vocabulary", summary: p.summary,
			desc: "The classes and properties the data uses, with labels and comments in seven languages: " + formatList(vocabOffer) +
				", by `Accept` or suffix. The HTML documentation is shown in the pages' layout (`?lang=`).",
			ok: contentOf(api, vocabOffer, nil), more: negotiated}
		switch p.path {
		case "/vocab.{ext}":
			rt.params = []*huma.Param{pathParam("ext", "Format suffix without the dot: ttl, html, jsonld, rdf or nt", "ttl")}
		case "/vocab/{version}":
			rt.params = []*huma.Param{pathParam("version", "Version, optionally followed by a format suffix", vocab.Versions[len(vocab.Versions)-1])}
		}
		rt.params = append(rt.params, langParam)
		rt.describe(api)
	}
	route{id: "get-jsonld-context", method: http.MethodGet, path: "/context.jsonld", tag: "Vocabulary",
		summary: "The JSON-LD context", desc: "The context every JSON answer links (`Link: rel=\"http://www.w3.org/ns/json-ld#context\"`).",
		ok: map[string]*huma.MediaType{"application/ld+json": {Schema: objectSchema}}, more: map[int]string{http.StatusNotModified: "The client's copy is current"}}.describe(api)
}
