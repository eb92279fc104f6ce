// SPDX-License-Identifier: MIT
/*
 * schema_config.c — the town's settings file (config.h), read with the
 * same YAML walker and the same label rules as forms, so a town's staff
 * meets one language and one kind of error message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/config.h"
#include "kaigi/file.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

/* A settings file is a few lines; anything bigger is a mistake. */
#define CONFIG_MAX_BYTES (256u * 1024u)

static const char *const config_keys[] = {"town", "vision", "professions", "region_overview",
					  "sync", NULL};
static const char *const sync_keys[] = {"town", "passphrase_min_length", NULL};

void config_free(struct kaigi_config *cfg)
{
	free(cfg->source);
	schema_label_free(&cfg->town);
	schema_label_free(&cfg->vision);
	config_lists_free(cfg);
	free(cfg->sync_town);
	memset(cfg, 0, sizeof *cfg);
}

enum kaigi_status config_load_buffer(struct kaigi_config *cfg, const char *name, const char *buf,
				     size_t len, struct kaigi_diags *diags)
{
	memset(cfg, 0, sizeof *cfg);
	struct ydoc y;
	if (ydoc_load(&y, name, buf, len, diags) != KAIGI_OK) {
		ydoc_free(&y);
		return KAIGI_EDATA;
	}
	struct loader l = {.y = &y};
	yaml_node_t *root = ydoc_root(&y);
	if (root->type != YAML_MAPPING_NODE) {
		ydoc_error(&y, root,
			   "expected settings (a mapping with `town:` and `vision:`), found %s",
			   ydoc_kind(root));
	} else {
		ydoc_map_check(&y, root, "the settings", config_keys);
		schema_parse_label(&l, root, "town", false, &cfg->town);
		schema_parse_label(&l, root, "vision", false, &cfg->vision);
		yaml_node_t *pn = ydoc_map_get(&y, root, "professions");
		if (pn)
			config_parse_professions(&l, pn, cfg);
		yaml_node_t *rn = ydoc_map_get(&y, root, "region_overview");
		if (rn)
			config_parse_region(&l, rn, cfg);
		yaml_node_t *sync = ydoc_map_get(&y, root, "sync");
		if (sync && sync->type != YAML_MAPPING_NODE) {
			ydoc_error(&y, sync,
				   "expected `sync:` to be a mapping (town, "
				   "passphrase_min_length), found %s",
				   ydoc_kind(sync));
		} else if (sync) {
			ydoc_map_check(&y, sync, "the sync settings", sync_keys);
			const char *town = NULL;
			if (ydoc_get_str(&y, sync, "town", false, &town, NULL) && town)
				cfg->sync_town = xstrdup(town);
			ydoc_get_int(&y, sync, "passphrase_min_length", false, 13, 1024,
				     &cfg->sync_passphrase_min);
		}
	}
	bool ok = y.nerrors == 0;
	ydoc_free(&y);
	if (!ok) {
		config_free(cfg);
		return KAIGI_EDATA;
	}
	cfg->source = xstrdup(name);
	return KAIGI_OK;
}

static enum kaigi_status config_parse(void *cfg, const char *name, const char *buf, size_t len,
				      struct kaigi_diags *diags)
{
	return config_load_buffer(cfg, name, buf, len, diags);
}

enum kaigi_status config_load_file(struct kaigi_config *cfg, const char *path,
				   struct kaigi_diags *diags)
{
	memset(cfg, 0, sizeof *cfg);
	return schema_file_parse(path, CONFIG_MAX_BYTES, "settings", config_parse, cfg, diags);
}

static bool file_exists(const char *p)
{
	struct stat sb;
	return p && stat(p, &sb) == 0;
}

char *config_user_path(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/kaigi/%s", xdg, name);
	const char *home = getenv("HOME");
	return home && *home ? xasprintf("%s/.config/kaigi/%s", home, name) : NULL;
}

enum kaigi_status config_load_default(struct kaigi_config *cfg, const char *shipped,
				      struct kaigi_diags *diags)
{
	memset(cfg, 0, sizeof *cfg);
	char *user = config_user_path("config.yaml");
	enum kaigi_status s = KAIGI_OK;
	if (file_exists(user))
		s = config_load_file(cfg, user, diags);
	else if (file_exists(shipped))
		s = config_load_file(cfg, shipped, diags);
	free(user);
	return s;
}
