/* SPDX-License-Identifier: MIT */
/*
 * plan.h — the time plan of a meeting: how the meeting's minutes are shared
 * among the cases on today's agenda, and how each case's slot is shared
 * among the template's phases.
 *
 * A template states the meeting's length (`minutes`), what the meeting
 * keeps for itself outside the cases (`reserve_minutes`: opening, the
 * vision, closing) and a per-case budget (`case_minutes`, a slot's most).
 * The phases' minutes are proportions: they are scaled to the slot, so a
 * four-case 90-minute meeting plans four slots that, with the reserve, add
 * up to 90 minutes, and each slot's phases add up to the slot exactly
 * (seed 001 L1881: 包括版 4 cases, 居宅版 2–3 cases in 90 minutes).
 *
 * Re-planning: a case that has started keeps the time it has (its
 * recorded plan, or what it used when that is more); the time left is
 * shared among the cases not started yet, never more than the budget.  So
 * a case that ran long takes its overrun from the later cases, and they
 * show shorter.
 *
 * Pure arithmetic in seconds; no store, no UI.
 */
#ifndef KAIGI_PLAN_H
#define KAIGI_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"

/* What one case on the agenda has recorded so far. */
struct plan_case {
	long long used;    /* actual seconds of its phases */
	long long planned; /* planned seconds recorded for its phases (0: none) */
	bool started;      /* any phase has time */
};

struct plan {
	int meeting_sec; /* the meeting's length */
	int reserve_sec; /* kept outside the cases */
	int budget_sec;  /* a slot's most (the template's case_minutes, else the fair share) */
	size_t ncases;
	int *slot_sec; /* per case on the agenda, in agenda order */
};

/*
 * Plan tpl for ncases cases.  cases (may be NULL: nothing started) gives
 * what each case has recorded.  A template without `minutes` plans each
 * slot as the sum of its phases.  out is owned by the caller:
 * plan_free() it.
 */
void plan_build(const struct schema_meeting *tpl, size_t ncases, const struct plan_case *cases,
		struct plan *out);
void plan_free(struct plan *p);

/* The sum of the slots and the reserve: what the plan asks of the meeting. */
long long plan_total_sec(const struct plan *p);

/*
 * Share slot_sec among tpl's phases in proportion to their minutes, in
 * whole minutes where the slot allows (largest remainder), the odd
 * seconds to the longest phase: phase_sec[0..nphases) adds up to slot_sec
 * exactly.
 */
void plan_phases(const struct schema_meeting *tpl, int slot_sec, int *phase_sec);

#endif
