-- Issue 13: who made each revision and why, every version of every
-- record, and the editors' API keys.
ALTER TABLE revisions ADD COLUMN author  TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN message TEXT NOT NULL DEFAULT '';

-- One row per record a revision wrote: the document as written (no
-- stamps), or the tombstone for a retirement. Rows are only ever added.
CREATE TABLE versions (
	type     TEXT    NOT NULL,
	id       TEXT    NOT NULL,
	revision INTEGER NOT NULL,
	kind     TEXT    NOT NULL CHECK (kind IN ('added', 'changed', 'retired')),
	doc      TEXT    NOT NULL CHECK (json_valid(doc)),
	created  TEXT    NOT NULL,
	PRIMARY KEY (type, id, revision)
) WITHOUT ROWID;
CREATE INDEX versions_by_revision ON versions (revision, type, id);

-- A database made before this migration knows only each record's last
-- version: keep that, so that every served record has a history.
INSERT INTO versions (type, id, revision, kind, doc, created)
	SELECT type, id, revision, CASE WHEN created = modified THEN 'added' ELSE 'changed' END, doc, created FROM records;
INSERT INTO versions (type, id, revision, kind, doc, created)
	SELECT type, id, revision, 'retired',
		CASE WHEN replaced_by = '' THEN json_object('type', type, 'id', id, 'reason', reason)
		     ELSE json_object('type', type, 'id', id, 'replaced_by', replaced_by, 'reason', reason) END,
		retired_at FROM retired;

-- Editors' API keys: only the SHA-256 of a key is kept. Names are never
-- reused (revoked keys stay), so that revision authors stay unambiguous.
CREATE TABLE api_keys (
	name    TEXT NOT NULL PRIMARY KEY,
	role    TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
	hash    TEXT NOT NULL UNIQUE,
	created TEXT NOT NULL,
	revoked TEXT NOT NULL DEFAULT ''
);
