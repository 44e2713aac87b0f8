package cms

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// The collection types a sync reads, by their REST plural.
const (
	PluralCities     = "cities"
	PluralCountries  = "countries"
	PluralNetworks   = "networks"
	PluralApproaches = "approaches"
	PluralCategories = "approach-categories"
)

// relOne and relMany are populated Strapi v4 relations.
type relOne struct {
	Data *struct {
		ID int `json:"id"`
	} `json:"data"`
}

type relMany struct {
	Data []struct {
		ID int `json:"id"`
	} `json:"data"`
}

// The attributes a sync reads of each type. Of the rich text, the texts
// our model holds are read (summaries, a network's description); the
// rest waits for the model to grow (issue 15). Rich text is kept as the
// CMS gives it, Markdown.
type (
	cityAttrs struct {
		Name             string   `json:"name"`
		Slug             string   `json:"slug"`
		Coordinates      string   `json:"coordinates"`
		Featured         bool     `json:"is_featured"`
		Country          relOne   `json:"country"`
		Networks         relMany  `json:"networks"`
		Summary          *summary `json:"summary"`
		cityContentAttrs          // map_city.go
	}
	namedAttrs struct { // country (content: its political context), network
		Name    string  `json:"name"`
		Slug    string  `json:"slug"`
		Content []block `json:"content"`
	}
	approachAttrs struct {
		Title      string   `json:"title"`
		Slug       string   `json:"slug"`
		City       relOne   `json:"city"`
		Categories relMany  `json:"categories"`
		Summary    *summary `json:"summary"`
		approachContentAttrs
	}
	// summary is the helper.summary component: a heading and its text.
	summary struct {
		Title   string `json:"title"`
		Content string `json:"content"`
	}
	categoryAttrs struct {
		Title string `json:"title"`
		Slug  string `json:"slug"`
	}
)

// Item is one CMS entry with its versions in every locale it has.
type Item[A any] struct {
	// Slug is the entry's slug in its primary locale (English when it
	// has one): the key a sync matches and names records by.
	Slug    string
	Primary string // the primary locale
	Locales map[string]A
	// CMSIDs are the entry's numeric IDs in all locales, sorted.
	CMSIDs []int
}

// Content is the structural content of the CMS, grouped by entry.
type Content struct {
	Cities     []Item[cityAttrs]
	Countries  []Item[namedAttrs]
	Networks   []Item[namedAttrs]
	Approaches []Item[approachAttrs]
	Categories []Item[categoryAttrs]

	// by CMS ID of any locale's version, the index into the slice above
	cities, countries, networks, categories map[int]int
}

// Fetch reads the structural content of the CMS.
func (c *Client) Fetch(ctx context.Context) (*Content, error) {
	var out Content
	var err error
	read := func(plural string) []Entry {
		if err != nil {
			return nil
		}
		var es []Entry
		es, err = c.Collection(ctx, plural)
		return es
	}
	countries, networks, categories := read(PluralCountries), read(PluralNetworks), read(PluralCategories)
	cities, approaches := read(PluralCities), read(PluralApproaches)
	if err != nil {
		return nil, err
	}
	if out.Countries, out.countries, err = group(PluralCountries, countries, func(a namedAttrs) string { return a.Slug }); err != nil {
		return nil, err
	}
	if out.Networks, out.networks, err = group(PluralNetworks, networks, func(a namedAttrs) string { return a.Slug }); err != nil {
		return nil, err
	}
	if out.Categories, out.categories, err = group(PluralCategories, categories, func(a categoryAttrs) string { return a.Slug }); err != nil {
		return nil, err
	}
	if out.Cities, out.cities, err = group(PluralCities, cities, func(a cityAttrs) string { return a.Slug }); err != nil {
		return nil, err
	}
	if out.Approaches, _, err = group(PluralApproaches, approaches, func(a approachAttrs) string { return a.Slug }); err != nil {
		return nil, err
	}
	return &out, nil
}

// group joins the locale versions of each entry through their
// localizations and decodes their attributes.
func group[A any](plural string, es []Entry, slug func(A) string) ([]Item[A], map[int]int, error) {
	byID := make(map[int]int, len(es))
	for i, e := range es {
		if _, dup := byID[e.ID]; dup {
			return nil, nil, fmt.Errorf("cms: %s: entry %d listed twice", plural, e.ID)
		}
		byID[e.ID] = i
	}
	// Union-find over the localization links: an entry's versions may
	// each list the others, or only some of them.
	parent := make([]int, len(es))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, e := range es {
		for _, l := range e.Localizations {
			j, ok := byID[l]
			if !ok {
				continue // a draft or deleted version: not published
			}
			parent[find(i)] = find(j)
		}
	}
	members := map[int][]int{}
	for i := range es {
		r := find(i)
		members[r] = append(members[r], i)
	}
	roots := make([]int, 0, len(members))
	for r := range members {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	items := make([]Item[A], 0, len(roots))
	index := make(map[int]int, len(es))
	for _, r := range roots {
		it := Item[A]{Locales: map[string]A{}}
		for _, i := range members[r] {
			e := es[i]
			if !dataset.IsPlatformLanguage(e.Locale) {
				return nil, nil, fmt.Errorf("cms: %s entry %d: locale %q is not one of the platform's languages %v", plural, e.ID, e.Locale, dataset.Languages)
			}
			if _, dup := it.Locales[e.Locale]; dup {
				return nil, nil, fmt.Errorf("cms: %s entry %d: a second %q version of the same entry", plural, e.ID, e.Locale)
			}
			var a A
			if err := json.Unmarshal(e.Attributes, &a); err != nil {
				return nil, nil, fmt.Errorf("cms: %s entry %d (%s): attributes not in the content type's shape: %v", plural, e.ID, e.Locale, err)
			}
			it.Locales[e.Locale] = a
			it.CMSIDs = append(it.CMSIDs, e.ID)
			index[e.ID] = len(items)
		}
		for _, l := range dataset.Languages {
			if _, ok := it.Locales[l]; ok {
				it.Primary = l
				break
			}
		}
		it.Slug = slug(it.Locales[it.Primary])
		if !dataset.IsSlug(it.Slug) {
			return nil, nil, fmt.Errorf("cms: %s entry %d: slug %q is not a lowercase slug", plural, es[members[r][0]].ID, it.Slug)
		}
		slices.Sort(it.CMSIDs)
		items = append(items, it)
	}
	bySlug := make(map[string]int, len(items))
	for i, it := range items {
		if j, dup := bySlug[it.Slug]; dup {
			return nil, nil, fmt.Errorf("cms: %s: two entries (%d and %d) have the slug %q", plural, items[j].CMSIDs[0], it.CMSIDs[0], it.Slug)
		}
		bySlug[it.Slug] = i
	}
	return items, index, nil
}

// summaryText is the text of a summary component, "" without one.
func summaryText(s *summary) string {
	if s == nil {
		return ""
	}
	return s.Content
}

// richText joins the text of a dynamic zone's rich-text blocks, as
// Markdown paragraphs.
func richText(blocks []block) string {
	var parts []string
	for _, b := range blocks {
		if b.Component != componentRichText {
			continue
		}
		if s, err := b.text(); err == nil && strings.TrimSpace(s) != "" {
			parts = append(parts, strings.TrimSpace(s))
		}
	}
	return strings.Join(parts, "\n\n")
}
