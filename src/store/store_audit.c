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
	free(e->who);
	free(e->tbl);
	free(e->op);
	free(e->row_key);
	free(e->path);
	kaigi_value_clear(&e->old);
	kaigi_value_clear(&e->new_value);
}

void store_audit_list_free(struct store_audit_list *l)
{
	STORE_LIST_FREE(l, audit_entry_clear);
}

static void audit_row(sqlite3_stmt *q, void *out)
{
	struct store_audit_entry *e = out;
	e->seq = sqlite3_column_int64(q, 0);
	e->at = sqlite3_column_int64(q, 1);
	e->who = store_column_strdup(q, 2);
	e->tbl = store_column_strdup(q, 3);
	e->op = store_column_strdup(q, 4);
	e->row_key = store_column_strdup(q, 5);
	e->path = store_column_strdup(q, 6);
	store_column_value(q, 7, &e->old);
	store_column_value(q, 8, &e->new_value);
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
	sqlite3_stmt *q = store_stmt(st, row_key ? one : all, err);
	if (!q)
		return err->status;
	store_bind_text_or_null(q, 1, row_key);
	sqlite3_bind_int64(q, 2, limit ? (long long)limit : -1);
	enum kaigi_status s = STORE_LIST(st, q, out, audit_row, "reading the audit trail", err);
	if (s != KAIGI_OK)
		store_audit_list_free(out);
	return s;
}
