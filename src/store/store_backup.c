// SPDX-License-Identifier: MIT
/*
 * store_backup.c — copies of the database with SQLite's online-backup API.
 *
 * The copy is taken in one sqlite3_backup_step(-1): a single read
 * transaction, so it is one consistent snapshot, and in WAL mode it does
 * not block another kaigi that is writing.  It goes to DEST.tmp-PID, which
 * is checked, synced and renamed over DEST: a backup is whole or absent.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

static int fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

enum kaigi_status store_backup(struct store *st, const char *dest, char **used,
			       struct kaigi_error *err)
{
	char *target = dest ? xstrdup(dest) : default_dest(st);
	mkdir_parent(target);
	char *tmp = xasprintf("%s.tmp-%ld", target, (long)getpid());
	enum kaigi_status s = KAIGI_OK;
	int fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		s = kaigi_error_set(err, KAIGI_EENV, target, 0, 0, "cannot write the backup: %s",
				    strerror(errno));
		goto out;
	}
	close(fd);
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		sqlite3_backup *b = sqlite3_backup_init(db, "main", st->db, "main");
		if (!b) {
			rc = sqlite3_errcode(db);
		} else {
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
		/* A backup is a plain file: no -wal beside it to lose. */
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
		s = kaigi_error_set(err, KAIGI_EENV, target, 0, 0, "backup failed: %s%s", msg,
				    (rc & 0xff) == SQLITE_FULL ? " (disk full)" : "");
	}
	sqlite3_close(db);
	if (s == KAIGI_OK && fsync_path(tmp, 0) != 0)
		s = kaigi_error_set(err, KAIGI_EENV, target, 0, 0, "backup failed: %s",
				    strerror(errno));
	if (s == KAIGI_OK && rename(tmp, target) != 0)
		s = kaigi_error_set(err, KAIGI_EENV, target, 0, 0, "backup failed: %s",
				    strerror(errno));
	if (s == KAIGI_OK) {
		char *dir = xstrdup(target);
		char *slash = strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			fsync_path(*dir ? dir : "/", 1);
		}
		free(dir);
	}
out:
	if (s != KAIGI_OK)
		unlink(tmp);
	free(tmp);
	if (s == KAIGI_OK && used)
		*used = target;
	else
		free(target);
	return s;
}
