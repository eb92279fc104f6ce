// SPDX-License-Identifier: MIT
/*
 * test_store_faults.c — what may go wrong on a facilitator's laptop:
 *   - the process killed (SIGKILL) at random moments during a long run of
 *     saves, KAIGI_FAULT_ITERATIONS times (default 200): no save that
 *     returned success is lost, and PRAGMA integrity_check stays ok;
 *   - a second process holding the file: the command waits, then exits 3;
 *   - a read-only file or folder (as root, kaigi runs without the power to
 *     override file modes): writing commands exit 3, exporting still works;
 *   - a full disk (a file-size limit, and a small tmpfs when mounting is
 *     allowed): exit 3, nothing changed;
 *   - a file that is not a database, a database from a newer kaigi: exit 3,
 *     file untouched;
 *   - a record whose form is no longer installed: exported raw, warning;
 *   - kaigi backup while another process writes: each copy is sound.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "kaigi/strbuf.h"

static long long query_int(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	long long v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	return v;
}

static void assert_integrity(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Read whole lines of acknowledged sequence numbers from fd. */
static void read_acks(int fd, struct strbuf *pending, long long **acks, size_t *n, size_t *cap)
{
	char buf[4096];
	ssize_t got;
	while ((got = read(fd, buf, sizeof buf)) > 0) {
		strbuf_appendn(pending, buf, (size_t)got);
		char *s = pending->s, *nl;
		while ((nl = strchr(s, '\n'))) {
			*nl = '\0';
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 1024;
				*acks = realloc(*acks, *cap * sizeof **acks);
			}
			(*acks)[(*n)++] = atoll(s);
			s = nl + 1;
		}
		char *rest = strdup(s);
		strbuf_reset(pending);
		strbuf_append(pending, rest);
		free(rest);
	}
}

/* cmocka setup: a store with a case, closed again, for the tests that run
 * kaigi or a writer of their own on its database. */
static int closed_setup(void **state)
{
	fixture_setup_case(state);
	struct fixture *fx = *state;
	store_close(fx->st);
	fx->st = NULL;
	return 0;
}

static void test_sigkill_loses_no_acknowledged_save(void **state)
{
	struct fixture *fx = *state;
	const char *child = getenv("KAIGI_FAULT_CHILD");
	assert_non_null(child);
	const char *env = getenv("KAIGI_FAULT_ITERATIONS");
	int iterations = env && atoi(env) > 0 ? atoi(env) : 200;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	long long *acks = NULL;
	size_t nacks = 0, cap = 0;
	long long next = 1;
	int killed_mid_run = 0;
	long long startup_us = 20000;
	for (int it = 0; it < iterations; it++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		char first[32];
		snprintf(first, sizeof first, "%lld", next);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			dup2(fds[1], 1);
			close(fds[0]);
			close(fds[1]);
			execl(child, child, fx->db, test_source("tests/data/store/forms"),
			      fx->record, first, (char *)NULL);
			_exit(127);
		}
		close(fds[1]);
		fcntl(fds[0], F_SETFL, O_NONBLOCK);
		struct strbuf pending = STRBUF_INIT;
		/* Kill at a random moment: one time in four while it starts
		 * and opens the database, otherwise in the middle of saves
		 * (startup is how long a writer took to its first save, which
		 * under sanitizers on a busy machine can be long). */
		long long start = now_us();
		long long deadline = it % 4 == 0 ? start + rand() % (startup_us + 1)
						 : start + startup_us + rand() % 60000;
		size_t before = nacks;
		bool first_ack = true;
		while (now_us() < deadline) {
			read_acks(fds[0], &pending, &acks, &nacks, &cap);
			if (first_ack && nacks > before) {
				first_ack = false;
				if (now_us() - start > startup_us)
					startup_us = now_us() - start;
			}
			usleep(500);
		}
		kill(pid, SIGKILL);
		int status = 0;
		waitpid(pid, &status, 0);
		fcntl(fds[0], F_SETFL, 0);
		read_acks(fds[0], &pending, &acks, &nacks, &cap);
		close(fds[0]);
		strbuf_free(&pending);
		if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
			fail_msg("iteration %d: the writer ended by itself (status %d)", it,
				 status);
		if (nacks > before)
			killed_mid_run++;

		/* Every acknowledged save is there; the file is sound. */
		assert_integrity(fx->db);
		sqlite3 *db;
		assert_int_equal(sqlite3_open_v2(fx->db, &db, SQLITE_OPEN_READONLY, NULL),
				 SQLITE_OK);
		long long stored = query_int(db,
					     "SELECT CAST(value AS INTEGER) FROM answer WHERE "
					     "record_id = ?1 AND field = 'name'",
					     fx->record);
		if (stored < 0)
			stored = 0; /* nothing saved yet */
		long long max_ack = nacks ? acks[nacks - 1] : 0;
		if (stored < max_ack)
			fail_msg("iteration %d: save %lld was acknowledged but the database has "
				 "%lld",
				 it, max_ack, stored);
		/* Every value ever acknowledged left its audit row. */
		long long audited = query_int(db,
					      "SELECT count(DISTINCT CAST(new AS INTEGER)) FROM "
					      "audit WHERE row_key = ?1 AND path = 'name'",
					      fx->record);
		if (stored > 0 && audited < stored)
			fail_msg("iteration %d: %lld saves committed, %lld audited", it, stored,
				 audited);
		for (size_t i = before; i < nacks; i++) {
			if (acks[i] % 5)
				continue;
			char sql[200];
			snprintf(sql, sizeof sql,
				 "SELECT count(*) FROM answer WHERE record_id = ?1 AND field = "
				 "'issues' AND col = 'demand' AND value = '%lld'",
				 acks[i]);
			if (query_int(db, sql, fx->record) != 1)
				fail_msg("iteration %d: list item of save %lld lost", it, acks[i]);
		}
		sqlite3_close(db);
		next = (stored > 0 ? stored : 0) + 1;
	}
	print_message("%d kills, %d in the middle of saves, %zu saves acknowledged\n", iterations,
		      killed_mid_run, nacks);
	assert_true(killed_mid_run > iterations / 4);
	free(acks);
}

/* Run kaigi; returns the exit status, stderr in *err (caller frees). */
static int kaigi(const char *const *argv, char **err, int uid, long fsize)
{
	return test_run_kaigi(argv, NULL, err, uid, fsize);
}

static void expect_in(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("expected '%s' in '%s'", needle, hay ? hay : "(null)");
}

static char *export_text(const char *db)
{
	char *out = NULL;
	const char *argv[] = {"--db", db, "export", "yaml", NULL};
	assert_int_equal(test_run_kaigi(argv, &out, NULL, -1, 0), 0);
	return out;
}

/* A record file of n meetings with long answers: big enough to fill a
 * small disk. */
static void write_big_import(const char *path, int n)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "kaigi: records\npeople:\n");
	for (int i = 0; i < n; i++)
		fprintf(f, "  - {code: BIG-%04d}\n", i);
	fprintf(f, "meetings:\n");
	for (int i = 0; i < n; i++) {
		fprintf(f,
			"  - {template: test_meeting, date: 2023-01-01, title: 会議%d, cases: "
			"[{person: BIG-%04d, records: [{form: test_sheet, answers: {wish: \"",
			i, i);
		for (int k = 0; k < 60; k++)
			fputs("また友だちと買い物に行きたい。", f);
		fprintf(f, "\"}}]}]}\n");
	}
	fclose(f);
}

/* kaigi import of big into db, under the file-size limit fsize (0: none),
 * fails with exit status 3 saying msg, and leaves db whole and as it was
 * (before: its export). */
static void import_refused(const char *db, const char *big, long fsize, const char *msg,
			   const char *before)
{
	char *err = NULL;
	const char *argv[] = {"--db", db, "import", big, NULL};
	assert_int_equal(kaigi(argv, &err, -1, fsize), 3);
	expect_in(err, msg);
	free(err);
	assert_integrity(db);
	char *after = export_text(db);
	assert_string_equal(before, after);
	free(after);
}

static void test_disk_full(void **state)
{
	struct fixture *fx = *state;
	char big[400];
	snprintf(big, sizeof big, "%s/big.yaml", fx->dir);
	write_big_import(big, 400);
	char *before = export_text(fx->db);
	struct stat sb;
	assert_int_equal(stat(fx->db, &sb), 0);
	/* The file-size limit stands in for a full disk. */
	import_refused(fx->db, big, (long)sb.st_size + 64 * 1024, "nothing was imported", before);

	/* A real full file system, where mounting one is allowed. */
	char mnt[400];
	snprintf(mnt, sizeof mnt, "%s/small", fx->dir);
	mkdir(mnt, 0700);
	if (mount("tmpfs", mnt, "tmpfs", 0, "size=768k") != 0) {
		print_message("tmpfs not mountable here (%s): file-size limit only\n",
			      strerror(errno));
		free(before);
		return;
	}
	char db2[500];
	snprintf(db2, sizeof db2, "%s/kaigi.db", mnt);
	char *cmd = NULL;
	size_t len = strlen(fx->db) + strlen(db2) + 16;
	cmd = malloc(len);
	snprintf(cmd, len, "cp %s %s", fx->db, db2);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	import_refused(db2, big, 0, "disk is full", before);
	free(before);
	umount(mnt);
}

static void test_locked_by_another_process(void **state)
{
	struct fixture *fx = *state;
	pid_t pid = test_db_lock(fx->db, 3);
	char *err = NULL;
	setenv("KAIGI_BUSY_TIMEOUT_MS", "300", 1);
	const char *argv[] = {"--db", fx->db, "import",
			      test_source("tests/data/store/meeting.yaml"), NULL};
	assert_int_equal(kaigi(argv, &err, -1, 0), 3);
	expect_in(err, "locked");
	free(err);
	/* Reading is not blocked by a writer (WAL). */
	char *out = export_text(fx->db);
	free(out);
	unsetenv("KAIGI_BUSY_TIMEOUT_MS");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_integrity(fx->db);
}

static void test_read_only_file_and_folder(void **state)
{
	struct fixture *fx = *state;
	/* Root ignores file modes: run kaigi as root without that power. */
	int uid = geteuid() == 0 ? TEST_ROOT_WITHOUT_DAC : -1;
	const char *example = test_source("tests/data/store/meeting.yaml");
	unsigned long long h = test_file_hash(fx->db);
	char *err = NULL, *out = NULL;

	assert_int_equal(chmod(fx->db, 0400), 0);
	const char *imp[] = {"--db", fx->db, "import", example, NULL};
	assert_int_equal(kaigi(imp, &err, uid, 0), 3);
	expect_in(err, "read-only");
	free(err);
	const char *exp[] = {"--db", fx->db, "export", "yaml", NULL};
	assert_int_equal(test_run_kaigi(exp, &out, &err, uid, 0), 0);
	expect_in(out, "kaigi: records");
	free(out);
	free(err);
	assert_int_equal(test_file_hash(fx->db), h);

	assert_int_equal(chmod(fx->db, 0600), 0);
	assert_int_equal(chmod(fx->dir, 0500), 0);
	assert_int_equal(kaigi(imp, &err, uid, 0), 3);
	expect_in(err, "read-only");
	free(err);
	assert_int_equal(test_run_kaigi(exp, &out, &err, uid, 0), 0);
	expect_in(out, "kaigi: records");
	free(out);
	free(err);
	assert_int_equal(chmod(fx->dir, 0700), 0);
	assert_int_equal(test_file_hash(fx->db), h);
}

static void test_not_a_database_and_newer(void **state)
{
	struct fixture *fx = *state;
	char *err = NULL;
	char notdb[400];
	snprintf(notdb, sizeof notdb, "%s/notes.txt", fx->dir);
	test_write_file(notdb, "議事録のメモ — not a database\n");
	unsigned long long h = test_file_hash(notdb);
	const char *imp[] = {"--db", notdb, "import", test_source("tests/data/store/meeting.yaml"),
			     NULL};
	assert_int_equal(kaigi(imp, &err, -1, 0), 3);
	expect_in(err, "not a kaigi database");
	free(err);
	const char *exp[] = {"--db", notdb, "export", "yaml", NULL};
	assert_int_equal(kaigi(exp, &err, -1, 0), 3);
	free(err);
	assert_int_equal(test_file_hash(notdb), h);

	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 42", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	h = test_file_hash(fx->db);
	const char *imp2[] = {"--db", fx->db, "import",
			      test_source("tests/data/store/meeting.yaml"), NULL};
	assert_int_equal(kaigi(imp2, &err, -1, 0), 3);
	expect_in(err, "newer kaigi");
	free(err);
	const char *bak[] = {"--db", fx->db, "backup", NULL};
	assert_int_equal(kaigi(bak, &err, -1, 0), 3);
	free(err);
	assert_int_equal(test_file_hash(fx->db), h);
}

static void test_form_no_longer_installed(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_error e;
	struct store_path p = {"age", NULL, NULL};
	assert_int_equal(store_answer_save(fx->st, fx->record, &p, "80", &e), KAIGI_OK);
	store_close(fx->st);
	fx->st = NULL;
	/* Forms from a folder without test_sheet (not an empty one:
	 * schema_load_dir trips UBSan on an empty folder, reported). */
	char empty[400];
	snprintf(empty, sizeof empty, "%s", test_source("tests/bench/forms"));
	char *out = NULL, *err = NULL;
	const char *bin = getenv("KAIGI_BIN");
	char cmd[4096];
	snprintf(cmd, sizeof cmd,
		 "KAIGI_FORMS_DIR=%s XDG_CONFIG_HOME=%s %s --db %s export yaml >%s/raw.yaml "
		 "2>%s/raw.err",
		 empty, empty, bin, fx->db, fx->dir, fx->dir);
	assert_int_equal(system(cmd), 0);
	char path[500];
	snprintf(path, sizeof path, "%s/raw.yaml", fx->dir);
	out = test_read_file(path, NULL);
	snprintf(path, sizeof path, "%s/raw.err", fx->dir);
	err = test_read_file(path, NULL);
	expect_in(out, "age: 80");
	expect_in(err, "warning:");
	expect_in(err, "not installed");
	free(out);
	free(err);
}

static void test_backup_while_another_kaigi_writes(void **state)
{
	struct fixture *fx = *state;
	const char *child = getenv("KAIGI_FAULT_CHILD");
	assert_non_null(child);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		execl(child, child, fx->db, test_source("tests/data/store/forms"), fx->record, "1",
		      (char *)NULL);
		_exit(127);
	}
	usleep(100000);
	for (int i = 0; i < 3; i++) {
		char dest[400], *err = NULL;
		snprintf(dest, sizeof dest, "%s/backup-%d.db", fx->dir, i);
		const char *argv[] = {"--db", fx->db, "backup", dest, NULL};
		assert_int_equal(kaigi(argv, &err, -1, 0), 0);
		free(err);
		assert_integrity(dest);
		sqlite3 *db;
		assert_int_equal(sqlite3_open_v2(dest, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		assert_true(
		    query_int(db, "SELECT count(*) FROM answer WHERE field = 'name'", NULL) == 1 ||
		    i == 0);
		sqlite3_close(db);
		usleep(50000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_integrity(fx->db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_sigkill_loses_no_acknowledged_save, closed_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_locked_by_another_process, closed_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_read_only_file_and_folder, closed_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_disk_full, closed_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_not_a_database_and_newer, closed_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_form_no_longer_installed, fixture_setup_case,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_backup_while_another_kaigi_writes, closed_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests_name("store_faults", tests, NULL, NULL);
}
