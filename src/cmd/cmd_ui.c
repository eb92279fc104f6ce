// SPDX-License-Identifier: MIT
/*
 * cmd_ui.c — `kaigi` and `kaigi --db FILE` with no command (and `kaigi
 * demo`): the facilitator UI from the command line.  Loads the forms and
 * the town's settings, opens the database (read-only, with the reason
 * shown, when it cannot be written), runs the UI (kaigi/ui.h), and passes
 * on a terminating signal once all is closed.  Its messages for the UI's
 * status line are gettext msgids (po/POTFILES lists this file).
 */
#include <libintl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/ui.h"
#include "kaigi/xalloc.h"

#define _(s) gettext(s)

int cmd_ui_open(const struct cmd_opts *opts, const char *db_path, const char *meeting_id)
{
	/* First, so that what is said before the UI starts is in its language. */
	if (!ui_i18n_init(opts->lang)) {
		fprintf(stderr, "kaigi: no UTF-8 locale is available (install the locales package "
				"or set LANG=C.UTF-8)\n");
		return KAIGI_EENV;
	}
	struct kaigi_error err;
	struct schema_set forms;
	struct kaigi_diags diags = {0};
	int rc = cmd_forms_open(opts, &forms, &diags);
	if (rc)
		return rc;
	char notice[512] = "";
	if (diags.n) {
		cmd_print_diags(&diags);
		snprintf(notice, sizeof notice,
			 _("%zu problem(s) in the forms were skipped: see `kaigi forms check`"),
			 diags.n);
	}
	kaigi_diags_free(&diags);
	struct kaigi_config cfg;
	if (cmd_load_config(&cfg, &diags) != KAIGI_OK) {
		cmd_print_diags(&diags);
		snprintf(notice, sizeof notice, "%s",
			 _("The settings file has errors (listed when kaigi ends): the vision is "
			   "not shown."));
	}
	kaigi_diags_free(&diags);

	char *path = db_path ? xstrdup(db_path) : cmd_db_path(opts);
	struct store *st = NULL;
	char ro[1200] = "";
	if (store_open(&st, path, STORE_READ_WRITE, &err) != KAIGI_OK) {
		/* Not writable (or locked for migration): look, but do not touch. */
		struct kaigi_error err2;
		kaigi_error_clear(&err2);
		if (err.status == KAIGI_EENV &&
		    store_open(&st, path, STORE_READ_ONLY, &err2) == KAIGI_OK) {
			snprintf(ro, sizeof ro, "%s: %s", _("READ-ONLY"), err.msg);
		} else {
			cmd_print_error(&err);
			if (err.status == KAIGI_EENV && err2.msg[0] && strcmp(err2.msg, err.msg))
				cmd_print_error(&err2);
			free(path);
			config_free(&cfg);
			schema_set_free(&forms);
			return err.status;
		}
	}
	/* Modes tightened (or another user's file): said once, on stderr
	 * now and on the status line. */
	if (*store_open_notice(st)) {
		fprintf(stderr, "%s\n", store_open_notice(st));
		snprintf(notice, sizeof notice, "%s",
			 strstr(store_open_notice(st), "another user")
			     ? _("The database belongs to another user and others can read it: ask "
				 "its owner to run chmod 600.")
			     : _("The database was readable by others; kaigi made it readable by "
				 "you only (0600)."));
	}
	store_set_forms(st, &forms);
	store_set_lang(st, opts->lang);
	int status = 0;
	{
		struct ui_args args = {
		    .st = st,
		    .forms = &forms,
		    .config = &cfg,
		    .lang = opts->lang,
		    .ro_reason = ro[0] ? ro : NULL,
		    .meeting_id = meeting_id,
		    .notice = notice[0] ? notice : NULL,
		};
		if (ui_run(&args, &err) != KAIGI_OK) {
			status = cmd_fail(&err);
		}
	}
	store_close(st);
	free(path);
	config_free(&cfg);
	schema_set_free(&forms);
	int sig = ui_signal_caught();
	if (sig) {
		/* Everything is saved and closed: end the way we were asked to. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}
