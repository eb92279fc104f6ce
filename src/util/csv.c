// SPDX-License-Identifier: MIT
/* csv.c — one CSV cell, quoted, visible and never a formula (csv.h). */
#include "kaigi/csv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"

/* -5, +3.5, -1e3: numbers, which stay as they are. */
static bool plain_number(const char *s)
{
	char *end;
	if (!*s)
		return false;
	strtod(s, &end);
	return *end == '\0' && end != s && strchr("+-", *s) && s[1] >= '0' && s[1] <= '9';
}

void csv_cell_append(struct strbuf *b, const char *v)
{
	if (!v)
		return;
	struct strbuf t = STRBUF_INIT;
	if (*v && strchr("=+-@\t\r", *v) && !plain_number(v))
		strbuf_appendc(&t, '\'');
	utf8_append_visible(&t, v, strlen(v), true);
	const char *s = strbuf_str(&t);
	size_t n = t.len;
	if (n && !s[strcspn(s, ",\"\r\n")] && s[0] != ' ' && s[n - 1] != ' ') {
		strbuf_appendn(b, s, n);
	} else if (n) {
		strbuf_appendc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				strbuf_appendc(b, '"');
			strbuf_appendc(b, *s);
		}
		strbuf_appendc(b, '"');
	}
	strbuf_free(&t);
}
