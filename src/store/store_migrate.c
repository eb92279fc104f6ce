// SPDX-License-Identifier: MIT
/*
 * store_migrate.c — bringing a database to this binary's schema.
 *
 * Migrations are db/NNN_*.sql, compiled in; migration i takes user_version
 * i to i+1.  All pending ones run in one transaction with the new
 * user_version, so a crash mid-way leaves the old schema whole.  A database
 * that already holds data is copied first (store_backup), because a
 * migration is the one write that touches everything at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kaigi/store_exchange.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

static int user_version(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/*
 * A migration that moves tables into leaner ones (db/012_lean.sql) leaves
 * their old pages free: 1.5 GB of a 3.6 GB file on the reference set.
 * SQLite would reuse them as records grow, but the file would stay larger
 * than before the upgrade for years, so when a quarter of it is free it is
 * rewritten once (VACUUM, through the write-ahead log, atomic like any
 * transaction) and the log emptied.  The upgrade is already committed and
 * backed up: if this fails (a full disk), the file is only larger.
 */
static void compact(struct store *st)
{
	sqlite3_stmt *q = NULL;
	long long page = 0, free_pages = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT * FROM pragma_page_count, pragma_freelist_count", -1,
			       &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		page = sqlite3_column_int64(q, 0);
		free_pages = sqlite3_column_int64(q, 1);
	}
	sqlite3_finalize(q);
	if (page == 0 || free_pages * 4 < page)
		return;
	if (sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL) == SQLITE_OK)
		sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

enum kaigi_status store_migrate(struct store *st, const char *const *sql, const char *const *names,
				size_t n, struct kaigi_error *err)
{
	int from = user_version(st);
	if (from < 0)
		return store_fail(st, sqlite3_errcode(st->db), err, "reading the schema version");
	if ((size_t)from > n)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "the database was written by a newer kaigi (schema version "
				       "%d; this kaigi knows up to %zu); upgrade kaigi",
				       from, n);
	if ((size_t)from == n)
		return KAIGI_OK;
	if (from > 0) {
		char *dest = NULL;
		char *used = NULL;
		char *dir = xstrdup(st->path);
		char *slash = strrchr(dir, '/');
		char stamp[32];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		if (slash) {
			*slash = '\0';
			dest = xasprintf("%s/backups/kaigi-before-v%zu-%s.db", dir, n, stamp);
		} else {
			dest = xasprintf("backups/kaigi-before-v%zu-%s.db", n, stamp);
		}
		free(dir);
		enum kaigi_status s = store_backup(st, dest, &used, err);
		free(dest);
		free(used);
		if (s != KAIGI_OK)
			return s;
	}
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	for (size_t i = (size_t)from; i < n && s == KAIGI_OK; i++) {
		char *msg = NULL;
		int rc = sqlite3_exec(st->db, sql[i], NULL, NULL, &msg);
		if (rc != SQLITE_OK)
			s = kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
					    "migration %s failed: %s", names[i],
					    msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
	}
	if (s == KAIGI_OK) {
		char *pragma = xasprintf("PRAGMA user_version=%zu; PRAGMA application_id=%d", n,
					 STORE_APPLICATION_ID);
		s = store_exec(st, pragma, err);
		free(pragma);
	}
	if (s == KAIGI_OK && from == 0) {
		char id[STORE_ID_SIZE];
		store_uuid_new(id);
		sqlite3_stmt *ins = NULL;
		int rc = sqlite3_prepare_v2(
		    st->db, "INSERT OR IGNORE INTO setting (key, value) VALUES ('device_id', ?)",
		    -1, &ins, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(ins, 1, id, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(ins);
		}
		sqlite3_finalize(ins);
		if (rc != SQLITE_DONE)
			s = store_fail(st, rc, err, "migrating the database");
	}
	s = store_end(st, s, err);
	if (s == KAIGI_OK && from > 0)
		compact(st);
	return s;
}
