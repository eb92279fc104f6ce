/* SPDX-License-Identifier: MIT */
/*
 * config.h — the town's own settings, read from a small YAML file.
 *
 * Today it holds what the town aims for (目指す姿, its stated vision),
 * which kaigi shows when a meeting opens so that the room works from one
 * shared picture (normative integration, domain.md), and the town's name.
 * The file is $XDG_CONFIG_HOME/kaigi/config.yaml (default
 * ~/.config/kaigi/config.yaml); without it the example shipped beside the
 * installed forms (config/config.yaml) is used.  doc/config.md documents
 * the keys.  Errors read FILE:LINE:COL like the form loader's.
 */
#ifndef KAIGI_CONFIG_H
#define KAIGI_CONFIG_H

#include "kaigi/error.h"
#include "kaigi/schema.h"

struct kaigi_config {
	char *source;               /* the file read, or NULL when none */
	struct schema_label town;   /* e.g. 豊明市; empty when not set */
	struct schema_label vision; /* 目指す姿; empty when not set */
	/* sync: (doc/sync.md): the town's id on bundles, and the passphrase
	 * policy (at least 13 characters, the guideline's floor). */
	char *sync_town;          /* NULL when not set */
	long sync_passphrase_min; /* 0 when not set */
};

/*
 * Read path into cfg (which is cleared first).  Every problem goes to
 * diags as FILE:LINE:COL; on any error cfg is left empty.  Unknown keys are
 * errors, as in forms.
 */
enum kaigi_status config_load_file(struct kaigi_config *cfg, const char *path,
				   struct kaigi_diags *diags);
/* The same from memory; name is used in messages. */
enum kaigi_status config_load_buffer(struct kaigi_config *cfg, const char *name, const char *buf,
				     size_t len, struct kaigi_diags *diags);

/*
 * The user's file ($XDG_CONFIG_HOME/kaigi/config.yaml) when it exists,
 * else shipped (may be NULL).  A missing file is not an error: cfg stays
 * empty.
 */
enum kaigi_status config_load_default(struct kaigi_config *cfg, const char *shipped,
				      struct kaigi_diags *diags);

void config_free(struct kaigi_config *cfg);

#endif
