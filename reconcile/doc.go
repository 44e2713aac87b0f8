// Package reconcile links our records with other people's data: the W3C
// Entity Reconciliation Community Group's reconciliation API, both the
// final 0.2 (form-encoded "queries", what OpenRefine 3.x speaks) and the
// 1.0 draft (JSON, "conditions", RFC 6570 templates), with preview,
// suggest and data extension; and the exports Wikidata's tools import: a
// Mix'n'match catalogue and QuickStatements v1 commands.
//
// Nothing here knows HTTP. An Index is built once per snapshot (see
// Cache) and answers queries in the protocol-neutral types of this
// package (Query, Candidate, …); wire02.go and wire10.go read each
// version's requests into those (DecodeQueries02, Queries10) and answer
// in its shapes (Reconcile02, Reconcile10, Extend02, Extend10), and
// api/reconcile.go puts them on routes.
//
// Matching compares a query with every name and alias of an entity in
// every language, ignoring case, diacritics and script (dataset.Fold,
// dataset.Transliterate), plus German umlaut spellings ("Muenchen").
// A candidate is an automatic match (match: true) only when it is
// clearly right: its name matches exactly, a country, Wikidata or network
// condition confirms it, no condition contradicts it, and no other
// candidate comes close. A bare name is never enough for a municipality:
// the dataset lists a few hundred of Europe's many thousand
// municipalities, so "Valencia", "Bergen" or "Córdoba" alone is more
// likely another place of that name than ours.
package reconcile
