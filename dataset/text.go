package dataset

import (
	"fmt"
	"sort"

	"golang.org/x/text/language"
)

// Languages are the platform's languages, in the order columns and
// documentation list them. English is required wherever people read text.
var Languages = []string{"en", "de", "es", "fr", "el", "it", "pl"}

// IsPlatformLanguage reports whether tag is one of Languages.
func IsPlatformLanguage(tag string) bool {
	for _, l := range Languages {
		if l == tag {
			return true
		}
	}
	return false
}

// Text is a human-readable text in several languages, keyed by a platform
// language (see Languages).
type Text map[string]string

// Get returns the text in lang, falling back to English, and whether the
// fallback was used.
func (t Text) Get(lang string) (s string, fellBack bool) {
	if s, ok := t[lang]; ok && s != "" {
		return s, false
	}
	return t["en"], lang != "en"
}

// Langs returns the languages the text has, sorted.
func (t Text) Langs() []string { return sortedKeys(t) }

// TextOrigin says where the text of one language came from, so that a
// translation is never mistaken for the platform's own wording and the
// platform's texts can replace this project's when its CMS is synced.
type TextOrigin string

const (
	// OriginPlatform: the platform's own wording (from its CMS or pages).
	OriginPlatform TextOrigin = "platform"
	// OriginOwn: written by this project in its own words.
	OriginOwn TextOrigin = "own"
	// OriginTranslation: this project's translation of the record's
	// English text. Never the origin of an English text.
	OriginTranslation TextOrigin = "translation"
)

// TextOrigins are the known origins of TextOrigin.
var TextOrigins = []TextOrigin{OriginPlatform, OriginOwn, OriginTranslation}

// Origins maps a platform language to the origin of a Text's entry in
// that language. A language without an entry has no known origin.
type Origins map[string]TextOrigin

// Langs returns the languages the origins are given for, sorted.
func (o Origins) Langs() []string { return sortedKeys(o) }

// Translated reports whether the text in lang is this project's
// translation of the English text.
func (o Origins) Translated(lang string) bool { return o[lang] == OriginTranslation }

// Names maps a BCP 47 language tag (any valid one, not just the platform's
// languages: "nl", "cy", "sq"…) to the name of a thing in that language.
// Native names are what people search and match by.
type Names map[string]string

// Langs returns the language tags of the names, sorted.
func (n Names) Langs() []string { return sortedKeys(n) }

// Alias is another name of a thing in a language: a former name, an exonym,
// a short form.
type Alias struct {
	Lang string `json:"lang"`
	Name string `json:"name"`
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkLangTag reports why tag is not a well-formed BCP 47 tag in canonical
// form, or nil. Non-canonical spellings ("EN", "de_DE") are refused rather
// than silently rewritten, so that the stored tag is the published one.
func checkLangTag(tag string) error {
	if tag == "" {
		return fmt.Errorf("empty language tag")
	}
	t, err := language.Parse(tag)
	if err != nil {
		return fmt.Errorf("%q is not a valid BCP 47 language tag", tag)
	}
	if t.String() != tag {
		return fmt.Errorf("language tag %q should be written %q", tag, t.String())
	}
	return nil
}
