// SPDX-License-Identifier: MIT
/* store_test.c — helpers shared by the store's tests. */
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

const char *test_source(const char *rel)
{
	static char buf[1024];
	const char *root = getenv("KAIGI_SOURCE_ROOT");
	snprintf(buf, sizeof buf, "%s/%s", root && *root ? root : ".", rel);
	return buf;
}

void fixture_init(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/kaigi-store-test-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	chmod(fx->dir, 0755);
	snprintf(fx->db, sizeof fx->db, "%s/kaigi.db", fx->dir);
	struct kaigi_error err;
	assert_int_equal(schema_set_init(&fx->forms, &err), KAIGI_OK);
	struct kaigi_diags d = {0};
	schema_load_dir(&fx->forms, test_source("tests/data/store/forms"), &d);
	schema_set_check(&fx->forms, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].col, d.v[i].msg);
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
