// SPDX-License-Identifier: MIT
/*
 * ui_meeting_people.c — the participants of a meeting: name, organisation
 * and profession as three fields (the profession from the town's list,
 * config.h, or "other" written as said: a dentist, a 司法書士), the part
 * played (司会, 事例提供者), marked present, added by hand or quickly from
 * the people of earlier meetings.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/config.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_meeting.h"

enum { PV_NAME, PV_ORG, PV_PROF, PV_PROF_OTHER, PV_ROLE, PV_PRESENT, PV_COUNT };
static const char *const pv_ids[PV_COUNT] = {"name",       "organisation", "profession",
					     "prof_other", "role",         "present"};
/* The choice that opens "other (write it)" on the profession. */
#define PROF_OTHER "__other"

/* The profession's label (the town's list, then the template's expected
 * professions), else NULL: words typed for "other". */
static const char *prof_label(struct ui *ui, const struct meeting_scr *ms, const char *id)
{
	return config_profession_name(ui->config, ms->tpl, id, ui->lang);
}

static const char *role_label(const char *role)
{
	if (role && strcmp(role, "facilitator") == 0)
		return _("Facilitator");
	if (role && strcmp(role, "presenter") == 0)
		return _("Case presenter");
	return role ? role : "";
}

const char *ui_people_who_label(struct ui *ui, const struct meeting_scr *ms,
				const struct store_participant *p)
{
	if (p->profession) {
		const char *l = prof_label(ui, ms, p->profession);
		return l ? l : p->profession;
	}
	return role_label(p->role);
}

void ui_people_load(struct ui *ui, struct meeting_scr *ms)
{
	store_participant_list_free(&ms->people);
	struct kaigi_error err;
	if (store_participant_list(ui->st, ms->m.id, &ms->people, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	ui_cursor_clamp(&ms->pcur, ms->people.n);
}

static size_t people_rows(struct ui *ui, struct meeting_scr *ms, size_t **cur)
{
	(void)ui;
	*cur = &ms->pcur;
	return ms->people.n;
}

static void pe_values(struct ui *ui, struct meeting_scr *ms)
{
	const char *prof = ms->pe.profession;
	bool listed = prof && prof_label(ui, ms, prof);
	ui_synth_value_set(&ms->pv[PV_NAME], ms->pe.name);
	ui_synth_value_set(&ms->pv[PV_ORG], ms->pe.organisation);
	ui_synth_value_set(&ms->pv[PV_PROF], listed ? prof : prof ? PROF_OTHER : NULL);
	ui_synth_value_set(&ms->pv[PV_PROF_OTHER], listed ? NULL : prof);
	ui_synth_value_set(&ms->pv[PV_ROLE], ms->pe.role);
	kaigi_value_set_int(&ms->pv[PV_PRESENT], ms->pe.present ? 1 : 0);
}

static int pv_of(const char *id)
{
	return ui_synth_index(pv_ids, PV_COUNT, id);
}

static void set_str(char **slot, const char *text)
{
	free(*slot);
	*slot = text && *text ? xstrdup(text) : NULL;
}

/* Words typed for "other" that are a listed profession's label or id are
 * kept as that profession, so 歯科医師 typed is counted with 歯科医師 chosen. */
static const char *prof_from_words(struct ui *ui, const char *text)
{
	size_t n;
	const struct config_profession *v = config_professions(ui->config, &n);
	for (size_t i = 0; text && i < n; i++)
		if (strcmp(v[i].id, text) == 0 ||
		    (v[i].label.ja && strcmp(v[i].label.ja, text) == 0) ||
		    (v[i].label.en && strcmp(v[i].label.en, text) == 0))
			return v[i].id;
	return text;
}

static enum kaigi_status pe_put(void *ctx, int i, const char *text, struct kaigi_error *err)
{
	struct meeting_scr *ms = ctx;
	struct store_participant p = ms->pe;
	/* Work on a copy so that a refused save changes nothing. */
	p.name = xstrdup_or_null(ms->pe.name);
	p.organisation = xstrdup_or_null(ms->pe.organisation);
	p.profession = xstrdup_or_null(ms->pe.profession);
	p.role = xstrdup_or_null(ms->pe.role);
	switch (i) {
	case PV_NAME:
		set_str(&p.name, text);
		break;
	case PV_ORG:
		set_str(&p.organisation, text);
		break;
	case PV_PROF:
		/* "Other": the words typed in the next field are the profession. */
		if (text && strcmp(text, PROF_OTHER) == 0) {
			if (p.profession && prof_label(ms->ui, ms, p.profession))
				set_str(&p.profession, NULL);
		} else {
			set_str(&p.profession, text);
		}
		break;
	case PV_PROF_OTHER:
		set_str(&p.profession, prof_from_words(ms->ui, text));
		break;
	case PV_ROLE:
		set_str(&p.role, text);
		break;
	case PV_PRESENT:
		p.present = text && (strcmp(text, "1") == 0);
		break;
	default:
		break;
	}
	enum kaigi_status s = store_participant_save(ms->ui->st, &p, err);
	if (s == KAIGI_OK) {
		store_participant_clear(&ms->pe);
		ms->pe = p;
		pe_values(ms->ui, ms);
		/* "Other" chosen with nothing typed yet still shows as other. */
		if (i == PV_PROF && text && strcmp(text, PROF_OTHER) == 0)
			ui_synth_value_set(&ms->pv[PV_PROF], PROF_OTHER);
	} else {
		store_participant_clear(&p);
	}
	return s;
}

static void participant_copy(struct store_participant *to, const struct store_participant *p)
{
	*to = *p;
	to->name = xstrdup_or_null(p->name);
	to->organisation = xstrdup_or_null(p->organisation);
	to->profession = xstrdup_or_null(p->profession);
	to->role = xstrdup_or_null(p->role);
}

/* Open the participant page on p (copied) or on a new one. */
static void page_open(struct ui *ui, struct meeting_scr *ms, const struct store_participant *p)
{
	if (!ui_writable(ui))
		return;
	ui_synth_page_free(&ms->pform, &ms->pf);
	store_participant_clear(&ms->pe);
	if (p) {
		participant_copy(&ms->pe, p);
	} else {
		snprintf(ms->pe.meeting_id, sizeof ms->pe.meeting_id, "%s", ms->m.id);
		ms->pe.ord = (int)ms->people.n;
		ms->pe.present = true;
	}
	pe_values(ui, ms);
	struct schema_field *f = ui_synth_add(&ms->pf, "name", SCHEMA_TEXT, _("Name"),
					      _("As the room calls them; the summary can hide it"));
	f->required = true;
	ui_synth_add(&ms->pf, "organisation", SCHEMA_TEXT, _("Organisation"),
		     _("The body they come from, e.g. 〇〇病院"));
	/* Professions: the template's expected ones first, then the rest of
	 * the town's list (config.h), then "other (write it)". */
	ui_synth_add(&ms->pf, "profession", SCHEMA_SELECT_ONE, _("Profession"),
		     _("Not on the list: choose \"Other\" and write it below"));
	for (size_t i = 0; ms->tpl && i < ms->tpl->nroles; i++)
		ui_synth_choice(&ms->pf, ms->tpl->roles[i].id,
				prof_label(ui, ms, ms->tpl->roles[i].id));
	size_t np;
	const struct config_profession *pl = config_professions(ui->config, &np);
	for (size_t i = 0; i < np; i++) {
		bool dup = false;
		for (size_t j = 0; ms->tpl && j < ms->tpl->nroles; j++)
			dup |= strcmp(ms->tpl->roles[j].id, pl[i].id) == 0;
		if (!dup)
			ui_synth_choice(&ms->pf, pl[i].id,
					schema_label_get(&pl[i].label, ui->lang));
	}
	ui_synth_choice(&ms->pf, PROF_OTHER, _("Other (write it)"));
	ui_synth_add(&ms->pf, "prof_other", SCHEMA_TEXT, _("Other profession"),
		     _("Written as the person says it, e.g. 司法書士"));
	ui_synth_add(&ms->pf, "role", SCHEMA_SELECT_ONE, _("Part in the meeting"), NULL);
	ui_synth_choice(&ms->pf, "facilitator", _("Facilitator"));
	ui_synth_choice(&ms->pf, "presenter", _("Case presenter"));
	ui_synth_add(&ms->pf, "present", SCHEMA_BOOLEAN, _("Present"), NULL);
	struct ui_src src = {.ctx = ms, .values = ms->pv, .index = pv_of, .put = pe_put};
	ui_form_init(&ms->pform, src, ms->pf.fields, ms->pf.n,
		     p ? _("Participant") : _("New participant"));
	ui_form_rebuild(ui, &ms->pform);
	ms->pedit = true;
	if (!p)
		ui_form_edit(ui, &ms->pform); /* type the name at once */
}

void ui_people_free(struct meeting_scr *ms)
{
	store_participant_list_free(&ms->people);
	ui_synth_page_free(&ms->pform, &ms->pf);
	store_participant_clear(&ms->pe);
	store_participant_clear(&ms->undo);
	ui_synth_values_clear(ms->pv, PV_COUNT);
}

static void quick_add_open(struct ui *ui, struct meeting_scr *ms)
{
	if (!ui_writable(ui))
		return;
	store_participant_list_free(&ms->recent);
	struct kaigi_error err;
	if (store_participant_recent(ui->st, ms->m.id, 300, &ms->recent, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	if (ms->recent.n == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("Nobody from earlier meetings to add."));
		return;
	}
	ui_select_begin(&ms->sel, _("Add from earlier meetings (Space ticks several)"), true, 0);
	for (size_t i = 0; i < ms->recent.n; i++) {
		const struct store_participant *p = &ms->recent.v[i];
		char value[24];
		snprintf(value, sizeof value, "%zu", i);
		char *label =
		    xasprintf("%s  %s  %s", p->name, p->organisation ? p->organisation : "",
			      ui_people_who_label(ui, ms, p));
		ui_select_add(&ms->sel, value, label, false);
		free(label);
	}
	ui_select_show(&ms->sel);
	ms->sel_tag = MSEL_QUICK_ADD;
}

void ui_people_quick_add(struct ui *ui, struct meeting_scr *ms, const char *value)
{
	char *copy = xstrdup(value);
	char *save = NULL;
	size_t added = 0;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		size_t i = (size_t)atol(t);
		if (i >= ms->recent.n)
			continue;
		struct store_participant p = ms->recent.v[i];
		p.id[0] = '\0';
		snprintf(p.meeting_id, sizeof p.meeting_id, "%s", ms->m.id);
		p.ord = (int)(ms->people.n + added);
		p.present = true;
		struct kaigi_error err;
		if (store_participant_save(ui->st, &p, &err) != KAIGI_OK)
			ui_msg_error(ui, &err);
		else
			added++;
	}
	free(copy);
	if (added) {
		ui_saved(ui);
		ui_people_load(ui, ms);
		ms->pcur = ms->people.n ? ms->people.n - 1 : 0;
		ui_msg(ui, UI_MSG_INFO, _("%zu added."), added);
	}
}

static void toggle_present(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->pcur >= ms->people.n || !ui_writable(ui))
		return;
	struct store_participant *p = &ms->people.v[ms->pcur];
	p->present = !p->present;
	struct kaigi_error err;
	if (store_participant_save(ui->st, p, &err) != KAIGI_OK) {
		p->present = !p->present;
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
}

static void delete_person(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->pcur >= ms->people.n || !ui_writable(ui))
		return;
	struct store_participant *p = &ms->people.v[ms->pcur];
	struct kaigi_error err;
	if (store_participant_delete(ui->st, p->id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	store_participant_clear(&ms->undo);
	participant_copy(&ms->undo, p);
	ms->undo_have = true;
	ui_saved(ui);
	ui_people_load(ui, ms);
	ui_msg(ui, UI_MSG_INFO, "%s", _("Removed. Press u to bring them back."));
}

static void undo_person(struct ui *ui, struct meeting_scr *ms)
{
	if (!ms->undo_have) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("Nothing to undo."));
		return;
	}
	struct kaigi_error err;
	if (store_participant_save(ui->st, &ms->undo, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ms->undo_have = false;
	store_participant_clear(&ms->undo);
	ui_saved(ui);
	ui_people_load(ui, ms);
}

/* Enter and → open the highlighted participant's page (a new one's
 * below the list); a adds someone. */
static void page_at_cursor(struct ui *ui, struct meeting_scr *ms)
{
	page_open(ui, ms, ms->pcur < ms->people.n ? &ms->people.v[ms->pcur] : NULL);
}

static void page_new(struct ui *ui, struct meeting_scr *ms)
{
	page_open(ui, ms, NULL);
}

static const struct ui_meeting_act people_acts[] = {
    {UI_ACT_EDIT, page_at_cursor},   {UI_ACT_RIGHT, page_at_cursor},
    {UI_ACT_ADD, page_new},          {UI_ACT_QUICK_ADD, quick_add_open},
    {UI_ACT_TOGGLE, toggle_present}, {UI_ACT_DELETE, delete_person},
    {UI_ACT_UNDO, undo_person},      {UI_ACT_NONE, NULL},
};

static void people_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused)
{
	if (ms->pedit) {
		ui_form_draw(ui, &ms->pform, r, focused);
		return;
	}
	size_t present = 0;
	for (size_t i = 0; i < ms->people.n; i++)
		present += ms->people.v[i].present;
	char head[256];
	snprintf(head, sizeof head, _("Participants: %zu (%zu present)"), ms->people.n, present);
	ui_put_cut(r.y, r.x, r.w, head, ui_attr(ui, UI_A_HEADING), false);
	if (ms->people.n == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   _("Nobody yet. a: add someone, i: add people from earlier meetings."),
			   ui_attr(ui, UI_A_DIM), false);
		return;
	}
	int rows = r.h - 1;
	ui_cursor_show(ms->pcur, &ms->ptop, rows);
	int nw = r.w / 4, ow = r.w / 3;
	for (int i = 0; i < rows && ms->ptop + (size_t)i < ms->people.n; i++) {
		size_t k = ms->ptop + (size_t)i;
		const struct store_participant *p = &ms->people.v[k];
		int y = r.y + 1 + i;
		int a = k == ms->pcur && focused ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		ui_fill(y, r.x, r.w, a);
		ui_put(y, r.x, 2, p->present ? "✓" : "·",
		       k == ms->pcur && focused ? a
		       : p->present             ? ui_attr(ui, UI_A_OK)
						: ui_attr(ui, UI_A_DIM),
		       false);
		ui_put_cut(y, r.x + 2, nw - 1, p->name, a, false);
		ui_put_cut(y, r.x + 2 + nw, ow - 1, p->organisation ? p->organisation : "", a,
			   false);
		ui_put_cut(y, r.x + 2 + nw + ow, r.w - 2 - nw - ow, ui_people_who_label(ui, ms, p),
			   a, false);
	}
}

const struct ui_meeting_list ui_people_list = {UI_CTX_PEOPLE, people_rows, people_draw,
					       people_acts,   NULL,        MCONF_NONE};
