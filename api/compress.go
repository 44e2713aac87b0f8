package api

import (
	"compress/flate"
	"compress/gzip"
	"io"

	"github.com/go-chi/chi/v5/middleware"
)

// newCompressor is chi's compression middleware at level with the types
// given, its encoders (gzip first, then deflate) made lazy: chi takes an
// encoder from its pool and resets it for every request that accepts the
// encoding, before knowing whether the answer is compressed (an answer
// made in advance comes gzipped already). Resetting a flate writer that
// compressed before clears its hash tables, 640 KB. A lazy encoder resets
// the real one on its first write, flush or close only: the bytes are
// those of chi's own encoders (TestLazyEncodersWriteChisBytes).
func newCompressor(level int, types ...string) *middleware.Compressor {
	c := middleware.NewCompressor(level, types...)
	// Set in chi's order: the last set is preferred.
	c.SetEncoder("deflate", func(w io.Writer, level int) io.Writer {
		return &lazyEncoder{w: w, level: level, make: func(w io.Writer, level int) (encoder, error) { return flate.NewWriter(w, level) }}
	})
	c.SetEncoder("gzip", func(w io.Writer, level int) io.Writer {
		return &lazyEncoder{w: w, level: level, make: func(w io.Writer, level int) (encoder, error) { return gzip.NewWriterLevel(w, level) }}
	})
	return c
}

// encoder is what gzip.Writer and flate.Writer have in common.
type encoder interface {
	io.WriteCloser
	Flush() error
	Reset(w io.Writer)
}

// lazyEncoder is an encoder that is reset to its writer when first used.
type lazyEncoder struct {
	w      io.Writer
	level  int
	make   func(w io.Writer, level int) (encoder, error)
	enc    encoder // kept from one use to the next, as chi's pool keeps it
	active bool    // enc writes to w
}

// Reset is all chi calls on every request: it only notes w.
func (l *lazyEncoder) Reset(w io.Writer) {
	l.w, l.active = w, false
}

func (l *lazyEncoder) activate() error {
	if l.active {
		return nil
	}
	if l.enc == nil {
		enc, err := l.make(l.w, l.level)
		if err != nil {
			return err
		}
		l.enc = enc
	} else {
		l.enc.Reset(l.w)
	}
	l.active = true
	return nil
}

func (l *lazyEncoder) Write(p []byte) (int, error) {
	if err := l.activate(); err != nil {
		return 0, err
	}
	return l.enc.Write(p)
}

func (l *lazyEncoder) Flush() error {
	if err := l.activate(); err != nil {
		return err
	}
	return l.enc.Flush()
}

// Close ends the stream, written or not: chi closes only the encoders of
// compressed answers, and an empty one is a whole gzip stream too.
func (l *lazyEncoder) Close() error {
	if err := l.activate(); err != nil {
		return err
	}
	return l.enc.Close()
}
