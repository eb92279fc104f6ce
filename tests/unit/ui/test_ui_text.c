// SPDX-License-Identifier: MIT
/*
 * test_ui_text.c — the text being typed into a field (ui_text.h): the
 * cursor moves, deletes and inserts by whole characters (a kanji, a kana
 * with a combining dakuten, an emoji with its skin tone), Home/End and
 * ^U/^K act on the line, ↑ ↓ keep the column across wide characters, and
 * long text wraps by display width.
 *
 * Most of it is one table: a text set, then keys, each with the text and
 * the cursor (a byte offset) it must leave.
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

/* "か" with U+3099 COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK: one が. */
#define GA_DECOMPOSED "\xe3\x81\x8b\xe3\x82\x99"
/* 👍 with U+1F3FD EMOJI MODIFIER FITZPATRICK TYPE-4. */
#define THUMB_TONE "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"

/* A row: a key, or (UI_ACT_NONE) the text set; then whether the text is
 * long text, the width it wraps at, the text and cursor (a byte offset) it
 * must leave, and whether the text took the key (else it goes back to the
 * caller).  UI_ACT_CHAR types typed; UI_ACT_NONE sets typed, which puts the
 * cursor at the end, and then moves the cursor to cur. */
struct key_case {
	int act;
	const char *typed;
	bool multiline;
	int cols;
	const char *want;
	size_t cur;
	bool took;
};

static const struct key_case keys[] = {
    {UI_ACT_NONE, NULL, false, 80, "", 0, true},
    {UI_ACT_NONE, "abc", false, 80, "abc", 3, true},
    {UI_ACT_LEFT, "", false, 80, "abc", 2, true},
    {UI_ACT_CHAR, "X", false, 80, "abXc", 3, true},
    {UI_ACT_CHAR, "日", false, 80, "abX日c", 6, true},
    /* Not editing actions go back to the caller. */
    {UI_ACT_CHAR, "", false, 80, "abX日c", 6, false},
    {UI_ACT_NEWLINE, "", false, 80, "abX日c", 6, false},
    {UI_ACT_UP, "", false, 80, "abX日c", 6, false},
    {UI_ACT_OPEN, "", false, 80, "abX日c", 6, false},
    /* Wide characters: the cursor never lands inside one; at the ends it
     * stays. */
    {UI_ACT_NONE, "日本語", false, 80, "日本語", 9, true},
    {UI_ACT_LEFT, "", false, 80, "日本語", 6, true},
    {UI_ACT_BKSP, "", false, 80, "日語", 3, true},
    {UI_ACT_DEL_CHAR, "", false, 80, "日", 3, true},
    {UI_ACT_RIGHT, "", false, 80, "日", 3, true},
    {UI_ACT_DEL_CHAR, "", false, 80, "日", 3, true},
    {UI_ACT_HOME, "", false, 80, "日", 0, true},
    {UI_ACT_LEFT, "", false, 80, "日", 0, true},
    {UI_ACT_BKSP, "", false, 80, "日", 0, true},
    /* A kana with a combining mark moves and deletes as one. */
    {UI_ACT_NONE, "a" GA_DECOMPOSED "b", false, 80, "a" GA_DECOMPOSED "b", 8, true},
    {UI_ACT_LEFT, "", false, 80, "a" GA_DECOMPOSED "b", 7, true},
    {UI_ACT_LEFT, "", false, 80, "a" GA_DECOMPOSED "b", 1, true},
    {UI_ACT_RIGHT, "", false, 80, "a" GA_DECOMPOSED "b", 7, true},
    {UI_ACT_BKSP, "", false, 80, "ab", 1, true},
    /* An emoji with its modifier too. */
    {UI_ACT_NONE, THUMB_TONE "x", false, 80, THUMB_TONE "x", 9, true},
    {UI_ACT_HOME, "", false, 80, THUMB_TONE "x", 0, true},
    {UI_ACT_DEL_CHAR, "", false, 80, "x", 0, true},
    {UI_ACT_NONE, "x" THUMB_TONE, false, 80, "x" THUMB_TONE, 9, true},
    {UI_ACT_BKSP, "", false, 80, "x", 1, true},
    {UI_ACT_NONE, "本日の議題", false, 80, "本日の議題", 15, true},
    {UI_ACT_HOME, "", false, 80, "本日の議題", 0, true},
    {UI_ACT_RIGHT, "", false, 80, "本日の議題", 3, true},
    {UI_ACT_RIGHT, "", false, 80, "本日の議題", 6, true},
    {UI_ACT_KILL_END, "", false, 80, "本日", 6, true},
    {UI_ACT_LEFT, "", false, 80, "本日", 3, true},
    {UI_ACT_KILL_START, "", false, 80, "日", 0, true},
    /* In long text ^K stops at the line's end, and at the end joins the
     * next line. */
    {UI_ACT_NONE, "ab\ncd", false, 80, "ab\ncd", 1, true},
    {UI_ACT_KILL_END, "", true, 80, "a\ncd", 1, true},
    {UI_ACT_KILL_END, "", true, 80, "acd", 1, true},
    /* Home and End act on the line; past the last line the cursor stays; BS
     * at a line's start joins it to the one above. */
    {UI_ACT_NONE, "ab", false, 80, "ab", 2, true},
    {UI_ACT_NEWLINE, "", true, 80, "ab\n", 3, true},
    {UI_ACT_CHAR, "cd", false, 80, "ab\ncd", 5, true},
    {UI_ACT_HOME, "", true, 80, "ab\ncd", 3, true},
    {UI_ACT_UP, "", true, 80, "ab\ncd", 0, true},
    {UI_ACT_END, "", true, 80, "ab\ncd", 2, true},
    {UI_ACT_DOWN, "", true, 80, "ab\ncd", 5, true},
    {UI_ACT_DOWN, "", true, 80, "ab\ncd", 5, true},
    {UI_ACT_HOME, "", true, 80, "ab\ncd", 3, true},
    {UI_ACT_BKSP, "", true, 80, "abcd", 2, true},
    /* "日本" is four columns: from column 3 of "abcd", ↑ lands after 日
     * (column 2), never inside 本; ↓ goes back to column 3. */
    {UI_ACT_NONE, "日本\nabcd", false, 80, "日本\nabcd", 11, true},
    {UI_ACT_LEFT, "", true, 80, "日本\nabcd", 10, true},
    {UI_ACT_UP, "", true, 80, "日本\nabcd", 3, true},
    {UI_ACT_DOWN, "", true, 80, "日本\nabcd", 10, true},
    /* ↓ moves by screen line in wrapped text. */
    {UI_ACT_NONE, "日本語", false, 80, "日本語", 9, true},
    {UI_ACT_HOME, "", true, 4, "日本語", 6, true},
    {UI_ACT_UP, "", true, 4, "日本語", 0, true},
    /* The column is kept over a short line between
     * (the last rows: see keys_in_order). */
    {UI_ACT_NONE, "abcdef\nx\nabcdef", false, 80, "abcdef\nx\nabcdef", 15, true},
    {UI_ACT_LEFT, "", true, 80, "abcdef\nx\nabcdef", 14, true},
    {UI_ACT_UP, "", true, 80, "abcdef\nx\nabcdef", 8, true},
    {UI_ACT_UP, "", true, 80, "abcdef\nx\nabcdef", 5, true},
};

/* Each row in order on one text; a row that fails is named by its number
 * and the text last set. */
static void keys_in_order(void **state)
{
	(void)state;
	struct ui_text t = {0};
	const char *set = "";
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct key_case *c = &keys[i];
		bool took = true;
		if (c->act == UI_ACT_NONE) {
			ui_text_set(&t, c->typed);
			assert_int_equal(t.cur, c->typed ? strlen(c->typed) : 0);
			t.cur = c->cur;
			set = c->typed ? c->typed : "(NULL)";
		} else {
			struct ui_key k = {.act = c->act};
			snprintf(k.text, sizeof k.text, "%s", c->typed);
			took = ui_text_key(&t, &k, c->multiline, c->cols);
		}
		if (took != c->took || strcmp(ui_text_str(&t), c->want) != 0 || t.cur != c->cur)
			print_error("row %zu (on \"%s\"): took %d, text \"%s\", cursor %zu\n", i,
				    set, took, ui_text_str(&t), t.cur);
		assert_int_equal(took, c->took);
		assert_string_equal(ui_text_str(&t), c->want);
		assert_int_equal(t.cur, c->cur);
	}
	/* After the last row, any other key forgets the column ↑ kept. */
	assert_true(act(&t, UI_ACT_LEFT, true, 80));
	assert_int_equal(t.want_col, -1);
	ui_text_free(&t);
}

/* Wrapped by width: where each screen line starts. */
static void layout(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int cols;
		size_t n, start[3];
	} cases[] = {
	    /* 日本 fills four columns, 語 starts the next line. */
	    {"日本語", 4, 2, {0, 6}},
	    /* A wide character never straddles a line end. */
	    {"a日本", 4, 2, {0, 4}},
	    /* A new line starts one; a final one leaves an empty last line. */
	    {"ab\ncd\n", 80, 3, {0, 3, 6}},
	    {"", 80, 1, {0}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t *start;
		size_t n = ui_text_layout(cases[i].text, cases[i].cols, &start);
		print_message("layout \"%s\" at %d columns\n", cases[i].text, cases[i].cols);
		assert_int_equal(n, cases[i].n);
		for (size_t j = 0; j < n; j++)
			assert_int_equal(start[j], cases[i].start[j]);
		free(start);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(keys_in_order),
	    cmocka_unit_test(layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
