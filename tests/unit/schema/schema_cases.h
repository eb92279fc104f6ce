/* SPDX-License-Identifier: MIT */
/*
 * schema_cases.h — what the schema tests share beyond schema_fixture.h: a
 * table of YAML files the loader must refuse, each with the exact
 * diagnostics it must print, checked by one loop that names the row that
 * failed; and a test whose set-up is loading one YAML file.
 */
#ifndef KAIGI_TEST_SCHEMA_CASES_H
#define KAIGI_TEST_SCHEMA_CASES_H

#include "schema_fixture.h"

/* One file the loader refuses: loaded as "t.yaml" into a fresh set, it must
 * fail with exactly want (every diagnostic, one a line) and add nothing. */
struct schema_refusal {
	const char *name;
	const char *yaml;
	const char *want;
};

/* Each row of cases, each in a set of its own; a row that fails is named
 * before cmocka reports the difference. */
static inline void schema_refusals_check(const struct schema_refusal *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		void *state = NULL;
		assert_int_equal(tset_setup(&state), 0);
		struct tset *t = state;
		enum kaigi_status st = schema_load_buffer(&t->set, "t.yaml", cases[i].yaml,
							  strlen(cases[i].yaml), &t->diags);
		size_t added = t->set.nforms + t->set.nmeetings;
		const char *got = tset_diags(t);
		if (st != KAIGI_EDATA || added != 0 || strcmp(got, cases[i].want) != 0)
			print_error("refusal '%s' (row %zu) failed\n", cases[i].name, i);
		assert_int_equal(st, KAIGI_EDATA);
		/* A file with an error adds nothing to the set. */
		assert_int_equal(added, 0);
		assert_string_equal(got, cases[i].want);
		tset_teardown(&state);
	}
}

/* cmocka setup for a test whose initial state is the YAML it reads: a fresh
 * set with that file loaded as "t.yaml" (-1, showing the diagnostics, unless
 * it loads cleanly). */
static inline int schema_setup_loaded(void **state)
{
	const char *yaml = *state;
	return tset_setup_yaml(state, yaml);
}

/* A test run on a fresh set holding yaml. */
#define T_LOADED(f, yaml)                                                                          \
	cmocka_unit_test_prestate_setup_teardown(f, schema_setup_loaded, tset_teardown,            \
						 (void *)(yaml))

#define SCHEMA_REFUSALS_CHECK(cases)                                                               \
	schema_refusals_check((cases), sizeof(cases) / sizeof(cases)[0])

#endif
