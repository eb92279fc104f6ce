// SPDX-License-Identifier: MIT
/*
 * report_regional_csv.c — the regional report as one CSV table for a
 * spreadsheet: a row per raised wording, per register issue and per year
 * and area of follow-up outcomes, told apart by the `table` column, with
 * both the stored values (category, policy, status) and their labels.
 * UTF-8 with a BOM, CRLF and RFC 4180 quoting, like `kaigi export csv`,
 * so Excel on Japanese Windows opens it as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/csv.h"
#include "kaigi/fiscal.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/report.h"
#include "kaigi/xalloc.h"
#include "report_regional.h"

static void cell(struct strbuf *b, const char *v, bool last)
{
	csv_cell_append(b, v);
	strbuf_append(b, last ? "\r\n" : ",");
}

static void num(struct strbuf *b, size_t n, bool last)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%zu", n);
	cell(b, buf, last);
}

enum {
	C_TABLE,
	C_YEAR,
	C_AREA,
	C_CATEGORY,
	C_CATEGORY_LABEL,
	C_ISSUE,
	C_POLICY,
	C_POLICY_LABEL,
	C_OWNER,
	C_STATUS,
	C_STATUS_LABEL,
	C_CASES,
	C_MEETINGS,
	C_FIRST,
	C_LAST,
	C_REGISTER,
	C_UNLINKED,
	C_IMPROVED,
	C_SAME,
	C_WORSENED,
	C_NOT_COMPARABLE,
	C_KIND,
	C_KEY,
	C_LABEL,
	C_OF,
	C_SHARE,
	C_MEASURE,
	C_DECIDED,
	C_INDICATOR,
	C_BASELINE,
	C_BASELINE_DATE,
	C_TARGET,
	C_TARGET_DATE,
	C_RESULT,
	C_RESULT_DATE,
	C_PEOPLE,
	C_FOLLOWED_1Y,
	C_WORSE_1Y,
	C_COUNT
};

static const char *const heads[C_COUNT] = {
    "table",          "year",           "area",         "category",   "category_label",
    "issue",          "policy",         "policy_label", "owner",      "status",
    "status_label",   "cases",          "meetings",     "first_seen", "last_seen",
    "register_issue", "unlinked_cases", "improved",     "same",       "worsened",
    "not_comparable", "kind",           "key",          "label",      "of",
    "share",          "measure",        "decided",      "indicator",  "baseline",
    "baseline_date",  "target",         "target_date",  "result",     "result_date",
    "people",         "followed_1y",    "worse_1y"};

static const char *const kinds[STORE_TALLY_KINDS] = {"category", "row", "code", "raised"};

static char *fmt_num(bool has, double v)
{
	return has ? xasprintf("%g", v) : NULL;
}

/* Write a row of C_COUNT cells; v[i] NULL is empty, n[i] >= 0 a number. */
/* One line of the CSV: a number where n[col] >= 0, else the text v[col]. */
struct csv_row {
	const char *v[C_COUNT];
	long long n[C_COUNT];
};

/* A line of table with every other column empty. */
static void row_start(struct csv_row *r, const char *table)
{
	for (int i = 0; i < C_COUNT; i++) {
		r->v[i] = NULL;
		r->n[i] = -1;
	}
	r->v[C_TABLE] = table;
}

static void row(struct strbuf *b, const struct csv_row *r)
{
	for (int i = 0; i < C_COUNT; i++) {
		bool last = i == C_COUNT - 1;
		if (r->n[i] >= 0)
			num(b, (size_t)r->n[i], last);
		else
			cell(b, r->v[i], last);
	}
}

enum kaigi_status report_regional_csv(struct store *st, const struct schema_set *forms,
				      const struct store_period *p, const char *lang,
				      struct strbuf *out, struct kaigi_error *err)
{
	return report_regional_csv_years(st, forms, p, lang, false, out, err);
}

enum kaigi_status report_regional_csv_years(struct store *st, const struct schema_set *forms,
					    const struct store_period *p, const char *lang,
					    bool calendar, struct strbuf *out,
					    struct kaigi_error *err)
{
	struct report_regional_data d;
	enum kaigi_status s = report_regional_data_load(st, p, calendar, &d, err);
	if (s != KAIGI_OK)
		return s;
	strbuf_append(out, "\xEF\xBB\xBF");
	for (int i = 0; i < C_COUNT; i++)
		cell(out, heads[i], i == C_COUNT - 1);
	for (size_t i = 0; i < d.raised.n; i++) {
		const struct store_raised *r = &d.raised.v[i];
		struct csv_row w;
		row_start(&w, "raised");
		w.v[C_AREA] = r->area;
		w.v[C_CATEGORY] = r->category;
		w.v[C_CATEGORY_LABEL] =
		    *r->category ? report_regional_category_label(forms, r->form, r->category, lang)
				 : "";
		w.v[C_ISSUE] = r->statement;
		w.v[C_POLICY] = r->policy;
		w.v[C_POLICY_LABEL] = report_regional_policy_label(r->policy, lang);
		w.n[C_CASES] = (long long)r->ncases;
		w.n[C_MEETINGS] = (long long)r->nmeetings;
		w.v[C_FIRST] = r->first_seen;
		w.v[C_LAST] = r->last_seen;
		w.v[C_REGISTER] = r->issue_title;
		w.n[C_UNLINKED] = (long long)r->nunlinked;
		row(out, &w);
	}
	for (size_t i = 0; i < d.issues.n; i++) {
		const struct store_issue *is = &d.issues.v[i];
		struct csv_row w;
		row_start(&w, "register");
		w.v[C_AREA] = is->area;
		w.v[C_CATEGORY] = is->category;
		w.v[C_CATEGORY_LABEL] =
		    is->category ? report_regional_category_label(forms, NULL, is->category, lang)
				 : NULL;
		w.v[C_ISSUE] = is->title;
		w.v[C_POLICY] = is->policy;
		w.v[C_POLICY_LABEL] = report_regional_policy_label(is->policy, lang);
		w.v[C_OWNER] = is->owner;
		w.v[C_STATUS] = is->status;
		w.v[C_STATUS_LABEL] = report_regional_status_label(is->status, lang);
		w.n[C_CASES] = is->ncases;
		w.n[C_MEETINGS] = is->nmeetings;
		w.v[C_FIRST] = is->first_seen;
		w.v[C_LAST] = is->last_seen;
		w.v[C_KEY] = is->indicator_key;
		w.v[C_MEASURE] = is->measure;
		w.v[C_DECIDED] = is->decided;
		w.v[C_INDICATOR] = is->indicator;
		char *b = fmt_num(is->has_baseline, is->baseline);
		char *t = fmt_num(is->has_target, is->target);
		char *r = fmt_num(is->has_result, is->result);
		char *sh = d.now && d.now[i] >= 0 ? xasprintf("%.1f", d.now[i]) : NULL;
		w.v[C_BASELINE] = b;
		w.v[C_BASELINE_DATE] = is->baseline_date;
		w.v[C_TARGET] = t;
		w.v[C_TARGET_DATE] = is->target_date;
		w.v[C_RESULT] = r;
		w.v[C_RESULT_DATE] = is->result_date;
		w.v[C_SHARE] = sh;
		row(out, &w);
		free(b);
		free(t);
		free(r);
		free(sh);
	}
	for (size_t i = 0; i < d.outcomes.n; i++) {
		const struct store_outcome *o = &d.outcomes.v[i];
		struct csv_row w;
		row_start(&w, "outcome");
		w.v[C_YEAR] = o->year;
		w.v[C_AREA] = o->area;
		w.n[C_IMPROVED] = (long long)o->improved;
		w.n[C_SAME] = (long long)o->same;
		w.n[C_WORSENED] = (long long)o->worsened;
		w.n[C_NOT_COMPARABLE] = (long long)o->not_comparable;
		row(out, &w);
	}
	for (size_t i = 0; i < d.tally.n; i++) {
		const struct store_tally_line *l = &d.tally.v[i];
		for (size_t a = 0; a <= l->nareas; a++) {
			struct csv_row w;
			row_start(&w, "tally");
			/* The town's line first, then one per area. */
			size_t cases = a ? l->areas[a - 1].cases : l->cases, of = d.tally.cases;
			for (size_t k = 0; a && k < d.tally.nareas; k++)
				if (strcmp(d.tally.areas[k].area, l->areas[a - 1].area) == 0)
					of = d.tally.areas[k].cases;
			char sh[32];
			snprintf(sh, sizeof sh, "%.1f",
				 of ? 100.0 * (double)cases / (double)of : 0.0);
			w.v[C_AREA] = a ? l->areas[a - 1].area : NULL;
			w.v[C_KIND] = kinds[l->kind];
			w.v[C_KEY] = l->key;
			w.v[C_LABEL] = store_tally_label(forms, l, lang);
			w.n[C_CASES] = (long long)cases;
			w.n[C_OF] = (long long)of;
			w.v[C_SHARE] = sh;
			if (l->similar_to != (size_t)-1)
				w.v[C_ISSUE] = d.tally.v[l->similar_to].item; /* grouped under */
			row(out, &w);
		}
	}
	for (size_t i = 0; i < d.kpi.n; i++) {
		const struct store_kpi *k = &d.kpi.v[i];
		struct csv_row w;
		row_start(&w, "care_level");
		char y[16];
		snprintf(y, sizeof y, "%d", k->year);
		w.v[C_YEAR] = y;
		w.v[C_AREA] = k->area;
		w.n[C_CASES] = (long long)k->followups;
		w.n[C_IMPROVED] = (long long)k->improved;
		w.n[C_SAME] = (long long)k->same;
		w.n[C_WORSENED] = (long long)k->worse;
		w.n[C_PEOPLE] = (long long)k->people;
		w.n[C_FOLLOWED_1Y] = (long long)k->followed_1y;
		w.n[C_WORSE_1Y] = (long long)k->worse_1y;
		row(out, &w);
	}
	report_regional_data_clear(&d);
	return KAIGI_OK;
}
