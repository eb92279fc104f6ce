// SPDX-License-Identifier: MIT
/*
 * bench_sync.c — the figures of tests/bench/sync_bench that need
 * C: the Argon2id cost on this machine, and kaigi's apply of a bundle
 * against a bare sqlite3changeset_apply of the same change sets (no
 * conflict handling: every conflict omitted) on two copies of one hub.
 *
 *   bench_sync kdf
 *   bench_sync apply BUNDLE PASSFILE HUB_COPY_KAIGI HUB_COPY_BARE
 */
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kaigi/file.h"
#include "kaigi/store.h"
#include "kaigi/sync.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int kdf(void)
{
	if (sodium_init() < 0)
		return 1;
	static const struct {
		const char *name;
		unsigned long long ops;
		size_t mem;
	} l[] = {
	    {"interactive", crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE},
	    {"moderate (default)", crypto_pwhash_OPSLIMIT_MODERATE,
	     crypto_pwhash_MEMLIMIT_MODERATE},
	    {"sensitive", crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE},
	};
	unsigned char key[32], salt[crypto_pwhash_SALTBYTES] = {0};
	for (size_t i = 0; i < sizeof l / sizeof l[0]; i++) {
		double t = now();
		if (crypto_pwhash(key, sizeof key, "a passphrase of the town", 24, salt, l[i].ops,
				  l[i].mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
			return 1;
		printf("argon2id %-19s ops %llu, %4zu MiB: %.3f s per key\n", l[i].name, l[i].ops,
		       l[i].mem >> 20, now() - t);
	}
	return 0;
}

static void actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "bench", -1, SQLITE_STATIC);
}

/* The store registers its tokenizer on its own connections; the bare
 * connection does the same (src/store/store_bigram.c). */
int store_bigram_register(sqlite3 *db);

static int omit(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	(void)ctx;
	(void)kind;
	(void)it;
	return SQLITE_CHANGESET_OMIT;
}

static int apply(int argc, char **argv)
{
	if (argc != 6)
		return 2;
	char *buf = NULL, *pass = NULL;
	size_t len = 0, plen = 0;
	struct kaigi_error err;
	if (kaigi_file_read(argv[2], SYNC_BUNDLE_MAX, "a bundle", &buf, &len, &err) ||
	    kaigi_file_read(argv[3], 1024, "a passphrase", &pass, &plen, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	char *nl = strchr(pass, '\n');
	if (nl)
		*nl = '\0';
	plen = strlen(pass);
	unsigned char *pl = NULL;
	size_t n = 0;
	double t = now();
	if (sync_bundle_open(argv[2], (unsigned char *)buf, len, pass, plen, &pl, &n, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	double t_open = now() - t;
	struct sync_payload p;
	if (sync_payload_parse(argv[2], pl, n, &p, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	/* kaigi: conflict handler, log, audit, full-text index, checks. */
	struct store *st = NULL;
	if (store_open(&st, argv[4], STORE_READ_WRITE, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	struct sync_payload *pv[] = {&p};
	struct sync_import_result res;
	t = now();
	if (store_sync_import(st, pv, 1, NULL, &res, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	double t_kaigi = now() - t;
	store_close(st);
	/* bare: the same change sets, sqlite3changeset_apply, one transaction,
	 * the same triggers (audit, full-text index) firing. */
	sqlite3 *db = NULL;
	if (sqlite3_open(argv[5], &db) != SQLITE_OK)
		return 1;
	sqlite3_create_function(db, "kaigi_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, actor,
				NULL, NULL);
	/* the search index's tokenizer, which its triggers need (store_bigram.c) */
	store_bigram_register(db);
	sqlite3_exec(db,
		     "PRAGMA synchronous=FULL; PRAGMA trusted_schema=ON; PRAGMA cache_size=-65536",
		     NULL, NULL, NULL);
	t = now();
	sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (size_t i = 0; i < p.n; i++)
		if (sqlite3changeset_apply(db, (int)p.v[i].nchangeset, p.v[i].changeset, NULL, omit,
					   NULL) != SQLITE_OK) {
			fprintf(stderr, "bare apply: %s\n", sqlite3_errmsg(db));
			return 1;
		}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return 1;
	double t_bare = now() - t;
	sqlite3_close(db);
	printf("decrypt+verify (Argon2id included) %.3f s; apply: kaigi %.3f s, bare "
	       "sqlite3changeset_apply %.3f s, ratio %.2f (%zu change sets, %zu conflicts)\n",
	       t_open, t_kaigi, t_bare, t_bare > 0 ? t_kaigi / t_bare : 0.0, p.n, res.conflicts);
	sync_payload_free(&p);
	free(pl);
	free(buf);
	free(pass);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "kdf") == 0)
		return kdf();
	if (argc >= 2 && strcmp(argv[1], "apply") == 0)
		return apply(argc, argv);
	fprintf(stderr, "usage: bench_sync kdf | apply BUNDLE PASSFILE HUB_KAIGI HUB_BARE\n");
	return 2;
}
