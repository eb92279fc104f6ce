/* SPDX-License-Identifier: MIT */
/*
 * tally.h — the town's tallies (Asago's 集約分析) and KPIs, for a period and
 * an area: of the case reviews of the period, how many (and what share)
 *
 *   - had an issue of each category (case_plan `issues`, `category`);
 *   - had each ADL/IADL row rated as a problem — a rating whose choice the
 *     form marks `problem: true` (Toyoake's △ and ×), on the grid's rating
 *     column (its first scale column);
 *   - had each key problem code — the choices of a select the form marks
 *     `tally: true` (Toyoake's 要となる問題点);
 *   - raised each regional issue, near-identical wordings (trigram
 *     similarity) grouped under the line with most cases until the user
 *     merges them (wording_merge);
 *
 * each with the count per area (the person's area).  And the care level
 * (a select `care_level`, its choices lightest first) followed per person:
 * the follow-ups whose level improved, stayed or worsened, and the
 * one-year deterioration rate, by 年度 and area.  Implemented in
 * src/store/store_tally.c and store_kpi.c; doc/followup.md for users.
 */
#ifndef KAIGI_TALLY_H
#define KAIGI_TALLY_H

#include "kaigi/followup.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

enum store_tally_kind {
	STORE_TALLY_CATEGORY, /* key "category:VALUE" */
	STORE_TALLY_ROW,      /* key "row:FORM/GRID/ROW" */
	STORE_TALLY_CODE,     /* key "code:FORM/FIELD/VALUE" */
	STORE_TALLY_RAISED,   /* key "raised:WORDING" */
	STORE_TALLY_KINDS
};

/* Cases of one area. */
struct store_tally_area {
	char *area; /* "" when not recorded */
	size_t cases;
};

struct store_tally_line {
	enum store_tally_kind kind;
	char *key;  /* as above: a stable name, e.g. an indicator_key */
	char *form; /* the form (row, code) or "" */
	char *field;
	char *item;   /* category value, row id, choice value, or wording */
	size_t cases; /* distinct case reviews with it */
	struct store_tally_area *areas;
	size_t nareas;
	/* A raised wording near-identical to the line `similar_to` (an index
	 * into the list, which comes first) and not merged yet; else -1. */
	size_t similar_to;
	double similarity; /* to that line, 0…1 */
};

struct store_tally {
	size_t cases;                   /* case reviews of the period and area: the denominator */
	struct store_tally_area *areas; /* case reviews per area */
	size_t nareas;
	struct store_tally_line *v; /* by kind, then most cases first */
	size_t n;
};
void store_tally_free(struct store_tally *t);

/* Every line of the period p (NULL: all time) with at least one case. */
enum kaigi_status store_tally_run(struct store *st, const struct store_period *p,
				  struct store_tally *out, struct kaigi_error *err);

/* The label of a line in lang: the category's, the row's ("服薬"), the
 * choice's, or the wording itself; borrowed from the forms or the line. */
const char *store_tally_label(const struct schema_set *forms, const struct store_tally_line *l,
			      const char *lang);

/* The share of the period's cases with the line key, in percent (*share
 * < 0 when there was no case); *n and *of the counts (each may be NULL). */
enum kaigi_status store_tally_share(struct store *st, const struct store_period *p, const char *key,
				    double *share, size_t *n, size_t *of, struct kaigi_error *err);

/* The case reviews behind a line (key) in the period: newest first, with
 * person_code and meeting_date filled. */
enum kaigi_status store_tally_cases(struct store *st, const struct store_period *p, const char *key,
				    struct store_case_list *out, struct kaigi_error *err);

/* Count wording as into from now on (both as typed in cases); into NULL
 * undoes a merge.  Audited. */
enum kaigi_status store_wording_merge(struct store *st, const char *wording, const char *into,
				      struct kaigi_error *err);

/* The wordings merged into into, in order. */
enum kaigi_status store_wording_merged(struct store *st, const char *into,
				       struct store_strings *out, struct kaigi_error *err);

/* Trigram similarity (Dice coefficient over character trigrams) of two
 * UTF-8 texts, 0…1. */
double store_text_similarity(const char *a, const char *b);

/* Follow-up outcomes (store_outcome_rollup, by 年度) by calendar year when
 * calendar (src/store/store_compare.c). */
enum kaigi_status store_outcome_rollup_years(struct store *st, const struct store_period *p,
					     bool calendar, struct store_outcome_list *out,
					     struct kaigi_error *err);

/* ---- KPIs: the care level followed per person (store_kpi.c) ----------- */

struct store_kpi {
	int year;   /* 年度 (calendar year when asked) */
	char *area; /* the person's; "" when not recorded */
	/* follow-up reviews of the year: care level against the review followed */
	size_t followups, improved, same, worse;
	/* people first reviewed in the year, and those reviewed again 9–15
	 * months later (the review nearest a year on): level worse, same,
	 * better than a year before */
	size_t people, followed_1y, worse_1y, same_1y, better_1y;
};
STORE_LIST_TYPE(store_kpi_list, struct store_kpi);
void store_kpi_list_free(struct store_kpi_list *l);
/* By year, then area.  The care level is the answer of a select field
 * `care_level`; its rank is the choice's position in the form. */
enum kaigi_status store_kpi_rollup(struct store *st, const struct store_period *p, bool calendar,
				   struct store_kpi_list *out, struct kaigi_error *err);

#endif
