// SPDX-License-Identifier: MIT
/*
 * fiscal.c — the fiscal year (年度) and its names; see kaigi/fiscal.h.
 */
#include <stdio.h>
#include <string.h>

#include "kaigi/fiscal.h"

int kaigi_year_of(const char *date, bool calendar)
{
	int y, m, d;
	char tail;
	if (!date || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12)
		return 0;
	return calendar || m >= KAIGI_FY_START_MONTH ? y : y - 1;
}

void kaigi_year_range(int y, bool calendar, char from[11], char to[11])
{
	if (y < 1)
		y = 1;
	if (y > 9998)
		y = 9998;
	if (calendar) {
		snprintf(from, 11, "%04d-01-01", y);
		snprintf(to, 11, "%04d-12-31", y);
		return;
	}
	snprintf(from, 11, "%04d-%02d-01", y, KAIGI_FY_START_MONTH);
	/* The day before the next year's first: March 31st for April. */
	static const int last[] = {31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int m = KAIGI_FY_START_MONTH - 1;
	snprintf(to, 11, "%04d-%02d-%02d", y + 1, m ? m : 12, last[m]);
}

void kaigi_year_name(int y, bool calendar, const char *lang, char *buf, size_t size)
{
	bool en = lang && strcmp(lang, "en") == 0;
	if (en) {
		if (calendar)
			snprintf(buf, size, "%d", y);
		else
			snprintf(buf, size, "FY%d", y);
		return;
	}
	/* 2019年度 began in April 2019, still 平成, yet towns call it
	 * 令和元年度: a year takes the era that held most of it. */
	const char *era = NULL;
	int n = 0;
	if (y >= 2019) {
		era = "令和";
		n = y - 2018;
	} else if (y >= 1989) {
		era = "平成";
		n = y - 1988;
	}
	const char *suffix = calendar ? "年" : "年度";
	if (!era)
		snprintf(buf, size, "%d%s", y, suffix);
	else if (n == 1)
		snprintf(buf, size, "%s元%s", era, suffix);
	else
		snprintf(buf, size, "%s%d%s", era, n, suffix);
}

const char *kaigi_year_sql(const char *col, bool calendar, char *buf, size_t size)
{
	if (calendar)
		snprintf(buf, size, "CAST(substr(%s, 1, 4) AS INTEGER)", col);
	else
		snprintf(buf, size,
			 "(CAST(substr(%s, 1, 4) AS INTEGER) - (substr(%s, 6, 2) < '%02d'))", col,
			 col, KAIGI_FY_START_MONTH);
	return buf;
}

int kaigi_year_now(const char *today, bool calendar)
{
	return kaigi_year_of(today, calendar);
}
