// SPDX-License-Identifier: MIT
/*
 * schema_set.c — the loaded forms and templates, held, replaced and freed,
 * and the checks that span files.  Lookups are in schema_find.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

enum kaigi_status schema_set_init(struct schema_set *set, struct kaigi_error *err)
{
	memset(set, 0, sizeof *set);
	return expr_engine_open(&set->eng, err);
}

void schema_form_free(struct schema_form *form)
{
	if (form == NULL)
		return;
	free(form->id);
	schema_label_free(&form->title);
	schema_label_free(&form->description);
	free(form->source);
	for (size_t i = 0; i < form->nsections; i++) {
		struct schema_section *s = &form->sections[i];
		for (size_t j = 0; j < s->nfields; j++)
			schema_field_free(&s->fields[j]);
		free(s->fields);
		free(s->id);
		free(s->phase);
		schema_label_free(&s->title);
	}
	free(form->sections);
	for (size_t i = 0; i < form->nlists; i++)
		schema_choice_list_free(&form->lists[i]);
	free(form->lists);
	free(form);
}

void schema_set_free(struct schema_set *set)
{
	for (size_t i = 0; i < set->nforms; i++)
		schema_form_free(set->forms[i]);
	free(set->forms);
	for (size_t i = 0; i < set->nmeetings; i++)
		schema_meeting_free(set->meetings[i]);
	free(set->meetings);
	/* After the forms: their expressions were compiled on the engine. */
	expr_engine_close(set->eng);
	memset(set, 0, sizeof *set);
}

void schema_set_next_layer(struct schema_set *set)
{
	set->layer++;
}

void schema_set_add_form(struct schema_set *set, struct schema_form *form)
{
	for (size_t i = 0; i < set->nforms; i++)
		if (strcmp(set->forms[i]->id, form->id) == 0) {
			schema_form_free(set->forms[i]);
			set->forms[i] = form;
			return;
		}
	set->forms = xreallocarray(set->forms, set->nforms + 1, sizeof *set->forms);
	set->forms[set->nforms++] = form;
}

void schema_set_add_meeting(struct schema_set *set, struct schema_meeting *m)
{
	for (size_t i = 0; i < set->nmeetings; i++)
		if (strcmp(set->meetings[i]->id, m->id) == 0) {
			schema_meeting_free(set->meetings[i]);
			set->meetings[i] = m;
			return;
		}
	set->meetings = xreallocarray(set->meetings, set->nmeetings + 1, sizeof *set->meetings);
	set->meetings[set->nmeetings++] = m;
}

/* Does any template use form?  Is phase one of theirs? */
static void phases_of(const struct schema_set *set, const char *form_id, bool *used,
		      struct strbuf *names)
{
	*used = false;
	for (size_t i = 0; i < set->nmeetings; i++) {
		const struct schema_meeting *m = set->meetings[i];
		bool uses = false;
		for (size_t j = 0; j < m->nforms; j++)
			if (strcmp(m->forms[j], form_id) == 0)
				uses = true;
		if (!uses)
			continue;
		*used = true;
		for (size_t j = 0; j < m->nphases; j++) {
			const char *p = m->phases[j].id;
			size_t plen = strlen(p);
			/* Keep the list free of repeats: " a b " style search. */
			const char *s = strbuf_str(names);
			bool seen = false;
			for (const char *q = strstr(s, p); q; q = strstr(q + 1, p))
				if ((q == s || q[-1] == ' ') && (q[plen] == ' ' || q[plen] == '\0'))
					seen = true;
			if (!seen)
				strbuf_appendf(names, "%s%s", names->len ? " " : "", p);
		}
	}
}

static bool word_in(const char *words, const char *w)
{
	size_t n = strlen(w);
	for (const char *q = strstr(words, w); q; q = strstr(q + 1, w))
		if ((q == words || q[-1] == ' ') && (q[n] == ' ' || q[n] == '\0'))
			return true;
	return false;
}

static void check_field_refs(const struct schema_set *set, const struct schema_form *form,
			     const struct schema_field *f, bool used, const char *phases,
			     struct kaigi_diags *d)
{
	if (f->phase && used && !word_in(phases, f->phase))
		kaigi_diags_add(d, KAIGI_EDATA, form->source, f->pos.line, f->pos.col,
				"phase '%s' of field '%s' is not a phase of any meeting template "
				"that uses form '%s' (phases there: %s)",
				f->phase, f->id, form->id, phases);
	const struct schema_choices_from *cf = f->choices_from;
	if (cf && cf->form) {
		const struct schema_form *other = schema_form_find(set, cf->form);
		const struct schema_field *src = other ? schema_field_find(other, cf->field) : NULL;
		if (other == NULL)
			kaigi_diags_add(d, KAIGI_EDATA, form->source, cf->pos.line, cf->pos.col,
					"choices_from: no form '%s' is installed", cf->form);
		else if (src == NULL || (src->type != SCHEMA_GRID && src->type != SCHEMA_LIST))
			kaigi_diags_add(d, KAIGI_EDATA, form->source, cf->pos.line, cf->pos.col,
					"choices_from: form '%s' has no grid or list field '%s'",
					cf->form, cf->field);
		else if (src->type == SCHEMA_LIST &&
			 (cf->label_field == NULL || !schema_subfield_find(src, cf->label_field)))
			kaigi_diags_add(d, KAIGI_EDATA, form->source, cf->pos.line, cf->pos.col,
					"choices_from: 'label' must name a field of list '%s' in "
					"form '%s'",
					cf->field, cf->form);
	}
	for (size_t i = 0; i < f->ncolumns; i++)
		check_field_refs(set, form, &f->columns[i], used, phases, d);
	for (size_t i = 0; i < f->nfields; i++)
		check_field_refs(set, form, &f->fields[i], used, phases, d);
}

enum kaigi_status schema_set_check(const struct schema_set *set, struct kaigi_diags *diags)
{
	size_t before = diags->n;
	for (size_t i = 0; i < set->nmeetings; i++) {
		const struct schema_meeting *m = set->meetings[i];
		for (size_t j = 0; j < m->nforms; j++)
			if (schema_form_find(set, m->forms[j]) == NULL)
				kaigi_diags_add(
				    diags, KAIGI_EDATA, m->source, m->forms_pos[j].line,
				    m->forms_pos[j].col,
				    "meeting '%s' uses form '%s', which is not installed", m->id,
				    m->forms[j]);
		for (size_t j = 0; j < m->nmeeting_forms; j++)
			if (schema_form_find(set, m->meeting_forms[j]) == NULL)
				kaigi_diags_add(diags, KAIGI_EDATA, m->source,
						m->meeting_forms_pos[j].line,
						m->meeting_forms_pos[j].col,
						"meeting '%s' uses form '%s' for itself, which is "
						"not installed",
						m->id, m->meeting_forms[j]);
	}
	for (size_t i = 0; i < set->nforms; i++) {
		const struct schema_form *form = set->forms[i];
		struct strbuf phases = STRBUF_INIT;
		bool used;
		phases_of(set, form->id, &used, &phases);
		for (size_t s = 0; s < form->nsections; s++) {
			const struct schema_section *sec = &form->sections[s];
			for (size_t k = 0; k < sec->nfields; k++)
				check_field_refs(set, form, &sec->fields[k], used,
						 strbuf_str(&phases), diags);
		}
		strbuf_free(&phases);
	}
	return diags->n > before ? KAIGI_EDATA : KAIGI_OK;
}
