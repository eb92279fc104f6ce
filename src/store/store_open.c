// SPDX-License-Identifier: MIT
/*
 * store_open.c — opening the database file safely.
 *
 * The order matters.  The file is created by open(2) with mode 0600 before
 * SQLite sees it, so it is never readable by others, not even for a moment.
 * An existing file is first looked at only read-only (its header, then its
 * application id and user_version) so that a file that is not a kaigi
 * database, or one from a newer kaigi, is refused without a single byte
 * written: switching to WAL rewrites the header, so that comes after.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/file.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"
#include "store_sync.h"

#define BUSY_TIMEOUT_MS 5000

int store_schema_version(void)
{
	return (int)kaigi_migration_count;
}

static void actor_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct store *st = sqlite3_user_data(ctx);
	sqlite3_result_text(ctx, st->actor, -1, SQLITE_TRANSIENT);
}

static char *default_actor(void)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	const char *u = getenv("USER");
	return xstrdup(u && *u ? u : "unknown");
}

/* mkdir -p for the folder of path, mode 0700 (the data is private). */
static enum kaigi_status make_parent(const char *path, struct kaigi_error *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return KAIGI_OK;
	}
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			enum kaigi_status s =
			    kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
					    "cannot create folder %s: %s", dir, strerror(errno));
			free(dir);
			return s;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		enum kaigi_status s =
		    kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot create folder %s: %s", dir,
				    strerror(errno));
		free(dir);
		return s;
	}
	free(dir);
	return KAIGI_OK;
}

/*
 * A read-write open keeps the file and its -wal and -shm to their owner:
 * a database made by `touch` or copied from elsewhere (0644) is tightened
 * to 0600 (a read-only 0400 stays unwritable), and a -wal/-shm left 0400
 * by a read-only open is made 0600 again so that this writer can use it.
 * What was done, or could not be (another user's file), goes to notice.
 */
static void tighten(struct store *st, const char *path, bool companion)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return;
	mode_t want = companion ? 0600 : (sb.st_mode & 0700);
	if ((sb.st_mode & 0777) == want)
		return;
	size_t used = strlen(st->notice);
	char *at = st->notice + used;
	size_t left = sizeof st->notice - used;
	if (sb.st_uid != geteuid()) {
		if (sb.st_mode & 077)
			snprintf(at, left,
				 "%s%s: warning: readable by others (mode %04o) and owned by "
				 "another user (uid %ld); kaigi cannot change that: ask them to "
				 "run chmod 600",
				 used ? "\n" : "", path, (unsigned)(sb.st_mode & 0777),
				 (long)sb.st_uid);
		return;
	}
	if (chmod(path, want) == 0 && (sb.st_mode & 077))
		snprintf(at, left, "%s%s: was readable by others (mode %04o); now %04o (only you)",
			 used ? "\n" : "", path, (unsigned)(sb.st_mode & 0777), (unsigned)want);
}

const char *store_open_notice(const struct store *st)
{
	return st->notice;
}

/* Look at the file before SQLite does: create it 0600 when missing (rw),
 * refuse what is not an SQLite file, and say why a read-write open cannot
 * work. */
static enum kaigi_status check_file(const char *path, enum store_open_mode mode,
				    struct kaigi_error *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot open: %s",
					       strerror(errno));
		if (mode == STORE_READ_ONLY)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "no such database");
		enum kaigi_status s = make_parent(path, err);
		if (s != KAIGI_OK)
			return s;
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
					       "cannot create the database: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return KAIGI_OK;
	}
	if (!S_ISREG(sb.st_mode))
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
				       "cannot open the database: this is %s, not a database file",
				       kaigi_file_kind(sb.st_mode));
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       strerror(errno));
	char head[16];
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0)
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       strerror(errno));
	if (n > 0 && (n < 16 || memcmp(head, "SQLite format 3", 16) != 0))
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
				       "not a kaigi database (not an SQLite file); left untouched");
	if (mode == STORE_READ_WRITE) {
		if (access(path, W_OK) != 0)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
					       "the database is read-only (%s); nothing can be "
					       "saved",
					       strerror(errno));
		char *dir = xstrdup(path);
		char *slash = strrchr(dir, '/');
		const char *d = ".";
		if (slash == dir)
			d = "/";
		else if (slash) {
			*slash = '\0';
			d = dir;
		}
		/* WAL needs to create -wal and -shm files beside the database. */
		int ok = access(d, W_OK | X_OK) == 0;
		int e = errno;
		free(dir);
		if (!ok)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
					       "the database's folder is read-only (%s); nothing "
					       "can be saved",
					       strerror(e));
	}
	return KAIGI_OK;
}

static enum kaigi_status pragma_int(struct store *st, const char *sql, int *out,
				    struct kaigi_error *err)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err, "opening the database");
	return KAIGI_OK;
}

/* Refuse files that are SQLite but not (or not yet readable as) kaigi's. */
static enum kaigi_status check_identity(struct store *st, struct kaigi_error *err)
{
	int app = 0, version = 0, tables = 0;
	enum kaigi_status s = pragma_int(st, "PRAGMA application_id", &app, err);
	if (s == KAIGI_OK)
		s = pragma_int(st, "PRAGMA user_version", &version, err);
	if (s == KAIGI_OK)
		s = pragma_int(st, "SELECT count(*) FROM sqlite_schema", &tables, err);
	if (s != KAIGI_OK)
		return s;
	if (app != 0 && app != STORE_APPLICATION_ID)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "not a kaigi database (application id 0x%08x); left "
				       "untouched",
				       (unsigned)app);
	if (app == 0 && tables > 0)
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "not a kaigi database (an SQLite file of another "
				       "program); left untouched");
	if (version > store_schema_version())
		return kaigi_error_set(
		    err, KAIGI_EENV, st->path, 0, 0,
		    "the database was written by a newer kaigi (schema "
		    "version %d; this kaigi knows up to %d); upgrade kaigi — the "
		    "file was left untouched",
		    version, store_schema_version());
	if (st->read_only && version < store_schema_version())
		return kaigi_error_set(err, KAIGI_EENV, st->path, 0, 0,
				       "the database has an older schema (version %d) and is "
				       "opened read-only; open it once read-write to upgrade it",
				       version);
	return KAIGI_OK;
}

/*
 * Reading a WAL database needs its -shm, which SQLite creates beside it: in
 * a folder kaigi may not write, with no -wal (so no writer at work), the
 * file is opened as immutable instead, and `meetings`, `report` and
 * `export` work as the docs say.  NULL when the ordinary open will do.
 */
static char *read_only_uri(const char *path, bool *stuck)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	const char *d = !slash ? "." : slash == dir ? "/" : (*slash = '\0', dir);
	bool writable = access(d, W_OK | X_OK) == 0;
	free(dir);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	bool has_wal = access(wal, F_OK) == 0, has_shm = access(shm, F_OK) == 0;
	free(wal);
	free(shm);
	/* A -wal without its -shm, which cannot be made here: SQLite cannot
	 * read the file at all. */
	*stuck = !writable && has_wal && !has_shm;
	if (writable || has_wal)
		return NULL;
	struct strbuf b = STRBUF_INIT;
	strbuf_append(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_appendf(&b, "%%%02X", (unsigned char)*p);
		else
			strbuf_appendc(&b, *p);
	}
	strbuf_append(&b, "?immutable=1");
	return strbuf_take(&b);
}

enum kaigi_status store_open(struct store **out, const char *path, enum store_open_mode mode,
			     struct kaigi_error *err)
{
	*out = NULL;
	if (!path || !*path)
		return kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0, "no database path");
	enum kaigi_status s = check_file(path, mode, err);
	if (s != KAIGI_OK)
		return s;

	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->read_only = mode == STORE_READ_ONLY;
	st->actor = default_actor();
	if (!st->read_only) {
		static const char *const companions[] = {"-wal", "-shm"};
		tighten(st, path, false);
		for (size_t i = 0; i < 2; i++) {
			char *p = xasprintf("%s%s", path, companions[i]);
			tighten(st, p, true);
			free(p);
		}
	}
	store_set_lang(st, "en");
	int flags = (st->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW;
	bool stuck = false;
	char *uri = st->read_only ? read_only_uri(path, &stuck) : NULL;
	if (stuck) {
		s = kaigi_error_set(
		    err, KAIGI_EENV, path, 0, 0,
		    "cannot read the database here: its folder is read-only and "
		    "changes wait in %s-wal (kaigi was not closed cleanly); open it "
		    "once where the folder can be written, or copy the folder",
		    path);
		store_close(st);
		return s;
	}
	int rc =
	    sqlite3_open_v2(uri ? uri : path, &st->db, flags | (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		s = store_fail(st, rc, err, "opening the database");
		store_close(st);
		return s;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	/* Audit triggers call kaigi_actor(); it reads state, has no effects. */
	sqlite3_create_function(st->db, "kaigi_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, st,
				actor_func, NULL, NULL);
	/* search_fts is tokenized by kaigi_bigram: readers need it as well. */
	rc = store_bigram_register(st->db);
	/* Change sets are compressed by SQL (sync_zip.c), migrations too. */
	if (rc == SQLITE_OK)
		rc = sync_zip_register(st->db);
	s = rc == SQLITE_OK ? check_identity(st, err)
			    : store_fail(st, rc, err, "registering the search tokenizer");
	/*
	 * A writer trusts the schema: the full-text index is kept by triggers
	 * that write its FTS5 table (db/002_followup.sql), and SQLite lets a
	 * trigger touch a virtual table only under trusted_schema=ON (FTS5 does
	 * not declare itself innocuous).  This connection registers no function
	 * with side effects (kaigi_actor is innocuous; load_extension and the
	 * like stay direct-only), so a hostile file's triggers gain nothing
	 * plain SQL could not do.  A reader keeps it OFF: it runs no trigger.
	 */
	if (s == KAIGI_OK && !st->read_only)
		s = store_exec(st,
			       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
			       "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=ON; "
			       "PRAGMA journal_size_limit=67108864",
			       err);
	else if (s == KAIGI_OK)
		s = store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF", err);
	if (s == KAIGI_OK && !st->read_only)
		store_wal_init(st);
	if (s == KAIGI_OK && !st->read_only)
		s = store_migrate(st, kaigi_migration_sql, kaigi_migration_name,
				  kaigi_migration_count, err);
	if (s == KAIGI_OK && !st->read_only)
		s = store_sync_open(st, err);
	if (s != KAIGI_OK) {
		store_close(st);
		return s;
	}
	*out = st;
	return KAIGI_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_sync_close(st);
	for (size_t i = 0; i < st->nstmts; i++)
		sqlite3_finalize(st->stmts[i].stmt);
	/* Leave the log copied in (SQLite also does when the last connection
	 * closes; another kaigi may still be open). */
	if (st->db && !st->read_only && st->wal_pages)
		sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (st->db)
		sqlite3_close_v2(st->db);
	free(st->path);
	free(st->actor);
	free(st);
}

bool store_is_read_only(const struct store *st)
{
	return st->read_only;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

void store_set_forms(struct store *st, const struct schema_set *forms)
{
	st->forms = forms;
}

void store_set_lang(struct store *st, const char *lang)
{
	snprintf(st->lang, sizeof st->lang, "%s", lang && strcmp(lang, "ja") == 0 ? "ja" : "en");
}

void store_set_actor(struct store *st, const char *name)
{
	free(st->actor);
	st->actor = name && *name ? xstrdup(name) : default_actor();
}

const char *store_actor(const struct store *st)
{
	return st->actor;
}

void store_set_busy_timeout(struct store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms);
}
