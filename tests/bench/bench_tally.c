// SPDX-License-Identifier: MIT
/*
 * bench_tally.c — the town's tallies and care-level KPIs (issue 12) on the
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

#include "../../src/store/store_internal.h"
#include "kaigi/fiscal.h"
#include "kaigi/store.h"
#include "kaigi/tally.h"

struct capture {
	FILE *out; /* NULL: not capturing */
};

static int trace(unsigned type, void *ctx, void *p, void *x)
{
	struct capture *c = ctx;
	if (type != SQLITE_TRACE_STMT || !c->out)
		return 0;
	/* Statements inside triggers come as "-- …" comments: skip them. */
	const char *text = x;
	if (text && strncmp(text, "--", 2) == 0)
		return 0;
	char *sql = sqlite3_expanded_sql(p);
	if (sql) {
		fprintf(c->out, "%s;\n", sql);
		sqlite3_free(sql);
	}
	return 0;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of the process (user + system): on a shared, loaded machine
 * the wall time counts the waits for a core too. */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

enum op { TALLY_FY, TALLY_10Y, KPI_FY, KPI_10Y, NOPS };
static const char *const op_name[NOPS] = {"tally_fy", "tally_10y", "kpi_fy", "kpi_10y"};

static size_t run_op(struct store *st, enum op op, struct kaigi_error *err, int *ok)
{
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
	if (argc < 4) {
		fprintf(stderr, "usage: bench_tally DB FORMS_DIR OUT_DIR [RUNS]\n");
		return 2;
	}
	int runs = argc > 4 ? atoi(argv[4]) : 7;
	if (runs < 1)
		runs = 1;
	struct kaigi_error err;
	struct schema_set forms;
	struct kaigi_diags d = {0};
	if (schema_set_init(&forms, &err) != KAIGI_OK)
		return 3;
	schema_load_dir(&forms, argv[2], &d);
	kaigi_diags_free(&d);
	struct store *st = NULL;
	double t0 = now_ms();
	if (store_open(&st, argv[1], STORE_READ_WRITE, &err) != KAIGI_OK) {
		fprintf(stderr, "bench_tally: %s\n", err.msg);
		return 3;
	}
	printf("open %.1f %.1f\n", now_ms() - t0, now_ms() - t0);
	store_set_forms(st, &forms);
	struct capture cap = {NULL};
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, trace, &cap);
	for (int op = 0; op < NOPS; op++) {
		int ok;
		size_t n = run_op(st, (enum op)op, &err, &ok); /* warm-up, and the SQL */
		if (!ok) {
			fprintf(stderr, "bench_tally: %s: %s\n", op_name[op], err.msg);
			return 3;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.sql", argv[3], op_name[op]);
		cap.out = fopen(path, "w");
		if (!cap.out) {
			perror(path);
			return 3;
		}
		run_op(st, (enum op)op, &err, &ok);
		fclose(cap.out);
		cap.out = NULL;
		double *ms = calloc((size_t)runs, sizeof *ms);
		double *cpu = calloc((size_t)runs, sizeof *cpu);
		for (int k = 0; k < runs; k++) {
			double a = now_ms(), c = cpu_ms();
			run_op(st, (enum op)op, &err, &ok);
			ms[k] = now_ms() - a;
			cpu[k] = cpu_ms() - c;
		}
		qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
		qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
		printf("%s %.2f %.2f %zu %.2f\n", op_name[op], ms[runs / 2], ms[0], n,
		       cpu[runs / 2]);
		free(ms);
		free(cpu);
	}
	store_close(st);
	schema_set_free(&forms);
	return 0;
}
