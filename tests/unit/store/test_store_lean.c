// SPDX-License-Identifier: MIT
/*
 * test_store_lean.c — the laptop's own tables stored lean (db/012_lean.sql):
 * the audit trail numbers its keys and words but loses nothing,
 * stays append-only, and is read through the index; search documents name
 * their owners by number and are still found; change sets are kept
 * deflated; the migration moves a database of the schema before it, with a
 * backup first.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../../src/store/store_internal.h"
#include "fixture.h"
#include "kaigi/search.h"
#include "kaigi/xalloc.h"
#include "store/store_internal.h"

#define MEETING "11111111-1111-4111-8111-000000000001"
#define PERSON  "22222222-2222-4222-8222-000000000001"
#define CASE    "33333333-3333-4333-8333-000000000001"
#define RECORD  "44444444-4444-4444-8444-000000000001"
#define ITEM    "55555555-5555-4555-8555-000000000001"

/* Every audit row, spelt out, in order: what the trail says. */
static const char trail_sql[] =
    "SELECT group_concat(seq || '|' || at || '|' || who || '|' || tbl || '|' || op || '|' || "
    "row_key || '|' || path || '|' || quote(old) || '|' || quote(new), char(10)) FROM (SELECT * "
    "FROM audit ORDER BY seq)";

/* A database of the schema before the lean migration, with a meeting, a
 * case, answers inserted, changed and deleted (all audited), texts in the
 * search index. */
static void make_old_db(const char *path)
{
	/* The migration that makes the lean tables: the one whose name says so. */
	sqlite3 *db = test_db_before(path, test_migration_find("_lean"), "tester @0a1b2c3d");
	test_sql_exec(
	    db,
	    "INSERT INTO meeting (id, template, title, place, date, created, updated) "
	    "VALUES ('" MEETING "', 'independence_support', '第1回 地域ケア会議', "
	    "'保健センター', '2024-05-14', 0, 0);"
	    "INSERT INTO person (id, code, created, updated) VALUES ('" PERSON "', 'A-1', 0, 0);"
	    "INSERT INTO case_review (id, meeting_id, person_id, ord, created, updated) "
	    "VALUES ('" CASE "', '" MEETING "', '" PERSON "', 0, 0, 0);"
	    "INSERT INTO form_record (id, meeting_id, case_id, form, form_version, "
	    "created, updated) VALUES ('" RECORD "', '" MEETING "', '" CASE
	    "', 'case_plan', 1, 0, 0);"
	    "INSERT INTO list_item (id, record_id, field, ord, created, updated) VALUES "
	    "('" ITEM "', '" RECORD "', 'actions', 0, 0, 0);"
	    "INSERT INTO answer (record_id, field, item, col, value, created, updated) "
	    "VALUES ('" RECORD "', 'cm_view', '', '', '服薬の管理が難しい', 0, 0),"
	    "('" RECORD "', 'age', '', '', 81, 0, 0),"
	    "('" RECORD "', 'actions', '" ITEM "', 'what', '手すりを付ける', 0, 0),"
	    "('" RECORD "', 'history', '', '', '転倒 二回', 0, 0);"
	    "UPDATE answer SET value = 82 WHERE field = 'age';"
	    "UPDATE answer SET value = '服薬の管理が難しく、難聴もある' WHERE field = "
	    "'cm_view';"
	    "DELETE FROM answer WHERE field = 'history';"
	    "UPDATE meeting SET title = '第1回 自立支援型地域ケア会議' WHERE id = '" MEETING "';"
	    /* Years of answers, in short: 3,000 audited texts. */
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
	    "INSERT INTO answer (record_id, field, item, col, value, created, updated) "
	    "SELECT '" RECORD "', 'note', '', 'c' || i, '見守りの記録 ' || i, 0, 0 FROM n;"
	    /* A sealed entry (a change set is 'T…') and the open one. */
	    "INSERT INTO sync_log (origin, origin_seq, at, actor, deps, changeset, sealed) "
	    "VALUES ('" PERSON "', 1, 0, 'a', '', CAST('T' || printf('%.*c', 5000, 'x') || "
	    "'" RECORD "' AS BLOB), 1), ('" PERSON "', 2, 0, 'a', '', x'54000102', 0);");
	sqlite3_close(db);
}

/* cmocka setup: the test forms, the old database, and the store opened
 * on it (which migrates it). */
static int old_db_setup(void **state)
{
	fixture_setup(state);
	make_old_db(((struct fixture *)*state)->db);
	fixture_open(*state);
	return 0;
}

static void migration_keeps_the_trail_and_the_search(void **state)
{
	struct fixture *fx = *state;
	make_old_db(fx->db);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	char *trail = test_sql_text(db, trail_sql);
	long long rows = test_sql_int(db, "SELECT count(*) FROM audit");
	char *docs =
	    test_sql_text(db, "SELECT group_concat(id || kind || owner || field || item || col || "
			      "text, char(10)) FROM (SELECT * FROM search_doc ORDER BY id)");
	long long pages = test_sql_int(db, "PRAGMA page_count");
	char *type = test_sql_text(db, "SELECT type FROM sqlite_schema WHERE name = 'audit'");
	assert_string_equal(type, "table");
	free(type);
	sqlite3_close(db);
	/* Every kind of change is there before: inserts of the meeting and
	 * the answers, updates of both, a delete. */
	if (rows < 9)
		fail_msg("%lld audit rows:\n%s", rows, trail);

	fixture_open(fx); /* migrates */
	sqlite3 *m = fx->st->db;
	assert_int_equal(test_sql_int(m, "PRAGMA user_version"), (long long)kaigi_migration_count);
	type = test_sql_text(m, "SELECT type FROM sqlite_schema WHERE name = 'audit'");
	assert_string_equal(type, "view");
	free(type);
	/* The file is smaller, not left with the old tables' pages free. */
	long long after_pages = test_sql_int(m, "PRAGMA page_count");
	if (after_pages >= pages || test_sql_int(m, "PRAGMA freelist_count") * 4 >= after_pages)
		fail_msg("%lld pages before, %lld after, %lld free", pages, after_pages,
			 test_sql_int(m, "PRAGMA freelist_count"));
	/* A backup was taken before. */
	char *bdir = xasprintf("%s/backups", fx->dir);
	struct stat sb;
	assert_int_equal(stat(bdir, &sb), 0);
	free(bdir);
	/* The trail reads the same, row for row, value for value. */
	char *after = test_sql_text(m, trail_sql);
	assert_string_equal(after, trail);
	free(after);
	/* Who, table and row key are stored once each, as numbers. */
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM audit_log"), rows);
	assert_int_equal(
	    test_sql_int(m, "SELECT count(*) FROM audit_word WHERE word = 'tester @0a1b2c3d'"), 1);
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM local_key WHERE key = '" RECORD "'"),
			 1);
	char *types = test_sql_text(m, "SELECT typeof(row_key) || typeof(who) || typeof(tbl) || "
				       "typeof(op) FROM audit_log LIMIT 1");
	assert_string_equal(types, "integerintegerintegerinteger");
	free(types);
	/* The search documents are the same, their owners numbered, their
	 * texts read where they live; the index agrees with them. */
	char *docs_after = test_sql_text(
	    m, "SELECT group_concat(d.id || d.kind || k.key || d.field || d.item || d.col || "
	       "t.text, char(10)) FROM (SELECT * FROM search_doc ORDER BY id) d JOIN "
	       "local_key k ON k.n = d.owner JOIN search_text t ON t.id = d.id");
	assert_string_equal(docs_after, docs);
	free(docs_after);
	assert_int_equal(
	    test_sql_int(m, "SELECT count(*) FROM pragma_table_info('search_doc') WHERE name "
			    "= 'text'"),
	    0);
	test_sql_exec(m, "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");
	struct store_text_hit_list h;
	fixture_search(fx, &(struct fixture_search){.query = "難聴", .hits = 1, .field = "cm_view"},
		       &h);
	assert_string_equal(h.v[0].record_id, RECORD);
	assert_string_equal(h.v[0].meeting_id, MEETING);
	assert_string_equal(h.v[0].text, "服薬の管理が難しく、難聴もある");
	store_text_hit_list_free(&h);
	/* The meeting's title is found; the deleted answer is out of the index. */
	static const struct fixture_search more[] = {
	    {"自立支援", 0, 1, false, "title", NULL},
	    {"転倒", 0, 0, false, NULL, NULL},
	};
	fixture_searches(fx, more, sizeof more / sizeof more[0]);
	free(trail);
	free(docs);
}

/* After the migration, every change is audited in full through the view,
 * and nothing of the trail can be changed or removed. */
static void the_lean_trail_is_complete_and_append_only(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *m = fx->st->db;
	long long before = test_sql_int(m, "SELECT count(*) FROM audit");
	long long keys = test_sql_int(m, "SELECT count(*) FROM local_key");
	test_sql_exec(
	    m, "INSERT INTO answer (record_id, field, item, col, value, created, updated) VALUES "
	       "('" RECORD "', 'actions', '" ITEM "', 'who', 'PT', 1, 1);"
	       "UPDATE answer SET value = 'OT' WHERE field = 'actions' AND col = 'who';"
	       "INSERT OR REPLACE INTO answer (record_id, field, item, col, value, created, "
	       "updated) VALUES ('" RECORD "', 'age', '', '', 83, 2, 2);"
	       "DELETE FROM answer WHERE field = 'actions' AND col = 'who';");
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM audit"), before + 4);
	char *last = test_sql_text(
	    m, "SELECT group_concat(tbl || ' ' || op || ' ' || row_key || ' ' || "
	       "path || ' ' || quote(old) || ' ' || quote(new), '; ') FROM (SELECT * "
	       "FROM audit WHERE seq > (SELECT max(seq) - 4 FROM audit) ORDER BY seq)");
	assert_string_equal(last, "answer insert " RECORD " actions/" ITEM "/who NULL 'PT'; "
				  "answer update " RECORD " actions/" ITEM "/who 'PT' 'OT'; "
				  "answer insert " RECORD " age NULL 83; "
				  "answer delete " RECORD " actions/" ITEM "/who 'OT' NULL");
	free(last);
	/* Who and when are kept: the store's actor, a time of now. */
	assert_int_equal(
	    test_sql_int(m, "SELECT count(*) FROM audit WHERE seq > (SELECT max(seq) - 4 FROM "
			    "audit) AND (who IS NULL OR who = '' OR at < 1700000000000)"),
	    0);
	/* A row key numbered once, even through INSERT OR REPLACE. */
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM local_key"), keys);
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM local_key WHERE key = '" RECORD "'"),
			 1);
	/* Append-only: neither the view nor what is under it changes. */
	const char *refused[] = {
	    "DELETE FROM audit",
	    "UPDATE audit SET who = 'x'",
	    "DELETE FROM audit_log",
	    "UPDATE audit_log SET who = 1",
	    "UPDATE audit_word SET word = 'x'",
	    "DELETE FROM audit_word",
	    "UPDATE local_key SET key = 'x'",
	    "DELETE FROM local_key",
	    "INSERT INTO audit (at, who, tbl, op, row_key) VALUES (1, 'x', 'a', 'rename', 'k')",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_not_equal(sqlite3_exec(m, refused[i], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM audit"), before + 4);
	/* A record's history is the store's reading of it, through the index. */
	struct store_audit_list al;
	struct kaigi_error err;
	assert_int_equal(store_audit_list(fx->st, RECORD, 0, &al, &err), KAIGI_OK);
	assert_int_equal(
	    (long long)al.n,
	    test_sql_int(m, "SELECT count(*) FROM audit WHERE row_key = '" RECORD "'"));
	assert_true(al.n >= 8);
	assert_string_equal(al.v[al.n - 1].op, "delete");
	assert_string_equal(al.v[al.n - 1].row_key, RECORD);
	store_audit_list_free(&al);
	/* The index follows texts changed, deleted, and moved to another day
	 * with a new title in one statement; it agrees with its content. */
	test_sql_exec(
	    m,
	    "UPDATE answer SET value = '薬の飲み忘れ 多い' WHERE field = 'cm_view';"
	    "UPDATE answer SET value = '屋外歩行 練習' WHERE field = 'actions' AND col = "
	    "'what';"
	    "UPDATE meeting SET date = '2030-01-01', title = '移した会議' WHERE id = '" MEETING "';"
	    "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1);");
	struct store_text_hit_list h;
	struct kaigi_error serr;
	assert_int_equal(store_text_search(fx->st, "飲み忘れ", 0, &h, NULL, &serr), KAIGI_OK);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].meeting_date, "2030-01-01");
	assert_string_equal(h.v[0].text, "薬の飲み忘れ 多い");
	store_text_hit_list_free(&h);
	assert_int_equal(store_text_search(fx->st, "移した", 0, &h, NULL, &serr), KAIGI_OK);
	assert_int_equal(h.n, 1);
	store_text_hit_list_free(&h);
	assert_int_equal(store_text_search(fx->st, "難聴", 0, &h, NULL, &serr), KAIGI_OK);
	assert_int_equal(h.n, 0);
	store_text_hit_list_free(&h);
	assert_true(test_sql_int(m, "SELECT min(id) / 10000000 FROM search_doc") == 20300101);
	test_sql_exec(m,
		      "DELETE FROM meeting WHERE id = '" MEETING "';"
		      "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1);");
	assert_int_equal(test_sql_int(m, "SELECT count(*) FROM search_doc"), 0);
}

/* The query plan of sql, its details joined by "; ". */
static void plan_of(sqlite3 *db, const char *sql, char *plan, size_t size)
{
	char *x = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, x, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s\n%s", sqlite3_errmsg(db), sql);
	plan[0] = '\0';
	while (sqlite3_step(q) == SQLITE_ROW) {
		strncat(plan, (const char *)sqlite3_column_text(q, 3), size - strlen(plan) - 3);
		strcat(plan, "; ");
	}
	sqlite3_finalize(q);
	free(x);
}

/* A row's history and the last change of a row (sync conflicts) are read
 * through the numbered key's index, never by reading the whole trail; the
 * statements on list items that list_item_field served find another index
 * (it was dropped as unused). */
static void lookups_use_an_index(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	const struct {
		const char *sql, *index;
	} want[] = {
	    {"SELECT seq, at, who, tbl, op, row_key, path, old, new FROM audit WHERE row_key = ?1 "
	     "ORDER BY seq LIMIT ?2",
	     "audit_log_row"},
	    {"SELECT who, at FROM audit WHERE tbl = ?3 AND row_key = ?12 AND path = ?13 ORDER BY "
	     "seq DESC LIMIT 1",
	     "audit_log_row"},
	    {"SELECT count(*) FROM list_item WHERE record_id = ?1 AND field = ?2",
	     "list_item_record"},
	    {"SELECT id, field, ord FROM list_item WHERE record_id = ?1 ORDER BY field, ord, id",
	     "list_item_record"},
	    {"DELETE FROM search_doc WHERE owner = (SELECT n FROM local_key WHERE key = ?1) AND "
	     "field = ?2 AND item = ?3 AND col = ?4",
	     "search_doc_key"},
	};
	assert_int_equal(
	    test_sql_int(fx->st->db,
			 "SELECT count(*) FROM sqlite_schema WHERE name = 'list_item_field'"),
	    0);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char plan[1024];
		plan_of(fx->st->db, want[i].sql, plan, sizeof plan);
		if (!strstr(plan, want[i].index) || strstr(plan, "SCAN l;") ||
		    strstr(plan, "SCAN list_item") || strstr(plan, "SCAN search_doc"))
			fail_msg("%s\n%s", want[i].sql, plan);
	}
}

/* The row of sync_log entry origin_seq seq with the columns of select
 * ("SELECT …"), stepped onto; the caller finalizes. */
static sqlite3_stmt *entry_row(sqlite3 *db, const char *select, int seq)
{
	char *sql = xasprintf("%s FROM sync_log WHERE origin_seq = ?1", select);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s\n%s", sqlite3_errmsg(db), sql);
	free(sql);
	sqlite3_bind_int(q, 1, seq);
	if (sqlite3_step(q) != SQLITE_ROW)
		fail_msg("no sync_log entry %d", seq);
	return q;
}

/* The stored change set of sync_log entry origin_seq: its first bytes and
 * its size, and whether it reads back raw as want. */
static void check_entry(sqlite3 *db, int seq, const char *head, size_t head_n, const void *want,
			size_t want_n)
{
	sqlite3_stmt *q = entry_row(db, "SELECT changeset, changeset", seq);
	assert_true((size_t)sqlite3_column_bytes(q, 0) >= head_n);
	assert_memory_equal(sqlite3_column_blob(q, 0), head, head_n);
	void *cs = NULL;
	size_t n = 0;
	assert_true(sync_zip_column(q, 1, &cs, &n));
	assert_int_equal(n, want_n);
	assert_memory_equal(cs, want, want_n);
	free(cs);
	sqlite3_finalize(q);
}

/* Change sets at rest: the migration deflates sealed entries and leaves
 * the open one raw; both read back as they were; a small or already
 * deflated blob is left alone; a damaged one is refused, not misread. */
static void change_sets_are_kept_deflated(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *m = fx->st->db;
	size_t big_n = 1 + 5000 + 36;
	char *big = malloc(big_n);
	big[0] = 'T';
	memset(big + 1, 'x', 5000);
	memcpy(big + 5001, RECORD, 36);
	check_entry(m, 1, "\0KZ1", 4, big, big_n);
	assert_true(test_sql_int(m, "SELECT length(changeset) FROM sync_log WHERE origin_seq = 1") <
		    200);
	check_entry(m, 2, "T", 1, "T\0\1\2", 4);
	/* Sealing deflates (what an export does). */
	test_sql_exec(m,
		      "UPDATE sync_log SET sealed = 1, changeset = kaigi_sync_zip(changeset) WHERE "
		      "sealed = 0");
	check_entry(m, 2, "T", 1, "T\0\1\2", 4); /* too small to gain */
	assert_int_equal(
	    test_sql_int(m, "SELECT count(*) FROM sync_log WHERE sealed = 0 OR changeset <> "
			    "kaigi_sync_zip(changeset)"),
	    0);
	/* A truncated stream is refused. */
	sqlite3_stmt *q = entry_row(m, "SELECT substr(changeset, 1, length(changeset) - 9)", 1);
	void *cs = NULL;
	size_t n = 0;
	assert_false(sync_zip_column(q, 0, &cs, &n));
	assert_null(cs);
	sqlite3_finalize(q);
	/* No trigger or view of the file may call it (direct-only). */
	test_sql_exec(m, "CREATE TABLE z (b BLOB); CREATE TRIGGER zt AFTER INSERT ON z BEGIN "
			 "SELECT kaigi_sync_zip(new.b); END;");
	assert_int_not_equal(sqlite3_exec(m, "INSERT INTO z VALUES (x'00')", NULL, NULL, NULL),
			     SQLITE_OK);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(migration_keeps_the_trail_and_the_search, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(the_lean_trail_is_complete_and_append_only,
					    old_db_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(lookups_use_an_index, fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(change_sets_are_kept_deflated, old_db_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
