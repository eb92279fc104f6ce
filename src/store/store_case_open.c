// SPDX-License-Identifier: MIT
/*
 * store_case_open.c — opening a case review for the room: its meeting,
 * person, template and place on the agenda, a follow-up started from last
 * time, one record per form of the template, and the review it follows.
 * The running-case screen asks for all of it in one call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/case_open.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_case_open_clear(struct store_case_open *o)
{
	store_meeting_clear(&o->m);
	store_case_clear(&o->c);
	store_person_clear(&o->p);
	store_case_clear(&o->prev);
	free(o->forms);
	memset(o, 0, sizeof *o);
}

/* The 1-based place of case_id on the meeting's agenda, and how many
 * cases it holds (both 0 when the agenda cannot be read). */
static void agenda_place(struct store *st, struct store_case_open *o, const char *meeting_id,
			 const char *case_id)
{
	struct kaigi_error err;
	struct store_case_list all;
	if (store_case_list(st, meeting_id, &all, &err) != KAIGI_OK)
		return;
	o->ncases = all.n;
	for (size_t i = 0; i < all.n; i++)
		if (strcmp(all.v[i].id, case_id) == 0)
			o->case_no = i + 1;
	store_case_list_free(&all);
}

/* The record of each installed form of the template: made (look_only
 * false) or found. */
static void forms_ready(struct store *st, struct store_case_open *o, const char *meeting_id,
			const char *case_id, bool look_only, size_t max_forms,
			struct kaigi_diags *warnings)
{
	struct kaigi_error err;
	struct store_record_list existing = {0};
	if (look_only)
		store_record_list(st, meeting_id, case_id, &existing, &err);
	o->forms = xcalloc(o->tpl->nforms ? o->tpl->nforms : 1, sizeof *o->forms);
	for (size_t i = 0; i < o->tpl->nforms && o->nforms < max_forms; i++) {
		const struct schema_form *form = schema_form_find(st->forms, o->tpl->forms[i]);
		if (!form)
			continue;
		struct store_case_form *cf = &o->forms[o->nforms++];
		cf->form = form;
		if (!look_only) {
			if (store_record_ensure(st, meeting_id, case_id, form->id, cf->record_id,
						&err) != KAIGI_OK) {
				kaigi_diags_add_error(warnings, &err);
				cf->record_id[0] = '\0';
			}
		} else {
			for (size_t j = 0; j < existing.n; j++)
				if (strcmp(existing.v[j].form, form->id) == 0)
					snprintf(cf->record_id, sizeof cf->record_id, "%s",
						 existing.v[j].id);
		}
	}
	store_record_list_free(&existing);
}

enum kaigi_status store_case_open(struct store *st, const char *meeting_id, const char *case_id,
				  bool look_only, size_t max_forms, struct store_case_open *out,
				  struct kaigi_diags *warnings, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	if (store_meeting_get(st, meeting_id, &out->m, err) != KAIGI_OK ||
	    store_case_get(st, case_id, &out->c, err) != KAIGI_OK ||
	    store_person_get(st, out->c.person_id, NULL, &out->p, err) != KAIGI_OK) {
		store_case_open_clear(out);
		return err->status;
	}
	out->tpl = st->forms ? schema_meeting_find(st->forms, out->m.template_id) : NULL;
	if (!out->tpl)
		return KAIGI_OK;
	agenda_place(st, out, meeting_id, case_id);
	/* A follow-up starts from last time: its evaluation form lists the
	 * open short-term goals, its grids carry the last ratings (made once;
	 * the forms it already has are left alone). */
	if (out->c.follows[0] && !look_only) {
		struct kaigi_error perr;
		struct store_prefill pf;
		if (store_followup_prefill(st, case_id, &pf, &perr) != KAIGI_OK)
			kaigi_diags_add_error(warnings, &perr);
		else if (pf.records)
			out->prefilled = pf;
	}
	forms_ready(st, out, meeting_id, case_id, look_only, max_forms, warnings);
	if (out->c.follows[0]) {
		struct kaigi_error perr;
		if (store_case_get(st, out->c.follows, &out->prev, &perr) != KAIGI_OK)
			store_case_clear(&out->prev);
	}
	return KAIGI_OK;
}
