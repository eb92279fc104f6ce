-- SPDX-License-Identifier: MIT
-- 004_drafts.sql — text being typed, and text the form refused, kept apart
-- from the answers and the audit trail.
--
-- The UI writes what is being typed here within a second of the last key,
-- so a crash (kill -9, a flat battery) loses at most that second; on the
-- next start the draft is offered back in place.  A value the form refused
-- stays here, marked refused with the reason, until it is repaired or
-- thrown away; a case's close check counts them.  Nothing here is an
-- answer: reports, exports and the audit trail never read this table, and
-- saving the answer deletes its draft.
--
-- scope names the page's source: a form record's id, or "<kind>:<id>" for
-- the store's own rows (a meeting, a participant, a case).  record_id is
-- set for drafts of a form record (so deleting the record deletes them).
CREATE TABLE draft (
	scope TEXT NOT NULL,
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT '',
	record_id TEXT REFERENCES form_record (id) ON DELETE CASCADE,
	text TEXT NOT NULL,
	refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1)),
	reason TEXT,
	updated INTEGER NOT NULL,
	PRIMARY KEY (scope, field, item, col)
) STRICT, WITHOUT ROWID;
CREATE INDEX draft_record ON draft (record_id) WHERE record_id IS NOT NULL;
