// SPDX-License-Identifier: MIT
/*
 * store_issue.c — the regional-issue register (地域課題) across years: the
 * issues and the cases that revealed them, and the issues of one case.
 * The roll-ups are in store_register.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_issue_clear(struct store_issue *i)
{
	free(i->title);
	free(i->description);
	free(i->policy);
	free(i->status);
	free(i->owner);
	free(i->category);
	free(i->area);
	free(i->first_seen);
	free(i->last_seen);
	free(i->measure);
	free(i->decided);
	free(i->indicator);
	free(i->indicator_key);
	free(i->baseline_date);
	free(i->target_date);
	free(i->result_date);
	memset(i, 0, sizeof *i);
}

enum kaigi_status store_issue_save(struct store *st, struct store_issue *i, struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue (id, title, description, policy, status, owner, category, "
	    "area, measure, decided, indicator, indicator_key, baseline, baseline_date, target, "
	    "target_date, result, result_date, created, updated) VALUES (?1, ?2, ?3, ?4, "
	    "ifnull(?5, 'open'), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?6, ?6) ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = "
	    "excluded.description, policy = excluded.policy, status = excluded.status, owner = "
	    "excluded.owner, category = excluded.category, area = excluded.area, measure = "
	    "excluded.measure, decided = excluded.decided, indicator = excluded.indicator, "
	    "indicator_key = excluded.indicator_key, baseline = excluded.baseline, "
	    "baseline_date = excluded.baseline_date, target = excluded.target, target_date = "
	    "excluded.target_date, result = excluded.result, result_date = excluded.result_date, "
	    "updated = excluded.updated";
	static const char *const statuses[] = {"open", "referred", "addressed", "closed"};
	if (!i->title || !*i->title)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a regional issue needs a title");
	if (i->policy && *i->policy && !store_policy_normalise(i->policy))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a policy kind is cooperation, programme or resource, not "
				       "'%s'",
				       i->policy);
	bool known = !i->status || !*i->status;
	for (size_t k = 0; k < sizeof statuses / sizeof statuses[0] && !known; k++)
		known = strcmp(i->status, statuses[k]) == 0;
	if (!known)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a register status is open, referred, addressed or closed, "
				       "not '%s'",
				       i->status);
	const char *dates[] = {i->decided, i->baseline_date, i->target_date, i->result_date};
	for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++)
		if (dates[k] && *dates[k] && !store_date_valid(dates[k]))
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "a date is YYYY-MM-DD, not '%s'", dates[k]);
	if (!i->id[0])
		store_uuid_new(i->id);
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, i->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, i->title, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, i->description);
	store_bind_text_or_null(q, 4, store_policy_normalise(i->policy));
	store_bind_text_or_null(q, 5, i->status);
	sqlite3_bind_int64(q, 6, store_now_ms());
	store_bind_text_or_null(q, 7, i->owner);
	store_bind_text_or_null(q, 8, i->category);
	store_bind_text_or_null(q, 9, i->area);
	store_bind_text_or_null(q, 10, i->measure && *i->measure ? i->measure : NULL);
	store_bind_text_or_null(q, 11, i->decided && *i->decided ? i->decided : NULL);
	store_bind_text_or_null(q, 12, i->indicator && *i->indicator ? i->indicator : NULL);
	store_bind_text_or_null(q, 13,
				i->indicator_key && *i->indicator_key ? i->indicator_key : NULL);
	if (i->has_baseline)
		sqlite3_bind_double(q, 14, i->baseline);
	store_bind_text_or_null(q, 15,
				i->baseline_date && *i->baseline_date ? i->baseline_date : NULL);
	if (i->has_target)
		sqlite3_bind_double(q, 16, i->target);
	store_bind_text_or_null(q, 17, i->target_date && *i->target_date ? i->target_date : NULL);
	if (i->has_result)
		sqlite3_bind_double(q, 18, i->result);
	store_bind_text_or_null(q, 19, i->result_date && *i->result_date ? i->result_date : NULL);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "saving a regional issue");
	return store_end(st, s, err);
}

enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue_case (issue_id, case_id, note, created, updated) VALUES "
	    "(?1, ?2, ?3, ?4, ?4) ON CONFLICT (issue_id, case_id) DO UPDATE SET note = "
	    "excluded.note, updated = excluded.updated WHERE note IS NOT excluded.note";
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, issue_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, case_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, note);
	sqlite3_bind_int64(q, 4, store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "linking a regional issue");
	return store_end(st, s, err);
}

void store_issue_list_free(struct store_issue_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_issue_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_issue_rollup(struct store *st, const char *from, const char *to,
				     struct store_issue_list *out, struct kaigi_error *err)
{
	struct store_period p = {.from = from, .to = to};
	return store_register_rollup(st, &p, out, err);
}

/* ---- the issues of a case --------------------------------------------- */

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
