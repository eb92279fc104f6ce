/* SPDX-License-Identifier: MIT */
/*
 * ui_cursor.h — the highlighted row of a list (the side lists, a meeting's
 * participants, cases and agenda, the register, the tallies, a pop-up's
 * choices): one function moves it for ↑ ↓ Tab PgUp PgDn Home End, so every
 * list answers these keys the same way.  Lists differ only in which keys
 * they give the cursor and how far a page goes, which the caller says.
 * (The terminal's own cursor is ui_cursor_at in ui_draw.h.)
 */
#ifndef KAIGI_UI_CURSOR_H
#define KAIGI_UI_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* page: PgUp and PgDn go to the first and last row. */
#define UI_CURSOR_PAGE_ENDS SIZE_MAX

/* The keys a list gives its cursor; ↑ and ↓ always step one row. */
struct ui_cursor_keys {
	bool tab;    /* Tab and Shift-Tab step too */
	bool ends;   /* Home and End go to the first and last row */
	size_t page; /* rows PgUp and PgDn move (0: they are not the cursor's) */
};

/* The usual list: Tab steps, Home/End and PgUp/PgDn go to the ends. */
#define UI_CURSOR_LIST                                                                             \
	((struct ui_cursor_keys){.tab = true, .ends = true, .page = UI_CURSOR_PAGE_ENDS})

/*
 * Move *cur within n rows for the action act (enum ui_act).  The cursor
 * stops at either end (no wrapping); in an empty list it stays at 0.
 * Returns false when act is not one of the cursor's keys (the caller
 * handles it), true when it was (moved or not).
 */
bool ui_cursor_move(size_t *cur, size_t n, int act, struct ui_cursor_keys keys);

/* After the rows are read again: a cursor past the last row goes to the
 * last (to 0 in an empty list). */
void ui_cursor_clamp(size_t *cur, size_t n);

/* Scroll *top (the first row shown) so that row cur is one of the rows
 * shown (rows <= 0: only so that it is not above them). */
void ui_cursor_show(size_t cur, size_t *top, int rows);

/*
 * A page read as lines (no rows to highlight): ↑ ↓ scroll *top by one,
 * PgUp PgDn by page lines, Home back to the first.  The drawing clamps
 * *top to what there is.  False for any other action.
 */
bool ui_scroll_move(int *top, int act, int page);

struct ui;
struct ui_key;
/*
 * The keys of a screen's side list of sections while it has the focus
 * (the meeting's, the register's): keys move *at among the n sections
 * (true: it moved, show that section); Enter and → give the focus to the
 * section (*focus_side false); Esc and ← leave the screen (ui_pop).
 */
bool ui_side_key(struct ui *ui, size_t *at, size_t n, const struct ui_key *k,
		 struct ui_cursor_keys keys, bool *focus_side);

#endif
