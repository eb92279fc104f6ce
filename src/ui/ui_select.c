// SPDX-License-Identifier: MIT
/* ui_select.c — the pop-up list of choices with type-to-filter. */
#define NCURSES_WIDECHAR 1
#include <ctype.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_select.h"

void ui_select_close(struct ui_select *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].value);
		free(s->v[i].label);
	}
	free(s->v);
	free(s->vis);
	free(s->title);
	strbuf_free(&s->filter);
	memset(s, 0, sizeof *s);
}

void ui_select_begin(struct ui_select *s, const char *title, bool multi, int tag)
{
	ui_select_close(s);
	s->title = xstrdup(title ? title : "");
	s->multi = multi;
	s->tag = tag;
}

void ui_select_add(struct ui_select *s, const char *value, const char *label, bool on)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = (struct ui_select_opt){xstrdup(value), xstrdup(label ? label : value), on};
}

/* Case-insensitive (ASCII) containment; other bytes compare as they are. */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return true;
	for (const char *h = hay; *h; h++) {
		size_t i = 0;
		while (i < n && h[i] &&
		       tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

static void refilter(struct ui_select *s)
{
	free(s->vis);
	s->vis = xcalloc(s->n ? s->n : 1, sizeof *s->vis);
	s->nvis = 0;
	const char *f = strbuf_str(&s->filter);
	for (size_t i = 0; i < s->n; i++)
		if (contains(s->v[i].label, f) || contains(s->v[i].value, f))
			s->vis[s->nvis++] = i;
	if (s->cur >= s->nvis)
		s->cur = s->nvis ? s->nvis - 1 : 0;
	if (s->top > s->cur)
		s->top = s->cur;
}

void ui_select_show(struct ui_select *s)
{
	s->open = true;
	s->cur = s->top = 0;
	refilter(s);
	for (size_t i = 0; i < s->nvis; i++)
		if (s->v[s->vis[i]].on) {
			s->cur = i;
			break;
		}
}

const struct ui_select_opt *ui_select_current(const struct ui_select *s)
{
	return s->nvis ? &s->v[s->vis[s->cur]] : NULL;
}

char *ui_select_value(const struct ui_select *s)
{
	if (!s->multi) {
		const struct ui_select_opt *o = ui_select_current(s);
		return xstrdup(o ? o->value : "");
	}
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].on) {
			if (b.len)
				strbuf_appendc(&b, ' ');
			strbuf_append(&b, s->v[i].value);
		}
	return b.s ? strbuf_take(&b) : xstrdup("");
}

char *ui_select_pick(struct ui *ui, struct ui_select *s, const struct ui_key *k)
{
	enum ui_select_result r = ui_select_key(ui, s, k);
	char *v = r == UI_SELECT_CHOSEN ? ui_select_value(s) : NULL;
	if (r != UI_SELECT_OPEN)
		ui_select_close(s);
	return v;
}

/* Rows of options the pop-up shows (as ui_select_draw lays it out). */
static int page_rows(const struct ui *ui, const struct ui_select *s)
{
	struct ui_rect r = ui_popup_rect(ui, (int)s->n + 4, 40);
	return r.h - 4 > 1 ? r.h - 4 : 1;
}

enum ui_select_result ui_select_key(struct ui *ui, struct ui_select *s, const struct ui_key *k)
{
	size_t page = (size_t)page_rows(ui, s);
	if (ui_cursor_move(&s->cur, s->nvis, k->act,
			   (struct ui_cursor_keys){.ends = true, .page = page}))
		return UI_SELECT_OPEN;
	switch (k->act) {
	case UI_ACT_TOGGLE:
		if (!s->multi) {
			/* A single choice: ticking the highlighted one chooses it. */
			if (!s->nvis)
				break;
			s->open = false;
			return UI_SELECT_CHOSEN;
		}
		if (s->nvis)
			s->v[s->vis[s->cur]].on = !s->v[s->vis[s->cur]].on;
		break;
	case UI_ACT_CHOOSE:
		if (!s->multi && !s->nvis)
			break;
		s->open = false;
		return UI_SELECT_CHOSEN;
	case UI_ACT_CANCEL:
		s->open = false;
		return UI_SELECT_CANCELLED;
	case UI_ACT_BKSP:
		if (s->filter.len) {
			/* Drop the last character, not the last byte. */
			size_t n = s->filter.len;
			while (n > 0 && ((unsigned char)s->filter.s[n - 1] & 0xc0) == 0x80)
				n--;
			if (n > 0)
				n--;
			s->filter.s[n] = '\0';
			s->filter.len = n;
			refilter(s);
		}
		break;
	case UI_ACT_CHAR:
		strbuf_append(&s->filter, k->text);
		s->cur = 0;
		refilter(s);
		break;
	default:
		break;
	}
	return UI_SELECT_OPEN;
}

void ui_select_draw(struct ui *ui, struct ui_select *s)
{
	if (!s->open)
		return;
	int lw = (int)utf8_width(s->title) + 4;
	for (size_t i = 0; i < s->n; i++) {
		int w = (int)utf8_width(s->v[i].label) + 8;
		if (w > lw)
			lw = w;
	}
	if (lw < 44)
		lw = 44; /* room for the multiple-choice footer */
	struct ui_rect r = ui_popup_rect(ui, (int)s->n + 4, lw);
	int bg = ui_attr(ui, UI_A_POPUP);
	ui_clear_rect(r, bg);
	ui_box(r, bg);
	ui_put_cut(r.y, r.x + 2, r.w - 4, s->title, ui_attr(ui, UI_A_HEADING), false);
	/* The filter line. */
	char flabel[128];
	snprintf(flabel, sizeof flabel, "%s: ", _("filter"));
	int fx = r.x + 2;
	fx += ui_put(r.y + 1, fx, r.w - 4, flabel, ui_attr(ui, UI_A_DIM), false);
	int fw = r.x + r.w - 2 - fx;
	ui_put(r.y + 1, fx, fw, strbuf_str(&s->filter), (int)A_UNDERLINE, true);
	int rows = r.h - 4;
	ui_cursor_show(s->cur, &s->top, rows);
	if (s->nvis == 0)
		ui_put(r.y + 2, r.x + 2, r.w - 4, _("(nothing matches)"), ui_attr(ui, UI_A_DIM),
		       false);
	for (int i = 0; i < rows && s->top + (size_t)i < s->nvis; i++) {
		size_t vi = s->top + (size_t)i;
		const struct ui_select_opt *o = &s->v[s->vis[vi]];
		int a = vi == s->cur ? ui_attr(ui, UI_A_CURSOR) : bg;
		const char *mark = s->multi ? (o->on ? "[x] " : "[ ] ") : (o->on ? "● " : "  ");
		int y = r.y + 2 + i;
		ui_fill(y, r.x + 1, r.w - 2, a);
		int x = r.x + 2;
		x += ui_put(y, x, r.w - 4, mark, a, false);
		ui_put_cut(y, x, r.x + r.w - 2 - x, o->label, a, false);
	}
	char foot[160];
	if (s->multi)
		snprintf(foot, sizeof foot, "%zu/%zu  %s", s->nvis, s->n,
			 _("Space: tick  Enter: save"));
	else
		snprintf(foot, sizeof foot, "%zu/%zu", s->nvis, s->n);
	ui_put_cut(r.y + r.h - 2, r.x + 2, r.w - 4, foot, ui_attr(ui, UI_A_DIM), false);
	ui_cursor_at(r.y + 1, fx + (int)utf8_width(strbuf_str(&s->filter)));
}
