/* SPDX-License-Identifier: MIT */
/*
 * utf8.h — display width of UTF-8 text, the one place that measures it.
 *
 * Japanese characters take two terminal columns, combining marks none.
 * Every measure, pad, cut and wrap of text in kaigi goes through here so a
 * character is never split and columns line up.  Widths come from utf8proc
 * (Unicode's East Asian Width and grapheme data), not from the C locale, so
 * they are the same whatever LANG the program runs under.
 */
#ifndef KAIGI_UTF8_H
#define KAIGI_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/strbuf.h"

/*
 * East Asian Ambiguous characters (↑ △ × ① ※ ○ …) are one column by
 * default, as ncurses and most Western terminals show them; a terminal in a
 * CJK locale shows them two wide.  While this is on, every measure below
 * counts them as two — the Japanese text summary turns it on so that its
 * 80 columns are 80 in a Japanese terminal.  Returns the previous setting.
 */
bool utf8_ambiguous_wide_set(bool wide);
/* Whether cp is East Asian Ambiguous (Unicode's EastAsianWidth "A"). */
bool utf8_is_ambiguous(long cp);
/* Columns of one code point under the rules above (a tab, an invalid -1:
 * one). */
size_t utf8_cp_width(long cp);

/* True when s[0..len) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);
/* Display columns of s; invalid bytes count one column each. */
size_t utf8_width(const char *s);
/* Characters (code points) of s: the bytes that begin one. */
size_t utf8_chars(const char *s);
/* Bytes of the longest prefix of s that fits in cols columns, never
 * splitting a character. */
size_t utf8_prefix_for_width(const char *s, size_t cols);
/* Append s to b padded with spaces to exactly cols columns (cut if wider). */
void utf8_pad(struct strbuf *b, const char *s, size_t cols);

/* Bytes of the blank at s — an ASCII space, tab or line break, or U+3000
 * (the 全角 space) —, or 0.  Search queries split into words at these. */
size_t utf8_space_at(const char *s);
/* A piece of text on one line (breaks and tabs read as spaces) around the
 * first match of query's first word (ASCII letters in either case), at
 * most cols display columns (8 at least), "…" where cut; the start of text
 * when the word is not found.  NULL text gives "".  Caller frees. */
char *utf8_excerpt(const char *text, const char *query, size_t cols);

/*
 * Wrapping (src/util/utf8_wrap.c).  A line breaks at a space, or between
 * two Japanese characters, never inside a character or a Latin word (unless
 * the word alone is wider than cols), and follows kinsoku: no line starts
 * with 、。」）ー or a small kana, none ends with 「（.  A break that cuts a
 * word — inside a katakana word, or a kanji compound other than between
 * two-character words — is taken only when no other keeps half the line.
 * A '\n' always ends a line; trailing spaces are dropped.
 *
 * utf8_wrap_line: the bytes of the first line of s wrapped to cols columns;
 * *next is the offset where the following line starts (s[*next] is NUL
 * after the last line).
 */
size_t utf8_wrap_line(const char *s, size_t cols, size_t *next);

/* Wrapped lines, each an owned NUL-terminated string. */
struct utf8_lines {
	char **v;
	size_t n;
};
/* Wrap s (NULL gives no lines, "" one empty line) into out, which the
 * caller frees with utf8_lines_free(). */
void utf8_wrap(const char *s, size_t cols, struct utf8_lines *out);
void utf8_lines_free(struct utf8_lines *l);

/*
 * Text for a terminal, a file or a spreadsheet: every control character
 * (C0 — but line feed and tab when keep_newlines —, DEL, C1) and every byte
 * that is not UTF-8 becomes U+FFFD, so that an answer typed as "\e[2J"
 * shows instead of clearing the screen.
 */
void utf8_append_visible(struct strbuf *b, const char *s, size_t len, bool keep_newlines);
/* The same over b from byte from to its end (a rendered document). */
void utf8_show_controls(struct strbuf *b, size_t from);
/* A visible copy of s (NULL gives ""); caller frees. */
char *utf8_visible(const char *s, bool keep_newlines);

#endif
