/* SPDX-License-Identifier: MIT */
/*
 * followup.h — follow-up and the regional picture, read from the records:
 * the agreed actions of a case and what a follow-up review carries from
 * before, two reviews' grids compared, outcomes by year and area, how much
 * a period holds and the regional issues raised in its cases.  The
 * register of issues is kaigi/register.h, the town's tallies and KPIs
 * kaigi/tally.h, the policy meeting kaigi/policy.h.
 */
#ifndef KAIGI_FOLLOWUP_H
#define KAIGI_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/value.h"

/*
 * Implemented in store_followup.c, store_compare.c and store_raised.c
 * (db/002_followup.sql).  doc/followup.md tells users what these do, and
 * which field ids of the forms they read (goals, actions, evaluations,
 * followup_date, regional_issues).  All need store_set_forms().
 */

/* ---- agreed actions: the `actions` list of a case's form -------------- */

/* One agreed action (役割分担), an item of a record's `actions` list. */
struct store_action {
	char record_id[STORE_ID_SIZE];
	char item_id[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];
	char *meeting_date;     /* of the review that agreed it */
	char *who, *what, *due; /* NULL when unanswered */
	char *status;           /* the stored value (todo, doing, done, dropped) or NULL */
	bool open;              /* neither done nor dropped */
};
STORE_LIST_TYPE(store_action_list, struct store_action);
void store_action_list_free(struct store_action_list *l);
/* The actions agreed at review case_id, in list order. */
enum kaigi_status store_action_list(struct store *st, const char *case_id,
				    struct store_action_list *out, struct kaigi_error *err);
/* What follow-up case_id carries from before: every action of the review
 * it follows, then the still-open actions of the person's earlier
 * reviews (oldest first).  Empty for a case that follows none. */
enum kaigi_status store_followup_actions(struct store *st, const char *case_id,
					 struct store_action_list *out, struct kaigi_error *err);
/* Set a's status to status (a value of its status field's choices; "done"
 * closes it), checked and audited like any answer; a->status follows. */
enum kaigi_status store_action_status_set(struct store *st, struct store_action *a,
					  const char *status, struct kaigi_error *err);

/* ---- the follow-up review --------------------------------------------- */

/* The short-term goals still open after review case_id: the goals it
 * evaluated as not (yet) reached, then its own short-term goals, in order,
 * each wording once. */
enum kaigi_status store_open_goals(struct store *st, const char *case_id, struct store_strings *out,
				   struct kaigi_error *err);

/* What store_followup_prefill() wrote. */
struct store_prefill {
	size_t records; /* records created */
	size_t goals;   /* evaluation items, one per open short-term goal */
	size_t ratings; /* grid ratings copied from last time */
};

/*
 * Start follow-up review case_id from the review it follows.  For each form
 * of the meeting's template that the case has no record of yet: an
 * evaluation form (a list `evaluations` of `goal`s) is made with one item
 * per open short-term goal (store_open_goals) and `evaluation_date` set to
 * the meeting's date; a form with an ADL/IADL grid gets last time's scale
 * ratings, so only changes are typed.  Forms the case already has are left
 * alone, so a second call changes nothing.  One transaction.  A case that
 * follows no review: nothing to do.  out may be NULL.
 */
enum kaigi_status store_followup_prefill(struct store *st, const char *case_id,
					 struct store_prefill *out, struct kaigi_error *err);

/* A review whose follow-up report is due (store_followup_due). */
struct store_due {
	struct store_case_hit hit; /* the review to follow up */
	char *followup_date;
	char *area; /* the person's, or NULL */
};
STORE_LIST_TYPE(store_due_list, struct store_due);
void store_due_list_free(struct store_due_list *l);
/*
 * Reviews whose follow-up report date (`followup_date`) is on or before
 * `before`, that are the latest review of their person (not followed up
 * yet), earliest date first, at most limit (0: all).  People already on
 * meeting_id's agenda are left out (meeting_id may be NULL).
 */
enum kaigi_status store_followup_due(struct store *st, const char *before, const char *meeting_id,
				     size_t limit, struct store_due_list *out,
				     struct kaigi_error *err);

/* ---- before and after: two reviews' grids, row by row ----------------- */

enum store_change {
	STORE_CHANGE_NONE = 0, /* not comparable: a side unanswered or not applicable */
	STORE_CHANGE_BETTER,
	STORE_CHANGE_SAME,
	STORE_CHANGE_WORSE,
};

/* The change from rating before to rating after in column col of a grid
 * row: by the scale's order (the lower value is the better), ignoring
 * choices marked `na: true` and values outside the row's choices. */
enum store_change store_change_of(const struct schema_field *grid,
				  const struct schema_grid_row *row, size_t col,
				  const struct kaigi_value *before,
				  const struct kaigi_value *after);

struct store_change_row {
	const struct schema_grid_row *row; /* borrowed from the forms */
	struct kaigi_value before, after;  /* KAIGI_NULL when unanswered */
	enum store_change change;
};
/* One grid of a form both reviews filled, compared on its rating column. */
struct store_grid_compare {
	const struct schema_form *form;  /* borrowed */
	const struct schema_field *grid; /* borrowed */
	size_t col;                      /* the rating column: the grid's first scale column */
	struct store_change_row *rows;   /* every row answered on either side, in grid order */
	size_t nrows;
	size_t better, same, worse;
};
struct store_compare {
	char earlier[STORE_ID_SIZE], later[STORE_ID_SIZE];
	char *earlier_date, *later_date; /* meeting dates */
	struct store_grid_compare *grids;
	size_t ngrids;
};
void store_compare_clear(struct store_compare *c);
/*
 * Compare the ADL/IADL grids of two reviews (case ids; usually a follow-up
 * and the review it follows): for each installed form both have a record
 * of, each grid with a scale column, row by row on the grid's first scale
 * column (the rating now: Toyoake 事前判定, national 現在).
 */
enum kaigi_status store_compare_cases(struct store *st, const char *earlier, const char *later,
				      struct store_compare *out, struct kaigi_error *err);

/* Follow-up reviews in a year and area, by how their grid changed. */
struct store_outcome {
	char year[5]; /* 年度 (calendar: store_outcome_rollup_years, kaigi/tally.h) */
	char *area;   /* the person's; "" when not recorded */
	size_t improved, same, worsened;
	size_t not_comparable; /* no row comparable with the review followed */
};
STORE_LIST_TYPE(store_outcome_list, struct store_outcome);
void store_outcome_list_free(struct store_outcome_list *l);
/*
 * Follow-up reviews (those that follow an earlier one) whose meeting is in
 * the period, compared with the review they follow as store_compare_cases
 * does: improved when more rows got better than worse, worsened when more
 * got worse, the same otherwise.  By year and area, in that order.
 */
enum kaigi_status store_outcome_rollup(struct store *st, const struct store_period *p,
				       struct store_outcome_list *out, struct kaigi_error *err);

/* ---- regional issues raised in cases, and the register ---------------- */

/* How many meetings, case reviews and follow-up reviews the period holds
 * (with an area: cases of people of that area, and their meetings). */
struct store_period_counts {
	size_t meetings, cases, followups;
};
enum kaigi_status store_period_count(struct store *st, const struct store_period *p,
				     struct store_period_counts *out, struct kaigi_error *err);

/* One wording of a regional issue raised in cases (case_plan's
 * `regional_issues` list), within a category and an area. */
struct store_raised {
	char *category;  /* the stored choice value, or "" */
	char *area;      /* the item's area, else the person's, or "" */
	char *statement; /* the wording */
	char *policy;    /* the policy kind suggested most often, or NULL */
	char *form;      /* a form the wording was recorded in (for labels) */
	size_t ncases, nmeetings;
	char *first_seen, *last_seen;
	char issue_id[STORE_ID_SIZE]; /* the register issue it was linked to, or "" */
	char *issue_title;            /* that issue's title, or NULL */
	size_t nunlinked;             /* cases raising it not linked to that issue */
};
STORE_LIST_TYPE(store_raised_list, struct store_raised);
void store_raised_list_free(struct store_raised_list *l);
/* Regional issues raised in the period (and area), one row per category,
 * area and wording, counted by cases and meetings; by category, area,
 * then most cases first. */
enum kaigi_status store_raised_rollup(struct store *st, const struct store_period *p,
				      struct store_raised_list *out, struct kaigi_error *err);

#endif
