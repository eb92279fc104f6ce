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

#define SELECT_TAG_FIELD 1

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

void ui_form_value(const struct ui_form *fm, const struct schema_field *f, struct kaigi_value *out)
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
	ui_form_value(fm, f, &v);
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
	if (fm->mode != UI_FORM_NAV)
		return key_editing(ui, fm, k);
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
			ui_form_value(fm, row->f, &v);
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
