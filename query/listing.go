package query

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file holds the list engine every collection shares: orderings
// precomputed per snapshot, keyset cursors and page selection.
//
// Pagination is keyset, never offset: a cursor names the last (or first)
// record of a page by its sort key and ID, and the next page starts right
// after that position in whatever snapshot is in force when it is asked
// for. A record present during the whole walk whose sort key does not
// change is therefore returned exactly once, however many records are
// inserted or removed between pages; records inserted ahead of the cursor
// appear, those inserted behind it do not.

// sortKey gives the sort key of item i of a collection; "" means the value
// is missing, and missing values sort last in both directions.
type sortKey func(i int) string

// sortOption is one value of a list's sort parameter ("name", "-name").
type sortOption struct {
	key  sortKey
	desc bool
}

// ordering is the items of a collection in the order of one sort option.
// Ties on the key are broken by ID, ascending, so the order is total.
type ordering struct {
	order []int32 // item indexes in sort order
	rank  []int32 // by item index: its position in order; nil for ad hoc orderings
	desc  bool
	// keys and ids are by item index, or by position in order when byPos
	// (ad hoc orderings, which hold a few items of a large collection).
	keys, ids []string
	byPos     bool
}

// newOrdering orders every item of a collection by keys, by item index.
func newOrdering(ids, keys []string, desc bool) *ordering {
	o := &ordering{keys: keys, ids: ids, desc: desc, order: make([]int32, len(ids)), rank: make([]int32, len(ids))}
	for i := range o.order {
		o.order[i] = int32(i)
	}
	slices.SortFunc(o.order, func(a, b int32) int { return compareKeys(keys[a], ids[a], keys[b], ids[b], desc) })
	for pos, i := range o.order {
		o.rank[i] = int32(pos)
	}
	return o
}

// newAdhocOrdering orders the given items, whose keys and IDs are given
// in the same order as they are.
func newAdhocOrdering(items []int32, keys, ids []string) *ordering {
	slots := make([]int, len(items))
	for j := range slots {
		slots[j] = j
	}
	slices.SortFunc(slots, func(a, b int) int { return compareKeys(keys[a], ids[a], keys[b], ids[b], false) })
	o := &ordering{byPos: true, order: make([]int32, len(items)), keys: make([]string, len(items)), ids: make([]string, len(items))}
	for pos, j := range slots {
		o.order[pos], o.keys[pos], o.ids[pos] = items[j], keys[j], ids[j]
	}
	return o
}

// compareKeys orders (key, id) pairs: by key, missing keys last in either
// direction, then by ID.
func compareKeys(ka, ida, kb, idb string, desc bool) int {
	switch {
	case ka == "" && kb != "":
		return 1
	case ka != "" && kb == "":
		return -1
	}
	c := strings.Compare(ka, kb)
	if desc {
		c = -c
	}
	if c != 0 {
		return c
	}
	return strings.Compare(ida, idb)
}

// at returns the key and ID of the item at position pos.
func (o *ordering) at(pos int) (key, id string) {
	if o.byPos {
		return o.keys[pos], o.ids[pos]
	}
	i := o.order[pos]
	return o.keys[i], o.ids[i]
}

// position returns the number of items in order that come before the
// cursor's boundary: the record the cursor names counts as before it for
// an exclusive after-cursor or an inclusive before-cursor.
func (o *ordering) position(c *cursor) int {
	return sort.Search(len(o.order), func(pos int) bool {
		k, id := o.at(pos)
		r := compareKeys(k, id, c.Key, c.ID, o.desc)
		if c.Before != c.Incl {
			return r >= 0
		}
		return r > 0
	})
}

// page is one page of a list: item indexes in sort order, the positions
// of the first and last in the ordering, and whether records exist on
// either side of it.
type page struct {
	items            []int32
	first, last      int
	total            int
	hasPrev, hasNext bool
}

// pageOf selects the page of up to limit items of the ordering that
// follows (or, for a before-cursor, precedes) c.
func (o *ordering) pageOf(c *cursor, limit int) page {
	n := len(o.order)
	start, end := 0, min(limit, n)
	if c != nil {
		p := o.position(c)
		if c.Before {
			start, end = max(0, p-limit), p
		} else {
			start, end = p, min(p+limit, n)
		}
	}
	return page{items: o.order[start:end], first: start, last: end - 1, total: n, hasPrev: start > 0, hasNext: end < n}
}

// pageOfRanks is pageOf among the matches of a filter, given by their
// ranks in the ordering, ascending.
func (o *ordering) pageOfRanks(ranks []int32, c *cursor, limit int) page {
	n := len(ranks)
	start, end := 0, min(limit, n)
	if c != nil {
		p := int32(o.position(c))
		j, _ := slices.BinarySearch(ranks, p) // matches before the boundary
		if c.Before {
			start, end = max(0, j-limit), j
		} else {
			start, end = j, min(j+limit, n)
		}
	}
	pg := page{items: make([]int32, end-start), total: n, hasPrev: start > 0, hasNext: end < n}
	for k, r := range ranks[start:end] {
		pg.items[k] = o.order[r]
	}
	if end > start {
		pg.first, pg.last = int(ranks[start]), int(ranks[end-1])
	}
	return pg
}

// ranksOf returns the ranks of the items each yields, ascending, in time
// linear in the items and the collection.
func (o *ordering) ranksOf(each func(yield func(int32))) []int32 {
	set := make([]uint64, (len(o.order)+63)/64)
	n := 0
	each(func(i int32) {
		r := o.rank[i]
		set[r/64] |= 1 << (r % 64)
		n++
	})
	ranks := make([]int32, 0, n)
	for w, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			ranks = append(ranks, int32(w*64+b))
			word &= word - 1
		}
	}
	return ranks
}

// cursor is the decoded form of the opaque cursor parameter.
type cursor struct {
	List   string `json:"l"`           // the collection's path, e.g. "/municipalities"
	Sort   string `json:"s"`           // the sort option it was issued for
	Key    string `json:"k"`           // sort key of the record it names
	ID     string `json:"i"`           // ID of the record it names
	Before bool   `json:"b,omitempty"` // the page wanted ends before the record
	Incl   bool   `json:"n,omitempty"` // the record itself belongs to the page wanted
}

// flip returns the cursor of the page on the other side of c's boundary;
// an empty page has no record of its own to name.
func (c *cursor) flip() *cursor {
	f := *c
	f.Before, f.Incl = !c.Before, !c.Incl
	return &f
}

func (c *cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

var errCursor = errors.New("cursor is malformed: use the next or prev link of a previous answer, unchanged")

func decodeCursor(s string) (*cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errCursor
	}
	var c cursor
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || c.ID == "" || c.List == "" || c.Sort == "" {
		return nil, errCursor
	}
	return &c, nil
}

// collection is a list's items as the engine sees them: IDs (sorted, as
// every snapshot slice is), sort keys computed once per snapshot, and a
// name index for q.
type collection struct {
	ids     []string
	byID    map[string]int32
	options map[string]sortOption
	// names gives the names q searches, per item.
	names func(i int) []string
	// texts gives the other texts q searches, per item, for the
	// full-text index; nil for a collection without any.
	texts func(i int) []textField
	// label is the folded display name used to break relevance ties.
	label sortKey
	// modified holds the items' modification times in Unix nanoseconds
	// (math.MinInt64 when unknown), for modified_since.
	modified []int64

	mu        sync.Mutex
	orderings map[string]*ordering
	keys      map[*sortOption][]string

	searchOnce sync.Once
	search     *searchIndex
	labelOnce  sync.Once
	labels     []string

	cacheMu sync.Mutex
	cache   map[string]any // filtered lists: rank lists and search orderings
	cached  []string       // cache keys, oldest first
}

// listCacheSize bounds the filtered lists each collection keeps per
// snapshot; a walk through the pages of one list reuses its entry.
const listCacheSize = 64

// memo returns the value cached under key, computing it on a miss.
func (c *collection) memo(key string, compute func() any) any {
	c.cacheMu.Lock()
	if v, ok := c.cache[key]; ok {
		c.cacheMu.Unlock()
		return v
	}
	c.cacheMu.Unlock()
	v := compute() // unlocked: two requests may compute the same value
	c.cacheMu.Lock()
	defer c.cacheMu.Unlock()
	if c.cache == nil {
		c.cache = map[string]any{}
	}
	if _, ok := c.cache[key]; !ok {
		if len(c.cached) == listCacheSize {
			delete(c.cache, c.cached[0])
			c.cached = c.cached[1:]
		}
		c.cache[key] = v
		c.cached = append(c.cached, key)
	}
	return v
}

// labelOf returns item i's label, computing every label on first use.
func (c *collection) labelOf(i int32) string {
	c.labelOnce.Do(func() {
		c.labels = make([]string, len(c.ids))
		for j := range c.labels {
			c.labels[j] = c.label(j)
		}
	})
	return c.labels[i]
}

// modifiedSince keeps the items modified at or after t.
func (c *collection) modifiedSince(f *filter, t time.Time) {
	if !t.IsZero() {
		since := t.UnixNano()
		f.where(func(i int32) bool { return c.modified[i] >= since })
	}
}

func newCollection(ids []string, options map[string]sortOption, names func(i int) []string, label sortKey) *collection {
	c := &collection{ids: ids, byID: make(map[string]int32, len(ids)), options: options, names: names, label: label,
		orderings: map[string]*ordering{}}
	for i, id := range ids {
		c.byID[id] = int32(i)
	}
	return c
}

// ordering returns the ordering of sort option name, building it on first use.
func (c *collection) ordering(name string) *ordering {
	c.mu.Lock()
	defer c.mu.Unlock()
	if o, ok := c.orderings[name]; ok {
		return o
	}
	opt := c.options[name]
	// "name" and "-name" share their keys.
	base := strings.TrimPrefix(name, "-")
	var keys []string
	if o, ok := c.orderings[base]; ok {
		keys = o.keys
	} else if o, ok := c.orderings["-"+base]; ok {
		keys = o.keys
	} else {
		keys = make([]string, len(c.ids))
		for i := range keys {
			keys[i] = opt.key(i)
		}
	}
	o := newOrdering(c.ids, keys, opt.desc)
	c.orderings[name] = o
	return o
}

// index returns the collection's name index, building it on first use.
func (c *collection) index() *searchIndex {
	c.searchOnce.Do(func() { c.search = newSearchIndex(len(c.ids), c.names) })
	return c.search
}

// filter narrows a list: an optional candidate set from an index, and
// predicates every listed record must meet.
type filter struct {
	candidates []int32 // nil: every item
	narrowed   bool    // candidates is set (possibly empty)
	preds      []func(i int32) bool
}

// within narrows the candidates to items, a sorted index list; the smaller
// set is kept and the other becomes a predicate.
func (f *filter) within(items []int32) {
	if !f.narrowed {
		f.candidates, f.narrowed = items, true
		return
	}
	small, large := f.candidates, items
	if len(large) < len(small) {
		small, large = large, small
	}
	f.candidates = small
	f.where(func(i int32) bool { _, ok := slices.BinarySearch(large, i); return ok })
}

func (f *filter) where(p func(i int32) bool) { f.preds = append(f.preds, p) }

// matches returns the items of a collection of n items that pass the
// filter, as an iteration in index order; all reports that there is no
// filter, so that every item passes.
func (f *filter) matches(n int) (each func(yield func(int32)), all bool) {
	if !f.narrowed && len(f.preds) == 0 {
		return nil, true
	}
	test := func(i int32) bool {
		for _, p := range f.preds {
			if !p(i) {
				return false
			}
		}
		return true
	}
	if f.narrowed {
		return func(yield func(int32)) {
			for _, i := range f.candidates {
				if test(i) {
					yield(i)
				}
			}
		}, false
	}
	return func(yield func(int32)) {
		for i := range int32(n) {
			if test(i) {
				yield(i)
			}
		}
	}, false
}

// listRequest is what a list operation asks of the engine.
type listRequest struct {
	path   string // collection path, for cursors
	key    string // what the filters are, for the cache; same filters, same key
	sort   string // as given; "" for the default
	q      string
	cursor string
	limit  int
	// text is the full-text index searched beside the names; nil: the
	// names alone.
	text *textIndex
}

// listResult is a selected page and the sort it was selected by.
type listResult struct {
	page
	sort   string
	order  *ordering
	cursor *cursor // the request's, nil on a first page
}

// list runs a list request over c with the filter f.
func (c *collection) list(req listRequest, f *filter) (*listResult, error) {
	var cur *cursor
	if req.cursor != "" {
		var err error
		if cur, err = decodeCursor(req.cursor); err != nil {
			return nil, &Error{Param: "cursor", Value: req.cursor, Message: err.Error(), Kind: Malformed}
		}
		if cur.List != req.path {
			return nil, &Error{Param: "cursor", Value: req.cursor, Kind: Malformed,
				Message: fmt.Sprintf("cursor was issued for %s, not %s", cur.List, req.path)}
		}
		if req.sort == "" {
			req.sort = cur.Sort
		} else if req.sort != cur.Sort {
			return nil, &Error{Param: "cursor", Value: req.cursor, Kind: Malformed,
				Message: fmt.Sprintf("cursor was issued for sort=%s; repeat that sort or drop the cursor", cur.Sort)}
		}
	}
	var terms *searchQuery
	if req.q != "" {
		terms = parseSearch(req.q)
		if terms == nil {
			return nil, &Error{Param: "q", Value: req.q, Kind: Invalid, Message: "q has no letter or digit to search for"}
		}
	}
	if req.sort == "" {
		req.sort = "id"
		if terms != nil {
			req.sort = "relevance"
		}
	}
	res := &listResult{sort: req.sort, cursor: cur}
	// What the search reads is part of what a cached list depends on.
	key := req.key
	if terms != nil && req.text != nil {
		key += "\x00text"
	}
	if req.sort == "relevance" {
		if terms == nil {
			return nil, &Error{Param: "sort", Value: req.sort, Kind: Invalid, Message: "sort=relevance needs a q to be relevant to"}
		}
		res.order = c.memo(key+"\x00relevance", func() any {
			found, text := c.searchMatches(terms, req)
			f.within(found)
			each, _ := f.matches(len(c.ids)) // never all: q narrowed it
			var matches []int32
			each(func(i int32) { matches = append(matches, i) })
			return c.relevance(terms, text, matches)
		}).(*ordering)
		res.page = res.order.pageOf(cur, req.limit)
		return res, nil
	}
	if _, ok := c.options[req.sort]; !ok {
		return nil, &Error{Param: "sort", Value: req.sort, Kind: Invalid, Message: fmt.Sprintf("cannot sort by %q", req.sort)}
	}
	res.order = c.ordering(req.sort)
	if _, all := f.matches(len(c.ids)); all && terms == nil {
		res.page = res.order.pageOf(cur, req.limit)
		return res, nil
	}
	ranks := c.memo(key+"\x00"+req.sort, func() any {
		if terms != nil {
			found, _ := c.searchMatches(terms, req)
			f.within(found)
		}
		each, _ := f.matches(len(c.ids))
		return res.order.ranksOf(each)
	}).([]int32)
	res.page = res.order.pageOfRanks(ranks, cur, req.limit)
	return res, nil
}

// searchMatches returns the sorted items a search finds, by their names
// or, with a full-text index, by their texts, and the text matches.
func (c *collection) searchMatches(terms *searchQuery, req listRequest) ([]int32, *textMatches) {
	found := c.index().lookup(terms)
	if req.text == nil {
		return found, nil
	}
	text, ok := req.text.match(context.Background(), req.q)
	if !ok {
		return found, nil
	}
	return union(found, text.items), text
}

// relevance orders the matches of a search: names equal to the query
// first, then names starting with it, then names holding every query word
// whole, then the other name matches, ties by display name; then the
// records found by their texts alone, by full-text score, ties by display
// name; then by ID.
func (c *collection) relevance(q *searchQuery, text *textMatches, matches []int32) *ordering {
	idx := c.index()
	levels := [][]int32{idx.fullMatches(q, false), idx.fullMatches(q, true), idx.wordMatches(q), idx.lookup(q)}
	keys := make([]string, len(matches))
	ids := make([]string, len(matches))
	for j, i := range matches {
		score := -1
		for l, hits := range levels {
			if _, ok := slices.BinarySearch(hits, i); ok {
				score = l
				break
			}
		}
		if score >= 0 {
			keys[j] = strconv.Itoa(score) + " " + c.labelOf(i)
		} else {
			s, _ := text.score(i)
			keys[j] = strconv.Itoa(len(levels)) + " " + scoreKey(s) + " " + c.labelOf(i)
		}
		ids[j] = c.ids[i]
	}
	return newAdhocOrdering(matches, keys, ids)
}

// scoreKey is a sort key that orders non-negative scores from the
// highest: the bits of a non-negative float64 order as the numbers do.
func scoreKey(s float64) string {
	return fmt.Sprintf("%016x", ^math.Float64bits(max(s, 0)))
}

// nextCursor and prevCursor name the pages after and before this one;
// call them only when hasNext or hasPrev.
func (r *listResult) nextCursor(path string) string {
	if len(r.items) == 0 {
		return r.cursor.flip().encode()
	}
	key, id := r.order.at(r.last)
	return (&cursor{List: path, Sort: r.sort, Key: key, ID: id}).encode()
}

func (r *listResult) prevCursor(path string) string {
	if len(r.items) == 0 {
		return r.cursor.flip().encode()
	}
	key, id := r.order.at(r.first)
	return (&cursor{List: path, Sort: r.sort, Key: key, ID: id, Before: true}).encode()
}
