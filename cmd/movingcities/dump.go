package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // release dates and the schedule are in Europe/Berlin on any machine

	"github.com/prometheus/client_golang/prometheus"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/moving-cities/opendata/vocab"
)

// runDump makes a dump release of the stored dataset in the dumps
// folder, as the server's nightly schedule does, unless the latest
// release holds the same data.
func runDump(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("dump", e, &s, append([]string{"db", "base-uri", "dumps-dir"}, catalogFlags...)...)
	if err != nil {
		return err
	}
	fs.StringVar(&s.dumpsDir, "out", s.dumpsDir, "dumps folder to make the release in (same as --dumps-dir)")
	keepDaily := fs.Int("keep-daily", dumps.DefaultDaily, "number of newest releases to keep")
	keepMonthly := fs.Int("keep-monthly", 0, "months whose first release is kept (0: every month, -1: none)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cat, err := s.catalogConfig()
	if err != nil {
		return err
	}
	// A dump writes files, never the database.
	db, err := backend.OpenReadOnly(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	// Replicas on PostgreSQL make the nightly release into a folder they
	// share, under an advisory lock (serve's Scheduler.Leader); a dump
	// run by hand takes the same lock, so that it never writes the
	// folder while a replica does, on this machine or another.
	if pg, ok := db.(*postgres.DB); ok {
		release, err := waitForLead(ctx, pg.TryLeadRelease, releaseLockPoll, e.stderr)
		if err != nil {
			return err
		}
		defer release()
	}
	snap, err := ingest.Open(ctx, db, nil, log)
	if err != nil {
		return err
	}
	d := newDumper(s, cat, log)
	// The change list names what the revisions since the previous
	// release did, as the change feed does.
	if h, ok := db.(store.History); ok {
		d.History = h
	}
	d.Retention = dumps.Retention{Daily: *keepDaily, Monthly: *keepMonthly}
	bar := newProgressLine(e.stderr)
	d.Progress = bar.update
	res, err := d.Release(ctx, snap)
	bar.done()
	if err != nil {
		return err
	}
	var bytes int64
	for _, f := range res.Manifest.Files {
		bytes += f.Bytes
	}
	if res.Created {
		fmt.Fprintf(e.stdout, "made release %s (revision %d): %d files, %s, in %s\n",
			res.Release, res.Manifest.Revision, len(res.Manifest.Files)+1, humanBytes(bytes), d.Dir)
	} else {
		fmt.Fprintf(e.stdout, "nothing changed: release %s (revision %d) is the latest, in %s\n",
			res.Release, res.Manifest.Revision, d.Dir)
	}
	for _, r := range res.Removed {
		fmt.Fprintf(e.stdout, "removed release %s (retention)\n", r)
	}
	return nil
}

// releaseLockPoll is how often dump asks again for the release lock
// while a replica holds it.
const releaseLockPoll = time.Second

// waitForLead takes the lead of lead, asking again every poll while
// another process holds it (saying so once on w), until ctx ends.
func waitForLead(ctx context.Context, lead dumps.LeaderFunc, poll time.Duration, w io.Writer) (func(), error) {
	said := false
	for {
		release, ok, err := lead(ctx)
		if err != nil {
			return nil, fmt.Errorf("dump: the release lock: %w", err)
		}
		if ok {
			return release, nil
		}
		if !said {
			fmt.Fprintln(w, "waiting for the release lock: a replica is making a release")
			said = true
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("dump: waiting for the release lock: %w", ctx.Err())
		case <-time.After(poll):
		}
	}
}

// newDumper is the Dumper of the dump command and of the server's
// schedule, from the shared settings. Its catalogue configuration is the
// server's (api.Config.Catalog), so that a release's dcat.ttl and
// /catalog agree.
func newDumper(s settings, cat catalog.Config, log *slog.Logger) *dumps.Dumper {
	base := s.base()
	return &dumps.Dumper{
		Dir:     s.dumpsDir,
		BaseURI: base,
		Log:     log,
		Catalog: &cat,
		Graph:   datasetGraph(base),
	}
}

// datasetGraph is the whole dataset's graph (issue 4), for the graph dumps.
func datasetGraph(base string) dumps.Graph {
	return dumps.GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		return graph.DatasetTriples(ctx, snap, base, emit)
	})
}

// registerDumpMetrics exports the dump runs' counters on the registry
// /metrics serves (api.Config.Metrics).
func registerDumpMetrics(reg prometheus.Registerer, m *dumps.Metrics) error {
	return reg.Register(dumpCollector{m})
}

type dumpCollector struct{ m *dumps.Metrics }

var (
	dumpRunsDesc = prometheus.NewDesc("movingcities_dump_runs_total",
		"Dump runs, by result: created (a new release), unchanged (no release needed), failed (errors and panics).", []string{"result"}, nil)
	dumpPanicsDesc = prometheus.NewDesc("movingcities_dump_panics_total",
		"Dump runs that panicked (also counted as failed).", nil, nil)
	dumpLastSuccessDesc = prometheus.NewDesc("movingcities_dump_last_success_timestamp_seconds",
		"End of the last successful dump run, since the Unix epoch (0: none).", nil, nil)
	dumpLastFailureDesc = prometheus.NewDesc("movingcities_dump_last_failure_timestamp_seconds",
		"End of the last failed dump run, since the Unix epoch (0: none).", nil, nil)
	dumpDurationDesc = prometheus.NewDesc("movingcities_dump_last_duration_seconds",
		"Duration of the last dump run.", nil, nil)
	dumpRevisionDesc = prometheus.NewDesc("movingcities_dump_latest_revision",
		"Dataset revision of the latest dump release.", nil, nil)
)

func (c dumpCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{dumpRunsDesc, dumpPanicsDesc, dumpLastSuccessDesc, dumpLastFailureDesc, dumpDurationDesc, dumpRevisionDesc} {
		ch <- d
	}
}

func (c dumpCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.m.Snapshot()
	unix := func(t time.Time) float64 {
		if t.IsZero() {
			return 0
		}
		return float64(t.UnixNano()) / 1e9
	}
	ch <- prometheus.MustNewConstMetric(dumpRunsDesc, prometheus.CounterValue, float64(s.Created), "created")
	ch <- prometheus.MustNewConstMetric(dumpRunsDesc, prometheus.CounterValue, float64(s.Unchanged), "unchanged")
	ch <- prometheus.MustNewConstMetric(dumpRunsDesc, prometheus.CounterValue, float64(s.Failed), "failed")
	ch <- prometheus.MustNewConstMetric(dumpPanicsDesc, prometheus.CounterValue, float64(s.Panics))
	ch <- prometheus.MustNewConstMetric(dumpLastSuccessDesc, prometheus.GaugeValue, unix(s.LastSuccess))
	ch <- prometheus.MustNewConstMetric(dumpLastFailureDesc, prometheus.GaugeValue, unix(s.LastFailure))
	ch <- prometheus.MustNewConstMetric(dumpDurationDesc, prometheus.GaugeValue, s.LastDuration.Seconds())
	ch <- prometheus.MustNewConstMetric(dumpRevisionDesc, prometheus.GaugeValue, float64(s.LatestRevision))
}

// progressLine shows the file being written on one line of a terminal;
// it writes nothing when the output is not a terminal.
type progressLine struct {
	w     io.Writer
	start time.Time
	shown bool
}

func newProgressLine(w io.Writer) *progressLine {
	f, ok := w.(*os.File)
	if !ok {
		return &progressLine{}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &progressLine{}
	}
	return &progressLine{w: w, start: time.Now()}
}

func (p *progressLine) update(pr dumps.Progress) {
	if p.w == nil {
		return
	}
	const width = 24
	filled := width * (pr.Step - 1) / max(pr.Steps, 1)
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d %s (%s)", strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		pr.Step, pr.Steps, pr.File, time.Since(p.start).Round(time.Second))
	p.shown = true
}

func (p *progressLine) done() {
	if p.w != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
