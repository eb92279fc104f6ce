// SPDX-License-Identifier: MIT
/*
 * cmd_demo.c — `kaigi demo`.
 *
 * The facilitator UI (issue 4) will open here on a fresh demo database.
 * Until it exists the demo shows what kaigi runs a meeting with: each
 * meeting template's flow and each form's outline, in the user's language.
 */
#include <stdio.h>

#include "cmd.h"
#include "kaigi/strbuf.h"

int cmd_demo_run(const struct cmd_opts *opts, int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: kaigi demo\n");
		return KAIGI_EUSAGE;
	}
	struct kaigi_error err;
	struct schema_set set;
	if (schema_set_init(&set, &err) != KAIGI_OK) {
		cmd_print_error(&err);
		return err.status;
	}
	struct kaigi_diags diags = {0};
	cmd_load_forms(opts, &set, &diags);
	cmd_print_diags(&diags);
	struct strbuf b = STRBUF_INIT;
	strbuf_appendf(&b, "kaigi %s — %zu meeting templates, %zu forms from %s\n\n", KAIGI_VERSION,
		       set.nmeetings, set.nforms, cmd_installed_forms_dir());
	for (size_t i = 0; i < set.nmeetings; i++) {
		cmd_meeting_outline(&b, set.meetings[i], opts->lang);
		strbuf_append(&b, "\n");
	}
	for (size_t i = 0; i < set.nforms; i++) {
		cmd_form_outline(&b, set.forms[i], opts->lang);
		strbuf_append(&b, "\n");
	}
	fputs(strbuf_str(&b), stdout);
	strbuf_free(&b);
	int status = kaigi_diags_status(&diags);
	kaigi_diags_free(&diags);
	schema_set_free(&set);
	return status;
}
