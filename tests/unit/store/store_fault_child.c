// SPDX-License-Identifier: MIT
/*
 * store_fault_child.c — the writer that test_store_faults kills.
 *
 * usage: store_fault_child DB FORMS_DIR RECORD_ID FIRST_SEQ
 *
 * Saves the answer `name` = SEQ for SEQ = FIRST_SEQ, FIRST_SEQ+1, … through
 * store_answer_save (every fifth save also adds a list item and fills it),
 * and after each save that returned KAIGI_OK writes "SEQ\n" to stdout with
 * write(2): a line on the pipe is a promise that the save is durable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"

int main(int argc, char **argv)
{
	if (argc != 5)
		return 2;
	struct kaigi_error err;
	struct schema_set forms;
	struct kaigi_diags d = {0};
	if (schema_set_init(&forms, &err) != KAIGI_OK)
		return 3;
	schema_load_dir(&forms, argv[2], &d);
	struct store *st = NULL;
	if (store_open(&st, argv[1], STORE_READ_WRITE, &err) != KAIGI_OK) {
		fprintf(stderr, "open: %s\n", err.msg);
		return 3;
	}
	store_set_forms(st, &forms);
	long long seq = atoll(argv[4]);
	for (;; seq++) {
		char text[32];
		snprintf(text, sizeof text, "%lld", seq);
		struct store_path p = {"name", NULL, NULL};
		if (store_answer_save(st, argv[3], &p, text, &err) != KAIGI_OK) {
			fprintf(stderr, "save: %s\n", err.msg);
			return 1;
		}
		if (seq % 5 == 0) {
			char item[STORE_ID_SIZE];
			if (store_item_add(st, argv[3], "issues", 1000000, item, &err) != KAIGI_OK)
				return 1;
			struct store_path ip = {"issues", item, "demand"};
			if (store_answer_save(st, argv[3], &ip, text, &err) != KAIGI_OK)
				return 1;
		}
		char line[40];
		int n = snprintf(line, sizeof line, "%lld\n", seq);
		if (write(1, line, (size_t)n) != n)
			return 1;
	}
}
