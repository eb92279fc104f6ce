// SPDX-License-Identifier: MIT
/* fixture.c — the C tests' shared fixture and helpers (fixture.h). */
#include "fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store/store_internal.h"

const char *test_source(const char *rel)
{
	static char buf[1024];
	const char *root = getenv("KAIGI_SOURCE_ROOT");
	snprintf(buf, sizeof buf, "%s/%s", root && *root ? root : ".", rel);
	return buf;
}

/* A fresh folder for fx, readable by the users the fault tests become. */
static void fixture_dir(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/kaigi-test-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	chmod(fx->dir, 0755);
	snprintf(fx->db, sizeof fx->db, "%s/kaigi.db", fx->dir);
}

void test_print_diags(const struct kaigi_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d->v[i].file, d->v[i].line, d->v[i].col,
			d->v[i].msg);
}

void fixture_init(struct fixture *fx)
{
	fixture_dir(fx);
	struct kaigi_error err;
	assert_int_equal(schema_set_init(&fx->forms, &err), KAIGI_OK);
	struct kaigi_diags d = {0};
	schema_load_dir(&fx->forms, test_source("tests/data/store/forms"), &d);
	schema_set_check(&fx->forms, &d);
	test_print_diags(&d);
	assert_int_equal(d.n, 0);
	kaigi_diags_free(&d);
	assert_non_null(schema_form_find(&fx->forms, "test_sheet"));
}

void fixture_open(struct fixture *fx)
{
	struct kaigi_error err = {0};
	enum kaigi_status s = store_open(&fx->st, fx->db, STORE_READ_WRITE, &err);
	if (s != KAIGI_OK)
		fprintf(stderr, "store_open: %s\n", err.msg);
	assert_int_equal(s, KAIGI_OK);
	store_set_forms(fx->st, &fx->forms);
	store_set_actor(fx->st, "tester");
}

void fixture_case(struct fixture *fx)
{
	struct kaigi_error err = {0};
	struct store_meeting m = {0};
	m.template_id = "test_meeting";
	m.f[STORE_MEETING_DATE] = "2024-05-14";
	m.f[STORE_MEETING_TITLE] = "第1回";
	assert_int_equal(store_meeting_create(fx->st, &m, &err), KAIGI_OK);
	memcpy(fx->meeting, m.id, STORE_ID_SIZE);
	struct store_person p = {0};
	p.code = "T-001";
	p.initials = "Y.K.";
	assert_int_equal(store_person_save(fx->st, &p, &err), KAIGI_OK);
	memcpy(fx->person, p.id, STORE_ID_SIZE);
	struct store_case c = {0};
	memcpy(c.meeting_id, fx->meeting, STORE_ID_SIZE);
	memcpy(c.person_id, fx->person, STORE_ID_SIZE);
	assert_int_equal(store_case_save(fx->st, &c, &err), KAIGI_OK);
	memcpy(fx->case_id, c.id, STORE_ID_SIZE);
	assert_int_equal(
	    store_record_ensure(fx->st, fx->meeting, fx->case_id, "test_sheet", fx->record, &err),
	    KAIGI_OK);
}

static void rm_rf(const char *path)
{
	char *cmd = NULL;
	size_t n = strlen(path) + 32;
	cmd = malloc(n);
	snprintf(cmd, n, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
	free(cmd);
}

void fixture_done(struct fixture *fx)
{
	store_close(fx->st);
	fx->st = NULL;
	schema_set_free(&fx->forms);
	if (fx->dir[0])
		rm_rf(fx->dir);
}

int fixture_setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	fixture_init(fx);
	*state = fx;
	return 0;
}

int fixture_setup_open(void **state)
{
	fixture_setup(state);
	fixture_open(*state);
	return 0;
}

int fixture_setup_case(void **state)
{
	fixture_setup_open(state);
	fixture_case(*state);
	return 0;
}

int fixture_teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

int fixture_setup_shipped(void **state)
{
	*state = fixture_new(NULL);
	return 0;
}

int fixture_setup_reviews(void **state)
{
	*state = fixture_new("tests/data/followup/three_reviews.yaml");
	return 0;
}

struct fixture *fixture_new(const char *data)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	fixture_dir(fx);
	struct kaigi_error err;
	struct kaigi_diags diags = {0};
	assert_int_equal(schema_set_init(&fx->forms, &err), KAIGI_OK);
	schema_load_dir(&fx->forms, test_source("forms"), &diags);
	assert_int_equal(kaigi_diags_status(&diags), KAIGI_OK);
	kaigi_diags_free(&diags);
	fixture_open(fx);
	if (data)
		fixture_import(fx, test_source(data));
	return fx;
}

void fixture_free(struct fixture *fx)
{
	fixture_done(fx);
	free(fx);
}

struct store *fixture_store_other(struct fixture *fx, const char *name)
{
	struct kaigi_error err;
	struct store *st = NULL;
	char *db = xasprintf("%s/%s", fx->dir, name);
	assert_int_equal(store_open(&st, db, STORE_READ_WRITE, &err), KAIGI_OK);
	free(db);
	store_set_forms(st, &fx->forms);
	return st;
}

struct fixture *fixture_new_from_export(struct fixture *fx, char **yaml)
{
	char *text = test_export_yaml(fx->st, NULL);
	char *path = xasprintf("%s/export.yaml", fx->dir);
	test_write_file(path, text);
	struct fixture *g = fixture_new(NULL);
	fixture_import(g, path);
	free(path);
	if (yaml)
		*yaml = text;
	else
		free(text);
	return g;
}

void fixture_import(struct fixture *fx, const char *path)
{
	struct kaigi_diags diags = {0};
	const char *paths[] = {path};
	enum kaigi_status s = store_import_files(fx->st, paths, 1, NULL, &diags);
	test_print_diags(&diags);
	kaigi_diags_free(&diags);
	assert_int_equal(s, KAIGI_OK);
}

void fixture_db_remove(struct fixture *fx)
{
	store_close(fx->st);
	fx->st = NULL;
	char *cmd = xasprintf("rm -f '%s' '%s-wal' '%s-shm'", fx->db, fx->db, fx->db);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

void fixture_save(struct fixture *fx, const char *case_id, const char *form, const char *field,
		  const char *item, const char *col, const char *text)
{
	struct store_case c = {0};
	struct kaigi_error err;
	assert_int_equal(store_case_get(fx->st, case_id, &c, &err), KAIGI_OK);
	char rec[STORE_ID_SIZE];
	assert_int_equal(store_record_ensure(fx->st, c.meeting_id, c.id, form, rec, &err),
			 KAIGI_OK);
	struct store_path p = {field, item, col};
	if (store_answer_save(fx->st, rec, &p, text, &err) != KAIGI_OK)
		fail_msg("saving %s/%s: %s", field, col ? col : "", err.msg);
	store_case_clear(&c);
}

void fixture_open_migrated(struct fixture *fx)
{
	struct kaigi_error err = {0};
	if (store_open(&fx->st, fx->db, STORE_READ_WRITE, &err) != KAIGI_OK)
		fail_msg("store_open: %s", err.msg);
	store_set_forms(fx->st, &fx->forms);
	assert_int_equal(fixture_int(fx, "PRAGMA user_version"), (long long)kaigi_migration_count);
}

void fixture_search(struct fixture *fx, const struct fixture_search *s,
		    struct store_text_hit_list *h)
{
	struct store_text_hit_list mine;
	struct store_text_hit_list *l = h ? h : &mine;
	struct kaigi_error err = {0};
	enum store_search_mode mode;
	if (store_text_search(fx->st, s->query, s->limit, l, &mode, &err) != KAIGI_OK)
		fail_msg("search 「%s」: %s", s->query, err.msg);
	if (l->n != s->hits)
		fail_msg("search 「%s」: %zu hits, not %zu", s->query, l->n, s->hits);
	if (s->index && mode != STORE_SEARCH_INDEX)
		fail_msg("search 「%s」 did not use the index", s->query);
	if (s->field && strcmp(l->v[0].field, s->field) != 0)
		fail_msg("search 「%s」: first hit in %s, not %s", s->query, l->v[0].field,
			 s->field);
	if (s->date && strcmp(l->v[0].meeting_date, s->date) != 0)
		fail_msg("search 「%s」: first hit of %s, not %s", s->query, l->v[0].meeting_date,
			 s->date);
	if (!h)
		store_text_hit_list_free(&mine);
}

void fixture_searches(struct fixture *fx, const struct fixture_search *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fixture_search(fx, &s[i], NULL);
}

void fixture_person_area(struct fixture *fx, const char *code, const char *area)
{
	struct kaigi_error err;
	struct store_person pp = {0};
	assert_int_equal(store_person_get(fx->st, NULL, code, &pp, &err), KAIGI_OK);
	free(pp.area);
	pp.area = xstrdup(area);
	assert_int_equal(store_person_save(fx->st, &pp, &err), KAIGI_OK);
	store_person_clear(&pp);
}

static sqlite3 *open_read_only(const char *path)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	return db;
}

long long fixture_int(struct fixture *fx, const char *sql)
{
	sqlite3 *db = open_read_only(fx->db);
	long long v = test_sql_int(db, sql);
	sqlite3_close(db);
	return v;
}

const char *fixture_text(struct fixture *fx, const char *sql)
{
	static char buf[4096];
	char *v = test_db_text(fx->db, sql);
	snprintf(buf, sizeof buf, "%s", v);
	free(v);
	return buf;
}

void test_sql_exec(sqlite3 *db, const char *sql)
{
	char *e = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		fail_msg("%s\n%s", e, sql);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s\n%s", sqlite3_errmsg(db), sql);
	return q;
}

long long test_sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q = prepare(db, sql);
	long long v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	return v;
}

char *test_sql_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q = prepare(db, sql);
	char *v = NULL;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		v = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v ? v : xstrdup("");
}

char *test_db_text(const char *path, const char *sql)
{
	sqlite3 *db = open_read_only(path);
	char *v = test_sql_text(db, sql);
	sqlite3_close(db);
	return v;
}

size_t test_migration_find(const char *part)
{
	for (size_t i = 0; i < kaigi_migration_count; i++)
		if (strstr(kaigi_migration_name[i], part))
			return i;
	fail_msg("no migration named *%s*", part);
	return 0;
}

static void actor_of(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	(void)v;
	sqlite3_result_text(c, sqlite3_user_data(c), -1, SQLITE_TRANSIENT);
}

sqlite3 *test_db_before(const char *path, size_t upto, const char *actor)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_create_function(db, "kaigi_actor", 0, SQLITE_UTF8, (void *)actor, actor_of, NULL,
				NULL);
	assert_int_equal(store_bigram_register(db), SQLITE_OK);
	for (size_t i = 0; i < upto; i++)
		test_sql_exec(db, kaigi_migration_sql[i]);
	char *pragma = xasprintf("PRAGMA user_version=%zu; PRAGMA application_id=%d", upto,
				 STORE_APPLICATION_ID);
	test_sql_exec(db, pragma);
	free(pragma);
	return db;
}

int test_strbuf_write(void *ctx, const char *buf, size_t len)
{
	strbuf_appendn(ctx, buf, len);
	return 0;
}

char *test_export_yaml(struct store *st, struct kaigi_diags *warnings)
{
	struct strbuf b = STRBUF_INIT;
	struct kaigi_error err;
	struct kaigi_diags w = {0};
	if (store_export_yaml(st, NULL, test_strbuf_write, &b, warnings ? warnings : &w, &err) !=
	    KAIGI_OK)
		fail_msg("export: %s", err.msg);
	kaigi_diags_free(&w);
	return strbuf_take(&b);
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

void test_text_has(const char *what, const char *text, const char *needle)
{
	if (!text || !strstr(text, needle))
		fail_msg("%s lacks 「%s」:\n%s", what, needle, text ? text : "(nothing)");
}

void test_file_has(const char *dir, const char *name, const char *needle)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *text = test_read_file(path, NULL);
	test_text_has(path, text, needle);
	free(text);
	free(path);
}

void test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *slurp_fd(int fd)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	ssize_t got;
	while ((got = read(fd, buf + n, cap - n)) > 0) {
		n += (size_t)got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	buf[n] = '\0';
	return buf;
}

int test_run_kaigi(const char *const *argv, char **out, char **err, int uid, long fsize)
{
	const char *bin = getenv("KAIGI_BIN");
	assert_non_null(bin);
	char outpath[] = "/tmp/kaigi-run-out-XXXXXX", errpath[] = "/tmp/kaigi-run-err-XXXXXX";
	int ofd = mkstemp(outpath), efd = mkstemp(errpath);
	assert_true(ofd >= 0 && efd >= 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		size_t n = 0;
		while (argv[n])
			n++;
		char **args = calloc(n + 2, sizeof *args);
		args[0] = (char *)bin;
		for (size_t i = 0; i < n; i++)
			args[i + 1] = (char *)argv[i];
		int in = open("/dev/null", O_RDONLY);
		dup2(in, 0);
		dup2(ofd, 1);
		dup2(efd, 2);
		if (fsize > 0) {
			struct rlimit rl = {(rlim_t)fsize, (rlim_t)fsize};
			signal(SIGXFSZ, SIG_IGN);
			setrlimit(RLIMIT_FSIZE, &rl);
		}
		if (uid == TEST_ROOT_WITHOUT_DAC) {
			/* Out of the bounding set, so exec does not give them back:
			 * root then obeys file modes like anyone. */
			if (prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0 ||
			    prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) != 0)
				_exit(126);
		} else if (uid >= 0 && (setgid((gid_t)uid) != 0 || setuid((uid_t)uid) != 0)) {
			_exit(126);
		}
		setenv("KAIGI_FORMS_DIR", test_source("tests/data/store/forms"), 1);
		execv(bin, args);
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	lseek(ofd, 0, SEEK_SET);
	lseek(efd, 0, SEEK_SET);
	if (out)
		*out = slurp_fd(ofd);
	if (err)
		*err = slurp_fd(efd);
	close(ofd);
	close(efd);
	unlink(outpath);
	unlink(errpath);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

pid_t test_db_lock(const char *path, unsigned seconds)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *db;
		sqlite3_open(path, &db);
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		sleep(seconds);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(0);
	}
	char ch;
	assert_int_equal(read(fds[0], &ch, 1), 1);
	close(fds[0]);
	close(fds[1]);
	return pid;
}

unsigned long long test_file_hash(const char *path)
{
	size_t len = 0;
	char *buf = test_read_file(path, &len);
	if (!buf)
		return 0;
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)buf[i]) * 1099511628211ULL;
	free(buf);
	return h ^ len;
}
