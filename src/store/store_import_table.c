// SPDX-License-Identifier: MIT
/*
 * store_import_table.c — reading one mapping of a record file by its
 * entity's table (store_import.h): each key is taken, checked by its kind
 * (text, date, time, whole number, number, one of a list, true/false) and
 * reported at its FILE:LINE:COL when it is wrong, and the checked values
 * are put into the entity's row struct for its write function.  Every
 * entity of the importer (person, regional issue, meeting, participant,
 * case, phase, link, agenda item) is read through here, so a kind is
 * checked the same way wherever it appears.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "store_import.h"

/* The value's name in messages. */
static const char *key_what(const struct imp_key *k)
{
	return k->what ? k->what : k->key;
}

static bool check_int(struct imp *im, const struct imp_key *k, struct imp_val *v)
{
	char *end = NULL;
	errno = 0;
	long long x = strtoll(v->text, &end, 10);
	if (errno || end == v->text || *end || x < k->lo || x > k->hi) {
		ydoc_error(&im->w, v->node,
			   "%s should be a whole number from %lld to %lld, not '%s'", key_what(k),
			   k->lo, k->hi, v->text);
		return false;
	}
	v->num = x;
	return true;
}

static bool check_number(struct imp *im, const struct imp_key *k, struct imp_val *v)
{
	char *end = NULL;
	v->real = strtod(v->text, &end);
	if (end == v->text || *end) {
		ydoc_error(&im->w, v->node, "%s should be a number, not '%s'", key_what(k),
			   v->text);
		return false;
	}
	return true;
}

static bool check_enum(struct imp *im, const struct imp_key *k, const struct imp_val *v)
{
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; k->allowed[i]; i++) {
		if (strcmp(v->text, k->allowed[i]) == 0) {
			strbuf_free(&b);
			return true;
		}
		strbuf_appendf(&b, "%s%s", i ? ", " : "", k->allowed[i]);
	}
	ydoc_error(&im->w, v->node, "%s should be one of %s, not '%s'", key_what(k), strbuf_str(&b),
		   v->text);
	strbuf_free(&b);
	return false;
}

static bool check_yesno(struct imp *im, const struct imp_key *k, struct imp_val *v)
{
	if (!strcmp(v->text, "true") || !strcmp(v->text, "yes"))
		v->num = 1;
	else if (!strcmp(v->text, "false") || !strcmp(v->text, "no"))
		v->num = 0;
	else {
		ydoc_error(&im->w, v->node, "%s should be true or false, not '%s'", key_what(k),
			   v->text);
		return false;
	}
	return true;
}

/* Check v by its kind; false (reported) when it is given and wrong. */
static bool check_value(struct imp *im, const struct imp_key *k, struct imp_val *v)
{
	switch (k->kind) {
	case IMP_DATE:
	case IMP_TIME:
		if (k->kind == IMP_DATE ? store_date_valid(v->text) : store_time_valid(v->text))
			return true;
		ydoc_error(&im->w, v->node, "%s should be %s, not '%s'", key_what(k),
			   k->kind == IMP_DATE ? "a date YYYY-MM-DD" : "a time HH:MM", v->text);
		return false;
	case IMP_INT:
		return check_int(im, k, v);
	case IMP_NUMBER:
		return check_number(im, k, v);
	case IMP_ENUM:
		return check_enum(im, k, v);
	case IMP_YESNO:
		return check_yesno(im, k, v);
	case IMP_TEXT:
	case IMP_NODE:
		break;
	}
	return true;
}

bool imp_read(struct imp *im, const yaml_node_t *n, const struct imp_entity *e, struct imp_val *v)
{
	const char *names[IMP_MAX_KEYS + 1];
	yaml_node_t *nodes[IMP_MAX_KEYS];
	size_t nkeys = 0;
	for (; e->keys[nkeys].key; nkeys++)
		names[nkeys] = e->keys[nkeys].key;
	names[nkeys] = NULL;
	memset(v, 0, nkeys * sizeof *v);
	if (!ydoc_map_take(&im->w, n, e->what, names, nodes))
		return false;
	for (size_t i = 0; i < nkeys; i++) {
		const struct imp_key *k = &e->keys[i];
		v[i].node = nodes[i];
		if (k->kind == IMP_NODE)
			continue;
		v[i].text = ydoc_text(&im->w, nodes[i], key_what(k));
		if (i == 0 && e->missing && !v[i].text) {
			ydoc_error(&im->w, n, "%s", e->missing);
			return false;
		}
		if (v[i].text && !check_value(im, k, &v[i]))
			v[i].text = NULL;
		v[i].ok = v[i].text != NULL;
	}
	return true;
}

void imp_fill(const struct imp_entity *e, const struct imp_val *v, void *row)
{
	char *base = row;
	for (size_t i = 0; e->keys[i].key; i++) {
		const struct imp_key *k = &e->keys[i];
		if (!k->off || !v[i].ok)
			continue;
		if (k->kind == IMP_INT || k->kind == IMP_YESNO) {
			int x = (int)v[i].num;
			memcpy(base + k->off, &x, sizeof x);
		} else if (k->kind == IMP_NUMBER) {
			bool yes = true;
			memcpy(base + k->off, &v[i].real, sizeof v[i].real);
			memcpy(base + k->has, &yes, sizeof yes);
		} else {
			/* Borrowed from the document, which outlives the write;
			 * the row is never cleared. */
			char *t = (char *)v[i].text;
			memcpy(base + k->off, &t, sizeof t);
		}
	}
}

bool imp_issue_ref(struct imp *im, const struct imp_val *ref, char id[STORE_ID_SIZE])
{
	static const char find[] = "SELECT id FROM regional_issue WHERE id = ?1 OR title = ?1";
	if (!imp_find_id(im, find, ref->text, NULL, NULL, id, ref->node))
		return false;
	if (!id[0])
		ydoc_error(&im->w, ref->node,
			   "no regional issue '%s': list it under regional_issues at the top",
			   ref->text);
	return id[0] != '\0';
}
