/* SPDX-License-Identifier: MIT */
/*
 * report_strings.h — the summary's own words in Japanese and English, and
 * dates as a Japanese or English reader writes them (internal).
 *
 * The labels of form fields and choices come from the forms; these are the
 * few words the summary adds around them.  They live in a table rather
 * than in gettext catalogues so that a summary comes out the same whatever
 * locales the laptop has installed: a town office printing in Japanese
 * must not depend on ja_JP.UTF-8 being generated.
 */
#ifndef KAIGI_REPORT_STRINGS_H
#define KAIGI_REPORT_STRINGS_H

#include <stddef.h>

enum rs_id {
	RS_SUMMARY,
	RS_DATE,
	RS_PLACE,
	RS_FACILITATOR,
	RS_KIND,
	RS_VISION,
	RS_MEETING,
	RS_PURPOSE,
	RS_TARGET,
	RS_REACHED,
	RS_LEFT,
	RS_ATTENDANCE,
	RS_PROFESSION,
	RS_ORGANISATION,
	RS_NUMBER,
	RS_NAME,
	RS_ATTENDANCE_FMT, /* one %zu */
	RS_PERSONS_FMT,
	RS_CASE_FMT, /* %zu then the case code */
	RS_CASE_CODE,
	RS_INITIALS,
	RS_AGE_BAND,
	RS_SEX,
	RS_SEX_F,
	RS_SEX_M,
	RS_SEX_X,
	RS_CARE_LEVEL,
	RS_PREVIOUS_FMT, /* current, previous */
	RS_HOUSEHOLD,
	RS_WISH,
	RS_PRESENTER,
	RS_PERSONAL,
	RS_BASICS,
	RS_ACTIVITY,
	RS_GROUP,
	RS_CHANGE,
	RS_LAST_TIME,
	RS_MARKS_PREDICTED,
	RS_MARKS_LAST_FMT, /* the date of the last review */
	RS_FACTORS,
	RS_ISSUES,
	RS_NO,
	RS_GOALS,
	RS_PERIOD,
	RS_MONTHS_FMT, /* %lld */
	RS_ADVICE,
	RS_ISSUE_REF,
	RS_ACTIONS,
	RS_WHO,
	RS_WHAT,
	RS_DUE,
	RS_STATUS,
	RS_STATUS_OPEN,
	RS_STATUS_DONE,
	RS_STATUS_DROPPED,
	RS_FOLLOWUP,
	RS_REGIONAL,
	RS_REGIONAL_ALL,
	RS_ISSUE,
	RS_POLICY,
	RS_CATEGORY,
	RS_POLICY_COOPERATION,
	RS_POLICY_PROGRAMME,
	RS_POLICY_RESOURCE,
	RS_CASES,
	RS_NOTE,
	RS_FOOTER_ANON,
	RS_BANNER_NAMES,
	RS_FOOTER_NAMES,
	RS_CONTINUED,
	RS_STAMP_ANON,
	RS_STAMP_NAMES,
	RS_LIST_SEP, /* between items of a list: 、 or , */
	RS_YES,
	RS_NO_ANSWER,
	RS_ID_NAME, /* the person's identity (--names only), in identity field order */
	RS_ID_KANA,
	RS_ID_BIRTH,
	RS_ID_ADDRESS,
	RS_ID_PHONE,
	RS_ID_INSURED,
	RS_PACKET,
	RS_PACKET_BANNER,
	RS_PACKET_EMPTY,
	RS_AREA,
	RS_KEY_PROBLEMS,
	RS_HOUSING,
	RS_BMI_FMT, /* BMI, height, weight */
	RS_MEDICAL,
	RS_CM_VIEW,
	RS_SERVICES,
	RS_BY_PROFESSION,
	RS_ABSENT,
	RS_COUNT,
};

/* The string in lang ("ja" or "en"). */
const char *rs(enum rs_id id, const char *lang);

/* "令和7年6月12日（木）" / "Thu 12 June 2025" for a date YYYY-MM-DD; other
 * text is returned as it is.  Caller frees. */
char *rs_date(const char *date, const char *lang);

/* The same without the weekday, and the month abbreviated in English
 * ("令和7年6月30日", "30 Jun 2025"), for table cells.  Caller frees. */
char *rs_date_short(const char *date, const char *lang);

/* Circled number ①…⑳ for 1…20, else "(n)", into buf. */
void rs_circled(int n, char *buf, size_t size);

#endif
