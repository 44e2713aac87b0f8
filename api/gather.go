package api

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// An answer of a few kilobytes made in advance (rendered.serve) leaves
// net/http in two writes to the connection: its buffer of 4 KiB, full,
// and the rest at the end of the request; on loopback and fast networks
// each write system call costs as much as the rest of serving it (issue
// 18: two in five of the server's CPU for a 6.7 KB Turtle document).
// A connection from Listener, told by rendered.serve through the request
// context (ConnContext) that a whole answer is being written, holds the
// full buffers and sends them with the last part, in one write.

// Listener wraps ln's connections so that the answers rendered.serve
// writes leave in one write. A server on it sets ConnContext.
func Listener(ln net.Listener) net.Listener {
	return gatherListener{Listener: ln, buffers: &sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}}
}

// ConnContext is the http.Server ConnContext of a server on Listener: it
// puts the connection in the context of its requests.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	if g, ok := c.(*gatherConn); ok {
		return context.WithValue(ctx, gatherKey{}, g)
	}
	return ctx
}

type gatherKey struct{}

// gatherAnswer tells the connection of r, when it is one of Listener's,
// that the answer now written is written whole.
func gatherAnswer(r *http.Request) {
	if g, ok := r.Context().Value(gatherKey{}).(*gatherConn); ok {
		g.gather()
	}
}

// gatherListener's buffers are those of its connections that hold an
// answer, for the time they hold it.
type gatherListener struct {
	net.Listener
	buffers *sync.Pool
}

func (l gatherListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &gatherConn{Conn: c, buffers: l.buffers}, nil
}

const (
	// serverBufferSize is the size of net/http's buffer of a connection's
	// writes: a write of exactly this size is a full buffer, and more of
	// the answer follows.
	serverBufferSize = 4 << 10
	// maxHeld bounds what a connection holds: an answer larger leaves in
	// writes of about this size.
	maxHeld = 64 << 10
)

// gatherConn holds the full buffers net/http writes while gathering, and
// writes them with the next write of another size: the end of the answer,
// or a large write net/http passes through. A deadline (net/http sets
// one after every request), a close, a half-close or sendfile writes out
// what it holds first, so nothing waits past the request.
type gatherConn struct {
	net.Conn
	buffers   *sync.Pool // the listener's
	mu        sync.Mutex
	gathering bool
	held      *[]byte // nil unless holding
}

func (c *gatherConn) gather() {
	c.mu.Lock()
	c.gathering = true
	c.mu.Unlock()
}

func (c *gatherConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.gathering {
		return c.Conn.Write(p)
	}
	if len(p) == serverBufferSize && (c.held == nil || len(*c.held)+len(p) <= maxHeld) {
		if c.held == nil {
			c.held = c.buffers.Get().(*[]byte)
		}
		*c.held = append(*c.held, p...)
		return len(p), nil
	}
	c.gathering = false
	if c.held == nil {
		return c.Conn.Write(p)
	}
	held := len(*c.held)
	*c.held = append(*c.held, p...)
	n, err := c.Conn.Write(*c.held)
	c.release()
	// What p's caller sees: the held bytes were taken already.
	return max(n-held, 0), err
}

// flush writes out what the connection holds and ends gathering; the
// caller holds c.mu.
func (c *gatherConn) flush() error {
	c.gathering = false
	return c.writeHeld()
}

// writeHeld writes out what the connection holds; the caller holds c.mu.
func (c *gatherConn) writeHeld() error {
	if c.held == nil {
		return nil
	}
	_, err := c.Conn.Write(*c.held)
	c.release()
	return err
}

func (c *gatherConn) release() {
	*c.held = (*c.held)[:0]
	if cap(*c.held) <= maxHeld+serverBufferSize {
		c.buffers.Put(c.held)
	}
	c.held = nil
}

// flushed runs f after writing out what c holds. A write under way (the
// lock taken) is not waited for: it writes what is held itself, and a
// close or deadline from another goroutine is what ends a write stuck
// on a slow client, as on any connection.
func (c *gatherConn) flushed(f func() error) error {
	var err error
	if c.mu.TryLock() {
		err = c.flush()
		c.mu.Unlock()
	}
	if ferr := f(); err == nil {
		err = ferr
	}
	return err
}

func (c *gatherConn) SetDeadline(t time.Time) error {
	return c.flushed(func() error { return c.Conn.SetDeadline(t) })
}

func (c *gatherConn) SetReadDeadline(t time.Time) error {
	return c.flushed(func() error { return c.Conn.SetReadDeadline(t) })
}

func (c *gatherConn) SetWriteDeadline(t time.Time) error {
	return c.flushed(func() error { return c.Conn.SetWriteDeadline(t) })
}

func (c *gatherConn) Close() error {
	return c.flushed(c.Conn.Close)
}

// Reads do not write out what is held: net/http's background read of a
// request runs while the handler writes, starting late at times, and
// would split the answer again; nothing waits on a read with an answer
// held, as the answer ends with a write or a deadline from the goroutine
// that wrote it.

// ReadFrom keeps net/http's sendfile for files (io.ReaderFrom on the
// connection).
func (c *gatherConn) ReadFrom(r io.Reader) (int64, error) {
	c.mu.Lock()
	err := c.flush()
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(writerOnly{c.Conn}, r)
}

// CloseWrite keeps net/http's half-close of a connection it gives up on.
func (c *gatherConn) CloseWrite() error {
	return c.flushed(func() error {
		if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
			return cw.CloseWrite()
		}
		return nil
	})
}

// writerOnly hides a writer's ReadFrom from io.Copy.
type writerOnly struct{ io.Writer }
