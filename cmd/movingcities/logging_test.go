package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the flushing goroutine and the test may
// share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestBufferedLogger(t *testing.T) {
	out := &lockedBuffer{}
	log, closeLog := bufferedLogger(out)
	log.Info("first")
	if strings.Contains(out.String(), "first") {
		t.Error("an Info line was written at once, not buffered")
	}
	log.Warn("trouble")
	if s := out.String(); !strings.Contains(s, `"msg":"first"`) || !strings.Contains(s, `"msg":"trouble"`) {
		t.Errorf("a warning did not write out the buffer: %q", s)
	}
	log.Info("later")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "later") && time.Now().Before(deadline) {
		time.Sleep(logFlushEvery / 4)
	}
	if !strings.Contains(out.String(), "later") {
		t.Errorf("an Info line was not written out within %s", 5*time.Second)
	}
	log.With("k", "v").Info("last")
	if err := closeLog(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"msg":"last","k":"v"`) {
		t.Errorf("close lost a line: %q", out.String())
	}
	log.Info("after close")
	if !strings.Contains(out.String(), "after close") {
		t.Error("a line logged after close was not written at once")
	}
	if n := strings.Count(out.String(), "\n"); n != 5 {
		t.Errorf("%d lines, want 5:\n%s", n, out)
	}
}
