// SPDX-License-Identifier: MIT
/*
 * utf8_wrap.c — wrapping text to a display width, with Japanese line
 * breaking.
 *
 * Design note.  Japanese has no spaces between words, so a line may break
 * between any two Japanese characters, but typesetting forbids some breaks
 * (禁則処理, JIS X 4051): a line must not start with closing brackets,
 * commas, full stops, small kana, the long-vowel mark and the like
 * (行頭禁則), nor end with an opening bracket (行末禁則).  Latin words keep
 * breaking at spaces.  The rule used here is the plain one: a break is
 * allowed at a space, or between two characters when either is
 * Japanese-like (wide, or one of the kinsoku characters) and neither rule
 * forbids it.  When no allowed break fits on the line (a URL, a run of
 * closing punctuation) the line is cut between characters, moving one
 * character down rather than starting a line with a forbidden one
 * (追い出し).  A character and the zero-width marks that follow it
 * (combining marks, variation selectors) move together, so nothing is ever
 * split.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

/* Characters that must not start a line (行頭禁則). */
static const utf8proc_int32_t no_start[] = {
    /* ASCII */
    ')', ']', '}', ',', '.', ':', ';', '!', '?', '%',
    /* Japanese punctuation and closing brackets */
    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0xFF09, 0xFF3D, 0xFF5D,
    0x3015, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3019, 0x3017, 0x301F, 0x2019, 0x201D, 0xFF60,
    0x00BB, 0xFF05, 0x2030, 0x2032, 0x2033, 0x2103, 0xFF61, 0xFF63, 0xFF64,
    /* iteration marks, prolonged sound mark, dashes and leaders */
    0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005, 0x303B, 0x30FC, 0x2010, 0x30A0, 0x2013, 0x301C, 0xFF5E,
    0x2026, 0x2025,
    /* small hiragana and katakana */
    0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
    0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
    /* halfwidth small katakana and prolonged sound mark */
    0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70};

/* Characters that must not end a line (行末禁則). */
static const utf8proc_int32_t no_end[] = {
    '(',    '[',    '{',    0xFF08, 0xFF3B, 0xFF5B, 0x3014, 0x3008, 0x300A, 0x300C, 0x300E,
    0x3010, 0x3018, 0x3016, 0x301D, 0x2018, 0x201C, 0xFF5F, 0x00AB, 0xFF62, 0xFFE5, 0xFF04};

static bool in_set(utf8proc_int32_t cp, const utf8proc_int32_t *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	/* Small katakana for Ainu (ㇰ…ㇿ) also keep off the line start. */
	return set == no_start && cp >= 0x31F0 && cp <= 0x31FF;
}

#define NO_START(cp) in_set(cp, no_start, sizeof no_start / sizeof no_start[0])
#define NO_END(cp)   in_set(cp, no_end, sizeof no_end / sizeof no_end[0])

/* One unit: a character with the zero-width marks after it. */
struct unit {
	utf8proc_int32_t cp; /* the base character; -1 for an invalid byte */
	size_t len;          /* bytes */
	size_t width;        /* columns */
};

/* The width rule is utf8.c's: utf8proc widths, a tab and an invalid byte
 * count one column. */
static size_t cp_width(utf8proc_int32_t cp)
{
	return utf8_cp_width(cp);
}

static utf8proc_int32_t decode(const char *s, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)k;
	return cp;
}

static struct unit unit_at(const char *s)
{
	struct unit u;
	u.cp = decode(s, &u.len);
	u.width = cp_width(u.cp);
	if (u.cp == '\n' || u.cp == ' ')
		return u;
	for (;;) {
		size_t n;
		utf8proc_int32_t cp = decode(s + u.len, &n);
		if (cp <= 0 || cp == '\n' || cp == '\t' || cp_width(cp) != 0)
			break;
		u.len += n;
	}
	return u;
}

/* Japanese-like: a break may fall on either side of it. */
static bool is_cjk(const struct unit *u)
{
	if (u->cp < 0x80)
		return false;
	return u->width == 2 || NO_START(u->cp) || NO_END(u->cp) ||
	       (u->cp >= 0x3000 && u->cp <= 0x30FF);
}

static bool break_between(const struct unit *a, const struct unit *b)
{
	if (!is_cjk(a) && !is_cjk(b))
		return false;
	return !NO_START(b->cp) && !NO_END(a->cp);
}

/*
 * Word-like runs.  Japanese has no spaces, but some breaks read as a word
 * cut in two: inside a katakana word (コーディ｜ネーター), or a kanji
 * compound split leaving one character or at an odd place (資源発｜掘,
 * 個人因｜子 — compounds are mostly made of two-character words).  Such a
 * break is "poor": taken only when no other break keeps at least half the
 * line.
 */
enum run_class { RUN_OTHER, RUN_HAN, RUN_KATA };

static enum run_class run_class(utf8proc_int32_t cp)
{
	if ((cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || (cp >= 0xFF66 && cp <= 0xFF9F))
		return RUN_KATA;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005 ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF))
		return RUN_HAN;
	return RUN_OTHER;
}

/* How many characters of class c start s (at most 8 are counted). */
static size_t run_ahead(const char *s, enum run_class c)
{
	size_t n = 0, at = 0;
	while (s[at] && n < 8) {
		size_t len;
		utf8proc_int32_t cp = decode(s + at, &len);
		if (run_class(cp) != c)
			break;
		n++;
		at += len;
	}
	return n;
}

static bool poor_break(utf8proc_int32_t a, utf8proc_int32_t b, size_t run_before,
		       const char *from_b)
{
	enum run_class ca = run_class(a);
	if (ca == RUN_OTHER || ca != run_class(b))
		return false;
	if (ca == RUN_KATA)
		return true;
	return run_before < 2 || run_before % 2 != 0 || run_ahead(from_b, ca) < 2;
}

/* Length of s[0..end) without its trailing spaces. */
static size_t trim_end(const char *s, size_t end)
{
	while (end > 0 && s[end - 1] == ' ')
		end--;
	return end;
}

static size_t skip_spaces(const char *s, size_t at)
{
	while (s[at] == ' ')
		at++;
	return at;
}

size_t utf8_wrap_line(const char *s, size_t cols, size_t *next)
{
	if (cols == 0)
		cols = 1;
	size_t pos = 0, width = 0;
	size_t brk_end = 0, brk_next = 0;                   /* the last allowed break, 0 = none */
	size_t good_end = 0, good_next = 0, good_width = 0; /* the last that is not poor */
	size_t run = 0;                                     /* prev's run of its class */
	size_t prev_pos = 0;
	struct unit prev = {0, 0, 0};
	bool have_prev = false;
	while (s[pos]) {
		if (s[pos] == '\n') {
			*next = pos + 1;
			return trim_end(s, pos);
		}
		if (s[pos] == ' ') {
			if (pos > 0) {
				brk_end = good_end = pos;
				brk_next = good_next = skip_spaces(s, pos);
				good_width = width;
			}
			width++;
			pos++;
			have_prev = false;
			run = 0;
			continue;
		}
		struct unit u = unit_at(s + pos);
		if (have_prev && break_between(&prev, &u)) {
			brk_end = pos;
			brk_next = pos;
			if (!poor_break(prev.cp, u.cp, run, s + pos)) {
				good_end = good_next = pos;
				good_width = width;
			}
		}
		if (width + u.width > cols && pos > 0) {
			if (good_end > 0 && good_width * 2 >= cols && trim_end(s, good_end) > 0) {
				*next = good_next;
				return trim_end(s, good_end);
			}
			if (brk_end > 0 && trim_end(s, brk_end) > 0) {
				*next = brk_next;
				return trim_end(s, brk_end);
			}
			/* No allowed break fits: cut here, or one character
			 * earlier when this one may not start a line. */
			size_t cut = pos;
			if (NO_START(u.cp) && have_prev && prev_pos > 0)
				cut = prev_pos;
			*next = skip_spaces(s, cut);
			return trim_end(s, cut);
		}
		width += u.width;
		run = have_prev && run_class(prev.cp) == run_class(u.cp) ? run + 1 : 1;
		prev = u;
		prev_pos = pos;
		have_prev = true;
		pos += u.len;
	}
	*next = pos;
	return trim_end(s, pos);
}

void utf8_lines_free(struct utf8_lines *l)
{
	xfree_strings(l->v, l->n);
	l->v = NULL;
	l->n = 0;
}

void utf8_wrap(const char *s, size_t cols, struct utf8_lines *out)
{
	out->v = NULL;
	out->n = 0;
	size_t cap = 0;
	if (!s)
		return;
	size_t at = 0;
	do {
		size_t next;
		size_t len = utf8_wrap_line(s + at, cols, &next);
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		out->v[out->n++] = xstrndup(s + at, len);
		at += next;
	} while (s[at]);
}
