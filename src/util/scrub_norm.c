// SPDX-License-Identifier: MIT
/*
 * scrub_norm.c — the two things scrub.c (matching) and scrub_rules.c (the
 * patterns) both build on: text in the form it is compared in (struct
 * scrub_norm) and a compiled rule (scrub_rule_add).  Calls neither of them.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/xalloc.h"
#include "scrub_internal.h"

/* ---- normalisation ------------------------------------------------------ */

static utf8proc_int32_t fold_char(utf8proc_int32_t c)
{
	if (c >= 0x30A1 && c <= 0x30F6) /* katakana → hiragana */
		return c - 0x60;
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30FC || c == 0xFF70 ||
	    c == 0x2043 || c == 0xFE63)
		return '-';
	return c;
}

static void norm_append(struct scrub_norm *n, size_t *cap, const char *bytes, size_t len,
			size_t from, size_t to)
{
	while (n->len + len + 1 > *cap) {
		*cap = *cap ? *cap * 2 : 64;
		n->s = xrealloc(n->s, *cap);
		n->from = xreallocarray(n->from, *cap, sizeof *n->from);
		n->to = xreallocarray(n->to, *cap, sizeof *n->to);
	}
	memcpy(n->s + n->len, bytes, len);
	for (size_t i = 0; i < len; i++) {
		n->from[n->len + i] = from;
		n->to[n->len + i] = to;
	}
	n->len += len;
	n->s[n->len] = '\0';
}

/* Normalise the cluster in[a..b) and append it. */
static void norm_cluster(struct scrub_norm *n, size_t *cap, const char *in, size_t a, size_t b)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t len =
	    utf8proc_map((const utf8proc_uint8_t *)in + a, (utf8proc_ssize_t)(b - a), &mapped,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	if (len < 0) {
		norm_append(n, cap, "\xEF\xBF\xBD", 3, a, b);
		free(mapped);
		return;
	}
	for (utf8proc_ssize_t off = 0; off < len;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(mapped + off, len - off, &c);
		if (k <= 0)
			break;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(fold_char(c), enc);
		norm_append(n, cap, (const char *)enc, (size_t)m, a, b);
		off += k;
	}
	free(mapped);
}

void scrub_norm_make(const char *in, struct scrub_norm *n)
{
	memset(n, 0, sizeof *n);
	size_t cap = 0, len = strlen(in), start = 0, off = 0;
	utf8proc_int32_t prev = -1, state = 0;
	norm_append(n, &cap, "", 0, 0, 0);
	while (off < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)in + off,
						      (utf8proc_ssize_t)(len - off), &c);
		if (k <= 0) { /* an invalid byte: a cluster of its own */
			if (off > start)
				norm_cluster(n, &cap, in, start, off);
			norm_append(n, &cap, "\xEF\xBF\xBD", 3, off, off + 1);
			start = ++off;
			prev = -1;
			state = 0;
			continue;
		}
		if (prev >= 0 && utf8proc_grapheme_break_stateful(prev, c, &state)) {
			norm_cluster(n, &cap, in, start, off);
			start = off;
		}
		prev = c;
		off += (size_t)k;
	}
	if (off > start)
		norm_cluster(n, &cap, in, start, off);
}

void scrub_norm_free(struct scrub_norm *n)
{
	free(n->s);
	free(n->from);
	free(n->to);
	memset(n, 0, sizeof *n);
}

/* ---- rules -------------------------------------------------------------- */

bool scrub_rule_add(struct scrub_rule **v, size_t *n, size_t *cap, const char *pattern,
		    enum scrub_kind kind, bool jit)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
	if (!re)
		return false;
	if (jit)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* where JIT exists */
	*v = xgrow(*v, *n, cap, sizeof **v);
	(*v)[(*n)++] = (struct scrub_rule){.re = re, .kind = kind};
	return true;
}
