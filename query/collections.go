package query

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

type muniIndex struct {
	*collection
	byCountry  map[string][]int32
	byNetwork  map[string][]int32
	byCategory map[string][]int32
	// Attributes the filters test, by item index, in compact arrays: a
	// filter reads them for thousands of records per request, and the
	// records themselves are scattered in memory.
	featured, hasQID []bool
	status           []dataset.MunicipalityStatus
	coords           []dataset.Coordinates
	hasCoords        []bool
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

// Keys of the indexes in a View's cache.
type (
	muniKey     struct{}
	countryKey  struct{}
	networkKey  struct{}
	membKey     struct{}
	approachKey struct{}
	categoryKey struct{}
	qidKey      struct{}
)

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

// texts gathers the texts of a record for full-text search, merging
// values of the same field and language.
type texts []textField

func (ts *texts) add(field, lang string, values ...string) {
	if !dataset.IsPlatformLanguage(lang) {
		lang = ""
	}
	var vs []string
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return
	}
	for j := range *ts {
		if f := &(*ts)[j]; f.Field == field && f.Lang == lang {
			f.Values = append(f.Values, vs...)
			return
		}
	}
	*ts = append(*ts, textField{Field: field, Lang: lang, Values: vs})
}

// text adds a text in every language it has, in language order.
func (ts *texts) text(field string, t dataset.Text) {
	for _, l := range sortedKeys(t) {
		ts.add(field, l, t[l])
	}
}

// caseStudy adds what a municipality's page tells beyond its summary:
// tagline, headings, reasoning, takeaways and report, and its blocks.
func (ts *texts) caseStudy(c *dataset.CityContent) {
	for _, t := range []dataset.Text{c.Subtitle, c.SummaryTitle, c.Reasoning, c.ReportTitle, c.ReportIntro} {
		ts.text("case_study", t)
	}
	for _, tk := range c.Takeaways {
		ts.add("case_study", tk.Lang, tk.Text)
	}
	ts.blocks(c.Blocks)
}

// blocks adds the headings, texts and authors of quotes and sections.
func (ts *texts) blocks(bs []dataset.Block) {
	for _, b := range bs {
		ts.add("blocks", b.Lang, b.Title, b.Text, b.Author)
	}
}

// sources adds the titles and notes of sources, whose language is not
// recorded.
func (ts *texts) sources(ss ...dataset.Source) {
	for _, s := range ss {
		ts.add("source_title", "", s.Title)
		ts.add("source_note", "", s.Note)
	}
}

func (v *View) municipalities() *muniIndex {
	return must(v, muniKey{}, func() *muniIndex {
		xs := v.Snap.Municipalities
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
		c.texts = func(i int) []textField {
			var ts texts
			ts.text("summary", at(i).Summary)
			ts.caseStudy(&at(i).CityContent)
			ts.sources(at(i).Sources...)
			return ts
		}
		n := len(xs)
		m := &muniIndex{collection: c, byCountry: map[string][]int32{}, byNetwork: map[string][]int32{}, byCategory: map[string][]int32{},
			featured: make([]bool, n), hasQID: make([]bool, n), status: make([]dataset.MunicipalityStatus, n), coords: make([]dataset.Coordinates, n), hasCoords: make([]bool, n)}
		for i, x := range xs {
			m.byCountry[x.Country] = append(m.byCountry[x.Country], int32(i))
			m.featured[i], m.hasQID[i], m.status[i] = x.Featured, x.Wikidata != "", x.Status
			if x.Coordinates != nil {
				m.coords[i], m.hasCoords[i] = *x.Coordinates, true
			}
		}
		for _, ms := range v.Snap.Memberships {
			if i, ok := c.byID[ms.Municipality]; ok {
				m.byNetwork[ms.Network] = append(m.byNetwork[ms.Network], i)
			}
		}
		for _, a := range v.Snap.Approaches {
			if i, ok := c.byID[a.Municipality]; ok {
				for _, cat := range a.Categories {
					m.byCategory[cat] = append(m.byCategory[cat], i)
				}
			}
		}
		sortCompact(m.byNetwork)
		sortCompact(m.byCategory)
		return m
	})
}

// sortCompact makes every list of m sorted and free of duplicates.
func sortCompact(m map[string][]int32) {
	for k, l := range m {
		slices.Sort(l)
		m[k] = slices.Compact(l)
	}
}

func (v *View) countries() *collection {
	return must(v, countryKey{}, func() *collection {
		xs := v.Snap.Countries
		at := func(i int) *dataset.Country { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Country) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"name":     func(i int) string { return nameKey(at(i).Names) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return namesOf(at(i).Names, nil) },
			func(i int) string { return nameKey(at(i).Names) })
		c.modified = modifiedTimes(xs, func(x *dataset.Country) time.Time { return x.Modified })
		return c
	})
}

func (v *View) networks() *netIndex {
	return must(v, networkKey{}, func() *netIndex {
		xs := v.Snap.Networks
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
		c.texts = func(i int) []textField {
			var ts texts
			ts.text("description", at(i).Description)
			ts.sources(at(i).Sources...)
			return ts
		}
		n := &netIndex{collection: c, byCountry: map[string][]int32{}}
		for i, x := range xs {
			for _, ctry := range x.Countries {
				n.byCountry[ctry] = append(n.byCountry[ctry], int32(i))
			}
		}
		sortCompact(n.byCountry)
		return n
	})
}

func (v *View) memberships() *membIndex {
	return must(v, membKey{}, func() *membIndex {
		xs := v.Snap.Memberships
		at := func(i int) *dataset.Membership { return xs[i] }
		memberName := func(i int) string {
			if m, ok := v.Snap.Municipality(at(i).Municipality); ok {
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
				if m, ok := v.Snap.Municipality(at(i).Municipality); ok {
					return namesOf(m.Names, m.Aliases)
				}
				return nil
			},
			memberName)
		c.modified = modifiedTimes(xs, func(x *dataset.Membership) time.Time { return x.Modified })
		c.texts = func(i int) []textField {
			var ts texts
			if s := at(i).Source; s != nil {
				ts.sources(*s)
			}
			return ts
		}
		m := &membIndex{collection: c, byNetwork: map[string][]int32{}, byMunicipality: map[string][]int32{}, byCountry: map[string][]int32{}}
		for i, x := range xs {
			m.byNetwork[x.Network] = append(m.byNetwork[x.Network], int32(i))
			m.byMunicipality[x.Municipality] = append(m.byMunicipality[x.Municipality], int32(i))
			if mu, ok := v.Snap.Municipality(x.Municipality); ok {
				m.byCountry[mu.Country] = append(m.byCountry[mu.Country], int32(i))
			}
		}
		return m
	})
}

func (v *View) approaches() *apprIndex {
	return must(v, approachKey{}, func() *apprIndex {
		xs := v.Snap.Approaches
		at := func(i int) *dataset.Approach { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Approach) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":           func(i int) string { return at(i).ID },
				"title":        func(i int) string { return nameKey(at(i).Title) },
				"year_started": func(i int) string { return yearKey(at(i).YearStarted) },
				"modified":     func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return append(namesOf(at(i).Title, nil), at(i).Aliases...) },
			func(i int) string { return nameKey(at(i).Title) })
		c.modified = modifiedTimes(xs, func(x *dataset.Approach) time.Time { return x.Modified })
		c.texts = func(i int) []textField {
			var ts texts
			ts.text("title", at(i).Title)
			ts.text("title", at(i).ShortTitle)
			ts.text("summary", at(i).Summary)
			ts.blocks(at(i).Blocks)
			// The themes it is filed under, so that "deportation" finds
			// the approaches filed under protection against deportation.
			for _, id := range at(i).Categories {
				if cat, ok := v.Snap.Category(id); ok {
					ts.text("categories", cat.Labels)
				}
			}
			ts.sources(at(i).Sources...)
			return ts
		}
		a := &apprIndex{collection: c, byMunicipality: map[string][]int32{}, byCategory: map[string][]int32{}, byCountry: map[string][]int32{}}
		for i, x := range xs {
			a.byMunicipality[x.Municipality] = append(a.byMunicipality[x.Municipality], int32(i))
			for _, cat := range x.Categories {
				a.byCategory[cat] = append(a.byCategory[cat], int32(i))
			}
			if mu, ok := v.Snap.Municipality(x.Municipality); ok {
				a.byCountry[mu.Country] = append(a.byCountry[mu.Country], int32(i))
			}
		}
		sortCompact(a.byCategory)
		return a
	})
}

func (v *View) categories() *collection {
	return must(v, categoryKey{}, func() *collection {
		xs := v.Snap.Categories
		at := func(i int) *dataset.Category { return xs[i] }
		c := newCollection(ids(xs, func(x *dataset.Category) string { return x.ID }),
			withDesc(map[string]sortKey{
				"id":       func(i int) string { return at(i).ID },
				"label":    func(i int) string { return nameKey(at(i).Labels) },
				"modified": func(i int) string { return timeKey(at(i).Modified) },
			}),
			func(i int) []string { return append(namesOf(at(i).Labels, nil), at(i).Aliases...) },
			func(i int) string { return nameKey(at(i).Labels) })
		c.modified = modifiedTimes(xs, func(x *dataset.Category) time.Time { return x.Modified })
		c.texts = func(i int) []textField {
			var ts texts
			ts.text("labels", at(i).Labels)
			ts.text("definitions", at(i).Definitions)
			ts.sources(at(i).Sources...)
			return ts
		}
		return c
	})
}

// ByWikidata finds the entity whose confirmed Wikidata item is qid:
// a municipality, a network or a country, in that order.
func (v *View) ByWikidata(qid string) (dataset.Type, string, bool) {
	qids := must(v, qidKey{}, func() map[string]Ref {
		m := map[string]Ref{}
		for _, x := range v.Snap.Countries {
			if x.Wikidata != "" {
				m[x.Wikidata] = Ref{dataset.TypeCountry, x.ID}
			}
		}
		for _, x := range v.Snap.Networks {
			if x.Wikidata != "" {
				m[x.Wikidata] = Ref{dataset.TypeNetwork, x.ID}
			}
		}
		for _, x := range v.Snap.Municipalities {
			if x.Wikidata != "" {
				m[x.Wikidata] = Ref{dataset.TypeMunicipality, x.ID}
			}
		}
		return m
	})
	r, ok := qids[qid]
	return r.Type, r.ID, ok
}

// Ref names an entity by type and ID.
type Ref struct {
	Type dataset.Type
	ID   string
}
