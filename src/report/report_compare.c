// SPDX-License-Identifier: MIT
/*
 * report_compare.c — what a follow-up case adds to the summary: its
 * ADL/IADL grids compared with the review it follows, row by row (改善 /
 * 維持 / 悪化, store_compare_cases), the evaluation of the short-term goals
 * (評価表), and the actions agreed before with their status now.
 *
 * A case that follows no review adds nothing here.  Rows answered on one
 * side only, or "not applicable" (a choice marked `na: true`), are listed
 * with a dash for the change: they are not counted either way.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/followup.h"
#include "kaigi/xalloc.h"
#include "report_build.h"

static const char *word(const struct report_build *b, const char *ja, const char *en)
{
	return strcmp(b->lang, "en") == 0 ? en : ja;
}

const char *report_build_change_word(const struct report_build *b, enum store_change c)
{
	switch (c) {
	case STORE_CHANGE_BETTER:
		return word(b, "↑ 改善", "↑ better");
	case STORE_CHANGE_SAME:
		return word(b, "→ 維持", "→ same");
	case STORE_CHANGE_WORSE:
		return word(b, "↓ 悪化", "↓ worse");
	default:
		return NULL;
	}
}

/* The change, or — where the two could not be compared. */
static const char *change_text(const struct report_build *b, enum store_change c)
{
	const char *w = report_build_change_word(b, c);
	return w ? w : "—";
}

static void grid_table(struct report_build *b, const struct store_compare *cmp,
		       const struct store_grid_compare *gc, struct report_section *s)
{
	const struct schema_field *g = gc->grid;
	if (gc->nrows == 0 || (g->sensitive && !b->names) ||
	    (g->columns[gc->col].sensitive && !b->names))
		return;
	char *then = rs_date_short(cmp->earlier_date ? cmp->earlier_date : "", b->lang);
	char *title =
	    xasprintf(word(b, "前回（%s）との比較：%s", "Compared with last time (%s): %s"), then,
		      schema_label_get(&gc->form->title, b->lang));
	struct report_block *t = report_table_add(s, title, 4);
	free(title);
	t->table.grid = true;
	report_col_set(t, 0, rs(RS_ACTIVITY, b->lang), 3, false, false);
	report_col_set(t, 1, rs(RS_LAST_TIME, b->lang), 1, true, false);
	report_col_set(t, 2, word(b, "今回", "Now"), 1, true, false);
	report_col_set(t, 3, rs(RS_CHANGE, b->lang), 1, true, false);
	for (size_t i = 0; i < gc->nrows; i++) {
		const struct store_change_row *cr = &gc->rows[i];
		char *a = schema_cell_code(g, cr->row, gc->col, &cr->before, b->lang);
		char *z = schema_cell_code(g, cr->row, gc->col, &cr->after, b->lang);
		size_t r = report_row_add(t);
		report_cell_set(t, r, 0, schema_label_get(&cr->row->label, b->lang));
		report_cell_set(t, r, 1, a);
		report_cell_set(t, r, 2, z);
		report_cell_set(t, r, 3, change_text(b, cr->change));
		free(a);
		free(z);
	}
	size_t none = gc->nrows - gc->better - gc->same - gc->worse;
	char *note =
	    xasprintf(word(b,
			   "「%s」を前回（%s）と比べて：改善 %zu・維持 %zu・悪化 %zu"
			   "（比較できない項目 %zu）",
			   "%s against last time (%s): %zu better, %zu the same, %zu worse "
			   "(%zu not comparable)"),
		      schema_label_get(&g->columns[gc->col].label, b->lang), then, gc->better,
		      gc->same, gc->worse, none);
	t->table.note = note;
	free(then);
}

/* The label of an action status value, from a form whose `actions` list
 * offers it. */
static const char *status_label(const struct report_build *b, const char *value)
{
	for (size_t i = 0; value && i < b->forms->nforms; i++) {
		const struct schema_field *l =
		    schema_field_find(b->forms->forms[i], KAIGI_FIELD_ACTIONS);
		const struct schema_field *sf = l && l->type == SCHEMA_LIST
						    ? schema_subfield_find(l, KAIGI_FIELD_STATUS)
						    : NULL;
		int k = sf && sf->choices ? schema_choice_find(sf->choices, value) : -1;
		if (k >= 0)
			return schema_label_get(&sf->choices->v[k].label, b->lang);
	}
	return value;
}

static enum kaigi_status actions_table(struct report_build *b, struct report_build_case *rc,
				       struct report_section *s, struct kaigi_error *err)
{
	/* A town that marks its actions personal keeps them out here too. */
	for (size_t i = 0; !b->names && i < b->forms->nforms; i++) {
		const struct schema_field *l =
		    schema_field_find(b->forms->forms[i], KAIGI_FIELD_ACTIONS);
		const struct schema_field *who =
		    l ? schema_subfield_find(l, KAIGI_FIELD_WHO) : NULL;
		const struct schema_field *what =
		    l ? schema_subfield_find(l, KAIGI_FIELD_WHAT) : NULL;
		if (l && (l->sensitive || (who && who->sensitive) || (what && what->sensitive)))
			return KAIGI_OK;
	}
	struct store_action_list al;
	enum kaigi_status st = store_followup_actions(b->st, rc->c->id, &al, err);
	if (st != KAIGI_OK)
		return st;
	if (al.n) {
		struct report_block *t =
		    report_table_add(s,
				     word(b, "前回までの役割分担と現在の状況",
					  "Actions agreed before, and their status now"),
				     5);
		report_col_set(t, 0, word(b, "検討日", "Agreed"), 2, true, false);
		report_col_set(t, 1, rs(RS_WHO, b->lang), 3, false, false);
		report_col_set(t, 2, rs(RS_WHAT, b->lang), 6, false, false);
		report_col_set(t, 3, rs(RS_DUE, b->lang), 2, false, false);
		report_col_set(t, 4, rs(RS_STATUS, b->lang), 2, true, false);
		for (size_t i = 0; i < al.n; i++) {
			const struct store_action *a = &al.v[i];
			char *agreed =
			    rs_date_short(a->meeting_date ? a->meeting_date : "", b->lang);
			char *due = a->due ? rs_date_short(a->due, b->lang) : NULL;
			size_t r = report_row_add(t);
			report_cell_set(t, r, 0, agreed);
			report_cell_set(t, r, 1, a->who);
			report_cell_set(t, r, 2, a->what);
			report_cell_set(t, r, 3, due);
			report_cell_set(t, r, 4, status_label(b, a->status));
			free(agreed);
			free(due);
		}
	}
	store_action_list_free(&al);
	return KAIGI_OK;
}

/* The evaluation of each short-term goal (評価表), when the case has one. */
static void evaluations_table(struct report_build *b, struct report_build_case *rc,
			      struct report_section *s)
{
	const struct store_record *r;
	const struct schema_field *f = report_build_find(rc, KAIGI_FIELD_EVALUATIONS, &r);
	if (!f || f->type != SCHEMA_LIST || (f->sensitive && !b->names))
		return;
	const struct schema_form *form = rc->forms[r - rc->recs];
	const char **ids;
	size_t n = report_build_items(r, f->id, &ids);
	const char *cols[] = {KAIGI_FIELD_GOAL, KAIGI_FIELD_RESULT, "comment"};
	const unsigned weights[] = {5, 3, 5};
	struct report_block *t = report_table_add(s, schema_label_get(&f->label, b->lang), 3);
	for (size_t c = 0; c < 3; c++) {
		const struct schema_field *sf = schema_subfield_find(f, cols[c]);
		report_col_set(t, c, sf ? schema_label_get(&sf->label, b->lang) : cols[c],
			       weights[c], false, false);
	}
	for (size_t i = 0; i < n; i++) {
		size_t row = report_row_add(t);
		for (size_t c = 0; c < 3; c++) {
			char *v = schema_subfield_find(f, cols[c])
				      ? report_build_answer_text(b, r, form, f, ids[i], cols[c])
				      : NULL;
			report_cell_set(t, row, c, v);
			free(v);
		}
	}
	free(ids);
}

enum kaigi_status report_build_followup_add(struct report_build *b, struct report_build_case *rc,
					    struct report_section *s, struct kaigi_error *err)
{
	if (!rc->c->follows[0])
		return KAIGI_OK;
	struct store_compare cmp;
	enum kaigi_status st = store_compare_cases(b->st, rc->c->follows, rc->c->id, &cmp, err);
	if (st == KAIGI_EDATA) /* the review followed was deleted since */
		return KAIGI_OK;
	if (st != KAIGI_OK)
		return st;
	for (size_t i = 0; i < cmp.ngrids; i++)
		grid_table(b, &cmp, &cmp.grids[i], s);
	store_compare_clear(&cmp);
	evaluations_table(b, rc, s);
	return actions_table(b, rc, s, err);
}
