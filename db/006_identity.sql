-- SPDX-License-Identifier: MIT
-- 006_identity.sql — who a person is, kept where it is protected (issue 13).
--
--   * A person's identifying values (name, kana, birth date, address, phone,
--     insured number 被保険者番号) live in person_identity, one row per
--     person, never in `person` (which anonymised outputs read) nor in form
--     answers.  Only --names / --identity outputs and the UI read it; every
--     anonymised output uses it the other way round: to hide these values
--     wherever they were typed into free text (src/util/scrub.c).
--   * It travels like `person` (the person's UUID as key, created/updated).
--   * The audit trail records that an identity value changed, by whom and
--     when, but not the value: the trail is append-only, and a person's
--     identity must be erasable (deleting the row erases it everywhere).
--   * It is not in the search index: identity is looked up by case code.
CREATE TABLE person_identity (
	person_id TEXT PRIMARY KEY NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	name TEXT,          -- 山田 花子: a space between family and given name
	kana TEXT,          -- やまだ はなこ
	birth_date TEXT CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	address TEXT,
	phone TEXT,
	insured_no TEXT,    -- 被保険者番号 (10 digits)
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;

CREATE TRIGGER person_identity_audit_insert AFTER INSERT ON person_identity
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'person_identity', 'insert', new.person_id, c
	FROM (SELECT 'name' AS c, new.name AS v UNION ALL SELECT 'kana', new.kana
	      UNION ALL SELECT 'birth_date', new.birth_date UNION ALL SELECT 'address', new.address
	      UNION ALL SELECT 'phone', new.phone UNION ALL SELECT 'insured_no', new.insured_no)
	WHERE v IS NOT NULL;
END;
CREATE TRIGGER person_identity_audit_update AFTER UPDATE ON person_identity
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path)
	SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'person_identity', 'update', new.person_id, c
	FROM (SELECT 'name' AS c, old.name AS o, new.name AS n
	      UNION ALL SELECT 'kana', old.kana, new.kana
	      UNION ALL SELECT 'birth_date', old.birth_date, new.birth_date
	      UNION ALL SELECT 'address', old.address, new.address
	      UNION ALL SELECT 'phone', old.phone, new.phone
	      UNION ALL SELECT 'insured_no', old.insured_no, new.insured_no)
	WHERE o IS NOT n;
END;
CREATE TRIGGER person_identity_audit_delete AFTER DELETE ON person_identity
BEGIN
	INSERT INTO audit (at, who, tbl, op, row_key, path)
	VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), kaigi_actor(),
		'person_identity', 'delete', old.person_id, '');
END;
