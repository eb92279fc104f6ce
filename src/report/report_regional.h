/* SPDX-License-Identifier: MIT */
/*
 * report_regional.h — what the files of the regional report share
 * (internal): report_regional_data.c (the figures, words and tables all
 * stand on), report_regional.c (the document, every summary format),
 * report_tally.c (its sections of numbers) and report_regional_csv.c (one
 * CSV table).
 */
#ifndef KAIGI_REPORT_REGIONAL_H
#define KAIGI_REPORT_REGIONAL_H

#include "kaigi/config.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/tally.h"
#include "report_model.h"

/* Everything the report shows, read once. */
struct report_regional_data {
	struct store_period_counts counts;
	struct store_raised_list raised;
	struct store_issue_list issues;
	struct store_outcome_list outcomes;
	struct store_tally tally;  /* the period's tallies */
	struct store_kpi_list kpi; /* care levels followed */
	bool calendar;             /* years are calendar years, not 年度 */
	/* Per register issue (same order): the indicator's share in the
	 * period and in the year the measure was decided; < 0 when none. */
	double *now, *then;
	size_t *now_n, *now_of;
};

enum kaigi_status report_regional_data_load(struct store *st, const struct store_period *p,
					    bool calendar, struct report_regional_data *d,
					    struct kaigi_error *err);
void report_regional_data_clear(struct report_regional_data *d);

/* ja or en by lang ("en" → en). */
const char *report_regional_word(const char *lang, const char *ja, const char *en);
/* A section of the regional report, titled ja or en by lang. */
struct report_section *report_regional_section_add(struct report_doc *doc, const char *lang,
						   const char *ja, const char *en);
/* Says ja / en in s and returns true when n is 0: an empty section. */
bool report_regional_none(struct report_section *s, size_t n, const char *lang, const char *ja,
			  const char *en);

/* A column of a regional table: its head (ja NULL: the year, 年度 or, for
 * calendar years, 年), its share of the width, centred, and whether a
 * value equal to the one above is shown once. */
struct report_regional_col {
	const char *ja, *en;
	unsigned weight;
	bool center, merge;
};
/* A table of s with the columns cols[0..ncols), heads in lang. */
struct report_block *report_regional_table_add(struct report_section *s, const char *title,
					       const struct report_regional_col *cols, size_t ncols,
					       bool calendar, const char *lang);
#define REPORT_REGIONAL_TABLE(s, title, cols, calendar, lang)                                      \
	report_regional_table_add((s), (title), (cols), sizeof(cols) / sizeof((cols)[0]),          \
				  (calendar), (lang))
/* The label of an issue category value, from form_id's regional_issues
 * list (NULL: any form's), else the value. */
const char *report_regional_category_label(const struct schema_set *forms, const char *form_id,
					   const char *value, const char *lang);
/* 連携強化 / 公的制度化 / 資源発掘 (or English); NULL for none. */
const char *report_regional_policy_label(const char *policy, const char *lang);
/* The register status as a word; the value itself when unknown. */
const char *report_regional_status_label(const char *status, const char *lang);
/* "令和8年度（令和8年4月1日〜令和9年3月31日）", "令和7年4月1日〜…", or
 * "全期間".  Caller frees. */
char *report_regional_period_text(const struct store_period *p, const char *lang);
/* A year of the roll-ups ("2026") as 令和8年度 / FY2026 (or 2026年). */
void report_regional_year_name(const char *year, bool calendar, const char *lang, char *buf,
			       size_t size);

/* The sections of report_tally.c: the tallies, the measures against
 * their targets, and the care levels followed. */
struct report_doc;
void report_regional_tally_section(const struct report_regional_data *d,
				   const struct schema_set *forms, const char *lang,
				   struct report_doc *doc);
void report_regional_measure_section(const struct report_regional_data *d, const char *lang,
				     struct report_doc *doc);
void report_regional_kpi_section(const struct report_regional_data *d, const char *lang,
				 struct report_doc *doc);
/* "5 (42%)" of n out of all.  Caller frees. */
char *report_regional_share(size_t n, size_t all);

/* The region overview (地域概要) kept in the town settings, on the report's
 * cover (report_region_cover.c); nothing when the settings have none. */
void report_regional_region_cover(const struct schema_set *forms, const struct kaigi_config *cfg,
				  const char *lang, struct report_section *s);

#endif
