package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

// Linked data (issue 4). Things and documents are distinct: the entity
// IRI {base}/id/{type}/{id} answers 303 See Other to its document
// {base}/{types}/{id}, which negotiates its format on Accept (q-values
// honoured, Vary: Accept) or takes it from a suffix (.json, .jsonld,
// .ttl, .rdf, .nt, .html). Every format is the same graph (package
// graph): the JSON-LD is the API's JSON with the @context and what the
// graph has beyond it (a municipality's memberships and approaches, its
// GeoSPARQL point, the document's metadata).
//
// The API's JSON stays the Huma operation's answer: the document routes
// take over the operations' GET routes on the router and hand JSON
// requests to the operation, so openapi.yaml documents it as before.
// The other formats are rendered on first request and kept per snapshot
// (docCache), with a strong ETag from their bytes. Renamed IDs answer
// 301 to the new one; removed IDs 410 with their tombstone. /dataset is
// the whole dataset as one graph, streamed.

// jsonFormat is the API's own JSON, answered by the Huma operations.
var jsonFormat = &exporters.Format{Name: "json", Label: "JSON", Suffix: ".json", MediaType: "application/json",
	ContentType: "application/json"}

// docFormats are the representations of a document, in the order of
// preference when a client accepts several equally: "*/*" and no Accept
// get the API's JSON, as before documents negotiated.
var docFormats = []*exporters.Format{jsonFormat, exporters.JSONLD, exporters.Turtle, htmlFormat, exporters.RDFXML, exporters.NTriples}

// docOffers are the media types documents negotiate over.
var docOffers = exporters.MediaTypes(docFormats)

// datasetFormats are the representations of /dataset; application/json
// is taken for JSON-LD.
var (
	datasetFormats = []*exporters.Format{exporters.Turtle, exporters.NTriples, exporters.JSONLD}
	datasetOffers  = append(exporters.MediaTypes(datasetFormats), "application/json")
)

// formatFor finds the format of a negotiated media type among formats;
// application/json, when formats do not offer it themselves, is JSON-LD.
func formatFor(formats []*exporters.Format, mediaType string) *exporters.Format {
	for _, f := range formats {
		if f.MediaType == mediaType || slices.Contains(f.Aliases, mediaType) {
			return f
		}
	}
	if mediaType == "application/json" {
		return exporters.JSONLD
	}
	return nil
}

func formatBySuffix(formats []*exporters.Format, suffix string) *exporters.Format {
	for _, f := range formats {
		if f.Suffix == suffix {
			return f
		}
	}
	return nil
}

func suffixes(formats []*exporters.Format) string {
	var s []string
	for _, f := range formats {
		s = append(s, f.Suffix)
	}
	return strings.Join(s, " ")
}

// docCacheControl is the Cache-Control of documents, as of /vocab.
var docCacheControl = []string{"public, max-age=300"}

// registerDocuments serves the entity documents, the entity IRIs and the
// dataset graph. It must run after registerREST: it takes over the GET
// routes of the get-{type} operations and calls them for JSON.
func registerDocuments(_ huma.API, router chi.Router, s *Server) *docHandler {
	h := &docHandler{s: s, json: map[dataset.Type]http.Handler{}}
	for _, t := range dataset.Types {
		path := "/" + t.Plural() + "/{id}"
		op := routeHandler(router, http.MethodGet, path)
		if op == nil {
			panic("api: no operation serves GET " + path + " to take over")
		}
		h.json[t] = op
		doc := h.document(t)
		router.Get(path, doc)
		router.Head(path, doc)
	}
	router.Get("/id/{type}/{id}", h.thing)
	router.Head("/id/{type}/{id}", h.thing)
	for _, path := range []string{"/dataset", "/dataset.{ext}"} {
		router.Get(path, h.dataset)
		router.Head(path, h.dataset)
	}
	return h
}

// routeHandler returns the handler router has for method and pattern.
func routeHandler(router chi.Routes, method, pattern string) http.Handler {
	for _, r := range router.Routes() {
		if r.Pattern == pattern {
			return r.Handlers[method]
		}
	}
	return nil
}

type docHandler struct {
	s     *Server
	json  map[dataset.Type]http.Handler // the get operations
	cache atomic.Pointer[docCache]
}

// cacheFor returns the cache of snap's documents, starting an empty one
// when the snapshot changed.
func (h *docHandler) cacheFor(snap *dataset.Snapshot) *docCache {
	for {
		c := h.cache.Load()
		if c != nil && c.snap == snap {
			return c
		}
		fresh := newDocCache(snap, docCacheBytes)
		if h.cache.CompareAndSwap(c, fresh) {
			return fresh
		}
	}
}

// document serves /{types}/{id}[.suffix].
func (h *docHandler) document(t dataset.Type) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := chi.URLParam(r, "id")
		var f *exporters.Format
		suffix := ""
		if i := strings.LastIndexByte(id, '.'); i >= 0 {
			// IDs hold no dots: this names a format.
			if f = formatBySuffix(docFormats, id[i:]); f == nil {
				vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no representation %q of a document; the suffixes are %s", id[i:], suffixes(docFormats)),
					map[string]any{"available": docOffers})
				return
			}
			id, suffix = id[:i], id[i:]
		}
		if f == nil {
			w.Header().Add("Vary", "Accept")
			mt, ok := exporters.Negotiate(r.Header.Get("Accept"), docOffers)
			if !ok {
				vocabProblem(w, http.StatusNotAcceptable, "none of the available media types is acceptable: "+strings.Join(docOffers, ", "),
					map[string]any{"available": docOffers})
				return
			}
			f = formatFor(docFormats, mt)
		}
		if f == jsonFormat {
			h.serveJSON(w, r, t, id, suffix)
			return
		}
		if q := r.URL.Query(); len(q) > 0 && !(f == htmlFormat && len(q) == 1 && q.Has("lang")) {
			vocabProblem(w, http.StatusUnprocessableEntity, "documents take no query parameters (pages take ?lang=)", nil)
			return
		}
		snap := h.s.snaps.Load()
		if snap == nil {
			vocabProblem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
			return
		}
		status := http.StatusOK
		var gone *dataset.Retired
		if !snap.Exists(t, id) {
			if to, ok := h.redirect(snap, t, id); ok {
				w.Header().Set("Location", h.s.docURL(t, to)+suffix)
				vocabProblem(w, http.StatusMovedPermanently, fmt.Sprintf("%s %q is now %q", t, id, to), nil)
				return
			}
			tomb, _, ok := snap.Retirement(t, id)
			if !ok {
				vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no %s has the ID %q", t, id), nil)
				return
			}
			status, gone = http.StatusGone, tomb
		}
		if f == htmlFormat && gone == nil {
			// Pages for people vary by language, so the pages package
			// renders them and sets their own validators.
			if suffix == "" {
				w.Header()["Content-Location"] = []string{r.URL.Path + f.Suffix}
			}
			if !snap.Modified.IsZero() {
				w.Header().Set("Last-Modified", snap.Modified.UTC().Format(http.TimeFormat))
			}
			h.s.pageError(w, r, h.s.pages().Entity(w, r, snap, t, id))
			return
		}
		rep, err := h.cacheFor(snap).get(docKey{t: t, id: id, f: f}, func() (*docRep, error) {
			return h.render(snap, t, id, gone, f)
		})
		if err != nil {
			h.s.log.ErrorContext(r.Context(), "render document", "type", t, "id", id, "format", f.Name, "err", err)
			vocabProblem(w, http.StatusInternalServerError, "the document could not be rendered; the error was logged", nil)
			return
		}
		if suffix == "" {
			w.Header()["Content-Location"] = []string{r.URL.Path + f.Suffix}
		}
		rep.serve(w, r, status)
	}
}

// redirect says where a former ID of t now lives: a renamed or merged
// entity (through chains of renames), or a category's former ID.
func (h *docHandler) redirect(snap *dataset.Snapshot, t dataset.Type, id string) (string, bool) {
	if t == dataset.TypeCategory {
		if c, ok := snap.CategoryByAlias(id); ok {
			return c.ID, true
		}
	}
	if _, current, ok := snap.Retirement(t, id); ok && current != "" {
		return current, true
	}
	return "", false
}

// render renders the document of t/id, or the tombstone gone, in f.
func (h *docHandler) render(snap *dataset.Snapshot, t dataset.Type, id string, gone *dataset.Retired, f *exporters.Format) (*docRep, error) {
	base := h.s.cfg.BaseURI
	var d *graph.Doc
	var err error
	if gone != nil {
		d, err = graph.Tombstone(base, gone)
	} else {
		var ok bool
		d, ok, err = graph.Entity(base, snap, t, id)
		if err == nil && !ok {
			err = fmt.Errorf("no %s %q", t, id)
		}
	}
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch f {
	case exporters.JSONLD:
		err = h.writeJSONLD(&b, snap, d)
	case htmlFormat:
		var ts []vocab.Triple
		if ts, err = d.Triples(); err == nil {
			err = writeDocHTML(&b, d, ts, docAlternates(d.IRI()))
		}
	default:
		var ts []vocab.Triple
		if ts, err = d.Triples(); err == nil {
			// Declare only the prefixes the document uses: a third of a
			// small document's bytes otherwise.
			err = exporters.Write(&b, f, ts, exporters.Options{Namespaces: graph.Namespaces(ts)})
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s as %s: %w", t, id, f.Name, err)
	}
	return newDocRep(bytes.Clone(b.Bytes()), f, d), nil // held long: no spare capacity
}

// writeJSONLD writes a document as JSON-LD: its @context, then the API's
// JSON of the entity (entityBody), then what the document has beyond it.
// A tombstone is the dataset's record with its context.
func (h *docHandler) writeJSONLD(b *bytes.Buffer, snap *dataset.Snapshot, d *graph.Doc) error {
	out := graph.Object{{Key: "@context", Value: d.Context()}}
	if d.Retired == nil {
		body, ok := h.s.entityBody(snap, d.Type, d.ID)
		if !ok {
			return fmt.Errorf("no %s %q", d.Type, d.ID)
		}
		wire, err := graph.ToObject(body)
		if err != nil {
			return err
		}
		out = append(out, wire...)
		for _, m := range d.Object {
			if !wire.Has(m.Key) {
				out = append(out, m)
			}
		}
	} else {
		out = append(out, d.Object...)
	}
	j, err := out.MarshalJSON()
	if err != nil {
		return err
	}
	b.Write(j)
	b.WriteByte('\n')
	return nil
}

// docAlternates are the links to every format of the document at iri.
func docAlternates(iri string) []vocab.Alternate {
	out := make([]vocab.Alternate, len(docFormats))
	for i, f := range docFormats {
		out[i] = vocab.Alternate{Name: f.Label, MediaType: f.MediaType, Href: iri + f.Suffix}
	}
	return out
}

// docRep is a rendered representation with its header values, built
// once, and its gzip encoding: the compression middleware would otherwise
// compress it again for every client that accepts gzip, which more than
// doubles the cost of a request. The header values are shared slices
// that nobody appends to in place (their capacity is their length), so
// serving one allocates nothing.
//
// Documents send no Link headers to their other formats (the HTML page
// links them, and the suffixes are the same for every document): the
// headers and a document of up to about 3.5 KB then fit in the server's
// 4 KB write buffer and go out in one system call, not two.
type docRep struct {
	body, gz []byte // gz is nil for a body too small to gain
	etag     string
	gzETag   string
	modified time.Time
	// Header values.
	etagH, length, gzETagH, gzLength, contentType, lastModified []string
}

// gzipFrom is the body size from which representations are kept gzipped
// too.
const gzipFrom = 512

func newDocRep(body []byte, f *exporters.Format, d *graph.Doc) *docRep {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	rep := &docRep{body: body, etag: `"` + tag + `"`, modified: d.Modified,
		contentType: []string{f.ContentType}, length: []string{strconv.Itoa(len(body))}}
	rep.etagH = []string{rep.etag}
	if !d.Modified.IsZero() {
		rep.lastModified = []string{d.Modified.UTC().Format(http.TimeFormat)}
	}
	if len(body) >= gzipFrom {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, _ = zw.Write(body) // a bytes.Buffer does not fail
		_ = zw.Close()
		// A strong ETag names one encoding of the representation.
		rep.gz, rep.gzETag = bytes.Clone(b.Bytes()), `"`+tag+`-gzip"`
		rep.gzETagH, rep.gzLength = []string{rep.gzETag}, []string{strconv.Itoa(b.Len())}
	}
	return rep
}

// size is what the representation costs the cache, roughly.
func (rep *docRep) size() int64 { return int64(len(rep.body)+len(rep.gz)) + 1536 }

// serve answers with the representation and status, gzipped when the
// client accepts it, or 304 Not Modified to a conditional GET of a 200
// whose ETag the client has.
func (rep *docRep) serve(w http.ResponseWriter, r *http.Request, status int) {
	hdr := w.Header()
	body, etag, etagH, length := rep.body, rep.etag, rep.etagH, rep.length
	if rep.gz != nil {
		if v := hdr["Vary"]; v != nil {
			hdr["Vary"] = append(v, "Accept-Encoding")
		} else {
			hdr["Vary"] = varyEncoding
		}
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag, etagH, length = rep.gz, rep.gzETag, rep.gzETagH, rep.gzLength
			hdr["Content-Encoding"] = gzipEncoding // the compression middleware leaves it be
		}
	}
	hdr["Etag"] = etagH
	hdr["Cache-Control"] = docCacheControl
	if rep.lastModified != nil {
		hdr["Last-Modified"] = rep.lastModified
	}
	if status == http.StatusOK && notModified(r, etag, rep.modified) {
		delete(hdr, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr["Content-Type"] = rep.contentType
	hdr["X-Content-Type-Options"] = nosniff
	if rep.contentType[0] == htmlFormat.ContentType {
		hdr["Content-Security-Policy"] = pageCSP
	}
	hdr["Content-Length"] = length
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

var (
	gzipEncoding = []string{"gzip"}
	varyEncoding = []string{"Accept-Encoding"}
)

// acceptsGzip reports whether an Accept-Encoding value (RFC 9110, section
// 12.5.3) accepts gzip: named, as x-gzip or through "*", with a q above 0.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

var (
	nosniff = []string{"nosniff"}
	// pageCSP lets a page load nothing from anywhere.
	pageCSP = []string{"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}
)

// serveJSON hands a JSON request to the get operation, adding what every
// document has: Vary (set by the caller when negotiated), a strong ETag
// from the body with 304 to If-None-Match, Last-Modified, Cache-Control,
// Content-Location, gzip under its own ETag. A ".json" request keeps its
// suffix through a redirect.
func (h *docHandler) serveJSON(w http.ResponseWriter, r *http.Request, t dataset.Type, id, suffix string) {
	r2 := r.Clone(r.Context())
	r2.Header.Set("Accept", jsonFormat.MediaType)
	r2.SetPathValue("id", id)
	buf := &bufferedResponse{ResponseWriter: w}
	h.json[t].ServeHTTP(buf, r2)
	hdr := w.Header()
	status := buf.status
	if status == 0 {
		status = http.StatusOK
	}
	if status == http.StatusMovedPermanently && suffix != "" {
		if loc := hdr.Get("Location"); loc != "" {
			hdr.Set("Location", loc+suffix)
		}
	}
	body := buf.body.Bytes()
	if status == http.StatusOK {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:16]) + `"`
		if len(body) >= gzipFrom {
			// Compressed here rather than by the middleware, so that the
			// gzipped encoding has an ETag of its own.
			hdr.Add("Vary", "Accept-Encoding")
			if acceptsGzip(r.Header.Get("Accept-Encoding")) {
				var b bytes.Buffer
				zw := gzip.NewWriter(&b)
				_, _ = zw.Write(body)
				_ = zw.Close()
				body, etag = b.Bytes(), etag[:len(etag)-1]+`-gzip"`
				hdr["Content-Encoding"] = gzipEncoding
			}
		}
		modified := entityModified(h.s.snaps.Load(), t, id)
		hdr.Set("ETag", etag)
		hdr["Cache-Control"] = docCacheControl
		if !modified.IsZero() {
			hdr.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
		}
		if suffix == "" {
			hdr.Set("Content-Location", r.URL.Path+jsonFormat.Suffix)
		}
		if notModified(r, etag, modified) {
			hdr.Del("Content-Type")
			hdr.Del("Content-Encoding")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// bufferedResponse keeps a handler's status and body; its headers go to
// the real response.
type bufferedResponse struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// thing answers an entity IRI, {base}/id/{type}/{id}, with 303 See Other
// to its document: the thing is not the document about it. IDs that were
// published once (renamed, removed, former category IDs) redirect too;
// their document says what became of them.
func (h *docHandler) thing(w http.ResponseWriter, r *http.Request) {
	name, id := chi.URLParam(r, "type"), chi.URLParam(r, "id")
	t, ok := dataset.ParseType(name)
	if !ok || string(t) != name {
		var types []string
		for _, t := range dataset.Types {
			types = append(types, string(t))
		}
		vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no entity type %q; entity IRIs are /id/{type}/{id} with type one of %s", name, strings.Join(types, ", ")), nil)
		return
	}
	snap := h.s.snaps.Load()
	if snap == nil {
		vocabProblem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
		return
	}
	_, _, retired := snap.Retirement(t, id)
	_, former := h.redirect(snap, t, id)
	if !snap.Exists(t, id) && !retired && !former {
		vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no %s has the ID %q", t, id), nil)
		return
	}
	w.Header().Set("Location", h.s.docURL(t, id))
	w.Header()["Cache-Control"] = docCacheControl
	w.WriteHeader(http.StatusSeeOther)
}

// dataset streams the whole dataset graph (graph.WriteDataset) in the
// negotiated format or the one its suffix names. Its ETag is weak: it
// names the snapshot's revision and the format, not the bytes, which are
// never held. The stream outlives the request timeout (see
// streamContext).
func (h *docHandler) dataset(w http.ResponseWriter, r *http.Request) {
	var f *exporters.Format
	if ext := chi.URLParam(r, "ext"); ext != "" {
		if f = formatBySuffix(datasetFormats, "."+ext); f == nil {
			vocabProblem(w, http.StatusNotFound, fmt.Sprintf("no representation /dataset.%s; the suffixes are %s", ext, suffixes(datasetFormats)),
				map[string]any{"available": datasetOffers})
			return
		}
	}
	hdr := w.Header()
	if f == nil {
		hdr.Add("Vary", "Accept")
		mt, ok := exporters.Negotiate(r.Header.Get("Accept"), datasetOffers)
		if !ok {
			vocabProblem(w, http.StatusNotAcceptable, "none of the available media types is acceptable: "+strings.Join(datasetOffers, ", "),
				map[string]any{"available": datasetOffers})
			return
		}
		f = formatFor(datasetFormats, mt)
		hdr.Set("Content-Location", r.URL.Path+f.Suffix)
	}
	snap := h.s.snaps.Load()
	if snap == nil {
		vocabProblem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
		return
	}
	etag := fmt.Sprintf(`W/"r%d-%s-%s"`, snap.Revision, f.Name, h.s.cfg.Version)
	hdr.Set("ETag", etag)
	hdr["Cache-Control"] = docCacheControl
	if !snap.Modified.IsZero() {
		hdr.Set("Last-Modified", snap.Modified.UTC().Format(http.TimeFormat))
	}
	for _, g := range datasetFormats {
		if g != f {
			hdr.Add("Link", fmt.Sprintf(`<%s/dataset%s>; rel="alternate"; type="%s"`, h.s.cfg.BaseURI, g.Suffix, g.MediaType))
		}
	}
	if notModified(r, etag, snap.Modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Type", f.ContentType)
	hdr["X-Content-Type-Options"] = nosniff
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	ctx, cancel := streamContext(r.Context())
	defer cancel()
	if err := graph.WriteDataset(ctx, w, snap, h.s.cfg.BaseURI, f); err != nil {
		// The status is sent: end the stream unterminated, so that the
		// client does not take a truncated graph for the whole.
		h.s.log.ErrorContext(r.Context(), "stream the dataset", "format", f.Name, "revision", snap.Revision, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// entityModified is when entity t/id last changed, or zero.
func entityModified(snap *dataset.Snapshot, t dataset.Type, id string) time.Time {
	var st *dataset.Stamps
	if snap == nil {
		return time.Time{}
	}
	switch t {
	case dataset.TypeMunicipality:
		if x, ok := snap.Municipality(id); ok {
			st = &x.Stamps
		}
	case dataset.TypeCountry:
		if x, ok := snap.Country(id); ok {
			st = &x.Stamps
		}
	case dataset.TypeNetwork:
		if x, ok := snap.Network(id); ok {
			st = &x.Stamps
		}
	case dataset.TypeMembership:
		if x, ok := snap.Membership(id); ok {
			st = &x.Stamps
		}
	case dataset.TypeApproach:
		if x, ok := snap.Approach(id); ok {
			st = &x.Stamps
		}
	case dataset.TypeCategory:
		if x, ok := snap.Category(id); ok {
			st = &x.Stamps
		}
	}
	if st == nil {
		return time.Time{}
	}
	return st.Modified
}

// streamContext is ctx without its deadline, for a download that has
// started: the request timeout bounds the time to answer, while a whole
// dataset of 100,000 municipalities takes longer than its default to
// write (the server's write timeout bounds it instead). A client that
// goes away still ends it: its writes fail, and a cancellation before the
// deadline is passed on.
func streamContext(ctx context.Context) (context.Context, context.CancelFunc) {
	out, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			cancel()
		}
	})
	return out, func() { stop(); cancel() }
}
