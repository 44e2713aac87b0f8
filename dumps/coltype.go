package dumps

import (
	"fmt"
	"strconv"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// cell is one value of a row, or a list of strings. Which fields are set
// depends on the column's colType.
type cell struct {
	null bool
	s    string
	i    int64 // integers, years, days since 1970-01-01
	f    float64
	b    bool
	t    time.Time
	list []string
}

func (c *cell) reset() { *c = cell{null: true, list: c.list[:0]} }

// colType is how the values of one datatype are stored and rendered in
// every tabular form: CSV text, Parquet logical type and value, CSVW and
// Data Package datatypes, GeoJSON value. It is written once per datatype.
type colType struct {
	name string
	// rdf is the datatype of the literal the column's values are in RDF
	// (nil for values that become IRIs).
	rdf *vocab.Term
	// csvw is the CSV on the Web datatype: a built-in name, or a
	// datatype description for datatypes CSVW does not build in.
	csvw any
	// frictionless is the Table Schema type, and format where it has one.
	frictionless, frictionlessFormat string
	leaf                             func() parquet.Node
	text                             func(c *cell) string
	value                            func(c *cell) parquet.Value
	json                             func(c *cell) any
}

var (
	tString = &colType{name: "string", rdf: vocab.XSDString, csvw: "string", frictionless: "string",
		leaf:  plainString,
		text:  func(c *cell) string { return c.s },
		value: func(c *cell) parquet.Value { return parquet.ByteArrayValue(bytesOf(c.s)) },
		json:  func(c *cell) any { return c.s }}

	// tIRI holds an identifier, code or URL whose RDF form is an IRI made
	// by the column's valueUrl template.
	tIRI = &colType{name: "iri", csvw: "string", frictionless: "string",
		leaf: tString.leaf, text: tString.text, value: tString.value, json: tString.json}

	// tURL holds an absolute URL, which is its own IRI.
	tURL = &colType{name: "url", csvw: "anyURI", frictionless: "string", frictionlessFormat: "uri",
		leaf: tString.leaf, text: tString.text, value: tString.value, json: tString.json}

	tInteger = &colType{name: "integer", rdf: vocab.XSDInteger, csvw: "integer", frictionless: "integer",
		leaf:  func() parquet.Node { return parquet.Int(64) },
		text:  func(c *cell) string { return strconv.FormatInt(c.i, 10) },
		value: func(c *cell) parquet.Value { return parquet.Int64Value(c.i) },
		json:  func(c *cell) any { return c.i }}

	tYear = &colType{name: "year", rdf: vocab.XSDGYear, csvw: "gYear", frictionless: "year",
		leaf:  func() parquet.Node { return parquet.Int(32) },
		text:  func(c *cell) string { return vocab.GYear(int(c.i)).Value },
		value: func(c *cell) parquet.Value { return parquet.Int32Value(int32(c.i)) },
		json:  func(c *cell) any { return c.i }}

	// tDouble is written as the shortest decimal that reads back as the
	// same number ("52.52"), which people and spreadsheets read; RDF has
	// the canonical form ("5.252E1") of the same value.
	tDouble = &colType{name: "double", rdf: vocab.XSDDouble, csvw: "double", frictionless: "number",
		leaf:  func() parquet.Node { return parquet.Leaf(parquet.DoubleType) },
		text:  func(c *cell) string { return strconv.FormatFloat(c.f, 'f', -1, 64) },
		value: func(c *cell) parquet.Value { return parquet.DoubleValue(c.f) },
		json:  func(c *cell) any { return c.f }}

	tBoolean = &colType{name: "boolean", rdf: vocab.XSDBoolean, csvw: "boolean", frictionless: "boolean",
		leaf:  func() parquet.Node { return parquet.Leaf(parquet.BooleanType) },
		text:  func(c *cell) string { return strconv.FormatBool(c.b) },
		value: func(c *cell) parquet.Value { return parquet.BooleanValue(c.b) },
		json:  func(c *cell) any { return c.b }}

	// tDateTime is a TIMESTAMP (UTC, microseconds) in Parquet and the RDF
	// lexical form in CSV, so that a CSVW processor yields our literal.
	// Values are whole seconds (dataset.Stamp), so both hold the same
	// instant as the JSON and the RDF.
	tDateTime = &colType{name: "dateTime", rdf: vocab.XSDDateTime, csvw: "dateTime", frictionless: "datetime",
		leaf:  func() parquet.Node { return parquet.Timestamp(parquet.Microsecond) },
		text:  func(c *cell) string { return vocab.DateTime(c.t).Value },
		value: func(c *cell) parquet.Value { return parquet.Int64Value(c.t.UnixMicro()) },
		json:  func(c *cell) any { return vocab.DateTime(c.t).Value }}

	// tEDTF is a date of year, month or day precision ("2016",
	// "2016-09"), as sources give it; see derivedDates for its DATE
	// columns.
	tEDTF = &colType{name: "edtf", rdf: vocab.EDTFDate,
		csvw:         map[string]any{"base": "string", "@id": vocab.EDTFDate.IRI},
		frictionless: "string",
		leaf:         tString.leaf, text: tString.text, value: tString.value, json: tString.json}

	// tDate is a calendar day: the first or last day a partial date covers.
	tDate = &colType{name: "date", rdf: vocab.XSDDate, csvw: "date", frictionless: "date",
		leaf:  parquet.Date,
		text:  func(c *cell) string { return dayOf(c.i).Format(time.DateOnly) },
		value: func(c *cell) parquet.Value { return parquet.Int32Value(int32(c.i)) },
		json:  func(c *cell) any { return dayOf(c.i).Format(time.DateOnly) }}
)

// bytesOf returns the bytes of s without copying them: the Parquet
// writer copies a value's bytes into its pages and never changes them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// plainString is a STRING column in PLAIN encoding, which every Parquet
// reader reads (parquet-go would choose DELTA_LENGTH_BYTE_ARRAY); zstd
// makes up for the dictionary it does not have.
func plainString() parquet.Node { return parquet.Encoded(parquet.String(), &parquet.Plain) }

// literalType is the colType of a Literal field's datatype.
func literalType(dt *vocab.Term) (*colType, error) {
	for _, t := range []*colType{tString, tInteger, tYear, tDouble, tBoolean, tDateTime, tEDTF, tDate} {
		if t.rdf == dt {
			return t, nil
		}
	}
	return nil, fmt.Errorf("no column type for datatype %s", dt.CURIE())
}

const secondsPerDay = 24 * 60 * 60

func dayOf(days int64) time.Time { return time.Unix(days*secondsPerDay, 0).UTC() }

func daysOf(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay
}

// periodOf returns the first and the last day a partial date covers:
// 2016 → 2016-01-01, 2016-12-31.
func periodOf(d dataset.PartialDate) (first, last time.Time) {
	first = d.Start()
	switch d.Precision {
	case dataset.PrecisionYear:
		return first, first.AddDate(1, 0, -1)
	case dataset.PrecisionMonth:
		return first, first.AddDate(0, 1, -1)
	}
	return first, first
}
