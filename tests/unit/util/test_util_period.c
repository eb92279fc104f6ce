// SPDX-License-Identifier: MIT
/*
 * test_util_period.c — goal periods as the room says them:
 * the month and period field types, every accepted spelling, refusals that
 * say what is accepted, lengths from the meeting's date, min/max in months,
 * the display, the expression functions, and `formerly`.
 */
#include "kaigi/period.h"
#include "schema_fixture.h"

static const char form_yaml[] =
    FORM("      - {id: start, type: month, label: Start, min: 2020-01, max: 2030-12}\n"
	 "      - {id: span, type: period, label: Span, formerly: months}\n"
	 "      - {id: goal, type: period, label: Goal, min: 1, max: 24}\n"
	 "      - {id: n, type: calculate, label: N, calculate: \"period_months(:span)\"}\n"
	 "      - id: goals\n"
	 "        type: list\n"
	 "        label: Goals\n"
	 "        fields:\n"
	 "          - {id: period, type: period, label: P, formerly: months}\n");

static int setup(void **state)
{
	return tset_setup_yaml(state, form_yaml);
}

/* text for field id on a meeting of date start must store want. */
static void ok(void **state, const char *id, const char *text, const char *start, const char *want)
{
	struct kaigi_value v = {0};
	struct kaigi_error err;
	if (schema_value_parse_at(tset_field(state, id), NULL, text, start, &v, &err) != KAIGI_OK)
		fail_msg("%s: '%s' refused: %s", id, text, err.msg);
	if (v.type != KAIGI_TEXT || strcmp(v.s, want) != 0)
		fail_msg("%s: '%s' gave '%s', not '%s'", id, text,
			 v.type == KAIGI_TEXT ? v.s : "(not text)", want);
	kaigi_value_clear(&v);
}

static void bad(void **state, const char *id, const char *text, const char *start, const char *msg)
{
	struct kaigi_value v = {0};
	struct kaigi_error err;
	if (schema_value_parse_at(tset_field(state, id), NULL, text, start, &v, &err) !=
	    KAIGI_EDATA)
		fail_msg("%s: '%s' accepted as '%s'", id, text, v.s ? v.s : "");
	assert_string_equal(err.msg, msg);
	assert_int_equal(v.type, KAIGI_NULL);
}

static void periods_as_typed(void **state)
{
	const char *want = "2026-11/2027-05";
	const char *typed[] = {
	    "2026-11〜2027-05",
	    "2026-11 - 2027-05",
	    "2026/11-2027/5",
	    "2026-11/2027-05",
	    "２０２６－１１～２０２７－０５",
	    "2026年11月〜2027年5月",
	    "2026年11月から2027年5月まで",
	    "2026.11→2027.05",
	    "2026-11 to 2027-05",
	    "2026-11ー2027-05",
	    " 2026-11~2027-5 ",
	    "2026-11から6か月",
	    "2026-11〜5月",
	    "2026/11/1-2027/5/31",
	};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		ok(state, "span", typed[i], NULL, want);
	/* 2026-04〜09: an end month alone is within the next twelve months. */
	ok(state, "span", "2026-04〜09", NULL, "2026-04/2026-09");
}

static void lengths_start_at_the_meeting(void **state)
{
	const char *meeting = "2026-11-14";
	const char *typed[] = {"6か月",    "6ヶ月", "6カ月", "6ケ月",     "６ヵ月",     "6か月間",
			       "6 months", "半年",  "6",     "〜2027-05", "2027-05まで"};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		ok(state, "span", typed[i], meeting, "2026-11/2027-05");
	ok(state, "span", "1年", meeting, "2026-11/2027-11");
	ok(state, "span", "1年半", meeting, "2026-11/2028-05");
	ok(state, "span", "3", "2026-12", "2026-12/2027-03");
}

static void refusals_say_what_is_accepted(void **state)
{
	bad(state, "span", "6か月", NULL,
	    "'6か月' needs a start month: write it as 2026-11〜2027-05");
	bad(state, "span", "来年の春", "2026-11-14",
	    "'来年の春' is not a period: write 2026-11〜2027-05, or 6か月 (6 months from the "
	    "meeting)");
	bad(state, "span", "2027-05〜2026-11", NULL,
	    "'2027-05〜2026-11' ends before it starts: write the start first, as in "
	    "2026-11〜2027-05");
	bad(state, "span", "2026-13〜2027-05", NULL,
	    "'2026-13〜2027-05' is not a period: write 2026-11〜2027-05, or 6か月 (6 months "
	    "from the meeting)");
	bad(state, "span", "0か月", "2026-11-14",
	    "'0か月' is not a period: write 2026-11〜2027-05, or 6か月 (6 months from the "
	    "meeting)");
	bad(state, "goal", "2026-11〜2029-05", NULL,
	    "a period of 30 months is out of range (1 to 24 months)");
	/* An empty answer is no answer, as for every type. */
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(schema_value_parse(tset_field(state, "span"), NULL, "  ", &v, &err),
			 KAIGI_OK);
	assert_int_equal(v.type, KAIGI_NULL);
}

static void months(void **state)
{
	ok(state, "start", "2026-11", NULL, "2026-11");
	ok(state, "start", "2026/4", NULL, "2026-04");
	ok(state, "start", "2026年4月", NULL, "2026-04");
	ok(state, "start", "２０２６．０４", NULL, "2026-04");
	bad(state, "start", "4月", NULL, "'4月' is not a month: write it as 2026-11");
	bad(state, "start", "2031-01", NULL, "2031-01 is out of range (2020-01 to 2030-12)");
}

static void display_and_length(void **state)
{
	(void)state;
	char *s = period_display("2026-11/2027-05", "ja");
	assert_string_equal(s, "2026-11〜2027-05 （6か月）");
	free(s);
	s = period_display("2026-11/2026-12", "en");
	assert_string_equal(s, "2026-11 to 2026-12 (1 month)");
	free(s);
	s = period_display("6", "ja"); /* not a period: as it is */
	assert_string_equal(s, "6");
	free(s);
	assert_int_equal(period_months("2026-11/2027-05"), 6);
	assert_int_equal(period_months("2026-11"), -1);
	assert_int_equal(period_months("2027-05/2026-11"), -1);
	assert_int_equal(period_months(NULL), -1);
}

static void expression_functions(void **state)
{
	struct tset *t = *state;
	struct tvals vals = {0};
	tvals_text(&vals, "span", "2026-11/2027-05");
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(
	    expr_eval(tset_field(state, "n")->calculate, tvals_lookup, &vals, &v, &err), KAIGI_OK);
	assert_int_equal(v.type, KAIGI_INT);
	assert_int_equal(v.i, 6);
	struct expr *e = NULL;
	int off;
	assert_int_equal(expr_compile(t->set.eng, "period_start(:span) || ' ' || period_end(:span)",
				      &e, &off, &err),
			 KAIGI_OK);
	assert_int_equal(expr_eval(e, tvals_lookup, &vals, &v, &err), KAIGI_OK);
	assert_string_equal(v.s, "2026-11 2027-05");
	kaigi_value_clear(&v);
	/* Unanswered reads as unanswered. */
	struct tvals none = {0};
	tvals_text(&none, "span", "");
	assert_int_equal(
	    expr_eval(tset_field(state, "n")->calculate, tvals_lookup, &none, &v, &err), KAIGI_OK);
	assert_int_equal(v.type, KAIGI_NULL);
	expr_free(e);
	tvals_free(&vals);
	tvals_free(&none);
}

static void formerly_finds_renamed_fields(void **state)
{
	struct tset *t = *state;
	const struct schema_form *form = schema_form_find(&t->set, "t");
	const struct schema_field *goals = schema_field_find(form, "goals");
	assert_ptr_equal(schema_field_find_former(form, NULL, "months"), tset_field(state, "span"));
	assert_ptr_equal(schema_field_find_former(form, goals, "months"), &goals->fields[0]);
	assert_null(schema_field_find_former(form, goals, "span"));
	LOAD_ERR(t, FORM("      - {id: p, type: period, label: P, formerly: p}\n"),
		 "t.yaml:8:51: error: 'formerly' names the field's own id\n");
	LOAD_ERR(t, FORM("      - {id: p, type: period, label: P, min: 2026-11}\n"),
		 "t.yaml:8:46: error: 'min' of a period field must be a whole number of "
		 "months, found '2026-11'\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(periods_as_typed),
	    T(lengths_start_at_the_meeting),
	    T(refusals_say_what_is_accepted),
	    T(months),
	    T(display_and_length),
	    T(expression_functions),
	    T(formerly_finds_renamed_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
