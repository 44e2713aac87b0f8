package exporters

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/vocab"
)

// encodingJSON is s as encoding/json writes it without HTML escaping:
// what the JSON-LD writer wrote before it appended strings itself.
func encodingJSON(t testing.TB, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	cases := append([]string{"", "plain", "\x00\x01\x1f\x7f", "\b\f\n\r\t", `"\`, "<&>", "\u2028\u2029", "\xff", "a\xc3", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "é\u2027\u202a"}, hardStrings...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 { // random bytes, mostly invalid UTF-8
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := string(appendJSONString(nil, s)), encodingJSON(t, s); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

// The node objects the JSON-LD writer appends are those encoding/json
// writes for the same maps (keys sorted, values compact), as the writer
// once made them: a node object is parsed and written again by
// encoding/json, one key a line, and must come out the same.
func TestJSONLDMatchesEncodingJSON(t *testing.T) {
	s, o := vocab.IRI(ex+"s"), vocab.IRI(ex+"o")
	var g []vocab.Triple
	for i, str := range hardStrings {
		p := vocab.DCTermsDescription.Node()
		if i%2 == 1 {
			p = vocab.RDFSLabel.Node()
		}
		g = append(g, vocab.T(s, p, vocab.LangStr(str, "en")), vocab.T(s, p, vocab.Str(str)))
	}
	g = append(g,
		vocab.T(s, vocab.RDFType.Node(), vocab.Municipality.Node()),
		vocab.T(s, vocab.IRI(ex+"zz"), o),
		vocab.T(s, vocab.IRI("http://other.example/p"), vocab.Blank("b1")),
		vocab.T(s, vocab.RDFType.Node(), vocab.OrgOrganization.Node()),
		vocab.T(s, vocab.IRI(ex+"n"), vocab.Integer(7)),
		vocab.T(s, vocab.IRI(ex+"n"), vocab.Typed("x", vocab.XSDDate)),
		vocab.T(vocab.Blank("b1"), vocab.RDFSLabel.Node(), vocab.Str("blank")),
		vocab.T(o, vocab.RDFSSeeAlso.Node(), s),
		vocab.T(s, vocab.RDFSLabel.Node(), vocab.Str("s again")), // a second node object of s
	)
	var b bytes.Buffer
	if err := Write(&b, JSONLD, g, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	head, _, ok := strings.Cut(doc, `"@graph": [`)
	if !ok {
		t.Fatalf("no graph:\n%s", doc)
	}
	var parsed struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b.Bytes(), &parsed); err != nil {
		t.Fatal(err)
	}
	if len(parsed.Graph) != 4 {
		t.Fatalf("%d node objects, want 4", len(parsed.Graph))
	}
	want := head + `"@graph": [`
	for i, node := range parsed.Graph {
		keys := make([]string, 0, len(node))
		for k := range node {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if i > 0 {
			want += ","
		}
		want += "\n    {"
		for i, k := range keys {
			if i > 0 {
				want += ","
			}
			want += "\n      " + encodingJSON(t, k) + ": " + encodingJSON(t, node[k])
		}
		want += "\n    }"
	}
	want += "\n  ]\n}\n"
	if doc != want {
		t.Errorf("got\n%s\nwant\n%s", doc, want)
	}
}
