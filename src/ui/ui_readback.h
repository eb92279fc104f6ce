/* SPDX-License-Identifier: MIT */
/*
 * ui_readback.h — the wrap-up read-back: what was recorded for a case, as
 * lines the facilitator reads aloud.  Lists show one item per line with its
 * other answers under it; a list whose first item field is a required
 * choice (advice by profession, goals long / short) is grouped by it.
 *
 * Which sections: those whose phase comes after the presentation (the
 * third phase of the meeting template and later) — what the room decided,
 * not what was presented — or, for a follow-up's preview, only those of
 * the template's last phase (the agreed goals and actions).
 */
#ifndef KAIGI_UI_READBACK_H
#define KAIGI_UI_READBACK_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_app.h"
#include "ui_lines.h"
#include "ui_record.h"

void ui_readback_build(struct ui *ui, const struct schema_meeting *tpl, struct ui_rec *recs,
		       size_t nrecs, bool last_phase_only, int w, struct ui_lines *out);

/* Load every record of a case (at most max) into recs; returns how many. */
size_t ui_readback_load(struct ui *ui, const char *meeting_id, const char *case_id,
			struct ui_rec *recs, size_t max);

#endif
