// SPDX-License-Identifier: MIT
/*
 * ui_screen_register.c — the town's regional issues (地域課題), opened with
 * r from home: what the cases raised, by category and area, counted by
 * cases and meetings; the register of issues promoted for policy, with
 * their kind (連携強化 / 公的制度化 / 資源発掘), owner and status; and how
 * the people followed up fared, by year and area.  [ and ] step through
 * the years; * shows every year.
 *
 * Enter on a raised wording promotes it: an issue of the register is made
 * with the wording as its title (or the wording's later cases are linked
 * to the issue it is already in) and its page opens, saved field by field
 * like any page.  l links a wording to an issue already in the register
 * (two wordings, one issue).  The figures are the store's
 * (store_raised_rollup, store_register_rollup, store_outcome_rollup), the
 * same the printed report shows.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/fiscal.h"
#include "kaigi/followup.h"
#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_lines.h"
#include "ui_screens.h"
#include "ui_select.h"
#include "ui_synth.h"
#include "ui_tally.h"

#include "ui_register.h"

static void load(struct ui *ui, struct reg *g)
{
	store_raised_list_free(&g->raised);
	store_issue_list_free(&g->issues);
	store_outcome_list_free(&g->outcomes);
	struct store_period p = {g->year ? g->from : NULL, g->year ? g->to : NULL, NULL};
	struct kaigi_error err;
	if (store_raised_rollup(ui->st, &p, &g->raised, &err) != KAIGI_OK ||
	    store_register_rollup(ui->st, &p, &g->issues, &err) != KAIGI_OK ||
	    store_outcome_rollup_years(ui->st, &p, g->calendar, &g->outcomes, &err) != KAIGI_OK ||
	    store_policy_meeting_latest(ui->st, g->policy_meeting, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	/* The tallies read every answer of the period that counts: only when
	 * their pane (or an issue's page, for its indicator) needs them. */
	g->tally.calendar = g->calendar;
	g->tally_stale = true;
	size_t n[RG_COUNT] = {g->raised.n, g->issues.n, g->outcomes.n};
	for (int i = 0; i < RG_COUNT; i++)
		if (g->cur[i] >= n[i])
			g->cur[i] = n[i] ? n[i] - 1 : 0;
}

static void tally_fresh(struct ui *ui, struct reg *g)
{
	if (!g->tally_stale)
		return;
	struct store_period p = {g->year ? g->from : NULL, g->year ? g->to : NULL, NULL};
	ui_tally_load(ui, &g->tally, &p);
	g->tally_stale = false;
}

static void year_set(struct ui *ui, struct reg *g, int year)
{
	g->year = year < 1 ? 1 : year > 9998 ? 9998 : year;
	char from[11], to[11];
	kaigi_year_range(g->year, g->calendar, from, to);
	snprintf(g->from, sizeof g->from, "%s", from);
	snprintf(g->to, sizeof g->to, "%s", to);
	load(ui, g);
}

/* The 年度 (or calendar year) of today. */
static int this_year(const struct reg *g)
{
	char today[11];
	ui_today(today);
	return kaigi_year_of(today, g->calendar);
}

/* ---- an issue's page ----------------------------------------------------- */

/* A number as the page shows it ("" when absent). */
static void num_text(bool has, double v, char *buf, size_t size)
{
	if (has)
		snprintf(buf, size, "%g", v);
	else
		buf[0] = '\0';
}

static void page_fill(struct reg *g)
{
	char nb[32], nt[32], nr[32];
	num_text(g->e.has_baseline, g->e.baseline, nb, sizeof nb);
	num_text(g->e.has_target, g->e.target, nt, sizeof nt);
	num_text(g->e.has_result, g->e.result, nr, sizeof nr);
	char *decision = NULL;
	struct kaigi_error err;
	if (g->policy_meeting[0])
		store_issue_decision(g->ui->st, g->policy_meeting, g->e.id, &decision, &err);
	const char *v[RV_COUNT] = {g->e.title,         g->e.policy,
				   g->e.owner,         g->e.status,
				   g->e.category,      g->e.area,
				   g->e.description,   g->e.measure,
				   g->e.decided,       g->e.indicator,
				   g->e.indicator_key, nb,
				   g->e.baseline_date, nt,
				   g->e.target_date,   nr,
				   g->e.result_date,   decision};
	for (int i = 0; i < RV_COUNT; i++)
		ui_synth_value_set(&g->v[i], v[i]);
	free(decision);
}

static int rv_of(const char *id)
{
	return ui_synth_index(rv_ids, RV_COUNT, id);
}

/* A number typed on the page into *v (*has false when cleared). */
static enum kaigi_status num_parse(const char *text, bool *has, double *v, struct kaigi_error *err)
{
	*has = text && *text;
	if (!*has)
		return KAIGI_OK;
	char *end = NULL;
	*v = strtod(text, &end);
	if (end == text || *end)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, _("not a number: %s"), text);
	return KAIGI_OK;
}

static enum kaigi_status page_put(void *ctx, int i, const char *text, struct kaigi_error *err)
{
	struct reg *g = ctx;
	enum kaigi_status s = KAIGI_OK;
	if (i == RV_DECISION) {
		/* What the latest policy meeting decided about the issue. */
		if (!g->policy_meeting[0])
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s",
					       _("No policy meeting yet: make one from the 地域ケア"
						 "推進会議 template, then put the issue on its "
						 "agenda (p)."));
		s = store_agenda_decide(g->ui->st, g->policy_meeting, g->e.id, text, err);
	} else {
		struct store_issue e = g->e;
		char **slot[RV_COUNT] = {
		    &e.title,         &e.policy,    &e.owner,         &e.status,
		    &e.category,      &e.area,      &e.description,   &e.measure,
		    &e.decided,       &e.indicator, &e.indicator_key, NULL,
		    &e.baseline_date, NULL,         &e.target_date,   NULL,
		    &e.result_date,   NULL};
		if (i == RV_BASELINE)
			s = num_parse(text, &e.has_baseline, &e.baseline, err);
		else if (i == RV_TARGET)
			s = num_parse(text, &e.has_target, &e.target, err);
		else if (i == RV_RESULT)
			s = num_parse(text, &e.has_result, &e.result, err);
		else
			*slot[i] = (char *)(text && *text ? text : NULL);
		if (s == KAIGI_OK)
			s = store_issue_save(g->ui->st, &e, err);
	}
	if (s != KAIGI_OK)
		return s;
	char id[STORE_ID_SIZE];
	memcpy(id, g->e.id, sizeof id);
	store_issue_clear(&g->e);
	s = store_issue_get(g->ui->st, id, &g->e, err);
	page_fill(g);
	return s;
}

static void page_open(struct ui *ui, struct reg *g, const char *issue_id)
{
	struct kaigi_error err;
	store_issue_clear(&g->e);
	if (store_issue_get(ui->st, issue_id, &g->e, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_synth_page_free(&g->form, &g->f);
	struct schema_field *f =
	    ui_synth_add(&g->f, "title", SCHEMA_TEXT, _("Regional issue"),
			 _("As the policy meeting will read it; unique in the register"));
	f->required = true;
	ui_synth_add(&g->f, "policy", SCHEMA_SELECT_ONE, _("Kind of policy response"),
		     _("How Toyoake routes an issue to policy"));
	ui_synth_choice(&g->f, "cooperation", ui_reg_policy_label("cooperation"));
	ui_synth_choice(&g->f, "programme", ui_reg_policy_label("programme"));
	ui_synth_choice(&g->f, "resource", ui_reg_policy_label("resource"));
	ui_synth_add(&g->f, "owner", SCHEMA_TEXT, _("Owner"),
		     _("Who carries it: a section or organisation, e.g. 高齢介護課"));
	ui_synth_add(&g->f, "status", SCHEMA_SELECT_ONE, _("Status"), NULL);
	ui_synth_choice(&g->f, "open", ui_reg_status_label("open"));
	ui_synth_choice(&g->f, "referred", ui_reg_status_label("referred"));
	ui_synth_choice(&g->f, "addressed", ui_reg_status_label("addressed"));
	ui_synth_choice(&g->f, "closed", ui_reg_status_label("closed"));
	ui_synth_add(&g->f, "category", SCHEMA_SELECT_ONE, _("Category"), NULL);
	/* The categories the cases use (case_plan's issue_category). */
	for (size_t i = 0; i < ui->forms->nforms; i++) {
		const struct schema_field *l =
		    schema_field_find(ui->forms->forms[i], KAIGI_FIELD_REGIONAL_ISSUES);
		const struct schema_field *c =
		    l ? schema_subfield_find(l, KAIGI_FIELD_CATEGORY) : NULL;
		for (size_t k = 0; c && c->choices && k < c->choices->n; k++)
			ui_synth_choice(&g->f, c->choices->v[k].value,
					schema_label_get(&c->choices->v[k].label, ui->lang));
		if (c && c->choices)
			break;
	}
	ui_synth_add(&g->f, "area", SCHEMA_TEXT, _("Area"),
		     _("Daily-life area (日常生活圏域), or 全域 for the whole town"));
	ui_synth_add(&g->f, "description", SCHEMA_LONGTEXT, _("Description"), NULL);
	/* The measure and its numbers (doc/followup.md). */
	ui_synth_add(&g->f, "measure", SCHEMA_LONGTEXT, _("Measure"),
		     _("What the town does about it, e.g. a rehab professional visits with the "
		       "care manager"));
	ui_synth_add(&g->f, "decided", SCHEMA_DATE, _("Measure decided on"), NULL);
	ui_synth_add(
	    &g->f, "indicator", SCHEMA_TEXT, _("Indicator"),
	    _("What is measured, e.g. the share of cases with a medication problem, in percent"));
	tally_fresh(ui, g);
	ui_synth_add(&g->f, "indicator_key", SCHEMA_SELECT_ONE, _("Indicator from the tallies"),
		     _("kaigi then counts the indicator itself, year by year"));
	for (size_t i = 0; i < g->tally.t.n; i++) {
		const struct store_tally_line *t = &g->tally.t.v[i];
		static const char *const kinds[STORE_TALLY_KINDS] = {
		    N_("Category"), N_("ADL/IADL problem"), N_("Key problem"), N_("Raised")};
		char label[512];
		snprintf(label, sizeof label, "%s: %s", _(kinds[t->kind]),
			 store_tally_label(ui->forms, t, ui->lang));
		if (t->similar_to == (size_t)-1)
			ui_synth_choice(&g->f, t->key, label);
	}
	bool listed = false;
	for (size_t i = 0; i < g->tally.t.n; i++)
		listed |=
		    g->e.indicator_key && strcmp(g->tally.t.v[i].key, g->e.indicator_key) == 0;
	if (g->e.indicator_key && *g->e.indicator_key && !listed)
		ui_synth_choice(&g->f, g->e.indicator_key, g->e.indicator_key);
	ui_synth_add(&g->f, "baseline", SCHEMA_DECIMAL, _("Baseline"), NULL);
	ui_synth_add(&g->f, "baseline_date", SCHEMA_DATE, _("Baseline as of"), NULL);
	ui_synth_add(&g->f, "target", SCHEMA_DECIMAL, _("Target"), NULL);
	ui_synth_add(&g->f, "target_date", SCHEMA_DATE, _("Target by"), NULL);
	ui_synth_add(&g->f, "result", SCHEMA_DECIMAL, _("Result"), NULL);
	ui_synth_add(&g->f, "result_date", SCHEMA_DATE, _("Result as of"), NULL);
	ui_synth_add(&g->f, "decision", SCHEMA_LONGTEXT, _("Decision of the policy meeting"),
		     g->policy_meeting[0]
			 ? _("What the latest 地域ケア推進会議 decided; shown on every linked case")
			 : _("Make a meeting from the 地域ケア推進会議 template first"));
	page_fill(g);
	struct ui_src src = {.ctx = g, .values = g->v, .index = rv_of, .put = page_put};
	ui_form_init(&g->form, src, g->f.fields, g->f.n, _("An issue of the register"));
	ui_form_rebuild(ui, &g->form);
	g->page = true;
}

static void page_close(struct ui *ui, struct reg *g)
{
	ui_form_flush(ui, &g->form);
	ui_synth_page_free(&g->form, &g->f);
	g->page = false;
	load(ui, g);
}

/* ---- promoting and linking ------------------------------------------------ */

static void promote(struct ui *ui, struct reg *g)
{
	if (g->cur[RG_RAISED] >= g->raised.n || !ui_writable(ui))
		return;
	const struct store_raised *r = &g->raised.v[g->cur[RG_RAISED]];
	struct kaigi_error err;
	char id[STORE_ID_SIZE];
	const struct store_issue *same = NULL;
	for (size_t i = 0; i < g->issues.n && !same; i++)
		if (strcmp(g->issues.v[i].title, r->statement) == 0)
			same = &g->issues.v[i];
	if (r->issue_id[0]) {
		memcpy(id, r->issue_id, sizeof id);
	} else if (same) {
		/* An issue of that title is in the register already: join it. */
		memcpy(id, same->id, sizeof id);
	} else {
		struct store_issue e;
		memset(&e, 0, sizeof e);
		e.title = r->statement;
		e.policy = r->policy;
		e.category = *r->category ? r->category : NULL;
		e.area = *r->area ? r->area : NULL;
		if (store_issue_save(ui->st, &e, &err) != KAIGI_OK) {
			ui_msg_error(ui, &err);
			return;
		}
		memcpy(id, e.id, sizeof id);
	}
	size_t n = 0;
	if (store_issue_link_statement(ui->st, id, r->statement, &n, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, _("In the register, with %zu more case(s) linked."), n);
	page_open(ui, g, id);
}

static void link_open(struct ui *ui, struct reg *g)
{
	if (g->cur[RG_RAISED] >= g->raised.n || !ui_writable(ui))
		return;
	struct store_issue_list all;
	struct kaigi_error err;
	if (store_register_rollup(ui->st, NULL, &all, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	if (all.n == 0) {
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("The register is empty: Enter promotes the wording."));
		store_issue_list_free(&all);
		return;
	}
	ui_select_begin(&g->sel, _("Link the wording to which issue?"), false, 0);
	for (size_t i = 0; i < all.n; i++)
		ui_select_add(&g->sel, all.v[i].id, all.v[i].title, false);
	ui_select_show(&g->sel);
	store_issue_list_free(&all);
}

static void link_chosen(struct ui *ui, struct reg *g, const char *issue_id)
{
	const struct store_raised *r = &g->raised.v[g->cur[RG_RAISED]];
	size_t n = 0;
	struct kaigi_error err;
	if (store_issue_link_statement(ui->st, issue_id, r->statement, &n, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, _("%zu case(s) linked."), n);
	load(ui, g);
}

/* ---- the policy meeting ------------------------------------------------------ */

/* Put the highlighted register issue on the latest policy meeting's agenda. */
static void agenda_put(struct ui *ui, struct reg *g)
{
	if (g->cur[RG_REGISTER] >= g->issues.n || !ui_writable(ui))
		return;
	if (!g->policy_meeting[0]) {
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("No policy meeting yet: make one from the 地域ケア推進会議 template "
			 "first."));
		return;
	}
	struct kaigi_error err;
	const struct store_issue *is = &g->issues.v[g->cur[RG_REGISTER]];
	if (store_agenda_add(ui->st, g->policy_meeting, is->id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	ui_saved(ui);
	ui_msg(ui, UI_MSG_INFO, _("On the agenda of the policy meeting: %s"), is->title);
}

/* ---- keys ------------------------------------------------------------------ */

static unsigned reg_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct reg *g = state;
	if (g->confirm)
		return UI_CTX_CONFIRM;
	if (g->sel.open)
		return UI_CTX_SELECT;
	if (g->page) {
		unsigned c = ui_form_contexts(&g->form);
		return ui_form_editing(&g->form) ? c : c | UI_CTX_ISSUE | UI_CTX_CMD;
	}
	if (g->focus_side)
		return UI_CTX_SIDE | UI_CTX_REGISTER | UI_CTX_NAV | UI_CTX_CMD;
	return UI_CTX_REGISTER | UI_CTX_NAV | UI_CTX_CMD;
}

static size_t rows_of(const struct reg *g, int side)
{
	return side == RG_RAISED ? g->raised.n : side == RG_REGISTER ? g->issues.n : 0;
}

static enum ui_result reg_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct reg *g = state;
	if (g->confirm) {
		if (k->act == UI_ACT_YES && g->cur[RG_REGISTER] < g->issues.n) {
			struct kaigi_error err;
			if (store_issue_delete(ui->st, g->issues.v[g->cur[RG_REGISTER]].id, &err) !=
			    KAIGI_OK)
				ui_msg_error(ui, &err);
			else
				ui_saved(ui);
			load(ui, g);
		}
		g->confirm = false;
		return UI_REDRAW;
	}
	if (g->sel.open) {
		char *v = ui_select_pick(ui, &g->sel, k);
		if (v)
			link_chosen(ui, g, v);
		free(v);
		return UI_REDRAW;
	}
	if (g->page) {
		if (!ui_form_editing(&g->form) && k->act == UI_ACT_BACK) {
			page_close(ui, g);
			return UI_REDRAW;
		}
		if (ui_form_key(ui, &g->form, k) == UI_FORM_EXIT_LEFT)
			page_close(ui, g);
		return UI_REDRAW;
	}
	if (k->act == UI_ACT_CALENDAR) {
		/* 年度 ↔ calendar years, keeping the year's number. */
		g->calendar = !g->calendar;
		if (g->year)
			year_set(ui, g, g->year);
		else
			load(ui, g);
		return UI_REDRAW;
	}
	if (k->act == UI_ACT_AGENDA_PUT && !g->focus_side && g->side == RG_REGISTER) {
		agenda_put(ui, g);
		return UI_REDRAW;
	}
	if (!g->focus_side && g->side == RG_TALLY) {
		tally_fresh(ui, g);
		struct store_period p = {g->year ? g->from : NULL, g->year ? g->to : NULL, NULL};
		if (ui_tally_key(ui, &g->tally, &p, k))
			return UI_REDRAW;
	}
	switch (k->act) {
	case UI_ACT_PERIOD_PREV:
		year_set(ui, g, g->year ? g->year - 1 : this_year(g));
		return UI_REDRAW;
	case UI_ACT_PERIOD_NEXT:
		if (g->year && g->year < this_year(g))
			year_set(ui, g, g->year + 1);
		else if (g->year) {
			g->year = 0;
			load(ui, g);
		}
		return UI_REDRAW;
	case UI_ACT_PERIOD_ALL:
		g->year = 0;
		load(ui, g);
		return UI_REDRAW;
	default:
		break;
	}
	if (g->focus_side) {
		size_t side = (size_t)g->side;
		if (ui_side_key(ui, &side, RG_COUNT, k, (struct ui_cursor_keys){.tab = true},
				&g->focus_side))
			g->side = (enum reg_side)side;
		return UI_REDRAW;
	}
	size_t n = rows_of(g, g->side), *cur = &g->cur[g->side];
	/* A page of rows moves the cursor; a page without rows (a summary)
	 * scrolls. */
	if (n ? ui_cursor_move(cur, n, k->act, (struct ui_cursor_keys){.ends = true, .page = 10})
	      : ui_scroll_move(&g->top[g->side], k->act, 10)) {
		if (k->act == UI_ACT_HOME)
			g->top[g->side] = 0;
		return UI_REDRAW;
	}
	switch (k->act) {
	case UI_ACT_OPEN:
		if (g->side == RG_RAISED)
			promote(ui, g);
		else if (g->side == RG_REGISTER && *cur < g->issues.n)
			page_open(ui, g, g->issues.v[*cur].id);
		break;
	case UI_ACT_LINK:
		if (g->side == RG_RAISED)
			link_open(ui, g);
		break;
	case UI_ACT_DELETE:
		if (g->side == RG_REGISTER && *cur < g->issues.n && ui_writable(ui))
			g->confirm = true;
		break;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
		g->focus_side = true;
		break;
	default:
		break;
	}
	return UI_REDRAW;
}

/* ---- drawing (the panes: ui_register_lines.c) ------------------------------ */

static void reg_draw(struct ui *ui, void *state)
{
	struct reg *g = state;
	char period[64];
	if (g->year)
		kaigi_year_name(g->year, g->calendar, ui->lang, period, sizeof period);
	else
		snprintf(period, sizeof period, "%s", _("all years"));
	char title[256];
	snprintf(title, sizeof title, "%s — %s", _("Regional issues"), period);
	ui_header_draw(ui, title,
		       g->calendar ? _("[ ] year  * all  c 年度")
				   : _("[ ] 年度  * all  c calendar"));
	struct ui_rect side, pane;
	ui_split(ui, 0, &side, &pane);
	char a[64], b[64];
	snprintf(a, sizeof a, _("Raised (%zu)"), g->raised.n);
	snprintf(b, sizeof b, _("Register (%zu)"), g->issues.n);
	const char *labels[RG_COUNT] = {a, b, _("Follow-up outcomes"), _("Tallies")};
	bool narrow = ui_side_draw(ui, side, pane, labels, RG_COUNT, g->side, &g->side_top,
				   g->focus_side && !g->page);
	char hint[512] = "";
	if (narrow) {
		/* the side list has the page */
	} else if (g->page) {
		ui_form_draw(ui, &g->form, pane, true);
		ui_form_hint(ui, &g->form, hint, sizeof hint);
	} else if (g->side == RG_TALLY) {
		tally_fresh(ui, g);
		ui_tally_draw(ui, &g->tally, pane, !g->focus_side);
		snprintf(hint, sizeof hint, "%s", ui_tally_hint(&g->tally));
	} else {
		struct ui_lines l = {0};
		for (int i = 0; i < 256; i++)
			g->row_line[g->side][i] = -1;
		if (g->side == RG_RAISED)
			ui_reg_raised_lines(ui, g, &l);
		else if (g->side == RG_REGISTER)
			ui_reg_register_lines(ui, g, &l);
		else
			ui_reg_outcome_lines(ui, g, &l);
		size_t c = g->cur[g->side];
		int at = c < 256 ? g->row_line[g->side][c] : -1;
		int *top = &g->top[g->side];
		if (at >= 0 && !g->focus_side) {
			if (at < *top)
				*top = at;
			if (at + 1 >= *top + pane.h)
				*top = at + 2 - pane.h;
		}
		ui_lines_draw(&l, pane, top);
		ui_lines_free(&l);
		if (g->side == RG_REGISTER && !g->focus_side)
			snprintf(hint, sizeof hint, "%s",
				 _("Enter: open  p: on the policy meeting's agenda  d: take out"));
	}
	if (g->confirm)
		snprintf(hint, sizeof hint, "%s",
			 _("Take this issue out of the register? The cases keep what they raised. "
			   "(y/n)"));
	ui_status_draw(ui, hint);
	if (g->confirm)
		ui_put_cut(ui->rows - 2, 0, ui->cols, hint, ui_attr(ui, UI_A_WARN), true);
	ui_select_draw(ui, &g->sel);
}

static void reg_flush(struct ui *ui, void *state)
{
	struct reg *g = state;
	if (g->page)
		ui_form_flush(ui, &g->form);
}

static void reg_free(void *state)
{
	struct reg *g = state;
	store_raised_list_free(&g->raised);
	store_issue_list_free(&g->issues);
	store_outcome_list_free(&g->outcomes);
	ui_tally_free(&g->tally);
	ui_synth_page_free(&g->form, &g->f);
	store_issue_clear(&g->e);
	ui_synth_values_clear(g->v, RV_COUNT);
	ui_select_close(&g->sel);
	free(g);
}

static const struct ui_screen register_screen = {
    .name = "register",
    .contexts = reg_contexts,
    .key = reg_key,
    .draw = reg_draw,
    .flush = reg_flush,
    .free = reg_free,
};

void ui_register_open(struct ui *ui)
{
	struct reg *g = xcalloc(1, sizeof *g);
	g->ui = ui;
	load(ui, g);
	ui_push(ui, &register_screen, g);
}
