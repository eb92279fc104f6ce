/* SPDX-License-Identifier: MIT */
/*
 * yaml_doc.h — a parsed YAML document with checked access and diagnostics.
 *
 * Internal to the schema module.  Wraps libyaml's document API: the whole
 * file becomes a node tree with positions, and every accessor reports what
 * it expected at the node's line and column.  Aliases are resolved by libyaml
 * as shared nodes (never copied), and every visit is counted, so an alias
 * bomb stops at a bound instead of running for ever.
 */
#ifndef KAIGI_YAML_DOC_H
#define KAIGI_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "kaigi/error.h"

#define YDOC_MAX_BYTES  (2u * 1024u * 1024u)
#define YDOC_MAX_VISITS 200000u
#define YDOC_MAX_ERRORS 100u

struct ydoc {
	yaml_document_t doc;
	bool loaded;
	const char *file;
	const char *buf; /* the source text, for positions inside scalars */
	size_t len;
	struct kaigi_diags *diags;
	size_t nerrors;
	size_t visits;
	bool stop; /* too many errors or visits: callers wind down */
};

/* Parse buf.  Syntax errors, an empty file and a second document are
 * reported to diags; returns KAIGI_OK only when a root node exists. */
enum kaigi_status ydoc_load(struct ydoc *y, const char *file, const char *buf, size_t len,
			    struct kaigi_diags *diags);
void ydoc_free(struct ydoc *y);

yaml_node_t *ydoc_root(struct ydoc *y);
/* A node by index, counting the visit (NULL once the bound is passed). */
yaml_node_t *ydoc_node(struct ydoc *y, int index);

void ydoc_error(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...) KAIGI_PRINTF(3, 4);
void ydoc_error_at(struct ydoc *y, int line, int col, const char *fmt, ...) KAIGI_PRINTF(4, 5);
/* 1-based line and column of n's start. */
int ydoc_line(const yaml_node_t *n);
int ydoc_col(const yaml_node_t *n);
/* Position of byte offset off within scalar n's value (for expressions). */
void ydoc_scalar_pos(const struct ydoc *y, const yaml_node_t *n, int off, int *line, int *col);

/* "a mapping", "a list", "an empty list", "a text" — for messages. */
const char *ydoc_kind(const yaml_node_t *n);

/* The scalar's text, or NULL (no error) when n is not a scalar. */
const char *ydoc_scalar(const yaml_node_t *n);

/*
 * Check that n is a mapping whose keys are plain scalars among allowed
 * (NULL-terminated), each at most once.  Reports every offence; returns
 * false only when n is not a mapping at all.
 */
bool ydoc_map_check(struct ydoc *y, yaml_node_t *n, const char *what, const char *const *allowed);
/* The value of key in mapping n, or NULL. */
yaml_node_t *ydoc_map_get(struct ydoc *y, yaml_node_t *n, const char *key);
/* The key node of key in mapping n (for positions), or NULL. */
yaml_node_t *ydoc_map_key(struct ydoc *y, yaml_node_t *n, const char *key);

/* Sequence access; ydoc_seq_len is 0 for non-sequences. */
size_t ydoc_seq_len(const yaml_node_t *n);
yaml_node_t *ydoc_seq_at(struct ydoc *y, yaml_node_t *n, size_t i);

/*
 * Typed getters of a scalar under key.  Each reports a missing required key
 * at the mapping and a wrong type at the value, and returns false then.
 * An absent optional key returns true and leaves *out untouched.
 */
bool ydoc_get_str(struct ydoc *y, yaml_node_t *map, const char *key, bool required,
		  const char **out, yaml_node_t **node);
bool ydoc_get_bool(struct ydoc *y, yaml_node_t *map, const char *key, bool *out);
bool ydoc_get_int(struct ydoc *y, yaml_node_t *map, const char *key, bool required, long min,
		  long max, long *out);
/* Parse text as a YAML 1.1/1.2 boolean (true/false/yes/no/on/off). */
bool ydoc_parse_bool(const char *s, bool *out);

#endif
