/* SPDX-License-Identifier: MIT */
/*
 * case_open.h — opening a case review for the room, in one call: what the
 * running-case screen reads and makes before it shows the first section
 * (src/store/store_case_open.c).
 */
#ifndef KAIGI_CASE_OPEN_H
#define KAIGI_CASE_OPEN_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/followup.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

/* One form of the meeting's template and the case's record of it. */
struct store_case_form {
	const struct schema_form *form; /* borrowed from the forms */
	char record_id[STORE_ID_SIZE];  /* "" when there is none (or it could not be made) */
};

/* A case review opened by store_case_open(); cleared by
 * store_case_open_clear().  A caller may take m, c and p over (copy them
 * out and zero them here). */
struct store_case_open {
	struct store_meeting m;
	struct store_case c; /* person_code and meeting_date filled */
	struct store_person p;
	const struct schema_meeting *tpl; /* the meeting's template; NULL when not installed */
	size_t case_no, ncases;           /* its place on the agenda (1-based; 0: unread) */
	struct store_prefill prefilled;   /* what a follow-up started with (records 0: nothing) */
	struct store_case_form *forms;    /* installed forms of the template, in its order */
	size_t nforms;
	struct store_case prev; /* the review it follows (id "" when none or unreadable) */
};
void store_case_open_clear(struct store_case_open *o);

/*
 * Open case_id of meeting_id: read the meeting, the case and its person
 * (KAIGI_EDATA when one is absent; *out is then empty), find the meeting's
 * template in the store's forms (when it is not installed: KAIGI_OK with
 * tpl NULL and nothing more) and the case's place on the agenda.  Unless
 * look_only, start a follow-up from the review it follows
 * (store_followup_prefill: made once) and make the record of each of the
 * template's installed forms, at most max_forms (store_record_ensure);
 * look_only, find the records that exist and make nothing.  Last, read the
 * review it follows.  A follow-up or a form that fails does not stop the
 * opening: its error goes to warnings (in that order) and that form's
 * record_id is "".
 */
enum kaigi_status store_case_open(struct store *st, const char *meeting_id, const char *case_id,
				  bool look_only, size_t max_forms, struct store_case_open *out,
				  struct kaigi_diags *warnings, struct kaigi_error *err);

#endif
