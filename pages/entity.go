package pages

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
	"github.com/moving-cities/opendata/vocab"
)

// entityView is an entity page.
type entityView struct {
	Type, TypeLabel string
	HomeHref        string
	Browse          *link
	Heading         LText
	Subtitle        []Value
	Badges          []badge
	Lead            *LText
	Texts           []textBlock // rich texts of their own (content.go)
	// Case is a municipality's case-study content (citycontent.go).
	Case *caseStudyView
	// Blocks are the quotes and sections of a municipality's case study
	// or of an approach (citycontent.go).
	Blocks            *blocksView
	Facts             []fact
	Sections          []section
	Sources           []sourceView
	Map               *locatorView
	IRI               string
	Modified, Created Value
	Formats           []Alternate
	// Profile is the municipality's printable profile (PDF).
	Profile   *link
	APIHref   string
	VocabHref string
}

type sourceView struct{ URL, Title, Host, Accessed, Note string }

// Entity answers r with the HTML page of entity t/id of snap: every
// property labelled from the vocabulary, the links to Wikidata and the
// other identifiers, its memberships, members or approaches, its
// sources, when it last changed, its other formats (as links and as
// <link rel="alternate">) and a schema.org description in JSON-LD.
//
// The caller serves the entity's document URL (/{types}/{id}) and has
// chosen HTML by content negotiation; it answers renamed and removed IDs
// itself. Entity returns ErrNotFound, having written nothing, when snap
// has no such entity. It sets Vary: Accept-Language; the caller adds
// Vary: Accept.
func (p *Pages) Entity(w http.ResponseWriter, r *http.Request, view *query.View, t dataset.Type, id string) error {
	if view == nil {
		return ErrNotFound
	}
	snap := view.Snap
	c := p.newCtx(r)
	ev, ld, ok := c.entity(snap, t, id)
	if !ok {
		return ErrNotFound
	}
	v := c.page(ev.Heading.Text, "browse")
	v.Content = ev
	v.Alternates = ev.Formats
	v.Canonical = p.cfg.BaseURI + docPath(t, id)
	v.JSONLD = ld
	if ev.Lead != nil {
		v.Description = markdown.Plain(ev.Lead.Text)
	}
	return p.write(w, r, c, "entity", v)
}

// ProfilePath is the path of the printable profile (PDF) of municipality
// id; the service makes it in the language ?lang= names.
func ProfilePath(id string) string { return docPath(dataset.TypeMunicipality, id) + "/profile.pdf" }

// docPath is the path of an entity's document.
func docPath(t dataset.Type, id string) string {
	return "/" + t.Plural() + "/" + url.PathEscape(id)
}

// entity builds the page and the JSON-LD of entity t/id.
func (c *ctx) entity(snap *dataset.Snapshot, t dataset.Type, id string) (*entityView, any, bool) {
	if snap == nil {
		return nil, nil, false
	}
	ev := &entityView{
		Type: string(t), TypeLabel: c.typeLabel(t), HomeHref: c.href("/", nil),
		IRI:       vocab.EntityIRI(c.p.cfg.BaseURI, t, id),
		APIHref:   c.href("/docs", nil),
		VocabHref: c.href("/vocab", nil),
	}
	if t != dataset.TypeMembership {
		ev.Browse = &link{Label: c.typePlural(t), Href: c.href("/browse/"+t.Plural(), nil)}
	}
	for _, f := range c.p.cfg.Formats {
		ev.Formats = append(ev.Formats, Alternate{Label: f.Label, MediaType: f.MediaType, Href: docPath(t, id) + f.Suffix})
	}
	var ld any
	var stamps dataset.Stamps
	switch t {
	case dataset.TypeMunicipality:
		m, ok := snap.Municipality(id)
		if !ok {
			return nil, nil, false
		}
		c.municipality(ev, snap, m)
		stamps, ld = m.Stamps, c.municipalityLD(snap, m)
	case dataset.TypeNetwork:
		n, ok := snap.Network(id)
		if !ok {
			return nil, nil, false
		}
		c.network(ev, snap, n)
		stamps, ld = n.Stamps, c.networkLD(n)
	case dataset.TypeApproach:
		a, ok := snap.Approach(id)
		if !ok {
			return nil, nil, false
		}
		c.approach(ev, snap, a)
		stamps, ld = a.Stamps, c.approachLD(snap, a)
	case dataset.TypeCategory:
		k, ok := snap.Category(id)
		if !ok {
			return nil, nil, false
		}
		c.category(ev, snap, k)
		stamps, ld = k.Stamps, c.categoryLD(k)
	case dataset.TypeCountry:
		k, ok := snap.Country(id)
		if !ok {
			return nil, nil, false
		}
		c.country(ev, snap, k)
		stamps, ld = k.Stamps, c.countryLD(k)
	case dataset.TypeMembership:
		m, ok := snap.Membership(id)
		if !ok {
			return nil, nil, false
		}
		c.membership(ev, snap, m)
		stamps, ld = m.Stamps, c.membershipLD(snap, m)
	default:
		return nil, nil, false
	}
	ev.Modified, ev.Created = dateValue(stamps.Modified), dateValue(stamps.Created)
	if f := c.fact(t, "modified", ev.Modified); f != nil && !stamps.Modified.IsZero() {
		ev.Facts = append(ev.Facts, *f)
	}
	return ev, ld, true
}

// facts appends the non-nil facts.
func (ev *entityView) facts(fs ...*fact) {
	for _, f := range fs {
		if f != nil {
			ev.Facts = append(ev.Facts, *f)
		}
	}
}

func (c *ctx) sources(srcs []dataset.Source) []sourceView {
	out := make([]sourceView, 0, len(srcs))
	for _, s := range srcs {
		out = append(out, sourceView{URL: s.URL, Title: s.Title, Host: hostOf(s.URL), Accessed: s.Accessed.String(), Note: s.Note})
	}
	return out
}

// Links to records and to other sites.

func (c *ctx) entityHref(t dataset.Type, id string) string { return c.href(docPath(t, id), nil) }

func (c *ctx) countryValue(snap *dataset.Snapshot, code string) Value {
	k, ok := snap.Country(code)
	if !ok {
		return Value{Text: code, Code: true}
	}
	v := c.name(k.Names, k.ID).value()
	v.Href = c.entityHref(dataset.TypeCountry, k.ID)
	return v
}

func (c *ctx) municipalityValue(snap *dataset.Snapshot, id string) Value {
	m, ok := snap.Municipality(id)
	if !ok {
		return Value{Text: id, Code: true}
	}
	v := c.name(m.Names, m.ID).value()
	v.Href = c.entityHref(dataset.TypeMunicipality, m.ID)
	return v
}

func (c *ctx) networkValue(snap *dataset.Snapshot, id string) Value {
	n, ok := snap.Network(id)
	if !ok {
		return Value{Text: id, Code: true}
	}
	v := c.name(n.Names, n.ID).value()
	v.Href = c.entityHref(dataset.TypeNetwork, n.ID)
	return v
}

func (c *ctx) categoryValue(snap *dataset.Snapshot, id string) Value {
	k, ok := snap.Category(id)
	if !ok {
		return Value{Text: id, Code: true}
	}
	v := c.text(k.Labels).value() // a link: the category's page says where its label came from
	v.Href = c.entityHref(dataset.TypeCategory, k.ID)
	return v
}

func (c *ctx) approachValue(snap *dataset.Snapshot, id string) Value {
	a, ok := snap.Approach(id)
	if !ok {
		return Value{Text: id, Code: true}
	}
	v := c.text(a.Title).value() // a link: the approach's page says where its title came from
	v.Href = c.entityHref(dataset.TypeApproach, a.ID)
	return v
}

func wikidataValue(qid string) Value {
	if qid == "" {
		return Value{}
	}
	return Value{Text: qid, Href: "https://www.wikidata.org/wiki/" + url.PathEscape(qid), Code: true, Note: "Wikidata"}
}

func idValue(id string) Value { return Value{Text: id, Code: true} }

func urlValue(u string) Value {
	if u == "" {
		return Value{}
	}
	return Value{Text: strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), "/"), Href: u}
}

// namesValues lists a thing's names, one per language, platform
// languages first.
func (c *ctx) namesValues(n map[string]string) []Value {
	var out []Value
	for _, l := range vocab.LangOrder(n) {
		out = append(out, Value{Text: n[l], Attr: c.attr(l), Tag: l})
	}
	return out
}

func (c *ctx) aliasValues(as []dataset.Alias) []Value {
	var out []Value
	for _, a := range as {
		out = append(out, Value{Text: a.Name, Attr: c.attr(a.Lang), Tag: a.Lang})
	}
	return out
}

// The pages of each type.

func (c *ctx) municipality(ev *entityView, snap *dataset.Snapshot, m *dataset.Municipality) {
	t := dataset.TypeMunicipality
	ev.Heading = c.name(m.Names, m.ID)
	if m.Kind != "" && m.Kind != dataset.KindMunicipality {
		ev.Subtitle = append(ev.Subtitle, c.code(vocab.Kinds, string(m.Kind)))
	}
	ev.Subtitle = append(ev.Subtitle, c.countryValue(snap, m.Country))
	if m.Featured {
		ev.Badges = append(ev.Badges, badge{Text: c.t("badge.featured"), Class: "featured"})
	}
	if m.Status == dataset.StatusWithdrawn {
		ev.Badges = append(ev.Badges, badge{Text: c.t("badge.withdrawn"), Class: "withdrawn"})
	}
	if m.Status == dataset.StatusUnknown {
		ev.Badges = append(ev.Badges, badge{Text: c.t("badge.unknown"), Class: "withdrawn"})
	}
	ev.Lead = c.optTextFrom(m.Summary, m.SummaryOrigin)
	ev.Case = c.caseStudy(m)
	ev.Blocks = c.blocks(m.Blocks, m.ContentOrigin)
	ev.Profile = &link{Label: c.t("entity.profile"), Href: ProfilePath(m.ID) + "?lang=" + c.lang}

	var lat, lon Value
	if p := m.Coordinates; p != nil {
		lat = Value{Text: strconv.FormatFloat(p.Lat, 'f', -1, 64)}
		lon = Value{Text: strconv.FormatFloat(p.Lon, 'f', -1, 64)}
		ev.Map = c.locator(m, p)
	}
	var pop, popYear, popSource Value
	if p := m.Population; p != nil {
		pop = Value{Text: printerFor(c.lang).Sprintf("%d", p.Value)}
		if p.Year != 0 {
			popYear = Value{Text: strconv.Itoa(p.Year)}
		}
		if p.Source != "" {
			popSource = Value{Text: hostOf(p.Source), Href: p.Source}
		}
	}
	var geonames, osm Value
	if m.GeoNames != "" {
		geonames = Value{Text: m.GeoNames, Code: true, Href: "https://www.geonames.org/" + url.PathEscape(m.GeoNames)}
	}
	if m.OSMRelation != 0 {
		id := strconv.FormatInt(m.OSMRelation, 10)
		osm = Value{Text: id, Code: true, Href: "https://www.openstreetmap.org/relation/" + id}
	}
	featured := Value{Text: c.t("no")}
	if m.Featured {
		featured = Value{Text: c.t("yes")}
	}
	ev.facts(
		c.fact(t, "id", idValue(m.ID)),
		c.fact(t, "kind", c.code(vocab.Kinds, string(m.Kind))),
		c.fact(t, "names", c.namesValues(m.Names)...),
		c.fact(t, "aliases", c.aliasValues(m.Aliases)...),
		c.fact(t, "country", c.countryValue(snap, m.Country)),
		c.fact(t, "coordinates.lat", lat),
		c.fact(t, "coordinates.lon", lon),
		c.fact(t, "wikidata", wikidataValue(m.Wikidata)),
		c.fact(t, "geonames", geonames),
		c.fact(t, "lau", Value{Text: m.LAU, Code: true}),
		c.fact(t, "nuts3", Value{Text: m.NUTS3, Code: true}),
		c.fact(t, "osm_relation", osm),
		c.fact(t, "population", pop),
		c.fact(t, "population.year", popYear),
		c.fact(t, "population.source", popSource),
		c.fact(t, "featured", featured),
		c.fact(t, "website", urlValue(m.Website)),
		c.fact(t, "status", c.code(vocab.Statuses, string(m.Status))),
	)

	// Memberships, with their dates and sources.
	ms := snap.MembershipsOf(m.ID)
	sec := section{ID: "memberships", Heading: c.t("entity.memberships"), Count: len(ms), Empty: c.t("entity.nomemberships")}
	if len(ms) > 0 {
		tb := &table{Caption: c.t("entity.memberships.caption")}
		nl, _ := c.label(dataset.TypeMembership, "network")
		sl, _ := c.label(dataset.TypeMembership, "since")
		ul, _ := c.label(dataset.TypeMembership, "until")
		srcl, _ := c.label(dataset.TypeMembership, "source")
		tb.Head = []string{nl, sl, ul, srcl}
		rows := slices.Clone(ms)
		slices.SortStableFunc(rows, func(a, b *dataset.Membership) int {
			return strings.Compare(dataset.Fold(c.networkValue(snap, a.Network).Text), dataset.Fold(c.networkValue(snap, b.Network).Text))
		})
		for _, x := range rows {
			tb.Rows = append(tb.Rows, []cell{
				{nl, []Value{c.networkValue(snap, x.Network)}},
				{sl, []Value{c.sinceValue(x)}},
				{ul, []Value{partialDate(x.Until, c.t("date.none"))}},
				{srcl, c.membershipSource(x)},
			})
		}
		sec.Table = tb
	}
	ev.Sections = append(ev.Sections, sec)

	// Approaches, with their categories.
	as := snap.ApproachesOf(m.ID)
	asec := section{ID: "approaches", Heading: c.typePlural(dataset.TypeApproach), Count: len(as), Empty: c.t("entity.noapproaches")}
	for _, a := range as {
		asec.Items = append(asec.Items, c.approachItem(snap, a, false))
	}
	sortItems(asec.Items)
	ev.Sections = append(ev.Sections, asec)
	ev.Sources = c.sources(m.Sources)
}

// membershipSource is a membership's source as a cell: a link, and a
// link to the membership's own page.
func (c *ctx) membershipSource(x *dataset.Membership) []Value {
	var out []Value
	if x.Source != nil && x.Source.URL != "" {
		title := x.Source.Title
		if title == "" {
			title = hostOf(x.Source.URL)
		}
		out = append(out, Value{Text: title, Href: x.Source.URL})
	}
	out = append(out, Value{Text: c.t("entity.record"), Href: c.entityHref(dataset.TypeMembership, x.ID)})
	return out
}

func (c *ctx) network(ev *entityView, snap *dataset.Snapshot, n *dataset.Network) {
	t := dataset.TypeNetwork
	ev.Heading = c.name(n.Names, n.ID)
	ev.Subtitle = append(ev.Subtitle, c.code(vocab.Scopes, string(n.Scope)))
	if n.Founded != 0 {
		ev.Subtitle = append(ev.Subtitle, Value{Text: c.tf("entity.founded", strconv.Itoa(n.Founded))})
	}
	ev.Lead = c.optTextFrom(n.Description, n.DescriptionOrigin)
	var countries []Value
	for _, k := range n.Countries {
		countries = append(countries, c.countryValue(snap, k))
	}
	founded := Value{}
	if n.Founded != 0 {
		founded = Value{Text: strconv.Itoa(n.Founded)}
	}
	ev.facts(
		c.fact(t, "id", idValue(n.ID)),
		c.fact(t, "names", c.namesValues(n.Names)...),
		c.fact(t, "aliases", c.aliasValues(n.Aliases)...),
		c.fact(t, "scope", c.code(vocab.Scopes, string(n.Scope))),
		inline(c.fact(t, "countries", countries...)),
		c.fact(t, "website", urlValue(n.Website)),
		c.fact(t, "wikidata", wikidataValue(n.Wikidata)),
		c.fact(t, "founded", founded),
	)
	ms := snap.MembersOf(n.ID)
	sec := section{ID: "members", Heading: c.t("entity.members"), Count: len(ms), Empty: c.t("entity.nomembers")}
	if len(ms) > 0 {
		tb := &table{Caption: c.t("entity.members.caption")}
		ml, _ := c.label(dataset.TypeMembership, "municipality")
		cl, _ := c.label(dataset.TypeMunicipality, "country")
		sl, _ := c.label(dataset.TypeMembership, "since")
		ul, _ := c.label(dataset.TypeMembership, "until")
		srcl, _ := c.label(dataset.TypeMembership, "source")
		tb.Head = []string{ml, cl, sl, ul, srcl}
		type row struct {
			key string
			r   []cell
		}
		var rows []row
		for _, x := range ms {
			mv := c.municipalityValue(snap, x.Municipality)
			country := Value{}
			if m, ok := snap.Municipality(x.Municipality); ok {
				country = c.countryValue(snap, m.Country)
			}
			rows = append(rows, row{dataset.Fold(mv.Text), []cell{
				{ml, []Value{mv}}, {cl, []Value{country}},
				{sl, []Value{c.sinceValue(x)}},
				{ul, []Value{partialDate(x.Until, c.t("date.none"))}},
				{srcl, c.membershipSource(x)},
			}})
		}
		slices.SortStableFunc(rows, func(a, b row) int { return strings.Compare(a.key, b.key) })
		for _, r := range rows {
			tb.Rows = append(tb.Rows, r.r)
		}
		sec.Table = tb
		sec.More = &link{Label: c.t("entity.members.browse"), Href: c.href("/browse/municipalities", url.Values{"network": {n.ID}})}
	}
	ev.Sections = append(ev.Sections, sec)
	ev.Sources = c.sources(n.Sources)
}

func (c *ctx) approach(ev *entityView, snap *dataset.Snapshot, a *dataset.Approach) {
	t := dataset.TypeApproach
	ev.Heading = c.textFrom(a.Title, a.TitleOrigin)
	ev.Subtitle = append(ev.Subtitle, c.municipalityValue(snap, a.Municipality))
	if a.YearStarted != 0 {
		ev.Subtitle = append(ev.Subtitle, Value{Text: c.tf("entity.since", strconv.Itoa(a.YearStarted))})
	}
	ev.Lead = c.optTextFrom(a.Summary, a.SummaryOrigin)
	ev.Blocks = c.blocks(a.Blocks, a.BlocksOrigin)
	var cats, related []Value
	for _, k := range a.Categories {
		cats = append(cats, c.categoryValue(snap, k))
	}
	for _, r := range a.Related {
		related = append(related, c.approachValue(snap, r))
	}
	year := Value{}
	if a.YearStarted != 0 {
		year = Value{Text: strconv.Itoa(a.YearStarted)}
	}
	var aliases []Value
	for _, s := range a.Aliases {
		aliases = append(aliases, Value{Text: s, Code: true})
	}
	ev.facts(
		c.fact(t, "id", idValue(a.ID)),
		c.fact(t, "title", c.namesValues(a.Title)...),
		inline(c.fact(t, "aliases", aliases...)),
	)
	c.approachContent(ev, a)
	ev.facts(
		c.fact(t, "municipality", c.municipalityValue(snap, a.Municipality)),
		inline(c.fact(t, "categories", cats...)),
		c.fact(t, "year_started", year),
		c.fact(t, "status", c.code(vocab.Statuses, string(a.Status))),
		c.fact(t, "related", related...),
	)
	if m, ok := snap.Municipality(a.Municipality); ok {
		others := snap.ApproachesOf(m.ID)
		sec := section{ID: "more", Heading: c.tf("entity.more.approaches", c.name(m.Names, m.ID).Text), Empty: c.t("entity.noapproaches")}
		for _, o := range others {
			if o.ID != a.ID {
				sec.Items = append(sec.Items, c.approachItem(snap, o, false))
			}
		}
		sec.Count = len(sec.Items)
		sortItems(sec.Items)
		if sec.Count > 0 {
			ev.Sections = append(ev.Sections, sec)
		}
	}
	ev.Sources = c.sources(a.Sources)
}

func (c *ctx) category(ev *entityView, snap *dataset.Snapshot, k *dataset.Category) {
	t := dataset.TypeCategory
	ev.Heading = c.textFrom(k.Labels, k.LabelsOrigin)
	ev.Lead = c.optTextFrom(k.Definitions, k.DefinitionsOrigin)
	var aliases []Value
	for _, a := range k.Aliases {
		aliases = append(aliases, Value{Text: a, Code: true})
	}
	ev.facts(
		c.fact(t, "id", idValue(k.ID)),
		c.fact(t, "labels", c.namesValues(k.Labels)...),
		c.fact(t, "definitions", c.namesValues(k.Definitions)...),
		inline(c.fact(t, "aliases", aliases...)),
	)
	as := snap.ApproachesIn(k.ID)
	sec := section{ID: "approaches", Heading: c.t("entity.category.approaches"), Count: len(as), Empty: c.t("entity.noapproaches")}
	for _, a := range as {
		sec.Items = append(sec.Items, c.approachItem(snap, a, true))
	}
	sortItems(sec.Items)
	if len(as) > 0 {
		sec.More = &link{Label: c.t("entity.category.browse"), Href: c.href("/browse/municipalities", url.Values{"category": {k.ID}})}
	}
	ev.Sections = append(ev.Sections, sec)
	ev.Sources = c.sources(k.Sources)
}

func (c *ctx) country(ev *entityView, snap *dataset.Snapshot, k *dataset.Country) {
	t := dataset.TypeCountry
	ev.Heading = c.name(k.Names, k.ID)
	ev.Subtitle = []Value{{Text: k.ID, Code: true}}
	var w, s, e, n Value
	if b := k.BBox; b != nil {
		f := func(x float64) Value { return Value{Text: strconv.FormatFloat(x, 'f', -1, 64)} }
		w, s, e, n = f(b.West), f(b.South), f(b.East), f(b.North)
	}
	ev.facts(
		c.fact(t, "id", idValue(k.ID)),
		c.fact(t, "names", c.namesValues(k.Names)...),
		c.fact(t, "wikidata", wikidataValue(k.Wikidata)),
		c.fact(t, "bbox.west", w), c.fact(t, "bbox.south", s), c.fact(t, "bbox.east", e), c.fact(t, "bbox.north", n),
	)
	c.countryContent(ev, k)
	ms := snap.MunicipalitiesIn(k.ID)
	sec := section{ID: "municipalities", Heading: c.typePlural(dataset.TypeMunicipality), Count: len(ms), Empty: c.t("browse.none")}
	for _, m := range ms {
		sec.Items = append(sec.Items, c.municipalityItem(snap, m, false))
	}
	sortItems(sec.Items)
	if len(ms) > 0 {
		sec.More = &link{Label: c.t("entity.country.browse"), Href: c.href("/browse/municipalities", url.Values{"country": {k.ID}})}
	}
	ev.Sections = append(ev.Sections, sec)
	nsec := section{ID: "networks", Heading: c.t("entity.country.networks"), Empty: c.t("browse.none")}
	for _, nw := range snap.Networks {
		if slices.Contains(nw.Countries, k.ID) {
			nsec.Items = append(nsec.Items, c.networkItem(snap, nw))
		}
	}
	nsec.Count = len(nsec.Items)
	sortItems(nsec.Items)
	ev.Sections = append(ev.Sections, nsec)
	ev.Sources = c.sources(k.Sources)
}

func (c *ctx) membership(ev *entityView, snap *dataset.Snapshot, m *dataset.Membership) {
	t := dataset.TypeMembership
	mv, nv := c.municipalityValue(snap, m.Municipality), c.networkValue(snap, m.Network)
	ev.Heading = LText{Text: c.tf("entity.membership.title", mv.Text, nv.Text)}
	ev.facts(
		c.fact(t, "id", idValue(m.ID)),
		c.fact(t, "municipality", mv),
		c.fact(t, "network", nv),
		c.fact(t, "since", partialDate(m.Since, c.t("date.unknown"))),
		c.fact(t, "until", partialDate(m.Until, c.t("date.none"))),
	)
	if !m.Attested.IsZero() {
		ev.facts(c.fact(t, "attested", partialDate(m.Attested, "")))
	}
	if m.Source != nil {
		ev.Sources = c.sources([]dataset.Source{*m.Source})
	}
}

// List items, shared by entity pages, browse lists and search results.

func (c *ctx) municipalityItem(snap *dataset.Snapshot, m *dataset.Municipality, withCountry bool) item {
	it := item{Title: c.name(m.Names, m.ID), Href: c.entityHref(dataset.TypeMunicipality, m.ID)}
	if withCountry {
		v := c.countryValue(snap, m.Country)
		v.Href = ""
		it.Meta = append(it.Meta, v)
	}
	if n := len(snap.MembershipsOf(m.ID)); n > 0 {
		it.Meta = append(it.Meta, Value{Text: c.tf("count.networks", n)})
	}
	if n := len(snap.ApproachesOf(m.ID)); n > 0 {
		it.Meta = append(it.Meta, Value{Text: c.tf("count.approaches", n)})
	}
	if m.Featured {
		it.Badges = append(it.Badges, badge{Text: c.t("badge.featured"), Class: "featured"})
	}
	if m.Status == dataset.StatusWithdrawn {
		it.Badges = append(it.Badges, badge{Text: c.t("badge.withdrawn"), Class: "withdrawn"})
	}
	if m.Status == dataset.StatusUnknown {
		it.Badges = append(it.Badges, badge{Text: c.t("badge.unknown"), Class: "withdrawn"})
	}
	return it
}

func (c *ctx) networkItem(snap *dataset.Snapshot, n *dataset.Network) item {
	it := item{Title: c.name(n.Names, n.ID), Href: c.entityHref(dataset.TypeNetwork, n.ID)}
	it.Meta = append(it.Meta, c.code(vocab.Scopes, string(n.Scope)))
	if n.Founded != 0 {
		it.Meta = append(it.Meta, Value{Text: c.tf("entity.founded", strconv.Itoa(n.Founded))})
	}
	it.Meta = append(it.Meta, Value{Text: c.tf("count.members", len(snap.MembersOf(n.ID)))})
	return it
}

func (c *ctx) approachItem(snap *dataset.Snapshot, a *dataset.Approach, withMunicipality bool) item {
	it := item{Title: c.textFrom(a.Title, a.TitleOrigin), Href: c.entityHref(dataset.TypeApproach, a.ID)}
	if withMunicipality {
		v := c.municipalityValue(snap, a.Municipality)
		v.Href = ""
		it.Meta = append(it.Meta, v)
	}
	for _, k := range a.Categories {
		v := c.categoryValue(snap, k)
		v.Href = ""
		it.Meta = append(it.Meta, v)
	}
	if a.YearStarted != 0 {
		it.Meta = append(it.Meta, Value{Text: c.tf("entity.since", strconv.Itoa(a.YearStarted))})
	}
	if a.Status == dataset.ApproachEnded {
		it.Badges = append(it.Badges, badge{Text: c.code(vocab.Statuses, string(a.Status)).Text, Class: "withdrawn"})
	}
	return it
}

func (c *ctx) categoryItem(snap *dataset.Snapshot, k *dataset.Category) item {
	it := item{Title: c.textFrom(k.Labels, k.LabelsOrigin), Href: c.entityHref(dataset.TypeCategory, k.ID)}
	it.Meta = append(it.Meta, Value{Text: c.tf("count.approaches", len(snap.ApproachesIn(k.ID)))})
	it.Text = c.optTextFrom(k.Definitions, k.DefinitionsOrigin)
	return it
}

func (c *ctx) countryItem(snap *dataset.Snapshot, k *dataset.Country) item {
	it := item{Title: c.name(k.Names, k.ID), Href: c.entityHref(dataset.TypeCountry, k.ID)}
	it.Meta = append(it.Meta, Value{Text: k.ID, Code: true}, Value{Text: c.tf("count.municipalities", len(snap.MunicipalitiesIn(k.ID)))})
	return it
}

// itemOf returns the list item of entity t/id, and false when snap has
// no such entity.
func (c *ctx) itemOf(snap *dataset.Snapshot, t dataset.Type, id string) (item, bool) {
	switch t {
	case dataset.TypeMunicipality:
		if m, ok := snap.Municipality(id); ok {
			return c.municipalityItem(snap, m, true), true
		}
	case dataset.TypeNetwork:
		if n, ok := snap.Network(id); ok {
			return c.networkItem(snap, n), true
		}
	case dataset.TypeApproach:
		if a, ok := snap.Approach(id); ok {
			return c.approachItem(snap, a, true), true
		}
	case dataset.TypeCategory:
		if k, ok := snap.Category(id); ok {
			return c.categoryItem(snap, k), true
		}
	case dataset.TypeCountry:
		if k, ok := snap.Country(id); ok {
			return c.countryItem(snap, k), true
		}
	}
	return item{}, false
}
