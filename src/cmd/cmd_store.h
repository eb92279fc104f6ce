/* SPDX-License-Identifier: MIT */
/*
 * cmd_store.h — what the store's subcommands (import, export, backup)
 * share: opening the database with the forms loaded, and printing
 * warnings.
 */
#ifndef KAIGI_CMD_STORE_H
#define KAIGI_CMD_STORE_H

#include "cmd.h"
#include "kaigi/store.h"

struct cmd_store {
	struct schema_set forms;
	bool have_forms;
	struct store *st;
	char *path;
};

/*
 * Load the forms (problems in them are shown only if with_forms_errors) and
 * open the database from --db or the default path.  Returns an exit status
 * after printing the reason.
 */
int cmd_store_open(struct cmd_store *cs, const struct cmd_opts *opts, enum store_open_mode mode);
void cmd_store_close(struct cmd_store *cs);

/* Print diagnostics whose status is KAIGI_OK as warnings, others as errors. */
void cmd_store_print_diags(const struct kaigi_diags *d);

#endif
