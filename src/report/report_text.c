// SPDX-License-Identifier: MIT
/*
 * report_text.c — the summary as plain text for a terminal or a line
 * printer: every line at most `width` display columns (80 by default),
 * Japanese wrapped between characters with kinsoku (utf8_wrap), tables
 * ruled with ASCII only.
 *
 * Why ASCII rules: box-drawing characters are "ambiguous width" in Unicode,
 * one column in most terminals and two in many Japanese ones, so a table
 * drawn with them lines up on one machine and not the next.  + - | = are
 * one column everywhere, and every line printer has them.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "report_render.h"

/* The widest line of s (lines split at '\n'). */
static size_t widest_line(const char *s)
{
	size_t best = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xstrndup(s, n);
		size_t w = utf8_width(line);
		free(line);
		if (w > best)
			best = w;
		s += n + (nl ? 1 : 0);
	}
	return best;
}

/* Whether the UTF-8 character at s is katakana (or ー), 3 bytes. */
static bool katakana_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] != 0xE3)
		return false;
	return (u[1] == 0x82 && u[2] >= 0xA1) || (u[1] == 0x83 && u[2] <= 0xBC);
}

/* The widest word of s — a run of ASCII between spaces, or a katakana word
 * (コーディネーター), which wrapping does not like to cut — at least 2 for
 * a Japanese character: narrower than that, a column cuts words. */
static size_t widest_word(const char *s)
{
	size_t best = 2, run = 0;
	for (;;) {
		unsigned char c = (unsigned char)*s;
		if (c > ' ' && c < 0x80) {
			run++;
			s++;
			continue;
		}
		if (katakana_at(s)) {
			run += 2;
			s += 3;
			continue;
		}
		if (run > best)
			best = run;
		run = 0;
		if (!c)
			break;
		s++;
	}
	return best;
}

/*
 * Widths of cell text per column so the table fits avail columns: all
 * columns at their natural width when that fits; otherwise short-code
 * columns (centred) keep theirs and the rest share what is left by
 * weight, none wider than it needs.  Every column gets at least 2, so a
 * Japanese character always fits.
 */
static void column_widths(const struct report_table *t, size_t avail, size_t *w)
{
	size_t n = t->ncols, total = 0;
	size_t *natural = xcalloc(n, sizeof *natural);
	bool *fixed = xcalloc(n, sizeof *fixed);
	for (size_t c = 0; c < n; c++) {
		natural[c] = widest_line(t->cols[c].head ? t->cols[c].head : "");
		for (size_t r = 0; r < t->nrows; r++) {
			size_t x = widest_line(report_cell_text(t, r, c));
			if (x > natural[c])
				natural[c] = x;
		}
		if (natural[c] < 2)
			natural[c] = 2;
		total += natural[c];
	}
	if (total <= avail) {
		memcpy(w, natural, n * sizeof *w);
		goto done;
	}
	size_t left = avail;
	for (size_t c = 0; c < n; c++) {
		if (t->cols[c].center && natural[c] <= avail / 4) {
			w[c] = natural[c];
			fixed[c] = true;
			left = left > w[c] ? left - w[c] : 0;
		}
	}
	/* Columns needing less than their share keep their natural width;
	 * repeat until the shares settle. */
	for (bool changed = true; changed;) {
		changed = false;
		unsigned weights = 0;
		for (size_t c = 0; c < n; c++)
			if (!fixed[c])
				weights += t->cols[c].weight;
		for (size_t c = 0; c < n && weights; c++) {
			if (fixed[c])
				continue;
			size_t share = left * t->cols[c].weight / weights;
			if (natural[c] <= share) {
				w[c] = natural[c];
				fixed[c] = true;
				left -= w[c];
				changed = true;
				break;
			}
		}
		if (!changed)
			for (size_t c = 0; c < n; c++)
				if (!fixed[c])
					w[c] = left * t->cols[c].weight / weights;
	}
	/* Shares round down: give the remainder to the widest flexible column. */
	size_t sum = 0, widest = 0;
	for (size_t c = 0; c < n; c++) {
		if (w[c] < 2)
			w[c] = 2;
		sum += w[c];
		if (w[c] > w[widest])
			widest = c;
	}
	if (sum < avail && !fixed[widest])
		w[widest] += avail - sum;
	/* Words narrower than their column are cut: widen such columns (up to
	 * a limit) at the expense of those with room to spare. */
	for (size_t c = 0; c < n; c++) {
		size_t need = widest_word(t->cols[c].head ? t->cols[c].head : "");
		for (size_t r = 0; r < t->nrows; r++) {
			size_t x = widest_word(report_cell_text(t, r, c));
			if (x > need)
				need = x;
		}
		if (need > 16)
			need = 16;
		while (w[c] < need) {
			size_t donor = n;
			for (size_t d = 0; d < n; d++)
				if (d != c && w[d] > 8 && (donor == n || w[d] > w[donor]))
					donor = d;
			if (donor == n)
				break;
			w[donor]--;
			w[c]++;
		}
	}
	/* Too many columns for the line: take from the widest. */
	while (sum > avail) {
		size_t big = 0;
		for (size_t c = 1; c < n; c++)
			if (w[c] > w[big])
				big = c;
		if (w[big] <= 2)
			break;
		w[big]--;
		sum--;
	}
done:
	free(natural);
	free(fixed);
}

static void rule(struct strbuf *out, const size_t *w, size_t n, char fill)
{
	strbuf_appendc(out, '+');
	for (size_t c = 0; c < n; c++) {
		for (size_t i = 0; i < w[c] + 2; i++)
			strbuf_appendc(out, fill);
		strbuf_appendc(out, '+');
	}
	strbuf_appendc(out, '\n');
}

/* One table row: each cell wrapped to its column, lines side by side. */
static void row(struct strbuf *out, const struct report_table *t, const char *const *cells,
		const size_t *w)
{
	size_t n = t->ncols, height = 1;
	struct utf8_lines *lines = xcalloc(n, sizeof *lines);
	for (size_t c = 0; c < n; c++) {
		utf8_wrap(cells[c], w[c], &lines[c]);
		if (lines[c].n > height)
			height = lines[c].n;
	}
	for (size_t y = 0; y < height; y++) {
		strbuf_appendc(out, '|');
		for (size_t c = 0; c < n; c++) {
			const char *s = y < lines[c].n ? lines[c].v[y] : "";
			size_t sw = utf8_width(s), left = 0;
			if (t->cols[c].center && sw < w[c])
				left = (w[c] - sw) / 2;
			strbuf_appendc(out, ' ');
			for (size_t i = 0; i < left; i++)
				strbuf_appendc(out, ' ');
			utf8_pad(out, s, w[c] - left);
			strbuf_append(out, " |");
		}
		strbuf_appendc(out, '\n');
	}
	for (size_t c = 0; c < n; c++)
		utf8_lines_free(&lines[c]);
	free(lines);
}

/* Wrap text to width, each line after prefix (first) or indent (others). */
static void para(struct strbuf *out, const char *text, size_t width, const char *first,
		 const char *indent)
{
	size_t pw = utf8_width(first), iw = utf8_width(indent);
	size_t inner = width - (pw > iw ? pw : iw);
	struct utf8_lines l;
	utf8_wrap(text, inner, &l);
	for (size_t i = 0; i < l.n; i++)
		strbuf_appendf(out, "%s%s\n", i ? indent : first, l.v[i]);
	utf8_lines_free(&l);
}

static void table(struct strbuf *out, const struct report_table *t, size_t width, const char *lang)
{
	size_t n = t->ncols;
	size_t avail = width > 3 * n + 1 ? width - 3 * n - 1 : n * 2;
	size_t *w = xcalloc(n, sizeof *w);
	column_widths(t, avail, w);
	const char **cells = xcalloc(n, sizeof *cells);
	rule(out, w, n, '-');
	for (size_t c = 0; c < n; c++)
		cells[c] = t->cols[c].head ? t->cols[c].head : "";
	row(out, t, cells, w);
	rule(out, w, n, '=');
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < n; c++) {
			cells[c] = report_cell_text(t, r, c);
			/* A merged column shows a value once, at its first row. */
			if (t->cols[c].merge && r > 0 &&
			    strcmp(cells[c], report_cell_text(t, r - 1, c)) == 0)
				cells[c] = "";
		}
		row(out, t, cells, w);
		rule(out, w, n, '-');
	}
	if (t->note) {
		const char *mark = strcmp(lang, "en") == 0 ? "Note: " : "（注）";
		char *indent = xcalloc(utf8_width(mark) + 1, 1);
		memset(indent, ' ', utf8_width(mark));
		para(out, t->note, width, mark, indent);
		free(indent);
	}
	free(cells);
	free(w);
}

static void facts(struct strbuf *out, const struct report_block *b, size_t width)
{
	size_t lw = 0;
	for (size_t i = 0; i < b->nfacts; i++) {
		size_t x = utf8_width(b->facts[i].label);
		if (x > lw)
			lw = x;
	}
	if (lw > width / 3)
		lw = width / 3;
	for (size_t i = 0; i < b->nfacts; i++) {
		struct strbuf first = STRBUF_INIT;
		strbuf_append(&first, "  ");
		utf8_pad(&first, b->facts[i].label, lw);
		strbuf_append(&first, " : ");
		char *indent = xcalloc(lw + 6, 1);
		memset(indent, ' ', lw + 5);
		para(out, b->facts[i].value, width, strbuf_str(&first), indent);
		free(indent);
		strbuf_free(&first);
	}
}

static void block_title(struct strbuf *out, const char *title, const char *lang, size_t width)
{
	struct strbuf h = STRBUF_INIT;
	if (strcmp(lang, "en") == 0)
		strbuf_appendf(&h, "[%s]", title);
	else
		strbuf_appendf(&h, "【%s】", title);
	para(out, strbuf_str(&h), width, "", "");
	strbuf_free(&h);
}

/* A line of c across the page. */
static void line_of(struct strbuf *out, char c, size_t width)
{
	for (size_t i = 0; i < width; i++)
		strbuf_appendc(out, c);
	strbuf_appendc(out, '\n');
}

static void centred(struct strbuf *out, const char *text, size_t width)
{
	struct utf8_lines l;
	utf8_wrap(text, width, &l);
	for (size_t i = 0; i < l.n; i++) {
		size_t w = utf8_width(l.v[i]);
		for (size_t k = 0; k < (width - w) / 2; k++)
			strbuf_appendc(out, ' ');
		strbuf_appendf(out, "%s\n", l.v[i]);
	}
	utf8_lines_free(&l);
}

void report_text_render(const struct report_doc *doc, size_t width, struct strbuf *out)
{
	if (width < 40)
		width = 40;
	/* Read in a Japanese terminal, ↑ △ × ① take two columns: count them so
	 * (they made 34 lines 81–82 columns wide). */
	bool was = utf8_ambiguous_wide_set(strcmp(doc->lang, "ja") == 0);
	if (doc->banner) {
		centred(out, doc->banner, width);
		strbuf_appendc(out, '\n');
	}
	line_of(out, '=', width);
	if (doc->issuer)
		centred(out, doc->issuer, width);
	centred(out, doc->title, width);
	if (doc->subtitle)
		centred(out, doc->subtitle, width);
	line_of(out, '=', width);
	for (size_t si = 0; si < doc->nsecs; si++) {
		const struct report_section *s = &doc->secs[si];
		strbuf_appendc(out, '\n');
		if (s->new_page) {
			line_of(out, '-', width);
			para(out, s->title, width, "", "");
			line_of(out, '-', width);
		} else {
			block_title(out, s->title, doc->lang, width);
		}
		for (size_t bi = 0; bi < s->nblocks; bi++) {
			const struct report_block *b = &s->blocks[bi];
			if (b->title) {
				strbuf_appendc(out, '\n');
				block_title(out, b->title, doc->lang, width);
			} else if (bi > 0) {
				strbuf_appendc(out, '\n');
			}
			switch (b->kind) {
			case REPORT_BLOCK_FACTS:
				facts(out, b, width);
				break;
			case REPORT_BLOCK_TEXT:
				para(out, b->text, width, "  ", "  ");
				break;
			case REPORT_BLOCK_TABLE:
				table(out, &b->table, width, doc->lang);
				break;
			}
		}
	}
	strbuf_appendc(out, '\n');
	line_of(out, '=', width);
	if (doc->footer)
		para(out, doc->footer, width, "", "");
	utf8_ambiguous_wide_set(was);
}
