/* SPDX-License-Identifier: MIT */
/*
 * ui_list.h — a list field (issues, goals, advice, actions …) as a widget:
 * its rows are drawn from the record, its keys add, delete (with undo) and
 * move items, and it talks to the page only through a host (ui_host.h).
 */
#ifndef KAIGI_UI_LIST_H
#define KAIGI_UI_LIST_H

#include "ui_host.h"

/* Draw a row of the list (its heading, an item, "add") at (y, x), w wide. */
void ui_list_draw_row(struct ui *ui, const struct ui_host *h, const struct ui_row *row, int y,
		      int x, int w, int attr);
/* A key on the list's focused row. */
enum ui_form_out ui_list_key(struct ui *ui, const struct ui_host *h, struct ui_list_state *s,
			     const struct ui_row *row, const struct ui_key *k);
void ui_list_state_free(struct ui_list_state *s);

#endif
