// SPDX-License-Identifier: MIT
/*
 * ui_meeting_policy.c — two panes of the meeting screen beyond its cases:
 *
 *   - a policy meeting's agenda (地域ケア推進会議, kaigi/policy.h): the
 *     register issues put on it (p on the regional screen), each with its
 *     measure, indicator, baseline, target and result and what the meeting
 *     decided; Enter types the decision (it reaches every case linked to
 *     the issue), [ ] reorder, d takes an issue off (asking first);
 *   - the meeting's own records: the forms its template lists under
 *     `meeting_forms` (a planning meeting's process sheet and outcome
 *     sheet, a policy meeting's minutes), one page per section, filled on
 *     the same form page a case uses, as records of the meeting (no case).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_meeting.h"
#include "ui_screens.h"

/* ---- the agenda of issues ------------------------------------------------ */

static void issues_clear(struct meeting_scr *ms)
{
	for (size_t i = 0; ms->idet && i < ms->issues.n; i++)
		store_issue_clear(&ms->idet[i]);
	free(ms->idet);
	ms->idet = NULL;
	store_decision_list_free(&ms->issues);
}

void ui_policy_load(struct ui *ui, struct meeting_scr *ms)
{
	issues_clear(ms);
	struct kaigi_error err;
	if (store_agenda_list(ui->st, ms->m.id, &ms->issues, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	ms->idet = xcalloc(ms->issues.n ? ms->issues.n : 1, sizeof *ms->idet);
	for (size_t i = 0; i < ms->issues.n; i++)
		if (store_issue_get(ui->st, ms->issues.v[i].issue_id, &ms->idet[i], &err) !=
		    KAIGI_OK)
			ui_msg_error(ui, &err);
	ui_cursor_clamp(&ms->icur, ms->issues.n);
}

static size_t policy_rows(struct ui *ui, struct meeting_scr *ms, size_t **cur)
{
	(void)ui;
	*cur = &ms->icur;
	return ms->issues.n;
}

bool ui_policy_shown(const struct meeting_scr *ms)
{
	return ms->issues.n || (ms->tpl && ms->tpl->kind && strcmp(ms->tpl->kind, "policy") == 0);
}

static const struct kaigi_value *decision_value(void *ctx, const char *field, const char *item,
						const char *col)
{
	(void)field;
	(void)item;
	(void)col;
	struct meeting_scr *ms = ctx;
	return ms->iv.type == KAIGI_NULL ? NULL : &ms->iv;
}

static enum kaigi_status decision_save(void *ctx, const char *field, const char *item,
				       const char *col, const char *text, struct kaigi_error *err)
{
	(void)field;
	(void)item;
	(void)col;
	struct meeting_scr *ms = ctx;
	if (ms->icur >= ms->issues.n)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no issue");
	char issue[STORE_ID_SIZE];
	snprintf(issue, sizeof issue, "%s", ms->issues.v[ms->icur].issue_id);
	enum kaigi_status s = store_agenda_decide(ms->ui->st, ms->m.id, issue, text, err);
	if (s == KAIGI_OK) {
		ui_policy_load(ms->ui, ms);
		ui_synth_value_set(
		    &ms->iv, ms->icur < ms->issues.n ? ms->issues.v[ms->icur].decision : NULL);
	}
	return s;
}

static void decision_open(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->icur >= ms->issues.n)
		return;
	ui_synth_page_free(&ms->iform, &ms->if_);
	ui_synth_add(&ms->if_, "decision", SCHEMA_LONGTEXT, _("Decision of the policy meeting"),
		     _("What, who, by when; shown on every case linked to the issue"));
	ui_synth_value_set(&ms->iv, ms->issues.v[ms->icur].decision);
	snprintf(ms->iscope, sizeof ms->iscope, "agenda:%.36s:%.36s", ms->m.id,
		 ms->issues.v[ms->icur].issue_id);
	struct ui_src src = {
	    .ctx = ms, .value = decision_value, .save = decision_save, .scope = ms->iscope};
	ui_form_init(&ms->iform, src, ms->if_.fields, ms->if_.n,
		     ms->issues.v[ms->icur].issue_title ? ms->issues.v[ms->icur].issue_title : "");
	ui_form_rebuild(ui, &ms->iform);
	ms->iedit = true;
	ui_form_edit(ui, &ms->iform);
}

static void reorder(struct ui *ui, struct meeting_scr *ms, int dir)
{
	if (!ui_writable(ui) || ms->icur >= ms->issues.n)
		return;
	if ((dir < 0 && ms->icur == 0) || (dir > 0 && ms->icur + 1 >= ms->issues.n))
		return;
	char issue[STORE_ID_SIZE];
	snprintf(issue, sizeof issue, "%s", ms->issues.v[ms->icur].issue_id);
	struct kaigi_error err;
	if (store_agenda_move(ui->st, ms->m.id, issue, dir, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_policy_load(ui, ms);
	for (size_t i = 0; i < ms->issues.n; i++)
		if (strcmp(ms->issues.v[i].issue_id, issue) == 0)
			ms->icur = i;
}

void ui_policy_remove_confirmed(struct ui *ui, struct meeting_scr *ms)
{
	if (ms->icur >= ms->issues.n)
		return;
	struct kaigi_error err;
	if (store_agenda_remove(ui->st, ms->m.id, ms->issues.v[ms->icur].issue_id, &err) !=
	    KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_policy_load(ui, ms);
	ui_msg(ui, UI_MSG_INFO, "%s", _("The issue was taken off the agenda."));
}

void ui_policy_page_close(struct ui *ui, struct meeting_scr *ms)
{
	if (!ms->iedit)
		return;
	ui_form_flush(ui, &ms->iform);
	ui_form_free(&ms->iform);
	ms->iedit = false;
	ui_policy_load(ui, ms);
}

/* Enter and → open the highlighted issue's decision, when the meeting
 * can be written. */
static void decision_at_cursor(struct ui *ui, struct meeting_scr *ms)
{
	if (ui_writable(ui))
		decision_open(ui, ms);
}

static const struct ui_meeting_act policy_acts[] = {
    {UI_ACT_OPEN, decision_at_cursor},
    {UI_ACT_RIGHT, decision_at_cursor},
    {UI_ACT_NONE, NULL},
};

/* "label value (date)" of one of the register's numbers; "—" unset. */
static void num(char *buf, size_t size, const char *label, bool have, double v, const char *date)
{
	if (!have)
		snprintf(buf, size, "%s —", label);
	else if (date && *date)
		snprintf(buf, size, "%s %g（%s）", label, v, date);
	else
		snprintf(buf, size, "%s %g", label, v);
}

/* The highlighted issue: its measure and numbers, and the decision. */
static void detail_build(struct ui *ui, const struct meeting_scr *ms, int w, struct ui_lines *l)
{
	const struct store_issue *is = &ms->idet[ms->icur];
	const struct store_decision *d = &ms->issues.v[ms->icur];
	int head = ui_attr(ui, UI_A_HEADING);
	ui_lines_add(l, _("Measure"), head);
	ui_lines_wrap(l, is->measure ? is->measure : _("(not set)"), w, 2, (int)A_NORMAL);
	if (is->indicator)
		ui_lines_addf(l, (int)A_NORMAL, "  %s: %s", _("Indicator"), is->indicator);
	char b[128], t[128], r[128];
	num(b, sizeof b, _("Baseline"), is->has_baseline, is->baseline, is->baseline_date);
	num(t, sizeof t, _("Target"), is->has_target, is->target, is->target_date);
	num(r, sizeof r, _("Result"), is->has_result, is->result, is->result_date);
	ui_lines_addf(l, (int)A_NORMAL, "  %s  %s", b, t);
	ui_lines_addf(l, (int)A_NORMAL, "  %s", r);
	ui_lines_add(l, _("Decision of the policy meeting"), head);
	ui_lines_wrap(l, d->decision ? d->decision : _("(not decided yet: Enter to type it)"), w, 2,
		      d->decision ? (int)A_NORMAL : ui_attr(ui, UI_A_DIM));
}

static void policy_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused)
{
	if (ms->iedit) {
		ui_form_draw(ui, &ms->iform, r, focused);
		return;
	}
	char head[128];
	snprintf(head, sizeof head, _("Agenda: regional issues (%zu)"), ms->issues.n);
	ui_put_cut(r.y, r.x, r.w, head, ui_attr(ui, UI_A_HEADING), false);
	if (ms->issues.n == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   _("No issue on the agenda yet. On the regional screen (r at home), p "
			     "puts an issue of the register here."),
			   ui_attr(ui, UI_A_DIM), false);
		return;
	}
	int rows = ui_meeting_list_rows(r, ms->issues.n);
	ui_cursor_show(ms->icur, &ms->itop, rows);
	for (int i = 0; i < rows && ms->itop + (size_t)i < ms->issues.n; i++) {
		size_t k = ms->itop + (size_t)i;
		const struct store_decision *d = &ms->issues.v[k];
		char *line = xasprintf("%zu. %s%s", k + 1, d->decision ? _("✓ ") : "",
				       d->issue_title ? d->issue_title : "");
		int a = k == ms->icur && focused ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		ui_put_cut(r.y + 1 + i, r.x, r.w, line, a, true);
		free(line);
	}
	if (r.h - 2 - rows < 3)
		return;
	struct ui_lines l = {0};
	detail_build(ui, ms, r.w, &l);
	mvhline(r.y + 1 + rows, r.x, ACS_HLINE, r.w);
	int top = 0;
	ui_lines_draw(&l, (struct ui_rect){r.y + 2 + rows, r.x, r.h - 2 - rows, r.w}, &top);
	ui_lines_free(&l);
}

/* ---- the meeting's own records ------------------------------------------ */

/* The form of sheet entry i (a section of a form the template lists for
 * the meeting) and its section; false past the end. */
static bool sheet_at(struct ui *ui, const struct meeting_scr *ms, size_t i,
		     const struct schema_form **form, size_t *sect)
{
	for (size_t f = 0; ms->tpl && f < ms->tpl->nmeeting_forms; f++) {
		const struct schema_form *sf =
		    schema_form_find(ui->forms, ms->tpl->meeting_forms[f]);
		if (!sf)
			continue;
		if (i < sf->nsections) {
			*form = sf;
			*sect = i;
			return true;
		}
		i -= sf->nsections;
	}
	return false;
}

size_t ui_sheets_count(struct ui *ui, const struct meeting_scr *ms)
{
	size_t n = 0;
	for (size_t f = 0; ms->tpl && f < ms->tpl->nmeeting_forms; f++) {
		const struct schema_form *sf =
		    schema_form_find(ui->forms, ms->tpl->meeting_forms[f]);
		n += sf ? sf->nsections : 0;
	}
	return n;
}

static size_t sheets_rows(struct ui *ui, struct meeting_scr *ms, size_t **cur)
{
	*cur = &ms->scur;
	return ui_sheets_count(ui, ms);
}

void ui_sheets_page_close(struct ui *ui, struct meeting_scr *ms)
{
	if (!ms->sedit)
		return;
	ui_form_flush(ui, &ms->sform);
	ui_form_free(&ms->sform);
	ui_rec_free(&ms->srec);
	ms->sedit = false;
}

static void sheet_open(struct ui *ui, struct meeting_scr *ms)
{
	const struct schema_form *form;
	size_t sect;
	if (!sheet_at(ui, ms, ms->scur, &form, &sect))
		return;
	ui_sheets_page_close(ui, ms);
	/* The meeting's own record of the form (no case), made when first
	 * opened; read-only, an empty page. */
	char id[STORE_ID_SIZE] = "";
	struct kaigi_error err;
	if (!ui->read_only &&
	    store_record_ensure(ui->st, ms->m.id, NULL, form->id, id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	if (ui_rec_load(&ms->srec, ui->st, id, form, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	const struct schema_section *sec = &form->sections[sect];
	char title[512];
	snprintf(title, sizeof title, "%s — %s", schema_label_get(&form->title, ui->lang),
		 schema_label_get(&sec->title, ui->lang));
	ui_form_init(&ms->sform, ui_src_record(&ms->srec), sec->fields, sec->nfields, title);
	ui_form_rebuild(ui, &ms->sform);
	ms->sedit = true;
}

static const struct ui_meeting_act sheets_acts[] = {
    {UI_ACT_OPEN, sheet_open},
    {UI_ACT_RIGHT, sheet_open},
    {UI_ACT_NONE, NULL},
};

static void sheets_draw(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused)
{
	if (ms->sedit) {
		ui_form_draw(ui, &ms->sform, r, focused);
		return;
	}
	ui_put_cut(r.y, r.x, r.w, _("The meeting's own records"), ui_attr(ui, UI_A_HEADING), false);
	size_t n = ui_sheets_count(ui, ms);
	if (n == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   _("This meeting's template lists no form for the meeting itself."),
			   ui_attr(ui, UI_A_DIM), false);
		return;
	}
	for (size_t i = 0; i < n && (int)i < r.h - 1; i++) {
		const struct schema_form *form;
		size_t sect;
		if (!sheet_at(ui, ms, i, &form, &sect))
			break;
		char *line = xasprintf("%s — %s", schema_label_get(&form->title, ui->lang),
				       schema_label_get(&form->sections[sect].title, ui->lang));
		int a = i == ms->scur && focused ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		ui_put_cut(r.y + 1 + (int)i, r.x, r.w, line, a, true);
		free(line);
	}
}

void ui_policy_free(struct meeting_scr *ms)
{
	issues_clear(ms);
	ui_synth_page_free(&ms->iform, &ms->if_);
	kaigi_value_clear(&ms->iv);
	ui_form_free(&ms->sform);
	ui_rec_free(&ms->srec);
}

const struct ui_meeting_list ui_policy_list = {UI_CTX_POLICY, policy_rows, policy_draw,
					       policy_acts,   reorder,     MCONF_REMOVE_ISSUE};

const struct ui_meeting_list ui_sheets_list = {UI_CTX_SHEETS, sheets_rows, sheets_draw,
					       sheets_acts,   NULL,        MCONF_NONE};
