// SPDX-License-Identifier: MIT
/*
 * cmd_demo.c — `kaigi demo`: the UI on a fresh demo database.
 *
 * The database is $XDG_DATA_HOME/kaigi/demo.db (default
 * ~/.local/share/kaigi/demo.db), replaced on every run, never the user's
 * own.  It holds a past meeting with two cases worked through, today's
 * meeting with a new case half presented and a follow-up of one of the
 * earlier cases, and a meeting planned for later.  Everyone in it is
 * invented: case codes, initials and age bands only, as a real meeting
 * records them.  Everything is written through the store, so each answer
 * is checked against the shipped forms exactly as the UI's are.
 *
 * `kaigi demo --no-ui` builds the database and prints its path.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "kaigi/followup.h"
#include "kaigi/store.h"
#include "kaigi/xalloc.h"

struct demo {
	struct store *st;
	struct kaigi_error err;
	bool failed;
	char meeting[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];
	char rec[STORE_ID_SIZE]; /* the record being filled */
	char item[STORE_ID_SIZE];
};

static void check(struct demo *d, enum kaigi_status s, const char *what)
{
	if (s == KAIGI_OK || d->failed)
		return;
	fprintf(stderr, "kaigi demo: %s: %s\n", what, d->err.msg);
	d->failed = true;
}

/* A date days from today, YYYY-MM-DD. */
static void date_from_today(int days, char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = 12;
	mktime(&tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

struct demo_meeting {
	const char *template_id;
	int days; /* from today */
	const char *title, *start, *end, *place, *purpose, *target, *reached, *next_time;
};

static void meeting(struct demo *d, const struct demo_meeting *m)
{
	struct store_meeting sm;
	memset(&sm, 0, sizeof sm);
	char date[11];
	date_from_today(m->days, date);
	sm.template_id = (char *)m->template_id;
	sm.template_version = 1;
	sm.kind =
	    (char *)(strcmp(m->template_id, "difficult_case") == 0 ? "difficult" : "individual");
	sm.f[STORE_MEETING_TITLE] = (char *)m->title;
	sm.f[STORE_MEETING_DATE] = date;
	sm.f[STORE_MEETING_START_TIME] = (char *)m->start;
	sm.f[STORE_MEETING_END_TIME] = (char *)m->end;
	sm.f[STORE_MEETING_PLACE] = (char *)m->place;
	sm.f[STORE_MEETING_PURPOSE] = (char *)m->purpose;
	sm.f[STORE_MEETING_TARGET] = (char *)m->target;
	sm.f[STORE_MEETING_REACHED] = (char *)m->reached;
	sm.f[STORE_MEETING_NEXT_TIME] = (char *)m->next_time;
	check(d, store_meeting_create(d->st, &sm, &d->err), "creating a meeting");
	snprintf(d->meeting, sizeof d->meeting, "%s", sm.id);
}

/* Participants as "name|organisation|profession" lines, or
 * "name|organisation|facilitator|profession" (also presenter) for the part
 * someone plays; a leading '-' is absent. */
static void people(struct demo *d, const char *const *lines)
{
	for (int i = 0; lines[i]; i++) {
		char *copy = xstrdup(lines[i] + (lines[i][0] == '-'));
		char *save = NULL;
		struct store_participant p;
		memset(&p, 0, sizeof p);
		snprintf(p.meeting_id, sizeof p.meeting_id, "%s", d->meeting);
		p.ord = i;
		p.name = strtok_r(copy, "|", &save);
		p.organisation = strtok_r(NULL, "|", &save);
		p.profession = strtok_r(NULL, "|", &save);
		if (p.profession && (strcmp(p.profession, "facilitator") == 0 ||
				     strcmp(p.profession, "presenter") == 0)) {
			p.role = p.profession;
			p.profession = strtok_r(NULL, "|", &save);
		}
		p.present = lines[i][0] != '-';
		check(d, store_participant_save(d->st, &p, &d->err), "adding a participant");
		free(copy);
	}
}

static void person_case(struct demo *d, const char *code, const char *initials, const char *age,
			const char *sex, const char *area, const char *presenter, int ord,
			const char *follows)
{
	struct store_person p;
	memset(&p, 0, sizeof p);
	struct store_person found;
	memset(&found, 0, sizeof found);
	if (store_person_get(d->st, NULL, code, &found, &d->err) == KAIGI_OK) {
		snprintf(p.id, sizeof p.id, "%s", found.id);
	} else {
		p.code = (char *)code;
		p.initials = (char *)initials;
		p.age_band = (char *)age;
		p.sex = (char *)sex;
		p.area = (char *)area;
		check(d, store_person_save(d->st, &p, &d->err), "adding a person");
	}
	store_person_clear(&found);
	struct store_case c;
	memset(&c, 0, sizeof c);
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", d->meeting);
	snprintf(c.person_id, sizeof c.person_id, "%s", p.id);
	snprintf(c.follows, sizeof c.follows, "%s", follows ? follows : "");
	c.ord = ord;
	c.presenter = (char *)presenter;
	check(d, store_case_save(d->st, &c, &d->err), "adding a case");
	snprintf(d->case_id, sizeof d->case_id, "%s", c.id);
}

static void form(struct demo *d, const char *form_id)
{
	check(d, store_record_ensure(d->st, d->meeting, d->case_id, form_id, d->rec, &d->err),
	      "creating a record");
}

/* field=value pairs, NULL-terminated. */
static void answers(struct demo *d, const char *const *kv)
{
	for (int i = 0; kv[i]; i += 2) {
		struct store_path p = {kv[i], NULL, NULL};
		check(d, store_answer_save(d->st, d->rec, &p, kv[i + 1], &d->err), kv[i]);
	}
}

/* The grid rows as "row before after personal environmental". */
static void grid(struct demo *d, const char *grid_id, const char *const *rows)
{
	static const char *const cols[] = {"before", "after", "personal", "environmental"};
	for (int i = 0; rows[i]; i++) {
		char *copy = xstrdup(rows[i]);
		char *save = NULL;
		const char *row = strtok_r(copy, "|", &save);
		for (int c = 0; c < 4; c++) {
			const char *v = strtok_r(NULL, "|", &save);
			if (!v || !*v || strcmp(v, "-") == 0)
				continue;
			struct store_path p = {grid_id, row, cols[c]};
			check(d, store_answer_save(d->st, d->rec, &p, v, &d->err), row);
		}
		free(copy);
	}
}

/* One list item: col=value pairs. */
static void item(struct demo *d, const char *list, const char *const *kv)
{
	check(d, store_item_add(d->st, d->rec, list, 1000, d->item, &d->err), list);
	for (int i = 0; kv[i]; i += 2) {
		struct store_path p = {list, d->item, kv[i]};
		check(d, store_answer_save(d->st, d->rec, &p, kv[i + 1], &d->err), kv[i]);
	}
}

static void phases(struct demo *d, const int *actual)
{
	static const char *const ids[] = {"framing", "presentation", "questions", "advice",
					  "wrapup"};
	static const int planned[] = {1, 5, 10, 8, 4};
	for (int i = 0; i < 5; i++)
		check(d,
		      store_phase_set(d->st, d->case_id, ids[i], i, planned[i] * 60, actual[i],
				      &d->err),
		      "phase time");
}

#define KV(...) ((const char *const[]){__VA_ARGS__, NULL})

static void past_meeting(struct demo *d, char first_case[STORE_ID_SIZE])
{
	char visit[11], conf[11], due[11], follow[11];
	date_from_today(-70, visit);
	date_from_today(-56, conf);
	date_from_today(-14, due);
	date_from_today(0, follow);
	meeting(d, &(struct demo_meeting){
		       "independence_support", -56, "自立支援型地域ケア個別会議（第5回）", "14:00",
		       "15:30", "みどり町保健センター 2階会議室",
		       "要支援の方の「元の暮らしに戻る」ための課題と支援を、多職種で検討する。",
		       "2事例について、課題・目標・役割分担まで合意する。",
		       "2事例とも役割分担まで合意。買い物の移動手段が地域課題として挙がった。",
		       "移動手段の課題を生活支援コーディネーターが協議体へ報告し、次回共有する。"});
	people(d, KV("山本 花子|みどり町地域包括支援センター|facilitator|centre",
		     "佐藤 健一|居宅介護支援事業所ひまわり|presenter|care_manager",
		     "中村 由美|みどり町地域包括支援センター|centre",
		     "小林 誠|みどり薬局|pharmacist", "加藤 直子|訪問リハビリステーション若葉|pt",
		     "吉田 恵|みどり町保健センター|dietitian", "-伊藤 歩|みどり町社会福祉協議会|sc",
		     "渡辺 翔|みどり町高齢福祉課|municipal"));

	/* Case 1: a woman in her 80s who stopped going out after a fall. */
	person_case(d, "K-2026-001", "T.S", "80代", "F", "東地区", "居宅介護支援事業所ひまわり", 0,
		    NULL);
	snprintf(first_case, STORE_ID_SIZE, "%s", d->case_id);
	form(d, "toyoake_case_sheet");
	answers(d, KV("case_no", "1", "initials", "T.S", "conference_date", conf,
		      "first_visit_date", visit, "age", "84", "sex", "F", "disability_independence",
		      "J2", "dementia_independence", "I", "previous_care_level", "new",
		      "care_level", "shien1", "key_problems", "2 1", "district", "東町", "housing",
		      "戸建て2階建て。玄関に20cmの段差、手すりなし。", "household",
		      "独居。長女が隣の市に住み、週末に来る。", "height", "148", "weight", "41.5",
		      "medical_history", "高血圧（10年前〜）、右大腿骨頸部骨折（半年前、手術）",
		      "medication", "降圧薬1日1回、鎮痛薬（頓服）", "life_issue",
		      "転倒してから外出が怖く、買い物は長女まかせ。日中は座って過ごすことが多い。",
		      "desired_life", "「また自分でスーパーに行って、好きなものを選んで買いたい」",
		      "cm_view",
		      "下肢筋力の低下と転倒への不安から活動量が落ちている。環境を整え、歩く自信を取"
		      "り戻せば買い物は再開できる。",
		      "formal_services", "通所型サービスC（短期集中予防）週1回、福祉用具（歩行器）",
		      "informal_services", "長女の週末の買い物支援、近所の友人の訪問"));
	form(d, "adl_toyoake");
	grid(d, "adl",
	     KV("indoor_walk|2|1|ふらつきがある|-",
		"outdoor_walk|3|2|転倒への不安|段差、手すりなし",
		"outing|5|3|外出意欲の低下|送迎手段がない", "toileting|1|1|-|-", "eating|1|1|-|-",
		"bathing|3|2|浴槽をまたぐのが不安|浴室に手すりなし", "dressing|2|1|-|-",
		"cleaning|3|2|-|-", "laundry|2|2|-|-",
		"shopping|5|3|歩行への自信がない|店まで1.2km、坂道", "cooking|2|2|-|-",
		"tidying|2|2|-|-", "rubbish|3|2|-|集積所まで坂", "clinic|3|3|-|長女の送迎に頼る",
		"medication|1|1|-|-", "money|1|1|-|-", "telephone|1|1|-|-",
		"social|5|3|サロンに行かなくなった|-"));
	form(d, "case_plan");
	answers(d, KV("consult_point",
		      "転倒後に閉じこもりがちになった方が、買い物に行けるようになるための支援を検討"
		      "したい。",
		      "medical_risk", "降圧薬は飲めている。起立時のふらつきは主治医に報告済み。"));
	item(d, "issues",
	     KV("demand", "買い物に行くのが怖い", "need", "屋外を安全に歩けるようになる",
		"category", "mobility", "medical", "0", "adl_rows", "outdoor_walk shopping"));
	item(d, "issues",
	     KV("demand", "一人で家にいることが多い", "need", "人と会う場に戻る", "category",
		"social", "adl_rows", "outing social"));
	item(d, "advice",
	     KV("profession", "pt", "text",
		"玄関の段差に手すりを付け、屋外歩行は坂の少ない道から練習を始める。", "issue",
		"1"));
	item(d, "advice",
	     KV("profession", "pharmacist", "text",
		"降圧薬の服用時間を朝に固定すると、午後のふらつきが減る可能性がある。", "issue",
		"1"));
	item(d, "advice",
	     KV("profession", "sc", "text",
		"東地区のサロンは送迎ボランティアがある。見学に同行できる。", "issue", "2"));
	item(d, "goals",
	     KV("horizon", "long", "period", "6か月", "wording",
		"「半年後に一人でスーパーへ買い物に行ける」", "indicator",
		"週1回、自分で買い物に行く", "issue", "1"));
	item(d, "goals",
	     KV("horizon", "short", "period", "3か月", "wording",
		"「3か月後に近所の公園まで歩ける」", "indicator", "公園まで往復できる", "issue",
		"1"));
	item(d, "actions",
	     KV("who", "福祉用具事業所", "what", "玄関に手すりを設置する", "due", due, "status",
		"done", "issue", "1"));
	item(d, "actions",
	     KV("who", "通所型サービスC", "what", "屋外歩行の練習（坂の少ない道）", "due", follow,
		"status", "doing", "issue", "1"));
	item(d, "actions",
	     KV("who", "生活支援コーディネーター", "what", "サロン見学に同行する", "due", due,
		"status", "todo", "issue", "2"));
	answers(d, KV("followup_date", follow));
	item(d, "regional_issues",
	     KV("statement", "坂の多い東地区に、買い物への移動手段がない", "category", "mobility",
		"policy", "resources", "area", "東地区"));
	phases(d, (const int[]){70, 340, 620, 510, 260});

	/* Case 2: a man in his 70s, cooking and nutrition after his wife died. */
	person_case(d, "K-2026-002", "M.K", "70代", "M", "西地区", "居宅介護支援事業所さくら", 1,
		    NULL);
	form(d, "toyoake_case_sheet");
	answers(d, KV("case_no", "2", "initials", "M.K", "conference_date", conf, "age", "78",
		      "sex", "M", "care_level", "shien2", "key_problems", "1", "household",
		      "妻が1年前に他界し独居。長男は県外。", "height", "165", "weight", "52",
		      "life_issue", "食事はコンビニ弁当が中心で体重が半年で6kg減った。",
		      "desired_life", "「畑でとれた野菜で、また料理がしたい」"));
	form(d, "adl_toyoake");
	grid(d, "adl",
	     KV("indoor_walk|1|1|-|-", "outdoor_walk|2|1|-|-", "cooking|5|3|調理の経験が少ない|-",
		"shopping|2|1|-|-", "social|3|2|-|-"));
	form(d, "case_plan");
	item(d, "issues",
	     KV("demand", "料理の仕方がわからない", "need", "簡単な調理で栄養をとれる", "category",
		"nutrition"));
	item(d, "advice",
	     KV("profession", "dietitian", "text",
		"まず汁物と卵料理から。畑の野菜を使う献立を一緒に作る。", "issue", "1"));
	item(d, "goals",
	     KV("horizon", "short", "period", "3か月", "wording",
		"「自分で味噌汁と卵焼きを作れる」", "issue", "1"));
	item(d, "actions",
	     KV("who", "管理栄養士（保健センター）", "what", "男性料理教室を紹介する", "due", due,
		"status", "todo", "issue", "1"));
	/* Due by the meeting planned in four weeks: planning it lists this. */
	char report[11];
	date_from_today(21, report);
	answers(d, KV("followup_date", report));
	item(d, "regional_issues",
	     KV("statement", "男性が参加しやすい料理教室が少ない", "category", "nutrition",
		"policy", "resources", "area", "西地区"));
	phases(d, (const int[]){60, 300, 560, 480, 240});
}

static void todays_meeting(struct demo *d, const char *follow_case)
{
	char conf[11], visit[11];
	date_from_today(0, conf);
	date_from_today(-10, visit);
	meeting(d, &(struct demo_meeting){
		       "independence_support", 0, "自立支援型地域ケア個別会議（第7回）", "14:00",
		       "15:30", "みどり町保健センター 2階会議室",
		       "要支援の方の「元の暮らしに戻る」ための課題と支援を、多職種で検討する。",
		       "新規1事例の課題と役割分担を決め、前回事例の経過を確認する。", NULL, NULL});
	people(d, KV("山本 花子|みどり町地域包括支援センター|facilitator|centre",
		     "高橋 美穂|居宅介護支援事業所あおば|presenter|care_manager",
		     "中村 由美|みどり町地域包括支援センター|centre",
		     "小林 誠|みどり薬局|pharmacist", "加藤 直子|訪問リハビリステーション若葉|pt",
		     "伊藤 歩|みどり町社会福祉協議会|sc"));
	/* A new case, presented in part: the facilitator fills in the rest. */
	person_case(d, "K-2026-003", "Y.H", "80代", "F", "北地区", "居宅介護支援事業所あおば", 0,
		    NULL);
	form(d, "toyoake_case_sheet");
	answers(d, KV("case_no", "1", "initials", "Y.H", "conference_date", conf,
		      "first_visit_date", visit, "age", "81", "sex", "F", "care_level", "shien1",
		      "household", "夫（85歳）と二人暮らし。", "desired_life",
		      "「友だちと温泉に行けるくらい元気になりたい」"));
	form(d, "adl_toyoake");
	form(d, "case_plan");
	form(d, "monitoring");
	/* The follow-up of the first case of the past meeting, started from last
	 * time as the UI starts one: its open short-term goal in the 評価表, its
	 * ADL/IADL ratings carried over to be changed where they changed. */
	person_case(d, "K-2026-001", NULL, NULL, NULL, NULL, "居宅介護支援事業所ひまわり", 1,
		    follow_case);
	if (!d->failed)
		check(d, store_followup_prefill(d->st, d->case_id, NULL, &d->err),
		      "starting the follow-up");
	form(d, "toyoake_case_sheet");
	form(d, "adl_toyoake");
	form(d, "case_plan");
	form(d, "monitoring");
}

static void planned_meeting(struct demo *d)
{
	meeting(d, &(struct demo_meeting){
		       "independence_support", 28, "自立支援型地域ケア個別会議（第8回）", "14:00",
		       "15:30", "みどり町役場 第1会議室",
		       "要支援の方の「元の暮らしに戻る」ための課題と支援を、多職種で検討する。",
		       NULL, NULL, NULL});
}

/* A fresh file: the old demo and its WAL files go. */
static bool remove_old(const char *path)
{
	static const char *const ext[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		int rc = unlink(p);
		int e = errno;
		free(p);
		if (rc != 0 && e != ENOENT) {
			fprintf(stderr, "kaigi demo: cannot replace %s: %s\n", path, strerror(e));
			return false;
		}
	}
	return true;
}

static int build(const struct cmd_opts *opts, const char *path)
{
	struct schema_set set;
	struct kaigi_diags diags = {0};
	int rc = cmd_forms_open(opts, &set, &diags);
	if (rc)
		return rc;
	cmd_print_diags(&diags);
	kaigi_diags_free(&diags);
	struct demo d;
	memset(&d, 0, sizeof d);
	if (!remove_old(path) || store_open(&d.st, path, STORE_READ_WRITE, &d.err) != KAIGI_OK) {
		if (d.err.msg[0])
			cmd_print_error(&d.err);
		schema_set_free(&set);
		return KAIGI_EENV;
	}
	store_set_forms(d.st, &set);
	store_set_lang(d.st, opts->lang);
	store_set_actor(d.st, "demo");
	char first[STORE_ID_SIZE] = "";
	past_meeting(&d, first);
	todays_meeting(&d, first);
	planned_meeting(&d);
	store_close(d.st);
	schema_set_free(&set);
	return d.failed ? KAIGI_EDATA : 0;
}

int cmd_demo_run(const struct cmd_opts *opts, int argc, char **argv)
{
	bool no_ui = argc == 2 && strcmp(argv[1], "--no-ui") == 0;
	if (argc != 1 && !no_ui) {
		return cmd_usage_error("demo", NULL);
	}
	char *path = cmd_data_file("demo.db");
	int status = build(opts, path);
	if (status == 0 && no_ui)
		printf("%s\n", path);
	else if (status == 0)
		status = cmd_ui_open(opts, path, NULL);
	free(path);
	return status;
}
