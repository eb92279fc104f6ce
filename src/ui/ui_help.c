// SPDX-License-Identifier: MIT
/* ui_help.c — the help overlay, made from the action table. */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_help.h"

#define KEY_COL 11

struct help_line {
	const char *key;  /* NULL: a heading */
	const char *text; /* heading or help */
};

static const char *tr(const char *s)
{
	return s && *s ? _(s) : "";
}

bool ui_help_lists(const struct ui_action *a, const struct ui_ctx_title *g)
{
	if (!(a->ctx & g->ctx) || !a->help || !*a->help || !a->keyname || !*a->keyname)
		return false;
	/* A row that also belongs to an earlier group is listed there. */
	for (const struct ui_ctx_title *e = ui_ctx_titles; e != g; e++)
		if (a->ctx & e->ctx)
			return false;
	return true;
}

/* Append the rows of group g (once per action row with help). */
static size_t add_group(struct help_line *out, size_t n, size_t cap, const struct ui_ctx_title *g)
{
	if (n < cap)
		out[n++] = (struct help_line){NULL, tr(g->title)};
	for (size_t i = 0; i < ui_nactions && n < cap; i++) {
		const struct ui_action *a = &ui_actions[i];
		if (!ui_help_lists(a, g))
			continue;
		out[n++] = (struct help_line){tr(ui_action_keynames(a)), tr(a->help)};
	}
	return n;
}

static size_t build(const struct ui *ui, struct help_line *out, size_t cap)
{
	size_t n = 0;
	/* The groups of the screen under the help first, then the rest. */
	for (int pass = 0; pass < 2; pass++)
		for (const struct ui_ctx_title *g = ui_ctx_titles; g->title; g++) {
			bool active = (g->ctx & ui->help_ctx & ~(UI_CTX_GLOBAL | UI_CTX_CMD)) != 0;
			if ((pass == 0) != active || g->ctx == UI_CTX_HELP)
				continue;
			n = add_group(out, n, cap, g);
		}
	return n;
}

void ui_help_draw(struct ui *ui)
{
	struct ui_rect b = ui_body(ui);
	ui_header_draw(ui, _("kaigi — keys"), NULL);
	ui_clear_rect(b, (int)A_NORMAL);
	struct help_line lines[256];
	size_t n = build(ui, lines, sizeof lines / sizeof lines[0]);
	/* Lay the entries out as screen lines, wrapping the help text. */
	int y = b.y, skip = (int)ui->help_top, total = 0;
	int tw = b.w - KEY_COL - 3;
	for (size_t i = 0; i < n; i++) {
		struct utf8_lines wrapped = {0};
		if (lines[i].key)
			ui_wrap(lines[i].text, tw, &wrapped);
		size_t h = lines[i].key ? (wrapped.n ? wrapped.n : 1) : 1;
		for (size_t j = 0; j < h; j++, total++) {
			if (skip > 0) {
				skip--;
				continue;
			}
			if (y >= b.y + b.h)
				continue;
			if (!lines[i].key) {
				ui_put_cut(y, 1, b.w - 2, lines[i].text, ui_attr(ui, UI_A_HEADING),
					   false);
			} else {
				if (j == 0)
					ui_put(y, 2, KEY_COL, lines[i].key, ui_attr(ui, UI_A_KEY),
					       false);
				if (j < wrapped.n)
					ui_put(y, KEY_COL + 3, tw, wrapped.v[j], (int)A_NORMAL,
					       false);
			}
			y++;
		}
		utf8_lines_free(&wrapped);
	}
	/* Keep the scroll within what there is. */
	if (total > b.h && (int)ui->help_top > total - b.h)
		ui->help_top = (size_t)(total - b.h);
	char pos[64];
	snprintf(pos, sizeof pos, "%s (%zu/%d)", _("Every key, by place"), ui->help_top + 1, total);
	ui_status_draw(ui, pos);
}

enum ui_result ui_help_key(struct ui *ui, const struct ui_key *k)
{
	struct ui_rect b = ui_body(ui);
	/* ↑ ↓ PgUp PgDn scroll, never above the first line (the drawing keeps
	 * it above the last). */
	int top = (int)ui->help_top;
	if (ui_scroll_move(&top, k->act, b.h)) {
		ui->help_top = top > 0 ? (size_t)top : 0;
		return UI_REDRAW;
	}
	if (k->act == UI_ACT_BACK || k->act == UI_ACT_HELP)
		ui->help = false;
	return UI_REDRAW;
}
