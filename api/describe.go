package api

import (
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// Routes that are not Huma operations (documents, pages, files) are
// described here, so that the OpenAPI document lists every route a
// client can call with every media type it answers in
// (TestOpenAPIListsEveryRoute walks the router against it).

// route describes one such route.
type route struct {
	id, method, path, tag, summary, desc string
	params                               []*huma.Param
	// ok is the content of the success answer, by media type; status is
	// its code (0: 200).
	ok     map[string]*huma.MediaType
	status int
	// more are the other answers: status → description. 4xx and 5xx
	// answers are problem documents.
	more map[int]string
}

// tagDescriptions describe the tags of the routes described here.
var tagDescriptions = map[string]string{
	"Linked data": "Entity IRIs and the whole dataset as one graph.",
	"Vocabulary":  "The mc: vocabulary and the JSON-LD context.",
	"Catalogue":   "The DCAT-AP catalogue and the VoID description, for data portals.",
	"Dumps":       "Downloadable releases of the whole dataset.",
	"Pages":       "Pages for people, in seven languages.",
	"Meta":        "The API's own contract and reference.",
}

var (
	stringSchema = &huma.Schema{Type: huma.TypeString}
	objectSchema = &huma.Schema{Type: huma.TypeObject}
)

func (rt route) describe(api huma.API) {
	o := api.OpenAPI()
	op := &huma.Operation{OperationID: rt.id, Method: rt.method, Path: rt.path, Tags: []string{rt.tag},
		Summary: rt.summary, Description: rt.desc, Parameters: rt.params, Responses: map[string]*huma.Response{}}
	status := rt.status
	if status == 0 {
		status = http.StatusOK
	}
	op.Responses[strconv.Itoa(status)] = &huma.Response{Description: http.StatusText(status), Content: rt.ok}
	for code, desc := range rt.more {
		resp := &huma.Response{Description: desc}
		if code >= 400 {
			// problem() writes what Huma's own errors are.
			resp.Content = map[string]*huma.MediaType{"application/problem+json": {
				Schema: o.Components.Schemas.Schema(reflect.TypeFor[huma.ErrorModel](), true, "")}}
		}
		op.Responses[strconv.Itoa(code)] = resp
	}
	addTag(o, rt.tag, tagDescriptions[rt.tag])
	o.AddOperation(op)
}

// contentOf is the success content of an offer: the JSON schema for
// plain JSON, an object for JSON-LD, text for the rest.
func contentOf(api huma.API, o offer, jsonType reflect.Type) map[string]*huma.MediaType {
	out := map[string]*huma.MediaType{}
	for _, f := range o {
		sc := stringSchema
		switch {
		case f == jsonFormat && jsonType != nil:
			sc = api.OpenAPI().Components.Schemas.Schema(jsonType, true, "")
		case f == exporters.JSONLD:
			sc = objectSchema
		}
		out[f.MediaType] = &huma.MediaType{Schema: sc}
	}
	if o.byMediaType("application/json") == exporters.JSONLD {
		out["application/json"] = &huma.MediaType{Schema: objectSchema}
	}
	return out
}

func pathParam(name, desc, example string) *huma.Param {
	return &huma.Param{Name: name, In: "path", Required: true, Description: desc,
		Schema: &huma.Schema{Type: huma.TypeString, Description: desc, Examples: []any{example}}}
}

var langParam = &huma.Param{Name: "lang", In: "query", Description: "Interface language of a page (en, de, es, fr, el, it, pl); default: from Accept-Language",
	Schema: &huma.Schema{Type: huma.TypeString, Enum: []any{"en", "de", "es", "fr", "el", "it", "pl"}, Examples: []any{"de"}}}

// Common answers.
var (
	negotiated = map[int]string{
		http.StatusNotModified:        "The client's copy is current (If-None-Match, If-Modified-Since)",
		http.StatusNotFound:           "No such representation (unknown suffix)",
		http.StatusNotAcceptable:      "None of the representations is acceptable",
		http.StatusTooManyRequests:    "Too many requests from this client; retry after Retry-After",
		http.StatusServiceUnavailable: "No dataset snapshot is loaded yet",
	}
)

func with(m map[int]string, more map[int]string) map[int]string {
	out := map[int]string{}
	for k, v := range m {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

func formatList(o offer) string {
	var s []string
	for _, f := range o {
		s = append(s, fmt.Sprintf("%s (`%s`, `%s`)", f.Label, f.MediaType, f.Suffix))
	}
	return strings.Join(s, ", ")
}

// describeDocument describes GET /{types}/{id}, the document of an
// entity, in every format.
func describeDocument(api huma.API, t dataset.Type) {
	name := className(t)
	route{
		id: "get-" + string(t), method: http.MethodGet, path: "/" + t.Plural() + "/{id}", tag: tagOf(t),
		summary: "Get a " + strings.ToLower(name) + " (" + name + " document)",
		desc: "The document about one " + string(t) + " in the format `Accept` asks for, or the one a suffix of the ID names: " +
			formatList(docOffer) + ". Plain JSON is the default. Every format says the same (one graph); the JSON-LD is the JSON " +
			"with its `@context` and the document's metadata. That context uses JSON-LD 1.1 (scoped contexts, `@nest`); for JSON-LD 1.0 " +
			"processors, `Accept: application/ld+json;profile=\"" + vocab.FlattenedProfile + "\"` gets the same graph in the flattened form: " +
			"a `@graph` of one node object per node, with a context of prefixes only (no suffix; the `.jsonld` is the JSON-LD 1.1 document). " +
			"A renamed ID answers 301 to the new one (the suffix kept); a removed one " +
			"410 Gone with its tombstone (a problem document in JSON). Strong ETags; gzip under its own ETag.",
		params: []*huma.Param{pathParam("id", "Identifier of the "+string(t)+", optionally followed by a format suffix", idExample[t]), langParam},
		ok:     withFlattened(contentOf(api, docOffer, wireTypes[t])),
		more: with(negotiated, map[int]string{
			http.StatusMovedPermanently:    "The ID was renamed; Location names the document now",
			http.StatusGone:                "The ID was removed; the body is its tombstone in the negotiated format",
			http.StatusUnprocessableEntity: "Documents take no query parameters but a page's lang",
		}),
	}.describe(api)
}

// withFlattened adds the flattened JSON-LD form (jsonldFlattened), asked
// for by its profile, to a document's content.
func withFlattened(c map[string]*huma.MediaType) map[string]*huma.MediaType {
	c[jsonldFlattened.ContentType] = &huma.MediaType{Schema: objectSchema}
	return c
}

var idExample = map[dataset.Type]string{
	dataset.TypeMunicipality: "munich", dataset.TypeCountry: "DE", dataset.TypeNetwork: "solidarity-cities",
	dataset.TypeMembership: "munich-solidarity-cities", dataset.TypeApproach: "city-id-card", dataset.TypeCategory: "reception",
}

func tagOf(t dataset.Type) string {
	name := t.Plural()
	return strings.ToUpper(name[:1]) + name[1:]
}

// describeGraphs describes the entity IRIs and the dataset graph.
func describeGraphs(api huma.API) {
	route{
		id: "resolve-entity-iri", method: http.MethodGet, path: "/id/{type}/{id}", tag: "Linked data", status: http.StatusSeeOther,
		summary: "Resolve an entity IRI",
		desc:    "An entity IRI names the thing, not a document: it answers `303 See Other` to the entity's document, which negotiates its format.",
		params: []*huma.Param{pathParam("type", "Entity type: "+typeNames(), "municipality"),
			pathParam("id", "Identifier of the entity", "munich")},
		more: map[int]string{http.StatusNotFound: "No such type or entity, now or before"},
	}.describe(api)
	for _, p := range []struct{ path, id string }{{"/dataset", "get-dataset"}, {"/dataset.{ext}", "get-dataset-file"}} {
		rt := route{
			id: p.id, method: http.MethodGet, path: p.path, tag: "Linked data",
			summary: "The whole dataset as one graph",
			desc: "Streams every entity's graph as one document: " + formatList(datasetOffer) + ", by `Accept` or suffix. " +
				"The ETag is weak (the revision and format); the dumps hold dated copies.",
			ok:   contentOf(api, datasetOffer, nil),
			more: negotiated,
		}
		if p.path != "/dataset" {
			rt.params = []*huma.Param{pathParam("ext", "Format suffix without the dot: ttl, nt or jsonld", "ttl")}
		}
		rt.describe(api)
	}
}

func typeNames() string {
	var s []string
	for _, t := range dataset.Types {
		s = append(s, string(t))
	}
	return strings.Join(s, ", ")
}

// describeSpec describes the routes Huma serves the contract at.
func describeSpec(api huma.API) {
	for _, p := range []struct{ path, mt, summary string }{
		{"/openapi.yaml", "application/openapi+yaml", "This document (OpenAPI 3.1, YAML)"},
		{"/openapi.json", "application/openapi+json", "This document (OpenAPI 3.1, JSON)"},
		{"/openapi-3.0.yaml", "application/openapi+yaml", "This document, downgraded to OpenAPI 3.0 (YAML)"},
		{"/openapi-3.0.json", "application/openapi+json", "This document, downgraded to OpenAPI 3.0 (JSON)"},
	} {
		route{id: "get" + strings.NewReplacer("/", "-", ".", "-").Replace(p.path), method: http.MethodGet, path: p.path, tag: "Meta",
			summary: p.summary, desc: "The API's contract, for code generators and validators.",
			ok: map[string]*huma.MediaType{p.mt: {Schema: objectSchema}}}.describe(api)
	}
	route{id: "get-schema", method: http.MethodGet, path: "/schemas/{schema}", tag: "Meta", summary: "A JSON Schema of the API",
		desc:   "The JSON Schema of one of this document's components, which JSON answers name in `Link: rel=\"describedBy\"`.",
		params: []*huma.Param{pathParam("schema", "Schema name with .json", "Municipality.json")},
		ok:     map[string]*huma.MediaType{"application/json": {Schema: objectSchema}},
		more:   map[int]string{http.StatusNotFound: "No such schema"}}.describe(api)
}
