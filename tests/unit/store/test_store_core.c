// SPDX-License-Identifier: MIT
/*
 * test_store_core.c — opening, migrating, saving answers with checks, the
 * audit trail, list items, meetings, two connections on one file.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../../src/store/store_internal.h"
#include "fixture.h"
#include "kaigi/register.h"
#include "kaigi/store_exchange.h"
#include "kaigi/store_stop.h"
#include "kaigi/store_wal.h"
#include "store/store_internal.h"

static void test_open_creates_private_wal_db(void **state)
{
	struct fixture *fx = *state;
	char nested[400];
	snprintf(nested, sizeof nested, "%s/a/b/kaigi.db", fx->dir);
	struct kaigi_error err;
	struct store *st = NULL;
	assert_int_equal(store_open(&st, nested, STORE_READ_WRITE, &err), KAIGI_OK);
	struct stat sb;
	assert_int_equal(stat(nested, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char parent[400];
	snprintf(parent, sizeof parent, "%s/a/b", fx->dir);
	assert_int_equal(stat(parent, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	char *mode = test_sql_text(st->db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(test_sql_int(st->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(test_sql_int(st->db, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(test_sql_int(st->db, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(test_sql_int(st->db, "PRAGMA application_id"), STORE_APPLICATION_ID);
	/* Every table is STRICT. */
	assert_int_equal(test_sql_int(st->db,
				      "SELECT count(*) FROM pragma_table_list WHERE schema = "
				      "'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' "
				      "AND strict = 0"),
			 0);
	store_close(st);
	/* Reopening leaves it as it was. */
	assert_int_equal(store_open(&st, nested, STORE_READ_WRITE, &err), KAIGI_OK);
	store_close(st);
}

static void test_refuses_what_is_not_kaigi(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_error err;
	struct store *st = NULL;
	/* A text file. */
	test_write_file(fx->db, "meeting notes, not a database\n");
	unsigned long long h = test_file_hash(fx->db);
	assert_int_equal(store_open(&st, fx->db, STORE_READ_WRITE, &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "not a kaigi database"));
	assert_int_equal(test_file_hash(fx->db), h);
	/* Another program's SQLite database. */
	unlink(fx->db);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	h = test_file_hash(fx->db);
	assert_int_equal(store_open(&st, fx->db, STORE_READ_WRITE, &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "not a kaigi database"));
	assert_int_equal(test_file_hash(fx->db), h);
	/* A folder. */
	assert_int_equal(store_open(&st, fx->dir, STORE_READ_WRITE, &err), KAIGI_EENV);
	/* Read-only open of a missing file does not create it. */
	unlink(fx->db);
	assert_int_equal(store_open(&st, fx->db, STORE_READ_ONLY, &err), KAIGI_EENV);
	assert_int_equal(access(fx->db, F_OK), -1);
}

static void test_refuses_newer_schema(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	store_close(fx->st);
	fx->st = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	unsigned long long h = test_file_hash(fx->db);
	struct kaigi_error err;
	struct store *st = NULL;
	assert_int_equal(store_open(&st, fx->db, STORE_READ_WRITE, &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "newer kaigi"));
	assert_int_equal(store_open(&st, fx->db, STORE_READ_ONLY, &err), KAIGI_EENV);
	assert_int_equal(test_file_hash(fx->db), h);
}

static void test_migration_backs_up_first(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	/* A pretend next migration, applied to a database that holds data. */
	size_t n = kaigi_migration_count;
	const char *sql[16] = {0}, *names[16] = {0};
	assert_true(n + 2 < 16);
	for (size_t i = 0; i < n; i++) {
		sql[i] = kaigi_migration_sql[i];
		names[i] = kaigi_migration_name[i];
	}
	sql[n] = "CREATE TABLE extra (x INTEGER) STRICT;";
	names[n] = "999_extra.sql";
	struct kaigi_error err;
	if (store_migrate(fx->st, sql, names, n + 1, &err) != KAIGI_OK)
		fail_msg("migrate: %s", err.msg);
	assert_int_equal(test_sql_int(fx->st->db, "PRAGMA user_version"), (int)n + 1);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM extra"), 0);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls %s/backups/kaigi-before-v%zu-*.db >/dev/null 2>&1", fx->dir,
		 n + 1);
	assert_int_equal(system(cmd), 0);
	/* A failing migration changes nothing. */
	sql[n + 1] = "CREATE TABLE meeting (x);";
	names[n + 1] = "1000_bad.sql";
	assert_int_equal(store_migrate(fx->st, sql, names, n + 2, &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "1000_bad.sql"));
	assert_int_equal(test_sql_int(fx->st->db, "PRAGMA user_version"), (int)n + 1);
	/* The real binary now refuses it as newer. */
	store_close(fx->st);
	fx->st = NULL;
	struct store *st = NULL;
	assert_int_equal(store_open(&st, fx->db, STORE_READ_WRITE, &err), KAIGI_EENV);
}

static void save_ok(struct fixture *fx, const char *field, const char *item, const char *col,
		    const char *text)
{
	struct kaigi_error err = {0};
	struct store_path p = {field, item, col};
	enum kaigi_status s = store_answer_save(fx->st, fx->record, &p, text, &err);
	if (s != KAIGI_OK)
		fprintf(stderr, "save %s: %s\n", field, err.msg);
	assert_int_equal(s, KAIGI_OK);
}

static void save_refused(struct fixture *fx, const char *field, const char *item, const char *col,
			 const char *text, const char *why)
{
	struct kaigi_error err = {0};
	struct store_path p = {field, item, col};
	long long before = test_sql_int(fx->st->db, "SELECT total_changes()");
	long long audit = test_sql_int(fx->st->db, "SELECT count(*) FROM audit");
	enum kaigi_status got = store_answer_save(fx->st, fx->record, &p, text, &err);
	if (got != KAIGI_EDATA)
		fail_msg("saving %s=%s: expected a refusal, got %d (%s)", field, text, got,
			 err.msg);
	if (why && !strstr(err.msg, why))
		fail_msg("expected '%s' in '%s'", why, err.msg);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM audit"), audit);
	(void)before;
}

static void test_answer_save_checks_and_audits(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	save_ok(fx, "name", NULL, NULL, "山田 よし子");
	save_ok(fx, "age", NULL, NULL, "83");
	save_ok(fx, "height", NULL, NULL, "150");
	save_ok(fx, "weight", NULL, NULL, "45.5");
	save_ok(fx, "problems", NULL, NULL, "muscle dementia");
	save_ok(fx, "lives_alone", NULL, NULL, "yes");
	save_ok(fx, "adl", "walk", "before", "2");
	save_ok(fx, "adl", "walk", "after", "2");
	save_refused(fx, "age", NULL, NULL, "200", NULL);
	save_refused(fx, "age", NULL, NULL, "eighty", NULL);
	save_refused(fx, "sex", NULL, NULL, "Q", NULL);
	save_refused(fx, "weight", NULL, NULL, "400", "Weight must be less than height");
	save_refused(fx, "adl", "walk", "after", "3", "After must not be worse");
	save_refused(fx, "adl", "bath", "after", "1", "does not apply");
	save_refused(fx, "adl", "swim", "before", "1", "no row");
	save_refused(fx, "bmi", NULL, NULL, "20", "calculated");
	save_refused(fx, "nofield", NULL, NULL, "1", "no field");
	save_refused(fx, "adl", "walk", "factor", "1", "not an item");
	/* The Japanese constraint message in ja. */
	store_set_lang(fx->st, "ja");
	save_refused(fx, "weight", NULL, NULL, "400", "体重が身長より大きい");
	store_set_lang(fx->st, "en");

	struct store_record r = {0};
	struct kaigi_error err;
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	struct store_path p = {"age", NULL, NULL};
	const struct kaigi_value *v = store_record_value(&r, &p);
	assert_non_null(v);
	assert_int_equal(v->type, KAIGI_INT);
	assert_int_equal(v->i, 83);
	p.field = "weight";
	v = store_record_value(&r, &p);
	assert_int_equal(v->type, KAIGI_REAL);
	p.field = "name";
	assert_string_equal(store_record_value(&r, &p)->s, "山田 よし子");
	assert_ptr_equal(r.schema, schema_form_find(&fx->forms, "test_sheet"));
	store_record_clear(&r);

	/* Audit: one row per change, with who, old and new; unchanged saves
	 * leave none. */
	long long n = test_sql_int(fx->st->db, "SELECT count(*) FROM audit WHERE tbl = 'answer'");
	assert_int_equal(n, 8);
	save_ok(fx, "age", NULL, NULL, "83");
	assert_int_equal(
	    test_sql_int(fx->st->db, "SELECT count(*) FROM audit WHERE tbl = 'answer'"), n);
	save_ok(fx, "age", NULL, NULL, "84");
	save_ok(fx, "name", NULL, NULL, "");
	struct store_audit_list al;
	assert_int_equal(store_audit_list(fx->st, fx->record, 0, &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 10);
	assert_string_equal(al.v[8].op, "update");
	assert_string_equal(al.v[8].path, "age");
	assert_int_equal(al.v[8].old.i, 83);
	assert_int_equal(al.v[8].new_value.i, 84);
	assert_string_equal(al.v[8].who, "tester");
	assert_string_equal(al.v[9].op, "delete");
	assert_string_equal(al.v[9].old.s, "山田 よし子");
	assert_string_equal(al.v[6].path, "adl/walk/before");
	store_audit_list_free(&al);

	/* Nothing in the program can change the audit trail. */
	assert_int_not_equal(
	    sqlite3_exec(fx->st->db, "UPDATE audit SET who = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(fx->st->db, "DELETE FROM audit", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM audit WHERE who = 'x'"), 0);
}

static void test_list_items(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	struct kaigi_error err;
	char a[STORE_ID_SIZE], b[STORE_ID_SIZE], c[STORE_ID_SIZE];
	assert_int_equal(store_item_add(fx->st, fx->record, "factors", 99, a, &err), KAIGI_OK);
	assert_int_equal(store_item_add(fx->st, fx->record, "factors", 99, b, &err), KAIGI_OK);
	assert_int_equal(store_item_add(fx->st, fx->record, "factors", 0, c, &err), KAIGI_OK);
	save_ok(fx, "factors", a, "text", "膝の痛み");
	save_ok(fx, "factors", b, "text", "閉じこもり");
	save_refused(fx, "factors", "00000000-0000-4000-8000-000000000000", "text", "x", "no item");
	/* Order is c, a, b; factor numbers refer to items that exist. */
	save_ok(fx, "adl", "walk", "factor", "1 3");
	save_refused(fx, "adl", "walk", "factor", "4", "not an item");
	assert_int_equal(store_item_move(fx->st, c, 2, &err), KAIGI_OK);
	struct store_record r = {0};
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.nitems, 3);
	assert_string_equal(r.items[0].id, a);
	assert_string_equal(r.items[1].id, b);
	assert_string_equal(r.items[2].id, c);
	store_record_clear(&r);
	assert_int_equal(store_item_delete(fx->st, a, &err), KAIGI_OK);
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.nitems, 2);
	assert_string_equal(r.items[0].id, b);
	assert_int_equal(r.items[0].ord, 0);
	assert_int_equal(r.items[1].ord, 1);
	struct store_path p = {"factors", a, "text"};
	assert_null(store_record_value(&r, &p));
	store_record_clear(&r);
	/* The deleted item's answer left an audit row. */
	assert_int_equal(test_sql_int(fx->st->db,
				      "SELECT count(*) FROM audit WHERE op = 'delete' AND "
				      "path LIKE 'factors/%'"),
			 1);
	/* max_items is 6. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(store_item_add(fx->st, fx->record, "factors", 99, a, &err),
				 KAIGI_OK);
	assert_int_equal(store_item_add(fx->st, fx->record, "factors", 99, a, &err), KAIGI_EDATA);
}

static void test_meetings_cases_actions_issues(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	struct kaigi_error err;
	assert_int_equal(
	    store_meeting_set(fx->st, fx->meeting, STORE_MEETING_PLACE, "公民館", &err), KAIGI_OK);
	assert_int_equal(
	    store_meeting_set(fx->st, fx->meeting, STORE_MEETING_DATE, "2024-02-30", &err),
	    KAIGI_EDATA);
	assert_int_equal(
	    store_meeting_set(fx->st, fx->meeting, STORE_MEETING_START_TIME, "9:00", &err),
	    KAIGI_EDATA);
	struct store_meeting m = {0};
	assert_int_equal(store_meeting_get(fx->st, fx->meeting, &m, &err), KAIGI_OK);
	assert_string_equal(m.f[STORE_MEETING_PLACE], "公民館");
	store_meeting_clear(&m);
	assert_int_equal(test_sql_int(fx->st->db,
				      "SELECT count(*) FROM audit WHERE tbl = 'meeting' AND "
				      "op = 'update' AND path = 'place'"),
			 1);
	struct store_meeting_list ml;
	assert_int_equal(store_meeting_list(fx->st, "公民", 0, &ml, &err), KAIGI_OK);
	assert_int_equal(ml.n, 1);
	store_meeting_list_free(&ml);

	/* Actions are items of a form's `actions` list (migration 002 dropped
	 * the separate table): tests/followup covers them. */
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM sqlite_schema WHERE name = "
						  "'action'"),
			 0);

	/* A follow-up review of the same person at a later meeting. */
	struct store_meeting m2 = {0};
	m2.template_id = "test_meeting";
	m2.f[STORE_MEETING_DATE] = "2024-08-20";
	assert_int_equal(store_meeting_create(fx->st, &m2, &err), KAIGI_OK);
	struct store_case c2 = {0};
	memcpy(c2.meeting_id, m2.id, STORE_ID_SIZE);
	memcpy(c2.person_id, fx->person, STORE_ID_SIZE);
	memcpy(c2.follows, fx->case_id, STORE_ID_SIZE);
	assert_int_equal(store_case_save(fx->st, &c2, &err), KAIGI_OK);
	struct store_case_list hist;
	assert_int_equal(store_case_history(fx->st, fx->person, &hist, &err), KAIGI_OK);
	assert_int_equal(hist.n, 2);
	assert_string_equal(hist.v[0].meeting_date, "2024-05-14");
	assert_string_equal(hist.v[1].follows, fx->case_id);
	store_case_list_free(&hist);

	struct store_issue is = {0};
	is.title = "買い物の移動手段がない";
	is.policy = "resource";
	assert_int_equal(store_issue_save(fx->st, &is, &err), KAIGI_OK);
	assert_int_equal(store_issue_link(fx->st, is.id, fx->case_id, NULL, &err), KAIGI_OK);
	assert_int_equal(store_issue_link(fx->st, is.id, c2.id, "同じ", &err), KAIGI_OK);
	assert_int_equal(store_issue_link(fx->st, is.id, c2.id, "同じ", &err), KAIGI_OK);
	struct store_issue_list il;
	assert_int_equal(store_issue_rollup(fx->st, NULL, NULL, &il, &err), KAIGI_OK);
	assert_int_equal(il.n, 1);
	assert_int_equal(il.v[0].ncases, 2);
	assert_string_equal(il.v[0].first_seen, "2024-05-14");
	assert_string_equal(il.v[0].last_seen, "2024-08-20");
	store_issue_list_free(&il);
	assert_int_equal(store_issue_rollup(fx->st, "2024-06-01", NULL, &il, &err), KAIGI_OK);
	assert_int_equal(il.v[0].ncases, 1);
	store_issue_list_free(&il);

	/* A person reviewed in a meeting cannot be deleted from under it;
	 * deleting the meeting takes its cases, records and answers along. */
	save_ok(fx, "age", NULL, NULL, "80");
	assert_int_equal(store_meeting_delete(fx->st, fx->meeting, &err), KAIGI_OK);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM answer"), 0);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM case_review"), 1);
	assert_int_equal(test_sql_int(fx->st->db,
				      "SELECT count(*) FROM audit WHERE tbl = 'answer' AND "
				      "op = 'delete'"),
			 1);
}

static void test_record_of_missing_form_is_read_raw(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	save_ok(fx, "age", NULL, NULL, "80");
	/* The same database with a set that lacks test_sheet. */
	struct schema_set empty;
	struct kaigi_error err;
	assert_int_equal(schema_set_init(&empty, &err), KAIGI_OK);
	store_set_forms(fx->st, &empty);
	struct store_record r = {0};
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	assert_null(r.schema);
	assert_int_equal(r.nanswers, 1);
	assert_int_equal(r.answers[0].value.i, 80);
	store_record_clear(&r);
	struct store_path p = {"age", NULL, NULL};
	assert_int_equal(store_answer_save(fx->st, fx->record, &p, "81", &err), KAIGI_EDATA);
	assert_non_null(strstr(err.msg, "not installed"));
	store_set_forms(fx->st, &fx->forms);
	schema_set_free(&empty);
}

static void test_two_connections(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	struct store *other = NULL;
	struct kaigi_error err;
	assert_int_equal(store_open(&other, fx->db, STORE_READ_WRITE, &err), KAIGI_OK);
	store_set_forms(other, &fx->forms);
	save_ok(fx, "age", NULL, NULL, "80");
	struct store_record r = {0};
	assert_int_equal(store_record_get(other, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.answers[0].value.i, 80);
	store_record_clear(&r);
	struct store_path p = {"age", NULL, NULL};
	assert_int_equal(store_answer_save(other, fx->record, &p, "81", &err), KAIGI_OK);
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.answers[0].value.i, 81);
	store_record_clear(&r);

	/* Another process holds the write lock: a save waits for the busy
	 * timeout, then reports the lock and writes nothing. */
	pid_t pid = test_db_lock(fx->db, 2);
	store_set_busy_timeout(other, 200);
	assert_int_equal(store_answer_save(other, fx->record, &p, "82", &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "locked"));
	/* With a longer timeout it waits and succeeds once the lock goes. */
	store_set_busy_timeout(other, 10000);
	assert_int_equal(store_answer_save(other, fx->record, &p, "83", &err), KAIGI_OK);
	int status;
	waitpid(pid, &status, 0);
	assert_int_equal(store_record_get(fx->st, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.answers[0].value.i, 83);
	store_record_clear(&r);
	store_close(other);
}

static void test_backup(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	save_ok(fx, "age", NULL, NULL, "80");
	char dest[400];
	snprintf(dest, sizeof dest, "%s/copy.db", fx->dir);
	struct kaigi_error err;
	char *used = NULL;
	assert_int_equal(store_backup(fx->st, dest, &used, &err), KAIGI_OK);
	assert_string_equal(used, dest);
	free(used);
	struct stat sb;
	assert_int_equal(stat(dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	struct store *copy = NULL;
	assert_int_equal(store_open(&copy, dest, STORE_READ_ONLY, &err), KAIGI_OK);
	store_set_forms(copy, &fx->forms);
	struct store_record r = {0};
	assert_int_equal(store_record_get(copy, fx->record, &r, &err), KAIGI_OK);
	assert_int_equal(r.answers[0].value.i, 80);
	store_record_clear(&r);
	store_close(copy);
	/* Default destination: backups/ beside the database. */
	assert_int_equal(store_backup(fx->st, NULL, &used, &err), KAIGI_OK);
	assert_non_null(strstr(used, "/backups/kaigi-"));
	assert_int_equal(access(used, R_OK), 0);
	free(used);
	/* An unwritable destination fails cleanly. */
	assert_int_equal(store_backup(fx->st, "/nonexistent/dir/x.db", NULL, &err), KAIGI_EENV);
}

static bool always(void *ctx)
{
	(void)ctx;
	return true;
}

/* Checkpoints are out of the save path: saves never checkpoint
 * (the log grows past SQLite's automatic 1,000 pages), a checkpoint when
 * idle empties it, and every save is durable before and after — a process
 * killed right after a checkpoint and a save loses nothing. */
static void test_checkpoint_at_idle_keeps_saves(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	char text[64];
	for (int i = 0; i < 400; i++) {
		snprintf(text, sizeof text, "見守り %d 回目", i);
		save_ok(fx, "name", NULL, NULL, text);
	}
	int pending = store_wal_pending(fx->st);
	assert_true(pending > 1000);
	assert_true(pending < STORE_WAL_BOUND);
	struct kaigi_error err;
	/* The idle work gives way to a key: nothing is copied then; without
	 * a key, a log this short is left for later (emptying it would cost
	 * the next save a second fsync). */
	store_stop_when(fx->st, always, NULL);
	assert_int_equal(store_idle(fx->st, &err), KAIGI_OK);
	store_stop_when(fx->st, NULL, NULL);
	assert_int_equal(store_wal_pending(fx->st), pending);
	assert_int_equal(store_idle(fx->st, &err), KAIGI_OK);
	assert_true(store_wal_pending(fx->st) >= pending);
	assert_int_equal(store_checkpoint(fx->st, &err), KAIGI_OK);
	assert_int_equal(store_wal_pending(fx->st), 0);
	for (int i = 0; i < 10; i++) {
		snprintf(text, sizeof text, "見守り %d 回目（追記）", i);
		save_ok(fx, "name", NULL, NULL, text);
	}
	assert_true(store_wal_pending(fx->st) > 0);
	assert_int_equal(store_checkpoint(fx->st, &err), KAIGI_OK);
	assert_int_equal(store_wal_pending(fx->st), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		save_ok(fx, "name", NULL, NULL, "チェックポイントの前");
		store_checkpoint(fx->st, &err);
		save_ok(fx, "name", NULL, NULL, "チェックポイントの後");
		kill(getpid(), SIGKILL);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	assert_true(WIFSIGNALED(status));
	store_close(fx->st);
	fx->st = NULL;
	fixture_open(fx);
	char *v = test_sql_text(fx->st->db, "SELECT value FROM answer WHERE field = 'name'");
	assert_string_equal(v, "チェックポイントの後");
	free(v);
	assert_int_equal(test_sql_int(fx->st->db,
				      "SELECT count(*) FROM audit WHERE tbl = 'answer' AND "
				      "path = 'name'"),
			 412);
	/* The bound: a log past it is checkpointed by the commit itself. */
	for (int i = 0; pending < STORE_WAL_BOUND && i < 4000; i++) {
		snprintf(text, sizeof text, "境界 %d", i);
		save_ok(fx, "name", NULL, NULL, text);
		int now = store_wal_pending(fx->st);
		if (now < pending)
			break;
		pending = now;
	}
	assert_true(store_wal_pending(fx->st) < pending);
}

static void test_uuid_and_dates(void **state)
{
	(void)state;
	char a[STORE_ID_SIZE], b[STORE_ID_SIZE];
	store_uuid_new(a);
	store_uuid_new(b);
	assert_true(store_uuid_valid(a));
	assert_string_not_equal(a, b);
	assert_int_equal(a[14], '4');
	assert_true(strchr("89ab", a[19]) != NULL);
	assert_false(store_uuid_valid("not-a-uuid"));
	assert_true(store_date_valid("2024-02-29"));
	assert_false(store_date_valid("2023-02-29"));
	assert_false(store_date_valid("2024-13-01"));
	assert_true(store_time_valid("23:59"));
	assert_false(store_time_valid("24:00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_uuid_and_dates),
	    cmocka_unit_test_setup_teardown(test_open_creates_private_wal_db, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_refuses_what_is_not_kaigi, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_refuses_newer_schema, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_migration_backs_up_first, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_answer_save_checks_and_audits, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_list_items, fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_meetings_cases_actions_issues, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_record_of_missing_form_is_read_raw, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_two_connections, fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_backup, fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_checkpoint_at_idle_keeps_saves, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests_name("store_core", tests, NULL, NULL);
}
