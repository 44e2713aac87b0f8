// Package graphtest reads RDF documents back with independent parsers
// (knakk/rdf in process; Raptor's rapper, npm n3 and npm jsonld when they
// are installed) and compares graphs, for the tests of the packages that
// write documents. Tests are skipped, not failed, where a tool is missing;
// e2e/run installs them all.
package graphtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// escapingJSON is an import file (docs/import-formats.md) whose texts
// hold quotes, backslashes, line breaks, tabs, markup, Greek, Cyrillic,
// right-to-left scripts and emoji, in names, aliases, summaries, titles
// and sources of a network, a municipality, its memberships and an
// approach, with retired IDs (renamed and removed). The end-to-end checks
// import the same file.
//
//go:embed testdata/escaping.json
var escapingJSON []byte

// Stamp is the time Escaping and Seed stamp every record with: it has
// nanoseconds, as stores written before issue 17 do, which a snapshot
// holds in whole seconds (dataset.Stamp).
var Stamp = time.Date(2026, 11, 26, 23, 39, 25, 170540070, time.UTC)

// Seed returns the embedded seed dataset with every record stamped.
func Seed(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	stamp(d)
	return d
}

// Escaping returns the seed with the records of testdata/escaping.json
// merged in, every record stamped and validated.
func Escaping(t testing.TB) *dataset.Dataset {
	t.Helper()
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var inc dataset.Dataset
	dec := json.NewDecoder(bytes.NewReader(escapingJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&inc); err != nil {
		t.Fatal(err)
	}
	d, _, err := dataset.Merge(seed, &inc)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	stamp(d)
	return d
}

func stamp(d *dataset.Dataset) {
	st := dataset.Stamps{Created: Stamp, Modified: Stamp.Add(time.Hour)}
	for i := range d.Countries {
		d.Countries[i].Stamps = st
	}
	for i := range d.Categories {
		d.Categories[i].Stamps = st
	}
	for i := range d.Networks {
		d.Networks[i].Stamps = st
	}
	for i := range d.Municipalities {
		d.Municipalities[i].Stamps = st
	}
	for i := range d.Memberships {
		d.Memberships[i].Stamps = st
	}
	for i := range d.Approaches {
		d.Approaches[i].Stamps = st
	}
	for i := range d.Retired {
		d.Retired[i].Retired = Stamp.Add(2 * time.Hour)
	}
}

// Canonical lists a graph's triples as sorted N-Triples-like lines, blank
// nodes relabelled by their position after sorting the rest and language
// tags lower-cased (as jsonld and n3 write them), duplicate triples
// dropped. A blank node is written as what is said about it. Two
// tree-shaped graphs (blank nodes used as the object of one triple, as
// ours are) are isomorphic when their canonical forms are equal.
func Canonical(ts []vocab.Triple) []string {
	norm := func(n vocab.Node) vocab.Node {
		n.Lang = strings.ToLower(n.Lang)
		switch {
		case n.Kind == vocab.LiteralNode && n.Lang != "":
			n.Datatype = vocab.RDFLangString.IRI
		case n.Kind == vocab.LiteralNode && n.Datatype == "":
			n.Datatype = vocab.XSDString.IRI
		}
		return n
	}
	// A blank node is known by what is said about it.
	about := map[string][]string{}
	for _, t := range ts {
		if t.S.IsBlank() {
			o := norm(t.O)
			if o.IsBlank() {
				o.Value = ""
			}
			about[t.S.Value] = append(about[t.S.Value], t.P.String()+" "+o.String())
		}
	}
	key := func(n vocab.Node) string {
		if !n.IsBlank() {
			return norm(n).String()
		}
		a := about[n.Value]
		sort.Strings(a)
		return "[" + strings.Join(a, " ; ") + "]"
	}
	seen := map[vocab.Triple]bool{}
	var out []string
	for _, t := range ts {
		t.O = norm(t.O)
		if !seen[t] {
			seen[t] = true
			out = append(out, key(t.S)+" "+t.P.String()+" "+key(t.O)+" .")
		}
	}
	sort.Strings(out)
	return out
}

// SameGraph fails t unless got is the graph want, listing the triples
// missing and extra.
func SameGraph(t testing.TB, what string, want, got []vocab.Triple) bool {
	t.Helper()
	w, g := Canonical(want), Canonical(got)
	if strings.Join(w, "\n") == strings.Join(g, "\n") {
		return true
	}
	t.Errorf("%s: the graph read back differs\nmissing:\n  %s\nextra:\n  %s", what,
		strings.Join(first(Diff(w, g)), "\n  "), strings.Join(first(Diff(g, w)), "\n  "))
	return false
}

func first(lines []string) []string {
	if len(lines) > 20 {
		return append(lines[:20:20], fmt.Sprintf("… and %d more", len(lines)-20))
	}
	return lines
}

// Diff lists the lines of a that b lacks.
func Diff(a, b []string) []string {
	in := map[string]int{}
	for _, s := range b {
		in[s]++
	}
	var out []string
	for _, s := range a {
		if in[s] > 0 {
			in[s]--
		} else {
			out = append(out, s)
		}
	}
	return out
}

// fromKnakk converts a parsed triple.
func fromKnakk(t rdf.Triple) vocab.Triple {
	conv := func(term rdf.Term) vocab.Node {
		switch x := term.(type) {
		case rdf.IRI:
			return vocab.IRI(x.String())
		case rdf.Blank:
			return vocab.Blank(x.String())
		case rdf.Literal:
			if x.Lang() != "" {
				return vocab.LangStr(x.String(), x.Lang())
			}
			return vocab.Node{Kind: vocab.LiteralNode, Value: x.String(), Datatype: x.DataType.String()}
		}
		return vocab.Node{}
	}
	return vocab.Triple{S: conv(t.Subj), P: conv(t.Pred), O: conv(t.Obj)}
}

// Knakk parses N-Triples, Turtle or N-Quads (format "ntriples", "turtle",
// "nquads"; graph names are dropped) with knakk/rdf.
func Knakk(doc []byte, format string) ([]vocab.Triple, error) {
	var out []vocab.Triple
	if format == "nquads" {
		dec := rdf.NewQuadDecoder(bytes.NewReader(doc), rdf.NQuads)
		for {
			q, err := dec.Decode()
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return out, err
			}
			out = append(out, fromKnakk(q.Triple))
		}
	}
	f := rdf.NTriples
	if format == "turtle" {
		f = rdf.Turtle
	}
	dec := rdf.NewTripleDecoder(bytes.NewReader(doc), f)
	for {
		t, err := dec.Decode()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, fromKnakk(t))
	}
}

// Rapper parses doc with Raptor's rapper (syntax "ntriples", "turtle" or
// "rdfxml") and fails t if rapper fails or warns; skipped without rapper.
func Rapper(t testing.TB, doc []byte, syntax string) []vocab.Triple {
	t.Helper()
	if _, err := exec.LookPath("rapper"); err != nil {
		Unavailable(t, "rapper (raptor2-utils) is not installed")
	}
	cmd := exec.Command("rapper", "-q", "-i", syntax, "-o", "ntriples", "-", "http://base.invalid/")
	cmd.Stdin = bytes.NewReader(doc)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("rapper -i %s: %v\n%s", syntax, err, errb.String())
	}
	if errb.Len() > 0 {
		t.Errorf("rapper -i %s warns: %s", syntax, errb.String())
	}
	ts, err := Knakk(out.Bytes(), "ntriples")
	if err != nil {
		t.Fatalf("rapper's N-Triples: %v", err)
	}
	return ts
}

// Unavailable stops a test whose independent tool (rapper, node, the
// e2e folder's npm packages) is missing: a skip on a developer's machine,
// a failure in CI (CI set), which must install every tool its tests use.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s: CI must install it (.ci/run)", why)
	}
	t.Skip(why)
}

// modules is the e2e folder's node_modules.
func modules(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "e2e", "node_modules")
	if _, err := exec.LookPath("node"); err != nil {
		Unavailable(t, "node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "jsonld")); err != nil {
		Unavailable(t, "e2e/node_modules is not installed (npm ci in e2e)")
	}
	return dir
}

// node runs a script with node over stdin and returns its stdout.
func node(t testing.TB, script string, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("node", append([]string{"-e", script, modules(t)}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("node: %v\n%s", err, errb.String())
	}
	return out.Bytes()
}

const n3Script = `const N3 = require(process.argv[1] + "/n3");
let s = ""; process.stdin.setEncoding("utf8").on("data", d => s += d).on("end", () => {
  const docs = JSON.parse(s), out = [];
  for (const d of docs) {
    try { out.push(new N3.Writer({format: "N-Quads"}).quadsToString(new N3.Parser({format: process.argv[2]}).parse(d))); }
    catch (e) { console.error(e.message); process.exit(1); }
  }
  process.stdout.write(JSON.stringify(out)); });`

// N3 parses documents of one format ("text/turtle",
// "application/n-triples") with the npm n3 parser, in one process.
func N3(t testing.TB, docs [][]byte, format string) [][]vocab.Triple {
	t.Helper()
	in := make([]string, len(docs))
	for i, d := range docs {
		in[i] = string(d)
	}
	b, _ := json.Marshal(in)
	return nquadsList(t, "n3", node(t, n3Script, b, format))
}

const jsonldScript = `const jsonld = require(process.argv[1] + "/jsonld");
let s = ""; process.stdin.setEncoding("utf8").on("data", d => s += d).on("end", async () => {
  const {contexts, docs, mode} = JSON.parse(s), out = [];
  const documentLoader = async (url) => {
    if (url in contexts) return {contextUrl: null, documentUrl: url, document: contexts[url]};
    throw new Error("no network in tests: " + url);
  };
  for (const d of docs) {
    try { out.push(await jsonld.toRDF(d, {format: "application/n-quads", safe: true, documentLoader, ...(mode ? {processingMode: mode} : {})})); }
    catch (e) { console.error(e.message, JSON.stringify(e.details || {})); process.exit(1); }
  }
  process.stdout.write(JSON.stringify(out)); });`

// JSONLD converts JSON-LD documents to RDF with the npm jsonld processor
// in safe mode (a term it cannot map is an error), in one process;
// contexts serves remote contexts by URL, with no network.
func JSONLD(t testing.TB, docs []json.RawMessage, contexts map[string]json.RawMessage) [][]vocab.Triple {
	t.Helper()
	b, err := json.Marshal(map[string]any{"contexts": contexts, "docs": docs})
	if err != nil {
		t.Fatal(err)
	}
	return nquadsList(t, "jsonld", node(t, jsonldScript, b))
}

// JSONLD10 is JSONLD with the processor in JSON-LD 1.0 mode, which
// rejects what only JSON-LD 1.1 defines, and no remote contexts.
func JSONLD10(t testing.TB, docs []json.RawMessage) [][]vocab.Triple {
	t.Helper()
	b, err := json.Marshal(map[string]any{"contexts": map[string]any{}, "docs": docs, "mode": "json-ld-1.0"})
	if err != nil {
		t.Fatal(err)
	}
	return nquadsList(t, "jsonld (1.0)", node(t, jsonldScript, b))
}

func nquadsList(t testing.TB, what string, out []byte) [][]vocab.Triple {
	t.Helper()
	var docs []string
	if err := json.Unmarshal(out, &docs); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	res := make([][]vocab.Triple, len(docs))
	for i, d := range docs {
		ts, err := Knakk([]byte(d), "nquads")
		if err != nil {
			t.Fatalf("%s's N-Quads: %v\n%s", what, err, d)
		}
		res[i] = ts
	}
	return res
}
