// SPDX-License-Identifier: MIT
/* fu_test.c — the follow-up tests' fixture (fu_test.h). */
#include "fu_test.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"

const char *fu_source(const char *rel)
{
	static char buf[4096];
	const char *root = getenv("KAIGI_SOURCE_ROOT");
	snprintf(buf, sizeof buf, "%s/%s", root ? root : ".", rel);
	return buf;
}

struct fu *fu_open(const char *fixture)
{
	struct fu *f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/kaigi-followup-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/kaigi.db", f->dir);
	struct kaigi_error err;
	struct kaigi_diags diags = {0};
	assert_int_equal(schema_set_init(&f->forms, &err), KAIGI_OK);
	schema_load_dir(&f->forms, fu_source("forms"), &diags);
	assert_int_equal(kaigi_diags_status(&diags), KAIGI_OK);
	assert_int_equal(store_open(&f->st, f->db, STORE_READ_WRITE, &err), KAIGI_OK);
	store_set_forms(f->st, &f->forms);
	store_set_actor(f->st, "tester");
	if (fixture) {
		char rel[256];
		snprintf(rel, sizeof rel, "tests/data/followup/%s", fixture);
		const char *paths[] = {fu_source(rel)};
		enum kaigi_status s = store_import_files(f->st, paths, 1, NULL, &diags);
		for (size_t i = 0; i < diags.n; i++)
			fprintf(stderr, "%s:%d:%d: %s\n", diags.v[i].file, diags.v[i].line,
				diags.v[i].col, diags.v[i].msg);
		assert_int_equal(s, KAIGI_OK);
	}
	kaigi_diags_free(&diags);
	return f;
}

void fu_close(struct fu *f)
{
	store_close(f->st);
	schema_set_free(&f->forms);
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f);
}

/* A second, plain connection: the store's own is busy with its cache. */
static sqlite3_stmt *peek(struct fu *f, const char *sql, sqlite3 **db)
{
	assert_int_equal(sqlite3_open_v2(f->db, db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(*db, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(*db));
	return q;
}

long long fu_int(struct fu *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *q = peek(f, sql, &db);
	long long v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

const char *fu_text(struct fu *f, const char *sql)
{
	static char buf[4096];
	sqlite3 *db;
	sqlite3_stmt *q = peek(f, sql, &db);
	buf[0] = '\0';
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(db);
	return buf;
}

void fu_save(struct fu *f, const char *case_id, const char *form, const char *field,
	     const char *item, const char *col, const char *text)
{
	struct store_case c = {0};
	struct kaigi_error err;
	assert_int_equal(store_case_get(f->st, case_id, &c, &err), KAIGI_OK);
	char rec[STORE_ID_SIZE];
	assert_int_equal(store_record_ensure(f->st, c.meeting_id, c.id, form, rec, &err), KAIGI_OK);
	struct store_path p = {field, item, col};
	if (store_answer_save(f->st, rec, &p, text, &err) != KAIGI_OK)
		fail_msg("saving %s/%s: %s", field, col ? col : "", err.msg);
	store_case_clear(&c);
}
