// SPDX-License-Identifier: MIT
/* schema_label.c — multilingual labels, type names and id spelling, and
 * what every form, template and item of a list starts with. */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "schema_internal.h"

static const char *const type_names[] = {
    [SCHEMA_TEXT] = "text",
    [SCHEMA_LONGTEXT] = "longtext",
    [SCHEMA_INTEGER] = "integer",
    [SCHEMA_DECIMAL] = "decimal",
    [SCHEMA_DATE] = "date",
    [SCHEMA_BOOLEAN] = "boolean",
    [SCHEMA_SELECT_ONE] = "select_one",
    [SCHEMA_SELECT_MULTIPLE] = "select_multiple",
    [SCHEMA_SCALE] = "scale",
    [SCHEMA_GRID] = "grid",
    [SCHEMA_LIST] = "list",
    [SCHEMA_CALCULATE] = "calculate",
    [SCHEMA_MONTH] = "month",
    [SCHEMA_PERIOD] = "period",
};

const char *schema_type_name(enum schema_type t)
{
	if ((unsigned)t >= sizeof type_names / sizeof type_names[0])
		return NULL;
	return type_names[t];
}

int schema_type_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (strcmp(type_names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *schema_label_get(const struct schema_label *l, const char *lang)
{
	const char *want = lang && strcmp(lang, "en") == 0 ? l->en : l->ja;
	const char *other = lang && strcmp(lang, "en") == 0 ? l->ja : l->en;
	if (want && *want)
		return want;
	return other ? other : "";
}

const struct schema_word *schema_word_find(const struct schema_word *w, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(w[i].id, id) == 0)
			return &w[i];
	return NULL;
}

void schema_label_free(struct schema_label *lab)
{
	free(lab->ja);
	free(lab->en);
	lab->ja = lab->en = NULL;
}

size_t schema_parse_id_labels(struct loader *l, yaml_node_t *seq, const char *item,
			      const char *id_kind, struct schema_id_label **out)
{
	static const char *const keys[] = {"id", "label", NULL};
	struct ydoc *y = l->y;
	size_t n = ydoc_seq_len(seq), count = 0;
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n && !y->stop; i++) {
		yaml_node_t *in = ydoc_seq_at(y, seq, i);
		if (in == NULL || !ydoc_map_check(y, in, item, keys))
			continue;
		const char *id = NULL;
		yaml_node_t *idn = NULL;
		if (!ydoc_get_str(y, in, "id", true, &id, &idn) ||
		    !schema_check_id(l, idn, id, id_kind))
			continue;
		bool dup = false;
		for (size_t j = 0; j < count; j++)
			if (strcmp((*out)[j].id, id) == 0)
				dup = true;
		if (dup) {
			ydoc_error(y, idn, "duplicate %s '%s'", id_kind, id);
			continue;
		}
		struct schema_id_label *v = &(*out)[count++];
		v->id = xstrdup(id);
		schema_parse_label(l, in, "label", true, &v->label);
	}
	return count;
}

bool schema_parse_label(struct loader *l, yaml_node_t *map, const char *key, bool required,
			struct schema_label *out)
{
	struct ydoc *y = l->y;
	yaml_node_t *n = ydoc_map_want(y, map, key, required);
	if (n == NULL)
		return !required;
	const char *s = ydoc_scalar(n);
	if (s) {
		if (*s == '\0') {
			ydoc_error(y, n, "'%s' must not be empty", key);
			return false;
		}
		out->ja = xstrdup(s);
		out->en = xstrdup(s);
		return true;
	}
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, "'%s' must be a text or {ja: …, en: …}, found %s", key,
			   ydoc_kind(n));
		return false;
	}
	static const char *const keys[] = {"ja", "en", NULL};
	char what[96];
	snprintf(what, sizeof what, "'%s' (a text, or {ja: …, en: …})", key);
	ydoc_map_check(y, n, what, keys);
	bool ok = true;
	const char *ja = NULL, *en = NULL;
	ok &= ydoc_get_str(y, n, "ja", false, &ja, NULL);
	ok &= ydoc_get_str(y, n, "en", false, &en, NULL);
	/* An empty text is no label: `{ja: "", en: ""}` would show nothing. */
	if (ja && *ja == '\0')
		ja = NULL;
	if (en && *en == '\0')
		en = NULL;
	if (ok && ja == NULL && en == NULL) {
		ydoc_error(y, n, "'%s' needs a 'ja' or an 'en' text", key);
		return false;
	}
	if (!ok)
		return false;
	out->ja = xstrdup_or_null(ja);
	out->en = xstrdup_or_null(en);
	return true;
}

bool schema_item_start(struct loader *l, yaml_node_t *n, const char *what, const char *const *keys,
		       const char *id_kind, struct schema_pos *pos, const char **id,
		       yaml_node_t **idn)
{
	*id = NULL;
	*idn = NULL;
	if (!ydoc_map_check(l->y, n, what, keys))
		return false;
	*pos = (struct schema_pos){ydoc_line(n), ydoc_col(n)};
	if (!ydoc_get_str(l->y, n, "id", true, id, idn) || !schema_check_id(l, *idn, *id, id_kind))
		*id = NULL;
	return true;
}

void schema_parse_head(struct loader *l, yaml_node_t *root, const char *key, const char *id_kind,
		       char **id, int *version)
{
	const char *s = NULL;
	yaml_node_t *sn = NULL;
	if (ydoc_get_str(l->y, root, key, true, &s, &sn) && schema_check_id(l, sn, s, id_kind))
		*id = xstrdup(s);
	long v = 0;
	if (ydoc_get_int(l->y, root, "version", true, 1, 1000000, &v))
		*version = (int)v;
}

void schema_parse_items(struct loader *l, yaml_node_t *map, const char *key, const char *item,
			size_t size,
			void (*each)(struct loader *l, yaml_node_t *n, void *v, size_t i))
{
	struct ydoc *y = l->y;
	yaml_node_t *seq = ydoc_map_want(y, map, key, true);
	if (!seq || !ydoc_seq_nonempty(y, seq, key, item))
		return;
	size_t n = ydoc_seq_len(seq), i = 0;
	void *v = xcalloc(n, size);
	for (; i < n && !y->stop; i++) {
		yaml_node_t *in = ydoc_seq_at(y, seq, i);
		if (in == NULL)
			break;
		each(l, in, v, i);
	}
	if (i == 0)
		free(v); /* no item took it over */
}

bool schema_check_id(struct loader *l, yaml_node_t *n, const char *id, const char *what)
{
	size_t len = strlen(id);
	bool ok = len > 0 && len <= SCHEMA_ID_MAX && id[0] >= 'a' && id[0] <= 'z';
	for (size_t i = 0; ok && i < len; i++)
		ok = (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') ||
		     id[i] == '_';
	if (!ok)
		ydoc_error(l->y, n,
			   "invalid %s '%s': use lower-case letters, digits and _ "
			   "(starting with a letter, at most %d)",
			   what, id, SCHEMA_ID_MAX);
	return ok;
}
