// SPDX-License-Identifier: MIT
/*
 * main.c — subcommand dispatch.
 *
 * Global options (--db, --forms, --lang) may stand anywhere; they are taken
 * out of argv before the subcommand sees it.  The table below is the whole
 * command line, every command with the function that runs it and its table
 * of subcommands (both in src/cmd/cmd_NAME.c): --help and the usage
 * messages are made from it.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const struct cmd cmd_table[] = {
    {
	.name = "demo",
	.usage = "demo [--no-ui]",
	.summary = "the facilitator UI on a fresh demo database with sample meetings",
	.run = cmd_demo_run,
    },
    {
	.name = "forms",
	.summary = "validate forms and meeting templates; list and show the installed ones",
	.subs = cmd_forms_subs,
    },
    {
	.name = "import",
	.usage = "import [-q] FILE.yaml...",
	.summary = "import meetings, cases and answers from YAML record files (all or nothing)",
	.run = cmd_import_run,
    },
    {
	.name = "export",
	.summary = "export records as a YAML record file, or as CSV tables for spreadsheets; "
		   "--anonymised: what may leave the centre, --identity: with people's names",
	.subs = cmd_export_subs,
    },
    {
	.name = "meetings",
	.usage = "meetings [TEXT] [--all]",
	.summary = "list the meetings (newest first) with the date and id `report` takes",
	.run = cmd_meetings_run,
    },
    {
	.name = "report",
	.usage = "report MEETING [--format txt|md|html|pdf] [-o FILE] [--names] [--packet] "
		 "[--print]\n"
		 "              [--sheet FORM]\n"
		 "       kaigi report regional [--fy YEAR | --year YEAR | --from DATE --to DATE]\n"
		 "                             [--calendar] [--area AREA]\n"
		 "                             [--format txt|md|html|pdf|csv] [-o FILE]",
	.summary = "the printable summary of a meeting (anonymised unless --names), its case "
		   "packet (--packet), or the town's regional issues",
	.subs = cmd_report_subs,
	.run = cmd_report_run,
    },
    {
	.name = "search",
	.usage = "search TEXT... [--limit N] [--names]",
	.summary = "find text in every case and meeting (Japanese too), newest first; "
		   "identifying details hidden unless --names",
	.run = cmd_search_run,
    },
    {
	.name = "sync",
	.summary = "carry changes between laptops on an encrypted file; list and settle "
		   "conflicts (doc/sync.md)",
	.subs = cmd_sync_subs,
	.run = cmd_sync_run,
    },
    {
	.name = "backup",
	.usage = "backup [FILE]",
	.summary = "copy the database safely, even while kaigi is running (default: backups/)",
	.run = cmd_backup_run,
    },
    {0},
};

static void print_help(FILE *f)
{
	fprintf(f, "kaigi %s — facilitate community care case conferences (地域ケア会議)\n\n",
		KAIGI_VERSION);
	fprintf(f, "usage: kaigi [--db FILE] [--forms DIR] [--lang ja|en] [COMMAND [ARGS]]\n\n"
		   "With no command, kaigi opens the facilitator UI on the database.\n\n");
	fprintf(f, "commands:\n");
	for (const struct cmd *c = cmd_table; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "\noptions:\n"
		   "  --db FILE      the database (default $XDG_DATA_HOME/kaigi/kaigi.db)\n"
		   "  --forms DIR    also load forms from DIR (repeatable; later wins by id)\n"
		   "  --lang ja|en   language of labels (default from LANG)\n"
		   "  -h, --help     this help; `kaigi COMMAND --help` for one command\n"
		   "  --version      print the version\n\n"
		   "exit status: 0 success, 1 invalid input or data, 2 usage, 3 environment\n");
}

static const char *lang_from_env(void)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "ja", 2) == 0 ? "ja" : "en";
	}
	return "en";
}

/* Take the global options out of argv; returns the new argc or -1. */
static int take_global_opts(struct cmd_opts *o, int argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		if (strcmp(a, "--db") == 0)
			slot = &o->db;
		else if (strcmp(a, "--lang") == 0)
			slot = &o->lang;
		if (slot || strcmp(a, "--forms") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "kaigi: %s needs a value\n", a);
				return -1;
			}
			if (slot) {
				*slot = argv[++i];
			} else {
				if (o->nforms_dirs == CMD_MAX_FORMS_DIRS) {
					fprintf(stderr, "kaigi: at most %d --forms\n",
						CMD_MAX_FORMS_DIRS);
					return -1;
				}
				o->forms_dirs[o->nforms_dirs++] = argv[++i];
			}
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	if (strcmp(o->lang, "ja") != 0 && strcmp(o->lang, "en") != 0) {
		fprintf(stderr, "kaigi: --lang must be ja or en\n");
		return -1;
	}
	return out;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* kaigi writes UTF-8 whatever the locale says (its files are UTF-8): a
	 * terminal set up for EUC-JP or Shift_JIS would show garbage, silently.
	 * The plain C locale is left alone (scripts, tests). */
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") != 0 && strcmp(cs, "ANSI_X3.4-1968") != 0)
		fprintf(stderr,
			"kaigi: warning: the locale's character set is %s, but kaigi writes "
			"UTF-8; set LANG=ja_JP.UTF-8 (and the terminal to UTF-8), or text "
			"will show garbled\n",
			cs);
	struct cmd_opts opts = {.lang = lang_from_env()};
	argc = take_global_opts(&opts, argc, argv);
	if (argc < 0)
		return KAIGI_EUSAGE;
	if (argc < 2)
		return cmd_ui_open(&opts, NULL, NULL); /* the facilitator UI */
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		print_help(stdout);
		return 0;
	}
	if (strcmp(name, "--version") == 0) {
		printf("kaigi %s\n", KAIGI_VERSION);
		return 0;
	}
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return cmd_dispatch(c, &opts, argc - 1, argv + 1);
	fprintf(stderr, "kaigi: unknown command '%s' (try kaigi --help)\n", name);
	return KAIGI_EUSAGE;
}
