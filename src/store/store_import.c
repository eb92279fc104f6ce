// SPDX-License-Identifier: MIT
/*
 * store_import.c — `kaigi import`: YAML record files into the store.
 *
 * The format is doc/records.md.  Everything happens in one transaction:
 * each entity is checked and written as it is read, later entities are
 * checked against what earlier ones wrote (a case against its meeting, a
 * constraint against the rest of its record), and at the end the whole is
 * committed only if no problem was found in any file.  So "check
 * everything first, then write" holds without keeping a second copy of the
 * data in memory, and files far larger than memory-friendly trees import
 * one at a time.  After a problem the walk goes on to find the others;
 * what it writes from then on is rolled back anyway, which lets it write
 * placeholders where a value was refused and keep checking the children.
 *
 * Rows are matched by id, else by a natural key (doc/records.md), and
 * written with upserts that change nothing when nothing differs: the same
 * file imported twice leaves no trace the second time, audit included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/file.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_import.h"

/* Record files larger than this are refused (split them by year). */
#define IMP_MAX_FILE ((size_t)512 * 1024 * 1024)
/*
 * Importing holds the file's YAML tree while it checks it: measured peak
 * RSS is about 17 bytes per byte of file for the tree plus SQLite's 64 MB
 * import cache (tests/cli/hostile_gen.py bulk; doc/records.md).  A file
 * that would need more than the memory available now is refused before
 * it is read, instead of pushing the laptop into swap.
 */
#define IMP_BYTES_PER_BYTE 20
#define IMP_FIXED_BYTES    ((unsigned long long)96 * 1024 * 1024)

/* False (reported) when importing path would need more memory than is
 * available. */
static bool memory_suffices(const char *path, struct kaigi_diags *diags)
{
	struct stat sb;
	unsigned long long avail = kaigi_mem_available();
	if (avail == 0 || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return true;
	unsigned long long need =
	    (unsigned long long)sb.st_size * IMP_BYTES_PER_BYTE + IMP_FIXED_BYTES;
	if (need <= avail)
		return true;
	kaigi_diags_add(diags, KAIGI_EENV, path, 0, 0,
			"importing this file (%llu MB) needs about %llu MB of memory and %llu MB "
			"are available; split it (by year, say) or close other programs",
			(unsigned long long)sb.st_size >> 20, need >> 20, avail >> 20);
	return false;
}

static void import_one(struct imp *im, const char *name, const char *buf, size_t len,
		       struct kaigi_diags *diags)
{
	static const struct ydoc_limits records = {
	    .holds = "set of records (remove the '---')",
	    .max_bytes = IMP_MAX_FILE,
	    .name = "a record file",
	    .too_far = "the file expands too far through aliases (*name); write the records out "
		       "in full",
	    .max_errors = 500,
	    .too_many = "too many errors; stopped checking this file",
	};
	if (ydoc_open(&im->w, name, buf, len, &records, diags) == KAIGI_OK)
		imp_document(im, &im->w.doc);
	ydoc_free(&im->w);
}

static enum kaigi_status import_run(struct store *st, const char *const *names,
				    const char *const *bufs, const size_t *lens, size_t n,
				    const char *const *paths, struct store_import_stats *stats,
				    struct kaigi_diags *diags)
{
	struct imp im = {.st = st, .stats = stats, .now = store_now_ms()};
	if (stats)
		memset(stats, 0, sizeof *stats);
	struct kaigi_error err;
	if (!st->forms) {
		kaigi_diags_add(diags, KAIGI_EENV, NULL, 0, 0, "no forms loaded");
		return KAIGI_EENV;
	}
	if (store_begin(st, &err) != KAIGI_OK) {
		kaigi_diags_add_error(diags, &err);
		return err.status;
	}
	/* A large import touches many pages: a bigger cache saves rewrites. */
	sqlite3_exec(st->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
	size_t before = diags->n;
	for (size_t i = 0; i < n; i++) {
		if (paths) {
			char *buf;
			size_t len;
			if (!memory_suffices(paths[i], diags))
				break;
			if (kaigi_file_read(paths[i], IMP_MAX_FILE, "a record file", &buf, &len,
					    &err) != KAIGI_OK) {
				kaigi_diags_add_error(diags, &err);
				continue;
			}
			import_one(&im, paths[i], buf, len, diags);
			free(buf);
		} else {
			import_one(&im, names[i], bufs[i], lens[i], diags);
		}
		if (im.w.stop && kaigi_diags_status(diags) == KAIGI_EENV)
			break;
	}
	imp_resolve_follows(&im, diags);
	free(im.follows);
	imp_seen_free(&im);
	sqlite3_exec(st->db, "PRAGMA cache_size=-2000", NULL, NULL, NULL);
	enum kaigi_status s = diags->n > before ? kaigi_diags_status(diags) : KAIGI_OK;
	if (s == KAIGI_OK && diags->n > before)
		s = KAIGI_EDATA;
	s = store_end(st, s, &err);
	if (s != KAIGI_OK && diags->n == before)
		kaigi_diags_add_error(diags, &err);
	if (s != KAIGI_OK && stats)
		stats->changes = 0;
	return s;
}

enum kaigi_status store_import_files(struct store *st, const char *const *paths, size_t npaths,
				     struct store_import_stats *stats, struct kaigi_diags *diags)
{
	return import_run(st, NULL, NULL, NULL, npaths, paths, stats, diags);
}

enum kaigi_status store_import_buffer(struct store *st, const char *name, const char *buf,
				      size_t len, struct store_import_stats *stats,
				      struct kaigi_diags *diags)
{
	const char *names[1] = {name};
	const char *bufs[1] = {buf};
	size_t lens[1] = {len};
	return import_run(st, names, bufs, lens, 1, NULL, stats, diags);
}
