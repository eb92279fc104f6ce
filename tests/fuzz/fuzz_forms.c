// SPDX-License-Identifier: MIT
/*
 * fuzz_forms.c — libFuzzer target for the form and meeting template loader
 * (schema_load_buffer), the cross-file checks, and what a loaded form then
 * does: parse answers for every field and evaluate every expression.
 *
 * Each input gets a fresh set (so inputs never see each other), first with
 * the input alone, then, if it loaded, after the shipped forms so that
 * references to them resolve.  Besides crashes and sanitizer reports, a finding is any broken
 * promise of the loader: an error without a diagnostic, a diagnostic without
 * a position in the file, or a file with errors that still entered the set.
 *
 * Built by tests/fuzz/meson.build with -Dfuzz=true and clang; fuzz_replay.c
 * runs the same entry point over the seed corpus in every other build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/schema.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define check(ok, what) fuzz_check("fuzz_forms", (ok), (what))

/* Every value is unanswered; the engine's step budget bounds the work. */
static int lookup_null(void *ctx, const char *name, struct kaigi_value *out)
{
	(void)ctx;
	(void)name;
	(void)out;
	return 0;
}

static void exercise_field(const struct schema_field *f, const struct schema_choice_list *choices)
{
	static const char *const answers[] = {
	    "1", "２", "-3.5", "2026-04-01", "yes", "a b", "2026-11〜2027-05", "6か月", ""};
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
		struct kaigi_value v = {0};
		struct kaigi_error err;
		if (schema_value_parse(f, choices, answers[i], &v, &err) == KAIGI_OK &&
		    f->choices && v.type == KAIGI_TEXT && f->type == SCHEMA_SELECT_ONE)
			check(schema_choice_find(choices ? choices : f->choices, v.s) >= 0,
			      "a parsed choice is in its list");
		kaigi_value_clear(&v);
	}
	struct expr *exprs[] = {f->relevant, f->constraint, f->calculate};
	for (size_t i = 0; i < 3; i++) {
		if (exprs[i] == NULL)
			continue;
		struct kaigi_value v = {0};
		struct kaigi_error err;
		expr_eval(exprs[i], lookup_null, NULL, &v, &err);
		kaigi_value_clear(&v);
	}
	struct kaigi_error err;
	schema_constraint_check(f, lookup_null, NULL, "ja", &err);
	for (size_t c = 0; c < f->ncolumns; c++)
		for (size_t r = 0; r <= f->nrows; r++)
			exercise_field(&f->columns[c], r < f->nrows
							   ? schema_cell_choices(f, &f->rows[r], c)
							   : NULL);
	for (size_t i = 0; i < f->nfields; i++)
		exercise_field(&f->fields[i], NULL);
}

static enum kaigi_status load_one(const char *buf, size_t len, int with_shipped)
{
	struct schema_set set;
	struct kaigi_error err;
	if (schema_set_init(&set, &err) != KAIGI_OK)
		abort();
	/* Small, so that a runaway expression costs little fuzzing time. */
	expr_engine_set_budget(set.eng, 20000);
	struct kaigi_diags context = {0}, diags = {0};
	if (with_shipped) {
		schema_load_dir(&set, KAIGI_SOURCE_FORMS_DIR, &context);
		schema_set_next_layer(&set);
	}
	size_t before = set.nforms + set.nmeetings;
	enum kaigi_status st = schema_load_buffer(&set, "fuzz.yaml", buf, len, &diags);
	check(st == KAIGI_OK || st == KAIGI_EDATA, "status is OK or EDATA");
	check((st == KAIGI_OK) == (diags.n == 0), "an error comes with a diagnostic");
	for (size_t i = 0; i < diags.n; i++) {
		const struct kaigi_error *d = &diags.v[i];
		check(strcmp(d->file, "fuzz.yaml") == 0, "a diagnostic names the file");
		check(d->line >= 1 && d->col >= 1, "a diagnostic has a line and a column");
		check(d->msg[0] != '\0', "a diagnostic has a message");
		char line[2200];
		kaigi_error_format(d, line, sizeof line);
	}
	if (st != KAIGI_OK)
		check(set.nforms + set.nmeetings == before, "a file with errors adds nothing");
	kaigi_diags_free(&diags);

	for (size_t i = 0; i < set.nforms; i++) {
		const struct schema_form *form = set.forms[i];
		if (strcmp(form->source, "fuzz.yaml") != 0)
			continue;
		for (size_t s = 0; s < form->nsections; s++)
			for (size_t k = 0; k < form->sections[s].nfields; k++)
				exercise_field(&form->sections[s].fields[k], NULL);
	}
	struct kaigi_diags cross = {0};
	schema_set_check(&set, &cross);
	kaigi_diags_sort(&cross);
	kaigi_diags_free(&cross);
	kaigi_diags_free(&context);
	schema_set_free(&set);
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Loading the shipped forms costs a millisecond: only a file that is
	 * valid on its own goes on to be checked against them. */
	if (load_one((const char *)data, size, 0) == KAIGI_OK)
		load_one((const char *)data, size, 1);
	return 0;
}
