// SPDX-License-Identifier: MIT
/*
 * ui_case_check.c — before a case is closed: what required answers are
 * still missing, as a list that jumps to each one, or closes the case
 * anyway.  Hidden (not relevant) fields are not asked for.
 *
 * Under time pressure the check must not cost keys: it asks only about
 * forms this meeting uses for this case — the follow-up review form (the
 * one with an `evaluations` list, doc/followup.md) only for a case that
 * follows an earlier review, or one in which something was typed — and
 * its first, default answer is "close anyway" (Enter).  An empty
 * follow-up report date (`followup_date`) is flagged even where the form
 * does not require it: the room always sets one (「毎回必ずその後の支援経過を報告」).
 *
 * Text typed but not kept — a refused value (a date that does not exist)
 * or typing cut short — is a draft (kaigi/draft.h): each one is listed
 * first, ［未確定］ with its text, and jumps to its field, so nothing the
 * room said is closed away unseen.
 *
 * The regional issues a case raises stay in its form (case_plan's
 * `regional_issues`), where the roll-up counts them; putting one in the
 * town's register is a decision of the policy meeting, not of closing a
 * case (store.h, "regional issues").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/draft.h"
#include "kaigi/field_ids.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_case.h"
#include "ui_popup.h"

void ui_case_missing_free(struct case_scr *cs)
{
	for (size_t i = 0; i < cs->nmiss; i++)
		free(cs->miss[i].text);
	free(cs->miss);
	cs->miss = NULL;
	cs->nmiss = 0;
}

static void add(struct case_scr *cs, struct case_missing m)
{
	cs->miss = xreallocarray(cs->miss, cs->nmiss + 1, sizeof *cs->miss);
	cs->miss[cs->nmiss++] = m;
}

static bool empty(const struct ui_rec *rec, const struct schema_field *top,
		  const struct schema_field *f, const char *item)
{
	const struct kaigi_value *v =
	    top ? ui_rec_value(rec, top->id, item, f->id) : ui_rec_value(rec, f->id, NULL, NULL);
	return !v || v->type == KAIGI_NULL || (v->type == KAIGI_TEXT && !*v->s);
}

static void check_list(struct ui *ui, struct case_scr *cs, size_t r, size_t s,
		       const struct schema_field *list, const char *where)
{
	const struct ui_rec *rec = &cs->recs[r];
	const struct store_item *items;
	size_t n = ui_rec_items(rec, list->id, &items);
	if (n < list->min_items || (list->required && n == 0))
		add(cs, (struct case_missing){r, s, list, NULL, 0,
					      xasprintf(_("%s › %s: at least %zu item(s)"), where,
							schema_label_get(&list->label, ui->lang),
							list->min_items ? list->min_items : 1)});
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < list->nfields; j++) {
			const struct schema_field *f = &list->fields[j];
			if (!f->required || f->type == SCHEMA_CALCULATE ||
			    !ui_rec_relevant(rec, list, f, items[i].id) ||
			    !empty(rec, list, f, items[i].id))
				continue;
			add(cs, (struct case_missing){
				    r, s, list, f, i,
				    xasprintf("%s › %s %zu › %s", where,
					      schema_label_get(&list->label, ui->lang), i + 1,
					      schema_label_get(&f->label, ui->lang))});
		}
}

/* Whether this case uses the form of rec (see the top of the file). */
static bool form_used(const struct case_scr *cs, const struct ui_rec *rec)
{
	if (cs->c.follows[0] || !schema_field_find(rec->form, KAIGI_FIELD_EVALUATIONS))
		return true;
	return rec->r.nanswers > 0 || rec->r.nitems > 0;
}

/* A field the close check asks for when it is empty. */
static bool asked(const struct schema_field *f)
{
	return (f->required || strcmp(f->id, KAIGI_FIELD_FOLLOWUP_DATE) == 0) &&
	       f->type != SCHEMA_GRID && f->type != SCHEMA_CALCULATE && f->type != SCHEMA_LIST;
}

/* The section of rec's form that holds the top-level field id. */
static bool field_at(const struct ui_rec *rec, const char *id, size_t *sect,
		     const struct schema_field **f)
{
	for (size_t s = 0; s < rec->form->nsections; s++)
		for (size_t i = 0; i < rec->form->sections[s].nfields; i++)
			if (strcmp(rec->form->sections[s].fields[i].id, id) == 0) {
				*sect = s;
				*f = &rec->form->sections[s].fields[i];
				return true;
			}
	return false;
}

/* The drafts of the case's records: typed, not kept. */
static void find_drafts(struct ui *ui, struct case_scr *cs)
{
	struct kaigi_error err;
	size_t total = 0;
	if (store_draft_count_case(ui->st, cs->c.id, &total, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	for (size_t r = 0; total && r < cs->nrecs; r++) {
		const struct ui_rec *rec = &cs->recs[r];
		struct store_draft *d = NULL;
		size_t n = 0;
		if (!rec->id[0] || store_draft_list(ui->st, rec->id, &d, &n, &err) != KAIGI_OK)
			continue;
		for (size_t k = 0; k < n; k++) {
			size_t sect;
			const struct schema_field *f;
			if (!field_at(rec, d[k].field, &sect, &f))
				continue;
			/* one line of the draft's text, cut to fit */
			char *text = utf8_visible(d[k].text ? d[k].text : "", false);
			text[utf8_prefix_for_width(text, 30)] = '\0';
			add(cs, (struct case_missing){
				    r, sect, f, NULL, 0,
				    xasprintf("%s%s › %s: %s", _("[not valid] "),
					      schema_label_get(&rec->form->sections[sect].title,
							       ui->lang),
					      schema_label_get(&f->label, ui->lang), text)});
			free(text);
		}
		store_drafts_free(d, n);
	}
}

static void find_missing(struct ui *ui, struct case_scr *cs)
{
	ui_case_missing_free(cs);
	find_drafts(ui, cs);
	for (size_t r = 0; r < cs->nrecs; r++) {
		const struct ui_rec *rec = &cs->recs[r];
		if (!rec->id[0] || !form_used(cs, rec))
			continue;
		for (size_t s = 0; s < rec->form->nsections; s++) {
			const struct schema_section *sec = &rec->form->sections[s];
			const char *where = schema_label_get(&sec->title, ui->lang);
			for (size_t i = 0; i < sec->nfields; i++) {
				const struct schema_field *f = &sec->fields[i];
				if (!ui_rec_relevant(rec, NULL, f, NULL))
					continue;
				if (f->type == SCHEMA_LIST) {
					check_list(ui, cs, r, s, f, where);
				} else if (asked(f) && empty(rec, NULL, f, NULL)) {
					add(cs,
					    (struct case_missing){
						r, s, f, NULL, 0,
						xasprintf("%s › %s", where,
							  schema_label_get(&f->label, ui->lang))});
				}
			}
		}
	}
}

static void check_chosen(struct ui *ui, void *owner, bool chosen, const char *value);

void ui_case_check_open(struct ui *ui, struct case_scr *cs, ui_case_check_answer_fn *answer)
{
	cs->check_answer = answer;
	find_missing(ui, cs);
	if (cs->nmiss == 0) {
		answer(ui, cs, NULL);
		return;
	}
	char title[160];
	snprintf(title, sizeof title, _("Still missing (%zu): Enter closes, or choose one"),
		 cs->nmiss);
	struct ui_select sel = {0};
	ui_select_begin(&sel, title, false, 0);
	ui_select_add(&sel, "close", _("→ Close the case anyway (all is saved)"), false);
	for (size_t i = 0; i < cs->nmiss; i++) {
		char value[24];
		snprintf(value, sizeof value, "%zu", i);
		ui_select_add(&sel, value, cs->miss[i].text, false);
	}
	ui_select_show(&sel);
	sel.cur = 0; /* Enter closes: everything is saved, the room moves on */
	ui_popup_select(ui, &sel, NULL, check_chosen, cs);
}

/* The pop-up answered: the case's owner is told which (it has gone). */
static void check_chosen(struct ui *ui, void *owner, bool chosen, const char *value)
{
	struct case_scr *cs = owner;
	if (!chosen || !value)
		return;
	if (strcmp(value, "close") == 0) {
		cs->check_answer(ui, cs, NULL);
		return;
	}
	size_t k = (size_t)atol(value);
	if (k < cs->nmiss)
		cs->check_answer(ui, cs, &cs->miss[k]);
}
