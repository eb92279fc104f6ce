// SPDX-License-Identifier: MIT
/*
 * test_ui_cursor.c — a list's highlighted row (ui_cursor.h): ↑ ↓ step and
 * stop at the ends, Tab steps only where the list gives it, PgUp/PgDn go a
 * page or to the ends as the list says, Home/End, an empty list, and the
 * keys a list does not take left to the screen; a cursor kept in the list
 * after it is read again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ui_actions.h"
#include "ui_cursor.h"

/* The keys a list takes: none but ↑ ↓, a list's (UI_CURSOR_LIST), paged by
 * 10 with the ends, or all of them. */
enum keyset { KEYS_NONE, KEYS_LIST, KEYS_PAGED, KEYS_ALL };

static struct ui_cursor_keys keyset(enum keyset k)
{
	switch (k) {
	case KEYS_LIST:
		return UI_CURSOR_LIST;
	case KEYS_PAGED:
		return (struct ui_cursor_keys){.ends = true, .page = 10};
	case KEYS_ALL:
		return (struct ui_cursor_keys){.tab = true, .ends = true, .page = 10};
	default:
		return (struct ui_cursor_keys){0};
	}
}

/* A move: with the keys of keys, from cur in n rows, act moves the cursor
 * to want; took: whether the list takes act (else it is the screen's). */
struct move {
	enum keyset keys;
	size_t cur, n;
	int act;
	size_t want;
	bool took;
};

static void check_moves(const struct move *m, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t cur = m[i].cur;
		bool took = ui_cursor_move(&cur, m[i].n, m[i].act, keyset(m[i].keys));
		if (took != m[i].took || cur != m[i].want) {
			print_error(
			    "row %zu: from %zu of %zu, action %d: got %zu (taken: %d), want "
			    "%zu (taken: %d)\n",
			    i, m[i].cur, m[i].n, m[i].act, cur, took, m[i].want, m[i].took);
			fail();
		}
	}
}

#define CHECK(moves) check_moves(moves, sizeof moves / sizeof moves[0])

static const struct move moves[] = {
    /* ↑ ↓ step and stop at the ends (no other key taken). */
    {KEYS_NONE, 0, 5, UI_ACT_DOWN, 1, true},
    {KEYS_NONE, 4, 5, UI_ACT_DOWN, 4, true},
    {KEYS_NONE, 3, 5, UI_ACT_UP, 2, true},
    {KEYS_NONE, 0, 5, UI_ACT_UP, 0, true},
    /* A list: Tab steps, Home/End. */
    {KEYS_LIST, 1, 5, UI_ACT_NEXT, 2, true},
    {KEYS_LIST, 1, 5, UI_ACT_PREV, 0, true},
    {KEYS_LIST, 4, 5, UI_ACT_NEXT, 4, true},
    {KEYS_LIST, 3, 5, UI_ACT_HOME, 0, true},
    {KEYS_LIST, 1, 5, UI_ACT_END, 4, true},
    /* PgUp and PgDn go to the ends. */
    {KEYS_LIST, 3, 5, UI_ACT_PGUP, 0, true},
    {KEYS_LIST, 1, 5, UI_ACT_PGDN, 4, true},
    /* One row: every key stays on it. */
    {KEYS_LIST, 0, 1, UI_ACT_DOWN, 0, true},
    {KEYS_LIST, 0, 1, UI_ACT_END, 0, true},
    {KEYS_LIST, 0, 1, UI_ACT_PGDN, 0, true},
    /* Paged by 10, with the ends. */
    {KEYS_PAGED, 0, 25, UI_ACT_PGDN, 10, true},
    {KEYS_PAGED, 10, 25, UI_ACT_PGDN, 20, true},
    {KEYS_PAGED, 20, 25, UI_ACT_PGDN, 24, true},
    {KEYS_PAGED, 15, 16, UI_ACT_PGDN, 15, true},
    {KEYS_PAGED, 24, 25, UI_ACT_PGUP, 14, true},
    {KEYS_PAGED, 10, 25, UI_ACT_PGUP, 0, true},
    {KEYS_PAGED, 4, 25, UI_ACT_PGUP, 0, true},
    /* A cursor left past the end by a shorter reload comes back in. */
    {KEYS_PAGED, 30, 25, UI_ACT_PGDN, 24, true},
    {KEYS_PAGED, 30, 25, UI_ACT_END, 24, true},
    /* An empty list: every key is taken, and the cursor goes to 0, from
     * wherever it was. */
    {KEYS_ALL, 0, 0, UI_ACT_UP, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_UP, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_DOWN, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_DOWN, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_NEXT, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_NEXT, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_PREV, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_PREV, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_PGUP, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_PGUP, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_PGDN, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_PGDN, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_HOME, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_HOME, 0, true},
    {KEYS_ALL, 0, 0, UI_ACT_END, 0, true},
    {KEYS_ALL, 3, 0, UI_ACT_END, 0, true},
    /* Tab, Home, End and the page keys belong to the screen where the list
     * does not take them: not taken, the cursor stays. */
    {KEYS_NONE, 2, 5, UI_ACT_NEXT, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_PREV, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_HOME, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_END, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_PGUP, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_PGDN, 2, false},
    {KEYS_NONE, 2, 5, UI_ACT_OPEN, 2, false},
};

static void moves_in_a_list(void **state)
{
	(void)state;
	CHECK(moves);
}

static void clamp(void **state)
{
	(void)state;
	size_t cur = 7;
	ui_cursor_clamp(&cur, 3); /* the list got shorter */
	assert_int_equal(cur, 2);
	ui_cursor_clamp(&cur, 3);
	assert_int_equal(cur, 2);
	ui_cursor_clamp(&cur, 0);
	assert_int_equal(cur, 0);
	cur = 1;
	ui_cursor_clamp(&cur, 5);
	assert_int_equal(cur, 1);
}

static void scroll(void **state)
{
	(void)state;
	int top = 5;
	assert_true(ui_scroll_move(&top, UI_ACT_DOWN, 10));
	assert_int_equal(top, 6);
	assert_true(ui_scroll_move(&top, UI_ACT_UP, 10));
	assert_int_equal(top, 5);
	assert_true(ui_scroll_move(&top, UI_ACT_PGDN, 10));
	assert_int_equal(top, 15);
	assert_true(ui_scroll_move(&top, UI_ACT_PGUP, 10));
	assert_int_equal(top, 5);
	assert_true(ui_scroll_move(&top, UI_ACT_HOME, 10));
	assert_int_equal(top, 0);
	/* End is not known without the page; the drawing clamps the rest. */
	assert_false(ui_scroll_move(&top, UI_ACT_END, 10));
	assert_false(ui_scroll_move(&top, UI_ACT_OPEN, 10));
	assert_int_equal(top, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(moves_in_a_list),
	    cmocka_unit_test(clamp),
	    cmocka_unit_test(scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
