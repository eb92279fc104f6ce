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

static size_t moved(size_t cur, size_t n, int act, struct ui_cursor_keys keys)
{
	assert_true(ui_cursor_move(&cur, n, act, keys));
	return cur;
}

static void steps(void **state)
{
	(void)state;
	struct ui_cursor_keys none = {0};
	assert_int_equal(moved(0, 5, UI_ACT_DOWN, none), 1);
	assert_int_equal(moved(4, 5, UI_ACT_DOWN, none), 4);
	assert_int_equal(moved(3, 5, UI_ACT_UP, none), 2);
	assert_int_equal(moved(0, 5, UI_ACT_UP, none), 0);
	/* Tab, Home, End and the page keys belong to the screen here. */
	size_t cur = 2;
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_NEXT, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_PREV, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_HOME, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_END, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_PGUP, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_PGDN, none));
	assert_false(ui_cursor_move(&cur, 5, UI_ACT_OPEN, none));
	assert_int_equal(cur, 2);
}

static void list_keys(void **state)
{
	(void)state;
	assert_int_equal(moved(1, 5, UI_ACT_NEXT, UI_CURSOR_LIST), 2);
	assert_int_equal(moved(1, 5, UI_ACT_PREV, UI_CURSOR_LIST), 0);
	assert_int_equal(moved(4, 5, UI_ACT_NEXT, UI_CURSOR_LIST), 4);
	assert_int_equal(moved(3, 5, UI_ACT_HOME, UI_CURSOR_LIST), 0);
	assert_int_equal(moved(1, 5, UI_ACT_END, UI_CURSOR_LIST), 4);
	/* PgUp and PgDn go to the ends. */
	assert_int_equal(moved(3, 5, UI_ACT_PGUP, UI_CURSOR_LIST), 0);
	assert_int_equal(moved(1, 5, UI_ACT_PGDN, UI_CURSOR_LIST), 4);
}

static void pages(void **state)
{
	(void)state;
	struct ui_cursor_keys ten = {.ends = true, .page = 10};
	assert_int_equal(moved(0, 25, UI_ACT_PGDN, ten), 10);
	assert_int_equal(moved(10, 25, UI_ACT_PGDN, ten), 20);
	assert_int_equal(moved(20, 25, UI_ACT_PGDN, ten), 24);
	assert_int_equal(moved(15, 16, UI_ACT_PGDN, ten), 15);
	assert_int_equal(moved(24, 25, UI_ACT_PGUP, ten), 14);
	assert_int_equal(moved(10, 25, UI_ACT_PGUP, ten), 0);
	assert_int_equal(moved(4, 25, UI_ACT_PGUP, ten), 0);
	/* A cursor left past the end by a shorter reload comes back in. */
	assert_int_equal(moved(30, 25, UI_ACT_PGDN, ten), 24);
	assert_int_equal(moved(30, 25, UI_ACT_END, ten), 24);
}

static void empty(void **state)
{
	(void)state;
	struct ui_cursor_keys all = {.tab = true, .ends = true, .page = 10};
	int acts[] = {UI_ACT_UP,   UI_ACT_DOWN, UI_ACT_NEXT, UI_ACT_PREV,
		      UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		assert_int_equal(moved(0, 0, acts[i], all), 0);
		assert_int_equal(moved(3, 0, acts[i], all), 0);
	}
}

static void one_row(void **state)
{
	(void)state;
	assert_int_equal(moved(0, 1, UI_ACT_DOWN, UI_CURSOR_LIST), 0);
	assert_int_equal(moved(0, 1, UI_ACT_END, UI_CURSOR_LIST), 0);
	assert_int_equal(moved(0, 1, UI_ACT_PGDN, UI_CURSOR_LIST), 0);
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
	    cmocka_unit_test(steps),  cmocka_unit_test(list_keys), cmocka_unit_test(pages),
	    cmocka_unit_test(empty),  cmocka_unit_test(one_row),   cmocka_unit_test(clamp),
	    cmocka_unit_test(scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
