// SPDX-License-Identifier: MIT
/*
 * bench_followup.c — the regional picture and search on the reference data
 * set, timed, with the very SQL kaigi ran written out for the sqlite3 shell
 * (tests/bench/followup_bench runs it there as the reference).
 *
 *   bench_followup DB FORMS_DIR OUT_DIR [RUNS]
 *
 * For each operation it prints one line "NAME MEDIAN_MS MIN_MS ROWS CPU_MS"
 * over RUNS runs (default 7) after one warm-up (CPU_MS: the median of the
 * process's CPU time, which a loaded machine does not inflate as it does
 * the wall clock), and writes OUT_DIR/NAME.sql: every
 * top-level statement the operation stepped, with its bound values
 * expanded (sqlite3_expanded_sql), so the shell runs exactly the same
 * queries.  The operations:
 *
 *   rollup_raised    regional issues raised in cases, all ten years
 *   rollup_register  the register with cases and meetings, all years
 *   rollup_outcomes  follow-up reviews improved / same / worse by year, area
 *   rollup_all       the three, as `kaigi report regional` reads them
 *   search_phrase    a Japanese phrase (bigram index)
 *   search_words     two words, one of two characters
 *   search_short     a two-character word (服薬)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/store/store_internal.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/search.h"
#include "kaigi/store.h"

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

enum op { RAISED, REGISTER, OUTCOMES, ALL, PHRASE, WORDS, SHORT, NOPS };
static const char *const op_name[NOPS] = {"rollup_raised", "rollup_register", "rollup_outcomes",
					  "rollup_all",    "search_phrase",   "search_words",
					  "search_short"};

static size_t run_op(struct store *st, enum op op, struct kaigi_error *err, int *ok)
{
	size_t n = 0;
	*ok = 1;
	struct store_raised_list r;
	struct store_issue_list i;
	struct store_outcome_list o;
	struct store_text_hit_list h;
	switch (op) {
	case RAISED:
	case REGISTER:
	case OUTCOMES:
	case ALL:
		if (op == RAISED || op == ALL) {
			*ok &= store_raised_rollup(st, NULL, &r, err) == KAIGI_OK;
			n += r.n;
			store_raised_list_free(&r);
		}
		if (op == REGISTER || op == ALL) {
			*ok &= store_register_rollup(st, NULL, &i, err) == KAIGI_OK;
			n += i.n;
			store_issue_list_free(&i);
		}
		if (op == OUTCOMES || op == ALL) {
			*ok &= store_outcome_rollup(st, NULL, &o, err) == KAIGI_OK;
			n += o.n;
			store_outcome_list_free(&o);
		}
		break;
	default: {
		const char *q = op == PHRASE  ? "神社までの散歩"
				: op == WORDS ? "またぎ動作 浴槽"
					      : "服薬";
		*ok = store_text_search(st, q, 50, &h, NULL, err) == KAIGI_OK;
		n = h.n;
		store_text_hit_list_free(&h);
		break;
	}
	}
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_followup DB FORMS_DIR OUT_DIR [RUNS]\n");
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
		fprintf(stderr, "bench_followup: %s\n", err.msg);
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
			fprintf(stderr, "bench_followup: %s: %s\n", op_name[op], err.msg);
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
