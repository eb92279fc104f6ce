// SPDX-License-Identifier: MIT
/*
 * store_sync_apply.c — applying received change sets, with every conflict
 * kept for a person to decide.
 *
 * One import is one transaction.  Entries already in sync_log are skipped
 * (applying a bundle twice changes nothing); an entry whose predecessor
 * (same origin) or dependency (deps) has not arrived waits in sync_pending,
 * so bundles may come in any order.  Each entry goes through
 * sqlite3changeset_apply_v2; its conflict handler decides column by column:
 *
 *   - a column only the other side changed is taken;
 *   - a column both sides changed to different values is a conflict: the
 *     local value stays and both are kept in sync_conflict;
 *   - an incoming delete of a row changed here, an incoming edit of a row
 *     deleted here, an insert that breaks a unique rule (the same case code
 *     under another id) are conflicts of the whole row;
 *   - `created` / `updated` are bookkeeping: the later time wins.
 *
 * The handler only reads; what it decides is carried out after the apply
 * returns (the session extension's apply is not re-entered).  Foreign keys
 * are checked at the end: a row left without its parent (its meeting was
 * deleted on the other side) is moved into sync_conflict rather than
 * aborting the bundle.  Capture is paused, so applied rows are logged under
 * their origin, and the audit trail names the origin site as the actor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_sync.h"

struct table_cols {
	char *name;
	int n;
	char **col;
	bool *pk;
};

struct deferred {
	bool conflict;    /* else a merge update */
	const char *kind; /* conflict kind */
	struct table_cols *t;
	sqlite3_value **pkv; /* t->n slots, pk columns set */
	int col;             /* conflict column, -1 for the whole row */
	sqlite3_value *local, *incoming;
	char *local_row, *incoming_row; /* JSON for row conflicts */
	sqlite3_value **set;            /* merge: t->n slots, NULL = unchanged */
};

struct apply_ctx {
	struct store *st;
	const struct sync_entry *e;
	const char *via;
	struct table_cols *tables;
	size_t ntables, captables;
	struct deferred *d;
	size_t nd, capd;
	size_t conflicts;
	bool failed;
};

static struct table_cols *table_cols(struct apply_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->ntables; i++)
		if (strcmp(c->tables[i].name, name) == 0)
			return &c->tables[i];
	sqlite3_stmt *q = NULL;
	char *sql = xasprintf("SELECT name, pk FROM pragma_table_info('%s') ORDER BY cid", name);
	int rc = sqlite3_prepare_v2(c->st->db, sql, -1, &q, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return NULL;
	c->tables = xgrow(c->tables, c->ntables, &c->captables, sizeof *c->tables);
	struct table_cols *t = &c->tables[c->ntables++];
	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	size_t cap = 0, capb = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		size_t n = (size_t)t->n;
		t->col = xgrow(t->col, n, &cap, sizeof *t->col);
		t->pk = xgrow(t->pk, n, &capb, sizeof *t->pk);
		t->col[n] = xstrdup((const char *)sqlite3_column_text(q, 0));
		t->pk[n] = sqlite3_column_int(q, 1) > 0;
		t->n++;
	}
	sqlite3_finalize(q);
	return t;
}

static void tables_free(struct apply_ctx *c)
{
	for (size_t i = 0; i < c->ntables; i++) {
		for (int j = 0; j < c->tables[i].n; j++)
			free(c->tables[i].col[j]);
		free(c->tables[i].col);
		free(c->tables[i].pk);
		free(c->tables[i].name);
	}
	free(c->tables);
}

static bool bookkeeping(const char *col)
{
	return strcmp(col, "created") == 0 || strcmp(col, "updated") == 0;
}

static bool same(sqlite3_value *a, sqlite3_value *b)
{
	if (!a || !b)
		return a == b;
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	if (ta != tb)
		return false;
	switch (ta) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT:
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	default: {
		const void *pa = sqlite3_value_blob(a), *pb = sqlite3_value_blob(b);
		int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
		return na == nb && (na == 0 || memcmp(pa, pb, (size_t)na) == 0);
	}
	}
}

static void json_value(struct strbuf *b, sqlite3_value *v)
{
	switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
	case SQLITE_NULL:
		strbuf_append(b, "null");
		return;
	case SQLITE_INTEGER:
		strbuf_appendf(b, "%lld", sqlite3_value_int64(v));
		return;
	case SQLITE_FLOAT:
		strbuf_appendf(b, "%.17g", sqlite3_value_double(v));
		return;
	default: {
		const char *s = (const char *)sqlite3_value_text(v);
		const char *one[] = {s ? s : ""};
		char *j = sync_json_array(one, 1);
		/* ["…"] → "…" */
		strbuf_appendn(b, j + 1, strlen(j) - 2);
		free(j);
	}
	}
}

/* The row as a JSON object, from an accessor over column values. */
static char *row_json(struct table_cols *t, sqlite3_changeset_iter *it,
		      int (*get)(sqlite3_changeset_iter *, int, sqlite3_value **),
		      int (*fallback)(sqlite3_changeset_iter *, int, sqlite3_value **))
{
	struct strbuf b = STRBUF_INIT;
	strbuf_appendc(&b, '{');
	bool first = true;
	for (int i = 0; i < t->n; i++) {
		sqlite3_value *v = NULL;
		if (get(it, i, &v) != SQLITE_OK || !v) {
			v = NULL;
			if (!fallback || fallback(it, i, &v) != SQLITE_OK || !v)
				continue;
		}
		const char *name[] = {t->col[i]};
		char *k = sync_json_array(name, 1);
		strbuf_appendf(&b, "%s%.*s:", first ? "" : ",", (int)strlen(k) - 2, k + 1);
		free(k);
		json_value(&b, v);
		first = false;
	}
	strbuf_appendc(&b, '}');
	return strbuf_take(&b);
}

static sqlite3_value *dup(sqlite3_value *v)
{
	return v ? sqlite3_value_dup(v) : NULL;
}

static struct deferred *defer(struct apply_ctx *c, struct table_cols *t, sqlite3_changeset_iter *it,
			      int op)
{
	c->d = xgrow(c->d, c->nd, &c->capd, sizeof *c->d);
	struct deferred *d = &c->d[c->nd++];
	memset(d, 0, sizeof *d);
	d->t = t;
	d->col = -1;
	d->pkv = xcalloc((size_t)t->n, sizeof *d->pkv);
	for (int i = 0; i < t->n; i++) {
		if (!t->pk[i])
			continue;
		sqlite3_value *v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		d->pkv[i] = dup(v);
	}
	return d;
}

static void add_conflict(struct apply_ctx *c, struct table_cols *t, sqlite3_changeset_iter *it,
			 int op, const char *kind, int col, sqlite3_value *local,
			 sqlite3_value *incoming)
{
	struct deferred *d = defer(c, t, it, op);
	d->conflict = true;
	d->kind = kind;
	d->col = col;
	d->local = dup(local);
	d->incoming = dup(incoming);
	c->conflicts++;
}

static int conflict_handler(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	struct apply_ctx *c = ctx;
	const char *tab = NULL;
	int ncol = 0, op = 0;
	sqlite3changeset_op(it, &tab, &ncol, &op, NULL);
	struct table_cols *t = table_cols(c, tab);
	if (!t || t->n != ncol) {
		c->failed = true;
		return SQLITE_CHANGESET_ABORT;
	}
	if (kind == SQLITE_CHANGESET_DATA && op == SQLITE_UPDATE) {
		struct deferred *merge = NULL;
		for (int i = 0; i < ncol; i++) {
			sqlite3_value *nv = NULL, *ov = NULL, *cur = NULL;
			if (sqlite3changeset_new(it, i, &nv) != SQLITE_OK || !nv)
				continue; /* not changed by the other side */
			sqlite3changeset_old(it, i, &ov);
			sqlite3changeset_conflict(it, i, &cur);
			if (same(cur, nv))
				continue; /* both sides agree */
			bool take = same(cur, ov);
			if (bookkeeping(t->col[i]))
				take = sqlite3_value_int64(nv) > sqlite3_value_int64(cur);
			else if (!take)
				add_conflict(c, t, it, op, "both-changed", i, cur, nv);
			if (take) {
				if (!merge) {
					merge = defer(c, t, it, op);
					merge->set = xcalloc((size_t)t->n, sizeof *merge->set);
				}
				merge->set[i] = dup(nv);
			}
		}
		return SQLITE_CHANGESET_OMIT;
	}
	if (kind == SQLITE_CHANGESET_DATA && op == SQLITE_DELETE) {
		bool changed = false;
		for (int i = 0; i < ncol && !changed; i++) {
			sqlite3_value *ov = NULL, *cur = NULL;
			sqlite3changeset_old(it, i, &ov);
			sqlite3changeset_conflict(it, i, &cur);
			changed = !bookkeeping(t->col[i]) && !same(ov, cur);
		}
		if (!changed)
			return SQLITE_CHANGESET_REPLACE;
		struct deferred *d = defer(c, t, it, op);
		d->conflict = true;
		d->kind = "deleted-there";
		d->local_row = row_json(t, it, sqlite3changeset_conflict, NULL);
		c->conflicts++;
		return SQLITE_CHANGESET_OMIT;
	}
	if (kind == SQLITE_CHANGESET_NOTFOUND) {
		/* Only the bookkeeping times of a row deleted here: nothing to
		 * decide. */
		bool real = false;
		for (int i = 0; op == SQLITE_UPDATE && i < ncol && !real; i++) {
			sqlite3_value *nv = NULL;
			real = sqlite3changeset_new(it, i, &nv) == SQLITE_OK && nv && !t->pk[i] &&
			       !bookkeeping(t->col[i]);
		}
		if (op == SQLITE_UPDATE && real) {
			struct deferred *d = defer(c, t, it, op);
			d->conflict = true;
			d->kind = "deleted-here";
			d->incoming_row = row_json(t, it, sqlite3changeset_new, NULL);
			c->conflicts++;
		}
		return SQLITE_CHANGESET_OMIT; /* a delete of what is gone: done */
	}
	if (kind == SQLITE_CHANGESET_CONFLICT) { /* an insert of a key that exists */
		struct deferred *merge = NULL;
		for (int i = 0; i < ncol; i++) {
			sqlite3_value *nv = NULL, *cur = NULL;
			sqlite3changeset_new(it, i, &nv);
			sqlite3changeset_conflict(it, i, &cur);
			if (t->pk[i] || same(cur, nv))
				continue;
			if (!bookkeeping(t->col[i])) {
				add_conflict(c, t, it, op, "both-added", i, cur, nv);
			} else if (sqlite3_value_int64(nv) > sqlite3_value_int64(cur)) {
				if (!merge) {
					merge = defer(c, t, it, op);
					merge->set = xcalloc((size_t)t->n, sizeof *merge->set);
				}
				merge->set[i] = dup(nv);
			}
		}
		return SQLITE_CHANGESET_OMIT;
	}
	if (kind == SQLITE_CHANGESET_CONSTRAINT) {
		struct deferred *d = defer(c, t, it, op);
		d->conflict = true;
		d->kind = "duplicate";
		d->incoming_row = row_json(
		    t, it, op == SQLITE_DELETE ? sqlite3changeset_old : sqlite3changeset_new,
		    op == SQLITE_UPDATE ? sqlite3changeset_old : NULL);
		c->conflicts++;
		return SQLITE_CHANGESET_OMIT;
	}
	return SQLITE_CHANGESET_OMIT;
}

static void deferred_free(struct apply_ctx *c)
{
	for (size_t i = 0; i < c->nd; i++) {
		struct deferred *d = &c->d[i];
		for (int j = 0; j < d->t->n; j++) {
			sqlite3_value_free(d->pkv[j]);
			if (d->set)
				sqlite3_value_free(d->set[j]);
		}
		free(d->pkv);
		free(d->set);
		sqlite3_value_free(d->local);
		sqlite3_value_free(d->incoming);
		free(d->local_row);
		free(d->incoming_row);
	}
	free(c->d);
	c->d = NULL;
	c->nd = c->capd = 0;
}

/* The JSON array of the row's primary key and the audit trail's row_key
 * and path for col (as the triggers of db/001_init.sql write them). */
static char *pk_json(const struct deferred *d, char **row_key, char **path)
{
	const char *v[8] = {0};
	size_t n = 0;
	for (int i = 0; i < d->t->n && n < 8; i++)
		if (d->t->pk[i])
			v[n++] = d->pkv[i] ? (const char *)sqlite3_value_text(d->pkv[i]) : "";
	*row_key = xstrdup(n ? v[0] : "");
	const char *col = d->col >= 0 ? d->t->col[d->col] : "";
	if (strcmp(d->t->name, "answer") == 0 && n == 4) {
		struct strbuf b = STRBUF_INIT;
		strbuf_append(&b, v[1]);
		if (*v[2])
			strbuf_appendf(&b, "/%s", v[2]);
		if (*v[3])
			strbuf_appendf(&b, "/%s", v[3]);
		*path = strbuf_take(&b);
	} else {
		*path = xstrdup(col);
	}
	return sync_json_array(v, n);
}

static int bind_sqlite_value(sqlite3_stmt *q, int i, sqlite3_value *v)
{
	return v ? sqlite3_bind_value(q, i, v) : sqlite3_bind_null(q, i);
}

static enum kaigi_status run_merge(struct apply_ctx *c, struct deferred *d, struct kaigi_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	strbuf_appendf(&sql, "UPDATE \"%s\" SET ", d->t->name);
	int nset = 0;
	for (int i = 0; i < d->t->n; i++)
		if (d->set[i])
			strbuf_appendf(&sql, "%s\"%s\" = ?%d", nset++ ? ", " : "", d->t->col[i],
				       i + 1);
	strbuf_append(&sql, " WHERE ");
	int nk = 0;
	for (int i = 0; i < d->t->n; i++)
		if (d->t->pk[i])
			strbuf_appendf(&sql, "%s\"%s\" = ?%d", nk++ ? " AND " : "", d->t->col[i],
				       d->t->n + i + 1);
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(c->st->db, sql.s, -1, &q, NULL);
	strbuf_free(&sql);
	if (rc == SQLITE_OK) {
		for (int i = 0; i < d->t->n; i++) {
			if (d->set[i])
				bind_sqlite_value(q, i + 1, d->set[i]);
			if (d->t->pk[i])
				bind_sqlite_value(q, d->t->n + i + 1, d->pkv[i]);
		}
		rc = sqlite3_step(q);
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return KAIGI_OK;
	return store_fail(c->st, rc, err, "applying a received change");
}

static enum kaigi_status run_deferred(struct apply_ctx *c, struct kaigi_error *err)
{
	enum kaigi_status s = KAIGI_OK;
	for (size_t i = 0; i < c->nd && s == KAIGI_OK; i++) {
		struct deferred *d = &c->d[i];
		if (!d->conflict) {
			s = run_merge(c, d, err);
			continue;
		}
		char *row_key = NULL, *path = NULL;
		char *pk = pk_json(d, &row_key, &path);
		s = sync_conflict_insert(
		    c->st, d->kind, d->t->name, pk, d->col >= 0 ? d->t->col[d->col] : "", d->local,
		    d->local_row, d->incoming, d->incoming_row, row_key, path, c->e, err);
		free(pk);
		free(row_key);
		free(path);
	}
	return s;
}

/* Remember the parent rows an entry deleted (temp.sync_deleted), whole:
 * one that still has a child changed here is put back (store_sync_fk.c). */
static enum kaigi_status note_deletes(struct apply_ctx *c, const struct sync_entry *e,
				      struct kaigi_error *err)
{
	if (!e->nchangeset)
		return KAIGI_OK;
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, (int)e->nchangeset, e->changeset) != SQLITE_OK)
		return store_fail(c->st, SQLITE_CORRUPT, err, "reading a change set");
	sqlite3_stmt *q = NULL;
	int rc =
	    sqlite3_prepare_v2(c->st->db,
			       "INSERT INTO temp.sync_deleted (tbl, pk, row, origin, origin_seq, "
			       "actor, at) VALUES (?1, json_array(?2), ?3, ?4, ?5, ?6, ?7)",
			       -1, &q, NULL);
	sqlite3_stmt *k = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(c->st->db,
					"INSERT INTO temp.sync_keys (parent, key) VALUES (?1, ?2)",
					-1, &k, NULL);
	while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab = NULL;
		int ncol = 0, op = 0;
		sqlite3changeset_op(it, &tab, &ncol, &op, NULL);
		struct table_cols *t = table_cols(c, tab);
		if (op != SQLITE_DELETE) {
			/* The parents a new or changed row points at. */
			for (int i = 0; t && i < t->n && i < ncol && rc == SQLITE_OK; i++) {
				const char *parent = sync_fk_parent(tab, t->col[i]);
				sqlite3_value *v = NULL;
				if (!parent || sqlite3changeset_new(it, i, &v) != SQLITE_OK || !v ||
				    sqlite3_value_type(v) == SQLITE_NULL)
					continue;
				sqlite3_reset(k);
				sqlite3_bind_text(k, 1, parent, -1, SQLITE_STATIC);
				sqlite3_bind_value(k, 2, v);
				if (sqlite3_step(k) != SQLITE_DONE)
					rc = sqlite3_errcode(c->st->db);
			}
			continue;
		}
		if (!sync_fk_is_parent(tab))
			continue;
		sqlite3_value *id = NULL;
		if (!t || t->n != ncol || sqlite3changeset_old(it, 0, &id) != SQLITE_OK || !id)
			continue;
		char *row = row_json(t, it, sqlite3changeset_old, NULL);
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, tab, -1, SQLITE_TRANSIENT);
		sqlite3_bind_value(q, 2, id);
		sqlite3_bind_text(q, 3, row, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 4, e->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 5, e->origin_seq);
		sqlite3_bind_text(q, 6, e->actor, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 7, e->at);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->st->db);
		free(row);
		if (rc == SQLITE_OK) {
			sqlite3_reset(k);
			sqlite3_bind_text(k, 1, tab, -1, SQLITE_TRANSIENT);
			sqlite3_bind_value(k, 2, id);
			if (sqlite3_step(k) != SQLITE_DONE)
				rc = sqlite3_errcode(c->st->db);
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(k);
	sqlite3changeset_finalize(it);
	return rc == SQLITE_OK ? KAIGI_OK : store_fail(c->st, rc, err, "noting deleted rows");
}

/* Apply one entry. */
static enum kaigi_status apply_entry(struct apply_ctx *c, const struct sync_entry *e,
				     const char *via, struct kaigi_error *err)
{
	c->e = e;
	c->via = via;
	c->failed = false;
	if (e->nchangeset > 0) {
		int rc = sqlite3changeset_apply_v2(c->st->db, (int)e->nchangeset, e->changeset,
						   NULL, conflict_handler, c, NULL, NULL, 0);
		if (rc != SQLITE_OK || c->failed) {
			deferred_free(c);
			return kaigi_error_set(
			    err, KAIGI_EDATA, NULL, 0, 0,
			    "a change from site %.8s (#%lld) could not be applied "
			    "(%s); nothing was changed",
			    e->origin, e->origin_seq,
			    c->failed ? "its tables differ from this database's"
				      : sqlite3_errstr(rc));
		}
	}
	enum kaigi_status s = run_deferred(c, err);
	deferred_free(c);
	if (s == KAIGI_OK)
		s = note_deletes(c, e, err);
	if (s != KAIGI_OK)
		return s;
	static const char sql[] =
	    "INSERT INTO sync_log (origin, origin_seq, at, actor, deps, changeset, sealed, "
	    "received, via) VALUES (?1, ?2, ?3, ?4, ?5, kaigi_sync_zip(?6), 1, ?7, ?8)";
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(c->st->db, sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, e->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, e->origin_seq);
		sqlite3_bind_int64(q, 3, e->at);
		sqlite3_bind_text(q, 4, e->actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 5, e->deps, -1, SQLITE_STATIC);
		sqlite3_bind_blob(q, 6, e->changeset, (int)e->nchangeset, SQLITE_STATIC);
		sqlite3_bind_int64(q, 7, store_now_ms());
		sqlite3_bind_text(q, 8, via, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? KAIGI_OK : store_fail(c->st, rc, err, "logging a change");
}

static long long held(struct store *st, const char *origin)
{
	sqlite3_stmt *q = NULL;
	long long n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT max(origin_seq) FROM sync_log WHERE origin = ?1", -1,
			       &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, origin, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	return n;
}

static bool ready(struct store *st, const struct sync_entry *e)
{
	if (held(st, e->origin) != e->origin_seq - 1)
		return false;
	const char *p = e->deps;
	while (*p) {
		char origin[SYNC_ID_SIZE];
		const char *colon = strchr(p, ':');
		if (!colon || colon - p != 36)
			return false;
		memcpy(origin, p, 36);
		origin[36] = '\0';
		long long need = strtoll(colon + 1, NULL, 10);
		if (held(st, origin) < need)
			return false;
		const char *semi = strchr(colon, ';');
		p = semi ? semi + 1 : colon + strlen(colon);
	}
	return true;
}

struct queued {
	struct sync_entry *e;
	const char *via;
	bool done, from_pending;
};

enum kaigi_status sync_decisions_run(struct store *st, size_t *n, struct kaigi_error *err);

static enum kaigi_status load_pending(struct store *st, struct sync_payload *held_back,
				      struct kaigi_error *err)
{
	memset(held_back, 0, sizeof *held_back);
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT origin, origin_seq, at, actor, deps, changeset, via "
				    "FROM sync_pending ORDER BY received, origin, origin_seq",
				    -1, &q, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(q);
		return store_fail(st, rc, err, "reading the waiting changes");
	}
	rc = sync_entry_rows(q, held_back);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err, "reading the waiting changes");
	return KAIGI_OK;
}

static enum kaigi_status apply_all(struct store *st, struct sync_payload *const *p, size_t n,
				   struct sync_import_result *res, struct kaigi_error *err)
{
	struct sync_payload back;
	enum kaigi_status s = load_pending(st, &back, err);
	if (s != KAIGI_OK)
		return s;
	size_t total = back.n;
	for (size_t i = 0; i < n; i++)
		total += p[i]->n;
	struct queued *qv = xcalloc(total ? total : 1, sizeof *qv);
	size_t nq = 0;
	for (size_t i = 0; i < back.n; i++)
		qv[nq++] = (struct queued){.e = &back.v[i], .via = "", .from_pending = true};
	for (size_t i = 0; i < n && s == KAIGI_OK; i++) {
		size_t fresh = 0;
		for (size_t j = 0; j < p[i]->n; j++) {
			struct sync_entry *e = &p[i]->v[j];
			if (held(st, e->origin) >= e->origin_seq) {
				res->known++;
				continue;
			}
			fresh++;
			qv[nq++] = (struct queued){.e = e, .via = p[i]->site};
		}
		s = sync_peer_note(st, p[i], fresh, err);
	}
	struct apply_ctx c = {.st = st};
	char *saved_actor = xstrdup(st->actor);
	bool progress = true;
	while (s == KAIGI_OK && progress) {
		progress = false;
		for (size_t i = 0; i < nq && s == KAIGI_OK; i++) {
			struct queued *q = &qv[i];
			if (q->done)
				continue;
			if (held(st, q->e->origin) >= q->e->origin_seq) {
				q->done = true; /* the same entry twice in the bundles */
				continue;
			}
			if (!ready(st, q->e))
				continue;
			free(st->actor);
			st->actor = xasprintf("%s @%.8s", q->e->actor, q->e->origin);
			size_t before = c.conflicts;
			s = apply_entry(&c, q->e, q->via, err);
			res->conflicts += c.conflicts - before;
			q->done = true;
			progress = true;
			if (s == KAIGI_OK)
				res->applied++;
		}
	}
	free(st->actor);
	st->actor = saved_actor;
	tables_free(&c);
	/* Entries still waiting stay for a later import. */
	sqlite3_stmt *ins = NULL;
	if (s == KAIGI_OK && sqlite3_prepare_v2(st->db,
						"INSERT OR IGNORE INTO sync_pending (origin, "
						"origin_seq, at, actor, deps, changeset, received, "
						"via) VALUES (?1, ?2, ?3, ?4, ?5, "
						"kaigi_sync_zip(?6), ?7, ?8)",
						-1, &ins, NULL) != SQLITE_OK)
		s = store_fail(st, sqlite3_errcode(st->db), err, "keeping waiting changes");
	for (size_t i = 0; i < nq && s == KAIGI_OK; i++) {
		struct queued *q = &qv[i];
		if (!q->done && !q->from_pending) {
			sqlite3_reset(ins);
			sqlite3_bind_text(ins, 1, q->e->origin, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 2, q->e->origin_seq);
			sqlite3_bind_int64(ins, 3, q->e->at);
			sqlite3_bind_text(ins, 4, q->e->actor, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 5, q->e->deps, -1, SQLITE_STATIC);
			sqlite3_bind_blob(ins, 6, q->e->changeset, (int)q->e->nchangeset,
					  SQLITE_STATIC);
			sqlite3_bind_int64(ins, 7, store_now_ms());
			sqlite3_bind_text(ins, 8, q->via, -1, SQLITE_STATIC);
			if (sqlite3_step(ins) != SQLITE_DONE)
				s = store_fail(st, sqlite3_errcode(st->db), err,
					       "keeping waiting changes");
		}
	}
	sqlite3_finalize(ins);
	if (s == KAIGI_OK)
		s = store_exec(st,
			       "DELETE FROM sync_pending WHERE EXISTS (SELECT 1 FROM sync_log l "
			       "WHERE l.origin = sync_pending.origin AND l.origin_seq = "
			       "sync_pending.origin_seq)",
			       err);
	free(qv);
	sync_payload_free(&back);
	return s;
}

enum kaigi_status store_sync_import(struct store *st, struct sync_payload *const *p, size_t n,
				    const char *town, struct sync_import_result *res,
				    struct kaigi_error *err)
{
	memset(res, 0, sizeof *res);
	if (st->read_only)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "the database is open read-only; nothing can be saved");
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i]->site, store_sync_site_id(st)) == 0)
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "the bundle was made by this database itself (site "
					       "%.8s); import it on another laptop",
					       p[i]->site);
	/* Foreign keys are checked by sync_fk_settle at the end instead: a
	 * cascade must not delete what the other side did not delete. */
	/* A bundle's rows land at random places of UUID-keyed tables: a
	 * bigger page cache while applying, as kaigi import does. */
	enum kaigi_status s =
	    store_exec(st, "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536", err);
	if (s != KAIGI_OK)
		return s;
	s = store_begin(st, err);
	if (s != KAIGI_OK) {
		store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000", err);
		return s;
	}
	store_sync_capture_enable(st, false);
	s = sync_fk_begin(st, err);
	if (s == KAIGI_OK)
		s = apply_all(st, p, n, res, err);
	if (s == KAIGI_OK)
		s = sync_decisions_run(st, &res->decisions, err);
	if (s == KAIGI_OK && n > 0) {
		struct sync_entry blame = {
		    .origin_seq = 0, .at = store_now_ms(), .actor = (char *)"(foreign key check)"};
		snprintf(blame.origin, sizeof blame.origin, "%s", p[0]->site);
		s = sync_fk_settle(st, &blame, &res->conflicts, err);
	}
	if (s == KAIGI_OK) {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sync_pending", -1, &q, NULL) ==
			SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			res->waiting = (size_t)sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
		/* Later local changes depend on what arrived: a new entry. */
		s = store_exec(st, "UPDATE sync_log SET sealed = 1 WHERE sealed = 0", err);
	}
	if (s == KAIGI_OK && town && *town) {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(st->db,
				       "INSERT OR IGNORE INTO setting (key, value) VALUES "
				       "('sync_town', ?1)",
				       -1, &q, NULL) == SQLITE_OK) {
			sqlite3_bind_text(q, 1, town, -1, SQLITE_STATIC);
			sqlite3_step(q);
		}
		sqlite3_finalize(q);
	}
	s = store_end(st, s, err);
	store_sync_capture_enable(st, true);
	struct kaigi_error e2;
	store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000", &e2);
	return s;
}
