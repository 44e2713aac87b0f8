package dataset

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Snapshot is an immutable, indexed view of a valid dataset at one
// revision. Readers share it freely; a change builds a new Snapshot and
// swaps it in (see Current), so nobody ever sees half a change. Nothing
// reachable from a Snapshot may be modified.
type Snapshot struct {
	Revision int64
	// Modified is the latest modification time of any record.
	Modified time.Time

	Countries      []*Country
	Categories     []*Category
	Networks       []*Network
	Municipalities []*Municipality
	Memberships    []*Membership
	Approaches     []*Approach
	Retired        []*Retired

	countries      map[string]*Country
	categories     map[string]*Category
	networks       map[string]*Network
	municipalities map[string]*Municipality
	memberships    map[string]*Membership
	approaches     map[string]*Approach
	retired        map[Type]map[string]*Retired

	byQID           map[string]*Municipality
	byCountry       map[string][]*Municipality
	membersOf       map[string][]*Membership // by network
	membershipsOf   map[string][]*Membership // by municipality
	approachesOf    map[string][]*Approach   // by municipality
	approachesIn    map[string][]*Approach   // by category
	categoryAliases map[string]*Category

	// byNameKey indexes municipalities by the search keys of their names
	// and aliases. It is built on first use: only the CMS sync asks, and
	// folding every name of 100,000 municipalities was a tenth of
	// start-up (issue 18).
	byNameKey struct {
		once sync.Once
		m    map[string][]*Municipality
	}
}

// NewSnapshot indexes d, which must be valid, at revision rev. The snapshot
// copies d's records but shares what they hold (names, aliases, sources):
// the caller must not modify d afterwards. It only reads d, so d may be
// validated while it runs.
func NewSnapshot(d *Dataset, rev int64) *Snapshot { return newSnapshot(d, rev, false) }

// SnapshotOf is NewSnapshot for a dataset that is the snapshot's alone
// from then on, such as one just loaded from the store: it keeps d's
// records instead of copies, unless their times need stamping, so that
// it never writes to d either. Copying 100,000 municipalities was a
// tenth of start-up (issue 18).
func SnapshotOf(d *Dataset, rev int64) *Snapshot { return newSnapshot(d, rev, true) }

func newSnapshot(d *Dataset, rev int64, keep bool) *Snapshot {
	// The maps are made at their final size: growing those keyed by
	// municipality rehashed them again and again at start-up (issue 18).
	n := len(d.Municipalities)
	s := &Snapshot{
		Revision:        rev,
		countries:       make(map[string]*Country, len(d.Countries)),
		categories:      make(map[string]*Category, len(d.Categories)),
		networks:        make(map[string]*Network, len(d.Networks)),
		municipalities:  make(map[string]*Municipality, n),
		memberships:     make(map[string]*Membership, len(d.Memberships)),
		approaches:      make(map[string]*Approach, len(d.Approaches)),
		retired:         map[Type]map[string]*Retired{},
		byQID:           make(map[string]*Municipality, n),
		byCountry:       make(map[string][]*Municipality, len(d.Countries)),
		membersOf:       make(map[string][]*Membership, len(d.Networks)),
		membershipsOf:   make(map[string][]*Membership, n),
		approachesOf:    make(map[string][]*Approach, len(d.Approaches)),
		approachesIn:    make(map[string][]*Approach, len(d.Categories)),
		categoryAliases: map[string]*Category{},
	}
	s.Countries = index(d.Countries, keep, s.countries, func(x *Country) string { return x.ID })
	s.Categories = index(d.Categories, keep, s.categories, func(x *Category) string { return x.ID })
	s.Networks = index(d.Networks, keep, s.networks, func(x *Network) string { return x.ID })
	s.Municipalities = index(d.Municipalities, keep, s.municipalities, func(x *Municipality) string { return x.ID })
	s.Memberships = index(d.Memberships, keep, s.memberships, func(x *Membership) string { return x.ID })
	s.Approaches = index(d.Approaches, keep, s.approaches, func(x *Approach) string { return x.ID })
	for _, r := range d.Retired {
		r := r
		r.Retired = Stamp(r.Retired)
		s.Retired = append(s.Retired, &r)
		if s.retired[r.Type] == nil {
			s.retired[r.Type] = map[string]*Retired{}
		}
		s.retired[r.Type][r.ID] = &r
	}

	// Every time is held at the one precision (Stamp), whatever the
	// records were given, so each output of the snapshot says the same
	// instant. Times already stamped are not written again: the records
	// SnapshotOf keeps are the dataset's.
	stamp := func(st *Stamps) {
		if !stamped(st) {
			st.Created, st.Modified = Stamp(st.Created), Stamp(st.Modified)
		}
		if st.Modified.After(s.Modified) {
			s.Modified = st.Modified
		}
	}
	for _, x := range s.Countries {
		stamp(&x.Stamps)
	}
	for _, x := range s.Categories {
		stamp(&x.Stamps)
		for _, a := range x.Aliases {
			s.categoryAliases[a] = x
		}
	}
	for _, x := range s.Networks {
		stamp(&x.Stamps)
	}
	for _, x := range s.Municipalities {
		stamp(&x.Stamps)
		if x.Wikidata != "" {
			s.byQID[x.Wikidata] = x
		}
		s.byCountry[x.Country] = append(s.byCountry[x.Country], x)
	}
	for _, x := range s.Memberships {
		stamp(&x.Stamps)
		s.membersOf[x.Network] = append(s.membersOf[x.Network], x)
		s.membershipsOf[x.Municipality] = append(s.membershipsOf[x.Municipality], x)
	}
	for _, x := range s.Approaches {
		stamp(&x.Stamps)
		s.approachesOf[x.Municipality] = append(s.approachesOf[x.Municipality], x)
		for _, c := range x.Categories {
			s.approachesIn[c] = append(s.approachesIn[c], x)
		}
	}
	return s
}

// stamped reports whether st holds its times as Stamp makes them (the
// same values, location included: what == compares).
func stamped(st *Stamps) bool {
	return Stamp(st.Created) == st.Created && Stamp(st.Modified) == st.Modified
}

func index[T any, PT interface {
	*T
	StampsRef() *Stamps
}](xs []T, keep bool, byID map[string]*T, id func(*T) string) []*T {
	// One copy of the slice, not one allocation per record: the snapshot
	// owns its records (callers may go on using d, and tests build several
	// snapshots from one dataset), and copying 100,000 municipalities one
	// by one took a tenth of start-up (issue 18). A dataset given to
	// SnapshotOf is not copied when no time of it is to be stamped.
	own := xs
	if !keep || !allStamped[T, PT](xs) {
		own = slices.Clone(xs)
	}
	out := make([]*T, len(own))
	for i := range own {
		x := &own[i]
		out[i] = x
		byID[id(x)] = x
	}
	sort.Slice(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
	return out
}

func allStamped[T any, PT interface {
	*T
	StampsRef() *Stamps
}](xs []T) bool {
	for i := range xs {
		if !stamped(PT(&xs[i]).StampsRef()) {
			return false
		}
	}
	return true
}

// municipalityKeys are the distinct search keys of every name and alias.
func municipalityKeys(m *Municipality) []string {
	var keys []string
	for _, n := range m.Names {
		keys = append(keys, SearchKeys(n)...)
	}
	for _, a := range m.Aliases {
		keys = append(keys, SearchKeys(a.Name)...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Dataset returns the snapshot's records as a Dataset (copies of the
// pointers' values), e.g. to merge an import into.
func (s *Snapshot) Dataset() *Dataset {
	return &Dataset{
		Countries:      values(s.Countries),
		Categories:     values(s.Categories),
		Networks:       values(s.Networks),
		Municipalities: values(s.Municipalities),
		Memberships:    values(s.Memberships),
		Approaches:     values(s.Approaches),
		Retired:        values(s.Retired),
	}
}

func values[T any](ps []*T) []T {
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

func (s *Snapshot) Country(id string) (*Country, bool) { x, ok := s.countries[id]; return x, ok }
func (s *Snapshot) Category(id string) (*Category, bool) {
	x, ok := s.categories[id]
	return x, ok
}
func (s *Snapshot) Network(id string) (*Network, bool) { x, ok := s.networks[id]; return x, ok }
func (s *Snapshot) Municipality(id string) (*Municipality, bool) {
	x, ok := s.municipalities[id]
	return x, ok
}
func (s *Snapshot) Membership(id string) (*Membership, bool) {
	x, ok := s.memberships[id]
	return x, ok
}
func (s *Snapshot) Approach(id string) (*Approach, bool) { x, ok := s.approaches[id]; return x, ok }

// Exists reports whether an entity of type t has the ID id.
func (s *Snapshot) Exists(t Type, id string) bool {
	switch t {
	case TypeCountry:
		_, ok := s.countries[id]
		return ok
	case TypeCategory:
		_, ok := s.categories[id]
		return ok
	case TypeNetwork:
		_, ok := s.networks[id]
		return ok
	case TypeMunicipality:
		_, ok := s.municipalities[id]
		return ok
	case TypeMembership:
		_, ok := s.memberships[id]
		return ok
	case TypeApproach:
		_, ok := s.approaches[id]
		return ok
	}
	return false
}

// Retirement returns the tombstone of a retired ID. Its ReplacedBy is
// resolved through chains of renames to the ID that exists now, or "" when
// the chain ends in a removal.
func (s *Snapshot) Retirement(t Type, id string) (r *Retired, current string, ok bool) {
	r, ok = s.retired[t][id]
	if !ok {
		return nil, "", false
	}
	next := r.ReplacedBy
	for range len(s.retired[t]) + 1 { // bounded: a cycle cannot loop forever
		if next == "" || s.Exists(t, next) {
			return r, next, true
		}
		hop, ok := s.retired[t][next]
		if !ok {
			return r, "", true
		}
		next = hop.ReplacedBy
	}
	return r, "", true
}

// MunicipalityByQID finds the municipality whose confirmed Wikidata item is qid.
func (s *Snapshot) MunicipalityByQID(qid string) (*Municipality, bool) {
	x, ok := s.byQID[qid]
	return x, ok
}

// MunicipalitiesIn lists a country's municipalities, sorted by ID.
func (s *Snapshot) MunicipalitiesIn(country string) []*Municipality { return s.byCountry[country] }

// MembersOf lists a network's memberships, sorted by ID.
func (s *Snapshot) MembersOf(network string) []*Membership { return s.membersOf[network] }

// MembershipsOf lists a municipality's memberships, sorted by ID.
func (s *Snapshot) MembershipsOf(municipality string) []*Membership {
	return s.membershipsOf[municipality]
}

// ApproachesOf lists a municipality's approaches, sorted by ID.
func (s *Snapshot) ApproachesOf(municipality string) []*Approach {
	return s.approachesOf[municipality]
}

// ApproachesIn lists the approaches filed under a category, sorted by ID.
func (s *Snapshot) ApproachesIn(category string) []*Approach { return s.approachesIn[category] }

// CategoryByAlias finds a category by a former or alternative slug.
func (s *Snapshot) CategoryByAlias(alias string) (*Category, bool) {
	x, ok := s.categoryAliases[alias]
	return x, ok
}

// BySlugAlias finds the municipality or network (t) that holds slug as
// an alias of the undetermined language, the form a slug of the
// platform's takes when it differs from our ID, or the approach that
// holds it among its aliases (which are all slugs); ok only when exactly
// one does. Only a miss looks here, so a scan will do.
func (s *Snapshot) BySlugAlias(t Type, slug string) (id string, ok bool) {
	a := Alias{Lang: "und", Name: slug}
	var found []string
	switch t {
	case TypeMunicipality:
		for _, x := range s.Municipalities {
			if slices.Contains(x.Aliases, a) {
				found = append(found, x.ID)
			}
		}
	case TypeNetwork:
		for _, x := range s.Networks {
			if slices.Contains(x.Aliases, a) {
				found = append(found, x.ID)
			}
		}
	case TypeApproach:
		for _, x := range s.Approaches {
			if slices.Contains(x.Aliases, slug) {
				found = append(found, x.ID)
			}
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// MunicipalitiesNamed finds municipalities one of whose names or aliases,
// in any language, has the search key of name (see SearchKeys): "munchen",
// "Munich" and "MÜNCHEN" all find München when it holds those names.
func (s *Snapshot) MunicipalitiesNamed(name string) []*Municipality {
	s.byNameKey.once.Do(func() {
		m := make(map[string][]*Municipality, 2*len(s.Municipalities))
		for _, x := range s.Municipalities {
			for _, key := range municipalityKeys(x) {
				m[key] = append(m[key], x)
			}
		}
		s.byNameKey.m = m
	})
	var out []*Municipality
	for _, key := range SearchKeys(name) {
		out = append(out, s.byNameKey.m[key]...)
	}
	slices.SortFunc(out, func(a, b *Municipality) int { return strings.Compare(a.ID, b.ID) })
	return slices.Compact(out)
}

// Current holds the snapshot in force. Swapping is atomic: a reader that
// loaded a snapshot keeps a consistent view however many changes follow.
type Current struct {
	p atomic.Pointer[Snapshot]
}

// Load returns the snapshot in force, or nil before the first Store.
func (c *Current) Load() *Snapshot { return c.p.Load() }

// Store makes s the snapshot in force.
func (c *Current) Store(s *Snapshot) { c.p.Store(s) }
