package pages

import (
	"net/http"
	"strings"

	"golang.org/x/text/language"

	"github.com/moving-cities/opendata/dataset"
)

// Languages are the interface languages, dataset.Languages: English
// first, the fallback of every text.
var Languages = dataset.Languages

// languageNames are the languages' names in themselves, for the switcher.
var languageNames = map[string]string{
	"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français",
	"el": "Ελληνικά", "it": "Italiano", "pl": "Polski",
}

var matcher = language.NewMatcher(func() []language.Tag {
	tags := make([]language.Tag, len(Languages))
	for i, l := range Languages {
		tags[i] = language.MustParse(l)
	}
	return tags
}())

// Choice is the language a page is shown in and how it was chosen.
type Choice struct {
	// Lang is one of Languages.
	Lang string
	// Explicit is true when the request named it with ?lang=; links
	// between pages then carry it on.
	Explicit bool
}

// Choose picks the interface language of a request: ?lang= when it
// names one of Languages, else the best match of Accept-Language, else
// English. An unknown ?lang= is ignored, as an absent one.
func Choose(r *http.Request) Choice {
	if l := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("lang"))); l != "" {
		if dataset.IsPlatformLanguage(l) {
			return Choice{Lang: l, Explicit: true}
		}
	}
	return Choice{Lang: fromAcceptLanguage(r.Header.Get("Accept-Language"))}
}

// fromAcceptLanguage returns the platform language that best matches an
// Accept-Language header, or English when none does.
func fromAcceptLanguage(header string) string {
	if strings.TrimSpace(header) == "" {
		return "en"
	}
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return Languages[i]
}
