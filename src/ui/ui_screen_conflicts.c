// SPDX-License-Identifier: MIT
/*
 * ui_screen_conflicts.c — sync conflicts side by side (doc/sync.md):
 * the list of open conflicts, and for the highlighted one the value here and
 * the incoming value in two columns, each with who changed it and when.
 * l keeps the value here, i takes the incoming one; the decision travels
 * with the next bundle.  Also the one-line summary the home screen shows
 * (the last exchange per peer, the conflicts waiting).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/sync.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_screens.h"

struct conflicts {
	struct sync_conflicts c;
	size_t cur, top;
};

static void when(long long ms, char *out, size_t n)
{
	if (ms <= 0) {
		snprintf(out, n, "-");
		return;
	}
	ui_clock_fmt(ms, "%m/%d %H:%M", out, n);
}

void ui_sync_summary(struct ui *ui, char *out, size_t n)
{
	out[0] = '\0';
	struct sync_status s;
	struct kaigi_error err;
	if (store_sync_status(ui->st, &s, &err) != KAIGI_OK)
		return;
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < s.npeers && i < 3; i++) {
		const struct sync_peer_status *p = &s.peers[i];
		long long last = p->last_received > p->last_sent ? p->last_received : p->last_sent;
		char w[32];
		when(last, w, sizeof w);
		if (p->name && *p->name)
			strbuf_appendf(&b, "%s%s %s", b.len ? " · " : "", p->name, w);
		else
			strbuf_appendf(&b, "%s%.8s %s", b.len ? " · " : "", p->site, w);
	}
	if (s.npeers > 3)
		strbuf_appendf(&b, " …(+%zu)", s.npeers - 3);
	if (s.npeers || s.open_conflicts) {
		char c[128] = "";
		if (s.open_conflicts)
			snprintf(c, sizeof c, _("  %lld conflicts wait (c)"), s.open_conflicts);
		snprintf(out, n, "%s %s%s", _("Last exchange:"), b.len ? b.s : "-", c);
	}
	strbuf_free(&b);
	sync_status_free(&s);
}

static void load(struct ui *ui, struct conflicts *c)
{
	sync_conflicts_free(&c->c);
	struct kaigi_error err;
	if (store_sync_conflicts(ui->st, false, &c->c, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	ui_cursor_clamp(&c->cur, c->c.n);
}

static unsigned conflicts_contexts(struct ui *ui, void *state)
{
	(void)ui;
	(void)state;
	return UI_CTX_CONFLICT | UI_CTX_NAV | UI_CTX_CMD;
}

/* A value as stored (kaigi_value_to_text: every digit of a number, so two
 * versions that differ never read the same), "(none)" for no value. */
static char *value_text(const struct kaigi_value *v)
{
	return v->type == KAIGI_NULL ? xstrdup(_("(none)")) : kaigi_value_to_text(v);
}

static const char *kind_text(const char *kind)
{
	if (strcmp(kind, "both-changed") == 0)
		return _("Changed on both laptops since they last exchanged");
	if (strcmp(kind, "both-added") == 0)
		return _("Entered on both laptops");
	if (strcmp(kind, "deleted-there") == 0)
		return _("Deleted on the other laptop, changed here");
	if (strcmp(kind, "deleted-here") == 0)
		return _("Deleted here, changed on the other laptop");
	if (strcmp(kind, "duplicate") == 0)
		return _("Breaks a rule here (e.g. the same case code under another id)");
	return _("Its meeting or case no longer exists here");
}

static void settle(struct ui *ui, struct conflicts *c, enum sync_keep keep)
{
	if (!ui_writable(ui) || c->cur >= c->c.n)
		return;
	struct kaigi_error err;
	if (store_sync_resolve(ui->st, c->c.v[c->cur].id, keep, NULL, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, "%s",
	       _("Settled. The decision goes to the other laptops with the next export."));
	load(ui, c);
}

static enum ui_result conflicts_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct conflicts *c = state;
	if (ui_cursor_move(&c->cur, c->c.n, k->act,
			   (struct ui_cursor_keys){.tab = true, .ends = true}))
		return UI_REDRAW;
	switch (k->act) {
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	case UI_ACT_KEEP_LOCAL:
		settle(ui, c, SYNC_KEEP_LOCAL);
		break;
	case UI_ACT_KEEP_INCOMING:
		settle(ui, c, SYNC_KEEP_INCOMING);
		break;
	default:
		return UI_CONTINUE;
	}
	return UI_REDRAW;
}

/* One side: heading, who and when, then the value wrapped. */
static void draw_side(struct ui *ui, struct ui_rect r, const char *head, const char *who,
		      long long at, const struct kaigi_value *v)
{
	ui_put_cut(r.y, r.x, r.w, head, ui_attr(ui, UI_A_HEADING), true);
	char w[32], line[256];
	when(at, w, sizeof w);
	snprintf(line, sizeof line, "%s  %s", who && *who ? who : "-", w);
	ui_put_cut(r.y + 1, r.x, r.w, line, ui_attr(ui, UI_A_DIM), true);
	char *text = value_text(v);
	struct utf8_lines l = {0};
	size_t n = ui_wrap(text, r.w, &l);
	for (size_t i = 0; i < n && (int)i + 2 < r.h; i++)
		ui_put(r.y + 2 + (int)i, r.x, r.w, l.v[i], (int)A_NORMAL, true);
	utf8_lines_free(&l);
	free(text);
}

static void conflicts_draw(struct ui *ui, void *state)
{
	struct conflicts *c = state;
	char title[256];
	snprintf(title, sizeof title, "%s (%zu)", _("Sync conflicts"), c->c.n);
	ui_header_draw(ui, title, "");
	struct ui_rect b = ui_body(ui);
	if (c->c.n == 0) {
		ui_put_cut(b.y + 1, b.x + 1, b.w - 2,
			   _("No conflicts wait. Both laptops agree on everything exchanged."),
			   ui_attr(ui, UI_A_DIM), false);
		ui_status_draw(ui, "");
		return;
	}
	/* The list takes the upper part, at most a third of the body. */
	int lh = b.h / 3 > 2 ? b.h / 3 : 2;
	ui_cursor_show(c->cur, &c->top, lh);
	for (int i = 0; i < lh && c->top + (size_t)i < c->c.n; i++) {
		const struct sync_conflict *x = &c->c.v[c->top + (size_t)i];
		char line[1024];
		snprintf(line, sizeof line, "#%-4lld %s%s%s%s", x->id, x->row,
			 x->col[0] ? " [" : "", x->col, x->col[0] ? "]" : "");
		int a = c->top + (size_t)i == c->cur ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		ui_put_cut(b.y + i, b.x, b.w, line, a, true);
	}
	const struct sync_conflict *x = &c->c.v[c->cur];
	int y = b.y + lh + 1;
	ui_put_cut(y - 1, b.x, b.w, kind_text(x->kind), ui_attr(ui, UI_A_DIM), true);
	int half = (b.w - 1) / 2;
	struct ui_rect left = {.y = y, .x = b.x, .h = b.y + b.h - y, .w = half};
	struct ui_rect right = {
	    .y = y, .x = b.x + half + 1, .h = b.y + b.h - y, .w = b.w - half - 1};
	char there[128];
	snprintf(there, sizeof there, "%s (%.8s)", _("Incoming [i]"), x->incoming_site);
	draw_side(ui, left, _("Here, on this laptop [l]"), x->local_who, x->local_at, &x->local);
	for (int r = y; r < y + left.h; r++)
		mvaddch(r, b.x + half, ACS_VLINE);
	draw_side(ui, right, there, x->incoming_who, x->incoming_at, &x->incoming);
	ui_status_draw(ui, _("l keeps the value here, i takes the incoming one; Esc goes back."));
}

static void conflicts_resume(struct ui *ui, void *state)
{
	load(ui, state);
}

static void conflicts_free(void *state)
{
	struct conflicts *c = state;
	sync_conflicts_free(&c->c);
	free(c);
}

static const struct ui_screen conflicts_screen = {
    .name = "conflicts",
    .contexts = conflicts_contexts,
    .key = conflicts_key,
    .draw = conflicts_draw,
    .resume = conflicts_resume,
    .free = conflicts_free,
};

void ui_conflicts_open(struct ui *ui)
{
	struct conflicts *c = xcalloc(1, sizeof *c);
	load(ui, c);
	ui_push(ui, &conflicts_screen, c);
}
