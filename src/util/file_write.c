// SPDX-License-Identifier: MIT
/*
 * file_write.c — output files written whole or not at all, devices and
 * pipes written directly, temporaries removed on signals and when stale
 * (file_write.h).
 */
#include "kaigi/file_write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/file.h"
#include "kaigi/xalloc.h"

/* ---- temporaries removed by a signal -------------------------------------- */

enum { TMP_SUFFIXES = 4 };
static const char *const tmp_suffix[TMP_SUFFIXES] = {"", "-journal", "-wal", "-shm"};

struct tmp_entry {
	char *name[TMP_SUFFIXES]; /* the path and its SQLite companions */
	bool dir;
};

static struct tmp_entry *volatile tmp_v;
static volatile size_t tmp_n;
static size_t tmp_cap;
static bool handlers_installed;

static void on_fatal_signal(int sig)
{
	/* Latest first, so files go before the folder that holds them. */
	for (size_t i = tmp_n; i-- > 0;) {
		struct tmp_entry *e = &tmp_v[i];
		if (e->dir) {
			rmdir(e->name[0]);
			continue;
		}
		for (size_t k = 0; k < TMP_SUFFIXES; k++)
			unlink(e->name[k]);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_handlers(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	handlers_installed = true;
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL ||
		    (old.sa_flags & SA_SIGINFO))
			continue; /* someone else's (the UI's): leave it */
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_fatal_signal;
		sigfillset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

static void block_signals(sigset_t *old)
{
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, old);
}

static void tmp_add(const char *path, bool dir)
{
	sigset_t old;
	if (!handlers_installed)
		install_handlers();
	struct tmp_entry e = {.dir = dir};
	for (size_t k = 0; k < TMP_SUFFIXES; k++)
		e.name[k] = xasprintf("%s%s", path, dir ? "" : tmp_suffix[k]);
	block_signals(&old);
	if (tmp_n == tmp_cap) {
		size_t cap = tmp_cap;
		tmp_v = xgrow(tmp_v, tmp_n, &cap, sizeof *tmp_v);
		tmp_cap = cap;
	}
	tmp_v[tmp_n] = e;
	tmp_n = tmp_n + 1;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void kaigi_tmp_register(const char *path)
{
	tmp_add(path, false);
}

void kaigi_tmp_register_dir(const char *path)
{
	tmp_add(path, true);
}

void kaigi_tmp_forget(const char *path)
{
	sigset_t old;
	block_signals(&old);
	for (size_t i = tmp_n; i-- > 0;) {
		if (strcmp(tmp_v[i].name[0], path) != 0)
			continue;
		struct tmp_entry e = tmp_v[i];
		memmove(&tmp_v[i], &tmp_v[i + 1], (tmp_n - i - 1) * sizeof *tmp_v);
		tmp_n = tmp_n - 1;
		sigprocmask(SIG_SETMASK, &old, NULL);
		for (size_t k = 0; k < TMP_SUFFIXES; k++)
			free(e.name[k]);
		return;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void kaigi_tmp_forget_dir(const char *dir)
{
	size_t n = strlen(dir);
	for (size_t i = tmp_n; i-- > 0;) {
		const char *name = tmp_v[i].name[0];
		if (strncmp(name, dir, n) == 0 && (name[n] == '/' || name[n] == '\0'))
			kaigi_tmp_forget(name);
	}
}

/* ---- stale temporaries of processes that are gone ------------------------- */

static char *parent_of(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');
	*base = slash ? slash + 1 : path;
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The pid of NAME.tmp-PID[-journal|-wal|-shm], or 0. */
static long stale_pid(const char *entry, const char *base)
{
	size_t n = strlen(base);
	if (strncmp(entry, base, n) != 0 || strncmp(entry + n, ".tmp-", 5) != 0)
		return 0;
	const char *p = entry + n + 5;
	char *end;
	long pid = strtol(p, &end, 10);
	if (end == p || pid <= 0)
		return 0;
	for (size_t k = 0; k < TMP_SUFFIXES; k++)
		if (strcmp(end, tmp_suffix[k]) == 0)
			return pid;
	return 0;
}

/* Call visit with the path of each entry of dir but . and .. (nothing when
 * dir cannot be read). */
static void dir_each(const char *dir, void (*visit)(const char *path, const char *name, void *arg),
		     void *arg)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		visit(p, e->d_name, arg);
		free(p);
	}
	closedir(d);
}

static void unlink_one(const char *path, const char *name, void *arg)
{
	(void)name;
	(void)arg;
	unlink(path);
}

static void remove_tree1(const char *path)
{
	dir_each(path, unlink_one, NULL);
	rmdir(path);
}

/* Remove path when it is a temporary of base left by a process that has
 * died. */
static void sweep_one(const char *path, const char *name, void *base)
{
	long pid = stale_pid(name, base);
	if (pid == 0 || pid == (long)getpid() || !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
		return;
	struct stat sb;
	if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		remove_tree1(path);
	else if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		unlink(path);
}

void kaigi_tmp_sweep(const char *path)
{
	const char *base;
	char *dir = parent_of(path, &base);
	dir_each(dir, sweep_one, (void *)base);
	free(dir);
}

void kaigi_fsync_parent(const char *path)
{
	const char *base;
	char *dir = parent_of(path, &base);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* ---- the writer ------------------------------------------------------------ */

enum { KAIGI_OUT_SYSTEM = 1 << 8 }; /* under /dev or /proc: never replaced */

static enum kaigi_status open_direct(struct kaigi_outfile *o, const struct stat *sb, int flags,
				     struct kaigi_error *err)
{
	if (S_ISDIR(sb->st_mode) || S_ISSOCK(sb->st_mode) ||
	    ((flags & KAIGI_OUT_REGULAR_ONLY) &&
	     (!S_ISREG(sb->st_mode) || (flags & KAIGI_OUT_SYSTEM))))
		return kaigi_error_set(err, KAIGI_EUSAGE, o->path, 0, 0,
				       "cannot write %s here: this is %s; give a file name",
				       o->what, kaigi_file_kind(sb->st_mode));
	/* Never replaced: a device or a pipe is written as it is.  O_NONBLOCK
	 * so that a pipe nobody reads is refused instead of waited on. */
	o->fd = open(o->path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (o->fd < 0)
		return kaigi_error_set(
		    err, KAIGI_EENV, o->path, 0, 0, "cannot write %s: %s", o->what,
		    errno == ENXIO ? "no program is reading this named pipe" : strerror(errno));
	int fl = fcntl(o->fd, F_GETFL);
	if (fl >= 0)
		fcntl(o->fd, F_SETFL, fl & ~O_NONBLOCK);
	return KAIGI_OK;
}

/* /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor N
 * itself (its target may be a regular file; renaming over the name would
 * replace /dev/stdout, a symbolic link, with a file). */
static int named_descriptor(const char *path)
{
	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	const char *n = strncmp(path, "/dev/fd/", 8) == 0          ? path + 8
			: strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
								   : NULL;
	if (!n || *n < '0' || *n > '9')
		return -1;
	char *end;
	long fd = strtol(n, &end, 10);
	return *end == '\0' && fd >= 0 && fd < 1024 ? (int)fd : -1;
}

enum kaigi_status kaigi_outfile_open(struct kaigi_outfile *o, const char *path, const char *what,
				     int flags, struct kaigi_error *err)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->what = what;
	int nfd = named_descriptor(path);
	if (nfd >= 0 && !(flags & KAIGI_OUT_REGULAR_ONLY)) {
		o->fd = fcntl(nfd, F_DUPFD_CLOEXEC, 3);
		if (o->fd < 0)
			return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot write %s: %s",
					       what, strerror(errno));
		o->path = xstrdup(path);
		return KAIGI_OK;
	}
	/* Through a symbolic link, the file it names is replaced, not the
	 * link; under /dev and /proc nothing is ever replaced. */
	char *real = realpath(path, NULL);
	o->path = real ? real : xstrdup(path);
	struct stat sb;
	bool system =
	    strncmp(o->path, "/dev/", 5) == 0 || strncmp(o->path, "/proc/", 6) == 0 || nfd >= 0;
	if (stat(o->path, &sb) == 0 && (!S_ISREG(sb.st_mode) || system)) {
		enum kaigi_status s =
		    open_direct(o, &sb, flags | (system ? KAIGI_OUT_SYSTEM : 0), err);
		if (s != KAIGI_OK) {
			free(o->path);
			o->path = NULL;
		}
		return s;
	}
	if (system) {
		free(o->path);
		o->path = NULL;
		return kaigi_error_set(err, KAIGI_EUSAGE, path, 0, 0,
				       "cannot write %s here: kaigi creates no files under /dev "
				       "or /proc",
				       what);
	}
	kaigi_tmp_sweep(o->path);
	o->tmp = xasprintf("%s.tmp-%ld", o->path, (long)getpid());
	kaigi_tmp_register(o->tmp);
	unlink(o->tmp); /* ours, from an earlier write that did not finish */
	o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (o->fd < 0) {
		int e = errno;
		kaigi_tmp_forget(o->tmp);
		free(o->tmp);
		free(o->path);
		o->tmp = o->path = NULL;
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot write %s: %s", what,
				       strerror(e));
	}
	if (flags & KAIGI_OUT_NO_FD) {
		close(o->fd);
		o->fd = -1;
	}
	return KAIGI_OK;
}

int kaigi_outfile_write(struct kaigi_outfile *o, const void *buf, size_t len)
{
	const char *p = buf;
	if (o->err)
		return -1;
	while (len) {
		ssize_t n = write(o->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			o->err = n < 0 ? errno : EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int kaigi_outfile_write_cb(void *ctx, const char *buf, size_t len)
{
	return kaigi_outfile_write(ctx, buf, len);
}

enum kaigi_status kaigi_outfile_commit(struct kaigi_outfile *o, bool ok, struct kaigi_error *err)
{
	int e = o->err;
	bool by_name = o->fd < 0;
	if (o->fd >= 0) {
		if (ok && !e && o->tmp && fsync(o->fd) != 0)
			e = errno;
		if (close(o->fd) != 0 && ok && !e && errno != EINTR)
			e = errno;
		o->fd = -1;
	}
	if (o->tmp) {
		if (ok && !e && by_name) {
			/* SQLite wrote it by name: sync what it left. */
			int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
			if (fd < 0 || fsync(fd) != 0)
				e = errno;
			if (fd >= 0)
				close(fd);
		}
		if (ok && !e && rename(o->tmp, o->path) != 0)
			e = errno;
		if (ok && !e)
			kaigi_fsync_parent(o->path);
		else
			unlink(o->tmp);
		kaigi_tmp_forget(o->tmp);
		free(o->tmp);
	}
	enum kaigi_status s = KAIGI_OK;
	if (ok && e)
		s = kaigi_error_set(err, KAIGI_EENV, o->path, 0, 0, "cannot write %s: %s%s",
				    o->what, strerror(e), e == ENOSPC ? " (the disk is full)" : "");
	free(o->path);
	memset(o, 0, sizeof *o);
	o->fd = -1;
	return s;
}

enum kaigi_status kaigi_file_write(const char *path, const void *data, size_t len, const char *what,
				   struct kaigi_error *err)
{
	struct kaigi_outfile o;
	enum kaigi_status s = kaigi_outfile_open(&o, path, what, 0, err);
	if (s != KAIGI_OK)
		return s;
	kaigi_outfile_write(&o, data, len);
	return kaigi_outfile_commit(&o, true, err);
}
