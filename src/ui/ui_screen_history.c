// SPDX-License-Identifier: MIT
/*
 * ui_screen_history.c — a person's case history: every review, oldest
 * first, in the side list; for the one highlighted, what changed since the
 * review before it (the ADL/IADL grids row by row), the actions agreed
 * before with their status now — closable here, with x or a pick of
 * status — the evaluation of the short-term goals, and what the review
 * itself agreed (goals, actions, follow-up date, regional issues).
 *
 * It opens at the top of the pane — the review's date, what it is compared
 * with and the column heads — and Up/Down/PgUp/PgDn scroll the pane;
 * Up/Down move the highlight between the actions agreed before only while
 * it is on screen, and the pane follows the highlight only when a key
 * moved it (else the first action, far down, would pull the headings off
 * the top and Up could never bring them back).
 *
 * Opened with h from a running case or the meeting's agenda.  Every read
 * and write goes through the store (store_compare_cases,
 * store_followup_actions, store_action_status_set); closing an action
 * saves its status answer in the review that agreed it, audited.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/followup.h"
#include "kaigi/policy.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_compare.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "ui_lines.h"
#include "ui_readback.h"
#include "ui_screens.h"
#include "ui_select.h"

#define HIST_RECS 8

struct history {
	struct store_person p;
	struct store_case_list reviews; /* oldest first */
	size_t cur, side_top;
	bool focus_side;

	/* The highlighted review, read when the highlight moves. */
	char loaded[STORE_ID_SIZE];
	const struct schema_meeting *tpl;
	char *meeting_title;
	struct store_compare cmp;
	struct store_action_list acts; /* agreed before, carried into this review */
	struct ui_rec recs[HIST_RECS];
	size_t nrecs;

	size_t acur; /* highlighted action */
	int top;     /* pane scroll */
	int pane_h;  /* the pane's height when last drawn */
	bool reveal; /* scroll the highlighted action into view at the next draw */
	int act_line[64];
	struct ui_select sel; /* the status of an action */
};

static void review_free(struct history *h)
{
	store_compare_clear(&h->cmp);
	store_action_list_free(&h->acts);
	for (size_t i = 0; i < h->nrecs; i++)
		ui_rec_free(&h->recs[i]);
	h->nrecs = 0;
	free(h->meeting_title);
	h->meeting_title = NULL;
	h->tpl = NULL;
	h->loaded[0] = '\0';
}

static void review_load(struct ui *ui, struct history *h)
{
	if (h->cur >= h->reviews.n)
		return;
	const struct store_case *c = &h->reviews.v[h->cur];
	if (strcmp(h->loaded, c->id) == 0)
		return;
	review_free(h);
	struct kaigi_error err;
	struct store_meeting m;
	memset(&m, 0, sizeof m);
	if (store_meeting_get(ui->st, c->meeting_id, &m, &err) == KAIGI_OK) {
		h->tpl = schema_meeting_find(ui->forms, m.template_id);
		h->meeting_title = xstrdup_or_null(m.f[STORE_MEETING_TITLE]);
	}
	store_meeting_clear(&m);
	if (c->follows[0] &&
	    store_compare_cases(ui->st, c->follows, c->id, &h->cmp, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	if (store_followup_actions(ui->st, c->id, &h->acts, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	h->nrecs = ui_readback_load(ui, c->meeting_id, c->id, h->recs, HIST_RECS);
	snprintf(h->loaded, sizeof h->loaded, "%s", c->id);
	h->acur = 0;
	h->top = 0;
	h->reveal = false;
}

/* Whether the highlighted action is on screen (as last drawn). */
static bool action_shown(const struct history *h)
{
	if (h->acur >= h->acts.n || h->acur >= sizeof h->act_line / sizeof h->act_line[0])
		return false;
	int at = h->act_line[h->acur];
	return at >= 0 && at >= h->top && at < h->top + h->pane_h;
}

static unsigned history_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct history *h = state;
	if (h->sel.open)
		return UI_CTX_SELECT;
	if (h->focus_side)
		return UI_CTX_SIDE | UI_CTX_HISTORY | UI_CTX_NAV | UI_CTX_CMD;
	return UI_CTX_HISTORY | UI_CTX_NAV | UI_CTX_CMD;
}

/* The status column of form's list of actions, when it has choices; or
 * NULL. */
static const struct schema_field *form_status(const struct schema_form *form)
{
	const struct schema_field *l = schema_field_find(form, KAIGI_FIELD_ACTIONS);
	const struct schema_field *sf =
	    l && l->type == SCHEMA_LIST ? schema_subfield_find(l, KAIGI_FIELD_STATUS) : NULL;
	return sf && sf->choices ? sf : NULL;
}

/* The label of an action status value, from the form that agreed it. */
static const char *status_label(struct ui *ui, const struct store_action *a)
{
	if (!a->status)
		return _("(no status)");
	for (size_t i = 0; i < ui->forms->nforms; i++) {
		const struct schema_field *sf = form_status(ui->forms->forms[i]);
		int k = sf ? schema_choice_find(sf->choices, a->status) : -1;
		if (k >= 0)
			return schema_label_get(&sf->choices->v[k].label, ui->lang);
	}
	return a->status;
}

static const struct schema_field *status_field(struct ui *ui)
{
	for (size_t i = 0; i < ui->forms->nforms; i++) {
		const struct schema_field *sf = form_status(ui->forms->forms[i]);
		if (sf)
			return sf;
	}
	return NULL;
}

static void set_status(struct ui *ui, struct history *h, const char *status)
{
	if (h->acur >= h->acts.n || !ui_writable(ui))
		return;
	struct store_action *a = &h->acts.v[h->acur];
	struct kaigi_error err;
	if (store_action_status_set(ui->st, a, status, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, _("%s: %s"), a->what ? a->what : "", status_label(ui, a));
}

static void status_pick(struct ui *ui, struct history *h)
{
	const struct schema_field *sf = status_field(ui);
	if (h->acur >= h->acts.n || !sf || !ui_writable(ui))
		return;
	const struct store_action *a = &h->acts.v[h->acur];
	ui_select_begin(&h->sel, _("Status of the action"), false, 0);
	for (size_t i = 0; i < sf->choices->n; i++) {
		const struct schema_choice *c = &sf->choices->v[i];
		ui_select_add(&h->sel, c->value, schema_label_get(&c->label, ui->lang),
			      a->status && strcmp(a->status, c->value) == 0);
	}
	ui_select_show(&h->sel);
}

static enum ui_result history_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct history *h = state;
	if (h->sel.open) {
		char *v = ui_select_pick(ui, &h->sel, k);
		if (v)
			set_status(ui, h, v);
		free(v);
		return UI_REDRAW;
	}
	if (h->focus_side) {
		if (k->act == UI_ACT_BACK || k->act == UI_ACT_LEFT) {
			ui_pop(ui);
			return UI_REDRAW;
		}
		if (k->act == UI_ACT_OPEN || k->act == UI_ACT_RIGHT)
			h->focus_side = false;
		else
			ui_cursor_move(&h->cur, h->reviews.n, k->act, UI_CURSOR_LIST);
		review_load(ui, h);
		return UI_REDRAW;
	}
	/* ↑ ↓ move through the actions while the highlighted one is in view,
	 * and scroll the page past the first and the last. */
	if ((k->act == UI_ACT_UP || k->act == UI_ACT_DOWN) && action_shown(h)) {
		size_t was = h->acur;
		ui_cursor_move(&h->acur, h->acts.n, k->act, (struct ui_cursor_keys){0});
		if (h->acur != was) {
			h->reveal = true;
			return UI_REDRAW;
		}
	}
	int page = h->pane_h > 2 ? h->pane_h - 1 : 1;
	if (ui_scroll_move(&h->top, k->act, page)) {
		if (k->act == UI_ACT_HOME)
			h->acur = 0;
		return UI_REDRAW;
	}
	switch (k->act) {
	case UI_ACT_CLOSE_ACTION:
		if (h->acur < h->acts.n)
			set_status(ui, h, h->acts.v[h->acur].open ? "done" : "todo");
		h->reveal = true; /* show what changed */
		break;
	case UI_ACT_EDIT:
		status_pick(ui, h);
		h->reveal = true;
		break;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
		h->focus_side = true;
		break;
	default:
		break;
	}
	return UI_REDRAW;
}

static void pane_lines(struct ui *ui, struct history *h, int w, struct ui_lines *l)
{
	const struct store_case *c = &h->reviews.v[h->cur];
	ui_lines_addf(l, (int)A_BOLD, "%s  %s", c->meeting_date ? c->meeting_date : "",
		      h->meeting_title ? h->meeting_title : "");
	if (c->presenter)
		ui_lines_addf(l, ui_attr(ui, UI_A_DIM), "%s: %s", _("Presenter"), c->presenter);
	ui_lines_add(l, "", (int)A_NORMAL);
	/* What the policy meeting decided about this person's issues
	 * (「事例にかえる」, kaigi/policy.h). */
	struct store_decision_list dl;
	struct kaigi_error err;
	if (store_case_decisions(ui->st, c->id, &dl, &err) == KAIGI_OK && dl.n) {
		ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "%s",
			      _("Decisions of the policy meeting (地域ケア推進会議)"));
		for (size_t i = 0; i < dl.n; i++) {
			ui_lines_addf(l, ui_attr(ui, UI_A_DIM), "  %s  %s", dl.v[i].meeting_date,
				      dl.v[i].issue_title);
			ui_lines_wrap(l, dl.v[i].decision, w, 4, (int)A_NORMAL);
		}
		ui_lines_add(l, "", (int)A_NORMAL);
	}
	store_decision_list_free(&dl);
	if (c->follows[0])
		ui_compare_lines(ui, &h->cmp, w, l);
	else
		ui_ratings_lines(ui, h->recs, h->nrecs, w, l);
	for (size_t i = 0; i < sizeof h->act_line / sizeof h->act_line[0]; i++)
		h->act_line[i] = -1;
	if (h->acts.n) {
		ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "%s",
			      _("Actions agreed before — status now (x closes)"));
		for (size_t i = 0; i < h->acts.n; i++) {
			const struct store_action *a = &h->acts.v[i];
			if (i < sizeof h->act_line / sizeof h->act_line[0])
				h->act_line[i] = (int)l->n;
			int attr = i == h->acur && !h->focus_side ? ui_attr(ui, UI_A_CURSOR)
				   : a->open                      ? (int)A_NORMAL
								  : ui_attr(ui, UI_A_DIM);
			ui_lines_addf(l, attr, "%s %s  %s%s%s  [%s]", a->open ? "□" : "■",
				      a->what ? a->what : "", a->who ? a->who : "",
				      a->due ? " ~" : "", a->due ? a->due : "",
				      status_label(ui, a));
		}
		ui_lines_add(l, "", (int)A_NORMAL);
	}
	ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "%s", _("Agreed at this review"));
	ui_readback_build(ui, h->tpl, h->recs, h->nrecs, false, w, l);
}

static void history_draw(struct ui *ui, void *state)
{
	struct history *h = state;
	char title[512];
	snprintf(title, sizeof title, "%s — %s %s %s %s", _("Case history"),
		 h->p.code ? h->p.code : "", h->p.initials ? h->p.initials : "",
		 h->p.age_band ? h->p.age_band : "", ui_sex_label(h->p.sex));
	char right[64];
	snprintf(right, sizeof right, _("%zu reviews"), h->reviews.n);
	ui_header_draw(ui, title, right);
	struct ui_rect side, pane;
	ui_split(ui, 0, &side, &pane);
	char **labels = xcalloc(h->reviews.n ? h->reviews.n : 1, sizeof *labels);
	for (size_t i = 0; i < h->reviews.n; i++)
		labels[i] = xasprintf("%s%s", h->reviews.v[i].meeting_date,
				      h->reviews.v[i].follows[0] ? " ↻" : "");
	bool narrow = ui_side_draw(ui, side, pane, (const char *const *)labels, h->reviews.n,
				   h->cur, &h->side_top, h->focus_side);
	for (size_t i = 0; i < h->reviews.n; i++)
		free(labels[i]);
	free(labels);
	if (!narrow && h->cur < h->reviews.n) {
		struct ui_lines l = {0};
		pane_lines(ui, h, pane.w, &l);
		/* Bring the highlighted action into view when a key moved it. */
		int at = h->acur < sizeof h->act_line / sizeof h->act_line[0] ? h->act_line[h->acur]
									      : -1;
		h->pane_h = pane.h;
		if (!h->focus_side && at >= 0 && h->reveal) {
			if (at < h->top)
				h->top = at;
			if (at >= h->top + pane.h)
				h->top = at - pane.h + 1;
		}
		h->reveal = false;
		ui_lines_draw(&l, pane, &h->top);
		ui_lines_free(&l);
	}
	ui_status_draw(ui, "");
	ui_select_draw(ui, &h->sel);
}

static void history_resume(struct ui *ui, void *state)
{
	struct history *h = state;
	h->loaded[0] = '\0';
	review_load(ui, h);
}

static void history_free(void *state)
{
	struct history *h = state;
	review_free(h);
	store_case_list_free(&h->reviews);
	store_person_clear(&h->p);
	ui_select_close(&h->sel);
	free(h);
}

static const struct ui_screen history_screen = {
    .name = "history",
    .contexts = history_contexts,
    .key = history_key,
    .draw = history_draw,
    .resume = history_resume,
    .free = history_free,
};

void ui_history_open(struct ui *ui, const char *person_id, const char *case_id)
{
	struct history *h = xcalloc(1, sizeof *h);
	struct kaigi_error err;
	if (store_person_get(ui->st, person_id, NULL, &h->p, &err) != KAIGI_OK ||
	    store_case_history(ui->st, person_id, &h->reviews, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		history_free(h);
		return;
	}
	if (h->reviews.n == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("No review of this person yet."));
		history_free(h);
		return;
	}
	h->cur = h->reviews.n - 1;
	for (size_t i = 0; case_id && i < h->reviews.n; i++)
		if (strcmp(h->reviews.v[i].id, case_id) == 0)
			h->cur = i;
	review_load(ui, h);
	ui_push(ui, &history_screen, h);
}
