// SPDX-License-Identifier: MIT
/*
 * test_store_sync.c — the sync engine on two stores, through its C API
 * (include/kaigi/sync.h): what the command line cannot do (delete a
 * meeting).  An answer edited here while the other laptop deleted its
 * meeting: the local edit stays, the deleted rows are put back and listed
 * as conflicts, and keeping them travels back.  An answer arriving for a
 * record deleted here: a foreign-key conflict, kept whole, nothing broken.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "kaigi/sync.h"

struct two {
	struct fixture a, b;
};

static int setup(void **state)
{
	struct two *t = calloc(1, sizeof *t);
	fixture_init(&t->a);
	fixture_init(&t->b);
	fixture_open(&t->a);
	fixture_open(&t->b);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct two *t = *state;
	fixture_done(&t->a);
	fixture_done(&t->b);
	free(t);
	return 0;
}

/* Everything from -> to. */
static struct sync_import_result send(struct store *from, struct store *to)
{
	struct sync_payload p;
	struct kaigi_error err;
	assert_int_equal(store_sync_collect(from, NULL, &p, &err), KAIGI_OK);
	struct sync_payload *pv[] = {&p};
	struct sync_import_result res;
	if (store_sync_import(to, pv, 1, "test", &res, &err) != KAIGI_OK)
		fail_msg("import: %s", err.msg);
	sync_payload_free(&p);
	return res;
}

static void want(const char *db, const char *sql, const char *expect)
{
	char *v = test_db_text(db, sql);
	if (strcmp(v, expect) != 0)
		fail_msg("%s: %s\n  got '%s', wanted '%s'", db, sql, v, expect);
	free(v);
}

static void save(struct store *st, const char *record, const char *field, const char *text)
{
	struct store_path p = {.field = field};
	struct kaigi_error err;
	if (store_answer_save(st, record, &p, text, &err) != KAIGI_OK)
		fail_msg("saving %s: %s", field, err.msg);
}

/* What every test starts from: a case in A with wish answered, sent to
 * B. */
static void shared_case(struct two *t, const char *wish)
{
	fixture_case(&t->a);
	save(t->a.st, t->a.record, "wish", wish);
	send(t->a.st, t->b.st);
}

/* Every open conflict of st (at least one) settled keeping keep. */
static void resolve_all(struct store *st, enum sync_keep keep)
{
	struct sync_conflicts c;
	struct kaigi_error err;
	assert_int_equal(store_sync_conflicts(st, false, &c, &err), KAIGI_OK);
	assert_true(c.n > 0);
	for (size_t i = 0; i < c.n; i++)
		if (store_sync_resolve(st, c.v[i].id, keep, NULL, &err) != KAIGI_OK)
			fail_msg("resolve %lld: %s", c.v[i].id, err.msg);
	sync_conflicts_free(&c);
}

static void test_edit_here_delete_there(void **state)
{
	struct two *t = *state;
	shared_case(t, "毎朝の散歩を続けたい");
	want(t->b.db, "SELECT value FROM answer WHERE field = 'wish'", "毎朝の散歩を続けたい");

	/* Offline: A deletes the meeting, B edits the answer in it. */
	struct kaigi_error err;
	assert_int_equal(store_meeting_delete(t->a.st, t->a.meeting, &err), KAIGI_OK);
	save(t->b.st, t->a.record, "wish", "神社まで歩きたい（Bの記録）");

	struct sync_import_result r = send(t->a.st, t->b.st);
	assert_true(r.conflicts >= 3);
	/* The local edit stayed, with everything it hangs from: {query, answer}. */
	static const char *const stayed[][2] = {
	    {"SELECT value FROM answer WHERE field = 'wish'", "神社まで歩きたい（Bの記録）"},
	    {"SELECT count(*) FROM meeting", "1"},
	    {"SELECT count(*) FROM case_review", "1"},
	    {"SELECT count(*) FROM form_record", "1"},
	    {"PRAGMA foreign_key_check", ""},
	    {"SELECT group_concat(tbl, ' ') FROM (SELECT tbl FROM sync_conflict WHERE state = "
	     "'open' AND kind = 'deleted-there' ORDER BY tbl)",
	     "answer case_review form_record meeting"},
	    {"SELECT count(*) FROM sync_conflict WHERE kind = 'foreign-key'", "0"},
	};
	for (size_t i = 0; i < sizeof stayed / sizeof stayed[0]; i++)
		want(t->b.db, stayed[i][0], stayed[i][1]);

	/* B's edit reaches A as an edit of a deleted row: listed there too. */
	r = send(t->b.st, t->a.st);
	want(t->a.db, "SELECT count(*) FROM meeting", "0");
	want(t->a.db, "SELECT kind FROM sync_conflict WHERE state = 'open'", "deleted-here");

	/* B keeps its rows; after the next exchange A has them back. */
	resolve_all(t->b.st, SYNC_KEEP_LOCAL);
	want(t->b.db, "SELECT count(*) FROM sync_conflict WHERE state = 'open'", "0");
	r = send(t->b.st, t->a.st);
	assert_true(r.decisions >= 4);
	want(t->a.db, "SELECT value FROM answer WHERE field = 'wish'",
	     "神社まで歩きたい（Bの記録）");
	want(t->a.db, "SELECT count(*) FROM meeting", "1");
	want(t->a.db, "PRAGMA foreign_key_check", "");
}

static void test_child_for_a_deleted_parent(void **state)
{
	struct two *t = *state;
	shared_case(t, "買い物に行きたい");
	struct kaigi_error err;
	/* B deletes the meeting; A adds an answer to its record. */
	assert_int_equal(store_meeting_delete(t->b.st, t->a.meeting, &err), KAIGI_OK);
	save(t->a.st, t->a.record, "age", "82");
	struct sync_import_result r = send(t->a.st, t->b.st);
	assert_true(r.conflicts >= 1);
	want(t->b.db, "SELECT count(*) FROM answer", "0");
	want(t->b.db, "PRAGMA foreign_key_check", "");
	want(t->b.db,
	     "SELECT json_extract(incoming_value, '$.value') FROM sync_conflict WHERE kind = "
	     "'foreign-key' AND tbl = 'answer'",
	     "82");
	/* Applying the same again changes nothing. */
	r = send(t->a.st, t->b.st);
	assert_int_equal(r.applied, 0);
	want(t->b.db, "SELECT group_concat(kind || ' ' || tbl, '; ') FROM sync_conflict",
	     "foreign-key answer");
}

/* How many rows the audit trail of the database at db has. */
static long long audit_rows(const char *db)
{
	char *v = test_db_text(db, "SELECT count(*) FROM audit");
	long long n = atoll(v);
	free(v);
	return n;
}

static void test_audit_one_row_per_change(void **state)
{
	struct two *t = *state;
	shared_case(t, "一");
	long long before_a = audit_rows(t->a.db), before_b = audit_rows(t->b.db);
	save(t->a.st, t->a.record, "wish", "二");
	save(t->a.st, t->a.record, "age", "70");
	long long after_a = audit_rows(t->a.db);
	send(t->a.st, t->b.st);
	assert_int_equal(after_a - before_a, 2);
	assert_int_equal(audit_rows(t->b.db) - before_b, 2);
	want(t->b.db, "SELECT count(*) FROM audit WHERE who LIKE '% @%' AND new = '二'", "1");
}

/* A and B settle the same conflict differently before they exchange
 * again: both end with the later decision. */
static void test_two_decisions_converge(void **state)
{
	struct two *t = *state;
	shared_case(t, "もと");
	save(t->a.st, t->a.record, "wish", "Aの案");
	save(t->b.st, t->a.record, "wish", "Bの案");
	send(t->a.st, t->b.st);
	send(t->b.st, t->a.st);
	resolve_all(t->a.st, SYNC_KEEP_LOCAL);
	struct timespec later = {0, 20000000};
	nanosleep(&later, NULL);
	resolve_all(t->b.st, SYNC_KEEP_LOCAL); /* later: B's value wins */
	send(t->a.st, t->b.st);
	send(t->b.st, t->a.st);
	want(t->a.db, "SELECT value FROM answer WHERE field = 'wish'", "Bの案");
	want(t->b.db, "SELECT value FROM answer WHERE field = 'wish'", "Bの案");
	want(t->a.db, "SELECT count(*) FROM sync_conflict WHERE state = 'open'", "0");
	want(t->b.db, "SELECT count(*) FROM sync_conflict WHERE state = 'open'", "0");
}

/* A test on its own fixture, made and freed around it. */
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_edit_here_delete_there),
	    T(test_child_for_a_deleted_parent),
	    T(test_audit_one_row_per_change),
	    T(test_two_decisions_converge),
	};
	return cmocka_run_group_tests_name("sync_store", tests, NULL, NULL);
}
