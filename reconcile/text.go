package reconcile

import (
	"math"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/moving-cities/opendata/dataset"
)

// keysOf returns the distinct search keys a name is known by: its folded
// form, its transliteration to Latin (dataset.SearchKeys) and, for names
// with umlauts, the same for the German spelling without them, so that
// "Muenchen" and "Munchen" both find München.
func keysOf(name string) []string {
	keys := dataset.SearchKeys(name)
	if g := germanSpelling.Replace(norm.NFC.String(name)); g != name {
		keys = append(keys, dataset.SearchKeys(g)...)
	}
	for _, k := range keys {
		keys = append(keys, saintForms(k)...)
	}
	if len(keys) > 1 {
		slices.Sort(keys)
		keys = slices.Compact(keys)
	}
	return keys
}

// saintForms writes the first "st"/"ste" of a folded key out as "sankt",
// "saint", "sint" and "sainte", and those as "st"/"ste", so that "Sankt
// Gallen" finds St. Gallen and "St-Denis" Saint-Denis.
func saintForms(key string) []string {
	ws := strings.Fields(key)
	for i, w := range ws {
		var alts []string
		switch w {
		case "st":
			alts = []string{"sankt", "saint", "sint"}
		case "ste":
			alts = []string{"sainte"}
		case "sankt", "saint", "sint":
			alts = []string{"st"}
		case "sainte":
			alts = []string{"ste"}
		default:
			continue
		}
		out := make([]string, len(alts))
		for j, a := range alts {
			out[j] = strings.Join(slices.Concat(ws[:i], []string{a}, ws[i+1:]), " ")
		}
		return out
	}
	return nil
}

var germanSpelling = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// adminPrefixes are folded words that name a place's status rather than
// the place: "Stadt Bielefeld" and "City of Bristol" are Bielefeld and
// Bristol. Words for districts ("Kreis", "Landkreis") are not among them:
// Landkreis Göttingen is not the city of Göttingen.
var adminPrefixes = [][]string{
	{"city", "of"}, {"town", "of"}, {"municipality", "of"}, {"borough", "of"},
	{"stadt"}, {"hansestadt"}, {"landeshauptstadt"}, {"gemeinde"},
	{"ville", "de"}, {"ville", "d"}, {"commune", "de"}, {"commune", "d"},
	{"comune", "di"}, {"comune", "de"}, {"citta", "di"},
	{"ayuntamiento", "de"}, {"ajuntament", "de"}, {"ajuntament", "d"}, {"concello", "de"},
	{"municipio", "de"}, {"gmina"}, {"miasto"}, {"gemeente"}, {"stad"},
	{"dimos"}, {"δημοσ"},
}

var adminSuffixes = [][]string{
	{"city", "council"}, {"council"}, {"municipality"}, {"municipal", "council"},
}

// stripAdmin removes one leading or trailing status word group from a
// folded key, or returns "" when there is none to remove.
func stripAdmin(key string) string {
	ws := strings.Fields(key)
	for _, p := range adminPrefixes {
		if len(ws) > len(p) && slices.Equal(ws[:len(p)], p) {
			return strings.Join(ws[len(p):], " ")
		}
	}
	for _, s := range adminSuffixes {
		if len(ws) > len(s) && slices.Equal(ws[len(ws)-len(s):], s) {
			return strings.Join(ws[:len(ws)-len(s)], " ")
		}
	}
	return ""
}

// splitQualifier splits "Valencia, Spain" and "Bergen (Norway)" into the
// name and what follows it; qual is "" when there is nothing to split.
func splitQualifier(s string) (head, qual string) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	if i := strings.LastIndex(s, ","); i > 0 && i < len(s)-1 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	return s, ""
}

// text is a folded key prepared for comparison: its runes and words.
type text struct {
	key   string
	runes []rune
	words [][]rune
}

func newText(key string) text {
	t := text{key: key, runes: []rune(key)}
	for _, w := range strings.Fields(key) {
		t.words = append(t.words, []rune(w))
	}
	return t
}

// scratch holds the buffers of edit distances, reused across one query.
type scratch struct {
	prev, cur []int
	used      []bool
	counts    []uint16 // trigrams shared, by word of the vocabulary
	touched   []int32  // the words whose count is not zero
}

// levenshtein is the edit distance between a and b, in runes. It gives up
// and returns limit+1 once the distance must exceed limit.
func (sc *scratch) levenshtein(a, b []rune, limit int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > limit {
		return limit + 1
	}
	if cap(sc.prev) < len(b)+1 {
		sc.prev, sc.cur = make([]int, len(b)+1, 2*len(b)+2), make([]int, len(b)+1, 2*len(b)+2)
	}
	prev, cur := sc.prev[:len(b)+1], sc.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// similarity compares two folded keys: 1 when equal, otherwise at most
// 0.95, from the edit distance of the whole keys and from how their words
// overlap. "frankfurt" against "frankfurt am main" (a name within a name)
// scores about 0.75; one typo in a ten-letter name about 0.9.
func similarity(q, k string) float64 {
	qt, kt := newText(q), newText(k)
	var sc scratch
	return sc.similarity(&qt, &kt, 0)
}

// similarity is the similarity of q and k, or any value not above floor
// when it cannot beat floor.
func (sc *scratch) similarity(q, k *text, floor float64) float64 {
	if q.key == k.key {
		return 1
	}
	n := max(len(q.runes), len(k.runes))
	if n == 0 {
		return 0
	}
	best := sc.wordOverlap(q.words, k.words)
	// The edit distance d counts from d ≤ n/2 on, and only helps when
	// 1-d/n beats best and floor.
	limit := min(n/2, int(math.Ceil((1-max(best, floor))*float64(n)))-1)
	if limit >= 0 && abs(len(q.runes)-len(k.runes)) <= limit {
		if d := sc.levenshtein(q.runes, k.runes, limit); d <= limit {
			best = max(best, 1-float64(d)/float64(n))
		}
	}
	return min(best, 0.95)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// wordOverlap scores the words two keys share, a word matching another
// when equal or, for words of five letters or more, one edit apart.
func (sc *scratch) wordOverlap(qw, kw [][]rune) float64 {
	if cap(sc.used) < len(kw) {
		sc.used = make([]bool, len(kw))
	}
	used := sc.used[:len(kw)]
	clear(used)
	matched, lenQ, lenK, lenShared, typos := 0, 0, 0, 0, 0
	for _, w := range kw {
		lenK += len(w)
	}
	for _, w := range qw {
		lenQ += len(w)
		for j, v := range kw {
			if used[j] {
				continue
			}
			same := slices.Equal(w, v)
			if same || (len(w) >= 5 && len(v) >= 5 && sc.levenshtein(w, v, 1) <= 1) {
				used[j] = true
				matched++
				lenShared += len(w)
				if !same {
					typos++
				}
				break
			}
		}
	}
	switch {
	case matched == 0:
		return 0
	case matched == len(qw) && matched == len(kw) && typos == 0:
		return 0.95 // the same words in another order
	case matched == len(qw) && matched == len(kw):
		return 0.9 // the same words but for a letter or two
	case matched == len(qw): // the query is part of the name
		return 0.55 + 0.35*float64(lenShared)/float64(lenK)
	case matched == len(kw): // the name is part of the query
		return 0.55 + 0.35*float64(lenShared)/float64(lenQ)
	}
	return 0.7 * 2 * float64(matched) / float64(len(qw)+len(kw))
}

// trigrams returns the distinct trigrams of a word padded with one space
// on each side; a word within k edits of another shares all but at most
// 3k of them.
func trigrams(w string) []string {
	rs := []rune(" " + w + " ")
	if len(rs) < 3 {
		return nil
	}
	out := make([]string, 0, len(rs)-2)
	for i := 0; i+3 <= len(rs); i++ {
		out = append(out, string(rs[i:i+3]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
