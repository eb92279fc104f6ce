// SPDX-License-Identifier: MIT
/* utf8.c — display width of UTF-8 text, through utf8proc. */
#include "kaigi/utf8.h"

#include <string.h>
#include <utf8proc.h>

bool utf8_valid(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
		if (n <= 0)
			return false;
		p += n;
		left -= n;
	}
	return true;
}

/* East Asian Ambiguous characters as two columns (utf8_ambiguous_wide_set);
 * which they are is generated from Unicode data (gen_ambiguous.py). */
static bool ambiguous_wide;
extern const long utf8_ambiguous_ranges[][2];
extern const size_t utf8_ambiguous_count;

bool utf8_is_ambiguous(long cp)
{
	size_t lo = 0, hi = utf8_ambiguous_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < utf8_ambiguous_ranges[mid][0])
			hi = mid;
		else if (cp > utf8_ambiguous_ranges[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool utf8_ambiguous_wide_set(bool wide)
{
	bool was = ambiguous_wide;
	ambiguous_wide = wide;
	return was;
}

size_t utf8_cp_width(long cp)
{
	if (cp < 0 || cp == '\t')
		return 1;
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	if (w == 1 && ambiguous_wide && utf8_is_ambiguous(cp))
		w = 2;
	return w < 0 ? 0 : (size_t)w;
}

/* Width of one character at s (bytes in *n); invalid bytes are one column. */
static size_t char_width(const char *s, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0) {
		*n = 1;
		return 1;
	}
	*n = (size_t)k;
	return utf8_cp_width(cp);
}

size_t utf8_width(const char *s)
{
	size_t w = 0, n;
	while (*s) {
		w += char_width(s, &n);
		s += n;
	}
	return w;
}

/* The bytes of the longest prefix of s at most cols wide; its width in *used. */
static size_t prefix_for_width(const char *s, size_t cols, size_t *used)
{
	size_t off = 0, n;
	*used = 0;
	while (s[off]) {
		size_t w = char_width(s + off, &n);
		if (*used + w > cols)
			break;
		*used += w;
		off += n;
	}
	return off;
}

size_t utf8_prefix_for_width(const char *s, size_t cols)
{
	size_t used;
	return prefix_for_width(s, cols, &used);
}

void utf8_pad(struct strbuf *b, const char *s, size_t cols)
{
	size_t used;
	size_t off = prefix_for_width(s, cols, &used);
	strbuf_appendn(b, s, off);
	for (; used < cols; used++)
		strbuf_appendc(b, ' ');
}

/* A character that would act on a terminal instead of showing: C0 controls
 * but line feed and tab (keep_newlines) or all (not), DEL, C1 controls. */
static bool is_control(utf8proc_int32_t cp, bool keep_newlines)
{
	if (cp == '\n' || cp == '\t')
		return !keep_newlines;
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

void utf8_append_visible(struct strbuf *b, const char *s, size_t len, bool keep_newlines)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, run = 0; /* s[run..i) is clean and not yet appended */
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0 && !is_control(cp, keep_newlines)) {
			i += (size_t)n;
			continue;
		}
		strbuf_appendn(b, s + run, i - run);
		strbuf_append(b, "\xEF\xBF\xBD"); /* U+FFFD, shown instead */
		i += n > 0 ? (size_t)n : 1;
		run = i;
	}
	strbuf_appendn(b, s + run, len - run);
}

void utf8_show_controls(struct strbuf *b, size_t from)
{
	if (!b->s || from >= b->len)
		return;
	struct strbuf clean = STRBUF_INIT;
	strbuf_appendn(&clean, b->s, from);
	utf8_append_visible(&clean, b->s + from, b->len - from, true);
	strbuf_free(b);
	*b = clean;
}

char *utf8_visible(const char *s, bool keep_newlines)
{
	struct strbuf b = STRBUF_INIT;
	utf8_append_visible(&b, s ? s : "", s ? strlen(s) : 0, keep_newlines);
	if (!b.s)
		strbuf_append(&b, "");
	return strbuf_take(&b);
}
