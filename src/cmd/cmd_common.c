// SPDX-License-Identifier: MIT
/*
 * cmd_common.c — what every command shares: dispatch and usage messages,
 * the forms, the town settings, the database, and printing errors.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/report.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

/* The row of the command cmd_dispatch is running: its usage is what a usage
 * error prints.  The table is main.c's; the commands never look it up. */
static const struct cmd *cmd_running;

int cmd_dispatch(const struct cmd *c, const struct cmd_opts *opts, int argc, char **argv)
{
	cmd_running = c;
	if (cmd_wants_help(argc, argv)) {
		cmd_print_usage(c, 0);
		return 0;
	}
	for (const struct cmd_sub *s = c->subs; argc > 1 && s && s->name; s++)
		if (strcmp(argv[1], s->name) == 0)
			return s->run(opts, argc - 1, argv + 1);
	if (c->run)
		return c->run(opts, argc, argv);
	cmd_print_usage(c, 1);
	return KAIGI_EUSAGE;
}

int cmd_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

void cmd_print_usage(const struct cmd *c, int to_stderr)
{
	FILE *f = to_stderr ? stderr : stdout;
	if (c->usage)
		fprintf(f, "usage: kaigi %s\n", c->usage);
	for (const struct cmd_sub *s = c->subs; !c->usage && s && s->name; s++)
		fprintf(f, "%s kaigi %s %s\n", s == c->subs ? "usage:" : "      ", c->name,
			s->usage);
	if (!to_stderr)
		fprintf(f, "\n%s\n", c->summary);
}

static const struct cmd *cmd_find(const char *name)
{
	return cmd_running && strcmp(cmd_running->name, name) == 0 ? cmd_running : NULL;
}

int cmd_sub_usage_error(const char *name, const char *sub)
{
	const struct cmd *c = cmd_find(name);
	for (const struct cmd_sub *s = c ? c->subs : NULL; s && s->name; s++)
		if (strcmp(s->name, sub) == 0)
			fprintf(stderr, "usage: kaigi %s %s\n", name, s->usage);
	return KAIGI_EUSAGE;
}

int cmd_usage_error(const char *name, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		fprintf(stderr, "kaigi %s: ", name);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
	}
	const struct cmd *c = cmd_find(name);
	if (c)
		cmd_print_usage(c, 1);
	return KAIGI_EUSAGE;
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cmd_installed_forms_dir(void)
{
	const char *env = getenv("KAIGI_FORMS_DIR");
	if (env && *env)
		return env;
	if (is_dir(KAIGI_FORMS_DIR))
		return KAIGI_FORMS_DIR;
	/* Run from the build tree, before `meson install`. */
	return KAIGI_SOURCE_FORMS_DIR;
}

enum kaigi_status cmd_load_forms(const struct cmd_opts *opts, struct schema_set *set,
				 struct kaigi_diags *diags)
{
	schema_load_dir(set, cmd_installed_forms_dir(), diags);
	char *user = config_user_path("forms");
	if (user)
		schema_load_dir(set, user, diags);
	free(user);
	for (size_t i = 0; i < opts->nforms_dirs; i++) {
		if (!is_dir(opts->forms_dirs[i])) {
			kaigi_diags_add(diags, KAIGI_EENV, opts->forms_dirs[i], 0, 0,
					"not a directory");
			continue;
		}
		schema_load_dir(set, opts->forms_dirs[i], diags);
	}
	schema_set_check(set, diags);
	return kaigi_diags_status(diags);
}

int cmd_forms_open(const struct cmd_opts *opts, struct schema_set *set, struct kaigi_diags *diags)
{
	struct kaigi_error err;
	if (schema_set_init(set, &err) != KAIGI_OK)
		return cmd_fail(&err);
	cmd_load_forms(opts, set, diags);
	return 0;
}

int cmd_forms_sub_open(const struct cmd_opts *opts, int argc, int min, int max, const char *sub,
		       struct schema_set *set, struct kaigi_diags *diags)
{
	if (argc < min || argc > max)
		return cmd_sub_usage_error("forms", sub);
	return cmd_forms_open(opts, set, diags);
}

enum kaigi_status cmd_load_config(struct kaigi_config *cfg, struct kaigi_diags *diags)
{
	char *shipped = xasprintf("%s/../config/config.yaml", cmd_installed_forms_dir());
	enum kaigi_status st = config_load_default(cfg, shipped, diags);
	free(shipped);
	return st;
}

void cmd_config_load_lenient(struct kaigi_config *cfg, const char *lost)
{
	struct kaigi_diags diags = {0};
	if (cmd_load_config(cfg, &diags) != KAIGI_OK) {
		cmd_print_diags(&diags);
		if (lost)
			fprintf(stderr, "%s\n", lost);
	}
	kaigi_diags_free(&diags);
}

char *cmd_data_file(const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/kaigi/%s", xdg, name);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/kaigi/%s", home && *home ? home : ".", name);
}

char *cmd_db_path(const struct cmd_opts *opts)
{
	return opts->db ? xstrdup(opts->db) : cmd_data_file("kaigi.db");
}

void cmd_print_error(const struct kaigi_error *err)
{
	char buf[2200];
	kaigi_error_format(err, buf, sizeof buf);
	/* Messages quote the files' text: never a control character raw. */
	char *shown = utf8_visible(buf, true);
	fprintf(stderr, "%s\n", shown);
	free(shown);
}

void cmd_print_diags(const struct kaigi_diags *diags)
{
	for (size_t i = 0; i < diags->n; i++)
		cmd_print_error(&diags->v[i]);
}

int cmd_fail(const struct kaigi_error *err)
{
	cmd_print_error(err);
	return err->status;
}

int cmd_written(enum kaigi_status s, const struct kaigi_error *err, const char *path)
{
	if (s != KAIGI_OK)
		cmd_print_error(err);
	else if (path)
		printf("%s\n", path);
	return s;
}

void cmd_print_warnings(const struct kaigi_diags *d)
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

int cmd_store_open(struct cmd_store *cs, const struct cmd_opts *opts, enum store_open_mode mode)
{
	memset(cs, 0, sizeof *cs);
	/* Broken form files are `kaigi forms check`'s business; the records
	 * that need a missing form say so themselves. */
	struct kaigi_diags diags = {0};
	int rc = cmd_forms_open(opts, &cs->forms, &diags);
	kaigi_diags_free(&diags);
	if (rc)
		return rc;
	cs->have_forms = true;
	cs->path = cmd_db_path(opts);
	struct kaigi_error err;
	if (store_open(&cs->st, cs->path, mode, &err) != KAIGI_OK) {
		cmd_store_close(cs);
		return cmd_fail(&err);
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

int cmd_store_run(const struct cmd_opts *opts, enum store_open_mode mode,
		  int (*fn)(struct cmd_store *cs, void *ctx), void *ctx)
{
	struct cmd_store cs;
	int rc = cmd_store_open(&cs, opts, mode);
	if (rc)
		return rc;
	rc = fn(&cs, ctx);
	cmd_store_close(&cs);
	return rc;
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

int cmd_doc_open(struct cmd_doc *d, const struct cmd_opts *opts, const char *lost)
{
	memset(d, 0, sizeof *d);
	int rc = cmd_store_open(&d->cs, opts, STORE_READ_ONLY);
	if (rc)
		return rc;
	cmd_config_load_lenient(&d->cfg, lost);
	d->have_cfg = true;
	const char *town = schema_label_get(&d->cfg.town, opts->lang);
	const char *vision = schema_label_get(&d->cfg.vision, opts->lang);
	d->town = *town ? town : NULL;
	d->vision = *vision ? vision : NULL;
	return 0;
}

void cmd_doc_close(struct cmd_doc *d)
{
	if (d->have_cfg)
		config_free(&d->cfg);
	d->have_cfg = false;
	cmd_store_close(&d->cs);
}

int cmd_doc_format(const char *format, const char *output)
{
	if (format)
		return report_format_from_name(format);
	const char *dot = output ? strrchr(output, '.') : NULL;
	int f = dot ? report_format_from_name(dot + 1) : -1;
	return f < 0 ? REPORT_TEXT : f;
}
