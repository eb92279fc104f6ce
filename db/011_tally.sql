-- SPDX-License-Identifier: MIT
-- The town's tallies kept (issue 12): what each case review counts for.
--
-- tally_hit holds, per case review and for the forms' tally spec (its
-- hash, src/store/store_tally.c), one row saying the review was counted
-- (kind -1) and one row per line it counts for: an issue category (0), an
-- ADL/IADL row rated a problem (1), a key problem code (2), a raised
-- regional issue under its merged wording (3) — with the review's meeting
-- date and its person's area, so a 年度's tally is one range of an index
-- and no answer is read (862 ms for FY2023 of the ten-year reference set
-- counted from the answers).
--
-- Filled by store_tally_run for the reviews of the period that have no
-- rows for the current spec; emptied for a review by any change to an
-- answer of its records, to its records, to the review itself, to its
-- meeting's date, to its person's area, or to the merging of a wording it
-- raised — so a row is never stale.  Derived and local: it never travels.
-- Written to run again over itself (IF NOT EXISTS): tests/sync/check_sync.py
-- rewinds a database to before the sync migration.
CREATE TABLE IF NOT EXISTS tally_hit (
	case_id TEXT NOT NULL,
	spec INTEGER NOT NULL,
	kind INTEGER NOT NULL,
	form TEXT NOT NULL,
	field TEXT NOT NULL,
	item TEXT NOT NULL,
	date TEXT NOT NULL, -- the review's meeting date
	area TEXT NOT NULL, -- the person's area, or ''
	PRIMARY KEY (case_id, spec, kind, form, field, item)
) STRICT, WITHOUT ROWID;
-- kind before date: the reviews of a period (kind -1) count in one range.
CREATE INDEX IF NOT EXISTS tally_hit_date ON tally_hit (spec, kind, date, form, field, item, area);

CREATE TRIGGER IF NOT EXISTS answer_tally_insert AFTER INSERT ON answer
BEGIN
	DELETE FROM tally_hit WHERE case_id = (SELECT case_id FROM form_record WHERE id = new.record_id);
END;
CREATE TRIGGER IF NOT EXISTS answer_tally_update AFTER UPDATE ON answer
BEGIN
	DELETE FROM tally_hit WHERE case_id IN
		(SELECT case_id FROM form_record WHERE id IN (new.record_id, old.record_id));
END;
CREATE TRIGGER IF NOT EXISTS answer_tally_delete AFTER DELETE ON answer
BEGIN
	DELETE FROM tally_hit WHERE case_id = (SELECT case_id FROM form_record WHERE id = old.record_id);
END;
CREATE TRIGGER IF NOT EXISTS form_record_tally_update AFTER UPDATE OF case_id, form ON form_record
BEGIN
	DELETE FROM tally_hit WHERE case_id IN (new.case_id, old.case_id);
END;
CREATE TRIGGER IF NOT EXISTS form_record_tally_delete AFTER DELETE ON form_record
BEGIN
	DELETE FROM tally_hit WHERE case_id = old.case_id;
END;
CREATE TRIGGER IF NOT EXISTS case_review_tally_update AFTER UPDATE OF meeting_id, person_id ON case_review
BEGIN
	DELETE FROM tally_hit WHERE case_id = new.id;
END;
CREATE TRIGGER IF NOT EXISTS case_review_tally_delete AFTER DELETE ON case_review
BEGIN
	DELETE FROM tally_hit WHERE case_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS meeting_tally_date AFTER UPDATE OF date ON meeting
BEGIN
	DELETE FROM tally_hit WHERE case_id IN (SELECT id FROM case_review WHERE meeting_id = new.id);
END;
CREATE TRIGGER IF NOT EXISTS person_tally_area AFTER UPDATE OF area ON person
BEGIN
	DELETE FROM tally_hit WHERE case_id IN (SELECT id FROM case_review WHERE person_id = new.id);
END;
-- A wording merged (or unmerged) changes the line of every review that
-- raised it in so many words.
CREATE TRIGGER IF NOT EXISTS wording_merge_tally_insert AFTER INSERT ON wording_merge
BEGIN
	DELETE FROM tally_hit WHERE case_id IN
		(SELECT case_id FROM raised_item WHERE statement = new.statement);
END;
CREATE TRIGGER IF NOT EXISTS wording_merge_tally_update AFTER UPDATE ON wording_merge
BEGIN
	DELETE FROM tally_hit WHERE case_id IN
		(SELECT case_id FROM raised_item WHERE statement IN (new.statement, old.statement));
END;
CREATE TRIGGER IF NOT EXISTS wording_merge_tally_delete AFTER DELETE ON wording_merge
BEGIN
	DELETE FROM tally_hit WHERE case_id IN
		(SELECT case_id FROM raised_item WHERE statement = old.statement);
END;
