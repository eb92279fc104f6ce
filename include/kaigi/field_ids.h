/* SPDX-License-Identifier: MIT */
/*
 * field_ids.h — the ids of the form fields kaigi's code reads by name.
 *
 * Forms are data (the YAML files in forms/, a town's own), but a few fields carry
 * meaning the store, the reports and the UI act on: the case plan's lists
 * (issues, goals, advice, actions), the regional issues the register rolls
 * up, a follow-up's evaluations, the care level the KPIs compare.  A form
 * that wants that behaviour names its field with the id here; the code
 * names it with the macro, so every reader of one field is found by one
 * grep.  doc/forms.md and doc/reports.md describe what each one drives.
 */
#ifndef KAIGI_FIELD_IDS_H
#define KAIGI_FIELD_IDS_H

/* Fields of a record (the top level of a form). */
#define KAIGI_FIELD_ISSUES              "issues"          /* list: the case's issues (課題) */
#define KAIGI_FIELD_GOALS               "goals"           /* list: the goals (目標) */
#define KAIGI_FIELD_ADVICE              "advice"          /* list: the advisers' advice (助言) */
#define KAIGI_FIELD_ACTIONS             "actions"         /* list: who does what by when */
#define KAIGI_FIELD_REGIONAL_ISSUES     "regional_issues" /* list: issues for the town */
#define KAIGI_FIELD_EVALUATIONS         "evaluations"     /* list: each goal's result */
#define KAIGI_FIELD_EVALUATION_DATE     "evaluation_date" /* date of a follow-up's evaluation */
#define KAIGI_FIELD_FOLLOWUP_DATE       "followup_date"   /* date the follow-up is due */
#define KAIGI_FIELD_CARE_LEVEL          "care_level"      /* the care level (要介護度) now */
#define KAIGI_FIELD_PREVIOUS_CARE_LEVEL "previous_care_level" /* ... before ("new": none) */

/* Columns of those lists (sub-field ids). */
#define KAIGI_FIELD_CATEGORY   "category"   /* issues, regional_issues: the tallied category */
#define KAIGI_FIELD_STATEMENT  "statement"  /* regional_issues: the issue's wording */
#define KAIGI_FIELD_HORIZON    "horizon"    /* goals: long or short term */
#define KAIGI_FIELD_WORDING    "wording"    /* goals: the goal's wording */
#define KAIGI_FIELD_PROFESSION "profession" /* advice: the adviser's profession */
#define KAIGI_FIELD_WHO        "who"        /* actions */
#define KAIGI_FIELD_WHAT       "what"       /* actions */
#define KAIGI_FIELD_DUE        "due"        /* actions */
#define KAIGI_FIELD_STATUS     "status"     /* actions: todo, doing, done, dropped */
#define KAIGI_FIELD_GOAL       "goal"       /* evaluations: the goal evaluated */
#define KAIGI_FIELD_RESULT     "result"     /* evaluations: how it went */

/* The town settings' form whose answers the regional report's cover shows. */
#define KAIGI_FORM_REGION_OVERVIEW "region_overview"

#endif
