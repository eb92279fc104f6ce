/* SPDX-License-Identifier: MIT */
/*
 * report_model.h — the summary as a document, between the store and the
 * renderers (internal to src/report).
 *
 * report_model.c reads a meeting and builds a report_doc: a title, sections
 * (the meeting, each case, the regional issues), each a list of blocks —
 * label/value facts, a paragraph, or a table.  Every string in it is final:
 * labels in the chosen language, choice values turned into their labels,
 * dates formatted, and anything that must not leave the room already left
 * out.  So the renderers (report_text.c, report_md.c, report_html.c,
 * report_pdf.c) only lay out what they are given and cannot leak.
 *
 * The doc owns every string in it; report_doc_free() releases it all.
 */
#ifndef KAIGI_REPORT_MODEL_H
#define KAIGI_REPORT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/report.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

struct report_col {
	char *head;
	unsigned weight; /* share of a full-width table (HTML, PDF) */
	bool center;     /* short codes: ratings, marks, numbers */
	bool merge;      /* a value equal to the one above is shown once */
};

struct report_table {
	size_t ncols;
	struct report_col *cols;
	size_t nrows;
	char **cells; /* nrows × ncols, row-major; "" when empty */
	bool grid;    /* an ADL/IADL grid: kept on one page when it fits */
	char *note;   /* a legend printed under the table, or NULL */
};

enum report_block_kind {
	REPORT_BLOCK_FACTS, /* label: value lines, in a box */
	REPORT_BLOCK_TEXT,  /* a paragraph */
	REPORT_BLOCK_TABLE,
};

struct report_fact {
	char *label;
	char *value;
};

struct report_block {
	enum report_block_kind kind;
	char *title; /* a small heading, or NULL */
	struct report_fact *facts;
	size_t nfacts;
	char *text;
	struct report_table table;
};

struct report_section {
	char *title;
	bool new_page; /* starts a new page when printed (each case) */
	struct report_block *blocks;
	size_t nblocks;
};

struct report_doc {
	const char *lang; /* "ja" or "en", static */
	bool names;
	char *issuer;   /* the town, above the title, or NULL */
	char *title;    /* the meeting's title, else its kind */
	char *subtitle; /* 会議録（要旨） */
	char *date;     /* the meeting date as printed (page headers) */
	char *banner;   /* "contains personal information", or NULL */
	char *footer;   /* printed at the end (and on each PDF page) */
	struct report_section *secs;
	size_t nsecs;
};

/* Read meeting_id from st and build the document (cleared first).
 * KAIGI_EDATA when the meeting does not exist. */
enum kaigi_status report_doc_build(struct store *st, const struct schema_set *forms,
				   const char *meeting_id, const struct report_options *opt,
				   struct report_doc *doc, struct kaigi_error *err);
void report_doc_free(struct report_doc *doc);
/* The case packet of meeting_id (report_packet.c): always anonymised. */
enum kaigi_status report_packet_build(struct store *st, const struct schema_set *forms,
				      const char *meeting_id, const struct report_options *opt,
				      struct report_doc *doc, struct kaigi_error *err);

/* ---- building (report_doc.c) ----------------------------------------
 * A section or block pointer stays valid until the next section or block is
 * added beside it (the arrays grow). */

struct report_section *report_section_add(struct report_doc *doc, const char *title, bool new_page);
/* A facts block; add lines with report_fact_add (empty values are skipped). */
struct report_block *report_facts_add(struct report_section *s, const char *title);
void report_fact_add(struct report_block *b, const char *label, const char *value);
/* A paragraph; nothing is added when text is NULL or empty. */
void report_paragraph_add(struct report_section *s, const char *title, const char *text);
/*
 * A table with ncols columns, described by heads/weights; then fill rows
 * with report_row_add (values copied, NULL for empty).  A table left without
 * rows is dropped by report_section_prune().
 */
struct report_block *report_table_add(struct report_section *s, const char *title, size_t ncols);
void report_col_set(struct report_block *b, size_t col, const char *head, unsigned weight,
		    bool center, bool merge);
/* Append a row; returns its cells for the caller to fill with report_cell_set. */
size_t report_row_add(struct report_block *b);
void report_cell_set(struct report_block *b, size_t row, size_t col, const char *text);
/* Append a row of cells[0..n) (copied; NULL for empty; n at most the
 * table's columns, the rest empty); returns its index. */
size_t report_row_add_cells(struct report_block *b, const char *const *cells, size_t n);
/* report_row_put(b, cell, cell, …): append a row of those cells. */
#define report_row_put(b, ...)                                                                     \
	report_row_add_cells((b), (const char *const[]){__VA_ARGS__},                              \
			     sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
/* The cell text ("" when empty). */
const char *report_cell_text(const struct report_table *t, size_t row, size_t col);
/* Replace what identifies a person in every value of doc — the title,
 * facts, paragraphs and table cells, not the labels — through scrub_text
 * (the one place that scrubs, kaigi/scrub.h). */
struct scrub_ctx;
void report_doc_scrub(struct report_doc *doc, const struct scrub_ctx *ctx);
/* Drop empty fact blocks and tables without rows. */
void report_section_prune(struct report_section *s);

#endif
