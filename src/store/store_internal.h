/* SPDX-License-Identifier: MIT */
/*
 * store_internal.h — what the files of src/store share and nobody else sees:
 * the store itself, the prepared-statement cache, transactions, and the
 * mapping of SQLite errors to kaigi statuses.
 */
#ifndef KAIGI_STORE_INTERNAL_H
#define KAIGI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>

#include "kaigi/register.h"
#include "kaigi/store.h"

/* PRAGMA application_id of a kaigi database: "KAIG". */
#define STORE_APPLICATION_ID 0x4b414947

/* From db_migrations.c, generated from db/NNN_*.sql at build time. */
extern const size_t kaigi_migration_count;
extern const char *const kaigi_migration_name[];
extern const char *const kaigi_migration_sql[];

struct store_stmt_slot {
	const char *sql; /* a string literal: the cache key is its address */
	sqlite3_stmt *stmt;
};

#define STORE_STMT_CACHE 96

struct store {
	sqlite3 *db;
	char *path;
	bool read_only;
	const struct schema_set *forms;
	char *actor;
	char lang[3];
	int txn_depth;   /* >0 while a transaction is open (import nests) */
	bool txn_failed; /* an inner step failed: the outer must roll back */
	struct store_stmt_slot stmts[STORE_STMT_CACHE];
	size_t nstmts;
	char notice[600];        /* said once by the caller: modes tightened, or could not be */
	bool (*stop_fn)(void *); /* store_stop_when: a read gives way */
	void *stop_ctx;
	bool stopped;
	int wal_pages;          /* pages in the log not yet checkpointed (store_wal.c) */
	long long idle_changes; /* sqlite3_total_changes64 after the last store_idle */
	void *sync_session;     /* sqlite3_session capturing this site's changes */
	bool sync_paused;       /* applying a bundle: nothing is captured */
	char sync_site[37];     /* this site's id ("" until read) */
	const struct store_txn_log *txn_log; /* NULL until the change log starts */
};

/* What store_end tells the change log, which installs it when it starts
 * capturing (store_sync_open): capture, inside the outermost transaction
 * before COMMIT, what it changed; discard, after a ROLLBACK or a failed
 * COMMIT, what was recorded.  The transaction knows the log only through
 * this, so the SQL helpers call nothing above them. */
struct store_txn_log {
	enum kaigi_status (*capture)(struct store *st, struct kaigi_error *err);
	void (*discard)(struct store *st);
};

/*
 * A cached statement for sql, reset and with bindings cleared; NULL with
 * err filled on failure.  The store owns it.
 */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct kaigi_error *err);

/*
 * store_stmt for sql with its parameters ?1… bound from the arguments, one
 * a letter of fmt: 't' a text bound as it is (NULL: NULL), 'n' a text,
 * NULL for NULL or "", 'i' an int, 'I' a long long, 'k' a long long left
 * NULL when negative, 'L' a limit (size_t; 0: none, bound -1), 'P' a
 * struct store_period * taking three parameters (store_bind_period, only
 * first).  In the manner of fossil's db_prepare: one call instead of a
 * line a parameter.  store_bind_fmt binds so from a va_list.
 */
sqlite3_stmt *store_query(struct store *st, const char *sql, struct kaigi_error *err,
			  const char *fmt, ...);
void store_bind_fmt(sqlite3_stmt *q, const char *fmt, va_list *ap);
/*
 * Two letters more take two arguments, a text and a value, and bind the
 * text when it is not NULL, else the value (NULL: NULL): 'S' an
 * sqlite3_value *, 'V' a struct kaigi_value *.  store_bind_args binds q
 * so from its arguments; store_run_fmt prepares sql (not cached: it may
 * be made on the fly), binds it so, runs it once and finalizes it:
 * KAIGI_OK when it ran to its end, else store_fail(what).
 */
void store_bind_args(sqlite3_stmt *q, const char *fmt, ...);
enum kaigi_status store_run_fmt(struct store *st, const char *sql, const char *what,
				struct kaigi_error *err, const char *fmt, ...);

/* Fill err from an SQLite result code (and the connection's message),
 * choosing the status: environment for busy, full, read-only, I/O, not a
 * database, corrupt; data for constraints.  what says what was being done. */
enum kaigi_status store_fail(struct store *st, int rc, struct kaigi_error *err, const char *what);

/* Run sql (no results wanted). */
enum kaigi_status store_exec(struct store *st, const char *sql, struct kaigi_error *err);

/* Run one write statement in its own transaction; bind fills its
 * parameters.  what names the write in an error ("saving a case"). */
enum kaigi_status store_write1(struct store *st, const char *sql,
			       void (*bind)(sqlite3_stmt *q, const void *arg), const void *arg,
			       const char *what, struct kaigi_error *err);
/* store_write1 for a statement whose one parameter ?1 is id. */
enum kaigi_status store_delete_id(struct store *st, const char *sql, const char *id,
				  const char *what, struct kaigi_error *err);

/*
 * Reads in the manner of fossil's db_*: the caller prepares (store_stmt)
 * and binds; these step, hand each row to a row function, reset the
 * statement and map a failed step to store_fail(what).  Given q NULL (the
 * statement could not be made: store_stmt or store_query filled err),
 * they, and store_step, return err->status.
 */

/* Fill what the current row of q holds into out. */
typedef void (*store_row_fn)(sqlite3_stmt *q, void *out);

/* Each row of q to row(q, ctx), to the end. */
enum kaigi_status store_each(struct store *st, sqlite3_stmt *q, store_row_fn row, void *ctx,
			     const char *what, struct kaigi_error *err);

/*
 * The rows of q as an array: for each row an element of size bytes, zeroed,
 * is appended to the array at *(T **)v, of *n elements (NULL and 0 at the
 * start), and filled by row.  On failure the rows read so far stay there
 * for the caller's *_list_free.  STORE_LIST does it for a list struct of
 * the usual {T *v; size_t n;} shape.
 */
enum kaigi_status store_list(struct store *st, sqlite3_stmt *q, void *v, size_t *n, size_t size,
			     store_row_fn row, const char *what, struct kaigi_error *err);
#define STORE_LIST(st, q, list, row, what, err)                                                    \
	store_list(st, q, &(list)->v, &(list)->n, sizeof *(list)->v, row, what, err)

struct store_col; /* below */

/* STORE_LIST, into a list empty at the start, for rows a column table
 * describes (store_rows.c): each read by store_cols_read, then by post
 * (when not NULL) for what the table does not say; failing, the rows read
 * are freed (store_cols_clear) and the list left empty, so the caller has
 * no *_list_free to call. */
#define STORE_LIST_COLS(st, q, list, cols, post, what, err)                                        \
	store_list_cols(st, q, &(list)->v, &(list)->n, sizeof *(list)->v, cols, post, what, err)
enum kaigi_status store_list_cols(struct store *st, sqlite3_stmt *q, void *v, size_t *n,
				  size_t size, const struct store_col *cols, store_row_fn post,
				  const char *what, struct kaigi_error *err);

/* store_list for sql whose one parameter ?1 is key: the rows of key. */
enum kaigi_status store_list_id(struct store *st, const char *sql, const char *key, void *v,
				size_t *n, size_t size, store_row_fn row, const char *what,
				struct kaigi_error *err);
#define STORE_LIST_ID(st, sql, key, list, row, what, err)                                          \
	store_list_id(st, sql, key, &(list)->v, &(list)->n, sizeof *(list)->v, row, what, err)

/* Free a list of the usual {T *v; size_t n;} shape, each element by clear
 * (void clear(T *)), and leave it empty: the body of every *_list_free. */
#define STORE_LIST_FREE(list, clear)                                                               \
	do {                                                                                       \
		for (size_t i_ = 0; i_ < (list)->n; i_++)                                          \
			clear(&(list)->v[i_]);                                                     \
		free((list)->v);                                                                   \
		(list)->v = NULL;                                                                  \
		(list)->n = 0;                                                                     \
	} while (0)

/*
 * One row of q: row(q, out) and KAIGI_OK; no row: KAIGI_EDATA with absent,
 * a message (msgid, N_()) whose one %s is key — or, absent NULL, KAIGI_OK
 * with out untouched.
 */
enum kaigi_status store_one(struct store *st, sqlite3_stmt *q, store_row_fn row, void *out,
			    const char *what, const char *absent, const char *key,
			    struct kaigi_error *err);
/* store_one for sql whose one parameter ?1 is id: a row read by its id. */
enum kaigi_status store_get_id(struct store *st, const char *sql, const char *id, store_row_fn row,
			       void *out, const char *what, const char *absent,
			       struct kaigi_error *err);
/* Run q, a statement without rows (bound by the caller), once, and reset
 * it: a write inside the caller's transaction. */
enum kaigi_status store_step(struct store *st, sqlite3_stmt *q, const char *what,
			     struct kaigi_error *err);

/* Row functions for one column 0: an id into a char[STORE_ID_SIZE], a
 * text into a char * (a copy, NULL for NULL). */
void store_row_id(sqlite3_stmt *q, void *out);
void store_row_text(sqlite3_stmt *q, void *out);
/* Whether q has a row. */
enum kaigi_status store_exists(struct store *st, sqlite3_stmt *q, bool *found, const char *what,
			       struct kaigi_error *err);
/* The first column of q's one row as an integer (0 for NULL or no row). */
enum kaigi_status store_int64(struct store *st, sqlite3_stmt *q, long long *v, const char *what,
			      struct kaigi_error *err);

/*
 * Transactions.  store_begin opens BEGIN IMMEDIATE (so waiting for another
 * writer happens up front, under the busy timeout) or, when one is open,
 * only counts.  store_end commits when ok and the outermost level, rolls
 * back when !ok; it returns the status of the commit (or the one given).
 */
enum kaigi_status store_begin(struct store *st, struct kaigi_error *err);
enum kaigi_status store_end(struct store *st, enum kaigi_status status, struct kaigi_error *err);

/* A case found by a search, from columns 0–11: c.id, c.meeting_id,
 * c.person_id, c.ord, c.presenter, c.follows, p.code, m.date, p.initials,
 * p.age_band, p.sex, m.title (store_case.c); and what it holds freed. */
void store_case_hit_row(sqlite3_stmt *q, void *out);
void store_case_hit_clear(struct store_case_hit *h);

/* Register the FTS5 tokenizer kaigi_bigram (store_bigram.c) on db. */
int store_bigram_register(sqlite3 *db);
/* Change sets compressed at rest (sync_zip.c): register the SQL function
 * kaigi_sync_zip(blob) on db; read column col of q's row as a raw change
 * set, a malloc'd copy (false: the stored blob is damaged). */
int sync_zip_register(sqlite3 *db);
bool sync_zip_column(sqlite3_stmt *q, int col, void **out, size_t *n);

/* Install the WAL hook that replaces the automatic checkpoint (store_wal.c). */
void store_wal_init(struct store *st);

/* Apply migrations [user_version, n) in one transaction, backing up first
 * when the database already holds data. */
enum kaigi_status store_migrate(struct store *st, const char *const *sql, const char *const *names,
				size_t n, struct kaigi_error *err);

/* Read an SQLite column into v (cleared first). */
void store_column_value(sqlite3_stmt *s, int col, struct kaigi_value *v);
/* Bind v (NULL binds SQL NULL). */
int store_bind_value(sqlite3_stmt *s, int idx, const struct kaigi_value *v);
/* A copy of a text column, or NULL for SQL NULL.  Caller frees. */
char *store_column_strdup(sqlite3_stmt *s, int col);
/* Copy a text column into an id buffer ("" for NULL). */
void store_column_id(sqlite3_stmt *s, int col, char out[STORE_ID_SIZE]);
/*
 * An entity's columns, described once (store_rows.c): a table of struct
 * store_col, one per column in the order the SELECT lists them (and the
 * write binds them, where it does), ended by {0}.  One function reads a
 * row into the struct, one frees what it owns, one binds it, instead of a
 * line per column in each entity's row, clear and bind functions — in
 * the manner of the importer's key tables (store_import.h, struct
 * imp_key).
 */
enum store_col_kind {
	STORE_COL_END,   /* ends a table */
	STORE_COL_SKIP,  /* a column the struct does not hold; not bound */
	STORE_COL_ID,    /* char[STORE_ID_SIZE]: "" for NULL; bound as it is */
	STORE_COL_REF,   /* char[STORE_ID_SIZE] that may be empty: "" for NULL, and back */
	STORE_COL_TEXT,  /* char *, owned: NULL for NULL; bound NULL for NULL or "" */
	STORE_COL_STR,   /* char *, owned: NULL for NULL; bound as it is (a required text) */
	STORE_COL_INT,   /* int */
	STORE_COL_INT0,  /* int, 0 when unknown: bound NULL for 0 */
	STORE_COL_INTN,  /* int, -1 for NULL (never set); bound NULL when negative */
	STORE_COL_INT64, /* long long */
	STORE_COL_SIZE,  /* size_t (a 64-bit integer) */
	STORE_COL_BOOL,  /* bool: the integer is not 0 */
	STORE_COL_REAL,  /* double, with the bool at has: not NULL (bound NULL when false) */
	STORE_COL_VALUE, /* struct kaigi_value, owned */
};
struct store_col {
	enum store_col_kind kind;
	size_t off; /* offsetof the member */
	size_t has; /* STORE_COL_REAL: offsetof its bool */
};

/* The column tables (store_rows.c); each names the SELECT it reads. */
extern const struct store_col store_person_cols[], store_case_cols[], store_case_hit_cols[],
    store_issue_cols[], store_case_issue_cols[], store_participant_cols[], store_audit_cols[],
    store_raised_cols[], store_text_hit_cols[], store_draft_cols[], store_decision_cols[],
    store_record_head_cols[], store_record_ref_cols[], store_phase_cols[];

/* Read the row of q, from column first on, into the struct at row. */
void store_cols_read(sqlite3_stmt *q, int first, const struct store_col *cols, void *row);
/* Free what the struct at row owns (its TEXT, STR and VALUE members) and
 * leave them NULL. */
void store_cols_clear(const struct store_col *cols, void *row);
/* Bind the first n columns of the struct at row to ?1…?n. */
void store_cols_bind(sqlite3_stmt *q, const struct store_col *cols, int n, const void *row);

/* Bind a period (NULL: all time) to ?1 (from), ?2 (to), ?3 (area). */
void store_bind_period(sqlite3_stmt *s, const struct store_period *p);
/* Bind text, or NULL for NULL or "". */
int store_bind_text_or_null(sqlite3_stmt *s, int idx, const char *t);

/* The installed form of a record, by id; NULL when the record is absent
 * (err EDATA) or its form not installed (then *form_id is set). */
enum kaigi_status store_record_form(struct store *st, const char *record_id,
				    const struct schema_form **form, char **form_id,
				    struct kaigi_error *err);

/* Write v at path of a record (NULL or a NULL value deletes), without
 * checks; *changed (when not NULL) tells whether a row changed.  Inside a
 * transaction. */
enum kaigi_status store_answer_write(struct store *st, const char *record_id,
				     const struct store_path *path, const struct kaigi_value *v,
				     long long now, int *changed, struct kaigi_error *err);

/* Fill a case's record just made (store_record_ensure) with what the room
 * already said: the person's initials, sex, age band and area, and the
 * meeting's date as conference_date (store_record_start.c).  Inside the
 * transaction that made it; nothing for a meeting's record (case_id
 * NULL). */
enum kaigi_status store_record_start(struct store *st, const char *record_id,
				     const struct schema_form *form, const char *case_id,
				     struct kaigi_error *err);

/* Insert a list item row at ord, without shifting or checks.  Inside a
 * transaction. */
enum kaigi_status store_item_insert(struct store *st, const char *id, const char *record_id,
				    const char *field, long long ord, long long now,
				    struct kaigi_error *err);

struct store_export_filter; /* kaigi/store_exchange.h */

/* Put the ids of the meetings to export into temp.export_meeting (every
 * meeting when the filter is empty); KAIGI_EDATA for an unknown id. */
enum kaigi_status store_export_select(struct store *st, const struct store_export_filter *f,
				      struct kaigi_error *err);

/*
 * One write function per entity (store_person_write, store_issue_write,
 * store_meeting_write, store_participant_write, store_case_write,
 * store_phase_write, store_identity_write, store_issue_link_write,
 * store_agenda_write, store_record_write, store_item_write) serves both
 * the interactive save
 * and the importer; w says how it treats the row.  None of them checks the
 * values (the callers do, each with its own messages) and each runs in its
 * own transaction or the one open.
 */
struct store_write {
	/* false: every column as given (a screen's save).  true: a value not
	 * given keeps what is stored, and a row that would not change is not
	 * touched, not even its updated time (an import). */
	bool merge;
	long long now; /* the time written (0: now) */
	int changes;   /* out: rows the write changed */
};

enum kaigi_status store_person_write(struct store *st, const struct store_person *p,
				     struct store_write *w, struct kaigi_error *err);
enum kaigi_status store_issue_write(struct store *st, const struct store_issue *i,
				    struct store_write *w, struct kaigi_error *err);
enum kaigi_status store_meeting_write(struct store *st, const struct store_meeting *m,
				      struct store_write *w, struct kaigi_error *err);
/* present: 1 or 0, or -1 to keep what is stored (1 for a new row). */
enum kaigi_status store_participant_write(struct store *st, const struct store_participant *p,
					  int present, struct store_write *w,
					  struct kaigi_error *err);
/* c->follows "" leaves the stored follows when merging. */
enum kaigi_status store_case_write(struct store *st, const struct store_case *c,
				   struct store_write *w, struct kaigi_error *err);
/* That case_id revealed issue_id, with a note and the case's own words
 * (statement).  The statement is kept when not given, in both modes. */
enum kaigi_status store_issue_link_write(struct store *st, const char *issue_id,
					 const char *case_id, const char *note,
					 const char *statement, struct store_write *w,
					 struct kaigi_error *err);
/* A record of a meeting (case_id NULL) or of a case, of a form's version. */
struct store_record_row {
	const char *id, *meeting_id, *case_id, *form;
	long long form_version;
};
enum kaigi_status store_record_write(struct store *st, const struct store_record_row *r,
				     struct store_write *w, struct kaigi_error *err);
/* A list item of a record's list field, at ord. */
enum kaigi_status store_item_write(struct store *st, const char *id, const char *record_id,
				   const char *field, long long ord, struct store_write *w,
				   struct kaigi_error *err);
/* An issue on a policy meeting's agenda: at ord (-1: at the end of a
 * new row, where it is for one on the agenda already), with decision. */
enum kaigi_status store_agenda_write(struct store *st, const char *meeting_id, const char *issue_id,
				     long long ord, const char *decision, struct store_write *w,
				     struct kaigi_error *err);
/* planned_sec, actual_sec: -1 keeps what is stored (in both modes). */
struct store_identity;
/* Merging, a NULL value keeps what is stored; replacing, it clears it. */
enum kaigi_status store_identity_write(struct store *st, const char *person_id,
				       const struct store_identity *id, struct store_write *w,
				       struct kaigi_error *err);
enum kaigi_status store_phase_write(struct store *st, const char *case_id, const char *phase,
				    int ord, int planned_sec, int actual_sec, struct store_write *w,
				    struct kaigi_error *err);

/* Run one entity's upsert sql in its own transaction (or the open one):
 * bind fills its numbered parameters, and the named ones :merge and :now
 * are bound from w; w->changes gets the rows changed.  what names the
 * write in an error ("saving a case").  A name takes the number after the
 * highest seen before it, so every ?N of sql is written before the first
 * :merge or :now (else ?N and the name would be one parameter). */
enum kaigi_status store_write_row(struct store *st, const char *sql,
				  void (*bind)(sqlite3_stmt *q, const void *arg), const void *arg,
				  struct store_write *w, const char *what, struct kaigi_error *err);
/*
 * An entity's upsert, described once (store_rows.c) and written by
 * store_upsert_sql: its columns in the order of ?1…, the first nkey of them
 * the key of ON CONFLICT, and for each other column how a conflict sets it.
 * The text is built at first use and kept (store_stmt's cache key is its
 * address):
 *   INSERT INTO t (c1, …, created, updated) VALUES (?1, …, :now, :now)
 *   ON CONFLICT (key) DO UPDATE SET c = how, …, updated = :now
 *   WHERE NOT :merge OR (c, …) IS NOT (what a merge would set, …)
 * (always_compare: WHERE (c, …) IS NOT (how, …), in both modes).
 */
enum store_upsert_how {
	STORE_UPSERT_SET,   /* c = ?N: always as given */
	STORE_UPSERT_MERGE, /* c = iif(:merge, coalesce(?N, c), ?N): merging keeps it unless given
			     */
	STORE_UPSERT_KEEP,  /* c = coalesce(?N, c): kept unless given, in both modes */
	STORE_UPSERT_MOVE,  /* c = iif(:merge, ?N, c): only a merge changes it */
};
struct store_upsert_col {
	const char *name;
	enum store_upsert_how how;
	const char *dflt; /* not NULL: ?N is ifnull(?N, dflt) where it is written */
};
struct store_upsert {
	const char *table;
	int nkey;
	bool always_compare;
	const struct store_upsert_col *cols; /* ended by {0} */
	char *sql;                           /* built at first use */
};
extern struct store_upsert store_person_upsert, store_case_upsert, store_issue_upsert,
    store_meeting_upsert, store_participant_upsert, store_phase_upsert, store_identity_upsert,
    store_issue_link_upsert, store_record_upsert;
/* The upsert's SQL text, the same string at every call. */
const char *store_upsert_sql(struct store_upsert *u);

/* store_write_row with ?1… bound from the arguments as store_query's fmt
 * says; w &(struct store_write){0} for a plain write in its own
 * transaction (as store_write1). */
enum kaigi_status store_write_fmt(struct store *st, const char *sql, struct store_write *w,
				  const char *what, struct kaigi_error *err, const char *fmt, ...);

#endif
