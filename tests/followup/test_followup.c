// SPDX-License-Identifier: MIT
/*
 * test_followup.c — one person reviewed three times across three meetings
 * (data/three_reviews.yaml), grids that improve and worsen: the
 * comparison row by row, the open goals and the follow-up review started
 * from last time (評価表 and ratings), due follow-ups, the actions agreed
 * before and closing one, the outcome roll-up and the printed summary.
 * Also `na: true` on a choice, and migration 002 moving the old action
 * table into the forms' lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../src/store/store_internal.h"
#include "fixture.h"
#include "kaigi/followup.h"
#include "kaigi/report.h"
#include "kaigi/search.h"
#include "kaigi/xalloc.h"
#include "store/store_internal.h"

#define REVIEW1  "aaaaaaaa-0000-4000-8000-000000000001"
#define REVIEW2  "aaaaaaaa-0000-4000-8000-000000000002"
#define MEETING3 "33333333-3333-4333-8333-333333333333"

/* ---- na: true ------------------------------------------------------------- */

static void na_is_a_choice_attribute(void **state)
{
	(void)state;
	static const char form[] = "form: t\nversion: 1\ntitle: T\nchoices:\n"
				   "  r:\n    - {value: 1, label: A}\n    - {value: 2, label: B}\n"
				   "    - {value: 9, label: 該当なし, na: true}\n"
				   "sections:\n  - id: s\n    title: S\n    fields:\n"
				   "      - {id: x, type: scale, label: X, choices: r}\n";
	struct schema_set set;
	struct kaigi_error err;
	struct kaigi_diags d = {0};
	assert_int_equal(schema_set_init(&set, &err), KAIGI_OK);
	assert_int_equal(schema_load_buffer(&set, "t.yaml", form, strlen(form), &d), KAIGI_OK);
	const struct schema_field *x = schema_field_find(schema_form_find(&set, "t"), "x");
	assert_false(x->choices->v[0].na);
	assert_true(x->choices->v[2].na);
	static const char bad[] = "form: u\nversion: 1\ntitle: U\nchoices:\n"
				  "  r:\n    - {value: 1, label: A, na: maybe}\n"
				  "sections:\n  - id: s\n    title: S\n    fields:\n"
				  "      - {id: x, type: scale, label: X, choices: r}\n";
	assert_int_equal(schema_load_buffer(&set, "u.yaml", bad, strlen(bad), &d), KAIGI_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 6);
	assert_non_null(strstr(d.v[0].msg, "'na' must be true or false"));
	kaigi_diags_free(&d);
	schema_set_free(&set);
}

static void na_is_never_compared(void **state)
{
	struct fixture *f = fixture_new(NULL);
	(void)state;
	const struct schema_field *g =
	    schema_field_find(schema_form_find(&f->forms, "adl_toyoake"), "adl");
	const struct schema_grid_row *row = schema_row_find(g, "laundry");
	struct kaigi_value a = {0}, b = {0};
	kaigi_value_set_int(&a, 6);
	kaigi_value_set_int(&b, 7); /* — */
	assert_int_equal(store_change_of(g, row, 0, &a, &b), STORE_CHANGE_NONE);
	assert_int_equal(store_change_of(g, row, 0, &b, &a), STORE_CHANGE_NONE);
	kaigi_value_set_int(&b, 5);
	assert_int_equal(store_change_of(g, row, 0, &a, &b), STORE_CHANGE_BETTER);
	assert_int_equal(store_change_of(g, row, 0, &b, &a), STORE_CHANGE_WORSE);
	assert_int_equal(store_change_of(g, row, 0, &a, &a), STORE_CHANGE_SAME);
	assert_int_equal(store_change_of(g, row, 0, &a, NULL), STORE_CHANGE_NONE);
	fixture_free(f);
}

/* ---- three reviews ----------------------------------------------------------- */

static const struct store_change_row *row_of(const struct store_grid_compare *gc, const char *id)
{
	for (size_t i = 0; i < gc->nrows; i++)
		if (strcmp(gc->rows[i].row->id, id) == 0)
			return &gc->rows[i];
	fail_msg("no row %s", id);
	return NULL;
}

static void comparison_of_two_reviews(void **state)
{
	(void)state;
	struct fixture *f = fixture_new("tests/data/followup/three_reviews.yaml");
	struct store_compare c;
	struct kaigi_error err;
	assert_int_equal(store_compare_cases(f->st, REVIEW1, REVIEW2, &c, &err), KAIGI_OK);
	assert_int_equal(c.ngrids, 1);
	const struct store_grid_compare *gc = &c.grids[0];
	assert_string_equal(gc->form->id, "adl_toyoake");
	assert_string_equal(gc->grid->columns[gc->col].id, "before"); /* 事前判定 */
	assert_int_equal(gc->nrows, 6);
	assert_int_equal(gc->better, 2);
	assert_int_equal(gc->same, 2);
	assert_int_equal(gc->worse, 1);
	assert_int_equal(row_of(gc, "outdoor_walk")->change, STORE_CHANGE_BETTER);
	assert_int_equal(row_of(gc, "bathing")->change, STORE_CHANGE_WORSE);
	assert_int_equal(row_of(gc, "laundry")->change, STORE_CHANGE_NONE);
	assert_int_equal(row_of(gc, "social")->after.i, 2);
	assert_string_equal(c.earlier_date, "2025-01-14");
	assert_string_equal(c.later_date, "2025-04-08");
	store_compare_clear(&c);
	/* An unknown review is bad data, not a crash. */
	assert_int_equal(store_compare_cases(f->st, REVIEW1, "nope", &c, &err), KAIGI_EDATA);
	fixture_free(f);
}

/* A third review in meeting 3, following review 2. */
static void add_review3(struct fixture *f, char id[STORE_ID_SIZE])
{
	struct store_person p = {0};
	struct kaigi_error err;
	assert_int_equal(store_person_get(f->st, NULL, "K-2025-101", &p, &err), KAIGI_OK);
	struct store_case c = {0};
	memcpy(c.meeting_id, MEETING3, STORE_ID_SIZE);
	memcpy(c.person_id, p.id, STORE_ID_SIZE);
	memcpy(c.follows, REVIEW2, STORE_ID_SIZE);
	assert_int_equal(store_case_save(f->st, &c, &err), KAIGI_OK);
	memcpy(id, c.id, STORE_ID_SIZE);
	store_person_clear(&p);
}

static void due_followups(void **state)
{
	(void)state;
	struct fixture *f = fixture_new("tests/data/followup/three_reviews.yaml");
	struct store_due_list d;
	struct kaigi_error err;
	/* Review 1 was followed up by review 2; review 2 is due on 07-08. */
	assert_int_equal(store_followup_due(f->st, "2025-07-08", MEETING3, 0, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].hit.c.id, REVIEW2);
	assert_string_equal(d.v[0].followup_date, "2025-07-08");
	assert_string_equal(d.v[0].hit.c.person_code, "K-2025-101");
	assert_string_equal(d.v[0].area, "東地区");
	store_due_list_free(&d);
	assert_int_equal(store_followup_due(f->st, "2025-07-07", NULL, 0, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 0);
	store_due_list_free(&d);
	assert_int_equal(store_followup_due(f->st, "2025-12-31", NULL, 0, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[1].hit.c.person_code, "K-2025-102"); /* later date last */
	store_due_list_free(&d);
	/* Once on meeting 3's agenda, it is no longer due there. */
	char r3[STORE_ID_SIZE];
	add_review3(f, r3);
	assert_int_equal(store_followup_due(f->st, "2025-07-08", MEETING3, 0, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 0);
	store_due_list_free(&d);
	assert_int_equal(store_followup_due(f->st, "7月", NULL, 0, &d, &err), KAIGI_EDATA);
	fixture_free(f);
}

static long long rating_of(struct fixture *f, const char *case_id, const char *row)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
		 "WHERE r.case_id = '%s' AND r.form = 'adl_toyoake' AND a.field = 'adl' AND "
		 "a.item = '%s' AND a.col = 'before'",
		 case_id, row);
	return fixture_int(f, sql);
}

static void followup_starts_from_last_time(void **state)
{
	(void)state;
	struct fixture *f = fixture_new("tests/data/followup/three_reviews.yaml");
	struct kaigi_error err;
	struct store_strings goals;
	assert_int_equal(store_open_goals(f->st, REVIEW2, &goals, &err), KAIGI_OK);
	assert_int_equal(goals.n, 2);
	assert_string_equal(goals.v[0], "週1回サロンに通う");          /* evaluated △: carried */
	assert_string_equal(goals.v[1], "浴槽を手すりなしでまたげる"); /* set at review 2 */
	store_strings_free(&goals);

	char r3[STORE_ID_SIZE];
	add_review3(f, r3);
	struct store_prefill pf;
	assert_int_equal(store_followup_prefill(f->st, r3, &pf, &err), KAIGI_OK);
	assert_int_equal(pf.records, 2); /* adl_toyoake and monitoring */
	assert_int_equal(pf.goals, 2);
	assert_int_equal(pf.ratings, 11); /* before and after, but laundry's after */
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT group_concat(a.value, '|') FROM (SELECT a.value FROM answer a "
		 "JOIN form_record r ON r.id = a.record_id JOIN list_item i ON i.id = a.item "
		 "WHERE r.case_id = '%s' AND r.form = 'monitoring' AND a.col = 'goal' "
		 "ORDER BY i.ord) a",
		 r3);
	assert_string_equal(fixture_text(f, sql), "週1回サロンに通う|浴槽を手すりなしでまたげる");
	snprintf(sql, sizeof sql,
		 "SELECT a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
		 "WHERE r.case_id = '%s' AND a.field = 'evaluation_date'",
		 r3);
	assert_string_equal(fixture_text(f, sql), "2025-07-08");
	const char *rows[] = {"outdoor_walk", "shopping", "bathing",
			      "cooking",      "laundry",  "social"};
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(rating_of(f, r3, rows[i]), rating_of(f, REVIEW2, rows[i]));
	/* Made once: a second call leaves what the room changed alone. */
	fixture_save(f, r3, "adl_toyoake", "adl", "outdoor_walk", "before", "2");
	assert_int_equal(store_followup_prefill(f->st, r3, &pf, &err), KAIGI_OK);
	assert_int_equal(pf.records + pf.goals + pf.ratings, 0);
	assert_int_equal(rating_of(f, r3, "outdoor_walk"), 2);
	/* A case that follows nothing: nothing to do. */
	assert_int_equal(store_followup_prefill(f->st, REVIEW1, &pf, &err), KAIGI_OK);
	assert_int_equal(pf.records, 0);
	fixture_free(f);
}

/* Review 3 as the room rated it (data/three_reviews.yaml's table). */
static void rate_review3(struct fixture *f, const char *r3)
{
	static const char *const rated[][2] = {{"outdoor_walk", "2"}, {"shopping", "5"},
					       {"bathing", "5"},      {"cooking", "3"},
					       {"laundry", "2"},      {"social", "2"}};
	for (size_t i = 0; i < 6; i++)
		fixture_save(f, r3, "adl_toyoake", "adl", rated[i][0], "before", rated[i][1]);
}

static void actions_before_and_closing_one(void **state)
{
	(void)state;
	struct fixture *f = fixture_new("tests/data/followup/three_reviews.yaml");
	char r3[STORE_ID_SIZE];
	add_review3(f, r3);
	struct store_action_list al;
	struct kaigi_error err;
	assert_int_equal(store_followup_actions(f->st, r3, &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 3);
	assert_string_equal(al.v[0].what, "浴槽またぎの練習"); /* review 2, in order */
	assert_true(al.v[0].open);
	assert_string_equal(al.v[1].what, "サロンの送迎ボランティアを手配");
	assert_false(al.v[1].open);
	assert_string_equal(al.v[2].what, "坂道での歩行練習"); /* review 1, still open */
	assert_string_equal(al.v[2].meeting_date, "2025-01-14");
	assert_string_equal(al.v[2].status, "doing");
	assert_int_equal(store_action_status_set(f->st, &al.v[0], "done", &err), KAIGI_OK);
	assert_false(al.v[0].open);
	assert_int_equal(store_action_status_set(f->st, &al.v[0], "maybe", &err), KAIGI_EDATA);
	store_action_list_free(&al);
	assert_int_equal(fixture_int(f,
				     "SELECT count(*) FROM audit WHERE tbl = 'answer' AND op = "
				     "'update' AND path LIKE 'actions/%/status' AND new = 'done'"),
			 1);
	assert_int_equal(store_action_list(f->st, REVIEW2, &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 2);
	assert_string_equal(al.v[0].status, "done");
	store_action_list_free(&al);
	/* A first review carries nothing. */
	assert_int_equal(store_followup_actions(f->st, REVIEW1, &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 0);
	fixture_free(f);
}

/* The three reviews, the third prefilled from the second and rated. */
static struct fixture *review3_rated(char r3[STORE_ID_SIZE])
{
	struct fixture *f = fixture_new("tests/data/followup/three_reviews.yaml");
	add_review3(f, r3);
	struct kaigi_error err;
	assert_int_equal(store_followup_prefill(f->st, r3, NULL, &err), KAIGI_OK);
	rate_review3(f, r3);
	return f;
}

static void third_review_compared_and_rolled_up(void **state)
{
	(void)state;
	char r3[STORE_ID_SIZE];
	struct fixture *f = review3_rated(r3);
	struct kaigi_error err;
	struct store_compare c;
	assert_int_equal(store_compare_cases(f->st, REVIEW2, r3, &c, &err), KAIGI_OK);
	const struct store_grid_compare *gc = &c.grids[0];
	assert_int_equal(gc->better, 1);
	assert_int_equal(gc->same, 2);
	assert_int_equal(gc->worse, 2);
	assert_int_equal(row_of(gc, "laundry")->change, STORE_CHANGE_NONE); /* — to 〇2 */
	assert_int_equal(row_of(gc, "cooking")->change, STORE_CHANGE_WORSE);
	store_compare_clear(&c);

	/* Review 2 improved, review 3 worsened: 2025, 東地区. */
	struct store_outcome_list o;
	assert_int_equal(store_outcome_rollup(f->st, NULL, &o, &err), KAIGI_OK);
	assert_int_equal(o.n, 1);
	assert_string_equal(o.v[0].year, "2025");
	assert_string_equal(o.v[0].area, "東地区");
	assert_int_equal(o.v[0].improved, 1);
	assert_int_equal(o.v[0].same, 0);
	assert_int_equal(o.v[0].worsened, 1);
	assert_int_equal(o.v[0].not_comparable, 0);
	store_outcome_list_free(&o);
	struct store_period p = {"2025-05-01", NULL, NULL};
	assert_int_equal(store_outcome_rollup(f->st, &p, &o, &err), KAIGI_OK);
	assert_int_equal(o.v[0].improved + o.v[0].worsened, 1);
	store_outcome_list_free(&o);
	fixture_free(f);
}

static void summary_shows_what_changed(void **state)
{
	(void)state;
	char r3[STORE_ID_SIZE];
	struct fixture *f = review3_rated(r3);
	struct kaigi_error err;
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT a.item FROM answer a JOIN form_record r ON r.id = a.record_id WHERE "
		 "r.case_id = '%s' AND a.col = 'goal' AND a.value = '週1回サロンに通う'",
		 r3);
	char item[STORE_ID_SIZE];
	snprintf(item, sizeof item, "%s", fixture_text(f, sql));
	fixture_save(f, r3, "monitoring", "evaluations", item, "result", "achieved");
	struct report_options ro = {.lang = "ja", .width = 100};
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(
	    report_meeting_render(f->st, &f->forms, MEETING3, REPORT_TEXT, &ro, &out, &err),
	    KAIGI_OK);
	const char *t = strbuf_str(&out);
	const char *want[] = {"前回（令和7年4月8日）との比較",
			      "屋外歩行",
			      "↑ 改善",
			      "↓ 悪化",
			      "→ 維持",
			      "改善 1・維持 2・悪化 2（比較できない項目 1）",
			      "週1回サロンに通う",
			      "○ 短期目標は達せられた",
			      "浴槽を手すりなしでまたげる",
			      "前回までの役割分担と現在の状況",
			      "浴槽またぎの練習",
			      "坂道での歩行練習"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(t, want[i]))
			fail_msg("the summary lacks 「%s」:\n%s", want[i], t);
	/* The first review's actions that are done stay out of "before". */
	assert_null(strstr(t, "玄関に手すりを付ける"));
	strbuf_free(&out);
	fixture_free(f);
}

/* ---- migration 002: the action table into the lists ------------------------ */

static void migration_moves_actions_into_lists(void **state)
{
	(void)state;
	struct fixture *f = fixture_new(NULL);
	fixture_db_remove(f);
	/* A schema-1 database with actions in the old table: case A has a
	 * case_plan record whose list already holds one of them; case B has
	 * no record at all. */
	sqlite3 *db = test_db_before(f->db, 1, "tester");
	test_sql_exec(
	    db, FIXTURE_OLD_CASES_SQL
	    "INSERT INTO form_record (id, meeting_id, case_id, form, form_version, created, "
	    "updated) VALUES ('44444444-4444-4444-8444-000000000001', "
	    "'11111111-1111-4111-8111-000000000001', '33333333-3333-4333-8333-00000000000a', "
	    "'case_plan', 1, 0, 0);"
	    "INSERT INTO list_item (id, record_id, field, ord, created, updated) VALUES "
	    "('55555555-5555-4555-8555-000000000001', '44444444-4444-4444-8444-000000000001', "
	    "'actions', 0, 0, 0);"
	    "INSERT INTO answer (record_id, field, item, col, value, created, updated) VALUES "
	    "('44444444-4444-4444-8444-000000000001', 'actions', "
	    "'55555555-5555-4555-8555-000000000001', 'what', '手すりを付ける', 0, 0);"
	    "INSERT INTO action (id, case_id, ord, who, what, due, status, created, updated) "
	    "VALUES ('66666666-6666-4666-8666-000000000001', "
	    "'33333333-3333-4333-8333-00000000000a', 0, 'ケアマネ', '手すりを付ける', NULL, "
	    "'open', 0, 0),"
	    "('66666666-6666-4666-8666-000000000002', '33333333-3333-4333-8333-00000000000a', 1, "
	    "'PT', '屋外の歩行練習', '2024-06-30', 'done', 0, 0),"
	    "('66666666-6666-4666-8666-000000000003', '33333333-3333-4333-8333-00000000000a', 2, "
	    "'', 'サロン見学', NULL, 'dropped', 0, 0),"
	    "('66666666-6666-4666-8666-000000000004', '33333333-3333-4333-8333-00000000000b', 0, "
	    "'SC', '配食の調整', NULL, 'open', 0, 0);");
	sqlite3_close(db);

	fixture_open_migrated(f);
	struct kaigi_error err;
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM sqlite_schema WHERE name = 'action'"),
			 0);
	/* Case A: its list keeps its own item and gains the two others, in order. */
	struct store_action_list al;
	assert_int_equal(
	    store_action_list(f->st, "33333333-3333-4333-8333-00000000000a", &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 3);
	assert_string_equal(al.v[0].what, "手すりを付ける");
	assert_null(al.v[0].who); /* the list's own item, as it was */
	assert_string_equal(al.v[1].what, "屋外の歩行練習");
	assert_string_equal(al.v[1].who, "PT");
	assert_string_equal(al.v[1].due, "2024-06-30");
	assert_string_equal(al.v[1].status, "done");
	assert_null(al.v[2].who); /* '' was no answer */
	assert_string_equal(al.v[2].status, "dropped");
	assert_false(al.v[2].open);
	assert_string_equal(al.v[1].item_id, "66666666-6666-4666-8666-000000000002");
	store_action_list_free(&al);
	/* Case B: a case_plan record made for it, status open → todo. */
	assert_int_equal(
	    store_action_list(f->st, "33333333-3333-4333-8333-00000000000b", &al, &err), KAIGI_OK);
	assert_int_equal(al.n, 1);
	assert_string_equal(al.v[0].status, "todo");
	assert_true(al.v[0].open);
	assert_true(store_uuid_valid(al.v[0].record_id));
	store_action_list_free(&al);
	assert_int_equal(
	    fixture_int(f, "SELECT count(*) FROM form_record WHERE form = 'case_plan'"), 2);
	/* Moved answers are audited; texts are in the search index. */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM audit WHERE tbl = 'answer' AND op = "
					"'insert' AND path LIKE 'actions/%/what'"),
			 4);
	struct store_text_hit_list hits;
	assert_int_equal(store_text_search(f->st, "歩行練習", 0, &hits, NULL, &err), KAIGI_OK);
	assert_int_equal(hits.n, 1);
	store_text_hit_list_free(&hits);
	assert_int_equal(store_text_search(f->st, "旧会議", 0, &hits, NULL, &err), KAIGI_OK);
	assert_int_equal(hits.n, 1); /* the meeting's title */
	assert_string_equal(hits.v[0].record_id, "");
	store_text_hit_list_free(&hits);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(na_is_a_choice_attribute),
	    cmocka_unit_test(na_is_never_compared),
	    cmocka_unit_test(comparison_of_two_reviews),
	    cmocka_unit_test(due_followups),
	    cmocka_unit_test(followup_starts_from_last_time),
	    cmocka_unit_test(actions_before_and_closing_one),
	    cmocka_unit_test(third_review_compared_and_rolled_up),
	    cmocka_unit_test(summary_shows_what_changed),
	    cmocka_unit_test(migration_moves_actions_into_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
