// SPDX-License-Identifier: MIT
/*
 * report_output.c — where a rendered summary goes: a file written whole or
 * not at all, or the printer through CUPS's `lp`.
 *
 * The printer is reached with lp rather than libcups so that kaigi-core
 * does not link CUPS: most laptops in a town hall print through whatever
 * the desktop set up, and lp is what that leaves behind.  lp and lpstat are
 * run directly (posix_spawnp), never through a shell, so a file name cannot
 * be taken for a command.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kaigi/file_write.h"
#include "kaigi/report.h"
#include "kaigi/xalloc.h"

extern char **environ;

enum kaigi_status report_save(const char *path, const void *data, size_t len,
			      struct kaigi_error *err)
{
	return kaigi_file_write(path, data, len, "the summary", err);
}

/* True when an executable called name is on PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/bin:/bin";
	while (*path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		char *full = xasprintf("%.*s/%s", (int)n, path, name);
		bool ok = access(full, X_OK) == 0;
		free(full);
		if (ok)
			return true;
		path += n + (colon ? 1 : 0);
	}
	return false;
}

/*
 * Run argv, collecting its standard output and error (at most a few
 * kilobytes) into out; returns the exit status, or -1 when it could not be
 * run or was killed.
 */
static int run_capture(char *const argv[], char *out, size_t size)
{
	int fds[2];
	out[0] = '\0';
	if (pipe(fds) != 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return -1;
	}
	size_t used = 0;
	for (;;) {
		char buf[512];
		ssize_t n = read(fds[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		size_t take = (size_t)n < size - 1 - used ? (size_t)n : size - 1 - used;
		memcpy(out + used, buf, take);
		used += take;
	}
	out[used] = '\0';
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	/* Keep the first line: lp and lpstat say what matters there. */
	char *nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

enum kaigi_status report_printer_check(struct kaigi_error *err)
{
	if (!on_path("lp"))
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				       "cannot print: lp is not installed (Debian: apt install "
				       "cups-client); save the summary to a file instead");
	const char *dest = getenv("LPDEST");
	if (!dest || !*dest)
		dest = getenv("PRINTER");
	if (dest && *dest)
		return KAIGI_OK;
	if (!on_path("lpstat"))
		return KAIGI_OK; /* lp alone: let it try the default */
	char out[1024];
	char *argv[] = {"lpstat", "-d", NULL};
	int rc = run_capture(argv, out, sizeof out);
	if (rc == 0 && strstr(out, "system default destination:"))
		return KAIGI_OK;
	return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
			       "cannot print: no printer is configured (lpstat -d: %s); set a "
			       "default printer in the system's settings or with lpoptions -d, "
			       "or save the summary to a file instead",
			       *out ? out : "no answer");
}

enum kaigi_status report_print_lp(const char *path, struct kaigi_error *err)
{
	enum kaigi_status s = report_printer_check(err);
	if (s != KAIGI_OK)
		return s;
	char out[1024];
	char *argv[] = {"lp", "--", (char *)path, NULL};
	int rc = run_capture(argv, out, sizeof out);
	if (rc != 0)
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "the printer refused it: %s",
				       *out ? out : "lp failed");
	return KAIGI_OK;
}
