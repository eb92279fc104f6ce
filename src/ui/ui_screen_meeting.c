// SPDX-License-Identifier: MIT
/*
 * ui_screen_meeting.c — one meeting: the overview (the town's vision, the
 * purpose, today's target, the agenda and the time), its facts, its
 * participants and cases, and at the end what was reached and what is left
 * for next time.  The overview is what shows when the meeting opens, so
 * the room starts from the town's stated vision.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/meeting.h"
#include "kaigi/report.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_date.h"
#include "ui_lines.h"
#include "ui_meeting.h"
#include "ui_plan.h"
#include "ui_readback.h"
#include "ui_screens.h"
#include "ui_timer.h"

static int field_of(const char *id)
{
	for (int f = 0; f < STORE_MEETING_NFIELDS; f++)
		if (strcmp(store_meeting_field_name((enum store_meeting_field)f), id) == 0)
			return f;
	return -1;
}

static enum kaigi_status meeting_put(void *ctx, int f, const char *text, struct kaigi_error *err)
{
	struct meeting_scr *ms = ctx;
	char norm[64];
	char today[11];
	ui_today(today);
	if (f == STORE_MEETING_DATE && ui_date_normalise(text, today, norm))
		text = norm;
	if ((f == STORE_MEETING_START_TIME || f == STORE_MEETING_END_TIME) &&
	    ui_time_normalise(text, norm))
		text = norm;
	enum kaigi_status s =
	    store_meeting_set(ms->ui->st, ms->m.id, (enum store_meeting_field)f, text, err);
	if (s == KAIGI_OK)
		ui_meeting_reload(ms->ui, ms);
	return s;
}

void ui_meeting_reload(struct ui *ui, struct meeting_scr *ms)
{
	struct kaigi_error err;
	struct store_meeting m;
	memset(&m, 0, sizeof m);
	if (store_meeting_get(ui->st, ms->m.id, &m, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	store_meeting_clear(&ms->m);
	ms->m = m;
	for (int f = 0; f < STORE_MEETING_NFIELDS; f++)
		ui_synth_value_set(&ms->mv[f], ms->m.f[f]);
	ms->tpl = schema_meeting_find(ui->forms, ms->m.template_id);
	if (store_meeting_time_used(ui->st, ms->m.id, NULL, &ms->used_sec, &err) != KAIGI_OK)
		ms->used_sec = 0;
	/* The meeting keeps the town's vision of the day it is first opened
	 * (right after it is made): a later change of the settings does not
	 * rewrite what this meeting worked from (meeting.h). */
	free(ms->vision);
	ms->vision = NULL;
	store_meeting_vision_get(ui->st, ms->m.id, &ms->vision, &err);
	const char *today = ui->config ? schema_label_get(&ui->config->vision, ui->lang) : "";
	if (!ms->vision && *today && !ui->read_only &&
	    store_meeting_vision_set(ui->st, ms->m.id, today, &err) == KAIGI_OK)
		ms->vision = xstrdup(today);
}

/* The fields of the meeting's own pages: its facts, then its close (the
 * date is the one it cannot do without). */
static const struct meeting_field {
	bool close; /* on the close page, else on the facts' */
	enum store_meeting_field f;
	enum schema_type type;
	const char *label, *hint; /* N_(); hint may be NULL */
} meeting_fields[] = {
    {false, STORE_MEETING_TITLE, SCHEMA_TEXT, N_("Title"), NULL},
    {false, STORE_MEETING_DATE, SCHEMA_DATE, N_("Date"),
     N_("YYYY-MM-DD, 3/12, R7.3.12, t = today")},
    {false, STORE_MEETING_START_TIME, SCHEMA_TEXT, N_("Starts"), N_("HH:MM, 1400 or 14時")},
    {false, STORE_MEETING_END_TIME, SCHEMA_TEXT, N_("Ends"), N_("HH:MM, 1530 or 15時")},
    {false, STORE_MEETING_PLACE, SCHEMA_TEXT, N_("Place"), NULL},
    {false, STORE_MEETING_PURPOSE, SCHEMA_LONGTEXT, N_("Purpose"), N_("Why this meeting is held")},
    {false, STORE_MEETING_TARGET, SCHEMA_LONGTEXT, N_("Today's target"),
     N_("What the room should reach today")},
    {true, STORE_MEETING_REACHED, SCHEMA_LONGTEXT, N_("What was reached"),
     N_("Said at the end of the meeting")},
    {true, STORE_MEETING_NEXT_TIME, SCHEMA_LONGTEXT, N_("Left for next time"),
     N_("What the next meeting takes up")},
};

static void pages_init(struct ui *ui, struct meeting_scr *ms)
{
	for (size_t i = 0; i < sizeof meeting_fields / sizeof meeting_fields[0]; i++) {
		const struct meeting_field *t = &meeting_fields[i];
		struct schema_field *x = ui_synth_add(t->close ? &ms->close_f : &ms->info_f,
						      store_meeting_field_name(t->f), t->type,
						      _(t->label), t->hint ? _(t->hint) : NULL);
		x->required = t->f == STORE_MEETING_DATE;
	}
	struct ui_src src = {
	    .ctx = ms, .values = ms->mv, .index = field_of, .put = meeting_put, .scope = ms->m.id};
	ui_form_init(&ms->info, src, ms->info_f.fields, ms->info_f.n, _("The meeting"));
	ui_form_init(&ms->close, src, ms->close_f.fields, ms->close_f.n, _("Closing the meeting"));
	ui_form_rebuild(ui, &ms->info);
	ui_form_rebuild(ui, &ms->close);
}

/* The page that has the keys, when the pane shows one. */
static struct ui_form *page_of(struct meeting_scr *ms)
{
	if (ms->side == MS_INFO)
		return &ms->info;
	if (ms->side == MS_CLOSE)
		return &ms->close;
	if (ms->side == MS_PEOPLE && ms->pedit)
		return &ms->pform;
	if (ms->side == MS_AGENDA && ms->cedit)
		return &ms->cform;
	if (ms->side == MS_ISSUES && ms->iedit)
		return &ms->iform;
	if (ms->side == MS_SHEETS && ms->sedit)
		return &ms->sform;
	return NULL;
}

/* The list the pane shows, or NULL (the overview, the meeting's facts,
 * its close). */
static const struct ui_meeting_list *list_of(const struct meeting_scr *ms)
{
	static const struct ui_meeting_list *const lists[MS_COUNT] = {
	    [MS_PEOPLE] = &ui_people_list,
	    [MS_AGENDA] = &ui_agenda_list,
	    [MS_ISSUES] = &ui_policy_list,
	    [MS_SHEETS] = &ui_sheets_list,
	};
	return lists[ms->side];
}

/* The keys of a list: the cursor moves alike, ← or Esc goes back to the
 * sides; then the list's own acts, [ ] to reorder it and d asking first. */
static enum ui_result list_key(struct ui *ui, struct meeting_scr *ms,
			       const struct ui_meeting_list *l, const struct ui_key *k)
{
	size_t *cur;
	size_t n = l->rows(ui, ms, &cur);
	if (ui_cursor_move(cur, n, k->act, UI_CURSOR_LIST))
		return UI_REDRAW;
	if (k->act == UI_ACT_LEFT || k->act == UI_ACT_BACK) {
		ms->focus_side = true;
		return UI_REDRAW;
	}
	for (size_t i = 0; l->acts[i].act != UI_ACT_NONE; i++)
		if ((int)l->acts[i].act == k->act) {
			l->acts[i].run(ui, ms);
			return UI_REDRAW;
		}
	if (l->reorder && (k->act == UI_ACT_MOVE_UP || k->act == UI_ACT_MOVE_DOWN))
		l->reorder(ui, ms, k->act == UI_ACT_MOVE_UP ? -1 : 1);
	else if (l->ask && k->act == UI_ACT_DELETE && *cur < n && ui_writable(ui))
		ms->confirm = l->ask;
	return UI_REDRAW;
}

/* The sides this meeting shows, in order (*n of them): a policy meeting
 * has its agenda of issues instead of cases, a template with forms for
 * the meeting itself its own records. */
static size_t sides_of(struct ui *ui, const struct meeting_scr *ms, enum meeting_side out[MS_COUNT])
{
	size_t n = 0;
	bool policy = ui_policy_shown(ms);
	out[n++] = MS_OVERVIEW;
	out[n++] = MS_INFO;
	out[n++] = MS_PEOPLE;
	if (!policy || ms->cases.n || !ms->tpl || ms->tpl->cases_max != 0)
		out[n++] = MS_AGENDA;
	if (policy)
		out[n++] = MS_ISSUES;
	if (ui_sheets_count(ui, ms))
		out[n++] = MS_SHEETS;
	out[n++] = MS_CLOSE;
	return n;
}

/* Where the meeting's work is: its cases, or a policy meeting's issues. */
static enum meeting_side main_side(struct ui *ui, const struct meeting_scr *ms)
{
	enum meeting_side v[MS_COUNT];
	size_t n = sides_of(ui, ms, v);
	for (size_t i = 0; i < n; i++)
		if (v[i] == MS_AGENDA)
			return MS_AGENDA;
	return ui_policy_shown(ms) ? MS_ISSUES : MS_AGENDA;
}

static unsigned meeting_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct meeting_scr *ms = state;
	if (ms->confirm)
		return UI_CTX_CONFIRM;
	if (ms->sel.open)
		return UI_CTX_SELECT;
	if (ms->focus_side)
		return UI_CTX_SIDE | UI_CTX_MEETING | UI_CTX_NAV | UI_CTX_CMD;
	struct ui_form *pg = page_of(ms);
	if (pg) {
		unsigned c = ui_form_contexts(pg);
		return ui_form_editing(pg) ? c : c | UI_CTX_MEETING;
	}
	const struct ui_meeting_list *l = list_of(ms);
	if (l)
		return l->ctx | UI_CTX_MEETING | UI_CTX_NAV | UI_CTX_CMD;
	return UI_CTX_MEETING | UI_CTX_NAV | UI_CTX_CMD | UI_CTX_READ;
}

static void leave_page(struct ui *ui, struct meeting_scr *ms)
{
	struct ui_form *pg = page_of(ms);
	if (pg)
		ui_form_flush(ui, pg);
	if (ms->pedit) {
		ms->pedit = false;
		ui_people_load(ui, ms);
	}
	if (ms->cedit) {
		ms->cedit = false;
		ui_agenda_load(ui, ms);
	}
	ui_policy_page_close(ui, ms);
	ui_sheets_page_close(ui, ms);
}

static enum ui_result select_key(struct ui *ui, struct meeting_scr *ms, const struct ui_key *k)
{
	enum ui_select_result r = ui_select_key(ui, &ms->sel, k);
	if (r == UI_SELECT_OPEN)
		return UI_REDRAW;
	if (r == UI_SELECT_CHOSEN) {
		/* Several people can be ticked; none ticked takes the highlighted. */
		const struct ui_select_opt *o = ui_select_current(&ms->sel);
		char *value = ms->sel_tag == MSEL_QUICK_ADD || ms->sel_tag == MSEL_FOLLOWUP
				  ? ui_select_value(&ms->sel)
				  : NULL;
		if (!value || !*value) {
			free(value);
			value = o ? xstrdup(o->value) : NULL;
		}
		enum meeting_sel tag = ms->sel_tag;
		ui_select_close(&ms->sel);
		if (value && tag == MSEL_QUICK_ADD)
			ui_people_quick_add(ui, ms, value);
		else if (value && tag == MSEL_FOLLOWUP)
			ui_agenda_followup_chosen(ui, ms, value);
		free(value);
	} else {
		ui_select_close(&ms->sel);
	}
	ms->sel_tag = MSEL_NONE;
	return UI_REDRAW;
}

/* The summary, or with packet the case packet handed out before the
 * meeting (report.h), anonymised, written beside the database
 * (summaries/DATE-ID8.pdf, or .html when kaigi was built without PDF) and
 * maybe printed. */
static void summary_write(struct ui *ui, struct meeting_scr *ms, bool print, bool packet)
{
	enum report_format fmt = report_format_available(REPORT_PDF) ? REPORT_PDF : REPORT_HTML;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (print && report_printer_check(&err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	char *dir = xstrdup(store_path(ui->st));
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	char *folder = xasprintf("%s/summaries", slash ? dir : ".");
	char *path =
	    xasprintf("%s/%s-%.8s%s.%s", folder,
		      ms->m.f[STORE_MEETING_DATE] ? ms->m.f[STORE_MEETING_DATE] : "meeting",
		      ms->m.id, packet ? "-packet" : "", report_format_name(fmt));
	const char *vision = ui->config ? schema_label_get(&ui->config->vision, ui->lang) : "";
	const char *town = ui->config ? schema_label_get(&ui->config->town, ui->lang) : "";
	struct report_options ro = {
	    .lang = ui->lang,
	    .town = *town ? town : NULL,
	    .vision = *vision ? vision : NULL,
	    .config = ui->config,
	    .packet = packet,
	};
	struct strbuf doc = STRBUF_INIT;
	enum kaigi_status s = KAIGI_OK;
	if (mkdir(folder, 0700) != 0 && errno != EEXIST)
		s = kaigi_error_set(&err, KAIGI_EENV, folder, 0, 0, "%s", strerror(errno));
	if (s == KAIGI_OK)
		s = report_meeting_render(ui->st, ui->forms, ms->m.id, fmt, &ro, &doc, &err);
	if (s == KAIGI_OK)
		s = report_save(path, doc.s ? doc.s : "", doc.len, &err);
	if (s == KAIGI_OK && print)
		s = report_print_lp(path, &err);
	if (s != KAIGI_OK)
		ui_msg_error(ui, &err);
	else
		ui_msg(ui, UI_MSG_INFO,
		       print    ? _("Sent to the printer: %s")
		       : packet ? _("Case packet written (collect it back at the end): %s")
				: _("Summary written: %s"),
		       path);
	strbuf_free(&doc);
	free(path);
	free(folder);
	free(dir);
}

static enum ui_result meeting_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct meeting_scr *ms = state;
	if ((k->act == UI_ACT_SUMMARY || k->act == UI_ACT_PRINT) && !ms->sel.open && !ms->confirm) {
		summary_write(ui, ms, k->act == UI_ACT_PRINT, false);
		return UI_REDRAW;
	}
	if (k->act == UI_ACT_PACKET && !ms->sel.open && !ms->confirm) {
		summary_write(ui, ms, false, true);
		return UI_REDRAW;
	}
	if (ms->confirm) {
		if (k->act == UI_ACT_YES && ms->confirm == MCONF_DELETE_CASE)
			ui_agenda_delete_confirmed(ui, ms);
		if (k->act == UI_ACT_YES && ms->confirm == MCONF_REMOVE_ISSUE)
			ui_policy_remove_confirmed(ui, ms);
		if (k->act == UI_ACT_YES || k->act == UI_ACT_NO)
			ms->confirm = MCONF_NONE;
		return UI_REDRAW;
	}
	if (ms->sel.open)
		return select_key(ui, ms, k);
	if (ms->focus_side) {
		enum meeting_side v[MS_COUNT];
		size_t nv = sides_of(ui, ms, v), at = 0;
		for (size_t i = 0; i < nv; i++)
			if (v[i] == ms->side)
				at = i;
		/* The overview is only read: Enter on it goes on to the cases,
		 * which is what the facilitator wants next; → and Tab still
		 * step into it to scroll. */
		if (ms->side == MS_OVERVIEW && k->act == UI_ACT_OPEN &&
		    (k->code == '\r' || k->code == '\n' || k->code == UI_KEYCODE(KEY_ENTER)))
			ms->side = main_side(ui, ms);
		if (ui_side_key(ui, &at, nv, k, (struct ui_cursor_keys){.tab = true, .ends = true},
				&ms->focus_side))
			ms->side = v[at];
		return UI_REDRAW;
	}
	struct ui_form *pg = page_of(ms);
	if (pg) {
		bool item_page = ms->pedit || ms->cedit || ms->iedit || ms->sedit;
		if (!ui_form_editing(pg) && k->act == UI_ACT_BACK) {
			if (item_page)
				leave_page(ui, ms);
			else
				ms->focus_side = true;
			return UI_REDRAW;
		}
		enum ui_form_out out = ui_form_key(ui, pg, k);
		if (out == UI_FORM_EXIT_LEFT) {
			if (item_page)
				leave_page(ui, ms);
			else
				ms->focus_side = true;
		}
		return UI_REDRAW;
	}
	const struct ui_meeting_list *l = list_of(ms);
	if (l)
		return list_key(ui, ms, l, k);
	/* The overview reads; Enter goes to the cases. */
	switch (k->act) {
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
		ms->focus_side = true;
		break;
	case UI_ACT_UP:
		if (ms->over_top > 0)
			ms->over_top--;
		break;
	case UI_ACT_DOWN:
		ms->over_top++;
		break;
	case UI_ACT_OPEN:
		ms->side = main_side(ui, ms);
		break;
	default:
		break;
	}
	return UI_REDRAW;
}

/* The overview: vision, purpose, target, the cases, the people, the
 * time. */
static void overview_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r)
{
	struct ui_lines l = {0};
	int head = ui_attr(ui, UI_A_HEADING);
	const char *vision = ms->vision   ? ms->vision
			     : ui->config ? schema_label_get(&ui->config->vision, ui->lang)
					  : "";
	const char *town = ui->config ? schema_label_get(&ui->config->town, ui->lang) : "";
	ui_lines_addf(&l, head, "%s%s%s", _("What the town aims for"), *town ? " — " : "", town);
	if (*vision)
		ui_lines_wrap(&l, vision, r.w, 2, (int)A_NORMAL);
	else
		ui_lines_add(&l, _("  (no vision set: see doc/config.md)"), ui_attr(ui, UI_A_DIM));
	ui_lines_add(&l, "", (int)A_NORMAL);
	const char *purpose = ms->m.f[STORE_MEETING_PURPOSE];
	const char *target = ms->m.f[STORE_MEETING_TARGET];
	ui_lines_add(&l, _("Purpose"), head);
	ui_lines_wrap(&l, purpose ? purpose : _("(not written yet)"), r.w, 2, (int)A_NORMAL);
	ui_lines_add(&l, _("Today's target"), head);
	ui_lines_wrap(&l, target ? target : _("(not written yet)"), r.w, 2, (int)A_NORMAL);
	ui_lines_add(&l, "", (int)A_NORMAL);
	/* The time plan: each case's slot now (plan.h). */
	struct plan plan;
	ui_plan_slots(ui, ms->tpl, ms->m.id, &plan);
	/* A policy meeting takes issues, not cases. */
	bool no_cases = ui_policy_shown(ms) && !ms->cases.n && ms->tpl && ms->tpl->cases_max == 0;
	if (!no_cases)
		ui_lines_addf(&l, head, _("Cases (%zu; about %d min each)"), ms->cases.n,
			      plan.budget_sec / 60);
	for (size_t i = 0; i < ms->cases.n; i++) {
		char *c = ui_agenda_case_line(ui, ms, i);
		if (i < plan.ncases) /* the slot first: a long line is cut at the end */
			ui_lines_addf(&l, (int)A_NORMAL, "  %5s  %s",
				      ui_fmt_minutes(plan.slot_sec[i]), c);
		else
			ui_lines_addf(&l, (int)A_NORMAL, "  %s", c);
		free(c);
	}
	if (plan.meeting_sec && !no_cases)
		ui_lines_addf(&l, (int)A_NORMAL,
			      _("  Plan: %lld of %d min (%d kept for opening and "
				"closing)"),
			      plan_total_sec(&plan) / 60, plan.meeting_sec / 60,
			      plan.reserve_sec / 60);
	plan_free(&plan);
	if (ui_policy_shown(ms)) {
		ui_lines_addf(&l, head, _("Agenda: regional issues (%zu)"), ms->issues.n);
		for (size_t i = 0; i < ms->issues.n; i++)
			ui_lines_addf(&l, (int)A_NORMAL, "  %zu. %s%s", i + 1,
				      ms->issues.v[i].decision ? _("✓ ") : "",
				      ms->issues.v[i].issue_title ? ms->issues.v[i].issue_title
								  : "");
	}
	size_t present = 0;
	for (size_t i = 0; i < ms->people.n; i++)
		present += ms->people.v[i].present;
	ui_lines_addf(&l, head, _("Participants: %zu (%zu present)"), ms->people.n, present);
	if (ms->tpl && ms->tpl->minutes)
		ui_lines_addf(&l, head, _("Time used on cases: %lld:%02lld of %d:00"),
			      ms->used_sec / 60, ms->used_sec % 60, ms->tpl->minutes);
	ui_lines_draw(&l, r, &ms->over_top);
	ui_lines_free(&l);
}

/* What each case agreed (the last phase's sections), read once per width
 * and again after the meeting screen comes back on top. */
static void agreed_build(struct ui *ui, struct meeting_scr *ms, int w)
{
	if (ms->agreed_w == w)
		return;
	ui_lines_free(&ms->agreed);
	ms->agreed_w = w;
	ui_lines_add(&ms->agreed, _("What each case agreed"), ui_attr(ui, UI_A_HEADING));
	for (size_t i = 0; i < ms->cases.n; i++) {
		char *l = ui_agenda_case_line(ui, ms, i);
		ui_lines_add(&ms->agreed, l, (int)A_BOLD);
		free(l);
		struct ui_rec recs[8];
		size_t n = ui_readback_load(ui, ms->m.id, ms->cases.v[i].id, recs, 8);
		ui_readback_build(ui, ms->tpl, recs, n, true, w, &ms->agreed);
		for (size_t k = 0; k < n; k++)
			ui_rec_free(&recs[k]);
	}
}

static void close_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused)
{
	/* The two closing fields above, what the cases agreed below. */
	int top = 6 < r.h / 2 ? 6 : r.h / 2;
	if (ui_form_editing(&ms->close))
		top = r.h;
	ui_form_draw(ui, &ms->close, (struct ui_rect){r.y, r.x, top, r.w}, focused);
	if (top >= r.h)
		return;
	agreed_build(ui, ms, r.w);
	mvhline(r.y + top, r.x, ACS_HLINE, r.w);
	int scroll = 0;
	ui_lines_draw(&ms->agreed, (struct ui_rect){r.y + top + 1, r.x, r.h - top - 1, r.w},
		      &scroll);
}

static void meeting_draw(struct ui *ui, void *state)
{
	struct meeting_scr *ms = state;
	char title[768];
	const char *t = ms->m.f[STORE_MEETING_START_TIME];
	snprintf(title, sizeof title, "%s  %s %s  %s",
		 ms->m.f[STORE_MEETING_TITLE] ? ms->m.f[STORE_MEETING_TITLE] : "",
		 ms->m.f[STORE_MEETING_DATE] ? ms->m.f[STORE_MEETING_DATE] : "", t ? t : "",
		 ms->m.f[STORE_MEETING_PLACE] ? ms->m.f[STORE_MEETING_PLACE] : "");
	/* The meeting's clock, as the case screen counts it: what is left. */
	char right[96] = "";
	if (ms->tpl && ms->tpl->minutes) {
		char left[16], total[16];
		ui_timer_format((int)(ms->tpl->minutes * 60LL - ms->used_sec), left);
		ui_timer_format(ms->tpl->minutes * 60, total);
		snprintf(right, sizeof right, "%s %s/%s", _("meeting"), left, total);
	}
	ui_header_draw_warn(ui, title, *right ? right : NULL,
			    ms->tpl && ms->tpl->minutes && ms->used_sec > ms->tpl->minutes * 60LL);
	struct ui_rect side, pane;
	ui_split(ui, 0, &side, &pane);
	char people[64];
	snprintf(people, sizeof people, "%s (%zu)", _("Participants"), ms->people.n);
	char cases[64], issues[96];
	snprintf(cases, sizeof cases, "%s (%zu)", _("Cases"), ms->cases.n);
	snprintf(issues, sizeof issues, "%s (%zu)", _("Agenda issues"), ms->issues.n);
	const char *all[MS_COUNT] = {
	    [MS_OVERVIEW] = _("Overview"), [MS_INFO] = _("The meeting"),
	    [MS_PEOPLE] = people,          [MS_AGENDA] = cases,
	    [MS_ISSUES] = issues,          [MS_SHEETS] = _("Meeting records"),
	    [MS_CLOSE] = _("Closing"),
	};
	enum meeting_side v[MS_COUNT];
	const char *labels[MS_COUNT];
	size_t nv = sides_of(ui, ms, v), at = 0;
	for (size_t i = 0; i < nv; i++) {
		labels[i] = all[v[i]];
		if (v[i] == ms->side)
			at = i;
	}
	bool focused = !ms->focus_side;
	char hint[768] = "";
	bool narrow = ui_side_draw(ui, side, pane, labels, nv, at, &ms->side_top, ms->focus_side);
	/* A list draws itself; the other sides are drawn here. */
	const struct ui_meeting_list *l = list_of(ms);
	if (l && !narrow)
		l->draw(ui, ms, pane, focused);
	switch (narrow ? MS_COUNT : ms->side) {
	case MS_OVERVIEW:
		overview_draw(ui, ms, pane);
		break;
	case MS_INFO:
		ui_form_draw(ui, &ms->info, pane, focused);
		break;
	case MS_CLOSE:
		close_draw(ui, ms, pane, focused);
		break;
	default:
		break;
	}
	/* The keys of the page the pane shows, when it has them. */
	struct ui_form *pg = page_of(ms);
	if (!narrow && focused && pg)
		ui_form_hint(ui, pg, hint, sizeof hint);
	if (ms->confirm == MCONF_DELETE_CASE)
		snprintf(hint, sizeof hint, "%s", _("Remove this case from the meeting? (y/n)"));
	if (ms->confirm == MCONF_REMOVE_ISSUE)
		snprintf(hint, sizeof hint, "%s",
			 _("Take this issue off the agenda, with its decision? (y/n)"));
	ui_status_draw(ui, hint);
	if (ms->confirm) {
		/* The question stands out on the status line. */
		ui_put_cut(ui->rows - 2, 0, ui->cols, hint, ui_attr(ui, UI_A_WARN), true);
	}
	ui_select_draw(ui, &ms->sel);
}

static void meeting_flush(struct ui *ui, void *state)
{
	struct meeting_scr *ms = state;
	struct ui_form *pg = page_of(ms);
	if (pg)
		ui_form_flush(ui, pg);
}

static void meeting_resume(struct ui *ui, void *state)
{
	struct meeting_scr *ms = state;
	ui_meeting_reload(ui, ms);
	ui_people_load(ui, ms);
	ui_agenda_load(ui, ms);
	if (!ms->iedit)
		ui_policy_load(ui, ms);
	if (ms->sedit)
		ui_form_rebuild(ui, &ms->sform);
	ms->agreed_w = 0; /* a case may have changed */
}

static void meeting_free(void *state)
{
	struct meeting_scr *ms = state;
	ui_synth_page_free(&ms->info, &ms->info_f);
	ui_synth_page_free(&ms->close, &ms->close_f);
	ui_synth_values_clear(ms->mv, STORE_MEETING_NFIELDS);
	store_meeting_clear(&ms->m);
	ui_people_free(ms);
	ui_agenda_free(ms);
	ui_policy_free(ms);
	ui_select_close(&ms->sel);
	store_participant_list_free(&ms->recent);
	store_case_hit_list_free(&ms->cands);
	ui_lines_free(&ms->agreed);
	free(ms->vision);
	free(ms);
}

static const struct ui_screen meeting_screen = {
    .name = "meeting",
    .contexts = meeting_contexts,
    .key = meeting_key,
    .draw = meeting_draw,
    .resume = meeting_resume,
    .flush = meeting_flush,
    .free = meeting_free,
};

void ui_meeting_open_at(struct ui *ui, const char *meeting_id, const char *case_id)
{
	struct meeting_scr *ms = xcalloc(1, sizeof *ms);
	ms->ui = ui;
	snprintf(ms->m.id, sizeof ms->m.id, "%s", meeting_id);
	struct kaigi_error err;
	struct store_meeting m;
	memset(&m, 0, sizeof m);
	if (store_meeting_get(ui->st, meeting_id, &m, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		free(ms);
		return;
	}
	store_meeting_clear(&m);
	ui_meeting_reload(ui, ms);
	pages_init(ui, ms);
	ui_people_load(ui, ms);
	ui_agenda_load(ui, ms);
	ui_policy_load(ui, ms);
	ms->focus_side = true;
	if (case_id) {
		ms->side = MS_AGENDA;
		ms->focus_side = false;
		for (size_t i = 0; i < ms->cases.n; i++)
			if (strcmp(ms->cases.v[i].id, case_id) == 0)
				ms->acur = i;
	}
	if (!ms->tpl)
		ui_msg(ui, UI_MSG_WARN, _("The meeting template '%s' is not installed."),
		       ms->m.template_id);
	else if (ms->ndue && !case_id)
		ui_msg(ui, UI_MSG_INFO,
		       _("%zu follow-up report(s) due by this meeting's date: in its cases, f adds "
			 "them."),
		       ms->ndue);
	ui_push(ui, &meeting_screen, ms);
}

void ui_meeting_open(struct ui *ui, const char *meeting_id)
{
	ui_meeting_open_at(ui, meeting_id, NULL);
}
