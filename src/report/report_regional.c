// SPDX-License-Identifier: MIT
/*
 * report_regional.c — the town's regional picture over a period, as the
 * policy-level meeting (地域ケア推進会議) reads it: how many meetings and
 * cases; the regional issues the cases raised, by category and area,
 * counted by cases and meetings (「似た課題が度々出れば、それは地域の課題」);
 * the register of issues promoted for policy with their kind, owner and
 * status; and how the people followed up fared — the share of follow-up
 * reviews whose ADL/IADL grid improved, stayed or worsened, by year and
 * area.
 *
 * It is built as the same document model as a meeting's summary
 * (report_model.h), so every format the summary has, this has too; the CSV
 * form is report_regional_csv.c.  Nothing in it names a person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_regional.h"
#include "report_render.h"

static void overview(const struct report_regional_data *d, const struct store_period *p,
		     const struct schema_set *forms, const struct report_options *opt,
		     const char *lang, struct report_doc *doc)
{
	struct report_section *s = report_regional_section_add(doc, lang, "概要", "Overview");
	struct report_block *f = report_facts_add(s, NULL);
	char *period = report_regional_period_text(p, lang);
	report_fact_add(f, report_regional_word(lang, "期間", "Period"), period);
	free(period);
	report_fact_add(f, report_regional_word(lang, "圏域", "Area"),
			p && p->area
			    ? p->area
			    : report_regional_word(lang, "市町村全体", "Whole municipality"));
	char *v = xasprintf(report_regional_word(lang, "%zu回", "%zu"), d->counts.meetings);
	report_fact_add(f, report_regional_word(lang, "会議", "Meetings"), v);
	free(v);
	v = xasprintf(report_regional_word(lang, "%zu件（うち支援経過の報告 %zu件）",
					   "%zu (of which %zu follow-up reviews)"),
		      d->counts.cases, d->counts.followups);
	report_fact_add(f, report_regional_word(lang, "事例", "Case reviews"), v);
	free(v);
	if (opt && opt->vision)
		report_paragraph_add(s, rs(RS_VISION, lang), opt->vision);
	report_regional_region_cover(forms, opt ? opt->config : NULL, lang, s);
}

static void raised_section(const struct report_regional_data *d, const struct schema_set *forms,
			   const char *lang, struct report_doc *doc)
{
	struct report_section *s = report_regional_section_add(doc, lang, "事例から見えた地域課題",
							       "Regional issues raised in cases");
	if (report_regional_none(s, d->raised.n, lang,
				 "この期間の事例から上がった地域課題はありません。",
				 "No case raised a regional issue in this period."))
		return;
	struct report_block *t = NULL;
	const char *cur = NULL;
	for (size_t i = 0; i < d->raised.n; i++) {
		const struct store_raised *r = &d->raised.v[i];
		if (!t || strcmp(cur, r->category) != 0) {
			cur = r->category;
			size_t ncat = 0;
			for (size_t j = i;
			     j < d->raised.n && strcmp(d->raised.v[j].category, cur) == 0; j++)
				ncat += d->raised.v[j].ncases;
			char *title = xasprintf(
			    report_regional_word(lang, "%s（延べ%zu事例）", "%s (%zu cases)"),
			    report_regional_category_label(forms, r->form, cur, lang), ncat);
			static const struct report_regional_col cols[] = {
			    {"圏域", "Area", 2, false, true},
			    {"地域課題", "Issue", 6, false, false},
			    {"事例", "Cases", 1, true, false},
			    {"会議", "Meetings", 1, true, false},
			    {"直近", "Last", 2, true, false},
			    {"台帳", "Register", 4, false, false},
			};
			t = REPORT_REGIONAL_TABLE(s, title, cols, false, lang);
			free(title);
		}
		char n1[32], n2[32];
		snprintf(n1, sizeof n1, "%zu", r->ncases);
		snprintf(n2, sizeof n2, "%zu", r->nmeetings);
		char *last = rs_date_short(r->last_seen ? r->last_seen : "", lang);
		char *reg =
		    r->issue_title
			? (r->nunlinked
			       ? xasprintf(report_regional_word(lang, "%s（未登録の事例 %zu）",
								"%s (%zu cases not linked)"),
					   r->issue_title, r->nunlinked)
			       : xstrdup(r->issue_title))
			: xstrdup(report_regional_word(lang, "未登録", "not in the register"));
		report_row_put(
		    t, *r->area ? r->area : report_regional_word(lang, "（未記入）", "(none)"),
		    r->statement, n1, n2, last, reg);
		free(last);
		free(reg);
	}
}

static void register_section(const struct report_regional_data *d, const struct schema_set *forms,
			     const char *lang, struct report_doc *doc)
{
	struct report_section *s = report_regional_section_add(
	    doc, lang, "地域課題台帳（政策化）", "The register: issues promoted for policy");
	if (report_regional_none(s, d->issues.n, lang, "台帳に登録された地域課題はまだありません。",
				 "No issue has been promoted into the register yet."))
		return;
	static const struct report_regional_col cols[] = {
	    {"分類", "Category", 2, false, true},   {"圏域", "Area", 2, false, false},
	    {"地域課題", "Issue", 5, false, false}, {"政策の種類", "Policy kind", 2, false, false},
	    {"担当", "Owner", 2, false, false},     {"状況", "Status", 2, false, false},
	    {"事例", "Cases", 1, true, false},      {"会議", "Meetings", 1, true, false},
	};
	struct report_block *t = REPORT_REGIONAL_TABLE(s, NULL, cols, false, lang);
	for (size_t i = 0; i < d->issues.n; i++) {
		const struct store_issue *is = &d->issues.v[i];
		char n1[32], n2[32];
		snprintf(n1, sizeof n1, "%d", is->ncases);
		snprintf(n2, sizeof n2, "%d", is->nmeetings);
		report_row_put(t,
			       is->category
				   ? report_regional_category_label(forms, NULL, is->category, lang)
				   : NULL,
			       is->area, is->title, report_regional_policy_label(is->policy, lang),
			       is->owner, report_regional_status_label(is->status, lang), n1, n2);
	}
	t->table.note = xstrdup(report_regional_word(
	    lang,
	    "政策の種類（豊明市の整理）：連携強化／公的制度化／資源発掘。事例・会議は期間内に"
	    "この課題につながった事例と、それを検討した会議の数。",
	    "Policy kinds (as Toyoake sorts them): stronger cooperation, formal programme, "
	    "finding resources. Cases and meetings: those linked to the issue in the "
	    "period."));
}

static void outcome_row(struct report_block *t, const char *year, const char *area,
			const struct store_outcome *o)
{
	/* year is already a name (令和8年度) or 計 */
	size_t all = o->improved + o->same + o->worsened;
	char n[32], nc[32];
	snprintf(n, sizeof n, "%zu", all);
	snprintf(nc, sizeof nc, "%zu", o->not_comparable);
	char *a = report_regional_share(o->improved, all), *b = report_regional_share(o->same, all),
	     *c = report_regional_share(o->worsened, all);
	report_row_put(t, year, area, n, a, b, c, nc);
	free(a);
	free(b);
	free(c);
}

static void outcome_section(const struct report_regional_data *d, const char *lang,
			    struct report_doc *doc)
{
	struct report_section *s = report_regional_section_add(
	    doc, lang, "支援経過：ADL・IADLの変化", "Follow-up: how the ADL/IADL ratings changed");
	if (report_regional_none(s, d->outcomes.n, lang,
				 "この期間に支援経過の報告（フォローアップ）はありません。",
				 "No follow-up review in this period."))
		return;
	static const struct report_regional_col cols[] = {
	    {NULL, NULL, 2, true, true},
	    {"圏域", "Area", 2, false, false},
	    {"比較した事例", "Compared", 1, true, false},
	    {"改善", "Improved", 2, true, false},
	    {"維持", "Same", 2, true, false},
	    {"悪化", "Worsened", 2, true, false},
	    {"比較できず", "Not comparable", 1, true, false},
	};
	struct report_block *t = REPORT_REGIONAL_TABLE(s, NULL, cols, d->calendar, lang);
	struct store_outcome total = {0};
	for (size_t i = 0; i < d->outcomes.n; i++) {
		const struct store_outcome *o = &d->outcomes.v[i];
		char yname[32];
		report_regional_year_name(o->year, d->calendar, lang, yname, sizeof yname);
		outcome_row(t, yname,
			    *o->area ? o->area : report_regional_word(lang, "（未記入）", "(none)"),
			    o);
		total.improved += o->improved;
		total.same += o->same;
		total.worsened += o->worsened;
		total.not_comparable += o->not_comparable;
	}
	if (d->outcomes.n > 1)
		outcome_row(t, report_regional_word(lang, "計", "All"), "", &total);
	t->table.note = xstrdup(report_regional_word(
	    lang,
	    "支援経過の報告（前回の検討に続く事例）ごとに、ADL・IADLの判定（豊明様式は事前判定、"
	    "課題整理総括表は現在）を前回と項目ごとに比べ、良くなった項目が多ければ改善、悪く"
	    "なった項目が多ければ悪化、同数なら維持。「—」（該当しない）は比べない。割合は比較"
	    "できた事例に対するもの。",
	    "Each follow-up review's ADL/IADL ratings (Toyoake: the rating now; national sheet: "
	    "現在) are compared row by row with the review it follows: improved when more rows got "
	    "better than worse, worsened when more got worse, otherwise the same. \"Not "
	    "applicable\" is not compared. Shares are of the reviews compared."));
}

enum kaigi_status report_regional_render(struct store *st, const struct schema_set *forms,
					 const struct store_period *p, enum report_format fmt,
					 const struct report_options *opt, struct strbuf *out,
					 struct kaigi_error *err)
{
	if (!report_format_available(fmt))
		return report_format_refuse(fmt, err);
	const char *lang = opt && opt->lang && strcmp(opt->lang, "en") == 0 ? "en" : "ja";
	struct report_regional_data d;
	enum kaigi_status s = report_regional_data_load(st, p, opt && opt->calendar, &d, err);
	if (s != KAIGI_OK)
		return s;
	struct report_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.lang = lang;
	doc.issuer = opt && opt->town ? xstrdup(opt->town) : NULL;
	doc.title = xstrdup(report_regional_word(lang, "地域課題の集計", "Regional issues"));
	char *period = report_regional_period_text(p, lang);
	doc.subtitle = p && p->area ? xasprintf("%s　%s", period, p->area) : xstrdup(period);
	doc.date = period;
	doc.footer = xstrdup(report_regional_word(
	    lang, "件数の集計と課題の文言のみで、個人を特定する情報は含みません。",
	    "Counts and the issues' wording only: no person is named."));
	overview(&d, p, forms, opt, lang, &doc);
	report_regional_tally_section(&d, forms, lang, &doc);
	raised_section(&d, forms, lang, &doc);
	register_section(&d, forms, lang, &doc);
	report_regional_measure_section(&d, lang, &doc);
	outcome_section(&d, lang, &doc);
	report_regional_kpi_section(&d, lang, &doc);
	for (size_t i = 0; i < doc.nsecs; i++)
		report_section_prune(&doc.secs[i]);
	s = report_doc_render(&doc, fmt, opt ? opt->width : 0, out, err);
	report_doc_free(&doc);
	report_regional_data_clear(&d);
	return s;
}
