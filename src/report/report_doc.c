// SPDX-License-Identifier: MIT
/* report_doc.c — building and freeing the summary document (report_doc). */
#include <stdlib.h>
#include <string.h>

#include "kaigi/scrub.h"
#include "kaigi/xalloc.h"
#include "report_model.h"

struct report_section *report_section_add(struct report_doc *doc, const char *title, bool new_page)
{
	doc->secs = xreallocarray(doc->secs, doc->nsecs + 1, sizeof *doc->secs);
	struct report_section *s = &doc->secs[doc->nsecs++];
	memset(s, 0, sizeof *s);
	s->title = xstrdup_or_null(title);
	s->new_page = new_page;
	return s;
}

static struct report_block *block_add(struct report_section *s, enum report_block_kind kind,
				      const char *title)
{
	s->blocks = xreallocarray(s->blocks, s->nblocks + 1, sizeof *s->blocks);
	struct report_block *b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->title = title && *title ? xstrdup(title) : NULL;
	return b;
}

struct report_block *report_facts_add(struct report_section *s, const char *title)
{
	return block_add(s, REPORT_BLOCK_FACTS, title);
}

void report_fact_add(struct report_block *b, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	b->facts = xreallocarray(b->facts, b->nfacts + 1, sizeof *b->facts);
	b->facts[b->nfacts].label = xstrdup(label ? label : "");
	b->facts[b->nfacts].value = xstrdup(value);
	b->nfacts++;
}

void report_paragraph_add(struct report_section *s, const char *title, const char *text)
{
	if (!text || !*text)
		return;
	struct report_block *b = block_add(s, REPORT_BLOCK_TEXT, title);
	b->text = xstrdup(text);
}

struct report_block *report_table_add(struct report_section *s, const char *title, size_t ncols)
{
	struct report_block *b = block_add(s, REPORT_BLOCK_TABLE, title);
	b->table.ncols = ncols;
	b->table.cols = xcalloc(ncols, sizeof *b->table.cols);
	for (size_t i = 0; i < ncols; i++)
		b->table.cols[i].weight = 1;
	return b;
}

void report_col_set(struct report_block *b, size_t col, const char *head, unsigned weight,
		    bool center, bool merge)
{
	struct report_col *c = &b->table.cols[col];
	free(c->head);
	c->head = xstrdup(head ? head : "");
	c->weight = weight ? weight : 1;
	c->center = center;
	c->merge = merge;
}

size_t report_row_add(struct report_block *b)
{
	struct report_table *t = &b->table;
	t->cells = xreallocarray(t->cells, (t->nrows + 1) * t->ncols, sizeof *t->cells);
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] = NULL;
	return t->nrows++;
}

void report_cell_set(struct report_block *b, size_t row, size_t col, const char *text)
{
	struct report_table *t = &b->table;
	char **cell = &t->cells[row * t->ncols + col];
	free(*cell);
	*cell = text && *text ? xstrdup(text) : NULL;
}

size_t report_row_add_cells(struct report_block *b, const char *const *cells, size_t n)
{
	size_t row = report_row_add(b);
	for (size_t c = 0; c < n && c < b->table.ncols; c++)
		report_cell_set(b, row, c, cells[c]);
	return row;
}

const char *report_cell_text(const struct report_table *t, size_t row, size_t col)
{
	const char *s = t->cells[row * t->ncols + col];
	return s ? s : "";
}

static void block_free(struct report_block *b)
{
	free(b->title);
	for (size_t i = 0; i < b->nfacts; i++) {
		free(b->facts[i].label);
		free(b->facts[i].value);
	}
	free(b->facts);
	free(b->text);
	struct report_table *t = &b->table;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i].head);
	free(t->cols);
	xfree_strings(t->cells, t->nrows * t->ncols);
	free(t->note);
	memset(b, 0, sizeof *b);
}

void report_section_prune(struct report_section *s)
{
	size_t out = 0;
	for (size_t i = 0; i < s->nblocks; i++) {
		struct report_block *b = &s->blocks[i];
		bool empty = (b->kind == REPORT_BLOCK_FACTS && b->nfacts == 0) ||
			     (b->kind == REPORT_BLOCK_TABLE && b->table.nrows == 0);
		if (empty) {
			block_free(b);
			continue;
		}
		s->blocks[out++] = *b;
	}
	s->nblocks = out;
}

void report_doc_free(struct report_doc *doc)
{
	for (size_t i = 0; i < doc->nsecs; i++) {
		struct report_section *s = &doc->secs[i];
		for (size_t j = 0; j < s->nblocks; j++)
			block_free(&s->blocks[j]);
		free(s->blocks);
		free(s->title);
	}
	free(doc->secs);
	char *own[] = {doc->issuer, doc->title, doc->subtitle, doc->date, doc->banner, doc->footer};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		free(own[i]);
	memset(doc, 0, sizeof *doc);
}

void report_doc_scrub(struct report_doc *doc, const struct scrub_ctx *ctx)
{
	scrub_text_inplace(ctx, &doc->title);
	for (size_t i = 0; i < doc->nsecs; i++) {
		struct report_section *s = &doc->secs[i];
		scrub_text_inplace(ctx, &s->title);
		for (size_t j = 0; j < s->nblocks; j++) {
			struct report_block *b = &s->blocks[j];
			for (size_t k = 0; k < b->nfacts; k++)
				scrub_text_inplace(ctx, &b->facts[k].value);
			scrub_text_inplace(ctx, &b->text);
			for (size_t k = 0; k < b->table.nrows * b->table.ncols; k++)
				scrub_text_inplace(ctx, &b->table.cells[k]);
		}
	}
}
