/* SPDX-License-Identifier: MIT */
/*
 * ui_case.h — the running-case screen's state, shared by
 * ui_screen_case.c (phases, timer, sections, pages) and ui_case_check.c
 * (what is missing before the case is closed).  A list item opened from a
 * page is a screen of its own stacked on the case (ui_item_page.h); the
 * case keeps none of its state.
 */
#ifndef KAIGI_UI_CASE_H
#define KAIGI_UI_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/followup.h"
#include "kaigi/store.h"
#include "ui_app.h"
#include "ui_form.h"
#include "ui_record.h"
#include "ui_timer.h"

#define CASE_FORMS_MAX 8

enum case_side_kind {
	CS_SECTION,  /* a section of one of the case's forms */
	CS_READBACK, /* the wrap-up read-back */
	CS_PREVIOUS, /* a follow-up: what was agreed last time */
};

struct case_side {
	enum case_side_kind kind;
	size_t rec, sect;
	const char *phase; /* the section's phase, or NULL */
};

/* Something required that is not filled in. */
struct case_missing {
	size_t rec, sect;
	const struct schema_field *f;   /* the field (a list for its items) */
	const struct schema_field *sub; /* an item field, or NULL */
	size_t item;                    /* the item's index when sub */
	char *text;
};

struct case_scr;
typedef void ui_case_check_answer_fn(struct ui *ui, struct case_scr *cs,
				     const struct case_missing *m);

struct case_scr {
	struct ui *ui;
	struct store_meeting m;
	const struct schema_meeting *tpl;
	struct store_case c;
	struct store_person p;
	size_t case_no, ncases;

	struct ui_rec recs[CASE_FORMS_MAX];
	size_t nrecs;
	struct ui_rec prev[CASE_FORMS_MAX]; /* the previous review, for a follow-up */
	size_t nprev;
	struct store_prefill prefilled; /* what opening the follow-up carried over */

	struct case_side *side;
	size_t nside, scur, stop;
	bool focus_side;

	struct ui_form page; /* the section shown */
	bool have_page;
	int read_top;

	struct ui_timer timer;

	struct case_missing *miss;
	size_t nmiss;
	ui_case_check_answer_fn *check_answer; /* while the check's list is up */
};

/* ui_case_check.c: what is missing before the case is closed.  The check
 * answers through answer: m NULL to close the case (nothing is missing, or
 * "close anyway" was chosen), else the missing answer chosen to go to; not
 * at all when its list is put away (Esc).  The check never calls the case
 * screen. */
void ui_case_check_open(struct ui *ui, struct case_scr *cs, ui_case_check_answer_fn *answer);
void ui_case_missing_free(struct case_scr *cs);

#endif
