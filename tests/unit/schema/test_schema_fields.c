// SPDX-License-Identifier: MIT
/*
 * test_schema_fields.c — the form's top level and the simple field types,
 * each attribute read into the schema as written, and each misuse refused
 * at its line and column.
 */
#include "schema_cases.h"

/* The files the tests load (each named beside its test in main). */
static const char case_sheet_yaml[] = "form: case_sheet\n"
				      "version: 7\n"
				      "title: {ja: 事例シート, en: Case sheet}\n"
				      "description: 一行の説明\n"
				      "sections:\n"
				      "  - id: basics\n"
				      "    title: {ja: 基本情報}\n"
				      "    fields: [{id: name, type: text, label: Name}]\n"
				      "  - id: more\n"
				      "    title: {en: More}\n"
				      "    fields: [{id: note, type: longtext, label: Note}]\n";

static const char labels_yaml[] =
    FORM("      - {id: a, type: text, label: {ja: 氏名, en: Name}}\n"
	 "      - {id: b, type: text, label: {ja: 住所}}\n"
	 "      - {id: c, type: text, label: {en: Phone}}\n"
	 "      - {id: d, type: text, label: Plain}\n"
	 "      - {id: e, type: text, label: {ja: 年齢, en: \"\"}}\n");

static const char simple_types_yaml[] =
    FORM("      - {id: a, type: text, label: A}\n"
	 "      - {id: b, type: longtext, label: B}\n"
	 "      - {id: c, type: integer, label: C}\n"
	 "      - {id: d, type: decimal, label: D}\n"
	 "      - {id: e, type: date, label: E}\n"
	 "      - {id: f, type: boolean, label: F}\n"
	 "      - {id: g, type: select_one, label: G, choices: [{value: x, label: X}]}\n"
	 "      - {id: h, type: select_multiple, label: H, choices: [{value: x, label: "
	 "X}]}\n"
	 "      - {id: i, type: scale, label: I, choices: [{value: 1, label: One}]}\n"
	 "      - {id: j, type: calculate, label: J, calculate: \"1 + 1\"}\n");

static const char attributes_yaml[] =
    "form: t\n"
    "version: 1\n"
    "title: T\n"
    "sections:\n"
    "  - id: main\n"
    "    title: Main\n"
    "    phase: presentation\n"
    "    fields:\n"
    "      - id: height\n"
    "        type: decimal\n"
    "        label: {ja: 身長, en: Height}\n"
    "        hint: {ja: 靴を脱いで, en: Without shoes}\n"
    "        unit: cm\n"
    "        required: yes\n"
    "        sensitive: false\n"
    "        min: 80\n"
    "        max: 230.5\n"
    "        default: 160\n"
    "        relevant: \":name IS NOT NULL\"\n"
    "        constraint: \":height >= 100\"\n"
    "        constraint_message: {ja: 100以上, en: At least 100}\n"
    "      - id: name\n"
    "        type: text\n"
    "        label: Name\n"
    "        sensitive: true\n"
    "        required: false\n"
    "        phase: framing\n";

static const char date_bounds_yaml[] =
    FORM("      - {id: seen, type: date, label: Seen, min: 2000-01-01, max: "
	 "2099/12/31, default: 2026-4-1}\n");

static const char number_bounds_yaml[] =
    FORM("      - {id: n, type: integer, label: N, min: -5, max: ５}\n"
	 "      - {id: s, type: scale, label: S, min: 1, max: 3, choices: [{value: 1, "
	 "label: A}, {value: 2, label: B}]}\n");

static const char booleans_yaml[] =
    FORM("      - {id: a, type: text, label: A, required: true}\n"
	 "      - {id: b, type: text, label: B, required: On}\n"
	 "      - {id: c, type: text, label: C, required: no, sensitive: YES}\n");

static const char choice_lists_yaml[] =
    "form: t\n"
    "version: 1\n"
    "title: T\n"
    "choices:\n"
    "  sex:\n"
    "    - {value: F, label: {ja: 女, en: Female}}\n"
    "    - {value: M, label: {ja: 男, en: Male}}\n"
    "  level:\n"
    "    - {value: 1, label: Low}\n"
    "    - {value: 2, label: High}\n"
    "sections:\n"
    "  - id: main\n"
    "    title: Main\n"
    "    fields:\n"
    "      - {id: sex, type: select_one, label: Sex, choices: sex}\n"
    "      - {id: sex2, type: select_multiple, label: Sex, choices: sex}\n"
    "      - id: mood\n"
    "        type: select_one\n"
    "        label: Mood\n"
    "        choices:\n"
    "          - {value: good, label: {ja: 良い, en: Good}}\n"
    "          - {value: bad, label: Bad}\n";

static const char scale_choices_yaml[] = FORM("      - id: s\n"
					      "        type: scale\n"
					      "        label: S\n"
					      "        choices:\n"
					      "          - {value: -1, label: Worse}\n"
					      "          - {value: 0, label: Same}\n"
					      "          - {value: 1, label: Better}\n");

static void form_id_version_title(void **state)
{
	struct tset *t = *state;
	const struct schema_form *f = schema_form_find(&t->set, "case_sheet");
	assert_non_null(f);
	assert_null(schema_form_find(&t->set, "case"));
	const struct schema_text_check texts[] = {
	    {"id", f->id, "case_sheet"},
	    {"source", f->source, "t.yaml"},
	    {"title.ja", f->title.ja, "事例シート"},
	    {"title.en", f->title.en, "Case sheet"},
	    /* A plain string is both languages. */
	    {"description.ja", f->description.ja, "一行の説明"},
	    {"description.en", f->description.en, "一行の説明"},
	    {"section 1", f->sections[0].id, "basics"},
	    {"section 2's field", f->sections[1].fields[0].id, "note"},
	};
	SCHEMA_CHECK(schema_texts_check, texts);
	const struct schema_number_check numbers[] = {
	    {"forms", (long long)t->set.nforms, 1},
	    {"meetings", (long long)t->set.nmeetings, 0},
	    {"version", f->version, 7},
	    {"line", f->pos.line, 1},
	    {"column", f->pos.col, 1},
	    {"sections", (long long)f->nsections, 2},
	    {"section 1's line", f->sections[0].pos.line, 6},
	    {"section 1's column", f->sections[0].pos.col, 5},
	    {"section 2's fields", (long long)f->sections[1].nfields, 1},
	};
	SCHEMA_CHECK(schema_numbers_check, numbers);
	/* Fields are found across sections. */
	assert_ptr_equal(schema_field_find(f, "note"), &f->sections[1].fields[0]);
	assert_null(schema_field_find(f, "nothing"));
}

static void labels_fall_back_between_languages(void **state)
{
	const struct schema_field *a = tset_field(state, "a"), *b = tset_field(state, "b"),
				  *c = tset_field(state, "c"), *d = tset_field(state, "d"),
				  *e = tset_field(state, "e");
	assert_string_equal(schema_label_get(&a->label, "ja"), "氏名");
	assert_string_equal(schema_label_get(&a->label, "en"), "Name");
	assert_string_equal(schema_label_get(&b->label, "en"), "住所");
	assert_null(b->label.en);
	assert_string_equal(schema_label_get(&c->label, "ja"), "Phone");
	assert_null(c->label.ja);
	assert_string_equal(schema_label_get(&d->label, "ja"), "Plain");
	assert_string_equal(schema_label_get(&d->label, "en"), "Plain");
	/* An empty text counts as absent. */
	assert_string_equal(schema_label_get(&e->label, "en"), "年齢");
	/* No hint given: "" in every language. */
	assert_string_equal(schema_label_get(&a->hint, "ja"), "");
	assert_string_equal(schema_label_get(&a->hint, "en"), "");
}

static void type_names_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = {
	    "text",       "longtext",        "integer", "decimal", "date", "boolean",
	    "select_one", "select_multiple", "scale",   "grid",    "list", "calculate",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_int_equal(schema_type_from_name(names[i]), (int)i);
		assert_string_equal(schema_type_name((enum schema_type)i), names[i]);
	}
	assert_int_equal(schema_type_from_name("string"), -1);
	assert_int_equal(schema_type_from_name("Text"), -1);
	assert_null(schema_type_name((enum schema_type)99));
}

static void every_simple_type(void **state)
{
	/* Each type, and whether it holds a choice list. */
	static const struct {
		const char *id;
		enum schema_type type;
		bool choices;
	} want[] = {
	    {"a", SCHEMA_TEXT, false},      {"b", SCHEMA_LONGTEXT, false},
	    {"c", SCHEMA_INTEGER, false},   {"d", SCHEMA_DECIMAL, false},
	    {"e", SCHEMA_DATE, false},      {"f", SCHEMA_BOOLEAN, false},
	    {"g", SCHEMA_SELECT_ONE, true}, {"h", SCHEMA_SELECT_MULTIPLE, true},
	    {"i", SCHEMA_SCALE, true},      {"j", SCHEMA_CALCULATE, false},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct schema_field *f = tset_field(state, want[i].id);
		assert_int_equal(f->type, want[i].type);
		assert_int_equal(f->pos.line, 8 + (int)i);
		assert_int_equal(f->pos.col, 9);
		/* Nothing set that was not written. */
		assert_false(f->required);
		assert_false(f->sensitive);
		assert_null(f->phase);
		assert_null(f->relevant);
		assert_null(f->constraint);
		assert_null(f->default_value);
		assert_false(f->has_min);
		assert_false(f->has_max);
		assert_null(f->choices_from);
		assert_int_equal(f->ncolumns + f->nrows + f->nfields, 0);
		assert_int_equal(f->choices != NULL, want[i].choices);
		/* An expression only in a calculate field. */
		assert_int_equal(f->calculate != NULL, want[i].type == SCHEMA_CALCULATE);
	}
	assert_string_equal(expr_source(tset_field(state, "j")->calculate), "1 + 1");
}

static void attributes_as_written(void **state)
{
	const struct schema_field *h = tset_field(state, "height");
	assert_string_equal(h->hint.ja, "靴を脱いで");
	assert_string_equal(h->hint.en, "Without shoes");
	assert_string_equal(h->unit.ja, "cm");
	assert_true(h->required);
	assert_false(h->sensitive);
	/* The section's phase is the default of its fields. */
	assert_string_equal(h->phase, "presentation");
	assert_true(h->has_min);
	assert_true(h->has_max);
	assert_true(h->min == 80.0);
	assert_true(h->max == 230.5);
	assert_string_equal(h->min_text, "80");
	assert_string_equal(h->max_text, "230.5");
	assert_string_equal(h->default_value, "160");
	assert_string_equal(expr_source(h->relevant), ":name IS NOT NULL");
	assert_string_equal(expr_source(h->constraint), ":height >= 100");
	assert_string_equal(schema_label_get(&h->constraint_message, "ja"), "100以上");
	assert_string_equal(schema_label_get(&h->constraint_message, "en"), "At least 100");
	const struct schema_field *n = tset_field(state, "name");
	assert_true(n->sensitive);
	assert_false(n->required);
	/* A field's own phase overrides its section's. */
	assert_string_equal(n->phase, "framing");
	const struct schema_form *f = tset_form(state);
	assert_string_equal(f->sections[0].phase, "presentation");
}

static void date_bounds_are_dates(void **state)
{
	const struct schema_field *f = tset_field(state, "seen");
	assert_true(f->has_min);
	assert_true(f->has_max);
	/* Stored normalised, so that text order is date order. */
	assert_string_equal(f->min_text, "2000-01-01");
	assert_string_equal(f->max_text, "2099-12-31");
	assert_string_equal(f->default_value, "2026-4-1");
}

static void scale_bounds_and_integer_bounds(void **state)
{
	const struct schema_field *n = tset_field(state, "n");
	assert_true(n->min == -5.0);
	assert_true(n->max == 5.0);
	assert_string_equal(n->max_text, "5");
	assert_true(tset_field(state, "s")->max == 3.0);
}

static void booleans_in_yaml(void **state)
{
	assert_true(tset_field(state, "a")->required);
	assert_true(tset_field(state, "b")->required);
	assert_false(tset_field(state, "c")->required);
	assert_true(tset_field(state, "c")->sensitive);
}

static void named_and_inline_choice_lists(void **state)
{
	const struct schema_form *f = tset_form(state);
	assert_int_equal(f->nlists, 2);
	assert_string_equal(f->lists[0].id, "sex");
	assert_int_equal(f->lists[0].pos.line, 5);
	assert_int_equal(f->lists[0].pos.col, 3);
	assert_string_equal(f->lists[1].id, "level");
	const struct schema_field *sex = tset_field(state, "sex");
	/* By name: the form's own list, shared. */
	assert_ptr_equal(sex->choices, &f->lists[0]);
	assert_ptr_equal(tset_field(state, "sex2")->choices, &f->lists[0]);
	assert_int_equal(sex->choices->n, 2);
	assert_string_equal(sex->choices->v[1].value, "M");
	assert_string_equal(sex->choices->v[1].label.en, "Male");
	assert_int_equal(sex->choices->v[1].pos.line, 7);
	assert_int_equal(sex->choices->v[1].pos.col, 15);
	assert_int_equal(schema_choice_find(sex->choices, "F"), 0);
	assert_int_equal(schema_choice_find(sex->choices, "M"), 1);
	assert_int_equal(schema_choice_find(sex->choices, "f"), -1);
	assert_int_equal(schema_choice_find(NULL, "F"), -1);
	/* Inline: owned by the field, no id, not among the named lists. */
	const struct schema_field *mood = tset_field(state, "mood");
	assert_null(mood->choices->id);
	assert_int_equal(mood->choices->n, 2);
	assert_string_equal(mood->choices->v[0].label.ja, "良い");
	assert_string_equal(mood->choices->v[1].label.ja, "Bad");
	assert_int_equal(mood->choices->pos.line, 21);
}

static void scale_choices_are_whole_numbers(void **state)
{
	const struct schema_field *s = tset_field(state, "s");
	assert_int_equal(s->choices->n, 3);
	assert_string_equal(s->choices->v[0].value, "-1");
}

static void an_id_of_64_is_allowed_65_is_not(void **state)
{
	struct tset *t = *state;
	char yaml[512];
	char id[66];
	memset(id, 'a', 64);
	id[64] = '\0';
	snprintf(yaml, sizeof yaml, FORM("      - {id: %s, type: text, label: A}\n"), id);
	LOAD_OK(t, yaml);
	id[64] = 'a';
	id[65] = '\0';
	snprintf(yaml, sizeof yaml, FORM("      - {id: %s, type: text, label: A}\n"), id);
	char want[512];
	snprintf(want, sizeof want,
		 "t.yaml:8:14: error: invalid field id '%s': use lower-case letters, digits and _ "
		 "(starting with a letter, at most 64)\n",
		 id);
	LOAD_ERR(t, yaml, want);
}

static void a_failed_load_leaves_the_set_alone(void **state)
{
	struct tset *t = *state;
	LOAD_OK(t, FORM("      - {id: a, type: text, label: Old}\n"));
	const struct schema_form *before = tset_form(state);
	/* The same id again, with a mistake: the old form stays. */
	LOAD_ERR(t, FORM("      - {id: a, type: text, label: New, required: perhaps}\n"),
		 "t.yaml:8:51: error: 'required' must be true or false, found 'perhaps'\n");
	assert_ptr_equal(tset_form(state), before);
	assert_string_equal(schema_field_find(before, "a")->label.en, "Old");
	/* A good one of the same folder is refused: one would hide the other. */
	LOAD_ERR(
	    t, FORM("      - {id: a, type: text, label: New}\n"),
	    "t.yaml:1:7: error: id 't' is also used by t.yaml: files in one folder, or checked "
	    "together, need different ids (to replace a shipped form, put yours in your town's "
	    "folder)\n");
	/* From a later folder it replaces the form, by id. */
	schema_set_next_layer(&t->set);
	LOAD_OK(t, FORM("      - {id: a, type: text, label: New}\n"));
	assert_int_equal(t->set.nforms, 1);
	assert_string_equal(schema_field_find(tset_form(state), "a")->label.en, "New");
}

/* Files the loader refuses, each with every diagnostic it prints, at its line
 * and column. */
static const struct schema_load_case refusals[] = {
    {"label_mistakes",
     FORM("      - {id: a, type: text, label: [x]}\n"
	  "      - {id: b, type: text, label: {}}\n"
	  "      - {id: c, type: text, label: {ja: 氏名, fr: Nom}}\n"
	  "      - {id: d, type: text, label: \"\"}\n"
	  "      - {id: e, type: text, label: {ja: [x]}}\n"
	  "      - {id: f, type: text}\n"),
     "t.yaml:8:36: error: 'label' must be a text or {ja: …, en: …}, found a list\n"
     "t.yaml:9:36: error: 'label' needs a 'ja' or an 'en' text\n"
     "t.yaml:10:45: error: unknown key 'fr' in 'label' (a text, or {ja: …, en: …}) "
     "(expected one of: ja, en)\n"
     "t.yaml:11:36: error: 'label' must not be empty\n"
     "t.yaml:12:41: error: 'ja' must be a text, found a list\n"
     "t.yaml:13:9: error: missing required key 'label'\n"},
    {"bounds_and_defaults_refused",
     FORM("      - {id: a, type: integer, label: A, min: 1.5}\n"
	  "      - {id: b, type: decimal, label: B, min: 9, max: 1}\n"
	  "      - {id: c, type: date, label: C, max: tomorrow}\n"
	  "      - {id: d, type: integer, label: D, min: 1, max: 5, default: 0}\n"
	  "      - {id: e, type: boolean, label: E, default: maybe}\n"
	  "      - {id: f, type: text, label: F, min: 1}\n"
	  "      - {id: g, type: date, label: G, min: 2026-02-01, max: 2026-01-31}\n"),
     "t.yaml:8:47: error: 'min' of an integer field must be a whole number, found '1.5'\n"
     "t.yaml:9:47: error: 'min' is larger than 'max'\n"
     "t.yaml:10:44: error: 'max' of a date field must be a date YYYY-MM-DD, found "
     "'tomorrow'\n"
     "t.yaml:11:67: error: default: 0 is out of range (1 to 5)\n"
     "t.yaml:12:51: error: default: 'maybe' is not yes or no\n"
     "t.yaml:13:39: error: 'min' does not apply to a text field (only to integer, decimal, "
     "scale, date, month and period)\n"
     "t.yaml:14:44: error: 'min' is larger than 'max'\n"},
    {"booleans_in_yaml", FORM("      - {id: a, type: text, label: A, required: 1}\n"),
     "t.yaml:8:49: error: 'required' must be true or false, found '1'\n"},
    {"choice_list_mistakes",
     "form: t\n"
     "version: 1\n"
     "title: T\n"
     "choices:\n"
     "  sex:\n"
     "    - {value: F, label: Female}\n"
     "    - {value: F, label: Woman}\n"
     "  Bad: [{value: x, label: X}]\n"
     "  empty: []\n"
     "sections:\n"
     "  - id: main\n"
     "    title: Main\n"
     "    fields:\n"
     "      - {id: a, type: select_one, label: A, choices: sex}\n"
     "      - {id: b, type: select_one, label: B, choices: sexx}\n"
     "      - {id: c, type: select_one, label: C}\n"
     "      - {id: d, type: select_one, label: D, choices: [{value: a b, label: AB}]}\n"
     "      - {id: e, type: text, label: E, choices: sex}\n"
     "      - {id: f, type: scale, label: F, choices: sex}\n",
     "t.yaml:7:15: error: duplicate choice value 'F' (first at line 6)\n"
     "t.yaml:8:3: error: invalid choice list id 'Bad': use lower-case letters, digits and _ "
     "(starting with a letter, at most 64)\n"
     "t.yaml:9:10: error: a choice list must be a list of {value: …, label: …}, found an "
     "empty list\n"
     "t.yaml:15:54: error: no choice list named 'sexx' (define it under 'choices:' at the "
     "top of the form)\n"
     "t.yaml:16:9: error: a select_one field needs 'choices' (or 'choices_from')\n"
     "t.yaml:17:63: error: a choice value cannot contain spaces: 'a b'\n"
     "t.yaml:18:39: error: 'choices' does not apply to a text field (only to select_one, "
     "select_multiple and scale)\n"
     "t.yaml:19:49: error: a scale's choices must have whole-number values in order; 'F' "
     "(line 6) is not\n"},
    {"scale_choices_are_whole_numbers",
     FORM("      - {id: s, type: scale, label: S, choices: [{value: \"1\", label: A}, "
	  "{value: 2.5, label: B}]}\n"),
     "t.yaml:8:49: error: a scale's choices must have whole-number values in order; "
     "'2.5' (line 8) is not\n"},
    {"unknown_keys_and_ids",
     "form: T1\n"
     "version: 1\n"
     "title: T\n"
     "colour: red\n"
     "sections:\n"
     "  - id: main\n"
     "    title: Main\n"
     "    fields:\n"
     "      - {id: a, type: text, lable: A}\n"
     "      - {id: 1a, type: text, label: A}\n"
     "      - {id: b, type: txt, label: B}\n",
     "t.yaml:1:7: error: invalid form id 'T1': use lower-case letters, digits and _ "
     "(starting with a letter, at most 64)\n"
     "t.yaml:4:1: error: unknown key 'colour' in a form (expected one of: form, version, "
     "title, description, choices, sections)\n"
     "t.yaml:9:9: error: missing required key 'label'\n"
     "t.yaml:9:29: error: unknown key 'lable' in a field (expected one of: id, type, label, "
     "hint, unit, required, sensitive, phase, relevant, constraint, constraint_message, "
     "default, min, max, choices, choices_from, calculate, columns, rows, fields, "
     "min_items, max_items, item_label, formerly, better, tally)\n"
     "t.yaml:10:14: error: invalid field id '1a': use lower-case letters, digits and _ "
     "(starting with a letter, at most 64)\n"
     "t.yaml:11:23: error: unknown field type 'txt' (expected text, longtext, integer, "
     "decimal, date, month, period, boolean, select_one, select_multiple, scale, grid, list "
     "or "
     "calculate)\n"},
    {"duplicate_ids",
     FORM("      - {id: a, type: text, label: A}\n"
	  "      - {id: a, type: text, label: A again}\n"
	  "  - id: main\n"
	  "    title: Again\n"
	  "    fields:\n"
	  "      - {id: a, type: text, label: A in another section}\n"
	  "      - {id: b, type: text, label: B, label: B2}\n"),
     "t.yaml:9:14: error: duplicate field id 'a' (first at line 8)\n"
     "t.yaml:10:9: error: duplicate section id 'main' (first at line 5)\n"
     "t.yaml:13:14: error: duplicate field id 'a' (first at line 8)\n"
     "t.yaml:14:39: error: duplicate key 'label' (first at line 14)\n"},
    {"missing_form_parts 1", "form: t\n",
     "t.yaml:1:1: error: missing required key 'version'\n"
     "t.yaml:1:1: error: missing required key 'title'\n"
     "t.yaml:1:1: error: missing required key 'sections'\n"},
    {"missing_form_parts 2", "form: t\nversion: 1\ntitle: T\nsections: []\n",
     "t.yaml:4:11: error: 'sections' must be a list of at least one section, found an "
     "empty list\n"},
    {"missing_form_parts 3",
     "form: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    title: S\n"
     "  - {id: u, title: U, fields: [{}]}\n",
     "t.yaml:5:5: error: a section needs 'fields'\n"
     "t.yaml:7:32: error: missing required key 'id'\n"
     "t.yaml:7:32: error: missing required key 'type'\n"},
    {"version_is_a_positive_whole_number 1",
     "form: t\nversion: 1.0\ntitle: T\nsections: [{id: s, title: S, fields: [{id: "
     "a, type: text, label: A}]}]\n",
     "t.yaml:2:10: error: 'version' must be a whole number, found '1.0'\n"},
    {"version_is_a_positive_whole_number 2",
     "form: t\nversion: -1\ntitle: T\nsections: [{id: s, title: S, fields: [{id: "
     "a, type: text, label: A}]}]\n",
     "t.yaml:2:10: error: 'version' must be between 1 and 1000000, found -1\n"},
    {"version_is_a_positive_whole_number 3",
     "form: t\nversion: 99999999999999999999\ntitle: T\nsections: [{id: s, title: "
     "S, fields: [{id: a, type: text, label: A}]}]\n",
     "t.yaml:2:10: error: 'version' must be a whole number, found "
     "'99999999999999999999'\n"},
    {"keys_on_the_wrong_type",
     FORM("      - {id: a, type: integer, label: A, calculate: \"1\"}\n"
	  "      - {id: b, type: text, label: B, columns: [], fields: []}\n"
	  "      - {id: c, type: calculate, label: C, calculate: \"1\", default: 1}\n"
	  "      - {id: d, type: text, label: D, constraint_message: Too long}\n"
	  "      - {id: e, type: select_one, label: E, choices: [{value: x, label: X}], "
	  "choices_from: {field: a}}\n"),
     "t.yaml:8:42: error: 'calculate' does not apply to an integer field (only to "
     "calculate)\n"
     "t.yaml:9:39: error: 'columns' does not apply to a text field (only to grid)\n"
     "t.yaml:9:52: error: 'fields' does not apply to a text field (only to list)\n"
     "t.yaml:10:60: error: 'default' does not apply to a calculate field (only to fields a "
     "person fills in)\n"
     "t.yaml:11:39: error: 'constraint_message' without a 'constraint'\n"
     "t.yaml:12:78: error: use either 'choices' or 'choices_from', not both\n"},
};

#define T(f) cmocka_unit_test_setup_teardown(f, tset_setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T_LOADED(form_id_version_title, case_sheet_yaml),
	    T_LOADED(labels_fall_back_between_languages, labels_yaml),
	    T(type_names_round_trip),
	    T_LOADED(every_simple_type, simple_types_yaml),
	    T_LOADED(attributes_as_written, attributes_yaml),
	    T_LOADED(date_bounds_are_dates, date_bounds_yaml),
	    T_LOADED(scale_bounds_and_integer_bounds, number_bounds_yaml),
	    T_LOADED(booleans_in_yaml, booleans_yaml),
	    T_LOADED(named_and_inline_choice_lists, choice_lists_yaml),
	    T_LOADED(scale_choices_are_whole_numbers, scale_choices_yaml),
	    T(an_id_of_64_is_allowed_65_is_not),
	    T(a_failed_load_leaves_the_set_alone),
	    T_LOADS(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
