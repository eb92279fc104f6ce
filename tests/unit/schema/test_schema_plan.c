// SPDX-License-Identifier: MIT
/*
 * test_schema_plan.c — the meeting's time plan (plan.h) on the shipped templates:
 * four cases fit Toyoake's 90 minutes and every case's phases add up to
 * its slot; a case that ran long takes its overrun from the later cases;
 * the 居宅 version plans 2–3 cases of 30–45 minutes (seed 001 L1881).
 */
#include "kaigi/plan.h"
#include "schema_fixture.h"

static const struct schema_meeting *shipped(struct tset *t, const char *id)
{
	if (t->set.nmeetings == 0) {
		char *dir = malloc(strlen(source_root()) + 16);
		sprintf(dir, "%s/forms", source_root());
		assert_int_equal(schema_load_dir(&t->set, dir, &t->diags), KAIGI_OK);
		free(dir);
	}
	const struct schema_meeting *m = schema_meeting_find(&t->set, id);
	assert_non_null(m);
	return m;
}

/* Each slot's phases add up to the slot exactly, none negative. */
static void assert_phases_fill(const struct schema_meeting *m, const struct plan *p)
{
	int *ph = calloc(m->nphases, sizeof *ph);
	for (size_t c = 0; c < p->ncases; c++) {
		plan_phases(m, p->slot_sec[c], ph);
		long long sum = 0;
		for (size_t i = 0; i < m->nphases; i++) {
			assert_true(ph[i] >= 0);
			sum += ph[i];
		}
		assert_int_equal(sum, p->slot_sec[c]);
	}
	free(ph);
}

static void four_cases_fit_ninety_minutes(void **state)
{
	struct tset *t = *state;
	const char *ids[] = {"toyoake_support", "independence_support"};
	for (size_t k = 0; k < 2; k++) {
		const struct schema_meeting *m = shipped(t, ids[k]);
		struct plan p;
		plan_build(m, 4, NULL, &p);
		assert_int_equal(p.meeting_sec, 90 * 60);
		assert_true(plan_total_sec(&p) <= 90 * 60);
		for (size_t c = 0; c < 4; c++)
			assert_int_equal(p.slot_sec[c], 20 * 60); /* about 20 minutes a case */
		assert_phases_fill(m, &p);
		plan_free(&p);
		/* More cases than the budget allows: the slots shrink to fit. */
		plan_build(m, 6, NULL, &p);
		assert_true(plan_total_sec(&p) <= 90 * 60);
		assert_true(p.slot_sec[0] < 20 * 60);
		assert_phases_fill(m, &p);
		plan_free(&p);
	}
	/* Without the plan the phases as written added up to 28 min a case
	 * (112 for four); now the phases of a 20-minute slot add up to 20. */
	const struct schema_meeting *m = shipped(t, "toyoake_support");
	int ph[16] = {0};
	plan_phases(m, 20 * 60, ph);
	assert_int_equal(ph[0] + ph[1] + ph[2] + ph[3] + ph[4], 1200);
}

static void kyotaku_two_or_three_cases(void **state)
{
	struct tset *t = *state;
	const struct schema_meeting *m = shipped(t, "toyoake_care");
	struct plan p;
	plan_build(m, 2, NULL, &p);
	assert_int_equal(p.slot_sec[0], 45 * 60);
	assert_int_equal(p.slot_sec[1], 45 * 60);
	assert_phases_fill(m, &p);
	plan_free(&p);
	plan_build(m, 3, NULL, &p);
	for (size_t c = 0; c < 3; c++)
		assert_int_equal(p.slot_sec[c], 30 * 60);
	assert_int_equal(plan_total_sec(&p), 90 * 60);
	assert_phases_fill(m, &p);
	plan_free(&p);
}

static void replan_after_an_overrun(void **state)
{
	struct tset *t = *state;
	const struct schema_meeting *m = shipped(t, "toyoake_support");
	/* Case 1 was planned 20 minutes and took 26; case 2 is under way. */
	struct plan_case cases[4] = {
	    {.used = 26 * 60, .planned = 20 * 60, .started = true},
	    {.used = 5 * 60, .planned = 20 * 60, .started = true},
	    {0},
	    {0},
	};
	struct plan p;
	plan_build(m, 4, cases, &p);
	assert_int_equal(p.slot_sec[0], 26 * 60); /* what it used */
	assert_int_equal(p.slot_sec[1], 20 * 60); /* its plan */
	/* 90 - 10 reserve - 26 - 20 = 34 minutes for two cases: 17 each. */
	assert_int_equal(p.slot_sec[2], 17 * 60);
	assert_int_equal(p.slot_sec[3], 17 * 60);
	assert_true(plan_total_sec(&p) <= 90 * 60);
	assert_phases_fill(m, &p);
	plan_free(&p);
	/* A case that finished early gives nothing back beyond the budget. */
	cases[0].used = 10 * 60;
	plan_build(m, 4, cases, &p);
	assert_int_equal(p.slot_sec[2], 20 * 60);
	plan_free(&p);
	/* Past the meeting's end: later cases get no time, never negative. */
	cases[0].used = 90 * 60;
	plan_build(m, 4, cases, &p);
	assert_int_equal(p.slot_sec[2], 0);
	assert_phases_fill(m, &p);
	plan_free(&p);
}

static void template_keys_checked(void **state)
{
	struct tset *t = *state;
	static const char yaml[] = "meeting: m\nversion: 1\nkind: individual\ntitle: M\n"
				   "minutes: 30\nreserve_minutes: 30\ncase_minutes: 0\n"
				   "forms: [f]\nphases:\n  - {id: a, title: A, minutes: 1}\n";
	assert_int_equal(schema_load_buffer(&t->set, "t.yaml", yaml, sizeof yaml - 1, &t->diags),
			 KAIGI_EDATA);
	const char *d = tset_diags(t);
	assert_non_null(strstr(d, "t.yaml:7:15: error:"));
	assert_non_null(strstr(d, "'reserve_minutes' (30) leaves no time for cases"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, tset_setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(four_cases_fit_ninety_minutes),
	    T(kyotaku_two_or_three_cases),
	    T(replan_after_an_overrun),
	    T(template_keys_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
