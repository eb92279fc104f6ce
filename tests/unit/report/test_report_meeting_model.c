// SPDX-License-Identifier: MIT
/*
 * test_report_meeting_model.c — the meeting as towns run it, through
 * the store and report APIs: a participant whose profession the template
 * does not expect is recorded, exported, imported and counted; an old
 * meeting's summary keeps the vision of its day when the town's changes;
 * the case packet holds every case sheet and no identifying value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/store_internal.h"

#include "fixture.h"
#include "kaigi/meeting.h"
#include "kaigi/report.h"
#include "kaigi/store_exchange.h"
#include "kaigi/xalloc.h"

#define MEETING "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c40"

static int setup(void **state)
{
	*state = fixture_new("tests/data/meeting/packet.yaml");
	return 0;
}

static char *render(struct fixture *f, struct store *st, const struct report_options *o)
{
	struct strbuf out = STRBUF_INIT;
	struct kaigi_error err;
	if (report_meeting_render(st, &f->forms, MEETING, REPORT_TEXT, o, &out, &err) != KAIGI_OK)
		fail_msg("render: %s", err.msg);
	return strbuf_take(&out);
}

/* The text with its line breaks and wrapping spaces taken out, so that a
 * phrase the 80-column layout wrapped is still found. */
static char *unwrapped(const char *text)
{
	struct strbuf out = STRBUF_INIT;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			while (p[1] == ' ')
				p++;
			continue;
		}
		strbuf_appendn(&out, p, 1);
	}
	return strbuf_take(&out);
}

/* The report of st rendered with o, holding every phrase of shown and none
 * of hidden (NULL-ended lists), once the 80-column wrapping is taken out; a
 * failure names the phrase. */
static void report_shows(struct fixture *f, struct store *st, const struct report_options *o,
			 const char *const *shown, const char *const *hidden)
{
	char *text = render(f, st, o);
	char *flat = unwrapped(text);
	for (size_t i = 0; shown[i]; i++)
		if (!strstr(flat, shown[i]))
			fail_msg("not in the report: '%s'", shown[i]);
	for (size_t i = 0; hidden[i]; i++)
		if (strstr(flat, hidden[i]))
			fail_msg("in the report: '%s'", hidden[i]);
	free(flat);
	free(text);
}

/* f's database exported as a YAML record file and imported into a new
 * database db (the caller closes it); *yaml: the file (the caller frees). */
static struct store *copied_through_yaml(struct fixture *f, const char *db, char **yaml)
{
	struct strbuf out = STRBUF_INIT;
	struct kaigi_diags warn = {0};
	struct kaigi_error err;
	assert_int_equal(store_export_yaml(f->st, NULL, test_strbuf_write, &out, &warn, &err),
			 KAIGI_OK);
	struct store *st2 = fixture_store_other(f, db);
	assert_int_equal(store_import_buffer(st2, "export.yaml", out.s, out.len, NULL, &warn),
			 KAIGI_OK);
	kaigi_diags_free(&warn);
	*yaml = strbuf_take(&out);
	return st2;
}

/* The participants of meeting in st: there must be n. */
static void participants(struct store *st, const char *meeting, struct store_participant_list *pl,
			 size_t n)
{
	struct kaigi_error err;
	assert_int_equal(store_participant_list(st, meeting, pl, &err), KAIGI_OK);
	assert_int_equal(pl->n, n);
}

static void profession_not_in_template(void **state)
{
	struct fixture *f = *state;
	/* The dentist and the scrivener are not professions the template
	 * expects; 介護福祉士 is not even on the town's list. */
	struct store_participant_list pl;
	participants(f->st, MEETING, &pl, 4);
	assert_string_equal(pl.v[3].profession, "介護福祉士");
	assert_null(pl.v[3].role);
	assert_string_equal(pl.v[0].role, "facilitator");
	store_participant_list_free(&pl);
	/* Exported … imported into another database … */
	char *yaml;
	struct store *st2 = copied_through_yaml(f, "other.db", &yaml);
	assert_non_null(strstr(yaml, "profession: 介護福祉士"));
	assert_non_null(strstr(yaml, "profession: scrivener"));
	participants(st2, MEETING, &pl, 4);
	assert_string_equal(pl.v[1].profession, "dentist");
	assert_string_equal(pl.v[2].profession, "scrivener");
	assert_string_equal(pl.v[3].profession, "介護福祉士");
	store_participant_list_free(&pl);
	/* … and counted, with the expected professions nobody came from. */
	struct report_options o = {.lang = "ja"};
	static const char *const shown[] = {
	    "職種別の出席",       "歯科医師 1名", "司法書士 1名", "介護福祉士 1名",
	    "出席のなかった職種", "薬剤師",       NULL,
	};
	static const char *const hidden[] = {NULL};
	report_shows(f, st2, &o, shown, hidden);
	store_close(st2);
	free(yaml);
}

static void old_summary_keeps_its_vision(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	/* The vision of the day the meeting was held, kept with it. */
	assert_int_equal(store_meeting_vision_set(f->st, MEETING, "元の暮らしに戻れる町", &err),
			 KAIGI_OK);
	struct report_options o = {.lang = "ja", .vision = "元の暮らしに戻れる町"};
	char *before = render(f, f->st, &o);
	/* The town rewrites its vision: the old summary does not change. */
	o.vision = "誰もが役割を持てる町";
	char *after = render(f, f->st, &o);
	assert_string_equal(before, after);
	free(before);
	assert_non_null(strstr(after, "元の暮らしに戻れる町"));
	assert_null(strstr(after, "誰もが役割を持てる町"));
	/* Exported and imported, the meeting keeps it too. */
	char *yaml;
	struct store *st2 = copied_through_yaml(f, "vision.db", &yaml);
	char *v = NULL;
	assert_int_equal(store_meeting_vision_get(st2, MEETING, &v, &err), KAIGI_OK);
	assert_string_equal(v, "元の暮らしに戻れる町");
	free(v);
	store_close(st2);
	/* --vision still overrides, when asked. */
	o.vision_override = true;
	char *forced = render(f, f->st, &o);
	assert_non_null(strstr(forced, "誰もが役割を持てる町"));
	free(forced);
	free(after);
	free(yaml);
}

static void packet_every_sheet_nothing_identifying(void **state)
{
	struct fixture *f = *state;
	struct report_options o = {.lang = "ja", .packet = true, .names = true};
	char *text = render(f, f->st, &o); /* names asked for: ignored */
	char *flat = unwrapped(text);
	/* Every case on the agenda, each with its case sheet. */
	const char *codes[] = {"TY-2026-001", "TY-2026-002", "TY-2026-003", "TY-2026-004"};
	const char *p = flat;
	for (size_t i = 0; i < 4; i++) {
		p = strstr(p, codes[i]);
		assert_non_null(p);
		const char *next = i + 1 < 4 ? strstr(p, codes[i + 1]) : p + strlen(p);
		const char *sheet = strstr(p, "多職種合同ケアカンファレンス資料（要支援版）");
		assert_true(sheet && sheet < next);
		p = next;
	}
	assert_non_null(strstr(flat, "資料回収"));
	assert_non_null(strstr(flat, "事例資料（事前配布）"));
	assert_non_null(strstr(flat, "ADL・IADL"));
	/* What the room writes in the meeting is not in it. */
	assert_null(strstr(flat, "役割分担"));
	FILE *in = fopen(test_source("tests/data/meeting/packet_secrets.txt"), "r");
	assert_non_null(in);
	char line[256];
	size_t n = 0;
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\n")] = '\0';
		if (!*line || *line == '#')
			continue;
		if (strstr(text, line) || strstr(flat, line))
			fail_msg("the packet shows '%s'", line);
		n++;
	}
	fclose(in);
	assert_true(n >= 8);
	free(flat);
	free(text);
	/* The other formats take the same path. */
	for (int fmt = REPORT_MARKDOWN; fmt <= REPORT_HTML; fmt++) {
		struct strbuf out = STRBUF_INIT;
		struct kaigi_error err;
		assert_int_equal(report_meeting_render(f->st, &f->forms, MEETING,
						       (enum report_format)fmt, &o, &out, &err),
				 KAIGI_OK);
		assert_null(strstr(strbuf_str(&out), "090-1234-5678"));
		assert_null(strstr(strbuf_str(&out), "田村"));
		strbuf_free(&out);
	}
}

/* The section of the packet text of case code (up to the next case's, or
 * the end); owned by the caller. */
static char *case_part(const char *flat, const char *code, const char *next)
{
	const char *p = strstr(flat, code);
	assert_non_null(p);
	const char *end = next ? strstr(p, next) : NULL;
	size_t n = end ? (size_t)(end - p) : strlen(p);
	char *out = xcalloc(n + 1, 1);
	memcpy(out, p, n);
	return out;
}

/* A case opened in the meeting has every form of the template, its
 * ADL/IADL grid too; a grid with no rating at all (a case not assessed
 * yet) is left out of the packet instead of printing its heading and
 * legend alone.  A rated grid is still there. */
static void packet_leaves_out_an_unrated_grid(void **state)
{
	struct fixture *f = *state;
	struct kaigi_error err;
	struct store_case_list cl;
	assert_int_equal(store_case_list(f->st, MEETING, &cl, &err), KAIGI_OK);
	assert_int_equal(cl.n, 4);
	char id[STORE_ID_SIZE];
	assert_int_equal(store_record_ensure(f->st, MEETING, cl.v[1].id, "adl_toyoake", id, &err),
			 KAIGI_OK);
	store_case_list_free(&cl);
	struct report_options o = {.lang = "ja", .packet = true};
	char *text = render(f, f->st, &o);
	char *flat = unwrapped(text);
	free(text);
	char *one = case_part(flat, "TY-2026-001", "TY-2026-002");
	char *two = case_part(flat, "TY-2026-002", "TY-2026-003");
	assert_non_null(strstr(one, "ADL・IADL状況"));
	assert_non_null(strstr(one, "事前判定"));
	if (strstr(two, "ADL・IADL状況") || strstr(two, "事前判定"))
		fail_msg("an unrated grid is in the packet:\n%s", two);
	free(one);
	free(two);
	free(flat);
}

static void summary_carries_the_case_facts(void **state)
{
	struct fixture *f = *state;
	static const char *const shown[] = {
	    "特徴（要となる問題点）",
	    "2 筋力低下",
	    "住環境",
	    "圏域",
	    "東部圏域",
	    "21.1（150cm・47.5kg）",
	    "腰部脊柱管狭窄症",
	    "ケアマネの見立て",
	    "通所型サービスC",
	    NULL,
	};
	/* … through the same door as the packet. */
	static const char *const hidden[] = {"suzuki.ichiro@example.jp", "栄町二丁目", NULL};
	report_shows(f, f->st, &(struct report_options){.lang = "ja"}, shown, hidden);
}

/* The migration of the meeting model: a role that was a profession moves
 * to profession; the part played stays; meetings gain a vision. */
static void migration_moves_professions(void **state)
{
	struct fixture *f = *state;
	char *path = xasprintf("%s/old.db", f->dir);
	sqlite3 *db = test_db_before(path, test_migration_find("meeting_model"), "tester");
	test_sql_exec(db,
		      "INSERT INTO meeting (id, template, title, date, created, updated) VALUES "
		      "('11111111-1111-4111-8111-000000000001', 'independence_support', '旧会議', "
		      "'2024-05-14', 0, 0);"
		      "INSERT INTO participant (id, meeting_id, ord, name, role, created, updated) "
		      "VALUES ('77777777-7777-4777-8777-000000000001', "
		      "'11111111-1111-4111-8111-000000000001', 0, '山田', 'facilitator', 0, 0),"
		      "('77777777-7777-4777-8777-000000000002', "
		      "'11111111-1111-4111-8111-000000000001', 1, '佐藤', 'rehab', 0, 0),"
		      "('77777777-7777-4777-8777-000000000003', "
		      "'11111111-1111-4111-8111-000000000001', 2, '鈴木', NULL, 0, 0);");
	sqlite3_close(db);
	struct store *st;
	struct kaigi_error err;
	assert_int_equal(store_open(&st, path, STORE_READ_WRITE, &err), KAIGI_OK);
	struct store_participant_list pl;
	participants(st, "11111111-1111-4111-8111-000000000001", &pl, 3);
	assert_string_equal(pl.v[0].role, "facilitator");
	assert_null(pl.v[0].profession);
	assert_null(pl.v[1].role);
	assert_string_equal(pl.v[1].profession, "rehab");
	assert_null(pl.v[2].role);
	assert_null(pl.v[2].profession);
	store_participant_list_free(&pl);
	char *v = (char *)"x";
	assert_int_equal(
	    store_meeting_vision_get(st, "11111111-1111-4111-8111-000000000001", &v, &err),
	    KAIGI_OK);
	assert_null(v);
	store_close(st);
	free(path);
}

/* The list config/config.yaml ships is the list kaigi uses without one. */
static void shipped_professions_are_the_default(void **state)
{
	(void)state;
	struct kaigi_config cfg;
	struct kaigi_diags diags = {0};
	assert_int_equal(config_load_file(&cfg, test_source("config/config.yaml"), &diags),
			 KAIGI_OK);
	size_t nd, ns;
	const struct config_profession *def = config_professions(NULL, &nd);
	const struct config_profession *shipped = config_professions(&cfg, &ns);
	assert_true(cfg.nprofessions > 0);
	assert_int_equal(nd, ns);
	for (size_t i = 0; i < nd; i++) {
		assert_string_equal(def[i].id, shipped[i].id);
		assert_string_equal(def[i].label.ja, shipped[i].label.ja);
		assert_string_equal(def[i].label.en, shipped[i].label.en);
	}
	/* The seeds' people are on it, with "other" left to the typing. */
	assert_string_equal(config_profession_label(&cfg, "dentist", "ja"), "歯科医師");
	assert_string_equal(config_profession_label(&cfg, "scrivener", "ja"), "司法書士");
	assert_null(config_profession_label(&cfg, "介護福祉士", "ja"));
	assert_true(cfg.nregion > 0);
	config_free(&cfg);
	kaigi_diags_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(profession_not_in_template, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(old_summary_keeps_its_vision, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(packet_every_sheet_nothing_identifying, setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(summary_carries_the_case_facts, setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(packet_leaves_out_an_unrated_grid, setup,
					    fixture_teardown),
	    cmocka_unit_test(shipped_professions_are_the_default),
	    cmocka_unit_test_setup_teardown(migration_moves_professions, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
