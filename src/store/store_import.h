/* SPDX-License-Identifier: MIT */
/*
 * store_import.h — the importer's shared state and helpers (internal to
 * src/store): store_import.c walks meetings, people and cases;
 * store_import_record.c the records and their answers.
 */
#ifndef KAIGI_STORE_IMPORT_H
#define KAIGI_STORE_IMPORT_H

#include "kaigi/store_exchange.h"
#include "store_import_yaml.h"
#include "store_validate.h"

/* A case's `follows:` is resolved at the end: it may name a later case. */
struct follow_ref {
	char case_id[STORE_ID_SIZE];
	char follows[STORE_ID_SIZE];
	const char *file;
	int line, col;
};

/* What this import has read, by key (store_import_seen.c). */
struct imp_seen {
	struct seen_entry *v;
	size_t n, cap;
};

struct imp {
	struct store *st;
	struct ywalk w;
	struct store_import_stats *stats;
	long long now;
	struct follow_ref *follows;
	size_t nfollows, capfollows;
	struct imp_seen seen;
};

/* Remember kind/value read at n (what: what it said, or NULL).  False
 * (reported) when this file gave it before, or another file of the import
 * said something else about it. */
bool imp_seen_check(struct imp *im, const char *kind, const char *value, const char *what,
		    const yaml_node_t *n);
void imp_seen_free(struct imp *im);

/* Link every follows: read (store_import_follows.c): the review named must
 * be of the same person and earlier; reported at the follows: otherwise. */
void imp_resolve_follows(struct imp *im, struct kaigi_diags *diags);

/* Report a database error at n; environment errors stop the import. */
void imp_db_error(struct imp *im, const yaml_node_t *n, int rc, const char *what);
/* A cached statement, or NULL (reported, import stopped). */
sqlite3_stmt *imp_stmt(struct imp *im, const char *sql);
/* Step a write and count its changes; false (reported at n) on failure. */
bool imp_step_write(struct imp *im, sqlite3_stmt *q, const yaml_node_t *n, const char *what);
/* One id by a query of up to three text keys ("" when none); false when
 * the query failed or matched several rows (reported at n). */
bool imp_find_id(struct imp *im, const char *sql, const char *a, const char *b, const char *c,
		 char out[STORE_ID_SIZE], const yaml_node_t *n);
/* The id of an entity: the one given at idnode (checked), else found, else
 * a new UUID. */
void imp_take_id(struct imp *im, const yaml_node_t *idnode, const char *found,
		 char out[STORE_ID_SIZE]);

/* The id of an entity: the valid UUID given at idnode, else the one its
 * natural key finds (sql with up to three keys), else a new one.  False
 * when the lookup failed or was ambiguous (reported at n). */
bool imp_resolve_id(struct imp *im, const yaml_node_t *idnode, const char *sql, const char *a,
		    const char *b, const char *c, char out[STORE_ID_SIZE], const yaml_node_t *n);

/* Import one record (a mapping) of a case, or of the meeting when case_id
 * is NULL. */
void imp_record(struct imp *im, const yaml_node_t *n, const char *meeting_id, const char *case_id);
/* The identity keys of person person_id, given as the nodes v[0..5] in
 * enum store_identity_field order (NULL when absent); n is the person. */
void imp_identity(struct imp *im, const yaml_node_t *n, const char *person_id,
		  yaml_node_t *const *v);

/* store_import_policy.c: a register issue's measure (v: its ten keys from
 * measure to result_date, in that order), and one issue of a meeting's
 * agenda. */
void imp_issue_measure(struct imp *im, const yaml_node_t *n, const char *id, yaml_node_t *const *v);
void imp_agenda_item(struct imp *im, const yaml_node_t *n, const char *meeting_id, size_t ord);

#endif
