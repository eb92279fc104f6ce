// SPDX-License-Identifier: MIT
/*
 * store_issue.c — the register of regional issues (地域課題), every function
 * of it: the issues, the cases that revealed them (one by one, or every
 * case that raised a wording), the register rolled up by period and area,
 * and the issues of one case.  What cases raised, before the register,
 * is rolled up in store_raised.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

const char *store_policy_normalise(const char *policy)
{
	if (!policy || !*policy)
		return NULL;
	if (strcmp(policy, "cooperation") == 0)
		return "cooperation";
	if (strcmp(policy, "programme") == 0)
		return "programme";
	if (strcmp(policy, "resource") == 0 || strcmp(policy, "resources") == 0)
		return "resource";
	return NULL;
}

void store_issue_clear(struct store_issue *i)
{
	store_cols_clear(store_issue_cols, i);
	memset(i, 0, sizeof *i);
}

static void bind_issue(sqlite3_stmt *q, const void *arg)
{
	store_cols_bind(q, store_issue_cols, 18, arg);
}

enum kaigi_status store_issue_write(struct store *st, const struct store_issue *i,
				    struct store_write *w, struct kaigi_error *err)
{
	return store_write_row(st, store_upsert_sql(&store_issue_upsert), bind_issue, i, w,
			       "saving a regional issue", err);
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

enum kaigi_status store_issue_link_write(struct store *st, const char *issue_id,
					 const char *case_id, const char *note,
					 const char *statement, struct store_write *w,
					 struct kaigi_error *err)
{
	return store_write_fmt(st, store_upsert_sql(&store_issue_link_upsert), w,
			       "linking a regional issue", err, "ttnn", issue_id, case_id, note,
			       statement);
}

enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err)
{
	return store_issue_link_write(st, issue_id, case_id, note, NULL, &(struct store_write){0},
				      err);
}

void store_issue_list_free(struct store_issue_list *l)
{
	STORE_LIST_FREE(l, store_issue_clear);
}

enum kaigi_status store_issue_rollup(struct store *st, const char *from, const char *to,
				     struct store_issue_list *out, struct kaigi_error *err)
{
	struct store_period p = {.from = from, .to = to};
	return store_register_rollup(st, &p, out, err);
}

/* ---- the register by period, one issue ---------------------------------- */

static void issue_read(sqlite3_stmt *q, void *out)
{
	memset(out, 0, sizeof(struct store_issue));
	store_cols_read(q, 0, store_issue_cols, out);
}

/* In the order of store_issue_cols: the columns written, then the counts. */
#define ISSUE_COLUMNS                                                                              \
	"r.id, r.title, r.description, r.policy, r.status, r.owner, r.category, r.area, "          \
	"r.measure, r.decided, r.indicator, r.indicator_key, r.baseline, r.baseline_date, "        \
	"r.target, r.target_date, r.result, r.result_date, count(DISTINCT x.case_id), "            \
	"count(DISTINCT x.meeting_id), min(x.date), max(x.date) "

enum kaigi_status store_register_rollup(struct store *st, const struct store_period *p,
					struct store_issue_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT " ISSUE_COLUMNS "FROM regional_issue r LEFT JOIN ("
	    "  SELECT l.issue_id, l.case_id, c.meeting_id, m.date FROM regional_issue_case l "
	    "  JOIN case_review c ON c.id = l.case_id JOIN meeting m ON m.id = c.meeting_id "
	    "  WHERE (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2) "
	    "  AND (?3 IS NULL OR (SELECT area FROM person WHERE id = c.person_id) = ?3)) x "
	    "ON x.issue_id = r.id "
	    "WHERE ?3 IS NULL OR r.area = ?3 OR x.case_id IS NOT NULL "
	    "GROUP BY r.id ORDER BY ifnull(r.category, ''), ifnull(r.area, ''), "
	    "count(DISTINCT x.case_id) DESC, r.title";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "P", p);
	return STORE_LIST_COLS(st, q, out, store_issue_cols, NULL, "rolling up the register", err);
}

enum kaigi_status store_issue_get(struct store *st, const char *id, struct store_issue *out,
				  struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT " ISSUE_COLUMNS "FROM regional_issue r LEFT JOIN (SELECT l.issue_id, "
	    "l.case_id, c.meeting_id, m.date FROM regional_issue_case l JOIN case_review c ON "
	    "c.id = l.case_id JOIN meeting m ON m.id = c.meeting_id) x ON x.issue_id = r.id "
	    "WHERE r.id = ?1 GROUP BY r.id";
	memset(out, 0, sizeof *out);
	return store_get_id(st, sql, id, issue_read, out, "reading a regional issue",
			    N_("no regional issue %s"), err);
}

enum kaigi_status store_issue_delete(struct store *st, const char *id, struct kaigi_error *err)
{
	return store_delete_id(st, "DELETE FROM regional_issue WHERE id = ?1", id,
			       "deleting a regional issue", err);
}

/* A row whose presence is all that counts. */
static void no_row(sqlite3_stmt *q, void *out)
{
	(void)q;
	(void)out;
}

enum kaigi_status store_issue_link_statement(struct store *st, const char *issue_id,
					     const char *statement, size_t *linked,
					     struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue_case (issue_id, case_id, statement, created, updated) "
	    "SELECT DISTINCT ?1, r.case_id, ?2, ?3, ?3 FROM answer a INDEXED BY "
	    "answer_regional_issue JOIN form_record r ON r.id = a.record_id "
	    "WHERE a.field = '" KAIGI_FIELD_REGIONAL_ISSUES "' AND a.col = '" KAIGI_FIELD_STATEMENT
	    "' AND a.value = ?2 "
	    "AND r.case_id IS NOT NULL ON CONFLICT (issue_id, case_id) DO NOTHING";
	static const char exists[] = "SELECT 1 FROM regional_issue WHERE id = ?1";
	if (linked)
		*linked = 0;
	if (!statement || !*statement)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "which wording to link?");
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	s = store_get_id(st, exists, issue_id, no_row, NULL, "reading a regional issue",
			 N_("no regional issue %s"), err);
	sqlite3_stmt *q = NULL;
	if (s == KAIGI_OK &&
	    !(q = store_query(st, sql, err, "ttI", issue_id, statement, store_now_ms())))
		s = err->status;
	if (s == KAIGI_OK) {
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			s = store_fail(st, rc, err, "linking cases to a regional issue");
		else if (linked)
			*linked = (size_t)sqlite3_changes(st->db);
	}
	return store_end(st, s, err);
}

/* ---- the issues of a case --------------------------------------------- */

static void case_issue_clear(struct store_case_issue *e)
{
	store_cols_clear(store_case_issue_cols, e);
}

void store_case_issue_list_free(struct store_case_issue_list *l)
{
	STORE_LIST_FREE(l, case_issue_clear);
}

enum kaigi_status store_case_issue_list(struct store *st, const char *case_id,
					struct store_case_issue_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT r.id, r.title, r.description, r.policy, l.note FROM regional_issue_case l "
	    "JOIN regional_issue r ON r.id = l.issue_id WHERE l.case_id = ?1 "
	    "ORDER BY l.created, r.title";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "t", case_id);
	return STORE_LIST_COLS(st, q, out, store_case_issue_cols, NULL,
			       "reading the regional issues of a case", err);
}
