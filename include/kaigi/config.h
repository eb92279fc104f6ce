/* SPDX-License-Identifier: MIT */
/*
 * config.h — the town's own settings, read from a small YAML file.
 *
 * It holds what the town aims for (目指す姿, its stated vision), which
 * kaigi shows when a meeting opens so that the room works from one shared
 * picture (normative integration, domain.md), the town's name, the list of
 * professions a participant is recorded by (with "other", typed), and the
 * region overview (地域概要, seed 004 L60–100) printed on the cover of the
 * regional report: the answers to the form `region_overview`.
 * The file is $XDG_CONFIG_HOME/kaigi/config.yaml (default
 * ~/.config/kaigi/config.yaml); without it the example shipped beside the
 * installed forms (config/config.yaml) is used.  doc/config.md documents
 * the keys.  Errors read FILE:LINE:COL like the form loader's.
 */
#ifndef KAIGI_CONFIG_H
#define KAIGI_CONFIG_H

#include "kaigi/error.h"
#include "kaigi/schema.h"

/* One profession of the town's list: id is what a participant record
 * keeps (`profession:` in record files). */
struct config_profession {
	char *id;
	struct schema_label label;
};

/* One answer of the region overview: a field id of the form
 * region_overview and its value as written. */
struct config_answer {
	char *field;
	char *value;
};

struct kaigi_config {
	char *source;                          /* the file read, or NULL when none */
	struct schema_label town;              /* e.g. 豊明市; empty when not set */
	struct schema_label vision;            /* 目指す姿; empty when not set */
	struct config_profession *professions; /* the file's `professions:`, or NULL */
	size_t nprofessions;
	struct config_answer *region; /* `region_overview:` answers, in file order */
	size_t nregion;
	/* sync: (doc/sync.md): the town's id on bundles, and the passphrase
	 * policy (at least 13 characters, the guideline's floor). */
	char *sync_town;          /* NULL when not set */
	long sync_passphrase_min; /* 0 when not set */
};

/*
 * The town's professions: the file's list, else the shipped default (the
 * people of seed 001 L1886–1895 and the agencies of seed 003 L4751–4760).
 * cfg may be NULL.  The array lives as long as cfg (or forever).
 */
const struct config_profession *config_professions(const struct kaigi_config *cfg, size_t *n);
/* The label of profession id in lang, or NULL when id is not on the list
 * (then it is words typed for "other", shown as they are). */
const char *config_profession_label(const struct kaigi_config *cfg, const char *id,
				    const char *lang);
/* A profession as the town names it (the list above), else as template
 * tpl (may be NULL) names its expected professions; NULL when id is NULL
 * or neither names it (words typed for "other").  Used by the meeting
 * screen and the summary alike. */
const char *config_profession_name(const struct kaigi_config *cfg, const struct schema_meeting *tpl,
				   const char *id, const char *lang);

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

/* kaigi's NAME in the user's settings folder (config.yaml, forms):
 * $XDG_CONFIG_HOME/kaigi/NAME, else ~/.config/kaigi/NAME; NULL when
 * neither variable is set.  Caller frees. */
char *config_user_path(const char *name);

#endif
