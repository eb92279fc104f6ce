// SPDX-License-Identifier: MIT
/*
 * test_util_scrub.c — the table of what must and must not be hidden:
 * each pattern class for anyone, the person's own values in the styles
 * people write them, half- and full-width, with and without spaces; and the
 * ordinary text that must survive (a dose, a fiscal year, a room number, a
 * meeting date).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kaigi/scrub.h"

static const struct scrub_person hanako = {
    .name = "山田 花子",
    .kana = "やまだ はなこ",
    .birth_date = "1942-03-15",
    .address = "愛知県豊明市栄町3丁目5番地12",
    .phone = "0562-92-1234",
    .insured_no = "1234567890",
};

struct scrub_case {
	const char *text;
	const char *gone; /* must not be in the output (NULL: the whole text must change) */
	enum scrub_kind kind;
};

/* Must be hidden, by the person's context. */
static const struct scrub_case must_mask[] = {
    /* the person's name: kanji, kana, spaces, widths, family / given alone */
    {"本人は山田花子さん", "山田花子", SCRUB_OWN_NAME},
    {"本人は山田 花子さん", "山田 花子", SCRUB_OWN_NAME},
    {"本人は山田　花子さん", "山田　花子", SCRUB_OWN_NAME},
    {"山田さんは元気", "山田", SCRUB_OWN_NAME},
    {"花子さんと呼ぶ", "花子", SCRUB_OWN_NAME},
    {"ヤマダハナコ様", "ヤマダハナコ", SCRUB_OWN_NAME},
    {"やまだ　はなこ様", "やまだ　はなこ", SCRUB_OWN_NAME},
    {"ﾔﾏﾀﾞ ﾊﾅｺ様", "ﾔﾏﾀﾞ ﾊﾅｺ", SCRUB_OWN_NAME},
    /* her birth date in every style */
    {"生れは1942-03-15です", "1942-03-15", SCRUB_OWN_BIRTH},
    {"1942/3/15", "1942/3/15", SCRUB_OWN_BIRTH},
    {"１９４２年３月１５日", "１９４２年３月１５日", SCRUB_OWN_BIRTH},
    {"1942年3月15日", "1942年3月15日", SCRUB_OWN_BIRTH},
    {"昭和17年3月15日", "昭和17年3月15日", SCRUB_OWN_BIRTH},
    {"昭和１７年３月１５日", "昭和１７年３月１５日", SCRUB_OWN_BIRTH},
    {"S17.3.15", "S17.3.15", SCRUB_OWN_BIRTH},
    {"Ｓ１７．３．１５", "Ｓ１７．３．１５", SCRUB_OWN_BIRTH},
    {"昭17.03.15", "昭17.03.15", SCRUB_OWN_BIRTH},
    /* her phone, insured number, address */
    {"自宅 0562-92-1234", "92-1234", SCRUB_OWN_PHONE},
    {"自宅 ０５６２－９２－１２３４", "１２３４", SCRUB_OWN_PHONE},
    {"自宅 0562 92 1234", "92 1234", SCRUB_OWN_PHONE},
    {"自宅(0562)92-1234", "92-1234", SCRUB_OWN_PHONE},
    {"番号 1234567890", "1234567890", SCRUB_OWN_INSURED},
    {"番号 12345 67890", "67890", SCRUB_OWN_INSURED},
    {"番号 １２３４５６７８９０", "１２３４５６７８９０", SCRUB_OWN_INSURED},
    {"住所は愛知県豊明市栄町3丁目5番地12", "栄町3丁目5番地12", SCRUB_OWN_ADDRESS},
    {"栄町3-5-12に住む", "3-5-12", SCRUB_OWN_ADDRESS},
    {"栄町３－５－１２に住む", "３－５－１２", SCRUB_OWN_ADDRESS},
    {"豊明市栄町3丁目5-12", "5-12", SCRUB_OWN_ADDRESS},
};

/* Must be hidden for anyone (no person given). */
static const struct scrub_case must_mask_any[] = {
    {"携帯090-1111-2222へ", "090-1111-2222", SCRUB_PHONE},
    {"携帯０９０－１１１１－２２２２へ", "０９０－１１１１－２２２２", SCRUB_PHONE},
    {"携帯０９０ー１１１１ー２２２２へ", "１１１１ー２２２２", SCRUB_PHONE},
    {"携帯09011112222へ", "09011112222", SCRUB_PHONE},
    {"長女 03-1234-5678", "03-1234-5678", SCRUB_PHONE},
    {"長女 (052)123-4567", "123-4567", SCRUB_PHONE},
    {"長女 +81 90-1111-2222", "1111-2222", SCRUB_PHONE},
    {"〒470-1111 豊明市", "470-1111", SCRUB_POSTAL},
    {"〒４７０１１１１", "４７０１１１１", SCRUB_POSTAL},
    {"郵便番号 470-1111", "470-1111", SCRUB_POSTAL},
    {"被保険者番号 2222333344", "2222333344", SCRUB_NUMBER},
    {"被保険者番号：２２２２３３３３４４", "２２２２３３３３４４", SCRUB_NUMBER},
    {"被保険者番号は 22223-33344", "33344", SCRUB_NUMBER},
    {"生年月日 2001-04-01", "2001-04-01", SCRUB_BIRTH},
    {"生年月日：平成13年4月1日", "平成13年4月1日", SCRUB_BIRTH},
    {"1938年5月6日生まれ", "1938年5月6日", SCRUB_BIRTH},
    {"夫は大正15年1月2日生", "大正15年1月2日", SCRUB_BIRTH},
    {"夫はT15.1.2生", "T15.1.2", SCRUB_BIRTH},
    {"昭和２年５月６日", "昭和２年５月６日", SCRUB_BIRTH},
    {"1950-01-31の人", "1950-01-31", SCRUB_BIRTH},
    {"born on 1980-02-03", "1980-02-03", SCRUB_BIRTH},
    {"長女は緑町2丁目4番地に住む", "2丁目4番地", SCRUB_ADDRESS},
    {"長女は緑町二丁目に住む", "二丁目", SCRUB_ADDRESS},
    {"長女は緑町２丁目４－５に住む", "２丁目４－５", SCRUB_ADDRESS},
    {"本町123番地の4", "123番地の4", SCRUB_ADDRESS},
    {"本町5番12号", "5番12号", SCRUB_ADDRESS},
    {"本町１２－３", "本町１２－３", SCRUB_ADDRESS},
};

/* Ordinary text: must come back exactly as given, with the person's
 * context (so her values do not over-reach either). */
static const char *const must_keep[] = {
    "1日3回、朝昼夕に服薬",
    "2026年度の計画",
    "令和8年度の予算",
    "301号室で会議",
    "会議室は3階の302号室",
    "次回は2026-11-20（金）",
    "2026年11月20日に再評価",
    "令和7年6月12日の会議",
    "2025/6/30までに",
    "R7.6.30までに",
    "血圧は132/84、体重45.5kg",
    "要介護1、週2回のデイ",
    "10分以上歩ける",
    "80-84歳",
    "人口約68,000人",
    "山の上の田んぼ", /* 山 and 田 apart are not the name */
    "花が好き",
    "やまびこ体操",
    "2回目の訪問、12件",
    "電話は長女が受ける",
    "T-2024-017の事例",
    "第3回 会議",
    "1人暮らし 5年",
    "100-200mの坂",
};

static void test_must_mask(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	assert_int_equal(scrub_ctx_person_add(ctx, &hanako, &err), KAIGI_OK);
	for (size_t i = 0; i < sizeof must_mask / sizeof must_mask[0]; i++) {
		const struct scrub_case *c = &must_mask[i];
		char *out = scrub_text(ctx, c->text);
		if (strstr(out, c->gone) || !strstr(out, SCRUB_MARK))
			fail_msg("not hidden: '%s' → '%s'", c->text, out);
		enum scrub_kind k = scrub_text_check(ctx, c->text);
		if (k != c->kind)
			fail_msg("'%s': kind %s, expected %s", c->text, scrub_kind_name(k),
				 scrub_kind_name(c->kind));
		free(out);
	}
	scrub_ctx_free(ctx);
}

static void test_must_mask_any(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof must_mask_any / sizeof must_mask_any[0]; i++) {
		const struct scrub_case *c = &must_mask_any[i];
		char *out = scrub_text(NULL, c->text);
		if (strstr(out, c->gone) || !strstr(out, SCRUB_MARK))
			fail_msg("not hidden: '%s' → '%s'", c->text, out);
		enum scrub_kind k = scrub_text_check(NULL, c->text);
		if (k != c->kind)
			fail_msg("'%s': kind %s, expected %s", c->text, scrub_kind_name(k),
				 scrub_kind_name(c->kind));
		free(out);
	}
}

static void test_must_keep(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	assert_int_equal(scrub_ctx_person_add(ctx, &hanako, &err), KAIGI_OK);
	for (size_t i = 0; i < sizeof must_keep / sizeof must_keep[0]; i++) {
		char *out = scrub_text(ctx, must_keep[i]);
		if (strcmp(out, must_keep[i]) != 0)
			fail_msg("ordinary text changed: '%s' → '%s'", must_keep[i], out);
		if (scrub_text_check(ctx, must_keep[i]) != SCRUB_NONE)
			fail_msg("ordinary text flagged: '%s'", must_keep[i]);
		free(out);
	}
	scrub_ctx_free(ctx);
}

/* What is not hidden is kept byte for byte: full-width digits, odd spaces,
 * and the text around a mark; a run of details becomes one mark. */
static void test_rest_as_typed(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	assert_int_equal(scrub_ctx_person_add(ctx, &hanako, &err), KAIGI_OK);
	char *out = scrub_text(ctx, "①山田花子（ｶﾅ）は週３回、０９０－１１１１－２２２２へ");
	assert_string_equal(out, "①〔伏せ字〕（ｶﾅ）は週３回、〔伏せ字〕へ");
	free(out);
	out = scrub_text(ctx, "山田花子 昭和17年3月15日生");
	assert_string_equal(out, "〔伏せ字〕 〔伏せ字〕生");
	free(out);
	out = scrub_text(ctx, "山田花子1942-03-15");
	assert_string_equal(out, "〔伏せ字〕");
	free(out);
	assert_null(scrub_text(ctx, NULL));
	out = scrub_text(ctx, "");
	assert_string_equal(out, "");
	free(out);
	/* invalid UTF-8 survives, and what is around it is still looked at */
	out = scrub_text(ctx, "\xff山田花子\xfe");
	assert_string_equal(out, "\xff〔伏せ字〕\xfe");
	free(out);
	scrub_ctx_free(ctx);
}

/* Values that cannot be patterns are refused, the rest still apply. */
static void test_bad_values(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	struct scrub_person p = {.name = "佐藤 一郎", .birth_date = "not a date", .phone = "12"};
	assert_int_equal(scrub_ctx_person_add(ctx, &p, &err), KAIGI_EDATA);
	char *out = scrub_text(ctx, "佐藤さん (a*b) [x]");
	assert_string_equal(out, "〔伏せ字〕さん (a*b) [x]");
	free(out);
	struct scrub_person meta = {.name = "a.b (c)*"};
	assert_int_equal(scrub_ctx_person_add(ctx, &meta, &err), KAIGI_OK);
	out = scrub_text(ctx, "axb c and a.b (c)* here");
	assert_string_equal(out, "axb c and 〔伏せ字〕 here");
	free(out);
	scrub_ctx_free(ctx);
}

/* A search excerpt that cut a mark gets it whole again. */
static void test_excerpt_mend(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"…せ字〕さんは腰痛で", "…〔伏せ字〕さんは腰痛で"},
	    {"…〕さん", "…〔伏せ字〕さん"},
	    {"字〕さん", "〔伏せ字〕さん"},
	    {"腰痛で〔伏…", "腰痛で〔伏せ字〕…"},
	    {"腰痛で〔", "腰痛で〔伏せ字〕"},
	    {"…せ字〕と〔伏せ…", "…〔伏せ字〕と〔伏せ字〕…"},
	    {"〔伏せ字〕は無傷", "〔伏せ字〕は無傷"},
	    {"字が上手", "字が上手"},
	    {"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *o = scrub_excerpt_mend(cases[i].in);
		assert_string_equal(o, cases[i].out);
		free(o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_must_mask),  cmocka_unit_test(test_must_mask_any),
	    cmocka_unit_test(test_must_keep),  cmocka_unit_test(test_rest_as_typed),
	    cmocka_unit_test(test_bad_values), cmocka_unit_test(test_excerpt_mend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
