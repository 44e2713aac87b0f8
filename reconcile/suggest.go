package reconcile

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// maxSuggestScan bounds the index entries one suggestion ranks: a prefix
// of one letter matches most of a large dataset.
const maxSuggestScan = 5000

// SuggestEntities suggests entities, of type typ if given, one of whose
// names starts with prefix or has a word that does, in any language,
// ignoring case, diacritics and script. Names that start with the prefix
// come first, then shorter names. An identifier as prefix suggests its
// entity first. An empty prefix lists every entity by ID.
func (ix *Index) SuggestEntities(prefix, typ string, cursor, limit int) SuggestResponse {
	t := queryType(typ)
	want := func(i int32) bool { return t == "" || ix.entities[i].typ == t }
	var ents []int32
	seen := map[int32]bool{}
	add := func(i int32) {
		if !seen[i] && want(i) {
			seen[i] = true
			ents = append(ents, i)
		}
	}
	if strings.TrimSpace(prefix) == "" {
		all := make([]int32, 0, len(ix.entities))
		for i := range ix.entities {
			all = append(all, int32(i))
		}
		slices.SortFunc(all, func(a, b int32) int { return strings.Compare(ix.entities[a].rid, ix.entities[b].rid) })
		for _, i := range all {
			add(i)
		}
		return SuggestResponse{Result: ix.suggestItems(page(ents, cursor, limit))}
	}
	if e := ix.entity(prefix); e != nil {
		add(ix.byRID[e.rid])
	}
	type hit struct {
		ent    int32
		rank   uint8
		keyLen int
	}
	var hits []hit
	for _, k := range keysOf(prefix) {
		lo := sort.Search(len(ix.prefix), func(j int) bool { return ix.prefix[j].key >= k })
		for j := lo; j < len(ix.prefix) && j-lo < maxSuggestScan && strings.HasPrefix(ix.prefix[j].key, k); j++ {
			pe := ix.prefix[j]
			hits = append(hits, hit{pe.ent, pe.rank, len(pe.key)})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(a.keyLen, b.keyLen); c != 0 {
			return c
		}
		return strings.Compare(ix.entities[a.ent].rid, ix.entities[b.ent].rid)
	})
	for _, h := range hits {
		add(h.ent)
	}
	return SuggestResponse{Result: ix.suggestItems(page(ents, cursor, limit))}
}

func (ix *Index) suggestItems(ents []int32) []SuggestItem {
	out := make([]SuggestItem, len(ents))
	for k, i := range ents {
		e := &ix.entities[i]
		t, _ := typeByID(string(e.typ))
		out[k] = SuggestItem{ID: e.rid, Name: e.name, Description: e.desc, Notable: []TypeRef{{t.ID, t.Name}}}
	}
	return out
}
