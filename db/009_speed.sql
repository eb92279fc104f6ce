-- SPDX-License-Identifier: MIT
-- 009_speed.sql — kaigi fast at the sizes towns reach (issue 16): search
-- that finds two-character words through the index, newest first straight
-- from the index; saves that leave housekeeping for idle moments; the
-- follow-up outcome roll-up read from comparisons kept per case; the
-- raised regional issues kept one row each.
--
--   * search_fts is rebuilt with kaigi's own FTS5 tokenizer "kaigi_bigram"
--     (src/store/store_bigram.c, registered on every connection): every two
--     adjacent characters are a token, so 服薬 or 難聴 is one index lookup,
--     and a longer word is a phrase of overlapping bigrams matched exactly
--     as typed.  The trigram index could not look up fewer than three
--     characters: such words were found by reading two million texts.
--   * A search_doc row's id says its meeting's day: YYYYMMDD × 10^7 plus
--     its place among that day's texts.  FTS5 returns hits in rowid order,
--     so "newest meeting first, at most N" is read from the index and stops
--     after N, with no lookup of each hit: before, every hit (42,000 for
--     服薬 over ten years) was joined to its record and meeting to be sorted.
--     A meeting moved to another day moves its texts' ids with it.
--   * Saves write less: no per-document sizes, and index segments merged
--     when the UI is idle rather than inside a save (store_wal.h).
-- search_doc and search_fts stay derived and local (rowid keys): they never
-- travel; a receiving laptop's triggers rebuild them.

DROP TRIGGER search_doc_insert;
DROP TRIGGER search_doc_delete;
DROP TRIGGER answer_search_insert;
DROP TRIGGER answer_search_update;
DROP TRIGGER answer_search_delete;
DROP TRIGGER meeting_search_insert;
DROP TRIGGER meeting_search_update;
DROP TRIGGER meeting_search_delete;
DROP TABLE search_fts;

-- The day of each text (0 when its meeting cannot be found), then the ids.
CREATE TABLE search_doc_new (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('answer', 'meeting')),
	owner TEXT NOT NULL,
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL
) STRICT;
INSERT INTO search_doc_new (id, kind, owner, field, item, col, text)
SELECT day * 10000000 + row_number() OVER (PARTITION BY day ORDER BY id),
	kind, owner, field, item, col, text
FROM (SELECT s.*, coalesce(
	(SELECT CAST(replace(m.date, '-', '') AS INTEGER) FROM meeting m
	 WHERE m.id = iif(s.kind = 'meeting', s.owner,
			  (SELECT r.meeting_id FROM form_record r WHERE r.id = s.owner))), 0) AS day
      FROM search_doc s);
DROP TABLE search_doc;
ALTER TABLE search_doc_new RENAME TO search_doc;
CREATE UNIQUE INDEX search_doc_key ON search_doc (owner, field, item, col);

-- No per-document sizes (columnsize = 0): kaigi never ranks by bm25, and a
-- save then writes two pages fewer.  Segments are merged when the UI is
-- idle (store_idle), not inside saves (automerge = 0).
CREATE VIRTUAL TABLE search_fts USING fts5 (text, content = 'search_doc', content_rowid = 'id',
					    tokenize = 'kaigi_bigram', columnsize = 0);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0);

CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc
BEGIN
	INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_doc_update AFTER UPDATE ON search_doc
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;

-- The next id of a day D (YYYYMMDD) is one past the largest of
-- [D × 10^7, D × 10^7 + 10^7): a seek to the end of that range.
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer
WHEN typeof(new.value) = 'text'
	AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)))
BEGIN
	INSERT INTO search_doc (id, kind, owner, field, item, col, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', new.record_id, new.field, new.item, new.col, new.value
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	DELETE FROM search_doc WHERE owner = old.record_id AND field = old.field
		AND item = old.item AND col = old.col;
	INSERT INTO search_doc (id, kind, owner, field, item, col, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', new.record_id, new.field, new.item, new.col, new.value
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b)
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
	INSERT INTO search_doc (id, kind, owner, field, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, place, purpose, target, reached,
	next_time ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = old.id;
	INSERT INTO search_doc (id, kind, owner, field, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', new.id, c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = old.id;
END;
-- A meeting moved to another day takes its texts (its own and its
-- records') to that day's ids; search_doc_update moves them in the index.
CREATE TRIGGER meeting_search_day AFTER UPDATE OF date ON meeting
WHEN old.date IS NOT new.date
BEGIN
	UPDATE search_doc SET id = x.nid
	FROM (SELECT s.id AS oid,
		     (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		     + row_number() OVER (ORDER BY s.id) AS nid
	      FROM search_doc s,
		   (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	      WHERE s.id / 10000000 <> b / 10000000
		AND (s.owner = new.id
		     OR s.owner IN (SELECT id FROM form_record WHERE meeting_id = new.id))) x
	WHERE search_doc.id = x.oid;
END;

-- ---- the outcome roll-up ----------------------------------------------------

-- Each follow-up review's grids compared with the review before (how many
-- rated rows got better, how many worse; NULL: nothing to compare), for the
-- rating spec the forms gave (spec: its hash, src/store/store_compare.c).
-- Filled by store_outcome_rollup for reviews that have no row yet; emptied
-- for a review by any change to a list or grid answer of it or of the
-- review it follows, or to its meeting's date, its person's area, its
-- meeting or person, so a row is never stale.  Derived and local: it never
-- travels.  Ten years of follow-ups (17,883) compared anew took ~2 s.
CREATE TABLE outcome_cache (
	case_id TEXT PRIMARY KEY NOT NULL,
	spec INTEGER NOT NULL,
	better INTEGER,
	worse INTEGER,
	date TEXT NOT NULL, -- the review's meeting date
	area TEXT NOT NULL  -- the person's area, or ''
) STRICT, WITHOUT ROWID;

CREATE TRIGGER answer_outcome_insert AFTER INSERT ON answer WHEN new.item <> ''
BEGIN
	DELETE FROM outcome_cache WHERE case_id IN
		(SELECT r.case_id FROM form_record r WHERE r.id = new.record_id
		 UNION ALL SELECT c.id FROM form_record r JOIN case_review c ON c.follows = r.case_id
		 WHERE r.id = new.record_id);
END;
CREATE TRIGGER answer_outcome_update AFTER UPDATE OF value ON answer
WHEN new.item <> '' AND old.value IS NOT new.value
BEGIN
	DELETE FROM outcome_cache WHERE case_id IN
		(SELECT r.case_id FROM form_record r WHERE r.id = new.record_id
		 UNION ALL SELECT c.id FROM form_record r JOIN case_review c ON c.follows = r.case_id
		 WHERE r.id = new.record_id);
END;
CREATE TRIGGER answer_outcome_delete AFTER DELETE ON answer WHEN old.item <> ''
BEGIN
	DELETE FROM outcome_cache WHERE case_id IN
		(SELECT r.case_id FROM form_record r WHERE r.id = old.record_id
		 UNION ALL SELECT c.id FROM form_record r JOIN case_review c ON c.follows = r.case_id
		 WHERE r.id = old.record_id);
END;
CREATE TRIGGER case_review_outcome_update AFTER UPDATE OF follows, meeting_id, person_id
	ON case_review
BEGIN
	DELETE FROM outcome_cache WHERE case_id = new.id;
END;
CREATE TRIGGER meeting_outcome_date AFTER UPDATE OF date ON meeting
BEGIN
	DELETE FROM outcome_cache WHERE case_id IN
		(SELECT id FROM case_review WHERE meeting_id = new.id);
END;
CREATE TRIGGER person_outcome_area AFTER UPDATE OF area ON person
BEGIN
	DELETE FROM outcome_cache WHERE case_id IN
		(SELECT id FROM case_review WHERE person_id = new.id);
END;
CREATE TRIGGER case_review_outcome_delete AFTER DELETE ON case_review
BEGIN
	DELETE FROM outcome_cache WHERE case_id = old.id;
END;

-- ---- raised regional issues -------------------------------------------------

-- One row per item of a case's `regional_issues` list, pivoted from its
-- answers with its case, meeting, date and form: the regional roll-up reads
-- these ten-thousand rows instead of looking each item's record, meeting
-- and person up by their text keys (~110 ms of CPU over ten years).  iarea
-- is the item's own area, parea the person's (the roll-up takes the first
-- that is not empty).  Kept by the triggers below; derived and local.
CREATE TABLE raised_item (
	record_id TEXT NOT NULL,
	item TEXT NOT NULL,
	case_id TEXT NOT NULL,
	meeting_id TEXT NOT NULL,
	date TEXT NOT NULL,
	form TEXT NOT NULL,
	statement TEXT,
	category TEXT NOT NULL,
	policy TEXT,
	iarea TEXT NOT NULL,
	parea TEXT,
	PRIMARY KEY (record_id, item)
) STRICT, WITHOUT ROWID;
CREATE INDEX raised_item_meeting ON raised_item (meeting_id);
CREATE INDEX raised_item_case ON raised_item (case_id);

INSERT INTO raised_item (record_id, item, case_id, meeting_id, date, form, statement, category,
			 policy, iarea, parea)
SELECT x.record_id, x.item, r.case_id, r.meeting_id, m.date, r.form, x.statement, x.category,
	x.policy, ifnull(x.area, ''),
	(SELECT p.area FROM case_review c JOIN person p ON p.id = c.person_id WHERE c.id = r.case_id)
FROM (SELECT record_id, item,
	     max(CASE col WHEN 'statement' THEN value END) AS statement,
	     ifnull(max(CASE col WHEN 'category' THEN value END), '') AS category,
	     max(CASE col WHEN 'policy' THEN value END) AS policy,
	     max(CASE col WHEN 'area' THEN value END) AS area
      FROM answer INDEXED BY answer_regional_issue WHERE field = 'regional_issues' 
      GROUP BY record_id, item) x
JOIN form_record r ON r.id = x.record_id JOIN meeting m ON m.id = r.meeting_id
WHERE r.case_id IS NOT NULL;

CREATE TRIGGER answer_raised_insert AFTER INSERT ON answer
WHEN new.field = 'regional_issues'
BEGIN
	DELETE FROM raised_item WHERE record_id = new.record_id AND item = new.item;
	INSERT INTO raised_item (record_id, item, case_id, meeting_id, date, form, statement,
				 category, policy, iarea, parea)
	SELECT x.record_id, x.item, r.case_id, r.meeting_id, m.date, r.form, x.statement, x.category,
		x.policy, ifnull(x.area, ''),
		(SELECT p.area FROM case_review c JOIN person p ON p.id = c.person_id WHERE c.id = r.case_id)
	FROM (SELECT record_id, item,
		     max(CASE col WHEN 'statement' THEN value END) AS statement,
		     ifnull(max(CASE col WHEN 'category' THEN value END), '') AS category,
		     max(CASE col WHEN 'policy' THEN value END) AS policy,
		     max(CASE col WHEN 'area' THEN value END) AS area
	      FROM answer INDEXED BY answer_regional_issue WHERE field = 'regional_issues' AND record_id = new.record_id AND item = new.item
	      GROUP BY record_id, item) x
	JOIN form_record r ON r.id = x.record_id JOIN meeting m ON m.id = r.meeting_id
	WHERE r.case_id IS NOT NULL;
END;
CREATE TRIGGER answer_raised_update AFTER UPDATE OF value ON answer
WHEN new.field = 'regional_issues'
BEGIN
	DELETE FROM raised_item WHERE record_id = new.record_id AND item = new.item;
	INSERT INTO raised_item (record_id, item, case_id, meeting_id, date, form, statement,
				 category, policy, iarea, parea)
	SELECT x.record_id, x.item, r.case_id, r.meeting_id, m.date, r.form, x.statement, x.category,
		x.policy, ifnull(x.area, ''),
		(SELECT p.area FROM case_review c JOIN person p ON p.id = c.person_id WHERE c.id = r.case_id)
	FROM (SELECT record_id, item,
		     max(CASE col WHEN 'statement' THEN value END) AS statement,
		     ifnull(max(CASE col WHEN 'category' THEN value END), '') AS category,
		     max(CASE col WHEN 'policy' THEN value END) AS policy,
		     max(CASE col WHEN 'area' THEN value END) AS area
	      FROM answer INDEXED BY answer_regional_issue WHERE field = 'regional_issues' AND record_id = new.record_id AND item = new.item
	      GROUP BY record_id, item) x
	JOIN form_record r ON r.id = x.record_id JOIN meeting m ON m.id = r.meeting_id
	WHERE r.case_id IS NOT NULL;
END;
CREATE TRIGGER answer_raised_delete AFTER DELETE ON answer
WHEN old.field = 'regional_issues'
BEGIN
	DELETE FROM raised_item WHERE record_id = old.record_id AND item = old.item;
	INSERT INTO raised_item (record_id, item, case_id, meeting_id, date, form, statement,
				 category, policy, iarea, parea)
	SELECT x.record_id, x.item, r.case_id, r.meeting_id, m.date, r.form, x.statement, x.category,
		x.policy, ifnull(x.area, ''),
		(SELECT p.area FROM case_review c JOIN person p ON p.id = c.person_id WHERE c.id = r.case_id)
	FROM (SELECT record_id, item,
		     max(CASE col WHEN 'statement' THEN value END) AS statement,
		     ifnull(max(CASE col WHEN 'category' THEN value END), '') AS category,
		     max(CASE col WHEN 'policy' THEN value END) AS policy,
		     max(CASE col WHEN 'area' THEN value END) AS area
	      FROM answer INDEXED BY answer_regional_issue WHERE field = 'regional_issues' AND record_id = old.record_id AND item = old.item
	      GROUP BY record_id, item) x
	JOIN form_record r ON r.id = x.record_id JOIN meeting m ON m.id = r.meeting_id
	WHERE r.case_id IS NOT NULL;
END;
CREATE TRIGGER meeting_raised_date AFTER UPDATE OF date ON meeting
BEGIN
	UPDATE raised_item SET date = new.date WHERE meeting_id = new.id;
END;
CREATE TRIGGER person_raised_area AFTER UPDATE OF area ON person
BEGIN
	UPDATE raised_item SET parea = new.area
	WHERE case_id IN (SELECT id FROM case_review WHERE person_id = new.id);
END;
CREATE TRIGGER case_review_raised_person AFTER UPDATE OF person_id ON case_review
BEGIN
	UPDATE raised_item SET parea = (SELECT area FROM person WHERE id = new.person_id)
	WHERE case_id = new.id;
END;
