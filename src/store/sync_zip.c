// SPDX-License-Identifier: MIT
/*
 * sync_zip.c — change sets kept compressed at rest in sync_log and
 * sync_pending, so the database file stays small.
 *
 * A change set repeats every UUID and text it carries; ten years of a
 * large city make one of 735 MB, which deflate brings to about 300 MB.
 * Stored form: "\0KZ1", the raw size as 8 bytes little-endian, then a
 * zlib stream.  A change set never starts with a zero byte (its first byte
 * is 'T' or 'P'), so a blob without that prefix is a raw change set, as
 * every one was before db/012_lean.sql; both are read.  Bundles carry raw
 * change sets: this is only how this laptop keeps them.
 *
 * Writers compress with the SQL function kaigi_sync_zip(blob) (direct-only:
 * no trigger or view can call it) when an entry stops growing: when it is
 * sealed, received, or born too large to merge into.  The open entry that
 * saves merge into stays raw, so a save does not inflate and deflate it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"
#include "store_sync.h"

#define ZIP_MAGIC "\0KZ1"
#define ZIP_HEAD  12  /* magic + 8-byte size */
#define ZIP_MIN   256 /* smaller change sets stay raw */

static bool is_zipped(const unsigned char *b, size_t n)
{
	return n >= ZIP_HEAD && memcmp(b, ZIP_MAGIC, 4) == 0;
}

/* kaigi_sync_zip(blob): the blob compressed, or itself when compressing
 * would not make it smaller (small, already compressed, not a blob). */
static void zip_func(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const unsigned char *in = sqlite3_value_blob(v[0]);
	size_t n = (size_t)sqlite3_value_bytes(v[0]);
	if (sqlite3_value_type(v[0]) != SQLITE_BLOB || n < ZIP_MIN || is_zipped(in, n)) {
		sqlite3_result_value(c, v[0]);
		return;
	}
	uLongf cap = compressBound((uLong)n);
	unsigned char *out = malloc(ZIP_HEAD + (size_t)cap);
	if (!out) {
		sqlite3_result_error_nomem(c);
		return;
	}
	memcpy(out, ZIP_MAGIC, 4);
	for (int i = 0; i < 8; i++)
		out[4 + i] = (unsigned char)((uint64_t)n >> (8 * i));
	if (compress2(out + ZIP_HEAD, &cap, in, (uLong)n, Z_BEST_SPEED) != Z_OK ||
	    ZIP_HEAD + (size_t)cap >= n) {
		free(out);
		sqlite3_result_value(c, v[0]);
		return;
	}
	sqlite3_result_blob64(c, out, ZIP_HEAD + (sqlite3_uint64)cap, free);
}

int sync_zip_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "kaigi_sync_zip", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
				       zip_func, NULL, NULL);
}

bool sync_zip_column(sqlite3_stmt *q, int col, void **out, size_t *nout)
{
	const unsigned char *b = sqlite3_column_blob(q, col);
	size_t n = (size_t)sqlite3_column_bytes(q, col);
	*out = NULL;
	*nout = 0;
	if (!is_zipped(b, n)) {
		*out = xmalloc(n ? n : 1);
		if (n)
			memcpy(*out, b, n);
		*nout = n;
		return true;
	}
	uint64_t raw = 0;
	for (int i = 0; i < 8; i++)
		raw |= (uint64_t)b[4 + i] << (8 * i);
	if (raw > (uint64_t)SIZE_MAX / 2 || raw > (uint64_t)(uLong)-1)
		return false;
	unsigned char *buf = malloc(raw ? (size_t)raw : 1);
	if (!buf)
		return false;
	uLongf got = (uLongf)raw;
	if (uncompress(buf, &got, b + ZIP_HEAD, (uLong)(n - ZIP_HEAD)) != Z_OK || got != raw) {
		free(buf);
		return false;
	}
	*out = buf;
	*nout = (size_t)raw;
	return true;
}
