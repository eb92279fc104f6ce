// SPDX-License-Identifier: MIT
/*
 * report_regional_data.c — what every part of the regional report stands
 * on: the period's figures read once (report_regional_data_load), the
 * words and labels in ja or en, a section and a column table started, a
 * share written.  report_regional.c, report_tally.c and
 * report_regional_csv.c call it; it calls none of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/fiscal.h"
#include "kaigi/identity.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_regional.h"

const char *report_regional_word(const char *lang, const char *ja, const char *en)
{
	return lang && strcmp(lang, "en") == 0 ? en : ja;
}

struct report_section *report_regional_section_add(struct report_doc *doc, const char *lang,
						   const char *ja, const char *en)
{
	return report_section_add(doc, report_regional_word(lang, ja, en), false);
}

bool report_regional_none(struct report_section *s, size_t n, const char *lang, const char *ja,
			  const char *en)
{
	if (n)
		return false;
	report_paragraph_add(s, NULL, report_regional_word(lang, ja, en));
	return true;
}

struct report_block *report_regional_table_add(struct report_section *s, const char *title,
					       const struct report_regional_col *cols, size_t ncols,
					       bool calendar, const char *lang)
{
	struct report_block *t = report_table_add(s, title, ncols);
	for (size_t c = 0; c < ncols; c++) {
		const char *head = cols[c].ja ? report_regional_word(lang, cols[c].ja, cols[c].en)
				   : calendar ? report_regional_word(lang, "年", "Year")
					      : report_regional_word(lang, "年度", "Fiscal year");
		report_col_set(t, c, head, cols[c].weight, cols[c].center, cols[c].merge);
	}
	return t;
}

const char *report_regional_category_label(const struct schema_set *forms, const char *form_id,
					   const char *value, const char *lang)
{
	if (!value || !*value)
		return report_regional_word(lang, "（分類なし）", "(no category)");
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; forms && i < forms->nforms; i++) {
			const struct schema_form *f = forms->forms[i];
			if (pass == 0 && (!form_id || strcmp(f->id, form_id) != 0))
				continue;
			const struct schema_field *l =
			    schema_field_find(f, KAIGI_FIELD_REGIONAL_ISSUES);
			const struct schema_field *c =
			    l ? schema_subfield_find(l, KAIGI_FIELD_CATEGORY) : NULL;
			int k = c && c->choices ? schema_choice_find(c->choices, value) : -1;
			if (k >= 0)
				return schema_label_get(&c->choices->v[k].label, lang);
		}
	return value;
}

const char *report_regional_policy_label(const char *policy, const char *lang)
{
	static const struct schema_word names[] = {
	    {"cooperation", "連携強化", "Stronger cooperation"},
	    {"programme", "公的制度化", "Formal programme"},
	    {"resource", "資源発掘", "Finding resources"},
	};
	const struct schema_word *w = SCHEMA_WORD_FIND(names, store_policy_normalise(policy));
	return w ? report_regional_word(lang, w->ja, w->en) : NULL;
}

const char *report_regional_status_label(const char *status, const char *lang)
{
	static const struct schema_word names[] = {
	    {"open", "検討中", "Open"},
	    {"referred", "推進会議へ提出", "Referred"},
	    {"addressed", "施策化・対応中", "Addressed"},
	    {"closed", "終結", "Closed"},
	};
	const struct schema_word *w = SCHEMA_WORD_FIND(names, status);
	return w ? report_regional_word(lang, w->ja, w->en) : status;
}

void report_regional_year_name(const char *year, bool calendar, const char *lang, char *buf,
			       size_t size)
{
	kaigi_year_name(year ? atoi(year) : 0, calendar, lang, buf, size);
}

char *report_regional_period_text(const struct store_period *p, const char *lang)
{
	const char *from = p ? p->from : NULL, *to = p ? p->to : NULL;
	char *a = from ? rs_date_short(from, lang) : NULL;
	char *b = to ? rs_date_short(to, lang) : NULL;
	char *out;
	if (!a && !b) {
		out = xstrdup(report_regional_word(lang, "全期間", "All meetings"));
	} else {
		/* A whole 年度 or calendar year is named first. */
		char name[32] = "", f[11], t[11];
		for (int cal = 0; cal < 2 && from && to && !name[0]; cal++) {
			int y = kaigi_year_of(from, cal);
			kaigi_year_range(y, cal, f, t);
			if (y && strcmp(f, from) == 0 && strcmp(t, to) == 0)
				kaigi_year_name(y, cal, lang, name, sizeof name);
		}
		if (name[0])
			out = xasprintf(report_regional_word(lang, "%s（%s〜%s）", "%s (%s – %s)"),
					name, a, b);
		else
			out = xasprintf("%s%s%s", a ? a : "",
					report_regional_word(lang, "〜", " – "), b ? b : "");
	}
	free(a);
	free(b);
	return out;
}

void report_regional_data_clear(struct report_regional_data *d)
{
	store_raised_list_free(&d->raised);
	store_issue_list_free(&d->issues);
	store_outcome_list_free(&d->outcomes);
	store_tally_free(&d->tally);
	store_kpi_list_free(&d->kpi);
	void *own[] = {d->now, d->then, d->now_n, d->now_of};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		free(own[i]);
	d->now = d->then = NULL;
	d->now_n = d->now_of = NULL;
}

/* Each register issue's indicator, when it names a tally line: its share
 * in the period (from the tally already counted) and in the year the
 * measure was decided (counted once per year). */
static enum kaigi_status indicators_load(struct store *st, const struct store_period *p,
					 struct report_regional_data *d, struct kaigi_error *err)
{
	size_t n = d->issues.n ? d->issues.n : 1;
	d->now = xcalloc(n, sizeof *d->now);
	d->then = xcalloc(n, sizeof *d->then);
	d->now_n = xcalloc(n, sizeof *d->now_n);
	d->now_of = xcalloc(n, sizeof *d->now_of);
	for (size_t i = 0; i < d->issues.n; i++) {
		const struct store_issue *is = &d->issues.v[i];
		d->now[i] = d->then[i] = -1;
		if (!is->indicator_key || !*is->indicator_key)
			continue;
		size_t k = 0;
		for (size_t j = 0; j < d->tally.n; j++)
			if (strcmp(d->tally.v[j].key, is->indicator_key) == 0)
				k = d->tally.v[j].cases;
		if (d->tally.cases)
			d->now[i] = 100.0 * (double)k / (double)d->tally.cases;
		d->now_n[i] = k;
		d->now_of[i] = d->tally.cases;
		int y = kaigi_year_of(is->decided, d->calendar);
		if (!y)
			continue;
		char from[11], to[11];
		kaigi_year_range(y, d->calendar, from, to);
		struct store_period yp = {.from = from, .to = to, .area = p ? p->area : NULL};
		enum kaigi_status s =
		    store_tally_share(st, &yp, is->indicator_key, &d->then[i], NULL, NULL, err);
		if (s != KAIGI_OK)
			return s;
	}
	return KAIGI_OK;
}

enum kaigi_status report_regional_data_load(struct store *st, const struct store_period *p,
					    bool calendar, struct report_regional_data *d,
					    struct kaigi_error *err)
{
	memset(d, 0, sizeof *d);
	d->calendar = calendar;
	enum kaigi_status s = store_period_count(st, p, &d->counts, err);
	if (s == KAIGI_OK)
		s = store_raised_rollup(st, p, &d->raised, err);
	if (s == KAIGI_OK)
		s = store_register_rollup(st, p, &d->issues, err);
	if (s == KAIGI_OK)
		s = store_outcome_rollup_years(st, p, calendar, &d->outcomes, err);
	if (s == KAIGI_OK)
		s = store_tally_run(st, p, &d->tally, err);
	if (s == KAIGI_OK)
		s = store_kpi_rollup(st, p, calendar, &d->kpi, err);
	if (s == KAIGI_OK)
		s = indicators_load(st, p, d, err);
	/* The report names no one: the wordings, typed in cases, are scrubbed
	 * with every person known (kaigi/scrub.h). */
	struct scrub_ctx *ctx = NULL;
	if (s == KAIGI_OK)
		s = store_scrub_ctx_meeting(st, NULL, &ctx, err);
	for (size_t i = 0; s == KAIGI_OK && i < d->raised.n; i++) {
		scrub_text_inplace(ctx, &d->raised.v[i].statement);
		scrub_text_inplace(ctx, &d->raised.v[i].issue_title);
	}
	for (size_t i = 0; s == KAIGI_OK && i < d->issues.n; i++) {
		scrub_text_inplace(ctx, &d->issues.v[i].title);
		scrub_text_inplace(ctx, &d->issues.v[i].description);
		scrub_text_inplace(ctx, &d->issues.v[i].owner);
	}
	scrub_ctx_free(ctx);
	if (s != KAIGI_OK)
		report_regional_data_clear(d);
	return s;
}

/* "5（42%）" of n out of all. */
char *report_regional_share(size_t n, size_t all)
{
	if (!all)
		return xasprintf("%zu", n);
	return xasprintf("%zu (%zu%%)", n, (n * 100 + all / 2) / all);
}
