package pages

import (
	"net/http"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// TestCityPageShowsCaseStudy checks that a municipality's page shows each
// part of its case study, in the page's language where there is one (the
// Markdown rendered), in English with a note where there is not, and that
// its JSON-LD carries the tagline and the report.
func TestCityPageShowsCaseStudy(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	m := &d.Municipalities[0]
	m.Summary = dataset.Text{"en": "Summary text.", "de": "Zusammenfassung."}
	m.SummaryOrigin = nil
	m.CityContent = dataset.CityContent{
		Subtitle:      dataset.Text{"en": "A safe harbour", "de": "Ein sicherer Hafen"},
		SummaryTitle:  dataset.Text{"en": "In short", "de": "Kurz gesagt"},
		Reasoning:     dataset.Text{"en": "Because **everyone** counts.", "de": "Weil **alle** zählen."},
		ReportTitle:   dataset.Text{"en": "The full report"},
		ReportIntro:   dataset.Text{"en": "What the city *did*."},
		ReportFile:    dataset.Text{"en": "https://cms.example.org/uploads/r-en.pdf", "de": "https://cms.example.org/uploads/r-de.pdf"},
		Takeaways:     []dataset.Takeaway{{Lang: "en", Text: "First *point*"}, {Lang: "en", Text: "Second point"}},
		ContentOrigin: dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginPlatform},
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("the test's content is invalid: %v", err)
	}
	snap := dataset.NewSnapshot(d, 7)
	id := m.ID
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`<p class="tagline"><span>A safe harbour</span></p>`,
			`<h2 class="summary-title"><span>In short</span></h2>`,
			`Because <strong>everyone</strong> counts.`,
			`<h3><span>The full report</span></h3>`,
			`What the city <em>did</em>.`,
			`href="https://cms.example.org/uploads/r-en.pdf"`,
			`"slogan":[{"@language":"en","@value":"A safe harbour"}`,
			`"@type":"Report"`,
			`<h2 id="takeaways-h">Key takeaways</h2>`,
			`<p>First <em>point</em></p>`,
		}},
		{"de", []string{
			`<p class="tagline"><span>Ein sicherer Hafen</span></p>`,
			`<h2 class="summary-title"><span>Kurz gesagt</span></h2>`,
			`Weil <strong>alle</strong> zählen.`,
			`<h2 id="reasoning-h">Warum die Stadt handelt</h2>`,
			// No German title or introduction: English, marked as such.
			`<h3><span lang="en">The full report</span> <span class="fb">auf Englisch</span></h3>`,
			`<div class="md" lang="en">`,
			`<h2 id="takeaways-h">Das Wichtigste</h2>`,
			`<li><div class="md" lang="en"><p>Second point</p>`,
			`href="https://cms.example.org/uploads/r-de.pdf"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			w := get(t, "/municipalities/"+id+"?lang="+tt.lang, nil, func(w http.ResponseWriter, r *http.Request) error {
				return p.Entity(w, r, view(snap), dataset.TypeMunicipality, id)
			})
			page := w.Body.String()
			for _, s := range tt.want {
				if !strings.Contains(page, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			checkNoExternal(t, tt.lang, page)
		})
	}
}

// TestPagesShowBlocks checks that a municipality's page shows its quotes
// (a figure with the author as its caption) and sections (heading and
// sanitised Markdown) in the page's language, in English with a note where
// there are none, and that an approach's page shows its sections.
func TestPagesShowBlocks(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	m := &d.Municipalities[0]
	m.CityContent = dataset.CityContent{
		Blocks: []dataset.Block{
			{Lang: "en", Position: 1, Kind: dataset.BlockQuote, Text: "We have <room>.", Author: "A mayor"},
			{Lang: "en", Position: 2, Kind: dataset.BlockSection, Title: "How it began", Text: "It *began*.<script>alert(1)</script>"},
			{Lang: "de", Position: 1, Kind: dataset.BlockSection, Title: "Wie es begann", Text: "Es **begann**."},
		},
		ContentOrigin: dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginTranslation},
	}
	a := &d.Approaches[0]
	a.Blocks = []dataset.Block{{Lang: "en", Position: 1, Kind: dataset.BlockSection, Title: "Step by step", Text: "First, *listen*."}}
	if err := d.Validate(); err != nil {
		t.Fatalf("the test's content is invalid: %v", err)
	}
	snap := dataset.NewSnapshot(d, 7)
	tests := []struct {
		name    string
		typ     dataset.Type
		id      string
		lang    string
		want    []string
		notWant []string
	}{
		{"municipality en", dataset.TypeMunicipality, m.ID, "en", []string{
			`<h2 id="blocks-h">In depth</h2>`,
			"<figure class=\"quote\">\n<blockquote><p>We have &lt;room&gt;.</p></blockquote>\n<figcaption>A mayor</figcaption>",
			`<h3>How it began</h3>`,
			`It <em>began</em>.`,
		}, []string{"<script>alert", "Translated from English"}},
		{"municipality de", dataset.TypeMunicipality, m.ID, "de", []string{
			`<h2 id="blocks-h">Im Detail</h2>`,
			`<h3>Wie es begann</h3>`,
			`Es <strong>begann</strong>.`,
			`<p class="fb-note">Von diesem Projekt aus dem Englischen übersetzt, nicht der Wortlaut der Plattform.</p>`,
		}, []string{"A mayor", `<section class="blocks" aria-labelledby="blocks-h" lang="en">`}},
		{"municipality fr falls back", dataset.TypeMunicipality, m.ID, "fr", []string{
			`<section class="blocks" aria-labelledby="blocks-h" lang="en">`,
			`<h2 id="blocks-h">En détail</h2>`,
			`<figcaption>A mayor</figcaption>`,
			`<p class="fb-note">Non disponible en français`,
		}, nil},
		{"approach", dataset.TypeApproach, a.ID, "en", []string{
			`<h3>Step by step</h3>`,
			`First, <em>listen</em>.`,
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(t, "/x/"+tt.id+"?lang="+tt.lang, nil, func(w http.ResponseWriter, r *http.Request) error {
				return p.Entity(w, r, view(snap), tt.typ, tt.id)
			})
			page := w.Body.String()
			for _, s := range tt.want {
				if !strings.Contains(page, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(page, s) {
					t.Errorf("the page has %s", s)
				}
			}
			checkNoExternal(t, tt.lang, page)
		})
	}
}
