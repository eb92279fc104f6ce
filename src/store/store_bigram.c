// SPDX-License-Identifier: MIT
/*
 * store_bigram.c — the FTS5 tokenizer "kaigi_bigram": every two adjacent
 * characters of a text are one token, so a word of two characters (服薬,
 * 難聴, 転倒 — most Japanese care terms) is one index lookup, and a longer
 * word is a phrase of overlapping bigrams, which FTS5 matches only where
 * they stand side by side: exactly the substring, as typed.
 *
 * Documents also end with the last character alone, so that a prefix query
 * of one character ("薬" *) finds the character anywhere, at the end of a
 * text too.  A query of two or more characters is only its bigrams (no
 * trailing single), a query of one character is that character.  ASCII
 * letters are folded to lower case (as the trigram tokenizer did), nothing
 * else is changed: spaces are characters like any other, so a phrase never
 * matches across a gap that is not in the text.
 *
 * Registered on every connection by store_open (store_bigram_register).
 * Built with -DKAIGI_BIGRAM_EXTENSION it is also a loadable SQLite
 * extension, so the sqlite3 shell can read the index (the benchmarks'
 * reference: tests/bench/followup_bench).
 */
#ifdef KAIGI_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#else
#include <sqlite3.h>
#endif
#include <stdbool.h>
#include <string.h>

#ifndef KAIGI_BIGRAM_EXTENSION
#include "store_internal.h"
#endif

/* Bytes of the UTF-8 character at s (at most left); 1 for a stray byte. */
static int char_len(const unsigned char *s, int left)
{
	int n = 1;
	if (s[0] >= 0xf0)
		n = 4;
	else if (s[0] >= 0xe0)
		n = 3;
	else if (s[0] >= 0xc0)
		n = 2;
	if (n > left)
		n = left;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return i;
	return n;
}

/* Append the character at s (len bytes) to buf, ASCII letters folded. */
static int put_char(char *buf, int at, const unsigned char *s, int len)
{
	for (int i = 0; i < len; i++) {
		unsigned char c = s[i];
		buf[at + i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return at + len;
}

static int bigram_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	static int token; /* the tokenizer has no state: any non-NULL handle */
	*out = (Fts5Tokenizer *)&token;
	return SQLITE_OK;
}

static void bigram_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int bigram_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int ntext,
			   int (*emit)(void *, int, const char *, int, int, int))
{
	(void)t;
	const unsigned char *s = (const unsigned char *)text;
	if (ntext <= 0)
		return SQLITE_OK;
	int a = 0, alen = char_len(s, ntext);
	bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	char buf[8];
	int rc = SQLITE_OK;
	while (rc == SQLITE_OK) {
		int b = a + alen;
		if (b >= ntext) {
			/* The last character alone: always in a document, in a
			 * query only when it is the whole query. */
			if (!query || a == 0)
				rc = emit(ctx, 0, buf, put_char(buf, 0, s + a, alen), a, b);
			break;
		}
		int blen = char_len(s + b, ntext - b);
		int n = put_char(buf, put_char(buf, 0, s + a, alen), s + b, blen);
		rc = emit(ctx, 0, buf, n, a, b + blen);
		a = b;
		alen = blen;
	}
	return rc;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(q, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(q);
	sqlite3_finalize(q);
	return api;
}

static int bigram_register(sqlite3 *db)
{
	static fts5_tokenizer tok = {bigram_create, bigram_delete, bigram_tokenize};
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "kaigi_bigram", NULL, &tok, NULL);
}

#ifdef KAIGI_BIGRAM_EXTENSION
int sqlite3_extension_init(sqlite3 *db, char **msg, const sqlite3_api_routines *api)
{
	(void)msg;
	SQLITE_EXTENSION_INIT2(api);
	return bigram_register(db);
}
#else
int store_bigram_register(sqlite3 *db)
{
	return bigram_register(db);
}
#endif
