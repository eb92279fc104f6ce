-- SPDX-License-Identifier: MIT
-- 004_search_bigram.sql — full-text search that finds two-character words
-- through the index, with hits sorted before they are joined (issue 16).
--
--   * search_fts is rebuilt with kaigi's own FTS5 tokenizer "kaigi_bigram"
--     (src/store/store_bigram.c, registered on every connection): every two
--     adjacent characters are a token, so 服薬 or 難聴 is one index lookup,
--     and a longer word is a phrase of overlapping bigrams matched exactly
--     as typed.  The trigram index could not look up fewer than three
--     characters: such words were found by reading two million texts.
--   * search_doc gains `day`, its meeting's date as YYYYMMDD, kept by the
--     triggers, so hits are put in order (newest meeting first) and cut to
--     the limit from search_doc alone, before any join to records,
--     meetings and cases.
-- search_doc and search_fts stay derived and local (rowid keys): they never
-- travel; a receiving laptop's triggers rebuild them.

DROP TRIGGER search_doc_insert;
DROP TRIGGER search_doc_delete;
DROP TRIGGER answer_search_insert;
DROP TRIGGER answer_search_update;
DROP TRIGGER meeting_search_insert;
DROP TRIGGER meeting_search_update;
DROP TABLE search_fts;

ALTER TABLE search_doc ADD COLUMN day INTEGER NOT NULL DEFAULT 0;
UPDATE search_doc SET day = coalesce(
	(SELECT CAST(replace(m.date, '-', '') AS INTEGER) FROM meeting m
	 WHERE m.id = iif(search_doc.kind = 'meeting', search_doc.owner,
			  (SELECT r.meeting_id FROM form_record r WHERE r.id = search_doc.owner))),
	0);

CREATE VIRTUAL TABLE search_fts USING fts5 (text, content = 'search_doc', content_rowid = 'id',
					    tokenize = 'kaigi_bigram');
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
	INSERT INTO search_doc (kind, owner, field, item, col, text, day)
	SELECT 'answer', new.record_id, new.field, new.item, new.col, new.value,
		ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			WHERE r.id = new.record_id), 0);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	DELETE FROM search_doc WHERE owner = old.record_id AND field = old.field
		AND item = old.item AND col = old.col;
	INSERT INTO search_doc (kind, owner, field, item, col, text, day)
	SELECT 'answer', new.record_id, new.field, new.item, new.col, new.value,
		ifnull((SELECT CAST(replace(m.date, '-', '') AS INTEGER)
			FROM form_record r JOIN meeting m ON m.id = r.meeting_id
			WHERE r.id = new.record_id), 0)
	WHERE typeof(new.value) = 'text'
		AND (new.value GLOB '* *' OR length(new.value) <> length(CAST(new.value AS BLOB)));
END;

CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
BEGIN
	INSERT INTO search_doc (kind, owner, field, text, day)
	SELECT 'meeting', new.id, c, v, CAST(replace(new.date, '-', '') AS INTEGER)
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time)
	WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, place, purpose, target, reached,
	next_time ON meeting
BEGIN
	DELETE FROM search_doc WHERE owner = old.id;
	INSERT INTO search_doc (kind, owner, field, text, day)
	SELECT 'meeting', new.id, c, v, CAST(replace(new.date, '-', '') AS INTEGER)
	FROM (SELECT 'title' AS c, new.title AS v UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time)
	WHERE v IS NOT NULL AND v <> '';
END;
-- A meeting moved to another day takes its texts' order with it.
CREATE TRIGGER meeting_search_day AFTER UPDATE OF date ON meeting
WHEN old.date IS NOT new.date
BEGIN
	UPDATE search_doc SET day = CAST(replace(new.date, '-', '') AS INTEGER)
	WHERE owner = new.id OR owner IN (SELECT id FROM form_record WHERE meeting_id = new.id);
END;
