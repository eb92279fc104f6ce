// SPDX-License-Identifier: MIT
/*
 * test_ui_record.c — a page costs what it shows, not what the record holds
 *.  A case plan with 1,000 issues and 1,000 goals, each
 * goal naming "the issue it addresses": showing every goal's choice reads
 * one label each.  Before, each showing built the labels of all 1,000
 * issues by scanning the record's answers (852 ms a key at 1,000 items);
 * the test asserts the labels and a bound a hundred times above the cost.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "ui_app.h"
#include "ui_field.h"
#include "ui_record.h"

#define N 1000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void thousand_items(void **state)
{
	(void)state;
	char dir[] = "/tmp/kaigi-ui-record-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char db[128];
	snprintf(db, sizeof db, "%s/kaigi.db", dir);
	struct kaigi_error err;
	struct kaigi_diags diags = {0};
	struct schema_set forms;
	assert_int_equal(schema_set_init(&forms, &err), KAIGI_OK);
	char path[4096];
	snprintf(path, sizeof path, "%s/forms", getenv("KAIGI_SOURCE_ROOT"));
	schema_load_dir(&forms, path, &diags);
	assert_int_equal(kaigi_diags_status(&diags), KAIGI_OK);
	struct store *st = NULL;
	assert_int_equal(store_open(&st, db, STORE_READ_WRITE, &err), KAIGI_OK);
	store_set_forms(st, &forms);

	struct strbuf y = STRBUF_INIT;
	strbuf_append(&y, "kaigi: records\nversion: 1\npeople:\n  - {code: U-001}\nmeetings:\n"
			  "  - {template: independence_support, title: M, date: 2025-05-01,\n"
			  "     cases: [{person: U-001, records: [{form: case_plan, answers: {\n"
			  "       issues: [");
	for (int i = 0; i < N; i++)
		strbuf_appendf(&y, "%s{need: 課題%d}", i ? ", " : "", i + 1);
	strbuf_append(&y, "],\n       goals: [");
	for (int i = 0; i < N; i++)
		strbuf_appendf(&y, "%s{horizon: short, wording: 目標%d, issue: %d}", i ? ", " : "",
			       i + 1, N - i);
	strbuf_append(&y, "]}}]}]}\n");
	enum kaigi_status s = store_import_buffer(st, "thousand.yaml", y.s, y.len, NULL, &diags);
	for (size_t i = 0; i < diags.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", diags.v[i].file, diags.v[i].line, diags.v[i].col,
			diags.v[i].msg);
	assert_int_equal(s, KAIGI_OK);
	strbuf_free(&y);

	struct store_meeting_list ml;
	assert_int_equal(store_meeting_list(st, NULL, 1, &ml, &err), KAIGI_OK);
	struct store_record_list rl;
	struct store_case_list cl;
	assert_int_equal(store_case_list(st, ml.v[0].id, &cl, &err), KAIGI_OK);
	assert_int_equal(store_record_list(st, ml.v[0].id, cl.v[0].id, &rl, &err), KAIGI_OK);
	const struct schema_form *form = schema_form_find(&forms, "case_plan");
	struct ui_rec rec;
	assert_int_equal(ui_rec_load(&rec, st, rl.v[0].id, form, &err), KAIGI_OK);

	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.forms = &forms;
	ui.lang = "ja";
	const struct schema_field *goals = schema_field_find(form, "goals");
	const struct schema_field *issue = schema_subfield_find(goals, "issue");
	const struct store_item *items;
	assert_int_equal(ui_rec_items(&rec, "goals", &items), N);
	assert_int_equal(ui_rec_items(&rec, "issues", &items), N);
	assert_int_equal(ui_rec_items(&rec, "goals", &items), N);
	double t0 = now_ms();
	for (int i = 0; i < N; i++) {
		const struct kaigi_value *v = ui_rec_value(&rec, "goals", items[i].id, "issue");
		assert_non_null(v);
		char *shown = ui_field_show(&ui, &rec, goals, issue, NULL, 0, v);
		char want[64];
		snprintf(want, sizeof want, "%d. 課題%d", N - i, N - i);
		assert_string_equal(shown, want);
		free(shown);
	}
	double ms = now_ms() - t0;
	/* About 1 ms here; the quadratic way took seconds. */
	if (ms > 150)
		fail_msg("showing %d linked choices took %.0f ms", N, ms);
	ui_rec_free(&rec);
	store_record_list_free(&rl);
	store_case_list_free(&cl);
	store_meeting_list_free(&ml);
	store_close(st);
	schema_set_free(&forms);
	kaigi_diags_free(&diags);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(thousand_items)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
