// SPDX-License-Identifier: MIT
/*
 * fuzz_period.c — libFuzzer target for the period and month parser
 * (period.h): what a facilitator types into a goal's 期間 — any bytes, not
 * only UTF-8.  Besides crashes and sanitizer reports, a finding is a broken
 * promise: an accepted period that is not stored as YYYY-MM/YYYY-MM, whose
 * end is not after its start, or that does not read back as itself; an
 * accepted month that is not YYYY-MM.
 *
 * Built by tests/fuzz/meson.build with -Dfuzz=true and clang; fuzz_replay.c
 * runs the same entry point over corpus_period/ in every other build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/period.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define check(ok, what) fuzz_check("fuzz_period", (ok), (what))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	static const char *const starts[] = {NULL, "2026-11-14", "2026-12", "9999-12-31"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		char p[PERIOD_SIZE];
		if (period_parse(s, starts[i], p) != PERIOD_OK)
			continue;
		check(strlen(p) == 15 && p[7] == '/', "a period is stored as YYYY-MM/YYYY-MM");
		check(period_months(p) > 0, "an accepted period ends after it starts");
		char again[PERIOD_SIZE];
		check(period_parse(p, NULL, again) == PERIOD_OK && strcmp(p, again) == 0,
		      "a stored period reads back as itself");
		char *shown = period_display(p, "ja");
		free(shown);
	}
	char m[PERIOD_MONTH_SIZE];
	if (period_month_parse(s, m))
		check(strlen(m) == 7 && m[4] == '-', "a month is stored as YYYY-MM");
	free(s);
	return 0;
}
