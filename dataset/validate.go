package dataset

import (
	"fmt"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Problem is one thing wrong with an input: which record, which field, what.
type Problem struct {
	Type    Type   `json:"type"`
	ID      string `json:"id"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	id := p.ID
	if id == "" {
		id = "(no id)"
	}
	return fmt.Sprintf("%s %s: %s: %s", p.Type, id, p.Field, p.Message)
}

// Problems is every problem found in an input. Validation reports them all
// at once so that a curator fixes a file in one pass.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem(s) found:", len(ps))
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

var (
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
	qidPattern     = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	geonamesPat    = regexp.MustCompile(`^[1-9][0-9]*$`)
	nuts3Pattern   = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{3}$`)
	lauPattern     = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{0,19}$`)
)

// MaxIDLength bounds slugs so that they fit in paths, file names and cells.
const MaxIDLength = 100

// IsSlug reports whether s can be the ID of a municipality, network,
// membership, approach or category: runs of lowercase ASCII letters and
// digits joined by single hyphens, ^[a-z0-9]+(?:-[a-z0-9]+)*$, of at most
// MaxIDLength bytes. It scans bytes: matching the regular expression was
// a fifth of validating 100,000 municipalities (issue 18).
func IsSlug(s string) bool {
	if s == "" || len(s) > MaxIDLength {
		return false
	}
	afterHyphen := true // s may not begin with a hyphen
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			afterHyphen = false
		case c == '-' && !afterHyphen:
			afterHyphen = true
		default:
			return false
		}
	}
	return !afterHyphen
}

// IsQID reports whether s is a well-formed Wikidata item ID ("Q64").
func IsQID(s string) bool { return qidPattern.MatchString(s) }

// countryMargin is how far, in degrees, coordinates may lie outside a
// country's bounding box before validation calls them misplaced; boxes are
// coarse, so only gross errors (swapped lat/lon, wrong country) are caught.
const countryMargin = 1.0

type checker struct {
	problems Problems
	// langTags holds the verdict on each language tag met: parsing a tag
	// cost a tenth of validating 100,000 municipalities, which use a
	// handful of tags (issue 18).
	langTags map[string]error
}

// langTag is checkLangTag, asked once per distinct tag.
func (c *checker) langTag(tag string) error {
	err, ok := c.langTags[tag]
	if !ok {
		if c.langTags == nil {
			c.langTags = map[string]error{}
		}
		err = checkLangTag(tag)
		c.langTags[tag] = err
	}
	return err
}

func (c *checker) add(t Type, id, field, format string, args ...any) {
	c.problems = append(c.problems, Problem{Type: t, ID: id, Field: field, Message: fmt.Sprintf(format, args...)})
}

// checkParts runs check on each of xs, on every core for a large
// collection: each part of xs has its own checker, and their problems
// are added to c in the order of xs, as checking them in turn would.
func checkParts[T any](c *checker, xs []T, check func(c *checker, i int, x *T)) {
	n := runtime.GOMAXPROCS(0)
	if n == 1 || len(xs) < 4096 {
		for i := range xs {
			check(c, i, &xs[i])
		}
		return
	}
	parts := make([]checker, n)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(xs)/n, (p+1)*len(xs)/n
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				check(&parts[p], i, &xs[i])
			}
		})
	}
	wg.Wait()
	for _, p := range parts {
		c.problems = append(c.problems, p.problems...)
	}
}

// Validate checks d as a whole, the records against each other included,
// and returns Problems (sorted by type, ID and field) or nil.
func (d *Dataset) Validate() error {
	c := &checker{}
	ids := map[Type]map[string]bool{
		TypeCountry:      make(map[string]bool, len(d.Countries)),
		TypeCategory:     make(map[string]bool, len(d.Categories)),
		TypeNetwork:      make(map[string]bool, len(d.Networks)),
		TypeMunicipality: make(map[string]bool, len(d.Municipalities)),
		TypeMembership:   make(map[string]bool, len(d.Memberships)),
		TypeApproach:     make(map[string]bool, len(d.Approaches)),
	}
	for _, t := range Types {
		if ids[t] == nil {
			ids[t] = map[string]bool{}
		}
	}
	seen := func(t Type, id string, valid func(string) bool, want string) {
		switch {
		case id == "":
			c.add(t, id, "id", "missing")
		case !valid(id):
			c.add(t, id, "id", "%q is not %s", id, want)
		case ids[t][id]:
			c.add(t, id, "id", "duplicate ID")
		}
		ids[t][id] = true
	}
	for _, x := range d.Countries {
		seen(TypeCountry, x.ID, countryPattern.MatchString, "an ISO 3166-1 alpha-2 code in upper case")
	}
	for _, x := range d.Categories {
		seen(TypeCategory, x.ID, IsSlug, "a lowercase slug")
	}
	for _, x := range d.Networks {
		seen(TypeNetwork, x.ID, IsSlug, "a lowercase slug")
	}
	for _, x := range d.Municipalities {
		seen(TypeMunicipality, x.ID, IsSlug, "a lowercase slug")
	}
	for _, x := range d.Memberships {
		seen(TypeMembership, x.ID, IsSlug, "a lowercase slug")
	}
	for _, x := range d.Approaches {
		seen(TypeApproach, x.ID, IsSlug, "a lowercase slug")
	}
	// refIn checks a reference for the checker c of a part of the
	// records (see checkParts); ref for the whole.
	refIn := func(c *checker, t Type, id, field string, to Type, target string) {
		if target == "" {
			c.add(t, id, field, "missing")
		} else if !ids[to][target] {
			c.add(t, id, field, "refers to unknown %s %q", to, target)
		}
	}
	ref := func(t Type, id, field string, to Type, target string) { refIn(c, t, id, field, to, target) }

	countries := map[string]*Country{}
	for i := range d.Countries {
		x := &d.Countries[i]
		countries[x.ID] = x
		c.names(TypeCountry, x.ID, "names", x.Names)
		c.origins(TypeCountry, x.ID, "names", Text(x.Names), x.NamesOrigin)
		c.qid(TypeCountry, x.ID, "wikidata", x.Wikidata)
		if b := x.BBox; b != nil && (b.South > b.North || b.South < -90 || b.North > 90 || b.West < -180 || b.East > 180) {
			c.add(TypeCountry, x.ID, "bbox", "not a valid WGS84 bounding box")
		}
		c.checkCountryContent(x.ID, x.CountryContent)
		c.sources(TypeCountry, x.ID, x.Sources)
		c.stamps(TypeCountry, x.ID, x.Stamps)
	}
	for _, x := range d.Categories {
		c.text(TypeCategory, x.ID, "labels", x.Labels, true)
		c.origins(TypeCategory, x.ID, "labels", x.Labels, x.LabelsOrigin)
		c.text(TypeCategory, x.ID, "definitions", x.Definitions, false)
		c.origins(TypeCategory, x.ID, "definitions", x.Definitions, x.DefinitionsOrigin)
		c.slugAliases(TypeCategory, x.ID, x.Aliases)
		c.sources(TypeCategory, x.ID, x.Sources)
		c.stamps(TypeCategory, x.ID, x.Stamps)
	}
	for _, x := range d.Networks {
		c.names(TypeNetwork, x.ID, "names", x.Names)
		c.aliases(TypeNetwork, x.ID, x.Aliases)
		switch x.Scope {
		case ScopeNational, ScopeEuropean, ScopeInternational:
		default:
			c.add(TypeNetwork, x.ID, "scope", "%q is not one of national, european, international", x.Scope)
		}
		for i, cc := range x.Countries {
			ref(TypeNetwork, x.ID, fmt.Sprintf("countries[%d]", i), TypeCountry, cc)
		}
		c.url(TypeNetwork, x.ID, "website", x.Website)
		c.qid(TypeNetwork, x.ID, "wikidata", x.Wikidata)
		c.year(TypeNetwork, x.ID, "founded", x.Founded)
		c.text(TypeNetwork, x.ID, "description", x.Description, false)
		c.origins(TypeNetwork, x.ID, "description", x.Description, x.DescriptionOrigin)
		c.sources(TypeNetwork, x.ID, x.Sources)
		c.stamps(TypeNetwork, x.ID, x.Stamps)
	}
	// Municipalities and memberships are most of a dataset: their checks
	// run on every core (issue 18). Whether a municipality's Wikidata
	// item is another's, by index, is found first, in turn.
	var dupQID map[int]string
	qids := make(map[string]string, len(d.Municipalities))
	for i, x := range d.Municipalities {
		if x.Wikidata != "" {
			if other, dup := qids[x.Wikidata]; dup {
				if dupQID == nil {
					dupQID = map[int]string{}
				}
				dupQID[i] = other
			}
			qids[x.Wikidata] = x.ID
		}
	}
	checkParts(c, d.Municipalities, func(c *checker, i int, x *Municipality) {
		t, id := TypeMunicipality, x.ID
		switch x.Kind {
		case "", KindMunicipality, KindMunicipalAssociation, KindDistrict, KindUncertain:
		default:
			c.add(t, id, "kind", "%q is not one of municipality, municipal-association, district, uncertain", x.Kind)
		}
		c.names(t, id, "names", x.Names)
		c.aliases(t, id, x.Aliases)
		refIn(c, t, id, "country", TypeCountry, x.Country)
		if p := x.Coordinates; p != nil {
			switch {
			case p.Lat < -90 || p.Lat > 90:
				c.add(t, id, "coordinates.lat", "%v is out of range [-90, 90]", p.Lat)
			case p.Lon < -180 || p.Lon > 180:
				c.add(t, id, "coordinates.lon", "%v is out of range [-180, 180]", p.Lon)
			default:
				if cn := countries[x.Country]; cn != nil && cn.BBox != nil && !cn.BBox.Contains(*p, countryMargin) {
					c.add(t, id, "coordinates", "(%v, %v) lies far outside %s", p.Lat, p.Lon, x.Country)
				}
			}
		}
		c.qid(t, id, "wikidata", x.Wikidata)
		if other, dup := dupQID[i]; dup {
			c.add(t, id, "wikidata", "%s is already the Wikidata item of municipality %q", x.Wikidata, other)
		}
		for i, q := range x.WikidataCandidates {
			c.qid(t, id, fmt.Sprintf("wikidata_candidates[%d]", i), q)
		}
		if x.GeoNames != "" && !geonamesPat.MatchString(x.GeoNames) {
			c.add(t, id, "geonames", "%q is not a GeoNames ID (digits)", x.GeoNames)
		}
		if x.LAU != "" && !lauPattern.MatchString(x.LAU) {
			c.add(t, id, "lau", "%q is not a Eurostat LAU code", x.LAU)
		}
		if x.NUTS3 != "" && !nuts3Pattern.MatchString(x.NUTS3) {
			c.add(t, id, "nuts3", "%q is not a NUTS-3 code (2 letters and 3 characters)", x.NUTS3)
		}
		if x.OSMRelation < 0 {
			c.add(t, id, "osm_relation", "%d is not an OpenStreetMap relation ID", x.OSMRelation)
		}
		if p := x.Population; p != nil {
			if p.Value < 0 {
				c.add(t, id, "population.value", "must not be negative")
			}
			c.year(t, id, "population.year", p.Year)
			if p.Year == 0 {
				c.add(t, id, "population.year", "missing: a population needs its reference year")
			}
			c.url(t, id, "population.source", p.Source)
		}
		c.text(t, id, "summary", x.Summary, false)
		c.origins(t, id, "summary", x.Summary, x.SummaryOrigin)
		c.cityContent(id, &x.CityContent)
		c.url(t, id, "website", x.Website)
		c.sources(t, id, x.Sources)
		switch x.Status {
		case StatusActive, StatusWithdrawn, StatusUnknown:
		default:
			c.add(t, id, "status", "%q is not one of active, withdrawn, unknown", x.Status)
		}
		c.stamps(t, id, x.Stamps)
	})
	checkParts(c, d.Memberships, func(c *checker, _ int, x *Membership) {
		t, id := TypeMembership, x.ID
		refIn(c, t, id, "municipality", TypeMunicipality, x.Municipality)
		refIn(c, t, id, "network", TypeNetwork, x.Network)
		if !x.Since.IsZero() && !x.Until.IsZero() && x.Until.Before(x.Since) {
			c.add(t, id, "until", "%s is before since %s", x.Until, x.Since)
		}
		if !x.Attested.IsZero() && !x.Since.IsZero() {
			c.add(t, id, "attested", "is only given when since is unknown (since is %s)", x.Since)
		}
		if !x.Attested.IsZero() && !x.Until.IsZero() && x.Until.Before(x.Attested) {
			c.add(t, id, "until", "%s is before attested %s", x.Until, x.Attested)
		}
		if x.Source != nil {
			c.source(t, id, "source", *x.Source)
		}
		c.stamps(t, id, x.Stamps)
	})
	for _, x := range d.Approaches {
		t, id := TypeApproach, x.ID
		c.text(t, id, "title", x.Title, true)
		c.origins(t, id, "title", x.Title, x.TitleOrigin)
		c.slugAliases(t, id, x.Aliases)
		ref(t, id, "municipality", TypeMunicipality, x.Municipality)
		if len(x.Categories) == 0 {
			c.add(t, id, "categories", "an approach needs at least one category")
		}
		for i, cat := range x.Categories {
			ref(t, id, fmt.Sprintf("categories[%d]", i), TypeCategory, cat)
		}
		c.text(t, id, "summary", x.Summary, false)
		c.origins(t, id, "summary", x.Summary, x.SummaryOrigin)
		c.checkApproachContent(id, x.ApproachContent)
		c.year(t, id, "year_started", x.YearStarted)
		switch x.Status {
		case ApproachActive, ApproachEnded, ApproachUnknown:
		default:
			c.add(t, id, "status", "%q is not one of active, ended, unknown", x.Status)
		}
		for i, r := range x.Related {
			ref(t, id, fmt.Sprintf("related[%d]", i), TypeApproach, r)
			if r == id {
				c.add(t, id, fmt.Sprintf("related[%d]", i), "an approach cannot relate to itself")
			}
		}
		c.sources(t, id, x.Sources)
		c.stamps(t, id, x.Stamps)
	}
	retired := map[Type]map[string]bool{}
	for _, r := range d.Retired {
		if _, ok := ParseType(string(r.Type)); !ok || r.Type != Type(strings.ToLower(string(r.Type))) {
			c.add(r.Type, r.ID, "type", "%q is not an entity type", r.Type)
			continue
		}
		if retired[r.Type] == nil {
			retired[r.Type] = map[string]bool{}
		}
		switch {
		case r.ID == "":
			c.add(r.Type, r.ID, "id", "missing")
		case retired[r.Type][r.ID]:
			c.add(r.Type, r.ID, "id", "retired twice")
		case ids[r.Type][r.ID]:
			c.add(r.Type, r.ID, "id", "retired IDs are never reused, but a record has this ID")
		}
		retired[r.Type][r.ID] = true
		if strings.TrimSpace(r.Reason) == "" {
			c.add(r.Type, r.ID, "reason", "missing: a tombstone says why the ID was retired")
		}
	}
	// A successor may itself be retired since (renamed again, or removed):
	// tombstones are never rewritten, and Snapshot.Retirement follows the
	// chain to where it ends.
	for _, r := range d.Retired {
		if r.ReplacedBy != "" && !ids[r.Type][r.ReplacedBy] && !retired[r.Type][r.ReplacedBy] {
			c.add(r.Type, r.ID, "replaced_by", "refers to unknown %s %q", r.Type, r.ReplacedBy)
		}
	}
	if len(c.problems) == 0 {
		return nil
	}
	sort.SliceStable(c.problems, func(i, j int) bool {
		a, b := c.problems[i], c.problems[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Field < b.Field
	})
	return c.problems
}

func (c *checker) names(t Type, id, field string, n Names) {
	if strings.TrimSpace(n["en"]) == "" {
		c.add(t, id, field+".en", "missing: an English name is required")
	}
	for _, lang := range n.Langs() {
		if err := c.langTag(lang); err != nil {
			c.add(t, id, field, "%v", err)
		} else if strings.TrimSpace(n[lang]) == "" || n[lang] != strings.TrimSpace(n[lang]) {
			c.add(t, id, field+"."+lang, "empty or padded with white space")
		} else {
			c.chars(t, id, field+"."+lang, n[lang], false)
		}
	}
}

// slugAliases checks the aliases of a type whose aliases are other slugs
// of the record (categories, approaches).
func (c *checker) slugAliases(t Type, id string, as []string) {
	for i, a := range as {
		if !IsSlug(a) {
			c.add(t, id, fmt.Sprintf("aliases[%d]", i), "%q is not a lowercase slug", a)
		}
	}
}

func (c *checker) aliases(t Type, id string, as []Alias) {
	for i, a := range as {
		f := fmt.Sprintf("aliases[%d]", i)
		if err := c.langTag(a.Lang); err != nil {
			c.add(t, id, f+".lang", "%v", err)
		}
		if strings.TrimSpace(a.Name) == "" {
			c.add(t, id, f+".name", "missing")
		}
		c.chars(t, id, f+".name", a.Name, false)
	}
}

func (c *checker) text(t Type, id, field string, tx Text, required bool) {
	if required && strings.TrimSpace(tx["en"]) == "" {
		c.add(t, id, field+".en", "missing: English is required")
	}
	if !required && len(tx) > 0 && strings.TrimSpace(tx["en"]) == "" {
		c.add(t, id, field+".en", "missing: a text in other languages needs an English version")
	}
	for _, lang := range tx.Langs() {
		if !IsPlatformLanguage(lang) {
			c.add(t, id, field, "language %q is not one of the platform's languages (%s)", lang, strings.Join(Languages, ", "))
		}
		c.chars(t, id, field+"."+lang, tx[lang], true)
	}
}

// origins checks the origins of a text: each for a language the text has,
// each a known origin, and no English text a translation (translations
// are of the English text).
func (c *checker) origins(t Type, id, field string, tx Text, o Origins) {
	for _, lang := range o.Langs() {
		key := field + "_origin." + lang
		switch {
		case tx[lang] == "":
			c.add(t, id, key, "origin given for a language the %s does not have", field)
		case !slices.Contains(TextOrigins, o[lang]):
			c.add(t, id, key, "unknown origin %q (one of platform, own, translation)", o[lang])
		case lang == "en" && o[lang] == OriginTranslation:
			c.add(t, id, key, "the English text cannot be a translation: translations are of it")
		}
	}
}

// chars refuses what no output can carry (issue 16, item 3): bytes that
// are not UTF-8, the control characters U+0000–U+001F (but tab, line feed
// and carriage return in multi-line texts) and the noncharacters U+FFFE
// and U+FFFF, none of which XML 1.0, and so RDF/XML, may hold.
func (c *checker) chars(t Type, id, field, s string, multiline bool) {
	if r, at, ok := BadChar(s, multiline); ok {
		if r == utf8.RuneError {
			c.add(t, id, field, "invalid UTF-8 at byte %d", at)
		} else {
			c.add(t, id, field, "character %U at byte %d is not allowed", r, at)
		}
	}
}

// BadChar returns the first character of s that a text may not hold, and
// its byte offset; utf8.RuneError stands for invalid UTF-8.
func BadChar(s string, multiline bool) (rune, int, bool) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return r, i, true
			}
		case r == '\t' || r == '\n' || r == '\r':
			if !multiline {
				return r, i, true
			}
		case r < 0x20, r == 0xFFFE, r == 0xFFFF:
			return r, i, true
		}
	}
	return 0, 0, false
}

func (c *checker) qid(t Type, id, field, q string) {
	if q != "" && !IsQID(q) {
		c.add(t, id, field, "%q is not a Wikidata item ID (Q followed by digits)", q)
	}
}

func (c *checker) year(t Type, id, field string, y int) {
	if y != 0 && (y < 1000 || y > 2999) {
		c.add(t, id, field, "%d is not a plausible year", y)
	}
}

func (c *checker) url(t Type, id, field, s string) {
	if s == "" {
		return
	}
	if err := CheckURL(s); err != nil {
		c.add(t, id, field, "%v", err)
	}
}

// plainURL reports whether s is an http(s) URL of the plainest form: a
// host of letters, digits, dots and hyphens (no port, no user), then
// nothing or a path and query of characters that url.Parse takes as they
// are (no percent sign, no fragment, nothing CheckURL refuses). Such a
// URL passes CheckURL's checks, and most stored URLs are such: parsing
// each was a tenth of start-up's CPU at 100k municipalities (issue 18).
// Anything else is left to url.Parse; TestPlainURL holds the two to
// the same verdict.
func plainURL(s string) bool {
	var rest string
	switch {
	case strings.HasPrefix(s, "https://"):
		rest = s[len("https://"):]
	case strings.HasPrefix(s, "http://"):
		rest = s[len("http://"):]
	default:
		return false
	}
	i := 0
	for i < len(rest) && isHostByte(rest[i]) {
		i++
	}
	if i == 0 || (i < len(rest) && rest[i] != '/') {
		return false
	}
	for ; i < len(rest); i++ {
		if !isPathByte(rest[i]) {
			return false
		}
	}
	return true
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// isPathByte: RFC 3986's unreserved and sub-delims characters, with
// '/', ':', '@', '?' and '='.
func isPathByte(c byte) bool {
	if isHostByte(c) {
		return true
	}
	switch c {
	case '_', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?':
		return true
	}
	return false
}

func (c *checker) sources(t Type, id string, ss []Source) {
	for i, s := range ss {
		c.source(t, id, fmt.Sprintf("sources[%d]", i), s)
	}
}

func (c *checker) source(t Type, id, field string, s Source) {
	if s.URL == "" {
		c.add(t, id, field+".url", "missing")
	} else {
		c.url(t, id, field+".url", s.URL)
	}
	if !s.Accessed.IsZero() && s.Accessed.Precision != PrecisionDay {
		c.add(t, id, field+".accessed", "%q: an access date must be a full date (YYYY-MM-DD)", s.Accessed)
	}
}

func (c *checker) stamps(t Type, id string, s Stamps) {
	if !s.Created.IsZero() && !s.Modified.IsZero() && s.Modified.Before(s.Created) {
		c.add(t, id, "modified", "is before created")
	}
}

// CheckURL reports why s is not an absolute http(s) URL, or nil.
func CheckURL(s string) error {
	if plainURL(s) {
		return nil
	}
	return parseURL(s)
}

// parseURL is CheckURL for any s.
func parseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a URL", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	if u.Host == "" {
		return fmt.Errorf("%q has no host", s)
	}
	if strings.ContainsAny(s, " \t\n\"<>") {
		return fmt.Errorf("%q contains characters a URL cannot hold unescaped", s)
	}
	return nil
}
