package api

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/guide"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/query"
)

// The printable publications (issue 20). /guide is a page that offers the
// guide of the latest release in each language: the guides are made with
// the release, and served from it (/dumps/{release}/guide-{lang}.pdf), so
// that a cited guide stays the same file.
//
// A municipality's profile is made from the snapshot in force, on
// request, rather than cut out of the release's book of profiles: the page
// that links it shows that snapshot, so the two say the same thing, and a
// municipality added or changed since the last release (made once a day)
// has its profile at once; the service also makes it in the page's
// language, where the release's book is in English. A profile takes a few
// milliseconds; they are kept per snapshot in an LRU, with strong ETags.
// For the same snapshot its pages are the book's (guide.TestProfilesBook).

// profileCacheBytes bounds the profiles kept per snapshot: about 25 KB
// each, so some 2,500 of them.
const profileCacheBytes = 64 << 20

type profileKey struct{ id, lang string }

type profilesKey struct{}

func (s *Server) profiles(v *query.View) *query.LRU[profileKey, *rendered] {
	c, _ := query.Cached(v, profilesKey{}, func() (*query.LRU[profileKey, *rendered], error) {
		return query.NewLRU(profileCacheBytes, (*rendered).size,
			func(seed maphash.Seed, k profileKey) uint64 { return maphash.String(seed, k.id+"/"+k.lang) }), nil
	})
	return c
}

func registerGuide(api huma.API, router chi.Router, s *Server) {
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		router.Method(m, "/guide", http.HandlerFunc(s.guidePage))
		router.Method(m, "/municipalities/{id}/profile.pdf", http.HandlerFunc(s.profile))
	}
	describeGuide(api)
}

// guidePage lists the guides of the release in force.
func (s *Server) guidePage(w http.ResponseWriter, r *http.Request) {
	st := s.states.Current()
	var rel *pages.GuideRelease
	if st != nil && st.Release != nil {
		m := st.Release
		rel = &pages.GuideRelease{Name: m.Release, Revision: m.Revision, Generated: m.Generated,
			DumpsHref: "/dumps"}
		files := map[string]int64{}
		for _, f := range m.Files {
			files[f.Name] = f.Bytes
		}
		for _, lang := range dataset.Languages {
			if n, ok := files[guide.FileName(lang)]; ok {
				rel.Guides = append(rel.Guides, pages.GuideFile{Lang: lang, Href: "/dumps/" + m.Release + "/" + guide.FileName(lang), Bytes: n})
			}
		}
		if n, ok := files[guide.ProfilesFile]; ok {
			rel.Profiles = &pages.GuideFile{Href: "/dumps/" + m.Release + "/" + guide.ProfilesFile, Bytes: n}
		}
	}
	w.Header().Set("Cache-Control", "no-cache")
	s.pageError(w, r, s.pages.Guide(w, r, rel))
}

// profile serves /municipalities/{id}/profile.pdf in the language the
// request chooses as pages do (?lang=, else Accept-Language).
func (s *Server) profile(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	for name := range r.URL.Query() {
		if name != "lang" {
			problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("unknown query parameter %s: a profile takes only lang", name), nil)
			return
		}
	}
	st := s.states.Current()
	if st == nil {
		w.Header().Set("Retry-After", "5")
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
		return
	}
	snap := st.Snapshot()
	m, ok := snap.Municipality(id)
	if !ok {
		t := dataset.TypeMunicipality
		if to, msg, ok := redirect(snap, t, id); ok {
			loc := s.cfg.BaseURI + pages.ProfilePath(to)
			if r.URL.RawQuery != "" {
				loc += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", loc)
			problem(w, http.StatusMovedPermanently, msg, nil)
			return
		}
		if tomb, _, ok := snap.Retirement(t, id); ok {
			problem(w, http.StatusGone, goneMessage(tomb), nil)
			return
		}
		problem(w, http.StatusNotFound, fmt.Sprintf("no municipality has the ID %q", id), nil)
		return
	}
	lang := pages.Choose(r).Lang
	rep, err := s.profiles(st.View).Get(profileKey{id: m.ID, lang: lang}, func() (*rendered, error) {
		var b bytes.Buffer
		if err := guide.WriteProfile(&b, guide.Input{Snap: snap, BaseURI: s.cfg.BaseURI}, m, lang); err != nil {
			return nil, err
		}
		// PDF streams are compressed already: no gzipped copy.
		return newRenderedCompressed(b.Bytes(), "application/pdf", m.Modified), nil
	})
	if err != nil {
		s.log.ErrorContext(r.Context(), "render profile", "id", id, "lang", lang, "err", err)
		problem(w, http.StatusInternalServerError, "the profile could not be made; the error was logged", nil)
		return
	}
	h := w.Header()
	h.Set("Content-Language", lang)
	h.Add("Vary", "Accept-Language")
	h.Set("Content-Disposition", `inline; filename="`+m.ID+`.pdf"`)
	rep.serve(w, r, http.StatusOK, maxAge5m)
}

func describeGuide(api huma.API) {
	pdf := map[string]*huma.MediaType{"application/pdf": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}}
	route{id: "guide-page", method: http.MethodGet, path: "/guide", tag: "Pages", summary: "The guide",
		desc: "A page that offers the guide for municipalities as PDF in each of the seven languages, and the book of city profiles (the first 1,000 by ID; every municipality's profile is at /municipalities/{id}/profile.pdf), " +
			"from the latest release (the files are served under /dumps/{release}/).",
		params: []*huma.Param{langParam}, ok: map[string]*huma.MediaType{"text/html": {Schema: stringSchema}},
		more: map[int]string{http.StatusNotModified: "The client's copy is current"}}.describe(api)
	route{id: "get-municipality-profile", method: http.MethodGet, path: "/municipalities/{id}/profile.pdf", tag: "Pages",
		summary: "A municipality's profile as PDF",
		desc: "The printable profile of a municipality, made from the data in force: names, country, networks with dates, local approaches, " +
			"sources and the link to its record, in the language of `lang` or Accept-Language. The ETag is strong; renamed IDs answer 301, retired ones 410.",
		params: []*huma.Param{pathParam("id", "Municipality ID", idExample[dataset.TypeMunicipality]), langParam}, ok: pdf,
		more: map[int]string{http.StatusNotModified: "The client's copy is current", http.StatusMovedPermanently: "The municipality has a new ID",
			http.StatusNotFound: "No such municipality", http.StatusGone: "The municipality was retired",
			http.StatusUnprocessableEntity: "A query parameter other than lang", http.StatusServiceUnavailable: "No dataset snapshot is loaded yet"}}.describe(api)
}
