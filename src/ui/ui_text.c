// SPDX-License-Identifier: MIT
/*
 * ui_text.c — editing text by grapheme cluster (see ui_text.h).
 *
 * Boundaries come from utf8proc's grapheme break rules; the previous
 * boundary is found by walking from the start of the text, which is cheap
 * for what a field holds and avoids guessing backwards through combining
 * sequences.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draw.h"
#include "ui_text.h"

void ui_text_set(struct ui_text *t, const char *s)
{
	strbuf_reset(&t->b);
	strbuf_append(&t->b, s ? s : "");
	t->cur = t->b.len;
	t->hscroll = 0;
	t->vscroll = 0;
	t->want_col = -1;
}

const char *ui_text_str(const struct ui_text *t)
{
	return strbuf_str(&t->b);
}

void ui_text_free(struct ui_text *t)
{
	strbuf_free(&t->b);
	memset(t, 0, sizeof *t);
}

/* The byte after the grapheme cluster that starts at off. */
static size_t next_boundary(const char *s, size_t len, size_t off)
{
	if (off >= len)
		return len;
	utf8proc_int32_t prev, cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
					      (utf8proc_ssize_t)(len - off), &prev);
	if (n <= 0)
		return off + 1;
	size_t pos = off + (size_t)n;
	utf8proc_int32_t state = 0;
	while (pos < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
				     (utf8proc_ssize_t)(len - pos), &cp);
		if (n <= 0 || utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		pos += (size_t)n;
	}
	return pos;
}

static size_t prev_boundary(const char *s, size_t len, size_t off)
{
	size_t pos = 0, last = 0;
	while (pos < off && pos < len) {
		last = pos;
		pos = next_boundary(s, len, pos);
	}
	return last;
}

/* Columns of s[a, b). */
static size_t width_between(const char *s, size_t a, size_t b)
{
	if (b <= a)
		return 0;
	char *tmp = xstrndup(s + a, b - a);
	size_t w = utf8_width(tmp);
	free(tmp);
	return w;
}

/* Width of one cluster at off (bytes in *n). */
static size_t cluster_width(const char *s, size_t len, size_t off, size_t *n)
{
	size_t end = next_boundary(s, len, off);
	*n = end - off;
	if (s[off] == '\n')
		return 0;
	return width_between(s, off, end);
}

size_t ui_text_layout(const char *s, int cols, size_t **start)
{
	size_t len = strlen(s), cap = 8, n = 0;
	size_t *v = xmalloc(cap * sizeof *v);
	size_t w = cols > 1 ? (size_t)cols : 1;
	v[n++] = 0;
	size_t pos = 0, used = 0;
	while (pos < len) {
		size_t k;
		size_t cw = cluster_width(s, len, pos, &k);
		size_t brk = 0;
		if (s[pos] == '\n') {
			brk = pos + k;
			pos += k;
		} else if (used + cw > w && used > 0) {
			brk = pos; /* this cluster starts the next line */
		} else {
			used += cw;
			pos += k;
			continue;
		}
		if (n == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = brk;
		used = 0;
	}
	*start = v;
	return n;
}

/* Screen line of the cursor in a layout. */
static size_t line_of(const size_t *start, size_t n, size_t cur)
{
	size_t i = 0;
	while (i + 1 < n && start[i + 1] <= cur)
		i++;
	return i;
}

/* End of screen line i (before a newline). */
static size_t line_end(const char *s, const size_t *start, size_t n, size_t i)
{
	size_t e = i + 1 < n ? start[i + 1] : strlen(s);
	if (e > start[i] && s[e - 1] == '\n')
		e--;
	return e;
}

/* The offset on line i nearest to column col. */
static size_t offset_at_col(const char *s, const size_t *start, size_t n, size_t i, size_t col)
{
	size_t len = strlen(s), pos = start[i], end = line_end(s, start, n, i), used = 0;
	while (pos < end) {
		size_t k;
		size_t cw = cluster_width(s, len, pos, &k);
		if (used + cw > col)
			break;
		used += cw;
		pos += k;
	}
	return pos;
}

static void text_insert(struct ui_text *t, const char *bytes)
{
	size_t n = strlen(bytes);
	if (n == 0)
		return;
	struct strbuf nb = STRBUF_INIT;
	strbuf_appendn(&nb, t->b.s ? t->b.s : "", t->cur);
	strbuf_append(&nb, bytes);
	strbuf_append(&nb, t->b.s ? t->b.s + t->cur : "");
	strbuf_free(&t->b);
	t->b = nb;
	t->cur += n;
}

static void text_erase(struct ui_text *t, size_t a, size_t b)
{
	if (b <= a)
		return;
	memmove(t->b.s + a, t->b.s + b, t->b.len - b + 1);
	t->b.len -= b - a;
	t->cur = a;
}

static bool vertical(struct ui_text *t, int dir, int cols)
{
	const char *s = ui_text_str(t);
	size_t *start;
	size_t n = ui_text_layout(s, cols, &start);
	size_t i = line_of(start, n, t->cur);
	if (t->want_col < 0)
		t->want_col = (int)width_between(s, start[i], t->cur);
	if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= n)) {
		free(start);
		return true;
	}
	t->cur = offset_at_col(s, start, n, dir < 0 ? i - 1 : i + 1, (size_t)t->want_col);
	free(start);
	return true;
}

bool ui_text_key(struct ui_text *t, const struct ui_key *k, bool multiline, int cols)
{
	const char *s = ui_text_str(t);
	size_t len = t->b.len;
	bool keep_col = false;
	switch (k->act) {
	case UI_ACT_CHAR:
		if (!k->text[0])
			return false;
		text_insert(t, k->text);
		break;
	case UI_ACT_NEWLINE:
		if (!multiline)
			return false;
		text_insert(t, "\n");
		break;
	case UI_ACT_LEFT:
		t->cur = prev_boundary(s, len, t->cur);
		break;
	case UI_ACT_RIGHT:
		t->cur = next_boundary(s, len, t->cur);
		break;
	case UI_ACT_HOME:
	case UI_ACT_END:
		if (!multiline) {
			t->cur = k->act == UI_ACT_HOME ? 0 : len;
		} else {
			size_t *start;
			size_t n = ui_text_layout(s, cols, &start);
			size_t i = line_of(start, n, t->cur);
			t->cur = k->act == UI_ACT_HOME ? start[i] : line_end(s, start, n, i);
			free(start);
		}
		break;
	case UI_ACT_UP:
	case UI_ACT_DOWN:
		if (!multiline)
			return false;
		keep_col = vertical(t, k->act == UI_ACT_UP ? -1 : 1, cols);
		break;
	case UI_ACT_BKSP:
		if (t->cur > 0)
			text_erase(t, prev_boundary(s, len, t->cur), t->cur);
		break;
	case UI_ACT_DEL_CHAR:
		if (t->cur < len)
			text_erase(t, t->cur, next_boundary(s, len, t->cur));
		break;
	case UI_ACT_KILL_START:
		text_erase(t, 0, t->cur);
		break;
	case UI_ACT_KILL_END:
		if (!multiline) {
			text_erase(t, t->cur, len);
		} else {
			const char *nl = strchr(s + t->cur, '\n');
			size_t e = nl ? (size_t)(nl - s) : len;
			/* At the end of a line, ^K joins the next one. */
			text_erase(t, t->cur, e == t->cur && nl ? e + 1 : e);
		}
		break;
	default:
		return false;
	}
	if (!keep_col)
		t->want_col = -1;
	return true;
}

void ui_text_draw_line(struct ui_text *t, int y, int x, int w, int attr)
{
	const char *s = ui_text_str(t);
	size_t len = t->b.len;
	if (w < 2)
		return;
	/* Keep the cursor inside the window, with a column to spare. */
	if (t->hscroll > t->cur)
		t->hscroll = t->cur;
	while (width_between(s, t->hscroll, t->cur) > (size_t)w - 1)
		t->hscroll = next_boundary(s, len, t->hscroll);
	ui_put(y, x, w, s + t->hscroll, attr, true);
	ui_cursor_at(y, x + (int)width_between(s, t->hscroll, t->cur));
}

void ui_text_draw_area(struct ui_text *t, int y, int x, int h, int w, int attr)
{
	const char *s = ui_text_str(t);
	size_t *start;
	size_t n = ui_text_layout(s, w - 1, &start);
	size_t cl = line_of(start, n, t->cur);
	if (cl < t->vscroll)
		t->vscroll = cl;
	if (h > 0 && cl >= t->vscroll + (size_t)h)
		t->vscroll = cl - (size_t)h + 1;
	for (int i = 0; i < h; i++) {
		size_t li = t->vscroll + (size_t)i;
		ui_fill(y + i, x, w, attr);
		if (li >= n)
			continue;
		size_t e = line_end(s, start, n, li);
		char *line = xstrndup(s + start[li], e - start[li]);
		ui_put(y + i, x, w, line, attr, true);
		free(line);
	}
	ui_cursor_at(y + (int)(cl - t->vscroll), x + (int)width_between(s, start[cl], t->cur));
	free(start);
}
