// SPDX-License-Identifier: MIT
/*
 * store_issue.c — the regional-issue register (地域課題) across years: the
 * issues and the cases that revealed them.  The roll-ups are in
 * store_register.c.
 */
#include <stdlib.h>
#include <string.h>

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

/* A text, or NULL for NULL or "". */
static const char *given(const char *s)
{
	return s && *s ? s : NULL;
}

static void bind_issue(sqlite3_stmt *q, const void *arg)
{
	const struct store_issue *i = arg;
	sqlite3_bind_text(q, 1, i->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, i->title, -1, SQLITE_STATIC);
	const char *text[] = {i->description, i->policy,        i->status,        i->owner,
			      i->category,    i->area,          i->measure,       i->decided,
			      i->indicator,   i->indicator_key, i->baseline_date, i->target_date,
			      i->result_date};
	static const int param[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18};
	for (size_t k = 0; k < sizeof param / sizeof *param; k++)
		store_bind_text_or_null(q, param[k], given(text[k]));
	if (i->has_baseline)
		sqlite3_bind_double(q, 13, i->baseline);
	if (i->has_target)
		sqlite3_bind_double(q, 15, i->target);
	if (i->has_result)
		sqlite3_bind_double(q, 17, i->result);
}

enum kaigi_status store_issue_write(struct store *st, const struct store_issue *i,
				    struct store_write *w, struct kaigi_error *err)
{
	/* Every column but title: as given, or when merging kept unless given. */
	static const char sql[] =
	    "INSERT INTO regional_issue (id, title, description, policy, status, owner, "
	    "category, area, measure, decided, indicator, indicator_key, baseline, "
	    "baseline_date, target, target_date, result, result_date, created, updated) VALUES "
	    "(?1, ?2, ?3, ?4, ifnull(?5, 'open'), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
	    "?16, ?17, ?18, :now, :now) ON CONFLICT (id) DO UPDATE SET title = ?2, description = "
	    "iif(:merge, coalesce(?3, description), ?3), policy = iif(:merge, coalesce(?4, "
	    "policy), ?4), status = iif(:merge, coalesce(?5, status), ifnull(?5, 'open')), owner "
	    "= iif(:merge, coalesce(?6, owner), ?6), category = iif(:merge, coalesce(?7, "
	    "category), ?7), area = iif(:merge, coalesce(?8, area), ?8), measure = iif(:merge, "
	    "coalesce(?9, measure), ?9), decided = iif(:merge, coalesce(?10, decided), ?10), "
	    "indicator = iif(:merge, coalesce(?11, indicator), ?11), indicator_key = iif(:merge, "
	    "coalesce(?12, indicator_key), ?12), baseline = iif(:merge, coalesce(?13, baseline), "
	    "?13), baseline_date = iif(:merge, coalesce(?14, baseline_date), ?14), target = "
	    "iif(:merge, coalesce(?15, target), ?15), target_date = iif(:merge, coalesce(?16, "
	    "target_date), ?16), result = iif(:merge, coalesce(?17, result), ?17), result_date = "
	    "iif(:merge, coalesce(?18, result_date), ?18), updated = :now WHERE NOT :merge OR "
	    "(title, description, policy, status, owner, category, area, measure, decided, "
	    "indicator, indicator_key, baseline, baseline_date, target, target_date, result, "
	    "result_date) IS NOT (?2, coalesce(?3, description), coalesce(?4, policy), "
	    "coalesce(?5, status), coalesce(?6, owner), coalesce(?7, category), coalesce(?8, "
	    "area), coalesce(?9, measure), coalesce(?10, decided), coalesce(?11, indicator), "
	    "coalesce(?12, indicator_key), coalesce(?13, baseline), coalesce(?14, "
	    "baseline_date), coalesce(?15, target), coalesce(?16, target_date), coalesce(?17, "
	    "result), coalesce(?18, result_date))";
	return store_write_row(st, sql, bind_issue, i, w, "saving a regional issue", err);
}

enum kaigi_status store_issue_save(struct store *st, struct store_issue *i, struct kaigi_error *err)
{
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
	struct store_issue row = *i;
	row.policy = (char *)store_policy_normalise(i->policy);
	return store_issue_write(st, &row, &(struct store_write){0}, err);
}

struct link_arg {
	const char *issue_id, *case_id, *note, *statement;
};

static void bind_link(sqlite3_stmt *q, const void *arg)
{
	const struct link_arg *a = arg;
	sqlite3_bind_text(q, 1, a->issue_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, a->case_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, a->note);
	store_bind_text_or_null(q, 4, a->statement);
}

enum kaigi_status store_issue_link_write(struct store *st, const char *issue_id,
					 const char *case_id, const char *note,
					 const char *statement, struct store_write *w,
					 struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue_case (issue_id, case_id, note, statement, created, "
	    "updated) VALUES (?1, ?2, ?3, ?4, :now, :now) ON CONFLICT (issue_id, case_id) DO "
	    "UPDATE SET note = iif(:merge, coalesce(?3, note), ?3), statement = coalesce(?4, "
	    "statement), updated = :now WHERE (note, statement) IS NOT (iif(:merge, coalesce(?3, "
	    "note), ?3), coalesce(?4, statement))";
	struct link_arg a = {issue_id, case_id, note, statement};
	return store_write_row(st, sql, bind_link, &a, w, "linking a regional issue", err);
}

enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err)
{
	return store_issue_link_write(st, issue_id, case_id, note, NULL, &(struct store_write){0},
				      err);
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
