// SPDX-License-Identifier: MIT
/*
 * report_policy.c — what a meeting's summary shows beyond its cases:
 *
 *   - a policy meeting's agenda (地域ケア推進会議): each register issue with
 *     its measure, target and result and what the meeting decided;
 *   - the meeting's own records (a planning meeting's process sheet and
 *     implementation outcome sheet): each form as its own section, plain
 *     answers as facts and each grid as a table; a grid whose scale
 *     columns pair as X_before / X_after gets, per pair, the change read
 *     on the scale's declared direction (`better: higher` on the outcome
 *     sheet), ↑ 改善 / → 維持 / ↓ 悪化, under the dates of the two sittings;
 *   - on a case, the decisions of policy meetings about the issues linked
 *     to it or to the person's earlier reviews (「事例にかえる」).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/followup.h"
#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_policy.h"

static const char *w(const struct report_build *b, const char *ja, const char *en)
{
	return strcmp(b->lang, "en") == 0 ? en : ja;
}

static enum kaigi_status agenda_add(struct report_build *b, const char *meeting_id,
				    struct kaigi_error *err)
{
	struct store_decision_list d;
	enum kaigi_status s = store_agenda_list(b->st, meeting_id, &d, err);
	if (s != KAIGI_OK || d.n == 0) {
		store_decision_list_free(&d);
		return s;
	}
	struct report_section *sec = report_section_add(
	    b->doc, w(b, "議題：地域課題と決定", "Agenda: regional issues and decisions"), false);
	struct report_block *t = report_table_add(sec, NULL, 4);
	report_col_set(t, 0, w(b, "地域課題", "Issue"), 4, false, false);
	report_col_set(t, 1, w(b, "施策", "Measure"), 4, false, false);
	report_col_set(t, 2, w(b, "目標値・実績", "Target, result"), 2, false, false);
	report_col_set(t, 3, w(b, "決定", "Decision"), 5, false, false);
	for (size_t i = 0; i < d.n && s == KAIGI_OK; i++) {
		struct store_issue is;
		s = store_issue_get(b->st, d.v[i].issue_id, &is, err);
		if (s != KAIGI_OK)
			break;
		char tg[64] = "", rs_[64] = "";
		if (is.has_target)
			snprintf(tg, sizeof tg, "%s %g", w(b, "目標", "target"), is.target);
		if (is.has_result)
			snprintf(rs_, sizeof rs_, "%s %g", w(b, "実績", "result"), is.result);
		char *nums = xasprintf("%s%s%s", tg, *tg && *rs_ ? w(b, "／", " / ") : "", rs_);
		size_t row = report_row_add(t);
		report_cell_set(t, row, 0, is.title);
		report_cell_set(t, row, 1, is.measure);
		report_cell_set(t, row, 2, nums);
		report_cell_set(t, row, 3, d.v[i].decision);
		free(nums);
		store_issue_clear(&is);
	}
	t->table.note =
	    xstrdup(w(b, "決定は、その課題につながる事例と、その人の次の検討に表示されます。",
		      "A decision shows on every case linked to the issue and on those "
		      "people's next reviews."));
	store_decision_list_free(&d);
	return s;
}

/* The column paired with c (X_before ↔ X_after) among the grid's scale
 * columns, or -1. */
static long after_of(const struct schema_field *g, size_t c)
{
	const char *id = g->columns[c].id;
	size_t n = strlen(id);
	if (g->columns[c].type != SCHEMA_SCALE || n < 8 || strcmp(id + n - 7, "_before") != 0)
		return -1;
	for (size_t k = 0; k < g->ncolumns; k++) {
		const char *o = g->columns[k].id;
		if (g->columns[k].type == SCHEMA_SCALE && strlen(o) == n - 1 &&
		    strncmp(o, id, n - 7) == 0 && strcmp(o + n - 7, "_after") == 0)
			return (long)k;
	}
	return -1;
}

/* " （開始前 令和7年4月1日 → 現在 令和8年1月15日）" when the record has
 * the two sittings' dates (before_date, after_date), else "". */
static char *sittings(struct report_build *b, const struct store_record *r)
{
	struct store_path pb = {"before_date", "", ""}, pa = {"after_date", "", ""};
	const struct kaigi_value *vb = store_record_value(r, &pb), *va = store_record_value(r, &pa);
	if (!vb || !va || vb->type != KAIGI_TEXT || va->type != KAIGI_TEXT)
		return xstrdup("");
	char *db = rs_date_short(vb->s, b->lang), *da = rs_date_short(va->s, b->lang);
	char *out = xasprintf(w(b, "（%s → %s）", " (%s → %s)"), db, da);
	free(db);
	free(da);
	return out;
}

static bool row_answered(const struct store_record *r, const struct schema_field *g,
			 const struct schema_grid_row *row)
{
	for (size_t c = 0; c < g->ncolumns; c++) {
		struct store_path p = {g->id, row->id, g->columns[c].id};
		if (g->columns[c].type != SCHEMA_CALCULATE && store_record_value(r, &p))
			return true;
	}
	return false;
}

/* Whether column c of g is one of "the other columns": neither half of a
 * before/after pair, and not calculated. */
static bool other_column(const struct schema_field *g, size_t c)
{
	if (g->columns[c].type == SCHEMA_CALCULATE || after_of(g, c) >= 0)
		return false;
	for (size_t k = 0; k < g->ncolumns; k++)
		if (after_of(g, k) == (long)c)
			return false;
	return true;
}

/* The row of table t for grid row row: its label in the first column. */
static size_t grid_row_add(struct report_build *b, struct report_block *t,
			   const struct schema_grid_row *row)
{
	size_t tr = report_row_add(t);
	report_cell_set(t, tr, 0, schema_label_get(&row->label, b->lang));
	return tr;
}

/* Cells k, k+1 and k+2 of row tr: column c's value (before), its pair's
 * (after) and the change read on the scale's direction.  Returns k + 3. */
static size_t pair_cells_set(struct report_build *b, struct report_block *t, size_t tr, size_t k,
			     const struct store_record *r, const struct schema_field *g,
			     const struct schema_grid_row *row, size_t c)
{
	size_t a = (size_t)after_of(g, c);
	struct store_path pb = {g->id, row->id, g->columns[c].id};
	struct store_path pa = {g->id, row->id, g->columns[a].id};
	const struct kaigi_value *vb = store_record_value(r, &pb);
	const struct kaigi_value *va = store_record_value(r, &pa);
	char *tb = vb ? kaigi_value_to_text(vb) : NULL;
	char *ta = va ? kaigi_value_to_text(va) : NULL;
	report_cell_set(t, tr, k++, tb);
	report_cell_set(t, tr, k++, ta);
	report_cell_set(t, tr, k++,
			report_build_change_word(b, store_change_of(g, row, a, vb, va)));
	free(tb);
	free(ta);
	return k;
}

/* The answered rows of g into t from column 1: per pair of columns (pairs)
 * the values and the change, else each other column's answer. */
static void grid_rows_fill(struct report_build *b, struct report_block *t,
			   const struct store_record *r, const struct schema_form *form,
			   const struct schema_field *g, bool pairs)
{
	for (size_t ri = 0; ri < g->nrows; ri++) {
		const struct schema_grid_row *row = &g->rows[ri];
		if (!row_answered(r, g, row))
			continue;
		size_t tr = grid_row_add(b, t, row);
		size_t k = 1;
		for (size_t c = 0; c < g->ncolumns; c++) {
			if (pairs && after_of(g, c) >= 0) {
				k = pair_cells_set(b, t, tr, k, r, g, row, c);
			} else if (!pairs && other_column(g, c)) {
				char *v = report_build_answer_text(b, r, form, g, row->id,
								   g->columns[c].id);
				report_cell_set(t, tr, k++, v);
				free(v);
			}
		}
	}
}

/* A grid as tables: with X_before / X_after scale pairs, one table of the
 * pairs (the values, and the change read on the scale's direction) and
 * one of the other columns; else one table.  Unanswered rows are left
 * out. */
static void grid_table(struct report_build *b, struct report_section *sec,
		       const struct store_record *r, const struct schema_form *form,
		       const struct schema_field *g)
{
	size_t npairs = 0, nother = 0;
	for (size_t c = 0; c < g->ncolumns; c++)
		npairs += after_of(g, c) >= 0;
	for (size_t c = 0; c < g->ncolumns; c++)
		nother += other_column(g, c);
	char *when = npairs ? sittings(b, r) : xstrdup("");
	char *title = xasprintf("%s%s", schema_label_get(&g->label, b->lang), when);
	free(when);
	if (npairs) {
		struct report_block *t = report_table_add(sec, title, 1 + 3 * npairs);
		report_col_set(t, 0, "", 3, false, false);
		size_t k = 1;
		for (size_t c = 0; c < g->ncolumns; c++) {
			long a = after_of(g, c);
			if (a < 0)
				continue;
			report_col_set(t, k++, schema_label_get(&g->columns[c].label, b->lang), 2,
				       true, false);
			report_col_set(t, k++, schema_label_get(&g->columns[a].label, b->lang), 2,
				       true, false);
			report_col_set(t, k++, w(b, "変化", "Change"), 2, true, false);
		}
		grid_rows_fill(b, t, r, form, g, true);
		bool higher = false;
		for (size_t c = 0; c < g->ncolumns; c++)
			higher |= g->columns[c].higher_better;
		t->table.note = xstrdup(
		    higher ? w(b,
			       "変化は、数値が大きいほど良い尺度（better: "
			       "higher）として読んでいます。",
			       "Change reads the scale as higher is better (better: higher).")
			   : w(b, "変化は、数値が小さいほど良い尺度として読んでいます。",
			       "Change reads the scale as lower is better."));
	}
	if (nother) {
		struct report_block *t = report_table_add(sec, npairs ? NULL : title, 1 + nother);
		report_col_set(t, 0, "", 2, false, false);
		size_t k = 1;
		for (size_t c = 0; c < g->ncolumns; c++) {
			const struct schema_field *col = &g->columns[c];
			if (!other_column(g, c))
				continue;
			bool text = col->type == SCHEMA_LONGTEXT || col->type == SCHEMA_TEXT;
			report_col_set(t, k++, schema_label_get(&col->label, b->lang), text ? 5 : 1,
				       !text, false);
		}
		grid_rows_fill(b, t, r, form, g, false);
	}
	free(title);
}

/* The records of meeting_id (the meeting's own: case_id NULL), of form
 * only when form is not NULL, each as a section; *n counts them. */
static enum kaigi_status records_add(struct report_build *b, const char *meeting_id,
				     const char *case_id, const char *only, size_t *n,
				     struct kaigi_error *err)
{
	struct store_record_list rl;
	enum kaigi_status s = store_record_list(b->st, meeting_id, case_id, &rl, err);
	for (size_t i = 0; s == KAIGI_OK && i < rl.n; i++) {
		if (only && strcmp(rl.v[i].form, only) != 0)
			continue;
		struct store_record r;
		s = store_record_get(b->st, rl.v[i].id, &r, err);
		if (s != KAIGI_OK)
			break;
		const struct schema_form *form = r.schema;
		if (form && n)
			(*n)++;
		if (form) {
			struct report_section *sec = report_section_add(
			    b->doc, schema_label_get(&form->title, b->lang), true);
			for (size_t si = 0; si < form->nsections; si++) {
				struct report_block *facts = NULL;
				for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
					const struct schema_field *f =
					    &form->sections[si].fields[fi];
					if (f->type == SCHEMA_GRID) {
						grid_table(b, sec, &r, form, f);
						continue;
					}
					if (f->type == SCHEMA_LIST)
						continue;
					char *v =
					    report_build_answer_text(b, &r, form, f, NULL, NULL);
					if (v && *v) {
						if (!facts)
							facts = report_facts_add(
							    sec, schema_label_get(
								     &form->sections[si].title,
								     b->lang));
						report_fact_add(
						    facts, schema_label_get(&f->label, b->lang), v);
					}
					free(v);
				}
			}
		}
		store_record_clear(&r);
	}
	store_record_list_free(&rl);
	return s;
}

enum kaigi_status report_build_meeting_extra_add(struct report_build *b, const char *meeting_id,
						 struct kaigi_error *err)
{
	enum kaigi_status s = agenda_add(b, meeting_id, err);
	if (s == KAIGI_OK)
		s = records_add(b, meeting_id, NULL, NULL, NULL, err);
	return s;
}

enum kaigi_status report_build_sheet_add(struct report_build *b, const char *meeting_id,
					 const char *form, struct kaigi_error *err)
{
	size_t n = 0;
	enum kaigi_status s = records_add(b, meeting_id, NULL, form, &n, err);
	/* Not the meeting's own: the sheets filled for its cases (an
	 * initiative of a planning meeting), shown without the case. */
	struct store_case_list cl = {0};
	if (s == KAIGI_OK && n == 0)
		s = store_case_list(b->st, meeting_id, &cl, err);
	for (size_t i = 0; s == KAIGI_OK && i < cl.n; i++)
		s = records_add(b, meeting_id, cl.v[i].id, form, &n, err);
	store_case_list_free(&cl);
	if (s == KAIGI_OK && n == 0)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "the meeting has no %s sheet filled in", form);
	return s;
}

enum kaigi_status report_build_case_decisions_add(struct report_build *b,
						  const struct store_case *c,
						  struct report_section *s, struct kaigi_error *err)
{
	struct store_decision_list d;
	enum kaigi_status st = store_case_decisions(b->st, c->id, &d, err);
	if (st != KAIGI_OK || d.n == 0) {
		store_decision_list_free(&d);
		return st;
	}
	struct report_block *t = report_table_add(
	    s, w(b, "地域ケア推進会議の決定", "Decisions of the policy meeting"), 3);
	report_col_set(t, 0, w(b, "会議", "Meeting"), 2, false, false);
	report_col_set(t, 1, w(b, "地域課題", "Issue"), 4, false, false);
	report_col_set(t, 2, w(b, "決定", "Decision"), 6, false, false);
	for (size_t i = 0; i < d.n; i++) {
		char *date = rs_date_short(d.v[i].meeting_date, b->lang);
		size_t row = report_row_add(t);
		report_cell_set(t, row, 0, date);
		report_cell_set(t, row, 1, d.v[i].issue_title);
		report_cell_set(t, row, 2, d.v[i].decision);
		free(date);
	}
	store_decision_list_free(&d);
	return KAIGI_OK;
}
