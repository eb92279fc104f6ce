/* SPDX-License-Identifier: MIT */
/*
 * identity.h — who a person is: name, kana, birth date, address, phone and
 * insured number (被保険者番号), kept apart from the pseudonymous `person`
 * row (db/004_identity.sql) and read only by outputs with names and by the
 * UI; and the scrubbing contexts built from them, which every anonymised
 * output hands to scrub_text() (kaigi/scrub.h).
 */
#ifndef KAIGI_IDENTITY_H
#define KAIGI_IDENTITY_H

#include <stdbool.h>

#include "kaigi/error.h"
#include "kaigi/scrub.h"
#include "kaigi/store.h"

/* The identity fields, in the order they are shown and exported. */
enum store_identity_field {
	IDENTITY_NAME,
	IDENTITY_KANA,
	IDENTITY_BIRTH_DATE,
	IDENTITY_ADDRESS,
	IDENTITY_PHONE,
	IDENTITY_INSURED_NO,
	IDENTITY_FIELD_COUNT
};
/* The key of a field in record files and CSV ("name", "insured_no" …). */
const char *store_identity_key(enum store_identity_field f);

/* Every value is NULL when not recorded; the struct owns them. */
struct store_identity {
	char *v[IDENTITY_FIELD_COUNT];
};
void store_identity_clear(struct store_identity *id);
/* True when no value is recorded. */
bool store_identity_empty(const struct store_identity *id);

/* The identity of person_id (all NULL when none is recorded). */
enum kaigi_status store_identity_get(struct store *st, const char *person_id,
				     struct store_identity *out, struct kaigi_error *err);
/* Replace the identity of person_id; all NULL or "" deletes it.  A birth
 * date must be YYYY-MM-DD (KAIGI_EDATA otherwise). */
enum kaigi_status store_identity_save(struct store *st, const char *person_id,
				      const struct store_identity *id, struct kaigi_error *err);
/* Check one value of field f as it would be saved: NULL when fine, else a
 * reason (static English text). */
const char *store_identity_check(enum store_identity_field f, const char *value);

/* The scrub person of id (pointers into id). */
struct scrub_person store_identity_scrub_person(const struct store_identity *id);
/* A scrubbing context that knows the people of meeting_id's cases (or of
 * every case when meeting_id is NULL — the whole database).  Caller frees
 * with scrub_ctx_free(). */
enum kaigi_status store_scrub_ctx_meeting(struct store *st, const char *meeting_id,
					  struct scrub_ctx **out, struct kaigi_error *err);
/* A scrubbing context for one person (person_id may be NULL or "": the
 * patterns for anyone only).  Caller frees. */
enum kaigi_status store_scrub_ctx_person(struct store *st, const char *person_id,
					 struct scrub_ctx **out, struct kaigi_error *err);

#endif
