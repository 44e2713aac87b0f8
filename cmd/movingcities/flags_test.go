package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Boolean settings must work bare, as every other Go tool's do (issue 16,
// item 9): "--rate-limit-loopback" alone used to be a usage error.
func TestBooleanFlagsWorkBare(t *testing.T) {
	tests := []struct {
		name string
		env  string
		args []string
		want bool
	}{
		{"bare", "", []string{"--rate-limit-loopback"}, true},
		{"single dash", "", []string{"-rate-limit-loopback"}, true},
		{"explicit true", "", []string{"--rate-limit-loopback=true"}, true},
		{"explicit false", "", []string{"--rate-limit-loopback=false"}, false},
		{"bare overrides environment", "false", []string{"--rate-limit-loopback"}, true},
		{"false overrides environment", "true", []string{"--rate-limit-loopback=false"}, false},
		{"environment only", "true", nil, true},
		{"default", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, errb := testEnv(map[string]string{"MOVINGCITIES_RATE_LIMIT_LOOPBACK": tt.env})
			var s settings
			fs, err := newFlags("serve", e, &s, "rate-limit-loopback", "addr")
			if err != nil {
				t.Fatal(err)
			}
			// A following flag must still be read as a flag, not as the value.
			args := append(tt.args, "--addr", "127.0.0.1:1")
			if err := parse(fs, args); err != nil {
				t.Fatalf("parse %q: %v: %s", args, err, errb)
			}
			if s.rateLimitLoopback != tt.want {
				t.Errorf("parse %q: rateLimitLoopback = %v, want %v", args, s.rateLimitLoopback, tt.want)
			}
			if s.addr != "127.0.0.1:1" {
				t.Errorf("parse %q: addr = %q", args, s.addr)
			}
		})
	}
}

// With --metrics-addr, /metrics is served there and not on the public
// address (issue 16, item 1).
func TestServeMetricsOnTheirOwnAddress(t *testing.T) {
	e, _, errb := testEnv(map[string]string{"MOVINGCITIES_ADDR": "127.0.0.1:0",
		"MOVINGCITIES_DB": filepath.Join(t.TempDir(), "serve.db"), "MOVINGCITIES_DUMPS_DIR": filepath.Join(t.TempDir(), "releases")})
	ready, metricsReady := make(chan string, 1), make(chan string, 1)
	e.ready = func(addr string) { ready <- addr }
	e.metricsReady = func(addr string) { metricsReady <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--metrics-addr", "127.0.0.1:0"}, e) }()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d: %s", code, errb)
		}
	}()
	var addr, maddr string
	for addr == "" || maddr == "" {
		select {
		case addr = <-ready:
		case maddr = <-metricsReady:
		case code := <-done:
			done <- code
			t.Fatalf("serve exited with %d: %s", code, errb)
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not start")
		}
	}
	status := func(url string) (int, string) {
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	status("http://" + addr + "/healthz")
	if code, _ := status("http://" + addr + "/metrics"); code != http.StatusNotFound {
		t.Errorf("GET /metrics on the public address = %d, want 404", code)
	}
	if code, body := status("http://" + maddr + "/metrics"); code != http.StatusOK ||
		!strings.Contains(body, `http_requests_total{method="GET",route="/healthz",status="2xx"}`) ||
		!strings.Contains(body, "movingcities_dataset_revision") {
		t.Errorf("GET /metrics on --metrics-addr = %d %.500s", code, body)
	}
}
