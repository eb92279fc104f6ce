/* SPDX-License-Identifier: MIT */
/*
 * ui_meeting.h — the meeting screen's state, shared by its three files:
 * ui_screen_meeting.c (the frame, the overview with the town's vision, the
 * meeting's facts and its close), ui_meeting_people.c (participants) and
 * ui_meeting_agenda.c (the cases) and ui_meeting_policy.c (a policy
 * meeting's agenda of issues, and the meeting's own records).
 */
#ifndef KAIGI_UI_MEETING_H
#define KAIGI_UI_MEETING_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/store.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_lines.h"
#include "ui_record.h"
#include "ui_select.h"
#include "ui_synth.h"

enum meeting_side {
	MS_OVERVIEW,
	MS_INFO,
	MS_PEOPLE,
	MS_AGENDA,
	MS_ISSUES, /* a policy meeting's agenda of register issues */
	MS_SHEETS, /* the meeting's own records (meeting_forms) */
	MS_CLOSE,
	MS_COUNT,
};

enum meeting_sel {
	MSEL_NONE,
	MSEL_QUICK_ADD, /* earlier participants */
	MSEL_FOLLOWUP,  /* cases to follow up */
};

enum meeting_confirm {
	MCONF_NONE,
	MCONF_DELETE_CASE,
	MCONF_REMOVE_ISSUE,
};

struct meeting_scr {
	struct ui *ui; /* borrowed: the sources of the pages save through it */
	struct store_meeting m;
	struct kaigi_value mv[STORE_MEETING_NFIELDS]; /* m's fields as values */
	const struct schema_meeting *tpl;
	enum meeting_side side;
	bool focus_side;
	size_t side_top;
	int over_top; /* overview scroll */

	struct ui_synth info_f, close_f;
	struct ui_form info, close;

	/* participants */
	struct store_participant_list people;
	size_t pcur, ptop;
	bool pedit; /* the participant page is open */
	struct store_participant pe;
	struct kaigi_value pv[6];
	struct ui_synth pf;
	struct ui_form pform;
	struct store_participant undo;
	bool undo_have;

	/* agenda */
	struct store_case_list cases;
	struct store_person *persons; /* one per case */
	size_t acur, atop;
	bool cedit;                /* the case page is open */
	struct kaigi_value cv[12]; /* the case page: person, presenter, identity */
	struct ui_synth cf;
	struct ui_form cform;
	/* The records of the highlighted follow-up's previous review, for the
	 * preview of its last goals and actions. */
	struct ui_rec prev[8];
	size_t nprev;
	char prev_case[STORE_ID_SIZE];
	int prev_top;

	/* a policy meeting's agenda of issues (ui_meeting_policy.c) */
	struct store_decision_list issues;
	struct store_issue *idet; /* each issue of the register, one per item */
	size_t icur, itop;
	bool iedit; /* the decision page is open */
	struct kaigi_value iv;
	struct ui_synth if_;
	struct ui_form iform;
	char iscope[96];

	/* the meeting's own records: a section of a form per row */
	size_t scur;
	bool sedit; /* a section's page is open */
	struct ui_rec srec;
	struct ui_form sform;

	struct ui_select sel;
	enum meeting_sel sel_tag;
	struct store_participant_list recent;
	struct store_case_hit_list cands;
	size_t ndue; /* follow-ups due by the meeting's date, not on the agenda */
	enum meeting_confirm confirm;

	long long used_sec;
	char *vision; /* the town's vision kept with the meeting (meeting.h), or NULL */

	/* The close page: what each case agreed, built for a width. */
	struct ui_lines agreed;
	int agreed_w;
};

/* ui_screen_meeting.c */
void ui_meeting_reload(struct ui *ui, struct meeting_scr *ms);

/* What one key of a list does (k->act is act). */
struct ui_meeting_act {
	enum ui_act act;
	void (*run)(struct ui *ui, struct meeting_scr *ms);
};

/* One of the meeting's lists: participants, cases, issues, the meeting's
 * own records (each ui_meeting_*.c ends with its row). The meeting screen
 * moves its cursor, takes ← and Esc and draws it through draw; its other
 * keys are its acts, then [ ] (reorder, when it is ordered) and d asking
 * first (ask) when the cursor is on a row. */
struct ui_meeting_list {
	unsigned ctx; /* its own key context (with the meeting's, moving, commands) */
	/* How many rows, and the cursor over them (*cur). */
	size_t (*rows)(struct ui *ui, struct meeting_scr *ms, size_t **cur);
	void (*draw)(struct ui *ui, struct meeting_scr *ms, struct ui_rect r, bool focused);
	const struct ui_meeting_act *acts;                               /* ended by UI_ACT_NONE */
	void (*reorder)(struct ui *ui, struct meeting_scr *ms, int dir); /* or NULL */
	enum meeting_confirm ask;                                        /* or MCONF_NONE */
};

/* ui_meeting_people.c */
extern const struct ui_meeting_list ui_people_list;
void ui_people_load(struct ui *ui, struct meeting_scr *ms);
void ui_people_free(struct meeting_scr *ms);
void ui_people_quick_add(struct ui *ui, struct meeting_scr *ms, const char *value);
/* What to call p: the profession (the town's label, or the words typed
 * for "other"), else the part played (司会, 事例提供者). */
const char *ui_people_who_label(struct ui *ui, const struct meeting_scr *ms,
				const struct store_participant *p);

/* ui_meeting_agenda.c */
extern const struct ui_meeting_list ui_agenda_list;
void ui_agenda_load(struct ui *ui, struct meeting_scr *ms);
void ui_agenda_free(struct meeting_scr *ms);
/* Add the reviews case_ids (space-separated) as follow-ups. */
void ui_agenda_followup_chosen(struct ui *ui, struct meeting_scr *ms, const char *case_ids);
void ui_agenda_delete_confirmed(struct ui *ui, struct meeting_scr *ms);
/* One line naming case i: code, initials, age band, sex. */
char *ui_agenda_case_line(struct ui *ui, const struct meeting_scr *ms, size_t i);
/* The rows a list of n takes in pane r (the agenda of cases, of issues),
 * leaving room under it for what the highlighted one holds: half the pane
 * when that is more than 4 rows. */
int ui_meeting_list_rows(struct ui_rect r, size_t n);

/* ui_meeting_policy.c: the agenda of issues, and the meeting's own
 * records (sheets). */
extern const struct ui_meeting_list ui_policy_list, ui_sheets_list;
void ui_policy_load(struct ui *ui, struct meeting_scr *ms);
/* Whether the meeting has an agenda of issues (a policy meeting, or one
 * with issues on it). */
bool ui_policy_shown(const struct meeting_scr *ms);
void ui_policy_remove_confirmed(struct ui *ui, struct meeting_scr *ms);
void ui_policy_page_close(struct ui *ui, struct meeting_scr *ms);
/* Sections of the forms the template lists for the meeting itself. */
size_t ui_sheets_count(struct ui *ui, const struct meeting_scr *ms);
void ui_sheets_page_close(struct ui *ui, struct meeting_scr *ms);
void ui_policy_free(struct meeting_scr *ms);

#endif
