// SPDX-License-Identifier: MIT
/*
 * ui_extedit.c — handing a long text to $EDITOR.
 *
 * The text goes through a private temporary file (mode 0600: it may hold
 * health information) that is removed afterwards.  While the editor runs,
 * kaigi ignores SIGINT so that ^C inside the editor does not end kaigi;
 * the child gets default signal handling back before exec.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kaigi/file.h"
#include "kaigi/xalloc.h"
#include "ui_extedit.h"

static const char *editor(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

bool ui_extedit_run(struct ui *ui, struct strbuf *text, struct kaigi_error *err)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/kaigi-edit-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot make a temporary file: %s",
				strerror(errno));
		free(path);
		return false;
	}
	bool ok = write_all(fd, text->s ? text->s : "", text->len);
	close(fd);
	if (!ok) {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot write %s", path);
		unlink(path);
		free(path);
		return false;
	}
	def_prog_mode();
	endwin();
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old);
	setenv("KAIGI_EDITOR", editor(), 1);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		/* The editor command may hold arguments ("code -w"). */
		execl("/bin/sh", "sh", "-c", "exec $KAIGI_EDITOR \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old, NULL);
	reset_prog_mode();
	ui->ext_redraw = true;
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				"the editor (%s) did not finish well; "
				"the text was kept as it was",
				editor());
		unlink(path);
		free(path);
		return false;
	}
	char *buf = NULL;
	size_t len = 0;
	struct kaigi_error rerr;
	ok = kaigi_file_read(path, SIZE_MAX, "the edited text", &buf, &len, &rerr) == KAIGI_OK;
	if (ok) {
		while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		strbuf_reset(text);
		strbuf_append(text, buf);
		free(buf);
	} else {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot read back %s", path);
	}
	unlink(path);
	free(path);
	return ok;
}
