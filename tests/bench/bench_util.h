/* SPDX-License-Identifier: MIT */
/*
 * bench_util.h — what the benchmark programs share: the clocks, sorting
 * the times for a median, loading the forms, opening a store, and the harness of the benchmarks
 * that time store operations beside the same SQL in the sqlite3 shell (bench_followup,
 * bench_tally).
 */
#ifndef KAIGI_BENCH_UTIL_H
#define KAIGI_BENCH_UTIL_H

#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

/* Wall time (monotonic) and the process's CPU time (user + system), in
 * milliseconds: on a shared, loaded machine the wall time counts the
 * waits for a core too. */
double bench_now_ms(void);
double bench_cpu_ms(void);
/* Sort n times ascending (v[n / 2] is then the median). */
void bench_sort(double *v, size_t n);

/* Initialise forms and load the folders dir, then extra (when not NULL);
 * their problems are not the benchmark's.  0, or 3 when the set cannot be
 * made. */
int bench_forms_load(struct schema_set *forms, const char *dir, const char *extra);

/* Open the database db in mode, reading the forms of forms when it is not
 * NULL; NULL, with "PROG: MESSAGE" on stderr, when it cannot be opened. */
struct store *bench_store_open(const char *prog, const char *db, enum store_open_mode mode,
			       struct schema_set *forms);

/* One operation of a store benchmark: run operation op on st; *ok = 0
 * (err set) when it failed.  Returns the rows it gave. */
typedef size_t (*bench_store_op)(struct store *st, int op, struct kaigi_error *err, int *ok);

/*
 * The main of a store benchmark: `PROG DB FORMS_DIR OUT_DIR [RUNS]`.
 * Opens DB with the forms (printing "open MS MS"), then for each of the
 * nops operations runs it once to warm up, once more writing every
 * top-level statement it stepped, bound values expanded, to
 * OUT_DIR/NAME.sql (so the sqlite3 shell runs exactly the same queries),
 * and RUNS times (default 7) timed, printing
 * "NAME MEDIAN_MS MIN_MS ROWS MEDIAN_CPU_MS".  Returns the exit status:
 * 0, 2 for usage, 3 for a failure.
 */
int bench_store_main(const char *prog, int argc, char **argv, const char *const *names, int nops,
		     bench_store_op run);

#endif
