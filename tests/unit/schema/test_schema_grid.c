// SPDX-License-Identifier: MIT
/*
 * test_schema_grid.c — the compound field types: grid (typed columns, rows,
 * per-row choice overrides, cells not applicable), list (items of typed
 * fields, min/max_items, item_label, better, tally), calculate, choices taken from another
 * field, and what an expression may refer to from each place.
 */
#include "schema_cases.h"

/* The files the tests load (each named beside its test in main). */
static const char adl_form[] =
    "form: t\n"
    "version: 1\n"
    "title: T\n"
    "choices:\n"
    "  support:\n"
    "    - {value: 1, label: {ja: 自立, en: Independent}}\n"
    "    - {value: 2, label: {ja: 見守り, en: Supervision}}\n"
    "    - {value: 3, label: {ja: 全介助, en: Full help}}\n"
    "  impairment:\n"
    "    - {value: 1, label: {ja: 支障なし, en: No problem}}\n"
    "    - {value: 2, label: {ja: 支障あり, en: Problem}}\n"
    "sections:\n"
    "  - id: grid\n"
    "    title: Grid\n"
    "    fields:\n"
    "      - id: adl\n"
    "        type: grid\n"
    "        label: {ja: 状況の事実, en: Facts}\n"
    "        columns:\n"
    "          - {id: now, type: scale, label: Now, choices: support}\n"
    "          - {id: after, type: scale, label: After, choices: support}\n"
    "          - {id: up, type: calculate, label: ↑, calculate: \"CASE WHEN :after < :now "
    "THEN '↑' ELSE '' END\"}\n"
    "          - {id: note, type: text, label: Note}\n"
    "        rows:\n"
    "          - {id: eating, label: {ja: 食事, en: Eating}, group: ADL}\n"
    "          - id: cognition\n"
    "            label: {ja: 認知, en: Cognition}\n"
    "            group: {ja: 状態, en: Condition}\n"
    "            choices: {now: impairment, after: impairment}\n"
    "            na: [up]\n"
    "          - {id: money, label: Money, na: true}\n"
    "          - {id: phone, label: Phone, na: false}\n";

/* A rating as its short code: a label "code + explanation" in English
 * ("〇1 independent") reads as the Japanese code; other labels in the
 * language asked; a value not on the list as typed; no value: NULL. */
static const char cell_code_yaml[] =
    FORM("      - id: adl\n"
	 "        type: grid\n"
	 "        label: ADL\n"
	 "        columns:\n"
	 "          - id: now\n"
	 "            type: scale\n"
	 "            label: Now\n"
	 "            choices:\n"
	 "              - {value: 1, label: {ja: 〇1, en: \"〇1 independent, easy\"}}\n"
	 "              - {value: 2, label: {ja: 見守り, en: Supervision}}\n"
	 "          - {id: note, type: text, label: Note}\n"
	 "        rows:\n"
	 "          - {id: eating, label: Eating}\n");

static const char plan_form[] =
    FORM("      - id: issues\n"
	 "        type: list\n"
	 "        label: {ja: 課題, en: Issues}\n"
	 "        min_items: 1\n"
	 "        max_items: 6\n"
	 "        item_label: need\n"
	 "        fields:\n"
	 "          - {id: demand, type: text, label: Demand}\n"
	 "          - {id: need, type: text, label: Need, required: true}\n"
	 "          - {id: urgent, type: boolean, label: Urgent, default: no}\n"
	 "      - id: goals\n"
	 "        type: list\n"
	 "        label: Goals\n"
	 "        fields:\n"
	 "          - {id: text, type: text, label: Goal}\n"
	 "          - {id: issue, type: select_one, label: Issue, choices_from: {field: issues, "
	 "label: need}}\n"
	 "      - id: adl\n"
	 "        type: grid\n"
	 "        label: ADL\n"
	 "        columns:\n"
	 "          - {id: factors, type: select_multiple, label: Factors, choices_from: {field: "
	 "issues, label: need}}\n"
	 "        rows: [{id: eating, label: Eating}, {id: bathing, label: Bathing}]\n"
	 "      - {id: rows, type: select_multiple, label: Rows, choices_from: {field: adl}}\n");

static const char bmi_yaml[] =
    FORM("      - {id: height, type: decimal, label: Height}\n"
	 "      - {id: weight, type: decimal, label: Weight}\n"
	 "      - id: bmi\n"
	 "        type: calculate\n"
	 "        label: BMI\n"
	 "        calculate: \"round(:weight / ((:height / 100.0) * (:height / "
	 "100.0)), 1)\"\n"
	 "      - {id: obese, type: calculate, label: Obese, calculate: \":bmi >= "
	 "30\"}\n");

static void grid_columns_and_rows(void **state)
{
	const struct schema_field *g = tset_field(state, "adl");
	assert_int_equal(g->type, SCHEMA_GRID);
	assert_int_equal(g->ncolumns, 4);
	assert_int_equal(g->nrows, 4);
	/* A column is a typed field. */
	assert_string_equal(g->columns[0].id, "now");
	assert_int_equal(g->columns[0].type, SCHEMA_SCALE);
	assert_int_equal(g->columns[2].type, SCHEMA_CALCULATE);
	assert_non_null(g->columns[2].calculate);
	assert_int_equal(g->columns[3].type, SCHEMA_TEXT);
	assert_ptr_equal(schema_subfield_find(g, "after"), &g->columns[1]);
	assert_null(schema_subfield_find(g, "eating"));
	/* Columns are not top-level fields. */
	assert_null(schema_field_find(tset_form(state), "now"));

	const struct schema_grid_row *eating = schema_row_find(g, "eating");
	assert_ptr_equal(eating, &g->rows[0]);
	assert_string_equal(eating->label.ja, "食事");
	assert_string_equal(eating->group.en, "ADL");
	assert_int_equal(eating->pos.line, 25);
	assert_int_equal(eating->pos.col, 13);
	const struct schema_grid_row *cog = schema_row_find(g, "cognition");
	assert_string_equal(schema_label_get(&cog->group, "en"), "Condition");
	assert_null(schema_row_find(g, "bathing"));
	/* No group given: an empty label. */
	assert_string_equal(schema_label_get(&g->rows[2].group, "ja"), "");
}

static void grid_row_overrides_choices(void **state)
{
	const struct schema_form *form = tset_form(state);
	const struct schema_choice_list *support = &form->lists[0], *impairment = &form->lists[1];
	const struct schema_field *g = tset_field(state, "adl");
	const struct schema_grid_row *eating = schema_row_find(g, "eating");
	const struct schema_grid_row *cog = schema_row_find(g, "cognition");
	assert_ptr_equal(schema_cell_choices(g, eating, 0), support);
	assert_ptr_equal(schema_cell_choices(g, eating, 1), support);
	assert_ptr_equal(schema_cell_choices(g, cog, 0), impairment);
	assert_ptr_equal(schema_cell_choices(g, cog, 1), impairment);
	/* No row: the column's own. */
	assert_ptr_equal(schema_cell_choices(g, NULL, 0), support);
	/* A column without choices, and one past the end. */
	assert_null(schema_cell_choices(g, cog, 3));
	assert_null(schema_cell_choices(g, cog, 4));

	/* An answer is checked against the row's list. */
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(
	    schema_value_parse(&g->columns[0], schema_cell_choices(g, eating, 0), "3", &v, &err),
	    KAIGI_OK);
	assert_int_equal(v.type, KAIGI_INT);
	assert_int_equal(v.i, 3);
	assert_int_equal(
	    schema_value_parse(&g->columns[0], schema_cell_choices(g, cog, 0), "3", &v, &err),
	    KAIGI_EDATA);
	assert_string_equal(err.msg, "'3' is not one of the choices (1, 2)");
	assert_int_equal(v.type, KAIGI_NULL);
}

static void grid_cell_code(void **state)
{
	const struct schema_field *g = tset_field(state, "adl");
	const struct schema_grid_row *row = &g->rows[0];
	struct kaigi_value v = {0};
	kaigi_value_set_int(&v, 1);
	char *c = schema_cell_code(g, row, 0, &v, "en");
	assert_string_equal(c, "〇1");
	free(c);
	c = schema_cell_code(g, row, 0, &v, "ja");
	assert_string_equal(c, "〇1");
	free(c);
	kaigi_value_set_int(&v, 2);
	c = schema_cell_code(g, row, 0, &v, "en");
	assert_string_equal(c, "Supervision");
	free(c);
	c = schema_cell_code(g, row, 0, &v, "ja");
	assert_string_equal(c, "見守り");
	free(c);
	kaigi_value_set_int(&v, 7); /* not a choice: as typed */
	c = schema_cell_code(g, row, 0, &v, "ja");
	assert_string_equal(c, "7");
	free(c);
	kaigi_value_set_text(&v, "stairs");
	c = schema_cell_code(g, row, 1, &v, "ja");
	assert_string_equal(c, "stairs");
	free(c);
	kaigi_value_clear(&v);
	assert_null(schema_cell_code(g, row, 0, &v, "ja"));
	assert_null(schema_cell_code(g, row, 0, NULL, "ja"));
}

static void grid_cells_not_applicable(void **state)
{
	const struct schema_field *g = tset_field(state, "adl");
	const struct schema_grid_row *r = g->rows;
	/* eating: all apply. */
	for (size_t c = 0; c < g->ncolumns; c++)
		assert_false(r[0].na[c]);
	/* cognition: na: [up] */
	assert_false(r[1].na[0]);
	assert_false(r[1].na[1]);
	assert_true(r[1].na[2]);
	assert_false(r[1].na[3]);
	/* money: na: true — every cell. */
	for (size_t c = 0; c < g->ncolumns; c++)
		assert_true(r[2].na[c]);
	/* phone: na: false — none. */
	for (size_t c = 0; c < g->ncolumns; c++)
		assert_false(r[3].na[c]);
	/* No overrides where none were given. */
	for (size_t c = 0; c < g->ncolumns; c++)
		assert_null(r[0].overrides[c]);
}

static void list_items_and_bounds(void **state)
{
	const struct schema_field *l = tset_field(state, "issues");
	assert_int_equal(l->type, SCHEMA_LIST);
	assert_int_equal(l->min_items, 1);
	assert_int_equal(l->max_items, 6);
	assert_string_equal(l->item_label, "need");
	assert_int_equal(l->nfields, 3);
	assert_ptr_equal(schema_subfield_find(l, "need"), &l->fields[1]);
	assert_true(l->fields[1].required);
	assert_string_equal(l->fields[2].default_value, "no");
	assert_int_equal(l->fields[2].pos.line, 17);
	/* Item fields are not top-level fields. */
	assert_null(schema_field_find(tset_form(state), "need"));
	/* Unset: no minimum, no maximum, no item label. */
	const struct schema_field *g = tset_field(state, "goals");
	assert_int_equal(g->min_items, 0);
	assert_int_equal(g->max_items, 0);
	assert_null(g->item_label);
}

static void choices_from_list_items_and_grid_rows(void **state)
{
	const struct schema_field *goals = tset_field(state, "goals");
	const struct schema_field *issue = schema_subfield_find(goals, "issue");
	assert_non_null(issue->choices_from);
	assert_null(issue->choices_from->form);
	assert_string_equal(issue->choices_from->field, "issues");
	assert_string_equal(issue->choices_from->label_field, "need");
	assert_null(issue->choices);
	/* A grid column may take its choices from a list too. */
	const struct schema_field *factors =
	    schema_subfield_find(tset_field(state, "adl"), "factors");
	assert_string_equal(factors->choices_from->field, "issues");
	/* From a grid: the rows, no label field needed. */
	const struct schema_field *rows = tset_field(state, "rows");
	assert_string_equal(rows->choices_from->field, "adl");
	assert_null(rows->choices_from->label_field);

	/* The members live in the record: only their form is checked here. */
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(schema_value_parse(issue, NULL, "２", &v, &err), KAIGI_OK);
	assert_int_equal(v.type, KAIGI_TEXT);
	assert_string_equal(v.s, "2");
	assert_int_equal(schema_value_parse(issue, NULL, "0", &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "'0' is not an item number or a row id");
	assert_int_equal(schema_value_parse(rows, NULL, "eating, bathing", &v, &err), KAIGI_OK);
	assert_string_equal(v.s, "eating bathing");
	assert_int_equal(schema_value_parse(rows, NULL, "Eating", &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "'Eating' is not an item number or a row id");
	kaigi_value_clear(&v);
}

static void calculate_fields(void **state)
{
	const struct schema_field *bmi = tset_field(state, "bmi");
	assert_int_equal(bmi->type, SCHEMA_CALCULATE);
	/* The parameters are the fields it reads, each once. */
	assert_int_equal(expr_param_count(bmi->calculate), 2);
	assert_string_equal(expr_param_name(bmi->calculate, 0), "weight");
	assert_string_equal(expr_param_name(bmi->calculate, 1), "height");
	assert_null(expr_param_name(bmi->calculate, 2));

	struct tvals vals = {0};
	tvals_real(&vals, "height", 160.0);
	tvals_real(&vals, "weight", 64.0);
	struct kaigi_value v = {0};
	eval_ok(bmi->calculate, &vals, &v);
	assert_int_equal(v.type, KAIGI_REAL);
	assert_true(v.r == 25.0);
	/* A calculated field feeds another one. */
	tvals_real(&vals, "bmi", v.r);
	eval_ok(tset_field(state, "obese")->calculate, &vals, &v);
	assert_int_equal(v.type, KAIGI_INT);
	assert_int_equal(v.i, 0);
	/* A calculated field is never typed in. */
	struct kaigi_error err;
	assert_int_equal(schema_value_parse(bmi, NULL, "25", &v, &err), KAIGI_EDATA);
	assert_string_equal(err.msg, "a calculated field cannot be set by hand");
	tvals_free(&vals);
}

/* Files the loader accepts (want ""), or refuses with every diagnostic it
 * prints, at its line and column. */
static const struct schema_load_case loads[] = {
    {"grid_mistakes",
     "form: t\n"
     "version: 1\n"
     "title: T\n"
     "choices:\n"
     "  yesno: [{value: y, label: Y}, {value: n, label: N}]\n"
     "sections:\n"
     "  - id: s\n"
     "    title: S\n"
     "    fields:\n"
     "      - id: g\n"
     "        type: grid\n"
     "        label: G\n"
     "        columns:\n"
     "          - {id: now, type: scale, label: Now, choices: [{value: 1, label: A}]}\n"
     "          - {id: note, type: text, label: Note}\n"
     "          - {id: note, type: text, label: Note}\n"
     "          - {id: sub, type: list, label: Sub, fields: [{id: x, type: text, label: "
     "X}]}\n"
     "        rows:\n"
     "          - {id: a, label: A, choices: {now: nolist}}\n"
     "          - {id: b, label: B, choices: {later: yesno}}\n"
     "          - {id: c, label: C, choices: {note: yesno}}\n"
     "          - {id: d, label: D, choices: {now: yesno}}\n"
     "          - {id: e, label: E, na: [later]}\n"
     "          - {id: a, label: A again, na: sometimes}\n"
     "      - {id: h, type: grid, label: H, columns: [{id: c, type: text, label: C}]}\n",
     "t.yaml:16:18: error: duplicate column id 'note' (first at line 15)\n"
     "t.yaml:17:29: error: a grid cannot hold a list: grids and lists do not nest\n"
     "t.yaml:19:46: error: no choice list named 'nolist' (define it under 'choices:' at "
     "the top of the form)\n"
     "t.yaml:20:41: error: row choices: no column 'later' in grid 'g'\n"
     "t.yaml:21:41: error: row choices: column 'note' is not a select_one, "
     "select_multiple or scale with its own choices\n"
     "t.yaml:22:46: error: a scale's choices must have whole-number values in order; 'y' "
     "(line 5) is not\n"
     "t.yaml:23:36: error: na: no column 'later' in grid 'g'\n"
     "t.yaml:24:18: error: duplicate row id 'a' (first at line 19)\n"
     "t.yaml:24:41: error: 'na' must be true, false or a list of column ids; found a text\n"
     "t.yaml:25:9: error: a grid needs 'rows'\n"},
    {"list_mistakes",
     FORM("      - id: l\n"
	  "        type: list\n"
	  "        label: L\n"
	  "        min_items: 3\n"
	  "        max_items: 2\n"
	  "        item_label: title\n"
	  "        fields:\n"
	  "          - {id: x, type: text, label: X}\n"
	  "          - {id: x, type: text, label: X}\n"
	  "          - {id: g, type: grid, label: G}\n"
	  "      - {id: m, type: list, label: M, max_items: 10001}\n"
	  "      - {id: n, type: text, label: N, min_items: 1}\n"),
     "t.yaml:11:20: error: 'min_items' (3) is larger than 'max_items' (2)\n"
     "t.yaml:13:21: error: item_label: no field 'title' in the list's fields\n"
     "t.yaml:16:18: error: duplicate item field id 'x' (first at line 15)\n"
     "t.yaml:17:27: error: a list cannot hold a grid: grids and lists do not nest\n"
     "t.yaml:18:9: error: a list needs 'fields' (what one item holds)\n"
     "t.yaml:18:50: error: 'max_items' must be between 0 and 10000, found 10001\n"
     "t.yaml:19:39: error: 'min_items' does not apply to a text field (only to list)\n"},
    {"choices_from_mistakes",
     FORM("      - {id: l, type: list, label: L, fields: [{id: x, type: text, label: X}]}\n"
	  "      - {id: a, type: select_one, label: A, choices_from: {field: nothing}}\n"
	  "      - {id: b, type: select_one, label: B, choices_from: {field: a}}\n"
	  "      - {id: c, type: select_one, label: C, choices_from: {field: l}}\n"
	  "      - {id: d, type: select_one, label: D, choices_from: {field: l, label: y}}\n"
	  "      - {id: e, type: select_one, label: E, choices_from: {fild: l}}\n"
	  "      - {id: f, type: scale, label: F, choices_from: {field: l, label: x}}\n"
	  "      - {id: g, type: text, label: G, choices_from: {field: l, label: x}}\n"),
     "t.yaml:9:67: error: choices_from: no list or grid field 'nothing' in this form\n"
     "t.yaml:10:67: error: choices_from: no list or grid field 'a' in this form\n"
     "t.yaml:11:67: error: choices_from: 'label' must name a field of list 'l'\n"
     "t.yaml:12:67: error: choices_from: 'label' must name a field of list 'l', not 'y'\n"
     "t.yaml:13:59: error: missing required key 'field'\n"
     "t.yaml:13:60: error: unknown key 'fild' in 'choices_from' ({field: …, label: …} or "
     "{form: …, field: …}) (expected one of: form, field, label)\n"
     "t.yaml:14:40: error: a scale needs its own ordered 'choices', not 'choices_from'\n"
     "t.yaml:15:39: error: 'choices_from' does not apply to a text field (only to "
     "select_one and select_multiple)\n"},
    /* A chain is not a cycle; nor is a row's column reading a top-level field of
     * the same name as another column. */
    {"calculate_chains_load",
     FORM("      - {id: a, type: integer, label: A}\n"
	  "      - {id: b, type: calculate, label: B, calculate: \":a + 1\"}\n"
	  "      - {id: c, type: calculate, label: C, calculate: \":b + :a\"}\n"
	  "      - id: g\n"
	  "        type: grid\n"
	  "        label: G\n"
	  "        columns:\n"
	  "          - {id: x, type: integer, label: X}\n"
	  "          - {id: b, type: calculate, label: B, calculate: \":x + :c\"}\n"
	  "        rows: [{id: r, label: R}]\n"),
     ""},
    {"calculate_cycles_refused",
     FORM("      - {id: a, type: calculate, label: A, calculate: \":c + 1\"}\n"
	  "      - {id: b, type: calculate, label: B, calculate: \":a * 2\"}\n"
	  "      - {id: c, type: calculate, label: C, calculate: \":b - 1\"}\n"
	  "      - {id: d, type: calculate, label: D, calculate: \"coalesce(:d, 0)\"}\n"
	  "      - {id: e, type: calculate, label: E, calculate: \":a + :b\"}\n"),
     "t.yaml:8:55: error: calculate: calculated fields form a cycle: a → c → b → a\n"
     "t.yaml:11:55: error: calculate: calculated fields form a cycle: d → d\n"},
    /* Columns see their row's cells and the form's fields; an item field sees
     * its item's fields; a column name shadows a top-level one. */
    {"expressions_see_their_row_or_item",
     FORM("      - {id: age, type: integer, label: Age}\n"
	  "      - {id: now, type: integer, label: Top-level now}\n"
	  "      - id: g\n"
	  "        type: grid\n"
	  "        label: G\n"
	  "        columns:\n"
	  "          - {id: now, type: integer, label: Now}\n"
	  "          - {id: later, type: integer, label: Later, relevant: \":now IS NOT "
	  "NULL AND :age > 0\"}\n"
	  "        rows: [{id: r, label: R}]\n"
	  "      - id: l\n"
	  "        type: list\n"
	  "        label: L\n"
	  "        fields:\n"
	  "          - {id: done, type: boolean, label: Done}\n"
	  "          - {id: when, type: date, label: When, relevant: \":done = 1\"}\n"),
     ""},
    {"expressions_compiled_with_positions",
     FORM("      - {id: a, type: integer, label: A, relevant: \":a >\"}\n"
	  "      - {id: b, type: integer, label: B, constraint: \"(SELECT 1) = 1\"}\n"
	  "      - {id: c, type: integer, label: C, relevant: \"load_extension('x')\"}\n"
	  "      - {id: d, type: integer, label: D, relevant: \"\"}\n"
	  "      - {id: p, type: integer, label: P, relevant: \"abs(:a\"}\n"
	  "      - {id: q, type: integer, label: Q, relevant: \":a = 'x\"}\n"
	  "      - id: e\n"
	  "        type: integer\n"
	  "        label: E\n"
	  "        constraint: |\n"
	  "          :e > 0\n"
	  "            AND :f < 10\n"),
     "t.yaml:8:57: error: relevant: invalid expression: unexpected end (is a value "
     "missing, or is there one ')' too many?)\n"
     "t.yaml:9:54: error: constraint: subqueries (SELECT, EXISTS, IN (SELECT …), WITH) "
     "are not allowed in expressions\n"
     "t.yaml:10:53: error: relevant: function load_extension() is not allowed in "
     "expressions\n"
     "t.yaml:11:52: error: relevant: empty expression\n"
     "t.yaml:12:52: error: relevant: invalid expression: it ends too early (is a ')' "
     "missing?)\n"
     "t.yaml:13:58: error: relevant: invalid expression: the quote ' here is never "
     "closed\n"
     "t.yaml:19:17: error: constraint: no field 'f' in this form\n"},
    /* But one row's column is not in scope at the top level or in a list. */
    {"expressions_see_their_row_or_item: out of scope",
     FORM("      - id: g\n"
	  "        type: grid\n"
	  "        label: G\n"
	  "        columns: [{id: now, type: integer, label: Now}]\n"
	  "        rows: [{id: r, label: R}]\n"
	  "      - {id: a, type: integer, label: A, relevant: \":now > 1\"}\n"
	  "      - id: l\n"
	  "        type: list\n"
	  "        label: L\n"
	  "        fields:\n"
	  "          - {id: x, type: integer, label: X, constraint: \":x > :now\"}\n"),
     "t.yaml:13:53: error: relevant: no field 'now' in this form\n"
     "t.yaml:18:64: error: constraint: no field 'now' in this row/item or in the form\n"},
};

#define T(f) cmocka_unit_test_setup_teardown(f, tset_setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T_LOADED(grid_columns_and_rows, adl_form),
	    T_LOADED(grid_row_overrides_choices, adl_form),
	    T_LOADED(grid_cell_code, cell_code_yaml),
	    T_LOADED(grid_cells_not_applicable, adl_form),
	    T_LOADED(list_items_and_bounds, plan_form),
	    T_LOADED(choices_from_list_items_and_grid_rows, plan_form),
	    T_LOADED(calculate_fields, bmi_yaml),
	    T_LOADS(loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
