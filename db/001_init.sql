-- SPDX-License-Identifier: MIT
-- 001_init.sql — the first kaigi schema.
--
-- Conventions (doc/records.md explains them for users):
--   * Rows that can travel between laptops (sync by SQLite session changesets,
--     a later issue) have a TEXT UUID primary key, or a composite primary key
--     made only of travelling values, and `created` / `updated` times in
--     milliseconds since 1970-01-01 UTC.  No travelling row refers to a
--     laptop-local rowid, so a changeset means the same thing everywhere.
--   * Every table is STRICT.  Dates are TEXT 'YYYY-MM-DD', clock times 'HH:MM'.
--   * The audit trail is written by triggers, so no code path can forget it,
--     and triggers refuse any UPDATE or DELETE of it.  The acting person comes
--     from kaigi_actor(), a function the program registers on its connection;
--     a connection without it (a bare sqlite3 shell) cannot change audited
--     tables, which is intended.
--   * `answer` is WITHOUT ROWID: its composite key is the row, stored once
--     (a rowid table would keep the key twice, ~20% of the file).  A later
--     FTS5 trigram index over text answers keeps its own copy of the text,
--     maintained by triggers, with record_id and path as UNINDEXED columns.

CREATE TABLE setting (
	key TEXT PRIMARY KEY NOT NULL,
	value ANY
) STRICT;

-- A meeting (会議).  template names the meeting template (YAML) it follows.
CREATE TABLE meeting (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	template TEXT NOT NULL,
	template_version INTEGER NOT NULL DEFAULT 1,
	kind TEXT NOT NULL DEFAULT 'individual',
	title TEXT NOT NULL DEFAULT '',
	date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	start_time TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
	end_time TEXT CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
	place TEXT,
	purpose TEXT,       -- the meeting's purpose
	target TEXT,        -- today's target
	reached TEXT,       -- what was reached
	next_time TEXT,     -- what is left for next time
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_date ON meeting (date, start_time);

CREATE TABLE participant (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	name TEXT NOT NULL,
	organisation TEXT,
	role TEXT,          -- a role id of the meeting template (profession)
	present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX participant_meeting ON participant (meeting_id, ord);

-- A person whose case is reviewed, pseudonymously: names and other
-- identifying facts live only in form answers whose field is `sensitive`.
CREATE TABLE person (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	code TEXT NOT NULL UNIQUE,  -- the case code, e.g. T-2024-017
	initials TEXT,
	birth_year INTEGER CHECK (birth_year BETWEEN 1850 AND 2200),
	age_band TEXT,
	sex TEXT CHECK (sex IN ('F', 'M', 'X')),
	area TEXT,          -- 日常生活圏域
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;

-- One review of a person within a meeting.  follows points at the previous
-- review of the same person, for follow-up reports across meetings.
CREATE TABLE case_review (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
	person_id TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
	ord INTEGER NOT NULL,
	presenter TEXT,
	follows TEXT REFERENCES case_review (id) ON DELETE SET NULL,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX case_review_meeting ON case_review (meeting_id, ord);
CREATE INDEX case_review_person ON case_review (person_id);
CREATE INDEX case_review_follows ON case_review (follows);

-- Phase timings of a case: planned from the template, actual as run.
CREATE TABLE phase_timing (
	case_id TEXT NOT NULL REFERENCES case_review (id) ON DELETE CASCADE,
	phase TEXT NOT NULL,
	ord INTEGER NOT NULL,
	planned_sec INTEGER CHECK (planned_sec >= 0),
	actual_sec INTEGER CHECK (actual_sec >= 0),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	PRIMARY KEY (case_id, phase)
) STRICT, WITHOUT ROWID;

-- One filled form: for a case, or for the meeting itself (case_id NULL).
CREATE TABLE form_record (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
	case_id TEXT REFERENCES case_review (id) ON DELETE CASCADE,
	form TEXT NOT NULL,
	form_version INTEGER NOT NULL CHECK (form_version >= 1),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX form_record_owner ON form_record (meeting_id, ifnull(case_id, ''), form);
CREATE INDEX form_record_case ON form_record (case_id);
CREATE INDEX form_record_form ON form_record (form);

-- An item of a list field (issues, goals, advice …): its identity and order.
CREATE TABLE list_item (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	record_id TEXT NOT NULL REFERENCES form_record (id) ON DELETE CASCADE,
	field TEXT NOT NULL,
	ord INTEGER NOT NULL,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX list_item_record ON list_item (record_id, field, ord);

-- One answer.  A plain field has item = '' and col = ''; a grid cell has
-- item = row id and col = column id; a list item's field has item = the
-- list_item id and col = the item field id.  value is never NULL: an
-- unanswered field has no row.
CREATE TABLE answer (
	record_id TEXT NOT NULL REFERENCES form_record (id) ON DELETE CASCADE,
	field TEXT NOT NULL,
	item TEXT NOT NULL DEFAULT '',
	col TEXT NOT NULL DEFAULT '',
	value ANY NOT NULL,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	PRIMARY KEY (record_id, field, item, col)
) STRICT, WITHOUT ROWID;

-- Agreed actions (役割分担): who does what by when.
CREATE TABLE action (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	case_id TEXT NOT NULL REFERENCES case_review (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	who TEXT NOT NULL DEFAULT '',
	what TEXT NOT NULL,
	due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX action_case ON action (case_id, ord);

-- The regional-issue register (地域課題), across years.  policy is the kind
-- of policy response: cooperation 連携強化, programme 公的制度化,
-- resource 資源発掘.
CREATE TABLE regional_issue (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	title TEXT NOT NULL UNIQUE,
	description TEXT,
	policy TEXT CHECK (policy IN ('cooperation', 'programme', 'resource')),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'referred', 'addressed', 'closed')),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;

-- Which case reviews revealed which regional issue.
CREATE TABLE regional_issue_case (
	issue_id TEXT NOT NULL REFERENCES regional_issue (id) ON DELETE CASCADE,
	case_id TEXT NOT NULL REFERENCES case_review (id) ON DELETE CASCADE,
	note TEXT,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	PRIMARY KEY (issue_id, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX regional_issue_case_case ON regional_issue_case (case_id);

-- The audit trail: append-only.  row_key names the changed row (its UUID;
-- for an answer the record UUID), path the column or, for an answer,
-- FIELD/ITEM/COL with empty parts dropped.
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	who TEXT NOT NULL,
	tbl TEXT NOT NULL,
	op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
	row_key TEXT NOT NULL,
	path TEXT NOT NULL DEFAULT '',
	old ANY,
	new ANY
) STRICT;
CREATE INDEX audit_row ON audit (row_key);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- Answers.
CREATE TRIGGER answer_audit_insert AFTER INSERT ON answer
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'answer', 'insert', new.record_id,
		new.field || iif(new.item = '', '', '/' || new.item) || iif(new.col = '', '', '/' || new.col),
		new.value);
END;
CREATE TRIGGER answer_audit_update AFTER UPDATE OF value ON answer
WHEN old.value IS NOT new.value
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old, new)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'answer', 'update', new.record_id,
		new.field || iif(new.item = '', '', '/' || new.item) || iif(new.col = '', '', '/' || new.col),
		old.value, new.value);
END;
CREATE TRIGGER answer_audit_delete AFTER DELETE ON answer
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'answer', 'delete', old.record_id,
		old.field || iif(old.item = '', '', '/' || old.item) || iif(old.col = '', '', '/' || old.col),
		old.value);
END;

-- Deleting a list item deletes its answers (and so audits them).
CREATE TRIGGER list_item_delete_answers AFTER DELETE ON list_item
BEGIN
	DELETE FROM answer WHERE record_id = old.record_id AND field = old.field AND item = old.id;
END;

-- Actions: one audit row per changed column.
CREATE TRIGGER action_audit_insert AFTER INSERT ON action
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'action', 'insert', new.id, c, v
	FROM (SELECT 'who' AS c, new.who AS v UNION ALL SELECT 'what', new.what
	      UNION ALL SELECT 'due', new.due UNION ALL SELECT 'status', new.status
	      UNION ALL SELECT 'case_id', new.case_id)
	WHERE v IS NOT NULL;
END;
CREATE TRIGGER action_audit_update AFTER UPDATE ON action
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'action', 'update', new.id, c, o, n
	FROM (SELECT 'who' AS c, old.who AS o, new.who AS n
	      UNION ALL SELECT 'what', old.what, new.what
	      UNION ALL SELECT 'due', old.due, new.due
	      UNION ALL SELECT 'status', old.status, new.status
	      UNION ALL SELECT 'ord', old.ord, new.ord)
	WHERE o IS NOT n;
END;
CREATE TRIGGER action_audit_delete AFTER DELETE ON action
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'action', 'delete', old.id, c, v
	FROM (SELECT 'who' AS c, old.who AS v UNION ALL SELECT 'what', old.what
	      UNION ALL SELECT 'due', old.due UNION ALL SELECT 'status', old.status
	      UNION ALL SELECT 'case_id', old.case_id)
	WHERE v IS NOT NULL;
END;

-- Meetings: one audit row per changed field.
CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'meeting', 'insert', new.id, c, v
	FROM (SELECT 'template' AS c, new.template AS v UNION ALL SELECT 'title', new.title
	      UNION ALL SELECT 'date', new.date UNION ALL SELECT 'start_time', new.start_time
	      UNION ALL SELECT 'end_time', new.end_time UNION ALL SELECT 'place', new.place
	      UNION ALL SELECT 'purpose', new.purpose UNION ALL SELECT 'target', new.target
	      UNION ALL SELECT 'reached', new.reached UNION ALL SELECT 'next_time', new.next_time)
	WHERE v IS NOT NULL;
END;
CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old, new)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'meeting', 'update', new.id, c, o, n
	FROM (SELECT 'template' AS c, old.template AS o, new.template AS n
	      UNION ALL SELECT 'kind', old.kind, new.kind
	      UNION ALL SELECT 'title', old.title, new.title
	      UNION ALL SELECT 'date', old.date, new.date
	      UNION ALL SELECT 'start_time', old.start_time, new.start_time
	      UNION ALL SELECT 'end_time', old.end_time, new.end_time
	      UNION ALL SELECT 'place', old.place, new.place
	      UNION ALL SELECT 'purpose', old.purpose, new.purpose
	      UNION ALL SELECT 'target', old.target, new.target
	      UNION ALL SELECT 'reached', old.reached, new.reached
	      UNION ALL SELECT 'next_time', old.next_time, new.next_time)
	WHERE o IS NOT n;
END;
CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path, old)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'meeting', 'delete', old.id, 'title', old.title);
END;
