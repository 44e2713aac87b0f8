package cms

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/moving-cities/opendata/dataset"
)

// regionCodes finds ISO 3166-1 alpha-2 codes by a country's name in any
// of the platform's languages (lower-cased), from CLDR's region names as
// x/text carries them: the CMS's countries have names and slugs, ours are
// keyed by code. Built once, as it does not change.
var regionCodes = sync.OnceValue(func() map[string][]string {
	byName := map[string][]string{}
	for _, l := range dataset.Languages {
		names := display.Regions(language.Make(l))
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				code := string([]rune{a, b})
				r, err := language.ParseRegion(code)
				// Deprecated or reserved codes canonicalize to another
				// (UK to GB, DD to DE) or name no country: skip them.
				if err != nil || r.Canonicalize().String() != code || !r.IsCountry() {
					continue
				}
				name := strings.ToLower(names.Name(r))
				if name == "" || slices.Contains(byName[name], code) {
					continue
				}
				byName[name] = append(byName[name], code)
			}
		}
	}
	for _, codes := range byName {
		slices.Sort(codes)
	}
	return byName
})

// countryCode returns the one ISO code that the names of a CMS country
// (by locale) name, in any of the platform's languages; it refuses names
// that name none, or several between them.
func countryCode(slug string, names map[string]string) (string, error) {
	var codes []string
	for _, l := range dataset.Languages {
		n := strings.ToLower(strings.TrimSpace(names[l]))
		if n == "" {
			continue
		}
		for _, c := range regionCodes()[n] {
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	slices.Sort(codes)
	switch len(codes) {
	case 1:
		return codes[0], nil
	case 0:
		return "", fmt.Errorf("cms: country %q: none of its names (%s) is a country's name we know in our languages, so it has no ISO 3166-1 code; name it as CLDR does, or import the country first", slug, quoteNames(names))
	default:
		return "", fmt.Errorf("cms: country %q: its names (%s) name several countries (%s), not one", slug, quoteNames(names), strings.Join(codes, ", "))
	}
}

func quoteNames(names map[string]string) string {
	var out []string
	for _, l := range dataset.Languages {
		if n := names[l]; n != "" {
			out = append(out, fmt.Sprintf("%s %q", l, n))
		}
	}
	return strings.Join(out, ", ")
}
