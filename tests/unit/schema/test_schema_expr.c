// SPDX-License-Identifier: MIT
/*
 * test_schema_expr.c — form expressions evaluated by SQLite: values and types,
 * named parameters, selected()/count_selected(), and the sandbox: what a
 * form file must never reach (subqueries, tables, pragmas, extensions,
 * recursive queries) and a runaway expression stopped by the step budget.
 */
#include <math.h>
#include <time.h>

#include "schema_cases.h"

static int engine_setup(void **state)
{
	struct expr_engine *eng = NULL;
	struct kaigi_error err;
	if (expr_engine_open(&eng, &err) != KAIGI_OK)
		return -1;
	*state = eng;
	return 0;
}

static int engine_teardown(void **state)
{
	/* Frees every expression still compiled on it (the leak checker
	 * watches). */
	expr_engine_close(*state);
	return 0;
}

/* Compile src, failing the test with SQLite's message if it does not. */
static struct expr *compile(struct expr_engine *eng, const char *src)
{
	struct expr *e = NULL;
	struct kaigi_error err;
	int off = 0;
	if (expr_compile(eng, src, &e, &off, &err) != KAIGI_OK)
		fail_msg("%s (compiling %.60s)", err.msg, src);
	assert_non_null(e);
	assert_string_equal(expr_source(e), src);
	return e;
}

/* Compile src, which must be refused with msg at byte offset want_off. */
static void refused(struct expr_engine *eng, const char *src, const char *msg, int want_off)
{
	struct expr *e = (struct expr *)1;
	struct kaigi_error err;
	int off = 12345;
	assert_int_equal(expr_compile(eng, src, &e, &off, &err), KAIGI_EDATA);
	assert_null(e);
	assert_int_equal(err.status, KAIGI_EDATA);
	assert_string_equal(err.msg, msg);
	assert_int_equal(off, want_off);
}

static void values_keep_sqlite_types(void **state)
{
	struct expr_engine *eng = *state;
	struct kaigi_value v = {0};
	eval_ok(compile(eng, "1 + 2"), NULL, &v);
	assert_int_equal(v.type, KAIGI_INT);
	assert_int_equal(v.i, 3);
	eval_ok(compile(eng, "7 / 2.0"), NULL, &v);
	assert_int_equal(v.type, KAIGI_REAL);
	assert_true(v.r == 3.5);
	/* Integer division stays integer, as in SQLite. */
	eval_ok(compile(eng, "7 / 2"), NULL, &v);
	assert_int_equal(v.i, 3);
	eval_ok(compile(eng, "'要' || '支援' || 1"), NULL, &v);
	assert_int_equal(v.type, KAIGI_TEXT);
	assert_string_equal(v.s, "要支援1");
	eval_ok(compile(eng, "NULL"), NULL, &v);
	assert_int_equal(v.type, KAIGI_NULL);
	eval_ok(compile(eng, "date('2026-03-31', '+1 month')"), NULL, &v);
	assert_string_equal(v.s, "2026-05-01");
	/* A trailing comment cannot swallow the closing bracket. */
	eval_ok(compile(eng, "40 + 2 -- the answer"), NULL, &v);
	assert_int_equal(v.i, 42);
	kaigi_value_clear(&v);
}

static void named_parameters(void **state)
{
	struct expr_engine *eng = *state;
	struct expr *e = compile(eng, ":a * 10 + :b + :a");
	/* Each name once, in order of first use, without the ':'. */
	assert_int_equal(expr_param_count(e), 2);
	assert_string_equal(expr_param_name(e, 0), "a");
	assert_string_equal(expr_param_name(e, 1), "b");
	assert_null(expr_param_name(e, 2));
	struct tvals vals = {0};
	tvals_int(&vals, "a", 4);
	tvals_int(&vals, "b", 2);
	struct kaigi_value v = {0};
	eval_ok(e, &vals, &v);
	assert_int_equal(v.i, 46);
	/* Evaluated again with other values: nothing stale. */
	tvals_free(&vals);
	tvals_int(&vals, "a", 1);
	tvals_null(&vals, "b");
	eval_ok(e, &vals, &v);
	assert_int_equal(v.type, KAIGI_NULL);
	/* An unknown name fails the evaluation, naming it. */
	tvals_free(&vals);
	tvals_int(&vals, "a", 1);
	struct kaigi_error err;
	assert_int_equal(expr_eval(e, tvals_lookup, &vals, &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "expression refers to unknown field :b");
	assert_int_equal(v.type, KAIGI_NULL);
	assert_int_equal(expr_eval(e, NULL, NULL, &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "expression refers to unknown field :a");
	/* $ and @ spell named parameters too. */
	struct expr *d = compile(eng, "$x + @y");
	assert_string_equal(expr_param_name(d, 0), "x");
	assert_string_equal(expr_param_name(d, 1), "y");
	tvals_free(&vals);
}

static void bmi_is_computed(void **state)
{
	struct expr_engine *eng = *state;
	struct expr *bmi =
	    compile(eng, "round(:weight / ((:height / 100.0) * (:height / 100.0)), 1)");
	/* Weight and height (NAN: no answer), as decimals or typed in as whole
	 * numbers, and the BMI (NAN: none). */
	static const struct {
		double weight, height;
		bool whole;
		double want;
	} cases[] = {
	    {65.0, 170.0, false, 22.5},
	    /* Integers as typed in, and rounding to one place. */
	    {48, 152, true, 20.8},
	    /* Either missing: no BMI. */
	    {48, NAN, true, NAN},
	    /* Height 0: SQLite gives NULL, not a crash or infinity. */
	    {48, 0, true, NAN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tvals vals = {0};
		const char *names[] = {"weight", "height"};
		double given[] = {cases[i].weight, cases[i].height};
		for (size_t k = 0; k < 2; k++)
			if (isnan(given[k]))
				tvals_null(&vals, names[k]);
			else if (cases[i].whole)
				tvals_int(&vals, names[k], (long long)given[k]);
			else
				tvals_real(&vals, names[k], given[k]);
		struct kaigi_value v = {0};
		eval_ok(bmi, &vals, &v);
		print_message("BMI of %g kg, %g cm\n", cases[i].weight, cases[i].height);
		assert_int_equal(v.type, isnan(cases[i].want) ? KAIGI_NULL : KAIGI_REAL);
		if (!isnan(cases[i].want))
			assert_true(v.r == cases[i].want);
		tvals_free(&vals);
	}
}

static void relevant_true_and_false(void **state)
{
	struct expr_engine *eng = *state;
	struct expr *rel = compile(eng, ":sex = 'F' AND :age >= 65");
	struct tvals vals = {0};
	struct kaigi_value v = {0};
	tvals_text(&vals, "sex", "F");
	tvals_int(&vals, "age", 80);
	eval_ok(rel, &vals, &v);
	assert_int_equal(v.type, KAIGI_INT);
	assert_int_equal(v.i, 1);
	assert_true(kaigi_value_truthy(&v));
	tvals_free(&vals);
	tvals_text(&vals, "sex", "M");
	tvals_int(&vals, "age", 80);
	eval_ok(rel, &vals, &v);
	assert_int_equal(v.i, 0);
	assert_false(kaigi_value_truthy(&v));
	/* Unanswered: NULL, which is not true. */
	tvals_free(&vals);
	tvals_null(&vals, "sex");
	tvals_int(&vals, "age", 80);
	eval_ok(rel, &vals, &v);
	assert_int_equal(v.type, KAIGI_NULL);
	assert_false(kaigi_value_truthy(&v));
	tvals_free(&vals);
}

static void selected_and_count_selected(void **state)
{
	struct expr_engine *eng = *state;
	struct expr *sel = compile(eng, "selected(:m, :v)");
	struct expr *cnt = compile(eng, "count_selected(:m)");
	static const struct {
		const char *m, *v;
		int selected;
		int count;
	} cases[] = {
	    {"1 3 5", "3", 1, 3},
	    {"1 3 5", "1", 1, 3},
	    {"1 3 5", "5", 1, 3},
	    {"1 3 5", "2", 0, 3},
	    /* Whole values only: "1" is not part of "13". */
	    {"13 21", "1", 0, 2},
	    {"13 21", "13 21", 0, 2},
	    {"  a   b ", "b", 1, 2},
	    {"a", "", 0, 1},
	    {"", "a", 0, 0},
	    {"transport 送迎", "送迎", 1, 2},
	};
	struct kaigi_value v = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tvals vals = {0};
		tvals_text(&vals, "m", cases[i].m);
		tvals_text(&vals, "v", cases[i].v);
		eval_ok(sel, &vals, &v);
		assert_int_equal(v.type, KAIGI_INT);
		if (v.i != cases[i].selected)
			fail_msg("selected('%s', '%s') = %lld", cases[i].m, cases[i].v, v.i);
		eval_ok(cnt, &vals, &v);
		if (v.i != cases[i].count)
			fail_msg("count_selected('%s') = %lld", cases[i].m, v.i);
		tvals_free(&vals);
	}
	/* Unanswered: nothing selected. */
	struct tvals vals = {0};
	tvals_null(&vals, "m");
	tvals_text(&vals, "v", "a");
	eval_ok(sel, &vals, &v);
	assert_int_equal(v.i, 0);
	eval_ok(cnt, &vals, &v);
	assert_int_equal(v.i, 0);
	tvals_free(&vals);
	/* In a form: key problems 1 and 3 both chosen, or at least two. */
	struct expr *rel = compile(eng, "selected(:key, '1') AND count_selected(:key) >= 2");
	tvals_text(&vals, "key", "1 3");
	eval_ok(rel, &vals, &v);
	assert_int_equal(v.i, 1);
	tvals_free(&vals);
	/* Wrong number of arguments is a compile error. */
	refused(eng, "selected(:m)",
		"invalid expression: wrong number of arguments to function selected()", 0);
}

static void compile_errors_say_where(void **state)
{
	struct expr_engine *eng = *state;
	refused(eng, "", "empty expression", -1);
	refused(eng, "  \n ", "empty expression", -1);
	refused(eng, ":height >> > 0", "invalid expression: near \">\": syntax error", 11);
	refused(eng, ":a + nosuch(1)", "invalid expression: no such function: nosuch", 5);
	refused(eng, ":a >",
		"invalid expression: unexpected end (is a value missing, or is there one ')' too "
		"many?)",
		4);
	refused(eng, "(:a = 1", "invalid expression: it ends too early (is a ')' missing?)", -1);
	refused(eng, ":a = 'abc", "invalid expression: the quote ' here is never closed", 5);
	refused(eng, "1, 2", "invalid expression: row value misused", -1);
	refused(eng, "1; SELECT 2", "invalid expression: near \";\": syntax error", 1);
	refused(eng, "1)  ;  SELECT (2", "invalid expression: expected a single expression", 5);
	refused(eng, "? + 1", "invalid expression: use named fields like :height, not ?", -1);
	refused(eng, "?1", "invalid expression: use named fields like :height, not ?", -1);
}

static void sandbox_refuses_subqueries(void **state)
{
	struct expr_engine *eng = *state;
	static const char sub[] =
	    "subqueries (SELECT, EXISTS, IN (SELECT …), WITH) are not allowed in expressions";
	refused(eng, "(SELECT 1)", sub, -1);
	refused(eng, ":a > (SELECT 1)", sub, -1);
	refused(eng, "EXISTS (SELECT 1)", sub, -1);
	refused(eng, ":a IN (SELECT 1 UNION SELECT 2)", sub, -1);
	refused(eng, "(SELECT count(*) FROM sqlite_master)", sub, -1);
	refused(eng, "(SELECT group_concat(name) FROM sqlite_schema)",
		"expressions cannot read tables (sqlite_master.name); use :field names", -1);
	/* A recursive query, the classic way to loop for ever. */
	refused(eng,
		"(WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) "
		"FROM n)",
		sub, -1);
	refused(eng, "(WITH RECURSIVE n(x) AS (VALUES(1) UNION ALL SELECT x + 1 FROM n) SELECT 1)",
		sub, -1);
}

static void sandbox_refuses_extensions_tables_and_pragmas(void **state)
{
	struct expr_engine *eng = *state;
	refused(eng, "load_extension('/tmp/evil.so')",
		"function load_extension() is not allowed in expressions", 0);
	refused(eng, ":a + LOAD_EXTENSION('x', 'y')",
		"function load_extension() is not allowed in expressions", 5);
	refused(eng, "fts3_tokenizer('simple')",
		"function fts3_tokenizer() is not allowed in expressions", 0);
	/* No FROM: a table's column is just an unknown name. */
	refused(eng, "sqlite_master.name", "invalid expression: no such column: sqlite_master.name",
		0);
	/* Table-valued functions, pragma ones included, never compile. */
	static const char pure[] = "only a pure expression is allowed here (no tables, table "
				   "functions such as json_each(), or statements)";
	refused(eng, "(SELECT * FROM pragma_table_info('x')) IS NULL", pure, -1);
	refused(eng, ":a IN (SELECT value FROM json_each('[1,2]'))", pure, -1);
	refused(eng, "1); PRAGMA writable_schema = 1; SELECT (1",
		"invalid expression: expected a single expression", 3);
	refused(eng, "1); ATTACH 'x.db' AS x; SELECT (1",
		"invalid expression: expected a single expression", 3);
	/* And the engine still works afterwards. */
	struct kaigi_value v = {0};
	eval_ok(compile(eng, "abs(-3)"), NULL, &v);
	assert_int_equal(v.i, 3);
}

static void sandbox_caps_sizes(void **state)
{
	struct expr_engine *eng = *state;
	struct kaigi_value v = {0};
	struct kaigi_error err;
	/* A blob, and a text that grows past 1 MB: what fits is computed, what
	 * does not is stopped. */
	static const struct {
		const char *src;
		long long fits, len, too_big;
	} sizes[] = {
	    {"length(zeroblob(:n))", 1000, 1000, 1000000000},
	    {"length(hex(zeroblob(:n)))", 400000, 800000, 600000},
	};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct expr *e = compile(eng, sizes[i].src);
		struct tvals vals = {0};
		tvals_int(&vals, "n", sizes[i].fits);
		eval_ok(e, &vals, &v);
		assert_int_equal(v.i, sizes[i].len);
		tvals_free(&vals);
		tvals_int(&vals, "n", sizes[i].too_big);
		assert_int_equal(expr_eval(e, tvals_lookup, &vals, &v, &err), KAIGI_EDATA);
		assert_string_equal(err.msg, "expression failed: string or blob too big");
		tvals_free(&vals);
	}
	/* Deep expressions are refused when compiled. */
	char deep[1024] = "1";
	for (int i = 0; i < 150; i++)
		strcat(deep, "+1");
	struct expr *e = NULL;
	assert_int_equal(expr_compile(eng, deep, &e, NULL, &err), KAIGI_EDATA);
	assert_string_equal(err.msg,
			    "invalid expression: Expression tree is too large (maximum depth 100)");
	deep[0] = '\0';
	for (int i = 0; i < 200; i++)
		strcat(deep, "(");
	strcat(deep, "1");
	for (int i = 0; i < 200; i++)
		strcat(deep, ")");
	assert_int_equal(expr_compile(eng, deep, &e, NULL, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "invalid expression: parser stack overflow");
	assert_null(e);
}

/* SQLite pads printf('%.*c') inside one step, past its length limit and
 * out of the progress handler's reach: 2147483647 took 20 s. */
static void printf_widths_are_bounded(void **state)
{
	struct expr_engine *eng = *state;
	struct kaigi_value v = {0};
	struct kaigi_error err;
	struct tvals vals = {0};
	static const char *const huge[] = {
	    "printf('%.*c', 2147483647, 'x')", "format('%.*c', :n, 'x')",
	    "printf('%.2147483647c', 'x')",    "length(printf('%*d', -2147483647, 1))",
	    "printf('%s%.*c', 'a', :n, 'x')",
	};
	tvals_int(&vals, "n", 2147483647);
	for (size_t i = 0; i < sizeof huge / sizeof *huge; i++) {
		clock_t t0 = clock();
		assert_int_equal(expr_eval(compile(eng, huge[i]), tvals_lookup, &vals, &v, &err),
				 KAIGI_EDATA);
		assert_true(clock() - t0 < CLOCKS_PER_SEC / 10);
		assert_string_equal(err.msg, "expression failed: printf(): a width or precision "
					     "over 100000 is not allowed");
	}
	tvals_free(&vals);
	/* Ordinary formats still work, through SQLite's own printf. */
	eval_ok(compile(eng, "printf('%05.1f|%-3s|%d%%|%.3c', 3.14159, 'ab', 7, 'z')"), NULL, &v);
	assert_string_equal(v.s, "003.1|ab |7%|zzz");
	eval_ok(compile(eng, "length(printf('%.*c', 100000, 'x'))"), NULL, &v);
	assert_int_equal(v.i, 100000);
	kaigi_value_clear(&v);
}

/* CASE :x WHEN 0 THEN 0 … WHEN n-1 THEN n-1 END: about 2n steps when :x
 * matches none. */
static char *long_case(int n)
{
	size_t cap = (size_t)n * 40 + 64, used = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	used += (size_t)snprintf(s, cap, "CASE :x");
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, cap - used, " WHEN %d THEN %d", i, i);
	snprintf(s + used, cap - used, " ELSE -1 END");
	return s;
}

static void runaway_expression_is_stopped(void **state)
{
	struct expr_engine *eng = *state;
	char *src = long_case(3000);
	struct expr *e = compile(eng, src);
	free(src);
	struct tvals vals = {0};
	tvals_int(&vals, "x", -5);
	struct kaigi_value v = {0};
	struct kaigi_error err;
	/* Within the default budget it finishes. */
	eval_ok(e, &vals, &v);
	assert_int_equal(v.i, -1);
	/* With a budget far smaller than its work, the progress handler stops
	 * it. */
	expr_engine_set_budget(eng, 1000);
	assert_int_equal(expr_eval(e, tvals_lookup, &vals, &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "expression stopped: it took too long to evaluate");
	assert_int_equal(v.type, KAIGI_NULL);
	/* A small expression still fits in the small budget... */
	struct expr *small = compile(eng, ":x + 1");
	eval_ok(small, &vals, &v);
	assert_int_equal(v.i, -4);
	/* ...the budget is per evaluation, not spent for good... */
	assert_int_equal(expr_eval(e, tvals_lookup, &vals, &v, &err), KAIGI_EDATA);
	eval_ok(small, &vals, &v);
	assert_int_equal(v.i, -4);
	/* ...and the stopped expression runs again once the budget allows. */
	expr_engine_set_budget(eng, 100000);
	eval_ok(e, &vals, &v);
	assert_int_equal(v.i, -1);
	/* The same kind of expression, short, fits in the small budget. */
	expr_engine_set_budget(eng, 1000);
	char *short_src = long_case(5);
	struct expr *s = compile(eng, short_src);
	free(short_src);
	eval_ok(s, &vals, &v);
	assert_int_equal(v.i, -1);
	tvals_free(&vals);
}

static void expressions_freed_one_by_one_or_with_the_engine(void **state)
{
	struct expr_engine *eng = *state;
	struct expr *a = compile(eng, "1");
	struct expr *b = compile(eng, "2");
	struct expr *c = compile(eng, "3");
	/* Middle, then first; the last is left for expr_engine_close. */
	expr_free(b);
	expr_free(a);
	expr_free(NULL);
	struct kaigi_value v = {0};
	eval_ok(c, NULL, &v);
	assert_int_equal(v.i, 3);
}

#define T(f) cmocka_unit_test_setup_teardown(f, engine_setup, engine_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(values_keep_sqlite_types),
	    T(named_parameters),
	    T(bmi_is_computed),
	    T(relevant_true_and_false),
	    T(selected_and_count_selected),
	    T(compile_errors_say_where),
	    T(sandbox_refuses_subqueries),
	    T(sandbox_refuses_extensions_tables_and_pragmas),
	    T(sandbox_caps_sizes),
	    T(printf_widths_are_bounded),
	    T(runaway_expression_is_stopped),
	    T(expressions_freed_one_by_one_or_with_the_engine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
