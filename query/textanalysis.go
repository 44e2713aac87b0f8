package query

import (
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/el"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/pl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/moving-cities/opendata/dataset"
)

// The text analysis of full-text search. Every platform language gets
// its own chain of bleve's filters for that language (stop words,
// normalisation, stemming); each word is then indexed twice at the same
// position, stemmed and as written, both folded like names are
// (dataset.Fold: case, diacritics, ß, ł…). Folding after stemming keeps
// the stemmers working on the letters they were written for, and the
// unstemmed form lets a query typed without diacritics ("deportacion")
// find the written word even where the stemmer would have cut the
// accented and the plain spelling differently.
//
// Greek has stop words in bleve but no stemmer (nor has the snowball
// package bleve uses), so Greek text is folded and matched by whole
// words. Text in no platform language (source titles and notes, names
// in other languages) is folded and not stemmed.

// textAnalyzerType is the bleve analyzer type of this file; its config
// names the language ("lang"), "" for folding only.
const textAnalyzerType = "movingcities_text"

func init() {
	// bleve resolves analyzers through its registry of constructors; the
	// constructor is registered once and holds no state.
	if err := registry.RegisterAnalyzer(textAnalyzerType, newTextAnalyzer); err != nil {
		panic(err)
	}
}

// langChains are bleve's filter names per language: those applied to
// the whole stream before stop words (lower case, elision), the stop
// word filter, and the normalising and stemming filters whose result is
// indexed beside the word as written. They follow bleve's own analyzer
// for each language.
var langChains = map[string]struct {
	pre      []string
	stop     string
	stemmers []string
}{
	"en": {pre: []string{en.PossessiveName, lowercase.Name}, stop: en.StopName, stemmers: []string{porter.Name}},
	"de": {pre: []string{lowercase.Name}, stop: de.StopName, stemmers: []string{de.NormalizeName, de.LightStemmerName}},
	"es": {pre: []string{lowercase.Name}, stop: es.StopName, stemmers: []string{es.NormalizeName, es.LightStemmerName}},
	"fr": {pre: []string{fr.ElisionName, lowercase.Name}, stop: fr.StopName, stemmers: []string{fr.LightStemmerName}},
	"it": {pre: []string{it.ElisionName, lowercase.Name}, stop: it.StopName, stemmers: []string{it.LightStemmerName}},
	"pl": {pre: []string{lowercase.Name}, stop: pl.StopName, stemmers: []string{pl.SnowballStemmerName}},
	"el": {pre: []string{lowercase.Name}, stop: el.StopName},
	"":   {pre: []string{lowercase.Name}},
}

// analyzerName is the name of the analyzer of text in lang in an index
// mapping: lang is a platform language, or "" for any other.
func analyzerName(lang string) string {
	if lang == "" {
		return "text_plain"
	}
	return "text_" + lang
}

// polishStemmer loads bleve's Polish stemmer table (a few megabytes,
// about 100 ms to read) once per process rather than once per index:
// the stemmer only reads it.
var polishStemmer = sync.OnceValues(func() (analysis.TokenFilter, error) {
	f, err := pl.NewPolishStemmerFilter()
	if err != nil {
		return nil, err
	}
	return f, nil
})

type textAnalyzer struct {
	tokenizer analysis.Tokenizer
	pre       []analysis.TokenFilter
	stop      analysis.TokenFilter
	stemmers  []analysis.TokenFilter
}

func newTextAnalyzer(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	lang, _ := config["lang"].(string)
	chain, ok := langChains[lang]
	if !ok {
		return nil, fmt.Errorf("no text analysis for language %q", lang)
	}
	a := &textAnalyzer{}
	var err error
	if a.tokenizer, err = cache.TokenizerNamed(unicode.Name); err != nil {
		return nil, fmt.Errorf("text analysis %q: %w", lang, err)
	}
	filter := func(name string) (analysis.TokenFilter, error) {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, fmt.Errorf("text analysis %q: %w", lang, err)
		}
		return f, nil
	}
	for _, name := range chain.pre {
		f, err := filter(name)
		if err != nil {
			return nil, err
		}
		a.pre = append(a.pre, f)
	}
	if chain.stop != "" {
		if a.stop, err = filter(chain.stop); err != nil {
			return nil, err
		}
	}
	for _, name := range chain.stemmers {
		if name == pl.SnowballStemmerName {
			// Shared by every index: see polishStemmer.
			f, err := polishStemmer()
			if err != nil {
				return nil, fmt.Errorf("text analysis %q: %w", lang, err)
			}
			a.stemmers = append(a.stemmers, f)
			continue
		}
		f, err := filter(name)
		if err != nil {
			return nil, err
		}
		a.stemmers = append(a.stemmers, f)
	}
	return a, nil
}

// Analyze splits input into words and gives, for each word left after
// the stop words, its folded stem and folded written form at the word's
// position (one token when they are the same). A word that folding
// splits ("l'asile" where no elision applies) gives each part.
func (a *textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	ts := a.tokenizer.Tokenize(input)
	for _, f := range a.pre {
		ts = f.Filter(ts)
	}
	if a.stop != nil {
		ts = a.stop.Filter(ts)
	}
	out := make(analysis.TokenStream, 0, len(ts)+len(ts)/2)
	var seen []string
	for _, t := range ts {
		written := string(t.Term)
		seen = seen[:0]
		emit := func(s string) {
			words := []string{s}
			if !folded(s) {
				words = strings.Fields(dataset.Fold(s))
			}
			for _, w := range words {
				dup := false
				for _, x := range seen {
					dup = dup || x == w
				}
				if dup {
					continue
				}
				seen = append(seen, w)
				out = append(out, &analysis.Token{Term: []byte(w), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type})
			}
		}
		if len(a.stemmers) > 0 {
			one := analysis.TokenStream{&analysis.Token{Term: []byte(written), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type}}
			for _, f := range a.stemmers {
				one = f.Filter(one)
			}
			for _, s := range one {
				emit(string(s.Term))
			}
		}
		emit(written)
	}
	return out
}

// folded reports whether s is a lower-case ASCII word that folding
// leaves as it is: most words, which then skip Fold's normalisation.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}
