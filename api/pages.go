package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/vocab"
)

// Pages for people (issue 9). Package pages renders them in one layout;
// this file serves the pages nobody else serves: the browse lists, the
// search results and the map, and the pages' static files. Browse lists
// and search results are selected by the list operations themselves
// (listMunicipalities and the others: the same filters, search, sorts
// and cursors as the REST API), called with the page's parameters, so
// that a page and GET /municipalities?… always agree.
//
// Entity pages are the text/html representation of the documents
// (documents.go), the landing page is served at / (catalog.go), the
// vocabulary documentation at /vocab (vocab.go) and the index of dumps at
// /dumps (dumps.go); they render through s.pages() too.

// browseLimit is the number of records a browse page shows; searchLimit
// the number of each type a search page shows.
const (
	browseLimit = 25
	searchLimit = 5
)

// pagesOf holds each Server's page renderer.
var pagesOf sync.Map // *Server → *pages.Pages

// pages returns the server's page renderer.
func (s *Server) pages() *pages.Pages {
	if p, ok := pagesOf.Load(s); ok {
		return p.(*pages.Pages)
	}
	p, err := pages.New(pages.Config{BaseURI: s.cfg.BaseURI, Version: s.cfg.Version, DumpsDir: s.cfg.DumpsDir})
	if err != nil {
		// Only a malformed base URI or a broken template: both are
		// found at start, when registerPages first calls this.
		panic(err)
	}
	actual, _ := pagesOf.LoadOrStore(s, p)
	return actual.(*pages.Pages)
}

// registerPages serves the browse lists, the search page, the map and
// the pages' static files. They are pages, not operations: the OpenAPI
// description leaves them out.
func registerPages(_ huma.API, router chi.Router, s *Server) {
	p := s.pages()
	get := func(path string, h http.Handler) {
		router.Method(http.MethodGet, path, h)
		router.Method(http.MethodHead, path, h)
	}
	get("/assets/{name}", p.Assets())
	get("/favicon.ico", p.Favicon())
	get("/browse", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to := "/browse/municipalities"
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusFound)
	}))
	get("/browse/{types}", http.HandlerFunc(s.browsePage))
	get("/search", http.HandlerFunc(s.searchPage))
	get("/map", http.HandlerFunc(s.mapPage))
}

// pageSnapshot returns the snapshot in force, or answers 503 with a page.
func (s *Server) pageSnapshot(w http.ResponseWriter, r *http.Request) (*dataset.Snapshot, bool) {
	snap := s.snaps.Load()
	if snap == nil {
		w.Header().Set("Retry-After", "5")
		s.pageError(w, r, s.pages().Error(w, r, http.StatusServiceUnavailable, "The data is being loaded; try again in a moment."))
		return nil, false
	}
	return snap, true
}

// pageError logs a page that could not be rendered and answers 500, if
// nothing was written yet (renderers write nothing when they fail).
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		return
	}
	s.log.ErrorContext(r.Context(), "render page", "path", r.URL.Path, "err", err)
	writeProblem(w, http.StatusInternalServerError, "the page could not be rendered; the error was logged")
}

func (s *Server) browsePage(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "types")
	t, ok := dataset.ParseType(name)
	if !ok || name != t.Plural() || pages.FilterNames[t] == nil {
		s.pageError(w, r, s.pages().Error(w, r, http.StatusNotFound,
			fmt.Sprintf("There is no list of %q. The lists are municipalities, networks, approaches, categories and countries.", name)))
		return
	}
	snap, ok := s.pageSnapshot(w, r)
	if !ok {
		return
	}
	f := pages.FiltersOf(t, r.URL.Query())
	l := s.pageList(r.Context(), t, f, r.URL.Query().Get("cursor"), browseLimit)
	s.pageError(w, r, s.pages().Browse(w, r, snap, f, l))
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	snap, ok := s.pageSnapshot(w, r)
	if !ok {
		return
	}
	q := r.URL.Query().Get("q")
	var lists []pages.List
	errMsg := ""
	if q != "" {
		for _, t := range pages.BrowseTypes {
			l := s.pageList(r.Context(), t, pages.Filters{Q: q}, "", searchLimit)
			if l.Err != "" {
				errMsg = l.Err
				lists = nil
				break
			}
			lists = append(lists, l)
		}
	}
	s.pageError(w, r, s.pages().Search(w, r, snap, q, lists, errMsg))
}

func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) {
	snap, ok := s.pageSnapshot(w, r)
	if !ok {
		return
	}
	s.pageError(w, r, s.pages().Map(w, r, snap))
}

// pageList selects a page of records of type t with the filters f, by
// the list operation of t: the same validation, search, sort and
// cursors as the REST API. A refused request is a List with Err.
func (s *Server) pageList(ctx context.Context, t dataset.Type, f pages.Filters, cursor string, limit int) pages.List {
	l := pages.List{Type: t}
	refuse := func(status int, msg string) pages.List {
		l.Err, l.Status = msg, status
		return l
	}
	// What Huma checks of the operations' parameters before they run.
	if len([]rune(f.Q)) > 200 {
		return refuse(http.StatusUnprocessableEntity, "q: the search is longer than 200 characters")
	}
	if len(cursor) > 4096 {
		return refuse(http.StatusBadRequest, "cursor: malformed; use the page links, unchanged")
	}
	sort := f.Sort
	if sort != "" && !slices.Contains(pages.SortOptions[t], sort) && sort != "relevance" {
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("sort: cannot sort by %q", sort))
	}
	if sort == "" {
		sort = pages.SortOptions[t][0]
		if f.Q != "" {
			sort = "relevance"
		}
	}
	if f.Scope != "" && vocab.Scopes.Concept(f.Scope) == nil {
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("scope: %q is not a scope of networks", f.Scope))
	}
	if f.Status != "" && !slices.Contains([]string{"active", "ended", "unknown"}, f.Status) {
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("status: %q is not a status of approaches", f.Status))
	}
	var featured Flag
	switch f.Featured {
	case "":
	case "true", "false":
		featured = Flag{Value: f.Featured == "true", IsSet: true}
	default:
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("featured: %q is neither true nor false", f.Featured))
	}
	// The query the operation sees, for its cache of filtered lists: the
	// same filters must give the same key as in the REST API.
	query := url.Values{}
	for _, kv := range [][2]string{{"q", f.Q}, {"country", f.Country}, {"network", f.Network}, {"category", f.Category},
		{"featured", f.Featured}, {"scope", f.Scope}, {"status", f.Status}} {
		if kv[1] != "" {
			query.Set(kv[0], kv[1])
		}
	}
	pp := PageParams{Limit: limit, Cursor: cursor, query: query}
	var out *ListOutput
	var err error
	switch t {
	case dataset.TypeMunicipality:
		out, err = s.listMunicipalities(ctx, &ListMunicipalitiesInput{Q: f.Q, Country: f.Country, Network: f.Network,
			Category: f.Category, Featured: featured, Sort: sort, PageParams: pp})
	case dataset.TypeNetwork:
		out, err = s.listNetworks(ctx, &ListNetworksInput{Q: f.Q, Country: f.Country, Scope: f.Scope, Sort: sort, PageParams: pp})
	case dataset.TypeApproach:
		out, err = s.listApproaches(ctx, &ListApproachesInput{Q: f.Q, Country: f.Country, Category: f.Category,
			Status: f.Status, Sort: sort, PageParams: pp})
	case dataset.TypeCategory:
		out, err = s.listCategories(ctx, &ListCategoriesInput{Q: f.Q, Sort: sort, PageParams: pp})
	case dataset.TypeCountry:
		out, err = s.listCountries(ctx, &ListCountriesInput{Q: f.Q, Sort: sort, PageParams: pp})
	default:
		return refuse(http.StatusNotFound, fmt.Sprintf("no list of %s", t.Plural()))
	}
	if err != nil {
		var se huma.StatusError
		if errors.As(err, &se) {
			return refuse(se.GetStatus(), se.Error())
		}
		return refuse(http.StatusInternalServerError, "the list could not be made")
	}
	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
		Total int    `json:"total"`
		Next  string `json:"next"`
		Prev  string `json:"prev"`
	}
	if err := json.Unmarshal(out.Body, &page); err != nil {
		return refuse(http.StatusInternalServerError, "the list could not be read")
	}
	for _, it := range page.Items {
		l.IDs = append(l.IDs, it.ID)
	}
	l.Total, l.Next, l.Prev = page.Total, cursorOf(page.Next), cursorOf(page.Prev)
	return l
}

// cursorOf is the cursor parameter of a page link of the API.
func cursorOf(link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return u.Query().Get("cursor")
}
