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

/* A move: from cur in n rows, act moves the cursor to want. */
struct move {
	size_t cur, n;
	int act;
	size_t want;
};

static void check_moves(const struct move *m, size_t count, struct ui_cursor_keys keys)
{
	for (size_t i = 0; i < count; i++) {
		size_t cur = m[i].cur;
		assert_true(ui_cursor_move(&cur, m[i].n, m[i].act, keys));
		if (cur != m[i].want) {
			print_error("row %zu: from %zu of %zu, action %d: got %zu, want %zu\n", i,
				    m[i].cur, m[i].n, m[i].act, cur, m[i].want);
			fail();
		}
	}
}

#define CHECK(moves, keys) check_moves(moves, sizeof moves / sizeof moves[0], keys)

static void steps(void **state)
{
	(void)state;
	struct ui_cursor_keys none = {0};
	static const struct move moves[] = {
	    {0, 5, UI_ACT_DOWN, 1},
	    {4, 5, UI_ACT_DOWN, 4},
	    {3, 5, UI_ACT_UP, 2},
	    {0, 5, UI_ACT_UP, 0},
	};
	CHECK(moves, none);
	/* Tab, Home, End and the page keys belong to the screen here. */
	int theirs[] = {UI_ACT_NEXT, UI_ACT_PREV, UI_ACT_HOME, UI_ACT_END,
			UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_OPEN};
	for (size_t i = 0; i < sizeof theirs / sizeof theirs[0]; i++) {
		size_t cur = 2;
		assert_false(ui_cursor_move(&cur, 5, theirs[i], none));
		assert_int_equal(cur, 2);
	}
}

static void list_keys(void **state)
{
	(void)state;
	static const struct move moves[] = {
	    {1, 5, UI_ACT_NEXT, 2},
	    {1, 5, UI_ACT_PREV, 0},
	    {4, 5, UI_ACT_NEXT, 4},
	    {3, 5, UI_ACT_HOME, 0},
	    {1, 5, UI_ACT_END, 4},
	    /* PgUp and PgDn go to the ends. */
	    {3, 5, UI_ACT_PGUP, 0},
	    {1, 5, UI_ACT_PGDN, 4},
	    /* One row: every key stays on it. */
	    {0, 1, UI_ACT_DOWN, 0},
	    {0, 1, UI_ACT_END, 0},
	    {0, 1, UI_ACT_PGDN, 0},
	};
	CHECK(moves, UI_CURSOR_LIST);
}

static void pages(void **state)
{
	(void)state;
	static const struct move moves[] = {
	    {0, 25, UI_ACT_PGDN, 10},
	    {10, 25, UI_ACT_PGDN, 20},
	    {20, 25, UI_ACT_PGDN, 24},
	    {15, 16, UI_ACT_PGDN, 15},
	    {24, 25, UI_ACT_PGUP, 14},
	    {10, 25, UI_ACT_PGUP, 0},
	    {4, 25, UI_ACT_PGUP, 0},
	    /* A cursor left past the end by a shorter reload comes back in. */
	    {30, 25, UI_ACT_PGDN, 24},
	    {30, 25, UI_ACT_END, 24},
	};
	CHECK(moves, ((struct ui_cursor_keys){.ends = true, .page = 10}));
}

static void empty(void **state)
{
	(void)state;
	struct ui_cursor_keys all = {.tab = true, .ends = true, .page = 10};
	int acts[] = {UI_ACT_UP,   UI_ACT_DOWN, UI_ACT_NEXT, UI_ACT_PREV,
		      UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		struct move m[] = {{0, 0, acts[i], 0}, {3, 0, acts[i], 0}};
		CHECK(m, all);
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
	    cmocka_unit_test(steps), cmocka_unit_test(list_keys), cmocka_unit_test(pages),
	    cmocka_unit_test(empty), cmocka_unit_test(clamp),     cmocka_unit_test(scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
