/* SPDX-License-Identifier: MIT */
/*
 * store_spec.h — what the roll-ups of the forms' answers (store_tally.c,
 * store_compare.c, store_kpi.c) share: the JSON array that hands SQL what
 * the installed forms declare (the spec), its hash (which forms a kept row
 * was counted for), and the query run over it.
 */
#ifndef KAIGI_STORE_SPEC_H
#define KAIGI_STORE_SPEC_H

#include "kaigi/strbuf.h"
#include "store_internal.h"

/* A spec being written: the text, and whether an entry was written yet. */
struct store_spec_buf {
	struct strbuf b;
	bool first;
};

/* What to put between entries: "" before the first, "," after. */
const char *store_spec_sep(struct store_spec_buf *s);

/* Appends what one form declares, as entries of the array. */
typedef void (*store_spec_form_fn)(struct store_spec_buf *s, const struct schema_form *form);

/* A roll-up's query over the spec. */
struct store_spec_query {
	char *spec;      /* "[entry, …]": each form's entries */
	long long hash;  /* FNV-1a of spec */
	sqlite3_stmt *q; /* the query, cached (store_stmt), bound */
};

/* Keeps the rows of the period not kept yet for the spec (a writer only;
 * errors leave the work to the query). */
typedef void (*store_spec_fill_fn)(struct store *st, const struct store_period *p, const char *spec,
				   long long hash);
/* Binds the query's parameters: the period, the spec, its hash and what
 * else arg says (a roll-up's own). */
typedef void (*store_spec_bind_fn)(sqlite3_stmt *q, const struct store_period *p, const char *spec,
				   long long hash, const void *arg);

/* A roll-up: its query and how its spec is made, kept and bound. */
struct store_spec_rollup {
	const char *sql;
	store_spec_form_fn form;
	store_spec_fill_fn fill; /* NULL: nothing is kept */
	store_spec_bind_fn bind;
};

/* The spec of st's forms and its hash, r->fill run with them, then r's
 * query bound for p and arg: true, or false with err filled and nothing to
 * close. */
bool store_spec_open(struct store *st, const struct store_spec_rollup *r,
		     const struct store_period *p, const void *arg, struct store_spec_query *sq,
		     struct kaigi_error *err);
/* Clear the query's bindings and free the spec. */
void store_spec_close(struct store_spec_query *sq);
/* Open r's query, hand each row to row(q, ctx) (store_each) and close it. */
enum kaigi_status store_spec_each(struct store *st, const struct store_spec_rollup *r,
				  const struct store_period *p, const void *arg, store_row_fn row,
				  void *ctx, const char *what, struct kaigi_error *err);

#endif
