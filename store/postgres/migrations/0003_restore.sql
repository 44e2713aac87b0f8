-- Issue 15: a retired ID may be restored (a CMS entry that comes back):
-- versions gain the kind 'restored', and revisions count restorations,
-- as store/sqlite keeps them (its migration 0004).
ALTER TABLE versions DROP CONSTRAINT versions_kind_check;
ALTER TABLE versions ADD CONSTRAINT versions_kind_check CHECK (kind IN ('added', 'changed', 'retired', 'restored'));

ALTER TABLE revisions ADD COLUMN restored integer NOT NULL DEFAULT 0;
