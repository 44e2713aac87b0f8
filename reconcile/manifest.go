package reconcile

import (
	"net/url"

	"github.com/moving-cities/opendata/dataset"
)

// Service is the deployment the manifests announce: where the two
// endpoints are and what they are called. Paths are absolute paths under
// BaseURI. Sub-services of the 1.0-draft endpoint sit at the routes the
// draft fixes relative to Root (/reconcile, /suggest/entity, /preview,
// /extend…); the 0.2 endpoint names its own in its manifest.
type Service struct {
	// BaseURI is the public base of every IRI and link, without a
	// trailing slash.
	BaseURI string
	// Version is the version of the software, the manifests'
	// serviceVersion.
	Version string
	// Root is the path of the 1.0-draft endpoint ("/reconcile"); Root02
	// that of the 0.2 endpoint ("/reconcile/v0.2").
	Root, Root02 string
}

// ServiceName is the name manifests give.
const ServiceName = "Moving Cities Open Data"

// Preview frame size, in pixels.
const previewWidth, previewHeight = 420, 220

// ViewPath is the path, under Root, of the view of an entity: it
// redirects to the entity's page, whatever its type.
const ViewPath = "/view/"

// ViewURL returns the URL of the view of the entity with reconciliation ID
// rid, a redirect to its page.
func (s Service) ViewURL(rid string) string {
	return s.BaseURI + s.Root + ViewPath + url.PathEscape(rid)
}

// PageURL returns the URL of the page of an entity.
func (s Service) PageURL(t dataset.Type, id string) string {
	return s.BaseURI + "/" + t.Plural() + "/" + url.PathEscape(id)
}

// IRI returns the IRI of an entity.
func (s Service) IRI(t dataset.Type, id string) string {
	return s.BaseURI + "/id/" + string(t) + "/" + url.PathEscape(id)
}

func defaultTypes() []TypeInfo {
	out := make([]TypeInfo, len(Types))
	for i, t := range Types {
		out[i] = TypeInfo(t)
	}
	return out
}

// Manifest02 is the service manifest of the 0.2 endpoint.
type Manifest02 struct {
	Versions        []string     `json:"versions"`
	Name            string       `json:"name"`
	IdentifierSpace string       `json:"identifierSpace"`
	SchemaSpace     string       `json:"schemaSpace"`
	Documentation   string       `json:"documentation,omitempty"`
	ServiceVersion  string       `json:"serviceVersion,omitempty"`
	DefaultTypes    []TypeInfo   `json:"defaultTypes"`
	View            URLTemplate  `json:"view"`
	Preview         Preview02    `json:"preview"`
	Suggest         Suggest02    `json:"suggest"`
	Extend          Extend02Meta `json:"extend"`
	BatchSize       int          `json:"batchSize"`
}

// URLTemplate is a view template.
type URLTemplate struct {
	URL string `json:"url" doc:"URI template of an entity's view" example:"https://data.moving-cities.eu/reconcile/view/{id}"`
}

type Preview02 struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

type ServicePath struct {
	ServiceURL  string `json:"service_url"`
	ServicePath string `json:"service_path"`
}

type Suggest02 struct {
	Entity   ServicePath `json:"entity"`
	Property ServicePath `json:"property"`
	Type     ServicePath `json:"type"`
}

type Extend02Meta struct {
	ProposeProperties ServicePath `json:"propose_properties"`
	PropertySettings  []any       `json:"property_settings"`
}

// Manifest02 returns the manifest of the 0.2 endpoint. Its identifier
// space is the prefix of municipality IRIs (a municipality's IRI is the
// space followed by its reconciliation ID); its schema space is our
// vocabulary.
func (s Service) Manifest02() Manifest02 {
	root := s.BaseURI + s.Root02
	return Manifest02{
		Versions:        []string{"0.2"},
		Name:            ServiceName,
		IdentifierSpace: s.BaseURI + "/id/municipality/",
		SchemaSpace:     VocabNS,
		Documentation:   s.BaseURI + "/docs",
		ServiceVersion:  s.Version,
		DefaultTypes:    defaultTypes(),
		View:            URLTemplate{s.BaseURI + s.Root + ViewPath + "{{id}}"},
		Preview:         Preview02{URL: s.BaseURI + s.Root + "/preview?id={{id}}", Width: previewWidth, Height: previewHeight},
		Suggest: Suggest02{
			Entity:   ServicePath{root, "/suggest/entity"},
			Property: ServicePath{root, "/suggest/property"},
			Type:     ServicePath{root, "/suggest/type"},
		},
		Extend: Extend02Meta{
			ProposeProperties: ServicePath{root, "/extend/propose"},
			PropertySettings:  []any{},
		},
		BatchSize: BatchSize,
	}
}

// Manifest10 is the service manifest of the 1.0-draft endpoint.
type Manifest10 struct {
	Versions          []string     `json:"versions" doc:"Versions of the reconciliation API this endpoint speaks" example:"[\"1.0-draft\"]"`
	Name              string       `json:"name" doc:"Name of the service" example:"Moving Cities Open Data"`
	Documentation     string       `json:"documentation,omitempty" doc:"Documentation of the service" format:"uri"`
	ServiceVersion    string       `json:"serviceVersion,omitempty" doc:"Version of the software"`
	DefaultTypes      []TypeInfo   `json:"defaultTypes" doc:"Types to reconcile against"`
	View              URLTemplate  `json:"view" doc:"RFC 6570 template of an entity's view (a redirect to its page)"`
	Preview           Preview10    `json:"preview" doc:"Size of the previews at {endpoint}/preview?id={id}"`
	Suggest           Suggest10    `json:"suggest" doc:"Suggest services offered at {endpoint}/suggest/{entity,property,type}"`
	Extend            Extend10Meta `json:"extend" doc:"Data extension offered at {endpoint}/extend and {endpoint}/extend/propose"`
	BatchSize         int          `json:"batchSize" doc:"Queries per batch the service is tuned for; batches of up to 1000 are answered"`
	Lang              string       `json:"lang" doc:"Language of names and descriptions" example:"en"`
	StandardizedScore bool         `json:"standardizedScore" doc:"Scores are between 0 and 100"`
}

type Preview10 struct {
	Width  int `json:"width" doc:"Width of the preview frame, in pixels"`
	Height int `json:"height" doc:"Height of the preview frame, in pixels"`
}

type Suggest10 struct {
	Entity   bool `json:"entity"`
	Property bool `json:"property"`
	Type     bool `json:"type"`
}

type Extend10Meta struct {
	ProposeProperties bool  `json:"proposeProperties"`
	PropertySettings  []any `json:"propertySettings"`
}

// Manifest10 returns the manifest of the 1.0-draft endpoint. The draft
// dropped identifierSpace and schemaSpace; its view template is RFC 6570.
func (s Service) Manifest10() Manifest10 {
	return Manifest10{
		Versions:          []string{"1.0-draft"},
		Name:              ServiceName,
		Documentation:     s.BaseURI + "/docs",
		ServiceVersion:    s.Version,
		DefaultTypes:      defaultTypes(),
		View:              URLTemplate{s.BaseURI + s.Root + ViewPath + "{id}"},
		Preview:           Preview10{previewWidth, previewHeight},
		Suggest:           Suggest10{true, true, true},
		Extend:            Extend10Meta{ProposeProperties: true, PropertySettings: []any{}},
		BatchSize:         BatchSize,
		Lang:              "en",
		StandardizedScore: true,
	}
}
