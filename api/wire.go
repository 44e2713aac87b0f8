package api

import (
	"net/url"
	"reflect"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// Wire types: the JSON the API publishes. They are converted from the
// dataset's records here, so that the public contract does not move when
// the domain does. Field names are the dataset's JSON names, so that one
// JSON-LD context (served at /context.jsonld and linked from every
// response) reads both. Each entity carries:
//
//   - "id": the plain identifier (slug or ISO code), as everywhere in the
//     dataset and in references ("country": "DE");
//   - "iri": the entity's IRI, {base}/id/{type}/{id}, which the context
//     maps to "@id";
//   - "type": its class name, which the context maps to "@type".
//
// The same rendering serves the list items and the single-entity
// documents; entityBody is the entry point for other representations.

// Takeaway is one key point of a municipality's case study.
type Takeaway struct {
	Lang string `json:"lang" enum:"en,de,es,fr,el,it,pl" doc:"Platform language of the text" example:"en"`
	Text string `json:"text" doc:"The key point (Markdown)"`
}

// Block is a quote or a section of a case study or an approach's page, in
// one language.
type Block struct {
	Lang     string `json:"lang" enum:"en,de,es,fr,el,it,pl" doc:"Platform language of the block" example:"en"`
	Position int    `json:"position" minimum:"1" doc:"Place among the blocks of its language, from 1" example:"1"`
	Kind     string `json:"kind" enum:"quote,section" doc:"quote: text said by author; section: a heading (title) and its text"`
	Title    string `json:"title,omitempty" doc:"Heading of a section (one line)"`
	Text     string `json:"text" doc:"The section's text (Markdown) or the quote's words (plain text)"`
	Author   string `json:"author,omitempty" doc:"Who said the quote (one line)"`
}

// Alias is another name of a thing in a language.
type Alias struct {
	Lang string `json:"lang" doc:"BCP 47 language tag of the name" example:"de"`
	Name string `json:"name" doc:"The name" example:"Danzig"`
}

// Coordinates is a WGS84 position in decimal degrees.
type Coordinates struct {
	Lat float64 `json:"lat" minimum:"-90" maximum:"90" doc:"Latitude in decimal degrees (WGS84)" example:"48.1375"`
	Lon float64 `json:"lon" minimum:"-180" maximum:"180" doc:"Longitude in decimal degrees (WGS84)" example:"11.575"`
}

// Population is a head count with its reference year and source.
type Population struct {
	Value  int64  `json:"value" minimum:"0" doc:"Number of inhabitants" example:"1512491"`
	Year   int    `json:"year" doc:"Reference year of the count" example:"2022"`
	Source string `json:"source,omitempty" format:"uri" doc:"URL of the count's source"`
}

// Source is a public document a record is based on.
type Source struct {
	URL      string `json:"url" format:"uri" doc:"Address of the source" example:"https://moving-cities.eu/gdansk"`
	Title    string `json:"title,omitempty" doc:"Title of the source"`
	Accessed string `json:"accessed,omitempty" format:"date" doc:"Day the source was read (YYYY-MM-DD)"`
	Note     string `json:"note,omitempty" doc:"What the source says, in our words"`
}

// BBox is a WGS84 bounding box.
type BBox struct {
	West  float64 `json:"west" minimum:"-180" maximum:"180" doc:"Western longitude"`
	South float64 `json:"south" minimum:"-90" maximum:"90" doc:"Southern latitude"`
	East  float64 `json:"east" minimum:"-180" maximum:"180" doc:"Eastern longitude"`
	North float64 `json:"north" minimum:"-90" maximum:"90" doc:"Northern latitude"`
}

// Municipality is a local authority listed for its solidarity-based
// migration policy.
type Municipality struct {
	ID            string            `json:"id" doc:"Stable identifier (a lowercase slug, never reused)" example:"munich"`
	IRI           string            `json:"iri" format:"uri" doc:"IRI of the municipality, {base}/id/municipality/{id}" example:"https://data.moving-cities.eu/id/municipality/munich"`
	Type          string            `json:"type" enum:"Municipality" doc:"Class of the entity"`
	Kind          string            `json:"kind,omitempty" enum:"municipality,municipal-association,district" doc:"Kind of local authority"`
	Names         map[string]string `json:"names" doc:"Names by BCP 47 language tag; native names included" example:"{\"de\":\"München\",\"en\":\"Munich\"}"`
	Aliases       []Alias           `json:"aliases,omitempty" doc:"Other names: former names, exonyms, short forms"`
	Country       string            `json:"country" pattern:"^[A-Z]{2}$" doc:"ISO 3166-1 alpha-2 code of the country" example:"DE"`
	Coordinates   *Coordinates      `json:"coordinates,omitempty" doc:"Position of the town centre, where a trustworthy one is known"`
	Wikidata      string            `json:"wikidata,omitempty" pattern:"^Q[1-9][0-9]*$" doc:"Confirmed Wikidata item" example:"Q1726"`
	GeoNames      string            `json:"geonames,omitempty" doc:"GeoNames ID" example:"2867714"`
	LAU           string            `json:"lau,omitempty" doc:"Eurostat Local Administrative Unit code"`
	NUTS3         string            `json:"nuts3,omitempty" doc:"NUTS level-3 region code" example:"DE212"`
	OSMRelation   int64             `json:"osm_relation,omitempty" doc:"OpenStreetMap relation ID" example:"62428"`
	Population    *Population       `json:"population,omitempty" doc:"Population with its reference year"`
	Featured      bool              `json:"featured" doc:"True for an in-depth case study on the Moving Cities platform"`
	Summary       map[string]string `json:"summary,omitempty" doc:"Why the municipality is listed, by platform language" example:"{\"en\":\"Listed as a member of the Solidarity Cities initiative.\"}"`
	SummaryOrigin map[string]string `json:"summary_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)" example:"{\"de\":\"translation\",\"en\":\"own\"}"`
	// The case-study content of the platform's page (issue 15).
	Subtitle      map[string]string `json:"subtitle,omitempty" doc:"Tagline under the name on the platform's page, by platform language"`
	SummaryTitle  map[string]string `json:"summary_title,omitempty" doc:"Heading of the summary, by platform language"`
	Reasoning     map[string]string `json:"reasoning,omitempty" doc:"Why the municipality pursues its policy (Markdown), by platform language"`
	ReportTitle   map[string]string `json:"report_title,omitempty" doc:"Title of the municipality's report, by platform language"`
	ReportIntro   map[string]string `json:"report_intro,omitempty" doc:"Introduction of the report (Markdown), by platform language"`
	ReportFile    map[string]string `json:"report_file,omitempty" doc:"Web address of the report's file, by platform language"`
	Takeaways     []Takeaway        `json:"takeaways,omitempty" doc:"Key points of the case study, in order within each language"`
	Blocks        []Block           `json:"blocks,omitempty" doc:"Quotes and sections of the case study, in order within each language"`
	ContentOrigin map[string]string `json:"content_origin,omitempty" doc:"Where the case-study texts (subtitle to report_file, and the blocks) of each language came from: platform, own or translation"`
	Website       string            `json:"website,omitempty" format:"uri" doc:"Official website"`
	Sources       []Source          `json:"sources,omitempty" doc:"Public documents the record is based on"`
	IDCoined      bool              `json:"id_coined,omitempty" doc:"True when this project made the ID up; absent when it is the platform's own slug"`
	Status        string            `json:"status" enum:"active,withdrawn,unknown" doc:"withdrawn: kept and published, no longer listed as supporting; unknown: the sources are old and none shows whether it still takes part"`
	Created       time.Time         `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified      time.Time         `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// Country is a state, identified by its ISO 3166-1 alpha-2 code.
type Country struct {
	ID          string            `json:"id" pattern:"^[A-Z]{2}$" doc:"ISO 3166-1 alpha-2 code" example:"DE"`
	IRI         string            `json:"iri" format:"uri" doc:"IRI of the country, {base}/id/country/{id}" example:"https://data.moving-cities.eu/id/country/DE"`
	Type        string            `json:"type" enum:"Country" doc:"Class of the entity"`
	Names       map[string]string `json:"names" doc:"Names by BCP 47 language tag" example:"{\"de\":\"Deutschland\",\"en\":\"Germany\"}"`
	NamesOrigin map[string]string `json:"names_origin,omitempty" doc:"Where the name of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English name)"`
	Wikidata    string            `json:"wikidata,omitempty" pattern:"^Q[1-9][0-9]*$" doc:"Wikidata item" example:"Q183"`
	BBox        *BBox             `json:"bbox,omitempty" doc:"Bounding box of the country's territory"`
	// Country content (dataset.CountryContent).
	PoliticalContext       map[string]string `json:"political_context,omitempty" doc:"The national political context its municipalities act in, as the platform describes it, by platform language (Markdown)"`
	PoliticalContextOrigin map[string]string `json:"political_context_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Sources                []Source          `json:"sources,omitempty" doc:"Where the record comes from: the platform's CMS entry for a country its sync gave or created"`
	Created                time.Time         `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified               time.Time         `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// Network is an alliance or programme that municipalities join.
type Network struct {
	ID                string            `json:"id" doc:"Stable identifier (a lowercase slug)" example:"solidarity-cities"`
	IRI               string            `json:"iri" format:"uri" doc:"IRI of the network, {base}/id/network/{id}" example:"https://data.moving-cities.eu/id/network/solidarity-cities"`
	Type              string            `json:"type" enum:"Network" doc:"Class of the entity"`
	Names             map[string]string `json:"names" doc:"Names by BCP 47 language tag" example:"{\"en\":\"Solidarity Cities\"}"`
	Aliases           []Alias           `json:"aliases,omitempty" doc:"Other names and abbreviations"`
	Scope             string            `json:"scope" enum:"national,european,international" doc:"Geographic reach"`
	Countries         []string          `json:"countries,omitempty" doc:"ISO codes of the countries it works in"`
	Website           string            `json:"website,omitempty" format:"uri" doc:"Official website"`
	Wikidata          string            `json:"wikidata,omitempty" pattern:"^Q[1-9][0-9]*$" doc:"Wikidata item"`
	Founded           int               `json:"founded,omitempty" doc:"Year founded" example:"2016"`
	Description       map[string]string `json:"description,omitempty" doc:"What the network is, by platform language"`
	DescriptionOrigin map[string]string `json:"description_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Sources           []Source          `json:"sources,omitempty" doc:"Public documents the record is based on"`
	IDCoined          bool              `json:"id_coined,omitempty" doc:"True when this project made the ID up; absent when it is the platform's own slug"`
	Created           time.Time         `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified          time.Time         `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// Membership is a municipality's membership in a network over a period.
type Membership struct {
	ID           string    `json:"id" doc:"Stable identifier" example:"munich-solidarity-cities"`
	IRI          string    `json:"iri" format:"uri" doc:"IRI of the membership, {base}/id/membership/{id}"`
	Type         string    `json:"type" enum:"Membership" doc:"Class of the entity"`
	Municipality string    `json:"municipality" doc:"ID of the member municipality" example:"munich"`
	Network      string    `json:"network" doc:"ID of the network" example:"solidarity-cities"`
	Since        string    `json:"since,omitempty" pattern:"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" doc:"Start of the membership, to the year, month or day known" example:"2018-07"`
	Until        string    `json:"until,omitempty" pattern:"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" doc:"End of the membership, when it ended"`
	Attested     string    `json:"attested,omitempty" pattern:"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" doc:"When no source dates the start: the earliest date a source shows the membership (it began on or before it)" example:"2022-03"`
	Source       *Source   `json:"source,omitempty" doc:"Public document the membership is based on"`
	Created      time.Time `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified     time.Time `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// Member is a compact municipality, embedded in a network's member list.
type Member struct {
	ID          string            `json:"id" doc:"ID of the municipality" example:"munich"`
	IRI         string            `json:"iri" format:"uri" doc:"IRI of the municipality"`
	Type        string            `json:"type" enum:"Municipality" doc:"Class of the entity"`
	Names       map[string]string `json:"names" doc:"Names by BCP 47 language tag"`
	Country     string            `json:"country" doc:"ISO 3166-1 alpha-2 code of the country" example:"DE"`
	Coordinates *Coordinates      `json:"coordinates,omitempty" doc:"Position of the town centre"`
}

// NetworkMember is a membership of a network with its member municipality.
type NetworkMember struct {
	Membership
	Member Member `json:"member" doc:"The member municipality, in short"`
}

// Approach is a local policy or practice a municipality implemented.
type Approach struct {
	ID            string            `json:"id" doc:"Stable identifier (a lowercase slug)"`
	IRI           string            `json:"iri" format:"uri" doc:"IRI of the approach, {base}/id/approach/{id}"`
	Type          string            `json:"type" enum:"Approach" doc:"Class of the entity"`
	Title         map[string]string `json:"title" doc:"Title by platform language" example:"{\"en\":\"Immigrants' council\"}"`
	TitleOrigin   map[string]string `json:"title_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Aliases       []string          `json:"aliases,omitempty" doc:"Other slugs of the approach, the platform's where they differ from the ID; /approaches/{alias} answers 301 here"`
	Municipality  string            `json:"municipality" doc:"ID of the municipality that implemented it" example:"gdansk"`
	Categories    []string          `json:"categories" doc:"IDs of the categories it is filed under"`
	Summary       map[string]string `json:"summary,omitempty" doc:"What it is, by platform language"`
	SummaryOrigin map[string]string `json:"summary_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	// Approach content (dataset.ApproachContent).
	ShortTitle       map[string]string `json:"short_title,omitempty" doc:"Short title by platform language, shown where space is tight" example:"{\"en\":\"Immigrants' council\"}"`
	ShortTitleOrigin map[string]string `json:"short_title_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Blocks           []Block           `json:"blocks,omitempty" doc:"Content sections (and quotes), in order within each language"`
	BlocksOrigin     map[string]string `json:"blocks_origin,omitempty" doc:"Where the blocks of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English blocks)"`
	YearStarted      int               `json:"year_started,omitempty" doc:"Year it started" example:"2016"`
	Status           string            `json:"status" enum:"active,ended,unknown" doc:"Whether it is still in place"`
	Related          []string          `json:"related,omitempty" doc:"IDs of related approaches"`
	Sources          []Source          `json:"sources,omitempty" doc:"Public documents the record is based on"`
	IDCoined         bool              `json:"id_coined,omitempty" doc:"True when this project made the ID up; absent when it is the platform's own slug"`
	OwnCategories    bool              `json:"own_categories,omitempty" doc:"True when the categories are this project's classification, not the platform's own tags"`
	Created          time.Time         `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified         time.Time         `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// Category is a theme approaches are filed under.
type Category struct {
	ID                string            `json:"id" doc:"Stable identifier (a lowercase slug)" example:"reception"`
	IRI               string            `json:"iri" format:"uri" doc:"IRI of the category, {base}/id/category/{id}"`
	Type              string            `json:"type" enum:"Category" doc:"Class of the entity"`
	Labels            map[string]string `json:"labels" doc:"Labels by platform language" example:"{\"en\":\"Reception\"}"`
	LabelsOrigin      map[string]string `json:"labels_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Definitions       map[string]string `json:"definitions,omitempty" doc:"Definitions by platform language"`
	DefinitionsOrigin map[string]string `json:"definitions_origin,omitempty" doc:"Where the text of each language came from: platform (the platform's wording), own (written by this project) or translation (this project's translation of the English text)"`
	Aliases           []string          `json:"aliases,omitempty" doc:"Former or alternative IDs"`
	Sources           []Source          `json:"sources,omitempty" doc:"Public documents the record is based on"`
	IDCoined          bool              `json:"id_coined,omitempty" doc:"True when this project made the ID up; absent when it is the platform's own slug"`
	Created           time.Time         `json:"created,omitzero" doc:"When the record's facts were gathered (seed records) or the record was first stored"`
	Modified          time.Time         `json:"modified,omitzero" doc:"When the record's facts were gathered (seed records) or the record last changed"`
}

// List is one page of a collection.
type List[T any] struct {
	Items []T    `json:"items" doc:"The records of this page, in the order asked for"`
	Total int    `json:"total" minimum:"0" doc:"Number of records matching the filters, over all pages"`
	Limit int    `json:"limit" minimum:"1" maximum:"1000" doc:"Largest number of records a page holds"`
	Next  string `json:"next,omitempty" format:"uri" doc:"URL of the next page; absent on the last page"`
	Prev  string `json:"prev,omitempty" format:"uri" doc:"URL of the previous page; absent on the first page"`
}

// className is the "type" of an entity of type t.
func className(t dataset.Type) string {
	switch t {
	case dataset.TypeMunicipality:
		return "Municipality"
	case dataset.TypeCountry:
		return "Country"
	case dataset.TypeNetwork:
		return "Network"
	case dataset.TypeMembership:
		return "Membership"
	case dataset.TypeApproach:
		return "Approach"
	case dataset.TypeCategory:
		return "Category"
	}
	return string(t)
}

// iri is the IRI of entity t/id; docURL the URL of its document.
func (s *Server) iri(t dataset.Type, id string) string {
	return s.cfg.BaseURI + "/id/" + string(t) + "/" + url.PathEscape(id)
}

func (s *Server) docURL(t dataset.Type, id string) string {
	return s.cfg.BaseURI + "/" + t.Plural() + "/" + url.PathEscape(id)
}

func text(t dataset.Text) map[string]string {
	if len(t) == 0 {
		return nil
	}
	return map[string]string(t)
}

func names(n dataset.Names) map[string]string {
	if n == nil {
		return map[string]string{}
	}
	return map[string]string(n)
}

func takeaways(ts []dataset.Takeaway) []Takeaway {
	if len(ts) == 0 {
		return nil
	}
	out := make([]Takeaway, len(ts))
	for i, t := range ts {
		out[i] = Takeaway{Lang: t.Lang, Text: t.Text}
	}
	return out
}

func blocks(bs []dataset.Block) []Block {
	if len(bs) == 0 {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		out[i] = Block{Lang: b.Lang, Position: b.Position, Kind: string(b.Kind), Title: b.Title, Text: b.Text, Author: b.Author}
	}
	return out
}

func aliases(as []dataset.Alias) []Alias {
	if len(as) == 0 {
		return nil
	}
	out := make([]Alias, len(as))
	for i, a := range as {
		out[i] = Alias{Lang: a.Lang, Name: a.Name}
	}
	return out
}

func coordinates(c *dataset.Coordinates) *Coordinates {
	if c == nil {
		return nil
	}
	return &Coordinates{Lat: c.Lat, Lon: c.Lon}
}

// origins is the JSON form of a text's origins: nil when none is known.
func origins(o dataset.Origins) map[string]string {
	if len(o) == 0 {
		return nil
	}
	out := make(map[string]string, len(o))
	for lang, v := range o {
		out[lang] = string(v)
	}
	return out
}

func source(src dataset.Source) Source {
	return Source{URL: src.URL, Title: src.Title, Accessed: src.Accessed.String(), Note: src.Note}
}

func sources(srcs []dataset.Source) []Source {
	if len(srcs) == 0 {
		return nil
	}
	out := make([]Source, len(srcs))
	for i, src := range srcs {
		out[i] = source(src)
	}
	return out
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func (s *Server) municipality(m *dataset.Municipality) Municipality {
	w := Municipality{
		ID: m.ID, IRI: s.iri(dataset.TypeMunicipality, m.ID), Type: className(dataset.TypeMunicipality),
		Kind: string(m.Kind), Names: names(m.Names), Aliases: aliases(m.Aliases), Country: m.Country,
		Coordinates: coordinates(m.Coordinates), Wikidata: m.Wikidata, GeoNames: m.GeoNames, LAU: m.LAU,
		NUTS3: m.NUTS3, OSMRelation: m.OSMRelation, Featured: m.Featured, Summary: text(m.Summary),
		SummaryOrigin: origins(m.SummaryOrigin),
		Subtitle:      text(m.Subtitle), SummaryTitle: text(m.SummaryTitle), Reasoning: text(m.Reasoning),
		ReportTitle: text(m.ReportTitle), ReportIntro: text(m.ReportIntro), ReportFile: text(m.ReportFile),
		ContentOrigin: origins(m.ContentOrigin), Takeaways: takeaways(m.Takeaways), Blocks: blocks(m.Blocks),
		Website: m.Website, Sources: sources(m.Sources), IDCoined: m.IDCoined, Status: string(m.Status),
		Created: m.Created, Modified: m.Modified,
	}
	if p := m.Population; p != nil {
		w.Population = &Population{Value: p.Value, Year: p.Year, Source: p.Source}
	}
	return w
}

func (s *Server) country(c *dataset.Country) Country {
	w := Country{ID: c.ID, IRI: s.iri(dataset.TypeCountry, c.ID), Type: className(dataset.TypeCountry),
		Names: names(c.Names), NamesOrigin: origins(c.NamesOrigin), Wikidata: c.Wikidata, Created: c.Created, Modified: c.Modified,
		PoliticalContext: text(c.PoliticalContext), PoliticalContextOrigin: origins(c.PoliticalContextOrigin), Sources: sources(c.Sources)}
	if b := c.BBox; b != nil {
		w.BBox = &BBox{West: b.West, South: b.South, East: b.East, North: b.North}
	}
	return w
}

func (s *Server) network(n *dataset.Network) Network {
	return Network{
		ID: n.ID, IRI: s.iri(dataset.TypeNetwork, n.ID), Type: className(dataset.TypeNetwork),
		Names: names(n.Names), Aliases: aliases(n.Aliases), Scope: string(n.Scope), Countries: n.Countries,
		Website: n.Website, Wikidata: n.Wikidata, Founded: n.Founded, Description: text(n.Description),
		DescriptionOrigin: origins(n.DescriptionOrigin),
		Sources:           sources(n.Sources), IDCoined: n.IDCoined, Created: n.Created, Modified: n.Modified,
	}
}

func (s *Server) membership(m *dataset.Membership) Membership {
	w := Membership{
		ID: m.ID, IRI: s.iri(dataset.TypeMembership, m.ID), Type: className(dataset.TypeMembership),
		Municipality: m.Municipality, Network: m.Network, Since: m.Since.String(), Until: m.Until.String(),
		Attested: m.Attested.String(),
		Created:  m.Created, Modified: m.Modified,
	}
	if m.Source != nil {
		src := source(*m.Source)
		w.Source = &src
	}
	return w
}

func (s *Server) member(snap *dataset.Snapshot, m *dataset.Membership) NetworkMember {
	w := NetworkMember{Membership: s.membership(m)}
	w.Member = Member{ID: m.Municipality, IRI: s.iri(dataset.TypeMunicipality, m.Municipality),
		Type: className(dataset.TypeMunicipality), Names: map[string]string{}}
	if mu, ok := snap.Municipality(m.Municipality); ok {
		w.Member.Names, w.Member.Country, w.Member.Coordinates = names(mu.Names), mu.Country, coordinates(mu.Coordinates)
	}
	return w
}

func (s *Server) approach(a *dataset.Approach) Approach {
	return Approach{
		ID: a.ID, IRI: s.iri(dataset.TypeApproach, a.ID), Type: className(dataset.TypeApproach),
		Title: names(dataset.Names(a.Title)), Aliases: a.Aliases, Municipality: a.Municipality, Categories: orEmpty(a.Categories),
		TitleOrigin: origins(a.TitleOrigin), SummaryOrigin: origins(a.SummaryOrigin),
		Summary: text(a.Summary), ShortTitle: text(a.ShortTitle), ShortTitleOrigin: origins(a.ShortTitleOrigin), Blocks: blocks(a.Blocks), BlocksOrigin: origins(a.BlocksOrigin),
		YearStarted: a.YearStarted, Status: string(a.Status), Related: a.Related,
		Sources: sources(a.Sources), IDCoined: a.IDCoined, OwnCategories: a.OwnCategories, Created: a.Created, Modified: a.Modified,
	}
}

func (s *Server) category(c *dataset.Category) Category {
	return Category{
		ID: c.ID, IRI: s.iri(dataset.TypeCategory, c.ID), Type: className(dataset.TypeCategory),
		Labels: names(dataset.Names(c.Labels)), Definitions: text(c.Definitions), Aliases: c.Aliases,
		LabelsOrigin: origins(c.LabelsOrigin), DefinitionsOrigin: origins(c.DefinitionsOrigin),
		Sources: sources(c.Sources), IDCoined: c.IDCoined, Created: c.Created, Modified: c.Modified,
	}
}

// entityBody returns the JSON body of the entity t/id in snap: the value
// the single-entity operations serve, for reuse by other representations
// of the same document (JSON-LD adds only its @context). ok is false when
// no such entity exists.
func (s *Server) entityBody(snap *dataset.Snapshot, t dataset.Type, id string) (body any, ok bool) {
	k, ok := dataset.KindOf(t)
	if !ok {
		return nil, false
	}
	rec, ok := k.Lookup(snap, id)
	if !ok {
		return nil, false
	}
	return s.recordBody(t, rec), true
}

// recordBodies make the JSON body of a record of each type: the API's
// entry in the table of record types (dataset.Kind).
var recordBodies = map[dataset.Type]func(s *Server, rec dataset.Record) any{
	dataset.TypeMunicipality: func(s *Server, rec dataset.Record) any { return s.municipality(rec.(*dataset.Municipality)) },
	dataset.TypeCountry:      func(s *Server, rec dataset.Record) any { return s.country(rec.(*dataset.Country)) },
	dataset.TypeNetwork:      func(s *Server, rec dataset.Record) any { return s.network(rec.(*dataset.Network)) },
	dataset.TypeMembership:   func(s *Server, rec dataset.Record) any { return s.membership(rec.(*dataset.Membership)) },
	dataset.TypeApproach:     func(s *Server, rec dataset.Record) any { return s.approach(rec.(*dataset.Approach)) },
	dataset.TypeCategory:     func(s *Server, rec dataset.Record) any { return s.category(rec.(*dataset.Category)) },
}

// recordBody is the JSON body of rec, a record of type t.
func (s *Server) recordBody(t dataset.Type, rec dataset.Record) any {
	return recordBodies[t](s, rec)
}

// stampsOf returns the stamps of entity t/id, or nil.
func stampsOf(snap *dataset.Snapshot, t dataset.Type, id string) *dataset.Stamps {
	switch t {
	case dataset.TypeMunicipality:
		if x, ok := snap.Municipality(id); ok {
			return &x.Stamps
		}
	case dataset.TypeCountry:
		if x, ok := snap.Country(id); ok {
			return &x.Stamps
		}
	case dataset.TypeNetwork:
		if x, ok := snap.Network(id); ok {
			return &x.Stamps
		}
	case dataset.TypeMembership:
		if x, ok := snap.Membership(id); ok {
			return &x.Stamps
		}
	case dataset.TypeApproach:
		if x, ok := snap.Approach(id); ok {
			return &x.Stamps
		}
	case dataset.TypeCategory:
		if x, ok := snap.Category(id); ok {
			return &x.Stamps
		}
	}
	return nil
}

// snapLen is the number of records of type t in snap.
func snapLen(snap *dataset.Snapshot, t dataset.Type) int {
	switch t {
	case dataset.TypeMunicipality:
		return len(snap.Municipalities)
	case dataset.TypeCountry:
		return len(snap.Countries)
	case dataset.TypeNetwork:
		return len(snap.Networks)
	case dataset.TypeMembership:
		return len(snap.Memberships)
	case dataset.TypeApproach:
		return len(snap.Approaches)
	case dataset.TypeCategory:
		return len(snap.Categories)
	}
	return 0
}

// wireTypes are the JSON types of each entity type's documents.
var wireTypes = map[dataset.Type]reflect.Type{
	dataset.TypeMunicipality: reflect.TypeFor[Municipality](),
	dataset.TypeCountry:      reflect.TypeFor[Country](),
	dataset.TypeNetwork:      reflect.TypeFor[Network](),
	dataset.TypeMembership:   reflect.TypeFor[Membership](),
	dataset.TypeApproach:     reflect.TypeFor[Approach](),
	dataset.TypeCategory:     reflect.TypeFor[Category](),
}
