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
#include <string.h>

#include "kaigi/csv.h"
#include "kaigi/report.h"
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
	C_COUNT
};

static const char *const heads[C_COUNT] = {
    "table",    "year",         "area",          "category",       "category_label", "issue",
    "policy",   "policy_label", "owner",         "status",         "status_label",   "cases",
    "meetings", "first_seen",   "last_seen",     "register_issue", "unlinked_cases", "improved",
    "same",     "worsened",     "not_comparable"};

/* Write a row of C_COUNT cells; v[i] NULL is empty, n[i] >= 0 a number. */
static void row(struct strbuf *b, const char *const *v, const long long *n)
{
	for (int i = 0; i < C_COUNT; i++) {
		bool last = i == C_COUNT - 1;
		if (n[i] >= 0)
			num(b, (size_t)n[i], last);
		else
			cell(b, v[i], last);
	}
}

enum kaigi_status report_regional_csv(struct store *st, const struct schema_set *forms,
				      const struct store_period *p, const char *lang,
				      struct strbuf *out, struct kaigi_error *err)
{
	struct rr_data d;
	enum kaigi_status s = rr_data_load(st, p, &d, err);
	if (s != KAIGI_OK)
		return s;
	strbuf_append(out, "\xEF\xBB\xBF");
	for (int i = 0; i < C_COUNT; i++)
		cell(out, heads[i], i == C_COUNT - 1);
	for (size_t i = 0; i < d.raised.n; i++) {
		const struct store_raised *r = &d.raised.v[i];
		const char *v[C_COUNT] = {0};
		long long n[C_COUNT];
		for (int k = 0; k < C_COUNT; k++)
			n[k] = -1;
		v[C_TABLE] = "raised";
		v[C_AREA] = r->area;
		v[C_CATEGORY] = r->category;
		v[C_CATEGORY_LABEL] =
		    *r->category ? rr_category_label(forms, r->form, r->category, lang) : "";
		v[C_ISSUE] = r->statement;
		v[C_POLICY] = r->policy;
		v[C_POLICY_LABEL] = rr_policy_label(r->policy, lang);
		n[C_CASES] = (long long)r->ncases;
		n[C_MEETINGS] = (long long)r->nmeetings;
		v[C_FIRST] = r->first_seen;
		v[C_LAST] = r->last_seen;
		v[C_REGISTER] = r->issue_title;
		n[C_UNLINKED] = (long long)r->nunlinked;
		row(out, v, n);
	}
	for (size_t i = 0; i < d.issues.n; i++) {
		const struct store_issue *is = &d.issues.v[i];
		const char *v[C_COUNT] = {0};
		long long n[C_COUNT];
		for (int k = 0; k < C_COUNT; k++)
			n[k] = -1;
		v[C_TABLE] = "register";
		v[C_AREA] = is->area;
		v[C_CATEGORY] = is->category;
		v[C_CATEGORY_LABEL] =
		    is->category ? rr_category_label(forms, NULL, is->category, lang) : NULL;
		v[C_ISSUE] = is->title;
		v[C_POLICY] = is->policy;
		v[C_POLICY_LABEL] = rr_policy_label(is->policy, lang);
		v[C_OWNER] = is->owner;
		v[C_STATUS] = is->status;
		v[C_STATUS_LABEL] = rr_status_label(is->status, lang);
		n[C_CASES] = is->ncases;
		n[C_MEETINGS] = is->nmeetings;
		v[C_FIRST] = is->first_seen;
		v[C_LAST] = is->last_seen;
		row(out, v, n);
	}
	for (size_t i = 0; i < d.outcomes.n; i++) {
		const struct store_outcome *o = &d.outcomes.v[i];
		const char *v[C_COUNT] = {0};
		long long n[C_COUNT];
		for (int k = 0; k < C_COUNT; k++)
			n[k] = -1;
		v[C_TABLE] = "outcome";
		v[C_YEAR] = o->year;
		v[C_AREA] = o->area;
		n[C_IMPROVED] = (long long)o->improved;
		n[C_SAME] = (long long)o->same;
		n[C_WORSENED] = (long long)o->worsened;
		n[C_NOT_COMPARABLE] = (long long)o->not_comparable;
		row(out, v, n);
	}
	rr_data_clear(&d);
	return KAIGI_OK;
}
