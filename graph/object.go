package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Object is a JSON object whose members keep their order. Values are what
// DecodeJSON makes: Object, []any, string, json.Number, bool or nil.
type Object []Member

// Member is one key of an Object and its value.
type Member struct {
	Key   string
	Value any
}

// Get returns the value of key.
func (o Object) Get(key string) (any, bool) {
	for _, m := range o {
		if m.Key == key {
			return m.Value, true
		}
	}
	return nil, false
}

// Has reports whether o has the key.
func (o Object) Has(key string) bool {
	_, ok := o.Get(key)
	return ok
}

// MarshalJSON writes the members in order, without HTML escaping.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encode(&b, m.Key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encode(&b, m.Value); err != nil {
			return nil, fmt.Errorf("%s: %w", m.Key, err)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encode appends v as compact JSON without HTML escaping.
func encode(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	return nil
}

// DecodeJSON reads one JSON value, objects as Object in their order and
// numbers as json.Number (so that integers keep every digit).
func DecodeJSON(data []byte) (any, error) {
	d := &decoder{data: data}
	d.space()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	if d.space(); d.i != len(d.data) {
		return nil, errors.New("graph: data after the JSON value")
	}
	return v, nil
}

// ToObject encodes v (a record or a wire type) with encoding/json and
// decodes it as an Object.
func ToObject(v any) (Object, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	d, err := DecodeJSON(b)
	if err != nil {
		return nil, err
	}
	o, ok := d.(Object)
	if !ok {
		return nil, fmt.Errorf("graph: %T encodes as %T, not an object", v, d)
	}
	return o, nil
}

// decoder reads JSON (RFC 8259) in one pass. It is faster than
// json.Decoder's tokens, which the dataset graph would otherwise spend a
// third of its time in: strings without escapes are sliced, not built.
type decoder struct {
	data []byte
	i    int
}

func (d *decoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) fail(what string) error {
	return fmt.Errorf("graph: invalid JSON at byte %d: %s", d.i, what)
}

func (d *decoder) value() (any, error) {
	if d.i >= len(d.data) {
		return nil, d.fail("unexpected end")
	}
	switch c := d.data[d.i]; {
	case c == '{':
		d.i++
		o := Object{}
		d.space()
		if d.i < len(d.data) && d.data[d.i] == '}' {
			d.i++
			return o, nil
		}
		for {
			d.space()
			k, err := d.string()
			if err != nil {
				return nil, err
			}
			if d.space(); d.i >= len(d.data) || d.data[d.i] != ':' {
				return nil, d.fail("expected ':'")
			}
			d.i++
			d.space()
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			o = append(o, Member{Key: k, Value: v})
			if d.space(); d.i < len(d.data) && d.data[d.i] == ',' {
				d.i++
				continue
			}
			if d.i < len(d.data) && d.data[d.i] == '}' {
				d.i++
				return o, nil
			}
			return nil, d.fail("expected ',' or '}'")
		}
	case c == '[':
		d.i++
		a := []any{}
		d.space()
		if d.i < len(d.data) && d.data[d.i] == ']' {
			d.i++
			return a, nil
		}
		for {
			d.space()
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
			if d.space(); d.i < len(d.data) && d.data[d.i] == ',' {
				d.i++
				continue
			}
			if d.i < len(d.data) && d.data[d.i] == ']' {
				d.i++
				return a, nil
			}
			return nil, d.fail("expected ',' or ']'")
		}
	case c == '"':
		return d.string()
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []struct {
			s string
			v any
		}{{"true", true}, {"false", false}, {"null", nil}} {
			if bytes.HasPrefix(d.data[d.i:], []byte(lit.s)) {
				d.i += len(lit.s)
				return lit.v, nil
			}
		}
		return nil, d.fail("unknown literal")
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		for d.i < len(d.data) && strings.IndexByte("+-.eE0123456789", d.data[d.i]) >= 0 {
			d.i++
		}
		n := json.Number(d.data[start:d.i])
		if _, err := n.Float64(); err != nil {
			return nil, d.fail("bad number")
		}
		return n, nil
	}
	return nil, d.fail("unexpected character")
}

// string reads a JSON string; one with escapes is unquoted by
// encoding/json.
func (d *decoder) string() (string, error) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", d.fail("expected a string")
	}
	start, escaped := d.i, false
	for d.i++; d.i < len(d.data); d.i++ {
		switch c := d.data[d.i]; {
		case c == '\\':
			escaped = true
			d.i++
		case c == '"':
			d.i++
			if !escaped {
				return string(d.data[start+1 : d.i-1]), nil
			}
			var s string
			if err := json.Unmarshal(d.data[start:d.i], &s); err != nil {
				return "", d.fail(err.Error())
			}
			return s, nil
		case c < 0x20:
			return "", d.fail("control character in a string")
		}
	}
	return "", d.fail("unterminated string")
}
