/* SPDX-License-Identifier: MIT */
/*
 * strmap.h — entries found by a string key.
 *
 * A hash table (open addressing, linear probing, kept at most half full)
 * of entries of one size whose first member is their key, a char * the
 * table owns.  For the places that remember names while reading a file:
 * the YAML reader's anchors, what an import has already read.
 */
#ifndef KAIGI_STRMAP_H
#define KAIGI_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	void *v;     /* cap entries of size bytes; a free one has key NULL */
	size_t n;    /* entries in use */
	size_t cap;  /* 0 or a power of two */
	size_t size; /* of an entry: set before the first strmap_put */
};

/* The entry of key, or NULL. */
void *strmap_find(const struct strmap *m, const char *key);
/* The entry of key; when there was none, a new one (zeroed, its key a
 * copy of key) and *added true. */
void *strmap_put(struct strmap *m, const char *key, bool *added);
/* Free every entry (clear, when not NULL, first frees what the entry
 * owns beside its key), the keys and the table; m is left empty. */
void strmap_free(struct strmap *m, void (*clear)(void *entry));

#endif
