package query

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// Request asks for one page of a collection: the records of Type that
// pass Filter (and, with Q, match the search), in the order of Sort,
// starting after (or, for a prev cursor, before) Cursor.
type Request struct {
	Type dataset.Type
	// Of, for memberships, lists one network's members (the collection
	// /networks/{Of}/members); empty otherwise.
	Of     string
	Filter Filter
	// Q searches names (titles, labels, aliases) in every language and
	// script and, once the snapshot's full-text index is in force, every
	// other text of the records (summaries, descriptions, source notes…);
	// name matches rank first.
	Q string
	// Sort is a sort option ("name", "-name"…, "relevance"); "" is
	// relevance with Q and "id" without.
	Sort string
	// Cursor is the opaque position of a previous Page's Next or Prev.
	Cursor string
	// Limit is the most records a page holds (1 to MaxLimit).
	Limit int
}

// MaxLimit is the largest page.
const MaxLimit = 1000

// Filter narrows a collection. Zero fields do not filter. Which fields
// apply depends on the type (Filters lists them); the others must be
// zero.
type Filter struct {
	Country      string // ISO 3166-1 alpha-2 code
	Network      string // network ID
	Municipality string // municipality ID
	Category     string // category ID, or a former one
	Scope        string // network scope
	Status       string // municipality or approach status
	Wikidata     string // confirmed Wikidata QID
	BBox         string // "west,south,east,north" in WGS84 degrees
	Featured     *bool
	HasWikidata  *bool
	// ModifiedSince keeps records modified at or after it.
	ModifiedSince time.Time
}

// Filters lists the filters each collection takes, by their query
// parameter names.
var Filters = map[dataset.Type][]string{
	dataset.TypeMunicipality: {"country", "network", "category", "featured", "has_wikidata", "wikidata", "bbox", "status", "modified_since"},
	dataset.TypeCountry:      {"has_wikidata", "wikidata", "modified_since"},
	dataset.TypeNetwork:      {"country", "scope", "has_wikidata", "wikidata", "modified_since"},
	dataset.TypeMembership:   {"network", "municipality", "country", "modified_since"},
	dataset.TypeApproach:     {"municipality", "country", "category", "status", "modified_since"},
	dataset.TypeCategory:     {"modified_since"},
}

// set lists the filters f sets, by parameter name, with their values.
func (f *Filter) set() [][2]string {
	var out [][2]string
	add := func(name, v string) {
		if v != "" {
			out = append(out, [2]string{name, v})
		}
	}
	flag := func(name string, b *bool) {
		if b != nil {
			add(name, strconv.FormatBool(*b))
		}
	}
	add("country", f.Country)
	add("network", f.Network)
	add("municipality", f.Municipality)
	add("category", f.Category)
	add("scope", f.Scope)
	add("status", f.Status)
	add("wikidata", f.Wikidata)
	add("bbox", f.BBox)
	flag("featured", f.Featured)
	flag("has_wikidata", f.HasWikidata)
	if !f.ModifiedSince.IsZero() {
		add("modified_since", f.ModifiedSince.UTC().Format(time.RFC3339Nano))
	}
	return out
}

// Page is one page of a collection.
type Page struct {
	// Items are the positions of the page's records in the snapshot's
	// slice of the type (Snapshot.Municipalities…), in order.
	Items []int
	// IDs are the page's records' IDs, in order.
	IDs []string
	// Total is the number of records matching, over all pages.
	Total int
	// Sort is the sort option the page was selected by.
	Sort string
	// Next and Prev are the cursors of the pages after and before this
	// one; "" when there is none.
	Next, Prev string
}

// Kind says what a refused request got wrong.
type Kind int

const (
	// Invalid is a well-formed value that cannot be answered: an unknown
	// country, a sort the collection does not have (HTTP 422).
	Invalid Kind = iota
	// Malformed is a value that is not what it must be: a cursor that
	// was altered or issued for another list (HTTP 400).
	Malformed
)

// Error is a refused request: which parameter, its value, and why.
type Error struct {
	Param, Value, Message string
	Kind                  Kind
}

func (e *Error) Error() string { return e.Message }

func invalid(param, value, format string, args ...any) *Error {
	return &Error{Param: param, Value: value, Kind: Invalid, Message: fmt.Sprintf(format, args...)}
}

func unknownRef(param string, t dataset.Type, id string) *Error {
	return invalid(param, id, "%s: no %s has the ID %q", param, t, id)
}

var (
	qidPattern     = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Statuses and scopes the filters accept.
var (
	municipalityStatuses = []string{string(dataset.StatusActive), string(dataset.StatusWithdrawn), string(dataset.StatusUnknown)}
	approachStatuses     = []string{string(dataset.ApproachActive), string(dataset.ApproachEnded), string(dataset.ApproachUnknown)}
	scopes               = []string{string(dataset.ScopeNational), string(dataset.ScopeEuropean), string(dataset.ScopeInternational)}
)

// List answers a request, or says which parameter it cannot answer and
// why (an *Error).
func (v *View) List(req Request) (*Page, error) {
	if req.Limit < 1 || req.Limit > MaxLimit {
		return nil, invalid("limit", strconv.Itoa(req.Limit), "limit must be between 1 and %d", MaxLimit)
	}
	names, ok := Filters[req.Type]
	if !ok {
		return nil, fmt.Errorf("query: no collection of type %q", req.Type)
	}
	for _, kv := range req.Filter.set() {
		if !slices.Contains(names, kv[0]) {
			return nil, invalid(kv[0], kv[1], "%s does not filter %s", kv[0], req.Type.Plural())
		}
	}
	path := "/" + req.Type.Plural()
	var c *collection
	var f filter
	var err error
	switch req.Type {
	case dataset.TypeMunicipality:
		c, err = v.filterMunicipalities(&req.Filter, &f)
	case dataset.TypeCountry:
		c, err = v.filterCountries(&req.Filter, &f)
	case dataset.TypeNetwork:
		c, err = v.filterNetworks(&req.Filter, &f)
	case dataset.TypeMembership:
		if req.Of != "" {
			if _, ok := v.Snap.Network(req.Of); !ok {
				return nil, unknownRef("network", dataset.TypeNetwork, req.Of)
			}
			path = "/networks/" + url.PathEscape(req.Of) + "/members"
		}
		c, err = v.filterMemberships(req.Of, &req.Filter, &f)
	case dataset.TypeApproach:
		c, err = v.filterApproaches(&req.Filter, &f)
	case dataset.TypeCategory:
		c = v.categories()
		c.modifiedSince(&f, req.Filter.ModifiedSince)
	}
	if err != nil {
		return nil, err
	}
	// Same collection, filters and search: same cached selection.
	key := fmt.Sprintf("%s\x00%q\x00%s", path, req.Filter.set(), req.Q)
	lr := listRequest{path: path, key: key, sort: req.Sort, q: req.Q, cursor: req.Cursor, limit: req.Limit}
	if req.Q != "" {
		lr.text = v.textIndex(req.Type)
	}
	res, err := c.list(lr, &f)
	if err != nil {
		return nil, err
	}
	p := &Page{Items: make([]int, len(res.items)), IDs: make([]string, len(res.items)), Total: res.total, Sort: res.sort}
	for j, i := range res.items {
		p.Items[j], p.IDs[j] = int(i), c.ids[i]
	}
	if res.hasNext {
		p.Next = res.nextCursor(path)
	}
	if res.hasPrev {
		p.Prev = res.prevCursor(path)
	}
	return p, nil
}

// SortOptions lists the sort options of a collection, ascending ones
// first, "relevance" last.
func (v *View) SortOptions(t dataset.Type) []string {
	c := v.collectionOf(t)
	if c == nil {
		return nil
	}
	var out []string
	for name := range c.options {
		out = append(out, name)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := strings.Compare(strings.TrimPrefix(a, "-"), strings.TrimPrefix(b, "-")); c != 0 {
			return c
		}
		return strings.Compare(b, a) // "name" before "-name"
	})
	return append(out, "relevance")
}

func flagFilter(f *filter, flag *bool, has func(i int32) bool) {
	if flag != nil {
		want := *flag
		f.where(func(i int32) bool { return has(i) == want })
	}
}

// country resolves a country filter as people write it: an ISO 3166-1
// code in any case, a name in any of our languages (case and diacritics
// ignored, other scripts also transliterated), or its Wikidata item, as
// reconciliation does.
func (v *View) country(s string) (string, error) {
	names := must(v, countryNamesKey{}, func() map[string]string {
		m := map[string]string{}
		for _, c := range v.Snap.Countries {
			if c.Wikidata != "" {
				m[c.Wikidata] = c.ID
			}
			for _, n := range c.Names {
				f := dataset.Fold(n)
				m[f] = c.ID
				m[dataset.Transliterate(f)] = c.ID
			}
		}
		for _, c := range v.Snap.Countries { // codes win over names
			m[strings.ToLower(c.ID)] = c.ID
		}
		return m
	})
	t := strings.TrimSpace(s)
	if code, ok := names[strings.ToLower(t)]; ok {
		return code, nil
	}
	if code, ok := names[t]; ok { // a QID
		return code, nil
	}
	if f := dataset.Fold(t); f != "" {
		if code, ok := names[f]; ok {
			return code, nil
		}
		if code, ok := names[dataset.Transliterate(f)]; ok {
			return code, nil
		}
	}
	if countryPattern.MatchString(strings.ToUpper(t)) {
		return "", unknownRef("country", dataset.TypeCountry, strings.ToUpper(t))
	}
	return "", invalid("country", s, "country: %q is neither an ISO 3166-1 alpha-2 code (DE), nor a country name in one of our languages, nor a country's Wikidata item", s)
}

type countryNamesKey struct{}

func checkQID(qid string) error {
	if !qidPattern.MatchString(qid) {
		return invalid("wikidata", qid, "wikidata: %q is not a Wikidata item ID: expected Q followed by digits, as in Q1726", qid)
	}
	return nil
}

func checkEnum(param, value string, allowed []string) error {
	if !slices.Contains(allowed, value) {
		return invalid(param, value, "%s: %q is not one of %s", param, value, strings.Join(allowed, ", "))
	}
	return nil
}

// category resolves a category filter, former IDs included.
func (v *View) category(id string) (string, error) {
	if _, ok := v.Snap.Category(id); ok {
		return id, nil
	}
	if c, ok := v.Snap.CategoryByAlias(id); ok {
		return c.ID, nil
	}
	return "", unknownRef("category", dataset.TypeCategory, id)
}

func (v *View) filterMunicipalities(in *Filter, f *filter) (*collection, error) {
	snap, mi := v.Snap, v.municipalities()
	if in.Country != "" {
		code, err := v.country(in.Country)
		if err != nil {
			return nil, err
		}
		f.within(mi.byCountry[code])
	}
	if in.Network != "" {
		if _, ok := snap.Network(in.Network); !ok {
			return nil, unknownRef("network", dataset.TypeNetwork, in.Network)
		}
		f.within(mi.byNetwork[in.Network])
	}
	if in.Category != "" {
		cat, err := v.category(in.Category)
		if err != nil {
			return nil, err
		}
		f.within(mi.byCategory[cat])
	}
	if in.Wikidata != "" {
		if err := checkQID(in.Wikidata); err != nil {
			return nil, err
		}
		var hit []int32
		if m, ok := snap.MunicipalityByQID(in.Wikidata); ok {
			hit = []int32{mi.byID[m.ID]}
		}
		f.within(hit)
	}
	if in.BBox != "" {
		box, err := parseBBox(in.BBox)
		if err != nil {
			return nil, invalid("bbox", in.BBox, "bbox: %s", err)
		}
		f.where(func(i int32) bool { return mi.hasCoords[i] && box.contains(&mi.coords[i]) })
	}
	flagFilter(f, in.Featured, func(i int32) bool { return mi.featured[i] })
	flagFilter(f, in.HasWikidata, func(i int32) bool { return mi.hasQID[i] })
	if in.Status != "" {
		if err := checkEnum("status", in.Status, municipalityStatuses); err != nil {
			return nil, err
		}
		status := dataset.MunicipalityStatus(in.Status)
		f.where(func(i int32) bool { return mi.status[i] == status })
	}
	mi.modifiedSince(f, in.ModifiedSince)
	return mi.collection, nil
}

func (v *View) filterCountries(in *Filter, f *filter) (*collection, error) {
	xs, c := v.Snap.Countries, v.countries()
	if in.Wikidata != "" {
		if err := checkQID(in.Wikidata); err != nil {
			return nil, err
		}
		f.where(func(i int32) bool { return xs[i].Wikidata == in.Wikidata })
	}
	flagFilter(f, in.HasWikidata, func(i int32) bool { return xs[i].Wikidata != "" })
	c.modifiedSince(f, in.ModifiedSince)
	return c, nil
}

func (v *View) filterNetworks(in *Filter, f *filter) (*collection, error) {
	xs, ni := v.Snap.Networks, v.networks()
	if in.Country != "" {
		code, err := v.country(in.Country)
		if err != nil {
			return nil, err
		}
		f.within(ni.byCountry[code])
	}
	if in.Scope != "" {
		if err := checkEnum("scope", in.Scope, scopes); err != nil {
			return nil, err
		}
		f.where(func(i int32) bool { return string(xs[i].Scope) == in.Scope })
	}
	if in.Wikidata != "" {
		if err := checkQID(in.Wikidata); err != nil {
			return nil, err
		}
		f.where(func(i int32) bool { return xs[i].Wikidata == in.Wikidata })
	}
	flagFilter(f, in.HasWikidata, func(i int32) bool { return xs[i].Wikidata != "" })
	ni.modifiedSince(f, in.ModifiedSince)
	return ni.collection, nil
}

func (v *View) filterMemberships(of string, in *Filter, f *filter) (*collection, error) {
	snap, mi := v.Snap, v.memberships()
	if of != "" {
		f.within(mi.byNetwork[of])
	}
	if in.Network != "" {
		if _, ok := snap.Network(in.Network); !ok {
			return nil, unknownRef("network", dataset.TypeNetwork, in.Network)
		}
		f.within(mi.byNetwork[in.Network])
	}
	if in.Municipality != "" {
		if _, ok := snap.Municipality(in.Municipality); !ok {
			return nil, unknownRef("municipality", dataset.TypeMunicipality, in.Municipality)
		}
		f.within(mi.byMunicipality[in.Municipality])
	}
	if in.Country != "" {
		code, err := v.country(in.Country)
		if err != nil {
			return nil, err
		}
		f.within(mi.byCountry[code])
	}
	mi.modifiedSince(f, in.ModifiedSince)
	return mi.collection, nil
}

func (v *View) filterApproaches(in *Filter, f *filter) (*collection, error) {
	snap, xs, ai := v.Snap, v.Snap.Approaches, v.approaches()
	if in.Municipality != "" {
		if _, ok := snap.Municipality(in.Municipality); !ok {
			return nil, unknownRef("municipality", dataset.TypeMunicipality, in.Municipality)
		}
		f.within(ai.byMunicipality[in.Municipality])
	}
	if in.Country != "" {
		code, err := v.country(in.Country)
		if err != nil {
			return nil, err
		}
		f.within(ai.byCountry[code])
	}
	if in.Category != "" {
		cat, err := v.category(in.Category)
		if err != nil {
			return nil, err
		}
		f.within(ai.byCategory[cat])
	}
	if in.Status != "" {
		if err := checkEnum("status", in.Status, approachStatuses); err != nil {
			return nil, err
		}
		f.where(func(i int32) bool { return string(xs[i].Status) == in.Status })
	}
	ai.modifiedSince(f, in.ModifiedSince)
	return ai.collection, nil
}

// bbox is a parsed bbox filter.
type bbox struct{ west, south, east, north float64 }

func parseBBox(s string) (bbox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return bbox{}, fmt.Errorf("expected four numbers west,south,east,north, got %d value(s)", len(parts))
	}
	var v [4]float64
	for j, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return bbox{}, fmt.Errorf("%q is not a number", p)
		}
		v[j] = x
	}
	b := bbox{v[0], v[1], v[2], v[3]}
	switch {
	case b.west < -180 || b.west > 180 || b.east < -180 || b.east > 180:
		return bbox{}, errors.New("longitudes must be between -180 and 180")
	case b.south < -90 || b.south > 90 || b.north < -90 || b.north > 90:
		return bbox{}, errors.New("latitudes must be between -90 and 90")
	case b.south > b.north:
		return bbox{}, errors.New("south must not be greater than north")
	}
	return b, nil
}

// contains reports whether c is in the box; a position-less record is not.
func (b bbox) contains(c *dataset.Coordinates) bool {
	if c == nil || c.Lat < b.south || c.Lat > b.north {
		return false
	}
	if b.west <= b.east {
		return c.Lon >= b.west && c.Lon <= b.east
	}
	return c.Lon >= b.west || c.Lon <= b.east // crosses the antimeridian
}
