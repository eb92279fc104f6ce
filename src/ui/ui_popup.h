/* SPDX-License-Identifier: MIT */
/*
 * ui_popup.h — pop-ups as screens of their own, stacked on the screen that
 * opened them (their owner): a list of choices, a yes/no question.  A
 * pop-up draws its owner's screen under itself, takes every key while it
 * is open, hands its answer back to the owner through done(), and pops
 * itself.  The owner keeps no pop-up state and routes no keys by hand.
 */
#ifndef KAIGI_UI_POPUP_H
#define KAIGI_UI_POPUP_H

#include <stdbool.h>

#include "ui_app.h"
#include "ui_select.h"

/* The answer: chosen (false: cancelled) and the value (a single choice's
 * value, a multiple choice's ticked values joined by spaces; "" for a
 * question answered yes).  The owner is still under the pop-up. */
typedef void (*ui_popup_done)(struct ui *ui, void *owner, bool chosen, const char *value);

/* Show sel (begun and filled; taken over) as a pop-up for owner; initial,
 * when not NULL, is typed into its filter at once. */
void ui_popup_select(struct ui *ui, struct ui_select *sel, const char *initial, ui_popup_done done,
		     void *owner);
/* Ask question (keys: how to answer it, shown under it); y answers yes. */
void ui_popup_confirm(struct ui *ui, const char *question, const char *keys, ui_popup_done done,
		      void *owner);

#endif
