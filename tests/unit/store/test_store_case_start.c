// SPDX-License-Identifier: MIT
/*
 * test_store_case_start.c — a case's forms start with what the room said when
 * the case was added: the case sheet made for a new case
 * holds the initials, sex and age band typed then, and the meeting's date
 * as カンファレンス日; a value the form does not take is left out; a
 * record that exists is not touched; a meeting's own record gets nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"

/* A meeting of date and a case of a new person; the case id in case_id. */
static void add_case(struct fixture *f, const char *date, const char *code, const char *sex,
		     const char *band, char meeting[STORE_ID_SIZE], char case_id[STORE_ID_SIZE])
{
	struct kaigi_error err;
	struct store_meeting m = {0};
	m.template_id = xstrdup("independence_support");
	m.f[STORE_MEETING_DATE] = xstrdup(date);
	m.f[STORE_MEETING_TITLE] = xstrdup("会議");
	assert_int_equal(store_meeting_create(f->st, &m, &err), KAIGI_OK);
	snprintf(meeting, STORE_ID_SIZE, "%s", m.id);
	store_meeting_clear(&m);
	struct store_person p = {0};
	p.code = (char *)code;
	p.initials = (char *)"Y.H";
	p.sex = (char *)sex;
	p.age_band = (char *)band;
	assert_int_equal(store_person_save(f->st, &p, &err), KAIGI_OK);
	struct store_case c = {0};
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", meeting);
	snprintf(c.person_id, sizeof c.person_id, "%s", p.id);
	assert_int_equal(store_case_save(f->st, &c, &err), KAIGI_OK);
	snprintf(case_id, STORE_ID_SIZE, "%s", c.id);
}

static const char *value(struct fixture *f, const char *rec, const char *field)
{
	char *sql = xasprintf("SELECT value FROM answer WHERE record_id = '%s' AND field = '%s'",
			      rec, field);
	const char *v = fixture_text(f, sql);
	free(sql);
	return v;
}

static void case_sheet_starts_filled(void **state)
{
	(void)state;
	struct fixture *f = fixture_new(NULL);
	char meeting[STORE_ID_SIZE], case_id[STORE_ID_SIZE], rec[STORE_ID_SIZE];
	struct kaigi_error err;
	add_case(f, "2026-11-14", "K-1", "F", "80代", meeting, case_id);
	assert_int_equal(
	    store_record_ensure(f->st, meeting, case_id, "toyoake_case_sheet", rec, &err),
	    KAIGI_OK);
	assert_string_equal(value(f, rec, "initials"), "Y.H");
	assert_string_equal(value(f, rec, "sex"), "F");
	assert_string_equal(value(f, rec, "age_band"), "80代");
	assert_string_equal(value(f, rec, "conference_date"), "2026-11-14");
	assert_string_equal(value(f, rec, "age"), ""); /* a band is not an age */
	/* Typed over, then ensured again: the record is not filled twice. */
	struct store_path p = {"initials", NULL, NULL};
	assert_int_equal(store_answer_save(f->st, rec, &p, "Y.Hi", &err), KAIGI_OK);
	char again[STORE_ID_SIZE];
	assert_int_equal(
	    store_record_ensure(f->st, meeting, case_id, "toyoake_case_sheet", again, &err),
	    KAIGI_OK);
	assert_string_equal(again, rec);
	assert_string_equal(value(f, rec, "initials"), "Y.Hi");
	/* A form without those fields gets nothing. */
	assert_int_equal(store_record_ensure(f->st, meeting, case_id, "case_plan", rec, &err),
			 KAIGI_OK);
	assert_int_equal(fixture_int(f,
				     "SELECT count(*) FROM answer a JOIN form_record r ON r.id = "
				     "a.record_id WHERE r.form = 'case_plan'"),
			 0);
	fixture_free(f);
}

static void what_the_form_does_not_take_is_left_out(void **state)
{
	(void)state;
	struct fixture *f = fixture_new(NULL);
	char meeting[STORE_ID_SIZE], case_id[STORE_ID_SIZE], rec[STORE_ID_SIZE];
	struct kaigi_error err;
	/* Sex X: the case sheet offers F and M only; a band that is an age. */
	add_case(f, "2026-11-14", "K-2", "X", "82", meeting, case_id);
	assert_int_equal(
	    store_record_ensure(f->st, meeting, case_id, "toyoake_case_sheet", rec, &err),
	    KAIGI_OK);
	assert_string_equal(value(f, rec, "sex"), "");
	assert_string_equal(value(f, rec, "age"), "82");
	assert_string_equal(value(f, rec, "conference_date"), "2026-11-14");
	/* The meeting's own record: no case, nothing filled. */
	assert_int_equal(store_record_ensure(f->st, meeting, NULL, "toyoake_case_sheet", rec, &err),
			 KAIGI_OK);
	assert_string_equal(value(f, rec, "conference_date"), "");
	fixture_free(f);
}

static void closing_is_kept_and_travels(void **state)
{
	(void)state;
	struct fixture *f = fixture_new(NULL);
	char meeting[STORE_ID_SIZE], case_id[STORE_ID_SIZE];
	struct kaigi_error err;
	add_case(f, "2026-11-14", "K-3", "F", "80代", meeting, case_id);
	struct store_case c = {0};
	assert_int_equal(store_case_get(f->st, case_id, &c, &err), KAIGI_OK);
	assert_int_equal(c.closed, 0);
	assert_int_equal(store_case_close(f->st, case_id, &err), KAIGI_OK);
	assert_int_equal(store_case_get(f->st, case_id, &c, &err), KAIGI_OK);
	assert_true(c.closed > 0);
	store_case_clear(&c);
	/* Export says so, and an import into another database keeps it. */
	char *yaml = NULL;
	struct fixture *g = fixture_new_from_export(f, &yaml);
	assert_non_null(strstr(yaml, "closed: true"));
	free(yaml);
	assert_int_equal(fixture_int(g, "SELECT count(*) FROM case_review WHERE closed > 0"), 1);
	fixture_free(g);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(case_sheet_starts_filled),
	    cmocka_unit_test(what_the_form_does_not_take_is_left_out),
	    cmocka_unit_test(closing_is_kept_and_travels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
