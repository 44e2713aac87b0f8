-- Issue 13: "add your city" proposals, a moderation queue. Rows are only
-- added and decided once; a proposal is never published before it is
-- accepted (its ID is the proposer's private link to its status).
CREATE TABLE proposals (
	id        TEXT    NOT NULL PRIMARY KEY,
	kind      TEXT    NOT NULL,
	text      TEXT    NOT NULL,
	source    TEXT    NOT NULL,
	contact   TEXT    NOT NULL DEFAULT '',
	ops       TEXT    NOT NULL DEFAULT 'null' CHECK (json_valid(ops)),
	created   TEXT    NOT NULL,
	status    TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
	decided_by TEXT   NOT NULL DEFAULT '',
	reason    TEXT    NOT NULL DEFAULT '',
	revision  INTEGER NOT NULL DEFAULT 0,
	decided   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX proposals_by_status ON proposals (status, created);
