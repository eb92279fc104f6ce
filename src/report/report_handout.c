// SPDX-License-Identifier: MIT
/*
 * report_handout.c — the one door every answer text of an anonymised
 * handout (the summary, the case packet) goes through:
 * report_text_for_handout().
 *
 * Fields marked sensitive never reach it (report_build_answer_text leaves them
 * out).  Two passes hide what the room typed into free text anyway
 * (domain.md), both with the one mark SCRUB_MARK (〔伏せ字〕):
 *
 * - report_text_for_handout(), per answer, hides what only this document
 *   knows: a value of one of the case's own sensitive fields (the
 *   initials, the care manager's name, the district), a participant's
 *   name or surname, the case presenter, and an e-mail address;
 * - report_build_doc_scrub_meeting(), over the finished document, runs the
 *   town-independent scrubber (kaigi/scrub.h: the people's identity, phone
 *   numbers, postal codes, insured numbers, birth dates, addresses).
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/identity.h"
#include "kaigi/scrub.h"
#include "kaigi/xalloc.h"
#include "report_build.h"

#define MASK SCRUB_MARK

void report_build_secrets_clear(struct report_build *b, size_t keep)
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
void report_build_secret_add(struct report_build *b, const char *v)
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
void report_build_secret_add_name(struct report_build *b, const char *name)
{
	if (!name)
		return;
	report_build_secret_add(b, name);
	char *copy = xstrdup(name);
	char *save = NULL;
	for (char *t = strtok_r(copy, " 　", &save); t; t = strtok_r(NULL, " 　", &save))
		report_build_secret_add(b, t);
	free(copy);
}

void report_build_secrets_case(struct report_build *b, const struct report_build_case *rc)
{
	report_build_secret_add_name(b, rc->c->presenter);
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
				report_build_secret_add_name(b, an->value.s);
		}
	}
}

static bool mail_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-' || c == '+';
}

char *report_text_for_handout(const struct report_build *b, char *text)
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
	}
	free(text);
	return strbuf_take(&out);
}

enum kaigi_status report_build_doc_scrub_meeting(struct report_build *b, const char *meeting_id,
						 struct kaigi_error *err)
{
	struct scrub_ctx *ctx = NULL;
	enum kaigi_status s = store_scrub_ctx_meeting(b->st, meeting_id, &ctx, err);
	if (s == KAIGI_OK)
		report_doc_scrub(b->doc, ctx);
	scrub_ctx_free(ctx);
	return s;
}
