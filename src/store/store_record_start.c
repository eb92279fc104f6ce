// SPDX-License-Identifier: MIT
/*
 * store_record_start.c — a meeting's record of a form, found or made
 * (store_record_ensure); a case's new record starts with what the room has
 * already said.
 *
 * When a case is added (ui_meeting_agenda.c) the facilitator types the
 * person's initials, sex and age band, and the meeting has a date.  The
 * case sheet asks for the same things again; typing them twice under time
 * pressure costs keys and invites the two to disagree.  So a record made
 * for a case (store_record_ensure) is filled, in the same transaction,
 * with those facts in the form's fields of the same id — initials, sex,
 * age_band, area — plus age when the band is a plain number (82), and the
 * meeting's date in conference_date or meeting_date.  A value the field
 * does not take (sex X where the form offers F and M) is left out, and
 * nothing is written over: the record is new.  Import writes records as
 * the file says and does not come here.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

struct fact {
	const char *field;
	const char *value;
};

/* Write value to the top-level field id when the form has it and takes
 * the value; a refusal is not an error (the room can type it). */
static enum kaigi_status put(struct store *st, const char *record_id,
			     const struct schema_form *form, const char *id, const char *value,
			     long long now, struct kaigi_error *err)
{
	const struct schema_field *f = schema_field_find(form, id);
	if (!f || !value || !*value || f->type == SCHEMA_CALCULATE || f->type == SCHEMA_GRID ||
	    f->type == SCHEMA_LIST)
		return KAIGI_OK;
	struct kaigi_value v = {0};
	struct kaigi_error ignored;
	if (schema_value_parse(f, NULL, value, &v, &ignored) != KAIGI_OK || v.type == KAIGI_NULL) {
		kaigi_value_clear(&v);
		return KAIGI_OK;
	}
	struct store_path path = {id, NULL, NULL};
	enum kaigi_status s = store_answer_write(st, record_id, &path, &v, now, NULL, err);
	kaigi_value_clear(&v);
	return s;
}

enum kaigi_status store_record_start(struct store *st, const char *record_id,
				     const struct schema_form *form, const char *case_id,
				     struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT p.initials, p.sex, p.age_band, p.area, m.date FROM case_review c JOIN "
	    "person p ON p.id = c.person_id JOIN meeting m ON m.id = c.meeting_id WHERE c.id = ?1";
	if (!case_id)
		return KAIGI_OK;
	sqlite3_stmt *q = store_query(st, sql, err, "t", case_id);
	if (!q)
		return err->status;
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(q);
		return rc == SQLITE_DONE ? KAIGI_OK : store_fail(st, rc, err, "reading a case");
	}
	char *col[5];
	for (int i = 0; i < 5; i++)
		col[i] = xstrdup_or_null((const char *)sqlite3_column_text(q, i));
	sqlite3_reset(q);
	const struct fact facts[] = {
	    {"initials", col[0]},        {"sex", col[1]},
	    {"age_band", col[2]},        {"area", col[3]},
	    {"conference_date", col[4]}, {"meeting_date", col[4]},
	};
	long long now = store_now_ms();
	enum kaigi_status s = KAIGI_OK;
	for (size_t i = 0; i < sizeof facts / sizeof facts[0] && s == KAIGI_OK; i++)
		s = put(st, record_id, form, facts[i].field, facts[i].value, now, err);
	/* A band typed as an age ("82") is the age too. */
	if (s == KAIGI_OK)
		s = put(st, record_id, form, "age", col[2], now, err);
	for (int i = 0; i < 5; i++)
		free(col[i]);
	return s;
}

enum kaigi_status store_record_ensure(struct store *st, const char *meeting_id, const char *case_id,
				      const char *form, char id[STORE_ID_SIZE],
				      struct kaigi_error *err)
{
	static const char find[] = "SELECT id FROM form_record WHERE meeting_id = ?1 AND "
				   "ifnull(case_id, '') = ifnull(?2, '') AND form = ?3";
	const struct schema_form *f = st->forms ? schema_form_find(st->forms, form) : NULL;
	if (!f)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "form %s is not installed",
				       form);
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_query(st, find, err, "tnt", meeting_id, case_id, form);
	id[0] = '\0';
	s = store_one(st, q, store_row_id, id, "reading a record", NULL, NULL, err);
	if (s != KAIGI_OK || id[0])
		return store_end(st, s, err);
	store_uuid_new(id);
	const struct store_record_row row = {id, meeting_id, case_id, form, f->version};
	s = store_record_write(st, &row, &(struct store_write){0}, err);
	if (s == KAIGI_OK)
		s = store_record_start(st, id, f, case_id, err);
	return store_end(st, s, err);
}
