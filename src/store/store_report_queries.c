// SPDX-License-Identifier: MIT
/*
 * store_report_queries.c — reads the printable summary needs that the rest
 * of the store does not offer (added by the report module, issue 5).
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_case_issue_list_free(struct store_case_issue_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].title);
		free(l->v[i].description);
		free(l->v[i].policy);
		free(l->v[i].note);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_case_issue_list(struct store *st, const char *case_id,
					struct store_case_issue_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT r.id, r.title, r.description, r.policy, l.note FROM regional_issue_case l "
	    "JOIN regional_issue r ON r.id = l.issue_id WHERE l.case_id = ?1 "
	    "ORDER BY l.created, r.title";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct store_case_issue *i = &out->v[out->n++];
		memset(i, 0, sizeof *i);
		store_column_id(q, 0, i->id);
		i->title = store_column_strdup(q, 1);
		i->description = store_column_strdup(q, 2);
		i->policy = store_column_strdup(q, 3);
		i->note = store_column_strdup(q, 4);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_case_issue_list_free(out);
		return store_fail(st, rc, err, "reading the regional issues of a case");
	}
	return KAIGI_OK;
}

enum kaigi_status store_meeting_ids_by_prefix(struct store *st, const char *prefix,
					      char (*ids)[STORE_ID_SIZE], size_t max, size_t *n,
					      struct kaigi_error *err)
{
	/* substr() rather than LIKE: an id prefix holds no wildcards to escape,
	 * and the comparison stays exact whatever the user typed. */
	static const char sql[] = "SELECT id FROM meeting WHERE substr(id, 1, length(?1)) = ?1 "
				  "ORDER BY date DESC, start_time DESC LIMIT ?2";
	*n = 0;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)max);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && *n < max)
		store_column_id(q, 0, ids[(*n)++]);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, rc, err, "looking up a meeting");
	return KAIGI_OK;
}
