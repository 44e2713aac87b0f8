package reconcile

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// PreviewCSP is the Content-Security-Policy previews are served with: the
// card loads nothing, runs nothing and only styles itself. Any page may
// frame it: reconciliation clients (OpenRefine) show previews in an
// iframe, and the card has nothing to click that framing could abuse.
const PreviewCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *"

// previewCard is what the preview template shows.
type previewCard struct {
	Name, Kind, Page string
	Facts            []fact
	Summary          string
}

type fact struct {
	Label, Value, Link string
}

var previewTemplate = template.Must(template.New("preview").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{.Name}}</title>
<style>
body{margin:0;padding:10px 12px;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff}
h1{font-size:16px;margin:0}
.kind{color:#555;margin:0 0 6px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:0 0 6px}
dt{color:#555}dd{margin:0;overflow:hidden;text-overflow:ellipsis}
p{margin:0 0 6px}a{color:#0b57d0}
</style></head>
<body>
<h1><a href="{{.Page}}" target="_blank" rel="noopener">{{.Name}}</a></h1>
<p class="kind">{{.Kind}}</p>
<dl>{{range .Facts}}<dt>{{.Label}}</dt><dd>{{if .Link}}<a href="{{.Link}}" target="_blank" rel="noopener">{{.Value}}</a>{{else}}{{.Value}}{{end}}</dd>
{{end}}</dl>
{{if .Summary}}<p>{{.Summary}}</p>{{end}}
</body></html>
`))

// Preview renders the HTML card of the entity with reconciliation ID
// rid, sized for the frame the manifests announce. It references nothing
// outside the document: no images, scripts, fonts or style sheets.
func (ix *Index) Preview(rid string, svc Service) ([]byte, bool) {
	e := ix.entity(rid)
	if e == nil {
		return nil, false
	}
	card := previewCard{Name: e.name, Kind: e.desc, Page: svc.PageURL(e.typ, e.id)}
	add := func(label, value, link string) {
		if value != "" {
			card.Facts = append(card.Facts, fact{label, value, link})
		}
	}
	countryName := func(code string) string {
		if c, ok := ix.snap.Country(code); ok && c.Names["en"] != "" {
			return c.Names["en"] + " (" + code + ")"
		}
		return code
	}
	switch {
	case e.muni != nil:
		m := e.muni
		add("Country", countryName(m.Country), "")
		if m.Wikidata != "" {
			add("Wikidata", m.Wikidata, "https://www.wikidata.org/wiki/"+m.Wikidata)
		}
		if p := m.Population; p != nil {
			add("Population", fmt.Sprintf("%d (%d)", p.Value, p.Year), "")
		}
		var nets []string
		for _, n := range ix.members[m.ID] {
			if nw, ok := ix.snap.Network(n); ok {
				nets = append(nets, nw.Names["en"])
			}
		}
		add("Networks", shortList(nets, 3), "")
		if m.Featured {
			add("Featured", "in-depth case study on Moving Cities", "")
		}
		card.Summary, _ = m.Summary.Get("en")
	case e.net != nil:
		n := e.net
		add("Countries", shortList(n.Countries, 8), "")
		if n.Wikidata != "" {
			add("Wikidata", n.Wikidata, "https://www.wikidata.org/wiki/"+n.Wikidata)
		}
		add("Members", fmt.Sprint(len(ix.snap.MembersOf(n.ID))), "")
		add("Website", n.Website, n.Website)
		card.Summary, _ = n.Description.Get("en")
	case e.appr != nil:
		a := e.appr
		if m, ok := ix.snap.Municipality(a.Municipality); ok {
			add("Municipality", m.Names["en"], svc.PageURL(dataset.TypeMunicipality, m.ID))
		}
		var cats []string
		for _, c := range a.Categories {
			if cat, ok := ix.snap.Category(c); ok {
				l, _ := cat.Labels.Get("en")
				cats = append(cats, l)
			}
		}
		add("Categories", shortList(cats, 4), "")
		add("Status", string(a.Status), "")
		card.Summary, _ = a.Summary.Get("en")
	}
	if r := []rune(card.Summary); len(r) > 220 {
		card.Summary = strings.TrimSpace(string(r[:219])) + "…"
	}
	var b bytes.Buffer
	if err := previewTemplate.Execute(&b, card); err != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// shortList joins up to n items and says how many more there are.
func shortList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
