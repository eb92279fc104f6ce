/* SPDX-License-Identifier: MIT */
/*
 * strbuf.h — a growing, always NUL-terminated byte buffer.
 *
 * The buffer owns s; strbuf_take() hands it to the caller.
 */
#ifndef KAIGI_STRBUF_H
#define KAIGI_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "kaigi/error.h"

struct strbuf {
	char *s; /* NULL until the first append */
	size_t len, cap;
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void strbuf_append(struct strbuf *b, const char *s);
void strbuf_appendn(struct strbuf *b, const char *s, size_t n);
void strbuf_appendc(struct strbuf *b, char c);
void strbuf_appendf(struct strbuf *b, const char *fmt, ...) KAIGI_PRINTF(2, 3);
void strbuf_reset(struct strbuf *b);
/* The contents ("" when empty); valid until the next append. */
const char *strbuf_str(const struct strbuf *b);
/* Hand the string to the caller, who frees it; the buffer is left empty. */
char *strbuf_take(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
