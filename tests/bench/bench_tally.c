// SPDX-License-Identifier: MIT
/*
 * bench_tally.c — the town's tallies and care-level KPIs on the
 * reference data set, timed, with the very SQL kaigi ran written out for
 * the sqlite3 shell (tests/bench/tally_bench runs it there as the
 * reference).
 *
 *   bench_tally DB FORMS_DIR OUT_DIR [RUNS]
 *
 * Prints "NAME MEDIAN_MS MIN_MS ROWS MEDIAN_CPU_MS" per operation over RUNS runs (default
 * 7) after one warm-up, and writes OUT_DIR/NAME.sql (every top-level
 * statement stepped, bound values expanded).  The operations:
 *
 *   tally_fy    the tallies of one 年度 (令和5年度, FY2023, the last whole
 *               one of the set)
 *   tally_10y   the tallies of all ten years
 *   kpi_fy      care levels followed, FY2023 (one-year follow-ups reach
 *               into FY2024)
 *   kpi_10y     care levels followed, all ten years, by 年度 and area
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "kaigi/fiscal.h"
#include "kaigi/store.h"
#include "kaigi/tally.h"

/* CPU time of the process (user + system): on a shared, loaded machine
 * the wall time counts the waits for a core too. */
enum op { TALLY_FY, TALLY_10Y, KPI_FY, KPI_10Y, NOPS };
static const char *const op_name[NOPS] = {"tally_fy", "tally_10y", "kpi_fy", "kpi_10y"};

static size_t run_op(struct store *st, int which, struct kaigi_error *err, int *ok)
{
	enum op op = (enum op)which;
	char from[11], to[11];
	kaigi_year_range(2023, false, from, to);
	struct store_period fy = {from, to, NULL};
	const struct store_period *p = op == TALLY_FY || op == KPI_FY ? &fy : NULL;
	size_t n = 0;
	if (op == TALLY_FY || op == TALLY_10Y) {
		struct store_tally t;
		*ok = store_tally_run(st, p, &t, err) == KAIGI_OK;
		n = t.n;
		store_tally_free(&t);
	} else {
		struct store_kpi_list k;
		*ok = store_kpi_rollup(st, p, false, &k, err) == KAIGI_OK;
		n = k.n;
		store_kpi_list_free(&k);
	}
	return n;
}

int main(int argc, char **argv)
{
	return bench_store_main("bench_tally", argc, argv, op_name, NOPS, run_op);
}
