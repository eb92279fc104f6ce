// SPDX-License-Identifier: MIT
/*
 * store_write.c — running one entity's upsert (store_internal.h, struct
 * store_write): the same statement serves a screen's save, which writes
 * every column as given, and the importer, which keeps what a file leaves
 * out and leaves an unchanged row untouched (:merge), at the time the
 * caller gives (:now).
 */
#include "store_internal.h"

enum kaigi_status store_write_row(struct store *st, const char *sql,
				  void (*bind)(sqlite3_stmt *q, const void *arg), const void *arg,
				  struct store_write *w, const char *what, struct kaigi_error *err)
{
	w->changes = 0;
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	bind(q, arg);
	sqlite3_bind_int(q, sqlite3_bind_parameter_index(q, ":merge"), w->merge ? 1 : 0);
	sqlite3_bind_int64(q, sqlite3_bind_parameter_index(q, ":now"),
			   w->now ? w->now : store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, what);
	else
		w->changes = sqlite3_changes(st->db);
	return store_end(st, s, err);
}

struct fmt_arg {
	const char *fmt;
	va_list *ap;
};

static void bind_fmt(sqlite3_stmt *q, const void *arg)
{
	const struct fmt_arg *a = arg;
	store_bind_fmt(q, a->fmt, a->ap);
}

enum kaigi_status store_write_fmt(struct store *st, const char *sql, struct store_write *w,
				  const char *what, struct kaigi_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct fmt_arg a = {fmt, &ap};
	enum kaigi_status s = store_write_row(st, sql, bind_fmt, &a, w, what, err);
	va_end(ap);
	return s;
}

enum kaigi_status store_write1(struct store *st, const char *sql,
			       void (*bind)(sqlite3_stmt *q, const void *arg), const void *arg,
			       const char *what, struct kaigi_error *err)
{
	return store_write_row(st, sql, bind, arg, &(struct store_write){0}, what, err);
}

enum kaigi_status store_delete_id(struct store *st, const char *sql, const char *id,
				  const char *what, struct kaigi_error *err)
{
	return store_write_fmt(st, sql, &(struct store_write){0}, what, err, "t", id);
}
