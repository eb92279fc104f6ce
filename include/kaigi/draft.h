/* SPDX-License-Identifier: MIT */
/*
 * draft.h — text being typed, or refused by the form, kept in the database
 * apart from the answers (db/004_drafts.sql).
 *
 * The UI puts what is being typed here within a second of the last key, and
 * a refused value when the field is left, so neither a crash nor a refusal
 * throws typed text away.  A draft is keyed by its page's scope (a form
 * record's id, or "<kind>:<id>") and the answer's path.  Saving the answer
 * deletes the draft.  Every write is its own durable transaction
 * (synchronous=FULL, like every save); drafts never reach the audit trail,
 * the exports or the reports.
 */
#ifndef KAIGI_DRAFT_H
#define KAIGI_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/store.h"

struct store_draft {
	char *scope;
	char *field;
	char *item; /* "" for none */
	char *col;  /* "" for none */
	char *text;
	bool refused;
	char *reason; /* why the form refused it, or NULL */
	long long updated;
};

/* Where a draft belongs: scope, the record (NULL when the scope is not a
 * form record), and the answer's path (item, col NULL or ""). */
struct store_draft_key {
	const char *scope;
	const char *record_id;
	const char *field;
	const char *item;
	const char *col;
};

/* Put (insert or replace) the draft at key. */
enum kaigi_status store_draft_put(struct store *st, const struct store_draft_key *key,
				  const char *text, bool refused, const char *reason,
				  struct kaigi_error *err);
/* Delete the draft at key (none is fine). */
enum kaigi_status store_draft_delete(struct store *st, const struct store_draft_key *key,
				     struct kaigi_error *err);
/* The drafts of scope, oldest first.  *out is an array of *n (caller frees
 * with store_drafts_free). */
enum kaigi_status store_draft_list(struct store *st, const char *scope, struct store_draft **out,
				   size_t *n, struct kaigi_error *err);
void store_drafts_free(struct store_draft *v, size_t n);
/* How many drafts the records of case hold (typed but not saved, or
 * refused): the close check asks about them. */
enum kaigi_status store_draft_count_case(struct store *st, const char *case_id, size_t *n,
					 struct kaigi_error *err);
/* How many drafts the database holds. */
enum kaigi_status store_draft_count(struct store *st, size_t *n, struct kaigi_error *err);

#endif
