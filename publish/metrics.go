package publish

import (
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/moving-cities/opendata/dataset"
)

// Metrics counts snapshot builds. It is a prometheus.Collector that also
// reports the State in force when scraped.
type Metrics struct {
	p                  *Publisher
	builds, failures   atomic.Int64
	lastBuildNanos     atomic.Int64
	lastSuccessSeconds atomic.Int64
	lastSearchNanos    atomic.Int64
}

func (m *Metrics) searchBuilt(d time.Duration) { m.lastSearchNanos.Store(int64(d)) }

func (m *Metrics) built(_ *dataset.Snapshot, d time.Duration) {
	m.builds.Add(1)
	m.lastBuildNanos.Store(int64(d))
	m.lastSuccessSeconds.Store(time.Now().Unix())
}

func (m *Metrics) failed() { m.failures.Add(1) }

// Failures is the number of builds that failed.
func (m *Metrics) Failures() int64 { return m.failures.Load() }

var (
	buildsDesc = prometheus.NewDesc("movingcities_snapshot_builds_total",
		"Snapshot builds by result: published, or failed (the previous snapshot kept serving).", []string{"result"}, nil)
	buildSecondsDesc = prometheus.NewDesc("movingcities_snapshot_build_seconds",
		"Time the last published snapshot took to load and index.", nil, nil)
	searchSecondsDesc = prometheus.NewDesc("movingcities_search_index_build_seconds",
		"Time the full-text indexes of the last snapshot took to build (the previous snapshot serving meanwhile).", nil, nil)
	publishedDesc = prometheus.NewDesc("movingcities_snapshot_published_timestamp_seconds",
		"When the last snapshot was published (Unix time).", nil, nil)
	revisionDesc = prometheus.NewDesc("movingcities_dataset_revision",
		"Revision of the dataset snapshot being served.", nil, nil)
	recordsDesc = prometheus.NewDesc("movingcities_dataset_records",
		"Records in the snapshot being served, by type.", []string{"type"}, nil)
	releaseDesc = prometheus.NewDesc("movingcities_release_revision",
		"Dataset revision of the latest release being served (absent before the first).", nil, nil)
)

// Describe implements prometheus.Collector.
func (m *Metrics) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{buildsDesc, buildSecondsDesc, searchSecondsDesc, publishedDesc, revisionDesc, recordsDesc, releaseDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (m *Metrics) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(buildsDesc, prometheus.CounterValue, float64(m.builds.Load()), "published")
	ch <- prometheus.MustNewConstMetric(buildsDesc, prometheus.CounterValue, float64(m.failures.Load()), "failed")
	ch <- prometheus.MustNewConstMetric(buildSecondsDesc, prometheus.GaugeValue, time.Duration(m.lastBuildNanos.Load()).Seconds())
	ch <- prometheus.MustNewConstMetric(searchSecondsDesc, prometheus.GaugeValue, time.Duration(m.lastSearchNanos.Load()).Seconds())
	ch <- prometheus.MustNewConstMetric(publishedDesc, prometheus.GaugeValue, float64(m.lastSuccessSeconds.Load()))
	if m.p == nil {
		return
	}
	s := m.p.Current()
	if s == nil {
		return
	}
	snap := s.Snapshot()
	ch <- prometheus.MustNewConstMetric(revisionDesc, prometheus.GaugeValue, float64(snap.Revision))
	for _, n := range []struct {
		t dataset.Type
		n int
	}{{dataset.TypeApproach, len(snap.Approaches)}, {dataset.TypeCategory, len(snap.Categories)}, {dataset.TypeCountry, len(snap.Countries)},
		{dataset.TypeMembership, len(snap.Memberships)}, {dataset.TypeMunicipality, len(snap.Municipalities)}, {dataset.TypeNetwork, len(snap.Networks)}} {
		ch <- prometheus.MustNewConstMetric(recordsDesc, prometheus.GaugeValue, float64(n.n), string(n.t))
	}
	if s.Release != nil {
		ch <- prometheus.MustNewConstMetric(releaseDesc, prometheus.GaugeValue, float64(s.Release.Revision))
	}
}
