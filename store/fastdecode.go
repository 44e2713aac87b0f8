package store

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
)

// A fast path for the record types that are most of a dataset
// (municipalities, memberships and approaches: 99% of the stored bytes at
// 100k):
// json-iterator's reflection-driven decoding of them was the largest
// part of start-up's CPU (issue 18). It reads the documents our encoder
// writes (compact, keys spelt as the json tags, each once, no nulls) and gives up on anything else, at the first
// byte it does not expect: the record is then zeroed and decoded by
// decodeRecord as before, so values and errors of any other document
// are what they were. What the fast path accepts must decode to the
// value encoding/json gives: TestFastDecodeAgreesWithEncodingJSON and
// FuzzFastDecode hold it to that.

// fastDecoder is one decoding worker's: its interned strings are not
// shared.
type fastDecoder struct {
	s      scanner
	intern map[string]string
	// Arrays are read into these, reused, then copied into a slice of
	// their length: appending to the record's own slices made a third of
	// their bytes garbage as they grew.
	aliases []dataset.Alias
	strs    []string
	sources []dataset.Source
}

func newFastDecoder() *fastDecoder { return &fastDecoder{intern: map[string]string{}} }

// Interned strings are short and repeat from record to record: language
// tags, country codes, kinds, statuses, networks. Sharing them saves
// hundreds of thousands of small allocations at 100k municipalities;
// the values are the same strings.
const (
	internMaxLen   = 64
	internMaxCount = 4096
)

func (f *fastDecoder) internBytes(b []byte) string {
	if len(b) > internMaxLen {
		return string(b)
	}
	if s, ok := f.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(f.intern) < internMaxCount {
		f.intern[s] = s
	}
	return s
}

// municipality decodes doc into m, a zero Municipality, and reports
// whether it could; when it could not, m may be partly set.
func (f *fastDecoder) municipality(m *dataset.Municipality, doc []byte) bool {
	s := &f.s
	s.reset(doc)
	var seen uint32
	ok := s.object(func(key []byte) bool {
		var bit uint32
		var ok bool
		switch string(key) {
		case "id":
			bit = 1 << 0
			m.ID, ok = s.str()
		case "kind":
			bit = 1 << 1
			var v []byte
			v, ok = s.rawString()
			m.Kind = dataset.MunicipalityKind(f.internBytes(v))
		case "names":
			bit = 1 << 2
			var n map[string]string
			n, ok = f.strMap()
			m.Names = n
		case "aliases":
			bit = 1 << 3
			f.aliases = f.aliases[:0]
			ok = s.array(func() bool {
				f.aliases = append(f.aliases, dataset.Alias{})
				return f.alias(&f.aliases[len(f.aliases)-1])
			})
			m.Aliases = append(make([]dataset.Alias, 0, len(f.aliases)), f.aliases...)
		case "country":
			bit = 1 << 4
			var v []byte
			v, ok = s.rawString()
			m.Country = f.internBytes(v)
		case "coordinates":
			bit = 1 << 5
			m.Coordinates = &dataset.Coordinates{}
			ok = f.coordinates(m.Coordinates)
		case "wikidata":
			bit = 1 << 6
			m.Wikidata, ok = s.str()
		case "wikidata_candidates":
			bit = 1 << 7
			m.WikidataCandidates, ok = f.strArray()
		case "geonames":
			bit = 1 << 8
			m.GeoNames, ok = s.str()
		case "lau":
			bit = 1 << 9
			m.LAU, ok = s.str()
		case "nuts3":
			bit = 1 << 10
			m.NUTS3, ok = s.str()
		case "osm_relation":
			bit = 1 << 11
			m.OSMRelation, ok = s.int64()
		case "population":
			bit = 1 << 12
			m.Population = &dataset.Population{}
			ok = f.population(m.Population)
		case "featured":
			bit = 1 << 13
			m.Featured, ok = s.bool()
		case "summary":
			bit = 1 << 14
			var t map[string]string
			t, ok = f.strMap()
			m.Summary = t
		case "summary_origin":
			bit = 1 << 15
			m.SummaryOrigin, ok = f.origins()
		case "website":
			bit = 1 << 16
			m.Website, ok = s.str()
		case "sources":
			bit = 1 << 17
			m.Sources, ok = f.sourceArray()
		case "id_coined":
			bit = 1 << 18
			m.IDCoined, ok = s.bool()
		case "status":
			bit = 1 << 19
			var v []byte
			v, ok = s.rawString()
			m.Status = dataset.MunicipalityStatus(f.internBytes(v))
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
	return ok && s.end()
}

// membership decodes doc into m, a zero Membership, and reports whether
// it could; when it could not, m may be partly set.
func (f *fastDecoder) membership(m *dataset.Membership, doc []byte) bool {
	s := &f.s
	s.reset(doc)
	var seen uint32
	ok := s.object(func(key []byte) bool {
		var bit uint32
		var ok bool
		switch string(key) {
		case "id":
			bit = 1 << 0
			m.ID, ok = s.str()
		case "municipality":
			bit = 1 << 1
			m.Municipality, ok = s.str()
		case "network":
			bit = 1 << 2
			var v []byte
			v, ok = s.rawString()
			m.Network = f.internBytes(v)
		case "since":
			bit = 1 << 3
			ok = s.date(&m.Since)
		case "until":
			bit = 1 << 4
			ok = s.date(&m.Until)
		case "attested":
			bit = 1 << 5
			ok = s.date(&m.Attested)
		case "source":
			bit = 1 << 6
			m.Source = &dataset.Source{}
			ok = f.source(m.Source)
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
	return ok && s.end()
}

// approach decodes doc into a, a zero Approach, and reports whether it
// could; when it could not, a may be partly set.
func (f *fastDecoder) approach(a *dataset.Approach, doc []byte) bool {
	s := &f.s
	s.reset(doc)
	var seen uint32
	ok := s.object(func(key []byte) bool {
		var bit uint32
		var ok bool
		switch string(key) {
		case "id":
			bit = 1 << 0
			a.ID, ok = s.str()
		case "title":
			bit = 1 << 1
			var t map[string]string
			t, ok = f.strMap()
			a.Title = t
		case "title_origin":
			bit = 1 << 2
			a.TitleOrigin, ok = f.origins()
		case "aliases":
			bit = 1 << 3
			a.Aliases, ok = f.strArray()
		case "municipality":
			bit = 1 << 4
			a.Municipality, ok = s.str()
		case "categories":
			bit = 1 << 5
			a.Categories, ok = f.internedArray()
		case "summary":
			bit = 1 << 6
			var t map[string]string
			t, ok = f.strMap()
			a.Summary = t
		case "summary_origin":
			bit = 1 << 7
			a.SummaryOrigin, ok = f.origins()
		case "year_started":
			bit = 1 << 8
			a.YearStarted, ok = s.int()
		case "status":
			bit = 1 << 9
			var v []byte
			v, ok = s.rawString()
			a.Status = dataset.ApproachStatus(f.internBytes(v))
		case "related":
			bit = 1 << 10
			a.Related, ok = f.strArray()
		case "sources":
			bit = 1 << 11
			a.Sources, ok = f.sourceArray()
		case "id_coined":
			bit = 1 << 12
			a.IDCoined, ok = s.bool()
		case "own_categories":
			bit = 1 << 13
			a.OwnCategories, ok = s.bool()
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
	return ok && s.end()
}

// strArray decodes an array of strings; internedArray one of short
// strings that repeat (category IDs).
func (f *fastDecoder) strArray() ([]string, bool) { return f.stringArray(false) }

func (f *fastDecoder) internedArray() ([]string, bool) { return f.stringArray(true) }

func (f *fastDecoder) stringArray(intern bool) ([]string, bool) {
	s := &f.s
	f.strs = f.strs[:0]
	ok := s.array(func() bool {
		v, ok := s.rawString()
		if intern {
			f.strs = append(f.strs, f.internBytes(v))
		} else {
			f.strs = append(f.strs, string(v))
		}
		return ok
	})
	return append(make([]string, 0, len(f.strs)), f.strs...), ok
}

func (f *fastDecoder) sourceArray() ([]dataset.Source, bool) {
	f.sources = f.sources[:0]
	ok := f.s.array(func() bool {
		f.sources = append(f.sources, dataset.Source{})
		return f.source(&f.sources[len(f.sources)-1])
	})
	return append(make([]dataset.Source, 0, len(f.sources)), f.sources...), ok
}

// origins decodes an object of text origins.
func (f *fastDecoder) origins() (dataset.Origins, bool) {
	s := &f.s
	m := dataset.Origins{}
	ok := s.object(func(key []byte) bool {
		k := f.internBytes(key)
		if _, dup := m[k]; dup {
			return false
		}
		v, ok := s.rawString()
		m[k] = dataset.TextOrigin(f.internBytes(v))
		return ok
	})
	return m, ok
}

// strMap decodes an object of strings. Its keys are interned: they are
// language tags.
func (f *fastDecoder) strMap() (map[string]string, bool) {
	s := &f.s
	m := map[string]string{}
	ok := s.object(func(key []byte) bool {
		k := f.internBytes(key)
		if _, dup := m[k]; dup {
			return false
		}
		v, ok := s.str()
		m[k] = v
		return ok
	})
	return m, ok
}

func (f *fastDecoder) alias(a *dataset.Alias) bool {
	s := &f.s
	var seen uint8
	return s.object(func(key []byte) bool {
		var bit uint8
		var ok bool
		switch string(key) {
		case "lang":
			bit = 1
			var v []byte
			v, ok = s.rawString()
			a.Lang = f.internBytes(v)
		case "name":
			bit = 2
			a.Name, ok = s.str()
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
}

func (f *fastDecoder) coordinates(c *dataset.Coordinates) bool {
	s := &f.s
	var seen uint8
	return s.object(func(key []byte) bool {
		var bit uint8
		var ok bool
		switch string(key) {
		case "lat":
			bit = 1
			c.Lat, ok = s.float64()
		case "lon":
			bit = 2
			c.Lon, ok = s.float64()
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
}

func (f *fastDecoder) population(p *dataset.Population) bool {
	s := &f.s
	var seen uint8
	return s.object(func(key []byte) bool {
		var bit uint8
		var ok bool
		switch string(key) {
		case "value":
			bit = 1
			p.Value, ok = s.int64()
		case "year":
			bit = 2
			p.Year, ok = s.int()
		case "source":
			bit = 4
			p.Source, ok = s.str()
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
}

func (f *fastDecoder) source(src *dataset.Source) bool {
	s := &f.s
	var seen uint8
	return s.object(func(key []byte) bool {
		var bit uint8
		var ok bool
		switch string(key) {
		case "url":
			bit = 1
			src.URL, ok = s.str()
		case "title":
			bit = 2
			src.Title, ok = s.str()
		case "accessed":
			bit = 4
			ok = s.date(&src.Accessed)
		case "note":
			bit = 8
			src.Note, ok = s.str()
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
}

// scanner reads the JSON our encoder writes, strictly: a method returns
// false at anything it does not expect, valid JSON or not.
type scanner struct {
	b       []byte
	i       int
	scratch []byte
}

func (s *scanner) reset(b []byte) { s.b, s.i = b, 0 }

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next consumes c, after white space, if it comes next.
func (s *scanner) next(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (s *scanner) end() bool {
	s.ws()
	return s.i == len(s.b)
}

// object reads an object, calling field with each key, after which
// field reads the value.
func (s *scanner) object(field func(key []byte) bool) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	for {
		k, ok := s.rawString()
		if !ok || !s.next(':') || !field(k) {
			return false
		}
		if !s.next(',') {
			return s.next('}')
		}
	}
}

// array reads an array, calling elem to read each element.
func (s *scanner) array(elem func() bool) bool {
	if !s.next('[') {
		return false
	}
	if s.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if !s.next(',') {
			return s.next(']')
		}
	}
}

// rawString returns the text of a string, valid until the next call:
// the scanner's bytes when the string has no escape sequences, else its
// scratch buffer. Escapes decode as encoding/json decodes them, except
// UTF-16 surrogates (a character outside the BMP), which are left to the
// slow path with invalid UTF-8, which encoding/json replaces with U+FFFD.
func (s *scanner) rawString() ([]byte, bool) {
	if !s.next('"') {
		return nil, false
	}
	start := s.i
	ascii := true
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			v := s.b[start:s.i]
			s.i++
			return v, ascii || utf8.Valid(v)
		case c == '\\':
			if !ascii && !utf8.Valid(s.b[start:s.i]) {
				return nil, false
			}
			s.scratch = append(s.scratch[:0], s.b[start:s.i]...)
			return s.escaped()
		case c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// escaped reads the rest of a string from an escape sequence on, into
// the scratch buffer.
func (s *scanner) escaped() ([]byte, bool) {
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return s.scratch, true
		case c == '\\':
			if s.i+1 >= len(s.b) {
				return nil, false
			}
			switch e := s.b[s.i+1]; e {
			case '"', '\\', '/':
				s.scratch = append(s.scratch, e)
			case 'b':
				s.scratch = append(s.scratch, '\b')
			case 'f':
				s.scratch = append(s.scratch, '\f')
			case 'n':
				s.scratch = append(s.scratch, '\n')
			case 'r':
				s.scratch = append(s.scratch, '\r')
			case 't':
				s.scratch = append(s.scratch, '\t')
			case 'u':
				if s.i+6 > len(s.b) {
					return nil, false
				}
				r, err := strconv.ParseUint(string(s.b[s.i+2:s.i+6]), 16, 16)
				if err != nil || utf16.IsSurrogate(rune(r)) {
					return nil, false
				}
				s.scratch = utf8.AppendRune(s.scratch, rune(r))
				s.i += 4
			default:
				return nil, false
			}
			s.i += 2
		case c < 0x20:
			return nil, false
		default:
			// A run of plain bytes, up to the next quote or escape.
			start := s.i
			ascii := true
			for s.i < len(s.b) && s.b[s.i] != '"' && s.b[s.i] != '\\' && s.b[s.i] >= 0x20 {
				if s.b[s.i] >= utf8.RuneSelf {
					ascii = false
				}
				s.i++
			}
			if !ascii && !utf8.Valid(s.b[start:s.i]) {
				return nil, false
			}
			s.scratch = append(s.scratch, s.b[start:s.i]...)
		}
	}
	return nil, false
}

func (s *scanner) str() (string, bool) {
	v, ok := s.rawString()
	return string(v), ok
}

func (s *scanner) bool() (bool, bool) {
	s.ws()
	switch {
	case hasPrefix(s.b[s.i:], "true"):
		s.i += 4
		return true, true
	case hasPrefix(s.b[s.i:], "false"):
		s.i += 5
		return false, true
	}
	return false, false
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// number returns a number's bytes, which follow JSON's grammar (which
// strconv's is wider than).
func (s *scanner) number() ([]byte, bool) {
	s.ws()
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.b) && s.b[s.i] == '0':
		s.i++
	case s.digits() == 0:
		return nil, false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return nil, false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return nil, false
		}
	}
	return s.b[start:s.i], true
}

func (s *scanner) digits() int {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i - start
}

// float64 and int64 convert as encoding/json does; what it refuses (out
// of range, a fraction for an integer) is left to the slow path.
func (s *scanner) float64() (float64, bool) {
	v, ok := s.number()
	if !ok {
		return 0, false
	}
	x, err := strconv.ParseFloat(string(v), 64)
	return x, err == nil
}

func (s *scanner) int64() (int64, bool) {
	v, ok := s.number()
	if !ok {
		return 0, false
	}
	x, err := strconv.ParseInt(string(v), 10, 64)
	return x, err == nil
}

func (s *scanner) int() (int, bool) {
	v, ok := s.number()
	if !ok {
		return 0, false
	}
	x, err := strconv.ParseInt(string(v), 10, strconv.IntSize)
	return int(x), err == nil
}

// date reads a partial date through its own UnmarshalJSON, as
// encoding/json does, given the raw string, escapes and all; a null, or
// a date that does not parse, is left to the slow path.
func (s *scanner) date(d *dataset.PartialDate) bool {
	s.ws()
	start := s.i
	if _, ok := s.rawString(); !ok {
		return false
	}
	return d.UnmarshalJSON(s.b[start:s.i]) == nil
}
