package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
)

// registerREST adds the REST collections (issue 5): list and get
// operations per entity type, a network's members, the Wikidata look-up,
// the reference at /docs and problem answers for unknown routes.
func registerREST(api huma.API, router chi.Router, s *Server) {
	describeAPI(api.OpenAPI())

	huma.Register(api, listOp[Municipality](api, "list-municipalities", "/municipalities", "Municipalities", "List municipalities",
		"Lists the municipalities, filtered, searched by name in any language and sorted, one page at a time. "+
			"Follow the `next` link (in the body and the `Link` header) to walk every page."), s.listMunicipalities)
	huma.Register(api, getOp("get-municipality", "/municipalities/{id}", "Municipalities", "Get a municipality",
		"Returns one municipality by its ID. A renamed ID answers 301 to the new one; a removed ID answers 410 Gone."), s.getMunicipality)

	huma.Register(api, listOp[Country](api, "list-countries", "/countries", "Countries", "List countries",
		"Lists the countries of the listed municipalities, identified by their ISO 3166-1 alpha-2 codes."), s.listCountries)
	huma.Register(api, getOp("get-country", "/countries/{id}", "Countries", "Get a country",
		"Returns one country by its ISO 3166-1 alpha-2 code (upper case)."), s.getCountry)

	huma.Register(api, listOp[Network](api, "list-networks", "/networks", "Networks", "List networks",
		"Lists the city networks and programmes that municipalities join."), s.listNetworks)
	huma.Register(api, getOp("get-network", "/networks/{id}", "Networks", "Get a network",
		"Returns one network by its ID. Its members are listed by `GET /networks/{id}/members`."), s.getNetwork)
	huma.Register(api, listOp[NetworkMember](api, "list-network-members", "/networks/{id}/members", "Networks", "List a network's members",
		"Lists the memberships of one network, each with its member municipality in short: who joined, since and until when, on what source."), s.listNetworkMembers)

	huma.Register(api, listOp[Membership](api, "list-memberships", "/memberships", "Memberships", "List memberships",
		"Lists memberships: a municipality in a network over a period, with its source. Dates have the precision the sources give (year, month or day)."), s.listMemberships)
	huma.Register(api, getOp("get-membership", "/memberships/{id}", "Memberships", "Get a membership",
		"Returns one membership by its ID."), s.getMembership)

	huma.Register(api, listOp[Approach](api, "list-approaches", "/approaches", "Approaches", "List approaches",
		"Lists the local approaches (policies and practices) municipalities implemented."), s.listApproaches)
	huma.Register(api, getOp("get-approach", "/approaches/{id}", "Approaches", "Get an approach",
		"Returns one approach by its ID."), s.getApproach)

	huma.Register(api, listOp[Category](api, "list-categories", "/categories", "Categories", "List categories",
		"Lists the categories approaches are filed under (a SKOS concept scheme)."), s.listCategories)
	huma.Register(api, getOp("get-category", "/categories/{id}", "Categories", "Get a category",
		"Returns one category by its ID. A former ID of the category answers 301 to the current one."), s.getCategory)

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

	router.Get("/docs", s.serveDocs(api))
	router.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, fmt.Sprintf("nothing is published at %s; the API reference is at /docs", r.URL.Path))
	})
	router.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s; the API is read-only (GET, HEAD, OPTIONS)", r.Method, r.URL.Path))
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
- **Limits.** Clients are rate-limited per address; beyond the limit the API answers 429 with ` + "`Retry-After`" + `.`

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

func getOp(id, path, tag, summary, desc string) huma.Operation {
	return huma.Operation{
		OperationID: id, Method: http.MethodGet, Path: path, Summary: summary, Description: desc, Tags: []string{tag},
		Errors: []int{http.StatusMovedPermanently, http.StatusNotFound, http.StatusGone, http.StatusTooManyRequests,
			http.StatusServiceUnavailable},
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

// GetOutput is a single entity.
type GetOutput[T any] struct {
	Link []string `header:"Link" doc:"Link to the JSON-LD context (rel http://www.w3.org/ns/json-ld#context)"`
	Body T
}

type (
	ListMunicipalitiesOutput = ListOutput
	GetMunicipalityOutput    = GetOutput[Municipality]
	ListCountriesOutput      = ListOutput
	GetCountryOutput         = GetOutput[Country]
	ListNetworksOutput       = ListOutput
	GetNetworkOutput         = GetOutput[Network]
	ListNetworkMembersOutput = ListOutput
	ListMembershipsOutput    = ListOutput
	GetMembershipOutput      = GetOutput[Membership]
	ListApproachesOutput     = ListOutput
	GetApproachOutput        = GetOutput[Approach]
	ListCategoriesOutput     = ListOutput
	GetCategoryOutput        = GetOutput[Category]
)

// FindByWikidataOutput redirects to the entity's document.
type FindByWikidataOutput struct {
	Location string `header:"Location" doc:"URL of the entity's document"`
}

// Inputs.

// GetMunicipalityInput names a municipality.
type GetMunicipalityInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the municipality" example:"munich"`
}

// GetCountryInput names a country.
type GetCountryInput struct {
	ID string `path:"id" maxLength:"200" doc:"ISO 3166-1 alpha-2 code of the country, upper case" example:"DE"`
}

// GetNetworkInput names a network.
type GetNetworkInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the network" example:"solidarity-cities"`
}

// GetMembershipInput names a membership.
type GetMembershipInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the membership" example:"munich-solidarity-cities"`
}

// GetApproachInput names an approach.
type GetApproachInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the approach" example:"city-id-card"`
}

// GetCategoryInput names a category.
type GetCategoryInput struct {
	ID string `path:"id" maxLength:"200" doc:"Identifier of the category, or a former one" example:"reception"`
}

// ListMunicipalitiesInput filters, searches and sorts municipalities.
type ListMunicipalitiesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Name search in every language and script: matches the start of any word of any name or alias, ignoring case and diacritics" example:"munchen"`
	Country       string    `query:"country" pattern:"^[A-Z]{2}$" doc:"Only municipalities in this country (ISO 3166-1 alpha-2)" example:"DE"`
	Network       string    `query:"network" maxLength:"200" doc:"Only members, past or present, of this network (ID)" example:"solidarity-cities"`
	Category      string    `query:"category" maxLength:"200" doc:"Only municipalities with an approach in this category (ID)" example:"reception"`
	Featured      Flag      `query:"featured" doc:"Only featured (true) or only other (false) municipalities" example:"true"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only municipalities with (true) or without (false) a confirmed Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the municipality whose confirmed Wikidata item is this QID" example:"Q64"`
	BBox          string    `query:"bbox" maxLength:"100" doc:"Only municipalities within this WGS84 box: west,south,east,north in decimal degrees (west > east crosses the antimeridian)" example:"5.9,47.3,15.0,55.1"`
	Status        string    `query:"status" enum:"active,withdrawn" doc:"Only municipalities with this status" example:"active"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,country,-country,population,-population,created,-created,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"name"`
	PageParams
}

// ListCountriesInput filters, searches and sorts countries.
type ListCountriesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Name search in every language and script" example:"deutsch"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only countries with (true) or without (false) a Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the country whose Wikidata item is this QID" example:"Q183"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise." example:"name"`
	PageParams
}

// ListNetworksInput filters, searches and sorts networks.
type ListNetworksInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Name search in every language and script, aliases included" example:"safe harbours"`
	Country       string    `query:"country" pattern:"^[A-Z]{2}$" doc:"Only networks working in this country (ISO 3166-1 alpha-2)" example:"DE"`
	Scope         string    `query:"scope" enum:"national,european,international" doc:"Only networks of this reach" example:"european"`
	HasWikidata   Flag      `query:"has_wikidata" doc:"Only networks with (true) or without (false) a Wikidata item" example:"true"`
	Wikidata      string    `query:"wikidata" pattern:"^Q[1-9][0-9]*$" doc:"Only the network whose Wikidata item is this QID (the seed data links none yet)" example:"Q1234567"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,name,-name,founded,-founded,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"founded"`
	PageParams
}

// MembershipFilters are the filters of membership lists.
type MembershipFilters struct {
	Q             string    `query:"q" maxLength:"200" doc:"Search by the member municipality's names, in every language and script" example:"gdansk"`
	Municipality  string    `query:"municipality" maxLength:"200" doc:"Only memberships of this municipality (ID)" example:"munich"`
	Country       string    `query:"country" pattern:"^[A-Z]{2}$" doc:"Only memberships of municipalities in this country (ISO 3166-1 alpha-2)" example:"DE"`
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
	Q             string    `query:"q" maxLength:"200" doc:"Title search in every language and script" example:"council"`
	Municipality  string    `query:"municipality" maxLength:"200" doc:"Only approaches of this municipality (ID)" example:"gdansk"`
	Country       string    `query:"country" pattern:"^[A-Z]{2}$" doc:"Only approaches of municipalities in this country (ISO 3166-1 alpha-2)" example:"IT"`
	Category      string    `query:"category" maxLength:"200" doc:"Only approaches filed under this category (ID)" example:"reception"`
	Status        string    `query:"status" enum:"active,ended,unknown" doc:"Only approaches with this status" example:"active"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,title,-title,year_started,-year_started,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise. Missing values sort last." example:"-year_started"`
	PageParams
}

// ListCategoriesInput searches and sorts categories.
type ListCategoriesInput struct {
	Q             string    `query:"q" maxLength:"200" doc:"Label search in every language, former IDs included" example:"reception"`
	ModifiedSince time.Time `query:"modified_since" doc:"Only records modified at or after this time (RFC 3339)" example:"2025-01-01T00:00:00Z"`
	Sort          string    `query:"sort" enum:"id,-id,label,-label,modified,-modified,relevance" doc:"Sort order; a leading - reverses it. Default: relevance with q, id otherwise." example:"label"`
	PageParams
}

// FindByWikidataInput names a Wikidata item.
type FindByWikidataInput struct {
	QID string `path:"qid" maxLength:"20" doc:"Wikidata item ID: Q followed by digits" example:"Q1726"`
}

// Handlers.

// current returns the snapshot in force and its index.
func (s *Server) current() (*dataset.Snapshot, *index, error) {
	snap := s.snaps.Load()
	if snap == nil {
		return nil, nil, huma.Error503ServiceUnavailable("no dataset snapshot loaded yet; retry in a moment")
	}
	return snap, indexOf(snap, s.cfg.BaseURI), nil
}

// contextLink is the Link header value that makes JSON answers JSON-LD.
func (s *Server) contextLink() string {
	return "<" + s.cfg.BaseURI + `/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`
}

func paramError(status int, param, value, msg string) error {
	return huma.NewError(status, msg, &huma.ErrorDetail{Location: "query." + param, Value: value, Message: msg})
}

// unknownRef rejects a filter naming a record that does not exist.
func unknownRef(param string, t dataset.Type, id string) error {
	return paramError(http.StatusUnprocessableEntity, param, id, fmt.Sprintf("%s: no %s has the ID %q", param, t, id))
}

func withinFlag(f *filter, flag Flag, has func(i int32) bool) {
	if flag.IsSet {
		want := flag.Value
		f.where(func(i int32) bool { return has(i) == want })
	}
}

// list runs a list request and renders its page. Items are encoded once
// per snapshot into cache (nil: not cached) and the page is assembled from
// their JSON: encoding/json would validate every byte of it again.
func list[T any](s *Server, c *collection, cache []atomic.Pointer[[]byte], f *filter, p PageParams, path, sort, q string, render func(i int32) T) (*ListOutput, error) {
	filters := url.Values{}
	for k, v := range p.query {
		if k != "cursor" && k != "limit" && k != "sort" {
			filters[k] = v
		}
	}
	key := path + "?" + filters.Encode()
	res, err := c.list(listRequest{path: path, key: key, sort: sort, q: q, cursor: p.Cursor, limit: p.Limit}, f)
	if err != nil {
		var bad *errBadList
		if errors.As(err, &bad) {
			value := p.Cursor
			switch bad.param {
			case "q":
				value = q
			case "sort":
				value = sort
			}
			return nil, paramError(bad.status, bad.param, value, bad.msg)
		}
		return nil, err
	}
	items := make([][]byte, len(res.items))
	size := 0
	for j, i := range res.items {
		if items[j], err = itemJSON(cache, i, render); err != nil {
			return nil, fmt.Errorf("encode %s item %s: %w", path, c.ids[i], err)
		}
		size += len(items[j]) + 1
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
	if res.hasNext {
		next = link(res.nextCursor(path))
		out.Link = append(out.Link, "<"+next+`>; rel="next"`)
	}
	if res.hasPrev {
		prev = link(res.prevCursor(path))
		out.Link = append(out.Link, "<"+prev+`>; rel="prev"`)
	}
	out.Link = append(out.Link, "<"+link("")+`>; rel="first"`, s.contextLink())

	// The fields of List, in its order.
	b := bytes.NewBuffer(make([]byte, 0, size+len(next)+len(prev)+64))
	b.WriteString(`{"items":[`)
	for j, it := range items {
		if j > 0 {
			b.WriteByte(',')
		}
		b.Write(it)
	}
	fmt.Fprintf(b, `],"total":%d,"limit":%d`, res.total, p.Limit)
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

func (s *Server) listMunicipalities(_ context.Context, in *ListMunicipalitiesInput) (*ListMunicipalitiesOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	mi := ix.municipalities()
	at := func(i int32) *dataset.Municipality { return snap.Municipalities[i] }
	var f filter
	if in.Country != "" {
		if _, ok := snap.Country(in.Country); !ok {
			return nil, unknownRef("country", dataset.TypeCountry, in.Country)
		}
		f.within(mi.byCountry[in.Country])
	}
	if in.Network != "" {
		if _, ok := snap.Network(in.Network); !ok {
			return nil, unknownRef("network", dataset.TypeNetwork, in.Network)
		}
		f.within(mi.byNetwork[in.Network])
	}
	if in.Category != "" {
		cat, err := categoryParam(snap, "category", in.Category)
		if err != nil {
			return nil, err
		}
		f.within(mi.byCategory[cat])
	}
	if in.Wikidata != "" {
		var hit []int32
		if m, ok := snap.MunicipalityByQID(in.Wikidata); ok {
			hit = []int32{mi.byID[m.ID]}
		}
		f.within(hit)
	}
	if in.BBox != "" {
		box, err := parseBBox(in.BBox)
		if err != nil {
			return nil, paramError(http.StatusUnprocessableEntity, "bbox", in.BBox, "bbox: "+err.Error())
		}
		f.where(func(i int32) bool { return mi.hasCoords[i] && box.contains(&mi.coords[i]) })
	}
	withinFlag(&f, in.Featured, func(i int32) bool { return mi.featured[i] })
	withinFlag(&f, in.HasWikidata, func(i int32) bool { return mi.hasQID[i] })
	if in.Status != "" {
		active := in.Status == string(dataset.StatusActive)
		f.where(func(i int32) bool { return mi.active[i] == active })
	}
	mi.modifiedSince(&f, in.ModifiedSince)
	return list(s, mi.collection, mi.encodedJSON, &f, in.PageParams, "/municipalities", in.Sort, in.Q,
		func(i int32) Municipality { return s.municipality(at(i)) })
}

func (s *Server) listCountries(_ context.Context, in *ListCountriesInput) (*ListCountriesOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	c := ix.countries()
	at := func(i int32) *dataset.Country { return snap.Countries[i] }
	var f filter
	if in.Wikidata != "" {
		f.where(func(i int32) bool { return at(i).Wikidata == in.Wikidata })
	}
	withinFlag(&f, in.HasWikidata, func(i int32) bool { return at(i).Wikidata != "" })
	c.modifiedSince(&f, in.ModifiedSince)
	return list(s, c, c.encodedJSON, &f, in.PageParams, "/countries", in.Sort, in.Q,
		func(i int32) Country { return s.country(at(i)) })
}

func (s *Server) listNetworks(_ context.Context, in *ListNetworksInput) (*ListNetworksOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	ni := ix.networks()
	at := func(i int32) *dataset.Network { return snap.Networks[i] }
	var f filter
	if in.Country != "" {
		if _, ok := snap.Country(in.Country); !ok {
			return nil, unknownRef("country", dataset.TypeCountry, in.Country)
		}
		f.within(ni.byCountry[in.Country])
	}
	if in.Scope != "" {
		f.where(func(i int32) bool { return string(at(i).Scope) == in.Scope })
	}
	if in.Wikidata != "" {
		f.where(func(i int32) bool { return at(i).Wikidata == in.Wikidata })
	}
	withinFlag(&f, in.HasWikidata, func(i int32) bool { return at(i).Wikidata != "" })
	ni.modifiedSince(&f, in.ModifiedSince)
	return list(s, ni.collection, ni.encodedJSON, &f, in.PageParams, "/networks", in.Sort, in.Q,
		func(i int32) Network { return s.network(at(i)) })
}

// membershipFilter applies the filters memberships and members share.
func membershipFilter(snap *dataset.Snapshot, mi *membIndex, in *MembershipFilters, f *filter) error {
	if in.Municipality != "" {
		if _, ok := snap.Municipality(in.Municipality); !ok {
			return unknownRef("municipality", dataset.TypeMunicipality, in.Municipality)
		}
		f.within(mi.byMunicipality[in.Municipality])
	}
	if in.Country != "" {
		if _, ok := snap.Country(in.Country); !ok {
			return unknownRef("country", dataset.TypeCountry, in.Country)
		}
		f.within(mi.byCountry[in.Country])
	}
	mi.modifiedSince(f, in.ModifiedSince)
	return nil
}

func (s *Server) listMemberships(_ context.Context, in *ListMembershipsInput) (*ListMembershipsOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	mi := ix.memberships()
	var f filter
	if in.Network != "" {
		if _, ok := snap.Network(in.Network); !ok {
			return nil, unknownRef("network", dataset.TypeNetwork, in.Network)
		}
		f.within(mi.byNetwork[in.Network])
	}
	if err := membershipFilter(snap, mi, &in.MembershipFilters, &f); err != nil {
		return nil, err
	}
	return list(s, mi.collection, mi.encodedJSON, &f, in.PageParams, "/memberships", in.Sort, in.Q,
		func(i int32) Membership { return s.membership(snap.Memberships[i]) })
}

func (s *Server) listNetworkMembers(_ context.Context, in *ListNetworkMembersInput) (*ListNetworkMembersOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	if _, ok := snap.Network(in.ID); !ok {
		return nil, s.missing(snap, dataset.TypeNetwork, in.ID)
	}
	mi := ix.memberships()
	var f filter
	f.within(mi.byNetwork[in.ID])
	if err := membershipFilter(snap, mi, &in.MembershipFilters, &f); err != nil {
		return nil, err
	}
	return list(s, mi.collection, nil, &f, in.PageParams, "/networks/"+url.PathEscape(in.ID)+"/members", in.Sort, in.Q,
		func(i int32) NetworkMember { return s.member(snap, snap.Memberships[i]) })
}

func (s *Server) listApproaches(_ context.Context, in *ListApproachesInput) (*ListApproachesOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	ai := ix.approaches()
	at := func(i int32) *dataset.Approach { return snap.Approaches[i] }
	var f filter
	if in.Municipality != "" {
		if _, ok := snap.Municipality(in.Municipality); !ok {
			return nil, unknownRef("municipality", dataset.TypeMunicipality, in.Municipality)
		}
		f.within(ai.byMunicipality[in.Municipality])
	}
	if in.Country != "" {
		if _, ok := snap.Country(in.Country); !ok {
			return nil, unknownRef("country", dataset.TypeCountry, in.Country)
		}
		f.within(ai.byCountry[in.Country])
	}
	if in.Category != "" {
		cat, err := categoryParam(snap, "category", in.Category)
		if err != nil {
			return nil, err
		}
		f.within(ai.byCategory[cat])
	}
	if in.Status != "" {
		f.where(func(i int32) bool { return string(at(i).Status) == in.Status })
	}
	ai.modifiedSince(&f, in.ModifiedSince)
	return list(s, ai.collection, ai.encodedJSON, &f, in.PageParams, "/approaches", in.Sort, in.Q,
		func(i int32) Approach { return s.approach(at(i)) })
}

func (s *Server) listCategories(_ context.Context, in *ListCategoriesInput) (*ListCategoriesOutput, error) {
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	at := func(i int32) *dataset.Category { return snap.Categories[i] }
	c := ix.categories()
	var f filter
	c.modifiedSince(&f, in.ModifiedSince)
	return list(s, c, c.encodedJSON, &f, in.PageParams, "/categories", in.Sort, in.Q,
		func(i int32) Category { return s.category(at(i)) })
}

// categoryParam resolves a category filter, former IDs included.
func categoryParam(snap *dataset.Snapshot, param, id string) (string, error) {
	if _, ok := snap.Category(id); ok {
		return id, nil
	}
	if c, ok := snap.CategoryByAlias(id); ok {
		return c.ID, nil
	}
	return "", unknownRef(param, dataset.TypeCategory, id)
}

// get serves entity t/id through render, or the reason it cannot.
func get[T any](s *Server, t dataset.Type, id string) (*GetOutput[T], error) {
	snap, _, err := s.current()
	if err != nil {
		return nil, err
	}
	body, ok := s.entityBody(snap, t, id)
	if !ok {
		return nil, s.missing(snap, t, id)
	}
	return &GetOutput[T]{Link: []string{s.contextLink()}, Body: body.(T)}, nil
}

// missing explains why entity t/id is not served: renamed (301 to the
// current ID), removed (410) or never published (404).
func (s *Server) missing(snap *dataset.Snapshot, t dataset.Type, id string) error {
	if t == dataset.TypeCategory {
		if c, ok := snap.CategoryByAlias(id); ok {
			return huma.ErrorWithHeaders(
				huma.NewError(http.StatusMovedPermanently, fmt.Sprintf("%q is a former ID of category %q", id, c.ID)),
				http.Header{"Location": {s.docURL(t, c.ID)}})
		}
	}
	if r, current, ok := snap.Retirement(t, id); ok {
		if current != "" {
			return huma.ErrorWithHeaders(
				huma.NewError(http.StatusMovedPermanently, fmt.Sprintf("%s %q is now %q", t, id, current)),
				http.Header{"Location": {s.docURL(t, current)}})
		}
		msg := fmt.Sprintf("%s %q was removed", t, id)
		if r.Reason != "" {
			msg += ": " + r.Reason
		}
		return huma.Error410Gone(msg)
	}
	return huma.Error404NotFound(fmt.Sprintf("no %s has the ID %q", t, id))
}

func (s *Server) getMunicipality(_ context.Context, in *GetMunicipalityInput) (*GetMunicipalityOutput, error) {
	return get[Municipality](s, dataset.TypeMunicipality, in.ID)
}

func (s *Server) getCountry(_ context.Context, in *GetCountryInput) (*GetCountryOutput, error) {
	return get[Country](s, dataset.TypeCountry, in.ID)
}

func (s *Server) getNetwork(_ context.Context, in *GetNetworkInput) (*GetNetworkOutput, error) {
	return get[Network](s, dataset.TypeNetwork, in.ID)
}

func (s *Server) getMembership(_ context.Context, in *GetMembershipInput) (*GetMembershipOutput, error) {
	return get[Membership](s, dataset.TypeMembership, in.ID)
}

func (s *Server) getApproach(_ context.Context, in *GetApproachInput) (*GetApproachOutput, error) {
	return get[Approach](s, dataset.TypeApproach, in.ID)
}

func (s *Server) getCategory(_ context.Context, in *GetCategoryInput) (*GetCategoryOutput, error) {
	return get[Category](s, dataset.TypeCategory, in.ID)
}

var qidPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)

func (s *Server) findByWikidata(_ context.Context, in *FindByWikidataInput) (*FindByWikidataOutput, error) {
	if !qidPattern.MatchString(in.QID) {
		return nil, huma.Error400BadRequest(fmt.Sprintf("%q is not a Wikidata item ID: expected Q followed by digits, as in Q1726", in.QID),
			&huma.ErrorDetail{Location: "path.qid", Value: in.QID, Message: "expected Q followed by digits"})
	}
	snap, ix, err := s.current()
	if err != nil {
		return nil, err
	}
	ref, ok := ix.wikidata(in.QID)
	if !ok || !snap.Exists(ref.typ, ref.id) {
		return nil, huma.Error404NotFound(fmt.Sprintf("no municipality, network or country is linked to Wikidata item %s", in.QID))
	}
	return &FindByWikidataOutput{Location: s.docURL(ref.typ, ref.id)}, nil
}

// bbox is a parsed bbox parameter.
type bbox struct{ west, south, east, north float64 }

func parseBBox(s string) (bbox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return bbox{}, fmt.Errorf("expected four numbers west,south,east,north, got %d value(s)", len(parts))
	}
	var v [4]float64
	for j, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return bbox{}, fmt.Errorf("%q is not a number", p)
		}
		v[j] = x
	}
	b := bbox{v[0], v[1], v[2], v[3]}
	switch {
	case b.west < -180 || b.west > 180 || b.east < -180 || b.east > 180:
		return bbox{}, errors.New("longitudes must be between -180 and 180")
	case b.south < -90 || b.south > 90 || b.north < -90 || b.north > 90:
		return bbox{}, errors.New("latitudes must be between -90 and 90")
	case b.south > b.north:
		return bbox{}, errors.New("south must not be greater than north")
	}
	return b, nil
}

// contains reports whether c is in the box; a position-less record is not.
func (b bbox) contains(c *dataset.Coordinates) bool {
	if c == nil || c.Lat < b.south || c.Lat > b.north {
		return false
	}
	if b.west <= b.east {
		return c.Lon >= b.west && c.Lon <= b.east
	}
	return c.Lon >= b.west || c.Lon <= b.east // crosses the antimeridian
}
