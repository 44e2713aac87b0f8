package pages

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// Browse lists and search results are selected by the read model
// (package query: filters, multilingual search, sort and keyset
// pagination), as the REST API's lists are, so that a page and
// GET /municipalities?… always agree and share their cursors.

// BrowseTypes are the types with a browse list, in the order of the
// list's tabs and of search results.
var BrowseTypes = []dataset.Type{dataset.TypeMunicipality, dataset.TypeNetwork, dataset.TypeApproach, dataset.TypeCategory, dataset.TypeCountry}

// Filters are the values of a browse list's form, as the request gave
// them; which apply depends on the type (see FilterNames).
type Filters struct {
	Q, Country, Network, Category, Featured, Scope, Status, Sort string
}

// FilterNames are the query parameters of each type's browse list, q
// and sort included; others are ignored.
var FilterNames = map[dataset.Type][]string{
	dataset.TypeMunicipality: {"q", "country", "network", "category", "featured", "sort"},
	dataset.TypeNetwork:      {"q", "country", "scope", "sort"},
	dataset.TypeApproach:     {"q", "country", "category", "status", "sort"},
	dataset.TypeCategory:     {"q", "sort"},
	dataset.TypeCountry:      {"q", "sort"},
}

// SortOptions are the sort orders each browse list offers, in the API's
// terms; the form's first choice, "", is relevance with q and the first
// of these without.
var SortOptions = map[dataset.Type][]string{
	dataset.TypeMunicipality: {"name", "-name", "country", "-population", "-modified"},
	dataset.TypeNetwork:      {"name", "-founded", "founded", "-modified"},
	dataset.TypeApproach:     {"title", "-year_started", "year_started", "-modified"},
	dataset.TypeCategory:     {"label", "-label"},
	dataset.TypeCountry:      {"name", "-name"},
}

// FiltersOf reads the filters of type t's browse list from a query.
func FiltersOf(t dataset.Type, q url.Values) Filters {
	get := func(name string) string {
		if slices.Contains(FilterNames[t], name) {
			return strings.TrimSpace(q.Get(name))
		}
		return ""
	}
	return Filters{Q: get("q"), Country: get("country"), Network: get("network"), Category: get("category"),
		Featured: get("featured"), Scope: get("scope"), Status: get("status"), Sort: get("sort")}
}

// values is f as a query, empty values left out.
func (f Filters) values() url.Values {
	q := url.Values{}
	for _, kv := range [][2]string{{"q", f.Q}, {"country", f.Country}, {"network", f.Network}, {"category", f.Category},
		{"featured", f.Featured}, {"scope", f.Scope}, {"status", f.Status}, {"sort", f.Sort}} {
		if kv[1] != "" {
			q.Set(kv[0], kv[1])
		}
	}
	return q
}

// List is one page of records of one type, as the read model selected it.
type List struct {
	Type dataset.Type
	// IDs are the page's records, in order.
	IDs []string
	// Total is the number of records matching, over all pages.
	Total int
	// Next and Prev are the cursors of the pages after and before this
	// one; "" when there is none.
	Next, Prev string
	// Err, when set, is why the request was refused (an unknown country,
	// a query without letters…), shown in place of results, with
	// Status (400, 422).
	Err    string
	Status int
}

type browseView struct {
	Heading   string
	Tabs      []navItem
	Form      formView
	TotalText string
	Items     []item
	Prev      string
	Next      string
	Error     string
	MapHref   string
}

type formView struct {
	Action, Q, QLabel, Lang, ResetHref string
	LangExplicit                       bool
	Selects                            []selectView
}

type selectView struct {
	Name, Label string
	Options     []option
}

type option struct {
	Value, Label, Lang string
	Selected           bool
}

// Browse answers r with the browse list of type t: the filter form
// filled with the request's filters, the page of records they select,
// and links to the pages before and after it. It returns ErrNotFound,
// having written nothing, for a type without a browse list.
func (p *Pages) Browse(w http.ResponseWriter, r *http.Request, v *query.View, t dataset.Type) error {
	if v == nil || FilterNames[t] == nil {
		return ErrNotFound
	}
	snap := v.Snap
	c := p.newCtx(r)
	f := FiltersOf(t, r.URL.Query())
	l := list(v, t, f, r.URL.Query().Get("cursor"), browseLimit)
	path := "/browse/" + t.Plural()
	bv := &browseView{Heading: c.typePlural(t), Error: l.Err}
	for _, bt := range BrowseTypes {
		bv.Tabs = append(bv.Tabs, navItem{Label: c.typePlural(bt), Href: c.href("/browse/"+bt.Plural(), nil), Current: bt == t})
	}
	bv.Form = c.form(snap, t, f)
	var snips map[string]query.Snippet
	if f.Q != "" && l.Err == "" {
		snips = v.Snippets(r.Context(), t, f.Q, l.IDs, c.lang)
	}
	for _, id := range l.IDs {
		if it, ok := c.itemOf(snap, t, id); ok {
			it.Snippet = snippetOf(snips, id)
			bv.Items = append(bv.Items, it)
		}
	}
	bv.TotalText = c.tf("browse.total", l.Total)
	page := func(cursor string) string {
		q := f.values()
		q.Set("cursor", cursor)
		return c.href(path, q)
	}
	if l.Next != "" {
		bv.Next = page(l.Next)
	}
	if l.Prev != "" {
		bv.Prev = page(l.Prev)
	}
	if t == dataset.TypeMunicipality {
		bv.MapHref = c.href("/map", nil)
	}
	title := bv.Heading
	if f.Q != "" {
		title = f.Q + " · " + title
	}
	pv := c.page(title, "browse")
	pv.Content = bv
	pv.Status = l.Status
	if l.Err != "" && pv.Status == 0 {
		pv.Status = http.StatusUnprocessableEntity
	}
	return p.write(w, r, c, "browse", pv)
}

// form is the filter form of type t's list, filled with f.
func (c *ctx) form(snap *dataset.Snapshot, t dataset.Type, f Filters) formView {
	path := "/browse/" + t.Plural()
	fv := formView{Action: path, Q: f.Q, QLabel: c.t("browse.q." + string(t)), Lang: c.lang, LangExplicit: c.explicit,
		ResetHref: c.href(path, nil)}
	any := func() option { return option{Value: "", Label: c.t("browse.any")} }
	for _, name := range FilterNames[t] {
		sv := selectView{Name: name}
		switch name {
		case "country":
			sv.Label, _ = c.label(dataset.TypeMunicipality, "country")
			sv.Options = append(sv.Options, any())
			var opts []option
			for _, k := range snap.Countries {
				if t == dataset.TypeNetwork || len(snap.MunicipalitiesIn(k.ID)) > 0 {
					n := c.name(k.Names, k.ID)
					opts = append(opts, option{Value: k.ID, Label: n.Text, Lang: n.Attr, Selected: f.Country == k.ID})
				}
			}
			sv.Options = append(sv.Options, sortOptions(opts)...)
		case "network":
			sv.Label = c.typeLabel(dataset.TypeNetwork)
			sv.Options = append(sv.Options, any())
			var opts []option
			for _, n := range snap.Networks {
				nm := c.name(n.Names, n.ID)
				opts = append(opts, option{Value: n.ID, Label: nm.Text, Lang: nm.Attr, Selected: f.Network == n.ID})
			}
			sv.Options = append(sv.Options, sortOptions(opts)...)
		case "category":
			sv.Label, _ = c.label(dataset.TypeApproach, "categories")
			sv.Options = append(sv.Options, any())
			var opts []option
			for _, k := range snap.Categories {
				l := c.text(k.Labels)
				opts = append(opts, option{Value: k.ID, Label: l.Text, Lang: l.Attr, Selected: f.Category == k.ID})
			}
			sv.Options = append(sv.Options, sortOptions(opts)...)
		case "featured":
			sv.Label, _ = c.label(dataset.TypeMunicipality, "featured")
			sv.Options = []option{any(),
				{Value: "true", Label: c.t("browse.featured.true"), Selected: f.Featured == "true"},
				{Value: "false", Label: c.t("browse.featured.false"), Selected: f.Featured == "false"}}
		case "scope":
			sv.Label, _ = c.label(dataset.TypeNetwork, "scope")
			sv.Options = append(sv.Options, any())
			for _, code := range vocab.Scopes.Codes {
				sv.Options = append(sv.Options, option{Value: code.Notation, Label: c.code(vocab.Scopes, code.Notation).Text, Selected: f.Scope == code.Notation})
			}
		case "status":
			sv.Label, _ = c.label(dataset.TypeApproach, "status")
			sv.Options = append(sv.Options, any())
			for _, v := range []dataset.ApproachStatus{dataset.ApproachActive, dataset.ApproachEnded, dataset.ApproachUnknown} {
				sv.Options = append(sv.Options, option{Value: string(v), Label: c.code(vocab.Statuses, string(v)).Text, Selected: f.Status == string(v)})
			}
		case "sort":
			sv.Label = c.t("browse.sort")
			sv.Options = append(sv.Options, option{Value: "", Label: c.t("sort.default")})
			for _, s := range SortOptions[t] {
				sv.Options = append(sv.Options, option{Value: s, Label: c.t("sort." + s), Selected: f.Sort == s})
			}
		default:
			continue
		}
		fv.Selects = append(fv.Selects, sv)
	}
	return fv
}

func sortOptions(opts []option) []option {
	slices.SortFunc(opts, func(a, b option) int { return strings.Compare(dataset.Fold(a.Label), dataset.Fold(b.Label)) })
	return opts
}

type searchView struct {
	Q, Lang, Error, TotalText string
	LangExplicit              bool
	Groups                    []searchGroup
}

type searchGroup struct {
	ID, Heading string
	Total       int
	Items       []item
	More        *link
}

// Search answers r with the results of its search q: for each type, the
// first records the read model's search finds, with their total and a
// link to the browse list of them all. A refused q is answered 422 with
// the reason; an empty q shows the search form alone.
func (p *Pages) Search(w http.ResponseWriter, r *http.Request, v *query.View) error {
	if v == nil {
		return ErrNotFound
	}
	snap := v.Snap
	q := r.URL.Query().Get("q")
	c := p.newCtx(r)
	sv := &searchView{Q: q, Lang: c.lang, LangExplicit: c.explicit}
	var lists []List
	if q != "" {
		for _, t := range BrowseTypes {
			l := list(v, t, Filters{Q: q}, "", searchLimit)
			if l.Err != "" {
				sv.Error, lists = l.Err, nil
				break
			}
			lists = append(lists, l)
		}
	}
	total := 0
	for _, l := range lists {
		if l.Total == 0 {
			continue
		}
		total += l.Total
		g := searchGroup{ID: "results-" + l.Type.Plural(), Heading: c.typePlural(l.Type), Total: l.Total}
		snips := v.Snippets(r.Context(), l.Type, q, l.IDs, c.lang)
		for _, id := range l.IDs {
			if it, ok := c.itemOf(snap, l.Type, id); ok {
				it.Snippet = snippetOf(snips, id)
				g.Items = append(g.Items, it)
			}
		}
		if l.Total > len(g.Items) {
			g.More = &link{Label: c.tf("search.more", l.Total, c.typePlural(l.Type)), Href: c.href("/browse/"+l.Type.Plural(), url.Values{"q": {q}})}
		}
		sv.Groups = append(sv.Groups, g)
	}
	sv.TotalText = c.tf("search.total", total, q)
	title := c.t("search.heading")
	if q != "" {
		title = q + " · " + title
	}
	pv := c.page(title, "search")
	pv.Content = sv
	if sv.Error != "" {
		pv.Status = http.StatusUnprocessableEntity
	}
	return p.write(w, r, c, "search", pv)
}

// browseLimit is the number of records a browse page shows; searchLimit
// the number of each type a search page shows.
const (
	browseLimit = 25
	searchLimit = 5
)

// list selects a page of records of type t with the filters f through
// the read model: the same validation, search, sort and cursors as the
// REST API. A refused request is a List with Err and Status.
func list(v *query.View, t dataset.Type, f Filters, cursor string, limit int) List {
	l := List{Type: t}
	refuse := func(status int, msg string) List {
		l.Err, l.Status = msg, status
		return l
	}
	// What the API's operations check of their parameters beyond the
	// read model.
	if len([]rune(f.Q)) > 200 {
		return refuse(http.StatusUnprocessableEntity, "q: the search is longer than 200 characters")
	}
	if len(cursor) > 4096 {
		return refuse(http.StatusBadRequest, "cursor: malformed; use the page links, unchanged")
	}
	req := query.Request{Type: t, Q: f.Q, Sort: f.Sort, Cursor: cursor, Limit: limit, Filter: query.Filter{
		Country: f.Country, Network: f.Network, Category: f.Category, Scope: f.Scope, Status: f.Status}}
	if req.Sort == "" && f.Q == "" && cursor == "" {
		req.Sort = SortOptions[t][0]
	}
	switch f.Featured {
	case "":
	case "true", "false":
		b := f.Featured == "true"
		req.Filter.Featured = &b
	default:
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("featured: %q is neither true nor false", f.Featured))
	}
	page, err := v.List(req)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			status := http.StatusUnprocessableEntity
			if qe.Kind == query.Malformed {
				status = http.StatusBadRequest
			}
			return refuse(status, qe.Message)
		}
		return refuse(http.StatusInternalServerError, "the list could not be made")
	}
	l.IDs, l.Total, l.Next, l.Prev = page.IDs, page.Total, page.Next, page.Prev
	return l
}
