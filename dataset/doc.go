// Package dataset is the domain of Moving Cities Open Data: municipalities,
// countries, city networks, memberships, local approaches and their
// categories; the rules that make a set of them valid; and the immutable,
// indexed Snapshot that every reader (API, exporters, dumps) works from.
//
// It imports none of the project's other packages. Data flows one way:
// a source (the embedded seed, an import file) is decoded into a Dataset,
// validated, persisted by the store, and published as a Snapshot.
package dataset
