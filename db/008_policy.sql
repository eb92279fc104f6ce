-- SPDX-License-Identifier: MIT
-- 008_policy.sql — from cases to the town's policy (issue 12).
--
--   * A register issue carries its measure (施策) and numbers: the concrete
--     measure, the indicator (in words, and optionally the tally line that
--     computes it, indicator_key), a baseline, a target and a result, each
--     with its date, and the date the measure was decided.
--   * Near-identical wordings of raised issues can be merged: wording_merge
--     maps a wording onto the one it is counted under.  The cases keep what
--     they typed; only the tallies group.
--   * The policy meeting (地域ケア推進会議): its agenda is register issues
--     (policy_agenda), each with the decision taken there.  A decision shows
--     on every case linked to the issue.
-- All three travel (UUID or travelling keys) and are audited.

ALTER TABLE regional_issue ADD COLUMN measure TEXT;        -- the concrete measure
ALTER TABLE regional_issue ADD COLUMN decided TEXT;        -- date the measure was decided
ALTER TABLE regional_issue ADD COLUMN indicator TEXT;      -- what is measured, in words
ALTER TABLE regional_issue ADD COLUMN indicator_key TEXT;  -- a tally line (doc/followup.md)
ALTER TABLE regional_issue ADD COLUMN baseline REAL;
ALTER TABLE regional_issue ADD COLUMN baseline_date TEXT;
ALTER TABLE regional_issue ADD COLUMN target REAL;
ALTER TABLE regional_issue ADD COLUMN target_date TEXT;
ALTER TABLE regional_issue ADD COLUMN result REAL;
ALTER TABLE regional_issue ADD COLUMN result_date TEXT;

DROP TRIGGER regional_issue_audit_insert;
DROP TRIGGER regional_issue_audit_update;
CREATE TRIGGER regional_issue_audit_insert AFTER INSERT ON regional_issue
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'regional_issue', 'insert', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'description', new.description
	      UNION ALL SELECT 'policy', new.policy UNION ALL SELECT 'status', new.status
	      UNION ALL SELECT 'owner', new.owner UNION ALL SELECT 'category', new.category
	      UNION ALL SELECT 'area', new.area UNION ALL SELECT 'measure', new.measure
	      UNION ALL SELECT 'decided', new.decided UNION ALL SELECT 'indicator', new.indicator
	      UNION ALL SELECT 'indicator_key', new.indicator_key
	      UNION ALL SELECT 'baseline', new.baseline UNION ALL SELECT 'baseline_date', new.baseline_date
	      UNION ALL SELECT 'target', new.target UNION ALL SELECT 'target_date', new.target_date
	      UNION ALL SELECT 'result', new.result UNION ALL SELECT 'result_date', new.result_date)
	WHERE v IS NOT NULL;
END;
CREATE TRIGGER regional_issue_audit_update AFTER UPDATE ON regional_issue
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'regional_issue', 'update', new.id, c, o, n
	FROM (SELECT 'title' AS c, old.title AS o, new.title AS n
	      UNION ALL SELECT 'description', old.description, new.description
	      UNION ALL SELECT 'policy', old.policy, new.policy
	      UNION ALL SELECT 'status', old.status, new.status
	      UNION ALL SELECT 'owner', old.owner, new.owner
	      UNION ALL SELECT 'category', old.category, new.category
	      UNION ALL SELECT 'area', old.area, new.area
	      UNION ALL SELECT 'measure', old.measure, new.measure
	      UNION ALL SELECT 'decided', old.decided, new.decided
	      UNION ALL SELECT 'indicator', old.indicator, new.indicator
	      UNION ALL SELECT 'indicator_key', old.indicator_key, new.indicator_key
	      UNION ALL SELECT 'baseline', old.baseline, new.baseline
	      UNION ALL SELECT 'baseline_date', old.baseline_date, new.baseline_date
	      UNION ALL SELECT 'target', old.target, new.target
	      UNION ALL SELECT 'target_date', old.target_date, new.target_date
	      UNION ALL SELECT 'result', old.result, new.result
	      UNION ALL SELECT 'result_date', old.result_date, new.result_date)
	WHERE o IS NOT n;
END;

-- ---- near-identical wordings, merged -----------------------------------------

CREATE TABLE wording_merge (
	statement TEXT PRIMARY KEY NOT NULL,  -- a wording as typed in cases
	into_statement TEXT NOT NULL,         -- the wording it is counted under
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	CHECK (statement <> into_statement)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER wording_merge_audit_insert AFTER INSERT ON wording_merge
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'wording_merge', 'insert', new.statement, 'into_statement', new.into_statement);
END;
CREATE TRIGGER wording_merge_audit_delete AFTER DELETE ON wording_merge
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'wording_merge', 'delete', old.statement, 'into_statement', old.into_statement);
END;

-- ---- the policy meeting's agenda ---------------------------------------------

CREATE TABLE policy_agenda (
	meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
	issue_id TEXT NOT NULL REFERENCES regional_issue (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	decision TEXT,       -- what the policy meeting decided about the issue
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	PRIMARY KEY (meeting_id, issue_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX policy_agenda_issue ON policy_agenda (issue_id);

CREATE TRIGGER policy_agenda_audit_insert AFTER INSERT ON policy_agenda
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'policy_agenda', 'insert', new.meeting_id, new.issue_id, new.decision);
END;
CREATE TRIGGER policy_agenda_audit_update AFTER UPDATE ON policy_agenda
WHEN old.decision IS NOT new.decision OR old.ord IS NOT new.ord
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old, new)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'policy_agenda', 'update', new.meeting_id, new.issue_id, old.decision, new.decision);
END;
CREATE TRIGGER policy_agenda_audit_delete AFTER DELETE ON policy_agenda
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'policy_agenda', 'delete', old.meeting_id, old.issue_id, old.decision);
END;
