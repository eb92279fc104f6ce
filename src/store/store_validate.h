/* SPDX-License-Identifier: MIT */
/*
 * store_validate.h — checking one answer against its form, shared by
 * store_answer_save() and the importer.
 */
#ifndef KAIGI_STORE_VALIDATE_H
#define KAIGI_STORE_VALIDATE_H

#include "store_internal.h"

/* The field an answer path designates, and what applies to it. */
struct answer_target {
	const struct schema_form *form;
	const struct schema_field *top; /* the top-level field */
	const struct schema_field *f;   /* the field holding the value */
	const struct schema_grid_row *row;
	const struct schema_choice_list *choices; /* for f in this cell */
};

/*
 * Resolve path within form: the field exists, a grid cell names a row and a
 * column that apply, a list path names an item field (the item itself is
 * checked by the caller against the database), a plain path has no item or
 * column.  Calculated fields are refused.  KAIGI_EDATA with the reason.
 */
enum kaigi_status answer_target_resolve(const struct schema_form *form,
					const struct store_path *path, struct answer_target *t,
					struct kaigi_error *err);

/*
 * Parse text for t (schema_value_parse), check choices taken from the
 * record (list item numbers, grid rows of another form), then the field's
 * constraint with the record's other answers read from the database and
 * this value in place of the stored one.  *out holds the value (NULL for
 * "") and is cleared on failure.  Must run inside the save's transaction.
 */
enum kaigi_status answer_value_check(struct store *st, const char *record_id,
				     const struct answer_target *t, const struct store_path *path,
				     const char *text, struct kaigi_value *out,
				     struct kaigi_error *err);

/* The date of the meeting record_id belongs to ("YYYY-MM-DD") into date;
 * false (and "") when there is none.  A period typed as a length starts in
 * its month. */
bool answer_meeting_date(struct store *st, const char *record_id, char date[11]);

/* Check the stored value at path again, now that the whole record is
 * written (the importer): choices taken from the record, then the
 * constraint. */
enum kaigi_status answer_recheck(struct store *st, const char *record_id,
				 const struct answer_target *t, const struct store_path *path,
				 struct kaigi_error *err);

#endif
