package reconcile

import (
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// VocabNS is the namespace of our vocabulary; the 0.2 manifest gives it as
// the schema space.
const VocabNS = "https://data.moving-cities.eu/vocab#"

// Type is a type of entity the services reconcile against.
type Type struct {
	ID          string // "municipality": the dataset.Type
	Name        string // "Municipality"
	Description string
}

// Types are the reconcilable types, in the order manifests list them.
var Types = []Type{
	{"municipality", "Municipality", "A local authority listed for its solidarity-based migration policy (municipality, municipal association or district)."},
	{"network", "Network", "A city network or programme that municipalities join."},
	{"approach", "Approach", "A local policy or practice a municipality implemented."},
}

func typeByID(id string) (Type, bool) {
	for _, t := range Types {
		if t.ID == id {
			return t, true
		}
	}
	return Type{}, false
}

// ParseType reads a type as clients send it: our ID ("municipality"), its
// plural, the class name ("Municipality") or the class IRI in our
// vocabulary. ok is false for anything else.
func ParseType(s string) (dataset.Type, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, VocabNS)
	s = strings.TrimPrefix(s, "mc:")
	t, ok := dataset.ParseType(strings.ToLower(s))
	if !ok {
		return "", false
	}
	if _, ok := typeByID(string(t)); !ok {
		return "", false
	}
	return t, true
}

// Property is a property queries can be conditioned on, data extension
// can fetch, or both. The same IDs serve both, as the specifications ask.
type Property struct {
	ID          string
	Name        string
	Description string
	// Types are the entity types that have the property.
	Types []dataset.Type
	// Condition says whether reconciliation queries may use it; Extend
	// whether data extension returns it.
	Condition, Extend bool
}

const (
	PropCountry      = "country"
	PropWikidata     = "wikidata"
	PropNetwork      = "network"
	PropMunicipality = "municipality"
	PropCoordinates  = "coordinates"
	PropPopulation   = "population"
	PropFeatured     = "featured"
)

var (
	muni = dataset.TypeMunicipality
	netw = dataset.TypeNetwork
	appr = dataset.TypeApproach
)

// Properties lists every property, in the order proposals give them.
var Properties = []Property{
	{PropCountry, "Country", "ISO 3166-1 alpha-2 code (\"DE\"); conditions also take the country's name in any language or its Wikidata item.", []dataset.Type{muni, netw, appr}, true, true},
	{PropWikidata, "Wikidata item", "The confirmed Wikidata item (\"Q64\"); unconfirmed candidates are never used.", []dataset.Type{muni, netw}, true, true},
	{PropNetwork, "Member of network", "A network the municipality is or was a member of, by ID or name.", []dataset.Type{muni}, true, true},
	{PropMunicipality, "Municipality", "The municipality that implemented the approach, by ID or name.", []dataset.Type{appr}, true, true},
	{PropCoordinates, "Coordinates", "WGS84 position as \"lat,lon\" in decimal degrees.", []dataset.Type{muni}, false, true},
	{PropPopulation, "Population", "Latest population count we hold.", []dataset.Type{muni}, false, true},
	{PropFeatured, "Featured", "\"true\" when Moving Cities features the municipality as an in-depth case study.", []dataset.Type{muni}, false, true},
}

func propertyByID(id string) (Property, bool) {
	for _, p := range Properties {
		if p.ID == id {
			return p, true
		}
	}
	return Property{}, false
}

func (p Property) hasType(t dataset.Type) bool {
	for _, x := range p.Types {
		if x == t {
			return true
		}
	}
	return false
}

// EntityID is the reconciliation ID of an entity. A municipality's is its
// ID as published ("munich"), the value a Wikidata property for our IDs
// holds; other types are prefixed with their type ("network:eccar"),
// because IDs are unique per type only and a service's IDs must be unique.
func EntityID(t dataset.Type, id string) string {
	if t == dataset.TypeMunicipality {
		return id
	}
	return string(t) + ":" + id
}

// ParseEntityID reads a reconciliation ID: "munich", "network:eccar", and
// also "municipality:munich". ok is false for anything that cannot be one.
func ParseEntityID(s string) (t dataset.Type, id string, ok bool) {
	t = dataset.TypeMunicipality
	if prefix, rest, found := strings.Cut(s, ":"); found {
		pt, ok := ParseType(prefix)
		if !ok {
			return "", "", false
		}
		t, s = pt, rest
	}
	if !dataset.IsSlug(s) {
		return "", "", false
	}
	return t, s, true
}
