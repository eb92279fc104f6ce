// SPDX-License-Identifier: MIT
/*
 * test_util_value.c — answers as typed (often through a Japanese IME) turned into
 * checked values: each type, full-width digits and separators, dates,
 * ranges, choices; constraints with their messages; the value helpers.
 */
#include "schema_fixture.h"

static const char form_yaml[] =
    "form: t\n"
    "version: 1\n"
    "title: T\n"
    "choices:\n"
    "  services:\n"
    "    - {value: day, label: デイサービス}\n"
    "    - {value: visit, label: 訪問介護}\n"
    "    - {value: rehab, label: 通所リハ}\n"
    "  many:\n"
    "    - {value: a, label: A}\n"
    "    - {value: b, label: B}\n"
    "    - {value: c, label: C}\n"
    "    - {value: d, label: D}\n"
    "    - {value: e, label: E}\n"
    "    - {value: f, label: F}\n"
    "    - {value: g, label: G}\n"
    "    - {value: h, label: H}\n"
    "    - {value: i, label: I}\n"
    "    - {value: j, label: J}\n"
    "    - {value: k, label: K}\n"
    "    - {value: l, label: L}\n"
    "    - {value: m, label: M}\n"
    "sections:\n"
    "  - id: s\n"
    "    title: S\n"
    "    fields:\n"
    "      - {id: name, type: text, label: Name}\n"
    "      - {id: story, type: longtext, label: Story}\n"
    "      - {id: age, type: integer, label: Age, min: 40, max: 120}\n"
    "      - {id: count, type: integer, label: Count}\n"
    "      - {id: low, type: integer, label: Low, min: 0}\n"
    "      - {id: high, type: decimal, label: High, max: 10.5}\n"
    "      - {id: height, type: decimal, label: Height}\n"
    "      - {id: seen, type: date, label: Seen}\n"
    "      - {id: since, type: date, label: Since, min: 2020-01-01, max: 2030-12-31}\n"
    "      - {id: alone, type: boolean, label: Alone}\n"
    "      - {id: main, type: select_one, label: Main, choices: services}\n"
    "      - {id: used, type: select_multiple, label: Used, choices: services}\n"
    "      - {id: big, type: select_one, label: Big, choices: many}\n"
    "      - {id: level, type: scale, label: Level, choices: [{value: 1, label: Low}, "
    "{value: 2, label: Mid}, {value: 3, label: High}]}\n"
    "      - id: weight\n"
    "        type: decimal\n"
    "        label: Weight\n"
    "        constraint: \":weight BETWEEN 20 AND 200 AND (:height IS NULL OR :weight < "
    ":height)\"\n"
    "        constraint_message: {ja: 体重を確かめてください, en: Check the weight}\n"
    "      - {id: steps, type: integer, label: Steps, constraint: \":steps % 2 = 0\"}\n"
    "      - {id: plan, type: list, label: Plan, fields: [{id: x, type: text, label: X}]}\n";

static int setup(void **state)
{
	return tset_setup_yaml(state, form_yaml);
}

/* The value ok() returns; cleared by the next call and at exit. */
static struct kaigi_value last;

/* Parse text for field id; it must succeed. */
static struct kaigi_value *ok(void **state, const char *id, const char *text)
{
	struct kaigi_error err;
	kaigi_value_clear(&last);
	if (schema_value_parse(tset_field(state, id), NULL, text, &last, &err) != KAIGI_OK)
		fail_msg("%s: '%s' refused: %s", id, text, err.msg);
	return &last;
}

static void ok_int(void **state, const char *id, const char *text, long long want)
{
	struct kaigi_value *v = ok(state, id, text);
	if (v->type != KAIGI_INT || v->i != want)
		fail_msg("%s: '%s' gave type %d value %lld, not %lld", id, text, v->type, v->i,
			 want);
}

static void ok_text(void **state, const char *id, const char *text, const char *want)
{
	struct kaigi_value *v = ok(state, id, text);
	if (v->type != KAIGI_TEXT || strcmp(v->s, want) != 0)
		fail_msg("%s: '%s' gave '%s', not '%s'", id, text,
			 v->type == KAIGI_TEXT ? v->s : "(not text)", want);
}

static void ok_null(void **state, const char *id, const char *text)
{
	assert_int_equal(ok(state, id, text)->type, KAIGI_NULL);
}

/* Parse text for field id; it must fail with msg and leave out NULL. */
static void bad(void **state, const char *id, const char *text, const char *msg)
{
	struct kaigi_value v = {0};
	kaigi_value_set_text(&v, "stale");
	struct kaigi_error err;
	if (schema_value_parse(tset_field(state, id), NULL, text, &v, &err) != KAIGI_EDATA)
		fail_msg("%s: '%s' accepted", id, text);
	if (strcmp(err.msg, msg) != 0)
		print_error("%s: '%s' refused with another message\n", id, text);
	assert_int_equal(err.status, KAIGI_EDATA);
	assert_string_equal(err.msg, msg);
	assert_int_equal(v.type, KAIGI_NULL);
}

/* What a field's answer must become: a whole number, a text, a decimal (want
 * as written in C), no answer, or refused with want as the message. */
enum want { WANT_INT, WANT_TEXT, WANT_REAL, WANT_NULL, WANT_REFUSED };

struct value_case {
	const char *field, *typed;
	enum want kind;
	const char *want;
};

/* \u3000: the full-width space an IME types. */
static const struct value_case values[] = {
    /* Text is kept as typed. */
    {"name", "  山田 花子 ", WANT_TEXT, "  山田 花子 "},
    {"story", "一行目\n二行目", WANT_TEXT, "一行目\n二行目"},
    /* Full-width digits in text stay as typed. */
    {"name", "１２３", WANT_TEXT, "１２３"},
    /* Only blank: no answer. */
    {"name", "", WANT_NULL, ""},
    {"story", " \t\r\n ", WANT_NULL, ""},
    /* Whole numbers. */
    {"count", "42", WANT_INT, "42"},
    {"count", "-7", WANT_INT, "-7"},
    {"count", " 8 ", WANT_INT, "8"},
    /* From a Japanese keyboard. */
    {"count", "１２３", WANT_INT, "123"},
    {"count", "－５", WANT_INT, "-5"},
    {"count", "\u3000１０\u3000", WANT_INT, "10"},
    {"count", "9223372036854775807", WANT_INT, "9223372036854775807"},
    {"count", "  ", WANT_NULL, ""},
    {"count", "\u3000", WANT_NULL, ""},
    {"count", "12a", WANT_REFUSED, "'12a' is not a whole number"},
    {"count", "1.5", WANT_REFUSED, "'1.5' is not a whole number"},
    {"count", "１２ａ", WANT_REFUSED, "'１２ａ' is not a whole number"},
    {"count", "9223372036854775808", WANT_REFUSED, "'9223372036854775808' is not a whole number"},
    {"count", "0x10", WANT_REFUSED, "'0x10' is not a whole number"},
    /* Whole numbers within min and max. */
    {"age", "40", WANT_INT, "40"},
    {"age", "120", WANT_INT, "120"},
    {"age", "８５", WANT_INT, "85"},
    {"age", "39", WANT_REFUSED, "39 is out of range (40 to 120)"},
    {"age", "１２１", WANT_REFUSED, "121 is out of range (40 to 120)"},
    {"low", "0", WANT_INT, "0"},
    {"low", "-1", WANT_REFUSED, "-1 is below the minimum 0"},
    /* Decimals. */
    {"height", "152.5", WANT_REAL, "152.5"},
    {"height", "１２３．５", WANT_REAL, "123.5"},
    {"height", "160", WANT_REAL, "160.0"},
    {"height", "-0.25", WANT_REAL, "-0.25"},
    {"height", "1e2", WANT_REAL, "100.0"},
    {"height", "abc", WANT_REFUSED, "'abc' is not a number"},
    {"height", "1,5", WANT_REFUSED, "'1,5' is not a number"},
    {"height", "0x1p3", WANT_REFUSED, "'0x1p3' is not a number"},
    {"height", "inf", WANT_REFUSED, "'inf' is not a number"},
    {"height", "nan", WANT_REFUSED, "'nan' is not a number"},
    {"height", "1e999", WANT_REFUSED, "'1e999' is not a number"},
    {"high", "10.5", WANT_REAL, "10.5"},
    {"high", "10.51", WANT_REFUSED, "10.51 is above the maximum 10.5"},
    /* Dates. */
    {"seen", "2026-04-01", WANT_TEXT, "2026-04-01"},
    {"seen", "2026/4/1", WANT_TEXT, "2026-04-01"},
    {"seen", "2026.12.31", WANT_TEXT, "2026-12-31"},
    {"seen", "２０２６／０４／０１", WANT_TEXT, "2026-04-01"},
    {"seen", "2024-02-29", WANT_TEXT, "2024-02-29"},
    {"seen", "2000-02-29", WANT_TEXT, "2000-02-29"},
    {"seen", "", WANT_NULL, ""},
    {"seen", "2023-02-29", WANT_REFUSED, "'2023-02-29' is not a date (write YYYY-MM-DD)"},
    {"seen", "1900-02-29", WANT_REFUSED, "'1900-02-29' is not a date (write YYYY-MM-DD)"},
    {"seen", "2026-04-31", WANT_REFUSED, "'2026-04-31' is not a date (write YYYY-MM-DD)"},
    {"seen", "2026-13-01", WANT_REFUSED, "'2026-13-01' is not a date (write YYYY-MM-DD)"},
    {"seen", "2026-00-10", WANT_REFUSED, "'2026-00-10' is not a date (write YYYY-MM-DD)"},
    {"seen", "2026-4/1", WANT_REFUSED, "'2026-4/1' is not a date (write YYYY-MM-DD)"},
    {"seen", "26-04-01", WANT_REFUSED, "'26-04-01' is not a date (write YYYY-MM-DD)"},
    {"seen", "1799-12-31", WANT_REFUSED, "'1799-12-31' is not a date (write YYYY-MM-DD)"},
    {"seen", "2026-04-01x", WANT_REFUSED, "'2026-04-01x' is not a date (write YYYY-MM-DD)"},
    {"seen", "令和8年4月1日", WANT_REFUSED, "'令和8年4月1日' is not a date (write YYYY-MM-DD)"},
    /* Bounds compare as dates. */
    {"since", "2020-01-01", WANT_TEXT, "2020-01-01"},
    {"since", "2030/12/31", WANT_TEXT, "2030-12-31"},
    {"since", "2019/12/31", WANT_REFUSED, "2019-12-31 is out of range (2020-01-01 to 2030-12-31)"},
    {"since", "2031-1-1", WANT_REFUSED, "2031-01-01 is out of range (2020-01-01 to 2030-12-31)"},
    /* One choice. */
    {"main", "visit", WANT_TEXT, "visit"},
    {"main", " day ", WANT_TEXT, "day"},
    {"main", "", WANT_NULL, ""},
    {"main", "Visit", WANT_REFUSED, "'Visit' is not one of the choices (day, visit, rehab)"},
    {"main", "day visit", WANT_REFUSED,
     "'day visit' is not one of the choices (day, visit, rehab)"},
    /* A long list is cut short in the message. */
    {"big", "z", WANT_REFUSED,
     "'z' is not one of the choices (a, b, c, d, e, f, g, h, i, j, k, l, "
     "…)"},
    /* Several choices. */
    /* Kept in the list's order, repeats dropped, so equal answers compare
     * equal. */
    {"used", "rehab day", WANT_TEXT, "day rehab"},
    {"used", "visit,day,visit", WANT_TEXT, "day visit"},
    {"used", "rehab、visit\u3000day", WANT_TEXT, "day visit rehab"},
    {"used", "  visit  ", WANT_TEXT, "visit"},
    {"used", " , ", WANT_NULL, ""},
    {"used", "day bus", WANT_REFUSED, "'bus' is not one of the choices (day, visit, rehab)"},
};

static void ok_real(void **state, const char *id, const char *text, double want)
{
	struct kaigi_value *v = ok(state, id, text);
	if (v->type != KAIGI_REAL || v->r != want)
		fail_msg("%s: '%s' gave type %d value %g, not %g", id, text, v->type, v->r, want);
}

/* Each row through the field's parser; ok_* and bad name the row's field and
 * text when it fails. */
static void answers_parsed(void **state)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		const struct value_case *c = &values[i];
		switch (c->kind) {
		case WANT_INT:
			ok_int(state, c->field, c->typed, strtoll(c->want, NULL, 10));
			break;
		case WANT_TEXT:
			ok_text(state, c->field, c->typed, c->want);
			break;
		case WANT_REAL:
			ok_real(state, c->field, c->typed, strtod(c->want, NULL));
			break;
		case WANT_NULL:
			ok_null(state, c->field, c->typed);
			break;
		case WANT_REFUSED:
			bad(state, c->field, c->typed, c->want);
			break;
		}
	}
}

static void booleans(void **state)
{
	static const char *const yes[] = {"yes", "true", "1", "はい", "有", "あり", "TRUE", "On"};
	static const char *const no[] = {"no", "false", "0", "いいえ", "無", "なし", "No", "off"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ok_int(state, "alone", yes[i], 1);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ok_int(state, "alone", no[i], 0);
	ok_int(state, "alone", "１", 1);
	ok_null(state, "alone", " ");
	bad(state, "alone", "maybe", "'maybe' is not yes or no");
	bad(state, "alone", "2", "'2' is not yes or no");
}

static void scale_values(void **state)
{
	ok_int(state, "level", "2", 2);
	ok_int(state, "level", "３", 3);
	bad(state, "level", "4", "'4' is not one of the choices (1, 2, 3)");
	bad(state, "level", "high", "'high' is not a whole number");
	/* Another list (a grid row's override) replaces the field's own. */
	struct tset *t = *state;
	const struct schema_form *form = schema_form_find(&t->set, "t");
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(
	    schema_value_parse(tset_field(state, "main"), &form->lists[1], "b", &v, &err),
	    KAIGI_OK);
	assert_string_equal(v.s, "b");
	assert_int_equal(
	    schema_value_parse(tset_field(state, "main"), &form->lists[1], "day", &v, &err),
	    KAIGI_EDATA);
	kaigi_value_clear(&v);
}

static void compound_fields_take_no_single_value(void **state)
{
	bad(state, "plan", "x", "a list holds cells or items, not a single value");
}

static void constraint_pass_and_fail(void **state)
{
	const struct schema_field *w = tset_field(state, "weight");
	struct tvals vals = {0};
	struct kaigi_error err;
	tvals_real(&vals, "weight", 60.0);
	tvals_real(&vals, "height", 160.0);
	assert_int_equal(schema_constraint_check(w, tvals_lookup, &vals, "ja", &err), KAIGI_OK);
	tvals_free(&vals);
	/* Out of range: the form's own message, in the language asked for. */
	tvals_real(&vals, "weight", 250.0);
	tvals_null(&vals, "height");
	assert_int_equal(schema_constraint_check(w, tvals_lookup, &vals, "ja", &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "体重を確かめてください");
	assert_int_equal(schema_constraint_check(w, tvals_lookup, &vals, "en", &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "Check the weight");
	tvals_free(&vals);
	/* It may read other fields. */
	tvals_real(&vals, "weight", 150.0);
	tvals_real(&vals, "height", 140.0);
	assert_int_equal(schema_constraint_check(w, tvals_lookup, &vals, "en", &err), KAIGI_EDATA);
	tvals_free(&vals);
	/* Unanswered: a NULL result passes (that is `required`'s business). */
	tvals_null(&vals, "weight");
	tvals_null(&vals, "height");
	assert_int_equal(schema_constraint_check(w, tvals_lookup, &vals, "en", &err), KAIGI_OK);
	tvals_free(&vals);
	/* Without a message, the expression is shown. */
	const struct schema_field *s = tset_field(state, "steps");
	tvals_int(&vals, "steps", 3);
	assert_int_equal(schema_constraint_check(s, tvals_lookup, &vals, "ja", &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "the value does not meet: :steps % 2 = 0");
	tvals_free(&vals);
	tvals_int(&vals, "steps", 4);
	assert_int_equal(schema_constraint_check(s, tvals_lookup, &vals, "ja", &err), KAIGI_OK);
	tvals_free(&vals);
	/* A field without a constraint always passes, without evaluating. */
	assert_int_equal(schema_constraint_check(tset_field(state, "age"), NULL, NULL, "ja", &err),
			 KAIGI_OK);
	/* A value the lookup cannot give is an error, not a pass. */
	assert_int_equal(schema_constraint_check(s, tvals_lookup, &vals, "ja", &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "expression refers to unknown field :steps");
}

static void value_helpers(void **state)
{
	(void)state;
	struct kaigi_value a = {0}, b = {0};
	char *s = kaigi_value_to_text(&a);
	assert_string_equal(s, "");
	free(s);
	assert_false(kaigi_value_truthy(&a));
	kaigi_value_set_int(&a, -3);
	s = kaigi_value_to_text(&a);
	assert_string_equal(s, "-3");
	free(s);
	assert_true(kaigi_value_truthy(&a));
	kaigi_value_set_real(&a, 22.5);
	s = kaigi_value_to_text(&a);
	assert_string_equal(s, "22.5");
	free(s);
	kaigi_value_set_real(&a, 0.1 + 0.2);
	s = kaigi_value_to_text(&a);
	assert_string_equal(s, "0.3");
	free(s);
	kaigi_value_set_text(&a, "要介護1");
	kaigi_value_copy(&b, &a);
	assert_int_equal(b.type, KAIGI_TEXT);
	assert_ptr_not_equal(a.s, b.s);
	assert_string_equal(b.s, "要介護1");
	/* SQLite's truth for text: its numeric prefix. */
	assert_false(kaigi_value_truthy(&a));
	kaigi_value_set_text(&a, "2 items");
	assert_true(kaigi_value_truthy(&a));
	kaigi_value_set_text(&a, "0.0");
	assert_false(kaigi_value_truthy(&a));
	kaigi_value_set_real(&a, 0.0);
	assert_false(kaigi_value_truthy(&a));
	/* Setting over text frees it (the leak checker watches). */
	kaigi_value_set_int(&b, 1);
	kaigi_value_copy(&b, &a);
	assert_int_equal(b.type, KAIGI_REAL);
	kaigi_value_clear(&a);
	kaigi_value_copy(&b, &a);
	assert_int_equal(b.type, KAIGI_NULL);
	kaigi_value_clear(&b);
}

static void error_formatting(void **state)
{
	(void)state;
	struct kaigi_error e;
	char buf[128];
	kaigi_error_set(&e, KAIGI_EDATA, "forms/a.yaml", 3, 7, "unknown key '%s'", "lable");
	kaigi_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "forms/a.yaml:3:7: error: unknown key 'lable'");
	kaigi_error_set(&e, KAIGI_EENV, "forms/a.yaml", 0, 0, "cannot read");
	kaigi_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "forms/a.yaml: error: cannot read");
	kaigi_error_set(&e, KAIGI_EUSAGE, NULL, 0, 0, "no file");
	kaigi_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "error: no file");
	/* Cut safely. */
	kaigi_error_format(&e, buf, 6);
	assert_string_equal(buf, "error");
}

/* The UI's gettext, standing in: one Japanese message. */
static const char *fake_gettext(const char *msgid)
{
	if (strcmp(msgid, "'%s' is not a whole number") == 0)
		return "整数ではありません。例 82：「%s」";
	return msgid;
}

/* Refusals are msgids: with a translator installed (the UI) they come out
 * in its language; without one (the command line) in English. */
static void refusals_are_translatable(void **state)
{
	struct kaigi_value v = {0};
	struct kaigi_error err;
	kaigi_error_set_translator(fake_gettext);
	assert_int_equal(schema_value_parse(tset_field(state, "age"), NULL, "八十", &v, &err),
			 KAIGI_EDATA);
	assert_string_equal(err.msg, "整数ではありません。例 82：「八十」");
	assert_string_equal(kaigi_tr(""), ""); /* never the catalogue's header */
	kaigi_error_set_translator(NULL);
	assert_int_equal(schema_value_parse(tset_field(state, "age"), NULL, "八十", &v, &err),
			 KAIGI_EDATA);
	assert_string_equal(err.msg, "'八十' is not a whole number");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(answers_parsed),
	    T(booleans),
	    T(scale_values),
	    T(compound_fields_take_no_single_value),
	    T(constraint_pass_and_fail),
	    T(value_helpers),
	    T(error_formatting),
	    T(refusals_are_translatable),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	kaigi_value_clear(&last);
	return rc;
}
