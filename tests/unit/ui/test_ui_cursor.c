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
 * to want. */
struct move {
	enum keyset keys;
	size_t cur, n;
	int act;
	size_t want;
};

static void check_moves(const struct move *m, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t cur = m[i].cur;
		assert_true(ui_cursor_move(&cur, m[i].n, m[i].act, keyset(m[i].keys)));
		if (cur != m[i].want) {
			print_error("row %zu: from %zu of %zu, action %d: got %zu, want %zu\n", i,
				    m[i].cur, m[i].n, m[i].act, cur, m[i].want);
			fail();
		}
	}
}

#define CHECK(moves) check_moves(moves, sizeof moves / sizeof moves[0])

static const struct move moves[] = {
    /* ↑ ↓ step and stop at the ends (no other key taken). */
    {KEYS_NONE, 0, 5, UI_ACT_DOWN, 1},
    {KEYS_NONE, 4, 5, UI_ACT_DOWN, 4},
    {KEYS_NONE, 3, 5, UI_ACT_UP, 2},
    {KEYS_NONE, 0, 5, UI_ACT_UP, 0},
    /* A list: Tab steps, Home/End. */
    {KEYS_LIST, 1, 5, UI_ACT_NEXT, 2},
    {KEYS_LIST, 1, 5, UI_ACT_PREV, 0},
    {KEYS_LIST, 4, 5, UI_ACT_NEXT, 4},
    {KEYS_LIST, 3, 5, UI_ACT_HOME, 0},
    {KEYS_LIST, 1, 5, UI_ACT_END, 4},
    /* PgUp and PgDn go to the ends. */
    {KEYS_LIST, 3, 5, UI_ACT_PGUP, 0},
    {KEYS_LIST, 1, 5, UI_ACT_PGDN, 4},
    /* One row: every key stays on it. */
    {KEYS_LIST, 0, 1, UI_ACT_DOWN, 0},
    {KEYS_LIST, 0, 1, UI_ACT_END, 0},
    {KEYS_LIST, 0, 1, UI_ACT_PGDN, 0},
    /* Paged by 10, with the ends. */
    {KEYS_PAGED, 0, 25, UI_ACT_PGDN, 10},
    {KEYS_PAGED, 10, 25, UI_ACT_PGDN, 20},
    {KEYS_PAGED, 20, 25, UI_ACT_PGDN, 24},
    {KEYS_PAGED, 15, 16, UI_ACT_PGDN, 15},
    {KEYS_PAGED, 24, 25, UI_ACT_PGUP, 14},
    {KEYS_PAGED, 10, 25, UI_ACT_PGUP, 0},
    {KEYS_PAGED, 4, 25, UI_ACT_PGUP, 0},
    /* A cursor left past the end by a shorter reload comes back in. */
    {KEYS_PAGED, 30, 25, UI_ACT_PGDN, 24},
    {KEYS_PAGED, 30, 25, UI_ACT_END, 24},
};

static void moves_in_a_list(void **state)
{
	(void)state;
	CHECK(moves);
}

static void keys_left_to_the_screen(void **state)
{
	(void)state;
	struct ui_cursor_keys none = {0};
	/* Tab, Home, End and the page keys belong to the screen here. */
	int theirs[] = {UI_ACT_NEXT, UI_ACT_PREV, UI_ACT_HOME, UI_ACT_END,
			UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_OPEN};
	for (size_t i = 0; i < sizeof theirs / sizeof theirs[0]; i++) {
		size_t cur = 2;
		assert_false(ui_cursor_move(&cur, 5, theirs[i], none));
		assert_int_equal(cur, 2);
	}
}

static void empty(void **state)
{
	(void)state;
	int acts[] = {UI_ACT_UP,   UI_ACT_DOWN, UI_ACT_NEXT, UI_ACT_PREV,
		      UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		struct move m[] = {{KEYS_ALL, 0, 0, acts[i], 0}, {KEYS_ALL, 3, 0, acts[i], 0}};
		CHECK(m);
	}
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
	    cmocka_unit_test(moves_in_a_list), cmocka_unit_test(keys_left_to_the_screen),
	    cmocka_unit_test(empty),           cmocka_unit_test(clamp),
	    cmocka_unit_test(scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
