/* SPDX-License-Identifier: MIT */
/*
 * fu_test.h — what the follow-up tests share: a fresh database in a
 * private folder with the shipped forms, a fixture of
 * tests/data/followup imported into it, and a few SQL peeks.
 */
#ifndef KAIGI_FU_TEST_H
#define KAIGI_FU_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"

struct fu {
	char dir[64];
	char db[128];
	struct schema_set forms;
	struct store *st;
};

/* Source tree path of rel (KAIGI_SOURCE_ROOT).  Static buffer. */
const char *fu_source(const char *rel);
/* Folder, forms (forms/), database; then import data/NAME (NULL: none). */
struct fu *fu_open(const char *fixture);
void fu_close(struct fu *f);
/* One integer (the first column of the first row) or text of sql.  The
 * text is a static buffer ("" for NULL). */
long long fu_int(struct fu *f, const char *sql);
const char *fu_text(struct fu *f, const char *sql);
/* Save text at (field, item, col) of a case's record of form. */
void fu_save(struct fu *f, const char *case_id, const char *form, const char *field,
	     const char *item, const char *col, const char *text);

#endif
