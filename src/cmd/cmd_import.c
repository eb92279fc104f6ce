// SPDX-License-Identifier: MIT
/*
 * cmd_import.c — `kaigi import FILE.yaml...`: record files into the
 * database, all or nothing (doc/records.md).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/store_exchange.h"

int cmd_import_run(const struct cmd_opts *opts, int argc, char **argv)
{
	bool quiet = false;
	int first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "-q") == 0 || strcmp(argv[first], "--quiet") == 0) {
			quiet = true;
		} else if (strcmp(argv[first], "--") == 0) {
			first++;
			break;
		} else {
			return cmd_usage_error("import", "unknown option %s", argv[first]);
		}
	}
	if (first >= argc)
		return cmd_usage_error("import", NULL);
	struct cmd_store cs;
	int rc = cmd_store_open(&cs, opts, STORE_READ_WRITE);
	if (rc)
		return rc;
	struct kaigi_diags diags = {0};
	struct store_import_stats stats;
	enum kaigi_status s = store_import_files(cs.st, (const char *const *)argv + first,
						 (size_t)(argc - first), &stats, &diags);
	kaigi_diags_sort(&diags);
	cmd_print_warnings(&diags);
	if (s != KAIGI_OK)
		fprintf(stderr, "kaigi import: nothing was imported (%zu problem%s)\n", diags.n,
			diags.n == 1 ? "" : "s");
	else if (!quiet)
		printf("imported %zu meeting%s, %zu case%s, %zu record%s, %zu answer%s "
		       "(%zu row%s changed)\n",
		       stats.meetings, stats.meetings == 1 ? "" : "s", stats.cases,
		       stats.cases == 1 ? "" : "s", stats.records, stats.records == 1 ? "" : "s",
		       stats.answers, stats.answers == 1 ? "" : "s", stats.changes,
		       stats.changes == 1 ? "" : "s");
	kaigi_diags_free(&diags);
	cmd_store_close(&cs);
	return s;
}
