package dataset

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold turns a name into its search key: lower case, without diacritics,
// with letters that do not decompose (ß, ł, ø, æ…) spelled out, and
// punctuation reduced to single spaces. "Gdańsk", "GDANSK" and "gdansk"
// share a key; so do "Θεσσαλονίκη" and "θεσσαλονικη".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading separators
	// NFD splits letters from their accents; dropping the marks (Mn)
	// leaves the base letters.
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if sp, ok := spelledOut[r]; ok {
			b.WriteString(sp)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r == 'ς' { // final sigma folds to sigma
				r = 'σ'
			}
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

var spelledOut = map[rune]string{
	'ß': "ss", 'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Transliterate writes Greek and Cyrillic letters of a folded key in Latin
// letters, so that "athina" finds Αθήνα and "kyiv" finds Київ. Other scripts
// pass through unchanged. The input should be Fold's output.
func Transliterate(folded string) string {
	var b strings.Builder
	rs := []rune(folded)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			if s, ok := greekPairs[string(rs[i:i+2])]; ok {
				b.WriteString(s)
				i++
				continue
			}
		}
		if s, ok := latinOf[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// greekPairs are digraphs whose modern reading differs from their letters.
var greekPairs = map[string]string{
	"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng",
}

var latinOf = map[rune]string{
	// Greek (ELOT 743, simplified)
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	// Cyrillic (Russian and Ukrainian letters, simplified)
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ye", 'ж': "zh",
	'з': "z", 'и': "i", 'і': "i", 'ї': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
}

// SearchKeys returns the distinct keys a name is found by: its folded form
// and, where it differs, its transliteration.
func SearchKeys(name string) []string {
	f := Fold(name)
	if f == "" {
		return nil
	}
	if t := Transliterate(f); t != f {
		return []string{f, t}
	}
	return []string{f}
}
