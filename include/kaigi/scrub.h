/* SPDX-License-Identifier: MIT */
/*
 * scrub.h — the one place that hides identifying details in free text.
 *
 * Every anonymised output (the summary in each format, the case packet, the
 * regional report, search without --names, --anonymised exports, the UI's
 * anonymised views) passes its free text through scrub_text(), which
 * replaces what identifies a person by SCRUB_MARK:
 *
 *   - the values of the people the context was given (scrub_ctx_person_add):
 *     name and kana (with or without spaces, family or given name alone),
 *     birth date in the styles people write it (1942-03-15, 1942/3/15,
 *     1942年3月15日, 昭和17年3月15日, S17.3.15), phone, insured number, and
 *     address down to the block;
 *   - for anyone: phone numbers, postal codes, 10-digit (insured) numbers,
 *     full dates of birth, and 丁目 / 番地 / block addresses.
 *
 * Text is compared after NFKC normalisation and case folding (utf8proc), with
 * katakana folded to hiragana and dash-like characters to '-', so ０９０－…,
 * ﾔﾏﾀﾞ and ヤマダ match as well; what is not hidden is kept exactly as typed.
 * Patterns are PCRE2 regular expressions (src/util/scrub_rules.c lists them
 * and doc/reports.md explains them).
 *
 * The date rule: a full date (year, month, day) is taken for a date of birth
 * when it is written in the 明治/大正/昭和 eras (or M/T/S), when its year is
 * before 1970, or when it follows 生年月日 / 誕生日 / 生まれ / DOB / born or
 * is followed by 生まれ / 生.  Other dates — a meeting on 2026-11-20, a due
 * date — are ordinary and stay.
 */
#ifndef KAIGI_SCRUB_H
#define KAIGI_SCRUB_H

#include <stdbool.h>

#include "kaigi/error.h"

/* What replaces a hidden detail. */
#define SCRUB_MARK "〔伏せ字〕"

/* Why a piece of text is hidden (the first reason found). */
enum scrub_kind {
	SCRUB_NONE = 0,
	SCRUB_OWN_NAME,    /* the person's name or kana */
	SCRUB_OWN_BIRTH,   /* the person's birth date */
	SCRUB_OWN_ADDRESS, /* the person's address */
	SCRUB_OWN_PHONE,   /* the person's phone number */
	SCRUB_OWN_INSURED, /* the person's insured number (被保険者番号) */
	SCRUB_PHONE,       /* a phone number */
	SCRUB_POSTAL,      /* a postal code */
	SCRUB_NUMBER,      /* a 10-digit number, as insured numbers are */
	SCRUB_BIRTH,       /* a full date of birth */
	SCRUB_ADDRESS,     /* a 丁目 / 番地 / block address */
	SCRUB_KIND_COUNT
};

/* A short English phrase for kind ("a phone number"); the UI translates it. */
const char *scrub_kind_name(enum scrub_kind kind);

/* One person's identifying values; any may be NULL or "". */
struct scrub_person {
	const char *name;       /* 山田 花子 — a space between family and given name */
	const char *kana;       /* やまだ はなこ */
	const char *birth_date; /* YYYY-MM-DD */
	const char *address;
	const char *phone;
	const char *insured_no;
};

/* A context compiles a person's patterns the first time a text names them,
 * so it is not to be used from two threads at once (kaigi has one). */
struct scrub_ctx;

/* A context that knows the patterns for anyone and no person yet.  Never
 * NULL (out of memory aborts).  Free with scrub_ctx_free(). */
struct scrub_ctx *scrub_ctx_new(void);
void scrub_ctx_free(struct scrub_ctx *ctx);
/* Add a person whose values are to be hidden too (values are compiled into
 * patterns; p need not outlive the call).  KAIGI_EDATA if a value cannot be
 * turned into a pattern (it is then skipped: the rest still apply). */
enum kaigi_status scrub_ctx_person_add(struct scrub_ctx *ctx, const struct scrub_person *p,
				       struct kaigi_error *err);

/* in with every identifying detail replaced by SCRUB_MARK (a run of them
 * side by side becomes one mark).  NULL for NULL; else a new string the
 * caller frees.  ctx NULL means the patterns for anyone only. */
char *scrub_text(const struct scrub_ctx *ctx, const char *in);
/* Scrub *s in place (free and replace) when it holds anything to hide. */
void scrub_text_inplace(const struct scrub_ctx *ctx, char **s);
/* An excerpt of scrubbed text (a search hit) may cut a mark: make a piece
 * of SCRUB_MARK at its start or end whole again.  A new string the caller
 * frees. */
char *scrub_excerpt_mend(const char *excerpt);
/* Whether text holds anything scrub_text would hide, and why: the kind of
 * the first detail found, SCRUB_NONE when nothing.  For the warning while
 * typing. */
enum scrub_kind scrub_text_check(const struct scrub_ctx *ctx, const char *text);

#endif
