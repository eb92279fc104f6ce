// SPDX-License-Identifier: MIT
/*
 * test_util_strmap.c — entries found by a string key: found after growing
 * many times, keys owned by the table, an entry put twice is the same
 * entry, absent keys (also in an empty table), and clear called once per
 * entry when the table is freed; and the hash under it (kaigi/hash.h):
 * FNV-1a's published values, and the start the tally's kept rows use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kaigi/hash.h"
#include "kaigi/strmap.h"

struct entry {
	char *key;
	int n;
	char *owned;
};

static int cleared;

static void entry_clear(void *e)
{
	free(((struct entry *)e)->owned);
	cleared++;
}

static void test_many_keys_found_after_growing(void **state)
{
	(void)state;
	struct strmap m = {.size = sizeof(struct entry)};
	assert_null(strmap_find(&m, "nothing yet"));
	char key[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "鍵%d", i);
		bool added = false;
		struct entry *e = strmap_put(&m, key, &added);
		assert_true(added);
		assert_ptr_not_equal(e->key, key); /* a copy */
		assert_string_equal(e->key, key);
		e->n = i;
		e->owned = malloc(8);
	}
	assert_int_equal(m.n, 5000);
	assert_true(m.cap >= 2 * m.n);
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "鍵%d", i);
		struct entry *e = strmap_find(&m, key);
		assert_non_null(e);
		assert_int_equal(e->n, i);
	}
	assert_null(strmap_find(&m, "鍵5000"));
	assert_null(strmap_find(&m, ""));
	cleared = 0;
	strmap_free(&m, entry_clear);
	assert_int_equal(cleared, 5000);
	assert_null(m.v);
	assert_int_equal(m.n, 0);
	assert_null(strmap_find(&m, "鍵1"));
}

static void test_a_key_put_twice_is_one_entry(void **state)
{
	(void)state;
	struct strmap m = {.size = sizeof(struct entry)};
	bool added;
	struct entry *e = strmap_put(&m,
				     "a\x1f"
				     "b",
				     &added);
	assert_true(added);
	e->n = 7;
	e = strmap_put(&m,
		       "a\x1f"
		       "b",
		       &added);
	assert_false(added);
	assert_int_equal(e->n, 7);
	e = strmap_put(&m, "a", &added);
	assert_true(added);
	assert_int_equal(e->n, 0); /* a new entry starts zeroed */
	assert_int_equal(m.n, 2);
	strmap_free(&m, NULL);
}

static void test_fnv1a_gives_the_published_values(void **state)
{
	(void)state;
	assert_true(kaigi_fnv1a(KAIGI_FNV_OFFSET, "") == KAIGI_FNV_OFFSET);
	assert_true(kaigi_fnv1a(KAIGI_FNV_OFFSET, NULL) == KAIGI_FNV_OFFSET);
	assert_true(kaigi_fnv1a(KAIGI_FNV_OFFSET, "a") == 0xaf63dc4c8601ec8cULL);
	assert_true(kaigi_fnv1a(KAIGI_FNV_OFFSET, "foobar") == 0x85944171f73967e8ULL);
	/* Folding goes on: "foo" then "bar" is "foobar". */
	assert_true(kaigi_fnv1a(kaigi_fnv1a(KAIGI_FNV_OFFSET, "foo"), "bar") ==
		    0x85944171f73967e8ULL);
	/* The start store_spec.c keeps, so that hashes in towns' tally rows
	 * still match (the value its own loop gave before). */
	assert_true(kaigi_fnv1a(1469598103934665603ULL, "[\"case_plan\"]") >> 1 ==
		    0x4821788556789b00ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_many_keys_found_after_growing),
	    cmocka_unit_test(test_a_key_put_twice_is_one_entry),
	    cmocka_unit_test(test_fnv1a_gives_the_published_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
