// SPDX-License-Identifier: MIT
/* ui_popup.c — pop-ups as stacked screens (see ui_popup.h). */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draw.h"
#include "ui_popup.h"

struct popup {
	bool confirm;
	struct ui_select sel;
	char *question, *keys;
	ui_popup_done done;
	void *owner;
};

/* Draw the screen under the pop-up (its owner), as if it were on top. */
static void draw_owner(struct ui *ui, void *state)
{
	for (size_t i = ui->depth; i-- > 1;)
		if (ui->stack[i].state == state) {
			struct ui_frame *below = &ui->stack[i - 1];
			below->screen->draw(ui, below->state);
			return;
		}
}

/* Leave, then answer the owner (on top again, so what it opens next
 * stacks on it).  p lives until the handler returns (ui_pop). */
static void finish(struct ui *ui, struct popup *p, bool chosen, const char *value)
{
	ui_pop(ui);
	if (p->done)
		p->done(ui, p->owner, chosen, value);
}

static unsigned popup_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct popup *p = state;
	return p->confirm ? UI_CTX_CONFIRM : UI_CTX_SELECT;
}

static enum ui_result popup_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct popup *p = state;
	if (p->confirm) {
		if (k->act == UI_ACT_YES)
			finish(ui, p, true, "");
		else if (k->act == UI_ACT_NO)
			finish(ui, p, false, NULL);
		else
			ui_msg(ui, UI_MSG_INFO, "%s", p->keys);
		return UI_REDRAW;
	}
	enum ui_select_result r = ui_select_key(ui, &p->sel, k);
	if (r == UI_SELECT_CHOSEN) {
		char *v = ui_select_value(&p->sel);
		finish(ui, p, true, v);
		free(v);
	} else if (r == UI_SELECT_CANCELLED) {
		finish(ui, p, false, NULL);
	}
	return UI_REDRAW;
}

static void popup_draw(struct ui *ui, void *state)
{
	struct popup *p = state;
	draw_owner(ui, state);
	ui_cursor_reset();
	if (!p->confirm) {
		ui_select_draw(ui, &p->sel);
		return;
	}
	int w = (int)utf8_width(p->question) + 6, kw = (int)utf8_width(p->keys) + 6;
	struct ui_rect r = ui_popup_rect(ui, 4, w > kw ? w : kw);
	int bg = ui_attr(ui, UI_A_POPUP);
	ui_clear_rect(r, bg);
	ui_box(r, bg);
	ui_put_cut(r.y + 1, r.x + 2, r.w - 4, p->question, ui_attr(ui, UI_A_HEADING), false);
	ui_put_cut(r.y + 2, r.x + 2, r.w - 4, p->keys, bg, false);
}

static void popup_free(void *state)
{
	struct popup *p = state;
	ui_select_close(&p->sel);
	free(p->question);
	free(p->keys);
	free(p);
}

static const struct ui_screen popup_screen = {
    .name = "popup",
    .over = true,
    .contexts = popup_contexts,
    .key = popup_key,
    .draw = popup_draw,
    .free = popup_free,
};

void ui_popup_select(struct ui *ui, struct ui_select *sel, const char *initial, ui_popup_done done,
		     void *owner)
{
	struct popup *p = xcalloc(1, sizeof *p);
	p->sel = *sel;
	memset(sel, 0, sizeof *sel);
	p->done = done;
	p->owner = owner;
	if (initial && *initial) {
		struct ui_key k = {.act = UI_ACT_CHAR};
		snprintf(k.text, sizeof k.text, "%s", initial);
		ui_select_key(ui, &p->sel, &k);
	}
	ui_push(ui, &popup_screen, p);
}

void ui_popup_confirm(struct ui *ui, const char *question, const char *keys, ui_popup_done done,
		      void *owner)
{
	struct popup *p = xcalloc(1, sizeof *p);
	p->confirm = true;
	p->question = xstrdup(question);
	p->keys = xstrdup(keys);
	p->done = done;
	p->owner = owner;
	ui_push(ui, &popup_screen, p);
}
