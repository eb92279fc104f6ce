/* SPDX-License-Identifier: MIT */
/*
 * ui_compare.h — before and after on screen: two reviews' ADL/IADL grids
 * row by row (改善 / 維持 / 悪化, from store_compare_cases), and one
 * review's ratings, as lines for a read-only page (ui_lines.h).
 */
#ifndef KAIGI_UI_COMPARE_H
#define KAIGI_UI_COMPARE_H

#include "kaigi/followup.h"
#include "kaigi/store.h"
#include "ui_app.h"
#include "ui_lines.h"
#include "ui_record.h"

/* The comparison as a table per grid, w columns wide, with the counts. */
void ui_compare_lines(struct ui *ui, const struct store_compare *cmp, int w, struct ui_lines *out);

/* The ratings (every scale column) of the grids of one review's records. */
void ui_ratings_lines(struct ui *ui, const struct ui_rec *recs, size_t nrecs, int w,
		      struct ui_lines *out);

#endif
