// SPDX-License-Identifier: MIT
/*
 * fuzz_import.c — libFuzzer target for the YAML record importer
 * (store_import_buffer).
 *
 * The forms are the shipped ones and the store's test forms
 * (tests/data/store/forms, which the seed corpus in corpus_import/ uses).  The
 * database is one temporary file; every input is imported inside an outer
 * transaction that is rolled back, so inputs do not see each other's rows
 * and the file does not grow.  Anything but KAIGI_OK / KAIGI_EDATA from the
 * importer is a finding, and so is any crash or sanitizer report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/store/store_internal.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/store_exchange.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema_set forms;
static struct store *st;

static void fuzz_init(void)
{
	struct kaigi_error err;
	if (schema_set_init(&forms, &err) != KAIGI_OK)
		abort();
	struct kaigi_diags d = {0};
	schema_load_dir(&forms, KAIGI_SOURCE_FORMS_DIR, &d);
	schema_load_dir(&forms, KAIGI_SOURCE_FORMS_DIR "/../tests/data/store/forms", &d);
	kaigi_diags_free(&d);
	/* In the current folder, not /tmp: a crash leaves -wal and -shm
	 * where the fuzzing run keeps its own files. */
	char path[] = "kaigi-fuzz-import-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	unlink(path);
	if (store_open(&st, path, STORE_READ_WRITE, &err) != KAIGI_OK) {
		fprintf(stderr, "fuzz_import: %s\n", err.msg);
		abort();
	}
	store_set_forms(st, &forms);
	/* The file is private to this process; its -wal and -shm go with
	 * the connection. */
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!st)
		fuzz_init();
	struct kaigi_error err;
	if (store_begin(st, &err) != KAIGI_OK)
		abort();
	struct kaigi_diags diags = {0};
	enum kaigi_status s =
	    store_import_buffer(st, "fuzz.yaml", (const char *)data, size, NULL, &diags);
	if (s != KAIGI_OK && s != KAIGI_EDATA) {
		for (size_t i = 0; i < diags.n; i++)
			fprintf(stderr, "%d: %s\n", diags.v[i].status, diags.v[i].msg);
		abort();
	}
	/* Every refusal says where and why. */
	if (s == KAIGI_EDATA && diags.n == 0)
		abort();
	kaigi_diags_free(&diags);
	store_end(st, KAIGI_EDATA, &err); /* roll back */
	return 0;
}
