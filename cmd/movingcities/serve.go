package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/moving-cities/opendata/api"
	"github.com/moving-cities/opendata/cms"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/edit"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/publish"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/prometheus/client_golang/prometheus"
)

// runServe serves the dataset: the store (seeded when empty) is followed
// by a publisher, whose State every output reads; the nightly dump runs
// on it and publishes its release.
func runServe(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("serve", e, &s, append([]string{"addr", "metrics-addr", "db", "base-uri", "dumps-dir",
		"sync-cms-url", "sync-cms-schedule",
		"rate-limit", "rate-burst", "fragments-rate-limit", "fragments-rate-burst", "rate-limit-loopback", "client-ip-header", "request-timeout", "max-body-bytes"},
		catalogFlags...)...)
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	// Buffered (logging.go): deferred first, so written out last, after
	// everything the shutdown logs.
	log, closeLog := bufferedLogger(e.stderr)
	defer closeLog()

	// Listen first: without --base-uri, the base follows the address
	// really bound (port 0 included).
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.addr, err)
	}
	defer ln.Close()
	if s.baseURI == "" {
		s.baseURI = baseFromAddr(ln.Addr().String())
		log.InfoContext(ctx, "no --base-uri given: IRIs and links use the listening address; set it to the public address in production",
			"base_uri", s.baseURI)
	}
	cat, err := s.catalogConfig()
	if err != nil {
		return err
	}

	db, err := backend.Open(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := ingest.Seed(ctx, db, dataset.Seed, log); err != nil {
		return err
	}
	// The publisher follows the store until the server stops.
	followCtx, stopFollowing := context.WithCancel(context.WithoutCancel(ctx))
	defer stopFollowing()
	pub := publish.New(publish.Config{Store: db, DumpsDir: s.dumpsDir, BaseURI: s.base(), Log: log})
	metricsReg := api.NewRegistry()
	if err := metricsReg.Register(pub.Metrics()); err != nil {
		return err
	}
	dumper := newDumper(s, cat, log)
	dumper.Metrics = &dumps.Metrics{}
	if h, ok := db.(store.History); ok {
		dumper.History = h
	}
	if err := registerDumpMetrics(metricsReg, dumper.Metrics); err != nil {
		return err
	}
	dumpSchedule, err := dumps.NewScheduler(dumper, pub, dumps.DefaultSchedule)
	if err != nil {
		return err
	}
	dumpSchedule.AfterRun = func() { pub.ReleaseChanged(followCtx) }
	// Replicas on one PostgreSQL share the releases folder: one of them
	// makes each night's release.
	if pg, ok := db.(*postgres.DB); ok {
		dumpSchedule.Leader = dumps.LeaderFunc(pg.TryLeadRelease)
	}
	handler, err := api.New(api.Config{
		BaseURI:            s.base(),
		Version:            version,
		RateLimit:          s.rateLimit,
		RateBurst:          s.rateBurst,
		FragmentsRateLimit: s.fragmentsRate,
		FragmentsRateBurst: s.fragmentsBurst,
		RateLimitLoopback:  s.rateLimitLoopback,
		ClientIPHeader:     s.clientIPHeader,
		RequestTimeout:     s.requestTimeout,
		MaxBodyBytes:       s.maxBodyBytes,
		DumpsDir:           s.dumpsDir,
		StoreCheck:         func(ctx context.Context) error { _, err := db.Revision(ctx); return err },
		Metrics:            metricsReg,
		MetricsElsewhere:   s.metricsAddr != "",
		Catalog:            cat,
		// Editors write through the same store, one revision per write
		// (issue 13); keys come from 'movingcities keys create'.
		Editing: editing(db, pub, log),
	}, pub, log)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      10 * time.Minute, // whole-dataset downloads stream for a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		// Answers made in advance leave in one write (api.Listener).
		ConnContext: api.ConnContext,
	}
	// The first snapshot is loaded once everything that does not need it
	// is built: its full-text indexes start building in the background
	// as it is put in force, and at 100k municipalities they took most of
	// the CPU from what came after, the handler's construction included
	// (issue 18). Nothing reads the publisher before it has a snapshot:
	// the dump schedule and the CMS sync start after it, and the server
	// after them. A bad CMS address still stops start-up before the load.
	if s.syncCMSURL != "" {
		if err := checkCMSURL(s.syncCMSURL); err != nil {
			return fmt.Errorf("--sync-cms-url: %w", err)
		}
	}
	restoreGC := startupGC(e.getenv)
	err = pub.Start(followCtx)
	restoreGC()
	if err != nil {
		return err
	}
	dumpSchedule.Start()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := dumpSchedule.Stop(ctx); err != nil {
			log.Warn("dump run still in progress at shutdown", "err", err)
		}
	}()

	if s.syncCMSURL != "" {
		stop, err := startCMSSync(s, e.getenv(cmsTokenEnv), db, pub, metricsReg, log)
		if err != nil {
			return err
		}
		defer stop()
	}

	// Metrics on a listener of their own, when asked: operators keep it
	// off the public network, and the public port then has no /metrics.
	var metricsSrv *http.Server
	if s.metricsAddr != "" {
		mln, err := net.Listen("tcp", s.metricsAddr)
		if err != nil {
			return fmt.Errorf("listen on %s for metrics: %w", s.metricsAddr, err)
		}
		metricsSrv = &http.Server{Handler: api.MetricsHandler(metricsReg), ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
			ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
		go func() {
			if err := metricsSrv.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("metrics listener stopped", "err", err)
			}
		}()
		log.InfoContext(ctx, "serving metrics", "addr", mln.Addr().String())
		if e.metricsReady != nil {
			e.metricsReady(mln.Addr().String())
		}
	}
	snap := pub.Load()
	log.InfoContext(ctx, "serving", "addr", ln.Addr().String(), "revision", snap.Revision,
		"municipalities", len(snap.Municipalities), "base_uri", s.base())
	if e.ready != nil {
		e.ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(api.Listener(ln)) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if metricsSrv != nil {
		_ = metricsSrv.Shutdown(shutdownCtx)
	}
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// startupMemoryLimit is the soft limit of the Go heap while the first
// snapshot is built with the collector off (see startupGC), when the
// operator sets none (GOMEMLIMIT). At 100k municipalities the snapshot
// is about 200 MB.
const startupMemoryLimit = 1 << 30

// startupGC turns the garbage collector off while the first snapshot is
// built, under a soft memory limit (GOMEMLIMIT's, else
// startupMemoryLimit), and returns what sets both back. The load grows
// the heap from nothing to the snapshot, which is nearly all it
// allocates (issue 18): every collection during it marked a heap that
// was all live, and a target of 400 still took one of 175 MB at 100k
// municipalities, with 0.2 s of CPU, write barriers and faults on its
// own metadata. Past the limit the collector runs as usual. The
// operator's GOGC, when set, is kept during start-up too; getenv is the
// command's environment. The limit in force is asked of the runtime,
// which read GOMEMLIMIT when the process started: with none (or "off"),
// the collector would otherwise be off with no bound at all.
func startupGC(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" {
		return func() {}
	}
	prevLimit := debug.SetMemoryLimit(-1) // reads it
	if prevLimit == math.MaxInt64 {
		debug.SetMemoryLimit(startupMemoryLimit)
	}
	prevPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}
}

// baseFromAddr is the base URI of a listening address: an unspecified
// host (0.0.0.0, ::) is reached as the loopback address.
func baseFromAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip.To4() == nil {
			host = "::1"
		}
	}
	return "http://" + net.JoinHostPort(host, port)
}

// editingStore is what editors' writes need of a store beyond Store.
type editingStore interface {
	store.Store
	store.History
	store.Keys
	store.Proposals
}

// editing wires editors' writes when the store keeps history, keys and
// proposals (SQLite and PostgreSQL both do); on a store that does not,
// writes and history answer 503 and the rest serves as usual.
func editing(db store.Store, pub *publish.Publisher, log *slog.Logger) *api.Editing {
	es, ok := db.(editingStore)
	if !ok {
		log.Warn("this store keeps no revision history: editors' writes, history and the change feed are off")
		return nil
	}
	return &api.Editing{Editor: edit.New(es, pub), Keys: es, History: es, Proposals: es}
}

// startCMSSync runs the sync from the platform's CMS on its schedule;
// each run is a revision the publisher then serves, and a failed run
// leaves the last good data in place. stop ends it.
func startCMSSync(s settings, token string, db store.Store, snaps cms.Snapshots, reg prometheus.Registerer, log *slog.Logger) (stop func(), err error) {
	if err := checkCMSURL(s.syncCMSURL); err != nil {
		return nil, fmt.Errorf("--sync-cms-url: %w", err)
	}
	st := db
	if h, ok := db.(store.History); ok {
		st = withMeta{Store: db, history: h, meta: store.Meta{Author: "cms-sync", Message: "scheduled sync from " + s.syncCMSURL}}
	}
	client := &cms.Client{Base: s.syncCMSURL, Token: token, HTTP: &http.Client{Timeout: time.Minute}}
	sched, err := cms.NewScheduler(client, st, snaps, s.syncCMSSchedule, log)
	if err != nil {
		return nil, err
	}
	// Replicas on one PostgreSQL share the data: one of them runs each
	// scheduled sync.
	if pg, ok := db.(*postgres.DB); ok {
		sched.Leader = cms.LeaderFunc(pg.TryLeadCMSSync)
	}
	if err := reg.Register(cmsSyncCollector{sched}); err != nil {
		return nil, err
	}
	sched.Start()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := sched.Stop(ctx); err != nil {
			log.Warn("cms sync still in progress at shutdown", "err", err)
		}
	}, nil
}

// cmsSyncCollector publishes the scheduled sync's counts on /metrics.
type cmsSyncCollector struct{ s *cms.Scheduler }

var (
	cmsSyncRunsDesc = prometheus.NewDesc("movingcities_cms_sync_runs_total",
		"Scheduled syncs from the CMS, by result: changed (a new revision), unchanged, failed (nothing written).", []string{"result"}, nil)
	cmsSyncLastSuccessDesc = prometheus.NewDesc("movingcities_cms_sync_last_success_timestamp_seconds",
		"End of the last successful CMS sync, since the Unix epoch (0: none).", nil, nil)
	cmsSyncLastFailureDesc = prometheus.NewDesc("movingcities_cms_sync_last_failure_timestamp_seconds",
		"End of the last failed CMS sync, since the Unix epoch (0: none).", nil, nil)
)

func (c cmsSyncCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- cmsSyncRunsDesc
	ch <- cmsSyncLastSuccessDesc
	ch <- cmsSyncLastFailureDesc
}

func (c cmsSyncCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.s.Stats()
	unix := func(t time.Time) float64 {
		if t.IsZero() {
			return 0
		}
		return float64(t.UnixNano()) / 1e9
	}
	ch <- prometheus.MustNewConstMetric(cmsSyncRunsDesc, prometheus.CounterValue, float64(st.Changed), "changed")
	ch <- prometheus.MustNewConstMetric(cmsSyncRunsDesc, prometheus.CounterValue, float64(st.Unchanged), "unchanged")
	ch <- prometheus.MustNewConstMetric(cmsSyncRunsDesc, prometheus.CounterValue, float64(st.Failed), "failed")
	ch <- prometheus.MustNewConstMetric(cmsSyncLastSuccessDesc, prometheus.GaugeValue, unix(st.LastSuccess))
	ch <- prometheus.MustNewConstMetric(cmsSyncLastFailureDesc, prometheus.GaugeValue, unix(st.LastFailure))
}
