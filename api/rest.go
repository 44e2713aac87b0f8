package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/apidocs"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/publish"
	"github.com/moving-cities/opendata/query"
)

// registerREST adds the REST collections (issue 5): list and get
// operations per entity type, a network's members, the Wikidata look-up,
// the reference at /docs and problem answers for unknown routes.
func registerREST(api huma.API, router chi.Router, s *Server) {
	describeAPI(api.OpenAPI())

	huma.Register(api, listOp[Municipality](api, "list-municipalities", "/municipalities", "Municipalities", "List municipalities",
		"Lists the municipalities, filtered, searched by name in any language and sorted, one page at a time. "+
			"Follow the `next` link (in the body and the `Link` header) to walk every page."), s.listMunicipalities)

	huma.Register(api, listOp[Country](api, "list-countries", "/countries", "Countries", "List countries",
		"Lists the countries of the listed municipalities, identified by their ISO 3166-1 alpha-2 codes."), s.listCountries)

	huma.Register(api, listOp[Network](api, "list-networks", "/networks", "Networks", "List networks",
		"Lists the city networks and programmes that municipalities join."), s.listNetworks)
	huma.Register(api, listOp[NetworkMember](api, "list-network-members", "/networks/{id}/members", "Networks", "List a network's members",
		"Lists the memberships of one network, each with its member municipality in short: who joined, since and until when, on what source."), s.listNetworkMembers)

	huma.Register(api, listOp[Membership](api, "list-memberships", "/memberships", "Memberships", "List memberships",
		"Lists memberships: a municipality in a network over a period, with its source. Dates have the precision the sources give (year, month or day)."), s.listMemberships)

	huma.Register(api, listOp[Approach](api, "list-approaches", "/approaches", "Approaches", "List approaches",
		"Lists the local approaches (policies and practices) municipalities implemented."), s.listApproaches)

	huma.Register(api, listOp[Category](api, "list-categories", "/categories", "Categories", "List categories",
		"Lists the categories approaches are filed under (a SKOS concept scheme)."), s.listCategories)

	huma.Register(api, huma.Operation{
		OperationID: "get-wikidata-entity",
		Method:      http.MethodGet,
		Path:        "/wikidata/{qid}",
		Summary:     "Find an entity by Wikidata QID",
		Description: "Answers `303 See Other` to the document of the municipality, network or country whose confirmed Wikidata item is `qid` " +
			"(looked up in that order). Unknown QIDs answer 404; malformed ones 400.",
		Tags:                         []string{"Wikidata"},
		DefaultStatus:                http.StatusSeeOther,
		Errors:                       []int{http.StatusBadRequest, http.StatusNotFound, http.StatusTooManyRequests},
		RejectUnknownQueryParameters: true,
	}, s.findByWikidata)

	docs := sync.OnceValues(func() (*rendered, error) {
		b, err := apidocs.Render(api.OpenAPI())
		if err != nil {
			return nil, err
		}
		return newRendered(s.gzBest, b, htmlFormat.ContentType, time.Time{}), nil
	})
	router.Get("/docs", func(w http.ResponseWriter, r *http.Request) {
		rep, err := docs()
		if err != nil {
			s.log.ErrorContext(r.Context(), "render API reference", "err", err)
			problem(w, http.StatusInternalServerError, "the API reference could not be rendered; the error was logged", nil)
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		rep.serve(w, r, http.StatusOK, maxAge5m)
	})
	route{id: "get-api-reference", method: http.MethodGet, path: "/docs", tag: "Meta", summary: "The API reference",
		desc: "This document as a page for people, rendered by the service itself.",
		ok:   map[string]*huma.MediaType{"text/html": {Schema: stringSchema}}}.describe(api)
	router.NotFound(func(w http.ResponseWriter, r *http.Request) {
		// A browser gets a page, programs a problem document.
		if mt, ok := exporters.Negotiate(r.Header.Get("Accept"), []string{"application/problem+json", "application/json", "text/html"}); ok && mt == "text/html" {
			w.Header().Add("Vary", "Accept")
			s.pageError(w, r, s.pages.Error(w, r, http.StatusNotFound, "Nothing is published at this address."))
			return
		}
		problem(w, http.StatusNotFound, fmt.Sprintf("nothing is published at %s; the API reference is at /docs", r.URL.Path), nil)
	})
	router.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		problem(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s; the API is read-only (GET, HEAD, OPTIONS)", r.Method, r.URL.Path), nil)
	})
}

// describeAPI adds the document-level parts of the OpenAPI description
// that belong to the REST operations.
func describeAPI(o *huma.OpenAPI) {
	tags := []*huma.Tag{
		{Name: "Municipalities", Description: "Local authorities listed for their solidarity-based migration policy."},
		{Name: "Countries", Description: "States the municipalities are in, by ISO 3166-1 alpha-2 code."},
		{Name: "Networks", Description: "City networks and programmes, and their members."},
		{Name: "Memberships", Description: "A municipality's membership in a network over a period, with its source."},
		{Name: "Approaches", Description: "Local policies and practices municipalities implemented."},
		{Name: "Categories", Description: "Themes approaches are filed under."},
		{Name: "Wikidata", Description: "Look-ups by Wikidata QID."},
	}
	for _, t := range tags {
		if !slices.ContainsFunc(o.Tags, func(x *huma.Tag) bool { return x.Name == t.Name }) {
			o.Tags = append(o.Tags, t)
		}
	}
	// The API is served wherever this document is, without authentication.
	if len(o.Servers) == 0 {
		o.Servers = []*huma.Server{{URL: "/", Description: "The service that serves this document"}}
	}
	if len(o.Security) == 0 {
		o.Security = []map[string][]string{{}}
	}
	if o.Info != nil && !strings.Contains(o.Info.Description, "## Conventions") {
		o.Info.Description += "\n\n## Conventions\n\n" + conventions
	}
}

const conventions = `- **JSON-LD.** Every JSON answer links its JSON-LD context in a ` + "`Link`" + ` header (` +
	"`rel=\"http://www.w3.org/ns/json-ld#context\"`" + `), so it reads as linked data as is. ` +
	"`id`" + ` is the plain identifier used in references; ` + "`iri`" + ` is the entity's IRI (` + "`@id`" + `); ` +
	"`type`" + ` its class (` + "`@type`" + `).
- **Pagination.** Lists answer one page (` + "`limit`" + `, default 50, at most 1000) with the ` + "`total`" + ` count, ` +
	"`next`" + ` and ` + "`prev`" + ` URLs and the same links in the ` + "`Link`" + ` header. Cursors are opaque keyset positions: ` +
	`walking the pages returns every record once even while the data changes.
- **Search.** ` + "`q`" + ` matches the start of any word of any name or alias in any language, ignoring case and diacritics, ` +
	`in the name's own script or transliterated (` + "`munchen`" + `, ` + "`Munich`" + ` and ` + "`München`" + ` all find Munich; ` +
	"`Αθήνα`" + ` and ` + "`athina`" + ` find Athens).
- **Linked data.** ` + "`GET /{collection}/{id}`" + ` is the entity's document: this JSON by default, and by ` + "`Accept`" + ` (q-values honoured, ` +
	"`Vary: Accept`" + `) or by suffix the same graph as JSON-LD (` + "`.jsonld`" + `: this JSON with its ` + "`@context`" + `, a municipality's memberships and approaches ` +
	`and the document's metadata), Turtle (` + "`.ttl`" + `), RDF/XML (` + "`.rdf`" + `), N-Triples (` + "`.nt`" + `) or an HTML page (` + "`.html`" + `); ` +
	"`.json`" + ` names this JSON. Entity IRIs ` + "`/id/{type}/{id}`" + ` answer ` + "`303 See Other`" + ` to their document; ` +
	"`/dataset`" + ` streams the whole dataset as one graph (Turtle, N-Triples, JSON-LD). Documents have strong ETags (` + "`If-None-Match`" + ` → 304). ` +
	`A renamed ID answers 301 to its successor; a removed one 410 with its tombstone.
- **Errors.** Every error is an RFC 9457 ` + "`application/problem+json`" + ` document. Unknown query parameters and bad values are rejected, never ignored.
- **Limits.** Clients are rate-limited per address, with a larger budget of its own for ` + "`/fragments`" + ` (SPARQL clients send many small requests); beyond a limit the API answers 429 with ` + "`Retry-After`" + `.`

// listOp and getOp are the shared shape of list and get operations. A
// list answers a List[T], which listOp declares, as the handler writes
// the body itself.
func listOp[T any](api huma.API, id, path, tag, summary, desc string) huma.Operation {
	schema := api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[List[T]](), true, "")
	return huma.Operation{
		OperationID: id, Method: http.MethodGet, Path: path, Summary: summary, Description: desc, Tags: []string{tag},
		Errors: []int{http.StatusBadRequest, http.StatusUnprocessableEntity, http.StatusTooManyRequests, http.StatusServiceUnavailable},
		Responses: map[string]*huma.Response{"200": {
			Description: "A page of the list",
			Content:     map[string]*huma.MediaType{"application/json": {Schema: schema}},
		}},
		RejectUnknownQueryParameters: true,
	}
}

// PageParams are the paging parameters of every list.
type PageParams struct {
	Limit  int    `query:"limit" default:"50" minimum:"1" maximum:"1000" doc:"Largest number of records to return in one page" example:"50"`
	Cursor string `query:"cursor" maxLength:"4096" doc:"Opaque position taken from the next or prev link of a previous answer; omit it for the first page" example:"eyJsIjoiL211bmljaXBhbGl0aWVzIiwicyI6ImlkIiwiayI6ImJlcmxpbiIsImkiOiJiZXJsaW4ifQ"`

	query url.Values // the request's query, for the links to other pages
}

// Resolve keeps the request's query for the page links.
func (p *PageParams) Resolve(ctx huma.Context) []error {
	u := ctx.URL()
	p.query = u.Query()
	return nil
}

// Flag is an optional boolean query parameter: absent, true or false.
type Flag struct {
	Value bool
	IsSet bool
}

// Schema describes a Flag as a boolean.
func (Flag) Schema(huma.Registry) *huma.Schema { return &huma.Schema{Type: huma.TypeBoolean} }

// Receiver lets Huma parse the boolean into the Flag.
func (f *Flag) Receiver() reflect.Value { return reflect.ValueOf(f).Elem().Field(0) }

// OnParamSet records whether the parameter was given.
func (f *Flag) OnParamSet(isSet bool, _ any) { f.IsSet = isSet }

// Outputs. Every JSON answer carries the JSON-LD context link.

// ListOutput is a page of a collection: a List of the collection's type,
// assembled from the records' JSON (see list). listOp declares its schema.
type ListOutput struct {
	ContentType string   `header:"Content-Type" hidden:"true"`
	Link        []string `header:"Link" doc:"Links to the next, previous and first pages (rel next, prev, first) and to the JSON-LD context"`
	Body        []byte
}

// FindByWikidataOutput redirects to the entity's document.
type FindByWikidataOutput struct {
	Location string `header:"Location" doc:"URL of the entity's document"`
}

// Inputs.

// ListMunicipalitiesInput filters, searches and sorts municipalities.
type ListMunicipalitiesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search of names and texts. Names and aliases, in every language and script, match by the start of any word, ignoring case and diacritics. The summary and the titles and notes of sources match by whole words in all seven platform languages, stemmed per language (deportations finds deportation) and ignoring case and diacritics. Every word must match. Name matches rank first (sort=relevance, the default with q), then text matches by score. Right after start-up, until the process has built its full-text index (about a second for the seed data, tens of seconds at 100,000 municipalities), q searches names only." example:"munchen"`
	Country       string    `query:"country" maxLength:"100" doc:"Only municipalities in this country: ISO 3166-1 alpha-2 code in any case, a name in any of our languages, or its Wikidata item" example:"DE"`
	Network       string    `query:"network" maxLength:"200" doc:"Only members, past or present, of this network (ID)" example:"solidarity-cities"`
	Category      string    `query:"category" maxLength:"200" doc:"Only municipalities with an approach in this category (ID)" example:"reception"`
	Featured      Flag      `query:"featured" doc:"Only featured (true) or only other (false) municipalities" example:"true"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only municipalities with (true) or without (false) a confirmed Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the municipality whose confirmed Wikidata item is this QID" example:"Q64"`
	BBox          string    `query:"bbox" maxLength:"100" doc:"Only municipalities within this WGS84 box: west,south,east,north in decimal degrees (west > east crosses the antimeridian)" example:"5.9,47.3,15.0,55.1"`
	Status        string    `query:"status" enum:"active,withdrawn,unknown" doc:"Only municipalities with this status" example:"active"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,country,-country,population,-population,created,-created,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"name"`
	PageParams
}

// ListCountriesInput filters, searches and sorts countries.
type ListCountriesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Name search in every language and script: matches the start of any word of any name, ignoring case and diacritics (countries have no other texts)" example:"deutsch"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only countries with (true) or without (false) a Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the country whose Wikidata item is this QID" example:"Q183"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise." example:"name"`
	PageParams
}

// ListNetworksInput filters, searches and sorts networks.
type ListNetworksInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search of names and texts. Names and aliases, in every language and script, match by the start of any word, ignoring case and diacritics. The description and the titles and notes of sources match by whole words in all seven platform languages, stemmed per language and ignoring case and diacritics. Every word must match. Name matches rank first (sort=relevance, the default with q), then text matches by score. Right after start-up, until the process has built its full-text index (about a second for the seed data, tens of seconds at 100,000 municipalities), q searches names only." example:"safe harbours"`
	Country       string    `query:"country" maxLength:"100" doc:"Only networks working in this country (code, name or Wikidata item, as for municipalities)" example:"DE"`
	Scope         string    `query:"scope" enum:"national,european,international" doc:"Only networks of this reach" example:"european"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only networks with (true) or without (false) a Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the network whose Wikidata item is this QID (the seed data links none yet)" example:"Q1234567"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,founded,-founded,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"founded"`
	PageParams
}

// MembershipFilters are the filters of membership lists.
type MembershipFilters struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search by the member municipality's names, in every language and script, and by the title and note of the membership's source (whole words, ignoring case and diacritics). Every word must match. Name matches rank first (sort=relevance, the default with q), then text matches by score. Right after start-up, until the process has built its full-text index (about a second for the seed data, tens of seconds at 100,000 municipalities), q searches names only." example:"gdansk"`
	Municipality  string    `query:"municipality" maxLength:"200" doc:"Only memberships of this municipality (ID)" example:"munich"`
	Country       string    `query:"country" maxLength:"100" doc:"Only memberships of municipalities in this country (code, name or Wikidata item, as for municipalities)" example:"DE"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,since,-since,until,-until,modified,-modified,relevance" doc:"Sort order (name: the member's name); a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"since"`
}

// ListMembershipsInput filters and sorts memberships.
type ListMembershipsInput struct {
	Network string `query:"network" maxLength:"200" doc:"Only memberships in this network (ID)" example:"solidarity-cities"`
	MembershipFilters
	PageParams
}

// ListNetworkMembersInput filters and sorts one network's memberships.
type ListNetworkMembersInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the network" example:"solidarity-cities"`
	MembershipFilters
	PageParams
}

// ListApproachesInput filters, searches and sorts approaches.
type ListApproachesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search of titles and texts. Titles, in every language and script, match by the start of any word, ignoring case and diacritics. Titles, summaries, the labels of the approach's categories and the titles and notes of sources match by whole words in all seven platform languages, stemmed per language (deportations finds deportation) and ignoring case and diacritics. Every word must match. Name matches rank first (sort=relevance, the default with q), then text matches by score. Right after start-up, until the process has built its full-text index (about a second for the seed data, tens of seconds at 100,000 municipalities), q searches names only." example:"deportation"`
	Municipality  string    `query:"municipality" maxLength:"200" doc:"Only approaches of this municipality (ID)" example:"gdansk"`
	Country       string    `query:"country" maxLength:"100" doc:"Only approaches of municipalities in this country (code, name or Wikidata item, as for municipalities)" example:"IT"`
	Category      string    `query:"category" maxLength:"200" doc:"Only approaches filed under this category (ID)" example:"reception"`
	Status        string    `query:"status" enum:"active,ended,unknown" doc:"Only approaches with this status" example:"active"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,title,-title,year_started,-year_started,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"-year_started"`
	PageParams
}

// ListCategoriesInput searches and sorts categories.
type ListCategoriesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search of labels and texts. Labels in every language and former IDs match by the start of any word, ignoring case and diacritics. Labels, definitions and the titles and notes of sources match by whole words in all seven platform languages, stemmed per language and ignoring case and diacritics. Every word must match. Name matches rank first (sort=relevance, the default with q), then text matches by score. Right after start-up, until the process has built its full-text index (about a second for the seed data, tens of seconds at 100,000 municipalities), q searches names only." example:"reception"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,label,-label,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise." example:"label"`
	PageParams
}

// FindByWikidataInput names a Wikidata item.
type FindByWikidataInput struct {
	QID string `path:"qid" maxLength:"20" doc:"Wikidata item ID: Q followed by digits" example:"Q1726"`
}

// Handlers.

// state returns the State in force, or the 503 to answer before the
// first snapshot.
func (s *Server) state() (*publish.State, error) {
	st := s.states.Current()
	if st == nil {
		return nil, huma.Error503ServiceUnavailable("no dataset snapshot loaded yet; retry in a moment")
	}
	return st, nil
}

// contextLink is the Link header value that makes JSON answers JSON-LD.
func (s *Server) contextLink() string {
	return "<" + s.cfg.BaseURI + `/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`
}

func (f Flag) ptr() *bool {
	if !f.IsSet {
		return nil
	}
	return &f.Value
}

// itemCache holds, per snapshot and type, each record's JSON as its list
// item and document show it, encoded on first use.
type itemCache struct{ t dataset.Type }

// list answers a list operation: the page the read model selects,
// assembled from the records' JSON (encoded once per snapshot when cache
// is set: encoding/json would otherwise validate every byte again).
func list[T any](s *Server, req query.Request, p PageParams, cache bool, render func(snap *dataset.Snapshot, i int) T) (*ListOutput, error) {
	st, err := s.state()
	if err != nil {
		return nil, err
	}
	req.Cursor, req.Limit = p.Cursor, p.Limit
	page, err := st.View.List(req)
	if err != nil {
		return nil, queryError(err)
	}
	snap := st.Snapshot()
	var items []atomic.Pointer[[]byte]
	if cache {
		items, _ = query.Cached(st.View, itemCache{req.Type}, func() ([]atomic.Pointer[[]byte], error) {
			return make([]atomic.Pointer[[]byte], snapLen(snap, req.Type)), nil
		})
	}
	bodies := make([][]byte, len(page.Items))
	size := 0
	for j, i := range page.Items {
		if items != nil {
			if b := items[i].Load(); b != nil {
				bodies[j] = *b
			}
		}
		if bodies[j] == nil {
			if bodies[j], err = encodeJSON(render(snap, i)); err != nil {
				return nil, fmt.Errorf("encode %s %s: %w", req.Type, page.IDs[j], err)
			}
			if items != nil {
				items[i].Store(&bodies[j])
			}
		}
		size += len(bodies[j]) + 1
	}
	path := "/" + req.Type.Plural()
	if req.Of != "" {
		path = "/networks/" + url.PathEscape(req.Of) + "/members"
	}
	link := func(cur string) string {
		q := url.Values{}
		for k, v := range p.query {
			if k != "cursor" {
				q[k] = v
			}
		}
		if cur != "" {
			q.Set("cursor", cur)
		}
		u := s.cfg.BaseURI + path
		if enc := q.Encode(); enc != "" {
			u += "?" + enc
		}
		return u
	}
	out := &ListOutput{ContentType: "application/json"}
	var next, prev string
	if page.Next != "" {
		next = link(page.Next)
		out.Link = append(out.Link, "<"+next+`>; rel="next"`)
	}
	if page.Prev != "" {
		prev = link(page.Prev)
		out.Link = append(out.Link, "<"+prev+`>; rel="prev"`)
	}
	out.Link = append(out.Link, "<"+link("")+`>; rel="first"`, s.contextLink())

	// The fields of List, in its order.
	b := bytes.NewBuffer(make([]byte, 0, size+len(next)+len(prev)+64))
	b.WriteString(`{"items":[`)
	for j, it := range bodies {
		if j > 0 {
			b.WriteByte(',')
		}
		b.Write(it)
	}
	fmt.Fprintf(b, `],"total":%d,"limit":%d`, page.Total, p.Limit)
	for _, l := range []struct{ name, url string }{{"next", next}, {"prev", prev}} {
		if l.url != "" {
			u, _ := encodeJSON(l.url)
			fmt.Fprintf(b, `,%q:%s`, l.name, u)
		}
	}
	b.WriteString("}\n")
	out.Body = b.Bytes()
	return out, nil
}

// queryError is the problem of a request the read model refused.
func queryError(err error) error {
	var qe *query.Error
	if !errors.As(err, &qe) {
		return err
	}
	status := http.StatusUnprocessableEntity
	if qe.Kind == query.Malformed {
		status = http.StatusBadRequest
	}
	return huma.NewError(status, qe.Message, &huma.ErrorDetail{Location: "query." + qe.Param, Value: qe.Value, Message: qe.Message})
}

// encodeJSON encodes v as Huma encodes bodies: without HTML escaping.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func (s *Server) listMunicipalities(_ context.Context, in *ListMunicipalitiesInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeMunicipality, Q: in.Q, Sort: in.Sort, Filter: query.Filter{
		Country: in.Country, Network: in.Network, Category: in.Category, Featured: in.Featured.ptr(),
		HasWikidata: in.HasWikidata.ptr(), Wikidata: in.Wikidata, BBox: in.BBox, Status: in.Status, ModifiedSince: in.ModifiedSince,
	}}, in.PageParams, true, func(snap *dataset.Snapshot, i int) Municipality { return s.municipality(snap.Municipalities[i]) })
}

func (s *Server) listCountries(_ context.Context, in *ListCountriesInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeCountry, Q: in.Q, Sort: in.Sort, Filter: query.Filter{
		HasWikidata: in.HasWikidata.ptr(), Wikidata: in.Wikidata, ModifiedSince: in.ModifiedSince,
	}}, in.PageParams, true, func(snap *dataset.Snapshot, i int) Country { return s.country(snap.Countries[i]) })
}

func (s *Server) listNetworks(_ context.Context, in *ListNetworksInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeNetwork, Q: in.Q, Sort: in.Sort, Filter: query.Filter{
		Country: in.Country, Scope: in.Scope, HasWikidata: in.HasWikidata.ptr(), Wikidata: in.Wikidata, ModifiedSince: in.ModifiedSince,
	}}, in.PageParams, true, func(snap *dataset.Snapshot, i int) Network { return s.network(snap.Networks[i]) })
}

func (in *MembershipFilters) filter(network string) query.Filter {
	return query.Filter{Network: network, Municipality: in.Municipality, Country: in.Country, ModifiedSince: in.ModifiedSince}
}

func (s *Server) listMemberships(_ context.Context, in *ListMembershipsInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeMembership, Q: in.Q, Sort: in.Sort, Filter: in.filter(in.Network)},
		in.PageParams, true, func(snap *dataset.Snapshot, i int) Membership { return s.membership(snap.Memberships[i]) })
}

func (s *Server) listNetworkMembers(_ context.Context, in *ListNetworkMembersInput) (*ListOutput, error) {
	st, err := s.state()
	if err != nil {
		return nil, err
	}
	if _, ok := st.Snapshot().Network(in.ID); !ok {
		return nil, s.missing(st.Snapshot(), dataset.TypeNetwork, in.ID)
	}
	return list(s, query.Request{Type: dataset.TypeMembership, Of: in.ID, Q: in.Q, Sort: in.Sort, Filter: in.filter("")},
		in.PageParams, false, func(snap *dataset.Snapshot, i int) NetworkMember { return s.member(snap, snap.Memberships[i]) })
}

func (s *Server) listApproaches(_ context.Context, in *ListApproachesInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeApproach, Q: in.Q, Sort: in.Sort, Filter: query.Filter{
		Municipality: in.Municipality, Country: in.Country, Category: in.Category, Status: in.Status, ModifiedSince: in.ModifiedSince,
	}}, in.PageParams, true, func(snap *dataset.Snapshot, i int) Approach { return s.approach(snap.Approaches[i]) })
}

func (s *Server) listCategories(_ context.Context, in *ListCategoriesInput) (*ListOutput, error) {
	return list(s, query.Request{Type: dataset.TypeCategory, Q: in.Q, Sort: in.Sort, Filter: query.Filter{ModifiedSince: in.ModifiedSince}},
		in.PageParams, true, func(snap *dataset.Snapshot, i int) Category { return s.category(snap.Categories[i]) })
}

// missing explains why entity t/id is not served: renamed (301 to the
// current ID), removed (410) or never published (404).
func (s *Server) missing(snap *dataset.Snapshot, t dataset.Type, id string) error {
	if to, msg, ok := redirect(snap, t, id); ok {
		return huma.ErrorWithHeaders(
			huma.NewError(http.StatusMovedPermanently, msg),
			http.Header{"Location": {s.docURL(t, to)}})
	}
	if r, _, ok := snap.Retirement(t, id); ok {
		return huma.Error410Gone(goneMessage(r))
	}
	return huma.Error404NotFound(fmt.Sprintf("no %s has the ID %q", t, id))
}

// goneMessage says that a record was retired, when and why.
func goneMessage(r *dataset.Retired) string {
	msg := fmt.Sprintf("%s %q was retired", r.Type, r.ID)
	if !r.Retired.IsZero() {
		msg += " on " + r.Retired.UTC().Format(time.DateOnly)
	}
	if r.Reason != "" {
		msg += ": " + r.Reason
	}
	return msg
}

// redirect says where a former ID of t now lives, and why: a renamed or
// merged entity (through chains of renames), or a category's former ID.
func redirect(snap *dataset.Snapshot, t dataset.Type, id string) (to, msg string, ok bool) {
	if t == dataset.TypeCategory {
		if c, ok := snap.CategoryByAlias(id); ok {
			return c.ID, fmt.Sprintf("%q is a former ID of category %q", id, c.ID), true
		}
	}
	if _, current, ok := snap.Retirement(t, id); ok && current != "" {
		return current, fmt.Sprintf("%s %q is now %q", t, id, current), true
	}
	// The platform's slug of a record whose ID differs (kept by the CMS
	// sync as an alias), so that the platform's addresses find ours.
	// A tombstone of the ID wins: IDs are never reused.
	if _, _, retired := snap.Retirement(t, id); retired {
		return "", "", false
	}
	if to, ok := snap.BySlugAlias(t, id); ok {
		return to, fmt.Sprintf("%q is the platform's slug of %s %q", id, t, to), true
	}
	return "", "", false
}

var qidPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)

func (s *Server) findByWikidata(_ context.Context, in *FindByWikidataInput) (*FindByWikidataOutput, error) {
	if !qidPattern.MatchString(in.QID) {
		return nil, huma.Error400BadRequest(fmt.Sprintf("%q is not a Wikidata item ID: expected Q followed by digits, as in Q1726", in.QID),
			&huma.ErrorDetail{Location: "path.qid", Value: in.QID, Message: "expected Q followed by digits"})
	}
	st, err := s.state()
	if err != nil {
		return nil, err
	}
	t, id, ok := st.View.ByWikidata(in.QID)
	if !ok {
		return nil, huma.Error404NotFound(fmt.Sprintf("no municipality, network or country is linked to Wikidata item %s", in.QID))
	}
	return &FindByWikidataOutput{Location: s.docURL(t, id)}, nil
}
