/* SPDX-License-Identifier: MIT */
/*
 * ui_lines.h — a page of read-only lines (the overview, the wrap-up
 * read-back): built with wrapping by display width, drawn scrolled.
 */
#ifndef KAIGI_UI_LINES_H
#define KAIGI_UI_LINES_H

#include <stddef.h>

#include "kaigi/error.h"
#include "ui_draw.h"

struct ui_lines {
	char **v;
	int *attr;
	size_t n;
};

void ui_lines_add(struct ui_lines *l, const char *text, int attr);
void ui_lines_addf(struct ui_lines *l, int attr, const char *fmt, ...) KAIGI_PRINTF(3, 4);
/* text wrapped to w columns, each line indented by indent spaces. */
void ui_lines_wrap(struct ui_lines *l, const char *text, int w, int indent, int attr);
/* Draw from line *top (clamped) in r. */
void ui_lines_draw(const struct ui_lines *l, struct ui_rect r, int *top);
void ui_lines_free(struct ui_lines *l);

#endif
