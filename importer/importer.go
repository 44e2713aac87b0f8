// Package importer decodes import files (JSON in the Dataset form; CSV for
// municipalities and memberships) into a dataset.Dataset. It only decodes:
// judging the result is dataset.Validate's job, applying it the store's.
//
// Files are decoded as they are read, never held whole in memory, and no
// more than a set number of bytes is read from one.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// DefaultMaxBytes is the size limit of one import file when none is set:
// far above the real dataset (about a megabyte), far below what would
// strain the machine.
const DefaultMaxBytes = 128 << 20

// TooLargeError means an input went on past the size limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is larger than the import size limit of %d bytes (%s)", e.Limit, mib(e.Limit))
}

func mib(n int64) string {
	return fmt.Sprintf("%.4g MiB", float64(n)/(1<<20))
}

// ReadFile decodes the file at path by its extension (.json or .csv),
// reading at most maxBytes (no limit when maxBytes <= 0). Cancelling ctx
// stops the reading, and with it the decoding, at once.
func ReadFile(ctx context.Context, path string, maxBytes int64) (*dataset.Dataset, error) {
	var decode func(io.Reader) (*dataset.Dataset, error)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		decode = DecodeJSON
	case ".csv":
		decode = DecodeCSV
	default:
		return nil, fmt.Errorf("import %s: unknown file type %q (want .json or .csv)", path, ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	// A regular file too large is refused before reading; devices, pipes
	// and files that grow are caught by the reader.
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && maxBytes > 0 && fi.Size() > maxBytes {
		return nil, fmt.Errorf("import %s: %w", path, &TooLargeError{Limit: maxBytes})
	}
	// A read blocked on a pipe does not look at ctx; closing the file ends it.
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	d, err := decode(NewReader(ctx, f, maxBytes))
	if err != nil {
		if ctx.Err() != nil {
			err = context.Cause(ctx) // not the "file already closed" it caused
		}
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return d, nil
}

// NewReader reads r until ctx is done or maxBytes have been read (no limit
// when maxBytes <= 0); one byte more is a *TooLargeError.
func NewReader(ctx context.Context, r io.Reader, maxBytes int64) io.Reader {
	return &boundedReader{ctx: ctx, r: r, left: maxBytes, limit: maxBytes}
}

type boundedReader struct {
	ctx         context.Context
	r           io.Reader
	left, limit int64
	err         error // sticky, so that decoders see the same error again
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if err := b.ctx.Err(); err != nil {
		b.err = context.Cause(b.ctx)
		return 0, b.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if b.limit > 0 {
		if b.left <= 0 {
			// At the limit: the input may end here, or go on.
			var one [1]byte
			n, err := io.ReadFull(b.r, one[:])
			if n > 0 {
				b.err = &TooLargeError{Limit: b.limit}
			} else if errors.Is(err, io.ErrUnexpectedEOF) {
				b.err = io.EOF
			} else {
				b.err = err
			}
			return 0, b.err
		}
		p = p[:min(int64(len(p)), b.left)]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}
