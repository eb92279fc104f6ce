// SPDX-License-Identifier: MIT
/* cmd_store.c — opening the store for a subcommand; printing warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_store.h"

int cmd_store_open(struct cmd_store *cs, const struct cmd_opts *opts, enum store_open_mode mode)
{
	memset(cs, 0, sizeof *cs);
	struct kaigi_error err;
	if (schema_set_init(&cs->forms, &err) != KAIGI_OK) {
		cmd_print_error(&err);
		return err.status;
	}
	cs->have_forms = true;
	/* Broken form files are `kaigi forms check`'s business; the records
	 * that need a missing form say so themselves. */
	struct kaigi_diags diags = {0};
	cmd_load_forms(opts, &cs->forms, &diags);
	kaigi_diags_free(&diags);
	cs->path = cmd_db_path(opts);
	if (store_open(&cs->st, cs->path, mode, &err) != KAIGI_OK) {
		cmd_print_error(&err);
		cmd_store_close(cs);
		return err.status;
	}
	if (*store_open_notice(cs->st))
		fprintf(stderr, "%s\n", store_open_notice(cs->st));
	store_set_forms(cs->st, &cs->forms);
	store_set_lang(cs->st, opts->lang);
	/* For scripts and tests that must not wait long for a locked file. */
	const char *busy = getenv("KAIGI_BUSY_TIMEOUT_MS");
	if (busy && atoi(busy) > 0)
		store_set_busy_timeout(cs->st, atoi(busy));
	const char *actor = getenv("KAIGI_FACILITATOR");
	if (actor && *actor)
		store_set_actor(cs->st, actor);
	return 0;
}

void cmd_store_close(struct cmd_store *cs)
{
	store_close(cs->st);
	cs->st = NULL;
	if (cs->have_forms)
		schema_set_free(&cs->forms);
	cs->have_forms = false;
	free(cs->path);
	cs->path = NULL;
}

void cmd_store_print_diags(const struct kaigi_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].status != KAIGI_OK) {
			cmd_print_error(&d->v[i]);
			continue;
		}
		const struct kaigi_error *e = &d->v[i];
		if (e->file[0] && e->line)
			fprintf(stderr, "%s:%d:%d: warning: %s\n", e->file, e->line, e->col,
				e->msg);
		else if (e->file[0])
			fprintf(stderr, "%s: warning: %s\n", e->file, e->msg);
		else
			fprintf(stderr, "kaigi: warning: %s\n", e->msg);
	}
}
