/* SPDX-License-Identifier: MIT */
/*
 * cmd.h — the command line: the table of commands (main.c), one run
 * function per command and subcommand (src/cmd/cmd_NAME.c), and the helpers
 * every command shares (cmd_common.c: forms, settings, the database, usage
 * and error messages).
 *
 * Only code under src/cmd/ prints to stdout/stderr and chooses exit codes;
 * the modules return kaigi_error.
 */
#ifndef KAIGI_CMD_H
#define KAIGI_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/config.h"
#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

#define CMD_MAX_FORMS_DIRS 16

/* Options that apply to every subcommand (accepted anywhere on the line). */
struct cmd_opts {
	const char *db;                             /* --db FILE, or NULL for the default */
	const char *forms_dirs[CMD_MAX_FORMS_DIRS]; /* --forms DIR, in order */
	size_t nforms_dirs;
	const char *lang; /* "ja" or "en" */
};

/* argv[0] is the (sub)command's name.  Returns the exit status. */
typedef int cmd_run_fn(const struct cmd_opts *opts, int argc, char **argv);

/* A subcommand: `kaigi NAME SUB ...` runs sub->run with argv[0] = SUB. */
struct cmd_sub {
	const char *name;
	const char *usage; /* "SUB ARGS" after "kaigi NAME ", or NULL */
	cmd_run_fn *run;
};

struct cmd {
	const char *name; /* "forms", "import", … */
	/* One or more lines after "kaigi "; NULL: the subcommands' usages,
	 * one line each. */
	const char *usage;
	const char *summary; /* one line for kaigi --help */
	/* The subcommands, ending with a zeroed entry, or NULL. */
	const struct cmd_sub *subs;
	/* The command when argv[1] names none of subs (NULL: print the usage,
	 * exit 2). */
	cmd_run_fn *run;
};

/* Run c (argv[0] is its name): --help, a subcommand, or c->run.  A usage
 * error of c's while it runs prints c's usage. */
int cmd_dispatch(const struct cmd *c, const struct cmd_opts *opts, int argc, char **argv);
/* True when argv holds -h or --help after argv[0]. */
int cmd_wants_help(int argc, char **argv);
/* Print "usage: kaigi USAGE" for c to stream (stdout for --help). */
void cmd_print_usage(const struct cmd *c, int to_stderr);
/* Print the usage of one subcommand, "usage: kaigi NAME SUB ARGS", on
 * stderr.  Returns KAIGI_EUSAGE, the exit status. */
int cmd_sub_usage_error(const char *name, const char *sub);
/*
 * A usage error of the command named name: "kaigi NAME: WHY" (when fmt is
 * not NULL), then its usage (the row cmd_dispatch runs), on stderr.  Returns
 * KAIGI_EUSAGE, the exit status.
 */
int cmd_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Load forms and templates: the installed forms directory ($KAIGI_FORMS_DIR
 * overrides it), $XDG_CONFIG_HOME/kaigi/forms, then each --forms DIR, later
 * overriding earlier by id; then the cross-file checks.  Problems go to
 * diags.
 */
enum kaigi_status cmd_load_forms(const struct cmd_opts *opts, struct schema_set *set,
				 struct kaigi_diags *diags);
/*
 * Make set and load the forms into it (cmd_load_forms; problems go to
 * diags).  Returns 0, or the exit status after printing why there is no set
 * (then set need not be freed).
 */
int cmd_forms_open(const struct cmd_opts *opts, struct schema_set *set, struct kaigi_diags *diags);
/* The start of `kaigi forms SUB`: its usage error unless min <= argc <=
 * max, else cmd_forms_open. */
int cmd_forms_sub_open(const struct cmd_opts *opts, int argc, int min, int max, const char *sub,
		       struct schema_set *set, struct kaigi_diags *diags);
/* The installed forms directory in use. */
const char *cmd_installed_forms_dir(void);

/*
 * Load the town settings: $XDG_CONFIG_HOME/kaigi/config.yaml, else the
 * example shipped beside the installed forms (forms/../config/config.yaml).
 * Problems go to diags; cfg is usable (empty) even then.
 */
enum kaigi_status cmd_load_config(struct kaigi_config *cfg, struct kaigi_diags *diags);
/*
 * The town settings for a document: problems in the file are printed, and
 * then the line lost when it is not NULL (what the document goes without);
 * cfg is usable in every case.  A broken settings file must not stop a
 * summary at the end of a meeting.
 */
void cmd_config_load_lenient(struct kaigi_config *cfg, const char *lost);

/* The file name in kaigi's data folder: $XDG_DATA_HOME/kaigi/NAME (or
 * ~/.local/share/kaigi/NAME).  Caller frees. */
char *cmd_data_file(const char *name);
/* The database path: --db, else cmd_data_file("kaigi.db").  Caller frees. */
char *cmd_db_path(const struct cmd_opts *opts);

/* Print one error / every diagnostic to stderr as FILE:LINE:COL: error: … */
void cmd_print_error(const struct kaigi_error *err);
void cmd_print_diags(const struct kaigi_diags *diags);
/* Print err (cmd_print_error) and return its status, the exit status. */
int cmd_fail(const struct kaigi_error *err);
/* The end of a command that writes path: err printed when s is not
 * KAIGI_OK, else path (when not NULL) on stdout.  Returns s. */
int cmd_written(enum kaigi_status s, const struct kaigi_error *err, const char *path);
/* Print diagnostics whose status is KAIGI_OK as warnings, others as errors. */
void cmd_print_warnings(const struct kaigi_diags *d);

/* A command's database, opened with the forms loaded. */
struct cmd_store {
	struct schema_set forms;
	bool have_forms;
	struct store *st;
	char *path;
};

/*
 * Load the forms (their problems are `kaigi forms check`'s business and are
 * not shown) and open the database from --db or the default path, with the
 * language, $KAIGI_BUSY_TIMEOUT_MS and $KAIGI_FACILITATOR applied.  Returns
 * 0, or an exit status after printing the reason.
 */
int cmd_store_open(struct cmd_store *cs, const struct cmd_opts *opts, enum store_open_mode mode);
void cmd_store_close(struct cmd_store *cs);
/* Open the database (cmd_store_open), run fn on it with ctx, close it.
 * Returns fn's exit status, or the open's. */
int cmd_store_run(const struct cmd_opts *opts, enum store_open_mode mode,
		  int (*fn)(struct cmd_store *cs, void *ctx), void *ctx);

/* What a document (`kaigi report`) is made from: the database, read-only,
 * and the town settings with the town's name and vision in the language. */
struct cmd_doc {
	struct cmd_store cs;
	struct kaigi_config cfg;
	bool have_cfg;
	const char *town, *vision; /* NULL where the settings give none */
};
/* Open both (cmd_store_open, cmd_config_load_lenient with lost).  Returns 0,
 * or an exit status after printing the reason. */
int cmd_doc_open(struct cmd_doc *d, const struct cmd_opts *opts, const char *lost);
void cmd_doc_close(struct cmd_doc *d);
/* The format of a document (enum report_format): --format's name, else
 * the extension of the output file, else text.  -1 for an unknown
 * --format. */
int cmd_doc_format(const char *format, const char *output);

/* The commands (cmd_NAME.c), each file owning its command: the run
 * functions and the subcommand tables (ending with a zeroed entry) that
 * main.c's cmd_table names. */
cmd_run_fn cmd_backup_run;                     /* cmd_backup.c */
cmd_run_fn cmd_demo_run;                       /* cmd_demo.c */
extern const struct cmd_sub cmd_export_subs[]; /* cmd_export.c: yaml, csv */
extern const struct cmd_sub cmd_forms_subs[];  /* cmd_forms.c: check, list, show */
cmd_run_fn cmd_forms_show_run;                 /* cmd_forms_show.c */
cmd_run_fn cmd_import_run;                     /* cmd_import.c */
cmd_run_fn cmd_meetings_run;                   /* cmd_meetings.c */
extern const struct cmd_sub cmd_report_subs[]; /* cmd_report.c: regional */
cmd_run_fn cmd_report_run;                     /* cmd_report.c: report MEETING */
cmd_run_fn cmd_report_regional_run;            /* cmd_regional.c: report regional */
cmd_run_fn cmd_search_run;                     /* cmd_search.c */
extern const struct cmd_sub cmd_sync_subs[];   /* cmd_sync.c: export, import, … */
cmd_run_fn cmd_sync_run;                       /* cmd_sync.c: a missing or unknown subcommand */
/* The facilitator UI on db_path (NULL: --db or the default), opening
 * meeting_id first when not NULL (cmd_ui.c): `kaigi` with no command, and
 * `kaigi demo`.  Returns the exit status. */
int cmd_ui_open(const struct cmd_opts *opts, const char *db_path, const char *meeting_id);

#endif
