// SPDX-License-Identifier: MIT
/*
 * store_sql.c — the plumbing every store file uses: cached statements,
 * transactions, error mapping, value binding, rows read, cleared and bound
 * by their column tables, UUIDs, clocks and date checks.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"
#include "store_sync.h"

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct kaigi_error *err)
{
	for (size_t i = 0; i < st->nstmts; i++) {
		if (st->stmts[i].sql == sql) {
			sqlite3_stmt *s = st->stmts[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, err, "preparing a query");
		return NULL;
	}
	if (st->nstmts < STORE_STMT_CACHE) {
		st->stmts[st->nstmts].sql = sql;
		st->stmts[st->nstmts].stmt = s;
		st->nstmts++;
	} else {
		/* Cache full: should not happen; keep the newest in the last slot. */
		sqlite3_finalize(st->stmts[STORE_STMT_CACHE - 1].stmt);
		st->stmts[STORE_STMT_CACHE - 1].sql = sql;
		st->stmts[STORE_STMT_CACHE - 1].stmt = s;
	}
	return s;
}

void store_bind_fmt(sqlite3_stmt *q, const char *fmt, va_list *ap)
{
	for (int p = 1; *fmt; fmt++, p++) {
		switch (*fmt) {
		case 't':
			sqlite3_bind_text(q, p, va_arg(*ap, const char *), -1, SQLITE_STATIC);
			break;
		case 'n':
			store_bind_text_or_null(q, p, va_arg(*ap, const char *));
			break;
		case 'i':
			sqlite3_bind_int(q, p, va_arg(*ap, int));
			break;
		case 'I':
			sqlite3_bind_int64(q, p, va_arg(*ap, long long));
			break;
		case 'k': {
			long long v = va_arg(*ap, long long);
			if (v >= 0)
				sqlite3_bind_int64(q, p, v);
			break;
		}
		case 'L': {
			size_t limit = va_arg(*ap, size_t);
			sqlite3_bind_int64(q, p, limit ? (long long)limit : -1);
			break;
		}
		case 'P':
			store_bind_period(q, va_arg(*ap, const struct store_period *));
			p += 2;
			break;
		case 'S': {
			const char *t = va_arg(*ap, const char *);
			sqlite3_value *v = va_arg(*ap, sqlite3_value *);
			if (t)
				sqlite3_bind_text(q, p, t, -1, SQLITE_STATIC);
			else if (v)
				sqlite3_bind_value(q, p, v);
			else
				sqlite3_bind_null(q, p);
			break;
		}
		case 'V': {
			const char *t = va_arg(*ap, const char *);
			const struct kaigi_value *v = va_arg(*ap, const struct kaigi_value *);
			if (t)
				sqlite3_bind_text(q, p, t, -1, SQLITE_STATIC);
			else
				store_bind_value(q, p, v);
			break;
		}
		}
	}
}

void store_bind_args(sqlite3_stmt *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	store_bind_fmt(q, fmt, &ap);
	va_end(ap);
}

enum kaigi_status store_run_fmt(struct store *st, const char *sql, const char *what,
				struct kaigi_error *err, const char *fmt, ...)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		va_list ap;
		va_start(ap, fmt);
		store_bind_fmt(q, fmt, &ap);
		va_end(ap);
		rc = sqlite3_step(q);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? KAIGI_OK : store_fail(st, rc, err, what);
}

sqlite3_stmt *store_query(struct store *st, const char *sql, struct kaigi_error *err,
			  const char *fmt, ...)
{
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	store_bind_fmt(q, fmt, &ap);
	va_end(ap);
	return q;
}

enum kaigi_status store_fail(struct store *st, int rc, struct kaigi_error *err, const char *what)
{
	const char *msg = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *file = st ? st->path : NULL;
	what = kaigi_tr(what); /* callers' phrases are msgids too (error.h) */
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
				       "%s: the database is locked by another program "
				       "(another kaigi?); try again when it is closed",
				       what);
	case SQLITE_FULL:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
				       "%s: the disk is full (or a file-size limit was reached); "
				       "nothing was saved",
				       what);
	case SQLITE_READONLY:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
				       "%s: the database is read-only (%s)", what, msg);
	case SQLITE_NOTADB:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
				       "%s: not a kaigi database (not an SQLite file)", what);
	case SQLITE_CORRUPT:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
				       "%s: the database file is damaged (%s); restore a backup",
				       what, msg);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0, "%s: cannot open (%s)", what,
				       msg);
	case SQLITE_IOERR:
		if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC ||
		    rc == SQLITE_IOERR_TRUNCATE)
			return kaigi_error_set(err, KAIGI_EENV, file, 0, 0,
					       "%s: could not write the database (disk full or "
					       "failing?); nothing was saved",
					       what);
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0, "%s: I/O error (%s)", what,
				       msg);
	case SQLITE_NOMEM:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0, "%s: out of memory", what);
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_RANGE:
	case SQLITE_TOOBIG:
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s: %s", what, msg);
	default:
		return kaigi_error_set(err, KAIGI_EENV, file, 0, 0, "%s: %s", what, msg);
	}
}

enum kaigi_status store_exec(struct store *st, const char *sql, struct kaigi_error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err, "running a query");
	return KAIGI_OK;
}

enum kaigi_status store_begin(struct store *st, struct kaigi_error *err)
{
	if (st->read_only)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "the database is open read-only; nothing can be saved");
	if (st->txn_depth++ > 0)
		return KAIGI_OK;
	st->txn_failed = false;
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		st->txn_depth = 0;
		return store_fail(st, rc, err, "starting to save");
	}
	return KAIGI_OK;
}

enum kaigi_status store_end(struct store *st, enum kaigi_status status, struct kaigi_error *err)
{
	if (st->txn_depth <= 0)
		return status;
	if (status != KAIGI_OK)
		st->txn_failed = true;
	if (--st->txn_depth > 0)
		return status;
	/* The change capture logs what the transaction changed, inside it. */
	if (!st->txn_failed && st->txn_log) {
		enum kaigi_status c = st->txn_log->capture(st, err);
		if (c != KAIGI_OK) {
			st->txn_failed = true;
			status = c;
		}
	}
	if (st->txn_failed) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		if (st->txn_log)
			st->txn_log->discard(st);
		return status;
	}
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		if (st->txn_log)
			st->txn_log->discard(st);
		enum kaigi_status s = store_fail(st, rc, err, "saving");
		/* A failed COMMIT (full disk, I/O) may leave the transaction open. */
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return s;
	}
	return KAIGI_OK;
}

void store_column_value(sqlite3_stmt *s, int col, struct kaigi_value *v)
{
	switch (sqlite3_column_type(s, col)) {
	case SQLITE_INTEGER:
		kaigi_value_set_int(v, sqlite3_column_int64(s, col));
		break;
	case SQLITE_FLOAT:
		kaigi_value_set_real(v, sqlite3_column_double(s, col));
		break;
	case SQLITE_NULL:
		kaigi_value_clear(v);
		break;
	default:
		kaigi_value_set_text(v, (const char *)sqlite3_column_text(s, col));
		break;
	}
}

int store_bind_value(sqlite3_stmt *s, int idx, const struct kaigi_value *v)
{
	if (!v)
		return sqlite3_bind_null(s, idx);
	switch (v->type) {
	case KAIGI_INT:
		return sqlite3_bind_int64(s, idx, v->i);
	case KAIGI_REAL:
		return sqlite3_bind_double(s, idx, v->r);
	case KAIGI_TEXT:
		return sqlite3_bind_text(s, idx, v->s, -1, SQLITE_TRANSIENT);
	case KAIGI_NULL:
		break;
	}
	return sqlite3_bind_null(s, idx);
}

char *store_column_strdup(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? xstrdup((const char *)t) : NULL;
}

void store_column_id(sqlite3_stmt *s, int col, char out[STORE_ID_SIZE])
{
	const unsigned char *t = sqlite3_column_text(s, col);
	snprintf(out, STORE_ID_SIZE, "%s", t ? (const char *)t : "");
}

int store_bind_text_or_null(sqlite3_stmt *s, int idx, const char *t)
{
	if (!t || !*t)
		return sqlite3_bind_null(s, idx);
	return sqlite3_bind_text(s, idx, t, -1, SQLITE_TRANSIENT);
}

void store_bind_period(sqlite3_stmt *s, const struct store_period *p)
{
	store_bind_text_or_null(s, 1, p ? p->from : NULL);
	store_bind_text_or_null(s, 2, p ? p->to : NULL);
	store_bind_text_or_null(s, 3, p ? p->area : NULL);
}

long long store_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void store_uuid_new(char out[STORE_ID_SIZE])
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			/* No getrandom(): SQLite's generator is seeded from the OS too. */
			sqlite3_randomness((int)(sizeof b - got), b + got);
			break;
		}
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, STORE_ID_SIZE,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
		 b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
		 b[15]);
}

bool store_uuid_valid(const char *s)
{
	if (!s || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		char c = s[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return false;
		} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			return false;
		}
	}
	return true;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool store_date_valid(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	/* From 1800, as a date answer of a form (schema_value.c): both say
	 * the same of every text (fuzz_dates). */
	if (y < 1800 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

bool store_time_valid(const char *s)
{
	return s && strlen(s) == 5 && s[2] == ':' && digits(s, 2) && digits(s + 3, 2) &&
	       atoi(s) < 24 && atoi(s + 3) < 60;
}

/* ---- rows described by a column table (store_rows.c) -------------------- */

/* The member at off of the struct at row. */
#define MEMBER(T, row, off) ((T *)(void *)((char *)(row) + (off)))

void store_cols_read(sqlite3_stmt *q, int first, const struct store_col *cols, void *row)
{
	for (int i = 0; cols[i].kind != STORE_COL_END; i++) {
		int c = first + i;
		size_t off = cols[i].off;
		switch (cols[i].kind) {
		case STORE_COL_ID:
		case STORE_COL_REF:
			store_column_id(q, c, MEMBER(char, row, off));
			break;
		case STORE_COL_TEXT:
		case STORE_COL_STR:
			*MEMBER(char *, row, off) = store_column_strdup(q, c);
			break;
		case STORE_COL_INT:
		case STORE_COL_INT0:
			*MEMBER(int, row, off) = sqlite3_column_int(q, c);
			break;
		case STORE_COL_INTN:
			*MEMBER(int, row, off) = sqlite3_column_type(q, c) == SQLITE_NULL
						     ? -1
						     : sqlite3_column_int(q, c);
			break;
		case STORE_COL_INT64:
			*MEMBER(long long, row, off) = sqlite3_column_int64(q, c);
			break;
		case STORE_COL_SIZE:
			*MEMBER(size_t, row, off) = (size_t)sqlite3_column_int64(q, c);
			break;
		case STORE_COL_BOOL:
			*MEMBER(bool, row, off) = sqlite3_column_int(q, c) != 0;
			break;
		case STORE_COL_REAL:
			*MEMBER(bool, row, cols[i].has) = sqlite3_column_type(q, c) != SQLITE_NULL;
			*MEMBER(double, row, off) = sqlite3_column_double(q, c);
			break;
		case STORE_COL_VALUE:
			store_column_value(q, c, MEMBER(struct kaigi_value, row, off));
			break;
		case STORE_COL_SKIP:
		case STORE_COL_END:
			break;
		}
	}
}

void store_cols_clear(const struct store_col *cols, void *row)
{
	for (int i = 0; cols[i].kind != STORE_COL_END; i++) {
		if (cols[i].kind == STORE_COL_TEXT || cols[i].kind == STORE_COL_STR) {
			char **t = MEMBER(char *, row, cols[i].off);
			free(*t);
			*t = NULL;
		} else if (cols[i].kind == STORE_COL_VALUE) {
			kaigi_value_clear(MEMBER(struct kaigi_value, row, cols[i].off));
		}
	}
}

void store_cols_bind(sqlite3_stmt *q, const struct store_col *cols, int n, const void *row)
{
	void *r = (void *)row; /* MEMBER drops const: only read here */
	for (int i = 0; i < n && cols[i].kind != STORE_COL_END; i++) {
		int p = i + 1;
		size_t off = cols[i].off;
		switch (cols[i].kind) {
		case STORE_COL_ID:
		case STORE_COL_STR:
			sqlite3_bind_text(q, p,
					  cols[i].kind == STORE_COL_ID ? MEMBER(char, r, off)
								       : *MEMBER(char *, r, off),
					  -1, SQLITE_STATIC);
			break;
		case STORE_COL_REF:
			store_bind_text_or_null(q, p, MEMBER(char, r, off));
			break;
		case STORE_COL_TEXT:
			store_bind_text_or_null(q, p, *MEMBER(char *, r, off));
			break;
		case STORE_COL_INT:
		case STORE_COL_INT0:
		case STORE_COL_INTN:
			if (cols[i].kind == STORE_COL_INT ||
			    (cols[i].kind == STORE_COL_INT0 ? *MEMBER(int, r, off) != 0
							    : *MEMBER(int, r, off) >= 0))
				sqlite3_bind_int(q, p, *MEMBER(int, r, off));
			break;
		case STORE_COL_INT64:
			sqlite3_bind_int64(q, p, *MEMBER(long long, r, off));
			break;
		case STORE_COL_SIZE:
			sqlite3_bind_int64(q, p, (long long)*MEMBER(size_t, r, off));
			break;
		case STORE_COL_BOOL:
			sqlite3_bind_int(q, p, *MEMBER(bool, r, off) ? 1 : 0);
			break;
		case STORE_COL_REAL:
			if (*MEMBER(bool, r, cols[i].has))
				sqlite3_bind_double(q, p, *MEMBER(double, r, off));
			break;
		case STORE_COL_VALUE:
			store_bind_value(q, p, MEMBER(struct kaigi_value, r, off));
			break;
		default: /* STORE_COL_SKIP: the parameter stays NULL */
			break;
		}
	}
}

/* ---- reads: each row, a list, one row ------------------------------------- */

enum kaigi_status store_each(struct store *st, sqlite3_stmt *q, store_row_fn row, void *ctx,
			     const char *what, struct kaigi_error *err)
{
	if (!q)
		return err->status;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		row(q, ctx);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err, what);
	return KAIGI_OK;
}

struct list_ctx {
	void *v; /* the array, as void * (copied in and out with memcpy) */
	size_t n, cap, size;
	const struct store_col *cols; /* read first, when not NULL */
	store_row_fn row;             /* then row, when not NULL */
};

static void list_row(sqlite3_stmt *q, void *arg)
{
	struct list_ctx *l = arg;
	l->v = xgrow(l->v, l->n, &l->cap, l->size);
	void *elem = (char *)l->v + l->n++ * l->size;
	memset(elem, 0, l->size);
	if (l->cols)
		store_cols_read(q, 0, l->cols, elem);
	if (l->row)
		l->row(q, elem);
}

/* The rows of q appended to the array at *(T **)v of *n elements. */
static enum kaigi_status list_run(struct store *st, sqlite3_stmt *q, void *v, size_t *n,
				  struct list_ctx *l, const char *what, struct kaigi_error *err)
{
	l->n = l->cap = *n;
	memcpy(&l->v, v, sizeof l->v);
	enum kaigi_status s = store_each(st, q, list_row, l, what, err);
	memcpy(v, &l->v, sizeof l->v);
	*n = l->n;
	return s;
}

enum kaigi_status store_list(struct store *st, sqlite3_stmt *q, void *v, size_t *n, size_t size,
			     store_row_fn row, const char *what, struct kaigi_error *err)
{
	struct list_ctx l = {.size = size, .row = row};
	return list_run(st, q, v, n, &l, what, err);
}

enum kaigi_status store_list_cols(struct store *st, sqlite3_stmt *q, void *v, size_t *n,
				  size_t size, const struct store_col *cols, store_row_fn post,
				  const char *what, struct kaigi_error *err)
{
	struct list_ctx l = {.size = size, .cols = cols, .row = post};
	enum kaigi_status s = list_run(st, q, v, n, &l, what, err);
	if (s != KAIGI_OK) {
		for (size_t i = 0; i < l.n; i++)
			store_cols_clear(cols, (char *)l.v + i * size);
		free(l.v);
		memset(v, 0, sizeof l.v);
		*n = 0;
	}
	return s;
}

enum kaigi_status store_list_id(struct store *st, const char *sql, const char *key, void *v,
				size_t *n, size_t size, store_row_fn row, const char *what,
				struct kaigi_error *err)
{
	return store_list(st, store_query(st, sql, err, "t", key), v, n, size, row, what, err);
}

enum kaigi_status store_one(struct store *st, sqlite3_stmt *q, store_row_fn row, void *out,
			    const char *what, const char *absent, const char *key,
			    struct kaigi_error *err)
{
	if (!q)
		return err->status;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		row(q, out);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW || (rc == SQLITE_DONE && !absent))
		return KAIGI_OK;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err, what);
	return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, absent, key);
}

enum kaigi_status store_get_id(struct store *st, const char *sql, const char *id, store_row_fn row,
			       void *out, const char *what, const char *absent,
			       struct kaigi_error *err)
{
	return store_one(st, store_query(st, sql, err, "t", id), row, out, what, absent, id, err);
}

enum kaigi_status store_step(struct store *st, sqlite3_stmt *q, const char *what,
			     struct kaigi_error *err)
{
	if (!q)
		return err->status;
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err, what);
	return KAIGI_OK;
}

void store_row_id(sqlite3_stmt *q, void *out)
{
	store_column_id(q, 0, out);
}

void store_row_text(sqlite3_stmt *q, void *out)
{
	*(char **)out = store_column_strdup(q, 0);
}

static void int64_row(sqlite3_stmt *q, void *out)
{
	*(long long *)out = sqlite3_column_int64(q, 0);
}

static void found_row(sqlite3_stmt *q, void *out)
{
	(void)q;
	*(bool *)out = true;
}

enum kaigi_status store_exists(struct store *st, sqlite3_stmt *q, bool *found, const char *what,
			       struct kaigi_error *err)
{
	*found = false;
	return store_one(st, q, found_row, found, what, NULL, NULL, err);
}

enum kaigi_status store_int64(struct store *st, sqlite3_stmt *q, long long *v, const char *what,
			      struct kaigi_error *err)
{
	*v = 0;
	return store_one(st, q, int64_row, v, what, NULL, NULL, err);
}
