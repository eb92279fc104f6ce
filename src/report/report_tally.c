// SPDX-License-Identifier: MIT
/*
 * report_tally.c — three sections of the regional report that answer the
 * policy meeting's questions with numbers (kaigi/tally.h):
 *
 *   - the tallies: of the period's case reviews, how many (and what share)
 *     had an issue of each category, each ADL/IADL row rated as a problem,
 *     each key problem code, each raised regional issue — with the share
 *     in each area, highest first, and near-identical wordings shown under
 *     the line they would merge into (Asago's 集約分析, seed 003 L3482);
 *   - the measures (施策) of the register against their targets: baseline,
 *     target and result as typed, and, when the indicator names a tally
 *     line, kaigi's own figure for the year the measure was decided and for
 *     the period;
 *   - the care levels followed: follow-ups improved / same / worse, and
 *     the one-year deterioration rate (重度化率), by 年度 and area.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/fiscal.h"
#include "kaigi/register.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_regional.h"

static size_t pct(size_t n, size_t all)
{
	return all ? (n * 100 + all / 2) / all : 0;
}

/* "北部圏域 48%、南部圏域 45%": the line's share in each area, highest
 * first. */
static char *by_area(const struct store_tally *t, const struct store_tally_line *l,
		     const char *lang)
{
	size_t n = l->nareas;
	size_t *share = xcalloc(n ? n : 1, sizeof *share), *ord = xcalloc(n ? n : 1, sizeof *ord);
	for (size_t i = 0; i < n; i++) {
		size_t all = 0;
		for (size_t k = 0; k < t->nareas; k++)
			if (strcmp(t->areas[k].area, l->areas[i].area) == 0)
				all = t->areas[k].cases;
		share[i] = pct(l->areas[i].cases, all);
		ord[i] = i;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && share[ord[j]] > share[ord[j - 1]]; j--) {
			size_t x = ord[j];
			ord[j] = ord[j - 1];
			ord[j - 1] = x;
		}
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *a = l->areas[ord[i]].area;
		strbuf_appendf(&b, "%s%s %zu%%", i ? report_regional_word(lang, "、", ", ") : "",
			       *a ? a : report_regional_word(lang, "（未記入）", "(none)"),
			       share[ord[i]]);
	}
	free(share);
	free(ord);
	return strbuf_take(&b);
}

static const char *kind_title(enum store_tally_kind k, const char *lang)
{
	switch (k) {
	case STORE_TALLY_CATEGORY:
		return report_regional_word(lang, "課題の分類", "Issues by category");
	case STORE_TALLY_ROW:
		return report_regional_word(lang, "ADL・IADLで課題あり（介助が要る判定）の項目",
					    "ADL/IADL rows rated as a problem");
	case STORE_TALLY_CODE:
		return report_regional_word(lang, "要となる問題点", "Key problems");
	default:
		return report_regional_word(lang, "事例から上がった地域課題",
					    "Regional issues raised");
	}
}

void report_regional_tally_section(const struct report_regional_data *d,
				   const struct schema_set *forms, const char *lang,
				   struct report_doc *doc)
{
	const struct store_tally *t = &d->tally;
	struct report_section *s = report_regional_section_add(
	    doc, lang, "事例の集計：課題のある事例の数と割合", "Tallies: cases with each issue");
	char *v = xasprintf(report_regional_word(lang, "%zu件", "%zu"), t->cases);
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, report_regional_word(lang, "検討した事例", "Case reviews"), v);
	free(v);
	if (report_regional_none(s, t->cases, lang, "この期間に検討した事例はありません。",
				 "No case was reviewed in this period."))
		return;
	for (int k = 0; k < STORE_TALLY_KINDS; k++) {
		struct report_block *tb = NULL;
		bool similar = false;
		for (size_t i = 0; i < t->n; i++) {
			const struct store_tally_line *l = &t->v[i];
			if ((int)l->kind != k)
				continue;
			if (!tb) {
				static const struct report_regional_col cols[] = {
				    {"項目", "Item", 5, false, false},
				    {"事例", "Cases", 1, true, false},
				    {"割合", "Share", 1, true, false},
				    {"圏域別", "By area", 6, false, false},
				};
				tb = REPORT_REGIONAL_TABLE(
				    s, kind_title((enum store_tally_kind)k, lang), cols, false,
				    lang);
			}
			const char *label = store_tally_label(forms, l, lang);
			char *name = l->similar_to != (size_t)-1 ? xasprintf("　≈ %s", label)
								 : xstrdup(label);
			similar |= l->similar_to != (size_t)-1;
			char n[32], sh[32];
			snprintf(n, sizeof n, "%zu", l->cases);
			snprintf(sh, sizeof sh, "%zu%%", pct(l->cases, t->cases));
			char *areas = by_area(t, l, lang);
			report_row_put(tb, name, n, sh, areas);
			free(name);
			free(areas);
		}
		if (tb && similar)
			tb->table.note = xstrdup(report_regional_word(
			    lang,
			    "≈ "
			    "は上の行とほぼ同じ文言（文字の3文字組の一致）。同じ課題なら、地域課題"
			    "の画面"
			    "（r）で統合すると一つに数えます。",
			    "≈ marks a wording nearly the same as the line above (shared character "
			    "trigrams). If it is the same issue, merge it on the regional-issues "
			    "screen (r) and it is counted as one."));
	}
	report_paragraph_add(
	    s, NULL,
	    report_regional_word(
		lang,
		"割合は期間内に検討した事例（支援経過の報告を含む）に対するもの。圏域別は"
		"その圏域の事例に対する割合。ADL・IADLは様式が「課題あり」と定めた判定（豊明"
		"様式の△・×など）の事例を数える。",
		"Shares are of the case reviews of the period (follow-ups included); by "
		"area, of that area's reviews. ADL/IADL rows count the ratings the form "
		"marks as a problem (Toyoake's △ and ×)."));
}

static char *number(bool has, double v, const char *date, const char *lang)
{
	if (!has)
		return NULL;
	char *d = date && *date ? rs_date_short(date, lang) : NULL;
	char *out = d ? xasprintf(report_regional_word(lang, "%g（%s）", "%g (%s)"), v, d)
		      : xasprintf("%g", v);
	free(d);
	return out;
}

void report_regional_measure_section(const struct report_regional_data *d, const char *lang,
				     struct report_doc *doc)
{
	bool any = false;
	for (size_t i = 0; i < d->issues.n && !any; i++)
		any =
		    d->issues.v[i].measure || d->issues.v[i].indicator || d->issues.v[i].has_target;
	if (!any)
		return;
	struct report_section *s = report_regional_section_add(
	    doc, lang, "施策と目標：目標値と実績", "Measures: target and result");
	static const struct report_regional_col cols[] = {
	    {"地域課題・施策", "Issue and measure", 6, false, false},
	    {"指標", "Indicator", 4, false, false},
	    {"基準値", "Baseline", 2, true, false},
	    {"目標値", "Target", 2, true, false},
	    {"実績", "Result", 2, true, false},
	    {"決定年度の値", "When decided", 2, true, false},
	    {"期間の値", "This period", 2, true, false},
	};
	struct report_block *t = REPORT_REGIONAL_TABLE(s, NULL, cols, false, lang);
	for (size_t i = 0; i < d->issues.n; i++) {
		const struct store_issue *is = &d->issues.v[i];
		if (!is->measure && !is->indicator && !is->has_target)
			continue;
		char *pk = report_regional_policy_label(is->policy, lang)
			       ? xasprintf("［%s］", report_regional_policy_label(is->policy, lang))
			       : xstrdup("");
		char *dec = is->decided ? rs_date_short(is->decided, lang) : NULL;
		char *what = xasprintf(
		    "%s%s%s%s%s%s%s", is->title, is->measure ? " → " : "",
		    is->measure ? is->measure : "", *pk ? " " : "", pk,
		    dec ? report_regional_word(lang, "　決定 ", "; decided ") : "", dec ? dec : "");
		char *b = number(is->has_baseline, is->baseline, is->baseline_date, lang);
		char *tg = number(is->has_target, is->target, is->target_date, lang);
		char *r = number(is->has_result, is->result, is->result_date, lang);
		if (r && is->has_target && is->has_baseline) {
			bool down = is->target < is->baseline;
			bool met = down ? is->result <= is->target : is->result >= is->target;
			char *x = xasprintf("%s %s", r,
					    met ? report_regional_word(lang, "達成", "met")
						: report_regional_word(lang, "未達", "not met"));
			free(r);
			r = x;
		}
		char *th = d->then && d->then[i] >= 0 ? xasprintf("%.1f%%", d->then[i]) : NULL;
		char *nw = d->now && d->now[i] >= 0
			       ? xasprintf("%.1f%% (%zu/%zu)", d->now[i], d->now_n[i], d->now_of[i])
			       : NULL;
		report_row_put(t, what, is->indicator ? is->indicator : is->indicator_key, b, tg, r,
			       th, nw);
		free(pk);
		free(dec);
		free(what);
		free(b);
		free(tg);
		free(r);
		free(th);
		free(nw);
	}
	t->table.note = xstrdup(report_regional_word(
	    lang,
	    "基準値・目標値・実績は台帳に入力された値。指標が集計の項目（例：服薬の課題あり）を指す"
	    "ときは、施策を決めた年度とこの期間の割合をkaigiが事例から数えて並べる。",
	    "Baseline, target and result are as entered in the register. When the indicator "
	    "names a tally line (e.g. medication rated a problem), kaigi counts its share from "
	    "the cases for the year the measure was decided and for this period."));
}

void report_regional_kpi_section(const struct report_regional_data *d, const char *lang,
				 struct report_doc *doc)
{
	struct report_section *s = report_regional_section_add(doc, lang, "要介護度の推移（KPI）",
							       "Care levels followed (KPI)");
	if (report_regional_none(s, d->kpi.n, lang, "要介護度が記録された事例はありません。",
				 "No case has a care level recorded."))
		return;
	static const struct report_regional_col cols[] = {
	    {NULL, NULL, 2, true, true},
	    {"圏域", "Area", 2, false, false},
	    {"経過報告", "Follow-ups", 1, true, false},
	    {"軽度化", "Lighter", 2, true, false},
	    {"維持", "Same", 2, true, false},
	    {"重度化", "Heavier", 2, true, false},
	    {"1年後を追えた人", "Seen a year on", 2, true, false},
	    {"1年後の重度化率", "Heavier a year on", 2, true, false},
	};
	struct report_block *t = REPORT_REGIONAL_TABLE(s, NULL, cols, d->calendar, lang);
	struct store_kpi all = {0};
	for (size_t i = 0; i <= d->kpi.n; i++) {
		const struct store_kpi *k = i < d->kpi.n ? &d->kpi.v[i] : &all;
		if (i == d->kpi.n && d->kpi.n < 2)
			break;
		if (i < d->kpi.n) {
			all.followups += k->followups;
			all.improved += k->improved;
			all.same += k->same;
			all.worse += k->worse;
			all.people += k->people;
			all.followed_1y += k->followed_1y;
			all.worse_1y += k->worse_1y;
		}
		char y[32], n[32], f1[48];
		if (i < d->kpi.n)
			kaigi_year_name(k->year, d->calendar, lang, y, sizeof y);
		else
			snprintf(y, sizeof y, "%s", report_regional_word(lang, "計", "All"));
		snprintf(n, sizeof n, "%zu", k->followups);
		snprintf(f1, sizeof f1, "%zu / %zu", k->followed_1y, k->people);
		size_t cmp = k->improved + k->same + k->worse;
		char *a = report_regional_share(k->improved, cmp),
		     *b = report_regional_share(k->same, cmp),
		     *c = report_regional_share(k->worse, cmp),
		     *r = report_regional_share(k->worse_1y, k->followed_1y);
		report_row_put(t, y, i < d->kpi.n ? (*k->area ? k->area : "-") : "", n, a, b, c, f1,
			       k->followed_1y ? r : "-");
		free(a);
		free(b);
		free(c);
		free(r);
	}
	t->table.note = xstrdup(report_regional_word(
	    lang,
	    "要介護度（様式の care_level、選択肢の並びが軽い順）を人ごとに追う。経過報告は前回の"
	    "検討と比べた変化。1年後の重度化率は、その年度に初めて検討した人のうち9〜15か月後に"
	    "再び検討された人（1年後に最も近い回）で、要介護度が重くなった人の割合（豊明市の"
	    "KPI）。",
	    "The care level (the form's care_level, choices listed lightest first) followed per "
	    "person. Follow-ups: against the review followed. A year on: of the people first "
	    "reviewed in the year, those reviewed again 9-15 months later (the review nearest a "
	    "year on), and the share whose level was heavier (Toyoake's KPI)."));
}
