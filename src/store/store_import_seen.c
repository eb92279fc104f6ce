// SPDX-License-Identifier: MIT
/*
 * store_import_seen.c — what one import has already read, by key.
 *
 * Rows are upserts, so an entity given twice was silently the last one: the
 * same person or id twice in one file, or two files of one import that say
 * different things about one person.  Every person code and every id given
 * is remembered with where it was read (and, for a person, what it said):
 * twice in one file, or differently in two files, is reported at the second
 * place, naming the first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strmap.h"
#include "kaigi/xalloc.h"
#include "store_import.h"

struct seen_entry {
	char *key;  /* kind '\x1f' value */
	char *what; /* what it said (a person's fields), or NULL */
	const char *file;
	int line, col;
};

bool imp_seen_check(struct imp *im, const char *kind, const char *value, const char *what,
		    const yaml_node_t *n)
{
	if (!value || !n)
		return true;
	if (!im->seen.size)
		im->seen.size = sizeof(struct seen_entry);
	char *key = xasprintf("%s\x1f%s", kind, value);
	bool added;
	struct seen_entry *e = strmap_put(&im->seen, key, &added);
	free(key);
	if (added) {
		e->what = xstrdup_or_null(what);
		e->file = im->w.file;
		e->line = (int)n->start_mark.line + 1;
		e->col = (int)n->start_mark.column + 1;
		return true;
	}
	if (e->file == im->w.file) {
		ydoc_error(&im->w, n,
			   "%s %s is given twice in this file (first at line %d); give it once",
			   kind, value, e->line);
		return false;
	}
	if (what && e->what && strcmp(what, e->what) != 0) {
		ydoc_error(&im->w, n,
			   "%s %s says something else in %s:%d:%d; two files of one import "
			   "must agree (keep one of them)",
			   kind, value, e->file, e->line, e->col);
		return false;
	}
	return true;
}

static void seen_clear(void *entry)
{
	free(((struct seen_entry *)entry)->what);
}

void imp_seen_free(struct imp *im)
{
	strmap_free(&im->seen, seen_clear);
}
