// SPDX-License-Identifier: MIT
/*
 * store_register.c — the regional picture: regional issues raised in cases
 * (the items of case_plan's `regional_issues` list) rolled up by category,
 * area and wording, and the register of issues promoted for policy, with
 * the cases and meetings behind each in a period.
 *
 * Design note.  Raising and promoting are two facts with two homes, never
 * copies of each other.  What a case raised is its form's list: the room
 * types it, and it stays as typed.  The register holds the town's decision
 * — this is an issue for the policy meeting, of this kind, carried by this
 * owner, at this status — and links to the cases behind it
 * (regional_issue_case), each link remembering the wording it came from,
 * so the roll-up can show which raised wordings are in the register and
 * which later cases are not linked yet.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"

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

enum kaigi_status store_period_count(struct store *st, const struct store_period *p,
				     struct store_period_counts *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT count(DISTINCT m.id), count(c.id), count(c.follows) FROM meeting m "
	    "LEFT JOIN case_review c ON c.meeting_id = m.id "
	    "LEFT JOIN person p ON p.id = c.person_id "
	    "WHERE (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2) "
	    "AND (?3 IS NULL OR p.area = ?3)";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	store_bind_text_or_null(q, 1, p ? p->from : NULL);
	store_bind_text_or_null(q, 2, p ? p->to : NULL);
	store_bind_text_or_null(q, 3, p ? p->area : NULL);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		out->meetings = (size_t)sqlite3_column_int64(q, 0);
		out->cases = (size_t)sqlite3_column_int64(q, 1);
		out->followups = (size_t)sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err, "counting meetings and cases");
	return KAIGI_OK;
}

/* ---- raised in cases -------------------------------------------------- */

void store_raised_list_free(struct store_raised_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct store_raised *r = &l->v[i];
		free(r->category);
		free(r->area);
		free(r->statement);
		free(r->policy);
		free(r->form);
		free(r->first_seen);
		free(r->last_seen);
		free(r->issue_title);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*
 * The raised items of the period, one row each, as the triggers of
 * db/009_speed.sql keep them in raised_item (pivoted, with their case,
 * meeting, date and form); the item's own area, else the person's.
 */
#define RAISED_CTE                                                                                 \
	"raised AS MATERIALIZED ("                                                                 \
	"  SELECT case_id, meeting_id, date, form, statement, category, policy, "                  \
	"  coalesce(nullif(iarea, ''), parea, '') AS area FROM raised_item "                       \
	"  WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)) "

enum kaigi_status store_raised_rollup(struct store *st, const struct store_period *p,
				      struct store_raised_list *out, struct kaigi_error *err)
{
	/* One pass over the raised items: each wording's register issue (the
	 * first linked, si), whether each item's case is linked to it, and
	 * the policy kind suggested most often (pol), joined once per group. */
	static const char sql[] =
	    "WITH " RAISED_CTE ", "
	    "si AS (SELECT statement, issue_id FROM (SELECT statement, issue_id, row_number() "
	    "  OVER (PARTITION BY statement ORDER BY created, issue_id) AS k FROM "
	    "  regional_issue_case WHERE statement IS NOT NULL) WHERE k = 1), "
	    "rl AS (SELECT x.*, si.issue_id, si.issue_id IS NOT NULL AND EXISTS (SELECT 1 FROM "
	    "  regional_issue_case l WHERE l.issue_id = si.issue_id AND l.case_id = x.case_id) "
	    "  AS linked FROM raised x LEFT JOIN si ON si.statement = x.statement "
	    "  WHERE x.statement IS NOT NULL AND x.statement <> '' AND (?3 IS NULL OR x.area = "
	    "?3)), "
	    "pol AS (SELECT statement, policy FROM (SELECT statement, policy, row_number() OVER "
	    "  (PARTITION BY statement ORDER BY count(*) DESC, policy) AS k FROM raised WHERE "
	    "  policy IS NOT NULL GROUP BY statement, policy) WHERE k = 1), "
	    "grp AS (SELECT category, area, statement, min(form) AS form, "
	    "  count(DISTINCT case_id) AS ncases, count(DISTINCT meeting_id) AS nmeetings, "
	    "  min(date) AS first_seen, max(date) AS last_seen, max(issue_id) AS issue_id, "
	    "  count(DISTINCT case_id) FILTER (WHERE NOT linked) AS nunlinked FROM rl "
	    "  GROUP BY category, area, statement) "
	    "SELECT g.category, g.area, g.statement, g.form, g.ncases, g.nmeetings, g.first_seen, "
	    "  g.last_seen, i.id, i.title, g.nunlinked, pol.policy "
	    "FROM grp g LEFT JOIN regional_issue i ON i.id = g.issue_id "
	    "LEFT JOIN pol ON pol.statement = g.statement "
	    "ORDER BY g.category, g.area, g.ncases DESC, g.statement";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	store_bind_text_or_null(q, 1, p ? p->from : NULL);
	store_bind_text_or_null(q, 2, p ? p->to : NULL);
	store_bind_text_or_null(q, 3, p ? p->area : NULL);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct store_raised *r = &out->v[out->n++];
		memset(r, 0, sizeof *r);
		r->category = store_column_strdup(q, 0);
		r->area = store_column_strdup(q, 1);
		r->statement = store_column_strdup(q, 2);
		r->form = store_column_strdup(q, 3);
		r->ncases = (size_t)sqlite3_column_int64(q, 4);
		r->nmeetings = (size_t)sqlite3_column_int64(q, 5);
		r->first_seen = store_column_strdup(q, 6);
		r->last_seen = store_column_strdup(q, 7);
		store_column_id(q, 8, r->issue_id);
		r->issue_title = store_column_strdup(q, 9);
		r->nunlinked = r->issue_id[0] ? (size_t)sqlite3_column_int64(q, 10) : r->ncases;
		r->policy = xstrdup_or_null(
		    store_policy_normalise((const char *)sqlite3_column_text(q, 11)));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_raised_list_free(out);
		return store_fail(st, rc, err, "rolling up raised regional issues");
	}
	return KAIGI_OK;
}

/* ---- the register ------------------------------------------------------- */

static void issue_read(sqlite3_stmt *q, struct store_issue *i)
{
	memset(i, 0, sizeof *i);
	store_column_id(q, 0, i->id);
	i->title = store_column_strdup(q, 1);
	i->description = store_column_strdup(q, 2);
	i->policy = store_column_strdup(q, 3);
	i->status = store_column_strdup(q, 4);
	i->owner = store_column_strdup(q, 5);
	i->category = store_column_strdup(q, 6);
	i->area = store_column_strdup(q, 7);
	i->ncases = sqlite3_column_int(q, 8);
	i->nmeetings = sqlite3_column_int(q, 9);
	i->first_seen = store_column_strdup(q, 10);
	i->last_seen = store_column_strdup(q, 11);
	i->measure = store_column_strdup(q, 12);
	i->decided = store_column_strdup(q, 13);
	i->indicator = store_column_strdup(q, 14);
	i->indicator_key = store_column_strdup(q, 15);
	i->has_baseline = sqlite3_column_type(q, 16) != SQLITE_NULL;
	i->baseline = sqlite3_column_double(q, 16);
	i->baseline_date = store_column_strdup(q, 17);
	i->has_target = sqlite3_column_type(q, 18) != SQLITE_NULL;
	i->target = sqlite3_column_double(q, 18);
	i->target_date = store_column_strdup(q, 19);
	i->has_result = sqlite3_column_type(q, 20) != SQLITE_NULL;
	i->result = sqlite3_column_double(q, 20);
	i->result_date = store_column_strdup(q, 21);
}

#define ISSUE_COLUMNS                                                                              \
	"r.id, r.title, r.description, r.policy, r.status, r.owner, r.category, r.area, "          \
	"count(DISTINCT x.case_id), count(DISTINCT x.meeting_id), min(x.date), max(x.date), "      \
	"r.measure, r.decided, r.indicator, r.indicator_key, r.baseline, r.baseline_date, "        \
	"r.target, r.target_date, r.result, r.result_date "

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
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	store_bind_text_or_null(q, 1, p ? p->from : NULL);
	store_bind_text_or_null(q, 2, p ? p->to : NULL);
	store_bind_text_or_null(q, 3, p ? p->area : NULL);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		issue_read(q, &out->v[out->n++]);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_issue_list_free(out);
		return store_fail(st, rc, err, "rolling up the register");
	}
	return KAIGI_OK;
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
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		issue_read(q, out);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return KAIGI_OK;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err, "reading a regional issue");
	return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no regional issue %s", id);
}

enum kaigi_status store_issue_delete(struct store *st, const char *id, struct kaigi_error *err)
{
	return store_delete_id(st, "DELETE FROM regional_issue WHERE id = ?1", id,
			       "deleting a regional issue", err);
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
	sqlite3_stmt *q = store_stmt(st, exists, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, issue_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no regional issue %s", issue_id);
	else if (rc != SQLITE_ROW)
		s = store_fail(st, rc, err, "reading a regional issue");
	if (s == KAIGI_OK && !(q = store_stmt(st, sql, err)))
		s = err->status;
	if (s == KAIGI_OK) {
		sqlite3_bind_text(q, 1, issue_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, statement, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 3, store_now_ms());
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			s = store_fail(st, rc, err, "linking cases to a regional issue");
		else if (linked)
			*linked = (size_t)sqlite3_changes(st->db);
	}
	return store_end(st, s, err);
}
