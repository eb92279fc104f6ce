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
	const char *val[IDENTITY_FIELD_COUNT];
	bool any = false;
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++) {
		val[i] = ydoc_text(&im->w, v[i].node, store_identity_key(i));
		const char *why = store_identity_check(i, val[i]);
		if (why) {
			ydoc_error(&im->w, v[i].node, "%s, not '%s'", why, val[i]);
			return;
		}
		any |= val[i] && *val[i];
	}
	if (!any)
		return;
	struct store_identity id = {0};
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		id.v[i] = (char *)val[i]; /* borrowed from the document; never cleared */
	struct store_write w = {.merge = true, .now = im->now};
	struct kaigi_error err;
	imp_wrote(im, n, store_identity_write(im->st, person_id, &id, &w, &err), &w, &err);
}
