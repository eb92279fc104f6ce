/* SPDX-License-Identifier: MIT */
/*
 * store_bind.h — statements described by tables instead of by hand: the
 * parameters of a statement as a table bound by one loop (?1 first), and
 * the columns of a row as a table of struct fields read, and freed, by one
 * loop each.  Used by the sync, tally and import files of src/store.
 */
#ifndef KAIGI_STORE_BIND_H
#define KAIGI_STORE_BIND_H

#include <stddef.h>

#include "store_internal.h"

/* ---- parameters ------------------------------------------------------------ */

enum store_param_kind {
	STORE_PARAM_NONE,  /* left unbound (NULL) */
	STORE_PARAM_TEXT,  /* text; NULL binds NULL */
	STORE_PARAM_INT,   /* a 64-bit integer */
	STORE_PARAM_VALUE, /* a struct kaigi_value; NULL binds NULL */
	STORE_PARAM_SQL,   /* an sqlite3_value; NULL binds NULL */
};

/* One parameter: its kind and the value of that kind. */
struct store_param {
	enum store_param_kind kind;
	const char *text;
	long long i;
	const struct kaigi_value *value;
	sqlite3_value *sql;
};

#define STORE_NONE        ((struct store_param){.kind = STORE_PARAM_NONE})
#define STORE_TEXT(s)     ((struct store_param){.kind = STORE_PARAM_TEXT, .text = (s)})
#define STORE_INT(n)      ((struct store_param){.kind = STORE_PARAM_INT, .i = (n)})
#define STORE_VALUE(v)    ((struct store_param){.kind = STORE_PARAM_VALUE, .value = (v)})
#define STORE_SQLVALUE(v) ((struct store_param){.kind = STORE_PARAM_SQL, .sql = (v)})
/* The parameters as an array and its length, for the functions below. */
#define STORE_PARAMS(...)                                                                          \
	(const struct store_param[]){__VA_ARGS__},                                                 \
	    sizeof((const struct store_param[]){__VA_ARGS__}) / sizeof(struct store_param)

/* Bind p[0] to ?1, p[1] to ?2, … (texts are not copied: they must live
 * until the statement has run). */
void store_params_bind(sqlite3_stmt *q, const struct store_param *p, size_t n);

/* Prepare sql (not cached), bind p, run it once and finalize it: KAIGI_OK
 * when it ran to its end, else store_fail(what). */
enum kaigi_status store_params_run(struct store *st, const char *sql, const struct store_param *p,
				   size_t n, const char *what, struct kaigi_error *err);

/* The same with the cached statement of sql (store_stmt): err->status when
 * it cannot be prepared. */
enum kaigi_status store_params_step(struct store *st, const char *sql, const struct store_param *p,
				    size_t n, const char *what, struct kaigi_error *err);

/* ---- columns --------------------------------------------------------------- */

enum store_col_kind {
	STORE_COL_SKIP,  /* read by the caller */
	STORE_COL_TEXT,  /* char *, a copy (NULL for NULL); freed */
	STORE_COL_INT,   /* long long */
	STORE_COL_VALUE, /* struct kaigi_value; cleared */
	STORE_COL_ID,    /* char[STORE_ID_SIZE] ("" for NULL) */
};

/* Column i of a row goes to the field at offset off of the struct. */
struct store_col {
	enum store_col_kind kind;
	size_t off;
};

#define STORE_COL(kind, type, field)                                                               \
	{                                                                                          \
		STORE_COL_##kind, offsetof(type, field)                                            \
	}

/* Columns 0…n-1 of q's row into the fields of out that c names. */
void store_cols_read(sqlite3_stmt *q, const struct store_col *c, size_t n, void *out);
/* Free the texts and clear the values c names in out. */
void store_cols_clear(const struct store_col *c, size_t n, void *out);

#endif
