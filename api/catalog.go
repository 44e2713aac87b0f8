package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/publish"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// The data catalogue (issue 8): the DCAT-AP 3 catalogue at /catalog, the
// VoID description at /.well-known/void, both negotiated among the RDF
// formats or named by suffix (/catalog.ttl), and the landing page at /,
// which embeds the schema.org Dataset. The documents are built from the
// State in force (the snapshot and the latest release) on first request,
// kept in its read model, and served as precomputed bytes.

// CatalogConfig is what the catalogue states that neither the data nor
// the releases know (publisher, contact point, licence…); its BaseURI is
// Config.BaseURI.
type CatalogConfig = catalog.Config

// registerCatalog serves the catalogue, the VoID description and the
// landing page.
func registerCatalog(api huma.API, router chi.Router, s *Server) {
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		router.Method(m, "/catalog", http.HandlerFunc(s.catalog))
		router.Method(m, "/catalog.{ext}", http.HandlerFunc(s.catalog))
		router.Method(m, "/.well-known/void", http.HandlerFunc(s.void))
		router.Method(m, "/.well-known/void.{ext}", http.HandlerFunc(s.void))
		router.Method(m, "/", http.HandlerFunc(s.landing))
	}
	describeCatalog(api)
}

// catalogOffer are the representations of /catalog and
// /.well-known/void ("*/*" gets Turtle; a browser, asking for HTML
// first, a page in words).
var catalogOffer = offer{exporters.Turtle, exporters.JSONLD, exporters.RDFXML, exporters.NTriples, htmlFormat}

// catalogDocs are the rendered documents of one State.
type catalogDocs struct {
	dcat, void map[*exporters.Format]*rendered
	// dcatHTML and voidHTML are their pages' bodies, which the layout
	// wraps per interface language.
	dcatHTML, voidHTML template.HTML
	modified           time.Time
	// datasetJSONLD is the schema.org Dataset the landing page embeds.
	datasetJSONLD []byte
}

// catalogKey caches the documents per release in the read model: a
// State is a snapshot and a release.
type catalogKey struct{ release string }

// catalogDocs returns the documents of the State in force, rendering
// them on first use, or answers 503 or 500.
func (s *Server) catalogDocs(w http.ResponseWriter, r *http.Request) (*catalogDocs, *publish.State, bool) {
	st := s.states.Current()
	if st == nil {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return nil, nil, false
	}
	var key catalogKey
	if st.Release != nil {
		key.release = st.Release.Release
	}
	d, err := query.Cached(st.View, key, func() (*catalogDocs, error) { return s.renderCatalog(st) })
	if err != nil {
		s.log.ErrorContext(r.Context(), "render catalogue", "err", err, "revision", st.Snapshot().Revision, "release", key.release)
		problem(w, http.StatusInternalServerError, "the catalogue could not be rendered; the error was logged", nil)
		return nil, nil, false
	}
	return d, st, true
}

// renderCatalog builds every document of st: the catalogue lists the
// latest release and the ones before it that are kept.
func (s *Server) renderCatalog(st *publish.State) (*catalogDocs, error) {
	cfg := s.cfg.Catalog
	cfg.BaseURI = s.cfg.BaseURI
	in := catalog.Input{Config: cfg, Snapshot: st.Snapshot()}
	modified := st.Snapshot().Modified
	if m := st.Release; m != nil {
		latest := m.CatalogRelease()
		in.Latest, in.Stats = &latest, m.VoID
		if m.Generated.After(modified) {
			modified = m.Generated
		}
		ms, err := dumps.Open(s.cfg.DumpsDir).Releases() // newest first
		if err != nil {
			return nil, fmt.Errorf("list releases: %w", err)
		}
		past := false
		for _, e := range ms {
			if past && e.BaseURI == s.cfg.BaseURI {
				in.Earlier = append(in.Earlier, e.CatalogRelease())
			}
			past = past || e.Release == m.Release
		}
	}
	d := &catalogDocs{dcat: map[*exporters.Format]*rendered{}, void: map[*exporters.Format]*rendered{}, modified: modified}
	var err error
	if d.dcatHTML, err = catalog.CatalogHTML(in); err != nil {
		return nil, err
	}
	if d.voidHTML, err = catalog.VoIDHTML(in); err != nil {
		return nil, err
	}
	dcat, err := catalog.DCAT(in)
	if err != nil {
		return nil, err
	}
	void, err := catalog.VoID(in)
	if err != nil {
		return nil, err
	}
	for _, f := range catalogOffer {
		if f == htmlFormat {
			continue // by language, on request (catalogPage)
		}
		for _, doc := range []struct {
			ts  []vocab.Triple
			out map[*exporters.Format]*rendered
		}{{dcat, d.dcat}, {void, d.void}} {
			var b bytes.Buffer
			if err := catalog.Write(&b, f, doc.ts); err != nil {
				return nil, fmt.Errorf("render as %s: %w", f.Name, err)
			}
			doc.out[f] = newRendered(s.gzBest, b.Bytes(), f.ContentType, modified)
		}
	}
	if d.datasetJSONLD, err = catalog.SchemaOrgJSON(in); err != nil {
		return nil, err
	}
	return d, nil
}

// catalog serves /catalog and /catalog.{ext}.
func (s *Server) catalog(w http.ResponseWriter, r *http.Request) {
	s.serveCatalog(w, r, "/catalog", func(d *catalogDocs) (map[*exporters.Format]*rendered, pages.Doc) {
		return d.dcat, pages.Doc{Title: "Data catalogue (DCAT-AP)", Body: d.dcatHTML, BodyLang: "en"}
	})
}

// void serves /.well-known/void and /.well-known/void.{ext}.
func (s *Server) void(w http.ResponseWriter, r *http.Request) {
	s.serveCatalog(w, r, "/.well-known/void", func(d *catalogDocs) (map[*exporters.Format]*rendered, pages.Doc) {
		return d.void, pages.Doc{Title: "VoID description", Body: d.voidHTML, BodyLang: "en"}
	})
}

// catalogPageKey caches a catalogue page per language in the read model.
type catalogPageKey struct {
	release, path string
	choice        pages.Choice
}

func (s *Server) serveCatalog(w http.ResponseWriter, r *http.Request, path string, docs func(*catalogDocs) (map[*exporters.Format]*rendered, pages.Doc)) {
	suffix := ""
	if ext := chi.URLParam(r, "ext"); ext != "" {
		suffix = "." + ext
	}
	f := catalogOffer.pick(w, r, path, suffix)
	if f == nil {
		return
	}
	d, st, ok := s.catalogDocs(w, r)
	if !ok {
		return
	}
	catalogOffer.alternates(w.Header(), s.cfg.BaseURI, path, f)
	reps, page := docs(d)
	if f != htmlFormat {
		reps[f].serve(w, r, http.StatusOK, maxAge5m)
		return
	}
	key := catalogPageKey{path: path, choice: pages.Choose(r)}
	if st.Release != nil {
		key.release = st.Release.Release
	}
	rep, err := query.Cached(st.View, key, func() (*rendered, error) {
		for _, alt := range catalogOffer {
			if alt != htmlFormat {
				page.Alternates = append(page.Alternates, pages.Alternate{Label: alt.Label, MediaType: alt.MediaType, Href: path + alt.Suffix})
			}
		}
		page.Canonical = s.cfg.BaseURI + path
		b, err := s.pages.RenderDocument(key.choice, path, page)
		if err != nil {
			return nil, err
		}
		return newRendered(s.gzBest, b, htmlFormat.ContentType, d.modified), nil
	})
	if err != nil {
		s.log.ErrorContext(r.Context(), "render catalogue page", "path", path, "err", err)
		problem(w, http.StatusInternalServerError, "the page could not be rendered; the error was logged", nil)
		return
	}
	pages.SetHeaders(w.Header(), key.choice.Lang)
	rep.serve(w, r, http.StatusOK, maxAge5m)
}

// landing serves the landing page, with the schema.org Dataset of the
// catalogue embedded for search engines.
func (s *Server) landing(w http.ResponseWriter, r *http.Request) {
	d, st, ok := s.catalogDocs(w, r)
	if !ok {
		return
	}
	in := pages.LandingInput{DatasetJSONLD: json.RawMessage(d.datasetJSONLD)}
	if m := st.Release; m != nil {
		rel := &pages.Release{Name: m.Release, Revision: m.Revision, Generated: m.Generated, Archive: m.Archive}
		for _, f := range m.Files {
			rel.Files = append(rel.Files, pages.ReleaseFile{Name: f.Name, MediaType: f.MediaType, SHA256: f.SHA256,
				Bytes: f.Bytes, Rows: f.Rows, Triples: f.Triples})
		}
		in.Release = rel
	}
	s.pageError(w, r, s.pages.Landing(w, r, st.View, in))
}

func describeCatalog(api huma.API) {
	for _, p := range []struct{ id, path, summary, desc string }{
		{"get-catalog", "/catalog", "The DCAT-AP catalogue",
			"The DCAT-AP 3 catalogue of the dataset, its distributions (every file of the latest release, and the API) and earlier releases, for data portals to harvest"},
		{"get-void", "/.well-known/void", "The VoID description",
			"The VoID description of the dataset: its URI space, vocabularies, statistics and linksets to Wikidata"},
	} {
		for _, path := range []string{p.path, p.path + ".{ext}"} {
			rt := route{id: p.id, method: http.MethodGet, path: path, tag: "Catalogue", summary: p.summary,
				desc: p.desc + ": " + formatList(catalogOffer) + ", by `Accept` or suffix.",
				ok:   contentOf(api, catalogOffer, nil), more: negotiated}
			if path != p.path {
				rt.id += "-file"
				rt.params = []*huma.Param{pathParam("ext", "Format suffix without the dot: ttl, jsonld, rdf, nt or html", "ttl")}
			}
			rt.describe(api)
		}
	}
	route{id: "get-landing-page", method: http.MethodGet, path: "/", tag: "Pages", summary: "The landing page",
		desc:   "What the data is and whom it is for, live counts, the latest release with its files and how to cite it, and the ways in for developers.",
		params: []*huma.Param{langParam}, ok: map[string]*huma.MediaType{"text/html": {Schema: stringSchema}},
		more: map[int]string{http.StatusNotModified: "The client's copy is current", http.StatusServiceUnavailable: "No dataset snapshot is loaded yet"}}.describe(api)
}
