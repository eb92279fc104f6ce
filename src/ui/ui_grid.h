/* SPDX-License-Identifier: MIT */
/*
 * ui_grid.h — a grid field (the ADL/IADL sheets) as a widget: its state is
 * a struct ui_grid_state, and it talks to the page only through a host
 * (ui_host.h).
 */
#ifndef KAIGI_UI_GRID_H
#define KAIGI_UI_GRID_H

#include <stdbool.h>

#include "kaigi/schema.h"
#include "ui_draw.h"
#include "ui_host.h"

int ui_grid_height(const struct schema_field *grid, int avail);
void ui_grid_draw(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
		  const struct schema_field *grid, struct ui_rect r, bool focused);
enum ui_form_out ui_grid_key(struct ui *ui, const struct ui_host *h, struct ui_grid_state *s,
			     const struct schema_field *grid, const struct ui_key *k);
/* Contexts of the focused cell (UI_CTX_TYPEABLE on a cell typed into). */
unsigned ui_grid_contexts(const struct ui_grid_state *s, const struct schema_field *grid);
/* Focus the first or last row. */
void ui_grid_focus_edge(struct ui_grid_state *s, const struct schema_field *grid, bool last);

#endif
