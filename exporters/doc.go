// Package exporters writes RDF. Each format is a record of the explicit
// table Formats (name, file suffix, media types, writer); servers choose
// one with Negotiate and dumps by suffix, and every writer streams a
// sequence of vocab.Triple to an io.Writer in constant memory (it groups
// consecutive triples of one subject; it never holds the graph).
//
// N-Triples and Turtle terms are serialised by github.com/knakk/rdf. Its
// Turtle encoder is not used: it writes prefixed names without escaping
// their local part ("ns0:Frankfurt_(Oder)") and bare literals whose
// lexical form is not a Turtle number ("52.5" typed xsd:double reads back
// as xsd:decimal). Our Turtle writer abbreviates only where that is
// provably safe and otherwise writes knakk's N-Triples form of the term,
// which is valid Turtle. RDF/XML and JSON-LD writers are our own.
//
// Every writer validates what it writes (IRIs, blank node labels,
// language tags, UTF-8) and returns an error rather than write a
// document that a parser would read differently.
package exporters
