/* SPDX-License-Identifier: MIT */
/*
 * register.h — the register of regional issues (地域課題): the issues the
 * town promoted from what cases raised, each with its policy kind, owner,
 * status and measure, linked to the cases that revealed it; and its
 * roll-ups by period and area (src/store/store_issue.c).
 */
#ifndef KAIGI_REGISTER_H
#define KAIGI_REGISTER_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/store.h"

/*
 * An issue of the register (地域課題): one *promoted* for the policy meeting,
 * with its policy kind, owner and status, linked to the cases that raised
 * it.  What the room types in a case is its case_plan `regional_issues`
 * list (store_raised_rollup); the register is the town's decision about
 * them (doc/hacking.md, "Actions and regional issues").
 */
struct store_issue {
	char id[STORE_ID_SIZE];
	char *title; /* unique */
	char *description;
	char *policy; /* cooperation 連携強化, programme 公的制度化, resource 資源発掘, or NULL */
	char *status;   /* open, referred, addressed, closed */
	char *owner;    /* who carries it, or NULL */
	char *category; /* an issue_category value, or NULL */
	char *area;     /* 日常生活圏域 (or 全域), or NULL */
	/* The measure and its numbers (db/004; doc/followup.md): each may be
	 * NULL / absent.  indicator_key names the tally line that computes the
	 * indicator (kaigi/tally.h), e.g. "row:adl_toyoake/adl/medication". */
	char *measure, *decided, *indicator, *indicator_key;
	double baseline, target, result;
	bool has_baseline, has_target, has_result;
	char *baseline_date, *target_date, *result_date;
	/* Filled by the roll-ups: linked cases and their meetings in the
	 * period, and the first and last meeting dates among them. */
	int ncases, nmeetings;
	char *first_seen, *last_seen;
};
void store_issue_clear(struct store_issue *i);
/* Insert (empty id) or update by id, every column above.  KAIGI_EDATA for
 * a duplicate title, an unknown policy or status. */
enum kaigi_status store_issue_save(struct store *st, struct store_issue *i,
				   struct kaigi_error *err);
/* Record that case_id revealed the issue (note may be NULL); idempotent. */
enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err);

STORE_LIST_TYPE(store_issue_list, struct store_issue);
void store_issue_list_free(struct store_issue_list *l);
/* Every issue with how many cases revealed it between from and to (dates,
 * inclusive; NULL for open ends), most cases first. */
enum kaigi_status store_issue_rollup(struct store *st, const char *from, const char *to,
				     struct store_issue_list *out, struct kaigi_error *err);

/* A regional issue as one case revealed it, with the case's note. */
struct store_case_issue {
	char id[STORE_ID_SIZE];
	char *title;
	char *description; /* may be NULL, like the rest */
	char *policy;      /* cooperation, programme, resource */
	char *note;
};
STORE_LIST_TYPE(store_case_issue_list, struct store_case_issue);
void store_case_issue_list_free(struct store_case_issue_list *l);
/* The regional issues linked to case_id, in the order they were linked. */
enum kaigi_status store_case_issue_list(struct store *st, const char *case_id,
					struct store_case_issue_list *out, struct kaigi_error *err);

/* One issue of the register (counts over all time).  KAIGI_EDATA when
 * absent. */
enum kaigi_status store_issue_get(struct store *st, const char *id, struct store_issue *out,
				  struct kaigi_error *err);
/* Remove an issue from the register (its links go with it; the cases'
 * raised issues stay). */
enum kaigi_status store_issue_delete(struct store *st, const char *id, struct kaigi_error *err);

/* The register with each issue's linked cases and meetings in the period;
 * with an area, the issues of that area or with cases there (a case's
 * area is its person's).  By category, area, then most cases first. */
enum kaigi_status store_register_rollup(struct store *st, const struct store_period *p,
					struct store_issue_list *out, struct kaigi_error *err);
/*
 * Link every case that raised wording statement (in any period) to issue
 * issue_id, remembering the wording; cases already linked are left as they
 * are.  *linked (may be NULL) counts the new links.  This is how a raised
 * issue is promoted into the register, and how later cases join it.
 */
enum kaigi_status store_issue_link_statement(struct store *st, const char *issue_id,
					     const char *statement, size_t *linked,
					     struct kaigi_error *err);
/* The register's value for a form's policy_kind value ("resources" →
 * "resource"); NULL for none or an unknown one. */
const char *store_policy_normalise(const char *policy);

#endif
