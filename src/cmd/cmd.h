/* SPDX-License-Identifier: MIT */
/*
 * cmd.h — the command line: one descriptor per subcommand, and the helpers
 * every subcommand shares (finding forms, the database path, reporting).
 *
 * Only code under src/cmd_*.c and main.c prints to stdout/stderr and
 * chooses exit codes; the modules return kaigi_error.
 */
#ifndef KAIGI_CMD_H
#define KAIGI_CMD_H

#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/schema.h"

#define CMD_MAX_FORMS_DIRS 16

/* Options that apply to every subcommand (accepted anywhere on the line). */
struct cmd_opts {
	const char *db;                             /* --db FILE, or NULL for the default */
	const char *forms_dirs[CMD_MAX_FORMS_DIRS]; /* --forms DIR, in order */
	size_t nforms_dirs;
	const char *lang; /* "ja" or "en" */
};

struct cmd {
	const char *name;    /* "forms", "import", … */
	const char *usage;   /* one or more lines after "kaigi " */
	const char *summary; /* one line for kaigi --help */
	/* argv[0] is the subcommand name.  Returns the exit status. */
	int (*run)(const struct cmd_opts *opts, int argc, char **argv);
};

/* The table of subcommands, ending with a zeroed entry (main.c). */
extern const struct cmd cmd_table[];

/* True when argv holds -h or --help after argv[0]. */
int cmd_wants_help(int argc, char **argv);
/* Print "usage: kaigi USAGE" for c to stream (stdout for --help). */
void cmd_print_usage(const struct cmd *c, int to_stderr);

/*
 * Load forms and templates: the installed forms directory ($KAIGI_FORMS_DIR
 * overrides it), $XDG_CONFIG_HOME/kaigi/forms, then each --forms DIR, later
 * overriding earlier by id; then the cross-file checks.  Problems go to
 * diags.
 */
enum kaigi_status cmd_load_forms(const struct cmd_opts *opts, struct schema_set *set,
				 struct kaigi_diags *diags);
/* The installed forms directory in use. */
const char *cmd_installed_forms_dir(void);

struct kaigi_config;
/*
 * Load the town settings: $XDG_CONFIG_HOME/kaigi/config.yaml, else the
 * example shipped beside the installed forms (forms/../config/config.yaml).
 * Problems go to diags; cfg is usable (empty) even then.
 */
enum kaigi_status cmd_load_config(struct kaigi_config *cfg, struct kaigi_diags *diags);

/* The database path: --db, else $XDG_DATA_HOME/kaigi/kaigi.db (or
 * ~/.local/share/kaigi/kaigi.db).  Caller frees. */
char *cmd_db_path(const struct cmd_opts *opts);

/* Print one error / every diagnostic to stderr as FILE:LINE:COL: error: … */
void cmd_print_error(const struct kaigi_error *err);
void cmd_print_diags(const struct kaigi_diags *diags);

int cmd_forms_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_forms_show(const struct cmd_opts *opts, int argc, char **argv);
int cmd_demo_run(const struct cmd_opts *opts, int argc, char **argv);
/* The facilitator UI on db_path (NULL: --db or the default), opening
 * meeting_id first when not NULL (src/ui/ui_cmd.c).  Returns the exit
 * status. */
int cmd_ui_open(const struct cmd_opts *opts, const char *db_path, const char *meeting_id);
int cmd_import_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_export_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_backup_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_report_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_meetings_run(const struct cmd_opts *opts, int argc, char **argv);
/* Follow-up and the regional picture (issue 6): src/cmd_search.c,
 * src/cmd_regional.c (`kaigi report regional`, reached through
 * cmd_report_run). */
/* Offline sync by encrypted bundles (issue 10): src/cmd_sync.c. */
int cmd_sync_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_search_run(const struct cmd_opts *opts, int argc, char **argv);
int cmd_report_regional_run(const struct cmd_opts *opts, int argc, char **argv);

struct strbuf;
/* Readable outlines of a form / template, in lang. */
void cmd_form_outline(struct strbuf *b, const struct schema_form *form, const char *lang);
void cmd_meeting_outline(struct strbuf *b, const struct schema_meeting *m, const char *lang);

#endif
