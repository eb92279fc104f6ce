// SPDX-License-Identifier: MIT
/*
 * store_bind.c — the loops behind store_bind.h: one binds a table of
 * parameters, one reads a row into the struct fields a column table names,
 * one frees what those fields hold.
 */
#include <stdlib.h>

#include "store_bind.h"

void store_params_bind(sqlite3_stmt *q, const struct store_param *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int k = (int)i + 1;
		switch (p[i].kind) {
		case STORE_PARAM_NONE:
			break;
		case STORE_PARAM_TEXT:
			sqlite3_bind_text(q, k, p[i].text, -1, SQLITE_STATIC);
			break;
		case STORE_PARAM_INT:
			sqlite3_bind_int64(q, k, p[i].i);
			break;
		case STORE_PARAM_VALUE:
			store_bind_value(q, k, p[i].value);
			break;
		case STORE_PARAM_SQL:
			if (p[i].sql)
				sqlite3_bind_value(q, k, p[i].sql);
			else
				sqlite3_bind_null(q, k);
			break;
		}
	}
}

enum kaigi_status store_params_run(struct store *st, const char *sql, const struct store_param *p,
				   size_t n, const char *what, struct kaigi_error *err)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		store_params_bind(q, p, n);
		rc = sqlite3_step(q);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? KAIGI_OK : store_fail(st, rc, err, what);
}

enum kaigi_status store_params_step(struct store *st, const char *sql, const struct store_param *p,
				    size_t n, const char *what, struct kaigi_error *err)
{
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	store_params_bind(q, p, n);
	return store_step(st, q, what, err);
}

void store_cols_read(sqlite3_stmt *q, const struct store_col *c, size_t n, void *out)
{
	for (size_t i = 0; i < n; i++) {
		void *f = (char *)out + c[i].off;
		int col = (int)i;
		if (c[i].kind == STORE_COL_TEXT)
			*(char **)f = store_column_strdup(q, col);
		else if (c[i].kind == STORE_COL_INT)
			*(long long *)f = sqlite3_column_int64(q, col);
		else if (c[i].kind == STORE_COL_VALUE)
			store_column_value(q, col, f);
		else if (c[i].kind == STORE_COL_ID)
			store_column_id(q, col, f);
	}
}

void store_cols_clear(const struct store_col *c, size_t n, void *out)
{
	for (size_t i = 0; i < n; i++) {
		void *f = (char *)out + c[i].off;
		if (c[i].kind == STORE_COL_TEXT) {
			free(*(char **)f);
			*(char **)f = NULL;
		} else if (c[i].kind == STORE_COL_VALUE) {
			kaigi_value_clear(f);
		}
	}
}
