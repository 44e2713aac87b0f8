package api

import (
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/pages"
)

var (
	itemHref   = regexp.MustCompile(`<p class="item-title"><a href="/([a-z]+)/([^"?]+)`)
	markedWord = regexp.MustCompile(`<mark>([^<]*)</mark>`)
)

// TestFullTextSearchAgrees: what journalists type finds records by the
// words of their texts, and the REST list, the browse page and the
// search page list the same records in the same order, the pages
// marking the matched words.
func TestFullTextSearchAgrees(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	for _, tc := range []struct {
		q    string
		want map[string][]string // collection → records that must be found
		mark string              // a word the pages must mark
	}{
		{"deportation", map[string][]string{
			"approaches": {"city-id-card", "charter"},
			"categories": {"residence-protection-against-deportation"},
		}, "deportation"},
		{"Abschiebungen", map[string][]string{"categories": {"residence-protection-against-deportation"}}, "Abschiebung"},
		{"asylum seeker", map[string][]string{
			"municipalities": {"barcelona", "swansea", "tilburg"},
			"approaches":     {"the-nausica-programme-a-holistic-approach-to-communal-reception-and-social-inclusion"},
		}, "asylum"},
		{"ID card", map[string][]string{"municipalities": {"bern", "zurich"}, "approaches": {"city-id-card"}}, "card"},
		{"deportacion", map[string][]string{"categories": {"residence-protection-against-deportation"}}, "deportación"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			search := a.get("/search?q=" + url.QueryEscape(tc.q))
			if search.Code != 200 {
				t.Fatalf("search page: %d", search.Code)
			}
			searchBody := search.Body.String()
			onSearch := map[string][]string{}
			for _, m := range itemHref.FindAllStringSubmatch(searchBody, -1) {
				onSearch[m[1]] = append(onSearch[m[1]], m[2])
			}
			for _, typ := range pages.BrowseTypes {
				coll := typ.Plural()
				rest := a.list("/" + coll + "?limit=1000&q=" + url.QueryEscape(tc.q)).ids()
				for _, id := range tc.want[coll] {
					if !slices.Contains(rest, id) {
						t.Errorf("/%s?q=%s lacks %s: %v", coll, tc.q, id, rest)
					}
				}
				w := a.get("/browse/" + coll + "?q=" + url.QueryEscape(tc.q))
				if w.Code != 200 {
					t.Fatalf("browse %s: %d", coll, w.Code)
				}
				var browsed []string
				for _, m := range itemHref.FindAllStringSubmatch(w.Body.String(), -1) {
					browsed = append(browsed, m[2])
				}
				if !slices.Equal(browsed, rest[:min(len(rest), len(browsed))]) || len(browsed) != min(len(rest), 25) {
					t.Errorf("%s: browse page lists %v, REST %v", coll, browsed, rest)
				}
				if got := onSearch[coll]; !slices.Equal(got, rest[:min(len(rest), 5)]) {
					t.Errorf("%s: search page lists %v, REST %v", coll, got, rest)
				}
			}
			var marked []string
			for _, m := range markedWord.FindAllStringSubmatch(searchBody, -1) {
				marked = append(marked, html.UnescapeString(m[1]))
			}
			if !slices.ContainsFunc(marked, func(s string) bool { return strings.EqualFold(s, tc.mark) }) {
				t.Errorf("search page marks %q, not %q", marked, tc.mark)
			}
		})
	}
}
