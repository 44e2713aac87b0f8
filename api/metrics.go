package api

import (
	"bufio"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// metrics counts requests for Prometheus, in its text exposition format
// (version 0.0.4), which is small enough to write by hand.
type metrics struct {
	snaps    Snapshots
	start    time.Time
	inFlight atomic.Int64

	mu       sync.Mutex
	requests map[requestLabels]*requestStats
}

type requestLabels struct {
	method, route string
	status        int
}

type requestStats struct {
	count   uint64
	sum     float64
	buckets []uint64 // per durationBuckets, not cumulative
}

// durationBuckets are the upper bounds, in seconds, of the duration histogram.
var durationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

func newMetrics(snaps Snapshots) *metrics {
	return &metrics{snaps: snaps, start: time.Now(), requests: map[requestLabels]*requestStats{}}
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	k := requestLabels{method, route, status}
	secs := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.requests[k]
	if st == nil {
		st = &requestStats{buckets: make([]uint64, len(durationBuckets))}
		m.requests[k] = st
	}
	st.count++
	st.sum += secs
	for j, le := range durationBuckets {
		if secs <= le {
			st.buckets[j]++
			break
		}
	}
}

// serve answers GET path with the metrics and passes other requests on.
func (m *metrics) serve(path string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				next.ServeHTTP(w, r)
				return
			}
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				writeProblem(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+path)
				return
			}
			w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			bw := bufio.NewWriter(w)
			m.write(bw)
			_ = bw.Flush()
		})
	}
}

func labelValue(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (m *metrics) write(w *bufio.Writer) {
	m.mu.Lock()
	keys := make([]requestLabels, 0, len(m.requests))
	stats := make(map[requestLabels]requestStats, len(m.requests))
	for k, st := range m.requests {
		keys = append(keys, k)
		stats[k] = requestStats{count: st.count, sum: st.sum, buckets: slices.Clone(st.buckets)}
	}
	m.mu.Unlock()
	slices.SortFunc(keys, func(a, b requestLabels) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		if c := strings.Compare(a.method, b.method); c != 0 {
			return c
		}
		return a.status - b.status
	})
	labels := func(k requestLabels) string {
		return fmt.Sprintf(`method="%s",route="%s",status="%d"`, labelValue(k.method), labelValue(k.route), k.status)
	}

	fmt.Fprintln(w, "# HELP http_requests_total Requests answered, by method, route pattern and status.")
	fmt.Fprintln(w, "# TYPE http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "http_requests_total{%s} %d\n", labels(k), stats[k].count)
	}
	fmt.Fprintln(w, "# HELP http_request_duration_seconds Time to answer requests, by method, route pattern and status.")
	fmt.Fprintln(w, "# TYPE http_request_duration_seconds histogram")
	for _, k := range keys {
		st, l := stats[k], labels(k)
		var cum uint64
		for j, le := range durationBuckets {
			cum += st.buckets[j]
			fmt.Fprintf(w, "http_request_duration_seconds_bucket{%s,le=\"%s\"} %d\n", l, formatFloat(le), cum)
		}
		fmt.Fprintf(w, "http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", l, st.count)
		fmt.Fprintf(w, "http_request_duration_seconds_sum{%s} %s\n", l, formatFloat(st.sum))
		fmt.Fprintf(w, "http_request_duration_seconds_count{%s} %d\n", l, st.count)
	}
	fmt.Fprintln(w, "# HELP http_requests_in_flight Requests being answered.")
	fmt.Fprintln(w, "# TYPE http_requests_in_flight gauge")
	fmt.Fprintf(w, "http_requests_in_flight %d\n", m.inFlight.Load())

	if m.snaps != nil {
		if snap := m.snaps.Load(); snap != nil {
			fmt.Fprintln(w, "# HELP movingcities_dataset_revision Revision of the dataset snapshot being served.")
			fmt.Fprintln(w, "# TYPE movingcities_dataset_revision gauge")
			fmt.Fprintf(w, "movingcities_dataset_revision %d\n", snap.Revision)
			fmt.Fprintln(w, "# HELP movingcities_dataset_records Records in the snapshot being served, by type.")
			fmt.Fprintln(w, "# TYPE movingcities_dataset_records gauge")
			for _, c := range []struct {
				t string
				n int
			}{{"approach", len(snap.Approaches)}, {"category", len(snap.Categories)}, {"country", len(snap.Countries)},
				{"membership", len(snap.Memberships)}, {"municipality", len(snap.Municipalities)}, {"network", len(snap.Networks)}} {
				fmt.Fprintf(w, "movingcities_dataset_records{type=\"%s\"} %d\n", c.t, c.n)
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# HELP process_start_time_seconds Start time of the process since the Unix epoch, in seconds.")
	fmt.Fprintln(w, "# TYPE process_start_time_seconds gauge")
	fmt.Fprintf(w, "process_start_time_seconds %s\n", formatFloat(float64(m.start.UnixMilli())/1000))
	fmt.Fprintln(w, "# HELP go_goroutines Number of goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintln(w, "# HELP go_memstats_heap_alloc_bytes Number of heap bytes allocated and still in use.")
	fmt.Fprintln(w, "# TYPE go_memstats_heap_alloc_bytes gauge")
	fmt.Fprintf(w, "go_memstats_heap_alloc_bytes %d\n", ms.HeapAlloc)
}
