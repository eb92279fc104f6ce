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

/* True when s[0..len) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);
/* Display columns of s; invalid bytes count one column each. */
size_t utf8_width(const char *s);
/* Bytes of the longest prefix of s that fits in cols columns, never
 * splitting a character. */
size_t utf8_prefix_for_width(const char *s, size_t cols);
/* Append s to b padded with spaces to exactly cols columns (cut if wider). */
void utf8_pad(struct strbuf *b, const char *s, size_t cols);

#endif
