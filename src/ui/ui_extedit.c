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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
	FILE *f = fopen(path, "rb");
	ok = f != NULL;
	if (f) {
		struct strbuf b = STRBUF_INIT;
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			strbuf_appendn(&b, buf, n);
		fclose(f);
		while (b.len && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == '\r'))
			b.s[--b.len] = '\0';
		strbuf_reset(text);
		strbuf_append(text, strbuf_str(&b));
		strbuf_free(&b);
	} else {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot read back %s", path);
	}
	unlink(path);
	free(path);
	return ok;
}
