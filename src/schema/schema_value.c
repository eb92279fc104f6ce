// SPDX-License-Identifier: MIT
/*
 * schema_value.c — turning what a person typed into a checked, typed value.
 *
 * Input comes from a keyboard with a Japanese IME as often as not, so
 * full-width digits, signs and separators (１２３．５, ２０２６／０４／０１) are
 * accepted and normalised to ASCII before parsing; dates are stored as
 * YYYY-MM-DD so that SQLite's date functions and text order both work.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/period.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

/* Copy s with full-width ASCII (U+FF01–U+FF5E) folded and spaces trimmed. */
static char *fold_ascii(const char *s)
{
	struct strbuf b = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* U+FF01..U+FF5E is EF BC 81..EF BD 9E. */
		if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80 &&
		    p[2] <= 0xBF) {
			unsigned cp =
			    0xF000u | (unsigned)(p[1] & 0x3F) << 6 | (unsigned)(p[2] & 0x3F);
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				strbuf_appendc(&b, (char)(cp - 0xFF01 + 0x21));
				p += 3;
				continue;
			}
		}
		/* U+3000 ideographic space (E3 80 80) and 、(E3 80 81) separate. */
		if (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x81)) {
			strbuf_appendc(&b, p[2] == 0x80 ? ' ' : ',');
			p += 3;
			continue;
		}
		strbuf_appendc(&b, (char)*p++);
	}
	char *out = strbuf_take(&b);
	size_t n = strlen(out), start = 0;
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '\n' ||
			 out[n - 1] == '\r'))
		out[--n] = '\0';
	while (out[start] == ' ' || out[start] == '\t' || out[start] == '\n' || out[start] == '\r')
		start++;
	memmove(out, out + start, n - start + 1);
	return out;
}

static bool parse_integer(const char *s, long long *out)
{
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno)
		return false;
	*out = v;
	return true;
}

static bool parse_decimal(const char *s, double *out)
{
	char *end = NULL;
	errno = 0;
	double v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno || !isfinite(v))
		return false;
	/* Refuse hex floats and inf/nan spellings strtod would accept. */
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '+' ||
		      *p == 'e' || *p == 'E'))
			return false;
	*out = v;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD, also YYYY/MM/DD and YYYY.MM.DD and single-digit parts. */
static bool parse_date(const char *s, char out[11])
{
	int y = 0, m = 0, d = 0, n = 0;
	const char *p = s;
	for (n = 0; n < 4 && *p >= '0' && *p <= '9'; n++, p++)
		y = y * 10 + (*p - '0');
	if (n != 4 || (*p != '-' && *p != '/' && *p != '.'))
		return false;
	char sep = *p++;
	for (n = 0; n < 2 && *p >= '0' && *p <= '9'; n++, p++)
		m = m * 10 + (*p - '0');
	if (n == 0 || *p++ != sep)
		return false;
	for (n = 0; n < 2 && *p >= '0' && *p <= '9'; n++, p++)
		d = d * 10 + (*p - '0');
	if (n == 0 || *p != '\0')
		return false;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1800 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
	if (d > max)
		return false;
	/* y has four digits, m and d at most two */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return true;
}

static bool parse_boolean(const char *s, bool *out)
{
	static const char *const yes[] = {"true", "yes", "1", "はい", "有", "あり", NULL};
	static const char *const no[] = {"false", "no", "0", "いいえ", "無", "なし", NULL};
	for (size_t i = 0; yes[i]; i++) {
		if (strcmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return ydoc_parse_bool(s, out);
}

static enum kaigi_status range_error(const struct schema_field *f, struct kaigi_error *err,
				     const char *shown)
{
	if (f->has_min && f->has_max)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "%s is out of range (%s to %s)", shown, f->min_text,
				       f->max_text);
	if (f->has_min)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s is below the minimum %s",
				       shown, f->min_text);
	return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s is above the maximum %s", shown,
			       f->max_text);
}

/* A date or month (text that sorts as it counts) within f's min and max:
 * out is set to it, else the range error. */
static enum kaigi_status text_in_range(const struct schema_field *f, const char *text,
				       struct kaigi_value *out, struct kaigi_error *err)
{
	if ((f->has_min && strcmp(text, f->min_text) < 0) ||
	    (f->has_max && strcmp(text, f->max_text) > 0))
		return range_error(f, err, text);
	kaigi_value_set_text(out, text);
	return KAIGI_OK;
}

static enum kaigi_status check_number(const struct schema_field *f, double v, const char *shown,
				      struct kaigi_error *err)
{
	if ((f->has_min && v < f->min) || (f->has_max && v > f->max))
		return range_error(f, err, shown);
	return KAIGI_OK;
}

/* A choices_from value: a positive item number (list) or a row id (grid). */
static bool from_value_ok(const char *v)
{
	if (*v == '\0')
		return false;
	bool digits = true;
	for (const char *p = v; *p; p++)
		if (*p < '0' || *p > '9')
			digits = false;
	if (digits)
		return v[0] != '0';
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	return v[0] >= 'a' && v[0] <= 'z';
}

static enum kaigi_status parse_choice(const struct schema_field *f,
				      const struct schema_choice_list *choices, const char *v,
				      struct kaigi_error *err)
{
	if (choices == NULL && f->choices_from) {
		if (!from_value_ok(v))
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "'%s' is not an item number or a row id", v);
		return KAIGI_OK;
	}
	if (schema_choice_find(choices, v) >= 0)
		return KAIGI_OK;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; choices && i < choices->n && i < 12; i++)
		strbuf_appendf(&sb, "%s%s", i ? ", " : "", choices->v[i].value);
	if (choices && choices->n > 12)
		strbuf_append(&sb, ", …");
	kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "'%s' is not one of the choices (%s)", v,
			strbuf_str(&sb));
	strbuf_free(&sb);
	return KAIGI_EDATA;
}

/* select_multiple: values split on spaces or commas, each checked, repeats
 * dropped, kept in the order of the choice list so equal answers compare
 * equal. */
static enum kaigi_status parse_multiple(const struct schema_field *f,
					const struct schema_choice_list *choices, char *s,
					struct kaigi_value *out, struct kaigi_error *err)
{
	size_t cap = 8, n = 0;
	char **vals = xcalloc(cap, sizeof *vals);
	enum kaigi_status st = KAIGI_OK;
	char *save = NULL;
	for (char *tok = strtok_r(s, " ,\t", &save); tok; tok = strtok_r(NULL, " ,\t", &save)) {
		if (*tok == '\0')
			continue;
		if ((st = parse_choice(f, choices, tok, err)) != KAIGI_OK)
			break;
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			if (strcmp(vals[i], tok) == 0)
				dup = true;
		if (dup)
			continue;
		if (n == cap)
			vals = xreallocarray(vals, cap *= 2, sizeof *vals);
		vals[n++] = tok;
	}
	if (st == KAIGI_OK && n > 0) {
		struct strbuf b = STRBUF_INIT;
		if (choices) {
			for (size_t c = 0; c < choices->n; c++)
				for (size_t i = 0; i < n; i++)
					if (strcmp(choices->v[c].value, vals[i]) == 0)
						strbuf_appendf(&b, "%s%s", b.len ? " " : "",
							       vals[i]);
		} else {
			for (size_t i = 0; i < n; i++)
				strbuf_appendf(&b, "%s%s", i ? " " : "", vals[i]);
		}
		out->type = KAIGI_TEXT;
		out->s = strbuf_take(&b);
	}
	free(vals);
	return st;
}

/* A period: the reason it was refused says what would be accepted. */
static enum kaigi_status parse_period(const struct schema_field *f, const char *s, const char *text,
				      const char *start, struct kaigi_value *out,
				      struct kaigi_error *err)
{
	char p[PERIOD_SIZE];
	switch (period_parse(s, start, p)) {
	case PERIOD_OK:
		break;
	case PERIOD_NEED_START:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' needs a start month: write it as 2026-11〜2027-05",
				       text);
	case PERIOD_BACKWARDS:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' ends before it starts: write the start first, as in "
				       "2026-11〜2027-05",
				       text);
	default:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' is not a period: write 2026-11〜2027-05, or 6か月 "
				       "(6 months from the meeting)",
				       text);
	}
	int n = period_months(p);
	if ((f->has_min && n < f->min) || (f->has_max && n > f->max)) {
		if (f->has_min && f->has_max)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "a period of %d months is out of range (%s to %s "
					       "months)",
					       n, f->min_text, f->max_text);
		if (f->has_min)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "a period of %d months is shorter than %s months", n,
					       f->min_text);
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a period of %d months is longer than %s months", n,
				       f->max_text);
	}
	kaigi_value_set_text(out, p);
	return KAIGI_OK;
}

enum kaigi_status schema_value_parse(const struct schema_field *f,
				     const struct schema_choice_list *choices, const char *text,
				     struct kaigi_value *out, struct kaigi_error *err)
{
	return schema_value_parse_at(f, choices, text, NULL, out, err);
}

enum kaigi_status schema_value_parse_at(const struct schema_field *f,
					const struct schema_choice_list *choices, const char *text,
					const char *start, struct kaigi_value *out,
					struct kaigi_error *err)
{
	kaigi_value_clear(out);
	if (choices == NULL)
		choices = f->choices;
	switch (f->type) {
	case SCHEMA_GRID:
	case SCHEMA_LIST:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a %s holds cells or items, not a single value",
				       schema_type_name(f->type));
	case SCHEMA_CALCULATE:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a calculated field cannot be set by hand");
	case SCHEMA_TEXT:
	case SCHEMA_LONGTEXT:
		/* Text is kept as typed; only an all-blank answer counts as none. */
		for (const char *p = text; *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
				kaigi_value_set_text(out, text);
				return KAIGI_OK;
			}
		return KAIGI_OK;
	default:
		break;
	}
	char *s = fold_ascii(text);
	enum kaigi_status st = KAIGI_OK;
	if (*s == '\0') {
		free(s);
		return KAIGI_OK;
	}
	switch (f->type) {
	case SCHEMA_INTEGER:
	case SCHEMA_SCALE:
	case SCHEMA_DECIMAL: {
		/* a whole number (integer, scale) or any number, within min/max */
		bool whole = f->type != SCHEMA_DECIMAL;
		long long iv = 0;
		double v = 0;
		if (whole ? !parse_integer(s, &iv) : !parse_decimal(s, &v)) {
			st = whole ? kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
						     "'%s' is not a whole number", text)
				   : kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
						     "'%s' is not a number", text);
			break;
		}
		if (whole)
			v = (double)iv;
		if (f->type == SCHEMA_SCALE && choices &&
		    (st = parse_choice(f, choices, s, err)) != KAIGI_OK)
			break;
		if ((st = check_number(f, v, s, err)) != KAIGI_OK)
			break;
		if (whole)
			kaigi_value_set_int(out, iv);
		else
			kaigi_value_set_real(out, v);
		break;
	}
	case SCHEMA_DATE:
	case SCHEMA_MONTH: {
		/* a date (YYYY-MM-DD) or a month (YYYY-MM), within the field's range */
		bool date = f->type == SCHEMA_DATE;
		char d[11];
		if (date ? !parse_date(s, d) : !period_month_parse(s, d)) {
			st = date ? kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
						    "'%s' is not a date (write YYYY-MM-DD)", text)
				  : kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
						    "'%s' is not a month: write it as 2026-11",
						    text);
			break;
		}
		st = text_in_range(f, d, out, err);
		break;
	}
	case SCHEMA_PERIOD:
		st = parse_period(f, s, text, start, out, err);
		break;
	case SCHEMA_BOOLEAN: {
		bool b;
		if (!parse_boolean(s, &b)) {
			st = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "'%s' is not yes or no",
					     text);
			break;
		}
		kaigi_value_set_int(out, b ? 1 : 0);
		break;
	}
	case SCHEMA_SELECT_ONE:
		if ((st = parse_choice(f, choices, s, err)) == KAIGI_OK)
			kaigi_value_set_text(out, s);
		break;
	case SCHEMA_SELECT_MULTIPLE:
		st = parse_multiple(f, choices, s, out, err);
		break;
	default:
		break;
	}
	free(s);
	if (st != KAIGI_OK)
		kaigi_value_clear(out);
	return st;
}

enum kaigi_status schema_constraint_check(const struct schema_field *f, expr_lookup_fn lookup,
					  void *ctx, const char *lang, struct kaigi_error *err)
{
	if (f->constraint == NULL)
		return KAIGI_OK;
	struct kaigi_value v = {0};
	enum kaigi_status st = expr_eval(f->constraint, lookup, ctx, &v, err);
	if (st != KAIGI_OK)
		return st;
	bool ok = v.type == KAIGI_NULL || kaigi_value_truthy(&v);
	kaigi_value_clear(&v);
	if (ok)
		return KAIGI_OK;
	const char *msg = schema_label_get(&f->constraint_message, lang);
	if (*msg)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s", msg);
	return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "the value does not meet: %s",
			       expr_source(f->constraint));
}
