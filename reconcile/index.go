package reconcile

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/moving-cities/opendata/dataset"
)

// Index is what reconciliation needs of one snapshot, computed once:
// every name key of every reconcilable entity, posting lists by whole key
// and by word, a trigram index of the words for typos, the Wikidata items,
// and the countries by every name. It is immutable and safe for
// concurrent use.
type Index struct {
	snap     *dataset.Snapshot
	entities []entity
	byRID    map[string]int32

	keys   map[string][]int32 // whole search key → entities
	words  map[string][]int32 // word of a search key → entities
	vocab  []string           // distinct words, for the trigram index
	grams  map[string][]int32 // trigram → words (indexes into vocab)
	byQID  map[string][]int32
	prefix []prefixEntry // sorted, for suggest

	countries map[string]string // folded name, code, QID → ISO code
	networks  map[string]string // folded name or ID → network ID
	munis     map[string][]string
	members   map[string][]string // municipality → networks it was a member of

	scratch sync.Pool // of *scratch
}

// entity is a reconcilable record as matching sees it.
type entity struct {
	typ       dataset.Type
	id        string // as published
	rid       string // reconciliation ID (EntityID)
	name      string // English
	desc      string
	countries []string // ISO codes; empty when international
	qid       string
	names     []nameKey
	muni      *dataset.Municipality
	net       *dataset.Network
	appr      *dataset.Approach
}

// nameKey is one search key of one name of an entity.
type nameKey struct {
	text
	short bool // an acronym or other short alias, weak evidence on its own
}

type prefixEntry struct {
	key  string
	ent  int32
	rank uint8 // 0: the key of a whole name, 1: from a word within it
}

// NewIndex indexes snap: a few milliseconds for the seed, one to three
// seconds for 100,000 municipalities. Cache keeps the result per snapshot.
func NewIndex(snap *dataset.Snapshot) *Index {
	ix := &Index{
		snap:      snap,
		byRID:     map[string]int32{},
		keys:      map[string][]int32{},
		words:     map[string][]int32{},
		grams:     map[string][]int32{},
		byQID:     map[string][]int32{},
		countries: map[string]string{},
		networks:  map[string]string{},
		munis:     map[string][]string{},
		members:   map[string][]string{},
	}
	ix.scratch.New = func() any { return new(scratch) }
	b := &builder{keys: map[string][]string{}, texts: map[string]text{}}
	countryName := map[string]string{}
	for _, c := range snap.Countries {
		countryName[c.ID] = c.Names["en"]
		ix.addCountry(c)
	}
	for code, aliases := range countryAliases {
		for _, a := range aliases {
			ix.countries[dataset.Fold(a)] = code
		}
	}
	ix.entities = make([]entity, 0, len(snap.Municipalities)+len(snap.Networks)+len(snap.Approaches))
	for _, m := range snap.Municipalities {
		e := entity{typ: dataset.TypeMunicipality, id: m.ID, name: m.Names["en"], countries: []string{m.Country},
			qid: m.Wikidata, muni: m}
		e.desc = municipalityDescription(m, countryName[m.Country])
		e.names = b.namesOf(m.Names, m.Aliases)
		ix.add(e)
		for _, ms := range snap.MembershipsOf(m.ID) {
			if l := ix.members[m.ID]; !slices.Contains(l, ms.Network) {
				ix.members[m.ID] = append(l, ms.Network)
			}
		}
		for _, nk := range e.names {
			if l := ix.munis[nk.key]; !slices.Contains(l, m.ID) {
				ix.munis[nk.key] = append(l, m.ID)
			}
		}
	}
	for _, n := range snap.Networks {
		e := entity{typ: dataset.TypeNetwork, id: n.ID, name: n.Names["en"], countries: n.Countries, qid: n.Wikidata, net: n}
		e.desc = networkDescription(n, len(snap.MembersOf(n.ID)))
		e.names = b.namesOf(n.Names, n.Aliases)
		ix.add(e)
		ix.networks[n.ID] = n.ID
		for _, k := range e.names {
			ix.networks[k.key] = n.ID
		}
	}
	for _, a := range snap.Approaches {
		e := entity{typ: dataset.TypeApproach, id: a.ID, name: a.Title["en"], appr: a}
		m, _ := snap.Municipality(a.Municipality)
		if m != nil {
			e.countries = []string{m.Country}
		}
		e.desc = approachDescription(a, m)
		e.names = b.namesOf(dataset.Names(a.Title), nil)
		ix.add(e)
	}
	sort.Strings(ix.vocab)
	for i, w := range ix.vocab {
		for _, g := range trigrams(w) {
			ix.grams[g] = append(ix.grams[g], int32(i))
		}
	}
	slices.SortFunc(ix.prefix, func(a, b prefixEntry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.ent) - int(b.ent)
	})
	return ix
}

// Snapshot returns the snapshot the index was built from.
func (ix *Index) Snapshot() *dataset.Snapshot { return ix.snap }

func (ix *Index) add(e entity) {
	i := int32(len(ix.entities))
	e.rid = EntityID(e.typ, e.id)
	ix.entities = append(ix.entities, e)
	ix.byRID[e.rid] = i
	if e.qid != "" {
		ix.byQID[e.qid] = append(ix.byQID[e.qid], i)
	}
	seenWord := map[string]bool{}
	for _, nk := range e.names {
		appendOnce(ix.keys, nk.key, i)
		ix.prefix = append(ix.prefix, prefixEntry{key: nk.key, ent: i})
		ws := strings.Fields(nk.key)
		for j, w := range ws {
			if !seenWord[w] {
				seenWord[w] = true
				if _, known := ix.words[w]; !known {
					ix.vocab = append(ix.vocab, w)
				}
				ix.words[w] = append(ix.words[w], i)
			}
			if j > 0 {
				ix.prefix = append(ix.prefix, prefixEntry{key: strings.Join(ws[j:], " "), ent: i, rank: 1})
			}
		}
	}
}

func appendOnce(m map[string][]int32, k string, i int32) {
	if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
		m[k] = append(l, i)
	}
}

func (ix *Index) addCountry(c *dataset.Country) {
	ix.countries[strings.ToLower(c.ID)] = c.ID
	if c.Wikidata != "" {
		ix.countries[strings.ToLower(c.Wikidata)] = c.ID
	}
	for _, n := range c.Names {
		for _, k := range keysOf(n) {
			ix.countries[k] = c.ID
		}
	}
}

// countryAliases are common names of countries that are not among the
// names the dataset holds for them.
var countryAliases = map[string][]string{
	"GB": {"UK", "Great Britain", "Britain", "England", "Wales", "Scotland", "Northern Ireland"},
	"NL": {"Holland", "The Netherlands"},
	"CZ": {"Czech Republic"},
	"US": {"USA", "United States", "United States of America"},
}

// builder memoises the keys of names while an index is built: names
// repeat (most places share their name with others), and so do keys.
type builder struct {
	keys  map[string][]string
	texts map[string]text
}

func (b *builder) keysOf(name string) []string {
	ks, ok := b.keys[name]
	if !ok {
		ks = keysOf(name)
		b.keys[name] = ks
	}
	return ks
}

func (b *builder) text(key string) text {
	t, ok := b.texts[key]
	if !ok {
		t = newText(key)
		b.texts[key] = t
	}
	return t
}

// namesOf returns the search keys of every name and alias.
func (b *builder) namesOf(names dataset.Names, aliases []dataset.Alias) []nameKey {
	var out []nameKey
	add := func(s string, short bool) {
		for _, k := range b.keysOf(s) {
			if !slices.ContainsFunc(out, func(nk nameKey) bool { return nk.key == k }) {
				out = append(out, nameKey{text: b.text(k), short: short})
			}
		}
	}
	for _, lang := range names.Langs() {
		add(names[lang], false)
	}
	for _, a := range aliases {
		add(a.Name, isShort(a.Name))
	}
	return out
}

// isShort reports whether an alias is an acronym or otherwise too short to
// identify an entity by itself ("ICC", "CNI").
func isShort(s string) bool {
	if len([]rune(s)) <= 3 {
		return true
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) && !strings.Contains(s, " ")
}

func municipalityDescription(m *dataset.Municipality, country string) string {
	kind := "Municipality"
	switch m.Kind {
	case dataset.KindMunicipalAssociation:
		kind = "Municipal association"
	case dataset.KindDistrict:
		kind = "District"
	}
	if country == "" {
		country = m.Country
	} else if strings.HasPrefix(country, "United ") || country == "Netherlands" || country == "Czech Republic" {
		country = "the " + country
	}
	d := fmt.Sprintf("%s in %s", kind, country)
	var other []string
	for _, lang := range m.Names.Langs() {
		if n := m.Names[lang]; n != m.Names["en"] && !slices.Contains(other, n) {
			other = append(other, n)
		}
	}
	if len(other) > 0 {
		d += " (" + strings.Join(other, ", ") + ")"
	}
	if m.Status == dataset.StatusWithdrawn {
		d += "; withdrawn"
	}
	if m.Status == dataset.StatusUnknown {
		d += "; current participation unknown"
	}
	return d
}

func networkDescription(n *dataset.Network, members int) string {
	d := string(n.Scope) + " network"
	d = strings.ToUpper(d[:1]) + d[1:]
	if n.Founded > 0 {
		d += fmt.Sprintf(", founded %d", n.Founded)
	}
	return d + fmt.Sprintf("; %d membership(s) recorded", members)
}

func approachDescription(a *dataset.Approach, m *dataset.Municipality) string {
	d := "Approach"
	if m != nil {
		d += " of " + m.Names["en"] + " (" + m.Country + ")"
	}
	if a.YearStarted > 0 {
		d += fmt.Sprintf(", since %d", a.YearStarted)
	}
	return d
}
