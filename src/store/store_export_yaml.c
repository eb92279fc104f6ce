// SPDX-License-Identifier: MIT
/*
 * store_export_yaml.c — `kaigi export yaml`: meetings as a record file
 * (doc/records.md), written with libyaml's emitter.
 *
 * The output is deterministic (meetings by date, people by code, answers in
 * the form's own order) and carries every id, so export → import into an
 * empty database → export gives the same bytes.  Empty values are left
 * out.  Records whose form is not installed are written raw — shapes
 * guessed from the stored keys — with a warning.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "kaigi/identity.h"
#include "kaigi/meeting.h"
#include "kaigi/policy.h"
#include "kaigi/scrub.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

struct em {
	yaml_emitter_t e;
	bool ok;
	const struct scrub_ctx *scrub; /* anonymised: the meeting's people; else NULL */
	store_write_fn write;
	void *ctx;
	int write_errno;
};

static int write_handler(void *data, unsigned char *buf, size_t size)
{
	struct em *m = data;
	if (m->write(m->ctx, (const char *)buf, size) != 0) {
		m->write_errno = errno;
		return 0;
	}
	return 1;
}

static void emit(struct em *m, yaml_event_t *ev)
{
	if (!m->ok) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&m->e, ev))
		m->ok = false;
}

static bool looks_null(const char *s)
{
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

static void scalar(struct em *m, const char *s)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	if (strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (looks_null(s))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
					 style)) {
		emit(m, &ev);
		return;
	}
	/* Not UTF-8 (a database written by something else): libyaml refuses
	 * it and leaves ev unset, so the text goes out with U+FFFD for the bad
	 * bytes (found by fuzz_read: the stale event was freed twice). */
	char *clean = utf8_visible(s, true);
	if (yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)clean, (int)strlen(clean),
					 1, 1, style))
		emit(m, &ev);
	else
		m->ok = false;
	free(clean);
}

/* The start or the end of a mapping or a sequence (a flow one: on one
 * line, [a, b]). */
enum mark { MAP_START, MAP_END, SEQ_START, FLOW_SEQ_START, SEQ_END };

static void mark(struct em *m, enum mark k)
{
	yaml_event_t ev;
	if (k == MAP_START)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	else if (k == MAP_END)
		yaml_mapping_end_event_initialize(&ev);
	else if (k == SEQ_END)
		yaml_sequence_end_event_initialize(&ev);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
						     k == SEQ_START ? YAML_BLOCK_SEQUENCE_STYLE
								    : YAML_FLOW_SEQUENCE_STYLE);
	emit(m, &ev);
}

/* key: value, left out when value is NULL or empty. */
static void kv(struct em *m, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	scalar(m, key);
	scalar(m, value);
}

/* kv for free text: scrubbed in an anonymised export. */
static void kv_text(struct em *m, const char *key, const char *value)
{
	if (!m->scrub || !value) {
		kv(m, key, value);
		return;
	}
	char *t = scrub_text(m->scrub, value);
	kv(m, key, t);
	free(t);
}

static void kv_int(struct em *m, const char *key, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	kv(m, key, buf);
}

/* Column col of the current row as text, or NULL. */
static const char *col_text(sqlite3_stmt *q, int col)
{
	return (const char *)sqlite3_column_text(q, col);
}

/* ---- answers ------------------------------------------------------------ */

static void value(struct em *m, const struct schema_field *f, const struct kaigi_value *v)
{
	if (f && f->type == SCHEMA_BOOLEAN && v->type == KAIGI_INT) {
		scalar(m, v->i ? "true" : "false");
		return;
	}
	char *t = kaigi_value_to_text(v);
	if (m->scrub && v->type == KAIGI_TEXT)
		scrub_text_inplace(m->scrub, &t);
	if (f && f->type == SCHEMA_SELECT_MULTIPLE && v->type == KAIGI_TEXT) {
		mark(m, FLOW_SEQ_START);
		char *save = NULL;
		for (char *tok = strtok_r(t, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			scalar(m, tok);
		mark(m, SEQ_END);
	} else {
		scalar(m, t);
	}
	free(t);
}

/* In an anonymised export: whether an answer is left out — a sensitive
 * field, or a value that is not free text but would be scrubbed (a date of
 * birth in a date field).  Free text is kept and scrubbed by value(). */
static bool anon_hidden(const struct em *m, const struct schema_field *f,
			const struct kaigi_value *v)
{
	if (!m->scrub)
		return false;
	if (f && f->sensitive)
		return true;
	if (!v || v->type != KAIGI_TEXT || !f || f->type == SCHEMA_TEXT ||
	    f->type == SCHEMA_LONGTEXT)
		return false;
	return scrub_text_check(m->scrub, v->s) != SCRUB_NONE;
}

/* Names in order: those of the form first (as the form orders them), then
 * any others in the order found. */
struct names {
	const char **v;
	size_t n, cap;
};

static void names_add(struct names *ns, const char *s)
{
	/* Answers come grouped by field: the last name is the usual repeat. */
	if (ns->n && strcmp(ns->v[ns->n - 1], s) == 0)
		return;
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 16;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof *ns->v);
	}
	ns->v[ns->n++] = s;
}

static bool has_answer(const struct store_record *r, const char *field, const char *item,
		       const char *col)
{
	if (item && col) {
		struct store_path p = {field, item, col};
		return store_record_value(r, &p) != NULL;
	}
	if (item) {
		const size_t *idx;
		return store_record_cells(r, field, item, &idx) > 0;
	}
	for (size_t i = 0; i < r->nanswers; i++) {
		const struct store_answer *a = &r->answers[i];
		if (!strcmp(a->field, field) && (!item || !strcmp(a->item, item)) &&
		    (!col || !strcmp(a->col, col)))
			return true;
	}
	return false;
}

static bool is_list(const struct store_record *r, const struct schema_field *f, const char *field)
{
	if (f)
		return f->type == SCHEMA_LIST;
	for (size_t i = 0; i < r->nitems; i++)
		if (!strcmp(r->items[i].field, field))
			return true;
	return false;
}

/* The columns of a grid row / list item, form order first. */
static void emit_cells(struct em *m, const struct store_record *r, const struct schema_field *f,
		       const char *field, const char *item)
{
	struct names cols = {0};
	if (f) {
		const struct schema_field *sub = f->type == SCHEMA_GRID ? f->columns : f->fields;
		size_t nsub = f->type == SCHEMA_GRID ? f->ncolumns : f->nfields;
		for (size_t c = 0; c < nsub; c++)
			if (has_answer(r, field, item, sub[c].id))
				names_add(&cols, sub[c].id);
	}
	const size_t *idx;
	size_t n = store_record_cells(r, field, item, &idx);
	for (size_t i = 0; i < n; i++)
		names_add(&cols, r->answers[idx[i]].col);
	for (size_t c = 0; c < cols.n; c++) {
		struct store_path p = {field, item, cols.v[c]};
		const struct kaigi_value *v = store_record_value(r, &p);
		const struct schema_field *sub = f ? schema_subfield_find(f, cols.v[c]) : NULL;
		if (anon_hidden(m, sub, v))
			continue;
		scalar(m, cols.v[c]);
		value(m, sub, v);
	}
	free(cols.v);
}

static void emit_field(struct em *m, const struct store_record *r, const struct schema_field *f,
		       const char *field)
{
	struct store_path plain = {field, "", ""};
	const struct kaigi_value *v = store_record_value(r, &plain);
	if (anon_hidden(m, f, v))
		return;
	scalar(m, field);
	if (is_list(r, f, field)) {
		mark(m, SEQ_START);
		for (size_t i = 0; i < r->nitems; i++) {
			if (strcmp(r->items[i].field, field) != 0)
				continue;
			mark(m, MAP_START);
			kv(m, "_id", r->items[i].id);
			emit_cells(m, r, f, field, r->items[i].id);
			mark(m, MAP_END);
		}
		mark(m, SEQ_END);
		return;
	}
	if (v && (!f || f->type != SCHEMA_GRID)) {
		value(m, f, v);
		return;
	}
	/* A grid: rows in the form's order, then any others. */
	struct names rows = {0};
	if (f && f->type == SCHEMA_GRID)
		for (size_t i = 0; i < f->nrows; i++)
			if (has_answer(r, field, f->rows[i].id, NULL))
				names_add(&rows, f->rows[i].id);
	for (size_t i = 0; i < r->nanswers; i++)
		if (!strcmp(r->answers[i].field, field) && r->answers[i].item[0])
			names_add(&rows, r->answers[i].item);
	mark(m, MAP_START);
	for (size_t i = 0; i < rows.n; i++) {
		scalar(m, rows.v[i]);
		mark(m, MAP_START);
		emit_cells(m, r, f && f->type == SCHEMA_GRID ? f : NULL, field, rows.v[i]);
		mark(m, MAP_END);
	}
	mark(m, MAP_END);
	free(rows.v);
}

static void emit_answers(struct em *m, const struct store_record *r)
{
	struct names fields = {0};
	const struct schema_form *form = r->schema;
	for (size_t s = 0; form && s < form->nsections; s++)
		for (size_t i = 0; i < form->sections[s].nfields; i++) {
			const char *id = form->sections[s].fields[i].id;
			bool any = has_answer(r, id, NULL, NULL);
			for (size_t k = 0; !any && k < r->nitems; k++)
				any = !strcmp(r->items[k].field, id);
			if (any)
				names_add(&fields, id);
		}
	for (size_t i = 0; i < r->nanswers; i++)
		names_add(&fields, r->answers[i].field);
	for (size_t i = 0; i < r->nitems; i++)
		names_add(&fields, r->items[i].field);
	if (fields.n) {
		scalar(m, "answers");
		mark(m, MAP_START);
		for (size_t i = 0; i < fields.n; i++)
			emit_field(m, r, form ? schema_field_find(form, fields.v[i]) : NULL,
				   fields.v[i]);
		mark(m, MAP_END);
	}
	free(fields.v);
}

struct ctx {
	struct store *st;
	struct em *m;
	struct kaigi_diags *warnings;
	struct kaigi_error *err;
	enum kaigi_status status;
	bool identity; /* --identity: a person's identity keys too */
};

/* Whether s says a read failed; then the export has failed with it. */
static bool failed(struct ctx *c, enum kaigi_status s)
{
	if (s != KAIGI_OK)
		c->status = s;
	return s != KAIGI_OK;
}

static bool query_failed(struct ctx *c, int rc, const char *what)
{
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return false;
	if (c->status == KAIGI_OK)
		c->status = store_fail(c->st, rc, c->err, what);
	return true;
}

/* The key a column of a row is written under, and whether it is free text
 * (scrubbed in an anonymised export). */
struct col_key {
	const char *key;
	bool text;
};

/* A row as a mapping: column i under keys[i] (up to a NULL key). */
static void emit_keyed(struct ctx *c, sqlite3_stmt *q, const struct col_key *keys)
{
	mark(c->m, MAP_START);
	for (int i = 0; keys[i].key; i++)
		(keys[i].text ? kv_text : kv)(c->m, keys[i].key, col_text(q, i));
	mark(c->m, MAP_END);
}

/* The rows of q as the sequence under key, each written by row, or by
 * emit_keyed with keys when row is NULL; nothing, not even the key, when
 * there are none.  Reading stops once the export has failed; a failed read
 * is reported as what.  False when the export has failed.  q is reset, not
 * finalised. */
static bool emit_rows(struct ctx *c, sqlite3_stmt *q, const char *key,
		      void (*row)(struct ctx *c, sqlite3_stmt *q), const struct col_key *keys,
		      const char *what)
{
	int rc = SQLITE_DONE, n = 0;
	while (c->status == KAIGI_OK && c->m->ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0) {
			scalar(c->m, key);
			mark(c->m, SEQ_START);
		}
		if (row)
			row(c, q);
		else
			emit_keyed(c, q, keys);
	}
	sqlite3_reset(q);
	if (n)
		mark(c->m, SEQ_END);
	query_failed(c, rc, what);
	return c->status == KAIGI_OK;
}

/* emit_rows over the rows sql reads for id (?1), with a cached statement,
 * each written as a mapping of keys. */
static bool emit_rows_of(struct ctx *c, const char *sql, const char *id, const char *key,
			 const struct col_key *keys, const char *what)
{
	sqlite3_stmt *q = store_stmt(c->st, sql, c->err);
	if (!q) {
		c->status = c->err->status;
		return false;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	return emit_rows(c, q, key, NULL, keys, what);
}

/* A statement of its own (not cached: the rows it reads are written with
 * cached ones); NULL, reported as what, on failure or once the export has
 * failed. */
static sqlite3_stmt *emit_prepare(struct ctx *c, const char *sql, const char *what)
{
	sqlite3_stmt *q = NULL;
	if (c->status != KAIGI_OK)
		return NULL;
	int rc = sqlite3_prepare_v2(c->st->db, sql, -1, &q, NULL);
	if (rc != SQLITE_OK)
		query_failed(c, rc, what);
	return q;
}

static void emit_records(struct ctx *c, const char *meeting_id, const char *case_id)
{
	struct store_record_list list;
	if (failed(c, store_record_list(c->st, meeting_id, case_id, &list, c->err)))
		return;
	if (list.n) {
		scalar(c->m, "records");
		mark(c->m, SEQ_START);
	}
	for (size_t i = 0; i < list.n && c->status == KAIGI_OK; i++) {
		struct store_record r;
		if (failed(c, store_record_get(c->st, list.v[i].id, &r, c->err)))
			break;
		if (!r.schema)
			kaigi_diags_add(c->warnings, KAIGI_OK, NULL, 0, 0,
					"record %s uses form '%s', which is not installed: its "
					"answers are exported raw",
					r.id, r.form);
		mark(c->m, MAP_START);
		kv(c->m, "form", r.form);
		kv(c->m, "id", r.id);
		kv_int(c->m, "version", r.form_version);
		emit_answers(c->m, &r);
		mark(c->m, MAP_END);
		store_record_clear(&r);
	}
	if (list.n)
		mark(c->m, SEQ_END);
	store_record_list_free(&list);
}

static void emit_case(struct ctx *c, sqlite3_stmt *cq)
{
	static const char phases[] = "SELECT phase, planned_sec, actual_sec FROM phase_timing "
				     "WHERE case_id = ?1 ORDER BY ord, phase";
	static const char links[] =
	    "SELECT r.title, l.note, l.statement FROM regional_issue_case l JOIN regional_issue r "
	    "ON r.id = l.issue_id WHERE l.case_id = ?1 ORDER BY r.title";
	/* A phase's time, and a case's link to a regional issue. */
	static const struct col_key phase_keys[] = {
	    {"phase", false}, {"planned", false}, {"actual", false}, {NULL, false}};
	static const struct col_key link_keys[] = {
	    {"issue", true}, {"note", true}, {"statement", true}, {NULL, false}};
	struct em *m = c->m;
	char id[STORE_ID_SIZE], meeting[STORE_ID_SIZE];
	store_column_id(cq, 0, id);
	store_column_id(cq, 4, meeting);
	mark(m, MAP_START);
	kv(m, "id", id);
	kv(m, "person", col_text(cq, 1));
	if (!m->scrub)
		kv(m, "presenter", col_text(cq, 2));
	kv(m, "follows", col_text(cq, 3));
	if (sqlite3_column_int(cq, 5))
		kv(m, "closed", "true"); /* closed at the close check (✓済) */
	if (!emit_rows_of(c, phases, id, "phases", phase_keys, "reading phase times"))
		return;
	emit_records(c, meeting, id);
	if (!emit_rows_of(c, links, id, "regional_issues", link_keys, "reading regional issues"))
		return;
	mark(m, MAP_END);
}

/* key: the n items of v (each size bytes) as a sequence of mappings, each
 * filled by item(m, the item, its index); nothing when n is 0. */
static void emit_items(struct em *m, const char *key, const void *v, size_t n, size_t size,
		       void (*item)(struct em *m, const void *e, size_t i))
{
	if (!n)
		return;
	scalar(m, key);
	mark(m, SEQ_START);
	for (size_t i = 0; i < n; i++) {
		mark(m, MAP_START);
		item(m, (const char *)v + i * size, i);
		mark(m, MAP_END);
	}
	mark(m, SEQ_END);
}

static void emit_participant(struct em *m, const void *e, size_t i)
{
	const struct store_participant *p = e;
	kv(m, "id", p->id);
	if (!m->scrub) {
		kv(m, "name", p->name);
	} else { /* a stand-in, so that the file imports */
		char stand[32];
		snprintf(stand, sizeof stand, "P-%zu", i + 1);
		kv(m, "name", stand);
	}
	kv(m, "organisation", p->organisation);
	kv(m, "profession", p->profession);
	kv(m, "role", p->role);
	kv(m, "present", p->present ? "true" : "false");
}

/* An issue on a policy meeting's agenda, with what was decided. */
static void emit_agenda_item(struct em *m, const void *e, size_t i)
{
	const struct store_decision *d = e;
	(void)i;
	kv(m, "issue", d->issue_title);
	kv(m, "decision", d->decision);
}

static void emit_meeting(struct ctx *c, const char *id)
{
	static const char cases[] =
	    "SELECT c.id, p.code, c.presenter, c.follows, c.meeting_id, c.closed IS NOT NULL "
	    "FROM case_review c JOIN "
	    "person p ON p.id = c.person_id WHERE c.meeting_id = ?1 ORDER BY c.ord, c.id";
	static const char *const keys[STORE_MEETING_NFIELDS] = {
	    "title", "date", "start", "end", "place", "purpose", "target", "reached", "next_time",
	};
	struct em *m = c->m;
	struct store_meeting mt = {0};
	if (failed(c, store_meeting_get(c->st, id, &mt, c->err)))
		return;
	mark(m, MAP_START);
	kv(m, "id", mt.id);
	kv(m, "template", mt.template_id);
	kv_int(m, "template_version", mt.template_version);
	kv(m, "kind", mt.kind);
	for (int i = 0; i < STORE_MEETING_NFIELDS; i++)
		kv_text(m, keys[i], mt.f[i]);
	store_meeting_clear(&mt);
	char *vision = NULL;
	if (failed(c, store_meeting_vision_get(c->st, id, &vision, c->err)))
		return;
	kv_text(m, "vision", vision);
	free(vision);
	struct store_participant_list ps;
	if (failed(c, store_participant_list(c->st, id, &ps, c->err)))
		return;
	emit_items(m, "participants", ps.v, ps.n, sizeof *ps.v, emit_participant);
	store_participant_list_free(&ps);
	struct store_decision_list ag;
	if (failed(c, store_agenda_list(c->st, id, &ag, c->err)))
		return;
	emit_items(m, "agenda", ag.v, ag.n, sizeof *ag.v, emit_agenda_item);
	store_decision_list_free(&ag);
	emit_records(c, id, NULL);
	/* Cases are read with a statement of their own: emit_case reuses the
	 * cached ones. */
	sqlite3_stmt *q = emit_prepare(c, cases, "reading cases");
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	emit_rows(c, q, "cases", emit_case, NULL, "reading cases");
	sqlite3_finalize(q);
	mark(m, MAP_END);
}

enum kaigi_status store_export_select(struct store *st, const struct store_export_filter *f,
				      struct kaigi_error *err)
{
	enum kaigi_status s = store_exec(st,
					 "CREATE TEMP TABLE IF NOT EXISTS export_meeting (id TEXT "
					 "PRIMARY KEY); DELETE FROM temp.export_meeting",
					 err);
	if (s != KAIGI_OK)
		return s;
	if (!f || !f->nmeetings)
		return store_exec(st, "INSERT INTO temp.export_meeting SELECT id FROM meeting",
				  err);
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO temp.export_meeting VALUES (?1)",
				    -1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < f->nmeetings; i++) {
		struct store_meeting m = {0};
		s = store_meeting_get(st, f->meetings[i], &m, err);
		store_meeting_clear(&m);
		if (s != KAIGI_OK) {
			sqlite3_finalize(q);
			return s;
		}
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, f->meetings[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err, "choosing meetings");
	return KAIGI_OK;
}

/* A person's identity keys (--identity only). */
static void emit_identity(struct ctx *c, const char *person_id)
{
	struct store_identity id = {0};
	enum kaigi_status s = store_identity_get(c->st, person_id, &id, c->err);
	if (s != KAIGI_OK && c->status == KAIGI_OK)
		c->status = s;
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		kv(c->m, store_identity_key(i), id.v[i]);
	store_identity_clear(&id);
}

static void emit_person(struct ctx *c, sqlite3_stmt *q)
{
	struct em *m = c->m;
	mark(m, MAP_START);
	kv(m, "code", col_text(q, 1));
	kv(m, "id", col_text(q, 0));
	if (!m->scrub) {
		kv(m, "initials", col_text(q, 2));
		kv(m, "birth_year", col_text(q, 3));
	}
	kv(m, "age_band", col_text(q, 4));
	kv(m, "sex", col_text(q, 5));
	kv(m, "area", col_text(q, 6));
	if (c->identity && !m->scrub)
		emit_identity(c, col_text(q, 0));
	mark(m, MAP_END);
}

static void emit_issue(struct ctx *c, sqlite3_stmt *q)
{
	static const char *const measure_keys[] = {
	    "measure",       "decided", "indicator",   "indicator_key", "baseline",
	    "baseline_date", "target",  "target_date", "result",        "result_date"};
	struct em *m = c->m;
	mark(m, MAP_START);
	kv_text(m, "title", col_text(q, 1));
	kv(m, "id", col_text(q, 0));
	kv_text(m, "description", col_text(q, 2));
	kv(m, "policy", col_text(q, 3));
	kv(m, "status", col_text(q, 4));
	kv(m, "owner", col_text(q, 5));
	kv(m, "category", col_text(q, 6));
	kv(m, "area", col_text(q, 7));
	for (int k = 0; k < 10; k++)
		kv(m, measure_keys[k], col_text(q, 8 + k));
	mark(m, MAP_END);
}

static void emit_meeting_row(struct ctx *c, sqlite3_stmt *q)
{
	char id[STORE_ID_SIZE];
	store_column_id(q, 0, id);
	emit_meeting(c, id);
}

enum kaigi_status store_export_yaml(struct store *st, const struct store_export_filter *filter,
				    store_write_fn write, void *ctx, struct kaigi_diags *warnings,
				    struct kaigi_error *err)
{
	static const char people[] =
	    "SELECT id, code, initials, birth_year, age_band, sex, area FROM person WHERE id IN "
	    "(SELECT person_id FROM case_review WHERE meeting_id IN (SELECT id FROM "
	    "temp.export_meeting)) ORDER BY code";
	static const char issues[] =
	    "SELECT id, title, description, policy, status, owner, category, area, measure, "
	    "decided, indicator, indicator_key, baseline, baseline_date, target, target_date, "
	    "result, result_date FROM regional_issue WHERE ?1 OR id IN (SELECT issue_id FROM "
	    "policy_agenda WHERE meeting_id IN (SELECT id FROM temp.export_meeting)) OR id IN "
	    "(SELECT issue_id FROM regional_issue_case WHERE case_id IN (SELECT id FROM "
	    "case_review WHERE meeting_id IN (SELECT id FROM temp.export_meeting))) ORDER BY "
	    "title";
	static const char meetings[] =
	    "SELECT m.id FROM meeting m JOIN temp.export_meeting e ON e.id = m.id ORDER BY "
	    "m.date, m.start_time, m.id";
	/* One read transaction: the file is one consistent snapshot. */
	enum kaigi_status s = store_exec(st, "BEGIN", err);
	if (s != KAIGI_OK)
		return s;
	s = store_export_select(st, filter, err);
	if (s != KAIGI_OK) {
		store_exec(st, "ROLLBACK", NULL);
		return s;
	}
	struct em m = {.ok = true, .write = write, .ctx = ctx};
	struct scrub_ctx *scrub = NULL;
	if (filter && filter->anonymised) {
		/* every person known, so a name from another meeting is hidden too */
		s = store_scrub_ctx_meeting(st, NULL, &scrub, err);
		if (s != KAIGI_OK) {
			store_exec(st, "ROLLBACK", NULL);
			return s;
		}
		m.scrub = scrub;
	}
	/* The first line says which export this is (doc/records.md). */
	const char *first =
	    m.scrub ? "# kaigi records — ANONYMISED: no identifying values, free "
		      "text scrubbed; may leave the centre\n"
	    : filter && filter->identity
		? "# kaigi records — COMPLETE, WITH IDENTITY: personal data (names, "
		  "addresses …); keep within the centre\n"
		: "# kaigi records — COMPLETE: personal data; keep within the centre\n";
	if (write(ctx, first, strlen(first)) != 0) {
		scrub_ctx_free(scrub);
		store_exec(st, "ROLLBACK", NULL);
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot write the export: %s",
				       strerror(errno));
	}
	yaml_emitter_initialize(&m.e);
	yaml_emitter_set_output(&m.e, write_handler, &m);
	yaml_emitter_set_unicode(&m.e, 1);
	yaml_emitter_set_width(&m.e, -1);
	yaml_emitter_set_indent(&m.e, 2);
	struct ctx c = {.st = st,
			.m = &m,
			.warnings = warnings,
			.err = err,
			.identity = filter && filter->identity};
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&m, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&m, &ev);
	mark(&m, MAP_START);
	kv(&m, "kaigi", "records");
	kv(&m, "version", "1");

	sqlite3_stmt *q = emit_prepare(&c, people, "reading people");
	if (q)
		emit_rows(&c, q, "people", emit_person, NULL, "reading people");
	sqlite3_finalize(q);
	q = emit_prepare(&c, issues, "reading regional issues");
	if (q) {
		sqlite3_bind_int(q, 1, !filter || !filter->nmeetings);
		emit_rows(&c, q, "regional_issues", emit_issue, NULL, "reading regional issues");
	}
	sqlite3_finalize(q);
	q = emit_prepare(&c, meetings, "reading meetings");
	if (q)
		emit_rows(&c, q, "meetings", emit_meeting_row, NULL, "reading meetings");
	sqlite3_finalize(q);
	mark(&m, MAP_END);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&m, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&m, &ev);
	if (m.ok && !yaml_emitter_flush(&m.e))
		m.ok = false;
	if (c.status == KAIGI_OK && !m.ok)
		c.status =
		    kaigi_error_set(err, m.write_errno ? KAIGI_EENV : KAIGI_EDATA, NULL, 0, 0,
				    "cannot write the export: %s",
				    m.write_errno ? strerror(m.write_errno)
						  : (m.e.problem ? m.e.problem : "YAML error"));
	yaml_emitter_delete(&m.e);
	scrub_ctx_free(scrub);
	store_exec(st, "COMMIT", NULL);
	return c.status;
}
