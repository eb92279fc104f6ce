// SPDX-License-Identifier: MIT
/*
 * ui_grid.c — a grid field (the ADL/IADL sheets): a table moved through
 * with the arrow keys, where one key sets a rating.
 *
 * A digit picks the n-th choice of the cell's own scale — the row's
 * override when it has one (the national sheet's 支障なし/支障あり rows) —
 * and moves down, so a column is rated in one pass.  Typing the rating's
 * symbol then its digit (〇 1, △ 2, × 1) picks the choice whose label it
 * spells.  Calculated columns (↑) are shown, never entered; cells marked
 * not applicable are skipped by the editors.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_field.h"
#include "ui_grid.h"

#define GROUP_W 5

int ui_grid_height(const struct schema_field *grid, int avail)
{
	int h = (int)grid->nrows + 1;
	return h < avail ? h : (avail > 2 ? avail : 2);
}

static bool has_groups(const struct ui *ui, const struct schema_field *g)
{
	for (size_t i = 0; i < g->nrows; i++)
		if (*schema_label_get(&g->rows[i].group, ui->lang))
			return true;
	return false;
}

/* Column widths: label column, then each grid column; text columns share
 * what is left. */
static void widths(struct ui *ui, const struct schema_field *g, int w, int *gw, int *lw, int *cw)
{
	*gw = has_groups(ui, g) ? GROUP_W : 0;
	*lw = 6;
	for (size_t i = 0; i < g->nrows; i++) {
		int x = (int)utf8_width(schema_label_get(&g->rows[i].label, ui->lang)) + 1;
		if (x > *lw)
			*lw = x;
	}
	if (*lw > w / 4)
		*lw = w / 4;
	int used = *gw + *lw, ntext = 0;
	for (size_t c = 0; c < g->ncolumns; c++) {
		const struct schema_field *col = &g->columns[c];
		int x = (int)utf8_width(schema_label_get(&col->label, ui->lang)) + 1;
		if (col->type == SCHEMA_TEXT || col->type == SCHEMA_LONGTEXT) {
			cw[c] = 0;
			ntext++;
			continue;
		}
		if (col->type == SCHEMA_SELECT_MULTIPLE && x < 10)
			x = 10;
		if (x < 4)
			x = 4;
		if (x > 14)
			x = 14;
		cw[c] = x;
		used += x;
	}
	int left = w - used;
	for (size_t c = 0; c < g->ncolumns; c++)
		if (cw[c] == 0)
			cw[c] = ntext ? (left / ntext > 4 ? left / ntext : 4) : 4;
}

static bool editable(const struct schema_field *g, size_t r, size_t c)
{
	if (g->columns[c].type == SCHEMA_CALCULATE)
		return false;
	return !(g->rows[r].na && g->rows[r].na[c]);
}

/* Item numbers picked from a list (the national sheet's 要因 ①–⑥), as
 * circled digits: the labels would not fit a cell. */
static char *circled(const struct kaigi_value *v)
{
	char *raw = kaigi_value_to_text(v);
	struct strbuf b = STRBUF_INIT;
	char *save = NULL;
	for (char *t = strtok_r(raw, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		long n = atol(t);
		if (n >= 1 && n <= 20) {
			/* U+2460 CIRCLED DIGIT ONE onwards. */
			unsigned cp = 0x2460 + (unsigned)(n - 1);
			char u[4] = {(char)(0xe0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3f)),
				     (char)(0x80 | (cp & 0x3f)), 0};
			strbuf_append(&b, u);
		} else {
			strbuf_appendf(&b, "%s%s", b.len ? " " : "", t);
		}
	}
	free(raw);
	return b.s ? strbuf_take(&b) : xstrdup("");
}

/* A choice label short enough for a cell: up to its first space when the
 * whole label does not fit ("〇1 independent, easy" → "〇1"). */
static void put_cell(int y, int x, int w, const char *text, int attr)
{
	if ((int)utf8_width(text) > w) {
		const char *sp = strchr(text, ' ');
		if (sp) {
			char *head = xstrndup(text, (size_t)(sp - text));
			ui_put_cut(y, x, w, head, attr, true);
			free(head);
			return;
		}
	}
	ui_put_cut(y, x, w, text, attr, true);
}

void ui_grid_draw(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
		  const struct schema_field *g, struct ui_rect r, bool focused)
{
	int cw[64];
	int gw, lw;
	if (g->ncolumns > 64)
		return;
	widths(ui, g, r.w, &gw, &lw, cw);
	int head = ui_attr(ui, UI_A_HEADING);
	ui_put_cut(r.y, r.x, gw + lw, schema_label_get(&g->label, ui->lang), head, true);
	int x = r.x + gw + lw;
	for (size_t c = 0; c < g->ncolumns && x < r.x + r.w; c++) {
		ui_put_cut(r.y, x, cw[c] - 1, schema_label_get(&g->columns[c].label, ui->lang),
			   head, true);
		x += cw[c];
	}
	int rows = r.h - 1;
	if (rows < 1)
		return;
	ui_cursor_clamp(&s->gr, g->nrows);
	ui_cursor_show(s->gr, &s->gtop, rows);
	const char *last_group = NULL;
	for (int i = 0; i < rows && s->gtop + (size_t)i < g->nrows; i++) {
		size_t ri = s->gtop + (size_t)i;
		const struct schema_grid_row *row = &g->rows[ri];
		int y = r.y + 1 + i;
		const char *group = schema_label_get(&row->group, ui->lang);
		if (gw && (!last_group || strcmp(group, last_group) != 0 || i == 0))
			ui_put_cut(y, r.x, gw - 1, group, ui_attr(ui, UI_A_DIM), false);
		last_group = group;
		bool row_here = focused && ri == s->gr;
		ui_put_cut(y, r.x + gw, lw - 1, schema_label_get(&row->label, ui->lang),
			   row_here ? (int)A_BOLD : (int)A_NORMAL, true);
		x = r.x + gw + lw;
		for (size_t c = 0; c < g->ncolumns && x < r.x + r.w; c++) {
			int w = cw[c] - 1;
			if (x + w > r.x + r.w)
				w = r.x + r.w - x;
			bool here = row_here && c == s->gc;
			const struct schema_field *col = &g->columns[c];
			int a = here ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
			struct ui_text *typing = here ? h->typing(h, g, ri, c) : NULL;
			if (typing) {
				ui_text_draw_line(typing, y, x, w, (int)A_UNDERLINE);
			} else if (row->na && row->na[c]) {
				ui_put(y, x, w, "·", here ? a : ui_attr(ui, UI_A_DIM), true);
			} else {
				struct kaigi_value v = {0};
				if (h->rec)
					ui_rec_eval(h->rec, g, col, row->id, &v);
				char *shown = col->choices_from && !col->choices_from->form
						  ? circled(&v)
						  : ui_field_show(ui, h->rec, g, col, row, c, &v);
				kaigi_value_clear(&v);
				if (here && s->gprefix[0] && !*shown) {
					free(shown);
					shown = xasprintf("%s…", s->gprefix);
				}
				put_cell(y, x, w, shown,
					 col->type == SCHEMA_CALCULATE
					     ? (here ? a : ui_attr(ui, UI_A_OK))
					     : a);
				free(shown);
			}
			x += cw[c];
		}
	}
	if (s->gtop > 0)
		ui_put(r.y + 1, r.x + r.w - 1, 1, "↑", ui_attr(ui, UI_A_DIM), false);
	if (s->gtop + (size_t)rows < g->nrows)
		ui_put(r.y + r.h - 1, r.x + r.w - 1, 1, "↓", ui_attr(ui, UI_A_DIM), false);
}

static void cell_save(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
		      const struct schema_field *g, const char *text)
{
	h->save(ui, h, g->id, g->rows[s->gr].id, g->columns[s->gc].id, text);
}

/* The next column that can be entered from gc in direction dir (dir 0:
 * gc itself if it can), or -1. */
static long next_col(const struct schema_field *g, size_t gc, int dir)
{
	if (dir == 0)
		return gc < g->ncolumns && g->columns[gc].type != SCHEMA_CALCULATE ? (long)gc : -1;
	for (long c = (long)gc + dir; c >= 0 && c < (long)g->ncolumns; c += dir)
		if (g->columns[c].type != SCHEMA_CALCULATE)
			return c;
	return -1;
}

/* A digit: the n-th choice, or with a symbol typed before it, the choice
 * whose label starts with symbol + digit. */
static bool rate(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
		 const struct schema_field *g, char digit)
{
	struct ui_choices ch;
	ui_field_choices(ui, h->rec, g, &g->columns[s->gc], &g->rows[s->gr], s->gc, &ch);
	const char *value = NULL;
	if (s->gprefix[0]) {
		char want[16];
		snprintf(want, sizeof want, "%s%c", s->gprefix, digit);
		for (size_t i = 0; i < ch.n && !value; i++)
			if (strncmp(ch.v[i].label, want, strlen(want)) == 0)
				value = ch.v[i].value;
	} else if (digit >= '1' && digit <= '9' && (size_t)(digit - '0') <= ch.n) {
		value = ch.v[digit - '1'].value;
	}
	s->gprefix[0] = '\0';
	bool ok = false;
	if (value) {
		char *v = xstrdup(value);
		cell_save(ui, h, s, g, v);
		free(v);
		ok = true;
	} else {
		ui_msg(ui, UI_MSG_WARN, _("No such choice here (this row has %zu)"), ch.n);
	}
	ui_choices_free(&ch);
	return ok;
}

unsigned ui_grid_contexts(const struct ui_grid_state *s, const struct schema_field *g)
{
	if (s->gc >= g->ncolumns || s->gr >= g->nrows || !editable(g, s->gr, s->gc))
		return 0;
	/* A cell typed into takes every character as text. */
	return ui_field_is_choice(&g->columns[s->gc]) ? 0 : UI_CTX_TYPEABLE;
}

enum ui_form_out ui_grid_key(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
			     const struct schema_field *g, const struct ui_key *k)
{
	if (g->nrows == 0 || g->ncolumns == 0)
		return UI_FORM_UNHANDLED;
	if (s->gc >= g->ncolumns)
		s->gc = 0;
	if (s->gr >= g->nrows)
		s->gr = g->nrows - 1;
	if (next_col(g, s->gc, 0) < 0) {
		long c = next_col(g, s->gc, 1);
		if (c < 0)
			c = next_col(g, s->gc, -1);
		if (c >= 0)
			s->gc = (size_t)c;
	}
	const struct schema_field *col = &g->columns[s->gc];
	const struct schema_grid_row *row = &g->rows[s->gr];
	if (k->act != UI_ACT_CHAR && k->act != UI_ACT_SET)
		s->gprefix[0] = '\0';
	switch (k->act) {
	case UI_ACT_UP:
		if (s->gr == 0)
			return UI_FORM_UNHANDLED;
		s->gr--;
		return UI_FORM_HANDLED;
	case UI_ACT_DOWN:
		if (s->gr + 1 >= g->nrows)
			return UI_FORM_UNHANDLED;
		s->gr++;
		return UI_FORM_HANDLED;
	case UI_ACT_PGUP:
	case UI_ACT_PGDN:
	case UI_ACT_HOME:
	case UI_ACT_END:
		ui_cursor_move(&s->gr, g->nrows, k->act,
			       (struct ui_cursor_keys){.ends = true, .page = 8});
		return UI_FORM_HANDLED;
	case UI_ACT_LEFT:
	case UI_ACT_RIGHT: {
		long c = next_col(g, s->gc, k->act == UI_ACT_LEFT ? -1 : 1);
		if (c < 0)
			return k->act == UI_ACT_LEFT ? UI_FORM_EXIT_LEFT : UI_FORM_HANDLED;
		s->gc = (size_t)c;
		return UI_FORM_HANDLED;
	}
	case UI_ACT_NEXT:
	case UI_ACT_PREV: {
		int dir = k->act == UI_ACT_NEXT ? 1 : -1;
		long c = next_col(g, s->gc, dir);
		if (c < 0) {
			/* On to the next row, from its first (last) cell. */
			if ((dir > 0 && s->gr + 1 >= g->nrows) || (dir < 0 && s->gr == 0))
				return UI_FORM_UNHANDLED;
			s->gr = dir > 0 ? s->gr + 1 : s->gr - 1;
			c = next_col(g, dir > 0 ? 0 : g->ncolumns - 1, 0);
			if (c < 0)
				c = next_col(g, dir > 0 ? 0 : g->ncolumns - 1, dir > 0 ? 1 : -1);
		}
		if (c >= 0)
			s->gc = (size_t)c;
		return UI_FORM_HANDLED;
	}
	case UI_ACT_EDIT:
	case UI_ACT_CLEAR:
		if (!editable(g, s->gr, s->gc)) {
			ui_msg(ui, UI_MSG_INFO, "%s", _("This cell does not apply to this row."));
			return UI_FORM_HANDLED;
		}
		if (!ui_writable(ui))
			return UI_FORM_HANDLED;
		if (k->act == UI_ACT_CLEAR) {
			cell_save(ui, h, s, g, "");
			return UI_FORM_HANDLED;
		}
		if (ui_field_is_choice(col)) {
			const struct kaigi_value *v = h->value(h, g->id, row->id, col->id);
			h->choose(ui, h, g, col, row, s->gc, v);
		} else {
			h->edit(ui, h, g, col, row, s->gc, NULL);
		}
		return UI_FORM_HANDLED;
	case UI_ACT_SET: /* a digit: a row of the action table */
	case UI_ACT_CHAR: {
		if (!editable(g, s->gr, s->gc)) {
			ui_msg(ui, UI_MSG_INFO, "%s", _("This cell does not apply to this row."));
			return UI_FORM_HANDLED;
		}
		if (!ui_writable(ui))
			return UI_FORM_HANDLED;
		unsigned char c0 = (unsigned char)k->text[0];
		if (ui_field_is_choice(col)) {
			if (c0 >= '0' && c0 <= '9') {
				if (rate(ui, h, s, g, (char)c0) && s->gr + 1 < g->nrows)
					s->gr++;
			} else if (c0 >= 0x80) {
				snprintf(s->gprefix, sizeof s->gprefix, "%s", k->text);
			} else {
				ui_msg(ui, UI_MSG_INFO, _("\"%s\" does not rate a cell: type 1-9."),
				       k->text);
			}
			return UI_FORM_HANDLED;
		}
		/* A text or number cell: the character is text. */
		h->edit(ui, h, g, col, row, s->gc, k->text);
		return UI_FORM_HANDLED;
	}
	default:
		return UI_FORM_UNHANDLED;
	}
}

void ui_grid_focus_edge(struct ui_grid_state *s, const struct schema_field *g, bool last)
{
	s->gr = last && g->nrows ? g->nrows - 1 : 0;
}
