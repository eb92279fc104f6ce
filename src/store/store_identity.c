// SPDX-License-Identifier: MIT
/*
 * store_identity.c — a person's identity (person_identity, db/006) and the
 * scrubbing contexts built from it for anonymised outputs.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/identity.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

const char *store_identity_key(enum store_identity_field f)
{
	static const char *const keys[IDENTITY_FIELD_COUNT] = {
	    "name", "kana", "birth_date", "address", "phone", "insured_no",
	};
	return f < IDENTITY_FIELD_COUNT ? keys[f] : "";
}

void store_identity_clear(struct store_identity *id)
{
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		free(id->v[i]);
	memset(id, 0, sizeof *id);
}

bool store_identity_empty(const struct store_identity *id)
{
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		if (id->v[i] && *id->v[i])
			return false;
	return true;
}

const char *store_identity_check(enum store_identity_field f, const char *value)
{
	if (!value || !*value)
		return NULL;
	if (f == IDENTITY_BIRTH_DATE && !store_date_valid(value))
		return "a birth date is written YYYY-MM-DD";
	return NULL;
}

/* The identity fields, in their order, from columns 0… */
static void identity_row(sqlite3_stmt *q, void *out)
{
	struct store_identity *id = out;
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		id->v[i] = store_column_strdup(q, i);
}

enum kaigi_status store_identity_get(struct store *st, const char *person_id,
				     struct store_identity *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT name, kana, birth_date, address, phone, insured_no "
				  "FROM person_identity WHERE person_id = ?1";
	store_identity_clear(out);
	sqlite3_stmt *q = store_query(st, sql, err, "n", person_id);
	return store_one(st, q, identity_row, out, "reading a person's identity", NULL, NULL, err);
}

enum kaigi_status store_identity_write(struct store *st, const char *person_id,
				       const struct store_identity *id, struct store_write *w,
				       struct kaigi_error *err)
{
	/* ?2…?7: the identity fields in their order. */
	_Static_assert(IDENTITY_FIELD_COUNT == 6, "one parameter per identity field");
	const char *const *v = (const char *const *)id->v;
	return store_write_fmt(st, store_upsert_sql(&store_identity_upsert), w,
			       "saving a person's identity", err, "tnnnnnn", person_id, v[0], v[1],
			       v[2], v[3], v[4], v[5]);
}

enum kaigi_status store_identity_save(struct store *st, const char *person_id,
				      const struct store_identity *id, struct kaigi_error *err)
{
	static const char del[] = "DELETE FROM person_identity WHERE person_id = ?1";
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++) {
		const char *why = store_identity_check(i, id->v[i]);
		if (why)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s, not '%s'", why,
					       id->v[i]);
	}
	if (store_identity_empty(id))
		return store_delete_id(st, del, person_id, "deleting a person's identity", err);
	return store_identity_write(st, person_id, id, &(struct store_write){0}, err);
}

struct scrub_person store_identity_scrub_person(const struct store_identity *id)
{
	return (struct scrub_person){
	    .name = id->v[IDENTITY_NAME],
	    .kana = id->v[IDENTITY_KANA],
	    .birth_date = id->v[IDENTITY_BIRTH_DATE],
	    .address = id->v[IDENTITY_ADDRESS],
	    .phone = id->v[IDENTITY_PHONE],
	    .insured_no = id->v[IDENTITY_INSURED_NO],
	};
}

/* Add the person of a row of identity fields to the scrubbing context. */
static void ctx_add_row(sqlite3_stmt *q, void *arg)
{
	struct scrub_ctx *ctx = arg;
	struct store_identity id = {0};
	identity_row(q, &id);
	struct scrub_person p = store_identity_scrub_person(&id);
	struct kaigi_error ignored;
	/* a value that makes no pattern is skipped; the others still apply */
	(void)scrub_ctx_person_add(ctx, &p, &ignored);
	store_identity_clear(&id);
}

/* A scrubbing context of the people of q's rows (none when !any). */
static enum kaigi_status ctx_of_rows(struct store *st, sqlite3_stmt *q, bool any,
				     struct scrub_ctx **out, struct kaigi_error *err)
{
	*out = scrub_ctx_new();
	enum kaigi_status s =
	    any ? store_each(st, q, ctx_add_row, *out, "reading identities", err) : KAIGI_OK;
	if (s != KAIGI_OK) {
		scrub_ctx_free(*out);
		*out = NULL;
	}
	return s;
}

enum kaigi_status store_scrub_ctx_meeting(struct store *st, const char *meeting_id,
					  struct scrub_ctx **out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT name, kana, birth_date, address, phone, insured_no FROM person_identity "
	    "WHERE ?1 IS NULL OR person_id IN (SELECT person_id FROM case_review WHERE "
	    "meeting_id = ?1)";
	return ctx_of_rows(st, store_query(st, sql, err, "n", meeting_id), true, out, err);
}

enum kaigi_status store_scrub_ctx_person(struct store *st, const char *person_id,
					 struct scrub_ctx **out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT name, kana, birth_date, address, phone, insured_no "
				  "FROM person_identity WHERE person_id = ?1";
	bool any = person_id && *person_id;
	sqlite3_stmt *q = any ? store_query(st, sql, err, "t", person_id) : NULL;
	return ctx_of_rows(st, q, any, out, err);
}
