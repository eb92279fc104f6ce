/* SPDX-License-Identifier: MIT */
/*
 * ui_text.h — the text being typed into a field: a UTF-8 buffer and a
 * cursor that only ever stands between two grapheme clusters, so moving,
 * deleting and inserting can never break a character (a kana with its
 * dakuten, an emoji with its modifier).  Display columns come from utf8.h.
 *
 * One model serves the one-line editor (drawn with horizontal scrolling)
 * and the long-text editor (drawn wrapped at character boundaries, so that
 * every byte offset has exactly one place on screen).
 */
#ifndef KAIGI_UI_TEXT_H
#define KAIGI_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/strbuf.h"
#include "ui_app.h"

struct ui_text {
	struct strbuf b;
	size_t cur;     /* byte offset of the cursor */
	size_t hscroll; /* one-line view: first byte shown */
	size_t vscroll; /* long-text view: first screen line shown */
	int want_col;   /* long-text view: column kept by ↑ ↓ (-1: none) */
};

/* Replace the text (NULL is ""); the cursor goes to the end. */
void ui_text_set(struct ui_text *t, const char *s);
const char *ui_text_str(const struct ui_text *t);
void ui_text_free(struct ui_text *t);

/*
 * Apply an editing action: a typed character (UI_ACT_CHAR), ←, →, Home,
 * End, BS, Del, ^U, ^K, and in multi-line text a new line.  Home/End act
 * on the line in multi-line text of width cols.  Returns false when the
 * action is not an editing one (the caller handles it).
 */
bool ui_text_key(struct ui_text *t, const struct ui_key *k, bool multiline, int cols);

/* Lines of the text wrapped to cols at character boundaries: start[i] is
 * the byte where screen line i begins.  Caller frees start. */
size_t ui_text_layout(const char *s, int cols, size_t **start);

/* Draw one line of an editor at (y, x), w columns, and ask for the
 * cursor there. */
void ui_text_draw_line(struct ui_text *t, int y, int x, int w, int attr);
/* Draw the multi-line editor in the rectangle (y, x, h, w). */
void ui_text_draw_area(struct ui_text *t, int y, int x, int h, int w, int attr);

#endif
