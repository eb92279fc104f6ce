// SPDX-License-Identifier: MIT
/* ui_timer.c — phase and meeting clocks (see ui_timer.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_app.h"
#include "ui_timer.h"

void ui_timer_init(struct ui_timer *t, const struct schema_meeting *tpl,
		   const struct store_phase_list *recorded, long long others)
{
	memset(t, 0, sizeof *t);
	t->n = tpl ? tpl->nphases : 0;
	t->planned = xcalloc(t->n ? t->n : 1, sizeof *t->planned);
	t->base = xcalloc(t->n ? t->n : 1, sizeof *t->base);
	t->others = others;
	t->meeting_planned = tpl ? tpl->minutes * 60 : 0;
	for (size_t i = 0; i < t->n; i++) {
		t->planned[i] = tpl->phases[i].minutes * 60;
		for (size_t j = 0; recorded && j < recorded->n; j++) {
			if (strcmp(recorded->v[j].phase, tpl->phases[i].id) != 0)
				continue;
			if (recorded->v[j].planned_sec >= 0)
				t->planned[i] = recorded->v[j].planned_sec;
			if (recorded->v[j].actual_sec >= 0)
				t->base[i] = recorded->v[j].actual_sec;
			/* Carry on from the last phase that had time. */
			if (recorded->v[j].actual_sec > 0 && i >= t->cur)
				t->cur = i;
		}
	}
}

void ui_timer_free(struct ui_timer *t)
{
	free(t->planned);
	free(t->base);
	memset(t, 0, sizeof *t);
}

int ui_timer_actual(const struct ui_timer *t, size_t i)
{
	if (i >= t->n)
		return 0;
	int a = t->base[i];
	if (i == t->cur && t->running)
		a += (int)((ui_mono_ms() - t->since) / 1000);
	return a;
}

int ui_timer_left(const struct ui_timer *t)
{
	if (t->cur >= t->n)
		return 0;
	return t->planned[t->cur] - ui_timer_actual(t, t->cur);
}

long long ui_timer_meeting_used(const struct ui_timer *t)
{
	long long s = t->others;
	for (size_t i = 0; i < t->n; i++)
		s += ui_timer_actual(t, i);
	return s;
}

/* Fold the running time into the current phase's base. */
static void settle(struct ui_timer *t)
{
	if (!t->running || t->cur >= t->n)
		return;
	long long now = ui_mono_ms();
	long long whole = (now - t->since) / 1000;
	t->base[t->cur] += (int)whole;
	t->since += whole * 1000; /* keep the fraction for the next second */
}

void ui_timer_run(struct ui_timer *t, bool on)
{
	if (on == t->running)
		return;
	if (on) {
		t->since = ui_mono_ms();
		t->running = true;
	} else {
		settle(t);
		t->running = false;
	}
}

void ui_timer_goto(struct ui_timer *t, size_t i)
{
	if (i >= t->n)
		return;
	bool was = t->running;
	ui_timer_run(t, false);
	t->cur = i;
	ui_timer_run(t, was);
}

void ui_timer_extend(struct ui_timer *t, int seconds)
{
	if (t->cur >= t->n)
		return;
	t->planned[t->cur] += seconds;
	if (t->planned[t->cur] < 0)
		t->planned[t->cur] = 0;
}

static const struct ui_timer *shown;

void ui_timer_show(const struct ui_timer *t)
{
	shown = t;
}

bool ui_timer_clock(char *out, size_t size, bool *over)
{
	*over = false;
	if (!shown || shown->n == 0 || shown->cur >= shown->n)
		return false;
	char phase[16], meeting[16];
	int left = ui_timer_left(shown);
	ui_timer_format(left, phase);
	long long mleft = (long long)shown->meeting_planned - ui_timer_meeting_used(shown);
	ui_timer_format((int)mleft, meeting);
	*over = left < 0 || (shown->meeting_planned && mleft < 0);
	if (shown->meeting_planned)
		snprintf(out, size, "%s%zu/%zu %s  %s %s", shown->running ? "" : "⏸",
			 shown->cur + 1, shown->n, phase, _("meeting"), meeting);
	else
		snprintf(out, size, "%s%zu/%zu %s", shown->running ? "" : "⏸", shown->cur + 1,
			 shown->n, phase);
	return true;
}

void ui_timer_format(int seconds, char out[16])
{
	int s = seconds < 0 ? -seconds : seconds;
	snprintf(out, 16, "%s%d:%02d", seconds < 0 ? "+" : "", s / 60, s % 60);
}
