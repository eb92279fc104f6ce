/* SPDX-License-Identifier: MIT */
/*
 * ui_help.h — the `?` help: every key of the action table, the groups in
 * use on the screen under it first.  Made from ui_actions[], like the
 * footer, so the two always agree.
 */
#ifndef KAIGI_UI_HELP_H
#define KAIGI_UI_HELP_H

#include "ui_app.h"

void ui_help_draw(struct ui *ui);
enum ui_result ui_help_key(struct ui *ui, const struct ui_key *k);

#endif
