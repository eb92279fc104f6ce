/* SPDX-License-Identifier: MIT */
/*
 * xalloc.h — allocation that cannot fail.
 *
 * Out of memory is not recoverable for kaigi: these wrappers call the
 * registered fatal hook (the UI uses it to restore the terminal), print one
 * line and abort.  Everything else reports errors through kaigi_error.
 */
#ifndef KAIGI_XALLOC_H
#define KAIGI_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "kaigi/error.h"

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of nmemb * size, checking the multiplication. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
/*
 * Make room for element n of array v (n elements used, *cap allocated),
 * doubling from 8; returns the array, perhaps moved.  For the common
 * "append a row" loop: v = xgrow(v, n, &cap, sizeof *v);
 */
void *xgrow(void *v, size_t n, size_t *cap, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* NULL in, NULL out. */
char *xstrdup_or_null(const char *s);
/* Free the n strings of v, then v. */
void xfree_strings(char **v, size_t n);
char *xasprintf(const char *fmt, ...) KAIGI_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) KAIGI_PRINTF(1, 0);

/* Out of memory found elsewhere (a library call that failed to
 * allocate): the fatal hook, one line, abort. */
_Noreturn void xalloc_die(void);

/* Called before abort() on out-of-memory, e.g. to call endwin(). */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
