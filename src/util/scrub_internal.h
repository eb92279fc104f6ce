/* SPDX-License-Identifier: MIT */
/*
 * scrub_internal.h — what scrub.c (matching, replacing) and scrub_rules.c
 * (the patterns) share; scrub_norm.c defines the normalised text and
 * scrub_rule_add, which both use.  Internal to src/util.
 */
#ifndef KAIGI_SCRUB_INTERNAL_H
#define KAIGI_SCRUB_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "kaigi/scrub.h"

/*
 * Text as it is compared: NFKC, case folded, katakana as hiragana, every
 * dash-like character as '-'.  from[i]..to[i] are the bytes of the original
 * text that normalised byte i came from (a whole grapheme cluster).
 */
struct scrub_norm {
	char *s;
	size_t len;
	size_t *from, *to;
};
void scrub_norm_make(const char *in, struct scrub_norm *n);
void scrub_norm_free(struct scrub_norm *n);

struct scrub_rule {
	pcre2_code *re;
	enum scrub_kind kind;
};

/* Compile pattern (already in normalised form) as a rule of kind and append
 * it to *v; jit: also compile it to machine code (worth it for the rules
 * for anyone, used for the process's life; not for one person's, which a
 * context built per meeting uses a few times).  Returns false (nothing
 * added) when PCRE2 refuses it. */
bool scrub_rule_add(struct scrub_rule **v, size_t *n, size_t *cap, const char *pattern,
		    enum scrub_kind kind, bool jit);
/* The rules for anyone (scrub_rules.c). */
void scrub_rules_generic(struct scrub_rule **v, size_t *n, size_t *cap);
/* Whether each of p's values can be made into a pattern (a birth date
 * YYYY-MM-DD, a phone or insured number of 6 digits or more). */
bool scrub_person_valid(const struct scrub_person *p);
/* Strings, normalised and without spaces, '-' or brackets, of which every
 * match of p's patterns holds one; *out (and each) the caller frees.
 * Returns how many. */
size_t scrub_person_triggers(const struct scrub_person *p, char ***out);
/* The rules for one person's values; false when one could not be built. */
bool scrub_rules_person(struct scrub_rule **v, size_t *n, size_t *cap,
			const struct scrub_person *p);

#endif
