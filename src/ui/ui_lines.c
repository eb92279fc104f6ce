// SPDX-License-Identifier: MIT
/* ui_lines.c — read-only pages of wrapped lines. */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_lines.h"

void ui_lines_add(struct ui_lines *l, const char *text, int attr)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->attr = xreallocarray(l->attr, l->n + 1, sizeof *l->attr);
	l->v[l->n] = xstrdup(text ? text : "");
	l->attr[l->n++] = attr;
}

void ui_lines_addf(struct ui_lines *l, int attr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_lines_add(l, s, attr);
	free(s);
}

void ui_lines_wrap(struct ui_lines *l, const char *text, int w, int indent, int attr)
{
	struct utf8_lines out = {0};
	ui_wrap(text, w - indent > 4 ? w - indent : 4, &out);
	for (size_t i = 0; i < out.n; i++)
		ui_lines_addf(l, attr, "%*s%s", indent, "", out.v[i]);
	utf8_lines_free(&out);
}

void ui_lines_draw(const struct ui_lines *l, struct ui_rect r, int *top)
{
	int max = (int)l->n - r.h;
	if (*top > max)
		*top = max > 0 ? max : 0;
	if (*top < 0)
		*top = 0;
	for (int i = 0; i < r.h && (size_t)(*top + i) < l->n; i++)
		ui_put_cut(r.y + i, r.x, r.w, l->v[*top + i], l->attr[*top + i], false);
	if (*top > 0)
		ui_put(r.y, r.x + r.w - 1, 1, "↑", (int)A_DIM, false);
	if ((size_t)(*top + r.h) < l->n)
		ui_put(r.y + r.h - 1, r.x + r.w - 1, 1, "↓", (int)A_DIM, false);
}

void ui_lines_free(struct ui_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	free(l->attr);
	memset(l, 0, sizeof *l);
}
