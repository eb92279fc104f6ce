/* SPDX-License-Identifier: MIT */
/*
 * value.h — one typed answer value, as SQLite types it.
 *
 * Answers are stored and evaluated as SQLite values: NULL (unanswered),
 * INTEGER (integer, boolean, scale), REAL (decimal) and TEXT (everything
 * else: text, dates as YYYY-MM-DD, choice values, multiple choices as
 * space-separated values).  A kaigi_value owns its text unless the function
 * that fills it says it is borrowed.
 */
#ifndef KAIGI_VALUE_H
#define KAIGI_VALUE_H

#include <stdbool.h>

enum kaigi_value_type {
	KAIGI_NULL = 0,
	KAIGI_INT,
	KAIGI_REAL,
	KAIGI_TEXT,
};

struct kaigi_value {
	enum kaigi_value_type type;
	long long i;
	double r;
	char *s; /* KAIGI_TEXT only */
};

/* Free owned text and reset to NULL. */
void kaigi_value_clear(struct kaigi_value *v);
void kaigi_value_set_text(struct kaigi_value *v, const char *s); /* copies s */
void kaigi_value_set_int(struct kaigi_value *v, long long i);
void kaigi_value_set_real(struct kaigi_value *v, double r);
/* Deep copy into dst (cleared first). */
void kaigi_value_copy(struct kaigi_value *dst, const struct kaigi_value *src);
/* A newly allocated display string ("" for NULL).  Caller frees. */
char *kaigi_value_to_text(const struct kaigi_value *v);
/* SQLite's truth: NULL false, numbers non-zero, text as its numeric prefix. */
bool kaigi_value_truthy(const struct kaigi_value *v);

#endif
