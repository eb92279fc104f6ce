/* SPDX-License-Identifier: MIT */
/*
 * ui_register.h — what the files of the regional-issues screen share
 * (internal): ui_screen_register.c (the screen: keys, the issue page,
 * promoting and linking) and ui_register_lines.c (the panes' lines and
 * the labels they use); the tallies pane is ui_tally.c.
 */
#ifndef KAIGI_UI_REGISTER_H
#define KAIGI_UI_REGISTER_H

#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/store.h"
#include "ui_form.h"
#include "ui_lines.h"
#include "ui_select.h"
#include "ui_synth.h"
#include "ui_tally.h"

enum reg_side { RG_RAISED, RG_REGISTER, RG_OUTCOMES, RG_TALLY, RG_COUNT };
enum {
	RV_TITLE,
	RV_POLICY,
	RV_OWNER,
	RV_STATUS,
	RV_CATEGORY,
	RV_AREA,
	RV_DESC,
	RV_MEASURE,
	RV_DECIDED,
	RV_INDICATOR,
	RV_INDICATOR_KEY,
	RV_BASELINE,
	RV_BASELINE_DATE,
	RV_TARGET,
	RV_TARGET_DATE,
	RV_RESULT,
	RV_RESULT_DATE,
	RV_DECISION,
	RV_COUNT
};
static const char *const rv_ids[RV_COUNT] = {
    "title",         "policy",  "owner",       "status",    "category",      "area",
    "description",   "measure", "decided",     "indicator", "indicator_key", "baseline",
    "baseline_date", "target",  "target_date", "result",    "result_date",   "decision"};

struct reg {
	struct ui *ui;
	int year;      /* 0: every year */
	bool calendar; /* calendar years, not 年度 */
	char from[16], to[16];
	enum reg_side side;
	bool focus_side;
	size_t side_top;
	struct store_raised_list raised;
	struct store_issue_list issues;
	struct store_outcome_list outcomes;
	struct ui_tally tally;
	bool tally_stale;                   /* the tallies are counted when their pane is shown */
	char policy_meeting[STORE_ID_SIZE]; /* the latest policy meeting, or "" */
	size_t cur[RG_COUNT];
	int top[RG_COUNT];
	int row_line[RG_COUNT][256]; /* line of each row, to keep the cursor seen */

	bool page; /* an issue's page is open */
	struct store_issue e;
	struct kaigi_value v[RV_COUNT];
	struct ui_synth f;
	struct ui_form form;

	struct ui_select sel; /* link a wording to which issue */
	bool confirm;         /* delete the issue? */
};

const char *ui_reg_category_label(struct ui *ui, const char *form_id, const char *value);
const char *ui_reg_policy_label(const char *p);
const char *ui_reg_status_label(const char *s);
void ui_reg_raised_lines(struct ui *ui, struct reg *g, struct ui_lines *l);
void ui_reg_register_lines(struct ui *ui, struct reg *g, struct ui_lines *l);
void ui_reg_outcome_lines(struct ui *ui, struct reg *g, struct ui_lines *l);

#endif
