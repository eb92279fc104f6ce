// SPDX-License-Identifier: MIT
/* file.c — read a whole input file, with a size limit. */
#include "kaigi/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/xalloc.h"

const char *kaigi_file_kind(mode_t mode)
{
	static const struct {
		mode_t type;
		const char *name;
	} kinds[] = {
	    {S_IFREG, "a regular file"},      {S_IFDIR, "a folder"},
	    {S_IFIFO, "a named pipe (FIFO)"}, {S_IFSOCK, "a socket"},
	    {S_IFCHR, "a character device"},  {S_IFBLK, "a block device"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if ((mode & S_IFMT) == kinds[i].type)
			return kinds[i].name;
	return "not a regular file";
}

enum kaigi_status kaigi_file_read(const char *path, size_t max, const char *what, char **buf,
				  size_t *len, struct kaigi_error *err)
{
	*buf = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer for
	 * ever; the kind is checked on the open descriptor, before any read. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		int e = errno;
		close(fd);
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s", strerror(e));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0,
				       "cannot read %s: this is %s, not a regular file", what,
				       kaigi_file_kind(sb.st_mode));
	}
	if ((unsigned long long)sb.st_size > max) {
		close(fd);
		return kaigi_error_set(err, KAIGI_EDATA, path, 1, 1,
				       "file too large (%lld bytes; %s may be at most %zu bytes)",
				       (long long)sb.st_size, what, max);
	}
	size_t n = (size_t)sb.st_size;
	char *b = xmalloc(n + 1);
	size_t got = 0;
	int saved = 0;
	while (got < n) {
		ssize_t r = read(fd, b + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			saved = r < 0 ? errno : 0;
			break;
		}
		got += (size_t)r;
	}
	close(fd);
	if (got != n) {
		free(b);
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       saved ? strerror(saved) : "file changed while reading");
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return KAIGI_OK;
}

unsigned long long kaigi_mem_available(void)
{
	FILE *f = fopen("/proc/meminfo", "re");
	if (!f)
		return 0;
	char line[128];
	unsigned long long kb = 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
			break;
	fclose(f);
	return kb * 1024;
}
