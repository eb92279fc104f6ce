// SPDX-License-Identifier: MIT
/*
 * fuzz_util.h — what the libFuzzer targets share: a broken promise that
 * aborts with the target's name, the shipped forms loaded once, a database
 * file name reserved, and a database file removed with its -wal, -shm and
 * -journal.  Linked into every target, fuzzing build and replay alike.
 */
#ifndef KAIGI_FUZZ_UTIL_H
#define KAIGI_FUZZ_UTIL_H

#include "kaigi/schema.h"

/* Aborts, naming target and what, unless ok. */
void fuzz_check(const char *target, int ok, const char *what);

/* Initialises set with the shipped forms and, where extra_dir is not NULL,
 * the forms in extra_dir (a path under the source tree); aborts if the set
 * cannot be made. */
void fuzz_forms_load(struct schema_set *set, const char *extra_dir);

/* Makes a unique name from tmpl (ending in XXXXXX) for a database the
 * caller creates, leaving no file behind; aborts on failure. */
void fuzz_db_name(char *tmpl);

/* Removes the database at path and its -wal, -shm and -journal. */
void fuzz_db_remove(const char *path);

#endif
