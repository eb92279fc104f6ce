/* SPDX-License-Identifier: MIT */
/*
 * schema_fixture.h — what the schema, expression and value tests share:
 * loading YAML from a string into a fresh set, the diagnostics as text, and
 * a name → value table to feed expressions.
 *
 * Each test gets its own struct tset (cmocka setup/teardown), so a test that
 * fails half-way still frees everything and the leak checker stays quiet.
 */
#ifndef KAIGI_TEST_SCHEMA_FIXTURE_H
#define KAIGI_TEST_SCHEMA_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kaigi/schema.h"

struct tset {
	struct schema_set set;
	struct kaigi_diags diags;
	char text[16384]; /* the diagnostics, one per line, for assertions */
};

static inline int tset_setup(void **state)
{
	struct tset *t = calloc(1, sizeof *t);
	struct kaigi_error err;
	if (t == NULL || schema_set_init(&t->set, &err) != KAIGI_OK) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static inline int tset_teardown(void **state)
{
	struct tset *t = *state;
	schema_set_free(&t->set);
	kaigi_diags_free(&t->diags);
	free(t);
	return 0;
}

/* The diagnostics so far, sorted as `kaigi forms check` prints them, as
 * `FILE:LINE:COL: error: MSG` lines each ending in a newline; also kept in
 * t->text.  Clears them. */
static inline const char *tset_diags(struct tset *t)
{
	size_t used = 0;
	t->text[0] = '\0';
	kaigi_diags_sort(&t->diags);
	for (size_t i = 0; i < t->diags.n; i++) {
		char line[2200];
		kaigi_error_format(&t->diags.v[i], line, sizeof line);
		int n = snprintf(t->text + used, sizeof t->text - used, "%s\n", line);
		if (n < 0 || (size_t)n >= sizeof t->text - used)
			break;
		used += (size_t)n;
	}
	kaigi_diags_free(&t->diags);
	memset(&t->diags, 0, sizeof t->diags);
	return t->text;
}

/* Load yaml as "t.yaml"; fail the test, showing the diagnostics, unless it
 * loads cleanly. */
#define LOAD_OK(t, yaml) load_ok((t), (yaml), __FILE__, __LINE__)
static inline void load_ok(struct tset *t, const char *yaml, const char *file, int line)
{
	enum kaigi_status st = schema_load_buffer(&t->set, "t.yaml", yaml, strlen(yaml), &t->diags);
	if (st != KAIGI_OK || t->diags.n != 0) {
		print_error("%s", tset_diags(t));
		_fail(file, line);
	}
}

/* tset_setup, then yaml loaded as "t.yaml" (a form "t"); -1, showing the
 * diagnostics, unless it loads cleanly. */
static inline int tset_setup_yaml(void **state, const char *yaml)
{
	if (tset_setup(state) != 0)
		return -1;
	struct tset *t = *state;
	if (schema_load_buffer(&t->set, "t.yaml", yaml, strlen(yaml), &t->diags) != KAIGI_OK ||
	    t->diags.n != 0) {
		fprintf(stderr, "%s", tset_diags(t));
		return -1;
	}
	return 0;
}

/* Field id of form "t" in the struct tset of *state; fails the test when
 * there is none. */
static inline const struct schema_field *tset_field(void **state, const char *id)
{
	struct tset *t = *state;
	const struct schema_field *f = schema_field_find(schema_form_find(&t->set, "t"), id);
	assert_non_null(f);
	return f;
}

/* Load yaml as "t.yaml", expecting it to fail with exactly these lines
 * (file name included). */
#define LOAD_ERR(t, yaml, expected) load_err((t), (yaml), (expected), __FILE__, __LINE__)
static inline void load_err(struct tset *t, const char *yaml, const char *expected,
			    const char *file, int line)
{
	size_t before = t->set.nforms + t->set.nmeetings;
	enum kaigi_status st = schema_load_buffer(&t->set, "t.yaml", yaml, strlen(yaml), &t->diags);
	_assert_int_equal(st, KAIGI_EDATA, file, line);
	/* A file with an error adds nothing to the set. */
	_assert_int_equal(t->set.nforms + t->set.nmeetings, before, file, line);
	_assert_string_equal(tset_diags(t), expected, file, line);
}

/* Load, then run the cross-file checks, which must report exactly expected
 * ("" for nothing). */
#define CHECK_SET(t, expected) check_set((t), (expected), __FILE__, __LINE__)
static inline void check_set(struct tset *t, const char *expected, const char *file, int line)
{
	enum kaigi_status st = schema_set_check(&t->set, &t->diags);
	_assert_int_equal(st, *expected ? KAIGI_EDATA : KAIGI_OK, file, line);
	kaigi_diags_sort(&t->diags);
	_assert_string_equal(tset_diags(t), expected, file, line);
}

/* A minimal form around the given field lines (each indented 6 spaces). */
#define FORM(fields)                                                                               \
	"form: t\n"                                                                                \
	"version: 1\n"                                                                             \
	"title: T\n"                                                                               \
	"sections:\n"                                                                              \
	"  - id: main\n"                                                                           \
	"    title: Main\n"                                                                        \
	"    fields:\n" fields

/* Field values for expressions: a small table searched by name. */
struct tvals {
	size_t n;
	struct {
		const char *name;
		struct kaigi_value v;
	} e[16];
	const char *asked[16]; /* names the evaluator asked for, in order */
	size_t nasked;
};

static inline void tvals_int(struct tvals *t, const char *name, long long i)
{
	t->e[t->n].name = name;
	kaigi_value_set_int(&t->e[t->n++].v, i);
}

static inline void tvals_real(struct tvals *t, const char *name, double r)
{
	t->e[t->n].name = name;
	kaigi_value_set_real(&t->e[t->n++].v, r);
}

static inline void tvals_text(struct tvals *t, const char *name, const char *s)
{
	t->e[t->n].name = name;
	kaigi_value_set_text(&t->e[t->n++].v, s);
}

static inline void tvals_null(struct tvals *t, const char *name)
{
	t->e[t->n].name = name;
	kaigi_value_clear(&t->e[t->n++].v);
}

static inline void tvals_free(struct tvals *t)
{
	for (size_t i = 0; i < t->n; i++)
		kaigi_value_clear(&t->e[i].v);
	t->n = 0;
	t->nasked = 0;
}

/* An expr_lookup_fn over a struct tvals. */
static inline int tvals_lookup(void *ctx, const char *name, struct kaigi_value *out)
{
	struct tvals *t = ctx;
	if (t->nasked < sizeof t->asked / sizeof t->asked[0])
		t->asked[t->nasked++] = name;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->e[i].name, name) == 0) {
			kaigi_value_copy(out, &t->e[i].v);
			return 0;
		}
	return -1;
}

/* The source root, for fixtures (meson sets KAIGI_SOURCE_ROOT). */
static inline const char *source_root(void)
{
	const char *r = getenv("KAIGI_SOURCE_ROOT");
	return r && *r ? r : ".";
}

#endif
