// SPDX-License-Identifier: MIT
/* report_strings.c — the summary's own words (ja, en) and date formats. */
#include "report_strings.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "kaigi/xalloc.h"

struct rs_pair {
	const char *ja, *en;
};

static const struct rs_pair table[RS_COUNT] = {
    [RS_SUMMARY] = {"会議録（要旨）", "Meeting summary"},
    [RS_DATE] = {"日時", "Date"},
    [RS_PLACE] = {"場所", "Place"},
    [RS_FACILITATOR] = {"司会", "Facilitator"},
    [RS_KIND] = {"会議", "Meeting"},
    [RS_VISION] = {"目指す姿", "Our town's vision"},
    [RS_MEETING] = {"会議の概要", "The meeting"},
    [RS_PURPOSE] = {"目的", "Purpose"},
    /* The meeting's frame, in one wording everywhere (seed 003 L7396). */
    [RS_TARGET] = {"目標", "Target"},
    [RS_REACHED] = {"今回の到達点", "Reached this time"},
    [RS_LEFT] = {"次回への課題", "Left for next time"},
    [RS_PACKET] = {"事例資料（事前配布）", "Case packet (before the meeting)"},
    [RS_PACKET_BANNER] =
	{"資料回収：会議の終わりに回収します。持ち帰り・複写・転送はしないでください。",
	 "Collected back at the end of the meeting: do not take away, copy or "
	 "forward."},
    [RS_PACKET_EMPTY] = {"（事例シートはまだ記入されていません）",
			 "(The case sheet is not filled in yet.)"},
    [RS_AREA] = {"圏域", "Area"},
    [RS_KEY_PROBLEMS] = {"特徴（要となる問題点）", "Key problems"},
    [RS_HOUSING] = {"住環境", "Housing"},
    [RS_BMI_FMT] = {"%s（%s・%s）", "%s (%s, %s)"},
    [RS_MEDICAL] = {"医療情報・服薬", "Medical history and medication"},
    [RS_CM_VIEW] = {"ケアマネの見立て", "Care manager's view"},
    [RS_SERVICES] = {"サービス", "Services"},
    [RS_BY_PROFESSION] = {"職種別の出席", "Present by profession"},
    [RS_ABSENT] = {"出席のなかった職種", "Professions not present"},
    [RS_ATTENDANCE] = {"出席者", "Attendance"},
    [RS_PROFESSION] = {"職種", "Profession"},
    [RS_ORGANISATION] = {"所属", "Organisation"},
    [RS_NUMBER] = {"人数", "Number"},
    [RS_NAME] = {"氏名", "Name"},
    [RS_ATTENDANCE_FMT] = {"出席者（%zu名）", "Attendance (%zu)"},
    [RS_PERSONS_FMT] = {"%zu名", "%zu"},
    [RS_CASE_FMT] = {"事例%zu　%s", "Case %zu: %s"},
    [RS_CASE_CODE] = {"事例番号", "Case code"},
    [RS_INITIALS] = {"イニシャル", "Initials"},
    [RS_AGE_BAND] = {"年代", "Age band"},
    [RS_SEX] = {"性別", "Sex"},
    [RS_SEX_F] = {"女性", "Female"},
    [RS_SEX_M] = {"男性", "Male"},
    [RS_SEX_X] = {"その他", "Other"},
    [RS_CARE_LEVEL] = {"要介護度", "Care level"},
    [RS_PREVIOUS_FMT] = {"%s（前回 %s）", "%s (previously %s)"},
    [RS_HOUSEHOLD] = {"世帯", "Household"},
    [RS_WISH] = {"望む暮らし（ご本人の言葉）", "The life the person wants, in their words"},
    [RS_PRESENTER] = {"事例提供者", "Presenter"},
    [RS_PERSONAL] = {"個人情報（取扱注意）", "Personal details (confidential)"},
    [RS_BASICS] = {"基本情報", "Basic facts"},
    [RS_ACTIVITY] = {"項目", "Activity"},
    [RS_GROUP] = {"区分", "Group"},
    [RS_CHANGE] = {"変化", "Change"},
    [RS_LAST_TIME] = {"前回", "Last time"},
    [RS_MARKS_PREDICTED] = {"↑ 事後予測が事前判定より良い　↓ 事後予測が事前判定より悪い",
			    "↑ predicted better than now; ↓ predicted worse than now"},
    [RS_MARKS_LAST_FMT] = {"前回＝%s の検討時。↑ 前回より改善　↓ 前回より低下",
			   "Last time = the review of %s. ↑ better than last time; ↓ worse"},
    [RS_FACTORS] = {"要因", "Factors"},
    [RS_ISSUES] = {"課題", "Issues"},
    [RS_NO] = {"No.", "No."},
    [RS_GOALS] = {"目標", "Goals"},
    [RS_PERIOD] = {"期間", "Period"},
    [RS_MONTHS_FMT] = {"%lldか月", "%lld months"},
    [RS_ADVICE] = {"助言（職種別）", "Advice by profession"},
    [RS_ISSUE_REF] = {"課題", "Issue"},
    [RS_ACTIONS] = {"役割分担", "Agreed actions"},
    [RS_WHO] = {"誰が", "Who"},
    [RS_WHAT] = {"何を", "What"},
    [RS_DUE] = {"いつまでに", "By when"},
    [RS_STATUS] = {"状況", "Status"},
    [RS_STATUS_OPEN] = {"未完了", "Open"},
    [RS_STATUS_DONE] = {"完了", "Done"},
    [RS_STATUS_DROPPED] = {"中止", "Dropped"},
    [RS_FOLLOWUP] = {"支援経過の報告日", "Follow-up report"},
    [RS_REGIONAL] = {"地域課題", "Regional issues"},
    [RS_REGIONAL_ALL] = {"本日の地域課題（まとめ）", "Regional issues raised today"},
    [RS_ISSUE] = {"見えてきた課題", "The issue"},
    [RS_POLICY] = {"政策の種類", "Policy response"},
    [RS_CATEGORY] = {"分類", "Category"},
    [RS_POLICY_COOPERATION] = {"連携強化", "Stronger cooperation"},
    [RS_POLICY_PROGRAMME] = {"公的制度化", "Formal programme"},
    [RS_POLICY_RESOURCE] = {"資源発掘", "Finding or creating resources"},
    [RS_CASES] = {"事例", "Cases"},
    [RS_NOTE] = {"補足", "Note"},
    [RS_FOOTER_ANON] = {"個人が特定されないよう匿名化した資料です。会議終了時に回収します"
			"（お持ち帰りにならないでください）。",
			"Anonymised handout. It is collected at the end of the meeting: please "
			"do not take it away."},
    [RS_BANNER_NAMES] = {"【取扱注意】個人情報を含む資料です",
			 "CONFIDENTIAL: this document contains personal information"},
    [RS_FOOTER_NAMES] = {"個人情報を含みます。複製・持ち出しをせず、会議終了時に回収して施錠"
			 "保管してください。",
			 "Contains personal information. Do not copy or take it away; collect "
			 "it at the end of the meeting and keep it locked away."},
    [RS_CONTINUED] = {"（続き）", "(continued)"},
    [RS_STAMP_ANON] = {"会議終了後回収", "Return after the meeting"},
    [RS_STAMP_NAMES] = {"取扱注意", "Confidential"},
    [RS_LIST_SEP] = {"、", ", "},
    [RS_YES] = {"はい", "Yes"},
    [RS_NO_ANSWER] = {"いいえ", "No"},
    [RS_ID_NAME] = {"氏名", "Name"},
    [RS_ID_KANA] = {"ふりがな", "Kana"},
    [RS_ID_BIRTH] = {"生年月日", "Birth date"},
    [RS_ID_ADDRESS] = {"住所", "Address"},
    [RS_ID_PHONE] = {"電話番号", "Phone"},
    [RS_ID_INSURED] = {"被保険者番号", "Insured number"},
};

const char *rs(enum rs_id id, const char *lang)
{
	if ((unsigned)id >= RS_COUNT)
		return "";
	const struct rs_pair *p = &table[id];
	bool en = lang && strcmp(lang, "en") == 0;
	const char *s = en ? p->en : p->ja;
	return s ? s : "";
}

/* Day of the week, 0 = Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* The Japanese era year, as 令和7年 (元年 for the first). */
static void era_year(int y, int m, int d, char *buf, size_t size)
{
	static const struct {
		int y, m, d;
		const char *name;
	} eras[] = {{2019, 5, 1, "令和"}, {1989, 1, 8, "平成"}, {1926, 12, 25, "昭和"}};
	long key = (long)y * 10000 + m * 100 + d;
	for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++) {
		if (key >= (long)eras[i].y * 10000 + eras[i].m * 100 + eras[i].d) {
			int n = y - eras[i].y + 1;
			if (n == 1)
				snprintf(buf, size, "%s元年", eras[i].name);
			else
				snprintf(buf, size, "%s%d年", eras[i].name, n);
			return;
		}
	}
	snprintf(buf, size, "%d年", y);
}

static char *date_format(const char *date, const char *lang, bool full)
{
	static const char *const wd_ja[] = {"日", "月", "火", "水", "木", "金", "土"};
	static const char *const wd_en[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mon_en[] = {"January",   "February", "March",    "April",
					     "May",       "June",     "July",     "August",
					     "September", "October",  "November", "December"};
	int y, m, d;
	char tail;
	if (!date)
		return xstrdup("");
	if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return xstrdup(date);
	int w = weekday(y, m, d);
	if (lang && strcmp(lang, "en") == 0) {
		if (full)
			return xasprintf("%s %d %s %d", wd_en[w], d, mon_en[m - 1], y);
		return xasprintf("%d %.3s %d", d, mon_en[m - 1], y);
	}
	char era[32];
	era_year(y, m, d, era, sizeof era);
	if (full)
		return xasprintf("%s%d月%d日（%s）", era, m, d, wd_ja[w]);
	return xasprintf("%s%d月%d日", era, m, d);
}

char *rs_date(const char *date, const char *lang)
{
	return date_format(date, lang, true);
}

char *rs_date_short(const char *date, const char *lang)
{
	return date_format(date, lang, false);
}

void rs_circled(int n, char *buf, size_t size)
{
	if (n >= 1 && n <= 20) {
		/* U+2460 … U+2473 */
		unsigned cp = 0x2460 + (unsigned)(n - 1);
		snprintf(buf, size, "%c%c%c", (char)(0xE0 | (cp >> 12)),
			 (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)));
		return;
	}
	snprintf(buf, size, "(%d)", n);
}
