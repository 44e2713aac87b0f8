package dumps

import (
	"sync/atomic"
	"time"
)

// Metrics counts dump runs, for the service's /metrics (which exports
// Snapshot). The zero value is ready; a nil *Metrics counts nothing.
type Metrics struct {
	created, unchanged, failed, panics atomic.Int64
	lastSuccess                        atomic.Int64 // Unix seconds
	lastFailure                        atomic.Int64 // Unix seconds
	lastDuration                       atomic.Int64 // nanoseconds
	latestRevision                     atomic.Int64
}

// MetricsSnapshot is the counters at one moment.
type MetricsSnapshot struct {
	Created, Unchanged, Failed, Panics int64
	// LastSuccess and LastFailure are the end of the last successful and
	// failed run (zero if none).
	LastSuccess, LastFailure time.Time
	LastDuration             time.Duration
	// LatestRevision is the dataset revision of the latest release seen.
	LatestRevision int64
}

func (m *Metrics) observe(res *Result, err error, d time.Duration) {
	if m == nil || (res == nil && err == nil) { // a panic: see panicked
		return
	}
	now := time.Now().Unix()
	m.lastDuration.Store(int64(d))
	switch {
	case err != nil:
		m.failed.Add(1)
		m.lastFailure.Store(now)
	case res.Created:
		m.created.Add(1)
		m.lastSuccess.Store(now)
	default:
		m.unchanged.Add(1)
		m.lastSuccess.Store(now)
	}
	if res != nil && res.Manifest != nil {
		m.latestRevision.Store(res.Manifest.Revision)
	}
}

func (m *Metrics) panicked() {
	if m == nil {
		return
	}
	m.panics.Add(1)
	m.failed.Add(1)
	m.lastFailure.Store(time.Now().Unix())
}

// Snapshot returns the counters.
func (m *Metrics) Snapshot() MetricsSnapshot {
	if m == nil {
		return MetricsSnapshot{}
	}
	unix := func(s int64) time.Time {
		if s == 0 {
			return time.Time{}
		}
		return time.Unix(s, 0)
	}
	return MetricsSnapshot{
		Created: m.created.Load(), Unchanged: m.unchanged.Load(), Failed: m.failed.Load(), Panics: m.panics.Load(),
		LastSuccess: unix(m.lastSuccess.Load()), LastFailure: unix(m.lastFailure.Load()),
		LastDuration: time.Duration(m.lastDuration.Load()), LatestRevision: m.latestRevision.Load(),
	}
}
