// SPDX-License-Identifier: MIT
/*
 * test_period_store.c — goal periods in the store:
 * record files written with case_plan 1's `months` import as periods from
 * the meeting's month, a length typed in a meeting starts in its month, a
 * refused period says what is accepted, export → import keeps periods as
 * they were, and the migration turns stored months into periods.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fixture.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store/store_internal.h"

#define REVIEW1 "aaaaaaaa-0000-4000-8000-000000000001"

/* The period of the goal whose wording is w. */
static const char *goal_period(struct fixture *f, const char *w)
{
	char *sql = xasprintf("SELECT p.value FROM answer p JOIN answer w ON w.record_id = "
			      "p.record_id AND w.item = p.item AND w.col = 'wording' WHERE "
			      "p.field = 'goals' AND p.col = 'period' AND w.value = '%s'",
			      w);
	const char *v = fixture_text(f, sql);
	free(sql);
	return v;
}

static void old_files_import_through_formerly(void **state)
{
	struct fixture *f = *state;
	/* Meeting 1 is 2025-01-14: months 12 and 3 from January. */
	assert_string_equal(goal_period(f, "一人でスーパーへ買い物に行く"), "2025-01/2026-01");
	assert_string_equal(goal_period(f, "屋外を10分続けて歩ける"), "2025-01/2025-04");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM answer WHERE col = 'months'"), 0);
}

static void typed_in_a_meeting(void **state)
{
	struct fixture *f = *state;
	char item[64];
	snprintf(item, sizeof item, "%s",
		 fixture_text(f, "SELECT p.item FROM answer p JOIN answer w ON w.record_id = "
				 "p.record_id AND w.item = p.item AND w.col = 'wording' WHERE "
				 "w.value = '週1回サロンに通う'"));
	assert_true(item[0] != '\0');
	fixture_save(f, REVIEW1, "case_plan", "goals", item, "period", "6か月");
	assert_string_equal(goal_period(f, "週1回サロンに通う"), "2025-01/2025-07");
	fixture_save(f, REVIEW1, "case_plan", "goals", item, "period", "2026-11 - 2027-05");
	assert_string_equal(goal_period(f, "週1回サロンに通う"), "2026-11/2027-05");

	/* Refused: the reason shows what is accepted, and nothing changes. */
	struct store_case c = {0};
	struct kaigi_error err;
	assert_int_equal(store_case_get(f->st, REVIEW1, &c, &err), KAIGI_OK);
	char rec[STORE_ID_SIZE];
	assert_int_equal(store_record_ensure(f->st, c.meeting_id, c.id, "case_plan", rec, &err),
			 KAIGI_OK);
	struct store_path p = {"goals", item, "period"};
	assert_int_equal(store_answer_save(f->st, rec, &p, "来年の春", &err), KAIGI_EDATA);
	if (!strstr(err.msg, "2026-11〜2027-05"))
		fail_msg("%s", err.msg);
	assert_int_equal(store_answer_save(f->st, rec, &p, "2026-11〜2032-05", &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "a period of 66 months is out of range (1 to 60 months)");
	assert_string_equal(goal_period(f, "週1回サロンに通う"), "2026-11/2027-05");
	store_case_clear(&c);
}

static void export_import_round_trip(void **state)
{
	struct fixture *f = *state;
	static const char all[] = "SELECT group_concat(value, ' ') FROM (SELECT value FROM answer "
				  "WHERE col = 'period' ORDER BY value)";
	char before[1024];
	snprintf(before, sizeof before, "%s", fixture_text(f, all));
	char *yaml = NULL;
	struct fixture *g = fixture_new_from_export(f, &yaml);
	assert_non_null(strstr(yaml, "period: 2025-01/2026-01"));
	assert_string_equal(fixture_text(g, all), before);
	char *again = test_export_yaml(g->st, NULL);
	assert_string_equal(again, yaml);
	free(again);
	free(yaml);
	fixture_free(g);
}

/* ---- the migration ---------------------------------------------------------- */

static void migration_turns_months_into_periods(void **state)
{
	struct fixture *f = *state;
	fixture_db_remove(f);
	/* A database one migration short of it, with two goals of 6 months
	 * and one whose value was never a number of months.  The migration
	 * that converts is the one whose name says so. */
	sqlite3 *db = test_db_before(f->db, test_migration_find("live_entry"), "tester");
	test_sql_exec(
	    db, FIXTURE_OLD_CASES_SQL
	    "INSERT INTO form_record (id, meeting_id, case_id, form, form_version, created, "
	    "updated) VALUES ('44444444-4444-4444-8444-000000000001', "
	    "'11111111-1111-4111-8111-000000000001', '33333333-3333-4333-8333-00000000000a', "
	    "'case_plan', 1, 0, 0), ('44444444-4444-4444-8444-000000000002', "
	    "'11111111-1111-4111-8111-000000000001', '33333333-3333-4333-8333-00000000000b', "
	    "'case_plan', 1, 0, 0);"
	    "INSERT INTO list_item (id, record_id, field, ord, created, updated) VALUES "
	    "('55555555-5555-4555-8555-000000000001', '44444444-4444-4444-8444-000000000001', "
	    "'goals', 0, 0, 0),"
	    "('55555555-5555-4555-8555-000000000002', '44444444-4444-4444-8444-000000000001', "
	    "'goals', 1, 0, 0),"
	    "('55555555-5555-4555-8555-000000000003', '44444444-4444-4444-8444-000000000002', "
	    "'goals', 0, 0, 0);"
	    "INSERT INTO answer (record_id, field, item, col, value, created, updated) VALUES "
	    "('44444444-4444-4444-8444-000000000001', 'goals', "
	    "'55555555-5555-4555-8555-000000000001', 'months', 6, 0, 0),"
	    "('44444444-4444-4444-8444-000000000001', 'goals', "
	    "'55555555-5555-4555-8555-000000000002', 'months', 12, 0, 0),"
	    "('44444444-4444-4444-8444-000000000002', 'goals', "
	    "'55555555-5555-4555-8555-000000000003', 'months', 'そのうち', 0, 0);");
	sqlite3_close(db);

	fixture_open_migrated(f);
	assert_string_equal(
	    fixture_text(f, "SELECT value FROM answer WHERE item = "
			    "'55555555-5555-4555-8555-000000000001' AND col = 'period'"),
	    "2024-05/2024-11");
	assert_string_equal(
	    fixture_text(f, "SELECT value FROM answer WHERE item = "
			    "'55555555-5555-4555-8555-000000000002' AND col = 'period'"),
	    "2024-05/2025-05");
	/* Converted months are gone, and the record is now of version 2; the
	 * value that was no number of months stays, and so does its version. */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM answer WHERE col = 'months'"), 1);
	assert_int_equal(fixture_int(f, "SELECT form_version FROM form_record WHERE id = "
					"'44444444-4444-4444-8444-000000000001'"),
			 2);
	assert_int_equal(fixture_int(f, "SELECT form_version FROM form_record WHERE id = "
					"'44444444-4444-4444-8444-000000000002'"),
			 1);
	/* The audit trail says what the migration did. */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM audit WHERE new = "
					"'2024-05/2024-11'"),
			 1);
}

/* A test on its own fixture of the three reviews. */
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup_reviews, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(old_files_import_through_formerly),
	    T(typed_in_a_meeting),
	    T(export_import_round_trip),
	    cmocka_unit_test_setup_teardown(migration_turns_months_into_periods,
					    fixture_setup_shipped, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
