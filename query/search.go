package query

import (
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/moving-cities/opendata/dataset"
)

// searchIndex finds the items of a collection by the words of their names
// in any language, ignoring case and diacritics (dataset.Fold), in their
// own script or transliterated to Latin (dataset.Transliterate). It is
// built once per snapshot and collection.
type searchIndex struct {
	words postings // the words of every name's search keys
	names postings // the whole search keys of every name
}

// postings maps sorted distinct keys to the sorted items having them.
type postings struct {
	keys  []string
	items [][]int32
}

func newPostings(m map[string][]int32) postings {
	p := postings{keys: make([]string, 0, len(m))}
	for k := range m {
		p.keys = append(p.keys, k)
	}
	slices.Sort(p.keys)
	p.items = make([][]int32, len(p.keys))
	for j, k := range p.keys {
		p.items[j] = m[k]
	}
	return p
}

// exact returns the items having key k.
func (p postings) exact(k string) []int32 {
	if j, ok := slices.BinarySearch(p.keys, k); ok {
		return p.items[j]
	}
	return nil
}

// prefixed returns the sorted items having a key that starts with k.
func (p postings) prefixed(k string) []int32 {
	lo := sort.SearchStrings(p.keys, k)
	hi := lo
	for hi < len(p.keys) && strings.HasPrefix(p.keys[hi], k) {
		hi++
	}
	switch hi - lo {
	case 0:
		return nil
	case 1:
		return p.items[lo]
	}
	var out []int32
	for j := lo; j < hi; j++ {
		out = append(out, p.items[j]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// germanSpelling writes ä, ö and ü as ae, oe and ue, as German does
// where umlauts are not at hand: "Muenchen" then finds München.
var germanSpelling = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

func newSearchIndex(n int, names func(i int) []string) *searchIndex {
	byWord := map[string][]int32{}
	byName := map[string][]int32{}
	add := func(m map[string][]int32, k string, i int32) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
			m[k] = append(l, i)
		}
	}
	for i := range n {
		for _, name := range names(i) {
			spellings := []string{name}
			if !ascii(name) {
				if g := germanSpelling.Replace(norm.NFC.String(name)); g != name {
					spellings = append(spellings, g)
				}
			}
			for _, sp := range spellings {
				for _, key := range dataset.SearchKeys(sp) {
					add(byName, key, int32(i))
					for _, w := range strings.Fields(key) {
						add(byWord, w, int32(i))
					}
				}
			}
		}
	}
	return &searchIndex{words: newPostings(byWord), names: newPostings(byName)}
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// searchQuery is a parsed q: the words of its folded form and, where it
// differs, of its transliteration. An item matches when, in either form,
// every word starts a word of one of its names.
type searchQuery struct {
	keys  []string   // whole folded keys
	forms [][]string // words per form
}

func parseSearch(q string) *searchQuery {
	keys := dataset.SearchKeys(q)
	if len(keys) == 0 {
		return nil
	}
	sq := &searchQuery{keys: keys}
	for _, k := range keys {
		if ws := strings.Fields(k); len(ws) > 0 {
			sq.forms = append(sq.forms, ws)
		}
	}
	return sq
}

// lookup returns the sorted items matching q.
func (idx *searchIndex) lookup(q *searchQuery) []int32 {
	return q.each(idx.words.prefixed)
}

// fullMatches returns the sorted items one of whose names is the query
// or, with prefix, starts with it.
func (idx *searchIndex) fullMatches(q *searchQuery, prefix bool) []int32 {
	var out []int32
	for _, k := range q.keys {
		if prefix {
			out = union(out, idx.names.prefixed(k))
		} else {
			out = union(out, idx.names.exact(k))
		}
	}
	return out
}

// wordMatches returns the sorted items whose names hold every query word
// whole, in one of the query's forms.
func (idx *searchIndex) wordMatches(q *searchQuery) []int32 {
	return q.each(idx.words.exact)
}

// each returns the items found by find for every word of one of the
// query's forms.
func (q *searchQuery) each(find func(word string) []int32) []int32 {
	var out []int32
	for _, words := range q.forms {
		var hits []int32
		for j, w := range words {
			if j == 0 {
				hits = find(w)
			} else {
				hits = intersect(hits, find(w))
			}
			if len(hits) == 0 {
				break
			}
		}
		out = union(out, hits)
	}
	return out
}

// intersect and union combine sorted, duplicate-free index lists.
func intersect(a, b []int32) []int32 {
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func union(a, b []int32) []int32 {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
