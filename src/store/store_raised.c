// SPDX-License-Identifier: MIT
/*
 * store_raised.c — the regional picture as the cases raised it: regional
 * issues raised in cases (the items of case_plan's `regional_issues` list)
 * rolled up by category, area and wording, each with the register issue
 * it was promoted to (store_issue.c holds the register), and how many
 * meetings, cases and follow-ups a period holds.
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

#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"

static void counts_row(sqlite3_stmt *q, void *out)
{
	struct store_period_counts *c = out;
	c->meetings = (size_t)sqlite3_column_int64(q, 0);
	c->cases = (size_t)sqlite3_column_int64(q, 1);
	c->followups = (size_t)sqlite3_column_int64(q, 2);
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
	sqlite3_stmt *q = store_query(st, sql, err, "P", p);
	return store_one(st, q, counts_row, out, "counting meetings and cases", NULL, NULL, err);
}

/* ---- raised in cases -------------------------------------------------- */

static void raised_clear(struct store_raised *r)
{
	store_cols_clear(store_raised_cols, r);
}

void store_raised_list_free(struct store_raised_list *l)
{
	STORE_LIST_FREE(l, raised_clear);
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

/* What store_raised_cols leaves to be said of a raised wording. */
static void raised_post(sqlite3_stmt *q, void *out)
{
	struct store_raised *r = out;
	r->nunlinked = r->issue_id[0] ? (size_t)sqlite3_column_int64(q, 10) : r->ncases;
	/* The policy kind as the register writes it. */
	char *said = r->policy;
	r->policy = xstrdup_or_null(store_policy_normalise(said));
	free(said);
}

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
	sqlite3_stmt *q = store_query(st, sql, err, "P", p);
	return STORE_LIST_COLS(st, q, out, store_raised_cols, raised_post,
			       "rolling up raised regional issues", err);
}
