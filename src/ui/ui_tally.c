// SPDX-License-Identifier: MIT
/*
 * ui_tally.c — the tallies pane of the regional-issues screen (see
 * ui_tally.h).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/fiscal.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_lines.h"
#include "ui_screens.h"
#include "ui_tally.h"

void ui_tally_free(struct ui_tally *v)
{
	store_tally_free(&v->t);
	store_kpi_list_free(&v->kpi);
	store_case_list_free(&v->cases);
	free(v->cases_title);
	v->cases_title = NULL;
	v->cases_open = false;
}

void ui_tally_load(struct ui *ui, struct ui_tally *v, const struct store_period *p)
{
	store_tally_free(&v->t);
	store_kpi_list_free(&v->kpi);
	struct kaigi_error err;
	if (store_tally_run(ui->st, p, &v->t, &err) != KAIGI_OK ||
	    store_kpi_rollup(ui->st, p, v->calendar, &v->kpi, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	ui_cursor_clamp(&v->cur, v->t.n);
}

static const char *kind_heading(enum store_tally_kind k)
{
	switch (k) {
	case STORE_TALLY_CATEGORY:
		return _("Issues by category");
	case STORE_TALLY_ROW:
		return _("ADL/IADL rows rated as a problem");
	case STORE_TALLY_CODE:
		return _("Key problems");
	default:
		return _("Regional issues raised");
	}
}

static size_t pct(size_t n, size_t all)
{
	return all ? (n * 100 + all / 2) / all : 0;
}

/* The area with the highest share of the line, as "北部圏域 48%". */
static void top_area(const struct store_tally *t, const struct store_tally_line *l, char *buf,
		     size_t size)
{
	size_t best = 0;
	const char *name = NULL;
	for (size_t i = 0; i < l->nareas; i++) {
		size_t all = 0;
		for (size_t k = 0; k < t->nareas; k++)
			if (strcmp(t->areas[k].area, l->areas[i].area) == 0)
				all = t->areas[k].cases;
		size_t s = pct(l->areas[i].cases, all);
		if (!name || s > best) {
			best = s;
			name = l->areas[i].area;
		}
	}
	if (name)
		snprintf(buf, size, _("highest: %s %zu%%"), *name ? name : "-", best);
	else
		buf[0] = '\0';
}

static void tally_lines(struct ui *ui, struct ui_tally *v, bool focus, struct ui_lines *l)
{
	for (int i = 0; i < UI_TALLY_LINES; i++)
		v->row_line[i] = -1;
	ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), _("%zu case reviews in the period"),
		      v->t.cases);
	int kind = -1;
	for (size_t i = 0; i < v->t.n; i++) {
		const struct store_tally_line *t = &v->t.v[i];
		if ((int)t->kind != kind) {
			kind = (int)t->kind;
			ui_lines_add(l, "", (int)A_NORMAL);
			ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "■ %s", kind_heading(t->kind));
		}
		if (i < UI_TALLY_LINES)
			v->row_line[i] = (int)l->n;
		bool on = focus && i == v->cur;
		bool similar = t->similar_to != (size_t)-1;
		char area[160];
		top_area(&v->t, t, area, sizeof area);
		ui_lines_addf(l, on ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL,
			      _("%s%s  %zu (%zu%%)  %s"), similar ? "  ≈ " : "  ",
			      store_tally_label(ui->forms, t, ui->lang), t->cases,
			      pct(t->cases, v->t.cases), area);
	}
	if (v->t.n == 0)
		ui_lines_add(l, _("No case was reviewed in this period."), ui_attr(ui, UI_A_DIM));
	/* The care levels followed. */
	ui_lines_add(l, "", (int)A_NORMAL);
	ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "■ %s", _("Care levels followed"));
	if (v->kpi.n == 0)
		ui_lines_add(l, _("No case has a care level recorded."), ui_attr(ui, UI_A_DIM));
	for (size_t i = 0; i < v->kpi.n; i++) {
		const struct store_kpi *k = &v->kpi.v[i];
		char y[32];
		kaigi_year_name(k->year, v->calendar, ui->lang, y, sizeof y);
		ui_lines_addf(l, (int)A_NORMAL,
			      _("  %s %-8s follow-ups ↑%zu →%zu ↓%zu · a year on %zu/%zu heavier "
				"(%zu%%)"),
			      y, *k->area ? k->area : "-", k->improved, k->same, k->worse,
			      k->worse_1y, k->followed_1y, pct(k->worse_1y, k->followed_1y));
	}
}

static void case_lines(struct ui *ui, struct ui_tally *v, struct ui_lines *l)
{
	ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "%s", v->cases_title ? v->cases_title : "");
	for (size_t i = 0; i < v->cases.n; i++) {
		const struct store_case *c = &v->cases.v[i];
		ui_lines_addf(l, i == v->ccur ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL,
			      "  %s  %s", c->meeting_date ? c->meeting_date : "",
			      c->person_code ? c->person_code : "");
	}
}

void ui_tally_draw(struct ui *ui, struct ui_tally *v, struct ui_rect pane, bool focus)
{
	struct ui_lines l = {0};
	if (v->cases_open) {
		case_lines(ui, v, &l);
		int at = (int)v->ccur + 1;
		if (at < v->ctop)
			v->ctop = at;
		if (at + 1 >= v->ctop + pane.h)
			v->ctop = at + 2 - pane.h;
		ui_lines_draw(&l, pane, &v->ctop);
	} else {
		tally_lines(ui, v, focus, &l);
		int at = v->cur < UI_TALLY_LINES ? v->row_line[v->cur] : -1;
		if (at >= 0 && focus) {
			if (at - 2 < v->top)
				v->top = at > 2 ? at - 2 : 0;
			if (at + 1 >= v->top + pane.h)
				v->top = at + 2 - pane.h;
		}
		ui_lines_draw(&l, pane, &v->top);
	}
	ui_lines_free(&l);
}

const char *ui_tally_hint(const struct ui_tally *v)
{
	if (v->cases_open)
		return _("Enter: the person's history  Esc: back to the tallies");
	return _("Enter: the cases behind the figure  l: merge ≈ into the line above (undo)  c: "
		 "calendar years / 年度");
}

static void cases_open(struct ui *ui, struct ui_tally *v, const struct store_period *p)
{
	if (v->cur >= v->t.n)
		return;
	const struct store_tally_line *t = &v->t.v[v->cur];
	struct kaigi_error err;
	store_case_list_free(&v->cases);
	if (store_tally_cases(ui->st, p, t->key, &v->cases, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return;
	}
	free(v->cases_title);
	v->cases_title =
	    xasprintf(_("%s: %zu case(s)"), store_tally_label(ui->forms, t, ui->lang), v->cases.n);
	v->cases_open = true;
	v->ccur = 0;
	v->ctop = 0;
}

static void merge(struct ui *ui, struct ui_tally *v, const struct store_period *p)
{
	if (v->cur >= v->t.n || !ui_writable(ui))
		return;
	const struct store_tally_line *t = &v->t.v[v->cur];
	if (t->kind != STORE_TALLY_RAISED)
		return;
	struct kaigi_error err;
	if (t->similar_to != (size_t)-1) {
		const char *into = v->t.v[t->similar_to].item;
		if (store_wording_merge(ui->st, t->item, into, &err) != KAIGI_OK) {
			ui_msg_error(ui, &err);
			return;
		}
		ui_saved(ui);
		ui_msg(ui, UI_MSG_INFO, _("Merged: now counted as 「%s」."), into);
	} else {
		struct store_strings m;
		if (store_wording_merged(ui->st, t->item, &m, &err) != KAIGI_OK) {
			ui_msg_error(ui, &err);
			return;
		}
		for (size_t i = 0; i < m.n; i++)
			if (store_wording_merge(ui->st, m.v[i], NULL, &err) != KAIGI_OK)
				ui_msg_error(ui, &err);
		if (m.n) {
			ui_saved(ui);
			ui_msg(ui, UI_MSG_INFO, _("%zu wording(s) counted on their own again."),
			       m.n);
		} else {
			ui_msg(ui, UI_MSG_INFO, "%s",
			       _("Only a ≈ line (a near-identical wording) can be merged."));
		}
		store_strings_free(&m);
	}
	ui_tally_load(ui, v, p);
}

bool ui_tally_key(struct ui *ui, struct ui_tally *v, const struct store_period *p,
		  const struct ui_key *k)
{
	if (v->cases_open) {
		if (ui_cursor_move(&v->ccur, v->cases.n, k->act, (struct ui_cursor_keys){0}))
			return true;
		switch (k->act) {
		case UI_ACT_OPEN:
			if (v->ccur < v->cases.n)
				ui_history_open(ui, v->cases.v[v->ccur].person_id,
						v->cases.v[v->ccur].id);
			return true;
		case UI_ACT_BACK:
		case UI_ACT_LEFT:
			v->cases_open = false;
			return true;
		default:
			return false;
		}
	}
	if (ui_cursor_move(&v->cur, v->t.n, k->act,
			   (struct ui_cursor_keys){.ends = true, .page = 10})) {
		if (k->act == UI_ACT_HOME)
			v->top = 0;
		return true;
	}
	switch (k->act) {
	case UI_ACT_OPEN:
		cases_open(ui, v, p);
		return true;
	case UI_ACT_LINK:
		merge(ui, v, p);
		return true;
	default:
		return false;
	}
}
