// SPDX-License-Identifier: MIT
/*
 * fuzz_dates.c — libFuzzer target for the date and time parsers: the
 * store's (store_date_valid, store_time_valid: record files, report
 * MEETING) and the form's values (schema_value_parse for a date, an
 * integer, a decimal and a yes/no field, which take full-width digits and
 * era-less Japanese input).  The input is one text.
 *
 * A finding: a crash, a sanitizer report, or a date accepted by one parser
 * and refused by the other, or accepted and not of the form YYYY-MM-DD.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema_set set;
static const struct schema_form *form;

static const char form_yaml[] = "form: dates\nversion: 1\ntitle: D\nsections:\n"
				"  - id: s\n    title: S\n    fields:\n"
				"      - {id: d, type: date, label: D}\n"
				"      - {id: i, type: integer, label: I}\n"
				"      - {id: r, type: decimal, label: R}\n"
				"      - {id: b, type: boolean, label: B}\n"
				"      - {id: m, type: date, label: M, min: 2000-01-01, max: "
				"2030-12-31}\n";

#define check(ok, what) fuzz_check("fuzz_dates", (ok), (what))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!form) {
		struct kaigi_error err;
		struct kaigi_diags d = {0};
		if (schema_set_init(&set, &err) != KAIGI_OK ||
		    schema_load_buffer(&set, "dates.yaml", form_yaml, sizeof form_yaml - 1, &d) !=
			KAIGI_OK)
			abort();
		kaigi_diags_free(&d);
		form = schema_form_find(&set, "dates");
	}
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	bool store_ok = store_date_valid(s);
	store_time_valid(s);
	const char *ids[] = {"d", "i", "r", "b", "m"};
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++) {
		const struct schema_field *f = schema_field_find(form, ids[k]);
		struct kaigi_value v = {0};
		struct kaigi_error err;
		enum kaigi_status st = schema_value_parse(f, NULL, s, &v, &err);
		check(st == KAIGI_OK || st == KAIGI_EDATA, "a value parses or is invalid data");
		if (k == 0 && st == KAIGI_OK && v.type == KAIGI_TEXT) {
			check(strlen(v.s) == 10 && v.s[4] == '-' && v.s[7] == '-',
			      "a date is kept as YYYY-MM-DD");
			check(store_date_valid(v.s), "the form's date is a calendar date");
		}
		kaigi_value_clear(&v);
	}
	if (store_ok) {
		struct kaigi_value v = {0};
		struct kaigi_error err;
		check(schema_value_parse(schema_field_find(form, "d"), NULL, s, &v, &err) ==
			  KAIGI_OK,
		      "a calendar date is a valid date answer");
		kaigi_value_clear(&v);
	}
	free(s);
	return 0;
}
