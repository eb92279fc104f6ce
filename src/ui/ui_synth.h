/* SPDX-License-Identifier: MIT */
/*
 * ui_synth.h — form fields made at run time for what is not a form: the
 * facts of a meeting, a participant, a case.  They let those pages use the
 * same page, editors and autosave as the forms (ui_form.h).  Labels are
 * the UI's own translated strings.
 */
#ifndef KAIGI_UI_SYNTH_H
#define KAIGI_UI_SYNTH_H

#include <stddef.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "ui_form.h"

struct ui_synth {
	struct schema_field *fields;
	size_t n, cap;
	struct schema_choice_list **lists;
	size_t nlists;
};

/* Add a field (label and hint are copied); returns it (valid until the
 * next add). */
struct schema_field *ui_synth_add(struct ui_synth *s, const char *id, enum schema_type type,
				  const char *label, const char *hint);
/* Give the last field added a choice list (values and labels copied). */
void ui_synth_choice(struct ui_synth *s, const char *value, const char *label);
void ui_synth_free(struct ui_synth *s);
/* Free page fm over the made fields s, and the fields (both may be made
 * again after). */
void ui_synth_page_free(struct ui_form *fm, struct ui_synth *s);

/* Pages over made fields keep their values in an array v, one a field,
 * named by a table of ids, and read and save them through their source
 * (ui_src.values, .index, .put in ui_form.h).  ui_synth_index: the index
 * of id among ids[n] (-1: none). */
int ui_synth_index(const char *const *ids, int n, const char *id);
/* Clear the n values v of a page. */
void ui_synth_values_clear(struct kaigi_value *v, int n);
/* *v as text typed (NULL or "" unsets it). */
void ui_synth_value_set(struct kaigi_value *v, const char *text);

/* A page source over a form record: values from ui_rec, saves through
 * store_answer_save, then the record is read again. */
struct ui_src ui_src_record(struct ui_rec *rec);

#endif
