/* SPDX-License-Identifier: MIT */
/*
 * ui_extedit.h — long text in the user's own editor ($VISUAL, $EDITOR,
 * else vi), on demand.  The terminal is handed over and taken back; the
 * loop redraws everything afterwards.
 */
#ifndef KAIGI_UI_EXTEDIT_H
#define KAIGI_UI_EXTEDIT_H

#include <stdbool.h>

#include "kaigi/error.h"
#include "kaigi/strbuf.h"
#include "ui_app.h"

/* Edit text in the external editor; on success text holds what was saved
 * there (a final newline the editor added is dropped). */
bool ui_extedit_run(struct ui *ui, struct strbuf *text, struct kaigi_error *err);

#endif
