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
#include "ui_grid.h"
#include "ui_list.h"
#include "ui_popup.h"
#include "ui_privacy_hint.h"
#include "ui_widget.h"

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
	store_drafts_free(fm->drafts, fm->ndrafts);
	ui_text_free(&fm->text);
	ui_list_state_free(&fm->list_state);
	memset(fm, 0, sizeof *fm);
}

bool ui_form_editing(const struct ui_form *fm)
{
	return fm->mode != UI_FORM_NAV;
}

/* Path of a plain field of the page. */
void ui_form_field_path(const struct ui_form *fm, const struct schema_field *f, const char **field,
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
	if (fm->src.rec && (ui_widget_of(f)->flags & UI_W_COMPUTED)) {
		ui_rec_eval(fm->src.rec, fm->list, f, fm->list ? fm->item : NULL, out);
		return;
	}
	const char *field, *item, *col;
	ui_form_field_path(fm, f, &field, &item, &col);
	const struct kaigi_value *v = ui_src_value(&fm->src, field, item, col);
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
		enum ui_row_kind kind = ui_widget_of(f)->row;
		if (kind == UI_ROW_GRID) {
			push_row(fm, &cap, (struct ui_row){UI_ROW_GRID, f, 0});
		} else if (kind == UI_ROW_LIST) {
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
	ui_form_drafts_load(ui, fm);
	ui_form_offer_drafts(ui, fm);
}

void ui_form_focus_edge(struct ui_form *fm, bool last)
{
	fm->cur = last && fm->nrows ? fm->nrows - 1 : 0;
	if (fm->nrows && fm->rows[fm->cur].kind == UI_ROW_GRID) {
		const struct schema_field *g = fm->rows[fm->cur].f;
		ui_grid_focus_edge(&fm->grid, g, last);
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
		return UI_CTX_EDIT | UI_CTX_TYPEABLE;
	case UI_FORM_AREA:
		return UI_CTX_TEXTAREA | UI_CTX_TYPEABLE;
	case UI_FORM_NAV:
		break;
	}
	unsigned c = UI_CTX_NAV | UI_CTX_CMD;
	if (fm->cur < fm->nrows) {
		switch (fm->rows[fm->cur].kind) {
		case UI_ROW_GRID:
		case UI_ROW_LIST:
		case UI_ROW_ITEM:
		case UI_ROW_ADD: {
			const struct schema_field *f = fm->rows[fm->cur].f;
			/* The host is only read here. */
			struct ui_host h = ui_form_host((struct ui_form *)fm);
			return c | ui_widget_of(f)->contexts(&h, f);
		}
		case UI_ROW_FIELD:
			break;
		}
	}
	return c | UI_CTX_FORM | UI_CTX_TYPEABLE;
}

bool ui_form_save(struct ui *ui, struct ui_form *fm, const char *field, const char *item,
		  const char *col, const char *text)
{
	if (!ui_writable(ui))
		return false;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (ui_src_save(&fm->src, field, item, col, text, &err) != KAIGI_OK) {
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

/* The pop-up of choices answered: save the choice at the target. */
static void select_done(struct ui *ui, void *owner, bool chosen, const char *value)
{
	struct ui_form *fm = owner;
	if (!chosen)
		return;
	const char *field, *item, *col;
	ui_form_target_path(fm, &field, &item, &col);
	if (ui_form_save(ui, fm, field, item, col, value))
		fm->err[0] = '\0';
	else
		ui_msg(ui, UI_MSG_ERROR, _("Not saved: %s"), fm->err);
	/* In a grid, a choice moves down like a typed rating. */
	if (fm->etop && ui_widget_of(fm->etop)->row == UI_ROW_GRID &&
	    fm->grid.gr + 1 < fm->etop->nrows)
		fm->grid.gr++;
}

void ui_form_open_select(struct ui *ui, struct ui_form *fm, const struct schema_field *top,
			 const struct schema_field *f, const struct schema_grid_row *row,
			 size_t col, const struct kaigi_value *cur, const char *initial)
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
	struct ui_select sel = {0};
	ui_select_begin(&sel, title, (ui_widget_of(f)->flags & UI_W_MULTI) != 0, SELECT_TAG_FIELD);
	for (size_t i = 0; i < c.n; i++) {
		bool on = false;
		char *save = NULL, *copy = xstrdup(now);
		for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
			if (strcmp(t, c.v[i].value) == 0)
				on = true;
		free(copy);
		ui_select_add(&sel, c.v[i].value, c.v[i].label, on);
	}
	free(now);
	ui_choices_free(&c);
	ui_select_show(&sel);
	set_target(fm, top, f, row, col);
	/* A screen of its own on top of the page: it answers select_done. */
	ui_popup_select(ui, &sel, initial, select_done, fm);
}

void ui_form_edit(struct ui *ui, struct ui_form *fm)
{
	if (fm->cur < fm->nrows && fm->rows[fm->cur].kind == UI_ROW_FIELD)
		ui_form_begin_edit(ui, fm, fm->rows[fm->cur].f, NULL);
}

enum ui_form_out ui_form_focus_move(struct ui_form *fm, int by)
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
		ui_grid_focus_edge(&fm->grid, g, up);
	}
	return UI_FORM_HANDLED;
}

/* A character typed on a row, not in an editor: on a field its widget
 * takes it (text starts editing with it). */
static enum ui_form_out key_char(struct ui *ui, struct ui_form *fm, const struct ui_row *row,
				 const struct ui_key *k)
{
	if (row->kind != UI_ROW_FIELD) {
		ui_msg(ui, UI_MSG_INFO,
		       _("\"%s\" does nothing on a list row (Enter opens, a adds)."), k->text);
		return UI_FORM_HANDLED;
	}
	struct ui_host h = ui_form_host(fm);
	return ui_widget_of(row->f)->on_char(ui, &h, row->f, k);
}

enum ui_form_out ui_form_key(struct ui *ui, struct ui_form *fm, const struct ui_key *k)
{
	if (fm->mode != UI_FORM_NAV) {
		enum ui_form_out out = ui_form_key_editing(ui, fm, k);
		/* Say while typing when handouts will hide some of it. */
		if (fm->mode != UI_FORM_NAV)
			ui_privacy_hint(ui, fm->src.rec, fm->ef, ui_text_str(&fm->text));
		return out;
	}
	if (fm->nrows == 0)
		return k->act == UI_ACT_LEFT ? UI_FORM_EXIT_LEFT : UI_FORM_UNHANDLED;
	const struct ui_row *row = &fm->rows[fm->cur];
	enum ui_form_out out = UI_FORM_UNHANDLED;
	const struct ui_widget *w = ui_widget_of(row->f);
	if (row->kind != UI_ROW_FIELD && w->key) {
		struct ui_host h = ui_form_host(fm);
		out = w->key(ui, &h, row, k);
	}
	if (out != UI_FORM_UNHANDLED)
		return out;
	switch (k->act) {
	case UI_ACT_UP:
	case UI_ACT_PREV:
		return ui_form_focus_move(fm, -1);
	case UI_ACT_DOWN:
	case UI_ACT_NEXT:
		return ui_form_focus_move(fm, 1);
	case UI_ACT_PGUP:
		return fm->cur == 0 ? UI_FORM_HANDLED : ui_form_focus_move(fm, -8);
	case UI_ACT_PGDN:
		return fm->cur + 1 >= fm->nrows ? UI_FORM_HANDLED : ui_form_focus_move(fm, 8);
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
			ui_form_begin_edit(ui, fm, row->f, NULL);
		return UI_FORM_HANDLED;
	case UI_ACT_TOGGLE:
		/* Space, as the widget takes it (a yes/no switches). */
		return key_char(ui, fm, row, &(struct ui_key){.act = UI_ACT_CHAR, .text = " "});
	case UI_ACT_CLEAR:
		/* Del on a draft throws the draft away; on an answer, clears it. */
		if (row->kind == UI_ROW_FIELD && ui_form_draft_forget(ui, fm, row->f)) {
			ui_msg(ui, UI_MSG_INFO, "%s",
			       _("Draft thrown away; the answer is as it was."));
		} else if (row->kind == UI_ROW_FIELD && !(w->flags & UI_W_COMPUTED)) {
			const char *field, *item, *col;
			ui_form_field_path(fm, row->f, &field, &item, &col);
			ui_form_save(ui, fm, field, item, col, "");
		}
		return UI_FORM_HANDLED;
	case UI_ACT_CHAR:
		return key_char(ui, fm, row, k);
	default:
		return UI_FORM_UNHANDLED;
	}
}

const struct kaigi_value *ui_src_value(const struct ui_src *src, const char *field,
				       const char *item, const char *col)
{
	if (!src->values)
		return src->value(src->ctx, field, item, col);
	int i = src->index(field);
	return i < 0 || src->values[i].type == KAIGI_NULL ? NULL : &src->values[i];
}

enum kaigi_status ui_src_save(const struct ui_src *src, const char *field, const char *item,
			      const char *col, const char *text, struct kaigi_error *err)
{
	if (!src->values)
		return src->save(src->ctx, field, item, col, text, err);
	int i = src->index(field);
	if (i < 0)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no field %s", field);
	return src->put(src->ctx, i, text, err);
}

/* ---- the page as its widgets' host (ui_host.h) ---------------------------------- */

static const struct kaigi_value *host_value(const struct ui_host *h, const char *field,
					    const char *item, const char *col)
{
	struct ui_form *fm = h->page;
	return ui_src_value(&fm->src, field, item, col);
}

static void host_path(const struct ui_host *h, const struct schema_field *f, const char **field,
		      const char **item, const char **col)
{
	ui_form_field_path(h->page, f, field, item, col);
}

static bool host_save(struct ui *ui, const struct ui_host *h, const char *field, const char *item,
		      const char *col, const char *text)
{
	struct ui_form *fm = h->page;
	if (ui_form_save(ui, fm, field, item, col, text))
		return true;
	if (fm->err[0])
		ui_msg(ui, UI_MSG_ERROR, _("Not saved: %s"), fm->err);
	return false;
}

static void host_choose(struct ui *ui, const struct ui_host *h, const struct schema_field *top,
			const struct schema_field *f, const struct schema_grid_row *row, size_t col,
			const struct kaigi_value *cur)
{
	ui_form_open_select(ui, h->page, top, f, row, col, cur, NULL);
}

static void host_edit(struct ui *ui, const struct ui_host *h, const struct schema_field *top,
		      const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		      const char *initial)
{
	ui_form_open_editor(ui, h->page, top, f, row, col, initial);
}

static void host_begin(struct ui *ui, const struct ui_host *h, const struct schema_field *f,
		       const char *initial)
{
	ui_form_begin_edit(ui, h->page, f, initial);
}

static struct ui_text *host_typing(const struct ui_host *h, const struct schema_field *top,
				   size_t row, size_t col)
{
	struct ui_form *fm = h->page;
	if (fm->mode != UI_FORM_LINE || fm->etop != top || !fm->erow || fm->ecol != col ||
	    fm->erow != &top->rows[row])
		return NULL;
	return &fm->text;
}

static bool host_reload(struct ui *ui, const struct ui_host *h)
{
	struct ui_form *fm = h->page;
	struct kaigi_error err;
	if (ui_rec_reload(fm->src.rec, ui->st, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return false;
	}
	ui_form_rebuild(ui, fm);
	return true;
}

static void host_focus_item(const struct ui_host *h, const struct schema_field *list, size_t index)
{
	struct ui_form *fm = h->page;
	for (size_t i = 0; i < fm->nrows; i++)
		if (fm->rows[i].kind == UI_ROW_ITEM && fm->rows[i].f == list &&
		    fm->rows[i].item == index)
			fm->cur = i;
}

struct ui_host ui_form_host(struct ui_form *fm)
{
	return (struct ui_host){.page = fm,
				.grid = &fm->grid,
				.list = &fm->list_state,
				.rec = fm->src.rec,
				.value = host_value,
				.path = host_path,
				.save = host_save,
				.choose = host_choose,
				.edit = host_edit,
				.begin = host_begin,
				.typing = host_typing,
				.reload = host_reload,
				.focus_item = host_focus_item};
}
