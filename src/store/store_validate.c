// SPDX-License-Identifier: MIT
/*
 * store_validate.c — an answer is checked before it is written.
 *
 * Types, ranges and choice lists are the schema's business
 * (schema_value_parse); what needs the record — which list items exist,
 * what the other answers are for a constraint — is done here, reading the
 * record inside the same transaction that will write the value, so the
 * check and the write see the same data.  Calculated fields referred to by
 * a constraint are evaluated on the fly (their values are never stored).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/calc.h"
#include "kaigi/xalloc.h"
#include "store_validate.h"

enum kaigi_status answer_target_resolve(const struct schema_form *form,
					const struct store_path *path, struct answer_target *t,
					struct kaigi_error *err)
{
	memset(t, 0, sizeof *t);
	t->form = form;
	const char *item = path->item ? path->item : "";
	const char *col = path->col ? path->col : "";
	if (!path->field || !*path->field)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no field given");
	t->top = schema_field_find(form, path->field);
	if (!t->top)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "form %s has no field '%s'",
				       form->id, path->field);
	if (t->top->type == SCHEMA_GRID) {
		if (!*item || !*col)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "'%s' is a grid: give a row and a column",
					       path->field);
		t->row = schema_row_find(t->top, item);
		if (!t->row)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "grid '%s' has no row '%s'", path->field, item);
		size_t c = 0;
		while (c < t->top->ncolumns && strcmp(t->top->columns[c].id, col) != 0)
			c++;
		if (c == t->top->ncolumns)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "grid '%s' has no column '%s'", path->field, col);
		if (t->row->na && t->row->na[c])
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "column '%s' does not apply to row '%s' of '%s'",
					       col, item, path->field);
		t->f = &t->top->columns[c];
		t->choices = schema_cell_choices(t->top, t->row, c);
	} else if (t->top->type == SCHEMA_LIST) {
		if (!*item || !*col)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "'%s' is a list: give an item and a field",
					       path->field);
		t->f = schema_subfield_find(t->top, col);
		if (!t->f)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "items of '%s' have no field '%s'", path->field,
					       col);
		t->choices = t->f->choices;
	} else {
		if (*item || *col)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "'%s' is a single field, not a grid or list",
					       path->field);
		t->f = t->top;
		t->choices = t->f->choices;
	}
	if (t->f->type == SCHEMA_CALCULATE)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' is calculated from other answers; it is not typed in",
				       t->f->id);
	return KAIGI_OK;
}

/* The context of a constraint evaluation: the record, the scope of the
 * field (a grid row or a list item shadows top-level names), and the new
 * value standing in for the stored one. */
struct lookup_ctx {
	struct store *st;
	const char *record_id;
	const struct answer_target *t;
	const char *item;                   /* grid row or list item of the scope, "" at top */
	const struct kaigi_value *override; /* NULL: use what is stored */
	struct schema_calc_memo memo;       /* each calculated field once */
	bool failed;
};

static int stored_value(struct lookup_ctx *c, const char *field, const char *item, const char *col,
			struct kaigi_value *out)
{
	static const char sql[] = "SELECT value FROM answer WHERE record_id = ?1 AND field = ?2 "
				  "AND item = ?3 AND col = ?4";
	sqlite3_stmt *s = store_stmt(c->st, sql, NULL);
	if (!s) {
		c->failed = true;
		return -1;
	}
	sqlite3_bind_text(s, 1, c->record_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, item, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, col, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_column_value(s, 0, out);
	else
		kaigi_value_clear(out);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		c->failed = true;
		return -1;
	}
	return 0;
}

static int lookup(void *ctx, const char *name, struct kaigi_value *out);

static int calculated(struct lookup_ctx *c, const struct schema_field *f, struct kaigi_value *out)
{
	schema_calc_eval(&c->memo, c->t->form, f, lookup, c, out);
	return 0;
}

static int lookup(void *ctx, const char *name, struct kaigi_value *out)
{
	struct lookup_ctx *c = ctx;
	const struct answer_target *t = c->t;
	bool scoped = t->top != t->f;
	if (strcmp(name, ".") == 0 || strcmp(name, t->f->id) == 0) {
		if (c->override) {
			kaigi_value_copy(out, c->override);
			return 0;
		}
		if (scoped)
			return stored_value(c, t->top->id, c->item, t->f->id, out);
		return stored_value(c, t->f->id, "", "", out);
	}
	if (scoped) {
		const struct schema_field *sib = schema_subfield_find(t->top, name);
		if (sib) {
			if (sib->type == SCHEMA_CALCULATE)
				return calculated(c, sib, out);
			return stored_value(c, t->top->id, c->item, name, out);
		}
	}
	const struct schema_field *f = schema_field_find(t->form, name);
	if (!f)
		return -1;
	if (f->type == SCHEMA_CALCULATE)
		return calculated(c, f, out);
	if (f->type == SCHEMA_GRID || f->type == SCHEMA_LIST) {
		kaigi_value_clear(out);
		return 0;
	}
	return stored_value(c, f->id, "", "", out);
}

/* For choices taken from a list of this record: the number must name an
 * item that exists.  For rows of a grid of another form: the row exists. */
static enum kaigi_status check_choices_from(struct store *st, const char *record_id,
					    const struct answer_target *t,
					    const struct kaigi_value *v, struct kaigi_error *err)
{
	const struct schema_choices_from *cf = t->f->choices_from;
	if (!cf || v->type == KAIGI_NULL)
		return KAIGI_OK;
	char *text = kaigi_value_to_text(v);
	enum kaigi_status s = KAIGI_OK;
	if (cf->form) {
		const struct schema_form *other =
		    st->forms ? schema_form_find(st->forms, cf->form) : NULL;
		const struct schema_field *grid =
		    other ? schema_field_find(other, cf->field) : NULL;
		if (grid && grid->type == SCHEMA_GRID) {
			char *save = NULL;
			for (char *tok = strtok_r(text, " ", &save); tok && s == KAIGI_OK;
			     tok = strtok_r(NULL, " ", &save))
				if (!schema_row_find(grid, tok))
					s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
							    "'%s' is not a row of %s.%s", tok,
							    cf->form, cf->field);
		}
		free(text);
		return s;
	}
	static const char sql[] =
	    "SELECT count(*) FROM list_item WHERE record_id = ?1 AND field = ?2";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q) {
		free(text);
		return err ? err->status : KAIGI_EENV;
	}
	sqlite3_bind_text(q, 1, record_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, cf->field, -1, SQLITE_STATIC);
	long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	char *save = NULL;
	for (char *tok = strtok_r(text, " ", &save); tok && s == KAIGI_OK;
	     tok = strtok_r(NULL, " ", &save)) {
		long long k = atoll(tok);
		if (k < 1 || k > n)
			s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					    "%s is not an item of '%s' (it has %lld)", tok,
					    cf->field, n);
	}
	free(text);
	return s;
}

static enum kaigi_status constraint(struct store *st, const char *record_id,
				    const struct answer_target *t, const struct store_path *path,
				    const struct kaigi_value *override, struct kaigi_error *err)
{
	if (!t->f->constraint)
		return KAIGI_OK;
	struct lookup_ctx c = {
	    .st = st,
	    .record_id = record_id,
	    .t = t,
	    .item = path->item ? path->item : "",
	    .override = override,
	};
	enum kaigi_status s = schema_constraint_check(t->f, lookup, &c, st->lang, err);
	schema_calc_memo_free(&c.memo);
	if (c.failed)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "reading the record failed: %s", sqlite3_errmsg(st->db));
	return s;
}

bool answer_meeting_date(struct store *st, const char *record_id, char date[11])
{
	static const char sql[] = "SELECT m.date FROM form_record r JOIN meeting m ON m.id = "
				  "r.meeting_id WHERE r.id = ?1";
	date[0] = '\0';
	sqlite3_stmt *q = store_stmt(st, sql, NULL);
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, record_id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		snprintf(date, 11, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	return date[0] != '\0';
}

enum kaigi_status answer_value_check(struct store *st, const char *record_id,
				     const struct answer_target *t, const struct store_path *path,
				     const char *text, struct kaigi_value *out,
				     struct kaigi_error *err)
{
	kaigi_value_clear(out);
	/* A period typed as a length (6か月) starts in the meeting's month. */
	char date[11];
	const char *start =
	    t->f->type == SCHEMA_PERIOD && answer_meeting_date(st, record_id, date) ? date : NULL;
	enum kaigi_status s =
	    schema_value_parse_at(t->f, t->choices, text ? text : "", start, out, err);
	if (s == KAIGI_OK && out->type != KAIGI_NULL)
		s = check_choices_from(st, record_id, t, out, err);
	if (s == KAIGI_OK && out->type != KAIGI_NULL)
		s = constraint(st, record_id, t, path, out, err);
	if (s != KAIGI_OK)
		kaigi_value_clear(out);
	return s;
}

enum kaigi_status answer_recheck(struct store *st, const char *record_id,
				 const struct answer_target *t, const struct store_path *path,
				 struct kaigi_error *err)
{
	struct lookup_ctx c = {
	    .st = st,
	    .record_id = record_id,
	    .t = t,
	    .item = path->item ? path->item : "",
	};
	struct kaigi_value v = {0};
	if (t->top != t->f)
		stored_value(&c, t->top->id, c.item, t->f->id, &v);
	else
		stored_value(&c, t->f->id, "", "", &v);
	enum kaigi_status s = check_choices_from(st, record_id, t, &v, err);
	kaigi_value_clear(&v);
	if (s == KAIGI_OK)
		s = constraint(st, record_id, t, path, NULL, err);
	return s;
}
