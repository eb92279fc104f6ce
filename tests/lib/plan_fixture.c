// SPDX-License-Identifier: MIT
/*
 * plan_fixture.c — a case plan with n issues and n goals imported into a
 * store (plan_fixture.h).
 */
#include "plan_fixture.h"

#include <stdio.h>
#include <string.h>

#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"

static void plan_yaml(struct strbuf *y, const char *person, int n)
{
	strbuf_appendf(y,
		       "kaigi: records\nversion: 1\npeople:\n  - {code: %s}\nmeetings:\n"
		       "  - {template: independence_support, title: M, date: 2025-05-01,\n"
		       "     cases: [{person: %s, records: [{form: case_plan, answers: {\n"
		       "       issues: [",
		       person, person);
	for (int i = 0; i < n; i++)
		strbuf_appendf(y, "%s{need: 課題%d}", i ? ", " : "", i + 1);
	strbuf_append(y, "],\n       goals: [");
	for (int i = 0; i < n; i++)
		strbuf_appendf(y, "%s{horizon: short, wording: 目標%d, issue: %d}", i ? ", " : "",
			       i + 1, n - i);
	strbuf_append(y, "]}}]}]}\n");
}

enum kaigi_status plan_fixture_import(struct store *st, const char *person, int n,
				      char record[STORE_ID_SIZE], struct kaigi_error *err)
{
	struct strbuf y = STRBUF_INIT;
	plan_yaml(&y, person, n);
	struct kaigi_diags diags = {0};
	enum kaigi_status s = store_import_buffer(st, "plan.yaml", y.s, y.len, NULL, &diags);
	strbuf_free(&y);
	for (size_t i = 0; i < diags.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", diags.v[i].file, diags.v[i].line, diags.v[i].col,
			diags.v[i].msg);
	kaigi_diags_free(&diags);
	if (s != KAIGI_OK)
		return kaigi_error_set(err, s, NULL, 0, 0, "the case plan was not imported");
	struct store_meeting_list ml = {0};
	struct store_case_list cl = {0};
	struct store_record_list rl = {0};
	if ((s = store_meeting_list(st, NULL, 1, &ml, err)) == KAIGI_OK && ml.n == 1 &&
	    (s = store_case_list(st, ml.v[0].id, &cl, err)) == KAIGI_OK && cl.n == 1 &&
	    (s = store_record_list(st, ml.v[0].id, cl.v[0].id, &rl, err)) == KAIGI_OK && rl.n == 1)
		memcpy(record, rl.v[0].id, STORE_ID_SIZE);
	else if (s == KAIGI_OK)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "not one meeting, case and record after the import");
	store_record_list_free(&rl);
	store_case_list_free(&cl);
	store_meeting_list_free(&ml);
	return s;
}
