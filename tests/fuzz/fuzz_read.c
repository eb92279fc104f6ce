// SPDX-License-Identifier: MIT
/*
 * fuzz_read.c — libFuzzer target for reading back a database that is not
 * what kaigi wrote: the input is a database file, opened read-only as
 * `kaigi report`, `kaigi export` and `kaigi meetings` open it, and every
 * meeting is rendered as text, Markdown and HTML and exported as YAML.
 *
 * The file lives in a private folder under the current directory (never
 * /tmp, where -wal and -shm of a crash would be left for others).  A
 * finding: a crash, a sanitizer report, or a status other than OK, invalid
 * data or environment (a damaged file is an environment error).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaigi/report.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema_set forms;
static char dir[64], path[96];

static void remove_files(void)
{
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	char p[128];
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		unlink(p);
	}
}

static void cleanup(void)
{
	remove_files();
	rmdir(dir);
}

static void fuzz_init(void)
{
	struct kaigi_error err;
	if (schema_set_init(&forms, &err) != KAIGI_OK)
		abort();
	struct kaigi_diags d = {0};
	schema_load_dir(&forms, KAIGI_SOURCE_FORMS_DIR, &d);
	kaigi_diags_free(&d);
	snprintf(dir, sizeof dir, "kaigi-fuzz-read-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/k.db", dir);
	atexit(cleanup);
}

static void check(enum kaigi_status s)
{
	if (s != KAIGI_OK && s != KAIGI_EDATA && s != KAIGI_EENV) {
		fprintf(stderr, "fuzz_read: status %d\n", s);
		abort();
	}
}

static int discard(void *ctx, const char *buf, size_t len)
{
	(void)ctx;
	(void)buf;
	(void)len;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		fuzz_init();
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	struct store *st;
	struct kaigi_error err;
	enum kaigi_status s = store_open(&st, path, STORE_READ_ONLY, &err);
	check(s);
	if (s == KAIGI_OK) {
		store_set_forms(st, &forms);
		struct store_meeting_list l = {0};
		if (store_meeting_list(st, NULL, 20, &l, &err) == KAIGI_OK) {
			for (size_t i = 0; i < l.n; i++) {
				static const enum report_format fmts[] = {
				    REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML};
				for (size_t k = 0; k < 3; k++) {
					struct strbuf out = STRBUF_INIT;
					struct report_options opt = {.names = k == 1};
					check(report_meeting_render(st, &forms, l.v[i].id, fmts[k],
								    &opt, &out, &err));
					strbuf_free(&out);
				}
			}
			store_meeting_list_free(&l);
		}
		struct kaigi_diags w = {0};
		check(store_export_yaml(st, NULL, discard, NULL, &w, &err));
		kaigi_diags_free(&w);
		store_close(st);
	}
	remove_files();
	return 0;
}
