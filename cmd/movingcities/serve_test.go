package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// serve builds its first snapshot with the collector off under a soft
// memory limit, unless the operator's GOGC says otherwise, and sets both
// back afterwards.
func TestStartupGC(t *testing.T) {
	const operatorLimit = 3 << 30
	for _, c := range []struct {
		name        string
		env         map[string]string
		procLimit   int64 // the process's limit, as GOMEMLIMIT set it
		wantPercent int
		wantLimit   int64
	}{
		{"defaults", nil, math.MaxInt64, -1, startupMemoryLimit},
		{"GOMEMLIMIT", map[string]string{"GOMEMLIMIT": "3GiB"}, operatorLimit, -1, operatorLimit},
		{"GOGC", map[string]string{"GOGC": "50"}, math.MaxInt64, 50, math.MaxInt64},
	} {
		t.Run(c.name, func(t *testing.T) {
			prevPercent := debug.SetGCPercent(50)
			prevLimit := debug.SetMemoryLimit(c.procLimit)
			defer func() {
				debug.SetGCPercent(prevPercent)
				debug.SetMemoryLimit(prevLimit)
			}()
			restore := startupGC(func(k string) string { return c.env[k] })
			percent := debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			if percent != c.wantPercent {
				t.Errorf("GC percent during start-up = %d, want %d", percent, c.wantPercent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
				t.Errorf("memory limit during start-up = %d, want %d", got, c.wantLimit)
			}
			restore()
			if got := debug.SetGCPercent(50); got != 50 {
				t.Errorf("GC percent after start-up = %d, want 50", got)
			}
			if got := debug.SetMemoryLimit(-1); got != c.procLimit {
				t.Errorf("memory limit after start-up = %d, want %d", got, c.procLimit)
			}
		})
	}
}
