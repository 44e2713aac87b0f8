// Package api serves the dataset over HTTP: Huma v2 operations on a chi v5
// router, and the documents, pages and files Huma does not model, all
// answering from the State in force (package publish) and its read model
// (package query), never from the store.
package api

import (
	"compress/gzip"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/publish"
)

// States gives the State in force, nil before the first snapshot;
// *publish.Publisher and *publish.Fixed implement it.
type States interface {
	Current() *publish.State
}

// Config is what the HTTP layer needs to know about its deployment.
type Config struct {
	// BaseURI is the public base of every IRI and link, without a trailing
	// slash ("https://data.moving-cities.eu").
	BaseURI string
	// Version is the service's build version.
	Version string

	// RateLimit is the number of requests per second each client (IP
	// address) may send on average: 0 means DefaultRateLimit, a negative
	// value turns the limit off. Beyond it the API answers 429 with
	// Retry-After.
	RateLimit float64
	// RateBurst is the number of requests a client may send at once;
	// 0 means DefaultRateBurst.
	RateBurst int
	// FragmentsRateLimit and FragmentsRateBurst are the same for
	// /fragments, which has a budget of its own: a SPARQL client sends
	// many small requests there, and they neither eat nor are eaten by
	// the budget of the other routes. 0 means DefaultFragmentsRateLimit
	// and DefaultFragmentsRateBurst; a negative rate turns it off.
	FragmentsRateLimit float64
	FragmentsRateBurst int
	// RateLimitLoopback limits loopback clients (127.0.0.1, ::1) too; by
	// default they are not limited.
	RateLimitLoopback bool
	// ClientIPHeader, when set, names the header a trusted reverse proxy
	// puts the client's address in ("X-Forwarded-For", "X-Real-IP"); its
	// last address is the client the rate limit counts. Leave it empty
	// when clients reach the service directly, or they could choose their
	// own address.
	ClientIPHeader string
	// RequestTimeout bounds the time a request may take: 0 means
	// DefaultRequestTimeout, a negative value means no bound.
	RequestTimeout time.Duration
	// MaxBodyBytes bounds request bodies: 0 means DefaultMaxBodyBytes, a
	// negative value means no bound.
	MaxBodyBytes int64
	// Metrics is the Prometheus registry /metrics serves; nil: a new one
	// (NewRegistry).
	Metrics *prometheus.Registry
	// MetricsElsewhere leaves /metrics out of this handler: the registry
	// is served on a listener of its own (MetricsHandler), out of the
	// public's reach.
	MetricsElsewhere bool
	// StoreCheck, when set, asks the store whether it answers; /readyz
	// calls it and answers 503 when it fails, while every other route
	// keeps serving the snapshot in force.
	StoreCheck func(ctx context.Context) error
	DumpsDir   string        // folder of the dump releases served at /dumps; empty: none
	Catalog    CatalogConfig // the DCAT-AP catalogue's publisher, contact point, licence… (issue 8); zero: defaults
	// Editing takes authenticated writes and serves the revision history
	// and change feed (issue 13); nil: writes and history answer 503.
	Editing *Editing
}

// Server holds what the operations read.
type Server struct {
	cfg    Config
	states States
	log    *slog.Logger
	pages  *pages.Pages
	// jsonLinks are the Link header values of each type's JSON documents:
	// the JSON-LD context and the JSON Schema (rel=describedBy).
	jsonLinks map[dataset.Type][]string
	// proposalLimit bounds proposals per client; decideMu serialises
	// decisions on proposals (issue 13).
	proposalLimit *limiter
	decideMu      sync.Mutex
	// gzBest and gzFast gzip what the server renders: documents served
	// for long at the best level, fragment pages at a fast one.
	gzBest, gzFast *gzippers
}

// New builds the service's HTTP handler.
func New(cfg Config, states States, log *slog.Logger) (http.Handler, error) {
	s, err := NewServer(cfg, states, log)
	if err != nil {
		return nil, err
	}
	router := chi.NewMux()
	router.Use(plumbing(cfg, log)...)
	api := humachi.New(router, humaConfig(cfg))
	Register(api, router, s)
	return router, nil
}

// NewServer returns the Server that Register wires up.
func NewServer(cfg Config, states States, log *slog.Logger) (*Server, error) {
	var formats []pages.Format
	for _, f := range docOffer {
		if f != htmlFormat {
			formats = append(formats, pages.Format{Label: f.Label, MediaType: f.MediaType, Suffix: f.Suffix})
		}
	}
	p, err := pages.New(pages.Config{BaseURI: cfg.BaseURI, Version: cfg.Version, Formats: formats})
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, states: states, log: log, pages: p, jsonLinks: map[dataset.Type][]string{},
		gzBest: newGzippers(gzip.BestCompression), gzFast: newGzippers(gzip.BestSpeed),
		proposalLimit: newLimiter(1/proposalEvery.Seconds(), proposalBurst, cfg.RateLimitLoopback, cfg.ClientIPHeader, time.Now)}
	for _, t := range dataset.Types {
		s.jsonLinks[t] = []string{s.contextLink(), "<" + cfg.BaseURI + "/schemas/" + className(t) + `.json>; rel="describedBy"`}
	}
	return s, nil
}

func humaConfig(cfg Config) huma.Config {
	hc := huma.DefaultConfig("Moving Cities Open Data API", cfg.Version)
	hc.Info.Description = "Open data on European municipalities that support a solidarity-based migration policy, the city networks they form and the local approaches they implemented."
	hc.DocsPath = "" // Huma's docs page loads scripts from a third-party host
	// Huma's own schema-link hook builds the $schema URL from the Host,
	// X-Forwarded-Host and Forwarded headers: any client could then choose
	// the URL a shared cache keeps (issue 16, item 2). Ours takes the
	// configured base URI, as every other URL the service writes does.
	hc.CreateHooks = []func(huma.Config) huma.Config{func(c huma.Config) huma.Config {
		t := huma.NewSchemaLinkTransformer("#/components/schemas/", c.SchemasPath)
		c.OnAddOperation = append(c.OnAddOperation, t.OnAddOperation)
		c.Transformers = append(c.Transformers, func(ctx huma.Context, status string, v any) (any, error) {
			return t.Transform(baseHost{humaContext: ctx, base: cfg.BaseURI}, status, v)
		})
		return c
	}}
	// Not NoFormatFallback: with it, Huma's negotiation answers neither a
	// missing Accept nor */* (it panics). Huma's operations answer JSON;
	// the routes that negotiate formats are ours (respond.go).
	return hc
}

// baseHost is a request context whose host, as Huma's schema links read
// it, is the configured base URI whatever the request's headers say.
type baseHost struct {
	humaContext
	base string
}

// humaContext names huma.Context for embedding: its method Context would
// clash with a field of that name.
type humaContext = huma.Context

func (c baseHost) Host() string { return c.base }

func (c baseHost) Header(name string) string {
	switch http.CanonicalHeaderKey(name) {
	case "X-Forwarded-Host":
		// Huma takes this header first and, as it holds a scheme, uses it
		// as it is: the base itself.
		return c.base
	case "Forwarded":
		return ""
	}
	return c.humaContext.Header(name)
}

// Register adds every operation to api, and the routes Huma does not
// model (content-negotiated documents) to router. main and the tests call
// it alike.
func Register(api huma.API, router chi.Router, s *Server) {
	registerHealth(api, s)
	registerVocab(api, router, s)
	registerREST(api, router, s)
	registerDocuments(api, router, s)
	registerFragments(api, router, s)
	registerSPARQLPage(api, router, s)
	registerReconcile(api, router, s)
	registerDumps(api, router, s)
	registerCatalog(api, router, s)
	registerPages(api, router, s)
	registerGuide(api, router, s)
	registerEdit(api, s)
	registerHistory(api, router, s)
	registerProposals(api, router, s)
	describeSpec(api)
}

// Spec returns the OpenAPI document of the operations, as YAML; the
// committed openapi.yaml is its output.
func Spec(cfg Config) ([]byte, error) {
	router := chi.NewMux()
	api := humachi.New(router, humaConfig(cfg))
	s, err := NewServer(cfg, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, err
	}
	Register(api, router, s)
	return api.OpenAPI().YAML()
}

// HealthOutput is the answer of the health checks.
type HealthOutput struct {
	Body struct {
		Status   string `json:"status" enum:"ok" doc:"ok when the service answers from a dataset snapshot"`
		Revision int64  `json:"revision" doc:"Dataset revision being served"`
		Records  int    `json:"records" doc:"Records in the snapshot being served"`
		Release  string `json:"release,omitempty" doc:"Latest dump release being served, absent before the first"`
		Store    string `json:"store,omitempty" enum:"up" doc:"up when the store answered (/readyz only)"`
	}
}

// storeCheckTimeout bounds the store check of /readyz: a database that
// does not answer in that time is down for the proxy in front.
const storeCheckTimeout = 2 * time.Second

func registerHealth(api huma.API, s *Server) {
	huma.Register(api, huma.Operation{
		OperationID: "get-health",
		Method:      http.MethodGet,
		Path:        "/healthz",
		Summary:     "Liveness check",
		Description: "Answers 200 while the process is running and serving a snapshot, with the revision it serves.",
		Tags:        []string{"Operations"},
	}, s.health)
	huma.Register(api, huma.Operation{
		OperationID: "get-readiness",
		Method:      http.MethodGet,
		Path:        "/readyz",
		Summary:     "Readiness check",
		Description: "Answers 200 once a dataset snapshot is served and the store answers, with the revision served; 503 before, and while the store is unreachable (the other routes keep serving the last snapshot meanwhile), with the reason.",
		Tags:        []string{"Operations"},
		Errors:      []int{http.StatusServiceUnavailable},
	}, s.ready)
}

// ready is health plus the store: a replica that lost its database still
// serves reads, but a proxy should prefer one that has it.
func (s *Server) ready(ctx context.Context, in *struct{}) (*HealthOutput, error) {
	out, err := s.health(ctx, in)
	if err != nil || s.cfg.StoreCheck == nil {
		return out, err
	}
	cctx, cancel := context.WithTimeout(ctx, storeCheckTimeout)
	defer cancel()
	if err := s.cfg.StoreCheck(cctx); err != nil {
		// The reason names no host or file: the details go to the log.
		s.log.WarnContext(ctx, "readiness: store unreachable", "err", err, "serving_revision", out.Body.Revision)
		reason := "the store does not answer"
		if cctx.Err() != nil {
			reason = fmt.Sprintf("the store did not answer within %s", storeCheckTimeout)
		}
		return nil, huma.ErrorWithHeaders(
			huma.Error503ServiceUnavailable(fmt.Sprintf("store down: %s; still serving revision %d", reason, out.Body.Revision)),
			http.Header{"Retry-After": {"5"}})
	}
	out.Body.Store = "up"
	return out, nil
}

func (s *Server) health(ctx context.Context, _ *struct{}) (*HealthOutput, error) {
	st, err := s.state()
	if err != nil {
		return nil, err
	}
	snap := st.Snapshot()
	out := &HealthOutput{}
	out.Body.Status = "ok"
	out.Body.Revision = snap.Revision
	out.Body.Records = len(snap.Countries) + len(snap.Categories) + len(snap.Networks) +
		len(snap.Municipalities) + len(snap.Memberships) + len(snap.Approaches)
	if st.Release != nil {
		out.Body.Release = st.Release.Release
	}
	return out, nil
}
