package api

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// index is what the list operations need beyond the snapshot's own maps:
// per collection, sort orders, a name index and relation lists by item
// index. It is built once per snapshot, piece by piece on first use, and
// shared by every request that reads the same snapshot.
type index struct {
	snap *dataset.Snapshot
	base string // the base URI of the IRIs in the cached JSON

	muniOnce sync.Once
	muni     *muniIndex
	ctryOnce sync.Once
	ctry     *collection
	netOnce  sync.Once
	net      *netIndex
	membOnce sync.Once
	memb     *membIndex
	apprOnce sync.Once
	appr     *apprIndex
	catOnce  sync.Once
	cat      *collection
	qidOnce  sync.Once
	qids     map[string]entityRef
}

type muniIndex struct {
	*collection
	byCountry  map[string][]int32
	byNetwork  map[string][]int32
	byCategory map[string][]int32
	// Attributes the filters test, by item index, in compact arrays: a
	// filter reads them for thousands of records per request, and the
	// records themselves are scattered in memory.
	featured, hasQID, active []bool
	coords                   []dataset.Coordinates
	hasCoords                []bool
}

type netIndex struct {
	*collection
	byCountry map[string][]int32
}

type membIndex struct {
	*collection
	byNetwork      map[string][]int32
	byMunicipality map[string][]int32
	byCountry      map[string][]int32
}

type apprIndex struct {
	*collection
	byMunicipality map[string][]int32
	byCategory     map[string][]int32
	byCountry      map[string][]int32
}

// entityRef names an entity by type and ID.
type entityRef struct {
	typ dataset.Type
	id  string
}

// indexCache keeps the indexes of the few snapshots most recently read, so
// that requests straddling a snapshot swap do not rebuild them. Entries
// hold their snapshot, so a cached pointer is never reused by another one.
// They are per base URI too, as the JSON they cache holds IRIs.
var indexCache struct {
	sync.Mutex
	entries []*index // most recent first
}

const indexCacheSize = 3

// indexOf returns the index of snap, building an empty shell on first use;
// its parts are built lazily.
func indexOf(snap *dataset.Snapshot, base string) *index {
	indexCache.Lock()
	defer indexCache.Unlock()
	for j, ix := range indexCache.entries {
		if ix.snap == snap && ix.base == base {
			if j > 0 {
				copy(indexCache.entries[1:j+1], indexCache.entries[:j])
				indexCache.entries[0] = ix
			}
			return ix
		}
	}
	ix := &index{snap: snap, base: base}
	indexCache.entries = append([]*index{ix}, indexCache.entries...)
	if len(indexCache.entries) > indexCacheSize {
		indexCache.entries = indexCache.entries[:indexCacheSize]
	}
	return ix
}

// Sort keys are strings whose byte order is the wanted order.

func numberKey(n int64) string { return fmt.Sprintf("%020d", n) } // n ≥ 0

func yearKey(y int) string {
	if y == 0 {
		return ""
	}
	return numberKey(int64(y))
}

func timeKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

func dateKey(d dataset.PartialDate) string {
	if d.IsZero() {
		return ""
	}
	return d.Start().Format("2006-01-02") + strconv.Itoa(int(d.Precision))
}

// displayName is the name a list shows first: English, else the first
// language in tag order.
func displayName(names map[string]string) string {
	if n := names["en"]; n != "" {
		return n
	}
	for _, l := range sortedKeys(names) {
		if names[l] != "" {
			return names[l]
		}
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func nameKey(names map[string]string) string { return dataset.Fold(displayName(names)) }

// withDesc adds the descending variant "-x" of every option "x".
func withDesc(opts map[string]sortKey) map[string]sortOption {
	out := make(map[string]sortOption, 2*len(opts))
	for name, k := range opts {
		out[name] = sortOption{key: k}
		out["-"+name] = sortOption{key: k, desc: true}
	}
	return out
}

// modifiedTimes lists the modification times of xs in Unix nanoseconds.
func modifiedTimes[T any](xs []*T, modified func(*T) time.Time) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		if t := modified(x); !t.IsZero() {
			out[i] = t.UnixNano()
		} else {
			out[i] = math.MinInt64
		}
	}
	return out
}

func ids[T any](xs []*T, id func(*T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// namesOf lists the texts of a Names map and aliases, for the name index.
func namesOf(names map[string]string, aliases []dataset.Alias) []string {
	out := make([]string, 0, len(names)+len(aliases))
	for _, n := range names {
		out = append(out, n)
	}
	for _, a := range aliases {
		out = append(out, a.Name)
	}
	return out
}

func (ix *index) municipalities() *muniIndex {
	ix.muniOnce.Do(func() {
		xs := ix.snap.Municipalities
		at := func(i int) *dataset.Municipality { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Municipality) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":      func(i int) string { return at(i).ID },
				"name":    func(i int) string { return nameKey(at(i).Names) },
				"country": func(i int) string { return at(i).Country },
				"population": func(i int) string {
					if p := at(i).Population; p != nil {
						return numberKey(p.Value)
					}
					return ""
				},
				"created":  func(i int) string { return timeKey(at(i).Created) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return namesOf(at(i).Names, at(i).Aliases) },
			func(i int) string { return nameKey(at(i).Names) })
		c.modified = modifiedTimes(xs, func(x *dataset.Municipality) time.Time { return x.Modified })
		n := len(xs)
		m := &muniIndex{collection: c, byCountry: map[string][]int32{}, byNetwork: map[string][]int32{}, byCategory: map[string][]int32{},
			featured: make([]bool, n), hasQID: make([]bool, n), active: make([]bool, n), coords: make([]dataset.Coordinates, n), hasCoords: make([]bool, n)}
		for i, x := range xs {
			m.byCountry[x.Country] = append(m.byCountry[x.Country], int32(i))
			m.featured[i], m.hasQID[i], m.active[i] = x.Featured, x.Wikidata != "", x.Status == dataset.StatusActive
			if x.Coordinates != nil {
				m.coords[i], m.hasCoords[i] = *x.Coordinates, true
			}
		}
		for _, ms := range ix.snap.Memberships {
			if i, ok := c.byID[ms.Municipality]; ok {
				m.byNetwork[ms.Network] = append(m.byNetwork[ms.Network], i)
			}
		}
		for _, a := range ix.snap.Approaches {
			if i, ok := c.byID[a.Municipality]; ok {
				for _, cat := range a.Categories {
					m.byCategory[cat] = append(m.byCategory[cat], i)
				}
			}
		}
		sortCompact(m.byNetwork)
		sortCompact(m.byCategory)
		ix.muni = m
	})
	return ix.muni
}

// sortCompact makes every list of m sorted and free of duplicates.
func sortCompact(m map[string][]int32) {
	for k, l := range m {
		slices.Sort(l)
		m[k] = slices.Compact(l)
	}
}

func (ix *index) countries() *collection {
	ix.ctryOnce.Do(func() {
		xs := ix.snap.Countries
		at := func(i int) *dataset.Country { return xs[i] }
		ix.ctry = newCollection(ids(xs, func(x *dataset.Country) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"name":     func(i int) string { return nameKey(at(i).Names) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return namesOf(at(i).Names, nil) },
			func(i int) string { return nameKey(at(i).Names) })
		ix.ctry.modified = modifiedTimes(xs, func(x *dataset.Country) time.Time { return x.Modified })
	})
	return ix.ctry
}

func (ix *index) networks() *netIndex {
	ix.netOnce.Do(func() {
		xs := ix.snap.Networks
		at := func(i int) *dataset.Network { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Network) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"name":     func(i int) string { return nameKey(at(i).Names) },
				"founded":  func(i int) string { return yearKey(at(i).Founded) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return namesOf(at(i).Names, at(i).Aliases) },
			func(i int) string { return nameKey(at(i).Names) })
		c.modified = modifiedTimes(xs, func(x *dataset.Network) time.Time { return x.Modified })
		n := &netIndex{collection: c, byCountry: map[string][]int32{}}
		for i, x := range xs {
			for _, ctry := range x.Countries {
				n.byCountry[ctry] = append(n.byCountry[ctry], int32(i))
			}
		}
		sortCompact(n.byCountry)
		ix.net = n
	})
	return ix.net
}

func (ix *index) memberships() *membIndex {
	ix.membOnce.Do(func() {
		xs := ix.snap.Memberships
		at := func(i int) *dataset.Membership { return xs[i] }
		memberName := func(i int) string {
			if m, ok := ix.snap.Municipality(at(i).Municipality); ok {
				return nameKey(m.Names)
			}
			return ""
		}
		c := newCollection(ids(xs, func(x *dataset.Membership) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"name":     memberName,
				"since":    func(i int) string { return dateKey(at(i).Since) },
				"until":    func(i int) string { return dateKey(at(i).Until) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string {
				if m, ok := ix.snap.Municipality(at(i).Municipality); ok {
					return namesOf(m.Names, m.Aliases)
				}
				return nil
			},
			memberName)
		c.modified = modifiedTimes(xs, func(x *dataset.Membership) time.Time { return x.Modified })
		m := &membIndex{collection: c, byNetwork: map[string][]int32{}, byMunicipality: map[string][]int32{}, byCountry: map[string][]int32{}}
		for i, x := range xs {
			m.byNetwork[x.Network] = append(m.byNetwork[x.Network], int32(i))
			m.byMunicipality[x.Municipality] = append(m.byMunicipality[x.Municipality], int32(i))
			if mu, ok := ix.snap.Municipality(x.Municipality); ok {
				m.byCountry[mu.Country] = append(m.byCountry[mu.Country], int32(i))
			}
		}
		ix.memb = m
	})
	return ix.memb
}

func (ix *index) approaches() *apprIndex {
	ix.apprOnce.Do(func() {
		xs := ix.snap.Approaches
		at := func(i int) *dataset.Approach { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Approach) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":           func(i int) string { return at(i).ID },
				"title":        func(i int) string { return nameKey(at(i).Title) },
				"year_started": func(i int) string { return yearKey(at(i).YearStarted) },
				"modified":     func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return namesOf(at(i).Title, nil) },
			func(i int) string { return nameKey(at(i).Title) })
		c.modified = modifiedTimes(xs, func(x *dataset.Approach) time.Time { return x.Modified })
		a := &apprIndex{collection: c, byMunicipality: map[string][]int32{}, byCategory: map[string][]int32{}, byCountry: map[string][]int32{}}
		for i, x := range xs {
			a.byMunicipality[x.Municipality] = append(a.byMunicipality[x.Municipality], int32(i))
			for _, cat := range x.Categories {
				a.byCategory[cat] = append(a.byCategory[cat], int32(i))
			}
			if mu, ok := ix.snap.Municipality(x.Municipality); ok {
				a.byCountry[mu.Country] = append(a.byCountry[mu.Country], int32(i))
			}
		}
		sortCompact(a.byCategory)
		ix.appr = a
	})
	return ix.appr
}

func (ix *index) categories() *collection {
	ix.catOnce.Do(func() {
		xs := ix.snap.Categories
		at := func(i int) *dataset.Category { return xs[i] }
		ix.cat = newCollection(ids(xs, func(x *dataset.Category) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"label":    func(i int) string { return nameKey(at(i).Labels) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return append(namesOf(at(i).Labels, nil), at(i).Aliases...) },
			func(i int) string { return nameKey(at(i).Labels) })
		ix.cat.modified = modifiedTimes(xs, func(x *dataset.Category) time.Time { return x.Modified })
	})
	return ix.cat
}

// wikidata finds the entity whose confirmed Wikidata item is qid:
// a municipality, a network or a country, in that order.
func (ix *index) wikidata(qid string) (entityRef, bool) {
	ix.qidOnce.Do(func() {
		m := map[string]entityRef{}
		for _, x := range ix.snap.Countries {
			if x.Wikidata != "" {
				m[x.Wikidata] = entityRef{dataset.TypeCountry, x.ID}
			}
		}
		for _, x := range ix.snap.Networks {
			if x.Wikidata != "" {
				m[x.Wikidata] = entityRef{dataset.TypeNetwork, x.ID}
			}
		}
		for _, x := range ix.snap.Municipalities {
			if x.Wikidata != "" {
				m[x.Wikidata] = entityRef{dataset.TypeMunicipality, x.ID}
			}
		}
		ix.qids = m
	})
	r, ok := ix.qids[qid]
	return r, ok
}
