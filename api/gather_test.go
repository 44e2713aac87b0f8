package api

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingListener counts the writes to its connections.
type countingListener struct {
	net.Listener
	writes atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return countingConn{Conn: c, writes: &l.writes}, nil
}

type countingConn struct {
	net.Conn
	writes *atomic.Int64
}

func (c countingConn) Write(p []byte) (int, error) {
	c.writes.Add(1)
	return c.Conn.Write(p)
}

// Answers made in advance leave in one write whatever their size up to
// maxHeld, byte for byte, one after another on a kept-alive connection;
// other answers are written as net/http writes them.
func TestGatheredAnswers(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	counted := &countingListener{Listener: ln}
	mux := http.NewServeMux()
	bodies := map[string][]byte{}
	gz := newGzippers(gzip.BestCompression)
	for _, n := range []int{10, gatherFrom - 1, gatherFrom, 3500, 4096 - 200, 4096, 6755, 8192, 20000, maxHeld - 300, maxHeld, 200_000} {
		// Not compressible: Accept-Encoding is not sent anyway.
		b := bytes.Repeat([]byte(fmt.Sprintf("%07d ", n)), n/8+1)[:n]
		path := fmt.Sprintf("/doc/%d", n)
		bodies[path] = b
		rep := newRendered(gz, b, "text/turtle; charset=utf-8", time.Time{})
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { rep.serve(w, r, http.StatusOK, maxAge5m) })
	}
	streamed := strings.Repeat("streamed answer ", 1000)
	mux.HandleFunc("/streamed", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(streamed); i += 1000 {
			io.WriteString(w, streamed[i:i+1000])
			http.NewResponseController(w).Flush()
		}
	})
	srv := &http.Server{Handler: mux, ConnContext: ConnContext}
	go srv.Serve(Listener(counted))
	t.Cleanup(func() { srv.Close() })
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 1}}
	get := func(path string) []byte {
		t.Helper()
		resp, err := client.Get("http://" + ln.Addr().String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %v", path, resp.StatusCode, err)
		}
		return b
	}
	get("/doc/10") // the connection, kept alive from now on
	for round := range 2 {
		for path, want := range bodies {
			before := counted.writes.Load()
			if got := get(path); !bytes.Equal(got, want) {
				t.Errorf("round %d: %s: %d bytes differ from the %d made", round, path, len(got), len(want))
			}
			writes := counted.writes.Load() - before
			if len(want) < maxHeld-serverBufferSize && writes != 1 {
				t.Errorf("round %d: %s left in %d writes, want 1", round, path, writes)
			}
		}
		if got := string(get("/streamed")); got != streamed {
			t.Errorf("streamed answer differs: %d bytes", len(got))
		}
	}
}
