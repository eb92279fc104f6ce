// SPDX-License-Identifier: MIT
/* ui_record.c — a record with its expressions evaluated (see ui_record.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/calc.h"
#include "kaigi/hash.h"
#include "kaigi/xalloc.h"
#include "ui_record.h"

/* The answers by path (open addressing, at most half full) and the runs of
 * items per list field, rebuilt each time the record is read. */
struct list_run {
	const char *field;
	size_t first, n;
};
struct ui_rec_index {
	const struct store_answer **slot;
	size_t mask;
	struct list_run *runs;
	size_t nruns;
};

static uint64_t path_hash(const char *field, const char *item, const char *col)
{
	uint64_t h = KAIGI_FNV_OFFSET;
	const char *parts[3] = {field, item, col};
	for (int k = 0; k < 3; k++)
		h = kaigi_fnv1a_byte(kaigi_fnv1a(h, parts[k]), 0xff);
	return h;
}

static void index_free(struct ui_rec *rec)
{
	if (!rec->idx)
		return;
	free(rec->idx->slot);
	free(rec->idx->runs);
	free(rec->idx);
	rec->idx = NULL;
}

static void index_build(struct ui_rec *rec)
{
	index_free(rec);
	struct ui_rec_index *ix = xcalloc(1, sizeof *ix);
	size_t cap = 16;
	while (cap < 2 * rec->r.nanswers)
		cap *= 2;
	ix->slot = xcalloc(cap, sizeof *ix->slot);
	ix->mask = cap - 1;
	for (size_t i = 0; i < rec->r.nanswers; i++) {
		const struct store_answer *a = &rec->r.answers[i];
		size_t k = (size_t)path_hash(a->field, a->item, a->col) & ix->mask;
		while (ix->slot[k])
			k = (k + 1) & ix->mask;
		ix->slot[k] = a;
	}
	size_t cap_runs = 0;
	for (size_t i = 0; i < rec->r.nitems; i++) {
		const char *f = rec->r.items[i].field;
		if (ix->nruns && strcmp(ix->runs[ix->nruns - 1].field, f) == 0) {
			ix->runs[ix->nruns - 1].n++;
			continue;
		}
		ix->runs = xgrow(ix->runs, ix->nruns, &cap_runs, sizeof *ix->runs);
		ix->runs[ix->nruns++] = (struct list_run){f, i, 1};
	}
	rec->idx = ix;
}

enum kaigi_status ui_rec_load(struct ui_rec *rec, struct store *st, const char *id,
			      const struct schema_form *form, struct kaigi_error *err)
{
	memset(rec, 0, sizeof *rec);
	rec->form = form;
	rec->st = st;
	snprintf(rec->id, sizeof rec->id, "%s", id ? id : "");
	if (!rec->id[0])
		return KAIGI_OK;
	return ui_rec_reload(rec, st, err);
}

enum kaigi_status ui_rec_reload(struct ui_rec *rec, struct store *st, struct kaigi_error *err)
{
	if (!rec->id[0])
		return KAIGI_OK;
	struct store_record r;
	enum kaigi_status s = store_record_get(st, rec->id, &r, err);
	if (s != KAIGI_OK)
		return s;
	store_record_clear(&rec->r);
	rec->r = r;
	index_build(rec);
	return KAIGI_OK;
}

void ui_rec_free(struct ui_rec *rec)
{
	index_free(rec);
	store_record_clear(&rec->r);
	memset(rec, 0, sizeof *rec);
}

const struct kaigi_value *ui_rec_value(const struct ui_rec *rec, const char *field,
				       const char *item, const char *col)
{
	if (!rec->id[0] || !rec->idx)
		return NULL;
	item = item ? item : "";
	col = col ? col : "";
	const struct ui_rec_index *ix = rec->idx;
	for (size_t k = (size_t)path_hash(field, item, col) & ix->mask; ix->slot[k];
	     k = (k + 1) & ix->mask) {
		const struct store_answer *a = ix->slot[k];
		if (strcmp(a->field, field) == 0 && strcmp(a->item, item) == 0 &&
		    strcmp(a->col, col) == 0)
			return &a->value;
	}
	return NULL;
}

struct scope {
	const struct ui_rec *rec;
	const struct schema_field *top; /* grid or list, or NULL */
	const char *item;
	struct schema_calc_memo *memo; /* each calculated field once (calc.h) */
};

static int lookup(void *ctx, const char *name, struct kaigi_value *out);

static void eval_calc(struct scope *sc, const struct schema_field *f, struct kaigi_value *out)
{
	schema_calc_eval(sc->memo, sc->rec->form, f, lookup, sc, out);
}

static int lookup(void *ctx, const char *name, struct kaigi_value *out)
{
	struct scope *sc = ctx;
	if (sc->top) {
		const struct schema_field *sib = schema_subfield_find(sc->top, name);
		if (sib) {
			if (sib->type == SCHEMA_CALCULATE) {
				eval_calc(sc, sib, out);
				return 0;
			}
			const struct kaigi_value *v =
			    ui_rec_value(sc->rec, sc->top->id, sc->item, name);
			if (v)
				kaigi_value_copy(out, v);
			else
				kaigi_value_clear(out);
			return 0;
		}
	}
	const struct schema_field *f = schema_field_find(sc->rec->form, name);
	if (!f)
		return -1;
	if (f->type == SCHEMA_CALCULATE) {
		struct scope top = {sc->rec, NULL, NULL, sc->memo};
		eval_calc(&top, f, out);
		return 0;
	}
	kaigi_value_clear(out);
	if (f->type == SCHEMA_GRID || f->type == SCHEMA_LIST)
		return 0;
	const struct kaigi_value *v = ui_rec_value(sc->rec, f->id, NULL, NULL);
	if (v)
		kaigi_value_copy(out, v);
	return 0;
}

void ui_rec_eval(const struct ui_rec *rec, const struct schema_field *top,
		 const struct schema_field *f, const char *item, struct kaigi_value *out)
{
	kaigi_value_clear(out);
	if (f->type == SCHEMA_CALCULATE) {
		struct schema_calc_memo memo = SCHEMA_CALC_MEMO_INIT;
		struct scope sc = {rec, top, item, &memo};
		eval_calc(&sc, f, out);
		schema_calc_memo_free(&memo);
		return;
	}
	const struct kaigi_value *v =
	    top ? ui_rec_value(rec, top->id, item, f->id) : ui_rec_value(rec, f->id, NULL, NULL);
	if (v)
		kaigi_value_copy(out, v);
}

bool ui_rec_relevant(const struct ui_rec *rec, const struct schema_field *top,
		     const struct schema_field *f, const char *item)
{
	if (!f->relevant)
		return true;
	struct schema_calc_memo memo = SCHEMA_CALC_MEMO_INIT;
	struct scope sc = {rec, top, item, &memo};
	struct kaigi_value v = {0};
	struct kaigi_error err;
	bool show = true;
	/* A relevance that cannot be evaluated shows the field: hiding it
	 * could hide an answer. */
	if (expr_eval(f->relevant, lookup, &sc, &v, &err) == KAIGI_OK)
		show = kaigi_value_truthy(&v);
	kaigi_value_clear(&v);
	schema_calc_memo_free(&memo);
	return show;
}

size_t ui_rec_items(const struct ui_rec *rec, const char *field, const struct store_item **first)
{
	*first = NULL;
	for (size_t i = 0; rec->idx && i < rec->idx->nruns; i++)
		if (strcmp(rec->idx->runs[i].field, field) == 0) {
			*first = &rec->r.items[rec->idx->runs[i].first];
			return rec->idx->runs[i].n;
		}
	return 0;
}
