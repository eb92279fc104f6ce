// SPDX-License-Identifier: MIT
/*
 * store_backup.c — copies of the database with SQLite's online-backup API.
 *
 * The copy is taken in one sqlite3_backup_step(-1): a single read
 * transaction, so it is one consistent snapshot, and in WAL mode it does
 * not block another kaigi that is writing.  It goes to DEST.tmp-PID, which
 * is read back whole (quick_check), synced and renamed over DEST
 * (kaigi_outfile_*): a backup is whole, readable, or absent.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kaigi/file_write.h"
#include "kaigi/store_exchange.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

static char *default_dest(const struct store *st)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	const char *slash = strrchr(st->path, '/');
	if (!slash)
		return xasprintf("backups/kaigi-%s.db", stamp);
	return xasprintf("%.*s/backups/kaigi-%s.db", (int)(slash - st->path), st->path, stamp);
}

static void mkdir_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0700);
	}
	free(dir);
}

/* The copy must read back whole: a page the source could not give (a
 * corrupt database) would otherwise pass as a backup.  quick_check reads
 * every page and checks every b-tree, without the index comparisons of
 * integrity_check. */
static int verify_copy(sqlite3 *db, char *why, size_t size)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(5)", -1, &q, NULL);
	why[0] = '\0';
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			const char *m = (const char *)sqlite3_column_text(q, 0);
			if (m && strcmp(m, "ok") != 0 && !why[0]) {
				/* "*** in database main ***\nPage 65: …\n…": the first
				 * finding is enough. */
				const char *nl = strchr(m, '\n');
				if (strncmp(m, "*** ", 4) == 0 && nl)
					m = nl + 1;
				snprintf(why, size, "%.*s", (int)strcspn(m, "\n"), m);
			}
		}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(q);
	if (rc == SQLITE_OK && why[0])
		rc = SQLITE_CORRUPT;
	return rc;
}

static int copy_into(struct store *st, const char *tmp, sqlite3 **out)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	*out = db;
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(db, 5000);
	sqlite3_backup *b = sqlite3_backup_init(db, "main", st->db, "main");
	if (!b)
		return sqlite3_errcode(db);
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	/* A backup is a plain file: no -wal beside it to lose. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	return rc;
}

enum kaigi_status store_backup(struct store *st, const char *dest, char **used,
			       struct kaigi_error *err)
{
	char *target = dest ? xstrdup(dest) : default_dest(st);
	mkdir_parent(target);
	struct kaigi_outfile o;
	enum kaigi_status s = kaigi_outfile_open(&o, target, "the backup",
						 KAIGI_OUT_REGULAR_ONLY | KAIGI_OUT_NO_FD, err);
	if (s != KAIGI_OK) {
		free(target);
		return s;
	}
	sqlite3 *db = NULL;
	int rc = copy_into(st, o.tmp, &db);
	char why[256] = "";
	if (rc == SQLITE_OK)
		rc = verify_copy(db, why, sizeof why);
	if (rc != SQLITE_OK) {
		const char *msg = why[0] ? why : db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
		bool corrupt = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
		s = kaigi_error_set(err, KAIGI_EENV, target, 0, 0, "backup failed: %s%s", msg,
				    (rc & 0xff) == SQLITE_FULL ? " (disk full)"
				    : corrupt ? " (the database is damaged: no backup was written; "
						"keep the file and the backups you have)"
					      : "");
	}
	sqlite3_close(db);
	enum kaigi_status c = kaigi_outfile_commit(&o, s == KAIGI_OK, err);
	if (s == KAIGI_OK)
		s = c;
	if (s == KAIGI_OK && used)
		*used = target;
	else
		free(target);
	return s;
}
