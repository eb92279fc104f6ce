// SPDX-License-Identifier: MIT
/*
 * ui_case_check.c — closing a case: what required answers are still
 * missing, as a list that jumps to each one (or closes the case anyway);
 * then the regional issues the case revealed go to the town's register.
 *
 * The register (store_issue_*) is what the policy-level meeting rolls up
 * across cases and years; a case records its regional issues in its form
 * (the list `regional_issues` of case_plan, item `statement`, the ids
 * doc/reports.md names too).  Closing the case links each statement to the
 * register, by title, so the same issue seen in several cases counts once
 * per case.  Hidden (not relevant) fields are not asked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_case.h"

void case_missing_free(struct case_scr *cs)
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

static void find_missing(struct ui *ui, struct case_scr *cs)
{
	case_missing_free(cs);
	for (size_t r = 0; r < cs->nrecs; r++) {
		const struct ui_rec *rec = &cs->recs[r];
		if (!rec->id[0])
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
				} else if (f->required && f->type != SCHEMA_GRID &&
					   f->type != SCHEMA_CALCULATE &&
					   empty(rec, NULL, f, NULL)) {
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

/* The register's policy kind for the form's choice (resources → resource). */
static const char *policy_of(const char *form_value)
{
	if (!form_value)
		return NULL;
	if (strcmp(form_value, "cooperation") == 0 || strcmp(form_value, "programme") == 0)
		return form_value;
	if (strcmp(form_value, "resources") == 0 || strcmp(form_value, "resource") == 0)
		return "resource";
	return NULL;
}

/* Link one statement to the register (creating the issue when new). */
static bool register_one(struct ui *ui, struct case_scr *cs, const struct store_issue_list *all,
			 const char *title, const char *policy, struct kaigi_error *err)
{
	struct store_issue is;
	memset(&is, 0, sizeof is);
	for (size_t i = 0; i < all->n; i++)
		if (strcmp(all->v[i].title, title) == 0)
			snprintf(is.id, sizeof is.id, "%s", all->v[i].id);
	if (!is.id[0]) {
		is.title = (char *)title;
		is.policy = (char *)policy;
		is.status = (char *)"open";
		if (store_issue_save(ui->st, &is, err) != KAIGI_OK)
			return false;
	}
	return store_issue_link(ui->st, is.id, cs->c.id, NULL, err) == KAIGI_OK;
}

static void register_regional(struct ui *ui, struct case_scr *cs)
{
	if (ui->read_only)
		return;
	struct store_issue_list all = {0};
	struct kaigi_error err;
	kaigi_error_clear(&err);
	bool listed = false;
	size_t n = 0;
	for (size_t r = 0; r < cs->nrecs; r++) {
		const struct ui_rec *rec = &cs->recs[r];
		const struct schema_field *list = schema_field_find(rec->form, "regional_issues");
		if (!rec->id[0] || !list || list->type != SCHEMA_LIST ||
		    !schema_subfield_find(list, "statement"))
			continue;
		const struct store_item *items;
		size_t k = ui_rec_items(rec, list->id, &items);
		for (size_t i = 0; i < k; i++) {
			const struct kaigi_value *t =
			    ui_rec_value(rec, list->id, items[i].id, "statement");
			const struct kaigi_value *p =
			    ui_rec_value(rec, list->id, items[i].id, "policy");
			if (!t || t->type != KAIGI_TEXT || !*t->s)
				continue;
			if (!listed &&
			    store_issue_rollup(ui->st, NULL, NULL, &all, &err) != KAIGI_OK)
				break;
			listed = true;
			if (!register_one(ui, cs, &all, t->s,
					  policy_of(p && p->type == KAIGI_TEXT ? p->s : NULL),
					  &err))
				break;
			n++;
		}
	}
	store_issue_list_free(&all);
	if (err.msg[0])
		ui_msg_error(ui, &err);
	else if (n)
		ui_msg(ui, UI_MSG_INFO,
		       _("Case closed; everything is saved. %zu regional issue(s) "
			 "registered for the town's roll-up."),
		       n);
}

void case_check_open(struct ui *ui, struct case_scr *cs)
{
	/* Save what is being typed first: it may be what was missing. */
	if (cs->have_item)
		ui_form_flush(ui, &cs->item);
	if (cs->have_page)
		ui_form_flush(ui, &cs->page);
	find_missing(ui, cs);
	if (cs->nmiss == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("Case closed; everything is saved."));
		register_regional(ui, cs);
		case_leave(ui, cs);
		return;
	}
	char title[160];
	snprintf(title, sizeof title, _("Still missing (%zu): Enter goes there"), cs->nmiss);
	ui_select_begin(&cs->sel, title, false, 0);
	ui_select_add(&cs->sel, "close", _("→ Close the case anyway (all is saved)"), false);
	for (size_t i = 0; i < cs->nmiss; i++) {
		char value[24];
		snprintf(value, sizeof value, "%zu", i);
		ui_select_add(&cs->sel, value, cs->miss[i].text, false);
	}
	ui_select_show(&cs->sel);
	cs->sel.cur = 1; /* the first thing missing, not "close anyway" */
	cs->sel_tag = CSEL_CHECK;
}

void case_check_chosen(struct ui *ui, struct case_scr *cs, const char *value)
{
	if (strcmp(value, "close") == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("Case closed; everything is saved."));
		register_regional(ui, cs);
		case_leave(ui, cs);
		return;
	}
	size_t k = (size_t)atol(value);
	if (k >= cs->nmiss)
		return;
	const struct case_missing *m = &cs->miss[k];
	for (size_t i = 0; i < cs->nside; i++) {
		if (cs->side[i].kind != CS_SECTION || cs->side[i].rec != m->rec ||
		    cs->side[i].sect != m->sect)
			continue;
		case_side_open(ui, cs, i);
		cs->focus_side = false;
		if (!cs->have_page)
			return;
		if (!m->sub) {
			ui_form_focus_field(&cs->page, m->f->id);
			return;
		}
		for (size_t r = 0; r < cs->page.nrows; r++)
			if (cs->page.rows[r].kind == UI_ROW_ITEM && cs->page.rows[r].f == m->f &&
			    cs->page.rows[r].item == m->item)
				cs->page.cur = r;
		case_item_open(ui, cs, ui_form_item_id(&cs->page));
		if (cs->have_item)
			ui_form_focus_field(&cs->item, m->sub->id);
		return;
	}
}
