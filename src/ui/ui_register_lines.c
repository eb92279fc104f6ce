// SPDX-License-Identifier: MIT
/*
 * ui_register_lines.c — the lines of the regional-issues screen's panes
 * (raised wordings, the register, follow-up outcomes) and the labels they
 * use; moved out of ui_screen_register.c unchanged but for the 年度 names.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/fiscal.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "ui_register.h"
#include "ui_screens.h"

/* ---- labels -------------------------------------------------------------- */

const char *ui_reg_category_label(struct ui *ui, const char *form_id, const char *value)
{
	if (!value || !*value)
		return _("(no category)");
	for (size_t i = 0; i < ui->forms->nforms; i++) {
		const struct schema_form *f = ui->forms->forms[i];
		if (form_id && strcmp(f->id, form_id) != 0)
			continue;
		const struct schema_field *l = schema_field_find(f, KAIGI_FIELD_REGIONAL_ISSUES);
		const struct schema_field *c =
		    l ? schema_subfield_find(l, KAIGI_FIELD_CATEGORY) : NULL;
		int k = c && c->choices ? schema_choice_find(c->choices, value) : -1;
		if (k >= 0)
			return schema_label_get(&c->choices->v[k].label, ui->lang);
	}
	return form_id ? ui_reg_category_label(ui, NULL, value) : value;
}

const char *ui_reg_policy_label(const char *p)
{
	p = store_policy_normalise(p);
	if (!p)
		return _("(kind not set)");
	return strcmp(p, "cooperation") == 0 ? _("Stronger cooperation")
	       : strcmp(p, "programme") == 0 ? _("Formal programme")
					     : _("Finding resources");
}

const char *ui_reg_status_label(const char *s)
{
	if (!s || strcmp(s, "open") == 0)
		return _("Under discussion");
	if (strcmp(s, "referred") == 0)
		return _("Referred to the policy meeting");
	if (strcmp(s, "addressed") == 0)
		return _("Addressed");
	return strcmp(s, "closed") == 0 ? _("Closed") : s;
}

/* ---- drawing --------------------------------------------------------------- */

void ui_reg_raised_lines(struct ui *ui, struct reg *g, struct ui_lines *l)
{
	if (g->raised.n == 0) {
		ui_lines_add(l, _("No case raised a regional issue in this period."),
			     ui_attr(ui, UI_A_DIM));
		return;
	}
	const char *cat = NULL, *area = NULL;
	for (size_t i = 0; i < g->raised.n; i++) {
		const struct store_raised *r = &g->raised.v[i];
		if (!cat || strcmp(cat, r->category) != 0) {
			cat = r->category;
			area = NULL;
			ui_lines_addf(l, ui_attr(ui, UI_A_HEADING), "■ %s",
				      ui_reg_category_label(ui, r->form, cat));
		}
		if (!area || strcmp(area, r->area) != 0) {
			area = r->area;
			ui_lines_addf(l, (int)A_BOLD, "  %s", *area ? area : _("(area not given)"));
		}
		if (i < 256)
			g->row_line[RG_RAISED][i] = (int)l->n;
		bool on = i == g->cur[RG_RAISED] && !g->focus_side;
		const char *mark = r->issue_title ? (r->nunlinked ? "◐" : "●") : "○";
		ui_lines_addf(l, on ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL, "  %s %s", mark,
			      r->statement);
		char counts[160];
		snprintf(counts, sizeof counts, _("%zu cases, %zu meetings, last %s"), r->ncases,
			 r->nmeetings, r->last_seen ? r->last_seen : "");
		if (r->issue_title)
			ui_lines_addf(
			    l, ui_attr(ui, UI_A_DIM), _("      %s → %s%s"), counts, r->issue_title,
			    r->nunlinked ? _(" (later cases not linked: Enter links them)") : "");
		else
			ui_lines_addf(l, ui_attr(ui, UI_A_DIM), "      %s", counts);
	}
	ui_lines_add(l, "", (int)A_NORMAL);
	ui_lines_add(l, _("● in the register  ◐ later cases not linked  ○ not in the register"),
		     ui_attr(ui, UI_A_DIM));
}

void ui_reg_register_lines(struct ui *ui, struct reg *g, struct ui_lines *l)
{
	if (g->issues.n == 0) {
		ui_lines_add(l, _("The register is empty. Promote a raised issue with Enter."),
			     ui_attr(ui, UI_A_DIM));
		return;
	}
	for (size_t i = 0; i < g->issues.n; i++) {
		const struct store_issue *is = &g->issues.v[i];
		if (i < 256)
			g->row_line[RG_REGISTER][i] = (int)l->n;
		bool on = i == g->cur[RG_REGISTER] && !g->focus_side;
		ui_lines_addf(l, on ? ui_attr(ui, UI_A_CURSOR) : (int)A_BOLD, "%s", is->title);
		ui_lines_addf(l, (int)A_NORMAL, "    %s · %s · %s", ui_reg_policy_label(is->policy),
			      ui_reg_status_label(is->status),
			      is->owner ? is->owner : _("(no owner)"));
		ui_lines_addf(l, ui_attr(ui, UI_A_DIM), _("    %s %s · %d cases, %d meetings"),
			      is->category ? ui_reg_category_label(ui, NULL, is->category) : "",
			      is->area ? is->area : "", is->ncases, is->nmeetings);
	}
}

void ui_reg_outcome_lines(struct ui *ui, struct reg *g, struct ui_lines *l)
{
	if (g->outcomes.n == 0) {
		ui_lines_add(l, _("No follow-up review in this period."), ui_attr(ui, UI_A_DIM));
		return;
	}
	ui_lines_add(l, _("Follow-up reviews whose ADL/IADL ratings improved, stayed, worsened"),
		     ui_attr(ui, UI_A_HEADING));
	for (size_t i = 0; i < g->outcomes.n; i++) {
		const struct store_outcome *o = &g->outcomes.v[i];
		size_t all = o->improved + o->same + o->worsened;
		size_t pct = all ? (o->improved * 100 + all / 2) / all : 0;
		char year[32];
		kaigi_year_name(atoi(o->year), g->calendar, ui->lang, year, sizeof year);
		ui_lines_addf(l, (int)A_NORMAL, _("%s %-8s ↑%zu →%zu ↓%zu  (%zu%% improved)"), year,
			      *o->area ? o->area : "-", o->improved, o->same, o->worsened, pct);
		if (o->not_comparable)
			ui_lines_addf(l, ui_attr(ui, UI_A_DIM), _("      %zu not comparable"),
				      o->not_comparable);
	}
}
