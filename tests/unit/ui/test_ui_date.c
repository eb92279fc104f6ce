// SPDX-License-Identifier: MIT
/*
 * test_ui_date.c — what people type for a date or a time (ui_date.h): the
 * forms it understands become YYYY-MM-DD and HH:MM, days that do not exist
 * are refused with the text handed back for the store to explain, and
 * relative input counts from the given today across month and year ends.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui_date.h"

/* Normalise text as if today were today; the result or "NO:<out>". */
static const char *date(const char *text, const char *today)
{
	static char res[80];
	char out[64];
	if (ui_date_normalise(text, today, out))
		snprintf(res, sizeof res, "%s", out);
	else
		snprintf(res, sizeof res, "NO:%s", out);
	return res;
}

static const char *clock_time(const char *text)
{
	static char res[80];
	char out[64];
	if (ui_time_normalise(text, out))
		snprintf(res, sizeof res, "%s", out);
	else
		snprintf(res, sizeof res, "NO:%s", out);
	return res;
}

static void date_forms(void **state)
{
	(void)state;
	const char *today = "2026-12-03";
	assert_string_equal(date("2025-03-12", today), "2025-03-12");
	assert_string_equal(date("2025/3/12", today), "2025-03-12");
	assert_string_equal(date("2025.3.12", today), "2025-03-12");
	assert_string_equal(date("20250312", today), "2025-03-12");
	/* Month and day alone: this year. */
	assert_string_equal(date("3/12", today), "2026-03-12");
	assert_string_equal(date("3月12日", today), "2026-03-12");
	/* A trailing separator (from 年月日) and spaces are dropped. */
	assert_string_equal(date(" 3/12/ ", today), "2026-03-12");
	/* Full-width digits and 年月日, as an IME types them. */
	assert_string_equal(date("２０２５年３月１２日", today), "2025-03-12");
	assert_string_equal(date("２０２５／３／１２", today), "2025-03-12");
	/* Empty stays empty (clears the answer). */
	assert_string_equal(date("", today), "");
	assert_string_equal(date("　", today), "");
}

static void date_era(void **state)
{
	(void)state;
	const char *today = "2026-12-03";
	/* 令和1年 is 2019. */
	assert_string_equal(date("R1.5.1", today), "2019-05-01");
	assert_string_equal(date("R7.3.12", today), "2025-03-12");
	assert_string_equal(date("r7/3/12", today), "2025-03-12");
	assert_string_equal(date("令和7年3月12日", today), "2025-03-12");
	assert_string_equal(date("Ｒ８．１２．３", today), "2026-12-03");
	/* An era date needs all three parts. */
	assert_string_equal(date("R7.3", today), "NO:R7.3");
}

static void date_relative(void **state)
{
	(void)state;
	assert_string_equal(date("t", "2026-12-03"), "2026-12-03");
	assert_string_equal(date("T", "2026-12-03"), "2026-12-03");
	assert_string_equal(date("today", "2026-12-03"), "2026-12-03");
	assert_string_equal(date("今日", "2026-12-03"), "2026-12-03");
	assert_string_equal(date("きょう", "2026-12-03"), "2026-12-03");
	assert_string_equal(date("+14", "2026-12-03"), "2026-12-17");
	assert_string_equal(date("＋１４", "2026-12-03"), "2026-12-17");
	/* Across a month end, a year end, and 29 February. */
	assert_string_equal(date("+1", "2025-01-31"), "2025-02-01");
	assert_string_equal(date("+14", "2026-12-20"), "2027-01-03");
	assert_string_equal(date("+1", "2024-02-28"), "2024-02-29");
	assert_string_equal(date("+1", "2025-02-28"), "2025-03-01");
	assert_string_equal(date("-1", "2024-03-01"), "2024-02-29");
	assert_string_equal(date("-1", "2026-01-01"), "2025-12-31");
	assert_string_equal(date("+0", "2026-12-03"), "2026-12-03");
	/* Too far is not a count of days. */
	assert_string_equal(date("+10000", "2026-12-03"), "NO:+10000");
}

static void date_month_ends(void **state)
{
	(void)state;
	const char *today = "2026-12-03";
	assert_string_equal(date("2025/1/31", today), "2025-01-31");
	assert_string_equal(date("2025/4/30", today), "2025-04-30");
	assert_string_equal(date("2025/12/31", today), "2025-12-31");
	assert_string_equal(date("2025/4/31", today), "NO:2025/4/31");
	assert_string_equal(date("2025/6/31", today), "NO:2025/6/31");
	assert_string_equal(date("2025/13/1", today), "NO:2025/13/1");
	assert_string_equal(date("2025/1/0", today), "NO:2025/1/0");
	/* 29 February: every fourth year, not every hundredth, every 400th. */
	assert_string_equal(date("2024/2/29", today), "2024-02-29");
	assert_string_equal(date("2025/2/29", today), "NO:2025/2/29");
	assert_string_equal(date("2000/2/29", today), "2000-02-29");
	assert_string_equal(date("2100/2/29", today), "NO:2100/2/29");
	assert_string_equal(date("20250229", today), "NO:20250229");
	/* This year's 29 February when only month and day are typed. */
	assert_string_equal(date("2/29", "2028-06-01"), "2028-02-29");
	assert_string_equal(date("2/29", "2026-06-01"), "NO:2/29");
	/* Years outside 1900-2200 are typing mistakes. */
	assert_string_equal(date("1899/12/31", today), "NO:1899/12/31");
	assert_string_equal(date("2201/1/1", today), "NO:2201/1/1");
}

static void date_not_understood(void **state)
{
	(void)state;
	const char *today = "2026-12-03";
	/* The text comes back (folded) for the store's message. */
	assert_string_equal(date("next week", today), "NO:next week");
	assert_string_equal(date("2025年3月", today), "NO:2025/3");
	assert_string_equal(date("3/12x", today), "NO:3/12x");
	assert_string_equal(date("2025/3/12/1", today), "NO:2025/3/12/1");
	assert_string_equal(date("2025031", today), "NO:2025031");
}

static void time_forms(void **state)
{
	(void)state;
	assert_string_equal(clock_time("14:00"), "14:00");
	assert_string_equal(clock_time("9:05"), "09:05");
	assert_string_equal(clock_time("14.30"), "14:30");
	assert_string_equal(clock_time("1400"), "14:00");
	assert_string_equal(clock_time("930"), "09:30");
	assert_string_equal(clock_time("9"), "09:00");
	assert_string_equal(clock_time("14時"), "14:00");
	assert_string_equal(clock_time("14時30分"), "14:30");
	assert_string_equal(clock_time("１４：３０"), "14:30");
	assert_string_equal(clock_time("0:00"), "00:00");
	assert_string_equal(clock_time("23:59"), "23:59");
	assert_string_equal(clock_time(""), "");
	assert_string_equal(clock_time("24:00"), "NO:24:00");
	assert_string_equal(clock_time("23:60"), "NO:23:60");
	assert_string_equal(clock_time("2400"), "NO:2400");
	assert_string_equal(clock_time("12345"), "NO:12345");
	assert_string_equal(clock_time("noon"), "NO:noon");
	assert_string_equal(clock_time("14:00pm"), "NO:14:00pm");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(date_forms),          cmocka_unit_test(date_era),
	    cmocka_unit_test(date_relative),       cmocka_unit_test(date_month_ends),
	    cmocka_unit_test(date_not_understood), cmocka_unit_test(time_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
