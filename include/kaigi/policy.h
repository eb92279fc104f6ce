/* SPDX-License-Identifier: MIT */
/*
 * policy.h — the policy meeting (地域ケア推進会議): its agenda is issues of
 * the register, not cases, and what it decides about each comes back to
 * the cases — 「事例にはじまり、事例にかえる」 (seed 003 L1893–1900).  A
 * decision shows on every case linked to the issue and on later reviews of
 * the same people.  db/004 policy_agenda; src/store/store_policy.c.
 */
#ifndef KAIGI_POLICY_H
#define KAIGI_POLICY_H

#include "kaigi/store.h"

/* One issue on a policy meeting's agenda, or one decision reaching a case. */
struct store_decision {
	char meeting_id[STORE_ID_SIZE];
	char issue_id[STORE_ID_SIZE];
	char *meeting_date, *meeting_title;
	char *issue_title;
	char *decision; /* NULL until decided */
	int ord;
};
STORE_LIST_TYPE(store_decision_list, struct store_decision);
void store_decision_list_free(struct store_decision_list *l);

/* Put issue_id on the agenda of meeting_id (last); idempotent. */
enum kaigi_status store_agenda_add(struct store *st, const char *meeting_id, const char *issue_id,
				   struct kaigi_error *err);
/* Take it off (its decision with it). */
enum kaigi_status store_agenda_remove(struct store *st, const char *meeting_id,
				      const char *issue_id, struct kaigi_error *err);
/* Move it one place earlier (dir -1) or later (1) on the agenda; at
 * either end nothing moves. */
enum kaigi_status store_agenda_move(struct store *st, const char *meeting_id, const char *issue_id,
				    int dir, struct kaigi_error *err);
/* Record what the meeting decided about the issue (NULL or "" clears). */
enum kaigi_status store_agenda_decide(struct store *st, const char *meeting_id,
				      const char *issue_id, const char *decision,
				      struct kaigi_error *err);
/* The agenda of a meeting, in order. */
enum kaigi_status store_agenda_list(struct store *st, const char *meeting_id,
				    struct store_decision_list *out, struct kaigi_error *err);
/* The decisions that reach case_id: of policy meetings on the issues
 * linked to this case or to an earlier review of the same person, oldest
 * first. */
enum kaigi_status store_case_decisions(struct store *st, const char *case_id,
				       struct store_decision_list *out, struct kaigi_error *err);

/* The latest meeting of kind policy (by date), or id "" when there is
 * none. */
enum kaigi_status store_policy_meeting_latest(struct store *st, char id[STORE_ID_SIZE],
					      struct kaigi_error *err);
/* What meeting_id decided about issue_id (*decision NULL: nothing, or not
 * on its agenda).  Caller frees. */
enum kaigi_status store_issue_decision(struct store *st, const char *meeting_id,
				       const char *issue_id, char **decision,
				       struct kaigi_error *err);

#endif
