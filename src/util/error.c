// SPDX-License-Identifier: MIT
/* error.c — filling, formatting and collecting kaigi_error values. */
#include "kaigi/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"

static kaigi_translate_fn translator;

void kaigi_error_set_translator(kaigi_translate_fn fn)
{
	translator = fn;
}

const char *kaigi_tr(const char *msgid)
{
	/* gettext("") is the catalogue's header, never a translation. */
	if (!translator || !msgid || !*msgid)
		return msgid;
	return translator(msgid);
}

#if defined(__GNUC__)
/* fmt is a translation of a checked msgid; msgfmt -c checks the two agree. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
enum kaigi_status kaigi_error_vset(struct kaigi_error *err, enum kaigi_status status,
				   const char *file, int line, int col, const char *fmt, va_list ap)
{
	if (err == NULL)
		return status;
	err->status = status;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	vsnprintf(err->msg, sizeof err->msg, kaigi_tr(fmt), ap);
	return status;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

enum kaigi_status kaigi_error_set(struct kaigi_error *err, enum kaigi_status status,
				  const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kaigi_error_vset(err, status, file, line, col, fmt, ap);
	va_end(ap);
	return status;
}

void kaigi_error_clear(struct kaigi_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof *err);
}

void kaigi_error_format(const struct kaigi_error *err, char *buf, size_t size)
{
	if (size == 0)
		return;
	if (err->file[0] && err->line > 0 && err->col > 0)
		snprintf(buf, size, "%s:%d:%d: error: %s", err->file, err->line, err->col,
			 err->msg);
	else if (err->file[0] && err->line > 0)
		snprintf(buf, size, "%s:%d: error: %s", err->file, err->line, err->msg);
	else if (err->file[0])
		snprintf(buf, size, "%s: error: %s", err->file, err->msg);
	else
		snprintf(buf, size, "error: %s", err->msg);
}

void kaigi_diags_add_error(struct kaigi_diags *d, const struct kaigi_error *err)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n++] = *err;
}

void kaigi_diags_add(struct kaigi_diags *d, enum kaigi_status status, const char *file, int line,
		     int col, const char *fmt, ...)
{
	struct kaigi_error e;
	va_list ap;
	va_start(ap, fmt);
	kaigi_error_vset(&e, status, file, line, col, fmt, ap);
	va_end(ap);
	kaigi_diags_add_error(d, &e);
}

static int diag_cmp(const void *a, const void *b)
{
	const struct kaigi_error *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

void kaigi_diags_sort(struct kaigi_diags *d)
{
	/* Insertion sort: stable, and lists are short. */
	for (size_t i = 1; i < d->n; i++) {
		struct kaigi_error tmp = d->v[i];
		size_t j = i;
		while (j > 0 && diag_cmp(&d->v[j - 1], &tmp) > 0) {
			d->v[j] = d->v[j - 1];
			j--;
		}
		d->v[j] = tmp;
	}
}

enum kaigi_status kaigi_diags_status(const struct kaigi_diags *d)
{
	enum kaigi_status s = KAIGI_OK;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].status > s)
			s = d->v[i].status;
	return s;
}

void kaigi_diags_free(struct kaigi_diags *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
