package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// logFlushEvery is how long a log line of the service may wait in memory
// before it is written out.
const logFlushEvery = 200 * time.Millisecond

// logBuffer keeps the service's log lines in memory and writes them out
// every logFlushEvery, at once for a record of level Warn or above (see
// flushingHandler), and on Close: one write system call per request, for
// its access-log line, cost about a tenth of the CPU of serving a small
// document (issue 18). A clean stop loses no line; a crash (a panic
// outside a handler, SIGKILL, the machine going down) loses the lines of
// the last logFlushEvery at most, never a warning or an error logged
// before it.
type logBuffer struct {
	mu     sync.Mutex
	w      io.Writer
	buf    *bufio.Writer
	closed bool // lines go straight to w

	stop chan struct{}
	done chan struct{}
}

func newLogBuffer(w io.Writer) *logBuffer {
	l := &logBuffer{w: w, buf: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go l.flushEvery(logFlushEvery)
	return l
}

func (l *logBuffer) flushEvery(d time.Duration) {
	defer close(l.done)
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = l.Flush()
		case <-l.stop:
			return
		}
	}
}

// Write keeps p, a whole log line; a full buffer is written out first.
func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return l.w.Write(p)
	}
	return l.buf.Write(p)
}

// Flush writes out what is buffered.
func (l *logBuffer) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Buffered() == 0 {
		return nil
	}
	return l.buf.Flush()
}

// Close stops the periodic flush and writes out what is left; later
// lines are written as they come.
func (l *logBuffer) Close() error {
	close(l.stop)
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	return l.buf.Flush()
}

// flushingHandler writes out the log buffer after every record of level
// Warn or above, so that trouble is on the log as soon as it is told.
type flushingHandler struct {
	slog.Handler
	buf *logBuffer
}

func (h flushingHandler) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= slog.LevelWarn {
		if ferr := h.buf.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

func (h flushingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return flushingHandler{Handler: h.Handler.WithAttrs(attrs), buf: h.buf}
}

func (h flushingHandler) WithGroup(name string) slog.Handler {
	return flushingHandler{Handler: h.Handler.WithGroup(name), buf: h.buf}
}

// bufferedLogger is the service's JSON logger on w, buffered as
// logBuffer says; close writes out what is left and must be called
// before the process ends.
func bufferedLogger(w io.Writer) (log *slog.Logger, close func() error) {
	buf := newLogBuffer(w)
	return slog.New(flushingHandler{Handler: slog.NewJSONHandler(buf, nil), buf: buf}), buf.Close
}
