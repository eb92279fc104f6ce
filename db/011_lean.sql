-- SPDX-License-Identifier: MIT
-- 011_lean.sql — a smaller file (issue 16): the laptop's own tables (the
-- audit trail, the search documents) name travelling rows by a local
-- number instead of repeating their 36-character UUIDs millions of times.
--
-- Measured on the reference set (ten years, 5.39 M answers): the audit
-- trail was 631 MB and its row_key index 278 MB, more than the answers
-- themselves (671 MB); search_doc 268 MB and its key index 168 MB.  Each
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
--   * search_doc.owner is the owner's local_key number; its key index is
--     numbers too.  Ids, texts and the FTS5 index are unchanged.
--   * sync_log and sync_pending keep change sets deflated
--     (src/store/sync_zip.c, the function kaigi_sync_zip): an entry is
--     compressed once it stops growing — sealed, received, or too large to
--     merge into (a database's first entry holds all its records: 735 MB,
--     ~300 MB deflated).  The open entry saves merge into stays raw.
--     Readers take both forms; bundles carry raw change sets as before.
--   * list_item_field (35 MB) goes: no statement of the store chooses it
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

CREATE TABLE search_doc_new (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('answer', 'meeting')),
	owner INTEGER NOT NULL, -- local_key: the record's or the meeting's
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL
) STRICT;
INSERT INTO search_doc_new (id, kind, owner, field, item, col, text)
SELECT s.id, s.kind, (SELECT n FROM local_key WHERE key = s.owner), s.field, s.item, s.col,
	s.text
FROM search_doc s ORDER BY s.id;
DROP TABLE search_doc; -- with its index and its three search_fts triggers
ALTER TABLE search_doc_new RENAME TO search_doc;
CREATE UNIQUE INDEX search_doc_key ON search_doc (owner, field, item, col);

-- search_fts keeps search_doc as its content table: same ids, same texts.
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

-- The triggers of db/009_speed.sql, with owners numbered.
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer
WHEN typeof(new.value) = 'text'
	AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)))
BEGIN
	INSERT INTO local_key (key) SELECT new.record_id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.record_id);
	INSERT INTO search_doc (id, kind, owner, field, item, col, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', (SELECT n FROM local_key WHERE key = new.record_id), new.field, new.item,
		new.col, new.value
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.record_id)
		AND field = old.field AND item = old.item AND col = old.col;
	INSERT INTO local_key (key) SELECT new.record_id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.record_id)
		AND typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
	INSERT INTO search_doc (id, kind, owner, field, item, col, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999) + 1,
		'answer', (SELECT n FROM local_key WHERE key = new.record_id), new.field, new.item,
		new.col, new.value
	FROM (SELECT ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			     FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			     WHERE r.id = new.record_id), 0) * 10000000 AS b)
	WHERE typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer
BEGIN
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.record_id)
		AND field = old.field AND item = old.item AND col = old.col;
END;

CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
BEGIN
	INSERT INTO local_key (key) SELECT new.id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.id);
	INSERT INTO search_doc (id, kind, owner, field, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', (SELECT n FROM local_key WHERE key = new.id), c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, place, purpose, target, reached,
	next_time ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.id);
	INSERT INTO local_key (key) SELECT new.id
	WHERE NOT EXISTS (SELECT 1 FROM local_key WHERE key = new.id);
	INSERT INTO search_doc (id, kind, owner, field, text)
	SELECT (SELECT ifnull(max(id), b) FROM search_doc WHERE id BETWEEN b AND b + 9999999)
		+ row_number() OVER (), 'meeting', (SELECT n FROM local_key WHERE key = new.id), c, v
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time),
	     (SELECT CAST(replace(new.date, '-', '') AS INTEGER) * 10000000 AS b)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = old.id);
END;
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
		AND s.owner IN (SELECT n FROM local_key WHERE key = new.id
				UNION ALL SELECT k.n FROM form_record r
				JOIN local_key k ON k.key = r.id WHERE r.meeting_id = new.id)) x
	WHERE search_doc.id = x.oid;
END;

-- ---- change sets -------------------------------------------------------------------

UPDATE sync_log SET changeset = kaigi_sync_zip(changeset)
WHERE sealed = 1 OR length(changeset) >= 262144;
UPDATE sync_pending SET changeset = kaigi_sync_zip(changeset);
