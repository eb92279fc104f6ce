/* SPDX-License-Identifier: MIT */
/*
 * fiscal.h — years as towns count them: the fiscal year (年度, April to
 * March) by default, the calendar year on request.  The one place that
 * knows where a 年度 begins and how it is named (令和8年度 / FY2026);
 * the store's roll-ups, the reports, the commands and the UI all ask here.
 *
 * A year is named by the calendar year it starts in: 年度 2026 (令和8年度)
 * runs from 2026-04-01 to 2027-03-31.
 */
#ifndef KAIGI_FISCAL_H
#define KAIGI_FISCAL_H

#include <stdbool.h>
#include <stddef.h>

/* The month a fiscal year starts in (April). */
#define KAIGI_FY_START_MONTH 4

/* The year (fiscal unless calendar) a date YYYY-MM-DD falls in; 0 when the
 * text is not a date. */
int kaigi_year_of(const char *date, bool calendar);

/* The first and last day of year y: from "2026-04-01", to "2027-03-31"
 * (calendar: "2026-01-01", "2026-12-31").  Buffers of 11 bytes. */
void kaigi_year_range(int y, bool calendar, char from[11], char to[11]);

/* The year's name in lang ("ja" or "en"): 令和8年度 / FY2026, or for a
 * calendar year 2026年 / 2026.  Years before 令和 use 平成 (平成30年度).
 * Written into buf (at least 32 bytes). */
void kaigi_year_name(int y, bool calendar, const char *lang, char *buf, size_t size);

/* The SQL expression giving the year of the date column col ("m.date"):
 * for the fiscal year, the calendar year less one before April.  The text
 * is static for the two columns kaigi groups by; any other col is written
 * into buf.  For tallies that group in SQL. */
const char *kaigi_year_sql(const char *col, bool calendar, char *buf, size_t size);

/* The current year (fiscal unless calendar) at the local date today
 * (YYYY-MM-DD). */
int kaigi_year_now(const char *today, bool calendar);

#endif
