// SPDX-License-Identifier: MIT
/*
 * report_handout.c — the one door every answer text of an anonymised
 * handout (the summary, the case packet) goes through:
 * report_text_for_handout().
 *
 * Fields marked sensitive never reach it (rb_answer_text leaves them
 * out).  What it catches is what the room typed into free text anyway
 * (domain.md): a value of one of the case's own sensitive fields (the
 * initials, the care manager's name, the district), a participant's name
 * or surname, the case presenter, a telephone number, an e-mail address.
 * Each becomes 〇〇.
 *
 * MERGE NOTE (issue 13): the town-independent scrubber of free text
 * belongs here — route the text through it in report_text_for_handout()
 * and keep the known values below as its extra list.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "report_build.h"

#define MASK "〇〇"

void rb_secrets_clear(struct rb *b, size_t keep)
{
	for (size_t i = keep; i < b->nsecrets; i++)
		free(b->secrets[i]);
	if (keep < b->nsecrets)
		b->nsecrets = keep;
	if (keep == 0) {
		free(b->secrets);
		b->secrets = NULL;
	}
}

/* Values of at least two characters: one letter alone would mask words. */
void rb_secret_add(struct rb *b, const char *v)
{
	if (!v)
		return;
	size_t chars = 0;
	for (const char *p = v; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars < 2)
		return;
	for (size_t i = 0; i < b->nsecrets; i++)
		if (strcmp(b->secrets[i], v) == 0)
			return;
	b->secrets = xreallocarray(b->secrets, b->nsecrets + 1, sizeof *b->secrets);
	b->secrets[b->nsecrets++] = xstrdup(v);
}

/* A name and each of its parts (山本 花子: 山本 花子, 山本, 花子). */
void rb_secret_add_name(struct rb *b, const char *name)
{
	if (!name)
		return;
	rb_secret_add(b, name);
	char *copy = xstrdup(name);
	char *save = NULL;
	for (char *t = strtok_r(copy, " 　", &save); t; t = strtok_r(NULL, " 　", &save))
		rb_secret_add(b, t);
	free(copy);
}

void rb_secrets_case(struct rb *b, const struct rb_case *rc)
{
	rb_secret_add_name(b, rc->c->presenter);
	for (size_t i = 0; i < rc->nrecs; i++) {
		const struct store_record *r = &rc->recs[i];
		const struct schema_form *form = rc->forms[i];
		for (size_t a = 0; a < r->nanswers; a++) {
			const struct store_answer *an = &r->answers[a];
			const struct schema_field *f = schema_field_find(form, an->field);
			if (!f)
				continue;
			const struct schema_field *sf =
			    an->col && *an->col ? schema_subfield_find(f, an->col) : f;
			bool secret = f->sensitive || (sf && sf->sensitive);
			if (secret && an->value.type == KAIGI_TEXT)
				rb_secret_add_name(b, an->value.s);
		}
	}
}

static bool is_digit_at(const char *p, size_t *n)
{
	if (*p >= '0' && *p <= '9') {
		*n = 1;
		return true;
	}
	/* Full-width ０-９: EF BC 90 .. EF BC 99 */
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
	    (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
		*n = 3;
		return true;
	}
	return false;
}

static bool is_dash_at(const char *p, size_t *n)
{
	static const char *const dashes[] = {"-", "‐", "－", "ー", "−", "(", ")", "（", "）", NULL};
	for (size_t i = 0; dashes[i]; i++) {
		size_t l = strlen(dashes[i]);
		if (strncmp(p, dashes[i], l) == 0) {
			*n = l;
			return true;
		}
	}
	return false;
}

/* A telephone number at p: 10 or 11 digits, maybe with dashes or
 * brackets; the bytes it takes, or 0. */
static size_t phone_at(const char *p)
{
	size_t digits = 0, n;
	const char *q = p;
	if (!is_digit_at(q, &n))
		return 0;
	const char *end = q;
	while (*q) {
		if (is_digit_at(q, &n)) {
			digits++;
			q += n;
			end = q;
		} else if (is_dash_at(q, &n)) {
			q += n;
		} else {
			break;
		}
	}
	return digits >= 10 && digits <= 11 ? (size_t)(end - p) : 0;
}

static bool mail_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-' || c == '+';
}

char *report_text_for_handout(const struct rb *b, char *text)
{
	if (!text || b->names)
		return text;
	struct strbuf out = STRBUF_INIT;
	const char *p = text;
	while (*p) {
		/* An e-mail address: the run of address characters around '@'. */
		if (mail_char(*p)) {
			const char *q = p;
			while (mail_char(*q))
				q++;
			if (*q == '@' && mail_char(q[1])) {
				q++;
				while (mail_char(*q))
					q++;
				strbuf_append(&out, MASK);
				p = q;
				continue;
			}
		}
		size_t n = phone_at(p);
		if (n) {
			strbuf_append(&out, MASK);
			p += n;
			continue;
		}
		/* The longest known value starting here. */
		size_t best = 0;
		for (size_t i = 0; i < b->nsecrets; i++) {
			size_t l = strlen(b->secrets[i]);
			if (l > best && strncmp(p, b->secrets[i], l) == 0)
				best = l;
		}
		if (best) {
			strbuf_append(&out, MASK);
			p += best;
			continue;
		}
		size_t len = 1;
		while (len < 4 && ((unsigned char)p[len] & 0xC0) == 0x80)
			len++;
		strbuf_appendn(&out, p, len);
		p += len;
		/* Digits inside a longer number are not a number's start. */
		while (is_digit_at(p, &n) && len == 1 && p[-1] >= '0' && p[-1] <= '9') {
			strbuf_appendn(&out, p, n);
			p += n;
		}
	}
	free(text);
	return strbuf_take(&out);
}
