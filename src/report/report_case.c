// SPDX-License-Identifier: MIT
/*
 * report_case.c — one case of the summary: basic facts, the person's wish,
 * the ADL/IADL grids (report_grid.c), issues, goals, advice by profession,
 * agreed actions, the follow-up date and regional issues.
 *
 * Fields are found by id in whichever of the case's forms has them
 * (care_level, household, desired_life, issues, goals, advice, actions,
 * followup_date, regional_issues: doc/reports.md lists them), so a town
 * that writes its own case sheet with the same ids gets the same summary.
 * Column heads come from the forms' own labels.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/identity.h"
#include "kaigi/register.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_policy.h"

/* The display text of plain field id in the case, or NULL. */
static char *case_text(const struct report_build *b, const struct report_build_case *rc,
		       const char *id, const char **lab)
{
	const struct store_record *r;
	const struct schema_field *f = report_build_find(rc, id, &r);
	if (lab)
		*lab = f ? schema_label_get(&f->label, b->lang) : NULL;
	if (!f || f->type == SCHEMA_GRID || f->type == SCHEMA_LIST)
		return NULL;
	const struct schema_form *form = rc->forms[r - rc->recs];
	return report_build_answer_text(b, r, form, f, NULL, NULL);
}

/* A stored value (F, cooperation…) and the word it is shown as. */
struct value_word {
	const char *value;
	enum rs_id word;
};

/* value's word in words[0..n); other's for any other value (RS_COUNT:
 * the value itself); NULL for none. */
static const char *value_word(const struct value_word *words, size_t n, enum rs_id other,
			      const char *value, const char *lang)
{
	if (!value)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, words[i].value) == 0)
			return rs(words[i].word, lang);
	return other == RS_COUNT ? value : rs(other, lang);
}

static const char *sex_label(const char *sex, const char *lang)
{
	static const struct value_word words[] = {{"F", RS_SEX_F}, {"M", RS_SEX_M}};
	return value_word(words, sizeof words / sizeof words[0], RS_SEX_X, sex, lang);
}

/* The shipped case sheet records a first assessment as previous level
 * "new" (新規（なし）): nothing to compare with. */
static bool previous_is_none(const struct report_build_case *rc)
{
	const struct store_record *r;
	const struct schema_field *f = report_build_find(rc, KAIGI_FIELD_PREVIOUS_CARE_LEVEL, &r);
	struct store_path path = {KAIGI_FIELD_PREVIOUS_CARE_LEVEL, NULL, NULL};
	const struct kaigi_value *v = f ? store_record_value(r, &path) : NULL;
	return v && v->type == KAIGI_TEXT && strcmp(v->s, "new") == 0;
}

/* The number answered for plain field id, or 0. */
static double number_of(const struct report_build_case *rc, const char *id)
{
	const struct store_record *r;
	const struct schema_field *f = report_build_find(rc, id, &r);
	struct store_path path = {id, NULL, NULL};
	const struct kaigi_value *v = f ? store_record_value(r, &path) : NULL;
	if (!v)
		return 0;
	if (v->type == KAIGI_INT)
		return (double)v->i;
	if (v->type == KAIGI_REAL)
		return v->r;
	return 0;
}

/* label: the field's text, or a with b joined (「a／b」) when both are given. */
static void fact_pair(struct report_build *b, struct report_build_case *rc, struct report_block *f,
		      const char *label, const char *a, const char *bid)
{
	char *x = case_text(b, rc, a, NULL);
	char *y = bid ? case_text(b, rc, bid, NULL) : NULL;
	char *both = x && y ? xasprintf("%s／%s", x, y) : NULL;
	report_fact_add(f, label, both ? both : x ? x : y);
	free(both);
	free(x);
	free(y);
}

/*
 * The case facts the room worked from (seed 001 L2006–2030), one line each
 * and only those answered: key problems, housing, area (圏域), BMI with
 * height and weight, medical history and medication, the care manager's
 * view, services formal and informal.  Found by field id like the rest.
 */
static void facts_add(struct report_build *b, struct report_build_case *rc, struct report_block *f)
{
	const char *lang = b->lang;
	fact_pair(b, rc, f, rs(RS_KEY_PROBLEMS, lang), "key_problems", "key_problems_other");
	fact_pair(b, rc, f, rs(RS_HOUSING, lang), "housing", NULL);
	report_fact_add(f, rs(RS_AREA, lang), rc->person.area);
	char *bmi = case_text(b, rc, "bmi", NULL);
	char *h = case_text(b, rc, "height", NULL), *w = case_text(b, rc, "weight", NULL);
	double hv = number_of(rc, "height"), wv = number_of(rc, "weight");
	if (!bmi && hv > 0 && wv > 0) /* a calculate the store does not keep */
		bmi = xasprintf("%.1f", wv / ((hv / 100.0) * (hv / 100.0)));
	char *line = bmi && h && w ? xasprintf(rs(RS_BMI_FMT, lang), bmi, h, w) : NULL;
	report_fact_add(f, "BMI", line ? line : bmi);
	free(line);
	free(bmi);
	free(h);
	free(w);
	fact_pair(b, rc, f, rs(RS_MEDICAL, lang), "medical_history|medical_risk", "medication");
	fact_pair(b, rc, f, rs(RS_CM_VIEW, lang), "cm_view|care_manager_view", NULL);
	fact_pair(b, rc, f, rs(RS_SERVICES, lang), "formal_services|services", "informal_services");
}

static void basics_add(struct report_build *b, struct report_build_case *rc,
		       struct report_section *s)
{
	const char *lang = b->lang;
	const struct store_person *p = &rc->person;
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, rs(RS_CASE_CODE, lang), p->code);
	report_fact_add(f, rs(RS_INITIALS, lang), p->initials);
	report_fact_add(f, rs(RS_AGE_BAND, lang), p->age_band);
	const char *lab;
	char *sex = case_text(b, rc, "sex", &lab);
	report_fact_add(f, rs(RS_SEX, lang), p->sex ? sex_label(p->sex, lang) : sex);
	free(sex);
	char *level = case_text(b, rc, KAIGI_FIELD_CARE_LEVEL, &lab);
	char *prev = case_text(b, rc, KAIGI_FIELD_PREVIOUS_CARE_LEVEL "|previous_level", NULL);
	if (prev && previous_is_none(rc)) {
		free(prev);
		prev = NULL;
	}
	if (level && prev && strcmp(level, prev) != 0) {
		char *both = xasprintf(rs(RS_PREVIOUS_FMT, lang), level, prev);
		report_fact_add(f, lab, both);
		free(both);
	} else {
		report_fact_add(f, lab ? lab : rs(RS_CARE_LEVEL, lang), level);
	}
	free(level);
	free(prev);
	char *household = case_text(b, rc, "household", &lab);
	report_fact_add(f, rs(RS_HOUSEHOLD, lang), household);
	free(household);
	facts_add(b, rc, f);
	if (!b->names)
		return;
	/* With names: the presenter and every identifying field, in a box of
	 * their own so the reader sees what must not leave the room. */
	f = report_facts_add(s, rs(RS_PERSONAL, lang));
	struct store_identity id = {0};
	struct kaigi_error err;
	if (store_identity_get(b->st, rc->person.id, &id, &err) == KAIGI_OK)
		for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
			report_fact_add(f, rs(RS_ID_NAME + i, lang), id.v[i]);
	store_identity_clear(&id);
	report_fact_add(f, rs(RS_PRESENTER, lang), rc->c->presenter);
	struct report_case_at at = {0};
	for (const struct schema_field *fd; (fd = report_build_case_field_next(rc, &at));) {
		if (!fd->sensitive || fd->type == SCHEMA_GRID || fd->type == SCHEMA_LIST)
			continue;
		char *v = report_build_answer_text(b, &rc->recs[at.rec], rc->forms[at.rec], fd,
						   NULL, NULL);
		report_fact_add(f, schema_label_get(&fd->label, lang), v);
		free(v);
	}
}

/* ---- list fields as tables ------------------------------------------------ */

struct list_col {
	const char *id;  /* item field */
	enum rs_id head; /* the head; RS_COUNT for the form's own label */
	unsigned weight;
	bool center;
};

struct list_spec {
	const char *field;   /* the list field */
	const char *title;   /* NULL: the field's own label */
	bool numbered;       /* a first column ①②… (issues are referred to so) */
	const char *sort_by; /* item field whose choice order groups the rows */
	const struct list_col *cols;
	size_t ncols;
};

static size_t choice_rank(const struct schema_field *f, const struct kaigi_value *v)
{
	if (!f || !f->choices || !v || v->type != KAIGI_TEXT)
		return (size_t)-1;
	int i = schema_choice_find(f->choices, v->s);
	return i < 0 ? (size_t)-1 : (size_t)i;
}

/*
 * A table of list field spec->field of the case.  Returns the block (valid
 * until the next block is added) or NULL when the case has no such list.
 * col_of (when not NULL, spec->ncols long) gets the table column of each
 * spec column, (size_t)-1 for one the form lacks.
 */
static struct report_block *list_table(struct report_build *b, struct report_build_case *rc,
				       struct report_section *s, const struct list_spec *spec,
				       size_t *col_of)
{
	if (col_of)
		for (size_t i = 0; i < spec->ncols; i++)
			col_of[i] = (size_t)-1;
	const struct store_record *r;
	const struct schema_field *f = report_build_find(rc, spec->field, &r);
	if (!f || f->type != SCHEMA_LIST || (f->sensitive && !b->names))
		return NULL;
	const struct schema_form *form = rc->forms[r - rc->recs];
	const struct schema_field *sub[8];
	size_t map[8], nc = 0;
	for (size_t i = 0; i < spec->ncols && i < 8; i++) {
		const struct schema_field *x = schema_subfield_find(f, spec->cols[i].id);
		if (!x || (x->sensitive && !b->names))
			continue;
		sub[nc] = x;
		map[nc++] = i;
	}
	size_t off = spec->numbered ? 1 : 0;
	if (col_of)
		for (size_t c = 0; c < nc; c++)
			col_of[map[c]] = c + off;
	const char *title = spec->title ? spec->title : schema_label_get(&f->label, b->lang);
	struct report_block *t = report_table_add(s, title, nc + off);
	if (spec->numbered)
		report_col_set(t, 0, rs(RS_NO, b->lang), 1, true, false);
	for (size_t c = 0; c < nc; c++) {
		const struct list_col *lc = &spec->cols[map[c]];
		const char *head = lc->head == RS_COUNT ? schema_label_get(&sub[c]->label, b->lang)
							: rs(lc->head, b->lang);
		report_col_set(t, c + off, head, lc->weight, lc->center,
			       spec->sort_by && strcmp(spec->sort_by, lc->id) == 0);
	}
	const char **ids;
	size_t n = report_build_items(r, f->id, &ids);
	/* Order: by the choice order of sort_by (stable), else as entered. */
	size_t *order = xcalloc(n ? n : 1, sizeof *order);
	size_t *rank = xcalloc(n ? n : 1, sizeof *rank);
	const struct schema_field *sortf =
	    spec->sort_by ? schema_subfield_find(f, spec->sort_by) : NULL;
	for (size_t i = 0; i < n; i++) {
		struct store_path path = {f->id, ids[i], spec->sort_by};
		rank[i] = sortf ? choice_rank(sortf, store_record_value(r, &path)) : 0;
		size_t at = i;
		while (at > 0 && rank[order[at - 1]] > rank[i]) {
			order[at] = order[at - 1];
			at--;
		}
		order[at] = i;
	}
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		size_t row = report_row_add(t);
		bool any = false;
		if (spec->numbered) {
			char num[16];
			rs_circled((int)(i + 1), num, sizeof num);
			report_cell_set(t, row, 0, num);
		}
		for (size_t c = 0; c < nc; c++) {
			char *v = report_build_answer_text(b, r, form, f, ids[i], sub[c]->id);
			any |= v != NULL;
			report_cell_set(t, row, c + off, v);
			free(v);
		}
		if (!any) /* an empty item: leave it out */
			t->table.nrows--;
	}
	free(order);
	free(rank);
	free(ids);
	return t;
}

#define FORM_LABEL RS_COUNT
static const struct list_col issue_cols[] = {
    {"demand", FORM_LABEL, 4, false},
    {"need", FORM_LABEL, 5, false},
    {KAIGI_FIELD_CATEGORY, FORM_LABEL, 2, false},
};
static const struct list_col goal_cols[] = {
    {KAIGI_FIELD_HORIZON, FORM_LABEL, 2, true},
    /* case_plan 2: the range (2026-11〜2027-05（6か月）); a town's form may
     * still keep a number of months. */
    {"period", RS_PERIOD, 5, true},
    {"months", RS_PERIOD, 1, true},
    {KAIGI_FIELD_WORDING, FORM_LABEL, 6, false},
    {"indicator", FORM_LABEL, 3, false},
    {"issue", RS_ISSUE_REF, 1, true},
};
static const struct list_col advice_cols[] = {
    {KAIGI_FIELD_PROFESSION, FORM_LABEL, 3, false},
    {"text", FORM_LABEL, 8, false},
    {"issue", RS_ISSUE_REF, 1, true},
};
static const struct list_col action_cols[] = {
    {KAIGI_FIELD_WHO, FORM_LABEL, 3, false},
    {KAIGI_FIELD_WHAT, FORM_LABEL, 6, false},
    {KAIGI_FIELD_DUE, FORM_LABEL, 3, false},
    {KAIGI_FIELD_STATUS, FORM_LABEL, 2, true},
};
/* The register's issues join this table, so its heads are the summary's. */
static const struct list_col regional_cols[] = {
    {KAIGI_FIELD_STATEMENT, RS_ISSUE, 6, false},
    {KAIGI_FIELD_CATEGORY, RS_CATEGORY, 2, false},
    {"policy", RS_POLICY, 2, false},
    {"area", RS_NOTE, 2, false},
};

#define COLS(a) a, sizeof a / sizeof a[0]

static const char *policy_label(const char *policy, const char *lang)
{
	static const struct value_word words[] = {
	    {"cooperation", RS_POLICY_COOPERATION},
	    {"programme", RS_POLICY_PROGRAMME},
	    {"resource", RS_POLICY_RESOURCE},
	    {"resources", RS_POLICY_RESOURCE},
	};
	return value_word(words, sizeof words / sizeof words[0], RS_COUNT, policy, lang);
}

/* Regional issues: the form's list, then issues of the register linked to
 * the case; each is also noted for the meeting's roll-up. */
static enum kaigi_status regional_add(struct report_build *b, struct report_build_case *rc,
				      struct report_section *s, struct kaigi_error *err)
{
	static const struct list_spec spec = {KAIGI_FIELD_REGIONAL_ISSUES, NULL, false, NULL,
					      COLS(regional_cols)};
	size_t col_of[4];
	struct report_block *t = list_table(b, rc, s, &spec, col_of);
	size_t title_col = col_of[0], policy_col = col_of[2], note_col = col_of[3];
	if (t && title_col == (size_t)-1)
		t = NULL; /* a list without statements: the register gets its own table */
	for (size_t row = 0; t && row < t->table.nrows; row++)
		report_build_regional_note(
		    b, report_cell_text(&t->table, row, title_col),
		    policy_col != (size_t)-1 ? report_cell_text(&t->table, row, policy_col) : NULL,
		    rc->number);
	struct store_case_issue_list il;
	enum kaigi_status st = store_case_issue_list(b->st, rc->c->id, &il, err);
	if (st != KAIGI_OK)
		return st;
	if (il.n && !t) {
		t = report_table_add(s, rs(RS_REGIONAL, b->lang), 3);
		report_col_set(t, 0, rs(RS_ISSUE, b->lang), 6, false, false);
		report_col_set(t, 1, rs(RS_POLICY, b->lang), 2, false, false);
		report_col_set(t, 2, rs(RS_NOTE, b->lang), 4, false, false);
		title_col = 0;
		policy_col = 1;
		note_col = 2;
	}
	size_t nraised = t ? t->table.nrows : 0;
	for (size_t i = 0; i < il.n; i++) {
		const struct store_case_issue *ci = &il.v[i];
		const char *policy = policy_label(ci->policy, b->lang);
		/* Raised in the case and registered too: one row, the register's
		 * note joining the raised issue's own (it was printed twice). */
		size_t same = (size_t)-1;
		for (size_t r = 0; r < nraised && same == (size_t)-1; r++)
			if (ci->title &&
			    strcmp(report_cell_text(&t->table, r, title_col), ci->title) == 0)
				same = r;
		if (same != (size_t)-1) {
			const char *note = ci->note ? ci->note : ci->description;
			if (note_col != (size_t)-1 && note && *note) {
				const char *had = report_cell_text(&t->table, same, note_col);
				char *both = *had ? xasprintf("%s／%s", had, note) : xstrdup(note);
				report_cell_set(t, same, note_col, both);
				free(both);
			}
			continue;
		}
		size_t row = report_row_add(t);
		report_cell_set(t, row, title_col, ci->title);
		if (policy_col != (size_t)-1)
			report_cell_set(t, row, policy_col, policy);
		if (note_col != (size_t)-1)
			report_cell_set(t, row, note_col, ci->note ? ci->note : ci->description);
		report_build_regional_note(b, ci->title, policy, rc->number);
	}
	store_case_issue_list_free(&il);
	return KAIGI_OK;
}

enum kaigi_status report_build_case_section(struct report_build *b, struct report_build_case *rc,
					    struct kaigi_error *err)
{
	char *title =
	    xasprintf(rs(RS_CASE_FMT, b->lang), rc->number, rc->person.code ? rc->person.code : "");
	struct report_section *s = report_section_add(b->doc, title, true);
	free(title);
	basics_add(b, rc, s);
	const char *wish_label;
	char *wish = case_text(b, rc, "desired_life|wish", &wish_label);
	report_paragraph_add(s, rs(RS_WISH, b->lang), wish);
	free(wish);

	enum kaigi_status st = report_build_grids_add(b, rc, s, err);
	if (st == KAIGI_OK)
		st = report_build_followup_add(b, rc, s, err);
	if (st != KAIGI_OK)
		return st;

	static const struct list_spec issues = {KAIGI_FIELD_ISSUES, NULL, true, NULL,
						COLS(issue_cols)};
	static const struct list_spec goals = {KAIGI_FIELD_GOALS, NULL, false, NULL,
					       COLS(goal_cols)};
	static const struct list_spec actions = {KAIGI_FIELD_ACTIONS, NULL, false, NULL,
						 COLS(action_cols)};
	struct list_spec advice = {KAIGI_FIELD_ADVICE, rs(RS_ADVICE, b->lang), false,
				   KAIGI_FIELD_PROFESSION, COLS(advice_cols)};
	list_table(b, rc, s, &issues, NULL);
	list_table(b, rc, s, &goals, NULL);
	list_table(b, rc, s, &advice, NULL);
	list_table(b, rc, s, &actions, NULL);

	const char *fl;
	char *followup = case_text(b, rc, KAIGI_FIELD_FOLLOWUP_DATE "|followup", &fl);
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, fl ? fl : rs(RS_FOLLOWUP, b->lang), followup);
	free(followup);

	st = regional_add(b, rc, s, err);
	if (st == KAIGI_OK)
		st = report_build_case_decisions_add(b, rc->c, s, err);
	report_section_prune(s);
	return st;
}
