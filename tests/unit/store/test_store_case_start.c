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
#include "kaigi/case_open.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"

/* A meeting of template on date, titled title (NULL: none): its id. */
static void meeting_new(struct fixture *f, const char *template, const char *date,
			const char *title, char id[STORE_ID_SIZE])
{
	struct kaigi_error err;
	struct store_meeting m = {0};
	m.template_id = xstrdup(template);
	m.f[STORE_MEETING_DATE] = xstrdup(date);
	m.f[STORE_MEETING_TITLE] = title ? xstrdup(title) : NULL;
	assert_int_equal(store_meeting_create(f->st, &m, &err), KAIGI_OK);
	snprintf(id, STORE_ID_SIZE, "%s", m.id);
	store_meeting_clear(&m);
}

/* A case of person in meeting, following the case follows when not NULL:
 * its id. */
static void case_add(struct fixture *f, const char *meeting, const char *person,
		     const char *follows, char id[STORE_ID_SIZE])
{
	struct kaigi_error err;
	struct store_case c = {0};
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", meeting);
	snprintf(c.person_id, sizeof c.person_id, "%s", person);
	snprintf(c.follows, sizeof c.follows, "%s", follows ? follows : "");
	assert_int_equal(store_case_save(f->st, &c, &err), KAIGI_OK);
	snprintf(id, STORE_ID_SIZE, "%s", c.id);
}

/* A fixture on the shipped forms with a meeting of 2026-11-14 (its id in
 * meeting) and in it a case (case_id) of a new person: code, initials Y.H,
 * sex and age band as given. */
static struct fixture *case_new(const char *code, const char *sex, const char *band,
				char meeting[STORE_ID_SIZE], char case_id[STORE_ID_SIZE])
{
	struct fixture *f = fixture_new(NULL);
	struct kaigi_error err;
	meeting_new(f, "independence_support", "2026-11-14", "会議", meeting);
	struct store_person p = {0};
	p.code = (char *)code;
	p.initials = (char *)"Y.H";
	p.sex = (char *)sex;
	p.age_band = (char *)band;
	assert_int_equal(store_person_save(f->st, &p, &err), KAIGI_OK);
	case_add(f, meeting, p.id, NULL, case_id);
	return f;
}

/* The case sheet of the case (made and filled when missing): rec. */
static void sheet_ensure(struct fixture *f, const char *meeting, const char *case_id,
			 char rec[STORE_ID_SIZE])
{
	struct kaigi_error err;
	assert_int_equal(
	    store_record_ensure(f->st, meeting, case_id, "toyoake_case_sheet", rec, &err),
	    KAIGI_OK);
}

static const char *value(struct fixture *f, const char *rec, const char *field)
{
	char *sql = xasprintf("SELECT value FROM answer WHERE record_id = '%s' AND field = '%s'",
			      rec, field);
	const char *v = fixture_text(f, sql);
	free(sql);
	return v;
}

/* Who the case of a test is about (cmocka's initial state), and what the
 * test gets: the fixture with the meeting and the case. */
struct who {
	const char *code, *sex, *band;
};
struct started {
	struct fixture *f;
	char meeting[STORE_ID_SIZE], case_id[STORE_ID_SIZE];
};

static int case_setup(void **state)
{
	const struct who *w = *state;
	struct started *s = xcalloc(1, sizeof *s);
	s->f = case_new(w->code, w->sex, w->band, s->meeting, s->case_id);
	*state = s;
	return 0;
}

static int case_teardown(void **state)
{
	struct started *s = *state;
	fixture_free(s->f);
	free(s);
	return 0;
}

/* The case sheet of s's case, made now, holds each {field, value} of want
 * (n of them); a failure names the person and the field. */
static void sheet_holds(struct started *s, char rec[STORE_ID_SIZE], const char *const (*want)[2],
			size_t n)
{
	sheet_ensure(s->f, s->meeting, s->case_id, rec);
	for (size_t i = 0; i < n; i++) {
		const char *got = value(s->f, rec, want[i][0]);
		if (strcmp(got, want[i][1]) != 0)
			fail_msg("case sheet of %s: %s is 「%s」, not 「%s」",
				 fixture_text(s->f, "SELECT code FROM person"), want[i][0], got,
				 want[i][1]);
	}
}

static void case_sheet_starts_filled(void **state)
{
	struct started *s = *state;
	struct fixture *f = s->f;
	struct kaigi_error err;
	char rec[STORE_ID_SIZE];
	static const char *const filled[][2] = {
	    {"initials", "Y.H"},  {"sex", "F"},
	    {"age_band", "80代"}, {"conference_date", "2026-11-14"},
	    {"age", ""}, /* a band is not an age */
	};
	sheet_holds(s, rec, filled, sizeof filled / sizeof filled[0]);
	/* Typed over, then ensured again: the record is not filled twice. */
	struct store_path p = {"initials", NULL, NULL};
	assert_int_equal(store_answer_save(f->st, rec, &p, "Y.Hi", &err), KAIGI_OK);
	char again[STORE_ID_SIZE];
	sheet_ensure(f, s->meeting, s->case_id, again);
	assert_string_equal(again, rec);
	assert_string_equal(value(f, rec, "initials"), "Y.Hi");
	/* A form without those fields gets nothing. */
	assert_int_equal(store_record_ensure(f->st, s->meeting, s->case_id, "case_plan", rec, &err),
			 KAIGI_OK);
	assert_int_equal(fixture_int(f,
				     "SELECT count(*) FROM answer a JOIN form_record r ON r.id = "
				     "a.record_id WHERE r.form = 'case_plan'"),
			 0);
}

static void what_the_form_does_not_take_is_left_out(void **state)
{
	struct started *s = *state;
	struct kaigi_error err;
	char rec[STORE_ID_SIZE];
	/* Sex X: the case sheet offers F and M only; a band that is an age. */
	static const char *const filled[][2] = {
	    {"sex", ""},
	    {"age", "82"},
	    {"conference_date", "2026-11-14"},
	};
	sheet_holds(s, rec, filled, sizeof filled / sizeof filled[0]);
	/* The meeting's own record: no case, nothing filled. */
	assert_int_equal(
	    store_record_ensure(s->f->st, s->meeting, NULL, "toyoake_case_sheet", rec, &err),
	    KAIGI_OK);
	assert_string_equal(value(s->f, rec, "conference_date"), "");
}

static void closing_is_kept_and_travels(void **state)
{
	struct started *s = *state;
	struct fixture *f = s->f;
	const char *case_id = s->case_id;
	struct kaigi_error err;
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
}

/* Opening a case for the room is one call: the meeting, case, person,
 * template and agenda place; looking only makes nothing; opening makes one
 * record per form of the template (the case sheet filled from the case),
 * the same ones every time; a follow-up knows the review it follows; an
 * unknown case is refused and a template not installed stops early. */
static void a_case_opens_in_one_call(void **state)
{
	struct started *s = *state;
	struct fixture *f = s->f;
	const char *meeting = s->meeting, *case_id = s->case_id;
	struct kaigi_error err;
	struct kaigi_diags w = {0};
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
	char later[STORE_ID_SIZE], follow[STORE_ID_SIZE];
	meeting_new(f, "independence_support", "2027-05-14", NULL, later);
	case_add(f, later, first.person_id, case_id, follow);
	assert_int_equal(store_case_open(f->st, later, follow, false, 8, &o, &w, &err), KAIGI_OK);
	assert_string_equal(o.prev.id, case_id);
	assert_string_equal(o.prev.meeting_id, meeting);
	store_case_open_clear(&o);

	/* Unknown case: refused, nothing kept. */
	assert_int_equal(store_case_open(f->st, later, "no-such-case", false, 8, &o, &w, &err),
			 KAIGI_EDATA);
	assert_null(o.forms);
	assert_string_equal(o.c.id, "");
	/* A meeting whose template is not installed: found, nothing made. */
	char gone[STORE_ID_SIZE], gone_case[STORE_ID_SIZE];
	meeting_new(f, "gone", "2027-06-01", NULL, gone);
	case_add(f, gone, first.person_id, NULL, gone_case);
	store_case_clear(&first);
	long long records = fixture_int(f, "SELECT count(*) FROM form_record");
	assert_int_equal(store_case_open(f->st, gone, gone_case, false, 8, &o, &w, &err), KAIGI_OK);
	assert_null(o.tpl);
	assert_int_equal(o.nforms, 0);
	assert_string_equal(o.m.template_id, "gone");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM form_record"), records);
	store_case_open_clear(&o);
	kaigi_diags_free(&w);
}

int main(void)
{
	static struct who k1 = {"K-1", "F", "80代"}, k2 = {"K-2", "X", "82"},
			  k3 = {"K-3", "F", "80代"}, k4 = {"K-4", "F", "80代"};
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_prestate_setup_teardown(case_sheet_starts_filled, case_setup,
						     case_teardown, &k1),
	    cmocka_unit_test_prestate_setup_teardown(what_the_form_does_not_take_is_left_out,
						     case_setup, case_teardown, &k2),
	    cmocka_unit_test_prestate_setup_teardown(closing_is_kept_and_travels, case_setup,
						     case_teardown, &k3),
	    cmocka_unit_test_prestate_setup_teardown(a_case_opens_in_one_call, case_setup,
						     case_teardown, &k4),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
