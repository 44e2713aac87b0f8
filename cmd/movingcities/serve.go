package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/moving-cities/opendata/api"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/sqlite"
)

func runServe(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("serve", e, &s, append([]string{"addr", "db", "base-uri", "dumps-dir",
		"rate-limit", "rate-burst", "rate-limit-loopback", "client-ip-header", "request-timeout", "max-body-bytes"},
		catalogFlags...)...)
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	cat, err := s.catalogConfig()
	if err != nil {
		return err
	}

	db, err := sqlite.Open(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	snap, err := ingest.Open(ctx, db, dataset.Seed, log)
	if err != nil {
		return err
	}
	var current dataset.Current
	current.Store(snap)

	metricsReg := api.NewRegistry()
	dumper := newDumper(s, cat, log)
	dumper.Metrics = &dumps.Metrics{}
	if err := registerDumpMetrics(metricsReg, dumper.Metrics); err != nil {
		return err
	}
	dumpSchedule, err := dumps.NewScheduler(dumper, &current, dumps.DefaultSchedule)
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

	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.addr, err)
	}
	srv := &http.Server{
		Handler: api.New(api.Config{
			BaseURI:           normaliseBase(s.baseURI),
			Version:           version,
			RateLimit:         s.rateLimit,
			RateBurst:         s.rateBurst,
			RateLimitLoopback: s.rateLimitLoopback,
			ClientIPHeader:    s.clientIPHeader,
			RequestTimeout:    s.requestTimeout,
			MaxBodyBytes:      s.maxBodyBytes,
			DumpsDir:          s.dumpsDir,
			Metrics:           metricsReg,
			Catalog:           cat,
		}, &current, log),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      10 * time.Minute, // whole-dataset downloads stream for a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.InfoContext(ctx, "serving", "addr", ln.Addr().String(), "revision", snap.Revision,
		"municipalities", len(snap.Municipalities), "base_uri", s.baseURI)
	if e.ready != nil {
		e.ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
