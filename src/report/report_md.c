// SPDX-License-Identifier: MIT
/*
 * report_md.c — the summary as Markdown: headings, label lists, and
 * GitHub-style pipe tables (what most viewers render, including GitLab,
 * Gitea, VS Code and pandoc).  Text is escaped so that a 「*」 or a | in an
 * answer cannot turn into formatting; a line break inside a table cell
 * becomes <br>, the one HTML tag pipe tables accept everywhere.
 */
#include <string.h>

#include "report_render.h"

/* Append s with Markdown's punctuation escaped; in a table cell (cell) a
 * newline becomes <br>, elsewhere a hard line break. */
static void esc(struct strbuf *out, const char *s, bool cell)
{
	for (; *s; s++) {
		if (*s == '\n') {
			strbuf_append(out, cell ? "<br>" : "  \n");
			continue;
		}
		if (*s == '\r')
			continue;
		if (strchr("\\`*_[]<>|#~", *s))
			strbuf_appendc(out, '\\');
		strbuf_appendc(out, *s);
	}
}

static void table(struct strbuf *out, const struct report_table *t, const char *lang)
{
	strbuf_append(out, "|");
	for (size_t c = 0; c < t->ncols; c++) {
		strbuf_append(out, " ");
		esc(out, t->cols[c].head ? t->cols[c].head : "", true);
		strbuf_append(out, " |");
	}
	strbuf_append(out, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		strbuf_append(out, t->cols[c].center ? ":---:|" : "---|");
	strbuf_append(out, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_append(out, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *v = report_cell_text(t, r, c);
			if (t->cols[c].merge && r > 0 &&
			    strcmp(v, report_cell_text(t, r - 1, c)) == 0)
				v = "";
			strbuf_append(out, " ");
			esc(out, v, true);
			strbuf_append(out, " |");
		}
		strbuf_append(out, "\n");
	}
	if (t->note) {
		strbuf_append(out, "\n");
		strbuf_append(out, strcmp(lang, "en") == 0 ? "Note: " : "（注）");
		esc(out, t->note, false);
		strbuf_append(out, "\n");
	}
}

void report_md_render(const struct report_doc *doc, size_t width, struct strbuf *out)
{
	(void)width; /* the viewer wraps */
	if (doc->banner) {
		strbuf_append(out, "> **");
		esc(out, doc->banner, false);
		strbuf_append(out, "**\n\n");
	}
	strbuf_append(out, "# ");
	esc(out, doc->title, false);
	strbuf_append(out, "\n\n");
	/* The town and "meeting summary" under the title: a Markdown file
	 * starts with its heading. */
	if (doc->issuer || doc->subtitle) {
		strbuf_append(out, "**");
		if (doc->issuer)
			esc(out, doc->issuer, false);
		if (doc->issuer && doc->subtitle)
			strbuf_append(out, "　");
		if (doc->subtitle)
			esc(out, doc->subtitle, false);
		strbuf_append(out, "**\n\n");
	}
	for (size_t si = 0; si < doc->nsecs; si++) {
		const struct report_section *s = &doc->secs[si];
		if (s->new_page)
			strbuf_append(out, "---\n\n");
		strbuf_append(out, "## ");
		esc(out, s->title, false);
		strbuf_append(out, "\n\n");
		for (size_t bi = 0; bi < s->nblocks; bi++) {
			const struct report_block *b = &s->blocks[bi];
			if (b->title) {
				strbuf_append(out, "### ");
				esc(out, b->title, false);
				strbuf_append(out, "\n\n");
			}
			switch (b->kind) {
			case REPORT_BLOCK_FACTS:
				for (size_t i = 0; i < b->nfacts; i++) {
					strbuf_append(out, "- **");
					esc(out, b->facts[i].label, false);
					strbuf_append(out, "**: ");
					esc(out, b->facts[i].value, false);
					strbuf_append(out, "\n");
				}
				break;
			case REPORT_BLOCK_TEXT:
				esc(out, b->text, false);
				strbuf_append(out, "\n");
				break;
			case REPORT_BLOCK_TABLE:
				table(out, &b->table, doc->lang);
				break;
			}
			strbuf_append(out, "\n");
		}
	}
	if (doc->footer) {
		strbuf_append(out, "---\n\n*");
		esc(out, doc->footer, false);
		strbuf_append(out, "*\n");
	}
}
