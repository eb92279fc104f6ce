// SPDX-License-Identifier: MIT
/*
 * report_grid.c — ADL/IADL grids of a case as summary tables, blank rows
 * left out, with a mark for the direction of change.
 *
 * A grid with two scale columns (Toyoake: 事前判定, 事後予測) compares the
 * second with the first: ↑ when the prediction is better than now, ↓ when
 * worse.  A grid with one scale column (the national 課題整理総括表: 現在)
 * is compared with the same row of the person's previous review, when the
 * case follows one: a 前回 column is added and ↑ / ↓ say whether the person
 * got better or worse since.  Both shipped scales run from best (1) to
 * worst, so lower is better; a choice marked `na: true` (— not
 * applicable) is never compared.  The form's own calculated columns (the
 * Toyoake ↑) are not printed: the mark column replaces them.
 *
 * In the case packet (b->packet) a grid with nothing answered in it is
 * left out: its heading and legend alone tell the room nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "report_build.h"

/* The numeric rating of a cell, or false when absent or not applicable. */
static bool rating(const struct store_record *r, const struct schema_field *grid,
		   const struct schema_grid_row *row, size_t col, double *out)
{
	if (!r)
		return false;
	struct store_path path = {grid->id, row->id, grid->columns[col].id};
	const struct kaigi_value *v = store_record_value(r, &path);
	if (!v || v->type == KAIGI_NULL)
		return false;
	const struct schema_choice_list *cl = schema_cell_choices(grid, row, col);
	if (cl) {
		char *text = kaigi_value_to_text(v);
		int i = schema_choice_find(cl, text);
		free(text);
		if (i < 0 || cl->v[i].na)
			return false;
	}
	if (v->type == KAIGI_INT)
		*out = (double)v->i;
	else if (v->type == KAIGI_REAL)
		*out = v->r;
	else
		*out = strtod(v->s, NULL);
	return true;
}

/*
 * A scale cell as a short code.  Rating labels are often "code +
 * explanation" in English ("〇1 independent, easy") and the code alone in
 * Japanese ("〇1"); the grid shows the code and the legend explains it.
 */
static char *scale_text(const struct report_build *b, const struct store_record *r,
			const struct schema_form *form, const struct schema_field *grid,
			const struct schema_grid_row *row, size_t col)
{
	char *t = report_build_answer_text(b, r, form, grid, row->id, grid->columns[col].id);
	if (!t || strcmp(b->lang, "en") != 0)
		return t;
	const struct schema_choice_list *cl = schema_cell_choices(grid, row, col);
	for (size_t i = 0; cl && i < cl->n; i++) {
		const char *ja = cl->v[i].label.ja, *en = cl->v[i].label.en;
		size_t n = ja ? strlen(ja) : 0;
		if (n && en && strcmp(en, t) == 0 && strncmp(en, ja, n) == 0 && en[n] == ' ') {
			free(t);
			return xstrdup(ja);
		}
	}
	return t;
}

/* The same form's record in the review this case follows, or none. */
static enum kaigi_status previous_record(struct report_build *b, const struct report_build_case *rc,
					 const char *form, struct store_record *out, char **date,
					 bool *found, struct kaigi_error *err)
{
	*found = false;
	*date = NULL;
	if (!rc->c->follows[0])
		return KAIGI_OK;
	struct store_case prev = {0};
	enum kaigi_status s = store_case_get(b->st, rc->c->follows, &prev, err);
	if (s != KAIGI_OK) {
		store_case_clear(&prev);
		/* A follows link to a review deleted since is not an error here. */
		return s == KAIGI_EDATA ? KAIGI_OK : s;
	}
	struct store_record_list refs;
	s = store_record_list(b->st, prev.meeting_id, prev.id, &refs, err);
	if (s != KAIGI_OK) {
		store_case_clear(&prev);
		return s;
	}
	for (size_t i = 0; s == KAIGI_OK && i < refs.n && !*found; i++) {
		if (strcmp(refs.v[i].form, form) != 0)
			continue;
		s = store_record_get(b->st, refs.v[i].id, out, err);
		*found = s == KAIGI_OK;
	}
	if (*found)
		*date = rs_date(prev.meeting_date, b->lang);
	store_record_list_free(&refs);
	store_case_clear(&prev);
	return s;
}

/* "要因：①膝の痛み　②…" for a column whose choices are the items of a list
 * of the same form. */
static void factors_note(const struct report_build *b, const struct store_record *r,
			 const struct schema_form *form, const struct schema_field *col,
			 struct strbuf *note)
{
	const struct schema_choices_from *cf = col->choices_from;
	if (!cf || cf->form)
		return;
	const struct schema_field *list = schema_field_find(form, cf->field);
	if (!list || list->type != SCHEMA_LIST || (list->sensitive && !b->names))
		return;
	const char *lf = cf->label_field ? cf->label_field : list->item_label;
	if (!lf)
		return;
	const char **ids;
	size_t n = report_build_items(r, list->id, &ids);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		char *t = report_build_answer_text(b, r, form, list, ids[i], lf);
		if (!t)
			continue;
		char num[16];
		rs_circled((int)(i + 1), num, sizeof num);
		bool en = strcmp(b->lang, "en") == 0;
		if (!any)
			strbuf_appendf(note, "%s%s%s", note->len ? "\n" : "",
				       schema_label_get(&col->label, b->lang), en ? ": " : "：");
		strbuf_appendf(note, "%s%s%s", any ? (en ? "  " : "　") : "", num, t);
		any = true;
		free(t);
	}
	free(ids);
}

/* Whether a cell of grid g in r that the reader may see is answered. */
static bool grid_answered(const struct report_build *b, const struct store_record *r,
			  const struct schema_form *form, const struct schema_field *g)
{
	for (size_t i = 0; i < g->nrows; i++)
		for (size_t c = 0; c < g->ncolumns; c++) {
			const struct schema_field *col = &g->columns[c];
			if (col->type == SCHEMA_CALCULATE || (col->sensitive && !b->names))
				continue;
			char *t = report_build_answer_text(b, r, form, g, g->rows[i].id, col->id);
			bool any = t != NULL;
			free(t);
			if (any)
				return true;
		}
	return false;
}

enum grid_mode {
	MARK_NONE,
	MARK_PREDICTED, /* second scale column against the first */
	MARK_LAST,      /* the scale column against the previous review */
};

static enum kaigi_status grid_add(struct report_build *b, struct report_build_case *rc, size_t ri,
				  const struct schema_field *g, struct report_section *s,
				  struct kaigi_error *err)
{
	const struct store_record *r = &rc->recs[ri];
	const struct schema_form *form = rc->forms[ri];
	if (b->packet && !grid_answered(b, r, form, g))
		return KAIGI_OK;
	size_t sc[2], nsc = 0;
	for (size_t c = 0; c < g->ncolumns && nsc < 2; c++)
		if (g->columns[c].type == SCHEMA_SCALE && (!g->columns[c].sensitive || b->names))
			sc[nsc++] = c;
	struct store_record prev = {0};
	char *prev_date = NULL;
	bool have_prev = false;
	enum grid_mode mode = nsc >= 2 ? MARK_PREDICTED : MARK_NONE;
	if (nsc == 1) {
		enum kaigi_status st =
		    previous_record(b, rc, form->id, &prev, &prev_date, &have_prev, err);
		if (st != KAIGI_OK)
			return st;
		if (have_prev)
			mode = MARK_LAST;
	}
	bool groups = false;
	for (size_t i = 0; i < g->nrows; i++)
		groups |= *schema_label_get(&g->rows[i].group, b->lang) != '\0';

	/* Lay out the columns: [group] label, then the grid's columns with
	 * 前回 before the compared one and the mark after it. */
	enum { K_GROUP, K_LABEL, K_CELL, K_PREV, K_MARK };
	struct {
		int kind;
		size_t col;
	} lay[48];
	size_t n = 0;
	if (groups)
		lay[n++].kind = K_GROUP;
	lay[n++].kind = K_LABEL;
	size_t mark_after = mode == MARK_PREDICTED ? sc[1] : mode == MARK_LAST ? sc[0] : (size_t)-1;
	for (size_t c = 0; c < g->ncolumns && n < 45; c++) {
		const struct schema_field *col = &g->columns[c];
		if (col->type == SCHEMA_CALCULATE || (col->sensitive && !b->names))
			continue;
		if (mode == MARK_LAST && c == sc[0]) {
			lay[n].kind = K_PREV;
			lay[n++].col = c;
		}
		lay[n].kind = K_CELL;
		lay[n++].col = c;
		if (c == mark_after)
			lay[n++].kind = K_MARK;
	}

	const char *title = schema_label_get(&form->title, b->lang);
	struct report_block *t = report_table_add(s, title, n);
	t->table.grid = true;
	for (size_t k = 0; k < n; k++) {
		const struct schema_field *col =
		    lay[k].kind == K_CELL || lay[k].kind == K_PREV ? &g->columns[lay[k].col] : NULL;
		switch (lay[k].kind) {
		case K_GROUP:
			report_col_set(t, k, rs(RS_GROUP, b->lang), 1, true, true);
			break;
		case K_LABEL:
			report_col_set(t, k, rs(RS_ACTIVITY, b->lang), 3, false, false);
			break;
		case K_PREV:
			report_col_set(t, k, rs(RS_LAST_TIME, b->lang), 1, true, false);
			break;
		case K_MARK:
			report_col_set(t, k, "↑↓", 1, true, false);
			break;
		default: {
			bool text = col->type == SCHEMA_TEXT || col->type == SCHEMA_LONGTEXT;
			report_col_set(t, k, schema_label_get(&col->label, b->lang), text ? 4 : 1,
				       !text, false);
		}
		}
	}
	for (size_t i = 0; i < g->nrows; i++) {
		const struct schema_grid_row *row = &g->rows[i];
		char *cells[48] = {0};
		bool any = false;
		for (size_t k = 0; k < n; k++) {
			size_t c = lay[k].col;
			if (lay[k].kind == K_CELL)
				cells[k] = g->columns[c].type == SCHEMA_SCALE
					       ? scale_text(b, r, form, g, row, c)
					       : report_build_answer_text(b, r, form, g, row->id,
									  g->columns[c].id);
			else if (lay[k].kind == K_PREV)
				cells[k] = scale_text(b, &prev, form, g, row, c);
			any |= lay[k].kind == K_CELL && cells[k];
		}
		double now = 0, then = 0;
		bool cmp = false;
		if (mode == MARK_PREDICTED)
			cmp = rating(r, g, row, sc[0], &then) && rating(r, g, row, sc[1], &now);
		else if (mode == MARK_LAST)
			cmp = rating(&prev, g, row, sc[0], &then) && rating(r, g, row, sc[0], &now);
		if (any) {
			size_t rr = report_row_add(t);
			for (size_t k = 0; k < n; k++) {
				const char *v = cells[k];
				if (lay[k].kind == K_GROUP)
					v = schema_label_get(&row->group, b->lang);
				else if (lay[k].kind == K_LABEL)
					v = schema_label_get(&row->label, b->lang);
				else if (lay[k].kind == K_MARK)
					v = cmp && now < then ? "↑" : cmp && now > then ? "↓" : "";
				report_cell_set(t, rr, k, v);
			}
		}
		for (size_t k = 0; k < n; k++)
			free(cells[k]);
	}

	struct strbuf note = STRBUF_INIT;
	const char *hint = schema_label_get(&g->hint, b->lang);
	strbuf_append(&note, hint);
	if (mode == MARK_PREDICTED) {
		strbuf_appendf(&note, "%s%s", note.len ? "\n" : "",
			       rs(RS_MARKS_PREDICTED, b->lang));
	} else if (mode == MARK_LAST) {
		strbuf_appendf(&note, "%s", note.len ? "\n" : "");
		strbuf_appendf(&note, rs(RS_MARKS_LAST_FMT, b->lang), prev_date);
	}
	for (size_t k = 0; k < n; k++)
		if (lay[k].kind == K_CELL)
			factors_note(b, r, form, &g->columns[lay[k].col], &note);
	t->table.note = note.len ? strbuf_take(&note) : NULL;
	strbuf_free(&note);
	free(prev_date);
	store_record_clear(&prev);
	return KAIGI_OK;
}

enum kaigi_status report_build_grids_add(struct report_build *b, struct report_build_case *rc,
					 struct report_section *s, struct kaigi_error *err)
{
	struct report_case_at at = {0};
	for (const struct schema_field *f; (f = report_build_case_field_next(rc, &at));) {
		if (f->type != SCHEMA_GRID || (f->sensitive && !b->names))
			continue;
		enum kaigi_status st = grid_add(b, rc, at.rec, f, s, err);
		if (st != KAIGI_OK)
			return st;
	}
	return KAIGI_OK;
}
