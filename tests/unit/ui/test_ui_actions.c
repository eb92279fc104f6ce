// SPDX-License-Identifier: MIT
/*
 * test_ui_actions.c — the input model's rules, checked on the action table:
 * where text is typed (UI_CTX_TYPEABLE) no printable character is a
 * command, every screen command with a letter also has an Alt key (so it
 * is reachable from a field), and a grid's digits are rows of the table.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>

#include "ui/ui_actions.h"

static int failures;

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "FAIL: %s\n", what);
		failures++;
	}
}

int main(void)
{
	/* A field of a running case, not yet typed into; an open editor. */
	const unsigned places[] = {
	    UI_CTX_GLOBAL | UI_CTX_CMD | UI_CTX_NAV | UI_CTX_CASE | UI_CTX_FORM | UI_CTX_TYPEABLE,
	    UI_CTX_GLOBAL | UI_CTX_EDIT | UI_CTX_TYPEABLE | UI_CTX_CASE,
	    UI_CTX_GLOBAL | UI_CTX_TEXTAREA | UI_CTX_TYPEABLE | UI_CTX_CASE,
	    UI_CTX_GLOBAL | UI_CTX_CMD | UI_CTX_NAV | UI_CTX_MEETING | UI_CTX_FORM |
		UI_CTX_TYPEABLE,
	};
	for (size_t p = 0; p < sizeof places / sizeof places[0]; p++)
		for (int c = 0x20; c < 0x7f; c++) {
			char what[96];
			snprintf(what, sizeof what,
				 "'%c' is a command where text is typed (place %zu)", c, p);
			check(ui_action_lookup(places[p], c) == UI_ACT_NONE, what);
		}
	/* Every command of a running case or a meeting that has a letter has
	 * an Alt key too, and the Alt key works where text is typed. */
	for (size_t i = 0; i < ui_nactions; i++) {
		const struct ui_action *a = &ui_actions[i];
		if (!(a->ctx & (UI_CTX_CASE | UI_CTX_MEETING)) || !ui_key_printable(a->keys[0]))
			continue;
		char what[128];
		snprintf(what, sizeof what, "the row '%s' has no Alt key", a->keyname);
		check(ui_action_reachable(a, places[0] | places[3]), what);
		snprintf(what, sizeof what, "Alt-%s does not reach its action on a field",
			 a->keyname);
		check(ui_action_lookup(places[0] | places[3], UI_ALT(a->keys[0])) == a->act, what);
	}
	/* Digits on a grid are the table's UI_ACT_SET; Esc in an editor cancels. */
	const unsigned grid = UI_CTX_GLOBAL | UI_CTX_CMD | UI_CTX_NAV | UI_CTX_CASE | UI_CTX_GRID;
	for (int c = '1'; c <= '9'; c++)
		check(ui_action_lookup(grid, c) == UI_ACT_SET,
		      "a digit on a grid is not UI_ACT_SET");
	check(ui_action_lookup(places[1], UI_ESC) == UI_ACT_CANCEL, "Esc in a field");
	check(ui_action_lookup(places[2], UI_ESC) == UI_ACT_CANCEL, "Esc in a long text");
	check(ui_action_lookup(places[2], '\t') == UI_ACT_NEXT, "Tab in a long text");
	check(ui_action_lookup(places[1], '\t') == UI_ACT_NEXT, "Tab in a field");
	check(ui_action_lookup(places[2], '\r') == UI_ACT_NEWLINE, "Enter in a long text");
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
