// SPDX-License-Identifier: MIT
/* store_import_yaml.c — checked access to a libyaml document tree. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "store_import_yaml.h"

void ywalk_init(struct ywalk *w, yaml_document_t *doc, const char *file, struct kaigi_diags *diags)
{
	memset(w, 0, sizeof *w);
	w->doc = doc;
	w->file = file;
	w->diags = diags;
	size_t nodes = (size_t)(doc->nodes.top - doc->nodes.start);
	/* Without aliases every node is visited once or twice (keys are
	 * looked at again for messages); more means aliases multiply work. */
	w->max_visits = nodes * 4 + 1000;
}

void ywalk_error(struct ywalk *w, const yaml_node_t *n, const char *fmt, ...)
{
	if (w->stop)
		return;
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line = n ? (int)n->start_mark.line + 1 : 0;
	int col = n ? (int)n->start_mark.column + 1 : 0;
	kaigi_diags_add(w->diags, KAIGI_EDATA, w->file, line, col, "%s", msg);
	if (++w->errors >= IMP_MAX_ERRORS) {
		kaigi_diags_add(w->diags, KAIGI_EDATA, w->file, line, col,
				"too many errors; stopped checking this file");
		w->stop = true;
	}
}

yaml_node_t *ywalk_node(struct ywalk *w, int index)
{
	if (w->stop)
		return NULL;
	if (++w->visits > w->max_visits) {
		ywalk_error(w, NULL,
			    "the file expands too far through aliases (*name); write "
			    "the records out in full");
		w->stop = true;
		return NULL;
	}
	return yaml_document_get_node(w->doc, index);
}

bool ywalk_map(struct ywalk *w, const yaml_node_t *n, const char *what, const char *const *keys,
	       yaml_node_t **vals)
{
	size_t nkeys = 0;
	while (keys[nkeys])
		vals[nkeys++] = NULL;
	if (!n)
		return false;
	if (n->type != YAML_MAPPING_NODE) {
		ywalk_error(w, n, "%s should be a mapping (key: value lines)", what);
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ywalk_node(w, p->key);
		yaml_node_t *v = ywalk_node(w, p->value);
		if (!k || !v)
			return false;
		if (k->type != YAML_SCALAR_NODE) {
			ywalk_error(w, k, "a key of %s should be a plain word", what);
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
			ywalk_error(w, k, "unknown key '%s' in %s (expected one of: %s)", key, what,
				    strbuf_str(&b));
			strbuf_free(&b);
			continue;
		}
		if (vals[i]) {
			ywalk_error(w, k, "'%s' is given twice in %s", key, what);
			continue;
		}
		vals[i] = v;
	}
	return true;
}

const char *ywalk_text(struct ywalk *w, const yaml_node_t *n, const char *what)
{
	if (!n)
		return NULL;
	if (n->type != YAML_SCALAR_NODE) {
		ywalk_error(w, n, "%s should be a single value, not %s", what,
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
		ywalk_error(w, n, "%s contains a NUL character", what);
		return NULL;
	}
	return s;
}

bool ywalk_seq(struct ywalk *w, const yaml_node_t *n, const char *what, yaml_node_item_t **items,
	       size_t *count)
{
	*items = NULL;
	*count = 0;
	if (!n)
		return true;
	if (n->type == YAML_SCALAR_NODE && !ywalk_text(w, n, what))
		return true; /* an empty value: no items */
	if (n->type != YAML_SEQUENCE_NODE) {
		ywalk_error(w, n, "%s should be a list (lines starting with '- ')", what);
		return false;
	}
	*items = n->data.sequence.items.start;
	*count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	return true;
}
