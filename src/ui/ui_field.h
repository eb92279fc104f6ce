/* SPDX-License-Identifier: MIT */
/*
 * ui_field.h — what an answer looks like on screen, and what can be chosen
 * for it: choice labels in the UI's language, choices taken from the
 * record (the case's own issues, hindering factors) or from another form's
 * grid rows, yes/no for booleans, units after numbers.
 */
#ifndef KAIGI_UI_FIELD_H
#define KAIGI_UI_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
#include "ui_app.h"
#include "ui_record.h"

struct ui_choice {
	char *value;
	char *label;
};

struct ui_choices {
	struct ui_choice *v;
	size_t n;
};

void ui_choices_free(struct ui_choices *c);

/*
 * The choices of field f: the row's override in a grid (row and col), its
 * own list, the items or rows named by choices_from (rec may be NULL: no
 * items), or yes/no for a boolean.  out is filled (caller frees).
 */
void ui_field_choices(const struct ui *ui, const struct ui_rec *rec, const struct schema_field *top,
		      const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		      struct ui_choices *out);

/* Whether f is answered by picking from a list. */
bool ui_field_is_choice(const struct schema_field *f);

/*
 * v as the screen shows it: choice labels (joined by 、 or ,), yes/no, the
 * unit after a number.  "" for NULL.  Caller frees.
 */
char *ui_field_show(const struct ui *ui, const struct ui_rec *rec, const struct schema_field *top,
		    const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		    const struct kaigi_value *v);

/* The field's label in the UI's language, with " *" when required. */
const char *ui_field_label(const struct ui *ui, const struct schema_field *f);

/* A person's sex code (F, M, X) as the short word the UI shows. */
const char *ui_sex_label(const char *sex);

#endif
