package dumps

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"

	"github.com/moving-cities/opendata/vocab"
)

// The municipalities as features: GeoJSON (RFC 7946) and GeoParquet 1.1.
// The point is made of the columns of the vocabulary's latitude and
// longitude terms; the other columns are the feature's properties.

// geoColumns finds the latitude and longitude columns of t.
func geoColumns(t *Table) (lat, lon int, err error) {
	lat, lon = -1, -1
	for i, c := range t.Columns {
		switch c.Term {
		case vocab.GeoLat:
			lat = i
		case vocab.GeoLong:
			lon = i
		}
	}
	if lat < 0 || lon < 0 {
		return 0, 0, fmt.Errorf("table %s has no %s and %s columns", t.Name, vocab.GeoLat.CURIE(), vocab.GeoLong.CURIE())
	}
	return lat, lon, nil
}

// writeGeoJSON writes t's rows as a FeatureCollection: one Feature per
// row, its "id" the row's ID, a Point geometry (null without coordinates)
// and the other columns as properties (lists as arrays).
func writeGeoJSON(ctx context.Context, w io.Writer, t *Table, rel *releaseInfo) (int64, error) {
	lat, lon, err := geoColumns(t)
	if err != nil {
		return 0, err
	}
	id := slicesIndex(t.Columns, "id")
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	b = append(b, `{"type":"FeatureCollection","features":[`...)
	first := true
	n, err := eachRow(ctx, t, rel.snap, func(row []cell) error {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n"+`{"type":"Feature","id":`...)
		b = appendJSONString(b, row[id].s)
		b = append(b, `,"geometry":`...)
		if row[lat].null || row[lon].null {
			b = append(b, "null"...)
		} else {
			b = append(b, `{"type":"Point","coordinates":[`...)
			b = strconv.AppendFloat(b, row[lon].f, 'f', -1, 64)
			b = append(b, ',')
			b = strconv.AppendFloat(b, row[lat].f, 'f', -1, 64)
			b = append(b, "]}"...)
		}
		b = append(b, `,"properties":{`...)
		sep := false
		for i, c := range t.Columns {
			if i == lat || i == lon || i == id {
				continue
			}
			if sep {
				b = append(b, ',')
			}
			sep = true
			b = appendJSONString(b, c.Name)
			b = append(b, ':')
			b = appendJSONValue(b, c, &row[i])
		}
		b = append(b, "}}"...)
		if len(b) > 32<<10 {
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	b = append(b, "\n]}\n"...)
	if _, err := bw.Write(b); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

func slicesIndex(cols []*Column, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// appendJSONValue appends the JSON of a cell.
func appendJSONValue(b []byte, c *Column, x *cell) []byte {
	if c.List {
		b = append(b, '[')
		for k, s := range x.list {
			if k > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		return append(b, ']')
	}
	if x.null {
		return append(b, "null"...)
	}
	switch v := c.typ.json(x).(type) {
	case string:
		return appendJSONString(b, v)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return append(b, "null"...)
		}
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	case bool:
		return strconv.AppendBool(b, v)
	default:
		j, _ := json.Marshal(v)
		return append(b, j...)
	}
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires (and U+2028, U+2029 for JavaScript's sake).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// GeoParquet 1.1 (https://geoparquet.org/releases/v1.1.0/): the table's
// columns and a WKB point column, "geometry", described by the "geo" key
// of the file metadata. Without a "crs" the coordinates are OGC:CRS84
// (longitude, latitude on WGS84), which is what the dataset holds.
const geometryColumn = "geometry"

type geoMetadata struct {
	Version       string                     `json:"version"`
	PrimaryColumn string                     `json:"primary_column"`
	Columns       map[string]geoColumnMetada `json:"columns"`
}

type geoColumnMetada struct {
	Encoding      string    `json:"encoding"`
	GeometryTypes []string  `json:"geometry_types"`
	BBox          []float64 `json:"bbox,omitempty"`
}

// wkbPoint is the ISO WKB of a 2D point, little-endian.
func wkbPoint(b []byte, x, y float64) []byte {
	b = append(b, 1)                           // little-endian
	b = binary.LittleEndian.AppendUint32(b, 1) // Point
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(y))
}

func writeGeoParquet(ctx context.Context, w io.Writer, t *Table, rel *releaseInfo) (int64, error) {
	lat, lon, err := geoColumns(t)
	if err != nil {
		return 0, err
	}
	if t.Role != RoleRecords {
		return 0, fmt.Errorf("table %s is not a record table", t.Name)
	}
	// The bounding box of the points goes into the metadata, which is
	// given first: a pass over the coordinates alone to find it.
	bbox := []float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	points := 0
	recs := records(rel.snap, t.Type)
	var x, y cell
	for i := range recs.Len() {
		x.reset()
		y.reset()
		if err := t.Columns[lon].get(recs.Index(i), &x); err != nil {
			return 0, err
		}
		if err := t.Columns[lat].get(recs.Index(i), &y); err != nil {
			return 0, err
		}
		if x.null || y.null {
			continue
		}
		bbox[0], bbox[1] = min(bbox[0], x.f), min(bbox[1], y.f)
		bbox[2], bbox[3] = max(bbox[2], x.f), max(bbox[3], y.f)
		points++
	}
	meta := geoMetadata{Version: "1.1.0", PrimaryColumn: geometryColumn, Columns: map[string]geoColumnMetada{
		geometryColumn: {Encoding: "WKB", GeometryTypes: []string{"Point"}},
	}}
	if points > 0 {
		c := meta.Columns[geometryColumn]
		c.BBox = bbox
		meta.Columns[geometryColumn] = c
	}
	geo, err := json.Marshal(meta)
	if err != nil {
		return 0, err
	}
	cols := append(tableColumns(t), parquetColumn{
		name: geometryColumn, node: parquet.Optional(parquet.Leaf(parquet.ByteArrayType)),
		value: func(x *cell) parquet.Value { return parquet.ByteArrayValue([]byte(x.s)) },
	})
	opts := append(parquetMeta(rel), parquet.KeyValueMetadata("geo", string(geo)))
	var wkb []byte
	return writeParquet(w, t.Name, rel.parquetCodec, cols, opts, func(fn func(row []cell) error) (int64, error) {
		ext := make([]cell, len(cols))
		return eachRow(ctx, t, rel.snap, func(row []cell) error {
			copy(ext, row)
			g := &ext[len(cols)-1]
			*g = cell{null: true}
			if !row[lat].null && !row[lon].null {
				wkb = wkbPoint(wkb[:0], row[lon].f, row[lat].f)
				g.s, g.null = string(wkb), false
			}
			return fn(ext)
		})
	})
}
