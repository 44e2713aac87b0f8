package api

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics counts requests for Prometheus, through its client library.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

// NewRegistry returns a Prometheus registry with the Go runtime and
// process collectors, for Config.Metrics; other parts of the service (the
// publisher, the dumps scheduler) register their own collectors on it.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

func newMetrics(reg *prometheus.Registry) *metrics {
	if reg == nil {
		reg = NewRegistry()
	}
	labels := []string{"method", "route", "status"}
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "Requests answered, by method (other: not a standard method), route pattern and status class.",
		}, labels),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "Time to answer requests, by method (other: not a standard method), route pattern and status class.",
			Buckets: []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
		}, labels),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "http_requests_in_flight", Help: "Requests being answered.",
		}),
	}
	reg.MustRegister(m.requests, m.duration, m.inFlight)
	return m
}

// observe counts one answered request. Every label comes from a fixed,
// small set, whatever the client sent: each new label value is a new time
// series, kept until the process ends, so a label a client can choose is
// a way to exhaust the memory of the service and of Prometheus (issue 16,
// item 1). The route is the pattern matched (or "unmatched"), never the
// path.
func (m *metrics) observe(method, route string, status int, seconds float64) {
	method, code := methodLabel(method), statusClass(status)
	m.requests.WithLabelValues(method, route, code).Inc()
	m.duration.WithLabelValues(method, route, code).Observe(seconds)
}

// methodLabel is the method as a label: one of HTTP's registered methods
// (RFC 9110, and PATCH), else "other".
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return method
	}
	return "other"
}

// statusClass is a status code as a label: its class ("2xx"…"5xx"), and
// "other" outside 100–599.
func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return statusClasses[status/100-1]
}

// statusClasses are the labels of statusClass, made once.
var statusClasses = [...]string{"1xx", "2xx", "3xx", "4xx", "5xx"}

// MetricsHandler serves the registry's metrics, for a listener of their
// own (Config.MetricsElsewhere).
func MetricsHandler(reg *prometheus.Registry) http.Handler {
	return newMetricsOnly(reg).serve("/metrics")(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		problem(w, http.StatusNotFound, "only /metrics is served here", nil)
	}))
}

// newMetricsOnly wraps a registry that someone else fills.
func newMetricsOnly(reg *prometheus.Registry) *metrics { return &metrics{reg: reg} }

// serve answers GET path with the metrics and passes other requests on.
func (m *metrics) serve(path string) func(http.Handler) http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				next.ServeHTTP(w, r)
				return
			}
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				problem(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+path, nil)
				return
			}
			w.Header().Set("Cache-Control", "no-store")
			h.ServeHTTP(w, r)
		})
	}
}
