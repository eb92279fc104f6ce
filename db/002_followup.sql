-- SPDX-License-Identifier: MIT
-- 002_followup.sql — follow-up and the regional picture (issue 6).
--
--   * Actions have one home: the `actions` list of a case's form (case_plan),
--     where the room types them.  The separate `action` table goes; its rows
--     move into that list (doc/hacking.md, "Actions and regional issues").
--   * The regional-issue register (regional_issue) holds issues *promoted*
--     for policy: it gains an owner, a category and an area, and each link
--     to a case remembers the wording (statement) of the case's raised issue
--     it came from.  Changes to the register are audited.
--   * Full-text search: search_doc holds a copy of every free-text answer
--     and meeting text, indexed by search_fts (FTS5, trigram tokenizer, so
--     Japanese needs no word splitting).  Triggers keep both current.  They
--     are derived rows, local to this laptop (rowid keys): they never travel.
--   * Indexes for the roll-ups: list items by field (raised regional issues,
--     actions), and follow-up dates.

-- ---- actions: from the `action` table into the case's `actions` list ------

-- Where each case's actions go: the record of the case that already has an
-- `actions` list in use, else its case_plan record, else a new case_plan
-- record (version 1; read raw if case_plan is not installed).
CREATE TEMP TABLE action_target AS
SELECT c.id AS case_id, c.meeting_id AS meeting_id,
	coalesce(
		(SELECT li.record_id FROM list_item li JOIN form_record r ON r.id = li.record_id
		 WHERE r.case_id = c.id AND li.field = 'actions' ORDER BY li.record_id LIMIT 1),
		(SELECT r.id FROM form_record r WHERE r.case_id = c.id AND r.form = 'case_plan'),
		lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
		substr(lower(hex(randomblob(2))), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
		'-' || lower(hex(randomblob(6)))) AS record_id
FROM case_review c WHERE c.id IN (SELECT case_id FROM action);

INSERT INTO form_record (id, meeting_id, case_id, form, form_version, created, updated)
SELECT t.record_id, t.meeting_id, t.case_id, 'case_plan', 1,
	CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
	CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM action_target t WHERE NOT EXISTS (SELECT 1 FROM form_record r WHERE r.id = t.record_id);

-- The actions to move, after the list's own items, in their order; an
-- action the list already holds (the same 'what') is not written twice.
CREATE TEMP TABLE action_move AS
SELECT a.id, t.record_id, a.who, a.what, a.due,
	CASE a.status WHEN 'open' THEN 'todo' ELSE a.status END AS status,
	a.created, a.updated,
	(SELECT ifnull(max(li.ord), -1) FROM list_item li
	 WHERE li.record_id = t.record_id AND li.field = 'actions') +
	row_number() OVER (PARTITION BY a.case_id ORDER BY a.ord, a.id) AS ord
FROM action a JOIN action_target t ON t.case_id = a.case_id
WHERE NOT EXISTS (SELECT 1 FROM answer x WHERE x.record_id = t.record_id
		  AND x.field = 'actions' AND x.col = 'what' AND x.value = a.what);

INSERT INTO list_item (id, record_id, field, ord, created, updated)
SELECT id, record_id, 'actions', ord, created, updated FROM action_move;
INSERT INTO answer (record_id, field, item, col, value, created, updated)
SELECT record_id, 'actions', id, c, v, created, updated
FROM (SELECT record_id, id, 'who' AS c, who AS v, created, updated FROM action_move
      UNION ALL SELECT record_id, id, 'what', what, created, updated FROM action_move
      UNION ALL SELECT record_id, id, 'due', due, created, updated FROM action_move
      UNION ALL SELECT record_id, id, 'status', status, created, updated FROM action_move)
WHERE v IS NOT NULL AND v <> '';

DROP TABLE action_move;
DROP TABLE action_target;
DROP TABLE action; -- and its audit triggers with it

-- ---- the register ----------------------------------------------------------

ALTER TABLE regional_issue ADD COLUMN owner TEXT;    -- who carries it (課・機関)
ALTER TABLE regional_issue ADD COLUMN category TEXT; -- an issue_category value
ALTER TABLE regional_issue ADD COLUMN area TEXT;     -- 日常生活圏域, or 全域
-- The wording of the case's raised issue (its regional_issues list) that the
-- link came from; NULL for a link made by hand or by an import.
ALTER TABLE regional_issue_case ADD COLUMN statement TEXT;
CREATE INDEX regional_issue_case_statement ON regional_issue_case (statement);

CREATE TRIGGER regional_issue_audit_insert AFTER INSERT ON regional_issue
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'regional_issue', 'insert', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'description', new.description
	      UNION ALL SELECT 'policy', new.policy UNION ALL SELECT 'status', new.status
	      UNION ALL SELECT 'owner', new.owner UNION ALL SELECT 'category', new.category
	      UNION ALL SELECT 'area', new.area)
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
	      UNION ALL SELECT 'area', old.area, new.area)
	WHERE o IS NOT n;
END;
CREATE TRIGGER regional_issue_audit_delete AFTER DELETE ON regional_issue
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'regional_issue', 'delete', old.id, 'title', old.title);
END;

-- ---- roll-up indexes --------------------------------------------------------

CREATE INDEX list_item_field ON list_item (field, record_id);
-- The follow-up report date of a case (case_plan's followup_date).
CREATE INDEX answer_followup_date ON answer (value) WHERE field = 'followup_date' AND item = '';

-- ---- full-text search -------------------------------------------------------

-- One row per free-text value: an answer (owner = its record) or a text of a
-- meeting (owner = the meeting, field = the column).  "Free text" is text
-- with a space or a non-ASCII character, which leaves out choice values,
-- dates and codes (single ASCII words).
CREATE TABLE search_doc (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('answer', 'meeting')),
	owner TEXT NOT NULL,
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX search_doc_key ON search_doc (owner, field, item, col);

INSERT INTO search_doc (kind, owner, field, item, col, text)
SELECT 'answer', record_id, field, item, col, value FROM answer
WHERE typeof(value) = 'text' AND (value GLOB '* *' OR length(value) <> length(CAST(value AS BLOB)));
INSERT INTO search_doc (kind, owner, field, text)
SELECT 'meeting', id, c, v
FROM (SELECT id, 'title' AS c, title AS v FROM meeting
      UNION ALL SELECT id, 'place', place FROM meeting
      UNION ALL SELECT id, 'purpose', purpose FROM meeting
      UNION ALL SELECT id, 'target', target FROM meeting
      UNION ALL SELECT id, 'reached', reached FROM meeting
      UNION ALL SELECT id, 'next_time', next_time FROM meeting)
WHERE v IS NOT NULL AND v <> '';

-- The index holds no copy of the text: search_doc is its content table.
CREATE VIRTUAL TABLE search_fts USING fts5 (text, content = 'search_doc', content_rowid = 'id',
					    tokenize = 'trigram');
INSERT INTO search_fts (search_fts) VALUES ('rebuild');

CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc
BEGIN
	INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER answer_search_insert AFTER INSERT ON answer
WHEN typeof(new.value) = 'text'
	AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)))
BEGIN
	INSERT INTO search_doc (kind, owner, field, item, col, text)
	VALUES ('answer', new.record_id, new.field, new.item, new.col, new.value);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	DELETE FROM search_doc WHERE owner = old.record_id AND field = old.field
		AND item = old.item AND col = old.col;
	INSERT INTO search_doc (kind, owner, field, item, col, text)
	SELECT 'answer', new.record_id, new.field, new.item, new.col, new.value
	WHERE typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer
BEGIN
	DELETE FROM search_doc WHERE owner = old.record_id AND field = old.field
		AND item = old.item AND col = old.col;
END;

CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
BEGIN
	INSERT INTO search_doc (kind, owner, field, text)
	SELECT 'meeting', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, place, purpose, target, reached,
	next_time ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = old.id;
	INSERT INTO search_doc (kind, owner, field, text)
	SELECT 'meeting', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = old.id;
END;
