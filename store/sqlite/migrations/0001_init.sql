-- Records are stored as their JSON documents, keyed by type and ID: the
-- domain (package dataset) owns the fields and their validation, the store
-- owns durability, revisions and stamps. Columns that queries need are
-- kept beside the document.
CREATE TABLE records (
	type     TEXT    NOT NULL,
	id       TEXT    NOT NULL,
	doc      TEXT    NOT NULL CHECK (json_valid(doc)),
	created  TEXT    NOT NULL,
	modified TEXT    NOT NULL,
	revision INTEGER NOT NULL,
	PRIMARY KEY (type, id)
) WITHOUT ROWID;

-- Identifiers are forever: a retired ID keeps a tombstone, and may never
-- become a record again.
CREATE TABLE retired (
	type        TEXT    NOT NULL,
	id          TEXT    NOT NULL,
	replaced_by TEXT    NOT NULL DEFAULT '',
	reason      TEXT    NOT NULL,
	retired_at  TEXT    NOT NULL,
	revision    INTEGER NOT NULL,
	PRIMARY KEY (type, id)
) WITHOUT ROWID;

-- One row per revision: when it was made and what it did.
CREATE TABLE revisions (
	revision   INTEGER PRIMARY KEY,
	applied_at TEXT    NOT NULL,
	added      INTEGER NOT NULL,
	changed    INTEGER NOT NULL,
	retired    INTEGER NOT NULL
);
