/* SPDX-License-Identifier: MIT */
/*
 * store_stop.h — reads that give way to the user: a key waiting stops a read.
 *
 * A search over ten years of records can take longer than the gap between
 * two keystrokes.  The UI runs it in its one loop, so it asks the store to
 * stop the read as soon as a key is waiting: the read ends early, its
 * results are dropped, and the search runs again once typing pauses.  Only
 * reads are ever stopped — the UI sets the check around a search and clears
 * it after; a save never runs under it.
 */
#ifndef KAIGI_STORE_STOP_H
#define KAIGI_STORE_STOP_H

#include <stdbool.h>

#include "kaigi/store.h"

/* Asked every few thousand SQLite steps while set: true stops the read. */
typedef bool (*store_stop_fn)(void *ctx);

/*
 * Until cleared (fn NULL), every statement of st polls fn; when it returns
 * true the statement stops and its function fails (KAIGI_EENV) with
 * store_stopped(st) true.  Setting or clearing resets store_stopped.
 */
void store_stop_when(struct store *st, store_stop_fn fn, void *ctx);
/* Whether the last read was stopped by the store_stop_when check. */
bool store_stopped(const struct store *st);

#endif
