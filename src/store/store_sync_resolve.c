// SPDX-License-Identifier: MIT
/*
 * store_sync_resolve.c — the conflicts a person decides, and their
 * decisions travelling to the other laptops.
 *
 * A decision is a row of sync_decision (a travelling table): settling a
 * conflict here changes the row here (captured as usual) and writes the
 * decision; a laptop that receives it carries it out (sync_decisions_run)
 * and closes its own copy of the conflict, so both sides settle the same
 * way after the next exchange.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_sync.h"

enum kaigi_status sync_decisions_run(struct store *st, size_t *n, struct kaigi_error *err);

void sync_conflicts_free(struct sync_conflicts *c)
{
	for (size_t i = 0; i < c->n; i++)
		store_cols_clear(store_sync_conflict_cols, &c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

enum kaigi_status sync_conflict_insert(struct store *st, const char *kind, const char *tbl,
				       const char *pk, const char *col, sqlite3_value *local,
				       const char *local_row, sqlite3_value *incoming,
				       const char *incoming_row, const char *row_key,
				       const char *path, const struct sync_entry *e,
				       struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT OR IGNORE INTO sync_conflict (found, kind, tbl, pk, col, local_value, "
	    "incoming_value, local_who, local_at, incoming_who, incoming_at, incoming_site, "
	    "origin_seq) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, a.who, a.at, ?8, ?9, ?10, ?11 "
	    "FROM (SELECT 1) LEFT JOIN (SELECT who, at FROM audit WHERE tbl = ?3 AND row_key = "
	    "?12 AND path = ?13 ORDER BY seq DESC LIMIT 1) a";
	return store_run_fmt(st, sql, "recording a conflict", err, "IttttSStItItt", store_now_ms(),
			     kind, tbl, pk, col, local_row, local, incoming_row, incoming, e->actor,
			     e->at, e->origin, e->origin_seq, row_key, path);
}

/* A readable name of the conflicting row: the meeting's date, the case
 * code and the form for a record's answers. */
static const char row_sql[] =
    "SELECT CASE c.tbl "
    "WHEN 'answer' THEN (SELECT m.date || ' ' || ifnull(p.code, '-') || ' ' || r.form || ' › ' "
    "  || json_extract(c.pk, '$[1]') || iif(json_extract(c.pk, '$[2]') = '', '', '/' || "
    "  json_extract(c.pk, '$[2]')) || iif(json_extract(c.pk, '$[3]') = '', '', '/' || "
    "  json_extract(c.pk, '$[3]')) FROM form_record r JOIN meeting m ON m.id = r.meeting_id "
    "  LEFT JOIN case_review k ON k.id = r.case_id LEFT JOIN person p ON p.id = k.person_id "
    "  WHERE r.id = json_extract(c.pk, '$[0]')) "
    "WHEN 'meeting' THEN (SELECT 'meeting ' || date || ' ' || title FROM meeting "
    "  WHERE id = json_extract(c.pk, '$[0]')) "
    "WHEN 'person' THEN (SELECT 'person ' || code FROM person WHERE id = json_extract(c.pk, "
    "  '$[0]')) END";

enum kaigi_status store_sync_conflicts(struct store *st, bool all, struct sync_conflicts *out,
				       struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	char *sql = xasprintf(
	    "SELECT c.id, kind, tbl, pk, col, local_value, incoming_value, local_who, "
	    "ifnull(local_at, 0), incoming_who, incoming_at, incoming_site, found, resolution, "
	    "(%s), state FROM sync_conflict c WHERE ?1 OR state = 'open' ORDER BY c.id",
	    row_sql);
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	free(sql);
	size_t cap = 0;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(q, 1, all);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
			struct sync_conflict *x = &out->v[out->n++];
			memset(x, 0, sizeof *x);
			store_cols_read(q, 0, store_sync_conflict_cols, x);
			x->open = strcmp((const char *)sqlite3_column_text(q, 15), "open") == 0;
			if (!x->row)
				x->row = xasprintf("%s %s", x->tbl, x->pk);
		}
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		sync_conflicts_free(out);
		return store_fail(st, rc, err, "reading the conflicts");
	}
	return KAIGI_OK;
}

/* "a = json_extract(?N, '$[0]') AND b = …" over the primary key of tbl,
 * and whether col is one of its (non-key) columns; NULL when tbl does not
 * travel. */
static char *pk_where(struct store *st, const char *tbl, const char *col, int param, bool *col_ok)
{
	*col_ok = false;
	if (!sync_table_travels(tbl) || strcmp(tbl, "sync_decision") == 0)
		return NULL;
	sqlite3_stmt *q = NULL;
	char *sql = xasprintf("SELECT name, pk FROM pragma_table_info('%s') ORDER BY cid", tbl);
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	free(sql);
	struct strbuf b = STRBUF_INIT;
	int k = 0;
	while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(q, 0);
		if (sqlite3_column_int(q, 1) > 0)
			strbuf_appendf(&b, "%s\"%s\" = json_extract(?%d, '$[%d]')",
				       k ? " AND " : "", name, param, k),
			    k++;
		else if (col && strcmp(col, name) == 0)
			*col_ok = true;
	}
	sqlite3_finalize(q);
	if (!k) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_take(&b);
}

/* The current row as a JSON object, or NULL when it is gone. */
static char *row_now(struct store *st, const char *tbl, const char *pk)
{
	bool ok;
	char *where = pk_where(st, tbl, NULL, 1, &ok);
	if (!where)
		return NULL;
	char *cols = sync_json_object_args(st, tbl);
	char *sql = xasprintf("SELECT json_object(%s) FROM \"%s\" WHERE %s", cols, tbl, where);
	free(cols);
	free(where);
	sqlite3_stmt *q = NULL;
	char *row = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, pk, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			row = store_column_strdup(q, 0);
	}
	sqlite3_finalize(q);
	free(sql);
	return row;
}

/* Carry out one action on a row: set col, delete the row, or restore it
 * from a JSON object (when missing). */
enum kaigi_status sync_row_act(struct store *st, const char *tbl, const char *pk, const char *col,
			       const char *action, sqlite3_value *value, const char *text,
			       struct kaigi_error *err)
{
	bool col_ok = false;
	char *where = pk_where(st, tbl, col, 2, &col_ok);
	if (!where)
		return KAIGI_OK; /* not a travelling table: nothing to do */
	char *sql = NULL;
	if (strcmp(action, "set") == 0 && col_ok)
		sql = xasprintf("UPDATE \"%s\" SET \"%s\" = ?1 WHERE %s AND \"%s\" IS NOT ?1", tbl,
				col, where, col);
	else if (strcmp(action, "delete") == 0)
		sql = xasprintf("DELETE FROM \"%s\" WHERE %s", tbl, where);
	else if (strcmp(action, "restore") == 0) {
		struct strbuf cols = STRBUF_INIT, vals = STRBUF_INIT;
		sqlite3_stmt *q = NULL;
		char *ti = xasprintf("SELECT name FROM pragma_table_info('%s')", tbl);
		if (sqlite3_prepare_v2(st->db, ti, -1, &q, NULL) == SQLITE_OK)
			while (sqlite3_step(q) == SQLITE_ROW) {
				const char *n = (const char *)sqlite3_column_text(q, 0);
				strbuf_appendf(&cols, "%s\"%s\"", cols.len ? ", " : "", n);
				strbuf_appendf(&vals, "%sjson_extract(?1, '$.%s')",
					       vals.len ? ", " : "", n);
			}
		sqlite3_finalize(q);
		free(ti);
		sql = xasprintf("INSERT OR IGNORE INTO \"%s\" (%s) SELECT %s WHERE ?2 IS NOT NULL",
				tbl, cols.s, vals.s);
		strbuf_free(&cols);
		strbuf_free(&vals);
	}
	free(where);
	if (!sql)
		return KAIGI_OK;
	enum kaigi_status s = store_run_fmt(st, sql, "carrying out a decision on a conflict", err,
					    "St", text, value, pk);
	free(sql);
	return s;
}

/* Close the open conflicts about (tbl, pk, col). */
static enum kaigi_status close_conflicts(struct store *st, const char *tbl, const char *pk,
					 const char *col, const char *resolution, const char *who,
					 struct kaigi_error *err)
{
	static const char sql[] =
	    "UPDATE sync_conflict SET state = 'resolved', resolution = ?4, resolved_by = ?5, "
	    "resolved_at = ?6 WHERE state = 'open' AND tbl = ?1 AND pk = ?2 AND (col = ?3 OR ?3 = "
	    "'')";
	return store_run_fmt(st, sql, "closing a conflict", err, "tttttI", tbl, pk, col, resolution,
			     who, store_now_ms());
}

enum kaigi_status sync_decisions_run(struct store *st, size_t *n, struct kaigi_error *err)
{
	*n = 0;
	/* A decision whose key is not a JSON array names no row: nothing to
	 * carry out (a bundle from a kaigi never holds one). */
	enum kaigi_status bad = store_exec(
	    st,
	    "INSERT OR IGNORE INTO sync_decision_done (id) SELECT id FROM sync_decision WHERE NOT "
	    "(json_valid(pk) AND json_type(pk) = 'array' AND (action <> 'restore' OR value IS "
	    "NULL OR json_valid(value)))",
	    err);
	if (bad != KAIGI_OK)
		return bad;
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT id, tbl, pk, col, action, value, who, site FROM "
				    "sync_decision WHERE id NOT IN (SELECT id FROM "
				    "sync_decision_done) ORDER BY created, id",
				    -1, &q, NULL);
	enum kaigi_status s = KAIGI_OK;
	if (rc != SQLITE_OK) {
		sqlite3_finalize(q);
		return store_fail(st, rc, err, "reading decisions");
	}
	while (s == KAIGI_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(q, 0);
		const char *tbl = (const char *)sqlite3_column_text(q, 1);
		const char *pk = (const char *)sqlite3_column_text(q, 2);
		const char *col = (const char *)sqlite3_column_text(q, 3);
		const char *action = (const char *)sqlite3_column_text(q, 4);
		const char *who = (const char *)sqlite3_column_text(q, 6);
		const char *site = (const char *)sqlite3_column_text(q, 7);
		char *saved = st->actor;
		st->actor = xasprintf("%s @%.8s", who, site);
		/* Two people may settle one conflict differently before they
		 * exchange: every laptop carries out the latest decision (by
		 * time, then id), so all end with the same value. */
		sqlite3_stmt *w = NULL;
		if (sqlite3_prepare_v2(
			st->db,
			"SELECT action, value FROM sync_decision WHERE tbl = ?1 AND pk = "
			"?2 AND col = ?3 ORDER BY created DESC, id DESC LIMIT 1",
			-1, &w, NULL) == SQLITE_OK)
			store_bind_args(w, "ttt", tbl, pk, col);
		if (w && sqlite3_step(w) == SQLITE_ROW)
			s = sync_row_act(st, tbl, pk, col, (const char *)sqlite3_column_text(w, 0),
					 sqlite3_column_value(w, 1), NULL, err);
		else
			s = sync_row_act(st, tbl, pk, col, action, sqlite3_column_value(q, 5), NULL,
					 err);
		sqlite3_finalize(w);
		if (s != KAIGI_OK) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			s = kaigi_error_set(
			    err, KAIGI_EDATA, NULL, 0, 0,
			    "a decision in the bundle (from site %.8s) could not be "
			    "carried out (%s); nothing was changed",
			    site, why);
		}
		free(st->actor);
		st->actor = saved;
		char *res = xasprintf("decided at %.8s (%s)", site, action);
		if (s == KAIGI_OK)
			s = close_conflicts(st, tbl, pk, col, res, who, err);
		free(res);
		sqlite3_stmt *d = NULL;
		if (s == KAIGI_OK &&
		    sqlite3_prepare_v2(st->db,
				       "INSERT OR IGNORE INTO sync_decision_done (id) "
				       "VALUES (?1)",
				       -1, &d, NULL) == SQLITE_OK) {
			sqlite3_bind_text(d, 1, id, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(d) != SQLITE_DONE)
				s = store_fail(st, sqlite3_errcode(st->db), err,
					       "recording a decision");
		}
		sqlite3_finalize(d);
		(*n)++;
	}
	sqlite3_finalize(q);
	if (s == KAIGI_OK && rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "reading decisions");
	return s;
}

static enum kaigi_status write_decision(struct store *st, const char *tbl, const char *pk,
					const char *col, const char *action,
					const struct kaigi_value *v, const char *text,
					struct kaigi_error *err)
{
	char id[STORE_ID_SIZE];
	store_uuid_new(id);
	enum kaigi_status s = store_run_fmt(
	    st,
	    "INSERT INTO sync_decision (id, tbl, pk, col, action, value, who, site, created, "
	    "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
	    "recording the decision", err, "tttttVttI", id, tbl, pk, col, action, text, v,
	    st->actor, store_sync_site_id(st), store_now_ms());
	if (s == KAIGI_OK)
		s = store_run_fmt(st, "INSERT INTO sync_decision_done (id) VALUES (?1)",
				  "recording the decision", err, "t", id);
	return s;
}

enum kaigi_status store_sync_resolve(struct store *st, long long id, enum sync_keep keep,
				     const char *text, struct kaigi_error *err)
{
	struct sync_conflicts all;
	enum kaigi_status s = store_sync_conflicts(st, true, &all, err);
	if (s != KAIGI_OK)
		return s;
	struct sync_conflict *c = NULL;
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].id == id)
			c = &all.v[i];
	if (!c || !c->open) {
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    c ? "conflict %lld is already resolved (%s)"
				      : "no conflict %lld (kaigi sync conflicts lists them)",
				    id, c && c->resolution ? c->resolution : "");
		sync_conflicts_free(&all);
		return s;
	}
	bool column = c->col && *c->col;
	const char *kind = c->kind;
	const char *how = keep == SYNC_KEEP_LOCAL      ? "local"
			  : keep == SYNC_KEEP_INCOMING ? "incoming"
						       : "text";
	if (!column && keep == SYNC_KEEP_TEXT)
		s = kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0,
				    "conflict %lld is about a whole row (%s): keep local or "
				    "incoming, not a text",
				    id, kind);
	else if (!column && keep == SYNC_KEEP_INCOMING && strcmp(kind, "deleted-there") != 0)
		s = kaigi_error_set(
		    err, KAIGI_EDATA, NULL, 0, 0,
		    strcmp(kind, "deleted-here") == 0
			? "conflict %lld: the row was deleted here, and the other side's edit "
			  "cannot bring it back whole; --keep local keeps it deleted everywhere "
			  "(the edit stays readable in `kaigi sync conflicts --all`)"
			: "conflict %lld: the incoming row cannot be taken as it is (it breaks a "
			  "rule here: a case code used twice, or a row whose meeting or case is "
			  "gone); change it by hand on one laptop, then --keep local",
		    id);
	if (s != KAIGI_OK) {
		sync_conflicts_free(&all);
		return s;
	}
	s = store_begin(st, err);
	if (s == KAIGI_OK && column) {
		const struct kaigi_value *v = keep == SYNC_KEEP_LOCAL ? &c->local : &c->incoming;
		if (keep != SYNC_KEEP_LOCAL) {
			sqlite3_stmt *tmp = NULL;
			/* a sqlite3_value for the chosen value */
			if (sqlite3_prepare_v2(st->db, "SELECT ?1", -1, &tmp, NULL) == SQLITE_OK) {
				if (text)
					sqlite3_bind_text(tmp, 1, text, -1, SQLITE_STATIC);
				else
					store_bind_value(tmp, 1, v);
				if (sqlite3_step(tmp) == SQLITE_ROW)
					s = sync_row_act(st, c->tbl, c->pk, c->col, "set",
							 sqlite3_column_value(tmp, 0), NULL, err);
			}
			sqlite3_finalize(tmp);
		}
		if (s == KAIGI_OK)
			s = write_decision(st, c->tbl, c->pk, c->col, "set", v,
					   keep == SYNC_KEEP_TEXT ? text : NULL, err);
	} else if (s == KAIGI_OK) {
		const char *action = "close";
		char *row = NULL;
		if (strcmp(kind, "deleted-there") == 0 && keep == SYNC_KEEP_LOCAL) {
			action = "restore";
			row = row_now(st, c->tbl, c->pk);
		} else if (strcmp(kind, "deleted-there") == 0) {
			action = "delete";
			s = sync_row_act(st, c->tbl, c->pk, "", "delete", NULL, NULL, err);
		} else if (strcmp(kind, "deleted-here") == 0) {
			action = "delete";
		}
		if (s == KAIGI_OK)
			s = write_decision(st, c->tbl, c->pk, "", action, NULL, row, err);
		free(row);
	}
	char *res = xasprintf("%s (here)", how);
	if (s == KAIGI_OK)
		s = close_conflicts(st, c->tbl, c->pk, c->col ? c->col : "", res, st->actor, err);
	free(res);
	s = store_end(st, s, err);
	sync_conflicts_free(&all);
	return s;
}
