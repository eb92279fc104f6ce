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

/* The tables whose rows travel, NULL-terminated (db/004_sync.sql). */
extern const char *const sync_tables[];
bool sync_table_travels(const char *name);

/* Start capturing on a read-write store (after migrations); makes the
 * baseline entry of a database that held data before sync existed. */
enum kaigi_status store_sync_open(struct store *st, struct kaigi_error *err);
/* Called by store_end inside the outermost transaction, before COMMIT:
 * log what the transaction changed. */
enum kaigi_status store_sync_capture(struct store *st, struct kaigi_error *err);
/* Called after a ROLLBACK: forget what was recorded. */
void store_sync_discard(struct store *st);
void store_sync_close(struct store *st);
/* Pause (false) or resume capture: changes applied from a bundle are
 * logged under their origin, not as this site's own. */
void store_sync_capture_enable(struct store *st, bool on);

/* This site's id (cached on the store). */
const char *store_sync_site_id(struct store *st);

/* A JSON array of text values (primary keys); caller frees. */
char *sync_json_array(const char *const *v, size_t n);

#endif
