// SPDX-License-Identifier: MIT
/*
 * yaml_doc.c — the one walker of kaigi's YAML files: a document read under
 * its kind's limits, checked access to its nodes, and problems at
 * FILE:LINE:COL (yaml_doc.h).
 */
#include "kaigi/yaml_doc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kaigi/strbuf.h"
#include "kaigi/yaml_read.h"

void ydoc_error_at(struct ydoc *y, int line, int col, const char *fmt, ...)
{
	if (y->stop)
		return;
	/* (A walker never opened, lim NULL, reports without a bound.) */
	if (++y->nerrors > (y->lim ? y->lim->max_errors : SIZE_MAX)) {
		char msg[200];
		snprintf(msg, sizeof msg, y->lim->too_many, y->lim->max_errors);
		kaigi_diags_add(y->diags, KAIGI_EDATA, y->file, line, col, "%s", msg);
		y->stop = true;
		return;
	}
	struct kaigi_error e;
	va_list ap;
	va_start(ap, fmt);
	kaigi_error_vset(&e, KAIGI_EDATA, y->file, line, col, fmt, ap);
	va_end(ap);
	/* A node reached through several aliases would repeat its message. */
	for (size_t i = 0; i < y->diags->n; i++) {
		const struct kaigi_error *o = &y->diags->v[i];
		if (o->line == line && o->col == col && strcmp(o->msg, e.msg) == 0 &&
		    strcmp(o->file, e.file) == 0) {
			y->nerrors--;
			return;
		}
	}
	kaigi_diags_add_error(y->diags, &e);
}

int ydoc_line(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

int ydoc_col(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

void ydoc_error(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...)
{
	if (y->stop)
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ydoc_error_at(y, n ? ydoc_line(n) : 1, n ? ydoc_col(n) : 1, "%s", msg);
}

enum kaigi_status ydoc_open(struct ydoc *y, const char *file, const char *buf, size_t len,
			    const struct ydoc_limits *lim, struct kaigi_diags *diags)
{
	memset(y, 0, sizeof *y);
	y->file = file;
	y->buf = buf;
	y->len = len;
	y->diags = diags;
	y->lim = lim;
	if (lim->max_bytes && len > lim->max_bytes) {
		ydoc_error_at(y, 1, 1, "file too large (%zu bytes; %s may be at most %zu bytes)",
			      len, lim->name, lim->max_bytes);
		return KAIGI_EDATA;
	}
	const struct kaigi_yaml_opts opts = {.holds = lim->holds, .max_nodes = lim->max_nodes};
	size_t before = diags->n;
	if (kaigi_yaml_read(file, buf, len, &opts, &y->doc, diags) != KAIGI_OK) {
		y->nerrors += diags->n - before;
		return KAIGI_EDATA;
	}
	y->loaded = true;
	/* Without aliases every node is visited once or twice (keys are
	 * looked at again for messages); more means aliases multiply work. */
	y->max_visits = lim->max_visits
			    ? lim->max_visits
			    : (size_t)(y->doc.nodes.top - y->doc.nodes.start) * 4 + 1000;
	if (lim->empty && yaml_document_get_root_node(&y->doc) == NULL) {
		ydoc_error_at(y, 1, 1, "%s", lim->empty);
		return KAIGI_EDATA;
	}
	return KAIGI_OK;
}

enum kaigi_status ydoc_load(struct ydoc *y, const char *file, const char *buf, size_t len,
			    struct kaigi_diags *diags)
{
	static const struct ydoc_limits forms = {
	    .holds = "form or meeting template",
	    .max_bytes = YDOC_MAX_BYTES,
	    .name = "a form file",
	    .max_nodes = YDOC_MAX_VISITS,
	    .max_visits = YDOC_MAX_VISITS,
	    .too_far = "document too large: over %zu nodes once aliases are expanded (an alias "
		       "bomb?)",
	    .max_errors = YDOC_MAX_ERRORS,
	    .too_many = "too many errors (over %zu); stopping here",
	    .empty = "empty file: expected `form: ID` or `meeting: ID`",
	};
	return ydoc_open(y, file, buf, len, &forms, diags);
}

void ydoc_free(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = false;
}

yaml_node_t *ydoc_root(struct ydoc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *ydoc_node(struct ydoc *y, int index)
{
	if (y->stop)
		return NULL;
	if (++y->visits > y->max_visits) {
		char msg[300];
		snprintf(msg, sizeof msg, y->lim->too_far, y->max_visits);
		ydoc_error(y, ydoc_root(y), "%s", msg);
		y->stop = true;
		return NULL;
	}
	return yaml_document_get_node(&y->doc, index);
}

const char *ydoc_kind(const yaml_node_t *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return n->data.scalar.length ? "a text" : "an empty value";
	case YAML_SEQUENCE_NODE:
		return ydoc_seq_len(n) ? "a list" : "an empty list";
	case YAML_MAPPING_NODE:
		return n->data.mapping.pairs.top > n->data.mapping.pairs.start ? "a mapping"
									       : "an empty mapping";
	default:
		return "nothing";
	}
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t utf8_len(const char *s, size_t max)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return n < max ? n : max;
}

/*
 * The value of a scalar differs from its source text by quotes, escapes,
 * indentation and folded line breaks, but every other character of the
 * value appears in the source in the same order.  So the non-blank
 * characters up to off are found in the source one after another, which
 * works the same for plain, quoted, literal and folded scalars; if one is
 * not found (an escape like \u3042), the scalar's start is reported.
 */
void ydoc_scalar_pos(const struct ydoc *y, const yaml_node_t *n, int off, int *line, int *col)
{
	*line = ydoc_line(n);
	*col = ydoc_col(n);
	if (n->type != YAML_SCALAR_NODE || off < 0)
		return;
	const char *v = (const char *)n->data.scalar.value;
	size_t vlen = n->data.scalar.length;
	if ((size_t)off > vlen)
		off = (int)vlen;
	yaml_scalar_style_t style = n->data.scalar.style;
	size_t at = kaigi_yaml_pos_offset(y->buf, y->len, *line, *col);
	size_t end = kaigi_yaml_pos_offset(y->buf, y->len, (int)n->end_mark.line + 1,
					   (int)n->end_mark.column + 1);
	if (style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE)
		at =
		    kaigi_yaml_line_start(y->buf, y->len, *line + 1); /* past `|` and any comment */
	else if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		 style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		at++;
	if (end < at || end > y->len)
		end = y->len;
	for (size_t i = 0; i < vlen;) {
		if (is_blank(v[i])) {
			i++;
			continue;
		}
		size_t clen = utf8_len(v + i, vlen - i);
		size_t found = at;
		while (found + clen <= end && memcmp(y->buf + found, v + i, clen) != 0)
			found++;
		if (found + clen > end)
			return;
		if (i >= (size_t)off) {
			at = found;
			break;
		}
		at = found + clen;
		i += clen;
	}
	kaigi_yaml_offset_pos(y->buf, y->len, at, line, col);
}

const char *ydoc_scalar(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

bool ydoc_map_check(struct ydoc *y, yaml_node_t *n, const char *what, const char *const *allowed)
{
	if (n == NULL)
		return false;
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, "expected %s (a mapping of key: value), found %s", what,
			   ydoc_kind(n));
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(y, p->key);
		if (k == NULL)
			return true;
		const char *name = ydoc_scalar(k);
		if (name == NULL) {
			ydoc_error(y, k, "a key in %s must be a plain word, found %s", what,
				   ydoc_kind(k));
			continue;
		}
		bool known = false;
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, name) == 0)
				known = true;
		if (!known) {
			struct strbuf sb = STRBUF_INIT;
			for (const char *const *a = allowed; *a; a++)
				strbuf_appendf(&sb, "%s%s", a == allowed ? "" : ", ", *a);
			ydoc_error(y, k, "unknown key '%s' in %s (expected one of: %s)", name, what,
				   strbuf_str(&sb));
			strbuf_free(&sb);
			continue;
		}
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = yaml_document_get_node(&y->doc, q->key);
			const char *name2 = ydoc_scalar(k2);
			if (name2 && strcmp(name, name2) == 0) {
				ydoc_error(y, k, "duplicate key '%s' (first at line %d)", name,
					   ydoc_line(k2));
				break;
			}
		}
	}
	return true;
}

static yaml_node_pair_t *map_find(struct ydoc *y, yaml_node_t *n, const char *key)
{
	if (n == NULL || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		const char *name = ydoc_scalar(yaml_document_get_node(&y->doc, p->key));
		if (name && strcmp(name, key) == 0)
			return p;
	}
	return NULL;
}

yaml_node_t *ydoc_map_get(struct ydoc *y, yaml_node_t *n, const char *key)
{
	yaml_node_pair_t *p = map_find(y, n, key);
	return p ? ydoc_node(y, p->value) : NULL;
}

yaml_node_t *ydoc_map_want(struct ydoc *y, yaml_node_t *n, const char *key, bool required)
{
	yaml_node_t *v = ydoc_map_get(y, n, key);
	if (v == NULL && required && n)
		ydoc_error(y, n, "missing required key '%s'", key);
	return v;
}

yaml_node_t *ydoc_map_key(struct ydoc *y, yaml_node_t *n, const char *key)
{
	yaml_node_pair_t *p = map_find(y, n, key);
	return p ? yaml_document_get_node(&y->doc, p->key) : NULL;
}

size_t ydoc_seq_len(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

yaml_node_t *ydoc_seq_at(struct ydoc *y, yaml_node_t *n, size_t i)
{
	if (i >= ydoc_seq_len(n))
		return NULL;
	return ydoc_node(y, n->data.sequence.items.start[i]);
}

size_t ydoc_seq_nonempty(struct ydoc *y, const yaml_node_t *n, const char *key, const char *item)
{
	size_t len = ydoc_seq_len(n);
	if (len == 0)
		ydoc_error(y, n, "'%s' must be a list of at least one %s, found %s", key, item,
			   ydoc_kind(n));
	return len;
}

bool ydoc_get_str(struct ydoc *y, yaml_node_t *map, const char *key, bool required,
		  const char **out, yaml_node_t **node)
{
	yaml_node_t *v = ydoc_map_want(y, map, key, required);
	if (node)
		*node = v;
	if (v == NULL)
		return !required;
	const char *s = ydoc_scalar(v);
	if (s == NULL) {
		ydoc_error(y, v, "'%s' must be a text, found %s", key, ydoc_kind(v));
		return false;
	}
	if (required && *s == '\0') {
		ydoc_error(y, v, "'%s' must not be empty", key);
		return false;
	}
	*out = s;
	return true;
}

bool ydoc_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", NULL};
	static const char *const no[] = {"false", "no", "off", NULL};
	for (size_t i = 0; yes[i]; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

bool ydoc_get_bool(struct ydoc *y, yaml_node_t *map, const char *key, bool *out)
{
	yaml_node_t *v = ydoc_map_get(y, map, key);
	if (v == NULL)
		return true;
	const char *s = ydoc_scalar(v);
	if (s == NULL || !ydoc_parse_bool(s, out)) {
		ydoc_error(y, v, "'%s' must be true or false, found %s%s%s", key,
			   s ? "'" : ydoc_kind(v), s ? s : "", s ? "'" : "");
		return false;
	}
	return true;
}

bool ydoc_get_int(struct ydoc *y, yaml_node_t *map, const char *key, bool required, long min,
		  long max, long *out)
{
	yaml_node_t *v = ydoc_map_want(y, map, key, required);
	if (v == NULL)
		return !required;
	const char *s = ydoc_scalar(v);
	char *end = NULL;
	errno = 0;
	long n = s ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || errno) {
		ydoc_error(y, v, "'%s' must be a whole number, found %s%s%s", key,
			   s ? "'" : ydoc_kind(v), s ? s : "", s ? "'" : "");
		return false;
	}
	if (n < min || n > max) {
		ydoc_error(y, v, "'%s' must be between %ld and %ld, found %ld", key, min, max, n);
		return false;
	}
	*out = n;
	return true;
}

bool ydoc_map_take(struct ydoc *y, const yaml_node_t *n, const char *what, const char *const *keys,
		   yaml_node_t **vals)
{
	size_t nkeys = 0;
	while (keys[nkeys])
		vals[nkeys++] = NULL;
	if (!n)
		return false;
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, "%s should be a mapping (key: value lines)", what);
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(y, p->key);
		yaml_node_t *v = ydoc_node(y, p->value);
		if (!k || !v)
			return false;
		if (k->type != YAML_SCALAR_NODE) {
			ydoc_error(y, k, "a key of %s should be a plain word", what);
			continue;
		}
		const char *key = (const char *)k->data.scalar.value;
		size_t i = 0;
		while (i < nkeys && strcmp(keys[i], key) != 0)
			i++;
		if (i == nkeys) {
			struct strbuf b = STRBUF_INIT;
			for (size_t j = 0; j < nkeys; j++)
				strbuf_appendf(&b, "%s%s", j ? ", " : "", keys[j]);
			ydoc_error(y, k, "unknown key '%s' in %s (expected one of: %s)", key, what,
				   strbuf_str(&b));
			strbuf_free(&b);
			continue;
		}
		if (vals[i]) {
			ydoc_error(y, k, "'%s' is given twice in %s", key, what);
			continue;
		}
		vals[i] = v;
	}
	return true;
}

const char *ydoc_text(struct ydoc *y, const yaml_node_t *n, const char *what)
{
	if (!n)
		return NULL;
	if (n->type != YAML_SCALAR_NODE) {
		ydoc_error(y, n, "%s should be a single value, not %s", what,
			   n->type == YAML_MAPPING_NODE ? "a mapping" : "a list");
		return NULL;
	}
	const char *s = (const char *)n->data.scalar.value;
	if (!*s)
		return NULL;
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	     strcmp(s, "NULL") == 0))
		return NULL;
	if (strlen(s) != n->data.scalar.length) {
		ydoc_error(y, n, "%s contains a NUL character", what);
		return NULL;
	}
	return s;
}

bool ydoc_seq_items(struct ydoc *y, const yaml_node_t *n, const char *what,
		    yaml_node_item_t **items, size_t *count)
{
	*items = NULL;
	*count = 0;
	if (!n)
		return true;
	if (n->type == YAML_SCALAR_NODE && !ydoc_text(y, n, what))
		return true; /* an empty value: no items */
	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_error(y, n, "%s should be a list (lines starting with '- ')", what);
		return false;
	}
	*items = n->data.sequence.items.start;
	*count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	return true;
}
