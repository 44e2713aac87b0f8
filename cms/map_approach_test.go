package cms

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// TestSyncCarriesApproachAndCountryContent checks every approach's short
// title and every country's political context, in every locale, against
// the fixture: the CMS's text in a locale that has one, marked as the
// platform's; our text and origin in the others.
func TestSyncCarriesApproachAndCountryContent(t *testing.T) {
	db, seeded := openSeeded(t)
	_, srv := newFake(t)
	if _, err := syncOnce(t, db, srv.URL, false); err != nil {
		t.Fatal(err)
	}
	snap := reload(t, db)
	fx := loadFixture(t)
	type entry struct {
		ID         int `json:"id"`
		Attributes struct {
			Locale      string  `json:"locale"`
			PublishedAt *string `json:"publishedAt"`
			Slug        string  `json:"slug"`
			Name        string  `json:"name"`
			TitleShort  string  `json:"title_short"`
			Content     []block `json:"content"`
		} `json:"attributes"`
	}
	decode := func(plural string) map[string]map[string]entry { // slug → locale → entry
		out := map[string]map[string]entry{}
		for _, raw := range fx[plural] {
			var e entry
			if err := json.Unmarshal(raw, &e); err != nil {
				t.Fatalf("%s: %v", plural, err)
			}
			if e.Attributes.PublishedAt == nil {
				continue // a draft: the REST API does not list it
			}
			if out[e.Attributes.Slug] == nil {
				out[e.Attributes.Slug] = map[string]entry{}
			}
			out[e.Attributes.Slug][e.Attributes.Locale] = e
		}
		return out
	}
	check := func(t *testing.T, what string, got dataset.Text, gotOrigin dataset.Origins, fromCMS map[string]string, ours dataset.Text, ourOrigin dataset.Origins) {
		t.Helper()
		for _, l := range dataset.Languages {
			want, origin := ours[l], ourOrigin[l]
			if s := fromCMS[l]; s != "" {
				want, origin = s, dataset.OriginPlatform
			}
			if got[l] != want || gotOrigin[l] != origin {
				t.Errorf("%s[%s] = %q (%q), want %q (%q)", what, l, got[l], gotOrigin[l], want, origin)
			}
		}
	}
	synced := 0
	for slug, locales := range decode(PluralApproaches) {
		var x *dataset.Approach
		for _, a := range snap.Approaches {
			if slices.ContainsFunc(a.Sources, func(s dataset.Source) bool { return s.URL == SourceURL(srv.URL, PluralApproaches, slug) }) {
				x = a
			}
		}
		if x == nil {
			continue // a draft or unpublished entry: not synced
		}
		fromCMS := map[string]string{}
		for l, e := range locales {
			fromCMS[l] = e.Attributes.TitleShort
		}
		var ours dataset.ApproachContent
		if old, ok := seeded.Approach(x.ID); ok {
			ours = old.ApproachContent
		}
		check(t, "approach "+x.ID+" short_title", x.ShortTitle, x.ShortTitleOrigin, fromCMS, ours.ShortTitle, ours.ShortTitleOrigin)
		if len(x.ShortTitle) > 0 {
			synced++
		}
	}
	for slug, locales := range decode(PluralCountries) {
		en := locales["en"].Attributes.Name
		var x *dataset.Country
		for _, c := range snap.Countries {
			if c.Names["en"] == en {
				x = c
			}
		}
		if x == nil {
			t.Fatalf("country %q (%s) not found", slug, en)
		}
		fromCMS := map[string]string{}
		for l, e := range locales {
			fromCMS[l] = richText(e.Attributes.Content)
		}
		old, _ := seeded.Country(x.ID)
		check(t, "country "+x.ID+" political_context", x.PoliticalContext, x.PoliticalContextOrigin, fromCMS, old.PoliticalContext, old.PoliticalContextOrigin)
		if len(x.PoliticalContext) > 0 {
			synced++
		}
	}
	if synced < 4 {
		t.Errorf("%d records carry the content; the fixture gives it for 2 approaches and 2 countries", synced)
	}
}
