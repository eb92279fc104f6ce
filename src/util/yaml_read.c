// SPDX-License-Identifier: MIT
/*
 * yaml_read.c — one YAML document from libyaml's events, bounded in depth,
 * nodes and aliases, with every problem at FILE:LINE:COL (yaml_read.h).
 */
#include "kaigi/yaml_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strmap.h"
#include "kaigi/xalloc.h"

/* ---- positions ----------------------------------------------------------- */

static size_t skip_bom(const char *buf, size_t len)
{
	return len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
		       (unsigned char)buf[2] == 0xBF
		   ? 3
		   : 0;
}

size_t kaigi_yaml_line_start(const char *buf, size_t len, int line)
{
	size_t i = skip_bom(buf, len);
	for (int l = 1; l < line && i < len; i++)
		if (buf[i] == '\n')
			l++;
	return i;
}

size_t kaigi_yaml_pos_offset(const char *buf, size_t len, int line, int col)
{
	size_t i = kaigi_yaml_line_start(buf, len, line);
	for (int c = 1; c < col && i < len && buf[i] != '\n'; c++) {
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

void kaigi_yaml_offset_pos(const char *buf, size_t len, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = skip_bom(buf, len); i < off && i < len; i++) {
		if (buf[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* ---- anchors: name → node, open while its collection is being read ------- */

struct anchor {
	char *name;
	int node;
	bool open;
};

static struct anchor *anchor_set(struct strmap *a, const char *name, int node, bool open)
{
	bool added;
	struct anchor *s = strmap_put(a, name, &added);
	s->node = node;
	s->open = open;
	return s;
}

/* ---- the reader ---------------------------------------------------------- */

struct open_coll {
	int node;
	bool map;
	int key;      /* a mapping's key waiting for its value, or 0 */
	char *anchor; /* its anchor's name, closed at the end, or NULL */
};

struct reader {
	const char *file, *buf;
	size_t len;
	const struct kaigi_yaml_opts *opts;
	yaml_document_t *doc;
	struct kaigi_diags *diags;
	struct strmap anchors; /* of struct anchor */
	struct open_coll stack[KAIGI_YAML_MAX_DEPTH];
	size_t depth;
	bool failed;
};

static void fail_at(struct reader *r, yaml_mark_t m, const char *fmt, ...) KAIGI_PRINTF(3, 4);
static void fail_at(struct reader *r, yaml_mark_t m, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, (int)m.line + 1, (int)m.column + 1, "%s",
			msg);
	r->failed = true;
}

static void report_parser_error(struct reader *r, const yaml_parser_t *p)
{
	int line = 1, col = 1;
	r->failed = true;
	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset;
		/* libyaml gives the offset of the bad byte inside a character;
		 * an editor shows the character, so point at its first byte. */
		if (p->problem && strcmp(p->problem, "invalid trailing UTF-8 octet") == 0)
			for (size_t k = 1; k <= 3 && k <= off && off <= r->len; k++)
				if ((unsigned char)r->buf[off - k] >= 0xC0) {
					off -= k;
					break;
				}
		kaigi_yaml_offset_pos(r->buf, r->len, off, &line, &col);
		if (p->problem_value != -1)
			kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, line, col,
					"invalid text: %s (byte 0x%02X); save the file as UTF-8",
					p->problem, (unsigned)p->problem_value & 0xFF);
		else
			kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, line, col,
					"invalid text: %s; save the file as UTF-8", p->problem);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, 1, 1,
				"out of memory while reading YAML");
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	size_t off = kaigi_yaml_pos_offset(r->buf, r->len, line, col);
	if (off < r->len && r->buf[off] == '\t') {
		kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, line, col,
				"tab character: YAML indentation must use spaces, not tabs");
		return;
	}
	const char *problem = p->problem ? p->problem : "unknown problem";
	if (p->context)
		kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, line, col,
				"invalid YAML: %s %s (line %d, column %d)", problem, p->context,
				(int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
	else
		kaigi_diags_add(r->diags, KAIGI_EDATA, r->file, line, col, "invalid YAML: %s",
				problem);
}

/* Hang node id under the innermost open collection (the first is the root). */
static void attach(struct reader *r, int id, yaml_mark_t at)
{
	if (r->opts && r->opts->max_nodes &&
	    (size_t)(r->doc->nodes.top - r->doc->nodes.start) > r->opts->max_nodes) {
		fail_at(r, at, "too many values (over %zu) in one file", r->opts->max_nodes);
		return;
	}
	if (r->depth == 0)
		return;
	struct open_coll *c = &r->stack[r->depth - 1];
	int ok;
	if (!c->map) {
		ok = yaml_document_append_sequence_item(r->doc, c->node, id);
	} else if (c->key == 0) {
		c->key = id;
		ok = 1;
	} else {
		ok = yaml_document_append_mapping_pair(r->doc, c->node, c->key, id);
		c->key = 0;
	}
	if (!ok)
		xalloc_die();
}

static yaml_node_t *node_of(struct reader *r, int id)
{
	yaml_node_t *n = yaml_document_get_node(r->doc, id);
	if (n == NULL)
		xalloc_die(); /* libyaml returns 0 only when out of memory */
	free(n->tag);
	n->tag = NULL;
	return n;
}

static void on_scalar(struct reader *r, const yaml_event_t *e)
{
	int id = yaml_document_add_scalar(r->doc, NULL, e->data.scalar.value,
					  (int)e->data.scalar.length, e->data.scalar.style);
	yaml_node_t *n = node_of(r, id);
	n->start_mark = e->start_mark;
	n->end_mark = e->end_mark;
	if (e->data.scalar.anchor)
		anchor_set(&r->anchors, (const char *)e->data.scalar.anchor, id, false);
	attach(r, id, e->start_mark);
}

static void on_open(struct reader *r, const yaml_event_t *e, bool map)
{
	if (r->depth == KAIGI_YAML_MAX_DEPTH) {
		fail_at(r, e->start_mark,
			"nested too deeply: more than %d lists and mappings inside each other",
			KAIGI_YAML_MAX_DEPTH);
		return;
	}
	int id = map ? yaml_document_add_mapping(r->doc, NULL, e->data.mapping_start.style)
		     : yaml_document_add_sequence(r->doc, NULL, e->data.sequence_start.style);
	node_of(r, id)->start_mark = e->start_mark;
	const yaml_char_t *anchor =
	    map ? e->data.mapping_start.anchor : e->data.sequence_start.anchor;
	attach(r, id, e->start_mark);
	struct open_coll *c = &r->stack[r->depth++];
	*c = (struct open_coll){.node = id, .map = map};
	if (anchor) {
		anchor_set(&r->anchors, (const char *)anchor, id, true);
		c->anchor = xstrdup((const char *)anchor);
	}
}

static void on_close(struct reader *r, const yaml_event_t *e)
{
	struct open_coll *c = &r->stack[--r->depth];
	yaml_document_get_node(r->doc, c->node)->end_mark = e->end_mark;
	if (c->anchor) {
		struct anchor *a = strmap_find(&r->anchors, c->anchor);
		if (a->name && a->node == c->node)
			a->open = false;
		free(c->anchor);
		c->anchor = NULL;
	}
}

static void on_alias(struct reader *r, const yaml_event_t *e)
{
	const char *name = (const char *)e->data.alias.anchor;
	struct anchor *a = strmap_find(&r->anchors, name);
	if (a == NULL || a->name == NULL)
		fail_at(r, e->start_mark, "alias *%s: no anchor &%s before it", name, name);
	else if (a->open)
		fail_at(r, e->start_mark, "alias *%s is inside the list or mapping it names", name);
	else
		attach(r, a->node, e->start_mark);
}

/* Read events up to the end of the first document, then one more to see
 * whether a second one starts. */
static void read_events(struct reader *r, yaml_parser_t *p, bool *started)
{
	bool ended = false;
	while (!r->failed) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e)) {
			report_parser_error(r, p);
			return;
		}
		switch (e.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (ended) {
				const char *holds =
				    r->opts && r->opts->holds ? r->opts->holds : "document";
				kaigi_diags_add(
				    r->diags, KAIGI_EDATA, r->file, (int)e.start_mark.line + 1,
				    (int)e.start_mark.column + 1,
				    "a second YAML document: a file holds one %s", holds);
				r->failed = true;
				break;
			}
			if (!yaml_document_initialize(r->doc, NULL, NULL, NULL, 1, 1))
				xalloc_die();
			r->doc->start_mark = e.start_mark;
			*started = true;
			break;
		case YAML_DOCUMENT_END_EVENT:
			r->doc->end_mark = e.end_mark;
			ended = true;
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(r, &e);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			on_open(r, &e, e.type == YAML_MAPPING_START_EVENT);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_close(r, &e);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(r, &e);
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&e);
			return;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
}

enum kaigi_status kaigi_yaml_read(const char *file, const char *buf, size_t len,
				  const struct kaigi_yaml_opts *opts, yaml_document_t *doc,
				  struct kaigi_diags *diags)
{
	memset(doc, 0, sizeof *doc);
	struct reader r = {.file = file,
			   .buf = buf,
			   .len = len,
			   .opts = opts,
			   .doc = doc,
			   .diags = diags,
			   .anchors = {.size = sizeof(struct anchor)}};
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		xalloc_die();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	bool started = false;
	read_events(&r, &p, &started);
	yaml_parser_delete(&p);
	while (r.depth > 0)
		free(r.stack[--r.depth].anchor);
	strmap_free(&r.anchors, NULL);
	if (!started && !r.failed && !yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1))
		xalloc_die(); /* an empty file: a document without a root */
	if (r.failed) {
		if (started)
			yaml_document_delete(doc);
		memset(doc, 0, sizeof *doc);
		return KAIGI_EDATA;
	}
	return KAIGI_OK;
}
