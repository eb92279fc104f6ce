// SPDX-License-Identifier: MIT
/*
 * ui_meeting_agenda.c — the cases of a meeting: a new case (with the next
 * free case code) or follow-ups of cases reviewed before — those whose
 * follow-up report falls due by the meeting's date listed first — in an
 * order the facilitator can change; the highlighted follow-up shows what
 * was agreed last time, h its whole history.  Enter runs the case.
 *
 * People are pseudonymous in lists and handouts: a case code, initials,
 * an age band, sex and area.  Who the person is (name, kana, birth date,
 * address, phone, insured number) is kept on the case page only, in
 * fields marked sensitive, stored apart (kaigi/identity.h).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/followup.h"
#include "kaigi/identity.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_field.h"
#include "ui_meeting.h"
#include "ui_plan.h"
#include "ui_readback.h"
#include "ui_screens.h"

/* The case page: the pseudonymous person, the presenter, then the
 * person's identity (kaigi/identity.h: sensitive, never in a handout). */
enum {
	CV_CODE,
	CV_INITIALS,
	CV_AGE,
	CV_SEX,
	CV_AREA,
	CV_PRESENTER,
	CV_IDENTITY, /* + enum store_identity_field */
	CV_COUNT = CV_IDENTITY + IDENTITY_FIELD_COUNT
};
static const char *const cv_ids[CV_IDENTITY] = {"code", "initials", "age_band",
						"sex",  "area",     "presenter"};

char *ui_agenda_case_line(struct ui *ui, const struct meeting_scr *ms, size_t i)
{
	(void)ui;
	const struct store_case *c = &ms->cases.v[i];
	const struct store_person *p = &ms->persons[i];
	/* A closed case (the close check) is finished: ✓ before anything else
	 * is cut off the line. */
	return xasprintf("%zu. %s%s%s  %s %s %s  %s", i + 1, c->closed ? _("✓ ") : "",
			 c->person_code ? c->person_code : "",
			 c->follows[0] ? _(" ↻follow-up") : "", p->initials ? p->initials : "",
			 p->age_band ? p->age_band : "", ui_sex_label(p->sex),
			 c->presenter ? c->presenter : "");
}

static void prev_free(struct meeting_scr *ms)
{
	for (size_t i = 0; i < ms->nprev; i++)
		ui_rec_free(&ms->prev[i]);
	ms->nprev = 0;
	ms->prev_case[0] = '\0';
}

/* The cases and the person of each. */
static void cases_clear(struct meeting_scr *ms)
{
	if (ms->persons)
		for (size_t i = 0; i < ms->cases.n; i++)
			store_person_clear(&ms->persons[i]);
	free(ms->persons);
	ms->persons = NULL;
	store_case_list_free(&ms->cases);
}

void ui_agenda_load(struct ui *ui, struct meeting_scr *ms)
{
	cases_clear(ms);
	struct kaigi_error err;
	if (store_case_list(ui->st, ms->m.id, &ms->cases, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	ms->persons = xcalloc(ms->cases.n ? ms->cases.n : 1, sizeof *ms->persons);
	for (size_t i = 0; i < ms->cases.n; i++)
		store_person_get(ui->st, ms->cases.v[i].person_id, NULL, &ms->persons[i], &err);
	ui_cursor_clamp(&ms->acur, ms->cases.n);
	prev_free(ms);
	ms->agreed_w = 0; /* the close page reads the cases again */
	/* Planning the meeting: whose follow-up report falls due by its date. */
	ms->ndue = 0;
	struct store_due_list due;
	const char *date = ms->m.f[STORE_MEETING_DATE];
	if (date && store_followup_due(ui->st, date, ms->m.id, 100, &due, &err) == KAIGI_OK) {
		ms->ndue = due.n;
		store_due_list_free(&due);
	}
}

static size_t agenda_rows(struct ui *ui, struct meeting_scr *ms, size_t **cur)
{
	(void)ui;
	*cur = &ms->acur;
	return ms->cases.n;
}

void ui_agenda_free(struct meeting_scr *ms)
{
	cases_clear(ms);
	ui_synth_page_free(&ms->cform, &ms->cf);
	ui_synth_values_clear(ms->cv, CV_COUNT);
	prev_free(ms);
}

/* ---- the case page ----------------------------------------------------- */

static void cv_fill(struct meeting_scr *ms)
{
	const struct store_case *c = &ms->cases.v[ms->acur];
	const struct store_person *p = &ms->persons[ms->acur];
	ui_synth_value_set(&ms->cv[CV_CODE], p->code);
	ui_synth_value_set(&ms->cv[CV_INITIALS], p->initials);
	ui_synth_value_set(&ms->cv[CV_AGE], p->age_band);
	ui_synth_value_set(&ms->cv[CV_SEX], p->sex);
	ui_synth_value_set(&ms->cv[CV_AREA], p->area);
	ui_synth_value_set(&ms->cv[CV_PRESENTER], c->presenter);
	struct store_identity id = {0};
	struct kaigi_error err;
	if (store_identity_get(ms->ui->st, p->id, &id, &err) != KAIGI_OK)
		ui_msg_error(ms->ui, &err);
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		ui_synth_value_set(&ms->cv[CV_IDENTITY + i], id.v[i]);
	store_identity_clear(&id);
}

static int cv_of(const char *id)
{
	int i = ui_synth_index(cv_ids, CV_IDENTITY, id);
	if (i >= 0)
		return i;
	for (int j = 0; j < IDENTITY_FIELD_COUNT; j++)
		if (strcmp(store_identity_key(j), id) == 0)
			return CV_IDENTITY + j;
	return -1;
}

/* Save one identity value, keeping the others. */
static enum kaigi_status identity_save(struct meeting_scr *ms, int which, const char *v,
				       struct kaigi_error *err)
{
	struct store_identity id = {0};
	const char *person = ms->persons[ms->acur].id;
	enum kaigi_status s = store_identity_get(ms->ui->st, person, &id, err);
	if (s == KAIGI_OK) {
		free(id.v[which - CV_IDENTITY]);
		id.v[which - CV_IDENTITY] = v ? xstrdup(v) : NULL;
		s = store_identity_save(ms->ui->st, person, &id, err);
	}
	store_identity_clear(&id);
	return s;
}

static enum kaigi_status case_put(void *ctx, int which, const char *text, struct kaigi_error *err)
{
	struct meeting_scr *ms = ctx;
	struct ui *ui = ms->ui;
	const char *v = text && *text ? text : NULL;
	enum kaigi_status s;
	if (which >= CV_IDENTITY) {
		s = identity_save(ms, which, v, err);
	} else if (which == CV_PRESENTER) {
		struct store_case c = ms->cases.v[ms->acur];
		c.presenter = (char *)v;
		s = store_case_save(ui->st, &c, err);
	} else {
		struct store_person p = ms->persons[ms->acur];
		char **slot = which == CV_CODE       ? &p.code
			      : which == CV_INITIALS ? &p.initials
			      : which == CV_AGE      ? &p.age_band
			      : which == CV_SEX      ? &p.sex
						     : &p.area;
		*slot = (char *)v;
		s = store_person_save(ui->st, &p, err);
	}
	if (s == KAIGI_OK) {
		size_t keep = ms->acur;
		ui_agenda_load(ui, ms);
		ms->acur = keep;
		cv_fill(ms);
	}
	return s;
}

static void page_open(struct ui *ui, struct meeting_scr *ms, const char *focus, bool edit)
{
	if (ms->acur >= ms->cases.n || !ui_writable(ui))
		return;
	ui_synth_page_free(&ms->cform, &ms->cf);
	struct schema_field *f = ui_synth_add(&ms->cf, "code", SCHEMA_TEXT, _("Case code"),
					      _("Unique; the summary shows this, not a name"));
	f->required = true;
	ui_synth_add(&ms->cf, "initials", SCHEMA_TEXT, _("Initials"), _("Never the full name"));
	ui_synth_add(&ms->cf, "age_band", SCHEMA_TEXT, _("Age band"), _("e.g. 80代 / 80s"));
	ui_synth_add(&ms->cf, "sex", SCHEMA_SELECT_ONE, _("Sex"), NULL);
	ui_synth_choice(&ms->cf, "F", _("Female"));
	ui_synth_choice(&ms->cf, "M", _("Male"));
	ui_synth_choice(&ms->cf, "X", _("Other / not given"));
	ui_synth_add(&ms->cf, "area", SCHEMA_TEXT, _("Area"), _("Daily-life area (日常生活圏域)"));
	ui_synth_add(&ms->cf, "presenter", SCHEMA_TEXT, _("Presenter"),
		     _("Who presents the case: role or office, e.g. 居宅介護支援事業所A"));
	/* Identity: sensitive, so never printed in a handout; its values are
	 * also hidden wherever they are typed into free text. */
	static const struct {
		const char *label, *hint;
		enum schema_type type;
	} ident[IDENTITY_FIELD_COUNT] = {
	    [IDENTITY_NAME] = {N_("Name (personal)"),
			       N_("Family and given name with a space; never in a handout"),
			       SCHEMA_TEXT},
	    [IDENTITY_KANA] = {N_("Kana (personal)"), N_("Reading of the name, with a space"),
			       SCHEMA_TEXT},
	    [IDENTITY_BIRTH_DATE] = {N_("Birth date (personal)"), N_("YYYY-MM-DD"), SCHEMA_DATE},
	    [IDENTITY_ADDRESS] = {N_("Address (personal)"), N_("Down to the block number"),
				  SCHEMA_TEXT},
	    [IDENTITY_PHONE] = {N_("Phone (personal)"), NULL, SCHEMA_TEXT},
	    [IDENTITY_INSURED_NO] = {N_("Insured number (personal)"), N_("被保険者番号, 10 digits"),
				     SCHEMA_TEXT},
	};
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++) {
		struct schema_field *idf =
		    ui_synth_add(&ms->cf, store_identity_key(i), ident[i].type, _(ident[i].label),
				 ident[i].hint ? _(ident[i].hint) : NULL);
		idf->sensitive = true;
	}
	cv_fill(ms);
	struct ui_src src = {.ctx = ms, .values = ms->cv, .index = cv_of, .put = case_put};
	ui_form_init(&ms->cform, src, ms->cf.fields, ms->cf.n, _("The case"));
	ui_form_rebuild(ui, &ms->cform);
	ms->cedit = true;
	if (focus)
		ui_form_focus_field(&ms->cform, focus);
	if (edit)
		ui_form_edit(ui, &ms->cform);
}

/* ---- adding, following up, ordering, removing -------------------------- */

static bool add_case(struct ui *ui, struct meeting_scr *ms, const char *person_id,
		     const char *presenter, const char *follows)
{
	struct store_case c;
	memset(&c, 0, sizeof c);
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", ms->m.id);
	snprintf(c.person_id, sizeof c.person_id, "%s", person_id);
	snprintf(c.follows, sizeof c.follows, "%s", follows ? follows : "");
	c.ord = ms->cases.n ? ms->cases.v[ms->cases.n - 1].ord + 1 : 0;
	c.presenter = (char *)presenter;
	struct kaigi_error err;
	if (store_case_save(ui->st, &c, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return false;
	}
	ui_saved(ui);
	ui_agenda_load(ui, ms);
	ms->acur = ms->cases.n ? ms->cases.n - 1 : 0;
	return true;
}

static void new_case(struct ui *ui, struct meeting_scr *ms)
{
	if (!ui_writable(ui))
		return;
	char prefix[32];
	const char *date = ms->m.f[STORE_MEETING_DATE] ? ms->m.f[STORE_MEETING_DATE] : "0000";
	snprintf(prefix, sizeof prefix, "K-%.4s-", date);
	struct kaigi_error err;
	char *code = NULL;
	if (store_person_code_next(ui->st, prefix, &code, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	struct store_person p;
	memset(&p, 0, sizeof p);
	p.code = code;
	if (store_person_save(ui->st, &p, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	else if (add_case(ui, ms, p.id, NULL, NULL))
		page_open(ui, ms, "initials", true);
	free(code);
}

static bool on_agenda(const struct meeting_scr *ms, const struct store_case_hit *h)
{
	if (strcmp(h->c.meeting_id, ms->m.id) == 0)
		return true;
	for (size_t j = 0; j < ms->cases.n; j++)
		if (strcmp(ms->cases.v[j].person_id, h->c.person_id) == 0)
			return true;
	return false;
}

/* The follow-ups due by the meeting's date come first, then every other
 * person's latest review; several can be ticked and added at once. */
static void followup_open(struct ui *ui, struct meeting_scr *ms)
{
	if (!ui_writable(ui))
		return;
	store_case_hit_list_free(&ms->cands);
	struct kaigi_error err;
	struct store_due_list due = {0};
	const char *date = ms->m.f[STORE_MEETING_DATE];
	if ((date && store_followup_due(ui->st, date, ms->m.id, 100, &due, &err) != KAIGI_OK) ||
	    store_case_search(ui->st, NULL, true, 500, &ms->cands, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		store_due_list_free(&due);
		return;
	}
	ui_select_begin(&ms->sel,
			due.n ? _("Follow up which cases? Space ticks; due ones first")
			      : _("Follow up which case? (its latest review)"),
			true, 0);
	size_t n = 0;
	for (size_t i = 0; i < due.n; i++) {
		const struct store_case_hit *h = &due.v[i].hit;
		char *label = xasprintf(_("due %s  %s  %s %s  last: %s"), due.v[i].followup_date,
					h->c.person_code, h->initials ? h->initials : "",
					h->age_band ? h->age_band : "", h->c.meeting_date);
		ui_select_add(&ms->sel, h->c.id, label, false);
		free(label);
		n++;
	}
	for (size_t i = 0; i < ms->cands.n; i++) {
		const struct store_case_hit *h = &ms->cands.v[i];
		bool listed = on_agenda(ms, h);
		for (size_t j = 0; j < due.n && !listed; j++)
			listed = strcmp(due.v[j].hit.c.id, h->c.id) == 0;
		if (listed)
			continue;
		char *label =
		    xasprintf("%s  %s %s  %s %s  %s", h->c.person_code,
			      h->initials ? h->initials : "", h->age_band ? h->age_band : "",
			      _("last:"), h->c.meeting_date, h->c.presenter ? h->c.presenter : "");
		ui_select_add(&ms->sel, h->c.id, label, false);
		free(label);
		n++;
	}
	/* The due reviews join the candidates, for ui_agenda_followup_chosen. */
	for (size_t i = 0; i < due.n; i++) {
		bool have = false;
		for (size_t j = 0; j < ms->cands.n && !have; j++)
			have = strcmp(ms->cands.v[j].c.id, due.v[i].hit.c.id) == 0;
		if (have)
			continue;
		ms->cands.v = xreallocarray(ms->cands.v, ms->cands.n + 1, sizeof *ms->cands.v);
		ms->cands.v[ms->cands.n++] = due.v[i].hit;
		memset(&due.v[i].hit, 0, sizeof due.v[i].hit);
	}
	store_due_list_free(&due);
	if (n == 0) {
		ui_select_close(&ms->sel);
		ui_msg(ui, UI_MSG_INFO, "%s", _("No earlier case to follow up."));
		return;
	}
	ui_select_show(&ms->sel);
	ms->sel_tag = MSEL_FOLLOWUP;
}

void ui_agenda_followup_chosen(struct ui *ui, struct meeting_scr *ms, const char *case_ids)
{
	char *ids = xstrdup(case_ids);
	size_t added = 0;
	const char *last = NULL;
	for (char *save = NULL, *id = strtok_r(ids, " ", &save); id;
	     id = strtok_r(NULL, " ", &save)) {
		for (size_t i = 0; i < ms->cands.n; i++) {
			const struct store_case_hit *h = &ms->cands.v[i];
			if (strcmp(h->c.id, id) != 0)
				continue;
			if (add_case(ui, ms, h->c.person_id, h->c.presenter, h->c.id)) {
				/* Start it from last time now, so the agenda's
				 * preview and the case agree from the first. */
				struct kaigi_error err;
				const struct store_case *c = &ms->cases.v[ms->cases.n - 1];
				if (store_followup_prefill(ui->st, c->id, NULL, &err) != KAIGI_OK)
					ui_msg_error(ui, &err);
				added++;
				last = h->c.person_code;
			}
			break;
		}
	}
	if (added == 1)
		ui_msg(ui, UI_MSG_INFO, _("Follow-up of %s added."), last);
	else if (added > 1)
		ui_msg(ui, UI_MSG_INFO, _("%zu follow-ups added."), added);
	free(ids);
}

static void reorder(struct ui *ui, struct meeting_scr *ms, int dir)
{
	if (!ui_writable(ui))
		return;
	size_t a = ms->acur;
	if ((dir < 0 && a == 0) || (dir > 0 && a + 1 >= ms->cases.n))
		return;
	size_t b = dir < 0 ? a - 1 : a + 1;
	/* Positions, not the stored ord values, decide: number them afresh. */
	struct kaigi_error err;
	for (size_t i = 0; i < ms->cases.n; i++) {
		struct store_case c = ms->cases.v[i];
		int want = (int)(i == a ? b : i == b ? a : i);
		if (c.ord == want)
			continue;
		c.ord = want;
		if (store_case_save(ui->st, &c, &err) != KAIGI_OK) {
			ui_msg_error(ui, &err);
			break;
		}
	}
	ui_saved(ui);
	ui_agenda_load(ui, ms);
	ms->acur = b;
}

void ui_agenda_delete_confirmed(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->acur >= ms->cases.n)
		return;
	struct kaigi_error err;
	if (store_case_delete(ui->st, ms->cases.v[ms->acur].id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_agenda_load(ui, ms);
	ui_msg(ui, UI_MSG_INFO, "%s", _("The case was removed from the meeting."));
}

/* Enter and → open the highlighted case (a new one below the list). */
static void case_at_cursor(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->acur < ms->cases.n)
		ui_case_open(ui, ms->m.id, ms->cases.v[ms->acur].id);
	else
		new_case(ui, ms);
}

static void history_at_cursor(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->acur < ms->cases.n)
		ui_history_open(ui, ms->cases.v[ms->acur].person_id, ms->cases.v[ms->acur].id);
}

static void page_edit(struct ui *ui, struct meeting_scr *ms)
{
	page_open(ui, ms, NULL, false);
}

static const struct ui_meeting_act agenda_acts[] = {
    {UI_ACT_OPEN, case_at_cursor},
    {UI_ACT_RIGHT, case_at_cursor},
    {UI_ACT_ADD, new_case},
    {UI_ACT_FOLLOWUP, followup_open},
    {UI_ACT_HISTORY, history_at_cursor},
    {UI_ACT_EDIT, page_edit},
    {UI_ACT_NONE, NULL},
};

int ui_meeting_list_rows(struct ui_rect r, size_t n)
{
	int max = r.h / 2 > 4 ? r.h / 2 : r.h - 1;
	return (int)n > max ? max : (int)n;
}

/* What was agreed for the highlighted follow-up at its last review. */
static void preview_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r)
{
	const struct store_case *c = &ms->cases.v[ms->acur];
	if (!c->follows[0] || r.h < 3)
		return;
	if (strcmp(ms->prev_case, c->follows) != 0) {
		prev_free(ms);
		struct store_case prev;
		memset(&prev, 0, sizeof prev);
		struct kaigi_error err;
		if (store_case_get(ui->st, c->follows, &prev, &err) == KAIGI_OK) {
			ms->nprev = ui_readback_load(ui, prev.meeting_id, prev.id, ms->prev,
						     sizeof ms->prev / sizeof ms->prev[0]);
			snprintf(ms->prev_case, sizeof ms->prev_case, "%s", c->follows);
			ms->prev_top = 0;
		}
		store_case_clear(&prev);
	}
	struct ui_lines l = {0};
	ui_lines_addf(&l, ui_attr(ui, UI_A_HEADING), "%s", _("Agreed at the last review:"));
	ui_readback_build(ui, ms->tpl, ms->prev, ms->nprev, true, r.w, &l);
	mvhline(r.y, r.x, ACS_HLINE, r.w);
	ui_lines_draw(&l, (struct ui_rect){r.y + 1, r.x, r.h - 1, r.w}, &ms->prev_top);
	ui_lines_free(&l);
}

static void agenda_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused)
{
	if (ms->cedit) {
		ui_form_draw(ui, &ms->cform, r, focused);
		return;
	}
	/* The time plan (plan.h): today's cases share the meeting's minutes;
	 * a case that ran long leaves the later ones less, shown here. */
	struct plan plan;
	ui_plan_slots(ui, ms->tpl, ms->m.id, &plan);
	char head[256];
	if (plan.meeting_sec)
		snprintf(head, sizeof head,
			 _("Cases (%zu; about %d min each; plan %lld of %d min)"), ms->cases.n,
			 plan.budget_sec / 60, plan_total_sec(&plan) / 60, plan.meeting_sec / 60);
	else
		snprintf(head, sizeof head, _("Cases (%zu; about %d min each)"), ms->cases.n,
			 plan.budget_sec / 60);
	ui_put_cut(r.y, r.x, r.w, head, ui_attr(ui, UI_A_HEADING), false);
	if (ms->ndue) {
		/* Planning: follow-up reports due by this meeting's date. */
		char due[256];
		snprintf(due, sizeof due, _("%zu follow-up(s) due by this meeting: f to add them"),
			 ms->ndue);
		ui_put_cut(r.y + r.h - 1, r.x, r.w, due, ui_attr(ui, UI_A_WARN), false);
		r.h--;
	}
	if (ms->cases.n == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   _("No case yet. a: a new case, f: a follow-up of an earlier case."),
			   ui_attr(ui, UI_A_DIM), false);
		plan_free(&plan);
		return;
	}
	int rows = ui_meeting_list_rows(r, ms->cases.n);
	ui_cursor_show(ms->acur, &ms->atop, rows);
	for (int i = 0; i < rows && ms->atop + (size_t)i < ms->cases.n; i++) {
		size_t k = ms->atop + (size_t)i;
		char *line = ui_agenda_case_line(ui, ms, k);
		int a = k == ms->acur && focused ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		char slot[32] = "";
		if (k < plan.ncases)
			snprintf(slot, sizeof slot, "%s", ui_fmt_minutes(plan.slot_sec[k]));
		int sw = (int)utf8_width(slot) + 1;
		ui_put_cut(r.y + 1 + i, r.x, r.w - sw, line, a, true);
		/* Shorter than the template's budget: re-planned after an overrun. */
		bool cut = k < plan.ncases && plan.slot_sec[k] < plan.budget_sec;
		ui_put(r.y + 1 + i, r.x + r.w - sw, sw, slot,
		       cut && !(k == ms->acur && focused) ? ui_attr(ui, UI_A_WARN) : a, false);
		free(line);
	}
	plan_free(&plan);
	preview_draw(ui, ms, (struct ui_rect){r.y + 2 + rows, r.x, r.h - 2 - rows, r.w});
}

const struct ui_meeting_list ui_agenda_list = {UI_CTX_AGENDA, agenda_rows, agenda_draw,
					       agenda_acts,   reorder,     MCONF_DELETE_CASE};
