// SPDX-License-Identifier: MIT
/*
 * store_followup.c — carrying a case across meetings: the actions agreed
 * (items of a record's `actions` list) and closing them, the short-term
 * goals still open, the follow-up review pre-filled from the last one, and
 * the reviews whose follow-up report is due.
 *
 * Design note.  A follow-up review is an ordinary case_review whose
 * `follows` names the review before.  What it inherits is copied into its
 * own records once, when it is started (store_followup_prefill), rather
 * than read through on every display: the room then changes only what
 * changed, every value it shows is its own and audited, and the earlier
 * review stays as it was decided — which is what makes the before/after
 * comparison (store_compare.c) mean something.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/followup.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"

/* ---- shared helpers (store_followup.h) ---------------------------------- */

void store_fu_case_clear(struct store_fu_case *fc)
{
	store_case_clear(&fc->c);
	for (size_t i = 0; i < fc->n; i++)
		store_record_clear(&fc->recs[i]);
	free(fc->recs);
	memset(fc, 0, sizeof *fc);
}

enum kaigi_status store_fu_case_load(struct store *st, const char *case_id,
				     struct store_fu_case *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	enum kaigi_status s = store_case_get(st, case_id, &out->c, err);
	if (s != KAIGI_OK)
		return s;
	struct store_record_list refs;
	s = store_record_list(st, out->c.meeting_id, out->c.id, &refs, err);
	if (s != KAIGI_OK) {
		store_fu_case_clear(out);
		return s;
	}
	out->recs = xcalloc(refs.n ? refs.n : 1, sizeof *out->recs);
	for (size_t i = 0; i < refs.n && s == KAIGI_OK; i++) {
		s = store_record_get(st, refs.v[i].id, &out->recs[i], err);
		if (s == KAIGI_OK)
			out->n++;
	}
	store_record_list_free(&refs);
	if (s != KAIGI_OK)
		store_fu_case_clear(out);
	return s;
}

const struct store_record *store_fu_record(const struct store_fu_case *fc, const char *form)
{
	for (size_t i = 0; i < fc->n; i++)
		if (fc->recs[i].form && strcmp(fc->recs[i].form, form) == 0)
			return &fc->recs[i];
	return NULL;
}

const char *store_fu_text(const struct store_record *r, const char *field, const char *item,
			  const char *col, char buf[32])
{
	struct store_path path = {field, item, col};
	const struct kaigi_value *v = store_record_value(r, &path);
	if (!v)
		return NULL;
	switch (v->type) {
	case KAIGI_TEXT:
		return v->s;
	case KAIGI_INT:
		snprintf(buf, 32, "%lld", v->i);
		return buf;
	case KAIGI_REAL:
		snprintf(buf, 32, "%g", v->r);
		return buf;
	default:
		return NULL;
	}
}

size_t store_fu_items(const struct store_record *r, const char *field,
		      const struct store_item **first)
{
	size_t n = 0;
	*first = NULL;
	for (size_t i = 0; i < r->nitems; i++) {
		if (strcmp(r->items[i].field, field) != 0)
			continue;
		if (!n)
			*first = &r->items[i];
		n++;
	}
	return n;
}

bool store_fu_goal_reached(const char *result)
{
	return result && (strcmp(result, "exceeded") == 0 || strcmp(result, "achieved") == 0);
}

bool store_fu_action_closed(const char *status)
{
	return status && (strcmp(status, "done") == 0 || strcmp(status, "dropped") == 0);
}

size_t store_fu_rating_column(const struct schema_field *grid)
{
	for (size_t c = 0; c < grid->ncolumns; c++)
		if (grid->columns[c].type == SCHEMA_SCALE)
			return c;
	return (size_t)-1;
}

void store_strings_free(struct store_strings *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void strings_add_once(struct store_strings *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

/* ---- actions ------------------------------------------------------------ */

static void action_clear(struct store_action *a)
{
	free(a->meeting_date);
	free(a->who);
	free(a->what);
	free(a->due);
	free(a->status);
}

void store_action_list_free(struct store_action_list *l)
{
	STORE_LIST_FREE(l, action_clear);
}

/* Append the actions of fc (only the open ones when open_only). */
static void actions_of(const struct store_fu_case *fc, bool open_only,
		       struct store_action_list *out)
{
	for (size_t r = 0; r < fc->n; r++) {
		const struct store_record *rec = &fc->recs[r];
		const struct store_item *it;
		size_t n = store_fu_items(rec, KAIGI_FIELD_ACTIONS, &it);
		for (size_t i = 0; i < n; i++) {
			char b1[32], b2[32], b3[32], b4[32];
			const char *status = store_fu_text(rec, KAIGI_FIELD_ACTIONS, it[i].id,
							   KAIGI_FIELD_STATUS, b4);
			if (open_only && store_fu_action_closed(status))
				continue;
			out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
			struct store_action *a = &out->v[out->n++];
			memset(a, 0, sizeof *a);
			memcpy(a->record_id, rec->id, STORE_ID_SIZE);
			memcpy(a->item_id, it[i].id, STORE_ID_SIZE);
			memcpy(a->case_id, fc->c.id, STORE_ID_SIZE);
			a->meeting_date = xstrdup_or_null(fc->c.meeting_date);
			a->who = xstrdup_or_null(
			    store_fu_text(rec, KAIGI_FIELD_ACTIONS, it[i].id, KAIGI_FIELD_WHO, b1));
			a->what = xstrdup_or_null(store_fu_text(rec, KAIGI_FIELD_ACTIONS, it[i].id,
								KAIGI_FIELD_WHAT, b2));
			a->due = xstrdup_or_null(
			    store_fu_text(rec, KAIGI_FIELD_ACTIONS, it[i].id, KAIGI_FIELD_DUE, b3));
			a->status = xstrdup_or_null(status);
			a->open = !store_fu_action_closed(status);
		}
	}
}

enum kaigi_status store_action_list(struct store *st, const char *case_id,
				    struct store_action_list *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct store_fu_case fc;
	enum kaigi_status s = store_fu_case_load(st, case_id, &fc, err);
	if (s != KAIGI_OK)
		return s;
	actions_of(&fc, false, out);
	store_fu_case_clear(&fc);
	return KAIGI_OK;
}

enum kaigi_status store_followup_actions(struct store *st, const char *case_id,
					 struct store_action_list *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct store_case c = {0};
	enum kaigi_status s = store_case_get(st, case_id, &c, err);
	if (s != KAIGI_OK || !c.follows[0]) {
		store_case_clear(&c);
		return s;
	}
	struct store_fu_case prev;
	s = store_fu_case_load(st, c.follows, &prev, err);
	if (s == KAIGI_OK) {
		actions_of(&prev, false, out);
		/* Earlier still: what is not closed yet, oldest first. */
		struct store_case_list hist = {0};
		s = store_case_history(st, c.person_id, &hist, err);
		for (size_t i = 0; s == KAIGI_OK && i < hist.n; i++) {
			const struct store_case *h = &hist.v[i];
			if (strcmp(h->id, prev.c.id) == 0 || strcmp(h->id, c.id) == 0 ||
			    strcmp(h->meeting_date ? h->meeting_date : "",
				   prev.c.meeting_date ? prev.c.meeting_date : "") > 0)
				continue;
			struct store_fu_case old;
			s = store_fu_case_load(st, h->id, &old, err);
			if (s == KAIGI_OK)
				actions_of(&old, true, out);
			store_fu_case_clear(&old);
		}
		store_case_list_free(&hist);
		store_fu_case_clear(&prev);
	}
	store_case_clear(&c);
	if (s != KAIGI_OK)
		store_action_list_free(out);
	return s;
}

enum kaigi_status store_action_status_set(struct store *st, struct store_action *a,
					  const char *status, struct kaigi_error *err)
{
	struct store_path path = {KAIGI_FIELD_ACTIONS, a->item_id, KAIGI_FIELD_STATUS};
	enum kaigi_status s = store_answer_save(st, a->record_id, &path, status ? status : "", err);
	if (s != KAIGI_OK)
		return s;
	free(a->status);
	a->status = status && *status ? xstrdup(status) : NULL;
	a->open = !store_fu_action_closed(a->status);
	return KAIGI_OK;
}

/* ---- goals -------------------------------------------------------------- */

static void open_goals_of(const struct store_fu_case *fc, struct store_strings *out)
{
	char b1[32], b2[32];
	/* Goals evaluated at this review and not reached carry on. */
	for (size_t r = 0; r < fc->n; r++) {
		const struct store_item *it;
		size_t n = store_fu_items(&fc->recs[r], KAIGI_FIELD_EVALUATIONS, &it);
		for (size_t i = 0; i < n; i++) {
			const char *goal = store_fu_text(&fc->recs[r], KAIGI_FIELD_EVALUATIONS,
							 it[i].id, KAIGI_FIELD_GOAL, b1);
			const char *res = store_fu_text(&fc->recs[r], KAIGI_FIELD_EVALUATIONS,
							it[i].id, KAIGI_FIELD_RESULT, b2);
			if (goal && *goal && !store_fu_goal_reached(res))
				strings_add_once(out, goal);
		}
	}
	/* Then the short-term goals set at it. */
	for (size_t r = 0; r < fc->n; r++) {
		const struct store_item *it;
		size_t n = store_fu_items(&fc->recs[r], KAIGI_FIELD_GOALS, &it);
		for (size_t i = 0; i < n; i++) {
			const char *h = store_fu_text(&fc->recs[r], KAIGI_FIELD_GOALS, it[i].id,
						      KAIGI_FIELD_HORIZON, b1);
			const char *w = store_fu_text(&fc->recs[r], KAIGI_FIELD_GOALS, it[i].id,
						      KAIGI_FIELD_WORDING, b2);
			if (h && strcmp(h, "short") == 0 && w && *w)
				strings_add_once(out, w);
		}
	}
}

enum kaigi_status store_open_goals(struct store *st, const char *case_id, struct store_strings *out,
				   struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct store_fu_case fc;
	enum kaigi_status s = store_fu_case_load(st, case_id, &fc, err);
	if (s != KAIGI_OK)
		return s;
	open_goals_of(&fc, out);
	store_fu_case_clear(&fc);
	return KAIGI_OK;
}

/* ---- the pre-filled follow-up ------------------------------------------- */

/* The list field `evaluations` with an item field `goal`, or NULL. */
static const struct schema_field *evaluation_list(const struct schema_form *form)
{
	const struct schema_field *f = schema_field_find(form, KAIGI_FIELD_EVALUATIONS);
	if (!f || f->type != SCHEMA_LIST || !schema_subfield_find(f, KAIGI_FIELD_GOAL))
		return NULL;
	return f;
}

static bool has_rating_grid(const struct schema_form *form)
{
	for (size_t s = 0; s < form->nsections; s++)
		for (size_t i = 0; i < form->sections[s].nfields; i++) {
			const struct schema_field *f = &form->sections[s].fields[i];
			if (f->type == SCHEMA_GRID && store_fu_rating_column(f) != (size_t)-1)
				return true;
		}
	return false;
}

static enum kaigi_status fill_evaluations(struct store *st, const char *record_id,
					  const struct schema_form *form,
					  const struct store_strings *goals, const char *date,
					  struct store_prefill *out, struct kaigi_error *err)
{
	const struct schema_field *list = evaluation_list(form);
	enum kaigi_status s = KAIGI_OK;
	const struct schema_field *df = schema_field_find(form, KAIGI_FIELD_EVALUATION_DATE);
	if (df && df->type == SCHEMA_DATE && date) {
		struct store_path path = {KAIGI_FIELD_EVALUATION_DATE, NULL, NULL};
		s = store_answer_save(st, record_id, &path, date, err);
	}
	for (size_t i = 0; s == KAIGI_OK && i < goals->n; i++) {
		char item[STORE_ID_SIZE];
		s = store_item_add(st, record_id, list->id, i, item, err);
		if (s != KAIGI_OK)
			break;
		struct store_path path = {list->id, item, KAIGI_FIELD_GOAL};
		s = store_answer_save(st, record_id, &path, goals->v[i], err);
		out->goals += s == KAIGI_OK;
	}
	return s;
}

/* Copy the scale ratings of every grid of prev into record_id. */
static enum kaigi_status fill_ratings(struct store *st, const char *record_id,
				      const struct schema_form *form,
				      const struct store_record *prev, struct store_prefill *out,
				      struct kaigi_error *err)
{
	enum kaigi_status s = KAIGI_OK;
	for (size_t si = 0; si < form->nsections; si++)
		for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
			const struct schema_field *g = &form->sections[si].fields[fi];
			if (g->type != SCHEMA_GRID)
				continue;
			for (size_t ri = 0; ri < g->nrows; ri++)
				for (size_t c = 0; c < g->ncolumns && s == KAIGI_OK; c++) {
					const struct schema_grid_row *row = &g->rows[ri];
					if (g->columns[c].type != SCHEMA_SCALE || row->na[c])
						continue;
					char buf[32];
					const char *v = store_fu_text(prev, g->id, row->id,
								      g->columns[c].id, buf);
					const struct schema_choice_list *cl =
					    schema_cell_choices(g, row, c);
					/* A value the form no longer offers is not carried. */
					if (!v || !cl || schema_choice_find(cl, v) < 0)
						continue;
					struct store_path path = {g->id, row->id, g->columns[c].id};
					s = store_answer_save(st, record_id, &path, v, err);
					out->ratings += s == KAIGI_OK;
				}
		}
	return s;
}

enum kaigi_status store_followup_prefill(struct store *st, const char *case_id,
					 struct store_prefill *out, struct kaigi_error *err)
{
	struct store_prefill dummy;
	if (!out)
		out = &dummy;
	memset(out, 0, sizeof *out);
	if (!st->forms)
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "no forms are loaded");
	struct store_fu_case cur;
	enum kaigi_status s = store_fu_case_load(st, case_id, &cur, err);
	if (s != KAIGI_OK)
		return s;
	if (!cur.c.follows[0]) {
		store_fu_case_clear(&cur);
		return KAIGI_OK;
	}
	struct store_fu_case prev;
	struct store_meeting m = {0};
	struct store_strings goals = {0};
	s = store_fu_case_load(st, cur.c.follows, &prev, err);
	if (s != KAIGI_OK) {
		store_fu_case_clear(&cur);
		/* The review followed was deleted since: nothing to carry. */
		return s == KAIGI_EDATA ? KAIGI_OK : s;
	}
	s = store_meeting_get(st, cur.c.meeting_id, &m, err);
	const struct schema_meeting *tpl =
	    s == KAIGI_OK ? schema_meeting_find(st->forms, m.template_id) : NULL;
	if (s == KAIGI_OK)
		open_goals_of(&prev, &goals);
	if (s == KAIGI_OK)
		s = store_begin(st, err);
	if (s == KAIGI_OK) {
		size_t nforms = tpl ? tpl->nforms : prev.n;
		for (size_t i = 0; s == KAIGI_OK && i < nforms; i++) {
			const char *fid = tpl ? tpl->forms[i] : prev.recs[i].form;
			const struct schema_form *form = schema_form_find(st->forms, fid);
			if (!form || store_fu_record(&cur, fid))
				continue;
			const struct store_record *pr = store_fu_record(&prev, fid);
			bool eval = evaluation_list(form) && goals.n;
			bool grid = pr && has_rating_grid(form);
			if (!eval && !grid)
				continue;
			char rid[STORE_ID_SIZE];
			s = store_record_ensure(st, cur.c.meeting_id, cur.c.id, fid, rid, err);
			out->records += s == KAIGI_OK;
			if (s == KAIGI_OK && eval)
				s = fill_evaluations(st, rid, form, &goals, m.f[STORE_MEETING_DATE],
						     out, err);
			if (s == KAIGI_OK && grid)
				s = fill_ratings(st, rid, form, pr, out, err);
		}
		s = store_end(st, s, err);
	}
	if (s != KAIGI_OK)
		memset(out, 0, sizeof *out);
	store_strings_free(&goals);
	store_meeting_clear(&m);
	store_fu_case_clear(&prev);
	store_fu_case_clear(&cur);
	return s;
}

/* ---- due follow-ups ----------------------------------------------------- */

static void due_clear(struct store_due *d)
{
	store_case_hit_clear(&d->hit);
	free(d->followup_date);
	free(d->area);
}

void store_due_list_free(struct store_due_list *l)
{
	STORE_LIST_FREE(l, due_clear);
}

/* A case hit's columns (store_case_hit_row), then the date and area. */
static void due_row(sqlite3_stmt *q, void *out)
{
	struct store_due *d = out;
	store_case_hit_row(q, &d->hit);
	d->followup_date = store_column_strdup(q, 12);
	d->area = store_column_strdup(q, 13);
}

enum kaigi_status store_followup_due(struct store *st, const char *before, const char *meeting_id,
				     size_t limit, struct store_due_list *out,
				     struct kaigi_error *err)
{
	/* The follow-up date index (002) finds the candidates; a later review
	 * of the same person means it was followed up. */
	static const char sql[] =
	    "SELECT c.id, c.meeting_id, c.person_id, c.ord, c.presenter, ifnull(c.follows, ''), "
	    "p.code, m.date, p.initials, p.age_band, p.sex, m.title, a.value, p.area "
	    "FROM answer a JOIN form_record r ON r.id = a.record_id "
	    "JOIN case_review c ON c.id = r.case_id JOIN meeting m ON m.id = c.meeting_id "
	    "JOIN person p ON p.id = c.person_id "
	    "WHERE a.field = '" KAIGI_FIELD_FOLLOWUP_DATE "' AND a.item = '' AND a.value <= ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM case_review c2 JOIN meeting m2 ON m2.id = c2.meeting_id "
	    "  WHERE c2.person_id = c.person_id AND c2.id <> c.id AND (m2.date > m.date OR "
	    "  c2.follows = c.id OR c2.meeting_id = ?2)) "
	    "ORDER BY a.value, m.date, p.code LIMIT ?3";
	memset(out, 0, sizeof *out);
	if (!before || !store_date_valid(before))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a date is YYYY-MM-DD, not '%s'", before ? before : "");
	sqlite3_stmt *q = store_query(st, sql, err, "tnL", before, meeting_id, limit);
	enum kaigi_status s = STORE_LIST(st, q, out, due_row, "listing due follow-ups", err);
	if (s != KAIGI_OK)
		store_due_list_free(out);
	return s;
}
