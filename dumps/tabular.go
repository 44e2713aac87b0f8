package dumps

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	kzstd "github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// ctxEvery is how many rows a writer writes between looks at its context.
const ctxEvery = 4096

// eachRow calls fn for every row of t in snap, after checking it: required
// columns are set and no list value holds the list separator.
func eachRow(ctx context.Context, t *Table, snap *dataset.Snapshot, fn func(row []cell) error) (int64, error) {
	row := make([]cell, len(t.Columns))
	var n int64
	err := t.rows(snap, row, func() error {
		for i, c := range t.Columns {
			x := &row[i]
			switch {
			case c.List:
				for _, s := range x.list {
					if s == "" || strings.Contains(s, ListSeparator) {
						return fmt.Errorf("table %s, row %d: column %s has the value %q, which cannot be a list item", t.Name, n+1, c.Name, s)
					}
				}
			case c.Required && x.null:
				return fmt.Errorf("table %s, row %d: required column %s is empty", t.Name, n+1, c.Name)
			}
		}
		n++
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return fn(row)
	})
	return n, err
}

// text is the CSV cell of x.
func (c *Column) text(x *cell) string {
	if c.List {
		return JoinList(x.list)
	}
	if x.null {
		return ""
	}
	return c.typ.text(x)
}

// writeCSV writes t as CSV (RFC 4180: UTF-8, CRLF, a header row of the
// column names) and returns the number of data rows.
func writeCSV(ctx context.Context, w io.Writer, t *Table, snap *dataset.Snapshot) (int64, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Name
	}
	if err := cw.Write(rec); err != nil {
		return 0, err
	}
	n, err := eachRow(ctx, t, snap, func(row []cell) error {
		for i, c := range t.Columns {
			rec[i] = c.text(&row[i])
		}
		return cw.Write(rec)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// orderedGroup is a Parquet group whose fields keep the order of the
// table's columns (parquet.Group sorts them by name).
type orderedGroup struct {
	parquet.Group
	order []string
}

func (g orderedGroup) Fields() []parquet.Field {
	fields := g.Group.Fields()
	slices.SortStableFunc(fields, func(a, b parquet.Field) int {
		return slices.Index(g.order, a.Name()) - slices.Index(g.order, b.Name())
	})
	return fields
}

// node is the column's Parquet node: lists are required LISTs of
// required elements, other columns optional unless required.
func (c *Column) node() parquet.Node {
	leaf := c.typ.leaf()
	switch {
	case c.List:
		return parquet.List(leaf)
	case c.Required:
		return parquet.Required(leaf)
	}
	return parquet.Optional(leaf)
}

// parquetColumn is a leaf column of a Parquet file: a table column or an
// extra one (the geometry of GeoParquet).
type parquetColumn struct {
	name     string
	node     parquet.Node
	list     bool
	required bool
	value    func(x *cell) parquet.Value
}

func tableColumns(t *Table) []parquetColumn {
	out := make([]parquetColumn, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = parquetColumn{name: c.Name, node: c.node(), list: c.List, required: c.Required, value: c.typ.value}
	}
	return out
}

func schemaOf(name string, cols []parquetColumn) *parquet.Schema {
	g := orderedGroup{Group: parquet.Group{}}
	for _, c := range cols {
		g.Group[c.name] = c.node
		g.order = append(g.order, c.name)
	}
	return parquet.NewSchema(name, g)
}

// parquetMeta is the key/value metadata of every Parquet file of a release.
func parquetMeta(rel *releaseInfo) []parquet.WriterOption {
	return []parquet.WriterOption{
		parquet.KeyValueMetadata("dataset", DatasetTitle),
		parquet.KeyValueMetadata("dataset_uri", rel.base),
		parquet.KeyValueMetadata("revision", strconv.FormatInt(rel.revision, 10)),
		parquet.KeyValueMetadata("license", vocab.LicenseIRI),
		parquet.KeyValueMetadata("schema_version", SchemaVersion),
	}
}

// parquetCodec is the compression of the Parquet files: parquet-go's
// zstd codec (its name, format code and decoding), encoding with one
// encoder that it holds. A release shares one, as an encoder holds an
// 8 MB window: a codec per file made them anew for every file (a fifth of
// what the tables allocated, issue 18). parquet-go's codec keeps its
// encoders in a sync.Pool, which drops them at each garbage collection
// (and, under the race detector, one Put in four, making the test suite
// spend most of a small release initialising encoders); EncodeAll is
// safe for concurrent use, so one encoder needs no pool. The options are
// parquet-go's, and the bytes are the same (the release golden).
type parquetCodec struct {
	zstd.Codec
	enc *kzstd.Encoder
}

func newParquetCodec() *parquetCodec {
	c := &parquetCodec{Codec: zstd.Codec{Level: zstd.SpeedDefault, Concurrency: 1}}
	enc, err := kzstd.NewWriter(nil,
		kzstd.WithEncoderConcurrency(int(c.Concurrency)),
		kzstd.WithEncoderLevel(c.Level),
		kzstd.WithZeroFrames(true),
		kzstd.WithEncoderCRC(false),
	)
	if err != nil { // only for invalid options, which these are not
		panic(fmt.Sprintf("dumps: zstd encoder: %v", err))
	}
	c.enc = enc
	return c
}

// Encode compresses src into dst's storage, as parquet-go's codec does.
func (c *parquetCodec) Encode(dst, src []byte) ([]byte, error) {
	return c.enc.EncodeAll(src, dst[:0]), nil
}

// rowGroupRows bounds the rows of a Parquet row group, so that writing
// takes bounded memory.
const rowGroupRows = 64 * 1024

// writeParquet writes rows to w with the given columns: zstd pages of
// version 1 (which every reader reads), real logical types, lists as
// LISTs. fill gets a row of one value per column and returns false when
// there are no more rows.
func writeParquet(w io.Writer, name string, codec *parquetCodec, cols []parquetColumn, opts []parquet.WriterOption,
	each func(fn func(row []cell) error) (int64, error)) (int64, error) {
	schema := schemaOf(name, cols)
	if codec == nil {
		codec = newParquetCodec()
	}
	opts = append([]parquet.WriterOption{
		schema,
		parquet.Compression(codec),
		parquet.DataPageVersion(1),
	}, opts...)
	pw := parquet.NewWriter(w, opts...)
	buf := make([]parquet.Row, 0, 256)
	var pending int64
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := pw.WriteRows(buf); err != nil {
			return err
		}
		buf = buf[:0]
		return nil
	}
	var rowBuf []parquet.Value
	n, err := each(func(row []cell) error {
		start := len(rowBuf)
		for ci, c := range cols {
			x := &row[ci]
			switch {
			case c.list:
				if len(x.list) == 0 {
					rowBuf = append(rowBuf, parquet.NullValue().Level(0, 0, ci))
				}
				for k, s := range x.list {
					rep := 1
					if k == 0 {
						rep = 0
					}
					rowBuf = append(rowBuf, parquet.ByteArrayValue(bytesOf(s)).Level(rep, 1, ci))
				}
			case x.null:
				rowBuf = append(rowBuf, parquet.NullValue().Level(0, 0, ci))
			case c.required:
				rowBuf = append(rowBuf, c.value(x).Level(0, 0, ci))
			default:
				rowBuf = append(rowBuf, c.value(x).Level(0, 1, ci))
			}
		}
		buf = append(buf, parquet.Row(rowBuf[start:len(rowBuf):len(rowBuf)]))
		if len(buf) == cap(buf) {
			if err := flush(); err != nil {
				return err
			}
			rowBuf = rowBuf[:0]
		}
		if pending++; pending == rowGroupRows {
			pending = 0
			if err := flush(); err != nil {
				return err
			}
			rowBuf = rowBuf[:0]
			return pw.Flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	if err := flush(); err != nil {
		return n, err
	}
	return n, pw.Close()
}

// writeTableParquet writes t as Parquet.
func writeTableParquet(ctx context.Context, w io.Writer, t *Table, rel *releaseInfo) (int64, error) {
	return writeParquet(w, t.Name, rel.parquetCodec, tableColumns(t), parquetMeta(rel), func(fn func(row []cell) error) (int64, error) {
		return eachRow(ctx, t, rel.snap, fn)
	})
}
