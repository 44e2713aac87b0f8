package dumps

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/moving-cities/opendata/dataset"
)

// DefaultSchedule runs the dumps daily at 03:30, in the Dumper's
// location: outside the hour (02:00–03:00 in Europe/Berlin) that
// daylight-saving changes skip or repeat, in which a cron job would not
// run or run twice.
const DefaultSchedule = "30 3 * * *"

// Snapshots gives the snapshot in force; *publish.Publisher implements it.
type Snapshots interface {
	Load() *dataset.Snapshot
}

// Leader elects the one replica, of several sharing a releases folder,
// that makes a release. TryLead does not wait: ok is false while another
// replica leads. The lead must end with the process that holds it (a
// PostgreSQL advisory lock ends with its session), so a replica that dies
// mid-release leaves it to another next time.
type Leader interface {
	TryLead(ctx context.Context) (release func(), ok bool, err error)
}

// LeaderFunc is a function that is a Leader.
type LeaderFunc func(ctx context.Context) (release func(), ok bool, err error)

// TryLead implements Leader.
func (f LeaderFunc) TryLead(ctx context.Context) (func(), bool, error) { return f(ctx) }

// Scheduler runs a Dumper on a cron schedule.
type Scheduler struct {
	d     *Dumper
	snaps Snapshots
	sched cron.Schedule
	cron  *cron.Cron
	job   cron.Job
	// AfterRun, when set, is called after every run that ends, so that
	// the release it made is served at once.
	AfterRun func()
	// Leader, when set, lets only one replica run at a time, and only
	// when the scheduled run has not been made by another replica
	// already: of several replicas woken at 03:30, one makes the release.
	// Set it before Start.
	Leader Leader

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// NewScheduler prepares runs of d on the snapshot in force, on spec (a
// five-field cron expression, "" for DefaultSchedule) in d's location.
func NewScheduler(d *Dumper, snaps Snapshots, spec string) (*Scheduler, error) {
	if spec == "" {
		spec = DefaultSchedule
	}
	loc := d.location()
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("dump schedule %q: %w", spec, err)
	}
	if ss, ok := sched.(*cron.SpecSchedule); ok && ss.Location == time.Local {
		ss.Location = loc // no CRON_TZ= in spec
	}
	s := &Scheduler{d: d, snaps: snaps, sched: sched}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	logger := cronLogger{d.log()}
	s.cron = cron.New(cron.WithLocation(loc), cron.WithLogger(logger))
	s.job = guard(logger, d.Metrics, d.log(), cron.FuncJob(s.run))
	s.cron.Schedule(sched, s.job)
	return s, nil
}

// guard wraps a job so that runs never overlap and a panicking run is
// recovered, logged and counted, and the job runs again next time.
// Recover must be inside SkipIfStillRunning: a panic through Skip would
// keep its token, and every later run would be skipped.
func guard(l cron.Logger, m *Metrics, log *slog.Logger, j cron.Job) cron.Job {
	return cron.NewChain(cron.SkipIfStillRunning(l), recoverJob(m, log)).Then(j)
}

func recoverJob(m *Metrics, log *slog.Logger) cron.JobWrapper {
	return func(j cron.Job) cron.Job {
		return cron.FuncJob(func() {
			defer func() {
				if r := recover(); r != nil {
					m.panicked()
					log.Error("dump run panicked", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				}
			}()
			j.Run()
		})
	}
}

func (s *Scheduler) run() {
	snap := s.snaps.Load()
	if snap == nil {
		s.d.log().Warn("dump skipped: no dataset snapshot loaded")
		return
	}
	if s.Leader != nil {
		release, ok, err := s.Leader.TryLead(s.ctx)
		switch {
		case err != nil:
			s.d.log().Warn("dump skipped: cannot learn which replica makes the release", "err", err)
			return
		case !ok:
			s.d.log().Info("dump skipped: another replica is making the release", "dir", s.d.Dir)
			return
		}
		defer release()
		// Leading now does not mean no one did tonight: a replica whose
		// clock runs ahead may have finished already.
		if !s.Missed(s.d.now()) {
			s.d.log().Info("dump skipped: another replica made this run's release", "dir", s.d.Dir)
			return
		}
	}
	// Release logs and counts its errors.
	_, _ = s.d.Release(s.ctx, snap)
	if s.AfterRun != nil {
		s.AfterRun()
	}
}

// Start starts the schedule and, when a scheduled run was missed (the
// service was down at the time, or there never was a run), runs at once
// in the background.
func (s *Scheduler) Start() {
	s.cron.Start()
	if s.Missed(s.d.now()) {
		s.d.log().Info("dump run missed; catching up", "dir", s.d.Dir)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.job.Run()
		}()
	}
}

// Missed reports whether a scheduled run fell between the last
// successful run and now.
func (s *Scheduler) Missed(now time.Time) bool {
	last := LastRun(s.d.Dir)
	if last.IsZero() {
		a := Open(s.d.Dir)
		if name, err := a.Latest(); err == nil {
			if m, err := a.Manifest(name); err == nil {
				last = m.Generated
			}
		}
	}
	if last.IsZero() {
		return true
	}
	return !s.sched.Next(last).After(now)
}

// Next is the time of the next scheduled run after now.
func (s *Scheduler) Next(now time.Time) time.Time { return s.sched.Next(now) }

// RunNow runs the job at once, unless a run is in progress, and waits
// for it. With a Leader, it runs only if the scheduled run is due.
func (s *Scheduler) RunNow() { s.job.Run() }

// Stop stops the schedule, cancels a run in progress (which leaves the
// latest release as it was) and waits for it until ctx is done.
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
		return ctx.Err()
	}
}

// cronLogger sends cron's messages to slog: its routine ones at debug
// level, skipped runs as warnings.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		c.l.Warn("dump run skipped: the previous one is still running")
		return
	}
	c.l.Debug("cron: "+msg, kv...)
}

func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "error", err)...)
}
