// SPDX-License-Identifier: MIT
/* file.c — read a whole input file, with a size limit. */
#include "kaigi/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/xalloc.h"

enum kaigi_status kaigi_file_read(const char *path, size_t max, const char *what, char **buf,
				  size_t *len, struct kaigi_error *err)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       strerror(errno));
	struct stat sb;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "not a regular file");
	}
	if ((unsigned long long)sb.st_size > max) {
		fclose(f);
		return kaigi_error_set(err, KAIGI_EDATA, path, 1, 1,
				       "file too large (%lld bytes; %s may be at most %zu bytes)",
				       (long long)sb.st_size, what, max);
	}
	size_t n = (size_t)sb.st_size;
	char *b = xmalloc(n + 1);
	size_t got = fread(b, 1, n, f);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed || got != n) {
		free(b);
		return kaigi_error_set(err, KAIGI_EENV, path, 0, 0, "cannot read: %s",
				       failed ? strerror(saved) : "file changed while reading");
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return KAIGI_OK;
}
