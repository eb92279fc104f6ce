/* SPDX-License-Identifier: MIT */
/*
 * ui_help.h — the `?` help: every key of the action table, the groups in
 * use on the screen under it first.  Made from ui_actions[], like the
 * footer, so the two always agree.
 */
#ifndef KAIGI_UI_HELP_H
#define KAIGI_UI_HELP_H

#include <stdbool.h>

#include "ui_actions.h"
#include "ui_app.h"

/* Whether row a is listed in group g of the help (and of doc/ui.md): it
 * belongs to g, has a help sentence and a key name, and no earlier group
 * lists it. */
bool ui_help_lists(const struct ui_action *a, const struct ui_ctx_title *g);

void ui_help_draw(struct ui *ui);
enum ui_result ui_help_key(struct ui *ui, const struct ui_key *k);

#endif
