-- Issue 15: a retired ID may be restored (a CMS entry that comes back):
-- versions gain the kind 'restored', and revisions count restorations.
-- SQLite cannot change a CHECK constraint: the table is rebuilt.
CREATE TABLE versions_new (
	type     TEXT    NOT NULL,
	id       TEXT    NOT NULL,
	revision INTEGER NOT NULL,
	kind     TEXT    NOT NULL CHECK (kind IN ('added', 'changed', 'retired', 'restored')),
	doc      TEXT    NOT NULL CHECK (json_valid(doc)),
	created  TEXT    NOT NULL,
	PRIMARY KEY (type, id, revision)
) WITHOUT ROWID;
INSERT INTO versions_new (type, id, revision, kind, doc, created)
	SELECT type, id, revision, kind, doc, created FROM versions ORDER BY type, id, revision;
DROP TABLE versions;
ALTER TABLE versions_new RENAME TO versions;
CREATE INDEX versions_by_revision ON versions (revision, type, id);

ALTER TABLE revisions ADD COLUMN restored INTEGER NOT NULL DEFAULT 0;
