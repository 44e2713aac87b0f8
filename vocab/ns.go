package vocab

// The namespaces of every term in the table, with the prefixes our
// outputs declare. Each IRI ends in '#' or '/', so that every format can
// abbreviate with it (a JSON-LD prefix must end in a gen-delim).
var (
	MC = &Namespace{"mc", "https://data.moving-cities.eu/vocab#", "Moving Cities vocabulary"}

	RDF      = &Namespace{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "RDF"}
	RDFS     = &Namespace{"rdfs", "http://www.w3.org/2000/01/rdf-schema#", "RDF Schema"}
	OWL      = &Namespace{"owl", "http://www.w3.org/2002/07/owl#", "OWL 2"}
	XSD      = &Namespace{"xsd", "http://www.w3.org/2001/XMLSchema#", "XML Schema datatypes"}
	SKOS     = &Namespace{"skos", "http://www.w3.org/2004/02/skos/core#", "SKOS"}
	DCTerms  = &Namespace{"dcterms", "http://purl.org/dc/terms/", "DCMI Metadata Terms"}
	VANN     = &Namespace{"vann", "http://purl.org/vocab/vann/", "VANN: vocabulary annotations"}
	FOAF     = &Namespace{"foaf", "http://xmlns.com/foaf/0.1/", "FOAF"}
	Schema   = &Namespace{"schema", "http://schema.org/", "schema.org"}
	Org      = &Namespace{"org", "http://www.w3.org/ns/org#", "W3C Organization Ontology"}
	PROV     = &Namespace{"prov", "http://www.w3.org/ns/prov#", "W3C PROV-O"}
	Geo      = &Namespace{"geo", "http://www.w3.org/2003/01/geo/wgs84_pos#", "W3C WGS84 Geo Positioning"}
	GSP      = &Namespace{"gsp", "http://www.opengis.net/ont/geosparql#", "OGC GeoSPARQL"}
	Time     = &Namespace{"time", "http://www.w3.org/2006/time#", "W3C Time Ontology"}
	DCAT     = &Namespace{"dcat", "http://www.w3.org/ns/dcat#", "W3C DCAT"}
	EDTF     = &Namespace{"edtf", "http://id.loc.gov/datatypes/edtf/", "Extended Date/Time Format (Library of Congress)"}
	WD       = &Namespace{"wd", "http://www.wikidata.org/entity/", "Wikidata entities"}
	WDT      = &Namespace{"wdt", "http://www.wikidata.org/prop/direct/", "Wikidata direct properties"}
	Hydra    = &Namespace{"hydra", "http://www.w3.org/ns/hydra/core#", "Hydra Core (paged API collections)"}
	ADMS     = &Namespace{"adms", "http://www.w3.org/ns/adms#", "Asset Description Metadata Schema (ADMS)"}
	Wikibase = &Namespace{"wikibase", "http://wikiba.se/ontology#", "Wikibase ontology"}
	VoID     = &Namespace{"void", "http://rdfs.org/ns/void#", "VoID: Vocabulary of Interlinked Datasets"}
	DCATAP   = &Namespace{"dcatap", "http://data.europa.eu/r5r/", "DCAT-AP: DCAT Application Profile for data portals in Europe"}
	SPDX     = &Namespace{"spdx", "http://spdx.org/rdf/terms#", "SPDX 2 (checksums)"}
	VCard    = &Namespace{"vcard", "http://www.w3.org/2006/vcard/ns#", "vCard ontology"}
)

// Namespaces lists every namespace, ours first. Writers declare them as
// prefixes in this order.
var Namespaces = []*Namespace{MC, RDF, RDFS, OWL, XSD, SKOS, DCTerms, VANN, FOAF, Schema, Org, PROV, Geo, GSP, Time, DCAT, EDTF, WD, WDT, Hydra, ADMS, Wikibase, VoID, DCATAP, SPDX, VCard}

// Fixed IRIs of the vocabulary document and of the things it names.
const (
	// OntologyIRI names the vocabulary as a whole (the namespace without
	// its '#').
	OntologyIRI = "https://data.moving-cities.eu/vocab"
	// Version is the vocabulary's version; VersionIRI names this version.
	Version    = "1.0.0"
	VersionIRI = OntologyIRI + "/" + Version
	// Issued and Modified date the first and the current version.
	Issued   = "2026-11-26"
	Modified = "2026-11-26"
	// LicenseIRI is the licence of the vocabulary and the data (CC BY 4.0).
	LicenseIRI = "https://creativecommons.org/licenses/by/4.0/"
	// PublisherIRI names the publisher, Moving Cities, by its website.
	PublisherIRI = "https://moving-cities.eu/"
	// PublisherName is the publisher's name.
	PublisherName = "Moving Cities"
)

// Versions lists the published versions of the vocabulary, oldest first;
// the last is Version.
var Versions = []string{Version}
