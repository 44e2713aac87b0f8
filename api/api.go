// Package api serves the dataset over HTTP: Huma v2 operations on a chi v5
// router, reading the snapshot in force and never the store.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/moving-cities/opendata/dataset"
)

// Snapshots gives the snapshot in force; *dataset.Current implements it.
type Snapshots interface {
	Load() *dataset.Snapshot
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
	Metrics  *prometheus.Registry
	DumpsDir string        // folder of the dump releases served at /dumps (issue 6); empty: none
	Catalog  CatalogConfig // the DCAT-AP catalogue's publisher, contact point, licence… (issue 8); zero: defaults
}

// Server holds what the operations read.
type Server struct {
	cfg   Config
	snaps Snapshots
	log   *slog.Logger
	start time.Time
}

// New builds the service's HTTP handler.
func New(cfg Config, snaps Snapshots, log *slog.Logger) http.Handler {
	router := chi.NewMux()
	router.Use(plumbing(cfg, snaps, log)...)
	s := NewServer(cfg, snaps, log)
	api := humachi.New(router, humaConfig(cfg))
	Register(api, router, s)
	return router
}

// NewServer returns the Server that Register wires up.
func NewServer(cfg Config, snaps Snapshots, log *slog.Logger) *Server {
	return &Server{cfg: cfg, snaps: snaps, log: log, start: time.Now()}
}

func humaConfig(cfg Config) huma.Config {
	hc := huma.DefaultConfig("Moving Cities Open Data API", cfg.Version)
	hc.Info.Description = "Open data on European municipalities that support a solidarity-based migration policy, the city networks they form and the local approaches they implemented."
	hc.DocsPath = "" // Huma's docs page loads scripts from a third-party host
	// Not NoFormatFallback: with it, Huma's negotiation answers neither a
	// missing Accept nor */* (it panics). Unacceptable types must get 406
	// from our own negotiation in front of Huma instead.
	return hc
}

// Register adds every operation to api, and the routes Huma does not
// model (content-negotiated documents) to router. main and the tests call
// it alike.
func Register(api huma.API, router chi.Router, s *Server) {
	registerHealth(api, s)
	registerVocab(api, router, s)
	registerREST(api, router, s)
	registerDocuments(api, router, s) // after registerREST: takes over its get operations' GET routes
	registerReconcile(api, router, s)
	registerDumps(api, router, s)
	registerCatalog(api, router, s)
	registerPages(api, router, s)
}

// Spec returns the OpenAPI document of the operations, as YAML; the
// committed openapi.yaml is its output.
func Spec(cfg Config) ([]byte, error) {
	router := chi.NewMux()
	api := humachi.New(router, humaConfig(cfg))
	Register(api, router, NewServer(cfg, nil, slog.New(slog.DiscardHandler)))
	return api.OpenAPI().YAML()
}

// HealthOutput is the answer of the health checks.
type HealthOutput struct {
	Body struct {
		Status   string `json:"status" enum:"ok,starting" doc:"ok when the service can answer requests"`
		Revision int64  `json:"revision" doc:"dataset revision being served"`
		Records  int    `json:"records" doc:"records in the snapshot being served"`
	}
}

func registerHealth(api huma.API, s *Server) {
	huma.Register(api, huma.Operation{
		OperationID: "get-health",
		Method:      http.MethodGet,
		Path:        "/healthz",
		Summary:     "Liveness check",
		Description: "Answers 200 while the process is running and serving a snapshot.",
		Tags:        []string{"Operations"},
	}, s.health)
	huma.Register(api, huma.Operation{
		OperationID: "get-readiness",
		Method:      http.MethodGet,
		Path:        "/readyz",
		Summary:     "Readiness check",
		Description: "Answers 200 once a dataset snapshot is loaded, 503 before.",
		Tags:        []string{"Operations"},
	}, s.health)
}

func (s *Server) health(ctx context.Context, _ *struct{}) (*HealthOutput, error) {
	snap := s.snaps.Load()
	if snap == nil {
		return nil, huma.Error503ServiceUnavailable("no dataset snapshot loaded yet")
	}
	out := &HealthOutput{}
	out.Body.Status = "ok"
	out.Body.Revision = snap.Revision
	out.Body.Records = len(snap.Countries) + len(snap.Categories) + len(snap.Networks) +
		len(snap.Municipalities) + len(snap.Memberships) + len(snap.Approaches)
	return out, nil
}
