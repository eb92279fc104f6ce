// SPDX-License-Identifier: MIT
/*
 * bench_store.c — the store's side of tests/bench/store_bench.
 *
 *   bench_store save DB FORMS_DIR N [EVERY]
 *                                     N single-answer saves, each its own
 *                                     transaction (synchronous=FULL), into
 *                                     records spread over the database;
 *                                     after every EVERY saves (default 10:
 *                                     a pause in typing) the UI's idle
 *                                     checkpoint, timed apart; prints
 *                                     "p50_ms p99_ms mean_ms max_ms
 *                                     wal_pages_per_save ckpt_p50_ms
 *                                     ckpt_p99_ms"
 *   bench_store floor FILE N          the floor of a save: N times one 4 KiB
 *                                     write and fdatasync to FILE (beside
 *                                     the database); prints "p50_ms p99_ms"
 *   bench_store open DB               open (with every check), read the 20
 *                                     newest meetings, close: what starting
 *                                     the UI costs the store
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench_util.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/store_wal.h"

static int bench_open(const char *db)
{
	struct kaigi_error err;
	struct store *st = bench_store_open("bench_store", db, STORE_READ_WRITE, NULL);
	if (!st)
		return 3;
	struct store_meeting_list l;
	if (store_meeting_list(st, NULL, 20, &l, &err) != KAIGI_OK || l.n == 0) {
		fprintf(stderr, "bench_store: no meetings\n");
		return 3;
	}
	store_meeting_list_free(&l);
	store_close(st);
	return 0;
}

static int bench_save(const char *db, const char *forms_dir, int n, int every)
{
	struct kaigi_error err;
	struct schema_set forms;
	if (bench_forms_load(&forms, forms_dir, NULL) != 0)
		return 3;
	struct store *st = bench_store_open("bench_store", db, STORE_READ_WRITE, &forms);
	if (!st)
		return 3;
	/* Records to write into, spread over the years (the pages touched are
	 * not all hot in the cache). */
	sqlite3 *raw;
	sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(raw,
			   "SELECT id FROM form_record WHERE form = 'bench_case_sheet' ORDER BY "
			   "random() LIMIT ?1",
			   -1, &q, NULL);
	sqlite3_bind_int(q, 1, n);
	char(*ids)[STORE_ID_SIZE] = calloc((size_t)n, STORE_ID_SIZE);
	int nids = 0;
	while (nids < n && sqlite3_step(q) == SQLITE_ROW)
		snprintf(ids[nids++], STORE_ID_SIZE, "%s", sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(raw);
	if (nids == 0) {
		fprintf(stderr, "bench_store: no bench_case_sheet records\n");
		return 3;
	}
	double *t = calloc((size_t)n, sizeof *t);
	double *ck = calloc((size_t)n, sizeof *ck);
	int nck = 0;
	long pages = 0;
	double sum = 0;
	for (int i = 0; i < n; i++) {
		char text[64];
		snprintf(text, sizeof text, "モニタリング %d 回目", i);
		struct store_path p = {"monitoring_status", NULL, NULL};
		int before = store_wal_pending(st);
		double t0 = bench_now_ms();
		if (store_answer_save(st, ids[i % nids], &p, text, &err) != KAIGI_OK) {
			fprintf(stderr, "bench_store: %s\n", err.msg);
			return 3;
		}
		t[i] = bench_now_ms() - t0;
		sum += t[i];
		int after = store_wal_pending(st);
		pages += after - before;
		if (every > 0 && (i + 1) % every == 0) {
			t0 = bench_now_ms();
			store_idle(st, &err);
			ck[nck++] = bench_now_ms() - t0;
		}
	}
	bench_sort(t, (size_t)n);
	bench_sort(ck, (size_t)nck);
	printf("%.3f %.3f %.3f %.3f %.1f %.3f %.3f\n", t[n / 2], t[(n * 99) / 100], sum / n,
	       t[n - 1], (double)pages / n, nck ? ck[nck / 2] : 0.0,
	       nck ? ck[(nck * 99) / 100] : 0.0);
	free(t);
	free(ck);
	free(ids);
	store_close(st);
	schema_set_free(&forms);
	return 0;
}

static int bench_floor(const char *path, int n)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(path);
		return 3;
	}
	char page[4096];
	memset(page, 'k', sizeof page);
	double *t = calloc((size_t)n, sizeof *t);
	for (int i = 0; i < n; i++) {
		double t0 = bench_now_ms();
		if (pwrite(fd, page, sizeof page, (off_t)(i % 64) * 4096) != (ssize_t)sizeof page ||
		    fdatasync(fd) != 0) {
			perror(path);
			return 3;
		}
		t[i] = bench_now_ms() - t0;
	}
	close(fd);
	unlink(path);
	bench_sort(t, (size_t)n);
	printf("%.3f %.3f\n", t[n / 2], t[(n * 99) / 100]);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "floor") == 0)
		return bench_floor(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1);
	if (argc == 3 && strcmp(argv[1], "open") == 0)
		return bench_open(argv[2]);
	if ((argc == 5 || argc == 6) && strcmp(argv[1], "save") == 0)
		return bench_save(argv[2], argv[3], atoi(argv[4]) > 0 ? atoi(argv[4]) : 1,
				  argc == 6 ? atoi(argv[5]) : 10);
	fprintf(stderr,
		"usage: bench_store save DB FORMS_DIR N [EVERY] | floor FILE N | open DB\n");
	return 2;
}
