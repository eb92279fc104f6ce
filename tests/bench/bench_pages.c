// SPDX-License-Identifier: MIT
/*
 * bench_pages.c — what a key on a case-plan page costs against the length
 * of its lists (tests/bench/table.py).
 *
 *   bench_pages FORMS_DIR N...
 *
 * For each N: a case plan with N issues and N goals, each goal naming the
 * issue it addresses, read as the UI reads it (ui_rec_load), then the work
 * a redraw does for the 20 goals a 24-line page shows — each goal's value
 * looked up and its linked choice shown — repeated 200 times.  Prints
 * "N median_ms max_ms" per N.  The key itself (ncurses drawing) is not in
 * it: this is the part that grew with N.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kaigi/store_exchange.h"
#include "bench_util.h"
#include "kaigi/strbuf.h"
#include "ui_app.h"
#include "ui_field.h"
#include "ui_record.h"

static int one(const struct schema_set *forms, int n)
{
	char dir[] = "/tmp/kaigi-bench-pages-XXXXXX";
	if (!mkdtemp(dir))
		return 3;
	char db[128];
	snprintf(db, sizeof db, "%s/kaigi.db", dir);
	struct kaigi_error err;
	struct kaigi_diags diags = {0};
	struct store *st = NULL;
	if (store_open(&st, db, STORE_READ_WRITE, &err) != KAIGI_OK)
		return 3;
	store_set_forms(st, forms);
	struct strbuf y = STRBUF_INIT;
	strbuf_append(&y, "kaigi: records\nversion: 1\npeople:\n  - {code: B-001}\nmeetings:\n"
			  "  - {template: independence_support, title: M, date: 2025-05-01,\n"
			  "     cases: [{person: B-001, records: [{form: case_plan, answers: {\n"
			  "       issues: [");
	for (int i = 0; i < n; i++)
		strbuf_appendf(&y, "%s{need: 課題%d}", i ? ", " : "", i + 1);
	strbuf_append(&y, "],\n       goals: [");
	for (int i = 0; i < n; i++)
		strbuf_appendf(&y, "%s{horizon: short, wording: 目標%d, issue: %d}", i ? ", " : "",
			       i + 1, n - i);
	strbuf_append(&y, "]}}]}]}\n");
	if (store_import_buffer(st, "pages.yaml", y.s, y.len, NULL, &diags) != KAIGI_OK)
		return 3;
	strbuf_free(&y);
	struct store_meeting_list ml;
	struct store_case_list cl;
	struct store_record_list rl;
	store_meeting_list(st, NULL, 1, &ml, &err);
	store_case_list(st, ml.v[0].id, &cl, &err);
	store_record_list(st, ml.v[0].id, cl.v[0].id, &rl, &err);
	const struct schema_form *form = schema_form_find(forms, "case_plan");
	struct ui_rec rec;
	ui_rec_load(&rec, st, rl.v[0].id, form, &err);
	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.forms = forms;
	ui.lang = "ja";
	const struct schema_field *goals = schema_field_find(form, "goals");
	const struct schema_field *issue = schema_subfield_find(goals, "issue");
	enum { REPS = 200, SHOWN = 20 };
	double t[REPS];
	for (int r = 0; r < REPS; r++) {
		double t0 = bench_now_ms();
		const struct store_item *items;
		size_t ni = ui_rec_items(&rec, "goals", &items);
		size_t from = ni > SHOWN ? (size_t)r % (ni - SHOWN + 1) : 0;
		for (size_t i = from; i < ni && i < from + SHOWN; i++) {
			char *s = ui_field_show(&ui, &rec, goals, issue, NULL, 0,
						ui_rec_value(&rec, "goals", items[i].id, "issue"));
			free(s);
		}
		t[r] = bench_now_ms() - t0;
	}
	bench_sort(t, REPS);
	printf("%d %.3f %.3f\n", n, t[REPS / 2], t[REPS - 1]);
	ui_rec_free(&rec);
	store_record_list_free(&rl);
	store_case_list_free(&cl);
	store_meeting_list_free(&ml);
	store_close(st);
	kaigi_diags_free(&diags);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 3;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_pages FORMS_DIR N...\n");
		return 2;
	}
	struct kaigi_error err;
	struct kaigi_diags diags = {0};
	struct schema_set forms;
	if (schema_set_init(&forms, &err) != KAIGI_OK)
		return 3;
	schema_load_dir(&forms, argv[1], &diags);
	kaigi_diags_free(&diags);
	for (int i = 2; i < argc; i++)
		if (one(&forms, atoi(argv[i])) != 0)
			return 3;
	schema_set_free(&forms);
	return 0;
}
