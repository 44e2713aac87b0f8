package exporters

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

// Test helpers: read a document back with an independent parser and
// compare graphs.

// knakkFormat is the knakk decoder of our formats. Its RDF/XML decoder
// is not used: it takes namespace declarations on property elements for
// properties and lets xml:lang leak into following elements. RDF/XML is
// read back by readRDFXML (encoding/xml) and by rapper.
var knakkFormat = map[*Format]string{NTriples: "ntriples", Turtle: "turtle"}

// readBack reads a document of format f with the independent reader the
// tests have for it in Go.
func readBack(f *Format, doc []byte) ([]vocab.Triple, error) {
	switch f {
	case JSONLD:
		return readJSONLD(doc)
	case RDFXML:
		return readRDFXML(doc)
	}
	return graphtest.Knakk(doc, knakkFormat[f])
}

// readRDFXML reads the RDF/XML subset our writer writes (rdf:Description
// with rdf:about or rdf:nodeID, property elements with rdf:resource,
// rdf:nodeID or text, xml:lang, rdf:datatype), strictly, with
// encoding/xml resolving the namespaces.
func readRDFXML(doc []byte) ([]vocab.Triple, error) {
	const rdfNS, xmlNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/XML/1998/namespace"
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []vocab.Triple
	var subj vocab.Node
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			attr := func(space, local string) (string, bool) {
				for _, a := range el.Attr {
					if a.Name.Space == space && a.Name.Local == local {
						return a.Value, true
					}
				}
				return "", false
			}
			switch depth {
			case 1:
				if el.Name.Space != rdfNS || el.Name.Local != "RDF" {
					return nil, fmt.Errorf("root %v", el.Name)
				}
			case 2:
				if el.Name.Space != rdfNS || el.Name.Local != "Description" {
					return nil, fmt.Errorf("node element %v", el.Name)
				}
				if about, ok := attr(rdfNS, "about"); ok {
					subj = vocab.IRI(about)
				} else if id, ok := attr(rdfNS, "nodeID"); ok {
					subj = vocab.Blank(id)
				} else {
					return nil, fmt.Errorf("rdf:Description without subject")
				}
			case 3:
				p := vocab.IRI(el.Name.Space + el.Name.Local)
				if res, ok := attr(rdfNS, "resource"); ok {
					out = append(out, vocab.T(subj, p, vocab.IRI(res)))
					continue
				}
				if id, ok := attr(rdfNS, "nodeID"); ok {
					out = append(out, vocab.T(subj, p, vocab.Blank(id)))
					continue
				}
				var text string
				if err := dec.DecodeElement(&text, &el); err != nil {
					return nil, err
				}
				depth--
				o := vocab.Str(text)
				if lang, ok := attr(xmlNS, "lang"); ok {
					o = vocab.LangStr(text, lang)
				} else if dt, ok := attr(rdfNS, "datatype"); ok {
					o = vocab.Node{Kind: vocab.LiteralNode, Value: text, Datatype: dt}
				}
				out = append(out, vocab.T(subj, p, o))
			default:
				return nil, fmt.Errorf("unexpected element %v", el.Name)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// readJSONLD reads back a document of the shape our JSON-LD writer
// writes (a prefix context, a @graph of node objects whose values are
// value objects or node references), strictly: anything else is an error.
func readJSONLD(doc []byte) ([]vocab.Triple, error) {
	var d struct {
		Context map[string]string            `json:"@context"`
		Graph   []map[string]json.RawMessage `json:"@graph"`
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, err
	}
	expand := func(s string) string {
		if p, rest, ok := strings.Cut(s, ":"); ok && !strings.HasPrefix(rest, "//") {
			if ns, ok := d.Context[p]; ok {
				return ns + rest
			}
		}
		return s
	}
	node := func(id string) vocab.Node {
		if l, ok := strings.CutPrefix(id, "_:"); ok {
			return vocab.Blank(l)
		}
		return vocab.IRI(expand(id))
	}
	var out []vocab.Triple
	for _, n := range d.Graph {
		var id string
		if err := json.Unmarshal(n["@id"], &id); err != nil {
			return nil, fmt.Errorf("@id: %w", err)
		}
		s := node(id)
		for k, raw := range n {
			switch k {
			case "@id":
			case "@type":
				var types []string
				if err := json.Unmarshal(raw, &types); err != nil {
					return nil, err
				}
				for _, ty := range types {
					out = append(out, vocab.T(s, vocab.RDFType.Node(), vocab.IRI(expand(ty))))
				}
			default:
				var vals []map[string]string
				if err := json.Unmarshal(raw, &vals); err != nil {
					return nil, err
				}
				for _, v := range vals {
					var o vocab.Node
					switch {
					case v["@id"] != "":
						o = node(v["@id"])
					case v["@language"] != "":
						o = vocab.LangStr(v["@value"], v["@language"])
					case v["@type"] != "":
						o = vocab.Node{Kind: vocab.LiteralNode, Value: v["@value"], Datatype: expand(v["@type"])}
					default:
						o = vocab.Str(v["@value"])
					}
					out = append(out, vocab.T(s, vocab.IRI(expand(k)), o))
				}
			}
		}
	}
	return out, nil
}

// rapperRead parses doc with Raptor's rapper and returns the graph and
// whatever rapper said on stderr; the test is skipped without rapper.
func rapperRead(t *testing.T, doc []byte, syntax string) ([]vocab.Triple, string) {
	t.Helper()
	if _, err := exec.LookPath("rapper"); err != nil {
		graphtest.Unavailable(t, "rapper (raptor2-utils) is not installed")
	}
	cmd := exec.Command("rapper", "-q", "-i", syntax, "-o", "ntriples", "-", "http://base.invalid/")
	cmd.Stdin = bytes.NewReader(doc)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("rapper -i %s: %v\n%s", syntax, err, errb.String())
	}
	ts, err := graphtest.Knakk(out.Bytes(), "ntriples")
	if err != nil {
		t.Fatalf("rapper's N-Triples: %v", err)
	}
	return ts, errb.String()
}

// jsonldRead converts doc to N-Quads with the npm jsonld processor of the
// end-to-end checks; the test is skipped without node or the package.
func jsonldRead(t *testing.T, doc []byte) []vocab.Triple {
	t.Helper()
	modules, _ := filepath.Abs("../e2e/node_modules/jsonld")
	if _, err := exec.LookPath("node"); err != nil {
		graphtest.Unavailable(t, "node is not installed")
	}
	if _, err := os.Stat(modules); err != nil {
		graphtest.Unavailable(t, "e2e/node_modules/jsonld is not installed (npm ci in e2e)")
	}
	script := `const jsonld = require(process.argv[1]);
let s = ""; process.stdin.setEncoding("utf8").on("data", d => s += d).on("end", async () => {
  try { process.stdout.write(await jsonld.toRDF(JSON.parse(s), {format: "application/n-quads", safe: true})); }
  catch (e) { console.error(e.message, JSON.stringify(e.details || {})); process.exit(1); } });`
	cmd := exec.Command("node", "-e", script, modules)
	cmd.Stdin = bytes.NewReader(doc)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("jsonld.toRDF: %v\n%s", err, errb.String())
	}
	ts, err := graphtest.Knakk(out.Bytes(), "nquads")
	if err != nil {
		t.Fatalf("jsonld's N-Quads: %v\n%s", err, out.String())
	}
	return ts
}

// n3Read parses doc with the npm n3 parser of the end-to-end checks
// (format "text/turtle" or "application/n-triples"); skipped without node.
func n3Read(t *testing.T, doc []byte, format string) []vocab.Triple {
	t.Helper()
	modules, _ := filepath.Abs("../e2e/node_modules/n3")
	if _, err := exec.LookPath("node"); err != nil {
		graphtest.Unavailable(t, "node is not installed")
	}
	if _, err := os.Stat(modules); err != nil {
		graphtest.Unavailable(t, "e2e/node_modules/n3 is not installed (npm ci in e2e)")
	}
	script := `const N3 = require(process.argv[1]);
let s = ""; process.stdin.setEncoding("utf8").on("data", d => s += d).on("end", () => {
  try { const quads = new N3.Parser({format: process.argv[2]}).parse(s);
        process.stdout.write(new N3.Writer({format: "N-Quads"}).quadsToString(quads)); }
  catch (e) { console.error(e.message); process.exit(1); } });`
	cmd := exec.Command("node", "-e", script, modules, format)
	cmd.Stdin = bytes.NewReader(doc)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("n3 (%s): %v\n%s", format, err, errb.String())
	}
	ts, err := graphtest.Knakk(out.Bytes(), "nquads")
	if err != nil {
		t.Fatalf("n3's N-Quads: %v\n%s", err, out.String())
	}
	return ts
}

var rapperSyntax = map[*Format]string{NTriples: "ntriples", Turtle: "turtle", RDFXML: "rdfxml"}
