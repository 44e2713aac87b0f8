// Package apidocs renders the API reference at /docs from the OpenAPI
// document: one static page, no script, no request to any other host
// (Huma's own docs page loads its scripts from a third-party host).
package apidocs

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

type docsPage struct {
	Title, Version string
	Description    template.HTML
	Tags           []docsTag
	Schemas        []docsSchema
}

type docsTag struct {
	Name, Anchor string
	Description  template.HTML
	Ops          []docsOp
}

type docsOp struct {
	ID, Method, Path, Summary string
	Description               template.HTML
	Params                    []docsField
	Responses                 []docsResponse
}

type docsField struct {
	Name, In    string
	Type        template.HTML
	Required    bool
	Description template.HTML
	Notes       []string // default, example, limits
}

type docsResponse struct {
	Status, Description string
	Media               []string
	Schema              template.HTML
	Headers             []string
}

type docsSchema struct {
	Name        string
	Description template.HTML
	Props       []docsField
}

// Render renders the reference page of o.
func Render(o *huma.OpenAPI) ([]byte, error) {
	var buf bytes.Buffer
	if err := docsTemplate.Execute(&buf, buildDocs(o)); err != nil {
		return nil, fmt.Errorf("render the API reference: %w", err)
	}
	return buf.Bytes(), nil
}

func buildDocs(o *huma.OpenAPI) docsPage {
	p := docsPage{}
	if o.Info != nil {
		p.Title, p.Version, p.Description = o.Info.Title, o.Info.Version, markdown(o.Info.Description)
	}
	tagIndex := map[string]int{}
	addTag := func(name string) int {
		if j, ok := tagIndex[name]; ok {
			return j
		}
		t := docsTag{Name: name, Anchor: "tag-" + anchor(name)}
		for _, ot := range o.Tags {
			if ot.Name == name {
				t.Description = markdown(ot.Description)
			}
		}
		p.Tags = append(p.Tags, t)
		tagIndex[name] = len(p.Tags) - 1
		return tagIndex[name]
	}
	for _, t := range o.Tags {
		addTag(t.Name)
	}
	paths := make([]string, 0, len(o.Paths))
	for path := range o.Paths {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		item := o.Paths[path]
		for _, mo := range []struct {
			method string
			op     *huma.Operation
		}{{"GET", item.Get}, {"HEAD", item.Head}, {"POST", item.Post}, {"PUT", item.Put}, {"PATCH", item.Patch}, {"DELETE", item.Delete}} {
			if mo.op == nil || mo.op.Hidden {
				continue
			}
			tag := "Other"
			if len(mo.op.Tags) > 0 {
				tag = mo.op.Tags[0]
			}
			j := addTag(tag)
			p.Tags[j].Ops = append(p.Tags[j].Ops, buildOp(mo.method, path, mo.op))
		}
	}
	p.Tags = slices.DeleteFunc(p.Tags, func(t docsTag) bool { return len(t.Ops) == 0 })
	if o.Components != nil && o.Components.Schemas != nil {
		schemas := o.Components.Schemas.Map()
		names := make([]string, 0, len(schemas))
		for name := range schemas {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			sc := schemas[name]
			ds := docsSchema{Name: name, Description: markdown(sc.Description)}
			props := make([]string, 0, len(sc.Properties))
			for prop := range sc.Properties {
				props = append(props, prop)
			}
			slices.Sort(props)
			for _, prop := range props {
				ps := sc.Properties[prop]
				ds.Props = append(ds.Props, docsField{Name: prop, Type: schemaType(ps),
					Required: slices.Contains(sc.Required, prop), Description: markdown(ps.Description), Notes: schemaNotes(ps)})
			}
			p.Schemas = append(p.Schemas, ds)
		}
	}
	return p
}

func buildOp(method, path string, op *huma.Operation) docsOp {
	d := docsOp{ID: op.OperationID, Method: method, Path: path, Summary: op.Summary, Description: markdown(op.Description)}
	for _, prm := range op.Parameters {
		f := docsField{Name: prm.Name, In: prm.In, Required: prm.Required, Description: markdown(prm.Description)}
		if prm.Schema != nil {
			f.Type = schemaType(prm.Schema)
			f.Notes = schemaNotes(prm.Schema)
			if f.Description == "" {
				f.Description = markdown(prm.Schema.Description)
			}
		}
		if prm.Example != nil {
			f.Notes = append(f.Notes, fmt.Sprintf("example: %v", prm.Example))
		}
		d.Params = append(d.Params, f)
	}
	statuses := make([]string, 0, len(op.Responses))
	for st := range op.Responses {
		statuses = append(statuses, st)
	}
	slices.Sort(statuses)
	for _, st := range statuses {
		resp := op.Responses[st]
		dr := docsResponse{Status: st, Description: resp.Description}
		media := make([]string, 0, len(resp.Content))
		for mt := range resp.Content {
			media = append(media, mt)
		}
		slices.Sort(media)
		dr.Media = media
		for _, mt := range media {
			if sc := resp.Content[mt].Schema; sc != nil {
				dr.Schema = schemaType(sc)
				break
			}
		}
		for name := range resp.Headers {
			dr.Headers = append(dr.Headers, name)
		}
		slices.Sort(dr.Headers)
		d.Responses = append(d.Responses, dr)
	}
	return d
}

// schemaType describes a schema's type in a few words, linking to named schemas.
func schemaType(sc *huma.Schema) template.HTML {
	switch {
	case sc == nil:
		return "any"
	case sc.Ref != "":
		name := sc.Ref[strings.LastIndex(sc.Ref, "/")+1:]
		return template.HTML(fmt.Sprintf(`<a href="#schema-%s">%s</a>`, template.HTMLEscapeString(anchor(name)), template.HTMLEscapeString(name)))
	case sc.Type == huma.TypeArray:
		return "array of " + schemaType(sc.Items)
	case sc.Type == huma.TypeObject && sc.AdditionalProperties != nil && len(sc.Properties) == 0:
		if inner, ok := sc.AdditionalProperties.(*huma.Schema); ok {
			return "map of " + schemaType(inner)
		}
		return "object"
	}
	t := sc.Type
	if t == "" {
		t = "any"
	}
	if sc.Format != "" {
		t += " (" + sc.Format + ")"
	}
	return template.HTML(template.HTMLEscapeString(t))
}

func schemaNotes(sc *huma.Schema) []string {
	var notes []string
	if len(sc.Enum) > 0 {
		vals := make([]string, len(sc.Enum))
		for j, v := range sc.Enum {
			vals[j] = fmt.Sprint(v)
		}
		notes = append(notes, "one of: "+strings.Join(vals, ", "))
	}
	if sc.Default != nil {
		notes = append(notes, fmt.Sprintf("default: %v", sc.Default))
	}
	if sc.Minimum != nil {
		notes = append(notes, fmt.Sprintf("minimum: %v", *sc.Minimum))
	}
	if sc.Maximum != nil {
		notes = append(notes, fmt.Sprintf("maximum: %v", *sc.Maximum))
	}
	if sc.MaxLength != nil {
		notes = append(notes, fmt.Sprintf("at most %d characters", *sc.MaxLength))
	}
	if sc.Pattern != "" {
		notes = append(notes, "pattern: "+sc.Pattern)
	}
	if len(sc.Examples) > 0 {
		notes = append(notes, fmt.Sprintf("example: %v", exampleText(sc.Examples[0])))
	}
	return notes
}

func exampleText(v any) string {
	if m, ok := v.(map[string]any); ok {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for j, k := range keys {
			parts[j] = fmt.Sprintf("%s: %v", k, m[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

var nonAnchor = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

func anchor(s string) string { return nonAnchor.ReplaceAllString(s, "-") }

var (
	mdCode = regexp.MustCompile("`([^`]+)`")
	mdBold = regexp.MustCompile(`\*\*([^*]+)\*\*`)
)

// markdown renders the little Markdown the descriptions use: paragraphs,
// "## " headings, "- " lists, **bold** and `code`. Everything is escaped first.
func markdown(s string) template.HTML {
	if s == "" {
		return ""
	}
	inline := func(t string) string {
		t = template.HTMLEscapeString(t)
		t = mdCode.ReplaceAllString(t, "<code>$1</code>")
		return mdBold.ReplaceAllString(t, "<strong>$1</strong>")
	}
	var b strings.Builder
	for _, block := range strings.Split(strings.TrimSpace(s), "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		switch {
		case strings.HasPrefix(lines[0], "## "):
			b.WriteString("<h3>" + inline(strings.TrimPrefix(lines[0], "## ")) + "</h3>")
		case strings.HasPrefix(lines[0], "- "):
			b.WriteString("<ul>")
			for _, l := range lines {
				b.WriteString("<li>" + inline(strings.TrimPrefix(l, "- ")) + "</li>")
			}
			b.WriteString("</ul>")
		default:
			b.WriteString("<p>" + inline(strings.Join(lines, " ")) + "</p>")
		}
	}
	return template.HTML(b.String())
}

var docsTemplate = template.Must(template.New("docs").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: API reference</title>
<style>
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #d0d0d0; --accent: #0b5cad; --code: #f3f3f3; }
@media (prefers-color-scheme: dark) { :root { --fg: #eaeaea; --bg: #151515; --muted: #aaa; --line: #3a3a3a; --accent: #7ab7ff; --code: #222; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--accent); }
code, .path { font-family: ui-monospace, monospace; background: var(--code); padding: 0 .2em; border-radius: 3px; }
nav ul { columns: 16rem; padding-left: 1.2rem; }
section.op { border-top: 1px solid var(--line); padding: .5rem 0 1rem; }
.method { font-weight: 700; font-family: ui-monospace, monospace; margin-right: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .3rem .5rem; }
.notes { color: var(--muted); font-size: .9rem; }
.req { font-size: .8rem; font-weight: 700; }
</style>
</head>
<body>
<header>
<h1>{{.Title}} <small>{{.Version}}</small></h1>
<p>The machine-readable description of this API: <a href="/openapi.yaml">openapi.yaml</a>, <a href="/openapi.json">openapi.json</a>.</p>
</header>
<main>
{{.Description}}
<nav aria-label="Operations">
<h2>Operations</h2>
<ul>
{{range .Tags}}{{range .Ops}}<li><a href="#op-{{.ID}}"><span class="method">{{.Method}}</span>{{.Path}}</a>: {{.Summary}}</li>
{{end}}{{end}}</ul>
</nav>
{{range .Tags}}
<h2 id="{{.Anchor}}">{{.Name}}</h2>
{{.Description}}
{{range .Ops}}
<section class="op" id="op-{{.ID}}">
<h3><span class="method">{{.Method}}</span><span class="path">{{.Path}}</span></h3>
<p><strong>{{.Summary}}</strong> <span class="notes">({{.ID}})</span></p>
{{.Description}}
{{if .Params}}
<table>
<caption class="notes">Parameters</caption>
<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>
{{range .Params}}<tr><td><code>{{.Name}}</code>{{if .Required}} <span class="req">required</span>{{end}}</td><td>{{.In}}</td><td>{{.Type}}</td><td>{{.Description}}{{if .Notes}}<div class="notes">{{range $i, $n := .Notes}}{{if $i}}; {{end}}{{$n}}{{end}}</div>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
<table>
<caption class="notes">Responses</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Body</th></tr></thead>
<tbody>
{{range .Responses}}<tr><td>{{.Status}}</td><td>{{.Description}}{{if .Headers}}<div class="notes">headers: {{range $i, $h := .Headers}}{{if $i}}, {{end}}{{$h}}{{end}}</div>{{end}}</td><td>{{.Schema}}{{if .Media}}<div class="notes">{{range $i, $m := .Media}}{{if $i}}, {{end}}{{$m}}{{end}}</div>{{end}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}
{{end}}
<h2 id="schemas">Schemas</h2>
{{range .Schemas}}
<section class="op" id="schema-{{.Name}}">
<h3>{{.Name}}</h3>
{{.Description}}
{{if .Props}}
<table>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>
{{range .Props}}<tr><td><code>{{.Name}}</code>{{if .Required}} <span class="req">required</span>{{end}}</td><td>{{.Type}}</td><td>{{.Description}}{{if .Notes}}<div class="notes">{{range $i, $n := .Notes}}{{if $i}}; {{end}}{{$n}}{{end}}</div>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
</section>
{{end}}
</main>
<footer><p class="notes">Rendered by the server from its OpenAPI document.</p></footer>
</body>
</html>
`))
