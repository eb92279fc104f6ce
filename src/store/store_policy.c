// SPDX-License-Identifier: MIT
/*
 * store_policy.c — the policy meeting's agenda of register issues and its
 * decisions, and the decisions that reach a case (kaigi/policy.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/policy.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

static void decision_clear(struct store_decision *e)
{
	store_cols_clear(store_decision_cols, e);
}

void store_decision_list_free(struct store_decision_list *l)
{
	STORE_LIST_FREE(l, decision_clear);
}

enum kaigi_status store_agenda_write(struct store *st, const char *meeting_id, const char *issue_id,
				     long long ord, const char *decision, struct store_write *w,
				     struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO policy_agenda (meeting_id, issue_id, ord, decision, created, updated) "
	    "SELECT ?1, ?2, ifnull(?3, (SELECT ifnull(max(ord), -1) + 1 FROM policy_agenda WHERE "
	    "meeting_id = ?1)), ?4, :now, :now ON CONFLICT (meeting_id, issue_id) DO UPDATE SET "
	    "ord = coalesce(?3, ord), decision = iif(:merge, coalesce(?4, decision), ?4), updated "
	    "= :now WHERE (ord, decision) IS NOT (coalesce(?3, ord), iif(:merge, coalesce(?4, "
	    "decision), ?4))";
	const char *what =
	    decision && !w->merge ? "recording a decision" : "putting an issue on the agenda";
	return store_write_fmt(st, sql, w, what, err, "ttkn", meeting_id, issue_id, ord, decision);
}

enum kaigi_status store_agenda_add(struct store *st, const char *meeting_id, const char *issue_id,
				   struct kaigi_error *err)
{
	/* At the end; an issue already on the agenda stays as it is. */
	return store_agenda_write(st, meeting_id, issue_id, -1, NULL,
				  &(struct store_write){.merge = true}, err);
}

enum kaigi_status store_agenda_remove(struct store *st, const char *meeting_id,
				      const char *issue_id, struct kaigi_error *err)
{
	static const char sql[] = "DELETE FROM policy_agenda WHERE meeting_id = ?1 AND issue_id = "
				  "?2";
	return store_write_fmt(st, sql, &(struct store_write){0}, "taking an issue off the agenda",
			       err, "tt", meeting_id, issue_id);
}

enum kaigi_status store_agenda_decide(struct store *st, const char *meeting_id,
				      const char *issue_id, const char *decision,
				      struct kaigi_error *err)
{
	return store_agenda_write(st, meeting_id, issue_id, -1, decision, &(struct store_write){0},
				  err);
}

enum kaigi_status store_agenda_move(struct store *st, const char *meeting_id, const char *issue_id,
				    int dir, struct kaigi_error *err)
{
	/* Positions, not the stored ord values, decide (imports and other
	 * laptops may leave gaps or ties): the issue and its neighbour swap,
	 * and every item whose position differs from its ord is renumbered. */
	static const char sql[] =
	    "WITH cur AS (SELECT issue_id, row_number() OVER (ORDER BY ord, issue_id) - 1 AS pos "
	    "  FROM policy_agenda WHERE meeting_id = ?1), "
	    "me AS (SELECT pos FROM cur WHERE issue_id = ?2), "
	    "want AS (SELECT issue_id, CASE WHEN issue_id = ?2 THEN pos + ?3 "
	    "  WHEN pos = (SELECT pos FROM me) + ?3 THEN pos - ?3 ELSE pos END AS np FROM cur "
	    "  WHERE (SELECT pos FROM me) + ?3 BETWEEN 0 AND (SELECT count(*) - 1 FROM cur)) "
	    "UPDATE policy_agenda SET ord = w.np, updated = ?4 FROM want w "
	    "WHERE policy_agenda.meeting_id = ?1 AND w.issue_id = policy_agenda.issue_id "
	    "AND policy_agenda.ord IS NOT w.np";
	if (dir != -1 && dir != 1)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "move by one: -1 or 1");
	return store_write_fmt(st, sql, &(struct store_write){0}, "reordering the agenda", err,
			       "ttiI", meeting_id, issue_id, dir, store_now_ms());
}

static enum kaigi_status decision_query(struct store *st, const char *sql, const char *key,
					struct store_decision_list *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "t", key);
	return STORE_LIST_COLS(st, q, out, store_decision_cols, NULL,
			       "reading the policy meeting's decisions", err);
}

#define DECISION_COLUMNS                                                                           \
	"SELECT a.meeting_id, a.issue_id, m.date, m.title, r.title, a.decision, a.ord "            \
	"FROM policy_agenda a JOIN meeting m ON m.id = a.meeting_id "                              \
	"JOIN regional_issue r ON r.id = a.issue_id "

enum kaigi_status store_agenda_list(struct store *st, const char *meeting_id,
				    struct store_decision_list *out, struct kaigi_error *err)
{
	static const char sql[] = DECISION_COLUMNS "WHERE a.meeting_id = ?1 ORDER BY a.ord";
	return decision_query(st, sql, meeting_id, out, err);
}

enum kaigi_status store_case_decisions(struct store *st, const char *case_id,
				       struct store_decision_list *out, struct kaigi_error *err)
{
	/* The issues linked to this review or to an earlier review of the
	 * same person; their decisions, oldest first. */
	static const char sql[] = DECISION_COLUMNS
	    "WHERE a.decision IS NOT NULL AND a.issue_id IN (SELECT l.issue_id FROM "
	    "regional_issue_case l JOIN case_review c ON c.id = l.case_id JOIN meeting cm ON "
	    "cm.id = c.meeting_id WHERE c.person_id = (SELECT person_id FROM case_review WHERE id "
	    "= ?1) AND cm.date <= (SELECT m2.date FROM case_review c2 JOIN meeting m2 ON m2.id = "
	    "c2.meeting_id WHERE c2.id = ?1)) ORDER BY m.date, a.ord";
	return decision_query(st, sql, case_id, out, err);
}

enum kaigi_status store_policy_meeting_latest(struct store *st, char id[STORE_ID_SIZE],
					      struct kaigi_error *err)
{
	static const char sql[] = "SELECT id FROM meeting WHERE kind = 'policy' "
				  "ORDER BY date DESC, start_time DESC, created DESC LIMIT 1";
	id[0] = '\0';
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	return store_one(st, q, store_row_id, id, "finding the policy meeting", NULL, NULL, err);
}

enum kaigi_status store_issue_decision(struct store *st, const char *meeting_id,
				       const char *issue_id, char **decision,
				       struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT decision FROM policy_agenda WHERE meeting_id = ?1 AND issue_id = ?2";
	*decision = NULL;
	sqlite3_stmt *q = store_query(st, sql, err, "tt", meeting_id, issue_id);
	return store_one(st, q, store_row_text, decision, "reading a decision", NULL, NULL, err);
}
