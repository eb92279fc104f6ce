// SPDX-License-Identifier: MIT
/*
 * ui_form_draw.c — drawing a page of fields (see ui_form.h): labels and
 * values row by row, scrolled so that the focused row shows whole, the
 * long-text editor over the page, the status-line hint of the focused field.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_field.h"
#include "ui_form.h"
#include "ui_widget.h"

#define LONG_PREVIEW_LINES 3

static int label_width(struct ui *ui, const struct ui_form *fm, int w)
{
	int lw = 8;
	for (size_t i = 0; i < fm->nfields; i++) {
		int x = (int)utf8_width(ui_field_label(ui, &fm->fields[i])) + 1;
		if (x > lw)
			lw = x;
	}
	int max = w * 2 / 5;
	return lw > max ? max : lw;
}

/* Screen lines of a field row's value (long text shows a few lines). */
static int field_lines(struct ui *ui, struct ui_form *fm, const struct ui_row *row, int vw,
		       struct utf8_lines *out)
{
	char *shown;
	const struct store_draft *d = ui_form_draft_of(fm, row->f);
	if (d) {
		/* Typed text not saved (yet): shown in place, marked. */
		shown = xasprintf("%s%s", d->refused ? _("[not valid] ") : _("[draft] "), d->text);
	} else {
		struct kaigi_value v = {0};
		ui_form_value(fm, row->f, &v);
		shown = ui_field_show(ui, fm->src.rec, fm->list, row->f, NULL, 0, &v);
		kaigi_value_clear(&v);
	}
	out->v = NULL;
	out->n = 0;
	if ((ui_widget_of(row->f)->flags & UI_W_MULTILINE) && *shown)
		ui_wrap(shown, vw, out);
	else {
		out->v = xmalloc(sizeof *out->v);
		out->v[0] = shown;
		out->n = 1;
		return 1;
	}
	free(shown);
	int n = (int)out->n;
	return n < 1 ? 1 : n > LONG_PREVIEW_LINES ? LONG_PREVIEW_LINES : n;
}

/* The message under row i: why its answer was refused (now, or when it
 * was kept as a draft), or NULL. */
static const char *row_err(const struct ui_form *fm, size_t i)
{
	if (i != fm->cur)
		return NULL;
	if (fm->err[0])
		return fm->err;
	const struct ui_row *row = &fm->rows[i];
	if (row->kind != UI_ROW_FIELD)
		return NULL;
	const struct store_draft *d = ui_form_draft_of(fm, row->f);
	return d && d->refused && d->reason && *d->reason ? d->reason : NULL;
}

#define ERR_LINES 3

/* Lines of a refusal under a field, wrapped to w (the reason and its
 * example are read whole). */
static int err_height(const char *err, int w)
{
	struct utf8_lines l = {0};
	ui_wrap(err, w > 4 ? w : 4, &l);
	int n = (int)l.n;
	utf8_lines_free(&l);
	return n < 1 ? 1 : n > ERR_LINES ? ERR_LINES : n;
}

static void put_err(struct ui *ui, int y, int x, int w, int maxh, const char *err)
{
	struct utf8_lines l = {0};
	ui_wrap(err, w > 4 ? w : 4, &l);
	for (int j = 0; j < (int)l.n && j < ERR_LINES && j < maxh; j++)
		ui_put_cut(y + j, x, w, l.v[j], ui_attr(ui, UI_A_ERROR), false);
	utf8_lines_free(&l);
}

static int row_height(struct ui *ui, struct ui_form *fm, size_t i, int vw, int avail)
{
	const struct ui_row *row = &fm->rows[i];
	int h = 1;
	const struct ui_widget *w = ui_widget_of(row->f);
	if (w->height) {
		h = w->height(row->f, avail);
	} else if (w->flags & UI_W_MULTILINE) {
		struct utf8_lines l;
		h = field_lines(ui, fm, row, vw, &l);
		utf8_lines_free(&l);
	}
	const char *err = row_err(fm, i);
	if (err)
		h += row->kind == UI_ROW_FIELD ? err_height(err, vw) : 1;
	return h;
}

static void draw_area(struct ui *ui, struct ui_form *fm, struct ui_rect r)
{
	ui_clear_rect(r, (int)A_NORMAL);
	ui_put_cut(r.y, r.x, r.w, ui_field_label(ui, fm->ef), ui_attr(ui, UI_A_HEADING), false);
	int h = r.h - 2;
	if (fm->err[0]) {
		int eh = err_height(fm->err, r.w);
		h = r.h - 1 - eh;
		put_err(ui, r.y + r.h - eh, r.x, r.w, eh, fm->err);
	} else {
		const char *hint = schema_label_get(&fm->ef->hint, ui->lang);
		ui_put_cut(r.y + r.h - 1, r.x, r.w, hint, ui_attr(ui, UI_A_DIM), false);
	}
	ui_text_draw_area(&fm->text, r.y + 1, r.x, h, r.w, (int)A_NORMAL);
}

static void draw_field(struct ui *ui, struct ui_form *fm, size_t i, int y, int x, int w, int lw,
		       int maxh, bool focused)
{
	const struct ui_row *row = &fm->rows[i];
	bool here = i == fm->cur;
	int la = here && focused ? ui_attr(ui, UI_A_CURSOR) : ui_attr(ui, UI_A_LABEL);
	ui_put_cut(y, x, lw, ui_field_label(ui, row->f), la, true);
	int vx = x + lw + 1, vw = w - lw - 1;
	if (here && fm->mode == UI_FORM_LINE && fm->etop == fm->list && fm->ef == row->f) {
		if (fm->err[0] && maxh > 1)
			put_err(ui, y + 1, vx, vw, maxh - 1, fm->err);
		/* Last: the editor places the cursor. */
		ui_text_draw_line(&fm->text, y, vx, vw, (int)A_UNDERLINE);
		return;
	}
	struct utf8_lines l;
	int n = field_lines(ui, fm, row, vw, &l);
	int va =
	    ui_widget_of(row->f)->flags & UI_W_COMPUTED ? ui_attr(ui, UI_A_DIM) : (int)A_NORMAL;
	const struct store_draft *d = ui_form_draft_of(fm, row->f);
	if (d)
		va = d->refused ? ui_attr(ui, UI_A_ERROR) : ui_attr(ui, UI_A_WARN);
	for (int j = 0; j < n && j < maxh; j++) {
		bool more = j == n - 1 && (size_t)n < l.n;
		if (more)
			ui_put_cut(y + j, vx, vw, "…", va, false);
		else
			ui_put_cut(y + j, vx, vw, j < (int)l.n ? l.v[j] : "", va, false);
	}
	utf8_lines_free(&l);
	const char *err = row_err(fm, i);
	if (err && n < maxh)
		put_err(ui, y + n, vx, vw, maxh - n, err);
}

void ui_form_draw(struct ui *ui, struct ui_form *fm, struct ui_rect r, bool focused)
{
	if (fm->mode == UI_FORM_AREA) {
		draw_area(ui, fm, r);
		return;
	}
	if (fm->title) {
		ui_put_cut(r.y, r.x, r.w, fm->title, ui_attr(ui, UI_A_HEADING), false);
		r.y++;
		r.h--;
	}
	if (r.h <= 0)
		return;
	if (fm->nrows == 0)
		ui_put_cut(r.y, r.x, r.w, _("(nothing to fill in here now)"), ui_attr(ui, UI_A_DIM),
			   false);
	int lw = label_width(ui, fm, r.w);
	int vw = r.w - lw - 1;
	/* Scroll so that the focused row shows whole. */
	int at = 0, cur_at = 0, cur_h = 1, total = 0;
	for (size_t i = 0; i < fm->nrows; i++) {
		int h = row_height(ui, fm, i, vw, r.h);
		if (i == fm->cur) {
			cur_at = at;
			cur_h = h;
		}
		at += h;
	}
	total = at;
	if (cur_at < fm->top)
		fm->top = cur_at;
	if (cur_at + cur_h > fm->top + r.h)
		fm->top = cur_at + cur_h - r.h;
	if (fm->top > 0 && total - fm->top < r.h)
		fm->top = total > r.h ? total - r.h : 0;
	struct ui_host host = ui_form_host(fm);
	at = 0;
	for (size_t i = 0; i < fm->nrows; i++) {
		int h = row_height(ui, fm, i, vw, r.h);
		int y = r.y + at - fm->top;
		at += h;
		if (y + h <= r.y || y >= r.y + r.h)
			continue;
		if (y < r.y)
			continue; /* a partly hidden row is not drawn */
		int maxh = r.y + r.h - y;
		const struct ui_row *row = &fm->rows[i];
		bool here = i == fm->cur;
		int attr = here && focused ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		switch (row->kind) {
		case UI_ROW_FIELD:
			draw_field(ui, fm, i, y, r.x, r.w, lw, maxh, focused);
			break;
		default:
			/* A row of its own (a grid, a list's rows): its widget. */
			ui_widget_of(row->f)->draw(
			    ui, &host, row, (struct ui_rect){y, r.x, h < maxh ? h : maxh, r.w},
			    attr, focused && here);
			if (row->kind != UI_ROW_GRID && row_err(fm, i) && maxh > 1)
				ui_put_cut(y + 1, r.x + 2, r.w - 2, row_err(fm, i),
					   ui_attr(ui, UI_A_ERROR), false);
			break;
		}
	}
	if (fm->top > 0)
		ui_put(r.y, r.x + r.w - 1, 1, "↑", ui_attr(ui, UI_A_DIM), false);
	if (total - fm->top > r.h)
		ui_put(r.y + r.h - 1, r.x + r.w - 1, 1, "↓", ui_attr(ui, UI_A_DIM), false);
}

void ui_form_hint(struct ui *ui, const struct ui_form *fm, char *buf, size_t size)
{
	buf[0] = '\0';
	if (fm->cur >= fm->nrows)
		return;
	const struct ui_row *row = &fm->rows[fm->cur];
	const struct schema_field *f = row->f;
	if (row->kind == UI_ROW_GRID && fm->grid.gr < f->nrows && fm->grid.gc < f->ncolumns) {
		const struct schema_field *c = &f->columns[fm->grid.gc];
		const char *hint = schema_label_get(&c->hint, ui->lang);
		snprintf(buf, size, "%s / %s%s%s",
			 schema_label_get(&f->rows[fm->grid.gr].label, ui->lang),
			 schema_label_get(&c->label, ui->lang), *hint ? " — " : "", hint);
		return;
	}
	const char *hint = schema_label_get(&f->hint, ui->lang);
	const char *label = schema_label_get(&f->label, ui->lang);
	snprintf(buf, size, "%s%s%s%s", label, f->required ? _(" (required)") : "",
		 *hint ? " — " : "", hint);
	const struct ui_widget *w = ui_widget_of(f);
	if (w->typing_hint && fm->mode == UI_FORM_LINE)
		snprintf(buf, size, "%s — %s", label, _(w->typing_hint));
}
