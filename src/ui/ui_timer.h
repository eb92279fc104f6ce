/* SPDX-License-Identifier: MIT */
/*
 * ui_timer.h — the phase timer of a running case, and the meeting's clock.
 *
 * Each phase of the meeting template has planned seconds (its minutes,
 * plus what the facilitator adds with +) and actual seconds, counted while
 * it is the current phase and the timer is not paused.  Time is read from
 * the monotonic clock when asked, so a late wake-up or an external editor
 * loses nothing; the loop's once-a-second timeout only redraws.  The
 * meeting clock is the actual time of every case of the meeting.
 *
 * Plain data: the case screen saves it with store_phase_set().
 */
#ifndef KAIGI_UI_TIMER_H
#define KAIGI_UI_TIMER_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"

struct ui_timer {
	size_t n;
	int *planned; /* seconds */
	int *base;    /* actual seconds up to the current run */
	size_t cur;
	bool running;
	long long since;     /* monotonic ms when the current run began */
	long long others;    /* seconds used by the meeting's other cases */
	int meeting_planned; /* seconds */
	long long saved_at;  /* monotonic ms of the last save */
};

/* Phases of tpl, with what the store recorded (may be empty). */
void ui_timer_init(struct ui_timer *t, const struct schema_meeting *tpl,
		   const struct store_phase_list *recorded, long long others);
void ui_timer_free(struct ui_timer *t);

/* Actual seconds of phase i now. */
int ui_timer_actual(const struct ui_timer *t, size_t i);
/* Seconds left in the current phase (negative: over time). */
int ui_timer_left(const struct ui_timer *t);
/* Seconds the meeting has used on cases, this one included. */
long long ui_timer_meeting_used(const struct ui_timer *t);

void ui_timer_run(struct ui_timer *t, bool on);
/* Make phase i current (the time so far stays with the phase left). */
void ui_timer_goto(struct ui_timer *t, size_t i);
/* Add (or take) seconds to the current phase's plan; never below zero. */
void ui_timer_extend(struct ui_timer *t, int seconds);

/* "12:05", or "+1:30" when negative. */
void ui_timer_format(int seconds, char out[16]);

/*
 * The clock of the case being run, shown in the header of every screen
 * opened over it (help, history, the register: ui_header_draw), so that the
 * phase and the meeting's time stay in view on every page of a running
 * meeting.  The case screen registers its timer when it opens and NULL
 * when it closes.
 */
void ui_timer_show(const struct ui_timer *t);
/* "2/5 3:20  会議 61:00" for the registered timer into out; false when
 * none is registered.  *over: the phase or the meeting is over time. */
bool ui_timer_clock(char *out, size_t size, bool *over);

#endif
