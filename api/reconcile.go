package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/reconcile"
)

// Paths of the reconciliation endpoints: the 1.0 draft at /reconcile, with
// its sub-services at the routes the draft fixes relative to it, and the
// 0.2 endpoint OpenRefine 3.x speaks at /reconcile/v0.2. The exports for
// Wikidata's tools live under /exports (/wikidata/{qid} is the look-up).
const (
	reconcileRoot   = "/reconcile"
	reconcileRoot02 = "/reconcile/v0.2"
)

// reconcileAPI serves the reconciliation APIs and the Wikidata exports
// over the per-snapshot indexes of package reconcile.
type reconcileAPI struct {
	s   *Server
	svc reconcile.Service
}

// registerReconcile serves the W3C reconciliation APIs and the Wikidata
// exports (issue 7). The JSON operations of the 1.0 draft, the preview,
// the view redirect and the exports are Huma operations; the 0.2
// endpoint (form-encoded queries, JSONP) and the 1.0 root's POST, which
// also takes 0.2 form posts, are plain routes.
func registerReconcile(api huma.API, router chi.Router, s *Server) {
	h := &reconcileAPI{s: s, svc: reconcile.Service{
		BaseURI: s.cfg.BaseURI, Version: s.cfg.Version, Root: reconcileRoot, Root02: reconcileRoot02,
	}}
	addTag(api.OpenAPI(), "Reconciliation", "The W3C Entity Reconciliation API (1.0 draft) for OpenRefine and other clients. "+
		"The 0.2 endpoint OpenRefine 3.x speaks is at `/reconcile/v0.2`: it takes form-encoded `queries` and `extend` and answers JSONP with `callback`.")
	addTag(api.OpenAPI(), "Wikidata exports", "Files for Wikidata's tools: a Mix'n'match catalogue and QuickStatements that add our IDs to Wikidata items.")
	tag := []string{"Reconciliation"}
	bad := []int{http.StatusBadRequest, http.StatusServiceUnavailable}

	huma.Register(api, huma.Operation{
		OperationID: "get-reconcile-manifest", Method: http.MethodGet, Path: reconcileRoot, Tags: tag,
		Summary: "Reconciliation service manifest (1.0 draft)",
		Description: "The service manifest of the reconciliation endpoint. `POST` a JSON query batch to `/reconcile/reconcile` " +
			"(or to `/reconcile` itself). Types: `municipality`, `network`, `approach`. Property conditions: `country` " +
			"(ISO code, or a country name in any language), `wikidata` (QID), `network` (for municipalities) and `municipality` " +
			"(for approaches). Candidates are scored 0 to 100 over every name and alias in every language, ignoring case, " +
			"diacritics and script; `match` is true only when one candidate is clearly right: the same name, confirmed by a " +
			"condition, contradicted by none, with no close rival. A bare municipality name is never matched automatically. " +
			"The 0.2 protocol's `queries` and `extend` parameters are refused here (400, naming the 1.0 route); the 0.2 endpoint " +
			"`/reconcile/v0.2` takes them.",
		Errors:                       []int{http.StatusBadRequest, http.StatusUnprocessableEntity},
		RejectUnknownQueryParameters: true,
	}, h.manifest10)
	huma.Register(api, huma.Operation{
		OperationID: "reconcile", Method: http.MethodPost, Path: reconcileRoot + "/reconcile", Tags: tag,
		Summary:     "Reconcile a batch of queries (1.0 draft)",
		Description: "Answers a reconciliation query batch with candidates per query, in query order. At most 1000 queries per batch.",
		Errors:      append(bad, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity),
	}, h.reconcile10)
	huma.Register(api, huma.Operation{
		OperationID: "match", Method: http.MethodPost, Path: reconcileRoot + "/match", Tags: tag,
		Summary:     "Reconcile a batch of queries (1.0 draft's match route)",
		Description: "The current 1.0 draft's name for `/reconcile/reconcile`: the same batch, the same answer. At most 1000 queries per batch.",
		Errors:      append(bad, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity),
	}, h.reconcile10)
	huma.Register(api, huma.Operation{
		OperationID: "suggest-entities", Method: http.MethodGet, Path: reconcileRoot + "/suggest/entity", Tags: tag,
		Summary:     "Suggest entities",
		Description: "Auto-completes entity names: names that start with the prefix first, then names with a word that does, in any language, ignoring case and diacritics.",
		Errors:      bad,
	}, h.suggestEntities)
	huma.Register(api, huma.Operation{
		OperationID: "suggest-types", Method: http.MethodGet, Path: reconcileRoot + "/suggest/type", Tags: tag,
		Summary: "Suggest types", Description: "Auto-completes the types queries can be restricted to.", Errors: bad,
	}, h.suggestTypes)
	huma.Register(api, huma.Operation{
		OperationID: "suggest-properties", Method: http.MethodGet, Path: reconcileRoot + "/suggest/property", Tags: tag,
		Summary: "Suggest properties", Description: "Auto-completes the properties of conditions and data extension.", Errors: bad,
	}, h.suggestProperties)
	huma.Register(api, huma.Operation{
		OperationID: "propose-properties", Method: http.MethodGet, Path: reconcileRoot + "/extend/propose", Tags: tag,
		Summary: "Propose properties for data extension", Description: "Lists the properties data extension can fetch for a type.", Errors: bad,
	}, h.propose)
	huma.Register(api, huma.Operation{
		OperationID: "extend", Method: http.MethodPost, Path: reconcileRoot + "/extend", Tags: tag,
		Summary: "Fetch properties of entities (data extension, 1.0 draft)",
		Description: "Returns the requested properties of the requested entities: `wikidata` (as items of OpenRefine's Wikidata service), " +
			"`country`, `coordinates` (`lat,lon`), `population`, `network`, `featured`, `municipality`.",
		Errors: append(bad, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity),
	}, h.extend10)
	huma.Register(api, huma.Operation{
		OperationID: "preview-entity", Method: http.MethodGet, Path: reconcileRoot + "/preview", Tags: tag,
		Summary:     "Preview an entity",
		Description: "A small HTML card of an entity, for the preview frame of reconciliation clients. It loads nothing from elsewhere.",
		Errors:      []int{http.StatusNotFound, http.StatusServiceUnavailable},
		Responses: map[string]*huma.Response{"200": {Description: "The card", Content: map[string]*huma.MediaType{
			"text/html": {Schema: &huma.Schema{Type: "string"}}}}},
	}, h.preview)
	huma.Register(api, huma.Operation{
		OperationID: "view-entity", Method: http.MethodGet, Path: reconcileRoot + "/view/{id}", Tags: tag,
		Summary:       "View an entity",
		Description:   "Redirects (303) from a reconciliation ID to the entity's page: the target of the manifests' view templates.",
		DefaultStatus: http.StatusSeeOther,
		Errors:        []int{http.StatusNotFound, http.StatusServiceUnavailable},
	}, h.view)

	huma.Register(api, huma.Operation{
		OperationID: "get-mixnmatch-catalogue", Method: http.MethodGet, Path: "/exports/mixnmatch.tsv", Tags: []string{"Wikidata exports"},
		Summary: "Mix'n'match catalogue",
		Description: "Every municipality as a row of a Mix'n'match catalogue (tab-separated, with a header row): `id`, `name`, " +
			"`desc`, `url` and, where we hold a confirmed Wikidata item, `q`.",
		Errors:                       []int{http.StatusBadRequest, http.StatusServiceUnavailable},
		RejectUnknownQueryParameters: true,
		Responses: map[string]*huma.Response{"200": {Description: "The catalogue", Content: map[string]*huma.MediaType{
			"text/tab-separated-values": {Schema: &huma.Schema{Type: "string"}}}}},
	}, h.mixnmatch)
	huma.Register(api, huma.Operation{
		OperationID: "get-quickstatements", Method: http.MethodGet, Path: "/exports/quickstatements.txt", Tags: []string{"Wikidata exports"},
		Summary: "QuickStatements adding our IDs to Wikidata",
		Description: "QuickStatements v1 commands that add each municipality's ID to its Wikidata item with the given property, " +
			"referenced with the page's URL (S854) and the retrieval date (S813). Municipalities without a confirmed QID are left out.",
		Errors:                       []int{http.StatusBadRequest, http.StatusUnprocessableEntity, http.StatusServiceUnavailable},
		RejectUnknownQueryParameters: true,
		Responses: map[string]*huma.Response{"200": {Description: "The commands", Content: map[string]*huma.MediaType{
			"text/plain": {Schema: &huma.Schema{Type: "string"}}}}},
	}, h.quickstatements)

	router.Post(reconcileRoot, h.postRoot)
	router.Get(reconcileRoot02, h.serve02)
	router.Post(reconcileRoot02, h.serve02)
	router.Get(reconcileRoot02+"/suggest/{kind}", h.suggest02)
	router.Get(reconcileRoot02+"/extend/propose", h.propose02)
	describeReconcile02(api)
}

// describeReconcile02 describes the routes of the 0.2 endpoint and the
// 1.0 root's POST, which are not Huma operations (form posts, JSONP).
func describeReconcile02(api huma.API) {
	q := func(name, desc, example string) *huma.Param {
		return &huma.Param{Name: name, In: "query", Description: desc, Schema: &huma.Schema{Type: huma.TypeString, Examples: []any{example}}}
	}
	callback := q("callback", "JSONP: wrap the answer in a call of this JavaScript function", "cb")
	js := map[string]*huma.MediaType{"application/json": {Schema: objectSchema}, "application/javascript": {Schema: stringSchema}}
	bad := map[int]string{http.StatusBadRequest: "A malformed query, form or parameter", http.StatusServiceUnavailable: "No dataset snapshot is loaded yet"}
	form := &huma.RequestBody{Description: "Form-encoded `queries` (a 0.2 query batch as JSON) or `extend` (a data extension query as JSON)",
		Content: map[string]*huma.MediaType{"application/x-www-form-urlencoded": {Schema: &huma.Schema{Type: huma.TypeObject,
			Properties: map[string]*huma.Schema{"queries": stringSchema, "extend": stringSchema, "callback": stringSchema}}}}}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		rt := route{id: "reconcile-02-" + strings.ToLower(method), method: method, path: reconcileRoot02, tag: "Reconciliation",
			summary: "Reconciliation service 0.2 (OpenRefine 3.x)",
			desc: "Without `queries` or `extend`, the 0.2 service manifest; with `queries`, candidates per query; with `extend`, " +
				"the requested properties of the requested entities. `callback` answers JSONP.",
			params: []*huma.Param{q("queries", "A 0.2 query batch, as JSON", `{"q0":{"query":"Munich","type":"municipality"}}`),
				q("extend", "A data extension query, as JSON", `{"ids":["munich"],"properties":[{"id":"country"}]}`), callback},
			ok: js, more: with(bad, map[int]string{http.StatusRequestEntityTooLarge: "Too many queries in one batch"})}
		if method == http.MethodPost {
			rt.params = []*huma.Param{callback}
		}
		op := rt
		op.describe(api)
		if method == http.MethodPost {
			api.OpenAPI().Paths[reconcileRoot02].Post.RequestBody = form
		}
	}
	route{id: "suggest-02", method: http.MethodGet, path: reconcileRoot02 + "/suggest/{kind}", tag: "Reconciliation",
		summary: "Suggest services 0.2", desc: "Auto-completes entity names, types or properties (`kind`: entity, type, property); `callback` answers JSONP.",
		params: []*huma.Param{pathParam("kind", "entity, type or property", "entity"), q("prefix", "What was typed so far", "mun"),
			q("type", "Restrict entities or properties to a type", "municipality"), q("cursor", "Number of suggestions to skip", "0"), callback},
		ok: js, more: with(bad, map[int]string{http.StatusNotFound: "No such suggest service"})}.describe(api)
	route{id: "propose-properties-02", method: http.MethodGet, path: reconcileRoot02 + "/extend/propose", tag: "Reconciliation",
		summary: "Propose properties 0.2", desc: "Lists the properties data extension can fetch for a type; `callback` answers JSONP.",
		params: []*huma.Param{q("type", "The type", "municipality"), q("limit", "Most properties to list", "10"), callback},
		ok:     js, more: bad}.describe(api)
	route{id: "reconcile-root-post", method: http.MethodPost, path: reconcileRoot, tag: "Reconciliation",
		summary: "Reconcile a batch of queries at the endpoint itself",
		desc:    "A JSON query batch (1.0 draft), answered as at `/reconcile/reconcile`; form-encoded 0.2 queries are answered in the 0.2 shape.",
		ok:      map[string]*huma.MediaType{"application/json": {Schema: objectSchema}},
		more:    with(bad, map[int]string{http.StatusUnsupportedMediaType: "Neither JSON nor a form", http.StatusRequestEntityTooLarge: "Too many queries in one batch"})}.describe(api)
	api.OpenAPI().Paths[reconcileRoot].Post.RequestBody = &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
		"application/json": {Schema: objectSchema}, "application/x-www-form-urlencoded": form.Content["application/x-www-form-urlencoded"]}}
}

// addTag adds a tag to the document once.
func addTag(o *huma.OpenAPI, name, desc string) {
	for _, t := range o.Tags {
		if t.Name == name {
			return
		}
	}
	o.Tags = append(o.Tags, &huma.Tag{Name: name, Description: desc})
}

// reconcileKey is the reconciliation index in the read model.
type reconcileKey struct{}

// index returns the index of the snapshot in force, built once per
// snapshot.
func (h *reconcileAPI) index() (*reconcile.Index, bool) {
	st := h.s.states.Current()
	if st == nil {
		return nil, false
	}
	ix, _ := query.Cached(st.View, reconcileKey{}, func() (*reconcile.Index, error) { return reconcile.NewIndex(st.Snapshot()), nil })
	return ix, true
}

// snapshot returns the snapshot in force, or nil.
func (h *reconcileAPI) snapshot() *dataset.Snapshot {
	if st := h.s.states.Current(); st != nil {
		return st.Snapshot()
	}
	return nil
}

var errNoSnapshot = huma.Error503ServiceUnavailable("no dataset snapshot loaded yet")

// humaError turns an error of package reconcile into a problem.
func humaError(err error) error {
	switch {
	case errors.Is(err, reconcile.ErrTooLarge):
		return huma.Error413RequestEntityTooLarge(err.Error())
	case errors.Is(err, reconcile.ErrInvalid):
		return huma.Error400BadRequest(err.Error())
	}
	return err
}

type manifest10Output struct {
	Body reconcile.Manifest10
}

// manifest10Input are the 0.2 protocol's parameters, which clients such
// as the reconciliation test bench send to a GET of the endpoint: the 1.0
// draft has routes of its own for them, so they are refused with those
// routes named rather than answered with the manifest.
type manifest10Input struct {
	Queries string `query:"queries" doc:"Not part of the 1.0 draft: refused (POST a JSON batch to /reconcile/match)"`
	Extend  string `query:"extend" doc:"Not part of the 1.0 draft: refused (POST a JSON data extension query to /reconcile/extend)"`
}

func (h *reconcileAPI) manifest10(ctx context.Context, in *manifest10Input) (*manifest10Output, error) {
	switch {
	case in.Queries != "":
		return nil, huma.Error400BadRequest("queries: the 0.2 protocol's parameter; the 1.0 draft takes a JSON query batch by POST to " +
			h.svc.BaseURI + reconcileRoot + "/match, and the 0.2 endpoint " + h.svc.BaseURI + reconcileRoot02 + " takes this parameter")
	case in.Extend != "":
		return nil, huma.Error400BadRequest("extend: the 0.2 protocol's parameter; the 1.0 draft takes a JSON data extension query by POST to " +
			h.svc.BaseURI + reconcileRoot + "/extend, and the 0.2 endpoint " + h.svc.BaseURI + reconcileRoot02 + " takes this parameter")
	}
	return &manifest10Output{Body: h.svc.Manifest10()}, nil
}

type reconcileInput struct {
	Body reconcile.QueryBatch10
}

type reconcileOutput struct {
	Body reconcile.ResultBatch10
}

func (h *reconcileAPI) reconcile10(ctx context.Context, in *reconcileInput) (*reconcileOutput, error) {
	ix, ok := h.index()
	if !ok {
		return nil, errNoSnapshot
	}
	qs, err := reconcile.Queries10(in.Body)
	if err != nil {
		return nil, humaError(err)
	}
	return &reconcileOutput{Body: ix.Reconcile10(qs)}, nil
}

// SuggestInput are the parameters of the suggest services.
type SuggestInput struct {
	Prefix string `query:"prefix" maxLength:"200" doc:"What the user typed; empty lists everything" example:"munc"`
	Cursor int    `query:"cursor" minimum:"0" maximum:"100000" doc:"Number of suggestions to skip" example:"0"`
	Type   string `query:"type" maxLength:"100" doc:"Only suggest entities (or properties) of this type" example:"municipality"`
}

type suggestOutput struct {
	Body reconcile.SuggestResponse
}

func (h *reconcileAPI) suggestEntities(ctx context.Context, in *SuggestInput) (*suggestOutput, error) {
	ix, ok := h.index()
	if !ok {
		return nil, errNoSnapshot
	}
	return &suggestOutput{Body: ix.SuggestEntities(in.Prefix, in.Type, in.Cursor, reconcile.DefaultLimit)}, nil
}

func (h *reconcileAPI) suggestTypes(ctx context.Context, in *SuggestInput) (*suggestOutput, error) {
	return &suggestOutput{Body: reconcile.SuggestTypes(in.Prefix, in.Cursor, reconcile.DefaultLimit)}, nil
}

func (h *reconcileAPI) suggestProperties(ctx context.Context, in *SuggestInput) (*suggestOutput, error) {
	return &suggestOutput{Body: reconcile.SuggestProperties(in.Prefix, in.Type, in.Cursor, reconcile.DefaultLimit)}, nil
}

// ProposeInput are the parameters of property proposals.
type ProposeInput struct {
	Type  string `query:"type" required:"true" maxLength:"100" doc:"Type of the entities to extend" example:"municipality"`
	Limit int    `query:"limit" minimum:"0" maximum:"100" doc:"Largest number of properties to propose; 0 for all" example:"10"`
}

type proposeOutput struct {
	Body reconcile.ProposeResponse
}

func (h *reconcileAPI) propose(ctx context.Context, in *ProposeInput) (*proposeOutput, error) {
	p, err := reconcile.ProposeProperties(in.Type, in.Limit)
	if err != nil {
		return nil, humaError(err)
	}
	return &proposeOutput{Body: p}, nil
}

type extendInput struct {
	Body reconcile.ExtendQuery
}

type extendOutput struct {
	Body reconcile.Extend10
}

func (h *reconcileAPI) extend10(ctx context.Context, in *extendInput) (*extendOutput, error) {
	ix, ok := h.index()
	if !ok {
		return nil, errNoSnapshot
	}
	res, err := ix.Extend10(in.Body)
	if err != nil {
		return nil, humaError(err)
	}
	return &extendOutput{Body: res}, nil
}

// EntityIDInput names an entity by reconciliation ID.
type EntityIDInput struct {
	ID string `query:"id" required:"true" maxLength:"120" doc:"Reconciliation ID: a municipality's ID, or type:ID" example:"munich"`
}

type previewOutput struct {
	ContentType string `header:"Content-Type"`
	CSP         string `header:"Content-Security-Policy"`
	Body        []byte
}

func (h *reconcileAPI) preview(ctx context.Context, in *EntityIDInput) (*previewOutput, error) {
	ix, ok := h.index()
	if !ok {
		return nil, errNoSnapshot
	}
	card, ok := ix.Preview(in.ID, h.svc)
	if !ok {
		return nil, huma.Error404NotFound(fmt.Sprintf("no entity has the reconciliation ID %q", in.ID))
	}
	return &previewOutput{ContentType: "text/html; charset=utf-8", CSP: reconcile.PreviewCSP, Body: card}, nil
}

// ViewInput names an entity in the path.
type ViewInput struct {
	ID string `path:"id" maxLength:"120" doc:"Reconciliation ID: a municipality's ID, or type:ID" example:"network:eccar"`
}

type viewOutput struct {
	Location string `header:"Location"`
}

func (h *reconcileAPI) view(ctx context.Context, in *ViewInput) (*viewOutput, error) {
	ix, ok := h.index()
	if !ok {
		return nil, errNoSnapshot
	}
	t, id, ok := ix.Entity(in.ID)
	if !ok {
		return nil, huma.Error404NotFound(fmt.Sprintf("no entity has the reconciliation ID %q", in.ID))
	}
	return &viewOutput{Location: h.svc.PageURL(t, id)}, nil
}

func (h *reconcileAPI) mixnmatch(ctx context.Context, _ *struct{}) (*huma.StreamResponse, error) {
	snap := h.snapshot()
	if snap == nil {
		return nil, errNoSnapshot
	}
	return &huma.StreamResponse{Body: func(hc huma.Context) {
		setExportHeaders(hc, snap, "text/tab-separated-values; charset=utf-8", "moving-cities-mixnmatch.tsv")
		if err := reconcile.WriteMixnMatch(hc.BodyWriter(), snap, h.svc); err != nil {
			h.s.log.WarnContext(ctx, "mixnmatch export failed", "error", err)
		}
	}}, nil
}

// QuickStatementsInput are the parameters of the QuickStatements export.
type QuickStatementsInput struct {
	Property  string `query:"property" required:"true" pattern:"^P[1-9][0-9]*$" doc:"The Wikidata property for Moving Cities municipality IDs" example:"P1234"`
	Retrieved string `query:"retrieved" format:"date" doc:"Retrieval date the references give (S813); default today (UTC)" example:"2026-11-26"`
}

func (h *reconcileAPI) quickstatements(ctx context.Context, in *QuickStatementsInput) (*huma.StreamResponse, error) {
	snap := h.snapshot()
	if snap == nil {
		return nil, errNoSnapshot
	}
	day := time.Now().UTC()
	if in.Retrieved != "" {
		d, err := time.Parse(time.DateOnly, in.Retrieved)
		if err != nil {
			return nil, huma.Error400BadRequest(fmt.Sprintf("retrieved %q is not a date (YYYY-MM-DD)", in.Retrieved))
		}
		day = d
	}
	opt := reconcile.QuickStatements{Property: in.Property, Retrieved: day}
	return &huma.StreamResponse{Body: func(hc huma.Context) {
		setExportHeaders(hc, snap, "text/plain; charset=utf-8", "moving-cities-quickstatements.txt")
		if err := reconcile.WriteQuickStatements(hc.BodyWriter(), snap, h.svc, opt); err != nil {
			h.s.log.WarnContext(ctx, "quickstatements export failed", "error", err)
		}
	}}, nil
}

func setExportHeaders(hc huma.Context, snap *dataset.Snapshot, contentType, filename string) {
	hc.SetHeader("Content-Type", contentType)
	hc.SetHeader("Content-Disposition", `inline; filename="`+filename+`"`)
	if !snap.Modified.IsZero() {
		hc.SetHeader("Last-Modified", snap.Modified.UTC().Format(http.TimeFormat))
	}
}

// The plain routes.

// postRoot answers a POST to the 1.0-draft endpoint itself: a JSON query
// batch, or, for clients of the 0.2 protocol pointed at it, form-encoded
// queries answered in the 0.2 shape.
func (h *reconcileAPI) postRoot(w http.ResponseWriter, r *http.Request) {
	ix, ok := h.index()
	if !ok {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json":
		body, ok := readBody(w, r)
		if !ok {
			return
		}
		var b reconcile.QueryBatch10
		dec := json.NewDecoder(bytes.NewReader(body))
		if err := dec.Decode(&b); err != nil {
			problem(w, http.StatusBadRequest, "the body is not a reconciliation query batch: "+err.Error(), nil)
			return
		}
		qs, err := reconcile.Queries10(b)
		if err != nil {
			writeReconcileError(w, err)
			return
		}
		writeJSON(w, ix.Reconcile10(qs))
	case "application/x-www-form-urlencoded", "multipart/form-data":
		h.serve02(w, r)
	default:
		problem(w, http.StatusUnsupportedMediaType, "POST a JSON query batch (application/json); "+
			"0.2 clients may post form-encoded queries", nil)
	}
}

// serve02 is the 0.2 endpoint: the manifest without parameters, results
// for "queries", extension rows for "extend", from the query string or a
// form-encoded body; JSONP with "callback".
func (h *reconcileAPI) serve02(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil && r.Body != http.NoBody {
		body, ok := readBody(w, r)
		if !ok {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	if err := r.ParseForm(); err != nil {
		problem(w, http.StatusBadRequest, "the form cannot be read: "+err.Error(), nil)
		return
	}
	if !r.Form.Has("queries") && !r.Form.Has("extend") {
		writeJSONP(w, r, h.svc.Manifest02())
		return
	}
	ix, ok := h.index()
	if !ok {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
		return
	}
	if r.Form.Has("queries") {
		b, err := reconcile.DecodeQueries02(r.Form.Get("queries"))
		if err != nil {
			writeReconcileError(w, err)
			return
		}
		writeJSONP(w, r, ix.Reconcile02(b))
		return
	}
	q, err := reconcile.DecodeExtend([]byte(r.Form.Get("extend")))
	if err == nil {
		var res reconcile.Extend02
		if res, err = ix.Extend02(q); err == nil {
			writeJSONP(w, r, res)
			return
		}
	}
	writeReconcileError(w, err)
}

// suggest02 serves the 0.2 suggest services, which may answer JSONP.
func (h *reconcileAPI) suggest02(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cursor, err := nonNegative(q.Get("cursor"))
	if err != nil {
		problem(w, http.StatusBadRequest, "cursor: "+err.Error(), nil)
		return
	}
	switch chi.URLParam(r, "kind") {
	case "entity":
		ix, ok := h.index()
		if !ok {
			problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet", nil)
			return
		}
		writeJSONP(w, r, ix.SuggestEntities(q.Get("prefix"), q.Get("type"), cursor, reconcile.DefaultLimit))
	case "type":
		writeJSONP(w, r, reconcile.SuggestTypes(q.Get("prefix"), cursor, reconcile.DefaultLimit))
	case "property":
		writeJSONP(w, r, reconcile.SuggestProperties(q.Get("prefix"), q.Get("type"), cursor, reconcile.DefaultLimit))
	default:
		problem(w, http.StatusNotFound, "suggest services are entity, type and property", nil)
	}
}

// propose02 serves 0.2 property proposals, which may answer JSONP.
func (h *reconcileAPI) propose02(w http.ResponseWriter, r *http.Request) {
	limit, err := nonNegative(r.URL.Query().Get("limit"))
	if err != nil {
		problem(w, http.StatusBadRequest, "limit: "+err.Error(), nil)
		return
	}
	p, err := reconcile.ProposeProperties(r.URL.Query().Get("type"), limit)
	if err != nil {
		writeReconcileError(w, err)
		return
	}
	writeJSONP(w, r, p)
}

func nonNegative(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a non-negative integer", s)
	}
	return n, nil
}

// bodyReadTimeout is the time a client has to send a request body: the
// one Huma gives its operations, so that every route waits alike.
const bodyReadTimeout = 5 * time.Second

// readBody reads a plain route's request body as Huma reads its
// operations' (issue 16, item 6): within bodyReadTimeout (408 after),
// within the body limit however the body is framed (413, chunked bodies
// too), and without the read error's text, which names the server's
// socket address. It answers the problem itself and returns false.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyReadTimeout))
	b, err := io.ReadAll(r.Body)
	if err == nil {
		return b, true
	}
	var tooLarge *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		problem(w, http.StatusRequestEntityTooLarge,
			fmt.Sprintf("the request body has more than %d bytes; at most %d are accepted", tooLarge.Limit, tooLarge.Limit), nil)
	case errors.As(err, &netErr) && netErr.Timeout():
		problem(w, http.StatusRequestTimeout, fmt.Sprintf("the request body did not arrive within %s", bodyReadTimeout), nil)
	default:
		problem(w, http.StatusBadRequest, "the request body could not be read", nil)
	}
	return nil, false
}

func writeReconcileError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, reconcile.ErrTooLarge):
		problem(w, http.StatusRequestEntityTooLarge, err.Error(), nil)
	case errors.Is(err, reconcile.ErrInvalid):
		problem(w, http.StatusBadRequest, err.Error(), nil)
	default:
		problem(w, http.StatusInternalServerError, "the server failed to answer", nil)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		problem(w, http.StatusInternalServerError, "the server failed to answer", nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// callbackPattern is what a JSONP callback may be: a dotted JavaScript
// identifier, nothing that could smuggle code.
var callbackPattern = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$`)

// writeJSONP answers v as JSON, or as a JSONP call of the "callback"
// parameter when there is one (the 0.2 specification allows JSONP for
// older clients; CORS works for all).
func writeJSONP(w http.ResponseWriter, r *http.Request, v any) {
	cb := r.Form.Get("callback")
	if cb == "" {
		cb = r.URL.Query().Get("callback")
	}
	if cb == "" {
		writeJSON(w, v)
		return
	}
	if len(cb) > 100 || !callbackPattern.MatchString(cb) {
		problem(w, http.StatusBadRequest, "callback must be a JavaScript identifier", nil)
		return
	}
	body, err := json.Marshal(v) // escapes <, > and &, U+2028 and U+2029
	if err != nil {
		problem(w, http.StatusInternalServerError, "the server failed to answer", nil)
		return
	}
	w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	fmt.Fprintf(w, "/**/%s(%s);", cb, body)
}
