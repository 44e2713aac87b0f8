package catalog

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
)

// The catalogue and the VoID description for people: a browser opening
// /catalog or /.well-known/void gets a page that says in words what the
// RDF says, with the RDF one click away. The caller puts the body in the
// site's layout.

// CatalogHTML is the body of the catalogue's page: the dataset, who
// publishes it under which licence, and the files of the latest release
// with their checksums.
func CatalogHTML(in Input) (template.HTML, error) {
	return render(catalogPage, in)
}

// VoIDHTML is the body of the VoID description's page: what the latest
// N-Triples dump holds, by class, property and link to Wikidata.
func VoIDHTML(in Input) (template.HTML, error) {
	return render(voidPage, in)
}

func render(t *template.Template, in Input) (template.HTML, error) {
	cfg := in.Config.WithDefaults()
	license, licensePage := LicenseInfo(cfg.License)
	v := htmlView{Config: cfg, In: in, License: license, LicensePage: cmp.Or(licensePage, cfg.License)}
	v.Title, _ = cfg.Title.Get("en")
	v.Description, _ = cfg.Description.Get("en")
	v.CatalogTitle, _ = cfg.CatalogTitle.Get("en")
	if in.Snapshot != nil && !in.Snapshot.Modified.IsZero() {
		v.Modified = in.Snapshot.Modified.UTC().Format("2006-01-02")
	}
	if s := in.Stats; s != nil {
		v.Classes, v.Properties, v.Links = counts(s.Classes), counts(s.Properties), counts(s.Links)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return "", fmt.Errorf("catalogue page: %w", err)
	}
	return template.HTML(b.String()), nil // the template escaped every value
}

type htmlView struct {
	Config
	In                               Input
	Title, Description, CatalogTitle string
	License, LicensePage, Modified   string
	Classes, Properties, Links       []tally
}

type tally struct {
	IRI string
	N   int64
}

// counts lists m by count, largest first, then by IRI.
func counts(m map[string]int64) []tally {
	out := make([]tally, 0, len(m))
	for k, n := range m {
		out = append(out, tally{k, n})
	}
	slices.SortFunc(out, func(a, b tally) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.IRI, b.IRI)) })
	return out
}

var funcs = template.FuncMap{
	"download": DownloadURL,
	"size": func(n int64) string {
		switch {
		case n >= 1<<20:
			return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
		case n >= 1<<10:
			return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
		}
		return fmt.Sprintf("%d bytes", n)
	},
}

var catalogPage = template.Must(template.New("catalog").Funcs(funcs).Parse(`<div class="wrap narrow prose">
<h1>{{.CatalogTitle}}</h1>
<p>This page is the DCAT-AP catalogue of the dataset, written out for people. Harvesters such as the
European data portal read the same statements in RDF (see the formats above).</p>
<h2>{{.Title}}</h2>
<p>{{.Description}}</p>
<dl class="facts">
<div><dt>Publisher</dt><dd><a href="{{.PublisherURL}}">{{.PublisherName}}</a></dd></div>
<div><dt>Contact</dt><dd>{{if .ContactEmail}}<a href="mailto:{{.ContactEmail}}">{{.ContactEmail}}</a> · {{end}}<a href="{{.ContactURL}}">{{.ContactURL}}</a></dd></div>
<div><dt>Licence</dt><dd><a href="{{.LicensePage}}" rel="license">{{or .License .LicensePage}}</a></dd></div>
<div><dt>First published</dt><dd>{{.Issued}}</dd></div>
{{if .Modified}}<div><dt>Last changed</dt><dd>{{.Modified}}</dd></div>{{end}}
{{if .Frequency}}<div><dt>Updated</dt><dd>{{.Frequency}}</dd></div>{{end}}
<div><dt>Ways in</dt><dd><a href="{{.BaseURI}}/docs">REST API</a> (<a href="{{.BaseURI}}/openapi.yaml">OpenAPI</a>) · <a href="{{.BaseURI}}/dumps">downloads</a> · <a href="{{.BaseURI}}/reconcile/v0.2">reconciliation service</a> · <a href="{{.BaseURI}}/fragments">Triple Pattern Fragments</a> (<a href="{{.BaseURI}}/sparql">querying with SPARQL</a>) · <a href="{{.BaseURI}}/.well-known/void">VoID description</a></dd></div>
</dl>
{{with .In.Latest}}
<h2 id="latest">Latest release: {{.Name}}</h2>
<p>Dataset revision {{.Revision}}.{{if .Previous}} The release before was {{.Previous}}.{{end}} Each file is a distribution of the dataset; its SHA-256 checksum lets you check the copy you cite.</p>
<table class="data downloads">
<caption>Files of release {{.Name}}</caption>
<thead><tr><th scope="col">File</th><th scope="col">Media type</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
{{- $name := .Name}}{{range .Files}}
<tr><td data-label="File"><span><a href="{{download $.BaseURI $name .Name}}">{{.Name}}</a></span></td><td data-label="Media type"><span>{{.MediaType}}</span></td><td data-label="Size" class="n"><span><data value="{{.Bytes}}">{{size .Bytes}}</data></span></td><td data-label="SHA-256"><span><code class="hash">{{.SHA256}}</code></span></td></tr>
{{- end}}
</tbody>
</table>
{{else}}
<p>There is no release yet: the catalogue lists the API until the first nightly dump.</p>
{{end}}
{{with .In.Earlier}}
<h2>Earlier releases</h2>
<ul>{{range .}}<li><a href="{{$.BaseURI}}/dumps#{{.Name}}">{{.Name}}</a> (revision {{.Revision}})</li>{{end}}</ul>
{{end}}
</div>
`))

var voidPage = template.Must(template.New("void").Funcs(funcs).Parse(`<div class="wrap narrow prose">
<h1>VoID description of {{.Title}}</h1>
<p>This page is the dataset's VoID description, written out for people: what the linked data holds and
how it links to Wikidata. Tools read the same statements in RDF (see the formats above).</p>
{{with .In.Stats}}
<p>{{with $.In.Latest}}Counted in the N-Triples dump of release <a href="{{$.BaseURI}}/dumps#{{.Name}}">{{.Name}}</a>: {{end}}
{{.Triples}} triples about {{.Entities}} entities, with {{.DistinctSubjects}} distinct subjects and {{.DistinctObjects}} distinct objects.</p>
<h2>Classes</h2>
<table class="data"><thead><tr><th scope="col">Class</th><th scope="col">Instances</th></tr></thead><tbody>
{{- range $.Classes}}<tr><td data-label="IRI"><span><code>{{.IRI}}</code></span></td><td data-label="Count" class="n"><span>{{.N}}</span></td></tr>{{end}}
</tbody></table>
<h2>Properties</h2>
<table class="data"><thead><tr><th scope="col">Property</th><th scope="col">Triples</th></tr></thead><tbody>
{{- range $.Properties}}<tr><td data-label="IRI"><span><code>{{.IRI}}</code></span></td><td data-label="Count" class="n"><span>{{.N}}</span></td></tr>{{end}}
</tbody></table>
{{with $.Links}}<h2>Links to Wikidata</h2>
<table class="data"><thead><tr><th scope="col">Property</th><th scope="col">Links</th></tr></thead><tbody>
{{- range .}}<tr><td data-label="IRI"><span><code>{{.IRI}}</code></span></td><td data-label="Count" class="n"><span>{{.N}}</span></td></tr>{{end}}
</tbody></table>{{end}}
{{else}}
<p>The statistics are counted when a release is made; there is no release yet.</p>
{{end}}
<p>Whole dataset: <a href="{{.BaseURI}}/dataset">{{.BaseURI}}/dataset</a> · Downloads: <a href="{{.BaseURI}}/dumps">{{.BaseURI}}/dumps</a></p>
</div>
`))
