// SPDX-License-Identifier: MIT
/*
 * store_ui_queries.c — reads the facilitator UI needs beyond the store's
 * CRUD: phase timings back, time used by a meeting, earlier attendees for
 * quick-add, the case search, and the next free case code.  Declared in
 * store.h under "reads for the facilitator UI".  All are plain reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

/* ---- phase timings --------------------------------------------------- */

void store_phase_list_free(struct store_phase_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].phase);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_phase_list(struct store *st, const char *case_id,
				   struct store_phase_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT phase, ord, planned_sec, actual_sec FROM phase_timing "
				  "WHERE case_id = ?1 ORDER BY ord, phase";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct store_phase *p = &out->v[out->n++];
		p->phase = store_column_strdup(q, 0);
		p->ord = sqlite3_column_int(q, 1);
		p->planned_sec =
		    sqlite3_column_type(q, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 2);
		p->actual_sec =
		    sqlite3_column_type(q, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 3);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_phase_list_free(out);
		return store_fail(st, rc, err, "reading phase times");
	}
	return KAIGI_OK;
}

enum kaigi_status store_meeting_time_used(struct store *st, const char *meeting_id,
					  const char *except_case, long long *seconds,
					  struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT ifnull(sum(t.actual_sec), 0) FROM phase_timing t JOIN case_review c ON "
	    "c.id = t.case_id WHERE c.meeting_id = ?1 AND c.id IS NOT ?2";
	*seconds = 0;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, meeting_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 2, except_case);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*seconds = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err, "reading the meeting's time");
	return KAIGI_OK;
}

/* ---- earlier attendees ---------------------------------------------- */

enum kaigi_status store_participant_recent(struct store *st, const char *meeting_id, size_t limit,
					   struct store_participant_list *out,
					   struct kaigi_error *err)
{
	/* One row per name and organisation, its role as last recorded; the
	 * people already in this meeting are left out.  SQLite takes the bare
	 * columns from the row holding max(m.date). */
	static const char sql[] =
	    "SELECT p.name, p.organisation, p.role, max(m.date || ifnull(m.start_time, '')) AS d, "
	    "p.profession "
	    "FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.meeting_id <> ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM participant x WHERE x.meeting_id = ?1 AND x.name = "
	    "p.name AND x.organisation IS p.organisation) GROUP BY p.name, p.organisation "
	    "ORDER BY d DESC, p.name LIMIT ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, meeting_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, limit ? (long long)limit : -1);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct store_participant *p = &out->v[out->n++];
		memset(p, 0, sizeof *p);
		p->name = store_column_strdup(q, 0);
		p->organisation = store_column_strdup(q, 1);
		p->role = store_column_strdup(q, 2);
		p->profession = store_column_strdup(q, 4);
		p->present = true;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_participant_list_free(out);
		return store_fail(st, rc, err, "listing earlier participants");
	}
	return KAIGI_OK;
}

/* ---- case search ---------------------------------------------------- */

void store_case_hit_list_free(struct store_case_hit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		store_case_clear(&l->v[i].c);
		free(l->v[i].initials);
		free(l->v[i].age_band);
		free(l->v[i].sex);
		free(l->v[i].meeting_title);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* text as a LIKE pattern matching it anywhere, with % _ \ escaped. */
static char *like_pattern(const char *text)
{
	size_t n = strlen(text);
	char *p = xmalloc(2 * n + 3), *o = p;
	*o++ = '%';
	for (const char *s = text; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

enum kaigi_status store_case_search(struct store *st, const char *text, bool latest_only,
				    size_t limit, struct store_case_hit_list *out,
				    struct kaigi_error *err)
{
	/* Plain search: the matching reviews, newest first.  For a follow-up
	 * only each person's latest review counts, ranked with a window (only
	 * then: the window reads every match). */
#define CASE_HIT_COLS                                                                              \
	"c.id, c.meeting_id, c.person_id, c.ord, c.presenter, c.follows, p.code, m.date, "         \
	"p.initials, p.age_band, p.sex, m.title"
#define CASE_HIT_FROM                                                                              \
	" FROM case_review c JOIN person p ON p.id = c.person_id JOIN meeting m ON m.id = "        \
	"c.meeting_id WHERE ?1 IS NULL OR p.code LIKE ?1 ESCAPE '\\' OR p.initials LIKE ?1 "       \
	"ESCAPE '\\' OR p.area LIKE ?1 ESCAPE '\\' OR p.age_band LIKE ?1 ESCAPE '\\' OR "          \
	"c.presenter LIKE ?1 ESCAPE '\\' OR m.date LIKE ?1 ESCAPE '\\'"
	static const char plain[] = "SELECT " CASE_HIT_COLS CASE_HIT_FROM
				    " ORDER BY m.date DESC, m.start_time DESC, c.ord LIMIT ?3";
	static const char latest[] =
	    "SELECT id, meeting_id, person_id, ord, presenter, follows, code, date, initials, "
	    "age_band, sex, title FROM (SELECT " CASE_HIT_COLS
	    ", m.start_time AS st, row_number() OVER (PARTITION BY c.person_id ORDER BY m.date "
	    "DESC, m.start_time DESC, c.ord DESC) AS rn" CASE_HIT_FROM
	    ") WHERE rn = 1 AND ?2 = 1 ORDER BY date DESC, st DESC, ord LIMIT ?3";
	const char *sql = latest_only ? latest : plain;
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	char *pat = text && *text ? like_pattern(text) : NULL;
	store_bind_text_or_null(q, 1, pat);
	sqlite3_bind_int(q, 2, latest_only ? 1 : 0);
	sqlite3_bind_int64(q, 3, limit ? (long long)limit : -1);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct store_case_hit *h = &out->v[out->n++];
		memset(h, 0, sizeof *h);
		store_column_id(q, 0, h->c.id);
		store_column_id(q, 1, h->c.meeting_id);
		store_column_id(q, 2, h->c.person_id);
		h->c.ord = sqlite3_column_int(q, 3);
		h->c.presenter = store_column_strdup(q, 4);
		store_column_id(q, 5, h->c.follows);
		h->c.person_code = store_column_strdup(q, 6);
		h->c.meeting_date = store_column_strdup(q, 7);
		h->initials = store_column_strdup(q, 8);
		h->age_band = store_column_strdup(q, 9);
		h->sex = store_column_strdup(q, 10);
		h->meeting_title = store_column_strdup(q, 11);
	}
	sqlite3_reset(q);
	free(pat);
	if (rc != SQLITE_DONE) {
		store_case_hit_list_free(out);
		return store_fail(st, rc, err, "searching cases");
	}
	return KAIGI_OK;
}

/* ---- case codes ------------------------------------------------------ */

enum kaigi_status store_person_code_next(struct store *st, const char *prefix, char **out,
					 struct kaigi_error *err)
{
	/* The highest number after the prefix among codes that are the
	 * prefix and digits only. */
	static const char sql[] =
	    "SELECT ifnull(max(CAST(substr(code, length(?1) + 1) AS INTEGER)), 0) FROM person "
	    "WHERE substr(code, 1, length(?1)) = ?1 AND substr(code, length(?1) + 1) <> '' AND "
	    "substr(code, length(?1) + 1) NOT GLOB '*[^0-9]*'";
	*out = NULL;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, prefix, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	long long n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err, "reading case codes");
	*out = xasprintf("%s%03lld", prefix, n + 1);
	return KAIGI_OK;
}
