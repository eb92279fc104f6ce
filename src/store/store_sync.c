// SPDX-License-Identifier: MIT
/*
 * store_sync.c — change capture and the local sync log.
 *
 * A read-write store keeps an SQLite session on the travelling tables.
 * When a saving transaction ends (store_end), what it changed becomes an
 * entry of sync_log, numbered in this site's own sequence; until the next
 * exchange, consecutive entries by the same person are merged with
 * sqlite3changegroup, so a meeting's hundreds of small saves travel as a
 * few change sets (up to SYNC_MERGE_MAX bytes each: merging re-reads and
 * rewrites the entry inside the save's own transaction, so the bound is
 * what a save may cost in pages — 16 KiB keeps it to a few).  An export collects the entries a peer
 * has not seen; the status and the peers are read from the same tables (db/010_sync.sql).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_sync.h"

/* The largest open entry a save merges into (see above). */
#define SYNC_MERGE_MAX "16384"

static int filter_travelling(void *ctx, const char *tab)
{
	(void)ctx;
	return sync_table_travels(tab);
}

static enum kaigi_status session_new(struct store *st, sqlite3_session **out,
				     struct kaigi_error *err)
{
	sqlite3_session *s = NULL;
	int rc = sqlite3session_create(st->db, "main", &s);
	if (rc == SQLITE_OK) {
		sqlite3session_table_filter(s, filter_travelling, NULL);
		rc = sqlite3session_attach(s, NULL);
	}
	if (rc != SQLITE_OK) {
		if (s)
			sqlite3session_delete(s);
		return store_fail(st, rc, err, "starting the change capture");
	}
	*out = s;
	return KAIGI_OK;
}

const char *store_sync_site_id(struct store *st)
{
	if (!st->sync_site[0]) {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(st->db, "SELECT value FROM setting WHERE key = 'site_id'",
				       -1, &q, NULL) == SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			store_column_id(q, 0, st->sync_site);
		sqlite3_finalize(q);
	}
	return st->sync_site;
}

/* The integer in the one row of sql, with ?1 bound to arg unless NULL;
 * -1 when it has none (with err filled, unless err is NULL). */
static long long count(struct store *st, const char *sql, const char *arg, struct kaigi_error *err)
{
	struct kaigi_error ignored;
	sqlite3_stmt *q = store_stmt(st, sql, err ? err : &ignored);
	if (!q)
		return -1;
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_reset(q);
	if (n < 0 && err)
		store_fail(st, sqlite3_errcode(st->db), err, "reading the sync log");
	return n;
}

/* The next origin_seq of this site. */
static long long next_seq(struct store *st, const char *origin, struct kaigi_error *err)
{
	return count(st, "SELECT ifnull(max(origin_seq), 0) + 1 FROM sync_log WHERE origin = ?1",
		     origin, err);
}

/* 'site:seq;…' of every other origin this site holds: what a new local
 * entry may depend on. */
static char *current_deps(struct store *st, const char *self)
{
	static const char sql[] = "SELECT origin, max(origin_seq) FROM sync_log WHERE origin <> ?1 "
				  "GROUP BY origin ORDER BY origin";
	struct kaigi_error err;
	struct strbuf b = STRBUF_INIT;
	sqlite3_stmt *q = store_stmt(st, sql, &err);
	if (q) {
		sqlite3_bind_text(q, 1, self, -1, SQLITE_STATIC);
		while (sqlite3_step(q) == SQLITE_ROW)
			strbuf_appendf(&b, "%s%s:%lld", b.len ? ";" : "",
				       (const char *)sqlite3_column_text(q, 0),
				       sqlite3_column_int64(q, 1));
		sqlite3_reset(q);
	}
	char *s = strbuf_take(&b);
	return s ? s : xstrdup("");
}

static enum kaigi_status log_local(struct store *st, const void *cs, int n, struct kaigi_error *err)
{
	const char *site = store_sync_site_id(st);
	/* Merge into the open entry (not yet exchanged, same person). */
	static const char last_sql[] =
	    "SELECT seq, changeset FROM sync_log WHERE origin = ?1 AND sealed = 0 AND actor = ?2 "
	    "AND length(changeset) < " SYNC_MERGE_MAX " "
	    "ORDER BY origin_seq DESC LIMIT 1";
	sqlite3_stmt *q = store_stmt(st, last_sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, site, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, st->actor, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(q, 0);
		sqlite3_changegroup *g = NULL;
		int m = 0;
		void *merged = NULL;
		void *last = NULL;
		size_t nlast = 0;
		int rc = sync_zip_column(q, 1, &last, &nlast) ? sqlite3changegroup_new(&g)
							      : SQLITE_CORRUPT;
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_add(g, (int)nlast, last);
		free(last);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_add(g, n, (void *)cs);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_output(g, &m, &merged);
		if (g)
			sqlite3changegroup_delete(g);
		sqlite3_reset(q);
		if (rc != SQLITE_OK) {
			sqlite3_free(merged);
			return store_fail(st, rc, err, "merging the change log");
		}
		static const char upd[] =
		    "UPDATE sync_log SET changeset = ?2, at = ?3 WHERE seq = ?1";
		sqlite3_stmt *u = store_stmt(st, upd, err);
		if (!u) {
			sqlite3_free(merged);
			return err->status;
		}
		sqlite3_bind_int64(u, 1, seq);
		sqlite3_bind_blob(u, 2, merged ? merged : "", m, SQLITE_TRANSIENT);
		sqlite3_bind_int64(u, 3, store_now_ms());
		rc = sqlite3_step(u);
		sqlite3_reset(u);
		sqlite3_free(merged);
		return rc == SQLITE_DONE ? KAIGI_OK : store_fail(st, rc, err, "logging a change");
	}
	sqlite3_reset(q);
	long long seq = next_seq(st, site, err);
	if (seq < 0)
		return err->status;
	char *deps = current_deps(st, site);
	/* An entry too large to merge into is kept compressed at once. */
	static const char ins[] =
	    "INSERT INTO sync_log (origin, origin_seq, at, actor, deps, "
	    "changeset) VALUES (?1, ?2, ?3, ?4, ?5, iif(length(?6) >= " SYNC_MERGE_MAX
	    ", kaigi_sync_zip(?6), ?6))";
	sqlite3_stmt *i = store_stmt(st, ins, err);
	if (!i) {
		free(deps);
		return err->status;
	}
	sqlite3_bind_text(i, 1, site, -1, SQLITE_STATIC);
	sqlite3_bind_int64(i, 2, seq);
	sqlite3_bind_int64(i, 3, store_now_ms());
	sqlite3_bind_text(i, 4, st->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(i, 5, deps, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob(i, 6, cs, n, SQLITE_STATIC);
	int rc = sqlite3_step(i);
	sqlite3_reset(i);
	free(deps);
	return rc == SQLITE_DONE ? KAIGI_OK : store_fail(st, rc, err, "logging a change");
}

/* Log what the outermost transaction changed, inside it, before COMMIT. */
static enum kaigi_status sync_capture(struct store *st, struct kaigi_error *err)
{
	sqlite3_session *s = st->sync_session;
	if (!s || st->sync_paused || sqlite3session_isempty(s))
		return KAIGI_OK;
	int n = 0;
	void *cs = NULL;
	int rc = sqlite3session_changeset(s, &n, &cs);
	sqlite3session_delete(s);
	st->sync_session = NULL;
	enum kaigi_status r = KAIGI_OK;
	if (rc != SQLITE_OK)
		r = store_fail(st, rc, err, "capturing the changes");
	else if (n > 0)
		r = log_local(st, cs, n, err);
	sqlite3_free(cs);
	sqlite3_session *fresh = NULL;
	struct kaigi_error e2;
	if (session_new(st, &fresh, r == KAIGI_OK ? err : &e2) == KAIGI_OK)
		st->sync_session = fresh;
	else if (r == KAIGI_OK)
		r = err->status;
	return r;
}

/* After a ROLLBACK: forget what was recorded. */
static void sync_discard(struct store *st)
{
	if (!st->sync_session)
		return;
	sqlite3session_delete(st->sync_session);
	st->sync_session = NULL;
	struct kaigi_error e;
	sqlite3_session *fresh = NULL;
	if (session_new(st, &fresh, &e) == KAIGI_OK)
		st->sync_session = fresh;
}

void store_sync_close(struct store *st)
{
	if (st->sync_session)
		sqlite3session_delete(st->sync_session);
	st->sync_session = NULL;
}

void store_sync_capture_enable(struct store *st, bool on)
{
	st->sync_paused = !on;
	if (st->sync_session)
		sqlite3session_enable(st->sync_session, on ? 1 : 0);
}

/* A database that held rows before sync existed: one entry inserting them
 * all, made by diffing against an empty copy of the schema
 * (sqlite3session_diff), so "everything" really is everything. */
static enum kaigi_status make_baseline(struct store *st, struct kaigi_error *err)
{
	enum kaigi_status s = store_exec(st, "ATTACH ':memory:' AS sync_empty", err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_session *b = NULL;
	s = store_begin(st, err);
	if (s == KAIGI_OK)
		s = session_new(st, &b, err);
	for (size_t i = 0; sync_tables[i] && s == KAIGI_OK; i++) {
		sqlite3_stmt *q = NULL;
		int rc = sqlite3_prepare_v2(
		    st->db, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1",
		    -1, &q, NULL);
		char *ddl = NULL;
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(q, 1, sync_tables[i], -1, SQLITE_STATIC);
			if (sqlite3_step(q) == SQLITE_ROW) {
				const char *sql = (const char *)sqlite3_column_text(q, 0);
				const char *paren = sql ? strchr(sql, '(') : NULL;
				if (paren)
					ddl = xasprintf("CREATE TABLE sync_empty.\"%s\" %s",
							sync_tables[i], paren);
			}
		}
		sqlite3_finalize(q);
		if (!ddl)
			continue;
		s = store_exec(st, ddl, err);
		free(ddl);
		char *msg = NULL;
		if (s == KAIGI_OK) {
			rc = sqlite3session_diff(b, "sync_empty", sync_tables[i], &msg);
			if (rc != SQLITE_OK)
				s = kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
						    "reading %s for the sync log: %s",
						    sync_tables[i], msg ? msg : sqlite3_errstr(rc));
		}
		sqlite3_free(msg);
	}
	if (s == KAIGI_OK && !sqlite3session_isempty(b)) {
		int n = 0;
		void *cs = NULL;
		int rc = sqlite3session_changeset(b, &n, &cs);
		if (rc != SQLITE_OK)
			s = store_fail(st, rc, err, "reading the records for the sync log");
		else if (n > 0)
			s = log_local(st, cs, n, err);
		sqlite3_free(cs);
	}
	if (b)
		sqlite3session_delete(b);
	if (s == KAIGI_OK)
		s = store_exec(st,
			       "INSERT OR REPLACE INTO setting (key, value) VALUES "
			       "('sync_baseline', CAST((julianday('now') - 2440587.5) * 86400000 "
			       "AS INTEGER))",
			       err);
	s = store_end(st, s, err);
	struct kaigi_error e2;
	store_exec(st, "DETACH sync_empty", &e2);
	return s;
}

enum kaigi_status store_sync_open(struct store *st, struct kaigi_error *err)
{
	sqlite3_stmt *q = NULL;
	int have = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM setting WHERE key = 'sync_baseline'",
			       -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		have = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	if (!have) {
		enum kaigi_status s = make_baseline(st, err);
		if (s != KAIGI_OK)
			return s;
	}
	sqlite3_session *sess = NULL;
	enum kaigi_status s = session_new(st, &sess, err);
	static const struct store_txn_log log = {sync_capture, sync_discard};
	if (s == KAIGI_OK) {
		st->sync_session = sess;
		st->txn_log = &log;
	}
	return s;
}

enum kaigi_status store_sync_site(struct store *st, char id[SYNC_ID_SIZE], char **name,
				  struct kaigi_error *err)
{
	snprintf(id, SYNC_ID_SIZE, "%s", store_sync_site_id(st));
	if (!id[0])
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "the database has no site id (open it read-write once)");
	*name = NULL;
	static const char sql[] = "SELECT value FROM setting WHERE key = 'site_name'";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	if (sqlite3_step(q) == SQLITE_ROW)
		*name = store_column_strdup(q, 0);
	sqlite3_reset(q);
	if (!*name)
		*name = xstrdup("");
	return KAIGI_OK;
}

static void bind_name(sqlite3_stmt *q, const void *arg)
{
	sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
}

enum kaigi_status store_sync_set_name(struct store *st, const char *name, struct kaigi_error *err)
{
	if (strlen(name) >= 120 || strchr(name, '\n'))
		return kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0,
				       "a site name is one line of at most 120 bytes");
	return store_write1(st,
			    "INSERT OR REPLACE INTO setting (key, value) VALUES ('site_name', ?1)",
			    bind_name, name, "naming this site", err);
}

enum kaigi_status store_sync_town(struct store *st, char **town, struct kaigi_error *err)
{
	static const char sql[] = "SELECT value FROM setting WHERE key = 'sync_town'";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	*town = sqlite3_step(q) == SQLITE_ROW ? store_column_strdup(q, 0) : NULL;
	sqlite3_reset(q);
	if (!*town)
		*town = xstrdup("");
	return KAIGI_OK;
}

enum kaigi_status store_sync_peer_find(struct store *st, const char *what, char id[SYNC_ID_SIZE],
				       struct kaigi_error *err)
{
	static const char sql[] = "SELECT site, name FROM sync_peer ORDER BY name, site";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	int found = 0;
	struct strbuf known = STRBUF_INIT;
	size_t wl = strlen(what);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *site = (const char *)sqlite3_column_text(q, 0);
		const char *name = (const char *)sqlite3_column_text(q, 1);
		strbuf_appendf(&known, "%s%s (%.8s)", known.len ? ", " : "",
			       name && *name ? name : "-", site);
		if ((name && strcmp(name, what) == 0) ||
		    (wl >= 4 && strncmp(site, what, wl) == 0)) {
			snprintf(id, SYNC_ID_SIZE, "%s", site);
			found++;
		}
	}
	sqlite3_reset(q);
	enum kaigi_status s = KAIGI_OK;
	if (found != 1)
		s = kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0,
				    "%s peer '%s' (known peers: %s); a peer becomes known when "
				    "one of its bundles is imported here",
				    found ? "more than one" : "no", what,
				    known.len ? known.s : "none yet");
	strbuf_free(&known);
	return s;
}

int sync_entry_rows(sqlite3_stmt *q, struct sync_payload *out)
{
	size_t cap = out->n;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		struct sync_entry *e = &out->v[out->n++];
		memset(e, 0, sizeof *e);
		store_cols_read(q, 0, store_sync_entry_cols, e);
		/* NOT NULL in the schema; "" if a damaged file says otherwise */
		if (!e->actor)
			e->actor = xstrdup("");
		if (!e->deps)
			e->deps = xstrdup("");
		void *cs = NULL;
		if (!sync_zip_column(q, 5, &cs, &e->nchangeset))
			return SQLITE_CORRUPT;
		e->changeset = cs;
	}
	return rc;
}

enum kaigi_status store_sync_collect(struct store *st, const char *peer, struct sync_payload *out,
				     struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	char *name = NULL;
	enum kaigi_status s = store_sync_site(st, out->site, &name, err);
	if (s != KAIGI_OK)
		return s;
	snprintf(out->site_name, sizeof out->site_name, "%s", name);
	free(name);
	s = store_begin(st, err);
	if (s == KAIGI_OK)
		s = store_exec(st,
			       "UPDATE sync_log SET sealed = 1, "
			       "changeset = kaigi_sync_zip(changeset) WHERE sealed = 0",
			       err);
	static const char have_sql[] =
	    "SELECT origin, max(origin_seq) FROM sync_log GROUP BY origin ORDER BY origin";
	sqlite3_stmt *q = s == KAIGI_OK ? store_stmt(st, have_sql, err) : NULL;
	if (s == KAIGI_OK && !q)
		s = err->status;
	size_t cap = 0;
	while (s == KAIGI_OK && sqlite3_step(q) == SQLITE_ROW) {
		out->have = xgrow(out->have, out->nhave, &cap, sizeof *out->have);
		struct sync_have *h = &out->have[out->nhave++];
		store_column_id(q, 0, h->origin);
		h->seq = sqlite3_column_int64(q, 1);
	}
	if (q)
		sqlite3_reset(q);
	static const char sql[] =
	    "SELECT origin, origin_seq, at, actor, deps, changeset FROM sync_log l "
	    "WHERE ?1 IS NULL OR origin_seq > ifnull((SELECT seq FROM sync_peer_has "
	    "WHERE peer = ?1 AND origin = l.origin), 0) ORDER BY seq";
	q = s == KAIGI_OK ? store_stmt(st, sql, err) : NULL;
	if (s == KAIGI_OK && !q)
		s = err->status;
	if (s == KAIGI_OK) {
		store_bind_text_or_null(q, 1, peer);
		int rc = sync_entry_rows(q, out);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			s = store_fail(st, rc, err, "reading the sync log");
	}
	s = store_end(st, s, err);
	if (s != KAIGI_OK)
		sync_payload_free(out);
	return s;
}

enum kaigi_status store_sync_sent(struct store *st, const char *peer,
				  const struct sync_payload *out, const char *town,
				  struct kaigi_error *err)
{
	static const char town_sql[] =
	    "INSERT OR IGNORE INTO setting (key, value) VALUES ('sync_town', ?1)";
	static const char peer_sql[] =
	    "UPDATE sync_peer SET last_sent = ?2, sent_entries = sent_entries + ?3 WHERE site = ?1";
	static const char has_sql[] =
	    "INSERT INTO sync_peer_has (peer, origin, seq) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (peer, origin) DO UPDATE SET seq = max(seq, excluded.seq)";
	/* A failed begin leaves no transaction: store_end returns s. */
	enum kaigi_status s = store_begin(st, err);
	if (s == KAIGI_OK)
		s = store_step(st, store_query(st, town_sql, err, "t", town),
			       "recording the export", err);
	if (s == KAIGI_OK && peer)
		s = store_step(
		    st,
		    store_query(st, peer_sql, err, "tII", peer, store_now_ms(), (long long)out->n),
		    "recording the export", err);
	for (size_t i = 0; peer && i < out->n && s == KAIGI_OK; i++)
		s = store_step(st,
			       store_query(st, has_sql, err, "ttI", peer, out->v[i].origin,
					   out->v[i].origin_seq),
			       "recording the export", err);
	return store_end(st, s, err);
}

enum kaigi_status sync_peer_note(struct store *st, const struct sync_payload *p, size_t nnew,
				 struct kaigi_error *err)
{
	static const char up[] =
	    "INSERT INTO sync_peer (site, name, last_received, received_entries) VALUES (?1, ?2, "
	    "?3, ?4) ON CONFLICT (site) DO UPDATE SET name = excluded.name, last_received = "
	    "excluded.last_received, received_entries = received_entries + "
	    "excluded.received_entries";
	enum kaigi_status s = store_run_fmt(st, up, "recording the peer", err, "ttII", p->site,
					    p->site_name, store_now_ms(), (long long)nnew);
	if (s != KAIGI_OK)
		return s;
	/* What the sender holds is the truth about it (a lost stick is
	 * simply sent again). */
	static const char has[] = "INSERT OR REPLACE INTO sync_peer_has (peer, origin, seq) "
				  "VALUES (?1, ?2, ?3)";
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, has, -1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < p->nhave; i++) {
		sqlite3_reset(q);
		store_bind_args(q, "ttI", p->site, p->have[i].origin, p->have[i].seq);
		rc = sqlite3_step(q);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(q);
	return rc == SQLITE_OK ? KAIGI_OK : store_fail(st, rc, err, "recording the peer");
}

void sync_status_free(struct sync_status *s)
{
	for (size_t i = 0; i < s->npeers; i++)
		free(s->peers[i].name);
	free(s->peers);
	free(s->name);
	free(s->town);
	memset(s, 0, sizeof *s);
}

enum kaigi_status store_sync_status(struct store *st, struct sync_status *out,
				    struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	enum kaigi_status s = store_sync_site(st, out->site, &out->name, err);
	if (s == KAIGI_OK)
		s = store_sync_town(st, &out->town, err);
	if (s != KAIGI_OK) {
		sync_status_free(out);
		return s;
	}
	out->entries = count(st, "SELECT count(*) FROM sync_log", NULL, NULL);
	out->own_entries =
	    count(st, "SELECT count(*) FROM sync_log WHERE origin = ?1", out->site, NULL);
	out->pending = count(st, "SELECT count(*) FROM sync_pending", NULL, NULL);
	out->open_conflicts =
	    count(st, "SELECT count(*) FROM sync_conflict WHERE state = 'open'", NULL, NULL);
	static const char sql[] =
	    "SELECT site, name, ifnull(last_received, 0), ifnull(last_sent, 0), received_entries, "
	    "sent_entries FROM sync_peer ORDER BY name, site";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q) {
		sync_status_free(out);
		return err->status;
	}
	size_t cap = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		out->peers = xgrow(out->peers, out->npeers, &cap, sizeof *out->peers);
		struct sync_peer_status *p = &out->peers[out->npeers++];
		memset(p, 0, sizeof *p);
		store_cols_read(q, 0, store_sync_peer_cols, p);
	}
	sqlite3_reset(q);
	for (size_t i = 0; i < out->npeers; i++)
		out->peers[i].unsent =
		    count(st,
			  "SELECT count(*) FROM sync_log l WHERE origin_seq > ifnull((SELECT seq "
			  "FROM sync_peer_has WHERE peer = ?1 AND origin = l.origin), 0)",
			  out->peers[i].site, NULL);
	return KAIGI_OK;
}
