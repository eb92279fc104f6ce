// SPDX-License-Identifier: MIT
/*
 * test_ui_date.c — what people type for a date or a time (ui_date.h): the
 * forms it understands become YYYY-MM-DD and HH:MM, days that do not exist
 * are refused with the text handed back for the store to explain, and
 * relative input counts from the given today across month and year ends.
 * Each table row: what is typed, today, and the result ("NO:" and the text
 * handed back when it is refused).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui_date.h"

struct date_case {
	const char *text, *today, *want;
};

struct time_case {
	const char *text, *want;
};

static void check_dates(const struct date_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char out[64], got[80];
		bool ok = ui_date_normalise(c[i].text, c[i].today, out);
		snprintf(got, sizeof got, "%s%s", ok ? "" : "NO:", out);
		if (strcmp(got, c[i].want) != 0) {
			print_error("\"%s\" (today %s): got \"%s\", want \"%s\"\n", c[i].text,
				    c[i].today, got, c[i].want);
			fail();
		}
	}
}

static void check_times(const struct time_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char out[64], got[80];
		bool ok = ui_time_normalise(c[i].text, out);
		snprintf(got, sizeof got, "%s%s", ok ? "" : "NO:", out);
		if (strcmp(got, c[i].want) != 0) {
			print_error("\"%s\": got \"%s\", want \"%s\"\n", c[i].text, got, c[i].want);
			fail();
		}
	}
}

#define CHECK(check, table) check(table, sizeof table / sizeof table[0])

/* Every date case, one row each. */
static const struct date_case dates[] = {
    /* The forms a date is typed in. */
    {"2025-03-12", "2026-12-03", "2025-03-12"},
    {"2025/3/12", "2026-12-03", "2025-03-12"},
    {"2025.3.12", "2026-12-03", "2025-03-12"},
    {"20250312", "2026-12-03", "2025-03-12"},
    /* Month and day alone: this year. */
    {"3/12", "2026-12-03", "2026-03-12"},
    {"3月12日", "2026-12-03", "2026-03-12"},
    /* A trailing separator (from 年月日) and spaces are dropped. */
    {" 3/12/ ", "2026-12-03", "2026-03-12"},
    /* Full-width digits and 年月日, as an IME types them. */
    {"２０２５年３月１２日", "2026-12-03", "2025-03-12"},
    {"２０２５／３／１２", "2026-12-03", "2025-03-12"},
    /* Empty stays empty (clears the answer). */
    {"", "2026-12-03", ""},
    {"　", "2026-12-03", ""},
    /* Japanese era years. */
    /* 令和1年 is 2019. */
    {"R1.5.1", "2026-12-03", "2019-05-01"},
    {"R7.3.12", "2026-12-03", "2025-03-12"},
    {"r7/3/12", "2026-12-03", "2025-03-12"},
    {"令和7年3月12日", "2026-12-03", "2025-03-12"},
    {"Ｒ８．１２．３", "2026-12-03", "2026-12-03"},
    /* An era date needs all three parts. */
    {"R7.3", "2026-12-03", "NO:R7.3"},
    /* Relative to today. */
    {"t", "2026-12-03", "2026-12-03"},
    {"T", "2026-12-03", "2026-12-03"},
    {"today", "2026-12-03", "2026-12-03"},
    {"今日", "2026-12-03", "2026-12-03"},
    {"きょう", "2026-12-03", "2026-12-03"},
    {"+14", "2026-12-03", "2026-12-17"},
    {"＋１４", "2026-12-03", "2026-12-17"},
    /* Across a month end, a year end, and 29 February. */
    {"+1", "2025-01-31", "2025-02-01"},
    {"+14", "2026-12-20", "2027-01-03"},
    {"+1", "2024-02-28", "2024-02-29"},
    {"+1", "2025-02-28", "2025-03-01"},
    {"-1", "2024-03-01", "2024-02-29"},
    {"-1", "2026-01-01", "2025-12-31"},
    {"+0", "2026-12-03", "2026-12-03"},
    /* Too far is not a count of days. */
    {"+10000", "2026-12-03", "NO:+10000"},
    /* Days that do not exist. */
    {"2025/1/31", "2026-12-03", "2025-01-31"},
    {"2025/4/30", "2026-12-03", "2025-04-30"},
    {"2025/12/31", "2026-12-03", "2025-12-31"},
    {"2025/4/31", "2026-12-03", "NO:2025/4/31"},
    {"2025/6/31", "2026-12-03", "NO:2025/6/31"},
    {"2025/13/1", "2026-12-03", "NO:2025/13/1"},
    {"2025/1/0", "2026-12-03", "NO:2025/1/0"},
    /* 29 February: every fourth year, not every hundredth, every 400th. */
    {"2024/2/29", "2026-12-03", "2024-02-29"},
    {"2025/2/29", "2026-12-03", "NO:2025/2/29"},
    {"2000/2/29", "2026-12-03", "2000-02-29"},
    {"2100/2/29", "2026-12-03", "NO:2100/2/29"},
    {"20250229", "2026-12-03", "NO:20250229"},
    /* This year's 29 February when only month and day are typed. */
    {"2/29", "2028-06-01", "2028-02-29"},
    {"2/29", "2026-06-01", "NO:2/29"},
    /* Years outside 1900-2200 are typing mistakes. */
    {"1899/12/31", "2026-12-03", "NO:1899/12/31"},
    {"2201/1/1", "2026-12-03", "NO:2201/1/1"},
    /* Not understood. */
    /* The text comes back (folded) for the store's message. */
    {"next week", "2026-12-03", "NO:next week"},
    {"2025年3月", "2026-12-03", "NO:2025/3"},
    {"3/12x", "2026-12-03", "NO:3/12x"},
    {"2025/3/12/1", "2026-12-03", "NO:2025/3/12/1"},
    {"2025031", "2026-12-03", "NO:2025031"},
};

static void dates_as_typed(void **state)
{
	(void)state;
	CHECK(check_dates, dates);
}

static void time_forms(void **state)
{
	(void)state;
	static const struct time_case cases[] = {
	    {"14:00", "14:00"},    {"9:05", "09:05"},     {"14.30", "14:30"},
	    {"1400", "14:00"},     {"930", "09:30"},      {"9", "09:00"},
	    {"14時", "14:00"},     {"14時30分", "14:30"}, {"１４：３０", "14:30"},
	    {"0:00", "00:00"},     {"23:59", "23:59"},    {"", ""},
	    {"24:00", "NO:24:00"}, {"23:60", "NO:23:60"}, {"2400", "NO:2400"},
	    {"12345", "NO:12345"}, {"noon", "NO:noon"},   {"14:00pm", "NO:14:00pm"},
	};
	CHECK(check_times, cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dates_as_typed),
	    cmocka_unit_test(time_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
