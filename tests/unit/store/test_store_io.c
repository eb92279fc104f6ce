// SPDX-License-Identifier: MIT
/*
 * test_store_io.c — import and export: the hand-written example imports,
 * a second import changes nothing, export → import → export is the same
 * file, every problem of a bad file is reported with its position and
 * nothing is written, CSV has a BOM, CRLF and RFC 4180 quoting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../../src/store/store_internal.h"
#include "fixture.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "store/store_internal.h"

/* Everything in st as YAML, exported without a warning. */
static char *export_all(struct store *st)
{
	struct kaigi_diags w = {0};
	char *yaml = test_export_yaml(st, &w);
	assert_int_equal(w.n, 0);
	kaigi_diags_free(&w);
	return yaml;
}

static enum kaigi_status import_file(struct store *st, const char *path,
				     struct store_import_stats *stats, struct kaigi_diags *d)
{
	const char *paths[] = {path};
	return store_import_files(st, paths, 1, stats, d);
}

static void test_import_example_twice_and_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_diags d = {0};
	struct store_import_stats stats;
	const char *example = test_source("tests/data/store/meeting.yaml");
	enum kaigi_status s = import_file(fx->st, example, &stats, &d);
	test_print_diags(&d);
	assert_int_equal(s, KAIGI_OK);
	assert_int_equal(stats.meetings, 1);
	assert_int_equal(stats.cases, 1);
	assert_int_equal(stats.records, 1);
	assert_int_equal(stats.answers, 19);
	assert_true(stats.changes > 0);
	long long audit = test_sql_int(fx->st->db, "SELECT count(*) FROM audit");
	char *first = export_all(fx->st);

	/* Again: nothing changes, not even the audit trail. */
	assert_int_equal(import_file(fx->st, example, &stats, &d), KAIGI_OK);
	assert_int_equal(stats.changes, 0);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM meeting"), 1);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM list_item"), 3);

	/* Its export, imported into the same database, changes nothing either. */
	char path[400];
	snprintf(path, sizeof path, "%s/export.yaml", fx->dir);
	test_write_file(path, first);
	assert_int_equal(import_file(fx->st, path, &stats, &d), KAIGI_OK);
	assert_int_equal(stats.changes, 0);

	/* export → import into an empty database → export: the same file. */
	struct store *other = fixture_store_other(fx, "other.db");
	assert_int_equal(import_file(other, path, &stats, &d), KAIGI_OK);
	char *second = export_all(other);
	assert_string_equal(first, second);
	static const char *const exported[] = {"wish: |\n", "problems: [muscle, dementia]",
					       "lives_alone: true"};
	for (size_t i = 0; i < sizeof exported / sizeof exported[0]; i++)
		test_text_has("the export", first, exported[i]);
	free(second);
	store_close(other);
	free(first);
	kaigi_diags_free(&d);
}

static void test_import_reports_every_problem_and_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_diags d = {0};
	assert_int_equal(
	    import_file(fx->st, test_source("tests/data/store/meeting.yaml"), NULL, &d), KAIGI_OK);
	long long changes = test_sql_int(fx->st->db, "SELECT count(*) FROM audit");
	char *before = export_all(fx->st);
	char path[400];
	snprintf(path, sizeof path, "%s/bad.yaml", fx->dir);
	test_write_file(path, "kaigi: records\n"
			      "meetings:\n"
			      "  - template: test_meeting\n"
			      "    title: 第12回 自立支援型地域ケア会議\n"
			      "    date: 2024-05-14\n"
			      "    place: 変更された場所\n"
			      "    cases:\n"
			      "      - person: T-2024-001\n"
			      "        records:\n"
			      "          - form: test_sheet\n"
			      "            answers:\n"
			      "              age: 200\n"
			      "              colour: red\n"
			      "              adl: {walk: {before: 9}}\n"
			      "              weight: 500\n"
			      "  - template: test_meeting\n"
			      "    date: tomorrow\n");
	struct store_import_stats stats;
	assert_int_equal(import_file(fx->st, path, &stats, &d), KAIGI_EDATA);
	kaigi_diags_sort(&d);
	test_print_diags(&d);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.v[0].line, 12);
	assert_int_equal(d.v[0].col, 20);
	assert_non_null(strstr(d.v[0].msg, "age"));
	assert_int_equal(d.v[1].line, 13);
	assert_non_null(strstr(d.v[1].msg, "no field 'colour'"));
	assert_int_equal(d.v[2].line, 14);
	assert_int_equal(d.v[3].line, 15);
	assert_non_null(strstr(d.v[3].msg, "Weight must be less than height"));
	assert_int_equal(d.v[4].line, 17);
	assert_string_equal(d.v[0].file, path);
	/* All or nothing: the valid change of place was not written either. */
	char *after = export_all(fx->st);
	assert_string_equal(before, after);
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM audit"), changes);
	free(before);
	free(after);
	kaigi_diags_free(&d);
}

static void test_import_syntax_and_shape_errors(void **state)
{
	struct fixture *fx = *state;
	static const struct {
		const char *text;
		int line;
		const char *msg;
	} cases[] = {
	    {"kaigi: records\nmeetings: [\n", 3, "YAML"},
	    {"", 0, "empty"},
	    {"just text\n", 1, "mapping"},
	    {"kaigi: forms\n", 1, "kaigi: records"},
	    {"kaigi: records\nversion: 7\n", 2, "newer"},
	    {"kaigi: records\nmeetings: {a: 1}\n", 2, "list"},
	    {"kaigi: records\nmeetings:\n  - date: 2024-01-01\n", 3, "template"},
	    {"kaigi: records\npeople:\n  - code: A\n    code: B\n", 4, "twice"},
	    {"kaigi: records\nmeetings:\n  - {template: test_meeting, date: 2024-01-01, id: 42}\n",
	     3, "not an id"},
	    {"a: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n", 0,
	     NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct kaigi_diags d = {0};
		enum kaigi_status s = store_import_buffer(fx->st, "t.yaml", cases[i].text,
							  strlen(cases[i].text), NULL, &d);
		assert_int_equal(s, KAIGI_EDATA);
		assert_true(d.n >= 1);
		if (cases[i].msg && !strstr(d.v[0].msg, cases[i].msg))
			fail_msg("case %zu: expected '%s' in '%s'", i, cases[i].msg, d.v[0].msg);
		if (cases[i].msg)
			assert_int_equal(d.v[0].line, cases[i].line);
		kaigi_diags_free(&d);
	}
	assert_int_equal(test_sql_int(fx->st->db, "SELECT count(*) FROM meeting"), 0);
}

static void test_follow_up_and_missing_form_export(void **state)
{
	struct fixture *fx = *state;
	const char *text = "kaigi: records\n"
			   "people: [{code: P1}]\n"
			   "meetings:\n"
			   "  - template: test_meeting\n"
			   "    date: 2024-09-01\n"
			   "    cases:\n"
			   "      - {person: P1, follows: 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10}\n"
			   "  - template: test_meeting\n"
			   "    date: 2024-05-01\n"
			   "    cases:\n"
			   "      - id: 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10\n"
			   "        person: P1\n"
			   "        records: [{form: test_sheet, answers: {age: 80}}]\n";
	struct kaigi_diags d = {0};
	enum kaigi_status s = store_import_buffer(fx->st, "f.yaml", text, strlen(text), NULL, &d);
	test_print_diags(&d);
	assert_int_equal(s, KAIGI_OK);
	assert_int_equal(test_sql_int(fx->st->db,
				      "SELECT count(*) FROM case_review WHERE follows = "
				      "'0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10'"),
			 1);
	/* Without the form installed the record is exported raw, with a
	 * warning. */
	struct schema_set empty;
	struct kaigi_error err;
	assert_int_equal(schema_set_init(&empty, &err), KAIGI_OK);
	store_set_forms(fx->st, &empty);
	struct strbuf b = STRBUF_INIT;
	struct kaigi_diags w = {0};
	assert_int_equal(store_export_yaml(fx->st, NULL, test_strbuf_write, &b, &w, &err),
			 KAIGI_OK);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0].msg, "not installed"));
	assert_non_null(strstr(strbuf_str(&b), "age: 80"));
	strbuf_free(&b);
	kaigi_diags_free(&w);
	char dir[400];
	snprintf(dir, sizeof dir, "%s/csv-raw", fx->dir);
	assert_int_equal(store_export_csv(fx->st, NULL, dir, &w, &err), KAIGI_OK);
	assert_int_equal(w.n, 1);
	test_file_has(dir, "raw_answers.csv", ",test_sheet,2,");
	kaigi_diags_free(&w);
	store_set_forms(fx->st, &fx->forms);
	schema_set_free(&empty);
	kaigi_diags_free(&d);
}

/* A person and a regional issue are written by one function for the
 * screen's save and the importer: an import keeps what its file leaves out
 * and touches nothing when nothing differs; a save writes what it is
 * given, clearing what it leaves empty. */
static size_t import_text(struct store *st, const char *text)
{
	struct kaigi_diags d = {0};
	struct store_import_stats stats;
	enum kaigi_status s = store_import_buffer(st, "w.yaml", text, strlen(text), &stats, &d);
	test_print_diags(&d);
	assert_int_equal(s, KAIGI_OK);
	kaigi_diags_free(&d);
	return stats.changes;
}

static void test_one_write_for_save_and_import(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_error err;
	struct store_person p = {.code = "W-1", .initials = "A.B.", .area = "北部"};
	assert_int_equal(store_person_save(fx->st, &p, &err), KAIGI_OK);
	struct store_issue i = {.title = "移動手段", .measure = "乗合タクシー"};
	assert_int_equal(store_issue_save(fx->st, &i, &err), KAIGI_OK);
	long long audit = fixture_int(fx, "SELECT count(*) FROM audit");

	/* Left out by the file: kept, and nothing is touched. */
	assert_int_equal(import_text(fx->st, "kaigi: records\npeople:\n  - code: W-1\n"
					     "regional_issues:\n  - title: 移動手段\n"),
			 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person WHERE code = 'W-1' AND "
					 "initials = 'A.B.' AND area = '北部'"),
			 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM regional_issue WHERE measure = "
					 "'乗合タクシー' AND status = 'open'"),
			 1);

	/* Given by the file: written, the rest kept. */
	assert_int_equal(import_text(fx->st, "kaigi: records\npeople:\n  - code: W-1\n"
					     "    initials: C.D.\nregional_issues:\n  - title: "
					     "移動手段\n    baseline: 3\n"),
			 2);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person WHERE initials = 'C.D.' "
					 "AND area = '北部'"),
			 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM regional_issue WHERE measure = "
					 "'乗合タクシー' AND baseline = 3"),
			 1);

	/* The screen's save clears what it leaves empty. */
	p.initials = NULL;
	assert_int_equal(store_person_save(fx->st, &p, &err), KAIGI_OK);
	i.measure = NULL;
	assert_int_equal(store_issue_save(fx->st, &i, &err), KAIGI_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person WHERE code = 'W-1' AND "
					 "initials IS NULL AND area = '北部'"),
			 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM regional_issue WHERE measure IS "
					 "NULL AND baseline IS NULL"),
			 1);
}

static void test_csv_export(void **state)
{
	struct fixture *fx = *state;
	struct kaigi_diags d = {0};
	assert_int_equal(
	    import_file(fx->st, test_source("tests/data/store/meeting.yaml"), NULL, &d), KAIGI_OK);
	char dir[400];
	snprintf(dir, sizeof dir, "%s/csv", fx->dir);
	struct kaigi_error err;
	assert_int_equal(store_export_csv(fx->st, NULL, dir, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 0);
	char path[500];
	snprintf(path, sizeof path, "%s/test_sheet.csv", dir);
	size_t len;
	char *csv = test_read_file(path, &len);
	assert_non_null(csv);
	assert_memory_equal(csv, "\xEF\xBB\xBFrecord_id,", 13);
	free(csv);
	static const char *const want[][2] = {
	    /* CRLF between rows; the answer's own newlines kept inside quotes. */
	    {"test_sheet.csv", "form_version,name,age,sex,height,weight,visit,lives_alone,"
			       "problems,wish\r\n"},
	    {"test_sheet.csv", ",山田 よし子,83,F,148.5,45,2024-04-30,1,muscle dementia,"
			       "\"また友だちと\n買い物に行きたい。\n\"\r\n"},
	    {"test_sheet.adl.csv", ",walk,Walking,3,2,\"杖歩行, 段差で不安\",1 2\r\n"},
	    {"test_sheet.factors.csv", ",1,"},
	    {"test_sheet.factors.csv", ",膝の痛み\r\n"},
	    {"meetings.csv", "第12回 自立支援型地域ケア会議"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		test_file_has(dir, want[i][0], want[i][1]);
	/* No temporary files are left behind. */
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls %s | grep -q tmp", dir);
	assert_int_not_equal(system(cmd), 0);
	kaigi_diags_free(&d);
}

static void test_cli(void **state)
{
	struct fixture *fx = *state;
	const char *example = test_source("tests/data/store/meeting.yaml");
	char example_copy[400];
	snprintf(example_copy, sizeof example_copy, "%s/m.yaml", fx->dir);
	char *text = test_read_file(example, NULL);
	test_write_file(example_copy, text);
	free(text);
	char db[400], out[400];
	snprintf(db, sizeof db, "%s/cli.db", fx->dir);
	snprintf(out, sizeof out, "%s/cli.yaml", fx->dir);
	char *o = NULL, *e = NULL;
	const char *imp[] = {"--db", db, "import", example_copy, NULL};
	assert_int_equal(test_run_kaigi(imp, &o, &e, -1, 0), 0);
	assert_non_null(strstr(o, "imported 1 meeting"));
	free(o);
	free(e);
	const char *exp[] = {"--db", db, "export", "yaml", "-o", out, NULL};
	assert_int_equal(test_run_kaigi(exp, NULL, NULL, -1, 0), 0);
	assert_int_equal(access(out, R_OK), 0);
	const char *usage[] = {"--db", db, "export", "pdf", NULL};
	assert_int_equal(test_run_kaigi(usage, NULL, NULL, -1, 0), 2);
	const char *noargs[] = {"--db", db, "import", NULL};
	assert_int_equal(test_run_kaigi(noargs, NULL, NULL, -1, 0), 2);
	test_write_file(example_copy, "kaigi: records\nmeetings:\n  - {date: x}\n");
	assert_int_equal(test_run_kaigi(imp, NULL, &e, -1, 0), 1);
	char want[500];
	snprintf(want, sizeof want, "%s:3:5: error: ", example_copy);
	if (!strstr(e, want))
		fail_msg("expected '%s' in '%s'", want, e);
	free(e);
	const char *help[] = {"import", "--help", NULL};
	assert_int_equal(test_run_kaigi(help, &o, NULL, -1, 0), 0);
	assert_non_null(strstr(o, "usage: kaigi import"));
	free(o);
	char bak[400];
	snprintf(bak, sizeof bak, "%s/b.db", fx->dir);
	const char *backup[] = {"--db", db, "backup", bak, NULL};
	assert_int_equal(test_run_kaigi(backup, NULL, NULL, -1, 0), 0);
	assert_int_equal(access(bak, R_OK), 0);
}

/* The example of doc/records.md, against the shipped forms. */
static void test_doc_example_with_shipped_forms(void **state)
{
	struct fixture *fx = *state;
	struct schema_set shipped;
	struct kaigi_error err;
	struct kaigi_diags d = {0};
	assert_int_equal(schema_set_init(&shipped, &err), KAIGI_OK);
	schema_load_dir(&shipped, test_source("forms"), &d);
	kaigi_diags_free(&d);
	store_set_forms(fx->st, &shipped);
	enum kaigi_status s = import_file(
	    fx->st, test_source("tests/data/store/shipped_forms_meeting.yaml"), NULL, &d);
	test_print_diags(&d);
	assert_int_equal(s, KAIGI_OK);
	char dir[400];
	snprintf(dir, sizeof dir, "%s/csv", fx->dir);
	assert_int_equal(store_export_csv(fx->st, NULL, dir, &d, &err), KAIGI_OK);
	test_file_has(dir, "case_plan.issues.csv", ",買い物に行けない,屋外歩行の安定,mobility,");
	store_set_forms(fx->st, &fx->forms);
	schema_set_free(&shipped);
	kaigi_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_import_example_twice_and_round_trip,
					    fixture_setup_open, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_import_reports_every_problem_and_writes_nothing,
					    fixture_setup_open, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_import_syntax_and_shape_errors, fixture_setup_open,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_follow_up_and_missing_form_export,
					    fixture_setup_open, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_csv_export, fixture_setup_open, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_one_write_for_save_and_import, fixture_setup_open,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_cli, fixture_setup_open, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_doc_example_with_shipped_forms, fixture_setup_open,
					    fixture_teardown),
	};
	return cmocka_run_group_tests_name("store_io", tests, NULL, NULL);
}
