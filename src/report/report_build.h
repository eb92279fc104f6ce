/* SPDX-License-Identifier: MIT */
/*
 * report_build.h — what the files that build the summary share (internal):
 * report_model.c (the meeting), report_case.c (each case), report_grid.c
 * (ADL/IADL grids).
 *
 * Every answer shown goes through report_build_answer_text(), the one place that
 * leaves out fields marked sensitive unless names were asked for.
 */
#ifndef KAIGI_REPORT_BUILD_H
#define KAIGI_REPORT_BUILD_H

#include "kaigi/followup.h"
#include "kaigi/strbuf.h"
#include "report_model.h"
#include "report_strings.h"

/* A regional issue of the meeting, gathered across its cases. */
struct report_build_regional {
	char *title;
	char *policy;        /* label */
	struct strbuf cases; /* "1、3" */
};

struct report_build {
	struct store *st;
	const struct schema_set *forms;
	const char *lang;
	bool names;
	bool packet; /* the case packet: a grid with nothing answered is left out */
	struct report_doc *doc;
	const struct schema_meeting *tmpl; /* or NULL when not installed */
	const struct kaigi_config *config; /* the professions' labels; may be NULL */
	struct report_build_regional *regional;
	size_t nregional;
	/* Identifying values known to this meeting and case, masked in free
	 * text of an anonymised handout (report_handout.c). */
	char **secrets;
	size_t nsecrets, nsecrets_meeting;
};

/* One case, with its records read whole, in the template's form order. */
struct report_build_case {
	const struct store_case *c;
	size_t number; /* 1-based position in the meeting */
	struct store_person person;
	struct store_record *recs;
	const struct schema_form **forms; /* recs[i]'s installed form */
	size_t nrecs;
};

/* The meeting a document is built from, with its participants and cases. */
struct report_build_meeting {
	struct store_meeting m;
	struct store_participant_list pl;
	struct store_case_list cl;
};

/*
 * Clear doc and set b up to build it as opt asks (packet: the case packet,
 * always anonymised), then read meeting_id, its participants and its cases
 * into bm.  Whatever it returns, report_build_finish() ends the build.
 */
enum kaigi_status report_build_start(struct report_build *b, struct store *st,
				     const struct schema_set *forms, const char *meeting_id,
				     const struct report_options *opt, bool packet,
				     struct report_doc *doc, struct report_build_meeting *bm,
				     struct kaigi_error *err);
/* The meeting's template, and its participants' names as identifying
 * values of every case (kept by report_build_secrets_clear(b, nsecrets_meeting)). */
void report_build_meeting_known(struct report_build *b, const struct report_build_meeting *bm);
/* Free what report_build_start read and b's secrets, and b->doc when s is
 * a failure; returns s. */
enum kaigi_status report_build_finish(struct report_build *b, struct report_build_meeting *bm,
				      enum kaigi_status s);
/* Load each case of bm in turn (numbered from 1) and hand it to add,
 * until one fails. */
enum kaigi_status report_build_each_case(struct report_build *b, struct report_build_meeting *bm,
					 enum kaigi_status (*add)(struct report_build *b,
								  struct report_build_case *rc,
								  struct kaigi_error *err),
					 struct kaigi_error *err);

/* Read the records of case c (forms not installed are skipped). */
enum kaigi_status report_build_case_load(struct report_build *b, const struct store_case *c,
					 size_t number, struct report_build_case *out,
					 struct kaigi_error *err);
void report_build_case_clear(struct report_build_case *rc);

/* Walking the top-level fields of a case's records in order: rec is the
 * record's index; start from {0}. */
struct report_case_at {
	size_t rec, sec, field;
	bool started;
};
/* The field after the one at *at (the first, from {0}); NULL at the end. */
const struct schema_field *report_build_case_field_next(const struct report_build_case *rc,
							struct report_case_at *at);

/* The first field with one of ids ("desired_life|wish": alternatives in
 * order) among the case's records, or NULL. */
const struct schema_field *report_build_find(const struct report_build_case *rc, const char *ids,
					     const struct store_record **rec);

/*
 * The text to print for the answer at (field, item, col) of r: choice
 * labels, dates and numbers with units in b->lang.  f is the top-level
 * field.  NULL when unanswered, and when f or the column / item field is
 * sensitive and names are off.  Caller frees.
 */
char *report_build_answer_text(const struct report_build *b, const struct store_record *r,
			       const struct schema_form *form, const struct schema_field *f,
			       const char *item, const char *col);

/* The ids of the items of list field in r, in order: *ids is an array the
 * caller frees, of strings borrowed from r.  Returns the count. */
size_t report_build_items(const struct store_record *r, const char *field, const char ***ids);

/* Build the section of one case (report_case.c). */
enum kaigi_status report_build_case_section(struct report_build *b, struct report_build_case *rc,
					    struct kaigi_error *err);

/* Add the case's ADL/IADL grids to s (report_grid.c). */
enum kaigi_status report_build_grids_add(struct report_build *b, struct report_build_case *rc,
					 struct report_section *s, struct kaigi_error *err);

/* For a follow-up case: its grids compared with the review it follows,
 * the evaluation of its short-term goals and the actions agreed before
 * with their status (report_compare.c). */
enum kaigi_status report_build_followup_add(struct report_build *b, struct report_build_case *rc,
					    struct report_section *s, struct kaigi_error *err);

/* ↑ 改善 / → 維持 / ↓ 悪化 (or English) for a change read on a scale's
 * direction; NULL when the two could not be compared (report_compare.c). */
const char *report_build_change_word(const struct report_build *b, enum store_change c);

/* ---- the handout's one door (report_handout.c) ----------------------- */

/*
 * The text to print in an anonymised handout for text (taken over; the
 * result is the caller's): identifying values of b->secrets and e-mail
 * addresses become 〔伏せ字〕 (SCRUB_MARK).  With names, text as it is.
 * Every answer of the summary and of the case packet goes through here.
 */
char *report_text_for_handout(const struct report_build *b, char *text);
/* Run the town-independent scrubber (kaigi/scrub.h) with the meeting's
 * people over every text of b->doc: the last step of an anonymised build. */
enum kaigi_status report_build_doc_scrub_meeting(struct report_build *b, const char *meeting_id,
						 struct kaigi_error *err);
/* Known identifying values: a value, a name with its parts, the values of
 * a case's sensitive fields and its presenter; clear back to keep. */
void report_build_secret_add(struct report_build *b, const char *v);
void report_build_secret_add_name(struct report_build *b, const char *name);
void report_build_secrets_case(struct report_build *b, const struct report_build_case *rc);
void report_build_secrets_clear(struct report_build *b, size_t keep);

/* Note that case number raised the regional issue title. */
void report_build_regional_note(struct report_build *b, const char *title, const char *policy,
				size_t number);

#endif
