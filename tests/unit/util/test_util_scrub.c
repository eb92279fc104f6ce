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
	bool own; /* hidden by hanako's context (else for anyone, with no person) */
	const char *text;
	const char *gone; /* must not be in the output */
	enum scrub_kind kind;
};

/* Must be hidden: first by the person's context, then for anyone. */
static const struct scrub_case must_mask[] = {
    /* the person's name: kanji, kana, spaces, widths, family / given alone */
    {true, "本人は山田花子さん", "山田花子", SCRUB_OWN_NAME},
    {true, "本人は山田 花子さん", "山田 花子", SCRUB_OWN_NAME},
    {true, "本人は山田　花子さん", "山田　花子", SCRUB_OWN_NAME},
    {true, "山田さんは元気", "山田", SCRUB_OWN_NAME},
    {true, "花子さんと呼ぶ", "花子", SCRUB_OWN_NAME},
    {true, "ヤマダハナコ様", "ヤマダハナコ", SCRUB_OWN_NAME},
    {true, "やまだ　はなこ様", "やまだ　はなこ", SCRUB_OWN_NAME},
    {true, "ﾔﾏﾀﾞ ﾊﾅｺ様", "ﾔﾏﾀﾞ ﾊﾅｺ", SCRUB_OWN_NAME},
    /* her birth date in every style */
    {true, "生れは1942-03-15です", "1942-03-15", SCRUB_OWN_BIRTH},
    {true, "1942/3/15", "1942/3/15", SCRUB_OWN_BIRTH},
    {true, "１９４２年３月１５日", "１９４２年３月１５日", SCRUB_OWN_BIRTH},
    {true, "1942年3月15日", "1942年3月15日", SCRUB_OWN_BIRTH},
    {true, "昭和17年3月15日", "昭和17年3月15日", SCRUB_OWN_BIRTH},
    {true, "昭和１７年３月１５日", "昭和１７年３月１５日", SCRUB_OWN_BIRTH},
    {true, "S17.3.15", "S17.3.15", SCRUB_OWN_BIRTH},
    {true, "Ｓ１７．３．１５", "Ｓ１７．３．１５", SCRUB_OWN_BIRTH},
    {true, "昭17.03.15", "昭17.03.15", SCRUB_OWN_BIRTH},
    /* her phone, insured number, address */
    {true, "自宅 0562-92-1234", "92-1234", SCRUB_OWN_PHONE},
    {true, "自宅 ０５６２－９２－１２３４", "１２３４", SCRUB_OWN_PHONE},
    {true, "自宅 0562 92 1234", "92 1234", SCRUB_OWN_PHONE},
    {true, "自宅(0562)92-1234", "92-1234", SCRUB_OWN_PHONE},
    {true, "番号 1234567890", "1234567890", SCRUB_OWN_INSURED},
    {true, "番号 12345 67890", "67890", SCRUB_OWN_INSURED},
    {true, "番号 １２３４５６７８９０", "１２３４５６７８９０", SCRUB_OWN_INSURED},
    {true, "住所は愛知県豊明市栄町3丁目5番地12", "栄町3丁目5番地12", SCRUB_OWN_ADDRESS},
    {true, "栄町3-5-12に住む", "3-5-12", SCRUB_OWN_ADDRESS},
    {true, "栄町３－５－１２に住む", "３－５－１２", SCRUB_OWN_ADDRESS},
    {true, "豊明市栄町3丁目5-12", "5-12", SCRUB_OWN_ADDRESS},
    /* for anyone (no person given) */
    {false, "携帯090-1111-2222へ", "090-1111-2222", SCRUB_PHONE},
    {false, "携帯０９０－１１１１－２２２２へ", "０９０－１１１１－２２２２", SCRUB_PHONE},
    {false, "携帯０９０ー１１１１ー２２２２へ", "１１１１ー２２２２", SCRUB_PHONE},
    {false, "携帯09011112222へ", "09011112222", SCRUB_PHONE},
    {false, "長女 03-1234-5678", "03-1234-5678", SCRUB_PHONE},
    {false, "長女 (052)123-4567", "123-4567", SCRUB_PHONE},
    {false, "長女 +81 90-1111-2222", "1111-2222", SCRUB_PHONE},
    {false, "〒470-1111 豊明市", "470-1111", SCRUB_POSTAL},
    {false, "〒４７０１１１１", "４７０１１１１", SCRUB_POSTAL},
    {false, "郵便番号 470-1111", "470-1111", SCRUB_POSTAL},
    {false, "被保険者番号 2222333344", "2222333344", SCRUB_NUMBER},
    {false, "被保険者番号：２２２２３３３３４４", "２２２２３３３３４４", SCRUB_NUMBER},
    {false, "被保険者番号は 22223-33344", "33344", SCRUB_NUMBER},
    {false, "生年月日 2001-04-01", "2001-04-01", SCRUB_BIRTH},
    {false, "生年月日：平成13年4月1日", "平成13年4月1日", SCRUB_BIRTH},
    {false, "1938年5月6日生まれ", "1938年5月6日", SCRUB_BIRTH},
    {false, "夫は大正15年1月2日生", "大正15年1月2日", SCRUB_BIRTH},
    {false, "夫はT15.1.2生", "T15.1.2", SCRUB_BIRTH},
    {false, "昭和２年５月６日", "昭和２年５月６日", SCRUB_BIRTH},
    {false, "1950-01-31の人", "1950-01-31", SCRUB_BIRTH},
    {false, "born on 1980-02-03", "1980-02-03", SCRUB_BIRTH},
    {false, "長女は緑町2丁目4番地に住む", "2丁目4番地", SCRUB_ADDRESS},
    {false, "長女は緑町二丁目に住む", "二丁目", SCRUB_ADDRESS},
    {false, "長女は緑町２丁目４－５に住む", "２丁目４－５", SCRUB_ADDRESS},
    {false, "本町123番地の4", "123番地の4", SCRUB_ADDRESS},
    {false, "本町5番12号", "5番12号", SCRUB_ADDRESS},
    {false, "本町１２－３", "本町１２－３", SCRUB_ADDRESS},
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

/* A context that knows hanako. */
static struct scrub_ctx *hanako_ctx(void)
{
	struct scrub_ctx *ctx = scrub_ctx_new();
	struct kaigi_error err;
	assert_non_null(ctx);
	assert_int_equal(scrub_ctx_person_add(ctx, &hanako, &err), KAIGI_OK);
	return ctx;
}

static void test_must_mask(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = hanako_ctx();
	for (size_t i = 0; i < sizeof must_mask / sizeof must_mask[0]; i++) {
		const struct scrub_case *c = &must_mask[i];
		struct scrub_ctx *by = c->own ? ctx : NULL;
		char *out = scrub_text(by, c->text);
		if (strstr(out, c->gone) || !strstr(out, SCRUB_MARK))
			fail_msg("not hidden: '%s' → '%s'", c->text, out);
		enum scrub_kind k = scrub_text_check(by, c->text);
		if (k != c->kind)
			fail_msg("'%s': kind %s, expected %s", c->text, scrub_kind_name(k),
				 scrub_kind_name(c->kind));
		free(out);
	}
	scrub_ctx_free(ctx);
}

static void test_must_keep(void **state)
{
	(void)state;
	struct scrub_ctx *ctx = hanako_ctx();
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

/* Each text in, through ctx, and what must come out; a failure names the
 * row. */
struct scrub_io {
	const char *in, *out;
};

static void check_scrubbed(struct scrub_ctx *ctx, const struct scrub_io *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *o = scrub_text(ctx, c[i].in);
		if (strcmp(o, c[i].out) != 0)
			print_error("row %zu: '%s'\n", i, c[i].in);
		assert_string_equal(o, c[i].out);
		free(o);
	}
}

#define CHECK_SCRUBBED(ctx, cases) check_scrubbed((ctx), (cases), sizeof(cases) / sizeof(cases)[0])

/* What is not hidden is kept byte for byte: full-width digits, odd spaces,
 * and the text around a mark; a run of details becomes one mark. */
static void test_rest_as_typed(void **state)
{
	(void)state;
	static const struct scrub_io cases[] = {
	    {"①山田花子（ｶﾅ）は週３回、０９０－１１１１－２２２２へ",
	     "①〔伏せ字〕（ｶﾅ）は週３回、〔伏せ字〕へ"},
	    {"山田花子 昭和17年3月15日生", "〔伏せ字〕 〔伏せ字〕生"},
	    {"山田花子1942-03-15", "〔伏せ字〕"},
	    {"", ""},
	    /* invalid UTF-8 survives, and what is around it is still looked at */
	    {"\xff山田花子\xfe", "\xff〔伏せ字〕\xfe"},
	};
	struct scrub_ctx *ctx = hanako_ctx();
	CHECK_SCRUBBED(ctx, cases);
	assert_null(scrub_text(ctx, NULL));
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
	static const struct scrub_io sato[] = {{"佐藤さん (a*b) [x]", "〔伏せ字〕さん (a*b) [x]"}};
	CHECK_SCRUBBED(ctx, sato);
	struct scrub_person meta = {.name = "a.b (c)*"};
	assert_int_equal(scrub_ctx_person_add(ctx, &meta, &err), KAIGI_OK);
	static const struct scrub_io dots[] = {
	    {"axb c and a.b (c)* here", "axb c and 〔伏せ字〕 here"}};
	CHECK_SCRUBBED(ctx, dots);
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
	    cmocka_unit_test(test_must_mask),     cmocka_unit_test(test_must_keep),
	    cmocka_unit_test(test_rest_as_typed), cmocka_unit_test(test_bad_values),
	    cmocka_unit_test(test_excerpt_mend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
