package sqlite

import (
	"context"
	"fmt"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// rawConn is a read-only connection to the database file through the C
// API of the SQLite library that the database/sql driver wraps (the same
// code, in the same process). Load reads its rows through one: the
// driver copies every column of every row into a new Go string, and at
// 100k municipalities those 1.3 million strings (120 MB) were a third of
// start-up's allocations and most of its row reading (issue 18). Here a
// row's text is copied once, into a buffer reused from row to row.
//
// It is used by one goroutine, and only for reading: it is opened
// read-only, like the readers of database/sql (readerDSN).
type rawConn struct {
	tls *libc.TLS
	db  uintptr
	// out is C memory that receives what the C API returns through a
	// pointer (a connection, a statement): the C code is given no Go
	// memory.
	out uintptr
	// cols holds the text of a row's columns, reused from row to row.
	cols [8][]byte
}

// openRaw opens path read-only, as readerDSN does.
func openRaw(path string) (*rawConn, error) {
	c := &rawConn{tls: libc.NewTLS()}
	if c.out = libc.Xmalloc(c.tls, 8); c.out == 0 { // room for a pointer on any platform
		c.close()
		return nil, fmt.Errorf("sqlite: cannot allocate memory")
	}
	name, err := libc.CString("file:" + path + "?mode=ro")
	if err != nil {
		c.close()
		return nil, err
	}
	defer libc.Xfree(c.tls, name)
	rc := sqlite3.Xsqlite3_open_v2(c.tls, name, c.out,
		sqlite3.SQLITE_OPEN_READONLY|sqlite3.SQLITE_OPEN_FULLMUTEX|sqlite3.SQLITE_OPEN_URI, 0)
	c.db = *cPointer[uintptr](c.out)
	if rc != sqlite3.SQLITE_OK {
		err := c.err(rc)
		c.close()
		return nil, err
	}
	// As the driver does: its errors name extended result codes.
	sqlite3.Xsqlite3_extended_result_codes(c.tls, c.db, 1)
	sqlite3.Xsqlite3_busy_timeout(c.tls, c.db, 10000) // readerDSN's busy_timeout
	return c, nil
}

func (c *rawConn) close() {
	if c.db != 0 {
		sqlite3.Xsqlite3_close_v2(c.tls, c.db)
		c.db = 0
	}
	if c.out != 0 {
		libc.Xfree(c.tls, c.out)
		c.out = 0
	}
	c.tls.Close()
}

// cPointer is p, an address in C memory, as a Go pointer. The C library's
// memory is mapped by its allocator outside the Go heap, which the
// garbage collector ignores, so the conversion is sound; it goes through
// p's own address because vet cannot tell such a uintptr from a Go
// address kept in one, which would not be.
func cPointer[T any](p uintptr) *T { return (*T)(*(*unsafe.Pointer)(unsafe.Pointer(&p))) }

// err is the error of result code rc, worded as the driver words it.
func (c *rawConn) err(rc int32) error {
	str := libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))
	busy := ""
	if rc == sqlite3.SQLITE_BUSY {
		busy = " (SQLITE_BUSY)"
	}
	if c.db == 0 {
		return fmt.Errorf("%s (%v)%s", str, rc, busy)
	}
	if msg := libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db)); msg != str {
		return fmt.Errorf("%s: %s (%v)%s", str, msg, rc, busy)
	}
	return fmt.Errorf("%s (%v)%s", str, rc, busy)
}

// exec runs a statement that returns no rows.
func (c *rawConn) exec(ctx context.Context, what, query string) error {
	return c.query(ctx, what, query, func(*rawRow) error { return nil })
}

// query runs query, calling row for each of its rows; it stops at the
// first error, or when ctx ends. Its own errors are prefixed with what;
// those of row are returned as they are.
func (c *rawConn) query(ctx context.Context, what, query string, row func(*rawRow) error) error {
	if err := c.run(ctx, query, row); err != nil {
		if _, ok := err.(rowError); ok {
			return err.(rowError).err
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// rowError carries an error of query's row through run.
type rowError struct{ err error }

func (e rowError) Error() string { return e.err.Error() }

func (c *rawConn) run(ctx context.Context, query string, row func(*rawRow) error) error {
	z, err := libc.CString(query)
	if err != nil {
		return err
	}
	defer libc.Xfree(c.tls, z)
	if rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, z, -1, c.out, 0); rc != sqlite3.SQLITE_OK {
		return c.err(rc)
	}
	r := &rawRow{c: c, stmt: *cPointer[uintptr](c.out)}
	defer sqlite3.Xsqlite3_finalize(c.tls, r.stmt)
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		switch rc := sqlite3.Xsqlite3_step(c.tls, r.stmt); rc {
		case sqlite3.SQLITE_ROW:
			if err := row(r); err != nil {
				return rowError{err}
			}
		case sqlite3.SQLITE_DONE:
			return nil
		default:
			return c.err(rc)
		}
	}
}

// rawRow is the current row of a query.
type rawRow struct {
	c    *rawConn
	stmt uintptr
}

// text returns the text of column i (less than len(rawConn.cols)),
// valid until the next row: it is copied out of SQLite's memory into
// the connection's buffer for the column.
func (r *rawRow) text(i int) []byte {
	p := sqlite3.Xsqlite3_column_text(r.c.tls, r.stmt, int32(i))
	n := int(sqlite3.Xsqlite3_column_bytes(r.c.tls, r.stmt, int32(i)))
	b := r.c.cols[i][:0]
	if n > 0 {
		b = append(b, unsafe.Slice(cPointer[byte](p), n)...)
	}
	r.c.cols[i] = b
	return b
}

func (r *rawRow) int64(i int) int64 {
	return sqlite3.Xsqlite3_column_int64(r.c.tls, r.stmt, int32(i))
}
