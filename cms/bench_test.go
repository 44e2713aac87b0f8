package cms

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// platformScale builds CMS content the size of the platform's (about 800
// cities, 50 approaches, each entry in all seven locales) over the
// fixture's countries, networks and categories.
func platformScale(b *testing.B, cities int) *Content {
	b.Helper()
	fix := loadFixture(b)
	entries := func(plural string) []Entry {
		var out []Entry
		for _, raw := range fix[plural] {
			var e struct {
				ID         int             `json:"id"`
				Attributes json.RawMessage `json:"attributes"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				b.Fatal(err)
			}
			var cm common
			if err := json.Unmarshal(e.Attributes, &cm); err != nil {
				b.Fatal(err)
			}
			x := Entry{ID: e.ID, Locale: cm.Locale, Attributes: e.Attributes}
			for _, l := range cm.Localizations.Data {
				x.Localizations = append(x.Localizations, l.ID)
			}
			out = append(out, x)
		}
		return out
	}
	var cityEntries, approachEntries []Entry
	id := 1000
	for i := range cities {
		ids := make([]int, len(dataset.Languages))
		for j := range ids {
			ids[j] = id
			id++
		}
		for j, l := range dataset.Languages {
			attrs, _ := json.Marshal(map[string]any{
				"locale": l, "name": fmt.Sprintf("Town %d (%s)", i, l), "slug": fmt.Sprintf("town-%d", i),
				"coordinates": fmt.Sprintf("%.4f,%.4f", 48+float64(i%60)/10, 7+float64(i%70)/10), "is_featured": i%30 == 0,
				"country": map[string]any{"data": map[string]any{"id": 1}}, "networks": map[string]any{"data": []any{map[string]any{"id": 12}}},
			})
			var others []int
			for k, o := range ids {
				if k != j {
					others = append(others, o)
				}
			}
			cityEntries = append(cityEntries, Entry{ID: ids[j], Locale: l, Localizations: others, Attributes: attrs})
			if i%16 == 0 {
				a, _ := json.Marshal(map[string]any{
					"locale": l, "title": fmt.Sprintf("Approach %d (%s)", i, l), "slug": fmt.Sprintf("approach-%d", i),
					"city": map[string]any{"data": map[string]any{"id": ids[j]}}, "categories": map[string]any{"data": []any{map[string]any{"id": 20}}},
				})
				approachEntries = append(approachEntries, Entry{ID: ids[j] + 500000, Locale: l, Attributes: a})
			}
		}
	}
	ct := &Content{}
	var err error
	if ct.Countries, ct.countries, err = group(PluralCountries, entries(PluralCountries), func(a namedAttrs) string { return a.Slug }); err != nil {
		b.Fatal(err)
	}
	if ct.Networks, ct.networks, err = group(PluralNetworks, entries(PluralNetworks), func(a namedAttrs) string { return a.Slug }); err != nil {
		b.Fatal(err)
	}
	if ct.Categories, ct.categories, err = group(PluralCategories, entries(PluralCategories), func(a categoryAttrs) string { return a.Slug }); err != nil {
		b.Fatal(err)
	}
	if ct.Cities, ct.cities, err = group(PluralCities, cityEntries, func(a cityAttrs) string { return a.Slug }); err != nil {
		b.Fatal(err)
	}
	// Approaches' locale versions are left unlinked here: each is an
	// entry of its own, so only the English ones are kept.
	var en []Entry
	for _, e := range approachEntries {
		if e.Locale == "en" {
			en = append(en, e)
		}
	}
	if ct.Approaches, _, err = group(PluralApproaches, en, func(a approachAttrs) string { return a.Slug }); err != nil {
		b.Fatal(err)
	}
	return ct
}

// BenchmarkMapPlatformScale measures mapping the platform-sized CMS over
// the seed (Map), against the merge and validation every sync then
// runs on the result (MergeValidate), as the baseline.
func BenchmarkMapPlatformScale(b *testing.B) {
	ct := platformScale(b, 800)
	seed, err := dataset.Seed()
	if err != nil {
		b.Fatal(err)
	}
	cur := dataset.NewSnapshot(seed, 1)
	const origin = "http://cms.test"
	incoming, err := ct.Map(cur, origin)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Map", func(b *testing.B) {
		for b.Loop() {
			if _, err := ct.Map(cur, origin); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("MergeValidate", func(b *testing.B) {
		for b.Loop() {
			merged, _, err := dataset.Merge(cur.Dataset(), incoming)
			if err != nil {
				b.Fatal(err)
			}
			if err := merged.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
