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

#include "kaigi/case_open.h"
#include "kaigi/store_exchange.h"
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

/* Opening a case for the room is one call: the meeting, case, person,
 * template and agenda place; looking only makes nothing; opening makes one
 * record per form of the template (the case sheet filled from the case),
 * the same ones every time; a follow-up knows the review it follows; an
 * unknown case is refused and a template not installed stops early. */
static void a_case_opens_in_one_call(void **state)
{
	(void)state;
	struct fixture *f = fixture_new(NULL);
	char meeting[STORE_ID_SIZE], case_id[STORE_ID_SIZE];
	struct kaigi_error err;
	struct kaigi_diags w = {0};
	add_case(f, "2026-11-14", "K-4", "F", "80代", meeting, case_id);
	struct store_case_open o;
	assert_int_equal(store_case_open(f->st, meeting, case_id, true, 8, &o, &w, &err), KAIGI_OK);
	assert_non_null(o.tpl);
	assert_string_equal(o.tpl->id, "independence_support");
	assert_string_equal(o.c.id, case_id);
	assert_string_equal(o.p.code, "K-4");
	assert_string_equal(o.m.f[STORE_MEETING_DATE], "2026-11-14");
	assert_int_equal(o.case_no, 1);
	assert_int_equal(o.ncases, 1);
	assert_true(o.nforms > 0 && o.nforms <= o.tpl->nforms);
	for (size_t i = 0; i < o.nforms; i++)
		assert_string_equal(o.forms[i].record_id, "");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM form_record"), 0);
	size_t nforms = o.nforms;
	store_case_open_clear(&o);

	assert_int_equal(store_case_open(f->st, meeting, case_id, false, 8, &o, &w, &err),
			 KAIGI_OK);
	assert_int_equal(w.n, 0);
	assert_int_equal(o.nforms, nforms);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM form_record"), (long long)nforms);
	char sheet[STORE_ID_SIZE] = "";
	for (size_t i = 0; i < o.nforms; i++) {
		assert_true(store_uuid_valid(o.forms[i].record_id));
		if (strcmp(o.forms[i].form->id, "toyoake_case_sheet") == 0)
			snprintf(sheet, sizeof sheet, "%s", o.forms[i].record_id);
	}
	if (sheet[0])
		assert_string_equal(value(f, sheet, "initials"), "Y.H");
	assert_string_equal(o.prev.id, "");
	char first_rec[STORE_ID_SIZE];
	snprintf(first_rec, sizeof first_rec, "%s", o.forms[0].record_id);
	store_case_open_clear(&o);
	/* Again, and looking only: the same records. */
	assert_int_equal(store_case_open(f->st, meeting, case_id, false, 8, &o, &w, &err),
			 KAIGI_OK);
	assert_string_equal(o.forms[0].record_id, first_rec);
	store_case_open_clear(&o);
	assert_int_equal(store_case_open(f->st, meeting, case_id, true, 8, &o, &w, &err), KAIGI_OK);
	assert_string_equal(o.forms[0].record_id, first_rec);
	store_case_open_clear(&o);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM form_record"), (long long)nforms);
	/* At most max_forms forms. */
	assert_int_equal(store_case_open(f->st, meeting, case_id, true, 1, &o, &w, &err), KAIGI_OK);
	assert_int_equal(o.nforms, 1);
	store_case_open_clear(&o);

	/* A follow-up of the same person at a later meeting. */
	struct store_case first = {0};
	assert_int_equal(store_case_get(f->st, case_id, &first, &err), KAIGI_OK);
	struct store_meeting m = {0};
	m.template_id = xstrdup("independence_support");
	m.f[STORE_MEETING_DATE] = xstrdup("2027-05-14");
	assert_int_equal(store_meeting_create(f->st, &m, &err), KAIGI_OK);
	struct store_case c = {0};
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", m.id);
	snprintf(c.person_id, sizeof c.person_id, "%s", first.person_id);
	snprintf(c.follows, sizeof c.follows, "%s", case_id);
	assert_int_equal(store_case_save(f->st, &c, &err), KAIGI_OK);
	assert_int_equal(store_case_open(f->st, m.id, c.id, false, 8, &o, &w, &err), KAIGI_OK);
	assert_string_equal(o.prev.id, case_id);
	assert_string_equal(o.prev.meeting_id, meeting);
	store_case_open_clear(&o);
	store_case_clear(&first);

	/* Unknown case: refused, nothing kept. */
	assert_int_equal(store_case_open(f->st, m.id, "no-such-case", false, 8, &o, &w, &err),
			 KAIGI_EDATA);
	assert_null(o.forms);
	assert_string_equal(o.c.id, "");
	/* A meeting whose template is not installed: found, nothing made. */
	store_meeting_clear(&m);
	m.template_id = xstrdup("gone");
	m.f[STORE_MEETING_DATE] = xstrdup("2027-06-01");
	assert_int_equal(store_meeting_create(f->st, &m, &err), KAIGI_OK);
	struct store_case g = {0};
	snprintf(g.meeting_id, sizeof g.meeting_id, "%s", m.id);
	snprintf(g.person_id, sizeof g.person_id, "%s", c.person_id);
	assert_int_equal(store_case_save(f->st, &g, &err), KAIGI_OK);
	long long records = fixture_int(f, "SELECT count(*) FROM form_record");
	assert_int_equal(store_case_open(f->st, m.id, g.id, false, 8, &o, &w, &err), KAIGI_OK);
	assert_null(o.tpl);
	assert_int_equal(o.nforms, 0);
	assert_string_equal(o.m.template_id, "gone");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM form_record"), records);
	store_case_open_clear(&o);
	store_meeting_clear(&m);
	kaigi_diags_free(&w);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(case_sheet_starts_filled),
	    cmocka_unit_test(what_the_form_does_not_take_is_left_out),
	    cmocka_unit_test(closing_is_kept_and_travels),
	    cmocka_unit_test(a_case_opens_in_one_call),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
