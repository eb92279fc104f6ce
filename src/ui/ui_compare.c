// SPDX-License-Identifier: MIT
/*
 * ui_compare.c — two reviews' grids side by side, row by row, as the
 * facilitator reads them out at a follow-up: last time, now, and whether
 * the row got better (↑ 改善), stayed (→ 維持) or got worse (↓ 悪化).  The
 * comparison itself is the store's (store_compare_cases), so the screen,
 * the summary and the regional roll-up agree; "not applicable" (a choice
 * marked `na: true`) shows a dash and is not counted.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/followup.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_compare.h"
#include "ui_draw.h"

#define CELL_W   8
#define CHANGE_W 8

/* A rating value as its short code (〇1, 見守り …); "" for none.  Caller
 * frees. */
static char *rating_text(struct ui *ui, const struct schema_field *grid,
			 const struct schema_grid_row *row, size_t col, const struct kaigi_value *v)
{
	char *text = schema_cell_code(grid, row, col, v, ui->lang);
	return text ? text : xstrdup("");
}

/* How a change shows: its word (N_) and the look of its row.  A value not
 * here (not comparable) shows "—", plain. */
static const struct {
	const char *word;
	enum ui_attr attr;
} changes[] = {
    [STORE_CHANGE_BETTER] = {N_("↑ better"), UI_A_OK},
    [STORE_CHANGE_SAME] = {N_("→ same"), UI_A_NORMAL},
    [STORE_CHANGE_WORSE] = {N_("↓ worse"), UI_A_WARN},
};

static const char *change_word(enum store_change c)
{
	size_t i = (size_t)c;
	return i < sizeof changes / sizeof changes[0] && changes[i].word ? _(changes[i].word) : "—";
}

static int change_attr(struct ui *ui, enum store_change c)
{
	size_t i = (size_t)c;
	return i < sizeof changes / sizeof changes[0] && changes[i].attr != UI_A_NORMAL
		   ? ui_attr(ui, changes[i].attr)
		   : (int)A_NORMAL;
}

/* A row: label padded to lw, then the cells padded to their widths. */
static void row_line(struct ui_lines *out, int attr, int lw, const char *label, const char *a,
		     const char *b, const char *c)
{
	struct strbuf s = STRBUF_INIT;
	strbuf_append(&s, "  ");
	utf8_pad(&s, label, (size_t)lw);
	strbuf_append(&s, " ");
	utf8_pad(&s, a, CELL_W);
	strbuf_append(&s, " ");
	utf8_pad(&s, b, CELL_W);
	strbuf_append(&s, " ");
	strbuf_append(&s, c);
	ui_lines_add(out, strbuf_str(&s), attr);
	strbuf_free(&s);
}

void ui_compare_lines(struct ui *ui, const struct store_compare *cmp, int w, struct ui_lines *out)
{
	int lw = w - 2 - 3 - 2 * CELL_W - CHANGE_W;
	if (lw < 8)
		lw = 8;
	size_t rows = 0;
	for (size_t g = 0; g < cmp->ngrids; g++)
		rows += cmp->grids[g].nrows;
	if (rows == 0) {
		ui_lines_add(out, _("No ADL/IADL grid to compare with the review before."),
			     ui_attr(ui, UI_A_DIM));
		ui_lines_add(out, "", (int)A_NORMAL);
	}
	for (size_t g = 0; g < cmp->ngrids; g++) {
		const struct store_grid_compare *gc = &cmp->grids[g];
		if (gc->nrows == 0)
			continue;
		ui_lines_addf(out, ui_attr(ui, UI_A_HEADING), _("Since %s: %s"),
			      cmp->earlier_date ? cmp->earlier_date : "?",
			      schema_label_get(&gc->form->title, ui->lang));
		row_line(out, ui_attr(ui, UI_A_DIM), lw, _("Activity"), _("Last"), _("Now"),
			 _("Change"));
		for (size_t i = 0; i < gc->nrows; i++) {
			const struct store_change_row *cr = &gc->rows[i];
			char *a = rating_text(ui, gc->grid, cr->row, gc->col, &cr->before);
			char *b = rating_text(ui, gc->grid, cr->row, gc->col, &cr->after);
			row_line(out, change_attr(ui, cr->change), lw,
				 schema_label_get(&cr->row->label, ui->lang), a, b,
				 change_word(cr->change));
			free(a);
			free(b);
		}
		size_t none = gc->nrows - gc->better - gc->same - gc->worse;
		ui_lines_addf(out, (int)A_BOLD, _("  %zu better, %zu the same, %zu worse"),
			      gc->better, gc->same, gc->worse);
		if (none)
			ui_lines_addf(out, ui_attr(ui, UI_A_DIM),
				      _("  %zu not compared (not applicable or answered once)"),
				      none);
		ui_lines_add(out, "", (int)A_NORMAL);
	}
}

void ui_ratings_lines(struct ui *ui, const struct ui_rec *recs, size_t nrecs, int w,
		      struct ui_lines *out)
{
	int lw = w - 2 - 2 - 2 * CELL_W;
	if (lw < 8)
		lw = 8;
	for (size_t r = 0; r < nrecs; r++) {
		const struct schema_form *form = recs[r].form;
		for (size_t si = 0; form && si < form->nsections; si++)
			for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
				const struct schema_field *g = &form->sections[si].fields[fi];
				if (g->type != SCHEMA_GRID)
					continue;
				size_t sc[2], n = 0;
				for (size_t c = 0; c < g->ncolumns && n < 2; c++)
					if (g->columns[c].type == SCHEMA_SCALE)
						sc[n++] = c;
				if (!n)
					continue;
				bool head = false;
				for (size_t i = 0; i < g->nrows; i++) {
					const struct schema_grid_row *row = &g->rows[i];
					const struct kaigi_value *v[2] = {NULL, NULL};
					for (size_t k = 0; k < n; k++)
						v[k] = ui_rec_value(&recs[r], g->id, row->id,
								    g->columns[sc[k]].id);
					if (!v[0] && !v[1])
						continue;
					if (!head) {
						ui_lines_addf(
						    out, ui_attr(ui, UI_A_HEADING), "%s",
						    schema_label_get(&form->title, ui->lang));
						row_line(
						    out, ui_attr(ui, UI_A_DIM), lw, _("Activity"),
						    schema_label_get(&g->columns[sc[0]].label,
								     ui->lang),
						    n > 1 ? schema_label_get(
								&g->columns[sc[1]].label, ui->lang)
							  : "",
						    "");
						head = true;
					}
					char *a = rating_text(ui, g, row, sc[0], v[0]);
					char *b = n > 1 ? rating_text(ui, g, row, sc[1], v[1])
							: xstrdup("");
					row_line(out, (int)A_NORMAL, lw,
						 schema_label_get(&row->label, ui->lang), a, b, "");
					free(a);
					free(b);
				}
				if (head)
					ui_lines_add(out, "", (int)A_NORMAL);
			}
	}
}
