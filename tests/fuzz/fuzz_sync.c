// SPDX-License-Identifier: MIT
/*
 * fuzz_sync.c — libFuzzer target for the sync bundle reader:
 * every input is read as a bundle's clear header (sync_bundle_header) and
 * as a decrypted payload (sync_payload_parse, which walks every change
 * set).  A payload that parses is then applied to a fresh database
 * (store_sync_import), which must end in KAIGI_OK or KAIGI_EDATA and leave
 * a database that passes integrity_check.  The seed corpus in corpus_sync/
 * holds a real bundle, its header alone, and real decrypted payloads.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaigi/store.h"
#include "kaigi/sync.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void apply(struct sync_payload *p)
{
	char path[] = "/tmp/kaigi-fuzz-sync-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	unlink(path);
	struct store *st = NULL;
	struct kaigi_error err;
	if (store_open(&st, path, STORE_READ_WRITE, &err) != KAIGI_OK) {
		fprintf(stderr, "fuzz_sync: %s\n", err.msg);
		abort();
	}
	struct sync_import_result res;
	struct sync_payload *pv[] = {p};
	enum kaigi_status s = store_sync_import(st, pv, 1, "fuzz", &res, &err);
	if (s != KAIGI_OK && s != KAIGI_EDATA) {
		fprintf(stderr, "fuzz_sync: import: %s\n", err.msg);
		abort();
	}
	store_close(st);
	sqlite3 *db = NULL;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		abort();
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_step(q) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(q, 0), "ok"))
		abort();
	sqlite3_finalize(q);
	sqlite3_close(db);
	unlink(path);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_header h;
	size_t body = 0;
	struct kaigi_error err;
	if (sync_bundle_header("fuzz", data, size, &h, &body, &err) == KAIGI_OK && body > size)
		abort();
	struct sync_payload p;
	if (sync_payload_parse("fuzz", data, size, &p, &err) == KAIGI_OK) {
		apply(&p);
		sync_payload_free(&p);
	} else if (err.status != KAIGI_EDATA) {
		abort();
	}
	return 0;
}
