/* SPDX-License-Identifier: MIT */
/*
 * store_import_yaml.h — walking a libyaml document tree for the importer:
 * checked access to mappings and scalars, with every problem reported at
 * the node's FILE:LINE:COL, and a bound on visits so that an alias bomb
 * (a small file whose aliases expand without end) stops early.
 */
#ifndef KAIGI_STORE_IMPORT_YAML_H
#define KAIGI_STORE_IMPORT_YAML_H

#include <stdbool.h>
#include <yaml.h>

#include "kaigi/error.h"

#define IMP_MAX_ERRORS 500

struct ywalk {
	yaml_document_t *doc;
	const char *file;
	struct kaigi_diags *diags;
	size_t errors;
	size_t visits, max_visits;
	bool stop; /* too many errors or visits */
};

void ywalk_init(struct ywalk *w, yaml_document_t *doc, const char *file, struct kaigi_diags *diags);
/* Report a problem at n (or at the file when n is NULL). */
void ywalk_error(struct ywalk *w, const yaml_node_t *n, const char *fmt, ...) KAIGI_PRINTF(3, 4);
/* A node by index, counting the visit; NULL once stopped. */
yaml_node_t *ywalk_node(struct ywalk *w, int index);

/*
 * Take the values of a mapping by key: keys is NULL-terminated, vals gets
 * one node (or NULL) per key.  Unknown and repeated keys are reported.
 * False (reported) when n is not a mapping.
 */
bool ywalk_map(struct ywalk *w, const yaml_node_t *n, const char *what, const char *const *keys,
	       yaml_node_t **vals);

/*
 * The text of a scalar, or NULL for an absent node, YAML null (~, null, an
 * empty plain scalar) or "" — and NULL with a report when n is not a
 * scalar.  Borrowed from the document.
 */
const char *ywalk_text(struct ywalk *w, const yaml_node_t *n, const char *what);

/* The items of a sequence (NULL / 0 for an absent node); false (reported)
 * when n is not a sequence. */
bool ywalk_seq(struct ywalk *w, const yaml_node_t *n, const char *what, yaml_node_item_t **items,
	       size_t *count);

#endif
