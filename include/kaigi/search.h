/* SPDX-License-Identifier: MIT */
/*
 * search.h — full-text search of the answers and the meetings' texts, over
 * the FTS5 index of bigrams (db/004_speed.sql; src/store/store_search.c).
 */
#ifndef KAIGI_SEARCH_H
#define KAIGI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/store.h"

/* ---- full-text search ------------------------------------------------- */

/* Where a text was found: an answer of a record, or a text of a meeting. */
struct store_text_hit {
	char meeting_id[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];   /* "" for a meeting's own text or record */
	char record_id[STORE_ID_SIZE]; /* "" for a meeting's text (title, purpose …) */
	char *meeting_date, *meeting_title;
	char *person_code;        /* NULL without a case */
	char *form;               /* NULL for a meeting's text */
	char *field, *item, *col; /* the answer's path; field = the meeting column */
	char *text;
	bool sensitive; /* the field is marked sensitive: mask it unless names are on */
};
STORE_LIST_TYPE(store_text_hit_list, struct store_text_hit);
void store_text_hit_list_free(struct store_text_hit_list *l);

enum store_search_mode {
	STORE_SEARCH_INDEX, /* the index was used (always: every word is indexed) */
	STORE_SEARCH_SCAN,  /* every text was read (no longer happens) */
};

/*
 * Free-text answers and meeting texts that contain every word of query
 * (words split at spaces, ASCII or 全角), newest meeting first, at most
 * limit (0: all).  Every word is looked up in the FTS5 index of bigrams
 * (db/004_speed.sql): a word of two or more characters as a phrase
 * of its bigrams, a single character as a prefix.  Hits are ordered and cut
 * to the limit before they are joined to their meetings.  *mode (may be
 * NULL) is STORE_SEARCH_INDEX.  ASCII letters match either case.
 * KAIGI_EUSAGE for an empty query.
 */
enum kaigi_status store_text_search(struct store *st, const char *query, size_t limit,
				    struct store_text_hit_list *out, enum store_search_mode *mode,
				    struct kaigi_error *err);
/* Whether query has a word to look up in the index (any word, since the
 * index holds bigrams). */
bool store_text_search_indexed(const char *query);
/* "form › field › column" labels of where h was found, in lang.  Caller
 * frees. */
char *store_text_hit_place(const struct store *st, const struct store_text_hit *h,
			   const char *lang);

#endif
