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

#include "kaigi/xalloc.h"
#include "store_import.h"

struct seen_entry {
	char *key;  /* kind '\x1f' value */
	char *what; /* what it said (a person's fields), or NULL */
	const char *file;
	int line, col;
};

static size_t seen_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static struct seen_entry *seen_slot(struct imp_seen *t, const char *key)
{
	for (size_t i = seen_hash(key) & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
		if (!t->v[i].key || strcmp(t->v[i].key, key) == 0)
			return &t->v[i];
}

static void seen_grow(struct imp_seen *t)
{
	struct imp_seen b = {.cap = t->cap ? t->cap * 2 : 256};
	b.v = xcalloc(b.cap, sizeof *b.v);
	for (size_t i = 0; i < t->cap; i++)
		if (t->v[i].key)
			*seen_slot(&b, t->v[i].key) = t->v[i];
	b.n = t->n;
	free(t->v);
	*t = b;
}

bool imp_seen_check(struct imp *im, const char *kind, const char *value, const char *what,
		    const yaml_node_t *n)
{
	if (!value || !n)
		return true;
	struct imp_seen *t = &im->seen;
	if ((t->n + 1) * 2 > t->cap)
		seen_grow(t);
	char *key = xasprintf("%s\x1f%s", kind, value);
	struct seen_entry *e = seen_slot(t, key);
	int line = (int)n->start_mark.line + 1, col = (int)n->start_mark.column + 1;
	if (!e->key) {
		*e = (struct seen_entry){key, what ? xstrdup(what) : NULL, im->w.file, line, col};
		t->n++;
		return true;
	}
	free(key);
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

void imp_seen_free(struct imp *im)
{
	for (size_t i = 0; i < im->seen.cap; i++) {
		free(im->seen.v[i].key);
		free(im->seen.v[i].what);
	}
	free(im->seen.v);
	memset(&im->seen, 0, sizeof im->seen);
}
