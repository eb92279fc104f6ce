/* SPDX-License-Identifier: MIT */
/*
 * yaml_read.h — the one YAML reader of forms, settings and record files.
 *
 * libyaml's document loader parses a whole file before it says anything, and
 * its scanner is quadratic in nesting depth (100,000 nested `[` take half a
 * minute).  This reader builds the same yaml_document_t from libyaml's event
 * API instead, so it can stop at the event where a file goes wrong: nesting
 * deeper than KAIGI_YAML_MAX_DEPTH lists and mappings, an alias to an anchor
 * that is not defined or that contains it (a cycle), more nodes than the
 * caller allows, or a second document.  Every problem is reported at
 * FILE:LINE:COL, also for bytes that are not UTF-8, a NUL or an ESC.
 *
 * Nodes carry their start and end marks; tags are not kept (no caller reads
 * them, and one string per node is a third of a large record file's memory).
 */
#ifndef KAIGI_YAML_READ_H
#define KAIGI_YAML_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "kaigi/error.h"

/* Lists and mappings inside each other: no real form or record needs 16. */
#define KAIGI_YAML_MAX_DEPTH 64

struct kaigi_yaml_opts {
	/* What one file holds, for the second-document message ("form or meeting
	 * template"). */
	const char *holds;
	/* At most this many nodes (0: no bound beyond the file's size). */
	size_t max_nodes;
};

/*
 * Parse buf (len bytes; file names it in messages) into *doc.  On KAIGI_OK
 * *doc must be freed with yaml_document_delete(); its root is NULL for an
 * empty file.  On KAIGI_EDATA one message is added to diags and *doc holds
 * nothing to free.
 */
enum kaigi_status kaigi_yaml_read(const char *file, const char *buf, size_t len,
				  const struct kaigi_yaml_opts *opts, yaml_document_t *doc,
				  struct kaigi_diags *diags);

/* Positions in a YAML source (a leading UTF-8 BOM is not counted; columns
 * are characters).  The byte offset where 1-based line starts (or len): */
size_t kaigi_yaml_line_start(const char *buf, size_t len, int line);
/* The byte offset of 1-based (line, col): */
size_t kaigi_yaml_pos_offset(const char *buf, size_t len, int line, int col);
/* The 1-based line and column of byte offset off: */
void kaigi_yaml_offset_pos(const char *buf, size_t len, size_t off, int *line, int *col);

#endif
