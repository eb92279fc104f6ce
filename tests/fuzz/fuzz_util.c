// SPDX-License-Identifier: MIT
/*
 * fuzz_util.c — the helpers every libFuzzer target shares (fuzz_util.h).
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void fuzz_check(const char *target, int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "%s: broken promise: %s\n", target, what);
		abort();
	}
}

void fuzz_forms_load(struct schema_set *set, const char *extra_dir)
{
	struct kaigi_error err;
	if (schema_set_init(set, &err) != KAIGI_OK)
		abort();
	struct kaigi_diags d = {0};
	schema_load_dir(set, KAIGI_SOURCE_FORMS_DIR, &d);
	if (extra_dir)
		schema_load_dir(set, extra_dir, &d);
	kaigi_diags_free(&d);
}

void fuzz_db_name(char *tmpl)
{
	int fd = mkstemp(tmpl);
	if (fd < 0)
		abort();
	close(fd);
	unlink(tmpl);
}

void fuzz_db_remove(const char *path)
{
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	char p[4096];
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		unlink(p);
	}
}
