package cms

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// RemovedReason is the reason of the tombstone a sync leaves for a
// record the CMS no longer lists.
const RemovedReason = "removed from the Moving Cities CMS"

// slugQuery is the query that finds an entry by slug in Strapi's REST
// API. A record's source that is such a URL on the synced CMS is the
// mark of a record that came from the CMS: only such records are retired
// when the CMS drops them, never this project's own.
const slugQuery = "?filters%5Bslug%5D%5B%24eq%5D="

// SourceURL is the source a sync gives a record that came from the
// entry slug of the collection type plural on the CMS at origin.
func SourceURL(origin, plural, slug string) string {
	return strings.TrimRight(origin, "/") + "/api/" + plural + slugQuery + url.QueryEscape(slug)
}

// cmsSlug returns the slug of the entry of plural on origin that one of
// the sources names, if any.
func cmsSlug(origin, plural string, sources []dataset.Source) (string, bool) {
	prefix := strings.TrimRight(origin, "/") + "/api/" + plural + slugQuery
	for _, s := range sources {
		if rest, ok := strings.CutPrefix(s.URL, prefix); ok {
			if slug, err := url.QueryUnescape(rest); err == nil {
				return slug, true
			}
		}
	}
	return "", false
}

// mark returns sources with the mark of the entry slug of plural on
// origin: added unless there, and a mark of another slug (an entry whose
// slug the editors changed) dropped, so that a record has one mark.
func mark(sources []dataset.Source, origin, plural, slug string) []dataset.Source {
	u := SourceURL(origin, plural, slug)
	out := slices.DeleteFunc(slices.Clone(sources), func(s dataset.Source) bool {
		other, ok := cmsSlug(origin, plural, []dataset.Source{s})
		return ok && other != slug
	})
	for _, s := range out {
		if s.URL == u {
			return out
		}
	}
	return append(out, dataset.Source{URL: u})
}

// slugAlias is how an entry's CMS slug is kept on a record whose ID
// differs, so that the platform's addresses find ours: an alias with the
// undetermined language, as a slug belongs to no language.
func slugAlias(as []dataset.Alias, id, slug string) []dataset.Alias {
	if slug == id {
		return as
	}
	a := dataset.Alias{Lang: "und", Name: slug}
	if slices.Contains(as, a) {
		return as
	}
	return append(slices.Clone(as), a)
}

// slugAliases is slugAlias for a record whose aliases are all slugs (an
// approach): the entry's slug joins them where it differs from our ID.
func slugAliases(as []string, id, slug string) []string {
	if slug == id || slices.Contains(as, slug) {
		return as
	}
	return append(slices.Clone(as), slug)
}

// localeSlugAliases keeps the slug of every locale of an entry, in the
// platform's order, as slugAlias keeps the primary one: the content types
// do not localize these slugs today, but a CMS that does (as it does a
// category's) still has its localized addresses find ours.
func localeSlugAliases[A any](as []dataset.Alias, id string, locales map[string]A, slug func(A) string) []dataset.Alias {
	for _, l := range dataset.Languages {
		if a, ok := locales[l]; ok && dataset.IsSlug(slug(a)) {
			as = slugAlias(as, id, slug(a))
		}
	}
	return as
}

// Map lays the CMS content over the current data: it returns the records
// to import (every CMS entry as our record, our fields the CMS lacks
// kept) and tombstones for the records that came from the CMS at origin
// and are gone from it. Map modifies nothing of cur. The result still
// has to be merged and validated like any import.
func (ct *Content) Map(cur *dataset.Snapshot, origin string) (*dataset.Dataset, error) {
	if err := ct.required(); err != nil {
		return nil, err
	}
	m := mapper{ct: ct, cur: cur, origin: strings.TrimRight(origin, "/"), out: &dataset.Dataset{}}
	m.indexMarks()
	for _, step := range []func() error{m.countries, m.categories, m.networks, m.municipalities, m.memberships, m.approaches, m.networkScopes} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	m.retire()
	return m.out, nil
}

type mapper struct {
	ct     *Content
	cur    *dataset.Snapshot
	origin string
	out    *dataset.Dataset

	countryIDs, categoryIDs, networkIDs, cityIDs []string // our ID by item index
	newNetworks                                  map[string]bool
	// marked finds our records by the CMS entry their source names, by
	// REST plural and slug: one pass instead of one per entry.
	marked map[string]map[string]any
	pairs  map[[2]string]bool // municipality, network
}

func (m *mapper) indexMarks() {
	m.marked = map[string]map[string]any{}
	index := func(plural string, sources []dataset.Source, rec any) {
		if slug, ok := cmsSlug(m.origin, plural, sources); ok {
			if m.marked[plural] == nil {
				m.marked[plural] = map[string]any{}
			}
			m.marked[plural][slug] = rec
		}
	}
	for _, x := range m.cur.Categories {
		index(PluralCategories, x.Sources, x)
	}
	for _, x := range m.cur.Networks {
		index(PluralNetworks, x.Sources, x)
	}
	for _, x := range m.cur.Municipalities {
		index(PluralCities, x.Sources, x)
	}
	for _, x := range m.cur.Approaches {
		index(PluralApproaches, x.Sources, x)
	}
}

// renamed returns the record a rename here made of the retired ID slug
// (the tombstone's replaced_by, through chains of renames), as the API's
// redirect leads there: an entry under a slug we renamed is that record,
// and the rename's tombstone stays a redirect. A record that carries the
// mark of another entry is that entry's, not this one's: the entry then
// truly returns under its own ID and restores it.
func renamed[R any](m *mapper, t dataset.Type, plural, slug string, get func(string) (R, bool), sources func(R) []dataset.Source) (R, bool) {
	var zero R
	_, to, ok := m.cur.Retirement(t, slug)
	if !ok || to == "" {
		return zero, false
	}
	x, ok := get(to)
	if !ok {
		return zero, false
	}
	if other, marked := cmsSlug(m.origin, plural, sources(x)); marked && other != slug {
		return zero, false
	}
	return x, true
}

// claim refuses two CMS entries that match the same record of ours.
func claim(claimed map[string]string, plural, id, slug string) error {
	if other, dup := claimed[id]; dup {
		return fmt.Errorf("cms: %s %q and %q both match our record %q", plural, other, slug, id)
	}
	claimed[id] = slug
	return nil
}

func (m *mapper) countries() error {
	claimed := map[string]string{}
	for _, it := range m.ct.Countries {
		var found []*dataset.Country
		for _, c := range m.cur.Countries {
			if matchesNames(c.Names, nil, it.Locales, func(a namedAttrs) string { return a.Name }) {
				found = append(found, c)
			}
		}
		var c dataset.Country
		switch len(found) {
		case 1:
			c = *found[0]
		case 0:
			// Ours are keyed by ISO code, which the CMS does not hold:
			// its names give it, and the country is ours if we hold the
			// code under other names, else a new one.
			names := map[string]string{}
			for l, a := range it.Locales {
				names[l] = a.Name
			}
			code, err := countryCode(it.Slug, names)
			if err != nil {
				return err
			}
			if x, ok := m.cur.Country(code); ok {
				c = *x
			} else {
				c = dataset.Country{ID: code}
			}
		default:
			var ids []string
			for _, x := range found {
				ids = append(ids, x.ID)
			}
			return fmt.Errorf("cms: country %q (CMS id %d) matches several of our countries by name (%s), not one", it.Slug, it.CMSIDs[0], strings.Join(ids, ", "))
		}
		if err := claim(claimed, PluralCountries, c.ID, it.Slug); err != nil {
			return err
		}
		c.Names = setNames(dataset.Names(c.Names), it.Locales, func(a namedAttrs) string { return a.Name })
		c.NamesOrigin = fromPlatform(c.NamesOrigin, it.Locales, func(a namedAttrs) string { return a.Name })
		mapCountryContent(&c, it)
		c.Sources = mark(c.Sources, m.origin, PluralCountries, it.Slug)
		m.out.Countries = append(m.out.Countries, c)
		m.countryIDs = append(m.countryIDs, c.ID)
	}
	return nil
}

func (m *mapper) categories() error {
	claimed := map[string]string{}
	for _, it := range m.ct.Categories {
		var c dataset.Category
		if x := m.findCategory(it); x != nil {
			c = *x
		} else {
			c = dataset.Category{ID: it.Slug}
		}
		if err := claim(claimed, PluralCategories, c.ID, it.Slug); err != nil {
			return err
		}
		c.Labels = dataset.Text(setNames(dataset.Names(c.Labels), it.Locales, func(a categoryAttrs) string { return a.Title }))
		c.LabelsOrigin = fromPlatform(c.LabelsOrigin, it.Locales, func(a categoryAttrs) string { return a.Title })
		// The category's slug is localized: every locale's slug leads here.
		for _, l := range dataset.Languages {
			a, ok := it.Locales[l]
			if ok && a.Slug != c.ID && dataset.IsSlug(a.Slug) && !slices.Contains(c.Aliases, a.Slug) {
				c.Aliases = append(slices.Clone(c.Aliases), a.Slug)
			}
		}
		c.Sources = mark(c.Sources, m.origin, PluralCategories, it.Slug)
		m.out.Categories = append(m.out.Categories, c)
		m.categoryIDs = append(m.categoryIDs, c.ID)
	}
	return nil
}

func (m *mapper) findCategory(it Item[categoryAttrs]) *dataset.Category {
	if c, ok := m.marked[PluralCategories][it.Slug].(*dataset.Category); ok {
		return c
	}
	if c, ok := m.cur.Category(it.Slug); ok {
		return c
	}
	for _, a := range it.Locales {
		if c, ok := m.cur.CategoryByAlias(a.Slug); ok {
			return c
		}
	}
	for _, c := range m.cur.Categories {
		if strings.EqualFold(strings.TrimSpace(c.Labels["en"]), strings.TrimSpace(it.Locales["en"].Title)) && c.Labels["en"] != "" {
			return c
		}
	}
	if c, ok := renamed(m, dataset.TypeCategory, PluralCategories, it.Slug, m.cur.Category, func(c *dataset.Category) []dataset.Source { return c.Sources }); ok {
		return c
	}
	return nil
}

func (m *mapper) networks() error {
	claimed := map[string]string{}
	m.newNetworks = map[string]bool{}
	for _, it := range m.ct.Networks {
		var n dataset.Network
		if x := m.findNetwork(it); x != nil {
			n = *x
		} else {
			n = dataset.Network{ID: it.Slug}
			m.newNetworks[n.ID] = true
		}
		if err := claim(claimed, PluralNetworks, n.ID, it.Slug); err != nil {
			return err
		}
		n.Names = setNames(n.Names, it.Locales, func(a namedAttrs) string { return a.Name })
		n.Description = setText(n.Description, it.Locales, func(a namedAttrs) string { return richText(a.Content) })
		n.DescriptionOrigin = fromPlatform(n.DescriptionOrigin, it.Locales, func(a namedAttrs) string { return richText(a.Content) })
		n.Aliases = slugAlias(n.Aliases, n.ID, it.Slug)
		n.Aliases = localeSlugAliases(n.Aliases, n.ID, it.Locales, func(a namedAttrs) string { return a.Slug })
		n.Sources = mark(n.Sources, m.origin, PluralNetworks, it.Slug)
		m.out.Networks = append(m.out.Networks, n)
		m.networkIDs = append(m.networkIDs, n.ID)
	}
	return nil
}

func (m *mapper) findNetwork(it Item[namedAttrs]) *dataset.Network {
	if n, ok := m.marked[PluralNetworks][it.Slug].(*dataset.Network); ok {
		return n
	}
	if n, ok := m.cur.Network(it.Slug); ok {
		return n
	}
	for _, n := range m.cur.Networks {
		if slices.Contains(n.Aliases, dataset.Alias{Lang: "und", Name: it.Slug}) ||
			matchesNames(n.Names, n.Aliases, it.Locales, func(a namedAttrs) string { return a.Name }) {
			return n
		}
	}
	if n, ok := renamed(m, dataset.TypeNetwork, PluralNetworks, it.Slug, m.cur.Network, func(n *dataset.Network) []dataset.Source { return n.Sources }); ok {
		return n
	}
	return nil
}

func (m *mapper) municipalities() error {
	claimed := map[string]string{}
	for _, it := range m.ct.Cities {
		p := it.Locales[it.Primary]
		country, err := m.relation(PluralCities, it.Slug, "country", p.Country.Data, m.ct.countries, m.countryIDs)
		if err != nil {
			return err
		}
		if country == "" {
			return fmt.Errorf("cms: cities %q: no country", it.Slug)
		}
		pos, err := ParseCoordinates(p.Coordinates)
		if err != nil {
			return fmt.Errorf("cms: cities %q: %w", it.Slug, err)
		}
		var x dataset.Municipality
		if f := m.findMunicipality(it, country); f != nil {
			x = *f
		} else {
			x = dataset.Municipality{ID: it.Slug, Status: dataset.StatusActive}
		}
		if err := claim(claimed, PluralCities, x.ID, it.Slug); err != nil {
			return err
		}
		x.Names = setNames(x.Names, it.Locales, func(a cityAttrs) string { return a.Name })
		x.Summary = setText(x.Summary, it.Locales, func(a cityAttrs) string { return summaryText(a.Summary) })
		x.SummaryOrigin = fromPlatform(x.SummaryOrigin, it.Locales, func(a cityAttrs) string { return summaryText(a.Summary) })
		if err := m.cityContent(&x.CityContent, it); err != nil {
			return err
		}
		x.Aliases = slugAlias(x.Aliases, x.ID, it.Slug)
		x.Aliases = localeSlugAliases(x.Aliases, x.ID, it.Locales, func(a cityAttrs) string { return a.Slug })
		x.Country = country
		x.Coordinates = &pos
		x.Featured = p.Featured
		x.Sources = mark(x.Sources, m.origin, PluralCities, it.Slug)
		m.out.Municipalities = append(m.out.Municipalities, x)
		m.cityIDs = append(m.cityIDs, x.ID)
	}
	return nil
}

func (m *mapper) findMunicipality(it Item[cityAttrs], country string) *dataset.Municipality {
	if x, ok := m.marked[PluralCities][it.Slug].(*dataset.Municipality); ok {
		return x
	}
	if x, ok := m.cur.Municipality(it.Slug); ok {
		return x
	}
	for _, x := range m.cur.Municipalities {
		if slices.Contains(x.Aliases, dataset.Alias{Lang: "und", Name: it.Slug}) {
			return x
		}
	}
	// By name, within the country: one match only, as two towns may
	// share a name.
	var found []*dataset.Municipality
	for _, x := range m.cur.MunicipalitiesNamed(it.Locales[it.Primary].Name) {
		if x.Country == country {
			found = append(found, x)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	if x, ok := renamed(m, dataset.TypeMunicipality, PluralCities, it.Slug, m.cur.Municipality, func(x *dataset.Municipality) []dataset.Source { return x.Sources }); ok {
		return x
	}
	return nil
}

func (m *mapper) memberships() error {
	m.pairs = map[[2]string]bool{}
	for i, it := range m.ct.Cities {
		muni := m.cityIDs[i]
		for _, r := range it.Locales[it.Primary].Networks.Data {
			j, ok := m.ct.networks[r.ID]
			if !ok {
				return fmt.Errorf("cms: cities %q: networks: relation to network %d, which the CMS does not list", it.Slug, r.ID)
			}
			net := m.networkIDs[j]
			if m.pairs[[2]string{muni, net}] {
				continue
			}
			m.pairs[[2]string{muni, net}] = true
			if slices.ContainsFunc(m.cur.MembershipsOf(muni), func(x *dataset.Membership) bool { return x.Network == net }) {
				continue // ours, with its dates and source: kept as it is
			}
			id := muni + "-" + net
			if other, taken := m.cur.Membership(id); taken {
				// Slugs with hyphens can meet ("a" + "b-c", "a-b" + "c"):
				// never lay one membership over another.
				return fmt.Errorf("cms: cities %q: networks: the membership ID %q of %s in %s is taken by %s in %s", it.Slug, id, muni, net, other.Municipality, other.Network)
			}
			m.out.Memberships = append(m.out.Memberships, dataset.Membership{
				ID: id, Municipality: muni, Network: net,
				Source: &dataset.Source{URL: SourceURL(m.origin, PluralCities, it.Slug)},
			})
		}
	}
	return nil
}

func (m *mapper) approaches() error {
	claimed := map[string]string{}
	for _, it := range m.ct.Approaches {
		p := it.Locales[it.Primary]
		muni, err := m.relation(PluralApproaches, it.Slug, "city", p.City.Data, m.ct.cities, m.cityIDs)
		if err != nil {
			return err
		}
		if muni == "" {
			return fmt.Errorf("cms: approaches %q: no city", it.Slug)
		}
		var cats []string
		for _, r := range p.Categories.Data {
			j, ok := m.ct.categories[r.ID]
			if !ok {
				return fmt.Errorf("cms: approaches %q: categories: relation to approach-category %d, which the CMS does not list", it.Slug, r.ID)
			}
			if !slices.Contains(cats, m.categoryIDs[j]) {
				cats = append(cats, m.categoryIDs[j])
			}
		}
		slices.Sort(cats)
		var x dataset.Approach
		if f := m.findApproach(it, muni); f != nil {
			x = *f
		} else {
			x = dataset.Approach{ID: it.Slug, Status: dataset.ApproachUnknown}
		}
		if err := claim(claimed, PluralApproaches, x.ID, it.Slug); err != nil {
			return err
		}
		x.Title = dataset.Text(setNames(dataset.Names(x.Title), it.Locales, func(a approachAttrs) string { return a.Title }))
		x.TitleOrigin = fromPlatform(x.TitleOrigin, it.Locales, func(a approachAttrs) string { return a.Title })
		x.Summary = setText(x.Summary, it.Locales, func(a approachAttrs) string { return summaryText(a.Summary) })
		x.SummaryOrigin = fromPlatform(x.SummaryOrigin, it.Locales, func(a approachAttrs) string { return summaryText(a.Summary) })
		if err := mapApproachContent(&x, it); err != nil {
			return err
		}
		x.Aliases = slugAliases(x.Aliases, x.ID, it.Slug)
		for _, l := range dataset.Languages {
			if a, ok := it.Locales[l]; ok && dataset.IsSlug(a.Slug) {
				x.Aliases = slugAliases(x.Aliases, x.ID, a.Slug)
			}
		}
		x.Municipality = muni
		if len(cats) > 0 {
			x.Categories, x.OwnCategories = cats, false
		}
		x.Sources = mark(x.Sources, m.origin, PluralApproaches, it.Slug)
		m.out.Approaches = append(m.out.Approaches, x)
	}
	return nil
}

func (m *mapper) findApproach(it Item[approachAttrs], muni string) *dataset.Approach {
	if x, ok := m.marked[PluralApproaches][it.Slug].(*dataset.Approach); ok {
		return x
	}
	if x, ok := m.cur.Approach(it.Slug); ok {
		return x
	}
	if id, ok := m.cur.BySlugAlias(dataset.TypeApproach, it.Slug); ok {
		x, _ := m.cur.Approach(id)
		return x
	}
	title := strings.TrimSpace(it.Locales[it.Primary].Title)
	for _, x := range m.cur.ApproachesOf(muni) {
		if title != "" && strings.EqualFold(strings.TrimSpace(x.Title[it.Primary]), title) {
			return x
		}
	}
	if x, ok := renamed(m, dataset.TypeApproach, PluralApproaches, it.Slug, m.cur.Approach, func(x *dataset.Approach) []dataset.Source { return x.Sources }); ok {
		return x
	}
	return nil
}

// networkScopes gives the networks new to us the scope their member
// cities show: national when they lie in one country, else European, the
// platform's reach. Networks we hold keep the scope we gave them.
func (m *mapper) networkScopes() error {
	countryOf := map[string]string{}
	for _, x := range m.out.Municipalities {
		countryOf[x.ID] = x.Country
	}
	for i := range m.out.Networks {
		n := &m.out.Networks[i]
		if !m.newNetworks[n.ID] {
			continue
		}
		var cs []string
		for pair := range m.pairs {
			if pair[1] == n.ID && !slices.Contains(cs, countryOf[pair[0]]) {
				cs = append(cs, countryOf[pair[0]])
			}
		}
		slices.Sort(cs)
		n.Countries = cs
		n.Scope = dataset.ScopeEuropean
		if len(cs) == 1 {
			n.Scope = dataset.ScopeNational
		}
	}
	return nil
}

// retire tombstones the records that came from this CMS alone and are
// gone from it, and the memberships that cannot outlive their
// municipality or network; records of ours the CMS also listed only lose
// it as a source.
func (m *mapper) retire() {
	kept := map[dataset.Type]map[string]bool{}
	keep := func(t dataset.Type, id string) {
		if kept[t] == nil {
			kept[t] = map[string]bool{}
		}
		kept[t][id] = true
	}
	for _, x := range m.out.Municipalities {
		keep(dataset.TypeMunicipality, x.ID)
	}
	for _, x := range m.out.Networks {
		keep(dataset.TypeNetwork, x.ID)
	}
	for _, x := range m.out.Approaches {
		keep(dataset.TypeApproach, x.ID)
	}
	for _, x := range m.out.Categories {
		keep(dataset.TypeCategory, x.ID)
	}
	for _, x := range m.out.Countries {
		keep(dataset.TypeCountry, x.ID)
	}
	// gone says what becomes of a record we hold that the CMS no longer
	// lists: a record only the CMS vouches for is retired; one with
	// sources of its own is ours too, and stays without the CMS as a
	// source (drop gives its sources then).
	gone := func(t dataset.Type, id, plural string, sources []dataset.Source) (retired bool, drop []dataset.Source) {
		slug, ok := cmsSlug(m.origin, plural, sources)
		if !ok || kept[t][id] {
			return false, nil
		}
		mark := SourceURL(m.origin, plural, slug)
		own := slices.DeleteFunc(slices.Clone(sources), func(s dataset.Source) bool { return s.URL == mark })
		if len(own) > 0 {
			return false, own
		}
		m.out.Retired = append(m.out.Retired, dataset.Retired{Type: t, ID: id, Reason: RemovedReason})
		return true, nil
	}
	removed := map[dataset.Type]map[string]bool{dataset.TypeMunicipality: {}, dataset.TypeNetwork: {}}
	for _, x := range m.cur.Municipalities {
		if r, own := gone(dataset.TypeMunicipality, x.ID, PluralCities, x.Sources); r {
			removed[dataset.TypeMunicipality][x.ID] = true
		} else if own != nil {
			y := *x
			y.Sources = own
			m.out.Municipalities = append(m.out.Municipalities, y)
		}
	}
	for _, x := range m.cur.Networks {
		if r, own := gone(dataset.TypeNetwork, x.ID, PluralNetworks, x.Sources); r {
			removed[dataset.TypeNetwork][x.ID] = true
		} else if own != nil {
			y := *x
			y.Sources = own
			m.out.Networks = append(m.out.Networks, y)
		}
	}
	// A country is never retired: municipalities of ours may lie in it.
	// One the CMS no longer lists only loses it as a source.
	for _, x := range m.cur.Countries {
		slug, ok := cmsSlug(m.origin, PluralCountries, x.Sources)
		if !ok || kept[dataset.TypeCountry][x.ID] {
			continue
		}
		y := *x
		y.Sources = slices.DeleteFunc(slices.Clone(x.Sources), func(s dataset.Source) bool { return s.URL == SourceURL(m.origin, PluralCountries, slug) })
		m.out.Countries = append(m.out.Countries, y)
	}
	for _, x := range m.cur.Categories {
		if _, own := gone(dataset.TypeCategory, x.ID, PluralCategories, x.Sources); own != nil {
			y := *x
			y.Sources = own
			m.out.Categories = append(m.out.Categories, y)
		}
	}
	for _, x := range m.cur.Approaches {
		if _, own := gone(dataset.TypeApproach, x.ID, PluralApproaches, x.Sources); own != nil {
			y := *x
			y.Sources = own
			m.out.Approaches = append(m.out.Approaches, y)
		}
	}
	for _, x := range m.cur.Memberships {
		var reason string
		switch {
		case removed[dataset.TypeMunicipality][x.Municipality]:
			reason = RemovedReason + " with its municipality"
		case removed[dataset.TypeNetwork][x.Network]:
			reason = RemovedReason + " with its network"
		case x.Source != nil && !m.pairs[[2]string{x.Municipality, x.Network}]:
			if _, ok := cmsSlug(m.origin, PluralCities, []dataset.Source{*x.Source}); ok {
				reason = RemovedReason
			}
		}
		if reason != "" {
			m.out.Retired = append(m.out.Retired, dataset.Retired{Type: dataset.TypeMembership, ID: x.ID, Reason: reason})
		}
	}
}

// relation resolves a to-one relation of an entry to our ID of the
// related record: "" when the relation is empty, an error when it points
// at an entry the CMS did not list (a draft, a deleted entry).
func (m *mapper) relation(plural, slug, field string, r *struct {
	ID int `json:"id"`
}, index map[int]int, ids []string) (string, error) {
	if r == nil {
		return "", nil
	}
	i, ok := index[r.ID]
	if !ok {
		return "", fmt.Errorf("cms: %s %q: %s: relation to entry %d, which the CMS does not list", plural, slug, field, r.ID)
	}
	return ids[i], nil
}

// setNames returns names with each locale's non-empty CMS value laid
// over it: the CMS is where the platform's editors name things, and the
// languages it lacks keep ours.
func setNames[A any](names dataset.Names, locales map[string]A, get func(A) string) dataset.Names {
	out := dataset.Names{}
	for k, v := range names {
		out[k] = v
	}
	for l, a := range locales {
		if v := strings.TrimSpace(get(a)); v != "" {
			out[l] = v
		}
	}
	return out
}

// setText is setNames for a text: each locale's non-empty CMS text
// replaces ours in that language, the others stay.
func setText[A any](text dataset.Text, locales map[string]A, get func(A) string) dataset.Text {
	out := dataset.Text(setNames(dataset.Names(text), locales, get))
	if len(out) == 0 {
		return nil
	}
	return out
}

// fromPlatform marks every language the CMS gave a text in as the
// platform's wording (issue 19): the CMS text replaces our translation,
// and must not be presented as ours.
func fromPlatform[A any](origins dataset.Origins, locales map[string]A, get func(A) string) dataset.Origins {
	out := dataset.Origins{}
	for l, o := range origins {
		out[l] = o
	}
	for l, a := range locales {
		if strings.TrimSpace(get(a)) != "" {
			out[l] = dataset.OriginPlatform
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// matchesNames reports whether a CMS entry's name in some locale is one
// of ours in that locale, or our English name or an alias.
func matchesNames[A any](names dataset.Names, aliases []dataset.Alias, locales map[string]A, get func(A) string) bool {
	for l, a := range locales {
		v := strings.TrimSpace(get(a))
		if v == "" {
			continue
		}
		if strings.EqualFold(names[l], v) || strings.EqualFold(names["en"], v) {
			return true
		}
		for _, al := range aliases {
			if strings.EqualFold(al.Name, v) {
				return true
			}
		}
	}
	return false
}

// required refuses entries that lack a field the CMS's content types
// require in every locale (a city's name, an approach's or category's
// title): Strapi enforces them, so their absence means the answer is not
// what the CMS holds.
func (ct *Content) required() error {
	check := func(plural, slug, field string, locales []string, value func(string) string) error {
		slices.Sort(locales)
		for _, l := range locales {
			if strings.TrimSpace(value(l)) == "" {
				return fmt.Errorf("cms: %s %q (%s): %s is required and missing", plural, slug, l, field)
			}
		}
		return nil
	}
	for _, it := range ct.Cities {
		if err := check(PluralCities, it.Slug, "name", keys(it.Locales), func(l string) string { return it.Locales[l].Name }); err != nil {
			return err
		}
	}
	for _, it := range ct.Approaches {
		if err := check(PluralApproaches, it.Slug, "title", keys(it.Locales), func(l string) string { return it.Locales[l].Title }); err != nil {
			return err
		}
	}
	for _, it := range ct.Categories {
		if err := check(PluralCategories, it.Slug, "title", keys(it.Locales), func(l string) string { return it.Locales[l].Title }); err != nil {
			return err
		}
	}
	return nil
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
