package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

// The Triple Pattern Fragments interface (issue 21): /fragments answers
// a triple pattern with a page of the current snapshot's matching
// triples, their count and the controls (package tpf). The index is
// built once per snapshot, on first use, in the read model's cache.

// fragmentsOffer are the fragments' representations: TriG and JSON-LD
// hold the metadata in a graph of its own, Turtle and N-Triples beside
// the data.
var fragmentsOffer = offer{exporters.Turtle, exporters.TriG, exporters.JSONLD, exporters.NTriples}

type tpfKey struct{ base string }

// fragmentCacheBytes bounds the rendered pages kept per snapshot: the
// patterns clients share (a class, a predicate) are asked again and
// again, and rendering costs several times serving stored bytes.
const fragmentCacheBytes = 16 << 20

type fragmentPagesKey struct{}

// fragmentKey names a rendered page: the format and the request URI it
// was asked by (which the page names itself by).
type fragmentKey struct{ format, uri string }

func (s *Server) fragmentPages(v *query.View) *query.LRU[fragmentKey, *rendered] {
	c, _ := query.Cached(v, fragmentPagesKey{}, func() (*query.LRU[fragmentKey, *rendered], error) {
		return query.NewLRU(fragmentCacheBytes, (*rendered).size,
			func(seed maphash.Seed, k fragmentKey) uint64 { return maphash.String(seed, k.uri) }), nil
	})
	return c
}

// fragmentsIndex is the snapshot's index, built on first use.
func (s *Server) fragmentsIndex(r *http.Request, v *query.View) (*tpf.Index, error) {
	return query.Cached(v, tpfKey{s.cfg.BaseURI}, func() (*tpf.Index, error) {
		// Built for every later request too: the client that happens to
		// come first must not cancel it.
		return tpf.Build(context.WithoutCancel(r.Context()), v.Snap, s.cfg.BaseURI)
	})
}

func registerFragments(api huma.API, router chi.Router, s *Server) {
	for _, path := range []string{"/fragments", "/fragments.{ext}"} {
		router.Get(path, s.fragments)
		router.Head(path, s.fragments)
	}
	describeFragments(api)
}

// fragments serves one page of a triple pattern fragment. Its ETag is
// weak and names the snapshot's revision, the format and the version:
// the bytes of a URL change with nothing else.
func (s *Server) fragments(w http.ResponseWriter, r *http.Request) {
	suffix := ""
	if ext := chi.URLParam(r, "ext"); ext != "" {
		suffix = "." + ext
	}
	f := fragmentsOffer.pick(w, r, "/fragments", suffix)
	if f == nil {
		return
	}
	req, err := tpf.ParseQuery(r.URL.Query())
	if err != nil {
		problem(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	st := s.current(w)
	if st == nil {
		return
	}
	snap := st.Snapshot()
	etag := s.revisionETag(st, f)
	if s.revalidated(w, r, st, etag) {
		return
	}
	rep, err := s.fragmentPages(st.View).Get(fragmentKey{f.Name, r.URL.RequestURI()}, func() (*rendered, error) {
		return s.renderFragment(r, st.View, req, f, etag)
	})
	if errors.Is(err, errBeyondLastPage) {
		problem(w, http.StatusNotFound, fmt.Sprintf("page %d is beyond the last page of this fragment", req.Page), nil)
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "render a fragment", "revision", snap.Revision, "format", f.Name, "err", err)
		problem(w, http.StatusInternalServerError, "the fragment could not be rendered; the error was logged", nil)
		return
	}
	rep.serve(w, r, http.StatusOK, maxAge5m)
}

var errBeyondLastPage = errors.New("beyond the last page")

// renderFragment renders the page req asks for in f, with the weak ETag
// etag for both encodings: the page changes with the revision only.
func (s *Server) renderFragment(r *http.Request, v *query.View, req tpf.Request, f *exporters.Format, etag string) (*rendered, error) {
	x, err := s.fragmentsIndex(r, v)
	if err != nil {
		return nil, err
	}
	// The page's IRI is the one it was asked by: clients look its
	// controls up by it.
	frag, ok := x.Fragment(s.cfg.BaseURI, s.cfg.BaseURI+r.URL.RequestURI(), req)
	if !ok {
		return nil, errBeyondLastPage
	}
	var b bytes.Buffer
	if err := frag.Write(&b, f); err != nil {
		return nil, err
	}
	// Most pages are asked once (a client binding a pattern to each
	// solution of another): compress them fast, not best.
	rep := newRendered(s.gzFast, bytes.Clone(b.Bytes()), f.ContentType, v.Snap.Modified)
	rep.etag, rep.gzETag = etag, etag
	rep.etagH, rep.gzETagH = []string{etag}, []string{etag}
	return rep, nil
}

// describeFragments describes /fragments in the OpenAPI document.
func describeFragments(api huma.API) {
	term := func(name, desc, example string) *huma.Param {
		return &huma.Param{Name: name, In: "query", Description: desc,
			Schema: &huma.Schema{Type: huma.TypeString, Description: desc, Examples: []any{example}}}
	}
	params := []*huma.Param{
		term("subject", "Subject of the pattern: an IRI; empty or absent for any", vocab.EntityIRI("{base}", dataset.TypeMunicipality, "munich")),
		term("predicate", "Predicate of the pattern: an IRI; empty or absent for any", vocab.OrgMemberOf.IRI),
		term("object", `Object of the pattern: an IRI or a literal in Hydra's explicit representation ("Munich"@en, "1"^^http://www.w3.org/2001/XMLSchema#integer); empty or absent for any`, vocab.Municipality.IRI),
		{Name: "page", In: "query", Description: fmt.Sprintf("Page, from 1; a page holds at most %d triples", tpf.PageSize),
			Schema: &huma.Schema{Type: huma.TypeInteger, Minimum: ptr(1.0), Examples: []any{2}}},
	}
	for _, p := range []struct{ path, id string }{{"/fragments", "get-fragment"}, {"/fragments.{ext}", "get-fragment-file"}} {
		rt := route{
			id: p.id, method: http.MethodGet, path: p.path, tag: "Linked data",
			summary: "Triple Pattern Fragments of the dataset graph",
			desc: "The triples of the current snapshot's graph (as `/dataset` streams it, blank nodes as skolem IRIs) that match a triple pattern, " +
				fmt.Sprintf("%d a page, with their count (`hydra:totalItems`, `void:triples`), links to the first, previous and next pages and the search form ", tpf.PageSize) +
				"(`hydra:search`, template `" + graph.SearchTemplate("{base}") + "`), as the Linked Data Fragments specification describes: " +
				"run SPARQL over it with a client such as Comunica. " + formatList(fragmentsOffer) + ", by `Accept` or suffix; TriG and JSON-LD keep the " +
				"metadata in a graph of its own. The ETag is weak (the revision and format).",
			params: params,
			ok:     contentOf(api, fragmentsOffer, nil),
			more: with(negotiated, map[int]string{
				http.StatusBadRequest: "A malformed term or page, or an unknown parameter",
				http.StatusNotFound:   "No such representation (unknown suffix), or a page beyond the last",
			}),
		}
		if p.path != "/fragments" {
			rt.params = append([]*huma.Param{pathParam("ext", "Format suffix without the dot: ttl, trig, jsonld or nt", "trig")}, params...)
		}
		rt.describe(api)
	}
}

func ptr[T any](v T) *T { return &v }
