// SPDX-License-Identifier: MIT
/* value.c — typed answer values. */
#include "kaigi/value.h"

#include <stdlib.h>

#include "kaigi/xalloc.h"

void kaigi_value_clear(struct kaigi_value *v)
{
	if (v->type == KAIGI_TEXT)
		free(v->s);
	v->type = KAIGI_NULL;
	v->i = 0;
	v->r = 0;
	v->s = NULL;
}

void kaigi_value_set_text(struct kaigi_value *v, const char *s)
{
	char *copy = xstrdup(s);
	kaigi_value_clear(v);
	v->type = KAIGI_TEXT;
	v->s = copy;
}

void kaigi_value_set_int(struct kaigi_value *v, long long i)
{
	kaigi_value_clear(v);
	v->type = KAIGI_INT;
	v->i = i;
}

void kaigi_value_set_real(struct kaigi_value *v, double r)
{
	kaigi_value_clear(v);
	v->type = KAIGI_REAL;
	v->r = r;
}

void kaigi_value_copy(struct kaigi_value *dst, const struct kaigi_value *src)
{
	switch (src->type) {
	case KAIGI_NULL:
		kaigi_value_clear(dst);
		break;
	case KAIGI_INT:
		kaigi_value_set_int(dst, src->i);
		break;
	case KAIGI_REAL:
		kaigi_value_set_real(dst, src->r);
		break;
	case KAIGI_TEXT:
		kaigi_value_set_text(dst, src->s);
		break;
	}
}

char *kaigi_value_to_text(const struct kaigi_value *v)
{
	switch (v->type) {
	case KAIGI_INT:
		return xasprintf("%lld", v->i);
	case KAIGI_REAL:
		return xasprintf("%.15g", v->r);
	case KAIGI_TEXT:
		return xstrdup(v->s);
	case KAIGI_NULL:
		break;
	}
	return xstrdup("");
}

bool kaigi_value_truthy(const struct kaigi_value *v)
{
	switch (v->type) {
	case KAIGI_INT:
		return v->i != 0;
	case KAIGI_REAL:
		return v->r != 0.0;
	case KAIGI_TEXT:
		return strtod(v->s, NULL) != 0.0;
	case KAIGI_NULL:
		break;
	}
	return false;
}
