/* SPDX-License-Identifier: MIT */
/*
 * store_followup.h — what the follow-up files of src/store share (internal):
 * store_followup.c (actions, open goals, the pre-filled follow-up, due
 * follow-ups), store_compare.c (grids compared, outcomes), store_raised.c
 * (raised regional issues), store_issue.c (the register) and
 * store_search.c.
 *
 * The field ids these files look for are the shipped forms' conventions,
 * documented in doc/followup.md: a list `goals` (horizon, wording), a list
 * `actions` (who, what, due, status), a list `evaluations` (goal, result)
 * with a plain date `evaluation_date`, a list `regional_issues`
 * (statement, category, policy, area) and a plain date `followup_date`.
 */
#ifndef KAIGI_STORE_FOLLOWUP_H
#define KAIGI_STORE_FOLLOWUP_H

#include "store_internal.h"

/* A case review with every record of it, read whole. */
struct store_fu_case {
	struct store_case c; /* person_code and meeting_date filled */
	struct store_record *recs;
	size_t n;
};

/* Read case case_id and its records (KAIGI_EDATA when absent). */
enum kaigi_status store_fu_case_load(struct store *st, const char *case_id,
				     struct store_fu_case *out, struct kaigi_error *err);
void store_fu_case_clear(struct store_fu_case *fc);
/* The case's record of form, or NULL. */
const struct store_record *store_fu_record(const struct store_fu_case *fc, const char *form);

/* The answer at (field, item, col) of r as text, or NULL; borrowed for
 * text values, else written into buf. */
const char *store_fu_text(const struct store_record *r, const char *field, const char *item,
			  const char *col, char buf[32]);

/* The items of list field in r, in order: *first points into r->items. */
size_t store_fu_items(const struct store_record *r, const char *field,
		      const struct store_item **first);

/* An evaluation result that closes a goal (◎ exceeded, ○ achieved). */
bool store_fu_goal_reached(const char *result);
/* An action status that closes it (done, dropped). */
bool store_fu_action_closed(const char *status);

/* The first scale column of a grid, or (size_t)-1. */
size_t store_fu_rating_column(const struct schema_field *grid);

/*
 * The year a date (the SQL expression D) counts in: its 年度, April to
 * March (kaigi/fiscal.h), unless parameter ?CAL is true (calendar years).
 * CAL and MON are parameter numbers written as strings ("5", "6"); bind
 * them with store_bind_year_kind(q, CAL, calendar), which binds CAL and the
 * next one.
 */
#define STORE_YEAR_OF(D, CAL, MON)                                                                 \
	"(CAST(substr(" D ", 1, 4) AS INTEGER) - (NOT ?" CAL " AND substr(" D ", 6, 2) < ?" MON "))"
void store_bind_year_kind(sqlite3_stmt *q, int cal, bool calendar);

#endif
