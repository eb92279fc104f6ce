/* SPDX-License-Identifier: MIT */
/*
 * report_regional.h — what the two files of the regional report share
 * (internal): report_regional.c (the document, every summary format) and
 * report_regional_csv.c (one CSV table).
 */
#ifndef KAIGI_REPORT_REGIONAL_H
#define KAIGI_REPORT_REGIONAL_H

#include "kaigi/config.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "report_model.h"

/* Everything the report shows, read once. */
struct rr_data {
	struct store_period_counts counts;
	struct store_raised_list raised;
	struct store_issue_list issues;
	struct store_outcome_list outcomes;
};

enum kaigi_status rr_data_load(struct store *st, const struct store_period *p, struct rr_data *d,
			       struct kaigi_error *err);
void rr_data_clear(struct rr_data *d);

/* ja or en by lang ("en" → en). */
const char *rr_word(const char *lang, const char *ja, const char *en);
/* The label of an issue category value, from form_id's regional_issues
 * list (NULL: any form's), else the value. */
const char *rr_category_label(const struct schema_set *forms, const char *form_id,
			      const char *value, const char *lang);
/* 連携強化 / 公的制度化 / 資源発掘 (or English); NULL for none. */
const char *rr_policy_label(const char *policy, const char *lang);
/* The register status as a word; the value itself when unknown. */
const char *rr_status_label(const char *status, const char *lang);
/* "令和7年4月1日〜令和8年3月31日", or "全期間".  Caller frees. */
char *rr_period_text(const struct store_period *p, const char *lang);

/* The region overview (地域概要) kept in the town settings, on the report's
 * cover (report_region_cover.c); nothing when the settings have none. */
void rr_region_cover(const struct schema_set *forms, const struct kaigi_config *cfg,
		     const char *lang, struct rm_section *s);

#endif
