// SPDX-License-Identifier: MIT
/*
 * ui_item_page.c — a list item on a page of its own, a screen stacked on
 * its owner (see ui_item_page.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_item_page.h"

struct item_page {
	const struct ui_item_owner *ops;
	void *owner;
	struct ui_form form;
	size_t index;
	unsigned long saves; /* ui->saves when it opened */
};

static const struct ui_screen item_screen;

/* The frame of owner's item page, or NULL. */
static struct ui_frame *find(struct ui *ui, const void *owner)
{
	for (size_t i = ui->depth; i-- > 0;)
		if (ui->stack[i].screen == &item_screen &&
		    ((struct item_page *)ui->stack[i].state)->owner == owner)
			return &ui->stack[i];
	return NULL;
}

/* Leave (ip on top): keep what is typed, pop, answer the owner (on top
 * again).  ip lives until the handler returns (ui_pop). */
static void leave(struct ui *ui, struct item_page *ip)
{
	ui_form_flush(ui, &ip->form);
	struct ui_item_closed c = {
	    .list = ip->form.list, .index = ip->index, .saved = ui->saves != ip->saves};
	snprintf(c.item, sizeof c.item, "%s", ip->form.item);
	for (size_t i = 0; i < ip->form.ndrafts; i++)
		if (ip->form.drafts[i].item && strcmp(ip->form.drafts[i].item, c.item) == 0)
			c.drafts++;
	ui_pop(ui);
	if (ip->ops->closed)
		ip->ops->closed(ui, ip->owner, &c);
}

static unsigned item_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct item_page *ip = state;
	unsigned c = ui_form_contexts(&ip->form);
	/* While typing, the owner's commands still work by Alt-key. */
	if (ui_form_editing(&ip->form))
		return c & UI_CTX_TYPEABLE ? c | ip->ops->ctx_typing : c;
	return c | ip->ops->ctx;
}

static enum ui_result item_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct item_page *ip = state;
	if (!ui_form_editing(&ip->form) && k->act == UI_ACT_BACK) {
		leave(ui, ip);
		return UI_REDRAW;
	}
	switch (ui_form_key(ui, &ip->form, k)) {
	case UI_FORM_EXIT_LEFT:
		leave(ui, ip);
		break;
	case UI_FORM_UNHANDLED:
		if (!ip->ops->command || !ip->ops->command(ui, ip->owner, k))
			ui_key_unused(ui, k);
		break;
	default: /* the first or last field: the page ends there */
		break;
	}
	return UI_REDRAW;
}

static void item_draw(struct ui *ui, void *state)
{
	struct item_page *ip = state;
	struct ui_rect pane;
	char hint[768] = "";
	if (ip->ops->frame(ui, ip->owner, &pane)) {
		ui_form_draw(ui, &ip->form, pane, true);
		ui_form_hint(ui, &ip->form, hint, sizeof hint);
	}
	ui_status_draw(ui, hint);
}

static void item_flush(struct ui *ui, void *state)
{
	struct item_page *ip = state;
	ui_form_flush(ui, &ip->form);
}

static void item_free(void *state)
{
	struct item_page *ip = state;
	ui_form_free(&ip->form);
	free(ip);
}

static const struct ui_screen item_screen = {
    .name = "item",
    .over = true,
    .contexts = item_contexts,
    .key = item_key,
    .draw = item_draw,
    .flush = item_flush,
    .free = item_free,
};

bool ui_item_page_open(struct ui *ui, const struct ui_item_owner *ops, void *owner,
		       const struct ui_item_args *a)
{
	if (!a->list || !a->item_id || !*a->item_id || ui->depth == UI_STACK_MAX)
		return false;
	struct item_page *ip = xcalloc(1, sizeof *ip);
	ip->ops = ops;
	ip->owner = owner;
	ip->index = a->index;
	ip->saves = ui->saves;
	char title[512];
	snprintf(title, sizeof title, "%s › %zu", schema_label_get(&a->list->label, ui->lang),
		 a->index + 1);
	ui_form_init_item(&ip->form, a->src, a->list, a->item_id, title);
	ui_push(ui, &item_screen, ip);
	/* On top before anything opens over it (a pop-up of choices). */
	ui_form_rebuild(ui, &ip->form);
	if (a->focus)
		ui_form_focus_field(&ip->form, a->focus);
	if (a->edit) {
		ui_form_focus_edge(&ip->form, false);
		ui_form_edit(ui, &ip->form);
	}
	return true;
}

bool ui_item_page_is_open(struct ui *ui, const void *owner)
{
	return find(ui, owner) != NULL;
}

void ui_item_page_flush(struct ui *ui, const void *owner)
{
	struct ui_frame *f = find(ui, owner);
	if (f)
		ui_form_flush(ui, &((struct item_page *)f->state)->form);
}

bool ui_item_page_close(struct ui *ui, const void *owner)
{
	struct ui_frame *f = find(ui, owner);
	if (!f || f != ui_top(ui))
		return false;
	leave(ui, f->state);
	return true;
}
