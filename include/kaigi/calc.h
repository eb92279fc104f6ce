/* SPDX-License-Identifier: MIT */
/*
 * calc.h — evaluating calculated fields, each once per evaluation.
 *
 * A calculated field reads other answers, some of them calculated too.
 * Evaluated naively, a form whose calculated fields read each other in
 * layers repeats every shared sub-result (12 layers of 6: 6^12 times).  A
 * memo, made for one evaluation (one change of one record), keeps each
 * calculated field's value the first time it is computed, so every field is
 * evaluated at most once per change.  Cycles are refused when the form is
 * loaded (schema_exprcheck.c); one met here anyway reads as unanswered.
 */
#ifndef KAIGI_CALC_H
#define KAIGI_CALC_H

#include "kaigi/expr.h"
#include "kaigi/schema.h"
#include "kaigi/value.h"

struct schema_calc_memo {
	size_t n;
	struct kaigi_value *v;
	unsigned char *state; /* 0 not yet, 1 being computed, 2 done */
};

#define SCHEMA_CALC_MEMO_INIT                                                                      \
	{                                                                                          \
		0, NULL, NULL                                                                      \
	}

/*
 * The value of calculated field f (f->calculate evaluated with lookup and
 * ctx) into out, computed the first time and copied from m afterwards; a
 * failed evaluation, or a field met again while it is being computed, reads
 * as unanswered.  form sizes m on first use.
 */
void schema_calc_eval(struct schema_calc_memo *m, const struct schema_form *form,
		      const struct schema_field *f, expr_lookup_fn lookup, void *ctx,
		      struct kaigi_value *out);
void schema_calc_memo_free(struct schema_calc_memo *m);

#endif
