// SPDX-License-Identifier: MIT
/*
 * store_spec.c — the spec of the installed forms that the tally, outcome
 * and care-level roll-ups hand to SQL, its hash, and the opening of their
 * query over it (store_spec.h).
 */
#include <stdlib.h>

#include "kaigi/hash.h"
#include "store_spec.h"

const char *store_spec_sep(struct store_spec_buf *s)
{
	if (s->first) {
		s->first = false;
		return "";
	}
	return ",";
}

/* FNV-1a of the spec: which forms a kept row was counted for.  Its start
 * is not FNV's offset (a digit short), and stays so: the tally's kept rows
 * in towns' databases carry hashes made from it. */
static long long spec_hash(const char *spec)
{
	return (long long)(kaigi_fnv1a(1469598103934665603ULL, spec) >> 1);
}

bool store_spec_open(struct store *st, const struct store_spec_rollup *r,
		     const struct store_period *p, const void *arg, struct store_spec_query *sq,
		     struct kaigi_error *err)
{
	struct store_spec_buf s = {STRBUF_INIT, true};
	strbuf_append(&s.b, "[");
	for (size_t i = 0; st->forms && i < st->forms->nforms; i++)
		r->form(&s, st->forms->forms[i]);
	strbuf_append(&s.b, "]");
	sq->spec = strbuf_take(&s.b);
	sq->hash = spec_hash(sq->spec);
	if (r->fill)
		r->fill(st, p, sq->spec, sq->hash);
	sq->q = store_stmt(st, r->sql, err);
	if (!sq->q) {
		free(sq->spec);
		sq->spec = NULL;
		return false;
	}
	r->bind(sq->q, p, sq->spec, sq->hash, arg);
	return true;
}

void store_spec_close(struct store_spec_query *sq)
{
	sqlite3_clear_bindings(sq->q);
	free(sq->spec);
	sq->spec = NULL;
}

enum kaigi_status store_spec_each(struct store *st, const struct store_spec_rollup *r,
				  const struct store_period *p, const void *arg, store_row_fn row,
				  void *ctx, const char *what, struct kaigi_error *err)
{
	struct store_spec_query sq;
	if (!store_spec_open(st, r, p, arg, &sq, err))
		return err->status;
	enum kaigi_status s = store_each(st, sq.q, row, ctx, what, err);
	store_spec_close(&sq);
	return s;
}
