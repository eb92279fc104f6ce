// SPDX-License-Identifier: MIT
/*
 * test_schema_meeting.c — meeting templates, the checks that span files
 * (forms a template names, phases, choices_from another form), loading
 * files and folders (BOM, CRLF, size limit, overriding by id), the shipped
 * forms, and inputs built to exhaust the loader.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kaigi/config.h"
#include "schema_cases.h"

/* The files the tests load (each named beside its test in main). */
static const char meeting_yaml[] =
    "meeting: independence\n"
    "version: 2\n"
    "kind: individual\n"
    "title: {ja: 自立支援型地域ケア個別会議, en: Independence-support meeting}\n"
    "description: 多職種で事例を検討する\n"
    "minutes: 90\n"
    "cases: {min: 2, max: 4}\n"
    "roles:\n"
    "  - {id: facilitator, label: {ja: 司会, en: Facilitator}}\n"
    "  - {id: rehab, label: PT/OT}\n"
    "forms: [sheet, plan]\n"
    "phases:\n"
    "  - id: framing\n"
    "    title: {ja: 論点の提示, en: Framing}\n"
    "    minutes: 1\n"
    "    prompts:\n"
    "      - {ja: ①解決すべき課題は何か？, en: \"① What is the issue to solve?\"}\n"
    "      - 医療的なリスクを最初に\n"
    "      - {en: Only English}\n"
    "  - {id: presentation, title: Presentation, minutes: 0}\n"
    "  - {id: wrapup, title: Wrap-up, minutes: 5, prompts: []}\n";

static const char sheet_yaml[] = "form: sheet\n"
				 "version: 1\n"
				 "title: Sheet\n"
				 "sections:\n"
				 "  - id: s\n"
				 "    title: S\n"
				 "    phase: presentation\n"
				 "    fields:\n"
				 "      - {id: a, type: text, label: A}\n"
				 "      - {id: b, type: text, label: B, phase: framing}\n";

static const char plan_yaml[] = "form: plan\n"
				"version: 1\n"
				"title: Plan\n"
				"sections:\n"
				"  - id: s\n"
				"    title: S\n"
				"    fields:\n"
				"      - {id: c, type: text, label: C, phase: wrapup}\n";

/* meeting_forms: the forms filled for the meeting itself, checked like forms. */
static const char planning_yaml[] = "meeting: planning\n"
				    "version: 1\n"
				    "kind: planning\n"
				    "title: Planning\n"
				    "forms: [sheet]\n"
				    "meeting_forms: [sheet, minutes]\n"
				    "phases:\n"
				    "  - {id: framing, title: F, minutes: 5}\n"
				    "  - {id: presentation, title: P, minutes: 5}\n";

/* A sheet asking for phases no template using it has. */
static const char misphased_sheet_yaml[] =
    "form: sheet\n"
    "version: 1\n"
    "title: Sheet\n"
    "sections:\n"
    "  - id: s\n"
    "    title: S\n"
    "    fields:\n"
    "      - {id: a, type: text, label: A, phase: presentaton}\n"
    "      - id: g\n"
    "        type: grid\n"
    "        label: G\n"
    "        columns: [{id: c, type: text, label: C, phase: wrap_up}]\n"
    "        rows: [{id: r, label: R}]\n";

/* The meeting template with both its forms: a complete set. */
static void load_template_and_forms(struct tset *t)
{
	LOAD_OK(t, meeting_yaml);
	LOAD_OK(t, sheet_yaml);
	LOAD_OK(t, plan_yaml);
}

static void meeting_template_as_written(void **state)
{
	struct tset *t = *state;
	assert_int_equal(t->set.nmeetings, 1);
	assert_int_equal(t->set.nforms, 0);
	const struct schema_meeting *m = schema_meeting_find(&t->set, "independence");
	assert_non_null(m);
	assert_null(schema_meeting_find(&t->set, "sheet"));
	assert_string_equal(m->id, "independence");
	assert_int_equal(m->version, 2);
	assert_string_equal(m->kind, "individual");
	assert_string_equal(m->title.ja, "自立支援型地域ケア個別会議");
	assert_string_equal(m->description.en, "多職種で事例を検討する");
	assert_string_equal(m->source, "t.yaml");
	assert_int_equal(m->minutes, 90);
	assert_int_equal(m->cases_min, 2);
	assert_int_equal(m->cases_max, 4);

	assert_int_equal(m->nroles, 2);
	assert_string_equal(m->roles[0].id, "facilitator");
	assert_string_equal(m->roles[0].label.ja, "司会");
	assert_string_equal(m->roles[1].label.en, "PT/OT");

	assert_int_equal(m->nforms, 2);
	assert_string_equal(m->forms[0], "sheet");
	assert_string_equal(m->forms[1], "plan");
	assert_int_equal(m->forms_pos[1].line, 11);
	assert_int_equal(m->forms_pos[1].col, 16);

	assert_int_equal(m->nphases, 3);
	const struct schema_phase *p = &m->phases[0];
	assert_string_equal(p->id, "framing");
	assert_string_equal(p->title.en, "Framing");
	assert_int_equal(p->minutes, 1);
	assert_int_equal(p->pos.line, 13);
	assert_int_equal(p->nprompts, 3);
	assert_string_equal(p->prompts[0].ja, "①解決すべき課題は何か？");
	assert_string_equal(p->prompts[0].en, "① What is the issue to solve?");
	assert_string_equal(p->prompts[1].ja, "医療的なリスクを最初に");
	assert_string_equal(p->prompts[1].en, "医療的なリスクを最初に");
	assert_null(p->prompts[2].ja);
	assert_string_equal(schema_label_get(&p->prompts[2], "ja"), "Only English");
	/* A phase may take no time and have no prompts. */
	assert_int_equal(m->phases[1].minutes, 0);
	assert_int_equal(m->phases[1].nprompts, 0);
	assert_int_equal(m->phases[2].nprompts, 0);
}

/* A profession's name: the town's list first, then the template's expected
 * professions; NULL for words typed for "other". */
static void profession_name_town_then_template(void **state)
{
	struct tset *t = *state;
	const struct schema_meeting *m = schema_meeting_find(&t->set, "independence");
	assert_non_null(m);
	/* On the town's (default) list, which wins over the template's PT/OT. */
	assert_string_equal(config_profession_name(NULL, m, "rehab", "ja"),
			    "リハビリ職（PT・OT・ST）");
	assert_string_equal(config_profession_name(NULL, m, "pt", "en"), "Physiotherapist (PT)");
	/* Only the template names it. */
	assert_string_equal(config_profession_name(NULL, m, "facilitator", "ja"), "司会");
	assert_string_equal(config_profession_name(NULL, m, "facilitator", "en"), "Facilitator");
	assert_null(config_profession_name(NULL, NULL, "facilitator", "ja"));
	/* Neither: words typed for "other"; and no profession at all. */
	assert_null(config_profession_name(NULL, m, "近所の方", "ja"));
	assert_null(config_profession_name(NULL, m, NULL, "ja"));
}

static void set_check_passes_when_all_is_there(void **state)
{
	struct tset *t = *state;
	load_template_and_forms(t);
	CHECK_SET(t, "");
	const struct schema_field *a = schema_field_find(schema_form_find(&t->set, "sheet"), "a");
	assert_string_equal(a->phase, "presentation");
}

static void set_check_reports_what_is_missing(void **state)
{
	struct tset *t = *state;
	/* plan is not loaded; sheet asks for a phase no template using it has. */
	LOAD_OK(t, misphased_sheet_yaml);
	CHECK_SET(t,
		  "t.yaml:8:9: error: phase 'presentaton' of field 'a' is not a phase of any "
		  "meeting template that uses form 'sheet' (phases there: framing presentation "
		  "wrapup)\n"
		  "t.yaml:11:16: error: meeting 'independence' uses form 'plan', which is not "
		  "installed\n"
		  "t.yaml:12:19: error: phase 'wrap_up' of field 'c' is not a phase of any meeting "
		  "template that uses form 'sheet' (phases there: framing presentation wrapup)\n");
}

static void meeting_forms_listed_and_checked(void **state)
{
	struct tset *t = *state;
	LOAD_OK(t, sheet_yaml);
	const struct schema_meeting *m = schema_meeting_find(&t->set, "planning");
	assert_non_null(m);
	assert_int_equal(m->nmeeting_forms, 2);
	assert_string_equal(m->meeting_forms[0], "sheet");
	assert_string_equal(m->meeting_forms[1], "minutes");
	CHECK_SET(t, "t.yaml:6:24: error: meeting 'planning' uses form 'minutes' for itself, "
		     "which is not installed\n");
}

static void phases_unchecked_for_a_form_no_template_uses(void **state)
{
	struct tset *t = *state;
	load_template_and_forms(t);
	LOAD_OK(t, "form: other\nversion: 1\ntitle: O\nsections:\n  - id: s\n    title: S\n"
		   "    fields: [{id: a, type: text, label: A, phase: anything}]\n");
	CHECK_SET(t, "");
}

static void phases_of_every_template_using_the_form(void **state)
{
	struct tset *t = *state;
	load_template_and_forms(t);
	/* A second template using plan brings its own phases. */
	LOAD_OK(t, "meeting: review\nversion: 1\nkind: review\ntitle: R\nforms: [plan]\n"
		   "phases: [{id: review, title: R, minutes: 5}, {id: framing, title: F, minutes: "
		   "1}]\n");
	LOAD_OK(t, "form: plan2\nversion: 1\ntitle: P\nsections:\n  - id: s\n    title: S\n"
		   "    fields: [{id: a, type: text, label: A, phase: review}]\n");
	CHECK_SET(t, "");
	schema_set_next_layer(&t->set);
	LOAD_OK(t, "form: plan\nversion: 2\ntitle: P\nsections:\n  - id: s\n    title: S\n"
		   "    fields: [{id: a, type: text, label: A, phase: review}, {id: b, type: text, "
		   "label: B, phase: nowhere}]\n");
	CHECK_SET(t, "t.yaml:7:60: error: phase 'nowhere' of field 'b' is not a phase of any "
		     "meeting template that uses form 'plan' (phases there: framing presentation "
		     "wrapup review)\n");
}

static void choices_from_another_form(void **state)
{
	struct tset *t = *state;
	LOAD_OK(t, "form: adl\nversion: 1\ntitle: ADL\nsections:\n  - id: s\n    title: S\n"
		   "    fields:\n"
		   "      - {id: grid, type: grid, label: G, columns: [{id: c, type: text, label: "
		   "C}], rows: [{id: eating, label: Eating}]}\n"
		   "      - {id: factors, type: list, label: F, fields: [{id: text, type: text, "
		   "label: T}]}\n"
		   "      - {id: note, type: text, label: N}\n");
	LOAD_OK(t,
		"form: plan\nversion: 1\ntitle: P\nsections:\n  - id: s\n    title: S\n"
		"    fields:\n"
		"      - {id: a, type: select_multiple, label: A, choices_from: {form: adl, field: "
		"grid}}\n"
		"      - {id: b, type: select_one, label: B, choices_from: {form: adl, field: "
		"factors, label: text}}\n"
		"      - {id: c, type: select_one, label: C, choices_from: {form: adl, field: "
		"gird}}\n"
		"      - {id: d, type: select_one, label: D, choices_from: {form: adl, field: "
		"note}}\n"
		"      - {id: e, type: select_one, label: E, choices_from: {form: adl, field: "
		"factors}}\n"
		"      - {id: f, type: select_one, label: F, choices_from: {form: lda, field: "
		"grid}}\n");
	const struct schema_field *a = schema_field_find(schema_form_find(&t->set, "plan"), "a");
	assert_string_equal(a->choices_from->form, "adl");
	assert_string_equal(a->choices_from->field, "grid");
	CHECK_SET(t,
		  "t.yaml:10:78: error: choices_from: form 'adl' has no grid or list field "
		  "'gird'\n"
		  "t.yaml:11:78: error: choices_from: form 'adl' has no grid or list field "
		  "'note'\n"
		  "t.yaml:12:78: error: choices_from: 'label' must name a field of list 'factors' "
		  "in form 'adl'\n"
		  "t.yaml:13:78: error: choices_from: no form 'lda' is installed\n");
}

/* A file under tests/data/forms/. */
static char *fixture(const char *rel)
{
	char *p = malloc(strlen(source_root()) + strlen(rel) + 32);
	assert_non_null(p);
	sprintf(p, "%s/tests/data/forms/%s", source_root(), rel);
	return p;
}

static void bom_and_crlf_files_load(void **state)
{
	struct tset *t = *state;
	char *bom = fixture("good/bom.yaml"), *crlf = fixture("good/crlf.yaml"),
	     *both = fixture("good/bom_crlf_meeting.yaml");
	assert_int_equal(schema_load_file(&t->set, bom, &t->diags), KAIGI_OK);
	assert_int_equal(schema_load_file(&t->set, crlf, &t->diags), KAIGI_OK);
	assert_int_equal(schema_load_file(&t->set, both, &t->diags), KAIGI_OK);
	CHECK_SET(t, "");

	const struct schema_form *b = schema_form_find(&t->set, "bom_sample");
	assert_non_null(b);
	assert_string_equal(b->source, bom);
	assert_int_equal(b->version, 3);
	assert_string_equal(b->title.ja, "ＢＯＭ付きの見本");
	/* The BOM is not part of the first key, nor counted as a column. */
	assert_int_equal(b->pos.line, 2);
	assert_int_equal(b->pos.col, 1);
	assert_true(schema_field_find(b, "name")->sensitive);
	assert_string_equal(schema_field_find(b, "age")->unit.ja, "歳");

	const struct schema_form *c = schema_form_find(&t->set, "crlf_sample");
	assert_non_null(c);
	/* No carriage return is left in any text. */
	assert_string_equal(c->description.ja, "二行の\n説明\n");
	assert_string_equal(c->title.en, "Sample with CRLF line ends");
	const struct schema_field *bmi = schema_field_find(c, "bmi");
	assert_null(strchr(expr_source(bmi->calculate), '\r'));
	assert_string_equal(expr_source(bmi->calculate),
			    "round(:weight / ((:height / 100.0) * (:height / 100.0)), 1)");
	assert_string_equal(expr_source(schema_field_find(c, "smoker")->relevant),
			    ":height IS NOT NULL\nAND :weight IS NOT NULL\n");
	struct tvals vals = {0};
	tvals_real(&vals, "height", 150.0);
	tvals_real(&vals, "weight", 45.0);
	struct kaigi_value v = {0};
	struct kaigi_error err;
	assert_int_equal(expr_eval(bmi->calculate, tvals_lookup, &vals, &v, &err), KAIGI_OK);
	assert_true(v.r == 20.0);
	tvals_free(&vals);

	const struct schema_meeting *m = schema_meeting_find(&t->set, "crlf_meeting");
	assert_non_null(m);
	assert_int_equal(m->pos.line, 1);
	assert_int_equal(m->phases[0].nprompts, 2);
	assert_string_equal(m->phases[0].prompts[1].en, "plain prompt");
	free(bom);
	free(crlf);
	free(both);
}

static void shipped_forms_load_and_check_clean(void **state)
{
	struct tset *t = *state;
	char *dir = malloc(strlen(source_root()) + 16);
	sprintf(dir, "%s/forms", source_root());
	assert_int_equal(schema_load_dir(&t->set, dir, &t->diags), KAIGI_OK);
	assert_string_equal(tset_diags(t), "");
	CHECK_SET(t, "");
	free(dir);
	assert_true(t->set.nforms >= 7);
	assert_true(t->set.nmeetings >= 3);
	static const char *const forms[] = {"toyoake_case_sheet", "adl_toyoake", "adl_national",
					    "case_plan",          "monitoring",  "outcome_sheet",
					    "process_sheet"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		const struct schema_form *f = schema_form_find(&t->set, forms[i]);
		assert_non_null(f);
		assert_true(f->version >= 1);
		/* Every title in both languages. */
		assert_non_null(f->title.ja);
		assert_non_null(f->title.en);
		assert_string_not_equal(f->title.ja, f->title.en);
	}
	for (size_t i = 0; i < t->set.nmeetings; i++) {
		const struct schema_meeting *m = t->set.meetings[i];
		for (size_t j = 0; j < m->nforms; j++)
			assert_non_null(schema_form_find(&t->set, m->forms[j]));
	}
	/* The BMI of the case sheet is computed, not typed. */
	const struct schema_form *cs = schema_form_find(&t->set, "toyoake_case_sheet");
	const struct schema_field *bmi = schema_field_find(cs, "bmi");
	assert_non_null(bmi);
	assert_int_equal(bmi->type, SCHEMA_CALCULATE);
	/* The national grid's "now" switches choices by row, and its factors
	 * come from the case's own list. */
	const struct schema_field *adl =
	    schema_field_find(schema_form_find(&t->set, "adl_national"), "adl");
	assert_non_null(adl);
	assert_int_equal(adl->type, SCHEMA_GRID);
	assert_int_equal(adl->nrows, 24);
	const struct schema_choice_list *first = schema_cell_choices(adl, &adl->rows[0], 0);
	bool differs = false;
	for (size_t r = 0; r < adl->nrows; r++)
		if (schema_cell_choices(adl, &adl->rows[r], 0) != first)
			differs = true;
	assert_true(differs);
	assert_non_null(schema_subfield_find(adl, "causes")->choices_from);
}

static void folders_layer_and_override_by_id(void **state)
{
	struct tset *t = *state;
	char dir[] = "/tmp/kaigi-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char a[64], b[64], c[64], sub[64];
	snprintf(a, sizeof a, "%s/a.yaml", dir);
	snprintf(b, sizeof b, "%s/b.yml", dir);
	snprintf(c, sizeof c, "%s/c.txt", dir);
	snprintf(sub, sizeof sub, "%s/.hidden.yaml", dir);
	FILE *f = fopen(a, "w");
	fputs(FORM("      - {id: a, type: text, label: From a}\n"), f);
	fclose(f);
	f = fopen(b, "w");
	fputs(FORM("      - {id: a, type: text, label: From b}\n"), f);
	fclose(f);
	f = fopen(c, "w");
	fputs("not yaml: [", f);
	fclose(f);
	f = fopen(sub, "w");
	fputs("not yaml: [", f);
	fclose(f);
	/* Two files of one folder with one id: the second is refused. */
	assert_int_equal(schema_load_dir(&t->set, dir, &t->diags), KAIGI_EDATA);
	char want[512];
	snprintf(want, sizeof want,
		 "%s:1:7: error: id 't' is also used by %s: files in one folder, or checked "
		 "together, need different ids (to replace a shipped form, put yours in your "
		 "town's folder)\n",
		 b, a);
	assert_string_equal(tset_diags(t), want);
	const struct schema_form *form = schema_form_find(&t->set, "t");
	assert_string_equal(form->source, a);
	/* A later folder overrides by id. */
	unlink(a);
	assert_int_equal(schema_load_dir(&t->set, dir, &t->diags), KAIGI_OK);
	assert_int_equal(t->set.nforms, 1);
	form = schema_form_find(&t->set, "t");
	assert_string_equal(form->source, b);
	assert_string_equal(schema_field_find(form, "a")->label.en, "From b");
	/* A missing folder is no error. */
	char gone[96];
	snprintf(gone, sizeof gone, "%s/nothing", dir);
	assert_int_equal(schema_load_dir(&t->set, gone, &t->diags), KAIGI_OK);
	assert_int_equal(t->diags.n, 0);
	unlink(b);
	unlink(c);
	unlink(sub);
	/* An empty folder (no file to sort) is no error and changes nothing. */
	assert_int_equal(schema_load_dir(&t->set, dir, &t->diags), KAIGI_OK);
	assert_int_equal(t->diags.n, 0);
	assert_int_equal(t->set.nforms, 1);
	rmdir(dir);
}

static void unreadable_and_oversized_files(void **state)
{
	struct tset *t = *state;
	assert_int_equal(schema_load_file(&t->set, "/nonexistent/form.yaml", &t->diags),
			 KAIGI_EENV);
	assert_string_equal(tset_diags(t), "/nonexistent/form.yaml: error: cannot read: No such "
					   "file or directory\n");
	assert_int_equal(schema_load_file(&t->set, "/tmp", &t->diags), KAIGI_EENV);
	assert_string_equal(
	    tset_diags(t),
	    "/tmp: error: cannot read a form file: this is a folder, not a regular file\n");

	/* 10 MB, sparse: refused by its size before it is read. */
	char path[] = "/tmp/kaigi-big-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 10 * 1024 * 1024), 0);
	close(fd);
	assert_int_equal(schema_load_file(&t->set, path, &t->diags), KAIGI_EDATA);
	char want[256];
	snprintf(want, sizeof want,
		 "%s:1:1: error: file too large (10485760 bytes; a form file may be at most "
		 "2097152 bytes)\n",
		 path);
	assert_string_equal(tset_diags(t), want);
	unlink(path);

	/* The same limit holds for a buffer, one byte over. */
	size_t len = 2u * 1024u * 1024u + 1u;
	char *buf = malloc(len);
	memset(buf, '#', len);
	assert_int_equal(schema_load_buffer(&t->set, "big.yaml", buf, len, &t->diags), KAIGI_EDATA);
	assert_string_equal(tset_diags(t), "big.yaml:1:1: error: file too large (2097153 bytes; "
					   "a form file may be at most 2097152 bytes)\n");
	free(buf);
	assert_int_equal(t->set.nforms, 0);
}

/* A NUL byte is not text (the rest of what is not one form: loads). */
static void a_nul_byte_is_not_text(void **state)
{
	struct tset *t = *state;
	static const char nul[] = "form: a\nversion: 1\x00\n";
	assert_int_equal(schema_load_buffer(&t->set, "t.yaml", nul, sizeof nul - 1, &t->diags),
			 KAIGI_EDATA);
	assert_string_equal(tset_diags(t), "t.yaml:2:11: error: invalid text: control characters "
					   "are not allowed (byte 0x00); save the file as UTF-8\n");
}

static void deep_nesting_is_refused_quickly(void **state)
{
	struct tset *t = *state;
	enum { DEPTH = 100000 };
	size_t len = 64 + 2 * DEPTH;
	char *buf = malloc(len);
	int n = snprintf(buf, len, "form: a\nversion: 1\ntitle: ");
	memset(buf + n, '[', DEPTH);
	memset(buf + n + DEPTH, ']', DEPTH);
	len = (size_t)n + 2 * DEPTH;
	/* The root mapping and 63 lists fill the 64 levels; the 64th `[` is
	 * refused where it stands, before libyaml scans the rest. */
	clock_t t0 = clock();
	assert_int_equal(schema_load_buffer(&t->set, "t.yaml", buf, len, &t->diags), KAIGI_EDATA);
	assert_true(clock() - t0 < CLOCKS_PER_SEC / 2);
	assert_string_equal(tset_diags(t), "t.yaml:3:71: error: nested too deeply: more than 64 "
					   "lists and mappings inside each other\n");
	free(buf);
}

static void alias_bomb_is_stopped(void **state)
{
	struct tset *t = *state;
	/* 400 grids sharing one list of 400 rows: 160,000 rows once expanded. */
	enum { N = 400 };
	size_t cap = 64 * (size_t)N * 2 + 1024, used = 0;
	char *buf = malloc(cap);
	used += (size_t)snprintf(buf + used, cap - used,
				 FORM("      - id: g0\n"
				      "        type: grid\n"
				      "        label: G\n"
				      "        columns: &cols [{id: c, type: text, label: C}]\n"
				      "        rows: &rows\n"));
	for (int i = 0; i < N; i++)
		used += (size_t)snprintf(buf + used, cap - used,
					 "          - {id: r%d, label: R}\n", i);
	for (int i = 1; i < N; i++)
		used += (size_t)snprintf(buf + used, cap - used,
					 "      - {id: g%d, type: grid, label: G, columns: *cols, "
					 "rows: *rows}\n",
					 i);
	assert_int_equal(schema_load_buffer(&t->set, "t.yaml", buf, used, &t->diags), KAIGI_EDATA);
	assert_string_equal(tset_diags(t), "t.yaml:1:1: error: document too large: over 200000 "
					   "nodes once aliases are expanded (an alias bomb?)\n");
	free(buf);
}

static void error_flood_is_capped(void **state)
{
	struct tset *t = *state;
	size_t cap = 200 * 64 + 256, used = 0;
	char *buf = malloc(cap);
	used += (size_t)snprintf(buf + used, cap - used, FORM(""));
	for (int i = 0; i < 200; i++)
		used += (size_t)snprintf(buf + used, cap - used, "      - {id: f%d, type: x}\n", i);
	assert_int_equal(schema_load_buffer(&t->set, "t.yaml", buf, used, &t->diags), KAIGI_EDATA);
	/* 100 errors, then one line saying it stopped. */
	assert_int_equal(t->diags.n, 101);
	char last[2200];
	kaigi_diags_sort(&t->diags);
	kaigi_error_format(&t->diags.v[100], last, sizeof last);
	assert_string_equal(last,
			    "t.yaml:108:26: error: too many errors (over 100); stopping here");
	free(buf);
}

/* Files the loader refuses, with every diagnostic it prints, at its line
 * and column. */
static const struct schema_load_case loads[] = {
    {"meeting_template_mistakes 1",
     "meeting: m\n"
     "version: 1\n"
     "kind: Case Meeting\n"
     "title: M\n"
     "minutes: 2000\n"
     "cases: {min: 5, max: 3}\n"
     "roles:\n"
     "  - {id: chair, label: Chair}\n"
     "  - {id: chair, label: Chair 2}\n"
     "  - {id: clerk}\n"
     "forms: [sheet, sheet, 42x]\n"
     "phases:\n"
     "  - {id: a, title: A, minutes: 1}\n"
     "  - {id: a, title: A2, minutes: 601}\n"
     "  - {id: b, title: B}\n"
     "  - {id: c, title: C, minutes: 1, prompts: {ja: x}}\n"
     "  - {id: d, title: D, minutes: 1, prompts: [{}, [x]]}\n"
     "agenda: none\n",
     "t.yaml:3:7: error: invalid meeting kind 'Case Meeting': use lower-case letters, "
     "digits and _ (starting with a letter, at most 64)\n"
     "t.yaml:5:10: error: 'minutes' must be between 1 and 1440, found 2000\n"
     "t.yaml:6:8: error: cases: 'min' (5) is larger than 'max' (3)\n"
     "t.yaml:9:10: error: duplicate role id 'chair'\n"
     "t.yaml:10:5: error: missing required key 'label'\n"
     "t.yaml:11:16: error: form 'sheet' is listed twice\n"
     "t.yaml:11:23: error: invalid form id '42x': use lower-case letters, digits and _ "
     "(starting with a letter, at most 64)\n"
     "t.yaml:14:10: error: duplicate phase id 'a' (first at line 13)\n"
     "t.yaml:14:33: error: 'minutes' must be between 0 and 600, found 601\n"
     "t.yaml:15:5: error: missing required key 'minutes'\n"
     "t.yaml:16:44: error: 'prompts' must be a list of texts, found a mapping\n"
     "t.yaml:17:45: error: a prompt needs a 'ja' or an 'en' text\n"
     "t.yaml:17:49: error: a prompt must be a text or {ja: …, en: …}, found a list\n"
     "t.yaml:18:1: error: unknown key 'agenda' in a meeting template (expected one of: "
     "meeting, version, kind, title, description, minutes, case_minutes, cases, "
     "roles, forms, phases, reserve_minutes, meeting_forms)\n"},
    {"meeting_template_mistakes 2", "meeting: m\nforms: []\nphases: {}\n",
     "t.yaml:1:1: error: missing required key 'version'\n"
     "t.yaml:1:1: error: missing required key 'kind'\n"
     "t.yaml:1:1: error: missing required key 'title'\n"
     "t.yaml:2:8: error: 'forms' must be a list of at least one form id, found an empty "
     "list\n"
     "t.yaml:3:9: error: 'phases' must be a list of at least one phase, found an empty "
     "mapping\n"},
    {"meeting_forms empty",
     "meeting: m\nversion: 1\nkind: k\ntitle: M\nforms: [a]\nmeeting_forms: []\n"
     "phases:\n  - {id: p, title: P, minutes: 5}\n",
     "t.yaml:6:16: error: 'meeting_forms' must be a list of at least one form id, "
     "found an empty list\n"},
    {"errors_in_bom_and_crlf_files_are_placed_right",
     "\xEF\xBB\xBF"
     "form: T\r\nversion: 1\r\ntitle: T\r\nsections:\r\n  - id: s\r\n"
     "    title: S\r\n    fields:\r\n      - {id: a, type: text, label: A, relevant: "
     "\":b > 1\"}\r\n",
     "t.yaml:1:7: error: invalid form id 'T': use lower-case letters, digits and _ "
     "(starting with a letter, at most 64)\n"
     "t.yaml:8:50: error: relevant: no field 'b' in this form\n"},
    /* Documents that are not one form or template. */
    {"documents_that_are_not_one_form 1", "",
     "t.yaml:1:1: error: empty file: expected `form: ID` or `meeting: ID`\n"},
    {"documents_that_are_not_one_form 2", "# only\n# comments\n",
     "t.yaml:1:1: error: empty file: expected `form: ID` or `meeting: ID`\n"},
    {"documents_that_are_not_one_form 3", "---\n...\n",
     "t.yaml:2:1: error: expected a form or meeting template (a mapping starting with "
     "`form: ID` or `meeting: ID`), found an empty value\n"},
    {"documents_that_are_not_one_form 4", "just text\n",
     "t.yaml:1:1: error: expected a form or meeting template (a mapping starting with "
     "`form: ID` or `meeting: ID`), found a text\n"},
    {"documents_that_are_not_one_form 5", "name: x\n",
     "t.yaml:1:1: error: expected `form: ID` or `meeting: ID` at the top of the file\n"},
    {"documents_that_are_not_one_form 6", "form: a\n---\nform: b\n",
     "t.yaml:2:1: error: a second YAML document: a file holds one form or meeting "
     "template\n"},
    {"documents_that_are_not_one_form 7", "form: a\nversion: 1\n\ttitle: T\n",
     "t.yaml:3:1: error: tab character: YAML indentation must use spaces, not tabs\n"},
    {"documents_that_are_not_one_form 8", "form: a\ntitle: {ja: x\n",
     "t.yaml:3:1: error: invalid YAML: did not find expected ',' or '}' while parsing a "
     "flow mapping (line 2, column 8)\n"},
    {"documents_that_are_not_one_form 9", "form: a\ntitle: \"\xE4\xBA\n",
     "t.yaml:2:9: error: invalid text: invalid trailing UTF-8 octet (byte 0x0A); save "
     "the file as UTF-8\n"},
    /* The classic alias bomb, which the loader never walks: only its misuse
     * is told. */
    {"the classic alias bomb",
     "form: a\n"
     "version: 1\n"
     "title: &a [x, x, x, x, x, x, x, x, x]\n"
     "description: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "sections: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
     "t.yaml:3:8: error: 'title' must be a text or {ja: …, en: …}, found a list\n"
     "t.yaml:4:14: error: 'description' must be a text or {ja: …, en: …}, found a list\n"
     "t.yaml:4:14: error: expected a section (a mapping of key: value), found a list\n"},
};

#define T(f) cmocka_unit_test_setup_teardown(f, tset_setup, tset_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T_LOADED(meeting_template_as_written, meeting_yaml),
	    T_LOADED(profession_name_town_then_template, meeting_yaml),
	    T_LOADED(meeting_forms_listed_and_checked, planning_yaml),
	    T(set_check_passes_when_all_is_there),
	    T_LOADED(set_check_reports_what_is_missing, meeting_yaml),
	    T(phases_unchecked_for_a_form_no_template_uses),
	    T(phases_of_every_template_using_the_form),
	    T(choices_from_another_form),
	    T(bom_and_crlf_files_load),
	    T(shipped_forms_load_and_check_clean),
	    T(folders_layer_and_override_by_id),
	    T(unreadable_and_oversized_files),
	    T(a_nul_byte_is_not_text),
	    T(deep_nesting_is_refused_quickly),
	    T(alias_bomb_is_stopped),
	    T(error_flood_is_capped),
	    T_LOADS(loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
