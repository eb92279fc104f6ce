// SPDX-License-Identifier: MIT
/*
 * ui_list.c — list fields (issues, goals, advice, actions …): one line
 * per item, and add, delete with undo, and reorder.
 *
 * Other fields may point at a list's items by number (advice and goals
 * name "the issue it addresses" as choices_from the issues).  Deleting or
 * moving an item renumbers those answers so that each still points at the
 * same issue; an answer that pointed at a deleted item is cleared, and
 * comes back with `u`.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "ui_list.h"

static void ui_undo_clear(struct ui_undo *u)
{
	store_record_clear(&u->kept);
	memset(u, 0, sizeof *u);
}

/* One line for an item: its naming field, then its short choices. */
static char *item_summary(struct ui *ui, struct ui_rec *rec, const struct schema_field *list,
			  const char *item)
{
	struct strbuf b = STRBUF_INIT;
	const struct schema_field *name =
	    list->item_label ? schema_subfield_find(list, list->item_label) : NULL;
	if (name) {
		char *s = ui_field_show(ui, rec, list, name, NULL, 0,
					ui_rec_value(rec, list->id, item, name->id));
		strbuf_append(&b, *s ? s : "…");
		free(s);
	}
	for (size_t i = 0; i < list->nfields; i++) {
		const struct schema_field *f = &list->fields[i];
		if (f == name || f->type == SCHEMA_LONGTEXT || f->type == SCHEMA_SELECT_MULTIPLE)
			continue;
		const struct kaigi_value *v = ui_rec_value(rec, list->id, item, f->id);
		if (!v)
			continue;
		char *s = ui_field_show(ui, rec, list, f, NULL, 0, v);
		if (*s) {
			/* The issue an item addresses reads "→ 2. …": keep it short. */
			if (f->choices_from && !f->choices_from->form) {
				char *dot = strstr(s, ". ");
				if (dot)
					dot[0] = '\0';
				strbuf_appendf(&b, "  →%s", s);
			} else {
				strbuf_appendf(&b, name || b.len ? "  [%s]" : "%s", s);
			}
		}
		free(s);
	}
	if (!b.len && !name) {
		/* No naming field: the first answered one. */
		for (size_t i = 0; i < list->nfields && !b.len; i++) {
			const struct kaigi_value *v =
			    ui_rec_value(rec, list->id, item, list->fields[i].id);
			if (v) {
				char *s =
				    ui_field_show(ui, rec, list, &list->fields[i], NULL, 0, v);
				strbuf_append(&b, s);
				free(s);
			}
		}
	}
	return b.s ? strbuf_take(&b) : xstrdup("…");
}

void ui_list_draw_row(struct ui *ui, const struct ui_host *h, const struct ui_row *row, int y,
		      int x, int w, int attr)
{
	const struct schema_field *list = row->f;
	struct ui_rec *rec = h->rec;
	const struct store_item *items;
	size_t n = ui_rec_items(rec, list->id, &items);
	switch (row->kind) {
	case UI_ROW_LIST: {
		char head[512];
		snprintf(head, sizeof head, "%s (%zu)%s", schema_label_get(&list->label, ui->lang),
			 n, list->required || list->min_items ? " *" : "");
		ui_put_cut(y, x, w, head, attr == (int)A_NORMAL ? ui_attr(ui, UI_A_HEADING) : attr,
			   true);
		break;
	}
	case UI_ROW_ITEM: {
		if (row->item >= n)
			break;
		char *s = item_summary(ui, rec, list, items[row->item].id);
		char *line = xasprintf("  %zu. %s", row->item + 1, s);
		ui_put_cut(y, x, w, line, attr, true);
		free(line);
		free(s);
		break;
	}
	case UI_ROW_ADD: {
		char *line = xasprintf("  + %s", _("add (a)"));
		ui_put_cut(y, x, w, line, attr == (int)A_NORMAL ? ui_attr(ui, UI_A_DIM) : attr,
			   true);
		free(line);
		break;
	}
	default:
		break;
	}
}

/* How a list's items were renumbered: one inserted at (0-based) index at,
 * the one at index at deleted, or the items at at and to swapped; n is the
 * number of items before. */
struct renumber {
	enum { RENUMBER_INSERT, RENUMBER_DELETE, RENUMBER_SWAP } how;
	size_t at, to, n;
};

/* The new 1-based number of item k (0: deleted); a number that is not an
 * item's stays as it is. */
static size_t renumbered(struct renumber rn, long k)
{
	if (k < 1 || (size_t)k > rn.n)
		return (size_t)k;
	size_t i = (size_t)k - 1;
	switch (rn.how) {
	case RENUMBER_INSERT:
		return i >= rn.at ? i + 2 : i + 1;
	case RENUMBER_DELETE:
		return i == rn.at ? 0 : i > rn.at ? i : i + 1;
	case RENUMBER_SWAP:
		return i == rn.at ? rn.to + 1 : i == rn.to ? rn.at + 1 : i + 1;
	}
	return (size_t)k;
}

/* Rewrite a choices_from answer (item numbers, 1-based) as rn renumbered
 * the items.  Returns the new text, or NULL if same. */
static char *remap(const struct kaigi_value *v, struct renumber rn)
{
	char *text = kaigi_value_to_text(v);
	struct strbuf b = STRBUF_INIT;
	bool changed = false;
	char *save = NULL;
	for (char *t = strtok_r(text, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		long k = atol(t);
		size_t to = renumbered(rn, k);
		if (to != (size_t)k)
			changed = true;
		if (to == 0)
			continue;
		if (b.len)
			strbuf_appendc(&b, ' ');
		strbuf_appendf(&b, "%zu", to);
	}
	free(text);
	if (!changed) {
		strbuf_free(&b);
		return NULL;
	}
	return b.s ? strbuf_take(&b) : xstrdup("");
}

/* A change relink() found, saved once the search is over (a save reloads
 * the record the search walks). */
struct relink_change {
	char field[128], item[STORE_ID_SIZE], col[128];
	bool plain;
	char *text;
};

/* Renumber every answer of the record that picks from list by number. */
static void relink(struct ui *ui, const struct ui_host *h, const char *list, struct renumber rn)
{
	struct ui_rec *rec = h->rec;
	const struct schema_form *form = rec->form;
	struct relink_change *ch = NULL;
	size_t nch = 0;
	for (size_t s = 0; s < form->nsections; s++)
		for (size_t i = 0; i < form->sections[s].nfields; i++) {
			const struct schema_field *top = &form->sections[s].fields[i];
			bool is_list = top->type == SCHEMA_LIST;
			size_t nsub = is_list ? top->nfields : 1;
			for (size_t j = 0; j < nsub; j++) {
				const struct schema_field *f = is_list ? &top->fields[j] : top;
				if (!f->choices_from || f->choices_from->form ||
				    strcmp(f->choices_from->field, list) != 0)
					continue;
				const struct store_item *items = NULL;
				size_t n = is_list ? ui_rec_items(rec, top->id, &items) : 1;
				for (size_t k = 0; k < n; k++) {
					const char *item = is_list ? items[k].id : NULL;
					const struct kaigi_value *v = ui_rec_value(
					    rec, top->id, item, is_list ? f->id : NULL);
					char *nv = v ? remap(v, rn) : NULL;
					if (!nv)
						continue;
					ch = xreallocarray(ch, nch + 1, sizeof *ch);
					struct relink_change *c = &ch[nch++];
					memset(c, 0, sizeof *c);
					snprintf(c->field, sizeof c->field, "%s", top->id);
					snprintf(c->item, sizeof c->item, "%s", item ? item : "");
					snprintf(c->col, sizeof c->col, "%s", is_list ? f->id : "");
					c->plain = !is_list;
					c->text = nv;
				}
			}
		}
	for (size_t i = 0; i < nch; i++) {
		h->save(ui, h, ch[i].field, ch[i].plain ? NULL : ch[i].item,
			ch[i].plain ? NULL : ch[i].col, ch[i].text);
		free(ch[i].text);
	}
	free(ch);
}

static enum ui_form_out add_item(struct ui *ui, const struct ui_host *h, const struct ui_row *row)
{
	if (!ui_writable(ui))
		return UI_FORM_HANDLED;
	struct ui_rec *rec = h->rec;
	const struct store_item *items;
	size_t n = ui_rec_items(rec, row->f->id, &items);
	size_t pos = row->kind == UI_ROW_ITEM ? row->item + 1 : n;
	const struct schema_field *list = row->f;
	char id[STORE_ID_SIZE];
	struct kaigi_error err;
	if (store_item_add(ui->st, rec->id, list->id, pos, id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return UI_FORM_HANDLED;
	}
	/* Items after it move down one: renumber what points at them. */
	if (pos < n) {
		h->reload(ui, h);
		relink(ui, h, list->id, (struct renumber){RENUMBER_INSERT, pos, 0, n});
	}
	/* Defaults of the item fields are written at once. */
	for (size_t i = 0; i < list->nfields; i++)
		if (list->fields[i].default_value)
			store_answer_save(ui->st, rec->id,
					  &(struct store_path){list->id, id, list->fields[i].id},
					  list->fields[i].default_value, &err);
	ui_saved(ui);
	h->reload(ui, h);
	h->focus_item(h, list, pos);
	return UI_FORM_OPEN_ITEM;
}

/* The items of the list of row (an item row) in *items and *n; false when
 * the records may not be changed or the row's item is no longer there. */
static bool row_items(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
		      const struct store_item **items, size_t *n)
{
	if (!ui_writable(ui))
		return false;
	*n = ui_rec_items(h->rec, row->f->id, items);
	return row->item < *n;
}

static void delete_item(struct ui *ui, const struct ui_host *h, struct ui_list_state *ls,
			const struct ui_row *row)
{
	struct ui_rec *rec = h->rec;
	const struct schema_field *list = row->f;
	const struct store_item *items;
	size_t n;
	if (!row_items(ui, h, row, &items, &n))
		return;
	char id[STORE_ID_SIZE];
	snprintf(id, sizeof id, "%s", items[row->item].id);
	/* Keep the item's answers for undo. */
	ui_undo_clear(&ls->undo);
	snprintf(ls->undo.field, sizeof ls->undo.field, "%s", list->id);
	ls->undo.pos = row->item;
	for (size_t i = 0; i < rec->r.nanswers; i++) {
		const struct store_answer *a = &rec->r.answers[i];
		if (strcmp(a->field, list->id) != 0 || strcmp(a->item, id) != 0)
			continue;
		struct store_record *kept = &ls->undo.kept;
		kept->answers =
		    xreallocarray(kept->answers, kept->nanswers + 1, sizeof *kept->answers);
		struct store_answer *u = &kept->answers[kept->nanswers++];
		memset(u, 0, sizeof *u);
		u->field = xstrdup(a->field);
		u->item = xstrdup("");
		u->col = xstrdup(a->col);
		kaigi_value_copy(&u->value, &a->value);
	}
	struct kaigi_error err;
	if (store_item_delete(ui->st, id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		ui_undo_clear(&ls->undo);
		return;
	}
	ls->undo.have = true;
	h->reload(ui, h);
	relink(ui, h, list->id, (struct renumber){RENUMBER_DELETE, row->item, 0, n});
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, "%s", _("Deleted. Press u to bring it back."));
}

static void undo_item(struct ui *ui, const struct ui_host *h, struct ui_list_state *ls)
{
	if (!ls->undo.have) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("Nothing to undo."));
		return;
	}
	if (!ui_writable(ui))
		return;
	struct ui_rec *rec = h->rec;
	const struct store_item *items;
	size_t n = ui_rec_items(rec, ls->undo.field, &items);
	char id[STORE_ID_SIZE];
	struct kaigi_error err;
	if (store_item_add(ui->st, rec->id, ls->undo.field, ls->undo.pos, id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	h->reload(ui, h);
	if (ls->undo.pos < n)
		relink(ui, h, ls->undo.field,
		       (struct renumber){RENUMBER_INSERT, ls->undo.pos, 0, n});
	for (size_t i = 0; i < ls->undo.kept.nanswers; i++) {
		const struct store_answer *a = &ls->undo.kept.answers[i];
		char *text = kaigi_value_to_text(&a->value);
		store_answer_save(ui->st, rec->id, &(struct store_path){ls->undo.field, id, a->col},
				  text, &err);
		free(text);
	}
	ui_undo_clear(&ls->undo);
	h->reload(ui, h);
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, "%s", _("Brought back."));
}

static void move_item(struct ui *ui, const struct ui_host *h, const struct ui_row *row, int dir)
{
	const struct schema_field *list = row->f;
	const struct store_item *items;
	size_t n;
	if (!row_items(ui, h, row, &items, &n) || (dir < 0 && row->item == 0) ||
	    (dir > 0 && row->item + 1 >= n))
		return;
	size_t to = dir < 0 ? row->item - 1 : row->item + 1;
	struct kaigi_error err;
	if (store_item_move(ui->st, items[row->item].id, to, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	h->reload(ui, h);
	relink(ui, h, list->id, (struct renumber){RENUMBER_SWAP, row->item, to, n});
	h->focus_item(h, list, to);
	ui_saved(ui);
}

void ui_list_state_free(struct ui_list_state *s)
{
	ui_undo_clear(&s->undo);
}

enum ui_form_out ui_list_key(struct ui *ui, const struct ui_host *h, struct ui_list_state *s,
			     const struct ui_row *focused, const struct ui_key *k)
{
	if (!h->rec)
		return UI_FORM_UNHANDLED;
	struct ui_row row = *focused;
	switch (k->act) {
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
		if (row.kind == UI_ROW_ITEM)
			return UI_FORM_OPEN_ITEM;
		return add_item(ui, h, &row);
	case UI_ACT_ADD:
		return add_item(ui, h, &row);
	case UI_ACT_DELETE:
		if (row.kind == UI_ROW_ITEM)
			delete_item(ui, h, s, &row);
		return UI_FORM_HANDLED;
	case UI_ACT_UNDO:
		undo_item(ui, h, s);
		return UI_FORM_HANDLED;
	case UI_ACT_MOVE_UP:
	case UI_ACT_MOVE_DOWN:
		if (row.kind == UI_ROW_ITEM)
			move_item(ui, h, &row, k->act == UI_ACT_MOVE_UP ? -1 : 1);
		return UI_FORM_HANDLED;
	default:
		return UI_FORM_UNHANDLED;
	}
}
