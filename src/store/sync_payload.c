// SPDX-License-Identifier: MIT
/*
 * sync_payload.c — the plain payload inside a bundle, and its strict
 * reader (run before any database is touched; tests/fuzz/fuzz_sync.c).
 *
 *   "KPAY1"
 *   site[36]  u16 n, name[n]
 *   u32 n, n × { origin[36], i64 seq }          what the sender holds
 *   u32 n, n × { origin[36], i64 origin_seq, i64 at,
 *                u32 a, actor[a], u32 d, deps[d], u32 c, changeset[c] }
 *
 * Every change set is walked once with sqlite3changeset_start: a malformed
 * one, or one touching a table that does not travel, refuses the bundle.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_sync.h"

#define PAY_MAGIC     "KPAY1"
#define PAY_MAGIC_LEN 5
#define TEXT_MAX      4096
#define DEPS_MAX      (1u << 20)

const char *const sync_tables[] = {
    "meeting",         "participant",         "person",
    "person_identity", "case_review",         "phase_timing",
    "form_record",     "list_item",           "answer",
    "regional_issue",  "regional_issue_case", "policy_agenda",
    "wording_merge",   "sync_decision",       NULL,
};

bool sync_table_travels(const char *name)
{
	for (size_t i = 0; sync_tables[i]; i++)
		if (strcmp(sync_tables[i], name) == 0)
			return true;
	return false;
}

void sync_payload_free(struct sync_payload *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].actor);
		free(p->v[i].deps);
		free(p->v[i].changeset);
	}
	free(p->v);
	free(p->have);
	memset(p, 0, sizeof *p);
}

static void put(struct strbuf *b, unsigned long long v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--)
		strbuf_appendc(b, (char)(v >> (8 * i)));
}

static void put_blob(struct strbuf *b, const void *p, size_t n)
{
	put(b, n, 4);
	strbuf_appendn(b, p, n);
}

void sync_payload_encode(const struct sync_payload *p, unsigned char **out, size_t *len)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_appendn(&b, PAY_MAGIC, PAY_MAGIC_LEN);
	strbuf_appendn(&b, p->site, 36);
	size_t nl = strlen(p->site_name);
	put(&b, nl, 2);
	strbuf_appendn(&b, p->site_name, nl);
	put(&b, p->nhave, 4);
	for (size_t i = 0; i < p->nhave; i++) {
		strbuf_appendn(&b, p->have[i].origin, 36);
		put(&b, (unsigned long long)p->have[i].seq, 8);
	}
	put(&b, p->n, 4);
	for (size_t i = 0; i < p->n; i++) {
		const struct sync_entry *e = &p->v[i];
		strbuf_appendn(&b, e->origin, 36);
		put(&b, (unsigned long long)e->origin_seq, 8);
		put(&b, (unsigned long long)e->at, 8);
		put_blob(&b, e->actor, strlen(e->actor));
		put_blob(&b, e->deps, strlen(e->deps));
		put_blob(&b, e->changeset, e->nchangeset);
	}
	*len = b.len;
	*out = (unsigned char *)strbuf_take(&b);
}

struct reader {
	const unsigned char *p;
	size_t len, off;
	bool bad;
};

static unsigned long long get(struct reader *r, int bytes)
{
	if (r->bad || r->len - r->off < (size_t)bytes) {
		r->bad = true;
		return 0;
	}
	unsigned long long v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | r->p[r->off++];
	return v;
}

static const unsigned char *take(struct reader *r, size_t n)
{
	if (r->bad || r->len - r->off < n) {
		r->bad = true;
		return NULL;
	}
	const unsigned char *p = r->p + r->off;
	r->off += n;
	return p;
}

static bool get_id(struct reader *r, char out[SYNC_ID_SIZE])
{
	const unsigned char *p = take(r, 36);
	if (!p)
		return false;
	memcpy(out, p, 36);
	out[36] = '\0';
	if (!store_uuid_valid(out)) {
		r->bad = true;
		return false;
	}
	return true;
}

/* Text without NUL bytes, at most max bytes; NULL when bad. */
static char *get_text(struct reader *r, size_t max)
{
	size_t n = (size_t)get(r, 4);
	if (n > max) {
		r->bad = true;
		return NULL;
	}
	const unsigned char *p = take(r, n);
	if (!p || memchr(p, 0, n)) {
		r->bad = true;
		return NULL;
	}
	return xstrndup((const char *)p, n);
}

/* An SQLite varint (1-9 bytes) at *off, within n; false when cut off. */
static bool varint(const unsigned char *p, size_t n, size_t *off, unsigned long long *out)
{
	unsigned long long v = 0;
	for (int i = 0; i < 9; i++) {
		if (*off >= n)
			return false;
		unsigned char c = p[(*off)++];
		if (i == 8) {
			*out = v << 8 | c;
			return true;
		}
		v = v << 7 | (c & 0x7f);
		if (!(c & 0x80)) {
			*out = v;
			return true;
		}
	}
	return false;
}

/* One record of ncol values (sqlite3session.c's format): each a type byte
 * (0 absent, 1 integer, 2 real, 3 text, 4 blob, 5 NULL) and its data. */
static bool record_ok(const unsigned char *p, size_t n, size_t *off, unsigned long long ncol)
{
	for (unsigned long long i = 0; i < ncol; i++) {
		if (*off >= n)
			return false;
		unsigned char t = p[(*off)++];
		unsigned long long len = 0;
		if (t == 1 || t == 2)
			len = 8;
		else if (t == 3 || t == 4) {
			if (!varint(p, n, off, &len))
				return false;
		} else if (t != 0 && t != 5)
			return false;
		if (len > n - *off)
			return false;
		*off += (size_t)len;
	}
	return true;
}

/*
 * The change set's framing, checked before SQLite reads it: table headers
 * ('T', a column count, one primary-key place per column, a travelling
 * table's name) and change records (an operation, an indirect flag, whole
 * records).  SQLite 3.40's reader can spin for minutes on some damaged
 * framing (found by tests/fuzz/fuzz_sync.c), so it only ever sees a
 * well-framed one.  This reads no values' meaning: that is SQLite's.
 */
static bool framing_ok(const unsigned char *p, size_t n, char *why, size_t whylen)
{
	size_t off = 0;
	unsigned long long ncol = 0;
	bool table = false;
	while (off < n) {
		unsigned char op = p[off++];
		if (op == 'T') {
			if (!varint(p, n, &off, &ncol) || ncol == 0 || ncol > 64 || ncol > n - off)
				return false;
			/* 0, or the column's place in a composite key. */
			for (unsigned long long i = 0; i < ncol; i++)
				if (p[off + i] > ncol)
					return false;
			off += (size_t)ncol;
			const unsigned char *name = p + off;
			const unsigned char *nul = memchr(name, 0, n - off);
			if (!nul)
				return false;
			if (!sync_table_travels((const char *)name)) {
				snprintf(
				    why, whylen,
				    "a change set touches table '%.60s', which does not travel",
				    (const char *)name);
				return false;
			}
			off += (size_t)(nul - name) + 1;
			table = true;
			continue;
		}
		if (!table || (op != SQLITE_INSERT && op != SQLITE_DELETE && op != SQLITE_UPDATE) ||
		    off >= n || p[off] > 1)
			return false;
		off++;
		if (!record_ok(p, n, &off, ncol))
			return false;
		if (op == SQLITE_UPDATE && !record_ok(p, n, &off, ncol))
			return false;
	}
	return true;
}

/* Walk a change set: well-formed, and only travelling tables. */
static bool changeset_ok(const unsigned char *cs, size_t n, char *why, size_t whylen)
{
	if (!framing_ok(cs, n, why, whylen)) {
		if (!strstr(why, "does not travel"))
			snprintf(why, whylen, "a change set is damaged");
		return false;
	}
	if (n > INT32_MAX) {
		snprintf(why, whylen, "a change set is too large");
		return false;
	}
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, (int)n, (void *)cs) != SQLITE_OK) {
		snprintf(why, whylen, "a change set is damaged");
		return false;
	}
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *tab = NULL;
		int ncol = 0, op = 0, ind = 0;
		if (sqlite3changeset_op(it, &tab, &ncol, &op, &ind) != SQLITE_OK || !tab) {
			snprintf(why, whylen, "a change set is damaged");
			ok = false;
		} else if (!sync_table_travels(tab)) {
			snprintf(why, whylen,
				 "a change set touches table '%.60s', which does not "
				 "travel",
				 tab);
			ok = false;
		} else {
			/* Read every value once, so a short record fails here. */
			for (int c = 0; c < ncol && ok; c++) {
				sqlite3_value *v = NULL;
				if (op != SQLITE_INSERT &&
				    sqlite3changeset_old(it, c, &v) != SQLITE_OK)
					ok = false;
				if (op != SQLITE_DELETE &&
				    sqlite3changeset_new(it, c, &v) != SQLITE_OK)
					ok = false;
			}
			if (!ok)
				snprintf(why, whylen, "a change set is damaged");
		}
	}
	if (ok && rc != SQLITE_DONE) {
		snprintf(why, whylen, "a change set is damaged");
		ok = false;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && ok) {
		snprintf(why, whylen, "a change set is damaged");
		ok = false;
	}
	return ok;
}

enum kaigi_status sync_payload_parse(const char *file, const unsigned char *buf, size_t len,
				     struct sync_payload *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct reader r = {.p = buf, .len = len};
	const unsigned char *m = take(&r, PAY_MAGIC_LEN);
	if (!m || memcmp(m, PAY_MAGIC, PAY_MAGIC_LEN) != 0)
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0,
				       "the bundle's contents are not a kaigi payload");
	char why[160] = "the bundle's contents are damaged";
	get_id(&r, out->site);
	size_t nl = (size_t)get(&r, 2);
	const unsigned char *name = take(&r, nl);
	if (name && nl < sizeof out->site_name && !memchr(name, 0, nl)) {
		memcpy(out->site_name, name, nl);
		out->site_name[nl] = '\0';
	} else {
		r.bad = true;
	}
	size_t nh = (size_t)get(&r, 4);
	if (!r.bad && nh > (len - r.off) / 44)
		r.bad = true;
	if (!r.bad && nh) {
		out->have = xcalloc(nh, sizeof *out->have);
		for (size_t i = 0; i < nh && !r.bad; i++) {
			get_id(&r, out->have[i].origin);
			out->have[i].seq = (long long)get(&r, 8);
			if (out->have[i].seq < 0)
				r.bad = true;
			out->nhave = i + 1;
		}
	}
	size_t ne = (size_t)get(&r, 4);
	if (!r.bad && ne > (len - r.off) / 64)
		r.bad = true;
	if (!r.bad && ne)
		out->v = xcalloc(ne, sizeof *out->v);
	for (size_t i = 0; i < ne && !r.bad; i++) {
		struct sync_entry *e = &out->v[i];
		out->n = i + 1;
		get_id(&r, e->origin);
		e->origin_seq = (long long)get(&r, 8);
		e->at = (long long)get(&r, 8);
		e->actor = get_text(&r, TEXT_MAX);
		e->deps = get_text(&r, DEPS_MAX);
		size_t cl = (size_t)get(&r, 4);
		const unsigned char *cs = take(&r, cl);
		if (r.bad)
			break;
		if (e->origin_seq < 1 || e->at < 0) {
			r.bad = true;
			break;
		}
		e->changeset = xmalloc(cl ? cl : 1);
		memcpy(e->changeset, cs, cl);
		e->nchangeset = cl;
		if (!changeset_ok(cs, cl, why, sizeof why)) {
			r.bad = true;
			break;
		}
	}
	if (!r.bad && r.off != len) {
		snprintf(why, sizeof why, "the bundle's contents have bytes after their end");
		r.bad = true;
	}
	if (r.bad) {
		sync_payload_free(out);
		return kaigi_error_set(err, KAIGI_EDATA, file, 0, 0, "%s; nothing was changed",
				       why);
	}
	return KAIGI_OK;
}

char *sync_json_array(const char *const *v, size_t n)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_appendc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_appendc(&b, ',');
		strbuf_appendc(&b, '"');
		for (const unsigned char *p = (const unsigned char *)(v[i] ? v[i] : ""); *p; p++) {
			if (*p == '"' || *p == '\\')
				strbuf_appendf(&b, "\\%c", *p);
			else if (*p < 0x20)
				strbuf_appendf(&b, "\\u%04x", *p);
			else
				strbuf_appendc(&b, (char)*p);
		}
		strbuf_appendc(&b, '"');
	}
	strbuf_appendc(&b, ']');
	return strbuf_take(&b);
}

char *sync_json_object_args(struct store *st, const char *t)
{
	struct strbuf cols = STRBUF_INIT;
	sqlite3_stmt *q = NULL;
	char *sql = xasprintf("SELECT name FROM pragma_table_info('%s')", t);
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK)
		while (sqlite3_step(q) == SQLITE_ROW)
			strbuf_appendf(&cols, "%s'%s', \"%s\"", cols.len ? ", " : "",
				       sqlite3_column_text(q, 0), sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	free(sql);
	char *s = strbuf_take(&cols);
	return s ? s : xstrdup("");
}
