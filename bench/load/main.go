// Command load is the load test of issue 16: it starts `movingcities serve`
// on a loopback port with a fresh database, holds many concurrent
// keep-alive connections against it for a set time, each sending one
// request after another over a mix of API, linked-data, page and
// reconciliation routes, samples the server's resident memory every
// second, and prints one table per time window.
//
// It is bounded: it only ever talks to the server it started on
// 127.0.0.1, stops by itself after --duration (at most 10 minutes), and
// stops the server. Run it with bench/load.sh.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// routes is the request mix: each connection walks it from its own offset.
var routes = []struct {
	path, accept string
	status       int // the right answer
}{
	{"/healthz", "", 200},
	{"/municipalities?limit=20", "application/json", 200},
	{"/municipalities/berlin", "application/json", 200},
	{"/id/municipality/berlin", "text/turtle", 200},
	{"/networks", "application/json", 200},
	{"/countries/DE", "application/ld+json", 200},
	{"/", "text/html", 200},
	{"/reconcile/suggest/entity?prefix=ber", "application/json", 200},
	{"/approaches", "application/json", 200},
	{"/municipalities/no-such-town", "application/json", 404},
}

// result is one request as a connection saw it.
type result struct {
	at      time.Duration // since the start of the measurement
	latency time.Duration
	err     string // "" when the answer was the expected one
}

func main() {
	bin := flag.String("bin", "", "movingcities binary to serve with (required)")
	conns := flag.Int("connections", 500, "concurrent connections (at most 2000)")
	duration := flag.Duration("duration", 60*time.Second, "how long to load the server (at most 10m)")
	window := flag.Duration("window", 10*time.Second, "time span of one table row")
	flag.Parse()
	if *bin == "" || *conns < 1 || *conns > 2000 || *duration <= 0 || *duration > 10*time.Minute || *window <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, *conns, *duration, *window); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(bin string, conns int, duration, window time.Duration) error {
	dir, err := os.MkdirTemp("", "movingcities-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	addr, err := freeLoopbackAddr()
	if err != nil {
		return err
	}
	srv := exec.Command(bin, "serve", "--addr", addr,
		"--db", filepath.Join(dir, "load.db"), "--dumps-dir", filepath.Join(dir, "releases"))
	srv.Stdout, srv.Stderr = io.Discard, io.Discard
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start the server: %w", err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	base := "http://" + addr
	if err := waitHealthy(base, 60*time.Second); err != nil {
		return err
	}

	// Warm up briefly with few connections, so that the first window
	// measures the server under load, not its first page renders.
	idle := sampleRSS(srv.Process.Pid)
	warm(base, 20, 3*time.Second)
	warmed := sampleRSS(srv.Process.Pid)

	var opened atomic.Int64
	results := make([][]result, conns)
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	start := time.Now()

	type sample struct {
		at  time.Duration
		rss int64
	}
	var samples []sample
	samplerDone := make(chan struct{})
	go func() {
		defer close(samplerDone)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case t := <-tick.C:
				samples = append(samples, sample{t.Sub(start), sampleRSS(srv.Process.Pid)})
			}
		}
	}()

	var wg sync.WaitGroup
	for c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One transport per connection: exactly one keep-alive
			// connection each, as 500 separate clients would hold.
			tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1, IdleConnTimeout: time.Minute}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
			trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) {
				if !i.Reused {
					opened.Add(1)
				}
			}}
			for i := c; ctx.Err() == nil; i++ {
				r := routes[i%len(routes)]
				t0 := time.Now()
				res := result{at: t0.Sub(start)}
				res.err = get(httptrace.WithClientTrace(context.Background(), trace), client, base, r.path, r.accept, r.status)
				res.latency = time.Since(t0)
				results[c] = append(results[c], res)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	<-samplerDone
	after := sampleRSS(srv.Process.Pid)

	var all []result
	for _, rs := range results {
		all = append(all, rs...)
	}
	slices.SortFunc(all, func(a, b result) int { return int(a.at - b.at) })

	fmt.Printf("load test: %d connections for %v against movingcities serve on %s (GOMAXPROCS of the server: the machine's %d CPUs shared with this client)\n",
		conns, duration, addr, runtime.NumCPU())
	fmt.Printf("server RSS: %s idle after start, %s after warm-up\n\n", mib(idle), mib(warmed))
	fmt.Printf("%-9s %9s %8s %7s %8s %8s %8s %10s %10s\n", "window", "requests", "req/s", "errors", "p50", "p99", "max", "RSS min", "RSS max")
	errKinds := map[string]int{}
	var firstRSS, lastRSS int64
	for from := time.Duration(0); from < elapsed; from += window {
		to := from + window
		var lat []time.Duration
		errs := 0
		for _, r := range all {
			if r.at < from || r.at >= to {
				continue
			}
			lat = append(lat, r.latency)
			if r.err != "" {
				errs++
				errKinds[r.err]++
			}
		}
		var lo, hi int64
		for _, s := range samples {
			if s.at < from || s.at >= to || s.rss == 0 {
				continue
			}
			if lo == 0 || s.rss < lo {
				lo = s.rss
			}
			hi = max(hi, s.rss)
		}
		if len(lat) == 0 {
			continue
		}
		if firstRSS == 0 {
			firstRSS = hi
		}
		if hi != 0 {
			lastRSS = hi
		}
		slices.Sort(lat)
		span := min(to, elapsed) - from
		fmt.Printf("%-9s %9d %8.0f %7d %8s %8s %8s %10s %10s\n",
			fmt.Sprintf("%.0f-%.0fs", from.Seconds(), min(to, elapsed).Seconds()), len(lat), float64(len(lat))/span.Seconds(), errs,
			ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), ms(lat[len(lat)-1]), mib(lo), mib(hi))
	}
	total := 0
	for _, n := range errKinds {
		total += n
	}
	fmt.Printf("\ntotal: %d requests in %.1f s (%.0f/s), %d errors, %d connections opened (%d wanted); server RSS after the load %s; RSS of the last window / the first: %.2f\n",
		len(all), elapsed.Seconds(), float64(len(all))/elapsed.Seconds(), total, opened.Load(), conns, mib(after), float64(lastRSS)/float64(max(firstRSS, 1)))
	for k, n := range errKinds {
		fmt.Printf("  error %q: %d\n", k, n)
	}
	if total > 0 {
		return fmt.Errorf("%d requests failed", total)
	}
	return nil
}

// get sends one request and reads the whole answer; it returns what was
// wrong, or "".
func get(ctx context.Context, c *http.Client, base, path, accept string, want int) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return err.Error()
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	res, err := c.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "timeout"
		}
		return "transport: " + err.Error()
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return "body: " + err.Error()
	}
	if res.StatusCode != want {
		return fmt.Sprintf("%s: status %d", path, res.StatusCode)
	}
	return ""
}

func warm(base string, conns int, d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var wg sync.WaitGroup
	for c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for i := c; ctx.Err() == nil; i++ {
				r := routes[i%len(routes)]
				get(context.Background(), client, base, r.path, r.accept, r.status)
			}
		}()
	}
	wg.Wait()
}

func waitHealthy(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("the server did not answer /healthz within %v", limit)
}

// freeLoopbackAddr finds a free port on 127.0.0.1.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// sampleRSS reads a process's resident set size in bytes (0 if unknown).
func sampleRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
