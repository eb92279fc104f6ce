/* SPDX-License-Identifier: MIT */
/*
 * ui.h — the facilitator UI: a full-screen ncurses program that steps a
 * facilitator through a community care case conference (doc/ui.md).
 *
 * The UI is the only part of kaigi that links ncursesw.  It reads and
 * writes through the store only; every answer is committed when the user
 * leaves the field.  It runs one loop in the calling thread; SIGTERM,
 * SIGHUP and SIGINT make it save what is being typed, restore the terminal
 * and return.
 */
#ifndef KAIGI_UI_H
#define KAIGI_UI_H

#include "kaigi/config.h"
#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

struct ui_args {
	struct store *st;                  /* borrowed; may be read-only */
	const struct schema_set *forms;    /* borrowed */
	const struct kaigi_config *config; /* borrowed; the town's vision */
	const char *lang;                  /* "ja" or "en" */
	const char *ro_reason;             /* why the database is read-only, or NULL */
	const char *meeting_id;            /* open this meeting first, or NULL: home */
	const char *notice;                /* a first status-line message, or NULL */
};

/*
 * Make the UI's own strings follow lang ("ja" or "en") through gettext,
 * and make sure the character type is UTF-8 (falling back to C.UTF-8 when
 * the user's locale is missing).  Call once, before ui_run().  Returns
 * false when no UTF-8 locale could be set (the UI cannot show Japanese).
 */
bool ui_i18n_init(const char *lang);

/*
 * Run the UI until the user quits or a terminating signal arrives.  Fails
 * with KAIGI_EENV when the terminal cannot be used (not a terminal, TERM
 * unknown).  The terminal is restored in every case.
 */
enum kaigi_status ui_run(const struct ui_args *args, struct kaigi_error *err);

/* The signal that ended the last ui_run(), or 0.  The caller re-raises it
 * after closing the store, so the parent sees how kaigi ended. */
int ui_signal_caught(void);

#endif
