// SPDX-License-Identifier: MIT
/* cmd_common.c — what every subcommand shares: forms, paths, reporting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

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
	fprintf(f, "usage: kaigi %s\n", c->usage);
	if (!to_stderr)
		fprintf(f, "\n%s\n", c->summary);
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
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *user = NULL;
	if (xdg && *xdg)
		user = xasprintf("%s/kaigi/forms", xdg);
	else if (home && *home)
		user = xasprintf("%s/.config/kaigi/forms", home);
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

enum kaigi_status cmd_load_config(struct kaigi_config *cfg, struct kaigi_diags *diags)
{
	char *shipped = xasprintf("%s/../config/config.yaml", cmd_installed_forms_dir());
	enum kaigi_status st = config_load_default(cfg, shipped, diags);
	free(shipped);
	return st;
}

char *cmd_db_path(const struct cmd_opts *opts)
{
	if (opts->db)
		return xstrdup(opts->db);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/kaigi/kaigi.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/kaigi/kaigi.db", home && *home ? home : ".");
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
