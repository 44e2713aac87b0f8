package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/query"
)

// Pages for people (issue 9). Package pages renders them from the read
// model in one layout; this file routes the pages nobody else serves:
// the browse lists, the search results, the map and the pages' static
// files. Entity pages are the text/html representation of the documents
// (documents.go), the landing page is served at / (catalog.go), the
// vocabulary documentation at /vocab and the index of dumps at /dumps.

// registerPages serves the browse lists, the search page, the map and
// the pages' static files, and describes them in the OpenAPI document.
func registerPages(api huma.API, router chi.Router, s *Server) {
	get := func(path string, h http.Handler) {
		router.Method(http.MethodGet, path, h)
		router.Method(http.MethodHead, path, h)
	}
	get("/assets/{name}", s.pages.Assets())
	get("/favicon.ico", s.pages.Favicon())
	get("/browse", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to := "/browse/municipalities"
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusFound)
	}))
	get("/browse/{types}", http.HandlerFunc(s.browsePage))
	get("/search", s.page(s.pages.Search))
	get("/map", s.page(s.pages.Map))
	describePages(api)
}

// page serves a page that render makes from the read model in force.
func (s *Server) page(render func(http.ResponseWriter, *http.Request, *query.View) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.states.Current()
		if st == nil {
			w.Header().Set("Retry-After", "5")
			s.pageError(w, r, s.pages.Error(w, r, http.StatusServiceUnavailable, "The data is being loaded; try again in a moment."))
			return
		}
		s.pageError(w, r, render(w, r, st.View))
	})
}

// pageError logs a page that could not be rendered and answers 500, if
// nothing was written yet (renderers write nothing when they fail).
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		return
	}
	s.log.ErrorContext(r.Context(), "render page", "path", r.URL.Path, "err", err)
	problem(w, http.StatusInternalServerError, "the page could not be rendered; the error was logged", nil)
}

func (s *Server) browsePage(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "types")
	s.page(func(w http.ResponseWriter, r *http.Request, v *query.View) error {
		if t, ok := dataset.ParseType(name); ok && name == t.Plural() {
			if err := s.pages.Browse(w, r, v, t); !errors.Is(err, pages.ErrNotFound) {
				return err
			}
		}
		return s.pages.Error(w, r, http.StatusNotFound,
			fmt.Sprintf("There is no list of %q. The lists are municipalities, networks, approaches, categories and countries.", name))
	}).ServeHTTP(w, r)
}

func describePages(api huma.API) {
	html := map[string]*huma.MediaType{"text/html": {Schema: stringSchema}}
	for _, p := range []struct{ id, path, summary, desc string }{
		{"browse-page", "/browse", "Browse", "Redirects (302) to the browse list of municipalities, keeping the query."},
		{"browse-list-page", "/browse/{types}", "Browse a list",
			"A page of a list for people: municipalities, networks, approaches, categories or countries, with the REST list's filters, search, sort and cursors."},
		{"search-page", "/search", "Search", "Search results for people, across every list (`q`)."},
		{"map-page", "/map", "Map", "The map of Europe with every located municipality, and the list of them by country."},
	} {
		rt := route{id: p.id, method: http.MethodGet, path: p.path, tag: "Pages", summary: p.summary, desc: p.desc,
			params: []*huma.Param{langParam}, ok: html,
			more: map[int]string{http.StatusNotModified: "The client's copy is current", http.StatusServiceUnavailable: "No dataset snapshot is loaded yet"}}
		switch p.path {
		case "/browse":
			rt.status, rt.ok = http.StatusFound, nil
		case "/browse/{types}":
			rt.params = append(rt.params, pathParam("types", "municipalities, networks, approaches, categories or countries", "municipalities"))
			rt.more[http.StatusNotFound] = "No such list"
			rt.more[http.StatusUnprocessableEntity] = "A filter, search or cursor the list cannot answer (an HTML page saying why)"
		case "/search":
			rt.more[http.StatusUnprocessableEntity] = "A search the lists cannot answer (an HTML page saying why)"
		}
		rt.describe(api)
	}
	route{id: "get-asset", method: http.MethodGet, path: "/assets/{name}", tag: "Pages", summary: "A static file of the pages",
		desc:   "Stylesheet, icon and map outlines, named by their content's hash and cached for a year.",
		params: []*huma.Param{pathParam("name", "File name", "site.css")},
		ok:     map[string]*huma.MediaType{"text/css": {Schema: stringSchema}, "image/svg+xml": {Schema: stringSchema}},
		more:   map[int]string{http.StatusNotModified: "The client's copy is current", http.StatusNotFound: "No such file"}}.describe(api)
	route{id: "get-favicon", method: http.MethodGet, path: "/favicon.ico", tag: "Pages", summary: "The site's icon",
		ok: map[string]*huma.MediaType{"image/svg+xml": {Schema: stringSchema}}}.describe(api)
}
