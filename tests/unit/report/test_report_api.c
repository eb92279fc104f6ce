// SPDX-License-Identifier: MIT
/*
 * test_report_api.c — the report module through its header, as the UI
 * calls it: finding a meeting, rendering each format into memory, saving,
 * and the printer check with stand-in lp and lpstat programs.  Runs under
 * ASan/UBSan with the rest of the unit suite.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "kaigi/report.h"
#include "kaigi/store_exchange.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

#define MEETING_ID "0c9e8d7f-6a5b-4c3d-8e1f-2a3b4c5d6e70"

static int setup(void **state)
{
	*state = fixture_new("tests/data/report/meeting.yaml");
	return 0;
}

/* Every sensitive value of the fixture (tests/data/report/sensitive.txt). */
static size_t sensitive(char vals[][64], size_t max)
{
	FILE *in = fopen(test_source("tests/data/report/sensitive.txt"), "r");
	assert_non_null(in);
	char line[256];
	size_t n = 0;
	while (n < max && fgets(line, sizeof line, in)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] && line[0] != '#' && strlen(line) < 64)
			memcpy(vals[n++], line, strlen(line) + 1);
	}
	fclose(in);
	return n;
}

static char *render(struct fixture *f, enum report_format fmt, const char *lang, bool names,
		    size_t width)
{
	struct report_options o = {.lang = lang, .names = names, .width = width};
	struct strbuf out = STRBUF_INIT;
	struct kaigi_error err;
	enum kaigi_status s =
	    report_meeting_render(f->st, &f->forms, MEETING_ID, fmt, &o, &out, &err);
	if (s != KAIGI_OK)
		fail_msg("render %s: %s", report_format_name(fmt), err.msg);
	return strbuf_take(&out);
}

static void test_formats(void **state)
{
	(void)state;
	assert_int_equal(report_format_from_name("txt"), REPORT_TEXT);
	assert_int_equal(report_format_from_name("text"), REPORT_TEXT);
	assert_int_equal(report_format_from_name("markdown"), REPORT_MARKDOWN);
	assert_int_equal(report_format_from_name("html"), REPORT_HTML);
	assert_int_equal(report_format_from_name("pdf"), REPORT_PDF);
	assert_int_equal(report_format_from_name("docx"), -1);
	assert_int_equal(report_format_from_name(NULL), -1);
	assert_string_equal(report_format_name(REPORT_MARKDOWN), "md");
	assert_true(report_format_available(REPORT_HTML));
#ifdef KAIGI_HAVE_PDF
	assert_true(report_format_available(REPORT_PDF));
#else
	assert_false(report_format_available(REPORT_PDF));
#endif
}

static void test_find(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	char id[STORE_ID_SIZE];
	assert_int_equal(report_meeting_find(f->st, "2025-06-12", id, &err), KAIGI_OK);
	assert_string_equal(id, MEETING_ID);
	assert_int_equal(report_meeting_find(f->st, "0c9e8d7f", id, &err), KAIGI_OK);
	assert_string_equal(id, MEETING_ID);
	assert_int_equal(report_meeting_find(f->st, MEETING_ID, id, &err), KAIGI_OK);
	assert_int_equal(report_meeting_find(f->st, "latest", id, &err), KAIGI_OK);
	assert_string_equal(id, MEETING_ID);
	assert_int_equal(report_meeting_find(f->st, "2025-06-13", id, &err), KAIGI_EDATA);
	assert_int_equal(report_meeting_find(f->st, "abc", id, &err), KAIGI_EDATA);
	assert_int_equal(report_meeting_find(f->st, "ffffffff", id, &err), KAIGI_EDATA);
	assert_int_equal(report_meeting_find(f->st, "", id, &err), KAIGI_EUSAGE);
	/* A second meeting that day: the date no longer says which. */
	struct store_meeting m = {0};
	m.template_id = xstrdup("independence_support");
	m.f[STORE_MEETING_DATE] = xstrdup("2025-06-12");
	m.f[STORE_MEETING_TITLE] = xstrdup("午後の部");
	assert_int_equal(store_meeting_create(f->st, &m, &err), KAIGI_OK);
	assert_int_equal(report_meeting_find(f->st, "2025-06-12", id, &err), KAIGI_EDATA);
	assert_non_null(strstr(err.msg, "2 meetings on 2025-06-12"));
	assert_non_null(strstr(err.msg, MEETING_ID));
	/* An empty meeting renders: header, no cases. */
	char *empty = NULL;
	struct report_options o = {.lang = "ja"};
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(report_meeting_render(f->st, &f->forms, m.id, REPORT_TEXT, &o, &out, &err),
			 KAIGI_OK);
	empty = strbuf_take(&out);
	assert_non_null(strstr(empty, "午後の部"));
	assert_null(strstr(empty, "事例1"));
	free(empty);
	assert_int_equal(store_meeting_delete(f->st, m.id, &err), KAIGI_OK);
	store_meeting_clear(&m);
}

static void test_unknown_meeting_leaves_output(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	strbuf_append(&out, "kept");
	struct kaigi_error err;
	assert_int_equal(report_meeting_render(f->st, &f->forms,
					       "00000000-0000-4000-8000-000000000000", REPORT_HTML,
					       NULL, &out, &err),
			 KAIGI_EDATA);
	assert_string_equal(strbuf_str(&out), "kept");
	strbuf_free(&out);
}

static void check_width(const char *text, size_t cols)
{
	const char *line = text;
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		char *l = xstrndup(line, n);
		if (utf8_width(l) > cols)
			fail_msg("%zu columns: %s", utf8_width(l), l);
		free(l);
		line += n + (nl ? 1 : 0);
	}
}

static void test_anonymised_everywhere(void **state)
{
	struct fixture *f = *state;
	char vals[64][64];
	size_t nv = sensitive(vals, 64);
	assert_true(nv >= 10);
	enum report_format fmts[] = {REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML};
	const char *langs[] = {"ja", "en"};
	for (size_t i = 0; i < 3; i++) {
		for (size_t l = 0; l < 2; l++) {
			char *doc = render(f, fmts[i], langs[l], false, 0);
			for (size_t v = 0; v < nv; v++)
				if (strstr(doc, vals[v]))
					fail_msg("%s/%s holds '%s'", report_format_name(fmts[i]),
						 langs[l], vals[v]);
			assert_non_null(strstr(doc, "MD-2025-031"));
			if (fmts[i] == REPORT_TEXT)
				check_width(doc, 80);
			free(doc);
		}
	}
	char *named = render(f, REPORT_TEXT, "ja", true, 0);
	assert_non_null(strstr(named, "個人情報を含む資料です"));
	assert_non_null(strstr(named, "佐々木 恵子"));
	assert_non_null(strstr(named, "桜ヶ丘三丁目"));
	free(named);
}

static void test_text_width_option(void **state)
{
	struct fixture *f = *state;
	char *doc = render(f, REPORT_TEXT, "ja", false, 52);
	check_width(doc, 52);
	free(doc);
	doc = render(f, REPORT_TEXT, "en", false, 10); /* taken as the minimum, 40 */
	check_width(doc, 40);
	free(doc);
}

static void test_pdf_bytes(void **state)
{
	struct fixture *f = *state;
	if (!report_format_available(REPORT_PDF)) {
		skip();
		return;
	}
	struct report_options o = {.lang = "ja"};
	struct strbuf out = STRBUF_INIT;
	struct kaigi_error err;
	assert_int_equal(
	    report_meeting_render(f->st, &f->forms, MEETING_ID, REPORT_PDF, &o, &out, &err),
	    KAIGI_OK);
	assert_true(out.len > 10000);
	assert_memory_equal(out.s, "%PDF-", 5);
	strbuf_free(&out);
}

static void test_save(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	char *path = xasprintf("%s/summary.txt", f->dir);
	assert_int_equal(report_save(path, "一行\n", strlen("一行\n"), &err), KAIGI_OK);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal((size_t)sb.st_size, strlen("一行\n"));
	/* Over an existing file: replaced whole. */
	assert_int_equal(report_save(path, "x", 1, &err), KAIGI_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 1);
	free(path);
	path = xasprintf("%s/no/such/folder/summary.txt", f->dir);
	assert_int_equal(report_save(path, "x", 1, &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "cannot"));
	free(path);
}

/* A stand-in program in dir: a shell script with body. */
static void fake(const char *dir, const char *name, const char *body)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *o = fopen(path, "w");
	assert_non_null(o);
	fprintf(o, "#!/bin/sh\n%s\n", body);
	fclose(o);
	assert_int_equal(chmod(path, 0755), 0);
	free(path);
}

static void test_printer(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	char *old_path = xstrdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	char *bin = xasprintf("%s/bin", f->dir);
	assert_int_equal(mkdir(bin, 0700), 0);
	unsetenv("LPDEST");
	unsetenv("PRINTER");
	setenv("PATH", bin, 1);

	/* No lp at all. */
	assert_int_equal(report_printer_check(&err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "lp is not installed"));

	/* lp, but CUPS knows no printer. */
	char *log = xasprintf("%s/lp.log", f->dir);
	char *lp = xasprintf("echo \"$@\" > '%s'\necho 'request id is office-1 (1 file(s))'", log);
	fake(bin, "lp", lp);
	fake(bin, "lpstat", "echo 'no system default destination'\nexit 1");
	assert_int_equal(report_printer_check(&err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "no printer is configured"));
	assert_int_equal(report_print_lp("/tmp/x.pdf", &err), KAIGI_EENV);
	assert_int_equal(access(log, F_OK), -1); /* lp was not run */

	/* A default printer: the file goes to lp after "--". */
	fake(bin, "lpstat", "echo 'system default destination: office'");
	assert_int_equal(report_printer_check(&err), KAIGI_OK);
	assert_int_equal(report_print_lp("/tmp/a file.pdf", &err), KAIGI_OK);
	FILE *in = fopen(log, "r");
	assert_non_null(in);
	char line[256] = "";
	assert_non_null(fgets(line, sizeof line, in));
	fclose(in);
	assert_string_equal(line, "-- /tmp/a file.pdf\n");

	/* lp refuses: its message comes back. */
	fake(bin, "lp", "echo 'lp: The printer or class does not exist.' >&2\nexit 1");
	assert_int_equal(report_print_lp("/tmp/a.pdf", &err), KAIGI_EENV);
	assert_non_null(strstr(err.msg, "does not exist"));

	setenv("PATH", old_path, 1);
	free(old_path);
	free(bin);
	free(log);
	free(lp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_formats),
	    cmocka_unit_test_setup_teardown(test_find, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_meeting_leaves_output, setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_anonymised_everywhere, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_text_width_option, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_pdf_bytes, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_save, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_printer, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
