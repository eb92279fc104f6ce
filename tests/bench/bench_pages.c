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

#include "bench_util.h"
#include "plan_fixture.h"
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
	struct store *st = NULL;
	if (store_open(&st, db, STORE_READ_WRITE, &err) != KAIGI_OK)
		return 3;
	store_set_forms(st, forms);
	char record[STORE_ID_SIZE];
	if (plan_fixture_import(st, "B-001", n, record, &err) != KAIGI_OK)
		return 3;
	const struct schema_form *form = schema_form_find(forms, "case_plan");
	struct ui_rec rec;
	ui_rec_load(&rec, st, record, form, &err);
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
	store_close(st);
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
	struct schema_set forms;
	if (bench_forms_load(&forms, argv[1], NULL) != 0)
		return 3;
	for (int i = 2; i < argc; i++)
		if (one(&forms, atoi(argv[i])) != 0)
			return 3;
	schema_set_free(&forms);
	return 0;
}
