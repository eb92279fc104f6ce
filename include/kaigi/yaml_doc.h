/* SPDX-License-Identifier: MIT */
/*
 * yaml_doc.h — the one walker of kaigi's YAML files (forms, meeting
 * templates, settings and record files): a parsed document with checked
 * access, every problem reported at the node's FILE:LINE:COL.
 *
 * The limits live here and in the reader beneath it (yaml_read.h): a file's
 * size (ydoc_limits.max_bytes), nesting depth (KAIGI_YAML_MAX_DEPTH), nodes
 * built (max_nodes) and nodes visited (max_visits).  Aliases are resolved
 * by libyaml as shared nodes (never copied), and every visit is counted, so
 * an alias bomb stops at a bound instead of running for ever.  After
 * max_errors problems the walk says so and stops (ydoc.stop).
 */
#ifndef KAIGI_YAML_DOC_H
#define KAIGI_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "kaigi/error.h"

/* Forms, meeting templates and settings (ydoc_load). */
#define YDOC_MAX_BYTES  (2u * 1024u * 1024u)
#define YDOC_MAX_VISITS 200000u
#define YDOC_MAX_ERRORS 100u

/* What one kind of file may hold, and what to say when it holds more. */
struct ydoc_limits {
	const char *holds;   /* for a second document: "a file holds one <holds>" */
	size_t max_bytes;    /* 0: no bound here (the caller's read bounds it) */
	const char *name;    /* for a file over max_bytes: "<name> may be at most …" */
	size_t max_nodes;    /* nodes built (0: no bound beyond the size) */
	size_t max_visits;   /* nodes visited (0: four per node, and 1000) */
	const char *too_far; /* said at the root when the visits pass the bound */
	size_t max_errors;
	const char *too_many; /* said in place of the problem after max_errors */
	const char *empty;    /* said of a file without a document (NULL: no root, no error) */
};

struct ydoc {
	yaml_document_t doc;
	bool loaded;
	const char *file;
	const char *buf; /* the source text, for positions inside scalars */
	size_t len;
	struct kaigi_diags *diags;
	const struct ydoc_limits *lim;
	size_t nerrors;
	size_t visits, max_visits;
	bool stop; /* too many errors or visits: callers wind down */
};

/* Parse buf under lim.  Syntax errors, a file over the limits and a
 * second document are reported to diags; KAIGI_OK when the document was
 * read (its root is NULL for an empty file when lim->empty is NULL).
 * ydoc_free it either way. */
enum kaigi_status ydoc_open(struct ydoc *y, const char *file, const char *buf, size_t len,
			    const struct ydoc_limits *lim, struct kaigi_diags *diags);
/* ydoc_open with the limits of a form, meeting template or settings
 * file; KAIGI_OK only when a root node exists. */
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
/* ydoc_map_get; when key is missing and required, reported at n
 * ("missing required key 'key'"). */
yaml_node_t *ydoc_map_want(struct ydoc *y, yaml_node_t *n, const char *key, bool required);
/* The key node of key in mapping n (for positions), or NULL. */
yaml_node_t *ydoc_map_key(struct ydoc *y, yaml_node_t *n, const char *key);

/*
 * Take the values of a mapping by key: keys is NULL-terminated, vals gets
 * one node (or NULL) per key.  Unknown and repeated keys are reported.
 * False (reported) when n is not a mapping.  (A record file's way;
 * ydoc_map_check and ydoc_map_get are a form's.)
 */
bool ydoc_map_take(struct ydoc *y, const yaml_node_t *n, const char *what, const char *const *keys,
		   yaml_node_t **vals);
/*
 * The text of a scalar, or NULL for an absent node, YAML null (~, null, an
 * empty plain scalar) or "" — and NULL with a report when n is not a
 * scalar or holds a NUL.  Borrowed from the document.
 */
const char *ydoc_text(struct ydoc *y, const yaml_node_t *n, const char *what);
/* The items of a sequence (NULL / 0 for an absent or empty node); false
 * (reported) when n is not a sequence. */
bool ydoc_seq_items(struct ydoc *y, const yaml_node_t *n, const char *what,
		    yaml_node_item_t **items, size_t *count);

/* Sequence access; ydoc_seq_len is 0 for non-sequences. */
size_t ydoc_seq_len(const yaml_node_t *n);
yaml_node_t *ydoc_seq_at(struct ydoc *y, yaml_node_t *n, size_t i);
/* The length of n, the value of key, which must be a list of at least one
 * item; 0, reported at n ("'key' must be a list of at least one item,
 * found …"), when it is not. */
size_t ydoc_seq_nonempty(struct ydoc *y, const yaml_node_t *n, const char *key, const char *item);

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
