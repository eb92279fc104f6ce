// SPDX-License-Identifier: MIT
/*
 * strmap.c — entries found by a string key (kaigi/strmap.h): FNV-1a over
 * the key (kaigi/hash.h), linear probing in a table kept at most half full, doubled when
 * it would not be.
 */
#include "kaigi/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "kaigi/hash.h"
#include "kaigi/xalloc.h"

static char **entry(const struct strmap *m, size_t i)
{
	return (char **)((char *)m->v + i * m->size);
}

/* The slot of key: its entry, or the free one where it would go. */
static char **slot(const struct strmap *m, const char *key)
{
	for (size_t i = (size_t)kaigi_fnv1a(KAIGI_FNV_OFFSET, key) & (m->cap - 1);;
	     i = (i + 1) & (m->cap - 1)) {
		char **e = entry(m, i);
		if (!*e || strcmp(*e, key) == 0)
			return e;
	}
}

void *strmap_find(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	char **e = slot(m, key);
	return *e ? e : NULL;
}

void *strmap_put(struct strmap *m, const char *key, bool *added)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct strmap b = {.cap = m->cap ? m->cap * 2 : 64, .n = m->n, .size = m->size};
		b.v = xcalloc(b.cap, b.size);
		for (size_t i = 0; i < m->cap; i++) {
			char **e = entry(m, i);
			if (*e)
				memcpy(slot(&b, *e), e, m->size);
		}
		free(m->v);
		*m = b;
	}
	char **e = slot(m, key);
	*added = !*e;
	if (!*e) {
		*e = xstrdup(key);
		m->n++;
	}
	return e;
}

void strmap_free(struct strmap *m, void (*clear)(void *entry))
{
	for (size_t i = 0; i < m->cap; i++) {
		char **e = entry(m, i);
		if (*e && clear)
			clear(e);
		free(*e);
	}
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
