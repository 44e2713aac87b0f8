// Package vocab is the one table of RDF terms of Moving Cities Open Data:
// the classes and properties of the `mc:` vocabulary
// (https://data.moving-cities.eu/vocab#) and the terms reused from
// schema.org, DCTERMS, SKOS, ORG, PROV, WGS84, GeoSPARQL, FOAF, OWL and
// others. Each Term carries its IRI, kind, labels and comments, domain,
// range or datatype, and its relations to standard terms; each Field says
// how one JSON field of a dataset type becomes RDF and which CSV/Parquet
// column it fills.
//
// Everything that writes RDF reads this table: exporters take every
// predicate, class and datatype from it (vocab.SKOSPrefLabel.IRI, never a
// string), the JSON-LD context (Context) and the vocabulary document
// (Graph, WriteHTML) are generated from it, and Check proves that a stream
// of triples uses only terms defined here.
//
// The package also holds the small RDF data model the exporters stream
// (Node, Triple) and the rendering of each datatype as a literal (Double,
// GYear, PartialDate, DateTime…), so that a value is written the same way in
// every format.
package vocab
