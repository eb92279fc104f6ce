/* SPDX-License-Identifier: MIT */
/*
 * store_import.h — the importer's shared state and helpers (internal to
 * src/store): store_import.c reads the files in one transaction;
 * store_import_table.c reads an entity's mapping by its table of keys;
 * store_import_entity.c the entities (people, regional issues, meetings
 * and all in them); store_import_record.c a record and its answers;
 * store_import_base.c the helpers they share (reporting, statements, ids);
 * store_import_seen.c what the import has read; store_import_follows.c
 * links follow-ups at the end.
 */
#ifndef KAIGI_STORE_IMPORT_H
#define KAIGI_STORE_IMPORT_H

#include "kaigi/store_exchange.h"
#include "kaigi/strmap.h"
#include "kaigi/yaml_doc.h"
#include "store_validate.h"

/* A case's `follows:` is resolved at the end: it may name a later case. */
struct follow_ref {
	char case_id[STORE_ID_SIZE];
	char follows[STORE_ID_SIZE];
	const char *file;
	int line, col;
};

struct imp {
	struct store *st;
	struct ydoc w;
	struct store_import_stats *stats;
	long long now;
	struct follow_ref *follows;
	size_t nfollows, capfollows;
	struct strmap seen;       /* what it has read, by key (store_import_seen.c) */
	struct store_write merge; /* the write in hand (imp_merge) */
	struct kaigi_error err;   /* and its error */
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

/*
 * An entity of a record file is read by a table of its keys: each key's kind
 * says how its value is checked (messages at FILE:LINE:COL), and off the
 * member of the entity's row struct it fills; the row is then written by
 * the entity's write function (store_internal.h), as a screen's save is.
 */
enum imp_kind {
	IMP_TEXT,   /* any text */
	IMP_DATE,   /* a date YYYY-MM-DD */
	IMP_TIME,   /* a time HH:MM */
	IMP_INT,    /* a whole number from lo to hi */
	IMP_NUMBER, /* a number */
	IMP_ENUM,   /* one of allowed */
	IMP_YESNO,  /* true or yes, false or no */
	IMP_NODE,   /* left to the caller (an id, a list of children) */
};

struct imp_key {
	const char *key;
	enum imp_kind kind;
	/* Where the checked value goes: the column's member in the entity's
	 * row struct (char * for text, int for IMP_INT and IMP_YESNO, double
	 * for IMP_NUMBER with has, a bool member saying it is given), or 0 —
	 * offset 0 is every row's id, never a key's. */
	size_t off, has;
	const char *const *allowed; /* IMP_ENUM: NULL-terminated */
	long long lo, hi;           /* IMP_INT */
	const char *what;           /* its name in messages, when not key */
};

#define IMP_MAX_KEYS 20

struct imp_entity {
	const char *what;           /* "a person", for the mapping's messages */
	const struct imp_key *keys; /* up to IMP_MAX_KEYS, ended by {0} */
	/* When keys[0] must be given: what to say (at the mapping) if not. */
	const char *missing;
};

/* One key's value as read. */
struct imp_val {
	yaml_node_t *node; /* NULL when the key is absent */
	const char *text;  /* the checked text; NULL when absent or refused */
	long long num;     /* IMP_INT, IMP_YESNO */
	double real;       /* IMP_NUMBER */
	bool ok;           /* given and passed its check */
};

/* Read mapping n by e's table into v (one per key), checking every value.
 * False (reported) when n is not a mapping or the required key is
 * missing. */
bool imp_read(struct imp *im, const yaml_node_t *n, const struct imp_entity *e, struct imp_val *v);
/* Put the checked values into the entity's row struct (imp_key.off). */
void imp_fill(const struct imp_entity *e, const struct imp_val *v, void *row);
/* The regional issue that ref names (by id or title) in *id; false
 * (reported) when there is none. */
bool imp_issue_ref(struct imp *im, const struct imp_val *ref, char id[STORE_ID_SIZE]);
/* Read the whole of one record file. */
void imp_document(struct imp *im, yaml_document_t *doc);

/* Report err at n; environment errors stop the import. */
void imp_fail(struct imp *im, const yaml_node_t *n, const struct kaigi_error *err);
/* What an entity's write function (store_internal.h) is handed, with
 * &im->err: a merge at the import's time. */
struct store_write *imp_merge(struct imp *im);
/* After that write function returned s: count its changes, or report its
 * failure at n (false). */
bool imp_wrote(struct imp *im, const yaml_node_t *n, enum kaigi_status s);
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

#endif
