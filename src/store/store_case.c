// SPDX-License-Identifier: MIT
/*
 * store_case.c — the people whose cases are reviewed (and the next free case
 * code), case reviews (and the case search), and the phase timings of a
 * review, written and read here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

/* ---- people ------------------------------------------------------------- */

void store_person_clear(struct store_person *p)
{
	store_cols_clear(store_person_cols, p);
	memset(p, 0, sizeof *p);
}

static void bind_person(sqlite3_stmt *q, const void *arg)
{
	store_cols_bind(q, store_person_cols, 7, arg);
}

enum kaigi_status store_person_write(struct store *st, const struct store_person *p,
				     struct store_write *w, struct kaigi_error *err)
{
	return store_write_row(st, store_upsert_sql(&store_person_upsert), bind_person, p, w,
			       "saving a person", err);
}

enum kaigi_status store_person_save(struct store *st, struct store_person *p,
				    struct kaigi_error *err)
{
	if (!p->code || !*p->code)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "a person needs a case code");
	if (p->sex && *p->sex && strcmp(p->sex, "F") && strcmp(p->sex, "M") && strcmp(p->sex, "X"))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "sex is F, M or X, not '%s'",
				       p->sex);
	/* Say which code, in words, rather than SQLite's constraint message. */
	static const char taken[] = "SELECT 1 FROM person WHERE code = ?1 AND id <> ?2";
	bool found;
	if (store_exists(st, store_query(st, taken, err, "tt", p->code, p->id), &found,
			 "reading a person", err) != KAIGI_OK)
		return err->status;
	if (found)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "case code %s is already another person's; give another",
				       p->code);
	if (!p->id[0])
		store_uuid_new(p->id);
	return store_person_write(st, p, &(struct store_write){0}, err);
}

static void person_row(sqlite3_stmt *q, void *out)
{
	store_cols_read(q, 0, store_person_cols, out);
}

enum kaigi_status store_person_get(struct store *st, const char *id, const char *code,
				   struct store_person *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT id, code, initials, birth_year, age_band, sex, area "
				  "FROM person WHERE id = ?1 OR (?1 IS NULL AND code = ?2)";
	store_person_clear(out);
	sqlite3_stmt *q = store_query(st, sql, err, "nn", id, code);
	return store_one(st, q, person_row, out, "reading a person", N_("no person %s"),
			 id ? id : code, err);
}

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
	sqlite3_stmt *q = store_query(st, sql, err, "t", prefix);
	long long n;
	if (store_int64(st, q, &n, "reading case codes", err) != KAIGI_OK)
		return err->status;
	*out = xasprintf("%s%03lld", prefix, n + 1);
	return KAIGI_OK;
}

/* ---- case reviews ------------------------------------------------------- */

void store_case_clear(struct store_case *c)
{
	store_cols_clear(store_case_cols, c);
	memset(c, 0, sizeof *c);
}

static void bind_case(sqlite3_stmt *q, const void *arg)
{
	store_cols_bind(q, store_case_cols, 6, arg);
}

enum kaigi_status store_case_write(struct store *st, const struct store_case *c,
				   struct store_write *w, struct kaigi_error *err)
{
	return store_write_row(st, store_upsert_sql(&store_case_upsert), bind_case, c, w,
			       "saving a case", err);
}

enum kaigi_status store_case_save(struct store *st, struct store_case *c, struct kaigi_error *err)
{
	if (!c->id[0])
		store_uuid_new(c->id);
	return store_case_write(st, c, &(struct store_write){0}, err);
}

#define CASE_SELECT                                                                                \
	"SELECT c.id, c.meeting_id, c.person_id, c.ord, c.presenter, c.follows, p.code, m.date, "  \
	"ifnull(c.closed, 0) "                                                                     \
	"FROM case_review c JOIN person p ON p.id = c.person_id JOIN meeting m ON m.id = "         \
	"c.meeting_id "

static void case_from_row(sqlite3_stmt *q, void *out)
{
	struct store_case *c = out;
	memset(c, 0, sizeof *c);
	store_cols_read(q, 0, store_case_cols, c);
	c->closed = sqlite3_column_int64(q, 8);
}

enum kaigi_status store_case_get(struct store *st, const char *id, struct store_case *out,
				 struct kaigi_error *err)
{
	static const char sql[] = CASE_SELECT "WHERE c.id = ?1";
	store_case_clear(out);
	return store_get_id(st, sql, id, case_from_row, out, "reading a case", N_("no case %s"),
			    err);
}

enum kaigi_status store_case_delete(struct store *st, const char *id, struct kaigi_error *err)
{
	return store_delete_id(st, "DELETE FROM case_review WHERE id = ?1", id, "deleting a case",
			       err);
}

enum kaigi_status store_case_close(struct store *st, const char *id, struct kaigi_error *err)
{
	static const char sql[] = "UPDATE case_review SET closed = ?2, updated = ?2 WHERE id = ?1";
	return store_write_fmt(st, sql, &(struct store_write){0}, "saving a case", err, "tI", id,
			       store_now_ms());
}

void store_case_list_free(struct store_case_list *l)
{
	STORE_LIST_FREE(l, store_case_clear);
}

static enum kaigi_status case_query(struct store *st, const char *sql, const char *key,
				    struct store_case_list *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	enum kaigi_status s = STORE_LIST_ID(st, sql, key, out, case_from_row, "listing cases", err);
	if (s != KAIGI_OK)
		store_case_list_free(out);
	return s;
}

enum kaigi_status store_case_list(struct store *st, const char *meeting_id,
				  struct store_case_list *out, struct kaigi_error *err)
{
	static const char sql[] = CASE_SELECT "WHERE c.meeting_id = ?1 ORDER BY c.ord, c.id";
	return case_query(st, sql, meeting_id, out, err);
}

enum kaigi_status store_case_history(struct store *st, const char *person_id,
				     struct store_case_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    CASE_SELECT "WHERE c.person_id = ?1 ORDER BY m.date, m.start_time, c.ord";
	return case_query(st, sql, person_id, out, err);
}

/* ---- case search ---------------------------------------------------- */

void store_case_hit_clear(struct store_case_hit *h)
{
	store_case_clear(&h->c);
	store_cols_clear(store_case_hit_cols, h);
	memset(h, 0, sizeof *h);
}

void store_case_hit_list_free(struct store_case_hit_list *l)
{
	STORE_LIST_FREE(l, store_case_hit_clear);
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

/* A row of CASE_HIT_COLS: the case's columns, then what names it. */
void store_case_hit_row(sqlite3_stmt *q, void *out)
{
	struct store_case_hit *h = out;
	store_cols_read(q, 0, store_case_cols, &h->c);
	store_cols_read(q, 8, store_case_hit_cols, h);
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
	char *pat = text && *text ? like_pattern(text) : NULL;
	sqlite3_stmt *q = store_query(st, sql, err, "niL", pat, latest_only ? 1 : 0, limit);
	enum kaigi_status s = STORE_LIST(st, q, out, store_case_hit_row, "searching cases", err);
	free(pat);
	if (s != KAIGI_OK)
		store_case_hit_list_free(out);
	return s;
}

/* ---- phase timings ------------------------------------------------------ */

enum kaigi_status store_phase_write(struct store *st, const char *case_id, const char *phase,
				    int ord, int planned_sec, int actual_sec, struct store_write *w,
				    struct kaigi_error *err)
{
	return store_write_fmt(st, store_upsert_sql(&store_phase_upsert), w, "saving a phase time",
			       err, "ttikk", case_id, phase, ord, (long long)planned_sec,
			       (long long)actual_sec);
}

enum kaigi_status store_phase_set(struct store *st, const char *case_id, const char *phase, int ord,
				  int planned_sec, int actual_sec, struct kaigi_error *err)
{
	return store_phase_write(st, case_id, phase, ord, planned_sec, actual_sec,
				 &(struct store_write){0}, err);
}

static void phase_clear(struct store_phase *e)
{
	store_cols_clear(store_phase_cols, e);
}

void store_phase_list_free(struct store_phase_list *l)
{
	STORE_LIST_FREE(l, phase_clear);
}

enum kaigi_status store_phase_list(struct store *st, const char *case_id,
				   struct store_phase_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT phase, ord, planned_sec, actual_sec FROM phase_timing "
				  "WHERE case_id = ?1 ORDER BY ord, phase";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "t", case_id);
	return STORE_LIST_COLS(st, q, out, store_phase_cols, NULL, "reading phase times", err);
}

enum kaigi_status store_meeting_time_used(struct store *st, const char *meeting_id,
					  const char *except_case, long long *seconds,
					  struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT ifnull(sum(t.actual_sec), 0) FROM phase_timing t JOIN case_review c ON "
	    "c.id = t.case_id WHERE c.meeting_id = ?1 AND c.id IS NOT ?2";
	*seconds = 0;
	sqlite3_stmt *q = store_query(st, sql, err, "tn", meeting_id, except_case);
	return store_int64(st, q, seconds, "reading the meeting's time", err);
}
