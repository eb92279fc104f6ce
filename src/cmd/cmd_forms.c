// SPDX-License-Identifier: MIT
/*
 * cmd_forms.c — `kaigi forms check FILE...` and `kaigi forms list`
 * (`kaigi forms show ID` is cmd_forms_show.c).
 *
 * check loads the installed forms first so that files may refer to them
 * (a meeting template naming a shipped form), then each FILE, and reports
 * every problem of every FILE; problems in installed forms are not its
 * business unless they are among the FILEs.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/utf8.h"

/* Print every problem in diags, sorted; their worst status is the exit
 * status.  Frees diags and set. */
static int forms_report(struct kaigi_diags *diags, struct schema_set *set)
{
	kaigi_diags_sort(diags);
	cmd_print_diags(diags);
	int status = kaigi_diags_status(diags);
	kaigi_diags_free(diags);
	schema_set_free(set);
	return status;
}

static int cmd_forms_check_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct schema_set set;
	struct kaigi_diags context = {0}, diags = {0};
	int rc = cmd_forms_sub_open(opts, argc, 2, INT_MAX, "check", &set, &context);
	kaigi_diags_free(&context);
	if (rc)
		return rc;
	schema_set_next_layer(&set);
	for (int i = 1; i < argc; i++)
		schema_load_file(&set, argv[i], &diags);
	/* Cross-file checks, reported only where they touch the FILEs. */
	struct kaigi_diags cross = {0};
	schema_set_check(&set, &cross);
	for (size_t i = 0; i < cross.n; i++)
		for (int j = 1; j < argc; j++)
			if (strcmp(cross.v[i].file, argv[j]) == 0) {
				kaigi_diags_add_error(&diags, &cross.v[i]);
				break;
			}
	kaigi_diags_free(&cross);
	return forms_report(&diags, &set);
}

static int cmd_forms_list_run(const struct cmd_opts *opts, int argc, char **argv)
{
	(void)argv;
	struct schema_set set;
	struct kaigi_diags diags = {0};
	int rc = cmd_forms_sub_open(opts, argc, 1, 1, "list", &set, &diags);
	if (rc)
		return rc;
	for (size_t i = 0; i < set.nforms; i++) {
		const struct schema_form *f = set.forms[i];
		char *title = utf8_visible(schema_label_get(&f->title, opts->lang), false);
		printf("form     %-28s v%-3d %s\t%s\n", f->id, f->version, title, f->source);
		free(title);
	}
	for (size_t i = 0; i < set.nmeetings; i++) {
		const struct schema_meeting *m = set.meetings[i];
		char *title = utf8_visible(schema_label_get(&m->title, opts->lang), false);
		printf("meeting  %-28s v%-3d %s\t%s\n", m->id, m->version, title, m->source);
		free(title);
	}
	/* Broken files are skipped but never silently. */
	return forms_report(&diags, &set);
}

const struct cmd_sub cmd_forms_subs[] = {
    {"check", "check FILE...", cmd_forms_check_run},
    {"list", "list", cmd_forms_list_run},
    {"show", "show ID", cmd_forms_show_run},
    {0},
};
