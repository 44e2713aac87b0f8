package api

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/pages"
	"github.com/moving-cities/opendata/tpf"
	"github.com/moving-cities/opendata/vocab"
)

// /sparql is the page that explains how to run SPARQL over the graph:
// live over the Triple Pattern Fragments with Comunica, or over the
// N-Triples dump with Oxigraph or QLever, with the example queries of
// tpf/queries (the ones e2e checks).

// sparqlPage is the page's body (English; the layout is in the reader's
// language).
var sparqlPage = template.Must(template.New("sparql").Parse(`<div class="wrap">
<h1>Query the graph with SPARQL</h1>
<p>The whole dataset is one RDF graph. There is no SPARQL endpoint to overload; instead you can ask
SPARQL questions in two ways that cost the server little:</p>
<ul>
<li><strong>Live</strong>, over the <a href="{{.Fragments}}">Triple Pattern Fragments</a> of the current data, with a
client such as <a href="https://comunica.dev/">Comunica</a> that splits a query into triple patterns and joins the
answers itself;</li>
<li><strong>Offline</strong>, over the N-Triples dump of a release, loaded into
<a href="https://github.com/oxigraph/oxigraph">Oxigraph</a> or <a href="https://github.com/ad-freiburg/qlever">QLever</a>.</li>
</ul>
<p>Both give the same answers for the same revision: the checks of this service run every example below both
ways and compare. Live queries make one request per page of each pattern they need, so a question that touches
most of the graph is faster over the dump.</p>

<h2 id="fragments">The fragments</h2>
<p><code>{{.Fragments}}</code> answers a triple pattern with the matching triples, {{.PageSize}} a page, their count
(<code>hydra:totalItems</code>, <code>void:triples</code>), links to the other pages and the form for any other
pattern (<code>hydra:search</code>, template <code>{{.Template}}</code>), as the
<a href="{{.Spec}}">Triple Pattern Fragments specification</a> describes. Terms are written as the form's explicit
representation says: an IRI as it is, a literal in double quotes with <code>@lang</code> or
<code>^^datatype</code>, for instance <a href="{{.Example}}">the members of networks</a>. TriG and JSON-LD keep the
metadata in a graph of its own; Turtle and N-Triples are served too. Blank nodes of the graph are
skolem IRIs under <code>{{.Genid}}</code>, so that a client can follow them; the dumps keep them blank.</p>

<h2 id="comunica">Live, with Comunica</h2>
<p>With Node.js, the command line client runs a query file against the fragments:</p>
<pre tabindex="0"><code>npx --package @comunica/query-sparql comunica-sparql {{.Fragments}} -f query.rq</code></pre>
<p>or, in a program:</p>
<pre tabindex="0"><code>import { QueryEngine } from "@comunica/query-sparql";
const engine = new QueryEngine();
const bindings = await engine.queryBindings(query, { sources: ["{{.Fragments}}"] });
for (const row of await bindings.toArray()) console.log(row.toString());</code></pre>

<h2 id="oxigraph">Over the dump, with Oxigraph</h2>
<p>Download the N-Triples dump of the latest release (<a href="{{.Dumps}}">all releases</a>), load it and query:</p>
<pre tabindex="0"><code>curl -O {{.Dump}}
gunzip dataset.nt.gz
oxigraph load --location store --file dataset.nt
oxigraph query --location store --query-file query.rq --results-format csv</code></pre>
<p>From Python, <code>pyoxigraph</code> does the same: <code>Store().load(path="dataset.nt", format=RdfFormat.N_TRIPLES)</code>,
then <code>store.query(query)</code>.</p>

<h2 id="qlever">Over the dump, with QLever</h2>
<p>QLever's command line tool (<code>pip install qlever</code>) builds an index from the dump and serves it.
A <code>Qleverfile</code> in the folder of the dump:</p>
<pre tabindex="0"><code>[data]
NAME = movingcities

[index]
INPUT_FILES     = dataset.nt.gz
CAT_INPUT_FILES = zcat ${INPUT_FILES}

[server]
PORT = 7019

[runtime]
SYSTEM = docker</code></pre>
<p>then <code>qlever index</code>, <code>qlever start</code> and <code>qlever query "$(cat query.rq)"</code>.</p>

<h2 id="examples">Example queries</h2>
<p>Each answers a common question; copy one into <code>query.rq</code>. They name things by their identifiers
(<code>dcterms:identifier</code>), not by IRIs, so they run unchanged against any copy of the data.</p>
{{range .Queries}}<section id="{{.Name}}">
<h3>{{.Question}}</h3>
<pre tabindex="0"><code>{{.Text}}</code></pre>
</section>
{{end}}</div>
`))

type sparqlView struct {
	Fragments, Template, Spec, Example, Genid, Dumps, Dump string
	PageSize                                               int
	Queries                                                []tpf.Query
}

// sparqlBody renders the page's body, which depends on the base URI and
// the embedded queries only.
func sparqlBody(base string) (template.HTML, error) {
	qs, err := tpf.Queries()
	if err != nil {
		return "", err
	}
	v := sparqlView{
		Fragments: vocab.FragmentsURL(base),
		Template:  vocab.FragmentsURL(base) + "{?subject,predicate,object}",
		Spec:      vocab.TPFSpecIRI,
		Example:   tpf.URL(base, tpf.Pattern{P: vocab.OrgMember.Node()}, 1),
		Genid:     vocab.SkolemIRI(base, ""),
		Dumps:     base + "/dumps",
		Dump:      base + "/dumps/latest/dataset.nt.gz",
		PageSize:  tpf.PageSize,
		Queries:   qs,
	}
	var b bytes.Buffer
	if err := sparqlPage.Execute(&b, v); err != nil {
		return "", fmt.Errorf("sparql page: %w", err)
	}
	return template.HTML(b.String()), nil // the template escaped every value
}

func registerSPARQLPage(api huma.API, router chi.Router, s *Server) {
	h := func(w http.ResponseWriter, r *http.Request) {
		body, err := sparqlBody(s.cfg.BaseURI)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.pageError(w, r, s.pages.Document(w, r, pages.Doc{
			Title:       "Query the graph with SPARQL",
			Description: "Run SPARQL over Moving Cities Open Data: live over its Triple Pattern Fragments with Comunica, or over its dumps with Oxigraph or QLever, with example queries.",
			Body:        body, BodyLang: "en", Section: "api",
		}))
	}
	router.Get("/sparql", h)
	router.Head("/sparql", h)
	route{id: "sparql-page", method: http.MethodGet, path: "/sparql", tag: "Pages", summary: "Query the graph with SPARQL",
		desc: "How to run SPARQL over the dataset: live over `/fragments` with Comunica, or over the N-Triples dump with Oxigraph or QLever, " +
			"with example queries for common questions. Not a SPARQL endpoint.",
		params: []*huma.Param{langParam}, ok: map[string]*huma.MediaType{"text/html": {Schema: stringSchema}},
		more: map[int]string{http.StatusNotModified: "The client's copy is current"}}.describe(api)
}
