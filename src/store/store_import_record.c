// SPDX-License-Identifier: MIT
/*
 * store_import_record.c — one record of a record file: its form, and its
 * answers in the form's own field ids (plain fields, grid rows × columns,
 * list items in order).
 *
 * Each answer is parsed and checked against its field (type, range,
 * choices) before it is written.  What depends on the rest of the record —
 * a constraint naming other fields, a choice taken from a list of the same
 * record — is checked once the whole record is written, still inside the
 * import's transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_import.h"

struct recheck {
	struct answer_target t;
	char *field, *item, *col;
	const yaml_node_t *node;
};

struct rec {
	struct imp *im;
	const struct schema_form *form;
	char id[STORE_ID_SIZE];
	char date[11]; /* the meeting's: where a period typed as a length starts */
	struct recheck *checks;
	size_t nchecks, capchecks;
};

/* The answer's text: a scalar, or for select_multiple a list of values. */
static char *answer_text(struct rec *r, const struct schema_field *f, const yaml_node_t *vn)
{
	struct ydoc *w = &r->im->w;
	if (vn->type == YAML_SEQUENCE_NODE && f->type == SCHEMA_SELECT_MULTIPLE) {
		struct strbuf b = STRBUF_INIT;
		for (yaml_node_item_t *it = vn->data.sequence.items.start;
		     it < vn->data.sequence.items.top; it++) {
			yaml_node_t *x = ydoc_node(w, *it);
			const char *t = x ? ydoc_text(w, x, "a choice") : NULL;
			if (!t)
				continue;
			strbuf_appendf(&b, "%s%s", b.len ? " " : "", t);
		}
		return b.len ? strbuf_take(&b) : NULL;
	}
	const char *t = ydoc_text(w, vn, "an answer");
	return t ? xstrdup(t) : NULL;
}

static void answer(struct rec *r, const char *field, const char *item, const char *col,
		   const yaml_node_t *vn)
{
	struct imp *im = r->im;
	struct store_path path = {field, item, col};
	struct answer_target t;
	struct kaigi_error err;
	if (answer_target_resolve(r->form, &path, &t, &err) != KAIGI_OK) {
		ydoc_error(&im->w, vn, "%s", err.msg);
		return;
	}
	char *text = answer_text(r, t.f, vn);
	if (!text)
		return; /* unanswered; import never deletes */
	struct kaigi_value v = {0};
	if (schema_value_parse_at(t.f, t.choices, text, r->date[0] ? r->date : NULL, &v, &err) !=
	    KAIGI_OK) {
		if (item && store_uuid_valid(item))
			ydoc_error(&im->w, vn, "%s.%s: %s", field, col, err.msg);
		else if (item)
			ydoc_error(&im->w, vn, "%s.%s.%s: %s", field, item, col, err.msg);
		else
			ydoc_error(&im->w, vn, "%s: %s", field, err.msg);
		free(text);
		return;
	}
	free(text);
	if (col && !*col)
		col = NULL;
	int changed = 0;
	enum kaigi_status s = store_answer_write(im->st, r->id, &path, &v, im->now, &changed, &err);
	kaigi_value_clear(&v);
	if (s != KAIGI_OK) {
		kaigi_diags_add(im->w.diags, s, im->w.file, (int)vn->start_mark.line + 1,
				(int)vn->start_mark.column + 1, "%s", err.msg);
		if (s == KAIGI_EENV)
			im->w.stop = true;
		return;
	}
	if (im->stats) {
		im->stats->answers++;
		im->stats->changes += (size_t)changed;
	}
	if (t.f->constraint || t.f->choices_from) {
		if (r->nchecks == r->capchecks) {
			r->capchecks = r->capchecks ? r->capchecks * 2 : 8;
			r->checks = xreallocarray(r->checks, r->capchecks, sizeof *r->checks);
		}
		struct recheck *c = &r->checks[r->nchecks++];
		c->t = t;
		c->field = xstrdup(field);
		c->item = xstrdup_or_null(item);
		c->col = xstrdup_or_null(col);
		c->node = vn;
	}
}

static void grid(struct rec *r, const struct schema_field *f, const yaml_node_t *vn)
{
	struct ydoc *w = &r->im->w;
	if (vn->type == YAML_SCALAR_NODE && !ydoc_text(w, vn, f->id))
		return;
	if (vn->type != YAML_MAPPING_NODE) {
		ydoc_error(w, vn, "'%s' is a grid: give rows, each a mapping of columns", f->id);
		return;
	}
	for (yaml_node_pair_t *p = vn->data.mapping.pairs.start; p < vn->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(w, p->key), *row = ydoc_node(w, p->value);
		const char *rid = k ? ydoc_text(w, k, "a row id") : NULL;
		if (!rid || !row)
			continue;
		if (!schema_row_find(f, rid)) {
			ydoc_error(w, k, "grid '%s' has no row '%s'", f->id, rid);
			continue;
		}
		if (row->type == YAML_SCALAR_NODE && !ydoc_text(w, row, rid))
			continue;
		if (row->type != YAML_MAPPING_NODE) {
			ydoc_error(w, row, "row '%s' of '%s' should map columns to values", rid,
				   f->id);
			continue;
		}
		for (yaml_node_pair_t *c = row->data.mapping.pairs.start;
		     c < row->data.mapping.pairs.top && !w->stop; c++) {
			yaml_node_t *ck = ydoc_node(w, c->key), *cv = ydoc_node(w, c->value);
			const char *cid = ck ? ydoc_text(w, ck, "a column id") : NULL;
			if (cid && cv)
				answer(r, f->id, rid, cid, cv);
		}
	}
}

static void list_item(struct rec *r, const struct schema_field *f, const yaml_node_t *in,
		      size_t ord)
{
	static const char owner[] = "SELECT record_id, field FROM list_item WHERE id = ?1";
	static const char at[] =
	    "SELECT id FROM list_item WHERE record_id = ?1 AND field = ?2 AND ord = ?3";
	struct imp *im = r->im;
	struct ydoc *w = &im->w;
	if (in->type != YAML_MAPPING_NODE) {
		ydoc_error(w, in, "an item of '%s' should be a mapping of its fields", f->id);
		return;
	}
	const yaml_node_t *idnode = NULL;
	for (yaml_node_pair_t *p = in->data.mapping.pairs.start; p < in->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(w, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "_id") == 0)
			idnode = ydoc_node(w, p->value);
	}
	char ordtext[32], id[STORE_ID_SIZE];
	const char *given = idnode ? ydoc_text(w, idnode, "_id") : NULL;
	if (given && store_uuid_valid(given)) {
		sqlite3_stmt *q = imp_stmt(im, owner);
		if (!q)
			return;
		sqlite3_bind_text(q, 1, given, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW &&
		    (strcmp((const char *)sqlite3_column_text(q, 0), r->id) != 0 ||
		     strcmp((const char *)sqlite3_column_text(q, 1), f->id) != 0)) {
			sqlite3_reset(q);
			ydoc_error(w, idnode, "item %s belongs to another record or list", given);
			return;
		}
		sqlite3_reset(q);
	}
	snprintf(ordtext, sizeof ordtext, "%zu", ord);
	if (!imp_resolve_id(im, idnode, at, r->id, f->id, ordtext, id, in))
		return;
	if (!imp_wrote(im, in,
		       store_item_write(im->st, id, r->id, f->id, (long long)ord, imp_merge(im),
					&im->err)))
		return;
	for (yaml_node_pair_t *p = in->data.mapping.pairs.start;
	     p < in->data.mapping.pairs.top && !w->stop; p++) {
		yaml_node_t *k = ydoc_node(w, p->key), *v = ydoc_node(w, p->value);
		const char *key = k ? ydoc_text(w, k, "an item field") : NULL;
		if (!key || !v || strcmp(key, "_id") == 0)
			continue;
		/* A file written before a field was renamed (case_plan's goal
		 * `months`, now `period`) imports through the new field. */
		const struct schema_field *renamed =
		    schema_subfield_find(f, key) ? NULL : schema_field_find_former(r->form, f, key);
		answer(r, f->id, id, renamed ? renamed->id : key, v);
	}
}

static void list(struct rec *r, const struct schema_field *f, const yaml_node_t *vn)
{
	struct ydoc *w = &r->im->w;
	yaml_node_item_t *items;
	size_t n;
	if (!ydoc_seq_items(w, vn, f->id, &items, &n))
		return;
	if (f->max_items && n > f->max_items)
		ydoc_error(w, vn, "'%s' holds at most %zu items, not %zu", f->id, f->max_items, n);
	if (n > STORE_MAX_LIST_ITEMS) {
		ydoc_error(w, vn,
			   "'%s' holds %zu items; kaigi takes at most %d in one list (a "
			   "meeting agrees tens)",
			   f->id, n, STORE_MAX_LIST_ITEMS);
		return;
	}
	for (size_t i = 0; i < n && !w->stop; i++) {
		yaml_node_t *in = ydoc_node(w, items[i]);
		if (in)
			list_item(r, f, in, i);
	}
}

void imp_record(struct imp *im, const yaml_node_t *n, const char *meeting_id, const char *case_id)
{
	static const char *const keys[] = {"form", "id", "version", "answers", NULL};
	static const char find[] = "SELECT id FROM form_record WHERE meeting_id = ?1 AND "
				   "ifnull(case_id, '') = ifnull(?2, '') AND form = ?3";
	struct ydoc *w = &im->w;
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ydoc_map_take(w, n, "a record", keys, v))
		return;
	if (im->stats)
		im->stats->records++;
	const char *form_id = ydoc_text(w, v[0], "form");
	if (!form_id) {
		ydoc_error(w, n, "a record needs form: (the form's id)");
		return;
	}
	struct rec r = {.im = im};
	r.form = schema_form_find(im->st->forms, form_id);
	if (!r.form) {
		ydoc_error(w, v[0],
			   "form '%s' is not installed, so its answers cannot be checked "
			   "(kaigi forms list shows the installed forms; --forms DIR adds more)",
			   form_id);
		return;
	}
	long long version = r.form->version;
	const char *vt = ydoc_text(w, v[2], "version");
	if (vt) {
		char *end;
		version = strtoll(vt, &end, 10);
		if (*end || version < 1 || version > 1000000) {
			ydoc_error(w, v[2], "version should be a whole number from 1");
			version = r.form->version;
		} else if (version > r.form->version) {
			ydoc_error(w, v[2],
				   "form %s has no version %lld here (the installed one is "
				   "version %d); install the newer form first",
				   form_id, version, r.form->version);
			version = r.form->version;
		}
	}
	char found[STORE_ID_SIZE];
	if (!imp_find_id(im, find, meeting_id, case_id, form_id, found, n))
		return;
	imp_take_id(im, v[1], found, r.id);
	if (found[0] && strcmp(found, r.id) != 0) {
		ydoc_error(w, v[1],
			   "this %s already has a record of form %s (id %s); one record per form",
			   case_id ? "case" : "meeting", form_id, found);
		return;
	}
	const struct store_record_row row = {r.id, meeting_id, case_id, form_id, version};
	if (!imp_wrote(im, n, store_record_write(im->st, &row, imp_merge(im), &im->err)))
		return;
	answer_meeting_date(im->st, r.id, r.date);

	const yaml_node_t *ans = v[3];
	if (ans && ans->type == YAML_SCALAR_NODE && !ydoc_text(w, ans, "answers"))
		ans = NULL;
	if (ans && ans->type != YAML_MAPPING_NODE) {
		ydoc_error(w, ans, "answers should map field ids to values");
		ans = NULL;
	}
	for (yaml_node_pair_t *p = ans ? ans->data.mapping.pairs.start : NULL;
	     ans && p < ans->data.mapping.pairs.top && !w->stop; p++) {
		yaml_node_t *k = ydoc_node(w, p->key), *val = ydoc_node(w, p->value);
		const char *fid = k ? ydoc_text(w, k, "a field id") : NULL;
		if (!fid || !val)
			continue;
		const struct schema_field *f = schema_field_find(r.form, fid);
		if (!f && (f = schema_field_find_former(r.form, NULL, fid)) != NULL)
			fid = f->id;
		if (!f) {
			ydoc_error(w, k, "form %s has no field '%s'", form_id, fid);
			continue;
		}
		bool twice = false;
		for (yaml_node_pair_t *q = ans->data.mapping.pairs.start; q < p && !twice; q++) {
			const yaml_node_t *k2 = yaml_document_get_node(&w->doc, q->key);
			twice = k2 && k2->type == YAML_SCALAR_NODE &&
				strcmp((const char *)k2->data.scalar.value, fid) == 0;
		}
		if (twice) {
			ydoc_error(w, k, "'%s' is given twice in these answers", fid);
			continue;
		}
		if (f->type == SCHEMA_GRID)
			grid(&r, f, val);
		else if (f->type == SCHEMA_LIST)
			list(&r, f, val);
		else
			answer(&r, fid, NULL, NULL, val);
	}
	for (size_t i = 0; i < r.nchecks; i++) {
		struct recheck *c = &r.checks[i];
		struct store_path path = {c->field, c->item, c->col};
		struct kaigi_error err;
		if (!w->stop && answer_recheck(im->st, r.id, &c->t, &path, &err) != KAIGI_OK)
			ydoc_error(w, c->node, "%s: %s", c->field, err.msg);
		free(c->field);
		free(c->item);
		free(c->col);
	}
	free(r.checks);
}
