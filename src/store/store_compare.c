// SPDX-License-Identifier: MIT
/*
 * store_compare.c — before and after: two reviews' ADL/IADL grids row by
 * row (improved / same / worse), and the share of follow-up reviews whose
 * grid improved, stayed or worsened, by year and area.
 *
 * What is compared is each grid's rating column — its first scale column:
 * Toyoake's 事前判定 (the rating at the time of the review; 事後予測 is a
 * prediction, not a state) and the national sheet's 現在.  A scale's
 * values are its order (the lower the better, doc/forms.md); a choice
 * marked `na: true` (Toyoake's "—") is an answer but not a rating, so a
 * row with it on either side is not compared.  Nothing here knows a
 * number that means "not applicable".
 *
 * The roll-up does the same comparison in one SQL statement over every
 * follow-up review of the period, with the forms' rating columns and their
 * not-applicable values handed in as JSON, so ten years of reviews are
 * compared without reading them into memory.  Years are 年度 (April to
 * March) unless the period asks for calendar years (kaigi/fiscal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/fiscal.h"
#include "kaigi/followup.h"
#include "kaigi/strbuf.h"
#include "kaigi/tally.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"
#include "store_spec.h"

/* The value's place on the row's scale: false when absent, not among the
 * row's choices, or not applicable. */
static bool scale_rank(const struct schema_field *grid, const struct schema_grid_row *row,
		       size_t col, const struct kaigi_value *v, long *out)
{
	if (!v || v->type == KAIGI_NULL)
		return false;
	const struct schema_choice_list *cl = schema_cell_choices(grid, row, col);
	if (!cl)
		return false;
	char *text = kaigi_value_to_text(v);
	int i = schema_choice_find(cl, text);
	free(text);
	if (i < 0 || cl->v[i].na)
		return false;
	*out = strtol(cl->v[i].value, NULL, 10);
	/* The scale's declared direction: compare as if lower were better. */
	if (grid->columns && col < grid->ncolumns && grid->columns[col].higher_better)
		*out = -*out;
	return true;
}

enum store_change store_change_of(const struct schema_field *grid,
				  const struct schema_grid_row *row, size_t col,
				  const struct kaigi_value *before, const struct kaigi_value *after)
{
	long b, a;
	if (!scale_rank(grid, row, col, before, &b) || !scale_rank(grid, row, col, after, &a))
		return STORE_CHANGE_NONE;
	return a < b ? STORE_CHANGE_BETTER : a > b ? STORE_CHANGE_WORSE : STORE_CHANGE_SAME;
}

void store_compare_clear(struct store_compare *c)
{
	for (size_t g = 0; g < c->ngrids; g++) {
		struct store_grid_compare *gc = &c->grids[g];
		for (size_t i = 0; i < gc->nrows; i++) {
			kaigi_value_clear(&gc->rows[i].before);
			kaigi_value_clear(&gc->rows[i].after);
		}
		free(gc->rows);
	}
	free(c->grids);
	free(c->earlier_date);
	free(c->later_date);
	memset(c, 0, sizeof *c);
}

static void grid_compare(const struct store_record *e, const struct store_record *l,
			 const struct schema_form *form, const struct schema_field *g,
			 struct store_compare *out)
{
	size_t col = store_fu_rating_column(g);
	if (col == (size_t)-1)
		return;
	out->grids = xreallocarray(out->grids, out->ngrids + 1, sizeof *out->grids);
	struct store_grid_compare *gc = &out->grids[out->ngrids++];
	memset(gc, 0, sizeof *gc);
	gc->form = form;
	gc->grid = g;
	gc->col = col;
	gc->rows = xcalloc(g->nrows ? g->nrows : 1, sizeof *gc->rows);
	for (size_t i = 0; i < g->nrows; i++) {
		const struct schema_grid_row *row = &g->rows[i];
		struct store_path path = {g->id, row->id, g->columns[col].id};
		const struct kaigi_value *b = store_record_value(e, &path);
		const struct kaigi_value *a = store_record_value(l, &path);
		if (!a && !b)
			continue;
		struct store_change_row *cr = &gc->rows[gc->nrows++];
		cr->row = row;
		if (b)
			kaigi_value_copy(&cr->before, b);
		if (a)
			kaigi_value_copy(&cr->after, a);
		cr->change = store_change_of(g, row, col, b, a);
		gc->better += cr->change == STORE_CHANGE_BETTER;
		gc->same += cr->change == STORE_CHANGE_SAME;
		gc->worse += cr->change == STORE_CHANGE_WORSE;
	}
}

enum kaigi_status store_compare_cases(struct store *st, const char *earlier, const char *later,
				      struct store_compare *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct store_fu_case e, l;
	enum kaigi_status s = store_fu_case_load(st, earlier, &e, err);
	if (s != KAIGI_OK)
		return s;
	s = store_fu_case_load(st, later, &l, err);
	if (s != KAIGI_OK) {
		store_fu_case_clear(&e);
		return s;
	}
	memcpy(out->earlier, e.c.id, STORE_ID_SIZE);
	memcpy(out->later, l.c.id, STORE_ID_SIZE);
	out->earlier_date = xstrdup_or_null(e.c.meeting_date);
	out->later_date = xstrdup_or_null(l.c.meeting_date);
	for (size_t r = 0; r < l.n; r++) {
		const struct store_record *lr = &l.recs[r];
		const struct store_record *er = store_fu_record(&e, lr->form);
		const struct schema_form *form = lr->schema;
		if (!er || !form)
			continue;
		for (size_t si = 0; si < form->nsections; si++)
			for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
				const struct schema_field *g = &form->sections[si].fields[fi];
				if (g->type == SCHEMA_GRID)
					grid_compare(er, lr, form, g, out);
			}
	}
	store_fu_case_clear(&e);
	store_fu_case_clear(&l);
	return KAIGI_OK;
}

/* ---- the outcome roll-up -------------------------------------------------- */

static void outcome_row(sqlite3_stmt *q, void *out)
{
	struct store_outcome *o = out;
	const unsigned char *y = sqlite3_column_text(q, 0);
	snprintf(o->year, sizeof o->year, "%s", y ? (const char *)y : "");
	o->area = store_column_strdup(q, 1);
	o->improved = (size_t)sqlite3_column_int64(q, 2);
	o->same = (size_t)sqlite3_column_int64(q, 3);
	o->worsened = (size_t)sqlite3_column_int64(q, 4);
	o->not_comparable = (size_t)sqlite3_column_int64(q, 5);
}

static void outcome_clear(struct store_outcome *e)
{
	free(e->area);
}

void store_outcome_list_free(struct store_outcome_list *l)
{
	STORE_LIST_FREE(l, outcome_clear);
}

/* [[form, grid, column, dir, ",na,na,"], …] (dir -1 when higher is better) for every installed grid
 * with a rating column: its not-applicable values between commas, so one instr() tells them (scales
 * store integers, which print as digits). */
static void rating_form(struct store_spec_buf *s, const struct schema_form *form)
{
	for (size_t si = 0; si < form->nsections; si++)
		for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
			const struct schema_field *g = &form->sections[si].fields[fi];
			size_t col =
			    g->type == SCHEMA_GRID ? store_fu_rating_column(g) : (size_t)-1;
			if (col == (size_t)-1)
				continue;
			/* Ids are checked words ([a-z0-9_]): no JSON escaping. */
			strbuf_appendf(&s->b, "%s[\"%s\",\"%s\",\"%s\",%d,\",", store_spec_sep(s),
				       form->id, g->id, g->columns[col].id,
				       g->columns[col].higher_better ? -1 : 1);
			for (size_t r = 0; r <= g->nrows; r++) {
				const struct schema_choice_list *cl =
				    r < g->nrows ? schema_cell_choices(g, &g->rows[r], col)
						 : g->columns[col].choices;
				for (size_t k = 0; cl && k < cl->n; k++)
					if (cl->v[k].na)
						strbuf_appendf(&s->b, "%ld,",
							       strtol(cl->v[k].value, NULL, 10));
			}
			strbuf_append(&s->b, "\"]");
		}
}

/*
 * One follow-up review compared with the one before, cell by cell of each
 * rated grid (?3: the spec).  CROSS JOIN fixes the order: from the
 * follow-up reviews to their records and answers by key, never from every
 * grid record.  Only reviews without a comparison cached for this spec
 * (?5) are compared.
 */
#define OUTCOME_CELLS                                                                              \
	"spec (form, field, col, dir, na) AS MATERIALIZED ("                                       \
	"  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 "                \
	"  FROM json_each(?3)), "                                                                  \
	"todo AS (SELECT c.id, c.follows, m.date, ifnull(p.area, '') AS area FROM case_review c "  \
	"  JOIN meeting m ON m.id = c.meeting_id JOIN person p ON p.id = c.person_id "             \
	"  WHERE c.follows IS NOT NULL "                                                           \
	"  AND NOT EXISTS (SELECT 1 FROM outcome_cache o WHERE o.case_id = c.id "                  \
	"  AND o.spec = ?5)), "                                                                    \
	"cell AS ("                                                                                \
	"  SELECT todo.id, (cur.value - prev.value) * s.dir < 0 AS better, "                       \
	"  (cur.value - prev.value) * s.dir > 0 AS worse "                                         \
	"  FROM todo CROSS JOIN form_record r ON r.case_id = todo.id "                             \
	"  CROSS JOIN spec s ON s.form = r.form "                                                  \
	"  CROSS JOIN form_record pr ON pr.case_id = todo.follows AND +pr.form = r.form "          \
	"  CROSS JOIN answer cur ON cur.record_id = r.id AND cur.field = s.field "                 \
	"    AND cur.col = s.col "                                                                 \
	"  CROSS JOIN answer prev ON prev.record_id = pr.id AND prev.field = s.field "             \
	"    AND prev.item = cur.item AND prev.col = s.col "                                       \
	"  WHERE instr(s.na, ',' || cur.value || ',') = 0 "                                        \
	"    AND instr(s.na, ',' || prev.value || ',') = 0), "                                     \
	"computed AS (SELECT todo.id, todo.date, todo.area, sum(cell.better) AS b, "               \
	"  sum(cell.worse) AS w FROM todo LEFT JOIN cell ON cell.id = todo.id GROUP BY todo.id) "

/* Keep the comparisons of reviews not compared yet (a writer only). */
static const char outcome_fill_sql[] =
    "INSERT OR REPLACE INTO outcome_cache (case_id, spec, better, worse, date, area) "
    "WITH " OUTCOME_CELLS "SELECT id, ?5, b, w, date, area FROM computed";

/* Keep the comparisons not kept yet (the period is not needed: they are
 * kept for every review); one statement, its own transaction; busy
 * (another kaigi writing) leaves the work to the query. */
static void outcome_fill(struct store *st, const struct store_period *p, const char *spec,
			 long long hash)
{
	(void)p;
	struct kaigi_error ignored;
	sqlite3_stmt *f = st->read_only ? NULL : store_stmt(st, outcome_fill_sql, &ignored);
	if (f) {
		sqlite3_bind_text(f, 3, spec, -1, SQLITE_STATIC);
		sqlite3_bind_int64(f, 5, hash);
		sqlite3_step(f);
		sqlite3_reset(f);
		sqlite3_clear_bindings(f);
	}
}

/* The period's ends (?1 ?2) and area (?4), the spec (?3), its hash (?5)
 * and the kind of year (?6 ?7, arg a bool: calendar years). */
static void outcome_bind(sqlite3_stmt *q, const struct store_period *p, const char *spec,
			 long long hash, const void *calendar)
{
	store_bind_text_or_null(q, 1, p ? p->from : NULL);
	store_bind_text_or_null(q, 2, p ? p->to : NULL);
	sqlite3_bind_text(q, 3, spec, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 4, p ? p->area : NULL);
	sqlite3_bind_int64(q, 5, hash);
	store_bind_year_kind(q, 6, *(const bool *)calendar);
}

enum kaigi_status store_outcome_rollup(struct store *st, const struct store_period *p,
				       struct store_outcome_list *out, struct kaigi_error *err)
{
	return store_outcome_rollup_years(st, p, false, out, err);
}

enum kaigi_status store_outcome_rollup_years(struct store *st, const struct store_period *p,
					     bool calendar, struct store_outcome_list *out,
					     struct kaigi_error *err)
{
	/* The comparisons kept — with the review's date and area, so they
	 * need no join — and those not kept yet computed here (a read-only
	 * store, or another writer holding the lock). */
	static const char sql[] =
	    "WITH " OUTCOME_CELLS ", "
	    "per AS (SELECT date, area, better AS b, worse AS w FROM outcome_cache "
	    "  WHERE spec = ?5 UNION ALL SELECT date, area, b, w FROM computed) "
	    "SELECT " STORE_YEAR_OF(
		"date", "6",
		"7") " "
		     "AS year, area, "
		     "  count(*) FILTER (WHERE b > w), count(*) FILTER (WHERE b = w), "
		     "  count(*) FILTER (WHERE b < w), count(*) FILTER (WHERE b IS NULL) "
		     "FROM per WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) "
		     "AND (?4 IS NULL OR area = ?4) GROUP BY year, area ORDER BY year, area";
	static const struct store_spec_rollup outcome = {sql, rating_form, outcome_fill,
							 outcome_bind};
	memset(out, 0, sizeof *out);
	struct store_spec_query sq;
	if (!store_spec_open(st, &outcome, p, &calendar, &sq, err))
		return err->status;
	enum kaigi_status s =
	    STORE_LIST(st, sq.q, out, outcome_row, "rolling up follow-up outcomes", err);
	store_spec_close(&sq);
	if (s != KAIGI_OK)
		store_outcome_list_free(out);
	return s;
}

void store_bind_year_kind(sqlite3_stmt *q, int cal, bool calendar)
{
	char month[8];
	snprintf(month, sizeof month, "%02d", KAIGI_FY_START_MONTH);
	sqlite3_bind_int(q, cal, calendar);
	sqlite3_bind_text(q, cal + 1, month, -1, SQLITE_TRANSIENT);
}
