// SPDX-License-Identifier: MIT
/*
 * ui_form.c — a page of fields: focus, editors, autosave (see ui_form.h).
 *
 * Leaving a field is saving it.  When the store refuses an answer (a
 * constraint, a wrong date) the field stays open with the reason under it;
 * leaving it again with the same text gives it up and says so, so nothing
 * is ever dropped silently and nobody is trapped in a field.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_date.h"
#include "ui_extedit.h"
#include "ui_field.h"
#include "ui_form.h"
#include "ui_privacy_hint.h"

#define LONG_PREVIEW_LINES 3
#define SELECT_TAG_FIELD   1

void ui_form_init(struct ui_form *fm, struct ui_src src, const struct schema_field *fields,
		  size_t n, const char *title)
{
	memset(fm, 0, sizeof *fm);
	fm->src = src;
	fm->fields = fields;
	fm->nfields = n;
	fm->title = title ? xstrdup(title) : NULL;
	ui_today(fm->today);
}

void ui_form_init_item(struct ui_form *fm, struct ui_src src, const struct schema_field *list,
		       const char *item_id, const char *title)
{
	ui_form_init(fm, src, list->fields, list->nfields, title);
	fm->list = list;
	snprintf(fm->item, sizeof fm->item, "%s", item_id);
}

void ui_form_free(struct ui_form *fm)
{
	free(fm->rows);
	free(fm->title);
	free(fm->failed);
	ui_text_free(&fm->text);
	ui_select_close(&fm->sel);
	ui_undo_clear(&fm->undo);
	memset(fm, 0, sizeof *fm);
}

bool ui_form_editing(const struct ui_form *fm)
{
	return fm->mode != UI_FORM_NAV;
}

/* Path of a plain field of the page. */
static void field_path(const struct ui_form *fm, const struct schema_field *f, const char **field,
		       const char **item, const char **col)
{
	if (fm->list) {
		*field = fm->list->id;
		*item = fm->item;
		*col = f->id;
	} else {
		*field = f->id;
		*item = NULL;
		*col = NULL;
	}
}

/* The value shown for f (calculated ones computed). out: caller clears. */
static void field_value(const struct ui_form *fm, const struct schema_field *f,
			struct kaigi_value *out)
{
	kaigi_value_clear(out);
	if (fm->src.rec && f->type == SCHEMA_CALCULATE) {
		ui_rec_eval(fm->src.rec, fm->list, f, fm->list ? fm->item : NULL, out);
		return;
	}
	const char *field, *item, *col;
	field_path(fm, f, &field, &item, &col);
	const struct kaigi_value *v = fm->src.value(fm->src.ctx, field, item, col);
	if (v)
		kaigi_value_copy(out, v);
}

static bool relevant(const struct ui_form *fm, const struct schema_field *f)
{
	if (!fm->src.rec)
		return true;
	return ui_rec_relevant(fm->src.rec, fm->list, f, fm->list ? fm->item : NULL);
}

static void push_row(struct ui_form *fm, size_t *cap, struct ui_row r)
{
	if (fm->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		fm->rows = xreallocarray(fm->rows, *cap, sizeof *fm->rows);
	}
	fm->rows[fm->nrows++] = r;
}

void ui_form_rebuild(struct ui *ui, struct ui_form *fm)
{
	(void)ui;
	struct ui_row old = {UI_ROW_FIELD, NULL, 0};
	if (fm->cur < fm->nrows)
		old = fm->rows[fm->cur];
	free(fm->rows);
	fm->rows = NULL;
	fm->nrows = 0;
	size_t cap = 0;
	for (size_t i = 0; i < fm->nfields; i++) {
		const struct schema_field *f = &fm->fields[i];
		if (!relevant(fm, f))
			continue;
		if (f->type == SCHEMA_GRID) {
			push_row(fm, &cap, (struct ui_row){UI_ROW_GRID, f, 0});
		} else if (f->type == SCHEMA_LIST) {
			if (!fm->src.rec)
				continue;
			push_row(fm, &cap, (struct ui_row){UI_ROW_LIST, f, 0});
			const struct store_item *items;
			size_t n = ui_rec_items(fm->src.rec, f->id, &items);
			for (size_t j = 0; j < n; j++)
				push_row(fm, &cap, (struct ui_row){UI_ROW_ITEM, f, j});
			push_row(fm, &cap, (struct ui_row){UI_ROW_ADD, f, 0});
		} else {
			push_row(fm, &cap, (struct ui_row){UI_ROW_FIELD, f, 0});
		}
	}
	/* Keep the focus where it was: the same row, else the same field. */
	size_t best = fm->cur < fm->nrows ? fm->cur : (fm->nrows ? fm->nrows - 1 : 0);
	bool exact = false;
	for (size_t i = 0; i < fm->nrows && old.f && !exact; i++) {
		const struct ui_row *r = &fm->rows[i];
		if (r->f != old.f)
			continue;
		if (r->kind == old.kind && r->item == old.item) {
			best = i;
			exact = true;
		} else if (r->kind == UI_ROW_ITEM && old.kind == UI_ROW_ITEM) {
			best = i; /* an item went away: stay in the list */
		}
	}
	fm->cur = best;
}

void ui_form_focus_edge(struct ui_form *fm, bool last)
{
	fm->cur = last && fm->nrows ? fm->nrows - 1 : 0;
	if (fm->nrows && fm->rows[fm->cur].kind == UI_ROW_GRID) {
		const struct schema_field *g = fm->rows[fm->cur].f;
		fm->gr = last && g->nrows ? g->nrows - 1 : 0;
	}
}

bool ui_form_focus_field(struct ui_form *fm, const char *id)
{
	for (size_t i = 0; i < fm->nrows; i++)
		if (strcmp(fm->rows[i].f->id, id) == 0) {
			fm->cur = i;
			return true;
		}
	return false;
}

const char *ui_form_item_id(const struct ui_form *fm)
{
	if (fm->cur >= fm->nrows || fm->rows[fm->cur].kind != UI_ROW_ITEM || !fm->src.rec)
		return NULL;
	const struct store_item *items;
	size_t n = ui_rec_items(fm->src.rec, fm->rows[fm->cur].f->id, &items);
	return fm->rows[fm->cur].item < n ? items[fm->rows[fm->cur].item].id : NULL;
}

unsigned ui_form_contexts(const struct ui_form *fm)
{
	switch (fm->mode) {
	case UI_FORM_LINE:
		return UI_CTX_EDIT;
	case UI_FORM_AREA:
		return UI_CTX_TEXTAREA;
	case UI_FORM_SELECT:
		return UI_CTX_SELECT;
	case UI_FORM_NAV:
		break;
	}
	unsigned c = UI_CTX_NAV | UI_CTX_CMD;
	if (fm->cur < fm->nrows) {
		switch (fm->rows[fm->cur].kind) {
		case UI_ROW_GRID:
			return c | UI_CTX_GRID;
		case UI_ROW_LIST:
		case UI_ROW_ITEM:
		case UI_ROW_ADD:
			return c | UI_CTX_LIST;
		case UI_ROW_FIELD:
			break;
		}
	}
	return c | UI_CTX_FORM;
}

bool ui_form_save(struct ui *ui, struct ui_form *fm, const char *field, const char *item,
		  const char *col, const char *text)
{
	if (!ui_writable(ui))
		return false;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (fm->src.save(fm->src.ctx, field, item, col, text, &err) != KAIGI_OK) {
		snprintf(fm->err, sizeof fm->err, "%s", err.msg);
		if (err.status == KAIGI_EENV)
			ui_msg_error(ui, &err);
		return false;
	}
	fm->err[0] = '\0';
	ui_saved(ui);
	ui_form_rebuild(ui, fm);
	return true;
}

static void set_target(struct ui_form *fm, const struct schema_field *top,
		       const struct schema_field *f, const struct schema_grid_row *row, size_t col)
{
	fm->etop = top;
	fm->ef = f;
	fm->erow = row;
	fm->ecol = col;
}

/* The path the open editor writes to. */
static void target_path(const struct ui_form *fm, const char **field, const char **item,
			const char **col)
{
	if (fm->etop && fm->etop->type == SCHEMA_GRID) {
		*field = fm->etop->id;
		*item = fm->erow->id;
		*col = fm->ef->id;
	} else {
		field_path(fm, fm->ef, field, item, col);
	}
}

void ui_form_open_select(struct ui *ui, struct ui_form *fm, const struct schema_field *top,
			 const struct schema_field *f, const struct schema_grid_row *row,
			 size_t col, const struct kaigi_value *cur)
{
	struct ui_choices c;
	ui_field_choices(ui, fm->src.rec, top, f, row, col, &c);
	if (c.n == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s",
		       f->choices_from
			   ? _("Nothing to choose yet: fill the list it refers to first.")
			   : _("This field has no choices."));
		ui_choices_free(&c);
		return;
	}
	char *now = cur ? kaigi_value_to_text(cur) : xstrdup("");
	char title[512];
	snprintf(title, sizeof title, "%s", schema_label_get(&f->label, ui->lang));
	if (row)
		snprintf(title, sizeof title, "%s — %s", schema_label_get(&row->label, ui->lang),
			 schema_label_get(&f->label, ui->lang));
	ui_select_begin(&fm->sel, title, f->type == SCHEMA_SELECT_MULTIPLE, SELECT_TAG_FIELD);
	for (size_t i = 0; i < c.n; i++) {
		bool on = false;
		char *save = NULL, *copy = xstrdup(now);
		for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
			if (strcmp(t, c.v[i].value) == 0)
				on = true;
		free(copy);
		ui_select_add(&fm->sel, c.v[i].value, c.v[i].label, on);
	}
	free(now);
	ui_choices_free(&c);
	ui_select_show(&fm->sel);
	set_target(fm, top, f, row, col);
	fm->mode = UI_FORM_SELECT;
}

/* Open the editor that suits f; initial is typed text to start with
 * (NULL: the current answer). */
static void begin_edit(struct ui *ui, struct ui_form *fm, const struct schema_field *f,
		       const char *initial)
{
	if (!ui_writable(ui))
		return;
	if (f->type == SCHEMA_CALCULATE) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("This value is calculated from other answers."));
		return;
	}
	struct kaigi_value v = {0};
	field_value(fm, f, &v);
	if (ui_field_is_choice(f)) {
		ui_form_open_select(ui, fm, fm->list, f, NULL, 0, &v);
		kaigi_value_clear(&v);
		return;
	}
	char *now = kaigi_value_to_text(&v);
	kaigi_value_clear(&v);
	bool numeric =
	    f->type == SCHEMA_INTEGER || f->type == SCHEMA_DECIMAL || f->type == SCHEMA_DATE;
	if (initial && numeric) {
		ui_text_set(&fm->text, initial); /* a digit typed on a number replaces it */
	} else {
		ui_text_set(&fm->text, now);
		if (initial) {
			strbuf_append(&fm->text.b, initial);
			fm->text.cur = fm->text.b.len;
		}
	}
	free(now);
	free(fm->failed);
	fm->failed = NULL;
	set_target(fm, fm->list, f, NULL, 0);
	fm->mode = f->type == SCHEMA_LONGTEXT ? UI_FORM_AREA : UI_FORM_LINE;
}

void ui_form_edit(struct ui *ui, struct ui_form *fm)
{
	if (fm->cur < fm->nrows && fm->rows[fm->cur].kind == UI_ROW_FIELD)
		begin_edit(ui, fm, fm->rows[fm->cur].f, NULL);
}

/*
 * Save what the editor holds.  True when the editor may close: saved, or
 * refused twice with the same text (then given up, and said so).
 */
static bool commit(struct ui *ui, struct ui_form *fm)
{
	const char *field, *item, *col;
	target_path(fm, &field, &item, &col);
	const char *text = ui_text_str(&fm->text);
	char norm[64];
	if (fm->ef && fm->ef->type == SCHEMA_DATE && ui_date_normalise(text, fm->today, norm))
		text = norm;
	/* Unchanged text needs no write (and leaves no audit row). */
	struct kaigi_value v = {0};
	const struct kaigi_value *stored = fm->src.value(fm->src.ctx, field, item, col);
	if (stored)
		kaigi_value_copy(&v, stored);
	char *now = kaigi_value_to_text(&v);
	kaigi_value_clear(&v);
	bool same = strcmp(now, text) == 0;
	free(now);
	if (same || ui_form_save(ui, fm, field, item, col, text)) {
		fm->mode = UI_FORM_NAV;
		fm->err[0] = '\0';
		free(fm->failed);
		fm->failed = NULL;
		return true;
	}
	if (!ui_writable(ui) || (fm->failed && strcmp(fm->failed, ui_text_str(&fm->text)) == 0)) {
		ui_msg(ui, UI_MSG_WARN, _("Not saved: %s"), fm->err);
		fm->mode = UI_FORM_NAV;
		fm->err[0] = '\0';
		free(fm->failed);
		fm->failed = NULL;
		return true;
	}
	free(fm->failed);
	fm->failed = xstrdup(ui_text_str(&fm->text));
	return false;
}

bool ui_form_flush(struct ui *ui, struct ui_form *fm)
{
	if (fm->mode == UI_FORM_SELECT) {
		fm->mode = UI_FORM_NAV;
		ui_select_close(&fm->sel);
		return true;
	}
	if (fm->mode != UI_FORM_LINE && fm->mode != UI_FORM_AREA)
		return true;
	const char *field, *item, *col;
	target_path(fm, &field, &item, &col);
	const char *text = ui_text_str(&fm->text);
	char norm[64];
	if (fm->ef && fm->ef->type == SCHEMA_DATE && ui_date_normalise(text, fm->today, norm))
		text = norm;
	const struct kaigi_value *stored = fm->src.value(fm->src.ctx, field, item, col);
	char *now = stored ? kaigi_value_to_text(stored) : xstrdup("");
	bool ok = strcmp(now, text) == 0 || ui_form_save(ui, fm, field, item, col, text);
	free(now);
	fm->mode = UI_FORM_NAV;
	return ok;
}

static void apply_select(struct ui *ui, struct ui_form *fm)
{
	char *v = ui_select_value(&fm->sel);
	const char *field, *item, *col;
	target_path(fm, &field, &item, &col);
	if (ui_form_save(ui, fm, field, item, col, v))
		fm->err[0] = '\0';
	else
		ui_msg(ui, UI_MSG_ERROR, _("Not saved: %s"), fm->err);
	free(v);
}

static enum ui_form_out focus_move(struct ui_form *fm, int by)
{
	if (by < 0 && fm->cur == 0)
		return UI_FORM_EXIT_UP;
	if (by > 0 && fm->cur + 1 >= fm->nrows)
		return UI_FORM_EXIT_DOWN;
	long n = (long)fm->cur + by;
	if (n < 0)
		n = 0;
	if (n >= (long)fm->nrows)
		n = (long)fm->nrows - 1;
	bool up = (size_t)n < fm->cur;
	fm->cur = (size_t)n;
	fm->err[0] = '\0';
	if (fm->rows[fm->cur].kind == UI_ROW_GRID) {
		const struct schema_field *g = fm->rows[fm->cur].f;
		fm->gr = up && g->nrows ? g->nrows - 1 : 0;
	}
	return UI_FORM_HANDLED;
}

static enum ui_form_out key_editing(struct ui *ui, struct ui_form *fm, const struct ui_key *k)
{
	if (fm->mode == UI_FORM_AREA) {
		if (k->act == UI_ACT_DONE) {
			commit(ui, fm);
			return UI_FORM_HANDLED;
		}
		if (k->act == UI_ACT_EXT_EDITOR) {
			struct kaigi_error err;
			if (!ui_extedit_run(ui, &fm->text.b, &err))
				ui_msg_error(ui, &err);
			fm->text.cur = fm->text.b.len;
			commit(ui, fm);
			return UI_FORM_HANDLED;
		}
		struct ui_rect side, pane;
		ui_split(ui, 0, &side, &pane);
		ui_text_key(&fm->text, k, true, pane.w - 1);
		return UI_FORM_HANDLED;
	}
	/* One line. */
	switch (k->act) {
	case UI_ACT_DONE:
		commit(ui, fm);
		return UI_FORM_HANDLED;
	case UI_ACT_NEXT:
	case UI_ACT_PREV:
	case UI_ACT_UP:
	case UI_ACT_DOWN: {
		bool grid = fm->etop && fm->etop->type == SCHEMA_GRID;
		if (!commit(ui, fm))
			return UI_FORM_HANDLED;
		if (grid)
			return ui_grid_key(ui, fm, fm->etop, k);
		return focus_move(fm, k->act == UI_ACT_UP || k->act == UI_ACT_PREV ? -1 : 1);
	}
	default:
		ui_text_key(&fm->text, k, false, 0);
		return UI_FORM_HANDLED;
	}
}

enum ui_form_out ui_form_key(struct ui *ui, struct ui_form *fm, const struct ui_key *k)
{
	if (fm->mode == UI_FORM_SELECT) {
		enum ui_select_result r = ui_select_key(ui, &fm->sel, k);
		if (r == UI_SELECT_CHOSEN) {
			fm->mode = UI_FORM_NAV;
			apply_select(ui, fm);
			/* In a grid, a choice moves down like a typed rating. */
			if (fm->etop && fm->etop->type == SCHEMA_GRID &&
			    fm->gr + 1 < fm->etop->nrows)
				fm->gr++;
		} else if (r == UI_SELECT_CANCELLED) {
			fm->mode = UI_FORM_NAV;
		}
		if (fm->mode == UI_FORM_NAV)
			ui_select_close(&fm->sel);
		return UI_FORM_HANDLED;
	}
	if (fm->mode != UI_FORM_NAV) {
		enum ui_form_out out = key_editing(ui, fm, k);
		/* issue 13: say while typing when handouts will hide some of it */
		if (fm->mode != UI_FORM_NAV)
			ui_privacy_hint(ui, fm->src.rec, fm->ef, ui_text_str(&fm->text));
		return out;
	}
	if (fm->nrows == 0)
		return k->act == UI_ACT_LEFT ? UI_FORM_EXIT_LEFT : UI_FORM_UNHANDLED;
	const struct ui_row *row = &fm->rows[fm->cur];
	enum ui_form_out out = UI_FORM_UNHANDLED;
	if (row->kind == UI_ROW_GRID)
		out = ui_grid_key(ui, fm, row->f, k);
	else if (row->kind != UI_ROW_FIELD)
		out = ui_list_key(ui, fm, k);
	if (out != UI_FORM_UNHANDLED)
		return out;
	switch (k->act) {
	case UI_ACT_UP:
	case UI_ACT_PREV:
		return focus_move(fm, -1);
	case UI_ACT_DOWN:
	case UI_ACT_NEXT:
		return focus_move(fm, 1);
	case UI_ACT_PGUP:
		return fm->cur == 0 ? UI_FORM_HANDLED : focus_move(fm, -8);
	case UI_ACT_PGDN:
		return fm->cur + 1 >= fm->nrows ? UI_FORM_HANDLED : focus_move(fm, 8);
	case UI_ACT_HOME:
		ui_form_focus_edge(fm, false);
		return UI_FORM_HANDLED;
	case UI_ACT_END:
		ui_form_focus_edge(fm, true);
		return UI_FORM_HANDLED;
	case UI_ACT_LEFT:
		return UI_FORM_EXIT_LEFT;
	case UI_ACT_EDIT:
	case UI_ACT_RIGHT:
		if (row->kind == UI_ROW_FIELD)
			begin_edit(ui, fm, row->f, NULL);
		return UI_FORM_HANDLED;
	case UI_ACT_TOGGLE:
		if (row->kind == UI_ROW_FIELD && row->f->type == SCHEMA_BOOLEAN) {
			struct kaigi_value v = {0};
			field_value(fm, row->f, &v);
			const char *field, *item, *col;
			field_path(fm, row->f, &field, &item, &col);
			ui_form_save(ui, fm, field, item, col,
				     v.type != KAIGI_NULL && kaigi_value_truthy(&v) ? "0" : "1");
			kaigi_value_clear(&v);
		} else if (row->kind == UI_ROW_FIELD) {
			begin_edit(ui, fm, row->f, NULL);
		}
		return UI_FORM_HANDLED;
	case UI_ACT_CLEAR:
		if (row->kind == UI_ROW_FIELD && row->f->type != SCHEMA_CALCULATE) {
			const char *field, *item, *col;
			field_path(fm, row->f, &field, &item, &col);
			ui_form_save(ui, fm, field, item, col, "");
		}
		return UI_FORM_HANDLED;
	case UI_ACT_CHAR: {
		/* Japanese typed on a field starts editing it; digits too on a
		 * number or a date.  ASCII letters stay commands. */
		unsigned char c0 = (unsigned char)k->text[0];
		const struct schema_field *f = row->f;
		bool digit = c0 >= '0' && c0 <= '9';
		bool numeric = f->type == SCHEMA_INTEGER || f->type == SCHEMA_DECIMAL ||
			       f->type == SCHEMA_DATE;
		bool texty = f->type == SCHEMA_TEXT || f->type == SCHEMA_LONGTEXT;
		if (row->kind == UI_ROW_FIELD &&
		    ((c0 >= 0x80 && (texty || numeric)) || (digit && (numeric || texty))))
			begin_edit(ui, fm, f, k->text);
		return UI_FORM_HANDLED;
	}
	default:
		return UI_FORM_UNHANDLED;
	}
}

/* ---- drawing ------------------------------------------------------------ */

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
	struct kaigi_value v = {0};
	field_value(fm, row->f, &v);
	char *shown = ui_field_show(ui, fm->src.rec, fm->list, row->f, NULL, 0, &v);
	kaigi_value_clear(&v);
	out->v = NULL;
	out->n = 0;
	if (row->f->type == SCHEMA_LONGTEXT && *shown)
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

static int row_height(struct ui *ui, struct ui_form *fm, size_t i, int vw, int avail)
{
	const struct ui_row *row = &fm->rows[i];
	int h = 1;
	if (row->kind == UI_ROW_GRID) {
		h = ui_grid_height(row->f, avail);
	} else if (row->kind == UI_ROW_FIELD && row->f->type == SCHEMA_LONGTEXT) {
		struct utf8_lines l;
		h = field_lines(ui, fm, row, vw, &l);
		utf8_lines_free(&l);
	}
	if (i == fm->cur && fm->err[0])
		h++;
	return h;
}

static void draw_area(struct ui *ui, struct ui_form *fm, struct ui_rect r)
{
	ui_clear_rect(r, (int)A_NORMAL);
	ui_put_cut(r.y, r.x, r.w, ui_field_label(ui, fm->ef), ui_attr(ui, UI_A_HEADING), false);
	int h = r.h - 2;
	if (fm->err[0]) {
		ui_put_cut(r.y + r.h - 1, r.x, r.w, fm->err, ui_attr(ui, UI_A_ERROR), false);
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
			ui_put_cut(y + 1, vx, vw, fm->err, ui_attr(ui, UI_A_ERROR), false);
		/* Last: the editor places the cursor. */
		ui_text_draw_line(&fm->text, y, vx, vw, (int)A_UNDERLINE);
		return;
	}
	struct utf8_lines l;
	int n = field_lines(ui, fm, row, vw, &l);
	int va = row->f->type == SCHEMA_CALCULATE ? ui_attr(ui, UI_A_DIM) : (int)A_NORMAL;
	for (int j = 0; j < n && j < maxh; j++) {
		bool more = j == n - 1 && (size_t)n < l.n;
		if (more)
			ui_put_cut(y + j, vx, vw, "…", va, false);
		else
			ui_put_cut(y + j, vx, vw, j < (int)l.n ? l.v[j] : "", va, false);
	}
	utf8_lines_free(&l);
	if (here && fm->err[0] && n < maxh)
		ui_put_cut(y + n, vx, vw, fm->err, ui_attr(ui, UI_A_ERROR), false);
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
		case UI_ROW_GRID:
			ui_grid_draw(ui, fm, row->f,
				     (struct ui_rect){y, r.x, h < maxh ? h : maxh, r.w},
				     focused && here);
			break;
		default:
			ui_list_draw_row(ui, fm, row, y, r.x, r.w, attr);
			if (here && fm->err[0] && maxh > 1)
				ui_put_cut(y + 1, r.x + 2, r.w - 2, fm->err,
					   ui_attr(ui, UI_A_ERROR), false);
			break;
		}
	}
	if (fm->top > 0)
		ui_put(r.y, r.x + r.w - 1, 1, "↑", ui_attr(ui, UI_A_DIM), false);
	if (total - fm->top > r.h)
		ui_put(r.y + r.h - 1, r.x + r.w - 1, 1, "↓", ui_attr(ui, UI_A_DIM), false);
	if (fm->mode == UI_FORM_SELECT)
		ui_select_draw(ui, &fm->sel);
}

void ui_form_hint(struct ui *ui, const struct ui_form *fm, char *buf, size_t size)
{
	buf[0] = '\0';
	if (fm->cur >= fm->nrows)
		return;
	const struct ui_row *row = &fm->rows[fm->cur];
	const struct schema_field *f = row->f;
	if (row->kind == UI_ROW_GRID && fm->gr < f->nrows && fm->gc < f->ncolumns) {
		const struct schema_field *c = &f->columns[fm->gc];
		const char *hint = schema_label_get(&c->hint, ui->lang);
		snprintf(buf, size, "%s / %s%s%s",
			 schema_label_get(&f->rows[fm->gr].label, ui->lang),
			 schema_label_get(&c->label, ui->lang), *hint ? " — " : "", hint);
		return;
	}
	const char *hint = schema_label_get(&f->hint, ui->lang);
	const char *label = schema_label_get(&f->label, ui->lang);
	snprintf(buf, size, "%s%s%s%s", label, f->required ? _(" (required)") : "",
		 *hint ? " — " : "", hint);
	if (f->type == SCHEMA_DATE && fm->mode == UI_FORM_LINE)
		snprintf(buf, size, "%s — %s", label,
			 _("YYYY-MM-DD, 3/12, R7.3.12, t = today, +14 = in two weeks"));
}
