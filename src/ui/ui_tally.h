/* SPDX-License-Identifier: MIT */
/*
 * ui_tally.h — the tallies pane of the regional-issues screen (集計): of
 * the 年度's case reviews, how many and what share had each issue category,
 * each ADL/IADL row rated a problem, each key problem, each raised issue
 * (near-identical wordings ≈ under their line), with the share by area;
 * and the care levels followed.  Enter lists the cases behind a figure
 * (Enter again: the person's history); l merges a ≈ wording into its line
 * (on a line with merged wordings, l undoes that).  The figures are the
 * store's (kaigi/tally.h), the same the report prints.
 */
#ifndef KAIGI_UI_TALLY_H
#define KAIGI_UI_TALLY_H

#include "kaigi/tally.h"
#include "ui_app.h"
#include "ui_draw.h"

#define UI_TALLY_LINES 1024

struct ui_tally {
	struct store_tally t;
	struct store_kpi_list kpi;
	bool calendar;
	size_t cur;
	int top;
	int row_line[UI_TALLY_LINES];
	/* the cases behind the highlighted line, when open */
	bool cases_open;
	struct store_case_list cases;
	char *cases_title;
	size_t ccur;
	int ctop;
};

void ui_tally_load(struct ui *ui, struct ui_tally *v, const struct store_period *p);
void ui_tally_free(struct ui_tally *v);
/* Draw into pane; focus: the cursor shows. */
void ui_tally_draw(struct ui *ui, struct ui_tally *v, struct ui_rect pane, bool focus);
/* A key for the pane; false when it is not the pane's (the caller's).
 * p is the period shown (to list cases, to reload after a merge). */
bool ui_tally_key(struct ui *ui, struct ui_tally *v, const struct store_period *p,
		  const struct ui_key *k);
/* The line of the status bar for the pane. */
const char *ui_tally_hint(const struct ui_tally *v);

#endif
