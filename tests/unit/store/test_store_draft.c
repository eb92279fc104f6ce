// SPDX-License-Identifier: MIT
/*
 * test_store_draft.c — the drafts table: put, replace, list, delete, the
 * close check's count, durable across a reopen, never in the audit trail,
 * gone with its case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "kaigi/draft.h"
#include "store/store_internal.h"

static size_t count_case(struct fixture *fx)
{
	size_t n = 99;
	struct kaigi_error err;
	assert_int_equal(store_draft_count_case(fx->st, fx->case_id, &n, &err), KAIGI_OK);
	return n;
}

static void test_drafts(void **state)
{
	struct fixture *fx = *state;
	fixture_open(fx);
	fixture_case(fx);
	struct kaigi_error err;
	long long audit = test_sql_int(fx->st->db, "SELECT count(*) FROM audit");
	struct store_draft_key name = {fx->record, fx->record, "name", NULL, NULL};
	struct store_draft_key age = {fx->record, fx->record, "age", "", ""};
	struct store_draft_key cell = {fx->record, fx->record, "adl", "walk", "before"};
	assert_int_equal(store_draft_put(fx->st, &name, "山田", false, NULL, &err), KAIGI_OK);
	assert_int_equal(store_draft_put(fx->st, &name, "山田 よし子", false, NULL, &err),
			 KAIGI_OK);
	assert_int_equal(store_draft_put(fx->st, &age, "八十三", true, "整数ではありません", &err),
			 KAIGI_OK);
	assert_int_equal(store_draft_put(fx->st, &cell, "x", false, NULL, &err), KAIGI_OK);
	assert_int_equal(count_case(fx), 3);
	/* Drafts are not answers: no audit rows, no answers. */
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(
	    test_sql_int(fx->st->db, "SELECT count(*) FROM answer WHERE field = 'name'"), 0);

	/* Durable: a reopened store reads them. */
	store_close(fx->st);
	fx->st = NULL;
	fixture_open(fx);
	struct store_draft *d = NULL;
	size_t n = 0;
	assert_int_equal(store_draft_list(fx->st, fx->record, &d, &n, &err), KAIGI_OK);
	assert_int_equal(n, 3);
	bool saw_name = false, saw_age = false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(d[i].field, "name") == 0) {
			saw_name = true;
			assert_string_equal(d[i].text, "山田 よし子");
			assert_false(d[i].refused);
			assert_string_equal(d[i].item, "");
		}
		if (strcmp(d[i].field, "age") == 0) {
			saw_age = true;
			assert_true(d[i].refused);
			assert_string_equal(d[i].reason, "整数ではありません");
		}
	}
	assert_true(saw_name && saw_age);
	store_drafts_free(d, n);

	assert_int_equal(store_draft_delete(fx->st, &name, &err), KAIGI_OK);
	assert_int_equal(store_draft_delete(fx->st, &name, &err), KAIGI_OK); /* none: fine */
	assert_int_equal(count_case(fx), 2);
	size_t all = 0;
	assert_int_equal(store_draft_count(fx->st, &all, &err), KAIGI_OK);
	assert_int_equal(all, 2);
	/* A draft of a page without a record (a meeting's facts). */
	struct store_draft_key m = {"meeting:x", NULL, "purpose", NULL, NULL};
	assert_int_equal(store_draft_put(fx->st, &m, "目的", false, NULL, &err), KAIGI_OK);
	assert_int_equal(count_case(fx), 2);
	/* Deleting the case deletes its records' drafts. */
	assert_int_equal(store_case_delete(fx->st, fx->case_id, &err), KAIGI_OK);
	assert_int_equal(store_draft_count(fx->st, &all, &err), KAIGI_OK);
	assert_int_equal(all, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_drafts, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
