// SPDX-License-Identifier: MIT
/*
 * store_stop.c — a read that gives way to the user: SQLite's progress
 * handler asks the caller's check every STOP_STEPS virtual-machine steps
 * (tens of microseconds), and interrupts the statement when it says so
 * (include/kaigi/store_stop.h).
 */
#include "kaigi/store_stop.h"
#include "store_internal.h"

/* About 20–50 µs of work between checks: a key waits no longer than that
 * for the read to give way, and the check (one poll(2)) costs ~1%. */
#define STOP_STEPS 2000

static int progress(void *arg)
{
	struct store *st = arg;
	if (st->stop_fn && st->stop_fn(st->stop_ctx)) {
		st->stopped = true;
		return 1;
	}
	return 0;
}

void store_stop_when(struct store *st, store_stop_fn fn, void *ctx)
{
	st->stop_fn = fn;
	st->stop_ctx = ctx;
	st->stopped = false;
	sqlite3_progress_handler(st->db, fn ? STOP_STEPS : 0, fn ? progress : NULL, st);
}

bool store_stopped(const struct store *st)
{
	return st->stopped;
}
