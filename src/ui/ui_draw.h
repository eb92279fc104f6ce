/* SPDX-License-Identifier: MIT */
/*
 * ui_draw.h — putting text on the screen: clipped and padded by display
 * width (through utf8.h, never splitting a character), with the UI's few
 * attributes, which fall back to bold/reverse/underline without colour.
 *
 * Only the loop's draw pass calls these (via the screens' .draw).
 */
#ifndef KAIGI_UI_DRAW_H
#define KAIGI_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_app.h"

/* A rectangle of the screen, in cells. */
struct ui_rect {
	int y, x, h, w;
};

enum ui_attr {
	UI_A_NORMAL = 0,
	UI_A_TITLE,   /* the header bar */
	UI_A_CURSOR,  /* the highlighted row or cell */
	UI_A_DIM,     /* secondary text, read-only values */
	UI_A_LABEL,   /* field labels */
	UI_A_HEADING, /* section and group headings */
	UI_A_WARN,    /* over time */
	UI_A_ERROR,   /* refused answers, errors */
	UI_A_OK,      /* saved marker, present */
	UI_A_KEY,     /* key names in the footer */
	UI_A_SIDE,    /* the side list when it does not have the focus */
	UI_A_POPUP,   /* pop-up background */
	UI_A_COUNT,
};

/* Set up colour pairs (unless NO_COLOR or a monochrome terminal). */
void ui_draw_init(struct ui *ui);
int ui_attr(const struct ui *ui, enum ui_attr a);

/*
 * Write text at (y, x) in at most w columns, replacing control characters
 * (a newline shows as a space) and never splitting a character.  When pad,
 * fill the rest of the w columns with spaces.  Returns the columns used.
 */
int ui_put(int y, int x, int w, const char *text, int attr, bool pad);
/* The same, cut with "…" when the text is wider than w. */
int ui_put_cut(int y, int x, int w, const char *text, int attr, bool pad);
/* Fill w columns with spaces. */
void ui_fill(int y, int x, int w, int attr);
/* Clear a rectangle (with attr). */
void ui_clear_rect(struct ui_rect r, int attr);
/* A box border around r (r includes the border). */
void ui_box(struct ui_rect r, int attr);

/* The fixed layout: header (row 0), body, message line, footer. */
struct ui_rect ui_body(const struct ui *ui);
/* Side list and pane within the body below its first top rows; the side
 * list is empty (w 0) when the screen is too narrow for it.  Draws the
 * rule between them. */
void ui_split(const struct ui *ui, int top, struct ui_rect *side, struct ui_rect *pane);
/* Draw a side list of n labels with the highlight on cur (scrolled by
 * *scroll); focused says whether the side list has the keys.  On a screen
 * too narrow for the side list (side.w 0) it takes the pane while it has
 * the keys: then it returns true and the page is not drawn. */
bool ui_side_draw(struct ui *ui, struct ui_rect side, struct ui_rect pane,
		  const char *const *labels, size_t n, size_t cur, size_t *scroll, bool focused);
/* A centred pop-up of at most h × w (with border) inside the body. */
struct ui_rect ui_popup_rect(const struct ui *ui, int h, int w);

/* Header bar: left text, and on the right the saved marker / read-only. */
void ui_header_draw(struct ui *ui, const char *left, const char *right);
/* The same, with the right text in the warning colour when warn. */
void ui_header_draw_warn(struct ui *ui, const char *left, const char *right, bool warn);
/* ui_header_draw adds the running case's clock (ui_timer_show) on the
 * right of every screen opened over a case. */

struct schema_phase;
/* How long a page of a phase's prompts stays before the next one. */
#define UI_PROMPT_PAGE_MS 4000
/* The phase's prompts in h rows from y, a page at a time when they need
 * more (ui_draw.c). */
void ui_prompts_draw(struct ui *ui, const struct schema_phase *ph, int y, int h);
/* Status line (message, or hint when there is none) and the footer of the
 * contexts ctx. */
void ui_status_draw(struct ui *ui, const char *hint);
void ui_footer_draw(struct ui *ui, unsigned ctx);

/* Ask for the terminal cursor (shown) at y, x once drawing is done; the
 * last call of a draw pass wins.  ui_cursor_reset forgets it, and
 * ui_cursor_apply (the loop, last) places or hides it. */
void ui_cursor_at(int y, int x);
void ui_cursor_hide(void);
void ui_cursor_reset(void);
void ui_cursor_apply(void);

/* Wrap text to w columns (utf8_wrap); at most max lines into lines[]
 * (owned by out).  Returns the number of lines. */
struct utf8_lines;
size_t ui_wrap(const char *text, int w, struct utf8_lines *out);

#endif
