// Package catalog describes the dataset for those who find and reuse data
// by its metadata (issue 8): a DCAT-AP 3 catalogue for data portals such
// as data.europa.eu (DCAT), a VoID description of the graph for linked
// data tools (VoID), and a schema.org Dataset for search engines
// (SchemaOrg).
//
// Nothing is invented: the catalogue's values come from the Config
// (publisher, contact point, licence, titles, themes), from the release
// manifests (one distribution per file, with its size and SHA-256; the
// earlier releases as versions of the dataset) and from the data (the
// countries it covers, the period its dates span, its languages). The
// EU Vocabularies' authority tables, the ADMS code lists and IANA's media
// types name the controlled values, and each concept used is stated with
// the classes and scheme that the DCAT-AP SHACL shapes check.
//
// The VoID statistics (Counter) are counted from the same triple stream
// the graph dumps are written from, or from the N-Triples dump itself,
// so that they equal the dump's counts.
//
// The package imports neither dumps nor api: the dumps call WriteRelease
// to put dcat.ttl and void.ttl into each release, and the API serves the
// catalogue at /catalog and the VoID description at /.well-known/void.
// Every predicate and class comes from the vocabulary's table.
package catalog
