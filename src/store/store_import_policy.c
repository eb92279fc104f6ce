// SPDX-License-Identifier: MIT
/*
 * store_import_policy.c — the parts of a record file that carry the town's
 * policy (issue 12, db/008): a register issue's measure with its numbers,
 * and a policy meeting's agenda with its decisions.  Called from
 * store_import.c, checked the same way (FILE:LINE:COL, all or nothing).
 */
#include <stdlib.h>
#include <string.h>

#include "store_import.h"

static const char *text(struct imp *im, const yaml_node_t *n, const char *what)
{
	return ywalk_text(&im->w, n, what);
}

static const char *date_text(struct imp *im, const yaml_node_t *n, const char *what)
{
	const char *s = text(im, n, what);
	if (s && !store_date_valid(s)) {
		ywalk_error(&im->w, n, "%s should be a date YYYY-MM-DD, not '%s'", what, s);
		return NULL;
	}
	return s;
}

/* A number of the measure (baseline, target, result); false when absent
 * or not a number (reported). */
static bool number_text(struct imp *im, const yaml_node_t *n, const char *what, double *out)
{
	const char *s = text(im, n, what);
	if (!s)
		return false;
	char *end = NULL;
	*out = strtod(s, &end);
	if (end == s || *end) {
		ywalk_error(&im->w, n, "%s should be a number, not '%s'", what, s);
		return false;
	}
	return true;
}

/* The measure of a register issue and its numbers (db/008), kept when the
 * file leaves them out. */
void imp_issue_measure(struct imp *im, const yaml_node_t *n, const char *id, yaml_node_t *const *v)
{
	static const char sql[] =
	    "UPDATE regional_issue SET measure = coalesce(?2, measure), decided = coalesce(?3, "
	    "decided), indicator = coalesce(?4, indicator), indicator_key = coalesce(?5, "
	    "indicator_key), baseline = coalesce(?6, baseline), baseline_date = coalesce(?7, "
	    "baseline_date), target = coalesce(?8, target), target_date = coalesce(?9, "
	    "target_date), result = coalesce(?10, result), result_date = coalesce(?11, "
	    "result_date), updated = ?12 WHERE id = ?1 AND (measure, decided, indicator, "
	    "indicator_key, baseline, baseline_date, target, target_date, result, result_date) IS "
	    "NOT (coalesce(?2, measure), coalesce(?3, decided), coalesce(?4, indicator), "
	    "coalesce(?5, indicator_key), coalesce(?6, baseline), coalesce(?7, baseline_date), "
	    "coalesce(?8, target), coalesce(?9, target_date), coalesce(?10, result), "
	    "coalesce(?11, result_date))";
	bool any = false;
	for (int i = 0; i < 10; i++)
		any |= v[i] != NULL;
	if (!any)
		return;
	double num[3];
	bool has[3];
	has[0] = number_text(im, v[4], "baseline", &num[0]);
	has[1] = number_text(im, v[6], "target", &num[1]);
	has[2] = number_text(im, v[8], "result", &num[2]);
	const char *decided = date_text(im, v[1], "decided");
	const char *bd = date_text(im, v[5], "baseline_date");
	const char *td = date_text(im, v[7], "target_date");
	const char *rd = date_text(im, v[9], "result_date");
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	store_bind_text_or_null(q, 2, text(im, v[0], "measure"));
	store_bind_text_or_null(q, 3, decided);
	store_bind_text_or_null(q, 4, text(im, v[2], "indicator"));
	store_bind_text_or_null(q, 5, text(im, v[3], "indicator_key"));
	for (int i = 0; i < 3; i++)
		if (has[i])
			sqlite3_bind_double(q, 6 + 2 * i, num[i]);
	store_bind_text_or_null(q, 7, bd);
	store_bind_text_or_null(q, 9, td);
	store_bind_text_or_null(q, 11, rd);
	sqlite3_bind_int64(q, 12, im->now);
	imp_step_write(im, q, n, "saving a regional issue's measure");
}

/* An issue of the register on a policy meeting's agenda, with what the
 * meeting decided (db/008 policy_agenda). */
void imp_agenda_item(struct imp *im, const yaml_node_t *n, const char *meeting_id, size_t ord)
{
	static const char *const keys[] = {"issue", "decision", NULL};
	static const char find[] = "SELECT id FROM regional_issue WHERE id = ?1 OR title = ?1";
	static const char sql[] =
	    "INSERT INTO policy_agenda (meeting_id, issue_id, ord, decision, created, updated) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (meeting_id, issue_id) DO UPDATE SET "
	    "ord = ?3, decision = coalesce(?4, decision), updated = ?5 WHERE (ord, decision) IS "
	    "NOT (?3, coalesce(?4, decision))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "an issue on the agenda", keys, v))
		return;
	const char *ref = text(im, v[0], "issue");
	if (!ref) {
		ywalk_error(&im->w, n, "give the regional issue's title (issue: …)");
		return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_find_id(im, find, ref, NULL, NULL, id, v[0]))
		return;
	if (!id[0]) {
		ywalk_error(&im->w, v[0],
			    "no regional issue '%s': list it under regional_issues at the top",
			    ref);
		return;
	}
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, meeting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, (long long)ord);
	store_bind_text_or_null(q, 4, text(im, v[1], "decision"));
	sqlite3_bind_int64(q, 5, im->now);
	imp_step_write(im, q, n, "putting an issue on the agenda");
}
