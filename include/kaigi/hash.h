/* SPDX-License-Identifier: MIT */
/*
 * hash.h — FNV-1a (64-bit), the one string hash kaigi uses: the string
 * table (strmap.h), a record's answer index, the tally's line map and the
 * key of a roll-up's spec.  Folding goes on from any h, so a caller hashes
 * several strings, and separators between them, into one value.
 */
#ifndef KAIGI_HASH_H
#define KAIGI_HASH_H

#include <stdint.h>

#define KAIGI_FNV_OFFSET 14695981039346656037ULL
#define KAIGI_FNV_PRIME  1099511628211ULL

/* h with the byte c folded in. */
static inline uint64_t kaigi_fnv1a_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * KAIGI_FNV_PRIME;
}

/* h with the bytes of s folded in (NULL: none). */
static inline uint64_t kaigi_fnv1a(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = kaigi_fnv1a_byte(h, (unsigned char)*s);
	return h;
}

#endif
