package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// TestDecodeJSONAgreesWithEncodingJSON: on a valid file, the streaming
// decoder gives what encoding/json gives.
func TestDecodeJSONAgreesWithEncodingJSON(t *testing.T) {
	seed, err := os.ReadFile("../dataset/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	full := `{"countries":[{"id":"DE","names":{"en":"Germany","de":"Deutschland"},"wikidata":"Q183","bbox":{"west":5.8,"south":47.2,"east":15.1,"north":55.1},"created":"2024-01-02T03:04:05Z"}],
	"municipalities":[{"id":"athina","kind":"municipality","names":{"en":"Athens","el":"Αθήνα"},"aliases":[{"lang":"en","name":"Athina"}],
	"country":"GR","coordinates":{"lat":-37.98e0,"lon":23.73},"population":{"value":9007199254740993,"year":2021,"source":"https://a.example/"},
	"featured":true,"summary":{"en":"esc \"\\/\b\f\n\r\t\u00e9\ud83d\ude00"},"sources":[{"url":"https://a.example/","accessed":"2024-05-01","title":"t","note":"n"}],
	"status":"active","osm_relation":12,"wikidata_candidates":["Q1","Q2"],"id_coined":true,
	"modified":"2024-01-02T03:04:05+02:00"}],
	"memberships":[{"id":"a-n","municipality":"a","network":"n","since":"2016","until":"2019-06","attested":null,"source":{"url":"https://a.example/"}}],
	"approaches":[{"id":"x","title":{"en":"X"},"municipality":"a","categories":[],"status":"active","related":["y"],"year_started":2019,"own_categories":false}],
	"retired":[{"type":"municipality","id":"old","replaced_by":"new","reason":"renamed","retired":"2025-01-01T00:00:00Z"}],
	"networks":null}`
	for name, in := range map[string][]byte{"seed": seed, "every field": []byte(full)} {
		t.Run(name, func(t *testing.T) {
			var want dataset.Dataset
			dec := json.NewDecoder(bytes.NewReader(in))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			got, err := DecodeJSON(bytes.NewReader(in))
			if err != nil {
				t.Fatalf("DecodeJSON: %v", err)
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("DecodeJSON and encoding/json differ:\n%+v\n%+v", *got, want)
			}
		})
	}
}

// TestDecodeJSONReportsEveryProblem: every value of the wrong type or
// format, unknown or repeated field and invalid text is reported at once,
// with the record, the position and the field.
func TestDecodeJSONReportsEveryProblem(t *testing.T) {
	type want struct{ id, field, msg string } // msg: a substring
	tests := []struct {
		name string
		in   string
		want []want
		top  []string // problems outside the records (substrings)
	}{
		{
			name: "types and formats in one record and the next",
			in: `{"municipalities":[{"id":"a","names":{"en":"A"},"population":{"value":"many","year":2020.5},"featured":"yes",
"coordinates":{"lat":"1","lon":1e400},"sources":[{"url":"u","accessed":"May 2024"}],"osm_relation":-9223372036854775809},
{"id":"b","names":3,"status":1,"created":"yesterday"}],
"memberships":[{"id":"m","since":"2016-13","until":2019,"source":[]}]}`,
			want: []want{
				{"a", "line 1, column 71, field population.value", "want a whole number, got a string"},
				{"a", "line 1, column 85, field population.year", "want a whole number, got 2020.5"},
				{"a", "line 1, column 104, field featured", "want true or false, got a string"},
				{"a", "line 2, column 22, field coordinates.lat", "want a number, got a string"},
				{"a", "line 2, column 32, field coordinates.lon", "1e400 is out of range"},
				{"a", "line 2, column 72, field sources[0].accessed", `"May 2024" is not a date`},
				{"a", "line 2, column 100, field osm_relation", "out of range"},
				{"b", "line 3, column 19, field names", "want an object, got a number"},
				{"b", "line 3, column 30, field status", "want a string, got a number"},
				{"b", "line 3, column 42, field created", `"yesterday" is not an RFC 3339 timestamp`},
				{"m", "line 4, column 34, field since", `"2016-13" is not a date`},
				{"m", "line 4, column 52, field until", "want a date string"},
				{"m", "line 4, column 66, field source", "want an object, got an array"},
			},
		},
		{
			name: "unknown and repeated fields",
			in:   `{"networks":[{"id":"n","names":{"en":"N","en":"M"},"Scope":"european","sources":[{"url":"u","titel":"t"}],"id":"o"}]}`,
			want: []want{
				{"n", "line 1, column 42, field names.en", "appears more than once"},
				{"n", "line 1, column 52, field Scope", "unknown field (the fields are id, names, aliases, scope,"},
				{"n", "line 1, column 93, field sources[0].titel", "unknown field (the fields are url, title, accessed, note)"},
				{"n", "line 1, column 107, field id", "appears more than once"},
			},
		},
		{
			name: "invalid UTF-8 in a value and in a field name; lone surrogates",
			in:   "{\"categories\":[{\"id\":\"c\",\"labels\":{\"en\":\"Hous\xffing\",\"d\xe9\":\"x\"},\"definitions\":{\"en\":\"\\ud800\",\"de\":\"\\udc00\\u0041\"}}]}",
			want: []want{
				{"c", "line 1, column 41, field labels.en", "not valid UTF-8"},
				{"c", "line 1, column 52, field labels", "a field name is not valid UTF-8"},
				{"c", "line 1, column 82, field definitions.en", "not valid UTF-8"},
				{"c", "line 1, column 96, field definitions.de", "not valid UTF-8"},
			},
		},
		{
			name: "records that are not objects, arrays that are not arrays, unknown and repeated arrays",
			in:   `{"countries":[1,{"id":"DE","names":{"en":"Germany"}}],"municipality":[],"approaches":{},"countries":[]}`,
			want: []want{{"", "line 1, column 15", "want an object, got a number"}},
			top: []string{
				`line 1, column 55: unknown field "municipality" (the arrays are countries,`,
				"line 1, column 86, field approaches: want an array of approaches, got an object",
				"line 1, column 89, field countries: the field appears more than once",
			},
		},
		{
			name: "a syntax error ends reading, after the problems before it",
			in:   `{"retired":[{"type":"municipality","id":"x","reason":1},{"type":"network","id":"y","reason":tru}],"countries":[{"id":7}]}`,
			want: []want{
				{"x", "line 1, column 54, field reason", "want a string, got a number"},
				{"y", "line 1, column 93, field reason", `JSON syntax: "tru" is not a JSON value`},
			},
		},
		{
			name: "numbers as RFC 8259 writes them",
			in:   `{"networks":[{"id":"n","founded":2016.0}],"approaches":[{"id":"a","year_started":1e3}]}`,
			want: []want{
				{"n", "line 1, column 34, field founded", "want a whole number, got 2016.0"},
				{"a", "line 1, column 82, field year_started", "want a whole number, got 1e3"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeJSON(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; decoded %+v", d)
			}
			if d != nil {
				t.Error("a dataset returned with the error")
			}
			var ps dataset.Problems
			errors.As(err, &ps)
			if len(ps) != len(tt.want) {
				t.Errorf("%d problems, want %d:\n%v", len(ps), len(tt.want), err)
			}
			for i := range min(len(ps), len(tt.want)) {
				p, w := ps[i], tt.want[i]
				if p.ID != w.id || p.Field != w.field || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d = %s\nwant      %s: %s: …%s…", i+1, p, w.id, w.field, w.msg)
				}
			}
			msg := err.Error()
			for _, s := range tt.top {
				if !strings.Contains(msg, s) {
					t.Errorf("error does not say %q:\n%s", s, msg)
				}
			}
			if tt.top == nil && !errors.As(err, &ps) {
				t.Errorf("not Problems: %v", err)
			}
		})
	}
}

func TestDecodeJSONSyntaxErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty file"},
		{"  \n ", "empty file"},
		{"null", "line 1, column 1: JSON syntax: found 'n', want one object"},
		{"[]", "want one object"},
		{"\x00\x00\x00", "found byte 0x00, want one object"},
		{`{"countries":[]}{}`, "line 1, column 17: JSON syntax: unexpected data after the dataset object"},
		{`{"countries":[]`, "unexpected end of file"},
		{`{"countries":[],}`, "want a field name in double quotes"},
		{`{countries:[]}`, "want a field name in double quotes"},
		{"{\"countries\":[{\"id\":\"a\nb\"}]}", "control character 0x0A in a string"},
		{`{"countries":[{"id":"\x41"}]}`, `invalid escape \x`},
		{`{"countries":[{"id":"\u12"}]}`, `invalid \u escape`},
		{`{"networks":[{"id":"n","founded":012}]}`, `malformed number "012"`},
		{`{"networks":[{"id":"n","founded":-}]}`, `malformed number "-"`},
		{`{"networks":[{"id":"n","founded":1.}]}`, `malformed number "1."`},
		{`{"networks":[{"id":"n","founded":1e}]}`, `malformed number "1e"`},
		{`{"networks":[{"id":"n","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}]}`, "nested deeper than 64 levels"},
		{`{"networks":[{"id":"n"} {"id":"m"}]}`, "found '{' after an array element, want ',' or ']'"},
		{`{"networks":[{"id":"n" "names":{}}]}`, `found '"' after a field's value, want ',' or '}'`},
	}
	for _, tt := range tests {
		_, err := DecodeJSON(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeJSON(%q) = %v, want an error saying %q", tt.in, err, tt.want)
		}
	}
}

func TestDecodeJSONByteOrderMark(t *testing.T) {
	d, err := DecodeJSON(strings.NewReader("\uFEFF{\"countries\":[{\"id\":\"DE\",\"names\":{\"en\":\"Germany\"}}]}"))
	if err != nil || len(d.Countries) != 1 {
		t.Fatalf("DecodeJSON with a BOM = %+v, %v", d, err)
	}
}

// endless is an input that never ends: a JSON or CSV file that opens a
// string and goes on, like /dev/zero.
type endless struct {
	prefix string
	fill   byte
	n      int64 // bytes served
}

func (e *endless) Read(p []byte) (int, error) {
	i := 0
	for ; i < len(p) && e.n < int64(len(e.prefix)); i++ {
		p[i] = e.prefix[e.n]
		e.n++
	}
	for ; i < len(p); i++ {
		p[i] = e.fill
	}
	e.n += int64(len(p) - i)
	return len(p), nil
}

// TestEndlessInputStopsAtTheLimit: an input that never ends is refused
// once it passes the size limit, having been read no further than that.
func TestEndlessInputStopsAtTheLimit(t *testing.T) {
	const limit = 4 << 20
	for _, tt := range []struct {
		name   string
		decode func(io.Reader) (*dataset.Dataset, error)
		in     *endless
	}{
		{"JSON, one endless string", DecodeJSON, &endless{prefix: `{"municipalities":[{"id":"`, fill: 'a'}},
		{"JSON, endless white space", DecodeJSON, &endless{prefix: `{"municipalities":[`, fill: ' '}},
		{"CSV, zero bytes", DecodeCSV, &endless{fill: 0}},
		{"CSV, one endless cell", DecodeCSV, &endless{prefix: "id,country,name_en\n\"", fill: 'a'}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.decode(NewReader(context.Background(), tt.in, limit))
			var tl *TooLargeError
			if !errors.As(err, &tl) || tl.Limit != limit {
				t.Fatalf("err = %v, want a TooLargeError of %d bytes", err, limit)
			}
			if !strings.Contains(err.Error(), "import size limit of 4194304 bytes (4 MiB)") {
				t.Errorf("the error does not name the limit: %v", err)
			}
			if tt.in.n > limit+64<<10 {
				t.Errorf("read %d bytes for a limit of %d", tt.in.n, limit)
			}
		})
	}
}

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	body := `{"countries":[{"id":"DE","names":{"en":"Germany"}}]}`
	if err := os.WriteFile(small, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ReadFile(ctx, small, int64(len(body))); err != nil {
		t.Errorf("a file exactly at the limit: %v", err)
	}
	if _, err := ReadFile(ctx, small, 0); err != nil {
		t.Errorf("no limit: %v", err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(ctx, small, int64(len(body))-1); !errors.As(err, &tl) {
		t.Errorf("a file one byte over the limit: %v", err)
	}
	// /dev/zero, as the issue tried it: refused at the limit, not read on.
	zero := filepath.Join(dir, "zero.csv")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	if _, err := ReadFile(ctx, zero, 1<<20); !errors.As(err, &tl) {
		t.Errorf("/dev/zero as CSV: %v, want a TooLargeError", err)
	}
}

// blockedPipe is a named pipe whose writer sent a beginning and then
// stalls, as a hung producer would.
func blockedPipe(t *testing.T, name, beginning string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := mkfifo(p); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		w.WriteString(beginning)
		<-done
	}()
	return p
}

// TestReadFileStopsWhenCancelled: cancelling stops a read that is blocked
// on a stalled pipe, and the error says why.
func TestReadFileStopsWhenCancelled(t *testing.T) {
	for _, name := range []string{"stalled.json", "stalled.csv"} {
		t.Run(name, func(t *testing.T) {
			p := blockedPipe(t, name, `{"municipalities":[{"id":"a",`)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(ctx, p, 0)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("err = %v, want context.Canceled", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("ReadFile did not stop when cancelled")
			}
		})
	}
}

// TestDecodeJSONManyRecords: a file of more records than a chunk of the
// decoder holds (records are decoded into chunks, then copied into one
// array) decodes as encoding/json decodes it, and a problem in a late
// record names that record and its place.
func TestDecodeJSONManyRecords(t *testing.T) {
	d := synth.Generate(synth.Options{Municipalities: 3*maxChunk + 5, Seed: 1})
	in, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var want dataset.Dataset
	if err := json.Unmarshal(in, &want); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeJSON(bytes.NewReader(in))
	if err != nil {
		t.Fatalf("DecodeJSON: %v", err)
	}
	if !reflect.DeepEqual(*got, want) {
		t.Fatal("DecodeJSON and encoding/json differ")
	}

	last := d.Municipalities[len(d.Municipalities)-1].ID
	head := `{"id":"` + last + `",`
	at := bytes.LastIndex(in, []byte(head)) + len(head)
	bad := append(append(bytes.Clone(in[:at]), `"bogus":1,`...), in[at:]...)
	_, err = DecodeJSON(bytes.NewReader(bad))
	// Columns count characters.
	wantErr := fmt.Sprintf("municipality %s: line 1, column %d, field bogus: unknown field", last, utf8.RuneCount(in[:at])+1)
	if err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("error %v, want %q", err, wantErr)
	}
}
