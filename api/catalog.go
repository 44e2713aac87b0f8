package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/vocab"
)

// The data catalogue (issue 8): the DCAT-AP 3 catalogue at /catalog, the
// VoID description at /.well-known/void, both negotiated among the RDF
// formats (Vary: Accept) or named by suffix (/catalog.ttl), and the
// landing page at /, which embeds the schema.org Dataset until the pages
// (issue 9) replace it. The documents are built from the snapshot in
// force and the releases in the dumps folder, read again whenever either
// changes, and served as precomputed bytes with a strong ETag.

// CatalogConfig is what the catalogue states that neither the data nor
// the releases know (publisher, contact point, licence…); its BaseURI is
// Config.BaseURI.
type CatalogConfig = catalog.Config

// registerCatalog serves the catalogue, the VoID description and the
// landing page. They are documents, not operations, so they go on the
// router.
func registerCatalog(_ huma.API, router chi.Router, s *Server) {
	h := &catalogHandler{s: s, archive: dumps.Open(s.cfg.DumpsDir), stats: map[string]*catalog.Stats{}}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		router.Method(m, "/catalog", http.HandlerFunc(h.catalog))
		router.Method(m, "/catalog.{ext}", http.HandlerFunc(h.catalog))
		router.Method(m, "/.well-known/void", http.HandlerFunc(h.void))
		router.Method(m, "/.well-known/void.{ext}", http.HandlerFunc(h.void))
		router.Method(m, "/", http.HandlerFunc(h.landing))
	}
}

// catalogFormats are the representations of /catalog and
// /.well-known/void, in the order of preference when a client accepts
// several equally ("*/*" gets Turtle).
var catalogFormats = []*exporters.Format{exporters.Turtle, exporters.JSONLD, exporters.RDFXML, exporters.NTriples}

// catalogOffers are the media types they negotiate over: canonical ones,
// aliases, and application/json for JSON-LD.
var catalogOffers = append(exporters.MediaTypes(catalogFormats), "application/json")

type catalogHandler struct {
	s       *Server
	archive *dumps.Archive
	mu      sync.Mutex // one rendering at a time
	cur     atomic.Pointer[catalogDocs]
	// stats are the VoID statistics of each release's N-Triples dump;
	// a release never changes, so they are counted once. Guarded by mu.
	stats map[string]*catalog.Stats
}

// catalogDocs are the rendered documents for one state of the snapshot
// and the dumps folder.
type catalogDocs struct {
	key      catalogKey
	modified time.Time
	dcat     map[*exporters.Format]*rendered
	void     map[*exporters.Format]*rendered
	// datasetJSONLD is the schema.org Dataset the landing page embeds.
	datasetJSONLD []byte
}

// catalogKey identifies what the documents are built from: the snapshot,
// the latest release and the dumps folder's modification time, which
// changes when a release is added or removed.
type catalogKey struct {
	snap   *dataset.Snapshot
	latest string
	dirMod time.Time
}

func (h *catalogHandler) key() catalogKey {
	k := catalogKey{snap: h.s.snaps.Load()}
	if dir := h.s.cfg.DumpsDir; dir != "" {
		k.latest, _ = h.archive.Latest()
		if st, err := os.Stat(dir); err == nil {
			k.dirMod = st.ModTime()
		}
	}
	return k
}

// docs returns the documents for the current snapshot and releases,
// rendering them when either changed.
func (h *catalogHandler) docs(w http.ResponseWriter, r *http.Request) (*catalogDocs, bool) {
	k := h.key()
	if k.snap == nil {
		vocabProblem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return nil, false
	}
	if d := h.cur.Load(); d != nil && d.key == k {
		return d, true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if d := h.cur.Load(); d != nil && d.key == k {
		return d, true
	}
	d, err := h.render(r.Context(), k)
	if err != nil {
		h.s.log.ErrorContext(r.Context(), "render catalogue", "err", err, "revision", k.snap.Revision, "release", k.latest)
		vocabProblem(w, http.StatusInternalServerError, "the catalogue could not be rendered; the error was logged", nil)
		return nil, false
	}
	h.cur.Store(d)
	return d, true
}

// render builds every document for k. It holds h.mu.
func (h *catalogHandler) render(ctx context.Context, k catalogKey) (*catalogDocs, error) {
	in, err := h.s.catalogInput(h.archive, k.snap)
	if err != nil {
		return nil, err
	}
	if in.Latest != nil {
		if in.Stats, err = h.releaseStats(ctx, in.Latest); err != nil {
			return nil, err
		}
	}
	d := &catalogDocs{key: k, modified: k.snap.Modified,
		dcat: map[*exporters.Format]*rendered{}, void: map[*exporters.Format]*rendered{}}
	if in.Latest != nil {
		if m, err := h.archive.Manifest(in.Latest.Name); err == nil && m.Generated.After(d.modified) {
			d.modified = m.Generated
		}
	}
	dcat, err := catalog.DCAT(in)
	if err != nil {
		return nil, err
	}
	void, err := catalog.VoID(in)
	if err != nil {
		return nil, err
	}
	for _, f := range catalogFormats {
		for _, doc := range []struct {
			ts  []vocab.Triple
			out map[*exporters.Format]*rendered
		}{{dcat, d.dcat}, {void, d.void}} {
			var b bytes.Buffer
			if err := catalog.Write(&b, f, doc.ts); err != nil {
				return nil, fmt.Errorf("render as %s: %w", f.Name, err)
			}
			doc.out[f] = newRendered(b.Bytes())
		}
	}
	jsonld, err := catalog.SchemaOrgJSON(in)
	if err != nil {
		return nil, err
	}
	d.datasetJSONLD = jsonld
	return d, nil
}

// catalogInput gathers what the catalogue is built from: the
// configuration, snap, and the releases of the dumps folder (the latest
// and the earlier ones kept). It reads the manifests, not the files.
func (s *Server) catalogInput(archive *dumps.Archive, snap *dataset.Snapshot) (catalog.Input, error) {
	cfg := s.cfg.Catalog
	cfg.BaseURI = s.cfg.BaseURI
	in := catalog.Input{Config: cfg, Snapshot: snap}
	latest, err := archive.Latest()
	if errors.Is(err, dumps.ErrNotFound) {
		return in, nil
	}
	if err != nil {
		return in, fmt.Errorf("latest release: %w", err)
	}
	ms, err := archive.Releases() // newest first
	if err != nil {
		return in, fmt.Errorf("list releases: %w", err)
	}
	for _, m := range ms {
		r := releaseOf(m)
		switch {
		case m.Release == latest:
			in.Latest = &r
		case in.Latest != nil: // only releases before the latest are its versions
			in.Earlier = append(in.Earlier, r)
		}
	}
	return in, nil
}

// SchemaOrgDataset returns the schema.org Dataset in JSON-LD that the
// landing page embeds (<script type="application/ld+json">), for the
// snapshot in force and the latest release.
func (s *Server) SchemaOrgDataset() ([]byte, error) {
	snap := s.snaps.Load()
	if snap == nil {
		return nil, errors.New("no dataset snapshot loaded yet")
	}
	in, err := s.catalogInput(dumps.Open(s.cfg.DumpsDir), snap)
	if err != nil {
		return nil, err
	}
	return catalog.SchemaOrgJSON(in)
}

// releaseOf is a release manifest as the catalogue reads it.
func releaseOf(m *dumps.Manifest) catalog.Release {
	r := catalog.Release{Name: m.Release, Revision: m.Revision, SchemaVersion: m.SchemaVersion,
		VocabularyVersion: m.VocabularyVersion, Previous: m.Previous}
	for _, f := range m.Files {
		r.Files = append(r.Files, catalog.File{Name: f.Name, Bytes: f.Bytes, SHA256: f.SHA256, MediaType: f.MediaType,
			UncompressedMediaType: f.UncompressedMediaType, Rows: f.Rows, Triples: f.Triples})
	}
	return r
}

// releaseStats counts the VoID statistics of a release's N-Triples dump,
// once per release; nil when the release has none. It holds h.mu.
func (h *catalogHandler) releaseStats(ctx context.Context, r *catalog.Release) (*catalog.Stats, error) {
	if st, ok := h.stats[r.Name]; ok {
		return st, nil
	}
	f, ok := r.NTriplesDump()
	if !ok {
		h.stats[r.Name] = nil
		return nil, nil
	}
	file, _, _, err := h.archive.OpenFile(r.Name, f.Name)
	if err != nil {
		return nil, fmt.Errorf("open %s of release %s: %w", f.Name, r.Name, err)
	}
	defer file.Close()
	var rd io.Reader = file
	if strings.Contains(f.MediaType, "gzip") {
		zr, err := gzip.NewReader(file)
		if err != nil {
			return nil, fmt.Errorf("read %s of release %s: %w", f.Name, r.Name, err)
		}
		defer zr.Close()
		rd = zr
	}
	st, err := catalog.CountNTriples(ctx, h.s.cfg.BaseURI, rd)
	if err != nil {
		return nil, fmt.Errorf("count %s of release %s: %w", f.Name, r.Name, err)
	}
	h.stats[r.Name] = st
	return st, nil
}

// catalog serves /catalog and /catalog.{ext}.
func (h *catalogHandler) catalog(w http.ResponseWriter, r *http.Request) {
	h.serveRDF(w, r, "/catalog", func(d *catalogDocs) map[*exporters.Format]*rendered { return d.dcat })
}

// void serves /.well-known/void and /.well-known/void.{ext}.
func (h *catalogHandler) void(w http.ResponseWriter, r *http.Request) {
	h.serveRDF(w, r, "/.well-known/void", func(d *catalogDocs) map[*exporters.Format]*rendered { return d.void })
}

func (h *catalogHandler) serveRDF(w http.ResponseWriter, r *http.Request, path string, reps func(*catalogDocs) map[*exporters.Format]*rendered) {
	var f *exporters.Format
	if ext := chi.URLParam(r, "ext"); ext != "" {
		if f, _ = exporters.BySuffix("." + ext); f == nil || !slices.Contains(catalogFormats, f) {
			vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no representation %s.%s; try %s", path, ext, catalogSuffixes(path)), nil)
			return
		}
	}
	negotiated := f == nil
	if negotiated {
		w.Header().Add("Vary", "Accept")
		mt, ok := exporters.Negotiate(r.Header.Get("Accept"), catalogOffers)
		if !ok {
			vocabProblem(w, http.StatusNotAcceptable, "none of the available media types is acceptable: "+strings.Join(catalogOffers, ", "),
				map[string]any{"available": catalogOffers})
			return
		}
		if mt == "application/json" {
			f = exporters.JSONLD
		} else {
			f, _ = exporters.ByMediaType(mt)
		}
	}
	d, ok := h.docs(w, r)
	if !ok {
		return
	}
	hdr := w.Header()
	if negotiated {
		hdr.Set("Content-Location", path+f.Suffix)
	}
	for _, g := range catalogFormats {
		if g != f {
			hdr.Add("Link", fmt.Sprintf(`<%s%s%s>; rel="alternate"; type="%s"`, h.s.cfg.BaseURI, path, g.Suffix, g.MediaType))
		}
	}
	serveRendered(w, r, reps(d)[f], f.ContentType, d.modified)
}

func catalogSuffixes(path string) string {
	var s []string
	for _, f := range catalogFormats {
		s = append(s, path+f.Suffix)
	}
	return strings.Join(s, ", ")
}

// landing serves the landing page, with the schema.org Dataset of the
// catalogue embedded for search engines.
func (h *catalogHandler) landing(w http.ResponseWriter, r *http.Request) {
	d, ok := h.docs(w, r)
	if !ok {
		return
	}
	h.s.pageError(w, r, h.s.pages().Landing(w, r, d.key.snap, pages.LandingInput{DatasetJSONLD: json.RawMessage(d.datasetJSONLD)}))
}
