// SPDX-License-Identifier: MIT
/* bench_util.c — the benchmarks' clocks and store harness (bench_util.h). */
#include "bench_util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/store/store_internal.h"
#include "kaigi/schema.h"

static double clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

double bench_now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

double bench_cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

void bench_sort(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
}

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

int bench_forms_load(struct schema_set *forms, const char *dir, const char *extra)
{
	struct kaigi_error err;
	struct kaigi_diags d = {0};
	if (schema_set_init(forms, &err) != KAIGI_OK)
		return 3;
	schema_load_dir(forms, dir, &d);
	if (extra)
		schema_load_dir(forms, extra, &d);
	kaigi_diags_free(&d);
	return 0;
}

struct store *bench_store_open(const char *prog, const char *db, enum store_open_mode mode,
			       struct schema_set *forms)
{
	struct kaigi_error err;
	struct store *st = NULL;
	if (store_open(&st, db, mode, &err) != KAIGI_OK) {
		fprintf(stderr, "%s: %s\n", prog, err.msg);
		return NULL;
	}
	if (forms)
		store_set_forms(st, forms);
	return st;
}

int bench_store_main(const char *prog, int argc, char **argv, const char *const *names, int nops,
		     bench_store_op run)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s DB FORMS_DIR OUT_DIR [RUNS]\n", prog);
		return 2;
	}
	int runs = argc > 4 ? atoi(argv[4]) : 7;
	if (runs < 1)
		runs = 1;
	struct kaigi_error err;
	struct schema_set forms;
	if (bench_forms_load(&forms, argv[2], NULL) != 0)
		return 3;
	double t0 = bench_now_ms();
	struct store *st = bench_store_open(prog, argv[1], STORE_READ_WRITE, NULL);
	if (!st)
		return 3;
	printf("open %.1f %.1f\n", bench_now_ms() - t0, bench_now_ms() - t0);
	store_set_forms(st, &forms);
	struct capture cap = {NULL};
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, trace, &cap);
	for (int op = 0; op < nops; op++) {
		int ok;
		size_t n = run(st, op, &err, &ok); /* warm-up, and the SQL */
		if (!ok) {
			fprintf(stderr, "%s: %s: %s\n", prog, names[op], err.msg);
			return 3;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.sql", argv[3], names[op]);
		cap.out = fopen(path, "w");
		if (!cap.out) {
			perror(path);
			return 3;
		}
		run(st, op, &err, &ok);
		fclose(cap.out);
		cap.out = NULL;
		double *ms = calloc((size_t)runs, sizeof *ms);
		double *cpu = calloc((size_t)runs, sizeof *cpu);
		for (int k = 0; k < runs; k++) {
			double a = bench_now_ms(), c = bench_cpu_ms();
			run(st, op, &err, &ok);
			ms[k] = bench_now_ms() - a;
			cpu[k] = bench_cpu_ms() - c;
		}
		bench_sort(ms, (size_t)runs);
		bench_sort(cpu, (size_t)runs);
		printf("%s %.2f %.2f %zu %.2f\n", names[op], ms[runs / 2], ms[0], n, cpu[runs / 2]);
		free(ms);
		free(cpu);
	}
	store_close(st);
	schema_set_free(&forms);
	return 0;
}
