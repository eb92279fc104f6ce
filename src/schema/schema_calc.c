// SPDX-License-Identifier: MIT
/* schema_calc.c — calculated fields, each evaluated once per change (calc.h). */
#include "kaigi/calc.h"

#include <stdlib.h>

#include "kaigi/xalloc.h"

void schema_calc_eval(struct schema_calc_memo *m, const struct schema_form *form,
		      const struct schema_field *f, expr_lookup_fn lookup, void *ctx,
		      struct kaigi_value *out)
{
	kaigi_value_clear(out);
	if (!f->calculate)
		return;
	size_t k = f->calc_slot;
	if (k == 0 || k > form->ncalc) { /* not a field of this form: no memo */
		struct kaigi_error err;
		if (expr_eval(f->calculate, lookup, ctx, out, &err) != KAIGI_OK)
			kaigi_value_clear(out);
		return;
	}
	k--;
	if (m->n == 0) {
		m->n = form->ncalc;
		m->v = xcalloc(m->n, sizeof *m->v);
		m->state = xcalloc(m->n, 1);
	}
	if (k >= m->n || m->state[k] == 1)
		return;
	if (m->state[k] == 0) {
		m->state[k] = 1;
		struct kaigi_error err;
		if (expr_eval(f->calculate, lookup, ctx, &m->v[k], &err) != KAIGI_OK)
			kaigi_value_clear(&m->v[k]); /* a failed calculation reads as unanswered */
		m->state[k] = 2;
	}
	kaigi_value_copy(out, &m->v[k]);
}

void schema_calc_memo_free(struct schema_calc_memo *m)
{
	for (size_t i = 0; i < m->n; i++)
		kaigi_value_clear(&m->v[i]);
	free(m->v);
	free(m->state);
	*m = (struct schema_calc_memo)SCHEMA_CALC_MEMO_INIT;
}
