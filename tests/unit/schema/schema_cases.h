/* SPDX-License-Identifier: MIT */
/*
 * schema_cases.h — what the schema tests share beyond schema_fixture.h: a
 * table of YAML files the loader must accept or refuse, each with the exact
 * diagnostics it must print, checked by one loop that names the row that
 * failed; tables of what was read beside what was written; and a test
 * whose set-up is loading one YAML file.
 */
#ifndef KAIGI_TEST_SCHEMA_CASES_H
#define KAIGI_TEST_SCHEMA_CASES_H

#include "schema_fixture.h"

/* One file for the loader: loaded as "t.yaml" into a fresh set, it must
 * either load cleanly, adding its one form or template (want ""), or fail
 * with exactly want (every diagnostic, one a line) and add nothing. */
struct schema_load_case {
	const char *name;
	const char *yaml;
	const char *want;
};

/* Each row of cases, each in a set of its own; a row that fails is named
 * before cmocka reports the difference. */
static inline void schema_loads_check(const struct schema_load_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		void *state = NULL;
		assert_int_equal(tset_setup(&state), 0);
		struct tset *t = state;
		enum kaigi_status st = schema_load_buffer(&t->set, "t.yaml", cases[i].yaml,
							  strlen(cases[i].yaml), &t->diags);
		size_t added = t->set.nforms + t->set.nmeetings;
		const char *got = tset_diags(t);
		bool refused = *cases[i].want != '\0';
		enum kaigi_status want_st = refused ? KAIGI_EDATA : KAIGI_OK;
		if (st != want_st || added != !refused || strcmp(got, cases[i].want) != 0)
			print_error("load '%s' (row %zu) failed\n", cases[i].name, i);
		assert_int_equal(st, want_st);
		/* A file with an error adds nothing to the set. */
		assert_int_equal(added, !refused);
		assert_string_equal(got, cases[i].want);
		tset_teardown(&state);
	}
}

/* Form "t" of the set in cmocka's *state; fails the test when it is missing. */
static inline const struct schema_form *tset_form(void **state)
{
	struct tset *t = *state;
	const struct schema_form *f = schema_form_find(&t->set, "t");
	assert_non_null(f);
	return f;
}

/* What the loader read, beside what the file says: what names it when they
 * differ. */
struct schema_text_check {
	const char *what, *got, *want;
};

struct schema_number_check {
	const char *what;
	long long got, want;
};

static inline void schema_texts_check(const struct schema_text_check *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!c[i].got || strcmp(c[i].got, c[i].want) != 0)
			print_error("%s\n", c[i].what);
		assert_string_equal(c[i].got, c[i].want);
	}
}

static inline void schema_numbers_check(const struct schema_number_check *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c[i].got != c[i].want)
			print_error("%s\n", c[i].what);
		assert_int_equal(c[i].got, c[i].want);
	}
}

#define SCHEMA_CHECK(check, rows) check((rows), sizeof(rows) / sizeof(rows)[0])

/* Evaluate e with vals; fail the test, naming the expression, unless it
 * runs. */
static inline void eval_ok(struct expr *e, struct tvals *vals, struct kaigi_value *out)
{
	struct kaigi_error err;
	if (expr_eval(e, tvals_lookup, vals, out, &err) != KAIGI_OK)
		fail_msg("%s (evaluating %.60s)", err.msg, expr_source(e));
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

/* A table of loads as a cmocka test of its own: T_LOADS(table). */
struct schema_loads {
	const struct schema_load_case *v;
	size_t n;
};

static inline void schema_loads_test(void **state)
{
	const struct schema_loads *l = *state;
	schema_loads_check(l->v, l->n);
}

#define T_LOADS(cases)                                                                             \
	cmocka_unit_test_prestate(                                                                 \
	    schema_loads_test,                                                                     \
	    (&(struct schema_loads){(cases), sizeof(cases) / sizeof(cases)[0]}))

#endif
