package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
)

// DecodeJSON decodes one Dataset object as it is read: memory holds the
// records decoded so far, never the file.
//
// The file must be UTF-8 JSON (RFC 8259; a leading byte order mark is
// skipped). Every value of the wrong type or format, unknown field,
// repeated field and string that is not valid UTF-8 is reported, in one
// error, as a dataset.Problem naming the record, the line and column and the
// field (e.g. "line 12, column 20, field population.value"); problems
// outside the record arrays are reported beside them. Invalid UTF-8 and
// repeated fields are errors rather than repaired (encoding/json would
// replace the bytes and keep the last field). A syntax error ends reading
// there, after the problems found before it. An error of the reader (the
// size limit, a cancelled context) is returned as it is.
//
// DecodeJSON does not validate beyond decoding: that is dataset.Validate's
// job.
func DecodeJSON(r io.Reader) (*dataset.Dataset, error) {
	dec := &jsonDecoder{r: bufio.NewReaderSize(r, 64<<10), line: 1, col: 1, fields: map[reflect.Type]*structFields{}, keys: map[string]string{}}
	d, err := dec.decode()
	var syn *syntaxError
	switch {
	case errors.As(err, &syn):
		if dec.rec != nil {
			dec.problem(syn.line, syn.col, "JSON syntax: %s; the rest of the file was not read", syn.msg)
			dec.endRecord()
		} else {
			dec.top = append(dec.top, err)
		}
	case err != nil:
		return nil, err
	}
	if len(dec.top) == 0 && len(dec.problems) == 0 {
		return d, nil
	}
	errs := dec.top
	if len(dec.problems) > 0 {
		errs = append(errs, dec.problems)
	}
	if len(errs) == 1 {
		return nil, errs[0]
	}
	return nil, errors.Join(errs...)
}

// maxDepth bounds the nesting of arrays and objects, so that a file of
// brackets cannot exhaust the stack. Records nest four levels deep.
const maxDepth = 64

// jsonDecoder reads JSON byte by byte, tracking the line and column, and
// decodes it straight into the dataset's types by reflection.
type jsonDecoder struct {
	r         *bufio.Reader
	line, col int // of the next byte, 1-based; columns count characters
	depth     int

	rec      *record          // the record being decoded, if any
	recBuf   record           // rec points here; its problems are copied out
	problems dataset.Problems // of the records
	top      []error          // problems outside the records

	fields map[reflect.Type]*structFields
	keys   map[string]string // field names seen, interned
	buf    []byte            // scratch for strings
	path   []pathSeg         // the field being decoded, within its record
}

// pathSeg is a step into a record: a field name, or an array index when
// key is "".
type pathSeg struct {
	key   string
	index int
}

func (d *jsonDecoder) push(key string, index int) { d.path = append(d.path, pathSeg{key, index}) }
func (d *jsonDecoder) pop()                       { d.path = d.path[:len(d.path)-1] }

// popUnless pops the path unless err ends the decoding, which is then
// reported where it happened.
func (d *jsonDecoder) popUnless(err error) error {
	if err == nil {
		d.pop()
	}
	return err
}

// pathString writes the path as "sources[1].accessed".
func (d *jsonDecoder) pathString() string {
	var b strings.Builder
	for i, s := range d.path {
		switch {
		case s.key == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case i > 0:
			b.WriteString(".")
			fallthrough
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// record collects the problems of one record until its ID is known.
type record struct {
	typ      dataset.Type
	v        reflect.Value // the record as decoded so far
	problems dataset.Problems
}

// syntaxError is malformed JSON, after which nothing more can be read.
type syntaxError struct {
	line, col int
	msg       string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: JSON syntax: %s", e.line, e.col, e.msg)
}

func (d *jsonDecoder) syntax(format string, args ...any) error {
	return &syntaxError{line: d.line, col: d.col, msg: fmt.Sprintf(format, args...)}
}

// problem records a problem of the current record at line:col and the
// current field, or one outside any record.
func (d *jsonDecoder) problem(line, col int, format string, args ...any) {
	field := fmt.Sprintf("line %d, column %d", line, col)
	if len(d.path) > 0 {
		field += ", field " + d.pathString()
	}
	msg := fmt.Sprintf(format, args...)
	if d.rec == nil {
		d.top = append(d.top, fmt.Errorf("%s: %s", field, msg))
		return
	}
	d.rec.problems = append(d.rec.problems, dataset.Problem{Type: d.rec.typ, Field: field, Message: msg})
}

// endRecord adds the record's problems, with its ID, to all problems.
func (d *jsonDecoder) endRecord() {
	id := d.rec.v.FieldByName("ID").String()
	if r, ok := d.rec.v.Addr().Interface().(*dataset.Retired); ok && r.Type != "" {
		d.rec.typ = r.Type
	}
	for _, p := range d.rec.problems {
		p.Type, p.ID = d.rec.typ, id
		d.problems = append(d.problems, p)
	}
	d.rec = nil
}

// peek returns the next byte without consuming it.
func (d *jsonDecoder) peek() (byte, error) {
	b, err := d.r.Peek(1)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return 0, d.syntax("unexpected end of file")
		}
		return 0, err
	}
	return b[0], nil
}

// next consumes one byte.
func (d *jsonDecoder) next() (byte, error) {
	c, err := d.r.ReadByte()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return 0, d.syntax("unexpected end of file")
		}
		return 0, err
	}
	switch {
	case c == '\n':
		d.line++
		d.col = 1
	case c&0xC0 != 0x80: // not a UTF-8 continuation byte
		d.col++
	}
	return c, nil
}

// space skips white space and reports whether the input goes on.
func (d *jsonDecoder) space() (more bool, err error) {
	for {
		b, err := d.r.Peek(1)
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			if _, err := d.next(); err != nil {
				return false, err
			}
		default:
			return true, nil
		}
	}
}

// expect consumes c after white space.
func (d *jsonDecoder) expect(c byte, where string) error {
	if _, err := d.space(); err != nil {
		return err
	}
	got, err := d.peek()
	if err != nil {
		return err
	}
	if got != c {
		return d.syntax("found %s %s, want %q", describe(got), where, c)
	}
	_, err = d.next()
	return err
}

func describe(c byte) string {
	if c >= 0x20 && c < 0x7F {
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte 0x%02X", c)
}

func (d *jsonDecoder) decode() (*dataset.Dataset, error) {
	if b, err := d.r.Peek(len(bom)); err == nil && string(b) == bom {
		if _, err := d.r.Discard(len(bom)); err != nil {
			return nil, err
		}
	}
	ds := &dataset.Dataset{}
	more, err := d.space()
	if err != nil {
		return nil, err
	}
	if !more {
		return nil, errors.New("empty file: a JSON import is one object with the arrays " + arrayKeys())
	}
	if c, _ := d.peek(); c != '{' {
		return nil, d.syntax("found %s, want one object with the arrays %s", describe(c), arrayKeys())
	}
	err = d.object(true, func(key string, line, col int) error {
		i := slices.IndexFunc(arrays, func(a array) bool { return a.key == key })
		if i < 0 {
			d.problem(line, col, "unknown field %q (the arrays are %s)", key, arrayKeys())
			return d.skip()
		}
		return d.records(key, arrays[i].typ, arrays[i].of(ds))
	})
	if err != nil {
		return nil, err
	}
	more, err = d.space()
	if err != nil {
		return nil, err
	}
	if more {
		return nil, d.syntax("unexpected data after the dataset object")
	}
	return ds, nil
}

// records decodes one top-level array, record by record.
func (d *jsonDecoder) records(key string, typ dataset.Type, slice reflect.Value) error {
	if _, err := d.space(); err != nil {
		return err
	}
	line, col := d.line, d.col
	c, err := d.peek()
	if err != nil {
		return err
	}
	switch c {
	case 'n':
		return d.null(line, col)
	case '[':
	default:
		if err := d.skip(); err != nil {
			return err
		}
		d.push(key, 0)
		d.problem(line, col, "want an array of %s, got %s", typ.Plural(), kindOf(c))
		d.pop()
		return nil
	}
	// Records are decoded into chunks, then copied once into an array of
	// their number: growing one array copied the records at each growth
	// (a quarter at a time, some five times over: a tenth of an import's
	// time at 100k municipalities), and doubling it would leave up to
	// half of it unused (issue 18).
	var (
		chunks []reflect.Value // full
		n      int
	)
	chunk := reflect.New(slice.Type()).Elem()
	chunk.Set(reflect.MakeSlice(slice.Type(), 0, firstChunk))
	err = d.array(func(int) error {
		if chunk.Len() == chunk.Cap() {
			chunks = append(chunks, chunk.Slice(0, chunk.Len()))
			chunk.Set(reflect.MakeSlice(slice.Type(), 0, min(2*chunk.Cap(), maxChunk)))
		}
		chunk.SetLen(chunk.Len() + 1)
		n++
		v := chunk.Index(chunk.Len() - 1)
		d.recBuf = record{typ: typ, v: v, problems: d.recBuf.problems[:0]}
		d.rec = &d.recBuf
		if err := d.value(v); err != nil {
			return err
		}
		d.endRecord()
		return nil
	})
	if err != nil {
		return err
	}
	// The room beyond the records is for those a merge keeps from the
	// current data: dataset.MergeConsuming builds its result in this
	// array when they fit.
	all := reflect.MakeSlice(slice.Type(), n, n+n/32) // [] is empty, not absent, as for encoding/json
	at := 0
	for _, c := range append(chunks, chunk) {
		at += reflect.Copy(all.Slice(at, n), c)
	}
	slice.Set(all)
	return nil
}

// The chunks of records grow from firstChunk records to maxChunk.
const (
	firstChunk = 16
	maxChunk   = 4096
)

// object reads an object, calling member with each name (its value
// unread). Repeated names are reported when dups is set.
func (d *jsonDecoder) object(dups bool, member func(key string, line, col int) error) error {
	defer func() { d.depth-- }()
	if empty, err := d.open('{', '}', "an object"); err != nil || empty {
		return err
	}
	var seenBuf [16]string
	seen := seenBuf[:0] // objects have few fields: a list beats a map
	for {
		if _, err := d.space(); err != nil {
			return err
		}
		line, col := d.line, d.col
		if c, err := d.peek(); err != nil {
			return err
		} else if c != '"' {
			return d.syntax("found %s, want a field name in double quotes", describe(c))
		}
		b, valid, err := d.rawStr()
		if err != nil {
			return err
		}
		key := d.intern(b)
		if err := d.expect(':', "after a field name"); err != nil {
			return err
		}
		switch {
		case !valid:
			d.problem(line, col, "a field name is not valid UTF-8 (save the file as UTF-8)")
			err = d.skip()
		case dups && slices.Contains(seen, key):
			d.push(key, 0)
			d.problem(line, col, "the field appears more than once in the object")
			d.pop()
			err = d.skip()
		default:
			if dups {
				seen = append(seen, key)
			}
			err = member(key, line, col)
		}
		if err != nil {
			return err
		}
		if more, err := d.more('}', "a field's value"); err != nil || !more {
			return err
		}
	}
}

// array reads an array, calling elem for each element (unread).
func (d *jsonDecoder) array(elem func(i int) error) error {
	defer func() { d.depth-- }()
	if empty, err := d.open('[', ']', "an array"); err != nil || empty {
		return err
	}
	for i := 0; ; i++ {
		if err := elem(i); err != nil {
			return err
		}
		if more, err := d.more(']', "an array element"); err != nil || !more {
			return err
		}
	}
}

// open reads the opening delimiter of an object or array (what) and
// counts one more level of nesting, which the caller undoes; empty
// reports that the closing delimiter followed at once, and was read.
func (d *jsonDecoder) open(opening, closing byte, what string) (empty bool, err error) {
	d.depth++
	if err := d.expect(opening, "at the start of "+what); err != nil {
		return false, err
	}
	if d.depth > maxDepth {
		return false, d.syntax("nested deeper than %d levels", maxDepth)
	}
	if _, err := d.space(); err != nil {
		return false, err
	}
	c, err := d.peek()
	if err != nil || c != closing {
		return false, err
	}
	_, err = d.next()
	return true, err
}

// more reads what follows a member or element (after): a comma, so more
// follow, or the closing delimiter.
func (d *jsonDecoder) more(closing byte, after string) (bool, error) {
	if _, err := d.space(); err != nil {
		return false, err
	}
	c, err := d.next()
	if err != nil {
		return false, err
	}
	switch c {
	case ',':
		return true, nil
	case closing:
		return false, nil
	default:
		return false, d.syntax("found %s after %s, want ',' or '%c'", describe(c), after, closing)
	}
}

var (
	partialDateType = reflect.TypeFor[dataset.PartialDate]()
	timeType        = reflect.TypeFor[time.Time]()
	mapOfStrings    = reflect.TypeFor[map[string]string]()
)

// value decodes the next value into v, recording a problem when it has the
// wrong type or format. The error is a syntax or read error.
func (d *jsonDecoder) value(v reflect.Value) error {
	if _, err := d.space(); err != nil {
		return err
	}
	line, col := d.line, d.col
	c, err := d.peek()
	if err != nil {
		return err
	}
	if c == 'n' {
		// null is "not given" for every field, as for encoding/json.
		return d.null(line, col)
	}
	want := func(what string) error {
		// A value that is not even JSON is a syntax error, not this.
		if err := d.skip(); err != nil {
			return err
		}
		d.problem(line, col, "want %s, got %s", what, kindOf(c))
		return nil
	}
	switch t := v.Type(); {
	case t == partialDateType:
		if c != '"' {
			return want("a date string (YYYY, YYYY-MM or YYYY-MM-DD)")
		}
		s, ok, err := d.text(line, col)
		if err != nil || !ok || s == "" {
			return err
		}
		pd, perr := dataset.ParsePartialDate(s)
		if perr != nil {
			d.problem(line, col, "%v", perr)
			return nil
		}
		v.Set(reflect.ValueOf(pd))
		return nil
	case t == timeType:
		if c != '"' {
			return want("a timestamp string (RFC 3339)")
		}
		s, ok, err := d.text(line, col)
		if err != nil || !ok {
			return err
		}
		var ts time.Time
		// UnmarshalText is the strict RFC 3339 parser encoding/json uses.
		if perr := ts.UnmarshalText([]byte(s)); perr != nil {
			d.problem(line, col, "%q is not an RFC 3339 timestamp (e.g. 2024-05-01T12:00:00Z)", s)
			return nil
		}
		v.Set(reflect.ValueOf(ts))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if c != '"' {
			return want("a string")
		}
		s, ok, err := d.text(line, col)
		if err == nil && ok {
			v.SetString(s)
		}
		return err
	case reflect.Bool:
		if c != 't' && c != 'f' {
			return want("true or false")
		}
		lit, err := d.literal()
		if err == nil {
			v.SetBool(lit == "true")
		}
		return err
	case reflect.Int, reflect.Int64:
		if c != '-' && (c < '0' || c > '9') {
			return want("a whole number")
		}
		num, err := d.number()
		if err != nil {
			return err
		}
		n, perr := strconv.ParseInt(num, 10, v.Type().Bits())
		switch {
		case errors.Is(perr, strconv.ErrRange):
			d.problem(line, col, "%s is out of range", num)
		case perr != nil:
			d.problem(line, col, "want a whole number, got %s", num)
		default:
			v.SetInt(n)
		}
		return nil
	case reflect.Float64:
		if c != '-' && (c < '0' || c > '9') {
			return want("a number")
		}
		num, err := d.number()
		if err != nil {
			return err
		}
		f, perr := strconv.ParseFloat(num, 64)
		if perr != nil {
			d.problem(line, col, "%s is out of range", num)
			return nil
		}
		v.SetFloat(f)
		return nil
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.value(p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Slice:
		if c != '[' {
			return want("an array")
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		return d.array(func(i int) error {
			v.Grow(1)
			v.SetLen(i + 1)
			d.push("", i)
			return d.popUnless(d.value(v.Index(i)))
		})
	case reflect.Map: // names and texts: string keys and values
		if c != '{' {
			return want("an object")
		}
		if v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.String {
			panic(fmt.Sprintf("importer: cannot decode JSON into %s", v.Type()))
		}
		v.Set(reflect.MakeMap(v.Type()))
		e := reflect.New(v.Type().Elem()).Elem()
		put := func(key string) { v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e) }
		if v.Type().Elem() == mapOfStrings.Elem() {
			m := v.Convert(mapOfStrings).Interface().(map[string]string) // the same map, without reflection per entry
			put = func(key string) { m[key] = e.String() }
		}
		return d.object(true, func(key string, _, _ int) error {
			e.SetZero()
			d.push(key, 0)
			if err := d.popUnless(d.value(e)); err != nil {
				return err
			}
			put(key)
			return nil
		})
	case reflect.Struct:
		if c != '{' {
			return want("an object")
		}
		fs := d.structFields(v.Type())
		return d.object(true, func(key string, line, col int) error {
			d.push(key, 0)
			i, ok := fs.index[key]
			if !ok {
				d.problem(line, col, "unknown field (the fields are %s)", fs.help)
				return d.popUnless(d.skip())
			}
			return d.popUnless(d.value(v.FieldByIndex(fs.list[i].Index)))
		})
	}
	panic(fmt.Sprintf("importer: cannot decode JSON into %s", v.Type()))
}

// null consumes a null literal.
func (d *jsonDecoder) null(line, col int) error {
	lit, err := d.literal()
	if err != nil {
		return err
	}
	if lit != "null" {
		return &syntaxError{line: line, col: col, msg: fmt.Sprintf("%q is not a JSON value", lit)}
	}
	return nil
}

// text reads a string value; ok is false when it is not valid Unicode,
// which is recorded.
func (d *jsonDecoder) text(line, col int) (s string, ok bool, err error) {
	s, ok, err = d.str()
	if err == nil && !ok {
		d.problem(line, col, "not valid UTF-8 (save the file as UTF-8; a \\u escape must be a whole character)")
	}
	return s, ok, err
}

// kindOf names the JSON value that starts with c.
func kindOf(c byte) string {
	switch {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return describe(c)
}

// skip reads and discards one value.
func (d *jsonDecoder) skip() error {
	if _, err := d.space(); err != nil {
		return err
	}
	c, err := d.peek()
	if err != nil {
		return err
	}
	switch {
	case c == '"':
		_, _, err = d.str()
	case c == '{':
		err = d.object(false, func(string, int, int) error { return d.skip() })
	case c == '[':
		err = d.array(func(int) error { return d.skip() })
	case c == '-' || c >= '0' && c <= '9':
		_, err = d.number()
	case c >= 'a' && c <= 'z':
		line, col := d.line, d.col
		var lit string
		if lit, err = d.literal(); err == nil && lit != "true" && lit != "false" && lit != "null" {
			err = &syntaxError{line: line, col: col, msg: fmt.Sprintf("%q is not a JSON value", lit)}
		}
	default:
		err = d.syntax("found %s, want a value", describe(c))
	}
	return err
}

// literal reads a run of letters (true, false, null or a mistake).
func (d *jsonDecoder) literal() (string, error) {
	line, col := d.line, d.col
	var b []byte
	for len(b) < 8 {
		p, err := d.r.Peek(1)
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		if err != nil || p[0] < 'a' || p[0] > 'z' {
			break
		}
		c, _ := d.next()
		b = append(b, c)
	}
	s := string(b)
	if s != "true" && s != "false" && s != "null" {
		return "", &syntaxError{line: line, col: col, msg: fmt.Sprintf("%q is not a JSON value (strings are in double quotes)", s)}
	}
	return s, nil
}

// number reads a number as written, checking RFC 8259's grammar.
func (d *jsonDecoder) number() (string, error) {
	line, col := d.line, d.col
	var b []byte
	digits := func() int {
		n := 0
		for {
			p, err := d.r.Peek(1)
			if err != nil || p[0] < '0' || p[0] > '9' {
				return n
			}
			c, _ := d.next()
			b = append(b, c)
			n++
		}
	}
	opt := func(set string) bool {
		p, err := d.r.Peek(1)
		if err != nil || !strings.ContainsRune(set, rune(p[0])) {
			return false
		}
		c, _ := d.next()
		b = append(b, c)
		return true
	}
	bad := func() (string, error) {
		return "", &syntaxError{line: line, col: col, msg: fmt.Sprintf("malformed number %q", b)}
	}
	opt("-")
	n := digits()
	if n == 0 || n > 1 && b[len(b)-n] == '0' {
		return bad()
	}
	if opt(".") && digits() == 0 {
		return bad()
	}
	if opt("eE") {
		opt("+-")
		if digits() == 0 {
			return bad()
		}
	}
	return string(b), nil
}

// str reads a string with its quotes; valid is false when it holds bytes
// that are not UTF-8 or an escaped lone surrogate. Control characters
// are syntax errors, as RFC 8259 says.
func (d *jsonDecoder) str() (s string, valid bool, err error) {
	b, valid, err := d.rawStr()
	return string(b), valid, err
}

// intern returns b as a string, the same string each time for the field
// names that every record repeats.
func (d *jsonDecoder) intern(b []byte) string {
	if s, ok := d.keys[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.keys) < 1024 {
		d.keys[s] = s
	}
	return s
}

// rawStr is str without making a string: b is valid until the next call.
func (d *jsonDecoder) rawStr() (b []byte, valid bool, err error) {
	if _, err := d.next(); err != nil { // the opening quote
		return nil, false, err
	}
	b = d.buf[:0]
	valid = true
	for {
		// The plain bytes already buffered are taken in one run, as
		// next would take them one by one (issue 18: reading byte by
		// byte was most of the decoding's time).
		if buf, _ := d.r.Peek(d.r.Buffered()); len(buf) > 0 {
			n := 0
			for ; n < len(buf); n++ {
				c := buf[n]
				if c == '"' || c == '\\' || c < 0x20 {
					break
				}
				if c&0xC0 != 0x80 { // as next counts columns
					d.col++
				}
			}
			b = append(b, buf[:n]...)
			d.r.Discard(n)
		}
		c, err := d.next()
		if err != nil {
			return nil, false, err
		}
		switch {
		case c == '"':
			d.buf = b
			return b, valid && utf8.Valid(b), nil
		case c < 0x20:
			return nil, false, d.syntax("control character 0x%02X in a string (write it escaped, e.g. \\n)", c)
		case c != '\\':
			b = append(b, c)
			continue
		}
		e, err := d.next()
		if err != nil {
			return nil, false, err
		}
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, err := d.hex4()
			if err != nil {
				return nil, false, err
			}
			if utf16.IsSurrogate(r) {
				// A high surrogate must be followed by an escaped low one.
				if p, _ := d.r.Peek(2); r < 0xDC00 && string(p) == `\u` {
					d.next()
					d.next()
					r2, err := d.hex4()
					if err != nil {
						return nil, false, err
					}
					if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
						valid = false
					}
				} else {
					valid = false
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return nil, false, d.syntax("invalid escape \\%c in a string", e)
		}
	}
}

func (d *jsonDecoder) hex4() (rune, error) {
	var r rune
	for range 4 {
		c, err := d.next()
		if err != nil {
			return 0, err
		}
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, d.syntax("invalid \\u escape in a string")
		}
	}
	return r, nil
}

// structFields are the JSON fields of a struct type, embedded structs'
// included, by name.
type structFields struct {
	list  []reflect.StructField
	index map[string]int
	help  string
}

func (d *jsonDecoder) structFields(t reflect.Type) *structFields {
	if fs, ok := d.fields[t]; ok {
		return fs
	}
	fs := &structFields{index: map[string]int{}}
	var names []string
	for _, f := range reflect.VisibleFields(t) {
		if f.Anonymous || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs.index[name] = len(fs.list)
		fs.list = append(fs.list, f)
		names = append(names, name)
	}
	fs.help = strings.Join(names, ", ")
	d.fields[t] = fs
	return fs
}
