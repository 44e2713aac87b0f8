// Package dumps makes, keeps and lists the dataset's downloadable
// releases (issue 6): one folder per release, named by date and dataset
// revision ("2026-11-27-r42"), holding every table as Parquet and CSV,
// municipalities as GeoJSON and GeoParquet 1.1, the whole graph as
// gzipped N-Triples, Turtle and JSON-LD, and the metadata that lets other
// tools use them without us: csv-metadata.json (CSV on the Web),
// datapackage.json (Frictionless Data), manifest.json, SHA256SUMS, a
// change list against the previous release, and all of them in one zip
// (bundle.go).
//
// The tables are not spelled here: every column, its datatype and the
// property a CSVW processor turns it into come from the vocabulary's
// field table (vocab.EntityTypes), and each datatype is rendered once
// (colType) for CSV, Parquet, CSVW, Data Package and GeoJSON alike. The
// few tables the vocabulary does not describe (names in other languages
// and aliases, the links of list-valued references, sources) are derived
// from the same fields; their own column names are in local.go.
//
// A release is written into a temporary folder, fsynced and renamed into
// place; the "latest" symlink moves only after that, so a crash, a kill
// or a full disk leaves the previous release complete and served. The
// same data gives byte-identical files (only manifest.json's generation
// time differs), and no release is made when nothing changed. Retention
// keeps the last N releases and the first release of each month.
//
// Scheduler runs Release on a cron schedule (default 03:30
// Europe/Berlin), never twice at once, recovering and counting panics,
// and catches up a run missed while the service was down. Archive reads
// the releases for the HTTP layer without letting a path escape the
// dumps folder.
package dumps
