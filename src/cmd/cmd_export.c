// SPDX-License-Identifier: MIT
/*
 * cmd_export.c — `kaigi export yaml [-o FILE] [MEETING...]` and
 * `kaigi export csv [-o DIR] [MEETING...]`.  The database is opened
 * read-only, so exporting works on a file kaigi may not write.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "kaigi/file_write.h"
#include "kaigi/store_exchange.h"
#include "kaigi/xalloc.h"

static int write_fd(void *ctx, const char *buf, size_t len)
{
	int fd = *(int *)ctx;
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int export_yaml(struct cmd_store *cs, const struct store_export_filter *f, const char *out)
{
	struct kaigi_error err;
	struct kaigi_diags warnings = {0};
	struct kaigi_outfile o;
	enum kaigi_status s = KAIGI_OK;
	if (out) {
		s = kaigi_outfile_open(&o, out, "the export", 0, &err);
		if (s == KAIGI_OK) {
			s = store_export_yaml(cs->st, f, kaigi_outfile_write_cb, &o, &warnings,
					      &err);
			enum kaigi_status c = kaigi_outfile_commit(&o, s == KAIGI_OK, &err);
			if (s == KAIGI_OK)
				s = c;
		}
	} else {
		int fd = 1;
		s = store_export_yaml(cs->st, f, write_fd, &fd, &warnings, &err);
	}
	cmd_print_warnings(&warnings);
	kaigi_diags_free(&warnings);
	return cmd_written(s, &err, NULL);
}

static int export_csv(struct cmd_store *cs, const struct store_export_filter *f, const char *out)
{
	char *dir = NULL;
	if (!out) {
		char stamp[32];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		dir = xasprintf(f->anonymised ? "kaigi-csv-anonymised-%s" : "kaigi-csv-complete-%s",
				stamp);
		out = dir;
	}
	struct kaigi_error err;
	struct kaigi_diags warnings = {0};
	enum kaigi_status s = store_export_csv(cs->st, f, out, &warnings, &err);
	cmd_print_warnings(&warnings);
	kaigi_diags_free(&warnings);
	int rc = cmd_written(s, &err, out);
	free(dir);
	return rc;
}

/* argv[0] is yaml or csv. */
static int export_run(const struct cmd_opts *opts, int argc, char **argv, bool yaml)
{
	const char *out = NULL;
	const char **ids = xcalloc((size_t)argc, sizeof *ids);
	size_t nids = 0;
	bool anonymised = false, identity = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--anonymised") == 0 || strcmp(argv[i], "--anonymized") == 0) {
			anonymised = true;
		} else if (strcmp(argv[i], "--identity") == 0 || strcmp(argv[i], "--names") == 0) {
			identity = true;
		} else if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (i + 1 >= argc) {
				free(ids);
				return cmd_usage_error("export", NULL);
			}
			out = argv[++i];
		} else if (argv[i][0] == '-') {
			free(ids);
			return cmd_usage_error("export", "unknown option %s", argv[i]);
		} else {
			ids[nids++] = argv[i];
		}
	}
	if (anonymised && identity) {
		free(ids);
		return cmd_usage_error("export", "--anonymised and --identity exclude each other");
	}
	struct cmd_store cs;
	int rc = cmd_store_open(&cs, opts, STORE_READ_ONLY);
	if (rc) {
		free(ids);
		return rc;
	}
	struct store_export_filter f = {
	    .meetings = ids, .nmeetings = nids, .identity = identity, .anonymised = anonymised};
	rc = yaml ? export_yaml(&cs, &f, out) : export_csv(&cs, &f, out);
	cmd_store_close(&cs);
	free(ids);
	return rc;
}

static int cmd_export_yaml_run(const struct cmd_opts *opts, int argc, char **argv)
{
	return export_run(opts, argc, argv, true);
}

static int cmd_export_csv_run(const struct cmd_opts *opts, int argc, char **argv)
{
	return export_run(opts, argc, argv, false);
}

const struct cmd_sub cmd_export_subs[] = {
    {"yaml", "yaml [-o FILE] [--anonymised | --identity] [MEETING_ID...]", cmd_export_yaml_run},
    {"csv", "csv [-o DIR] [--anonymised | --identity] [MEETING_ID...]", cmd_export_csv_run},
    {0},
};
