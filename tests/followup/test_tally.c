// SPDX-License-Identifier: MIT
/*
 * test_tally.c — the town's tallies, 年度, measures, KPIs and the policy
 * meeting on a fixture year the test writes itself from the
 * counts below, so every expected figure is worked out here:
 *
 *   FY2025 (令和7年度): five reviews, the last on 31 March 2026 with a
 *   medication problem; FY2026 (令和8年度): ten reviews, six of people of
 *   東地区 and four of 西地区; the medication row is rated a problem (△/×)
 *   in four of them (three 東, one 西; a "—" not applicable does not
 *   count), an issue of category medical in three (one with two), key
 *   problem 3 in two; "服薬管理の支援が足りない" raised in three and the
 *   near-identical "服薬管理の支援が不足している" in one.  Three people
 *   first seen in FY2025 are reviewed a year later: heavier, same, lighter.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "kaigi/fiscal.h"
#include "kaigi/followup.h"
#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/report.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/tally.h"
#include "kaigi/xalloc.h"

#define RA      "服薬管理の支援が足りない"
#define RB      "服薬管理の支援が不足している"
#define RC      "通いの場が少ない"
#define ISSUE   "服薬管理の支援が足りない（台帳）"
#define MED_KEY "row:adl_toyoake/adl/medication"

struct fx_case {
	const char *date, *person, *id, *follows;
	int med;            /* the medication row's rating now; 0: not rated */
	const char *cats;   /* categories of the case's issues, space-separated */
	const char *codes;  /* key problems */
	const char *raised; /* a raised regional issue */
	const char *level;  /* care level */
	bool link;          /* linked to the register issue */
};

static const struct fx_case fx[] = {
    /* FY2025 */
    {"2025-04-10", "P01", "00000000-0000-4000-8000-0000000000c1", NULL, 2, NULL, NULL, NULL,
     "shien1", true},
    {"2025-05-01", "P02", "00000000-0000-4000-8000-0000000000c2", NULL, 0, NULL, NULL, NULL,
     "kaigo1", false},
    {"2025-06-01", "P03", "00000000-0000-4000-8000-0000000000c3", NULL, 0, NULL, NULL, NULL,
     "kaigo2", false},
    {"2025-07-01", "P04", NULL, NULL, 0, NULL, NULL, NULL, "kaigo1", false},
    {"2026-03-31", "P05", NULL, NULL, 4, "medical", NULL, NULL, "shien2", false},
    /* FY2026 */
    {"2026-04-01", "P06", "00000000-0000-4000-8000-0000000000c6", NULL, 3, "medical medical", "3",
     RA, "shien1", false},
    {"2026-04-01", "P10", NULL, NULL, 5, "medical", NULL, RA, NULL, false},
    {"2026-04-01", "P07", NULL, NULL, 7, NULL, "3", RB, NULL, false},
    {"2026-04-15", "P01", "00000000-0000-4000-8000-0000000000c9",
     "00000000-0000-4000-8000-0000000000c1", 6, NULL, NULL, RA, "kaigo1", false},
    {"2026-05-01", "P02", NULL, "00000000-0000-4000-8000-0000000000c2", 1, NULL, NULL, NULL,
     "kaigo1", false},
    {"2026-06-01", "P03", NULL, "00000000-0000-4000-8000-0000000000c3", 0, "mobility", NULL, RC,
     "kaigo1", false},
    {"2026-10-01", "P08", NULL, NULL, 4, "medical", NULL, NULL, NULL, false},
    {"2026-10-01", "P09", NULL, NULL, 2, NULL, NULL, NULL, NULL, false},
    {"2026-10-01", "P11", NULL, NULL, 2, NULL, "1", NULL, NULL, false},
    {"2026-10-01", "P12", NULL, NULL, 0, "social", NULL, NULL, NULL, false},
};

static const char *area_of(const char *person)
{
	static const char *const west[] = {"P03", "P04", "P10", "P11", "P12"};
	for (size_t i = 0; i < sizeof west / sizeof west[0]; i++)
		if (strcmp(person, west[i]) == 0)
			return "西地区";
	return "東地区";
}

/* The record file of the fixture, one meeting per date. */
static char *fixture_yaml(void)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_append(&b, "kaigi: records\nversion: 1\npeople:\n");
	for (int i = 1; i <= 12; i++) {
		char code[8];
		snprintf(code, sizeof code, "P%02d", i);
		strbuf_appendf(&b, "  - {code: %s, area: %s}\n", code, area_of(code));
	}
	strbuf_appendf(&b,
		       "regional_issues:\n  - title: %s\n    policy: cooperation\n"
		       "    status: addressed\n    category: medical\n"
		       "    measure: 薬剤師がケアマネジャーに同行して訪問する\n"
		       "    decided: 2025-06-01\n    indicator: 服薬で課題ありの事例の割合（%%）\n"
		       "    indicator_key: %s\n    baseline: 44\n    baseline_date: 2025-03-31\n"
		       "    target: 30\n    target_date: 2027-03-31\n    result: 25\n"
		       "    result_date: 2027-03-31\n",
		       ISSUE, MED_KEY);
	strbuf_append(&b, "meetings:\n");
	const char *date = NULL;
	for (size_t i = 0; i < sizeof fx / sizeof fx[0]; i++) {
		const struct fx_case *c = &fx[i];
		if (!date || strcmp(date, c->date) != 0) {
			date = c->date;
			strbuf_appendf(&b,
				       "  - {template: independence_support, title: \"%s\", date: "
				       "%s}\n",
				       date, date);
			/* reopen the mapping to add cases */
			b.len -= 2;
			b.s[b.len] = '\0';
			strbuf_append(&b, ", cases: [\n");
		}
		strbuf_appendf(&b, "      {person: %s", c->person);
		if (c->id)
			strbuf_appendf(&b, ", id: %s", c->id);
		if (c->follows)
			strbuf_appendf(&b, ", follows: %s", c->follows);
		if (c->link)
			strbuf_appendf(&b, ", regional_issues: [{issue: %s}]", ISSUE);
		strbuf_append(&b, ", records: [");
		if (c->level || c->codes) {
			strbuf_append(&b, "{form: toyoake_case_sheet, answers: {");
			if (c->level)
				strbuf_appendf(&b, "care_level: %s, ", c->level);
			if (c->codes)
				strbuf_appendf(&b, "key_problems: \"%s\", ", c->codes);
			strbuf_append(&b, "}}, ");
		}
		if (c->med)
			strbuf_appendf(&b,
				       "{form: adl_toyoake, answers: {adl: {medication: {before: "
				       "%d}}}}, ",
				       c->med);
		strbuf_append(&b, "{form: case_plan, answers: {");
		if (c->cats) {
			strbuf_append(&b, "issues: [");
			char *cats = xstrdup(c->cats), *save = NULL;
			for (char *t = strtok_r(cats, " ", &save); t;
			     t = strtok_r(NULL, " ", &save))
				strbuf_appendf(&b, "{need: 課題, category: %s}, ", t);
			free(cats);
			strbuf_append(&b, "], ");
		}
		if (c->raised)
			strbuf_appendf(&b,
				       "regional_issues: [{statement: %s, category: medical}], ",
				       c->raised);
		strbuf_append(&b, "followup_date: 2027-01-01}}]},\n");
		bool last = i + 1 == sizeof fx / sizeof fx[0] || strcmp(fx[i + 1].date, date) != 0;
		if (last)
			strbuf_append(&b, "    ]}\n");
	}
	return strbuf_take(&b);
}

static struct fixture *fx_open(void)
{
	struct fixture *f = fixture_new(NULL);
	char path[320];
	snprintf(path, sizeof path, "%s/year.yaml", f->dir);
	char *yaml = fixture_yaml();
	test_write_file(path, yaml);
	free(yaml);
	fixture_import(f, path);
	return f;
}

/* cmocka setup: the shipped forms with the year's fixture imported. */
static int tally_setup(void **state)
{
	*state = fx_open();
	return 0;
}

static const struct store_tally_line *line(const struct store_tally *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, key) == 0)
			return &t->v[i];
	return NULL;
}

static size_t area_cases(const struct store_tally_line *l, const char *area)
{
	for (size_t i = 0; l && i < l->nareas; i++)
		if (strcmp(l->areas[i].area, area) == 0)
			return l->areas[i].cases;
	return 0;
}

/* 年度 y (April to March) as a period over every area; its dates are
 * kept in d. */
struct fy_dates {
	char from[11], to[11];
};

static struct store_period fy(struct fy_dates *d, int y)
{
	kaigi_year_range(y, false, d->from, d->to);
	return (struct store_period){d->from, d->to, NULL};
}

/* Shares per category, per grid row, per key problem code, by area. */
static void tally_shares(void **state)
{
	struct fixture *f = *state;
	struct fy_dates d;
	struct store_period p = fy(&d, 2026);
	struct store_tally t;
	struct kaigi_error err;
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	assert_int_equal(t.cases, 10);
	const struct store_tally_line *l = line(&t, MED_KEY);
	assert_non_null(l);
	assert_int_equal(l->cases, 4); /* 3, 5, 6, 4 — not the "—" (7), not 1 or 2 */
	assert_int_equal(area_cases(l, "東地区"), 3);
	assert_int_equal(area_cases(l, "西地区"), 1);
	assert_string_equal(store_tally_label(&f->forms, l, "ja"), "服薬");
	l = line(&t, "category:medical");
	assert_non_null(l);
	assert_int_equal(l->cases, 3); /* a case with two medical issues counts once */
	assert_int_equal(line(&t, "category:social")->cases, 1);
	l = line(&t, "code:toyoake_case_sheet/key_problems/3");
	assert_non_null(l);
	assert_int_equal(l->cases, 2);
	assert_int_equal(line(&t, "code:toyoake_case_sheet/key_problems/1")->cases, 1);
	double share;
	size_t n, of;
	assert_int_equal(store_tally_share(f->st, &p, MED_KEY, &share, &n, &of, &err), KAIGI_OK);
	assert_int_equal(n, 4);
	assert_int_equal(of, 10);
	assert_true(share > 39.99 && share < 40.01);
	/* The cases behind the figure. */
	struct store_case_list cases;
	assert_int_equal(store_tally_cases(f->st, &p, MED_KEY, &cases, &err), KAIGI_OK);
	assert_int_equal(cases.n, 4);
	assert_string_equal(cases.v[0].meeting_date, "2026-10-01"); /* newest first */
	store_case_list_free(&cases);
	store_tally_free(&t);
	/* An area: only its cases, and its own denominator. */
	struct store_period west = {d.from, d.to, "西地区"};
	assert_int_equal(store_tally_share(f->st, &west, MED_KEY, &share, &n, &of, &err), KAIGI_OK);
	assert_int_equal(n, 1);
	assert_int_equal(of, 4);
}

/* Near-identical wordings under one line until merged. */
static void near_duplicates(void **state)
{
	struct fixture *f = *state;
	assert_true(store_text_similarity(RA, RB) >= 0.5);
	assert_true(store_text_similarity(RA, RC) < 0.2);
	struct fy_dates d;
	struct store_period p = fy(&d, 2026);
	struct store_tally t;
	struct kaigi_error err;
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	const struct store_tally_line *a = line(&t, "raised:" RA), *b = line(&t, "raised:" RB);
	const struct store_tally_line *c = line(&t, "raised:" RC);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_int_equal(a->cases, 3);
	assert_int_equal(b->cases, 1);
	assert_int_equal(a->similar_to, (size_t)-1);
	assert_ptr_equal(&t.v[b->similar_to], a); /* grouped under A … */
	assert_ptr_equal(b, a + 1);               /* … right after it */
	assert_int_equal(c->similar_to, (size_t)-1);
	store_tally_free(&t);
	/* Merged: one line of four cases. */
	assert_int_equal(store_wording_merge(f->st, RB, RA, &err), KAIGI_OK);
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	assert_null(line(&t, "raised:" RB));
	assert_int_equal(line(&t, "raised:" RA)->cases, 4);
	store_tally_free(&t);
	/* And undone. */
	assert_int_equal(store_wording_merge(f->st, RB, NULL, &err), KAIGI_OK);
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	assert_int_equal(line(&t, "raised:" RA)->cases, 3);
	store_tally_free(&t);
	assert_int_equal(store_wording_merge(f->st, RA, RA, &err), KAIGI_EDATA);
}

/* 31 March is the last day of the 年度 that began the April before. */
static void fiscal_boundaries(void **state)
{
	assert_int_equal(kaigi_year_of("2026-03-31", false), 2025);
	assert_int_equal(kaigi_year_of("2026-04-01", false), 2026);
	assert_int_equal(kaigi_year_of("2026-03-31", true), 2026);
	char from[11], to[11], name[32];
	kaigi_year_range(2026, false, from, to);
	assert_string_equal(from, "2026-04-01");
	assert_string_equal(to, "2027-03-31");
	kaigi_year_range(2026, true, from, to);
	assert_string_equal(to, "2026-12-31");
	kaigi_year_name(2026, false, "ja", name, sizeof name);
	assert_string_equal(name, "令和8年度");
	kaigi_year_name(2019, false, "ja", name, sizeof name);
	assert_string_equal(name, "令和元年度");
	kaigi_year_name(2018, false, "ja", name, sizeof name);
	assert_string_equal(name, "平成30年度");
	kaigi_year_name(2026, false, "en", name, sizeof name);
	assert_string_equal(name, "FY2026");
	struct fixture *f = *state;
	struct kaigi_error err;
	struct fy_dates d;
	struct store_period p = fy(&d, 2025);
	double share;
	size_t n, of;
	assert_int_equal(store_tally_share(f->st, &p, MED_KEY, &share, &n, &of, &err), KAIGI_OK);
	assert_int_equal(of, 5); /* the review of 31 March is FY2025's … */
	assert_int_equal(n, 1);
	fy(&d, 2026);
	assert_int_equal(store_tally_share(f->st, &p, MED_KEY, &share, &n, &of, &err), KAIGI_OK);
	assert_int_equal(of, 10); /* … and 1 April opens FY2026 */
	/* Outcomes group by 年度 too. */
	struct store_outcome_list o;
	struct store_period all = {NULL, NULL, NULL};
	assert_int_equal(store_outcome_rollup(f->st, &all, &o, &err), KAIGI_OK);
	for (size_t i = 0; i < o.n; i++)
		assert_string_equal(o.v[i].year, "2026");
	store_outcome_list_free(&o);
}

/* The care level a year on, for people followed across 年度. */
static void deterioration(void **state)
{
	struct fixture *f = *state;
	struct store_kpi_list k;
	struct kaigi_error err;
	assert_int_equal(store_kpi_rollup(f->st, NULL, false, &k, &err), KAIGI_OK);
	size_t people = 0, followed = 0, worse = 0, same = 0, better = 0;
	size_t fu = 0, fu_better = 0, fu_same = 0, fu_worse = 0;
	for (size_t i = 0; i < k.n; i++) {
		if (k.v[i].year == 2025) {
			people += k.v[i].people;
			followed += k.v[i].followed_1y;
			worse += k.v[i].worse_1y;
			same += k.v[i].same_1y;
			better += k.v[i].better_1y;
		}
		if (k.v[i].year == 2026) {
			fu += k.v[i].followups;
			fu_better += k.v[i].improved;
			fu_same += k.v[i].same;
			fu_worse += k.v[i].worse;
		}
	}
	assert_int_equal(people, 5);   /* first seen in FY2025 with a care level */
	assert_int_equal(followed, 3); /* seen again 9–15 months on */
	assert_int_equal(worse, 1);    /* 要支援1 → 要介護1 */
	assert_int_equal(same, 1);
	assert_int_equal(better, 1);
	assert_int_equal(fu, 3);
	assert_int_equal(fu_better, 1);
	assert_int_equal(fu_same, 1);
	assert_int_equal(fu_worse, 1);
	store_kpi_list_free(&k);
}

/* The nine-month edge at a month's end: 31 May + 9 months is 2 March
 * (date() carries 31 February over), later than 1 June + 9 months, 1 March.
 * A review on 1 March is a year on for the 1 June review only, even with
 * the period starting on 31 May (the span the year-later reviews are read
 * from is the widest of the base reviews', not the earliest one's). */
static void deterioration_month_end(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/edge.yaml", f->dir);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fputs("kaigi: records\nversion: 1\npeople:\n"
	      "  - {code: Q1, area: 東地区}\n  - {code: Q2, area: 東地区}\nmeetings:\n",
	      out);
	static const char *const m[][3] = {{"2025-05-31", "Q1", "kaigo1"},
					   {"2025-06-01", "Q2", "kaigo1"},
					   {"2026-03-01", "Q1", "kaigo2"},
					   {"2026-03-01", "Q2", "kaigo2"}};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		fprintf(out,
			"  - {template: independence_support, title: m%zu, date: %s, cases: "
			"[{person: %s, records: [{form: toyoake_case_sheet, answers: {care_level: "
			"%s}}]}]}\n",
			i, m[i][0], m[i][1], m[i][2]);
	fclose(out);
	fixture_import(f, path);
	struct store_period p = {.from = "2025-05-31", .to = "2025-06-01"};
	struct store_kpi_list k;
	struct kaigi_error err;
	assert_int_equal(store_kpi_rollup(f->st, &p, false, &k, &err), KAIGI_OK);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.v[0].year, 2025);
	assert_int_equal(k.v[0].people, 2);
	assert_int_equal(k.v[0].followed_1y, 1); /* Q2 only: Q1's 1 March is too early */
	assert_int_equal(k.v[0].worse_1y, 1);
	store_kpi_list_free(&k);
}

/* The measure's target against its result, and kaigi's own figures. */
static void targets_results(void **state)
{
	struct fixture *f = *state;
	struct fy_dates d;
	struct store_period p = fy(&d, 2026);
	struct report_options ro = {.lang = "ja", .width = 160};
	struct strbuf out = STRBUF_INIT;
	struct kaigi_error err;
	assert_int_equal(
	    report_regional_render(f->st, &f->forms, &p, REPORT_MARKDOWN, &ro, &out, &err),
	    KAIGI_OK);
	if (getenv("TALLY_DUMP"))
		fputs(out.s, stderr);
	assert_non_null(strstr(out.s, "令和8年度"));
	assert_non_null(strstr(out.s, "薬剤師がケアマネジャーに同行して訪問する"));
	assert_non_null(strstr(out.s, "25（令和9年3月31日） 達成")); /* 25 ≤ target 30 */
	assert_non_null(strstr(out.s, "20.0%"));        /* FY2025, when it was decided */
	assert_non_null(strstr(out.s, "40.0% (4/10)")); /* this period */
	assert_non_null(strstr(out.s, "≈ " RB));        /* grouped under RA */
	strbuf_free(&out);
	/* The CSV carries the same. */
	assert_int_equal(report_regional_csv(f->st, &f->forms, &p, "ja", &out, &err), KAIGI_OK);
	assert_non_null(strstr(out.s, "tally,,,,,,,,,,,4,,,,,,,,,,row," MED_KEY ",服薬,10,40.0"));
	assert_non_null(strstr(out.s, ",44,2025-03-31,30,2027-03-31,25,2027-03-31"));
	strbuf_free(&out);
}

/* A policy meeting (地域ケア推進会議) on date, titled title (NULL:
 * none), made in f's store; its id goes to m->id. */
static void policy_meeting(struct fixture *f, struct store_meeting *m, char *date, char *title)
{
	struct kaigi_error err;
	memset(m, 0, sizeof *m);
	m->template_id = "policy";
	m->kind = "policy";
	m->f[STORE_MEETING_DATE] = date;
	m->f[STORE_MEETING_TITLE] = title;
	assert_int_equal(store_meeting_create(f->st, m, &err), KAIGI_OK);
}

/* A decision of the policy meeting reaches the linked case and the
 * person's next review; not others. */
static void policy_decision(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_meeting m;
	policy_meeting(f, &m, "2025-09-01", "令和7年度 第1回 地域ケア推進会議");
	char issue[STORE_ID_SIZE];
	snprintf(issue, sizeof issue, "%s",
		 fixture_text(f, "SELECT id FROM regional_issue WHERE title = '" ISSUE "'"));
	assert_int_equal(store_agenda_add(f->st, m.id, issue, &err), KAIGI_OK);
	assert_int_equal(
	    store_agenda_decide(f->st, m.id, issue, "薬剤師の同行訪問を全圏域で始める", &err),
	    KAIGI_OK);
	struct store_decision_list d;
	assert_int_equal(store_agenda_list(f->st, m.id, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].issue_title, ISSUE);
	store_decision_list_free(&d);
	/* The linked case. */
	assert_int_equal(
	    store_case_decisions(f->st, "00000000-0000-4000-8000-0000000000c1", &d, &err),
	    KAIGI_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].decision, "薬剤師の同行訪問を全圏域で始める");
	assert_string_equal(d.v[0].meeting_date, "2025-09-01");
	store_decision_list_free(&d);
	/* The same person's next review. */
	assert_int_equal(
	    store_case_decisions(f->st, "00000000-0000-4000-8000-0000000000c9", &d, &err),
	    KAIGI_OK);
	assert_int_equal(d.n, 1);
	store_decision_list_free(&d);
	/* Someone else's case. */
	assert_int_equal(
	    store_case_decisions(f->st, "00000000-0000-4000-8000-0000000000c6", &d, &err),
	    KAIGI_OK);
	assert_int_equal(d.n, 0);
	store_decision_list_free(&d);
	/* The meeting's summary shows the decision. */
	struct strbuf out = STRBUF_INIT;
	struct report_options ro = {.lang = "ja", .width = 120};
	assert_int_equal(
	    report_meeting_render(f->st, &f->forms, m.id, REPORT_TEXT, &ro, &out, &err), KAIGI_OK);
	assert_non_null(strstr(out.s, "薬剤師の同行訪問を全圏域で始める"));
	strbuf_free(&out);
	/* And so does the linked case's meeting summary. */
	char mid[STORE_ID_SIZE];
	snprintf(mid, sizeof mid, "%s",
		 fixture_text(f, "SELECT meeting_id FROM case_review WHERE id = "
				 "'00000000-0000-4000-8000-0000000000c9'"));
	assert_int_equal(report_meeting_render(f->st, &f->forms, mid, REPORT_TEXT, &ro, &out, &err),
			 KAIGI_OK);
	assert_non_null(strstr(out.s, "薬剤師の同行訪問を全圏域で始める"));
	strbuf_free(&out);
}

/* The outcome sheet's scales are higher-is-better: 2 → 4 is improvement
 * there, worsening on an ADL rating. */
static void outcome_direction(void **state)
{
	struct fixture *f = *state;
	const struct schema_form *os = schema_form_find(&f->forms, "outcome_sheet");
	const struct schema_field *g = schema_field_find(os, "outcomes");
	assert_non_null(g);
	assert_true(g->columns[1].higher_better);
	struct kaigi_value a = {0}, b = {0};
	kaigi_value_set_int(&a, 2);
	kaigi_value_set_int(&b, 4);
	assert_int_equal(store_change_of(g, &g->rows[0], 1, &a, &b), STORE_CHANGE_BETTER);
	const struct schema_form *adl = schema_form_find(&f->forms, "adl_toyoake");
	const struct schema_field *ag = schema_field_find(adl, "adl");
	assert_int_equal(store_change_of(ag, &ag->rows[0], 0, &a, &b), STORE_CHANGE_WORSE);
	/* A planning meeting's own outcome sheet (no case, no person), as its
	 * own summary: the programme, the two sittings, the change. */
	char path[320];
	snprintf(path, sizeof path, "%s/plan.yaml", f->dir);
	test_write_file(
	    path,
	    "kaigi: records\nversion: 1\nmeetings:\n"
	    "  - {id: 00000000-0000-4000-8000-0000000000f1, template: planning, title: 振り返り, "
	    "date: 2026-01-20, records: [{form: outcome_sheet, answers: {programme: 規範的統合, "
	    "before_date: 2025-04-01, after_date: 2026-01-15, outcomes: {acceptability: "
	    "{a_before: 2, a_after: 4, b_before: 3, b_after: 3}, appropriateness: {a_before: 4, "
	    "a_after: 3}}}}]}\n");
	fixture_import(f, path);
	struct report_options ro = {.lang = "ja", .sheet = "outcome_sheet"};
	struct strbuf doc = STRBUF_INIT;
	struct kaigi_error err;
	assert_int_equal(report_meeting_render(f->st, &f->forms,
					       "00000000-0000-4000-8000-0000000000f1",
					       REPORT_MARKDOWN, &ro, &doc, &err),
			 KAIGI_OK);
	assert_non_null(strstr(doc.s, "規範的統合"));
	assert_non_null(strstr(doc.s, "令和7年4月1日 → 令和8年1月15日"));
	assert_non_null(strstr(doc.s, "| 受容性 | 2 | 4 | ↑ 改善 | 3 | 3 | → 維持 |"));
	assert_non_null(strstr(doc.s, "| 適切性 | 4 | 3 | ↓ 悪化 |"));
	assert_null(strstr(doc.s, "採用")); /* unanswered viewpoints are left out */
	strbuf_free(&doc);
	/* A form the meeting has no sheet of. */
	ro.sheet = "process_sheet";
	assert_int_equal(report_meeting_render(f->st, &f->forms,
					       "00000000-0000-4000-8000-0000000000f1",
					       REPORT_MARKDOWN, &ro, &doc, &err),
			 KAIGI_EDATA);
	strbuf_free(&doc);
}

static int area_cmp(const void *a, const void *b)
{
	return strcmp(((const struct store_tally_area *)a)->area,
		      ((const struct store_tally_area *)b)->area);
}

/* Every line of a tally with its count per area (areas by name), one per
 * line. */
static char *tally_digest(const struct store_tally *t)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_appendf(&b, "cases %zu\n", t->cases);
	qsort(t->areas, t->nareas, sizeof *t->areas, area_cmp);
	for (size_t i = 0; i < t->nareas; i++)
		strbuf_appendf(&b, " %s %zu\n", t->areas[i].area, t->areas[i].cases);
	for (size_t i = 0; i < t->n; i++) {
		strbuf_appendf(&b, "%s %zu", t->v[i].key, t->v[i].cases);
		qsort(t->v[i].areas, t->v[i].nareas, sizeof *t->v[i].areas, area_cmp);
		for (size_t k = 0; k < t->v[i].nareas; k++)
			strbuf_appendf(&b, " %s=%zu", t->v[i].areas[k].area,
				       t->v[i].areas[k].cases);
		strbuf_append(&b, "\n");
	}
	return strbuf_take(&b);
}

/* The tally of p with the medication line's count overall and in 東/西,
 * checked against the same tally counted afresh from the answers (the
 * kept rows thrown away through a second connection first). */
static void med_is(struct fixture *f, const struct store_period *p, size_t of, size_t n,
		   size_t east, size_t west)
{
	struct store_tally t;
	struct kaigi_error err;
	assert_int_equal(store_tally_run(f->st, p, &t, &err), KAIGI_OK);
	assert_true(fixture_int(f, "SELECT count(*) FROM tally_hit WHERE kind = -1") >=
		    (long long)of);
	assert_int_equal(t.cases, of);
	const struct store_tally_line *l = line(&t, MED_KEY);
	assert_int_equal(l ? l->cases : 0, n);
	assert_int_equal(area_cases(l, "東地区"), east);
	assert_int_equal(area_cases(l, "西地区"), west);
	char *kept = tally_digest(&t);
	store_tally_free(&t);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM tally_hit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_tally_run(f->st, p, &t, &err), KAIGI_OK);
	char *fresh = tally_digest(&t);
	store_tally_free(&t);
	assert_string_equal(kept, fresh);
	free(kept);
	free(fresh);
}

/* The kept counts (tally_hit, db/011) follow every edit: an answer, a
 * person's area, a meeting's date, a case deleted, a wording merged. */
static void kept_rows(void **state)
{
	struct fixture *f = *state;
	struct fy_dates d;
	struct store_period p = fy(&d, 2026);
	struct kaigi_error err;
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM tally_hit"), 0);
	med_is(f, &p, 10, 4, 3, 1);
	/* Kept now: a second run reads them (the fixture has 15 reviews in
	 * all; FY2026's 10 are kept). */
	struct store_tally t;
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	store_tally_free(&t);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM tally_hit WHERE kind = -1"), 10);
	/* P06's medication rated fine now (3 → 1): one fewer, in 東. */
	fixture_save(f, "00000000-0000-4000-8000-0000000000c6", "adl_toyoake", "adl", "medication",
		     "before", "1");
	med_is(f, &p, 10, 3, 2, 1);
	/* And cleared altogether: still not counted. */
	fixture_save(f, "00000000-0000-4000-8000-0000000000c6", "adl_toyoake", "adl", "medication",
		     "before", NULL);
	med_is(f, &p, 10, 3, 2, 1);
	/* P01 (rated 6, a problem) moves to 西地区. */
	fixture_person_area(f, "P01", "西地区");
	med_is(f, &p, 10, 3, 1, 2);
	/* The meeting of 1 October 2026 (four reviews, P08 rated 4) moves
	 * into the next 年度. */
	char *mid = xstrdup(fixture_text(f, "SELECT id FROM meeting WHERE date = '2026-10-01'"));
	assert_int_equal(store_meeting_set(f->st, mid, STORE_MEETING_DATE, "2027-04-01", &err),
			 KAIGI_OK);
	med_is(f, &p, 6, 2, 0, 2);
	/* P01's review deleted. */
	assert_int_equal(store_case_delete(f->st, "00000000-0000-4000-8000-0000000000c9", &err),
			 KAIGI_OK);
	med_is(f, &p, 5, 1, 0, 1);
	/* Back into FY2026, and the meeting deleted with its reviews. */
	assert_int_equal(store_meeting_set(f->st, mid, STORE_MEETING_DATE, "2026-10-02", &err),
			 KAIGI_OK);
	med_is(f, &p, 9, 2, 1, 1);
	assert_int_equal(store_meeting_delete(f->st, mid, &err), KAIGI_OK);
	med_is(f, &p, 5, 1, 0, 1);
	free(mid);
	/* A wording merged after its reviews were kept. */
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	assert_int_equal(line(&t, "raised:" RA)->cases, 2);
	store_tally_free(&t);
	assert_int_equal(store_wording_merge(f->st, RB, RA, &err), KAIGI_OK);
	assert_int_equal(store_tally_run(f->st, &p, &t, &err), KAIGI_OK);
	assert_null(line(&t, "raised:" RB));
	assert_int_equal(line(&t, "raised:" RA)->cases, 3);
	char *writer = tally_digest(&t);
	store_tally_free(&t);
	/* A reader (it keeps nothing) counts what is not kept from the
	 * answers: here one review's rows are gone. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "DELETE FROM tally_hit WHERE case_id = "
				      "'00000000-0000-4000-8000-0000000000c6'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	struct store *ro = NULL;
	assert_int_equal(store_open(&ro, f->db, STORE_READ_ONLY, &err), KAIGI_OK);
	store_set_forms(ro, &f->forms);
	assert_int_equal(store_tally_run(ro, &p, &t, &err), KAIGI_OK);
	char *reader = tally_digest(&t);
	store_tally_free(&t);
	store_close(ro);
	assert_string_equal(reader, writer);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM tally_hit WHERE case_id = "
					"'00000000-0000-4000-8000-0000000000c6'"),
			 0);
	free(reader);
	free(writer);
}

/* The policy meeting's agenda in the order the facilitator sets. */
static void agenda_order(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_meeting m;
	policy_meeting(f, &m, "2026-09-01", NULL);
	const char *titles[] = {ISSUE, "通いの場が足りない", "移動手段がない"};
	char ids[3][STORE_ID_SIZE];
	for (int i = 0; i < 3; i++) {
		if (i == 0) {
			snprintf(ids[0], sizeof ids[0], "%s",
				 fixture_text(
				     f, "SELECT id FROM regional_issue WHERE title = '" ISSUE "'"));
		} else {
			struct store_issue is = {0};
			is.title = xstrdup(titles[i]);
			is.status = xstrdup("open");
			assert_int_equal(store_issue_save(f->st, &is, &err), KAIGI_OK);
			snprintf(ids[i], sizeof ids[i], "%s", is.id);
			store_issue_clear(&is);
		}
		assert_int_equal(store_agenda_add(f->st, m.id, ids[i], &err), KAIGI_OK);
	}
	struct store_decision_list d;
	/* The last one up twice: first. */
	assert_int_equal(store_agenda_move(f->st, m.id, ids[2], -1, &err), KAIGI_OK);
	assert_int_equal(store_agenda_move(f->st, m.id, ids[2], -1, &err), KAIGI_OK);
	assert_int_equal(store_agenda_move(f->st, m.id, ids[2], -1, &err), KAIGI_OK); /* stays */
	assert_int_equal(store_agenda_move(f->st, m.id, ids[0], 1, &err), KAIGI_OK);
	assert_int_equal(store_agenda_list(f->st, m.id, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.v[0].issue_title, titles[2]);
	assert_string_equal(d.v[1].issue_title, titles[1]);
	assert_string_equal(d.v[2].issue_title, titles[0]);
	store_decision_list_free(&d);
	assert_int_equal(store_agenda_move(f->st, m.id, ids[0], 1, &err), KAIGI_OK); /* last */
	assert_int_equal(store_agenda_move(f->st, m.id, ids[0], 2, &err), KAIGI_EDATA);
	/* Taken off: the rest keep their order. */
	assert_int_equal(store_agenda_remove(f->st, m.id, ids[1], &err), KAIGI_OK);
	assert_int_equal(store_agenda_list(f->st, m.id, &d, &err), KAIGI_OK);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].issue_title, titles[2]);
	assert_string_equal(d.v[1].issue_title, titles[0]);
	store_decision_list_free(&d);
}

/* A test on its own fixture, made and freed around it. */
#define T(f) cmocka_unit_test_setup_teardown(f, tally_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(tally_shares),
	    T(near_duplicates),
	    T(fiscal_boundaries),
	    T(deterioration),
	    cmocka_unit_test_setup_teardown(deterioration_month_end, fixture_setup_shipped,
					    fixture_teardown),
	    T(targets_results),
	    T(policy_decision),
	    cmocka_unit_test_setup_teardown(outcome_direction, fixture_setup_shipped,
					    fixture_teardown),
	    T(kept_rows),
	    T(agenda_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
