// SPDX-License-Identifier: MIT
/*
 * store_import_identity.c — a person's identity keys in a record file
 * (name, kana, birth_date, address, phone, insured_no: doc/records.md),
 * written to person_identity, apart from the pseudonymous person.
 */
#include "kaigi/identity.h"
#include "store_import.h"

/* The identity keys of a person (name … insured_no): given ones
 * replace what is stored, absent ones keep it. */
void imp_identity(struct imp *im, const yaml_node_t *n, const char *person_id,
		  const struct imp_val *v)
{
	static const char sql[] =
	    "INSERT INTO person_identity (person_id, name, kana, birth_date, address, phone, "
	    "insured_no, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
	    "ON CONFLICT (person_id) DO UPDATE SET name = coalesce(?2, name), kana = "
	    "coalesce(?3, kana), birth_date = coalesce(?4, birth_date), address = coalesce(?5, "
	    "address), phone = coalesce(?6, phone), insured_no = coalesce(?7, insured_no), "
	    "updated = ?8 WHERE (name, kana, birth_date, address, phone, insured_no) IS NOT "
	    "(coalesce(?2, name), coalesce(?3, kana), coalesce(?4, birth_date), coalesce(?5, "
	    "address), coalesce(?6, phone), coalesce(?7, insured_no))";
	const char *val[IDENTITY_FIELD_COUNT];
	bool any = false;
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++) {
		val[i] = ywalk_text(&im->w, v[i].node, store_identity_key(i));
		const char *why = store_identity_check(i, val[i]);
		if (why) {
			ywalk_error(&im->w, v[i].node, "%s, not '%s'", why, val[i]);
			return;
		}
		any |= val[i] && *val[i];
	}
	if (!any)
		return;
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, person_id, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		store_bind_text_or_null(q, 2 + i, val[i]);
	sqlite3_bind_int64(q, 8, im->now);
	imp_step_write(im, q, n, "saving a person's identity");
}
