// SPDX-License-Identifier: MIT
/*
 * store_draft.c — the drafts table: text being typed and refused values,
 * apart from the answers (see kaigi/draft.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/draft.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

struct put_arg {
	const struct store_draft_key *key;
	const char *text;
	bool refused;
	const char *reason;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

static void bind_put(sqlite3_stmt *q, const void *arg)
{
	const struct put_arg *a = arg;
	sqlite3_bind_text(q, 1, a->key->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, a->key->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, nz(a->key->item), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, nz(a->key->col), -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 5, a->key->record_id);
	sqlite3_bind_text(q, 6, a->text, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 7, a->refused);
	store_bind_text_or_null(q, 8, a->reason);
	sqlite3_bind_int64(q, 9, store_now_ms());
}

enum kaigi_status store_draft_put(struct store *st, const struct store_draft_key *key,
				  const char *text, bool refused, const char *reason,
				  struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO draft (scope, field, item, col, record_id, text, refused, "
	    "reason, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	struct put_arg a = {key, text ? text : "", refused, reason};
	return store_write1(st, sql, bind_put, &a, "keeping a draft", err);
}

static void bind_key(sqlite3_stmt *q, const void *arg)
{
	const struct store_draft_key *k = arg;
	sqlite3_bind_text(q, 1, k->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, k->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, nz(k->item), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, nz(k->col), -1, SQLITE_STATIC);
}

enum kaigi_status store_draft_delete(struct store *st, const struct store_draft_key *key,
				     struct kaigi_error *err)
{
	static const char sql[] =
	    "DELETE FROM draft WHERE scope = ?1 AND field = ?2 AND item = ?3 AND col = ?4";
	return store_write1(st, sql, bind_key, key, "removing a draft", err);
}

enum kaigi_status store_draft_list(struct store *st, const char *scope, struct store_draft **out,
				   size_t *n, struct kaigi_error *err)
{
	static const char sql[] = "SELECT field, item, col, text, refused, reason, updated "
				  "FROM draft WHERE scope = ?1 ORDER BY updated";
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q = store_query(st, sql, err, "t", scope);
	if (!q)
		return err->status;
	enum kaigi_status s = store_list_cols(st, q, out, n, sizeof **out, store_draft_cols, NULL,
					      "reading drafts", err);
	for (size_t i = 0; i < *n; i++)
		(*out)[i].scope = xstrdup(scope);
	return s;
}

void store_drafts_free(struct store_draft *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].scope);
		store_cols_clear(store_draft_cols, &v[i]);
	}
	free(v);
}

static enum kaigi_status count(struct store *st, const char *sql, const char *arg, size_t *n,
			       struct kaigi_error *err)
{
	*n = 0;
	sqlite3_stmt *q = store_query(st, sql, err, arg ? "t" : "", arg);
	if (!q)
		return err->status;
	long long v;
	enum kaigi_status s = store_int64(st, q, &v, "counting drafts", err);
	*n = (size_t)v;
	return s;
}

enum kaigi_status store_draft_count_case(struct store *st, const char *case_id, size_t *n,
					 struct kaigi_error *err)
{
	static const char sql[] = "SELECT count(*) FROM draft d JOIN form_record r "
				  "ON r.id = d.record_id WHERE r.case_id = ?1";
	return count(st, sql, case_id, n, err);
}

enum kaigi_status store_draft_count(struct store *st, size_t *n, struct kaigi_error *err)
{
	static const char sql[] = "SELECT count(*) FROM draft";
	return count(st, sql, NULL, n, err);
}
