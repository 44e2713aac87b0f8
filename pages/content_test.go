package pages

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// The approach page shows its short title and the country page its
// political context (rendered Markdown) in the page's language, with the
// notes for a translation and for an English fallback (issue 15).
func TestEntityPagesShowApproachAndCountryContent(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	a := &d.Approaches[0]
	a.ShortTitle = dataset.Text{"en": "Harbours", "de": "Häfen"}
	a.ShortTitleOrigin = dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginTranslation}
	k := &d.Countries[0]
	k.PoliticalContext = dataset.Text{"en": "The **state** decides.", "de": "Der **Staat** entscheidet."}
	k.PoliticalContextOrigin = dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginPlatform}
	snap := dataset.NewSnapshot(d, 7)
	t0 := t
	page := func(t dataset.Type, id, lang string) string {
		w := get(t0, "/"+t.Plural()+"/"+id+"?lang="+lang, nil, func(w http.ResponseWriter, r *http.Request) error {
			return p.Entity(w, r, view(snap), t, id)
		})
		return w.Body.String()
	}
	for _, c := range []struct {
		name, lang string
		typ        dataset.Type
		id         string
		want       []string
	}{
		{"short title de, translated", "de", dataset.TypeApproach, a.ID,
			[]string{"Kurztitel", ">Häfen<", html.EscapeString(msg("de", "translation.badge"))}},
		{"short title en", "en", dataset.TypeApproach, a.ID, []string{"Short title", ">Harbours<"}},
		{"short title fr, English", "fr", dataset.TypeApproach, a.ID,
			[]string{"Titre court", ">Harbours<", html.EscapeString(msg("fr", "fallback.badge"))}},
		{"political context de", "de", dataset.TypeCountry, k.ID,
			[]string{`id="political-context"`, "Politischer Kontext", "Der <strong>Staat</strong> entscheidet."}},
		{"political context it, English", "it", dataset.TypeCountry, k.ID,
			[]string{"Contesto politico", "The <strong>state</strong> decides.", html.EscapeString(msg("it", "fallback.text"))}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := page(c.typ, c.id, c.lang)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("the %s page in %s lacks %q", c.typ, c.lang, w)
				}
			}
		})
	}
}

// The approach page lists its aliases (the platform's other slugs) and
// the country page the sources of a country from the CMS (issue 15), as
// the other types' pages do.
func TestEntityPagesShowApproachAliasesAndCountrySources(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	a := &d.Approaches[0]
	a.Aliases = []string{"the-platforms-slug"}
	k := &d.Countries[0]
	k.Sources = []dataset.Source{{URL: "https://cms.example.org/api/countries?filters%5Bslug%5D%5B%24eq%5D=germany"}}
	snap := dataset.NewSnapshot(d, 7)
	for _, c := range []struct {
		typ  dataset.Type
		id   string
		want string
	}{
		{dataset.TypeApproach, a.ID, ">the-platforms-slug<"},
		{dataset.TypeCountry, k.ID, html.EscapeString(k.Sources[0].URL)},
	} {
		w := get(t, "/"+c.typ.Plural()+"/"+c.id+"?lang=en", nil, func(w http.ResponseWriter, r *http.Request) error {
			return p.Entity(w, r, view(snap), c.typ, c.id)
		})
		if body := w.Body.String(); !strings.Contains(body, c.want) {
			t.Errorf("the %s page of %s lacks %q", c.typ, c.id, c.want)
		}
	}
}
