/* SPDX-License-Identifier: MIT */
/*
 * ui_screens.h — the screens, each opened by pushing it on the stack:
 * home (meetings and the case search) → a meeting (vision, facts,
 * participants, agenda, close) → a case (phases, timer, forms, read-back).
 */
#ifndef KAIGI_UI_SCREENS_H
#define KAIGI_UI_SCREENS_H

#include "ui_app.h"

void ui_home_open(struct ui *ui);
/* Open a meeting; with case_id, its agenda with that case highlighted.
 * Says why on the status line when it cannot. */
void ui_meeting_open(struct ui *ui, const char *meeting_id);
void ui_meeting_open_at(struct ui *ui, const char *meeting_id, const char *case_id);
/* Run a case of a meeting. */
void ui_case_open(struct ui *ui, const char *meeting_id, const char *case_id);
/* Open a case on the field of form where a search found a text (for a list
 * item's field, item and col: the item opened on it); the case's first
 * page when the field is not on any. */
void ui_case_open_at(struct ui *ui, const char *meeting_id, const char *case_id, const char *form,
		     const char *field, const char *item, const char *col);
/* A person's case history, case_id (may be NULL) highlighted
 * (ui_screen_history.c). */
void ui_history_open(struct ui *ui, const char *person_id, const char *case_id);
/* The regional issues: raised, the register, outcomes (ui_screen_register.c). */
void ui_register_open(struct ui *ui);
/* Sync conflicts side by side, and the home screen's line about the last
 * exchanges and the conflicts waiting ("" when never synced)
 * (ui_screen_conflicts.c). */
void ui_conflicts_open(struct ui *ui);
void ui_sync_summary(struct ui *ui, char *out, size_t n);

#endif
