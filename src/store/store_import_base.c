// SPDX-License-Identifier: MIT
/*
 * store_import_base.c — the helpers every reader of the importer shares:
 * reporting a failure at a node, a statement, a write counted, and an
 * entity's id, given or found by its natural key.  They call nothing of the
 * readers or of the dispatcher (store_import.c) above them.
 */
#include <stdio.h>

#include "store_import.h"

void imp_fail(struct imp *im, const yaml_node_t *n, const struct kaigi_error *err)
{
	int line = n ? ydoc_line(n) : 0, col = n ? ydoc_col(n) : 0;
	if (err->status == KAIGI_EDATA) {
		ydoc_error_at(&im->w, line, col, "%s", err->msg);
		return;
	}
	kaigi_diags_add(im->w.diags, err->status, im->w.file, line, col, "%s", err->msg);
	im->w.stop = true;
}

void imp_db_error(struct imp *im, const yaml_node_t *n, int rc, const char *what)
{
	struct kaigi_error err;
	store_fail(im->st, rc, &err, what);
	imp_fail(im, n, &err);
}

struct store_write *imp_merge(struct imp *im)
{
	im->merge = (struct store_write){.merge = true, .now = im->now};
	return &im->merge;
}

bool imp_wrote(struct imp *im, const yaml_node_t *n, enum kaigi_status s)
{
	if (s != KAIGI_OK) {
		imp_fail(im, n, &im->err);
		return false;
	}
	if (im->stats)
		im->stats->changes += (size_t)im->merge.changes;
	return true;
}

sqlite3_stmt *imp_stmt(struct imp *im, const char *sql)
{
	struct kaigi_error err;
	sqlite3_stmt *q = store_stmt(im->st, sql, &err);
	if (!q) {
		kaigi_diags_add_error(im->w.diags, &err);
		im->w.stop = true;
	}
	return q;
}

/* Step a write; counts changes.  False (reported at n) on failure. */
bool imp_step_write(struct imp *im, sqlite3_stmt *q, const yaml_node_t *n, const char *what)
{
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		imp_db_error(im, n, rc, what);
		return false;
	}
	if (im->stats)
		im->stats->changes += (size_t)sqlite3_changes(im->st->db);
	return true;
}

/* Look up one id with a query of up to three text keys; "" when none. */
bool imp_find_id(struct imp *im, const char *sql, const char *a, const char *b, const char *c,
		 char out[STORE_ID_SIZE], const yaml_node_t *n)
{
	out[0] = '\0';
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return false;
	store_bind_text_or_null(q, 1, a);
	store_bind_text_or_null(q, 2, b);
	store_bind_text_or_null(q, 3, c);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		store_column_id(q, 0, out);
	int rc2 = rc == SQLITE_ROW ? sqlite3_step(q) : SQLITE_DONE;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		imp_db_error(im, n, rc, "reading the database");
		return false;
	}
	if (rc2 == SQLITE_ROW) {
		ydoc_error(&im->w, n,
			   "this matches more than one row in the database; give its id");
		return false;
	}
	return true;
}

/* The id of an entity: given (checked) or found by natural key, or new. */
void imp_take_id(struct imp *im, const yaml_node_t *idnode, const char *found,
		 char out[STORE_ID_SIZE])
{
	const char *given = ydoc_text(&im->w, idnode, "id");
	if (given) {
		if (store_uuid_valid(given)) {
			snprintf(out, STORE_ID_SIZE, "%s", given);
			imp_seen_check(im, "id", given, NULL, idnode);
			return;
		}
		ydoc_error(&im->w, idnode,
			   "'%s' is not an id (a UUID like 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10); "
			   "leave id out and one is made",
			   given);
	}
	if (found && *found)
		snprintf(out, STORE_ID_SIZE, "%s", found);
	else
		store_uuid_new(out);
}

bool imp_resolve_id(struct imp *im, const yaml_node_t *idnode, const char *sql, const char *a,
		    const char *b, const char *c, char out[STORE_ID_SIZE], const yaml_node_t *n)
{
	if (idnode && idnode->type == YAML_SCALAR_NODE &&
	    store_uuid_valid((const char *)idnode->data.scalar.value)) {
		snprintf(out, STORE_ID_SIZE, "%s", (const char *)idnode->data.scalar.value);
		return imp_seen_check(im, "id", out, NULL, idnode);
	}
	char found[STORE_ID_SIZE];
	if (!imp_find_id(im, sql, a, b, c, found, n))
		return false;
	imp_take_id(im, idnode, found, out);
	return true;
}
