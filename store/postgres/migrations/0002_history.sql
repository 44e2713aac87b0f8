-- Issue 13 on PostgreSQL: who made each revision and why, every version
-- of every record, the editors' API keys and the "add your city"
-- proposals, as store/sqlite keeps them (its migrations 0002 and 0003).
ALTER TABLE revisions ADD COLUMN author  text NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN message text NOT NULL DEFAULT '';

-- One row per record a revision wrote: the document as written (no
-- stamps), or the tombstone for a retirement. Rows are only ever added.
-- json, not jsonb: a version's document is served as it was written,
-- byte for byte, as SQLite serves it (jsonb would reorder its keys).
CREATE TABLE versions (
	type     text        NOT NULL,
	id       text        NOT NULL,
	revision bigint      NOT NULL,
	kind     text        NOT NULL CHECK (kind IN ('added', 'changed', 'retired')),
	doc      json        NOT NULL,
	created  timestamptz NOT NULL,
	PRIMARY KEY (type, id, revision)
);
CREATE INDEX versions_by_revision ON versions (revision, type, id);

-- A database made before this migration knows only each record's last
-- version: keep that, so that every served record has a history. Its
-- document is the record's jsonb (the same JSON, keys in jsonb's order);
-- a tombstone is spelt as the store writes one.
INSERT INTO versions (type, id, revision, kind, doc, created)
	SELECT type, id, revision, CASE WHEN created = modified THEN 'added' ELSE 'changed' END, doc::json, created FROM records;
INSERT INTO versions (type, id, revision, kind, doc, created)
	SELECT type, id, revision, 'retired',
		('{"type":' || to_json(type)::text || ',"id":' || to_json(id)::text ||
		 CASE WHEN replaced_by = '' THEN '' ELSE ',"replaced_by":' || to_json(replaced_by)::text END ||
		 ',"reason":' || to_json(reason)::text || '}')::json,
		retired_at FROM retired;

-- Editors' API keys: only the SHA-256 of a key is kept. Names are never
-- reused (revoked keys stay), so that revision authors stay unambiguous.
CREATE TABLE api_keys (
	name    text        NOT NULL PRIMARY KEY,
	role    text        NOT NULL CHECK (role IN ('editor', 'admin')),
	hash    text        NOT NULL UNIQUE,
	created timestamptz NOT NULL,
	revoked timestamptz
);

-- "Add your city" proposals, a moderation queue. Rows are only added and
-- decided once; a proposal is never published before it is accepted.
CREATE TABLE proposals (
	id         text        NOT NULL PRIMARY KEY,
	kind       text        NOT NULL,
	text       text        NOT NULL,
	source     text        NOT NULL,
	contact    text        NOT NULL DEFAULT '',
	ops        json,
	created    timestamptz NOT NULL,
	status     text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
	decided_by text        NOT NULL DEFAULT '',
	reason     text        NOT NULL DEFAULT '',
	revision   bigint      NOT NULL DEFAULT 0,
	decided    timestamptz
);
CREATE INDEX proposals_by_status ON proposals (status, created);
