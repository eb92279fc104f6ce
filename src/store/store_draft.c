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

static const char *nz(const char *s)
{
	return s ? s : "";
}

enum kaigi_status store_draft_put(struct store *st, const struct store_draft_key *key,
				  const char *text, bool refused, const char *reason,
				  struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO draft (scope, field, item, col, record_id, text, refused, "
	    "reason, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	return store_write_fmt(st, sql, &(struct store_write){0}, "keeping a draft", err,
			       "ttttntinI", key->scope, key->field, nz(key->item), nz(key->col),
			       key->record_id, text ? text : "", refused ? 1 : 0, reason,
			       store_now_ms());
}

enum kaigi_status store_draft_delete(struct store *st, const struct store_draft_key *key,
				     struct kaigi_error *err)
{
	static const char sql[] =
	    "DELETE FROM draft WHERE scope = ?1 AND field = ?2 AND item = ?3 AND col = ?4";
	return store_write_fmt(st, sql, &(struct store_write){0}, "removing a draft", err, "tttt",
			       key->scope, key->field, nz(key->item), nz(key->col));
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
