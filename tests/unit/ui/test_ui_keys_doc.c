// SPDX-License-Identifier: MIT
/*
 * test_ui_keys_doc.c — doc/ui.md's key list is the action table.
 *
 * Builds the "Every key" list from ui_actions[] the way the `?` help groups
 * it (ui_help_lists), and compares it with the block of doc/ui.md between
 * the KEYS_BEGIN and KEYS_END markers.  KAIGI_UPDATE_GOLDEN=1 rewrites the
 * block.  So the footer, the help, the docs and the code cannot disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/file.h"
#include "kaigi/strbuf.h"
#include "ui/ui_actions.h"
#include "ui/ui_help.h"

#define KEYS_BEGIN                                                                                 \
	"<!-- keys: made from src/ui/ui_actions.c; tests/unit/ui/test_ui_keys_doc.c checks it "    \
	"-->\n"
#define KEYS_END "<!-- keys end -->\n"

static void cell(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			strbuf_append(b, "\\|");
		else
			strbuf_appendc(b, *s);
	}
}

static void build(struct strbuf *b)
{
	for (const struct ui_ctx_title *g = ui_ctx_titles; g->title; g++) {
		if (g->ctx == UI_CTX_HELP)
			continue;
		strbuf_appendf(b, "\n**%s**\n\n| Keys | What they do |\n|---|---|\n", g->title);
		for (size_t i = 0; i < ui_nactions; i++) {
			const struct ui_action *a = &ui_actions[i];
			if (!ui_help_lists(a, g))
				continue;
			strbuf_append(b, "| `");
			cell(b, ui_action_keynames(a));
			strbuf_append(b, "` | ");
			cell(b, a->help);
			strbuf_append(b, " |\n");
		}
	}
	strbuf_append(b, "\n");
}

int main(void)
{
	const char *root = getenv("KAIGI_SOURCE_ROOT");
	char path[4096];
	snprintf(path, sizeof path, "%s/doc/ui.md", root ? root : ".");
	char *s = NULL;
	size_t len;
	struct kaigi_error err;
	if (kaigi_file_read(path, 1 << 20, "doc/ui.md", &s, &len, &err) != KAIGI_OK) {
		fprintf(stderr, "%s: %s\n", path, err.msg);
		return 1;
	}
	const char *a = strstr(s, KEYS_BEGIN), *z = a ? strstr(a, KEYS_END) : NULL;
	if (!a || !z) {
		fprintf(stderr, "%s: no block between the key-list markers\n", path);
		free(s);
		return 1;
	}
	a += strlen(KEYS_BEGIN);
	struct strbuf want = STRBUF_INIT;
	build(&want);
	int rc = 1;
	if ((size_t)(z - a) == want.len && memcmp(a, strbuf_str(&want), want.len) == 0) {
		printf("ok: doc/ui.md lists the %zu rows of the action table\n", ui_nactions);
		rc = 0;
		goto out;
	}
	if (getenv("KAIGI_UPDATE_GOLDEN")) {
		FILE *o = fopen(path, "wb");
		if (!o)
			goto out;
		fwrite(s, 1, (size_t)(a - s), o);
		fwrite(strbuf_str(&want), 1, want.len, o);
		fputs(z, o);
		fclose(o);
		printf("rewrote the key list of %s\n", path);
		rc = 0;
		goto out;
	}
	fprintf(stderr,
		"%s: the key list differs from the action table (src/ui/ui_actions.c); "
		"KAIGI_UPDATE_GOLDEN=1 rewrites it.  The table says:\n%s",
		path, strbuf_str(&want));
out:
	strbuf_free(&want);
	free(s);
	return rc;
}
