/* SPDX-License-Identifier: MIT */
/*
 * store_sync.h — what the sync files of src/store share: the travelling
 * tables, change capture hooks called by store_sql.c and store_open.c, and
 * helpers of the apply and resolve code.
 */
#ifndef KAIGI_STORE_SYNC_H
#define KAIGI_STORE_SYNC_H

#include <stdbool.h>

#include "kaigi/sync.h"
#include "store_internal.h"

/* The tables whose rows travel, NULL-terminated (db/010_sync.sql). */
extern const char *const sync_tables[];
bool sync_table_travels(const char *name);

/* Start capturing on a read-write store (after migrations); makes the
 * baseline entry of a database that held data before sync existed, and
 * installs the capture that store_end calls (struct store_txn_log). */
enum kaigi_status store_sync_open(struct store *st, struct kaigi_error *err);
void store_sync_close(struct store *st);
/* Pause (false) or resume capture: changes applied from a bundle are
 * logged under their origin, not as this site's own. */
void store_sync_capture_enable(struct store *st, bool on);

/* This site's id (cached on the store). */
const char *store_sync_site_id(struct store *st);

/* Carry out an action on the row of tbl whose key is the JSON array pk:
 * "set" col to value (or text), "delete" it, "restore" it from the JSON
 * object in value or text when it is missing (store_sync_resolve.c). */
enum kaigi_status sync_row_act(struct store *st, const char *tbl, const char *pk, const char *col,
			       const char *action, sqlite3_value *value, const char *text,
			       struct kaigi_error *err);
/* Record a conflict found applying entry e (store_sync_apply.c). */
enum kaigi_status sync_conflict_insert(struct store *st, const char *kind, const char *tbl,
				       const char *pk, const char *col, sqlite3_value *local,
				       const char *local_row, sqlite3_value *incoming,
				       const char *incoming_row, const char *row_key,
				       const char *path, const struct sync_entry *e,
				       struct kaigi_error *err);

/* Foreign keys while applying (store_sync_fk.c).  sync_fk_begin makes the
 * temporary tables an import notes deleted parents (temp.sync_deleted)
 * and keys to check (temp.sync_keys) in; sync_fk_settle puts back a
 * deleted parent that still has a child changed here (a conflict), and
 * moves rows left without a parent into sync_conflict. */
bool sync_fk_is_parent(const char *tbl);
/* The table col of child points at, or NULL. */
const char *sync_fk_parent(const char *child, const char *col);
enum kaigi_status sync_fk_begin(struct store *st, struct kaigi_error *err);
enum kaigi_status sync_fk_settle(struct store *st, const struct sync_entry *blame, size_t *nconf,
				 struct kaigi_error *err);

/* Note a bundle's sender as a peer, and what it holds (store_sync.c). */
enum kaigi_status sync_peer_note(struct store *st, const struct sync_payload *p, size_t nnew,
				 struct kaigi_error *err);

/* Append the rows of q — origin, origin_seq, at, actor, deps, changeset
 * (compressed or raw, sync_zip.c) — to out as entries, stepping to the
 * end; a change set that cannot be read stops it with SQLITE_CORRUPT.
 * Returns the last step's code (SQLITE_DONE: all read); q is not reset. */
int sync_entry_rows(sqlite3_stmt *q, struct sync_payload *out);

/* The columns of table t as "'name', "name", …", the arguments of a
 * json_object() of its row ("" for none); caller frees (sync_payload.c). */
char *sync_json_object_args(struct store *st, const char *t);

/* A JSON array of text values (primary keys); caller frees. */
char *sync_json_array(const char *const *v, size_t n);

/* The column tables of a log entry, a peer and a conflict (store_rows.c,
 * read by store_cols_read). */
extern const struct store_col store_sync_entry_cols[], store_sync_peer_cols[],
    store_sync_conflict_cols[];

#endif
