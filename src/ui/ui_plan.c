// SPDX-License-Identifier: MIT
/*
 * ui_plan.c — the time plan on screen: a case's phase timer planned from
 * the meeting's plan (plan.h) when the case is opened, and each case's
 * slot for the agenda.
 *
 * A case that has not started is planned afresh each time it is opened,
 * from the time the meeting has left (so a case that ran long before it
 * makes it shorter); its phases' plan is written down at once, so that
 * the meeting's plan counts the whole of it once it starts.  A case under
 * way keeps the plan it started with (and what + and - changed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/meeting.h"
#include "kaigi/xalloc.h"
#include "ui_plan.h"

void ui_timer_open(struct ui *ui, struct ui_timer *t, const struct schema_meeting *tpl,
		   const char *meeting_id, const char *case_id)
{
	struct kaigi_error err;
	struct store_phase_list phases = {0};
	long long others = 0;
	store_phase_list(ui->st, case_id, &phases, &err);
	store_meeting_time_used(ui->st, meeting_id, case_id, &others, &err);
	bool started = false;
	for (size_t i = 0; i < phases.n; i++)
		if (phases.v[i].actual_sec > 0)
			started = true;
	struct plan plan;
	size_t index = 0;
	if (store_meeting_plan(ui->st, tpl, meeting_id, case_id, &plan, &index, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		plan_build(tpl, 0, NULL, &plan);
	}
	size_t n = tpl ? tpl->nphases : 0;
	int *planned = xcalloc(n ? n : 1, sizeof *planned);
	if (index < plan.ncases)
		plan_phases(tpl, plan.slot_sec[index], planned);
	else
		for (size_t i = 0; i < n; i++)
			planned[i] = tpl->phases[i].minutes * 60;
	ui_timer_init(t, tpl, started ? &phases : NULL, others);
	for (size_t i = 0; i < n; i++) {
		bool kept = false;
		for (size_t j = 0; started && j < phases.n; j++)
			if (strcmp(phases.v[j].phase, tpl->phases[i].id) == 0 &&
			    phases.v[j].planned_sec >= 0)
				kept = true;
		if (!kept)
			t->planned[i] = planned[i];
	}
	if (!started) {
		for (size_t i = 0; i < n && !ui->read_only; i++)
			if (store_phase_set(ui->st, case_id, tpl->phases[i].id, (int)i,
					    t->planned[i], -1, &err) != KAIGI_OK) {
				ui_msg_error(ui, &err);
				break;
			}
	}
	if (plan.meeting_sec)
		t->meeting_planned = plan.meeting_sec;
	free(planned);
	plan_free(&plan);
	store_phase_list_free(&phases);
}

int ui_plan_slots(struct ui *ui, const struct schema_meeting *tpl, const char *meeting_id,
		  struct plan *out)
{
	struct kaigi_error err;
	size_t index;
	if (store_meeting_plan(ui->st, tpl, meeting_id, NULL, out, &index, &err) != KAIGI_OK) {
		plan_build(tpl, 0, NULL, out);
		return -1;
	}
	return 0;
}

const char *ui_fmt_minutes(int seconds)
{
	static char buf[32];
	snprintf(buf, sizeof buf, _("%d min"), (seconds + 30) / 60);
	return buf;
}
