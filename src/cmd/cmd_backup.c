// SPDX-License-Identifier: MIT
/* cmd_backup.c — `kaigi backup [FILE]`: a consistent copy, safe while
 * another kaigi is writing. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "kaigi/store_exchange.h"

/* ctx: the destination, or NULL for backups/ beside the database. */
static int backup(struct cmd_store *cs, void *ctx)
{
	struct kaigi_error err;
	char *used = NULL;
	enum kaigi_status s = store_backup(cs->st, ctx, &used, &err);
	int rc = cmd_written(s, &err, used);
	free(used);
	return rc;
}

int cmd_backup_run(const struct cmd_opts *opts, int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1]))
		return cmd_usage_error("backup", NULL);
	/* Read-only: a backup must work on a database it cannot write. */
	return cmd_store_run(opts, STORE_READ_ONLY, backup, argc == 2 ? argv[1] : NULL);
}
