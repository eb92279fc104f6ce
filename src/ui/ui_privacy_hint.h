/* SPDX-License-Identifier: MIT */
/*
 * ui_privacy_hint.h — told while typing: when what is being
 * typed into a field that is not sensitive holds something a handout would
 * hide (the person's own name, a phone number, a date of birth …), the
 * status line says so and why, without stopping the typing.  The check is
 * the handouts' own (scrub_text_check, kaigi/scrub.h).
 */
#ifndef KAIGI_UI_PRIVACY_HINT_H
#define KAIGI_UI_PRIVACY_HINT_H

#include "kaigi/schema.h"
#include "ui_app.h"
#include "ui_record.h"

/*
 * text is being typed into field f of record rec (rec NULL or without a
 * case: the patterns for anyone only).  Sets a warning on the status line
 * when it holds something handouts hide; does nothing for a sensitive field
 * or a NULL f.  The person's values are read once per case and kept until
 * another case's field is typed in.
 */
void ui_privacy_hint(struct ui *ui, const struct ui_rec *rec, const struct schema_field *f,
		     const char *text);
/* Release what ui_privacy_hint keeps (at exit; harmless any time). */
void ui_privacy_hint_reset(void);

#endif
