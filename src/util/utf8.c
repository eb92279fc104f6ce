// SPDX-License-Identifier: MIT
/* utf8.c — display width of UTF-8 text, through utf8proc. */
#include "kaigi/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/xalloc.h"

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

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
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

/* ---- excerpts ------------------------------------------------------------ */

size_t utf8_space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* The first word of query (split at utf8_space_at), or NULL.  Caller
 * frees. */
static char *first_word(const char *query)
{
	size_t sp;
	while ((sp = utf8_space_at(query)) != 0)
		query += sp;
	const char *end = query;
	while (*end && !utf8_space_at(end))
		end++;
	return end > query ? xstrndup(query, (size_t)(end - query)) : NULL;
}

/* Byte offset of needle in hay, ASCII letters in either case; -1 if none. */
static long find_fold(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return -1;
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i]) {
			char a = p[i], b = needle[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			i++;
		}
		if (i == n)
			return (long)(p - hay);
	}
	return -1;
}

char *utf8_excerpt(const char *text, const char *query, size_t cols)
{
	if (!text)
		return xstrdup("");
	/* One line: breaks and tabs read as spaces. */
	char *flat = xstrdup(text);
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	char *word = first_word(query ? query : "");
	long at = word ? find_fold(flat, word) : -1;
	free(word);
	if (cols < 8)
		cols = 8;
	size_t start = 0;
	if (at > 0 && utf8_width(flat) > cols) {
		/* Start about a third of the width before the match. */
		size_t back = 0, want = cols / 3;
		start = (size_t)at;
		while (start > 0 && back < want) {
			size_t prev = start - 1;
			while (prev > 0 && ((unsigned char)flat[prev] & 0xc0) == 0x80)
				prev--;
			char ch[8] = {0};
			memcpy(ch, flat + prev, start - prev < 7 ? start - prev : 7);
			back += utf8_width(ch);
			start = prev;
		}
	}
	struct strbuf b = STRBUF_INIT;
	size_t room = cols - (start ? 1 : 0);
	const char *rest = flat + start;
	bool cut = utf8_width(rest) > room;
	if (cut)
		room--;
	if (start)
		strbuf_append(&b, "…");
	strbuf_appendn(&b, rest, utf8_prefix_for_width(rest, room));
	if (cut)
		strbuf_append(&b, "…");
	free(flat);
	return strbuf_take(&b);
}
