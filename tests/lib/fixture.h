/* SPDX-License-Identifier: MIT */
/*
 * store_test.h — helpers for the store's tests: a private temporary folder,
 * the test forms (tests/data/store/forms), a store opened on a fresh database,
 * and running the kaigi binary with its exit status and stderr.
 */
#ifndef KAIGI_STORE_TEST_H
#define KAIGI_STORE_TEST_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
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
/* Make the folder and load the forms; no database yet. */
void fixture_init(struct fixture *fx);
/* Open fx->db read-write with the forms; asserts success. */
void fixture_open(struct fixture *fx);
/* A meeting, a person, a case and a test_sheet record in it. */
void fixture_case(struct fixture *fx);
/* Close, free, and remove the folder. */
void fixture_done(struct fixture *fx);

/* Read a whole file (caller frees); NULL when absent. */
char *test_read_file(const char *path, size_t *len);
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

/* sha-like fingerprint of a file's bytes (for "unchanged" checks). */
unsigned long long test_file_hash(const char *path);

#endif
