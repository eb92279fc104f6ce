// SPDX-License-Identifier: MIT
/*
 * store_meeting.c — meetings (and finding one by an id prefix) and their
 * participants (and the people of earlier meetings, for quick-add).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

/* Column names, in enum store_meeting_field order.  They are the YAML keys
 * too, except that start_time/end_time are written start/end there. */
static const char *const field_column[STORE_MEETING_NFIELDS] = {
    "title", "date", "start_time", "end_time", "place", "purpose", "target", "reached", "next_time",
};

const char *store_meeting_field_name(enum store_meeting_field f)
{
	return (unsigned)f < STORE_MEETING_NFIELDS ? field_column[f] : NULL;
}

void store_meeting_clear(struct store_meeting *m)
{
	free(m->template_id);
	free(m->kind);
	for (int i = 0; i < STORE_MEETING_NFIELDS; i++)
		free(m->f[i]);
	memset(m, 0, sizeof *m);
}

static enum kaigi_status check_field(enum store_meeting_field f, const char *v,
				     struct kaigi_error *err)
{
	if (f == STORE_MEETING_DATE && !store_date_valid(v))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a meeting needs a date as YYYY-MM-DD, not '%s'",
				       v ? v : "");
	if ((f == STORE_MEETING_START_TIME || f == STORE_MEETING_END_TIME) && v && *v &&
	    !store_time_valid(v))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a time is HH:MM (24-hour), not '%s'", v);
	return KAIGI_OK;
}

static void bind_meeting(sqlite3_stmt *q, const void *arg)
{
	const struct store_meeting *m = arg;
	sqlite3_bind_text(q, 1, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, m->template_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, m->template_version > 0 ? m->template_version : 1);
	sqlite3_bind_text(q, 4, m->kind && *m->kind ? m->kind : "individual", -1, SQLITE_STATIC);
	for (int i = 0; i < STORE_MEETING_NFIELDS; i++)
		store_bind_text_or_null(q, 5 + i, m->f[i]);
}

enum kaigi_status store_meeting_write(struct store *st, const struct store_meeting *m,
				      struct store_write *w, struct kaigi_error *err)
{
	return store_write_row(st, store_upsert_sql(&store_meeting_upsert), bind_meeting, m, w,
			       "creating a meeting", err);
}

enum kaigi_status store_meeting_create(struct store *st, struct store_meeting *m,
				       struct kaigi_error *err)
{
	static const char exists[] = "SELECT 1 FROM meeting WHERE id = ?1";
	if (!m->template_id || !*m->template_id)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a meeting needs a meeting template");
	for (int i = 0; i < STORE_MEETING_NFIELDS; i++) {
		enum kaigi_status s = check_field((enum store_meeting_field)i, m->f[i], err);
		if (s != KAIGI_OK)
			return s;
	}
	if (!m->id[0])
		store_uuid_new(m->id);
	else if (!store_uuid_valid(m->id))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "'%s' is not a UUID", m->id);
	/* Created, never overwritten: an id taken is refused. */
	bool found;
	if (store_exists(st, store_query(st, exists, err, "t", m->id), &found, "creating a meeting",
			 err) != KAIGI_OK)
		return err->status;
	if (found)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "creating a meeting: meeting %s exists already", m->id);
	struct store_write w = {.now = store_now_ms()};
	m->created = m->updated = w.now;
	return store_meeting_write(st, m, &w, err);
}

static void meeting_from_row(sqlite3_stmt *q, void *out)
{
	struct store_meeting *m = out;
	store_column_id(q, 0, m->id);
	m->template_id = store_column_strdup(q, 1);
	m->template_version = sqlite3_column_int(q, 2);
	m->kind = store_column_strdup(q, 3);
	for (int i = 0; i < STORE_MEETING_NFIELDS; i++) {
		m->f[i] = store_column_strdup(q, 4 + i);
		if (m->f[i] && !*m->f[i]) {
			free(m->f[i]);
			m->f[i] = NULL;
		}
	}
	m->created = sqlite3_column_int64(q, 13);
	m->updated = sqlite3_column_int64(q, 14);
}

#define MEETING_COLUMNS                                                                            \
	"id, template, template_version, kind, title, date, start_time, end_time, place, "         \
	"purpose, target, reached, next_time, created, updated"

enum kaigi_status store_meeting_get(struct store *st, const char *id, struct store_meeting *out,
				    struct kaigi_error *err)
{
	static const char sql[] = "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?1";
	store_meeting_clear(out);
	return store_get_id(st, sql, id, meeting_from_row, out, "reading a meeting",
			    N_("no meeting %s"), err);
}

enum kaigi_status store_meeting_set(struct store *st, const char *id, enum store_meeting_field f,
				    const char *text, struct kaigi_error *err)
{
	/* One statement per column: column names cannot be parameters. */
	static const char *const sql[STORE_MEETING_NFIELDS] = {
	    "UPDATE meeting SET title = ifnull(?2, ''), updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET date = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET start_time = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET end_time = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET place = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET purpose = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET target = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET reached = ?2, updated = ?3 WHERE id = ?1",
	    "UPDATE meeting SET next_time = ?2, updated = ?3 WHERE id = ?1",
	};
	if ((unsigned)f >= STORE_MEETING_NFIELDS)
		return kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0, "no such meeting field");
	enum kaigi_status s = check_field(f, text, err);
	if (s != KAIGI_OK)
		return s;
	s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql[f], err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 2, text);
	sqlite3_bind_int64(q, 3, store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "saving a meeting");
	else if (sqlite3_changes(st->db) == 0)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no meeting %s", id);
	return store_end(st, s, err);
}

enum kaigi_status store_meeting_delete(struct store *st, const char *id, struct kaigi_error *err)
{
	/* Cases refer to people with RESTRICT, not meetings, so the cascade
	 * from meeting reaches cases, records, answers, actions. */
	return store_delete_id(st, "DELETE FROM meeting WHERE id = ?1", id, "deleting a meeting",
			       err);
}

void store_meeting_list_free(struct store_meeting_list *l)
{
	STORE_LIST_FREE(l, store_meeting_clear);
}

enum kaigi_status store_meeting_list(struct store *st, const char *text, size_t limit,
				     struct store_meeting_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT " MEETING_COLUMNS " FROM meeting WHERE ?1 IS NULL "
				  "OR instr(title, ?1) OR instr(ifnull(place, ''), ?1) "
				  "OR instr(ifnull(purpose, ''), ?1) OR instr(date, ?1) "
				  "ORDER BY date DESC, start_time DESC, id LIMIT ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "nL", text, limit);
	enum kaigi_status s = STORE_LIST(st, q, out, meeting_from_row, "listing meetings", err);
	if (s != KAIGI_OK)
		store_meeting_list_free(out);
	return s;
}

/* Ids into a fixed array, at most max (the query's LIMIT says the same). */
struct id_rows {
	char (*ids)[STORE_ID_SIZE];
	size_t max, *n;
};

static void id_row(sqlite3_stmt *q, void *ctx)
{
	struct id_rows *r = ctx;
	if (*r->n < r->max)
		store_column_id(q, 0, r->ids[(*r->n)++]);
}

enum kaigi_status store_meeting_ids_by_prefix(struct store *st, const char *prefix,
					      char (*ids)[STORE_ID_SIZE], size_t max, size_t *n,
					      struct kaigi_error *err)
{
	/* substr() rather than LIKE: an id prefix holds no wildcards to escape,
	 * and the comparison stays exact whatever the user typed. */
	static const char sql[] = "SELECT id FROM meeting WHERE substr(id, 1, length(?1)) = ?1 "
				  "ORDER BY date DESC, start_time DESC LIMIT ?2";
	*n = 0;
	sqlite3_stmt *q = store_query(st, sql, err, "tI", prefix, (long long)max);
	struct id_rows r = {ids, max, n};
	return store_each(st, q, id_row, &r, "looking up a meeting", err);
}

/* ---- participants ------------------------------------------------------ */

void store_participant_clear(struct store_participant *p)
{
	store_cols_clear(store_participant_cols, p);
	memset(p, 0, sizeof *p);
}

struct participant_arg {
	const struct store_participant *p;
	int present;
};

static void bind_participant(sqlite3_stmt *q, const void *arg)
{
	const struct participant_arg *a = arg;
	store_cols_bind(q, store_participant_cols, 8, a->p);
	/* ?7 present: as the caller says, NULL keeping what is stored. */
	if (a->present >= 0)
		sqlite3_bind_int(q, 7, a->present);
	else
		sqlite3_bind_null(q, 7);
}

enum kaigi_status store_participant_write(struct store *st, const struct store_participant *p,
					  int present, struct store_write *w,
					  struct kaigi_error *err)
{
	struct participant_arg a = {p, present};
	return store_write_row(st, store_upsert_sql(&store_participant_upsert), bind_participant,
			       &a, w, "saving a participant", err);
}

enum kaigi_status store_participant_save(struct store *st, struct store_participant *p,
					 struct kaigi_error *err)
{
	if (!p->name || !*p->name)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "a participant needs a name");
	if (!p->id[0])
		store_uuid_new(p->id);
	return store_participant_write(st, p, p->present ? 1 : 0, &(struct store_write){0}, err);
}

enum kaigi_status store_participant_delete(struct store *st, const char *id,
					   struct kaigi_error *err)
{
	return store_delete_id(st, "DELETE FROM participant WHERE id = ?1", id,
			       "deleting a participant", err);
}

void store_participant_list_free(struct store_participant_list *l)
{
	STORE_LIST_FREE(l, store_participant_clear);
}

enum kaigi_status store_participant_list(struct store *st, const char *meeting_id,
					 struct store_participant_list *out,
					 struct kaigi_error *err)
{
	static const char sql[] = "SELECT id, meeting_id, ord, name, organisation, role, present, "
				  "profession FROM participant WHERE meeting_id = ?1 ORDER BY ord, "
				  "name";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "t", meeting_id);
	return STORE_LIST_COLS(st, q, out, store_participant_cols, NULL, "listing participants",
			       err);
}

/* ---- earlier attendees ---------------------------------------------- */

enum kaigi_status store_participant_recent(struct store *st, const char *meeting_id, size_t limit,
					   struct store_participant_list *out,
					   struct kaigi_error *err)
{
	/* One row per name and organisation, its role as last recorded; the
	 * people already in this meeting are left out.  SQLite takes the bare
	 * columns from the row holding max(m.date).  The columns are a
	 * participant row's, with no ids, order 0 and present. */
	static const char sql[] =
	    "SELECT NULL, NULL, 0, p.name, p.organisation, p.role, 1, p.profession, "
	    "max(m.date || ifnull(m.start_time, '')) AS d "
	    "FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.meeting_id <> ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM participant x WHERE x.meeting_id = ?1 AND x.name = "
	    "p.name AND x.organisation IS p.organisation) GROUP BY p.name, p.organisation "
	    "ORDER BY d DESC, p.name LIMIT ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "tL", meeting_id, limit);
	/* The columns are a participant row's (store_participant_cols). */
	return STORE_LIST_COLS(st, q, out, store_participant_cols, NULL,
			       "listing earlier participants", err);
}
