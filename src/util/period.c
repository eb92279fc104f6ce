// SPDX-License-Identifier: MIT
/*
 * period.c — months and periods (a start and an end month) read the way
 * people type them in a meeting, and shown the way the room says them.
 *
 * The parser is a cursor over UTF-8 text that tries the few shapes a period
 * takes (two months, a start and a length, a length, an end) and accepts
 * the separators a Japanese IME produces (〜, ～ folded to ~, ー, →, から …).
 * A bare number is a length in months: what the old whole-month field took.
 */
#include "kaigi/period.h"

#include <stdio.h>
#include <string.h>

#include "kaigi/xalloc.h"

#define YEAR_MIN   1800
#define YEAR_MAX   9999
#define LENGTH_MAX 1200 /* a hundred years: anything longer is a typo */

struct cur {
	const char *p;
};

static void skip_space(struct cur *c)
{
	while (*c->p == ' ' || *c->p == '\t')
		c->p++;
}

static bool lit(struct cur *c, const char *s)
{
	size_t n = strlen(s);
	if (strncmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* 1..max digits, not followed by another digit. */
static bool number(struct cur *c, int max, int *out)
{
	const char *p = c->p;
	int v = 0, n = 0;
	while (n < max && is_digit(*p)) {
		v = v * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || is_digit(*p))
		return false;
	c->p = p;
	*out = v;
	return true;
}

/* YYYY-MM, YYYY/MM, YYYY.MM, YYYY年MM月, each with an optional day that is
 * dropped; the month index (year * 12 + month - 1) in *out. */
static bool month_at(struct cur *c, int *out)
{
	struct cur s = *c;
	int y, m, d;
	if (!number(&s, 4, &y) || s.p - c->p != 4)
		return false;
	if (lit(&s, "年")) {
		skip_space(&s);
		if (!number(&s, 2, &m))
			return false;
		lit(&s, "月");
		struct cur day = s;
		if (number(&day, 2, &d) && lit(&day, "日"))
			s = day;
	} else if (*s.p == '-' || *s.p == '/' || *s.p == '.') {
		char sep = *s.p++;
		if (!number(&s, 2, &m))
			return false;
		struct cur day = s;
		if (*day.p == sep) {
			day.p++;
			if (number(&day, 2, &d))
				s = day;
		}
	} else {
		return false;
	}
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
		return false;
	*c = s;
	*out = y * 12 + m - 1;
	return true;
}

/* What separates a start from an end. */
static bool separator(struct cur *c)
{
	static const char *const seps[] = {"〜", "~", "->", "-",    "–",    "—",  "―",
					   "ー", "→", "/",  "から", "より", "to", NULL};
	skip_space(c);
	for (size_t i = 0; seps[i]; i++)
		if (lit(c, seps[i])) {
			skip_space(c);
			return true;
		}
	return false;
}

/* A length: 6か月 (ヶ月, ヵ月, カ月, ケ月, 箇月), 6 months, 1年, 1年半, 半年,
 * or a bare 6; an optional 間. */
static bool length_at(struct cur *c, int *months)
{
	static const char *const units[] = {"か月", "ヶ月",   "ヵ月",  "カ月", "ケ月",
					    "箇月", "months", "month", NULL};
	struct cur s = *c;
	if (lit(&s, "半年")) {
		*months = 6;
	} else {
		int n;
		if (!number(&s, 4, &n))
			return false;
		skip_space(&s);
		bool unit = false;
		for (size_t i = 0; units[i] && !unit; i++)
			unit = lit(&s, units[i]);
		if (unit) {
			*months = n;
		} else if (lit(&s, "年")) {
			*months = n * 12 + (lit(&s, "半") ? 6 : 0);
		} else {
			*months = n;
		}
	}
	lit(&s, "間");
	if (*months < 1 || *months > LENGTH_MAX)
		return false;
	*c = s;
	return true;
}

static bool at_end(struct cur *c)
{
	skip_space(c);
	lit(c, "まで");
	skip_space(c);
	return *c->p == '\0';
}

static void month_text(int idx, char out[PERIOD_MONTH_SIZE])
{
	unsigned y = (unsigned)idx / 12 % 10000, m = (unsigned)idx % 12 + 1;
	snprintf(out, PERIOD_MONTH_SIZE, "%04u-%02u", y, m);
}

bool period_month_parse(const char *s, char out[PERIOD_MONTH_SIZE])
{
	struct cur c = {s};
	int m;
	skip_space(&c);
	if (!month_at(&c, &m))
		return false;
	skip_space(&c);
	if (*c.p)
		return false;
	month_text(m, out);
	return true;
}

static enum period_result finish(int start, int end, char out[PERIOD_SIZE])
{
	if (end <= start)
		return PERIOD_BACKWARDS;
	if (end / 12 > YEAR_MAX)
		return PERIOD_BAD;
	char a[PERIOD_MONTH_SIZE], b[PERIOD_MONTH_SIZE];
	month_text(start, a);
	month_text(end, b);
	snprintf(out, PERIOD_SIZE, "%s/%s", a, b);
	return PERIOD_OK;
}

enum period_result period_parse(const char *s, const char *start, char out[PERIOD_SIZE])
{
	struct cur c = {s}, base = {start ? start : ""};
	int from = -1, a, b, n;
	if (start && !month_at(&base, &from))
		from = -1;
	skip_space(&c);
	if (month_at(&c, &a)) {
		struct cur after = c;
		if (at_end(&after)) /* 2027-05まで: the end alone (a lone month too) */
			return from < 0 ? PERIOD_NEED_START : finish(from, a, out);
		if (!separator(&c))
			skip_space(&c);
		struct cur e = c;
		if (month_at(&e, &b) && at_end(&e))
			return finish(a, b, out);
		e = c;
		/* 2026-04〜09, 2026年11月〜5月: an end month of the next twelve. */
		if (number(&e, 2, &b) && b >= 1 && b <= 12 && (lit(&e, "月"), at_end(&e))) {
			int end = a / 12 * 12 + b - 1;
			if (end <= a)
				end += 12;
			return finish(a, end, out);
		}
		e = c;
		if (length_at(&e, &n) && at_end(&e))
			return finish(a, a + n, out);
		return PERIOD_BAD;
	}
	struct cur e = c;
	if (length_at(&e, &n) && at_end(&e))
		return from < 0 ? PERIOD_NEED_START : finish(from, from + n, out);
	e = c;
	if (separator(&e) && month_at(&e, &b) && at_end(&e))
		return from < 0 ? PERIOD_NEED_START : finish(from, b, out);
	return PERIOD_BAD;
}

/* Strict reading of a stored "YYYY-MM/YYYY-MM". */
static bool stored(const char *p, int *start, int *end)
{
	char a[PERIOD_MONTH_SIZE], b[PERIOD_MONTH_SIZE];
	if (!p || strlen(p) != 15 || p[7] != '/')
		return false;
	memcpy(a, p, 7);
	a[7] = '\0';
	memcpy(b, p + 8, 7);
	b[7] = '\0';
	struct cur ca = {a}, cb = {b};
	return a[4] == '-' && b[4] == '-' && month_at(&ca, start) && !*ca.p && month_at(&cb, end) &&
	       !*cb.p && *end > *start;
}

int period_months(const char *p)
{
	int a, b;
	return stored(p, &a, &b) ? b - a : -1;
}

bool period_bounds(const char *p, char start[PERIOD_MONTH_SIZE], char end[PERIOD_MONTH_SIZE])
{
	int a, b;
	if (!stored(p, &a, &b))
		return false;
	month_text(a, start);
	month_text(b, end);
	return true;
}

char *period_display(const char *p, const char *lang)
{
	char a[PERIOD_MONTH_SIZE], b[PERIOD_MONTH_SIZE];
	if (!period_bounds(p, a, b))
		return xstrdup(p ? p : "");
	int n = period_months(p);
	if (lang && strcmp(lang, "en") == 0)
		return xasprintf("%s to %s (%d month%s)", a, b, n, n == 1 ? "" : "s");
	return xasprintf("%s〜%s （%dか月）", a, b, n);
}
