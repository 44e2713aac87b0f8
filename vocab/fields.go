package vocab

import (
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// ValueKind says how a JSON value of a field becomes RDF. The JSON-LD
// context is generated from it, and graph builders follow the same rules,
// so that a record's JSON with the context and its Turtle are the same
// graph.
type ValueKind uint8

const (
	// ID is the record's own ID. It names the entity (EntityIRI; the
	// API's JSON carries that IRI as "iri") and is published as the
	// literal dcterms:identifier.
	ID ValueKind = iota + 1
	// Literal is a JSON string, number or boolean: a literal of the
	// term's Range (DatatypeOf).
	Literal
	// LangMap is a map from language tag to text: one language-tagged
	// literal per entry.
	LangMap
	// LangPairs is a list of {"lang", "name"} objects: one
	// language-tagged literal each.
	LangPairs
	// EntityRef is the ID of an entity of type Field.Ref: that entity's IRI.
	EntityRef
	// Code is a value of Field.Codes: its concept (mc:status-active).
	Code
	// WikidataItem is a QID ("Q64"): the Wikidata entity IRI.
	WikidataItem
	// URL is an absolute URL: the IRI itself.
	URL
	// Object is a nested object: a blank node with Field.Fields.
	Object
	// Nest is a nested object whose Fields belong to the record itself.
	Nest
	// ClassName is an entity type name ("municipality"): its class.
	ClassName
	// IRIKey is the entity's own IRI, written out ("iri" in the API's JSON).
	IRIKey
	// TypeKey is the entity's class name ("type": "Municipality").
	TypeKey
	// Entity is a nested entity object with its own "iri" and "type".
	Entity
)

// Field is one JSON field of a dataset type (its json tag) and how it
// becomes RDF and a column of the CSV and Parquet dumps.
type Field struct {
	Key   string       // JSON key ("names")
	Term  *Term        // predicate; nil for ID and Nest
	Value ValueKind    // how the value becomes RDF
	Many  bool         // a JSON list of such values
	Ref   dataset.Type // of an EntityRef
	Codes *CodeList    // of a Code
	// Datatype of a Literal, when it is narrower than the term's Range
	// (dcterms:modified is a date-time here, a date elsewhere).
	Datatype *Term
	// Column is the CSV/Parquet column; "{lang}" stands for a language
	// tag (name_{lang}: name_en, name_de…). Empty when the field is not a
	// column of its own (the parts of a nested object are).
	Column string
	Fields []Field // of an Object or Nest
	// PairValue is the key of the text in the elements of a LangPairs
	// value: "name" (an alias) unless set ("text" of a takeaway).
	PairValue string
	// Table names, for a list of objects other than sources, the
	// derived table of the CSV and Parquet dumps that has one row per
	// object, after its record's type and ID (a record's content blocks).
	Table string
	// Identifying marks the fields of such an object that, with its
	// record's type and ID, tell it apart: its table's primary key.
	Identifying bool
	// Reverse says that the record is the object of Term and each value
	// its subject (JSON-LD @reverse): a municipality's "memberships" are
	// the memberships whose org:member it is.
	Reverse bool
}

// PairKey is the key of the text in the elements of a LangPairs value.
func (f *Field) PairKey() string {
	if f.PairValue != "" {
		return f.PairValue
	}
	return "name"
}

// LiteralType is the datatype of a Literal field's values.
func (f *Field) LiteralType() *Term {
	if f.Datatype != nil {
		return f.Datatype
	}
	if f.Term != nil && f.Term.Range != nil && f.Term.Range.Kind == Datatype {
		return f.Term.Range
	}
	return XSDString
}

// EntityType ties a dataset type to its class and fields.
type EntityType struct {
	Type   dataset.Type
	Class  *Term
	Fields []Field
}

// Fields shared by several types.
var (
	idField       = Field{Key: "id", Term: DCTermsIdentifier, Value: ID, Column: "id"}
	namesField    = Field{Key: "names", Term: SKOSPrefLabel, Value: LangMap, Column: "name_{lang}"}
	aliasesField  = Field{Key: "aliases", Term: SKOSAltLabel, Value: LangPairs, Many: true, Column: "aliases"}
	wikidataField = Field{Key: "wikidata", Term: OWLSameAs, Value: WikidataItem, Column: "wikidata"}
	websiteField  = Field{Key: "website", Term: FOAFHomepage, Value: URL, Column: "website"}
	createdField  = Field{Key: "created", Term: DCTermsCreated, Value: Literal, Datatype: XSDDateTime, Column: "created"}
	modifiedField = Field{Key: "modified", Term: DCTermsModified, Value: Literal, Datatype: XSDDateTime, Column: "modified"}
	statusField   = Field{Key: "status", Term: Status, Value: Code, Codes: Statuses, Column: "status"}
	summaryField  = Field{Key: "summary", Term: DCTermsAbstract, Value: LangMap, Column: "summary_{lang}"}
	// The origin of each language of a text (dataset.Origins).
	summaryOriginField = Field{Key: "summary_origin", Term: SummaryOrigin, Value: LangMap, Column: "summary_origin_{lang}"}
)

// sourceFields are the fields of a dataset.Source; prefix names their
// columns ("source_" for a membership's one source).
func sourceFields(prefix string) []Field {
	url := prefix + "url"
	if prefix == "sources_" {
		url = "sources" // a list of URLs in one cell
	}
	cols := func(c string) string {
		if prefix == "sources_" {
			return "" // only the URLs of a record's sources are a column
		}
		return prefix + c
	}
	return []Field{
		{Key: "url", Term: SchemaURL, Value: URL, Column: url},
		{Key: "title", Term: DCTermsTitle, Value: Literal, Datatype: XSDString, Column: cols("title")},
		{Key: "accessed", Term: Accessed, Value: Literal, Column: cols("accessed")},
		{Key: "note", Term: DCTermsDescription, Value: Literal, Datatype: XSDString, Column: cols("note")},
	}
}

var sourcesField = Field{Key: "sources", Term: DCTermsSource, Value: Object, Many: true, Fields: sourceFields("sources_")}

// idCoinedField marks an ID this project made up (dataset's IDCoined).
var idCoinedField = Field{Key: "id_coined", Term: IDCoined, Value: Literal, Column: "id_coined"}

// entityTypes lists the dataset types in the order the JSON-LD context
// prefers them: where two types give a JSON key different meanings, the
// first one's is the context's default and the other's is scoped to its
// type.
var entityTypes = []*EntityType{
	{Type: dataset.TypeMunicipality, Class: Municipality, Fields: []Field{
		idField,
		{Key: "kind", Term: KindProp, Value: Code, Codes: Kinds, Column: "kind"},
		namesField,
		aliasesField,
		{Key: "country", Term: SchemaContainedInPlace, Value: EntityRef, Ref: dataset.TypeCountry, Column: "country"},
		{Key: "coordinates", Value: Nest, Fields: []Field{
			{Key: "lat", Term: GeoLat, Value: Literal, Column: "lat"},
			{Key: "lon", Term: GeoLong, Value: Literal, Column: "lon"},
		}},
		wikidataField,
		{Key: "wikidata_candidates", Term: WikidataCandidate, Value: WikidataItem, Many: true, Column: "wikidata_candidates"},
		{Key: "geonames", Term: GeoNamesID, Value: Literal, Column: "geonames"},
		{Key: "lau", Term: LAUCode, Value: Literal, Column: "lau"},
		{Key: "nuts3", Term: NUTS3Code, Value: Literal, Column: "nuts3"},
		{Key: "osm_relation", Term: OSMRelation, Value: Literal, Column: "osm_relation"},
		{Key: "population", Term: Population, Value: Object, Fields: []Field{
			{Key: "value", Term: RDFValue, Value: Literal, Datatype: XSDInteger, Column: "population"},
			{Key: "year", Term: DCTermsDate, Value: Literal, Datatype: XSDGYear, Column: "population_year"},
			{Key: "source", Term: DCTermsSource, Value: URL, Column: "population_source"},
		}},
		{Key: "featured", Term: Featured, Value: Literal, Column: "featured"},
		summaryField,
		summaryOriginField,
		cityContentFields[0], cityContentFields[1], cityContentFields[2], cityContentFields[3],
		cityContentFields[4], cityContentFields[5], cityContentFields[6], cityContentFields[7],
		blocksField,
		websiteField,
		sourcesField,
		idCoinedField,
		statusField,
		createdField,
		modifiedField,
	}},
	{Type: dataset.TypeNetwork, Class: Network, Fields: []Field{
		idField,
		namesField,
		aliasesField,
		{Key: "scope", Term: Scope, Value: Code, Codes: Scopes, Column: "scope"},
		{Key: "countries", Term: SchemaAreaServed, Value: EntityRef, Ref: dataset.TypeCountry, Many: true, Column: "countries"},
		websiteField,
		wikidataField,
		{Key: "founded", Term: SchemaFoundingDate, Value: Literal, Column: "founded"},
		{Key: "description", Term: DCTermsDescription, Value: LangMap, Column: "description_{lang}"},
		{Key: "description_origin", Term: DescriptionOrigin, Value: LangMap, Column: "description_origin_{lang}"},
		sourcesField,
		idCoinedField,
		createdField,
		modifiedField,
	}},
	{Type: dataset.TypeCountry, Class: SchemaCountry, Fields: []Field{
		idField,
		namesField,
		// The origin of each language of the names: they are skos:prefLabel,
		// whose origin a category's labels_origin gives too.
		{Key: "names_origin", Term: LabelOrigin, Value: LangMap, Column: "name_origin_{lang}"},
		wikidataField,
		{Key: "bbox", Term: BoundingBoxProp, Value: Object, Fields: []Field{
			{Key: "west", Term: West, Value: Literal, Column: "bbox_west"},
			{Key: "south", Term: South, Value: Literal, Column: "bbox_south"},
			{Key: "east", Term: East, Value: Literal, Column: "bbox_east"},
			{Key: "north", Term: North, Value: Literal, Column: "bbox_north"},
		}},
		// Country content (dataset.CountryContent).
		{Key: "political_context", Term: PoliticalContext, Value: LangMap, Column: "political_context_{lang}"},
		{Key: "political_context_origin", Term: PoliticalContextOrigin, Value: LangMap, Column: "political_context_origin_{lang}"},
		sourcesField,
		createdField,
		modifiedField,
	}},
	{Type: dataset.TypeMembership, Class: OrgMembership, Fields: []Field{
		idField,
		{Key: "municipality", Term: OrgMember, Value: EntityRef, Ref: dataset.TypeMunicipality, Column: "municipality"},
		{Key: "network", Term: OrgOrganizationProp, Value: EntityRef, Ref: dataset.TypeNetwork, Column: "network"},
		{Key: "since", Term: Since, Value: Literal, Column: "since"},
		{Key: "until", Term: Until, Value: Literal, Column: "until"},
		{Key: "attested", Term: Attested, Value: Literal, Column: "attested"},
		{Key: "source", Term: DCTermsSource, Value: Object, Fields: sourceFields("source_")},
		createdField,
		modifiedField,
	}},
	{Type: dataset.TypeApproach, Class: Approach, Fields: []Field{
		idField,
		{Key: "title", Term: DCTermsTitle, Value: LangMap, Column: "title_{lang}"},
		{Key: "title_origin", Term: TitleOrigin, Value: LangMap, Column: "title_origin_{lang}"},
		// Other slugs, the platform's among them, as a category's.
		{Key: "aliases", Term: SKOSHiddenLabel, Value: Literal, Datatype: XSDString, Many: true, Column: "aliases"},
		{Key: "municipality", Term: PROVWasAssociatedWith, Value: EntityRef, Ref: dataset.TypeMunicipality, Column: "municipality"},
		{Key: "categories", Term: DCTermsSubject, Value: EntityRef, Ref: dataset.TypeCategory, Many: true, Column: "categories"},
		summaryField,
		summaryOriginField,
		// Approach content (dataset.ApproachContent).
		{Key: "short_title", Term: SchemaAlternativeHeadline, Value: LangMap, Column: "short_title_{lang}"},
		{Key: "short_title_origin", Term: ShortTitleOrigin, Value: LangMap, Column: "short_title_origin_{lang}"},
		blocksField,
		{Key: "blocks_origin", Term: BlocksOrigin, Value: LangMap, Column: "blocks_origin_{lang}"},
		{Key: "year_started", Term: StartYear, Value: Literal, Column: "year_started"},
		statusField,
		{Key: "related", Term: DCTermsRelation, Value: EntityRef, Ref: dataset.TypeApproach, Many: true, Column: "related"},
		sourcesField,
		idCoinedField,
		{Key: "own_categories", Term: OwnCategories, Value: Literal, Column: "own_categories"},
		createdField,
		modifiedField,
	}},
	{Type: dataset.TypeCategory, Class: SKOSConcept, Fields: []Field{
		idField,
		{Key: "labels", Term: SKOSPrefLabel, Value: LangMap, Column: "label_{lang}"},
		{Key: "labels_origin", Term: LabelOrigin, Value: LangMap, Column: "label_origin_{lang}"},
		{Key: "definitions", Term: SKOSDefinition, Value: LangMap, Column: "definition_{lang}"},
		{Key: "definitions_origin", Term: DefinitionOrigin, Value: LangMap, Column: "definition_origin_{lang}"},
		{Key: "aliases", Term: SKOSHiddenLabel, Value: Literal, Datatype: XSDString, Many: true, Column: "aliases"},
		sourcesField,
		idCoinedField,
		createdField,
		modifiedField,
	}},
}

// WireFields are the keys the API's JSON adds to the dataset's: every
// entity's "iri" and "type", the member municipality embedded in a
// network's memberships, a GeoSPARQL geometry, and the envelope of a page
// of a collection.
var WireFields = []Field{
	{Key: "iri", Value: IRIKey},
	{Key: "type", Value: TypeKey},
	{Key: "member", Term: OrgMember, Value: Entity},
	// A municipality's point as GeoSPARQL: "geometry": {"wkt": "POINT(13.4 52.5)"}
	// (see WKTPoint), next to WGS84 "coordinates".
	{Key: "geometry", Term: GSPHasGeometry, Value: Object, Fields: []Field{
		{Key: "wkt", Term: GSPAsWKT, Value: Literal},
	}},
	// A document describes its entity with what the API's JSON leaves to
	// other operations (see package graph): a municipality's memberships
	// and approaches as nested entities, whose own "municipality" points
	// back to it, and the document itself, whose foaf:primaryTopic the
	// entity is, with its licence and the dataset it belongs to.
	{Key: "memberships", Term: OrgMember, Value: Entity, Many: true, Reverse: true},
	{Key: "approaches", Term: PROVWasAssociatedWith, Value: Entity, Many: true, Reverse: true},
	{Key: "document", Term: FOAFPrimaryTopic, Value: Entity, Reverse: true},
	{Key: "license", Term: DCTermsLicense, Value: URL},
	{Key: "in_dataset", Term: VoIDInDataset, Value: URL},
	{Key: "is_part_of", Term: DCTermsIsPartOf, Value: URL},
	{Key: "items", Term: HydraMember, Value: Entity, Many: true},
	{Key: "total", Term: HydraTotalItems, Value: Literal},
	{Key: "limit", Term: HydraLimit, Value: Literal},
	{Key: "next", Term: HydraNext, Value: URL},
	{Key: "prev", Term: HydraPrevious, Value: URL},
}

// RetiredFields are the fields of a tombstone (dataset.Retired). Its "id"
// is an ID of the entity type its "type" names.
var RetiredFields = []Field{
	{Key: "type", Term: DCTermsType, Value: ClassName, Column: "type"},
	idField,
	{Key: "replaced_by", Term: DCTermsIsReplacedBy, Value: EntityRef, Column: "replaced_by"}, // Ref: the tombstone's own type
	{Key: "reason", Term: RetirementReason, Value: Literal, Column: "reason"},
	{Key: "retired", Term: PROVInvalidatedAtTime, Value: Literal, Datatype: XSDDateTime, Column: "retired"},
}

// Name is the type's name in JSON "type" fields and in the JSON-LD
// context ("Municipality").
func (e *EntityType) Name() string {
	s := string(e.Type)
	return strings.ToUpper(s[:1]) + s[1:]
}

// EntityTypes returns every dataset type with its class and fields, in
// context order (see entityTypes).
func EntityTypes() []*EntityType { return entityTypes }

// TypeOf returns the class and fields of the dataset type t.
func TypeOf(t dataset.Type) (*EntityType, bool) {
	for _, e := range entityTypes {
		if e.Type == t {
			return e, true
		}
	}
	return nil, false
}

// ClassOf returns the class of entities of type t, or nil.
func ClassOf(t dataset.Type) *Term {
	if e, ok := TypeOf(t); ok {
		return e.Class
	}
	return nil
}

// walkFields calls fn for every field of every type and of tombstones,
// nested fields included, with the key path of its parent ("" at the
// top, "sources" inside a source).
func walkFields(fn func(parent string, f *Field)) {
	var walk func(parent string, fs []Field)
	walk = func(parent string, fs []Field) {
		for i := range fs {
			fn(parent, &fs[i])
			walk(fs[i].Key, fs[i].Fields)
		}
	}
	for _, e := range entityTypes {
		walk("", e.Fields)
	}
	walk("", RetiredFields)
}
