package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// Linked data (issue 4). Things and documents are distinct: the entity
// IRI {base}/id/{type}/{id} answers 303 See Other to its document
// {base}/{types}/{id}, which negotiates its format on Accept or takes it
// from a suffix (.json, .jsonld, .ttl, .rdf, .nt, .html). Every format is
// the same graph (package graph): the JSON is the API's wire type, the
// JSON-LD that JSON with its @context and what the graph has beyond it.
// Representations are rendered on first request and kept per snapshot
// (an LRU in the read model), with strong ETags from their bytes.
// Renamed IDs answer 301 to the new one; removed IDs 410 with their
// tombstone. /dataset is the whole dataset as one graph, streamed.

// docOffer are the representations of a document; "*/*" and no Accept
// get the API's JSON.
var docOffer = offer{jsonFormat, exporters.JSONLD, exporters.Turtle, htmlFormat, exporters.RDFXML, exporters.NTriples}

// jsonldFlattened is an entity document in the flattened JSON-LD form,
// for JSON-LD 1.0 processors, which cannot read the published context:
// one node object per subject in a @graph, a context of prefixes only,
// every literal a value object (exporters.JSONLD's writer, as /dataset).
// It is asked for by profile (application/ld+json with
// profile="http://www.w3.org/ns/json-ld#flattened") and has no suffix.
var jsonldFlattened = &exporters.Format{Name: "jsonld-flattened", Label: "JSON-LD, flattened (JSON-LD 1.0)",
	MediaType: exporters.JSONLD.MediaType, ContentType: exporters.JSONLD.MediaType + `; profile="` + vocab.FlattenedProfile + `"`,
	NewWriter: exporters.NewJSONLDWriter}

// datasetOffer are the representations of /dataset; application/json
// is taken for JSON-LD.
var datasetOffer = offer{exporters.Turtle, exporters.NTriples, exporters.JSONLD}

// docCacheBytes bounds the rendered documents kept per snapshot. Every
// format of every entity does not fit at scale (about 32 KB of heap a
// municipality for the five formats, gzipped copies included: 3.2 GB for
// 100,000; see TestDocumentSizes), so the least recently used leave
// first. The budget holds the formats of about 2,000 municipalities, or
// the Turtle of 13,000.
const docCacheBytes = 64 << 20

// docKey names one representation of one document.
type docKey struct {
	t  dataset.Type
	id string
	f  *exporters.Format
}

// docsKey is the read model's cache of rendered documents.
type docsKey struct{}

func (s *Server) docs(v *query.View) *query.LRU[docKey, *rendered] {
	c, _ := query.Cached(v, docsKey{}, func() (*query.LRU[docKey, *rendered], error) {
		return query.NewLRU(docCacheBytes, (*rendered).size,
			func(seed maphash.Seed, k docKey) uint64 { return maphash.String(seed, k.id) }), nil
	})
	return c
}

// registerDocuments serves the entity documents, the entity IRIs and the
// dataset graph, and describes them in the OpenAPI document.
func registerDocuments(api huma.API, router chi.Router, s *Server) {
	for _, t := range dataset.Types {
		path := "/" + t.Plural() + "/{id}"
		router.Get(path, s.document(t))
		router.Head(path, s.document(t))
		describeDocument(api, t)
	}
	router.Get("/id/{type}/{id}", s.thing)
	router.Head("/id/{type}/{id}", s.thing)
	for _, path := range []string{"/dataset", "/dataset.{ext}"} {
		router.Get(path, s.datasetGraph)
		router.Head(path, s.datasetGraph)
	}
	describeGraphs(api)
}

// document serves /{types}/{id}[.suffix].
func (s *Server) document(t dataset.Type) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, suffix := chi.URLParam(r, "id"), ""
		if i := strings.LastIndexByte(id, '.'); i >= 0 {
			id, suffix = id[:i], id[i:] // IDs hold no dots: this names a format
		}
		path := strings.TrimSuffix(r.URL.Path, suffix)
		f := docOffer.pick(w, r, path, suffix)
		if f == nil {
			return
		}
		// Most requests have no query: parsing none would allocate a map.
		var q url.Values
		if r.URL.RawQuery != "" {
			q = r.URL.Query()
		}
		if rev := q["revision"]; rev != nil {
			// An earlier version (issue 13), from the history: JSON only.
			if f != jsonFormat || len(q) != 1 {
				problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("revision= is served as JSON only, alone: %s.json?revision=n", path), nil)
				return
			}
			s.versionDocument(w, r, t, id, rev[0])
			return
		}
		if f == exporters.JSONLD && suffix == "" && slices.Contains(exporters.Profiles(r.Header.Get("Accept"), f.MediaType), vocab.FlattenedProfile) {
			// Not the bytes of the .jsonld: no Content-Location.
			f = jsonldFlattened
			w.Header().Del("Content-Location")
		}
		for name := range q {
			if f != htmlFormat || name != "lang" {
				problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("unknown query parameter %s: documents take no query parameters (pages take ?lang=)", name), nil)
				return
			}
		}
		st := s.current(w)
		if st == nil {
			return
		}
		snap := st.Snapshot()
		status := http.StatusOK
		var gone *dataset.Retired
		if !snap.Exists(t, id) {
			if to, msg, ok := redirect(snap, t, id); ok {
				w.Header().Set("Location", s.docURL(t, to)+suffix)
				problem(w, http.StatusMovedPermanently, msg, nil)
				return
			}
			tomb, _, ok := snap.Retirement(t, id)
			status = http.StatusNotFound
			msg := fmt.Sprintf("no %s has the ID %q", t, id)
			if ok {
				status, gone, msg = http.StatusGone, tomb, goneMessage(tomb)
			}
			switch {
			case f == htmlFormat:
				s.pageError(w, r, s.pages.Error(w, r, status, msg))
				return
			case gone == nil, f == jsonFormat:
				problem(w, status, msg, nil)
				return
			}
		}
		if f == htmlFormat {
			// Pages for people vary by language: the pages package
			// renders them and sets their ETag.
			if mod := entityModified(snap, t, id); !mod.IsZero() {
				w.Header().Set("Last-Modified", mod.UTC().Format(http.TimeFormat))
			}
			s.pageError(w, r, s.pages.Entity(w, r, st.View, t, id))
			return
		}
		rep, err := s.docs(st.View).Get(docKey{t: t, id: id, f: f}, func() (*rendered, error) {
			return s.render(snap, t, id, gone, f)
		})
		if err != nil {
			s.log.ErrorContext(r.Context(), "render document", "type", t, "id", id, "format", f.Name, "err", err)
			problem(w, http.StatusInternalServerError, "the document could not be rendered; the error was logged", nil)
			return
		}
		if f == jsonFormat {
			w.Header()["Link"] = s.jsonLinks[t]
		}
		rep.serve(w, r, status, maxAge5m)
	}
}

// documentPrefixes are the paths under which entity documents are
// served: "/municipalities/"…
var documentPrefixes = func() []string {
	var out []string
	for _, t := range dataset.Types {
		out = append(out, "/"+t.Plural()+"/")
	}
	return out
}()

// readsDocument reports whether r asks for an entity document, of the
// snapshot in force (no query: ?revision= reads the history): it is
// answered from memory, rendered once per snapshot, and waits on no I/O
// and no context, so the request timeout could not stop it.
func readsDocument(r *http.Request) bool {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.URL.RawQuery != "" {
		return false
	}
	for _, p := range documentPrefixes {
		if id, ok := strings.CutPrefix(r.URL.Path, p); ok {
			return id != "" && !strings.Contains(id, "/")
		}
	}
	return false
}

// render renders the document of t/id, or the tombstone gone, in f.
func (s *Server) render(snap *dataset.Snapshot, t dataset.Type, id string, gone *dataset.Retired, f *exporters.Format) (*rendered, error) {
	base := s.cfg.BaseURI
	if f == jsonFormat {
		body, ok := s.entityBody(snap, t, id)
		if !ok {
			return nil, fmt.Errorf("no %s %q", t, id)
		}
		b, err := encodeJSON(body)
		if err != nil {
			return nil, err
		}
		return newRendered(s.gzBest, append(b, '\n'), f.ContentType, entityModified(snap, t, id)), nil
	}
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
	if f == exporters.JSONLD {
		err = s.writeJSONLD(&b, snap, d)
	} else {
		var ts []vocab.Triple
		if ts, err = d.Triples(); err == nil {
			if f == jsonldFlattened {
				// One node object per subject: its triples together.
				ts = bySubject(ts)
			}
			// Declare only the prefixes the document uses: a third of a
			// small document's bytes otherwise.
			err = exporters.Write(&b, f, ts, exporters.Options{Namespaces: graph.Namespaces(ts)})
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s as %s: %w", t, id, f.Name, err)
	}
	return newRendered(s.gzBest, bytes.Clone(b.Bytes()), f.ContentType, d.Modified), nil // held long: no spare capacity
}

// writeJSONLD writes a document as JSON-LD: its @context, then the API's
// JSON of the entity (entityBody), then what the document has beyond it.
// A tombstone is the dataset's record with its context.
func (s *Server) writeJSONLD(b *bytes.Buffer, snap *dataset.Snapshot, d *graph.Doc) error {
	out := graph.Object{{Key: "@context", Value: d.Context()}}
	if d.Retired == nil {
		body, ok := s.entityBody(snap, d.Type, d.ID)
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

// bySubject orders triples by subject, each subject where it first
// appears, keeping the order within a subject.
func bySubject(ts []vocab.Triple) []vocab.Triple {
	rank := map[vocab.Node]int{}
	for _, t := range ts {
		if _, ok := rank[t.S]; !ok {
			rank[t.S] = len(rank)
		}
	}
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b vocab.Triple) int { return rank[a.S] - rank[b.S] })
	return out
}

// thing answers an entity IRI, {base}/id/{type}/{id}, with 303 See Other
// to its document: the thing is not the document about it. IDs that were
// published once (renamed, removed, former category IDs) redirect too;
// their document says what became of them.
func (s *Server) thing(w http.ResponseWriter, r *http.Request) {
	name, id := chi.URLParam(r, "type"), chi.URLParam(r, "id")
	t, ok := dataset.ParseType(name)
	if !ok || string(t) != name {
		var types []string
		for _, t := range dataset.Types {
			types = append(types, string(t))
		}
		problem(w, http.StatusNotFound, fmt.Sprintf("no entity type %q; entity IRIs are /id/{type}/{id} with type one of %s", name, strings.Join(types, ", ")), nil)
		return
	}
	st := s.current(w)
	if st == nil {
		return
	}
	snap := st.Snapshot()
	_, _, retired := snap.Retirement(t, id)
	_, _, former := redirect(snap, t, id)
	if !snap.Exists(t, id) && !retired && !former {
		problem(w, http.StatusNotFound, fmt.Sprintf("no %s has the ID %q", t, id), nil)
		return
	}
	w.Header().Set("Location", s.docURL(t, id))
	w.Header()["Cache-Control"] = maxAge5m
	w.WriteHeader(http.StatusSeeOther)
}

// datasetGraph streams the whole dataset graph (graph.WriteDataset) in
// the negotiated format or the one its suffix names. Its ETag is weak: it
// names the snapshot's revision and the format, not the bytes, which are
// never held. The stream outlives the request timeout (see
// streamContext).
func (s *Server) datasetGraph(w http.ResponseWriter, r *http.Request) {
	suffix := ""
	if ext := chi.URLParam(r, "ext"); ext != "" {
		suffix = "." + ext
	}
	f := datasetOffer.pick(w, r, "/dataset", suffix)
	if f == nil {
		return
	}
	st := s.current(w)
	if st == nil {
		return
	}
	snap := st.Snapshot()
	hdr := w.Header()
	datasetOffer.alternates(hdr, s.cfg.BaseURI, "/dataset", f)
	// The graph states its search form (hydra:search); the header names
	// where to query it too, for clients that do not read the stream.
	hdr.Add("Link", fmt.Sprintf(`<%s>; rel="%s"`, vocab.FragmentsURL(s.cfg.BaseURI), vocab.HydraSearch.IRI))
	if s.revalidated(w, r, st, s.revisionETag(st, f)) {
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
	if err := graph.WriteDataset(ctx, w, snap, s.cfg.BaseURI, f); err != nil {
		// The status is sent: end the stream unterminated, so that the
		// client does not take a truncated graph for the whole.
		s.log.ErrorContext(r.Context(), "stream the dataset", "format", f.Name, "revision", snap.Revision, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// entityModified is when entity t/id last changed, or zero.
func entityModified(snap *dataset.Snapshot, t dataset.Type, id string) time.Time {
	if st := stampsOf(snap, t, id); st != nil {
		return st.Modified
	}
	return time.Time{}
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
