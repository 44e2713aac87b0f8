-- The same model as the SQLite store: records as JSON documents keyed by
-- type and ID, tombstones for retired IDs, one row per revision.
CREATE TABLE records (
	type     text        NOT NULL,
	id       text        NOT NULL,
	doc      jsonb       NOT NULL,
	created  timestamptz NOT NULL,
	modified timestamptz NOT NULL,
	revision bigint      NOT NULL,
	PRIMARY KEY (type, id)
);

CREATE TABLE retired (
	type        text        NOT NULL,
	id          text        NOT NULL,
	replaced_by text        NOT NULL DEFAULT '',
	reason      text        NOT NULL,
	retired_at  timestamptz NOT NULL,
	revision    bigint      NOT NULL,
	PRIMARY KEY (type, id)
);

CREATE TABLE revisions (
	revision   bigint      PRIMARY KEY,
	applied_at timestamptz NOT NULL,
	added      integer     NOT NULL,
	changed    integer     NOT NULL,
	retired    integer     NOT NULL
);
