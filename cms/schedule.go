package cms

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// DefaultSchedule syncs hourly, at a quarter past: the CMS's editors see
// their changes in the open data within the hour, and the run stays clear
// of the dumps' 03:30.
const DefaultSchedule = "15 * * * *"

// Snapshots gives the snapshot in force; *publish.Publisher implements it.
type Snapshots interface {
	Load() *dataset.Snapshot
}

// Leader elects the one replica, of several serving one PostgreSQL
// database, that runs a scheduled sync. TryLead does not wait: ok is
// false while another replica leads. The lead must end with the process
// that holds it (a PostgreSQL advisory lock ends with its session).
type Leader interface {
	TryLead(ctx context.Context) (release func(), ok bool, err error)
}

// LeaderFunc is a function that is a Leader.
type LeaderFunc func(ctx context.Context) (release func(), ok bool, err error)

// TryLead implements Leader.
func (f LeaderFunc) TryLead(ctx context.Context) (func(), bool, error) { return f(ctx) }

// Scheduler runs Sync on a cron schedule inside the server. A failed run
// changes nothing, so the server goes on serving the last good data; the
// failure is logged and the next run tries again.
type Scheduler struct {
	client *Client
	st     store.Store
	snaps  Snapshots
	log    *slog.Logger
	cron   *cron.Cron

	ctx     context.Context
	cancel  context.CancelFunc
	running sync.Mutex // runs never overlap
	// Leader, when set, lets one replica of several run each scheduled
	// sync; the others skip it. Set it before Start.
	Leader Leader
	wg     sync.WaitGroup

	mu    sync.Mutex
	stats Stats
}

// Stats count the scheduled runs, for the server's metrics: operators
// are told of a CMS that keeps failing while the data goes stale.
type Stats struct {
	Changed, Unchanged, Failed int64
	// LastSuccess and LastFailure are when the last run of each kind
	// ended; zero when none has.
	LastSuccess, LastFailure time.Time
}

// Stats returns the counts so far.
func (s *Scheduler) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

func (s *Scheduler) count(err error, changes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	switch {
	case err != nil:
		s.stats.Failed++
		s.stats.LastFailure = now
	case changes > 0:
		s.stats.Changed++
		s.stats.LastSuccess = now
	default:
		s.stats.Unchanged++
		s.stats.LastSuccess = now
	}
}

// NewScheduler prepares syncs from c into st on spec (five-field cron,
// "" for DefaultSchedule, in UTC unless it says CRON_TZ=).
func NewScheduler(c *Client, st store.Store, snaps Snapshots, spec string, log *slog.Logger) (*Scheduler, error) {
	if spec == "" {
		spec = DefaultSchedule
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("cms sync schedule %q: %w", spec, err)
	}
	s := &Scheduler{client: c, st: st, snaps: snaps, log: log, cron: cron.New(cron.WithLocation(time.UTC))}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.cron.Schedule(sched, cron.FuncJob(func() {
		s.wg.Add(1)
		defer s.wg.Done()
		_ = s.RunNow()
	}))
	return s, nil
}

// RunNow syncs once and returns what went wrong, if anything; a run
// already in progress makes it return at once with nil.
func (s *Scheduler) RunNow() (err error) {
	if !s.running.TryLock() {
		s.log.Info("cms sync skipped: the previous run is still in progress")
		return nil
	}
	defer s.running.Unlock()
	defer func() {
		// A panic in a run must not take the server down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("cms sync panicked: %v", r)
			s.log.Error("cms sync panicked; serving the last good data", "panic", fmt.Sprint(r))
			s.count(err, 0)
		}
	}()
	if s.Leader != nil {
		release, ok, err := s.Leader.TryLead(s.ctx)
		if err != nil {
			err = fmt.Errorf("cms sync: %w", err)
			s.log.Warn("cms sync failed; serving the last good data", "cms", s.client.Base, "err", err)
			s.count(err, 0)
			return err
		}
		if !ok {
			s.log.Info("cms sync skipped: another replica is running it")
			return nil
		}
		defer release()
	}
	snap := s.snaps.Load()
	if snap == nil {
		return errors.New("cms sync skipped: no dataset snapshot loaded")
	}
	rep, _, err := Sync(s.ctx, s.client, s.st, snap, false)
	s.count(err, len(rep.Changes))
	if err != nil {
		s.log.Warn("cms sync failed; serving the last good data", "cms", s.client.Base, "err", err)
		return err
	}
	s.log.Info("cms sync done", "cms", s.client.Base, "changes", len(rep.Changes), "revision", rep.Revision)
	return nil
}

// Start starts the schedule.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops the schedule, cancels a run in progress (which then writes
// nothing) and waits for it until ctx is done.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.cancel()
	done := make(chan struct{})
	go func() {
		<-s.cron.Stop().Done()
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("cms sync still running: %w", ctx.Err())
	}
}
