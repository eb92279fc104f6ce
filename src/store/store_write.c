// SPDX-License-Identifier: MIT
/*
 * store_write.c — running one entity's upsert (store_internal.h, struct
 * store_write): the same statement serves a screen's save, which writes
 * every column as given, and the importer, which keeps what a file leaves
 * out and leaves an unchanged row untouched (:merge), at the time the
 * caller gives (:now).  The upsert of an entity is written from its
 * description (struct store_upsert, store_rows.c) by store_upsert_sql,
 * instead of by hand, column by column, in each entity's file.
 */
#include "kaigi/strbuf.h"
#include "store_internal.h"

/* The value the column takes from ?n: its default when NULL, if it has one. */
static void upsert_value(struct strbuf *b, const struct store_upsert_col *c, int n)
{
	if (c->dflt)
		strbuf_appendf(b, "ifnull(?%d, %s)", n, c->dflt);
	else
		strbuf_appendf(b, "?%d", n);
}

/* What the column is set to on a conflict. */
static void upsert_set(struct strbuf *b, const struct store_upsert_col *c, int n)
{
	switch (c->how) {
	case STORE_UPSERT_SET:
		upsert_value(b, c, n);
		break;
	case STORE_UPSERT_MERGE:
		strbuf_appendf(b, "iif(:merge, coalesce(?%d, %s), ", n, c->name);
		upsert_value(b, c, n);
		strbuf_appendc(b, ')');
		break;
	case STORE_UPSERT_KEEP:
		strbuf_appendf(b, "coalesce(?%d, %s)", n, c->name);
		break;
	case STORE_UPSERT_MOVE:
		strbuf_appendf(b, "iif(:merge, ?%d, %s)", n, c->name);
		break;
	}
}

/* What a merge compares the column with: the value it would take. */
static void upsert_merged(struct strbuf *b, const struct store_upsert_col *c, int n)
{
	if (c->how == STORE_UPSERT_MERGE || c->how == STORE_UPSERT_KEEP)
		strbuf_appendf(b, "coalesce(?%d, %s)", n, c->name);
	else
		strbuf_appendf(b, "?%d", n);
}

/* The columns from first on, each as put does, separated by commas. */
static void upsert_list(struct strbuf *b, const struct store_upsert *u, int first,
			void (*put)(struct strbuf *b, const struct store_upsert_col *c, int n))
{
	for (int i = first; u->cols[i].name; i++) {
		if (i > first)
			strbuf_append(b, ", ");
		put(b, &u->cols[i], i + 1);
	}
}

static void upsert_name(struct strbuf *b, const struct store_upsert_col *c, int n)
{
	(void)n;
	strbuf_append(b, c->name);
}

static void upsert_assign(struct strbuf *b, const struct store_upsert_col *c, int n)
{
	strbuf_appendf(b, "%s = ", c->name);
	upsert_set(b, c, n);
}

const char *store_upsert_sql(struct store_upsert *u)
{
	if (u->sql)
		return u->sql;
	struct strbuf b = STRBUF_INIT;
	strbuf_appendf(&b, "INSERT INTO %s (", u->table);
	upsert_list(&b, u, 0, upsert_name);
	strbuf_append(&b, ", created, updated) VALUES (");
	upsert_list(&b, u, 0, upsert_value);
	strbuf_append(&b, ", :now, :now) ON CONFLICT (");
	for (int i = 0; i < u->nkey; i++)
		strbuf_appendf(&b, "%s%s", i ? ", " : "", u->cols[i].name);
	strbuf_append(&b, ") DO UPDATE SET ");
	upsert_list(&b, u, u->nkey, upsert_assign);
	strbuf_append(&b, u->always_compare ? ", updated = :now WHERE ("
					    : ", updated = :now WHERE NOT :merge OR (");
	upsert_list(&b, u, u->nkey, upsert_name);
	strbuf_append(&b, ") IS NOT (");
	upsert_list(&b, u, u->nkey, u->always_compare ? upsert_set : upsert_merged);
	strbuf_appendc(&b, ')');
	u->sql = strbuf_take(&b);
	return u->sql;
}

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
