// SPDX-License-Identifier: MIT
/*
 * store_wal.c — the write-ahead log kept short outside the save path
 * (include/kaigi/store_wal.h): SQLite's automatic checkpoint is replaced by
 * a WAL hook that only counts, and checkpoints by itself past a bound.
 */
#include <time.h>

#include "kaigi/store_wal.h"
#include "store_internal.h"

/* After each commit: how many pages the log holds now. */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct store *st = arg;
	st->wal_pages = pages;
	if (pages >= STORE_WAL_BOUND) {
		int log = 0, done = 0;
		if (sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, &log, &done) ==
		    SQLITE_OK)
			st->wal_pages = log - done;
	}
	return SQLITE_OK;
}

void store_wal_init(struct store *st)
{
	/* Replaces the automatic checkpoint (sqlite3_wal_autocheckpoint is a
	 * WAL hook too): the store decides when. */
	sqlite3_wal_hook(st->db, wal_hook, st);
}

int store_wal_pending(const struct store *st)
{
	return st->read_only ? 0 : st->wal_pages;
}

enum kaigi_status store_checkpoint(struct store *st, struct kaigi_error *err)
{
	if (st->read_only || st->wal_pages == 0)
		return KAIGI_OK;
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
	if (rc != SQLITE_OK && rc != SQLITE_BUSY)
		return store_fail(st, rc, err, "checkpointing the log");
	st->wal_pages = rc == SQLITE_OK ? log - done : st->wal_pages;
	return KAIGI_OK;
}

/* Monotonic milliseconds, for bounding the idle work. */
static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum kaigi_status store_idle(struct store *st, struct kaigi_error *err)
{
	long long changes = sqlite3_total_changes64(st->db);
	if (st->read_only || changes == st->idle_changes)
		return KAIGI_OK; /* nothing saved since the last time */
	/* Merge steps while they find work (a level with `usermerge`, 4,
	 * segments or more), for at most STORE_IDLE_MS: each save adds a
	 * segment, and a session that saves often must not fall behind into
	 * FTS5's own merge of 16 segments inside a save. */
	long long until = mono_ms() + STORE_IDLE_MS;
	do {
		if (st->stop_fn && st->stop_fn(st->stop_ctx))
			return KAIGI_OK; /* a key is waiting */
		sqlite3_stmt *q = store_stmt(
		    st, "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?1)", err);
		if (!q)
			return err->status;
		sqlite3_bind_int(q, 1, STORE_IDLE_MERGE_PAGES);
		long long before = sqlite3_total_changes64(st->db);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		/* Stopped for a key (store_stop_when): the rest waits for the
		 * next idle moment; the merge step rolled back whole. */
		if (st->stopped || (st->stop_fn && st->stop_fn(st->stop_ctx)))
			return KAIGI_OK;
		if (rc != SQLITE_DONE && rc != SQLITE_BUSY)
			return store_fail(st, rc, err, "tidying the search index");
		if (rc != SQLITE_DONE || sqlite3_total_changes64(st->db) == before)
			break;
	} while (mono_ms() < until);
	st->idle_changes = sqlite3_total_changes64(st->db);
	/* A checkpoint that empties the log makes the next save start it
	 * again, which costs that save a second fsync (the log's header):
	 * so the log is copied only once it is long, about every 300 saves. */
	if (st->wal_pages < STORE_IDLE_CHECKPOINT_PAGES)
		return KAIGI_OK;
	return store_checkpoint(st, err);
}
