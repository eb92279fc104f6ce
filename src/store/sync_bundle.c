// SPDX-License-Identifier: MIT
/*
 * sync_bundle.c — the bundle file: a clear header, then the payload sealed
 * with a key stretched from the town's passphrase (libsodium: Argon2id
 * crypto_pwhash, crypto_secretstream_xchacha20poly1305).
 *
 *   "KGSYNC1\n"                         magic
 *   u32 n, n bytes "key=value\n"…       the clear header (sync_header)
 *   salt[crypto_pwhash_SALTBYTES]
 *   secretstream header
 *   { u32 c, c bytes } …                chunks of ≤ 64 KiB plain text, the
 *                                       last one tagged FINAL
 *
 * Everything before the secretstream header is the associated data of
 * every chunk, so a changed header byte fails like a changed payload byte.
 * Integers are big-endian.  Nothing here touches a database.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/file_write.h"
#include "kaigi/strbuf.h"
#include "kaigi/sync.h"
#include "kaigi/xalloc.h"

#define MAGIC      "KGSYNC1\n"
#define MAGIC_LEN  8
#define HEADER_MAX 4096
#define CHUNK      65536

static void put32(struct strbuf *b, unsigned long v)
{
	char c[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
	strbuf_appendn(b, c, 4);
}

static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

void sync_kdf_limits(unsigned long long *opslimit, unsigned long long *memlimit)
{
	const char *e = getenv("KAIGI_SYNC_ARGON2");
	if (e && strcmp(e, "interactive") == 0) {
		*opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		*memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	} else if (e && strcmp(e, "sensitive") == 0) {
		*opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
		*memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
	} else {
		*opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
		*memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
	}
}

static enum kaigi_status need_sodium(struct kaigi_error *err)
{
	if (sodium_init() < 0)
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				       "libsodium could not start (no random source?)");
	return KAIGI_OK;
}

static enum kaigi_status derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
				const unsigned char *salt, const struct sync_header *h,
				const char *pass, size_t passlen, struct kaigi_error *err)
{
	if (crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, pass, passlen, salt,
			  h->opslimit, (size_t)h->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				       "not enough memory to derive the key from the passphrase "
				       "(Argon2id, %llu MiB)",
				       h->memlimit >> 20);
	return KAIGI_OK;
}

static void header_text(struct strbuf *b, const struct sync_header *h)
{
	strbuf_appendf(b,
		       "format=%d\nschema=%d\nsite=%s\nsite_name=%s\ntown=%s\ncreated=%lld\n"
		       "kdf=argon2id13\nopslimit=%llu\nmemlimit=%llu\n",
		       h->format, h->schema, h->site, h->site_name, h->town, h->created,
		       h->opslimit, h->memlimit);
}

static enum kaigi_status seal(struct strbuf *out, const struct sync_header *h,
			      const unsigned char *payload, size_t len, const char *pass,
			      size_t passlen, struct kaigi_error *err)
{
	struct strbuf ht = STRBUF_INIT;
	header_text(&ht, h);
	strbuf_appendn(out, MAGIC, MAGIC_LEN);
	put32(out, ht.len);
	strbuf_appendn(out, ht.s, ht.len);
	strbuf_free(&ht);
	unsigned char salt[crypto_pwhash_SALTBYTES];
	randombytes_buf(salt, sizeof salt);
	strbuf_appendn(out, (const char *)salt, sizeof salt);
	size_t adlen = out->len;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	enum kaigi_status s = derive(key, salt, h, pass, passlen, err);
	if (s != KAIGI_OK)
		return s;
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char sh[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	crypto_secretstream_xchacha20poly1305_init_push(&state, sh, key);
	sodium_memzero(key, sizeof key);
	unsigned char *ad = xmalloc(adlen);
	memcpy(ad, out->s, adlen);
	strbuf_appendn(out, (const char *)sh, sizeof sh);
	unsigned char *c = xmalloc(CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
	size_t off = 0;
	do {
		size_t n = len - off > CHUNK ? CHUNK : len - off;
		unsigned char tag =
		    off + n == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
		unsigned long long clen = 0;
		crypto_secretstream_xchacha20poly1305_push(&state, c, &clen, payload + off, n, ad,
							   adlen, tag);
		put32(out, (unsigned long)clen);
		strbuf_appendn(out, (const char *)c, (size_t)clen);
		off += n;
	} while (off < len);
	free(c);
	free(ad);
	sodium_memzero(&state, sizeof state);
	return KAIGI_OK;
}

enum kaigi_status sync_bundle_write(const char *path, const struct sync_header *h,
				    const unsigned char *payload, size_t len, const char *pass,
				    size_t passlen, struct kaigi_error *err)
{
	enum kaigi_status s = need_sodium(err);
	if (s != KAIGI_OK)
		return s;
	struct strbuf out = STRBUF_INIT;
	s = seal(&out, h, payload, len, pass, passlen, err);
	if (s != KAIGI_OK) {
		strbuf_free(&out);
		return s;
	}
	/* Written whole or not at all, as every file kaigi writes. */
	s = kaigi_file_write(path, out.s, out.len, "the bundle", err);
	sodium_memzero(out.s, out.len);
	strbuf_free(&out);
	return s;
}

static bool parse_ull(const char *v, unsigned long long *out)
{
	if (!*v || strlen(v) > 19)
		return false;
	unsigned long long x = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		x = x * 10 + (unsigned long long)(*p - '0');
	}
	*out = x;
	return true;
}

static bool uuid_ok(const char *s)
{
	return store_uuid_valid(s);
}

enum kaigi_status sync_bundle_header(const char *file, const unsigned char *buf, size_t len,
				     struct sync_header *h, size_t *body, struct kaigi_error *err)
{
	memset(h, 0, sizeof *h);
	if (len < MAGIC_LEN || memcmp(buf, MAGIC, MAGIC_LEN) != 0)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "not a kaigi sync bundle (no KGSYNC1 header)");
	if (len < MAGIC_LEN + 4)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle is truncated (its header is cut off)");
	unsigned long hl = get32(buf + MAGIC_LEN);
	size_t off = MAGIC_LEN + 4;
	if (hl > HEADER_MAX)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle's header is damaged (%lu bytes)", hl);
	if (len - off <
	    hl + crypto_pwhash_SALTBYTES + crypto_secretstream_xchacha20poly1305_HEADERBYTES)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle is truncated (its header is cut off)");
	char *text = xstrndup((const char *)buf + off, hl);
	if (strlen(text) != hl) {
		free(text);
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle's header is damaged (a NUL byte)");
	}
	enum kaigi_status s = KAIGI_OK;
	unsigned seen = 0;
	char *save = NULL;
	int line = 0;
	for (char *l = strtok_r(text, "\n", &save); l && s == KAIGI_OK;
	     l = strtok_r(NULL, "\n", &save)) {
		line++;
		char *eq = strchr(l, '=');
		if (!eq) {
			s = kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
					    "the bundle's header is damaged (line %d)", line);
			break;
		}
		*eq = '\0';
		const char *k = l, *v = eq + 1;
		unsigned long long n = 0;
		bool ok = true;
		unsigned bit = 0;
		if (strcmp(k, "format") == 0) {
			ok = parse_ull(v, &n) && n < 1000;
			h->format = (int)n;
			bit = 1;
		} else if (strcmp(k, "schema") == 0) {
			ok = parse_ull(v, &n) && n < 100000;
			h->schema = (int)n;
			bit = 2;
		} else if (strcmp(k, "site") == 0) {
			ok = uuid_ok(v);
			snprintf(h->site, sizeof h->site, "%s", v);
			bit = 4;
		} else if (strcmp(k, "site_name") == 0) {
			ok = strlen(v) < sizeof h->site_name;
			snprintf(h->site_name, sizeof h->site_name, "%s", v);
		} else if (strcmp(k, "town") == 0) {
			ok = strlen(v) < sizeof h->town;
			snprintf(h->town, sizeof h->town, "%s", v);
			bit = 8;
		} else if (strcmp(k, "created") == 0) {
			ok = parse_ull(v, &n);
			h->created = (long long)n;
		} else if (strcmp(k, "kdf") == 0) {
			ok = strcmp(v, "argon2id13") == 0;
		} else if (strcmp(k, "opslimit") == 0) {
			ok = parse_ull(v, &h->opslimit);
			bit = 16;
		} else if (strcmp(k, "memlimit") == 0) {
			ok = parse_ull(v, &h->memlimit);
			bit = 32;
		}
		seen |= bit;
		/* Unknown keys are ignored: a later format may add some. */
		if (!ok)
			s = kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
					    "the bundle's header is damaged (%s)", k);
	}
	free(text);
	if (s != KAIGI_OK)
		return s;
	if (seen != 63)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle's header is incomplete");
	if (h->format != SYNC_FORMAT_VERSION)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle has format %d; this kaigi reads format %d "
				       "(upgrade kaigi)",
				       h->format, SYNC_FORMAT_VERSION);
	/* Bounds, so that a forged header cannot make us spend minutes or
	 * gigabytes before the passphrase is even checked. */
	if (h->opslimit < crypto_pwhash_OPSLIMIT_MIN || h->opslimit > 16 || h->memlimit < 8192 ||
	    h->memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle's key cost is out of bounds (opslimit %llu, "
				       "memlimit %llu)",
				       h->opslimit, h->memlimit);
	*body = off + hl;
	return KAIGI_OK;
}

enum kaigi_status sync_bundle_open(const char *file, const unsigned char *buf, size_t len,
				   const char *pass, size_t passlen, unsigned char **payload,
				   size_t *plen, struct kaigi_error *err)
{
	*payload = NULL;
	*plen = 0;
	struct sync_header h;
	size_t off;
	enum kaigi_status s = sync_bundle_header(file, buf, len, &h, &off, err);
	if (s == KAIGI_OK)
		s = need_sodium(err);
	if (s != KAIGI_OK)
		return s;
	const unsigned char *salt = buf + off;
	off += crypto_pwhash_SALTBYTES;
	size_t adlen = off;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	s = derive(key, salt, &h, pass, passlen, err);
	if (s != KAIGI_OK)
		return s;
	crypto_secretstream_xchacha20poly1305_state state;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&state, buf + off, key) != 0) {
		sodium_memzero(key, sizeof key);
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0, "the bundle is damaged");
	}
	sodium_memzero(key, sizeof key);
	off += crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	struct strbuf out = STRBUF_INIT;
	unsigned char *m = xmalloc(CHUNK);
	bool final = false, first = true;
	while (s == KAIGI_OK && !final) {
		if (len - off < 4) {
			s = kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
					    "the bundle is truncated (it ends before its last "
					    "part); nothing was changed");
			break;
		}
		unsigned long clen = get32(buf + off);
		off += 4;
		if (clen < crypto_secretstream_xchacha20poly1305_ABYTES ||
		    clen > CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES ||
		    clen > len - off) {
			s = kaigi_error_set(
			    err, KAIGI_EDATA, file, 0, 0,
			    clen > len - off ? "the bundle is truncated (it ends before its last "
					       "part); nothing was changed"
					     : "the bundle is damaged");
			break;
		}
		unsigned long long mlen = 0;
		unsigned char tag = 0;
		if (crypto_secretstream_xchacha20poly1305_pull(&state, m, &mlen, &tag, buf + off,
							       clen, buf, adlen) != 0) {
			s = kaigi_error_set(
			    err, KAIGI_EDATA, file, 0, 0,
			    first ? "cannot open the bundle: wrong passphrase, or the file was "
				    "changed (nothing was changed)"
				  : "the bundle was changed after it was written (it does not "
				    "verify); nothing was changed");
			break;
		}
		first = false;
		off += clen;
		strbuf_appendn(&out, (const char *)m, (size_t)mlen);
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
			final = true;
		else if (tag != 0)
			s = kaigi_error_set(err, KAIGI_EDATA, file, 0, 0, "the bundle is damaged");
	}
	if (s == KAIGI_OK && off != len)
		s = kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				    "the bundle has bytes after its end; nothing was changed");
	sodium_memzero(m, CHUNK);
	free(m);
	sodium_memzero(&state, sizeof state);
	if (s != KAIGI_OK) {
		if (out.s)
			sodium_memzero(out.s, out.len);
		strbuf_free(&out);
		return s;
	}
	*plen = out.len;
	*payload = (unsigned char *)strbuf_take(&out);
	if (!*payload)
		*payload = (unsigned char *)xstrdup("");
	return KAIGI_OK;
}
