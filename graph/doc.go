// Package graph builds the RDF graph of the dataset: the document of each
// entity and the whole dataset as one graph.
//
// A document is JSON first. Doc.Object is the entity's record as the
// dataset encodes it, with the "iri" and "type" the API adds and, for a
// municipality, its GeoSPARQL point and its memberships and approaches as
// nested entities, and the document's own metadata (licence, dataset,
// foaf:primaryTopic) under "document". Its triples are what a JSON-LD
// processor reads from that JSON with the published context: Triples walks
// the object with vocab's field table (vocab.EntityTypes, vocab.WireFields,
// vocab.RetiredFields), the table the context is generated from, and
// renders every value as the context says (language maps, typed literals
// in JSON-LD's canonical forms, references through property-scoped bases,
// codes and QIDs through @vocab, @reverse for the nested entities). So an
// entity's JSON-LD document (the API's JSON, what Doc.Object adds, and
// the @context) and its Turtle, N-Triples and RDF/XML are one graph; the
// tests prove it with the jsonld, n3 and rapper parsers.
//
// DatasetTriples and WriteDataset stream the whole dataset: every entity's
// own triples and its document's metadata, and the tombstones of retired
// identifiers, one entity at a time.
package graph
