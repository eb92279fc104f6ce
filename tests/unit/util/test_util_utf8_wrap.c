// SPDX-License-Identifier: MIT
/* test_util_utf8_wrap.c — wrapping to display width with Japanese line breaking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kaigi/utf8.h"

/* Every line fits, no line starts with a forbidden character, and the
 * lines joined give back the text (less the spaces a break ate). */
static void check_wrap(const char *s, size_t cols)
{
	static const char *const bad_start[] = {"、", "。", "」", "）", "ー", "っ",
						"ャ", ")",  ",",  ".",  NULL};
	struct utf8_lines l;
	utf8_wrap(s, cols, &l);
	assert_true(l.n >= 1);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(utf8_width(l.v[i]) <= cols);
		/* Below four columns a line holds one Japanese character,
		 * so kinsoku cannot always be kept. */
		if (i > 0 && cols >= 4)
			for (size_t k = 0; bad_start[k]; k++)
				assert_false(strncmp(l.v[i], bad_start[k], strlen(bad_start[k])) ==
					     0);
		assert_true(utf8_valid(l.v[i], strlen(l.v[i])));
	}
	utf8_lines_free(&l);
}

static void test_japanese_breaks_between_characters(void **state)
{
	(void)state;
	struct utf8_lines l;
	utf8_wrap("あいうえおかきくけこ", 8, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "あいうえ");
	assert_string_equal(l.v[1], "おかきく");
	assert_string_equal(l.v[2], "けこ");
	utf8_lines_free(&l);
}

static void test_kinsoku_line_start(void **state)
{
	(void)state;
	struct utf8_lines l;
	/* 。 would start the second line: あいう moves down with it. */
	utf8_wrap("あいうえ。かき", 8, &l);
	assert_string_equal(l.v[0], "あいう");
	assert_string_equal(l.v[1], "え。かき");
	utf8_lines_free(&l);
	/* A closing bracket after a comma: both stay off the line start. */
	utf8_wrap("「買い物に行きたい」、と話す", 18, &l);
	assert_string_equal(l.v[0], "「買い物に行きた");
	assert_string_equal(l.v[1], "い」、と話す");
	utf8_lines_free(&l);
	check_wrap("「買い物に行きたい」、と話す。ゴミ出しはっきりしない。", 6);
}

static void test_kinsoku_line_end(void **state)
{
	(void)state;
	struct utf8_lines l;
	/* 「 may not end a line: it goes down with 買. */
	utf8_wrap("あいう「買い物」", 8, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "あいう");
	assert_string_equal(l.v[1], "「買い");
	assert_string_equal(l.v[2], "物」");
	utf8_lines_free(&l);
}

static void test_latin_words_break_at_spaces(void **state)
{
	(void)state;
	struct utf8_lines l;
	utf8_wrap("walk to the supermarket alone", 12, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "walk to the");
	assert_string_equal(l.v[1], "supermarket");
	assert_string_equal(l.v[2], "alone");
	utf8_lines_free(&l);
	/* A word wider than the line is cut between characters. */
	utf8_wrap("https://example.invalid/very/long", 10, &l);
	assert_string_equal(l.v[0], "https://ex");
	utf8_lines_free(&l);
}

static void test_mixed_and_newlines(void **state)
{
	(void)state;
	struct utf8_lines l;
	utf8_wrap("週2回 デイサービス\n自宅で PT の訪問", 80, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "週2回 デイサービス");
	assert_string_equal(l.v[1], "自宅で PT の訪問");
	utf8_lines_free(&l);
	utf8_wrap("", 10, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "");
	utf8_lines_free(&l);
	utf8_wrap(NULL, 10, &l);
	assert_int_equal(l.n, 0);
	for (size_t cols = 1; cols < 30; cols++) {
		check_wrap(
		    "膝の痛みで（整形外科）通院中。「一人でスーパーへ行きたい」との希望あり。"
		    "Walking 300 m with a cane, 週3回。",
		    cols < 2 ? 2 : cols);
	}
}

static void test_combining_marks_stay(void **state)
{
	(void)state;
	struct utf8_lines l;
	/* か + combining dakuten (U+3099) is one character of width 2. */
	utf8_wrap("か\xe3\x82\x99か\xe3\x82\x99か\xe3\x82\x99", 4, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "か\xe3\x82\x99か\xe3\x82\x99");
	utf8_lines_free(&l);
}

/* Breaks that cut a word are avoided where a better one keeps half the
 * line: not inside a katakana word, not leaving one kanji of a compound,
 * not in the middle of a two-character word (個人因｜子,
 * コーディ｜ネーター, 資源発｜掘). */
static void test_word_breaks(void **state)
{
	(void)state;
	size_t next;
	const char *s = "課題（個人因子）";
	assert_int_equal(utf8_wrap_line(s, 12, &next), strlen("課題（個人"));
	s = "生活支援コーディネーター";
	assert_int_equal(utf8_wrap_line(s, 16, &next), strlen("生活支援"));
	assert_string_equal(s + next, "コーディネーター");
	s = "資源発掘";
	assert_int_equal(utf8_wrap_line(s, 6, &next), strlen("資源"));
	/* no better break: a word longer than the line is still cut */
	s = "コーディネーター";
	assert_int_equal(utf8_wrap_line(s, 10, &next), strlen("コーディ"));
	/* prose keeps its lines full */
	s = "多職種の視点から、ご本人の望む暮らしの実現に向けた課題と支援方法を検討する";
	size_t len = utf8_wrap_line(s, 60, &next);
	char *line = strndup(s, len);
	assert_true(utf8_width(line) >= 54);
	free(line);
}

/* ↑ △ × ① are one column, or two as a CJK terminal shows them when asked
 *; wide and narrow characters are not affected. */
static void test_ambiguous_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("↑△×①"), 4);
	bool was = utf8_ambiguous_wide_set(true);
	assert_false(was);
	assert_int_equal(utf8_width("↑△×①"), 8);
	assert_int_equal(utf8_width("〇1 ab 日本"), 11);
	size_t next;
	assert_int_equal(utf8_wrap_line("①②③④", 5, &next), strlen("①②"));
	utf8_ambiguous_wide_set(was);
	assert_int_equal(utf8_width("↑△×①"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_japanese_breaks_between_characters),
	    cmocka_unit_test(test_kinsoku_line_start),
	    cmocka_unit_test(test_kinsoku_line_end),
	    cmocka_unit_test(test_latin_words_break_at_spaces),
	    cmocka_unit_test(test_mixed_and_newlines),
	    cmocka_unit_test(test_combining_marks_stay),
	    cmocka_unit_test(test_ambiguous_width),
	    cmocka_unit_test(test_word_breaks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
