/* SPDX-License-Identifier: MIT */
/*
 * fixture.h — what every C test of the store, the report and the
 * follow-up shares: a private temporary folder, forms (the store's test
 * forms in tests/data/store/forms, or the shipped ones in forms/), a store
 * opened on a fresh database, a meeting with a case, a fixture file
 * imported (and cmocka setups for each); SQL peeks; a database built to an
 * older schema and opened migrated; full-text searches checked from a
 * table; a file's or a text's expected pieces; another process holding
 * the write lock; running the kaigi binary with its exit status and
 * output.
 */
#ifndef KAIGI_TEST_FIXTURE_H
#define KAIGI_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "kaigi/schema.h"
#include "kaigi/search.h"
#include "kaigi/store.h"

struct fixture {
	char dir[256]; /* a fresh folder, removed afterwards */
	char db[300];  /* dir/kaigi.db */
	struct schema_set forms;
	struct store *st;
	char meeting[STORE_ID_SIZE];
	char person[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];
	char record[STORE_ID_SIZE];
};

/* Source tree path of rel (uses KAIGI_SOURCE_ROOT).  Static buffer. */
const char *test_source(const char *rel);

/* Make the folder and load the store's test forms (tests/data/store/forms,
 * asserted free of diagnostics); no database yet. */
void fixture_init(struct fixture *fx);
/* Open fx->db read-write with the forms, actor "tester"; asserts success. */
void fixture_open(struct fixture *fx);
/* A meeting, a person, a case and a test_sheet record in it. */
void fixture_case(struct fixture *fx);
/* Close, free, and remove the folder. */
void fixture_done(struct fixture *fx);

/* cmocka setup and teardown: a struct fixture in *state with the test
 * forms loaded (fixture_setup), its store open too (fixture_setup_open),
 * and a case in it (fixture_setup_case); fixture_teardown undoes any. */
int fixture_setup(void **state);
int fixture_setup_open(void **state);
int fixture_setup_case(void **state);
int fixture_teardown(void **state);
/* The same on the shipped forms (fixture_new): nothing imported
 * (fixture_setup_shipped), or tests/data/followup/three_reviews.yaml
 * (fixture_setup_reviews). */
int fixture_setup_shipped(void **state);
int fixture_setup_reviews(void **state);

/* A fixture on the shipped forms (forms/, asserted free of errors), its
 * store open, and data imported when not NULL (a source-tree path, e.g.
 * "tests/data/followup/regional.yaml").  fixture_free closes and frees. */
struct fixture *fixture_new(const char *data);
void fixture_free(struct fixture *fx);
/* A new fixture (as fixture_new(NULL)) holding what `kaigi export` of fx
 * gives, through the file fx->dir/export.yaml; the YAML goes to *yaml when
 * not NULL (caller frees). */
struct fixture *fixture_new_from_export(struct fixture *fx, char **yaml);
/* Import the file at path (as given); prints any diagnostics as
 * FILE:LINE:COL: MSG and asserts success. */
void fixture_import(struct fixture *fx, const char *path);
/* Another store, on a new database fx->dir/name with fx's forms; asserts
 * it opens.  The caller closes it. */
struct store *fixture_store_other(struct fixture *fx, const char *name);
/* Close the store and remove its database files, so that a test can build
 * an older database in their place. */
void fixture_db_remove(struct fixture *fx);
/* Save text at (field, item, col) of case_id's record of form (made when
 * missing); fails the test with the store's message when refused. */
void fixture_save(struct fixture *fx, const char *case_id, const char *form, const char *field,
		  const char *item, const char *col, const char *text);

/* Open fx->st on the database a test built at fx->db (no actor set), with
 * fx's forms, and assert the open migrated it to the newest schema. */
void fixture_open_migrated(struct fixture *fx);

/* A full-text search and what it must give: hits hits (in the index's
 * mode when index), the first in field and of a meeting on date where
 * those are not NULL. */
struct fixture_search {
	const char *query;
	size_t limit;
	size_t hits;
	bool index;
	const char *field;
	const char *date;
};
/* Run s on fx->st and assert what it names (a failure names the query);
 * the hits stay in *h when h is not NULL (caller frees), else are freed. */
void fixture_search(struct fixture *fx, const struct fixture_search *s,
		    struct store_text_hit_list *h);
/* fixture_search of each of the n searches in turn, their hits freed. */
void fixture_searches(struct fixture *fx, const struct fixture_search *s, size_t n);

/* Move the person with code to area (the person read, changed and saved
 * as the UI does); asserts both steps work. */
void fixture_person_area(struct fixture *fx, const char *code, const char *area);

/* The first column of the first row of sql, read on a second, read-only
 * connection to fx->db (the store's own is busy with its cache): an
 * integer (-1 for no row), or text in a static buffer ("" for none). */
long long fixture_int(struct fixture *fx, const char *sql);
const char *fixture_text(struct fixture *fx, const char *sql);

/* SQL on a connection; each fails the test with SQLite's message when the
 * statement does not compile or run.  test_sql_int gives -1 for no row;
 * test_sql_text "" for none (caller frees); test_db_text opens path
 * read-only for the one query. */
void test_sql_exec(sqlite3 *db, const char *sql);
long long test_sql_int(sqlite3 *db, const char *sql);
char *test_sql_text(sqlite3 *db, const char *sql);
char *test_db_text(const char *path, const char *sql);

/* The index of the first migration whose name holds part; fails the test
 * when none does. */
size_t test_migration_find(const char *part);
/* A plain connection to a new database at path built by the migrations
 * before upto (user_version upto, kaigi's application id), with the
 * bigram tokenizer and kaigi_actor() giving actor.  Caller closes. */
sqlite3 *test_db_before(const char *path, size_t upto, const char *actor);

/* The rows the migration tests start an old database from: the meeting
 * 11111111-…-000000000001 (旧会議, 2024-05-14), the people OLD-1 and OLD-2
 * (22222222-…-000000000001/2) and their cases 33333333-…-00000000000a/b. */
#define FIXTURE_OLD_CASES_SQL                                                                      \
	"INSERT INTO meeting (id, template, title, date, created, updated) VALUES "                \
	"('11111111-1111-4111-8111-000000000001', 'independence_support', '旧会議', "           \
	"'2024-05-14', 0, 0);"                                                                     \
	"INSERT INTO person (id, code, created, updated) VALUES "                                  \
	"('22222222-2222-4222-8222-000000000001', 'OLD-1', 0, 0),"                                 \
	"('22222222-2222-4222-8222-000000000002', 'OLD-2', 0, 0);"                                 \
	"INSERT INTO case_review (id, meeting_id, person_id, ord, created, updated) VALUES "       \
	"('33333333-3333-4333-8333-00000000000a', '11111111-1111-4111-8111-000000000001', "        \
	"'22222222-2222-4222-8222-000000000001', 0, 0, 0),"                                        \
	"('33333333-3333-4333-8333-00000000000b', '11111111-1111-4111-8111-000000000001', "        \
	"'22222222-2222-4222-8222-000000000002', 1, 0, 0);"

/* A store_export_yaml writer appending to a struct strbuf (ctx). */
int test_strbuf_write(void *ctx, const char *buf, size_t len);
/* Everything in st as the YAML of `kaigi export`; the warnings go to
 * *warnings when not NULL (caller frees), else are dropped. */
char *test_export_yaml(struct store *st, struct kaigi_diags *warnings);

/* Each diagnostic on stderr as FILE:LINE:COL: MSG. */
void test_print_diags(const struct kaigi_diags *d);

/* Read a whole file (caller frees); NULL when absent. */
char *test_read_file(const char *path, size_t *len);
/* Assert that text holds needle; a failure names what the text is (a
 * file, a report) and the needle, and shows the text. */
void test_text_has(const char *what, const char *text, const char *needle);
/* Assert that the file dir/name exists and holds needle. */
void test_file_has(const char *dir, const char *name, const char *needle);
/* Write text to path; asserts it was written. */
void test_write_file(const char *path, const char *text);

/*
 * Run $KAIGI_BIN with argv (NULL-terminated, without the program name),
 * stdin from /dev/null; stdout and stderr are captured into *out / *err
 * when not NULL (caller frees).  uid >= 0 runs it as that user,
 * TEST_ROOT_WITHOUT_DAC as root that cannot override file modes, fsize > 0
 * under that file-size limit (RLIMIT_FSIZE).  Returns the exit status, or
 * 128+signal.
 */
#define TEST_ROOT_WITHOUT_DAC (-2)

int test_run_kaigi(const char *const *argv, char **out, char **err, int uid, long fsize);

/* A child process that holds a write transaction (BEGIN IMMEDIATE) on the
 * database at path for seconds, then rolls it back and ends; returns its
 * pid once the lock is held.  The caller reaps it (waitpid). */
pid_t test_db_lock(const char *path, unsigned seconds);

/* sha-like fingerprint of a file's bytes (for "unchanged" checks). */
unsigned long long test_file_hash(const char *path);

#endif
