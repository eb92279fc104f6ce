// SPDX-License-Identifier: MIT
/*
 * test_ui_text.c — the text being typed into a field (ui_text.h): the
 * cursor moves, deletes and inserts by whole characters (a kanji, a kana
 * with a combining dakuten, an emoji with its skin tone), Home/End and
 * ^U/^K act on the line, ↑ ↓ keep the column across wide characters, and
 * long text wraps by display width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui_actions.h"
#include "ui_app.h"
#include "ui_text.h"

static bool act(struct ui_text *t, int a, bool multiline, int cols)
{
	struct ui_key k = {.act = a};
	return ui_text_key(t, &k, multiline, cols);
}

static void type(struct ui_text *t, const char *s)
{
	struct ui_key k = {.act = UI_ACT_CHAR};
	snprintf(k.text, sizeof k.text, "%s", s);
	assert_true(ui_text_key(t, &k, false, 80));
}

/* "か" with U+3099 COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK: one が. */
#define GA_DECOMPOSED "\xe3\x81\x8b\xe3\x82\x99"
/* 👍 with U+1F3FD EMOJI MODIFIER FITZPATRICK TYPE-4. */
#define THUMB_TONE "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"

static void set_and_insert(void **state)
{
	(void)state;
	struct ui_text t = {0};
	ui_text_set(&t, NULL);
	assert_string_equal(ui_text_str(&t), "");
	assert_int_equal(t.cur, 0);
	ui_text_set(&t, "abc");
	assert_int_equal(t.cur, 3); /* the cursor goes to the end */
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	type(&t, "X");
	assert_string_equal(ui_text_str(&t), "abXc");
	assert_int_equal(t.cur, 3);
	type(&t, "日");
	assert_string_equal(ui_text_str(&t), "abX日c");
	assert_int_equal(t.cur, 6);
	/* Not editing actions go back to the caller. */
	struct ui_key empty = {.act = UI_ACT_CHAR};
	assert_false(ui_text_key(&t, &empty, false, 80));
	assert_false(act(&t, UI_ACT_NEWLINE, false, 80));
	assert_false(act(&t, UI_ACT_UP, false, 80));
	assert_false(act(&t, UI_ACT_OPEN, false, 80));
	assert_string_equal(ui_text_str(&t), "abX日c");
	ui_text_free(&t);
}

static void wide_characters(void **state)
{
	(void)state;
	struct ui_text t = {0};
	ui_text_set(&t, "日本語");
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	assert_int_equal(t.cur, 6); /* before 語, not inside it */
	assert_true(act(&t, UI_ACT_BKSP, false, 80));
	assert_string_equal(ui_text_str(&t), "日語");
	assert_int_equal(t.cur, 3);
	assert_true(act(&t, UI_ACT_DEL_CHAR, false, 80));
	assert_string_equal(ui_text_str(&t), "日");
	assert_int_equal(t.cur, 3);
	/* At the ends the cursor stays. */
	assert_true(act(&t, UI_ACT_RIGHT, false, 80));
	assert_int_equal(t.cur, 3);
	assert_true(act(&t, UI_ACT_DEL_CHAR, false, 80));
	assert_string_equal(ui_text_str(&t), "日");
	assert_true(act(&t, UI_ACT_HOME, false, 80));
	assert_int_equal(t.cur, 0);
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	assert_true(act(&t, UI_ACT_BKSP, false, 80));
	assert_string_equal(ui_text_str(&t), "日");
	assert_int_equal(t.cur, 0);
	ui_text_free(&t);
}

static void clusters(void **state)
{
	(void)state;
	struct ui_text t = {0};
	/* A kana with a combining mark moves and deletes as one. */
	ui_text_set(&t, "a" GA_DECOMPOSED "b");
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	assert_int_equal(t.cur, 1);
	assert_true(act(&t, UI_ACT_RIGHT, false, 80));
	assert_int_equal(t.cur, 7);
	assert_true(act(&t, UI_ACT_BKSP, false, 80));
	assert_string_equal(ui_text_str(&t), "ab");
	assert_int_equal(t.cur, 1);
	/* An emoji with its modifier too. */
	ui_text_set(&t, THUMB_TONE "x");
	assert_true(act(&t, UI_ACT_HOME, false, 80));
	assert_true(act(&t, UI_ACT_DEL_CHAR, false, 80));
	assert_string_equal(ui_text_str(&t), "x");
	ui_text_set(&t, "x" THUMB_TONE);
	assert_true(act(&t, UI_ACT_BKSP, false, 80));
	assert_string_equal(ui_text_str(&t), "x");
	assert_int_equal(t.cur, 1);
	ui_text_free(&t);
}

static void kill_line(void **state)
{
	(void)state;
	struct ui_text t = {0};
	ui_text_set(&t, "本日の議題");
	assert_true(act(&t, UI_ACT_HOME, false, 80));
	assert_true(act(&t, UI_ACT_RIGHT, false, 80));
	assert_true(act(&t, UI_ACT_RIGHT, false, 80));
	assert_true(act(&t, UI_ACT_KILL_END, false, 80));
	assert_string_equal(ui_text_str(&t), "本日");
	assert_true(act(&t, UI_ACT_LEFT, false, 80));
	assert_true(act(&t, UI_ACT_KILL_START, false, 80));
	assert_string_equal(ui_text_str(&t), "日");
	assert_int_equal(t.cur, 0);
	/* In long text ^K stops at the line's end, and at the end joins the
	 * next line. */
	ui_text_set(&t, "ab\ncd");
	t.cur = 1;
	assert_true(act(&t, UI_ACT_KILL_END, true, 80));
	assert_string_equal(ui_text_str(&t), "a\ncd");
	assert_true(act(&t, UI_ACT_KILL_END, true, 80));
	assert_string_equal(ui_text_str(&t), "acd");
	ui_text_free(&t);
}

static void lines(void **state)
{
	(void)state;
	struct ui_text t = {0};
	ui_text_set(&t, "ab");
	assert_true(act(&t, UI_ACT_NEWLINE, true, 80));
	type(&t, "cd");
	assert_string_equal(ui_text_str(&t), "ab\ncd");
	/* Home and End act on the line. */
	assert_true(act(&t, UI_ACT_HOME, true, 80));
	assert_int_equal(t.cur, 3);
	assert_true(act(&t, UI_ACT_UP, true, 80));
	assert_int_equal(t.cur, 0);
	assert_true(act(&t, UI_ACT_END, true, 80));
	assert_int_equal(t.cur, 2); /* before the new line */
	assert_true(act(&t, UI_ACT_DOWN, true, 80));
	assert_int_equal(t.cur, 5);
	/* Past the last line the cursor stays. */
	assert_true(act(&t, UI_ACT_DOWN, true, 80));
	assert_int_equal(t.cur, 5);
	/* BS at a line's start joins it to the one above. */
	assert_true(act(&t, UI_ACT_HOME, true, 80));
	assert_true(act(&t, UI_ACT_BKSP, true, 80));
	assert_string_equal(ui_text_str(&t), "abcd");
	assert_int_equal(t.cur, 2);
	ui_text_free(&t);
}

static void column_across_wide(void **state)
{
	(void)state;
	struct ui_text t = {0};
	/* "日本" is four columns: from column 3 of "abcd", ↑ lands after 日
	 * (column 2), never inside 本; ↓ goes back to column 3. */
	ui_text_set(&t, "日本\nabcd");
	assert_true(act(&t, UI_ACT_LEFT, true, 80));
	assert_int_equal(t.cur, 10);
	assert_true(act(&t, UI_ACT_UP, true, 80));
	assert_int_equal(t.cur, 3);
	assert_true(act(&t, UI_ACT_DOWN, true, 80));
	assert_int_equal(t.cur, 10);
	/* The column is kept over a short line between. */
	ui_text_set(&t, "abcdef\nx\nabcdef");
	assert_true(act(&t, UI_ACT_LEFT, true, 80));
	assert_true(act(&t, UI_ACT_UP, true, 80));
	assert_int_equal(t.cur, 8); /* the end of "x" */
	assert_true(act(&t, UI_ACT_UP, true, 80));
	assert_int_equal(t.cur, 5);
	/* Any other key forgets it. */
	assert_true(act(&t, UI_ACT_LEFT, true, 80));
	assert_int_equal(t.want_col, -1);
	ui_text_free(&t);
}

static void layout(void **state)
{
	(void)state;
	size_t *start;
	/* Wrapped by width: 日本 fills four columns, 語 starts the next line. */
	size_t n = ui_text_layout("日本語", 4, &start);
	assert_int_equal(n, 2);
	assert_int_equal(start[0], 0);
	assert_int_equal(start[1], 6);
	free(start);
	/* A wide character never straddles a line end. */
	n = ui_text_layout("a日本", 4, &start);
	assert_int_equal(n, 2);
	assert_int_equal(start[1], 4);
	free(start);
	/* A new line starts one; a final one leaves an empty last line. */
	n = ui_text_layout("ab\ncd\n", 80, &start);
	assert_int_equal(n, 3);
	assert_int_equal(start[1], 3);
	assert_int_equal(start[2], 6);
	free(start);
	n = ui_text_layout("", 80, &start);
	assert_int_equal(n, 1);
	free(start);
	/* ↓ moves by screen line in wrapped text. */
	struct ui_text t = {0};
	ui_text_set(&t, "日本語");
	assert_true(act(&t, UI_ACT_HOME, true, 4));
	assert_int_equal(t.cur, 6);
	assert_true(act(&t, UI_ACT_UP, true, 4));
	assert_int_equal(t.cur, 0);
	ui_text_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(set_and_insert), cmocka_unit_test(wide_characters),
	    cmocka_unit_test(clusters),       cmocka_unit_test(kill_line),
	    cmocka_unit_test(lines),          cmocka_unit_test(column_across_wide),
	    cmocka_unit_test(layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
