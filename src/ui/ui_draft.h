/* SPDX-License-Identifier: MIT */
/*
 * ui_draft.h — the text being typed on its way to the drafts table.
 *
 * An editor says what its text is after every key (ui_draft_touch); the
 * one loop writes it (store_draft_put, a durable transaction) when typing
 * pauses for UI_DRAFT_IDLE_MS or has gone on for UI_DRAFT_MAX_MS since the
 * last write, using the input timeout to wake — no thread, no timer
 * signal.  So a crash loses at most the last second of typing.  One draft
 * is pending at a time: only one editor is open.
 */
#ifndef KAIGI_UI_DRAFT_H
#define KAIGI_UI_DRAFT_H

#include <stdbool.h>

#include "kaigi/draft.h"
#include "ui_app.h"

#define UI_DRAFT_IDLE_MS 250
#define UI_DRAFT_MAX_MS  600

/* The text at key is now text (written soon). */
void ui_draft_touch(struct ui *ui, const struct store_draft_key *key, const char *text);
/* Forget a pending write of key (it was saved, kept or thrown away). */
void ui_draft_forget(const struct store_draft_key *key);
/* Monotonic ms when the pending draft must be written, or 0. */
long long ui_draft_due(void);
/* Note the time kaigi started (wall ms): drafts older than that were left
 * by an earlier run; newer ones may be another kaigi's typing. */
void ui_draft_started(long long wall_ms);
long long ui_draft_start_ms(void);
/* Write the pending draft if it is due (or now, with force). */
void ui_draft_service(struct ui *ui, bool force);

#endif
