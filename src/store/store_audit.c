// SPDX-License-Identifier: MIT
/*
 * store_audit.c — reading the audit trail.  It is written only by the
 * triggers of db/001_init.sql (through the view audit, db/012_lean.sql),
 * and other triggers refuse any change or deletion of it, so this file
 * only reads.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

static void audit_entry_clear(struct store_audit_entry *e)
{
	store_cols_clear(store_audit_cols, e);
}

void store_audit_list_free(struct store_audit_list *l)
{
	STORE_LIST_FREE(l, audit_entry_clear);
}

enum kaigi_status store_audit_list(struct store *st, const char *row_key, size_t limit,
				   struct store_audit_list *out, struct kaigi_error *err)
{
	/* audit is a view of audit_log (db/012_lean.sql); a row's history is
	 * read through its local_key number and audit_log_row. */
	static const char all[] = "SELECT seq, at, who, tbl, op, row_key, path, old, new FROM "
				  "audit WHERE ?1 IS NULL ORDER BY seq LIMIT ?2";
	static const char one[] = "SELECT seq, at, who, tbl, op, row_key, path, old, new FROM "
				  "audit WHERE row_key = ?1 ORDER BY seq LIMIT ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, row_key ? one : all, err, "nL", row_key, limit);
	return STORE_LIST_COLS(st, q, out, store_audit_cols, NULL, "reading the audit trail", err);
}
