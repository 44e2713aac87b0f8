package store

import (
	"bytes"
	"encoding/json"

	"github.com/moving-cities/opendata/dataset"
)

// DocEncoder writes records as the stores keep them, shared by the SQLite
// and PostgreSQL stores. One encoder writes the documents of a revision
// into one reused buffer: json.Marshal would allocate every document's
// bytes, and converting them to the string the drivers bind another copy,
// twice per record at 100k municipalities (issue 18). The bytes are
// json.Marshal's: an Encoder escapes HTML as Marshal does, and only adds
// the newline that Doc drops.
type DocEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// NewDocEncoder returns an encoder with an empty buffer.
func NewDocEncoder() *DocEncoder {
	e := &DocEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

// Doc encodes rec without its stamps st (they live in columns, and a
// document without them compares equal across revisions), as the string
// both the records and the versions rows bind.
func (e *DocEncoder) Doc(rec any, st *dataset.Stamps) (string, error) {
	saved := *st
	*st = dataset.Stamps{}
	defer func() { *st = saved }()
	e.buf.Reset()
	if err := e.enc.Encode(rec); err != nil {
		return "", err
	}
	b := e.buf.Bytes()
	return string(b[:len(b)-1]), nil // without Encode's newline
}
