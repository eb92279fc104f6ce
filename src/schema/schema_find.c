// SPDX-License-Identifier: MIT
/*
 * schema_find.c — lookups in what is loaded: a form or template by id, a
 * field (or its former id), a grid row, a cell's choices, a choice's
 * index, a cell's value as its code.  The parsers, the checks and the
 * rest of kaigi call these; they call only the labels (schema_label.c).
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "schema_internal.h"

const struct schema_form *schema_form_find(const struct schema_set *set, const char *id)
{
	for (size_t i = 0; i < set->nforms; i++)
		if (strcmp(set->forms[i]->id, id) == 0)
			return set->forms[i];
	return NULL;
}

const struct schema_meeting *schema_meeting_find(const struct schema_set *set, const char *id)
{
	for (size_t i = 0; i < set->nmeetings; i++)
		if (strcmp(set->meetings[i]->id, id) == 0)
			return set->meetings[i];
	return NULL;
}

/* The field of v[0..n) whose id (or, with former, whose `formerly`) is id. */
static const struct schema_field *field_in(const struct schema_field *v, size_t n, const char *id,
					   bool former)
{
	for (size_t i = 0; i < n; i++) {
		const char *key = former ? v[i].formerly : v[i].id;
		if (key && strcmp(key, id) == 0)
			return &v[i];
	}
	return NULL;
}

/* The top-level field of form named id (or formerly id). */
static const struct schema_field *field_in_form(const struct schema_form *form, const char *id,
						bool former)
{
	for (size_t s = 0; s < form->nsections; s++) {
		const struct schema_field *f =
		    field_in(form->sections[s].fields, form->sections[s].nfields, id, former);
		if (f)
			return f;
	}
	return NULL;
}

const struct schema_field *schema_field_find(const struct schema_form *form, const char *id)
{
	return field_in_form(form, id, false);
}

const struct schema_field *schema_subfield_find(const struct schema_field *parent, const char *id)
{
	const struct schema_field *f = field_in(parent->columns, parent->ncolumns, id, false);
	return f ? f : field_in(parent->fields, parent->nfields, id, false);
}

const struct schema_field *schema_field_find_former(const struct schema_form *form,
						    const struct schema_field *parent,
						    const char *id)
{
	if (!parent)
		return field_in_form(form, id, true);
	const struct schema_field *f = field_in(parent->fields, parent->nfields, id, true);
	return f ? f : field_in(parent->columns, parent->ncolumns, id, true);
}

const struct schema_grid_row *schema_row_find(const struct schema_field *grid, const char *id)
{
	for (size_t i = 0; i < grid->nrows; i++)
		if (grid->rows[i].id && strcmp(grid->rows[i].id, id) == 0)
			return &grid->rows[i];
	return NULL;
}

const struct schema_choice_list *schema_cell_choices(const struct schema_field *grid,
						     const struct schema_grid_row *row, size_t col)
{
	if (col >= grid->ncolumns)
		return NULL;
	if (row && row->overrides && row->overrides[col])
		return row->overrides[col];
	return grid->columns[col].choices;
}

int schema_choice_find(const struct schema_choice_list *list, const char *value)
{
	for (size_t i = 0; list && i < list->n; i++)
		if (strcmp(list->v[i].value, value) == 0)
			return (int)i;
	return -1;
}

char *schema_cell_code(const struct schema_field *grid, const struct schema_grid_row *row,
		       size_t col, const struct kaigi_value *v, const char *lang)
{
	if (!v || v->type == KAIGI_NULL)
		return NULL;
	char *text = kaigi_value_to_text(v);
	const struct schema_choice_list *cl = schema_cell_choices(grid, row, col);
	int i = cl ? schema_choice_find(cl, text) : -1;
	if (i < 0)
		return text;
	free(text);
	const struct schema_label *l = &cl->v[i].label;
	size_t n = l->ja ? strlen(l->ja) : 0;
	if (n && l->en && strncmp(l->en, l->ja, n) == 0 && l->en[n] == ' ')
		return xstrdup(l->ja);
	return xstrdup(schema_label_get(l, lang));
}
