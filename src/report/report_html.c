// SPDX-License-Identifier: MIT
/*
 * report_html.c — the summary as one self-contained HTML file: styles
 * inline, no scripts, no images, no fonts or anything else fetched (a
 * Content-Security-Policy of default-src 'none' makes a browser refuse any
 * request, so the file is safe to open offline and leaks nothing).  Print
 * CSS lays it out on A4 with each case on a new page, table headers
 * repeated on every page, rows never split, and a grid kept whole when it
 * fits on a page.  Fonts are the Japanese ones a machine already has.
 */
#include <limits.h>
#include <string.h>

#include "report_render.h"

/* What a byte becomes in HTML text: an entity, a line break, nothing (a
 * carriage return); NULL for itself. */
static const char *const html_text[UCHAR_MAX + 1] = {
    ['&'] = "&amp;",  ['<'] = "&lt;",  ['>'] = "&gt;", ['"'] = "&quot;",
    ['\''] = "&#39;", ['\n'] = "<br>", ['\r'] = "",
};

static void esc(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		const char *e = html_text[(unsigned char)*s];
		if (e)
			strbuf_append(out, e);
		else
			strbuf_appendc(out, *s);
	}
}

/* open, s escaped, close; nothing when s is NULL. */
static void element(struct strbuf *out, const char *open, const char *s, const char *close)
{
	if (!s)
		return;
	strbuf_append(out, open);
	esc(out, s);
	strbuf_append(out, close);
}

static const char css[] =
    "@page{size:A4;margin:15mm 14mm 16mm 14mm}\n"
    "*{box-sizing:border-box}\n"
    "body{font-family:\"IPAexGothic\",\"IPAexゴシック\",\"Noto Sans CJK JP\",\"Noto Sans JP\","
    "\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",\"Meiryo\",sans-serif;font-size:10pt;"
    "line-height:1.45;color:#000;margin:0 auto;max-width:182mm;padding:8mm 0}\n"
    "header{text-align:center;border-top:1.6pt solid #000;border-bottom:1.6pt solid "
    "#000;padding:2mm 0 3mm;margin-bottom:4mm}\n"
    "h1{font-size:15pt;margin:1mm 0;font-weight:bold}\n"
    ".sub{font-size:12pt;margin:0;letter-spacing:.2em}\n"
    ".issuer{font-size:10.5pt;margin:0}\n"
    ".banner{border:1.2pt solid #000;font-weight:bold;text-align:center;padding:1.5mm;"
    "margin:0 0 3mm}\n"
    "h2{font-size:12pt;margin:5mm 0 2mm;padding:1mm 2mm;border-left:3mm solid #000;"
    "background:#ececec}\n"
    "section.case>h2{font-size:13pt;border:1pt solid #000;border-left:3mm solid #000}\n"
    "h3{font-size:10.5pt;margin:3.5mm 0 1.2mm}\n"
    "h3::before{content:\"■ \"}\n"
    "table{border-collapse:collapse;width:100%;margin:0 0 1mm}\n"
    "th,td{border:.6pt solid #000;padding:1mm 1.6mm;vertical-align:top;text-align:left}\n"
    "th{background:#e6e6e6;font-weight:bold}\n"
    "td.c,th.c{text-align:center}\n"
    "table.facts th{width:24%;white-space:nowrap}\n"
    "table.grid td{padding:.6mm 1.4mm}\n"
    "p.text{border:.6pt solid #000;padding:1.5mm 2.5mm;margin:0}\n"
    "p.note{font-size:8.5pt;margin:.5mm 0 0}\n"
    "footer{margin-top:6mm;border-top:1pt solid #000;padding-top:2mm;font-size:9pt;"
    "font-weight:bold}\n"
    "thead{display:table-header-group}\n"
    "tr,p.text{break-inside:avoid}\n"
    "h2,h3{break-after:avoid}\n"
    "@media print{body{padding:0;max-width:none}section.case{break-before:page}"
    "table.grid{break-inside:avoid}}\n";

/* How many rows below r hold the same value in column c (merged cells). */
static size_t span(const struct report_table *t, size_t r, size_t c)
{
	size_t n = 1;
	while (r + n < t->nrows &&
	       strcmp(report_cell_text(t, r + n, c), report_cell_text(t, r, c)) == 0 &&
	       *report_cell_text(t, r, c))
		n++;
	return n;
}

static void table(struct strbuf *out, const struct report_table *t)
{
	unsigned total = 0;
	for (size_t c = 0; c < t->ncols; c++)
		total += t->cols[c].weight;
	strbuf_append(out, t->grid ? "<table class=\"grid\">" : "<table>");
	strbuf_append(out, "<colgroup>");
	for (size_t c = 0; c < t->ncols; c++)
		strbuf_appendf(out, "<col style=\"width:%.1f%%\">",
			       100.0 * t->cols[c].weight / (total ? total : 1));
	strbuf_append(out, "</colgroup>\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		element(out, t->cols[c].center ? "<th class=\"c\">" : "<th>",
			t->cols[c].head ? t->cols[c].head : "", "</th>");
	}
	strbuf_append(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_append(out, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			size_t rows = 1;
			if (t->cols[c].merge) {
				if (r > 0 && *report_cell_text(t, r, c) &&
				    strcmp(report_cell_text(t, r, c),
					   report_cell_text(t, r - 1, c)) == 0)
					continue; /* covered by the rowspan above */
				rows = span(t, r, c);
			}
			strbuf_append(out, "<td");
			if (t->cols[c].center)
				strbuf_append(out, " class=\"c\"");
			if (rows > 1)
				strbuf_appendf(out, " rowspan=\"%zu\"", rows);
			element(out, ">", report_cell_text(t, r, c), "</td>");
		}
		strbuf_append(out, "</tr>\n");
	}
	strbuf_append(out, "</tbody></table>\n");
	element(out, "<p class=\"note\">", t->note, "</p>\n");
}

static void block(struct strbuf *out, const struct report_block *b)
{
	element(out, "<h3>", b->title, "</h3>\n");
	switch (b->kind) {
	case REPORT_BLOCK_FACTS:
		strbuf_append(out, "<table class=\"facts\">\n");
		for (size_t i = 0; i < b->nfacts; i++) {
			element(out, "<tr><th>", b->facts[i].label, "</th><td>");
			esc(out, b->facts[i].value);
			strbuf_append(out, "</td></tr>\n");
		}
		strbuf_append(out, "</table>\n");
		break;
	case REPORT_BLOCK_TEXT:
		element(out, "<p class=\"text\">", b->text, "</p>\n");
		break;
	case REPORT_BLOCK_TABLE:
		table(out, &b->table);
		break;
	}
}

void report_html_render(const struct report_doc *doc, size_t width, struct strbuf *out)
{
	(void)width; /* the browser wraps */
	strbuf_appendf(out,
		       "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
		       "'none'; style-src 'unsafe-inline'\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"generator\" content=\"kaigi %s\">\n<title>",
		       doc->lang, KAIGI_VERSION);
	esc(out, doc->title);
	if (doc->subtitle) {
		strbuf_append(out, " ");
		esc(out, doc->subtitle);
	}
	strbuf_appendf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", css);
	element(out, "<p class=\"banner\">", doc->banner, "</p>\n");
	element(out, "<p class=\"issuer\">", doc->issuer, "</p>\n");
	element(out, "<h1>", doc->title, "</h1>\n");
	element(out, "<p class=\"sub\">", doc->subtitle, "</p>\n");
	strbuf_append(out, "</header>\n");
	for (size_t si = 0; si < doc->nsecs; si++) {
		const struct report_section *s = &doc->secs[si];
		element(out, s->new_page ? "<section class=\"case\">\n<h2>" : "<section>\n<h2>",
			s->title, "</h2>\n");
		for (size_t bi = 0; bi < s->nblocks; bi++)
			block(out, &s->blocks[bi]);
		strbuf_append(out, "</section>\n");
	}
	element(out, "<footer>", doc->footer, "</footer>\n");
	strbuf_append(out, "</body>\n</html>\n");
}
