package tpf_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

const base = "https://data.test"

var (
	seedOnce  sync.Once
	seedIndex *tpf.Index
	seedGraph []vocab.Triple
	seedErr   error
)

// seed is the index of the seed's graph and the graph as the index
// should hold it: the dataset stream, blank nodes as skolem IRIs, each
// triple once.
func seed(t testing.TB) (*tpf.Index, []vocab.Triple) {
	t.Helper()
	seedOnce.Do(func() {
		snap := dataset.NewSnapshot(graphtest.Seed(t), 1)
		seedIndex, seedErr = tpf.Build(t.Context(), snap, base)
		seen := map[vocab.Triple]bool{}
		_ = graph.DatasetTriples(t.Context(), snap, base, func(tr vocab.Triple) error {
			for _, n := range []*vocab.Node{&tr.S, &tr.O} {
				if n.IsBlank() {
					*n = vocab.IRI(vocab.SkolemIRI(base, n.Value))
				}
			}
			if !seen[tr] {
				seen[tr] = true
				seedGraph = append(seedGraph, tr)
			}
			return nil
		})
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedIndex, seedGraph
}

func matches(p tpf.Pattern, tr vocab.Triple) bool {
	eq := func(a, b vocab.Node) bool {
		return a.IsZero() || a.Kind == b.Kind && a.Value == b.Value && a.Datatype == b.Datatype && strings.EqualFold(a.Lang, b.Lang)
	}
	return eq(p.S, tr.S) && eq(p.P, tr.P) && eq(p.O, tr.O)
}

// Every shape of pattern (each position bound or not) finds exactly the
// triples a scan of the graph finds, and counts them.
func TestMatchEveryShape(t *testing.T) {
	x, g := seed(t)
	if x.Len() != len(g) {
		t.Fatalf("index holds %d triples, the graph %d", x.Len(), len(g))
	}
	// Patterns taken from triples of several kinds: a literal object with
	// a language tag, a typed literal, an IRI object, a skolemised node.
	var samples []vocab.Triple
	for _, want := range []func(vocab.Triple) bool{
		func(tr vocab.Triple) bool { return tr.O.Lang != "" },
		func(tr vocab.Triple) bool { return tr.O.IsLiteral() && tr.O.Datatype == vocab.XSDGYear.IRI },
		func(tr vocab.Triple) bool { return tr.P == vocab.OrgMember.Node() },
		func(tr vocab.Triple) bool { return strings.Contains(tr.S.Value, "/.well-known/genid/") },
	} {
		i := slices.IndexFunc(g, want)
		if i < 0 {
			t.Fatal("the seed lacks a sample triple")
		}
		samples = append(samples, g[i])
	}
	for _, tr := range samples {
		for shape := 0; shape < 8; shape++ {
			var p tpf.Pattern
			if shape&1 != 0 {
				p.S = tr.S
			}
			if shape&2 != 0 {
				p.P = tr.P
			}
			if shape&4 != 0 {
				p.O = tr.O
			}
			var want []string
			for _, u := range g {
				if matches(p, u) {
					want = append(want, u.String())
				}
			}
			total, page := x.Match(p, 0, len(g)+1)
			var got []string
			for _, u := range page {
				got = append(got, u.String())
			}
			slices.Sort(want)
			slices.Sort(got)
			if total != len(want) || !slices.Equal(got, want) {
				t.Errorf("pattern %v (shape %03b): %d triples counted, %d returned, want %d", p, shape, total, len(got), len(want))
			}
		}
	}
	// A language tag matches in any case; a term the graph lacks, nothing.
	lang := samples[0].O
	lang.Lang = strings.ToUpper(lang.Lang)
	if n, _ := x.Match(tpf.Pattern{O: lang}, 0, 0); n == 0 {
		t.Errorf("%s: no match in upper case", lang)
	}
	if n, page := x.Match(tpf.Pattern{S: vocab.IRI(base + "/id/municipality/nowhere")}, 0, 10); n != 0 || page != nil {
		t.Errorf("unknown subject: %d, %v", n, page)
	}
}

func TestParseTerm(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want vocab.Node
		err  bool
	}{
		{"", vocab.Node{}, false},
		{"?x", vocab.Node{}, false},
		{"_:b1", vocab.Node{}, false},
		{"http://schema.org/Country", vocab.IRI("http://schema.org/Country"), false},
		{`"Munich"`, vocab.Str("Munich"), false},
		{`"München"@de`, vocab.LangStr("München", "de"), false},
		{`"say "hi""@en`, vocab.LangStr(`say "hi"`, "en"), false},
		{`"2018"^^http://www.w3.org/2001/XMLSchema#gYear`, vocab.Typed("2018", vocab.XSDGYear), false},
		{`"2018"^^<http://www.w3.org/2001/XMLSchema#gYear>`, vocab.Typed("2018", vocab.XSDGYear), false},
		{`"x"^^http://www.w3.org/2001/XMLSchema#string`, vocab.Str("x"), false},
		{`"open`, vocab.Node{}, true},
		{`"x"en`, vocab.Node{}, true},
		{`"x"^^notanIRI`, vocab.Node{}, true},
		{"munich", vocab.Node{}, true},
		{"http://exa mple.org/", vocab.Node{}, true},
	} {
		got, err := tpf.ParseTerm(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseTerm(%q) = %v, %v; want %v (error %v)", tc.in, got, err, tc.want, tc.err)
		}
		if err == nil && !got.IsZero() {
			if back, _ := tpf.ParseTerm(tpf.Explicit(got)); back != got {
				t.Errorf("Explicit(%v) = %q reads back as %v", got, tpf.Explicit(got), back)
			}
		}
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		q   string
		err bool
	}{
		{"", false},
		{"subject=&predicate=&object=", false},
		{"predicate=http%3A%2F%2Fwww.w3.org%2Fns%2Forg%23member&page=3", false},
		{"object=%22M%C3%BCnchen%22%40de", false},
		{"subject=%22literal%22", true},
		{"predicate=%22literal%22", true},
		{"page=0", true},
		{"page=01", true},
		{"page=x", true},
		{"s=http%3A%2F%2Fexample.org%2F", true},
		{"subject=http%3A%2F%2Fa.org%2F&subject=http%3A%2F%2Fb.org%2F", true},
	} {
		v, _ := url.ParseQuery(tc.q)
		if _, err := tpf.ParseQuery(v); (err != nil) != tc.err {
			t.Errorf("ParseQuery(%q): %v, want error %v", tc.q, err, tc.err)
		}
	}
}

// meta finds the objects of s p in the metadata.
func meta(f *tpf.Fragment, s string, p *vocab.Term) []vocab.Node {
	var out []vocab.Node
	for _, tr := range f.Meta {
		if tr.S.Value == s && tr.P == p.Node() {
			out = append(out, tr.O)
		}
	}
	return out
}

// The controls the Triple Pattern Fragments specification requires of
// every page: the data matches the pattern; the fragment's count
// (void:triples, hydra:totalItems); the dataset's search form, a
// template over subject, predicate and object in the explicit
// representation; and the links to the first, previous and next pages,
// which lead through every matching triple exactly once.
func TestRequiredControls(t *testing.T) {
	x, _ := seed(t)
	ds := vocab.DatasetIRI(base)
	p := tpf.Pattern{} // the whole graph: several pages
	total, all := x.Match(p, 0, x.Len())
	if total <= 2*tpf.PageSize {
		t.Fatalf("%d triples: too few for three pages", total)
	}
	var got []vocab.Triple
	pageURL := tpf.URL(base, p, 1)
	for n := 1; ; n++ {
		u, _ := url.Parse(pageURL)
		req, err := tpf.ParseQuery(u.Query())
		if err != nil {
			t.Fatal(err)
		}
		if req.Page != n || req.Pattern != p {
			t.Fatalf("%s reads as page %d of %v", pageURL, req.Page, req.Pattern)
		}
		f, ok := x.Fragment(base, pageURL, req)
		if !ok {
			t.Fatalf("page %d missing", n)
		}
		if err := vocab.Check(f.Meta); err != nil {
			t.Errorf("page %d: %v", n, err)
		}
		for _, tr := range f.Data {
			if !matches(p, tr) {
				t.Errorf("page %d holds %v, which does not match", n, tr)
			}
		}
		got = append(got, f.Data...)
		frag := tpf.URL(base, p, 1)
		count := fmt.Sprint(total)
		for _, term := range []*vocab.Term{vocab.VoIDTriples, vocab.HydraTotalItems} {
			if c := meta(f, frag, term); len(c) != 1 || c[0].Value != count || c[0].Datatype != vocab.XSDInteger.IRI {
				t.Errorf("page %d: %s %v, want %s", n, term.CURIE(), c, count)
			}
		}
		if s := meta(f, ds, vocab.VoIDSubset); len(s) != 1 || s[0].Value != frag {
			t.Errorf("page %d: dataset void:subset %v", n, s)
		}
		if s := meta(f, frag, vocab.VoIDSubset); len(s) != 1 || s[0].Value != pageURL {
			t.Errorf("page %d: fragment void:subset %v", n, s)
		}
		if pt := meta(f, f.MetaGraph.Value, vocab.FOAFPrimaryTopic); len(pt) != 1 || pt[0].Value != frag {
			t.Errorf("page %d: metadata graph's primary topic %v", n, pt)
		}
		checkSearchForm(t, f, ds)
		if first := meta(f, pageURL, vocab.HydraFirst); len(first) != 1 || first[0].Value != frag {
			t.Errorf("page %d: hydra:first %v", n, first)
		}
		prev := meta(f, pageURL, vocab.HydraPrevious)
		if n == 1 && len(prev) != 0 || n > 1 && (len(prev) != 1 || prev[0].Value != tpf.URL(base, p, n-1)) {
			t.Errorf("page %d: hydra:previous %v", n, prev)
		}
		if ipp := meta(f, pageURL, vocab.HydraItemsPerPage); len(ipp) != 1 || ipp[0].Value != fmt.Sprint(tpf.PageSize) {
			t.Errorf("page %d: hydra:itemsPerPage %v", n, ipp)
		}
		next := meta(f, pageURL, vocab.HydraNext)
		if len(next) == 0 {
			if _, ok := x.Fragment(base, tpf.URL(base, p, n+1), tpf.Request{Pattern: p, Page: n + 1}); ok {
				t.Errorf("page %d has no hydra:next but page %d exists", n, n+1)
			}
			break
		}
		if len(f.Data) != tpf.PageSize {
			t.Errorf("page %d holds %d triples and has a next page", n, len(f.Data))
		}
		pageURL = next[0].Value
	}
	if !slices.Equal(got, all) {
		t.Errorf("the pages hold %d triples, the fragment %d", len(got), len(all))
	}
	// An empty fragment has one page, with the count 0.
	empty := tpf.Pattern{S: vocab.IRI(base + "/id/municipality/nowhere")}
	f, ok := x.Fragment(base, tpf.URL(base, empty, 1), tpf.Request{Pattern: empty, Page: 1})
	if !ok || len(f.Data) != 0 || f.Total != 0 || len(meta(f, tpf.URL(base, empty, 1), vocab.HydraNext)) != 0 {
		t.Errorf("empty fragment: %v %+v", ok, f)
	}
}

// checkSearchForm checks the dataset's hydra:search: one IRI template,
// explicit representation, variables for the three positions.
func checkSearchForm(t *testing.T, f *tpf.Fragment, ds string) {
	t.Helper()
	forms := meta(f, ds, vocab.HydraSearch)
	if len(forms) != 1 {
		t.Fatalf("dataset has %d search forms", len(forms))
	}
	form := forms[0].Value
	if tmpl := meta(f, form, vocab.HydraTemplate); len(tmpl) != 1 || tmpl[0].Value != base+"/fragments{?subject,predicate,object}" {
		t.Errorf("hydra:template %v", tmpl)
	}
	if r := meta(f, form, vocab.HydraVariableRepresentation); len(r) != 1 || r[0] != vocab.HydraExplicitRepresentation.Node() {
		t.Errorf("hydra:variableRepresentation %v", r)
	}
	props := map[string]string{}
	for _, m := range meta(f, form, vocab.HydraMapping) {
		v, p := meta(f, m.Value, vocab.HydraVariable), meta(f, m.Value, vocab.HydraProperty)
		if len(v) != 1 || len(p) != 1 {
			t.Fatalf("mapping %s: variable %v, property %v", m.Value, v, p)
		}
		props[p[0].Value] = v[0].Value
	}
	want := map[string]string{vocab.RDFSubject.IRI: "subject", vocab.RDFPredicate.IRI: "predicate", vocab.RDFObject.IRI: "object"}
	if fmt.Sprint(props) != fmt.Sprint(want) {
		t.Errorf("mappings %v, want %v", props, want)
	}
}

func TestPageBeyondTheLast(t *testing.T) {
	x, _ := seed(t)
	p := tpf.Pattern{P: vocab.OrgMember.Node()}
	total, _ := x.Match(p, 0, 0)
	last := (total + tpf.PageSize - 1) / tpf.PageSize
	if _, ok := x.Fragment(base, tpf.URL(base, p, last), tpf.Request{Pattern: p, Page: last}); !ok {
		t.Errorf("page %d (the last) missing", last)
	}
	if _, ok := x.Fragment(base, tpf.URL(base, p, last+1), tpf.Request{Pattern: p, Page: last + 1}); ok {
		t.Errorf("page %d served beyond the last", last+1)
	}
}

// Each format says the same: in Turtle and N-Triples the metadata and
// the data are one graph; in TriG and JSON-LD (read by n3 and jsonld,
// as N-Quads) the metadata is the graph MetaGraph and the data the
// default graph.
func TestFormats(t *testing.T) {
	x, _ := seed(t)
	p := tpf.Pattern{} // the whole graph: page 2 links to a previous and a next
	u := tpf.URL(base, p, 2)
	f, ok := x.Fragment(base, u, tpf.Request{Pattern: p, Page: 2})
	if !ok {
		t.Fatal("no page 2")
	}
	write := func(format *exporters.Format) []byte {
		var b bytes.Buffer
		if err := f.Write(&b, format); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	union := append(append([]vocab.Triple{}, f.Meta...), f.Data...)
	for _, tc := range []struct {
		format *exporters.Format
		knakk  string
	}{{exporters.Turtle, "turtle"}, {exporters.NTriples, "ntriples"}} {
		got, err := graphtest.Knakk(write(tc.format), tc.knakk)
		if err != nil {
			t.Fatalf("%s: %v", tc.format.Name, err)
		}
		graphtest.SameGraph(t, tc.format.Name, union, got)
	}
	for _, format := range []*exporters.Format{exporters.TriG, exporters.JSONLD} {
		def, named := quads(t, format, write(format))
		graphtest.SameGraph(t, format.Name+" default graph", f.Data, def)
		if len(named) != 1 {
			t.Fatalf("%s: named graphs %v, want the metadata's", format.Name, slices.Collect(maps.Keys(named)))
		}
		graphtest.SameGraph(t, format.Name+" metadata graph", f.Meta, named[f.MetaGraph.Value])
	}
}

const quadsScript = `const [mods, format] = process.argv.slice(1);
let s = ""; process.stdin.setEncoding("utf8").on("data", d => s += d).on("end", async () => {
  try {
    if (format === "trig") {
      const N3 = require(mods + "/n3");
      process.stdout.write(new N3.Writer({format: "N-Quads"}).quadsToString(new N3.Parser({format: "application/trig"}).parse(s)));
    } else {
      const jsonld = require(mods + "/jsonld");
      process.stdout.write(await jsonld.toRDF(JSON.parse(s), {format: "application/n-quads", safe: true}));
    }
  } catch (e) { console.error(e.message); process.exit(1); }
});`

// quads parses a TriG or JSON-LD document with npm n3 or jsonld and
// returns its default graph and its named graphs by name.
func quads(t *testing.T, f *exporters.Format, doc []byte) ([]vocab.Triple, map[string][]vocab.Triple) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	mods := filepath.Join(filepath.Dir(file), "..", "e2e", "node_modules")
	if _, err := exec.LookPath("node"); err != nil {
		graphtest.Unavailable(t, "node is not installed")
	}
	cmd := exec.Command("node", "-e", quadsScript, mods, f.Name)
	cmd.Stdin = bytes.NewReader(doc)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if strings.Contains(errb.String(), "Cannot find module") {
			graphtest.Unavailable(t, "e2e/node_modules is not installed (npm ci in e2e)")
		}
		t.Fatalf("%s: %v\n%s", f.Name, err, errb.String())
	}
	var def []vocab.Triple
	named := map[string][]vocab.Triple{}
	dec := rdf.NewQuadDecoder(&out, rdf.NQuads)
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: N-Quads: %v", f.Name, err)
		}
		nq, _ := graphtest.Knakk([]byte(q.Triple.Serialize(rdf.NTriples)), "ntriples")
		if q.Ctx == nil || q.Ctx.String() == "" || q.Ctx.String() == "defaultGraph" {
			def = append(def, nq...)
		} else {
			named[q.Ctx.String()] = append(named[q.Ctx.String()], nq...)
		}
	}
	return def, named
}

// The example queries each ask a question, and there are at least ten.
func TestQueries(t *testing.T) {
	qs, err := tpf.Queries()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 10 {
		t.Errorf("%d example queries, want at least 10", len(qs))
	}
	for _, q := range qs {
		if !strings.HasSuffix(q.Question, "?") || !strings.Contains(q.Text, "SELECT") {
			t.Errorf("%s: question %q", q.Name, q.Question)
		}
	}
	_ = json.Valid
}
