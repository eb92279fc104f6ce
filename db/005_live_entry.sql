-- SPDX-License-Identifier: MIT
-- 005_live_entry.sql — live entry (issue 9): goal periods as ranges, and
-- cases marked when they are closed.
--
-- ---- a goal's period is a start and an end month ---------------------------
--
-- case_plan version 1 kept a goal's period as a whole number of months
-- (`goals` item field `months`); version 2 keeps a period, a start and an
-- end month stored as 'YYYY-MM/YYYY-MM' (item field `period`, type period,
-- doc/forms.md).  A stored number of months becomes the period that starts
-- in the month of the record's meeting and ends that many months later —
-- what "6か月" typed in that meeting means now — so old records print the
-- range like new ones.  The audit trail records the move (the old answer
-- deleted, the new one inserted).  A value that is not a whole number of
-- months from 1 to 1200 is left as it was.  Record files written before
-- the change import through the field's `formerly: months`.

CREATE TEMP TABLE goal_period AS
SELECT a.record_id, a.item, a.created, a.updated,
	strftime('%Y-%m', m.date) || '/' ||
	strftime('%Y-%m', m.date, 'start of month', '+' || CAST(a.value AS INTEGER) || ' months')
		AS period
FROM answer a
JOIN form_record r ON r.id = a.record_id
JOIN meeting m ON m.id = r.meeting_id
WHERE r.form = 'case_plan' AND a.field = 'goals' AND a.col = 'months'
	AND typeof(a.value) = 'integer' AND a.value BETWEEN 1 AND 1200
	AND NOT EXISTS (SELECT 1 FROM answer x WHERE x.record_id = a.record_id
			AND x.field = 'goals' AND x.item = a.item AND x.col = 'period');

INSERT INTO answer (record_id, field, item, col, value, created, updated)
SELECT record_id, 'goals', item, 'period', period, created, updated FROM goal_period;

DELETE FROM answer WHERE field = 'goals' AND col = 'months'
	AND (record_id, item) IN (SELECT record_id, item FROM goal_period);

UPDATE form_record SET form_version = 2
WHERE form = 'case_plan' AND form_version = 1
	AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.record_id = form_record.id
			AND a.field = 'goals' AND a.col = 'months');

DROP TABLE goal_period;

-- ---- a case closed at the close check --------------------------------------
-- When (ms since 1970, UTC) the facilitator closed the case (the close check,
-- ui_case_check.c); NULL while it is still to be discussed.  The meeting's
-- case list marks closed cases.
ALTER TABLE case_review ADD COLUMN closed INTEGER CHECK (closed IS NULL OR closed >= 0);
