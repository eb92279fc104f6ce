// SPDX-License-Identifier: MIT
/*
 * fuzz_scrub.c — libFuzzer target for scrub_text (kaigi/scrub.h), which
 * every anonymised output runs over text people typed, valid UTF-8 or not.
 *
 * The input's first six lines are a person's values (name, kana, birth
 * date, address, phone, insured number: any bytes, so the patterns built
 * from them are fuzzed too); the rest is the text.  Findings: a crash, a
 * sanitizer report, or text before the first mark that differs from the
 * input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/scrub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (strlen(buf) != size) { /* no NUL inside: C strings */
		free(buf);
		return 0;
	}
	char *field[6] = {0};
	char *at = buf;
	for (int i = 0; i < 6 && at; i++) {
		field[i] = at;
		char *nl = strchr(at, '\n');
		if (nl)
			*nl = '\0';
		at = nl ? nl + 1 : NULL;
	}
	const char *text = at ? at : "";
	struct scrub_person p = {field[0], field[1], field[2], field[3], field[4], field[5]};
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	(void)scrub_ctx_person_add(ctx, &p, &err);
	char *out = scrub_text(ctx, text);
	(void)scrub_text_check(ctx, text);
	/* Outside the marks, the text is the input's: the first bytes up to
	 * the first mark are a prefix of the input. */
	const char *mark = strstr(out, SCRUB_MARK);
	size_t keep = mark ? (size_t)(mark - out) : strlen(out);
	if (strncmp(out, text, keep) != 0 || (!mark && strcmp(out, text) != 0))
		abort();
	free(out);
	char *again = scrub_text(NULL, text);
	free(again);
	scrub_ctx_free(ctx);
	free(buf);
	return 0;
}
