// SPDX-License-Identifier: MIT
/*
 * schema_plan.c — the time plan of a meeting (plan.h): the meeting's
 * minutes shared among today's cases, each slot shared among the phases.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/plan.h"
#include "kaigi/xalloc.h"

static int phases_sec(const struct schema_meeting *tpl)
{
	long long s = 0;
	for (size_t i = 0; tpl && i < tpl->nphases; i++)
		s += (long long)tpl->phases[i].minutes * 60;
	return s > INT_MAX ? INT_MAX : (int)s;
}

void plan_build(const struct schema_meeting *tpl, size_t ncases, const struct plan_case *cases,
		struct plan *out)
{
	memset(out, 0, sizeof *out);
	out->ncases = ncases;
	out->slot_sec = xcalloc(ncases ? ncases : 1, sizeof *out->slot_sec);
	int natural = phases_sec(tpl);
	if (!tpl || tpl->minutes <= 0) {
		/* No meeting length: each case gets its phases as written. */
		out->budget_sec = natural;
		for (size_t i = 0; i < ncases; i++)
			out->slot_sec[i] = natural;
		out->meeting_sec = (int)plan_total_sec(out);
		return;
	}
	out->meeting_sec = tpl->minutes * 60;
	out->reserve_sec = tpl->reserve_minutes * 60;
	if (out->reserve_sec >= out->meeting_sec)
		out->reserve_sec = 0;
	long long avail = out->meeting_sec - out->reserve_sec;
	long long budget = tpl->case_minutes > 0 ? (long long)tpl->case_minutes * 60 : LLONG_MAX;
	long long fair = ncases ? avail / (long long)ncases : avail;
	out->budget_sec = (int)(budget < fair ? budget : fair);
	/* Cases under way keep their time; the rest is shared. */
	long long left = avail;
	size_t nfree = 0;
	for (size_t i = 0; i < ncases; i++) {
		const struct plan_case *c = cases ? &cases[i] : NULL;
		if (!c || !c->started) {
			nfree++;
			continue;
		}
		long long keep = c->planned > 0 ? c->planned : out->budget_sec;
		if (c->used > keep)
			keep = c->used;
		if (keep > INT_MAX)
			keep = INT_MAX;
		out->slot_sec[i] = (int)keep;
		left -= keep;
	}
	long long share = nfree ? (left > 0 ? left / (long long)nfree : 0) : 0;
	if (share > budget)
		share = budget;
	if (share >= 60)
		share -= share % 60; /* whole minutes, so the phases are too */
	for (size_t i = 0; i < ncases; i++)
		if (!cases || !cases[i].started)
			out->slot_sec[i] = (int)share;
}

void plan_free(struct plan *p)
{
	free(p->slot_sec);
	memset(p, 0, sizeof *p);
}

long long plan_total_sec(const struct plan *p)
{
	long long s = p->reserve_sec;
	for (size_t i = 0; i < p->ncases; i++)
		s += p->slot_sec[i];
	return s;
}

void plan_phases(const struct schema_meeting *tpl, int slot_sec, int *phase_sec)
{
	size_t n = tpl ? tpl->nphases : 0;
	if (n == 0)
		return;
	if (slot_sec < 0)
		slot_sec = 0;
	long long w = 0;
	size_t longest = 0;
	for (size_t i = 0; i < n; i++) {
		w += tpl->phases[i].minutes > 0 ? tpl->phases[i].minutes : 0;
		if (tpl->phases[i].minutes > tpl->phases[longest].minutes)
			longest = i;
	}
	long long units = slot_sec / 60, odd = slot_sec % 60;
	/* Largest remainder: floor shares first, then one minute each to the
	 * phases with the biggest remainders (earlier phases win ties). */
	long long *rem = xcalloc(n, sizeof *rem);
	long long given = 0;
	for (size_t i = 0; i < n; i++) {
		long long wi = w ? (tpl->phases[i].minutes > 0 ? tpl->phases[i].minutes : 0) : 1;
		long long ww = w ? w : (long long)n;
		long long q = units * wi;
		phase_sec[i] = (int)(q / ww);
		rem[i] = q % ww;
		given += phase_sec[i];
	}
	while (given < units) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++)
			if (rem[i] > rem[best])
				best = i;
		phase_sec[best]++;
		rem[best] = -1;
		given++;
	}
	free(rem);
	for (size_t i = 0; i < n; i++)
		phase_sec[i] *= 60;
	phase_sec[longest] += (int)odd;
}
