// SPDX-License-Identifier: MIT
/* ui_draw.c — clipped text, attributes, layout, header, status line, footer. */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draw.h"
#include "ui_timer.h"

/* Side list width: wide enough for 8 Japanese characters and a count. */
#define SIDE_W    20
#define SIDE_MINW 60 /* narrower screens drop the side list */

static int attrs[UI_A_COUNT];

void ui_draw_init(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	ui->colour = !(nc && *nc) && has_colors();
	/* Monochrome: bold, reverse, underline carry the meaning. */
	attrs[UI_A_NORMAL] = (int)A_NORMAL;
	attrs[UI_A_TITLE] = A_REVERSE | (int)A_BOLD;
	attrs[UI_A_CURSOR] = A_REVERSE;
	attrs[UI_A_DIM] = (int)A_DIM;
	attrs[UI_A_LABEL] = (int)A_NORMAL;
	attrs[UI_A_HEADING] = (int)A_BOLD;
	attrs[UI_A_WARN] = (int)A_BOLD | A_REVERSE;
	attrs[UI_A_ERROR] = (int)A_BOLD | (int)A_UNDERLINE;
	attrs[UI_A_OK] = (int)A_BOLD;
	attrs[UI_A_KEY] = (int)A_BOLD;
	attrs[UI_A_SIDE] = (int)A_UNDERLINE;
	attrs[UI_A_POPUP] = (int)A_NORMAL;
	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_WHITE, COLOR_RED);
	init_pair(4, COLOR_RED, -1);
	init_pair(5, COLOR_GREEN, -1);
	init_pair(6, COLOR_CYAN, -1);
	init_pair(7, COLOR_BLUE, -1);
	init_pair(8, COLOR_BLACK, COLOR_WHITE);
	attrs[UI_A_TITLE] = COLOR_PAIR(1) | (int)A_BOLD;
	attrs[UI_A_CURSOR] = COLOR_PAIR(2);
	attrs[UI_A_WARN] = COLOR_PAIR(3) | (int)A_BOLD;
	attrs[UI_A_ERROR] = COLOR_PAIR(4) | (int)A_BOLD;
	attrs[UI_A_OK] = COLOR_PAIR(5);
	attrs[UI_A_KEY] = COLOR_PAIR(6) | (int)A_BOLD;
	attrs[UI_A_HEADING] = COLOR_PAIR(7) | (int)A_BOLD;
	attrs[UI_A_SIDE] = A_REVERSE;
	attrs[UI_A_LABEL] = (int)A_NORMAL;
	attrs[UI_A_POPUP] = (int)A_NORMAL;
}

int ui_attr(const struct ui *ui, enum ui_attr a)
{
	(void)ui;
	return attrs[a];
}

/* A copy of text fit for one screen line: controls become spaces. */
static char *line_copy(const char *text)
{
	size_t n = strlen(text);
	char *s = xmalloc(n + 1);
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)text[i];
		s[i] = (c && (c < 0x20 || c == 0x7f)) ? ' ' : (char)c;
	}
	return s;
}

static int put(int y, int x, int w, const char *text, int attr, bool pad, bool ellipsis)
{
	if (w <= 0 || y < 0 || x < 0)
		return 0;
	char *s = line_copy(text ? text : "");
	if (!s)
		return 0;
	size_t width = utf8_width(s);
	size_t bytes;
	int used;
	bool cut = width > (size_t)w;
	if (cut && ellipsis && w >= 2) {
		bytes = utf8_prefix_for_width(s, (size_t)w - 1);
		s[bytes] = '\0';
		used = (int)utf8_width(s);
	} else {
		bytes = utf8_prefix_for_width(s, (size_t)w);
		s[bytes] = '\0';
		used = (int)utf8_width(s);
		cut = false;
	}
	attr_t old_a;
	short old_p;
	attr_get(&old_a, &old_p, NULL);
	attrset(attr);
	mvaddnstr(y, x, s, (int)bytes);
	if (cut) {
		addstr("…");
		used++;
	}
	if (pad)
		for (int i = used; i < w; i++)
			addch(' ');
	attr_set(old_a, old_p, NULL);
	free(s);
	return pad ? w : used;
}

int ui_put(int y, int x, int w, const char *text, int attr, bool pad)
{
	return put(y, x, w, text, attr, pad, false);
}

int ui_put_cut(int y, int x, int w, const char *text, int attr, bool pad)
{
	return put(y, x, w, text, attr, pad, true);
}

void ui_fill(int y, int x, int w, int attr)
{
	if (w <= 0)
		return;
	attr_t old_a;
	short old_p;
	attr_get(&old_a, &old_p, NULL);
	attrset(attr);
	mvhline(y, x, ' ', w);
	attr_set(old_a, old_p, NULL);
}

void ui_clear_rect(struct ui_rect r, int attr)
{
	for (int i = 0; i < r.h; i++)
		ui_fill(r.y + i, r.x, r.w, attr);
}

void ui_box(struct ui_rect r, int attr)
{
	if (r.h < 2 || r.w < 2)
		return;
	attr_t old_a;
	short old_p;
	attr_get(&old_a, &old_p, NULL);
	attrset(attr);
	mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
	mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
	mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
	mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
	mvaddch(r.y, r.x, ACS_ULCORNER);
	mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
	mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	attr_set(old_a, old_p, NULL);
}

struct ui_rect ui_body(const struct ui *ui)
{
	return (struct ui_rect){1, 0, ui->rows - 3, ui->cols};
}

void ui_split(const struct ui *ui, int top, struct ui_rect *side, struct ui_rect *pane)
{
	struct ui_rect b = ui_body(ui);
	b.y += top;
	b.h -= top;
	if (ui->cols < SIDE_MINW) {
		*side = (struct ui_rect){b.y, 0, b.h, 0};
		*pane = b;
		return;
	}
	*side = (struct ui_rect){b.y, 0, b.h, SIDE_W};
	/* A rule between them, and a blank column after it. */
	*pane = (struct ui_rect){b.y, SIDE_W + 2, b.h, b.w - SIDE_W - 2};
	mvvline(b.y, SIDE_W, ACS_VLINE, b.h);
}

bool ui_side_draw(struct ui *ui, struct ui_rect side, struct ui_rect pane,
		  const char *const *labels, size_t n, size_t cur, size_t *scroll, bool focused)
{
	struct ui_rect r = side;
	bool took = false;
	if (side.w <= 0) {
		if (!focused)
			return false;
		r = pane;
		took = true;
	}
	if (r.w <= 0 || r.h <= 0)
		return took;
	if (cur < *scroll)
		*scroll = cur;
	if (cur >= *scroll + (size_t)r.h)
		*scroll = cur - (size_t)r.h + 1;
	for (int i = 0; i < r.h && *scroll + (size_t)i < n; i++) {
		size_t k = *scroll + (size_t)i;
		int a = (int)A_NORMAL;
		if (k == cur)
			a = focused ? ui_attr(ui, UI_A_CURSOR) : ui_attr(ui, UI_A_SIDE);
		ui_put_cut(r.y + i, r.x, r.w, labels[k], a, true);
	}
	return took;
}

struct ui_rect ui_popup_rect(const struct ui *ui, int h, int w)
{
	struct ui_rect b = ui_body(ui);
	if (h > b.h)
		h = b.h;
	if (w > b.w - 2)
		w = b.w - 2;
	if (w < 4)
		w = b.w;
	return (struct ui_rect){b.y + (b.h - h) / 2, (b.w - w) / 2, h, w};
}

void ui_header_draw(struct ui *ui, const char *left, const char *right)
{
	/* A case is being run under this screen: its clock stays in view. */
	char clock[128], both[384];
	bool over;
	if (!ui_timer_clock(clock, sizeof clock, &over)) {
		ui_header_draw_warn(ui, left, right, false);
		return;
	}
	snprintf(both, sizeof both, "%s  %s", right ? right : "", clock);
	bool fits = right && (int)utf8_width(both) + 18 <= ui->cols / 2;
	ui_header_draw_warn(ui, left, fits ? both : clock, over);
}

/*
 * The current phase's prompts, joined and wrapped, in h rows.  When they
 * need more rows, they are shown a page at a time, turning every few
 * seconds, with the page count at the end (a prompt longer than the rows
 * is read whole without a key).
 */
void ui_prompts_draw(struct ui *ui, const struct schema_phase *ph, int y, int h)
{
	for (int i = 0; i < h; i++)
		ui_fill(y + i, 0, ui->cols, (int)A_NORMAL);
	if (!ph || h <= 0)
		return;
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < ph->nprompts; i++)
		strbuf_appendf(&b, "%s%s", i ? "　" : "",
			       schema_label_get(&ph->prompts[i], ui->lang));
	struct utf8_lines l = {0};
	ui_wrap(strbuf_str(&b), ui->cols - 8, &l);
	size_t pages = l.n ? (l.n + (size_t)h - 1) / (size_t)h : 1;
	size_t page = pages > 1 ? (size_t)(ui_mono_ms() / UI_PROMPT_PAGE_MS) % pages : 0;
	for (int i = 0; i < h; i++) {
		size_t k = page * (size_t)h + (size_t)i;
		if (k >= l.n)
			break;
		ui_put_cut(y + i, 1, ui->cols - 8, l.v[k], ui_attr(ui, UI_A_HEADING), false);
	}
	if (pages > 1) {
		char mark[48];
		snprintf(mark, sizeof mark, "(%zu/%zu)", page + 1, pages);
		ui_put(y + h - 1, ui->cols - 7, 7, mark, ui_attr(ui, UI_A_DIM), false);
	}
	utf8_lines_free(&l);
	strbuf_free(&b);
}

void ui_header_draw_warn(struct ui *ui, const char *left, const char *right, bool warn)
{
	int a = ui_attr(ui, UI_A_TITLE);
	ui_fill(0, 0, ui->cols, a);
	char mark[160] = "";
	if (ui->read_only)
		snprintf(mark, sizeof mark, " %s ", _("READ-ONLY"));
	else if (ui->saved_at) {
		char hm[16];
		ui_clock_fmt(ui->saved_at, "%H:%M:%S", hm, sizeof hm);
		snprintf(mark, sizeof mark, " ✓%s %s ", _("saved"), hm);
	}
	int rw = (int)utf8_width(mark);
	int rtext = right ? (int)utf8_width(right) + 1 : 0;
	if (rtext + rw > ui->cols / 2)
		rtext = 0;
	ui_put_cut(0, 1, ui->cols - rw - rtext - 2, left, a, false);
	if (rtext)
		ui_put(0, ui->cols - rw - rtext, rtext, right, warn ? ui_attr(ui, UI_A_WARN) : a,
		       false);
	if (rw)
		ui_put(0, ui->cols - rw, rw, mark, ui->read_only ? ui_attr(ui, UI_A_WARN) : a,
		       false);
}

void ui_status_draw(struct ui *ui, const char *hint)
{
	int y = ui->rows - 2;
	ui_fill(y, 0, ui->cols, (int)A_NORMAL);
	if (ui->msg_kind != UI_MSG_NONE && ui->msg[0]) {
		int a = ui->msg_kind == UI_MSG_ERROR  ? ui_attr(ui, UI_A_ERROR)
			: ui->msg_kind == UI_MSG_WARN ? ui_attr(ui, UI_A_WARN)
						      : (int)A_NORMAL;
		ui_put_cut(y, 0, ui->cols, ui->msg, a, false);
	} else if (ui->read_only) {
		ui_put_cut(y, 0, ui->cols, ui->ro_reason, ui_attr(ui, UI_A_WARN), false);
	} else if (hint && *hint) {
		ui_put_cut(y, 0, ui->cols, hint, ui_attr(ui, UI_A_DIM), false);
	}
}

static const char *tr(const char *s)
{
	return s && *s ? _(s) : "";
}

/* Is row i's key taken by an earlier row of the same contexts?  Keys go to
 * the first row that has them (ui_action_lookup), so the footer must not offer
 * the later one too. */
static bool footer_shadowed(size_t i, unsigned ctx)
{
	int key = ui_actions[i].keys[0];
	for (size_t j = 0; j < i; j++) {
		if (!(ui_actions[j].ctx & ctx))
			continue;
		for (size_t k = 0; k < sizeof ui_actions[j].keys / sizeof ui_actions[j].keys[0] &&
				   ui_actions[j].keys[k];
		     k++)
			if (ui_actions[j].keys[k] == key)
				return true;
	}
	return false;
}

void ui_footer_draw(struct ui *ui, unsigned ctx)
{
	int y = ui->rows - 1;
	int w = ui->cols - 1; /* never the bottom-right cell: it would scroll */
	ui_fill(y, 0, w, (int)A_NORMAL);
	/* The way to help is always shown, at the right. */
	const char *hk = (ctx & UI_CTX_CMD) && !(ctx & UI_CTX_TYPEABLE) ? "?" : "F1";
	const char *hl = ctx & UI_CTX_HELP ? "" : _("help");
	int hw = *hl ? (int)(utf8_width(hk) + 1 + utf8_width(hl)) : 0;
	int x = 0;
	int limit = w - hw - 2;
	for (size_t i = 0; i < ui_nactions; i++) {
		const struct ui_action *a = &ui_actions[i];
		if (!ui_action_reachable(a, ctx) || !a->label || a->act == UI_ACT_HELP ||
		    footer_shadowed(i, ctx))
			continue;
		const char *kn = tr(ui_action_keyname(a, ctx));
		const char *lb = tr(a->label);
		int need = (int)(utf8_width(kn) + 1 + utf8_width(lb));
		if (x + need > limit)
			break;
		x += ui_put(y, x, w - x, kn, ui_attr(ui, UI_A_KEY), false);
		x += 1;
		x += ui_put(y, x, w - x, lb, (int)A_NORMAL, false);
		x += 2;
	}
	if (hw) {
		int hx = w - hw;
		hx += ui_put(y, hx, w - hx, hk, ui_attr(ui, UI_A_KEY), false) + 1;
		ui_put(y, hx, w - hx, hl, (int)A_NORMAL, false);
	}
}

static int cursor_y = -1, cursor_x = -1;

void ui_cursor_at(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void ui_cursor_hide(void)
{
	curs_set(0);
}

void ui_cursor_reset(void)
{
	cursor_y = cursor_x = -1;
}

void ui_cursor_apply(void)
{
	if (cursor_y < 0) {
		curs_set(0);
		return;
	}
	move(cursor_y, cursor_x);
	curs_set(1);
}

size_t ui_wrap(const char *text, int w, struct utf8_lines *out)
{
	utf8_wrap(text ? text : "", w > 0 ? (size_t)w : 1, out);
	return out->n;
}
