-- SPDX-License-Identifier: MIT
-- 012_lean.sql — a smaller file (issue 16): the laptop's own tables (the
-- audit trail, the search documents) name travelling rows by a local
-- number instead of repeating their 36-character UUIDs millions of times.
--
-- Measured on the reference set (ten years, 5.39 M answers; MiB): the audit
-- trail was 631 and its row_key index 278, more than the answers
-- themselves (671); search_doc 268 and its key index 168.  Each
-- audit row spelt out its row's UUID, who ('yamada @1a2b3c4d'), the table
-- and the operation as text; each search document its owner's UUID, twice
-- (table and index).
--
--   * local_key numbers each UUID (or other row key) once: n is this
--     laptop's own and never travels — the travelling tables keep their
--     UUID keys (sync_payload.c), so a changeset means the same everywhere.
--     A key once numbered keeps its number for ever (the audit trail
--     outlives the rows it names); triggers refuse a change or deletion.
--   * audit_word numbers the actors and table names the same way.
--   * audit_log is the audit trail: one row per change, as before (when,
--     who, which table, insert/update/delete as 0/1/2, the row, the path,
--     old and new values), with the repeated text replaced by numbers.
--     Nothing is left out.  It is append-only, as the audit table was.
--   * audit is now a view of audit_log with the words and keys spelt out:
--     the same columns and values as the table it replaces, so every
--     reader (the history screen, sync conflicts, tests) reads it as
--     before, and every audit trigger writes it as before — an INSTEAD OF
--     trigger numbers the words and keys and appends to audit_log.  A view
--     cannot be changed or emptied either.
--   * search_doc keeps no copy of the texts any more (77 MiB of them): the
--     FTS5 index's content is the view search_text, which reads each text
--     where it lives (the answer, the meeting's column); the triggers give
--     the index each text as it goes in and as it goes out (old.value).
--     search_doc.owner is the owner's local_key number; its key index is
--     numbers too.  Ids (day order) are unchanged.
--   * sync_log and sync_pending keep change sets deflated
--     (src/store/sync_zip.c, the function kaigi_sync_zip): an entry is
--     compressed once it stops growing — sealed, received, or too large to
--     merge into (a database's first entry holds all its records: 701 MiB,
--     ~290 MiB deflated).  The open entry saves merge into stays raw.
--     Readers take both forms; bundles carry raw change sets as before.
--   * list_item_field (35 MiB) goes: no statement of the store chooses it
--     since the roll-ups read raised_item; counting a record's items reads
--     list_item_record, which covers it as well (tests/store/test_store_lean.c
--     checks the plans).

-- ---- numbers for keys and words ----------------------------------------------

CREATE TABLE local_key (
	n INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER local_key_no_update BEFORE UPDATE ON local_key
BEGIN
	SELECT RAISE(ABORT, 'local keys are never renumbered');
END;
CREATE TRIGGER local_key_no_delete BEFORE DELETE ON local_key
BEGIN
	SELECT RAISE(ABORT, 'local keys are never renumbered');
END;

CREATE TABLE audit_word (
	n INTEGER PRIMARY KEY,
	word TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER audit_word_no_update BEFORE UPDATE ON audit_word
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_word_no_delete BEFORE DELETE ON audit_word
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- ---- the audit trail -----------------------------------------------------------

CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	who INTEGER NOT NULL,     -- audit_word
	tbl INTEGER NOT NULL,     -- audit_word
	op INTEGER NOT NULL CHECK (op IN (0, 1, 2)), -- insert, update, delete
	row_key INTEGER NOT NULL, -- local_key
	path TEXT NOT NULL DEFAULT '',
	old ANY,
	new ANY
) STRICT;

INSERT INTO audit_word (word) SELECT who FROM audit UNION SELECT tbl FROM audit;
INSERT INTO local_key (key) SELECT DISTINCT row_key FROM audit;
INSERT INTO audit_log (seq, at, who, tbl, op, row_key, path, old, new)
SELECT a.seq, a.at, (SELECT n FROM audit_word WHERE word = a.who),
	(SELECT n FROM audit_word WHERE word = a.tbl),
	CASE a.op WHEN 'insert' THEN 0 WHEN 'update' THEN 1 WHEN 'delete' THEN 2 END,
	(SELECT n FROM local_key WHERE key = a.row_key), a.path, a.old, a.new
FROM audit a ORDER BY a.seq;
DROP TABLE audit; -- with its index and its two append-only triggers
CREATE INDEX audit_log_row ON audit_log (row_key);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE VIEW audit (seq, at, who, tbl, op, row_key, path, old, new) AS
SELECT l.seq, l.at, w.word, t.word,
	CASE l.op WHEN 0 THEN 'insert' WHEN 1 THEN 'update' ELSE 'delete' END,
	k.key, l.path, l.old, l.new
FROM audit_log l
JOIN audit_word w ON w.n = l.who
JOIN audit_word t ON t.n = l.tbl
JOIN local_key k ON k.n = l.row_key;

-- The audit triggers of every table write the view, as they wrote the
-- table.  No OR IGNORE here: an outer INSERT OR REPLACE would turn it into
-- REPLACE and renumber a key.
CREATE TRIGGER audit_insert INSTEAD OF INSERT ON audit
BEGIN
	INSERT INTO audit_word (word) SELECT new.who
	WHERE NOT EXISTS (SELECT 1 FROM audit_word WHERE word = new.who);
	INSERT INTO audit_word (word) SELECT new.tbl
	WHERE NOT EXISTS (SELECT 1 FROM audit_word WHERE word = new.tbl);
	INSERT INTO local_key (key) SELECT new.row_key
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.row_key);
	INSERT INTO audit_log (seq, at, who, tbl, op, row_key, path, old, new)
	VALUES (new.seq, new.at, (SELECT n FROM audit_word WHERE word = new.who),
		(SELECT n FROM audit_word WHERE word = new.tbl),
		CASE new.op WHEN 'insert' THEN 0 WHEN 'update' THEN 1 WHEN 'delete' THEN 2 END,
		(SELECT n FROM local_key WHERE key = new.row_key), ifnull(new.path, ''), new.old,
		new.new);
END;

DROP INDEX list_item_field;

-- ---- search documents ------------------------------------------------------------

DROP TRIGGER answer_search_insert;
DROP TRIGGER answer_search_update;
DROP TRIGGER answer_search_delete;
DROP TRIGGER meeting_search_insert;
DROP TRIGGER meeting_search_update;
DROP TRIGGER meeting_search_delete;
DROP TRIGGER meeting_search_day;

INSERT INTO local_key (key) SELECT DISTINCT s.owner FROM search_doc s
WHERE NOT EXISTS (SELECT 1 FROM local_key k WHERE k.key = s.owner);

-- The index is made anew from the texts, with search_text as its content.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (text, content = 'search_text', content_rowid = 'id',
					    tokenize = 'kaigi_bigram', columnsize = 0);
INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc ORDER BY id;
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0);

CREATE TABLE search_doc_new (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('answer', 'meeting')),
	owner INTEGER NOT NULL, -- local_key: the record's or the meeting's
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO search_doc_new (id, kind, owner, field, item, col)
SELECT s.id, s.kind, (SELECT n FROM local_key WHERE key = s.owner), s.field, s.item, s.col
FROM search_doc s ORDER BY s.id;
DROP TABLE search_doc; -- with its index and its three search_fts triggers
ALTER TABLE search_doc_new RENAME TO search_doc;
CREATE UNIQUE INDEX search_doc_key ON search_doc (owner, field, item, col);

-- Each document's text, read where it lives: the answer, or the meeting's
-- column.  search_fts's content; the search shows hits from it.
CREATE VIEW search_text (id, text) AS
SELECT d.id, iif(d.kind = 'answer',
		 (SELECT a.value FROM answer a WHERE a.record_id = k.key AND a.field = d.field
		  AND a.item = d.item AND a.col = d.col),
		 (SELECT CASE d.field WHEN 'title' THEN m.title WHEN 'place' THEN m.place
			 WHEN 'purpose' THEN m.purpose WHEN 'target' THEN m.target
			 WHEN 'reached' THEN m.reached WHEN 'next_time' THEN m.next_time END
		  FROM meeting m WHERE m.id = k.key))
FROM search_doc d JOIN local_key k ON k.n = d.owner;

-- The triggers of db/009_speed.sql, with owners numbered and the index
-- written here: a text leaves the index with the value it went in with
-- (old.value, old.title …), as FTS5 needs for external content.
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer
WHEN typeof(new.value) = 'text'
	AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)))
BEGIN
	INSERT INTO local_key (key) SELECT new.record_id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.record_id);
	INSERT INTO search_doc (id, kind, owner, field, item, col)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', (SELECT n FROM local_key WHERE key = new.record_id), new.field, new.item,
		new.col
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b);
	INSERT INTO search_fts (rowid, text)
	SELECT d.id, new.value FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = new.record_id) AND d.field = new.field
		AND d.item = new.item AND d.col = new.col;
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text)
	SELECT 'delete', d.id, old.value FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = old.record_id) AND d.field = old.field
		AND d.item = old.item AND d.col = old.col;
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.record_id)
		AND field = old.field AND item = old.item AND col = old.col;
	INSERT INTO local_key (key) SELECT new.record_id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.record_id)
		AND typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
	INSERT INTO search_doc (id, kind, owner, field, item, col)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', (SELECT n FROM local_key WHERE key = new.record_id), new.field, new.item,
		new.col
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b)
	WHERE typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
	INSERT INTO search_fts (rowid, text)
	SELECT d.id, new.value FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = new.record_id) AND d.field = new.field
		AND d.item = new.item AND d.col = new.col;
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text)
	SELECT 'delete', d.id, old.value FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = old.record_id) AND d.field = old.field
		AND d.item = old.item AND d.col = old.col;
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.record_id)
		AND field = old.field AND item = old.item AND col = old.col;
END;

CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
BEGIN
	INSERT INTO local_key (key) SELECT new.id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.id);
	INSERT INTO search_doc (id, kind, owner, field)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', (SELECT n FROM local_key WHERE key = new.id), c
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
	INSERT INTO search_fts (rowid, text)
	SELECT d.id, CASE d.field WHEN 'title' THEN new.title WHEN 'place' THEN new.place WHEN 'purpose' THEN new.purpose
		WHEN 'target' THEN new.target WHEN 'reached' THEN new.reached WHEN 'next_time' THEN new.next_time END FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = new.id);
END;
-- A meeting's own texts, and its day: all of them leave the index with
-- their old values and come back with the new ones, at the new day's ids.
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, place, purpose, target, reached,
	next_time, date ON meeting
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text)
	SELECT 'delete', d.id, CASE d.field WHEN 'title' THEN old.title WHEN 'place' THEN old.place WHEN 'purpose' THEN old.purpose
		WHEN 'target' THEN old.target WHEN 'reached' THEN old.reached WHEN 'next_time' THEN old.next_time END FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = old.id);
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.id);
	INSERT INTO local_key (key) SELECT new.id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.id);
	INSERT INTO search_doc (id, kind, owner, field)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', (SELECT n FROM local_key WHERE key = new.id), c
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
	INSERT INTO search_fts (rowid, text)
	SELECT d.id, CASE d.field WHEN 'title' THEN new.title WHEN 'place' THEN new.place WHEN 'purpose' THEN new.purpose
		WHEN 'target' THEN new.target WHEN 'reached' THEN new.reached WHEN 'next_time' THEN new.next_time END FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = new.id);
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text)
	SELECT 'delete', d.id, CASE d.field WHEN 'title' THEN old.title WHEN 'place' THEN old.place WHEN 'purpose' THEN old.purpose
		WHEN 'target' THEN old.target WHEN 'reached' THEN old.reached WHEN 'next_time' THEN old.next_time END FROM search_doc d
	WHERE d.owner = (SELECT n FROM local_key WHERE key = old.id);
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.id);
END;
-- A meeting moved to another day takes its records' texts to that day's
-- ids: out of the index, renumbered, back in (their answers do not change).
CREATE TRIGGER meeting_search_day AFTER UPDATE OF date ON meeting
WHEN old.date IS NOT new.date
BEGIN
	INSERT INTO search_fts (search_fts, rowid, text)
	SELECT 'delete', t.id, t.text FROM search_text t
	WHERE t.id IN (SELECT s.id FROM search_doc s WHERE s.owner IN
		       (SELECT k.n FROM form_record r JOIN local_key k ON k.key = r.id
			WHERE r.meeting_id = new.id));
	UPDATE search_doc SET id = x.nid
	FROM (SELECT s.id AS oid,
		     (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		     + row_number() OVER (ORDER BY s.id) AS nid
	      FROM search_doc s,
		   (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	      WHERE s.id / 10000000 <> b / 10000000
		AND s.owner IN (SELECT k.n FROM form_record r JOIN local_key k ON k.key = r.id
				WHERE r.meeting_id = new.id)) x
	WHERE search_doc.id = x.oid;
	INSERT INTO search_fts (rowid, text)
	SELECT t.id, t.text FROM search_text t
	WHERE t.id IN (SELECT s.id FROM search_doc s WHERE s.owner IN
		       (SELECT k.n FROM form_record r JOIN local_key k ON k.key = r.id
			WHERE r.meeting_id = new.id));
END;

-- ---- change sets -------------------------------------------------------------------

UPDATE sync_log SET changeset = kaigi_sync_zip(changeset)
WHERE sealed = 1 OR length(changeset) >= 262144;
UPDATE sync_pending SET changeset = kaigi_sync_zip(changeset);
