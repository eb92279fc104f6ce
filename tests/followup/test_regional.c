// SPDX-License-Identifier: MIT
/*
 * test_regional.c — the regional picture against a fixture whose counts
 * are known (data/regional.yaml): raised issues by category, area and
 * wording, counted by cases and meetings in a period and an area; the
 * register before and after a wording is promoted; the period's counts;
 * the regional report in text and CSV.  And full-text search: a Japanese
 * phrase in a long-text answer, short words, several words, meeting
 * texts, sensitive fields, and the index following edits and deletes.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/report.h"
#include "kaigi/search.h"
#include "kaigi/store_stop.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

/* The store registers its tokenizer on its own connections; a test that
 * opens the file directly does the same (src/store/store_bigram.c). */
int store_bigram_register(sqlite3 *db);

#define S1 "坂の上のスーパーへの移動手段がない"
#define S2 "男性が参加しやすい通いの場がない"
#define S3 "服薬を確認できる人がいない"

/* The period most checks look at: the fixture's two years. */
static const struct store_period whole = {"2024-01-01", "2025-12-31", NULL};
/* "Any number of rows" for the roll-ups below. */
#define ANY ((size_t)-1)

static int regional_setup(void **state)
{
	*state = fixture_new("tests/data/followup/regional.yaml");
	return 0;
}

static const struct store_raised *raised(const struct store_raised_list *l, const char *cat,
					 const char *area, const char *statement)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].category, cat) == 0 && strcmp(l->v[i].area, area) == 0 &&
		    strcmp(l->v[i].statement, statement) == 0)
			return &l->v[i];
	fail_msg("no raised row %s / %s / %s", cat, area, statement);
	return NULL;
}

/* The raised items of period p (NULL: all), asserted to be n rows unless
 * n is ANY; the caller frees. */
static struct store_raised_list raised_rollup(struct fixture *f, const struct store_period *p,
					      size_t n)
{
	struct store_raised_list l;
	struct kaigi_error err = {0};
	if (store_raised_rollup(f->st, p, &l, &err) != KAIGI_OK)
		fail_msg("store_raised_rollup: %s", err.msg);
	if (n != ANY && l.n != n)
		fail_msg("%zu raised rows in %s..%s, not %zu", l.n, p ? p->from : "",
			 p ? p->to : "", n);
	return l;
}

/* A row of the outcome roll-up: year, area and its counts. */
struct outcome_want {
	const char *year, *area;
	size_t improved, same, worsened, not_comparable;
};

/* The outcome roll-up over all time, asserted row for row to be want. */
static void outcomes_check(struct fixture *f, const struct outcome_want *want, size_t n)
{
	struct store_outcome_list o;
	struct kaigi_error err = {0};
	assert_int_equal(store_outcome_rollup(f->st, NULL, &o, &err), KAIGI_OK);
	assert_int_equal(o.n, n);
	for (size_t i = 0; i < n; i++) {
		const struct store_outcome *g = &o.v[i];
		const struct outcome_want *w = &want[i];
		if (strcmp(g->year, w->year) != 0 || strcmp(g->area, w->area) != 0 ||
		    g->improved != w->improved || g->same != w->same ||
		    g->worsened != w->worsened || g->not_comparable != w->not_comparable)
			fail_msg(
			    "outcome row %zu: %s %s %zu/%zu/%zu/%zu, want %s %s %zu/%zu/%zu/%zu", i,
			    g->year, g->area, g->improved, g->same, g->worsened, g->not_comparable,
			    w->year, w->area, w->improved, w->same, w->worsened, w->not_comparable);
	}
	store_outcome_list_free(&o);
}

static void raised_counts(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_raised_list l = raised_rollup(f, &whole, 4);
	/* By category, then area, then most cases. */
	assert_string_equal(l.v[0].category, "medical");
	assert_string_equal(l.v[3].category, "social");
	const struct store_raised *r = raised(&l, "mobility", "東地区", S1);
	assert_int_equal(r->ncases, 3);
	assert_int_equal(r->nmeetings, 3);
	assert_string_equal(r->first_seen, "2024-05-10");
	assert_string_equal(r->last_seen, "2025-02-06");
	assert_string_equal(r->policy, "resource"); /* resources ×2 over cooperation ×1 */
	assert_string_equal(r->issue_id, "");       /* the hand-made link names no wording */
	assert_int_equal(r->nunlinked, 3);
	r = raised(&l, "mobility", "西地区", S1);
	assert_int_equal(r->ncases, 1);
	r = raised(&l, "social", "西地区", S2);
	assert_int_equal(r->ncases, 2);
	assert_int_equal(r->nmeetings, 2);
	r = raised(&l, "medical", "西地区", S3); /* no area on the item: the person's */
	assert_int_equal(r->ncases, 1);
	store_raised_list_free(&l);

	l = raised_rollup(f, NULL, ANY);
	assert_int_equal(raised(&l, "mobility", "東地区", S1)->ncases, 4);
	store_raised_list_free(&l);
	struct store_period west = {"2024-01-01", "2025-12-31", "西地区"};
	l = raised_rollup(f, &west, 3);
	store_raised_list_free(&l);
	struct store_period y2024 = {"2024-01-01", "2024-12-31", NULL};
	l = raised_rollup(f, &y2024, 2);
	assert_int_equal(raised(&l, "mobility", "東地区", S1)->ncases, 2);
	store_raised_list_free(&l);

	/* The period's counts: {period, meetings, cases, follow-ups}. */
	static const struct {
		struct store_period p;
		size_t meetings, cases, followups;
	} counts[] = {
	    {{"2024-01-01", "2024-12-31", NULL}, 2, 3, 0},
	    {{"2025-01-01", "2025-12-31", NULL}, 2, 4, 2},
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		struct store_period_counts n;
		assert_int_equal(store_period_count(f->st, &counts[i].p, &n, &err), KAIGI_OK);
		if (n.meetings != counts[i].meetings || n.cases != counts[i].cases ||
		    n.followups != counts[i].followups)
			fail_msg(
			    "%s..%s: %zu meetings, %zu cases, %zu follow-ups; want %zu, %zu, %zu",
			    counts[i].p.from, counts[i].p.to, n.meetings, n.cases, n.followups,
			    counts[i].meetings, counts[i].cases, counts[i].followups);
	}

	/* The raised items are kept as rows: a meeting moved to
	 * another day, a person's area changed, an item's wording edited and
	 * an item's answers deleted all reach the roll-up. */
	assert_int_equal(store_meeting_set(f->st, "00000000-0000-4000-8000-0000000000a1",
					   STORE_MEETING_DATE, "2024-05-20", &err),
			 KAIGI_OK);
	fixture_person_area(f, "R-006", "南地区");
	l = raised_rollup(f, &whole, ANY);
	assert_string_equal(raised(&l, "mobility", "東地区", S1)->first_seen, "2024-05-20");
	assert_int_equal(raised(&l, "medical", "南地区", S3)->ncases, 1);
	store_raised_list_free(&l);
	long long before = fixture_int(f, "SELECT count(*) FROM raised_item");
	assert_int_equal(
	    fixture_int(f, "SELECT count(*) FROM raised_item r WHERE NOT EXISTS (SELECT 1 "
			   "FROM answer a WHERE a.record_id = r.record_id AND a.item = "
			   "r.item AND a.field = 'regional_issues')"),
	    0);
	assert_true(before >= 7);
	char item[64];
	snprintf(
	    item, sizeof item, "%s",
	    fixture_text(f, "SELECT id FROM list_item WHERE field = 'regional_issues' LIMIT 1"));
	assert_int_equal(store_item_delete(f->st, item, &err), KAIGI_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM raised_item"), before - 1);
}

static void register_before_and_after_promotion(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_issue_list il;
	assert_int_equal(store_register_rollup(f->st, &whole, &il, &err), KAIGI_OK);
	assert_int_equal(il.n, 1);
	assert_string_equal(il.v[0].title, "買い物の移動手段の不足");
	assert_string_equal(il.v[0].owner, "高齢福祉課");
	assert_string_equal(il.v[0].status, "referred");
	assert_string_equal(il.v[0].area, "全域");
	assert_int_equal(il.v[0].ncases, 1);
	char id[STORE_ID_SIZE];
	memcpy(id, il.v[0].id, sizeof id);
	store_issue_list_free(&il);

	/* Promote the wording: every case that raised it, in any period. */
	size_t linked = 0;
	assert_int_equal(store_issue_link_statement(f->st, id, S1, &linked, &err), KAIGI_OK);
	assert_int_equal(linked, 4); /* M0, M2, M3, M4: M1's case was linked already */
	assert_int_equal(store_issue_link_statement(f->st, id, S1, &linked, &err), KAIGI_OK);
	assert_int_equal(linked, 0);
	assert_int_equal(store_register_rollup(f->st, &whole, &il, &err), KAIGI_OK);
	assert_int_equal(il.v[0].ncases, 4);
	assert_int_equal(il.v[0].nmeetings, 4);
	assert_string_equal(il.v[0].first_seen, "2024-05-10");
	store_issue_list_free(&il);
	struct store_period east = {"2024-01-01", "2025-12-31", "東地区"};
	assert_int_equal(store_register_rollup(f->st, &east, &il, &err), KAIGI_OK);
	assert_int_equal(il.v[0].ncases, 3); /* R-004 lives in 西地区 */
	store_issue_list_free(&il);
	struct store_raised_list l = raised_rollup(f, &whole, ANY);
	const struct store_raised *r = raised(&l, "mobility", "東地区", S1);
	assert_string_equal(r->issue_id, id);
	assert_string_equal(r->issue_title, "買い物の移動手段の不足");
	assert_int_equal(r->nunlinked, 0);
	store_raised_list_free(&l);
	/* Editing the register: checked, audited. */
	struct store_issue is;
	assert_int_equal(store_issue_get(f->st, id, &is, &err), KAIGI_OK);
	assert_int_equal(is.ncases, 5);
	free(is.owner);
	is.owner = xstrdup("生活支援コーディネーター");
	free(is.status);
	is.status = xstrdup("addressed");
	assert_int_equal(store_issue_save(f->st, &is, &err), KAIGI_OK);
	free(is.policy);
	is.policy = xstrdup("kindness");
	assert_int_equal(store_issue_save(f->st, &is, &err), KAIGI_EDATA);
	store_issue_clear(&is);
	assert_int_equal(fixture_int(f,
				     "SELECT count(*) FROM audit WHERE tbl = 'regional_issue' AND "
				     "op = 'update' AND path IN ('owner', 'status')"),
			 2);
	/* A new issue from a wording, then taken out again. */
	struct store_issue n = {.title = S2, .policy = "resources", .area = "西地区"};
	assert_int_equal(store_issue_save(f->st, &n, &err), KAIGI_OK);
	assert_int_equal(store_issue_link_statement(f->st, n.id, S2, &linked, &err), KAIGI_OK);
	assert_int_equal(linked, 2);
	assert_int_equal(store_issue_get(f->st, n.id, &is, &err), KAIGI_OK);
	assert_string_equal(is.policy, "resource");
	store_issue_clear(&is);
	assert_int_equal(store_issue_delete(f->st, n.id, &err), KAIGI_OK);
	assert_int_equal(store_issue_get(f->st, n.id, &is, &err), KAIGI_EDATA);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM answer WHERE value = '" S2 "'"), 2);
}

static void outcomes_and_the_report(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	/* Each comparison counted once, by year and area. */
	static const struct outcome_want counted[] = {
	    {"2024", "東地区", 1, 0, 0, 0},
	    {"2025", "西地区", 0, 0, 0, 1},
	};
	outcomes_check(f, counted, 2);
	/* The comparisons are kept, and a changed rating of the
	 * follow-up throws its comparison away: the roll-up follows. */
	assert_true(fixture_int(f, "SELECT count(*) FROM outcome_cache") >= 2);
	char fcase[64];
	snprintf(fcase, sizeof fcase, "%s",
		 fixture_text(f, "SELECT id FROM case_review WHERE follows IS NOT NULL AND id IN "
				 "(SELECT case_id FROM form_record WHERE form = 'adl_toyoake')"));
	fixture_save(f, fcase, "adl_toyoake", "adl", "outdoor_walk", "before", "6");
	static const struct outcome_want worse[] = {
	    {"2024", "東地区", 0, 0, 1, 0},
	    {"2025", "西地区", 0, 0, 0, 1},
	};
	outcomes_check(f, worse, 2);
	fixture_save(f, fcase, "adl_toyoake", "adl", "outdoor_walk", "before", "3");
	outcomes_check(f, counted, 2);

	const struct store_period *p = &whole;
	struct report_options ro = {.lang = "ja", .town = "みどり町", .width = 100};
	struct strbuf out = STRBUF_INIT;
	/* Markdown: the same document, without text tables' wrapping. */
	assert_int_equal(
	    report_regional_render(f->st, &f->forms, p, REPORT_MARKDOWN, &ro, &out, &err),
	    KAIGI_OK);
	const char *want[] = {
	    "# 地域課題の集計",
	    "令和6年1月1日〜令和7年12月31日",
	    "7件（うち支援経過の報告 2件）",
	    "### 運動・移動（延べ4事例）",
	    "| 東地区 | " S1 " | 3 | 3 | 令和7年2月6日 | 未登録 |",
	    "| 西地区 | " S2 " | 2 | 2 |",
	    ("| 運動・移動 | 全域 | 買い物の移動手段の不足 | 資源発掘 | 高齢福祉課 | "
	     "推進会議へ提出 | 1 | 1 |"),
	    "| 令和6年度 | 東地区 | 1 | 1 (100%) | 0 (0%) | 0 (0%) | 0 |"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(strbuf_str(&out), want[i]))
			fail_msg("the report lacks 「%s」:\n%s", want[i], strbuf_str(&out));
	strbuf_reset(&out);
	assert_int_equal(report_regional_render(f->st, &f->forms, p, REPORT_TEXT, &ro, &out, &err),
			 KAIGI_OK);
	assert_non_null(strstr(strbuf_str(&out), "地域課題の集計"));
	strbuf_reset(&out);
	assert_int_equal(report_regional_csv(f->st, &f->forms, p, "ja", &out, &err), KAIGI_OK);
	const char *csv = strbuf_str(&out);
	assert_memory_equal(csv, "\xEF\xBB\xBFtable,year,area,", 19);
	assert_non_null(
	    strstr(csv, "raised,,東地区,mobility,運動・移動," S1 ",resource,資源発掘,,,,3,3,"));
	assert_non_null(strstr(csv, "register,,全域,mobility,運動・移動,買い物の移動手段の不足,"));
	assert_non_null(
	    strstr(csv, "outcome,2025,西地区,,,,,,,,,,,,,,,0,0,0,1,,,,,,,,,,,,,,,,,\r\n"));
	/* PDF and HTML come from the same document. */
	strbuf_reset(&out);
	assert_int_equal(report_regional_render(f->st, &f->forms, p, REPORT_HTML, &ro, &out, &err),
			 KAIGI_OK);
	assert_non_null(strstr(strbuf_str(&out), "<table"));
	strbuf_free(&out);
	/* The kept comparison carries its review's year and area: a moved
	 * meeting and a person's new area are followed too. */
	char mid[64];
	snprintf(
	    mid, sizeof mid, "%s",
	    fixture_text(f, "SELECT meeting_id FROM case_review WHERE id = (SELECT id FROM "
			    "case_review WHERE follows IS NOT NULL AND id IN (SELECT case_id FROM "
			    "form_record WHERE form = 'adl_toyoake'))"));
	assert_int_equal(store_meeting_set(f->st, mid, STORE_MEETING_DATE, "2026-05-10", &err),
			 KAIGI_OK);
	fixture_person_area(f, "R-001", "北地区");
	struct store_outcome_list o;
	assert_int_equal(store_outcome_rollup(f->st, NULL, &o, &err), KAIGI_OK);
	/* 2026-05-10 is in 年度 2026 (April to March). */
	bool found = false;
	for (size_t i = 0; i < o.n; i++)
		if (strcmp(o.v[i].year, "2026") == 0 && strcmp(o.v[i].area, "北地区") == 0 &&
		    o.v[i].improved == 1)
			found = true;
	assert_true(found);
	store_outcome_list_free(&o);
}

/* ---- search ---------------------------------------------------------------- */

static void search_finds_japanese_in_long_text(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_text_hit_list h;
	/* A phrase from the middle of a long-text answer (ケアマネの見立て). */
	fixture_search(
	    f, &(struct fixture_search){"外出が怖く", 0, 1, true, "cm_view", "2025-01-14"}, &h);
	assert_string_equal(h.v[0].form, "toyoake_case_sheet");
	assert_string_equal(h.v[0].person_code, "K-2025-101");
	assert_string_equal(h.v[0].case_id, "aaaaaaaa-0000-4000-8000-000000000001");
	assert_false(h.v[0].sensitive);
	char *place = store_text_hit_place(f->st, &h.v[0], "ja");
	assert_string_equal(
	    place,
	    "多職種合同ケアカンファレンス資料（要支援版） › ケアマネの見立て（総合的な課題）");
	free(place);
	char *ex = utf8_excerpt(h.v[0].text, "外出が怖く", 20);
	assert_non_null(strstr(ex, "外出が怖く"));
	assert_true(strlen(ex) < strlen(h.v[0].text));
	free(ex);
	store_text_hit_list_free(&h);
	static const struct fixture_search plain[] = {
	    /* Two characters: one bigram of the index, found. */
	    {"長女", 0, 1, true, "cm_view", NULL},
	    /* A phrase is the characters side by side, not its bigrams anywhere. */
	    {"長女に頼", 0, 1, false, NULL, NULL},
	    {"長女頼", 0, 0, false, NULL, NULL},
	    /* Several words: all of them, newest meeting first (the raised
	     * issue of reviews 2 and 1). */
	    {"スーパー　移動", 0, 2, true, NULL, "2025-04-08"},
	    /* Choice values and dates are not free text. */
	    {"resources", 0, 0, false, NULL, NULL},
	};
	fixture_searches(f, plain, sizeof plain / sizeof plain[0]);
	/* One character: a prefix query of the bigrams, the last character of
	 * a text included; the same hits as reading every text would give. */
	const char *singles[] = {"区", "所", "c"}; /* 区 and C only end texts */
	for (size_t i = 0; i < 3; i++) {
		char sql[160];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM search_text WHERE instr(lower(text), '%s') > 0",
			 singles[i]);
		long long want = fixture_int(f, sql);
		assert_true(want > 0);
		fixture_search(
		    f,
		    &(struct fixture_search){.query = singles[i], .limit = 0, .hits = (size_t)want},
		    NULL);
	}
	/* A meeting's own text; a sensitive field is found and flagged. */
	fixture_search(f, &(struct fixture_search){"多職種で検討", 0, 1, false, "purpose", NULL},
		       &h);
	assert_null(h.v[0].form);
	store_text_hit_list_free(&h);
	fixture_search(f, &(struct fixture_search){.query = "スズキ", .limit = 0, .hits = 1}, &h);
	assert_true(h.v[0].sensitive);
	store_text_hit_list_free(&h);
	assert_int_equal(store_text_search(f->st, "　 ", 0, &h, NULL, &err), KAIGI_EUSAGE);
}

static void search_index_follows_changes(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_text_hit_list h;
	const char *r1 = "aaaaaaaa-0000-4000-8000-000000000001";
	fixture_save(f, r1, "toyoake_case_sheet", "cm_view", NULL, NULL, "畑仕事に戻りたいと話す");
	fixture_search(f, &(struct fixture_search){.query = "外出が怖く", .limit = 0, .hits = 0},
		       NULL);
	fixture_search(f, &(struct fixture_search){.query = "畑仕事", .limit = 0, .hits = 1}, NULL);
	fixture_save(f, r1, "toyoake_case_sheet", "cm_view", NULL, NULL, "");
	fixture_search(f, &(struct fixture_search){.query = "畑仕事", .limit = 0, .hits = 0}, NULL);
	assert_int_equal(store_meeting_set(f->st, "33333333-3333-4333-8333-333333333333",
					   STORE_MEETING_TARGET, "新規事例の役割分担を決める",
					   &err),
			 KAIGI_OK);
	fixture_search(f, &(struct fixture_search){"役割分担を決める", 0, 1, false, "target", NULL},
		       NULL);
	/* Hits come newest meeting first: moving the first meeting to a later
	 * day moves its text to the top (search_doc.day follows the date). */
	fixture_search(f, &(struct fixture_search){"坂道での歩行", 0, 1, false, NULL, "2025-01-14"},
		       NULL);
	fixture_search(f, &(struct fixture_search){.query = "スーパー", .limit = 1, .hits = 1}, &h);
	assert_string_not_equal(h.v[0].meeting_id, "11111111-1111-4111-8111-111111111111");
	store_text_hit_list_free(&h);
	assert_int_equal(store_meeting_set(f->st, "11111111-1111-4111-8111-111111111111",
					   STORE_MEETING_DATE, "2030-01-01", &err),
			 KAIGI_OK);
	fixture_search(f, &(struct fixture_search){"スーパー", 1, 1, false, NULL, "2030-01-01"},
		       &h);
	assert_string_equal(h.v[0].meeting_id, "11111111-1111-4111-8111-111111111111");
	store_text_hit_list_free(&h);
	/* Deleting a meeting takes its texts out of the index. */
	long long before = fixture_int(f, "SELECT count(*) FROM search_doc");
	assert_int_equal(store_meeting_delete(f->st, "22222222-2222-4222-8222-222222222222", &err),
			 KAIGI_OK);
	assert_true(fixture_int(f, "SELECT count(*) FROM search_doc") < before);
	fixture_search(f, &(struct fixture_search){.query = "浴槽またぎ", .limit = 0, .hits = 0},
		       NULL);
	/* The index and its content agree (FTS5's own check). */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(store_bigram_register(db), SQLITE_OK);
	char *e = NULL;
	if (sqlite3_exec(db,
			 "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)",
			 NULL, NULL, &e) != SQLITE_OK)
		fail_msg("the full-text index disagrees with its texts: %s", e);
	sqlite3_close(db);
}

static bool stop_now(void *ctx)
{
	int *calls = ctx;
	(*calls)++;
	return true;
}

static bool never_stop(void *ctx)
{
	int *calls = ctx;
	(*calls)++;
	return false;
}

/* A search gives way to a waiting key: stopped, it fails with
 * no hits and says it was stopped; unstopped, the check changes nothing. */
static void search_gives_way(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_text_hit_list h;
	/* Texts enough that the search takes more than a few thousand steps. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(store_bigram_register(db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(
		db,
		"PRAGMA trusted_schema=ON; BEGIN; INSERT INTO local_key (key) SELECT "
		"'11111111-1111-4111-8111-111111111111' WHERE NOT EXISTS (SELECT 1 FROM "
		"local_key WHERE key = '11111111-1111-4111-8111-111111111111'); "
		"WITH RECURSIVE n(i) AS (SELECT 1 "
		"UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
		"INSERT INTO search_doc (id, kind, owner, field) SELECT "
		"202501140000000 + 5000 + i, 'meeting', (SELECT n FROM local_key WHERE key "
		"= '11111111-1111-4111-8111-111111111111'), 'note' || i FROM n; "
		"INSERT INTO search_fts (rowid, text) SELECT id, '坂の上の話 ' || id FROM "
		"search_doc WHERE field LIKE 'note%'; COMMIT",
		NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	int calls = 0;
	store_stop_when(f->st, stop_now, &calls);
	assert_int_not_equal(store_text_search(f->st, "坂の上", 0, &h, NULL, &err), KAIGI_OK);
	assert_true(store_stopped(f->st));
	assert_true(calls > 0);
	assert_int_equal(h.n, 0);
	calls = 0;
	store_stop_when(f->st, never_stop, &calls);
	assert_false(store_stopped(f->st));
	assert_int_equal(store_text_search(f->st, "坂の上", 0, &h, NULL, &err), KAIGI_OK);
	assert_false(store_stopped(f->st));
	assert_true(h.n > 0);
	size_t n = h.n;
	store_text_hit_list_free(&h);
	store_stop_when(f->st, NULL, NULL);
	assert_int_equal(store_text_search(f->st, "坂の上", 0, &h, NULL, &err), KAIGI_OK);
	assert_int_equal(h.n, n);
	store_text_hit_list_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(raised_counts, regional_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(register_before_and_after_promotion, regional_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(outcomes_and_the_report, regional_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(search_finds_japanese_in_long_text,
					    fixture_setup_reviews, fixture_teardown),
	    cmocka_unit_test_setup_teardown(search_index_follows_changes, fixture_setup_reviews,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(search_gives_way, fixture_setup_reviews,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
