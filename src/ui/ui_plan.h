/* SPDX-License-Identifier: MIT */
/*
 * ui_plan.h — the meeting's time plan (plan.h) as the UI uses it: a case's
 * phase timer planned when the case opens, and the agenda's slots.
 */
#ifndef KAIGI_UI_PLAN_H
#define KAIGI_UI_PLAN_H

#include "kaigi/plan.h"
#include "ui_app.h"
#include "ui_timer.h"

/*
 * Set t up for case_id of meeting_id: what the case recorded, the time the
 * meeting's other cases used, and — for a case not started — its phases
 * planned from the case's slot in the meeting's plan now (written down,
 * unless kaigi is read-only).
 */
void ui_timer_open(struct ui *ui, struct ui_timer *t, const struct schema_meeting *tpl,
		   const char *meeting_id, const char *case_id);

/* The plan of meeting_id now (out: plan_free it); -1 when it could not be
 * read (out is then empty). */
int ui_plan_slots(struct ui *ui, const struct schema_meeting *tpl, const char *meeting_id,
		  struct plan *out);

/* "20 min" (20分) for seconds, rounded; a static buffer, one use at a time. */
const char *ui_fmt_minutes(int seconds);

#endif
