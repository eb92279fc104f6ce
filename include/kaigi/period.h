/* SPDX-License-Identifier: MIT */
/*
 * period.h — months and periods as a care conference says them.
 *
 * A goal's period is a start month and an end month (2026-11 → 2027-05).
 * Stored values: a month is "YYYY-MM"; a period is "YYYY-MM/YYYY-MM" (start
 * and end, ISO 8601 interval style), so text order sorts by start.  The
 * length of a period is the end month minus the start month: 2026-11/2027-05
 * is 6 months, and "6か月" from 2026-11 ends in 2027-05 — the month the goal
 * is reviewed.  Input is lenient (doc/forms.md lists what is accepted);
 * callers fold full-width ASCII first (schema_value_parse does).
 */
#ifndef KAIGI_PERIOD_H
#define KAIGI_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#define PERIOD_MONTH_SIZE 8  /* "YYYY-MM" */
#define PERIOD_SIZE       16 /* "YYYY-MM/YYYY-MM" */

enum period_result {
	PERIOD_OK = 0,
	PERIOD_BAD,        /* not a month or period at all */
	PERIOD_NEED_START, /* a length (6か月) or an end only, and no start known */
	PERIOD_BACKWARDS,  /* the end is not after the start */
};

/* A month: 2026-11, 2026/11, 2026.11, 2026年11月 (also YYYY-MM-DD: the
 * day is dropped).  Writes "YYYY-MM" to out. */
bool period_month_parse(const char *s, char out[PERIOD_MONTH_SIZE]);

/*
 * A period: two months (2026-11〜2027-05, 2026-11 - 2027-05, 2026/11-2027/5,
 * 2026年11月から2027年5月まで, 2026-11/2027-05), a start and a length
 * (2026-11から6か月), a length alone (6か月, 6ヶ月, 6カ月, 6 months, 1年, 半年,
 * a bare 6), or an end alone (〜2027-05, 2027-05まで).  A length or an end
 * alone starts at start, a date or month ("YYYY-MM…"; NULL when none is
 * known).  Writes "YYYY-MM/YYYY-MM" to out on PERIOD_OK.
 */
enum period_result period_parse(const char *s, const char *start, char out[PERIOD_SIZE]);

/* Months from the start to the end of a stored period; -1 when p is not
 * one. */
int period_months(const char *p);

/* Start or end month of a stored period into out ("YYYY-MM"); false when p
 * is not a period. */
bool period_bounds(const char *p, char start[PERIOD_MONTH_SIZE], char end[PERIOD_MONTH_SIZE]);

/* A stored period as the room reads it: "2026-11〜2027-05 （6か月）" in
 * Japanese, "2026-11 to 2027-05 (6 months)" in English; anything else is
 * copied as it is.  Caller frees. */
char *period_display(const char *p, const char *lang);

#endif
