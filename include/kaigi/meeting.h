/* SPDX-License-Identifier: MIT */
/*
 * meeting.h — the meeting as towns run it, the store's side:
 * the time each case of a meeting has recorded, for the time plan
 * (plan.h), and the meeting's kept frame (the town's vision as it was
 * that day, stored with the meeting: a later change of the settings does
 * not rewrite old summaries).
 *
 * The frame's other parts — purpose, today's target, what was reached,
 * what is left (目的・目標・今回の到達点・次回への課題, seed 003 L7396) — are the
 * meeting's own fields (store.h, enum store_meeting_field).
 */
#ifndef KAIGI_MEETING_H
#define KAIGI_MEETING_H

#include "kaigi/error.h"
#include "kaigi/plan.h"
#include "kaigi/store.h"

/*
 * The cases of meeting_id in agenda order (as store_case_list), each with
 * what its phases recorded: *out is a new array of *n entries (free() it).
 */
enum kaigi_status store_meeting_plan_cases(struct store *st, const char *meeting_id,
					   struct plan_case **out, size_t *n,
					   struct kaigi_error *err);

/*
 * The plan of meeting_id now: tpl planned for its cases, re-planned from
 * what they recorded (plan_build).  *index is set to the agenda position
 * of case_id (or to the number of cases when case_id is NULL or absent).
 */
enum kaigi_status store_meeting_plan(struct store *st, const struct schema_meeting *tpl,
				     const char *meeting_id, const char *case_id, struct plan *out,
				     size_t *index, struct kaigi_error *err);

/* The town's vision kept with the meeting when it was created, or NULL
 * (a meeting of an older kaigi): *out is newly allocated. */
enum kaigi_status store_meeting_vision_get(struct store *st, const char *meeting_id, char **out,
					   struct kaigi_error *err);
/* Keep text (NULL or "" clears it) as the meeting's vision. */
enum kaigi_status store_meeting_vision_set(struct store *st, const char *meeting_id,
					   const char *text, struct kaigi_error *err);

#endif
