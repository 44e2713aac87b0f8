package dataset

import "time"

// Type names a kind of entity. Its value is the singular used in entity
// IRIs ({base}/id/{type}/{id}); Plural is used in document paths.
type Type string

const (
	TypeCountry      Type = "country"
	TypeMunicipality Type = "municipality"
	TypeNetwork      Type = "network"
	TypeMembership   Type = "membership"
	TypeApproach     Type = "approach"
	TypeCategory     Type = "category"
)

// Types lists every entity type in dependency order: a type only refers to
// types before it. Importers and stores write in this order.
var Types = []Type{TypeCountry, TypeCategory, TypeNetwork, TypeMunicipality, TypeMembership, TypeApproach}

// Plural is the collection name of the type ("municipalities").
func (t Type) Plural() string {
	switch t {
	case TypeCountry:
		return "countries"
	case TypeMunicipality:
		return "municipalities"
	case TypeCategory:
		return "categories"
	case TypeApproach:
		return "approaches"
	}
	return string(t) + "s"
}

// ParseType returns the Type whose singular or plural name is s.
func ParseType(s string) (Type, bool) {
	for _, t := range Types {
		if s == string(t) || s == t.Plural() {
			return t, true
		}
	}
	return "", false
}

// Source is a public document a record is based on.
type Source struct {
	URL      string      `json:"url"`
	Title    string      `json:"title,omitempty"`
	Accessed PartialDate `json:"accessed,omitzero"` // day precision when given
	Note     string      `json:"note,omitempty"`    // what the source says, in our words
}

// Coordinates is a WGS84 position in decimal degrees.
type Coordinates struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Population is a head count with its reference year and source.
type Population struct {
	Value  int64  `json:"value"`
	Year   int    `json:"year"`
	Source string `json:"source,omitempty"` // URL
}

// Stamps are set by the store, never by an import: when a record was first
// stored and last changed.
type Stamps struct {
	Created  time.Time `json:"created,omitzero"`
	Modified time.Time `json:"modified,omitzero"`
}

// StampPrecision is the one precision of every time the dataset records
// (created, modified, retired, release times): whole seconds. Common
// parsers read it, Parquet's microseconds hold it exactly, and JSON,
// CSV, Parquet and RDF then all say the same instant (issue 17).
const StampPrecision = time.Second

// Stamp returns t as the dataset records it: in UTC, truncated to
// StampPrecision. Stores apply it when they write and when they read, so
// every output agrees whatever an older database holds.
func Stamp(t time.Time) time.Time { return t.UTC().Truncate(StampPrecision) }

// StampsRef gives stores access to the stamps of any record type that
// embeds Stamps.
func (s *Stamps) StampsRef() *Stamps { return s }

// Country is a state, identified by its ISO 3166-1 alpha-2 code.
type Country struct {
	ID    string `json:"id"` // "DE"
	Names Names  `json:"names"`
	// NamesOrigin says, per language, where the name came from: the
	// platform's for the names the CMS sync gives.
	NamesOrigin Origins `json:"names_origin,omitempty"`
	Wikidata    string  `json:"wikidata,omitempty"`
	// BBox bounds the country's territory; validation uses it to catch
	// coordinates that are far outside the named country.
	BBox *BBox `json:"bbox,omitempty"`
	// Content people read on the platform about the country (issue 15;
	// see countrycontent.go).
	CountryContent
	// Sources are where the record comes from: the CMS's entry for a
	// country the sync gave or created.
	Sources []Source `json:"sources,omitempty"`
	Stamps
}

// BBox is a WGS84 bounding box.
type BBox struct {
	West  float64 `json:"west"`
	South float64 `json:"south"`
	East  float64 `json:"east"`
	North float64 `json:"north"`
}

// Contains reports whether c lies within the box widened by margin degrees.
func (b BBox) Contains(c Coordinates, margin float64) bool {
	return c.Lat >= b.South-margin && c.Lat <= b.North+margin &&
		c.Lon >= b.West-margin && c.Lon <= b.East+margin
}

// MunicipalityStatus says whether a municipality is still listed.
type MunicipalityStatus string

const (
	StatusActive    MunicipalityStatus = "active"
	StatusWithdrawn MunicipalityStatus = "withdrawn" // kept and published, no longer listed as supporting
	// StatusUnknown: the sources are old and none shows whether the
	// municipality still takes part (e.g. a city known only from a pilot
	// programme it joined years ago).
	StatusUnknown MunicipalityStatus = "unknown"
)

// MunicipalityKind distinguishes the local authorities the platform lists.
type MunicipalityKind string

const (
	KindMunicipality         MunicipalityKind = "municipality"
	KindMunicipalAssociation MunicipalityKind = "municipal-association" // e.g. a German Samtgemeinde
	KindDistrict             MunicipalityKind = "district"              // e.g. a German Kreis
	// KindUncertain: the sources do not settle which authority is meant
	// (Brussels: the City of Brussels or the Brussels-Capital Region).
	KindUncertain MunicipalityKind = "uncertain"
)

// Municipality is a local authority listed for its solidarity-based
// migration policy.
type Municipality struct {
	ID      string           `json:"id"` // lowercase slug, never reused
	Kind    MunicipalityKind `json:"kind,omitempty"`
	Names   Names            `json:"names"`
	Aliases []Alias          `json:"aliases,omitempty"`
	Country string           `json:"country"`
	// Coordinates are nil where no trustworthy position is known.
	Coordinates *Coordinates `json:"coordinates,omitempty"`
	// Wikidata is the confirmed QID. Unconfirmed QIDs stay in
	// WikidataCandidates and are never published as the entity's link.
	Wikidata           string      `json:"wikidata,omitempty"`
	WikidataCandidates []string    `json:"wikidata_candidates,omitempty"`
	GeoNames           string      `json:"geonames,omitempty"`
	LAU                string      `json:"lau,omitempty"`   // Eurostat Local Administrative Unit code
	NUTS3              string      `json:"nuts3,omitempty"` // NUTS level-3 region code
	OSMRelation        int64       `json:"osm_relation,omitempty"`
	Population         *Population `json:"population,omitempty"`
	// Featured marks an in-depth case study on the platform.
	Featured bool `json:"featured"`
	Summary  Text `json:"summary,omitempty"` // why it is listed
	// SummaryOrigin says, per language, where the summary came from.
	SummaryOrigin Origins `json:"summary_origin,omitempty"`
	// CityContent is the case-study content of the platform's page
	// (dataset/citycontent.go).
	CityContent
	Website string   `json:"website,omitempty"`
	Sources []Source `json:"sources,omitempty"`
	// IDCoined is set when this project made the ID up, rather than taking
	// the platform's own slug for the record.
	IDCoined bool               `json:"id_coined,omitempty"`
	Status   MunicipalityStatus `json:"status"`
	Stamps
}

// NetworkScope is the geographic reach of a city network.
type NetworkScope string

const (
	ScopeNational      NetworkScope = "national"
	ScopeEuropean      NetworkScope = "european"
	ScopeInternational NetworkScope = "international"
)

// Network is an alliance or programme that municipalities join.
type Network struct {
	ID          string       `json:"id"`
	Names       Names        `json:"names"`
	Aliases     []Alias      `json:"aliases,omitempty"`
	Scope       NetworkScope `json:"scope"`
	Countries   []string     `json:"countries,omitempty"`
	Website     string       `json:"website,omitempty"`
	Wikidata    string       `json:"wikidata,omitempty"`
	Founded     int          `json:"founded,omitempty"` // year
	Description Text         `json:"description,omitempty"`
	// DescriptionOrigin says, per language, where the description came from.
	DescriptionOrigin Origins  `json:"description_origin,omitempty"`
	Sources           []Source `json:"sources,omitempty"`
	// IDCoined is set when this project made the ID up, rather than taking
	// the platform's own slug for the record.
	IDCoined bool `json:"id_coined,omitempty"`
	Stamps
}

// Membership is a municipality's membership in a network over a period:
// a record of its own, not a bare link, so that since/until and the source
// can be published and studied.
type Membership struct {
	ID           string      `json:"id"`
	Municipality string      `json:"municipality"`
	Network      string      `json:"network"`
	Since        PartialDate `json:"since,omitzero"`
	Until        PartialDate `json:"until,omitzero"`
	// Attested is the earliest date at which a source shows the
	// membership, when no source dates its start: the municipality was a
	// member by then, having joined on or before it. It is not a start
	// date and never set together with Since.
	Attested PartialDate `json:"attested,omitzero"`
	Source   *Source     `json:"source,omitempty"`
	Stamps
}

// ApproachStatus says whether a local approach is still in place.
type ApproachStatus string

const (
	ApproachActive  ApproachStatus = "active"
	ApproachEnded   ApproachStatus = "ended"
	ApproachUnknown ApproachStatus = "unknown"
)

// Approach is a local policy or practice a municipality implemented.
type Approach struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// TitleOrigin says, per language, where the title came from.
	TitleOrigin Origins `json:"title_origin,omitempty"`
	// Aliases are other slugs of the approach, the platform's where they
	// differ from our ID (kept by the CMS sync): /approaches/{alias}
	// answers 301 to the record.
	Aliases      []string `json:"aliases,omitempty"`
	Municipality string   `json:"municipality"`
	Categories   []string `json:"categories"`
	Summary      Text     `json:"summary,omitempty"`
	// SummaryOrigin says, per language, where the summary came from.
	SummaryOrigin Origins `json:"summary_origin,omitempty"`
	// Content people read on the platform about the approach (issue 15;
	// see approachcontent.go).
	ApproachContent
	YearStarted int            `json:"year_started,omitempty"`
	Status      ApproachStatus `json:"status"`
	Related     []string       `json:"related,omitempty"` // approach IDs
	Sources     []Source       `json:"sources,omitempty"`
	// IDCoined is set when this project made the ID up, rather than taking
	// the platform's own slug for the record.
	IDCoined bool `json:"id_coined,omitempty"`
	// OwnCategories is set when Categories are this project's
	// classification of the approach, not the platform's own tags.
	OwnCategories bool `json:"own_categories,omitempty"`
	Stamps
}

// Category is a theme approaches are filed under (a SKOS concept).
type Category struct {
	ID     string `json:"id"`
	Labels Text   `json:"labels"`
	// LabelsOrigin says, per language, where the label came from.
	LabelsOrigin Origins `json:"labels_origin,omitempty"`
	Definitions  Text    `json:"definitions,omitempty"`
	// DefinitionsOrigin says, per language, where the definition came from.
	DefinitionsOrigin Origins  `json:"definitions_origin,omitempty"`
	Aliases           []string `json:"aliases,omitempty"` // former or alternative slugs
	Sources           []Source `json:"sources,omitempty"`
	// IDCoined is set when this project made the ID up, rather than taking
	// the platform's own slug for the record.
	IDCoined bool `json:"id_coined,omitempty"`
	Stamps
}

// Retired records an identifier that was published and is no longer an
// entity of its own. Identifiers are forever: a retired ID with ReplacedBy
// redirects there (renamed or merged); one without answers 410 Gone with
// this record as its tombstone.
type Retired struct {
	Type       Type      `json:"type"`
	ID         string    `json:"id"`
	ReplacedBy string    `json:"replaced_by,omitempty"`
	Reason     string    `json:"reason"`
	Retired    time.Time `json:"retired,omitzero"` // set by the store
}

// Dataset is a set of records as it comes from a source (the seed, an
// import file) or goes to the store. It is plain data: Validate checks it,
// NewSnapshot indexes it.
type Dataset struct {
	Countries      []Country      `json:"countries,omitempty"`
	Categories     []Category     `json:"categories,omitempty"`
	Networks       []Network      `json:"networks,omitempty"`
	Municipalities []Municipality `json:"municipalities,omitempty"`
	Memberships    []Membership   `json:"memberships,omitempty"`
	Approaches     []Approach     `json:"approaches,omitempty"`
	Retired        []Retired      `json:"retired,omitempty"`
}

// Len is the number of records of all types, retired IDs included.
func (d *Dataset) Len() int {
	return len(d.Countries) + len(d.Categories) + len(d.Networks) + len(d.Municipalities) +
		len(d.Memberships) + len(d.Approaches) + len(d.Retired)
}
