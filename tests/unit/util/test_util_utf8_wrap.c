// SPDX-License-Identifier: MIT
/* test_util_utf8_wrap.c — wrapping to display width with Japanese line breaking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

/* A text wrapped to cols: the lines it gives, joined by '|' (NULL: no
 * line at all). */
struct wrap_case {
	const char *text;
	size_t cols;
	const char *lines;
};

static const struct wrap_case wrap_cases[] = {
    /* Japanese breaks between any two characters. */
    {"あいうえおかきくけこ", 8, "あいうえ|おかきく|けこ"},
    /* Kinsoku at a line's start: 。 would start the second line, so あいう
     * moves down with it ... */
    {"あいうえ。かき", 8, "あいう|え。かき"},
    /* ... and a closing bracket after a comma: both stay off the start. */
    {"「買い物に行きたい」、と話す", 18, "「買い物に行きた|い」、と話す"},
    /* Kinsoku at a line's end: 「 may not end a line, it goes down with 買. */
    {"あいう「買い物」", 8, "あいう|「買い|物」"},
    /* Latin words break at spaces ... */
    {"walk to the supermarket alone", 12, "walk to the|supermarket|alone"},
    /* ... and a word wider than the line is cut between characters. */
    {"https://example.invalid/very/long", 10, "https://ex|ample.inva|lid/very/l|ong"},
    /* Mixed text keeps its spaces; a newline ends a line. */
    {"週2回 デイサービス\n自宅で PT の訪問", 80, "週2回 デイサービス|自宅で PT の訪問"},
    /* Empty text is one empty line; no text is no line. */
    {"", 10, ""},
    {NULL, 10, NULL},
    /* か + combining dakuten (U+3099) is one character of width 2. */
    {"か\xe3\x82\x99か\xe3\x82\x99か\xe3\x82\x99", 4,
     "か\xe3\x82\x99か\xe3\x82\x99|か\xe3\x82\x99"},
};

static void test_wrap_cases(void **state)
{
	(void)state;
	int failed = 0;
	for (size_t i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		const struct wrap_case *c = &wrap_cases[i];
		struct utf8_lines l;
		utf8_wrap(c->text, c->cols, &l);
		char got[512] = "";
		size_t at = 0;
		for (size_t k = 0; k < l.n && at < sizeof got; k++)
			at += (size_t)snprintf(got + at, sizeof got - at, "%s%s", k ? "|" : "",
					       l.v[k]);
		bool ok = c->lines ? l.n > 0 && strcmp(got, c->lines) == 0 : l.n == 0;
		if (!ok) {
			print_error(
			    "row %zu: \"%s\" at %zu columns: got %zu lines \"%s\", want \"%s\"\n",
			    i, c->text ? c->text : "(null)", c->cols, l.n, got,
			    c->lines ? c->lines : "(no line)");
			failed = 1;
		}
		utf8_lines_free(&l);
	}
	if (failed)
		fail();
}

/* At every width, kinsoku holds and nothing is lost (check_wrap). */
static void test_wrap_every_width(void **state)
{
	(void)state;
	check_wrap("「買い物に行きたい」、と話す。ゴミ出しはっきりしない。", 6);
	for (size_t cols = 1; cols < 30; cols++) {
		check_wrap(
		    "膝の痛みで（整形外科）通院中。「一人でスーパーへ行きたい」との希望あり。"
		    "Walking 300 m with a cane, 週3回。",
		    cols < 2 ? 2 : cols);
	}
}

/* Breaks that cut a word are avoided where a better one keeps half the
 * line: not inside a katakana word, not leaving one kanji of a compound,
 * not in the middle of a two-character word (個人因｜子,
 * コーディ｜ネーター, 資源発｜掘).  A text's first line at cols: what it
 * holds, the next line starting right after it. */
static const struct wrap_case first_lines[] = {
    {"課題（個人因子）", 12, "課題（個人"},
    {"生活支援コーディネーター", 16, "生活支援"},
    {"資源発掘", 6, "資源"},
    /* no better break: a word longer than the line is still cut */
    {"コーディネーター", 10, "コーディ"},
};

static void test_word_breaks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof first_lines / sizeof first_lines[0]; i++) {
		const struct wrap_case *c = &first_lines[i];
		size_t next = 0;
		size_t len = utf8_wrap_line(c->text, c->cols, &next);
		print_message("first line of \"%s\" at %zu columns\n", c->text, c->cols);
		assert_int_equal(len, strlen(c->lines));
		assert_memory_equal(c->text, c->lines, len);
		/* the next line starts after the break */
		assert_string_equal(c->text + next, c->text + len);
	}
	/* prose keeps its lines full */
	size_t next;
	const char *s =
	    "多職種の視点から、ご本人の望む暮らしの実現に向けた課題と支援方法を検討する";
	size_t len = utf8_wrap_line(s, 60, &next);
	char *line = strndup(s, len);
	assert_true(utf8_width(line) >= 54);
	free(line);
}

/* ↑ △ × ① are one column, or two as a CJK terminal shows them when asked;
 * wide and narrow characters are not affected. */
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
	    cmocka_unit_test(test_wrap_cases),
	    cmocka_unit_test(test_wrap_every_width),
	    cmocka_unit_test(test_ambiguous_width),
	    cmocka_unit_test(test_word_breaks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
