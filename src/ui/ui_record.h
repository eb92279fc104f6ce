/* SPDX-License-Identifier: MIT */
/*
 * ui_record.h — one filled form as the UI shows it: the record read whole
 * from the store, with the form's expressions evaluated over it.
 *
 * Values are looked up in the record read after the last save, so what the
 * screen shows is what is stored.  Reading it builds an index of its answers
 * by path and of its lists by field, so that a page costs what it shows,
 * not what the record holds (16,000 answers, a list of 1,000 items).  Expressions follow the
 * engine's scope (doc/forms.md): inside a grid row or list item the sibling cells shadow the form's
 * fields; calculated fields are computed on demand, never stored; grids and lists read as
 * unanswered.
 */
#ifndef KAIGI_UI_RECORD_H
#define KAIGI_UI_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"

struct ui_rec_index;

struct ui_rec {
	char id[STORE_ID_SIZE]; /* "" when there is no record (read-only) */
	const struct schema_form *form;
	struct store *st; /* borrowed: where it is read from and saved to */
	struct store_record r;
	struct ui_rec_index *idx; /* answers by path, lists by field (ui_record.c) */
};

/* Read record id of form (id "" gives an empty record). */
enum kaigi_status ui_rec_load(struct ui_rec *rec, struct store *st, const char *id,
			      const struct schema_form *form, struct kaigi_error *err);
/* Read it again after a change. */
enum kaigi_status ui_rec_reload(struct ui_rec *rec, struct store *st, struct kaigi_error *err);
void ui_rec_free(struct ui_rec *rec);

/* The stored value at field / item / col (NULLs for a plain field), or
 * NULL when unanswered. */
const struct kaigi_value *ui_rec_value(const struct ui_rec *rec, const char *field,
				       const char *item, const char *col);

/*
 * f's value as the form computes it: for a calculated field its
 * expression, else the stored value.  top is the grid or list holding f
 * (NULL for a top-level field) and item its row id or item id.  out is
 * cleared first; caller clears it.
 */
void ui_rec_eval(const struct ui_rec *rec, const struct schema_field *top,
		 const struct schema_field *f, const char *item, struct kaigi_value *out);

/* Whether f is shown: no `relevant`, or it is true now. */
bool ui_rec_relevant(const struct ui_rec *rec, const struct schema_field *top,
		     const struct schema_field *f, const char *item);

/* The items of list field, in order: *first points into rec->r.items.
 * Returns how many. */
size_t ui_rec_items(const struct ui_rec *rec, const char *field, const struct store_item **first);

#endif
