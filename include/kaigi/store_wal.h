/* SPDX-License-Identifier: MIT */
/*
 * store_wal.h — checkpoints out of the save path: no save waits for one.
 *
 * A save commits to the write-ahead log with synchronous=FULL: durable when
 * store_answer_save returns.  Copying the log back into the database file
 * (a checkpoint) is not needed for durability, only to keep the log short;
 * SQLite's automatic checkpoint did it inside every ~70th save (13–46 ms on
 * ten years of records).  kaigi turns it off: the UI checkpoints when it is
 * idle (store_idle), closing checkpoints, and a bound keeps the log from
 * growing without end where nothing is ever idle (a long import): a commit
 * that leaves more than STORE_WAL_BOUND pages in it checkpoints then.
 *
 * The search index defers its own housekeeping the same way: each save
 * adds a small segment to search_fts, and FTS5 merged segments inside saves
 * (automerge); db/004 turns that off and store_idle merges a step at a
 * time.  FTS5 still merges by itself past 16 segments of a level, so a
 * session that never pauses stays correct, only slower to save then.
 */
#ifndef KAIGI_STORE_WAL_H
#define KAIGI_STORE_WAL_H

#include "kaigi/store.h"

/* Pages (4 KiB) the log may hold before a commit checkpoints by itself
 * (32 MB; idle moments copy it from 16 MB). */
#define STORE_WAL_BOUND 8192

/* Pages committed to the log and not yet copied into the database file
 * (0 on a read-only store). */
int store_wal_pending(const struct store *st);

/* Copy the log into the database file, PASSIVE: never waits for another
 * connection, copies what it can.  Nothing to do is success. */
enum kaigi_status store_checkpoint(struct store *st, struct kaigi_error *err);

/* What the store leaves for when nobody types: when anything was saved
 * since the last call, steps of merging the search index's segments
 * (STORE_IDLE_MERGE_PAGES each) while there is work, for at most
 * STORE_IDLE_MS, then store_checkpoint once the log holds
 * STORE_IDLE_CHECKPOINT_PAGES (emptying it more often would cost the next
 * save a second fsync each time: the log's header is written anew).  Under store_stop_when it gives
 * way to a key: it stops, leaving the rest for the next idle moment. */
#define STORE_IDLE_MERGE_PAGES      16
#define STORE_IDLE_MS               6
#define STORE_IDLE_CHECKPOINT_PAGES 4096
enum kaigi_status store_idle(struct store *st, struct kaigi_error *err);

#endif
